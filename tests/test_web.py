"""The web app (docketgraph serve) at the HTTP level, through Starlette's TestClient.

The pages answer HTML and link every count to its cases and every case to its documents;
the SPARQL endpoint speaks the protocol, refuses SERVICE and updates; a hostile filing's
names are inert on every page the app serves (crawled from the home page).
"""
from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from docketgraph.queries.api import KnowledgeGraph  # noqa: E402
from docketgraph.queries.web import Settings, create_app  # noqa: E402
from query_factories import filing, small_graph  # noqa: E402


def local(app, **kw):
    """A test client that asks for the app by a loopback name, as a browser on this machine does."""
    return TestClient(app, base_url="http://127.0.0.1:8765", **kw)


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
JSON = "application/sparql-results+json"


@pytest.fixture(scope="module")
def kg():
    return small_graph()


@pytest.fixture(scope="module")
def client(kg):
    with local(create_app(kg)) as c:
        yield c


def links(html: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', html)]


def test_home_and_search_answer_html(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "Most connected law firms" in r.text and "Epstein Drangel LLP" in r.text
    assert "default-src 'none'" in r.headers["content-security-policy"]
    r = client.get("/search?q=greer")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "Greer, Burns &amp; Crain, Ltd." in r.text
    assert "/entity/firm/greer-burns-and-crain-ltd" in r.text


def test_search_is_forgiving_and_says_when_nothing_matches(client):
    assert "Martha M. Pacold" in client.get("/search?q=pacold&kind=judge").text
    assert "No stored name resembles" in client.get("/search?q=zzzzqqq").text
    assert client.get("/search?q=x&kind=spaceship").status_code == 400


def test_sparql_post_form_counts(client, kg):
    r = client.post("/sparql", data={"query": COUNT}, headers={"Accept": JSON})
    assert r.status_code == 200 and r.headers["content-type"].startswith(JSON)
    n = r.json()["results"]["bindings"][0]["n"]
    assert n["datatype"].endswith("#integer")
    assert int(n["value"]) == kg.sparql(COUNT).rows[0]["n"] > 0


def test_sparql_get_and_direct_post_and_formats(client):
    r = client.get("/sparql", params={"query": COUNT})
    assert r.status_code == 200 and "results" in r.json()
    r = client.post("/sparql", content=COUNT.encode(), headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 200 and r.json()["head"]["vars"] == ["n"]
    r = client.get("/sparql", params={"query": COUNT}, headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.text.splitlines()[0] == "n"
    r = client.get("/sparql", params={"query": COUNT}, headers={"Accept": "application/sparql-results+xml"})
    assert r.status_code == 200 and '<variable name="n"/>' in r.text
    r = client.get("/sparql", params={"query": "ASK { ?s a dg:LawFirm }"})
    assert r.json() == {"head": {}, "boolean": True}
    q = "SELECT ?f WHERE { ?f a dg:LawFirm } ORDER BY ?f LIMIT 1"
    b = client.get("/sparql", params={"query": q}).json()["results"]["bindings"][0]["f"]
    assert b["type"] == "uri" and b["value"].startswith("https://docketgraph.org/id/firm/")


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o . SERVICE SILENT <http://example.org/> { ?s ?q ?x } }",
])
def test_sparql_service_is_refused(client, query):
    r = client.post("/sparql", data={"query": query}, headers={"Accept": JSON})
    assert r.status_code == 400
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 400


def test_sparql_is_read_only_and_bounded(client, kg):
    before = kg.stats()["quads"]
    r = client.post("/sparql", data={"update": "CLEAR ALL"})
    assert r.status_code == 403
    r = client.post("/sparql", content=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 403
    r = client.post("/sparql", data={"query": "INSERT DATA { <http://a> <http://b> <http://c> }"})
    assert r.status_code == 400
    r = client.post("/sparql", data={"query": "DROP ALL"})
    assert r.status_code == 400
    assert kg.stats()["quads"] == before
    assert client.get("/sparql", params={"query": "SELECT WHERE {"}).status_code == 400
    r = client.get("/sparql", params={"query": COUNT, "default-graph-uri": "http://example.org/g"})
    assert r.status_code == 400
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * (2 << 20)
    assert client.post("/sparql", content=big.encode(),
                       headers={"Content-Type": "application/sparql-query"}).status_code == 413


@pytest.mark.parametrize("ctype", ["application/sparql-query", "application/x-www-form-urlencoded"])
def test_a_body_streamed_past_the_limit_is_stopped(kg, ctype):
    """No Content-Length to refuse up front: the body is counted as it arrives."""
    def chunks():
        for _ in range(10):
            yield b"x" * 500
    with local(create_app(kg, Settings(max_body=1000))) as c:
        r = c.post("/sparql", content=chunks(), headers={"Content-Type": ctype})
    assert r.status_code == 413


@pytest.mark.slow
def test_sparql_time_limit_on_a_store_folder(tmp_path):
    """On a store folder the query runs in a child process, stopped at the limit."""
    store = tmp_path / "store"
    src = small_graph()
    with KnowledgeGraph(store) as kg:
        kg.store.load_quads(src.store._store.quads_for_pattern(None, None, None, None))
    kg = KnowledgeGraph.open(store, read_only=True)
    heavy = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }")
    with local(create_app(kg, Settings(query_timeout=0.5))) as c:
        r = c.post("/sparql", data={"query": heavy}, headers={"Accept": JSON})
        assert r.status_code == 503 and "longer" in r.text
        r = c.post("/sparql", data={"query": COUNT}, headers={"Accept": JSON})
        assert r.status_code == 200
    kg.close()


def test_a_judge_page_links_counts_to_cases_and_cases_to_documents(client):
    r = client.get("/search?q=Pacold")
    judge = next(h for h in links(r.text) if h.startswith("/entity/judge/"))
    page = client.get(judge)
    assert page.status_code == 200
    for section in ("Courts", "Law firms", "Platforms", "Documents that name"):
        assert section in page.text
    assert "District Court, N.D. Illinois" in page.text  # courts shown by name
    counts = [h for h in links(page.text) if h.startswith("/cases?")]
    assert counts
    row = next(tr for tr in re.findall(r"<tr>.*?</tr>", page.text, re.S) if "Greer" in tr)
    firm_cases = next(h for h in links(row) if h.startswith("/cases?"))
    cases = client.get(firm_cases)
    assert cases.status_code == 200 and "1:23-cv-01820" in cases.text
    docs = [h for h in links(cases.text) if h.startswith("/doc/")]
    assert len(docs) == 3  # complaint, order, appearance
    doc = client.get(docs[0])
    assert doc.status_code == 200
    assert re.search(r"<mark class=\"k-\w+", doc.text)


def test_a_document_page_marks_the_entity_one_came_from(client, kg):
    e = kg.entity("Greer Burns", kind="firm")
    sha = e.documents[0]["sha256"]
    r = client.get(f"/doc/{sha}", params={"e": e.id.split("/id/", 1)[1]})
    assert r.status_code == 200
    assert 'id="hit"' in r.text
    marked = re.findall(r'<mark class="k-LawFirm focus"[^>]*>([^<]*)</mark>', r.text)
    assert marked and all("Greer" in m for m in marked)
    assert client.get("/doc/" + "0" * 64).status_code == 404
    assert client.get("/doc/..%2F..%2Fetc%2Fpasswd").status_code == 404


def test_a_firm_page_has_attorneys_judges_brands_courts(client):
    r = client.get("/entity/firm/epstein-drangel-llp")
    assert r.status_code == 200
    for section, name in [("Attorneys", "Alex B. Counsel"), ("Judges", "Paul A. Engelmayer"),
                          ("Clients (brands represented)", "The Pinkfong Company, Inc."),
                          ("Courts", "S.D. New York")]:
        assert section in r.text and name in r.text
    assert '<img class="chart" src="/chart/judges-for-firm.svg?firm=' in r.text  # cases over time


def test_a_case_page_has_the_case_summary_and_a_courtlistener_link(client, kg):
    r = client.get("/entity/case/ilnd/23-cv-01820")
    assert r.status_code == 200
    summary = kg.query("case-summary", docket="1:23-cv-01820")
    for row in summary.rows:
        assert str(row["name"]).replace("&", "&amp;").replace('"', "&#34;") in r.text
    assert "https://www.courtlistener.com/?" in r.text
    assert "complaint.txt" in r.text


def test_unknown_things_are_404(client):
    for u in ("/entity/firm/nobody", "/entity/nothing", "/query/no-such-query", "/kind/spaceship",
              "/static/../app.py", "/static/secret.txt", "/upload", "/query/case-summary/download.exe"):
        assert client.get(u).status_code == 404, u


def test_every_saved_query_has_a_form_and_runs(client, kg):
    for q in kg.saved_queries():
        r = client.get(f"/query/{q.name}")
        assert r.status_code == 200
        for p in q.params:
            assert f'name="{p.name}"' in r.text
        r = client.get(f"/query/{q.name}", params={"run": "1"})
        assert r.status_code == 200, q.name
        assert "row" in r.text


def test_query_results_sortable_downloadable_linked(client, kg):
    r = client.get("/query/firms-before-judges", params={"court": "ilnd"})
    assert r.status_code == 200
    assert 'table class="sortable results"' in r.text
    hrefs = links(r.text)
    assert any(h.startswith("/entity/firm/") for h in hrefs)
    assert any(h.startswith("/entity/judge/") for h in hrefs)
    assert any(h.startswith("/cases?id=case") for h in hrefs)
    csv_link = next(h for h in hrefs if "/download.csv" in h)
    body = client.get(csv_link)
    assert body.status_code == 200 and body.headers["content-type"].startswith("text/csv")
    assert "attachment" in body.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(body.text)))
    want = kg.query("firms-before-judges", court="ilnd")
    assert len(rows) == len(want) and {r["firm_label"] for r in rows} == {r["firm_label"] for r in want}
    js = client.get(next(h for h in hrefs if "/download.json" in h)).json()
    assert len(js) == len(want)
    view = client.get(next(h for h in hrefs if h.startswith("/view/query/")))
    assert view.status_code == 200 and "docketgraphNetwork" in view.text
    assert "http://" not in re.sub(r"https?://(docketgraph\.org|www\.w3\.org)[^\"'\s]*", "", view.text[:2000])
    bad = client.get("/query/firms-before-judges", params={"from": "yesterday"})
    assert bad.status_code == 200 and "not a date" in bad.text
    assert client.get("/query/firms-before-judges/download.csv", params={"from": "x"}).status_code == 400


