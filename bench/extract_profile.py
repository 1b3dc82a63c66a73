"""Extraction per core: CPU time of ``extract`` (the worker's call, queries/workers.py
``extract_one``) over folders of filings, reading excluded.

    python bench/extract_profile.py                      # dev corpus text/html + bench filings
    python bench/extract_profile.py FOLDER ... --profile  # cProfile top 30 (cumulative, tottime)
    python bench/extract_profile.py --dump out.jsonl      # every extraction with its spans

Prints MB/s per CPU-second, ms a filing and ms a KB, and a fit of CPU time against size
(fixed cost a filing + cost a KB) over the files' sizes, small and large apart. The files
are read once before timing; ``warm_up()`` runs first (as ingest does before its workers),
so the figures are a warm worker's. ``--dump`` writes each file's gold form with
provenance (spans), one JSON line a file, to compare two versions of the code.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

DEFAULT = ["/work/shared/corpus/dev", "/tmp/speed-bench/filings"]
SUFFIXES = {".txt", ".html", ".htm", ".md"}
SKIP = {"README.md", "REVIEW.md"}  # a corpus folder's notes, not filings (as snapshot.py skips them)


def files_of(folders: list[str], suffixes: set[str]) -> list[Path]:
    out: list[Path] = []
    for f in folders:
        p = Path(f)
        if p.is_file():
            out.append(p)
        elif p.is_dir():
            out += sorted(q for q in p.iterdir() if q.is_file() and q.suffix.lower() in suffixes
                          and not q.name.endswith(".gold.json") and q.name not in SKIP)
    return out


def fit(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Least squares cpu = a + b * kb: (a ms, b ms a KB)."""
    n = len(points)
    if n < 2:
        return (points[0][1] if points else 0.0), 0.0
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    b = sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else 0.0
    return my - b * mx, b


def sample(run, top: int) -> None:
    """Sample the Python stack every millisecond of CPU time (less distortion than cProfile,
    whose cost a call inflates small Python functions): each function's share of the
    samples where it is on top (self) and anywhere on the stack (total)."""
    import collections
    import signal

    self_n: collections.Counter[str] = collections.Counter()
    line_n: collections.Counter[str] = collections.Counter()
    total_n: collections.Counter[str] = collections.Counter()
    n = 0.0
    last = time.process_time()

    def name(f) -> str:
        c = f.f_code
        return f"{Path(c.co_filename).name}:{c.co_firstlineno}({c.co_name})"

    def tick(_sig, frame) -> None:
        # A signal is handled between bytecodes: ticks that fall inside one long C call
        # (a regex over a whole text) arrive as one, so each sample weighs the CPU time
        # since the last one.
        nonlocal n, last
        now = time.process_time()
        w, last = now - last, now
        n += w
        seen = set()
        f = frame
        self_n[name(f)] += w
        line_n[f"{Path(f.f_code.co_filename).name}:{f.f_lineno} in {f.f_code.co_name}"] += w
        while f is not None:
            k = name(f)
            if k not in seen:
                seen.add(k)
                total_n[k] += w
            f = f.f_back

    signal.signal(signal.SIGPROF, tick)
    last = time.process_time()
    signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)
    try:
        run()
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
    for label, cnt in (("self", self_n), ("self, by line", line_n), ("total", total_n)):
        print(f"\n--- sampled: top {top} by {label} ({n:.2f} CPU-s) ---")
        for k, v in cnt.most_common(top):
            print(f"{100 * v / n:6.1f} %  {k}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", default=DEFAULT)
    ap.add_argument("--suffix", action="append", help="file suffixes taken (default .txt .html .htm .md)")
    ap.add_argument("--repeat", type=int, default=1, help="passes over the files (the min is kept)")
    ap.add_argument("--profile", action="store_true", help="cProfile top 30 by cumulative and tottime")
    ap.add_argument("--sample", action="store_true",
                    help="a sampling profile (CPU timer, 1 ms): top functions by self and by total")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--dump", help="write every extraction (gold form with spans) to this JSONL file")
    ap.add_argument("--slowest", type=int, default=0, help="list the N slowest files (ms, KB)")
    a = ap.parse_args()

    import logging

    logging.disable(logging.WARNING)  # eyecite's warnings about odd cites, one line each
    from docketgraph.ingest import read_file
    from docketgraph.ingest.extract import extract, warm_up

    suffixes = {s if s.startswith(".") else "." + s for s in a.suffix} if a.suffix else SUFFIXES
    paths = files_of(a.folders, suffixes)
    docs = []
    for p in paths:
        try:
            docs.append((p, read_file(str(p))))
        except Exception as e:  # noqa: BLE001 - a file the reader refuses is left out
            print(f"skipped {p}: {e}", file=sys.stderr)
    warm_up()
    sizes = [len(d.text.encode("utf-8")) for _, d in docs]
    mb = sum(p.stat().st_size for p, _ in docs) / 1e6
    text_mb = sum(sizes) / 1e6

    if a.dump:
        with open(a.dump, "w") as fh:
            for p, d in docs:
                fh.write(json.dumps({"doc": str(p), "out": extract(d).to_gold(provenance=True)},
                                    sort_keys=True, ensure_ascii=False) + "\n")
        print(f"{len(docs)} extractions -> {a.dump}")
        return 0

    best: list[float] | None = None
    for _ in range(max(1, a.repeat)):
        per: list[float] = []
        for _, d in docs:
            c0 = time.process_time()
            extract(d)
            per.append(time.process_time() - c0)
        if best is None or sum(per) < sum(best):
            best = per
    assert best is not None
    cpu = sum(best)
    print(f"{len(docs)} filings, {mb:.2f} MB of files ({text_mb:.2f} MB of text), "
          f"{cpu:.2f} CPU-s")
    print(f"extraction per core: {mb / cpu:.3f} MB/s (files), {text_mb / cpu:.3f} MB/s (text); "
          f"{1000 * cpu / len(docs):.1f} ms a filing; {1000 * cpu / (text_mb * 1000):.2f} ms a KB")
    pts = [(s / 1000, 1000 * c) for s, c in zip(sizes, best)]
    med = sorted(s for s, _ in pts)[len(pts) // 2]
    for label, sel in (("all", pts), (f"small (< {med:.0f} KB)", [q for q in pts if q[0] < med]),
                       (f"large (>= {med:.0f} KB)", [q for q in pts if q[0] >= med])):
        a0, b0 = fit(sel)
        tot = sum(y for _, y in sel)
        kb = sum(x for x, _ in sel)
        print(f"  {label}: {len(sel)} filings, {kb / 1000:.2f} MB, {tot / 1000:.2f} CPU-s, "
              f"{kb / tot:.3f} MB/s; fit {a0:.1f} ms a filing + {b0:.2f} ms a KB")
    if a.slowest:
        order = sorted(zip(best, sizes, (str(p) for p, _ in docs)), reverse=True)[: a.slowest]
        for c, s, p in order:
            print(f"  {1000 * c:8.1f} ms {s / 1000:8.1f} KB  {p}")

    if a.sample:
        sample(lambda: [extract(d) for _, d in docs], a.top)

    if a.profile:
        prof = cProfile.Profile()
        prof.enable()
        for _, d in docs:
            extract(d)
        prof.disable()
        for key in ("cumulative", "tottime"):
            print(f"\n--- top {a.top} by {key} ---")
            pstats.Stats(prof).sort_stats(key).print_stats(a.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
