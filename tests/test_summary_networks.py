"""Network projections read from the summaries' links equal the exact path.

The network saved queries (firm-judge-network, attorney-network, citation-network,
platform-firm-network, centrality, communities, over every projection) and
``KnowledgeGraph.to_networkx`` read each case's entity links from the summaries
(``summaries.links_quads``) when they are current, and the documents' facts otherwise.
Both are run here and must give the same rows in the same order, and the same graphs
(nodes, edges and attributes, in the same insertion order), on the fixture graph, on a
synthetic Schedule A graph, on the real filings, and after a document is replaced.
"""
from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest

from docketgraph.graph import summaries
from docketgraph.graph.errors import NotFound
from docketgraph.queries import analytics
from docketgraph.queries.api import KnowledgeGraph
from factories import with_first_firm_renamed
from query_factories import filings, small_graph
from test_summaries import _params

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import extractions  # noqa: E402

NETWORKS = ["firm-judge-network", "attorney-network", "citation-network", "platform-firm-network"]
MEASURES = ["centrality", "communities"]
PROJECTIONS = ["firm-judge", "attorneys", "citations", "platform-firm"]


class _Counted:
    """Counts the summary reads of links (to show the summary path was taken)."""

    def __init__(self, kg: KnowledgeGraph):
        self.kg, self.reads = kg, 0
        self._orig = kg.store.summary_links

    def __enter__(self):
        def read(kind):
            self.reads += 1
            return self._orig(kind)

        self.kg.store.summary_links = read  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc):
        self.kg.store.summary_links = self._orig  # type: ignore[method-assign]


def _run(kg: KnowledgeGraph, fn, *, exact: bool):
    current = kg.store.summaries_current
    if exact:
        kg.store.summaries_current = lambda: False  # type: ignore[method-assign]
    try:
        with _Counted(kg) as c:
            try:
                out = fn()
            except NotFound as e:
                out = ("error", str(e))
        if exact:
            assert c.reads == 0
        elif out and out[0] != "error":
            assert c.reads > 0, "the summaries were not read"
        return out
    finally:
        kg.store.summaries_current = current  # type: ignore[method-assign]


def _answer(kg: KnowledgeGraph, name: str, params: dict):
    res = kg.query(name, **params)
    return res.columns, [json.dumps(r, sort_keys=True, default=str) for r in res.rows]


def _graph(G) -> tuple:
    return (
        G.is_directed(),
        [json.dumps([n, d], sort_keys=True) for n, d in G.nodes(data=True)],
        [json.dumps([a, b, d], sort_keys=True) for a, b, d in G.edges(data=True)],
    )


def _cases(kg: KnowledgeGraph) -> list[tuple[str, dict]]:
    out = []
    for name in NETWORKS:
        out += [(name, p) for p in _params(kg, name)]
    for name in MEASURES:
        for proj in PROJECTIONS:
            out += [(name, {**p, "projection": proj}) for p in _params(kg, name) if "projection" not in p]
    out += [("centrality", {"projection": "attorneys", "top": 3})]
    return out


def _assert_equal(kg: KnowledgeGraph) -> int:
    """Every network query and projection both ways; returns how many answers had rows."""
    assert kg.store.summaries_current()
    some = 0
    for name, params in _cases(kg):
        got = _run(kg, lambda: _answer(kg, name, params), exact=False)
        want = _run(kg, lambda: _answer(kg, name, params), exact=True)
        assert got == want, (name, params)
        some += bool(got[1])
    firms = [r["k"] for r in kg.store.query("SELECT DISTINCT ?k WHERE { ?f a dg:LawFirm ; dg:key ?k } ORDER BY ?k")[1]]
    for proj in PROJECTIONS:
        extra = [{"firm": firms[0]}] if proj == "attorneys" and firms else []
        extra += [{"by": "case"}] if proj == "citations" else []
        for p in [{}, {"court": "ilnd"}, {"from": "2023-01-01"}, {"to": "2022-06-30"}] + extra:
            got = _run(kg, lambda: _graph(kg.to_networkx(proj, **p)), exact=False)
            assert got == _run(kg, lambda: _graph(kg.to_networkx(proj, **p)), exact=True), (proj, p)
    return some


