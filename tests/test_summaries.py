"""Summaries (graph.summaries): the saved queries' summary bodies give the exact answers.

Every saved query with a ``# if summary`` body is run both ways — over the summaries and
over the documents' facts — and the answers must be equal, on the fixture graph, on a
synthetic Schedule A graph, and after replacing and removing documents.
"""
from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from docketgraph.graph.errors import NotFound
from docketgraph.graph import summaries
from docketgraph.queries.api import KnowledgeGraph
from docketgraph.queries import summarised
from docketgraph.queries.registry import Registry
from factories import with_first_firm_renamed
from query_factories import filings, small_graph
from test_queries_golden import CASES, GOLDEN, _canon, answers

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import extractions  # noqa: E402

SUMMARISED = [q.name for q in Registry().all() if q.summary is not None]


def _rows(kg: KnowledgeGraph, name: str, params: dict, *, exact: bool) -> tuple:
    current = kg.store.summaries_current
    if exact:
        kg.store.summaries_current = lambda: False  # type: ignore[method-assign]
    try:
        res = kg.query(name, **params)
    except NotFound as e:  # a name no entity has: the same error on both paths
        return "error", str(e)
    finally:
        kg.store.summaries_current = current  # type: ignore[method-assign]
    return res.columns, sorted(json.dumps({k: _canon(k, v) for k, v in r.items()}, sort_keys=True)
                               for r in res.rows)


