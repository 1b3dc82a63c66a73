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
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from docketgraph.graph.model import Span
from docketgraph.ingest.fields import scan
from docketgraph.ingest.fields.scan import folds_to_ascii

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
    r"(?i)" + _ws("court of appeals") + r"(?:\s{0,60}" + _w("for") + r")?(?:\s{1,60}" + _w("the")
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
_TAX_COURT = re.compile(r"(?i)united\s{1,4}states\s{1,4}tax\s{1,4}court")
_LINE_NUMBER = re.compile(r"(?m)^[ \t]{0,3}\d{1,2}(?:[ \t]{2,}|[ \t]*$)")
_APPEAL_FROM = scan.written_as(r"(?i)appeal(?:ed)?\s{1,5}from|on\s{1,5}appeal\s{1,5}from",
                               r"[aAoO](?i:(?<=a)ppeal(?:ed)?\s{1,5}from|(?<=o)n\s{1,5}appeal\s{1,5}from)")


@dataclass(frozen=True)
class CourtHit:
    id: str
    span: Span
    role: str = "own"  # own | lower
    level: str = "district"  # district | appellate | bankruptcy


@lru_cache(maxsize=512)
def lookup(name: str, bankruptcy: bool = False) -> str | None:
    """courts-db id for a canonical court name (cached), ``None`` when not one court."""
    from docketgraph.ingest.fields.compiled import find_court as _cdb_find

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


@lru_cache(maxsize=1)
def _courthouse_words() -> list[tuple[re.Pattern, str, str | None]]:
    """Each courthouse pattern with the lower case of its first word when that word is
    ASCII (a head whose lower case lacks it cannot match the IGNORECASE pattern)."""
    data = json.loads(resources.files("docketgraph.ingest").joinpath(
        "data/courthouses.json").read_text(encoding="utf-8"))
    names = [name for rec in data["courthouses"] for name in rec["names"]]
    out = []
    for (rx, court), name in zip(_courthouses(), names, strict=True):
        word = name.split()[0]
        out.append((rx, court, word.lower() if word.isascii() else None))
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
    in the "Appeal from ..." block is ``lower``. Kept per text (the own-court rules and the
    state-document test each ask it), as ``find_state_courts`` is.
    """
    return list(_find_courts(text))


@lru_cache(maxsize=4)
def _find_courts(text: str) -> tuple[CourtHit, ...]:
    head = text[:HEAD + 2000]
    if len(_LINE_NUMBER.findall(head)) >= 8:  # margin line numbers between heading lines
        head = _LINE_NUMBER.sub(lambda m: " " * len(m.group(0)), head)
    head = _right_column(head)
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
    for m in _TAX_COURT.finditer(head):
        cid = lookup("United States Tax Court")
        if cid:
            found.append(CourtHit(cid, m.span(), "own", "tax"))
    found.sort(key=lambda h: h.span)
    if not found:
        return ()
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
    return tuple(out)


def short_form_head(text: str, own_line_starts: Collection[int]) -> CourtHit | None:
    """ "24 CV 607 (N.D. Ill. Jul. 9, 2024)" on the document's own header line: a line that
    starts at one of ``own_line_starts`` (where the document's own docket numbers stand), or
    its first line."""
    first_nl = text.find("\n")
    for m in _SHORT_HEAD.finditer(text, 0, HEAD):
        ls = text.rfind("\n", 0, m.start()) + 1
        if ls not in own_line_starts and ls != 0 and m.start() > (first_nl if first_nl >= 0 else len(text)):
            continue
        cid = _short_forms().get(m.group("abbr").replace(" ", ""))
        if cid:
            return CourtHit(cid, m.span("abbr"), "own",
                            "appellate" if cid.startswith("ca") else "district")
    return None


def short_form_id(s: str | None) -> str | None:
    """A federal district written short, in either order: "N.D. Ala.", "Ala. N.D.", "Conn."
    (a one-district state: "D. Conn."), "W. Va. S.D." -> courts-db id."""
    if not s:
        return None
    s = " ".join(s.split())
    forms = [s]
    m = re.fullmatch(r"(?P<state>.+?)\s?(?P<dir>[NSEWMC]\.\s?D\.)", s)
    if m:
        forms.append(f"{m.group('dir')} {m.group('state')}")
    elif not re.match(r"[NSEWMC]?\.?\s?D\.", s):
        forms.append(f"D. {s}")
    table = {k.rstrip("."): v for k, v in _short_forms().items()}
    return next((table[f.replace(" ", "").rstrip(".")] for f in forms
                 if f.replace(" ", "").rstrip(".") in table), None)


def courthouse(text: str) -> CourtHit | None:
    """A letter addressed to a judge at a known courthouse ("40 Foley Square")."""
    head = text[:HEAD]
    if not re.search(r"(?i)\b(?:district|magistrate|bankruptcy)\s{1,4}judge\b", head):
        return None
    best = None
    folds = folds_to_ascii(head)
    low = head.lower()
    for rx, court, word in _courthouse_words():
        if word is not None and not folds and word not in low:
            continue  # its first word is not in the head: no match
        m = rx.search(head)
        if m and (best is None or m.start() < best.span[0]):
            best = CourtHit(court, m.span(), "own", "district")
    return best


def zh_field(text: str) -> CourtHit | None:
    """A court written in Chinese in a translated filing's heading (伊利诺伊州北区)."""
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


_COLUMN_RULE = re.compile(r"(?m)^([^\n\]]{0,60}?)[ \t]\][ \t]{1,8}(?=\S)")


def _right_column(head: str) -> str:
    """A caption in two columns split by "]" rules ("MICHAEL ROE, et al.,   ]  Appeal from the United"):
    the left cells are blanked (same length, so spans hold) and the right column reads on from
    line to line."""
    if len(_COLUMN_RULE.findall(head)) < 4:
        return head
    return _COLUMN_RULE.sub(lambda m: " " * len(m.group(0)), head)


# --- State courts -------------------------------------------------------------------------
#
# A state court heading is read into its parts (kind of court, state, county, numbered
# district) and rebuilt in the forms courts-db knows ("Cuyahoga County Court of Common Pleas",
# "Court of Appeals of Ohio", "Florida District Court of Appeal, Fourth District"), each looked
# up with the state as courts-db's ``location``; the first form that names one court wins.
# Headings count where filings print them: at the start of a line (after "In the", a column
# rule ":" or stray punctuation) or in the "Appeal from ..." sentence that names the court
# below (``lower``).

_ORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
         "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth")
