"""Analytics that SPARQL does badly, over networkx projections of the graph.

Functions take the graph first and options as keywords; they return new objects.
"""
from __future__ import annotations

QUERIES: list = []
