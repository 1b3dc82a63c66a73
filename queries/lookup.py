"""Names that forgive: what a user types for a name, a court or a role, matched to what
the graph stores.

A saved query's name parameters (``-p judge``, ``-p firm``, ``-p plaintiff``, ...) and
``view --entity`` go through :func:`resolve_name`, which tries these steps in order and
stops at the first that finds anything:

1. a stored spelling: the name normalised as the store keys it (``"calder wynn &
   haskett, LTD"`` is Calder Wynn & Haskett, Ltd.), or the entity's key itself; silent;
2. every word given, in order, among a stored name's words, titles dropped: a surname
   (``"Pacold"`` -> Martha M. Pacold), a name without its middle initial (``"Harriet
   Vance"`` -> Harriet B. Vance), a firm without its suffix (``"Calder Wynn & Haskett"``);
3. a prefix of a stored name or of its last words (``"Pinkf"``, ``"Pacol"``);
4. a fuzzy match (rapidfuzz, at least 80 of 100: ``"Epstien Drangel"``).

Steps 2-4 take a name only when one entity fits it (in step 4, one that fits clearly
best), and say which (:attr:`Match.notice`, which the command line prints on stderr).
Several fitting entities raise :class:`AmbiguousName`, listing them with their kind and
number of cases; none raises :class:`UnknownName` with the nearest names ("did you mean").

Courts (:func:`resolve_court`) are courts-db ids or names: ``"ilnd"``, ``"N.D. Ill."``,
``"Northern District of Illinois"``, ``"District Court, N.D. Illinois"``. Roles
(:func:`resolve_role`) are checked against the roles the extractors give. The library
facade (``KnowledgeGraph``) applies all three to every query, so the command line, the
Python library and the web app forgive the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
from rapidfuzz import fuzz, process, utils

from docketgraph.graph import keys
from docketgraph.graph.errors import AmbiguousName, BadParameter, UnknownName
from docketgraph.graph.model import JUDGE_ROLES, PARTY_ROLES
from docketgraph.graph.names import firm_core_key, strip_honorifics, surname as surname_of
from docketgraph.graph.store import Store

__all__ = [
    "Candidate",
    "Match",
    "Resolved",
    "KINDS",
    "resolve_name",
    "resolve_court",
    "resolve_role",
    "resolve_params",
    "court_name",
    "courtlistener_url",
    "name_kinds",
]

#: entity classes and the word users know them by
KINDS = {
    "LawFirm": "firm",
    "Judge": "judge",
    "Attorney": "attorney",
    "Party": "party",
    "Platform": "platform",
    "Case": "case",
    "Court": "court",
    "Precedent": "precedent",
}
_PEOPLE = ("Judge", "Attorney")

#: parameter types that name an entity, and the class they name
NAME_TYPES = {
    "firm": "LawFirm",
    "judge": "Judge",
    "attorney": "Attorney",
    "party": "Party",
    "platform": "Platform",
}
#: a ``key`` parameter's name, when it says which kind of entity it names
_NAME_PARAMS = {
    "firm": "LawFirm",
    "judge": "Judge",
    "attorney": "Attorney",
    "party": "Party",
    "plaintiff": "Party",
    "brand": "Party",
    "defendant": "Party",
    "seller": "Party",
    "platform": "Platform",
}
#: a party parameter's name, when it says the party's role
_PARTY_ROLE = {
    "plaintiff": "plaintiff",
    "brand": "plaintiff",
    "defendant": "defendant",
    "seller": "defendant",
}

#: how an entity of each class takes part in a case (for the case counts of candidates)
_IN_CASE = {
    "Judge": "?case dg:presidingJudge|dg:magistrateJudge|dg:panelJudge ?e .",
    "LawFirm": "?case dg:appearingFirm ?e .",
    "Attorney": "?app dg:attorney ?e ; dg:case ?case .",
    "Party": "?e dg:partyTo ?case .",
    "Platform": "?case dg:mentionsPlatform ?e .",
    "Court": "?case dg:inCourt ?e .",
    "Precedent": "?case dg:cites ?e .",
    "Case": "?e a dg:Case . BIND(?e AS ?case)",
}
# the class is written into the text from KINDS (never a user's text): a class bound by
# substitution is no constant to the engine's planner, which would scan every typed node
_NAMES = "SELECT ?e ?key ?n WHERE {{ ?e a dg:{cls} ; schema:name ?n . OPTIONAL {{ ?e dg:key ?key }} }}"
_WITH_ROLE = "SELECT DISTINCT ?role ?e WHERE { ?pt a dg:Participation ; dg:role ?role ; dg:party ?e }"
_HAS_ROLE = "SELECT ?role ?e ?pt WHERE { ?pt dg:party ?e ; dg:role ?role } LIMIT 1"
_NAME_OF = "SELECT ?e ?n WHERE { ?e schema:name ?n }"
_NAMES_OF = "SELECT ?e ?key ?n WHERE {{ VALUES ?e {{ {ids} }} ?e a dg:{cls} ; schema:name ?n . OPTIONAL {{ ?e dg:key ?key }} }}"
_COUNT = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a dg:{cls} ; schema:name ?n_ }}"
_BY_IRI = "SELECT ?e ?key WHERE {{ ?e a dg:{cls} . OPTIONAL {{ ?e dg:key ?key }} }}"
#: entities with this spelling (alone in its query, so the engine starts from the spelling)
_SPELLING = "SELECT DISTINCT ?a ?e WHERE { { ?e dg:alias ?a } UNION { ?e dg:key ?a } }"
_CASES_BY_KEY = (
    "SELECT ?k (COUNT(DISTINCT ?case) AS ?n) WHERE {{ ?e dg:key ?k ; a dg:{cls} . {body} }} GROUP BY ?k"
)
_COURT_KEYS = "SELECT DISTINCT ?c WHERE { ?case dg:courtKey ?c }"
_A_CASE_IN = "SELECT ?c ?case WHERE { ?case dg:courtKey ?c } LIMIT 1"

#: an entity pool narrowed by the name index reads the names of at most this many
#: entities of a kind one by one (more: every name of the kind, in one query)
_FEW = 1000

FUZZY_CUTOFF = 80.0
#: in the fuzzy step, how far ahead of the next the best entity must be to be taken
FUZZY_LEAD = 10.0
#: at most this many candidates are listed in an error
SHOWN = 8
#: at most this many candidates have their cases counted
COUNTED = 100


@dataclass(frozen=True)
class Candidate:
    """A stored entity a name may mean: ``key`` is what a query binds (the entity's
    ``dg:key``; for ``view --entity``, its IRI), ``ids`` the IRIs sharing it."""

    key: str
    kind: str
    name: str
    ids: tuple[str, ...] = ()
    cases: int | None = None

    @property
    def kind_word(self) -> str:
        return KINDS.get(self.kind, self.kind.lower())

    def describe(self, *, with_key: bool = True) -> str:
        """``Martha M. Pacold (judge, 2 cases, key martha-m-pacold)``"""
        bits = [self.kind_word]
        if self.cases is not None:
            bits.append(f"{self.cases} case{'' if self.cases == 1 else 's'}")
        if with_key and self.key and not self.key.startswith(("http://", "https://")):
            bits.append(f"key {self.key}")
        name = self.name if len(self.name) <= 90 else self.name[:89].rstrip() + "\u2026"
        return f"{name} ({', '.join(bits)})"

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind_word, "key": self.key, "cases": self.cases}


@dataclass(frozen=True)
class Match:
    """What a name was taken to mean, and how (``spelling``, ``surname``, ``words``,
    ``prefix`` or ``fuzzy``)."""

    given: str
    candidate: Candidate
    how: str
    score: float | None = None

    @property
    def exact(self) -> bool:
        return self.how == "spelling"

    _HOW = {
        "surname": "the only one with that surname",
        "words": "the only one whose name has those words",
        "prefix": "the only name that begins so",
        "fuzzy": "the closest name",
    }

    def notice(self, what: str | None = None) -> str:
        """``judge "Pacold": took Martha M. Pacold (judge, 2 cases, key martha-m-pacold),
        the only one with that surname``"""
        how = self._HOW.get(self.how, self.how)
        if self.how == "fuzzy" and self.score is not None:
            how += f", score {self.score:.0f}"
        return f'{what or self.candidate.kind_word} "{self.given}": took {self.candidate.describe()}, {how}'


@dataclass(frozen=True)
class Resolved:
    """One parameter as given and as bound, with the notice to show (None when the value
    was taken as it stands)."""

    param: str
    given: str
    value: str
    notice: str | None = None
    match: Match | None = field(default=None, compare=False)


# --- words ----------------------------------------------------------------------------------


def _words(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", keys.ascii_fold(s).lower().replace("&", " and "))


def _value_words(text: str, kind: str) -> list[str]:
    if kind in _PEOPLE:
        text = strip_honorifics(text)
    words = _words(text)
    return [w for w in words if w not in ("judge", "magistrate", "hon", "honorable")] or words


def _subsequence(want: list[str], have: list[str]) -> bool:
    """Every word of ``want`` among ``have``, in order; a one-letter word an initial."""
    i = 0
    initials = len(want) > 1  # a lone letter is no name
    for w in want:
        while i < len(have) and not (have[i] == w or (initials and len(w) == 1 and have[i][0] == w)):
            i += 1
        if i == len(have):
            return False
        i += 1
    return True


def _variants(name: str, kind: str) -> list[str]:
    """Forms of a stored name a fuzzy match is tried against: the whole name, a firm
    without its legal suffix, a person as first and last name."""
    words = _words(name)
    out = [" ".join(words)]
    if kind == "LawFirm":
        out.append(firm_core_key(name))
    elif kind in _PEOPLE and len(words) > 2:
        out.append(f"{words[0]} {words[-1]}")
    return [v for v in out if v]


# --- candidates ----------------------------------------------------------------------------


class _Pool:
    """The stored entities of some kinds, grouped by key (parameters) or IRI (entities).

    With ``near`` (the text being resolved) and a current name index, a pool of entities
    (``by="id"``, no role) holds only those the index finds for the text (the entities
    named with a word near one of its words; see ``graph.name_index``) instead of every
    entity of the kinds: every step after the stored spellings compares the text's words
    with the names', which only such entities can pass."""

    def __init__(
        self, store: Store, kinds: Iterable[str], *, role: str | None, by: str, near: str | None = None
    ):
        self.store, self.by, self.role = store, by, role
        self.kinds = tuple(kinds)
        self._allowed: set[str] | None = None
        self._groups: dict[tuple[str, str], dict[str, Any]] | None = None
        self._only: dict[str, set[str]] | None = None  # kind -> the entities the index found
        get = getattr(store, "name_index", None)
        index = get() if near and by == "id" and role is None and callable(get) else None
        found = index.candidates(near, self.kinds, most=_FEW) if index is not None else None
        if found is not None:
            self._only = {k: set() for k in self.kinds}
            for e, k, _n in found:
                if k in self._only:
                    self._only[k].add(e)

    def size(self) -> int:
        """How many groups the pool holds (every entity of the kinds, index or not)."""
        if self._only is None:
            return len(self.groups)
        return sum(int(self.store.query(_COUNT.format(cls=k))[1][0]["n"]) for k in self.kinds)

    def _rows(self, kind: str) -> list[dict[str, Any]]:
        ids = sorted(self._only.get(kind, ())) if self._only is not None else []
        if self._only is None or len(ids) > _FEW:  # so many: reading every name is faster
            return self.store.query(_NAMES.format(cls=kind))[1]
        rows: list[dict[str, Any]] = []
        for i in range(0, len(ids), 500):
            chunk = " ".join(str(ox.NamedNode(e)) for e in ids[i : i + 500])
            rows += self.store.query(_NAMES_OF.format(ids=chunk, cls=kind))[1]
        return rows

    @property
    def allowed(self) -> set[str] | None:
        """The entities with the party role asked for (None: no role asked for)."""
        if self.role is not None and self._allowed is None:
            _, rs = self.store.query(_WITH_ROLE, {"role": ox.Literal(self.role)})
            self._allowed = {r["e"] for r in rs}
        return self._allowed

    def has_role(self, e: str) -> bool:
        if self.role is None:
            return True
        if self._allowed is not None:
            return e in self._allowed
        _, rs = self.store.query(_HAS_ROLE, {"role": ox.Literal(self.role), "e": ox.NamedNode(e)})
        return bool(rs)

    @property
    def groups(self) -> dict[tuple[str, str], dict[str, Any]]:
        """Every entity of the kinds, by group: read only when a name is not a stored
        spelling (the common case of an exact name costs a few index lookups)."""
        if self._groups is None:
            allowed = self.allowed
            groups: dict[tuple[str, str], dict[str, Any]] = {}
            for kind in self.kinds:
                for r in self._rows(kind):
                    if allowed is not None and r["e"] not in allowed:
                        continue
                    g = r["e"] if self.by == "id" or not r.get("key") else r["key"]
                    d = groups.setdefault((kind, g), {"names": {}, "ids": {}})
                    d["names"][r["n"]] = None
                    d["ids"][r["e"]] = None
            self._groups = groups
        return self._groups

    def candidate(self, kind: str, g: str) -> Candidate:
        d = self.groups[(kind, g)]
        names = sorted(d["names"], key=lambda n: (-len(n), n))  # the fullest spelling
        return Candidate(g, kind, names[0], tuple(d["ids"]))

    def items(self) -> Iterable[tuple[str, str, list[str]]]:
        for (kind, g), d in self.groups.items():
            yield kind, g, list(d["names"])

    def counted(self, cands: Iterable[Candidate]) -> list[Candidate]:
        """The candidates with their case counts, most cases first (at most
        :data:`COUNTED` of them, by name, are counted: a word that a thousand names share
        is an error quickly)."""
        out = []
        for c in sorted(cands, key=lambda c: (c.name.casefold(), c.key))[:COUNTED]:
            body = _IN_CASE.get(c.kind, "")
            if self.by == "key" and not c.key.startswith(("http://", "https://")):
                _, rs = self.store.query(
                    _CASES_BY_KEY.format(body=body, cls=c.kind),
                    {"k": ox.Literal(c.key)},
                )
                n = rs[0]["n"] if rs else 0
            else:
                seen: set[str] = set()
                for i in c.ids[:200]:
                    _, rs = self.store.query(
                        f"SELECT DISTINCT ?e ?case WHERE {{ {body} }}",
                        {"e": ox.NamedNode(i)},
                    )
                    seen.update(r["case"] for r in rs)
                n = len(seen)
            out.append(Candidate(c.key, c.kind, c.name, c.ids, int(n)))
        out.sort(key=lambda c: (-(c.cases or 0), c.name.casefold(), c.key))
        return out


