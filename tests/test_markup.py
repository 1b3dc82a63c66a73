"""Web pages: the reader is chosen by parsing the page (not by its first 8 KB), and a page
no structured reader wants is read as its visible text; text filings lose the page
furniture that breaks names (star pages, pleading-paper line numbers, e-mail quoting).
All pages and lines here are made up."""
from __future__ import annotations

from pathlib import Path

import pytest

from docketgraph.ingest import extract_file
from docketgraph.ingest.readers import markup
from docketgraph.ingest.readers.decode import (
    clean_text, strip_pleading_numbers, strip_quote_prefix, strip_star_pages,
)
from docketgraph.ingest.readers.registry import read_file

PACER = Path(__file__).resolve().parent / "fixtures" / "pacer" / "ilnd_schedule_a_docket.html"
SCRIPT = "<script>" + "var tracker = {'id': 1, 'page': 'docket'};\n" * 400 + "</script>"
STYLE = "<style>" + "td.cell { font-family: serif; }\n" * 400 + "</style>"
COMMENT = "<!-- " + "build 1234 " * 1000 + "-->"


@pytest.mark.parametrize("where", ["in-head", "before-html", "style", "comment", "all"])
def test_a_docket_page_opening_with_a_long_script_is_still_a_docket(tmp_path, where):
    page = PACER.read_text(encoding="utf-8", errors="replace")
    head = page.lower().find("<head>") + len("<head>")
    junk = {"in-head": SCRIPT, "before-html": SCRIPT, "style": STYLE, "comment": COMMENT,
            "all": COMMENT + SCRIPT + STYLE}[where]
    if where == "before-html":
        page = junk + "\n" + page
    else:
        page = page[:head] + junk + page[head:]
    assert page.find("DOCKET FOR CASE") > markup.HEAD_BYTES
    path = tmp_path / "docket.html"
    path.write_text(page, encoding="utf-8")
    assert read_file(path).format == "pacer"


