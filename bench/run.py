"""docketgraph benchmarks: one command, figures and ratios against side-by-side baselines.

    python bench/run.py                      # scales 1000,10000; writes bench/REPORT.md
    python bench/run.py --scales 1000,10000,100000 --files 400

Never run by the tests. Prints each figure as it is measured and writes a markdown report.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import extractions, write_filings  # noqa: E402

LINES: list[str] = []


def say(line: str = "") -> None:
    print(line, flush=True)
    LINES.append(line)


def median_ms(fn, runs: int = 5, budget: float | None = None) -> float:
    """Median of ``runs`` timed calls after a warm-up; with ``budget`` (seconds), fewer runs
    when the calls are slow (at least one timed run after the warm-up)."""
    return median_ms_cpu(fn, runs, budget)[0]


def median_ms_cpu(fn, runs: int = 5, budget: float | None = None) -> tuple[float, float]:
    """``median_ms`` with the median CPU time of the same calls (ms): what the call costs
    when the machine is shared, since wall time then counts the other processes too."""
    t0 = time.perf_counter()
    fn()  # warm
    times: list[float] = []
    cpus: list[float] = []
    for _ in range(runs):
        if times and budget is not None and time.perf_counter() - t0 + times[-1] / 1000 > budget:
            break
        t1, c1 = time.perf_counter(), time.process_time()
        fn()
        cpus.append((time.process_time() - c1) * 1000)
        times.append((time.perf_counter() - t1) * 1000)
    return statistics.median(times), statistics.median(cpus)


def real_text_filings(n: int, folder: Path) -> list[Path]:
    """Text filings for the ingest benchmark: the shared corpus's real texts (and the seeds)
    when ../shared is beside the project, plus the samples, repeated with varied docket
    numbers so each file has its own content."""
    import re
    root = HERE.parent
    src = sorted((root.parent / "shared" / "corpus" / "dev").glob("*.txt"))
    src += sorted((root.parent / "shared" / "seeds").glob("*.txt"))
    src += sorted((root / "samples").glob("*.txt"))
    if not src:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    pat = re.compile(r"(\d{2})-cv-(\d{4,5})")
    out = []
    for i in range(n):
        s = src[i % len(src)]
        text = pat.sub(lambda m: f"{m.group(1)}-cv-{(int(m.group(2)) + i * 7) % 99999:05d}",
                       s.read_text(encoding="utf-8", errors="replace"))
        p = folder / f"{i:05d}-{s.name}"
        p.write_text(text + f"\n<!-- copy {i} -->\n", encoding="utf-8")
        out.append(p)
    return out


def bench_ingest(n_files: int, work: Path) -> None:
    from docketgraph.ingest.fields.citations import find_citations
    import eyecite
    say("## Ingest (text filings)")
    say()
    folder = work / "filings"
    for old in (folder, work / "store"):  # a --work folder of an earlier run: start afresh
        shutil.rmtree(old, ignore_errors=True)
    files = real_text_filings(n_files, folder) or write_filings(max(1, n_files // 2), folder)
    total = sum(p.stat().st_size for p in files)
    mb = total / 1e6
    t0 = time.perf_counter()
    texts = [p.read_text(encoding="utf-8") for p in files]
    t_read = time.perf_counter() - t0
    sample = texts[: max(1, len(texts) // 5)]
    smb = sum(len(t.encode()) for t in sample) / 1e6
    t0 = time.perf_counter()
    for t in sample:
        eyecite.get_citations(t)
    t_eye = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in sample:
        find_citations(t)
    t_ours = time.perf_counter() - t0
    per_core, ms_each = bench_extraction(files[: max(1, len(files) // 4)])
    store = work / "store"
    exe = str(Path(sys.executable).with_name("docketgraph"))
    t0 = time.perf_counter()
    r = subprocess.run([exe, "ingest", str(folder), "--store", str(store), "--jobs", "2", "-q"],
                       capture_output=True, text=True)
    t_ingest = time.perf_counter() - t0
    t0 = time.perf_counter()
    r2 = subprocess.run([exe, "ingest", str(folder), "--store", str(store), "--jobs", "2", "-q"],
                        capture_output=True, text=True)
    t_again = time.perf_counter() - t0
    say(f"| what | figure |")
    say("|---|---|")
    say(f"| files | {len(files)} ({mb:.2f} MB) |")
    say(f"| reading the bytes (baseline) | {mb / t_read:.1f} MB/s |")
    say(f"| eyecite.get_citations on whole texts (baseline, {smb:.2f} MB) | {smb / t_eye:.3f} MB/s |")
    say(f"| docketgraph citation step (pre-filter + eyecite) | {smb / t_ours:.3f} MB/s, "
        f"**{t_eye / t_ours:.1f}x** eyecite alone |")
    say(f"| extraction per core (one process, CPU time, a quarter of the files) | {per_core:.2f} MB/s, "
        f"{ms_each:.0f} ms a filing ({mb * 1000 / len(files):.0f} KB on average) |")
    say(f"| end-to-end ingest, --jobs 2 | {mb / t_ingest:.2f} MB/s, {len(files) / t_ingest:.1f} files/s "
        f"({t_ingest:.1f} s; exit {r.returncode}), **{(mb / t_ingest) / (smb / t_eye):.1f}x** eyecite alone |")
    say(f"| second run (all unchanged) | {t_again:.2f} s, **{t_ingest / t_again:.1f}x** faster "
        f"(exit {r2.returncode}) |")
    say()


def _child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def bench_worker_start(runs: int = 3) -> None:
    """``warm_up()`` in a fresh process: with the regex programs cache turned off (every
    pattern compiled, as before the cache) and with it (filled by the first run)."""
    say("## Worker first start (`warm_up()` in a fresh process)")
    say()
    cache = Path(tempfile.mkdtemp(prefix="dg-cache-"))
    code = "from docketgraph.ingest.extract import warm_up; warm_up()"
    figures: dict[str, list[tuple[float, float]]] = {"off": [], "on": []}
    try:
        env_on = {**os.environ, "DOCKETGRAPH_CACHE": str(cache)}
        env_off = {**os.environ, "DOCKETGRAPH_CACHE": "off"}
        subprocess.run([sys.executable, "-c", code], env=env_on, check=True)  # fills the cache
        for _ in range(runs):  # alternating, so both see the same load on the machine
            for label, env in (("off", env_off), ("on", env_on)):
                c0, t0 = _child_cpu(), time.perf_counter()
                subprocess.run([sys.executable, "-c", code], env=env, check=True)
                figures[label].append((time.perf_counter() - t0, _child_cpu() - c0))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    off_w, off_c = min(w for w, _ in figures["off"]), min(c for _, c in figures["off"])
    on_w, on_c = min(w for w, _ in figures["on"]), min(c for _, c in figures["on"])
    say("| what | wall (min of %d) | CPU (min of %d) |" % (runs, runs))
    say("|---|---|---|")
    say(f"| every regex compiled (cache off) | {off_w:.2f} s | {off_c:.2f} s |")
    say(f"| compiled programs read from the cache | {on_w:.2f} s | {on_c:.2f} s |")
    say(f"| ratio | {off_w / on_w:.1f}x | {off_c / on_c:.1f}x |")
    say()


def bench_writer(n_cases: int, work: Path) -> None:
    """The single writer on an on-disk store: ``GraphStore.put`` one transaction per
    document against ``put`` inside ``batched()`` (what ingest does), the same filings."""
    from docketgraph.graph.store import GraphStore
    say("## The single writer (`GraphStore.put`, on-disk store)")
    say()
    exs = list(extractions(n_cases))
    rows = []
    for label in ("one transaction per filing", "batched (ingest)"):
        loc = work / "writer-store"
        shutil.rmtree(loc, ignore_errors=True)
        st = GraphStore(loc)
        c0, t0 = time.process_time(), time.perf_counter()
        if label.startswith("batched"):
            with st.batched():
                for ex in exs:
                    st.put(ex)
        else:
            for ex in exs:
                st.put(ex)
        st.flush()
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        st.close()
        rows.append((label, wall, cpu))
        shutil.rmtree(loc, ignore_errors=True)
    say(f"{len(exs):,} synthetic filings ({n_cases:,} cases). Filings per CPU-second is what one "
        "free core would do; the wall figure depends on the other processes on the machine.")
    say()
    say("| writer | wall | filings/s (wall) | CPU a filing | filings per CPU-second |")
    say("|---|---|---|---|---|")
    for label, wall, cpu in rows:
        say(f"| {label} | {wall:.1f} s | {len(exs) / wall:.0f} | {1000 * cpu / len(exs):.2f} ms | "
            f"{len(exs) / cpu:.0f} |")
    say(f"| ratio (batched / one each) | {rows[0][1] / rows[1][1]:.1f}x | | | {rows[0][2] / rows[1][2]:.1f}x |")
    say()


def bench_extraction(files: list[Path]) -> tuple[float, float]:
    """Extraction in this process (one core): (MB/s of CPU time, ms a filing)."""
    from docketgraph.ingest import read_file
    from docketgraph.ingest.extract import extract, warm_up
    warm_up()
    mb = sum(p.stat().st_size for p in files) / 1e6
    c0 = time.process_time()
    for p in files:
        extract(read_file(str(p)))
    cpu = time.process_time() - c0
    return mb / cpu, 1000 * cpu / len(files)


QUERY_TIMEOUT = 20.0
BULK_ABOVE = 10**9  # default of --bulk-above: every scale goes through the ingest writer


def _query_child(loc, name, params, out) -> None:
    from docketgraph.queries.api import KnowledgeGraph
    try:
        kg = KnowledgeGraph(loc, read_only=True)
        out.put(median_ms_cpu(lambda: kg.query(name, **params), budget=QUERY_TIMEOUT * 0.8))
    except Exception as e:  # reported by the parent
        out.put(f"failed: {type(e).__name__}: {e}")


def timed_query(loc, name: str, params: dict, timeout: float) -> tuple[float, float] | str:
    """Median latency and CPU time of a saved query (ms), in a child process stopped after
    ``timeout``."""
    import multiprocessing as mp
    ctx = mp.get_context("fork")
    out = ctx.Queue()
    p = ctx.Process(target=_query_child, args=(loc, name, params, out))
    p.start()
    p.join(timeout)
    if p.is_alive():
        p.kill()
        p.join()
        return f"over {timeout:.0f} s (stopped)"
    return out.get() if not out.empty() else "failed: no result"


def _time_queries(loc: Path, n: int, reg, examples: dict, results: dict, work: Path) -> None:
    """Every saved query's latency on the store at ``loc``, a few with dates, and one view."""
    from docketgraph.queries.api import KnowledgeGraph
    kg = KnowledgeGraph(loc, read_only=True)
    firm = kg.query("firms-before-judges").rows[0]
    # a real document and a real plaintiff of the store (the first the store finds)
    doc = kg.sparql("SELECT ?n WHERE { ?d a dg:Document ; schema:name ?n } LIMIT 1").rows
    plaintiff = kg.sparql('SELECT ?n WHERE { ?pt dg:role "plaintiff" ; dg:party ?p . ?p schema:name ?n } LIMIT 1').rows
    for q in reg.all():
        params = dict(examples.get(q.name, {}))
        if "firm" in params:
            params["firm"] = firm.get("firm_label")
        if "judge" in params:
            params["judge"] = firm.get("judge_label")
        if "document" in params and doc:
            params["document"] = doc[0]["n"]
        ms = timed_query(loc, q.name, params, timeout=QUERY_TIMEOUT)
        if isinstance(ms, str):
            say(f"  - {q.name}: {ms}")
            ms = (float("nan"), float("nan"))
        results.setdefault(q.name, {})[n] = ms
    # with a date range: every one reads the summaries' month buckets
    year = {"from": "2023-01-01", "to": "2023-12-31"}
    forms = [(f"{name} (from/to given: summaries)", name, year)
             for name in ("firms-before-judges", "platforms-by-firm", "schedule-a-cases", "brand-portfolio",
                          "precedents-cited")]
    forms += [("precedents-cited (judge given)", "precedents-cited", {"judge": firm.get("judge_label")}),
              ("precedents-cited (judge, from given)", "precedents-cited",
               {"judge": firm.get("judge_label"), "from": "2023-01-01"})]
    if plaintiff:
        forms.append(("brand-portfolio (plaintiff given)", "brand-portfolio", {"plaintiff": plaintiff[0]["n"]}))
    # every mention of every document: an export (millions of rows on a store of real
    # filings), timed apart from the interactive form (one document) in the table
    forms.append(("document-provenance (every document: an export)", "document-provenance", {}))
    for label, name, params in forms:
        ms = timed_query(loc, name, params, timeout=QUERY_TIMEOUT)
        if isinstance(ms, str):
            say(f"  - {label}: {ms}")
            ms = (float("nan"), float("nan"))
        results.setdefault(label, {})[n] = ms
    t0 = time.perf_counter()
    out = kg.view("firms-before-judges", work / f"view-{n}.html")
    tv = time.perf_counter() - t0
    say(f"  - view firms-before-judges: {tv:.2f} s, {out.stat().st_size / 1e6:.2f} MB")
    kg.close()


