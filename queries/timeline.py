"""Counts over time: how many cases per month, for the saved queries that have dates.

``KnowledgeGraph.counts_over_time(name, **params)`` calls :func:`counts_over_time`; the
``docketgraph chart`` command draws the answer (queries.charts). Each chart follows the
saved query of the same name and takes its parameters:

- ``schedule-a-cases`` — Schedule A cases (rule sa-1) per month, one series per court
  (``court``, ``firm``, ``judge``, ``from``, ``to``);
- ``judges-for-firm`` — the cases per month in which a law firm appeared (``firm``, needed;
  ``court``, ``from``, ``to``), one series per court;
- ``firms-for-judge`` — the cases per month before a judge (``judge``, needed; ``court``,
  ``from``, ``to``), one series per court.

A case counts once, in the month of its earliest stored filing date (the date the
``schedule-a-cases`` query gives its year by); ``from`` / ``to`` keep the cases whose month
date lies between them. A case with no dated filing is counted apart (``undated``) and not
drawn. Every month from the first to the last is listed, with zeros, so a gap shows.

Parameters are bound by the engine (``dg:param``, ``dg:within``: see queries.saved), and
names are matched through every stored spelling, as the saved queries match them: no value
is ever pasted into the query text. The text is put together from fixed fragments, one for
each parameter given.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from docketgraph.graph.errors import BadParameter, UnknownQuery
from docketgraph.graph.store import Store
from docketgraph.queries.saved import Param, SavedQuery

__all__ = ["CHARTS", "ChartSpec", "MonthCounts", "counts_over_time", "court_label"]

_COURT = Param("court", "court", "", 'Court id or name (ilnd, "N.D. Ill."); empty for every court')
_FIRM = Param("firm", "firm", "", "A law firm's name")
_JUDGE = Param("judge", "judge", "", 'A judge\'s name (e.g. "Martha M. Pacold", or a unique surname)')
_FROM = Param("from", "date", "", "Only cases whose earliest filing is on or after this day")
_TO = Param("to", "date", "", "Only cases whose earliest filing is on or before this day")


@dataclass(frozen=True)
class ChartSpec:
    """One chart: the saved query it follows, what it counts and the parameters it takes."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    schedule_a: bool = False
    required: tuple[str, ...] = ()

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params)
        raise BadParameter(f"chart {self.name} has no parameter {name!r} (parameters: {known})")


CHARTS: dict[str, ChartSpec] = {
    c.name: c
    for c in (
        ChartSpec(
            "schedule-a-cases",
            "Schedule A cases per month",
            "Schedule A cases (rule sa-1) per month by court; month of each case's earliest stored filing.",
            (_COURT, _FIRM, _JUDGE, _FROM, _TO),
            schedule_a=True,
        ),
        ChartSpec(
            "judges-for-firm",
            "Cases per month of a law firm",
            "The cases per month in which one law firm appeared, by court; month of each case's earliest stored filing.",
            (_FIRM, _COURT, _FROM, _TO),
            required=("firm",),
        ),
        ChartSpec(
            "firms-for-judge",
            "Cases per month before a judge",
            "The cases per month before one judge (assigned, referred or panel), by court; month of each case's earliest stored filing.",
            (_JUDGE, _COURT, _FROM, _TO),
            required=("judge",),
        ),
    )
}

# --- the query, from fixed fragments ---------------------------------------------------------

