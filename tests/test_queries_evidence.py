"""--evidence, --sort and the parameters bound through engine functions."""
from __future__ import annotations

import pytest

from docketgraph.graph.errors import BadParameter, NotFound
from docketgraph.queries.saved import parse_rq
from query_factories import APPEARANCE, COMPLAINT, ORDER, small_graph


@pytest.fixture(scope="module")
def kg():
    return small_graph()


def _row(res, **match):
    rows = [r for r in res.rows if all(r.get(k) == v for k, v in match.items())]
    assert len(rows) == 1, rows
    return rows[0]


def test_evidence_names_documents_and_real_sentences(kg):
    res = kg.evidence(kg.query("firms-before-judges", judge="Martha M. Pacold"))
    row = _row(res, firm_label="Greer, Burns & Crain, Ltd.")
    ev = row["evidence"]
    docs = {e["document"] for e in ev}
    assert docs == {"complaint.txt", "order.txt", "appearance.txt"}
    texts = {"complaint.txt": COMPLAINT, "order.txt": ORDER, "appearance.txt": APPEARANCE}
    for e in ev:
        assert e["case"] == "1:23-cv-01820"
        assert e["path"] == "/filings/" + e["document"]
        assert e["sentence"] and e["sentence"] in " ".join(texts[e["document"]].split())
    assert any("Greer, Burns & Crain, Ltd." in e["sentence"] for e in ev)
    assert any("Pacold" in e["sentence"] for e in ev)


def test_evidence_stays_inside_the_row(kg):
    res = kg.evidence(kg.query("firms-before-judges", judge="Paul G. Gardephe"))
    ev = res.rows[0]["evidence"]
    assert {e["document"] for e in ev} == {"allstar.txt"}


@pytest.mark.parametrize("spec, first", [
    ("firm_label", "Epstein Drangel LLP"),
    ("-firm_label", "Smith & Jones LLP"),
    ("-first,firm_label", "Epstein Drangel LLP"),
    ("first", "Epstein Drangel LLP"),
])
def test_sort(kg, spec, first):
    res = kg.query("firms-before-judges").sorted(spec)
    assert res.rows[0]["firm_label"] == first
    assert len(res.rows) == len(kg.query("firms-before-judges").rows)


def test_sort_unknown_column(kg):
    with pytest.raises(BadParameter, match="cannot sort"):
        kg.query("firms-before-judges").sorted("colour")


@pytest.mark.parametrize("params, dockets", [
    ({}, {"1:23-cv-01820", "1:22-cv-04133"}),
    ({"from": "2024-01-01"}, {"1:22-cv-04133"}),
    ({"to": "2023-12-31"}, {"1:23-cv-01820"}),
    ({"from": "2023-05-01", "to": "2023-05-31"}, set()),
    ({"firm": "Smith & Jones LLP"}, {"1:23-cv-01820"}),
    ({"judge": "Paul A. Engelmayer"}, {"1:22-cv-04133"}),
])
def test_schedule_a_filters(kg, params, dockets):
    rows = kg.query("schedule-a-cases", **params).rows
    assert {d for r in rows for d in r["dockets"].split(", ")} == dockets
    assert all(r["rule"].startswith("sa-1:") for r in rows)


def test_schedule_a_hostile_judge_is_bound_and_matches_nothing(kg):
    """A name no stored judge has is an error naming it (queries.lookup), never every case."""
    with pytest.raises(NotFound, match="no judge matches"):
        kg.query("schedule-a-cases", judge='x") || true || ("')


@pytest.mark.parametrize("value", ["2023-13-01", "yesterday", "2023-01-01T00:00", '2023") } #'])
def test_bad_dates_are_refused(kg, value):
    with pytest.raises(BadParameter, match="date"):
        kg.query("firms-before-judges", **{"from": value})


def test_function_bound_parameters_need_not_be_projected():
    q = parse_rq('# title: t\n# description: d\n# param: from date\n# param: firm firm\n'
                 'SELECT ?x WHERE { ?x dg:filed ?d FILTER(COALESCE(dg:within(?d), dg:noDates()))'
                 ' FILTER(!dg:given("firm") || ?x = dg:param("firm")) }', "t")
    assert q.function_params == {"from", "firm"}
    assert q.bindings({"from": "2024-01-01", "firm": "X"}) == {}


def test_hidden_columns_are_kept_out_of_tables(kg):
    res = kg.query("firms-before-judges")
    assert "f" in res.columns and "f" not in res.visible_columns
    assert res.rows[0]["f"].startswith("https://docketgraph.org/id/firm/")