_ORD_RX = r"(?:" + "|".join(_ORDS) + r"|\d{1,2}(?:st|nd|rd|th))"
_S = r"[ \t]{0,4}\n?[ \t]{0,4}"  # a space that may wrap a heading over a line
_S1 = r"(?:[ \t]{1,4}\n?[ \t]{0,4}|\n[ \t]{0,4})"
_STATE_KINDS = (
    ("chancery", r"court" + _S1 + "of" + _S1 + "chancery|chancery" + _S1 + "court"),
    ("specialappeals", r"court" + _S1 + "of" + _S1 + "special" + _S1 + "appeals"),
    ("sjc", r"supreme" + _S1 + "judicial" + _S1 + "court"),
    ("commonwealth", r"commonwealth" + _S1 + "court"),
    ("appellatecourt", r"appellate" + _S1 + "court"),
    ("circuit", r"circuit" + _S1 + "court(?!" + _S1 + "of" + _S1 + "appeals)"),
    ("commonpleas", r"court" + _S1 + "of" + _S1 + "common" + _S1 + "pleas"),
    ("dca", r"district" + _S1 + "courts?" + _S1 + "of" + _S1 + "appeals?"),
    ("appeals", r"courts?" + _S1 + "of" + _S1 + r"(?:civil" + _S1 + ")?appeals?"),
    ("supreme", r"supreme" + _S1 + "court"),
    ("superior", r"superior" + _S1 + "court"),
)
_STATE_KIND_RX = re.compile(r"(?i)\b(?:" + "|".join(f"(?P<{k}>{rx})" for k, rx in _STATE_KINDS) + r")\b")
_STATE_NAME_RX = re.compile(r"(?i)\b(?P<state>" + _STATE_RX.replace(r"\s{1,4}", _S1) + r")\b")
_CNAME = r"(?:[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?|[A-Z]{3,}(?:[ \t][A-Z]{3,})?)"
_COUNTY_RX = re.compile(
    r"(?:\b(?P<a>" + _CNAME + r")" + _S1 + r"(?i:county)\b|\b(?i:county)" + _S1 + r"(?i:of)" + _S1
    + r"(?P<b>" + _CNAME + r")\b)")
_ORD_DISTRICT_RX = re.compile(r"(?i)\b(?P<ord>" + _ORD_RX + r")" + _S1 + r"(?:appellate" + _S1
                              + r")?district\b")
_APPDIV_RX = re.compile(r"(?i)^[^.;(]{0,40}?[\s,]appellate" + _S1 + "division")
# Where a heading may start: a line's start (after "In the", a column rule or punctuation).
_HEADING_START = re.compile(r"(?:^|\n|[:|][ \t])[ \t]{0,40}[^\w\n]{0,6}[ \t]{0,2}(?:(?i:in[ \t]+the)[ \t]+)?(?:the[ \t]+)?"
                            r"(?:[A-Z][A-Za-z]+[ \t]){0,3}$")