def test_server_side_sort(client):
    r = client.get("/query/firms-before-judges", params={"run": "1", "sort": "-firm_label"})
    names = re.findall(r'<a href="/entity/firm/[^"]+">([^<]+)</a>', r.text)
    assert names == sorted(names, key=str.casefold, reverse=True)


def test_assets_are_served_by_the_app(client):
    home = client.get("/").text
    for src in re.findall(r'(?:src|href)="(/static/[^"]+)"', home):
        assert client.get(src).status_code == 200
    assert not re.search(r'(?:src|href)="(?:https?:)?//', home.replace('href="https://www.courtlistener.com', ""))


@pytest.mark.slow
def test_uploads_need_the_flag_and_go_through_ingest(tmp_path):
    kg = KnowledgeGraph(None)
    with local(create_app(kg)) as c:
        assert c.post("/upload", files={"files": ("a.txt", b"x")}).status_code == 404
    settings = Settings(allow_ingest=True, upload_dir=str(tmp_path / "up"), max_upload=200_000)
    sample = Path(__file__).resolve().parents[1] / "samples" / "ilnd-lumora-v-schedule-a-complaint.txt"
    text = sample.read_bytes()
    with local(create_app(kg, settings)) as c:
        assert c.get("/upload").status_code == 200
        assert "<b>0</b> Documents" in c.get("/").text
        r = c.post("/upload", files={"files": ("../../evil name.txt", text, "text/plain")})
        assert r.status_code == 200 and "1 new" in r.text
        assert "<b>1</b> Documents" in c.get("/").text  # the home page's counts are read again
        doc = next(h for h in links(r.text) if h.startswith("/doc/"))
        assert "<mark" in c.get(doc).text  # what the filing contributed, one click away
        kept = list((tmp_path / "up").iterdir())
        assert len(kept) == 1 and ".." not in kept[0].name and kept[0].name.endswith(".txt")
        r = c.post("/upload", files={"files": ("again.txt", text, "text/plain")})
        assert r.status_code == 200 and "0 failed" in r.text and kg.stats()["Document"] == 1
        r = c.post("/upload", files={"files": ("empty.pdf", b"%PDF-1.4 broken", "application/pdf")})
        assert r.status_code == 422 and "empty.pdf" in r.text
        r = c.post("/upload", files={"files": ("big.txt", b"x" * 300_000, "text/plain")})
        assert r.status_code == 413
    assert kg.stats()["Document"] == 1


