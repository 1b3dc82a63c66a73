"""Judges of the case and their roles, from captions, bylines and signature blocks."""
from __future__ import annotations

from docketgraph.graph.model import JudgeMention


def find_judges(text: str) -> list[JudgeMention]:
    return []
