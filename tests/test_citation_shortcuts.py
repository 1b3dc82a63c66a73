"""The citation step's faster pieces give what their straightforward forms give.

- ``chars.nonspace_offsets``: the offset of each character of the text with its whitespace
  removed, against a walk over ``re.finditer(r"\\S", text)``;
- ``scan.required_strings`` / ``holds_all``: a text that holds no string of one of the sets
  has no match of the pattern (checked by ``finditer`` on made-up and real texts), and the
  sets read from patterns shaped like eyecite's;
- ``citations._window_start`` against ``_window_start_stepwise`` (a character at a time);
- the passage tokenizer with its skips against eyecite's own tokenizer on made-up
  passages holding the strings the skips look for.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from docketgraph.ingest.fields import chars, citations, scan

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path("/work/shared/corpus/dev")

ODD = ["", " ", "a", "\n\n", "a b", " a ", "a\u00a0b", "a\u2003b\u3000c", "x\x1cy\x1dz\x1e\x1f",
       "\u0085next line", "a\u2028b\u2029c", "tab\tvt\vff\fcr\r", "É école\u00a0Ⅻ", "\u180e mongolian",
       "\u200b zero width", "\ufeff bom", "\ud800 lone surrogate", "Roe v.\nDoe, 1\nF.3d 2"]


def _real_texts(limit: int = 40) -> list[str]:
    out = []
    for folder in (FIXTURES / "filings", SHARED):
        if folder.is_dir():
            out += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))[:limit]]
    return out


def _nonspace_walk(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\S", text)]


@pytest.mark.parametrize("text", ODD)
def test_nonspace_offsets_table(text):
    assert chars.nonspace_offsets(text) == _nonspace_walk(text)


def test_nonspace_offsets_every_character_and_real_texts():
    every = "".join(chr(c) for c in range(0x3100) if not 0xD800 <= c < 0xE000)
    assert chars.nonspace_offsets(every) == _nonspace_walk(every)
    ascii_all = "".join(chr(c) for c in range(128)) * 3
    assert chars.nonspace_offsets(ascii_all) == _nonspace_walk(ascii_all)
    for t in _real_texts():
        got = chars.nonspace_offsets(t)
        assert got == _nonspace_walk(t)
        # the stripped text eyecite's tokenizer searches, read back through the offsets
        assert "".join(t[i] for i in got) == re.sub(r"\s+", "", t)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .§\n\t\r\x0b\x0c\x1c\x1f\u00a0\u2003\u3000é\u0085")), max_size=80))
def test_nonspace_offsets_made_up(text):
    assert chars.nonspace_offsets(text) == _nonspace_walk(text)


@pytest.mark.parametrize("pattern,flags,runs", [
    (r"abc", 0, (("abc",),)),
    (r"(?:^|[^a-zA-Z0-9])((?P<reporter>Cal\. (?P<subject>[A-Z][a-z]*) Code) §§? ?(?P<s>\d+))", 0,
     (("Cal. ",), (" Code §",))),
    (r"S\.?-? ?(?:W|w)\.?,? ?\(?2n?d,?\.?\)?", 0, (("S",), ("2d", "2nd"))),
    (r"(\n)", 0, (("\n",),)),
    (r"(\S*§\S*)", 0, (("§",),)),
    # an alternation: the parser takes out the prefix its branches share
    (r"(?:^|\s)(id\.,?|ibid\.)(?:\s|$)", 0, (("i",),)),
    (r"(?:ab|cd)e", 0, (("e",),)),
    (r"abc", re.I, ()),  # case ignored: not narrowed
    (r"(?i)abc", 0, ()),
    (r"x(?i:abc)y", 0, (("x",), ("y",))),
    (r"(?:ab)+cd", 0, (("ab",), ("cd",))),
    (r"(?:ab)*cd", 0, (("cd",),)),
    (r"a?bc", 0, (("bc",),)),  # an optional character opening a run is left out
    (r"ab(?=cd)ef", 0, (("ab",), ("ef",))),
    (r"a{2}b", 0, (("a",), ("b",))),
    (r"[", 0, ()),  # a pattern the parser refuses
])
def test_required_strings_table(pattern, flags, runs):
    assert scan.required_strings(pattern, flags) == runs


PATTERNS = [r"ab+c", r"x?yz", r"(?:^|[^a-z])(q\.? ?r\.?)s", r"a(?:b|c)d", r"(?P<v>\d+) F\.?2n?d (?P<p>\d+)",
            r"Cal\. [A-Z][a-z]* Code §§? ?\d+", r"(?:ab)+c", r"\bno\.", r"(?<=a)bc", r"a.c", r"zz*y",
            r"(\S*§\S*)", r"(\n)"]
ALPHABET = list("abcdqrsxyzFCal.2nd 1§\n") + ["Cal. ", " Code ", "F.2d", "F2nd", "no."]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PATTERNS), st.lists(st.sampled_from(ALPHABET), max_size=20).map("".join))
def test_no_required_string_no_match(pattern, text):
    runs = scan.required_strings(pattern)
    if not scan.holds_all(text, runs):
        assert re.search(pattern, text) is None


def test_eyecite_whole_passage_extractors_hold_their_strings():
    """On real texts and eyecite's own examples, every match of an extractor run over
    whole passages holds a string of each of its sets."""
    from eyecite.tokenizers import EXTRACTORS

    texts = _real_texts(25) + ["1 S.W.2d 2", "1 S. W. 2nd 3", "5 S.W.2d at 7", "Cal. Penal Code § 12",
                               "N.Y. Gen. Bus. Law § 349", "Tex. Civ. Prac. & Rem. Code Ann. § 1.2"]
    for e in EXTRACTORS:
        if e.strings and "exact_editions" in e.extra:
            continue
        runs = scan.required_strings(e.regex, e.flags)
        rx = re.compile(e.regex, e.flags)
        for t in texts:
            for m in rx.finditer(t):
                assert scan.holds_all(m.group(0), runs), (e.regex[:60], m.group(0))


def _prepared_texts() -> list[str]:
    out = [citations._Prepared(t).text for t in _real_texts()]
    rnd = random.Random(7)
    words = ["a", "bb", "Roe", "v.", "1", "F.3d", " ", "\n", "  ", "Id.", "§", "x" * 30]
    out += ["".join(rnd.choice(words) + rnd.choice(" \n") for _ in range(rnd.randint(0, 200))) for _ in range(200)]
    return out


def test_window_start_is_the_stepwise_walk():
    rnd = random.Random(3)
    for t in _prepared_texts():
        positions = set(range(min(len(t) + 1, 120))) | {len(t)}
        positions |= {rnd.randint(0, len(t)) for _ in range(100)}
        for pos in positions:
            assert citations._window_start(t, pos) == citations._window_start_stepwise(t, pos), pos


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n1.")), max_size=900), st.integers(min_value=0))
def test_window_start_made_up(text, k):
    pos = k % (len(text) + 1)
    assert citations._window_start(text, pos) == citations._window_start_stepwise(text, pos)


@pytest.mark.parametrize("passage", [
    "See 5 S.W.2d 7 (Tex. 1990); 6 S. W. 2nd 8; 9 S.W.2d at 10.",
    "Under Cal. Civ. Code § 1542 and N.Y. Gen. Bus. Law § 349 and Tex. Bus. & Com. Code Ann. § 17.46, so.",
    "Cal. Code 12, N.Y. Law § x, Tex. Code Ann.: no section numbers, 2d and 2nd alone.",
    "Roe v. Doe, 1 F.3d 2 (7th Cir. 1999)\nId. at 3; supra at 4; 15 U.S.C. § 1114.",
    "nothing here at all",
])
def test_passage_tokenizer_matches_eyecite_on_made_up_passages(passage):
    """Against eyecite's plain tokenizer, every extractor in list order (its default one
    runs them in the order of a set, which differs between processes when two extractors
    give the same span and their tokens merge: "N.Y. Gen. Bus. Law § 349")."""
    from eyecite.tokenizers import Tokenizer

    words, _ = citations._passage_tokenizer().tokenize(passage)
    expected, _ = Tokenizer().tokenize(passage)
    assert [repr(w) for w in words] == [repr(w) for w in expected]


# (function, args, kwargs) as eyecite's helpers call the regex module, and a few others
REGEX_CALLS = [
    ("match", (r"\(\d{4}\)", "(1999) x"), {}),
    ("match", (r"\(\d{4}\)", "x (1999)"), {}),
    ("sub", (r"^(of|the|an|and)\s+", "", "the Roe v. Doe"), {}),
    ("sub", (r"^(of|the|an|and)\b", "", "The Roe", ), {"flags": 2}),
    ("sub", (r"^(?i)In\s+", "", "in re Acme"), {}),
    ("sub", (r"a", "b", "aaaa", 2), {}),
    ("search", (r"\b([A-Z][a-zA-Z0-9]*)\b.*", "see Roe v. Doe"), {}),
    ("search", (r"\b\d+\b$", "Roe 12"), {}),
    ("search", (r"x", "abcxdef"), {"pos": 4}),  # an argument the stand-in passes on
    ("split", (r"\s+v\.?\s+", "Roe v. Doe v. Poe"), {"maxsplit": 1}),
    ("split", (r"\s+vs?\.?\s+", "Roe VS. Doe"), {"maxsplit": 1, "flags": 2}),
]


def _result(r):
    if hasattr(r, "span"):
        return (r.span(), r.groups(), r.group(0))
    return r


@pytest.mark.parametrize("name,args,kw", REGEX_CALLS)
def test_compiled_once_is_the_regex_module(name, args, kw):
    import regex

    original, once = citations._helpers_regex_cached()
    assert original is regex
    for _ in range(2):  # compiled, then kept
        assert _result(getattr(once, name)(*args, **kw)) == _result(getattr(regex, name)(*args, **kw))
    assert once.IGNORECASE == regex.IGNORECASE and once.Pattern is regex.Pattern


def _cites_summary(cites: list) -> list:
    out = []
    for c in cites:
        meta = getattr(c, "metadata", None)
        out.append((type(c).__name__, c.span(), c.full_span(), dict(getattr(c, "groups", {}) or {}),
                    sorted((k, str(v)) for k, v in vars(meta).items()) if meta is not None else None))
    return out


def test_get_citations_same_with_the_shortcuts_on_real_passages():
    from eyecite import get_citations, helpers

    done = 0
    for t in _real_texts(30):
        prep = citations._Prepared(t)
        for ws, we in citations.candidate_windows(prep.text)[:6]:
            passage = prep.text[ws:we]
            plain = get_citations(passage, tokenizer=citations._passage_tokenizer())
            with citations._eyecite_shortcuts():
                assert isinstance(helpers.re, citations._CompiledOnce)
                fast = get_citations(passage, tokenizer=citations._passage_tokenizer())
            assert _cites_summary(fast) == _cites_summary(plain)
            done += 1
    assert done > 20
    import regex

    assert helpers.re is regex


STATEMENT_PIECES = ["for", " ", "\n", "\t", ", ", ".", "the ", "THE ", "United States", "UNITED\nSTATES", "of America",
                    "Plaintiff", "plaintiffs", "DEFENDANTS", "Defendant-Appellee", "appellant", "Appellees",
                    "petitioner", "Respondents", "intervenor", "Movant", "amicus curiae", "Amici Curiae",
                    "Acme Corp", "John Roe", "Esq", ";", ":", "theunited", "defendanthe", "\u0130", "\u212a",
                    "Intervenors-Appellants", "PETİTIONER"]


def test_statement_sentence_ends_near_their_words():
    from docketgraph.ingest.fields.counsel import statements

    near = statements._STMT_ROLE_END_NEAR
    texts = _real_texts(60)
    rnd = random.Random(11)
    texts += ["".join(rnd.choice(STATEMENT_PIECES) for _ in range(rnd.randint(1, 40))) for _ in range(2000)]
    n = 0
    for t in texts:
        want = [(m.span(), m.groups()) for m in near.rx.finditer(t)]
        assert [(m.span(), m.groups()) for m in near.matches(t)] == want, t[:200]
        n += len(want)
    assert n > 100


def test_volume_pattern_is_the_look_behind_form():
    """The pre-filter's volume pattern opens with a digit; the same matches as the form
    opening with the look-behind, on real and made-up texts."""
    rx = citations._VOLUME_RE
    head = r"[0-9](?<![0-9][0-9])[0-9]{0,6}"
    assert rx.pattern.startswith(head)
    plain = re.compile(r"(?<![0-9])[0-9]{1,7}" + rx.pattern[len(head):], rx.flags)
    rnd = random.Random(5)
    pieces = ["1", "12", "12345678", " ", "\n", ",", "-", "F.3d", "U.S.", "WL", "x", "§", "_", "ii", "at", "a1"]
    texts = [citations._Prepared(t).text for t in _real_texts()]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(3000)]
    for t in texts:
        assert [(m.span(), m.groups()) for m in rx.finditer(t)] == [(m.span(), m.groups()) for m in plain.finditer(t)]


def test_state_number_shapes_kept_for_the_last_text():
    """``dockets._head_matches`` gives finditer's matches over the head, for the text it
    was given, whether it answers from what it kept or not."""
    from docketgraph.ingest.fields import dockets

    texts = [dockets.undash(t) for t in _real_texts(30)] + ["05-22-00834-CV", "No. 4D21-2227 and 20STCV47489"]
    for t in texts + texts[::-1]:
        for _, rx in dockets._STATE_SHAPES:
            for _ in range(2):
                got = dockets._head_matches(rx, t)
                assert [(m.span(), m.groups()) for m in got] == \
                    [(m.span(), m.groups()) for m in rx.finditer(t, 0, dockets.HEAD)]
                assert all(m.string is t or m.string == t for m in got)


def test_prepared_runs_pattern_is_its_plain_form():
    rx = citations._PREP_RE
    plain = re.compile(citations._PREP_PLAIN)
    rnd = random.Random(9)
    pieces = [" ", "  ", "\t", "\r", "\f", "\v", "\n", "\n\n", " \n ", "\x1c", "\u00a0", "\u2003", "_", "-", "\u2014",
              "\u2013", "-" * 9, "_" * 12, "\u00a7", "\u00b6", "\u00a7" * 4, "a", "F.3d", "1"]
    texts = _real_texts() + ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 40))) for _ in range(3000)]
    for t in texts:
        assert [m.span() for m in rx.finditer(t)] == [m.span() for m in plain.finditer(t)], repr(t[:80])


COUNSEL_PIECES = ["Attorney Appearance for", "ATTORNEY APPEARANCE FOR", "NOTICE of Appearance by", "attorney", "appearance",
                  "on behalf of", "Notice has been electronically mailed to:", "NOTICE HAS BEEN ELECTRONICALLY MAILED TO",
                  "notice has been electronİcally mailed to", "Acme Corp", "Jane Roe", "John Q. Public", " by ",
                  "represented by", "Roe represented by Amy Poe", " ", "\n", "\t", "x", "\u212a", "\u017f", "\u0131"]


def test_counsel_gates_never_skip_a_match():
    """A text the word gates turn away has no match of the pattern they guard."""
    from docketgraph.ingest.fields.counsel import dockets as cd

    rnd = random.Random(17)
    texts = _real_texts(80) + ["".join(rnd.choice(COUNSEL_PIECES) for _ in range(rnd.randint(1, 20)))
                               for _ in range(3000)]
    seen = {"appearance": 0, "nef": 0, "represented": 0}
    for t in texts:
        if not cd._may_hold(t, "appearance"):
            assert cd._APPEARANCE_RE.search(t) is None, t
        else:
            seen["appearance"] += cd._APPEARANCE_RE.search(t) is not None
        if not cd._may_hold(t, "electronically") and not scan.folds_to_ascii(t):
            assert cd._NEF_MAILED_RE.search(t) is None, t
        else:
            seen["nef"] += cd._NEF_MAILED_RE.search(t) is not None
        if "represented" not in t:
            assert cd._REPRESENTED_RE.search(t) is None, t
        else:
            seen["represented"] += cd._REPRESENTED_RE.search(t) is not None
    assert all(v > 10 for v in seen.values()), seen


def test_column_gap_search_is_the_pattern_search():
    from docketgraph.ingest.fields.counsel import blocks

    rnd = random.Random(23)
    pieces = [" ", "  ", "     ", "\t", "a", "/s/ Jane Roe", "x", "\n", "\u00a0"]
    lines = [ln for t in _real_texts(80) for ln in t.split("\n")]
    lines += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 20))) for _ in range(3000)]
    found = 0
    for ln in lines:
        want = blocks._GAP_RE.search(ln)
        got = blocks._gap_search(ln)
        assert (got and (got.span(), got.group(0))) == (want and (want.span(), want.group(0))), repr(ln)
        found += want is not None
    assert found > 50