def test_links_predicates_are_one_per_kind():
    assert set(summaries.LINKS) == {"LawFirm", "Attorney", "Judge", "Platform", "Precedent"}
    assert all(analytics._RELATIONS[k] == v for k, v in summaries.LINKS.items())
    packed = "https://x/c1\t1:21-cv-1\tilnd\thttps://x/a\t2021-01-02\t2021-03-04\thttps://x/b\t\t\nhttps://x/c2\t2\tnysd"
    assert list(summaries.unpack_links(packed)) == [
        ("https://x/c1", "1:21-cv-1", "ilnd", ["https://x/a", "2021-01-02", "2021-03-04", "https://x/b", "", ""]),
        ("https://x/c2", "2", "nysd", []),
    ]
    # a case's bucket is fixed by its IRI
    assert summaries.links_bucket("https://x/c1") == summaries.links_bucket("https://x/c1")
    assert len({summaries.links_bucket(f"https://x/c{i}") for i in range(2000)}) == summaries.LINK_BUCKETS


def test_networks_from_summaries_equal_exact_on_the_fixture_graph():
    kg = small_graph()
    kg.store.refresh_summaries()
    assert _assert_equal(kg) > 0


@pytest.mark.slow
def test_networks_from_summaries_equal_exact_on_a_synthetic_graph():
    kg = KnowledgeGraph(None)
    for ex in extractions(40):
        kg.store.put(ex)
    kg.store.refresh_summaries()
    assert _assert_equal(kg) > 0


def test_networks_from_summaries_equal_exact_on_real_filings(dev_dir, seeds_dir):
    kg = KnowledgeGraph(None)
    for d in (dev_dir, seeds_dir):
        kg.ingest([p for p in sorted(d.iterdir()) if p.is_file() and not p.name.endswith(".gold.json")],
                  in_process=True)
    assert kg.store.summaries_current()
    assert _assert_equal(kg) > 0


def test_networks_follow_a_replaced_document():
    """A replaced document's cases are summarised again: the links follow, and while they
    are stale the exact path answers."""
    kg = KnowledgeGraph(None)
    docs = filings()
    for ex, text in docs:
        kg.store.put(ex, text=text, path=f"/filings/{ex.doc}")
    kg.store.refresh_summaries()
    before = _run(kg, lambda: _answer(kg, "firm-judge-network", {}), exact=False)
    ex, text = docs[0]
    ex2 = with_first_firm_renamed(ex, "Brand New Counsel LLP", "f" * 64)
    assert kg.store.put(ex2, text=text, path=f"/filings/{ex.doc}").status == "replaced"
    assert not kg.store.summaries_current()
    stale = kg.query("firm-judge-network")
    kg.store.refresh_summaries()
    after = _run(kg, lambda: _answer(kg, "firm-judge-network", {}), exact=False)
    assert after != before and "Brand New Counsel LLP" in json.dumps(after)
    assert [json.dumps(r, sort_keys=True, default=str) for r in stale.rows] == after[1]
    _assert_equal(kg)
    # removing every document leaves no links behind
    for g in kg.store.named_graphs():
        assert kg.store.remove_document(g.rsplit("/", 1)[-1])
    assert all(not kg.store.summary_links(k) for k in summaries.LINKS)


