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
  value: ``Style: | Vanessa Doe``); empty cells are left out.
"""
from __future__ import annotations

import re

from docketgraph.ingest.readers.decode import decode, looks_binary, looks_utf16

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
# markers (private-use characters, taken out of the page first; icon fonts use them)
_PRE = "\ue000"  # brackets the text of a <pre> while the lines are put together
_BREAK = "\ue001"  # a line break the page's layout makes (block, <br>, row)
_CELL_SEP = "\ue002"  # between the cells of a table row
_MARKERS = dict.fromkeys(map(ord, "\ue000\ue001\ue002"))


def looks_like_markup(head: bytes) -> bool:
    """Whether a file's first bytes are HTML: it opens with a tag (after a BOM, blank
    space or comments) and closes one, or names ``<html>``/``<body>``/``<!DOCTYPE html>``
    in its first KiB."""
    enc = looks_utf16(head)
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
    """An lxml tree of an HTML page (``ValueError`` when lxml finds nothing to parse).
    Plain lxml elements (not lxml.html's element classes): a page of a million cells is
    walked in a few seconds."""
    from lxml import etree

    text = text.translate(_MARKERS)  # characters visible_text uses as markers
    parser = etree.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(text, parser=parser)
    except ValueError:  # a str with an XML encoding declaration: parse its bytes
        root = etree.fromstring(text.encode("utf-8"), parser=etree.HTMLParser(
            huge_tree=True, remove_comments=True, remove_pis=True, encoding="utf-8"))
    except etree.ParserError as e:
        raise ValueError(str(e)) from None
    if root is None:
        raise ValueError("no elements")
    return root


def _drop(root, tags) -> None:
    """Remove the elements ``tags`` and their content, keeping the text that follows them."""
    for el in list(root.iter(*tags)):
        parent = el.getparent()
        if parent is None:
            continue
        tail = el.tail
        if tail:
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(el)


def sniff_head(data: bytes) -> bytes:
    """What the sniffers see of a file: its first HEAD_BYTES, or, for an HTML page, the
    first HEAD_BYTES of the page re-serialised without scripts, styles and comments."""
    head = data[:HEAD_BYTES]
    if not looks_like_markup(head):
        return head
    from lxml import etree

    try:
        root = parse(decode(data)[0])
        _drop(root, ("script", "style", "noscript", "template"))
        page = etree.tostring(root, encoding="utf-8", method="html")
    except (ValueError, TypeError):  # not parseable after all: the bytes as they are
        return head
    return page[:HEAD_BYTES]


def visible_text(root) -> str:
    """The text a browser shows of a page: one line per block, row or line break.

    Breaks are marked on the tree (a marker before and after each block, after each
    ``<br>``, between the cells of a row) and the text is serialised by lxml in one pass.
    """
    from lxml import etree

    _drop(root, _SKIP)
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        tag = tag.lower()
        if tag in _BLOCK or tag == "tr":
            el.text = _BREAK + (el.text or "")
            el.tail = _BREAK + (el.tail or "")
            if tag == "pre":
                el.text = _PRE + el.text
                el.tail = _PRE + el.tail
        elif tag == "br":
            el.tail = _BREAK + (el.tail or "")
        elif tag in _CELL:
            el.tail = _CELL_SEP + (el.tail or "")
    raw = etree.tostring(root, method="text", encoding="unicode", with_tail=False)
    lines = []
    for n, segment in enumerate(raw.split(_PRE)):
        if n % 2:  # inside <pre>: the layout's line breaks and spacing are kept
            for line in segment.replace(_BREAK, "\n").split("\n"):
                line = line.replace(_CELL_SEP, " | ").rstrip(" |")
                if line.strip():
                    lines.append(line)
            continue
        for line in _ANY_SPACE.sub(" ", segment).split(_BREAK):
            cells = (_SPACES.sub(" ", cell).strip() for cell in line.split(_CELL_SEP))
            line = " | ".join(cell for cell in cells if cell)  # empty cells left out
            if line:
                lines.append(line)
    return "\n".join(lines)
