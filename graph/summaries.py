"""Summaries: derived relations materialised for the headline saved queries.

"Which firms appeared before which judges, in how many cases" joins every appearance with
every case's judges and groups the lot: seconds at 10,000 cases. The summaries hold the
answer ready: one *group* per (firm, judge, court), (firm, platform), ... (``RELATIONS``),
whose whole answer — case count, first and last dates, listed names, dockets, case ids
and identity — is one literal under a predicate of its relation, so reading a relation is
one index scan (``GraphStore.summary_groups``; ``queries.summarised`` shapes the rows).
Groups are counted from their *memberships* (``group dgs:member case``, plus a node per
(group, case) holding dates for relations with dates), which live in a graph of their
own (``SUMMARY_GRAPH``), never in a document's graph nor in the default graph:

- a document write (new, replaced or removed) marks the cases it touches (those in the
  new graph and in the graph it drops) *stale*, in the same transaction as the write;
- ``refresh`` rebuilds the memberships of stale cases and then recounts the groups they
  belonged to (before and after), in bounded chunks; each chunk's steps leave what a later
  ``refresh`` completes (a chunk's marks are cleared last);
- the first build (no summaries yet, or built by another version), or a refresh with at
  least a quarter of the cases stale, rebuilds everything in one pass instead (``rebuild_all``):
  one relation at a time, each group's answer counted in memory;
- while any mark is left (a run stopped part way, a library user who called ``put``
  without ``refresh``), or the summaries were built by another version, the saved
  queries take their exact path over the documents' facts instead: an answer is never
  read from a stale summary.

Beside the groups, the *links* of each case for the network projections
(``queries.analytics``): per kind of entity (``LINKS``) and bucket of cases, one literal
listing each case's docket, court and linked entities with the first and last filing
dates of the documents asserting the link (``case_links``), so that a network, with or
without a date range, is a few hundred literals read. A stale case's bucket is rewritten
(``update_links``) in the same steps as its facts.

A case's groups are found by one SELECT per relation and chunk of cases (``RELATIONS``:
the patterns over the default graph, the de-duplicated union of the documents), their
answers computed in Python (lists sorted) and written as data; what is removed is removed
by SPARQL updates. The same text maintains the summaries on the embedded store and on a
SPARQL server (there the data goes as INSERT DATA). On the embedded store, a whole
rebuild reads each relation with a pass of its own by one SELECT over every case, its
rows streamed (``stream``), rather than one per chunk of cases: the same rows.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pyoxigraph as ox

from docketgraph.graph import name_index
from docketgraph.graph.vocab import BASE

log = logging.getLogger(__name__)

SNS = BASE + "summary#"
SUMMARY_GRAPH = SNS + "graph"
GROUP_BASE = BASE + "summary/"
VERSION = "7"

_G = f"<{SUMMARY_GRAPH}>"
_JUDGED = "dg:presidingJudge|dg:magistrateJudge|dg:panelJudge"
# one docket number and one court per case (a case node normally has exactly one of each)
_CASE_INFO = (
    "{ SELECT ?case (MIN(?dn_) AS ?docket) (MIN(?ck_) AS ?court) WHERE { {values} "
    "?case dg:docketNumber ?dn_ ; dg:courtKey ?ck_ } GROUP BY ?case }"
)


@dataclass(frozen=True)
class Relation:
    """A derived relation: per case, the groups (tuples of ``dims``) the case belongs to.

    ``pattern`` binds ``?case`` and every dim, and with ``dates`` also ``?on`` (the group
    keeps their minimum and maximum, from a node per (group, case)). ``{values}`` in it is
    replaced by the VALUES block restricting ``?case``; ``?docket`` and ``?court`` (one
    each per case) may be used, the pattern is joined with them.
    """

    name: str
    dims: tuple[str, ...]
    pattern: str
    dates: bool = False
    #: a pattern binding ``?item`` from a member ``?case``: each group lists the names of the
    #: items of its cases (``dgs:items``), found when the group is recounted
    items: str | None = None


RELATIONS: tuple[Relation, ...] = (
    Relation(
        "firm-judge",
        ("firm", "judge", "court"),
        """
        {values} ?app dg:firm ?firm ; dg:case ?case . OPTIONAL { ?app dg:shownOn ?on }
        ?case JUDGED ?judge .""",
        dates=True,
    ),
    Relation(
        "firm-platform",
        ("firm", "platform"),
        """
        {values} ?case dg:appearingFirm ?firm ; dg:mentionsPlatform ?platform .""",
    ),
    Relation(
        "judge-platform",
        ("judge", "platform", "court"),
        """
        {values} ?case JUDGED ?judge ; dg:mentionsPlatform ?platform .""",
    ),
    # the cases naming each platform, with the filing dates of the documents naming it
    # there: platforms-by-firm and -by-judge with from/to take the firm-platform and
    # judge-platform groups' cases that name the platform in a filing in range
    Relation(
        "platform",
        ("platform",),
        """
        {values} GRAPH ?g_ { ?case dg:mentionsPlatform ?platform }
        OPTIONAL { GRAPH ?g_ { DOC_DATES } }""",
        dates=True,
    ),
    # a precedent's dates are the filing dates of the documents citing it in the case
    # (precedents-cited with from/to)
    Relation(
        "firm-precedent",
        ("firm", "precedent"),
        """
        {values} ?doc_ dg:filedIn ?case ; dg:cites ?precedent .
        ?case dg:appearingFirm ?firm . OPTIONAL { ?doc_ dg:filed ?on }""",
        items="?case JUDGED ?item .",
        dates=True,
    ),
    Relation(
        "schedule-a",
        ("court", "year"),
        """
        { SELECT ?case (MIN(?d_) AS ?first_) WHERE { {values}
            ?case dg:scheduleA true . OPTIONAL { ?doc_ dg:filedIn ?case ; dg:filed ?d_ } } GROUP BY ?case }
        BIND(COALESCE(STR(YEAR(?first_)), "unknown") AS ?year) BIND(?first_ AS ?on)""",
        dates=True,
    ),
    # the Schedule A cases of each firm (appearing in them) and of each judge, by court and
    # year (schedule-a-cases with a firm or a judge, with both: the cases in both groups;
    # with from/to: those of the schedule-a groups in range)
    Relation(
        "schedule-a-who",
        ("who", "court", "year"),
        """
        { SELECT ?case (MIN(?d_) AS ?first_) WHERE { {values}
            ?case dg:scheduleA true . OPTIONAL { ?doc_ dg:filedIn ?case ; dg:filed ?d_ } } GROUP BY ?case }
        { ?case dg:appearingFirm ?who } UNION { ?case JUDGED ?who }
        BIND(COALESCE(STR(YEAR(?first_)), "unknown") AS ?year)""",
    ),
    # the cases naming each defendant that is not a group (seller-recurrence: the
    # defendants named in enough cases, whose rows the exact text then counts)
    Relation(
        "defendant",
        ("d",),
        """
        {values} ?pt_ dg:role "defendant" ; dg:party ?d ; dg:case ?case .
        FILTER(!CONTAINS(STRAFTER(STR(?d), "/party/"), "/")) FILTER EXISTS { ?d dg:key ?k_ }""",
    ),
    Relation(
        "attorney",
        ("x",),
        """
        {values} ?app a dg:Appearance ; dg:attorney ?x ; dg:case ?case .""",
    ),
    Relation(
        "opposing",
        ("x", "xside", "y", "yside"),
        """
        {values} ?a1 a dg:Appearance ; dg:case ?case ; dg:firm ?x ; dg:side ?xside .
        ?a2 a dg:Appearance ; dg:case ?case ; dg:firm ?y ; dg:side ?yside .
        FILTER(?xside != ?yside && ?x != ?y)""",
    ),
    Relation(
        "co-counsel",
        ("level", "x", "y"),
        """
        { { SELECT DISTINCT ?case ?x ?s1_ WHERE { {values} ?a1 dg:case ?case ; dg:attorney ?x .
              OPTIONAL { ?a1 dg:side ?s1_ } } }
          { SELECT DISTINCT ?case ?y ?s2_ WHERE { {values} ?a2 dg:case ?case ; dg:attorney ?y .
              OPTIONAL { ?a2 dg:side ?s2_ } } }
          BIND("attorneys" AS ?level) }
        UNION
        { { SELECT DISTINCT ?case ?x ?s1_ WHERE { {values} ?a1 dg:case ?case ; dg:firm ?x .
              OPTIONAL { ?a1 dg:side ?s1_ } } }
          { SELECT DISTINCT ?case ?y ?s2_ WHERE { {values} ?a2 dg:case ?case ; dg:firm ?y .
              OPTIONAL { ?a2 dg:side ?s2_ } } }
          BIND("firms" AS ?level) }
        FILTER(STR(?x) < STR(?y) && COALESCE(?s1_ = ?s2_, true))
        FILTER EXISTS { ?x schema:name ?xn_ } FILTER EXISTS { ?y schema:name ?yn_ }""",
    ),
)


#: the entity kinds of the network projections (queries.analytics) and the pattern linking
#: an entity ``?x`` to a ``?case``, each read inside one document's graph (no cross-graph
#: joins): a case's *links* of a kind (``links_quads``) hold, per entity, the first and last
#: filing dates of the documents whose graphs assert the link
LINKS: dict[str, str] = {
    "LawFirm": "?r a dg:Appearance ; dg:case ?case ; dg:firm ?x .",
    "Attorney": "?r a dg:Appearance ; dg:case ?case ; dg:attorney ?x .",
    "Judge": "?case dg:presidingJudge|dg:magistrateJudge|dg:panelJudge ?x .",
    "Platform": "?case dg:mentionsPlatform ?x .",
    # a document cites too (``doc dg:cites``): only a case's citations, typed in the same
    # graph (the writer types every case node of a document's graph), half the rows
    "Precedent": "?case a dg:Case ; dg:cites ?x .",
}
#: a document graph's filing dates
DOC_DATES = "?doc a dg:Document ; dg:filed ?filed ."


#: the cases' links are kept in this many buckets (a case's by the CRC-32 of its IRI): one
#: literal per bucket and kind, so that reading a kind's links is a few hundred lookups
#: (a literal per case cost 70 µs each to read from the on-disk store: 0.7 s at 10,000)
LINK_BUCKETS = 256


def links_predicate(kind: str) -> str:
    """The predicate holding a bucket's links of ``kind`` (one index scan reads them all)."""
    return f"{SNS}links-{kind}"


