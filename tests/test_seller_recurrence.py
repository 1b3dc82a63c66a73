"""Seller recurrence: defendants named in more than one case, with their cases, plaintiffs,
plaintiffs' firms, defence firms and judges (made-up sellers on a small factory store)."""
from __future__ import annotations

import dataclasses
import json

import pytest
from click.testing import CliRunner
from factories import TEXT, case_extraction

from docketgraph.graph.model import FirmMention, PartyMention
from docketgraph.graph.store import GraphStore
from docketgraph.queries.api import MEMORY, KnowledgeGraph
from docketgraph.queries.cli import cli

SELLER = "Glimmerdeal Store"
VEXEL, BRISK = "Vexel Lamp Works, Inc.", "Brisk Otter LLC"
CALLOWAY, TRENTHAM, DEFENCE = "Calloway Brandt & Pike, Ltd.", "Trentham & Voss LLP", "Haverford Lyle LLP"


def _extractions():
    a = case_extraction("a", docket="1:24-cv-00101", court="ilnd", firm=CALLOWAY, plaintiff=VEXEL,
                        defendant=SELLER, judges=(("Harriet B. Quaine", "district"),), filed="2024-03-01")
    # the seller's counsel appears for it in the first case
    answer = dataclasses.replace(
        case_extraction("a2", docket="1:24-cv-00101", court="ilnd", firm=CALLOWAY, plaintiff=VEXEL,
                        defendant=SELLER, judges=(("Harriet B. Quaine", "district"),), filed="2024-04-01"),
        firms=(FirmMention(DEFENCE, (SELLER,), "1:24-cv-00101", ((10, 14),)),),
    )
    b = case_extraction("b", docket="1:24-cv-00202", court="ilnd", firm=CALLOWAY, plaintiff=VEXEL,
                        defendant=SELLER, judges=(("Dorian Fenwick-Olaf", "magistrate"),), filed="2024-06-01")
    c = case_extraction("c", docket="1:24-cv-00303", court="nysd", firm=TRENTHAM, plaintiff=BRISK,
                        defendant=SELLER, judges=(("Orrin Quaine", "district"),), filed="2025-01-15")
    # a defendant of one case, and Schedule A groups (one per case: never recurring)
    d = case_extraction("d", docket="1:24-cv-00404", court="nysd", firm=TRENTHAM, plaintiff=BRISK,
                        defendant="Hollowmere Goods", filed="2025-02-01")
    e = case_extraction("e", docket="1:24-cv-00505", court="ilnd", firm=CALLOWAY, plaintiff=VEXEL)
    f = case_extraction("f", docket="1:24-cv-00606", court="ilnd", firm=CALLOWAY, plaintiff=VEXEL)
    # the seller as a plaintiff elsewhere does not count
    g = dataclasses.replace(
        case_extraction("g", docket="1:24-cv-00707", court="ilnd", firm=CALLOWAY, plaintiff=SELLER,
                        defendant="Quarrytop Ltd."),
        parties=(PartyMention(SELLER, "plaintiff", "1:24-cv-00707", ((20, 24),)),
                 PartyMention("Quarrytop Ltd.", "defendant", "1:24-cv-00707", ((25, 29),))),
    )
    return [a, answer, b, c, d, e, f, g]


@pytest.fixture(scope="module")
def kg():
    g = KnowledgeGraph.open(MEMORY)
    for ex in _extractions():
        g.store.put(ex, text=TEXT)
    yield g
    g.close()


def split(v: str | None, sep: str) -> set[str]:
    return {x.strip() for x in (v or "").split(sep) if x.strip()}


def test_a_seller_sued_in_three_cases(kg):
    res = kg.query("seller-recurrence")
    assert [r["defendant_label"] for r in res] == [SELLER]
    r = res[0]
    assert r["cases"] == 3 and r["defendant"] == "glimmerdeal-store"
    assert split(r["dockets"], ",") == {"1:24-cv-00101", "1:24-cv-00202", "1:24-cv-00303"}
    assert split(r["courts"], ",") == {"ilnd", "nysd"}
    assert split(r["plaintiffs"], ";") == {VEXEL, BRISK}
    assert split(r["firms"], ";") == {CALLOWAY, TRENTHAM}  # the plaintiffs' firms only
    assert split(r["defence_firms"], ";") == {DEFENCE}
    assert split(r["judges"], ";") == {"Harriet B. Quaine", "Dorian Fenwick-Olaf", "Orrin Quaine"}
    assert (r["first"], r["last"]) == ("2024-03-01", "2025-01-15")


