"""How long the web app's pages take over a store: each page asked in turn, the median of
``--repeat`` answers printed in milliseconds.

    python bench/bench_web.py --store STORE [--repeat 3]

Pages: the home page, a search, the most connected firm's and judge's pages, a case page,
a document page, the cases behind the firm's count, every saved query run from its form
with no parameters, and a SPARQL count. Requests go through Starlette's TestClient (no
network). Not run by the tests.
"""
from __future__ import annotations

import argparse
import re
import statistics
import time

from starlette.testclient import TestClient

from docketgraph.queries.api import KnowledgeGraph
from docketgraph.queries.web import create_app
from docketgraph.queries.web.app import entity_path


def local(app):
    return TestClient(app, base_url="http://127.0.0.1:8765")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    kg = KnowledgeGraph.open(args.store, read_only=True)
    stats = kg.stats()
    print(f"store: {stats['Document']} documents, {stats['Case']} cases, {stats['quads']} quads")
    firm = kg.most_connected("firm", 1)[0]
    judge = kg.most_connected("judge", 1)[0]
    with local(create_app(kg)) as c:
        fp = c.get(entity_path(firm["id"])).text
        case = next(h for h in re.findall(r'href="(/entity/case/[^"]+)"', fp))
        doc = next(h.replace("&amp;", "&") for h in re.findall(r'href="(/doc/[^"]+)"', fp))
        count = next(h.replace("&amp;", "&") for h in re.findall(r'href="(/cases\?[^"]+)"', fp))
        pages = [
            ("home", "/"),
            ("search", "/search?q=" + firm["name"].split()[0]),
            (f"firm ({firm['cases']} cases)", entity_path(firm["id"])),
            (f"judge ({judge['cases']} cases)", entity_path(judge["id"])),
            ("case", case),
            ("document", doc),
            ("cases behind a count", count),
        ]
        pages += [(f"query {q.name}", f"/query/{q.name}?run=1") for q in kg.saved_queries()]
        pages.append(("sparql count", "/sparql?query=SELECT%20(COUNT(*)%20AS%20%3Fn)%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"))
        for name, url in pages:
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                r = c.get(url)
                times.append((time.perf_counter() - t) * 1000)
            print(f"{name:40s} {r.status_code} {statistics.median(times):8.0f} ms  {len(r.content) // 1024:6d} KB")
    kg.close()


if __name__ == "__main__":
    main()
