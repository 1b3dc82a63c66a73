"""Saved queries and projections rewritten for speed give the answers they gave before.

The previous text of each rewritten saved query is kept beside the tests
(``tests/fixtures/reference-*.rq``), and the previous pattern of each rewritten projection
link (queries.analytics._RELATIONS) here; both are run through the same machinery on the
fixture graph, a synthetic Schedule A store (bench/generate.py) and the real filings, and
the answers (columns and rows, in order; every node and edge of the graphs) must be equal
for every parameter set tried.
"""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from docketgraph.queries import analytics
from docketgraph.queries.api import KnowledgeGraph
from docketgraph.queries.saved import parse_rq
from query_factories import small_graph
from test_queries_golden import _canon

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import extractions  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
REWRITTEN = ["document-provenance", "brand-portfolio", "platforms-by-firm", "platforms-by-judge", "schedule-a-cases"]
#: saved queries with a given parameter placed as a VALUES block (queries.saved.place_values):
#: compared with their previous text for many values of each placed parameter
PLACED = ["document-provenance", "brand-portfolio", "platforms-by-firm", "platforms-by-judge", "schedule-a-cases"]
#: projection links as they were before a rewrite
PREVIOUS_LINKS = {"Precedent": "?case dg:cites ?x ."}


def _reference(kg: KnowledgeGraph, name: str):
    text = (FIXTURES / f"reference-{name}.rq").read_text(encoding="utf-8")
    return dataclasses.replace(kg.registry.get(name), sparql=parse_rq(text, name, builtin=True).sparql)


def _params(kg: KnowledgeGraph, name: str) -> list[dict]:
    if name == "document-provenance":
        docs = kg.store.query("SELECT ?sha ?n WHERE { ?d a dg:Document ; dg:sha256 ?sha ; schema:name ?n } ORDER BY ?n")[1]
        return ([{}] + [{"sha": d["sha"]} for d in docs[::5]] + [{"document": d["n"]} for d in docs[::7]]
                + [{"sha": "0" * 64}, {"document": "no such file.txt"}])
    if name == "brand-portfolio":
        keys = [r["k"] for r in kg.store.query(
            'SELECT DISTINCT ?k WHERE { ?pt dg:role "plaintiff" ; dg:party ?p . ?p dg:key ?k } ORDER BY ?k')[1]]
        dates = [{}, {"from": "2021-01-01"}, {"to": "2022-06-30"}, {"from": "2020-01-01", "to": "2023-12-31"}]
        return ([{}, {"plaintiff": "no such plaintiff"}, {"plaintiff": 'a "quoted" } ; DROP ALL'}]
                + [{"plaintiff": k, **dates[i % len(dates)]} for i, k in enumerate(keys[:40])]
                + [{"plaintiff": k} for k in keys[40::7]])
    if name in ("platforms-by-firm", "platforms-by-judge", "schedule-a-cases"):
        firms = [r["k"] for r in kg.store.query("SELECT DISTINCT ?k WHERE { ?c dg:appearingFirm ?f . ?f dg:key ?k } ORDER BY ?k")[1]]
        judges = [r["k"] for r in kg.store.query(
            "SELECT DISTINCT ?k WHERE { ?c dg:presidingJudge|dg:magistrateJudge|dg:panelJudge ?j . ?j dg:key ?k } ORDER BY ?k")[1]]
        dates = [{}, {"from": "2021-01-01"}, {"to": "2022-06-30"}, {"from": "2020-01-01", "to": "2023-12-31"}]
        odd = [{}, {"from": "2021-01-01"}, {"firm": "no such firm"}, {"judge": "no such judge"}, {"firm": 'a "quoted" } ; DROP ALL'}]
        if name != "schedule-a-cases":  # one of firm and judge
            odd = [o for o in odd if ("firm" if name.endswith("judge") else "judge") not in o]
        if name == "platforms-by-firm":
            return (odd + [{"firm": k, **dates[i % len(dates)]} for i, k in enumerate(firms[:30])]
                    + [{"firm": k, "kind": "marketplace"} for k in firms[30::7]])
        if name == "platforms-by-judge":
            return (odd + [{"judge": k, **dates[i % len(dates)]} for i, k in enumerate(judges[:30])]
                    + [{"judge": k, "court": "ilnd"} for k in judges[30::7]])
        return (odd + [{"court": "ilnd"}, {"firm": "no such firm", "judge": judges[0] if judges else "x"}]
                + [{"firm": k, **dates[i % len(dates)]} for i, k in enumerate(firms[:25])]
                + [{"judge": k, **dates[i % len(dates)]} for i, k in enumerate(judges[:25])]
                + [{"firm": f, "judge": j} for f in firms[:6] for j in judges[:6]])
    raise AssertionError(name)


