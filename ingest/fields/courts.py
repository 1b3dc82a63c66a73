"""Court names to courts-db ids (wrapping courts-db's case-sensitive matcher).

courts-db's ``find_court`` is case-sensitive and brittle: an ALL-CAPS caption heading or
"Northern District of Illinois" alone finds nothing, and the full district-court name
finds both the district and the bankruptcy court. So the phrase is first read here with
tolerant patterns (any case, headings broken over lines, letter-spaced small caps such as
"F OR THE S ECOND C IRCUIT", "U.S. District Court — Northern District of Illinois",
"United States District Court, S.D. New York"), rebuilt in the canonical form courts-db
knows ("United States District Court for the Northern District of Illinois") and looked
up with ``bankruptcy=False`` unless the heading says "Bankruptcy Court". Results are cached.

Short forms ("(N.D. Ill. Jul. 9, 2024)") count only on the document's own header line
(a line that begins with its docket number, or its first line): elsewhere they are the
courts of cited decisions. A letter to a judge that names no court is placed by the
courthouse address it is sent to (``data/courthouses.json``).
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from docketgraph.graph.model import Span

log = logging.getLogger(__name__)

HEAD = 4000

STATES = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "District of Columbia", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois",
    "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
    "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana",
    "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
    "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
    "Puerto Rico", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
    "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
    "Guam", "Virgin Islands", "Northern Mariana Islands", "Columbia",
)
_DIRS = {"n": "Northern", "s": "Southern", "e": "Eastern", "w": "Western", "m": "Middle",
         "c": "Central"}
CIRCUITS = {"first": "ca1", "second": "ca2", "third": "ca3", "fourth": "ca4", "fifth": "ca5",
            "sixth": "ca6", "seventh": "ca7", "eighth": "ca8", "ninth": "ca9", "tenth": "ca10",
            "eleventh": "ca11", "federal": "cafc", "dc": "cadc", "districtofcolumbia": "cadc"}


def _w(word: str) -> str:
    """A word that may be printed letter-spaced in small caps ("F OR", "C IRCUIT")."""
    return word[0] + r" ?" + re.escape(word[1:]) if len(word) > 1 else re.escape(word)


def _ws(phrase: str) -> str:
    return r"\s{1,60}".join(_w(w) for w in phrase.split())


_STATE_RX = "|".join(sorted((r"\s{1,4}".join(map(re.escape, s.split())) for s in STATES),
                            key=len, reverse=True))
_DIR_RX = "northern|southern|eastern|western|middle|central"
_ORDINALS = "|".join(sorted(CIRCUITS, key=len, reverse=True)).replace(
    "districtofcolumbia", r"district\s{1,4}of\s{1,4}columbia").replace("dc", r"d\.\s?c\.")

_DISTRICT_COURT = re.compile(
    r"(?i)(?:u\.\s?s\.|united\s{1,60}states)\s{1,60}(?P<kind>district|bankruptcy)\s{1,60}court"
    r"(?:\s{0,60}(?:[,\u2014\u2013-]|\bin\s{1,60}and\s{1,60}for\b|\bfor\b|\bof\b)){0,2}"
    r"(?:\s{1,60}the)?\s{0,60}"
    r"(?:(?P<dir>" + _DIR_RX + r")\s{1,60}district\s{1,60}of|(?P<abbr>[nsewmc])\.\s?d\.|district\s{1,60}of)"
    r"\s{1,60}(?P<state>" + _STATE_RX + r")\b"
)
# "NORTHERN DISTRICT OF ILLINOIS" heading under a bare "UNITED STATES DISTRICT COURT".
_APPEALS_COURT = re.compile(
    r"(?i)" + _ws("court of appeals") + r"(?:\s{1,60}" + _w("for") + r")?(?:\s{1,60}" + _w("the")
    + r")?\s{1,60}(?P<circ>" + "|".join(_w(o) if " " not in o and "\\" not in o else o
                                         for o in _ORDINALS.split("|")) + r")\s{1,60}" + _w("circuit")
)
_SHORT_HEAD = re.compile(r"\((?P<abbr>[A-Z][A-Za-z. ]{1,24}?)\s(?:[A-Z][a-z]{2,4}\.?\s\d{1,2},\s)?(?:19|20)\d{2}\)[ \t]*$",
                         re.M)
# Chinese-language Schedule A trackers label the court "法院:伊利诺伊州北法院" (Illinois, North).
ZH_STATES = {
    "伊利诺伊": "Illinois", "伊利诺": "Illinois", "纽约": "New York", "佛罗里达": "Florida",
    "宾夕法尼亚": "Pennsylvania", "宾州": "Pennsylvania", "加利福尼亚": "California", "加州": "California",
    "德克萨斯": "Texas", "得克萨斯": "Texas", "德州": "Texas", "新泽西": "New Jersey",
    "特拉华": "Delaware", "华盛顿": "Washington", "佐治亚": "Georgia", "弗吉尼亚": "Virginia",
    "马萨诸塞": "Massachusetts", "俄亥俄": "Ohio", "密歇根": "Michigan", "内华达": "Nevada",
    "亚利桑那": "Arizona", "科罗拉多": "Colorado", "威斯康星": "Wisconsin", "印第安纳": "Indiana",
    "明尼苏达": "Minnesota", "北卡罗来纳": "North Carolina", "田纳西": "Tennessee", "密苏里": "Missouri",
    "犹他": "Utah", "康涅狄格": "Connecticut", "马里兰": "Maryland",
}
_ZH_DIRS = {"北": "Northern", "南": "Southern", "东": "Eastern", "西": "Western", "中": "Middle"}
_ZH_COURT = re.compile(r"法院\s{0,3}[:：]\s{0,3}(?P<state>" + "|".join(sorted(ZH_STATES, key=len, reverse=True))
                       + r")州?(?P<dir>[北南东西中])?(?:部|区)?(?:地区)?(?:联邦)?(?:地区)?法院")
_LINE_NUMBER = re.compile(r"(?m)^[ \t]{0,3}\d{1,2}(?:[ \t]{2,}|[ \t]*$)")
_APPEAL_FROM = re.compile(r"(?i)appeal(?:ed)?\s{1,5}from|on\s{1,5}appeal\s{1,5}from")


@dataclass(frozen=True)
class CourtHit:
    id: str
    span: Span
    role: str = "own"  # own | lower
    level: str = "district"  # district | appellate | bankruptcy


@lru_cache(maxsize=512)
def lookup(name: str, bankruptcy: bool = False) -> str | None:
    """courts-db id for a canonical court name (cached), ``None`` when not one court."""
    from courts_db import find_court as _cdb_find

    ids = _cdb_find(name, bankruptcy=bankruptcy)
    if not bankruptcy:
        ids = [i for i in ids if not i.endswith("b")] or ids
    if len(ids) != 1:
        log.debug("court %r: %s", name, ids)
        return None
    return ids[0]


@lru_cache(maxsize=1)
def _short_forms() -> dict[str, str]:
    """courts-db citation strings of federal courts ("N.D. Ill." -> ilnd), spaces removed."""
    from courts_db import courts

    out: dict[str, str] = {}
    for c in courts:
        cs = c.get("citation_string")
        if not cs or c.get("system") != "federal" or c["id"].endswith("b"):
            continue
        if c.get("type") not in ("trial", "appellate"):
            continue
        out.setdefault(cs.replace(" ", ""), c["id"])
    return out


@lru_cache(maxsize=1)
def _courthouses() -> list[tuple[re.Pattern, str]]:
    data = json.loads(resources.files("docketgraph.ingest").joinpath(
        "data/courthouses.json").read_text(encoding="utf-8"))
    out = []
    for rec in data["courthouses"]:
        for name in rec["names"]:
            out.append((re.compile(r"\b" + r"\s{1,4}".join(map(re.escape, name.split())) + r"\b",
                                   re.I), rec["court"]))
    return out


def _title(s: str) -> str:
    return " ".join(w.capitalize() for w in s.split())


def _district_id(m: re.Match) -> str | None:
    state = _title(m.group("state")).replace(" Of ", " of ")
    direction = m.group("dir")
    if m.group("abbr"):
        direction = _DIRS[m.group("abbr").lower()]
    bk = m.group("kind").lower() == "bankruptcy"
    court = "Bankruptcy Court" if bk else "District Court"
    if state.startswith("District of") or state == "Columbia":
        where = "District of Columbia"
    else:
        where = f"{_title(direction)} District of {state}" if direction else f"District of {state}"
    return lookup(f"United States {court} for the {where}", bk)


def _appeals_id(m: re.Match) -> str | None:
    key = re.sub(r"[^a-z]", "", m.group("circ").lower())
    return CIRCUITS.get(key)


def find_courts(text: str) -> list[CourtHit]:
    """Every court named in the heading area, in document order, with its role.

    ``own`` is the document's court; in an appellate document the district court named
    in the "Appeal from ..." block is ``lower``.
    """
    head = text[:HEAD + 2000]
    if len(_LINE_NUMBER.findall(head)) >= 8:  # margin line numbers between heading lines
        head = _LINE_NUMBER.sub(lambda m: " " * len(m.group(0)), head)
    found: list[CourtHit] = []
    appeal_blocks = [(m.start(), m.end() + 300) for m in _APPEAL_FROM.finditer(head)]
    for m in _APPEALS_COURT.finditer(head):
        cid = _appeals_id(m)
        if cid:
            found.append(CourtHit(cid, m.span(), "own", "appellate"))
    for m in _DISTRICT_COURT.finditer(head):
        cid = _district_id(m)
        if cid:
            level = "bankruptcy" if m.group("kind").lower() == "bankruptcy" else "district"
            found.append(CourtHit(cid, m.span(), "own", level))
    found.sort(key=lambda h: h.span)
    if not found:
        return found
    # The first court named is the document's; in an appellate document the district
    # court is the one appealed from; other courts are merely mentioned.
    appellate = found[0].level == "appellate"
    out = [found[0]]
    for h in found[1:]:
        in_block = any(a <= h.span[0] < b for a, b in appeal_blocks)
        if appellate and h.level != "appellate":
            role = "lower" if in_block or not any(x.role == "lower" for x in out) else "mentioned"
        else:
            role = "mentioned"
        out.append(CourtHit(h.id, h.span, role, h.level))
    return out


def _short_form_head(text: str) -> CourtHit | None:
    """ "24 CV 607 (N.D. Ill. Jul. 9, 2024)" on the document's own header line."""
    from docketgraph.ingest.fields.dockets import find_dockets

    own_lines = set()
    for h in find_dockets(text[:HEAD]):
        if h.role == "own":
            own_lines.add(text.rfind("\n", 0, h.span[0]) + 1)
    first_nl = text.find("\n")
    for m in _SHORT_HEAD.finditer(text, 0, HEAD):
        ls = text.rfind("\n", 0, m.start()) + 1
        if ls not in own_lines and ls != 0 and m.start() > (first_nl if first_nl >= 0 else len(text)):
            continue
        cid = _short_forms().get(m.group("abbr").replace(" ", ""))
        if cid:
            return CourtHit(cid, m.span("abbr"), "own",
                            "appellate" if cid.startswith("ca") else "district")
    return None


