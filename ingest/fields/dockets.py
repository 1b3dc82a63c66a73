"""Docket numbers in every common form, normalised as SCHEMA.md says.

District and bankruptcy numbers become ``O:YY-tt-NNNNN`` (office digit only when printed)
or ``YY-tt-NNNNN``: ``21 Civ. 333 (PGG)`` -> ``21-cv-00333``, ``20 C 3490`` ->
``20-cv-03490``, ``2022-cv-04498`` -> ``22-cv-04498``, ``1:2022cv00850`` ->
``1:22-cv-00850``, ``23-22599-Civ-Scola`` -> ``23-cv-22599``, ``CV-00-13002-DDP`` ->
``00-cv-13002``. Judge initials or names after the number are kept apart
(``judge_initials``). Appellate numbers are kept as printed (``09-1225``,
``08-6301-cv``, ``2009-1361``).

Each hit also says what it is to the document (``role``):

- ``own``: the document's own case (caption, header, CM/ECF page stamp, case-tracker
  field, the appellate number of an opinion);
- ``lower``: in an appellate opinion or judgment, the district case appealed from
  ("D.C. No.", "No. ... (district court)" in the "Appeal from" block);
- ``cited``: the docket of another decision cited in the text ("..., No. 04 Civ. 5492
  (GBD), 2005 WL 1994013");
- ``mentioned``: any other number in running text.

Every pattern is linear: bounded repetitions, no nested quantifiers over overlapping
classes, so hostile input (long runs of digits, dashes or spaces) costs linear time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from docketgraph.graph.keys import docket_from_parts as normalise, docket_key
from docketgraph.graph.model import Span
from docketgraph.ingest.fields import chars, courts, scan

# Dashes and hyphen look-alikes folded to "-" one character for one, so spans still hold.
_UNDASH = chars.Replacer({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"})

# Separator between year, type and number: "-", " ", ". ", "" (1:2022cv00850), and a
# wrapped line carrying a printed line number ("05 Civ.\n 7   10851").
_SEP = r"(?:[ \t]?-[ \t]?|\.?[ \t]{1,3}|\.?[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:\d{1,2}[ \t]{2,8})?|\.?)"

# YY-tt-NNNNN and its printed variants; judge initials or names may follow.
_DISTRICT = re.compile(
    r"(?:(?<=Number)|(?<=No)|(?<![\w/:-]))(?<!\d\.)"
    r"(?:(?P<off>\d)[ \t]?:[ \t]?)?"
    r"(?P<yr>(?:19|20)\d{2}|\d{2})"
    r"(?P<s1>" + _SEP + r")"
    r"(?P<typ>(?i:civil|civ|crim|misc|cv|cr|mc|mj|md|bk|ap|ml|dp|po|sw|c))"
    r"(?P<s2>" + _SEP + r")"
    r"(?P<num>\d{1,6})"
    r"(?![\d/])"
    r"(?P<init>(?:-(?!cv\b|CV\b)[A-Za-z]{1,12}(?:/[A-Za-z][A-Za-z-]{0,20})?){0,3})"
    r"(?:[ \t]{0,2}\((?P<init2>[A-Z]{2,5})\)(?:[ \t]{0,2}\([A-Z]{2,5}\)){0,2})?"
)
# YY-NNNNN-Civ-Judge (S.D. Fla., N.D. Ala.: "23-22599-Civ-Scola", "06-02274-CV-AR-S").
_TYPE_AFTER = re.compile(
    r"(?<![\w./:-])(?:(?P<off>\d):)?(?P<yr>\d{2})-(?P<num>\d{3,6})-(?P<typ>(?i:civ|cv|cr|crim))"
    r"(?P<init>(?:-[A-Za-z]{1,12}){0,3})(?![\w])"
)
# CV-YY-NNNNN (C.D. Cal.: "CV-00-13002-DDP").
_TYPE_FIRST = re.compile(
    r"(?<![\w./:-])(?P<typ>(?i:cv|cr))-(?P<yr>\d{2})-(?P<num>\d{3,6})"
    r"(?P<init>(?:-[A-Za-z]{1,12}){0,3})(?![\w])"
)
# Appellate numbers as printed: 09-1225, 08-6301-cv, 2009-1361.
_APPELLATE = re.compile(
    r"(?<![\w./:$-])(?P<num>(?:19|20)\d{2}-\d{4,5}|\d{2}-\d{3,5}(?:-(?i:cv|ag|cr|pr|op|bk))?)"
    r"(?![\w/]|-\d)"
)

# Label words that introduce a docket number in a caption or header.
_LABEL_BEFORE = re.compile(
    r"(?i:(?:case|docket|civil action|civil|cause|file|action|index|c\.\s?a\.)\s{0,3}(?:no|number|num)?\.?\s{0,3}:?"
    r"|d\.\s?c\.\s{0,2}(?:docket\s{0,2})?no\.?|nos?\.|case:?|number:?|docket\s{0,2}number:?)"
    r"[ \t]{0,4}$"
)
# After a number: what a citation of another decision looks like.
_CITE_AFTER = re.compile(
    r"^[^\n;]{0,60}?(?:\b\d{4}\s?WL\s?\d|\b\d{4}\sU\.S\.\s?Dist\.\s?LEXIS|\b\d{1,4}\s(?:F\.|B\.R\.|U\.S\.)"
    r"|,?\s(?:at\s\*?\d+\s)?\((?:[A-Z][A-Za-z.]{0,10}\s?){1,5}(?:[A-Z][a-z]{2}\.?\s\d{1,2},\s)?\d{4}\))"
)
_REPORTER_AFTER = re.compile(
    r"^[^\n;]{0,60}?(?:\b\d{4}\s?WL\s?\d|\b\d{4}\sU\.S\.\s?Dist\.\s?LEXIS|\b\d{1,4}\s(?:F\.|B\.R\.|U\.S\.\s\d))"
)
_CM_ECF_AFTER = re.compile(r"^[\w/-]{0,40}\s{0,3}(?:Document|Doc\.|Dkt\.)\s{0,3}#?\s{0,2}:?\s{0,2}\d", re.I)
_APPEAL_FROM = re.compile(r"(?i:appeal(?:ed)?\s{1,5}from|on\s{1,5}appeal\s{1,5}from|d\.\s?c\.\s{0,2}(?:docket\s{0,2})?no)")
_APPELLATE_DOC = re.compile(r"(?i:court\s{1,5}of\s{1,5}appeals|circuit\s{1,3}judges?\b)")
_PLACEHOLDER_AFTER = re.compile(r"^-?[xX_]{2,}")

HEAD = 4000  # characters of a document where its own caption and header live

# State-court numbers, kept as printed (SCHEMA.md). Shapes only state courts use count in any
# document without a federal court heading; the shapes that federal numbers share (a bare
# number, "CV-21-123456") count only once the document is known to be a state court's.
_B = r"(?<![\w/-])"  # not inside a longer token
_E = r"(?![\w/]|-\d)"
# Each shape opens with _B, a look-behind: the engine tries a pattern opening with one at
# every position of the text (the heads of 400 filings: 19 ms a shape). ``_shape`` writes
# it to open with the class of the first character instead, ``X(?<![\w/-]X)`` for
# ``(?<![\w/-])X`` (the look-behind, taken after X, sees the character before it), so the
# engine skips to the characters of that class: the same matches (``_PLAIN_SHAPES`` keeps
# each plain form; the tests compare them on real and made-up texts).
_LEAD = re.compile(r"(\\d|\[[^\]]*\]|[A-Za-z0-9])(?:\{(\d+)(?:,(\d+))?\})?(.*)", re.S)
_PLAIN_SHAPES: dict[re.Pattern[str], str] = {}


def _led(body: str) -> str:
    """``_B + body`` opening with a character class (see above)."""
    if body.startswith("(?:19|20)"):
        return r"(?:1(?<![\w/-]1)9|2(?<![\w/-]2)0)" + body[len("(?:19|20)"):]
    m = _LEAD.fullmatch(body)
    if m is None:
        raise ValueError(f"no single character opens {body!r}")
    first, lo, hi, rest = m.groups()
    if lo is not None:  # X{m,n} is X then X{m-1,n-1}: the same tries in the same order
        rest = first + ("{%d}" % (int(lo) - 1) if hi is None else "{%d,%d}" % (int(lo) - 1, int(hi) - 1)) + rest
    return first + r"(?<![\w/-]" + first + ")" + rest


def _shape(body: str, end: str = _E, led: str | None = None) -> re.Pattern[str]:
    """``re.compile(_B + body + end)``, written to open with a character class; ``led``: that
    form written out (an alternation)."""
    rx = re.compile((led if led is not None else _led(body)) + end)
    _PLAIN_SHAPES[rx] = _B + body + end
    return rx


_TX = _shape(r"\d{2}-\d{2}-\d{5}-(?:CV|CR)")
_FL = _shape(r"[1-6]D\d{2}-\d{1,6}")
_CA = _shape(r"\d{2}[A-Z]{2,5}\d{5,6}")
_PA = _shape(r"\d{1,5}[ \t](?:[EMW]D[AM]|C\.[ \t]?D\.)[ \t](?:19|20)\d{2}")
_NJ = _shape(r"[A-Z]{1,3}-\d{4,5}-\d{2}")
_WA = _shape(r"\d{5}-\d-(?:III|II|I)", r"(?![\w-])")
# Shapes used by one state's courts only: the state a document's number places it in.
_NJ_TRIAL = _shape(r"[A-Z]{3}-[A-Z]{1,2}-\d{3,6}-\d{2}")  # BER-L-1234-19
_DE_TRIAL = _shape(r"[NKS]\d{2}[A-Z]-\d{2}-\d{3}(?:[ \t][A-Z]{3})?")  # N19C-01-123 ABC
_MI_TRIAL = _shape(r"\d{2}-\d{6}-[A-Z]{2}")  # 19-001234-CZ
_WA_TRIAL = _shape(r"\d{2}-\d-\d{5}-\d(?:[ \t][A-Z]{3})?")  # 21-2-01234-1 SEA
_FL_TRIAL = _shape(r"(?:19|20)\d{2}-\d{4,6}-CA-\d{2}")  # 2021-012345-CA-01
_SHAPE_STATE = ((_TX, "Texas"), (_FL, "Florida"), (_CA, "California"), (_PA, "Pennsylvania"),
                (_NJ, "New Jersey"), (_WA, "Washington"), (_NJ_TRIAL, "New Jersey"),
                (_DE_TRIAL, "Delaware"), (_MI_TRIAL, "Michigan"), (_WA_TRIAL, "Washington"),
                (_FL_TRIAL, "Florida"))
_INDEX_TAIL = r"(?:[ \t]{1,3}(?i:no\.?|number|#))?[ \t]{0,3}:?[ \t]{0,3}(?P<num>\d{3,7}/(?:19|20)?\d{2})(?![\w/])"
_STATE_SHAPES = (
    # Texas courts of appeals: 05-22-00834-CV
    ("distinct", _TX),
    # Florida district courts of appeal: 4D21-2227
    ("distinct", _FL),
    # California superior courts: 20STCV47489, 22PSCV00901
    ("distinct", _CA),
    # Pennsylvania appellate courts: 627 EDA 2019, 1234 C.D. 2018
    ("distinct", _PA),
    # New Jersey: A-1234-19 (appeal), L-4030-20 (Law Division), letter(s)-number-year
    ("distinct", _NJ),
    # New York index numbers: Index No. 123456/2021, Index 150181/18
    # (written to open with the characters (?i)i matches: i, I, \u0130, \u0131)
    ("index", scan.written_as(
        r"(?i:\bindex)" + _INDEX_TAIL, r"[iI\u0130\u0131](?<!\w.)(?i:(?<=i)ndex)" + _INDEX_TAIL)),
    # Pennsylvania common pleas terms: 05-1451 CIVIL TERM, 2019-123 Civil
    ("distinct", _shape(r"\d{2,4}-\d{1,6}[ \t]{1,3}(?:CIVIL|Civil)(?:[ \t]{1,3}(?:TERM|Term))?",
                        r"(?![ \t]{1,3}(?i:action|division|no\b))(?![\w])")),
    # one state's trial-court forms (New Jersey, Delaware, Michigan, Washington, Florida)
    ("distinct", _NJ_TRIAL), ("distinct", _DE_TRIAL), ("distinct", _MI_TRIAL), ("distinct", _WA_TRIAL),
    ("distinct", _FL_TRIAL),
    # year, court code, number: 2019CV123456 (Georgia), 1984CV01234 (Massachusetts)
    ("distinct", _shape(r"(?:19|20)\d{2}[A-Z]{2,3}\d{4,6}")),
    # Illinois circuit courts: 2019 L 012345, 2020 CH 01234
    ("distinct", _shape(r"(?:19|20)\d{2}[ \t]?(?:L|CH|LA|M[1-6]|CV|D|P)[ \t]?\d{4,6}")),
    # Georgia appellate courts: A19A1234, S20A0123; Massachusetts: SJC-12345, 19-P-1234
    ("distinct", _shape(r"(?:[AS]\d{2}[A-Z]\d{4}|SJC-\d{4,6}|\d{2}-P-\d{3,5})", led=(
        r"[AS\d](?<![\w/-].)(?:(?<=[AS])\d{2}[A-Z]\d{4}|(?<=S)JC-\d{4,6}|(?<=\d)\d-P-\d{3,5})"))),
    # Washington Court of Appeals: 81234-5-I
    ("distinct", _WA),
    # Illinois appellate (1-19-1234), Minnesota (A19-1234), California appellate (B301234)
    ("state", _shape(r"(?:[1-5]-\d{2}-\d{4}|A\d{2}-\d{3,5}|[A-HS]\d{6})", led=(
        r"[1-5A-HS](?<![\w/-].)(?:(?<=[1-5])-\d{2}-\d{4}|(?<=A)\d{2}-\d{3,5}|(?<=[A-HS])\d{6})"))),
    # Letter-prefixed trial numbers: CV-2019-01-0123, CACE-21-012345, CV-21-123456, DC-20-17584, CV-662122
    ("state", _shape(r"[A-Z]{2,4}-(?:19|20)\d{2}-\d{2}-\d{3,5}")),
    ("state", _shape(r"[A-Z]{4}-?\d{2}-\d{6}")),
    ("state", _shape(r"[A-Z]{1,3}-(?:\d{2}-\d{3,7}|\d{5,7})")),
    # a labelled number of digits alone: No. 105074, DocketNumber: 95081, No(s): 180702492
    ("state", re.compile(r"(?i:\bno\.|\bno\(s\)[ \t]{0,2}:|\bdocket[ \t]?number:?|\bcase[ \t]+no\.?:?"
                         r"|\bcase[ \t]+number:?|\bcase:|\bcase[ \t]?#:?)[ \t]{0,3}(?P<num>\d{5,9})(?![\w/-])")),
)
_LOWER_LABEL = scan.written_as(
    r"(?i:\bappeal(?:ed)?\s{1,4}from\b|\bon\s{1,4}appeal\s{1,4}from\b|\btrial\s{1,4}court\b|"
    r"\blower\s{1,4}court\b|\boriginating\s{1,4}court\b)",
    r"[aAoOtTlL](?<!\w.)(?i:(?<=a)ppeal(?:ed)?\s{1,4}from\b|(?<=o)n\s{1,4}appeal\s{1,4}from\b|(?<=t)rial\s{1,4}court\b|"
    r"(?<=l)ower\s{1,4}court\b|(?<=o)riginating\s{1,4}court\b)")


_ZONE_END = re.compile(r"(?<!\b[A-Z])\.[ \t]*(?:\n|$)|(?<!\b[A-Z])\.[ \t]+(?=[A-Z][a-z])|\b(?:BEFORE|Before|PRESENT|Present)\b|\n[ \t]*\n")


_BANKRUPTCY_DOC = re.compile(r"(?i)united\s{1,4}states\s{1,4}bankruptcy\s{1,4}court")
_BK_LABEL = re.compile(r"(?i)(?:(?P<adv>adv(?:ersary)?\.?\s{0,3}(?:proc(?:eeding)?\.?|pro\.|case)?)|case|bankruptcy)"
                       r"\s{0,3}(?:no\.?|number|#)?\s{0,3}:?\s{0,3}$")
# The United States Tax Court: numbers as printed ("Docket No. 1234-19", "Docket Nos. 1234-19,
# 5678-20S"); every number the opinion labels as a docket is one of its (consolidated) cases.
_TAX_DOC = re.compile(r"(?i)united\s{1,4}states\s{1,4}tax\s{1,4}court")
_TAX_LIST = re.compile(r"(?i:\bdocket\s{1,3}nos?\.?\s{0,3}:?\s{0,3})"
                       r"(?P<list>\d{1,6}-\d{2}[A-Z]{0,2}(?:\s{0,3}(?:,|and|&)\s{0,3}\d{1,6}-\d{2}[A-Z]{0,2}){0,20})")
_TAX_NUM = re.compile(r"\d{1,6}-\d{2}[A-Z]{0,2}")


def _tax_hits(text: str, src: str) -> list[DocketHit]:
    hits: list[DocketHit] = []
    for m in _TAX_LIST.finditer(src):
        for n in _TAX_NUM.finditer(src, m.start("list"), m.end("list")):
            hits.append(DocketHit(n.group(0), text[n.start():n.end()], n.span(), "tax", None, "own"))
    return hits


_ECF_STAMP_AFTER = re.compile(r",?[ \t]{0,3}(?:Document|Doc\.|Dkt\.)[ \t]{0,3}#?:?[ \t]{0,2}\d")


def _in_prose(text: str, start: int) -> bool:
    """A number whose label continues a sentence wrapped from the line above ("... should be
    consolidated with Appeal\nNo. 11-1131."): running text, not a caption."""
    ls = text.rfind("\n", 0, start)
    if ls < 0 or text[ls + 1:start].strip() not in ("No.", "Nos.", "No", ""):
        return False
    prev = text[text.rfind("\n", 0, ls) + 1:ls].rstrip()
    if not prev or prev[-1] in ".:;)]|":
        return False
    words = prev.split()[-6:]
    return sum(1 for w in words if w[:1].islower()) >= 3


def lower_zones(text: str) -> list[tuple[int, int]]:
    """Where a decision names the court below and its case: the "Appeal from ..." sentence
    (to its end, at most 300 characters) and a "Trial Court ..." field."""
    out = []
    for m in _LOWER_LABEL.finditer(text, 0, HEAD + 2000):
        end = _ZONE_END.search(text, m.end(), m.end() + 300)
        out.append((m.start(), end.start() if end else m.end() + 300))
    return out


def undash(text: str) -> str:
    """``text`` with every dash and minus sign written "-" (same length). An ASCII text
    has none, and is returned as it is without copying it."""
    return text if text.isascii() else _UNDASH(text)


_head_memo: tuple[str, dict[re.Pattern[str], list[re.Match[str]]]] = ("", {})


def _head_matches(rx: re.Pattern[str], src: str) -> list[re.Match[str]]:
    """``list(rx.finditer(src, 0, HEAD))``, kept for the last text: the state-number shapes
    are searched in a document's head by ``state_of_number`` and again by ``_state_doc``."""
    global _head_memo
    memo = _head_memo  # one read: another thread may set it meanwhile
    if memo[0] is not src and memo[0] != src:
        memo = (src, {})
        _head_memo = memo
    found = memo[1].get(rx)
    if found is None:
        found = memo[1][rx] = list(rx.finditer(src, 0, HEAD))
    return found


@lru_cache(maxsize=4)
def state_of_number(text: str) -> str | None:
    """The state whose courts alone number cases in the shape the document's own number has
    (asked by the state-document test and by both of own_court's rules: kept per text)."""
    src = undash(text)
    found = [(m.start(), st) for rx, st in _SHAPE_STATE for m in _head_matches(rx, src)
             if _context_role(src, m.start(), m.end()) == "own"]
    return min(found)[1] if found else None


def is_state_document(text: str) -> bool:
    """Whether a filing is a state court's (see ``_state_doc``)."""
    return _state_doc(undash(text))


@lru_cache(maxsize=4)
def _state_doc(text: str) -> bool:
    """A state court's document: a state court heading and no federal one, or a number in a
    shape only state courts use in the document's caption or header."""
    if courts.find_courts(text):
        return False
    if courts.find_state_courts(text, state_of_number(text)):
        return True
    for kind, rx in _STATE_SHAPES:
        if kind == "state":
            continue
        for m in _head_matches(rx, text):
            s = m.start("num") if "num" in rx.groupindex else m.start()
            if kind == "index" or _context_role(text, s, m.end()) == "own":
                return True
    return False


def _state_hits(text: str, src: str, covered: bytearray) -> list[DocketHit]:
    """State-court numbers of a state court's document, each ``own``, ``lower`` (the number
    of the court below, named in an "Appeal from ..." sentence or a "Trial Court" field),
    ``cited`` or ``mentioned``; one own case (the first), one lower case."""
    zones = lower_zones(src)
    fle = _first_line_end(src)
    raw: list[tuple[int, int, str]] = []
    for kind, rx in _STATE_SHAPES:
        for m in rx.finditer(src):
            s, e = (m.start("num"), m.end("num")) if "num" in rx.groupindex else m.span()
            if 1 in covered[s:e]:
                continue
            covered[s:e] = b"\x01" * (e - s)
            raw.append((s, e, kind))
    for m in _APPELLATE_NEAR.matches(src):  # Ohio, Delaware: 2018-0852, C.A. No. 2019-0940-MTZ
        s, e = m.span()
        if 1 in covered[s:e] or not re.fullmatch(r"(?:19|20)\d{2}-\d{4,5}", m.group("num")):
            continue
        before, _ = _line_of(src, s, e)
        if not (_LABEL_BEFORE.search(before[-40:]) or s < fle or any(a <= s < b for a, b in zones)
                or re.search(r"(?i)\bno\(s\)[ \t]{0,2}:[ \t]{0,3}$", before)):
            continue
        covered[s:e] = b"\x01" * (e - s)
        raw.append((s, e, "distinct"))
    raw.sort()
    lower_keys: set[str] = set()
    hits: list[DocketHit] = []
    for s, e, kind in raw:
        num = " ".join(text[s:e].split()).rstrip(".")
        if any(a <= s < b for a, b in zones):
            lower_keys.add(docket_key(num))
        if _is_cited(src, s, e, fle):
            role = "cited"
        elif kind == "state" and not (s < HEAD or any(a <= s < b for a, b in zones)):
            role = "mentioned"
        else:
            role = _context_role(src, s, e)
            if role != "own" and (kind == "index" or (s < HEAD and _LABEL_BEFORE.search(
                    _line_of(src, s, e)[0][-40:]))):
                role = "own"
        init = re.match(r"-([A-Z]{2,4})\b", src[e:e + 6])
        hits.append(DocketHit(num, text[s:e], (s, e), "state", init.group(1) if init else None, role))
    own_key = next((docket_key(h.docket) for h in hits
                    if h.role == "own" and docket_key(h.docket) not in lower_keys), None)
    lower_key = next((docket_key(h.docket) for h in hits if docket_key(h.docket) in lower_keys
                      and h.role != "cited"), None)
    out = []
    for h in hits:
        k = docket_key(h.docket)
        if h.role == "cited":
            role = "cited"
        elif k == own_key:
            role = "own"
        elif k == lower_key and own_key is not None:
            role = "lower"
        elif k == lower_key:
            role = "own"  # the only number a decision gives is the case's own
        else:
            role = "mentioned"
        out.append(DocketHit(h.docket, h.raw, h.span, h.level, h.judge_initials, role))
    return out


@dataclass(frozen=True)
class DocketHit:
    docket: str  # normalised: "1:23-cv-01820", "23-cv-01820", or appellate as printed
    raw: str
    span: Span
    level: str = "district"  # district | appellate | state | tax
    judge_initials: str | None = None
    role: str = "own"  # own | lower | member | cited | mentioned
    office: str | None = None
    court_hint: str | None = None  # a member case's court as printed in its row ("Ala. N.D.")


_REACH = 240  # how far context is read around a number (keeps long lines linear)


def _line_of(text: str, start: int, end: int) -> tuple[str, str]:
    """The text before and after a number on its line, at most ``_REACH`` characters each."""
    lo = max(0, start - _REACH)
    ls = text.rfind("\n", lo, start)
    ls = lo if ls < 0 else ls + 1
    hi = min(len(text), end + _REACH)
    le = text.find("\n", end, hi)
    le = hi if le < 0 else le
    return text[ls:start], text[end:le]


def _first_line_end(text: str) -> int:
    """End of the document's first non-blank line."""
    m = re.search(r"\S", text)
    if not m:
        return 0
    e = text.find("\n", m.start())
    return len(text) if e < 0 else e


def _is_cited(text: str, start: int, end: int, first_line_end: int = 0) -> bool:
    after = text[end:end + 160]
    if _CM_ECF_AFTER.match(after):
        return False
    before, _ = _line_of(text, start, end)
    back = text[max(0, start - 250):start]
    # A page title or tracker heading ("X v. Y, No. 1:22cv850 - Document 44 (S.D.N.Y. 2022)")
    # sits on the document's first line.
    if start < first_line_end:
        return False
    if not _CITE_AFTER.match(after):
        return False
    if _REPORTER_AFTER.match(after):
        return True
    if not before.strip():
        # A header line that starts with the number: "24 CV 607 (N.D. Ill. Jul. 9, 2024)".
        return bool(re.search(r"\sv\.\s", back[-120:]) and "\n" not in back[-80:])
    return True


def _context_role(text: str, start: int, end: int) -> str:
    """``own`` when the number sits where a caption/header puts it, else ``mentioned``."""
    before, after = _line_of(text, start, end)
    if _CM_ECF_AFTER.match(text[end:end + 60]):
        return "own"
    if _LABEL_BEFORE.search(before[-40:]):
        return "own"
    if not before.strip() or re.fullmatch(r"[\s*#>|(\[)]*", before):
        return "own"
    if re.search(r"(?:^|\s)[):§|][ \t]*$", before) or re.search(r"^\s*$|^[ \t]*[)(]", after[:3] or " "):
        # two-column caption rule ("... ) No. 23 C 4131") or a number ending its line
        return "own" if start < HEAD else "mentioned"
    return "mentioned"


def _appeal_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of "Appeal from the United States District Court ..." blocks (lower court)."""
    out = []
    for m in _APPEAL_FROM.finditer(text, 0, min(len(text), HEAD + 2000)):
        if m.group(0).lower().startswith(("appeal", "on")):
            out.append((m.start(), min(len(text), m.end() + 400)))
        else:  # "D.C. No." labels the number on its own or the next line
            nl = text.find("\n", m.end())
            nl = len(text) if nl < 0 else nl
            if not text[m.end():nl].strip():
                nl2 = text.find("\n", nl + 1)
                nl = len(text) if nl2 < 0 else nl2
            out.append((m.start(), nl))
    return out


def find_dockets(text: str) -> list[DocketHit]:
    """Docket numbers in document order, the document's own case first.

    The order is: own cases (first seen first), lower-court cases, then cited and
    mentioned numbers in document order.
    """
    # The text pipeline asks for the same text's numbers twice (for the cases and to mask
    # them out of the caption): the answer, a pure function of the text, is remembered
    # for the last few texts.
    return list(_find_dockets_cached(text))


@lru_cache(maxsize=4)
def _find_dockets_cached(text: str) -> tuple[DocketHit, ...]:
    return tuple(_find_dockets(text))


def _find_dockets(text: str) -> list[DocketHit]:
    src = undash(text)
    appellate_doc = bool(_APPELLATE_DOC.search(src, 0, HEAD))
    bankruptcy_doc = not appellate_doc and bool(_BANKRUPTCY_DOC.search(src, 0, HEAD))
    if _TAX_DOC.search(src, 0, HEAD):
        return _tax_hits(text, src)
    blocks = _appeal_blocks(src) if appellate_doc else []
    fle = _first_line_end(src)
    covered = bytearray(len(src) + 1)
    hits: list[DocketHit] = []

    class _Taken:
        @staticmethod
        def append(span: tuple[int, int]) -> None:
            covered[span[0]:span[1]] = b"\x01" * (span[1] - span[0])

    taken = _Taken()
    if _state_doc(src):
        state = _state_hits(text, src, covered)
        order = {"own": 0, "lower": 1, "cited": 2, "mentioned": 2}
        return sorted(state, key=lambda h: (order[h.role], h.span))

    def overlaps(s: int, e: int) -> bool:
        return 1 in covered[s:e]

    def add(m: re.Match, docket: str, level: str, init: str | None, office: str | None) -> None:
        s, e = m.start(), m.end()
        if overlaps(s, e):
            return
        if _PLACEHOLDER_AFTER.match(src, e):
            return
        taken.append((s, e))
        in_block = any(a <= s < b for a, b in blocks)
        if _is_cited(src, s, e, fle):
            role = "cited"
        elif level == "district" and appellate_doc:
            role = "lower" if (in_block or s < HEAD) else "mentioned"
        else:
            role = _context_role(src, s, e)
        hits.append(DocketHit(docket, text[s:e], (s, e), level, init or None, role, office))

    for rx, near in ((_TYPE_AFTER, _TYPE_AFTER_NEAR), (_TYPE_FIRST, _TYPE_FIRST_NEAR)):
        for m in near.matches(src):
            if rx is _TYPE_AFTER and m.group("typ") == "cv" and not m.group("init"):
                continue  # "08-6301-cv" is a Second Circuit appellate number
            init = (m.group("init") or "").strip("-") or None
            off = m.groupdict().get("off")
            add(m, normalise(m.group("yr"), m.group("typ"), m.group("num"), off), "district", init, off)
    for m in _MDL_NEAR.matches(src):  # "No. MDL 15-02641-PHX-DGC": the MDL's own number
        init = (m.group("init") or "").strip("-") or None
        add(m, normalise(m.group("yr"), "md", m.group("num")), "district", init, None)
    for m in _DISTRICT_NEAR.matches(src):
        typ = m.group("typ")
        if typ.lower() == "c" and (len(m.group("num")) < 2 or m.group("s1") == "" or m.group("s2") == ""):
            continue  # a bare "C" needs separators and a real number ("20 C 3490")
        if m.group("s1") in ("", ".") and len(m.group("yr")) == 2 and not m.group("off"):
            continue  # "23cv1820" without office digit is too loose to trust
        if len(m.group("yr")) == 4 and not m.group("yr").startswith(("19", "20")):
            continue
        init = (m.group("init") or "").strip("-") or m.group("init2")
        add(m, normalise(m.group("yr"), typ, m.group("num"), m.group("off")), "district", init,
            m.group("off"))
    for m in _APPELLATE_NEAR.matches(src):
        s, e = m.start(), m.end()
        if overlaps(s, e):
            continue
        before, after = _line_of(src, s, e)
        labelled = bool(_LABEL_BEFORE.search(before[-40:])) or bool(
            re.search(r"(?i)\bnos\.\s{0,3}(?:\d{2,4}-\d{3,5}(?:-[a-z]{2})?\s{0,2}(?:,|&|and)\s{0,3}){1,8}$", before[-120:]))
        alone = not before.strip() and not re.sub(r"[\s,.;]", "", after[:2])
        if not (labelled or alone):
            continue
        in_block = any(a <= s < b for a, b in blocks)
        if appellate_doc and _ECF_STAMP_AFTER.match(src, e):
            # the appellate court's page stamp ("Case 22-1810, Document 83, 04/19/2023"): the
            # appeal's own number, printed short when the caption gives it in full
            taken.append((s, e))
            short = any(h.level == "appellate" and h.docket.startswith(m.group("num") + "-") for h in hits)
            hits.append(DocketHit(m.group("num"), text[s:e], (s, e), "appellate", None,
                                  "mentioned" if short else "own"))
            continue
        if in_block and re.fullmatch(r"\d{2}-\d{3,5}", m.group("num")):
            # "No. 07-00095—James L. Graham, District Judge": the district case appealed from
            yr, num = m.group("num").split("-")
            if _is_cited(src, s, e, fle):
                continue
            taken.append((s, e))
            hits.append(DocketHit(normalise(yr, "cv", num), text[s:e], (s, e), "district", None,
                                  "lower"))
            continue
        if not appellate_doc and not labelled:
            continue
        bk_label = _BK_LABEL.search(before[-40:]) if bankruptcy_doc else None
        if not appellate_doc and re.fullmatch(r"\d{2}-\d{3,5}", m.group("num")) and (bk_label or re.search(
                r"(?i)(?:civil|civ\.|c\.\s?a\.)\s{0,3}(?:action\s{0,3})?(?:no\.?|number)\s{0,3}:?\s{0,3}$"
                r"|case\s{0,3}no\.?\s{0,3}:?\s{0,3}$",
                before[-40:])):
            # "Civil Action No. 25-1876 (KSH) (LMS)", "C.A. No. 22-1234-CFC": a district civil
            # number printed without its type; in a bankruptcy court's filing "Case No.
            # 20-50123 (ABC)" is a petition and "Adv. Proc. No. 21-05001" an adversary case
            typ = "cv"
            if bankruptcy_doc:
                typ = "ap" if bk_label and bk_label.group("adv") else "bk"
            yr, num = m.group("num").split("-")
            init = re.match(r"[ \t]{0,2}\(([A-Z]{2,5})\)|-([A-Z]{2,4})\b", src[e:e + 12])
            if init and init.group(2):
                e += init.end()
                init = re.match(r"-([A-Z]{2,4})", init.group(0))
            taken.append((s, e))
            role = "cited" if _is_cited(src, s, e, fle) else _context_role(src, s, e)
            hits.append(DocketHit(normalise(yr, typ, num), text[s:e], (s, e), "district",
                                  init.group(1) if init else None, role))
            continue
        taken.append((s, e))
        if _is_cited(src, s, e, fle):
            role = "cited"
        elif appellate_doc and s < HEAD and not _in_prose(src, s):
            role = "own"
        else:
            role = "mentioned"
        hits.append(DocketHit(m.group("num"), text[s:e], (s, e), "appellate", None, role))

    hits.sort(key=lambda h: h.span)
    has_appeal_number = any(h.level == "appellate" and h.role == "own" for h in hits)
    if appellate_doc and not has_appeal_number:
        # no appellate number found: district numbers are the document's own
        hits = [DocketHit(h.docket, h.raw, h.span, h.level, h.judge_initials,
                          "own" if h.role == "lower" else h.role, h.office) for h in hits]
    elif not appellate_doc:
        hits = _pick_own_district(hits, src)
        hits = _mdl_members(hits, src)
    order = {"own": 0, "lower": 1, "member": 1, "cited": 2, "mentioned": 2}
    return sorted(hits, key=lambda h: (order[h.role], h.span))


_LIST_GAP = re.compile(r"[ \t]{0,4}(?:[,;&][ \t]{0,4}|\n[ \t]{0,4}|[ \t](?:and|AND)[ \t]{1,3}){0,2}"
                       r"(?:(?:and|AND|&)[ \t]{1,3})?")


_MDL = re.compile(r"(?<![\w/-])MDL[ \t]{1,3}(?:No\.[ \t]{0,3})?(?P<yr>\d{2})-(?P<num>\d{3,6})(?![\d/])"
                  r"(?P<init>(?:-[A-Za-z]{1,12}){0,3})")
_ROW_NUM = r"(?:\d:)?\d{2}-[a-z]{2}-\d{3,6}(?:-[A-Z]{2,4}){0,3}"
_ROW_COURT = r"[A-Z][A-Za-z.]{0,6}(?:[ \t][A-Z][A-Za-z.]{0,6}){0,3}"
# A row of an MDL order's schedule of member cases: "Ann Roe v. Acme Corp. 2:15-cv-01234
# Ala. N.D. 5:15-cv-00456" (caption, number here, transferor court, number there).
_MDL_ROW = re.compile(
    r"(?m)^[^\n]{1,120}?\sv\.?\s[^\n]{1,120}?[ \t]+(?P<cur>" + _ROW_NUM + r")"
    r"(?:[ \t]+(?P<court>" + _ROW_COURT + r")(?:[ \t]+(?P<orig>" + _ROW_NUM + r"))?)?[ \t]*$")


# The number patterns tried only near what every match of them holds (scan.Near; the same
# matches as finditer): a district number opens a run of digits (its look-behinds allow no
# digit before it); "-cv"/"-cr" stands at most 11 characters after the start of "1:23-123456-cv";
# "cv-23-" opens its match; an appellate number has "-" and a digit 2 or 4 characters in.
# A district number opens with its office digit ("1:22-cv-...": a run of one digit, then ":")
# or its year (a run of exactly two or four digits: a separator or the type's letter follows
# it, never a digit); neither starts inside a run of digits (the look-behinds). So _DISTRICT
# is tried only at the starts of such runs, not at every number of the text.
_DISTRICT_NEAR = scan.Near(_DISTRICT, r"\d(?<!\d\d)(?:[ \t]?:|\d(?:\d\d)?(?!\d))", 0)
_TYPE_AFTER_NEAR = scan.Near(_TYPE_AFTER, r"-c[ivr]", 11, lower=True)
_TYPE_FIRST_NEAR = scan.Near(_TYPE_FIRST, r"c[vr]-\d", 0, lower=True)
_MDL_NEAR = scan.Near(_MDL, r"MDL", 0)
_APPELLATE_NEAR = scan.Near(_APPELLATE, r"-(?=\d)", 4)


def _mdl_members(hits: list[DocketHit], src: str) -> list[DocketHit]:
    """In an MDL's own order, the member cases its schedules list row by row: the number in
    the MDL court and the original number with its transferor court."""
    own = next((h for h in hits if h.role == "own"), None)
    if own is None or "-md-" not in own.docket:
        return hits
    by_start = {h.span[0]: i for i, h in enumerate(hits)}
    out = list(hits)
    for m in _MDL_ROW.finditer(src):
        for g in ("cur", "orig"):
            if not m.group(g) or m.start(g) not in by_start:
                continue
            i = by_start[m.start(g)]
            h = out[i]
            if h.role in ("own", "cited"):
                continue
            hint = m.group("court") if g == "orig" else None
            out[i] = DocketHit(h.docket, h.raw, h.span, h.level, h.judge_initials, "member", h.office, hint)
    return out


def _pick_own_district(hits: list[DocketHit], src: str = "") -> list[DocketHit]:
    """A trial-court document has one own case: the first number in caption position.

    Later numbers with the same key are the same case (own); other numbers are mentions.
    """
    own_key = next((docket_key(h.docket) for h in hits if h.role == "own"), None)
    if own_key is None:
        own_key = next((docket_key(h.docket) for h in hits if h.role == "mentioned"), None)
    # Several numbers printed as one list where the caption puts its number ("2:21-cv-00159-AB
    # 2:21-cv-00160, 2:21-cv-00161", "21 Civ. 101 (AB), 21 Civ. 102 (AB)") are all the
    # document's own cases.
    own_keys = {own_key}
    prev_end = None
    for h in sorted(hits, key=lambda x: x.span):
        k = docket_key(h.docket)
        if k == own_key and prev_end is None and h.role != "cited":
            prev_end = h.span[1]
            continue
        if prev_end is None:
            continue
        if h.role != "cited" and h.level == "district" and _LIST_GAP.fullmatch(src[prev_end:h.span[0]]):
            own_keys.add(k)
            prev_end = h.span[1]
        else:
            break
    out = []
    for h in hits:
        if h.role == "cited":
            out.append(h)
            continue
        role = "own" if docket_key(h.docket) in own_keys else "mentioned"
        out.append(DocketHit(h.docket, h.raw, h.span, h.level, h.judge_initials, role, h.office))
    return out


def own_dockets(hits: list[DocketHit]) -> list[DocketHit]:
    """One hit per distinct own or lower case (the fullest form: office digit when shown)."""
    best: dict[str, DocketHit] = {}
    order: list[str] = []
    for h in hits:
        if h.role not in ("own", "lower", "member"):
            continue
        k = docket_key(h.docket)
        if k not in best:
            best[k] = h
            order.append(k)
        elif h.office and not best[k].office:
            best[k] = DocketHit(h.docket, best[k].raw, best[k].span, h.level,
                                best[k].judge_initials or h.judge_initials, best[k].role, h.office,
                                best[k].court_hint or h.court_hint)
    return [best[k] for k in order]
