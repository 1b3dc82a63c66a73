"""Reader for PACER CM/ECF docket pages (HTML), parsed through juriscraper.

``sniff`` recognises a docket page by its content, never by suffix: a district report
("CIVIL DOCKET FOR CASE #"), a bankruptcy court's report ("Bankruptcy Petition #",
"Adversary Proceeding #") or a court of appeals' general docket ("Court of Appeals Docket
#"), inside HTML. ``read`` decodes the bytes, renders the page as plain text (one line per
table cell or line break, whitespace squeezed: that text is ``Document.text`` and every span
points into it) and parses the page with juriscraper's ``DocketReport`` or, for an appeal,
its ``AppellateDocketReport`` (``structured``). ``extract`` maps the parse onto the gold
schema:

- the case (docket number, courts-db court, caption, date filed); a bankruptcy number
  printed without its case type is typed ``ap`` or ``bk``; an appeal also lists the
  originating case (``pacer_appellate``);
- the assigned judge, the referred magistrate judge(s), and judges the docket text shows
  acting in the case (``pacer_entries.find_judges``);
- the parties of the party listing, with schema roles (``pacer_names.party_role``); on a
  filtered docket without a listing, the parties its entries name; people the docket text
  files for alongside listed parties;
- every attorney of the listing (firm = first line of the contact block, office suffix
  dropped, spelling variants merged to the fullest form), attorneys the docket text shows
  appearing, and the ECF filer tags of parties' filings;
- the firms derived from the attorneys, with the parties they represent;
- case-law citations quoted inside the docket entries (``fields.citations``).

Where things live: ``pacer_names`` (names, firms, party roles), ``pacer_entries`` (judges and
people named in the docket text), ``pacer_appellate`` (what only an appeal has),
``pacer_courts`` (the court from the header).

libxml2 stops reading at a text node over 10 MB unless ``huge_tree`` is on and then drops
the rest of the page without an error; pages are parsed with it on, and a parse that
still lost text is reported (``BadInput``), never silently cut.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as _dt
import logging
import re
import threading
from dataclasses import dataclass, field
from typing import Any, Iterator

from lxml import etree
from lxml import html as lhtml

from docketgraph.graph.errors import BadInput, ExtractionError
from docketgraph.graph.keys import docket_from_parts, is_schedule_a_caption, normalise_docket
from docketgraph.graph.model import (
    AttorneyMention, CaseMention, CitationMention, Document, Extraction, FirmMention, JudgeMention,
    PartyMention, Span, content_hash,
)
from docketgraph.graph.names import (
    clean_space_record, firm_key_in_docket, name_tokens, normal_case_record, party_name_record,
    person_key_in_docket, person_name_record, same_firm_in_docket, same_person_in_docket,
)
from docketgraph.ingest.fields.citations import find_citations
from docketgraph.ingest.fields.firms import match_firm
from docketgraph.ingest.fields.platforms import find_platforms
from docketgraph.ingest.readers.decode import looks_utf16, decode, looks_binary, normalise_text
from docketgraph.ingest.readers import pacer_appellate as appeals
from docketgraph.ingest.readers.pacer_courts import appeals_court_from_header, court_from_header
from docketgraph.ingest.readers.pacer_entries import (  # noqa: F401  (re-exported)
    _EMAIL, _Party, _judge_key, find_entry_parties, find_filer_tags, find_judges,
    find_role_named_parties, find_text_attorneys, find_text_parties, name_list_at,
)
from docketgraph.ingest.readers.pacer_names import (  # noqa: F401  (re-exported)
    _NON_PARTY, firm_from_contact, party_role, spans_of, strip_office, is_case_title, without_alias,
)

_log = logging.getLogger(__name__)

# juriscraper's module-level logger writes to /var/log/juriscraper and complains on
# stderr when that folder is missing, unless its logger already has a handler.
_jlog = logging.getLogger("juriscraper.lib.log_tools")
if not _jlog.handlers:
    _jlog.addHandler(logging.NullHandler())
    _jlog.setLevel(logging.WARNING)

# ---------------------------------------------------------------------------- sniff

# the docket line of a district report ("CIVIL DOCKET FOR CASE #"), of a bankruptcy court's
# reports ("Bankruptcy Petition #", "Adversary Proceeding #") and of a court of appeals'
# general docket ("Court of Appeals Docket #")
_DOCKET_MARKS = (r"DOCKET\s{1,20}FOR\s{1,20}CASE\s{0,20}#|"
                 r"(?:Bankruptcy\s{1,20}Petition|Adversary\s{1,20}Proceeding)\s{0,20}#|"
                 r"Court\s{1,20}of\s{1,20}Appeals\s{1,20}Docket\s{0,20}#")
_DOCKET_MARK = re.compile(_DOCKET_MARKS.encode(), re.IGNORECASE)
_HTML_MARK = re.compile(rb"<\s{0,5}(?:html|body|table|tr|td|div|title|head)\b", re.IGNORECASE)
_DOCKET_TEXT_MARK = re.compile(_DOCKET_MARKS, re.IGNORECASE)

#: the score a docket page gets (the plain-text reader gives 10 to .txt/.html alike)
SNIFF_SCORE = 60


def _ascii_head(head: bytes) -> bytes:
    enc = looks_utf16(head)
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
    return lhtml.HTMLParser(huge_tree=True, remove_comments=False)


def _parse_html(html_text: str, path: str):
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

    def fromstring(text, base_url=None, parser=None, **kw):
        return lhtml.fromstring(text, base_url=base_url, parser=parser or _parser(), **kw)

    with _JS_LOCK:
        saved = (hu.fromstring, dr.fromstring)
        hu.fromstring = dr.fromstring = fromstring
        try:
            yield
        finally:
            hu.fromstring, dr.fromstring = saved


#: what lxml and juriscraper raise on markup they cannot read
_MARKUP_ERRORS = (etree.LxmlError, ValueError, TypeError)
#: what juriscraper's properties raise on a page laid out otherwise than they expect
#: (a missing cell or row: IndexError, AttributeError on a None node, its own asserts)
_LAYOUT_ERRORS = (*_MARKUP_ERRORS, AssertionError, AttributeError, IndexError, KeyError)

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
        except _LAYOUT_ERRORS as e:
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


def _juriscraper_parse(html_text: str, court_id: str, path: str, full_text: str,
                       appellate: bool = False) -> dict:
    """juriscraper's DocketReport data (metadata, parties, docket entries); a court of
    appeals' general docket through its AppellateDocketReport."""
    from juriscraper.pacer import AppellateDocketReport, DocketReport

    report = (AppellateDocketReport if appellate else DocketReport)(court_id or "unknown")
    try:
        with _huge_lxml():
            report._parse_text(html_text)
    except _MARKUP_ERRORS as e:  # lxml/nh3 refusing the markup
        raise BadInput(f"{path}: juriscraper could not read the page: "
                       f"{type(e).__name__}: {e}") from None
    try:
        with _huge_lxml():
            data = report.data
    except _LAYOUT_ERRORS as e:  # juriscraper raises IndexError/AttributeError on odd pages
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

