"""Every saved query has a golden answer on the small fixture graph.

A missing golden file is a failure. To write or refresh them after a deliberate change:

    DOCKETGRAPH_UPDATE_GOLDENS=1 python -m pytest tests/test_queries_golden.py

and review the diff of tests/golden/queries/.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from docketgraph.queries.registry import Registry
from query_factories import small_graph

GOLDEN = Path(__file__).parent / "golden" / "queries"
UPDATE = os.environ.get("DOCKETGRAPH_UPDATE_GOLDENS") == "1"

#: parameter sets run for each query besides its defaults
CASES: dict[str, list[dict]] = {
    "firms-before-judges": [{"court": "ilnd"}, {"role": "magistrate"}, {"firm": "epstein drangel llp"},
                            {"judge": "Paul G. Gardephe"}, {"from": "2023-05-01", "to": "2023-12-31"},
                            {"from": "2024-01-01"}],
    "judges-for-firm": [{"firm": "Greer, Burns & Crain, Ltd."}, {"firm": "Epstein Drangel LLP", "to": "2023-12-31"}],
    "firms-for-judge": [{"judge": "Martha M. Pacold"}],
    "attorneys-of-firm": [{"firm": "Epstein Drangel LLP"}],
    "co-counsel": [{"firm": "Local Counsel PC"}],
    "opposing-counsel": [{"firm": "Smith & Jones LLP"}],
    "platforms-by-firm": [{"firm": "Greer, Burns & Crain, Ltd."}, {"kind": "payment"}],
    "platforms-by-judge": [{"judge": "Paul A. Engelmayer"}],
    "brand-portfolio": [{"plaintiff": "The Pinkfong Company, Inc."}],
    "schedule-a-cases": [{"court": "nysd"}, {"firm": "Greer, Burns & Crain, Ltd."}, {"judge": "Paul A. Engelmayer"},
                         {"from": "2024-01-01"}],
    "precedents-cited": [{"firm": "Greer, Burns & Crain, Ltd."}, {"judge": "Susan E. Cox"}],
    "case-summary": [{"docket": "23-cv-1820"}, {"docket": "1:22-cv-04133"}],
    "entity-search": [{"name": "Greer Burns Crain"}, {"name": "Pacold", "kind": "Judge"}, {"name": "alibaba"}],
    "document-provenance": [{"document": "order.txt"}],
    "centrality": [{"projection": "attorneys"}, {"projection": "citations"}, {"projection": "platform-firm", "top": "2"}],
    "communities": [{"projection": "platform-firm"}],
    "attorney-network": [{"firm": "Epstein Drangel LLP"}],
    "firm-judge-network": [{"court": "nysd"}, {"from": "2024-01-01"}],
    "seller-recurrence": [{"min_cases": "1"}, {"min_cases": "1", "court": "ilnd"},
                          {"min_cases": "1", "defendant": "Shenzhen Example Trading Co."}],
}


#: list columns (GROUP_CONCAT) whose order the engine does not promise
LISTS = {"dockets": ", ", "emails": ", ", "case_ids": " ", "firms": "; ", "judges": "; ",
         "courts": ", ", "plaintiffs": "; ", "defence_firms": "; "}


def _canon(k, v):
    if k in LISTS and isinstance(v, str):
        return LISTS[k].join(sorted(v.split(LISTS[k])))
    return v


def answers(kg, name: str) -> dict:
    out = []
    for params in [{}] + CASES.get(name, []):
        res = kg.query(name, **params)
        out.append({"params": params, "columns": res.columns,
                    "rows": [{k: _canon(k, v) for k, v in r.items()} for r in res.rows]})
    return {"query": name, "cases": out}


@pytest.fixture(scope="module")
def kg():
    return small_graph()


@pytest.mark.parametrize("name", Registry().names())
def test_golden(kg, name):
    path = GOLDEN / f"{name}.json"
    got = answers(kg, name)
    if UPDATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(got, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    assert path.exists(), f"no golden answer for saved query {name}: write {path} (see module docstring)"
    want = json.loads(path.read_text(encoding="utf-8"))
    assert got == want


def test_every_golden_belongs_to_a_query():
    names = set(Registry().names())
    stale = sorted(p.stem for p in GOLDEN.glob("*.json") if p.stem not in names)
    assert stale == []


def test_goldens_are_not_empty():
    """A golden of nothing proves nothing: each query answers something on the fixture graph."""
    for p in sorted(GOLDEN.glob("*.json")):
        data = json.loads(p.read_text(encoding="utf-8"))
        assert any(c["rows"] for c in data["cases"]), p.name
