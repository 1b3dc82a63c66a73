"""Time view generation and settle time in headless Chromium for large graphs.

Not a test: prints figures. Usage:

    .venv/bin/python bench/bench_views.py [1000 5000 20000]

Each graph is a synthetic Schedule A network (firms, judges, cases, platforms, attorneys;
a few hubs with many cases, like the real field). "render" is the Python side (layout,
JSON, HTML); "settled" is from navigation start until the page's body gets
data-settled="1" (vis-network has drawn every node, physics off), measured in Debian's
Chromium through Playwright.
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from docketgraph.queries.views import render_graph

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def synthetic(n: int, seed: int = 7) -> nx.Graph:
    rnd = random.Random(seed)
    G = nx.Graph()
    firms = [f"firm{i}" for i in range(max(5, n // 200))]
    judges = [f"judge{i}" for i in range(max(5, n // 100))]
    platforms = [f"platform{i}" for i in range(12)]
    for f in firms:
        G.add_node(f, kind="LawFirm", label=f"Firm {f} LLP")
    for j in judges:
        G.add_node(j, kind="Judge", label=f"Judge {j}")
    for p in platforms:
        G.add_node(p, kind="Platform", label=p.title())
    i = 0
    while G.number_of_nodes() < n:
        c = f"case{i}"; i += 1
        date = f"20{rnd.randint(15, 25)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        G.add_node(c, kind="Case", label=f"1:{rnd.randint(15, 25)}-cv-{i:05d}")
        firm = firms[min(int(rnd.paretovariate(1.2)) - 1, len(firms) - 1)]
        for other, w in ((firm, 1), (rnd.choice(judges), 1), *((p, 1) for p in rnd.sample(platforms, 3))):
            G.add_edge(c, other, weight=w, cases=[G.nodes[c]["label"]], first=date, last=date)
        if rnd.random() < 0.3 and G.number_of_nodes() < n:
            a = f"att{i}"
            G.add_node(a, kind="Attorney", label=f"Attorney {i}")
            G.add_edge(a, firm, weight=1, cases=[], first=None, last=None)
            G.add_edge(a, c, weight=1, cases=[G.nodes[c]["label"]], first=date, last=date)
    return G


def main(sizes: list[int]) -> None:
    from playwright.sync_api import sync_playwright
    tmp = Path(tempfile.mkdtemp(prefix="dg-bench-"))
    print(f"{'nodes':>7} {'edges':>7} {'render s':>9} {'html MB':>8} {'settled s':>10} {'drawn':>7}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for n in sizes:
            G = synthetic(n)
            out = tmp / f"v{n}.html"
            t0 = time.perf_counter()
            render_graph(G, title=f"bench {n}", caption="synthetic", out=out, top=n)
            render = time.perf_counter() - t0
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            t1 = time.perf_counter()
            page.goto(out.as_uri())
            page.wait_for_selector("body[data-settled='1']", timeout=600000)
            settled = time.perf_counter() - t1
            drawn = page.evaluate("window.docketgraphNetwork.body.nodeIndices.length")
            page.close()
            print(f"{G.number_of_nodes():>7} {G.number_of_edges():>7} {render:>9.2f} "
                  f"{out.stat().st_size / 1e6:>8.1f} {settled:>10.2f} {drawn:>7}")
        browser.close()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 5000, 20000])
