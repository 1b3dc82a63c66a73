"""The library facade: one ``KnowledgeGraph`` with one method per verb.

    from docketgraph.queries import KnowledgeGraph

    with KnowledgeGraph.open("my-store") as kg:
        kg.ingest(["filings/"])
        res = kg.query("firms-before-judges", court="ilnd", date_from="2025-01-01")
        for row in res:                      # each row a dict
            print(row["firm_label"], row["judge_label"], row["cases"])
        df = res.to_pandas()                 # pip install 'docketgraph[pandas]'
        G = kg.to_networkx("firm-judge")     # a networkx graph, ready for nx.write_gexf
        kg.remove(["filings/old-complaint.txt"])

The ``docketgraph`` command is a thin wrapper over this class (docs/python.md walks
through it as a notebook would).
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

import pyoxigraph as ox
from markupsafe import Markup

from docketgraph.graph import keys
from docketgraph.graph.errors import BadParameter, DocketGraphError, MissingDependency, NotFound, StoreError
from docketgraph.graph.exchange import export_store
from docketgraph.graph.store import GraphStore, default_location
from docketgraph.graph.vocab import ID, NS
from docketgraph.ingest import extract_file
from docketgraph.queries import entities as ent, lookup, output
from docketgraph.queries.analytics import search_entities
from docketgraph.queries.display import csv_cell, inert, json_text, md_cell  # noqa: F401  (for the CLI)
from docketgraph.queries.ingesting import IngestReport, ingest as _ingest
from docketgraph.queries.networks import (
    NETWORK_FORMATS,
    PROJECTIONS,
    network_bytes,
    network_csv,
    nodes_path,
    projection_graph,
)
from docketgraph.queries.output import LISTS, column_text, cut  # noqa: F401  (for the CLI)
from docketgraph.queries.registry import Registry
from docketgraph.queries.saved import SavedQuery
from docketgraph.queries.timeline import CHARTS, MonthCounts, counts_over_time
from docketgraph.queries.views import (
    atomic_write,
    default_out,
    render_entity_view,
    render_query_view,
)

if TYPE_CHECKING:  # heavy optional imports, for annotations only
    import networkx as nx
    import pandas as pd

__all__ = [
    "KnowledgeGraph",
    "Result",
    "Entity",
    "RemoveReport",
    "RemovedDocument",
    "IngestReport",
    "SavedQuery",
    "MEMORY",
    "PROJECTIONS",
    "env_queries_dirs",
]

log = logging.getLogger(__name__)

MEMORY = ":memory:"
"""``KnowledgeGraph.open(MEMORY)``: a store in memory, gone when closed."""

#: Python spellings of parameters whose names are Python keywords
_PARAM_ALIASES = {"date_from": "from", "date_to": "to"}


def _params(params: dict[str, Any]) -> dict[str, Any]:
    """Parameters as the saved queries name them: ``date_from``/``date_to`` are ``from``/``to``;
    ``None`` means not given."""
    for alias, name in _PARAM_ALIASES.items():
        if alias in params and name in params:
            raise BadParameter(f"give {name!r} once (as {name!r} or as {alias!r})")
    return {_PARAM_ALIASES.get(k, k): v for k, v in params.items() if v is not None}


@dataclass(frozen=True)
class Result:
    """A saved query's answer: iterate for the rows (dicts), ``len()`` for their number,
    ``.columns``, ``.to_records()``, ``.to_pandas()``; shown as a table in notebooks."""

    columns: list[str]
    rows: list[dict]
    query: SavedQuery | None = None
    params: tuple[tuple[str, str], ...] = ()
    graph: Any = None  # a networkx graph, for Python queries whose answer is a graph
    #: what each parameter given was taken to mean (queries.lookup: names, courts, roles)
    resolved: tuple[lookup.Resolved, ...] = ()

    @property
    def notices(self) -> list[str]:
        """What was taken for names given loosely (``judge "Pacold": took Martha M. Pacold ...``)."""
        return [r.notice for r in self.resolved if r.notice]

    def __iter__(self) -> Iterator[dict]:
        return (dict(r) for r in self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, i: int) -> dict: ...
    @overload
    def __getitem__(self, i: slice) -> list[dict]: ...

    def __getitem__(self, i: int | slice) -> dict | list[dict]:
        if isinstance(i, slice):
            return [dict(r) for r in self.rows[i]]
        return dict(self.rows[i])

    def __repr__(self) -> str:
        name = self.query.name if self.query is not None else "sparql"
        return f"<Result {name}: {len(self.rows)} rows; columns {', '.join(self.columns)}>"

    @property
    def title(self) -> str:
        return self.query.title if self.query is not None else "SPARQL"

    @property
    def visible_columns(self) -> list[str]:
        """Columns for tables: the query's hidden ones (IRIs kept for evidence) left out."""
        hidden = set(self.query.hidden) if self.query is not None else set()
        # a name parameter's column holds the entity's key; its *_label column is shown instead
        hidden |= {c for c in self.columns if f"{c}_label" in self.columns}
        return [c for c in self.columns if c not in hidden]

    def present(self) -> output.Presented:
        """The rows as every output format shows them (queries.output): a name and its key
        in separate columns (``firm``, ``firm_key``), lists as lists, ``court_name`` beside
        ``court``, CourtListener links; ``.visible`` the columns a table shows."""
        hidden = set(self.query.hidden) if self.query is not None else set()
        return output.present(self.columns, self.rows, hidden)

    def to_records(self) -> list[dict]:
        """The rows as a list of new dicts (every column, in ``columns`` order)."""
        return [{c: r.get(c) for c in self.columns} for r in self.rows]

    def to_pandas(self) -> pd.DataFrame:
        """The rows as a pandas DataFrame (every column); needs the ``pandas`` extra."""
        try:
            import pandas as pd
        except ImportError:
            raise MissingDependency(
                "Result.to_pandas needs pandas: pip install 'docketgraph[pandas]'"
            ) from None
        return pd.DataFrame.from_records(self.to_records(), columns=self.columns)

    def _repr_html_(self, max_rows: int = 50) -> str:
        """A notebook's table: the visible columns, every cell escaped."""
        cols = self.visible_columns
        esc = lambda v: html.escape("" if v is None else str(v))  # noqa: E731
        head = "".join(f"<th>{esc(_heading(c, cols))}</th>" for c in cols)
        body = "".join(
            "<tr>" + "".join(f"<td>{esc(r.get(c))}</td>" for c in cols) + "</tr>"
            for r in self.rows[:max_rows]
        )
        more = len(self.rows) - max_rows
        foot = f"<p>… {more} more rows</p>" if more > 0 else ""
        return (
            f"<div><p><b>{esc(self.title)}</b>: {len(self.rows)} rows</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{foot}</div>"
        )

    def sorted(self, spec: str) -> Result:
        """Rows sorted by ``spec``: comma-separated columns, ``-col`` for descending."""
        rows = list(self.rows)
        keys = [k.strip() for k in spec.split(",") if k.strip()]
        for k in reversed(keys):
            desc = k.startswith("-")
            col = k.lstrip("-")
            if col not in self.columns:  # a column as the output names it (queries.output)
                shown = {v: c for c, v in output.column_names(self.columns).items()}
                col = shown.get(col, col)
            if col not in self.columns:
                raise BadParameter(f"cannot sort by {col!r}; columns: {', '.join(self.columns)}")
            present = [r for r in rows if r.get(col) is not None]
            missing = [r for r in rows if r.get(col) is None]
            present.sort(key=lambda r: _sort_key(r.get(col)), reverse=desc)
            rows = present + missing
        return replace(self, rows=rows)

    def limited(self, n: int | None) -> Result:
        return self if n is None else replace(self, rows=self.rows[: max(n, 0)])


