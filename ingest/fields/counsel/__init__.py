"""Counsel: attorneys, their firms, e-mails and whom they represent.

Rules follow how filings print counsel; each family is a module of this package (`blocks`,
`oneline`, `statements`, `dockets`, `body`) over `common` (names, the accumulator, shared
patterns):

- **Contact blocks** (signature blocks, appellate cover pages, proposed orders): names stacked
  above the firm line, then address, phone and e-mail lines, and a representation line
  ("Counsel for Plaintiff X", "Attorneys for Plaintiff" + the party on the next line). The
  firm is the organisation on the block's first non-name line; a block whose only person
  line is the attorney's own name and that names no organisation is a solo practitioner
  (firm null). A letter on a firm's letterhead signed by an attorney takes the letterhead firm.
- **One-line blocks**: "A (JD 7204) B (AS 7715) FIRM LLP Attorneys for Plaintiff X".
- **Counsel statements** of opinions: "X, Firm, City, State, for appellant.",
  "ARGUED: ... ON BRIEF: ...", "X (argued) and Y, Firm, City, for ...", "X, with whom Y and
  Firm were on brief, for ..." (in "X, Y, and Firm on brief" lists each attorney's firm is
  null, a lone "X and Firm" keeps the pair; lawyers given only with a city have no firm).
- **Docket text**: "ATTORNEY Appearance for Plaintiff P by X", "Notice of appearance by X
  on behalf of P", and a CM/ECF notice's "electronically mailed to" list (name + e-mails).
- **Statements in an order's body**: "Plaintiff's counsel Epstein Drengel" (a firm, resolved
  against the reference list with the evidence kept), "Firm LLP, counsel for Plaintiff",
  and a tracker's labelled "Law firm:" field.

The e-mail of an attorney is the first address listed for them, matched to the attorney by
the address's local part (jgaudio@ -> Justin R. Gaudio) or, failing that, by the line right
below the name. A firm is never taken from an e-mail domain.
"""
from __future__ import annotations

from docketgraph.graph.model import AttorneyMention, FirmMention, PartyMention
from docketgraph.ingest.fields.counsel.blocks import _blocks
from docketgraph.ingest.fields.counsel.body import _body_statements, _labelled, _prose_counsel
from docketgraph.ingest.fields.counsel.common import _Acc
from docketgraph.ingest.fields.counsel.dockets import (
    _appearances, _nef, _party_tables, _represented_by,
)
from docketgraph.ingest.fields.counsel.oneline import _flat_blocks, _inline_blocks
from docketgraph.ingest.fields.counsel.statements import _argued_the_cause, _for_lines, _statements


__all__ = ["find_counsel"]


def find_counsel(text: str, *, parties: tuple[PartyMention, ...] = (),
                 case: str | None = None) -> tuple[list[AttorneyMention], list[FirmMention]]:
    """Attorneys and law firms acting as counsel in one filing, with spans."""
    acc = _Acc(text, tuple(parties))
    _statements(text, acc)
    _for_lines(text, acc)
    _argued_the_cause(text, acc)
    _represented_by(text, acc)
    _blocks(text, acc)
    _inline_blocks(text, acc)
    _flat_blocks(text, acc)
    _appearances(text, acc)
    _nef(text, acc)
    _body_statements(text, acc)
    _prose_counsel(text, acc)
    _labelled(text, acc)
    _party_tables(text, acc)
    return acc.result(case)
