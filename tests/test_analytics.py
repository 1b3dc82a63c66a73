"""Analytics: projections, centrality and communities over the fixture graph."""
from __future__ import annotations

import networkx as nx
import pytest

from docketgraph.queries import analytics as an
from query_factories import small_graph

GBC = "https://docketgraph.org/id/firm/greer-burns-and-crain-ltd"
ED = "https://docketgraph.org/id/firm/epstein-drangel-llp"
PACOLD = "https://docketgraph.org/id/judge/martha-m-pacold"
GARDEPHE = "https://docketgraph.org/id/judge/paul-g-gardephe"


@pytest.fixture(scope="module")
def store():
    return small_graph().store


def test_firm_judge_projection_is_bipartite_and_weighted_by_cases(store):
    G = an.firm_judge_graph(store)
    assert nx.is_bipartite(G)
    assert {d["bipartite"] for _, d in G.nodes(data=True)} == {0, 1}
    e = G.edges[GBC, PACOLD]
    assert e["weight"] == 1 and e["cases"] == ["1:23-cv-01820"]
    assert (e["first"], e["last"]) == ("2023-04-17", "2023-06-10")
    assert G.has_edge(ED, GARDEPHE)


@pytest.mark.parametrize("kw, present, absent", [
    ({"court": "nysd"}, (ED, GARDEPHE), (GBC,)),
    ({"date_from": "2022-01-01"}, (GBC, ED), (GARDEPHE,)),
    ({"date_to": "2022-12-31"}, (ED, GARDEPHE), (GBC, PACOLD)),
])
def test_projection_filters(store, kw, present, absent):
    G = an.firm_judge_graph(store, **kw)
    assert all(n in G for n in present)
    assert not any(n in G for n in absent)


def test_attorney_co_appearance(store):
    G = an.attorney_graph(store)
    names = {frozenset((G.nodes[a]["label"], G.nodes[b]["label"])) for a, b in G.edges}
    assert frozenset(("Alex B. Counsel", "Dana Local")) in names
    assert frozenset(("Jane Q. Roe", "Richard Miles")) in names  # same case, opposite sides
    only = an.attorney_graph(store, firm="Local Counsel PC")
    assert {d["label"] for _, d in only.nodes(data=True)} == {"Alex B. Counsel", "Dana Local"}


def test_citation_graph_is_directed_towards_precedents(store):
    G = an.citation_graph(store)
    assert G.is_directed()
    assert all(G.nodes[b]["kind"] == "Precedent" for _, b in G.edges)
    by_case = an.citation_graph(store, by="case")
    assert {G2["kind"] for _, G2 in by_case.nodes(data=True)} == {"Case", "Precedent"}


def test_platform_firm_graph(store):
    G = an.platform_firm_graph(store)
    amazon = "https://docketgraph.org/id/platform/amazon"
    assert G.edges[GBC, amazon]["weight"] == 1
    assert sorted(G.nodes[n]["label"] for n in G.neighbors(ED)) == ["AliExpress", "Alibaba"]


@pytest.mark.parametrize("G", [
    nx.path_graph(3), nx.DiGraph([(0, 1), (2, 1)]), nx.karate_club_graph(),
    nx.DiGraph([(0, 1), (1, 2), (2, 0), (3, 0)]),
])
def test_pagerank_matches_networkx_reference(G):
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
    pr = an.pagerank(G)
    ref = _pagerank_python(G, weight="weight", tol=1e-12, max_iter=500)
    assert {k: round(v, 6) for k, v in pr.items()} == {k: round(v, 6) for k, v in ref.items()}
    assert abs(sum(pr.values()) - 1) < 1e-9


def test_centrality_ranks_the_hub_first():
    G = nx.star_graph(4)
    nx.set_edge_attributes(G, 1, "weight")
    rows = an.centrality(G)
    assert rows[0]["id"] == 0 and rows[0]["degree"] == 4 and rows[0]["betweenness"] == 1.0
    assert len(an.centrality(G, top=2)) == 2


def test_communities_split_two_cliques():
    G = nx.disjoint_union(nx.complete_graph(4), nx.complete_graph(3))
    G.add_edge(0, 4)
    nx.set_edge_attributes(G, 1, "weight")
    rows = an.communities(G)
    groups = {}
    for r in rows:
        groups.setdefault(r["community"], set()).add(r["id"])
    assert sorted(map(sorted, groups.values())) == [[0, 1, 2, 3], [4, 5, 6]]
    assert rows[0]["size"] == 4


def test_neighbourhood_depth(store):
    G = an.entity_graph(store)
    one = an.neighbourhood(G, GBC, depth=1)
    assert {d["kind"] for _, d in one.nodes(data=True)} <= {"LawFirm", "Case", "Attorney"}
    two = an.neighbourhood(G, GBC, depth=2)
    assert PACOLD in two and "https://docketgraph.org/id/platform/alipay" in two
    assert GARDEPHE not in two


@pytest.mark.parametrize("name, kind, best", [
    ("Greer Burns and Crain", None, "Greer, Burns & Crain, Ltd."),
    ("Epstien Drangel", None, "Epstein Drangel LLP"),
    ("pacold", "judge", "Martha M. Pacold"),
    ("Pinkfong", "Party", "The Pinkfong Company, Inc."),
    ("aliexpres", None, "AliExpress"),
])
def test_entity_search_is_fuzzy(store, name, kind, best):
    rows = an.search_entities(store, name, kind=kind)
    assert rows and rows[0]["name"] == best


def test_entity_search_nothing_close(store):
    assert an.search_entities(store, "zzzzqqqq") == []
