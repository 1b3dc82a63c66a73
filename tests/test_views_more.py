"""Views: evidence in details, captions, legend counts, top-N above a threshold, layout."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from docketgraph.graph.errors import BadParameter
from docketgraph.queries.views import PHYSICS_NODE_LIMIT, layout, render_graph
from query_factories import small_graph


def data_of(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def kg():
    return small_graph()


def test_edge_details_carry_evidence_sentences(kg, tmp_path):
    html = kg.view("firms-before-judges", tmp_path / "v.html", judge="Martha M. Pacold").read_text()
    d = data_of(html)
    labels = {n["id"]: n["name"] for n in d["nodes"]}
    edge = next(e for e in d["edges"] if "Greer, Burns & Crain, Ltd." in (labels[e["from"]], labels[e["to"]]))
    info = "\n".join(edge["info"])
    assert "1 case(s): 1:23-cv-01820" in info
    assert "filed 2023-04-17 to 2023-06-10" in info
    assert "complaint.txt (2023-04-17)" in info and "counsel for Plaintiff Robert Diggs" in info
    assert (edge["first"], edge["last"]) == ("2023-04-17", "2023-06-10")


def test_caption_states_query_parameters_and_date(kg, tmp_path):
    html = kg.view("platforms-by-firm", tmp_path / "v.html", kind="payment").read_text()
    cap = re.search(r'<p id="caption">(.*?)</p>', html, re.S).group(1)
    assert "Query: platforms-by-firm; parameters: kind=payment" in cap
    assert re.search(r"drawn \d{4}-\d\d-\d\d \d\d:\d\d UTC", cap)


def test_legend_counts_kinds(kg, tmp_path):
    html = kg.view("platforms-by-firm", tmp_path / "v.html").read_text()
    assert re.search(r"Law firm \(4\)", html) and re.search(r"Platform \(5\)", html)


def test_entity_view_and_unknown_entity(kg, tmp_path):
    html = kg.view_entity("Epstien Drangel", tmp_path / "e.html", depth=1).read_text()
    labels = {n["name"] for n in data_of(html)["nodes"]}
    assert "Epstein Drangel LLP" in labels and "Alex B. Counsel" in labels
    assert "Martha M. Pacold" not in labels
    with pytest.raises(BadParameter):
        kg.view_entity("qqqqzzzz", tmp_path / "x.html")


def star_forest(hubs: int, leaves: int) -> nx.Graph:
    G = nx.Graph()
    for h in range(hubs):
        G.add_node(f"h{h}", kind="LawFirm", label=f"Hub {h}")
        for i in range(leaves + h):
            G.add_node(f"c{h}-{i}", kind="Case", label=f"case {h}-{i}")
            G.add_edge(f"h{h}", f"c{h}-{i}", weight=1, cases=[f"{h}-{i}"])
    return G


def test_top_n_above_threshold_is_stated(tmp_path):
    G = star_forest(5, 20)
    html = render_graph(G, title="t", caption="c.", out=tmp_path / "v.html", top=30).read_text()
    d = data_of(html)
    assert len(d["nodes"]) == 30
    hubs = {n["name"] for n in d["nodes"] if n["group"] == "LawFirm"}
    assert hubs == {f"Hub {h}" for h in range(5)}
    assert f"Showing the 30 nodes with the highest weighted degree of {G.number_of_nodes()}" in html


@pytest.mark.slow  # a second or more: outside the fast loop
def test_large_views_get_a_python_layout_and_no_physics(tmp_path):
    G = star_forest(10, PHYSICS_NODE_LIMIT // 8)
    assert G.number_of_nodes() > PHYSICS_NODE_LIMIT
    d = data_of(render_graph(G, title="t", caption="c", out=tmp_path / "v.html").read_text())
    assert d["options"]["physics"] == {"enabled": False}
    assert all("x" in n and "y" in n for n in d["nodes"])
    small = data_of(render_graph(star_forest(2, 3), title="t", caption="c", out=tmp_path / "s.html").read_text())
    assert small["options"]["physics"]["enabled"] is True


def test_layout_keeps_a_hub_near_its_cases():
    G = star_forest(6, 30)
    pos = layout(G)
    assert len(pos) == G.number_of_nodes() and len(set(pos.values())) == len(pos)
    d = lambda a, b: ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5
    assert max(d("h0", f"c0-{i}") for i in range(30)) < min(d("h0", f"h{h}") for h in range(1, 6))


@pytest.mark.parametrize("view, label, sentence", [
    (("firms-before-judges",), "Martha M. Pacold (district)", "entered by Judge Martha M. Pacold"),
    (("platforms-by-firm",), "Alipay", "Alipay and Amazon shall restrain"),
])
def test_node_details_carry_evidence(kg, tmp_path, view, label, sentence):
    d = data_of(kg.view(*view, tmp_path / "v.html").read_text())
    node = next(n for n in d["nodes"] if n["name"] == label)
    assert any(sentence in line for line in node["info"]), node["info"]


# Readable large views: sizes, docket labels, folding, the focus, the chart hook.

def _entity(n):
    from view_factories import FOCUS, entity_neighbourhood
    return entity_neighbourhood(n), FOCUS


def test_node_size_and_label_order_follow_weighted_degree(tmp_path):
    G = star_forest(3, 10)
    d = data_of(render_graph(G, title="t", caption="c", out=tmp_path / "v.html").read_text())
    by = {n["name"]: n for n in d["nodes"]}
    assert by["Hub 2"]["size"] > by["Hub 0"]["size"] > by["case 0-1"]["size"]
    assert by["Hub 2"]["rank"] < by["Hub 0"]["rank"] < by["case 0-1"]["rank"]
    assert all("label" not in n for n in d["nodes"])  # the page chooses which labels to draw


def test_cases_are_named_by_docket_with_the_caption_in_details(kg, tmp_path):
    d = data_of(kg.view_entity("Greer Burns", tmp_path / "e.html", depth=1).read_text())
    case = next(n for n in d["nodes"] if n["group"] == "Case" and n["name"] == "1:23-cv-01820")
    assert case["caption"].startswith("Robert Diggs v.") and "(1:23-cv-01820)" not in case["caption"]
    assert any(line.startswith("caption: Robert Diggs v.") for line in case["info"])
    assert not [n for n in d["nodes"] if n["group"] == "Case" and " v. " in n["name"]]


def test_entity_view_marks_its_focus(kg, tmp_path):
    d = data_of(kg.view_entity("Greer Burns", tmp_path / "e.html", depth=2).read_text())
    focus = [n for n in d["nodes"] if n.get("focus")]
    assert [n["name"] for n in focus] == ["Greer, Burns & Crain, Ltd."]
    assert focus[0]["rank"] == 0 and "the entity this view is drawn around" in focus[0]["info"]
    html = kg.view("firms-before-judges", tmp_path / "q.html").read_text()
    assert not [n for n in data_of(html)["nodes"] if n.get("focus")]


@pytest.mark.slow  # a second or more: outside the fast loop
def test_large_entity_views_fold_cited_cases_and_parties(tmp_path):
    from docketgraph.queries.views import FOLD_NODE_LIMIT
    G, focus = _entity(420)
    d = data_of(render_graph(G, title="t", caption="c", out=tmp_path / "v.html", focus=focus, fold=True).read_text())
    kinds = {n: data["kind"] for n, data in G.nodes(data=True)}
    folded = [n for n in d["nodes"] if n.get("fold")]
    assert {n["fold"] for n in folded} == {"Precedent", "Party"}
    assert len(folded) == sum(1 for k in kinds.values() if k in ("Precedent", "Party"))
    counts = {n["foldOf"]: n for n in d["nodes"] if n.get("foldOf")}
    n_prec = sum(1 for k in kinds.values() if k == "Precedent")
    assert counts["Precedent"]["name"] == f"{n_prec:,} cited cases (show)"
    assert d["options"]["physics"] == {"enabled": False}
    assert all("x" in n and "y" in n for n in d["nodes"])  # unfolded nodes have their places
    html = (tmp_path / "v.html").read_text()
    assert "folded into count nodes" in html and 'class="fold" data-kind="Precedent"' in html
    # not folded: without fold (query views), or at FOLD_NODE_LIMIT nodes or fewer
    d = data_of(render_graph(G, title="t", caption="c", out=tmp_path / "q.html", focus=focus).read_text())
    assert not [n for n in d["nodes"] if n.get("fold") or n.get("foldOf")]
    small, focus = _entity(FOLD_NODE_LIMIT // 2)
    d = data_of(render_graph(small, title="t", caption="c", out=tmp_path / "s.html", focus=focus, fold=True).read_text())
    assert not [n for n in d["nodes"] if n.get("fold") or n.get("foldOf")]


def test_the_focus_is_never_folded_nor_cut(tmp_path):
    G, _ = _entity(600)
    party = next(n for n, data in G.nodes(data=True) if data["kind"] == "Party" and G.degree(n) == 1)
    d = data_of(render_graph(G, title="t", caption="c", out=tmp_path / "v.html", focus=party, fold=True, top=50).read_text())
    focus = [n for n in d["nodes"] if n.get("focus")]
    assert len(focus) == 1 and not focus[0].get("fold")
    assert len([n for n in d["nodes"] if not n.get("foldOf") and not n.get("fold")]) == 50


def test_chart_hook_escapes_text_and_embeds_markup(tmp_path):
    from markupsafe import Markup
    G = star_forest(2, 3)
    html = render_graph(G, title="t", caption="c", out=tmp_path / "a.html", chart="<b>x</b>").read_text()
    assert '<div id="chart">&lt;b&gt;x&lt;/b&gt;</div>' in html
    svg = Markup('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"/></svg>')
    html = render_graph(G, title="t", caption="c", out=tmp_path / "b.html", chart=svg).read_text()
    assert f'<div id="chart">{svg}</div>' in html
    assert 'id="chart"' not in render_graph(G, title="t", caption="c", out=tmp_path / "c.html").read_text()


def test_readme_shows_a_large_view():
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "](docs/view-entity-5000.png)" in readme
    png = (root / "docs" / "view-entity-5000.png").read_bytes()
    assert png.startswith(b"\x89PNG") and 50_000 < len(png) < 1_500_000


def test_the_node_cap_applies_to_the_nodes_drawn_and_again_to_the_folded(tmp_path):
    G, focus = _entity(1500)
    kinds = {n: d["kind"] for n, d in G.nodes(data=True)}
    n_main = sum(1 for k in kinds.values() if k not in ("Precedent", "Party"))
    html = render_graph(G, title="t", caption="c", out=tmp_path / "v.html", focus=focus, fold=True, top=400).read_text()
    d = data_of(html)
    main = [n for n in d["nodes"] if not n.get("fold") and not n.get("foldOf")]
    folded = [n for n in d["nodes"] if n.get("fold")]
    assert len(main) == min(400, n_main) and len(folded) == 400
    assert "views keep at most 400 nodes (--top), and as many folded." in html


def test_cases_carry_their_court_and_a_courtlistener_link_and_courts_their_names(kg, tmp_path):
    d = data_of(kg.view_entity("Greer Burns", tmp_path / "e.html", depth=2).read_text())
    case = next(n for n in d["nodes"] if n["group"] == "Case" and n["name"] == "1:23-cv-01820")
    assert "court: N.D. Ill. (ilnd)" in case["info"]
    assert case["link"] == ("https://www.courtlistener.com/?type=r&q=docketNumber%3A%2223-cv-01820%22"
                            "&court=ilnd")
    courts = [n for n in d["nodes"] if n["group"] == "Court"]
    assert courts and all(n["name"].endswith(")") and "(" in n["name"] for n in courts), courts
    assert any(line.startswith("name: District Court, N.D. Illinois") for n in courts for line in n["info"])
