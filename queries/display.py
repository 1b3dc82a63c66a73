"""Text from filings, file names and stores made inert for the places the CLI writes it.

Names, paths and sentences come from the public web and from other people's folders, so
the CLI never hands them raw to a terminal, a spreadsheet or a Markdown renderer. The
stored data stays as it was read; only what is shown is changed:

- ``inert(s)``: for a terminal (error lines, progress, tables). Control characters
  (C0 and C1, so ANSI/OSC escape sequences lose their ESC), bidi controls (U+202A-202E,
  U+2066-2069, U+200E/U+200F, U+061C), line and paragraph separators and lone surrogates
  (a file name that is not UTF-8) are written as visible escapes: ``\\x1b``, ``\\u202e``,
  ``\\xff``. A newline becomes ``\\n`` where one line is expected (``keep_newlines`` keeps
  it in table cells).
- ``csv_cell(s)``: for ``--format csv``. A cell that a spreadsheet would read as a formula
  (it begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading
  apostrophe, the rule OWASP gives for CSV injection, which spreadsheets show as text;
  numbers are left alone. Control and bidi characters, line breaks included, are escaped
  as for a terminal, so every row is one line (``export --format csv`` keeps data exact).
- ``md_cell(s)``: for ``--format md``. ``<`` and ``>`` are written as entities (no HTML
  tag can open, while "Smith & Jones" stays readable), a ``|`` is
  escaped and a line break becomes a space, so a cell stays one cell of text.
- ``json_text(s)``: JSON as ``json.dumps`` writes it with every control, bidi and
  separator character written as a ``\\uXXXX`` escape: lossless, and inert on a terminal.
"""

from __future__ import annotations

import json
import re
from typing import Any

#: characters that change what a terminal or a bidi-aware viewer shows
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_UNSAFE_KEEP_NL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
#: what makes a spreadsheet read a cell as a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escape(m: re.Match[str]) -> str:
    c = m.group(0)
    o = ord(c)
    if c == "\n":
        return "\\n"
    if c == "\t":
        return "\\t"
    if c == "\r":
        return "\\r"
    if 0xDC80 <= o <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{o - 0xDC00:02x}"
    if o <= 0xFF:
        return f"\\x{o:02x}"
    return f"\\u{o:04x}"


def inert(s: Any, *, keep_newlines: bool = False) -> str:
    """``s`` as text a terminal shows literally (see the module docstring)."""
    text = s if isinstance(s, str) else str(s)
    return (_UNSAFE_KEEP_NL if keep_newlines else _UNSAFE).sub(_escape, text)


def csv_cell(v: Any) -> Any:
    """A value for a CSV cell: strings that would start a formula are neutralised."""
    if not isinstance(v, str):
        return v
    if v.startswith(FORMULA_START):
        v = "'" + v
    return _UNSAFE.sub(_escape, v)


def md_cell(v: Any) -> str:
    """A value for a Markdown table cell: HTML escaped, one line, pipes escaped."""
    s = inert(v if isinstance(v, str) else str(v), keep_newlines=True)
    s = s.replace("<", "&lt;").replace(">", "&gt;")  # no tag can open; '&' stays readable
    return s.replace("|", "\\|").replace("\r", " ").replace("\n", " ")


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_text(data: Any, **kw: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, **kw)`` with the characters that act on a
    terminal written as ``\\uXXXX`` escapes (the JSON value is unchanged)."""
    text = json.dumps(data, ensure_ascii=False, **kw)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
