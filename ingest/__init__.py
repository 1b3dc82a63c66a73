"""Readers (one per input format) and the extractors that turn documents into extractions.

The public verbs: ``read_file`` (bytes on disk -> Document) and ``extract``
(Document -> Extraction), plus ``extract_file`` doing both.
"""
from __future__ import annotations

import os

from docketgraph.graph.model import Extraction
from docketgraph.ingest.extract import extract
from docketgraph.ingest.readers.registry import read_file


def extract_file(path: str | os.PathLike) -> Extraction:
    """Read and extract one file."""
    return extract(read_file(path))


__all__ = ["extract", "extract_file", "read_file"]
