"""The store: one named graph per document, idempotent re-ingest, replacement by path."""
from __future__ import annotations

import subprocess
import sys

import pytest

from docketgraph.graph import keys
from docketgraph.graph.errors import StoreInUse
from docketgraph.graph.store import GraphStore
from factories import TEXT, case_extraction


def test_new_then_unchanged():
    st = GraphStore(None)
    ex = case_extraction("a", docket="1:23-cv-01820")
    r1 = st.put(ex, text=TEXT, path="/f/a.txt")
    n = len(st)
    r2 = st.put(ex, text=TEXT, path="/f/a.txt")
    assert (r1.status, r2.status) == ("new", "unchanged")
    assert len(st) == n and st.named_graphs() == [keys.graph_iri(ex.sha256)]


def test_changed_content_at_same_path_replaces_old_graph():
    st = GraphStore(None)
    old = case_extraction("old", docket="1:23-cv-01820", judges=(("Old Judge", "district"),))
    new = case_extraction("new", docket="1:23-cv-01820", judges=(("New Judge", "district"),))
    st.put(old, text=TEXT, path="/f/a.txt")
    r = st.put(new, text=TEXT, path="/f/a.txt")
    assert r.status == "replaced" and r.replaced == old.sha256
    assert st.named_graphs() == [keys.graph_iri(new.sha256)]
    _, rows = st.query("SELECT ?n WHERE { ?j a dg:Judge ; schema:name ?n }")
    assert [x["n"] for x in rows] == ["New Judge"]


def test_same_content_from_second_path_records_both_paths():
    st = GraphStore(None)
    ex = case_extraction("a", docket="1:23-cv-01820")
    st.put(ex, text=TEXT, path="/f/a.txt")
    st.put(ex, text=TEXT, path="/g/copy.txt")
    assert sorted(st.document_paths(ex.sha256)) == ["/f/a.txt", "/g/copy.txt"]


def test_literal_with_quotes_braces_and_drop_all_round_trips():
    st = GraphStore(None)
    hostile = 'Evil "Corp" } ; DROP ALL ; INSERT DATA { <x:a> <x:b> "c" }\nnext'
    st.put(case_extraction("a", docket="1:23-cv-01820", plaintiff="Safe"), text=TEXT, path="/p")
    old = case_extraction("b", docket="1:23-cv-01821", plaintiff=hostile)
    st.put(old, text=TEXT, path="/q")
    # replacing goes through one SPARQL update request built from escaped terms
    st.put(case_extraction("c", docket="1:23-cv-01821", plaintiff=hostile), text=TEXT, path="/q")
    _, rows = st.query("SELECT ?n WHERE { ?p a dg:Party ; schema:name ?n }")
    names = {r["n"] for r in rows}
    assert "Safe" in names
    assert any(n.startswith('Evil "Corp" } ; DROP ALL') for n in names)
    assert len(st.named_graphs()) == 2


def test_case_without_court_joins_the_one_stored_case():
    st = GraphStore(None)
    st.put(case_extraction("a", docket="1:23-cv-01820", court="ilnd"), text=TEXT, path="/a")
    st.put(case_extraction("b", docket="23-cv-1820", court=None), text=TEXT, path="/b")
    _, rows = st.query("SELECT DISTINCT ?c WHERE { ?c a dg:Case }")
    assert len(rows) == 1 and rows[0]["c"].endswith("/ilnd/23-cv-01820")


def test_schedule_a_group_parties_are_scoped_to_their_case():
    st = GraphStore(None)
    st.put(case_extraction("a", docket="1:23-cv-01820"), text=TEXT, path="/a")
    st.put(case_extraction("b", docket="1:23-cv-01821"), text=TEXT, path="/b")
    _, rows = st.query("SELECT DISTINCT ?p WHERE { ?p a dg:Party ; schema:name ?n FILTER(CONTAINS(?n, 'Schedule')) }")
    assert len(rows) == 2


def test_remove_document():
    st = GraphStore(None)
    ex = case_extraction("a", docket="1:23-cv-01820")
    st.put(ex, text=TEXT, path="/a")
    assert st.remove_document(ex.sha256) and len(st) == 0


@pytest.mark.slow
def test_second_writer_gets_store_in_use(tmp_path):
    st = GraphStore(tmp_path / "s")
    code = ("import sys; from docketgraph.graph.store import GraphStore\n"
            "from docketgraph.graph.errors import StoreInUse\n"
            f"try:\n  GraphStore({str(tmp_path / 's')!r})\nexcept StoreInUse as e:\n  print('IN USE', e); sys.exit(3)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    st.close()
    assert r.returncode == 3 and "store in use" in r.stdout


def test_store_persists_on_disk(tmp_path):
    st = GraphStore(tmp_path / "s")
    ex = case_extraction("a", docket="1:23-cv-01820")
    st.put(ex, text=TEXT, path="/a")
    st.close()
    again = GraphStore(tmp_path / "s", read_only=True)
    assert again.has_document(ex.sha256)


def test_mentions_carry_sentences():
    st = GraphStore(None)
    st.put(case_extraction("a", docket="1:23-cv-01820"), text=TEXT, path="/a")
    _, rows = st.query("SELECT ?q WHERE { ?m a dg:Mention ; dg:about ?j ; dg:quote ?q . ?j a dg:Judge }")
    assert rows and "Judge sentence" in rows[0]["q"]


def test_removing_one_document_keeps_what_another_still_asserts():
    st = GraphStore(None)
    a = case_extraction("a", docket="1:23-cv-01820")
    b = case_extraction("b", docket="1:23-cv-01820", judges=(("Other Judge", "district"),))
    st.put(a, text=TEXT, path="/a")
    st.put(b, text=TEXT, path="/b")
    st.remove_document(b.sha256)
    _, rows = st.query("SELECT DISTINCT ?n WHERE { ?j a dg:Judge ; schema:name ?n }")
    assert [r["n"] for r in rows] == ["Martha M. Pacold"]
    _, rows = st.query("SELECT (COUNT(*) AS ?n) WHERE { ?c a dg:Case }")
    assert rows[0]["n"] == 1  # the case triple survives: document a still asserts it
    st.remove_document(a.sha256)
    assert len(st) == 0


def test_default_graph_has_no_duplicate_solutions():
    st = GraphStore(None)
    for tag in "abc":
        st.put(case_extraction(tag, docket="1:23-cv-01820"), text=TEXT, path="/" + tag)
    _, rows = st.query("SELECT ?f WHERE { ?f a dg:LawFirm }")
    assert len(rows) == 1


def test_bulk_put_gives_the_same_answers_as_put():
    exs = [case_extraction(t, docket=f"1:23-cv-0182{i}") for i, t in enumerate("abc")]
    one, bulk = GraphStore(None), GraphStore(None)
    for ex in exs:
        one.put(ex)
    bulk.bulk_put(exs)
    q = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    strip = lambda rows: [r for r in rows if not r["p"].endswith("#ingested")]
    assert strip(one.query(q)[1]) == strip(bulk.query(q)[1])