_HEADER_END = re.compile(r"^(?:(?:CIVIL|CRIMINAL|BANKRUPTCY)?\s{0,3}DOCKET\s+FOR\s+CASE|"
                         r"(?P<bk>Bankruptcy\s+Petition|(?P<ap>Adversary\s+Proceeding))|"
                         r"(?P<appeal>Court\s+of\s+Appeals\s+Docket))"
                         r"\s*#:?\s*(?P<num>[^\n]{0,80})$",
                         re.IGNORECASE | re.MULTILINE)


def read(path: str, data: bytes) -> Document:
    """Decode, render and parse one CM/ECF docket page."""
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
    appellate = bool(m.group("appeal"))
    find_court = appeals_court_from_header if appellate else court_from_header
    court = find_court(text[:header_end], 0, raw_html=html_text[:200_000])
    parsed = _juriscraper_parse(html_text, court.id if court else "", path, text, appellate)
    structured = {
        "court": court.id if court else None,
        "court_span": court.span if court else None,
        "header_end": header_end,
        "docket_line": (m.start(), m.end()),
        "docket": parsed,
    }
    if appellate:
        structured["layout"] = "appellate"
    if m.group("bk"):
        # a bankruptcy number printed without its case type: petition or adversary proceeding
        structured["case_type"] = "ap" if m.group("ap") else "bk"
    return Document(path=path, sha256=content_hash(data), text=text, format="pacer",
                    encoding=enc, structured=structured,
                    metadata={"court": court.id if court else None})


