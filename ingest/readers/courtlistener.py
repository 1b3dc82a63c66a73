"""Reader for CourtListener REST API (v4) records saved to files.

A file may hold one record (a docket, an opinion cluster, an opinion, a RECAP document,
a docket entry with its documents, a party, an attorney), a saved page of results
(``{"count": ..., "results": [...]}``), a list of records, or an object bundling them
(``{"docket": {...}, "parties": [...], "opinions": [...]}``). Records are recognised by
their keys, not by the file name.

``read`` builds a Document (format "courtlistener"): ``structured`` is the parsed JSON;
``text`` is a rendering of the records' fields, one ``field: value`` line each, followed
by the opinion or document text if there is any. Mapped fields therefore have spans into
the text like everything else. ``extract`` maps the fields straight into the model
(structured facts win) and sends the opinion/document text through the ordinary text
pipeline for the rest (citations, platforms, anything the fields lack).
"""
from __future__ import annotations

import functools
import json
import logging
import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import Any

from docketgraph.graph.errors import BadInput
from docketgraph.graph.keys import docket_key, is_schedule_a_caption, normalise_docket
from docketgraph.graph.model import (
    AttorneyMention, CaseMention, Document, Extraction, FirmMention, JudgeMention,
    PartyMention, Span, content_hash,
)
from docketgraph.graph.names import person_name_record
from docketgraph.ingest.readers import text as text_reader
from docketgraph.ingest.readers.decode import normalise_text
from docketgraph.ingest.fields.firms import canonical_firm as canonical
from docketgraph.ingest.readers.pacer_names import firm_from_contact
from docketgraph.ingest.readers.pacer_names import party_role as pacer_role

log = logging.getLogger(__name__)

#: JSON files larger than this are refused (bytes)
MAX_JSON_BYTES = 32 * 1024 * 1024
#: more objects/arrays, or strings, than this are refused before parsing (memory)
MAX_JSON_CONTAINERS = 1_000_000
MAX_JSON_STRINGS = 2_000_000
MAX_JSON_VALUES = 4_000_000
#: deeper nesting than this is refused (CourtListener records nest three or four levels)
MAX_DEPTH = 32
#: at most this many records are read from one file
MAX_RECORDS = 10_000

_API = b"courtlistener.com/api/rest/"
_KEYS = (b'"docket_number"', b'"case_name"', b'"sub_opinions"', b'"plain_text"',
         b'"html_with_citations"', b'"assigned_to_str"', b'"referred_to_str"',
         b'"author_str"', b'"joined_by_str"', b'"party_types"', b'"parties_represented"',
         b'"nature_of_suit"', b'"pacer_case_id"', b'"recap_documents"', b'"docket_id"',
         b'"cluster_id"', b'"absolute_url"', b'"resource_uri"', b'"caseName"',
         b'"docketNumber"')


def sniff(head: bytes, suffix: str) -> int:
    """60 for JSON whose keys are CourtListener's; 0 otherwise."""
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not body.startswith((b"{", b"[")):
        return 0
    if _API in head:
        return 60
    hits = sum(1 for k in _KEYS if k in head)
    return 60 if hits >= 2 else 0


# ---------------------------------------------------------------- JSON, safely

def _load(path: str, data: bytes) -> Any:
    if len(data) > MAX_JSON_BYTES:
        raise BadInput(f"{path}: JSON is {len(data):,} bytes, over the {MAX_JSON_BYTES:,}-byte limit")
    # parsed JSON costs some 50-100 bytes per object or string: count them first
    containers = data.count(b"{") + data.count(b"[")
    strings = data.count(b'"') // 2
    values = data.count(b",")
    if (containers > MAX_JSON_CONTAINERS or strings > MAX_JSON_STRINGS
            or values > MAX_JSON_VALUES):
        raise BadInput(f"{path}: JSON with too many values to read safely ({containers:,} "
                       f"objects, {strings:,} strings, {values:,} commas)")
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise BadInput(f"{path}: JSON is not UTF-8 ({e.reason} at byte {e.start})") from None
    except RecursionError:
        raise BadInput(f"{path}: JSON nested too deeply (over {MAX_DEPTH} levels)") from None
    except ValueError as e:  # JSONDecodeError, and int strings over Python's digit limit
        raise BadInput(f"{path}: invalid JSON ({str(e)[:160]})") from None
    if _depth_over(obj, MAX_DEPTH):
        raise BadInput(f"{path}: JSON nested too deeply (over {MAX_DEPTH} levels)")
    return obj


