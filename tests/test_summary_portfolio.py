"""brand-portfolio from the summaries (queries.summarised.brand_portfolio over the cases'
portfolio lines, graph.summaries.portfolio_lines) gives the exact path's rows in its order:
on the fixture graph, a synthetic Schedule A store and the real filings, for every
plaintiff key with and without date ranges, and after a plaintiff is spelt anew in another
case, in a filing of no case, and after filings are replaced and removed."""
from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest

from docketgraph.graph import summaries
from docketgraph.graph.model import Extraction, PartyMention
from docketgraph.queries.api import KnowledgeGraph
from factories import TEXT, case_extraction, sha
from query_factories import small_graph
from test_queries_golden import _canon

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import extractions  # noqa: E402

NAME = "brand-portfolio"
ORDER = ("plaintiff_label", "first_filed", "docket")


def _answer(kg: KnowledgeGraph, params: dict, *, exact: bool) -> tuple:
    """Columns, the rows' ORDER BY keys in order, and the rows (lists sorted) as a sorted
    list: the engine orders rows equal on the ORDER BY keys as it finds them. With a
    plaintiff the saved query takes its exact text (placed, it is as fast): the summaries'
    answer is asked for all the same (``summary_unless`` emptied)."""
    q = kg.registry.get(NAME)
    current = kg.store.summaries_current
    if exact:
        kg.store.summaries_current = lambda: False  # type: ignore[method-assign]
    else:
        q = dataclasses.replace(q, summary_unless=())
    try:
        cols, rows, _ = q.run(kg.store, params)
    finally:
        kg.store.summaries_current = current  # type: ignore[method-assign]
    rows = [{k: _canon(k, v) for k, v in r.items()} for r in rows]
    return (cols, [tuple(r[k] for k in ORDER) for r in rows],
            sorted(json.dumps(r, sort_keys=True) for r in rows))


