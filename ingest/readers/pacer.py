"""Reader for PACER CM/ECF docket report pages (HTML), parsed through juriscraper.

``sniff`` recognises a docket report by its content ("CIVIL DOCKET FOR CASE #" inside
HTML), never by suffix. ``read`` decodes the bytes, renders the page as plain text (one
line per table cell or line break, whitespace squeezed: that text is ``Document.text``
and every span points into it) and parses the page with juriscraper's ``DocketReport``
(``structured``). ``extract`` maps the parse onto the gold schema:

- the case (docket number, courts-db court, caption, date filed);
- the assigned judge, the referred magistrate judge(s), and judges the docket text shows
  acting in the case ("Signed by Judge X", "Case reassigned to Judge X", "before the
  Honorable X"), leaving out signers of district-wide standing orders;
- the parties of the party listing, with schema roles (counter-claim blocks keep the
  first role; mediators, service lists and unknown roles are left out), plus people the
  docket text files for alongside listed parties;
- every attorney of the listing (firm = first line of the contact block, office suffix
  dropped, spelling variants merged to the fullest form), and attorneys the docket text
  shows appearing (notices of appearance, pro hac vice motions and orders, letters);
- the firms derived from the attorneys, with the parties they represent.

libxml2 stops reading at a text node over 10 MB unless ``huge_tree`` is on and then drops
the rest of the page without an error; pages are parsed with it on, and a parse that
still lost text is reported (``BadInput``), never silently cut.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import logging
import re
import threading
from dataclasses import dataclass, field
from typing import Any, Iterator

from docketgraph.graph.errors import BadInput, ExtractionError
from docketgraph.graph.model import (
    AttorneyMention, CaseMention, Document, Extraction, FirmMention, JudgeMention,
    PartyMention, Span, content_hash,
)
from docketgraph.ingest.readers.decode import decode, looks_binary, normalise_text

_log = logging.getLogger(__name__)

# juriscraper's module-level logger writes to /var/log/juriscraper and complains on
# stderr when that folder is missing, unless its logger already has a handler.
_jlog = logging.getLogger("juriscraper.lib.log_tools")
if not _jlog.handlers:
    _jlog.addHandler(logging.NullHandler())
    _jlog.setLevel(logging.WARNING)

# ---------------------------------------------------------------------------- sniff

_DOCKET_MARK = re.compile(rb"DOCKET\s{1,20}FOR\s{1,20}CASE\s{0,20}#", re.IGNORECASE)
_HTML_MARK = re.compile(rb"<\s{0,5}(?:html|body|table|tr|td|div|title|head)\b", re.IGNORECASE)
_DOCKET_TEXT_MARK = re.compile(r"DOCKET\s{1,20}FOR\s{1,20}CASE\s{0,20}#", re.IGNORECASE)

#: the score a docket page gets (the plain-text reader gives 10 to .txt/.html alike)
SNIFF_SCORE = 60


def _ascii_head(head: bytes) -> bytes:
    from docketgraph.ingest.readers.decode import _looks_utf16

    enc = _looks_utf16(head)
    if enc:
        try:
            return head.decode(enc, errors="ignore").encode("utf-8", errors="ignore")
        except LookupError:  # pragma: no cover - codec names are fixed
            return head
    return head


def sniff(head: bytes, suffix: str) -> int:
    """SNIFF_SCORE for a CM/ECF docket report page (HTML), 0 for anything else."""
    head = _ascii_head(head)
    if _DOCKET_MARK.search(head) and _HTML_MARK.search(head):
        return SNIFF_SCORE
    return 0


# ---------------------------------------------------------------------------- HTML

_BLOCK = frozenset(
    "address article aside blockquote body br center dd div dl dt form h1 h2 h3 h4 h5 h6 "
    "head header hr html li ol p pre section table tbody td tfoot th thead title tr ul".split()
)
_SKIP = frozenset({"script", "style", "noscript", "template"})
_ANY_SPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def _parser():
    from lxml import html as lhtml

    return lhtml.HTMLParser(huge_tree=True, remove_comments=False)


def _parse_html(html_text: str, path: str):
    from lxml import etree
    from lxml import html as lhtml

    if not html_text.strip():
        raise BadInput(f"{path}: empty page")
    try:
        return lhtml.document_fromstring(html_text, parser=_parser())
    except (etree.ParserError, ValueError) as e:
        raise BadInput(f"{path}: not readable as HTML: {e}") from None


def render_text(root) -> str:
    """The visible text of a page: one line per block element, cell or line break.

    Whitespace inside text (source line breaks included) is one space, as a browser
    shows it, except inside ``<pre>``.
    """
    from lxml import etree

    parts: list[str] = []
    pre = 0

    def put(s: str | None) -> None:
        if s:
            parts.append(s if pre else _ANY_SPACE.sub(" ", s))

    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, el in walker:
        if event in ("comment", "pi"):
            put(el.tail)
            continue
        name = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if name in _SKIP:
                walker.skip_subtree()
                continue
            if name in _BLOCK:
                parts.append("\n")
            if name == "pre":
                pre += 1
            put(el.text)
        else:
            if name == "pre":
                pre = max(0, pre - 1)
            if name in _BLOCK:
                parts.append("\n")
            if el is not root:
                put(el.tail)
    raw = normalise_text("".join(parts))
    lines = (_SPACES.sub(" ", line).strip() for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)


_JS_LOCK = threading.Lock()


@contextlib.contextmanager
def _huge_lxml() -> Iterator[None]:
    """Let juriscraper's lxml calls read text nodes over 10 MB (huge_tree)."""
    import juriscraper.lib.html_utils as hu
    import juriscraper.pacer.docket_report as dr
    from lxml import html as lhtml

    def fromstring(text, base_url=None, parser=None, **kw):
        return lhtml.fromstring(text, base_url=base_url, parser=parser or _parser(), **kw)

    with _JS_LOCK:
        saved = (hu.fromstring, dr.fromstring)
        hu.fromstring = dr.fromstring = fromstring
        try:
            yield
        finally:
            hu.fromstring, dr.fromstring = saved


_NOT_ALNUM = re.compile(r"[\W_]+")


def _letters(s: str) -> int:
    return len(_NOT_ALNUM.sub("", s))


def _parse_parts(report, path: str) -> dict:
    """juriscraper's metadata, parties and entries, each read on its own."""
    data: dict = {}
    errors = []
    for part in ("metadata", "parties", "docket_entries"):
        try:
            with _huge_lxml():
                value = getattr(report, part)
        except Exception as e:
            errors.append(f"{part}: {type(e).__name__}: {e}")
            continue
        if part == "metadata":
            data.update(value or {})
        elif value:
            data[part] = value
    if not data.get("parties") and not data.get("docket_number"):
        return {}
    data["parse_errors"] = errors
    return data


