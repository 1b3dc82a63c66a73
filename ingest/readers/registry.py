"""The reader registry: name -> lazily imported reader, chosen by content sniffing.

A reader is a module exposing ``sniff(head: bytes, suffix: str) -> int`` (0 = no,
higher = more confident) and ``read(path: str, data: bytes) -> Document``. Built-in
readers register through the same call an outside plugin would use.

``head`` is a file's first 8 KB, except for an HTML page: the page is parsed and the
sniffers see its first 8 KB without scripts, styles and comments
(``markup.sniff_head``), so a docket page opening with a long inline script is still
known for what it shows.
"""
from __future__ import annotations

import importlib
import os
from types import ModuleType

from docketgraph.graph.errors import NameClash, UnsupportedFormat
from docketgraph.graph.model import Document
from docketgraph.ingest.readers.decode import read_bytes
from docketgraph.ingest.readers.markup import sniff_head

_READERS: dict[str, str] = {}
_LOADED: dict[str, ModuleType] = {}

#: files larger than this are refused before reading (bytes)
MAX_FILE_BYTES = 64 * 1024 * 1024


def register(name: str, module_path: str, *, override: bool = False) -> None:
    """Register a reader module by dotted path; imported on first use. A name already
    registered raises :class:`NameClash` unless ``override`` is true (a plugin replacing
    a built-in reader says so)."""
    if name in _READERS and not override:
        raise NameClash(f"a reader named {name!r} is already registered ({_READERS[name]}); "
                        f"pass override=True to replace it with {module_path}")
    _READERS[name] = module_path
    _LOADED.pop(name, None)


def names() -> list[str]:
    return list(_READERS)


def get(name: str) -> ModuleType:
    if name not in _READERS:
        raise UnsupportedFormat(f"unknown reader {name!r}; known: {', '.join(_READERS)}")
    if name not in _LOADED:
        _LOADED[name] = importlib.import_module(_READERS[name])
    return _LOADED[name]


def choose(head: bytes, suffix: str) -> str | None:
    """The best reader for a file whose first bytes are ``head``; None if none wants it."""
    best, score = None, 0
    for name in _READERS:
        s = get(name).sniff(head, suffix.lower())
        if s > score:
            best, score = name, s
    return best


def read_file(path: str | os.PathLike, data: bytes | None = None) -> Document:
    """Read one file into a Document with the reader its content calls for."""
    path = os.fspath(path)
    if data is None:
        data = read_bytes(path, MAX_FILE_BYTES)
    suffix = os.path.splitext(path)[1]
    name = choose(sniff_head(data), suffix)
    if name is None:
        raise UnsupportedFormat(f"{path}: not a format docketgraph reads")
    return get(name).read(path, data)


register("pacer", "docketgraph.ingest.readers.pacer")
register("pdf", "docketgraph.ingest.readers.pdf")
register("courtlistener", "docketgraph.ingest.readers.courtlistener")
register("text", "docketgraph.ingest.readers.text")