def _params(kg: KnowledgeGraph, name: str) -> list[dict]:
    q = kg.registry.get(name)
    declared = {p.name for p in q.params}
    firms = [r["k"] for r in kg.store.query(
        "SELECT DISTINCT ?k WHERE { ?f a dg:LawFirm ; dg:key ?k } ORDER BY ?k")[1]][:3]
    judges = [r["k"] for r in kg.store.query(
        "SELECT DISTINCT ?k WHERE { ?j a dg:Judge ; dg:key ?k } ORDER BY ?k")[1]][:3]
    out = [{}, {"court": "ilnd"}, {"court": "nysd"}, {"role": "magistrate"}, {"kind": "payment"},
           {"firm": "no such firm"}]
    out += [{"firm": f} for f in firms] + [{"judge": j} for j in judges]
    out += [{"court": "ilnd", "firm": f} for f in firms[:1]]
    out += [{"from": "2023-01-01"}, {"to": "2022-06-30"}, {"from": "2021-01-01", "to": "2023-12-31"},
            {"from": "2030-01-01"}]
    out += [{"from": "2022-01-01", "firm": f} for f in firms[:1]] + [{"to": "2024-12-31", "judge": j} for j in judges[:1]]
    # ranges that cut through the stored filing dates: at a date held, the day after it,
    # and within one month
    dates = [r["d"] for r in kg.store.query("SELECT DISTINCT ?d WHERE { ?x dg:filed ?d } ORDER BY ?d")[1]]
    if dates:
        mid, q1, q3 = dates[len(dates) // 2], dates[len(dates) // 4], dates[3 * len(dates) // 4]
        out += [{"from": mid}, {"to": mid}, {"from": q1, "to": q3},
                {"from": mid, "to": mid}, {"from": mid[:8] + "01", "to": mid[:8] + "28"}]
        out += [{"from": q1, "firm": f} for f in firms[:1]] + [{"to": q3, "judge": j} for j in judges[:1]]
        # firm and judge together, with and without a range, and ranges with either
        out += [{"firm": f, "judge": j} for f in firms[:1] for j in judges[:2]]
        out += [{"firm": f, "judge": j, "from": q1, "to": q3} for f in firms[:1] for j in judges[:1]]
        out += [{"firm": f, "from": q1, "to": q3} for f in firms[:2]] + [{"judge": j, "from": mid} for j in judges[:2]]
    out += [{"firm": "no such firm", "from": "2020-01-01"}, {"judge": "no such judge"}]
    return [p for p in out if set(p) <= declared]


def test_summarised_queries():
    assert {"firms-before-judges", "judges-for-firm", "firms-for-judge", "platforms-by-firm",
            "platforms-by-judge", "schedule-a-cases", "co-counsel", "opposing-counsel", "attorneys-of-firm",
            "precedents-cited"} <= set(SUMMARISED)


def test_every_summary_has_its_function():
    for q in Registry().all():
        assert (q.summary is not None) == (q.name in summarised.QUERIES), q.name


@pytest.fixture(scope="module")
def fixture_kg():
    kg = small_graph()
    kg.store.refresh_summaries()
    return kg


@pytest.mark.parametrize("name", SUMMARISED)
def test_summary_answers_are_the_goldens(fixture_kg, name):
    assert fixture_kg.store.summaries_current()
    want = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    got = json.loads(json.dumps(answers(fixture_kg, name)))
    assert got == want


@pytest.mark.parametrize("name", SUMMARISED)
def test_summary_equals_exact_on_the_fixture_graph(fixture_kg, name):
    for params in [{}] + CASES.get(name, []) + _params(fixture_kg, name):
        assert _rows(fixture_kg, name, params, exact=False) == _rows(fixture_kg, name, params, exact=True), params


@pytest.fixture(scope="module")
def synthetic_kg():
    kg = KnowledgeGraph(None)
    for ex in extractions(40):
        kg.store.put(ex)
    assert not kg.store.summaries_current()  # written, not yet summarised
    kg.store.refresh_summaries()
    return kg


@pytest.mark.slow
@pytest.mark.parametrize("name", SUMMARISED)
def test_summary_equals_exact_on_a_synthetic_graph(synthetic_kg, name):
    some = False
    for params in _params(synthetic_kg, name):
        got = _rows(synthetic_kg, name, params, exact=False)
        assert got == _rows(synthetic_kg, name, params, exact=True), params
        some = some or bool(got[1])
    # the synthetic cases have no defence counsel (pairs across sides are on the fixture
    # graph) and no defendant but their Schedule A group (recurring sellers too)
    assert some or name in ("co-counsel", "opposing-counsel", "seller-recurrence")


def _all_equal(kg: KnowledgeGraph) -> None:
    for name in SUMMARISED:
        for params in _params(kg, name):
            assert _rows(kg, name, params, exact=False) == _rows(kg, name, params, exact=True), (name, params)


@pytest.mark.slow
def test_replacing_and_removing_documents_keeps_summaries_exact():
    kg = KnowledgeGraph(None)
    docs = filings()
    for ex, text in docs:
        kg.store.put(ex, text=text, path=f"/filings/{ex.doc}")
    kg.store.refresh_summaries()
    before = _rows(kg, "firms-before-judges", {}, exact=False)
    # the complaint's path now holds a version naming another firm
    ex, text = docs[0]
    ex2 = with_first_firm_renamed(ex, "Brand New Counsel LLP", "f" * 64)
    res = kg.store.put(ex2, text=text, path=f"/filings/{ex.doc}")
    assert res.status == "replaced"
    assert not kg.store.summaries_current()
    # a stale summary is never read: the exact path answers meanwhile
    assert _rows(kg, "firms-before-judges", {}, exact=False) == _rows(kg, "firms-before-judges", {}, exact=True)
    kg.store.refresh_summaries()
    assert kg.store.summaries_current()
    _all_equal(kg)
    after = _rows(kg, "firms-before-judges", {}, exact=False)
    assert after != before and "Brand New Counsel LLP" in json.dumps(after)
    # removing every document leaves no summary behind
    for g in kg.store.named_graphs():
        assert kg.store.remove_document(g.rsplit("/", 1)[-1])
    assert kg.store.summaries_current()
    assert _rows(kg, "firms-before-judges", {}, exact=False)[1] == []
    _, rows = kg.store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH dgs:graph { ?s dgs:rel ?r } }")
    assert rows[0]["n"] == 0


def test_a_store_without_summaries_is_rebuilt_whole():
    kg = small_graph()
    kg.store.refresh_summaries()
    want = _rows(kg, "firms-before-judges", {}, exact=True)
    kg.store._store.update(summaries.CLEAR_ALL)  # as a store written before summaries existed
    assert not kg.store.summaries_current()
    assert _rows(kg, "firms-before-judges", {}, exact=False) == want  # exact path meanwhile
    kg.store.refresh_summaries()
    assert kg.store.summaries_current()
    assert _rows(kg, "firms-before-judges", {}, exact=False) == want