def _courthouse(text: str) -> CourtHit | None:
    """A letter addressed to a judge at a known courthouse ("40 Foley Square")."""
    head = text[:HEAD]
    if not re.search(r"(?i)\b(?:district|magistrate|bankruptcy)\s{1,4}judge\b", head):
        return None
    best = None
    for rx, court in _courthouses():
        m = rx.search(head)
        if m and (best is None or m.start() < best.span[0]):
            best = CourtHit(court, m.span(), "own", "district")
    return best


def _zh_field(text: str) -> CourtHit | None:
    m = _ZH_COURT.search(text, 0, HEAD)
    if not m:
        return None
    state = ZH_STATES[m.group("state")]
    d = m.group("dir")
    if d:
        direction = "Central" if (d == "中" and state == "California") else _ZH_DIRS[d]
        cid = lookup(f"United States District Court for the {direction} District of {state}")
    else:
        cid = lookup(f"United States District Court for the District of {state}")
    return CourtHit(cid, m.span(), "own", "district") if cid else None


def find_court(text: str) -> CourtHit | None:
    """The court of the document's own case, if the text states it."""
    hits = find_courts(text)
    own = next((h for h in hits if h.role == "own"), None)
    if own:
        return own
    return _short_form_head(text) or _zh_field(text) or _courthouse(text)


def find_lower_court(text: str) -> CourtHit | None:
    """In an appellate document, the district court appealed from."""
    return next((h for h in find_courts(text) if h.role == "lower"), None)
