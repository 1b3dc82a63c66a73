"""Where users meet the graph: the KnowledgeGraph facade, saved queries, analytics, views.

    from docketgraph.queries import KnowledgeGraph

The public names are those of ``docketgraph.queries.api`` (``__all__``), imported on first
use so that importing a sub-module stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docketgraph.queries.api import (
        MEMORY,
        PROJECTIONS,
        Entity,
        IngestReport,
        KnowledgeGraph,
        RemovedDocument,
        RemoveReport,
        Result,
        SavedQuery,
        env_queries_dirs,
    )

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


def __getattr__(name: str) -> Any:
    if name in __all__:
        from docketgraph.queries import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
