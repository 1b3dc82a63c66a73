"""Case-law citations through eyecite."""
from __future__ import annotations

from docketgraph.graph.model import CitationMention


def find_citations(text: str) -> list[CitationMention]:
    return []