def _juriscraper_parse(html_text: str, court_id: str, path: str, full_text: str) -> dict:
    """juriscraper's DocketReport data (metadata, parties, docket entries)."""
    from juriscraper.pacer import DocketReport

    report = DocketReport(court_id or "unknown")
    try:
        with _huge_lxml():
            report._parse_text(html_text)
    except Exception as e:  # lxml/nh3 refusing the markup
        raise BadInput(f"{path}: juriscraper could not read the page: "
                       f"{type(e).__name__}: {e}") from None
    try:
        with _huge_lxml():
            data = report.data
    except Exception as e:  # juriscraper raises IndexError/AttributeError on odd pages
        # keep what can be read (a page without a 'Date Filed' cell still lists parties)
        _log.info("%s: juriscraper failed on the whole page (%s: %s); reading its parts",
                  path, type(e).__name__, e)
        data = _parse_parts(report, path)
    if not data:
        raise BadInput(f"{path}: juriscraper found no docket data on the page")
    tree = getattr(report, "tree", None)
    if tree is not None:
        got = _letters(tree.text_content())
        want = _letters(full_text)
        # nh3 drops <title>/<head> text and scripts; anything beyond a small margin means
        # the parser stopped early (libxml2 limits) and the parse would be silently cut
        if want and got < want * 0.9:
            raise BadInput(f"{path}: the HTML parser read only {got:,} of {want:,} "
                           "characters of the page; refusing a truncated docket")
    return data


# ---------------------------------------------------------------------------- read

_HEADER_END = re.compile(r"^(?:CIVIL|CRIMINAL|BANKRUPTCY)?\s{0,3}DOCKET\s+FOR\s+CASE\s*#:?\s*(?P<num>[^\n]{0,80})$",
                         re.IGNORECASE | re.MULTILINE)


def read(path: str, data: bytes) -> Document:
    """Decode, render and parse one CM/ECF docket page."""
    from docketgraph.ingest.readers.pacer_courts import court_from_header

    if not data or not data.strip():
        raise BadInput(f"{path}: empty file")
    if looks_binary(data):
        raise BadInput(f"{path}: binary content, not a docket page")
    html_text, enc = decode(data)
    root = _parse_html(html_text, path)
    text = render_text(root)
    m = _HEADER_END.search(text)
    if not m or not _DOCKET_TEXT_MARK.search(text):
        raise BadInput(f"{path}: not a CM/ECF docket report (no 'DOCKET FOR CASE #' line)")
    header_end = m.end()
    court = court_from_header(text[:header_end], 0, raw_html=html_text[:200_000])
    parsed = _juriscraper_parse(html_text, court.id if court else "", path, text)
    structured = {
        "court": court.id if court else None,
        "court_span": court.span if court else None,
        "header_end": header_end,
        "docket_line": (m.start(), m.end()),
        "docket": parsed,
    }
    return Document(path=path, sha256=content_hash(data), text=text, format="pacer",
                    encoding=enc, structured=structured,
                    metadata={"court": court.id if court else None})


# ---------------------------------------------------------------------------- spans


_NEEDLE_TOKEN = re.compile(r"\w+|[^\w\s]")


def spans_of(text: str, needle: str, *, limit: int = 25, start: int = 0,
             end: int | None = None, ignore_case: bool = False) -> tuple[Span, ...]:
    """Every place ``needle`` occurs in ``text``, whatever the spacing between its words
    and punctuation ('Joseph C. Sullivan , Jr.' finds 'Joseph C. Sullivan, Jr.')."""
    tokens = _NEEDLE_TOKEN.findall(needle)
    if not tokens or len(tokens) > 120:
        return ()
    parts = [re.escape(tokens[0])]
    for prev, tok in zip(tokens, tokens[1:]):
        both_words = (prev[-1].isalnum() or prev[-1] == "_") and (tok[0].isalnum() or tok[0] == "_")
        parts.append((r"\s+" if both_words else r"\s*") + re.escape(tok))
    pat = re.compile("".join(parts), re.IGNORECASE if ignore_case else 0)
    out = []
    for m in pat.finditer(text, start, len(text) if end is None else end):
        out.append((m.start(), m.end()))
        if len(out) >= limit:
            break
    if not out and not ignore_case:
        return spans_of(text, needle, limit=limit, start=start, end=end, ignore_case=True)
    return tuple(out)


# ---------------------------------------------------------------------------- names

_ACRONYMS = frozenset(
    "LLP LLC PC PLLC PA LP LLLP NA SA AG USA US PLC LPA APC PSC SC BV NV GMBH II III IV".split()
)
_SMALL_WORDS = frozenset("of the and for in on at by to a an de la du von van der".split())
_HONORIFICS = re.compile(
    r"^(?:(?:Ms|Mr|Mrs|Miss|Mx|Dr|Prof|Hon|Honorable|The\s+Honorable)\.?\s+){1,3}",
    re.IGNORECASE,
)
_PERSON_TAIL = re.compile(
    r"(?:\s*,\s*|\s+)(?:Esq|ESQ|Esquire|Ph\.?\s?D|PH\.?\s?D|M\.?D|J\.?D)\.?\s*$"
)
_SUFFIX_TOKENS = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "esq", "esquire", "phd"})


def _smart_title(word: str, first: bool) -> str:
    bare = word.strip(".,;:()")
    if not bare:
        return word
    if bare.upper().replace(".", "") in _ACRONYMS or re.fullmatch(r"(?:[A-Z]\.){2,}", bare):
        return word
    if re.fullmatch(r"[A-Z]\.?", bare):  # an initial
        return word
    low = word.lower()
    if not first and low in _SMALL_WORDS:
        return low
    out = []
    cap = True
    for ch in low:
        out.append(ch.upper() if cap and ch.isalpha() else ch)
        cap = ch in "-/(&" or (cap and not ch.isalpha())
    res = "".join(out)
    # O'BRIEN -> O'Brien, but JUNKMAN'S -> Junkman's
    res = re.sub(r"(?<![A-Za-z])([A-Za-z])(['’])([a-z])(?=[a-z])",
                 lambda m: m.group(1).upper() + m.group(2) + m.group(3).upper(), res)
    # Mc/Mac and O' are common enough in names to restore: McDonald, O'Brien
    res = re.sub(r"^(Mc)([a-z])", lambda m: m.group(1) + m.group(2).upper(), res)
    return res


