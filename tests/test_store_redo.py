"""A batch of new documents written to an on-disk store through the redo file and the bulk
loader (``graph.store`` docstring): the store ends as with ``extend``, and a writer that
stops while loading leaves a redo file the next writer loads, so that every document is
whole again."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from factories import TEXT, case_extraction

from docketgraph.graph.errors import StoreError
from docketgraph.graph.store import REDO_FILE, GraphStore
from docketgraph.graph.vocab import DG

HERE = Path(__file__).resolve().parent


def _quads(st: GraphStore) -> set[tuple[str, str, str, str]]:
    return {
        (str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
        for q in st._store
        if q.predicate.value != DG.ingested
    }


def _writes(n: int = 12, tag: str = "r"):
    out = []
    for i in range(n):
        ex = case_extraction(
            f"{tag}{i}",
            docket=f"1:24-cv-{i % 5:05d}" if i % 3 else f"24-cv-{i % 5}",
            court="ilnd" if i % 3 else None,
            judges=((f"Judge Number{i % 4}", "district"),),
            firm="Greer Burns & Crain Ltd" if i % 2 else "Epstein Drangel LLP",
            attorney=f"Ann Lawyer{i % 3}",
        )
        out.append((ex, f"/f/{tag}{i}.txt"))
    return out


def test_a_batch_loaded_on_disk_equals_extend_in_memory(tmp_path):
    mem, disk = GraphStore(None), GraphStore(tmp_path / "store")
    for st in (mem, disk):
        with st.batched(5):
            for ex, p in _writes():
                st.put(ex, text=TEXT, path=p)
        st.refresh_summaries()
    assert disk.batches_written == 3
    assert not os.path.exists(tmp_path / "store" / REDO_FILE)
    assert _quads(disk) == _quads(mem)
    disk.close()


CHILD = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {tests!r})
    from factories import TEXT
    from test_store_redo import _writes
    from docketgraph.graph.store import GraphStore

    class Stopping:
        '''The store, stopping the process half way through loading its first batch.'''
        def __init__(self, store):
            self._s = store
        def __getattr__(self, name):
            return getattr(self._s, name)
        def bulk_load(self, path, format, **options):
            import pyoxigraph as ox
            quads = list(ox.parse(path=path, format=format))
            self._s.bulk_extend(quads[: len(quads) // 2])
            self._s.flush()
            os._exit(9)

    st = GraphStore({loc!r})
    st._store = Stopping(st._store)
    with st.batched(100):
        for ex, p in _writes():
            st.put(ex, text=TEXT, path=p)
    """
)


def test_a_writer_stopped_while_loading_leaves_a_batch_the_next_one_completes(tmp_path):
    loc = str(tmp_path / "store")
    child = subprocess.run(
        [sys.executable, "-c", CHILD.format(tests=str(HERE), loc=loc)], capture_output=True, text=True
    )
    assert child.returncode == 9, child.stderr
    assert os.path.exists(os.path.join(loc, REDO_FILE))
    reference = GraphStore(None)
    with reference.batched(100):
        for ex, p in _writes():
            reference.put(ex, text=TEXT, path=p)
    # read without writing: the batch is there in part (what the stop left)
    partial = GraphStore(loc, read_only=True)
    assert 0 < len(_quads(partial)) < len(_quads(reference))
    del partial
    # the next writer loads the batch again: every document whole, the file gone
    st = GraphStore(loc)
    assert not os.path.exists(os.path.join(loc, REDO_FILE))
    assert _quads(st) == _quads(reference)
    for ex, p in _writes():
        assert st.put(ex, text=TEXT, path=p).status == "unchanged"
    assert st.refresh_summaries() == reference.refresh_summaries()
    assert _quads(st) == _quads(reference)
    st.close()


def test_a_redo_file_written_in_part_is_never_taken_for_a_batch(tmp_path):
    """The file is written aside and renamed once synced: what a stop leaves half written
    is the side file, which is not read (its documents were not stored at all)."""
    loc = tmp_path / "store"
    GraphStore(loc).close()
    (loc / (REDO_FILE + ".tmp")).write_text("<http://a> <http://b> ", encoding="utf-8")
    st = GraphStore(loc)
    assert len(st) == 0
    st.close()


def test_a_damaged_redo_file_is_reported(tmp_path):
    loc = tmp_path / "store"
    GraphStore(loc).close()
    (loc / REDO_FILE).write_text("<http://a> <http://b> ", encoding="utf-8")
    with pytest.raises(StoreError, match="did not finish"):
        GraphStore(loc)


