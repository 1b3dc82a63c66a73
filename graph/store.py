"""The store: pyoxigraph on disk by default, one named graph per document.

Writes are one transaction per document: a new document is a single atomic ``extend``
(its graph with its "ingested" marker); replacing the document a path used to hold is a
single SPARQL update request (``DROP SILENT GRAPH <old> ; INSERT DATA {...}``) built from
pyoxigraph terms' own N-Triples forms, which pyoxigraph escapes and validates. A crash
therefore leaves every earlier document intact and the current one wholly present or
wholly absent.

A batch of new documents (``GraphStore.batched``, as ingest writes) goes to an on-disk
store through pyoxigraph's bulk loader, which writes sorted files and hands them to the
database instead of inserting each key of each index (a third of ``extend``'s CPU time),
but does not promise to be atomic. The batch is therefore first written in full to a redo
file in the store's folder (``REDO_FILE``: N-Quads, written aside, synced, then renamed
into place), loaded, and the file removed; a writer opening a store that holds the file
(the last one stopped while loading) loads it again before anything else (loading the
same quads twice stores them once). Each document is thus wholly present or wholly
absent once a writer has opened the store again.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

import pyoxigraph as ox

from docketgraph.graph import keys, name_index, summaries
from docketgraph.graph.errors import QueryError, StoreError, StoreInUse
from docketgraph.graph.model import Extraction
from docketgraph.graph.prepared import Answers, Prepared, replay
from docketgraph.graph.rdf import cases_of, extraction_quads, ingested_quad
from docketgraph.graph.remote import HttpBackend
from docketgraph.graph.resolve import Aliases, Resolver, load_candidates
from docketgraph.graph.updates import data_block, drop_graph_ops, forget_triple_op, with_default_copies
from docketgraph.graph.vocab import DG, NS

log = logging.getLogger(__name__)

DEFAULT_LOCATION = "docketgraph-store"
ENV_VAR = "DOCKETGRAPH_STORE"

PREFIXES = {
    "dg": NS,
    "schema": "https://schema.org/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dgs": summaries.SNS,
}
_SUMMARY = ox.NamedNode(summaries.SUMMARY_GRAPH)
_DOCKET_KEY = DG.docketKey
_IN_COURT = DG.inCourt


_cases_of = cases_of


# a batch of documents held back is written once it holds this many quads built here (held
# in memory), this many bytes of quads made ahead (spooled to the redo file's side file as
# they come), or is this old. A batch loaded on disk adds files that the database merges
# with what it holds: fewer, larger batches cost less (3,000 real filings: 7.3 ms of the
# writer's CPU a filing in batches of 200, 5.2 in batches of 1,000)
_BATCH_QUADS = 200_000
_BATCH_BYTES = 256 * 1024 * 1024
_BATCH_SECONDS = 10.0
#: the batch being loaded into an on-disk store, kept in its folder until it is stored
#: (see the module's docstring)
REDO_FILE = "docketgraph-batch.nq"
#: quads written to an on-disk store between two flushes of its write buffers. RocksDB
#: keeps what is written in memory tables (up to 128 MB each, several per index, eleven
#: indexes, as pyoxigraph configures it) before writing them to disk: a long load grew
#: by ~0.4-0.6 GB per 1,000 real filings until they filled. Flushing every this many
#: quads (some 250-600 filings) keeps them small; the write-ahead log already made each
#: transaction durable, so a flush changes nothing of what a crash keeps.
FLUSH_QUADS = 100_000
#: bulk loads between two compactions within one long run (see ``GraphStore.compact``)
COMPACT_LOADS = 100
#: ... and the store's files must have grown by this share of their size at the last
#: compaction: a compaction rewrites every file, so compacting every COMPACT_LOADS loads
#: alone made a long load quadratic (10,000 to 20,000 cases into an empty store: three
#: compactions, 12, 30 and 52 s); growing geometrically, their total stays within a few
#: times the final store's size
COMPACT_GROWTH = 0.5
#: cases whose summaries a refresh rebuilds before the store compacts its files
COMPACT_CASES = 1_000


def _release_memory() -> None:
    """Hand the memory freed by a flush back to the system (glibc keeps freed blocks in
    its heap otherwise; resident memory would stay at its peak). Elsewhere: nothing."""
    global _TRIM
    if _TRIM is None:
        try:
            import ctypes

            _TRIM = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _TRIM = False
    if _TRIM:
        _TRIM(0)


_TRIM: Any = None


def _sync_folder(folder: str | None) -> None:
    """Make a rename in ``folder`` durable (where the system allows opening a folder)."""
    if folder is None or not hasattr(os, "O_DIRECTORY"):
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class _Pending:
    """New documents ``put`` holds back in a batch, and what later writes read of them."""

    def __init__(self) -> None:
        self.quads: list[ox.Quad] = []
        self.cases: list[ox.NamedNode] = []
        self.size = 0  # quads held back
        self.spooled = 0  # bytes of N-Quads made ahead, written to the side file
        self.docs: set[str] = set()
        self.paths: set[str] = set()
        self.held = 0  # writes held back: documents, and second paths of documents held back
        self.dockets: dict[str, set[ox.NamedNode]] = {}  # docket key -> cases
        self.in_court: set[ox.NamedNode] = set()  # cases with a court
        self.since = time.monotonic()

    def _doc(self, sha: str, path: str | None, size: int) -> None:
        if not self.docs:
            self.since = time.monotonic()
        self.size += size
        self.held += 1
        self.docs.add(sha)
        if path:
            self.paths.add(path)

    def add(self, sha: str, path: str | None, quads: list[ox.Quad]) -> None:
        self._doc(sha, path, len(quads))
        self.quads += quads
        self.cases += _cases_of(quads)
        for q in quads:
            p, s = q.predicate.value, q.subject
            if p == _DOCKET_KEY and isinstance(q.object, ox.Literal) and isinstance(s, ox.NamedNode):
                self.dockets.setdefault(q.object.value, set()).add(s)
            elif p == _IN_COURT and isinstance(s, ox.NamedNode):
                self.in_court.add(s)

    def add_prepared(self, sha: str, path: str | None, prepared: Prepared, spooled: int) -> None:
        """A document made ahead (its quads and marks spooled; ``cases`` is for the others)."""
        self._doc(sha, path, prepared.quads)
        self.spooled += spooled
        for key, case in prepared.dockets:
            self.dockets.setdefault(key, set()).add(ox.NamedNode(case))
        self.in_court.update(ox.NamedNode(c) for c in prepared.in_court)


def default_location() -> str:
    return os.environ.get(ENV_VAR) or DEFAULT_LOCATION


def is_store_folder(path: str | os.PathLike) -> bool:
    """Whether ``path`` holds an embedded store (RocksDB's ``CURRENT`` names a manifest)."""
    try:
        with open(os.path.join(path, "CURRENT"), "rb") as fh:
            return fh.read(9) == b"MANIFEST-"
    except OSError:
        return False


def check_store_folder(path: str) -> None:
    """Refuse a store location that is a file, or a folder holding other things than a
    store: opening it would add some forty database files beside the user's files and
    rename a file of theirs called LOG. A new or empty folder is fine."""
    if not os.path.exists(path):
        return
    if not os.path.isdir(path):
        raise StoreError(f"--store {path} is a file, not a store folder")
    try:
        with os.scandir(path) as it:
            empty = next(it, None) is None
    except OSError as e:
        raise StoreError(f"cannot open store {path}: {e.strerror or e}") from None
    if not empty and not is_store_folder(path):
        raise StoreError(
            f"{path} is a folder of other files, not a docketgraph store; "
            "give a new or empty folder as --store"
        )


class Store(Protocol):
    """What the saved queries, analytics and summaries need of a store: SELECT and ASK
    queries with engine-bound parameters, and the summaries' groups. ``GraphStore`` is one
    (embedded or over a SPARQL server); a test may pass anything else that answers these."""

    def query(
        self, sparql: str, bindings: dict[str, Any] | None = None, custom_functions: dict | None = None
    ) -> tuple[list[str], list[dict]]: ...

    def summary_groups(self, relation: str) -> list[dict]: ...

    def summary_dated(self, relation: str, month: str) -> list[tuple[str, list[tuple[str, str, str]]]]: ...

    def summary_group_dated(self, group: str) -> list[tuple[str, str, str]]: ...

    def summary_groups_of(self, relation: str, groups: list[str]) -> list[dict]: ...

    def summary_links(self, kind: str) -> list[str]: ...

    def summary_dims(self, groups: list[str]) -> dict[str, list[str]]: ...


@dataclass(frozen=True)
class WriteResult:
    status: str  # new | unchanged | replaced | added-path
    quads: int = 0
    replaced: str | None = None


def term_to_python(t: Any) -> Any:
    """A pyoxigraph term as a plain Python value for tables and JSON."""
    if t is None:
        return None
    if isinstance(t, ox.Literal):
        dt = t.datatype.value if t.datatype else ""
        v = t.value
        if dt.endswith(("#integer", "#int", "#long")):
            try:
                return int(v)
            except ValueError:
                return v
        if dt.endswith(("#decimal", "#double", "#float")):
            try:
                return float(v)
            except ValueError:
                return v
        if dt.endswith("#boolean"):
            return v == "true"
        return v
    if isinstance(t, (ox.NamedNode, ox.BlankNode)):
        return t.value
    return str(t)


class GraphStore:
    """An embedded pyoxigraph store (on disk, or in memory when ``location`` is None)."""

    def __init__(self, location: str | os.PathLike | None = None, *, read_only: bool = False):
        self.location = os.fspath(location) if location is not None else None
        self.remote = bool(self.location and self.location.startswith(("http://", "https://")))
        try:
            if self.remote:
                self._store = HttpBackend(self.location)
            elif self.location is None:
                self._store = ox.Store()
            elif read_only:
                if not os.path.isdir(self.location):
                    raise StoreError(f"no store at {self.location} (ingest some filings first)")
                check_store_folder(self.location)
                self._store = ox.Store.read_only(self.location)
            else:
                check_store_folder(self.location)
                self._store = ox.Store(self.location)
        except (OSError, RuntimeError) as e:
            msg = " ".join(str(e).split())
            if "corruption" in msg.lower():
                raise StoreError(
                    f"the store at {self.location} is damaged ({msg[:200]}); restore "
                    "it from a copy, or ingest the filings again into a new store"
                ) from None
            if "lock" in msg.lower():
                raise StoreInUse(
                    f"store in use: {self.location} is open for writing by another docketgraph process"
                ) from None
            raise StoreError(f"cannot open store {self.location}: {msg}") from None
        self.read_only = read_only
        self.aliases_path: str | None = None
        self._resolver = None
        self._batch = 0  # documents a write may hold back (see ``batched``); 0: none
        self.batches_written = 0  # batches of held-back documents written so far
        self._loads_unsettled = 0  # bulk loads since the store last compacted its files
        self._compacted_bytes = 0  # the size of the store's files when it last compacted them
        #: documents whose quads made ahead were stored, and those built again here (their
        #: answers differed: an entity or a case already stored)
        self.made_ahead = self.rebuilt = 0
        self._pending = _Pending()
        self._unflushed = 0  # quads written since the write buffers were last flushed
        self._spool: Any = None  # the side file of the batch held back (see _spool_write)
        if self._bulk_loads():
            self._replay()

    def resolver(self):
        """The entity resolver, loaded from the store on first use and kept current."""
        if self._resolver is None:
            cands = load_candidates(lambda q: self.query(q)[1])
            self._resolver = Resolver(
                cands["firms"], cands["attorneys"], cands["judges"], Aliases.load(self.aliases_path)
            )
        return self._resolver

    # --- reading -----------------------------------------------------------------
    def query(
        self,
        sparql: str,
        bindings: dict[str, Any] | None = None,
        custom_functions: dict | None = None,
        limit: int | None = None,
    ) -> tuple[list[str], list[dict]]:
        """Run a SELECT (or ASK) query over the default graph: the de-duplicated union of
        every document's assertions (``GRAPH ?g`` reaches each document's own graph).

        ``bindings`` maps variable names to pyoxigraph terms: they are substituted by the
        engine (never pasted into the text). ``limit`` stops reading rows after that many.
        """
        self._settle()
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items() if v is not None}
        # evaluation is lazy: an error may come while iterating, so the rows are read here too
        try:
            res = self._store.query(
                sparql,
                prefixes=PREFIXES,
                use_default_graph_as_union=False,
                substitutions=subs or None,
                custom_functions=custom_functions,
            )
            if isinstance(res, ox.QueryBoolean):
                return ["result"], [{"result": bool(res)}]
            if isinstance(res, ox.QuerySolutions):
                cols = [v.value for v in res.variables]
                rows = [{c: term_to_python(sol[c]) for c in cols} for sol in itertools.islice(res, limit)]
                return cols, rows
            return (
                ["subject", "predicate", "object"],
                [
                    {"subject": str(t.subject), "predicate": str(t.predicate), "object": str(t.object)}
                    for t in itertools.islice(res, limit)
                ],
            )
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {e}") from None
        except (RuntimeError, ValueError, TypeError, UnicodeError) as e:
            raise QueryError(str(e)) from None
        except OSError as e:
            raise StoreError(f"store read failed: {e}") from None

    def raw_query(self, sparql: str, **kw):
        self._settle()
        return self._store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=False, **kw)

    def documents_for_path(self, path: str) -> list[str]:
        out = []
        for q in self._store.quads_for_pattern(None, ox.NamedNode(DG.path), ox.Literal(path), None):
            sha = q.subject.value.rsplit("/", 1)[-1]
            if sha not in out:
                out.append(sha)
        return out

    def key_for_alias(self, alias: str) -> str | None:
        """The ``dg:key`` of the entity one of whose spellings normalises to ``alias``."""
        for q in self._store.quads_for_pattern(None, ox.NamedNode(DG.alias), ox.Literal(alias), None):
            for k in self._store.quads_for_pattern(q.subject, ox.NamedNode(DG.key), None, None):
                return k.object.value
        return None

    def has_document(self, sha256: str) -> bool:
        if sha256 in self._pending.docs:
            return True
        return self._store.contains_named_graph(ox.NamedNode(keys.graph_iri(sha256)))

    def document_paths(self, sha256: str) -> list[str]:
        g = ox.NamedNode(keys.graph_iri(sha256))
        d = ox.NamedNode(keys.document_iri(sha256))
        return [q.object.value for q in self._store.quads_for_pattern(d, ox.NamedNode(DG.path), None, g)]

    def resolve_case(self, court: str | None, docket: str) -> str:
        """A case IRI; a docket without a court joins the one stored case with that number."""
        if court:
            return keys.case_iri(court, docket)
        dk = keys.docket_key(docket)
        pending = self._pending
        subjects: set[ox.NamedNode] = {
            q.subject
            for q in self._store.quads_for_pattern(None, ox.NamedNode(DG.docketKey), ox.Literal(dk), None)
            if isinstance(q.subject, ox.NamedNode)
        } | pending.dockets.get(dk, set())
        with_court = {
            s.value
            for s in subjects
            if s in pending.in_court
            or next(self._store.quads_for_pattern(s, ox.NamedNode(DG.inCourt), None, None), None)
        }
        if len(with_court) == 1:
            return with_court.pop()
        return keys.case_iri(None, docket)

    def __len__(self) -> int:
        """Quads stored, the summaries (derived, rebuilt from the documents) not counted."""
        self._settle()
        n = len(self._store)
        if self._store.contains_named_graph(_SUMMARY):
            n -= sum(1 for _ in self._store.quads_for_pattern(None, None, None, _SUMMARY))
        return n

    def named_graphs(self) -> list[str]:
        """The documents' graphs (the summaries' graph is not one)."""
        self._settle()
        return [g.value for g in self._store.named_graphs() if g != _SUMMARY]

    # --- summaries -----------------------------------------------------------------
    def _rows(self, sparql: str) -> list[dict]:
        res = self.raw_query(sparql)
        cols = [v.value for v in res.variables]
        return [{c: sol[c] for c in cols} for sol in res]

    def _iter_rows(self, sparql: str) -> Iterator[dict]:
        """A SELECT's rows as ``_rows`` gives them, read as they come."""
        res = self.raw_query(sparql)
        cols = [v.value for v in res.variables]
        for sol in res:
            yield {c: sol[c] for c in cols}

    def summaries_current(self) -> bool:
        """True when the saved queries may read the summaries (see graph.summaries)."""
        try:
            return bool(self.raw_query(summaries.CURRENT_ASK))
        except (OSError, RuntimeError, ValueError):
            return False

    def summary_groups(self, relation: str) -> list[dict]:
        """Every group of a summary relation, unpacked (see ``summaries.unpack``), with its
        IRI as ``id``."""
        self._settle()
        p = ox.NamedNode(summaries.packed_predicate(relation))
        return [
            {**summaries.unpack(q.object.value), "id": q.subject.value}
            for q in self._store.quads_for_pattern(None, p, None, _SUMMARY)
        ]

    def summary_dated(self, relation: str, month: str) -> list[tuple[str, list[tuple[str, str, str]]]]:
        """(group IRI, its dated cases) of every group of ``relation`` with a case dated in
        ``month`` ("YYYY-MM"; see ``summaries.unpack_dated``): one index scan per month."""
        self._settle()
        p = ox.NamedNode(summaries.dated_predicate(relation, month))
        return [
            (q.subject.value, summaries.unpack_dated(q.object.value))
            for q in self._store.quads_for_pattern(None, p, None, _SUMMARY)
        ]

    def summary_groups_of(self, relation: str, groups: list[str]) -> list[dict]:
        """The groups of a summary relation among ``groups`` (IRIs), unpacked as by
        ``summary_groups``: one lookup each, for a few of a large relation's groups."""
        self._settle()
        p = ox.NamedNode(summaries.packed_predicate(relation))
        return [
            {**summaries.unpack(q.object.value), "id": q.subject.value}
            for g in groups
            for q in self._store.quads_for_pattern(ox.NamedNode(g), p, None, _SUMMARY)
        ]

    def summary_group_dated(self, group: str) -> list[tuple[str, str, str]]:
        """The dated cases of one group, every month (see ``summaries.unpack_dated``): one
        index scan of the group's own quads, for a few groups (a firm's, a judge's)."""
        self._settle()
        out: list[tuple[str, str, str]] = []
        pre = summaries.SNS + "dated-"
        for q in self._store.quads_for_pattern(ox.NamedNode(group), None, None, _SUMMARY):
            if q.predicate.value.startswith(pre):
                out += summaries.unpack_dated(q.object.value)
        return out

    def summary_dims(self, groups: list[str]) -> dict[str, list[str]]:
        """The identity (dims, as ``summaries.unpack`` gives them) of each of ``groups``
        (IRIs) the summaries hold: one lookup each of a short literal, for groups found in
        month buckets without reading their whole answers."""
        self._settle()
        p = ox.NamedNode(summaries.SNS + "dims")
        out: dict[str, list[str]] = {}
        for g in groups:
            for q in self._store.quads_for_pattern(ox.NamedNode(g), p, None, _SUMMARY):
                out[g] = q.object.value.split("\t")
        return out

    def summary_links(self, kind: str) -> list[str]:
        """The packed links of ``kind`` of every bucket of cases (see
        ``summaries.unpack_links``): one index scan."""
        self._settle()
        p = ox.NamedNode(summaries.links_predicate(kind))
        return [q.object.value for q in self._store.quads_for_pattern(None, p, None, _SUMMARY)]

    def name_index(self) -> name_index.NameIndex | None:
        """The entity-search name index when it is current (see graph.name_index); None
        on a SPARQL server's store, or while documents written since are not indexed."""
        if self.remote:
            return None
        self._settle()
        try:
            if not bool(self.raw_query(name_index.CURRENT_ASK)):
                return None
        except (OSError, RuntimeError, ValueError):
            return None
        return name_index.NameIndex(self._store)

    def refresh_summaries(self, progress=None) -> int:
        """Rebuild the summaries of every case a write touched; returns the cases rebuilt."""
        self._check_writable()
        self._settle()
        try:
            bulk = getattr(self._store, "bulk_extend", None)  # the embedded store's bulk loader
            rebuilt = summaries.refresh(
                self._rows,
                self._store.update,
                write=self._store.extend,
                bulk_write=bulk,
                progress=progress,
                stream=None if self.remote else self._iter_rows,
                quads=None if self.remote else self._summary_quads,
                remove=None if self.remote else self._remove_quads,
            )
        except OSError as e:
            raise StoreError(f"store write failed: {e}") from None
        if rebuilt >= COMPACT_CASES and self._bulk_loads():
            # a rebuild of many cases rewrites their summaries and clears the marks: the
            # summaries are what the saved queries read, so compact them (see ``compact``)
            self._loads_unsettled += 1
            self.compact()
        return rebuilt

    def _summary_quads(self) -> Iterator[ox.Quad]:
        """The summaries' graph's quads, read from a snapshot (removing some meanwhile is safe)."""
        return self._store.quads_for_pattern(None, None, None, _SUMMARY)

    def _remove_quads(self, quads: Sequence[ox.Quad]) -> None:
        """Remove ``quads`` in one transaction (one DELETE DATA: pyoxigraph removes one quad
        per transaction otherwise); a quad with a blank node, which DELETE DATA cannot
        name, on its own."""
        named = [
            q
            for q in quads
            if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)
        ]
        if named:
            self._store.update(
                "DELETE DATA { "
                + "\n".join(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in named)
                + " }"
            )
        for q in quads:
            if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
                self._store.remove(q)
        # a removal is a write to the store's write buffers too (a marker per index): a
        # sweep of millions of old summary quads held them all in memory until flushed
        self._written(len(quads))

    # --- writing -----------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError("store opened read-only")

    def put(
        self,
        ex: Extraction,
        *,
        text: str | None = None,
        path: str | None = None,
        prepared: Prepared | None = None,
    ) -> WriteResult:
        """Store one document's extraction in one transaction.

        Unchanged content is skipped (its path recorded); a known path with new content
        replaces that path's old document. ``prepared``: its quads made ahead by a worker
        (graph.prepared), stored as they are when this store's answers are those they
        were made with (a new document in a batch on disk), built here otherwise.
        """
        self._check_writable()
        sha = ex.sha256
        if not sha:
            raise StoreError(f"{ex.doc}: extraction has no content hash")
        g = ox.NamedNode(keys.graph_iri(sha))
        doc = ox.NamedNode(keys.document_iri(sha))
        pending = self._pending
        if sha in pending.docs and path and path not in pending.paths and not self.documents_for_path(path):
            # the same content under a new path while its document is held back: the path
            # joins the batch (as the write after the batch would add it: one quad, no mark),
            # so a folder holding copies of a file does not cut the batch at each copy
            pending.add(sha, path, [ox.Quad(doc, ox.NamedNode(DG.path), ox.Literal(path), g)])
            self._commit_if_full()
            return WriteResult("added-path", 1)
        if sha in pending.docs or (path and path in pending.paths):
            self.commit()  # what this write reads of that document must be stored first
        old = [s for s in (self.documents_for_path(path) if path else []) if s != sha]
        if self.has_document(sha):
            if path and path not in self.document_paths(sha):
                self._write(
                    [ox.Quad(doc, ox.NamedNode(DG.path), ox.Literal(path), g)],
                    drop_paths=[(s, path) for s in old],
                )
                return WriteResult(
                    "added-path" if not old else "replaced", 1, replaced=old[0] if old else None
                )
            return WriteResult("unchanged")
        resolver: Any = self.resolver()
        case_of: Any = self.resolve_case
        held = bool(self._batch and not old)
        if prepared is not None and held and self._bulk_loads() and prepared.path == path:
            same, answers = replay(prepared.calls, case_of, resolver)
            if same:  # the quads made ahead are this writer's
                marker = ingested_quad(sha)
                data = ox.serialize(with_default_copies([marker]), format=ox.RdfFormat.N_QUADS) or b""
                self._spool_write(prepared.data)
                self._spool_write(data)
                self._pending.add_prepared(sha, path, prepared, len(prepared.data) + len(data))
                self.made_ahead += 1
                self._commit_if_full()
                return WriteResult("new", prepared.quads)
            self.rebuilt += 1
            given = Answers(prepared.calls, answers, case_of, resolver)  # built here, as answered
            case_of, resolver = given.case, given
        quads = extraction_quads(ex, text=text, path=path, resolve_case=case_of, resolver=resolver)
        if held:
            self._pending.add(sha, path, quads)
            self._commit_if_full()
        else:
            self._settle()
            self._write(quads, drop_paths=[(s, path) for s in old] if path else [], stale=_cases_of(quads))
        return WriteResult("replaced" if old else "new", len(quads), replaced=old[0] if old else None)

    def _commit_if_full(self) -> None:
        pending = self._pending
        if (
            len(pending.docs) >= self._batch
            or len(pending.quads) >= _BATCH_QUADS
            or pending.spooled >= _BATCH_BYTES
            or time.monotonic() - pending.since >= _BATCH_SECONDS
        ):
            self.commit()

    @contextmanager
    def batched(self, documents: int = 200, *, compact: bool = True) -> Iterator[GraphStore]:
        """Within the block, ``put`` may hold new documents back and write up to
        ``documents`` of them in one transaction (one ``extend``, atomic): a crash leaves
        each document wholly stored or wholly absent, as one transaction per document
        does, and a rerun stores those held back. Reads made by later writes in the block
        see the documents held back (their content hash, their paths, their cases). A
        replacement writes what is held back first, then itself as before. Everything
        held back is written when the block ends, or by ``commit``; ``held_back`` says
        how many documents wait (a caller reporting per file counts them once written).
        The outermost block compacts the store's files when it ends (see ``compact``),
        unless ``compact`` is false: a caller that rebuilds the summaries next compacts
        once after that instead of twice."""
        outer = self._batch
        self._batch = max(1, documents)
        try:
            yield self
        finally:
            self._batch = outer
            if not outer:
                self.commit()
                if compact:
                    self.compact()

    def compact(self) -> None:
        """After bulk loads, let the store compact its files (pyoxigraph ``optimize``): each
        load adds files that every later read looks through, so a store written by many
        batches answers queries 10-20 times slower until then (10,000 cases: a summarised
        query 1 s -> 45 ms, for 9 s of compaction). Called when the outermost ``batched``
        block ends and, within a long run, after ``COMPACT_LOADS`` loads once the files grew
        by ``COMPACT_GROWTH`` since the last compaction; a failure leaves the data as it was."""
        if not self._loads_unsettled or self._store is None:
            return
        self._loads_unsettled = 0
        try:
            self._store.optimize()
        except OSError as e:
            log.warning("the store could not compact its files (%s); queries may be slower", e)
        self._compacted_bytes = self._files_bytes()

    def _files_bytes(self) -> int:
        """The size of the on-disk store's files (0 in memory, or when they can't be listed)."""
        if self.location is None or self.remote:
            return 0
        try:
            with os.scandir(self.location) as it:
                return sum(e.stat().st_size for e in it if e.is_file())
        except OSError:
            return 0

    def _compact_due(self) -> bool:
        """Within a long run: ``COMPACT_LOADS`` loads since the last compaction, and the
        files grown by ``COMPACT_GROWTH`` of their size then."""
        if self._loads_unsettled < COMPACT_LOADS:
            return False
        return self._files_bytes() >= (1 + COMPACT_GROWTH) * self._compacted_bytes

    def _settle(self) -> None:
        """Write what ``put`` holds back before anything else reads or writes the store."""
        if self._pending.docs:
            self.commit()

    def held_back(self) -> int:
        """How many writes ``put`` holds back, not yet written (see ``batched``): documents,
        and new paths of documents held back (a caller counts each once the batch is written)."""
        return self._pending.held

    def commit(self) -> None:
        """Write the documents ``put`` held back (see ``batched``) in one transaction
        (on disk: through the redo file and the bulk loader, see the module's docstring).
        When that write fails they are given up (none of them is stored; the entity
        resolver forgets them) and the error is raised."""
        pending, self._pending = self._pending, _Pending()
        if not pending.docs:
            return
        try:
            if self._bulk_loads():
                self._load_batch(pending.quads, stale=pending.cases)
            else:
                self._write(pending.quads, stale=pending.cases)
        except BaseException:
            self._resolver = None  # its candidates may name entities only they introduced
            self._spool_drop()
            raise
        self.batches_written += 1
        if self._compact_due():
            self.compact()

    def _write(
        self,
        quads: Sequence[ox.Quad],
        drop_paths: Iterable[tuple[str, str]] = (),
        stale: Iterable[ox.NamedNode] = (),
    ) -> None:
        """One transaction: the document's named graph plus its triples in the default graph
        (the de-duplicated union that queries read), after dropping what it replaces, with
        the marks saying which cases' summaries to rebuild."""
        ops = []
        marks = summaries.stale_quads(stale) + name_index.stale_quads(quads)
        for old_sha, path in drop_paths:
            others = [p for p in self.document_paths(old_sha) if p != path]
            og = ox.NamedNode(keys.graph_iri(old_sha))
            if others:  # the old content is still known under another path: forget this path only
                od = ox.NamedNode(keys.document_iri(old_sha))
                ops.append(forget_triple_op(og, od, ox.NamedNode(DG.path), ox.Literal(path)))
            else:
                ops.append(summaries.mark_graph_cases(og))
                ops.append(name_index.mark_graph_entities(og))
                ops += drop_graph_ops(og)
        try:
            if not ops:
                self._store.extend(with_default_copies(quads) + marks)
            else:
                body = data_block(quads) + "\n" + data_block(marks, default_copies=False)
                self._store.update(" ;\n".join(ops + [f"INSERT DATA {{ {body} }}"]))
        except OSError as e:
            raise StoreError(f"store write failed: {e}") from None
        self._written(2 * len(quads))

    def _bulk_loads(self) -> bool:
        """Whether batches go through the redo file and the bulk loader (an on-disk
        embedded store open for writing)."""
        return self.location is not None and not self.remote and not self.read_only

    def _redo_path(self) -> str:
        assert self.location is not None
        return os.path.join(self.location, REDO_FILE)

    def _spool_write(self, chunk: bytes) -> None:
        """Add N-Quads made ahead to the batch's side file (opened by the batch's first)."""
        if self._spool is None:
            self._spool = open(self._redo_path() + ".tmp", "wb")  # noqa: SIM115 - kept open
        try:
            self._spool.write(chunk)
        except OSError as e:  # the batch held back is given up, as when its write fails
            self._spool_drop()
            self._pending = _Pending()
            self._resolver = None
            raise StoreError(f"store write failed: {e}") from None

    def _spool_drop(self) -> None:
        """Forget the batch's side file (its documents were not stored)."""
        spool, self._spool = self._spool, None
        if spool is not None:
            with contextlib.suppress(OSError):
                spool.close()
            with contextlib.suppress(OSError):
                os.remove(self._redo_path() + ".tmp")

    def _load_batch(self, quads: Sequence[ox.Quad], stale: Iterable[ox.NamedNode]) -> None:
        """Store new documents as one batch that a crash cannot leave in part: their quads
        (with their default-graph copies and the marks) are added to the side file that
        holds the documents made ahead (N-Quads), which is synced and renamed into the redo
        file, which the bulk loader then reads."""
        path = self._redo_path()
        self._replay()  # a batch whose load failed earlier in this run: stored first
        tmp = path + ".tmp"
        spool, self._spool = self._spool, None
        try:
            with spool or open(tmp, "wb") as fh:
                if quads:
                    marks = summaries.stale_quads(stale) + name_index.stale_quads(quads)
                    ox.serialize(with_default_copies(quads) + marks, fh, format=ox.RdfFormat.N_QUADS)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
            _sync_folder(self.location)
        except OSError as e:  # nothing of the batch is stored
            with contextlib.suppress(OSError):
                os.remove(tmp)
            raise StoreError(f"store write failed: {e}") from None
        try:
            # written just now from pyoxigraph's terms (checked as they were made)
            self._store.bulk_load(path=path, format=ox.RdfFormat.N_QUADS, lenient=True)
            os.remove(path)
            self._loads_unsettled += 1
        except OSError as e:  # the batch may be stored in part: the redo file completes it
            raise StoreError(
                f"store write failed: {e} (the batch is kept in {path} and stored whole when "
                "the store is next written to)"
            ) from None

    def _replay(self) -> None:
        """Load the batch the last writer stopped loading (see the module's docstring)."""
        path = self._redo_path()
        if not os.path.exists(path):
            return
        log.info("storing a batch the last writer did not finish (%s)", path)
        try:
            for _ in ox.parse(path=path, format=ox.RdfFormat.N_QUADS):  # whole and readable
                pass
            self._store.bulk_load(path=path, format=ox.RdfFormat.N_QUADS)
            os.remove(path)
            self._loads_unsettled += 1
        except (SyntaxError, ValueError) as e:
            raise StoreError(
                f"the store at {self.location} holds a batch its last writer did not finish "
                f"({REDO_FILE}) that cannot be read ({e}); restore the store from a copy"
            ) from None
        except OSError as e:
            raise StoreError(f"store write failed: {e}") from None

    def _written(self, quads: int) -> None:
        """Count quads written; past ``FLUSH_QUADS``, flush the write buffers to disk and
        give the memory back (an on-disk embedded store only), so that memory stays
        bounded however long the load."""
        self._unflushed += quads
        if self._unflushed < FLUSH_QUADS or self.location is None or self.remote or self.read_only:
            return
        self._unflushed = 0
        try:
            self._store.flush()
        except OSError as e:  # what was written is in the log already: the next write says
            log.debug("flushing the store's write buffers failed: %s", e)
            return
        _release_memory()

    def remove_document(self, sha256: str, *, refresh: bool = True) -> bool:
        """Remove a document and every assertion that only it made (one transaction): the
        merges it recorded go with its graph, and the entity resolver forgets the entities
        it alone named. ``refresh=False`` leaves the summaries marked for a later
        ``refresh_summaries`` (removing many documents, rebuild once)."""
        self._check_writable()
        self._settle()
        g = ox.NamedNode(keys.graph_iri(sha256))
        if not self._store.contains_named_graph(g):
            return False
        try:
            marks = [summaries.mark_graph_cases(g), name_index.mark_graph_entities(g)]
            self._store.update(" ;\n".join(marks + drop_graph_ops(g)))
        except OSError as e:
            raise StoreError(f"store write failed: {e}") from None
        self._resolver = None  # its candidates may name entities that are gone
        if refresh:
            self.refresh_summaries()
        return True

    def forget_path(self, sha256: str, path: str) -> bool:
        """Forget that a document was read from ``path`` (the document stays)."""
        self._check_writable()
        self._settle()
        if path not in self.document_paths(sha256):
            return False
        g = ox.NamedNode(keys.graph_iri(sha256))
        t = f"{ox.NamedNode(keys.document_iri(sha256))} {ox.NamedNode(DG.path)} {ox.Literal(path)}"
        try:
            self._store.update(f"DELETE DATA {{ GRAPH {g} {{ {t} }} {t} }}")
        except OSError as e:
            raise StoreError(f"store write failed: {e}") from None
        return True

    def bulk_put(self, extractions: Iterable[Extraction], *, batch: int = 2000, refresh: bool = True) -> int:
        """Load many new documents fast (benchmarks, first loads into an empty store).

        Not transactional per document and no replacement by path: use ``put`` for ingest.
        Returns the number of quads written."""
        self._check_writable()
        self._settle()
        resolver = self.resolver()
        n = 0
        buf: list[ox.Quad] = []
        for ex in extractions:
            quads = extraction_quads(ex, resolve_case=self.resolve_case, resolver=resolver)
            buf += with_default_copies(quads)
            buf += summaries.stale_quads(_cases_of(quads)) + name_index.stale_quads(quads)
            if len(buf) >= batch * 50:
                self._store.bulk_extend(buf) if not self.remote else self._store.extend(buf)
                n += len(buf)
                buf = []
        if buf:
            self._store.bulk_extend(buf) if not self.remote else self._store.extend(buf)
            n += len(buf)
        if refresh:
            self.refresh_summaries()
        return n

    def load_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads (an import); the summaries are rebuilt from what the store then holds."""
        self._check_writable()
        self._settle()
        added = [q for q in quads if q.graph_name != _SUMMARY]
        self._store.extend(added)
        self._written(len(added))
        self._store.update(summaries.MARK_ALL + " ;\n" + name_index.MARK_ALL)
        self.refresh_summaries()

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        """Every document's graph and the default graph (the summaries are derived data)."""
        self._settle()
        if self.remote or not self._store.contains_named_graph(_SUMMARY):
            return self._store.dump(format=fmt)
        return ox.serialize((q for q in self._store if q.graph_name != _SUMMARY), format=fmt) or b""

    def flush(self) -> None:
        if self._store is not None:
            self._settle()
        self._unflushed = 0
        if self.location is not None and not self.read_only and not self.remote:
            try:
                self._store.flush()
            except OSError:
                pass

    def close(self) -> None:
        self.flush()
        self._store = None

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
