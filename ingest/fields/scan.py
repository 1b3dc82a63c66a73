"""A pattern's matches found from the occurrences of a word every match holds.

Python's ``re`` tries a pattern at every position of a text; a pattern that opens with an
optional group or an alternation under IGNORECASE gets none of its fast skips and costs
tens of nanoseconds a character (15 ms for "(?i)(?:case|...)?\\s{0,3}(?:no|number)..." over
a 73 KB opinion). When every match of the pattern starts at most ``back`` characters
before an occurrence of an anchor (a literal word, found by a fast literal search, on the
text or on its ASCII lower case), trying the pattern only at those positions, in order,
finds exactly the matches ``finditer`` finds: no match can start anywhere else, and the
first position from which the pattern matches is the leftmost match. ``match`` at a
position sees the whole text, so look-behinds, ``\\b`` and ``^`` read what they read in
``finditer``.

The anchor pattern must find every occurrence of the word (a word that cannot overlap
itself, such as "judge", "no(?:mber)?" or "\\*"). IGNORECASE patterns are anchored on the
ASCII lower case of the text (``chars.ascii_lower``, same offsets); a text holding one of
the non-ASCII characters that IGNORECASE matches to an ASCII letter ("İ", "ı", "ſ" and
the Kelvin sign) is scanned by ``finditer`` itself.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from docketgraph.ingest.fields import chars

# Characters IGNORECASE matches to an ASCII letter (i, i, s, k): the lower-cased text
# would not show them as that letter.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def folds_to_ascii(text: str) -> bool:
    """Whether ``text`` holds a character IGNORECASE matches to an ASCII letter."""
    return not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII)


def reach(rx: re.Pattern) -> int | None:
    """How far past the position it is tried at a pattern can read the text: the end of
    its longest match or of its look-aheads, with two characters more for a ``\\b`` or
    ``$`` (it looks at the end of the text); None when a repetition is unbounded."""
    from re import _constants as c, _parser as parser  # the stdlib's own parse of the pattern

    def span(items) -> tuple[int, int] | None:
        """(longest width, end of what it may read) of a sequence, from its start."""
        w = read = 0
        for op, av in items:
            if op in (c.ASSERT, c.ASSERT_NOT):
                direction, sub = av
                if direction > 0:  # a look-behind reads before this position only
                    r = span(sub)
                    if r is None:
                        return None
                    read = max(read, w + r[1])
                continue
            if op is c.AT:
                read = max(read, w + 2)
                continue
            if op in (c.SUBPATTERN, c.ATOMIC_GROUP):
                r = span(av[-1] if op is c.SUBPATTERN else av)
                if r is None:
                    return None
                read, w = max(read, w + r[1]), w + r[0]
            elif op is c.BRANCH:
                rs = [span(b) for b in av[1]]
                if any(r is None for r in rs):
                    return None
                read = max(read, w + max(r[1] for r in rs))  # type: ignore[index]
                w += max(r[0] for r in rs)  # type: ignore[index]
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                lo, hi, sub = av
                r = span(sub)
                if r is None or hi == c.MAXREPEAT:
                    return None
                read = max(read, w + r[0] * max(hi - 1, 0) + r[1])
                w += r[0] * hi
            elif op in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY):
                w += 1
            else:  # a group reference or anything this does not know
                return None
            read = max(read, w)
        return w, read

    try:
        r = span(parser.parse(rx.pattern, rx.flags).data)
    except Exception:  # noqa: BLE001 - a pattern this cannot read is scanned whole
        return None
    return None if r is None else r[1] + 1


def required_strings(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], ...]:
    """Sets of strings such that every match of ``pattern`` holds one string of each set
    (none known: an empty tuple).

    From the stdlib's parse of the pattern: a run of literal characters matched one after
    the other (through plain groups; an optional character inside a run gives two
    spellings, "2n?d": "2d" or "2nd") is part of every match. Anything else (a class, an
    alternation, a look-around, an anchor, an optional character opening a run) ends a
    run; a repetition of at least one holds the runs of its body. A spelling holding
    another spelling of its set is left out (holding it means holding the shorter). A
    pattern that ignores case gives none. So when a text holds no string of one of the
    sets, the pattern has no match in it (``holds_all``)."""
    from re import _constants as c, _parser as parser  # the stdlib's own parse of the pattern

    try:
        parsed = parser.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - a pattern this cannot read is not narrowed
        return ()
    if parsed.state.flags & re.IGNORECASE:
        return ()
    runs: list[tuple[str, ...]] = []
    cur: set[str] = {""}

    def close() -> None:
        nonlocal cur
        if "" not in cur:
            kept = sorted(v for v in cur if not any(w != v and w in v for w in cur))
            if tuple(kept) not in runs:
                runs.append(tuple(kept))
        cur = {""}

    def walk(items) -> None:
        nonlocal cur
        for op, av in items:
            if op is c.LITERAL:
                cur = {v + chr(av) for v in cur}
            elif op is c.SUBPATTERN and not (av[1] | av[2]) & re.IGNORECASE:
                walk(av[-1])  # a plain group: its characters follow the ones before
            elif (op is c.MAX_REPEAT or op is c.MIN_REPEAT) and av[0] == 0 and av[1] == 1 \
                    and len(av[2]) == 1 and av[2][0][0] is c.LITERAL:
                if "" not in cur and len(cur) <= 8:
                    ch = chr(av[2][0][1])
                    cur = cur | {v + ch for v in cur}
                else:
                    close()
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
                close()
                walk(av[2])  # the first repetition: its runs are in every match
                close()
            else:
                close()

    walk(parsed.data)
    close()
    return tuple(runs)


def holds_all(text: str, runs: tuple[tuple[str, ...], ...]) -> bool:
    """Whether ``text`` holds a string of each set of ``runs`` (``required_strings``)."""
    return all(any(s in text for s in run) for run in runs)


def matches_near(rx: re.Pattern, text: str, anchor: re.Pattern, back: int | Callable[[str, int], int],
                 hay: str | None = None, first: re.Pattern | None = None,
                 ahead: int | None = None, limit: int | None = None) -> list[re.Match]:
    """``list(rx.finditer(text))``, for a pattern each match of which starts at most
    ``back`` characters before the start of a match of ``anchor`` in ``hay`` (``text``
    itself, or a text of the same length such as its ASCII lower case). ``back`` may be a
    function of the text and the anchor's position giving the first position a match
    could start at. The pattern must not match an empty string (``finditer`` would
    return empty matches away from any anchor).

    ``first``, a one-character pattern every match's first character matches, leaves out
    the positions where a match cannot start. ``ahead`` (``reach(rx)``, for a pattern of
    bounded length) lets one ``search`` over the window replace a ``match`` at each of its
    positions: a try at a position of the window reads nothing past ``ahead`` characters
    after the anchor, so a match the search finds starting in the window is the one the
    whole text gives there. ``limit``: stop after that many matches."""
    out: list[re.Match] = []
    pos = 0  # where finditer would search next
    tried = 0  # positions below it were tried or skipped
    for a in anchor.finditer(text if hay is None else hay):
        i = a.start()
        while i >= pos:
            lo = max(pos, tried, i - back if isinstance(back, int) else back(text, i))
            m = None
            if lo <= i:
                if ahead is not None:
                    m = rx.search(text, lo, i + ahead)
                    if m is not None and m.start() > i:
                        m = None  # a try past the window may have missed text beyond its end
                else:
                    starts = range(lo, i + 1) if first is None else (f.start() for f in first.finditer(text, lo, i + 1))
                    for p in starts:
                        m = rx.match(text, p)
                        if m is not None:
                            break
            if m is None:
                tried = max(tried, i + 1)
                break
            out.append(m)
            if limit is not None and len(out) >= limit:
                return out
            pos = m.end()
            tried = m.start() + 1  # the anchor may open another match after this one
    return out


def words_back(text: str, i: int, words: int) -> int:
    """The start of the ``words``-th word before ``i`` (words: runs of characters other
    than space, tab and line break, the one ``i`` falls in counted apart), or the start of
    the line if that is later."""
    j = i
    while j > 0 and text[j - 1] not in " \t\n":
        j -= 1
    for _ in range(words):
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j == 0 or text[j - 1] == "\n":
            return j
        while j > 0 and text[j - 1] not in " \t\n":
            j -= 1
    return j


def word_before(text: str, i: int) -> int:
    """The start of the run of ASCII capitals before at most three whitespace characters
    before ``i``: where "\\b[A-Z]{3,}\\s{1,3}" ending at ``i`` can start at the earliest."""
    j = i
    while j > 0 and i - j < 3 and text[j - 1].isspace():
        j -= 1
    while j > 0 and "A" <= text[j - 1] <= "Z":
        j -= 1
    return j


def blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each of the (ordered, disjoint) spans replaced by as many spaces."""
    parts: list[str] = []
    last = 0
    for s, e in spans:
        parts.append(text[last:s])
        parts.append(" " * (e - s))
        last = e
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


