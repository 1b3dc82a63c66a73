"""Case-law citations through eyecite.

``find_citations(text)`` lists the decisions a filing cites: one entry per decision,
its first full citation in normal reporter form ("645 F.3d 114", "2005 WL 1994013",
"246 F. App'x 293", "93 N.Y.2d 343"), the case name as written before it, and the spans
of every citation of that decision (later full cites, short forms "645 F.3d at 120" and
"Id." folded in). Statutes, rules and journals are not case law and are left out, as are
incomplete cites (no page), parallel cites (an "S. Ct." cite right after a "U.S." cite)
and the document's own reporter cite in its first lines or running heads.

Before eyecite reads it, the text is prepared (``_Prepared``): whitespace runs become one
space or one newline, so a cite broken across lines reads as one, and long runs of
``-``/``_`` (signature lines, rules), on which eyecite's placeholder regex is quadratic, are
shortened; offsets map back to the original text.

eyecite tokenises the whole text with thousands of reporter regexes and walks courts-db
for every parenthetical, which makes it the slowest step of extraction (about 0.1-0.3
MB/s). Three things make the citation step about ten times faster with the same results:

- a pre-filter (``candidate_windows``) finds the passages that can hold a citation token
  (a volume, a reporter-like abbreviation and a page; the strings of the reporter regexes
  of other shapes near a number; "Id."; "supra"; "§"; a "___ F.3d ___" blank), widens each
  with the context eyecite's backward and forward searches read, and eyecite runs on
  those passages only;
- inside a passage a tokenizer runs each reporter regex only near its strings
  (``_passage_tokenizer``);
- eyecite's court lookup is replaced, while our calls run, by one that gives the same
  answers without normalising every court's name on every call, and its search for
  "Name 123" reference pin cites after each full citation skips compiling its regex
  when no name in the rest of the passage is followed by a pin cite
  (``_reference_shortcut``).

``find_citations_whole`` runs eyecite on the whole prepared text and is kept as the
reference: the test suite checks that both give the same results on real filings and that
the pre-filter covers every example cite in reporters-db; ``bench/bench_citations.py``
measures the speed.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from docketgraph.graph.model import CitationMention
from docketgraph.ingest.fields import chars, compiled
from docketgraph.ingest.fields.chars import nonspace_offsets
from docketgraph.ingest.fields.scan import holds_all, required_strings

log = logging.getLogger(__name__)

__all__ = ["find_citations", "find_citations_whole", "candidate_windows"]

# Context kept around each pre-filter hit (in the prepared text, where every whitespace
# run is one space or newline). Backwards, eyecite scans at most 28 tokens for a case name
# (a word and a space are a token each) and matches a one-word antecedent plus a pin
# cite against the end of the text before the cite: 32 separators (over 60 tokens, 16
# words) hold both. Forwards, it matches a pin cite, year and parenthetical against at
# most 300 characters.
_BEFORE_CHARS = 100
_BEFORE_SEPARATORS = 32
_AFTER_CHARS = 330
# Runs of rule characters longer than this are shortened to it inside passages.
_RULE_KEEP = 8

_SEP = " \n"


# A volume, a reporter-like chunk (starting with a letter, at most 48 characters, no
# digit) and a page (digits or a blank "___"). The chunk is accepted when it holds a
# period (nearly every reporter) or starts with a word that begins some reporter name
# written without periods ("WL", "NY2d", "Cranch"): see _accept. The volume is written
# "[0-9](?<![0-9][0-9])[0-9]{0,6}", the same matches as "(?<![0-9])[0-9]{1,7}" (the
# look-behind, taken after the first digit, sees the character before it): a pattern
# opening with a character class lets the engine skip to the digits, one opening with a
# look-behind is tried at every position (twice the time).
_VOLUME_RE = re.compile(
    r"[0-9](?<![0-9][0-9])[0-9]{0,6}[ \t\r\n,\-]{1,4}(?P<rep>[^\W\d_][^\d§]{0,48}?)"
    r"(?:[ \t\r\n]{0,3}[0-9_]|(?<=[ \t\r\n])[clxvi]{1,8}(?![A-Za-z0-9]))"
)
# Tokens eyecite turns into citations or antecedents without a volume number: "Id.",
# "ibid." (found by "id."), "supra", "§" (see _word_hits) and blanks ("___ F.3d ___").
_WORDS_RE = re.compile(r"(?i:id\.|supra)|\u00a7")
_BLANK_RE = re.compile(
    r"[_\u2014\u2013-]\s[A-Za-z][A-Za-z0-9.\s]{0,16}?\s[_\u2014\u2013-]"
)
_WORD_RE = re.compile(r"[^\s,\-]{1,40}")

# Normal form of reporter spellings eyecite keeps as printed.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_SIGNAL_RE = re.compile(
    r"^(?:(?:see|see also|see, e\.g\.|see generally|cf\.|compare|accord|but see|but cf\.|"
    r"e\.g\.|quoting|citing|and|with|also)[,;]?\s+)+",
    re.I,
)
_NAME_TAIL_RE = re.compile(
    r"(?:,\s?(?:\d{1,5}|_{1,8})\s[^,\d]{1,30}?\s(?:\d{1,7}|_{1,8})(?:,\s?\d{1,7}(?:-\d{1,7})?)?)+,?\s*$|"
    r"(?:,\s*(?:No|Nos|Case No|Civ\. No|Civil Action No|Docket No)\.?\s[^,]{1,60})+,?\s*$"
    r"|[,;\s]+$",
    re.I,
)
_WS_RE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _reporter_first_words() -> frozenset[str]:
    """First words (lower case) of every reporter, law and journal name eyecite knows
    (kept on disk for the installed reporters-db: ``compiled.remembered_data``)."""
    words = compiled.remembered_data("reporter-first-words", ("reporters_db",), _build_first_words)
    return words if isinstance(words, frozenset) else _build_first_words()


def _build_first_words() -> frozenset[str]:
    from reporters_db import JOURNALS, LAWS, REPORTERS

    names: set[str] = set()
    for table in (REPORTERS, LAWS, JOURNALS):
        for key, records in table.items():
            names.add(key)
            for rec in records:
                names.update(rec.get("variations", {}) or {})
                names.update((rec.get("editions") or {}).keys())
    words = set()
    for name in names:
        word = _WORD_RE.match(name.strip())
        if word:
            words.add(word.group(0).strip("()[]'\u2019.,").lower())
    words.discard("")
    return frozenset(words)


def _accept(text: str, m: re.Match) -> bool:
    chunk = m.group("rep")
    if "." in chunk:
        return True
    word = _WORD_RE.match(text, m.start("rep"))
    if not word:
        return False
    return word.group(0).strip("()[]'\u2019.,").lower() in _reporter_first_words()


# The shape of most reporter regexes ("1 F.3d 2"), which _VOLUME_RE finds.
_STANDARD_PREFIX = r"(?:^|[^a-zA-Z0-9])((?P<volume>[1-9]\d*) (?P<reporter>"


@lru_cache(maxsize=1)
def _reporter_automaton():
    """Aho-Corasick over pieces of the strings of the citation extractors of other shapes.

    About 800 of eyecite's reporter, law and journal regexes do not start with a plain
    volume number (neutral cites "2021 IL App (1st) 123456", "2021COA112", nominative
    reporters without volumes "Bee 196", looseleaf "Bankr. L. Rep. (CCH) ¶ 67,488",
    volumes such as "71A"). Every match of such a regex holds one of its extractor's
    strings (eyecite's own tokenizer relies on it to skip extractors), written with any
    whitespace at its spaces and after its periods, and a number close to it. So every
    match holds the longest piece of the string that whitespace cannot split; the
    automaton finds those pieces, each with the reach of its longest string and the
    whitespace-free strings to look for around it.

    The pieces are derived from eyecite's extractors once and kept on disk for the
    installed eyecite and reporters-db (``compiled.remembered_data``), so the pre-filter
    runs without importing eyecite: a filing that cites nothing never loads it.
    """
    import ahocorasick

    rows = compiled.remembered_data("reporter-pieces", ("eyecite", "reporters_db"), _reporter_pieces)
    if not isinstance(rows, list):
        rows = _reporter_pieces()
    autos = []
    for lower in (False, True):
        keys = [(key, r, strings) for key, low, r, strings in rows if low == lower]
        if keys:
            auto = ahocorasick.Automaton()
            for key, r, strings in keys:
                auto.add_word(key, (len(key), r, tuple(strings)))
            auto.make_automaton()
            autos.append((auto, lower))
    return autos


def _reporter_pieces() -> list[tuple[str, bool, int, tuple[str, ...]]]:
    """(piece, ignore case, reach, whitespace-free strings) for ``_reporter_automaton``,
    in a fixed order."""
    from eyecite.tokenizers import EXTRACTORS

    reach: dict[tuple[str, bool], int] = {}
    full: dict[tuple[str, bool], set[str]] = {}
    for e in EXTRACTORS:
        if (e.strings and "exact_editions" in e.extra
                and not e.regex.startswith(_STANDARD_PREFIX)):
            lower = bool(e.flags & re.I)
            for string in e.strings:
                pieces = [p for p in _PIECE_SPLIT_RE.split(string) if p]
                if not pieces:
                    continue
                piece = max(pieces, key=len)
                key = (piece.translate(_ASCII_LOWER) if lower else piece, lower)
                reach[key] = max(reach.get(key, 0), len(string))
                stripped = _WS_RE.sub("", string)
                full.setdefault(key, set()).add(
                    stripped.translate(_ASCII_LOWER) if lower else stripped)
    return [(key, lower, r, tuple(sorted(full[(key, lower)]))) for (key, lower), r in reach.items()]


_PIECE_SPLIT_RE = re.compile(r"\s+|(?<=\.)")
_NUMBER_REACH = 24  # characters from the end of a reporter string to its number
_DIGIT_RE = re.compile(r"[0-9_]")
_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})


def _reporter_hits(text: str) -> Iterable[tuple[int, int]]:
    n = len(text)
    for auto, lower in _reporter_automaton():
        hay = chars.ascii_lower(text) if lower else text
        for end, (length, reach, strings) in auto.iter(hay):
            start = end + 1 - length
            # whitespace or a period bounds a piece, never a letter
            if (start > 0 and text[start].isalpha() and text[start - 1].isalpha()) or (
                    end + 1 < n and text[end].isalpha() and text[end + 1].isalpha()):
                continue
            lo = max(0, start - reach - 8)
            hi = min(n, end + 1 + reach + _NUMBER_REACH)
            if not _DIGIT_RE.search(text, lo, hi):
                continue
            near = _WS_RE.sub("", hay[lo:hi])
            if any(string in near for string in strings):
                yield lo, hi


def _hits(text: str) -> Iterable[tuple[int, int]]:
    for m in _VOLUME_RE.finditer(text):
        if _accept(text, m):
            yield m.start(), m.end()
    yield from _reporter_hits(text)
    for m in _BLANK_RE.finditer(text):
        yield m.start(), m.end()
    yield from _word_hits(text)


def _word_hits(text: str) -> Iterable[tuple[int, int]]:
    """"Id.", "ibid.", "supra" (any case) and "§", found with plain string searches."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer
        for m in _WORDS_RE.finditer(text):
            yield m.start(), m.end()
        return
    for needle in ("id.", "supra", "\u00a7"):
        i = lowered.find(needle)
        while i >= 0:
            yield i, i + len(needle)
            i = lowered.find(needle, i + 1)


_SEP_RE = re.compile("[ \n]")
_SEP_LOOK = 16 * _BEFORE_SEPARATORS  # characters looked back at first for the separators


def _window_start(text: str, pos: int) -> int:
    """A token boundary at least _BEFORE_CHARS and _BEFORE_SEPARATORS before pos: the
    start of the word holding the earlier of ``pos - _BEFORE_CHARS`` and the
    _BEFORE_SEPARATORS-th separator before ``pos`` (``_window_start_stepwise`` walks there
    a character at a time)."""
    if pos <= 0:
        return pos
    lo = max(0, pos - max(_SEP_LOOK, _BEFORE_CHARS))
    seps = [m.start() for m in _SEP_RE.finditer(text, lo, pos)]
    if len(seps) >= _BEFORE_SEPARATORS:
        i = min(pos - _BEFORE_CHARS, seps[-_BEFORE_SEPARATORS])
    elif lo == 0:
        return 0  # fewer separators than that in the whole text before pos
    else:
        return _window_start_stepwise(text, pos)
    if i <= 0:
        return 0
    # back to just after a separator, so the passage starts on a word
    space = text.rfind(" ", 0, i)
    return max(space, text.rfind("\n", space + 1, i)) + 1


def _window_start_stepwise(text: str, pos: int) -> int:
    """``_window_start``, a character at a time."""
    limit = pos - _BEFORE_CHARS
    i = pos
    seps = 0
    while i > 0 and (i > limit or seps < _BEFORE_SEPARATORS):
        i -= 1
        if text[i] in _SEP:
            seps += 1
    # move back to just after a separator, so the passage starts on a word
    while i > 0 and text[i - 1] not in _SEP:
        i -= 1
    return i


def _window_end(text: str, pos: int) -> int:
    n = len(text)
    j = min(n, pos + _AFTER_CHARS)
    while j < n and text[j] not in _SEP:
        j += 1
    return j


def candidate_windows(text: str) -> list[tuple[int, int]]:
    """The passages of ``text`` that can hold a citation, merged and in order."""
    hits = sorted(_hits(text))
    windows: list[tuple[int, int]] = []
    for start, end in hits:
        if windows and start < windows[-1][1]:
            # still inside the previous passage: extend it
            windows[-1] = (windows[-1][0], max(windows[-1][1], _window_end(text, end)))
            continue
        ws = _window_start(text, start)
        we = _window_end(text, end)
        if windows and ws <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], we))
        else:
            windows.append((ws, we))
    return windows