def _canonical(answer) -> tuple:
    """Columns and rows, in order; a list column (GROUP_CONCAT) with its items sorted, since
    the engine does not promise their order (as the goldens compare them)."""
    cols, rows = answer[:2]
    return cols, [{k: _canon(k, v) for k, v in r.items()} for r in rows]


def _same(kg: KnowledgeGraph, name: str, *, answered: int = 2) -> int:
    """Rows of ``name`` equal to its previous text's for every parameter set; at least
    ``answered`` parameter sets of a PLACED query give rows (the VALUES block was tried)."""
    new, old = kg.registry.get(name), _reference(kg, name)
    rows = placed = 0
    for params in _params(kg, name):
        a = _canonical(new.run(kg.store, params))
        b = _canonical(old.run(kg.store, params))
        assert a == b, (name, params)
        rows += len(a[1])
        placed += bool(params) and bool(a[1])
    assert name not in PLACED or placed >= answered, (name, "too few parameter values with an answer")
    return rows


@pytest.mark.parametrize("name", REWRITTEN)
def test_rewritten_query_equals_its_previous_text_on_the_fixture_graph(name):
    assert _same(small_graph(), name) > 0


@pytest.mark.slow
@pytest.mark.parametrize("name", REWRITTEN)
def test_rewritten_query_equals_its_previous_text_on_a_synthetic_store(name):
    kg = KnowledgeGraph(None)
    for ex in extractions(30):
        kg.store.put(ex)
    # no mentions there, and every defendant is a case's Schedule A group (left out)
    _same(kg, name, answered=20 if name == "brand-portfolio" else 0)


@pytest.fixture(scope="module")
def real_kg(tmp_path_factory, dev_dir, seeds_dir):
    root = Path(__file__).resolve().parent
    files = [p for d in (dev_dir, seeds_dir, root / "fixtures" / "filings")
             for p in sorted(d.iterdir()) if p.is_file() and not p.name.endswith(".gold.json")]
    kg = KnowledgeGraph(str(tmp_path_factory.mktemp("real") / "store"))
    kg.ingest(files, in_process=True)
    return kg


@pytest.mark.slow
def test_rewritten_queries_equal_their_previous_text_on_real_filings(real_kg):
    for name in REWRITTEN:
        assert _same(real_kg, name) > 0, name

def _graph(G) -> tuple:
    return (sorted((str(n), sorted(d.items())) for n, d in G.nodes(data=True)),
            sorted((str(a), str(b), sorted((k, sorted(v) if isinstance(v, list) else v) for k, v in d.items()))
                   for a, b, d in G.edges(data=True)))


def _network_answers(kg: KnowledgeGraph) -> list:
    out = []
    for name, params in [("citation-network", {}), ("citation-network", {"court": "ilnd"}),
                         ("citation-network", {"from": "2023-01-01"}), ("centrality", {"projection": "citations"}),
                         ("communities", {"projection": "citations"})]:
        r = kg.query(name, **params)
        out.append((name, params, r.columns, r.rows, _graph(r.graph)))
    for by in ("firm", "case"):
        out.append(("to_networkx", by, _graph(kg.to_networkx("citations", by=by))))
    out.append(("entity_graph", _graph(analytics.entity_graph(kg.store))))
    return out


