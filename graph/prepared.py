"""A document's quads made ahead of the writer, in the worker that extracted it.

Building a document's quads (its mentions, their evidence sentences, the appearances) is
most of the single writer's work, and depends on the store in one way only: the answers
of entity resolution (``Resolver.judge``, ``firm``, ``attorney``) and of the case lookup
(a docket without a court joins the one stored case of that number). A worker builds the
quads (``prepare``) as if every such question were answered as by an empty store, and
records the questions and answers in order. The writer asks the same questions of its own
resolver and store (``replay``): when every answer is the one recorded, the worker's
quads are exactly those the writer would build (``extraction_quads`` is a function of
the extraction, the text, the path and these answers), and are stored as they are;
otherwise the writer builds them, with the answers it got (``Answers``), as before. The
"ingested" marker is the writer's, added as the document is stored.

The quads travel as N-Quads (with their default-graph copies and the marks saying which
summaries and name-index entries to rebuild), ready for the store's bulk loader.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from docketgraph.graph import name_index, summaries
from docketgraph.graph.model import Extraction
from docketgraph.graph.rdf import cases_of, default_case_resolver, extraction_quads
from docketgraph.graph.resolve import Match, Resolver
from docketgraph.graph.vocab import DG

#: one question asked while building a document's quads: (kind, arguments, answer); kind
#: is "case" (the case lookup) or a ``Resolver`` method's name
Call = tuple[str, tuple[Any, ...], Any]


@dataclass(frozen=True)
class Prepared:
    path: str | None
    calls: tuple[Call, ...]
    #: N-Quads: the quads (no "ingested" marker), their default-graph copies, the marks
    data: bytes
    #: quads the document asserts, its marker included (what ``GraphStore.put`` reports)
    quads: int
    #: the cases its quads speak of, and (docket key, case) for each docket key stated
    cases: tuple[str, ...]
    dockets: tuple[tuple[str, str], ...]
    #: cases given a court
    in_court: tuple[str, ...]


class _Recording:
    """A resolver that records each question and its answer."""

    def __init__(self, inner: Resolver, calls: list[Call]):
        self.inner, self.calls = inner, calls

    def judge(self, name: str, role: str) -> Match:
        r = self.inner.judge(name, role)
        self.calls.append(("judge", (name, role), r))
        return r

    def firm(self, name: str) -> Match:
        r = self.inner.firm(name)
        self.calls.append(("firm", (name,), r))
        return r

    def attorney(self, name: str, firm_iri: str | None, email: str | None) -> Match:
        r = self.inner.attorney(name, firm_iri, email)
        self.calls.append(("attorney", (name, firm_iri, email), r))
        return r


def prepare(ex: Extraction, *, text: str | None, path: str | None) -> Prepared:
    """The document's quads as an empty store would make them (see the module's docstring)."""
    calls: list[Call] = []

    def case(court: str | None, docket: str) -> str:
        r = default_case_resolver(court, docket)
        calls.append(("case", (court, docket), r))
        return r

    quads = extraction_quads(
        ex,
        text=text,
        path=path,
        resolve_case=case,
        resolver=_Recording(Resolver(), calls),
        marker=False,
    )
    cases = cases_of(quads)
    marks = summaries.stale_quads(cases) + name_index.stale_quads(quads)
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
    data += default_copies(data, quads[0].graph_name) if quads else b""
    data += ox.serialize(marks, format=ox.RdfFormat.N_QUADS) or b""
    dockets, in_court = [], []
    for q in quads:
        p, s = q.predicate.value, q.subject
        if p == DG.docketKey and isinstance(q.object, ox.Literal) and isinstance(s, ox.NamedNode):
            dockets.append((q.object.value, s.value))
        elif p == DG.inCourt and isinstance(s, ox.NamedNode):
            in_court.append(s.value)
    return Prepared(
        path,
        tuple(calls),
        data,
        len(quads) + 1,
        tuple(c.value for c in cases),
        tuple(dockets),
        tuple(in_court),
    )


def default_copies(data: bytes, graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> bytes:
    """The default-graph copies of N-Quads lines (``ox.serialize``'s) whose quads are all
    in ``graph``, different from each other: each line without its graph name, as
    ``updates.with_default_copies`` makes them. Only a line's end can hold the graph name
    followed by " .\n" (a literal's line break is written as an escape)."""
    tail = b" " + str(graph).encode("utf-8") + b" .\n"
    copies = data.replace(tail, b" .\n")
    if copies.count(b"\n") != data.count(tail):  # a line of another graph: not for this
        raise ValueError("quads of several graphs")
    return copies


def replay(
    calls: Sequence[Call], resolve_case: Callable[[str | None, str], str], resolver: Resolver
) -> tuple[bool, list[Any]]:
    """Ask the recorded questions of the writer's case lookup and resolver, in order, until
    one is answered otherwise: (whether every answer was the one recorded, the answers)."""
    answers: list[Any] = []
    for kind, args, expected in calls:
        got = resolve_case(*args) if kind == "case" else getattr(resolver, kind)(*args)
        answers.append(got)
        if got != expected and (kind == "case" or _used(got, args) != _used(expected, args)):
            return False, answers
    return True, answers


def _used(m: Match, args: tuple[Any, ...]) -> tuple[str, str | None, str]:
    """What ``extraction_quads`` takes of a resolver's answer: the IRI, the reason of a
    merge, and the name (the stored one, or else the name asked about: the first argument
    of every resolver question, the surface the quads record)."""
    return m.iri, m.reason, m.name or args[0]


class Answers:
    """The answers ``replay`` got, given again in order to ``extraction_quads`` (which asks
    the same first questions), then the writer's own resolver and case lookup."""

    def __init__(
        self,
        calls: Sequence[Call],
        answers: Sequence[Any],
        resolve_case: Callable[[str | None, str], str],
        resolver: Resolver,
    ):
        self._given = [(kind, args, a) for (kind, args, _), a in zip(calls, answers, strict=False)]
        self._case, self._resolver, self._next = resolve_case, resolver, 0

    def _ask(self, kind: str, args: tuple[Any, ...]) -> Any:
        i, self._next = self._next, self._next + 1
        if i < len(self._given):
            k, a, answer = self._given[i]
            if (k, a) != (kind, args):  # the build asked otherwise: extraction_quads changed
                raise AssertionError(f"question {i} was {(k, a)!r}, now {(kind, args)!r}")
            return answer
        return self._case(*args) if kind == "case" else getattr(self._resolver, kind)(*args)

    def case(self, court: str | None, docket: str) -> str:
        return self._ask("case", (court, docket))

    def judge(self, name: str, role: str) -> Match:
        return self._ask("judge", (name, role))

    def firm(self, name: str) -> Match:
        return self._ask("firm", (name,))

    def attorney(self, name: str, firm_iri: str | None, email: str | None) -> Match:
        return self._ask("attorney", (name, firm_iri, email))
