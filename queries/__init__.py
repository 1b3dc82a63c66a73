"""Where users meet the graph: the KnowledgeGraph facade, saved queries, analytics, views."""
from __future__ import annotations


def __getattr__(name: str):
    if name == "KnowledgeGraph":
        from docketgraph.queries.api import KnowledgeGraph
        return KnowledgeGraph
    raise AttributeError(name)


__all__ = ["KnowledgeGraph"]
