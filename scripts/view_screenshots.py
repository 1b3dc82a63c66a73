"""Screenshots of large views in headless Chromium (the OS package, through Playwright).

    .venv/bin/python scripts/view_screenshots.py [OUT_DIR]

Draws the synthetic entity views of tests/view_factories.py (a busy plaintiffs' firm at
100, 2,000 and 5,000 nodes) as `view --entity` does (cited cases and parties folded, the
firm in focus), and saves what a reader sees when the page opens: OUT_DIR/view-SIZE.png
(default output/screenshots). docs/view-entity-5000.png, shown in the README, is the
5,000-node one, written with --docs.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from view_factories import FOCUS, FOCUS_LABEL, entity_neighbourhood  # noqa: E402

from docketgraph.queries.views import render_graph  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def main(argv: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    docs = "--docs" in argv
    args = [a for a in argv if a != "--docs"]
    out = Path(args[0]) if args else ROOT / "output" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="dg-shots-"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for size in (100, 2000, 5000):
            G = entity_neighbourhood(size)
            html = render_graph(
                G, title=f"Around {FOCUS_LABEL}", out=tmp / f"v{size}.html", top=G.number_of_nodes(),
                caption=f"A synthetic entity view of {G.number_of_nodes():,} nodes (view --entity).",
                focus=FOCUS, fold=True,
            )
            page = browser.new_page(viewport={"width": 1400, "height": 860})
            page.goto(html.as_uri())
            page.wait_for_selector("body[data-settled='1']", timeout=120000)
            shot = out / f"view-{size}.png"
            page.screenshot(path=str(shot))
            print(shot)
            page.close()
        browser.close()
    if docs:
        shutil.copyfile(out / "view-5000.png", ROOT / "docs" / "view-entity-5000.png")
        print(ROOT / "docs" / "view-entity-5000.png")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
