"""Case-law citations: normal form, one entry per decision, spans, and the pre-filter."""
from __future__ import annotations

import re

import pytest

from docketgraph.ingest.citations import (
    candidate_windows, find_citations, find_citations_whole,
)

ROWS = [
    # (text, [(cite, name)])
    ("See City of New York v. Mickalis Pawn Shop, LLC, 645 F.3d 114, 125 (2d Cir. 2011).",
     [("645 F.3d 114", "City of New York v. Mickalis Pawn Shop, LLC")]),
    ("Aqua Products, Inc. v. Smartpool, Inc., No. 04 Civ. 5492, 2005 WL 1994013, at *3 "
     "(S.D.N.Y. Aug. 18, 2005).",
     [("2005 WL 1994013", "Aqua Products, Inc. v. Smartpool, Inc.")]),
    ("Houston v. Unum Life Ins. Co., 246 Fed. Appx. 293, 299 (6th Cir. 2007).",
     [("246 F. App'x 293", "Houston v. Unum Life Ins. Co.")]),
    ("Smith v. Jones, 246 F. App’x 293 (6th Cir. 2007).",
     [("246 F. App'x 293", "Smith v. Jones")]),
    ("People v. Doe, 93 NY2d 343 (1999).", [("93 N.Y.2d 343", "People v. Doe")]),
    # a cite broken across lines
    ("See, e.g., Metcalfe v. Renaissance Marine, Inc., 566\nF.3d 324, 337 (3d Cir. 2009).",
     [("566 F.3d 324", "Metcalfe v. Renaissance Marine, Inc.")]),
    # parallel cite (S. Ct. after U.S.) is not listed
    ("Roe v. Wade, 410 U.S. 113, 93 S. Ct. 705, 35 L. Ed. 2d 147 (1973).",
     [("410 U.S. 113", "Roe v. Wade")]),
    # short form and Id. fold into the full cite; statutes are left out
    ("Foo v. Bar, 1 F.3d 2, 3 (2d Cir. 1999). Id. at 4. See 1 F.3d at 5. "
     "15 U.S.C. § 1114(1).",
     [("1 F.3d 2", "Foo v. Bar")]),
    # subsequent history: separate entry without a name
    ("Nigh v. Koons Buick Pontiac GMC, Inc., 319 F.3d 119, 123 (4th Cir. 2003), rev'd on "
     "other grounds, 543 U.S. 50 (2004).",
     [("319 F.3d 119", "Nigh v. Koons Buick Pontiac GMC, Inc."), ("543 U.S. 50", None)]),
    # incomplete cite (no page) is left out
    ("S. Bay United Pentecostal Church v. Newsom, ___ U.S. ___, 140 S. Ct. 1613 (2020).",
     [("140 S. Ct. 1613", "S. Bay United Pentecostal Church v. Newsom")]),
    ("In re EMC Corp., 677 F.3d 1351, 1354 (Fed. Cir. 2012).",
     [("677 F.3d 1351", "In re EMC Corp.")]),
    # the same decision cited twice is one entry
    ("A v. B, 5 F.4th 6 (7th Cir. 2021). Later: A v. B, 5 F.4th 6, 9 (7th Cir. 2021).",
     [("5 F.4th 6", "A v. B")]),
    ("Nothing to cite here, only 28 U.S.C. § 1331 and Fed. R. Civ. P. 65.", []),
    ("", []),
]


@pytest.mark.parametrize("text,expected", ROWS)
def test_find_citations(text, expected):
    got = find_citations(text)
    assert [(c.cite, c.name) for c in got] == expected
    for c in got:
        for start, end in c.spans:
            assert text[start:end].strip() and re.search(r"\d|Id\.", text[start:end])


def test_folded_spans():
    text = "Foo v. Bar, 1 F.3d 2, 3 (2d Cir. 1999). Id. at 4. See 1 F.3d at 5."
    (c,) = find_citations(text)
    assert [text[a:b] for a, b in c.spans] == ["1 F.3d 2", "Id. at 4", "1 F.3d at 5"]


def test_own_reporter_cite_in_head_is_not_a_citation():
    text = ("592 F. Supp. 2d 752\n\nUNITED STATES DISTRICT COURT\n"
            "This case follows Kanter v. Barella, 489 F.3d 170 (3d Cir. 2007).")
    assert [c.cite for c in find_citations(text)] == ["489 F.3d 170"]


@pytest.mark.parametrize("text,windows", [
    ("no cites at all in this text " * 50, 0),
    ("x " * 1000 + "Foo v. Bar, 1 F.3d 2 (1999)." + " y" * 1000, 1),
    ("Page 3 of 20. Document 12 Filed 04/17/23 Suite 1700 Chicago, Illinois 60601", 0),
    ("2005 WL 1994013", 1),
    ("93 NY2d 343", 1),
    ("See Id. at 5", 1),
])
def test_candidate_windows(text, windows):
    assert len(candidate_windows(text)) == windows


@pytest.mark.parametrize("text", [
    "1 " + "A" * 5000 + " 2",
    "1 " + "a." * 5000,
    "-" * 20000 + " F.3d " + "_" * 20000,
    "1 F.3d " * 3000,
    "§" * 5000,
    ("x" * 100 + "\n") * 500 + "Foo v. Bar, 1 F.3d 2.",
])
def test_crafted_inputs_finish(text):
    assert find_citations(text) == find_citations_whole(text)


def _texts(*dirs):
    for d in dirs:
        for p in sorted(d.iterdir()):
            if p.name.endswith(".gold.json") or p.suffix not in {".txt", ".html"}:
                continue
            yield p


def test_prefilter_matches_whole_text(seeds_dir, dev_dir):
    """The pre-filtered path gives exactly what eyecite on the whole text gives."""
    n = 0
    for p in _texts(seeds_dir, dev_dir):
        text = p.read_text(encoding="utf-8", errors="replace")
        assert find_citations(text) == find_citations_whole(text), p.name
        n += 1
    assert n >= 40


def test_gold_citations_found(seeds_dir, dev_dir):
    import json

    missing, extra = [], []
    for d in (seeds_dir, dev_dir):
        for g in sorted(d.glob("*.gold.json")):
            gold = json.loads(g.read_text())
            text = (d / gold["doc"]).read_text(encoding="utf-8", errors="replace")
            want = {c["cite"].replace(" ", "").lower() for c in gold["citations"]}
            got = {c.cite.replace(" ", "").lower() for c in find_citations(text)}
            missing += [(g.name, c) for c in want - got]
            extra += [(g.name, c) for c in got - want]
    assert not missing and not extra, (missing, extra)
