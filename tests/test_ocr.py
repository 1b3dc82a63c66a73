"""OCR of scanned PDF pages: scans made in the test from text (tests/scans.py), read through
Tesseract; which pages need it; the error without Tesseract; the time budget.

The scanned-seeds test is the issue's measure: the three seed filings rendered as an
image-only PDF must score as the text does, within OCR's margin (floor below)."""
from __future__ import annotations

import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from docketgraph.graph.errors import BadInput
from docketgraph.ingest import extract_file
from docketgraph.ingest.readers import ocr, pdf
from docketgraph.ingest.readers.registry import read_file

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scans import page_images, scanned_pdf  # noqa: E402

#: Tesseract runs in a subprocess for most of these: outside the fast loop
pytestmark = pytest.mark.slow

#: micro F1 of the three seeds read from scanned, image-only PDFs (measured 0.933 on
#: 2026-12-06 with Tesseract 5.3.0; the issue asks for 0.85 at least)
SCANNED_SEEDS_FLOOR = 0.90


def _need_tesseract() -> None:
    if shutil.which("tesseract") is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Tesseract is missing under CI ({ocr.INSTALL})")
        pytest.skip(f"Tesseract is not installed ({ocr.INSTALL})")


FICTIONAL = """UNITED STATES DISTRICT COURT
NORTHERN DISTRICT OF ILLINOIS

MARIGOLD VANE COMPANY,
Plaintiff,
v.
THE PARTNERSHIPS AND UNINCORPORATED ASSOCIATIONS
IDENTIFIED ON SCHEDULE "A",
Defendants.

Case No. 1:25-cv-04417
Judge Orla P. Whitcombe

ORDER

Plaintiff relies on Bose Corp. v. Does, 334 F.R.D. 511, 516 (N.D. Ill. 2020).
"""


