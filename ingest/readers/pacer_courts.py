"""Court ids (courts-db) for CM/ECF docket report pages.

A CM/ECF docket page names its court in the page header ("U.S. District Court /
Northern District of Illinois - CM/ECF LIVE, Ver 6.2.1 (Chicago)", "California Northern
District (San Francisco)", "UNITED STATES DISTRICT COURT, CENTRAL DISTRICT OF CALIFORNIA
(Western Division - Los Angeles)"), often in the page title ("U.S. District Court:txed",
"CM/ECF - vaed") and in the court's own links (``ecf.ilnd.uscourts.gov``). courts-db's
``find_court`` is case-sensitive and wants the "District Court for the ..." phrasing, so
the header phrase is normalised before asking, and district courts are preferred over
bankruptcy courts unless the header says "Bankruptcy Court".
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

from docketgraph.graph.model import Span
from docketgraph.ingest.fields.compiled import find_court

_log = logging.getLogger(__name__)

_DIRECTIONS = ("Northern", "Southern", "Eastern", "Western", "Middle", "Central")
_DIR = r"(?P<dir>Northern|Southern|Eastern|Western|Middle|Central)"
_WORD = r"[A-Za-z][A-Za-z.]{0,20}"
# "Northern District of Illinois", "District of New Jersey", "DISTRICT OF CALIFORNIA"
_DISTRICT_OF = re.compile(
    rf"(?:{_DIR}[ \t]+)?District[ \t]+of[ \t]+(?P<state>{_WORD}(?:[ \t]+{_WORD}){{0,3}})",
    re.IGNORECASE,
)
# "California Northern District", "Northern Illinois" (page titles)
_INVERTED = re.compile(
    rf"\b(?P<state>{_WORD}(?:[ \t]+{_WORD})?)[ \t]+{_DIR}[ \t]+District\b", re.IGNORECASE
)
_ID_TOKEN = re.compile(r"(?<![A-Za-z0-9.])([a-z]{2,4}[db])(?![A-Za-z0-9])")
_ECF_HOST = re.compile(r"ecf\.([a-z]{2,4}[db])\.uscourts\.gov", re.IGNORECASE)
_SMALL = {"of", "the", "and"}


@dataclass(frozen=True)
class CourtHit:
    id: str
    span: Span | None  # where the page states it (None when only a link gives it)
    evidence: str


@functools.lru_cache(maxsize=1)
def _federal_ids() -> dict[str, str]:
    """courts-db id -> court type, for federal district and bankruptcy courts."""
    from courts_db import courts  # loaded on first use: only docket pages need it

    out = {}
    for c in courts:
        cid = c.get("id") or ""
        if c.get("system") != "federal":
            continue
        if c.get("type") == "bankruptcy" or c.get("parent") == "usdistct" or (
            cid.endswith("d") and "District Court" in (c.get("name") or "")
        ):
            out[cid] = "bankruptcy" if c.get("type") == "bankruptcy" else "district"
    return out


def _title(words: str) -> str:
    out = []
    for i, w in enumerate(words.split()):
        lw = w.lower()
        out.append(lw if (lw in _SMALL and i) else lw[:1].upper() + lw[1:])
    return " ".join(out)


_ABBR = {"N": "northern", "S": "southern", "E": "eastern", "W": "western", "M": "middle",
         "C": "central"}
_NAME_ABBR = re.compile(r"(?:District|Bankruptcy)\s+Court,\s+(?:(?P<d>[NSEWMC])\.\s?D\.|D\.)?\s*(?P<state>.+)$")
_NAME_FULL = re.compile(r"Court\s+for\s+the\s+(?:(?P<d>Northern|Southern|Eastern|Western|Middle|Central)\s+)?"
                        r"District\s+of\s+(?P<state>.+)$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _name_index() -> dict[tuple[str, str, str], str]:
    """(kind, direction, state) -> id, from courts-db's own court names
    ('District Court, E.D. Missouri', 'United States District Court for the Eastern District
    of Arkansas'), for the phrasings its regexes miss."""
    from courts_db import courts

    known = _federal_ids()
    out: dict[tuple[str, str, str], str] = {}
    for c in courts:
        cid = c.get("id") or ""
        if cid not in known:
            continue
        name = (c.get("name") or "").strip()
        m = _NAME_FULL.search(name)
        if m:
            direction = (m.group("d") or "").lower()
        else:
            m = _NAME_ABBR.search(name)
            if not m:
                continue
            direction = _ABBR.get(m.group("d") or "", "")
        state = re.sub(r"^(?:District\s+of\s+)?(?:the\s+)?", "", m.group("state").strip(),
                       flags=re.IGNORECASE).lower()
        out.setdefault((known[cid], direction, state), cid)
    return out


@functools.lru_cache(maxsize=512)
def _lookup(phrase: str, bankruptcy: bool) -> str | None:
    """One courts-db id for 'Northern District of Illinois'-style phrases, else None."""
    known = _federal_ids()
    want = "bankruptcy" if bankruptcy else "district"
    # courts-db knows district courts as "District Court for the ..." and bankruptcy
    # courts only with the full "United States Bankruptcy Court for the ..." form
    kinds = (("United States Bankruptcy Court",) if bankruptcy
             else ("District Court", "United States District Court"))
    for kind in kinds:
        try:
            found = find_court(f"{kind} for the {phrase}")
        except Exception:  # courts-db raises on odd input; treat as no match
            _log.debug("courts-db failed on %r", phrase, exc_info=True)
            continue
        ids = sorted({i for i in found if known.get(i) == want})
        if len(ids) == 1:
            return ids[0]
    m = re.match(r"(?:(?P<d>\w+)\s+)?District\s+of\s+(?:the\s+)?(?P<state>.+)$", phrase,
                 re.IGNORECASE)
    if m:
        return _name_index().get((want, (m.group("d") or "").lower(), m.group("state").lower()))
    return None


def _candidates(m: re.Match) -> list[str]:
    """Phrases to try for one header match, longest state name first."""
    direction = m.group("dir")
    words = m.group("state").split()
    out = []
    for k in range(len(words), 0, -1):
        state = _title(" ".join(words[:k]))
        if direction:
            out.append(f"{_title(direction)} District of {state}")
        else:
            out.append(f"District of {state}")
    return out


def court_from_header(header: str, offset: int = 0, *, raw_html: str = "") -> CourtHit | None:
    """The court of a docket page from its header text (the part before the party list).

    ``offset`` is where ``header`` starts in the document text, so spans are document
    spans. ``raw_html`` lets the court's own ECF links decide when the text does not.
    """
    bankruptcy = bool(re.search(r"Bankruptcy\s+Court", header, re.IGNORECASE))
    for m in _DISTRICT_OF.finditer(header):
        for phrase in _candidates(m):
            cid = _lookup(phrase, bankruptcy)
            if cid:
                return CourtHit(cid, (offset + m.start(), offset + m.end()), m.group(0))
    for m in _INVERTED.finditer(header):
        state = _title(m.group("state"))
        for phrase in (f"{_title(m.group('dir'))} District of {state}",
                       f"{_title(m.group('dir'))} District of {state.split()[-1]}"):
            cid = _lookup(phrase, bankruptcy)
            if cid:
                return CourtHit(cid, (offset + m.start(), offset + m.end()), m.group(0))
    known = _federal_ids()
    for m in _ID_TOKEN.finditer(header):
        cid = m.group(1)
        if cid in known and (known[cid] == "bankruptcy") == bankruptcy:
            return CourtHit(cid, (offset + m.start(1), offset + m.end(1)), cid)
    if raw_html:
        for m in _ECF_HOST.finditer(raw_html[:2_000_000]):
            cid = m.group(1).lower()
            if cid in known:
                return CourtHit(cid, None, m.group(0))
    return None


# ---------------------------------------------------------------------------- courts of appeals

_CIRCUITS = {
    "first": "ca1", "second": "ca2", "third": "ca3", "fourth": "ca4", "fifth": "ca5",
    "sixth": "ca6", "seventh": "ca7", "eighth": "ca8", "ninth": "ca9", "tenth": "ca10",
    "eleventh": "ca11", "1st": "ca1", "2nd": "ca2", "2d": "ca2", "3rd": "ca3", "3d": "ca3",
    "4th": "ca4", "5th": "ca5", "6th": "ca6", "7th": "ca7", "8th": "ca8", "9th": "ca9",
    "10th": "ca10", "11th": "ca11", "district of columbia": "cadc", "d.c.": "cadc",
    "federal": "cafc",
}
_APPEALS_COURT = re.compile(
    r"Court\s+of\s+Appeals,?\s+(?:for\s+the\s+)?(?P<c>First|Second|Third|Fourth|Fifth|Sixth|"
    r"Seventh|Eighth|Ninth|Tenth|Eleventh|1st|2nd|2d|3rd|3d|[4-9]th|1[01]th|"
    r"District\s+of\s+Columbia|D\.C\.|Federal)\s+Circuit", re.IGNORECASE)
_APPEALS_HOST = re.compile(r"ecf\.(ca(?:1[01]|[1-9])|cadc|cafc)\.uscourts\.gov", re.IGNORECASE)


def appeals_court_from_header(header: str, offset: int = 0, *,
                              raw_html: str = "") -> CourtHit | None:
    """The court of appeals of a general docket from its header ('United States Court of
    Appeals for the First Circuit' -> ca1, 'for the 9th Circuit' -> ca9), else from its
    ECF links."""
    m = _APPEALS_COURT.search(header)
    if m:
        key = re.sub(r"\s+", " ", m.group("c")).lower()
        return CourtHit(_CIRCUITS[key], (offset + m.start(), offset + m.end()), m.group(0))
    h = _APPEALS_HOST.search(raw_html[:2_000_000]) if raw_html else None
    if h:
        return CourtHit(h.group(1).lower(), None, h.group(0))
    return None
