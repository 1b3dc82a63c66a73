"""Court names to courts-db ids (wrapping courts-db's case-sensitive matcher)."""
from __future__ import annotations

from dataclasses import dataclass

from docketgraph.graph.model import Span


@dataclass(frozen=True)
class CourtHit:
    id: str
    span: Span


def find_court(text: str) -> CourtHit | None:
    """The court of the document's own case, if the text states it."""
    return None
