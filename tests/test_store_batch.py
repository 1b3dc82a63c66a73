"""Writes held back and stored a batch per transaction (``GraphStore.batched``): the store
ends the same as with one transaction per document, and later writes in the batch read
the documents held back."""
from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from factories import TEXT, case_extraction

from docketgraph.graph import keys
from docketgraph.graph.store import GraphStore
from docketgraph.graph.vocab import DG

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


def _quads(st: GraphStore) -> set[tuple[str, str, str, str]]:
    """Every stored quad but the "ingested" times (the clock differs between runs)."""
    return {
        (str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
        for q in st._store
        if q.predicate.value != DG.ingested
    }


def _writes():
    """Filings of one case (court stated, then not), a second case, the same content read
    from a second path, and a replacement at a known path."""
    return [
        (case_extraction("a", docket="1:23-cv-01820"), "/f/a.txt"),
        (case_extraction("b", docket="23-cv-1820", court=None, judges=(("Jane Roe", "magistrate"),)), "/f/b.txt"),
        (case_extraction("c", docket="1:24-cv-00007", firm="Greer Burns & Crain Ltd"), "/f/c.txt"),
        (case_extraction("a", docket="1:23-cv-01820"), "/f/a-copy.txt"),
        (case_extraction("d", docket="1:24-cv-00007", judges=(("Old Judge", "district"),)), "/f/d.txt"),
        (case_extraction("d2", docket="1:24-cv-00007", judges=(("New Judge", "district"),)), "/f/d.txt"),
        (case_extraction("e", docket="24-cv-7", court=None), "/f/e.txt"),
    ]


@pytest.mark.parametrize("size", [1, 2, 3, 100])
def test_batched_store_equals_one_transaction_per_document(size):
    one, many = GraphStore(None), GraphStore(None)
    statuses_one = [one.put(ex, text=TEXT, path=p).status for ex, p in _writes()]
    with many.batched(size):
        statuses_many = [many.put(ex, text=TEXT, path=p).status for ex, p in _writes()]
    assert statuses_many == statuses_one == ["new", "new", "new", "added-path", "new", "replaced", "new"]
    assert _quads(many) == _quads(one)
    assert many.refresh_summaries() == one.refresh_summaries()
    assert _quads(many) == _quads(one)


def test_a_case_without_court_joins_a_case_held_back():
    st = GraphStore(None)
    with st.batched(100):
        st.put(case_extraction("a", docket="1:23-cv-01820"), text=TEXT, path="/a")
        st.put(case_extraction("b", docket="23-cv-1820", court=None), text=TEXT, path="/b")
        held_back = ox.NamedNode(keys.graph_iri(case_extraction("a", docket="x").sha256))
        assert not st._store.contains_named_graph(held_back)
    _, rows = st.query("SELECT DISTINCT ?c WHERE { ?c a dg:Case }")
    assert [r["c"] for r in rows] == [keys.case_iri("ilnd", "1:23-cv-01820")]


def test_reads_and_other_writes_see_what_is_held_back():
    st = GraphStore(None)
    with st.batched(100):
        st.put(case_extraction("a", docket="1:23-cv-01820"), text=TEXT, path="/a")
        assert st.has_document(case_extraction("a", docket="x").sha256)
        _, rows = st.query("SELECT (COUNT(?d) AS ?n) WHERE { ?d a dg:Document }")
        assert rows == [{"n": 1}]
        st.put(case_extraction("b", docket="1:23-cv-01821"), text=TEXT, path="/b")
        assert st.remove_document(case_extraction("b", docket="x").sha256)
    assert len(st.named_graphs()) == 1


def test_a_batch_is_one_transaction_on_disk(tmp_path):
    """Documents held back are absent from the store until the batch is written, then all
    present with their markers: a crash in between loses the batch whole, never part of
    a document."""
    loc = tmp_path / "store"
    st = GraphStore(loc)
    with st.batched(3):
        for i in range(2):
            st.put(case_extraction(f"x{i}", docket=f"1:23-cv-0{i}000"), text=TEXT, path=f"/x{i}")
        assert list(st._store.named_graphs()) == []
        st.put(case_extraction("x2", docket="1:23-cv-02000"), text=TEXT, path="/x2")
        assert len(list(st._store.named_graphs())) == 4  # three documents and the summaries' marks
    st.close()


def test_synthetic_load_batched_equals_per_document():
    from generate import extractions

    one, many = GraphStore(None), GraphStore(None)
    exs = list(extractions(40))
    for ex in exs:
        one.put(ex)
    with many.batched(25):
        for ex in exs:
            many.put(ex)
    assert _quads(many) == _quads(one)


@pytest.mark.parametrize("on_disk", [False, True])
def test_copies_of_a_document_held_back_join_its_batch(tmp_path, on_disk):
    """The same content read from more paths while its document is held back: the paths
    join the batch (no early write), and the store ends as with a write per document."""
    a = case_extraction("a", docket="1:23-cv-01820")
    c = case_extraction("c", docket="1:24-cv-00007", firm="Greer Burns & Crain Ltd")
    writes = [(a, "/f/a.txt"), (c, "/f/c.txt"), (a, "/f/a-copy.txt"), (a, "/f/a-copy2.txt"), (a, "/f/a.txt")]
    one = GraphStore(None)
    expected = [one.put(ex, text=TEXT, path=p).status for ex, p in writes]
    many = GraphStore(tmp_path / "store" if on_disk else None)
    with many.batched(100):
        got = [many.put(ex, text=TEXT, path=p).status for ex, p in writes[:4]]
        assert many.batches_written == 0  # nothing written before the batch ends
        assert many.held_back() == 4  # two documents, two more paths
        got.append(many.put(*writes[4][:1], text=TEXT, path=writes[4][1]).status)
    assert got == expected == ["new", "new", "added-path", "added-path", "unchanged"]
    assert _quads(many) == _quads(one)
    assert sorted(many.document_paths(a.sha256)) == ["/f/a-copy.txt", "/f/a-copy2.txt", "/f/a.txt"]
    many.close()


def test_a_copy_at_a_path_known_for_other_content_is_written_after_the_batch():
    """A copy read at a path the store knows for other content replaces it: that write
    reads the store, so the batch held back is written first (the slower way, kept)."""
    st, one = GraphStore(None), GraphStore(None)
    old = case_extraction("old", docket="1:20-cv-00001")
    a = case_extraction("a", docket="1:23-cv-01820")
    for s in (st, one):
        s.put(old, text=TEXT, path="/f/x.txt")
    with st.batched(100):
        st.put(a, text=TEXT, path="/f/a.txt")
        assert st.put(a, text=TEXT, path="/f/x.txt").status == "replaced"
        assert st.batches_written == 1
    for ex, p in ((a, "/f/a.txt"), (a, "/f/x.txt")):
        one.put(ex, text=TEXT, path=p)
    assert _quads(st) == _quads(one)