def _exact(pool: _Pool, text: str) -> list[Candidate]:
    """Entities one of whose stored spellings (or whose key, or IRI for entities) is
    ``text`` normalised: index lookups, without reading every name of the kind."""
    forms = {text.strip(), keys.slug(text), keys.firm_store_key(text)}
    found: dict[tuple[str, str], dict[str, Any]] = {}
    spelt = {r["e"] for f in forms if f for r in pool.store.query(_SPELLING, {"a": ox.Literal(f)})[1]}
    for kind in pool.kinds:
        rows: list[dict[str, Any]] = []
        for e in sorted(spelt):
            rows += pool.store.query(_BY_IRI.format(cls=kind), {"e": ox.NamedNode(e)})[1]
        if pool.by == "id" and text.strip().startswith(("http://", "https://")):
            try:
                rows += pool.store.query(_BY_IRI.format(cls=kind), {"e": ox.NamedNode(text.strip())})[1]
            except ValueError:  # not an IRI after all
                pass
        for r in rows:
            if not pool.has_role(r["e"]):
                continue
            g = r["e"] if pool.by == "id" or not r.get("key") else r["key"]
            d = found.setdefault((kind, g), {"ids": {}, "names": {}})
            d["ids"][r["e"]] = None
    out = []
    for (kind, g), d in found.items():
        for e in d["ids"]:
            for r in pool.store.query(_NAME_OF, {"e": ox.NamedNode(e)})[1]:
                d["names"][r["n"]] = None
        names = sorted(d["names"], key=lambda n: (-len(n), n)) or [g]
        out.append(Candidate(g, kind, names[0], tuple(d["ids"])))
    return out