#: the brand-portfolio lines of the cases (``portfolio_lines``), kept in the links' buckets
#: under a predicate of their own (``links_predicate(PORTFOLIO)``)
PORTFOLIO = "Portfolio"
_LINK_PREDICATES = {links_predicate(k): k for k in (*LINKS, PORTFOLIO)}


def links_bucket(case: str) -> str:
    """The IRI of the bucket holding the links of ``case`` (an IRI)."""
    return f"{SNS}links/{zlib.crc32(case.encode('utf-8')) % LINK_BUCKETS}"


def unpack_links(value: str) -> Iterator[tuple[str, str, str, list[str]]]:
    """A bucket's links of one kind: per case, (case IRI, docket, court, [entity IRI, first,
    last, entity IRI, first, last, ...]), the dates "" when no document asserting the link
    is dated."""
    for line in value.split("\n"):
        f = line.split("\t")
        yield f[0], f[1], f[2], f[3:]


_Found = dict[str, dict[tuple[str, str], list[str]]]


def doc_dates(query: Callable[[str], list]) -> dict[str, list[str]]:
    """Every document graph's filing dates (graph as SPARQL text -> dates): one query (a
    whole rebuild reads them once; asked per chunk of graphs, 1 ms a graph at 10,000
    cases)."""
    filed: dict[str, list[str]] = defaultdict(list)
    for r in query(f"{PREFIX_BLOCK}SELECT DISTINCT ?g ?filed WHERE {{ GRAPH ?g {{ {DOC_DATES} }} }}"):
        filed[str(r["g"])].append(r["filed"].value)
    return filed


def _links_of(
    query: Callable[[str], list],
    cases: Sequence[ox.NamedNode],
    filed: dict[str, list[str]] | None = None,
    known: dict[str, tuple[str, str]] | None = None,
) -> tuple[dict[str, tuple[str, str]], _Found]:
    """The links of ``cases``: (case -> (docket, court), kind -> (case, entity) -> the
    filing dates of the document graphs asserting the link), for the cases typed dg:Case
    with a docket number and a court (the least of each). ``filed``: every graph's dates
    (``doc_dates``), else those of the graphs found are read; ``known``: the docket and
    court of (at least) these cases, all typed, else they are read."""
    vals = _values(cases)
    info: dict[str, tuple[str, str]] = {}
    if known is not None:
        info = {c.value: known[c.value] for c in cases if c.value in known}
    for r in (
        []
        if known is not None
        else query(
            f"{PREFIX_BLOCK}SELECT ?case (MIN(?d) AS ?docket) (MIN(?c) AS ?court) WHERE {{ {vals} "
            "?case a dg:Case ; dg:docketNumber ?d ; dg:courtKey ?c } GROUP BY ?case"
        )
    ):
        if r.get("docket") is not None and r.get("court") is not None:
            info[r["case"].value] = (r["docket"].value, r["court"].value)
    found: _Found = {}
    if not info:
        return info, found
    graphs: dict[str, None] = {}
    in_graphs: dict[str, dict[tuple[str, str], list[str]]] = {}
    for kind, body in LINKS.items():
        got: dict[tuple[str, str], list[str]] = defaultdict(list)
        for r in query(f"{PREFIX_BLOCK}SELECT DISTINCT ?g ?case ?x WHERE {{ {vals} GRAPH ?g {{ {body} }} }}"):
            c = r["case"].value
            if c in info:
                g = str(r["g"])
                got[(c, r["x"].value)].append(g)
                graphs[g] = None
        in_graphs[kind] = got
    gl = [] if filed is not None else list(graphs)
    filed = defaultdict(list) if filed is None else filed
    for i in range(0, len(gl), 2000):
        for r in query(
            f"{PREFIX_BLOCK}SELECT ?g ?filed WHERE {{ VALUES ?g {{ {' '.join(gl[i : i + 2000])} }} "
            f"GRAPH ?g {{ {DOC_DATES} }} }}"
        ):
            filed[str(r["g"])].append(r["filed"].value)
    for kind, got in in_graphs.items():
        found[kind] = {key: [d for g in gs for d in filed.get(g, ())] for key, gs in got.items()}
    return info, found


def _link_lines(info: dict[str, tuple[str, str]], found: _Found) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for kind, got in found.items():
        per_case: dict[str, list[str]] = defaultdict(list)
        for (c, x), ds in sorted(got.items()):
            per_case[c].append(f"{x}\t{min(ds)}\t{max(ds)}" if ds else f"{x}\t\t")
        out[kind] = {c: f"{c}\t{info[c][0]}\t{info[c][1]}\t" + "\t".join(xs) for c, xs in per_case.items()}
    return out


def case_links(query: Callable[[str], list], cases: Sequence[ox.NamedNode]) -> dict[str, dict[str, str]]:
    """The links of ``cases``, by kind and case: per case (typed dg:Case, with a docket
    number and a court: the least of each) and kind (``LINKS``) with any, one line of its
    IRI, docket and court, then per linked entity (in IRI order) its IRI and the first and
    last filing dates of the document graphs asserting the link, tab-separated."""
    return _link_lines(*_links_of(query, cases))


