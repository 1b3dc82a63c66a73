"""Reader for PDF filings: the text layer through pypdf, scanned pages through OCR, cleaned
of page furniture.

``read`` returns a Document whose ``text`` is the pages' text joined by newlines and
whose ``pages`` holds the character offset where each page starts (page ``i + 1``
starts at ``pages[i]``), so every span can be traced back to a page; ``page_for``
gives the page of an offset, and ``metadata["page_labels"]`` the page's printed label.

Cleaning, page by page, before the text reaches the extractors:

- pleading-paper line numbers (a run 1, 2, 3 ... down the left margin, printed as bare
  lines or as a prefix of each line) are removed;
- a reprint's star-page markers ("*813") are removed where they are not pinpoints
  ("at *4");
- lines holding nothing but a caption's column marks (")" or "§") are removed;
- page-number lines at the top or bottom of a page ("3", "- 3 -", "Page 3 of 9") are
  removed;
- running heads and footers (lines repeated, digits aside, at the top or bottom of most
  pages, such as the CM/ECF stamp "Case: 1:23-cv-01820 Document #: 26 Filed: 04/17/23
  Page 3 of 9 PageID #:123") are kept once, where they first appear, and removed from
  every later page: the first copy of the stamp is often the only place that states the
  office digit of the case number and the filing date.

The PDF text then goes through the ordinary text pipeline (``readers/text.py``).

Scanned pages (no text layer, an image over most of the page) are read by OCR
(``readers/ocr.py``: pypdfium2 renders the page, Tesseract reads it), page by page
inside the same time budget; ``metadata["ocr_pages"]`` lists them and ``extract --json``
reports them as ``ocr_pages``. Without Tesseract, a document of nothing but scans fails
with one line naming the install command; a document with some text layer is read
without its scanned pages (``metadata["unread_pages"]``, and an error line that names
the command).

Untrusted files fail with ``BadInput`` naming the file: not a PDF at all (an HTML page
saved as ``.pdf``), encrypted with a user password, truncated or corrupt, no text found
even by OCR, more than ``MAX_PAGES`` pages, decompression bombs and
other resource limits (pypdf's ``LimitReachedError`` is not a ``PdfReadError``, so
errors are caught broadly), or extraction (OCR included) running past ``TIME_BUDGET_S``.
"""
from __future__ import annotations

import bisect
import contextlib
import dataclasses
import io
import logging
import re
import time
from typing import Iterator

from docketgraph.graph.errors import BadInput, DocketGraphError
from docketgraph.graph.model import Document, Extraction, content_hash
from docketgraph.ingest.readers import ocr
from docketgraph.ingest.readers import text as text_reader
from docketgraph.ingest.readers.decode import (
    normalise_text, strip_line_numbers, strip_star_pages,
)

log = logging.getLogger(__name__)

#: documents with more pages than this are refused
MAX_PAGES = 2_000
#: total extracted text above this many characters is refused
MAX_TEXT_CHARS = 20_000_000
#: at most this many seconds of text extraction (checked between pages)
TIME_BUDGET_S = 60.0
#: fewer letters/digits than this in the whole document means no usable text layer
MIN_TEXT_CHARS = 20
#: decompressed size allowed for one stream (bytes)
MAX_STREAM_BYTES = 32 * 1024 * 1024
#: operators and operands pypdf may parse in one content stream
MAX_PAGE_OPERATIONS = 250_000

SUFFIXES = {".pdf"}

_MAGIC = b"%PDF-"


def sniff(head: bytes, suffix: str) -> int:
    """100 for a PDF header in the first KiB; 5 for a ``.pdf`` file without one.

    The low score for a mislabelled file lets ``read`` say what it really is, unless a
    reader that knows the content (a PACER page saved as .pdf) wants it more.
    """
    if _MAGIC in head[:1024]:
        return 100
    return 5 if suffix in SUFFIXES else 0


def _what_it_is(data: bytes) -> str:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in head:
        return "it is an HTML page"
    if head.startswith((b"{", b"[")):
        return "it looks like JSON"
    if head.startswith(b"pk\x03\x04"):
        return "it is a ZIP archive (a Word document?)"
    if head.startswith((b"\x89png", b"\xff\xd8\xff", b"gif8", b"ii*\x00", b"mm\x00*")):
        return "it is an image"
    if head.startswith(b"<?xml"):
        return "it is an XML file"
    return "no %PDF- header"