class _FailingOnce:
    """The store, whose first bulk load fails after storing half the batch."""

    def __init__(self, store):
        self._s, self.failed = store, False

    def __getattr__(self, name):
        return getattr(self._s, name)

    def bulk_load(self, path, format, **options):
        if not self.failed:
            self.failed = True
            import pyoxigraph as ox

            quads = list(ox.parse(path=path, format=format))
            self._s.bulk_extend(quads[: len(quads) // 2])
            raise OSError("No space left on device")
        return self._s.bulk_load(path=path, format=format, **options)


def test_a_load_that_failed_is_completed_before_the_next_batch(tmp_path):
    loc = tmp_path / "store"
    st = GraphStore(loc)
    st._store = _FailingOnce(st._store)
    writes = _writes(8)
    with pytest.raises(StoreError, match="kept in .* stored whole"):
        with st.batched(4):
            for ex, p in writes[:4]:
                st.put(ex, text=TEXT, path=p)
    assert os.path.exists(loc / REDO_FILE)
    with st.batched(4):
        for ex, p in writes[4:]:
            st.put(ex, text=TEXT, path=p)
    assert not os.path.exists(loc / REDO_FILE)
    st._store = st._store._s
    reference = GraphStore(None)
    with reference.batched(4):
        for ex, p in writes:
            reference.put(ex, text=TEXT, path=p)
    assert _quads(st) == _quads(reference)
    st.close()


class _CountingStore:
    """The pyoxigraph store with its ``optimize`` calls counted."""

    def __init__(self, inner):
        self._inner, self.optimized = inner, 0

    def optimize(self):
        self.optimized += 1
        return self._inner.optimize()

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def __iter__(self):
        return iter(self._inner)


def test_the_store_compacts_after_bulk_loads(tmp_path, monkeypatch):
    st = GraphStore(tmp_path / "store")
    counting = st._store = _CountingStore(st._store)
    # a batched run that loaded batches compacts once when it ends, not per batch
    with st.batched(5):
        for ex, p in _writes():
            st.put(ex, text=TEXT, path=p)
    assert st.batches_written == 3 and counting.optimized == 1
    # nothing loaded since: nothing to compact
    with st.batched(5):
        pass
    assert counting.optimized == 1
    # within a long run, after COMPACT_LOADS loads once the files grew by COMPACT_GROWTH
    # of their size at the last compaction: not while they grew less
    monkeypatch.setattr("docketgraph.graph.store.COMPACT_LOADS", 2)
    monkeypatch.setattr("docketgraph.graph.store.COMPACT_GROWTH", 1000.0)
    with st.batched(1):
        for ex, p in _writes(3, tag="f"):
            st.put(ex, text=TEXT, path=p)
        assert counting.optimized == 1
    assert counting.optimized == 2  # the block's end
    monkeypatch.setattr("docketgraph.graph.store.COMPACT_GROWTH", 0.0)
    with st.batched(1):
        for ex, p in _writes(5, tag="g"):
            st.put(ex, text=TEXT, path=p)
        assert counting.optimized >= 3
    # a refresh that rebuilds many cases' summaries compacts too
    before = counting.optimized
    monkeypatch.setattr("docketgraph.graph.store.COMPACT_CASES", 1)
    assert st.refresh_summaries() >= 1
    assert counting.optimized == before + 1
    mem = GraphStore(None)
    with mem.batched(5):
        for ex, p in _writes():
            mem.put(ex, text=TEXT, path=p)
        for ex, p in _writes(3, tag="f") + _writes(5, tag="g"):
            mem.put(ex, text=TEXT, path=p)
    mem.refresh_summaries()
    assert _quads(st) == _quads(mem)
    st.close()


def test_an_ingest_compacts_once_after_its_summaries(tmp_path, monkeypatch):
    """Ingest loads batches, then rebuilds the summaries: the store compacts once, after
    both (a large rebuild compacts the loads with it), and a rerun that loads nothing
    does not compact."""
    from docketgraph.queries.api import KnowledgeGraph

    src = HERE / "fixtures" / "filings"
    monkeypatch.setattr("docketgraph.graph.store.COMPACT_CASES", 1)
    kg = KnowledgeGraph(tmp_path / "store")
    counting = kg.store._store = _CountingStore(kg.store._store)
    rep = kg.ingest(src, in_process=True)
    assert rep.fatal is None and rep.new >= 5 and kg.store.batches_written >= 1
    assert counting.optimized == 1
    # a small rebuild does not compact on its own: the loads still compact once at the end
    monkeypatch.setattr("docketgraph.graph.store.COMPACT_CASES", 10**6)
    extra = tmp_path / "more"
    extra.mkdir()
    one = next(p for p in sorted(src.glob("*.txt")))
    (extra / "copy.txt").write_text(one.read_text(encoding="utf-8") + "\nA line of its own.\n", encoding="utf-8")
    rep = kg.ingest(extra, in_process=True)
    assert rep.new == 1 and counting.optimized == 2
    rep = kg.ingest(src, in_process=True)  # all unchanged: nothing loaded, nothing to compact
    assert rep.new == 0 and counting.optimized == 2
    kg.close()