def _words_step(pool: _Pool, text: str) -> tuple[list[Candidate], str]:
    hits: dict[tuple[str, str], str] = {}
    for kind, g, names in pool.items():
        want = _value_words(text, kind)
        if not want:
            continue
        for n in names:
            have = _words(n)
            if _subsequence(want, have):
                surname = kind in _PEOPLE and _words(surname_of(n)) == want
                hits[(kind, g)] = "surname" if surname else "words"
                break
    how = "surname" if hits and all(h == "surname" for h in hits.values()) else "words"
    return [pool.candidate(k, g) for k, g in hits], how


def _prefix_step(pool: _Pool, text: str) -> list[Candidate]:
    hits: dict[tuple[str, str], None] = {}
    for kind, g, names in pool.items():
        v = " ".join(_value_words(text, kind))
        if len(v) < 3:
            continue
        for n in names:
            w = _words(n)
            if any(" ".join(w[i:]).startswith(v) for i in range(len(w))):
                hits[(kind, g)] = None
                break
    return [pool.candidate(k, g) for k, g in hits]


def _fuzzy_scores(pool: _Pool, text: str) -> list[tuple[float, Candidate]]:
    scored = []
    for kind, g, names in pool.items():
        v = " ".join(_value_words(text, kind))
        if not v:
            continue
        best = 0.0
        for n in names:
            for var in _variants(n, kind):
                best = max(best, fuzz.ratio(v, var), fuzz.token_sort_ratio(v, var))
        scored.append((best, pool.candidate(kind, g)))
    scored.sort(key=lambda t: (-t[0], t[1].name.casefold(), t[1].name, t[1].kind, t[1].key))
    return scored


