"""The model and the store: entity kinds, relations, vocabulary, IRIs, persistence."""

from docketgraph.graph.errors import DocketGraphError
from docketgraph.graph.model import Document, Extraction

__all__ = ["DocketGraphError", "Document", "Extraction"]
