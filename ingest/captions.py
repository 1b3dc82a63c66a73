"""Captions: parties and their roles, the caption line, Schedule A defendant groups."""
from __future__ import annotations

from dataclasses import dataclass

from docketgraph.graph.model import PartyMention


@dataclass(frozen=True)
class Caption:
    parties: tuple[PartyMention, ...] = ()
    caption: str | None = None
    schedule_a: bool = False


def find_caption(text: str) -> Caption:
    return Caption()