# ---------------------------------------------------------------------------- extract
#
# ``extract`` runs in phases, each a function below: the case; the party listing's parties
# and attorneys; the judges; attorneys and parties named in the docket text; the firms
# (one canonical spelling each); the mentions. juriscraper's parse is put into a fixed shape
# first (``_listing_of``), so the phases never meet a shape juriscraper did not promise.


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
            toks = name_tokens(person_name_record(name))
            mixed = any(c.islower() for c in name)
            full_given = sum(len(t) > 1 for t in toks)
            return (len(toks), full_given, -rank, mixed, len(name))

        return person_name_record(max(self.variants, key=score)[0])


class _Attorneys(list):
    """The attorneys found so far; a new spelling of a known person joins that person."""

    def attorney_for(self, name: str, rank: int) -> _Attorney:
        for a in self:
            if any(same_person_in_docket(v, name) for v, _r in a.variants):
                a.variants.append((name, rank))
                return a
        a = _Attorney([(name, rank)])
        self.append(a)
        return a


@dataclass
class _Page:
    """The rendered page and where its party listing lies (between the header and the
    docket entries: names are looked up there first, since a Schedule A listing can hold
    hundreds of defendants)."""
    text: str
    header_end: int
    entries_start: int

    @property
    def listing_end(self) -> int:
        return self.entries_start if self.entries_start > self.header_end else len(self.text)

    def listing_spans(self, needle: str, limit: int) -> tuple[Span, ...]:
        return (spans_of(self.text, needle, start=self.header_end, end=self.listing_end, limit=limit)
                or spans_of(self.text, needle, start=self.header_end, limit=limit))


def _first_email(contact: str) -> str | None:
    m = re.search(r"E-?mail:\s*(" + _EMAIL.pattern + ")", contact or "", re.IGNORECASE)
    if m:
        return m.group(1)
    m = _EMAIL.search(contact or "")
    return m.group(0) if m else None


_UNTYPED = re.compile(r"^(?:(?P<office>\d{1,2}):)?(?P<yy>\d{2})-(?P<num>\d{1,6})(?![\d-]*-?[a-zA-Z]{2}-)")
_HEADER_LABEL = re.compile(r"^(?:Assigned|Referred)\s+to:|^Lead\s+BK\b|^Date\s+Filed:", re.IGNORECASE)


def _typed_docket(docket: str, case_type: str) -> str:
    """A bankruptcy number printed without its case type, given one: '06-50826' (an
    adversary proceeding) -> '06-ap-50826'; a typed number is kept."""
    m = _UNTYPED.match(docket)
    if not m:
        return docket
    return docket_from_parts(m.group("yy"), case_type, m.group("num"), m.group("office"))


def _as_date(v: Any) -> _dt.date | None:
    if isinstance(v, _dt.datetime):
        return v.date()
    if isinstance(v, _dt.date):
        return v
    if isinstance(v, str):
        with contextlib.suppress(ValueError):
            return _dt.date.fromisoformat(v[:10])
    return None


def _str(v: Any) -> str:
    return v if isinstance(v, str) else ""


def _listing_of(data: dict) -> list[dict]:
    """juriscraper's party listing in a fixed shape: each party a dict with ``name``,
    ``type`` (strings) and ``attorneys`` (dicts with ``name``, ``contact`` strings and
    ``roles``, a list of strings); entries of any other shape are left out."""
    out = []
    parties = data.get("parties")
    for p in parties if isinstance(parties, list) else ():
        if not isinstance(p, dict):
            continue
        attorneys = []
        ats = p.get("attorneys")
        for at in ats if isinstance(ats, list) else ():
            if not isinstance(at, dict):
                continue
            roles = at.get("roles")
            attorneys.append({
                "name": _str(at.get("name")), "contact": _str(at.get("contact")),
                "roles": [r for r in roles if isinstance(r, str)] if isinstance(roles, list) else [],
            })
        out.append({"name": _str(p.get("name")), "type": _str(p.get("type")),
                    "attorneys": attorneys})
    return out


