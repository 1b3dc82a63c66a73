"""The headline saved queries answered from the store's summaries (graph.summaries).

Each function gives the same columns and rows as its ``.rq`` file (the exact path, which
stays the reference; tests/test_summaries.py runs both and compares) from the packed group
answers: one index scan of a relation's groups, the names, keys and roles of the few
firms, judges, platforms and attorneys involved, then filtering and ordering in Python.
That is what keeps a headline query in tens of milliseconds at 10,000 cases: SPARQL over
the same groups spent most of its time unpacking and ordering strings.

Parameters arrive as normalised terms (firm and judge names already resolved to keys
through every stored spelling), exactly as the ``.rq`` files receive them.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Callable
from importlib import resources
from typing import Any

import pyoxigraph as ox

from docketgraph.graph import keys, summaries
from docketgraph.graph.store import Store
from docketgraph.queries.saved import NAME_TYPES, SavedQuery, parse_rq, place_values

_FIRMS = """SELECT ?x (MIN(?n) AS ?name) (MIN(?k) AS ?key) WHERE {
  ?x a dg:LawFirm ; schema:name ?n ; dg:key ?k } GROUP BY ?x"""
_JUDGES = """SELECT ?x (MIN(?n) AS ?name) (MIN(?k) AS ?key) (MIN(?r) AS ?role) WHERE {
  ?x a dg:Judge ; schema:name ?n ; dg:key ?k ; dg:judgeRole ?r } GROUP BY ?x"""
_PLATFORMS = """SELECT DISTINCT ?x ?name ?kind WHERE {
  { SELECT ?x (MIN(?n) AS ?name) WHERE { ?x a dg:Platform ; schema:name ?n } GROUP BY ?x }
  ?x dg:platformKind ?kind }"""
#: counsel: attorneys and firms (the pairs' members), with their names and keys
_COUNSEL = """SELECT ?x (MIN(?n) AS ?name) (MIN(?k) AS ?key) WHERE {
  VALUES ?t { dg:Attorney dg:LawFirm } ?x a ?t ; schema:name ?n . OPTIONAL { ?x dg:key ?k } } GROUP BY ?x"""
_MEMBER_KEYS = """SELECT DISTINCT ?x ?k WHERE { VALUES ?t { dg:Attorney dg:LawFirm } ?x a ?t .
  { ?x dg:key ?k } UNION { ?x dg:memberOf/dg:key ?k } }"""
_ATTORNEYS = """SELECT ?a ?f (MIN(?an) AS ?attorney_name) (MIN(?fn) AS ?firm_name) ?firm
  (GROUP_CONCAT(DISTINCT ?mail; separator=", ") AS ?emails) WHERE {
  ?a a dg:Attorney ; dg:memberOf ?f ; schema:name ?an .
  ?f dg:key ?firm ; schema:name ?fn .
  OPTIONAL { ?a schema:email ?mail } } GROUP BY ?a ?f ?firm"""
_PRECEDENTS = """SELECT ?x ?citation (COALESCE(MIN(?cn), MIN(?n)) AS ?name) WHERE {
  ?x a dg:Precedent ; dg:citation ?citation ; schema:name ?n . OPTIONAL { ?x dg:citedName ?cn } }
  GROUP BY ?x ?citation"""
SA_RULE = keys.SCHEDULE_A_RULE_TEXT
#: at most this many (firm, precedent) pairs: precedents-cited with a range computes their
#: groups' IRIs instead of reading the identity of each group found in range
KNOWN_GROUPS = 300_000
#: past this many cases, precedents-cited reads their judges from the summaries' links
LINKED_CASES = 2000


def _by(store: Store, sparql: str, key: str = "x") -> dict[str, dict]:
    return {r[key]: r for r in store.query(sparql)[1]}


def _by_many(store: Store, sparql: str, key: str = "x") -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in store.query(sparql)[1]:
        out[r[key]].append(r)
    return out


def _ok(p: dict, name: str, value: Any) -> bool:
    """True when parameter ``name`` was not given or equals ``value``."""
    return name not in p or p[name] == value


def _group_cols(g: dict) -> dict:
    return {"cases": g["cases"], "dockets": g["dockets"], "case_ids": g["case_ids"]}


def _months(lo: str, hi: str) -> list[str]:
    """Every month ("YYYY-MM") from the one of ``lo`` to the one of ``hi`` (dates)."""
    y, m = int(lo[:4]), int(lo[5:7])
    end = (int(hi[:4]), int(hi[5:7]))
    out = []
    while (y, m) <= end:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _within(
    store: Store,
    relation: str,
    groups: list[dict] | None,
    lo: str | None,
    hi: str | None,
    *,
    by_group: bool = False,
    known: dict[str, list[str]] | None = None,
) -> list[dict]:
    """``groups`` (of ``relation``, a relation with dates) narrowed to their cases with a
    date between ``lo`` and ``hi`` (inclusive, either may be None), as the exact path's
    ``dg:within`` filter does: a case counts when one of its dates is in range, and the
    first and last dates are those in range. Read from the relation's per-month buckets of
    the months in range (bounded by the dates the groups hold), one index scan per month,
    or with ``by_group`` (a few groups, e.g. one firm's) from each group's own buckets.
    Each group returned also has ``members`` (case IRI -> docket, in range).

    ``groups`` None (``lo`` and ``hi`` given): every group of the relation with a case in
    range, found in the buckets of the range's months, each with its ``id`` and ``dims``
    only (read for those groups alone: not every group's whole answer); with ``known``
    (group IRI -> dims: every group the caller can answer), those groups only, nothing read."""
    if groups is None:
        assert lo is not None and hi is not None
        a, b = lo, hi
        by_id: dict[str, dict] | None = None
    else:
        firsts = [g["first"] for g in groups if g["first"]]
        lasts = [g["last"] for g in groups if g["last"]]
        if not firsts or not lasts:
            return []
        a = max(lo, min(firsts)) if lo else min(firsts)
        b = min(hi, max(lasts)) if hi else max(lasts)
        by_id = {g["id"]: g for g in groups}
    if a[:7] > b[:7]:
        return []
    found: dict[str, dict[str, str]] = defaultdict(dict)  # group -> case -> docket
    dates: dict[str, list[str]] = defaultdict(list)

    def take(gid: str, entries: list[tuple[str, str, str]]) -> None:
        for on, case, docket in entries:
            if (lo is None or on[:10] >= lo) and (hi is None or on[:10] <= hi):
                found[gid][case] = docket
                dates[gid].append(on)

    if by_group and by_id is not None:
        for gid in by_id:
            take(gid, sorted(store.summary_group_dated(gid)))
    else:
        for month in _months(a, b):
            for gid, entries in store.summary_dated(relation, month):
                if by_id is None or gid in by_id:
                    take(gid, entries)
    if by_id is None:
        dims_of = known if known is not None else store.summary_dims(sorted(found))
        by_id = {gid: {"id": gid, "dims": dims_of[gid]} for gid in found if gid in dims_of}
    out = []
    for gid, cases in found.items():
        if gid not in by_id:
            continue
        g = by_id[gid]
        out.append(
            {
                **g,
                "cases": len(cases),
                "dockets": ", ".join(dict.fromkeys(cases.values())),
                "case_ids": " ".join(cases),
                "first": min(dates[gid]),
                "last": max(dates[gid]),
                "members": cases,
            }
        )
    return out


def _dated(store: Store, relation: str, groups: list[dict], p: dict, *, few: bool = False) -> list[dict]:
    """``groups`` narrowed to the ``from``/``to`` range of ``p`` when one is given (see
    ``_within``; ``few``: groups already narrowed to a firm's or a judge's)."""
    lo, hi = p.get("from") or None, p.get("to") or None
    if lo is None and hi is None:
        return groups
    # each group's own quads are read one group at a time: for a few groups only
    return _within(store, relation, groups, lo, hi, by_group=few and len(groups) <= 100)


def _firm_judge_rows(store: Store, p: dict) -> list[tuple[dict, dict, dict, dict]]:
    firms, judges = _by(store, _FIRMS), _by(store, _JUDGES)
    out = []
    groups = _dated(store, "firm-judge", store.summary_groups("firm-judge"), p)
    for g in groups:
        f, j, court = g["dims"]
        fi, ji = firms.get(f), judges.get(j)
        if fi is None or ji is None or not _ok(p, "court", court):
            continue
        out.append((g, fi, ji, court))
    return out


def firms_before_judges(store: Store, p: dict) -> tuple[list[str], list[dict]]:
    cols = [
        "firm_label",
        "judge_label",
        "role",
        "court",
        "cases",
        "dockets",
        "case_ids",
        "first",
        "last",
        "firm",
        "judge",
        "f",
        "j",
    ]
    rows = []
    for g, fi, ji, court in _firm_judge_rows(store, p):
        if not (_ok(p, "firm", fi["key"]) and _ok(p, "judge", ji["key"]) and _ok(p, "role", ji["role"])):
            continue
        rows.append(
            {
                "firm_label": fi["name"],
                "judge_label": ji["name"],
                "role": ji["role"],
                "court": court,
                **_group_cols(g),
                "first": g["first"],
                "last": g["last"],
                "firm": fi["key"],
                "judge": ji["key"],
                "f": fi["x"],
                "j": ji["x"],
            }
        )
    rows.sort(key=lambda r: (-r["cases"], r["firm_label"], r["judge_label"]))
    return cols, rows


def judges_for_firm(store: Store, p: dict) -> tuple[list[str], list[dict]]:
    cols = [
        "firm_label",
        "judge_label",
        "role",
        "court",
        "cases",
        "dockets",
        "case_ids",
        "first",
        "last",
        "firm",
        "f",
        "j",
    ]
    rows = []
    for g, fi, ji, court in _firm_judge_rows(store, p):
        if not _ok(p, "firm", fi["key"]):
            continue
        rows.append(
            {
                "firm_label": fi["name"],
                "judge_label": ji["name"],
                "role": ji["role"],
                "court": court,
                **_group_cols(g),
                "first": g["first"],
                "last": g["last"],
                "firm": fi["key"],
                "f": fi["x"],
                "j": ji["x"],
            }
        )
    rows.sort(key=lambda r: (-r["cases"], r["judge_label"], r["firm_label"]))
    return cols, rows


def firms_for_judge(store: Store, p: dict) -> tuple[list[str], list[dict]]:
    cols = [
        "firm_label",
        "judge_label",
        "court",
        "cases",
        "dockets",
        "case_ids",
        "first",
        "last",
        "judge",
        "f",
        "j",
    ]
    rows = []
    for g, fi, ji, court in _firm_judge_rows(store, p):
        if not _ok(p, "judge", ji["key"]):
            continue
        rows.append(
            {
                "firm_label": fi["name"],
                "judge_label": ji["name"],
                "court": court,
                **_group_cols(g),
                "first": g["first"],
                "last": g["last"],
                "judge": ji["key"],
                "f": fi["x"],
                "j": ji["x"],
            }
        )
    rows.sort(key=lambda r: (-r["cases"], r["firm_label"], r["judge_label"]))
    return cols, rows


def _platform_dated(store: Store, groups: list[dict], p: dict) -> list[dict]:
    """``groups`` (of firm-platform or judge-platform, the platform their second dim)
    narrowed to their cases that name the platform in a filing dated in the ``from``/``to``
    range of ``p``, when one is given: the cases in range of the platform relation's
    groups (``_within``) that are the group's cases."""
    lo, hi = p.get("from") or None, p.get("to") or None
    if (lo is None and hi is None) or not groups:
        return groups
    wanted = {g["dims"][1] for g in groups}
    in_range = {
        g["dims"][0]: g["members"]
        for g in _within(
            store, "platform", [g for g in store.summary_groups("platform") if g["dims"][0] in wanted], lo, hi
        )
    }
    out = []
    for g in groups:
        dated = in_range.get(g["dims"][1])
        if not dated:
            continue
        mine = {c: dated[c] for c in g["case_ids"].split() if c in dated}
        if mine:
            out.append(
                {
                    **g,
                    "cases": len(mine),
                    "dockets": ", ".join(dict.fromkeys(mine.values())),
                    "case_ids": " ".join(mine),
                }
            )
    return out


def platforms_by_firm(store: Store, p: dict) -> tuple[list[str], list[dict]]:
    cols = ["firm_label", "platform_label", "kind", "cases", "dockets", "case_ids", "firm", "f", "p"]
    # the groups' firms are dg:appearingFirm objects: law firms
    firms, platforms = _by(store, _FIRMS), _by_many(store, _PLATFORMS)
    rows = []
    groups = []
    for g in store.summary_groups("firm-platform"):
        fi = firms.get(g["dims"][0])
        if fi is not None and _ok(p, "firm", fi["key"]):
            groups.append(g)
    # with from/to, the cases naming the platform in a filing in range
    for g in _platform_dated(store, groups, p):
        f, pl = g["dims"]
        fi = firms[f]
        for pi in platforms.get(pl, ()):
            if _ok(p, "kind", pi["kind"]):
                rows.append(
                    {
                        "firm_label": fi["name"],
                        "platform_label": pi["name"],
                        "kind": pi["kind"],
                        **_group_cols(g),
                        "firm": fi["key"],
                        "f": f,
                        "p": pl,
                    }
                )
    rows.sort(key=lambda r: (-r["cases"], r["firm_label"], r["platform_label"]))
    return cols, rows


def platforms_by_judge(store: Store, p: dict) -> tuple[list[str], list[dict]]:
    cols = [
        "judge_label",
        "platform_label",
        "kind",
        "court",
        "cases",
        "dockets",
        "case_ids",
        "judge",
        "j",
        "p",
    ]
    # the groups' judges are the cases' judges
    judges = _by(
        store,
        """SELECT ?x (MIN(?n) AS ?name) (MIN(?k) AS ?key) WHERE {
                             ?x a dg:Judge ; dg:key ?k ; schema:name ?n } GROUP BY ?x""",
    )
    platforms = _by_many(store, _PLATFORMS)
    rows = []
    groups = []
    for g in store.summary_groups("judge-platform"):
        j, _, court = g["dims"]
        ji = judges.get(j)
        if ji is not None and _ok(p, "judge", ji["key"]) and _ok(p, "court", court):
            groups.append(g)
    # with from/to, the cases naming the platform in a filing in range
    for g in _platform_dated(store, groups, p):
        j, pl, court = g["dims"]
        ji = judges[j]
        for pi in platforms.get(pl, ()):
            if _ok(p, "kind", pi["kind"]):
                rows.append(
                    {
                        "judge_label": ji["name"],
                        "platform_label": pi["name"],
                        "kind": pi["kind"],
                        "court": court,
                        **_group_cols(g),
                        "judge": ji["key"],
                        "j": j,
                        "p": pl,
                    }
                )
    rows.sort(key=lambda r: (-r["cases"], r["judge_label"], r["platform_label"]))
    return cols, rows


def _keyed(store: Store, key: str) -> set[str]:
    """The entities whose key is ``key``."""
    return {
        r["x"] for r in store.query(f"SELECT ?x WHERE {{ {_values('k', [key], iri=False)} ?x dg:key ?k }}")[1]
    }


def _dockets(store: Store, cases: set[str]) -> dict[str, str]:
    """The least docket number of each of ``cases``."""
    out: dict[str, str] = {}
    ordered = sorted(cases)
    for i in range(0, len(ordered), 2000):
        for r in store.query(
            f"SELECT ?case (MIN(?dn) AS ?docket) WHERE {{ {_values('case', ordered[i : i + 2000])} "
            "?case dg:docketNumber ?dn } GROUP BY ?case"
        )[1]:
            out[r["case"]] = r["docket"]
    return out


def schedule_a_cases(store: Store, p: dict) -> tuple[list[str], list[dict]]:
    cols = ["court", "year", "cases", "dockets", "case_ids", "rule"]
    rows = []
    dated = bool(p.get("from") or p.get("to"))
    # cases whose earliest filing is in range
    groups = _dated(store, "schedule-a", store.summary_groups("schedule-a"), p)
    if "firm" in p or "judge" in p:
        # the cases of the firm's groups, of the judge's, or of both (by court and year)
        whos = [_keyed(store, p[name]) for name in ("firm", "judge") if name in p]
        of_who = [g for g in store.summary_groups("schedule-a-who") if any(g["dims"][0] in w for w in whos)]
        if len(whos) == 1 and len(whos[0]) == 1 and not dated:
            # one firm's or one judge's groups are the answer as they stand
            groups = [{**g, "dims": g["dims"][1:]} for g in of_who]
        else:
            of: dict[tuple[str, str], set[str]] | None = None
            for who in whos:
                mine: dict[tuple[str, str], set[str]] = defaultdict(set)
                for g in of_who:
                    if g["dims"][0] in who:
                        mine[(g["dims"][1], g["dims"][2])].update(g["case_ids"].split())
                of = mine if of is None else {k: v & mine[k] for k, v in of.items() if k in mine}
            assert of is not None
            kept = []
            for g in groups:
                cases = of.get((g["dims"][0], g["dims"][1]))
                if cases:
                    members = g.get("members") or {c: "" for c in g["case_ids"].split()}
                    mine_ = {c: d for c, d in members.items() if c in cases}
                    if mine_:
                        kept.append({**g, "members": mine_})
            dockets = _dockets(store, {c for g in kept for c, d in g["members"].items() if not d})
            groups = [
                {
                    **g,
                    "cases": len(g["members"]),
                    "dockets": ", ".join(dict.fromkeys(d or dockets[c] for c, d in g["members"].items())),
                    "case_ids": " ".join(g["members"]),
                }
                for g in kept
            ]
    for g in groups:
        court, year = g["dims"]
        if _ok(p, "court", court):
            rows.append({"court": court, "year": year, **_group_cols(g), "rule": SA_RULE})
    rows.sort(key=lambda r: (r["court"], r["year"]))
    return cols, rows


def co_counsel(store: Store, p: dict) -> tuple[list[str], list[dict]]:
    cols = ["level", "first", "second", "cases", "dockets", "case_ids", "x", "y"]
    names = _by(store, _COUNSEL)
    keys: dict[str, set] = defaultdict(set)
    if "firm" in p:
        for r in store.query(_MEMBER_KEYS)[1]:
            keys[r["x"]].add(r["k"])
    rows = []
    for g in store.summary_groups("co-counsel"):
        level, x, y = g["dims"]
        if x not in names or y not in names:
            continue
        if "firm" in p and p["firm"] not in keys.get(x, ()) and p["firm"] not in keys.get(y, ()):
            continue
        rows.append(
            {
                "level": level,
                "first": names[x]["name"],
                "second": names[y]["name"],
                **_group_cols(g),
                "x": x,
                "y": y,
            }
        )
    rows.sort(key=lambda r: (r["level"], -r["cases"], r["first"], r["second"]))
    return cols, rows


def opposing_counsel(store: Store, p: dict) -> tuple[list[str], list[dict]]:
    cols = ["first", "first_side", "second", "second_side", "cases", "dockets", "case_ids", "firm", "x", "y"]
    names = _by(store, _COUNSEL)
    fkeys = {x: r["key"] for x, r in names.items() if r.get("key") is not None}
    rows = []
    for g in store.summary_groups("opposing"):
        x, xside, y, yside = g["dims"]
        if x not in names or y not in names or x not in fkeys or not _ok(p, "firm", fkeys[x]):
            continue
        rows.append(
            {
                "first": names[x]["name"],
                "first_side": xside,
                "second": names[y]["name"],
                "second_side": yside,
                **_group_cols(g),
                "firm": fkeys[x],
                "x": x,
                "y": y,
            }
        )
    rows.sort(key=lambda r: (-r["cases"], r["first"], r["second"]))
    return cols, rows


def attorneys_of_firm(store: Store, p: dict) -> tuple[list[str], list[dict]]:
    cols = ["firm_label", "attorney_label", "emails", "cases", "dockets", "case_ids", "firm", "f", "a"]
    groups = {g["dims"][0]: g for g in store.summary_groups("attorney")}
    rows = []
    for r in store.query(_ATTORNEYS)[1]:
        if not _ok(p, "firm", r["firm"]):
            continue
        g = groups.get(r["a"], {"cases": 0, "dockets": None, "case_ids": None})  # as GROUP_CONCAT of none
        rows.append(
            {
                "firm_label": r["firm_name"],
                "attorney_label": r["attorney_name"],
                "emails": r["emails"],
                **_group_cols(g),
                "firm": r["firm"],
                "f": r["f"],
                "a": r["a"],
            }
        )
    rows.sort(key=lambda r: (r["firm_label"], -r["cases"], r["attorney_label"]))
    return cols, rows


_JUDGED = "dg:presidingJudge|dg:magistrateJudge|dg:panelJudge"


def _values(var: str, terms: list[str], *, iri: bool = True) -> str:
    """A VALUES block binding ``?var`` to ``terms`` (IRIs, or literals written by
    pyoxigraph in their escaped form)."""
    return (
        f"VALUES ?{var} {{ " + " ".join(str(ox.NamedNode(t) if iri else ox.Literal(t)) for t in terms) + " }"
    )


def _judge_cases(store: Store, judge: str) -> dict[str, str]:
    """The cases before the judge whose key is ``judge`` (case IRI -> its least docket)."""
    return {
        r["case"]: r["docket"]
        for r in store.query(
            f"SELECT ?case (MIN(?dn) AS ?docket) WHERE {{ {_values('k', [judge], iri=False)} "
            f"?j dg:key ?k . ?case {_JUDGED} ?j . ?case dg:docketNumber ?dn }} GROUP BY ?case"
        )[1]
    }


def _case_judge_names(store: Store, cases: set[str], judge: str | None) -> dict[str, set[str]]:
    """The names of the judges (with a key; only those with key ``judge`` when given) of
    each of ``cases``: past ``LINKED_CASES`` cases, their judges read from the summaries'
    judge links (every case's, a few literals) and the names of those judges looked up,
    rather than the cases' judges looked up case by case."""
    out: dict[str, set[str]] = defaultdict(set)
    if len(cases) > LINKED_CASES:
        of_case: dict[str, list[str]] = {}
        for packed in store.summary_links("Judge"):
            for case, _docket, _court, links in summaries.unpack_links(packed):
                if case in cases:
                    of_case[case] = links[0::3]
        named: dict[str, set[str]] = defaultdict(set)
        judges = sorted({j for js in of_case.values() for j in js})
        keyed = f"FILTER(?k = {ox.Literal(judge)})" if judge is not None else ""
        for i in range(0, len(judges), 2000):
            for r in store.query(
                f"SELECT DISTINCT ?j ?n WHERE {{ {_values('j', judges[i : i + 2000])} "
                f"?j dg:key ?k ; schema:name ?n {keyed} }}"
            )[1]:
                named[r["j"]].add(r["n"])
        for case, js in of_case.items():
            for j in js:
                if j in named:
                    out[case] |= named[j]
        return out
    ordered = sorted(cases)
    only = f"FILTER(?k = {ox.Literal(judge)})" if judge is not None else ""
    for i in range(0, len(ordered), 2000):
        for r in store.query(
            f"SELECT DISTINCT ?case ?n WHERE {{ {_values('case', ordered[i : i + 2000])} "
            f"?case {_JUDGED} ?j . ?j dg:key ?k ; schema:name ?n {only} }}"
        )[1]:
            out[r["case"]].add(r["n"])
    return out


def _judge_groups(store: Store, judge: str, lo: str | None, hi: str | None) -> list[dict]:
    """The firm-precedent groups narrowed to the cases before the judge whose key is
    ``judge`` (with ``lo``/``hi``, to those of their cases citing the precedent in a filing
    dated in range, as ``_within`` narrows them): the relation's rows of those cases read
    from the documents' facts by the SELECT the summaries are built with
    (``summaries.relation_select``), rather than every group of the store read and cut.
    Each group has its ``dims`` and ``members`` (case IRI -> docket, in IRI order)."""
    before = _judge_cases(store, judge)
    rel = next(r for r in summaries.RELATIONS if r.name == "firm-precedent")
    members: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    dated = lo is not None or hi is not None
    ordered = sorted(before)
    for i in range(0, len(ordered), 1000):
        chunk = [ox.NamedNode(c) for c in ordered[i : i + 1000]]
        for r in store.query(summaries.relation_select(rel, chunk))[1]:
            if dated:
                on = r.get("on")
                if on is None or (lo is not None and on[:10] < lo) or (hi is not None and on[:10] > hi):
                    continue
            members[(r["firm"], r["precedent"])][r["case"]] = before[r["case"]]
    return [
        {"dims": [f, pr], "members": dict(sorted(cases.items()))}
        for (f, pr), cases in sorted(members.items())
    ]


def precedents_cited(store: Store, p: dict) -> tuple[list[str], list[dict]]:
    cols = [
        "firm_label",
        "citation",
        "precedent_label",
        "judges",
        "cases",
        "dockets",
        "case_ids",
        "firm",
        "f",
        "pr",
    ]
    firms = _by(store, _FIRMS)  # dg:appearingFirm objects: law firms
    precedents = _by_many(store, _PRECEDENTS)
    groups = []
    judge: str | None = p.get("judge")
    dated = bool(p.get("from") or p.get("to"))
    # a judge's cases are a few of the store's: their groups are read live (with a firm
    # too when a range is given: a firm's groups in range are read month by month)
    live = judge is not None and ("firm" not in p or dated)
    lo, hi = p.get("from") or None, p.get("to") or None
    # a range with both ends (of at most 50 years) and neither firm nor judge: the groups
    # with a case in range found in the months' buckets, not every group's answer read
    ranged = (
        not live and "firm" not in p and lo is not None and hi is not None and len(_months(lo, hi)) <= 600
    )
    if judge is not None and live:
        found = _judge_groups(store, judge, lo, hi)
    elif ranged:
        # the groups this answer can hold are those of a known firm and precedent: their
        # IRIs computed (a hash each) rather than each found group's identity read
        rel = next(r for r in summaries.RELATIONS if r.name == "firm-precedent")
        known = None
        if len(firms) * len(precedents) <= KNOWN_GROUPS:
            known = {summaries.group_iri(rel, [f, pr]): [f, pr] for f in firms for pr in precedents}
        found = _within(store, rel.name, None, lo, hi, known=known)
    elif "firm" in p:  # the firm's groups only, one lookup each (IRIs from their dims)
        rel = next(r for r in summaries.RELATIONS if r.name == "firm-precedent")
        firm_iris = [f for f, fi in firms.items() if fi["key"] == p["firm"]]
        found = store.summary_groups_of(
            rel.name, [summaries.group_iri(rel, [f, pr]) for f in firm_iris for pr in precedents]
        )
    else:
        found = store.summary_groups("firm-precedent")
    for g in found:
        fi = firms.get(g["dims"][0])
        if fi is not None and _ok(p, "firm", fi["key"]) and g["dims"][1] in precedents:
            groups.append(g)
    narrowed = judge is not None or dated
    if not live and not ranged:
        # with from/to, the cases citing the precedent in a filing in range
        groups = _dated(store, "firm-precedent", groups, p, few="firm" in p)
    if judge is not None and not live:  # only the cases before the judge
        before = _judge_cases(store, judge)
        kept = []
        for g in groups:
            members = g.get("members") or {c: before.get(c) for c in g["case_ids"].split()}
            mine = {c: d for c, d in members.items() if c in before}
            if mine:
                kept.append({**g, "members": mine})
        groups = kept
    names: dict[str, set[str]] = {}
    if narrowed:  # the judges of the cases counted
        groups = [
            {
                **g,
                "cases": len(g["members"]),
                "dockets": ", ".join(dict.fromkeys(g["members"].values())),
                "case_ids": " ".join(g["members"]),
            }
            for g in groups
        ]
        if judge is not None and live:  # the judge's names in each of the judge's cases
            names = defaultdict(set)
            for r in store.query(
                f"SELECT DISTINCT ?case ?n WHERE {{ {_values('k', [judge], iri=False)} "
                f"?j dg:key ?k ; schema:name ?n . ?case {_JUDGED} ?j }}"
            )[1]:
                names[r["case"]].add(r["n"])
        else:
            names = _case_judge_names(store, {c for g in groups for c in g["members"]}, judge)
    rows = []
    for g in groups:
        f, pr = g["dims"]
        fi = firms[f]
        if narrowed:
            listed = "; ".join(sorted(set().union(*(names.get(c, ()) for c in g["members"]))))
        else:
            listed = g["items"]
        for pi in precedents[pr]:
            rows.append(
                {
                    "firm_label": fi["name"],
                    "citation": pi["citation"],
                    "precedent_label": pi["name"],
                    "judges": listed or None,
                    **_group_cols(g),
                    "firm": fi["key"],
                    "f": f,
                    "pr": pr,
                }
            )
    rows.sort(key=lambda r: (r["firm_label"], -r["cases"], r["citation"]))
    return cols, rows


def _names_of(store: Store, iris: set[str]) -> dict[str, list[str]]:
    """Every name of each of ``iris`` (those with one), sorted."""
    out: dict[str, set[str]] = defaultdict(set)
    ordered = sorted(iris)
    for i in range(0, len(ordered), 2000):
        for r in store.query(
            f"SELECT ?x ?n WHERE {{ {_values('x', ordered[i : i + 2000])} ?x schema:name ?n }}"
        )[1]:
            out[r["x"]].add(r["n"])
    return {x: sorted(ns) for x, ns in out.items()}


def brand_portfolio(store: Store, p: dict) -> tuple[list[str], list[dict]]:
    """One row per (plaintiff, key, case, court) from the cases' portfolio lines
    (``summaries.portfolio_lines``): with ``plaintiff``, the lines holding that key (a
    substring test before the line is parsed); with ``from``/``to``, the cases whose first
    filing is in range (a case without a dated filing only when neither is given); the
    firms' and judges' names read for the few firms and judges listed."""
    cols = [
        "plaintiff_label",
        "docket",
        "court",
        "firms",
        "judges",
        "first_filed",
        "cases",
        "plaintiff",
        "p",
        "case",
    ]
    want = p.get("plaintiff")
    lo, hi = p.get("from") or None, p.get("to") or None
    needle = json.dumps(want) if want is not None else None
    found = []
    for packed in store.summary_links(summaries.PORTFOLIO):
        for case, data in summaries.unpack_portfolio(packed):
            if needle is not None and needle not in data:
                continue
            docket, first, courts, judges, plaintiffs = json.loads(data)
            if first:
                if (lo is not None and first[:10] < lo) or (hi is not None and first[:10] > hi):
                    continue
            elif lo is not None or hi is not None:
                continue
            for x, name, ks, firms in plaintiffs:
                for k in ks:
                    if want is None or k == want:
                        found.append((case, docket, first, courts, judges, x, name, k, firms))
    entity_names = _names_of(store, {i for f in found for i in (*f[4], *f[8])})
    rows = []
    for case, docket, first, courts, judges, x, name, k, firms in found:
        # no name at all: no value (GROUP_CONCAT over the OPTIONAL's unbound names)
        firm_names = "; ".join(sorted({n for f in firms for n in entity_names.get(f, ())})) or None
        judge_names = "; ".join(sorted({n for j in judges for n in entity_names.get(j, ())})) or None
        for court in courts:
            rows.append(
                {
                    "plaintiff_label": name,
                    "docket": docket,
                    "court": court,
                    "firms": firm_names,
                    "judges": judge_names,
                    "first_filed": first or None,
                    "cases": 1,
                    "plaintiff": k,
                    "p": x,
                    "case": case,
                }
            )
    # as ORDER BY ?plaintiff_label ?first_filed ?docket (an unbound date first)
    rows.sort(
        key=lambda r: (
            r["plaintiff_label"],
            r["first_filed"] is not None,
            r["first_filed"] or "",
            r["docket"],
        )
    )
    return cols, rows


@functools.cache
def _builtin(name: str) -> SavedQuery:
    entry = resources.files("docketgraph.queries") / "saved" / f"{name}.rq"
    return parse_rq(entry.read_text(encoding="utf-8"), name, f"saved/{name}.rq", builtin=True)


_CANDIDATES = re.compile(r"^([ \t]*)#[ \t]*@candidates[ \t]+([A-Za-z_][A-Za-z0-9_]*)\b.*$", re.M)


def _exact_among(
    store: Store, name: str, p: dict, candidates: dict[str, list[str]]
) -> tuple[list[str], list[dict]]:
    """The built-in query ``name``'s own text run with the parameters ``p`` (already resolved,
    as the summaries receive them), each ``# @candidates VAR`` line replaced by a VALUES
    block of ``candidates[VAR]`` (IRIs): the exact path's rows when every entity the
    answer could hold is a candidate, with the plan starting from them."""
    q = _builtin(name)

    def line(m: re.Match[str]) -> str:
        return f"{m.group(1)}{_values(m.group(2), candidates[m.group(2)])}"

    text = _CANDIDATES.sub(line, q.sparql)
    names = {x.name for x in q.params if x.type in NAME_TYPES}
    terms = {k: ox.Literal(v) for k, v in p.items() if k in names}
    values = {k: str(v) for k, v in p.items() if k not in names}
    bindings = {k: t for k, t in q.bindings(values).items()}
    bindings.update({k: t for k, t in terms.items() if k not in q.function_params})
    functions = q.functions(values, {k: t for k, t in terms.items() if k in q.function_params})
    placed = {**q.function_terms(values, terms), **bindings}
    return store.query(place_values(text, placed), bindings, custom_functions=functions)


def seller_recurrence(store: Store, p: dict) -> tuple[list[str], list[dict]]:
    # a defendant in the answer is named in at least min_cases cases (of those in range and
    # in the court): the defendants the summaries find in that many cases or more, the
    # answer then counted by the query's own text among them
    least = int(p.get("min_cases") or 2)
    only = _keyed(store, p["defendant"]) if "defendant" in p else None
    groups = [
        g["dims"][0]
        for g in store.summary_groups("defendant")
        if g["cases"] >= least and (only is None or g["dims"][0] in only)
    ]
    return _exact_among(store, "seller-recurrence", p, {"d": sorted(groups)})


QUERIES: dict[str, Callable[[Store, dict], tuple[list[str], list[dict]]]] = {
    "firms-before-judges": firms_before_judges,
    "judges-for-firm": judges_for_firm,
    "firms-for-judge": firms_for_judge,
    "platforms-by-firm": platforms_by_firm,
    "platforms-by-judge": platforms_by_judge,
    "schedule-a-cases": schedule_a_cases,
    "co-counsel": co_counsel,
    "opposing-counsel": opposing_counsel,
    "attorneys-of-firm": attorneys_of_firm,
    "precedents-cited": precedents_cited,
    "brand-portfolio": brand_portfolio,
    "seller-recurrence": seller_recurrence,
}
