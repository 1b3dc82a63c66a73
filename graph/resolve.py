"""Cross-document entity resolution at write time: explained and reversible.

When a document is stored, each firm, attorney and judge it names is matched against the
entities already in the store; a match reuses the stored entity's IRI, and the reason is
written as a ``dg:Merge`` record in the document's own graph (so deleting or replacing the
document undoes the merge). Rules:

- **Firms**: the same name up to case, punctuation, "&"/"and" and the legal suffix (core
  key) merges; otherwise a fuzzy match of core keys (rapidfuzz ratio >= 92) whose first
  distinctive words agree ("Foersterr" -> "Foerster"). An e-mail domain never merges firms.
- **Attorneys**: the same e-mail address merges; otherwise the same surname with
  compatible given names (initials match whole names, a missing middle name is
  compatible) *and* the same firm. Two John Smiths at different firms stay apart.
- **Judges**: the same surname with compatible given names and the same role class
  (magistrate vs. every other role): a district judge and a magistrate judge who share a
  name are never merged.
- **Aliases file** (JSON): ``{"merge": {"firm": [["Epstein Drengel", "Epstein Drangel LLP"]]},
  "forbid": {"firm": [["Smith LLP", "Smyth LLP"]]}}`` forces or forbids merges by name.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from docketgraph.graph import keys, names
from docketgraph.graph.errors import BadInput
from docketgraph.graph.names import given_compatible

FUZZY_FIRM = 92.0


@dataclass
class Aliases:
    merge: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> key -> canonical name
    forbid: dict[str, set[frozenset[str]]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | os.PathLike | None) -> Aliases:
        if not path:
            return cls()
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError) as e:
            raise BadInput(f"aliases file {path}: {e}") from None
        except RecursionError:
            raise BadInput(f"aliases file {path}: nested too deeply") from None
        a = cls()
        for section, pairs in _alias_pairs(data, path):
            for kind, x, y in pairs:
                if section == "merge":
                    a.merge.setdefault(kind, {})[_key(kind, x)] = y
                else:
                    a.forbid.setdefault(kind, set()).add(frozenset((_key(kind, x), _key(kind, y))))
        return a

    def forced(self, kind: str, name: str) -> str | None:
        return self.merge.get(kind, {}).get(_key(kind, name))

    def forbidden(self, kind: str, a: str, b: str) -> bool:
        return frozenset((_key(kind, a), _key(kind, b))) in self.forbid.get(kind, set())


_ALIASES_SHAPE = (
    '{"merge": {"firm": [["Surface name", "Canonical name"], ...]}, '
    '"forbid": {"attorney": [["Name one", "Name two"], ...]}}'
)


def _alias_pairs(data: object, path: object) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The (kind, name, name) pairs of an aliases file's sections, checked: an object
    whose "merge" and "forbid" map a kind to a list of pairs of names (strings)."""

    def bad(what: str) -> BadInput:
        return BadInput(f"aliases file {path}: {what}; expected {_ALIASES_SHAPE}")

    if not isinstance(data, dict):
        raise bad(f"the top level is a JSON {type(data).__name__}, not an object")
    unknown = sorted(set(data) - {"merge", "forbid"})
    if unknown:
        raise bad(f"unknown section {unknown[0]!r}")
    out = []
    for section in ("merge", "forbid"):
        kinds = data.get(section) or {}
        if not isinstance(kinds, dict):
            raise bad(f'"{section}" is not an object of kinds')
        pairs: list[tuple[str, str, str]] = []
        for kind, items in kinds.items():
            if not isinstance(items, list):
                raise bad(f'"{section}"."{kind}" is not a list of pairs')
            for i, pair in enumerate(items):
                if (
                    not isinstance(pair, list)
                    or len(pair) != 2
                    or not all(isinstance(n, str) and n.strip() for n in pair)
                ):
                    raise bad(f'"{section}"."{kind}"[{i}] is not a pair of two names')
                pairs.append((kind, pair[0], pair[1]))
        out.append((section, pairs))
    return out


def _key(kind: str, name: str) -> str:
    return names.firm_core_key(name) if kind == "firm" else names.person_key(name)


@dataclass(frozen=True)
class Match:
    iri: str
    reason: str | None = None  # None: minted or exact key
    name: str | None = None  # the stored entity's name, when merged into it


@dataclass
class Candidate:
    iri: str
    name: str
    firm: str | None = None
    email: str | None = None
    role: str | None = None


