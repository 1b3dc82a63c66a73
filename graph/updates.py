"""SPARQL update text for the store's writes, built from pyoxigraph terms.

Every term is written in its own N-Triples form (``str(term)``), which pyoxigraph escapes
(literals) and validates (IRIs), so a name from a filing holding quotes, braces, a newline
or "DROP ALL" stays data inside a literal. This text is made by the program from terms,
never from a user's parameter. Both stores use it: the embedded one for replacements
(``DROP SILENT GRAPH <old> ; INSERT DATA {...}`` as one request) and the SPARQL-server one
for every write.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pyoxigraph as ox


def drop_graph_ops(g: ox.NamedNode) -> list[str]:
    """SPARQL update operations removing graph ``g`` and, from the default graph, the
    triples no other document graph asserts."""
    return [
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) }} }}",
        f"DROP SILENT GRAPH {g}",
    ]


def forget_triple_op(g: ox.NamedNode, s: ox.NamedNode, p: ox.NamedNode, o: ox.Literal) -> str:
    """A SPARQL update operation removing one triple from graph ``g`` and from the default
    graph (a path no longer read, while its content is still known under another path)."""
    t = f"{s} {p} {o}"
    return f"DELETE DATA {{ GRAPH {g} {{ {t} }} {t} }}"


def with_default_copies(quads: Sequence[ox.Quad]) -> list[ox.Quad]:
    """Each quad in its named graph and its triple in the default graph (once: documents
    written together often assert the same triple, and the store holds a set)."""
    out = list(quads)
    out += dict.fromkeys(
        ox.Quad(q.subject, q.predicate, q.object)
        for q in quads
        if not isinstance(q.graph_name, ox.DefaultGraph)
    )
    return out


def data_block(quads: Iterable[ox.Quad], *, default_copies: bool = True) -> str:
    """The body of an INSERT DATA for ``quads`` (plus, by default, their default-graph
    copies), written from pyoxigraph terms' own (escaped, validated) N-Triples forms."""
    parts = []
    for q in quads:
        t = f"{q.subject} {q.predicate} {q.object}"
        if isinstance(q.graph_name, ox.DefaultGraph):
            parts.append(t + " .")
        else:
            parts.append(f"GRAPH {q.graph_name} {{ {t} }}" + (f" {t} ." if default_copies else ""))
    return "\n".join(parts)
