"""The library facade: one ``KnowledgeGraph`` with one method per verb.

    from docketgraph.queries import KnowledgeGraph
    kg = KnowledgeGraph("docketgraph-store")
    kg.ingest(["filings/"])
    cols, rows = kg.query("firms-before-judges", court="ilnd")
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from docketgraph.graph.errors import BadParameter, QueryError
from docketgraph.graph.store import GraphStore, default_location
from docketgraph.graph.vocab import ID
from docketgraph.queries.ingesting import IngestReport, ingest as _ingest
from docketgraph.queries.registry import Registry
from docketgraph.queries.saved import SavedQuery, run_python


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[dict]
    query: SavedQuery | None = None
    params: tuple[tuple[str, str], ...] = ()
    graph: Any = None  # a networkx graph, for Python queries whose answer is a graph

    @property
    def visible_columns(self) -> list[str]:
        """Columns for tables: the query's hidden ones (IRIs kept for evidence) left out."""
        hidden = set(self.query.hidden) if self.query is not None else set()
        # a name parameter's column holds the entity's key; its *_label column is shown instead
        hidden |= {c for c in self.columns if f"{c}_label" in self.columns}
        return [c for c in self.columns if c not in hidden]

    def sorted(self, spec: str) -> Result:
        """Rows sorted by ``spec``: comma-separated columns, ``-col`` for descending."""
        rows = list(self.rows)
        keys = [k.strip() for k in spec.split(",") if k.strip()]
        for k in reversed(keys):
            desc = k.startswith("-")
            col = k.lstrip("-")
            if col not in self.columns:
                raise BadParameter(f"cannot sort by {col!r}; columns: {', '.join(self.columns)}")
            present = [r for r in rows if r.get(col) is not None]
            missing = [r for r in rows if r.get(col) is None]
            present.sort(key=lambda r: _sort_key(r.get(col)), reverse=desc)
            rows = present + missing
        return replace(self, rows=rows)

    def limited(self, n: int | None) -> Result:
        return self if n is None else replace(self, rows=self.rows[: max(n, 0)])


def _sort_key(v: Any) -> tuple:
    if isinstance(v, bool):
        return (0, int(v), "")
    if isinstance(v, (int, float)):
        return (0, v, "")
    return (1, 0, str(v).casefold())


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