def normal_case(name: str) -> str:
    """ALL-CAPS names in normal case; mixed-case names unchanged.

    One-word all-caps names (UNUM, IBM) stay as written: they are usually acronyms.
    """
    letters = [c for c in name if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return name
    words = name.split()
    if len(words) == 1:
        return name
    return " ".join(_smart_title(w, i == 0) for i, w in enumerate(words))


def clean_space(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"\s+([,.])", r"\1", s)


@functools.lru_cache(maxsize=16384)
def canonical_person(raw: str) -> str:
    """'Ms.  Sonja O'Donnell' -> "Sonja O'Donnell"; 'W. BLAKE COBLENTZ, ESQ.' -> 'W. Blake Coblentz'."""
    s = clean_space(raw)
    s = _HONORIFICS.sub("", s)
    s = _PERSON_TAIL.sub("", s)
    s = s.strip(" ,;")
    return normal_case(s)


def canonical_party(raw: str) -> str:
    """A party name as the gold writes it: honorific dropped, normal case, spaces squeezed."""
    s = clean_space(raw)
    s = _HONORIFICS.sub("", s).strip(" ,;")
    return normal_case(s)


def _name_tokens(name: str) -> list[str]:
    s = name.lower().replace("’", "'")
    toks = re.findall(r"[a-z0-9']+", s)
    return [t for t in toks if t not in _SUFFIX_TOKENS and t != "'"]


@dataclass(frozen=True)
class PersonKey:
    given: tuple[str, ...]
    last: str


@functools.lru_cache(maxsize=16384)
def person_key(name: str) -> PersonKey | None:
    toks = _name_tokens(canonical_person(name))
    if len(toks) < 2:
        return None
    return PersonKey(tuple(toks[:-1]), toks[-1])


def _ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b)


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Each given name of the shorter list pairs with a distinct one of the longer list
    (equal, or an initial of it); the first names may differ by a one-letter typo."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    used: set[int] = set()
    for i, s in enumerate(short):
        hit = None
        for j, t in enumerate(long_):
            if j in used:
                continue
            if s == t or (len(s) == 1 and t.startswith(s)) or (len(t) == 1 and s.startswith(t)):
                hit = j
                break
            if i == 0 and j == 0 and len(s) > 3 and len(t) > 3 and abs(len(s) - len(t)) <= 1 \
                    and s[0] == t[0] and _ratio(s, t) >= 85:
                hit = j
                break
        if hit is None:
            return False
        used.add(hit)
    return True


def same_person(a: str, b: str) -> bool:
    """Whether two spellings name the same person ('Willaim A. Baird' / 'William Anthony
    Baird', 'J. David O'Brien' / 'David J. O'Brien', 'Seth Daniel Bertin' / '... Berlin')."""
    ka, kb = person_key(a), person_key(b)
    if not ka or not kb:
        return False
    if ka.last == kb.last:
        return _given_compatible(ka.given, kb.given)
    full_given = all(len(t) > 1 for t in ka.given) and len(ka.given) >= 2
    return (full_given and ka.given == kb.given and len(ka.last) >= 4
            and abs(len(ka.last) - len(kb.last)) <= 1 and _ratio(ka.last, kb.last) >= 80)


# ---------------------------------------------------------------------------- firms

_LEGAL_SUFFIX = (r"L\.?\s?L\.?\s?P\.?|L\.?\s?L\.?\s?C\.?|P\.?\s?L\.?\s?L\.?\s?C\.?|P\.?\s?C\.?|"
                 r"P\.?\s?A\.?|Ltd\.?|Chtd\.?|Chartered|L\.?\s?P\.?A\.?|A\.?P\.?C\.?")
_OFFICE_DASH = re.compile(r"\s+[-\u2013\u2014]\s+[A-Z][A-Za-z .'’]{1,40}$")
# offices written onto the name without spaces: "Jones Day-D.C.", "...Scarborough-Charleston"
_OFFICE_CITIES = (
    "Atlanta|Austin|Baltimore|Boston|Charleston|Charlotte|Chicago|Cincinnati|Cleveland|Columbia|"
    "Columbus|Dallas|Denver|Detroit|Houston|Indianapolis|Irvine|Jacksonville|Kansas City|"
    "Las Vegas|Los Angeles|Miami|Milwaukee|Minneapolis|Nashville|New Orleans|New York|Newark|"
    "Orlando|Palo Alto|Philadelphia|Phoenix|Pittsburgh|Portland|Raleigh|Richmond|Sacramento|"
    "Salt Lake City|San Diego|San Francisco|San Jose|Seattle|Silicon Valley|St\\. Louis|Tampa|"
    "Washington|Wilmington|Greenville|Birmingham|Memphis|Louisville|Tulsa|Oklahoma City|Omaha|"
    "Hartford|Providence|Buffalo|Albany|Princeton|Roseland|Morristown|Tyler|Longview|Plano|"
    "Fort Worth|San Antonio|Menlo Park|Century City|Orange County|Chattanooga|Knoxville|Mobile|"
    "Montgomery|Jackson|Little Rock|Boise|Anchorage|Honolulu|Albuquerque|Tucson|Reno|Madison")
_OFFICE_HYPHEN = re.compile(rf"(?<=[A-Za-z.])-(?:(?:[A-Z]\.){{2,3}}|[A-Z]{{2}}|(?:{_OFFICE_CITIES}))$")
_OFFICE_PAREN = re.compile(r"\s*\((?:[A-Z]{2,3}|[A-Z][A-Za-z .'’]{1,30})\)$")
_AFTER_SUFFIX = re.compile(rf"^(?P<firm>.{{2,200}}?[\s,]+(?:{_LEGAL_SUFFIX}))\s+[A-Z][A-Za-z .'’]{{1,40}}$")
_ADDRESS_LINE = re.compile(
    r"^(?:\d|#|P\.?\s?O\.?\s+Box|Post\s+Office|Suite\b|Ste\.?\s|Floor\b|One\s+\w+\s+(?:Street|Avenue|Plaza|Drive|Center)\b)",
    re.IGNORECASE,
)
_CONTACT_NOISE = re.compile(r"@|\bE-?mail\b|\bFax\b|\bPhone\b|\bUNDELIVERABLE\b|\bTERMINATED\b|"
                            r"\bPRO\s+SE\b|\(\d{3}\)|\d{3}[-./ ]\d{3}[-./ ]\d{4}", re.IGNORECASE)
_NOT_COUNSEL = re.compile(r"\bAdministrative\s+Hearings\b|\bCourt\b|\bTribunal\b|\bMediations?\b|"
                          r"\bMediator\b|\bArbitrat", re.IGNORECASE)
_LAWISH = re.compile(r"\bLaw\b|\bLegal\b|\bAttorneys?\b|\bCounsel\b|\bJustice\b|\bDefender|"
                     r"\bProfessional\s+Corporation\b|" + _LEGAL_SUFFIX.replace(r"P\.?\s?C\.?|", ""),
                     re.IGNORECASE)
_CORPORATE_END = re.compile(r"(?:,?\s+(?:Inc|Corp|Corporation|Company|Co)\.?)$", re.IGNORECASE)
_JOB_TITLE = re.compile(
    r"^(?:AUSA|SAUSA|(?:(?:Assistant|Deputy|Senior|Special|Chief|Trial|Staff|Supervisory|"
    r"Associate|Principal|Lead|Managing|General|Executive)\s+){1,3}"
    r"(?:United\s+States\s+|U\.\s?S\.\s+|State\s+|County\s+|City\s+|District\s+)?"
    r"(?:Attorneys?(?:\s+General)?|Counsel|Solicitor(?:\s+General)?|Public\s+Defender|"
    r"Prosecutor|Corporation\s+Counsel))$", re.IGNORECASE)
_CONTINUES = re.compile(r"(?:\bof|\bthe|\band|&|,)$", re.IGNORECASE)


