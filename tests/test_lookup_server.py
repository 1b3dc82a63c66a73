"""Names that forgive, run again against a real Oxigraph SPARQL server (the lookups are
queries with bound values, so both stores must answer them alike)."""
from __future__ import annotations

import pytest

from docketgraph.queries.api import KnowledgeGraph
from sparql_server import OxigraphServer

import test_lookup
from test_lookup import *  # noqa: F401,F403  (the same tests, with the kg fixture below)

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    srv = OxigraphServer(tmp_path_factory.mktemp("oxigraph-names"))
    srv.clear()
    g = KnowledgeGraph(srv.url)
    assert g.store.remote
    for ex in test_lookup._extractions():
        g.store.put(ex, text=test_lookup.TEXT_)
    yield g
    g.close()
    srv.stop()