def _chunks(items: Sequence, n: int = 2000) -> Iterator[Sequence]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def portfolio_lines(query: Callable[[str], list], cases: Sequence[ox.NamedNode]) -> dict[str, str]:
    """The brand-portfolio lines of ``cases`` (case IRI -> line): per case with a docket
    number, a court and a plaintiff with a name and a key, its IRI, a tab and a JSON list
    ``[docket, first, courts, judges, plaintiffs]``: its least docket number, its first
    filing date ("" when no filing in it is dated), its court keys, its judges (IRIs),
    and per plaintiff ``[IRI, least name, keys, firms]``, the firms (IRIs) of the
    appearances for that plaintiff in the case, every list sorted. These are the facts the
    brand-portfolio query groups, read over the default graph as it reads them; the firms'
    and judges' names are read when the query runs (``queries.summarised``). A plaintiff's
    names and keys are written by the documents naming it, which mark it (name index
    marks): ``refresh`` marks stale the cases of a marked plaintiff (``PLAINTIFFS_MARKED``)."""
    vals = _values(cases)
    docket: dict[str, str] = {}
    for r in query(
        f"{PREFIX_BLOCK}SELECT ?case (MIN(?dn) AS ?docket) WHERE {{ {vals} ?case dg:docketNumber ?dn }} GROUP BY ?case"
    ):
        if r.get("docket") is not None:
            docket[r["case"].value] = r["docket"].value
    courts: dict[str, set[str]] = defaultdict(set)
    for r in query(f"{PREFIX_BLOCK}SELECT DISTINCT ?case ?court WHERE {{ {vals} ?case dg:courtKey ?court }}"):
        courts[r["case"].value].add(r["court"].value)
    plaintiffs: dict[str, set[str]] = defaultdict(set)
    for r in query(
        f"{PREFIX_BLOCK}SELECT DISTINCT ?case ?p WHERE {{ {vals} "
        '?pt a dg:Participation ; dg:role "plaintiff" ; dg:party ?p ; dg:case ?case }'
    ):
        plaintiffs[r["case"].value].add(r["p"].value)
    parties = sorted({x for ps in plaintiffs.values() for x in ps})
    names: dict[str, str] = {}
    keys_of: dict[str, set[str]] = defaultdict(set)
    for part in _chunks(parties):
        pv = "VALUES ?p { " + " ".join(f"<{x}>" for x in part) + " }"
        for r in query(
            f"{PREFIX_BLOCK}SELECT ?p (MIN(?n) AS ?name) WHERE {{ {pv} ?p schema:name ?n }} GROUP BY ?p"
        ):
            if r.get("name") is not None:
                names[r["p"].value] = r["name"].value
        for r in query(f"{PREFIX_BLOCK}SELECT DISTINCT ?p ?k WHERE {{ {pv} ?p dg:key ?k }}"):
            keys_of[r["p"].value].add(r["k"].value)
    first: dict[str, str] = {}
    for r in query(
        f"{PREFIX_BLOCK}SELECT ?case (MIN(?d) AS ?first) WHERE {{ {vals} ?doc dg:filedIn ?case ; dg:filed ?d }} "
        "GROUP BY ?case"
    ):
        if r.get("first") is not None:
            first[r["case"].value] = r["first"].value
    firms: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in query(
        f"{PREFIX_BLOCK}SELECT DISTINCT ?case ?p ?f WHERE {{ {vals} "
        "?app dg:case ?case ; a dg:Appearance ; dg:party ?p ; dg:firm ?f }"
    ):
        firms[(r["case"].value, r["p"].value)].add(r["f"].value)
    judges: dict[str, set[str]] = defaultdict(set)
    for r in query(f"{PREFIX_BLOCK}SELECT DISTINCT ?case ?j WHERE {{ {vals} ?case {_JUDGED} ?j }}"):
        judges[r["case"].value].add(r["j"].value)
    out: dict[str, str] = {}
    for c, ps in plaintiffs.items():
        listed = [
            [x, names[x], sorted(keys_of[x]), sorted(firms.get((c, x), ()))]
            for x in sorted(ps)
            if x in names and keys_of.get(x)
        ]
        if c in docket and courts.get(c) and listed:
            out[c] = (
                c
                + "\t"
                + json.dumps(
                    [docket[c], first.get(c, ""), sorted(courts[c]), sorted(judges.get(c, ())), listed]
                )
            )
    return out


def unpack_portfolio(value: str) -> Iterator[tuple[str, str]]:
    """A bucket's portfolio lines: (case IRI, its JSON, see ``portfolio_lines``) each."""
    for line in value.split("\n"):
        case, _, data = line.partition("\t")
        yield case, data


def _rows_from_links(info: dict[str, tuple[str, str]], found: _Found) -> dict[str, list[dict]]:
    """The rows of the relations in ``_FROM_LINKS`` (``relation_select``) from the cases'
    links, as the writer (graph.rdf) makes them equal: judge-platform joins two one-triple
    patterns on the case (each case's judges crossed with its platforms, the court the
    case's least); firm-platform's ``dg:appearingFirm`` is written with, and only with, an
    appearance of that firm in the case in the same graph (the law-firm links); an
    appearance's IRI is made of its case, firm and attorney, each graph writing it writing
    its type, case and attorney (the attorney links); the platform relation's rows are the
    platform links, one per filing date of the documents asserting them."""
    of: dict[str, dict[str, list[str]]] = {}
    for kind in ("LawFirm", "Attorney", "Judge", "Platform"):
        by_case: dict[str, list[str]] = defaultdict(list)
        for c, x in found.get(kind, {}):
            by_case[c].append(x)
        of[kind] = by_case
    nodes: dict[str, ox.NamedNode] = {}

    def n(iri: str) -> ox.NamedNode:
        t = nodes.get(iri)
        if t is None:
            t = nodes[iri] = ox.NamedNode(iri)
        return t

    jp: list[dict] = []
    fp: list[dict] = []
    att: list[dict] = []
    pl: list[dict] = []
    on_date: dict[str, ox.Literal] = {}
    for (c, p), ds in found.get("Platform", {}).items():
        # a platform's dates in a case: those of the documents naming it there (none: one
        # undated row, as the relation's OPTIONAL gives)
        if not ds:
            pl.append({"case": n(c), "platform": n(p)})
        for d in sorted(set(ds)):
            lit = on_date.get(d)
            if lit is None:
                lit = on_date[d] = ox.Literal(d, datatype=_XSD_DATE)
            pl.append({"case": n(c), "platform": n(p), "on": lit})
    for c, ps in of["Platform"].items():
        case = n(c)
        court = ox.Literal(info[c][1])
        for j in of["Judge"].get(c, ()):
            jp += [{"case": case, "judge": n(j), "platform": n(p), "court": court} for p in ps]
        for f in of["LawFirm"].get(c, ()):
            fp += [{"case": case, "firm": n(f), "platform": n(p)} for p in ps]
    for c, xs in of["Attorney"].items():
        case = n(c)
        att += [{"case": case, "x": n(x)} for x in xs]
    return {"judge-platform": jp, "firm-platform": fp, "attorney": att, "platform": pl}


def links_quads(lines: dict[str, dict[str, str]]) -> list[ox.Quad]:
    """The buckets' literals holding ``lines`` (kind -> case -> line, as ``case_links``
    gives): the lines of a bucket and kind in case order, one a line."""
    buckets: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for kind, by_case in lines.items():
        for c, line in by_case.items():
            buckets[(links_bucket(c), kind)].append((c, line))
    return [
        ox.Quad(
            ox.NamedNode(b),
            ox.NamedNode(links_predicate(kind)),
            ox.Literal("\n".join(ln for _, ln in sorted(got))),
            _GN,
        )
        for (b, kind), got in sorted(buckets.items())
    ]


