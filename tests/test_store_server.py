"""The store-agnostic query tests, run again against a real Oxigraph SPARQL server.

The test functions of test_queries run here with ``kg`` backed by a server started on a
loopback port, so every saved query must give the same answer on both stores.
"""
from __future__ import annotations

import re

import pytest

from docketgraph.graph.errors import NotFound, StoreError
from docketgraph.graph.store import GraphStore
from docketgraph.queries.api import KnowledgeGraph
from factories import TEXT, case_extraction
from sparql_server import OxigraphServer

import test_queries
from test_queries import *  # noqa: F401,F403  (the same tests, with the kg fixture below)

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = OxigraphServer(tmp_path_factory.mktemp("oxigraph"))
    yield srv
    srv.stop()


@pytest.fixture()
def kg(server):
    server.clear()
    g = KnowledgeGraph(server.url)
    test_queries.populate(g)
    return g


def test_server_store_replaces_by_path(server):
    server.clear()
    st = GraphStore(server.url)
    old = case_extraction("old", docket="1:23-cv-01820", judges=(("Old Judge", "district"),))
    new = case_extraction("new", docket="1:23-cv-01820", judges=(("New Judge", "district"),))
    assert st.put(old, text=TEXT, path="/f/a.txt").status == "new"
    assert st.put(old, text=TEXT, path="/f/a.txt").status == "unchanged"
    assert st.put(new, text=TEXT, path="/f/a.txt").status == "replaced"
    _, rows = st.query("SELECT ?n WHERE { ?j a dg:Judge ; schema:name ?n }")
    assert [r["n"] for r in rows] == ["New Judge"]
    assert len(st.named_graphs()) == 1


def test_unreachable_server_is_a_clear_error():
    with pytest.raises(StoreError, match="cannot reach"):
        GraphStore("http://127.0.0.1:9/")


def test_summaries_on_the_server_give_the_exact_answers(server):
    """The summaries are kept by the same SPARQL updates on a server, and read back."""
    from query_factories import filings
    from test_summaries import SUMMARISED, _params, _rows
    server.clear()
    g = KnowledgeGraph(server.url)
    for ex, text in filings():
        g.store.put(ex, text=text, path=f"/filings/{ex.doc}")
    assert not g.store.summaries_current()
    g.store.refresh_summaries()
    assert g.store.summaries_current()
    for name in SUMMARISED:
        for params in _params(g, name):
            assert _rows(g, name, params, exact=False) == _rows(g, name, params, exact=True), (name, params)
    assert g.query("firms-before-judges").rows  # there is something to compare


def test_remove_and_reingest_on_the_server(server, tmp_path):
    """Removing a filing from a SPARQL server, then ingesting it again, gives back the
    identical graph and summaries, as on the embedded store."""
    import shutil
    from test_api import SAMPLES, LETTER, answers, dump, summary_state
    server.clear()
    for p in SAMPLES:
        shutil.copy(p, tmp_path / p.name)
    with KnowledgeGraph.open(server.url) as g:
        g.ingest(tmp_path, in_process=True)
        before, groups, rows = dump(g), summary_state(g), answers(g)
        rep = g.remove([tmp_path / LETTER.name])
        assert [d.name for d in rep.documents] == [LETTER.name]
        assert g.stats()["Document"] == len(SAMPLES) - 1
        assert answers(g) == answers(g, exact=True)
        g.ingest([tmp_path / LETTER.name], in_process=True)
        assert (dump(g), summary_state(g), answers(g)) == (before, groups, rows)


@pytest.mark.parametrize("fmt", ["nq", "trig", "csv"])
def test_export_from_the_server_keeps_named_graphs(server, fmt):
    """The same quads, named graphs included, as the embedded store exports."""
    import pyoxigraph as ox

    from docketgraph.graph.exchange import export_store, import_bytes
    server.clear()
    remote, local = GraphStore(server.url), GraphStore(None)
    for st in (remote, local):
        for i in range(2):
            st.put(case_extraction(f"g{i}", docket=f"1:23-cv-0182{i}"), text=TEXT, path=f"/g{i}")
    got = import_bytes(export_store(remote, fmt), fmt)
    want = import_bytes(export_store(local, fmt), fmt)
    graphs = {q.graph_name for q in got if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert len(graphs) == 2

    def same(quads):
        """Each quad as text, the "ingested" clock reading blanked: the two stores are written
        a moment apart, so the second may differ."""
        return sorted(re.sub(r'(ns#ingested> )"[^"]*"', r'\1"*"', str(q)) for q in quads)

    assert same(got) == same(want)
    assert sum("ns#ingested>" in str(q) for q in got) >= 2


def test_counts_over_time_on_the_server(server):
    """Month counts (queries.timeline) give the hand counts on a server too: the parameter
    functions are rewritten into the query there."""
    from test_charts import GBC, _by_court, _fill

    server.clear()
    g = KnowledgeGraph(server.url)
    _fill(g)
    c = g.counts_over_time("schedule-a-cases")
    assert (c.months, _by_court(c), c.undated) == (
        ("2024-01", "2024-02", "2024-03"), {"ilnd": (2, 0, 1), "nysd": (0, 0, 1)}, {"ilnd": 1})
    c = g.counts_over_time("judges-for-firm", firm=GBC, court="ilnd", date_from="2024-01-10",
                           date_to="2024-03-01")
    assert (c.months, _by_court(c), c.undated) == (("2024-01", "2024-02", "2024-03"), {"ilnd": (1, 1, 0)}, {})
    with pytest.raises(NotFound):  # bound, never pasted: it names no stored judge
        g.counts_over_time("firms-for-judge", judge='x") || true || ("')
    assert _by_court(g.counts_over_time("firms-for-judge", judge="Kendall")) == {"ilnd": (1,)}