def extract(document: Document) -> Extraction:
    """The docket page's case, judges, parties, attorneys and firms, with spans."""
    st = document.structured
    if not isinstance(st, dict) or "docket" not in st or not isinstance(st["docket"], dict):
        raise ExtractionError(f"{document.path}: not a parsed PACER docket page")
    if st.get("layout") == "appellate":
        return _extract_appellate(document, st)
    return _extract(document, st)


def _extract(document: Document, st: dict) -> Extraction:
    text = document.text
    data = st["docket"]
    dl_start = st["docket_line"][0]
    page = _Page(text, st["header_end"], _entries_start(text, st["header_end"]))
    court = st.get("court")
    bankruptcy = bool(court and court.endswith("b"))
    listing = _listing_of(data)

    case, filed_d = _case(text, data, st)
    docket = case.docket
    parties = _listing_parties(page, listing)
    attorneys = _Attorneys()
    _listing_attorneys(page, listing, parties, attorneys)
    judges = find_judges(text, dl_start, filed_d, bankruptcy)
    judge_keys = {_judge_key(j.name) for j in judges}
    filtered = not parties
    if filtered:
        _entry_parties(page, parties, judge_keys)
    _docket_text_attorneys(page, parties, attorneys, judge_keys)
    _docket_text_parties(page, parties, attorneys, judge_keys, filtered)
    _filer_tag_attorneys(page, parties, attorneys, judge_keys)
    firm_mentions, firm_of = _firms(page, attorneys, docket)

    attorney_mentions = tuple(
        AttorneyMention(name=a.best_name(), firm=firm_of.get(id(a)),
                        email=a.emails[0] if a.emails else None, represents=tuple(a.represents),
                        case=docket, spans=tuple(sorted(set(a.spans))[:25]), roles=tuple(a.roles))
        for a in attorneys)
    judge_mentions = tuple(JudgeMention(j.name, j.role, docket, tuple(sorted(set(j.spans))[:25]))
                           for j in judges)
    party_mentions = tuple(PartyMention(p.name, p.role, docket, tuple(sorted(set(p.spans))[:25]))
                           for p in parties.values())
    return Extraction(
        doc=document.name, sha256=document.sha256, kind="docket", filed=case.filed, cases=(case,),
        judges=judge_mentions, firms=firm_mentions, attorneys=attorney_mentions,
        parties=party_mentions, platforms=tuple(find_platforms(text)),
        citations=_entry_citations(page), format="pacer",
    )


