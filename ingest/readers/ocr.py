"""OCR for PDF pages that carry no text layer (scanned pages), used by the PDF reader.

A page is sent to OCR when its text layer holds fewer than ``MIN_PAGE_TEXT`` letters and
digits (a CM/ECF stamp alone is about 50) and images cover at least ``MIN_IMAGE_COVER``
of it: a scanned page, not a page left blank. The page is rendered with pypdfium2 with
its text objects taken out (the text layer is kept as it is, exactly; OCR reads only
what the images show) and read by Tesseract through pytesseract, one page at a time,
inside the PDF reader's time budget.

Tesseract is a system program: on Debian or Ubuntu ``apt-get install tesseract-ocr
tesseract-ocr-eng``. Without it, a document with no text at all fails with one line
naming that command; a document with some text is read from its text layer and the
pages left unread are logged.
"""
from __future__ import annotations

import logging
import math
import os
import time

from docketgraph.graph.errors import BadInput

log = logging.getLogger(__name__)

#: the command that installs Tesseract and its English data (Debian, Ubuntu)
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-eng"
#: a page whose text layer has fewer letters and digits than this may be a scan
MIN_PAGE_TEXT = 150
#: ... when images cover at least this share of the page
MIN_IMAGE_COVER = 0.5
#: rendering resolution for OCR (Tesseract reads best near 300 dpi)
DPI = 300
#: a rendered page is never larger than this many pixels (an oversized page is scaled down)
MAX_PIXELS = 40_000_000
#: Tesseract language
LANG = "eng"


class OcrUnavailable(BadInput):
    """Tesseract (or its English data, or a Python package OCR needs) is missing."""


def _missing(what: str) -> OcrUnavailable:
    return OcrUnavailable(f"{what}; install it with: {INSTALL}")


def needs_ocr(letters: int, image_cover: float) -> bool:
    """Whether a page of ``letters`` text-layer letters/digits and ``image_cover`` share of
    its area under images is a scan to read by OCR."""
    return letters < MIN_PAGE_TEXT and image_cover >= MIN_IMAGE_COVER


def letters(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


def _open(data: bytes):
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a declared dependency
        raise _missing("OCR needs the Python package pypdfium2 (pip install pypdfium2)") from None
    return pdfium.PdfDocument(data)


def image_cover(page) -> float:
    """The largest share of a pdfium page's area covered by one image."""
    import pypdfium2.raw as pdfium_c

    w, h = page.get_size()
    area = max(w * h, 1.0)
    best = 0.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        try:
            left, bottom, right, top = obj.get_bounds()
        except Exception:  # an image pdfium cannot place: not counted
            continue
        cover = max(0.0, min(right, w) - max(left, 0.0)) * max(0.0, min(top, h) - max(bottom, 0.0))
        best = max(best, cover / area)
    return best


def scanned_pages(data: bytes, texts: list[str], deadline: float | None = None) -> list[int]:
    """0-based indexes of the pages to OCR, given each page's text-layer text (the pages
    looked at before ``deadline``, a ``time.monotonic()`` time)."""
    low = [i for i, t in enumerate(texts) if letters(t) < MIN_PAGE_TEXT]
    if not low:
        return []
    pdf = _open(data)
    try:
        out = []
        for i in low:
            if i >= len(pdf) or (deadline is not None and time.monotonic() > deadline):
                break
            page = pdf[i]
            try:
                if needs_ocr(letters(texts[i]), image_cover(page)):
                    out.append(i)
            finally:
                page.close()
        return out
    finally:
        pdf.close()


def check_tesseract() -> str:
    """Tesseract's version; ``OcrUnavailable`` (naming the install command) when it or its
    English data is missing."""
    try:
        import pytesseract
    except ImportError:  # pragma: no cover - a declared dependency
        raise _missing("OCR needs the Python package pytesseract (pip install pytesseract)") from None
    try:
        version = str(pytesseract.get_tesseract_version())
    except pytesseract.TesseractNotFoundError:
        raise _missing("Tesseract OCR is not installed") from None
    except Exception as e:  # a broken install
        raise _missing(f"Tesseract OCR does not run ({type(e).__name__})") from None
    try:
        langs = pytesseract.get_languages(config="")
    except Exception:
        langs = []
    if langs and LANG not in langs:
        raise _missing(f"Tesseract has no '{LANG}' language data")
    return version


def _render(page):
    """A pdfium page as a greyscale PIL image at DPI, without its text objects."""
    import pypdfium2.raw as pdfium_c

    for obj in list(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_TEXT,), max_depth=1)):
        page.remove_obj(obj)
    w, h = page.get_size()
    scale = DPI / 72
    if w * h * scale * scale > MAX_PIXELS:
        scale = math.sqrt(MAX_PIXELS / max(w * h, 1.0))
    return page.render(scale=scale, grayscale=True).to_pil()


def ocr_pages(path: str, data: bytes, pages: list[int], deadline: float,
              budget: float) -> dict[int, str]:
    """OCR text of each page in ``pages`` (0-based), read one at a time before ``deadline``
    (``time.monotonic()``); past it, ``BadInput`` says how far OCR got."""
    import pytesseract

    check_tesseract()
    # one thread per Tesseract: ingest already runs one worker per core
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    pdf = _open(data)
    out: dict[int, str] = {}
    try:
        for n, i in enumerate(pages):
            left = deadline - time.monotonic()
            if left <= 1:
                raise BadInput(f"{path}: OCR stopped after {budget:.0f} s at page {i + 1} "
                               f"({n} of {len(pages)} scanned pages read)")
            page = pdf[i]
            try:
                image = _render(page)
            finally:
                page.close()
            try:
                text = pytesseract.image_to_string(image, lang=LANG, timeout=left)
            except RuntimeError as e:  # pytesseract's timeout
                if "timeout" in str(e).lower():
                    raise BadInput(f"{path}: OCR stopped after {budget:.0f} s at page {i + 1} "
                                   f"({n} of {len(pages)} scanned pages read)") from None
                raise
            except pytesseract.TesseractError as e:
                why = (str(e.message or "").strip().splitlines() or [f"status {e.status}"])[0]
                log.warning("%s: page %d: OCR failed: %s", path, i + 1, why[:200])
                text = ""
            out[i] = text
    finally:
        pdf.close()
    return out
