"""Robust byte reading and text decoding for untrusted files."""
from __future__ import annotations

import codecs
import os
import re
import unicodedata

from docketgraph.graph.errors import BadInput


def read_bytes(path: str, limit: int) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > limit:
            raise BadInput(f"{path}: file is {size:,} bytes, over the {limit:,}-byte limit")
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as e:
        raise BadInput(f"{path}: cannot read: {e.strerror or e}") from None
    if not data:
        raise BadInput(f"{path}: empty file")
    return data


def _looks_utf16(data: bytes) -> str | None:
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
    enc = _looks_utf16(data)
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
    if _looks_utf16(data):
        return False
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample and sample.count(b"\x00") > len(sample) * 0.01:
        return True
    bad = len(sample.translate(None, _NOT_CONTROL))  # the control bytes left
    return bad > len(sample) * 0.05
