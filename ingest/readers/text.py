"""Reader for plain-text and Markdown filings and for web pages (HTML opinions, court and
case-law sites: their visible text, ``markup.visible_text``), and the text pipeline every
free-text filing goes through (``extract``): the PDF reader sends its text layer here, and
the structured readers send the free text they carry (an opinion's body)."""
from __future__ import annotations

import re

from docketgraph.graph.errors import BadInput
from docketgraph.graph.model import (
    CaseMention, Document, Extraction, JudgeMention, PartyMention, content_hash,
)
from docketgraph.ingest.fields import (
    captions, citations, counsel, courts, dockets, judges, kind_date, own_court, platforms,
)
from docketgraph.ingest.readers import markup
from docketgraph.ingest.readers.decode import clean_text, decode, looks_binary, normalise_text

SUFFIXES = {".txt", ".text", ".md", ".markdown", ".eml", "", ".html", ".htm", ".xhtml"}


def sniff(head: bytes, suffix: str) -> int:
    if looks_binary(head):
        return 0
    return 10 if suffix in SUFFIXES else 2


def read(path: str, data: bytes) -> Document:
    """A text filing, or a web page's visible text (``metadata["markup"] == "html"``),
    without the page furniture that breaks names (``decode.clean_text``: e-mail quoting,
    pleading-paper line numbers, star-page markers)."""
    if looks_binary(data):
        raise BadInput(f"{path}: binary content, not a text filing")
    text, enc = decode(data)
    metadata = {}
    if markup.looks_like_markup(data[:markup.HEAD_BYTES]):
        try:
            text = markup.visible_text(markup.parse(text))
        except ValueError as e:
            raise BadInput(f"{path}: not readable as HTML: {str(e)[:160]}") from None
        metadata["markup"] = "html"
    text = clean_text(normalise_text(text))
    if not text.strip():
        raise BadInput(f"{path}: no text")
    return Document(path=path, sha256=content_hash(data), text=text, format="text", encoding=enc,
                    metadata=metadata)


_TRIAL_ROLES = {"plaintiff", "defendant", "third-party", "intervenor", "movant", "petitioner",
                "respondent"}
_APPEAL_ROLES = {"appellant", "appellee"}
_PANEL = re.compile(r"(?i)\bbefore\s{0,3}:?\s|per\s{1,3}curiam\s{0,3}\(")
_PANEL_END = re.compile(r"(?i)judges?\s{0,3}[.)]|\.\s{0,3}\n")
_DESIGNATION = re.compile(r"(?i)sitting\s{1,3}by\s{1,3}designation")


def _lower_from_citation(text: str, hits, parties) -> object | None:
    """An appellate opinion citing its own lower-court decision ("Gildernew v. Quarantillo,
    No. 05 Civ. 10851(RMB), 2008 WL 4938289"): the cited district number whose case name
    carries the first party's surname is the district case."""
    names = [p.name for p in parties]
    surnames = {re.sub(r"[^a-z]", "", n.split()[-1].lower()) for n in names if n.split()}
    firsts = {re.sub(r"[^a-z]", "", n.split()[0].lower()) for n in names if n.split()}
    for h in hits:
        if h.role != "cited" or h.level != "district":
            continue
        back = text[max(0, h.span[0] - 160):h.span[0]]
        m = re.search(r"([A-Z][\w.'&-]*(?:\s[A-Z][\w.'&-]*){0,3})\s{1,3}v\.\s{1,3}[^;()]{1,100}$", back)
        if not m:
            continue
        word = re.sub(r"[^a-z]", "", m.group(1).split()[-1].lower())
        if word and (word in surnames or word in firsts):
            return h
    return None


def _panel_spans(text: str) -> list[tuple[int, int]]:
    """Where an appellate court's panel is named: "Before: X, Y and Z, Circuit Judges." (to the
    end of that sentence) and the sentence of a judge "sitting by designation"."""
    out = []
    for m in _PANEL.finditer(text, 0, min(len(text), 8000)):
        e = _PANEL_END.search(text, m.end(), m.end() + 400)
        out.append((m.start(), e.end() if e else m.end() + 200))
    for m in _DESIGNATION.finditer(text, 0, min(len(text), 8000)):
        s = max(text.rfind(".", 0, m.start() - 1), text.rfind("*", 0, m.start()), m.start() - 250)
        out.append((s, m.end()))
    return out