_LOWER_INTRO = re.compile(r"(?i)\bappeal(?:ed)?" + _S1 + r"from\b|\btrial" + _S1 + r"court\b"
                          r"|\borders?,[ \t]*(?=supreme)")
_FEDERAL_NEAR = re.compile(r"(?i)united\s{1,4}states|\bU\.\s?S\.\s|federal|\b(?:" + _ORD_RX + r"|d\.\s?c\.)\s{1,4}circuit\b")


_DOC_STATE_RX = re.compile(r"(?im)\bstate" + _S1 + r"of" + _S1 + r"(?P<state>" + _STATE_RX + r")\b"
                           r"|^[ \t]*(?P<line>" + _STATE_RX + r")[ \t,.]*$")


def _wrapped_sentence(text: str, pos: int) -> bool:
    """The line holding ``pos`` continues a sentence from the line above (which ends on a
    lower-case word or a comma)."""
    ls = text.rfind("\n", 0, pos)
    if ls < 0 or text[ls + 1:pos].strip(" \t").lower() not in ("", "the", "in the"):
        return False
    prev = text[text.rfind("\n", 0, ls) + 1:ls].rstrip()
    return bool(re.search(r"(?:\b[a-z][a-z'’]*|,)$", prev))


@dataclass(frozen=True)
class StateCourtParts:
    kind: str
    state: str | None
    county: str | None
    district: str | None
    appellate_division: bool
    span: Span


@lru_cache(maxsize=1)
def _court_types() -> dict[str, str]:
    from courts_db import courts

    return {c["id"]: c.get("type") or "" for c in courts}


@lru_cache(maxsize=512)
def _state_lookup(name: str, state: str | None) -> str | None:
    from docketgraph.ingest.fields.compiled import find_court as _cdb_find

    try:
        ids = _cdb_find(name, bankruptcy=False, location=state) if state else _cdb_find(name, bankruptcy=False)
    except Exception:  # courts-db raises on a location it does not know
        return None
    ids = [i for i in ids if _court_types().get(i) != "bankruptcy"]
    return ids[0] if len(ids) == 1 else None


def _ordinal_word(s: str) -> str:
    s = s.lower()
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", s)
    if m and 1 <= int(m.group(1)) <= len(_ORDS):
        s = _ORDS[int(m.group(1)) - 1]
    return s.capitalize()


def state_court_candidates(p: StateCourtParts) -> list[str]:
    """The canonical names a heading's parts may go by in courts-db, most specific first."""
    st, co, ord_ = p.state, p.county, p.district
    out: list[str] = []
    if p.kind in ("supreme", "superior") and p.appellate_division:
        head = "Supreme Court" if p.kind == "supreme" else "Superior Court"
        if st:
            out.append(f"{head} of {st}, Appellate Division")
        out.append(f"{head}, Appellate Division")
    elif p.kind == "chancery" and st:
        out += [f"Court of Chancery of {st}", f"{st} Court of Chancery"]
    elif p.kind == "commonpleas" and co:
        out.append(f"{co} County Court of Common Pleas")
    elif p.kind in ("dca", "appeals") and st:
        if ord_:
            out.append(f"{st} District Court of Appeal, {_ordinal_word(ord_)} District")
        out += [f"Court of Appeals of {st}", f"Court of Appeal of {st}"]
        if ord_:
            out.append(f"Court of Appeals of {st}, {_ordinal_word(ord_)} District")
    elif p.kind in ("specialappeals", "sjc", "commonwealth") and st:
        head = {"specialappeals": "Court of Special Appeals", "sjc": "Supreme Judicial Court",
                "commonwealth": "Commonwealth Court"}[p.kind]
        out.append(f"{head} of {st}")
    elif p.kind == "appellatecourt" and st:
        out += [f"Appellate Court of {st}", f"{st} Appellate Court"]
    elif p.kind == "circuit":
        if co:
            out += [f"{co} County Circuit Court", f"Circuit Court of {co} County"]
        if st:
            out.append(f"{st} Circuit Court")
    elif p.kind == "supreme":
        if co:
            out.append(f"Supreme Court, {co} County")
        if st:
            out.append(f"Supreme Court of {st}")
    elif p.kind == "superior":
        if co:
            out.append(f"{co} County Superior Court")
        if st:
            out.append(f"Superior Court of {st}")
    return out


