"""Ingest many files: extraction in worker processes, one writer committing to the store."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import stat
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from docketgraph.graph.errors import DocketGraphError
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
    r"review)(?:\.(?:md|markdown|rst|txt|tsv))?$"
)
#: data, settings and images
NOT_FILING_SUFFIXES = frozenset(
    ".toml .csv .tsv .yaml .yml .ini .cfg .conf .lock .xlsx .xls .ods "
    ".png .jpg .jpeg .gif .bmp .tif .tiff .webp .svg .ico .heic".split()
)


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
    #: why the run stopped before its end (the store failed: disk full, server gone)
    fatal: str | None = None

    @property
    def ok(self) -> bool:
        return self.failed == 0 and self.fatal is None


def walk(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[str, bool]]:
    """(path, named) for the files named (named True) and the files under the folders
    named (recursively, sorted, no symlink loops; named False)."""
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            closed: list[OSError] = []  # folders os.walk could not list: reported by ingest
            for root, dirs, files in os.walk(p, followlinks=False, onerror=closed.append):
                while closed:  # named: reported whatever its name
                    yield os.fspath(closed.pop(0).filename or root), True
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if f in SKIP_NAMES or f.startswith("."):
                        continue
                    yield os.path.join(root, f), False
            while closed:
                yield os.fspath(closed.pop(0).filename or p), True
        else:
            yield p, True


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Files named, and files under folders named (recursively, sorted, no symlink loops)."""
    for path, _ in walk(paths):
        yield path


_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def unreadable(path: str) -> str | None:
    """Why ``path`` cannot be ingested before any reading starts, or None.

    Only regular files are read (a FIFO would block, ``/dev/zero`` never ends; a symlink
    counts as what it points to); a folder found here is one that could not be listed; a
    file name that is not UTF-8 cannot be recorded as the document's path."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "no such file"
    except OSError as e:
        return f"cannot read: {e.strerror or e}"
    if stat.S_ISDIR(st.st_mode):
        try:
            with os.scandir(path):
                pass
        except OSError as e:
            return f"cannot read this folder: {e.strerror or e}; skipped"
        return "is a folder"
    if not stat.S_ISREG(st.st_mode):
        kind = next((k for test, k in _KINDS if test(st.st_mode)), "not a regular file")
        return f"not a regular file ({kind}); skipped"
    try:
        os.path.abspath(path).encode("utf-8")
    except UnicodeEncodeError:
        return "the file name is not valid UTF-8; rename the file to ingest it"
    return None


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
    """The content hash of a regular file of at most MAX_FILE_BYTES (None otherwise):
    opened without blocking and read at most that far, whatever the file turned into."""
    h = hashlib.sha256()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_FILE_BYTES:
                return None
            left = MAX_FILE_BYTES + 1
            while left > 0:
                chunk = fh.read(min(1 << 20, left))
                if not chunk:
                    break
                h.update(chunk)
                left -= len(chunk)
            if left <= 0:
                return None
    except OSError:
        return None
    return h.hexdigest()


#: new documents written per transaction (``GraphStore.batched``; on disk, also at most
#: ten seconds' worth and 256 MB of quads)
BATCH = 1000
#: outcomes received ahead of the writer, at most (and at most ``AHEAD_CHARS`` of text):
#: while the store writes a batch (a second or two of real filings), the workers go on
#: with the next files instead of waiting for the writer to ask for them
AHEAD = 256
AHEAD_CHARS = 64 * 1024 * 1024


class _Event:
    """What the listing of the files found (counted, failed, unchanged) for the writer's
    thread to record, in order with the outcomes (see ``_read_ahead``)."""

    __slots__ = ("kind", "path", "message")

    def __init__(self, kind: str, path: str, message: str | None = None):
        self.kind, self.path, self.message = kind, path, message


class _Raised:
    __slots__ = ("error",)

    def __init__(self, error: BaseException):
        self.error = error


_END = object()


class _ReadAhead:
    """Runs the workers' outcomes in a thread of its own, up to ``AHEAD`` of the caller:
    while the caller writes (pyoxigraph lets other threads run meanwhile), results are
    received and new files sent to the workers. The caller's thread alone records what
    happened (``_Event`` items and outcomes come through one queue, in order), so counts
    and callbacks stay in one thread."""

    def __init__(self, limit: int = AHEAD, chars: int = AHEAD_CHARS):
        self.stop = threading.Event()
        self._cond = threading.Condition()
        self._items: deque[object] = deque()
        self._limit, self._chars, self._held = max(1, limit), chars, 0

    def put(self, item: object) -> None:
        """Queue ``item`` for the caller; waits while the queue is full (unless stopped)."""
        size = len(item.text or "") if isinstance(item, workers.Outcome) else 0
        with self._cond:
            while (
                not self.stop.is_set()
                and self._items
                and (len(self._items) >= self._limit or self._held + size > self._chars)
            ):
                self._cond.wait(0.2)
            self._items.append(item)
            self._held += size
            self._cond.notify_all()

    def get(self) -> object:
        with self._cond:
            while not self._items:
                self._cond.wait()
            item = self._items.popleft()
            if isinstance(item, workers.Outcome):
                self._held -= len(item.text or "")
            self._cond.notify_all()
            return item

    def run(self, outcomes: Callable[[], Iterator[workers.Outcome]]) -> Iterator[object]:
        """Iterate ``outcomes()`` in a thread; yields its items (and the events ``put``
        by it) in the caller's thread. Leaving early stops the thread and the workers."""

        def feed() -> None:
            gen = outcomes()
            try:
                for o in gen:
                    self.put(o)
                    if self.stop.is_set():
                        break
            except BaseException as e:  # noqa: BLE001 - raised again in the caller's thread
                self.put(_Raised(e))
            finally:
                close = getattr(gen, "close", None)
                if close is not None:
                    close()  # the workers stop
                self.put(_END)

        thread = threading.Thread(target=feed, name="docketgraph-ingest-outcomes", daemon=True)
        thread.start()
        try:
            while True:
                item = self.get()
                if item is _END:
                    return
                if isinstance(item, _Raised):
                    raise item.error
                yield item
        finally:
            self.stop.set()
            with self._cond:
                self._cond.notify_all()
            thread.join(timeout=30)