def firm_from_contact(contact: str, attorney: str = "") -> tuple[str | None, str | None]:
    """(firm as printed with office suffix dropped, the raw first line) of a contact block.

    None when the block starts with an address, phone or e-mail, names the attorney
    ("X, Attorney at Law": a solo practitioner), or names a body that is not counsel.
    """
    lines = [clean_space(x) for x in (contact or "").split("\n")]
    lines = [x for x in lines if x]
    if not lines:
        return None, None
    while len(lines) > 1 and _JOB_TITLE.match(lines[0]):
        lines = lines[1:]  # "Assistant United States Attorney" names a post, not the office
    first = lines[0]
    raw = first
    if _CONTINUES.search(first) and len(lines) > 1 and not _ADDRESS_LINE.match(lines[1]):
        first = f"{first} {lines[1]}"
        raw = first
    if _ADDRESS_LINE.match(first) or _CONTACT_NOISE.search(first):
        return None, raw
    if attorney and _is_own_name(first, attorney):
        return None, raw  # a solo practitioner's block starts with their own name
    if _NOT_COUNSEL.search(first):
        return None, raw
    if _CORPORATE_END.search(first) and not _LAWISH.search(first):
        return None, raw  # an employer that is not a law firm (in-house)
    return strip_office(first), raw


_SOLO_TAIL = re.compile(r"(?:,?\s*(?:Esq\.?|Esquire|Attorneys?\s+(?:at|and\s+Counsel(?:l?or)?\s+at)\s+Law|"
                        r"Attorney|Lawyer|Counsel(?:l?or)?\s+at\s+Law))+\s*$", re.IGNORECASE)


def _is_own_name(line: str, attorney: str) -> bool:
    """'Lance Lee', 'Adam J. Fishbein, Attorney at Law', 'John J. Cromie, Esq.' for that
    attorney; not 'Law Office of Kevin M. Downing' (a firm named after its lawyer)."""
    rest = _SOLO_TAIL.sub("", line).strip(" ,")
    if not rest or len(rest.split()) > 6 or re.search(r"\b(?:Law|Office|Offices|Firm|Group|"
                                                     r"Associates|Legal)\b", rest, re.IGNORECASE):
        return False
    if canonical_person(rest).lower() == canonical_person(attorney).lower():
        return True
    return same_person(rest, attorney)


def strip_office(firm: str) -> str:
    """'Brinks Gilson & Lione - Chicago' -> 'Brinks Gilson & Lione'; '(DC)' and a city
    after the legal suffix ('Morrison & Foerster LLP San Francisco') go too."""
    s = clean_space(firm)
    for _ in range(2):
        s2 = _OFFICE_DASH.sub("", s)
        s2 = _OFFICE_HYPHEN.sub("", s2)
        s2 = _OFFICE_PAREN.sub("", s2)
        m = _AFTER_SUFFIX.match(s2)
        if m:
            s2 = m.group("firm")
        if s2 == s:
            break
        s = s2
    return s.strip(" ,;-")


_FIRM_DROP = frozenset("the llp llc pc p c pllc pa ltd chtd chartered lp lpa apc a professional "
                       "corporation l".split())
_FIRM_STOP = frozenset({"of", "the", "s", "and"})


def firm_key(name: str) -> str:
    s = name.lower().replace("&", " and ").replace("’", "'")
    s = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", s)  # l.l.p. -> llp.
    toks = re.findall(r"[a-z0-9]+", s)
    while toks and toks[-1] in _FIRM_DROP:
        toks.pop()
    if toks and toks[0] == "the":
        toks = toks[1:]
    return " ".join(toks)


def same_firm(a: str, b: str) -> bool:
    """Spelling variants of one firm: equal keys, the same words in another order
    ('Office of the Illinois Attorney General' / "Illinois Attorney General's Office"),
    or a small typo ('Morrison & Foersterr')."""
    ka, kb = firm_key(a), firm_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    sa = {t for t in ka.split() if t not in _FIRM_STOP}
    sb = {t for t in kb.split() if t not in _FIRM_STOP}
    if sa and sa == sb and len(sa) >= 2:
        return True
    return min(len(ka), len(kb)) >= 8 and _ratio(ka, kb) >= 92


# ---------------------------------------------------------------------------- roles

_NON_PARTY = re.compile(r"mediator|special\s+master|service\s+list|arbitrator|neutral|"
                        r"receiver|trustee\s+\(u\.?s\.?\)|^u\.?s\.?\s+trustee|monitor|"
                        r"court\s+staff|witness", re.IGNORECASE)


def party_role(party_type: str) -> str | None:
    """A CM/ECF party-type header in schema terms; None when the schema cannot express it.

    Counter/cross-claim headers map to the side that usually holds them; the caller keeps
    a party's first role, so they only matter for a party listed nowhere else.
    """
    t = re.sub(r"[\s_-]+", " ", (party_type or "").lower()).strip()
    t = re.sub(r"\b(third|3rd)party\b", r"\1 party", t)  # CM/ECF writes "ThirdParty Defendant"
    if not t or _NON_PARTY.search(t):
        return None
    if "intervenor" in t or "intervener" in t:
        return "intervenor"
    if "third party defendant" in t or "3rd party defendant" in t:
        return "third-party"
    if "third party plaintiff" in t or "3rd party plaintiff" in t:
        return "defendant"
    if t.startswith(("counter", "cross")):
        if "defendant" in t:
            return "plaintiff" if t.startswith("counter") else "defendant"
        if "claimant" in t or "plaintiff" in t:
            return "defendant"
        return None
    for word, role in (("appellant", "appellant"), ("appellee", "appellee"),
                       ("petitioner", "petitioner"), ("respondent", "respondent"),
                       ("movant", "movant"), ("plaintiff", "plaintiff"),
                       ("defendant", "defendant"), ("debtor", None)):
        if word in t:
            return role
    return None


# ---------------------------------------------------------------------------- judges

_JWORD = r"[A-Z](?:['’][A-Z])?[a-z]{1,3}(?:[A-Z][a-z]{1,20})?[a-z]{0,20}(?:-[A-Z][a-z]{1,20})?"
_JINIT = r"[A-Z]\."
_JSUFFIX = r"(?:,? (?:Jr\.?|Sr\.?|II|III|IV)(?![A-Za-z]))"
_JNAME = rf"(?:(?:{_JINIT}|{_JWORD}) ){{0,4}}{_JWORD}{_JSUFFIX}?"
_JTITLE = r"(?:(?:Chief|Senior|District|Magistrate|Mag\.|Bankruptcy|U\. ?S\.|United +States) +){0,3}"
_JUDGE_RE = re.compile(
    rf"(?<![-\w])(?P<title>{_JTITLE})Judge +(?:the +Honorable +|Hon\. +)?(?P<name>{_JNAME})"
    rf"|(?<![\w])(?:the +|The +)?(?:Honorable|Hon\.) +(?:(?P<title2>{_JTITLE})Judge +)?"
    rf"(?P<name2>{_JNAME})(?P<post>,? +U\. ?S\. ?[MD]\. ?J\.?)?"
)
_JUDGE_TRAIL = frozenset(
    "Order Orders Chambers Court Minute Entry Rules Practices Individual Standing Trial "
    "Conference Hearing Status Scheduling Memorandum Opinion Notice Electronic Text Docket "
    "Case The For And To Of Re Dated Signed Entered Filed Referral Settlement Magistrate "
    "Judge Judges District Clerk Panel MDL".split()
)
_DATE_AFTER = re.compile(r" {0,3}on +(\d{1,2})/(\d{1,2})/(\d{2,4})")
_OTHER_BENCH = re.compile(r"(?:Administrative +Law|Immigration|State +Court|Superior +Court|"
                          r"Tax +Court|Workers'? +Compensation) *$", re.IGNORECASE)