def test_summaries_are_neither_exported_nor_counted_as_documents(fixture_kg):
    kg = fixture_kg
    assert summaries.SUMMARY_GRAPH not in kg.store.named_graphs()
    assert len(kg.store.named_graphs()) == len(filings())
    dump = kg.store.dump(ox.RdfFormat.N_QUADS).decode()
    assert summaries.SNS not in dump
    n_summary = sum(1 for _ in kg.store._store.quads_for_pattern(
        None, None, None, ox.NamedNode(summaries.SUMMARY_GRAPH)))
    assert n_summary > 0 and len(kg.store) == len(kg.store._store) - n_summary


@pytest.mark.slow
def test_ingest_refreshes_summaries(tmp_path):
    src = Path(__file__).resolve().parents[1] / "samples"
    kg = KnowledgeGraph(str(tmp_path / "store"))
    kg.ingest([src], in_process=True)
    assert kg.store.summaries_current()
    _all_equal(kg)


def test_summary_equals_exact_on_real_filings(tmp_path, dev_dir, seeds_dir):
    """Real filings bring what fixtures lack: a case written with and without its office
    digit, a filing that does not state its court, counsel without appearances."""
    root = Path(__file__).resolve().parent
    files = [p for d in (dev_dir, seeds_dir, root / "fixtures" / "filings", root / "fixtures" / "heldout")
             for p in sorted(d.iterdir()) if p.is_file() and not p.name.endswith(".gold.json")]
    kg = KnowledgeGraph(str(tmp_path / "store"))
    rep = kg.ingest(files, in_process=True)
    assert rep.files == len(files) and kg.store.summaries_current()
    _all_equal(kg)
    _, rows = kg.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?c dg:courtKey \"unknown\" ; dg:inCourt ?court }")
    assert rows[0]["n"] == 0  # no case both in a court and in "unknown"


def _summary_graph(kg: KnowledgeGraph) -> list[str]:
    return sorted(str(q) for q in kg.store._store.quads_for_pattern(
        None, None, None, ox.NamedNode(summaries.SUMMARY_GRAPH)))


def _refresh(kg: KnowledgeGraph, **kw) -> int:
    st = kg.store
    return summaries.refresh(st._rows, st._store.update, write=st._store.extend, **kw)


