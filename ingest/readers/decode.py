"""Robust byte reading and text decoding for untrusted files."""
from __future__ import annotations

import codecs
import os
import stat
import re
import unicodedata

from docketgraph.graph.errors import BadInput


def read_bytes(path: str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes. A FIFO, a device or a
    socket is refused before reading (it could block, or never end)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise BadInput(f"{path}: not a regular file (a FIFO, device or socket)")
            if st.st_size > limit:
                raise BadInput(f"{path}: file is {st.st_size:,} bytes, over the {limit:,}-byte limit")
            data = fh.read(limit + 1)
        if len(data) > limit:
            raise BadInput(f"{path}: file is over the {limit:,}-byte limit")
    except OSError as e:
        raise BadInput(f"{path}: cannot read: {e.strerror or e}") from None
    if not data:
        raise BadInput(f"{path}: empty file")
    return data


def looks_utf16(data: bytes) -> str | None:
    """The UTF-16 codec a file is written in (a byte-order mark, or NUL bytes between ASCII
    letters), else None."""
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16"
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    sample = data[:4000]
    if len(sample) >= 4:
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        half = len(sample) / 2
        if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
            return "utf-16-le"
        if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
            return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding used).

    Tries UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern), then cp1252, then
    UTF-8 with replacement characters.
    """
    enc = looks_utf16(data)
    if enc:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            pass
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        return text, "cp1252"
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"


_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LONG_RULE = re.compile(r"([-_=*.~])\1{40,}")


def normalise_text(text: str) -> str:
    """NFC, unified newlines, control characters to spaces, long rules squeezed.

    Length-preserving is not required here: spans refer to the normalised text, which
    is the text stored and shown for the document.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.replace("\f", "\n")
    text = _CTRL.sub(" ", text)
    text = _LONG_RULE.sub(lambda m: m.group(1) * 40, text)
    return text


# Bytes that are not control characters of binary data (tab, newlines, form feed and
# escape are text): deleting them leaves the control bytes to count.
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or (13 < b < 32 and b != 27)))


def looks_binary(data: bytes) -> bool:
    """True when a byte string is unlikely to be text in any encoding we read."""
    if looks_utf16(data):
        return False
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample and sample.count(b"\x00") > len(sample) * 0.01:
        return True
    bad = len(sample.translate(None, _NOT_CONTROL))  # the control bytes left
    return bad > len(sample) * 0.05


# ---------------------------------------------------------------- page furniture in text

_LINE_NO_BARE = re.compile(r"^[ \t]*(\d{1,2})[ \t]*$")
_LINE_NO_PREFIX = re.compile(r"^[ \t]*(\d{1,2})(?![.)\d])[ \t]+(?=\S)")
_LINE_NO_EITHER = re.compile(r"^[ \t]*(\d{1,2})(?:[ \t]*$|(?![.)\d])[ \t]+(?=\S))")
#: a run of at least this many consecutive line numbers marks pleading paper
MIN_LINE_NUMBERS = 10
#: ... with no more than this many lines from one number to the next, on average
MAX_LINES_PER_NUMBER = 4


def strip_line_numbers(lines: list[str]) -> list[str]:
    """Remove a pleading paper's 1..28 margin numbers from one page's lines (bare lines
    "1", "2" ... or a prefix "1  IN THE UNITED STATES ..."): a run of at least
    MIN_LINE_NUMBERS counting up from 1 is the margin, anything else is text. Bare
    numbers and prefixes are looked for apart first, then mixed (a numbered blank line
    between numbered lines of text)."""
    found = False
    for pattern, prefix in ((_LINE_NO_BARE, False), (_LINE_NO_PREFIX, True), (_LINE_NO_EITHER, None)):
        if prefix is None and found:
            break
        expected, hits = 1, []
        for idx, line in enumerate(lines):
            m = pattern.match(line)
            if m and int(m.group(1)) == expected:
                hits.append((idx, m.end()))
                expected += 1
        # a margin numbers lines next to each other; page numbers (one a page) are far apart
        dense = bool(hits) and hits[-1][0] - hits[0][0] + 1 <= MAX_LINES_PER_NUMBER * len(hits)
        if len(hits) >= MIN_LINE_NUMBERS and dense:
            found = True
            lines = list(lines)
            drop = set()
            for idx, end in hits:
                if prefix or (prefix is None and lines[idx][end:].strip()):
                    lines[idx] = lines[idx][end:]
                elif prefix is None:
                    lines[idx] = ""  # a numbered blank line stays a blank line
                else:
                    drop.add(idx)
            lines = [ln for i, ln in enumerate(lines) if i not in drop]
    return lines


def strip_pleading_numbers(text: str) -> str:
    """Pleading-paper line numbers out of a whole text file (pages one after the other,
    each numbered from 1): the text is cut before each line numbered 1 and each part
    cleaned as a page."""
    lines = text.split("\n")
    if sum(1 for ln in lines if _LINE_NO_EITHER.match(ln)) < MIN_LINE_NUMBERS:
        return text
    out: list[str] = []
    page: list[str] = []
    for line in lines:
        m = _LINE_NO_EITHER.match(line)
        if m and int(m.group(1)) == 1 and page:
            out.extend(strip_line_numbers(page))
            page = []
        page.append(line)
    out.extend(strip_line_numbers(page))
    return "\n".join(out)


# A reporter's star page ("*813"): a token of its own, not a pinpoint ("at *4", "LEXIS
# 1145, *6", "*4-5"); taken out where it sits at the start of a line, alone on a line, or
# between two words (where it splits a name: "Kestrel *12 Mills").
_STAR_PAGE = re.compile(r"(?<![^\s(\[])\*\d{1,5}(?:[ \t](?=\S)|(?=\s|$))")
_STAR_PINPOINT_BEFORE = re.compile(r"(?i)(?:\bat|[,;:\d]|\b(?:pp?|pages?|n|nn))[ \t]*$")


def strip_star_pages(text: str) -> str:
    """Star-page markers out of a reprinted opinion's text (pinpoint cites kept)."""
    if "*" not in text:
        return text

    def repl(m: re.Match) -> str:
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start:m.start()]
        if _STAR_PINPOINT_BEFORE.search(before):
            return m.group()
        return ""

    return _STAR_PAGE.sub(repl, text)


_QUOTE_PREFIX = re.compile(r"^>[ \t]?", re.MULTILINE)


def strip_quote_prefix(text: str) -> str:
    """An e-mail's quoting ("> " before every line of a forwarded filing) taken off, one
    level, when nearly every non-blank line carries it."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 3:
        return text
    quoted = sum(1 for ln in lines if ln.startswith(">"))
    if quoted < 0.9 * len(lines):
        return text
    return _QUOTE_PREFIX.sub("", text)


def clean_text(text: str) -> str:
    """A text filing's page furniture taken out where it breaks names: e-mail quoting,
    pleading-paper line numbers, star-page markers."""
    return strip_star_pages(strip_pleading_numbers(strip_quote_prefix(text)))