def _extract_appellate(document: Document, st: dict) -> Extraction:
    """A court of appeals' general docket: the appeal and the originating case, the lower
    court's judges on the latter and the panel on the former, each party under its trial
    role (district case) and its appellate role (the appeal); counsel go with the appeal."""
    text = document.text
    data = st["docket"]
    header_end = st["header_end"]
    dl_start, dl_end = st["docket_line"]
    page = _Page(text, header_end, appeals.entries_start(text, header_end))
    listing = appeals.normalise_listing(_listing_of(data))

    appeal = clean_space_record(_str(data.get("docket_number"))) or None
    if not appeal:
        m = re.search(r"#:?\s*(\S+)", text[dl_start:dl_end])
        appeal = m.group(1) if m else None
    filed_d = _as_date(data.get("date_filed"))
    filed = filed_d.isoformat() if filed_d else None
    caption = _str(data.get("case_name")) or None
    spans: list[Span] = [(dl_start, dl_end)]
    if st.get("court_span"):
        spans.append(tuple(st["court_span"]))
    attrs = tuple((k, str(data[k])) for k in ("nature_of_suit", "appeal_from") if data.get(k))
    cases = [CaseMention(docket=appeal, court=st.get("court"), caption=caption,
                         schedule_a=is_schedule_a_caption(caption), spans=tuple(spans), filed=filed,
                         attrs=attrs)]
    lower = appeals.originating_case(data)
    district = None
    if lower:
        district = normalise_docket(lower[0])
        cases.append(CaseMention(docket=district, court=lower[1] or None,
                                 spans=spans_of(text, lower[0], limit=3)))

    parties = _listing_parties(page, listing)
    attorneys = _Attorneys()
    _listing_attorneys(page, listing, parties, attorneys)
    judges = appeals.find_appellate_judges(text, header_end, page.entries_start)
    judge_keys = {_judge_key(j.name) for j in judges}
    _docket_text_attorneys(page, parties, attorneys, judge_keys)
    firm_mentions, firm_of = _firms(page, attorneys, appeal)

    trial_roles = {" ".join(name_tokens(party_name_record(n))): r
                   for n, r in appeals.iter_trial_roles(listing)}
    party_mentions = []
    for key, p in parties.items():
        sp = tuple(sorted(set(p.spans))[:25])
        if district and key in trial_roles:
            party_mentions.append(PartyMention(p.name, trial_roles[key], district, sp))
        party_mentions.append(PartyMention(p.name, p.role, appeal, sp))
    judge_mentions = tuple(
        JudgeMention(j.name, j.role, district if j.lower else appeal, tuple(sorted(set(j.spans))[:25]))
        for j in judges if district or not j.lower)
    attorney_mentions = tuple(
        AttorneyMention(name=a.best_name(), firm=firm_of.get(id(a)),
                        email=a.emails[0] if a.emails else None, represents=tuple(a.represents),
                        case=appeal, spans=tuple(sorted(set(a.spans))[:25]), roles=tuple(a.roles))
        for a in attorneys)
    return Extraction(
        doc=document.name, sha256=document.sha256, kind="docket", filed=filed, cases=tuple(cases),
        judges=judge_mentions, firms=firm_mentions, attorneys=attorney_mentions,
        parties=tuple(party_mentions), platforms=tuple(find_platforms(text)),
        citations=_entry_citations(page), format="pacer",
    )


def _case(text: str, data: dict, st: dict) -> tuple[CaseMention, _dt.date | None]:
    """The docket's own case (number, court, caption, date filed) and its filing date."""
    dl_start, dl_end = st["docket_line"]
    docket = normalise_docket(_str(data.get("docket_number")))
    if not docket:
        m = re.search(r"#:?\s*(\S+)", text[dl_start:dl_end])
        docket = normalise_docket(m.group(1)) if m else None
    if docket and st.get("case_type"):
        docket = _typed_docket(docket, st["case_type"])
    filed_d = _as_date(data.get("date_filed"))
    filed = filed_d.isoformat() if filed_d else None
    nl = text.find("\n", dl_end + 1)
    caption_line = text[dl_end + 1:nl if nl > 0 else len(text)]
    if _HEADER_LABEL.match(caption_line):
        caption_line = ""  # a bankruptcy report prints no caption: the header goes on
        caption = None
    else:
        caption = clean_space_record(caption_line) or _str(data.get("case_name")) or None
    case_spans: list[Span] = [(dl_start, dl_end)]
    if caption_line:
        case_spans.append((dl_end + 1, dl_end + 1 + len(caption_line)))
    if st.get("court_span"):
        case_spans.append(tuple(st["court_span"]))
    attrs = tuple((k, str(data[k])) for k in ("nature_of_suit", "cause", "jurisdiction")
                  if data.get(k))
    case = CaseMention(docket=docket, court=st.get("court"), caption=caption,
                       schedule_a=is_schedule_a_caption(caption), spans=tuple(case_spans), filed=filed,
                       attrs=attrs)
    return case, filed_d


_DEBTOR = re.compile(r"^\s*(?:joint\s+)?debtor\b", re.IGNORECASE)