def mixed_pdf(tmp_path: Path) -> Path:
    """Page 1 a text page; page 2 a scan with a CM/ECF-style stamp in its text layer."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=letter)
    c.setFont("Helvetica", 11)
    y = 740
    for line in FICTIONAL.splitlines():
        c.drawString(72, y, line)
        y -= 15
    c.showPage()
    scan = page_images("Plaintiff also cites Kestrel Mills, Inc. v. Harrow, 912 F.3d 448, 450\n"
                       "(7th Cir. 2019), and Dunmore v. Pell, 77 F.4th 1002 (7th Cir. 2023).\n")[0]
    c.drawImage(ImageReader(scan), 0, 0, width=letter[0], height=letter[1])
    c.setFont("Helvetica", 8)
    c.drawString(72, 770, "Case: 1:25-cv-04417 Document #: 9 Filed: 03/04/25 Page 2 of 2")
    c.showPage()
    c.save()
    path = tmp_path / "mixed.pdf"
    path.write_bytes(out.getvalue())
    return path


@pytest.mark.parametrize("letters, cover, expected", [
    (0, 1.0, True),        # a bare scan
    (52, 0.98, True),      # a scan under a CM/ECF stamp
    (149, 0.5, True),
    (150, 1.0, False),     # enough text layer: a scan with an OCR layer, or a typed page
    (2400, 1.0, False),
    (0, 0.0, False),       # a blank page
    (40, 0.2, False),      # a short page with a logo or a signature image
])
def test_which_pages_need_ocr(letters, cover, expected):
    assert ocr.needs_ocr(letters, cover) is expected


def test_a_scanned_filing_is_read_by_ocr(tmp_path):
    _need_tesseract()
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf(FICTIONAL))
    doc = read_file(path)
    assert doc.format == "pdf"
    assert doc.metadata["ocr_pages"] == [1]
    assert "MARIGOLD VANE COMPANY" in doc.text
    ex = extract_file(path)
    assert ex.ocr_pages == (1,)
    gold = ex.to_gold()
    assert gold["ocr_pages"] == [1]
    assert [c["docket"] for c in gold["cases"]] == ["1:25-cv-04417"]
    assert [c["cite"] for c in gold["citations"]] == ["334 F.R.D. 511"]
    assert "Orla P. Whitcombe" in [j["name"] for j in gold["judges"]]


def test_only_the_scanned_page_is_ocrd_and_its_stamp_kept(tmp_path):
    _need_tesseract()
    path = mixed_pdf(tmp_path)
    doc = read_file(path)
    assert doc.metadata["ocr_pages"] == [2]
    page2 = doc.text[doc.pages[1]:]
    # the stamp comes from the text layer, exactly; OCR adds what the image shows
    assert "Case: 1:25-cv-04417 Document #: 9" in doc.text
    assert "912 F.3d 448" in page2
    cites = {c["cite"] for c in extract_file(path).to_gold()["citations"]}
    assert {"334 F.R.D. 511", "912 F.3d 448", "77 F.4th 1002"} <= cites


def test_extract_json_names_the_ocrd_pages(tmp_path):
    _need_tesseract()
    path = mixed_pdf(tmp_path)
    exe = Path(sys.executable).with_name("docketgraph")
    out = subprocess.run([str(exe), "extract", "--json", str(path)], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["ocr_pages"] == [2]


def test_text_pdfs_say_nothing_of_ocr(tmp_path):
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    y = 760
    for line in FICTIONAL.splitlines():
        c.drawString(72, y, line)
        y -= 15
    c.save()
    path = tmp_path / "typed.pdf"
    path.write_bytes(out.getvalue())
    assert "ocr_pages" not in read_file(path).metadata
    assert "ocr_pages" not in extract_file(path).to_gold()


def _without_tesseract(tmp_path: Path) -> dict:
    """An environment whose PATH holds no tesseract (the Python packages stay)."""
    empty = tmp_path / "bin"
    empty.mkdir()
    return {**os.environ, "PATH": str(empty)}


def test_without_tesseract_a_scan_fails_with_the_install_command(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf(FICTIONAL))
    exe = Path(sys.executable).with_name("docketgraph")
    out = subprocess.run([str(exe), "extract", "--json", str(path)], capture_output=True,
                         text=True, timeout=120, env=_without_tesseract(tmp_path))
    assert out.returncode != 0
    err = out.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    assert "Tesseract" in err and ocr.INSTALL in err and "scan.pdf" in err


def test_without_tesseract_the_text_pages_are_still_read(tmp_path):
    path = mixed_pdf(tmp_path)
    exe = Path(sys.executable).with_name("docketgraph")
    out = subprocess.run([str(exe), "extract", "--json", str(path)], capture_output=True,
                         text=True, timeout=120, env=_without_tesseract(tmp_path))
    assert out.returncode == 0, out.stderr
    gold = json.loads(out.stdout)
    assert "ocr_pages" not in gold
    assert [c["cite"] for c in gold["citations"]] == ["334 F.R.D. 511"]
    assert ocr.INSTALL in out.stderr and "page(s) 2 not read" in out.stderr


def test_ocr_keeps_to_the_time_budget(tmp_path, monkeypatch):
    _need_tesseract()
    path = tmp_path / "long-scan.pdf"
    path.write_bytes(scanned_pdf("\n".join(FICTIONAL.splitlines() * 12)))
    monkeypatch.setattr(pdf, "TIME_BUDGET_S", 1.5)
    with pytest.raises(BadInput) as e:
        read_file(path)
    msg = str(e.value)
    assert "OCR stopped after" in msg and "long-scan.pdf" in msg and "\n" not in msg


def test_a_blank_image_free_page_is_not_sent_to_ocr(tmp_path, monkeypatch):
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.showPage()
    c.save()
    path = tmp_path / "blank.pdf"
    path.write_bytes(out.getvalue())
    called = []
    monkeypatch.setattr(ocr, "ocr_pages", lambda *a, **k: called.append(a) or {})
    with pytest.raises(BadInput, match="no text found"):
        read_file(path)
    assert not called


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("dg_score", shared / "tools" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_scanned_seeds_score_as_the_issue_asks(seeds_dir, shared, tmp_path):
    """The three seed filings, rendered as scanned image-only PDFs, extracted and scored
    against the seeds' gold with score.py's keysets (as tests/test_golden.py does)."""
    _need_tesseract()
    score = _scorer(shared)
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    texts = sorted(seeds_dir.glob("*.txt"))
    assert len(texts) == 3
    for text in texts:
        scan = tmp_path / (text.stem + ".pdf")
        scan.write_bytes(scanned_pdf(text.read_text(encoding="utf-8")))
        pred = extract_file(scan).to_gold()
        assert pred["ocr_pages"], scan.name
        gold = json.loads((seeds_dir / (text.stem + ".gold.json")).read_text())
        gk, pk = score.keysets(gold), score.keysets(pred)
        for f in gk:
            tp[f] += len(gk[f] & pk[f])
            fp[f] += len(pk[f] - gk[f])
            fn[f] += len(gk[f] - pk[f])
    t, p, n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro = 2 * t / (2 * t + p + n)
    assert micro >= SCANNED_SEEDS_FLOOR, f"scanned seeds: micro F1 {micro:.3f}"