@pytest.mark.parametrize("graph", ["fixture", "synthetic"])
def test_case_by_case_and_whole_rebuilds_write_the_same_summaries(graph):
    """The whole rebuild (a first build, counted in memory) and the case-by-case one (the
    groups recounted from their members in the store) write the same quads, byte for byte,
    in one chunk or many, and with the whole rebuild through INSERT DATA (as on a server)."""
    if graph == "fixture":
        kg = small_graph()
    else:
        kg = KnowledgeGraph(None)
        for ex in extractions(30):
            kg.store.put(ex)
    kg.store.refresh_summaries()  # no version yet: the whole rebuild
    whole = _summary_graph(kg)
    assert any("/summary#packed-" in q for q in whole)
    cases = [r["c"] for r in kg.store.query("SELECT ?c WHERE { ?c a dg:Case } ORDER BY ?c")[1]]
    # every case stale, fewer than a chunk: case by case
    kg.store._store.update(summaries.MARK_ALL)
    assert _refresh(kg) == len(cases)
    assert kg.store.summaries_current() and _summary_graph(kg) == whole
    # under a quarter of the cases stale, in chunks of two cases and three groups
    stale = summaries.stale_quads(ox.NamedNode(c) for c in cases[: max(1, (len(cases) - 1) // 4)])
    kg.store._store.extend(stale)
    assert _refresh(kg, chunk=2, group_chunk=3) == len(stale)
    assert kg.store.summaries_current() and _summary_graph(kg) == whole
    # every case stale, more than a chunk: rebuilt whole, written as INSERT DATA
    kg.store._store.update(summaries.MARK_ALL)
    assert summaries.refresh(kg.store._rows, kg.store._store.update, chunk=2) == len(cases)
    assert kg.store.summaries_current() and _summary_graph(kg) == whole


def _row_set(rows: list[dict]) -> set:
    return {tuple(sorted((k, str(v)) for k, v in r.items() if v is not None)) for r in rows}


@pytest.mark.parametrize("graph", ["fixture", "real"])
def test_pairs_found_in_python_are_the_patterns_rows(graph, tmp_path, dev_dir, seeds_dir):
    """The pair relations (opposing counsel, co-counsel) are paired in Python from the
    cases' appearances: the same rows as their SPARQL patterns give."""
    if graph == "fixture":
        kg = small_graph()
    else:
        kg = KnowledgeGraph(None)
        for d in (dev_dir, seeds_dir):
            kg.ingest([p for p in sorted(d.iterdir()) if p.suffix == ".txt"], in_process=True)
    cases = [ox.NamedNode(r["c"]) for r in kg.store.query("SELECT ?c WHERE { ?c a dg:Case } ORDER BY ?c")[1]]
    assert cases
    for rel in summaries.RELATIONS:
        if rel.name in ("opposing", "co-counsel"):
            for chunk in (cases, cases[::2]):
                want = kg.store._rows(summaries.relation_select(rel, chunk))
                got = summaries.relation_rows(kg.store._rows, rel, chunk)
                assert _row_set(got) == _row_set(want), rel.name
                assert want or graph == "real"


@pytest.mark.parametrize("graph", ["fixture", "synthetic", "real"])
def test_whole_rebuild_streamed_over_every_case_equals_chunks(graph, dev_dir, seeds_dir, monkeypatch):
    """The embedded store's whole rebuild reads each relation with a pass of its own by
    one SELECT over every case, streamed; in chunks of cases (as on a SPARQL server: one
    chunk, and chunks of two cases) the summaries are the same, byte for byte."""
    if graph == "fixture":
        kg = small_graph()
    elif graph == "synthetic":
        kg = KnowledgeGraph(None)
        for ex in extractions(30):
            kg.store.put(ex)
    else:
        kg = KnowledgeGraph(None)
        for d in (dev_dir, seeds_dir):
            kg.ingest([p for p in sorted(d.iterdir()) if p.suffix == ".txt"], in_process=True)
    st = kg.store
    streamed: list[str] = []
    orig_iter = st._iter_rows

    def stream(sparql: str):
        streamed.append(sparql)
        return orig_iter(sparql)

    monkeypatch.setattr(st, "_iter_rows", stream)
    st._store.update(summaries.CLEAR_ALL)
    assert st.refresh_summaries() > 0  # no version: the whole rebuild, streamed
    whole = _summary_graph(kg)
    assert streamed and all("VALUES ?case" not in q for q in streamed)
    assert any("/summary#packed-firm-judge" in q for q in whole)
    rebuild_all = summaries.rebuild_all
    for chunk in (1000, 2):
        monkeypatch.setattr(summaries, "rebuild_all", functools.partial(rebuild_all, chunk=chunk))
        st._store.update(summaries.CLEAR_ALL)
        assert summaries.refresh(st._rows, st._store.update, write=st._store.extend,
                                 bulk_write=st._store.bulk_extend) > 0
        assert _summary_graph(kg) == whole, chunk


def _junk(kg: KnowledgeGraph) -> list[ox.Quad]:
    """Quads a whole rebuild must not leave behind: marks, an answer of another version,
    a posting of a word no longer indexed, one with a blank node."""
    g = ox.NamedNode(summaries.SUMMARY_GRAPH)
    grp = next(q.subject for q in kg.store._store.quads_for_pattern(
        None, ox.NamedNode(summaries.SNS + "rel"), None, g))
    case = ox.NamedNode(kg.store.query("SELECT ?c WHERE { ?c a dg:Case } LIMIT 1")[1][0]["c"])
    t = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    return [
        ox.Quad(case, ox.NamedNode(summaries.SNS + "stale"), t, g),
        ox.Quad(grp, ox.NamedNode(summaries.SNS + "dirty"), t, g),
        ox.Quad(grp, ox.NamedNode(summaries.SNS + "packed-old"), ox.Literal("3\t\t\tx\ty\tz"), g),
        ox.Quad(ox.NamedNode(summaries.SNS + "w/zzzz"), ox.NamedNode(summaries.SNS + "has"),
                ox.Literal("https://docketgraph.org/id/x\tParty\tZzzz"), g),
        ox.Quad(ox.BlankNode(), ox.NamedNode(summaries.SNS + "old"), ox.Literal("line\n\"quoted\"\ttab"), g),
    ]


def _graph_for(graph: str) -> KnowledgeGraph:
    if graph == "fixture":
        return small_graph()
    kg = KnowledgeGraph(None)
    for ex in extractions(30):
        kg.store.put(ex)
    return kg


@pytest.mark.parametrize("graph", ["fixture", "synthetic"])
def test_whole_rebuild_over_old_summaries_sweeps_what_it_did_not_write(graph):
    """The embedded store's whole rebuild writes over the old summaries, then removes in
    slices every quad it did not write: the graph is the one dropping it first gives."""
    kg = _graph_for(graph)
    st = kg.store
    # the graph dropped by one request, then rebuilt (as on a server)
    summaries.refresh(st._rows, st._store.update, write=st._store.extend, bulk_write=st._store.bulk_extend)
    want = _summary_graph(kg)
    assert st.summaries_current() and st.name_index() is not None
    st._store.extend(_junk(kg))
    st._store.update(f"DELETE WHERE {{ GRAPH <{summaries.SUMMARY_GRAPH}> "
                     f"{{ <{summaries.SUMMARY_GRAPH}> <{summaries.SNS}version> ?v }} }}")
    slices: list[int] = []
    remove = st._remove_quads

    def counted(quads):
        slices.append(len(quads))
        remove(quads)

    st._remove_quads = counted  # type: ignore[method-assign]
    assert st.refresh_summaries() > 0
    assert slices and sum(slices) == len(_junk(kg))  # what it did not write, and only that
    assert _summary_graph(kg) == want
    assert st.summaries_current() and st.name_index() is not None
    _all_equal(kg)


@pytest.mark.parametrize("why", ["version", "stale"])
def test_a_whole_rebuild_stopped_part_way_is_started_over(monkeypatch, why):
    """The versions go first (one small transaction) and last: a rebuild stopped after its
    first slice of removals leaves summaries and name index that no reader trusts, and the
    next refresh rebuilds them whole (whether the rebuild was whole for another version's
    summaries or for many stale cases)."""
    kg = small_graph()
    st = kg.store
    st.refresh_summaries()
    want = _summary_graph(kg)
    st._store.extend(_junk(kg))
    if why == "version":  # another version's summaries
        st._store.update(f"DELETE WHERE {{ GRAPH <{summaries.SUMMARY_GRAPH}> "
                         f"{{ <{summaries.SUMMARY_GRAPH}> <{summaries.SNS}version> ?v }} }}")
    else:  # every case stale, more than a chunk of them
        st._store.update(summaries.MARK_ALL)
        assert not st.summaries_current() and summaries._rebuild_whole(st._rows, 2)
    monkeypatch.setattr(summaries, "sweep", functools.partial(summaries.sweep, slice_quads=2))
    calls: list[int] = []

    def stopped(quads):
        st._remove_quads(quads)
        calls.append(len(quads))
        raise OSError("stopped")

    with pytest.raises(OSError, match="stopped"):
        summaries.refresh(st._rows, st._store.update, write=st._store.extend, bulk_write=st._store.bulk_extend,
                          stream=st._iter_rows, quads=st._summary_quads, remove=stopped, chunk=2)
    assert calls == [2]
    assert set(_summary_graph(kg)) - set(want)  # the rest of the old summaries is still there
    assert not st.summaries_current() and st.name_index() is None
    assert summaries._rebuild_whole(st._rows, 500)
    assert _rows(kg, "firms-before-judges", {}, exact=False) == _rows(kg, "firms-before-judges", {}, exact=True)
    assert st.refresh_summaries() > 0
    assert _summary_graph(kg) == want
    assert st.summaries_current() and st.name_index() is not None
