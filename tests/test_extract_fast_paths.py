"""Fast forms of extraction patterns give the matches of their plain forms: the state-court
number shapes written to open with a character class (``dockets._shape``), the district
number's anchor (``dockets._DISTRICT_NEAR``), on every fixture and dev text and on made-up
texts built from the pieces the patterns read (digits of other scripts, look-alike letters,
separators at the token edges)."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from docketgraph.ingest.fields import dockets, scan

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path("/work/shared/corpus/dev")


def _real_texts() -> list[str]:
    out = []
    for folder in (FIXTURES / "filings", FIXTURES / "heldout", SHARED):
        if folder.is_dir():
            out += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))]
    return out


REAL = _real_texts()

SHAPE_PIECES = [
    "05-22-00834-CV", "4D21-2227", "20STCV47489", "627 EDA 2019", "1234 C.D. 2018", "A-1234-19", "L-4030-20",
    "81234-5-I", "BER-L-1234-19", "N19C-01-123 ABC", "19-001234-CZ", "21-2-01234-1 SEA", "2021-012345-CA-01",
    "05-1451 CIVIL TERM", "2019-123 Civil", "2019CV123456", "2019 L 012345", "2020 CH 01234", "A19A1234",
    "S20A0123", "SJC-12345", "19-P-1234", "1-19-1234", "A19-1234", "B301234", "CV-2019-01-0123",
    "CACE-21-012345", "CV-21-123456", "DC-20-17584", "CV-662122", "Index No. 123456/2021",
    "1", "12", "123", "2019", "20", "19", "A", "S", "SJC", "CV", "D", "-", "/", "_", " ", "\t", "\n", ".", "x", "é",
    "\u0663\u0664", "\u0130", "\u212a", "\u017f", "I", "II", "III",
]


def _made_up(pieces: list[str], n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) + rnd.choice(["", "", " ", "-", "\n", "/", "a", "1"])
                    for _ in range(rnd.randint(1, 24))) for _ in range(n)]


def _found(rx: re.Pattern[str], text: str, *bounds: int) -> list:
    return [(m.span(), m.groups()) for m in rx.finditer(text, *bounds)]


@pytest.mark.parametrize("rx", list(dockets._PLAIN_SHAPES), ids=lambda rx: dockets._PLAIN_SHAPES[rx][11:40])
def test_state_shapes_open_with_a_class_and_match_as_their_plain_forms(rx):
    plain = re.compile(dockets._PLAIN_SHAPES[rx])
    assert plain.pattern.startswith(dockets._B) and not rx.pattern.startswith("(?<")
    texts = [dockets.undash(t) for t in REAL] + _made_up(SHAPE_PIECES, 4000, 7)
    n = 0
    for t in texts:
        want = _found(plain, t)
        assert _found(rx, t) == want, repr(t[:120])
        assert _found(rx, t, 0, dockets.HEAD) == _found(plain, t, 0, dockets.HEAD)
        assert _found(rx, t, 3, 50) == _found(plain, t, 3, 50)
        n += len(want)
    assert n > 0


def test_every_state_shape_is_written_with_its_plain_form():
    shapes = [rx for rx, _ in dockets._SHAPE_STATE] + [rx for _, rx in dockets._STATE_SHAPES]
    plain = [rx for rx in shapes if rx not in dockets._PLAIN_SHAPES and rx not in scan.PLAIN_FORMS]
    # all but the labelled number ("No. 105074", "Case #: 95081": a state document's only) are written to skip
    assert len(plain) == 1 and "\\bno" in plain[0].pattern
    assert sum(rx in scan.PLAIN_FORMS for rx in shapes) == 1  # "Index No. 123456/2021"


DISTRICT_PIECES = [
    "1:23-cv-04567", "1 : 23 cv 4", "1\t:23-cv-4", "12:23-cv-4", "No.23cv1820", "No1:21-cv-2", "Number 5:19 cr 00123",
    "2020-CV-01234", "2020cv1", "1999 civ 3", "123-cv-4", "12345-cv-6", "23 C 3490", "23.C.3490", "21 Civ.\n 7   10851",
    "\u0661\u0662-cv-\u0663", "\u0661:\u0662\u0663-cv-4", "c\u0131v", "\u017fw", "\u212a", "1", "12", "123", "1234", "2020",
    "cv", "CR", "misc", "sw", "c", "-", ":", " ", "\n", "\t", ".", "/", "1.", "a",
]


def test_district_numbers_tried_at_their_digit_runs_only():
    near = dockets._DISTRICT_NEAR
    texts = [dockets.undash(t) for t in REAL] + _made_up(DISTRICT_PIECES, 6000, 11)
    n = 0
    for t in texts:
        want = _found(near.rx, t)
        assert [(m.span(), m.groups()) for m in near.matches(t)] == want, repr(t[:120])
        n += len(want)
    assert n > 100


WORD_PIECES = [
    "Before", "BEFORE", "B EFORE", "PRESENT", "Present", "Before:", "Beforehand", "v.", "vs", "vs.", "versus", "V.", "VS.",
    "-against-", "-- against --", "--against", "-against", "against", "AGAINST", "Against", "-v-", "-v.-", "-v", "-v:", "v",
    "appeal", "Appealed  from", "appeal from", "on appeal from", "ON\nAPPEAL FROM", "Trial Court", "trial  court",
    "lower court", "Originating Court", "No.", "No. 1:22-cv-1234 \u2014 Ann Roe, District Judge", "No. 22-cv-4 - Al Bo Cy, Judge",
    "Index No. 123456/2021", "INDEX 150181/18", "\u0130ndex # 1234/19", "\u0131ndex 123/20", "reindex 123/20", "index",
    "F OR", "T HE", "C IRCUIT", "P ER C URIAM", "A RGUED", "A B", "AB CD", "X YZ", "xA BC",
    " ", "  ", "\n", "\t", "x", "1", "-", "_", "é", "\u0130", "\u212a", "\u017f", ":", ".", "(", "a", "V", "A", "o",
]


@pytest.mark.parametrize("rx", list(scan.PLAIN_FORMS), ids=lambda rx: scan.PLAIN_FORMS[rx].pattern[:30])
def test_patterns_written_to_skip_match_as_their_plain_forms(rx):
    plain = scan.PLAIN_FORMS[rx]
    texts = REAL + _made_up(WORD_PIECES, 6000, 17)
    n = 0
    for t in texts:
        want = _found(plain, t)
        assert _found(rx, t) == want, repr(t[:120])
        assert _found(rx, t, 0, 4000) == _found(plain, t, 0, 4000)
        assert _found(rx, t, 2, 40) == _found(plain, t, 2, 40)
        if plain.search(t) is not None:
            assert rx.sub("#", t) == plain.sub("#", t)
        n += len(want)
    assert n > 20


def test_every_fast_form_is_registered():
    from docketgraph.ingest.fields import captions, courts, judges, kind_date

    for rx in (judges._PANEL_RE, judges._BYLINE_RE, kind_date._SMALL_CAPS, captions._SMALL_CAPS_WORDS, captions._SEP,
               courts._APPEAL_FROM, dockets._LOWER_LABEL):
        assert rx in scan.PLAIN_FORMS and rx.pattern != scan.PLAIN_FORMS[rx].pattern


def test_caption_mask_blanks_every_docket_number():
    """``captions._mask`` blanks the docket numbers' spans as setting each character did."""
    from docketgraph.ingest.fields import captions

    def reference(text: str) -> str:
        s = text if text.isascii() else captions._DASHES(text)
        s = scan.blank_all(captions._mask_columns(s), captions._NOISE_BLANKERS)
        chars = list(s)
        for h in dockets.find_dockets(text):
            for i in range(*h.span):
                chars[i] = " "
        return "".join(chars)

    made = ["No. 1:23-cv-04567 and 23-cv-04567; Case No. 2:21-cv-1 \u2013 x", "1:22-cv-1 1:22-cv-1", "x"]
    for t in REAL + made:
        assert captions._mask(t) == reference(t)