def extract(document: Document) -> Extraction:
    """Extraction of a free-text filing (text, Markdown, PDF text layer, web excerpt).

    Case links follow the corpus conventions: in an appellate opinion or judgment, parties
    in their trial role (and the district judge) belong to the district case, parties in
    their appellate role, the panel and counsel to the appellate case; when the text shows
    no docket number every link is null.
    """
    text = document.text
    hits = dockets.find_dockets(text)
    own = dockets.own_dockets(hits)
    court = own_court.find_court(text)
    lower_court = own_court.find_lower_court(text)
    cap = captions.find_caption(text)

    if any(h.level == "state" for h in own):
        # a state court's case; when the decision gives the number of the court below, the
        # own number is the appeal's and the lower one the trial (or intermediate) case
        trial = next((h for h in own if h.role == "lower"), None)
        appeal = next((h for h in own if h.role == "own"), None) if trial else None
    else:
        appeal = next((h for h in own if h.level == "appellate"), None)
        trial = next((h for h in own if h.level == "district"), None)
    if appeal is not None and trial is None:
        trial = _lower_from_citation(text, hits, cap.parties)
        if trial is not None:
            own = own + [trial]
    primary = own[0].docket if own else None
    appeal_case = appeal.docket if appeal else None
    trial_case = trial.docket if trial else None

    cases = []
    for h in own:
        if h.role == "member":
            # a member case of an MDL: its transferor court when its row names one
            cid = courts.short_form_id(h.court_hint) if h.court_hint else (court.id if court else None)
        elif h.level == "state":
            cid = (lower_court.id if lower_court else None) if h is trial else (court.id if court else None)
        elif appeal is not None and h.level == "district":
            cid = lower_court.id if lower_court else None
        elif appeal is not None:
            cid = court.id if (court and court.level == "appellate") else None
        else:
            cid = court.id if court else None
        cases.append(CaseMention(
            docket=h.docket, court=cid, caption=cap.caption, schedule_a=cap.schedule_a,
            spans=(h.span,),
        ))
    if not cases and (cap.caption or court):
        # the case is known by caption or court but the excerpt shows no number
        cases.append(CaseMention(docket=None, court=court.id if court else None,
                                 caption=cap.caption, schedule_a=cap.schedule_a,
                                 spans=(court.span,) if court else ()))

    def party_case(role: str) -> str | None:
        if appeal is None:
            return primary
        return appeal_case if role in _APPEAL_ROLES else trial_case

    parties = tuple(PartyMention(p.name, p.role, party_case(p.role), p.spans) for p in cap.parties)

    panel = _panel_spans(text) if appeal is not None else []

    lower_zones = dockets.lower_zones(text)

    def judge_case(j: JudgeMention) -> str | None:
        if appeal is None:
            return primary
        if j.role == "state":
            # the judge of the court below is named where that court is ("Appeal from ...
            # (Roe, J.)", "Trial Court Judge: X")
            below = j.spans and all(any(a <= s < b for a, b in lower_zones) for s, _ in j.spans)
            return trial_case if below else appeal_case
        if j.role == "circuit":
            return appeal_case
        if j.role in ("district", "magistrate", "bankruptcy") and j.spans and not any(
                a <= s < b for s, _ in j.spans for a, b in panel):
            return trial_case
        return appeal_case

    # several numbers of one level that are all the document's own (consolidated cases, a
    # list in the caption): a judge of one of them acts in each, and is listed once per case
    lead = appeal if appeal is not None else (own[0] if own else None)
    co_cases = [h.docket for h in own if lead is not None and h.role == "own" and h.level == lead.level]

    def judge_cases(j: JudgeMention) -> list[str | None]:
        c = judge_case(j)
        return co_cases if (c is not None and len(co_cases) > 1 and c in co_cases) else [c]

    found_judges = tuple(
        JudgeMention(j.name, j.role, c, j.spans) for j in judges.find_judges(text) for c in judge_cases(j)
    )
    counsel_case = appeal_case if appeal is not None else primary
    attorneys, firms = counsel.find_counsel(text, parties=parties, case=counsel_case)

    return Extraction(
        doc=document.name,
        sha256=document.sha256,
        kind=kind_date.find_kind(text),
        filed=kind_date.find_filed(text),
        cases=tuple(cases),
        judges=found_judges,
        firms=tuple(firms),
        attorneys=tuple(attorneys),
        parties=parties,
        platforms=tuple(platforms.find_platforms(text)),
        citations=tuple(citations.find_citations(text)),
        format=document.format,
    )