def _suggestions(pool: _Pool, text: str, store: Store) -> list[Candidate]:
    """The nearest names of the kinds asked for, else of any other kind."""
    choices: list[tuple[str, str, str]] = [(k, g, n) for k, g, ns in pool.items() for n in ns]
    hits = process.extract(
        text,
        [c[2] for c in choices],
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=None,
        score_cutoff=70,
    )
    # the nearest first; of equals, by name (not by the order the names were read in)
    hits.sort(key=lambda h: (-h[1], choices[h[2]][2], choices[h[2]][:2]))
    seen: dict[tuple[str, str], None] = {}
    for _, _score, i in hits:
        seen.setdefault(choices[i][:2], None)
        if len(seen) >= 5:
            break
    out = [pool.candidate(k, g) for k, g in seen]
    if not out and set(pool.kinds) != set(KINDS):
        other = _Pool(store, [k for k in KINDS if k not in pool.kinds], role=None, by="id", near=text)
        for kind, g, names in other.items():
            if any(_subsequence(_value_words(text, kind), _words(n)) for n in names):
                out.append(other.candidate(kind, g))
        out.sort(key=lambda c: (c.name.casefold(), c.name, c.kind, c.key))  # not in reading order
        return other.counted(out[:5])
    return pool.counted(out)


