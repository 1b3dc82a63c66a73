"""One exception hierarchy for the whole project.

Constructors have no side effects; the CLI turns these into ``Error: ...`` lines.
"""

from __future__ import annotations

from typing import Any


class DocketGraphError(Exception):
    """Base class of every error docketgraph raises on purpose."""


class UnsupportedFormat(DocketGraphError):
    """No reader accepts this file."""


class BadInput(DocketGraphError):
    """A file could not be read (empty, binary, encrypted, truncated, too large...)."""


class ExtractionError(DocketGraphError):
    """Extraction failed on a document that could be read."""


class OutputError(DocketGraphError):
    """An output file (an export, a view) could not be written."""


class UnknownQuery(DocketGraphError):
    """No saved query has this name."""


class BadParameter(DocketGraphError):
    """A query parameter is missing, unknown or has the wrong type."""


class QueryError(DocketGraphError):
    """A saved or ad hoc query is malformed or refused."""


class StoreError(DocketGraphError):
    """The store could not be opened, read or written."""


class StoreInUse(StoreError):
    """Another process holds the store for writing."""


class NameClash(DocketGraphError):
    """A registry already holds this name (a reader, a saved query) and the new entry does
    not say it overrides it."""


class MissingDependency(DocketGraphError):
    """An optional dependency is needed for this feature."""


class NotFound(DocketGraphError):
    """Nothing stored matches what was asked for (an entity's name, a document, a path)."""


class AmbiguousName(BadParameter):
    """A name given for a parameter or an entity fits several stored entities equally well;
    ``candidates`` holds them (each with its kind and number of cases)."""

    def __init__(self, message: str, candidates: tuple[Any, ...] = ()) -> None:
        super().__init__(message)
        self.candidates = candidates


class UnknownName(NotFound, BadParameter):
    """No stored entity fits a name; ``suggestions`` holds the nearest ones ("did you mean")."""

    def __init__(self, message: str, suggestions: tuple[Any, ...] = ()) -> None:
        super().__init__(message)
        self.suggestions = suggestions
