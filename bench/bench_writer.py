"""The single writer on real filings: CPU a filing, without the workers beside it.

    python bench/bench_writer.py FOLDER [--repeat 3] [--profile] [--cache FILE]

Each file of FOLDER is extracted once (in this process, as a worker does, before any
timing; ``--cache`` keeps the outcomes for the next run of the same code), then
``queries.ingesting.ingest`` runs over the folder into a new on-disk store with the workers
replaced by the outcomes already made: what is timed is the writer's share of an ingest
(listing and hashing the files, receiving each outcome — unpickling, as it comes from a
worker — resolution, the quads, the batches written, the flush) and the summaries
refresh at the end, in CPU time of this process (pyoxigraph's own threads included). The
worker's share of the outcome (what ``extract_one`` does after the extraction itself,
and pickling the outcome) is printed too. Never run by the tests.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pickle
import pstats
import shutil
import sys
import tempfile
import time

from docketgraph.graph.store import GraphStore
from docketgraph.queries import ingesting, workers


def _worker_func():
    """What ingest's workers run (``extract_one`` before the quads were made ahead)."""
    return getattr(workers, "extract_for_store", workers.extract_one)


def outcomes(folder: str, cache: str | None) -> dict[str, bytes]:
    """path -> the pickled outcome a worker sends for it."""
    if cache and os.path.exists(cache):
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    out = {}
    made = 0.0
    for p in ingesting.iter_files([folder]):
        if ingesting.is_filing(p):
            c0 = time.process_time()
            o = _worker_func()(p)
            made += time.process_time() - c0
            out[p] = pickle.dumps(o, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"a worker's share (extraction, and the quads made ahead where the workers make them): "
          f"{1000 * made / max(1, len(out)):.2f} ms CPU a filing")
    if cache:
        with open(cache, "wb") as fh:
            pickle.dump(out, fh)
    return out


def run_once(folder: str, pickled: dict[str, bytes], profile: cProfile.Profile | None) -> tuple[float, float, float, int]:
    where = tempfile.mkdtemp(prefix="dg-writer-")
    name = _worker_func().__name__
    orig = getattr(workers, name)
    setattr(workers, name, lambda p: pickle.loads(pickled[p]))
    try:
        store = GraphStore(os.path.join(where, "store"))
        if profile:
            profile.enable()
        c0, w0 = time.process_time(), time.perf_counter()
        rep = ingesting.ingest(store, [folder], in_process=True)
        store.flush()
        c1 = time.process_time()
        store.refresh_summaries()
        c2, w2 = time.process_time(), time.perf_counter()
        if profile:
            profile.disable()
        store.close()
        assert rep.ok and rep.new, (rep.new, rep.errors[:3])
        if hasattr(store, "made_ahead"):
            print(f"  quads made ahead stored as they were: {store.made_ahead}, built again: {store.rebuilt}")
        return c1 - c0, c2 - c1, w2 - w0, rep.new
    finally:
        setattr(workers, name, orig)
        shutil.rmtree(where, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--cache", help="a file keeping the outcomes between runs of the same code")
    ap.add_argument("--batch", type=int, help="documents a batch holds (ingest's BATCH; no time limit)")
    a = ap.parse_args()
    if a.batch:
        from docketgraph.graph import store as gs

        ingesting.BATCH = a.batch
        gs._BATCH_SECONDS = float("inf")
        gs._BATCH_QUADS = 10**9
    t0 = time.process_time()
    pickled = outcomes(a.folder, a.cache)
    t1 = time.process_time()
    sizes = [len(b) for b in pickled.values()]
    c0 = time.process_time()
    for b in pickled.values():
        pickle.dumps(pickle.loads(b), protocol=pickle.HIGHEST_PROTOCOL)
    dumps_loads = time.process_time() - c0
    n = len(pickled)
    print(f"{n} filings; extracting them (once, not timed below) {t1 - t0:.1f} CPU-s; "
          f"an outcome pickled: {sum(sizes) / n / 1024:.1f} KB on average, "
          f"pickling + unpickling {1000 * dumps_loads / n:.2f} ms a filing")
    best = None
    for i in range(a.repeat):
        pr = cProfile.Profile(time.process_time) if a.profile and i == a.repeat - 1 else None
        ingest_cpu, summaries_cpu, wall, new = run_once(a.folder, pickled, pr)
        print(f"  run {i + 1}: ingest {ingest_cpu:.2f} CPU-s ({1000 * ingest_cpu / new:.2f} ms a filing, "
              f"{new / ingest_cpu:.0f} filings per CPU-s), summaries refresh {summaries_cpu:.2f} CPU-s, "
              f"wall {wall:.2f} s; load average {os.getloadavg()[0]:.1f}")
        tot = ingest_cpu + summaries_cpu
        best = tot if best is None else min(best, tot)
        if pr:
            s = io.StringIO()
            pstats.Stats(pr, stream=s).sort_stats("tottime").print_stats(30)
            print(s.getvalue())
    assert best is not None
    print(f"writer with the summaries refresh, best of {a.repeat}: {1000 * best / n:.2f} ms CPU a filing, "
          f"{n / best:.0f} filings per CPU-s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