def resolve_name(
    store: Store,
    text: str,
    kinds: Iterable[str] | None = None,
    *,
    role: str | None = None,
    by: str = "key",
    what: str | None = None,
) -> Match:
    """The one stored entity ``text`` means, among ``kinds`` (entity classes, e.g.
    ``("Judge",)``; None for every kind); ``role``: only parties with that role;
    ``by``: ``"key"`` (a query parameter: entities sharing a key are one) or ``"id"``
    (one entity). Raises :class:`AmbiguousName` or :class:`UnknownName` (see the module
    docstring); ``what`` names the parameter in their messages."""
    kinds = tuple(kinds) if kinds is not None else tuple(KINDS)
    for k in kinds:
        if k not in KINDS:
            raise BadParameter(f"unknown kind {k!r}; known: {', '.join(KINDS.values())}")
    text = " ".join((text or "").split())
    label = what or (KINDS[kinds[0]] if len(kinds) == 1 else "entity")
    if not text:
        raise BadParameter(f"{label}: give a name")
    pool = _Pool(store, kinds, role=role, by=by, near=text)
    plural = _plural(label, kinds, role)

    def one(cands: list[Candidate], how: str, score: float | None = None) -> Match:
        if len(cands) == 1:  # a stored spelling says nothing, so its cases are not counted
            return Match(text, cands[0] if how == "spelling" else pool.counted(cands)[0], how, score)
        shown = pool.counted(cands)
        listing = "; ".join(c.describe() for c in shown[:SHOWN])
        more = f"; and {len(cands) - SHOWN} more" if len(cands) > SHOWN else ""
        raise AmbiguousName(
            f'{label} "{text}" fits {len(cands)} {plural}: {listing}{more}. '
            "Give more of the name, or the key"
            + (" (--kind narrows it to one kind)" if by == "id" and len(kinds) > 1 else ""),
            tuple(shown),
        )

    found = _exact(pool, text)
    if found:
        return one(found, "spelling")
    found, how = _words_step(pool, text)
    if found:
        return one(found, how)
    found = _prefix_step(pool, text)
    if found:
        return one(found, "prefix")
    scored = [t for t in _fuzzy_scores(pool, text) if t[0] >= FUZZY_CUTOFF]
    if scored:
        best = scored[0][0]
        if len(scored) == 1 or best - scored[1][0] >= FUZZY_LEAD:
            return one([scored[0][1]], "fuzzy", best)
        return one([c for s, c in scored if best - s < FUZZY_LEAD], "fuzzy", best)
    near = _suggestions(pool, text, store)
    msg = f'no {_singular(label, kinds, role)} matches "{text}"'
    if near:
        msg += "; did you mean: " + "; ".join(c.describe() for c in near) + "?"
    elif not (n := pool.size()):
        msg += f" (the store holds no {plural})"
    else:
        msg += f" (nor resembles any of the {n} stored {plural if n != 1 else _singular(label, kinds, role)}"
        msg += "; `docketgraph entities --kind KIND` lists them)"
    raise UnknownName(msg, tuple(near))


