"""Which saved queries exist: the built-in ``.rq`` files, the Python analytics, and the
folders of a user's own ``.rq`` files, by name. A user's file that cannot be read or
parsed does not stop the others from loading: its error is kept in ``Registry.errors``
(``query --list`` prints them).
"""
from __future__ import annotations

from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Iterable

from docketgraph.graph.errors import QueryError, UnknownQuery
from docketgraph.queries import analytics, summarised
from docketgraph.queries.saved import SavedQuery, parse_rq


class Registry:
    """Saved queries by name: the built-in ones, Python analytics, and a user's folders."""

    def __init__(self, extra_dirs: Iterable[str | Path] = ()):
        self._queries: dict[str, SavedQuery] = {}
        #: errors of the user's files (unreadable, malformed)
        self.errors: list[str] = []
        pkg = resources.files("docketgraph.queries") / "saved"
        for entry in sorted(pkg.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".rq"):
                q = parse_rq(entry.read_text(encoding="utf-8"), entry.name[:-3], f"saved/{entry.name}")
                if q.summarised:
                    q = replace(q, summary=summarised.QUERIES.get(q.name))
                self._queries[q.name] = q
        for q in analytics.QUERIES:
            self._queries[q.name] = q
        for d in extra_dirs or ():
            for path in sorted(Path(d).glob("*.rq")):
                try:
                    q = parse_rq(path.read_text(encoding="utf-8"), path.stem, str(path))
                except (QueryError, OSError, UnicodeDecodeError) as e:
                    self.errors.append(str(e))
                    continue
                self._queries[q.name] = q

    def names(self) -> list[str]:
        return sorted(self._queries)

    def all(self) -> list[SavedQuery]:
        return [self._queries[n] for n in self.names()]

    def get(self, name: str) -> SavedQuery:
        try:
            return self._queries[name]
        except KeyError:
            raise UnknownQuery(f"no saved query {name!r}; known: {', '.join(self.names())}") from None

    def __contains__(self, name: str) -> bool:
        return name in self._queries