@contextlib.contextmanager
def _limits() -> Iterator[None]:
    """Tighter pypdf resource limits for untrusted files, where pypdf supports them."""
    try:
        from pypdf import Configuration, apply_configuration
    except ImportError:  # older pypdf: only its built-in defaults apply
        yield
        return
    wanted = {
        "maximum_declared_stream_length": MAX_STREAM_BYTES,
        "zlib_maximum_output_length": MAX_STREAM_BYTES,
        "lzw_maximum_output_length": MAX_STREAM_BYTES,
        "run_length_maximum_output_length": MAX_STREAM_BYTES,
        "brotli_maximum_output_length": MAX_STREAM_BYTES,
        "array_based_stream_maximum_output_length": MAX_STREAM_BYTES,
        "page_tree_maximum_entries": MAX_PAGES * 4,
        # a dense page of text is some tens of thousands of operators and operands;
        # a crafted one with millions takes pypdf minutes (about 20 µs each)
        "stream_parsing_work_maximum_count": MAX_PAGE_OPERATIONS,
        "xform_maximum_invocations_per_extraction": 200,
    }
    known = {f.name for f in dataclasses.fields(Configuration)}
    with apply_configuration(**{k: v for k, v in wanted.items() if k in known}):
        yield


def read(path: str, data: bytes) -> Document:
    """Read a PDF's text layer into a Document (format "pdf")."""
    start = data.find(_MAGIC, 0, 1024)
    if start < 0:
        raise BadInput(f"{path}: not a PDF ({_what_it_is(data)})")
    deadline = time.monotonic() + TIME_BUDGET_S
    try:
        with _limits():
            pages, labels = _page_texts(path, data, deadline)
    except DocketGraphError:
        raise
    except MemoryError:
        raise BadInput(f"{path}: PDF too large to read in memory") from None
    except RecursionError:
        raise BadInput(f"{path}: corrupt PDF (objects nested or linked too deeply)") from None
    except Exception as e:  # pypdf raises many kinds on hostile input
        if type(e).__name__ == "LimitReachedError":
            raise BadInput(f"{path}: PDF exceeds a safety limit ({_describe(e)})") from None
        raise BadInput(f"{path}: corrupt or unreadable PDF ({_describe(e)})") from None

    ocr_done, unread = _read_scans(path, data, pages, deadline)
    cleaned = clean_pages(pages)
    offsets: list[int] = []
    parts: list[str] = []
    pos = 0
    for page in cleaned:
        offsets.append(pos)
        parts.append(page)
        pos += len(page) + 1
    text = "\n".join(parts)
    if sum(ch.isalnum() for ch in text[:100_000]) < MIN_TEXT_CHARS:
        how = " or by OCR" if ocr_done else ""
        raise BadInput(f"{path}: no text found in the text layer{how} "
                       f"({len(pages)} page(s) of images or blank pages)")
    metadata = {"page_count": len(pages), "page_labels": labels}
    if ocr_done:
        metadata["ocr_pages"] = ocr_done
    if unread:
        metadata["unread_pages"] = unread
    return Document(path=path, sha256=content_hash(data), text=text, format="pdf",
                    pages=tuple(offsets), metadata=metadata)


def _read_scans(path: str, data: bytes, pages: list[str],
                deadline: float) -> tuple[list[int], list[int]]:
    """OCR the scanned pages (no text layer, an image over most of the page) into
    ``pages``, in place: each one's text layer (a CM/ECF stamp, say) stays first, the OCR
    text follows. Returns the 1-based numbers of the pages read by OCR, and of those left
    unread because Tesseract is missing (only when other pages have text: a document of
    nothing but scans fails with the install command)."""
    try:
        todo = ocr.scanned_pages(data, pages, deadline)
    except ocr.OcrUnavailable:
        raise
    except Exception as e:  # pdfium refuses a file pypdf read: keep the text layer
        log.warning("%s: pages not checked for scans: %s", path, _describe(e))
        return [], []
    if not todo:
        return [], []
    try:
        found = ocr.ocr_pages(path, data, todo, deadline, TIME_BUDGET_S)
    except ocr.OcrUnavailable as e:
        numbers = [i + 1 for i in todo]
        scans = set(todo)
        rest = sum(ocr.letters(t) for i, t in enumerate(pages) if i not in scans)
        if rest < MIN_TEXT_CHARS:
            raise BadInput(f"{path}: {len(todo)} page(s) of scanned images need OCR: {e}") from None
        log.error("%s: page(s) %s not read (scanned images): %s", path,
                  ", ".join(map(str, numbers)), e)
        return [], numbers
    except DocketGraphError:
        raise
    except Exception as e:  # pdfium failing on one page of a hostile file
        log.warning("%s: scanned pages not read: %s", path, _describe(e))
        return [], [i + 1 for i in todo]
    for i, text in found.items():
        layer = pages[i].strip()
        pages[i] = f"{layer}\n{text}" if layer else text
    return [i + 1 for i in sorted(found)], []


