"""Summaries with date ranges, firms and judges together: the answers of every summarised
query equal the exact path's on a small graph whose cases have filings on several dates
(a platform or a precedent named before and after a range, none inside it; a firm or a
judge named only in a later filing; undated filings), and again after a filing is
replaced by one of another date, removed and stored anew."""
from __future__ import annotations

import dataclasses

import pytest

from docketgraph.queries.api import KnowledgeGraph
from docketgraph.queries.registry import Registry
from factories import TEXT, case_extraction, sha
from test_summaries import _rows

SUMMARISED = [q.name for q in Registry().all() if q.summary is not None]

GBC, EPSTEIN, OTHER = "Greer, Burns & Crain, Ltd.", "Epstein Drangel LLP", "Local Counsel PC"
PACOLD, COX, GARDEPHE = ("Martha M. Pacold", "district"), ("Susan E. Cox", "magistrate"), ("Paul G. Gardephe", "district")
AMAZON, PAYPAL, EBAY = ("Amazon", "marketplace"), ("PayPal", "payment"), ("eBay", "marketplace")
X, Y, Z = "561 F.3d 1079", "112 F.4th 380", "18 F. Supp. 3d 221"
SA = 'The Partnerships and Unincorporated Associations Identified on Schedule "A"'


def _filings() -> list:
    one, two, three = "1:23-cv-00101", "1:23-cv-00202", "1:22-cv-00303"
    return [
        # one case, named by filings in January and June (and an undated one)
        case_extraction("a1", docket=one, firm=GBC, judges=(PACOLD,), platforms=(AMAZON,), cites=(X, Y),
                        filed="2023-01-10", kind="complaint"),
        case_extraction("a2", docket=one, firm=EPSTEIN, judges=(PACOLD, COX), platforms=(AMAZON, PAYPAL),
                        cites=(X,), filed="2023-06-20"),
        case_extraction("a3", docket=one, firm=GBC, judges=(), platforms=(EBAY,), cites=(Z,), filed=None),
        # another in March and the next February, before another judge
        case_extraction("b1", docket=two, firm=GBC, judges=(GARDEPHE,), platforms=(AMAZON,), cites=(Y,),
                        filed="2023-03-05", kind="complaint"),
        case_extraction("b2", docket=two, firm=GBC, judges=(GARDEPHE, COX), platforms=(PAYPAL,), cites=(X,),
                        filed="2024-02-01"),
        # a case in another court, not a Schedule A case, with a firm named only late
        case_extraction("c1", docket=three, court="nysd", firm=OTHER, judges=(GARDEPHE,), platforms=(PAYPAL,),
                        cites=(X, Z), filed="2022-12-31", kind="complaint", defendant="Shenzhen Example Co."),
        case_extraction("c2", docket=three, court="nysd", firm=EPSTEIN, judges=(), platforms=(EBAY,),
                        cites=(Y,), filed="2023-05-02", defendant="Shenzhen Example Co."),
    ]


RANGES = [
    {}, {"from": "2023-02-01", "to": "2023-05-31"}, {"from": "2023-01-10", "to": "2023-01-10"},
    {"from": "2023-06-20"}, {"to": "2023-01-09"}, {"from": "2023-01-11", "to": "2023-06-19"},
    {"to": "2022-12-31"}, {"from": "2024-01-01"}, {"from": "2023-01-01", "to": "2023-12-31"},
    {"from": "2030-01-01"},
]
WHO = [
    {}, {"firm": GBC}, {"firm": EPSTEIN}, {"firm": OTHER}, {"judge": PACOLD[0]}, {"judge": COX[0]},
    {"judge": GARDEPHE[0]}, {"firm": GBC, "judge": PACOLD[0]}, {"firm": EPSTEIN, "judge": COX[0]},
    {"firm": GBC, "judge": GARDEPHE[0]}, {"firm": OTHER, "judge": PACOLD[0]}, {"firm": "No Such Firm LLP"},
    {"judge": "Nobody Atall"}, {"court": "nysd"}, {"kind": "payment"}, {"court": "ilnd", "judge": COX[0]},
]


def _params(kg: KnowledgeGraph, name: str) -> list[dict]:
    declared = {p.name for p in kg.registry.get(name).params}
    out = [{**w, **r} for w in WHO for r in RANGES]
    return [p for p in out if set(p) <= declared]


