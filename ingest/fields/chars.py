"""Character rewrites of a whole text, the same strings as ``str.translate`` gives, faster.

``str.translate`` with a table that maps a few characters is fast on an ASCII string and
slow on any other (about 140 ns a character: 10 ms for a 73 KB opinion with curly quotes,
against 0.05 ms for a few ``str.replace``). The rules rewrite whole texts this way many
times a filing (dashes to "-", ASCII letters to lower case, line breaks to spaces), so
these do it with ``in`` and ``replace`` (each a fast scan in C):

- ``Replacer(mapping)``: each character key replaced by its value; the values hold no key,
  so replacing one character after another is translating all at once;
- ``ascii_lower(text)``: ASCII letters lower-cased, every other character kept (the length
  stays; ``str.lower`` would also lower "É" and turn "İ" into two characters);
- ``nonspace_offsets(text)``: where each character of ``text`` with its whitespace removed
  stands in ``text`` (``itertools.compress`` over a byte mask of an ASCII text: no Python
  step a character).
"""
from __future__ import annotations

import re
from itertools import compress

_NON_ASCII_SPLIT = re.compile(r"([^\x00-\x7f]+)")
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")


class Replacer:
    """``text.translate(str.maketrans(mapping))`` for single characters mapped to strings
    that contain none of the mapped characters."""

    __slots__ = ("pairs", "table")

    def __init__(self, mapping: dict[str, str]):
        if any(len(k) != 1 for k in mapping):
            raise ValueError("Replacer maps single characters")
        if any(k in v for v in mapping.values() for k in mapping):
            raise ValueError("a replacement holds a mapped character: replacing in turn would differ")
        self.pairs = tuple(mapping.items())
        self.table = str.maketrans(mapping)

    def __call__(self, text: str) -> str:
        for k, v in self.pairs:
            if k in text:
                text = text.replace(k, v)
        return text


_KEPT = 4
_last: tuple[tuple[str, str], ...] = ()  # the last texts ascii_lower was given, with their answers


def ascii_lower(text: str) -> str:
    """``text`` with the ASCII letters A-Z lower-cased and every other character as it is.
    The answers for the last few texts are kept: the rules ask it several times of one
    text (the document's, its caption mask), in turn with other texts."""
    global _last
    last = _last  # one read: another thread may set it meanwhile
    for given, low in last:
        if given is text:
            return low
    low = _ascii_lower(text)
    _last = ((text, low),) + last[: _KEPT - 1]
    return low


def _ascii_lower(text: str) -> str:
    if text.isascii():
        return text.lower()
    # str.lower is the same when no non-ASCII character has another lower case (the
    # non-ASCII characters lower-cased together: only a capital sigma reads its neighbours,
    # and it changes either way)
    others = _ASCII_RUN.sub("", text)
    if others == others.lower():
        return text.lower()
    parts = _NON_ASCII_SPLIT.split(text)  # ASCII, non-ASCII, ASCII, ... (the odd ones non-ASCII)
    parts[::2] = [p.lower() for p in parts[::2]]
    return "".join(parts)


_NON_ASCII_SPACE = re.compile(r"[^\S\x00-\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# 1 for a byte that is not whitespace to ``re``'s ``\s`` (str.isspace: tab to carriage
# return, the four separators 0x1c-0x1f and the space), 0 for one that is
_NONSPACE_BYTES = bytes(0 if chr(b).isspace() else 1 for b in range(256))


def nonspace_offsets(text: str) -> list[int]:
    """The offset in ``text`` of each character that is not whitespace, in order: the
    character ``k`` of ``re.sub(r"\\s+", "", text)`` is ``text[nonspace_offsets(text)[k]]``."""
    if not text.isascii():
        # the same length in ASCII: a non-ASCII space becomes a space, any other non-ASCII
        # character an "x" (one character each: a str holds one code point a character)
        text = _NON_ASCII.sub("x", _NON_ASCII_SPACE.sub(" ", text))
    return list(compress(range(len(text)), text.encode("ascii").translate(_NONSPACE_BYTES)))
