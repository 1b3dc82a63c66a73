"""The web app over a SPARQL-server store (`docketgraph serve --store http://...`): the same
pages, links and SPARQL endpoint as over a store folder, through the same facade."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from docketgraph.queries.api import KnowledgeGraph  # noqa: E402
from docketgraph.queries.web import create_app  # noqa: E402
from query_factories import filings  # noqa: E402
from sparql_server import OxigraphServer  # noqa: E402


def local(app, **kw):
    """A test client that asks for the app by a loopback name, as a browser on this machine does."""
    return TestClient(app, base_url="http://127.0.0.1:8765", **kw)


pytestmark = [pytest.mark.server, pytest.mark.slow]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    srv = OxigraphServer(tmp_path_factory.mktemp("oxigraph"))
    try:
        writer = KnowledgeGraph(srv.url)
        for ex, text in filings():
            writer.store.put(ex, text=text, path=f"/filings/{ex.doc}")
        writer.store.refresh_summaries()
        writer.close()
        kg = KnowledgeGraph(srv.url, read_only=True)
        with local(create_app(kg)) as c:
            yield c
        kg.close()
    finally:
        srv.stop()


def test_pages_over_a_server(client):
    home = client.get("/")
    assert home.status_code == 200 and "Epstein Drangel LLP" in home.text
    search = client.get("/search?q=greer")
    assert search.status_code == 200 and "/entity/firm/greer-burns-and-crain-ltd" in search.text
    firm = client.get("/entity/firm/greer-burns-and-crain-ltd")
    assert firm.status_code == 200 and "Martha M. Pacold" in firm.text
    judge = client.get("/entity/judge/martha-m-pacold")
    assert judge.status_code == 200 and "Greer, Burns &amp; Crain, Ltd." in judge.text
    case = client.get("/entity/case/ilnd/23-cv-01820")
    assert case.status_code == 200 and "complaint.txt" in case.text
    doc = next(h.replace("&amp;", "&") for h in re.findall(r'href="(/doc/[^"]+)"', firm.text))
    page = client.get(doc)
    assert page.status_code == 200 and '<mark class="k-LawFirm focus"' in page.text
    q = client.get("/query/firms-before-judges", params={"court": "ilnd"})
    assert q.status_code == 200 and "Greer, Burns &amp; Crain, Ltd." in q.text


def test_sparql_over_a_server(client):
    r = client.post("/sparql", data={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
                    headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and int(r.json()["results"]["bindings"][0]["n"]["value"]) > 0
    r = client.post("/sparql", data={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
    assert r.status_code == 400
