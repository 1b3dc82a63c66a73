"""Exports round-trip: every format re-imports to the same graph."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from docketgraph.graph.errors import BadInput, UnsupportedFormat
from docketgraph.graph.exchange import FORMATS, export_store, import_bytes, load_into, property_graph
from docketgraph.graph.store import GraphStore
from query_factories import small_graph


@pytest.fixture(scope="module")
def kg():
    g = small_graph()
    # a literal that tests escaping in every format
    g.store.load_quads([ox.Quad(ox.NamedNode("https://docketgraph.org/id/firm/x"),
                                ox.NamedNode("https://schema.org/name"),
                                ox.Literal('Quote " brace } <img src=x> \\ é, comma'),
                                ox.NamedNode("https://docketgraph.org/graph/extra"))])
    return g


def quads(store) -> set:
    return set(ox.parse(store.dump(ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS))


@pytest.mark.parametrize("fmt", ["nq", "trig", "jsonld", "csv"])
def test_dataset_formats_round_trip_exactly(kg, fmt):
    data = export_store(kg.store, fmt)
    back = set(import_bytes(data, fmt))
    want = quads(kg.store)
    assert len(back) == len(want) > 500
    assert back == want


def test_turtle_holds_the_union_of_triples(kg):
    data = export_store(kg.store, "ttl")
    back = Graph().parse(data=data, format="turtle")
    union = Graph()
    for q in quads(kg.store):
        union.parse(data=f"{q.subject} {q.predicate} {q.object} .", format="nt")
    assert len(back) == len(union)
    assert isomorphic(back, union)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_property_graph_formats_round_trip(kg, fmt):
    data = export_store(kg.store, fmt)
    G = import_bytes(data, fmt)
    want = property_graph(quads(kg.store))
    assert G.number_of_nodes() == want.number_of_nodes()
    assert G.number_of_edges() == want.number_of_edges()
    firm = "https://docketgraph.org/id/firm/greer-burns-and-crain-ltd"
    node = G.nodes[firm]
    assert node["kind"] == "LawFirm"
    assert node["label"] == "Greer, Burns & Crain, Ltd."


@pytest.mark.parametrize("fmt", ["nq", "trig", "jsonld", "csv"])
def test_import_into_a_new_store(kg, fmt):
    fresh = GraphStore(None)
    n = load_into(fresh, export_store(kg.store, fmt), fmt)
    assert n == len(kg.store) == len(fresh)


def test_every_format_is_covered():
    assert set(FORMATS) == {"ttl", "nq", "trig", "jsonld", "graphml", "gexf", "csv"}


@pytest.mark.parametrize("data, fmt, message", [
    (json.dumps({"@context": "https://schema.org/", "name": "x"}).encode(), "jsonld", "remote @context"),
    (json.dumps([{"@context": ["http://example.com/ctx.jsonld"], "@id": "urn:a"}]).encode(), "jsonld", "remote @context"),
    (json.dumps({"@context": {"@import": "http://example.com/c"}}).encode(), "jsonld", "@import"),
    (b"<a> <b> .", "nq", "cannot read"),
    (b"graph,subject\n", "csv", "columns"),
    (b"\xff\xfe", "csv", "UTF-8"),
    (b"<graphml", "graphml", "cannot read"),
])
def test_bad_imports_are_refused(data, fmt, message):
    with pytest.raises(BadInput, match=message):
        import_bytes(data, fmt)


def test_unknown_format():
    with pytest.raises(UnsupportedFormat, match="known"):
        import_bytes(b"", "xlsx")