def test_lower_case_facts_the_schedule_words_rely_on():
    """``keys._has_schedule_words`` reads the words in ``str.lower`` of the text: only "İ"
    lower-cases to more than one character, and only "İ" and the Kelvin sign to an ASCII
    letter (both among the characters a text holding is searched whole)."""
    from docketgraph.graph import keys

    longer = [c for c in range(0x80, 0x110000) if len(chr(c).lower()) != 1]
    to_ascii = [c for c in range(0x80, 0x110000) if any(ch.isascii() and ch.isalpha() for ch in chr(c).lower())]
    assert longer == [0x130]
    assert all(chr(c) in keys._FOLDS_TO_ASCII for c in to_ascii)


TABLE_PIECES = [
    "Def. No.   Defendant / Seller ID              Marketplace     Store URL",
    "DEF #  |  SELLER ALIAS  |  PLATFORM", "No.   Merchant Name     Marketplace", "Store Name      #",
    "--------   -------------------   ---------", "  1    Zhenrui Optical Store          Amazon        zhenrui",
    "  2    BRIGHTLENS-US                  Walmart       brightlens", "| 3 | sunnyday_glasses88 | eBay |",
    "Aliases    Platform ID", "Defendants use aliases.", "the defendant store sells", "\u017feller alias   Marketplace",
    "\u0130ndex", "d\u00e9fendant   platform", "", "   ", "x", "defendantseller   id",
]


def test_defendant_table_read_from_its_header_lines_only():
    from docketgraph.ingest.fields import captions

    rnd = random.Random(23)
    made = ["\n".join(rnd.choice(TABLE_PIECES) for _ in range(rnd.randint(1, 14))) for _ in range(3000)]
    found = 0
    for t in REAL + made:
        want = captions._defendant_table(t)
        assert captions._defendant_table(t, captions._table_header_lines(t)) == want, repr(t[:200])
        found += bool(want)
    assert found > 100


def test_caption_columns_masked_on_the_lines_holding_a_rule():
    """``captions._mask_columns`` changes only the lines holding a rule character (unless the
    caption is ruled with ":"): the same text as masking every line."""
    from docketgraph.ingest.fields import captions

    def every_line(s: str) -> str:
        head_end = min(len(s), captions.HEAD + 2000)
        head = s[:head_end]
        if len(captions._LINE_NUMBER.findall(head)) >= 8:
            head = captions._LINE_NUMBER.sub(lambda m: " " * len(m.group(0)), head)
        head = captions._RULE_LINE.sub(lambda m: " " * len(m.group(0)), head)
        colon_ruled = len(re.findall(r"(?m)^[ \t]*:[ \t]*$", head[:3000])) >= 3
        return "\n".join(captions._mask_line(ln, colon_ruled) for ln in head.split("\n")) + s[head_end:]

    pieces = ["ACME LTD.,", "  )", ")  Case No. 1", " :", ":", "  | Roe | x |", "| a |", "|", "\u00a7", "\u2502 x",
              "Plaintiff,", "v.", "   ]  y", "\\", "> z", "a:b", "x  : y", "", "    ", "1", "2   ANN", "-----", "\t)"]
    rnd = random.Random(31)
    made = ["\n".join(rnd.choice(pieces) + rnd.choice(["", " ", "  ", "\t"]) + rnd.choice(pieces)
                      for _ in range(rnd.randint(1, 30))) for _ in range(3000)]
    for t in REAL + made:
        assert captions._mask_columns(t) == every_line(t), repr(t[:200])