# Whitespace runs holding a line break, runs of two spaces or more, rules and runs of
# section signs: "[ \t\r\f\v]*\n\s*|[ \t\r\f\v]{2,}|[_\u2014\u2013-]{9,}|[\u00a7\u00b6]{4,}"
# (``_PREP_PLAIN``), written to open with the class of every match's first character and
# to pick the branch by that character (a look-behind at it): the engine skips to those
# characters instead of trying the branches at every position; the same matches.
_PREP_PLAIN = rf"[ \t\r\f\v]*\n\s*|[ \t\r\f\v]{{2,}}|[_\u2014\u2013-]{{{_RULE_KEEP + 1},}}|[\u00a7\u00b6]{{4,}}"
_PREP_RE = re.compile(
    r"[ \t\r\f\v\n_\u2014\u2013\u00a7\u00b6-]"
    r"(?:(?<=[ \t\r\f\v])(?:[ \t\r\f\v]*\n\s*|[ \t\r\f\v]+)|(?<=\n)\s*"
    rf"|(?<=[_\u2014\u2013-])[_\u2014\u2013-]{{{_RULE_KEEP},}}|(?<=[\u00a7\u00b6])[\u00a7\u00b6]{{3,}})"
)
_SECTION_KEEP = 3  # runs of section/paragraph signs are shortened too: eyecite is quadratic on them
# A lone newline, tab or form feed becomes a space in place (same length, no segment).
_ONE_SPACE = chars.Replacer(dict(zip("\t\r\f\v\n", "     ")))


