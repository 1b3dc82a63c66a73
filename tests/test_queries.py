"""Saved queries: parsing, bound parameters, and answers on a small graph."""
from __future__ import annotations

import pytest

from docketgraph.graph.errors import BadParameter, NotFound, QueryError, UnknownQuery
from docketgraph.queries.api import KnowledgeGraph
from docketgraph.queries.registry import Registry
from docketgraph.queries.saved import parse_rq
from factories import TEXT, case_extraction


def populate(g):
    g.store.put(case_extraction("a", docket="1:23-cv-01820",
                                judges=(("Martha M. Pacold", "district"), ("Susan E. Cox", "magistrate"))),
                text=TEXT, path="/a")
    g.store.put(case_extraction("b", docket="1:22-cv-04133", court="nysd",
                                judges=(("Paul A. Engelmayer", "district"),), firm="Epstein Drangel LLP",
                                plaintiff="The Pinkfong Company, Inc.",
                                platforms=(("AliExpress", "marketplace"), ("Alibaba", "marketplace"))),
                text=TEXT, path="/b")
    g.store.put(case_extraction("c", docket="1:21-cv-00333", court="nysd",
                                judges=(("Paul G. Gardephe", "district"),), firm="Epstein Drangel LLP",
                                plaintiff="Allstar Marketing Group, LLC", platforms=()),
                text=TEXT, path="/c")
    return g


@pytest.fixture()
def kg():
    return populate(KnowledgeGraph(None))


def pairs(res):
    return {(r["firm_label"], r["judge_label"]) for r in res.rows}


def test_firms_before_judges(kg):
    assert pairs(kg.query("firms-before-judges")) == {
        ("Greer, Burns & Crain, Ltd.", "Martha M. Pacold"),
        ("Greer, Burns & Crain, Ltd.", "Susan E. Cox"),
        ("Epstein Drangel LLP", "Paul A. Engelmayer"),
        ("Epstein Drangel LLP", "Paul G. Gardephe"),
    }


@pytest.mark.parametrize("params, expected", [
    ({"court": "nysd"}, {("Epstein Drangel LLP", "Paul A. Engelmayer"), ("Epstein Drangel LLP", "Paul G. Gardephe")}),
    ({"court": "ILND", "role": "magistrate"}, {("Greer, Burns & Crain, Ltd.", "Susan E. Cox")}),
    ({"firm": "EPSTEIN DRANGEL LLP"}, {("Epstein Drangel LLP", "Paul A. Engelmayer"), ("Epstein Drangel LLP", "Paul G. Gardephe")}),
    ({"judge": "Paul G. Gardephe"}, {("Epstein Drangel LLP", "Paul G. Gardephe")}),
    ({"judge": "Paul A. Engelmayer"}, {("Epstein Drangel LLP", "Paul A. Engelmayer")}),
])
def test_firms_before_judges_filters(kg, params, expected):
    assert pairs(kg.query("firms-before-judges", **params)) == expected


@pytest.mark.parametrize("hostile", [
    'Cox" } UNION { ?s ?p ?o } #', "O'Neil \"Jr.\"", "Cox\\", "Cox\nPacold", "{}", "?j",
])
def test_hostile_parameters_match_nothing(kg, hostile):
    """Bound, never pasted: a hostile name matches no stored name, which is an error
    naming it (queries.lookup), or, read forgivingly, one stored entity ("Cox\\" is Susan
    E. Cox, the only judge of that surname) and only that entity's rows; never every row."""
    for name, param in (("firms-before-judges", "judge"), ("firms-for-judge", "judge"),
                        ("judges-for-firm", "firm")):
        try:
            res = kg.query(name, **{param: hostile})
        except NotFound as e:
            assert "matches" in str(e)
            continue
        key = res.resolved[0].value
        assert res.rows and {r[param] for r in res.rows} == {key} and res.notices


def test_judge_filter_never_returns_other_judges_cases(kg):
    res = kg.query("firms-for-judge", judge="Paul G. Gardephe")
    assert [r["dockets"] for r in res.rows] == ["1:21-cv-00333"]


def test_platforms_by_firm(kg):
    res = kg.query("platforms-by-firm", firm="Epstein Drangel LLP")
    assert {r["platform_label"] for r in res.rows} == {"AliExpress", "Alibaba"}


def test_case_summary_any_docket_form(kg):
    res = kg.query("case-summary", docket="22-cv-4133")
    sections = {(r["section"], r["name"]) for r in res.rows}
    assert ("judge", "Paul A. Engelmayer") in sections
    assert ("firm", "Epstein Drangel LLP") in sections
    assert ("platform", "Alibaba") in sections
    assert not any(name == "Paul G. Gardephe" for _, name in sections)


def test_case_summary_shows_nature_of_suit_and_cause(kg):
    from dataclasses import replace
    ex = case_extraction("d", docket="1:24-cv-07001", court="ilnd")
    case = replace(ex.cases[0], attrs=(("nature_of_suit", "840 Trademark"),
                                       ("cause", "15:1114 Trademark Infringement (Lanham Act)"),
                                       ("jurisdiction", "Federal Question")))
    kg.store.put(ex.replace(cases=(case,)), text=TEXT, path="/d")
    rows = kg.query("case-summary", docket="24-cv-7001").rows
    sections = {(r["section"], r["name"]) for r in rows}
    assert ("nature-of-suit", "840 Trademark") in sections
    assert ("cause", "15:1114 Trademark Infringement (Lanham Act)") in sections
    assert not any(name == "Federal Question" for _, name in sections)  # no vocabulary term
    # a case whose readers state neither has no such rows
    other = kg.query("case-summary", docket="22-cv-4133").rows
    assert not {r["section"] for r in other} & {"nature-of-suit", "cause"}