def update_links(
    query: Callable[[str], list],
    update: Callable[[str], None],
    put: Callable[[list[ox.Quad]], None],
    cases: Sequence[ox.NamedNode],
) -> None:
    """Rewrite the buckets of ``cases`` with their current links: each bucket's lines of
    other cases kept, those of ``cases`` computed anew (none for a case no longer there)."""
    mine = {c.value for c in cases}
    lines = case_links(query, cases)
    lines[PORTFOLIO] = portfolio_lines(query, cases)
    buckets = sorted({links_bucket(c) for c in mine})
    vals = "VALUES ?b { " + " ".join(f"<{b}>" for b in buckets) + " }"
    preds = "VALUES ?p { " + " ".join(f"<{p}>" for p in _LINK_PREDICATES) + " }"
    for r in query(f"SELECT ?b ?p ?v WHERE {{ {vals} {preds} GRAPH {_G} {{ ?b ?p ?v }} }}"):
        kind = _LINK_PREDICATES[r["p"].value]
        for line in r["v"].value.split("\n"):
            c = line.split("\t", 1)[0]
            if c not in mine:
                lines.setdefault(kind, {})[c] = line
    update(f"DELETE {{ GRAPH {_G} {{ ?b ?p ?v }} }} WHERE {{ {vals} {preds} GRAPH {_G} {{ ?b ?p ?v }} }}")
    new = links_quads(lines)
    if new:
        put(new)


def _pattern(rel: Relation, vals: str) -> str:
    return (
        rel.pattern.replace("{values}", vals)
        .replace("JUDGED", _JUDGED)
        .replace("DOC_DATES", "?d_ a dg:Document ; dg:filed ?on .")
    )


PREFIX_BLOCK = (
    f"PREFIX dg: <https://docketgraph.org/ns#>\nPREFIX schema: <https://schema.org/>\nPREFIX dgs: <{SNS}>\n"
)


def _values(cases: Sequence[ox.NamedNode] | None) -> str:
    """The VALUES block restricting ``?case`` to ``cases`` (None: no restriction, every case)."""
    if cases is None:
        return ""
    return "VALUES ?case { " + " ".join(str(c) for c in cases) + " }"


def stale_quads(cases: Iterable[ox.NamedNode]) -> list[ox.Quad]:
    """The marks saying these cases' summaries must be rebuilt (written with the document)."""
    g = ox.NamedNode(SUMMARY_GRAPH)
    p = ox.NamedNode(SNS + "stale")
    t = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    return [ox.Quad(c, p, t, g) for c in dict.fromkeys(cases)]


def mark_graph_cases(graph: ox.NamedNode) -> str:
    """An update operation marking stale every case a document graph speaks of."""
    return (
        f"INSERT {{ GRAPH {_G} {{ ?c <{SNS}stale> true }} }} "
        f"WHERE {{ GRAPH {graph} {{ ?c a <https://docketgraph.org/ns#Case> }} }}"
    )


MARK_ALL = (
    f"INSERT {{ GRAPH {_G} {{ ?c <{SNS}stale> true }} }} WHERE {{ ?c a <https://docketgraph.org/ns#Case> }}"
)
CLEAR_ALL = f"DROP SILENT GRAPH {_G}"
#: the whole rebuild's first step, one small transaction: the summaries' and the name
#: index's versions (and the name table's stamp) removed, so that until the rebuild ends
#: no reader trusts what the graph holds, and a rebuild stopped part way is started over
UNSTAMP = f"DELETE WHERE {{ GRAPH {_G} {{ <{SUMMARY_GRAPH}> <{SNS}version> ?v }} }} ;\n" + name_index.UNSTAMP
ALL_CASES = "SELECT DISTINCT ?case WHERE { ?case a <https://docketgraph.org/ns#Case> }"
VERSION_DATA = f'INSERT DATA {{ GRAPH {_G} {{ <{SUMMARY_GRAPH}> <{SNS}version> "{VERSION}" }} }}'
#: true when queries may read the summaries: built by this version and nothing stale
CURRENT_ASK = (
    f'ASK {{ GRAPH {_G} {{ <{SUMMARY_GRAPH}> <{SNS}version> "{VERSION}" }} '
    f"FILTER NOT EXISTS {{ GRAPH {_G} {{ ?x <{SNS}stale>|<{SNS}dirty> true }} }} }}"
)
#: marks stale the cases of every plaintiff the name index has marked (named or unnamed by a
#: document written or removed since the last refresh): their portfolio lines hold its names
PLAINTIFFS_MARKED = (
    f"INSERT {{ GRAPH {_G} {{ ?c <{SNS}stale> true }} }} WHERE {{ GRAPH {_G} {{ ?e <{name_index.STALE}> true }} "
    f'?pt <https://docketgraph.org/ns#party> ?e ; <https://docketgraph.org/ns#role> "plaintiff" ; '
    "<https://docketgraph.org/ns#case> ?c . ?c a <https://docketgraph.org/ns#Case> }"
)
STALE_CASES = f"SELECT ?case WHERE {{ GRAPH {_G} {{ ?case <{SNS}stale> true }} }} LIMIT {{n}}"
ALL_STALE = f"SELECT ?case WHERE {{ GRAPH {_G} {{ ?case <{SNS}stale> true }} }}"
DIRTY_GROUPS = f"SELECT ?g WHERE {{ GRAPH {_G} {{ ?g <{SNS}dirty> true }} }} LIMIT {{n}}"

_GN = ox.NamedNode(SUMMARY_GRAPH)
_XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
_TRUE = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
_DOCKET, _MEMBER, _REL, _DIMS, _DIRTY, _CASE, _OF, _ON, _ITEMS = (
    ox.NamedNode(SNS + p) for p in ("docket", "member", "rel", "dims", "dirty", "case", "of", "on", "items")
)


def _md5(s: str) -> str:
    return hashlib.md5(s.encode("utf-8")).hexdigest()


def _s(t: object) -> str:
    """SPARQL's ``COALESCE(STR(?t), "")``."""
    return "" if t is None else t.value  # type: ignore[attr-defined]


def group_iri(rel: Relation, dims: Sequence[str]) -> str:
    """The IRI of the group of ``rel`` with these dims (each as SPARQL's STR, "" unbound)."""
    return f"{GROUP_BASE}{rel.name}/{_md5('|'.join(dims))}"


def relation_select(rel: Relation, cases: Sequence[ox.NamedNode] | None) -> str:
    """The SELECT finding, for ``cases`` (None: every case), the distinct (case, dims[, date])
    rows of ``rel``: a case belongs to a group per row."""
    vals = _values(cases)
    dims_v = " ".join("?" + d for d in rel.dims)
    extra = " ?on" if rel.dates else ""
    return (
        f"{PREFIX_BLOCK}SELECT DISTINCT ?case {dims_v}{extra} WHERE {{ "
        f"{_CASE_INFO.replace('{values}', vals)} {_pattern(rel, vals)} }}"
    )


_PAIRS = ("opposing", "co-counsel")
#: the relations whose rows the whole rebuild takes from the cases' links (``_rows_from_links``)
_FROM_LINKS = ("firm-platform", "judge-platform", "attorney", "platform")