def test_summaries_of_an_older_version_are_rebuilt_with_links():
    """A store summarised by version 3 (no links) is not read; the next refresh rebuilds
    it whole, links included."""
    kg = small_graph()
    kg.store.refresh_summaries()
    want = _run(kg, lambda: _answer(kg, "firm-judge-network", {}), exact=True)
    g = f"<{summaries.SUMMARY_GRAPH}>"
    kg.store._store.update(
        f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {g} {{ ?s ?p ?o "
        f'FILTER(STRSTARTS(STR(?p), "{summaries.SNS}links-")) }} }} ;\n'
        f"DELETE WHERE {{ GRAPH {g} {{ {g} <{summaries.SNS}version> ?v }} }} ;\n"
        f'INSERT DATA {{ GRAPH {g} {{ {g} <{summaries.SNS}version> "3" }} }}'
    )
    assert not kg.store.summaries_current()
    assert all(not kg.store.summary_links(k) for k in summaries.LINKS)
    assert _answer(kg, "firm-judge-network", {}) == want  # the exact path meanwhile
    kg.store.refresh_summaries()
    assert kg.store.summaries_current() and kg.store.summary_links("LawFirm")
    assert _run(kg, lambda: _answer(kg, "firm-judge-network", {}), exact=False) == want


def _varied(n_cases: int):
    """Synthetic filings whose links differ in dates within a case: a case's later filings
    dated months later or not at all, naming platforms, precedents and attorneys of their
    own, and one docket number held by cases in two courts."""
    for ex in extractions(n_cases):
        n, k = (int(p) for p in ex.doc[len("case"):-len(".txt")].split("-doc"))
        case = ex.cases[0]
        if n % 7 == 3:  # the same docket number as case 1, in another court
            case = dataclasses.replace(case, docket="1:21-cv-00001", court="nysd" if case.court != "nysd" else "flsd")
        kw: dict = {"cases": (case,)}
        if k == 1:
            kw["filed"] = None if n % 3 == 0 else f"2026-0{1 + n % 9}-1{n % 10}"
        if k == 2:
            first = next(iter(extractions(n_cases)))
            kw["platforms"] = first.platforms[: 1 + n % 2]
            kw["citations"] = first.citations[n % 3 :]
            kw["attorneys"] = first.attorneys[:1] if n % 2 else ()
            kw["filed"] = f"2019-1{n % 3}-0{1 + n % 8}"
        yield ex.replace(**kw)


def test_networks_from_summaries_equal_exact_with_varied_dates():
    """Links dated differently within a case, undated documents, a docket number in two
    courts: the summaries' path (arrays of links, dates as ranks) answers as the exact one."""
    kg = KnowledgeGraph(None)
    for ex in _varied(24):
        kg.store.put(ex)
    kg.store.refresh_summaries()
    dockets = [r["d"] for r in kg.store.query("SELECT ?d WHERE { ?c a dg:Case ; dg:docketNumber ?d }")[1]]
    assert len(dockets) > len(set(dockets))  # a docket number held twice
    assert _assert_equal(kg) > 0
    for name in NETWORKS:
        for p in [{"court": "pawd"}, {"court": "nowhere"}, {"from": "2026-01-01"}, {"to": "2019-12-31"},
                  {"from": "2026-03-01", "to": "2026-05-31"}]:
            got = _run(kg, lambda: _answer(kg, name, p), exact=False)
            assert got == _run(kg, lambda: _answer(kg, name, p), exact=True), (name, p)


# --- the links read as arrays (numpy tokens numbered by a checked hash) --------------------

from hypothesis import given, settings, strategies as st  # noqa: E402
import numpy as np  # noqa: E402


def _decoded(read) -> tuple:
    """What a reader of packed links reads, with its numbers replaced by their values."""
    cases, dockets, court_no, courts, sizes, ent, names, first, last, dates = read
    return (
        cases,
        dockets,
        [courts[i] for i in court_no.tolist()],
        sizes.tolist(),
        [names[i] for i in ent.tolist()],
        [dates[i] for i in first.tolist()],
        [dates[i] for i in last.tolist()],
    )


def test_links_read_as_arrays_equal_the_pattern_reading_on_a_summarised_graph():
    kg = KnowledgeGraph(None)
    for ex in _varied(30):
        kg.store.put(ex)
    kg.store.refresh_summaries()
    for kind in summaries.LINKS:
        packed = kg.store.summary_links(kind)
        fast = analytics._read_arrays(packed)
        assert fast is not None, kind
        assert _decoded(fast) == _decoded(analytics._read_plain(packed)), kind


_token = st.text(st.characters(blacklist_characters="\t\n", blacklist_categories=("Cs",)), max_size=30)
_iri = st.sampled_from(["https://x/a", "https://x/b", "https://docketgraph.org/id/precedent/1-f-4th-2"]) | _token
_date = st.sampled_from(["", "2021-01-02", "2024-11-30", "1999-12-31"]) | _token


@st.composite
def _buckets(draw):
    """Packed links as the summaries write them (a line a case: case, docket, court and
    (entity, first, last) triples), with empty buckets and cases without links."""
    out = []
    for b in range(draw(st.integers(0, 4))):
        lines = []
        for c in range(draw(st.integers(0, 5))):
            links = draw(st.lists(st.tuples(_iri, _date, _date), max_size=6))
            fields = [f"https://x/case/{b}/{c}{draw(_token)}", draw(_token), draw(st.sampled_from(["ilnd", "nysd", "é"]))]
            lines.append("\t".join(fields + [v for t in links for v in t]))
        out.append("\n".join(lines))
    return out


@settings(max_examples=300, deadline=None)
@given(_buckets())
def test_links_read_as_arrays_equal_the_pattern_reading(packed):
    fast = analytics._read_arrays(packed)
    if any(c < "\x09" for p in packed for c in p):  # a control character: the pattern reads it
        assert fast is None
        return
    assert fast is not None
    assert _decoded(fast) == _decoded(analytics._read_plain(packed))


def test_links_read_as_arrays_give_way_to_the_pattern_on_what_the_summaries_never_write():
    bad = ["https://x/c\t1\tilnd\thttps://x/a\x01\t\t", "https://x/c\t1\tilnd\thttps://x/a\t2021-01-01"]
    for packed in ([bad[0]], [bad[1]]):
        assert analytics._read_arrays(packed) is None
    # and the network reads them as before (the pattern's reading)
    assert analytics._read_plain([bad[0]])[0] == ["https://x/c"]


def test_tokens_hashed_alike_are_told_apart(monkeypatch):
    """Two distinct tokens with one hash: the numbering says so (None), never merges them."""
    monkeypatch.setattr(analytics, "_MIX", np.zeros(8, dtype=np.uint64))  # every hash 0
    packed = ["https://x/c\t1\tilnd\thttps://x/a\t2021-01-01\t2021-01-02\thttps://x/b\t\t"]
    assert analytics._read_arrays(packed) is None
    same = ["https://x/c\t1\tilnd\thttps://x/a\t\t\nhttps://x/d\t2\tilnd\thttps://x/a\t\t"]
    got = analytics._read_arrays(same)
    assert got is not None and _decoded(got) == _decoded(analytics._read_plain(same))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 40), max_size=200) | st.lists(st.integers(0, 2**62), max_size=50))
def test_grouped_equals_unique_and_a_stable_sort(values):
    key = np.array(values, dtype=np.int64)
    first, perm, bounds = analytics._grouped(key)
    if not len(key):
        assert len(first) == 0 and len(perm) == 0 and bounds.tolist() == [0]
        return
    _, at, inv = np.unique(key, return_index=True, return_inverse=True)
    by_first = np.argsort(at, kind="stable")
    assert first.tolist() == at[by_first].tolist()
    edge_no = np.empty(len(by_first), dtype=np.int64)
    edge_no[by_first] = np.arange(len(by_first))
    group = edge_no[inv.reshape(-1)]
    assert perm.tolist() == np.argsort(group, kind="stable").tolist()
    assert bounds.tolist() == [0, *np.cumsum(np.bincount(group)).tolist()]
