"""Saved queries are data: ``.rq`` files with a metadata header, parsed when discovered.

Header lines (comments at the top of the file)::

    # title: Firms before judges
    # description: Which law firms appeared in cases before which judges.
    # param: court court = ""   Court id (e.g. ilnd); empty for all courts
    # param: firm firm = ""     A law firm's name (matched on its normalised key)
    # view: bipartite firm judge cases

    # hidden: f j            (columns kept for evidence and views, not shown in tables)
    # summary: from to       (a built-in query also answered from the store's summaries,
                              by queries.summarised, unless one of these is given)
    # override: true         (a query of the user's that replaces a built-in of that name;
                              without it the clash is refused, see queries.registry)

A parameter ``NAME`` is bound to the variable ``?NAME`` through the engine
(pyoxigraph substitutions), never pasted into the text. pyoxigraph only substitutes
variables that the query projects and that occur in its main pattern (not in a
sub-SELECT, not only in a FILTER), so the loader refuses a query whose parameters are
not projected, and refuses SERVICE (decided on the parsed query, see queries.guard).

Parameters that are not equalities (date ranges, thresholds) reach the query through
engine-bound functions instead: ``dg:param("NAME")`` returns the bound value (an error,
so ``COALESCE`` falls through, when it was not given); ``dg:given("NAME")`` says whether
it was given; ``dg:within(?date)`` is true when a
date lies between the ``from`` and ``to`` parameters; ``dg:noDates()`` is true when
neither was given. The values come from Python at evaluation time, never from the text.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from docketgraph.graph import keys
from docketgraph.graph.errors import BadParameter, QueryError
from docketgraph.graph.store import PREFIXES, Store
from docketgraph.graph.vocab import NS
from docketgraph.queries import guard

_XSD = "http://www.w3.org/2001/XMLSchema#"
_NOT_TEXT = re.compile("[\ud800-\udfff]")

#: a saved query's answer: its columns and its rows
Answer = tuple[list[str], list[dict[str, Any]]]


def _str(v: str) -> ox.Literal:
    return ox.Literal(v)


def _int(v: str) -> ox.Literal:
    try:
        return ox.Literal(str(int(v)), datatype=ox.NamedNode(_XSD + "integer"))
    except ValueError:
        raise BadParameter(f"not an integer: {v!r}") from None


def _date(v: str) -> ox.Literal:
    try:
        return ox.Literal(_dt.date.fromisoformat(v).isoformat(), datatype=ox.NamedNode(_XSD + "date"))
    except ValueError:
        raise BadParameter(f"not a date (YYYY-MM-DD): {v!r}") from None


#: parameter type -> converter from the user's string to the bound term
TYPES: dict[str, Callable[[str], ox.Literal]] = {
    "str": _str,
    "int": _int,
    "date": _date,
    "court": lambda v: ox.Literal(v.strip().lower()),
    "firm": lambda v: ox.Literal(keys.firm_store_key(v)),
    "key": lambda v: ox.Literal(keys.slug(v)),
    # names of entities of one kind (matched forgivingly by the facade, queries.lookup)
    "judge": lambda v: ox.Literal(keys.slug(v)),
    "attorney": lambda v: ox.Literal(keys.slug(v)),
    "party": lambda v: ox.Literal(keys.slug(v)),
    "platform": lambda v: ox.Literal(keys.slug(v)),
    "docket": lambda v: ox.Literal(keys.docket_key(v)),
    "role": lambda v: ox.Literal(v.strip().lower()),
}


#: parameter types whose values are names of stored entities
NAME_TYPES = _NAME_TYPES = ("firm", "key", "judge", "attorney", "party", "platform")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str = ""
    description: str = ""

    def bind(self, value: str | None) -> ox.Literal | None:
        v = self.default if value is None else value
        if v is None or v == "":
            return None
        if not isinstance(v, str):
            v = str(v)
        if len(v) > 500:
            raise BadParameter(f"parameter {self.name}: value longer than 500 characters")
        if _NOT_TEXT.search(v):  # a byte that was not UTF-8, kept by surrogateescape from argv
            raise BadParameter(f"parameter {self.name}: the value is not valid UTF-8 text")
        try:
            return TYPES[self.type](v)
        except BadParameter as e:
            raise BadParameter(f"parameter {self.name}: {e}") from None


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    sparql: str = ""
    view: tuple[str, ...] = ()
    source: str = ""
    hidden: tuple[str, ...] = ()
    python: Callable[..., Answer] | None = field(default=None, compare=False)
    #: answered from the store's summaries (queries.summarised) when they are current and
    #: none of ``summary_unless`` is given (header line ``# summary: PARAM ...``)
    summary: Callable[..., Answer] | None = field(default=None, compare=False)
    summary_unless: tuple[str, ...] = ()
    #: the header has a ``# summary:`` line (the registry attaches ``summary`` to built-ins)
    summarised: bool = False
    #: a user's query that replaces a built-in of the same name (header ``# override: true``)
    override: bool = False

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise BadParameter(f"query {self.name} has no parameter {name!r} (parameters: {known})")

    def bindings(self, values: dict[str, str]) -> dict[str, ox.Literal]:
        for k in values:
            self.param(k)
        lo, hi = values.get("from"), values.get("to")
        if lo and hi and any(p.name == "from" and p.type == "date" for p in self.params):
            a, b = self.param("from").bind(lo), self.param("to").bind(hi)
            if a is not None and b is not None and a.value > b.value:
                raise BadParameter(f"parameter from ({a.value}) is after parameter to ({b.value})")
        out = {}
        for p in self.params:
            term = p.bind(values.get(p.name))
            if term is not None and p.name not in self.function_params:
                out[p.name] = term
        return out

    @property
    def function_params(self) -> frozenset[str]:
        """Parameters delivered through dg:param / dg:within rather than substitution."""
        return frozenset(p.name for p in self.params if _function_bound(self.sparql, p.name))

    def function_terms(
        self, values: dict[str, str], terms: dict[str, ox.Literal] | None = None
    ) -> dict[str, ox.Literal]:
        """The function-bound parameters' terms (``terms`` may give already-resolved ones)."""
        given = dict(terms or {})
        out = {}
        for p in self.params:
            if p.name in self.function_params:
                t = given.get(p.name) or p.bind(values.get(p.name))
                if t is not None:
                    out[p.name] = t
        return out

    def run(
        self, store: Store, values: Mapping[str, Any], *, keys: Mapping[str, str] | None = None
    ) -> tuple[list[str], list[dict[str, Any]], Any]:
        """Plan and run this query on ``store`` with ``values`` (parameter name -> value,
        ``None`` meaning not given): ``(columns, rows, graph)``, ``graph`` being the networkx
        graph a Python query answers with (else None). ``keys``: names already resolved to
        entity keys (queries.lookup), bound as they are.

        A Python query is called with its typed parameters. A SPARQL query gets its
        parameters bound by the engine, names resolved through every stored spelling
        (``store.key_for_alias``); it reads the store's summaries when the query has them,
        they are current and none of ``summary_unless`` is given, and its own text
        otherwise (the exact path)."""
        given = {k: v for k, v in values.items() if v is not None}
        if self.python is not None:
            for k in given:
                self.param(k)
            given.update(keys or {})  # names resolved to keys (queries.lookup)
            out = run_python(self, store, given)
            return out[0], out[1], (out[2] if len(out) > 2 else None)
        strs = {k: str(v) for k, v in given.items()}
        bindings = self.bindings(strs)
        resolved: dict[str, ox.Literal] = {}
        for p in self.params:  # names are matched through every stored spelling
            if p.type not in _NAME_TYPES:
                continue
            if keys and p.name in keys:  # resolved already: bound as it is
                if p.name in bindings:
                    bindings[p.name] = ox.Literal(keys[p.name])
                else:
                    resolved[p.name] = ox.Literal(keys[p.name])
                continue
            term = bindings.get(p.name)
            if term is None and p.name in self.function_params and p.name in strs:
                term = p.bind(strs[p.name])
            key = store.key_for_alias(term.value) if term is not None else None
            if key is None:
                continue
            if p.name in bindings:
                bindings[p.name] = ox.Literal(key)
            else:
                resolved[p.name] = ox.Literal(key)
        if (
            self.summary is not None
            and not any(strs.get(u) for u in self.summary_unless)
            and store.summaries_current()
        ):
            # the same answer from the summaries (queries.summarised)
            terms = {
                **{k: t.value for k, t in bindings.items()},
                **{k: t.value for k, t in self.function_terms(strs, resolved).items()},
            }
            cols, rows = self.summary(store, terms)
        else:
            placed = {**self.function_terms(strs, resolved), **bindings}
            text = place_values(self.sparql, placed)
            cols, rows = store.query(text, bindings, custom_functions=self.functions(strs, resolved))
        return cols, rows, None

    def functions(
        self, values: dict[str, str], terms: dict[str, ox.Literal] | None = None
    ) -> dict[ox.NamedNode, Callable[..., Any]]:
        """pyoxigraph ``custom_functions`` delivering the function-bound parameters
        (``terms`` may give already-resolved terms for some of them)."""
        terms = self.function_terms(values, terms)
        lo, hi = terms.get("from"), terms.get("to")

        def param(name: ox.Literal) -> ox.Literal | None:
            return terms.get(getattr(name, "value", ""))

        def within(d: ox.Literal) -> ox.Literal | None:
            v = getattr(d, "value", "")[:10]
            if not v:
                return None
            ok = (lo is None or v >= lo.value) and (hi is None or v <= hi.value)
            return ox.Literal("true" if ok else "false", datatype=ox.NamedNode(_XSD + "boolean"))

        def no_dates() -> ox.Literal:
            return ox.Literal(
                "false" if (lo is not None or hi is not None) else "true",
                datatype=ox.NamedNode(_XSD + "boolean"),
            )

        def given(name: ox.Literal) -> ox.Literal:
            ok = getattr(name, "value", "") in terms
            return ox.Literal("true" if ok else "false", datatype=ox.NamedNode(_XSD + "boolean"))

        within.bounds = (lo, hi)  # type: ignore[attr-defined]  # read by the SPARQL-server store
        return {
            ox.NamedNode(NS + "param"): param,
            ox.NamedNode(NS + "given"): given,
            ox.NamedNode(NS + "within"): within,
            ox.NamedNode(NS + "noDates"): no_dates,
        }