def _reset_peak() -> None:
    """Start this process's peak resident memory (VmHWM) afresh (Linux 4.0+; else a no-op)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _peak_mb() -> float:
    """This process's peak resident memory (VmHWM) in MB, or NaN where /proc has none."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return float("nan")


def _load(loc: Path, n: int, bulk_above: int) -> dict:
    """Load ``n`` synthetic cases into a new store at ``loc`` and build its summaries: the
    documents, quads, wall and CPU seconds of the load and of the summaries, and the peak
    resident memory of each."""
    from docketgraph.graph.store import GraphStore
    shutil.rmtree(loc, ignore_errors=True)
    st = GraphStore(loc)
    _reset_peak()
    t0, c0 = time.perf_counter(), time.process_time()
    docs = 0
    compactions = [0, 0.0]  # how many, and their seconds: each rewrites the store's files
    plain_compact = st.compact

    def timed_compact() -> None:
        c1 = time.perf_counter()
        before = st._loads_unsettled
        plain_compact()
        if before:
            compactions[0] += 1
            compactions[1] += time.perf_counter() - c1

    st.compact = timed_compact  # type: ignore[method-assign]
    step = max(3000, 3 * n // 20)  # a progress line every twentieth of the load
    last = (0, t0, c0)
    if n <= bulk_above:
        with st.batched():  # the writer ingest uses
            for ex in extractions(n):
                st.put(ex)
                docs += 1
                if docs % step == 0:
                    w, c = time.perf_counter(), time.process_time()
                    print(f"    {docs // 3:,} cases loaded: {w - t0:.0f} s, {c - c0:.0f} CPU-s; the last "
                          f"{(docs - last[0]) // 3:,} at {(docs - last[0]) / (c - last[2]):.0f} filings per CPU-s "
                          f"({(docs - last[0]) / (w - last[1]):.0f}/s wall); {compactions[0]} compactions "
                          f"({compactions[1]:.0f} s); peak {_peak_mb():.0f} MB", flush=True)
                    last = (docs, w, c)
    else:  # the bulk path (same quads, no per-document transaction)
        docs = 3 * n
        st.bulk_put(extractions(n), refresh=False)
    st.flush()
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    load_mb = _peak_mb()
    load_compactions = tuple(compactions)  # the summaries' own compaction is counted with them
    quads = len(st)
    _reset_peak()
    t0, c0 = time.perf_counter(), time.process_time()
    st.refresh_summaries()
    st.flush()
    t_sum, c_sum = time.perf_counter() - t0, time.process_time() - c0
    st.close()
    return {"docs": docs, "quads": quads, "secs": secs, "cpu": cpu, "t_sum": t_sum, "c_sum": c_sum,
            "compactions": load_compactions[0], "compaction_s": load_compactions[1],
            "load_mb": load_mb, "sum_mb": _peak_mb(), "bulk": n > bulk_above,
            "disk_gb": sum(f.stat().st_size for f in loc.rglob("*") if f.is_file()) / 1e9}


def _rebuild_summaries(loc: Path, f: dict) -> None:
    """Rebuild a loaded store's summaries whole (as after a load into an empty store, or a
    new summaries version) with this code: their figures in ``f`` replaced."""
    from docketgraph.graph import summaries
    from docketgraph.graph.store import GraphStore
    st = GraphStore(loc)
    if not f.get("quads"):  # a record written by hand from a load's progress lines
        f["quads"] = len(st)
    st._store.update(f"DELETE WHERE {{ GRAPH <{summaries.SUMMARY_GRAPH}> "
                     f"{{ <{summaries.SUMMARY_GRAPH}> <{summaries.SNS}version> ?v }} }}")
    _reset_peak()
    t0, c0 = time.perf_counter(), time.process_time()
    st.refresh_summaries()
    st.flush()
    f.update(t_sum=time.perf_counter() - t0, c_sum=time.process_time() - c0, sum_mb=_peak_mb(),
             rebuilt=time.strftime("%Y-%m-%d %H:%M"))
    st.close()
    f["disk_gb"] = sum(p.stat().st_size for p in loc.rglob("*") if p.is_file()) / 1e9


def bench_store(scales: list[int], work: Path, bulk_above: int = BULK_ABOVE,
                rebuild: bool = False) -> None:
    from docketgraph.queries.registry import Registry
    say("## Store load and saved-query latency (on-disk pyoxigraph store)")
    say()
    say("Each case is three filings (a complaint with counsel, parties, platforms and citations; "
        "an order naming the district judge; an order naming both judges), loaded through "
        f"`GraphStore.put` inside `batched()` (as ingest writes: up to 200 documents a "
        "transaction, entity resolution included)"
        + (f" up to {bulk_above:,} cases and through `GraphStore.bulk_put` (the same quads) above"
           if bulk_above < max(scales) else "")
        + ". Load and summaries: wall and CPU seconds of this process (pyoxigraph's own threads "
        "included) and its peak resident memory (VmHWM) during each. Query "
        "latency is the median of 5 runs after a warm-up (fewer when a query is slow), each "
        f"query in its own process, stopped after {QUERY_TIMEOUT:.0f} s.")
    say()
    reg = Registry()
    examples = {
        "firms-before-judges": {}, "judges-for-firm": {"firm": None}, "firms-for-judge": {"judge": None},
        "case-summary": {"docket": "1:21-cv-00001"}, "platforms-by-firm": {},
        "entity-search": {"name": "Holdings"},
        # the interactive form: one document of the store (bench_store picks it)
        "document-provenance": {"document": None},
    }
    results: dict[str, dict[int, tuple[float, float]]] = {}
    for n in scales:
        loc = work / f"store-{n}"
        record = work / f"store-{n}.json"
        reused = record.exists() and loc.exists()  # loaded by an earlier run with --work
        if reused:
            f = json.loads(record.read_text())
        else:
            f = _load(loc, n, bulk_above)
            record.write_text(json.dumps(f))
        if isinstance(f, list):  # a record written before the CPU and memory figures
            f = dict(zip(("n", "docs", "quads", "secs", "t_sum"), f))
        if reused and rebuild:
            _rebuild_summaries(loc, f)
            record.write_text(json.dumps(f))
        nan = float("nan")
        secs, t_sum = f["secs"], f["t_sum"]
        say(f"- {n:,} cases: {f['docs']:,} documents, {f['quads']:,} quads loaded in {secs:.1f} s "
            f"({f.get('cpu', nan):.1f} CPU-s; {f['quads'] / secs:,.0f} quads/s, {f['docs'] / secs:,.0f} "
            f"documents/s{', bulk path' if f.get('bulk') else ', through the ingest writer'}; "
            f"{f.get('compactions', '?')} compactions taking {f.get('compaction_s', nan):.0f} s; peak "
            f"{f.get('load_mb', nan):,.0f} MB); summaries built in {t_sum:.1f} s "
            f"({f.get('c_sum', nan):.1f} CPU-s; {n / t_sum:,.0f} cases/s, "
            f"**{100 * t_sum / secs:.0f} %** of the load time; peak {f.get('sum_mb', nan):,.0f} MB); "
            f"store {f.get('disk_gb', nan):.1f} GB on disk"
            + (" (store loaded by an earlier run" + (f"; summaries rebuilt {f['rebuilt']} by this code"
               if f.get("rebuilt") else "") + ")" if reused else ""))
        _time_queries(loc, n, reg, examples, results, work)
    say()
    say("Each cell: median wall time / median CPU time of the query's process, in ms (on a "
        "shared machine the CPU figure is the one to compare).")
    say()
    say("| saved query | " + " | ".join(f"{n:,} cases (ms)" for n in scales) + " |")
    say("|---|" + "---|" * len(scales))
    for name in sorted(results):
        cells = []
        for n in scales:
            wall, cpu = results[name].get(n, (float("nan"), float("nan")))
            cells.append(f"over {QUERY_TIMEOUT:.0f} s (stopped)" if wall != wall else f"{wall:.1f} / {cpu:.1f}")
        say(f"| {name} | " + " | ".join(cells) + " |")
    say()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scales", default="1000,10000", help="case counts for the store benchmarks")
    ap.add_argument("--files", type=int, default=400, help="text filings for the ingest benchmark")
    ap.add_argument("--report", default=str(HERE / "REPORT.md"))
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--writer-cases", type=int, default=500, help="cases (3 filings each) for the writer figures")
    ap.add_argument("--bulk-above", type=int, default=BULK_ABOVE,
                    help="load scales above this many cases through GraphStore.bulk_put instead of "
                    "the ingest writer (default: every scale through the writer)")
    ap.add_argument("--rebuild-summaries", action="store_true",
                    help="with --work: rebuild the reused stores' summaries whole with this code, "
                    "timing it (e.g. after a change to the summaries)")
    ap.add_argument("--work", help="keep the stores in this folder and reuse the ones already "
                    "loaded there (their load figures are read back), e.g. to re-time queries at "
                    "100,000 cases without loading again")
    a = ap.parse_args()
    scales = [int(x) for x in a.scales.split(",") if x]
    work = Path(a.work) if a.work else Path(tempfile.mkdtemp(prefix="dg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    say("# docketgraph benchmark report")
    say()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    say(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {load:.1f} at the start; "
        f"run {time.strftime('%Y-%m-%d %H:%M')}. Command: `python bench/run.py {' '.join(sys.argv[1:])}`.")
    say()
    try:
        bench_worker_start()
        if not a.skip_ingest:
            bench_ingest(a.files, work)
        bench_writer(a.writer_cases, work)
        bench_store(scales, work, a.bulk_above, a.rebuild_summaries)
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # Linux keeps a process's peak across exec, so a child's figure is at least this process's
    # size when it was started: an upper bound, not the child's own peak
    say(f"Peak memory: this process {me:.0f} MB; largest child process at most {kids:.0f} MB "
        "(counts this process's size when the child was started).")
    Path(a.report).write_text("\n".join(LINES) + "\n", encoding="utf-8")
    print(f"wrote {a.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