def _singular(label: str, kinds: tuple[str, ...], role: str | None) -> str:
    if role:
        return role
    return KINDS[kinds[0]] if len(kinds) == 1 else "entity"


def _plural(label: str, kinds: tuple[str, ...], role: str | None) -> str:
    word = _singular(label, kinds, role)
    return "entities" if word == "entity" else word + "s"


# --- courts and roles ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _courts() -> dict[str, dict[str, Any]]:
    from courts_db import courts

    return {c["id"]: c for c in courts}


def court_name(court_id: str | None) -> str | None:
    """courts-db's name of a court id: ``"ilnd"`` -> ``"District Court, N.D. Illinois"``."""
    if not court_id:
        return None
    c = _courts().get(court_id)
    return c.get("name") if c else None


_CL_SEARCH = "https://www.courtlistener.com/?type=r&q={q}&court={court}"


def courtlistener_url(court_id: str | None, docket: str | None) -> str | None:
    """A CourtListener RECAP search for one docket in one court (a plain link, nothing
    fetched): ``("ilnd", "1:23-cv-01820")`` -> ``https://www.courtlistener.com/?type=r&
    q=docketNumber%3A%2223-cv-01820%22&court=ilnd``. None without a known court or a
    district-court docket number."""
    from urllib.parse import quote

    if not court_id or court_id not in _courts() or not docket:
        return None
    dk = keys.docket_key(docket)
    if not re.fullmatch(r"\d{2}-[a-z]{1,4}-\d{5}", dk):
        return None
    return _CL_SEARCH.format(q=quote(f'docketNumber:"{dk}"', safe=""), court=quote(court_id, safe=""))


def _court_by_name(text: str) -> str | None:
    from docketgraph.ingest.fields import courts as cf

    t = " ".join(text.split())
    low = t.casefold()
    for cid, c in _courts().items():
        if low in (str(c.get("name", "")).casefold(), str(c.get("citation_string", "")).casefold()):
            if not cid.endswith("b") or "bankruptcy" in low:
                return cid
    cid = cf.short_form_id(t)
    if cid:
        return cid
    for phrase in (
        t,
        f"United States District Court for the {t}",
        f"United States Court of Appeals for the {t}",
    ):
        hits = cf.find_courts(phrase)
        if hits:
            return hits[0].id
    return cf.lookup(t)


def _has_court(store: Store, cid: str) -> bool:
    return bool(store.query(_A_CASE_IN, {"c": ox.Literal(cid)})[1])


def resolve_court(store: Store | None, text: str, *, what: str = "court") -> Resolved:
    """A court id from an id or a name (courts-db): ``"N.D. Ill."`` -> ``ilnd``. An
    unknown court raises :class:`UnknownName` with the nearest courts; a court no stored
    case is in is told in the notice, with the courts that are stored."""
    given = " ".join((text or "").split())
    low = given.lower()
    if low in _courts() or (store is not None and _has_court(store, low)):
        cid, note = low, None
    else:
        found = _court_by_name(given)
        if found is None:
            stored = _stored_courts(store)
            raise UnknownName(_no_court(given, stored), tuple(_near_courts(given, stored)))
        cid = found
        note = f'{what} "{given}": took {cid} ({court_name(cid) or cid})'
    if store is not None and not _has_court(store, cid):
        stored = _stored_courts(store)
        if stored:
            extra = f"no stored case is in {cid}; stored courts: {', '.join(stored[:12])}"
            extra += f" and {len(stored) - 12} more" if len(stored) > 12 else ""
            note = f"{note}; {extra}" if note else f'{what} "{given}": {extra}'
    return Resolved(what, given, cid, note)


