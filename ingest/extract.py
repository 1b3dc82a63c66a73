"""Turn a Document into an Extraction: the pure, store-free heart of docketgraph.

``extract(document)`` hands the document to the reader that read it (the registry maps a
document's format to its reader): structured formats (PACER docket pages, CourtListener
JSON) map their fields directly and send any free text through the text pipeline
(``readers/text.py``); text and PDF filings go through that pipeline. Each field rule lives
in ``fields/`` and returns mentions with exact character spans.
"""
from __future__ import annotations

from docketgraph.graph.model import Document, Extraction
from docketgraph.ingest.fields import compiled
from docketgraph.ingest.readers import registry


def extract(document: Document) -> Extraction:
    """One document's extraction (entities and relations with spans)."""
    return registry.get(document.format).extract(document)


# A short filing with the parts every extractor reads (caption, docket number, judges,
# counsel block, platforms), used by ``warm_up``. It cites no case on purpose: eyecite (a
# second of CPU to import and set up) is loaded by the first filing whose text the
# citation pre-filter finds a candidate in, so a worker that never meets one never loads it.
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
through PayPal. Courts grant such relief.

Dated: January 8, 2024
Respectfully submitted,
/s/ Mary C. Example
Mary C. Example (ARDC No. 1234567)
Example Law Group, LLC
100 Main Street, Suite 1000
Chicago, Illinois 60603
(312) 555-0100
mexample@examplelaw.com
Counsel for Plaintiff Example Brand Holdings LLC
"""


def warm_up() -> None:
    """Import every reader and extractor and fill their lazy tables by extracting a short
    built-in filing (the firm and platform lists, the citation pre-filter's tables, the
    court names of the heading). Ingest calls it in the parent before forking its
    workers, so they share that work instead of each doing it on its first file. Caches
    filled here hold pure functions' answers only: no extraction result depends on it.

    What only some filings need is left to the first of them: eyecite and its reporter
    regexes (a filing in which the citation pre-filter finds a candidate), juriscraper (a
    PACER docket page), courts-db's regex table (a court name not met before: its
    answers are kept on disk, ``compiled.find_court``). The engine programs of the
    regular expressions compiled here, and the tables derived from reference data, are
    kept on disk (``compiled``), so a later process skips most of that work."""
    with compiled.remembered_programs("warm-up"):
        for name in registry.names():
            registry.get(name)
        text = _WARM_UP_TEXT
        extract(Document(path="warm-up.txt", sha256="0" * 64, text=text, format="text"))
