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
    pure functions' answers only: no extraction result depends on it. The engine programs
    of the regular expressions compiled here are kept on disk (``compiled``), so a later
    process skips most of that work."""
    with compiled.remembered_programs("warm-up"):
        compiled.load_courts_db()
        for name in registry.names():
            registry.get(name)
        try:
            import juriscraper.pacer  # noqa: F401 - the PACER reader's parser
        except ImportError:
            pass
        text = _WARM_UP_TEXT
        extract(Document(path="warm-up.txt", sha256="0" * 64, text=text, format="text"))
