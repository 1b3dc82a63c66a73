"""Normalised keys and the IRIs minted from them: identity is semantic, never positional.

The one place that decides "same docket" (``docket_from_parts``, ``normalise_docket``,
``docket_key``), the store's firm identity (``firm_store_key``), the IRIs, and whether a
case is a Schedule A case (rule ``SCHEDULE_A_RULE``, "sa-1": ``is_schedule_a``, and
``is_schedule_a_caption`` for a case name alone). People's and firms' names are matched
in ``graph.names``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from docketgraph.graph.vocab import GRAPH, ID

_MAX_SLUG = 80


def ascii_fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def slug(s: str) -> str:
    """Lower-case ASCII words joined by '-', '&' read as 'and'; long keys get a hash tail."""
    raw = s or ""
    s = ascii_fold(raw).lower().replace("&", " and ")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if not s:
        s = "x-" + hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    if len(s) > _MAX_SLUG:
        s = s[:_MAX_SLUG].rstrip("-") + "-" + hashlib.sha1(s.encode()).hexdigest()[:10]
    return s


# Case-type words as dockets print them, in the SCHEMA.md form.
DOCKET_TYPES = {
    "c": "cv",
    "civ": "cv",
    "cv": "cv",
    "civil": "cv",
    "cr": "cr",
    "crim": "cr",
    "mc": "mc",
    "misc": "mc",
    "mj": "mj",
    "md": "md",
    "bk": "bk",
    "ap": "ap",
    "ml": "ml",
    "dp": "dp",
    "po": "po",
    "sw": "sw",
    "gjc": "gjc",
}


def docket_from_parts(year: str, typ: str, num: str, office: str | None = None) -> str:
    """A district or bankruptcy docket in the SCHEMA.md form ``O:YY-tt-NNNNN`` from its
    printed parts: ``("2022", "Civ", "333", "1")`` -> ``"1:22-cv-00333"``,
    ``("20", "C", "3490")`` -> ``"20-cv-03490"``."""
    t = DOCKET_TYPES.get(typ.lower().rstrip("."), typ.lower())
    yy = year[-2:]
    core = f"{yy}-{t}-{int(num):05d}"
    return f"{office}:{core}" if office else core


# A whole docket number as a structured record gives it ("1:23-cv-01820-ABC", "No. 23 C
# 1820", "24 Civ. 3310", "1:2022cv00850"); judge initials after the number are dropped. The
# CM/ECF form (two-digit year, dashes) takes any case-type letters; other forms only the
# case types above, so "2016 WL 305096" or "2020-Ohio-1047" stay as printed.
_TYPE_WORDS = "|".join(sorted(DOCKET_TYPES, key=len, reverse=True))
_PRINTED_DISTRICT = re.compile(
    r"(?ai)^(?:no\.?\s{0,3})?(?:(\d{1,2}):)?"
    r"(?:(\d{2})-([a-z]{1,4})-|((?:19|20)?\d{2})[-\s]?(" + _TYPE_WORDS + r")\.?[-\s]?)"
    r"(\d{1,6})(?!\d)"
)
_NO_LABEL = re.compile(r"(?i)^no\.?\s*")


def normalise_docket(raw: str | None) -> str | None:
    """A docket number given whole (a PACER docket page's number, a CourtListener
    record's ``docket_number``) in the SCHEMA.md form: district numbers as
    ``O:YY-tt-NNNNN`` (``"1:23-cv-1820-ABC"`` -> ``"1:23-cv-01820"``, ``"No. 23 C 1820"``
    -> ``"23-cv-01820"``), appellate and state numbers as printed without a "No." label
    (``"No. 21-1234"`` -> ``"21-1234"``). None for an empty value. Numbers found in
    running text go through ``ingest.fields.dockets.find_dockets``, which builds them
    with ``docket_from_parts`` too."""
    s = (raw or "").strip()
    if not s:
        return None
    m = _PRINTED_DISTRICT.match(s)
    if m:
        office, yy, typ, yy2, typ2, num = m.groups()
        return docket_from_parts(yy or yy2, typ or typ2, num, office)
    return _NO_LABEL.sub("", s) or None


_DOCKET = re.compile(r"^(?:\d+:)?(\d{2})-?([a-z]{1,4})-?0*(\d{1,7})")


def docket_key(docket: str | None) -> str:
    """The identity of a docket, within a document and across the store (office digit
    dropped): ``'1:23-cv-01820'`` and ``'23-cv-1820'`` -> ``'23-cv-01820'``; appellate and
    other numbers lower-cased, spaces out, other punctuation as "-"
    (``'123456/2021'`` -> ``'123456-2021'``); nothing -> ``'unknown'``."""
    s = re.sub(r"\s+", "", (docket or "").lower())
    m = _DOCKET.match(s)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{int(m.group(3)):05d}"
    return re.sub(r"[^a-z0-9:-]+", "-", s).strip("-") or "unknown"


_FIRM_NOISE = re.compile(r"[^a-z0-9 ]+")


def firm_store_key(name: str) -> str:
    """A firm's identity in the store (its IRI and ``dg:key``, the saved queries' ``firm``
    parameter): case, punctuation and '&'/'and' differences ignored, as a slug:
    ``"Roe & Poe, L.L.P."`` -> ``"roe-and-poe-l-l-p"``. Names are matched before they get
    here (``graph.names.firm_key`` / ``firm_core_key`` and the resolver)."""
    s = ascii_fold(name).lower().replace("&", " and ")
    s = _FIRM_NOISE.sub(" ", s)
    return slug(s)


def court_iri(court_id: str) -> str:
    return f"{ID}court/{slug(court_id)}"


def case_iri(court_id: str | None, docket: str) -> str:
    return f"{ID}case/{slug(court_id) if court_id else '_'}/{docket_key(docket)}"


def judge_iri(name: str, role: str) -> str:
    # district and magistrate judges of the same name are kept apart
    tail = "--magistrate" if role == "magistrate" else ""
    return f"{ID}judge/{slug(name)}{tail}"


def firm_iri(name: str) -> str:
    return f"{ID}firm/{firm_store_key(name)}"


def attorney_iri(name: str, firm: str | None) -> str:
    return f"{ID}attorney/{slug(name)}" + (f"--{firm_store_key(firm)}" if firm else "")


def party_iri(name: str, scope: str | None = None) -> str:
    """Parties by name; group defendants ("Schedule A", Does) are scoped to their case."""
    return f"{ID}party/" + (f"{slug(scope)}/" if scope else "") + slug(name)


def platform_iri(name: str) -> str:
    return f"{ID}platform/{slug(name)}"


def precedent_iri(cite: str) -> str:
    return f"{ID}precedent/{slug(cite)}"


def document_iri(sha256: str) -> str:
    return f"{ID}doc/{sha256}"


def graph_iri(sha256: str) -> str:
    return f"{GRAPH}{sha256}"


def node_iri(kind: str, *parts: str) -> str:
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return f"{ID}{kind}/{h}"


# A group party (for IRIs: such parties are scoped to their case, never merged across
# cases). Broader than the Schedule A rule's group clause on purpose: any Doe, any
# "identified on ..." description is a group.
_GROUP = re.compile(
    r"schedule\s*[\"'“”]?a\b|\bdoes?\s*\d|\bdoes\b|unincorporated\s+ass|\bindividuals,?\s+(?:corporations|partnerships)"
    r"|identified\s+on|\bjohn\s+does?\b",
    re.I,
)


def is_group_party(name: str) -> bool:
    """A defendant group named by description, not a person or company."""
    return bool(_GROUP.search(name or ""))


# ---------------------------------------------------------------- Schedule A rule "sa-1"

#: the version of the Schedule A rule, quoted by the RDF (``dg:scheduleARule``)
SCHEDULE_A_RULE = "sa-1"
#: the rule as the summaries and the saved query ``schedule-a-cases`` state it in every row
SCHEDULE_A_RULE_TEXT = (
    SCHEDULE_A_RULE + ": caption names a defendant group identified on a schedule, or Does, "
    "or partnerships and unincorporated associations; one count per case; year of earliest "
    "stored filing"
)

#: a defendant group identified on a schedule, exhibit or annex
GROUP_DEFENDANT = re.compile(
    r"(?i)(?:the\s{1,3})?(?:individuals|partnerships|corporations|entities|unincorporated|limited\s{1,3}liability)"
    r"[^;]{0,220}?(?:identified|listed|named|set\s{1,3}forth)\s{1,3}(?:on|in)\s{1,3}(?:the\s{1,3})?(?:attached\s{1,3})?"
    r"(?:schedule|exhibit|annex|appendix)\s{0,3}[\"'\u201c\u201d]?\s?[A-Z0-9]{1,2}\b[\"'\u201c\u201d]?,?"
    r"(?:\s{1,3}hereto)?(?:,\s{0,3}the\b)?"
)
#: a Doe or Roe range ("Does 1-100", "John Does 1 through 10", "Jane Does 1 thru 5", "Roes 1 - 20")
DOE_RANGE = re.compile(
    r"(?i)\b(?:john\s{1,3}|jane\s{1,3})?(?:does?|roes?)\s{1,3}\d{1,4}\s{0,3}(?:-|through|to|thru)\s{0,3}\d{1,5}\b"
)
#: a store name or seller ID rather than a company or person
STORE_LIKE = re.compile(
    r"(?i)\b(?:store|shop|official|mall|boutique|outlet|flagship|direct)\b|\d|^[a-z0-9_*-]+$|_"
)
#: a company form
ORG_LIKE = re.compile(
    r"(?i)\b(?:inc|llc|ltd|limited|corp|corporation|company|co|l\.l\.c|llp|plc|gmbh|pte|holdings|group|association|bank)\b\.?"
)
# a Roe range names fictitious defendants of an ordinary case, not a Schedule A group
_ROES = re.compile(r"(?i)\broes?\b")
# a group of defendants named by its legal forms, however the schedule is named (a case
# name cut short: "... v. The Partnerships and Unincorporated Associations Identi")
_ASSOCIATIONS = re.compile(r"(?i)unincorporated\s{1,3}associations")
# words for a Schedule A case in the document (or the case name)
_SCHEDULE_WORDS = re.compile(
    r"(?i)schedule\s{0,3}[\"'\u201c\u201d]?a\b|seller\s{1,3}aliases|online\s{1,3}(?:stores|sellers|merchants)"
    r"|internet\s{1,3}stores|merchant\s{1,3}storefronts"
)


def is_schedule_a(defendants: list[str], text: str = "", et_al: bool = False) -> bool:
    """Rule sa-1: whether a case is a Schedule A case, from its defendants as the caption
    names them and the text of a filing (or its case name).

    The case is a Schedule A case when
    (a) a defendant is a group identified on a schedule, exhibit or annex ("The
    Partnerships and Unincorporated Associations Identified on Schedule A"), a Doe range
    ("Does 1-100", "Jane Does 1 thru 5"; a Roe range is not one), or "partnerships and
    unincorporated associations"; or
    (b) the defendants are many online sellers: five or more defendants named one by one
    of which three are store names or seller IDs ("SUNNYSHOP", "bluemart88",
    "TopDeal Official Store"), or a first defendant "et al." whose name is such an alias;
    or (c) the text speaks of the defendants' "Schedule A", their seller aliases or
    their online stores.
    """
    if any(
        GROUP_DEFENDANT.fullmatch(d.replace('"', "\u201c"))
        or GROUP_DEFENDANT.search(d)
        or (DOE_RANGE.search(d) and not _ROES.search(d))
        or _ASSOCIATIONS.search(d)
        for d in defendants
    ):
        return True
    storelike = [
        d
        for d in defendants
        if STORE_LIKE.search(d) and not ORG_LIKE.search(d) or (len(d.split()) == 1 and not ORG_LIKE.search(d))
    ]
    if len(defendants) >= 5 and len(storelike) >= 3:
        return True
    if et_al and defendants and (defendants[0] in storelike):
        return True
    return _has_schedule_words(text)


_SCHEDULE_STARTS = ("schedule", "seller", "online", "internet", "merchant")
_SCHEDULE_START = re.compile("|".join(_SCHEDULE_STARTS))
# Characters IGNORECASE matches to an ASCII letter (i, i, s, k) that lower() does not turn
# into it: a text holding one is searched whole.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def _has_schedule_words(text: str) -> bool:
    """Whether ``_SCHEDULE_WORDS.search(text)`` finds a match: tried at each occurrence of
    its words in the lower-cased text, not searched case-blind over the whole text.

    Every match opens with one of the words, its letters matched case-blind: ASCII
    letters, or one of the four characters IGNORECASE folds to one (a text holding one is
    searched whole). Without those, lower-casing turns no other character into an ASCII
    letter, and when it keeps the text's length (it lengthens only "İ") it keeps its
    offsets: each match starts at an occurrence of a word in the lower case. No word's
    end is another's start, so the scan of the words finds every occurrence."""
    if not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII):
        return bool(_SCHEDULE_WORDS.search(text))
    low = text.lower()
    if len(low) != len(text):
        return bool(_SCHEDULE_WORDS.search(text))
    match = _SCHEDULE_WORDS.match
    return any(match(text, m.start()) for m in _SCHEDULE_START.finditer(low))


_VERSUS = re.compile(r"(?i)\s(?:v\.?|vs\.?|versus)\s")


def is_schedule_a_caption(caption: str | None) -> bool:
    """Rule sa-1 read from a case name alone (a docket page's or a CourtListener record's):
    its defendant side is the one defendant, the case name is the text, and "et al." is
    not read (a case name shortens defendants to a surname: "Roe v. Poe et al").
    ``"Acme Ltd. v. The Partnerships and Unincorporated Associations Identified on
    Schedule \"A\""`` and ``"Acme Ltd. v. Does 1-50"`` are Schedule A cases;
    ``"Acme Ltd. v. Bluemart Inc. et al"`` is not."""
    if not caption:
        return False
    parts = _VERSUS.split(caption, maxsplit=1)
    return is_schedule_a([parts[-1]], caption)