def _pair_rows(query: Callable[[str], list], cases: Sequence[ox.NamedNode]) -> dict[str, list[dict]]:
    """The rows of ``relation_select`` for both pair relations (``_PAIRS``), by relation:
    paired in Python from the cases' appearances (one SELECT) rather than by the
    patterns' self-joins, which cost more than every other relation together."""
    vals = _values(cases)
    apps: dict[str, dict] = {}  # appearance -> case, typed, firms, attorneys, sides
    for r in query(
        f"{PREFIX_BLOCK}SELECT ?case ?app ?t ?firm ?att ?side WHERE {{ "
        f"{_CASE_INFO.replace('{values}', vals)} {vals} ?app dg:case ?case . "
        "OPTIONAL { ?app a ?t FILTER(?t = dg:Appearance) } OPTIONAL { ?app dg:firm ?firm } "
        "OPTIONAL { ?app dg:attorney ?att } OPTIONAL { ?app dg:side ?side } }"
    ):
        a = apps.setdefault(
            str(r["app"]) + " " + str(r["case"]),
            {"case": r["case"], "typed": False, "firm": set(), "attorney": set(), "side": set()},
        )
        a["typed"] = a["typed"] or r.get("t") is not None
        for k, v in (("firm", "firm"), ("attorney", "att"), ("side", "side")):
            if r.get(v) is not None:
                a[k].add(r[v])
    out: list[dict] = []
    by_case: dict[ox.NamedNode, set[tuple]] = defaultdict(set)
    for a in apps.values():
        if a["typed"]:
            by_case[a["case"]].update((f, s) for f in a["firm"] for s in a["side"])
    for case, fs in by_case.items():
        for x, xs in fs:
            for y, ys in fs:
                if xs != ys and x != y:
                    out.append({"case": case, "x": x, "xside": xs, "y": y, "yside": ys})
    found = {"opposing": out}
    out = []
    named = {
        r["x"]
        for r in query(
            f"{PREFIX_BLOCK}SELECT DISTINCT ?x WHERE {{ {vals} ?app dg:case ?case . "
            "{ ?app dg:firm ?x } UNION { ?app dg:attorney ?x } FILTER EXISTS { ?x schema:name ?n_ } }"
        )
    }
    for level, key in (("attorneys", "attorney"), ("firms", "firm")):
        lit = ox.Literal(level)
        per_case: dict[ox.NamedNode, set[tuple]] = defaultdict(set)
        for a in apps.values():
            sides = a["side"] or {None}
            per_case[a["case"]].update((x, s) for x in a[key] for s in sides)
        for case, xs in per_case.items():
            pairs = set()
            for x, s1 in xs:
                if x not in named:
                    continue
                for y, s2 in xs:
                    if y in named and x.value < y.value and (s1 is None or s2 is None or s1 == s2):
                        pairs.add((x, y))
            out += [{"case": case, "level": lit, "x": x, "y": y} for x, y in pairs]
    found["co-counsel"] = out
    return found


def relation_rows(
    query: Callable[[str], list], rel: Relation, cases: Sequence[ox.NamedNode], pairs: dict | None = None
) -> list[dict]:
    """The distinct (case, dims[, date]) rows of ``rel`` for ``cases`` (``relation_select``);
    ``pairs`` keeps the pair relations' rows for the next call with the same cases."""
    if rel.name in _PAIRS:
        if pairs is None:
            return _pair_rows(query, cases)[rel.name]
        if not pairs:
            pairs.update(_pair_rows(query, cases))
        return pairs[rel.name]
    return query(relation_select(rel, cases))


def _clear_facts(cases: Sequence[ox.NamedNode]) -> str:
    """The update marking dirty the groups ``cases`` belonged to and removing the cases'
    facts (memberships, dated nodes, docket)."""
    vals = _values(cases)
    return PREFIX_BLOCK + " ;\n".join(
        [
            f"INSERT {{ GRAPH {_G} {{ ?grp dgs:dirty true }} }} WHERE {{ {vals} "
            f"GRAPH {_G} {{ ?grp dgs:member ?case }} }}",
            f"DELETE {{ GRAPH {_G} {{ ?grp dgs:member ?case }} }} WHERE {{ {vals} "
            f"GRAPH {_G} {{ ?grp dgs:member ?case }} }}",
            f"DELETE {{ GRAPH {_G} {{ ?fact ?p ?o }} }} WHERE {{ {vals} "
            f"GRAPH {_G} {{ ?fact dgs:case ?case ; ?p ?o }} }}",
            f"DELETE {{ GRAPH {_G} {{ ?case dgs:docket ?d }} }} WHERE {{ {vals} "
            f"GRAPH {_G} {{ ?case dgs:docket ?d }} }}",
        ]
    )


def _unmark(pred: str, nodes: Sequence[ox.NamedNode]) -> str:
    return f"DELETE DATA {{ GRAPH {_G} {{ " + " ".join(f"{n} <{SNS}{pred}> true ." for n in nodes) + " } }"


def facts_quads(query: Callable[[str], list], cases: Sequence[ox.NamedNode]) -> list[ox.Quad]:
    """The facts of ``cases``, computed from the documents' facts: each case's docket
    (``case dgs:docket``), its membership of each group (``group dgs:member case``, with the
    group's ``dgs:rel`` and ``dgs:dims`` and a ``dgs:dirty`` mark) and, for relations with
    dates, a node per (group, case) holding the dates (``dgs:of``, ``dgs:case``, ``dgs:on``)."""
    out: list[ox.Quad] = []
    pairs: dict[str, list[dict]] = {}
    add = out.append
    for r in query(
        f"{PREFIX_BLOCK}SELECT ?case ?docket WHERE {{ {_CASE_INFO.replace('{values}', _values(cases))} }}"
    ):
        if r.get("case") is not None and r.get("docket") is not None:
            add(ox.Quad(r["case"], _DOCKET, r["docket"], _GN))
    for rel in RELATIONS:
        rel_lit = ox.Literal(rel.name)
        seen: dict[str, ox.NamedNode] = {}  # group IRI -> node, with its rel and dims written
        facts: set[tuple[str, str]] = set()
        for r in relation_rows(query, rel, cases, pairs):
            case = r["case"]
            dims = [_s(r.get(d)) for d in rel.dims]
            iri = group_iri(rel, dims)
            grp = seen.get(iri)
            if grp is None:
                grp = seen[iri] = ox.NamedNode(iri)
                add(ox.Quad(grp, _REL, rel_lit, _GN))
                add(ox.Quad(grp, _DIMS, ox.Literal("\t".join(dims)), _GN))
                add(ox.Quad(grp, _DIRTY, _TRUE, _GN))
            add(ox.Quad(grp, _MEMBER, case, _GN))
            if rel.dates:
                fact = ox.NamedNode(f"{iri}/{_md5(case.value)}")
                if (iri, case.value) not in facts:
                    facts.add((iri, case.value))
                    add(ox.Quad(fact, _CASE, case, _GN))
                    add(ox.Quad(fact, _OF, grp, _GN))
                on = r.get("on")
                if on is not None:
                    add(ox.Quad(fact, _ON, on, _GN))
    return out


def packed_predicate(relation: str) -> str:
    """The predicate holding a group's packed answer, one per relation (a single index scan
    reads every group of a relation)."""
    return f"{SNS}packed-{relation}"


def dated_predicate(relation: str, month: str) -> str:
    """The predicate holding, for one month ("YYYY-MM"), a group's dated cases: lines of
    date, case IRI and docket, tab-separated (see ``unpack_dated``); one per relation, so
    that a date range over one relation reads that relation's months only."""
    return f"{SNS}dated-{relation}-{month}"


def dated_month(predicate: str) -> str:
    """The month ("YYYY-MM") of a ``dated_predicate``."""
    return predicate[-7:]


def unpack_dated(value: str) -> list[tuple[str, str, str]]:
    """A group's dated cases of one month: (date, case IRI, docket) each."""
    out = []
    for line in value.split("\n"):
        f = line.split("\t")
        if len(f) == 3:
            out.append((f[0], f[1], f[2]))
    return out


def unpack(value: str) -> dict:
    """A group's packed answer: ``cases`` (int), ``first``, ``last`` (dates or None),
    ``items`` (names joined by "; "), ``dockets``, ``case_ids`` and ``dims`` (the group's
    identity, in the relation's order: IRIs and literals as strings)."""
    f = value.split("\t")
    return {
        "cases": int(f[0]),
        "first": f[1] or None,
        "last": f[2] or None,
        "items": f[3],
        "dockets": f[4],
        "case_ids": f[5],
        "dims": f[6:],
    }


