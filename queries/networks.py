"""Network projections for Python users: plain networkx graphs that any tool accepts.

``KnowledgeGraph.to_networkx(projection, **params)`` calls :func:`projection_graph`. Each
projection joins entities that meet in cases:

- ``firm-judge`` — law firms and the judges of the cases they appeared in (bipartite);
- ``co-counsel`` — law firms that appeared on the same side of the same case;
- ``attorneys`` — attorneys who appeared in the same case;
- ``citations`` — law firms and the precedents cited in their cases (directed);
- ``platform-firm`` — law firms and the marketplaces and payment processors named in
  their cases (bipartite).

Every node carries ``kind`` (LawFirm, Judge, Attorney, Platform, Precedent...), ``label``
(its name; the fullest, when it has several: "David J. Barron" over "Barron"), ``key``
(its normalised key: the one saved-query parameters match) and ``court`` (the courts of the cases behind its edges, ``"; "``-separated); every edge
carries ``weight`` (the number of cases), ``dockets`` and ``case_ids`` (``"; "``- and
space-separated) and ``first`` / ``last`` (the earliest and latest filing dates of the
documents that show it, when known). All values are strings or integers and none is
``None``, so ``nx.write_gexf`` and ``nx.write_graphml`` take the graph as it is.

Files for Gephi, yEd and notebooks (``docketgraph export --network NAME``):
:func:`network_bytes` writes a projection as GEXF or GraphML, :func:`network_csv` as two
CSV tables (edges, and nodes in a sibling file, :func:`nodes_path`) with Gephi's column
names (``Id``, ``Label``; ``Source``, ``Target``, ``Type``, ``Weight``). In every format an
edge's ``weight`` is its number of cases, an integer (GEXF declares weights as floats, so
a GEXF edge also carries ``cases``, an integer attribute), and a node's label is the
entity's name.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from docketgraph.graph import keys
from docketgraph.graph.errors import BadParameter, UnsupportedFormat
from docketgraph.graph.exchange import xml_safe
from docketgraph.graph.store import Store
from docketgraph.graph.vocab import ID
from docketgraph.queries import analytics
from docketgraph.queries.display import csv_cell
from docketgraph.queries.saved import TYPES

__all__ = [
    "PROJECTIONS",
    "NETWORK_FORMATS",
    "projection_graph",
    "co_counsel_graph",
    "plain",
    "network_bytes",
    "network_csv",
    "nodes_path",
]

PROJECTIONS: tuple[str, ...] = ("firm-judge", "co-counsel", "attorneys", "citations", "platform-firm")
#: the file formats a projection is written in
NETWORK_FORMATS: tuple[str, ...] = ("gexf", "graphml", "csv")

#: the parameters each projection takes (besides ``court``, ``from`` and ``to``)
_EXTRA: dict[str, tuple[str, ...]] = {"attorneys": ("firm",), "co-counsel": ("firm",), "citations": ("by",)}

_APPEARANCES = """SELECT DISTINCT ?case ?f ?side ?on WHERE {
  ?a a dg:Appearance ; dg:case ?case ; dg:firm ?f .
  OPTIONAL { ?a dg:side ?side } OPTIONAL { ?a dg:shownOn ?on } }"""
_CASES = """SELECT ?case (MIN(?d) AS ?docket) (MIN(?c) AS ?court) WHERE {
  ?case a dg:Case ; dg:docketNumber ?d ; dg:courtKey ?c } GROUP BY ?case"""
_FIRMS = """SELECT ?x (MIN(?n) AS ?label) (MIN(?k) AS ?key) WHERE {
  ?x a dg:LawFirm ; schema:name ?n ; dg:key ?k } GROUP BY ?x"""
_KEYS = """SELECT ?x (MIN(?k) AS ?key) WHERE {{ VALUES ?x {{ {values} }}
  {{ ?x dg:key ?k }} UNION {{ ?x dg:citation ?k }} UNION {{ ?x dg:docketKey ?k }} }} GROUP BY ?x"""
_COURTS = """SELECT ?case (MIN(?c) AS ?court) WHERE {{ VALUES ?case {{ {values} }}
  ?case dg:courtKey ?c }} GROUP BY ?case"""
_NAMES = """SELECT DISTINCT ?x ?n WHERE {{ VALUES ?x {{ {values} }} ?x schema:name ?n }}"""
_MEMBER_KEYS = """SELECT DISTINCT ?x ?k WHERE { ?x a dg:Attorney ; dg:memberOf/dg:key ?k }"""


def _chunks(items: list[str], n: int = 400):
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _values(iris: list[str]) -> str:
    return " ".join(str(ox.NamedNode(i)) for i in iris)


def co_counsel_graph(
    store: Store,
    *,
    court: str | None = None,
    firm: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> nx.Graph:
    """Law firms that appeared on the same side of the same case (an appearance without a
    side is on every side); weight = shared cases. With ``firm``, only that firm's pairs."""
    court = court.strip().lower() if court else None
    _, case_rows = store.query(_CASES)
    info = {r["case"]: r for r in case_rows}
    firms = {r["x"]: r for r in store.query(_FIRMS)[1]}
    labels = {x: r["label"] for x, r in firms.items()}
    # (case, firm) -> sides and the dates of the documents that show the appearance
    seen: dict[tuple[str, str], dict] = {}
    for r in store.query(_APPEARANCES)[1]:
        a = seen.setdefault((r["case"], r["f"]), {"sides": set(), "dates": set()})
        a["sides"].add(r.get("side"))
        if r.get("on"):
            a["dates"].add(r["on"])
    by_case: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for (case, f), a in seen.items():
        c = info.get(case)
        if c is None or f not in labels or (court and c["court"] != court):
            continue
        first: str | None = min(a["dates"]) if a["dates"] else None
        last: str | None = max(a["dates"]) if a["dates"] else None
        if date_from or date_to:
            if (
                first is None
                or last is None
                or (date_from and last < date_from)
                or (date_to and first > date_to)
            ):
                continue
        by_case[case].append((f, {"sides": a["sides"], "first": first, "last": last}))
    # a firm is matched through every stored spelling, as saved-query parameters are
    want = (store.key_for_alias(keys.firm_store_key(firm)) or keys.firm_store_key(firm)) if firm else None
    G = nx.Graph(name="co-counsel")
    for case in sorted(by_case):
        for (x, a), (y, b) in itertools.combinations(sorted(by_case[case], key=lambda t: t[0]), 2):
            if None not in a["sides"] and None not in b["sides"] and not (a["sides"] & b["sides"]):
                continue  # opposing counsel, not co-counsel
            if want and want not in (firms[x]["key"], firms[y]["key"]):
                continue
            for n in (x, y):
                if n not in G:
                    G.add_node(n, kind="LawFirm", label=labels[n])
            first = min(filter(None, (a["first"], b["first"])), default=None)
            last = max(filter(None, (a["last"], b["last"])), default=None)
            analytics._add_case_edge(G, x, y, info[case]["docket"], first, last, case)
    return G


