"""Online marketplaces and payment processors, from the gazetteer in data/platforms.json."""
from __future__ import annotations

from docketgraph.graph.model import PlatformMention


def find_platforms(text: str) -> list[PlatformMention]:
    return []