def _same_networks(kg: KnowledgeGraph, monkeypatch) -> int:
    new = _network_answers(kg)
    with monkeypatch.context() as m:
        m.setattr(analytics, "_RELATIONS", {**analytics._RELATIONS, **PREVIOUS_LINKS})
        old = _network_answers(kg)
    assert len(new) == len(old)
    for a, b in zip(new, old):
        assert a == b, a[:2]
    return sum(len(a[-1][1]) for a in new)  # edges


def test_projections_equal_their_previous_links_on_the_fixture_graph(monkeypatch):
    assert _same_networks(small_graph(), monkeypatch) > 0


@pytest.mark.slow
def test_projections_equal_their_previous_links_on_a_synthetic_store(monkeypatch):
    kg = KnowledgeGraph(None)
    for ex in extractions(30):
        kg.store.put(ex)
    assert _same_networks(kg, monkeypatch) > 0


@pytest.mark.slow
def test_projections_equal_their_previous_links_on_real_filings(real_kg, monkeypatch):
    assert _same_networks(real_kg, monkeypatch) > 0


HOSTILE = ['"', "'", "}", "{", "\\", "\n", '"} ; DROP ALL ; #', '" } } VALUES ?sha { "x',
           "a\nb\r\nc\t", '\\" }\n# @values sha\n', "?sha", "<http://x/> } DELETE WHERE { ?s ?p ?o }"]


@pytest.mark.parametrize("value", HOSTILE)
def test_placed_values_are_inert(value):
    """A hostile value placed as a VALUES term stays one literal: the query parses, finds
    nothing, changes nothing, and the term is the value itself, unaltered."""
    import pyoxigraph as ox

    from docketgraph.queries.saved import place_values

    kg = small_graph()
    before = len(list(kg.store.raw_query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")))
    for name, param in (("document-provenance", "sha"), ("document-provenance", "document"),
                        ("brand-portfolio", "plaintiff")):
        q = kg.registry.get(name)
        assert f"# @values {param}" in q.sparql
        assert q.run(kg.store, {param: value})[1] == []
        text = place_values(q.sparql, {param: ox.Literal(value)})
        assert text.count(f"VALUES ?{param} {{ {ox.Literal(value)} }}") == q.sparql.count(f"# @values {param}")
    assert len(list(kg.store.raw_query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"))) == before
    # the placed term is the value, not syntax: reading it back gives the value itself
    text = place_values("SELECT ?v WHERE {\n  # @values v\n}", {"v": ox.Literal(value)})
    assert [s["v"].value for s in ox.Store().query(text)] == [value]
    # a parameter not given leaves the comment, and so the text, as it was
    assert place_values("SELECT ?v WHERE {\n  # @values v\n}", {}) == "SELECT ?v WHERE {\n  # @values v\n}"


def test_a_users_values_line_is_checked_by_the_guard():
    """A '# @values' line holds query text: a user's file is checked with it in place, so
    SERVICE cannot hide in one."""
    from docketgraph.graph.errors import QueryError

    head = "# title: t\n# description: d\n# param: firm firm = \"\"  a firm\n"
    ok = head + "SELECT ?firm WHERE {\n  # @values firm ?f dg:key ?firm .\n  ?f dg:key ?firm }\n"
    assert "# @values firm" in parse_rq(ok, "ok").sparql
    bad = head + "SELECT ?firm WHERE {\n  # @values firm SERVICE <http://example.org/sparql> { ?s ?p ?o }\n  ?f dg:key ?firm }\n"
    with pytest.raises(QueryError, match="(?i)service"):
        parse_rq(bad, "bad")
