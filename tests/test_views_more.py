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