class Near:
    """A pattern found from an anchor (``matches_near``): ``anchor`` is searched in the
    text (``lower=False``) or in its ASCII lower case (``lower=True``: an IGNORECASE
    pattern's word, or the words of a case-sensitive pattern in all their spellings),
    ``back``, ``first`` as in ``matches_near`` (``bounded``: a pattern of bounded length,
    searched over each window, ``ahead=reach(rx)``); ``back=None`` when a match can start anywhere before
    its anchor: the pattern then scans the whole text if the anchor occurs in it at all.
    Without an anchor the pattern scans the whole text. ``matches(text)`` is
    ``list(rx.finditer(text))``."""

    __slots__ = ("rx", "anchor", "back", "lower", "first", "ahead")

    def __init__(self, rx: re.Pattern, anchor: str | None = None,
                 back: int | Callable[[str, int], int] | None = 0, lower: bool = False,
                 first: str | None = None, bounded: bool = False):
        self.rx = rx
        self.anchor = re.compile(anchor) if anchor is not None else None
        self.back = back
        self.lower = lower
        self.first = re.compile(first) if first is not None else None
        self.ahead = reach(rx) if bounded else None
        if bounded and self.ahead is None:
            raise ValueError(f"not of bounded length: {rx.pattern[:60]}")

    def matches(self, text: str, low: str | None = None, folds: bool | None = None,
                limit: int | None = None) -> list[re.Match]:
        """``list(rx.finditer(text))`` (its first ``limit`` matches); ``low`` is
        ``chars.ascii_lower(text)`` and ``folds`` is ``folds_to_ascii(text)`` when the
        caller has them already."""
        whole = self.anchor is None
        hay = text
        if not whole and self.lower:
            if folds if folds is not None else folds_to_ascii(text):
                whole = True
            else:
                hay = chars.ascii_lower(text) if low is None else low
        if not whole and self.back is None:
            if self.anchor.search(hay) is None:  # type: ignore[union-attr]
                return []
            whole = True
        if whole:
            if limit is None:
                return list(self.rx.finditer(text))
            return [m for m, _ in zip(self.rx.finditer(text), range(limit))]
        return matches_near(self.rx, text, self.anchor, self.back, hay,  # type: ignore[arg-type]
                            self.first, self.ahead, limit)

    def search(self, text: str, low: str | None = None, folds: bool | None = None) -> re.Match | None:
        """``rx.search(text)``."""
        found = self.matches(text, low, folds, limit=1)
        return found[0] if found else None


