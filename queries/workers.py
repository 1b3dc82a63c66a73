"""Extraction in worker processes with a time and memory limit per document.

A worker that runs past its deadline (a pathological file, a runaway regular expression
in a C extension) is killed and replaced; its file is reported as failed and the run goes
on. Each worker caps its own address space, so one hostile file cannot exhaust memory.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import queue as _queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from docketgraph.graph import prepared
from docketgraph.graph.errors import DocketGraphError, MissingDependency
from docketgraph.ingest import extract, read_file
from docketgraph.ingest.extract import warm_up

#: seconds one document may take before its worker is killed
DEFAULT_TIMEOUT = 120.0
#: address-space limit of a worker process, in bytes
DEFAULT_MEMORY = 3 * 1024**3
#: jobs sent ahead to each worker, so it goes on while the caller writes an outcome
PREFETCH = 2


@dataclass(frozen=True)
class Outcome:
    path: str
    extraction: object = None
    text: str | None = None
    error: str | None = None
    #: the document's quads made ahead for the writer (graph.prepared), or None
    prepared: object = None


def _limit_memory(limit: int) -> None:
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        # a forked worker starts with its parent's address space: the limit is on top of it
        try:
            with open("/proc/self/statm") as fh:
                limit += int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            pass
        cap = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):  # not on this platform
        pass


def extract_one(path: str, *, prepare: bool = False) -> Outcome:
    """A file's extraction and text; with ``prepare``, its quads made ahead for the
    writer too (graph.prepared: what ingest asks of its workers)."""
    try:
        doc = read_file(path)
        ex = extract(doc)
        made = None
        if prepare:
            try:
                made = prepared.prepare(ex, text=doc.text, path=os.path.abspath(path))
            except (ValueError, TypeError, UnicodeError, RecursionError):
                pass  # the writer builds the quads, and says what is wrong with them
        return Outcome(path, ex, doc.text, prepared=made)
    except DocketGraphError as e:
        msg = str(e)
        return Outcome(path, error=msg if path in msg else f"{path}: {msg}")
    except MemoryError:
        return Outcome(path, error=f"{path}: too large: ran out of memory while reading it")
    except RecursionError:
        return Outcome(path, error=f"{path}: nested too deeply to read")
    except Exception as e:  # a hostile file or a bug: report it, keep going
        return Outcome(path, error=f"{path}: extraction failed: {type(e).__name__}: {e}")


def extract_for_store(path: str) -> Outcome:
    """``extract_one`` with the quads made ahead (what ingest's workers run)."""
    return extract_one(path, prepare=True)


def read_one(path: str) -> Outcome:
    """A file's text as ingest reads it (the text its mentions' spans index), without the
    extraction: for showing a stored document's text again."""
    try:
        return Outcome(path, None, read_file(path).text)
    except DocketGraphError as e:
        return Outcome(path, error=str(e))
    except (MemoryError, RecursionError) as e:
        return Outcome(path, error=f"{path}: could not be read: {type(e).__name__}")
    except Exception as e:  # a hostile file or a bug: report it
        return Outcome(path, error=f"{path}: reading failed: {type(e).__name__}: {e}")


def _die_with_parent(parent: int) -> None:
    """End this worker when the process that started it dies (even by kill -9): Linux's
    parent-death signal, and elsewhere a thread that watches the parent's pid."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0:  # PR_SET_PDEATHSIG
            if os.getppid() != parent:  # it died before the signal was set
                os._exit(1)
            return
    except (OSError, AttributeError, ImportError):
        pass
    import threading

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(1.0)

    threading.Thread(target=watch, daemon=True).start()


def _worker(tasks, results, memory: int, func: Callable[[str], Outcome], parent: int = 0) -> None:
    if parent:
        _die_with_parent(parent)
    _limit_memory(memory)
    logging.disable(logging.WARNING)
    while True:
        item = tasks.get()
        if item is None:
            return
        idx, path = item
        results.put((idx, func(path)))


class _Slot:
    """One worker process and the jobs sent to it, oldest (the one it is running) first."""

    def __init__(self, ctx, results, memory: int, func: Callable[[str], Outcome]):
        self.tasks = ctx.Queue()
        self.proc = ctx.Process(
            target=_worker, args=(self.tasks, results, memory, func, os.getpid()), daemon=True
        )
        self.proc.start()
        self.jobs: deque[tuple[int, str]] = deque()  # (index, path)
        self.started = 0.0  # when the oldest job began, as far as the parent knows

    def send(self, idx: int, path: str, now: float) -> None:
        if not self.jobs:
            self.started = now
        self.jobs.append((idx, path))
        self.tasks.put((idx, path))

    def done(self, now: float) -> None:
        self.jobs.popleft()
        self.started = now  # the worker went on to the next job when it sent this result

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.tasks.put(None)
            except (OSError, ValueError):
                pass
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=5)


def preload() -> None:
    """Import the extractors and fill their lazy tables (eyecite's tokenizer and the
    reporter regexes a filing uses, courts-db, the firm list) once, in the parent, so
    that forked workers start with them instead of each paying for them on its first
    file (about a second of CPU per worker). A failure here is only logged: each worker
    would meet it again on its own files and report it per file."""
    try:
        warm_up()
    except Exception as e:  # noqa: BLE001 - the per-file path reports real problems
        logging.getLogger(__name__).debug("preloading the extractors failed: %r", e)


def run(
    paths: Iterable[str],
    *,
    jobs: int = 1,
    timeout: float = DEFAULT_TIMEOUT,
    memory: int = DEFAULT_MEMORY,
    func: Callable[[str], Outcome] = extract_one,
    depth: int = PREFETCH,
    stop: threading.Event | None = None,
) -> Iterator[Outcome]:
    """Extract ``paths`` in ``jobs`` worker processes; yields outcomes as they finish.

    ``paths`` is read as jobs are needed (it may be a generator). Each worker holds up to
    ``depth`` jobs (the one it runs and the next ones), so it goes on while the caller is
    busy with an outcome (writing it to the store); at most ``jobs * depth`` outcomes
    are in flight, whatever the number of paths. A job's time
    limit runs from when its worker is known to have started it: when it was sent to an
    idle worker, or when the worker's previous result was received. When ``stop`` is set
    the workers are stopped and the run ends (within a fraction of a second), whatever
    is in flight.
    """
    source = iter(paths)
    pending: deque[tuple[int, str]] = deque()
    count = 0

    def take(n: int) -> None:
        """Move paths from the caller's iterable to ``pending`` until it holds ``n``."""
        nonlocal count
        for path in source:
            pending.append((count, path))
            count += 1
            if len(pending) >= n:
                return

    take(max(1, jobs))
    if not pending:
        return
    fork = hasattr(os, "fork")
    ctx = mp.get_context("fork" if fork else "spawn")
    if fork and func in (extract_one, extract_for_store):
        preload()
    depth = max(1, depth)
    results = ctx.Queue()
    slots = [_Slot(ctx, results, memory, func) for _ in range(max(1, min(jobs, len(pending))))]
    try:
        while stop is None or not stop.is_set():
            room = sum(depth - len(s.jobs) for s in slots)
            if len(pending) < room:
                take(room)
            if not pending and not any(s.jobs for s in slots):
                break
            now = time.monotonic()
            for _ in range(depth):
                for s in slots:
                    if pending and len(s.jobs) < depth:
                        idx, path = pending.popleft()
                        s.send(idx, path, now)
            for i, s in enumerate(slots):
                if not s.jobs:
                    continue
                dead = not s.proc.is_alive()
                if dead or now - s.started > timeout:
                    _, path = s.jobs.popleft()
                    s.stop(kill=True)
                    # jobs sent after it were not started: they go to the next worker
                    pending.extendleft(reversed(s.jobs))
                    slots[i] = _Slot(ctx, results, memory, func)
                    why = (
                        "worker died (out of memory or crashed)"
                        if dead
                        else f"took longer than {timeout:.0f}s; stopped"
                    )
                    yield Outcome(path, error=f"{path}: {why}")
            try:
                idx, outcome = results.get(timeout=0.2)
            except _queue.Empty:
                continue
            for s in slots:
                if s.jobs and s.jobs[0][0] == idx:
                    s.done(time.monotonic())
                    break
            else:
                continue  # from a worker stopped meanwhile: its file was reported
            yield outcome
    finally:
        for s in slots:
            s.stop(kill=bool(s.jobs))


def run_dask(
    paths: Iterable[str], address: str, *, func: Callable[[str], Outcome] = extract_one
) -> Iterator[Outcome]:
    """Extract ``paths`` on a Dask cluster (``address``: a scheduler address, or a
    ``distributed.Client``), yielding outcomes as they finish; the caller writes."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise MissingDependency(
            "--dask needs the 'distributed' package: pip install 'docketgraph[dask]'"
        ) from None
    paths = list(paths)
    own = not isinstance(address, Client)
    client: Any = Client(address) if own else address
    try:
        futures = {client.submit(func, p, pure=False, key=f"extract-{i}"): p for i, p in enumerate(paths)}
        for fut in as_completed(futures):
            path = futures[fut]
            try:
                yield fut.result()
            except Exception as e:  # a worker lost or killed
                yield Outcome(path, error=f"{path}: extraction failed on the cluster: {e}")
    finally:
        if own:
            client.close()


def _query_child(conn, location: str, sparql: str, limit: int | None) -> None:
    from docketgraph.graph.errors import DocketGraphError
    from docketgraph.graph.store import GraphStore

    try:
        store = GraphStore(location, read_only=True)
        conn.send(("ok", store.query(sparql, limit=limit)))
    except DocketGraphError as e:
        conn.send(("error", (type(e).__name__, str(e))))
    except Exception as e:  # noqa: BLE001 - reported by the parent as one line
        conn.send(("error", ("QueryError", f"the query failed: {type(e).__name__}: {e}")))
    finally:
        conn.close()


def query_with_timeout(
    location: str, sparql: str, *, timeout: float, limit: int | None = None
) -> tuple[list[str], list[dict]]:
    """Run a query on the store at ``location`` in a child process stopped after
    ``timeout`` seconds: the engine cannot be interrupted from Python while it computes."""
    from docketgraph.graph import errors

    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context("spawn")
    parent_end, child_end = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_query_child, args=(child_end, location, sparql, limit), daemon=True)
    proc.start()
    child_end.close()
    try:
        if not parent_end.poll(timeout):
            raise errors.QueryError(
                f"the query took longer than {timeout:g}s; stopped (--timeout sets the limit)"
            )
        try:
            status, value = parent_end.recv()
        except EOFError:
            raise errors.QueryError("the query stopped: its process died (out of memory?)") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(timeout=5)
        parent_end.close()
    if status == "error":
        name, msg = value
        raise getattr(errors, name, errors.QueryError)(msg)
    return value
