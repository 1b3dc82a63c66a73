"""Saved queries rewritten for speed give the answers of the text they replaced.

The previous text of each rewritten query is kept beside the tests
(``tests/fixtures/reference-*.rq``) and run through the same saved-query machinery on the
fixture graph, a synthetic Schedule A store (bench/generate.py) and the real filings; the
answers (columns and rows, in order) must be equal for every parameter set tried.
"""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from docketgraph.queries.api import KnowledgeGraph
from docketgraph.queries.saved import parse_rq
from query_factories import small_graph

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import extractions  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
REWRITTEN = ["document-provenance"]


def _reference(kg: KnowledgeGraph, name: str):
    text = (FIXTURES / f"reference-{name}.rq").read_text(encoding="utf-8")
    return dataclasses.replace(kg.registry.get(name), sparql=parse_rq(text, name, builtin=True).sparql)


def _params(kg: KnowledgeGraph, name: str) -> list[dict]:
    if name == "document-provenance":
        docs = kg.store.query("SELECT ?sha ?n WHERE { ?d a dg:Document ; dg:sha256 ?sha ; schema:name ?n } ORDER BY ?n")[1]
        return ([{}] + [{"sha": d["sha"]} for d in docs[::5]] + [{"document": d["n"]} for d in docs[::7]]
                + [{"sha": "0" * 64}, {"document": "no such file.txt"}])
    raise AssertionError(name)


def _same(kg: KnowledgeGraph, name: str) -> int:
    new, old = kg.registry.get(name), _reference(kg, name)
    rows = 0
    for params in _params(kg, name):
        a = new.run(kg.store, params)
        b = old.run(kg.store, params)
        assert a[:2] == b[:2], (name, params)
        rows += len(a[1])
    return rows


@pytest.mark.parametrize("name", REWRITTEN)
def test_rewritten_query_equals_its_previous_text_on_the_fixture_graph(name):
    assert _same(small_graph(), name) > 0


@pytest.mark.slow
@pytest.mark.parametrize("name", REWRITTEN)
def test_rewritten_query_equals_its_previous_text_on_a_synthetic_store(name):
    kg = KnowledgeGraph(None)
    for ex in extractions(30):
        kg.store.put(ex)
    _same(kg, name)


@pytest.mark.slow
def test_rewritten_queries_equal_their_previous_text_on_real_filings(tmp_path, dev_dir, seeds_dir):
    root = Path(__file__).resolve().parent
    files = [p for d in (dev_dir, seeds_dir, root / "fixtures" / "filings")
             for p in sorted(d.iterdir()) if p.is_file() and not p.name.endswith(".gold.json")]
    kg = KnowledgeGraph(str(tmp_path / "store"))
    kg.ingest(files, in_process=True)
    for name in REWRITTEN:
        assert _same(kg, name) > 0, name