def test_groups_and_one_case_defendants_are_left_out(kg):
    names = [r["defendant_label"] for r in kg.query("seller-recurrence", min_cases=1)]
    assert sorted(names) == sorted([SELLER, "Hollowmere Goods", "Quarrytop Ltd."])
    assert not any("Schedule" in n for n in names)


@pytest.mark.parametrize("params, cases", [
    ({"court": "ilnd"}, 2),
    ({"court": "N.D. Ill."}, 2),
    ({"court": "nysd"}, None),             # one case there: below two
    ({"court": "nysd", "min_cases": 1}, 1),
    ({"min_cases": 3}, 3),
    ({"min_cases": 4}, None),
    ({"date_from": "2024-05-01"}, 2),
    ({"date_to": "2024-12-31"}, 2),
    ({"date_from": "2024-05-01", "date_to": "2024-12-31"}, None),
])
def test_filters(kg, params, cases):
    rows = kg.query("seller-recurrence", **params).rows
    got = {r["defendant_label"]: r["cases"] for r in rows}.get(SELLER)
    assert got == cases


def test_a_defendant_named_loosely(kg):
    res = kg.query("seller-recurrence", defendant="glimmerdeal")
    assert [r["defendant_label"] for r in res] == [SELLER]
    assert res.notices and SELLER in res.notices[0]
    with pytest.raises(Exception, match="no defendant matches"):
        kg.query("seller-recurrence", defendant="Vexel Lamp Works")  # a plaintiff, not a defendant


def test_cli_json_lists(tmp_path):
    path = tmp_path / "store"
    s = GraphStore(path)
    for ex in _extractions():
        s.put(ex, text=TEXT)
    s.close()
    r = CliRunner().invoke(cli, ["query", "seller-recurrence", "--format", "json", "--store", str(path)],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.output
    row = json.loads(r.stdout)[0]
    assert row["defendant"] == SELLER and row["defendant_key"] == "glimmerdeal-store"
    assert row["dockets"] == ["1:24-cv-00101", "1:24-cv-00202", "1:24-cv-00303"]
    assert sorted(row["plaintiffs"]) == sorted([VEXEL, BRISK]) and row["defence_firms"] == [DEFENCE]


def test_a_case_without_date_judge_or_firm_keeps_the_other_cases_lists():
    """An empty value in one case (no filing date, no judge, no firm) must not blank the
    whole row's lists or dates (SPARQL aggregates over an unbound value are unbound)."""
    with KnowledgeGraph.open(MEMORY) as g:
        g.store.put(case_extraction("x", docket="1:24-cv-00001", defendant="Nimbleroot Shop", filed=None,
                                    judges=()), text=TEXT)
        g.store.put(case_extraction("y", docket="1:24-cv-00002", defendant="Nimbleroot Shop",
                                    filed="2024-02-02", firm=None), text=TEXT)
        g.store.put(case_extraction("z", docket="1:24-cv-00003", defendant="Dustmoor Outlet", filed=None),
                    text=TEXT)
        g.store.put(case_extraction("w", docket="1:24-cv-00004", defendant="Dustmoor Outlet", filed=None),
                    text=TEXT)
        rows = {r["defendant_label"]: r for r in g.query("seller-recurrence")}
    n = rows["Nimbleroot Shop"]
    assert (n["first"], n["last"]) == ("2024-02-02", "2024-02-02")
    assert n["judges"] == "Martha M. Pacold" and n["firms"] == "Greer, Burns & Crain, Ltd."
    assert n["defence_firms"] == ""
    d = rows["Dustmoor Outlet"]
    assert (d["first"], d["last"], d["cases"]) == (None, None, 2)


def test_precedents_cited_keeps_its_judges_when_a_citing_case_has_none():
    """The same pitfall in precedents-cited: one citing case without a judge blanked the
    judges of the row on the exact path while the summaries kept them."""
    with KnowledgeGraph.open(MEMORY) as g:
        g.store.put(case_extraction("x", docket="1:24-cv-00001", cites=("334 F.R.D. 511",), judges=()), text=TEXT)
        g.store.put(case_extraction("y", docket="1:24-cv-00002", cites=("334 F.R.D. 511",)), text=TEXT)
        g.store.put(case_extraction("z", docket="1:24-cv-00003", cites=("335 F.R.D. 1",), judges=()), text=TEXT)
        exact = {r["citation"]: r["judges"] for r in g.query("precedents-cited")}
        g.store.refresh_summaries()
        summary = {r["citation"]: r["judges"] for r in g.query("precedents-cited")}
    assert exact == summary == {"334 F.R.D. 511": "Martha M. Pacold", "335 F.R.D. 1": None}