# --- hostile names -------------------------------------------------------------------

HOSTILE_FIRM = "<img src=x onerror=\"window.__pwned='img';alert(1)\"> LLP"
HOSTILE_JUDGE = "</script><script>window.__pwned='script'</script> Judge"
HOSTILE_PARTY = "Brand <a href=\"javascript:window.__pwned='href'\">click</a> Inc."
HOSTILE_ATTORNEY = "\"'><svg onload=\"window.__pwned='svg'\">"
LONG_PARTY = "Seller {{ 7*7 }} {% raw %} Store " + "W" * 4000
HOSTILE = (HOSTILE_FIRM, HOSTILE_JUDGE, HOSTILE_PARTY, HOSTILE_ATTORNEY)


def hostile_graph(folder: Path | None = None) -> KnowledgeGraph:
    """The hostile filing in a graph; with ``folder``, its file is kept there (so its
    whole text can be shown too)."""
    text = (f"Case No. 1:24-cv-00001. {HOSTILE_PARTY} v. {LONG_PARTY}. Judge {HOSTILE_JUDGE}. "
            f"{HOSTILE_ATTORNEY} of {HOSTILE_FIRM} for {HOSTILE_PARTY}. Sold on Amazon.")
    ex, text = filing("hostile <b>name</b>\".txt", text, kind="complaint", filed="2024-05-05",
                      cases=[("1:24-cv-00001", "ilnd", f"{HOSTILE_PARTY} v. {LONG_PARTY}", True)],
                      judges=[(HOSTILE_JUDGE, "district")],
                      parties=[(HOSTILE_PARTY, "plaintiff", HOSTILE_PARTY),
                               (LONG_PARTY, "defendant", LONG_PARTY)],
                      firms=[(HOSTILE_FIRM, (HOSTILE_PARTY,))],
                      attorneys=[(HOSTILE_ATTORNEY, HOSTILE_FIRM, None, (HOSTILE_PARTY,))],
                      platforms=[("Amazon", "marketplace")])
    kg = KnowledgeGraph(None)
    path = "/filings/<script>x</script>.txt"
    if folder is not None:
        path = str(folder / "hostile <img src=x onerror=alert(1)> \"q\".txt")
        Path(path).write_text(text, encoding="utf-8")
    kg.store.put(ex, text=text, path=path)
    return kg


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.bad: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        src = dict(attrs).get("src") or ""
        allowed = (tag == "iframe" and src.startswith("/view/")) or (tag == "img" and src.startswith("/chart/"))
        if tag in ("img", "iframe", "object", "embed") and not allowed:
            self.bad.append(tag)
        if tag == "script" and not dict(attrs).get("src", "").startswith("/static/"):
            self.bad.append("inline script")
        if tag == "svg" and dict(attrs).get("role") != "img":
            self.bad.append("svg")
        for k, v in attrs:
            if k.startswith("on"):
                self.bad.append(f"{tag} {k}")
            if k in ("href", "src", "action") and v and not (v.startswith(("/", "#", "https://www.courtlistener.com/"))):
                self.bad.append(f"{tag} {k}={v[:40]}")

    def handle_data(self, data):
        self.text.append(data)