_BASE = """SELECT ?court ?month (COUNT(DISTINCT ?case) AS ?cases) WHERE {{
  {{ SELECT ?case (MIN(?d) AS ?first) WHERE {{
      ?case a dg:Case {schedule_a}. FILTER EXISTS {{ ?case dg:docketNumber ?dn_ }}
      OPTIONAL {{ ?doc dg:filedIn ?case . ?doc dg:filed ?d }} }} GROUP BY ?case }}
  OPTIONAL {{ SELECT ?case (MIN(?ck) AS ?court0) WHERE {{ ?case dg:courtKey ?ck }} GROUP BY ?case }}
  BIND(COALESCE(?court0, "") AS ?court)
  BIND(COALESCE(SUBSTR(STR(?first), 1, 7), "") AS ?month)
{filters}}}
GROUP BY ?court ?month
ORDER BY ?court ?month"""
_FRAGMENTS = {
    "court": '  FILTER(?court = dg:param("court"))\n',
    "firm": """  { SELECT DISTINCT ?case WHERE { ?f_ dg:key ?fk_ . FILTER(?fk_ = dg:param("firm"))
                                  ?app_ dg:firm ?f_ ; dg:case ?case } }\n""",
    "judge": """  { SELECT DISTINCT ?case WHERE { ?j_ dg:key ?jk_ . FILTER(?jk_ = dg:param("judge"))
                                  ?case dg:presidingJudge|dg:magistrateJudge|dg:panelJudge ?j_ } }\n""",
    "dates": "  FILTER(dg:within(?first))\n",
}
_NAME_OF = "SELECT ?k (MIN(?n) AS ?name) WHERE { ?x dg:key ?k ; schema:name ?n } GROUP BY ?k"


@functools.lru_cache(maxsize=64)
def _query(name: str, given: frozenset[str]) -> SavedQuery:
    """The counting query of chart ``name`` for the parameters ``given``, as a saved query
    (so that its parameters are bound, and names resolved, as every saved query's are)."""
    spec = CHARTS[name]
    parts = [_FRAGMENTS[p] for p in ("court", "firm", "judge") if p in given]
    if given & {"from", "to"}:
        parts.append(_FRAGMENTS["dates"])
    text = _BASE.format(schedule_a="; dg:scheduleA true " if spec.schedule_a else "", filters="".join(parts))
    return SavedQuery(spec.name, spec.title, spec.description, spec.params, sparql=text, source="timeline.py")


# --- the answer -----------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthCounts:
    """Cases per month: ``months`` ("YYYY-MM", every month from the first to the last) and,
    for each series (a court), its counts in the same order; ``undated`` cases (no dated
    filing) are counted apart. ``rows()`` gives the table (month, court, cases)."""

    chart: str
    title: str
    months: tuple[str, ...]
    #: (series key, label, counts per month)
    series: tuple[tuple[str, str, tuple[int, ...]], ...]
    undated: dict[str, int] = field(default_factory=dict)
    params: tuple[tuple[str, str], ...] = ()
    note: str = ""

    @property
    def total(self) -> int:
        return sum(sum(c) for _, _, c in self.series)

    @property
    def totals(self) -> tuple[int, ...]:
        """The counts per month over every series."""
        return tuple(sum(c[i] for _, _, c in self.series) for i in range(len(self.months)))

    def rows(self) -> list[dict[str, Any]]:
        """One row per month and series with cases (zeros left out), then the undated."""
        out = [
            {"month": m, "court": key, "cases": n}
            for key, _, counts in self.series
            for m, n in zip(self.months, counts, strict=True)
            if n
        ]
        out += [{"month": "undated", "court": k, "cases": n} for k, n in sorted(self.undated.items())]
        return out


@functools.lru_cache(maxsize=1)
def _court_names() -> dict[str, str]:
    from courts_db import courts  # reference data: loaded when a chart is first labelled

    return {c["id"]: c.get("citation_string") or c.get("name") or c["id"] for c in courts if c.get("id")}


def court_label(court: str) -> str:
    """A court for a legend: "N.D. Ill. (ilnd)"; an unknown id as it is; "" as "court unknown"."""
    if not court or court == "unknown":
        return "court unknown"
    name = _court_names().get(court)
    return f"{name} ({court})" if name and name != court else court


def _month_after(m: str) -> str:
    y, mo = int(m[:4]), int(m[5:7])
    return f"{y + mo // 12:04d}-{mo % 12 + 1:02d}"