class _Prepared:
    """The text eyecite reads, and the way back to offsets in the original.

    Whitespace runs become one space (one newline when they hold a blank line), so a cite
    broken across lines ("566\nF.3d 324") reads as one and eyecite's token-counted search
    for case names sees words, not indentation; runs of rule characters are shortened to
    _RULE_KEEP. Segments of the prepared text map to offsets of the original.
    """

    __slots__ = ("text", "new_starts", "old_starts")

    def __init__(self, original: str):
        out: list[str] = []
        self.new_starts = [0]
        self.old_starts = [0]
        pos = 0
        length = 0
        new_starts = self.new_starts
        old_starts = self.old_starts
        flat = _ONE_SPACE(original)  # same length: its slices are the original's, translated
        for m in _PREP_RE.finditer(original):
            start, end = m.span()
            if end - start == 1:
                continue  # a lone newline: translated below
            run = original[start:end]
            if run[0] in "_\u2014\u2013-":
                repl = run[:_RULE_KEEP]
            elif run[0] in "\u00a7\u00b6":
                repl = run[:_SECTION_KEEP]
            elif run.count("\n") >= 2:
                repl = "\n"
            else:
                repl = " "
            out.append(flat[pos:start])
            length += start - pos
            new_starts.append(length)
            old_starts.append(start)
            out.append(repl)
            length += len(repl)
            new_starts.append(length)
            old_starts.append(end)
            pos = end
        out.append(flat[pos:])
        self.text = "".join(out)

    def original(self, i: int) -> int:
        k = bisect_right(self.new_starts, i) - 1
        return self.old_starts[k] + (i - self.new_starts[k])