def _group_values(groups: Sequence[ox.NamedNode]) -> str:
    return "VALUES ?grp { " + " ".join(str(g) for g in groups) + " }"


def groups_quads(query: Callable[[str], list], groups: Sequence[ox.NamedNode]) -> list[ox.Quad]:
    """The answers of ``groups``, counted from their members: per group, one literal (see
    ``unpack``) holding its case count, first and last dates, listed names, dockets, case
    ids and identity, tab-separated (labels hold no control characters, IRIs no tabs); per
    month, its dated cases (see ``unpack_dated``); and the listed names (``dgs:items``).
    Lists are sorted. A group without members gets nothing."""
    vals = _group_values(groups)
    members: dict[str, dict[str, str]] = defaultdict(dict)  # group -> case -> docket
    for r in query(
        f"{PREFIX_BLOCK}SELECT ?grp ?case ?docket WHERE {{ {vals} GRAPH {_G} {{ "
        "?grp dgs:member ?case . ?case dgs:docket ?docket } }"
    ):
        members[r["grp"].value][r["case"].value] = r["docket"].value
    dates: dict[tuple[str, str], set[str]] = defaultdict(set)  # (group, case) -> dates
    for r in query(
        f"{PREFIX_BLOCK}SELECT ?grp ?case ?on WHERE {{ {vals} GRAPH {_G} {{ "
        "?fact dgs:of ?grp ; dgs:case ?case ; dgs:on ?on } }"
    ):
        dates[(r["grp"].value, r["case"].value)].add(r["on"].value)
    items: dict[str, set[str]] = defaultdict(set)
    for rel in RELATIONS:
        mine = [g for g in groups if g.value.startswith(f"{GROUP_BASE}{rel.name}/")]
        if rel.items and mine:
            for r in query(
                f"{PREFIX_BLOCK}SELECT DISTINCT ?grp ?item_name WHERE {{ {_group_values(mine)} "
                f"GRAPH {_G} {{ ?grp dgs:member ?case }} "
                f"{rel.items.replace('JUDGED', _JUDGED)} ?item <https://schema.org/name> ?item_name }}"
            ):
                items[r["grp"].value].add(r["item_name"].value)
    out: list[ox.Quad] = []
    for r in query(
        f"{PREFIX_BLOCK}SELECT ?grp ?rel ?dims WHERE {{ {vals} GRAPH {_G} {{ ?grp dgs:rel ?rel ; dgs:dims ?dims }} }}"
    ):
        g = r["grp"].value
        cases = members.get(g)
        if cases:
            out += answer_quads(
                r["grp"],
                r["rel"].value,
                r["dims"].value,
                cases,
                {c: dates[(g, c)] for c in cases if (g, c) in dates},
                items.get(g),
            )
    return out


def answer_quads(
    grp: ox.NamedNode,
    relation: str,
    dims: str,
    cases: dict[str, str],
    dates: Mapping[str, Iterable[str]],
    items: set[str] | None,
) -> list[ox.Quad]:
    """A group's answer from its member ``cases`` (case IRI -> docket), their ``dates``
    (case IRI -> dates) and the names of their ``items``: its packed literal, its dated
    cases per month and its listed names (``dgs:items``)."""
    out: list[ox.Quad] = []
    names = "; ".join(sorted(items)) if items else ""
    if items:
        out.append(ox.Quad(grp, _ITEMS, ox.Literal(names), _GN))
    ons: list[str] = []
    months: dict[str, set[str]] = defaultdict(set)
    for case, docket in cases.items():
        for on in dates.get(case, ()):
            ons.append(on)
            months[on[:7]].add(f"{on}\t{case}\t{docket}")
    packed = "\t".join(
        [
            str(len(cases)),
            min(ons) if ons else "",
            max(ons) if ons else "",
            names,
            ", ".join(sorted(set(cases.values()))),
            " ".join(sorted(cases)),
            dims,
        ]
    )
    out.append(ox.Quad(grp, ox.NamedNode(packed_predicate(relation)), ox.Literal(packed), _GN))
    for month, lines in months.items():
        out.append(
            ox.Quad(
                grp, ox.NamedNode(dated_predicate(relation, month)), ox.Literal("\n".join(sorted(lines))), _GN
            )
        )
    return out


def _clear_groups(groups: Sequence[ox.NamedNode]) -> str:
    """The update removing the answers of ``groups`` (before they are written anew)."""
    return (
        f"{PREFIX_BLOCK}DELETE {{ GRAPH {_G} {{ ?grp ?pk ?v }} }} WHERE {{ {_group_values(groups)} "
        f"GRAPH {_G} {{ ?grp ?pk ?v }} "
        f'FILTER(STRSTARTS(STR(?pk), "{SNS}packed-") || STRSTARTS(STR(?pk), "{SNS}dated-") '
        "|| ?pk = dgs:items) }"
    )


def _settle_groups(groups: Sequence[ox.NamedNode], unanswered: Sequence[ox.NamedNode]) -> str:
    """The update removing the groups left without members (among ``unanswered``, those
    given no answer) and clearing the dirty marks of ``groups``."""
    ops = [_unmark("dirty", groups)]
    if unanswered:
        ops.insert(
            0,
            f"DELETE {{ GRAPH {_G} {{ ?grp ?p ?o }} }} WHERE {{ {_group_values(unanswered)} "
            f"GRAPH {_G} {{ ?grp ?p ?o }} FILTER NOT EXISTS {{ GRAPH {_G} {{ ?grp dgs:member ?c_ }} }} }}",
        )
    return PREFIX_BLOCK + " ;\n".join(ops)


def insert_data(quads: Iterable[ox.Quad]) -> str:
    """An INSERT DATA request for ``quads`` (for a store reached by SPARQL Update only)."""
    return (
        "INSERT DATA { "
        + "\n".join(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads)
        + " }"
    )


def _items_select(rel: Relation, cases: Sequence[ox.NamedNode] | None) -> str:
    """The names of the items (``Relation.items``) of ``cases`` (None: every case)."""
    assert rel.items
    return (
        f"{PREFIX_BLOCK}SELECT DISTINCT ?case ?item_name WHERE {{ {_values(cases)} "
        f"{rel.items.replace('JUDGED', _JUDGED)} ?item <https://schema.org/name> ?item_name }}"
    )


@dataclass
class _Built:
    """What ``rebuild_all`` gathers of one relation: its groups (IRI -> node and dims),
    their member cases (with dockets), dates and the cases' item names."""

    groups: dict[str, tuple[ox.NamedNode, str]] = field(default_factory=dict)
    members: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    #: per group, per case, its dates (a list: one or two dates each, a set's quarter of memory)
    dates: dict[str, dict[str, list[str]]] = field(default_factory=lambda: defaultdict(dict))
    items: dict[str, set[str]] = field(default_factory=dict)