def _span(first: str, last: str) -> list[str]:
    out = [first]
    while out[-1] < last:
        out.append(_month_after(out[-1]))
    return out


def counts_over_time(
    store: Store, name: str, params: dict[str, Any], keys: Mapping[str, str] | None = None
) -> MonthCounts:
    """Cases per month for chart ``name`` (one of ``CHARTS``) with ``params`` (the chart's
    parameters by name, ``None`` or "" meaning not given). Raises UnknownQuery for an
    unknown chart, BadParameter for a parameter it does not take, a bad value or a missing
    needed one. ``keys``: entity keys to bind as they are, for name parameters already
    resolved (``queries.lookup.resolve_params``)."""
    spec = CHARTS.get(name)
    if spec is None:
        raise UnknownQuery(f"no chart {name!r}; charts: {', '.join(CHARTS)}")
    given = {k: str(v) for k, v in params.items() if v is not None and str(v).strip() != ""}
    for k in given:
        spec.param(k)
    missing = [r for r in spec.required if r not in given]
    if missing:
        raise BadParameter(f"chart {name} needs the parameter {missing[0]!r} (-p {missing[0]} VALUE)")
    q = _query(name, frozenset(given))
    _, rows = q.run(store, given, keys=dict(keys or {}))[:2]
    dated: dict[str, dict[str, int]] = {}
    undated: dict[str, int] = {}
    for r in rows:
        court, month, n = r.get("court") or "", r.get("month") or "", int(r["cases"])
        if month:
            dated.setdefault(court, {})[month] = n
        else:
            undated[court] = undated.get(court, 0) + n
    seen = sorted({m for by in dated.values() for m in by})
    lo = q.param("from").bind(given.get("from")) if "from" in given else None
    hi = q.param("to").bind(given.get("to")) if "to" in given else None
    first = lo.value[:7] if lo is not None else (seen[0] if seen else None)
    last = hi.value[:7] if hi is not None else (seen[-1] if seen else None)
    months = tuple(_span(first, last)) if first and last and first <= last else ()
    series = tuple(
        (court, court_label(court), tuple(dated[court].get(m, 0) for m in months))
        for court in sorted(dated, key=lambda c: (c in ("", "unknown"), c))  # the unknown court last
    )
    return MonthCounts(
        chart=name,
        title=_title(store, spec, given),
        months=months,
        series=series,
        undated=undated,
        params=tuple(sorted(given.items())),
        note=_note(spec, undated),
    )


def _title(store: Store, spec: ChartSpec, given: dict[str, str]) -> str:
    """The chart's title, naming the firm or judge as stored and the court and dates."""
    parts = []
    for p in ("firm", "judge"):
        if p in given:
            parts.append(_stored_name(store, spec.param(p), given[p]))
    head = {
        "schedule-a-cases": "Schedule A cases per month",
        "judges-for-firm": "Cases per month",
        "firms-for-judge": "Cases per month",
    }[spec.name]
    title = head + (": " + ", ".join(parts) if parts else "")
    if "court" in given:
        title += f" in {court_label(given['court'].strip().lower())}"
    if "from" in given or "to" in given:
        title += f" ({given.get('from', '…')} to {given.get('to', '…')})"
    return title


def _stored_name(store: Store, p: Param, value: str) -> str:
    """The stored name of the entity a firm or judge parameter matches (else the value)."""
    term = p.bind(value)
    if term is None:
        return value
    key = store.key_for_alias(term.value) or term.value
    rows = store.query(_NAME_OF, {"k": ox.Literal(key)})[1]
    return rows[0]["name"] if rows and rows[0].get("name") else value


def _note(spec: ChartSpec, undated: dict[str, int]) -> str:
    parts = ["month of each case's earliest stored filing"]
    if spec.schedule_a:
        parts.insert(0, "rule sa-1")
    n = sum(undated.values())
    if n:
        parts.append(f"{n} undated case{'s' if n != 1 else ''} not shown")
    return "; ".join(parts)