def ingest(
    store: GraphStore,
    paths: Iterable[str | os.PathLike],
    *,
    jobs: int = 1,
    on_file: Callable[[str, str], None] | None = None,
    on_total: Callable[[int], None] | None = None,
    in_process: bool = False,
    timeout: float = workers.DEFAULT_TIMEOUT,
    memory: int = workers.DEFAULT_MEMORY,
    dask: object = None,
    compact: bool = True,
) -> IngestReport:
    """Ingest files and folders into ``store``; returns counts and per-file errors.
    ``compact=False`` leaves the store's compaction after the loads to the caller
    (``GraphStore.compact``; see ``GraphStore.batched``).

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

    def record(e: _Event) -> None:
        if e.kind == "skipped":
            report.skipped += 1
        elif e.kind == "file":
            report.files += 1
        elif e.kind == "failed":
            report.failed += 1
            report.errors.append((e.path, e.message or e.path))
            on_file and on_file(e.path, "failed")
        else:  # unchanged
            report.unchanged += 1
            on_file and on_file(e.path, "unchanged")

    # what the listing finds is recorded by the writer's thread: directly, or through the
    # read-ahead queue when the listing runs in its thread
    note: Callable[[_Event], None] = record

    def todo() -> Iterator[str]:
        for f, named in walk(paths):
            if _skipped(f, named):
                note(_Event("skipped", f))
                continue
            note(_Event("file", f))
            why = unreadable(f)
            if why is not None:  # decided before any reading, in this process
                note(_Event("failed", f, f"{f}: {why}"))
                continue
            sha = _sha(f)
            if sha and store.has_document(sha) and os.path.abspath(f) in store.document_paths(sha):
                note(_Event("unchanged", f))
                continue
            yield f

    # files whose documents the store holds back until their batch is written: they are
    # counted (and reported to ``on_file``) once it is, or failed with it
    held: list[tuple[str, str, int]] = []

    def settle(error: Exception | None = None) -> None:
        for path, status, quads in held:
            if error is None:
                setattr(report, status, getattr(report, status) + 1)
                report.quads += quads
                on_file and on_file(path, status)
            else:
                report.failed += 1
                report.errors.append((path, f"{path}: {error}"))
                on_file and on_file(path, "failed")
        held.clear()

    def commit(path: str, ex, text, err, prepared=None) -> None:
        if err is not None:
            report.failed += 1
            report.errors.append((path, err))
            on_file and on_file(path, "failed")
            return
        written = store.batches_written
        try:
            res = store.put(ex, text=text, path=os.path.abspath(path), prepared=prepared)
        except (DocketGraphError, ValueError, UnicodeError) as e:  # this file only: go on
            if store.held_back() < len(held):  # the batch held back went: written or given up
                settle(None if store.batches_written > written else e)
            report.failed += 1
            report.errors.append((path, f"{path}: {e}"))
            on_file and on_file(path, "failed")
            return
        status = {"added-path": "new"}.get(res.status, res.status)
        held.append((path, status, res.quads))
        batches[0] = store.batches_written
        if not store.held_back():  # written (or nothing to write)
            settle()

    batches = [store.batches_written]  # batches written when ``held`` was last added to

    items: Iterable[object]
    if dask is not None:
        items = workers.run_dask(list(todo()), dask, func=workers.extract_for_store)
    elif in_process:
        items = (workers.extract_for_store(f) for f in todo())
    else:
        ahead = _ReadAhead()
        note = ahead.put
        items = ahead.run(
            lambda: workers.run(
                todo(),
                jobs=jobs,
                timeout=timeout,
                memory=memory,
                stop=ahead.stop,
                func=workers.extract_for_store,
            )
        )
    try:
        # new documents are written a batch per transaction (each document still wholly
        # stored or wholly absent after a crash); a rerun stores any a crash held back
        with store.batched(BATCH, compact=compact):
            for o in items:
                if isinstance(o, _Event):
                    record(o)
                else:
                    assert isinstance(o, workers.Outcome)
                    commit(o.path, o.extraction, o.text, o.error, o.prepared)
    except DocketGraphError as e:  # the store itself failed: keep what was done, say why
        # what was held back is written as the batch ends, unless writing failed too
        settle(None if not store.held_back() and store.batches_written > batches[0] else e)
        report.fatal = f"the run stopped: {e}"
    finally:
        close = getattr(items, "close", None)
        if close is not None:  # leaving early: the read-ahead thread and the workers stop
            close()
        try:
            store.flush()
            settle()
        except DocketGraphError as e:
            settle(e)
            report.fatal = report.fatal or f"the run stopped: {e}"
    return report