def _heading(col: str, cols: list[str]) -> str:
    """A column's heading: ``firm_label`` is "firm" when no ``firm`` column is shown."""
    base = col[: -len("_label")] if col.endswith("_label") else col
    return base if base != col and base not in cols else col


def _sort_key(v: Any) -> tuple:
    if isinstance(v, bool):
        return (0, int(v), "")
    if isinstance(v, (int, float)):
        return (0, v, "")
    return (1, 0, str(v).casefold())


@dataclass(frozen=True)
class Entity:
    """One entity as stored: its names, the filings that name it, the merges that joined
    other spellings to it (each with its reason and filing) and the sentences behind it."""

    id: str
    kind: str
    name: str
    key: str | None
    spellings: tuple[str, ...] = ()
    documents: tuple[dict, ...] = ()  # {"document", "sha256", "filed", "paths"}
    cases: tuple[str, ...] = ()  # docket numbers of the cases it takes part in
    merges: tuple[dict, ...] = ()  # {"surface", "reason", "document"}
    evidence: tuple[dict, ...] = ()  # {"document", "filed", "sentence", "start"}


@dataclass(frozen=True)
class RemovedDocument:
    sha256: str
    name: str
    paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class RemoveReport:
    """What ``KnowledgeGraph.remove`` took out (or, with ``dry_run``, would take out)."""

    documents: tuple[RemovedDocument, ...] = ()
    #: (sha256, path): paths forgotten while the document stays (other paths still hold it)
    paths: tuple[tuple[str, str], ...] = ()
    #: entities that no remaining document names: {"kind", "name", "id"}
    entities: tuple[dict, ...] = ()
    #: merges recorded by the removed documents, undone: {"surface", "entity", "reason", "document"}
    merges: tuple[dict, ...] = ()
    dry_run: bool = False

    @property
    def cases(self) -> list[dict]:
        return [e for e in self.entities if e["kind"] == "Case"]


_EVIDENCE_SPARQL = """
SELECT ?case ?e ?docket ?docname ?path ?filed ?sentence ?start WHERE {
  ?doc dg:filedIn ?case ; schema:name ?docname .
  ?case dg:docketNumber ?docket .
  { ?m dg:about ?e . } UNION { ?m dg:about ?x . ?x dg:case ?case . ?x ?rel ?e . }
  ?m dg:inDocument ?doc ; dg:quote ?sentence ; dg:start ?start .
  OPTIONAL { ?doc dg:path ?path } OPTIONAL { ?doc dg:filed ?filed }
} ORDER BY ?filed ?docname ?start
"""
_EVIDENCE_CASE_SPARQL = """
SELECT ?case ?docket ?docname ?path ?filed ?sentence ?start WHERE {
  ?doc dg:filedIn ?case ; schema:name ?docname .
  ?case dg:docketNumber ?docket .
  ?m dg:about ?case ; dg:inDocument ?doc ; dg:quote ?sentence ; dg:start ?start .
  OPTIONAL { ?doc dg:path ?path } OPTIONAL { ?doc dg:filed ?filed }
} ORDER BY ?filed ?docname ?start
"""
_EVIDENCE_ENTITY_SPARQL = """
SELECT ?e ?docname ?path ?filed ?sentence ?start WHERE {
  ?m dg:about ?e ; dg:inDocument ?doc ; dg:quote ?sentence ; dg:start ?start .
  ?doc schema:name ?docname .
  OPTIONAL { ?doc dg:path ?path } OPTIONAL { ?doc dg:filed ?filed }
} ORDER BY ?filed ?docname ?start
"""


QUERIES_ENV = "DOCKETGRAPH_QUERIES"
"""Folders of the user's own saved queries (``os.pathsep``-separated), besides --queries-dir."""


def env_queries_dirs() -> list[str]:
    """The folders named by ``$DOCKETGRAPH_QUERIES``."""
    return [d for d in os.environ.get(QUERIES_ENV, "").split(os.pathsep) if d]


_ENTITY_KINDS = ("Case", "Court", "Judge", "LawFirm", "Attorney", "Party", "Platform", "Precedent")
_KIND_NAMES = {
    "firm": "LawFirm",
    "law firm": "LawFirm",
    "lawfirm": "LawFirm",
    "citation": "Precedent",
    **{k.lower(): k for k in _ENTITY_KINDS},
}
_SHA = re.compile(r"[0-9a-f]{8,64}")
_DOCS = "SELECT ?sha ?path WHERE { ?d dg:sha256 ?sha . OPTIONAL { ?d dg:path ?path } }"
_DOC_NAME = "SELECT ?sha (MIN(?n) AS ?name) WHERE { ?d dg:sha256 ?sha ; schema:name ?n } GROUP BY ?sha"
_NAMED_IN = """SELECT ?e ?cls (MIN(?n) AS ?name) WHERE {{ VALUES ?g {{ {graphs} }}
  GRAPH ?g {{ ?e a ?cls }} FILTER(?cls IN ({classes})) OPTIONAL {{ ?e schema:name ?n }}
}} GROUP BY ?e ?cls ORDER BY ?cls ?name"""
#: one other document that names the entity, if any (each asked alone: a short index scan)
_NAMED_ELSEWHERE = """SELECT ?e ?cls ?o WHERE {{ GRAPH ?o {{ ?e a ?cls }}
  FILTER(?o NOT IN ({graphs})) }} LIMIT 1"""
_MERGES = """SELECT ?surface ?reason ?e ?name ?dn WHERE {{ VALUES ?g {{ {graphs} }}
  GRAPH ?g {{ ?m a dg:Merge ; dg:about ?e ; dg:surface ?surface ; dg:evidence ?reason ;
                 dg:inDocument ?d . ?d schema:name ?dn . OPTIONAL {{ ?e schema:name ?name }} }}
}} ORDER BY ?dn ?surface"""
_ENTITY_NAMES = """SELECT DISTINCT ?e ?s WHERE { { ?e schema:name ?s }
  UNION { ?m dg:about ?e ; dg:surface ?s } UNION { ?m a dg:Merge ; dg:about ?e ; dg:surface ?s } } ORDER BY ?s"""