#: a body line ``# @values NAME``: where a given parameter narrows the plan (see place_values)
_PLACE = re.compile(r"^([ \t]*)#[ \t]*@values[ \t]+([A-Za-z_][A-Za-z0-9_]*)(?:[ \t]+(.*?))?[ \t]*$", re.M)


def place_values(sparql: str, terms: Mapping[str, ox.Literal]) -> str:
    """The query with each ``# @values NAME [PATTERN]`` comment line whose parameter is
    given replaced by ``VALUES ?NAME { TERM } PATTERN``, TERM written by pyoxigraph from the
    bound term (its escaped N-Triples form: the user's value is data inside a term, never
    syntax); PATTERN is the query file's own text (e.g. ``?p dg:key ?plaintiff .``, tying
    the parameter to the sub-SELECT's variables only when it is given).

    pyoxigraph plans a query before it substitutes the bound variables, so a substituted
    parameter does not narrow the plan; a VALUES block where the pattern that needs it is
    (inside a sub-SELECT) does. The engine still binds the parameter as before, so the
    answer is the same; a parameter not given leaves the comment, and the plan, unchanged."""

    def line(m: re.Match[str]) -> str:
        term = terms.get(m.group(2))
        if term is None:
            return str(m.group(0))
        if not isinstance(term, ox.Literal | ox.NamedNode):
            raise QueryError(f"parameter {m.group(2)}: cannot be placed as a VALUES term")
        return f"{m.group(1)}VALUES ?{m.group(2)} {{ {term} }} {m.group(3) or ''}".rstrip()

    return _PLACE.sub(line, sparql)