def rebuild_all(
    query: Callable[[str], list],
    put: Callable[[list[ox.Quad]], None],
    cases: Sequence[ox.NamedNode],
    *,
    chunk: int = 1000,
    batch: int = 50_000,
    progress: Callable[[int], None] | None = None,
    stream: Callable[[str], Iterable[dict]] | None = None,
) -> None:
    """Build the facts and answers of every case in ``cases`` into empty summaries, one
    relation at a time: the same SELECTs as ``facts_quads`` over chunks of cases (the
    rows of judge-platform, firm-platform and attorney taken from the links read in their
    pass, the links kept in memory until the pass ends and the graphs' filing dates read
    once), then
    each group's answer counted in memory (``answer_quads``) rather than read back from the
    store; no group is left dirty. ``progress`` hears of the cases during the last pass.

    With ``stream`` (a SELECT's rows, read as they come: the embedded store), a relation
    with a pass of its own is read by one SELECT over every case instead of one per chunk
    (at 10,000 cases each chunk's SELECT costs twice as much a row: its VALUES do not
    bound the pattern's scans), its rows of cases not in ``cases`` left out as in chunks."""
    chunks = [cases[i : i + chunk] for i in range(0, len(cases), chunk)]
    out: list[ox.Quad] = []

    def flush(force: bool = False) -> None:
        if out and (force or len(out) >= batch):
            put(out)
            out.clear()

    intern: dict[str, str] = {}
    days: dict[str, str] = {}
    dockets: dict[str, str] = {}
    courts: dict[str, tuple[str, str]] = {}  # case -> docket, court (the links' case info)
    for part in chunks:
        for r in query(
            f"{PREFIX_BLOCK}SELECT ?case ?docket ?court WHERE {{ {_CASE_INFO.replace('{values}', _values(part))} }}"
        ):
            if r.get("case") is not None and r.get("docket") is not None:
                c = r["case"].value
                dockets[intern.setdefault(c, c)] = r["docket"].value
                out.append(ox.Quad(r["case"], _DOCKET, r["docket"], _GN))
                if r.get("court") is not None:
                    courts[c] = (r["docket"].value, r["court"].value)
        flush()
    filed: dict[str, list[str]] | None = None
    all_lines: dict[str, dict[str, str]] = {}
    pairs = tuple(r for r in RELATIONS if r.name in _PAIRS)
    with_links = tuple(r for r in RELATIONS if r.name in _FROM_LINKS)
    passes = [(r,) for r in RELATIONS if r.name not in _PAIRS + _FROM_LINKS] + [with_links, pairs]
    for k, rels in enumerate(passes):
        state = {rel.name: _Built() for rel in rels}
        whole = stream is not None and len(rels) == 1 and rels[0].name not in _PAIRS
        steps: list[Sequence[ox.NamedNode] | None] = [None] if whole else list(chunks)
        for ch in steps:
            found: Mapping[str, Iterable[dict]]
            if ch is None:
                assert stream is not None
                found = {rels[0].name: stream(relation_select(rels[0], None))}
            elif rels == pairs:
                found = _pair_rows(query, ch)
            elif rels == with_links:
                # the links' pass: the links kept (written when the pass ends: the chunks are
                # in the store's order, each touches every bucket), and these relations' rows
                # taken from them
                if filed is None:
                    filed = doc_dates(query)
                info, links = _links_of(query, ch, filed, courts)
                for kind, by_case in _link_lines(info, links).items():
                    all_lines.setdefault(kind, {}).update(by_case)
                all_lines.setdefault(PORTFOLIO, {}).update(portfolio_lines(query, ch))
                found = _rows_from_links(info, links)
            else:
                found = {rels[0].name: relation_rows(query, rels[0], ch)}
            for rel in rels:
                st = state[rel.name]
                rel_lit = ox.Literal(rel.name)
                by_key: dict[tuple, tuple[str, ox.NamedNode]] = {}  # dims' terms -> group
                for r in found[rel.name]:
                    case = r["case"]
                    c = intern.get(case.value, case.value)
                    if c not in dockets:
                        continue
                    key = tuple(r.get(d) for d in rel.dims)
                    known = by_key.get(key)
                    if known is None:
                        dims = [_s(t) for t in key]
                        iri = group_iri(rel, dims)
                        got = st.groups.get(iri)
                        if got is None:
                            grp = ox.NamedNode(iri)
                            st.groups[iri] = (grp, "\t".join(dims))
                            out.append(ox.Quad(grp, _REL, rel_lit, _GN))
                            out.append(ox.Quad(grp, _DIMS, ox.Literal(st.groups[iri][1]), _GN))
                        else:
                            grp = got[0]
                        by_key[key] = (iri, grp)
                    else:
                        iri, grp = known
                    if c not in st.members[iri]:
                        st.members[iri][c] = dockets[c]
                        out.append(ox.Quad(grp, _MEMBER, case, _GN))
                        if rel.dates:
                            fact = ox.NamedNode(f"{iri}/{_md5(c)}")
                            out.append(ox.Quad(fact, _CASE, case, _GN))
                            out.append(ox.Quad(fact, _OF, grp, _GN))
                    on = r.get("on")
                    if rel.dates and on is not None:
                        ds = st.dates[iri].get(c)
                        day = on.value
                        if ds is None or day not in ds:
                            day = days.setdefault(day, day)  # each date's text once
                            if ds is None:
                                st.dates[iri][c] = [day]
                            else:
                                ds.append(day)
                            out.append(ox.Quad(ox.NamedNode(f"{iri}/{_md5(c)}"), _ON, on, _GN))
                    if ch is None and len(out) >= batch:
                        flush()  # one SELECT over every case: its quads go in batches
                if rel.items:
                    for r in (
                        query(_items_select(rel, ch)) if stream is None else stream(_items_select(rel, ch))
                    ):
                        st.items.setdefault(r["case"].value, set()).add(r["item_name"].value)
            flush()
            if progress and k == len(passes) - 1 and ch is not None:
                progress(len(ch))
        if all_lines:
            out += links_quads(all_lines)
            all_lines.clear()
            flush()
        for rel in rels:
            st = state[rel.name]
            for iri, (grp, dims_s) in st.groups.items():
                cs = st.members[iri]
                names = set().union(*(st.items.get(c, ()) for c in cs)) if rel.items else None
                out += answer_quads(grp, rel.name, dims_s, cs, st.dates.get(iri, {}), names)
                flush()
    flush(True)


class Written:
    """What a whole rebuild wrote, as two 64-bit hashes per quad (that of the quad and that
    of its subject, predicate and object's hashes combined): the sweep (``sweep``) removes
    every quad of the summaries' graph not among them. 16 bytes a quad (13 million quads
    at 100,000 cases: 200 MB)."""

    def __init__(self) -> None:
        self._parts: list[tuple[np.ndarray, np.ndarray]] = []
        self._h1: np.ndarray | None = None
        self._h2: np.ndarray | None = None

    @staticmethod
    def hashes(quads: Sequence[ox.Quad]) -> tuple[np.ndarray, np.ndarray]:
        n = len(quads)
        return (
            np.fromiter((hash(q) for q in quads), dtype=np.int64, count=n),
            np.fromiter((hash((q.subject, q.predicate, q.object)) for q in quads), dtype=np.int64, count=n),
        )

    def add(self, quads: Sequence[ox.Quad]) -> None:
        self._parts.append(self.hashes(quads))
        self._h1 = self._h2 = None

    def __len__(self) -> int:
        return sum(len(a) for a, _ in self._parts)

    def holds(self, quads: Sequence[ox.Quad]) -> np.ndarray:
        """Per quad, whether it was written (both hashes equal)."""
        if self._h1 is None or self._h2 is None:
            h1 = np.concatenate([a for a, _ in self._parts]) if self._parts else np.zeros(0, np.int64)
            h2 = np.concatenate([b for _, b in self._parts]) if self._parts else np.zeros(0, np.int64)
            self._parts = [(h1, h2)]
            order = np.lexsort((h2, h1))
            self._h1, self._h2 = h1[order], h2[order]
        k1, k2 = self.hashes(quads)
        lo = np.searchsorted(self._h1, k1, side="left")
        hi = np.searchsorted(self._h1, k1, side="right")
        out = np.zeros(len(quads), dtype=bool)
        at = np.flatnonzero(hi > lo)  # a first hash in common: compare the second
        out[at] = self._h2[lo[at]] == k2[at]
        for i in at[(hi[at] - lo[at] > 1) & ~out[at]].tolist():  # several with that first hash
            out[i] = bool(np.any(self._h2[lo[i] : hi[i]] == k2[i]))
        return out