_SIGNED_BEFORE = re.compile(r"(?:signed|ordered|entered) +by *$", re.IGNORECASE)


@dataclass
class _Judge:
    name: str
    role: str
    spans: list[Span] = field(default_factory=list)
    from_header: bool = False


def _clean_judge_name(name: str) -> str:
    toks = name.split()
    while len(toks) > 1 and toks[-1].strip(",.") in _JUDGE_TRAIL:
        toks.pop()
    while toks and toks[0].strip(",.") in _JUDGE_TRAIL:
        toks.pop(0)
    return clean_space(" ".join(toks)).rstrip(",")


def _judge_role(title: str, post: str, bankruptcy: bool) -> str:
    t = f"{title} {post}".lower()
    if "magistrate" in t or "mag." in t or "m.j" in t.replace(" ", ""):
        return "magistrate"
    if "bankruptcy" in t or bankruptcy:
        return "bankruptcy"
    return "district"


def _parse_date(m: re.Match) -> _dt.date | None:
    mo, d, y = (int(g) for g in m.groups())
    if y < 100:
        y += 2000 if y < 70 else 1900
    try:
        return _dt.date(y, mo, d)
    except ValueError:
        return None


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


def _header_judge_lines(text: str, header_end: int) -> Iterator[tuple[str, str, Span]]:
    """('assigned'|'referred', name, span) for the header's judge lines."""
    # the header ends at the party listing; its judge lines follow the docket line
    end = text.find("\nPlaintiff", header_end)
    end = min(len(text), header_end + 3000) if end < 0 else min(end, header_end + 3000)
    for m in re.finditer(r"^(Assigned|Referred)\s+to:\s*(?P<v>[^\n]{1,200})$",
                         text[:end], re.MULTILINE):
        yield m.group(1).lower(), m.group("v"), (m.start("v"), m.end("v"))


_HEADER_JUDGE = re.compile(
    rf"^(?:(?:the +)?(?:Honorable|Hon\.) +)?(?P<title>{_JTITLE})(?:Judge +)?"
    rf"(?:(?:the +)?(?:Honorable|Hon\.) +)?(?P<name>{_JNAME})(?P<post>,? +U\. ?S\. ?[MD]\. ?J\.?)?"
)


def find_judges(text: str, header_end: int, filed: _dt.date | None,
                bankruptcy: bool = False) -> list[_Judge]:
    found: list[_Judge] = []

    def add(name: str, role: str, span: Span, header: bool) -> None:
        name = _clean_judge_name(name)
        if not name:
            return
        found.append(_Judge(name, role, [span], header))

    for kind, value, (a, _b) in _header_judge_lines(text, header_end):
        m = _HEADER_JUDGE.match(value)
        if not m:
            # 'Assigned to: JUDGE ANN B. EXAMPLE': capitals the name pattern does not take
            rest = re.sub(r"^(?:(?:the|Honorable|Hon\.|Chief|Senior|District|Magistrate|"
                          r"Bankruptcy|Judge)\s+)+", "", value, flags=re.IGNORECASE)
            rest = re.split(r"\s*[(\[]", rest, maxsplit=1)[0].strip(" ,")
            if person_key(rest) and len(rest.split()) <= 6 and not re.search(r"\d", rest):
                role = _judge_role(value[: len(value) - len(rest)], "", bankruptcy)
                if kind == "referred" and role != "bankruptcy":
                    role = "magistrate"
                start = a + value.index(rest)
                add(canonical_person(rest), role, (start, start + len(rest)), True)
            continue
        role = _judge_role(m.group("title") or "", m.group("post") or "", bankruptcy)
        if kind == "referred" and role != "bankruptcy":
            role = "magistrate"
        add(m.group("name"), role, (a + m.start("name"), a + m.end("name")), True)

    for m in _JUDGE_RE.finditer(text, header_end):
        name = m.group("name") or m.group("name2")
        gname = "name" if m.group("name") else "name2"
        title = m.group("title") or m.group("title2") or ""
        la, lb = _line_bounds(text, m.start())
        line = text[la:lb]
        before = text[max(la, m.start() - 40):m.start()]
        if _OTHER_BENCH.search(before + (m.group("title") or "")):
            continue  # an agency or state judge whose decision is under review
        signer = bool(_SIGNED_BEFORE.search(before))
        if signer and re.search(r"standing\s+order", line, re.IGNORECASE):
            continue  # a district-wide standing order docketed here
        d = _DATE_AFTER.match(text, m.end(gname))
        if d and filed:
            when = _parse_date(d)
            if when and when < filed:
                continue  # signed before the case existed: not an act in this case
        role = _judge_role(title, m.group("post") or "", bankruptcy)
        add(name, role, (m.start(gname), m.end(gname)), False)
    return _merge_judges(found)


def _judge_key(name: str) -> str:
    return " ".join(_name_tokens(name))


def _merge_judges(found: list[_Judge]) -> list[_Judge]:
    full = [j for j in found if len(_name_tokens(j.name)) >= 2]
    surname_only = [j for j in found if len(_name_tokens(j.name)) == 1]
    merged: list[_Judge] = []
    for j in full:
        for k in merged:
            if _judge_key(k.name) == _judge_key(j.name) or same_person(k.name, j.name):
                k.spans.extend(j.spans)
                if j.role == "magistrate" or k.role == "magistrate":
                    k.role = "magistrate"
                if j.from_header and not k.from_header:
                    k.name, k.from_header = j.name, True
                elif not k.from_header and len(j.name) > len(k.name):
                    k.name = j.name
                break
        else:
            merged.append(_Judge(j.name, j.role, list(j.spans), j.from_header))
    for j in surname_only:
        last = _name_tokens(j.name)[0]
        hits = [k for k in merged if _name_tokens(k.name)[-1] == last]
        if len(hits) == 1:
            hits[0].spans.extend(j.spans)
            if j.role == "magistrate":
                hits[0].role = "magistrate"
    return merged


# ---------------------------------------------------------------------------- docket text

_PWORD = (r"(?!(?:To|The|For|And|Of|On|By|Re|In|At|As|With|From|Dated|TO|THE|FOR|AND|OF|ON|BY|RE)\b)"
          r"[A-Z](?:['’][A-Z])?[A-Za-z]{0,25}(?:-[A-Z][A-Za-z]{0,25})?")