def crawl(client, start: list[str], limit: int = 300) -> dict[str, str]:
    seen: dict[str, str] = {}
    todo = list(start)
    while todo and len(seen) < limit:
        u = todo.pop(0)
        key = u.split("#")[0]
        if key in seen or not key.startswith("/") or "/download." in key:
            continue
        if "/text" in key and any(k.split("?")[0] == key.split("?")[0] for k in seen):
            continue  # a document's whole text once (it is read again from its file each time)
        r = client.get(key)
        assert r.status_code in (200, 400), (key, r.status_code)
        seen[key] = r.text
        if key.startswith("/view/"):
            continue
        for h in links(r.text):
            h = urljoin(key, h)
            if urlsplit(h).netloc:
                continue
            todo.append(h)
    return seen


@pytest.mark.slow  # a second or more: outside the fast loop
def test_a_hostile_filing_renders_inert_on_every_page(tmp_path):
    kg = hostile_graph(tmp_path)
    with local(create_app(kg)) as c:
        start = ["/", "/queries", "/sparql", "/kind/firm", "/kind/party", "/kind/judge", "/kind/attorney"]
        start += [f"/search?q={quote(n)}" for n in HOSTILE + (LONG_PARTY,)]
        start += [f"/query/{q.name}?run=1" for q in kg.saved_queries()]
        pages = crawl(c, start)
    assert any(p.startswith("/entity/firm/") for p in pages)
    assert any(p.startswith("/entity/judge/") for p in pages)
    assert any(p.startswith("/doc/") for p in pages)
    assert any(p.startswith("/cases?") for p in pages)
    assert any(p.endswith("/text") or "/text?" in p for p in pages)
    shown = ""
    for url, html in pages.items():
        if url.startswith("/view/"):  # the views' own escaping (tests/test_browser.py runs them)
            for h in HOSTILE:
                assert h not in html, url
            assert "<script>window" not in html
            continue
        p = Tags()
        p.feed(html)
        assert p.bad == [], (url, p.bad)
        for h in HOSTILE:
            assert h not in html, (url, h)
        shown += "\n".join(p.text)
    # the names are shown, as text
    for h in HOSTILE:
        assert h in shown, h
    # the charts (SVG images of their own) hold the names as text too
    import xml.dom.minidom
    srcs = {m.replace("&amp;", "&") for html in pages.values() for m in re.findall(r'<img class="chart" src="([^"]+)"', html)}
    assert any("firms-for-judge" in u for u in srcs)
    with local(create_app(kg)) as c:
        for u in srcs:
            r = c.get(u)
            assert r.status_code == 200, u
            doc = xml.dom.minidom.parseString(r.content)
            assert not doc.getElementsByTagName("script") and not doc.getElementsByTagName("foreignObject")
            for el in doc.getElementsByTagName("*"):
                names = [el.attributes.item(i).name for i in range(el.attributes.length)]
                assert not [n for n in names if n.lower().startswith("on")], (u, el.tagName, names)
                href = el.getAttribute("href") or el.getAttribute("xlink:href")
                assert not href or href.startswith("#"), (u, href)
    assert "{{ 7*7 }}" in shown  # never evaluated as a template