class Resolver:
    """Matches names against what the store holds; built from the store's entity lists."""

    def __init__(
        self,
        firms: Iterable[Candidate] = (),
        attorneys: Iterable[Candidate] = (),
        judges: Iterable[Candidate] = (),
        aliases: Aliases | None = None,
    ):
        self.aliases = aliases or Aliases()
        self.firms: dict[str, Candidate] = {}
        for c in firms:
            self.firms.setdefault(names.firm_core_key(c.name), c)
        self.attorneys = list(attorneys)
        self.judges = list(judges)

    # --- firms ---------------------------------------------------------------
    def firm(self, name: str) -> Match:
        forced = self.aliases.forced("firm", name)
        if forced:
            core = names.firm_core_key(forced)
            c = self.firms.get(core)
            iri = c.iri if c else keys.firm_iri(forced)
            return Match(iri, f"aliases file: {name!r} is {forced!r}", c.name if c else forced)
        core = names.firm_core_key(name)
        c = self.firms.get(core)
        if c is not None:
            if c.name != name and not self.aliases.forbidden("firm", name, c.name):
                return Match(c.iri, f"same name as {c.name!r} up to case, punctuation and suffix", c.name)
            if c.name == name:
                return Match(c.iri)
        best = self._fuzzy_firm(name, core)
        if best is not None:
            return best
        iri = keys.firm_iri(name)
        self.firms.setdefault(core, Candidate(iri, name))
        return Match(iri)

    def _fuzzy_firm(self, name: str, core: str) -> Match | None:
        if len(core) < 6 or not self.firms:
            return None
        hit = process.extractOne(core, list(self.firms), scorer=fuzz.ratio, score_cutoff=FUZZY_FIRM)
        if not hit:
            return None
        other, score = hit[0], hit[1]
        a, b = core.split(), other.split()
        if not a or not b or a[0][:3] != b[0][:3] or abs(len(a) - len(b)) > 1:
            return None
        cand = self.firms[other]
        if self.aliases.forbidden("firm", name, cand.name):
            return None
        return Match(cand.iri, f"fuzzy match {score:.1f} of {name!r} to stored firm {cand.name!r}", cand.name)

    # --- people --------------------------------------------------------------------
    def attorney(self, name: str, firm_iri: str | None, email: str | None) -> Match:
        if email:
            for c in self.attorneys:
                if (
                    c.email
                    and c.email.lower() == email.lower()
                    and names.surname(c.name).lower() == names.surname(name).lower()
                ):
                    return Match(
                        c.iri,
                        None if c.name == name else f"same e-mail {email} as stored attorney {c.name!r}",
                        c.name,
                    )
        sur = names.surname(name).lower()
        for c in self.attorneys:
            if names.surname(c.name).lower() != sur or c.firm != firm_iri:
                continue
            if self.aliases.forbidden("attorney", name, c.name):
                continue
            if given_compatible(names.given_names(name), names.given_names(c.name)):
                return Match(
                    c.iri,
                    None
                    if c.name == name
                    else f"same surname and compatible given names as {c.name!r}, same firm",
                    _fuller(c.name, name),
                )
        iri = keys.attorney_iri(name, firm_iri.rsplit("/", 1)[-1] if firm_iri else None)
        self.attorneys.append(Candidate(iri, name, firm=firm_iri, email=email))
        return Match(iri)

    def judge(self, name: str, role: str) -> Match:
        cls = "magistrate" if role == "magistrate" else "other"
        sur = names.surname(name).lower()
        for c in self.judges:
            c_cls = "magistrate" if c.role == "magistrate" else "other"
            if c_cls != cls or names.surname(c.name).lower() != sur:
                continue
            if self.aliases.forbidden("judge", name, c.name):
                continue
            gn, gc = names.given_names(name), names.given_names(c.name)
            if given_compatible(gn, gc):
                return Match(
                    c.iri,
                    None
                    if c.name == name
                    else f"same surname and compatible given names as {c.role} judge {c.name!r}",
                    _fuller(c.name, name),
                )
        iri = keys.judge_iri(name, role)
        self.judges.append(Candidate(iri, name, role=role))
        return Match(iri)


def _fuller(a: str, b: str) -> str:
    """The fuller of two spellings of one person's name (the stored one on a tie)."""
    return b if len(b) > len(a) else a


def load_candidates(query: Callable[[str], list[dict]]) -> dict[str, list[Candidate]]:
    """Entity lists from the store (``query`` runs a SELECT and returns rows)."""
    firms = [
        Candidate(r["e"], r["n"])
        for r in query(
            "SELECT ?e (SAMPLE(?name) AS ?n) WHERE { ?e a dg:LawFirm ; schema:name ?name } GROUP BY ?e"
        )
    ]
    atts = [
        Candidate(r["e"], r["n"], firm=r.get("f"), email=r.get("m"))
        for r in query(
            "SELECT ?e (SAMPLE(?name) AS ?n) (SAMPLE(?firm) AS ?f) (SAMPLE(?mail) AS ?m) WHERE { "
            "?e a dg:Attorney ; schema:name ?name . OPTIONAL { ?e dg:memberOf ?firm } "
            "OPTIONAL { ?e schema:email ?mail } } GROUP BY ?e"
        )
    ]
    judges = [
        Candidate(r["e"], r["n"], role=r.get("r"))
        for r in query(
            "SELECT ?e (SAMPLE(?name) AS ?n) (SAMPLE(?role) AS ?r) WHERE { "
            "?e a dg:Judge ; schema:name ?name . OPTIONAL { ?e dg:judgeRole ?role } } GROUP BY ?e"
        )
    ]
    return {"firms": firms, "attorneys": atts, "judges": judges}