_OBJ_REPR = re.compile(r"IndirectObject\((\d+), (\d+), \d+\)")


def _describe(e: BaseException) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else ""
    msg = _OBJ_REPR.sub(r"object \1 \2", msg)[:200]
    return f"{type(e).__name__}: {msg}" if msg else type(e).__name__


def _page_texts(path: str, data: bytes, deadline: float) -> tuple[list[str], list[str]]:
    """Each page's raw text, and each page's printed label ("i", "1", "A-3")."""
    from pypdf import PdfReader
    from pypdf.errors import (
        DependencyError, FileNotDecryptedError, LimitReachedError, PdfReadError,
    )

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except (PdfReadError, ValueError) as e:
        raise BadInput(f"{path}: truncated or corrupt PDF ({_describe(e)})") from None

    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")
        except DependencyError:
            raise BadInput(f"{path}: encrypted PDF (AES) that needs the 'cryptography' package "
                           "to read") from None
        except (FileNotDecryptedError, PdfReadError, NotImplementedError) as e:
            raise BadInput(f"{path}: encrypted PDF that cannot be opened ({_describe(e)})") from None
        if not ok:
            raise BadInput(f"{path}: encrypted PDF: a password is needed to open it")

    declared = _declared_page_count(reader)
    if declared is not None and declared > MAX_PAGES:
        raise BadInput(f"{path}: PDF declares {declared:,} pages, over the {MAX_PAGES:,}-page limit")
    n = len(reader.pages)
    if n > MAX_PAGES:
        raise BadInput(f"{path}: PDF has {n:,} pages, over the {MAX_PAGES:,}-page limit")
    if n == 0:
        raise BadInput(f"{path}: PDF has no pages")

    over_limit: list[tuple[int, str]] = []
    texts: list[str] = []
    total = 0
    for i in range(n):
        if time.monotonic() > deadline:
            raise BadInput(f"{path}: text extraction stopped after {TIME_BUDGET_S:.0f} s "
                           f"at page {i + 1} of {n}")
        try:
            page_text = reader.pages[i].extract_text() or ""
        except DependencyError as e:
            raise BadInput(f"{path}: page {i + 1} needs a missing decoder ({_describe(e)})") from None
        except LimitReachedError as e:
            # one page over a resource limit (a huge vector drawing, or a crafted stream):
            # the other pages are still read; a document of nothing else is refused
            log.warning("%s: page %d skipped: %s", path, i + 1, _describe(e))
            over_limit.append((i + 1, _describe(e)))
            page_text = ""
        total += len(page_text)
        if total > MAX_TEXT_CHARS:
            raise BadInput(f"{path}: more than {MAX_TEXT_CHARS:,} characters of text")
        texts.append(page_text)
    if over_limit and not any(t.strip() for t in texts):
        page, why = over_limit[0]
        raise BadInput(f"{path}: PDF exceeds a safety limit on {len(over_limit)} page(s) "
                       f"(page {page}: {why})")
    return texts, _labels(reader, n)


def _labels(reader, n: int) -> list[str]:
    """The document's own page labels (its /PageLabels), else 1, 2, 3..."""
    try:
        labels = [str(x) for x in reader.page_labels]
    except Exception:  # a broken /PageLabels tree: fall back on page numbers
        labels = []
    return labels if len(labels) == n else [str(i + 1) for i in range(n)]