@dataclass(frozen=True)
class _Cite:
    """What find_citations needs from one eyecite citation, in full-text offsets."""

    kind: str  # full, short, id, supra, other
    span: tuple[int, int]
    full_start: int
    volume: str | None = None
    reporter: str | None = None  # normal form
    page: str | None = None
    plaintiff: str | None = None
    defendant: str | None = None
    year: int | None = None
    court: str | None = None
    printed: str | None = None  # the normal form when it is not "volume reporter page"


def _convert(cites: list, offset_map) -> list[_Cite]:
    from eyecite.models import (
        FullCaseCitation, IdCitation, ReferenceCitation, ShortCaseCitation, SupraCitation,
    )

    out = []
    for c in cites:
        if isinstance(c, ReferenceCitation):
            continue  # found by a whole-document name search: not a position-bound token
        s, e = c.span()
        fs = c.full_span()[0]
        span = (offset_map(s), offset_map(e))
        full_start = offset_map(fs)
        if isinstance(c, (FullCaseCitation, ShortCaseCitation)):
            groups = c.groups
            reporter = c.corrected_reporter() if groups.get("reporter") else None
            meta = c.metadata
            out.append(_Cite(
                "full" if isinstance(c, FullCaseCitation) else "short",
                span, full_start,
                volume=groups.get("volume"),
                reporter=reporter.translate(_APOSTROPHES) if reporter else None,
                page=groups.get("page"),
                plaintiff=getattr(meta, "plaintiff", None),
                defendant=getattr(meta, "defendant", None),
                year=c.year,
                court=meta.court,
                printed=_printed_form(c, groups),
            ))
        elif isinstance(c, IdCitation):
            out.append(_Cite("id", span, full_start))
        elif isinstance(c, SupraCitation):
            out.append(_Cite("supra", span, full_start))
        else:
            out.append(_Cite("other", span, full_start))
    return out


def _eyecite(text: str, tokenizer=None) -> list:
    """eyecite's citations in ``text``; a passage eyecite cannot read gives none.

    eyecite is a third-party parser fed with text from the web: an exception inside it
    costs the citations of that passage, logged, not the document's whole extraction.
    """
    from eyecite import get_citations

    if not text.strip():
        return []
    try:
        if tokenizer is None:
            return get_citations(text)
        return get_citations(text, tokenizer=tokenizer)
    except Exception as exc:  # noqa: BLE001 - keep the rest of the document
        log.warning("eyecite failed on a passage of %d characters: %r", len(text), exc)
        return []


# Reporter extractors run only near an occurrence of one of their reporter strings:
# a match holds the string, with the volume (and a separator) at most this far before it
# and the page, pin cite or section at most this far after it.
_NEAR_BEFORE = 60
_NEAR_AFTER = 80


@lru_cache(maxsize=1)
def _passage_tokenizer():
    """An eyecite tokenizer for passages that runs each reporter regex near its strings.

    eyecite's ``AhocorasickTokenizer`` picks the extractors whose reporter strings occur
    anywhere in the text and runs each over the whole text. This one, built from the same
    extractors, runs a reporter extractor only over the stretches around the occurrences
    of its strings (every match of a reporter regex contains one of its strings), and the
    few extractors without strings or of other kinds ("Id.", "supra", "§", newlines,
    stop words) over the whole passage. Extractors run in eyecite's list order, so equal
    tokens merge in a fixed order.
    """
    import ahocorasick
    from eyecite.tokenizers import EXTRACTORS, Tokenizer, _strip_ws

    extractors = list(EXTRACTORS)
    is_cite = [bool(e.strings) and "exact_editions" in e.extra for e in extractors]
    always = frozenset(i for i, e in enumerate(extractors) if not e.strings)
    # for the extractors run over the whole passage, strings one of which every match holds
    needs = {i: required_strings(e.regex, e.flags) for i, e in enumerate(extractors)
             if i in always or not is_cite[i]}

    def automaton(items):
        grouped: dict[str, list[int]] = {}
        for key, i in items:
            grouped.setdefault(key, []).append(i)
        auto = ahocorasick.Automaton()
        for key, idx in grouped.items():
            auto.add_word(key, (len(key), tuple(idx)))
        auto.make_automaton()
        return auto

    sensitive = automaton(
        (_strip_ws(s), i) for i, e in enumerate(extractors)
        if e.strings and not e.flags & re.I for s in e.strings
    )
    insensitive = automaton(
        (_strip_ws(s).lower(), i) for i, e in enumerate(extractors)
        if e.strings and e.flags & re.I for s in e.strings
    )

    class PassageTokenizer(Tokenizer):
        def extract_tokens(self, text):
            stripped = _strip_ws(text)
            # the offset in ``text`` of each character of ``stripped``
            to_text = nonspace_offsets(text)

            whole = set(always)
            near: dict[int, list[tuple[int, int]]] = {}
            lowered = stripped.lower()
            passes = [(sensitive, stripped)]
            if len(lowered) == len(stripped):
                passes.append((insensitive, lowered))
            else:  # offsets of the lower-cased text would not line up: scan whole
                for _, (_, idx) in insensitive.iter(lowered):
                    whole.update(idx)
            for auto, hay in passes:
                for end, (length, idx) in auto.iter(hay):
                    a = to_text[end - length + 1]
                    b = to_text[end] + 1
                    for i in idx:
                        if is_cite[i]:
                            near.setdefault(i, []).append((a, b))
                        else:
                            whole.add(i)
            n = len(text)
            merged: dict[tuple[tuple[int, int], ...], list[tuple[int, int]]] = {}
            for i in sorted(whole | near.keys()):
                e = extractors[i]
                if i in whole and not holds_all(text, needs.get(i, ())):
                    continue  # a string every match of the extractor holds is not there
                regex = _regex_of(e)
                if i in whole or not is_cite[i]:
                    for m in e.get_matches(text):
                        yield e.get_token(m)
                    continue
                # extractors sharing their strings share their stretches: merged once
                key = tuple(near[i])
                ranges = merged.get(key)
                if ranges is None:
                    ranges = merged[key] = _merge_ranges(text, near[i], n)
                for lo, hi in ranges:
                    for m in regex.finditer(text, lo, hi):
                        yield e.get_token(m)

    return PassageTokenizer(extractors=extractors)