def test_a_docket_page_stores_its_nature_of_suit(tmp_path):
    from pathlib import Path
    from docketgraph.ingest import extract_file
    page = Path(__file__).parent / "fixtures" / "pacer" / "ilnd_schedule_a_docket.html"
    g = KnowledgeGraph(None)
    ex = extract_file(page)
    g.store.put(ex, path=str(page))
    _, rows = g.store.query("SELECT ?n ?c WHERE { ?case dg:natureOfSuit ?n ; dg:cause ?c }")
    assert rows == [{"n": "840 Trademark", "c": "15:1114 Trademark Infringement (Lanham Act)"}]


def test_unknown_query_and_parameter(kg):
    with pytest.raises(UnknownQuery):
        kg.query("no-such-query")
    with pytest.raises(BadParameter):
        kg.query("firms-before-judges", colour="red")


def test_every_saved_query_parses_and_runs(kg):
    for q in Registry().all():
        res = kg.query(q.name)
        assert res.columns


@pytest.mark.parametrize("text, message", [
    ("# title: t\n# description: d\n# param: x str\nSELECT ?y WHERE { ?y ?p ?x }", "must be projected"),
    ("# title: t\n# description: d\nSELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", "SERVICE"),
    ("# description: d\nSELECT * WHERE { ?s ?p ?o }", "title"),
    ("# title: t\n# description: d\n# param: x colour\nSELECT ?x WHERE { ?s ?p ?x }", "unknown parameter type"),
    ("# title: t\n# description: d\nSELECT WHERE {", "syntax"),
    # errors past the parser surface too: an unknown function, a malformed override flag
    ("# title: t\n# description: d\nSELECT ?x WHERE { BIND(dg:paramz(\"x\") AS ?x) }", "unknown function"),
    ("# title: t\n# description: d\n# override: maybe\nSELECT * WHERE { ?s ?p ?o }", "override"),
])
def test_bad_saved_queries_are_refused(text, message):
    with pytest.raises(QueryError, match=message):
        parse_rq(text, "bad", "bad.rq")


def test_a_built_in_query_is_checked_by_running_it_on_an_empty_store():
    # built-in queries are run once when loaded; a user's file is only parsed (queries.guard)
    text = "# title: t\n# description: d\nSELECT ?x WHERE { BIND(dg:paramz(\"x\") AS ?x) }"
    with pytest.raises(QueryError, match="saved/bad.rq: the query cannot run"):
        parse_rq(text, "bad", "saved/bad.rq", builtin=True)
    with pytest.raises(QueryError, match="unknown function"):  # a user's folder named saved/
        parse_rq(text, "bad", "saved/bad.rq")


def test_user_queries_dir(tmp_path, kg):
    (tmp_path / "mine.rq").write_text("# title: Mine\n# description: Count docs.\n"
                                      "SELECT (COUNT(?d) AS ?n) WHERE { ?d a dg:Document }\n")
    (tmp_path / "broken.rq").write_text("# title: B\n# description: d\nSELECT WHERE {\n")
    reg = Registry([tmp_path])
    assert "mine" in reg.names()
    assert any("broken.rq" in e for e in reg.errors)
    g = KnowledgeGraph(None, queries_dirs=[tmp_path])
    assert g.query("mine").rows == [{"n": 0}]


_MINE = "# title: Mine\n# description: Mine.\n{extra}SELECT (COUNT(?d) AS ?n) WHERE {{ ?d a dg:Document }}\n"


@pytest.mark.parametrize("name", ["firms-before-judges", "centrality"])  # an .rq and a Python built-in
def test_a_user_query_named_like_a_built_in_is_refused(tmp_path, kg, name):
    (tmp_path / f"{name}.rq").write_text(_MINE.format(extra=""))
    reg = Registry([tmp_path])
    assert any(name in e and "already exists" in e and "override" in e for e in reg.errors)
    with pytest.raises(QueryError, match="already exists"):
        reg.get(name)  # never silently the built-in, nor silently the user's
    g = KnowledgeGraph(None, queries_dirs=[tmp_path])
    with pytest.raises(QueryError, match="already exists"):
        g.query(name)


def test_a_user_query_may_override_a_built_in_when_it_says_so(tmp_path, kg):
    (tmp_path / "firms-before-judges.rq").write_text(_MINE.format(extra="# override: true\n"))
    reg = Registry([tmp_path])
    assert reg.errors == []
    assert reg.get("firms-before-judges").source.endswith("firms-before-judges.rq")
    assert reg.get("firms-before-judges").title == "Mine"


def test_two_user_folders_with_one_name_clash(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "mine.rq").write_text(_MINE.format(extra=""))
    (b / "mine.rq").write_text(_MINE.format(extra=""))
    reg = Registry([a, b])
    assert len(reg.errors) == 1 and str(a / "mine.rq") in reg.errors[0] and str(b / "mine.rq") in reg.errors[0]


def test_registering_a_taken_name_raises():
    from docketgraph.graph.errors import NameClash
    reg = Registry()
    q = reg.get("centrality")
    with pytest.raises(NameClash, match="centrality"):
        reg.register(q)
    reg.register(q, override=True)


def test_a_reader_registered_twice_is_refused():
    from docketgraph.graph.errors import NameClash
    from docketgraph.ingest.readers import registry
    with pytest.raises(NameClash, match="'text' is already registered"):
        registry.register("text", "somewhere.else")
    assert registry.get("text").__name__ == "docketgraph.ingest.readers.text"
    registry.register("text", "docketgraph.ingest.readers.text", override=True)
    assert registry.get("text").__name__ == "docketgraph.ingest.readers.text"
