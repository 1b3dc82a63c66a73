"""Turn a Document into an Extraction: the pure, store-free heart of docketgraph.

``extract(document)`` dispatches on the document's format: structured formats (PACER
docket pages, CourtListener JSON) map their fields directly and send any free text
through the text extractors; text and PDF filings go through ``extract_text``.
Each step lives in its own module and returns mentions with exact character spans.
"""
from __future__ import annotations

import re

from docketgraph.graph.model import (
    CaseMention, Document, Extraction, JudgeMention, PartyMention,
)


def extract(document: Document) -> Extraction:
    """One document's extraction (entities and relations with spans)."""
    if document.format == "pacer":
        from docketgraph.ingest import pacer
        return pacer.extract(document)
    if document.format == "courtlistener":
        from docketgraph.ingest import courtlistener
        return courtlistener.extract(document)
    return extract_text(document)


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


def extract_text(document: Document) -> Extraction:
    """Extraction of a free-text filing (text, Markdown, PDF text layer, web excerpt).

    Case links follow the corpus conventions: in an appellate opinion or judgment, parties
    in their trial role (and the district judge) belong to the district case, parties in
    their appellate role, the panel and counsel to the appellate case; when the text shows
    no docket number every link is null.
    """
    from docketgraph.ingest import (
        captions, citations, counsel, courts, dockets, judges, meta, platforms,
    )

    text = document.text
    hits = dockets.find_dockets(text)
    own = dockets.own_dockets(hits)
    court = courts.find_court(text)
    lower_court = courts.find_lower_court(text)
    cap = captions.find_caption(text)

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
        if appeal is not None and h.level == "district":
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

    def judge_case(j: JudgeMention) -> str | None:
        if appeal is None:
            return primary
        if j.role == "circuit":
            return appeal_case
        if j.role in ("district", "magistrate", "bankruptcy") and j.spans and not any(
                a <= s < b for s, _ in j.spans for a, b in panel):
            return trial_case
        return appeal_case

    found_judges = tuple(
        JudgeMention(j.name, j.role, judge_case(j), j.spans) for j in judges.find_judges(text)
    )
    counsel_case = appeal_case if appeal is not None else primary
    attorneys, firms = counsel.find_counsel(text, parties=parties, case=counsel_case)

    return Extraction(
        doc=document.name,
        sha256=document.sha256,
        kind=meta.find_kind(text),
        filed=meta.find_filed(text),
        cases=tuple(cases),
        judges=found_judges,
        firms=tuple(firms),
        attorneys=tuple(attorneys),
        parties=parties,
        platforms=tuple(platforms.find_platforms(text)),
        citations=tuple(citations.find_citations(text)),
        format=document.format,
    )


# A short filing with the parts every extractor reads (caption, docket number, judges,
# counsel block, platforms, case citations in the federal reporters filings cite most,
# with court parentheticals, a short form and "Id."), used by ``warm_up``: eyecite
# compiles a reporter's regexes the first time a text holds that reporter.
_WARM_UP_TEXT = """IN THE UNITED STATES DISTRICT COURT
FOR THE NORTHERN DISTRICT OF ILLINOIS
EASTERN DIVISION

EXAMPLE BRAND HOLDINGS LLC,
Plaintiff,
v.
THE PARTNERSHIPS AND UNINCORPORATED ASSOCIATIONS IDENTIFIED ON SCHEDULE "A",
Defendants.

Case No. 1:24-cv-01234
Judge Jane A. Doe
Magistrate Judge John B. Roe

MEMORANDUM IN SUPPORT OF MOTION FOR TEMPORARY RESTRAINING ORDER

Defendants sell counterfeit products on Amazon, eBay and Temu and accept payment
through PayPal. See Smith v. Jones, 123 F.3d 456, 460 (7th Cir. 2000); Roe v. Wade,
410 U.S. 113, 93 S. Ct. 705 (1973); Acme Corp. v. Doe, No. 20-cv-1, 2021 WL 123456,
at *2 (N.D. Ill. Jan. 5, 2021). Id. at 461. See 123 F.3d at 462; 15 U.S.C. § 1116.
Courts grant such relief. Lee v. Park, 12 F.4th 345, 350 (7th Cir. 2021); Doe v. Roe,
500 F. Supp. 3d 100, 105 (N.D. Ill. 2020); Bose Corp. v. Does, 334 F.R.D. 511, 516
(N.D. Ill. 2020); Kim v. Lee, 400 F. Supp. 2d 10 (S.D.N.Y. 2005); Gray v. Blue,
900 F.2d 1 (2d Cir. 1990); Ray v. Fox, 250 F. App'x 12 (3d Cir. 2007); Wade v. Roe,
35 L. Ed. 2d 147 (1973); Fed. R. Civ. P. 65(b).

Dated: January 8, 2024
Respectfully submitted,
/s/ Mary C. Example
Mary C. Example (ARDC No. 1234567)
Example Law Group, LLC
100 West Monroe Street, Suite 1000
Chicago, Illinois 60603
(312) 555-0100
mexample@examplelaw.com
Counsel for Plaintiff Example Brand Holdings LLC
"""


def warm_up() -> None:
    """Import every reader and extractor and fill their lazy tables by extracting a short
    built-in filing (eyecite's tokenizer and reporter regexes, courts-db, the firm and
    platform lists). Ingest calls it in the parent before forking its workers, so they
    share that work instead of each doing it on its first file. Caches filled here hold
    pure functions' answers only: no extraction result depends on it."""
    from docketgraph.graph.model import Document
    from docketgraph.ingest import courtlistener, pacer, pdf, registry  # noqa: F401 - imports
    try:
        import juriscraper.pacer  # noqa: F401 - the PACER reader's parser
    except ImportError:
        pass
    text = _WARM_UP_TEXT
    extract(Document(path="warm-up.txt", sha256="0" * 64, text=text, format="text"))
