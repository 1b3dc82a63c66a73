"""Counsel: attorneys, their firms, e-mails and whom they represent."""
from __future__ import annotations

from docketgraph.graph.model import AttorneyMention, FirmMention, PartyMention


def find_counsel(text: str, *, parties: tuple[PartyMention, ...] = (),
                 case: str | None = None) -> tuple[list[AttorneyMention], list[FirmMention]]:
    return [], []