def _debtor_moves(page: _Page, raw: str) -> bool:
    """Whether the entries show the debtor bringing a motion ("Motion ... filed by Debtor
    Ann Roe"): a debtor is a party of the schema only as a movant."""
    toks = name_tokens(party_name_record(raw))
    if not toks:
        return False
    for m in _DEBTOR_MOTION.finditer(page.text, page.entries_start):
        end = page.text.find("\n", m.start())
        line = page.text[m.start():end if end >= 0 else len(page.text)].lower()
        if toks[-1] in line:
            return True
    return False


_DEBTOR_MOTION = re.compile(r"^[^\n]*\b(?i:motion)\b[^\n]*\b(?i:filed\s+by|by)\s+(?i:joint\s+)?(?i:debtors?)\b",
                            re.MULTILINE)
_ADR = re.compile(r"\bADR\b|alternative\s+dispute", re.IGNORECASE)


def _listing_parties(page: _Page, listing: list[dict]) -> dict[str, _Party]:
    """The parties of the listing under schema roles, keyed by name tokens; a repeated
    block (counter-claim, cross-claim) keeps the party's first role."""
    parties: dict[str, _Party] = {}
    # a mediator or ADR provider re-listed under a party header (a service-list block such
    # as "All Plaintiffs") is still no party
    non_parties = {" ".join(name_tokens(party_name_record(p["name"]))) for p in listing
                   if _NON_PARTY.search(p["type"]) or _ADR.search(p["type"])}
    for p in listing:
        raw = p["name"]
        role = party_role(p["type"])
        if role is None and _DEBTOR.match(p["type"]) and _debtor_moves(page, raw):
            role = "movant"
        if not raw.strip() or role is None or is_case_title(raw):
            continue
        name = party_name_record(without_alias(raw))
        key = " ".join(name_tokens(name))
        if not key or key in non_parties:
            continue
        sp = page.listing_spans(raw, 25)
        if key in parties:
            parties[key].spans.extend(s for s in sp if s not in parties[key].spans)
            continue
        parties[key] = _Party(name, role, [raw], list(sp))
    return parties


def _listing_attorneys(page: _Page, listing: list[dict], parties: dict[str, _Party],
                       attorneys: _Attorneys) -> None:
    """Every attorney of the listing (not the party itself, not PRO SE), with the firm of
    the contact block, the first e-mail, the roles and the parties represented."""
    for p in listing:
        ptype = p["type"]
        if _NON_PARTY.search(ptype):
            continue
        pname = party_name_record(without_alias(p["name"]))
        pkey = " ".join(name_tokens(pname))
        kept = pkey in parties and (party_role(ptype) is not None
                                    or parties[pkey].role == "movant" and bool(_DEBTOR.match(ptype)))
        for at in p["attorneys"]:
            raw = clean_space_record(at["name"])
            contact = at["contact"]
            roles = [r for r in at["roles"] if r]
            if not raw or person_key_in_docket(raw) is None:
                continue
            if pkey and " ".join(name_tokens(person_name_record(raw))) == pkey:
                continue  # the party itself (pro se)
            if re.search(r"\bPRO\s+SE\b", contact + " " + " ".join(roles), re.IGNORECASE):
                continue
            a = attorneys.attorney_for(raw, 0)
            firm, firm_raw = firm_from_contact(contact, raw)
            if firm:
                a.firms.append((firm, firm_raw or firm))
                a.firm_spans.extend(page.listing_spans(firm_raw or firm, 5))
            email = _first_email(contact)
            if email:
                a.emails.append(email)
            for r in roles:
                r = clean_space_record(r).upper()
                if not r.startswith("TERMINATED") and r not in a.roles:
                    a.roles.append(r)
            if kept and parties[pkey].name not in a.represents:
                a.represents.append(parties[pkey].name)
            a.spans.extend(s for s in page.listing_spans(raw, 10) if s not in a.spans)


