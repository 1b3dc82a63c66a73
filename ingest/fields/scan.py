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


def matches_near(rx: re.Pattern, text: str, anchor: re.Pattern, back: int | Callable[[str, int], int],
                 hay: str | None = None) -> list[re.Match]:
    """``list(rx.finditer(text))``, for a pattern each match of which starts at most
    ``back`` characters before the start of a match of ``anchor`` in ``hay`` (``text``
    itself, or a text of the same length such as its ASCII lower case). ``back`` may be a
    function of the text and the anchor's position giving the first position a match
    could start at. The pattern must not match an empty string (``finditer`` would
    return empty matches away from any anchor)."""
    out: list[re.Match] = []
    pos = 0  # where finditer would search next
    tried = 0  # positions below it were tried or skipped
    for a in anchor.finditer(text if hay is None else hay):
        i = a.start()
        if i < pos:
            continue
        lo = max(pos, tried, i - back if isinstance(back, int) else back(text, i))
        for p in range(lo, i + 1):
            m = rx.match(text, p)
            if m is not None:
                out.append(m)
                pos = m.end()
                tried = p + 1
                break
        else:
            tried = i + 1
    return out


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
    ``back`` as in ``matches_near``; ``back=None`` when a match can start anywhere before
    its anchor: the pattern then scans the whole text if the anchor occurs in it at all.
    Without an anchor the pattern scans the whole text. ``matches(text)`` is
    ``list(rx.finditer(text))``."""

    __slots__ = ("rx", "anchor", "back", "lower")

    def __init__(self, rx: re.Pattern, anchor: str | None = None,
                 back: int | Callable[[str, int], int] | None = 0, lower: bool = False):
        self.rx = rx
        self.anchor = re.compile(anchor) if anchor is not None else None
        self.back = back
        self.lower = lower

    def matches(self, text: str, low: str | None = None, folds: bool | None = None) -> list[re.Match]:
        """``list(rx.finditer(text))``; ``low`` is ``chars.ascii_lower(text)`` and
        ``folds`` is ``folds_to_ascii(text)`` when the caller has them already."""
        if self.anchor is None:
            return list(self.rx.finditer(text))
        if self.lower:
            if folds if folds is not None else folds_to_ascii(text):
                return list(self.rx.finditer(text))
            hay = chars.ascii_lower(text) if low is None else low
        else:
            hay = text
        if self.back is None:
            return list(self.rx.finditer(text)) if self.anchor.search(hay) else []
        return matches_near(self.rx, text, self.anchor, self.back, hay)


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
