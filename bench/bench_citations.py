"""Speed of the citation step: eyecite on the whole text vs the pre-filtered path.

    python bench/bench_citations.py [--corpus DIR ...] [--mb 3] [--check]

Reads every text and HTML document of the corpora (default: ../shared/seeds and
../shared/corpus/dev beside the project), repeats the concatenation until it reaches
``--mb`` megabytes, and times ``find_citations_whole`` (eyecite's ``get_citations`` on
the whole text) against ``find_citations`` (the pre-filter), document by document. Prints
MB/s for each and their ratio. ``--check`` also compares the two results per document.
Not run by the tests.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from docketgraph.ingest.fields.citations import find_citations, find_citations_whole

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = [ROOT.parent / "shared" / "seeds", ROOT.parent / "shared" / "corpus" / "dev"]


def load(dirs: list[Path]) -> list[str]:
    texts = []
    for d in dirs:
        for p in sorted(d.iterdir()):
            if p.suffix in {".txt", ".html"} and not p.name.endswith(".gold.json"):
                texts.append(p.read_text(encoding="utf-8", errors="replace"))
    return texts


def run(fn, texts: list[str]) -> tuple[float, list]:
    """CPU seconds (this process) for fn over texts, and the results.

    CPU time rather than wall-clock time, so other work on a shared machine does not
    skew the ratio.
    """
    start = time.process_time()
    out = [fn(t) for t in texts]
    return time.process_time() - start, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", type=Path, help="a folder of documents")
    ap.add_argument("--mb", type=float, default=3.0, help="megabytes of text to time")
    ap.add_argument("--check", action="store_true", help="compare results per document")
    args = ap.parse_args(argv)

    base = load(args.corpus or DEFAULT_CORPORA)
    if not base:
        print("no documents found", file=sys.stderr)
        return 1
    size = sum(len(t.encode("utf-8")) for t in base)
    reps = max(1, round(args.mb * 1e6 / size))
    texts = base * reps
    mb = size * reps / 1e6
    print(f"{len(base)} documents, {size / 1e6:.2f} MB, x{reps} = {mb:.2f} MB")

    find_citations("Warm v. Up, 1 F.3d 2 (1999).")  # build eyecite's tokenizer first
    t_whole, whole = run(find_citations_whole, texts)
    t_fast, fast = run(find_citations, texts)
    print(f"eyecite on whole text : {mb / t_whole:8.3f} MB/s  ({t_whole:.1f} CPU s)")
    print(f"pre-filtered passages : {mb / t_fast:8.3f} MB/s  ({t_fast:.1f} CPU s)")
    print(f"speed-up              : {t_whole / t_fast:8.1f}x")
    if args.check:
        diffs = sum(1 for a, b in zip(whole, fast) if a != b)
        print(f"documents with different results: {diffs}")
        return 1 if diffs else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
