"""Names that forgive (queries.lookup through the KnowledgeGraph facade and the CLI).

A small made-up store: two judges sharing a surname, a firm whose name users shorten, a
firm and an attorney sharing a word, a plaintiff and a defendant. Each row of the tables
below is (what the user types, what must be taken).
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from factories import case_extraction

from docketgraph.graph.errors import AmbiguousName, BadParameter, NotFound, UnknownName
from docketgraph.graph.store import GraphStore
from docketgraph.queries.api import MEMORY, KnowledgeGraph
from docketgraph.queries.cli import cli, main
from docketgraph.queries.lookup import court_name, courtlistener_url, resolve_court, resolve_role

CALLOWAY = "Calloway Brandt & Pike, Ltd."
TEXT_ = "Case text. Judge sentence. Firm sentence here. Party names. Platform. Cite 1 2 3."
TRENTHAM = "Trentham & Voss LLP"


def _extractions():
    return [
        case_extraction("a", docket="1:24-cv-00101", court="ilnd",
                        judges=(("Harriet B. Quaine", "district"), ("Dorian Fenwick-Olaf", "magistrate")),
                        firm=CALLOWAY, attorney="Wendell Osgood", plaintiff="Vexel Lamp Works, Inc.",
                        defendant="Glimmerdeal Store", filed="2024-03-01"),
        case_extraction("b", docket="1:24-cv-00202", court="ilnd",
                        judges=(("Harriet B. Quaine", "district"),),
                        firm=CALLOWAY, plaintiff="Vexel Lamp Works, Inc.", defendant="Glimmerdeal Store",
                        filed="2024-05-01"),
        case_extraction("c", docket="1:24-cv-00303", court="nysd",
                        judges=(("Orrin Quaine", "district"),),
                        firm=TRENTHAM, attorney="Pella Trentham", plaintiff="Brisk Otter LLC",
                        defendant="Hollowmere Goods", filed="2024-06-01"),
    ]


@pytest.fixture(scope="module")
def kg():
    g = KnowledgeGraph.open(MEMORY)
    for ex in _extractions():
        g.store.put(ex, text=TEXT_)
    yield g
    g.close()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("names") / "store"
    s = GraphStore(path)
    for ex in _extractions():
        s.put(ex, text=TEXT_)
    s.close()
    return str(path)


def judges_of(res) -> set[str]:
    return {r["judge_label"] for r in res}


# --- parameters of saved queries ----------------------------------------------------------

@pytest.mark.parametrize("given, how", [
    ("Harriet B. Quaine", None),             # a stored spelling: silent
    ("HARRIET B QUAINE", None),              # case and punctuation are not spelling
    ("harriet-b-quaine", None),              # the key itself
    ("Harriet Quaine", "words"),             # no middle initial
    ("Judge Harriet Quaine", "words"),       # a title dropped
    ("Fenwick-Olaf", "surname"),             # the only judge of that surname
    ("Dorian Fenwick", "words"),
    ("Harriet Quane", "fuzzy"),              # a typo
])
def test_judge_names_forgive(kg, given, how):
    res = kg.query("firms-for-judge", judge=given)
    want = "Dorian Fenwick-Olaf" if "Fenwick" in given else "Harriet B. Quaine"
    assert judges_of(res) == {want}
    if how is None:
        assert res.notices == []
    else:
        assert res.resolved[0].match.how == how
        assert len(res.notices) == 1 and want in res.notices[0] and f'"{given}"' in res.notices[0]


def test_a_magistrate_judge_key_binds_as_it_is(kg):
    res = kg.query("firms-before-judges", judge="dorian-fenwick-olaf--magistrate")
    assert judges_of(res) == {"Dorian Fenwick-Olaf"} and res.notices == []


@pytest.mark.parametrize("given", ["Calloway Brandt & Pike", "calloway brandt and pike ltd", "Calloway",
                                   "Callowa", "Caloway Brandt Pike"])
def test_firm_names_forgive(kg, given):
    res = kg.query("judges-for-firm", firm=given)
    assert {r["firm_label"] for r in res} == {CALLOWAY} and len(res) == 2


def test_an_ambiguous_surname_lists_the_candidates_with_kind_and_cases(kg):
    with pytest.raises(AmbiguousName) as e:
        kg.query("firms-for-judge", judge="Quaine")
    msg = str(e.value)
    assert "Harriet B. Quaine (judge, 2 cases" in msg and "Orrin Quaine (judge, 1 case" in msg
    assert [(c.name, c.cases) for c in e.value.candidates] == [("Harriet B. Quaine", 2), ("Orrin Quaine", 1)]
    assert isinstance(e.value, BadParameter)


def test_no_match_says_did_you_mean(kg):
    with pytest.raises(UnknownName) as e:
        kg.query("judges-for-firm", firm="Trent & Vass Group")  # fuzzy 73: below the cut-off
    assert "did you mean" in str(e.value) and TRENTHAM in str(e.value)
    assert isinstance(e.value, NotFound)
    with pytest.raises(UnknownName, match="nor resembles any of the 2 stored firms"):
        kg.query("judges-for-firm", firm="Zzyzx Qwerty")


def test_a_name_of_another_kind_is_suggested(kg):
    """"Wendell Osgood" is an attorney: asked for as a judge, the error points there."""
    with pytest.raises(UnknownName, match=r"Wendell Osgood \(attorney, 1 case\)"):
        kg.query("firms-for-judge", judge="Wendell Osgood")


def test_a_plaintiff_parameter_matches_plaintiffs_only(kg):
    res = kg.query("brand-portfolio", plaintiff="Vexel")
    assert {r["plaintiff_label"] for r in res} == {"Vexel Lamp Works, Inc."} and len(res) == 2
    with pytest.raises(UnknownName):
        kg.query("brand-portfolio", plaintiff="Glimmerdeal Store")  # a defendant


@pytest.mark.parametrize("given", ["ilnd", "ILND", "N.D. Ill.", "N.D. Ill", "Northern District of Illinois",
                                   "northern district of illinois", "District Court, N.D. Illinois",
                                   "United States District Court for the Northern District of Illinois"])
def test_courts_by_id_or_name(kg, given):
    res = kg.query("firms-before-judges", court=given)
    assert {r["court"] for r in res} == {"ilnd"} and len(res) == 2
    assert bool(res.notices) == (given.lower() != "ilnd")


def test_an_unknown_court_is_an_error_with_suggestions(kg):
    with pytest.raises(UnknownName) as e:
        kg.query("firms-before-judges", court="ilndd")
    assert "ilnd (District Court, N.D. Illinois)" in str(e.value)


def test_a_known_court_with_no_stored_case_is_told(kg):
    res = kg.query("firms-before-judges", court="S.D. Fla.")
    assert len(res) == 0 and "no stored case is in flsd" in res.notices[0]


@pytest.mark.parametrize("given, role", [("magistrate", "magistrate"), ("Magistrate Judge", "magistrate"),
                                         ("DISTRICT", "district")])
def test_roles_are_checked(given, role):
    assert resolve_role(given).value == role


def test_an_unknown_role_lists_the_known_ones(kg):
    with pytest.raises(BadParameter, match=r"did you mean magistrate.*judge roles: district, magistrate"):
        kg.query("firms-before-judges", role="magistrat")


def test_court_names_and_links():
    assert court_name("ilnd") == "District Court, N.D. Illinois" and court_name("nope") is None
    url = courtlistener_url("ilnd", "1:24-cv-00101")
    assert url == "https://www.courtlistener.com/?type=r&q=docketNumber%3A%2224-cv-00101%22&court=ilnd"
    assert courtlistener_url(None, "1:24-cv-00101") is None and courtlistener_url("ilnd", "123456/2021") is None
    assert resolve_court(None, "Seventh Circuit").value == "ca7"


# --- entities -------------------------------------------------------------------------------

def test_entity_ties_are_refused_and_kind_narrows(kg):
    with pytest.raises(AmbiguousName) as e:
        kg.resolve("Trentham")  # a firm and an attorney
    kinds = {c.kind_word for c in e.value.candidates}
    assert kinds == {"firm", "attorney"} and "--kind" in str(e.value)
    assert kg.resolve("Trentham", kind="attorney").candidate.name == "Pella Trentham"
    assert kg.entity("Trentham", kind="firm").name == TRENTHAM


def test_view_entity_takes_the_resolved_one(kg, tmp_path):
    with pytest.raises(AmbiguousName):
        kg.view_entity("Trentham", tmp_path / "t.html")
    html = kg.view_entity("Trentham", tmp_path / "t.html", kind="attorney").read_text()
    assert "Around Pella Trentham" in html


# --- the command line: notices and errors on stderr -------------------------------------------

def cli_run(*args):
    return CliRunner().invoke(cli, list(args))


def main_run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_tells_on_stderr_what_it_took(store):
    r = cli_run("query", "firms-for-judge", "-p", "judge", "Fenwick-Olaf", "--format", "json", "--store", store)
    assert r.exit_code == 0
    assert [x["judge"] for x in json.loads(r.stdout)] == ["Dorian Fenwick-Olaf"]
    assert 'Note: judge "Fenwick-Olaf": took Dorian Fenwick-Olaf (judge, 1 case' in r.stderr


def test_cli_ambiguous_name_is_an_error_listing_candidates(store, capsys):
    code, out, err = main_run(capsys, "query", "firms-for-judge", "-p", "judge", "Quaine", "--store", store)
    assert code == 1 and out == ""
    assert "Harriet B. Quaine (judge, 2 cases" in err and "Orrin Quaine (judge, 1 case" in err


def test_cli_unknown_name_says_did_you_mean(store, capsys):
    code, out, err = main_run(capsys, "query", "judges-for-firm", "-p", "firm", "Trent & Vass Group",
                              "--store", store)
    assert code == 1 and out == "" and err.startswith("Error: no firm matches") and "did you mean" in err


def test_cli_view_entity_kind_and_ties(store, tmp_path, capsys):
    code, out, err = main_run(capsys, "view", "--entity", "Trentham", "-o", str(tmp_path / "v.html"),
                              "--store", store)
    assert code == 1 and "(firm, 1 case" in err and "(attorney, 1 case" in err
    r = cli_run("view", "--entity", "Trentham", "--kind", "firm", "-o", str(tmp_path / "v.html"), "--store", store)
    assert r.exit_code == 0 and r.stdout == "" and "wrote " in r.stderr
    assert 'Note: firm "Trentham": took Trentham & Voss LLP (firm, 1 case' in r.stderr
    r = cli_run("view", "--entity", TRENTHAM, "-o", str(tmp_path / "w.html"), "--store", store)
    assert r.exit_code == 0 and "Note: drawing the neighbourhood of Trentham & Voss LLP (firm" in r.stderr
    assert "Trentham &amp; Voss LLP" in (tmp_path / "v.html").read_text()
    r = cli_run("view", "--kind", "firm", "--store", store)
    assert r.exit_code == 2


def test_a_python_query_firm_parameter_forgives_too(kg):
    res = kg.query("attorney-network", firm="Trentham")
    assert res.notices and TRENTHAM in res.notices[0]
    assert {r["source"] for r in res} | {r["target"] for r in res} <= {"Pella Trentham", "Wendell Osgood"}


def test_an_exact_name_reads_no_list_of_names(kg, monkeypatch):
    """A stored spelling is found by index lookups: every name of the kind is read only
    when the name given is not one (the common case stays cheap on a big store)."""
    from docketgraph.queries import lookup

    seen: list[str] = []
    real = kg.store.query

    def spy(q, *a, **k):
        seen.append(q)
        return real(q, *a, **k)

    monkeypatch.setattr(kg.store, "query", spy)
    names = lookup._NAMES.format(cls="LawFirm")
    kg.query("judges-for-firm", firm=CALLOWAY, court="ilnd")
    assert names not in seen and lookup._COURT_KEYS not in seen
    kg.query("judges-for-firm", firm="Calloway")
    assert names in seen