def _stored_courts(store: Store | None) -> list[str]:
    return sorted(r["c"] for r in store.query(_COURT_KEYS)[1]) if store is not None else []


def _near_courts(text: str, stored: list[str]) -> list[str]:
    choices: dict[str, str] = {}
    for cid, c in _courts().items():
        if c.get("system") != "federal" or cid.endswith("b"):
            continue
        if c.get("dates") and all(d.get("end") for d in c["dates"]):  # a court of the past
            continue
        for form in (cid, c.get("name"), c.get("citation_string")):
            if form:
                choices[form] = cid
    for cid in stored:
        choices.setdefault(cid, cid)
    out: list[str] = []
    for form, _score, _i in process.extract(
        text, list(choices), scorer=fuzz.WRatio, processor=utils.default_process, limit=20, score_cutoff=70
    ):
        cid = choices[form]
        if cid not in out:
            out.append(cid)
    return out[:4]


def _no_court(text: str, stored: list[str]) -> str:
    near = _near_courts(text, stored)
    msg = f'no court matches "{text}" (give a courts-db id such as ilnd, or a name such as "N.D. Ill.")'
    if near:
        msg += "; did you mean: " + "; ".join(f"{c} ({court_name(c) or c})" for c in near) + "?"
    return msg


#: the roles the extractors give (graph.model), judges' first
ROLES = tuple(dict.fromkeys((*JUDGE_ROLES, *PARTY_ROLES)))


def resolve_role(text: str, *, what: str = "role") -> Resolved:
    """A role as stored: ``"Magistrate Judge"`` -> ``magistrate``; an unknown role is an
    error listing the known ones."""
    given = " ".join((text or "").split())
    v = given.lower().replace("_", "-")
    v = re.sub(r"\s+judge$", "", v).strip()
    if v not in ROLES:
        near = [m for m, _s, _i in process.extract(v, ROLES, scorer=fuzz.WRatio, limit=2, score_cutoff=70)]
        hint = f"; did you mean {' or '.join(near)}?" if near else ""
        raise BadParameter(
            f'{what}: unknown role "{given}"{hint} (judge roles: {", ".join(JUDGE_ROLES)}; '
            f"party roles: {', '.join(PARTY_ROLES)})"
        )
    return Resolved(what, given, v, None)


# --- a saved query's parameters ------------------------------------------------------------


def name_kinds(param_name: str, param_type: str) -> tuple[str, str | None] | None:
    """The entity class a parameter names, and the party role it implies: ``("Judge",
    None)`` for ``judge judge`` or ``judge key``; None for a parameter that is no name."""
    kind = NAME_TYPES.get(param_type)
    if kind is None and param_type == "key":
        kind = _NAME_PARAMS.get(param_name)
    if kind is None:
        return None
    return kind, (_PARTY_ROLE.get(param_name) if kind == "Party" else None)


def resolve_params(
    store: Store, params: Iterable[Any], values: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, str], list[Resolved]]:
    """A saved query's values with courts, roles and names resolved: ``(values, keys,
    resolved)``; ``keys`` holds the entity keys to bind as they are (names resolved),
    ``resolved`` what was taken for each parameter given."""
    out = dict(values)
    bound: dict[str, str] = {}
    done: list[Resolved] = []
    for p in params:
        v = values.get(p.name)
        if v is None or str(v).strip() == "":
            continue
        v = str(v)
        if p.type == "court" or p.type == "role" or name_kinds(p.name, p.type) is not None:
            p.bind(v)  # the value's own checks first (length, UTF-8), with their messages
        if p.type == "court":
            r = resolve_court(store, v, what=p.name)
            out[p.name] = r.value
        elif p.type == "role":
            r = resolve_role(v, what=p.name)
            out[p.name] = r.value
        else:
            nk = name_kinds(p.name, p.type)
            if nk is None:
                continue
            m = resolve_name(store, v, (nk[0],), role=nk[1], by="key", what=p.name)
            bound[p.name] = m.candidate.key
            r = Resolved(p.name, v, m.candidate.key, None if m.exact else m.notice(p.name), m)
        done.append(r)
    return out, bound, done