def _depth_over(obj: Any, limit: int) -> bool:
    """True when containers nest more than ``limit`` levels (checked without recursion)."""
    stack = [(obj, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return True
        stack.extend((c, depth + 1) for c in children if isinstance(c, (dict, list)))
    return False


# ---------------------------------------------------------------- records

KINDS = ("docket", "cluster", "opinion", "recap_document", "docket_entry", "party",
         "attorney", "search_result")

_OPINION_TEXT = ("plain_text", "html_with_citations", "html_columbia", "html_lawbox",
                 "xml_harvard", "html_anon_2020", "html")

#: CourtListener search results name docket fields in camelCase
_SEARCH_ALIASES = {"caseName": "case_name", "docketNumber": "docket_number",
                   "dateFiled": "date_filed", "assignedTo": "assigned_to_str",
                   "referredTo": "referred_to_str", "suitNature": "nature_of_suit",
                   "court_id": "court_id", "cause": "cause", "judge": "judges"}


def kind_of(rec: dict) -> str | None:
    """Which CourtListener record this dict is, by its keys (None: not one)."""
    keys = rec.keys()
    uri = rec.get("resource_uri")
    if isinstance(uri, str):
        for marker, kind in (("/dockets/", "docket"), ("/clusters/", "cluster"),
                             ("/opinions/", "opinion"), ("/recap-documents/", "recap_document"),
                             ("/docket-entries/", "docket_entry"), ("/parties/", "party"),
                             ("/attorneys/", "attorney")):
            if marker in uri:
                return kind
    if "sub_opinions" in keys:
        return "cluster"
    if "recap_documents" in keys and ("entry_number" in keys or "description" in keys):
        return "docket_entry"
    if "party_types" in keys and "name" in keys:
        return "party"
    if "parties_represented" in keys or ("contact_raw" in keys and "name" in keys):
        return "attorney"
    if any(k in keys for k in _OPINION_TEXT) and ("cluster" in keys or "cluster_id" in keys
                                                  or "author_str" in keys):
        return "opinion"
    if "plain_text" in keys and ("document_number" in keys or "pacer_doc_id" in keys
                                 or "ocr_status" in keys or "is_available" in keys):
        return "recap_document"
    if "docket_number" in keys and ("case_name" in keys or "court" in keys or "court_id" in keys):
        return "docket"
    if "judges" in keys and "case_name" in keys:
        return "cluster"
    if "docketNumber" in keys or "caseName" in keys:
        return "search_result"
    return None


def _records(obj: Any) -> list[tuple[str, dict]]:
    """Every record in a parsed file, in document order, with its kind."""
    out: list[tuple[str, dict]] = []

    def visit(value: Any, depth: int) -> None:
        if len(out) >= MAX_RECORDS or depth > 8:
            return
        if isinstance(value, list):
            for item in value:
                visit(item, depth + 1)
            return
        if not isinstance(value, dict):
            return
        kind = kind_of(value)
        if kind is None:
            for v in value.values():  # a results page or a bundle
                if isinstance(v, (dict, list)):
                    visit(v, depth + 1)
            return
        if kind == "search_result":
            flat = {_SEARCH_ALIASES.get(k, k): v for k, v in value.items()}
            out.append(("docket", flat))
            docs = value.get("recap_documents")
            if isinstance(docs, list):
                visit(docs, depth + 1)
            return
        out.append((kind, value))
        # nested records: a docket inside a cluster, documents inside an entry, parties
        for key in ("docket", "recap_documents", "parties", "attorneys", "opinions",
                    "sub_opinions", "clusters", "docket_entries"):
            sub = value.get(key)
            if isinstance(sub, dict) or (isinstance(sub, list) and sub
                                         and any(isinstance(x, dict) for x in sub)):
                if kind == "party" and key == "attorneys":
                    continue  # a party's attorney links, read with the party
                if kind == "docket" and key == "parties":
                    continue  # read with the docket
                visit(sub, depth + 1)

    visit(obj, 0)
    return out


# ---------------------------------------------------------------- rendering

class _Text:
    """Builds the Document text and remembers where each rendered value is."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, s: str) -> Span:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return (start, self.pos)

    def field(self, label: str, value: Any) -> Span | None:
        value = _clean(value)
        if not value:
            return None
        self.add(f"{label}: ")
        span = self.add(value)
        self.add("\n")
        return span

    def text(self) -> str:
        return "".join(self.parts)


def _clean(value: Any) -> str:
    if value is None or isinstance(value, (dict, list, bool)):
        return ""
    s = normalise_text(str(value)).strip()
    return s


class _HTMLText(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
             "blockquote", "pre", "table", "section", "article", "opinion", "center"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def html_to_text(markup: str) -> str:
    """Readable text from CourtListener's opinion HTML (tags dropped, entities decoded)."""
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.out)  # character references are already decoded by the parser
    return _BLANKS.sub("\n\n", text).strip("\n")


def _body_of(rec: dict) -> str:
    """The best text of an opinion or document (plain text first: it is what was filed)."""
    plain = rec.get("plain_text")
    if isinstance(plain, str) and plain.strip():
        return plain
    for key in _OPINION_TEXT[1:]:
        markup = rec.get(key)
        if isinstance(markup, str) and markup.strip():
            return html_to_text(markup)
    return ""


# ---------------------------------------------------------------- reading

_FIELDS = {
    "docket": ("case_name", "case_name_full", "docket_number", "court_id", "date_filed",
               "date_terminated", "assigned_to_str", "referred_to_str", "panel_str", "cause",
               "nature_of_suit", "jury_demand", "jurisdiction_type", "appeal_from_str"),
    "cluster": ("case_name", "case_name_full", "date_filed", "judges", "precedential_status",
                "attorneys", "nature_of_suit", "disposition"),
    "opinion": ("type", "author_str", "joined_by_str", "per_curiam_str"),
    "recap_document": ("description", "document_number", "attachment_number", "page_count"),
    "docket_entry": ("entry_number", "date_filed", "description"),
}


def read(path: str, data: bytes) -> Document:
    """Read a saved CourtListener API response into a Document (format "courtlistener")."""
    obj = _load(path, data)
    recs = _records(obj)
    if not recs:
        raise BadInput(f"{path}: JSON holds no CourtListener record (docket, cluster, opinion, "
                       "RECAP document, docket entry, party or attorney)")
    out = _Text()
    bodies: list[str] = []
    for kind, rec in recs:
        ident = rec.get("id")
        out.add(f"CourtListener {kind.replace('_', ' ')}" + (f" {ident}" if ident else "") + "\n")
        if kind == "docket":
            court = court_id_of(rec)
            if court and not rec.get("court_id"):
                out.field("court", court)
        for name in _FIELDS.get(kind, ()):
            out.field(name, rec.get(name))
        if kind == "docket" and isinstance(rec.get("original_court_info"), dict):
            oci = rec["original_court_info"]
            out.field("lower_court_id", _url_court(rec.get("appeal_from")))
            out.field("lower_court_docket_number", oci.get("docket_number"))
            out.field("lower_court_assigned_to_str", oci.get("assigned_to_str"))
        if kind in ("docket",) and isinstance(rec.get("parties"), list):
            for party in rec["parties"]:
                if isinstance(party, dict):
                    _render_party(out, party)
        elif kind == "party":
            _render_party(out, rec)
        elif kind == "attorney":
            out.field("attorney", rec.get("name"))
            out.field("contact_raw", rec.get("contact_raw"))
            out.field("email", rec.get("email"))
        if kind in ("opinion", "recap_document"):
            body = _body_of(rec)
            if body.strip():
                bodies.append(body)
        elif kind == "docket_entry" and _clean(rec.get("description")):
            # a docket entry's text ("MINUTE entry before the Honorable ...") is free text
            bodies.append(str(rec["description"]))
        out.add("\n")
    header = out.text()
    body = "\n\n".join(normalise_text(b).strip("\n") for b in bodies)
    text = header + body
    if not text.strip():
        raise BadInput(f"{path}: CourtListener record with no text")
    return Document(path=path, sha256=content_hash(data), text=text, format="courtlistener",
                    structured=obj,
                    metadata={"records": [k for k, _ in recs], "body_start": len(header)})


def _render_party(out: _Text, party: dict) -> None:
    out.field("party", party.get("name"))
    types = party.get("party_types")
    if isinstance(types, list):
        for t in types:
            if isinstance(t, dict):
                out.field("party_type", t.get("name") or t.get("party_type"))
    elif party.get("type"):
        out.field("party_type", party.get("type"))
    atts = party.get("attorneys")
    if isinstance(atts, list):
        for a in atts:
            if isinstance(a, dict) and a.get("name"):
                out.field("attorney", a.get("name"))
                out.field("contact_raw", a.get("contact_raw") or a.get("contact"))
                out.field("email", a.get("email"))


# ---------------------------------------------------------------- mapping

_COURT_URL = re.compile(r"/courts/([a-z0-9]{2,20})/?$")
_COURT_ID = re.compile(r"^[a-z0-9]{2,20}$")


def _url_court(value: Any) -> str | None:
    if isinstance(value, str):
        m = _COURT_URL.search(value.strip())
        return m.group(1) if m else None
    return None


def court_id_of(rec: dict) -> str | None:
    """The courts-db id of a docket record, from ``court_id`` or the ``court`` URL."""
    for key in ("court_id", "court"):
        value = rec.get(key)
        if not isinstance(value, str):
            continue
        value = value.strip()
        m = _COURT_URL.search(value)
        if m:
            return m.group(1)
        if _COURT_ID.match(value):
            return value
    return None


@functools.lru_cache(maxsize=512)
def _court_level(court: str | None) -> str:
    """district | bankruptcy | circuit | state | unknown, from courts-db."""
    if not court:
        return "unknown"
    try:
        from courts_db import find_court_by_id
        found = find_court_by_id(court)
    except Exception:  # courts-db data missing or broken: fall back on the id's shape
        found = []
    if found:
        c = found[0]
        if c.get("system") == "state":
            return "state"
        if c.get("type") == "bankruptcy":
            return "bankruptcy"
        if c.get("type") == "appellate":
            return "unknown" if court == "scotus" else "circuit"
        if c.get("type") == "trial":
            return "district"
    if re.fullmatch(r"ca\d{1,2}|cadc|cafc", court):
        return "circuit"
    return "unknown"


_HONORIFIC = re.compile(
    r"(?i)^(?:(?:the\s+)?hon(?:orable|\.)?\s+|(?:chief\s+|senior\s+|district\s+|circuit\s+)?"
    r"(?:u\.?s\.?\s+)?(?:magistrate\s+|bankruptcy\s+)?judge\s+|justice\s+)+")


def _judge_names(value: Any) -> list[str]:
    """Names from a CourtListener judge string ("Easterbrook, Rovner, and Kanne")."""
    s = _clean(value)
    if not s:
        return []
    # "Paul L. Friedman" stays whole; lists of names split on commas / "and" / ";"
    # (CourtListener writes full names first-name first, so a comma separates judges)
    parts = re.split(r"\s*;\s*|\s*,\s*(?:and\s+)?|\s+and\s+", s)
    names = []
    for p in parts:
        p = _HONORIFIC.sub("", p).strip(" .")
        p = re.sub(r",?\s+(?:J|C\.?\s*J|JJ)\.?$", "", p)
        if p and not re.fullmatch(r"(?i)jr|sr|ii|iii|iv|per curiam|chief judge|circuit judges?"
                                  r"|district judges?|before", p):
            names.append(p)
    return names


def party_role(party_type: str) -> str | None:
    """A schema role from a PACER party type, as the PACER reader maps it (CourtListener's
    party types are PACER's)."""
    return pacer_role(party_type)


_TRIAL_ROLES = ("plaintiff", "defendant", "third-party", "intervenor", "movant")
_APPEAL_ROLES = ("appellant", "appellee", "petitioner", "respondent")


def party_roles(party_type: str) -> list[str]:
    """Every role in a hyphenated designation ("Plaintiff - Appellant"), in order."""
    roles: list[str] = []
    for part in re.split(r"\s+-\s+|\s*/\s*|\s*,\s*", party_type):
        role = party_role(part)
        if role and role not in roles:
            roles.append(role)
    return roles


_EMAIL = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}")
_PRO_SE = re.compile(r"(?im)^\s*pro se\s*$")


