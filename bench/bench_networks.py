"""CPU time of the network queries (networks, centrality, communities) at a larger scale
than a store at hand, without loading that many filings.

    python bench/bench_networks.py SOURCE_STORE --times 10 [--work DIR] [--repeat 3]

The network queries read, from the summaries, each case's entity links (one literal per
kind and bucket of cases: ``graph.summaries.links_quads``), the entities' types and names,
the judges' roles and the attorneys' firms; nothing else. This script copies exactly that
from SOURCE_STORE (read-only) into a new on-disk store under ``--work``, each case's links
written ``--times`` times under as many case IRIs and dockets (``.../21-cv-00379`` and
``.../21-cv-00379-r1``...; the same entities, courts and dates), with the summaries marked
current: a 10,000-case store ``--times 10`` gives the links of 100,000 cases as the
synthetic generator (bench/generate.py) makes them, whose entity pools (30 firms, 300
attorneys, ~130 judges, 2,000 precedents) do not grow with the cases. It then prints, per
query, the rows and the best CPU seconds (time.process_time) and wall seconds of
``--repeat`` runs, each after one warm-up run.
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

import pyoxigraph as ox

from docketgraph.graph import summaries
from docketgraph.graph.store import GraphStore
from docketgraph.queries.api import KnowledgeGraph

#: the queries measured: (saved query, projection or "")
QUERIES = [
    ("firm-judge-network", ""),
    ("attorney-network", ""),
    ("citation-network", ""),
    ("platform-firm-network", ""),
    ("firm-judge-network", "from=2022-01-01,to=2022-12-31"),
    ("citation-network", "from=2022-01-01,to=2022-12-31"),
    ("centrality", "firm-judge"),
    ("centrality", "attorneys"),
    ("centrality", "citations"),
    ("centrality", "platform-firm"),
    ("communities", "firm-judge"),
    ("communities", "attorneys"),
    ("communities", "citations"),
    ("communities", "platform-firm"),
]

DG = "https://docketgraph.org/ns#"
SCHEMA_NAME = "https://schema.org/name"
_ENTITY_FACTS = f"""SELECT ?x ?p ?o WHERE {{
  VALUES ?t {{ <{DG}LawFirm> <{DG}Attorney> <{DG}Judge> <{DG}Platform> <{DG}Precedent> }}
  VALUES ?p {{ <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SCHEMA_NAME}> <{DG}judgeRole>
    <{DG}memberOf> <{DG}key> <{DG}citation> }}
  ?x a ?t ; ?p ?o }}"""


def _replica(line: str, k: int) -> str:
    """A case's links line as the ``k``-th copy of the case (k = 0: the case itself)."""
    if k == 0:
        return line
    f = line.split("\t")
    f[0] = f"{f[0]}-r{k}"
    f[1] = f"{f[1]}-r{k}"
    return "\t".join(f)


def build(source: str, target: Path, times: int) -> int:
    """The scaled store at ``target`` (made anew); returns its number of cases."""
    src = KnowledgeGraph.open(source, read_only=True).store
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    dst = GraphStore(str(target))
    st = dst._store
    st.bulk_extend(ox.Quad(r["x"], r["p"], r["o"], ox.DefaultGraph()) for r in src._store.query(_ENTITY_FACTS))
    cases: set[str] = set()
    for kind in summaries.LINKS:
        lines: dict[str, str] = {}
        for packed in src.summary_links(kind):
            for line in packed.split("\n"):
                for k in range(times):
                    ln = _replica(line, k)
                    c = ln.split("\t", 1)[0]
                    lines[c] = ln
                    cases.add(c)
        st.bulk_extend(summaries.links_quads({kind: lines}))
    st.update(summaries.VERSION_DATA)
    # the summaries are current (no stale marks); the name index is not needed here
    assert dst.summaries_current()
    dst.close()
    return len(cases)


def measure(location: str, repeat: int, only: list[str] | None) -> None:
    kg = KnowledgeGraph.open(location, read_only=True)
    assert kg.store.summaries_current()
    for name, arg in QUERIES:
        label = f"{name} {arg}".strip()
        if only and not any(o in label for o in only):
            continue
        params: dict[str, str] = {}
        if arg and "=" in arg:
            params = dict(p.split("=", 1) for p in arg.split(","))
        elif arg:
            params = {"projection": arg}
        kg.query(name, **params)  # warm-up
        best_cpu = best_wall = float("inf")
        rows = 0
        for _ in range(repeat):
            c0, w0 = time.process_time(), time.perf_counter()
            res = kg.query(name, **params)
            best_cpu = min(best_cpu, time.process_time() - c0)
            best_wall = min(best_wall, time.perf_counter() - w0)
            rows = len(res.rows)
        print(f"{label:45s} rows {rows:7d}  CPU {best_cpu:7.3f} s  wall {best_wall:7.3f} s", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", help="a summarised store (read-only)")
    ap.add_argument("--times", type=int, default=10, help="copies of each case's links")
    ap.add_argument("--work", default="/tmp/bench-networks", help="where the scaled store is written")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--reuse", action="store_true", help="measure the scaled store already in --work")
    ap.add_argument("--only", nargs="*", help="only the queries whose label contains one of these")
    a = ap.parse_args()
    target = Path(a.work) / f"links-x{a.times}"
    if not a.reuse:
        t0 = time.perf_counter()
        n = build(a.source, target, a.times)
        print(f"scaled store: {n:,} cases' links at {target} ({time.perf_counter() - t0:.1f} s)")
    measure(str(target), a.repeat, a.only)


if __name__ == "__main__":
    main()