_PNAME = re.compile(rf"(?:(?:[A-Z]\.|{_PWORD}) ){{1,4}}{_PWORD}(?:,? (?:Jr|JR|Sr|SR)\.?|,? (?:II|III|IV)(?![A-Za-z]))?")
_PTITLE_AFTER = re.compile(r",? *(?:Esq|ESQ|Esquire|Ph\. ?D|PH\. ?D|PhD)\.?")
_PSEP = re.compile(r" *, *(?:and +|& +)?| +(?:and|&) +")
_NOT_NAME_WORDS = frozenset(
    "the and of for by inc llc llp ltd corp corporation company co court judge motion order "
    "plaintiff plaintiffs defendant defendants all counsel attorney attorneys notice pro hac "
    "vice esq filed document magistrate honorable clerk letter certification declaration "
    "exhibit united states district local leave appear appearance request receive notices "
    "electronic filing filings fee receipt number granting granted denied consent joint "
    "response reply memorandum support opposition status conference group bank trust "
    "foundation association international holdings pharma pharmaceuticals labs limited usa "
    "na sa ag plc gmbh university department office county city state government application "
    "commission authority agency service services media news company's".split()
)

# "NOTICE of Appearance by X on behalf of ...", "ATTORNEY Appearance for Plaintiff P by X"
_APPEARANCE = re.compile(r"(?i:appearance)\b[^\n]{0,200}?\b(?i:by) +(?:(?i:attorneys?|counsel) *,? +)?")
_BY_ATTORNEY = re.compile(r"\b(?i:by +attorneys?) +")
# "APPLICATION of Non-Resident Attorney X to Appear Pro Hac Vice", "Appearance of Counsel X"
_NAMED_ATTORNEY = re.compile(r"(?<![\w-])(?i:attorneys?|counsel) *,? +(?=[A-Z])")
_PHV = re.compile(r"(?i:pro +hac +vice) *(?:(?i:counsel) *,? *)?(?:(?i:by|for|as +to|of) +)?"
                  r"(?:(?i:attorneys?|counsel) *,? +)?")
_PHV_BEFORE = re.compile(r"(?i:motion|application|order) +(?:(?i:granting) +\d+ +(?i:motion) +)?"
                         r"(?i:for) +(?=[^\n]{0,300}? (?i:to +appear +pro +hac +vice))")
_LOCAL_COUNSEL = re.compile(r"(?i:local +counsel) +")
_LETTER_FROM = re.compile(r"\b(?i:letter)\b[^\n]{0,200}?\b(?i:from) +")
_LAW_FIRM_OF = re.compile(r",? *(?:Esq\.?,? *)?(?:of|from) +the +(?:law +)?firm +of +"
                          r"(?P<firm>[A-Z][A-Za-z&.'’ ]{1,80}?(?:, *(?:LLP|LLC|P\.C\.|PC|PLLC))?)"
                          r"(?=,|\. | +(?:has|is|who|and)\b|$)")
_FILED_BY = re.compile(r"(?i:filed +by) *")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,255}\.[A-Za-z]{2,24}")


def name_list_at(text: str, pos: int, limit: int = 20) -> list[tuple[str, Span]]:
    """The names listed at ``pos``: 'A, B, and C', 'X, Esq. and Y', 'ADAM C. LAROCK, ...'."""
    out: list[tuple[str, Span]] = []
    end_of_line = text.find("\n", pos)
    stop = len(text) if end_of_line < 0 else end_of_line
    while len(out) < limit:
        m = _PNAME.match(text, pos, stop)
        if not m:
            break
        name = m.group(0)
        toks = name.split(" ")
        while len(toks) > 2 and toks[-1].lower().strip(".,") in _NOT_NAME_WORDS:
            toks.pop()  # 'Matthew E. Kelley Filing fee': the name ends before 'Filing'
        trimmed = len(toks) < len(name.split(" "))
        name = " ".join(toks)
        out.append((name, (m.start(), m.start() + len(name))))
        if trimmed:
            break
        pos = m.end()
        t = _PTITLE_AFTER.match(text, pos, stop)
        if t:
            pos = t.end()
        s = _PSEP.match(text, pos, stop)
        if not s:
            break
        pos = s.end()
    return out


def _plausible_person(name: str, party_keys: set[str]) -> bool:
    toks = _name_tokens(name)
    words = [t for t in toks if len(t) > 1]
    if len(toks) < 2 or not words or len(toks) > 5:
        return False
    if any(t in _NOT_NAME_WORDS for t in toks):
        return False
    low = " ".join(toks)
    return not any(p == low or p.startswith(low + " ") for p in party_keys)


@dataclass
class _TextAttorney:
    name: str
    span: Span
    rank: int  # 1 = filed by counsel (appearance, motion, letter), 2 = clerk or court text
    line: Span
    firm: str | None = None
    firm_span: Span | None = None
    email: str | None = None
    pro_hac_vice: bool = False


def find_text_attorneys(text: str, start: int, party_keys: set[str],
                        judge_keys: set[str]) -> list[_TextAttorney]:
    """Attorneys the docket text shows appearing for a party."""
    out: list[_TextAttorney] = []

    def take(m_end: int, rank: int, la: int, lb: int, phv: bool) -> None:
        for name, span in name_list_at(text, m_end):
            if not _plausible_person(name, party_keys) or _judge_key(name) in judge_keys:
                continue
            out.append(_TextAttorney(name, span, rank, (la, lb), pro_hac_vice=phv))

    for la, lb in _lines(text, start):
        line = text[la:lb]
        low = line.lower()
        is_order = bool(re.match(r"\s*(?:\S+\s+){0,2}order\b", low)) or "signed by" in low
        rank = 2 if is_order else 1
        if "appearance" in low:
            for m in _APPEARANCE.finditer(text, la, lb):
                take(m.end(), rank, la, lb, False)
        if "by attorney" in low:
            for m in _BY_ATTORNEY.finditer(text, la, lb):
                take(m.end(), rank, la, lb, "hac vice" in low)
        if "hac vice" in low or "appearance" in low:
            for m in _NAMED_ATTORNEY.finditer(text, la, lb):
                local = text[max(la, m.start() - 6):m.start()].lower().endswith("local ")
                take(m.end(), rank, la, lb, "hac vice" in low and not local)
        if "hac vice" in low:
            for m in _PHV.finditer(text, la, lb):
                take(m.end(), rank, la, lb, True)
            for m in _PHV_BEFORE.finditer(text, la, lb):
                take(m.end(), rank, la, lb, True)
        if "local counsel" in low:
            for m in _LOCAL_COUNSEL.finditer(text, la, lb):
                take(m.end(), 1, la, lb, False)
        if "letter" in low and "from" in low:
            for m in _LETTER_FROM.finditer(text, la, lb):
                take(m.end(), 1, la, lb, False)
        if "firm of" in low:
            for m in _LAW_FIRM_OF.finditer(text, la, lb):
                # the name right before "from the law firm of"
                head = text[max(la, m.start() - 80):m.start()]
                nm = re.search(rf"({_PNAME.pattern})(?:,\s*Esq\.?)?$", head)
                if not nm or not _plausible_person(nm.group(1), party_keys):
                    continue
                base = m.start() - len(head)
                emails = _EMAIL.findall(line)
                last = _name_tokens(nm.group(1))[-1]
                email = next((e for e in emails if last in e.lower()), None)
                out.append(_TextAttorney(
                    nm.group(1), (base + nm.start(1), base + nm.end(1)), 1, (la, lb),
                    firm=m.group("firm").strip(), firm_span=(m.start("firm"), m.end("firm")),
                    email=email))
    return out