def _declared_page_count(reader) -> int | None:
    try:
        count = reader.trailer["/Root"]["/Pages"].get("/Count")
        return int(count) if count is not None else None
    except Exception:  # a broken /Root is reported later, by len(reader.pages)
        return None


def page_for(document: Document, offset: int) -> int:
    """The 1-based page of a character offset in a PDF Document's text (0 if none)."""
    return bisect.bisect_right(document.pages, offset) if document.pages else 0


# ---------------------------------------------------------------- text cleaning

_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st", "\u00ad": None})

#: how many non-blank lines at each end of a page count as its head or foot
ZONE = 3

_PAGE_NUMBER = re.compile(
    r"(?i)^[ \t]*(?:"
    r"[-\u2013\u2014(\[]?[ \t]*\d{1,4}[ \t]*[-\u2013\u2014)\]]?"      # 3  - 3 -  (3)
    r"|[-\u2013\u2014]?[ \t]*(?-i:[ivx]{1,5})[ \t]*[-\u2013\u2014]?"      # ii  - iv -
    r"|page[ \t]+\d{1,4}(?:[ \t]+of[ \t]+\d{1,4})?"                  # Page 3 / Page 3 of 9
    r"|\d{1,4}[ \t]+of[ \t]+\d{1,4}"                                  # 3 of 9
    r")[ \t]*$")

#: a caption's column of ")" or "§" marks, each on a line of its own in the text layer
_RULE_ONLY = re.compile(r"^[ \t]*[)§:][ \t)§:]{0,8}$")

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def _key(line: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", line)).strip().lower()


def _zones(lines: list[str]) -> tuple[list[int], list[int]]:
    """Indexes of the first and last ZONE non-blank lines of a page."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    return filled[:ZONE], filled[-ZONE:]


def _edge_page_numbers(lines: list[str], heads: set[int]) -> set[int]:
    """Page-number lines ("3", "- 3 -", "Page 3 of 9") at either end of a page.

    Walking in from each edge, blank lines and running heads are passed over; at most two
    page-number lines are taken; the first line of body text stops the walk.
    """
    found: set[int] = set()
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        taken = 0
        for i in order:
            line = lines[i]
            if not line.strip() or i in heads:
                continue
            if taken < 2 and _PAGE_NUMBER.match(line):
                found.add(i)
                taken += 1
                continue
            break
    return found


def clean_pages(pages: list[str]) -> list[str]:
    """Normalised page texts without line numbers, page numbers and repeated heads."""
    page_lines = []
    for raw in pages:
        text = strip_star_pages(normalise_text(raw.translate(_LIGATURES)))
        lines = [ln.rstrip() for ln in text.split("\n")]
        page_lines.append(strip_line_numbers(lines))

    # lines repeated (digits aside) in the head or foot zone of most pages
    # (head and foot counted apart)
    counts: dict[tuple[str, str], int] = {}
    for lines in page_lines:
        top, bottom = _zones(lines)
        for where, zone in (("top", top), ("bottom", bottom)):
            for key in {_key(lines[i]) for i in zone}:
                counts[where, key] = counts.get((where, key), 0) + 1
    n = len(page_lines)
    need = max(2, (n + 1) // 2)
    repeated = ({k for (_, k), c in counts.items() if c >= need and len(k) > 2}
                if n >= 2 else set())

    seen: set[str] = set()
    out = []
    for lines in page_lines:
        top, bottom = _zones(lines)
        drop, heads = set(), set()
        for i in dict.fromkeys(top + bottom):
            key = _key(lines[i])
            if key in repeated:
                heads.add(i)
                if key in seen:
                    drop.add(i)
                seen.add(key)
        drop |= _edge_page_numbers(lines, heads)
        kept = [ln for i, ln in enumerate(lines) if i not in drop and not _RULE_ONLY.match(ln)]
        while kept and not kept[0].strip():
            kept.pop(0)
        while kept and not kept[-1].strip():
            kept.pop()
        out.append("\n".join(kept))
    return out


def extract(document: Document) -> Extraction:
    """A PDF's extraction: its text (text layer and OCR'd pages) through the text pipeline."""
    ex = text_reader.extract(document)
    ocr_pages = tuple(document.metadata.get("ocr_pages") or ())
    return ex.replace(ocr_pages=ocr_pages) if ocr_pages else ex
