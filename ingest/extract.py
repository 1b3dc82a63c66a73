"""Turn a Document into an Extraction: the pure, store-free heart of docketgraph.

``extract(document)`` dispatches on the document's format: structured formats (PACER
docket pages, CourtListener JSON) map their fields directly and send any free text
through the text extractors; text and PDF filings go through ``extract_text``.
Each step lives in its own module and returns mentions with exact character spans.
"""
from __future__ import annotations

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


def extract_text(document: Document) -> Extraction:
    """Extraction of a free-text filing (text, Markdown, PDF text layer, web excerpt)."""
    from docketgraph.ingest import (
        captions, citations, counsel, courts, dockets, judges, meta, platforms,
    )

    text = document.text
    hits = dockets.find_dockets(text)
    court = courts.find_court(text)
    cap = captions.find_caption(text)
    primary = hits[0].docket if hits else None

    cases = []
    seen = set()
    for h in hits:
        if h.docket in seen:
            continue
        seen.add(h.docket)
        cases.append(CaseMention(
            docket=h.docket,
            court=court.id if (court and h.docket == primary) else None,
            caption=cap.caption if h.docket == primary else None,
            schedule_a=cap.schedule_a if h.docket == primary else False,
            spans=(h.span,),
        ))

    parties = tuple(PartyMention(p.name, p.role, primary, p.spans) for p in cap.parties)
    found_judges = tuple(
        JudgeMention(j.name, j.role, primary, j.spans) for j in judges.find_judges(text)
    )
    attorneys, firms = counsel.find_counsel(text, parties=parties, case=primary)

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
