"""Values that flow through docketgraph: documents, extracted mentions, extractions.

Every extracted item is a frozen dataclass carrying the character spans of the text it
came from, so each fact in the graph can be traced back to a filing and a place in it.
``Extraction.to_gold()`` writes the shape of ``shared/corpus/SCHEMA.md``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Literal, get_args

Span = tuple[int, int]

#: what a filing is (the gold schema's ``kind``)
DocKind = Literal[
    "memorandum",
    "complaint",
    "order",
    "opinion",
    "letter",
    "docket",
    "motion",
    "declaration",
    "judgment",
    "other",
]
#: the court a judge sits on, as a filing shows it
JudgeRole = Literal["district", "magistrate", "bankruptcy", "circuit", "state", "unknown"]
#: a party's side in a case
PartyRole = Literal[
    "plaintiff",
    "defendant",
    "third-party",
    "intervenor",
    "movant",
    "appellant",
    "appellee",
    "petitioner",
    "respondent",
]
PlatformKind = Literal["marketplace", "payment", "other"]
#: the case attributes a reader may give (``CaseMention.attrs``); the store keeps the
#: first two (``dg:natureOfSuit``, ``dg:cause``)
CaseAttr = Literal["nature_of_suit", "cause", "jurisdiction"]

DOC_KINDS: tuple[DocKind, ...] = get_args(DocKind)
JUDGE_ROLES: tuple[JudgeRole, ...] = get_args(JudgeRole)
PARTY_ROLES: tuple[PartyRole, ...] = get_args(PartyRole)
PLATFORM_KINDS: tuple[PlatformKind, ...] = get_args(PlatformKind)


def content_hash(data: bytes) -> str:
    """The identity of a document: SHA-256 of its bytes."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Document:
    """A file as read by an ingester: its text plus whatever structure the format gave."""

    path: str
    sha256: str
    text: str
    format: str  # reader name: "text", "pacer", "pdf", "courtlistener"
    encoding: str = "utf-8"
    pages: tuple[int, ...] = ()  # character offset where each page starts (PDF)
    structured: Any = None  # format-specific parse result (e.g. a juriscraper docket)
    metadata: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class CaseMention:
    docket: str | None
    court: str | None = None
    caption: str | None = None
    schedule_a: bool = False
    spans: tuple[Span, ...] = ()
    filed: str | None = None
    #: what a structured reader states about the case, as printed (a PACER docket's
    #: "Nature of Suit: 840 Trademark", "Cause: 15:1114 Trademark Infringement")
    attrs: tuple[tuple[CaseAttr, str], ...] = ()


@dataclass(frozen=True)
class JudgeMention:
    name: str
    role: JudgeRole = "unknown"
    case: str | None = None
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class PartyMention:
    name: str
    role: PartyRole
    case: str | None = None
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class FirmMention:
    name: str
    represents: tuple[str, ...] = ()
    case: str | None = None
    spans: tuple[Span, ...] = ()
    evidence: str | None = None  # how the canonical name was reached (e.g. fuzzy match)


@dataclass(frozen=True)
class AttorneyMention:
    name: str
    firm: str | None = None
    email: str | None = None
    represents: tuple[str, ...] = ()
    case: str | None = None
    spans: tuple[Span, ...] = ()
    roles: tuple[str, ...] = ()  # LEAD ATTORNEY, PRO HAC VICE...


@dataclass(frozen=True)
class PlatformMention:
    name: str
    kind: PlatformKind = "other"
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class CitationMention:
    cite: str
    name: str | None = None
    spans: tuple[Span, ...] = ()
    court: str | None = None
    year: int | None = None


def _spans(spans: Iterable[Span]) -> list[list[int]]:
    """Spans as JSON lists; an empty span is no evidence and is left out."""
    return [[int(a), int(b)] for a, b in spans if int(b) > int(a)]


@dataclass(frozen=True)
class Extraction:
    """Everything one document says, in the gold schema's terms."""

    doc: str
    sha256: str = ""
    kind: DocKind = "other"
    filed: str | None = None
    cases: tuple[CaseMention, ...] = ()
    judges: tuple[JudgeMention, ...] = ()
    firms: tuple[FirmMention, ...] = ()
    attorneys: tuple[AttorneyMention, ...] = ()
    parties: tuple[PartyMention, ...] = ()
    platforms: tuple[PlatformMention, ...] = ()
    citations: tuple[CitationMention, ...] = ()
    format: str = "text"
    ocr_pages: tuple[int, ...] = ()  # 1-based PDF pages whose text was read by OCR

    def replace(self, **kw: Any) -> Extraction:
        return replace(self, **kw)

    def to_gold(self, provenance: bool = False) -> dict[str, Any]:
        """The document's extraction as a JSON-ready dict in the gold schema."""

        def prov(d: dict[str, Any], spans: tuple[Span, ...]) -> dict[str, Any]:
            if provenance:
                d["spans"] = _spans(spans)
            return d

        out: dict[str, Any] = {
            "doc": self.doc,
            "kind": self.kind,
            "filed": self.filed,
            "cases": [
                prov(
                    {"docket": c.docket, "court": c.court, "caption": c.caption, "schedule_a": c.schedule_a},
                    c.spans,
                )
                for c in self.cases
            ],
            "judges": [prov({"name": j.name, "role": j.role, "case": j.case}, j.spans) for j in self.judges],
            "firms": [
                prov({"name": f.name, "represents": list(f.represents), "case": f.case}, f.spans)
                for f in self.firms
            ],
            "attorneys": [
                prov(
                    {
                        "name": a.name,
                        "firm": a.firm,
                        "email": a.email,
                        "represents": list(a.represents),
                        "case": a.case,
                    },
                    a.spans,
                )
                for a in self.attorneys
            ],
            "parties": [
                prov({"name": p.name, "role": p.role, "case": p.case}, p.spans) for p in self.parties
            ],
            "platforms": [prov({"name": p.name, "kind": p.kind}, p.spans) for p in self.platforms],
            "citations": [prov({"cite": c.cite, "name": c.name}, c.spans) for c in self.citations],
        }
        if self.ocr_pages:  # not a gold field: says which pages were read by OCR
            out["ocr_pages"] = list(self.ocr_pages)
        return out
