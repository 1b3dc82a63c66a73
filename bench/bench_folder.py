"""Ingest a folder of filings twice into a fresh store and report both times, files/s and MB/s.

By default the files are made from the project's own samples and fixtures (text filings,
a PDF, a PACER docket page, CourtListener JSON) with varied names and docket numbers, so
every file has its own content. ``--synthetic CASES`` writes instead the whole dockets of
that many synthetic Schedule A cases (``generate.write_filings``: twenty filings a case).
``--per-case N`` writes N of each synthetic case's twenty filings (3 is the shape of the
issue's "100,000 cases, 300,000 filings"). ``--extract`` first times in-process extraction
of the same files (one process, CPU time), the ceiling of what one worker can feed the
store. Each run reports its wall time, the CPU seconds of the ingest process and its
workers together (what a free machine would spend; wall time on a shared machine counts
the other processes too) and the peak resident memory of the largest of them.
``--keep DIR`` keeps the filings and the store there. Never run by the tests.

    python bench/bench_folder.py [--files 1000] [--jobs 2] [--synthetic CASES [--per-case N]]
                                 [--extract] [--keep DIR]
"""
from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_DOCKET = re.compile(r"(\d{2})-cv-(\d{4,5})")


def sources() -> list[Path]:
    out = sorted((ROOT / "samples").glob("*.txt"))
    out += sorted((ROOT / "tests/fixtures/filings").glob("*.txt"))
    out += sorted((ROOT / "tests/fixtures/pdf").glob("*.pdf"))
    out += sorted((ROOT / "tests/fixtures/pacer").glob("*.html"))
    out += [p for p in sorted((ROOT / "tests/fixtures/courtlistener").glob("*.json"))
            if not p.name.endswith(".gold.json")]
    return out


def make(folder: Path, n: int) -> int:
    src = sources()
    size = 0
    for i in range(n):
        s = src[i % len(src)]
        data = s.read_bytes()
        if s.suffix == ".pdf":
            data += f"\n% copy {i}\n".encode()  # after %%EOF: new content, same text
        else:
            from docketgraph.ingest.readers.decode import decode
            text = decode(data)[0]
            text = _DOCKET.sub(lambda m: f"{m.group(1)}-cv-{(int(m.group(2)) + i * 7) % 99999:05d}", text)
            data = text.encode("utf-8")
        sub = folder / f"batch{i // 100:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        p = sub / f"{i:04d}-{s.stem}{s.suffix}"
        p.write_bytes(data)
        size += len(data)
    return size


def synthetic(folder: Path, cases: int, per_case: int | None = None) -> tuple[int, int]:
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import write_filings
    files = write_filings(cases, folder, filings_per_case=per_case)
    return len(files), sum(p.stat().st_size for p in files)


def extract_rate(folder: Path) -> str:
    """In-process extraction of every file under ``folder`` (after a warm-up)."""
    import logging
    from docketgraph.ingest import extract, read_file
    from docketgraph.ingest.extract import warm_up
    logging.disable(logging.WARNING)
    warm_up()
    paths = sorted(p for p in folder.rglob("*") if p.is_file())
    size = sum(p.stat().st_size for p in paths)
    t0 = time.process_time()
    for p in paths:
        extract(read_file(p))
    secs = time.process_time() - t0
    return (f"in-process extraction (1 process, CPU time): {secs:.1f} s, {len(paths) / secs:.1f} files/s, "
            f"{size / 1e6 / secs:.3f} MB/s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--synthetic", type=int, default=0, metavar="CASES",
                    help="ingest the dockets of this many synthetic cases instead")
    ap.add_argument("--per-case", type=int, default=None, metavar="N",
                    help="with --synthetic: N of each case's twenty filings (default: all)")
    ap.add_argument("--extract", action="store_true", help="also time in-process extraction")
    ap.add_argument("--keep", metavar="DIR", help="keep the filings and the store in DIR (must not exist)")
    a = ap.parse_args()
    if a.keep:
        work = Path(a.keep)
        work.mkdir(parents=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="dg-folder-"))
    try:
        folder = work / "filings"
        if a.synthetic:
            a.files, size = synthetic(folder, a.synthetic, a.per_case)
        else:
            size = make(folder, a.files)
        if a.extract:
            print(extract_rate(folder))
        exe = str(Path(sys.executable).with_name("docketgraph"))
        runs = []
        print(f"{a.files} files, {size / 1e6:.1f} MB", flush=True)
        for label in ("first run", "second run"):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            r = subprocess.run([exe, "ingest", str(folder), "--store", str(work / "store"),
                                "--jobs", str(a.jobs), "-q"], capture_output=True, text=True)
            secs = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
            runs.append(secs)
            summary = r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ""
            # ru_maxrss of the children: the largest of the ingest process and its workers
            # (this process is small, so the figure is theirs), in KB on Linux
            print(f"{label}: {secs:.1f} s, {a.files / secs:.1f} files/s, {size / 1e6 / secs:.2f} MB/s "
                  f"(exit {r.returncode}); {cpu:.1f} CPU-s (ingest and workers), "
                  f"{a.files / cpu:.1f} files per CPU-s, {size / 1e6 / cpu:.3f} MB per CPU-s; "
                  f"peak {after.ru_maxrss / 1024:,.0f} MB — {summary}", flush=True)
        print(f"{a.files} files, {size / 1e6:.1f} MB; second run {runs[0] / runs[1]:.1f}x faster")
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
