"""Views in a real browser: Debian's Chromium, started by the test through Playwright.

A view whose names are hostile markup must draw its nodes, run none of that markup, show
it as text, and make no network request at all.
"""
from __future__ import annotations

import os

import pytest

from docketgraph.queries.api import KnowledgeGraph
from query_factories import filing

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

HOSTILE_FIRM = "<img src=x onerror=\"window.__pwned='img';alert(1)\"> LLP"
HOSTILE_JUDGE = "</script><script>window.__pwned='script'</script> Judge"
HOSTILE_PARTY = "Brand <a href=\"javascript:window.__pwned='href'\">click</a> Inc."
HOSTILE_ATTORNEY = "\"'><svg onload=\"window.__pwned='svg'\">"


def hostile_graph() -> KnowledgeGraph:
    text = (f"Case No. 1:24-cv-00001. {HOSTILE_PARTY} v. Doe. Judge {HOSTILE_JUDGE}. "
            f"{HOSTILE_ATTORNEY} of {HOSTILE_FIRM} for {HOSTILE_PARTY}. Sold on Amazon.")
    ex, text = filing("hostile <b>name</b>.txt", text, kind="complaint", filed="2024-05-05",
                      cases=[("1:24-cv-00001", "ilnd", f"{HOSTILE_PARTY} v. Doe", True)],
                      judges=[(HOSTILE_JUDGE, "district")],
                      parties=[(HOSTILE_PARTY, "plaintiff", HOSTILE_PARTY)],
                      firms=[(HOSTILE_FIRM, (HOSTILE_PARTY,))],
                      attorneys=[(HOSTILE_ATTORNEY, HOSTILE_FIRM, None, (HOSTILE_PARTY,))],
                      platforms=[("Amazon", "marketplace")])
    kg = KnowledgeGraph(None)
    kg.store.put(ex, text=text, path="/filings/hostile.txt")
    return kg


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test.sh does under CI)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def open_view(browser, path):
    page = browser.new_page()
    seen = {"requests": [], "dialogs": [], "errors": [], "console": []}

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            seen["requests"].append(r.request.url)
            r.abort()
    page.route("**/*", route)
    page.on("request", lambda req: None if req.url == path.as_uri() else seen["requests"].append(req.url))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("console", lambda m: seen["console"].append(m.text) if m.type == "error" else None)
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-settled='1']", timeout=60000)
    return page, seen


@pytest.mark.parametrize("how", ["query", "entity"])
def test_hostile_view_draws_and_runs_nothing(browser, tmp_path, how):
    kg = hostile_graph()
    out = tmp_path / "v.html"
    if how == "query":
        kg.view("firms-before-judges", out)
    else:
        kg.view_entity("Amazon", out, depth=3)
    page, seen = open_view(browser, out)
    drawn = page.evaluate("window.docketgraphNetwork.body.nodeIndices.length")
    expected = int(page.get_attribute("body", "data-nodes"))
    assert drawn == expected >= 2
    # click every node: details are plain text, nothing runs
    ids = page.evaluate("window.docketgraphNetwork.body.nodeIndices")
    shown = []
    for nid in ids:
        page.evaluate("id => window.docketgraphNetwork.body.emitter.emit('click', {nodes: [id], edges: []})", nid)
        shown.append(page.inner_text("#details"))
    page.fill("#search", HOSTILE_FIRM)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned === undefined")
    assert page.evaluate("document.querySelectorAll('img, svg, a[href]').length") == 0
    assert seen["dialogs"] == [] and seen["requests"] == [] and seen["errors"] == []
    assert not [c for c in seen["console"] if "Content Security Policy" in c]
    text = "\n".join(shown) + page.inner_text("header")
    if how == "query":
        assert HOSTILE_FIRM in text and HOSTILE_JUDGE in text
    else:
        assert HOSTILE_PARTY in text


def test_kind_and_date_filters_hide_nodes(browser, tmp_path):
    from query_factories import small_graph
    kg = small_graph()
    out = tmp_path / "v.html"
    kg.view_entity("Epstein Drangel", out, depth=2)
    page, seen = open_view(browser, out)
    total = page.evaluate("window.docketgraphNetwork.body.nodeIndices.length")
    page.uncheck("input.kind[value='Case']")
    page.wait_for_timeout(200)
    assert page.evaluate("window.docketgraphNetwork.body.nodeIndices.length") < total
    page.check("input.kind[value='Case']")
    page.fill("#date-to", "2022-01-01")
    page.dispatch_event("#date-to", "change")
    page.wait_for_timeout(200)
    after = page.evaluate("window.docketgraphNetwork.body.nodeIndices.length")
    assert 0 < after < total
    assert "of" in page.inner_text("#status")
    assert seen["requests"] == [] and seen["errors"] == []


@pytest.mark.parametrize("query", ["co-counsel", "opposing-counsel", "firms-before-judges"])
def test_an_empty_view_signals_that_it_is_drawn(browser, tmp_path, query):
    kg = KnowledgeGraph(None)
    out = tmp_path / "empty.html"
    kg.view(query, out)
    page, seen = open_view(browser, out)
    assert page.get_attribute("body", "data-settled") == "1"
    assert not seen["errors"]
    page.close()


def test_counsel_views_have_no_names_for_dates(browser, tmp_path):
    """co-counsel's 'first' and 'second' columns are attorneys: no edge takes them for
    filing dates, so details say no 'filed <name>' and a date box hides nothing undated."""
    text = ("Case No. 1:24-cv-00002. Acme v. Doe. Judge Jane Roe. Ann Alpha and Bob Beta of "
            "Gamma LLP for Acme. Carl Delta of Echo LLP for Doe.")
    ex, text = filing("pairs.txt", text, kind="complaint", filed="2024-05-05",
                      cases=[("1:24-cv-00002", "ilnd", "Acme v. Doe", False)],
                      judges=[("Jane Roe", "district")],
                      parties=[("Acme", "plaintiff", "Acme"), ("Doe", "defendant", "Doe")],
                      firms=[("Gamma LLP", ("Acme",)), ("Echo LLP", ("Doe",))],
                      attorneys=[("Ann Alpha", "Gamma LLP", None, ("Acme",)),
                                 ("Bob Beta", "Gamma LLP", None, ("Acme",)),
                                 ("Carl Delta", "Echo LLP", None, ("Doe",))])
    kg = KnowledgeGraph(None)
    kg.store.put(ex, text=text, path="/filings/pairs.txt")
    for query in ("co-counsel", "opposing-counsel"):
        out = tmp_path / f"{query}.html"
        kg.view(query, out)
        page, seen = open_view(browser, out)
        edges = page.evaluate("window.docketgraphNetwork.body.data.edges.get()")
        assert edges and all(not e.get("first") and not e.get("last") for e in edges), edges
        drawn = page.evaluate("window.docketgraphNetwork.body.nodeIndices.length")
        page.fill("#date-from", "2024-01-01")
        page.dispatch_event("#date-from", "change")
        assert page.evaluate("window.docketgraphNetwork.body.nodeIndices.length") == drawn
        page.close()