_ENTITY_KEY = "SELECT ?e (MIN(?k) AS ?key) WHERE { ?e dg:key ?k } GROUP BY ?e"
_ENTITY_DOCS = """SELECT DISTINCT ?e ?cls ?sha ?dn ?filed ?path WHERE {
  GRAPH ?g { ?e a ?cls . ?d a dg:Document ; dg:sha256 ?sha ; schema:name ?dn .
             OPTIONAL { ?d dg:filed ?filed } OPTIONAL { ?d dg:path ?path } } } ORDER BY ?filed ?dn"""
_ENTITY_CASES = """SELECT DISTINCT ?e ?docket WHERE {
  { ?e a dg:Case . BIND(?e AS ?case) } UNION { ?case ?p ?e . ?case a dg:Case }
  UNION { ?x dg:case ?case ; ?q ?e . FILTER(?q != dg:case) }
  ?case dg:docketNumber ?docket } ORDER BY ?docket"""
_ENTITY_MERGES = """SELECT ?e ?surface ?reason ?dn WHERE {
  ?m a dg:Merge ; dg:about ?e ; dg:surface ?surface ; dg:evidence ?reason ; dg:inDocument ?d .
  ?d schema:name ?dn } ORDER BY ?dn ?surface"""


_ENTITY_CLASS = (
    "SELECT ?e ?cls (MIN(?n) AS ?name) WHERE { ?e a ?cls . OPTIONAL { ?e schema:name ?n } } GROUP BY ?e ?cls"
)
#: the cases an entity takes part in (a case stands for itself)
_CASES_OF = """SELECT DISTINCT ?e ?case WHERE {
  { ?e a dg:Case . BIND(?e AS ?case) } UNION { ?case ?p ?e . ?case a dg:Case }
  UNION { ?x dg:case ?case ; ?q ?e . FILTER(?q != dg:case) } }"""
#: who else takes part in an entity's cases; "client": the parties an entity appeared for
_RELATED = """SELECT ?e ?x ?cls ?role ?cases ?name WHERE {
  { SELECT ?e ?x ?cls ?role (GROUP_CONCAT(STR(?case); separator=" ") AS ?cases) WHERE {
    { SELECT DISTINCT ?e ?case ?x ?cls ?role WHERE {
      { SELECT DISTINCT ?e ?case WHERE {
          { ?e a dg:Case . BIND(?e AS ?case) } UNION { ?case ?p ?e . ?case a dg:Case }
          UNION { ?y dg:case ?case ; ?q ?e . FILTER(?q != dg:case) } } }
      { ?case dg:presidingJudge|dg:magistrateJudge|dg:panelJudge ?x . BIND(dg:Judge AS ?cls)
        OPTIONAL { ?x dg:judgeRole ?role } }
      UNION { ?case dg:inCourt ?x . BIND(dg:Court AS ?cls) }
      UNION { ?case dg:mentionsPlatform ?x . BIND(dg:Platform AS ?cls) }
      UNION { ?case dg:cites ?x . BIND(dg:Precedent AS ?cls) }
      UNION { ?r dg:case ?case ; dg:firm ?x . BIND(dg:LawFirm AS ?cls) }
      UNION { ?r dg:case ?case ; dg:attorney ?x . BIND(dg:Attorney AS ?cls) }
      UNION { ?r dg:case ?case ; dg:party ?x ; dg:role ?role . BIND(dg:Party AS ?cls) }
      UNION { ?r dg:case ?case ; dg:firm|dg:attorney ?e ; dg:party ?x .
              BIND("client" AS ?role) BIND(dg:Party AS ?cls) }
    } }
  } GROUP BY ?e ?x ?cls ?role }
  OPTIONAL { ?x schema:name ?name }
}"""
_CASE_DOCS = """SELECT ?case ?docket ?court ?caption ?sha ?dn ?kind ?filed WHERE {
  ?case a dg:Case . OPTIONAL { ?case dg:docketNumber ?docket } OPTIONAL { ?case dg:courtKey ?court }
  OPTIONAL { ?case dg:caption ?caption }
  OPTIONAL { ?d dg:filedIn ?case ; dg:sha256 ?sha ; schema:name ?dn .
             OPTIONAL { ?d dg:kind ?kind } OPTIONAL { ?d dg:filed ?filed } } }"""
_DOC_INFO = """SELECT ?d ?dn ?kind ?filed ?path ?case ?len WHERE { ?d a dg:Document ; schema:name ?dn .
  OPTIONAL { ?d dg:kind ?kind } OPTIONAL { ?d dg:textLength ?len } OPTIONAL { ?d dg:filed ?filed } OPTIONAL { ?d dg:path ?path }
  OPTIONAL { ?d dg:filedIn ?case } }"""
_DOC_MENTIONS = """SELECT DISTINCT ?d ?e ?cls ?name ?surface ?sentence ?start ?end WHERE {
  ?m dg:inDocument ?d ; dg:about ?e ; dg:start ?start . ?e a ?cls .
  OPTIONAL { ?m dg:end ?end } OPTIONAL { ?m dg:surface ?surface } OPTIONAL { ?m dg:quote ?sentence }
  OPTIONAL { ?e schema:name ?name } }"""
#: how an entity of each kind takes part in a case (fixed text, chosen by the kind)
_IN_CASE = {
    "LawFirm": "?r dg:firm ?e ; dg:case ?case .",
    "Attorney": "?r dg:attorney ?e ; dg:case ?case .",
    "Judge": "?case dg:presidingJudge|dg:magistrateJudge|dg:panelJudge ?e .",
    "Platform": "?case dg:mentionsPlatform ?e .",
    "Precedent": "?case dg:cites ?e .",
    "Party": "?r dg:party ?e ; dg:case ?case .",
    "Court": "?case dg:inCourt ?e .",
}
_MOST_CONNECTED = """SELECT ?e (MIN(?nm) AS ?name) (COUNT(DISTINCT ?case) AS ?n) WHERE {{
  {{ SELECT DISTINCT ?e ?case WHERE {{ {pattern} ?case a dg:Case }} }}
  OPTIONAL {{ ?e schema:name ?nm }} }} GROUP BY ?e"""
_CASE_FIRST = (
    "SELECT ?case (MIN(?filed) AS ?first) WHERE { ?d dg:filedIn ?case ; dg:filed ?filed } GROUP BY ?case"
)


def _kind(kind: str) -> str:
    """A kind as the user says it (firm, judge...) as its class name (LawFirm, Judge...)."""
    want = _KIND_NAMES.get(kind.strip().lower())
    if want is None:
        raise BadParameter(
            f"unknown kind {kind!r}; known: firm, judge, attorney, party, platform, case, court, precedent"
        )
    return want


def _iri(iri: str) -> str:
    """An entity IRI given by a caller: one of the store's own, else NotFound."""
    if (
        not isinstance(iri, str)
        or not iri.startswith(ID)
        or len(iri) > 2000
        or re.search(r"[\s<>\"{}|^`\\]", iri)
    ):
        raise NotFound(f"nothing is stored under {iri!r}")
    return iri


