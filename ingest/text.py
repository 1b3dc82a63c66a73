"""Reader for plain-text and Markdown filings (and any web page saved as text)."""
from __future__ import annotations

from docketgraph.graph.errors import BadInput
from docketgraph.graph.model import Document, content_hash
from docketgraph.ingest.decode import decode, looks_binary, normalise_text

SUFFIXES = {".txt", ".text", ".md", ".markdown", ".eml", ""}


def sniff(head: bytes, suffix: str) -> int:
    if looks_binary(head):
        return 0
    return 10 if suffix in SUFFIXES else 2


def read(path: str, data: bytes) -> Document:
    if looks_binary(data):
        raise BadInput(f"{path}: binary content, not a text filing")
    text, enc = decode(data)
    text = normalise_text(text)
    if not text.strip():
        raise BadInput(f"{path}: no text")
    return Document(path=path, sha256=content_hash(data), text=text, format="text", encoding=enc)