def _docket_text_attorneys(page: _Page, parties: dict[str, _Party], attorneys: _Attorneys,
                           judge_keys: set[str]) -> None:
    """Attorneys the docket entries show appearing, joined to the listing's spellings; the
    parties an entry names (or "all plaintiffs") are the ones they represent."""
    text = page.text
    for ta in find_text_attorneys(text, page.entries_start, set(parties), judge_keys):
        a = attorneys.attorney_for(ta.name, ta.rank)
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
        for party in parties.values():
            if any(r.lower() in line for r in party.raw) and party.name not in a.represents:
                a.represents.append(party.name)
        for side in ("plaintiff", "defendant"):
            if re.search(rf"\ball\s+{side}s\b", line):
                for party in parties.values():
                    if party.role == side and party.name not in a.represents:
                        a.represents.append(party.name)


def _docket_text_parties(page: _Page, parties: dict[str, _Party], attorneys: _Attorneys,
                         judge_keys: set[str], filtered: bool = False) -> None:
    """People the docket entries file for alongside listed parties of one role; on a
    filtered docket (no listing), parties an entry names with their role ("Answer due ...
    for X", "on behalf of defts X": a listing names them more fully when there is one)."""
    person_keys = {" ".join(name_tokens(a.best_name())) for a in attorneys} | judge_keys
    named = find_role_named_parties(page.text, page.entries_start) if filtered else []
    for raw, role, span in named:
        name = party_name_record(without_alias(raw))
        key = " ".join(name_tokens(name))
        if not key or key in person_keys:
            continue
        known = parties.get(key) or next(
            (p for k, p in parties.items() if k.startswith(key + " ") or key.startswith(k + " ")), None)
        if known:
            known.spans.append(span)
        else:
            parties[key] = _Party(name, role, [raw], [span])
    for name, role, span in find_text_parties(page.text, page.entries_start, parties, person_keys):
        key = " ".join(name_tokens(name))
        if key not in parties:
            parties[key] = _Party(name, role, [name], [span])
        else:
            parties[key].spans.append(span)


def _entry_parties(page: _Page, parties: dict[str, _Party], judge_keys: set[str]) -> None:
    """A filtered docket without a party listing: the parties its entries name (the
    complaint's defendants and filers, filers whose role the entry states)."""
    for raw, role, span in find_entry_parties(page.text, page.entries_start):
        name = party_name_record(without_alias(raw))
        key = " ".join(name_tokens(name))
        if not key or key in judge_keys:
            continue
        if key in parties:
            parties[key].spans.append(span)
        else:
            parties[key] = _Party(name, role, [raw], [span])


def _filer_tag_attorneys(page: _Page, parties: dict[str, _Party], attorneys: _Attorneys,
                         judge_keys: set[str]) -> None:
    """The ECF filer tag of a party's filing names the attorney who filed it (firm
    unknown); a party filing for itself (pro se) is not an attorney."""
    text = page.text
    for name, span, (la, lb) in find_filer_tags(text, page.entries_start):
        key = " ".join(name_tokens(name))
        if key in judge_keys or any(same_person_in_docket(name, p.name) for p in parties.values()):
            continue
        if any(same_person_in_docket(v, name) for a in attorneys for v, _r in a.variants):
            continue  # known already from the listing or the docket text, more fully
        a = attorneys.attorney_for(name, 1)
        if span not in a.spans:
            a.spans.append(span)
        line = text[la:lb].lower()
        for party in parties.values():
            if any(r.lower() in line for r in party.raw) and party.name not in a.represents:
                a.represents.append(party.name)


def _entry_citations(page: _Page) -> tuple[CitationMention, ...]:
    """Case-law cites quoted inside the docket entries (an order's text copied in)."""
    start = page.entries_start
    return tuple(
        dataclasses.replace(c, spans=tuple((a + start, b + start) for a, b in c.spans))
        for c in find_citations(page.text[start:]))


