"""Reader for pacer input (not yet implemented)."""
from __future__ import annotations

from docketgraph.graph.errors import UnsupportedFormat


def sniff(head: bytes, suffix: str) -> int:
    return 0


def read(path, data):
    raise UnsupportedFormat(f"{path}: pacer reader not implemented yet")


def extract(document):
    raise UnsupportedFormat(f"{document.path}: pacer extraction not implemented yet")