def _lines(text: str, start: int) -> Iterator[tuple[int, int]]:
    pos = start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if end > pos:
            yield pos, end
        pos = end + 1


def find_text_parties(text: str, start: int, parties: dict[str, "_Party"],
                      person_keys: set[str]) -> list[tuple[str, str, Span]]:
    """People the docket text files for together with listed parties of one role
    ('Filed by James Brady, Travis Call, Sarah Cavanagh')."""
    known = {k: p for k, p in parties.items()}
    out = []
    for la, lb in _lines(text, start):
        if "filed by" not in text[la:lb].lower():
            continue
        for m in _FILED_BY.finditer(text, la, lb):
            names = name_list_at(text, m.end())
            roles = set()
            unknown = []
            for name, span in names:
                key = " ".join(_name_tokens(canonical_party(name)))
                if key in known:
                    roles.add(known[key].role)
                else:
                    unknown.append((name, span))
            if len(roles) != 1 or not unknown:
                continue
            role = roles.pop()
            for name, span in unknown:
                toks = _name_tokens(name)
                if not (2 <= len(toks) <= 4) or any(t in _NOT_NAME_WORDS for t in toks):
                    continue
                if " ".join(toks) in person_keys:
                    continue
                if any(k.startswith(" ".join(toks) + " ") for k in known):
                    continue
                out.append((canonical_party(name), role, span))
    return out


# ---------------------------------------------------------------------------- extract


@dataclass
class _Party:
    name: str
    role: str
    raw: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


@dataclass
class _Attorney:
    variants: list[tuple[str, int]]  # (spelling, source rank: 0 listing, 1 counsel, 2 court)
    firms: list[tuple[str, str]] = field(default_factory=list)  # (firm, raw line)
    emails: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    represents: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    firm_spans: list[Span] = field(default_factory=list)

    def best_name(self) -> str:
        def score(v: tuple[str, int]) -> tuple:
            name, rank = v
            toks = _name_tokens(canonical_person(name))
            mixed = any(c.islower() for c in name)
            full_given = sum(len(t) > 1 for t in toks)
            return (len(toks), full_given, -rank, mixed, len(name))

        return canonical_person(max(self.variants, key=score)[0])


def _first_email(contact: str) -> str | None:
    m = re.search(r"E-?mail:\s*(" + _EMAIL.pattern + ")", contact or "", re.IGNORECASE)
    if m:
        return m.group(1)
    m = _EMAIL.search(contact or "")
    return m.group(0) if m else None


def _docket(value: str | None) -> str | None:
    if not value:
        return None
    m = re.match(r"^\s*(?:(\d{1,2}):)?(\d{2})-([a-zA-Z]{1,4})-(\d{1,6})", value)
    if not m:
        return value.strip() or None
    office, yy, typ, num = m.groups()
    base = f"{yy}-{typ.lower()}-{int(num):05d}"
    return f"{office}:{base}" if office else base


def _as_date(v: Any) -> _dt.date | None:
    if isinstance(v, _dt.datetime):
        return v.date()
    if isinstance(v, _dt.date):
        return v
    if isinstance(v, str):
        with contextlib.suppress(ValueError):
            return _dt.date.fromisoformat(v[:10])
    return None


def extract(document: Document) -> Extraction:
    """The docket page's case, judges, parties, attorneys and firms, with spans."""
    st = document.structured
    if not isinstance(st, dict) or "docket" not in st:
        raise ExtractionError(f"{document.path}: not a parsed PACER docket page")
    try:
        return _extract(document, st)
    except (ExtractionError, BadInput):
        raise
    except Exception as e:  # a parse shape juriscraper did not promise: name the file
        _log.debug("pacer extraction failed", exc_info=True)
        raise ExtractionError(f"{document.path}: docket extraction failed: "
                              f"{type(e).__name__}: {e}") from None