def _function_bound(sparql: str, name: str) -> bool:
    if re.search(r'dg:(?:param|given)\(\s*"' + re.escape(name) + r'"\s*\)', sparql):
        return True
    return name in ("from", "to") and "dg:within(" in sparql


_HEADER = re.compile(r"^#\s*([a-z]+)\s*:\s*(.*)$")
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s+([a-z]+)(?:\s*=\s*(\"[^\"]*\"|\S+))?\s*(.*)$")
#: the functions a saved query may call besides SPARQL's own and XSD casts
_FUNCTIONS = frozenset(NS + n for n in ("param", "given", "within", "noDates"))
_SELECT = re.compile(r"\bSELECT\b(.*?)\bWHERE\b", re.I | re.S)


def parse_rq(text: str, name: str, source: str = "", *, builtin: bool = False) -> SavedQuery:
    """Parse one ``.rq`` file; errors name the file and line. Only a ``builtin`` query
    (shipped with the package) is run once on an empty store to check it; a user's file
    is parsed and checked by ``queries.guard`` and never run."""
    meta: dict[str, str] = {}
    params: list[Param] = []
    where = source or name
    for i, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if not m:
            continue
        key, val = m.group(1), m.group(2).strip()
        if key == "param":
            pm = _PARAM.match(val)
            if not pm:
                raise QueryError(f"{where}:{i}: bad param line: {val!r}")
            pname, ptype, default, desc = pm.groups()
            if ptype not in TYPES:
                raise QueryError(f"{where}:{i}: unknown parameter type {ptype!r} (known: {', '.join(TYPES)})")
            params.append(Param(pname, ptype, (default or "").strip('"'), desc.strip()))
        else:
            meta[key] = val
    body = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#"))
    if not builtin:  # a user's file: decided on the parsed query, never by running it
        try:
            guard.check_query(text, PREFIXES, functions=_FUNCTIONS)
            # and again with every '# @values' line in place (they hold query text)
            placed = place_values(text, {p.name: ox.Literal("x") for p in params})
            if placed != text:
                guard.check_query(placed, PREFIXES, functions=_FUNCTIONS)
        except QueryError as e:
            raise QueryError(f"{where}:{e}" if str(e)[:1].isdigit() else f"{where}: {e}") from None
    sel = _SELECT.search(body)
    if params and not sel:
        raise QueryError(f"{where}: a query with parameters must be a SELECT")
    for p in params:
        if _function_bound(text, p.name):
            continue
        if sel and not re.search(r"\?" + re.escape(p.name) + r"\b", sel.group(1)):
            raise QueryError(
                f"{where}: parameter ?{p.name} must be projected by the SELECT "
                "(the engine only binds projected variables)"
            )
    for req in ("title", "description"):
        if req not in meta:
            raise QueryError(f"{where}: missing '# {req}:' header line")
    if builtin:  # shipped with the package; a user's file is never run (guard above)
        _check_evaluates(text, where)
        _check_evaluates(place_values(text, {p.name: ox.Literal("x") for p in params}), where)
    override = meta.get("override", "false").strip().lower()
    if override not in ("true", "false"):
        raise QueryError(f"{where}: '# override:' must be true or false, not {override!r}")
    unless = tuple(meta.get("summary", "").split())
    for u in unless:
        if u not in {p.name for p in params}:
            raise QueryError(f"{where}: '# summary:' names {u!r}, which is not a parameter")
    q = SavedQuery(
        name=name,
        title=meta["title"],
        description=meta["description"],
        params=tuple(params),
        sparql=text,
        view=tuple(meta.get("view", "").split()),
        source=source,
        hidden=tuple(meta.get("hidden", "").split()),
        summary_unless=unless,
        summarised="summary" in meta,
        override=override == "true",
    )
    return q


#: the functions saved queries may call (``dg:param`` ...), as stubs returning nothing
def _nothing(*args: object) -> ox.Literal | None:
    return None


_FUNCTION_STUBS: dict[
    ox.NamedNode, Callable[..., ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None]
] = {ox.NamedNode(NS + n): _nothing for n in ("param", "given", "within", "noDates")}


def _check_evaluates(text: str, where: str) -> None:
    """Run the query once over an empty store, with the store's prefixes and the
    parameter functions, so a syntax error, an unknown prefix or an unknown function is
    reported when the query is loaded (with its file and line), not in a user's run."""
    try:
        ox.Store().query(text, prefixes=PREFIXES, custom_functions=_FUNCTION_STUBS)
    except SyntaxError as e:
        raise QueryError(_syntax_message(where, str(e))) from None
    except (RuntimeError, ValueError, OSError) as e:
        raise QueryError(f"{where}: the query cannot run: {' '.join(str(e).split())[:200]}") from None


def _syntax_message(where: str, msg: str) -> str:
    """``FILE:LINE:COL: SPARQL syntax error: ...`` with the parser's long list of
    expected tokens cut short."""
    m = re.match(r"error at (\d+):(\d+):\s*(.*)", msg, re.S)
    if m:
        where, msg = f"{where}:{m.group(1)}:{m.group(2)}", m.group(3)
    msg = " ".join(msg.split())
    if len(msg) > 160:
        msg = msg[:157] + "..."
    return f"{where}: SPARQL syntax error: {msg}"


def run_python(q: SavedQuery, store: Store, values: dict[str, Any]) -> Answer:
    assert q.python is not None
    kw: dict[str, Any] = {}
    for p in q.params:
        v = values.get(p.name, p.default)
        term = p.bind(None if v is None else str(v))  # validates; raises BadParameter
        if term is None:
            kw[p.name] = None
        elif p.type == "int":
            kw[p.name] = int(term.value)
        elif p.type == "date":
            kw[p.name] = term.value
        else:
            kw[p.name] = str(v).strip()
    return q.python(store, **kw)
