"""The web app end to end in a real browser: `docketgraph serve` started by the test on a
free loopback port over a store folder, driven through Playwright in Debian's Chromium
(no browser download).

A reader searches for a firm, opens its page, follows a count to its cases and a case's
document to the highlighted sentence, runs a saved query from its form, downloads the CSV
and opens a graph view. No request leaves the app; nothing on the pages errs. Screenshots
go to output/screenshots/web/ (the test artefacts); DOCKETGRAPH_DOCS_SCREENSHOTS=1 also
writes the two the README shows, under docs/.
"""
from __future__ import annotations

import csv
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from docketgraph.queries.api import KnowledgeGraph
from query_factories import filings

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "output" / "screenshots" / "web"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(args: list[str]) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    exe = Path(sys.executable).with_name("docketgraph")
    proc = subprocess.Popen([str(exe), "serve", "--port", str(port), *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            raise RuntimeError("docketgraph serve exited: " + proc.stderr.read().decode()[-800:])
        try:
            urllib.request.urlopen(url + "/static/style.css", timeout=2).read()
            return proc, url
        except OSError:
            if time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError("docketgraph serve did not answer within 60 s") from None
            time.sleep(0.2)


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    base = tmp_path_factory.mktemp("web")
    store, folder = base / "store", base / "filings"
    folder.mkdir()
    with KnowledgeGraph(store) as kg:
        for ex, text in filings():
            (folder / ex.doc).write_text(text, encoding="utf-8")
            kg.store.put(ex, text=text, path=str(folder / ex.doc))
        kg.store.refresh_summaries()
    proc, url = _start(["--store", str(store)])
    try:
        yield url
    finally:
        _stop(proc)


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test.sh does under CI)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def _page(browser, server, seen):
    ctx = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = ctx.new_page()

    def route(r):
        if r.request.url.startswith(server + "/"):
            r.continue_()
        else:
            seen["requests"].append(r.request.url)
            r.abort()
    page.route("**/*", route)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("console", lambda m: seen["console"].append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    return ctx, page


def _shot(page, name: str, *, docs: str | None = None) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)
    if docs and os.environ.get("DOCKETGRAPH_DOCS_SCREENSHOTS") == "1":
        page.screenshot(path=str(ROOT / "docs" / docs), full_page=False)


def test_a_reader_follows_the_evidence(browser, server, tmp_path):
    seen = {"requests": [], "errors": [], "console": [], "dialogs": []}
    ctx, page = _page(browser, server, seen)
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']")
    assert "Most connected law firms" in page.inner_text("main")
    _shot(page, "01-home")

    # search for a firm, by part of its name, and open its page
    page.fill("header form.search input[name=q]", "greer burns")
    page.click("header form.search button")
    page.wait_for_selector("a.hit")
    _shot(page, "02-search")
    page.click("a.hit >> text=Greer, Burns & Crain, Ltd.")
    page.wait_for_selector("h1.entity-name")
    assert page.inner_text("h1.entity-name") == "Greer, Burns & Crain, Ltd."
    assert "Martha M. Pacold" in page.inner_text("section[data-kind='Judge']")
    _shot(page, "03-firm")

    # follow the count of cases before a judge to the cases, then to a document
    row = page.locator("section[data-kind='Judge'] tr", has_text="Martha M. Pacold")
    row.locator("a.count").click()
    page.wait_for_selector("table.sortable a.doclink")
    assert "1:23-cv-01820" in page.inner_text("main")
    _shot(page, "04-cases")
    page.click("a.doclink >> text=complaint.txt")
    page.wait_for_selector("ol.evidence mark")
    focus = page.locator("li.focus mark.focus")
    marked = focus.all_inner_texts()
    assert any("Greer" in t for t in marked) and any("Pacold" in t for t in marked)
    assert page.evaluate("location.hash") == "#hit"
    _shot(page, "05-document")

    # the whole text, each span marked where it is
    page.click("#fulltext")
    page.wait_for_selector("pre.fulltext mark#hit")
    assert page.inner_text("pre.fulltext mark#hit") in ("Greer, Burns & Crain, Ltd.", "Martha M. Pacold")
    assert page.locator("pre.fulltext mark").count() >= 8
    _shot(page, "05b-document-text")
    page.go_back()
    page.wait_for_selector("ol.evidence mark")

    # the judge page (the README shows it)
    page.click("a >> text=Martha M. Pacold")
    page.wait_for_selector("h1.entity-name")
    assert page.inner_text("h1.entity-name") == "Martha M. Pacold"
    for section in ("Courts", "Law firms", "Platforms"):
        assert section in page.inner_text("main")
    _shot(page, "06-judge", docs="web-judge.png")

    # run a saved query from its form; sort its table; download the CSV
    page.goto(server + "/query/firms-before-judges")
    page.fill("#p-court", "ilnd")
    page.click("#run")
    page.wait_for_selector("table.results tbody tr")
    n_rows = page.locator("table.results tbody tr").count()
    assert n_rows >= 2
    page.click("table.results th[data-col='firm_label']")
    page.click("table.results th[data-col='firm_label']")
    assert page.get_attribute("table.results th[data-col='firm_label']", "aria-sort") == "descending"
    firms = page.locator("table.results tbody tr td:first-child").all_inner_texts()
    assert firms == sorted(firms, key=str.casefold, reverse=True)
    # the graph view embedded under the table draws
    page.frame_locator("iframe.view").locator("body[data-settled='1']").wait_for(timeout=60000)
    _shot(page, "07-query")
    with page.expect_download() as dl:
        page.click("#csv")
    path = tmp_path / "rows.csv"
    dl.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(rows) == n_rows and {"firm_label", "judge_label", "cases"} <= set(rows[0])

    # open the graph view: it draws, offline
    page.click("#graph")
    page.wait_for_selector("body[data-settled='1']", timeout=60000)
    drawn = page.evaluate("window.docketgraphNetwork.body.nodeIndices.length")
    assert drawn == int(page.get_attribute("body", "data-nodes")) >= 2
    _shot(page, "08-graph-view", docs="web-graph-view.png")

    assert seen["requests"] == [] and seen["errors"] == [] and seen["dialogs"] == []
    assert not [c for c in seen["console"] if "Content Security Policy" in c]
    ctx.close()


def test_an_upload_from_the_browser(browser, tmp_path):
    """With --allow-ingest, a filing chosen in the upload form is ingested (the browser's
    own Origin passes the app's check) and links to what it contributed."""
    sample = ROOT / "samples" / "ilnd-lumora-v-schedule-a-complaint.txt"
    proc, url = _start(["--store", str(tmp_path / "store"), "--allow-ingest",
                        "--upload-dir", str(tmp_path / "uploads")])
    seen = {"requests": [], "errors": [], "console": [], "dialogs": []}
    try:
        ctx, page = _page(browser, url, seen)
        page.goto(url + "/upload")
        page.set_input_files("input[name=files]", str(sample))
        page.click("main form button")
        page.wait_for_selector("p.report")
        assert "1 new" in page.inner_text("p.report")
        page.click("ul.stored a.doclink")
        page.wait_for_selector("ol.evidence mark")
        assert "Lumora" in page.inner_text("main")
        _shot(page, "09-uploaded")
        assert seen["requests"] == [] and seen["errors"] == []
        ctx.close()
    finally:
        _stop(proc)
    assert len(list((tmp_path / "uploads").iterdir())) == 1
