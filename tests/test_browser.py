"""Views in a real browser: Debian's Chromium, started by the test through Playwright.

A view whose names are hostile markup must draw its nodes, run none of that markup, show
it as text, and make no network request at all.
"""
from __future__ import annotations

import os
from pathlib import Path

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


# Large views, judged as a person would: screenshots at 100, 2,000 and 5,000 nodes, and
# the labels actually drawn on the canvas counted (every fillText of a frame).

SCREENSHOTS = Path(os.environ.get("DOCKETGRAPH_SCREENSHOTS")
                   or Path(__file__).resolve().parents[1] / "output" / "screenshots")
COUNT_TEXT = r"""
(() => {
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, w) {
    if (window.__texts && String(text).trim()) {
      const t = this.getTransform(), w = this.measureText(text).width * t.a;
      const px = parseFloat(/([\d.]+)px/.exec(this.font)[1]) * t.a;
      const sx = t.a * x + t.e, sy = t.d * y + t.f;  // on screen
      const left = this.textAlign === "center" ? sx - w / 2 : this.textAlign === "right" ? sx - w : sx;
      window.__texts.push({text: String(text), x0: left, x1: left + w, y: sy, h: px});
    }
    return fill.apply(this, arguments);
  };
})();
"""
DRAWN_TEXTS = """
() => new Promise(done => {
  const net = window.docketgraphNetwork;
  window.__texts = [];
  net.once("afterDrawing", () => { const t = window.__texts; window.__texts = null; done(t); });
  net.redraw();
})
"""
IN_VIEW = """
() => {
  const v = window.docketgraphView, net = v.network, box = document.getElementById("graph");
  const ids = net.body.nodeIndices, pos = net.getPositions(ids), out = [];
  for (const id of ids) {
    const d = net.canvasToDOM(pos[id]);
    if (d.x > 40 && d.x < box.clientWidth - 40 && d.y > 20 && d.y < box.clientHeight - 40) {
      out.push(v.nodes.get(id).name);
    }
  }
  return out;
}
"""


def open_large(browser, path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(COUNT_TEXT)
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-settled='1']", timeout=120000)
    return page, errors


def relabelled(page, *, apart=True):
    """Labels drawn in the next frame, after the page has chosen them for this zoom; with
    ``apart``, no two of them overlap on screen."""
    page.evaluate("window.docketgraphView.relabel()")
    boxes = page.evaluate(DRAWN_TEXTS)
    if apart:
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                clash = a["x0"] < b["x1"] - 1 and b["x0"] < a["x1"] - 1 and abs(a["y"] - b["y"]) < min(a["h"], b["h"]) * 0.8
                assert not clash, (a, b)
    return [b["text"] for b in boxes]


def shoot(page, name, record_property):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path))
    record_property(name, str(path))
    print(f"screenshot: {path}")
    return path


def focus_state(page):
    return page.evaluate("""() => {
      const v = window.docketgraphView, net = v.network, box = document.getElementById("graph");
      const f = v.nodes.get({filter: n => n.focus})[0];
      const d = net.canvasToDOM(net.getPosition(f.id));
      return {id: f.id, name: f.name, selected: net.getSelectedNodes(),
              dx: d.x / box.clientWidth, dy: d.y / box.clientHeight};
    }""")


@pytest.mark.parametrize("size", [100, 2000, 5000])
def test_large_views_are_readable(browser, tmp_path, size, record_property):
    from view_factories import FOCUS, FOCUS_LABEL, entity_neighbourhood

    from docketgraph.queries.views import LABELS_AT_OVERVIEW, render_graph
    G = entity_neighbourhood(size)
    out = render_graph(G, title=f"Around {FOCUS_LABEL}", caption=f"A synthetic entity view of {size} nodes.",
                       out=tmp_path / "v.html", top=G.number_of_nodes(), focus=FOCUS, fold=True)
    page, errors = open_large(browser, out)
    total = G.number_of_nodes()
    drawn = page.evaluate("window.docketgraphNetwork.body.nodeIndices.length")
    texts = relabelled(page)
    shoot(page, f"view-{size}.png", record_property)
    # the focus: marked, selected, centred, its name drawn
    f = focus_state(page)
    assert f["name"] == FOCUS_LABEL and f["selected"] == [f["id"]]
    assert abs(f["dx"] - 0.5) < 0.05 and abs(f["dy"] - 0.5) < 0.05, f
    assert FOCUS_LABEL in texts
    assert FOCUS_LABEL in page.inner_text("#details")
    # a readable number of labels at overview zoom, and no more
    assert 20 <= len(texts) <= LABELS_AT_OVERVIEW, len(texts)
    names = set(page.evaluate("window.docketgraphView.nodes.get().map(n => n.name)"))
    assert all(t in names or t.endswith("\u2026") for t in texts), texts
    assert not any(t.startswith("1:2") and " v. " in t for t in texts)  # cases by docket, not caption
    if size < 300:
        assert drawn == total  # small: nothing folded
    else:
        # cited cases and parties folded into two count nodes; one click unfolds each
        assert drawn < total * 0.5
        for kind in ("Precedent", "Party"):
            page.evaluate("k => { window.docketgraphNetwork.body.emitter.emit('click', "
                          "{nodes: ['fold-' + k], edges: []}); }", kind)
        page.click("#fit")
        page.wait_for_timeout(300)
        assert page.evaluate("window.docketgraphNetwork.body.nodeIndices.length") == total
        texts = relabelled(page)
        assert 20 <= len(texts) <= LABELS_AT_OVERVIEW, len(texts)
        shoot(page, f"view-{size}-unfolded.png", record_property)
    # zoomed in: more labels, still apart; closer still, every node on screen has its label
    zoom = """s => { const net = window.docketgraphNetwork;
      net.moveTo({position: net.getPosition(window.docketgraphView.nodes.get({filter: n => n.focus})[0].id),
                  scale: s, animation: false}); }"""
    page.click("#reset")
    page.evaluate(zoom, 1.2)
    texts = relabelled(page)
    assert len(texts) >= 10
    if size == 2000:
        shoot(page, f"view-{size}-zoomed.png", record_property)
    page.evaluate(zoom, 3.0)
    texts = relabelled(page, apart=False)
    in_view = page.evaluate(IN_VIEW)
    assert in_view and set(n[:41] for n in in_view) <= set(t[:41] for t in texts)
    assert errors == []
    page.close()


