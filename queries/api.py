"""The library facade: one ``KnowledgeGraph`` with one method per verb.

    from docketgraph.queries import KnowledgeGraph
    kg = KnowledgeGraph("docketgraph-store")
    kg.ingest(["filings/"])
    cols, rows = kg.query("firms-before-judges", court="ilnd")
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from docketgraph.graph.errors import QueryError
from docketgraph.graph.store import GraphStore, default_location
from docketgraph.queries.ingesting import IngestReport, ingest as _ingest
from docketgraph.queries.saved import Registry, SavedQuery, run_python


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[dict]
    query: SavedQuery | None = None
    params: tuple[tuple[str, str], ...] = ()


class KnowledgeGraph:
    """A litigation knowledge graph in a store (a folder, or in memory with ``None``)."""

    def __init__(self, store: str | os.PathLike | None = "", *, read_only: bool = False,
                 queries_dirs: Iterable[str | os.PathLike] = ()):
        location = default_location() if store == "" else store
        self.store = GraphStore(location, read_only=read_only)
        self.queries_dirs = [Path(d) for d in queries_dirs]
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
               on_total: Callable[[int], None] | None = None, **options: Any) -> IngestReport:
        """Ingest files and folders; ``options``: in_process, timeout (s), memory (bytes)."""
        return _ingest(self.store, paths, jobs=jobs, on_file=on_file, on_total=on_total, **options)

    def query(self, name: str, **params: Any) -> Result:
        q = self.registry.get(name)
        values = {k: v for k, v in params.items() if v is not None}
        if q.python is not None:
            for k in values:
                q.param(k)
            cols, rows = run_python(q, self.store, values)
        else:
            bindings = q.bindings({k: str(v) for k, v in values.items()})
            for p in q.params:  # names are matched through every stored spelling
                if p.type in ("firm", "key") and p.name in bindings:
                    key = self.store.key_for_alias(bindings[p.name].value)
                    if key is not None:
                        bindings[p.name] = type(bindings[p.name])(key)
            cols, rows = self.store.query(q.sparql, bindings)
        return Result(cols, rows, q, tuple(sorted((k, str(v)) for k, v in values.items())))

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

    def view(self, name: str, out: str | os.PathLike | None = None, **params: Any) -> Path:
        from docketgraph.queries.views import render_query_view
        res = self.query(name, **params)
        return render_query_view(self, res, out)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