def canonical_firm(printed: str, context: str) -> tuple[str, str | None]:
    """The firm's canonical name from the project's reference list, with the evidence."""
    return canonical(printed, context)


def firm_of(contact: str, attorney: str) -> str | None:
    """The organisation on the first line of a PACER contact block, if it names one
    (office suffix dropped), as the PACER reader reads it."""
    return firm_from_contact(contact, attorney)[0]


def _squash(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", s.lower())


@dataclass
class _Mapped:
    cases: list[CaseMention] = field(default_factory=list)
    judges: list[JudgeMention] = field(default_factory=list)
    parties: list[PartyMention] = field(default_factory=list)
    attorneys: list[AttorneyMention] = field(default_factory=list)
    firms: list[FirmMention] = field(default_factory=list)
    filed: str | None = None
    kind: str | None = None


def _find(text: str, value: str, start: int = 0) -> Span | None:
    i = text.find(value, start)
    return (i, i + len(value)) if i >= 0 else None


def _spans_in(text: str, label: str, value: str) -> tuple[Span, ...]:
    """Spans of ``value`` rendered on ``label:`` lines of the header."""
    spans = []
    needle = f"{label}: {value}\n"
    start = 0
    while True:
        i = text.find(needle, start)
        if i < 0:
            break
        a = i + len(label) + 2
        spans.append((a, a + len(value)))
        start = i + 1
    return tuple(spans)


def structured_extraction(document: Document) -> Extraction:
    """The record fields alone, mapped into the model (no text extraction)."""
    # the rendered fields come before the opinion/document text: search only them
    text = document.text[:int(document.metadata.get("body_start", len(document.text)))]
    recs = _records(document.structured)
    m = _Mapped()
    dockets = [r for k, r in recs if k == "docket"]
    clusters = [r for k, r in recs if k == "cluster"]
    opinions = [r for k, r in recs if k == "opinion"]
    kinds = {k for k, _ in recs}

    court = next((c for c in (court_id_of(d) for d in dockets) if c), None)
    level = _court_level(court)
    docket_rec = dockets[0] if dockets else None
    docket = normalise_docket(_clean(docket_rec.get("docket_number", ""))) if docket_rec else None
    case_name = _clean((docket_rec or {}).get("case_name")) or next(
        (_clean(c.get("case_name")) for c in clusters if _clean(c.get("case_name"))), "")

    if docket or case_name or court:
        spans: list[Span] = []
        if docket_rec:
            raw = _clean(docket_rec.get("docket_number"))
            spans += _spans_in(text, "docket_number", raw)[:1] if raw else []
        if case_name:
            spans += _spans_in(text, "case_name", case_name)[:1]
        m.cases.append(CaseMention(
            docket=docket, court=court, caption=case_name or None,
            schedule_a=is_schedule_a_caption(case_name),
            spans=tuple(spans), filed=_clean((docket_rec or {}).get("date_filed")) or None,
            attrs=tuple((k, _clean(docket_rec.get(k))) for k in ("cause", "nature_of_suit")
                        if docket_rec and _clean(docket_rec.get(k)))))

    lower = None
    oci = (docket_rec or {}).get("original_court_info")
    if isinstance(oci, dict) and _clean(oci.get("docket_number")):
        raw = _clean(oci.get("docket_number"))
        lower = normalise_docket(raw)
        lower_court = _url_court(docket_rec.get("appeal_from"))
        m.cases.append(CaseMention(docket=lower, court=lower_court,
                                   spans=_spans_in(text, "lower_court_docket_number", raw)[:1]))

    def add_judge(name: str, role: str, label: str, case: str | None = docket) -> None:
        key = _squash(name)
        for j in m.judges:
            if _squash(j.name) == key:
                return
        m.judges.append(JudgeMention(name, role, case, _spans_in(text, label, name)
                                     or _name_spans(text, label, name)))

    if docket_rec:
        for name in _judge_names(docket_rec.get("assigned_to_str")):
            raw = _clean(docket_rec.get("assigned_to_str"))
            role = "magistrate" if re.search(r"(?i)magistrate", raw) else level
            add_judge(name, role, "assigned_to_str")
        for name in _judge_names(docket_rec.get("referred_to_str")):
            add_judge(name, "magistrate" if level == "district" else level, "referred_to_str")
        for name in _judge_names(docket_rec.get("panel_str")):
            add_judge(name, level, "panel_str")
        if lower and isinstance(oci, dict):
            lower_level = _court_level(_url_court(docket_rec.get("appeal_from")))
            for name in _judge_names(oci.get("assigned_to_str")):
                add_judge(name, lower_level if lower_level != "unknown" else "district",
                          "lower_court_assigned_to_str", lower)
    for c in clusters:
        for name in _judge_names(c.get("judges")):
            add_judge(name, level, "judges")
    for o in opinions:
        for name in _judge_names(o.get("author_str")):
            add_judge(name, level, "author_str")
        for name in _judge_names(o.get("joined_by_str")):
            add_judge(name, level, "joined_by_str")

    _map_parties(m, recs, text, docket, docket_rec, lower)

    if docket_rec and _clean(docket_rec.get("date_filed")):
        m.filed = _clean(docket_rec.get("date_filed"))
    if clusters and _clean(clusters[0].get("date_filed")):
        m.filed = _clean(clusters[0].get("date_filed"))  # an opinion's date is its decision's
    if "docket" in kinds and not (kinds & {"cluster", "opinion", "recap_document"}):
        m.kind = "docket"
    elif kinds & {"cluster", "opinion"}:
        m.kind = "opinion"

    return Extraction(doc=document.name, sha256=document.sha256, kind=m.kind or "other",
                      filed=m.filed, cases=tuple(m.cases), judges=tuple(m.judges),
                      firms=tuple(m.firms), attorneys=tuple(m.attorneys),
                      parties=tuple(m.parties), format=document.format)


def _name_spans(text: str, label: str, name: str) -> tuple[Span, ...]:
    """Span of a name inside a rendered ``label:`` line listing several names."""
    i = text.find(f"{label}: ")
    while i >= 0:
        end = text.find("\n", i)
        j = text.find(name, i, end if end >= 0 else len(text))
        if j >= 0:
            return ((j, j + len(name)),)
        i = text.find(f"{label}: ", i + 1)
    return ()


def _url_id(value: Any) -> str | None:
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        m = re.search(r"/(\d+)/?$", value)
        return m.group(1) if m else (value if value.isdigit() else None)
    return None


def _map_parties(m: _Mapped, recs: list[tuple[str, dict]], text: str, docket: str | None,
                 docket_rec: dict | None, lower: str | None = None) -> None:
    docket_id = str(docket_rec.get("id")) if docket_rec and docket_rec.get("id") else None
    parties: list[dict] = [r for k, r in recs if k == "party"]
    if docket_rec and isinstance(docket_rec.get("parties"), list):
        parties += [p for p in docket_rec["parties"] if isinstance(p, dict)]
    attorney_recs = {str(r.get("id")): r for k, r in recs if k == "attorney" and r.get("id")}

    party_by_id: dict[str, str] = {}
    seen_parties: set[str] = set()
    cursor = 0
    reps: dict[str, list[str]] = {}   # attorney key -> party names
    att_info: dict[str, dict] = {}
    for p in parties:
        name = _clean(p.get("name"))
        if not name:
            continue
        span = _find(text, f"party: {name}\n", cursor)
        if span:
            cursor = span[1]
            span = (span[0] + 7, span[0] + 7 + len(name))
        roles: list[str] = []
        types = p.get("party_types")
        type_names = []
        if isinstance(types, list):
            for t in types:
                if not isinstance(t, dict):
                    continue
                if docket_id and t.get("docket_id") is not None and str(t.get("docket_id")) != docket_id:
                    continue
                type_names.append(_clean(t.get("name") or t.get("party_type")))
        elif p.get("type"):
            type_names.append(_clean(p.get("type")))
        for t in type_names:
            roles = party_roles(t)
            if roles:
                break
        if p.get("id") is not None:
            party_by_id[str(p["id"])] = name
        appeal = any(r in _APPEAL_ROLES for r in roles)
        if roles and _squash(name) not in seen_parties:
            seen_parties.add(_squash(name))
            for role in roles:
                # "Plaintiff - Appellant": the trial role belongs to the case below
                case = lower if (appeal and role in _TRIAL_ROLES) else docket
                m.parties.append(PartyMention(name, role, case, (span,) if span else ()))
        for a in p.get("attorneys") or ():
            if not isinstance(a, dict):
                continue
            if docket_id and a.get("docket_id") is not None and str(a.get("docket_id")) != docket_id:
                continue
            if a.get("name"):
                key = "n:" + _squash(_clean(a["name"]))
                att_info.setdefault(key, {"name": _clean(a["name"]),
                                          "contact": _clean(a.get("contact_raw") or a.get("contact")),
                                          "email": _clean(a.get("email"))})
            else:
                aid = _url_id(a.get("attorney_id") or a.get("attorney"))
                if not aid or aid not in attorney_recs:
                    continue
                key = "i:" + aid
            reps.setdefault(key, [])
            if name not in reps[key]:
                reps[key].append(name)

    for aid, a in attorney_recs.items():
        key = "i:" + aid
        reps.setdefault(key, [])
        for link in a.get("parties_represented") or ():
            if not isinstance(link, dict):
                continue
            if docket_id and _url_id(link.get("docket")) not in (None, docket_id):
                continue
            pname = party_by_id.get(_url_id(link.get("party")) or "")
            if pname and pname not in reps[key]:
                reps[key].append(pname)
    for aid, a in attorney_recs.items():
        att_info["i:" + aid] = {"name": _clean(a.get("name")), "contact": _clean(a.get("contact_raw")),
                                "email": _clean(a.get("email"))}

    firms: dict[str, FirmMention] = {}
    canon: dict[str, tuple[str, str | None]] = {}
    for key, info in att_info.items():
        name = person_name_record(info["name"])
        if not name:
            continue
        contact = info["contact"]
        if _PRO_SE.search(contact):
            continue  # a party appearing for itself is not an attorney
        email = info["email"] or (_EMAIL.search(contact).group() if _EMAIL.search(contact) else None)
        printed = firm_of(contact, info["name"]) if contact else None
        if printed and printed not in canon:
            canon[printed] = canonical_firm(printed, contact)
        firm, evidence = canon[printed] if printed else (None, None)
        represents = tuple(reps.get(key, ()))
        aspan = _spans_in(text, "attorney", info["name"])[:1]
        m.attorneys.append(AttorneyMention(name, firm, email or None, represents, docket, aspan))
        if firm:
            fspan = _find(text, printed, aspan[0][1] if aspan else 0)
            f = firms.get(_squash(firm))
            if f is None:
                firms[_squash(firm)] = FirmMention(firm, represents, docket,
                                                   (fspan,) if fspan else (), evidence)
            else:
                firms[_squash(firm)] = replace(
                    f, represents=tuple(dict.fromkeys(f.represents + represents)),
                    spans=tuple(dict.fromkeys(f.spans + ((fspan,) if fspan else ()))))
    m.firms.extend(firms.values())


# ---------------------------------------------------------------- extraction

def extract(document: Document) -> Extraction:
    """Structured fields mapped into the model, merged with the text pipeline's findings
    on the opinion/document text (structured fields win)."""
    base = structured_extraction(document)
    start = int(document.metadata.get("body_start", len(document.text)))
    body = document.text[start:]
    if not body.strip():
        return base
    sub = Document(path=document.path, sha256=document.sha256, text=body, format="text")
    found = _shift(text_reader.extract(sub), start)
    return merge(base, found)


def _shift(ex: Extraction, by: int) -> Extraction:
    def sh(items):
        return tuple(replace(i, spans=tuple((a + by, b + by) for a, b in i.spans)) for i in items)
    return ex.replace(cases=sh(ex.cases), judges=sh(ex.judges), firms=sh(ex.firms),
                      attorneys=sh(ex.attorneys), parties=sh(ex.parties),
                      platforms=sh(ex.platforms), citations=sh(ex.citations))


def _surname(name: str) -> str:
    words = re.findall(r"[A-Za-z'-]+", name)
    words = [w for w in words if w.lower().strip(".") not in ("jr", "sr", "ii", "iii", "iv")]
    return words[-1].lower() if words else ""


def _relink_parties(parties, case):
    """Parties with no case take the document's, except the trial role of a party with an
    appellate role too ("Plaintiff - Appellant"), which belongs to the case below."""
    appealing = {_squash(p.name) for p in parties if p.role in _APPEAL_ROLES}
    out = []
    for p in parties:
        below = p.role in _TRIAL_ROLES and _squash(p.name) in appealing
        out.append(replace(p, case=case) if p.case is None and case and not below else p)
    return out


def _same_judge(a: JudgeMention, b: JudgeMention) -> bool:
    """The same name, or the same surname in a compatible role ("Brennan" the circuit
    judge is not "Harold T. Brennan" the district judge below)."""
    if _squash(a.name) == _squash(b.name):
        return True
    if not _surname(a.name) or _surname(a.name) != _surname(b.name):
        return False
    return a.role == b.role or "unknown" in (a.role, b.role)


def _with_text_spans(item, same):
    """``item`` with the spans of the text's mentions of the same name added as evidence."""
    if not same:
        return item
    spans = tuple(dict.fromkeys(item.spans + tuple(s for f in same for s in f.spans)))
    return replace(item, spans=spans)


def merge(structured: Extraction, found: Extraction) -> Extraction:
    """One extraction from the record fields and the text's findings; fields win."""
    s_cases = list(structured.cases)
    primary = s_cases[0] if s_cases else None
    cases = list(s_cases)
    text_primary = found.cases[0] if found.cases else None
    if primary is not None and primary.docket is None and text_primary is not None:
        # an opinion record without its docket: the text gives the number
        cases[0] = replace(primary, docket=text_primary.docket,
                           court=primary.court or text_primary.court,
                           spans=primary.spans + text_primary.spans)
        primary = cases[0]
    keys = {docket_key(c.docket) for c in cases}
    for c in found.cases:
        if docket_key(c.docket) not in keys:
            cases.append(c)
            keys.add(docket_key(c.docket))
    case = primary.docket if primary else (text_primary.docket if text_primary else None)

    def relink(items):
        return [replace(i, case=case) if i.case is None and case else i for i in items]

    judges = [_with_text_spans(j, [f for f in found.judges if _same_judge(j, f)])
              for j in relink(structured.judges)]
    if primary is not None and not any(c.court for c in structured.cases) and primary.court:
        # the record gave no court, the text did: judges' roles follow that court
        level = _court_level(primary.court)
        judges = [replace(j, role=level) if j.role == "unknown" else j for j in judges]
    for j in found.judges:
        if not any(_same_judge(s, j) for s in judges):
            judges.append(j)

    def extend(base, extra):
        by_name: dict[str, list] = {}
        for x in extra:
            by_name.setdefault(_squash(x.name), []).append(x)
        base = [_with_text_spans(b, by_name.get(_squash(b.name), ())) for b in base]
        have = {_squash(x.name) for x in base}
        return base + [x for x in extra if _squash(x.name) not in have]

    return Extraction(
        doc=structured.doc, sha256=structured.sha256,
        kind=structured.kind if structured.kind != "other" else found.kind,
        filed=structured.filed or found.filed,
        cases=tuple(cases), judges=tuple(judges),
        firms=tuple(extend(relink(structured.firms), found.firms)),
        attorneys=tuple(extend(relink(structured.attorneys), found.attorneys)),
        parties=tuple(extend(_relink_parties(structured.parties, case), found.parties)),
        platforms=tuple(found.platforms), citations=tuple(found.citations),
        format=structured.format,
    )