def test_a_script_that_mentions_a_docket_does_not_make_a_page_a_docket(tmp_path):
    page = ("<html><head><script>var t = 'DOCKET FOR CASE #: 1:24-cv-00001 <table>';</script>"
            "</head><body><p>Hours and directions of the clerk's office.</p></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    doc = read_file(path)
    assert doc.format == "text" and doc.metadata == {"markup": "html"}
    assert doc.text == "Hours and directions of the clerk's office."


OPINION = """<!DOCTYPE html>
<html><head><title>Wrenfield v. Marsh | Case Law Site</title>
<meta charset="utf-8"><style>p { margin: 0 }</style>
<script>window.ads = ["Judge Not Aperson"];</script></head>
<body>
<nav><a href="/">Home</a> &raquo; <a href="/cases">Cases</a></nav>
<center><b>UNITED STATES DISTRICT COURT<br>NORTHERN DISTRICT OF ILLINOIS</b></center>
<p>TALLIS WRENFIELD,<br>Plaintiff,</p>
<p>v.</p>
<p>ODO MARSH &amp; SONS, INC.,<br>Defendant.</p>
<p>Case No. 1:25-cv-03141</p>
<p>MEMORANDUM OPINION AND ORDER</p>
<p>Plaintiff sued  under
   the   Lanham Act. <span class="star-pagination">*2</span> See Quarry v. Lisle,
334 F.R.D. 511, 516 (N.D. Ill. 2020).</p>
<table><tr><td>Dated:</td><td>March 3, 2025</td></tr><tr><td></td><td></td></tr></table>
<pre>ENTERED:   Judge   Mina R. Castellan</pre>
<noscript>Enable JavaScript</noscript>
</body></html>
"""


def test_an_html_opinion_is_read_as_its_visible_text(tmp_path):
    path = tmp_path / "opinion.html"
    path.write_text(OPINION, encoding="utf-8")
    doc = read_file(path)
    assert doc.format == "text" and doc.metadata["markup"] == "html"
    lines = doc.text.split("\n")
    assert lines[:2] == ["Home » Cases", "UNITED STATES DISTRICT COURT"]
    assert "NORTHERN DISTRICT OF ILLINOIS" in lines
    assert ["TALLIS WRENFIELD,", "Plaintiff,", "v.", "ODO MARSH & SONS, INC.,", "Defendant."] == \
        lines[3:8]
    # one paragraph, one line; the star page *2 taken out
    assert ("Plaintiff sued under the Lanham Act. See Quarry v. Lisle, 334 F.R.D. 511, 516 "
            "(N.D. Ill. 2020).") in lines
    assert "Dated: | March 3, 2025" in lines
    assert "ENTERED:   Judge   Mina R. Castellan" in lines  # <pre> keeps its spacing
    for hidden in ("Case Law Site", "margin", "window.ads", "Not Aperson", "JavaScript", "<"):
        assert hidden not in doc.text
    gold = extract_file(path).to_gold()
    assert [c["docket"] for c in gold["cases"]] == ["1:25-cv-03141"]
    assert {p["name"] for p in gold["parties"]} == {"Tallis Wrenfield", "Odo Marsh & Sons, Inc."}
    assert [c["cite"] for c in gold["citations"]] == ["334 F.R.D. 511"]


@pytest.mark.parametrize("head, expected", [
    (b"<html><body>x</body></html>", True),
    (b"\xef\xbb\xbf  \n<!DOCTYPE html>\n<html>", True),
    (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>", True),
    (b"<div>an excerpt</div>", True),
    (b"Saved from a browser\n<html><body>", True),
    ("<html><body>wide</body></html>".encode("utf-16"), True),
    (b"UNITED STATES DISTRICT COURT\nPlaintiff <Acme> v. Doe", False),
    (b"<<Plaintiff>> v. <<Defendant>>", False),
    (b"<!-- converted from the court's PDF -->\n# ORDER\n\nThe motion is granted.\n", False),
    (b"<!-- saved page -->\n<div><p>ORDER</p></div>", True),
    (b"<Acme Corp> v. <Doe>", False),
    (b"%PDF-1.7\n<html>", False),
    (b'{"caseName": "<b>Doe</b>"}', False),
])
def test_what_counts_as_a_web_page(head, expected):
    assert markup.looks_like_markup(head) is expected


def test_a_text_file_holding_html_is_read_as_a_page(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text("<html><body><p>ORDER</p><p>Judge&nbsp;Ivo&nbsp;Penrake</p></body></html>",
                    encoding="utf-8")
    assert read_file(path).text == "ORDER\nJudge Ivo Penrake"


def test_a_page_of_nothing_visible_is_refused(tmp_path):
    from docketgraph.graph.errors import BadInput

    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>x()</script></head><body>  </body></html>")
    with pytest.raises(BadInput, match="no text"):
        read_file(path)


# ---------------------------------------------------------------- page furniture in text

@pytest.mark.parametrize("before, after", [
    ("froze the sellers' PayPal *813 balances", "froze the sellers' PayPal balances"),
    ("Kestrel *12 Mills, Inc.", "Kestrel Mills, Inc."),
    ("*1 IN THE UNITED STATES DISTRICT COURT", "IN THE UNITED STATES DISTRICT COURT"),
    ("*2\n\nThis case is before the Court", "\n\nThis case is before the Court"),
    ("explained that *814\nservice", "explained that \nservice"),
    # pinpoints stay
    ("2023 WL 1234567, at *4 (E.D. Tex. Dec. 20, 2023)", "2023 WL 1234567, at *4 (E.D. Tex. Dec. 20, 2023)"),
    ("1998 U.S. Dist. LEXIS 1145, *6 (N.D. Tex. 1998)", "1998 U.S. Dist. LEXIS 1145, *6 (N.D. Tex. 1998)"),
    ("Id. at *3-4.", "Id. at *3-4."),
    ("at \\*5 (S.D.N.Y.)", "at \\*5 (S.D.N.Y.)"),
    ("a *bold* word and 5*3", "a *bold* word and 5*3"),
])
def test_star_pages(before, after):
    assert strip_star_pages(before) == after


def _pleading(lines: list[str], first: int = 1) -> list[str]:
    return [f"{n:>2}  {line}" if line else f"{n:>2}" for n, line in enumerate(lines, first)]


def test_pleading_line_numbers_in_a_text_file_come_off_each_page():
    page1 = ["PEREGRINE LAW GROUP", "Lio Varga (SBN 123456)", "", "Attorneys for Plaintiff",
             "", "UNITED STATES DISTRICT COURT", "CENTRAL DISTRICT OF CALIFORNIA", "",
             "MARLOW TEXTILES, INC.,", "Plaintiff,", "v.", "SUNDRY GOODS CO.,", "Defendant."]
    page2 = ["1. Plaintiff owns the design.", "2. Defendant sold copies.", "", "", "", "", "",
             "", "", "", "Dated: May 1, 2025"]
    text = "\n".join(_pleading(page1) + _pleading(page2))
    out = strip_pleading_numbers(text).split("\n")
    assert out[:3] == ["PEREGRINE LAW GROUP", "Lio Varga (SBN 123456)", ""]
    assert "MARLOW TEXTILES, INC.," in out and "SUNDRY GOODS CO.," in out
    assert "1. Plaintiff owns the design." in out and "Dated: May 1, 2025" in out


@pytest.mark.parametrize("text", [
    "1 Plaintiff\n2 Defendant\n3 Intervenor",                # too short a run
    "Counts 1 through 12\n12 Angry Men\n3 Days",
    "\n".join(f"{n}. numbered paragraph" for n in range(1, 15)),  # a numbered list
    # page numbers, one a page, between pages of text
    "\n".join(f"text of page {n}\n" + "body line\n" * 30 + f"\n{n:>30}\n" for n in range(1, 14)),
])
def test_numbers_that_are_not_pleading_paper_stay(text):
    assert strip_pleading_numbers(text) == text


def test_email_quoting_comes_off_when_every_line_has_it():
    quoted = "> UNITED STATES DISTRICT COURT\n> \n> ALDER VALE LLC,\n>Plaintiff,\n> v.\n"
    assert strip_quote_prefix(quoted) == "UNITED STATES DISTRICT COURT\n\nALDER VALE LLC,\nPlaintiff,\nv.\n"
    mixed = "Forwarded below.\nThanks,\nAnn\n> one quoted line\n"
    assert strip_quote_prefix(mixed) == mixed


def test_clean_text_leaves_ordinary_filings_alone():
    text = ("UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF ILLINOIS\n\nACME LLC,\nPlaintiff,\n"
            "v.\nDOE,\nDefendant.\n\nCase No. 1:24-cv-00001\nSee 2020 WL 1, at *2.\n")
    assert clean_text(text) == text
