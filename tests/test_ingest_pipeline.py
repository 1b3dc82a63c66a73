"""The ingest pipeline: the workers' outcomes are read ahead of the writer in a thread of
their own (``ingesting._ReadAhead``), and the on-disk store flushes its write buffers as
a load goes on (``GraphStore._written``). Neither changes what is stored or reported."""
from __future__ import annotations

import multiprocessing as mp
import os
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from factories import TEXT, case_extraction
from test_crash import TEMPLATE

from docketgraph.graph import store as store_mod
from docketgraph.graph.errors import StoreError
from docketgraph.graph.store import GraphStore
from docketgraph.graph.vocab import DG
from docketgraph.queries import ingesting, workers
from docketgraph.queries.ingesting import _Event, _ReadAhead

FILING = TEMPLATE  # the Schedule A order the crash tests write, one per case


def _wait_for(cond, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if cond():
            return True
        time.sleep(0.02)
    return cond()


def _outcome(i: int) -> workers.Outcome:
    return workers.Outcome(f"p{i}", extraction=i, text="x")


# --- the read-ahead queue ---------------------------------------------------------------


def test_read_ahead_goes_on_while_the_caller_is_busy_and_no_further_than_its_limit():
    made: list[int] = []

    def produce():
        for i in range(20):
            made.append(i)
            yield _outcome(i)

    ahead = _ReadAhead(limit=4)
    items = ahead.run(produce)
    first = next(items)
    assert first.path == "p0"
    # while the caller holds the first item, four more wait in the queue and a sixth is
    # made (its ``put`` waits for room); nothing beyond
    assert _wait_for(lambda: len(made) == 6)
    time.sleep(0.3)  # a seventh would have been made by now
    assert len(made) == 6
    rest = [o.path for o in items]
    assert rest == [f"p{i}" for i in range(1, 20)]


def test_read_ahead_bounds_the_text_held():
    made: list[int] = []

    def produce():
        for i in range(10):
            made.append(i)
            yield workers.Outcome(f"p{i}", extraction=i, text="y" * 100)

    items = _ReadAhead(limit=100, chars=250).run(produce)
    next(items)
    assert _wait_for(lambda: len(made) >= 4)
    time.sleep(0.3)
    assert len(made) == 4  # two queued (200 characters), the next one waits
    assert [o.path for o in items] == [f"p{i}" for i in range(1, 10)]


def test_events_come_in_order_with_the_outcomes():
    ahead = _ReadAhead(limit=3)

    def produce():
        for i in range(6):
            ahead.put(_Event("file", f"p{i}"))
            yield _outcome(i)

    got = [(type(x).__name__, x.path) for x in ahead.run(produce)]
    assert got == [pair for i in range(6) for pair in (("_Event", f"p{i}"), ("Outcome", f"p{i}"))]


def test_leaving_early_closes_the_producer():
    closed = threading.Event()

    def produce():
        try:
            for i in range(1000):
                yield _outcome(i)
        finally:
            closed.set()

    items = _ReadAhead(limit=2).run(produce)
    assert next(items).path == "p0"
    items.close()
    assert closed.is_set()  # closing waits for the thread, which closed the producer


def test_an_error_in_the_producer_is_raised_in_the_callers_thread():
    def produce():
        yield _outcome(0)
        raise StoreError("the store went away")

    items = _ReadAhead().run(produce)
    assert next(items).path == "p0"
    with pytest.raises(StoreError, match="went away"):
        next(items)


def test_stop_ends_a_worker_run_and_its_workers():
    stop = threading.Event()
    gen = workers.run((f"slow{i}" for i in range(4)), jobs=2, func=_sleepy, stop=stop, timeout=600)
    got: list[workers.Outcome] = []
    t = threading.Thread(target=lambda: got.extend(gen))
    t.start()
    assert _wait_for(lambda: len(mp.active_children()) == 2)
    stop.set()
    t.join(timeout=20)
    assert not t.is_alive() and got == []
    assert _wait_for(lambda: not mp.active_children())


def _sleepy(path: str) -> workers.Outcome:
    time.sleep(600)
    return workers.Outcome(path)


# --- ingest with worker processes against ingest in this process ---------------------------


def _folder(root: Path) -> Path:
    src = root / "filings"
    src.mkdir()
    for n in range(24):
        (src / f"f{n:03d}.txt").write_text(FILING.format(n=n + 1, m=n % 5), encoding="utf-8")
    (src / "same-as-f000.txt").write_text(FILING.format(n=1, m=0), encoding="utf-8")
    (src / "README.md").write_text("notes about the folder\n", encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(src / "pipe.txt")
    return src


def _content(st: GraphStore) -> set[tuple[str, str, str, str]]:
    return {
        (str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
        for q in st._store
        if q.predicate.value != DG.ingested
    }


def _summary(rep: ingesting.IngestReport) -> tuple:
    return (rep.files, rep.new, rep.unchanged, rep.replaced, rep.failed, rep.skipped, rep.quads,
            sorted(rep.errors), rep.fatal)


@pytest.mark.slow
def test_workers_and_read_ahead_store_and_report_what_one_process_does(tmp_path):
    src = _folder(tmp_path)
    seen: dict[str, list[str]] = {"workers": [], "here": []}
    stores = {}
    reports = {}
    for how in ("workers", "here"):
        st = GraphStore(tmp_path / f"store-{how}")
        reports[how] = ingesting.ingest(
            st, [src], jobs=2, in_process=how == "here",
            on_file=lambda p, s, how=how: seen[how].append(f"{os.path.basename(p)}:{s}"),
        )
        reports[how + "-again"] = ingesting.ingest(st, [src], jobs=2, in_process=how == "here")
        stores[how] = st
    assert _summary(reports["workers"]) == _summary(reports["here"])
    assert _summary(reports["workers-again"]) == _summary(reports["here-again"])
    assert sorted(seen["workers"]) == sorted(seen["here"])
    rep = reports["workers"]
    assert rep.new == 25 and rep.skipped == 1 and rep.failed == (2 if hasattr(os, "mkfifo") else 1)
    assert reports["workers-again"].unchanged == 25
    assert _content(stores["workers"]) == _content(stores["here"])
    assert not mp.active_children()


class _FailingStore(GraphStore):
    """A store that cannot be read any more after a few files (the disk went away): the
    listing, in the read-ahead thread, meets it."""

    def __init__(self, location, after: int):
        super().__init__(location)
        self.left = after

    def has_document(self, sha256: str) -> bool:
        if threading.current_thread().name != "docketgraph-ingest-outcomes":
            return super().has_document(sha256)
        self.left -= 1
        if self.left < 0:
            raise StoreError("store read failed: input/output error")
        return super().has_document(sha256)


@pytest.mark.slow
def test_a_store_failing_mid_run_stops_the_run_and_its_workers(tmp_path):
    src = _folder(tmp_path)
    st = _FailingStore(tmp_path / "store", after=10)
    rep = ingesting.ingest(st, [src], jobs=2)
    assert rep.fatal and "input/output error" in rep.fatal
    # of the ten files listed before it, those whose outcomes came are written and
    # counted; those still with the workers are neither (a rerun stores them)
    assert 0 < rep.new <= 10
    assert [os.path.basename(p) for p, _ in rep.errors] == ["empty.txt"]  # listed first
    assert _wait_for(lambda: not mp.active_children())
    assert not [t for t in threading.enumerate() if t.name == "docketgraph-ingest-outcomes"]
    _, rows = st.query("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a dg:Document ; dg:ingested ?t }")
    assert rows == [{"n": rep.new}]


# --- the store's write buffers flushed as a load goes on ------------------------------------


def test_flushing_the_write_buffers_changes_nothing_stored(tmp_path, monkeypatch):
    flushed: list[int] = []
    writes = [(case_extraction(f"d{i}", docket=f"1:24-cv-{i:05d}"), f"/f/{i}.txt") for i in range(30)]

    def load(loc: Path, every: int) -> set:
        monkeypatch.setattr(store_mod, "FLUSH_QUADS", every)
        st = GraphStore(loc)
        real = st._store.flush
        st._store = _Counting(st._store, lambda: (flushed.append(1), real()))
        # one transaction a document (a batch goes through the bulk loader, not the buffers)
        for ex, path in writes:
            st.put(ex, text=TEXT, path=path)
        st.refresh_summaries()
        got = _content(st)
        st.close()
        return got

    rarely = load(tmp_path / "a", 10**9)
    assert flushed == [1]  # once, at the end (close)
    often = load(tmp_path / "b", 50)
    assert len(flushed) > 5
    assert often == rarely


class _Counting:
    def __init__(self, inner, flush):
        self._inner, self.flush = inner, flush

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def __iter__(self):
        return iter(self._inner)


def test_a_store_in_memory_is_never_flushed(monkeypatch):
    monkeypatch.setattr(store_mod, "FLUSH_QUADS", 1)
    st = GraphStore(None)
    st._store = _Counting(st._store, lambda: pytest.fail("an in-memory store has nothing to flush"))
    st.put(case_extraction("a", docket="1:24-cv-00001"), text=TEXT, path="/a")
    assert st.has_document(case_extraction("a", docket="x").sha256)


def test_removals_in_slices_flush_the_write_buffers_too(tmp_path, monkeypatch):
    """A whole rebuild's sweep removes old summary quads slice by slice: each removal is a
    write to the store's buffers, counted towards their flush like any other write (at
    100,000 cases the sweep's millions of removals held gigabytes of buffers otherwise)."""
    flushed: list[int] = []
    st = GraphStore(tmp_path / "s")
    st.put(case_extraction("a", docket="1:24-cv-00001"), text=TEXT, path="/a")
    g = ox.NamedNode("https://docketgraph.org/test/junk")
    junk = [ox.Quad(ox.NamedNode(f"https://docketgraph.org/test/{i}"), ox.NamedNode(DG.path), ox.Literal(str(i)), g)
            for i in range(120)]
    st._store.extend(junk)
    monkeypatch.setattr(store_mod, "FLUSH_QUADS", 50)
    real = st._store.flush
    st._store = _Counting(st._store, lambda: (flushed.append(1), real()))
    for i in range(0, 120, 20):
        st._remove_quads(junk[i : i + 20])
    assert len(flushed) == 2  # after 60 and 120 removals (50 each time or more)
    assert not list(st._store._inner.quads_for_pattern(None, None, None, g))
    st.close()