def sweep(
    quads: Iterable[ox.Quad],
    written: Written,
    remove: Callable[[list[ox.Quad]], None],
    *,
    slice_quads: int = 20_000,
    slice_chars: int = 8_000_000,
) -> int:
    """Remove every quad of ``quads`` (the summaries' graph, as an embedded store lists it)
    that ``written`` does not hold, in slices of at most ``slice_quads`` quads (or
    ``slice_chars`` characters of N-Quads): each slice one bounded transaction, where
    dropping the graph in one took 2.9 GB at 10,000 cases. Returns how many were removed."""
    gone: list[ox.Quad] = []
    chars = 0
    removed = 0
    batch: list[ox.Quad] = []

    def check() -> None:
        nonlocal chars, removed
        held = written.holds(batch)
        for i in np.flatnonzero(~held).tolist():
            q = batch[i]
            gone.append(q)
            chars += len(str(q))
            if len(gone) >= slice_quads or chars >= slice_chars:
                remove(gone)
                removed += len(gone)
                gone.clear()
                chars = 0
        batch.clear()

    for q in quads:
        batch.append(q)
        if len(batch) >= 65_536:
            check()
    check()
    if gone:
        remove(gone)
        removed += len(gone)
    return removed


def _count(query: Callable[[str], list], select: str) -> int:
    rows = query(select)
    return int(rows[0]["n"].value) if rows and rows[0].get("n") is not None else 0


def _rebuild_whole(query: Callable[[str], list], chunk: int) -> bool:
    """True when the summaries are best rebuilt whole: built by no version or another one,
    or more than a chunk of cases and at least a quarter of all cases are stale (measured
    at 1,000 cases: 400 stale cases cost 1.7 times a whole rebuild case by case)."""
    if not query(f'SELECT ?v WHERE {{ GRAPH {_G} {{ <{SUMMARY_GRAPH}> <{SNS}version> "{VERSION}" }} }}'):
        return True
    stale = _count(query, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {_G} {{ ?c <{SNS}stale> true }} }}")
    if stale <= chunk:
        return False
    return 4 * stale >= _count(
        query, "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://docketgraph.org/ns#Case> }"
    )


def _drain(
    query: Callable[[str], list],
    select: str,
    var: str,
    step: Callable[[list], None],
    chunk: int,
    progress: Callable[[int], None] | None,
) -> int:
    """Until ``select`` finds no more marked nodes: take a chunk, run ``step(chunk)`` (which
    also clears the chunk's marks). Returns how many nodes were handled."""
    n = 0
    while True:
        rows = query(select.replace("{n}", str(chunk)))
        nodes = [r[var] for r in rows if isinstance(r.get(var), ox.NamedNode)]
        if not nodes:
            return n
        step(nodes)
        n += len(nodes)
        if progress:
            progress(len(nodes))


def refresh(
    query: Callable[[str], list],
    update: Callable[[str], None],
    *,
    write: Callable[[list[ox.Quad]], None] | None = None,
    bulk_write: Callable[[list[ox.Quad]], None] | None = None,
    chunk: int = 500,
    group_chunk: int = 2000,
    progress: Callable[[int], None] | None = None,
    stream: Callable[[str], Iterable[dict]] | None = None,
    quads: Callable[[], Iterable[ox.Quad]] | None = None,
    remove: Callable[[list[ox.Quad]], None] | None = None,
) -> int:
    """Rebuild the facts of every stale case, then every dirty group; returns the number of
    cases rebuilt. ``query`` runs a SELECT and returns rows of dicts of terms; ``update``
    runs a SPARQL update; ``write`` adds quads (by default an INSERT DATA through ``update``),
    ``bulk_write`` too, for the whole rebuild (when the summaries were built by no version
    or another one; it need not be atomic: until the rebuild ends, no version is written,
    so a rebuild stopped part way starts over). ``stream``: a SELECT's rows as they come
    (an embedded store's), for the whole rebuild's SELECTs over every case (``rebuild_all``).

    The whole rebuild first removes the versions (``UNSTAMP``, one small transaction). With
    ``quads`` (the summaries' graph's quads as they come, from a snapshot) and ``remove``
    (removes a few thousand quads in one transaction), both an embedded store's, and
    ``bulk_write``, the old summaries are not dropped first: the rebuild writes over them
    (mostly the same quads) and then ``sweep`` removes, in slices, every quad it did not
    write; the versions go last. Otherwise the graph is dropped by one request (a server's).

    The answers are computed here from SELECTs over the documents' facts and the members'
    facts, and written as data. Each chunk's steps leave the store in a state a later
    ``refresh`` completes: a case's stale mark goes last (after its old groups were marked
    dirty, its old facts removed and its new ones written), and a group's dirty mark last
    (after its old answer was removed and its new one written)."""
    put = write or (lambda quads: update(insert_data(quads)))

    def facts_step(cases: list) -> None:
        new = facts_quads(query, cases)
        update(_clear_facts(cases))
        if new:
            put(new)
        update_links(query, update, put, cases)
        update(PREFIX_BLOCK + _unmark("stale", cases))

    def groups_step(groups: list) -> None:
        new = groups_quads(query, groups)
        update(_clear_groups(groups))
        if new:
            put(new)
        answered = {q.subject for q in new if q.predicate.value.startswith(SNS + "packed-")}
        update(_settle_groups(groups, [g for g in groups if g not in answered]))

    done = 0
    # a plaintiff renamed (a document naming it, in another case or in none) changes the
    # portfolio lines of its cases: they are rebuilt too (a first build rebuilds them all)
    if query(f'SELECT ?v WHERE {{ GRAPH {_G} {{ <{SUMMARY_GRAPH}> <{SNS}version> "{VERSION}" }} }}'):
        update(PLAINTIFFS_MARKED)
    if _rebuild_whole(query, chunk):
        # built by no version, or another one, or a quarter of the cases are stale (a
        # large load into a store holding few cases): rebuild every case, in one pass
        update(UNSTAMP)
        if quads is not None and remove is not None and bulk_write is not None:
            written = Written()
            write_all = bulk_write

            def kept(qs: list[ox.Quad]) -> None:
                written.add(qs)
                write_all(qs)

            cases = [r["case"] for r in query(ALL_CASES) if isinstance(r.get("case"), ox.NamedNode)]
            rebuild_all(query, kept, cases, progress=progress, stream=stream)
            name_index.build(query, update, write=kept, clear=False, stamp=False)
            removed = sweep(quads(), written, remove)
            log.info("summaries: %d quads written, %d old ones removed", len(written), removed)
            del written
            update(name_index.VERSION_DATA)
        else:
            update(CLEAR_ALL + " ;\n" + MARK_ALL)
            cases = [r["case"] for r in query(ALL_STALE) if isinstance(r.get("case"), ox.NamedNode)]
            rebuild_all(query, bulk_write or put, cases, progress=progress, stream=stream)
            update(f"DELETE WHERE {{ GRAPH {_G} {{ ?c <{SNS}stale> true }} }}")
        done = len(cases)
    done += _drain(query, STALE_CASES, "case", facts_step, chunk, progress)
    recounted = _drain(query, DIRTY_GROUPS, "g", groups_step, group_chunk, None)
    log.info("summaries: %d cases rebuilt, %d groups recounted", done, recounted)
    update(
        f"DELETE {{ GRAPH {_G} {{ <{SUMMARY_GRAPH}> <{SNS}version> ?v }} }} "
        f"WHERE {{ GRAPH {_G} {{ <{SUMMARY_GRAPH}> <{SNS}version> ?v }} }} ;\n" + VERSION_DATA
    )
    # the entity-search name index, kept alongside (a first build written as rebuild_all is)
    name_index.refresh(query, update, write=bulk_write or put)
    return done