class KnowledgeGraph:
    """A litigation knowledge graph in a store (a folder, or in memory with ``None``)."""

    def __init__(self, store: str | os.PathLike | None = "", *, read_only: bool = False,
                 queries_dirs: Iterable[str | os.PathLike] = ()):
        location = default_location() if store == "" else store
        self.store = GraphStore(location, read_only=read_only)
        self.queries_dirs = [Path(d) for d in env_queries_dirs()] + [Path(d) for d in queries_dirs]
        self._registry: Registry | None = None

    # --- registry ----------------------------------------------------------------
    @property
    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = Registry(self.queries_dirs)
        return self._registry

    def saved_queries(self) -> list[SavedQuery]:
        return self.registry.all()

    # --- verbs -------------------------------------------------------------------
    def ingest(self, paths: Iterable[str | os.PathLike], *, jobs: int = 1,
               on_file: Callable[[str, str], None] | None = None,
               on_total: Callable[[int], None] | None = None,
               on_summary: Callable[[int], None] | None = None, **options: Any) -> IngestReport:
        """Ingest files and folders; ``options``: in_process, timeout (s), memory (bytes).

        At the end, the summaries of the cases the run touched are rebuilt (``on_summary``
        hears how many cases each step rebuilt); a run stopped part way leaves marks instead,
        and the saved queries take their exact path until the next run rebuilds them."""
        rep = _ingest(self.store, paths, jobs=jobs, on_file=on_file, on_total=on_total, **options)
        self.store.refresh_summaries(progress=on_summary)
        return rep

    def query(self, name: str, /, **params: Any) -> Result:
        q = self.registry.get(name)
        values = {k: v for k, v in params.items() if v is not None}
        graph = None
        if q.python is not None:
            for k in values:
                q.param(k)
            out = run_python(q, self.store, values)
            cols, rows = out[0], out[1]
            graph = out[2] if len(out) > 2 else None
        else:
            strs = {k: str(v) for k, v in values.items()}
            bindings = q.bindings(strs)
            for p in q.params:  # names are matched through every stored spelling
                if p.type in ("firm", "key") and p.name in bindings:
                    key = self.store.key_for_alias(bindings[p.name].value)
                    if key is not None:
                        bindings[p.name] = type(bindings[p.name])(key)
            resolved = {}
            for p in q.params:  # the same for parameters delivered through functions
                if p.type in ("firm", "key") and p.name in q.function_params and p.name in strs:
                    term = p.bind(strs[p.name])
                    key = self.store.key_for_alias(term.value) if term is not None else None
                    if key is not None:
                        resolved[p.name] = type(term)(key)
            if (q.summary is not None and not any(strs.get(u) for u in q.summary_unless)
                    and self.store.summaries_current()):
                # the same answer from the summaries (queries.summarised)
                terms = {**{k: t.value for k, t in bindings.items()},
                         **{k: t.value for k, t in q.function_terms(strs, resolved).items()}}
                cols, rows = q.summary(self.store, terms)
            else:
                cols, rows = self.store.query(q.sparql, bindings,
                                              custom_functions=q.functions(strs, resolved))
        return Result(cols, rows, q, tuple(sorted((k, str(v)) for k, v in values.items())), graph)

    def evidence(self, res: Result, *, per_row: int = 10) -> Result:
        """The result with an ``evidence`` column: for each row, the cases and the filings
        (file name, path, date) and the sentences that support it."""
        rows = [dict(r, evidence=self.row_evidence(r, per_row=per_row)) for r in res.rows]
        cols = res.columns + (["evidence"] if "evidence" not in res.columns else [])
        return replace(res, columns=cols, rows=rows)

    def row_evidence(self, row: dict, *, per_row: int = 10) -> list[dict]:
        import pyoxigraph as ox
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
            found.append({"case": r.get("docket"), "document": r.get("docname"),
                          "path": r.get("path"), "filed": r.get("filed"),
                          "sentence": r.get("sentence")})

        for c in cases:
            if entities:
                for e in entities:
                    _, rs = self.store.query(_EVIDENCE_SPARQL, {"case": ox.NamedNode(c), "e": ox.NamedNode(e)})
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

    def sparql(self, text: str) -> Result:
        import re
        if re.search(r"\b(SERVICE|LOAD)\b", text, re.I):
            raise QueryError("SERVICE and LOAD are not allowed")
        cols, rows = self.store.query(text)
        return Result(cols, rows)

    def stats(self) -> dict[str, int]:
        q = """SELECT ?kind (COUNT(DISTINCT ?s) AS ?n) WHERE {
                 VALUES ?kind { dg:Document dg:Case dg:Court dg:Judge dg:LawFirm dg:Attorney
                                dg:Party dg:Platform dg:Precedent dg:Appearance }
                 ?s a ?kind } GROUP BY ?kind"""
        _, rows = self.store.query(q)
        out = {r["kind"].rsplit("#", 1)[-1]: r["n"] for r in rows}
        for k in ("Document", "Case", "Court", "Judge", "LawFirm", "Attorney", "Party",
                  "Platform", "Precedent", "Appearance"):
            out.setdefault(k, 0)
        out["quads"] = len(self.store)
        return out

    def view(self, name: str, out: str | os.PathLike | None = None, /, *, top: int | None = None,
             **params: Any) -> Path:
        """Write an interactive HTML view of a graph-shaped saved query; returns its path."""
        from docketgraph.queries.views import render_query_view
        res = self.query(name, **params)
        return render_query_view(self, res, out, top=top)

    def view_entity(self, name: str, out: str | os.PathLike | None = None, *, depth: int = 2,
                    top: int | None = None) -> Path:
        """Write an HTML view of the neighbourhood of the entity best matching ``name``."""
        from docketgraph.queries.views import render_entity_view
        return render_entity_view(self, name, out, depth=depth, top=top)

    def export(self, fmt: str) -> bytes:
        """The whole graph in an interchange format (see docketgraph.graph.exchange)."""
        from docketgraph.graph.exchange import export_store
        return export_store(self.store, fmt)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
