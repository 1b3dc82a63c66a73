"""Import and export: the graph for other tools, and back.

RDF formats go through rdflib, the interchange layer (the store itself is pyoxigraph):

- ``nq`` (N-Quads), ``trig`` and ``jsonld`` keep each document's named graph;
- ``ttl`` (Turtle) has no named graphs, so it holds the union of every document's triples;
- ``graphml`` and ``gexf`` (Gephi, yEd, Neo4j's importers) hold a property graph: one node
  per resource (``iri``, ``kind`` from rdf:type, ``label`` from schema:name, and its
  literal properties as attributes), one edge per resource-valued triple (``predicate``,
  ``graph``);
- ``csv`` holds one quad per row (graph, subject, predicate, object, object_kind,
  datatype, language), which re-imports exactly. A literal that a spreadsheet would read
  as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is
  written with a leading apostrophe, as is one starting with an apostrophe; the import
  removes it.

Characters XML cannot hold (C0 controls, U+FFFE...) are written as ``\\uXXXX`` text in
GraphML and GEXF, so those files stay well-formed.

Imports read bytes with an explicit format, never guess, and never fetch anything: a
JSON-LD document whose ``@context`` points at a URL is refused.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import logging
import re
from collections.abc import Iterable
from typing import Any

import networkx as nx
import pyoxigraph as ox
import rdflib

from docketgraph.graph.errors import BadInput, UnsupportedFormat
from docketgraph.graph.store import PREFIXES, GraphStore
from docketgraph.graph.vocab import NAME, RDF_TYPE

log = logging.getLogger(__name__)

RDF_FORMATS = {"ttl": "turtle", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}
GRAPH_FORMATS = ("graphml", "gexf")
FORMATS = tuple(RDF_FORMATS) + GRAPH_FORMATS + ("csv",)
CSV_COLUMNS = ["graph", "subject", "predicate", "object", "object_kind", "datatype", "language"]
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _check(fmt: str) -> str:
    f = (fmt or "").lower().lstrip(".")
    if f not in FORMATS:
        raise UnsupportedFormat(f"unknown exchange format {fmt!r}; known: {', '.join(FORMATS)}")
    return f


# --- export ---------------------------------------------------------------------------


def export_store(store: GraphStore, fmt: str) -> bytes:
    """The whole store (a GraphStore) as bytes in ``fmt``."""
    return export_quads(store.dump(ox.RdfFormat.N_QUADS), fmt)


def export_quads(nquads: bytes | Iterable[ox.Quad], fmt: str) -> bytes:
    """Quads (N-Quads bytes or pyoxigraph quads) as bytes in ``fmt``."""
    f = _check(fmt)
    if not isinstance(nquads, (bytes, bytearray)):
        nquads = ox.serialize(list(nquads), format=ox.RdfFormat.N_QUADS) or b""
    if f == "nq":
        ds = _rdflib_dataset(bytes(nquads))
        return ds.serialize(format="nquads", encoding="utf-8")
    if f in ("trig", "jsonld"):
        ds = _rdflib_dataset(bytes(nquads))
        if f == "jsonld":
            return ds.serialize(format="json-ld", encoding="utf-8", auto_compact=False)
        return ds.serialize(format="trig", encoding="utf-8")
    if f == "ttl":
        ds = _rdflib_dataset(bytes(nquads))
        g = rdflib.Graph()
        _bind(g)
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
        return g.serialize(format="turtle", encoding="utf-8")
    if f == "csv":
        return _quads_to_csv(ox.parse(bytes(nquads), format=ox.RdfFormat.N_QUADS))
    G = xml_safe(property_graph(ox.parse(bytes(nquads), format=ox.RdfFormat.N_QUADS)))
    buf = io.BytesIO()
    if f == "graphml":
        nx.write_graphml(G, buf, encoding="utf-8")
    else:
        nx.write_gexf(G, buf, encoding="utf-8")
    return buf.getvalue()


@contextlib.contextmanager
def _exact_literals():
    """rdflib rewrites some literals to a canonical form while parsing (a dateTime's "Z"
    becomes "+00:00"); keep every literal exactly as written so exports round-trip."""
    old = rdflib.NORMALIZE_LITERALS
    rdflib.NORMALIZE_LITERALS = False
    try:
        yield
    finally:
        rdflib.NORMALIZE_LITERALS = old


def _bind(g: Any) -> None:
    for k, v in PREFIXES.items():
        g.bind(k, v)


def _rdflib_dataset(nquads: bytes):
    ds = rdflib.Dataset()
    _bind(ds)
    if nquads.strip():
        with _exact_literals():
            ds.parse(data=nquads, format="nquads")
    return ds


def _quads_to_csv(quads: Iterable[ox.Quad]) -> bytes:
    buf = io.StringIO()
    # RFC 4180 line ends: the writer then quotes a field holding a carriage return too
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for q in quads:
        o = q.object
        if isinstance(o, ox.Literal):
            kind, dt, lang = "literal", o.datatype.value if o.datatype else "", o.language or ""
        elif isinstance(o, ox.BlankNode):
            kind, dt, lang = "bnode", "", ""
        else:
            kind, dt, lang = "iri", "", ""
        g = q.graph_name.value if isinstance(q.graph_name, (ox.NamedNode, ox.BlankNode)) else ""
        value = _csv_literal(o.value) if isinstance(o, ox.Literal) else _text(o)
        w.writerow([g, _text(q.subject), q.predicate.value, value, kind, dt, lang])
    return buf.getvalue().encode("utf-8")


#: what XML 1.0 cannot hold, even escaped (C0 controls but tab and line breaks, lone
#: surrogates, U+FFFE and U+FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(v: Any) -> Any:
    if not isinstance(v, str):
        return v
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group(0)):04x}", v)


def xml_safe(G: Any) -> Any:
    """GraphML and GEXF are XML: a character XML cannot hold is written as a visible
    ``\\uXXXX`` escape, so the file stays well-formed (RDF and CSV exports keep it)."""
    for _, d in G.nodes(data=True):
        for k, v in d.items():
            d[k] = _xml_text(v)
    for _, _, d in G.edges(data=True):
        for k, v in d.items():
            d[k] = _xml_text(v)
    return G


#: a spreadsheet reads a cell starting with one of these as a formula
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_literal(v: str) -> str:
    """A literal for the CSV export: one that a spreadsheet would take for a formula gets
    a leading apostrophe (OWASP's rule for CSV injection), and so does one that already
    starts with an apostrophe, so that the import removes exactly one and round-trips."""
    return "'" + v if v.startswith(_FORMULA_START + ("'",)) else v


def _local(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[-1]
    return iri or "value"


def property_graph(quads: Iterable[ox.Quad]):
    """A networkx MultiDiGraph of resources (nodes) and resource-valued triples (edges)."""
    G = nx.MultiDiGraph(name="docketgraph")
    lits: dict[str, dict[str, list[str]]] = {}

    def node(t) -> str:
        v = t.value
        if v not in G:
            G.add_node(v, iri=v)
        return v

    for q in quads:
        s = node(q.subject)
        p = q.predicate.value
        g = q.graph_name.value if isinstance(q.graph_name, (ox.NamedNode, ox.BlankNode)) else ""
        if isinstance(q.object, ox.Literal):
            lits.setdefault(s, {}).setdefault(_local(p), [])
            vals = lits[s][_local(p)]
            if q.object.value not in vals:
                vals.append(q.object.value)
            continue
        o = node(q.object)
        if p == RDF_TYPE:
            G.nodes[s]["kind"] = _local(o)
        key = f"{p} {g}"
        if not G.has_edge(s, o, key=key):
            G.add_edge(s, o, key=key, predicate=p, label=_local(p), graph=g)
    for s, props in lits.items():
        d = G.nodes[s]
        for k, vals in props.items():
            if k in ("iri", "kind"):
                k = "value_" + k
            d[k] = " | ".join(vals)
        name = props.get(_local(NAME))
        if name:
            d["label"] = name[0]
    for _, d in G.nodes(data=True):
        d.setdefault("kind", "")
        d.setdefault("label", _local(d["iri"]))
    return G


# --- import ---------------------------------------------------------------------------


def import_bytes(data: bytes, fmt: str) -> Any:
    """Parse exported bytes. RDF formats and csv give a list of pyoxigraph quads (Turtle:
    triples in the default graph); graphml and gexf give a networkx graph."""
    f = _check(fmt)
    if not isinstance(data, (bytes, bytearray)):
        raise BadInput("import_bytes needs bytes")
    data = bytes(data)
    try:
        if f in GRAPH_FORMATS:
            buf = io.BytesIO(data)
            return nx.read_graphml(buf, force_multigraph=True) if f == "graphml" else nx.read_gexf(buf)
        if f == "csv":
            return _csv_to_quads(data)
        if f == "jsonld":
            _refuse_remote_context(data)
        ds = rdflib.Dataset()
        with _exact_literals():
            ds.parse(data=data, format=RDF_FORMATS[f])
        nq = ds.serialize(format="nquads", encoding="utf-8")
        return list(ox.parse(nq, format=ox.RdfFormat.N_QUADS))
    except (BadInput, UnsupportedFormat):
        raise
    except Exception as e:  # parsers raise many types on malformed input
        raise BadInput(f"cannot read {f} data: {type(e).__name__}: {e}") from None


def load_into(store: GraphStore, data: bytes, fmt: str) -> int:
    """Import RDF or csv bytes into a GraphStore; returns the number of quads read."""
    f = _check(fmt)
    if f in GRAPH_FORMATS:
        raise UnsupportedFormat(f"{f} is a property graph for other tools; import RDF or csv")
    quads = import_bytes(data, f)
    store.load_quads(quads)
    return len(quads)


def _refuse_remote_context(data: bytes) -> None:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise BadInput(f"not JSON: {e}") from None

    def walk(x: Any, depth: int = 0) -> None:
        if depth > 200:
            raise BadInput("JSON-LD nested too deeply")
        if isinstance(x, dict):
            for k, v in x.items():
                if k == "@context":
                    ctxs = v if isinstance(v, list) else [v]
                    if any(isinstance(c, str) for c in ctxs):
                        raise BadInput("JSON-LD with a remote @context is refused (nothing is fetched)")
                    if any(isinstance(c, dict) and "@import" in c for c in ctxs):
                        raise BadInput("JSON-LD @import is refused (nothing is fetched)")
                walk(v, depth + 1)
        elif isinstance(x, list):
            for v in x:
                walk(v, depth + 1)

    walk(doc)


def _text(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """A term's lexical form (an RDF-star triple term, which the csv cannot hold as one
    value, in its N-Triples form)."""
    return str(term) if isinstance(term, ox.Triple) else term.value


def _csv_to_quads(data: bytes) -> list[ox.Quad]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BadInput(f"csv is not UTF-8: {e}") from None
    r = csv.DictReader(io.StringIO(text, newline=""))
    if r.fieldnames != CSV_COLUMNS:
        raise BadInput(f"csv columns must be {', '.join(CSV_COLUMNS)}")
    out = []
    for i, row in enumerate(r, 2):
        o: ox.NamedNode | ox.BlankNode | ox.Literal
        try:
            kind = row["object_kind"]
            if kind == "iri":
                o = ox.NamedNode(row["object"])
            elif kind == "bnode":
                o = ox.BlankNode(row["object"])
            elif kind == "literal":
                value = row["object"]
                value = value[1:] if value.startswith("'") else value  # see _csv_literal
                if row["language"]:
                    o = ox.Literal(value, language=row["language"])
                elif row["datatype"] and row["datatype"] != _XSD_STRING:
                    o = ox.Literal(value, datatype=ox.NamedNode(row["datatype"]))
                else:
                    o = ox.Literal(value)
            else:
                raise ValueError(f"object_kind {kind!r}")
            g = ox.NamedNode(row["graph"]) if row["graph"] else ox.DefaultGraph()
            out.append(ox.Quad(ox.NamedNode(row["subject"]), ox.NamedNode(row["predicate"]), o, g))
        except (ValueError, TypeError) as e:
            raise BadInput(f"csv line {i}: {e}") from None
    return out
