"""The court of a document's own case, and in an appeal the court below.

A heading names it most often ("UNITED STATES DISTRICT COURT / NORTHERN DISTRICT OF
ILLINOIS", read by ``courts.find_courts``). Failing that, in this order:

- a short form on the document's own header line, the line that carries its docket number
  ("24 CV 607 (N.D. Ill. Jul. 9, 2024)"), or its first line; elsewhere a short form is the
  court of a cited decision;
- a court written in Chinese in a translated filing's heading;
- a state court's heading ("IN THE CIRCUIT COURT OF COOK COUNTY, ILLINOIS"), whose state may
  come from the shape of the document's own number when the heading does not say it
  ("05-22-00834-CV" is numbered as only Texas's courts of appeals number);
- the courthouse a letter to a judge is addressed to ("219 South Dearborn Street").

This rule reads both the court headings (``courts``) and the document's own docket numbers
(``dockets``), so it sits above both: ``courts`` knows nothing of docket numbers and
``dockets`` asks ``courts`` only whether a heading is a state court's.
"""
from __future__ import annotations

from docketgraph.ingest.fields import courts, dockets
from docketgraph.ingest.fields.courts import HEAD, CourtHit


def find_court(text: str) -> CourtHit | None:
    """The court of the document's own case, if the text states it."""
    own = next((h for h in courts.find_courts(text) if h.role == "own"), None)
    if own:
        return own
    return (courts.short_form_head(text, _own_line_starts(text)) or courts.zh_field(text)
            or _state_court(text, "own") or courts.courthouse(text))


def find_lower_court(text: str) -> CourtHit | None:
    """In an appellate document, the court appealed from (a district court, or the state
    trial or intermediate court)."""
    hits = courts.find_courts(text)
    if hits:
        return next((h for h in hits if h.role == "lower"), None)
    return _state_court(text, "lower")


def _own_line_starts(text: str) -> set[int]:
    """Where the lines carrying the document's own docket numbers start."""
    return {text.rfind("\n", 0, h.span[0]) + 1 for h in dockets.find_dockets(text[:HEAD]) if h.role == "own"}


def _state_court(text: str, role: str) -> CourtHit | None:
    found = courts.find_state_courts(text, dockets.state_of_number(text))
    return next((h for h in found if h.role == role), None)
