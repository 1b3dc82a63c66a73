"""Entity resolution: merges that must happen, merges that must not, and their reasons."""
from __future__ import annotations

import json

import pytest

from docketgraph.graph.model import AttorneyMention, CaseMention, Extraction, FirmMention, JudgeMention
from docketgraph.graph.resolve import Aliases, Resolver, given_compatible
from docketgraph.graph.store import GraphStore
from factories import TEXT, sha


def ex(tag, *, firms=(), attorneys=(), judges=(), docket="1:23-cv-01820"):
    return Extraction(
        doc=f"{tag}.txt", sha256=sha(tag),
        cases=(CaseMention(docket, "ilnd"),),
        firms=tuple(FirmMention(f, (), docket) for f in firms),
        attorneys=tuple(AttorneyMention(n, f, e, (), docket) for n, f, e in attorneys),
        judges=tuple(JudgeMention(n, r, docket) for n, r in judges))


def entities(st, cls):
    _, rows = st.query(f"SELECT ?e (SAMPLE(?n) AS ?name) WHERE {{ ?e a dg:{cls} ; schema:name ?n }} GROUP BY ?e")
    return rows


@pytest.mark.parametrize("a, b, merged", [
    ("Greer, Burns & Crain, Ltd.", "GREER BURNS AND CRAIN LTD", True),
    ("Greer, Burns & Crain, Ltd.", "Greer, Burns & Crain", True),
    ("Morrison & Foerster LLP", "Morrison & Foersterr LLP", True),
    ("Epstein Drangel LLP", "Epstein Drengel", True),
    ("Smith & Jones LLP", "Smith & James LLP", False),
    ("Keith Vogt, Ltd.", "JiangIP LLC", False),
])
def test_firm_merges(a, b, merged):
    st = GraphStore(None)
    st.put(ex("a", firms=(a,)), text=TEXT)
    st.put(ex("b", firms=(b,), docket="1:23-cv-01821"), text=TEXT)
    assert (len(entities(st, "LawFirm")) == 1) is merged


def test_merge_reason_is_recorded_and_removed_with_its_document():
    st = GraphStore(None)
    st.put(ex("a", firms=("Epstein Drangel LLP",)), text=TEXT)
    b = ex("b", firms=("Epstein Drengel",), docket="1:21-cv-00333")
    st.put(b, text=TEXT)
    _, rows = st.query("SELECT ?s ?why WHERE { ?m a dg:Merge ; dg:surface ?s ; dg:evidence ?why }")
    assert rows and rows[0]["s"] == "Epstein Drengel" and "fuzzy" in rows[0]["why"]
    st.remove_document(b.sha256)
    assert st.query("SELECT ?m WHERE { ?m a dg:Merge }")[1] == []


def test_two_john_smiths_in_different_firms_stay_apart():
    st = GraphStore(None)
    st.put(ex("a", firms=("Alpha LLP",), attorneys=(("John Smith", "Alpha LLP", None),)), text=TEXT)
    st.put(ex("b", firms=("Beta LLC",), attorneys=(("John Smith", "Beta LLC", None),),
              docket="1:23-cv-01821"), text=TEXT)
    assert len(entities(st, "Attorney")) == 2


def test_same_attorney_across_filings_merges():
    st = GraphStore(None)
    st.put(ex("a", firms=("Alpha LLP",), attorneys=(("Justin R. Gaudio", "Alpha LLP", "jg@alpha.law"),)), text=TEXT)
    st.put(ex("b", firms=("Alpha LLP",), attorneys=(("Justin Gaudio", "Alpha LLP", None),),
              docket="1:23-cv-01821"), text=TEXT)
    st.put(ex("c", firms=("Alpha, LLP",), attorneys=(("J. Gaudio", "Alpha, LLP", "jg@alpha.law"),),
              docket="1:23-cv-01822"), text=TEXT)
    assert len(entities(st, "Attorney")) == 1


def test_district_and_magistrate_judge_of_same_surname_stay_apart():
    st = GraphStore(None)
    st.put(ex("a", judges=(("Susan E. Cox", "district"),)), text=TEXT)
    st.put(ex("b", judges=(("Susan E. Cox", "magistrate"), ("Susan Cox", "magistrate")),
              docket="1:23-cv-01821"), text=TEXT)
    rows = entities(st, "Judge")
    assert len(rows) == 2


def test_judge_variants_merge_within_role():
    st = GraphStore(None)
    st.put(ex("a", judges=(("Martha M. Pacold", "district"),)), text=TEXT)
    st.put(ex("b", judges=(("Martha Pacold", "district"), ("Pacold", "district")), docket="1:23-cv-01821"), text=TEXT)
    assert len(entities(st, "Judge")) == 1


@pytest.mark.parametrize("a, b, ok", [
    (["Justin", "R."], ["Justin"], True),
    (["J."], ["Justin"], True),
    (["Justin", "R."], ["Justin", "T."], False),
    (["Amy"], ["Anne"], False),
    ([], ["Anne"], True),
])
def test_given_compatible(a, b, ok):
    assert given_compatible(a, b) is ok


def test_aliases_file_forces_and_forbids(tmp_path):
    path = tmp_path / "aliases.json"
    path.write_text(json.dumps({"merge": {"firm": [["IP Counselors", "Epstein Drangel LLP"]]},
                                "forbid": {"firm": [["Morrison & Foerster LLP", "Morrison & Foersterr LLP"]]}}))
    r = Resolver(aliases=Aliases.load(path))
    a = r.firm("Epstein Drangel LLP")
    assert r.firm("IP Counselors").iri == a.iri
    m = r.firm("Morrison & Foerster LLP")
    assert r.firm("Morrison & Foersterr LLP").iri != m.iri


def test_entities_explain_cli(tmp_path):
    from click.testing import CliRunner
    from docketgraph.queries.cli import cli
    store = tmp_path / "s"
    st = GraphStore(store)
    st.put(ex("a", firms=("Epstein Drangel LLP",)), text=TEXT)
    st.put(ex("b", firms=("Epstein Drengel",), docket="1:21-cv-00333"), text=TEXT)
    st.close()
    r = CliRunner().invoke(cli, ["entities", "--kind", "firm", "--store", str(store), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert [x["name"] for x in json.loads(r.output)] == ["Epstein Drangel LLP"]
    r = CliRunner().invoke(cli, ["entities", "--kind", "firm", "--explain", "Epstein Drangel",
                                 "--store", str(store), "--format", "json"])
    rows = json.loads(r.output)
    assert {"what": "merged", "value": "Epstein Drengel"}.items() <= next(
        x for x in rows if x["what"] == "merged").items()
    assert {x["value"] for x in rows if x["what"] == "document"} == {"a.txt", "b.txt"}