def _state_parts(text: str, m: re.Match, doc_state: str | None) -> StateCourtParts:
    kind = m.lastgroup or ""
    # the heading's words after the court: "of (the State of) Ohio", ", County of Los Angeles",
    # "Eighth Appellate District", "Appellate Division", up to the next court named
    nxt = _STATE_KIND_RX.search(text, m.end(), m.end() + 120)
    tail = text[m.end():nxt.start() if nxt else m.end() + 120]
    for stop in re.finditer(r"\n[ \t]*\n|[.;](?:[ \t]|$)|\(", tail):
        tail = tail[:stop.start()]
        break
    lead = text[max(0, m.start() - 40):m.start()]
    lead = lead[max(lead.rfind("\n"), lead.rfind(","), lead.rfind("."), lead.rfind("("),
                    lead.rfind(":")) + 1:]
    state = None
    sm = _STATE_NAME_RX.search(tail) or _STATE_NAME_RX.search(lead)
    if sm:
        state = _title(sm.group("state")).replace(" Of ", " of ")
    county = None
    for cm in list(_COUNTY_RX.finditer(lead))[-1:] + list(_COUNTY_RX.finditer(tail))[:1]:
        c = cm.group("a") or cm.group("b")
        if c and not set(c.lower().split()) & {"the", "of", "and", "for", "this", "said", "in", "district",
                                                "division", "court", "appellate", "law"}:
            county = _title(c)
    om = _ORD_DISTRICT_RX.search(tail) or _ORD_DISTRICT_RX.search(lead) or (
        re.search(r"(?i)\b(?P<ord>" + _ORD_RX + r")" + _S1 + "$", lead) if kind == "dca" else None)
    return StateCourtParts(kind, state or doc_state, county, om.group("ord") if om else None,
                           bool(_APPDIV_RX.search(tail)), m.span())


def find_state_courts(text: str, number_state: str | None = None) -> list[CourtHit]:
    """State courts named in the heading area (see ``_find_state_courts``). ``number_state``
    is the state whose courts alone number cases in the shape of the document's own number
    (``dockets.state_of_number``), used when no heading or caption names the state."""
    return list(_find_state_courts(text, number_state))


@lru_cache(maxsize=4)
def _find_state_courts(text: str, number_state: str | None) -> tuple[CourtHit, ...]:
    """State courts named in the heading area, in document order, each ``own``, ``lower``
    (named in an "Appeal from ..." sentence or a "Trial Court" field) or ``mentioned``.
    ``level`` is courts-db's type of the court (``appellate`` or ``trial``)."""
    head = text[:HEAD + 2000]
    lower_zones = [(z.start(), z.end() + 260) for z in _LOWER_INTRO.finditer(head)]
    found: list[tuple[StateCourtParts, bool]] = []
    for m in _STATE_KIND_RX.finditer(head):
        before = head[max(0, m.start() - 60):m.start()]
        in_lower = any(a <= m.start() < b for a, b in lower_zones)
        if not in_lower and not _HEADING_START.search(before):
            continue
        if not in_lower and not m.group(0).isupper() and _wrapped_sentence(head, m.start()):
            continue  # "... was removed from the\nSuperior Court of X": running text, not a heading
        after = head[m.end():m.end() + 30]
        if _FEDERAL_NEAR.search(before[-25:] + " " + after):
            continue
        found.append((m, in_lower))
    if not found:
        return ()
    doc_state = None
    parts = []
    for m, in_lower in found:
        p = _state_parts(head, m, None)
        doc_state = doc_state or p.state
        parts.append((m, in_lower))
    if doc_state is None:  # "STATE OF OHIO" in the caption, or the state on a line of its own
        sm = _DOC_STATE_RX.search(head)
        if sm:
            doc_state = _title(" ".join((sm.group("state") or sm.group("line")).split())).replace(" Of ", " of ")
    if doc_state is None:  # a number in a shape only one state's courts use ("05-22-00834-CV")
        doc_state = number_state
    out: list[CourtHit] = []
    own_seen = False
    for m, in_lower in parts:
        p = _state_parts(head, m, doc_state)
        cid = next((c for c in (_state_lookup(n, p.state) for n in state_court_candidates(p)) if c), None)
        if not cid:
            continue
        level = "appellate" if _court_types().get(cid) == "appellate" else "trial"
        if in_lower:
            role = "lower"
        elif not own_seen:
            role, own_seen = "own", True
        else:
            role = "mentioned"
        out.append(CourtHit(cid, p.span, role, level))
    return tuple(out)


def is_state_court(court_id: str | None) -> bool:
    """Whether a courts-db id is a state court (not a federal one)."""
    if not court_id:
        return False
    from courts_db import courts

    return any(c["id"] == court_id and c.get("system") == "state" for c in courts)
