"""Ingest many files: extraction in worker processes, one writer committing to the store."""
from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from docketgraph.graph.errors import StoreError
from docketgraph.graph.store import GraphStore
from docketgraph.ingest.readers.registry import MAX_FILE_BYTES
from docketgraph.queries import workers

log = logging.getLogger(__name__)

SKIP_NAMES = {".DS_Store", "Thumbs.db"}

# What a folder of filings holds beside the filings: skipped, and counted as skipped, when
# a folder is walked. A file named on the command line is read whatever its name (a gold
# file excepted: it is never a filing).
#: notes about a folder (README.md, LICENSE, CHANGES.txt, MANIFEST.tsv...)
NOT_FILING_NAMES = re.compile(
    r"(?i)^(?:readme|licen[cs]e|copying|authors|changes|changelog|contributing|manifest|"
    r"review)(?:\.(?:md|markdown|rst|txt|tsv))?$")
#: data, settings and images
NOT_FILING_SUFFIXES = frozenset(
    ".toml .csv .tsv .yaml .yml .ini .cfg .conf .lock .xlsx .xls .ods "
    ".png .jpg .jpeg .gif .bmp .tif .tiff .webp .svg .ico .heic".split())


@dataclass
class IngestReport:
    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    skipped: int = 0
    quads: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0

    @property
    def ok(self) -> bool:
        return self.failed == 0


def walk(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[str, bool]]:
    """(path, named) for the files named (named True) and the files under the folders
    named (recursively, sorted, no symlink loops; named False)."""
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if f in SKIP_NAMES or f.startswith("."):
                        continue
                    yield os.path.join(root, f), False
        else:
            yield p, True


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Files named, and files under folders named (recursively, sorted, no symlink loops)."""
    for path, _ in walk(paths):
        yield path


def _is_gold(path: str) -> bool:
    return path.endswith(".gold.json")


def is_filing(path: str) -> bool:
    """Whether a file found in a folder may be a filing: not a gold file, not a folder's
    notes (README.md...), not data, settings or an image (CSV, TOML, PNG...)."""
    name = os.path.basename(path)
    if _is_gold(name) or NOT_FILING_NAMES.match(name):
        return False
    return os.path.splitext(name)[1].lower() not in NOT_FILING_SUFFIXES


def _skipped(path: str, named: bool) -> bool:
    return _is_gold(path) or (not named and not is_filing(path))


def _sha(path: str) -> str | None:
    h = hashlib.sha256()
    try:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            return None
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def ingest(store: GraphStore, paths: Iterable[str | os.PathLike], *, jobs: int = 1,
           on_file: Callable[[str, str], None] | None = None,
           on_total: Callable[[int], None] | None = None, in_process: bool = False,
           timeout: float = workers.DEFAULT_TIMEOUT,
           memory: int = workers.DEFAULT_MEMORY, dask: object = None) -> IngestReport:
    """Ingest files and folders into ``store``; returns counts and per-file errors.

    Files found in folders that are not filings (``is_filing``: README.md, CSV, TOML,
    images, gold files) are skipped and counted in ``skipped``; files named are read.
    Files are listed, checked (unchanged content is not read again) and handed to the workers
    as they are needed, so memory holds the files in flight, not the whole list: a
    count of the files comes first for ``on_total``.
    """
    report = IngestReport()
    paths = list(paths)  # the paths named, walked twice (count, then work)
    if on_total:
        on_total(sum(1 for f, named in walk(paths) if not _skipped(f, named)))

    def todo() -> Iterator[str]:
        for f, named in walk(paths):
            if _skipped(f, named):
                report.skipped += 1
                continue
            report.files += 1
            if not os.path.exists(f):
                report.failed += 1
                report.errors.append((f, f"{f}: no such file"))
                on_file and on_file(f, "failed")
                continue
            sha = _sha(f)
            if sha and store.has_document(sha) and os.path.abspath(f) in store.document_paths(sha):
                report.unchanged += 1
                on_file and on_file(f, "unchanged")
                continue
            yield f

    def commit(path: str, ex, text, err) -> None:
        if err is not None:
            report.failed += 1
            report.errors.append((path, err))
            on_file and on_file(path, "failed")
            return
        try:
            res = store.put(ex, text=text, path=os.path.abspath(path))
        except StoreError as e:
            report.failed += 1
            report.errors.append((path, f"{path}: {e}"))
            on_file and on_file(path, "failed")
            return
        status = {"added-path": "new"}.get(res.status, res.status)
        setattr(report, status, getattr(report, status) + 1)
        report.quads += res.quads
        on_file and on_file(path, status)

    if dask is not None:
        outcomes = workers.run_dask(list(todo()), dask)
    elif in_process:
        outcomes = (workers.extract_one(f) for f in todo())
    else:
        outcomes = workers.run(todo(), jobs=jobs, timeout=timeout, memory=memory)
    for o in outcomes:
        commit(o.path, o.extraction, o.text, o.error)
    store.flush()
    return report
