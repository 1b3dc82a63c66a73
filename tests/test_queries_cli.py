"""The query, view and export commands end to end on a store folder."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from docketgraph.graph.store import GraphStore
from docketgraph.queries.cli import cli
from query_factories import filings


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("s") / "store"
    s = GraphStore(path)
    for ex, text in filings():
        s.put(ex, text=text, path=f"/filings/{ex.doc}")
    s.close()
    return str(path)


def run(*args):
    r = CliRunner(env={"COLUMNS": "400"}).invoke(cli, list(args), catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.output


def test_list_shows_every_query_with_parameters():
    rows = json.loads(run("query", "--list", "--format", "json"))
    by = {r["name"]: r for r in rows}
    for name in ("firms-before-judges", "judges-for-firm", "firms-for-judge", "attorneys-of-firm",
                 "co-counsel", "opposing-counsel", "platforms-by-firm", "platforms-by-judge",
                 "brand-portfolio", "schedule-a-cases", "precedents-cited", "case-summary",
                 "entity-search", "document-provenance", "centrality", "communities"):
        assert name in by and by[name]["description"]
    assert "from:date" in by["firms-before-judges"]["parameters"]


def test_evidence_json(store):
    rows = json.loads(run("query", "firms-for-judge", "-p", "judge", "Paul G. Gardephe",
                          "--evidence", "--format", "json", "--store", store))
    assert rows[0]["evidence"][0]["document"] == "allstar.txt"


@pytest.mark.parametrize("fmt", ["table", "csv", "md"])
def test_evidence_text_formats(store, fmt):
    out = run("query", "firms-for-judge", "-p", "judge", "Paul G. Gardephe", "--evidence",
              "--format", fmt, "--store", store)
    assert "allstar.txt" in out and "Gardephe" in out


def test_sort_and_limit(store):
    rows = json.loads(run("query", "firms-before-judges", "--sort", "-first", "--limit", "2",
                          "--format", "json", "--store", store))
    assert [r["first"] for r in rows] == ["2024-02-01", "2024-02-01"]


def test_table_hides_iri_columns(store):
    out = run("query", "firms-before-judges", "--format", "md", "--store", store)
    assert "https://" not in out and "Greer, Burns & Crain, Ltd." in out


@pytest.mark.parametrize("args", [
    ("view", "firms-before-judges"),
    ("view", "centrality", "-p", "projection", "attorneys"),
    ("view", "communities", "-p", "projection", "platform-firm"),
    ("view", "--entity", "Greer Burns", "--depth", "2"),
])
def test_view_commands(store, tmp_path, args):
    out = tmp_path / "v.html"
    run(*args, "--store", store, "-o", str(out))
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "data-settled" not in html.split("<body")[1][:80]


def test_view_of_a_table_query_is_an_error(store, tmp_path):
    r = CliRunner().invoke(cli, ["view", "schedule-a-cases", "--store", store, "-o", str(tmp_path / "x.html")])
    assert r.exit_code != 0 and "no graph view" in str(r.exception)


@pytest.mark.parametrize("fmt", ["ttl", "nq", "trig", "jsonld", "csv"])
def test_export(store, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    msg = run("export", "--format", fmt, "-o", str(out), "--store", store)
    assert str(out) in msg and out.stat().st_size > 1000


def test_user_queries_from_the_environment(store, tmp_path, monkeypatch):
    d = tmp_path / "mine"
    d.mkdir()
    (d / "my-count.rq").write_text("# title: Mine\n# description: Count the documents.\n"
                                   "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a dg:Document }\n")
    (d / "broken.rq").write_text("# title: B\n# description: d\n\nSELECT ?x WHERE {\n  ?x ?p\n")
    monkeypatch.setenv("DOCKETGRAPH_QUERIES", str(d))
    r = CliRunner().invoke(cli, ["query", "--list", "--format", "csv"])
    assert "my-count" in r.output
    # a user's query is parsed (never run) to check it: the parser names the line and column
    assert re.search(r"broken\.rq:\d+:\d+: SPARQL syntax error: expected", r.output, re.I)
    assert json.loads(run("query", "my-count", "--format", "json", "--store", store)) == [{"n": 5}]
