"""Patterns tried only near their anchors find what rx.finditer / rx.sub find: the caption
mask's noise patterns on every fixture text and on made-up texts built from the pieces
they match (with the characters IGNORECASE folds to ASCII letters)."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from docketgraph.ingest.fields import captions, scan

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path("/work/shared/corpus/dev")

PIECES = [
    "Case No. 1:23-cv-04567", "CIVIL ACTION NO. 5", "Civil  Action\nNumber: 7", "c.a. no 9", "docket no.12",
    "cause number 3", "No.  : 4", "NO 5", "nO. 6", "Number", "no.", "1:23-cv-xxxxx", "23-CV-XX",
    "Judge Ann Roe", "Magistrate Judge Bo Poe\nLee", "District  Judge: Hon. Al Bee", "(Judge Ann Roe)",
    "MAGISTRATE JUDGE ANN ROE", "CHIEF JUDGE A. B. ROE", "JUDGE:  ANN ROE", "Honorable Jane Q. Doe",
    "Hon. The Individuals", "HON. ANN ROE", "the Hon Ann", "REDACTED BY COURT ORDER", "Filed Under Seal",
    "D.C. Docket No. 4", "d. c. No", "----", " - ", "X", "]  right", " ] x", " ) ", ":", " § ", "|", "\ue001",
    "OPINION", "ORDER  ", "Opinion", "Document 12 Filed 01/02/2023 Page 1 of 3 PageID #: 45",
    "document #:3 filed: 1/2/23", "case:   ", "CASE:", "IN THE UNITED STATES DISTRICT COURT FOR THE",
    "UNITED  STATES BANKRUPTCY COURT", "FOR THE NORTHERN DISTRICT OF ILLINOIS EASTERN DIVISION",
    "DISTRICT OF NEW  JERSEY", "SOUTHERN\nDISTRICT OF NEW YORK", "WESTERN DIVISION", "AB DIVISION",
    "CIVIL 12", "civil  3", "***", "*", "**x", "x*", "----X", "\u0130", "\u0131", "\u017f", "\u212a", "ca\u017fe no 4",
    "\u212aase", "é", "“", " ", "  ", "\n", "\t", "a", "Z", "1", "2023", ".", ",", "(", ")", "-", "no", "non",
]


def _texts() -> list[str]:
    out = []
    for folder in (FIXTURES / "filings", FIXTURES / "heldout", SHARED):
        if folder.is_dir():
            out += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))]
    rnd = random.Random(13)
    for _ in range(1500):
        out.append("".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 30))))
    return out


TEXTS = _texts()


def _sub_all(text: str) -> str:
    for rx in captions._NOISE:
        text = rx.sub(lambda m: " " * len(m.group(0)), text)
    return text


def test_blank_all_is_sub_in_turn():
    for t in TEXTS:
        assert scan.blank_all(t, captions._NOISE_BLANKERS) == _sub_all(t), t[:200]


@pytest.mark.parametrize("i", sorted(captions._NOISE_ANCHORS))
def test_each_noise_pattern_near_its_anchor(i):
    b = captions._NOISE_BLANKERS[i]
    for t in TEXTS:
        if b.lower and scan.folds_to_ascii(t):
            continue  # scanned by finditer itself
        from docketgraph.ingest.fields import chars
        hay = chars.ascii_lower(t) if b.lower else t
        got = [m.span() for m in scan.matches_near(b.rx, t, b.anchor, b.back, hay)]
        assert got == [m.span() for m in b.rx.finditer(t)], t[:200]


def test_look_behind_and_empty_matches():
    rx = re.compile(r"(?<=\s)x+|(?<![a-z])y")
    for t in ("x xx axx y ay  y", " x", "xy", ""):
        got = [m.span() for m in scan.matches_near(rx, t, re.compile(r"[xy]"), 0)]
        assert got == [m.span() for m in rx.finditer(t)]


BODY_PIECES = [
    "Defendants are: Acme Ltd. (“Acme”); Beta LLC; and Gamma Inc.", "The seven replying defendants include - X (a); Y.",
    "Plaintiffs named here-Ann Roe and Bo Poe (hereinafter", "Defendants Guangzhou Deyi Co., Ltd. d/b/a D Yi; Wan Hua; ",
    "The Plaintiff, EZSHOOT LLC, moves", "the defendants, Acme Corp,", "PLAINTIFF", "BY DEFENDANTS", "Plaintiffs-Appellants",
    "Plaintiff/Cross-Defendant Ann Roe", "Third-Party Defendant Bo Poe", "third party service providers Amazon",
    "Appellee Acme, Inc.", "Intervenor Roe", "Petitioner Ann Lee", "Respondent Bo Poe", "Third-Party Complaint against X, Y and DOES 1-10",
    "cross-complaint, asserting claims against Acme Co", "Defendant Nos. 1 (Sunny Shop), 6 (Blue Loop), and 9 (Livi)",
    'Defendants "coinsboy," "Retro Shop," and "UnikMart"', "the Defendant “Electrician Pal”", "luckyshop88, pro se.",
    "Ann Roe, appearing pro se.", "two Defendants -- Blue Resales (No. 70) and Orbit Lamp (Def. No. 156)",
    "defendant", "plaintiffs", "Defendants", "Complaint", "complaint against", "and", ", ", " ", "\n", "the ", "The ",
    "A", "Roe", "LLC", ";", ".", "\u212a", "\u017f", "é", "“", "(", ")", "1",
]


def _body_texts() -> list[str]:
    rnd = random.Random(31)
    return TEXTS[:200] + ["".join(rnd.choice(BODY_PIECES) for _ in range(rnd.randint(1, 25))) for _ in range(1500)]


@pytest.mark.parametrize("name", sorted(n for n in vars(captions) if n.endswith("_NEAR")))
def test_body_patterns_near_their_role_words(name):
    near = getattr(captions, name)
    for t in _body_texts():
        assert [m.span() for m in near.matches(t)] == [m.span() for m in near.rx.finditer(t)], t[:200]


COUNSEL_PIECES = [
    "Owen B. Castellano, counsel for Plaintiff", "Ann\nB. Roe, Esq., local counsel for the Defendants", "Walter H. Brandt, Esq., of the law firm Kessler Brandt Yi LLP",
    "Jo Lee of the law\n   firm of Poe & Roe, P.C.", "Plaintiffs are represented by the law firm of Acme Legal LLP", "Defendant was represented by counsel from Roe Law",
    "Plaintiff's counsel Epstein Drengel", "Defendants’ counsel, Greer, Burns & Crain, Ltd.", "Greer, Burns & Crain, Ltd. is counsel for Plaintiff",
    "Poe & Roe, LLP, attorneys of record for Defendants", "Acme Co as counsel for the Petitioner", "attorney for Respondent", "counsel", "attorneys",
    "Jr.", ", Sr.", "Inès", "Ordoñez", "É.", "counsel for Acme Holdings Group", "\n", " ", "  ", "\t", ",", ".", "A", "Roe", "&", "for", "the",
]


def _counsel_texts() -> list[str]:
    rnd = random.Random(7)
    return TEXTS[:200] + ["".join(rnd.choice(COUNSEL_PIECES) + rnd.choice(["", " ", "\n", "\t"])
                                  for _ in range(rnd.randint(1, 25))) for _ in range(1500)]


@pytest.mark.parametrize("name", ["_REPRESENTED_BY_FIRM_NEAR", "_BODY_COUNSEL_NEAR", "_PROSE_COUNSEL_NEAR", "_LAW_FIRM_OF_NEAR"])
def test_counsel_patterns_near_their_words(name):
    from docketgraph.ingest.fields.counsel import body

    near = getattr(body, name)
    n = 0
    for t in _counsel_texts():
        want = [(m.span(), m.groups()) for m in near.rx.finditer(t)]
        assert [(m.span(), m.groups()) for m in near.matches(t)] == want, t[:200]
        n += len(want)
    assert n > 20


@pytest.mark.parametrize("pattern, width", [("abc", 4), (r"a\b", 4), ("a{2,5}", 6), ("(?=abcd)a", 5), ("a+", None),
                                            (r"(?<=xy)a[bc]", 3)])
def test_reach(pattern, width):
    assert scan.reach(re.compile(pattern)) == width


def test_bounded_search_and_first_characters():
    rx = re.compile(r"(?<![a-z])[A-Z][a-z]{0,5}[ \t]{1,2}(?:Roe|Poe)\b")
    rnd = random.Random(5)
    pieces = ["Ann", "Bo", "Roe", "Poe", "Roey", "ann", " ", "\t", "  ", "x", "\n", "Annabelle"]
    for _ in range(3000):
        t = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 30)))
        want = [m.span() for m in rx.finditer(t)]
        anchor = re.compile(r"[RP]oe")
        assert [m.span() for m in scan.matches_near(rx, t, anchor, 9, ahead=scan.reach(rx))] == want, t
        assert [m.span() for m in scan.matches_near(rx, t, anchor, 9, first=re.compile("[A-Z]"))] == want, t


DATE_PIECES = [
    "Decided: March 3, 2021", "Decided and Filed: 03/04/2021", "DATED: Jan. 9, 2024", "Dated this 17th day of April 2023",
    "Dated: Chicago, Illinois March 1, 2024", "Decision Date: 2023-01-02", "(Filed 01/18/23)", "filed on 5 May 2022",
    "Date Filed: 1/2/2020", "(Signed by Judge Ann Roe on 3/5/2025)", "SIGNED on July 4, 2020", "this 3rd day of February, 2025",
    "** Date: 4/5/2021", "立案日期: 2021-01-02", "Entered: 12/11/2019", "date", "dated", "filed", "signed", "this", "\u212a",
    "\u017figned", "İ", "é", "\n", " ", "  ", ":", "(", "2021", "March", "1,", "Ann Roe",
]


def test_labelled_dates_near_their_words():
    from docketgraph.ingest.fields import kind_date

    rnd = random.Random(11)
    texts = TEXTS[:200] + ["".join(rnd.choice(DATE_PIECES) + rnd.choice(["", " ", "\n"])
                                   for _ in range(rnd.randint(1, 20))) for _ in range(1500)]
    n = 0
    for t in texts:
        for near in kind_date._LABELLED_NEAR:
            want = near.rx.search(t)
            got = near.search(t)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), t[:200]
            n += want is not None
    assert n > 100


def test_schedule_words_and_argued_the_cause():
    from docketgraph.graph import keys
    from docketgraph.ingest.fields.counsel import statements

    pieces = ["Schedule A", "SCHEDULE “A”", "schedule  'a'", "Schedule Ab", "seller aliases", "Online Stores", "online\nmerchants",
              "INTERNET STORES", "merchant storefronts", "\u017fchedule A", "sellerschedule a", "Scheduled", "onlineseller aliases",
              "internetinternet stores", "schedule", "ONLINE", "merchant", "\u00c9", "\u00e9Online stores",
              "\u2018Schedule A\u2019", "SELLER \u00c5LIASES", "\u212aelvin", "\u00df", "onl\u0131ne stores", "\u0130nternet stores", "é",
              ", argued the cause for appellant", " argued\nthe cause for", ",attorneys for", ", attorney for Roe", "argued",
              "Ann Roe", ",", " ", "\n", "\t", "a", "s"]
    rnd = random.Random(17)
    texts = TEXTS[:200] + ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 15))) for _ in range(2000)]
    hits = argued = 0
    for t in texts:
        want = bool(keys._SCHEDULE_WORDS.search(t))
        assert keys._has_schedule_words(t) == want, t[:200]
        hits += want
        got = [(m.span(), m.groups()) for m in statements._ARGUED_FOR_NEAR.matches(t)]
        exp = [(m.span(), m.groups()) for m in statements._ARGUED_FOR_RE.finditer(t)]
        assert got == exp, t[:200]
        argued += len(exp)
    assert hits > 100 and argued > 100


def test_courthouse_skips_only_heads_without_its_first_word():
    from docketgraph.ingest.fields import courts

    def reference(text):
        head = text[:courts.HEAD]
        if not re.search(r"(?i)\b(?:district|magistrate|bankruptcy)\s{1,4}judge\b", head):
            return None
        best = None
        for rx, court in courts._courthouses():
            m = rx.search(head)
            if m and (best is None or m.start() < best.span[0]):
                best = courts.CourtHit(court, m.span(), "own", "district")
        return best

    rnd = random.Random(23)
    words = [w for rx, _c, w in courts._courthouse_words() if w][:40] + [
        "Foley Square", "FOLEY  SQUARE", "500 Pearl Street", "219 South Dearborn Street", "District Judge", "Magistrate Judge",
        "\u212a", "\u017f", "İ", "é", " ", "\n", "Hon. Ann Roe", "United States"]
    texts = TEXTS[:300] + ["".join(rnd.choice(words) + " " for _ in range(rnd.randint(1, 20))) for _ in range(1500)]
    found = 0
    for t in texts:
        assert courts.courthouse(t) == reference(t), t[:200]
        found += courts.courthouse(t) is not None
    assert found > 50


DOCKET_PIECES = [
    "1:23-cv-04567", "No. 1:21-cv-02975-ABC", "Case No. 23 C 3490", "20-cv-1234", "2020-CV-01234", "No.23cv1820", "Number 5:19 cr 00123",
    "08-6301-cv", "23-123456-CIV", "1:22-123-cr-JD", "CV-00-13002-DDP", "cr-21-4567", "MDL 15-02641-PHX-DGC", "MDL No. 2741",
    "09-1225", "2009-1361", "22-3817", "12-34-56", "2021-01-02", "$23-456", "5.23-45", "a23-456", "Civ. 23\n 12  cv 45", "21 Civ. 4567",
    "c\u0131v", "\u0130", "\u212a", "é", "No", "Number", "-", ":", " ", "\n", "\t", ".", "/", "1", "23", "2020", "cv", "CR", "misc", "sw",
]


@pytest.mark.parametrize("name", ["_DISTRICT_NEAR", "_TYPE_AFTER_NEAR", "_TYPE_FIRST_NEAR", "_MDL_NEAR", "_APPELLATE_NEAR"])
def test_docket_numbers_near_their_marks(name):
    from docketgraph.ingest.fields import dockets

    near = getattr(dockets, name)
    rnd = random.Random(29)
    texts = [dockets.undash(t) for t in TEXTS[:300]] + [
        "".join(rnd.choice(DOCKET_PIECES) + rnd.choice(["", " ", "\n", "-"]) for _ in range(rnd.randint(1, 20)))
        for _ in range(2000)]
    n = 0
    for t in texts:
        want = [(m.span(), m.groups()) for m in near.rx.finditer(t)]
        assert [(m.span(), m.groups()) for m in near.matches(t)] == want, t[:200]
        n += len(want)
    assert n > 20