def _firms(page: _Page, attorneys: _Attorneys,
           docket: str | None) -> tuple[tuple[FirmMention, ...], dict[int, str]]:
    """One canonical spelling per firm (the most used form, then the fullest; a known
    firm's misspelling fixed from the reference list), and each attorney's firm."""
    clusters: list[list[tuple[str, str, _Attorney]]] = []
    for a in attorneys:
        for firm, raw in a.firms:
            for c in clusters:
                if any(same_firm_in_docket(firm, f) for f, _r, _a in c):
                    c.append((firm, raw, a))
                    break
            else:
                clusters.append([(firm, raw, a)])
    firm_of: dict[int, str] = {}
    firm_mentions: list[FirmMention] = []
    for c, by_domain in _merge_by_mail_domain(clusters):
        counts: dict[str, int] = {}
        for f, _r, _a in c:
            counts[firm_key_in_docket(f)] = counts.get(firm_key_in_docket(f), 0) + 1
        top = max(counts.values())
        best_keys = {k for k, v in counts.items() if v == top}
        if by_domain:
            # 'Paul Smith (NY)' and 'Paul, Smith, Rifkind & Doe' at one domain: the full name
            fullest = [k for k in counts if all(set(o.split()) <= set(k.split()) for o in counts)]
            best_keys = set(fullest) or best_keys
        forms = [f for f, _r, _a in c if firm_key_in_docket(f) in best_keys]
        # the fullest form (legal suffix included); forms that differ only in dots and
        # commas ('Roe & Poe LLP' / 'Roe & Poe, L.L.P.'): the first one the page prints
        first_seen = {f: i for i, (f, _r, _a) in reversed(list(enumerate(c)))}
        best = max(forms, key=lambda f: (len(firm_key_in_docket(f)), any(ch.islower() for ch in f),
                                         len(re.sub(r"[.,\s]", "", f)), -first_seen[f]))
        canonical = normal_case_record(best)
        fixed = _reference_typo_fix(best, page.text)
        if fixed:
            canonical, how = fixed
        represents: list[str] = []
        spans: list[Span] = []
        for _f, raw, a in c:
            firm_of[id(a)] = canonical
            for r in a.represents:
                if r not in represents:
                    represents.append(r)
            spans.extend(s for s in page.listing_spans(raw, 5) if s not in spans)
        evidence = None
        if len({f for f, _r, _a in c}) > 1:
            evidence = "spelling variants merged: " + " | ".join(sorted({f for f, _r, _a in c}))
        if fixed:
            evidence = "; ".join(x for x in (evidence, how) if x)
        firm_mentions.append(FirmMention(canonical, tuple(represents), docket, tuple(spans[:25]),
                                         evidence))
    return tuple(firm_mentions), firm_of


_WEBMAIL = frozenset("gmail.com yahoo.com aol.com hotmail.com outlook.com msn.com comcast.net "
                     "icloud.com me.com verizon.net att.net protonmail.com live.com".split())


def _mail_domain(a: _Attorney) -> str | None:
    if not a.emails or "@" not in a.emails[0]:
        return None
    d = a.emails[0].rsplit("@", 1)[1].lower()
    return None if d in _WEBMAIL else d


def _merge_by_mail_domain(clusters: list[list[tuple[str, str, _Attorney]]]
                          ) -> list[tuple[list[tuple[str, str, _Attorney]], bool]]:
    """Firm spellings too far apart to match by name ('Kessler Meltzer & Check' / 'Kessler
    Topaz Meltzer & Check') are one firm when their lawyers write from one e-mail domain
    and the names start with the same word; (cluster, merged by domain)."""
    out: list[tuple[list[tuple[str, str, _Attorney]], bool]] = []
    for c in clusters:
        domains = {d for _f, _r, a in c if (d := _mail_domain(a))}
        first = {firm_key_in_docket(f).split()[0] for f, _r, _a in c if firm_key_in_docket(f)}
        for i, (o, _m) in enumerate(out):
            o_domains = {d for _f, _r, a in o if (d := _mail_domain(a))}
            o_first = {firm_key_in_docket(f).split()[0] for f, _r, _a in o if firm_key_in_docket(f)}
            if domains & o_domains and first & o_first:
                out[i] = (o + c, True)
                break
        else:
            out.append((c, False))
    return out


def _reference_typo_fix(firm: str, text: str) -> tuple[str, str] | None:
    """The reference list's name when the document misspells a known firm
    ('Epstein Drengel' -> Epstein Drangel LLP). Exact and alias matches keep the
    document's own fullest form, as docket annotations do."""
    hit = match_firm(firm, text)
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