def _attorneys(
    store: Store,
    *,
    court: str | None = None,
    firm: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> nx.Graph:
    return analytics.attorney_graph(store, court=court, firm=firm, date_from=date_from, date_to=date_to)


def _citations(
    store: Store,
    *,
    court: str | None = None,
    by: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> nx.Graph:
    return analytics.citation_graph(store, by=by or "firm", court=court, date_from=date_from, date_to=date_to)


_BUILDERS: dict[str, Callable[..., nx.Graph]] = {
    "firm-judge": analytics.firm_judge_graph,
    "co-counsel": co_counsel_graph,
    "attorneys": _attorneys,
    "citations": _citations,
    "platform-firm": analytics.platform_firm_graph,
}


def projection_graph(store: Store, projection: str, params: dict[str, Any]) -> nx.Graph:
    """The projection named ``projection`` as a plain graph (see the module docstring).

    ``params``: ``court``, ``from`` / ``to`` (dates, YYYY-MM-DD), and ``firm`` for
    ``attorneys`` and ``co-counsel``, ``by`` ("firm" or "case") for ``citations``."""
    if projection not in _BUILDERS:
        raise BadParameter(f"unknown projection {projection!r}; known: {', '.join(PROJECTIONS)}")
    known = ("court", "from", "to") + _EXTRA.get(projection, ())
    kw: dict[str, Any] = {}
    for k, v in params.items():
        if k not in known:
            raise BadParameter(
                f"projection {projection} has no parameter {k!r} (parameters: {', '.join(known)})"
            )
        if v is None or v == "":
            continue
        if k in ("from", "to"):
            kw["date_" + k] = TYPES["date"](str(v)).value  # validated, ISO form
        else:
            kw[k] = str(v)
    if kw.get("date_from") and kw.get("date_to") and kw["date_from"] > kw["date_to"]:
        raise BadParameter(f"parameter from ({kw['date_from']}) is after parameter to ({kw['date_to']})")
    return plain(store, _BUILDERS[projection](store, **kw))


def _fullest(names: set[str] | None) -> str | None:
    """An entity's label when it has several stored names ("Barron", "David J. Barron"):
    the longest, then the first in order, so the same store always gives the same label."""
    return min(names, key=lambda n: (-len(n), n)) if names else None


def plain(store: Store, G: nx.Graph) -> nx.Graph:
    """A copy of an analytics graph with plain attributes: lists joined into strings,
    ``None`` left out, each node's key and courts added, and its label the fullest of its
    stored names."""
    case_ids = sorted({c for _, _, d in G.edges(data=True) for c in d.get("case_ids") or ()})
    court_of: dict[str, str] = {}
    for part in _chunks(case_ids):
        for r in store.query(_COURTS.format(values=_values(part)))[1]:
            court_of[r["case"]] = r["court"]
    key_of: dict[str, str] = {}
    names: dict[str, set[str]] = defaultdict(set)
    iris = sorted(str(n) for n in G.nodes if str(n).startswith(ID))
    for part in _chunks(iris):
        for r in store.query(_KEYS.format(values=_values(part)))[1]:
            key_of[r["x"]] = r["key"]
        for r in store.query(_NAMES.format(values=_values(part)))[1]:
            if r.get("n"):
                names[r["x"]].add(r["n"])
    courts: dict[Any, set[str]] = defaultdict(set)
    H = G.__class__(name=G.graph.get("name", ""))
    for a, b, d in G.edges(data=True):
        ids = sorted(d.get("case_ids") or ())
        for c in ids:
            if c in court_of:
                courts[a].add(court_of[c])
                courts[b].add(court_of[c])
        e: dict[str, Any] = {
            "weight": int(d.get("weight", 1)),
            "dockets": "; ".join(sorted(d.get("cases") or ())),
            "case_ids": " ".join(ids),
        }
        if d.get("relation"):
            e["relation"] = str(d["relation"])
        for k in ("first", "last"):
            if d.get(k):
                e[k] = str(d[k])[:10]
        H.add_edge(a, b, **e)
    for n, d in G.nodes(data=True):
        attrs: dict[str, Any] = {
            "kind": str(d.get("kind", "")),
            "label": _fullest(names.get(str(n))) or str(d.get("label", n)),
            "key": key_of.get(str(n), str(n).rsplit("/", 1)[-1]),
            "court": "; ".join(sorted(courts.get(n, ()))),
        }
        for k in ("role", "bipartite"):
            if d.get(k) is not None:
                attrs[k] = d[k]
        H.add_node(n, **attrs)
    return H


# --- files for Gephi, yEd and notebooks ------------------------------------------------------

#: the columns of the CSV tables, Gephi's names first (its spreadsheet import maps them)
NODE_COLUMNS = ("Id", "Label", "kind", "court", "key", "role")
EDGE_COLUMNS = ("Source", "Target", "Type", "Weight", "first", "last", "dockets", "relation", "case_ids")


def _checked(fmt: str) -> str:
    f = (fmt or "").lower().lstrip(".")
    if f not in NETWORK_FORMATS:
        raise UnsupportedFormat(f"unknown network format {fmt!r}; known: {', '.join(NETWORK_FORMATS)}")
    return f


def network_bytes(G: nx.Graph, fmt: str) -> bytes:
    """A projection (from :func:`projection_graph`) as a GEXF or GraphML file. Each edge
    keeps its ``weight`` (cases, an integer) and gains ``cases`` (the same number, an
    integer attribute: GEXF declares weights as floats); a character XML cannot hold is
    written as a visible ``\\uXXXX`` escape. For ``csv`` use :func:`network_csv`."""
    f = _checked(fmt)
    if f == "csv":
        raise UnsupportedFormat("a network as CSV is two tables: use network_csv")
    H = G.copy()
    for _, _, d in H.edges(data=True):
        d["weight"] = int(d.get("weight", 1))
        d["cases"] = d["weight"]
    H = xml_safe(H)
    buf = io.BytesIO()
    if f == "gexf":
        nx.write_gexf(H, buf, encoding="utf-8")
    else:
        nx.write_graphml(H, buf, encoding="utf-8")
    return buf.getvalue()


def network_csv(G: nx.Graph) -> tuple[bytes, bytes]:
    """A projection as two CSV tables, ``(edges, nodes)``, with the column names Gephi's
    spreadsheet import maps: edges ``Source, Target, Type`` (Undirected or Directed),
    ``Weight`` (cases, an integer), ``first, last, dockets, relation, case_ids``; nodes
    ``Id, Label`` (the entity's name), ``kind, court, key, role``. A cell that a
    spreadsheet would read as a formula is neutralised (queries.display.csv_cell)."""
    kind = "Directed" if G.is_directed() else "Undirected"
    edges = io.StringIO()
    w = csv.writer(edges, lineterminator="\n")
    w.writerow(EDGE_COLUMNS)
    for a, b, d in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        if not G.is_directed() and G.nodes[a].get("bipartite", 0) > G.nodes[b].get("bipartite", 0):
            a, b = b, a  # a bipartite network's firm side is the Source
        row = [a, b, kind, int(d.get("weight", 1))] + [d.get(c, "") for c in EDGE_COLUMNS[4:]]
        w.writerow([csv_cell(v) for v in row])
    nodes = io.StringIO()
    w = csv.writer(nodes, lineterminator="\n")
    w.writerow(NODE_COLUMNS)
    for n, d in sorted(G.nodes(data=True), key=lambda t: str(t[0])):
        row = [n, d.get("label", n)] + [d.get(c, "") for c in NODE_COLUMNS[2:]]
        w.writerow([csv_cell(v) for v in row])
    return edges.getvalue().encode("utf-8"), nodes.getvalue().encode("utf-8")


def nodes_path(edges_path: str | os.PathLike) -> Path:
    """Where the nodes table goes beside an edges CSV: ``net.csv`` -> ``net.nodes.csv``."""
    p = Path(edges_path)
    stem = p.name[: -len(".csv")] if p.name.lower().endswith(".csv") else p.name
    return p.with_name(stem + ".nodes.csv")