def test_search_counts_hits_and_steps_through_them(browser, tmp_path):
    from view_factories import FOCUS, entity_neighbourhood

    from docketgraph.queries.views import render_graph
    G = entity_neighbourhood(800)
    out = render_graph(G, title="t", caption="c", out=tmp_path / "v.html", focus=FOCUS, fold=True)
    page, errors = open_large(browser, out)
    cases = [d["docket"] for _, d in G.nodes(data=True) if d["kind"] == "Case"]
    prefix = "1:24-cv-0"
    want = sum(1 for c in cases if c.startswith(prefix))
    page.fill("#search", prefix)
    assert page.inner_text("#hits") == f"{want} hits"
    seen = set()
    for i in range(3):
        page.click("#next-hit")
        sel = page.evaluate("window.docketgraphNetwork.getSelectedNodes()")
        assert len(sel) == 1
        seen.add(sel[0])
        assert page.inner_text("#hits") == f"{i + 1} of {want} hits"
        assert prefix in page.inner_text("#details")
    assert len(seen) == 3
    page.press("#search", "Enter")  # Enter is "Next hit"
    assert page.inner_text("#hits") == f"4 of {want} hits"
    # a caption word finds the cases it names; a folded precedent is counted and unfolded on Next
    prec = next(d["label"] for _, d in G.nodes(data=True) if d["kind"] == "Precedent")
    page.fill("#search", prec)
    assert "folded" in page.inner_text("#hits")
    before = page.evaluate("window.docketgraphNetwork.body.nodeIndices.length")
    page.click("#next-hit")
    assert page.evaluate("window.docketgraphNetwork.body.nodeIndices.length") > before
    assert prec in page.inner_text("#details")
    # Reset: folded again, the focus selected
    page.click("#reset")
    assert page.evaluate("window.docketgraphNetwork.body.nodeIndices.length") == before
    assert page.input_value("#search") == "" and page.inner_text("#hits") == ""
    f = focus_state(page)
    assert f["selected"] == [f["id"]]
    assert errors == []
    page.close()


def test_entity_view_from_the_store_marks_its_focus(browser, tmp_path):
    from query_factories import small_graph
    kg = small_graph()
    out = tmp_path / "v.html"
    kg.view_entity("Greer Burns", out, depth=2)
    page, errors = open_large(browser, out)
    f = focus_state(page)
    assert f["name"] == "Greer, Burns & Crain, Ltd." and f["selected"] == [f["id"]]
    texts = relabelled(page)
    assert "1:23-cv-01820" in texts  # the case by its docket
    page.evaluate("id => { window.docketgraphNetwork.body.emitter.emit('click', {nodes: [id], edges: []}); }",
                  page.evaluate("window.docketgraphView.nodes.get({filter: n => n.name === '1:23-cv-01820'})[0].id"))
    assert "caption: Robert Diggs v." in page.inner_text("#details")
    assert "court: N.D. Ill. (ilnd)" in page.inner_text("#details")
    link = page.eval_on_selector("#details a", "a => [a.href, a.textContent, a.rel]")
    assert link[0].startswith("https://www.courtlistener.com/?type=r&q=docketNumber")
    assert link[1] == "Find this docket on CourtListener" and "noopener" in link[2]
    assert errors == []
    page.close()


def test_hostile_names_in_a_folded_view_run_nothing(browser, tmp_path):
    """Names from filings reach the canvas, the details, the search and the count nodes'
    lists only as text, folded or not."""
    from view_factories import FOCUS, entity_neighbourhood

    from docketgraph.queries.views import render_graph
    G = entity_neighbourhood(400)
    G.nodes[FOCUS]["label"] = HOSTILE_FIRM
    prec = max((n for n, d in G.nodes(data=True) if d["kind"] == "Precedent"), key=G.degree)
    G.nodes[prec]["label"] = HOSTILE_JUDGE
    case = next(n for n, d in G.nodes(data=True) if d["kind"] == "Case")
    G.nodes[case]["label"] = HOSTILE_PARTY
    out = render_graph(G, title=HOSTILE_ATTORNEY, caption=HOSTILE_PARTY, out=tmp_path / "v.html", focus=FOCUS, fold=True)
    page, seen = open_view(browser, out)
    assert HOSTILE_FIRM in page.inner_text("#focus") and HOSTILE_FIRM in page.inner_text("#details")
    page.evaluate("() => { window.docketgraphNetwork.body.emitter.emit('click', {nodes: ['fold-Precedent'], edges: []}); }")
    assert HOSTILE_JUDGE in page.inner_text("#details")  # the most cited, listed as text
    page.fill("#search", HOSTILE_PARTY[:12])
    page.click("#next-hit")
    page.fill("#search", HOSTILE_JUDGE)
    page.click("#next-hit")
    assert HOSTILE_JUDGE in page.inner_text("#details")
    page.click("#reset")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned === undefined")
    assert page.evaluate("document.querySelectorAll('img, svg, a[href]').length") == 0
    assert seen["dialogs"] == [] and seen["requests"] == [] and seen["errors"] == []
    page.close()
