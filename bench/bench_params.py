"""CPU time of saved queries run on their exact path with selective parameters
(the exact path even where the summaries would answer).

    python bench/bench_params.py /tmp/speed-bench/store-10000 [--repeat 3] [--reference DIR]

Opens the store read-only, picks parameter values from the store itself (a plaintiff, a
defendant, a document's hash and file name, a docket, a firm, a judge) and prints, per query
and parameter, the rows and the best CPU milliseconds (time.process_time) of ``--repeat``
runs. ``--reference DIR`` also runs the ``reference-NAME.rq`` texts found there (the
previous texts) through the same machinery, for before/after figures in one run.
"""
from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

from docketgraph.queries.api import KnowledgeGraph
from docketgraph.queries.saved import parse_rq


def samples(kg: KnowledgeGraph) -> dict[str, str]:
    q = kg.store.query
    one = lambda text, col: (q(text)[1] or [{col: ""}])[0][col]  # noqa: E731
    anyone = one('SELECT ?k WHERE { ?pt dg:role "defendant" ; dg:party ?p . ?p dg:key ?k } LIMIT 1', "k")
    return {
        "plaintiff": one('SELECT ?k WHERE { ?pt dg:role "plaintiff" ; dg:party ?p . ?p dg:key ?k } LIMIT 1', "k"),
        "defendant": one('SELECT ?k WHERE { ?pt dg:role "defendant" ; dg:party ?p . ?p dg:key ?k '
                         'FILTER(!CONTAINS(STRAFTER(STR(?p), "/party/"), "/")) } LIMIT 1', "k") or anyone,
        "sha": one("SELECT ?s WHERE { ?d dg:sha256 ?s } LIMIT 1", "s"),
        "document": one("SELECT ?n WHERE { ?d a dg:Document ; schema:name ?n } LIMIT 1", "n"),
        "docket": one("SELECT ?k WHERE { ?c dg:docketKey ?k } LIMIT 1", "k"),
        "firm": one("SELECT ?k WHERE { ?f a dg:LawFirm ; dg:key ?k } LIMIT 1", "k"),
        "judge": one("SELECT ?k WHERE { ?j a dg:Judge ; dg:key ?k } LIMIT 1", "k"),
        "nobody": "no-such-name",
        "from": "2022-01-01",
        "to": "2022-12-31",
    }


#: (query, parameters) measured; values named by samples() keys
CASES = [
    ("brand-portfolio", ("plaintiff",)),
    ("document-provenance", ("sha",)),
    ("document-provenance", ("document",)),
    ("case-summary", ("docket",)),
    ("seller-recurrence", ("defendant",)),
    ("seller-recurrence", ("defendant=nobody",)),
    ("platforms-by-firm", ("firm", "from", "to")),
    ("platforms-by-judge", ("judge", "from", "to")),
    ("precedents-cited", ("judge",)),
    ("precedents-cited", ("firm", "judge")),
    ("schedule-a-cases", ("firm",)),
    ("schedule-a-cases", ("judge",)),
    ("attorneys-of-firm", ("firm",)),
    ("co-counsel", ("firm",)),
    ("firms-before-judges", ("judge",)),
    ("firms-for-judge", ("judge",)),
    ("judges-for-firm", ("firm",)),
    ("opposing-counsel", ("firm",)),
]


def cpu_ms(fn, repeat: int) -> tuple[float, int]:
    best, n = float("inf"), 0
    for _ in range(repeat):
        t = time.process_time()
        n = len(fn()[1])
        best = min(best, time.process_time() - t)
    return best * 1000, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--reference", type=Path)
    ap.add_argument("--only", default="", help="only queries whose name contains this")
    a = ap.parse_args()
    kg = KnowledgeGraph(a.store, read_only=True)
    vals = samples(kg)
    print("values:", vals)
    for name, params in CASES:
        if a.only and a.only not in name:
            continue
        given = {p.split("=")[0]: vals[p.split("=")[-1]] for p in params}
        q = dataclasses.replace(kg.registry.get(name), summary=None)  # the exact path
        ms, n = cpu_ms(lambda: q.run(kg.store, given, keys=given), a.repeat)
        line = f"{name:22} {','.join(params):10} rows {n:5}  now {ms:9.1f} ms CPU"
        ref = a.reference and a.reference / f"reference-{name}.rq"
        if ref and ref.exists():
            old = dataclasses.replace(q, sparql=parse_rq(ref.read_text(), name, builtin=True).sparql)
            oms, on = cpu_ms(lambda: old.run(kg.store, given, keys=given), a.repeat)
            line += f"  before {oms:9.1f} ms CPU (rows {on})  ratio {oms / max(ms, 0.01):6.1f}x"
        print(line, flush=True)


if __name__ == "__main__":
    main()
