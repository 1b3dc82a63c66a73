"""Case-law citations through eyecite.

``find_citations(text)`` lists the decisions a filing cites: one entry per decision,
its first full citation in normal reporter form ("645 F.3d 114", "2005 WL 1994013",
"246 F. App'x 293", "93 N.Y.2d 343"), the case name as written before it, and the spans
of every citation of that decision (later full cites, short forms "645 F.3d at 120" and
"Id." folded in). Statutes, rules and journals are not case law and are left out, as are
incomplete cites (no page), parallel cites (an "S. Ct." cite right after a "U.S." cite)
and the document's own reporter cite in its first lines or running heads.

eyecite tokenises the whole text with thousands of reporter regexes, which makes it the
slowest step of extraction (about 0.1-0.3 MB/s). Citations are rare in most filings, so a
cheap pre-filter finds the passages that can hold a citation token (a volume number, a
reporter-like abbreviation and a page; "Id."; "supra"; "§"; a "___ F.3d ___" blank),
widens each with enough context before it for eyecite's backward search for a case name
and enough after it for its forward search for pin cites and parentheticals, and runs
eyecite on those passages only, mapping spans back to the full text. Long runs of
``-``/``_`` (signature lines, rules), on which eyecite's placeholder regex is quadratic, are
shortened inside the passages. ``find_citations_whole`` runs eyecite on the whole text and
is kept as the reference: both give the same results (the test suite checks it on real
filings; ``bench/bench_citations.py`` measures the speed).
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

log = logging.getLogger(__name__)

__all__ = ["find_citations", "find_citations_whole", "candidate_windows"]

# Context kept around each pre-filter hit. eyecite looks back at most 28 tokens (every
# space, newline and word is a token) and 300 characters for a case name or antecedent,
# and forward at most 300 characters for a pin cite, year and parenthetical.
_BEFORE_CHARS = 320
_BEFORE_SEPARATORS = 32
_AFTER_CHARS = 330
# Runs of rule characters longer than this are shortened to it inside passages.
_RULE_KEEP = 8

_SEP = " \n"

# A volume, a reporter-like chunk (starting with a letter, at most 48 characters, no
# digit) and a page (digits or a blank "___"). The chunk is accepted when it holds a
# period (nearly every reporter) or starts with a word that begins some reporter name
# written without periods ("WL", "NY2d", "Cranch"): see _accept.
_VOLUME_RE = re.compile(
    r"(?<![0-9])[0-9]{1,5}[ \t\r\n,\-]{1,4}(?P<rep>[^\W\d_][^\d§]{0,48}?)[ \t\r\n]{0,3}[0-9_]"
)
# Tokens eyecite turns into citations or antecedents without a volume number.
_OTHER_RE = re.compile(
    r"(?i:(?<![\w.])(?:id|ibid)\.|supra)|§"
    r"|[_\u2014\u2013-][ \t\r\n][A-Za-z][A-Za-z0-9. \t\r\n]{0,16}?[ \t\r\n][_\u2014\u2013-]"
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
    """First words (lower case) of every reporter, law and journal name eyecite knows."""
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


def _hits(text: str) -> Iterable[tuple[int, int]]:
    for m in _VOLUME_RE.finditer(text):
        if _accept(text, m):
            yield m.start(), m.end()
    for m in _OTHER_RE.finditer(text):
        yield m.start(), m.end()


def _window_start(text: str, pos: int) -> int:
    """A token boundary at least _BEFORE_CHARS and _BEFORE_SEPARATORS before pos."""
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


_PREP_RE = re.compile(
    r"[ \t\r\f\v]*\n\s*|[ \t\r\f\v]{2,}|[\t\r\f\v]|[_\u2014\u2013-]{%d,}" % (_RULE_KEEP + 1)
)


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
        for m in _PREP_RE.finditer(original):
            run = m.group(0)
            if run[0] in "_\u2014\u2013-":
                repl = run[:_RULE_KEEP]
            elif run.count("\n") >= 2:
                repl = "\n"
            else:
                repl = " "
            out.append(original[pos:m.start()])
            length += m.start() - pos
            self.new_starts.append(length)
            self.old_starts.append(m.start())
            out.append(repl)
            length += len(repl)
            self.new_starts.append(length)
            self.old_starts.append(m.end())
            pos = m.end()
        out.append(original[pos:])
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
            ))
        elif isinstance(c, IdCitation):
            out.append(_Cite("id", span, full_start))
        elif isinstance(c, SupraCitation):
            out.append(_Cite("supra", span, full_start))
        else:
            out.append(_Cite("other", span, full_start))
    return out


def _eyecite(text: str) -> list:
    from eyecite import get_citations

    if not text.strip():
        return []
    return get_citations(text)


def _cites_whole(text: str) -> list[_Cite]:
    prep = _Prepared(text)
    return _convert(_eyecite(prep.text), prep.original)


@lru_cache(maxsize=1)
def _court_lookup_cached():
    from eyecite import helpers

    return helpers.get_court_by_paren, lru_cache(maxsize=4096)(helpers.get_court_by_paren)


@contextmanager
def _cached_court_lookup():
    """Memoise eyecite's court lookup while our calls run.

    ``eyecite.helpers.get_court_by_paren`` maps a parenthetical ("3d Cir.") to a court id
    by walking the whole courts-db list with a regex substitution per court: about 14 ms
    per citation, most of eyecite's time on a citation-dense opinion. It is a pure
    function of its argument, so a cache changes no result. The original is restored
    afterwards.
    """
    from eyecite import helpers

    original, cached = _court_lookup_cached()
    helpers.get_court_by_paren = cached
    try:
        yield
    finally:
        helpers.get_court_by_paren = original


def _cites_prefiltered(text: str) -> list[_Cite]:
    prep = _Prepared(text)
    out: list[_Cite] = []
    with _cached_court_lookup():
        for ws, we in candidate_windows(prep.text):
            out.extend(_convert(_eyecite(prep.text[ws:we]),
                                lambda i, b=ws: prep.original(b + i)))
    return out


def find_citations(text: str) -> list[CitationMention]:
    """The decisions ``text`` cites, one entry each, in order of first citation."""
    return _mentions(text, _cites_prefiltered(text))


def find_citations_whole(text: str) -> list[CitationMention]:
    """Same as ``find_citations``, running eyecite on the whole text (the reference)."""
    return _mentions(text, _cites_whole(text))


# --- from eyecite's citations to mentions ------------------------------------------------

_PARALLEL_GAP_RE = re.compile(r",[ \t\r\n]*(?:(?:at[ \t\r\n]+)?[0-9*]{1,7}(?:[-\u2013][0-9]{1,7})?,[ \t\r\n]*)?")
_HEAD_CHARS = 400  # a document's own cite sits in its first lines or a running head


def _cite_key(c: _Cite) -> str:
    return f"{c.volume} {c.reporter} {c.page}"


def _complete(c: _Cite) -> bool:
    return bool(c.volume and c.reporter and c.page and c.page.isdigit())


def _own_cite(text: str, c: _Cite, seen_before: bool) -> bool:
    """A reporter cite that labels the document itself rather than citing another."""
    if seen_before:
        return False
    line_start = text.rfind("\n", 0, c.span[0]) + 1
    line_end = text.find("\n", c.span[1])
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    alone = line.strip() == text[c.span[0]:c.span[1]].strip()
    if c.span[0] < _HEAD_CHARS and alone:
        return True
    return False


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
        if not (w[0].isupper() or w[0].isdigit() or w[0] in "'\u2018\"\u201c("):
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
        return f"{plaintiff} v. {right.strip()}"
    for m in _NAME_START_RE.finditer(seg):
        name_start = m.start()
    if name_start is not None:
        name = seg[name_start:].strip()
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
                prev is not None and prev.kind == "full" and last_key is not None
                and _PARALLEL_GAP_RE.fullmatch(text, prev.span[1], c.span[0]) is not None
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
            elif _own_cite(text, c, key in first):
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
            cite=key,
            name=_case_name(text, first[key]),
            spans=tuple(spans[key]),
            court=first[key].court,
            year=first[key].year,
        )
        for key in order
    ]