def test_hostile_names_in_sparql_answers_are_json_strings():
    kg = hostile_graph()
    with local(create_app(kg)) as c:
        r = c.get("/sparql", params={"query": "SELECT ?n WHERE { ?f a dg:LawFirm ; schema:name ?n }"})
    assert r.headers["content-type"].startswith(JSON)
    assert json.loads(r.text)["results"]["bindings"][0]["n"]["value"] == HOSTILE_FIRM
    assert r.headers["x-content-type-options"] == "nosniff"  # JSON is never read as HTML


def test_an_entity_graph_view_is_centred_on_that_entity(client):
    r = client.get("/view/entity/judge/susan-e-cox--magistrate")
    assert r.status_code == 200 and "docketgraphNetwork" in r.text
    assert "The neighbourhood of Susan E. Cox (Judge" in r.text


@pytest.mark.slow
def test_the_whole_text_with_its_spans_marked(tmp_path):
    """The store keeps sentences; the whole text is read again from the file it came from,
    while the file still has the same content, and each span is marked where it is."""
    from query_factories import COMPLAINT, GBC, filings
    ex, text = filings()[0]
    path = tmp_path / "complaint.txt"
    path.write_text(text, encoding="utf-8")
    kg = KnowledgeGraph(None)
    kg.store.put(ex, text=text, path=str(path))
    firm = "firm/greer-burns-and-crain-ltd"
    with local(create_app(kg)) as c:
        page = c.get(f"/doc/{ex.sha256}", params={"e": firm})
        link = next(h for h in links(page.text) if "/text" in h)
        r = c.get(link)
        assert r.status_code == 200
        shown = re.search(r'<pre class="fulltext">(.*)</pre>', r.text, re.S).group(1)
        plain = re.sub(r"<[^>]+>", "", shown).replace("&amp;", "&").replace("&#34;", '"')
        assert plain == COMPLAINT
        assert re.search(r'<mark class="k-LawFirm focus" id="hit"[^>]*>' + re.escape(GBC.replace("&", "&amp;")) + "</mark>", r.text)
        assert len(re.findall("<mark ", r.text)) >= 8
        path.write_text(text + " changed", encoding="utf-8")  # not the stored content any more
        r = c.get(link)
        assert r.status_code == 200 and "fulltext" not in r.text and "not its whole text" in r.text