def _regex_of(extractor) -> re.Pattern:
    """An extractor's compiled regex (eyecite compiles it on first use and keeps it on the
    extractor), compiled here with the engine program kept on disk
    (``compiled.lazy_programs``): a process meeting a reporter for the first time skips
    most of the compile."""
    rx = getattr(extractor, "_compiled_regex", None)
    if rx is None:
        rx = compiled.lazy_programs("eyecite").compile(extractor.regex, extractor.flags)
        extractor._compiled_regex = rx
    return rx


def _merge_ranges(text: str, spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """Occurrence spans widened by the reach of a reporter regex, cut at whitespace."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        lo = max(0, a - _NEAR_BEFORE)
        while lo > 0 and not text[lo].isspace():
            lo -= 1
        hi = min(n, b + _NEAR_AFTER)
        while hi < n and not text[hi].isspace():
            hi += 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _cites_whole(text: str) -> list[_Cite]:
    prep = _Prepared(text)
    return _convert(_eyecite(prep.text), prep.original)


@lru_cache(maxsize=1)
def _court_lookup_cached():
    """eyecite's court lookup and a faster function with the same results."""
    from eyecite import helpers

    original = helpers.get_court_by_paren
    rx = helpers.re  # the regex module eyecite normalises with
    table = [(rx.sub(r"[^\w]", "", court["citation_string"]).lower(), court["id"])
             for court in helpers.courts]

    @lru_cache(maxsize=4096)
    def get_court_by_paren(paren_string: str) -> str | None:
        court_str = rx.sub(r"[^\w]", "", paren_string).lower()
        court_code = None
        if court_str:
            for s, court_id in table:
                if s == court_str:
                    return str(court_id)
                if s.startswith(court_str):
                    court_code = court_id
        return court_code

    return original, get_court_by_paren


def _reference_shortcut(original):
    """eyecite's ``extract_pincited_reference_citations`` without its compiles when they
    cannot find anything.

    For every full citation eyecite builds and compiles a new verbose regex from the
    citation's party names and searches the rest of the text for name-and-pin-cite
    references ("Smith 123"): a quarter to a third of extraction time, even though
    ``_convert`` drops the ReferenceCitations found. Their presence in eyecite's list
    still matters (``filter_citations`` and the parallel-cite check read it), so they
    are not switched off. That regex (``reference_pin_cite_re``) is ``\b``, one of the
    names, then a fixed tail (whitespace and a pin cite). Each name is passed through
    ``re.escape``, which escapes every character the verbose syntax would skip or read as
    a comment, and no flag ignores case: a match holds one of the names exactly as
    written, followed by a match of the tail. So when no occurrence of a name in the
    text after the citation is followed by a match of the tail (compiled once, with the
    same flags), the original would compile its regex and find nothing; this returns the
    same empty list without compiling. Otherwise the original runs unchanged.
    """
    from eyecite.models import ReferenceCitation
    from eyecite.regexes import reference_pin_cite_re
    from eyecite.utils import is_valid_name

    fields = tuple(ReferenceCitation.name_fields)
    marker = "NAME"
    full = reference_pin_cite_re([marker])
    head = r"\b(?:" + marker + ")"
    # the tail after the names; without it (another eyecite layout) names alone decide
    tail = re.compile(full[len(head):], re.VERBOSE).match if full.startswith(head) else None

    def extract_pincited_reference_citations(citation, plain_text):
        end = citation.span()[-1]
        metadata = citation.metadata
        remaining = None
        for key in fields:
            value = getattr(metadata, key, None)
            if not (value and is_valid_name(value)):
                continue
            if tail is None:
                if plain_text.find(value, end) != -1:
                    return original(citation, plain_text)
                continue
            if remaining is None:
                remaining = plain_text[end:]
            at = remaining.find(value)
            while at != -1:
                if tail(remaining, at + len(value)):
                    return original(citation, plain_text)
                at = remaining.find(value, at + 1)
        return []

    return extract_pincited_reference_citations


@lru_cache(maxsize=1)
def _reference_lookup_cached():
    from eyecite import find

    original = find.extract_pincited_reference_citations
    return original, _reference_shortcut(original)


class _CompiledOnce:
    """The ``regex`` module as eyecite's helpers call it (``regex.match(pattern, text)``,
    ``sub``, ``search``, ``split``), with each pattern and flags compiled once and kept.

    ``regex``'s module functions look the pattern up in the module's cache on every call
    (a Python function building a key from the pattern, its flags, named lists, the
    default version and the locale): about 20,000 calls a few hundred filings, on a
    handful of fixed patterns. Here the compiled pattern is kept by pattern, flags and
    ``regex.DEFAULT_VERSION``, and its method is called with the same arguments the module
    function passes it. A call with any other argument, a pattern that is not a string,
    a locale-dependent flag, or past 512 kept patterns goes to the module function
    itself. Everything else (flags, ``Pattern``, ``escape``) is the module's."""

    def __init__(self, module) -> None:
        self._module = module
        self._patterns: dict[tuple[str, int, int], object] = {}

    def __getattr__(self, name: str):
        return getattr(self._module, name)

    def _compiled(self, pattern, flags: int):
        if type(pattern) is not str or flags & self._module.LOCALE:
            return None
        key = (pattern, flags, self._module.DEFAULT_VERSION)
        found = self._patterns.get(key)
        if found is None:
            if len(self._patterns) >= 512:
                return None
            found = self._patterns[key] = self._module.compile(pattern, flags)
        return found

    def match(self, pattern, string, flags=0, **kw):
        rx = None if kw else self._compiled(pattern, flags)
        return self._module.match(pattern, string, flags, **kw) if rx is None else rx.match(string)

    def search(self, pattern, string, flags=0, **kw):
        rx = None if kw else self._compiled(pattern, flags)
        return self._module.search(pattern, string, flags, **kw) if rx is None else rx.search(string)

    def sub(self, pattern, repl, string, count=0, flags=0, **kw):
        rx = None if kw else self._compiled(pattern, flags)
        if rx is None:
            return self._module.sub(pattern, repl, string, count, flags, **kw)
        return rx.sub(repl, string, count)

    def split(self, pattern, string, maxsplit=0, flags=0, **kw):
        rx = None if kw else self._compiled(pattern, flags)
        if rx is None:
            return self._module.split(pattern, string, maxsplit, flags, **kw)
        return rx.split(string, maxsplit)


@lru_cache(maxsize=1)
def _helpers_regex_cached():
    """eyecite's helpers' ``regex`` module and the stand-in that compiles once."""
    from eyecite import helpers

    return helpers.re, _CompiledOnce(helpers.re)


@contextmanager
def _eyecite_shortcuts():
    """Use a faster court lookup and reference search while our calls run.

    ``eyecite.helpers.get_court_by_paren`` maps a parenthetical ("3d Cir.") to a court id
    by walking the whole courts-db list and normalising each court's citation string with
    a regex substitution on every call: about 14 ms per citation, most of eyecite's time
    on a citation-dense opinion. The replacement walks the same list in the same order
    with the strings normalised once, and remembers answers, so no result changes.
    ``eyecite.find.extract_pincited_reference_citations`` is replaced by
    ``_reference_shortcut``, which skips its regex compile when no party name followed
    by a pin cite occurs later in the text (same results), and the helpers' ``regex``
    module by ``_CompiledOnce`` (same patterns, compiled once). The originals are restored
    afterwards.
    """
    from eyecite import find, helpers

    original, fast = _court_lookup_cached()
    original_ref, fast_ref = _reference_lookup_cached()
    original_rx, fast_rx = _helpers_regex_cached()
    helpers.get_court_by_paren = fast
    find.extract_pincited_reference_citations = fast_ref
    helpers.re = fast_rx
    try:
        yield
    finally:
        helpers.get_court_by_paren = original
        find.extract_pincited_reference_citations = original_ref
        helpers.re = original_rx


def _cites_prefiltered(text: str) -> list[_Cite]:
    prep = _Prepared(text)
    out: list[_Cite] = []
    windows = candidate_windows(prep.text)
    if not windows:  # nothing that can be a citation: eyecite is not needed (nor loaded)
        return out
    with _eyecite_shortcuts():
        for ws, we in windows:
            out.extend(_convert(_eyecite(prep.text[ws:we], _passage_tokenizer()),
                                lambda i, b=ws: prep.original(b + i)))
    compiled.lazy_programs("eyecite").save()
    return out


def find_citations(text: str) -> list[CitationMention]:
    """The decisions ``text`` cites, one entry each, in order of first citation."""
    return _mentions(text, _cites_prefiltered(text))


def find_citations_whole(text: str) -> list[CitationMention]:
    """Same as ``find_citations``, running eyecite on the whole text (the reference)."""
    return _mentions(text, _cites_whole(text))


# --- from eyecite's citations to mentions ------------------------------------------------

_SHORT_PARALLEL_GAP_RE = re.compile(
    r"[ \t]*(?:[0-9*]{1,7}(?:[ \t\r\n]*[-\u2013][ \t\r\n]*[0-9]{1,7})?)?"
    r"(?:[ \t\r\n]+nn?\.[ \t]?\d{1,4}(?:[-\u2013]\d{1,4})?)?,[ \t\r\n]*")
# Between a cite and its parallel: a comma, perhaps a pin cite ("at 167", "159\u2013\n160") and
# a footnote ("n. 14", "nn. 3-4").
_PARALLEL_GAP_RE = re.compile(
    r"(?:[ \t\r\n]+nn?\.[ \t]?\d{1,4}(?:[-\u2013]\d{1,4})?)?,[ \t\r\n]*"
    r"(?:(?:at[ \t\r\n]+)?[0-9*]{1,7}(?:[ \t\r\n]*[-\u2013][ \t\r\n]*[0-9]{1,7})?"
    r"(?:[ \t\r\n]+nn?\.[ \t]?\d{1,4}(?:[-\u2013]\d{1,4})?)?,[ \t\r\n]*)?")
_HEAD_CHARS = 400  # a document's own cite sits in its first lines or a running head


def _printed_form(c, groups: dict) -> str | None:
    """A cite whose normal form is not "volume reporter page", kept in its own order:
    public-domain cites joined by hyphens ("2017-Ohio-8571", "2019-NMSC-001") and the
    reporter-first forms ("T.C. Memo. 1988-440")."""
    volume = groups.get("volume")
    if not volume or not groups.get("reporter") or not groups.get("page"):
        return None
    text = " ".join(c.corrected_citation().split()).translate(_APOSTROPHES)
    if text.startswith(volume + " "):
        return None
    return text


def _cite_key(c: _Cite) -> str:
    return f"{c.volume} {c.reporter} {c.page}"


def _complete(c: _Cite) -> bool:
    return bool(c.volume and c.reporter and c.page and c.page.isdigit())


_CITE_AS_RE = re.compile(r"[ \t]*(?:Cite as:?[ \t]*)?\Z", re.I)
#: the document's own cite, labelled on its line: "Slip Opinion No. 2020-Ohio-1047",
#: "[Cite as Roe v. Poe, 2011-Ohio-2909.]", "Citation Numbers: 2011 Ohio 2909"
_OWN_LABEL_RE = re.compile(
    r"(?:\bSlip[ \t]+Opinion[ \t]+No\.?[ \t]*|^[ \t\[]*Cite[ \t]+as:?[ \t][^\n]{0,120}?|"
    r"^[ \t]*Citations?(?:[ \t]+Numbers?)?:[ \t]*)\Z", re.I | re.M)
_HEAD_TAIL_RE = re.compile(r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*\Z")


def _alone_on_line(text: str, span: tuple[int, int]) -> bool:
    """The cite is a line of its own ("592 F.3d 123", "Cite as: 592 F.3d 123 (3d Cir.)")."""
    line_start = text.rfind("\n", 0, span[0]) + 1
    line_end = text.find("\n", span[1])
    if line_end < 0:
        line_end = len(text)
    return (_CITE_AS_RE.fullmatch(text, line_start, span[0]) is not None
            and _HEAD_TAIL_RE.fullmatch(text, span[1], line_end) is not None)


def _own_cites(text: str, cites: list[_Cite]) -> set[tuple[int, int]]:
    """Spans of the reporter cites that label the document itself.

    A cite on a line of its own in the first lines of the document, or on a line of its
    own more than once (a running head on every page), names the document, not a
    decision it cites.
    """
    alone: dict[str, list[tuple[int, int]]] = {}
    for c in cites:
        if c.kind == "full" and _complete(c) and _alone_on_line(text, c.span):
            alone.setdefault(_cite_key(c), []).append(c.span)
    own: set[tuple[int, int]] = {
        c.span for c in cites
        if c.kind == "full" and _OWN_LABEL_RE.search(text[text.rfind("\n", 0, c.span[0]) + 1:c.span[0]])
    }
    for spans in alone.values():
        if len(spans) >= 2 or spans[0][0] < _HEAD_CHARS:
            own.update(spans)
    return own


_CONNECTORS = frozenset(
    "of the and & ex rel. rel ex. de del la le von van for on in to at an a et al. d/b/a a/k/a "
    "f/k/a y e".split()
)
_SUFFIXES = re.compile(
    r"^(?:Inc|Co|Corp|Ltd|LLC|L\.L\.C|LLP|L\.L\.P|LP|L\.P|P\.C|PLLC|N\.A|S\.A|AG|GmbH|Ltda|"
    r"P\.A|S\.p\.A|B\.V|N\.V|PLC|Jr|Sr|II|III)\.?,?$"
)
_SIGNAL_WORDS = frozenset(
    "see also cf. cf compare accord but e.g. e.g., quoting citing and with id. id., ibid. "
    "in".split()
)
_HYPHEN_BREAK_RE = re.compile(r"(\w)-\n[ \t]*(?=[a-z])")
_NUMBER_RE = re.compile(r"^[\d.,*]+$")
_NAME_PAREN_RE = re.compile(r"\(([A-Z][A-Za-z.]{0,11})\)(?= [A-Z])")
_NAME_START_RE = re.compile(r"(?:In re|Ex parte|Matter of|In the Matter of)\s", re.I)


def _plaintiff_start(words: list[str]) -> int:
    """Index of the first word of a party name that ends at the end of ``words``."""
    i = len(words)
    while i > 0:
        w = words[i - 1]
        if not w:
            break
        bare = w.rstrip(",")
        if bare.lower() in _CONNECTORS:
            i -= 1
            continue
        mixed = w[0].islower() and any(ch.isupper() for ch in w[1:])  # "eBay", "uBID"
        if not (w[0].isupper() or w[0].isdigit() or mixed or w[0] in "'\u2018\"\u201c(\x01"):
            break
        if w.endswith(",") and i < len(words) and not _SUFFIXES.match(words[i]):
            break
        if w.endswith((":", ";", ")")) and i < len(words):
            break
        if bare.lower() in _SIGNAL_WORDS and not (bare == "In" and i < len(words)
                                                  and words[i] == "re"):
            break
        if _NUMBER_RE.match(w) or (w.endswith(".") and len(w) > 8 and w[1:-1].islower()):
            break
        i -= 1
    # drop connectors and sentence words left at the front ("In Santor v. ...", "See")
    while i < len(words) and (words[i] in _CONNECTORS or words[i].lower() in _SIGNAL_WORDS):
        if words[i] == "In" and i + 1 < len(words) and words[i + 1] == "re":
            break
        i += 1
    return i


def _case_name(text: str, c: _Cite) -> str | None:
    """The case name as written just before the cite ("X v. Y", "In re X"), if any."""
    lo = max(0, c.span[0] - 300)
    seg = _WS_RE.sub(" ", _HYPHEN_BREAK_RE.sub(r"\1", text[lo:c.span[0]]))
    seg = _NAME_TAIL_RE.sub("", seg)
    # short parentheticals inside a party's name ("Tiffany (NJ) Inc.") are not cut points
    seg = _NAME_PAREN_RE.sub(lambda m: "\x01" + m.group(1) + "\x02", seg)
    cut = max(seg.rfind(ch) for ch in ";()\u201c\u201d[]")
    seg = seg[cut + 1:]
    vs = [m for m in re.finditer(r" v\.? ", seg)]
    name_start = None
    if vs:
        v = vs[-1]
        left = seg[:v.start()]
        right = seg[v.end():]
        if not right or "; " in right or len(right) > 150:
            return None
        words = left.split(" ")
        k = _plaintiff_start(words)
        plaintiff = " ".join(words[k:]).strip()
        if not plaintiff:
            return None
        m = None
        for m in _NAME_START_RE.finditer(plaintiff):
            pass
        if m is not None and m.start() > 0:
            plaintiff = plaintiff[m.start():]
        name = f"{plaintiff} v. {right.strip()}"
        return name.replace("\x01", "(").replace("\x02", ")")
    for m in _NAME_START_RE.finditer(seg):
        name_start = m.start()
    if name_start is not None:
        name = seg[name_start:].strip().replace("\x01", "(").replace("\x02", ")")
        if 0 < len(name) < 150 and "; " not in name:
            return name
    return None


def _party(name: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "", (name or "").lower())


def _last_word(name: str | None) -> str:
    words = (name or "").split()
    return _party(words[-1]) if words else ""


def _typo_of(c: _Cite, first: dict[str, _Cite]) -> str | None:
    """An earlier decision this cite repeats with one number misprinted, if any.

    Same reporter, same defendant, and the same volume or the same page.
    """
    defendant = _party(c.defendant)
    if len(defendant) < 3:
        return None
    for key, f in first.items():
        if (f.reporter == c.reporter and _party(f.defendant) == defendant
                and _last_word(f.plaintiff) == _last_word(c.plaintiff)
                and (f.volume == c.volume) != (f.page == c.page)):
            return key
    return None


def _mentions(text: str, cites: list[_Cite]) -> list[CitationMention]:
    own = _own_cites(text, cites)
    order: list[str] = []
    first: dict[str, _Cite] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    last_key: str | None = None  # the decision an "Id." refers to
    prev: _Cite | None = None
    by_volume: dict[tuple[str | None, str | None], str] = {}
    for c in cites:
        if c.kind == "full" and not _complete(c):
            last_key = None
        elif c.kind == "full":
            key = _cite_key(c)
            parallel = (
                prev is not None and last_key is not None and (
                    (prev.kind == "full" and _PARALLEL_GAP_RE.fullmatch(text, prev.span[1], c.span[0]) is not None)
                    # a short cite's span ends before its pin: "Will, 491 U.S. at 71 n. 10, 109 S. Ct. 2304"
                    or (prev.kind == "short"
                        and _SHORT_PARALLEL_GAP_RE.fullmatch(text, prev.span[1], c.span[0]) is not None))
            )
            typo = _typo_of(c, first) if key not in first else None
            if typo is not None:
                # a repeat of an earlier cite with a misprinted volume or page
                spans[typo].append(c.span)
                last_key = typo
            elif parallel and key not in first:
                # a parallel cite of the previous decision: its spans join that entry
                spans[last_key].append(c.span)
                by_volume[(c.volume, c.reporter)] = last_key
            elif c.span in own and key not in first:
                last_key = None
            else:
                if key not in first:
                    first[key] = c
                    order.append(key)
                    spans[key] = []
                spans[key].append(c.span)
                last_key = key
                by_volume[(c.volume, c.reporter)] = key
        elif c.kind == "short":
            key = by_volume.get((c.volume, c.reporter))
            if key:
                spans[key].append(c.span)
            last_key = key
        elif c.kind == "id":
            if last_key:
                spans[last_key].append(c.span)
        elif c.kind == "supra":
            pass  # keeps the current antecedent
        else:
            last_key = None
        prev = c
    return [
        CitationMention(
            cite=first[key].printed or key,
            name=_case_name(text, first[key]),
            spans=tuple(spans[key]),
            court=first[key].court,
            year=first[key].year,
        )
        for key in order
    ]