class KnowledgeGraph:
    """A litigation knowledge graph in a store: a folder, a SPARQL endpoint (``http(s)://``)
    or memory. The store is opened on first use; use it as a context manager, or ``close()``.

    ``KnowledgeGraph.open(store)`` follows the command line's rules (``None``: the
    ``DOCKETGRAPH_STORE`` environment variable or ``./docketgraph-store``; ``MEMORY``: in
    memory). The constructor keeps its older convention (``""`` the default, ``None`` in
    memory).
    """

    def __init__(
        self,
        store: str | os.PathLike | None = "",
        *,
        read_only: bool = False,
        queries_dirs: Iterable[str | os.PathLike] = (),
        aliases: str | os.PathLike | None = None,
        on_notice: Callable[[str], None] | None = None,
    ) -> None:
        #: hears what a loosely given name was taken to mean (the command line prints it on
        #: stderr); without it, notices go to this module's logger
        self.on_notice = on_notice
        self.location: str | None = (
            default_location()
            if store == ""
            else None
            if store is None or store == MEMORY
            else os.fspath(store)
        )
        self.read_only = read_only
        self.aliases = os.fspath(aliases) if aliases is not None else None
        if self.aliases:  # a bad aliases file is an error before any store or file is opened
            from docketgraph.graph.resolve import Aliases

            Aliases.load(self.aliases)
        self.queries_dirs = [Path(d) for d in env_queries_dirs()] + [Path(d) for d in queries_dirs]
        self._registry: Registry | None = None
        self._store: GraphStore | None = None
        self._closed = False

    @classmethod
    def open(
        cls,
        store: str | os.PathLike | None = None,
        *,
        read_only: bool = False,
        queries_dirs: Iterable[str | os.PathLike] = (),
        aliases: str | os.PathLike | None = None,
        on_notice: Callable[[str], None] | None = None,
    ) -> KnowledgeGraph:
        """A knowledge graph on ``store``, opened lazily, as the command line opens it:
        ``None`` is ``$DOCKETGRAPH_STORE`` or ``./docketgraph-store``; a path is a store
        folder; ``http(s)://...`` a SPARQL 1.1 endpoint; ``MEMORY`` (":memory:") in memory.
        ``aliases``: a JSON file forcing or forbidding merges (see graph.resolve);
        ``on_notice``: hears what a loosely given name was taken to mean."""
        return cls(
            "" if store is None else store,
            read_only=read_only,
            queries_dirs=queries_dirs,
            aliases=aliases,
            on_notice=on_notice,
        )

    def __repr__(self) -> str:
        where = self.location if self.location is not None else MEMORY
        state = "closed" if self._closed else "open" if self._store is not None else "not yet opened"
        return f"<KnowledgeGraph {where} ({state}{', read-only' if self.read_only else ''})>"

    # --- the store, opened on first use ----------------------------------------------
    @property
    def store(self) -> GraphStore:
        if self._store is None:
            if self._closed:
                raise StoreError("this KnowledgeGraph is closed")
            st = GraphStore(self.location, read_only=self.read_only)
            st.aliases_path = self.aliases
            self._store = st
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
        self._closed = True

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- saved queries ----------------------------------------------------------------
    @property
    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = Registry([str(d) for d in self.queries_dirs])
        return self._registry

    def saved_queries(self) -> list[SavedQuery]:
        """Every saved query: the built-in ones and the user's (``queries_dirs``)."""
        return self.registry.all()

    @property
    def query_errors(self) -> list[str]:
        """The user's saved queries that could not be read, one message each."""
        return list(self.registry.errors)

    # --- verbs ------------------------------------------------------------------------
    def ingest(
        self,
        paths: str | os.PathLike | Iterable[str | os.PathLike],
        *,
        jobs: int = 1,
        on_file: Callable[[str, str], None] | None = None,
        on_total: Callable[[int], None] | None = None,
        on_summary: Callable[[int], None] | None = None,
        **options: Any,
    ) -> IngestReport:
        """Ingest files and folders (one path or many); ``options``: in_process, timeout (s),
        memory (bytes), dask (a scheduler address).

        Unchanged files are skipped, a changed file replaces what it said before. At the
        end, the summaries of the cases the run touched are rebuilt (``on_summary`` hears
        how many cases each step rebuilt)."""
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        # the store compacts once, after the summaries (a large rebuild compacts them
        # with the loads), not after the loads and again after the summaries
        rep = _ingest(
            self.store, paths, jobs=jobs, on_file=on_file, on_total=on_total, compact=False, **options
        )
        try:
            if rep.fatal is None:
                try:
                    self.store.refresh_summaries(progress=on_summary)
                except DocketGraphError as e:  # the report of what was stored still reaches the caller
                    rep.fatal = f"summaries not rebuilt (the next run rebuilds them): {e}"
        finally:
            if not self.store.remote:
                self.store.compact()
        return rep

    def query(self, name: str, /, **params: Any) -> Result:
        """Run the saved query ``name``; parameters as keywords (``date_from`` / ``date_to``
        for ``from`` / ``to``; ``None`` means not given). Raises UnknownQuery, BadParameter.

        Names forgive (queries.lookup): ``judge="Pacold"`` is Martha M. Pacold when she is
        the only judge of that surname, ``court="N.D. Ill."`` is ``ilnd``; what was taken is
        in ``Result.resolved`` / ``Result.notices`` and told to ``on_notice``. A name that
        fits several entities raises AmbiguousName (listing them), one that fits none
        UnknownName (with the nearest names)."""
        q = self.registry.get(name)
        values, bound, resolved = self._resolve(q, _params(params))
        cols, rows, graph = q.run(self.store, values, keys=bound)
        return Result(
            cols, rows, q, tuple(sorted((k, str(v)) for k, v in values.items())), graph, tuple(resolved)
        )

    def _resolve(
        self, q: Any, values: dict[str, Any]
    ) -> tuple[dict[str, Any], dict[str, str], list[lookup.Resolved]]:
        """``values`` for the parameters ``q`` declares (a saved query or a chart), names,
        courts and roles resolved (queries.lookup) and what was taken told to ``on_notice``;
        an unknown parameter is refused before any lookup."""
        for k in values:
            q.param(k)
        values, bound, resolved = lookup.resolve_params(self.store, q.params, values)
        for r in resolved:
            if r.notice:
                self._notice(r.notice)
        return values, bound, resolved

    def _notice(self, message: str) -> None:
        if self.on_notice is not None:
            self.on_notice(message)
        else:
            log.info("%s", message)

    def resolve(self, name: str, kind: str | None = None) -> lookup.Match:
        """The one stored entity ``name`` means (``kind``: firm, judge, attorney, party,
        platform, case, court, precedent; None for any), as ``view --entity`` and the
        saved queries' name parameters find it: a stored spelling, else a unique surname,
        set of words, prefix or fuzzy match. Raises AmbiguousName (listing the candidates
        with kind and case counts) or UnknownName (with "did you mean")."""
        kinds = None
        if kind is not None:
            want = _KIND_NAMES.get(kind.strip().lower())
            if want is None:
                raise BadParameter(
                    f"unknown kind {kind!r}; known: firm, judge, attorney, party, "
                    "platform, case, court, precedent"
                )
            kinds = (want,)
        m = lookup.resolve_name(self.store, name, kinds, by="id", what=kind)
        if not m.exact:
            self._notice(m.notice(kind))
        return m

    def to_networkx(self, projection: str = "firm-judge", /, **params: Any) -> nx.Graph:
        """A network of entities as a networkx graph: ``firm-judge``, ``co-counsel``,
        ``attorneys``, ``citations`` (directed) or ``platform-firm``. Parameters: ``court``,
        ``date_from`` / ``date_to``, ``firm`` (attorneys, co-counsel), ``by`` (citations:
        "firm" or "case"). Nodes have kind, label, key and court; edges weight (cases),
        dockets, case_ids, first and last; plain values, ready for ``nx.write_gexf``."""
        return projection_graph(self.store, projection, _params(params))

    def network(self, name: str = "firm-judge", /, **params: Any) -> nx.Graph:
        """The network ``name`` (one of ``PROJECTIONS``) as a networkx graph: the same as
        :meth:`to_networkx`, the name the web app and ``export --network`` use."""
        return self.to_networkx(name, **params)

    def export_network(
        self, name: str, fmt: str = "gexf", path: str | os.PathLike | None = None, /, **params: Any
    ) -> bytes:
        """The network ``name`` as a file for Gephi, yEd or a notebook: ``gexf``,
        ``graphml`` or ``csv`` (Gephi's edges table; the nodes table goes beside ``path``
        as ``NAME.nodes.csv``, see ``networks.nodes_path``). Nodes carry kind, label (the
        entity's name), key and court; edges an integer weight (cases), first and last
        filing dates and the dockets. Returns the file's bytes (for csv, the edges
        table's); with ``path``, also written there atomically. Parameters as for
        :meth:`to_networkx`."""
        f = (fmt or "").lower().lstrip(".")
        if f not in NETWORK_FORMATS:
            raise BadParameter(f"unknown network format {fmt!r}; known: {', '.join(NETWORK_FORMATS)}")
        G = self.network(name, **params)
        if f == "csv":
            data, nodes = network_csv(G)
            if path is not None:
                atomic_write(nodes_path(path), nodes)
        else:
            data = network_bytes(G, f)
        if path is not None:
            atomic_write(Path(path), data)
        return data

    # --- counts over time ----------------------------------------------------------------
    def charts(self) -> list[tuple[str, str]]:
        """The charts (name, description): the saved queries that have dates."""
        return [(c.name, c.description) for c in CHARTS.values()]

    def counts_over_time(self, name: str = "schedule-a-cases", /, **params: Any) -> MonthCounts:
        """Cases per month for the chart ``name`` (``schedule-a-cases``: Schedule A cases by
        court; ``judges-for-firm``: the cases of a ``firm``; ``firms-for-judge``: the cases
        before a ``judge``), with that saved query's parameters (``court``, ``firm``,
        ``judge``, ``date_from`` / ``date_to``), bound, never pasted into the query. A case
        counts in the month of its earliest stored filing; see queries.timeline. Names
        forgive as in :meth:`query` (``firm="Calder Wynn"``), and what was taken is told to
        ``on_notice``."""
        values = _params(params)
        spec = CHARTS.get(name)
        bound: dict[str, str] = {}
        if spec is not None:
            values, bound, resolved = self._resolve(spec, {k: v for k, v in values.items() if v is not None})
            for r in resolved:
                if r.match is not None and r.param in bound:
                    values[r.param] = r.match.candidate.name  # the chart's title names what was taken
        return counts_over_time(self.store, name, values, keys=bound)

    def chart(
        self, name: str = "schedule-a-cases", out: str | os.PathLike | None = None, /, **params: Any
    ) -> Path:
        """Draw :meth:`counts_over_time` as a chart file: ``.svg``, ``.png`` or ``.html`` (a
        small offline page with the SVG inline and the counts); default
        ``output/NAME-....svg``. Returns the path. ``queries.charts.chart_svg`` gives the
        same chart as SVG text, for a page of one's own."""
        from docketgraph.queries.charts import write_chart  # draws with matplotlib: imported when used

        counts = self.counts_over_time(name, **params)
        target = Path(out) if out is not None else default_out(name, counts.params).with_suffix(".svg")
        return write_chart(counts, target)

    def extract(self, path: str | os.PathLike, *, provenance: bool = False) -> dict:
        """One file's extraction in the gold schema (corpus/SCHEMA.md), without the store;
        ``provenance`` adds each item's character spans."""
        return extract_file(path).to_gold(provenance=provenance)

    def entity(self, name: str, kind: str | None = None) -> Entity:
        """The stored entity best matching ``name`` (fuzzy; ``kind``: firm, judge, attorney,
        party, platform, case, court, precedent): its spellings, the filings that name it,
        its cases, the merges that joined other spellings to it and the sentences behind it.
        The name is matched as :meth:`resolve` does: NotFound (UnknownName) when nothing
        resembles it, AmbiguousName when several entities fit it equally."""
        c = self.resolve(name, kind).candidate
        return self._entity(c.ids[0], c.kind, c.name)

    def _entity(self, iri: str, kind: str, name: str) -> Entity:
        e = {"e": ox.NamedNode(iri)}
        st = self.store
        key = st.query(_ENTITY_KEY, e)[1]
        docs: dict[str, dict] = {}
        for r in st.query(_ENTITY_DOCS, {**e, "cls": ox.NamedNode(_dg(kind))})[1]:
            d = docs.setdefault(
                r["sha"], {"document": r["dn"], "sha256": r["sha"], "filed": r.get("filed"), "paths": []}
            )
            if r.get("path") and r["path"] not in d["paths"]:
                d["paths"].append(r["path"])
        merges = tuple(
            {"surface": r["surface"], "reason": r["reason"], "document": r["dn"]}
            for r in st.query(_ENTITY_MERGES, e)[1]
        )
        evidence = tuple(
            {
                "document": r["docname"],
                "filed": r.get("filed"),
                "sentence": r["sentence"],
                "start": r["start"],
            }
            for r in st.query(_EVIDENCE_ENTITY_SPARQL, e)[1]
        )
        return Entity(
            id=iri,
            kind=kind,
            name=name,
            key=key[0].get("key") if key else None,
            spellings=tuple(r["s"] for r in st.query(_ENTITY_NAMES, e)[1]),
            documents=tuple(dict(d, paths=tuple(d["paths"])) for d in docs.values()),
            cases=tuple(r["docket"] for r in st.query(_ENTITY_CASES, e)[1]),
            merges=merges,
            evidence=evidence,
        )

    # --- reading one entity, one document, the cases behind a count (the web app's needs)
    def search(self, text: str, *, kind: str | None = None, limit: int = 20) -> list[dict]:
        """Entities whose names resemble ``text`` (rapidfuzz), best first: dicts with
        ``id`` (the IRI), ``kind``, ``name`` and ``score``. ``kind`` as for :meth:`entity`."""
        want = _kind(kind) if kind else None
        return search_entities(self.store, text[:500], kind=want, limit=max(1, min(limit, 500)))

    def entity_at(self, iri: str) -> Entity:
        """The entity stored under ``iri`` (as :meth:`entity` describes it). Raises NotFound."""
        label = self.label(iri)
        return self._entity(iri, label["kind"], label["name"])

    def label(self, iri: str) -> dict:
        """The kind and name of the entity stored under ``iri`` (``id``, ``kind``, ``name``),
        without the rest of :meth:`entity_at`. Raises NotFound."""
        e = {"e": ox.NamedNode(_iri(iri))}
        rows = [r for r in self.store.query(_ENTITY_CLASS, e)[1] if r["cls"].startswith(NS)]
        rows = [r for r in rows if r["cls"][len(NS) :] in _ENTITY_KINDS]
        if not rows:
            raise NotFound(f"nothing is stored under {iri!r}")
        return {"id": iri, "kind": rows[0]["cls"][len(NS) :], "name": rows[0].get("name") or iri}

    def related(self, iri: str) -> dict[str, list[dict]]:
        """The entities that share cases with the entity ``iri``, by kind (Court, Judge,
        LawFirm, Attorney, Party, Platform, Precedent, and "Client" for the parties a firm
        or attorney appeared for): dicts with ``id``, ``name``, ``detail`` (a judge's or
        party's role) and ``cases`` (the case IRIs behind the link), most cases first."""
        e = {"e": ox.NamedNode(_iri(iri))}
        out: dict[str, dict[str, dict]] = {}
        for r in self.store.query(_RELATED, e)[1]:
            kind = r["cls"].rsplit("#", 1)[-1]
            if r["x"] == iri or kind not in _ENTITY_KINDS:
                continue
            if kind == "Party" and r.get("role") == "client":
                kind = "Client"
            d = out.setdefault(kind, {}).setdefault(
                r["x"], {"id": r["x"], "name": None, "detail": set(), "cases": set()}
            )
            name = r.get("name")
            if name and (d["name"] is None or str(name) < str(d["name"])):
                d["name"] = name  # an entity of several names: the first in order
            if r.get("role") and r["role"] != "client":
                d["detail"].add(r["role"])
            d["cases"].update(str(r.get("cases") or "").split())
        return {
            k: sorted(
                (
                    dict(
                        d,
                        name=d["name"] or d["id"],
                        detail=", ".join(sorted(d["detail"])),
                        cases=sorted(d["cases"]),
                    )
                    for d in v.values()
                ),
                key=lambda d: (-len(d["cases"]), str(d["name"]).casefold()),
            )
            for k, v in out.items()
        }

    def cases_with(self, iris: Iterable[str]) -> list[str]:
        """The IRIs of the cases in which every entity of ``iris`` takes part (a case IRI
        stands for itself)."""
        found: set[str] | None = None
        for iri in list(iris)[:8]:
            cases = {r["case"] for r in self.store.query(_CASES_OF, {"e": ox.NamedNode(_iri(iri))})[1]}
            found = cases if found is None else found & cases
        return sorted(found or ())

    def cases(self, iris: Iterable[str]) -> list[dict]:
        """The cases ``iris`` as dicts: ``id``, ``docket``, ``court``, ``caption``,
        ``first`` / ``last`` (filing dates of their stored documents) and ``documents``
        (each ``sha256``, ``name``, ``kind``, ``filed``), ordered by first filing date."""
        out = []
        for iri in dict.fromkeys(iris):
            rows = self.store.query(_CASE_DOCS, {"case": ox.NamedNode(_iri(iri))})[1]
            if not rows:
                continue
            docs: dict[str, dict] = {}
            for r in rows:
                if r.get("sha"):
                    docs.setdefault(
                        r["sha"],
                        {
                            "sha256": r["sha"],
                            "name": r.get("dn"),
                            "kind": r.get("kind"),
                            "filed": r.get("filed"),
                        },
                    )
            dates = sorted(str(d["filed"]) for d in docs.values() if d["filed"])
            first = rows[0]
            out.append(
                {
                    "id": iri,
                    "docket": min((str(r["docket"]) for r in rows if r.get("docket")), default=None),
                    "court": first.get("court"),
                    "caption": next((r["caption"] for r in rows if r.get("caption")), None),
                    "first": dates[0] if dates else None,
                    "last": dates[-1] if dates else None,
                    "documents": sorted(docs.values(), key=lambda d: (str(d["filed"] or ""), str(d["name"]))),
                }
            )
        out.sort(key=lambda c: (c["first"] or "9999", c["docket"] or ""))
        return out

    def document(self, sha256: str) -> dict:
        """One stored document: ``sha256``, ``name``, ``kind``, ``filed``, ``paths``,
        ``cases`` (IRIs) and ``mentions``, what it contributed (each ``id``, ``kind``,
        ``name`` of the entity, and the ``surface``, ``start``, ``end`` and ``sentence``
        the text said it with), in text order. Raises NotFound."""
        sha = sha256.strip().lower()
        if not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise NotFound(f"no document {sha256!r}")
        d = {"d": ox.NamedNode(keys.document_iri(sha))}
        info = self.store.query(_DOC_INFO, d)[1]
        if not info:
            raise NotFound(f"no document {sha256!r}")
        found: dict[tuple, dict] = {}
        for r in self.store.query(_DOC_MENTIONS, d)[1]:
            kind = r["cls"].rsplit("#", 1)[-1]
            if kind not in _ENTITY_KINDS:
                continue
            at = (r["e"], r.get("start"), r.get("end"))
            if at in found and len(str(found[at]["name"])) >= len(str(r.get("name") or "")):
                continue  # an entity of several names: its longest
            found[at] = {
                "id": r["e"],
                "kind": kind,
                "name": r.get("name") or r["e"],
                "surface": r.get("surface"),
                "sentence": r.get("sentence"),
                "start": r.get("start"),
                "end": r.get("end"),
            }
        mentions = list(found.values())
        mentions.sort(key=lambda m: (m["start"] if isinstance(m["start"], int) else 0, m["kind"]))
        return {
            "sha256": sha,
            "name": info[0].get("dn"),
            "kind": info[0].get("kind"),
            "filed": info[0].get("filed"),
            "paths": sorted({r["path"] for r in info if r.get("path")}),
            "text_length": info[0].get("len"),
            "cases": sorted({r["case"] for r in info if r.get("case")}),
            "mentions": mentions,
        }

    def document_text(self, sha256: str, *, timeout: float = 60.0) -> str | None:
        """The text a stored document was read as (the text its mentions' ``start`` and
        ``end`` index), read again, in a worker process with ingest's limits, from a path it
        was ingested from whose content is still the same. None when no such file is left
        (the store keeps the sentences, not the whole text). Raises NotFound."""
        from docketgraph.queries import workers

        d = self.document(sha256)
        for path in d["paths"]:
            if not os.path.isfile(path) or _file_sha(path) != d["sha256"]:
                continue
            for o in workers.run([path], jobs=1, timeout=timeout, func=workers.read_one):
                if o.error is None and o.text is not None:
                    if d.get("text_length") in (None, len(o.text)):
                        return o.text
        return None

    def most_connected(self, kind: str, limit: int = 10) -> list[dict]:
        """The entities of ``kind`` (firm, judge, ...) that take part in the most cases:
        dicts with ``id``, ``name`` and ``cases`` (their number), most first."""
        pattern = _IN_CASE.get(_kind(kind))
        if pattern is None:
            raise BadParameter(f"{kind!r} takes no part in cases as such; ask for firms, judges, courts...")
        rows = self.store.query(_MOST_CONNECTED.format(pattern=pattern))[1]
        out = [{"id": r["e"], "name": r.get("name") or r["e"], "cases": int(r["n"])} for r in rows]
        out.sort(key=lambda r: (-r["cases"], str(r["name"]).casefold()))
        return out[: max(0, limit)]

    def case_first_dates(self) -> dict[str, str]:
        """Every case's earliest stored filing date (ISO), by case IRI; undated cases left out."""
        return {r["case"]: str(r["first"]) for r in self.store.query(_CASE_FIRST)[1] if r.get("first")}

    def entities(self, kind: str = "firm") -> Result:
        """Every entity of a kind, with how many filings and spellings name it."""
        cols, rows = ent.list_entities(self.store, kind)
        return Result(cols, rows)

    def explain(self, name: str, kind: str = "firm") -> Result:
        """How the entities of ``kind`` best matching ``name`` were resolved: one row per
        IRI, spelling, filing and merge (columns entity, what, value, document, detail)."""
        rows = ent.explain(self.store, kind, name)
        if not rows:
            raise NotFound(f"no {kind} matches {name!r}")
        return Result(["entity", "what", "value", "document", "detail"], rows)

    def remove(
        self, paths_or_document_ids: str | os.PathLike | Iterable[str | os.PathLike], *, dry_run: bool = False
    ) -> RemoveReport:
        """Take filings out of the graph: by path (a file, or a folder for every filing
        ingested from under it; a file whose content is stored under another path works
        too) or by document id (the content hash, sha256, or at least 8 of its first hex
        digits).

        A document's assertions and the relations derived from them go, entities no other
        document names disappear, the merges it recorded are undone and the summaries are
        rebuilt; ingesting the file again brings back exactly what was there. A path that
        the same content is also stored under elsewhere is only forgotten. Nothing is
        removed if any argument matches nothing stored (NotFound); ``dry_run`` reports
        without removing."""
        if isinstance(paths_or_document_ids, (str, os.PathLike)):
            paths_or_document_ids = [paths_or_document_ids]
        st = self.store
        listing: dict[str, set[str]] = {}  # every document's paths, read only when needed

        def every_document() -> dict[str, set[str]]:
            if not listing:
                for r in st.query(_DOCS)[1]:
                    listing.setdefault(r["sha"], set()).update([r["path"]] if r.get("path") else [])
            return listing

        whole: dict[str, None] = {}
        forget: dict[tuple[str, str], None] = {}
        missing: list[str] = []
        for arg in paths_or_document_ids:
            a = os.fspath(arg)
            if _SHA.fullmatch(a.lower()) and not os.path.exists(a):
                if len(a) == 64:
                    found = [a.lower()] if st.has_document(a.lower()) else []
                else:
                    found = [s for s in every_document() if s.startswith(a.lower())]
                if len(found) > 1:
                    raise BadParameter(f"document id {a} is ambiguous: {len(found)} documents start with it")
                whole.update(dict.fromkeys(found))
                if not found:
                    missing.append(a)
                continue
            p = os.path.abspath(a)
            hits = [(s, p) for s in st.documents_for_path(p)]
            if not hits and not os.path.isfile(p):  # a folder, or a file since deleted
                under = p.rstrip(os.sep) + os.sep
                hits = [
                    (s, q) for s, qs in every_document().items() for q in sorted(qs) if q.startswith(under)
                ]
            if not hits and os.path.isfile(p):  # the same content, stored from elsewhere
                sha = _file_sha(p)
                if sha and st.has_document(sha):
                    whole[sha] = None
                    continue
            forget.update(dict.fromkeys(hits))
            if not hits:
                missing.append(a)
        if missing:
            raise NotFound("nothing stored for " + ", ".join(repr(m) for m in missing))
        paths = {sha: set(st.document_paths(sha)) for sha in {*whole, *(k[0] for k in forget)}}
        for s in {k[0] for k in forget}:  # every path of a document named: the document goes
            if paths[s] <= {q2 for s2, q2 in forget if s2 == s}:
                whole[s] = None
        forget = {k: None for k in forget if k[0] not in whole}
        report = self._removal(list(whole), paths, list(forget), dry_run)
        if not dry_run:
            for s in whole:
                st.remove_document(s, refresh=False)
            for s, q in forget:
                st.forget_path(s, q)
            if whole:
                st.refresh_summaries()
            st.flush()
        return report

    def _removal(
        self, shas: list[str], paths: dict[str, set[str]], forget: list[tuple[str, str]], dry_run: bool
    ) -> RemoveReport:
        """What removing these documents takes out, read before it is done."""
        names = {
            r["sha"]: r["name"]
            for sha in shas
            for r in self.store.query(_DOC_NAME, {"sha": ox.Literal(sha)})[1]
        }
        docs = tuple(RemovedDocument(s, names.get(s, s), tuple(sorted(paths[s]))) for s in shas)
        entities: tuple[dict, ...] = ()
        merges: tuple[dict, ...] = ()
        if shas:
            graphs = [str(ox.NamedNode(keys.graph_iri(s))) for s in shas]
            classes = ", ".join(str(ox.NamedNode(_dg(k))) for k in _ENTITY_KINDS)
            named = self.store.query(_NAMED_IN.format(graphs=" ".join(graphs), classes=classes))[1]
            elsewhere = _NAMED_ELSEWHERE.format(graphs=", ".join(graphs))
            entities = tuple(
                {"kind": r["cls"].rsplit("#", 1)[-1], "name": r.get("name"), "id": r["e"]}
                for r in named
                if not self.store.query(
                    elsewhere, {"e": ox.NamedNode(r["e"]), "cls": ox.NamedNode(r["cls"])}
                )[1]
            )
            merges = tuple(
                {
                    "surface": r["surface"],
                    "entity": r.get("name") or r["e"],
                    "reason": r["reason"],
                    "document": r["dn"],
                }
                for r in self.store.query(_MERGES.format(graphs=" ".join(graphs)))[1]
            )
        return RemoveReport(docs, tuple(forget), entities, merges, dry_run)

    def evidence(self, res: Result, *, per_row: int = 10) -> Result:
        """The result with an ``evidence`` column: for each row, the cases and the filings
        (file name, path, date) and the sentences that support it."""
        rows = [dict(r, evidence=self.row_evidence(r, per_row=per_row)) for r in res.rows]
        cols = res.columns + (["evidence"] if "evidence" not in res.columns else [])
        return replace(res, columns=cols, rows=rows)

    def row_evidence(self, row: dict, *, per_row: int = 10) -> list[dict]:
        iris: list[str] = []
        for v in row.values():
            if isinstance(v, str):
                for part in v.split():
                    if part.startswith(ID) and part not in iris:
                        iris.append(part)
        cases = [i for i in iris if i.startswith(ID + "case/")][:20]
        entities = [i for i in iris if not i.startswith(ID + "case/")][:4]
        found: list[dict] = []
        seen: set = set()

        def add(r: dict) -> None:
            key = (r.get("docname"), r.get("sentence"))
            if key in seen or len(found) >= per_row:
                return
            seen.add(key)
            found.append(
                {
                    "case": r.get("docket"),
                    "document": r.get("docname"),
                    "path": r.get("path"),
                    "filed": r.get("filed"),
                    "sentence": r.get("sentence"),
                }
            )

        for c in cases:
            if entities:
                for e in entities:
                    _, rs = self.store.query(
                        _EVIDENCE_SPARQL, {"case": ox.NamedNode(c), "e": ox.NamedNode(e)}
                    )
                    for r in rs:
                        add(r)
            else:
                _, rs = self.store.query(_EVIDENCE_CASE_SPARQL, {"case": ox.NamedNode(c)})
                for r in rs:
                    add(r)
        if not cases:
            for e in entities:
                _, rs = self.store.query(_EVIDENCE_ENTITY_SPARQL, {"e": ox.NamedNode(e)})
                for r in rs:
                    add(r)
        return found

    def sparql(self, text: str, *, limit: int | None = None, timeout: float | None = None) -> Result:
        """An ad hoc query; ``limit`` stops evaluation after that many rows; ``timeout``
        (seconds) stops a query that runs longer (on a store folder, the query runs in a
        child process; on a SPARQL server, it is the request's deadline)."""
        from docketgraph.graph.store import PREFIXES
        from docketgraph.queries import guard

        if guard.mentions_service(text):  # decided on the parsed query (queries.guard)
            guard.check_query(text, PREFIXES)
        limit = None if limit is None else max(limit, 0)
        loc = self.store.location
        if timeout is not None and self.store.remote:
            self.store._store.timeout = timeout
        if timeout is not None and loc is not None and not self.store.remote:
            from docketgraph.queries.workers import query_with_timeout

            cols, rows = query_with_timeout(loc, text, timeout=timeout, limit=limit)
        else:
            cols, rows = self.store.query(text, limit=limit)
        return Result(cols, rows)

    def stats(self, *, quads: bool = True) -> dict[str, int]:
        """How many documents, cases, judges, firms... the store holds, by kind, and (with
        ``quads``) how many quads. Counting the quads reads every one of them (seconds at
        10,000 cases); the kinds are read from the type index, so pages that show only the
        kinds pass ``quads=False``."""
        q = """SELECT ?kind (COUNT(DISTINCT ?s) AS ?n) WHERE {
                 VALUES ?kind { dg:Document dg:Case dg:Court dg:Judge dg:LawFirm dg:Attorney
                                dg:Party dg:Platform dg:Precedent dg:Appearance }
                 ?s a ?kind } GROUP BY ?kind"""
        _, rows = self.store.query(q)
        out = {r["kind"].rsplit("#", 1)[-1]: r["n"] for r in rows}
        for k in (
            "Document",
            "Case",
            "Court",
            "Judge",
            "LawFirm",
            "Attorney",
            "Party",
            "Platform",
            "Precedent",
            "Appearance",
        ):
            out.setdefault(k, 0)
        if quads:
            out["quads"] = len(self.store)
        return out

    def view(
        self, name: str, out: str | os.PathLike | None = None, /, *, top: int | None = None, **params: Any
    ) -> Path:
        """Write an interactive HTML view of a graph-shaped saved query; returns its path.
        A query that has dates (``charts()``) gets its cases per month beside the graph."""
        res = self.query(name, **params)
        chart = self._view_chart(name, params) if name in CHARTS else None
        return render_query_view(self, res, out, top=top, chart=chart)

    #: the chart drawn in an entity's view, by kind: the chart and its parameter
    _ENTITY_CHARTS = {
        "LawFirm": ("judges-for-firm", "firm"),
        "Judge": ("firms-for-judge", "judge"),
        "Court": ("schedule-a-cases", "court"),
    }

    def _view_chart(self, name: str, params: dict[str, Any]) -> Any:
        """Cases per month as inline SVG for a view, or None when no case has a date (or
        matplotlib is missing: the view is drawn without it)."""
        try:
            counts = self.counts_over_time(name, **params)
        except DocketGraphError:
            return None
        if not counts.total:
            return None
        try:
            from docketgraph.queries.charts import chart_svg  # matplotlib: imported when drawn
        except ImportError:
            return None
        return Markup(chart_svg(counts, inline=True))

    def view_entity(
        self,
        name: str,
        out: str | os.PathLike | None = None,
        *,
        depth: int = 2,
        top: int | None = None,
        kind: str | None = None,
    ) -> Path:
        """Write an HTML view of the neighbourhood of the entity ``name`` means (matched as
        :meth:`resolve` does; ``kind`` narrows it; ties are refused with the candidates),
        or of the entity whose IRI ``name`` is."""
        if name.startswith(ID):  # an entity's IRI (the web app's entity pages): that entity
            lab = self.label(name)
            center = {"id": lab["id"], "kind": lab["kind"], "name": lab["name"], "score": 100.0}
            name = lab["name"]
        else:
            m = self.resolve(name, kind)  # a loose name is told there
            c = m.candidate
            if m.exact:
                self._notice(f"drawing the neighbourhood of {c.describe()}")
            center = {"id": c.ids[0], "kind": c.kind, "name": c.name, "score": round(m.score or 100.0, 1)}
        chart = None
        if center["kind"] in self._ENTITY_CHARTS:
            chart_name, param = self._ENTITY_CHARTS[center["kind"]]
            chart = self._view_chart(chart_name, {param: center["name"]})
        return render_entity_view(self, name, out, depth=depth, top=top, center=center, chart=chart)

    def serve(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 8765,
        allow_ingest: bool = False,
        query_timeout: float = 30.0,
        upload_dir: str | os.PathLike | None = None,
    ) -> None:
        """Serve this graph in the browser until interrupted (``docketgraph serve``): the
        web app of ``docketgraph.queries.web``, on loopback by default. Uploads need
        ``allow_ingest`` (and a graph not opened read-only)."""
        if allow_ingest and self.read_only:
            raise BadParameter("uploads need a graph opened for writing (read_only=False)")
        from docketgraph.queries.web.app import serve

        serve(
            self,
            host=host,
            port=port,
            allow_ingest=allow_ingest,
            query_timeout=query_timeout,
            upload_dir=os.fspath(upload_dir) if upload_dir is not None else None,
        )

    def export(self, fmt: str, path: str | os.PathLike | None = None) -> bytes:
        """The whole graph in an interchange format: ttl, nq, trig, jsonld, graphml, gexf,
        csv (see docketgraph.graph.exchange). With ``path``, also written there atomically
        (a reader never sees half a file)."""
        data = export_store(self.store, fmt)
        if path is not None:
            atomic_write(Path(path), data)
        return data


def _dg(local: str) -> str:
    return NS + local


def _file_sha(path: str) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()
