"""Where an ingest's time goes: wall and CPU of the writer's phases and of the workers.

    python bench/ingest_phases.py FOLDER [--jobs 2] [--profile]

Runs ``KnowledgeGraph.ingest`` on FOLDER into a new store (in a temporary folder) in this
process, timing the writer's phases (building quads, writing batches, flushing, the
summaries at the end) and, in each worker, the time spent extracting against the time
spent waiting for work (a worker waiting is a core left idle when the machine has one).
``--profile`` adds the writer's cProfile (CPU time). Never run by the tests.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import logging
import os
import pstats
import resource
import shutil
import sys
import tempfile
import time

from docketgraph.graph import store as gs
from docketgraph.queries import KnowledgeGraph, workers

PHASES: dict[str, list[float]] = {}


def timed(owner, name: str, label: str) -> None:
    f = getattr(owner, name)

    def wrapper(*a, **kw):
        w0, c0 = time.perf_counter(), time.thread_time()
        try:
            return f(*a, **kw)
        finally:
            t = PHASES.setdefault(label, [0.0, 0.0, 0])
            t[0] += time.perf_counter() - w0
            t[1] += time.thread_time() - c0
            t[2] += 1

    setattr(owner, name, wrapper)


def _worker(tasks, results, memory, func, parent=0):
    """``workers._worker`` that also writes how long it waited and worked."""
    if parent:
        workers._die_with_parent(parent)
    workers._limit_memory(memory)
    logging.disable(logging.WARNING)
    idle = busy = 0.0
    n = 0
    c0 = time.process_time()
    while True:
        t0 = time.perf_counter()
        item = tasks.get()
        t1 = time.perf_counter()
        if n:
            idle += t1 - t0  # the wait for the first job is the start, not idleness
        if item is None:
            print(f"  worker {os.getpid()}: {n} files, extracting {busy:.2f} s wall "
                  f"({time.process_time() - c0:.2f} s CPU), waiting for work {idle:.2f} s "
                  f"({100 * idle / max(idle + busy, 1e-9):.0f} %)", file=sys.stderr, flush=True)
            return
        idx, path = item
        o = func(path)
        busy += time.perf_counter() - t1
        n += 1
        results.put((idx, o))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--profile", action="store_true")
    a = ap.parse_args()
    workers._worker = _worker
    timed(gs.GraphStore, "put", "put (a filing, with the batches it writes)")
    timed(gs, "extraction_quads", "building quads (inside put)")
    timed(gs.GraphStore, "commit", "writing a batch (extend; mostly inside put)")
    timed(gs.GraphStore, "flush", "flush at the end (RocksDB's threads)")
    timed(gs.GraphStore, "refresh_summaries", "summaries refresh")
    timed(workers, "preload", "preloading the extractors (before forking)")
    mb = sum(e.stat().st_size for e in os.scandir(a.folder) if e.is_file()) / 1e6
    where = tempfile.mkdtemp(prefix="dg-phases-")
    pr = cProfile.Profile(time.process_time) if a.profile else None
    try:
        w0, c0 = time.perf_counter(), time.process_time()
        kg = KnowledgeGraph.open(os.path.join(where, "store"))
        if pr:
            pr.enable()
        rep = kg.ingest([a.folder], jobs=a.jobs)
        kg.close()
        if pr:
            pr.disable()
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    finally:
        shutil.rmtree(where, ignore_errors=True)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{rep.files} files ({mb:.2f} MB), {rep.new} new, {rep.failed} failed, {rep.quads} quads")
    print(f"wall {wall:.2f} s ({mb / wall:.3f} MB/s); CPU: writer process {cpu:.2f} s, "
          f"workers {kids.ru_utime + kids.ru_stime:.2f} s; load average {os.getloadavg()[0]:.1f}")
    try:
        with open("/proc/self/status") as fh:
            hwm = next(line.split()[1] for line in fh if line.startswith("VmHWM"))
        print(f"peak resident memory of the writer process (VmHWM): {int(hwm) / 1024:.0f} MB")
    except (OSError, StopIteration):
        pass
    print("writer phases (CPU is the writer thread's own):")
    for label, (w, c, n) in PHASES.items():
        print(f"  {label:45s} wall {w:7.2f} s  CPU {c:7.2f} s  ({n} calls)")
    if pr:
        s = io.StringIO()
        pstats.Stats(pr, stream=s).sort_stats("tottime").print_stats(25)
        print(s.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
