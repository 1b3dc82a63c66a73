"""Which saved queries exist: the built-in ``.rq`` files, the Python analytics, and the
folders of a user's own ``.rq`` files, by name.

Built-ins register through the same call a user's query goes through
(:meth:`Registry.register`). A name is taken once: a user's query named like a built-in
(or like a query of an earlier folder) is refused with an error naming both files, unless
its header says ``# override: true``. A refused or unreadable file of the user's does not
stop the others from loading: its error is kept in ``Registry.errors`` (``query --list``
prints them), and asking for a refused name raises that error rather than silently
running the other query.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from importlib import resources
from pathlib import Path

from docketgraph.graph.errors import NameClash, QueryError, UnknownQuery
from docketgraph.queries import analytics, summarised
from docketgraph.queries.saved import SavedQuery, parse_rq


class Registry:
    """Saved queries by name: the built-in ones, Python analytics, and a user's folders."""

    def __init__(self, extra_dirs: Iterable[str | Path] = ()):
        self._queries: dict[str, SavedQuery] = {}
        #: errors of the user's files (unreadable, malformed, a refused name clash)
        self.errors: list[str] = []
        self._refused: dict[str, str] = {}
        pkg = resources.files("docketgraph.queries") / "saved"
        for entry in sorted(pkg.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".rq"):
                q = parse_rq(
                    entry.read_text(encoding="utf-8"), entry.name[:-3], f"saved/{entry.name}", builtin=True
                )
                if q.summarised:
                    q = replace(q, summary=summarised.QUERIES.get(q.name))
                self.register(q)
        for q in analytics.QUERIES:
            self.register(q)
        for d in extra_dirs or ():
            for path in sorted(Path(d).glob("*.rq")):
                try:
                    q = parse_rq(path.read_text(encoding="utf-8"), path.stem, str(path))
                    self.register(q, override=q.override)
                except NameClash as e:
                    self.errors.append(str(e))
                    self._refused[path.stem] = str(e)
                except (QueryError, OSError, UnicodeDecodeError) as e:
                    self.errors.append(str(e))

    def register(self, q: SavedQuery, *, override: bool = False) -> None:
        """Add a saved query; a name already taken raises :class:`NameClash` unless
        ``override`` is true."""
        old = self._queries.get(q.name)
        if old is not None and not override:
            raise NameClash(
                f"{q.source or q.name}: a saved query named {q.name!r} already exists "
                f"({old.source or 'built in'}); rename the file, or add the header line "
                "'# override: true' to replace it"
            )
        self._queries[q.name] = q

    def names(self) -> list[str]:
        return sorted(self._queries)

    def all(self) -> list[SavedQuery]:
        return [self._queries[n] for n in self.names()]

    def get(self, name: str) -> SavedQuery:
        if name in self._refused:
            raise QueryError(self._refused[name])
        try:
            return self._queries[name]
        except KeyError:
            raise UnknownQuery(f"no saved query {name!r}; known: {', '.join(self.names())}") from None

    def __contains__(self, name: str) -> bool:
        return name in self._queries