Blanker = Near  # a noise pattern of the caption mask


def blank_all(text: str, blankers: Iterable[Near]) -> str:
    """``text`` after each blanker in turn, as ``for rx in ...: text = rx.sub(spaces, text)``."""
    low = chars.ascii_lower(text)
    folds = folds_to_ascii(text)
    for b in blankers:
        spans = [m.span() for m in b.matches(text, low, folds)]
        if spans:
            text = blank(text, spans)
            low = blank(low, spans)
    return text


#: patterns written in a faster form, each with its plain form: the tests compare their
#: matches on real and made-up texts (tests/test_extract_fast_paths.py)
PLAIN_FORMS: dict[re.Pattern[str], re.Pattern[str]] = {}


def written_as(plain: str, fast: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(plain, flags)``, compiled from ``fast``: the same pattern written so that
    the engine can skip to where a match can start.

    The engine finds the first characters a match can open with only when the pattern
    opens with a literal or a character class (not under IGNORECASE for a cased letter);
    a pattern opening with ``\\b``, ``^``, a look-behind or a case-blind word is tried at
    every position of the text. The fast form opens with the class of the first
    characters and checks what the plain form checked before them by a look-behind taken
    after that character (``X(?<!\\w.)`` for ``\\bX`` when X is a word character)."""
    rx = re.compile(fast, flags)
    PLAIN_FORMS[rx] = re.compile(plain, flags)
    return rx