def _extract(document: Document, st: dict) -> Extraction:
    text = document.text
    data = st["docket"]
    header_end = st["header_end"]
    dl_start, dl_end = st["docket_line"]
    court = st.get("court")
    bankruptcy = bool(court and court.endswith("b"))

    # ---- case
    docket = _docket(data.get("docket_number"))
    if not docket:
        m = re.search(r"#:?\s*(\S+)", text[dl_start:dl_end])
        docket = _docket(m.group(1)) if m else None
    filed_d = _as_date(data.get("date_filed"))
    filed = filed_d.isoformat() if filed_d else None
    caption_line = text[dl_end + 1:text.find("\n", dl_end + 1) if text.find("\n", dl_end + 1) > 0 else len(text)]
    caption = clean_space(caption_line) or data.get("case_name") or None
    case_spans: list[Span] = [(dl_start, dl_end)]
    if caption_line:
        case_spans.append((dl_end + 1, dl_end + 1 + len(caption_line)))
    if st.get("court_span"):
        case_spans.append(tuple(st["court_span"]))
    cases = (CaseMention(docket=docket, court=court, caption=caption, schedule_a=_schedule_a(caption),
                         spans=tuple(case_spans), filed=filed,
                         attrs=tuple((k, str(data[k])) for k in ("nature_of_suit", "cause", "jurisdiction")
                                     if data.get(k))),)

    # the party listing lies between the header and the docket entries: its names are
    # looked up there (a Schedule A listing can hold hundreds of defendants)
    entries_start = _entries_start(text, header_end)
    listing_end = entries_start if entries_start > header_end else len(text)

    def listing_spans(needle: str, limit: int) -> tuple[Span, ...]:
        return (spans_of(text, needle, start=header_end, end=listing_end, limit=limit)
                or spans_of(text, needle, start=header_end, limit=limit))

    # ---- parties (listing)
    parties: dict[str, _Party] = {}
    listing = data.get("parties") or []
    for p in listing:
        raw = p.get("name") or ""
        role = party_role(p.get("type") or "")
        if not raw.strip() or role is None:
            continue
        name = canonical_party(raw)
        key = " ".join(_name_tokens(name))
        if not key:
            continue
        sp = listing_spans(raw, 25)
        if key in parties:
            parties[key].spans.extend(s for s in sp if s not in parties[key].spans)
            continue  # a repeated block (counter-claim, cross-claim): first role stays
        parties[key] = _Party(name, role, [raw], list(sp))

    # ---- attorneys (listing)
    attorneys: list[_Attorney] = []

    def attorney_for(name: str, rank: int) -> _Attorney:
        for a in attorneys:
            if any(same_person(v, name) for v, _r in a.variants):
                a.variants.append((name, rank))
                return a
        a = _Attorney([(name, rank)])
        attorneys.append(a)
        return a

    for p in listing:
        ptype = p.get("type") or ""
        if _NON_PARTY.search(ptype):
            continue
        pname = canonical_party(p.get("name") or "")
        pkey = " ".join(_name_tokens(pname))
        kept = pkey in parties and party_role(ptype) is not None
        for at in p.get("attorneys") or []:
            raw = clean_space(at.get("name") or "")
            contact = at.get("contact") or ""
            roles = [r for r in (at.get("roles") or []) if r]
            if not raw or person_key(raw) is None:
                continue
            if pkey and " ".join(_name_tokens(canonical_person(raw))) == pkey:
                continue  # the party itself (pro se)
            if re.search(r"\bPRO\s+SE\b", contact + " " + " ".join(roles), re.IGNORECASE):
                continue
            a = attorney_for(raw, 0)
            firm, firm_raw = firm_from_contact(contact, raw)
            if firm:
                a.firms.append((firm, firm_raw or firm))
                a.firm_spans.extend(listing_spans(firm_raw or firm, 5))
            email = _first_email(contact)
            if email:
                a.emails.append(email)
            for r in roles:
                r = clean_space(r).upper()
                if not r.startswith("TERMINATED") and r not in a.roles:
                    a.roles.append(r)
            if kept and parties[pkey].name not in a.represents:
                a.represents.append(parties[pkey].name)
            a.spans.extend(s for s in listing_spans(raw, 10)
                           if s not in a.spans)

    # ---- judges
    judges = find_judges(text, dl_start, filed_d, bankruptcy)
    judge_keys = {_judge_key(j.name) for j in judges}

    # ---- docket text: attorneys, parties
    party_keys = set(parties)
    for ta in find_text_attorneys(text, entries_start, party_keys, judge_keys):
        a = attorney_for(ta.name, ta.rank)
        if ta.span not in a.spans:
            a.spans.append(ta.span)
        if ta.firm:
            a.firms.append((strip_office(ta.firm), ta.firm))
            if ta.firm_span:
                a.firm_spans.append(ta.firm_span)
        if ta.email:
            a.emails.append(ta.email)
        if ta.pro_hac_vice and "PRO HAC VICE" not in a.roles:
            a.roles.append("PRO HAC VICE")
        line = text[ta.line[0]:ta.line[1]].lower()
        for key, party in parties.items():
            if any(r.lower() in line for r in party.raw) and party.name not in a.represents:
                a.represents.append(party.name)
        for side in ("plaintiff", "defendant"):
            if re.search(rf"\ball\s+{side}s\b", line):
                for party in parties.values():
                    if party.role == side and party.name not in a.represents:
                        a.represents.append(party.name)

    person_keys = {" ".join(_name_tokens(a.best_name())) for a in attorneys} | judge_keys
    for name, role, span in find_text_parties(text, entries_start, parties, person_keys):
        key = " ".join(_name_tokens(name))
        if key not in parties:
            parties[key] = _Party(name, role, [name], [span])
        else:
            parties[key].spans.append(span)

    # ---- firms: one canonical spelling per firm (most used, then fullest)
    clusters: list[list[tuple[str, str, _Attorney]]] = []
    for a in attorneys:
        for firm, raw in a.firms:
            for c in clusters:
                if any(same_firm(firm, f) for f, _r, _a in c):
                    c.append((firm, raw, a))
                    break
            else:
                clusters.append([(firm, raw, a)])
    firm_of: dict[int, str] = {}
    firm_mentions: list[FirmMention] = []
    for c in clusters:
        counts: dict[str, int] = {}
        for f, _r, _a in c:
            counts[firm_key(f)] = counts.get(firm_key(f), 0) + 1
        top = max(counts.values())
        best_keys = {k for k, v in counts.items() if v == top}
        forms = [f for f, _r, _a in c if firm_key(f) in best_keys]
        best = max(forms, key=lambda f: (len(firm_key(f)), any(ch.islower() for ch in f), len(f)))
        canonical = normal_case(best)
        fixed = _reference_typo_fix(best, text)
        if fixed:
            canonical, how = fixed
        represents: list[str] = []
        spans: list[Span] = []
        for _f, raw, a in c:
            firm_of[id(a)] = canonical
            for r in a.represents:
                if r not in represents:
                    represents.append(r)
            spans.extend(s for s in listing_spans(raw, 5) if s not in spans)
        evidence = None
        if len({f for f, _r, _a in c}) > 1:
            evidence = "spelling variants merged: " + " | ".join(sorted({f for f, _r, _a in c}))
        if fixed:
            evidence = "; ".join(x for x in (evidence, how) if x)
        firm_mentions.append(FirmMention(canonical, tuple(represents), docket, tuple(spans[:25]),
                                         evidence))

    attorney_mentions = []
    for a in attorneys:
        attorney_mentions.append(AttorneyMention(
            name=a.best_name(), firm=firm_of.get(id(a)),
            email=a.emails[0] if a.emails else None, represents=tuple(a.represents),
            case=docket, spans=tuple(sorted(set(a.spans))[:25]), roles=tuple(a.roles)))

    judge_mentions = tuple(JudgeMention(j.name, j.role, docket, tuple(sorted(set(j.spans))[:25]))
                           for j in judges)
    party_mentions = tuple(PartyMention(p.name, p.role, docket, tuple(sorted(set(p.spans))[:25]))
                           for p in parties.values())
    platforms = ()
    try:
        from docketgraph.ingest.fields import platforms as _platforms

        platforms = tuple(_platforms.find_platforms(text))
    except Exception:  # the gazetteer is optional for docket pages
        _log.debug("platform lookup failed", exc_info=True)

    return Extraction(
        doc=document.name, sha256=document.sha256, kind="docket", filed=filed, cases=cases,
        judges=judge_mentions, firms=tuple(firm_mentions), attorneys=tuple(attorney_mentions),
        parties=party_mentions, platforms=platforms, citations=(), format="pacer",
    )


def _reference_typo_fix(firm: str, text: str) -> tuple[str, str] | None:
    """The reference list's name when the document misspells a known firm
    ('Epstein Drengel' -> Epstein Drangel LLP). Exact and alias matches keep the
    document's own fullest form, as docket annotations do."""
    try:
        from docketgraph.ingest.fields.firms import match_firm
    except ImportError:  # pragma: no cover - the firm list ships with the package
        return None
    try:
        hit = match_firm(firm, text)
    except Exception:  # the reference list is an aid, never a reason to fail a docket
        _log.debug("firm reference lookup failed for %r", firm, exc_info=True)
        return None
    if hit is None:
        return None
    rec, how = hit
    return (rec.name, how) if how.startswith("fuzzy") else None


def _entries_start(text: str, header_end: int) -> int:
    """Where the docket entries table starts (its 'Date Filed / # / Docket Text' head)."""
    m = re.search(r"^(?:Date\s+Filed|Filing\s+Date)\n(?:#\n)?(?:Docket\s+Text)$", text[header_end:],
                  re.MULTILINE | re.IGNORECASE)
    if not m:
        m = re.search(r"^Docket\s+Text$", text[header_end:], re.MULTILINE | re.IGNORECASE)
    return header_end + m.start() if m else header_end


_SCHEDULE_A = re.compile(
    r"Schedule\s+[\"“']?A\b|Partnerships\s+and\s+Unincorporated\s+Associations|"
    r"Unincorporated\s+Associations\s+Identified", re.IGNORECASE)


def _schedule_a(caption: str | None) -> bool:
    return bool(caption and _SCHEDULE_A.search(caption))