def _check(kg: KnowledgeGraph) -> int:
    assert kg.store.summaries_current()
    some = 0
    for name in SUMMARISED:
        for params in _params(kg, name):
            got = _rows(kg, name, params, exact=False)
            assert got == _rows(kg, name, params, exact=True), (name, params)
            some += got[0] != "error" and bool(got[1])
    return some


def _graph() -> KnowledgeGraph:
    kg = KnowledgeGraph(None)
    for ex in _filings():
        kg.store.put(ex, text=TEXT, path=f"/filings/{ex.doc}")
    kg.store.refresh_summaries()
    return kg


def test_date_ranges_cutting_through_cases_firms_and_judges_together():
    kg = _graph()
    assert _check(kg) > 100
    # the range between a case's two filings naming Amazon leaves that case out
    rows = kg.query("platforms-by-firm", firm=GBC, **{"from": "2023-02-01", "to": "2023-05-31"}).rows
    assert {(r["platform_label"], r["cases"]) for r in rows} == {("Amazon", 1)}


def test_replacing_removing_and_restoring_a_filing_keeps_dated_summaries_exact():
    kg = _graph()
    by_doc = {ex.doc: ex for ex in _filings()}
    # the June filing replaced (same path) by one dated in April, naming another platform
    a2 = dataclasses.replace(by_doc["a2.txt"], sha256=sha("a2-v2"), filed="2023-04-01",
                             platforms=by_doc["a3.txt"].platforms)
    assert kg.store.put(a2, text=TEXT, path="/filings/a2.txt").status == "replaced"
    kg.store.refresh_summaries()
    _check(kg)
    rows = kg.query("platforms-by-judge", judge=COX[0], **{"from": "2023-02-01", "to": "2023-05-31"}).rows
    # eBay now named in April in the first case; Amazon in March in the second
    assert {(r["platform_label"], r["dockets"]) for r in rows} == {("eBay", "1:23-cv-00101"),
                                                                  ("Amazon", "1:23-cv-00202")}
    # a complaint removed, then stored again
    assert kg.store.remove_document(by_doc["b1.txt"].sha256)
    _check(kg)
    kg.store.put(by_doc["b1.txt"], text=TEXT, path="/filings/b1.txt")
    kg.store.refresh_summaries()
    _check(kg)


@pytest.mark.parametrize("name", ["platforms-by-firm", "platforms-by-judge", "precedents-cited",
                                  "schedule-a-cases"])
def test_the_users_parameters_take_the_summaries(name):
    """platforms-by-firm and -by-judge with from/to, precedents-cited with judge, from or
    to and schedule-a-cases with firm or judge are answered from the summaries."""
    q = Registry().get(name)
    assert q.summary is not None and q.summary_unless == ()


def test_judges_of_many_cases_read_from_the_links(monkeypatch):
    """precedents-cited lists the judges of many cases from the summaries' judge links
    (past LINKED_CASES cases): the same answers as each case's judges looked up."""
    from docketgraph.queries import summarised

    kg = _graph()
    monkeypatch.setattr(summarised, "LINKED_CASES", 0)
    some = 0
    for params in _params(kg, "precedents-cited"):
        got = _rows(kg, "precedents-cited", params, exact=False)
        assert got == _rows(kg, "precedents-cited", params, exact=True), params
        some += got[0] != "error" and bool(got[1])
    assert some > 20


def test_groups_in_range_found_by_their_identity_or_their_iri(monkeypatch):
    """precedents-cited with both ends of a range and neither firm nor judge finds the
    groups in the months' buckets: their IRIs computed from the known firms and precedents,
    or (more pairs than that) each one's identity read; both as the exact path."""
    from docketgraph.queries import summarised

    kg = _graph()
    ranges = [r for r in RANGES if "from" in r and "to" in r] + [{"from": "1990-01-01", "to": "2040-12-31"}]
    for known in (summarised.KNOWN_GROUPS, 0):
        monkeypatch.setattr(summarised, "KNOWN_GROUPS", known)
        some = 0
        for params in ranges:
            got = _rows(kg, "precedents-cited", params, exact=False)
            assert got == _rows(kg, "precedents-cited", params, exact=True), (known, params)
            some += len(got[1])
        assert some > 5
