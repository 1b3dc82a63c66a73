"""Docket numbers in every common form, normalised as SCHEMA.md says."""
from __future__ import annotations

from dataclasses import dataclass

from docketgraph.graph.model import Span


@dataclass(frozen=True)
class DocketHit:
    docket: str  # normalised: "1:23-cv-01820", "23-cv-01820", or appellate as printed
    raw: str
    span: Span
    level: str = "district"  # district | appellate | state
    judge_initials: str | None = None


def find_dockets(text: str) -> list[DocketHit]:
    """Docket numbers in document order, the document's own case first."""
    return []
