"""``docketgraph serve``: the graph in a browser (a local web app over the KnowledgeGraph facade).

    from docketgraph.queries import KnowledgeGraph
    from docketgraph.queries.web import create_app

    app = create_app(KnowledgeGraph.open("my-store", read_only=True))   # an ASGI app
    KnowledgeGraph.open("my-store", read_only=True).serve(port=8765)    # or served by uvicorn

Starlette routes and Jinja2 templates (autoescaped), served by uvicorn; every page reads
the graph through the facade only. Read-only unless started with ``allow_ingest``; bound
to loopback by default; every asset is served by the app itself.
"""

from __future__ import annotations

from docketgraph.queries.web.app import Settings, create_app, serve

__all__ = ["Settings", "create_app", "serve"]