def test_other_host_names_are_refused(kg):
    """A page of another site whose name is made to point at 127.0.0.1 (DNS rebinding)
    names its own host: it gets a 400, not the graph."""
    with TestClient(create_app(kg), base_url="http://attacker.example:8765") as c:
        assert c.get("/").status_code == 400
        assert c.get("/sparql", params={"query": COUNT}).status_code == 400
    with TestClient(create_app(kg), base_url="http://localhost:8765") as c:
        assert c.get("/").status_code == 200


def test_uploads_from_another_site_are_refused(tmp_path):
    kg = KnowledgeGraph(None)
    settings = Settings(allow_ingest=True, upload_dir=str(tmp_path / "up"))
    with local(create_app(kg, settings)) as c:
        files = {"files": ("a.txt", b"Case No. 1:24-cv-00001.", "text/plain")}
        r = c.post("/upload", files=files, headers={"Origin": "https://attacker.example"})
        assert r.status_code == 403
        r = c.post("/upload", files=files, headers={"Sec-Fetch-Site": "cross-site"})
        assert r.status_code == 403
        r = c.post("/upload", files=files, headers={"Origin": "null", "Sec-Fetch-Site": "cross-site"})
        assert r.status_code == 403
        r = c.post("/upload", files=files, headers={"Origin": "http://127.0.0.1:8765"})
        assert r.status_code in (200, 422)
        r = c.post("/upload", files=files, headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
        assert r.status_code in (200, 422)  # what a browser sends from the app's own page
    assert not (tmp_path / "up").exists() or len(list((tmp_path / "up").iterdir())) == 1


def test_a_firm_page_counts_cases_by_court_and_year(client):
    r = client.get("/entity/firm/epstein-drangel-llp")
    table = re.search(r'<table class="by-court">.*?</table>', r.text, re.S).group(0)
    assert "<th>2021</th>" in table and "<th>2024</th>" in table
    assert "District Court, S.D. New York (nysd)" in table
    hrefs = [h for h in links(table) if h.startswith("/cases?")]
    assert hrefs
    total = client.get(hrefs[-1])
    assert "1:21-cv-00333" in total.text and "1:22-cv-04133" in total.text


def test_name_fields_suggest_stored_names(client):
    r = client.get("/query/judges-for-firm")
    assert 'list="list-firm"' in r.text
    assert '<option value="Greer, Burns &amp; Crain, Ltd.">' in r.text


def test_charts_from_the_facade_when_it_draws_them(kg, monkeypatch):
    """The hook for the chart module: when the facade has ``chart(name, out, **params)``,
    the home, firm, judge and court pages show its SVG, served by the app as an image."""
    drawn = []

    def chart(self, name, out, /, **params):
        drawn.append((name, params))
        Path(out).write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>')
        return Path(out)

    monkeypatch.setattr(KnowledgeGraph, "chart", chart, raising=False)
    with local(create_app(kg)) as c:
        pages = {"/": "schedule-a-cases", "/entity/firm/epstein-drangel-llp": "judges-for-firm",
                 "/entity/judge/martha-m-pacold": "firms-for-judge", "/entity/court/ilnd": "schedule-a-cases"}
        for page, name in pages.items():
            src = re.search(r'<img class="chart" src="([^"]+)"', c.get(page).text).group(1).replace("&amp;", "&")
            assert src.startswith(f"/chart/{name}.svg")
            r = c.get(src)
            assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
            assert "script-src" not in r.headers["content-security-policy"]
        assert c.get("/chart/nothing.svg").status_code == 404
    assert ("judges-for-firm", {"firm": "Epstein Drangel LLP"}) in drawn
    assert ("firms-for-judge", {"judge": "Martha M. Pacold"}) in drawn
    assert ("schedule-a-cases", {"court": "ilnd"}) in drawn


def test_the_charts_of_counts_over_time(client):
    """The chart module draws the home, firm, judge and court pages' charts (SVG, served as
    an image with a policy of its own); a page whose chart the module cannot draw falls
    back to its own bars."""
    import xml.dom.minidom

    for page in ("/", "/entity/firm/epstein-drangel-llp", "/entity/judge/martha-m-pacold",
                 "/entity/court/ilnd"):
        src = re.search(r'<img class="chart" src="([^"]+)"', client.get(page).text).group(1)
        r = client.get(src.replace("&amp;", "&"))
        assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml"), page
        assert "<script" not in r.text
        xml.dom.minidom.parseString(r.content)  # well-formed
    party = client.get("/entity/party/robert-diggs").text
    assert '<img class="chart"' not in party and '<svg role="img"' in party
