"""Extraction in worker processes with a time and memory limit per document.

A worker that runs past its deadline (a pathological file, a runaway regular expression
in a C extension) is killed and replaced; its file is reported as failed and the run goes
on. Each worker caps its own address space, so one hostile file cannot exhaust memory.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import queue as _queue
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

#: seconds one document may take before its worker is killed
DEFAULT_TIMEOUT = 120.0
#: address-space limit of a worker process, in bytes
DEFAULT_MEMORY = 3 * 1024 ** 3


@dataclass(frozen=True)
class Outcome:
    path: str
    extraction: object = None
    text: str | None = None
    error: str | None = None


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


def extract_one(path: str) -> Outcome:
    from docketgraph.graph.errors import DocketGraphError
    try:
        from docketgraph.ingest import extract, read_file
        doc = read_file(path)
        return Outcome(path, extract(doc), doc.text)
    except DocketGraphError as e:
        msg = str(e)
        return Outcome(path, error=msg if path in msg else f"{path}: {msg}")
    except MemoryError:
        return Outcome(path, error=f"{path}: too large: ran out of memory while reading it")
    except RecursionError:
        return Outcome(path, error=f"{path}: nested too deeply to read")
    except Exception as e:  # a hostile file or a bug: report it, keep going
        return Outcome(path, error=f"{path}: extraction failed: {type(e).__name__}: {e}")


def _worker(tasks, results, memory: int, func: Callable[[str], Outcome]) -> None:
    _limit_memory(memory)
    import logging
    logging.disable(logging.WARNING)
    while True:
        item = tasks.get()
        if item is None:
            return
        idx, path = item
        results.put((idx, func(path)))


class _Slot:
    def __init__(self, ctx, results, memory: int, func: Callable[[str], Outcome]):
        self.tasks = ctx.Queue()
        self.proc = ctx.Process(target=_worker, args=(self.tasks, results, memory, func), daemon=True)
        self.proc.start()
        self.job: tuple[int, str, float] | None = None  # (index, path, started)

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


def run(paths: Iterable[str], *, jobs: int = 1, timeout: float = DEFAULT_TIMEOUT,
        memory: int = DEFAULT_MEMORY,
        func: Callable[[str], Outcome] = extract_one) -> Iterator[Outcome]:
    """Extract ``paths`` in ``jobs`` worker processes; yields outcomes as they finish."""
    paths = list(paths)
    if not paths:
        return
    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    results = ctx.Queue()
    slots = [_Slot(ctx, results, memory, func) for _ in range(max(1, min(jobs, len(paths))))]
    pending = list(enumerate(paths))[::-1]
    running = 0
    try:
        while pending or running:
            for i, s in enumerate(slots):
                if s.job is None and pending:
                    idx, path = pending.pop()
                    s.job = (idx, path, time.monotonic())
                    s.tasks.put((idx, path))
                    running += 1
            now = time.monotonic()
            for i, s in enumerate(slots):
                if s.job is None:
                    continue
                dead = not s.proc.is_alive()
                if dead or now - s.job[2] > timeout:
                    _, path, _ = s.job
                    s.stop(kill=True)
                    slots[i] = _Slot(ctx, results, memory, func)
                    running -= 1
                    why = ("worker died (out of memory or crashed)" if dead
                           else f"took longer than {timeout:.0f}s; stopped")
                    yield Outcome(path, error=f"{path}: {why}")
            try:
                idx, outcome = results.get(timeout=0.2)
            except _queue.Empty:
                continue
            for s in slots:
                if s.job is not None and s.job[0] == idx:
                    s.job = None
                    running -= 1
                    break
            yield outcome
    finally:
        for s in slots:
            s.stop(kill=s.job is not None)


def run_dask(paths: Iterable[str], address: str, *,
             func: Callable[[str], Outcome] = extract_one) -> Iterator[Outcome]:
    """Extract ``paths`` on a Dask cluster (``address``: a scheduler address, or a
    ``distributed.Client``), yielding outcomes as they finish; the caller writes."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        from docketgraph.graph.errors import MissingDependency
        raise MissingDependency("--dask needs the 'distributed' package: "
                                "pip install 'docketgraph[dask]'") from None
    paths = list(paths)
    own = not isinstance(address, Client)
    client = Client(address) if own else address
    try:
        futures = {client.submit(func, p, pure=False, key=f"extract-{i}"): p
                   for i, p in enumerate(paths)}
        for fut in as_completed(futures):
            path = futures[fut]
            try:
                yield fut.result()
            except Exception as e:  # a worker lost or killed
                yield Outcome(path, error=f"{path}: extraction failed on the cluster: {e}")
    finally:
        if own:
            client.close()
