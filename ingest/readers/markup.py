"""HTML pages, parsed: whether a file is markup, what the readers' sniffers see of it, and
its visible text.

Readers are chosen on what a page *shows*, not on its first bytes: a page whose first
8 KB are an inline ``<script>`` (or a style sheet, or comments) is parsed with lxml and
the sniffers see the page without them (``sniff_head``). A web page or HTML opinion that no
structured reader wants is read as text (``visible_text``):

- ``<script>``, ``<style>``, ``<noscript>``, ``<template>``, the ``<head>`` (title and
  metadata, not shown on the page) and comments are dropped;
- entities are decoded (``&amp;`` -> ``&``, ``&#160;`` -> a space);
- each block element (paragraph, heading, list item, ``<div>``, table row...) and each
  ``<br>`` starts a new line; whitespace inside a block is one space, as a browser shows
  it, except inside ``<pre>``;
- the cells of a table row stay on one line, separated by `` | `` (a label beside its
  value: ``Style: | Vanessa Doe``).
"""
from __future__ import annotations

import re

#: sniffers see this many bytes of a file (of a page, after parsing)
HEAD_BYTES = 8192

_BLOCK = frozenset(
    "address article aside blockquote body center dd div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section table tbody "
    "tfoot thead tr ul caption details summary".split()
)
_CELL = frozenset({"td", "th"})
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "iframe", "object",
                   "svg", "math"})

_START_TAG = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(!doctype|\?xml|[a-z][a-z0-9]*)",
                        re.IGNORECASE | re.DOTALL)
#: elements a page may open with (other tags count only when the page closes one)
_OPENING = frozenset(
    b"!doctype ?xml html head body script style meta link title base div p table span "
    b"center pre form header nav main section article font b i a br h1 h2 h3 h4 h5 h6".split())
_PAGE_TAG = re.compile(rb"<\s{0,3}(?:!doctype\s+html|html|body)\b", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ANY_SPACE = re.compile(r"\s+")
_PRE = "\x00"  # brackets the text of a <pre> while the lines are put together


def looks_like_markup(head: bytes) -> bool:
    """Whether a file's first bytes are HTML: it opens with a tag (after a BOM, blank
    space or comments) and closes one, or names ``<html>``/``<body>``/``<!DOCTYPE html>``
    in its first KiB."""
    from docketgraph.ingest.readers.decode import _looks_utf16, looks_binary

    enc = _looks_utf16(head)
    if enc:
        head = head.decode(enc, errors="ignore").encode("utf-8", errors="ignore")
    elif looks_binary(head):
        return False
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"%PDF-", b"{", b"[")):
        return False  # a PDF or JSON that quotes a tag
    m = _START_TAG.match(head)
    if m and (m.group(1).lower() in _OPENING or b"</" in head):
        return True
    return bool(_PAGE_TAG.search(head[:1024]))


def parse(text: str):
    """An lxml tree of an HTML page (``ValueError`` when lxml finds nothing to parse)."""
    from lxml import etree
    from lxml import html as lhtml

    parser = lhtml.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        return lhtml.document_fromstring(text, parser=parser)
    except etree.ParserError as e:
        raise ValueError(str(e)) from None


def _drop_hidden(root) -> None:
    for el in list(root.iter(*_SKIP)):
        if el.getparent() is not None:
            el.drop_tree()


def sniff_head(data: bytes) -> bytes:
    """What the sniffers see of a file: its first HEAD_BYTES, or, for an HTML page, the
    first HEAD_BYTES of the page re-serialised without scripts, styles and comments."""
    head = data[:HEAD_BYTES]
    if not looks_like_markup(head):
        return head
    from lxml import html as lhtml

    from docketgraph.ingest.readers.decode import decode

    try:
        root = parse(decode(data)[0])
        for el in list(root.iter("script", "style", "noscript", "template")):
            if el.getparent() is not None:
                el.drop_tree()
        page = lhtml.tostring(root, encoding="utf-8", method="html")
    except (ValueError, TypeError):  # not parseable after all: the bytes as they are
        return head
    return page[:HEAD_BYTES]


def visible_text(root) -> str:
    """The text a browser shows of a page: one line per block, row or line break."""
    from lxml import etree

    _drop_hidden(root)
    parts: list[str] = []
    pre = 0
    cells: list[int] = []  # per open row: cells seen so far

    def put(s: str | None) -> None:
        if s:
            s = s.replace(_PRE, "")
            parts.append(s if pre else _ANY_SPACE.sub(" ", s))

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        name = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if name == "br":
                parts.append("\n")
            elif name == "tr":
                parts.append("\n")
                cells.append(0)
            elif name in _CELL:
                if cells:
                    if cells[-1]:
                        parts.append(" | ")
                    cells[-1] += 1
                else:
                    parts.append("\n")
            elif name in _BLOCK:
                parts.append("\n")
            if name == "pre":
                if not pre:
                    parts.append(_PRE)
                pre += 1
            put(el.text)
        else:
            if name == "pre" and pre:
                pre -= 1
                if not pre:
                    parts.append(_PRE)
            if name == "tr":
                if cells:
                    cells.pop()
                parts.append("\n")
            elif name in _BLOCK:
                parts.append("\n")
            if el is not root:
                put(el.tail)
    lines = []
    for n, segment in enumerate("".join(parts).split(_PRE)):
        for line in segment.split("\n"):
            if n % 2:  # inside <pre>: the layout's spacing is kept
                line = line.rstrip()
            else:
                line = _SPACES.sub(" ", line).strip()
            # a row whose cells were all empty leaves only separators
            if line.strip(" |"):
                lines.append(line)
    return "\n".join(lines)
