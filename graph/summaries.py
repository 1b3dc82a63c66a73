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
  belonged to (before and after), in bounded chunks, each chunk one update request that
  also clears the marks it handled;
- while any mark is left (a run stopped part way, a library user who called ``put``
  without ``refresh``), or the summaries were built by another version, the saved
  queries take their exact path over the documents' facts instead: an answer is never
  read from a stale summary.

Everything is SPARQL 1.1 Update over the default graph (the de-duplicated union of the
documents), so the same text maintains the summaries on the embedded store and on a
SPARQL server.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from docketgraph.graph.vocab import BASE

log = logging.getLogger(__name__)

SNS = BASE + "summary#"
SUMMARY_GRAPH = SNS + "graph"
GROUP_BASE = BASE + "summary/"
VERSION = "3"

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
    Relation(
        "firm-precedent",
        ("firm", "precedent"),
        """
        {values} ?doc_ dg:filedIn ?case ; dg:cites ?precedent .
        ?case dg:appearingFirm ?firm .""",
        items="?case JUDGED ?item .",
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


def _pattern(rel: Relation, vals: str) -> str:
    return rel.pattern.replace("{values}", vals).replace("JUDGED", _JUDGED)


PREFIX_BLOCK = (
    f"PREFIX dg: <https://docketgraph.org/ns#>\nPREFIX schema: <https://schema.org/>\nPREFIX dgs: <{SNS}>\n"
)


def _values(cases: Sequence[ox.NamedNode]) -> str:
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
VERSION_DATA = f'INSERT DATA {{ GRAPH {_G} {{ <{SUMMARY_GRAPH}> <{SNS}version> "{VERSION}" }} }}'
#: true when queries may read the summaries: built by this version and nothing stale
CURRENT_ASK = (
    f'ASK {{ GRAPH {_G} {{ <{SUMMARY_GRAPH}> <{SNS}version> "{VERSION}" }} '
    f"FILTER NOT EXISTS {{ GRAPH {_G} {{ ?x <{SNS}stale>|<{SNS}dirty> true }} }} }}"
)
STALE_CASES = f"SELECT ?case WHERE {{ GRAPH {_G} {{ ?case <{SNS}stale> true }} }} LIMIT {{n}}"
DIRTY_GROUPS = f"SELECT ?g WHERE {{ GRAPH {_G} {{ ?g <{SNS}dirty> true }} }} LIMIT {{n}}"


def _group_iri_expr(rel: Relation) -> str:
    parts = ', "|", '.join(f'COALESCE(STR(?{d}), "")' for d in rel.dims)
    return f'IRI(CONCAT("{GROUP_BASE}{rel.name}/", MD5(CONCAT({parts}))))'


def facts_update(cases: Sequence[ox.NamedNode]) -> str:
    """One update request rebuilding the facts of ``cases`` (and marking their old and new
    groups dirty), then clearing the cases' stale marks.

    A case's facts: its docket (``case dgs:docket``), its membership of each group
    (``group dgs:member case``) and, for relations with dates, a node per (group, case)
    holding the dates (``dgs:of``, ``dgs:case``, ``dgs:on``)."""
    vals = _values(cases)
    ops = [
        # the groups the cases belonged to need recounting
        f"INSERT {{ GRAPH {_G} {{ ?grp dgs:dirty true }} }} WHERE {{ {vals} "
        f"GRAPH {_G} {{ ?grp dgs:member ?case }} }}",
        f"DELETE {{ GRAPH {_G} {{ ?grp dgs:member ?case }} }} WHERE {{ {vals} "
        f"GRAPH {_G} {{ ?grp dgs:member ?case }} }}",
        f"DELETE {{ GRAPH {_G} {{ ?fact ?p ?o }} }} WHERE {{ {vals} "
        f"GRAPH {_G} {{ ?fact dgs:case ?case ; ?p ?o }} }}",
        f"DELETE {{ GRAPH {_G} {{ ?case dgs:docket ?d }} }} WHERE {{ {vals} "
        f"GRAPH {_G} {{ ?case dgs:docket ?d }} }}",
        f"INSERT {{ GRAPH {_G} {{ ?case dgs:docket ?docket }} }} WHERE {{ "
        f"{_CASE_INFO.replace('{values}', vals)} }}",
    ]
    for rel in RELATIONS:
        dims_s = ', "\\t", '.join(f'COALESCE(STR(?{d}), "")' for d in rel.dims)
        dims_v = " ".join("?" + d for d in rel.dims)
        extra = " ?on" if rel.dates else ""
        fact = "?fact dgs:case ?case ; dgs:of ?grp ; dgs:on ?on . " if rel.dates else ""
        bind_fact = 'BIND(IRI(CONCAT(STR(?grp), "/", MD5(STR(?case)))) AS ?fact) ' if rel.dates else ""
        ops.append(
            f"INSERT {{ GRAPH {_G} {{ {fact}?grp dgs:member ?case ; "
            f'dgs:rel "{rel.name}" ; dgs:dims ?dims_ ; dgs:dirty true . }} }} '
            f"WHERE {{ {{ SELECT DISTINCT ?case {dims_v}{extra} WHERE {{ "
            f"{_CASE_INFO.replace('{values}', vals)} {_pattern(rel, vals)} }} }} "
            f"BIND({_group_iri_expr(rel)} AS ?grp) BIND(CONCAT({dims_s}) AS ?dims_) {bind_fact}}}"
        )
    ops.append(f"DELETE DATA {{ GRAPH {_G} {{ " + " ".join(f"{c} dgs:stale true ." for c in cases) + " } }")
    return PREFIX_BLOCK + " ;\n".join(ops)


def packed_predicate(relation: str) -> str:
    """The predicate holding a group's packed answer, one per relation (a single index scan
    reads every group of a relation)."""
    return f"{SNS}packed-{relation}"


def dated_predicate(month: str) -> str:
    """The predicate holding, for one month ("YYYY-MM"), a group's dated cases: lines of
    date, case IRI and docket, tab-separated (see ``unpack_dated``)."""
    return f"{SNS}dated-{month}"


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


def groups_update(groups: Sequence[ox.NamedNode]) -> str:
    """One update request recounting ``groups`` from their members (a group left without
    members is removed), then clearing their dirty marks.

    A group's answer is one literal (see ``unpack``): its case count, first and last dates,
    listed names, dockets, case ids and identity, tab-separated (labels hold no control
    characters, IRIs no tabs)."""
    vals = "VALUES ?grp { " + " ".join(str(g) for g in groups) + " }"
    ops = [
        f"DELETE {{ GRAPH {_G} {{ ?grp ?pk ?v }} }} WHERE {{ {vals} GRAPH {_G} {{ ?grp ?pk ?v }} "
        f'FILTER(STRSTARTS(STR(?pk), "{SNS}packed-") || STRSTARTS(STR(?pk), "{SNS}dated-") '
        "|| ?pk = dgs:items) }",
        # per month, the dated cases of each group (date, case, docket), for date ranges
        f"INSERT {{ GRAPH {_G} {{ ?grp ?dp ?lines }} }} WHERE {{ {{ SELECT ?grp ?month "
        '(GROUP_CONCAT(DISTINCT CONCAT(STR(?on), "\\t", STR(?case), "\\t", ?docket); separator="\\n") '
        f"AS ?lines) WHERE {{ {vals} GRAPH {_G} {{ ?grp dgs:member ?case . ?case dgs:docket ?docket . "
        "?fact dgs:of ?grp ; dgs:case ?case ; dgs:on ?on } BIND(SUBSTR(STR(?on), 1, 7) AS ?month) } "
        f'GROUP BY ?grp ?month }} BIND(IRI(CONCAT("{SNS}dated-", ?month)) AS ?dp) }}',
    ]
    # the names of the items a group's cases have (e.g. the judges before whom a precedent
    # was cited), read from the documents' facts
    for rel in RELATIONS:
        mine = [g for g in groups if g.value.startswith(f"{GROUP_BASE}{rel.name}/")]
        if rel.items and mine:
            ops.append(
                f"INSERT {{ GRAPH {_G} {{ ?grp dgs:items ?items }} }} WHERE {{ {{ SELECT ?grp "
                '(GROUP_CONCAT(DISTINCT ?item_name; separator="; ") AS ?items) '
                "WHERE { VALUES ?grp { " + " ".join(str(g) for g in mine) + " } "
                f"GRAPH {_G} {{ ?grp dgs:member ?case }} "
                f"{rel.items.replace('JUDGED', _JUDGED)} ?item <https://schema.org/name> ?item_name }} "
                "GROUP BY ?grp } }"
            )
    ops += [
        f"INSERT {{ GRAPH {_G} {{ ?grp ?pk ?packed }} }} WHERE {{ {{ "
        "SELECT ?grp (COUNT(DISTINCT ?case) AS ?n) "
        '(GROUP_CONCAT(DISTINCT ?docket; separator=", ") AS ?dockets) '
        '(GROUP_CONCAT(DISTINCT STR(?case); separator=" ") AS ?ids) (MIN(?on) AS ?first) (MAX(?on) AS ?last) '
        f"WHERE {{ {vals} GRAPH {_G} {{ ?grp dgs:member ?case . ?case dgs:docket ?docket . "
        "OPTIONAL { ?fact dgs:of ?grp ; dgs:case ?case ; dgs:on ?on } } } GROUP BY ?grp } "
        f"GRAPH {_G} {{ ?grp dgs:rel ?rel ; dgs:dims ?dims . OPTIONAL {{ ?grp dgs:items ?items }} }} "
        f'BIND(IRI(CONCAT("{SNS}packed-", ?rel)) AS ?pk) '
        'BIND(CONCAT(STR(?n), "\\t", COALESCE(STR(?first), ""), "\\t", COALESCE(STR(?last), ""), "\\t", '
        'COALESCE(?items, ""), "\\t", ?dockets, "\\t", ?ids, "\\t", ?dims) AS ?packed) }',
        f"DELETE {{ GRAPH {_G} {{ ?grp ?p ?o }} }} WHERE {{ {vals} GRAPH {_G} {{ ?grp ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH {_G} {{ ?grp dgs:member ?c_ }} }} }}",
        f"DELETE DATA {{ GRAPH {_G} {{ " + " ".join(f"{g} dgs:dirty true ." for g in groups) + " } }",
    ]
    return PREFIX_BLOCK + " ;\n".join(ops)


def _drain(
    query: Callable[[str], list],
    update: Callable[[str], None],
    select: str,
    var: str,
    build: Callable[[list], str],
    chunk: int,
    progress: Callable[[int], None] | None,
) -> int:
    """Until ``select`` finds no more marked nodes: take a chunk, run ``build(chunk)`` (an
    update that also clears the chunk's marks). Returns how many nodes were handled."""
    n = 0
    while True:
        rows = query(select.replace("{n}", str(chunk)))
        nodes = [r[var] for r in rows if isinstance(r.get(var), ox.NamedNode)]
        if not nodes:
            return n
        update(build(nodes))
        n += len(nodes)
        if progress:
            progress(len(nodes))


def refresh(
    query: Callable[[str], list],
    update: Callable[[str], None],
    *,
    chunk: int = 500,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Rebuild the facts of every stale case, then every dirty group; returns the number of
    cases rebuilt. ``query`` runs a SELECT and returns rows of dicts of terms."""
    if not query(f'SELECT ?v WHERE {{ GRAPH {_G} {{ <{SUMMARY_GRAPH}> <{SNS}version> "{VERSION}" }} }}'):
        # built by no version, or another one: rebuild every case
        update(CLEAR_ALL + " ;\n" + MARK_ALL)
    done = _drain(query, update, STALE_CASES, "case", facts_update, chunk, progress)
    recounted = _drain(query, update, DIRTY_GROUPS, "g", groups_update, chunk, None)
    log.info("summaries: %d cases rebuilt, %d groups recounted", done, recounted)
    update(
        f"DELETE {{ GRAPH {_G} {{ <{SUMMARY_GRAPH}> <{SNS}version> ?v }} }} "
        f"WHERE {{ GRAPH {_G} {{ <{SUMMARY_GRAPH}> <{SNS}version> ?v }} }} ;\n" + VERSION_DATA
    )
    return done