def _params(kg: KnowledgeGraph, every: int = 1) -> list[dict]:
    keys = [r["k"] for r in kg.store.query(
        'SELECT DISTINCT ?k WHERE { ?pt dg:role "plaintiff" ; dg:party ?p . ?p dg:key ?k } ORDER BY ?k')[1]]
    dates = [r["d"] for r in kg.store.query("SELECT DISTINCT ?d WHERE { ?x dg:filed ?d } ORDER BY ?d")[1]]
    ranges = [{}, {"from": "2021-01-01"}, {"to": "2022-06-30"}, {"from": "2020-01-01", "to": "2023-12-31"},
              {"from": "2030-01-01"}]
    if dates:
        mid, q1, q3 = dates[len(dates) // 2], dates[len(dates) // 4], dates[3 * len(dates) // 4]
        ranges += [{"from": mid}, {"to": mid}, {"from": q1, "to": q3}, {"from": mid, "to": mid}]
    out = ranges + [{"plaintiff": "no such plaintiff"}, {"plaintiff": 'a "quoted" } ; DROP ALL'}]
    out += [{"plaintiff": k, **ranges[i % len(ranges)]} for i, k in enumerate(keys[::every])]
    return out


def _check(kg: KnowledgeGraph, every: int = 1) -> int:
    assert kg.store.summaries_current()
    rows = 0
    for params in _params(kg, every):
        got = _answer(kg, params, exact=False)
        assert got == _answer(kg, params, exact=True), params
        rows += len(got[1])
    return rows


def test_the_summaries_answer_brand_portfolio_without_a_plaintiff():
    """Every plaintiff's portfolio (with or without a range) is read from the summaries;
    a given plaintiff is placed in the exact text, which answers it in milliseconds."""
    kg = small_graph()
    kg.store.refresh_summaries()
    q = kg.registry.get(NAME)
    assert q.summary is not None and q.summary_unless == ("plaintiff",)
    calls: list[str] = []
    orig = kg.store.summary_links
    kg.store.summary_links = lambda kind: calls.append(kind) or orig(kind)  # type: ignore[method-assign]
    assert kg.query(NAME, **{"from": "2020-01-01"}).rows
    assert calls == [summaries.PORTFOLIO]
    assert kg.query(NAME, plaintiff="The Pinkfong Company, Inc.").rows
    assert calls == [summaries.PORTFOLIO]


def test_portfolio_equals_exact_on_the_fixture_graph():
    kg = small_graph()
    kg.store.refresh_summaries()
    assert _check(kg) > 0


@pytest.mark.slow
def test_portfolio_equals_exact_on_a_synthetic_store():
    kg = KnowledgeGraph(None)
    for ex in extractions(60):
        kg.store.put(ex)
    kg.store.refresh_summaries()
    assert _check(kg, every=3) > 20


@pytest.mark.slow
def test_portfolio_equals_exact_on_real_filings(tmp_path, dev_dir, seeds_dir):
    root = Path(__file__).resolve().parent
    files = [p for d in (dev_dir, seeds_dir, root / "fixtures" / "filings", root / "fixtures" / "heldout")
             for p in sorted(d.iterdir()) if p.is_file() and not p.name.endswith(".gold.json")]
    kg = KnowledgeGraph(str(tmp_path / "store"))
    kg.ingest(files, in_process=True)
    assert _check(kg) > 20


def _no_case(tag: str, plaintiff: str) -> Extraction:
    """A filing stating no case that names ``plaintiff`` (a party tied to no case)."""
    return Extraction(doc=f"{tag}.txt", sha256=sha(tag), kind="letter", filed="2024-03-03",
                      parties=(PartyMention(plaintiff, "plaintiff", None, ((0, 4),)),))


def test_a_plaintiff_spelt_anew_elsewhere_rewrites_its_cases_lines():
    """A plaintiff's least name is read from every filing naming it: a filing of another
    case, or of no case, spelling it anew changes the label of its earlier cases too."""
    kg = KnowledgeGraph(None)
    one = case_extraction("p1", docket="1:23-cv-00101", plaintiff="Robert Diggs", filed="2023-01-10",
                          kind="complaint", judges=(("Martha M. Pacold", "district"),))
    two = case_extraction("p2", docket="1:23-cv-00202", plaintiff="Robert Diggs", filed=None,
                          firm="Epstein Drangel LLP", judges=())
    for ex in (one, two):
        kg.store.put(ex, text=TEXT, path=f"/filings/{ex.doc}")
    kg.store.refresh_summaries()
    _check(kg)
    assert {r["plaintiff_label"] for r in kg.query(NAME).rows} == {"Robert Diggs"}
    # another case spells the plaintiff in capitals: the least name, in every case
    three = case_extraction("p3", docket="1:24-cv-00303", plaintiff="ROBERT DIGGS", filed="2024-02-02")
    kg.store.put(three, text=TEXT, path="/filings/p3.txt")
    assert not kg.store.summaries_current()
    kg.store.refresh_summaries()
    _check(kg)
    assert {r["plaintiff_label"] for r in kg.query(NAME).rows} == {"ROBERT DIGGS"}
    kg.store.remove_document(three.sha256)
    _check(kg)
    assert {r["plaintiff_label"] for r in kg.query(NAME).rows} == {"Robert Diggs"}
    # a filing of no case spelling it anew: no case of its own is marked, the plaintiff is
    letter = _no_case("p4", "ROBERT DIGGS")
    kg.store.put(letter, text=TEXT, path="/filings/p4.txt")
    kg.store.refresh_summaries()
    _check(kg)
    assert {r["plaintiff_label"] for r in kg.query(NAME).rows} == {"ROBERT DIGGS"}
    kg.store.remove_document(letter.sha256)
    _check(kg)
    assert {r["plaintiff_label"] for r in kg.query(NAME).rows} == {"Robert Diggs"}
    # a filing replaced by one of another date and firm, then removed
    one2 = dataclasses.replace(one, sha256=sha("p1-v2"), filed="2022-05-05")
    assert kg.store.put(one2, text=TEXT, path="/filings/p1.txt").status == "replaced"
    kg.store.refresh_summaries()
    _check(kg)
    kg.store.remove_document(two.sha256)
    assert _check(kg) > 0
    # the rebuild case by case writes what the whole rebuild writes
    by_case = sorted(str(q) for q in kg.store._store.quads_for_pattern(
        None, None, None, summaries._GN) if "links-Portfolio" in str(q.predicate))
    kg.store._store.update(summaries.CLEAR_ALL)
    kg.store.refresh_summaries()
    assert sorted(str(q) for q in kg.store._store.quads_for_pattern(
        None, None, None, summaries._GN) if "links-Portfolio" in str(q.predicate)) == by_case != []
