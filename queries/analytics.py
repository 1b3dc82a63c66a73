"""Analytics that SPARQL does badly, over networkx projections of the graph.

Functions take the store (or a networkx graph) first and options as keywords; they return
new objects and never change their input. Every projection keeps, on each edge, the cases
behind it (``cases``: docket numbers), their number (``weight``) and the first and last
filing dates of the documents that show it (``first``, ``last``), so views can slice by
date and show the evidence.

Projections:

- :func:`firm_judge_graph` — law firms and judges, joined when a firm appeared in a case
  before the judge; weight = number of such cases (a bipartite graph).
- :func:`attorney_graph` — attorneys who appeared in the same case (co-appearance);
  weight = shared cases.
- :func:`citation_graph` — cases (or firms) pointing at the precedents they cite.
- :func:`platform_firm_graph` — firms and the marketplaces and payment processors named
  in their cases; weight = cases.

Measures: :func:`centrality` (degree, weighted degree, PageRank, betweenness) and
:func:`communities` (Louvain, from networkx) over any of them.
"""

from __future__ import annotations

import gc
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import repeat
from typing import Any

import networkx as nx
import numpy as np
from rapidfuzz import fuzz, process, utils

from docketgraph.graph import keys, name_index, summaries
from docketgraph.graph.errors import BadParameter
from docketgraph.graph.store import Store
from docketgraph.queries.saved import Param, SavedQuery

#: entity–case relations, each read inside one document's graph (no cross-graph joins,
#: so the union of graphs never multiplies rows); joined and dated in Python. The kinds of
#: the network projections are also kept per case in the summaries (``summaries.LINKS``).
_RELATIONS = {
    **summaries.LINKS,
    "Party": "?r a dg:Participation ; dg:case ?case ; dg:party ?x .",
    "Court": "?case dg:inCourt ?x .",
}
_REL_SPARQL = "SELECT DISTINCT ?g ?case ?x WHERE {{ GRAPH ?g {{ {body} }} }}"
_DOC_DATES = f"SELECT DISTINCT ?g ?filed WHERE {{ GRAPH ?g {{ {summaries.DOC_DATES} }} }}"
# a case's docket and court: the least of each (a case normally has one of each)
_CASE_INFO = """SELECT ?case (MIN(?d) AS ?docket) (MIN(?c) AS ?court)
WHERE { ?case a dg:Case ; dg:docketNumber ?d ; dg:courtKey ?c } GROUP BY ?case"""
_LABELS = "SELECT ?x (SAMPLE(?n) AS ?label) WHERE {{ ?x a dg:{kind} ; schema:name ?n }} GROUP BY ?x"
_CASES = """
SELECT ?case (SAMPLE(?label0) AS ?label) (SAMPLE(?caption0) AS ?caption)
WHERE { ?case a dg:Case ; schema:name ?label0 . OPTIONAL { ?case dg:caption ?caption0 } } GROUP BY ?case
"""
_MEMBERS = """
SELECT DISTINCT ?a ?f WHERE { ?a a dg:Attorney ; dg:memberOf ?f }
"""
_ROLES = """
SELECT ?j (SAMPLE(?r) AS ?role) WHERE { ?j a dg:Judge ; dg:judgeRole ?r } GROUP BY ?j
"""

PROJECTIONS = ("firm-judge", "attorneys", "citations", "platform-firm")


#: (kind, entity, case, docket, court, first, last): an entity–case link and its dates
_Link = tuple[str, str, str, str, str, str | None, str | None]


def _exact_links(store: Store, kinds: Iterable[str]) -> Iterator[_Link]:
    """(kind, entity, case, docket, court, first, last) of every entity–case link of
    ``kinds``, read from the documents' facts: first and last are the earliest and latest
    filing dates of the documents whose graphs assert the link (None when none is dated)."""
    filed: dict[str, tuple[str, str]] = {}
    for r in store.query(_DOC_DATES)[1]:
        d, have = r["filed"], filed.get(r["g"])
        filed[r["g"]] = (d, d) if have is None else (min(have[0], d), max(have[1], d))
    info = {r["case"]: (r["docket"], r["court"]) for r in store.query(_CASE_INFO)[1]}
    for kind in kinds:
        agg: dict[tuple[str, str], list] = {}
        for r in store.query(_REL_SPARQL.format(body=_RELATIONS[kind]))[1]:
            a = agg.setdefault((r["x"], r["case"]), [None, None])
            d = filed.get(r["g"])
            if d:
                a[0] = d[0] if a[0] is None or d[0] < a[0] else a[0]
                a[1] = d[1] if a[1] is None or d[1] > a[1] else a[1]
        for (x, case), (first, last) in agg.items():
            c = info.get(case)
            if c is not None:
                yield kind, x, case, c[0], c[1], first, last


def _summary_links(store: Store, kinds: Iterable[str]) -> Iterator[_Link]:
    """The same links as ``_exact_links``, read from the summaries (one index scan a kind)."""
    for kind in kinds:
        for packed in store.summary_links(kind):
            for case, docket, court, links in summaries.unpack_links(packed):
                for i in range(0, len(links), 3):
                    yield kind, links[i], case, docket, court, links[i + 1] or None, links[i + 2] or None


def _from_summaries(store: Store, kinds: Iterable[str]) -> bool:
    """True when the links of ``kinds`` may be read from the store's summaries: kept for
    them, and current (see graph.summaries)."""
    current = getattr(store, "summaries_current", None)
    return (
        all(k in summaries.LINKS for k in kinds)
        and hasattr(store, "summary_links")
        and callable(current)
        and bool(current())
    )


def _links(
    store: Store,
    *,
    court: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    kinds: Iterable[str] | None = None,
) -> list[dict]:
    """Entity–case links with the filing-date range of the documents that assert them,
    from the summaries when they are current (the same links), else from the documents'
    facts."""
    kinds = tuple(kinds or _RELATIONS)
    court = court.strip().lower() if court else None
    found = _summary_links(store, kinds) if _from_summaries(store, kinds) else _exact_links(store, kinds)
    labels: dict[str, dict[str, str]] = {}
    out = []
    for kind, x, case, docket, c_court, first, last in found:
        if court and c_court != court:
            continue
        if date_from or date_to:
            if not first or not last:
                continue
            if date_from and last < date_from:
                continue
            if date_to and first > date_to:
                continue
        label = labels.get(kind)
        if label is None:
            label = labels[kind] = {r["x"]: r["label"] for r in store.query(_LABELS.format(kind=kind))[1]}
        out.append(
            {
                "x": x,
                "kind": kind,
                "label": label.get(x, x),
                "case": case,
                "docket": docket,
                "court": c_court,
                "first": first,
                "last": last,
            }
        )
    out.sort(key=lambda r: (r["kind"], r["x"], r["case"]))
    return out


def _add_node(G: nx.Graph, iri: str, kind: str, label: str) -> None:
    if iri not in G:
        G.add_node(iri, kind=kind, label=label)


def _add_case_edge(
    G: nx.Graph, a: str, b: str, docket: str, first: str | None, last: str | None, case: str | None = None
) -> None:
    if G.has_edge(a, b):
        d = G.edges[a, b]
        if docket not in d["cases"]:
            d["cases"].append(docket)
            d["weight"] = len(d["cases"])
        if case and case not in d["case_ids"]:
            d["case_ids"].append(case)
    else:
        G.add_edge(a, b, cases=[docket], weight=1, first=first, last=last, case_ids=[case] if case else [])
        d = G.edges[a, b]
    if first and (not d.get("first") or first < d["first"]):
        d["first"] = first
    if last and (not d.get("last") or last > d["last"]):
        d["last"] = last


def _by_case(links: Iterable[dict], kind: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in links:
        if r["kind"] == kind:
            out[r["case"]].append(r)
    return out


class _Edges:
    """Case edges gathered before they are added to a graph at once: the same edges, with
    the same attributes and in the same order, as one ``_add_case_edge`` call per case
    gives (the dockets and case ids kept as ordered sets, not searched lists)."""

    def __init__(self, directed: bool):
        self.directed = directed
        self.found: dict[tuple[str, str], list] = {}

    def add(self, a: str, b: str, docket: str, first: str | None, last: str | None, case: str | None) -> None:
        key = (a, b) if self.directed or a < b else (b, a)
        e = self.found.get(key)
        if e is None:
            self.found[key] = [a, b, {docket: None}, {case: None} if case else {}, first, last]
            return
        e[2][docket] = None
        if case:
            e[3][case] = None
        if first and (not e[4] or first < e[4]):
            e[4] = first
        if last and (not e[5] or last > e[5]):
            e[5] = last

    def into(self, G: nx.Graph) -> nx.Graph:
        G.add_edges_from(
            (a, b, {"cases": list(ds), "weight": len(ds), "first": f, "last": la, "case_ids": list(cs)})
            for a, b, ds, cs, f, la in self.found.values()
        )
        return G


def _span(a: dict, b: dict) -> tuple[str | None, str | None]:
    """The earliest first and the latest last date of two links (either may be None)."""
    fa, fb, la, lb = a["first"], b["first"], a["last"], b["last"]
    first = (fa if fa < fb else fb) if fa and fb else (fa or fb)
    last = (la if la > lb else lb) if la and lb else (la or lb)
    return first, last


def _join(G: nx.Graph, left: dict[str, list[dict]], right: dict[str, list[dict]]) -> nx.Graph:
    edges = _Edges(G.is_directed())
    for case, ls in left.items():
        rs = right.get(case)
        if not rs:
            continue
        for a in ls:
            for b in rs:
                if a["x"] == b["x"]:
                    continue
                _add_node(G, a["x"], a["kind"], a["label"])
                _add_node(G, b["x"], b["kind"], b["label"])
                first, last = _span(a, b)
                edges.add(a["x"], b["x"], a["docket"], first, last, case)
    return edges.into(G)


# --- the same projections from the summaries' links, without a record per link ---------


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Python's cycle collector held off while a projection is built: it would walk the
    millions of lists and tuples alive meanwhile again and again (half the CPU of a
    citation network at 100,000 cases); none of them forms a cycle, and the collector
    runs as usual afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


#: a line of a bucket's links (``summaries.unpack_links``): case, docket, court, and the
#: tab-separated (entity, first, last) of its links
_LINE = re.compile(r"^([^\t\n]*)\t([^\t\n]*)\t([^\t\n]*)(?:\t([^\n]*))?$", re.M)


# --- the summaries' links read as arrays: tokens found and numbered by numpy -----------

#: odd multipliers of the tokens' 8-byte words (a hash numbering tokens; equal hashes are
#: checked word for word, so a collision costs the plain reading, never a wrong answer)
_MIX = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53,
        0x94D049BB133111EB,
        0xBF58476D1CE4E5B9,
    ],
    dtype=np.uint64,
)
#: per number of a word's bytes inside a token (0 to 8), the mask keeping them
_KEEP = np.frombuffer(bytes(b for v in range(9) for b in [255] * v + [0] * (8 - v)), dtype=np.uint64)


class _Numbered:
    """Tokens of many texts numbered by their bytes: ``add`` the tokens of a text (start and
    end offsets into its UTF-8 bytes), then ``codes`` gives each token's number, in the
    order added, and the distinct tokens (``values``, by number); None when two distinct
    tokens hashed alike. A token is found by its hash's slot in a table (or, when two
    numbered tokens share a slot, among the hashes sorted), and its length and words are
    compared with those of the token numbered."""

    def __init__(self) -> None:
        self._hash = np.zeros(0, dtype=np.uint64)  # per number: its token's hash
        self._words = np.zeros((0, 1), dtype=np.uint64)  # per number: its token's words
        self._lens = np.zeros(0, dtype=np.int64)  # per number: its token's length
        self._slots = np.full(1, -1, dtype=np.int64)  # slot -> number, -1 none, -2 several
        self._shift = np.uint64(63)
        self._sorted = np.zeros(0, dtype=np.uint64)  # the hashes sorted, and their numbers
        self._code = np.zeros(0, dtype=np.int64)
        self._codes: list[np.ndarray] = []
        self.values: list[str] = []
        self.ok = True

    def _find(self, h: np.ndarray) -> np.ndarray:
        """The number of each hash, -1 for a hash not numbered."""
        if not len(self._hash):
            return np.full(len(h), -1, dtype=np.int64)
        c = self._slots[(h >> self._shift).astype(np.intp)]
        got = np.where(c >= 0, c, 0)
        out = np.where((c >= 0) & (self._hash[got] == h), c, -1)
        shared = np.flatnonzero(c == -2)
        if len(shared):
            hs = h[shared]
            pos = np.minimum(np.searchsorted(self._sorted, hs), len(self._sorted) - 1)
            out[shared] = np.where(self._sorted[pos] == hs, self._code[pos], -1)
        return out

    def _number(self, new: np.ndarray, words: np.ndarray, lens: np.ndarray) -> None:
        """Number the tokens of hashes ``new`` (distinct, not numbered yet)."""
        n0, width = len(self._lens), max(self._words.shape[1], words.shape[1])
        grown = np.zeros((n0 + len(new), width), dtype=np.uint64)
        grown[:n0, : self._words.shape[1]] = self._words
        grown[n0:, : words.shape[1]] = words
        self._words = grown
        self._lens = np.concatenate((self._lens, lens))
        self._hash = np.concatenate((self._hash, new))
        k = len(self._hash)
        bits = max(10, (16 * k - 1).bit_length())  # a table 16 times the numbers or more
        self._shift = np.uint64(64 - bits)
        slot = (self._hash >> self._shift).astype(np.intp)
        self._slots = np.full(1 << bits, -1, dtype=np.int64)
        self._slots[slot] = np.arange(k)
        self._slots[np.flatnonzero(np.bincount(slot, minlength=1 << bits) > 1)] = -2
        order = np.argsort(self._hash)
        self._sorted, self._code = self._hash[order], order

    def add(self, raw: bytes, padded: np.ndarray, st: np.ndarray, en: np.ndarray) -> None:
        """``padded``: ``raw``'s bytes and zeros, as many as its longest token or more."""
        if not self.ok:
            return
        lens = en - st
        k_words = max(1, (int(lens.max(initial=0)) + 7) // 8)
        words = np.lib.stride_tricks.sliding_window_view(padded, 8 * k_words)[st].view(np.uint64)
        h = lens.astype(np.uint64) * _MIX[0]
        for k in range(k_words):
            w = words[:, k]
            w &= _KEEP[np.clip(lens - 8 * k, 0, 8)]
            h += (w ^ (w >> np.uint64(29))) * _MIX[1 + k % 7]
        codes = self._find(h)
        new = codes < 0
        if new.any():
            fresh, at = np.unique(h[new], return_index=True)
            at = np.flatnonzero(new)[at]  # a token of each new hash
            self.values += [
                raw[s:e].decode("utf-8") for s, e in zip(st[at].tolist(), en[at].tolist(), strict=True)
            ]
            self._number(fresh, words[at], lens[at])
            codes = self._find(h)
        # the same hash, the same token: the same length and words (a word past its length is 0)
        if not (
            np.array_equal(self._lens[codes], lens) and np.array_equal(self._words[codes, :k_words], words)
        ):
            self.ok = False
            return
        self._codes.append(codes)

    def codes(self) -> tuple[np.ndarray, list[str]] | None:
        if not self.ok:
            return None
        return (np.concatenate(self._codes) if self._codes else np.zeros(0, dtype=np.int64)), self.values


def _numbered(values: list[str], ids: dict[str, int] | None = None) -> np.ndarray:
    """Each value's number in ``ids`` (a value not there numbered next, in order met)."""
    got = {} if ids is None else ids
    return np.fromiter((got.setdefault(v, len(got)) for v in values), dtype=np.int64, count=len(values))


#: a kind's links read from the summaries: cases, dockets, courts (numbers, and the
#: distinct courts), links per case, and per link its entity, first and last dates
#: (numbers; the distinct entities; the distinct dates, "" for none)
_Read = tuple[
    list[str],
    list[str],
    np.ndarray,
    list[str],
    np.ndarray,
    np.ndarray,
    list[str],
    np.ndarray,
    np.ndarray,
    list[str],
]


def _read_plain(packed: Iterable[str]) -> _Read:
    """The buckets' links (``summaries.unpack_links``) read by a pattern, line by line."""
    rows: list[tuple[str, str, str, str]] = []
    for p in packed:
        rows += _LINE.findall(p)
    cols = [list(c) for c in zip(*rows, strict=True)] or [[], [], [], []]
    cases, dockets, courts, rests = cols
    # each case's links: a tab-separated run of (entity, first, last)
    sizes = (np.fromiter(map(str.count, rests, repeat("\t")), dtype=np.int64, count=len(rests)) + 1) // 3
    flat = "\t".join(filter(None, rests)).split("\t") if any(rests) else []
    court_ids: dict[str, int] = {}
    ent_ids: dict[str, int] = {}
    date_ids: dict[str, int] = {}
    court_no = _numbered(courts, court_ids)
    ent = _numbered(flat[0::3], ent_ids)
    first = _numbered(flat[1::3], date_ids)
    last = _numbered(flat[2::3], date_ids)
    return cases, dockets, court_no, list(court_ids), sizes, ent, list(ent_ids), first, last, list(date_ids)


def _joined(texts: Iterable[str], size: int = 1 << 20) -> Iterator[str]:
    """Buckets' texts joined into texts of ``size`` characters or more, one a line (an
    empty bucket an empty line, which holds no case): numpy's calls are as many a text."""
    part: list[str] = []
    n = 0
    for t in texts:
        part.append(t)
        n += len(t)
        if n >= size:
            yield "\n".join(part)
            part, n = [], 0
    if part:
        yield "\n".join(part)


def _read_arrays(packed: Iterable[str], dockets_too: bool = True) -> _Read | None:
    """What ``_read_plain`` reads, the tokens found by numpy in each bucket's bytes and
    numbered by their bytes (``_Numbered``): no string made for a link's entity or dates.
    None when a bucket holds what the summaries never write (a control character other
    than tab and newline, a line of links not in threes) or two tokens hashed alike.
    Without ``dockets_too``, the dockets are left empty."""
    cases: list[str] = []
    dockets: list[str] = []
    sizes: list[np.ndarray] = []
    courts, ents, spans = _Numbered(), _Numbered(), _Numbered()
    for p in _joined(packed):
        raw = p.encode("utf-8")
        data = np.frombuffer(raw, dtype=np.uint8)
        sep = np.flatnonzero(data < 11)
        kind = data[sep]
        nl = kind == 10
        if not (nl | (kind == 9)).all():
            return None
        st = np.concatenate(([0], sep + 1))
        en = np.concatenate((sep, [len(data)]))
        # zeros past the end: a token (or a span of two) read whole from any offset
        padded = np.frombuffer(raw + bytes(2 * int((en - st).max()) + 16), dtype=np.uint8)
        last = np.concatenate((np.flatnonzero(nl), [len(st) - 1]))  # each line's last token
        begin = np.concatenate(([0], last[:-1] + 1))
        more = last - begin - 2  # tokens after case, docket and court
        ok = more >= 0
        b, more = begin[ok], more[ok]
        # "case\tdocket\tcourt\t" (one empty token more) is a case without links too
        one = more == 1
        if (more % 3 != 0).any() and not (
            np.array_equal(one, more % 3 != 0) and (st[b[one] + 3] == en[b[one] + 3]).all()
        ):
            return None
        n = np.where(one, 0, more // 3)
        s0, e0 = st[b].tolist(), en[b].tolist()
        s1, e1 = st[b + 1].tolist(), en[b + 1].tolist()
        if len(raw) == len(p):  # ASCII: offsets in bytes are offsets in the text
            cases += [p[s:e] for s, e in zip(s0, e0, strict=True)]
            if dockets_too:
                dockets += [p[s:e] for s, e in zip(s1, e1, strict=True)]
        else:
            cases += [raw[s:e].decode("utf-8") for s, e in zip(s0, e0, strict=True)]
            if dockets_too:
                dockets += [raw[s:e].decode("utf-8") for s, e in zip(s1, e1, strict=True)]
        courts.add(raw, padded, st[b + 2], en[b + 2])
        total = int(n.sum())
        at = np.repeat(b + 3, n) + 3 * (np.arange(total) - np.repeat(np.cumsum(n) - n, n))
        ents.add(raw, padded, st[at], en[at])
        spans.add(raw, padded, st[at + 1], en[at + 2])  # "first<TAB>last": one token
        sizes.append(n)
    got_courts, got_ents, got_spans = courts.codes(), ents.codes(), spans.codes()
    if got_courts is None or got_ents is None or got_spans is None:
        return None
    (court_no, court_v), (ent, ent_v), (span, span_v) = got_courts, got_ents, got_spans
    # the spans' dates numbered: a span's first and last as numbers of the distinct dates
    date_ids: dict[str, int] = {}
    halves = [v.split("\t") for v in span_v]
    first_of = _numbered([h[0] for h in halves], date_ids)
    last_of = _numbered([h[-1] for h in halves], date_ids)
    size = np.concatenate(sizes) if sizes else np.zeros(0, dtype=np.int64)
    return (
        cases,
        dockets,
        court_no,
        court_v,
        size.astype(np.int64),
        ent,
        ent_v,
        first_of[span] if len(span_v) else span,
        last_of[span] if len(span_v) else span,
        list(date_ids),
    )


class _KindLinks:
    """One kind's links as the summaries hold them (``summaries.unpack_links``), the court
    and date range applied: per case (``cases``, ``dockets``) its links
    ``start[i]:start[i + 1]`` in IRI order, and per link its entity (``ent``: a number,
    ``names[ent]`` its IRI) and first and last dates (``first``, ``last``: numbers,
    ``dates[first]`` the date, "" when no document asserting the link is dated). With
    ``ordered``, the cases come in the order the exact path meets them (``_by_case``: by
    their least entity, then their IRI). Without ``with_dockets``, ``dockets`` may be left
    empty (the other side of a join reads the cases' dockets from its first side)."""

    __slots__ = (
        "kind",
        "cases",
        "dockets",
        "start",
        "ent",
        "names",
        "first",
        "last",
        "dates",
        "order",
        "_index",
    )

    def __init__(
        self,
        store: Store,
        kind: str,
        *,
        court: str | None,
        date_from: str | None,
        date_to: str | None,
        ordered: bool,
        with_dockets: bool = True,
        plain: bool = False,
    ):
        self.kind = kind
        packed = store.summary_links(kind)
        got = None if plain else _read_arrays(packed, with_dockets)
        if got is None:
            got = _read_plain(packed)
        cases, dockets, court_no, court_v, sizes, ent, names, first, last, dates = got
        if court:
            want = court_v.index(court) if court in court_v else -1
            pick = court_no == want
            if not pick.all():
                keep = np.repeat(pick, sizes)
                at = np.flatnonzero(pick).tolist()
                cases, dockets = [cases[i] for i in at], [dockets[i] for i in at] if dockets else []
                sizes = sizes[pick]
                ent, first, last = ent[keep], first[keep], last[keep]
        if date_from or date_to:
            fine_first = np.array([d != "" and (not date_to or d <= date_to) for d in dates], dtype=bool)
            fine_last = np.array([d != "" and (not date_from or d >= date_from) for d in dates], dtype=bool)
            ok = fine_first[first] & fine_last[last] if len(dates) else np.zeros(len(ent), dtype=bool)
            if not ok.all():
                owner = np.repeat(np.arange(len(sizes)), sizes)
                sizes = np.bincount(owner[ok], minlength=len(sizes))
                ent, first, last = ent[ok], first[ok], last[ok]
        have = np.flatnonzero(sizes)
        if len(have) < len(cases):  # cases left without links
            cases = [cases[i] for i in have.tolist()]
            dockets = [dockets[i] for i in have.tolist()] if dockets else []
            sizes = sizes[have]
        start = np.zeros(len(sizes) + 1, dtype=np.int64)
        np.cumsum(sizes, out=start[1:])
        self.cases, self.dockets = cases, dockets
        self.ent, self.names = ent, names
        self.first, self.last, self.dates = first, last, dates
        self.start = start
        self._index: dict[str, int] | None = None
        #: the cases in the order the exact path meets them: by least entity, then case IRI;
        #: links stay in the stored order
        self.order = np.arange(len(cases))
        if ordered and len(cases) > 1:
            name_rank = np.empty(len(names), dtype=np.int64)
            name_rank[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
            case_rank = np.empty(len(cases), dtype=np.int64)
            case_rank[sorted(range(len(cases)), key=cases.__getitem__)] = np.arange(len(cases))
            self.order = np.lexsort((case_rank, name_rank[ent[start[:-1]]]))

    def ordered_links(self) -> np.ndarray:
        """The links' indices, case after case in ``order``."""
        sizes = np.diff(self.start)[self.order]
        firsts = self.start[:-1][self.order]
        return np.repeat(firsts - (np.cumsum(sizes) - sizes), sizes) + np.arange(int(sizes.sum()))

    def index(self) -> dict[str, int]:
        """Case IRI -> its index in ``cases``."""
        if self._index is None:
            self._index = dict(zip(self.cases, range(len(self.cases)), strict=True))
        return self._index

    def case_of(self) -> np.ndarray:
        """Each link's case (an index into ``cases``)."""
        return np.repeat(np.arange(len(self.cases)), np.diff(self.start))

    def labels(self, store: Store) -> dict[str, str]:
        """The label of each entity of this kind, as the exact path reads them."""
        if not len(self.ent):
            return {}
        return {r["x"]: r["label"] for r in store.query(_LABELS.format(kind=self.kind))[1]}


def _ranks(values: list[str], rank: dict[str, int]) -> np.ndarray:
    return np.fromiter(map(rank.__getitem__, values), dtype=np.int64, count=len(values))


def _summary_pairs(
    G: nx.Graph, left: _KindLinks, right: _KindLinks | None, labels: dict[str, dict[str, str]]
) -> nx.Graph:
    """``G`` with the edges ``_join`` (``right`` given: each case's left links crossed
    with its right links) or the attorney network (``right`` None: the pairs of each
    case's links) makes from the same links, with the same nodes, edges and attributes in
    the same order, the pairs formed and grouped by edge as arrays: the pairs in the order
    the exact path meets them (cases in ``left``'s order, then left link, then right
    link), an edge where its first pair is, its dockets and case ids in its pairs' order,
    its first and last dates the least and greatest of its links'."""
    other = left if right is None else right
    lstart, rstart = left.start, other.start
    case_of = left.case_of()
    lidx = left.ordered_links()  # the left links in the order the exact path meets them
    if right is None:
        # link i pairs with the later links of its case: i+1 .. its case's end
        cnt = lstart[1:][case_of[lidx]] - lidx - 1
        li = np.repeat(lidx, cnt)
        ri = li + 1 + np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt)
    elif not right.cases:
        li = ri = np.zeros(0, dtype=np.int64)
    else:
        rpos = right.index()
        rj = np.fromiter(map(rpos.get, left.cases, repeat(-1)), dtype=np.int64, count=len(left.cases))
        rjl = rj[case_of[lidx]]
        have = rjl >= 0
        rlen = np.diff(rstart)
        cnt = np.where(have, rlen[np.where(have, rjl, 0)], 0)
        li = np.repeat(lidx, cnt)
        r0 = np.repeat(rstart[:-1][np.where(have, rjl, 0)], cnt)
        ri = r0 + np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt)
    # entities as numbers (one numbering for both kinds: the exact path skips a == b)
    ids: dict[str, int] = {}
    lid = _numbered(left.names, ids)[left.ent]
    rid = lid if right is None else _numbered(other.names, ids)[other.ent]
    a_of, b_of = lid[li], rid[ri]
    keep = a_of != b_of
    if not keep.all():
        li, ri, a_of, b_of = li[keep], ri[keep], a_of[keep], b_of[keep]
    names = list(ids)
    if right is None:
        # every attorney of every case, in the cases' order
        met = left.ent[lidx]
        _, at = np.unique(met, return_index=True)
        for x in (left.names[i] for i in met[np.sort(at)].tolist()):
            G.add_node(x, kind=left.kind, label=labels[left.kind].get(x, x))
    if len(li) == 0:
        return G
    key = a_of * len(names) + b_of
    first_pair, perm, bounds = _grouped(key)  # the edges in the order first met
    # dates as ranks among the distinct values ("" the least: no date)
    dates = sorted(set(left.dates) | set(other.dates))
    rank = {d: i for i, d in enumerate(dates)}
    big = len(dates)
    lrank, rrank = _ranks(left.dates, rank), _ranks(other.dates, rank)
    lf, rf = lrank[left.first], rrank[other.first]
    lf[lf == rank.get("", -1)] = big
    rf[rf == rank.get("", -1)] = big
    firsts = np.minimum(lf[li], rf[ri])[perm]
    lasts = np.maximum(lrank[left.last][li], rrank[other.last][ri])[perm]
    e_first = np.minimum.reduceat(firsts, bounds[:-1]).tolist()
    e_last = np.maximum.reduceat(lasts, bounds[:-1]).tolist()
    pcase = case_of[li][perm]
    case_ids = np.array(left.cases, dtype=object)[pcase].tolist()
    dockets = np.array(left.dockets, dtype=object)[pcase].tolist()
    unique_dockets = len(set(left.dockets)) == len(left.dockets)
    a_first = [names[i] for i in a_of[first_pair].tolist()]
    b_first = [names[i] for i in b_of[first_pair].tolist()]
    lk = left.kind
    rk = other.kind
    if right is not None:
        for a, b in zip(a_first, b_first, strict=True):
            if a not in G:
                G.add_node(a, kind=lk, label=labels[lk].get(a, a))
            if b not in G:
                G.add_node(b, kind=rk, label=labels[rk].get(b, b))
    first_date: list[str | None] = [*dates, None]  # big: none
    last_date: list[str | None] = list(dates)
    if "" in rank:
        last_date[rank[""]] = None
    ends = bounds.tolist()
    spans = zip(a_first, b_first, ends[:-1], ends[1:], e_first, e_last, strict=True)
    if unique_dockets:
        G.add_edges_from(
            (
                a,
                b,
                {
                    "cases": dockets[s:t],
                    "weight": t - s,
                    "first": first_date[f],
                    "last": last_date[la],
                    "case_ids": case_ids[s:t],
                },
            )
            for a, b, s, t, f, la in spans
        )
        return G
    for a, b, s, t, f, la in spans:
        ds = list(dict.fromkeys(dockets[s:t]))
        G.add_edge(
            a, b, cases=ds, weight=len(ds), first=first_date[f], last=last_date[la], case_ids=case_ids[s:t]
        )
    return G


def _grouped(key: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The values of ``key`` (integers, 0 or more) grouped: per distinct value, in the order
    first met, the index of its first occurrence; the indices grouped by value in that
    order, each group in increasing order; and the groups' bounds in it (what
    ``np.unique`` with its index and inverse, and a stable sort by group, give, by one
    sort of distinct numbers)."""
    n = len(key)
    at = np.arange(n, dtype=np.int64)
    if n and int(key.max()) < np.iinfo(np.int64).max // n - 1:
        order = np.argsort(key * n + at)  # distinct numbers: every sort orders them alike
    else:
        order = np.argsort(key, kind="stable")
    ordered = key[order]
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1]))) if n else at
    sizes = np.diff(np.append(starts, n))
    first = order[starts]  # each value's first occurrence (its group's least index)
    by_first = np.argsort(first)  # distinct numbers again
    sizes = sizes[by_first]
    bounds = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(sizes, out=bounds[1:])
    perm = order[np.repeat(starts[by_first] - bounds[:-1], sizes) + at]
    return first[by_first], perm, bounds


def _summary_links_of(
    store: Store, kinds: tuple[str, ...], court: str | None, date_from: str | None, date_to: str | None
) -> tuple[list[_KindLinks], dict[str, dict[str, str]]]:
    """The summaries' links of ``kinds`` (the first in the exact path's case order) and the
    labels of each kind."""
    court = court.strip().lower() if court else None
    got = [
        _KindLinks(
            store, k, court=court, date_from=date_from, date_to=date_to, ordered=i == 0, with_dockets=i == 0
        )
        for i, k in enumerate(kinds)
    ]
    return got, {k.kind: k.labels(store) for k in got}


def _bipartite(
    store: Store,
    G: nx.Graph,
    kinds: tuple[str, str],
    court: str | None,
    date_from: str | None,
    date_to: str | None,
) -> nx.Graph:
    """``_join`` of the links of two kinds: from the summaries when they are current."""
    if _from_summaries(store, kinds):
        with _gc_paused():
            (left, right), labels = _summary_links_of(store, kinds, court, date_from, date_to)
            _summary_pairs(G, left, right, labels)
            del left, right  # freed before the collector runs again
        return G
    links = _links(store, court=court, date_from=date_from, date_to=date_to, kinds=kinds)
    return _join(G, _by_case(links, kinds[0]), _by_case(links, kinds[1]))


def firm_judge_graph(
    store: Store, *, court: str | None = None, date_from: str | None = None, date_to: str | None = None
) -> nx.Graph:
    """Firms and judges, an edge when a firm appeared in a case before the judge; the
    weight is the number of such cases (``bipartite`` node attribute: 0 firms, 1 judges)."""
    G = _bipartite(store, nx.Graph(name="firm-judge"), ("LawFirm", "Judge"), court, date_from, date_to)
    _, roles = store.query(_ROLES)
    role = {r["j"]: r["role"] for r in roles}
    for n, d in G.nodes(data=True):
        d["bipartite"] = 0 if d["kind"] == "LawFirm" else 1
        if d["kind"] == "Judge" and n in role:
            d["role"] = role[n]
    return G


def platform_firm_graph(
    store: Store, *, court: str | None = None, date_from: str | None = None, date_to: str | None = None
) -> nx.Graph:
    """Firms and the platforms named in their cases; weight = number of cases."""
    G = _bipartite(store, nx.Graph(name="platform-firm"), ("LawFirm", "Platform"), court, date_from, date_to)
    for _, d in G.nodes(data=True):
        d["bipartite"] = 0 if d["kind"] == "LawFirm" else 1
    return G


def attorney_graph(
    store: Store,
    *,
    court: str | None = None,
    firm: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> nx.Graph:
    """Attorneys who appeared in the same case; weight = number of shared cases. With
    ``firm``, only the neighbourhood of that firm's attorneys."""
    G = nx.Graph(name="attorneys")
    if _from_summaries(store, ("Attorney",)):
        with _gc_paused():
            (own,), labels = _summary_links_of(store, ("Attorney",), court, date_from, date_to)
            _summary_pairs(G, own, None, labels)
            del own
    else:
        links = _links(store, court=court, date_from=date_from, date_to=date_to, kinds=("Attorney",))
        edges = _Edges(False)
        for case, ls in _by_case(links, "Attorney").items():
            for r in ls:
                _add_node(G, r["x"], "Attorney", r["label"])
            for a, b in itertools.combinations(sorted(ls, key=lambda r: r["x"]), 2):
                first, last = _span(a, b)
                edges.add(a["x"], b["x"], a["docket"], first, last, case)
        edges.into(G)
    if firm:
        fk = keys.firm_store_key(firm)
        _, members = store.query(_MEMBERS)
        mine = {m["a"] for m in members if m["f"].rsplit("/", 1)[-1] == fk}
        keep = set(mine)
        for a in mine:
            if a in G:
                keep.update(G.neighbors(a))
        # the nodes kept in the graph's order (a subgraph view of a small set of nodes
        # iterates the set: its order, and so each edge's direction, varied between runs)
        G = G.copy()
        G.remove_nodes_from([n for n in G if n not in keep])
    return G


def citation_graph(
    store: Store,
    *,
    by: str = "firm",
    court: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> nx.DiGraph:
    """Who cites what: edges from firms (``by="firm"``) or cases (``by="case"``) to the
    precedents cited in their cases; weight = number of citing cases."""
    if by not in ("firm", "case"):
        raise BadParameter(f"citation graph by {by!r}: use 'firm' or 'case'")
    G = nx.DiGraph(name="citations")
    if by == "firm":
        return _bipartite(store, G, ("LawFirm", "Precedent"), court, date_from, date_to)
    links = _links(store, court=court, date_from=date_from, date_to=date_to, kinds=("Precedent",))
    _, cases = store.query(_CASES)
    label = {r["case"]: r["label"] for r in cases}
    for case, ls in _by_case(links, "Precedent").items():
        for r in ls:
            _add_node(G, case, "Case", label.get(case, r["docket"]))
            _add_node(G, r["x"], "Precedent", r["label"])
            _add_case_edge(G, case, r["x"], r["docket"], r.get("first"), r.get("last"), case)
    return G


def entity_graph(
    store: Store, *, court: str | None = None, date_from: str | None = None, date_to: str | None = None
) -> nx.Graph:
    """Every entity joined to the cases it takes part in (and attorneys to their firms):
    the graph that ``view --entity`` walks."""
    links = _links(store, court=court, date_from=date_from, date_to=date_to)
    _, cases = store.query(_CASES)
    label = {r["case"]: r["label"] for r in cases}
    caption = {r["case"]: r["caption"] for r in cases if r.get("caption")}
    G = nx.Graph(name="entities")
    for r in links:
        _add_node(G, r["case"], "Case", label.get(r["case"], r["docket"]))
        G.nodes[r["case"]].setdefault("docket", r["docket"])
        if r.get("court"):
            G.nodes[r["case"]].setdefault("court", r["court"])
        if r["case"] in caption:
            G.nodes[r["case"]].setdefault("caption", caption[r["case"]])
        _add_node(G, r["x"], r["kind"], r["label"])
        _add_case_edge(G, r["x"], r["case"], r["docket"], r.get("first"), r.get("last"), r["case"])
    _, members = store.query(_MEMBERS)
    for m in members:
        if m["a"] in G and m["f"] in G and not G.has_edge(m["a"], m["f"]):
            G.add_edge(m["a"], m["f"], cases=[], case_ids=[], weight=1, relation="member of")
    return G


def neighbourhood(G: nx.Graph, center: str, *, depth: int = 2) -> nx.Graph:
    """The part of ``G`` within ``depth`` steps of ``center``."""
    if center not in G:
        raise BadParameter(f"{center} is not in the graph")
    return nx.ego_graph(G, center, radius=max(0, depth)).copy()


def pagerank(
    G: nx.Graph, *, alpha: float = 0.85, weight: str = "weight", max_iter: int = 200, tol: float = 1.0e-10
) -> dict[Any, float]:
    """Weighted PageRank by power iteration (networkx's own needs SciPy)."""
    n = G.number_of_nodes()
    if n == 0:
        return {}
    # each node's out-edges (an undirected edge both ways) and weights, in the graph's order:
    # the order ``G.to_directed().out_edges`` gives, without copying the edges' attributes
    out = {u: [(v, d.get(weight, 1)) for v, d in nbrs.items()] for u, nbrs in G.adj.items()}
    out_w = {u: sum(w for _, w in vs) for u, vs in out.items()}
    x = dict.fromkeys(G, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = dict.fromkeys(G, (1.0 - alpha) / n)
        dangling = alpha * sum(last[u] for u in G if out_w[u] == 0) / n
        for u, vs in out.items():
            if out_w[u]:
                share = alpha * last[u] / out_w[u]
                for v, w in vs:
                    x[v] += share * w
        for u in x:
            x[u] += dangling
        if sum(abs(x[u] - last[u]) for u in x) < n * tol:
            break
    return x


def centrality(G: nx.Graph, *, weight: str = "weight", top: int | None = None) -> list[dict]:
    """Degree, weighted degree, PageRank and betweenness of every node, highest PageRank
    first. Betweenness uses 1/weight as distance (strong ties are short)."""
    if G.number_of_nodes() == 0:
        return []
    pr = pagerank(G, weight=weight)
    if G.is_directed() and not any(G.in_degree(n) and G.out_degree(n) for n in G):
        # no node has both in- and out-edges (firms citing precedents): no shortest path
        # passes through a node, every betweenness is 0 (what networkx computes, by one
        # Dijkstra search from every node)
        bc = dict.fromkeys(G, 0.0)
    else:
        # ``G.copy()`` (its nodes and adjacency in the same order) carrying only the distance
        H = G.__class__()
        H.add_nodes_from(G)
        H.add_edges_from(
            (a, b, {"_dist": 1.0 / max(float(d.get(weight, 1)), 1e-9)})
            for a, nbrs in G.adj.items()
            for b, d in nbrs.items()
        )
        bc = nx.betweenness_centrality(H, weight="_dist", normalized=True)
    deg = dict(G.degree())
    wdeg = dict(G.degree(weight=weight))
    rows = [
        {
            "name": str(G.nodes[n].get("label", n)),
            "kind": G.nodes[n].get("kind", ""),
            "degree": deg[n],
            "weighted_degree": int(wdeg[n]) if float(wdeg[n]).is_integer() else wdeg[n],
            "pagerank": round(pr[n], 6),
            "betweenness": round(bc[n], 6),
            "id": n,
        }
        for n in G
    ]
    rows.sort(key=lambda r: (-r["pagerank"], -r["weighted_degree"], r["name"].casefold(), str(r["id"])))
    return rows[:top] if top else rows


def communities(G: nx.Graph, *, weight: str = "weight", resolution: float = 1.0, seed: int = 7) -> list[dict]:
    """Louvain communities (networkx), largest first; one row per member."""
    if G.number_of_nodes() == 0:
        return []
    if G.is_directed():
        # ``G.to_undirected()`` (nodes and edges in the same order) without deep copies of
        # the edges' case lists: Louvain reads the weights only
        U = nx.Graph()
        U.add_nodes_from(G)
        U.add_edges_from(
            (a, b, {weight: d[weight]} if weight in d else {})
            for a, nbrs in G.adj.items()
            for b, d in nbrs.items()
        )
    else:
        U = G
    parts = nx.community.louvain_communities(U, weight=weight, resolution=resolution, seed=seed)
    parts = sorted((sorted(p, key=str) for p in parts), key=lambda p: (-len(p), str(p[0])))
    rows = []
    for i, members in enumerate(parts, 1):
        for n in sorted(
            members,
            key=lambda n: (G.nodes[n].get("kind", ""), str(G.nodes[n].get("label", n)).casefold(), str(n)),
        ):
            rows.append(
                {
                    "community": i,
                    "size": len(members),
                    "name": str(G.nodes[n].get("label", n)),
                    "kind": G.nodes[n].get("kind", ""),
                    "weighted_degree": G.degree(n, weight=weight),
                    "id": n,
                }
            )
    return rows


def edge_rows(G: nx.Graph) -> list[dict]:
    """A projection's edges as table rows, heaviest first."""
    # each node's label, kind and label case-folded, looked up once
    info = {n: (d.get("label", n), d.get("kind", "")) for n, d in G.nodes(data=True)}
    folded = {n: label.casefold() for n, (label, _) in info.items() if isinstance(label, str)}
    rows = []
    keys = []
    for a, b, d in G.edges(data=True):
        (sl, sk), (tl, tk) = info[a], info[b]
        cases = d.get("weight", 1)
        rows.append(
            {
                "source": sl,
                "source_kind": sk,
                "target": tl,
                "target_kind": tk,
                "cases": cases,
                "dockets": ", ".join(sorted(d.get("cases", []))),
                "first": d.get("first"),
                "last": d.get("last"),
                "source_id": a,
                "target_id": b,
            }
        )
        keys.append((-cases, folded[a], folded[b]))
    order = sorted(range(len(rows)), key=keys.__getitem__)
    return [rows[i] for i in order]


# --- entity search ------------------------------------------------------------------

_KINDS = name_index.KINDS
_ALL_KINDS = " ".join(f"dg:{k}" for k in _KINDS)
# an entity with several spellings is listed under its fullest (``name_index.display_name``)
_NAMES = """
SELECT ?x ?kind (GROUP_CONCAT(?n; separator="\\n") AS ?names) WHERE {
  VALUES ?kind { dg:Case dg:Court dg:Judge dg:LawFirm dg:Attorney dg:Party dg:Platform dg:Precedent dg:Document }
  ?x a ?kind ; schema:name ?n
} GROUP BY ?x ?kind
"""


def _name_index(store: Store) -> name_index.NameIndex | None:
    get = getattr(store, "name_index", None)
    return get() if callable(get) else None


def search_entities(
    store: Store,
    name: str,
    *,
    kind: str | None = None,
    limit: int = 10,
    min_score: float = 70.0,
    exact: bool = False,
) -> list[dict]:
    """Entities whose name resembles ``name`` (rapidfuzz WRatio on case-folded names).

    With a current name index (``graph.name_index``) the name table answers: it scores
    the rows from the highest bound on their score down and stops where no row left can
    place, listing what scoring every name would list first. A store indexed before the
    table existed scores the candidates the index finds (the entities named with a word
    near one of the query's); without an index, every entity's name is read and scored
    (``exact=True`` forces that path)."""
    if not name or not name.strip():
        return []
    want = kind.lower() if kind else None
    classes = [c for c in _KINDS if c.lower() in (want, _KIND_ALIASES.get(want, ""))] if want else None
    index = None if exact else _name_index(store)
    if index is not None and min_score > 0 and limit > 0:
        # the name table: the best ``limit`` rows, scored from bounds down (graph.name_index)
        found = index.search(name, limit=limit, min_score=min_score, kinds=classes)
        if found is not None:
            return [{"name": n, "kind": k, "score": round(float(s), 1), "id": x} for x, k, n, s in found]
    # without a table, with a kind, reading that kind's names is as fast as the index's candidates
    if index is not None and not want:
        pairs = index.candidates(name) or []
    else:
        sparql = _NAMES
        if want:  # read only that kind's names (the class comes from the fixed list, not the text)
            if classes:
                sparql = _NAMES.replace(_ALL_KINDS, " ".join(f"dg:{c}" for c in classes))
        _, rows = store.query(sparql)
        pairs = [
            (r["x"], r["kind"].rsplit("#", 1)[-1], name_index.display_name((r["names"] or "").split("\n")))
            for r in rows
        ]
    cands = []
    for x, k, n in pairs:
        if want and k.lower() not in (want, _KIND_ALIASES.get(want, "")):
            continue
        cands.append((x, k, n))
    names = [c[2] for c in cands]
    hits = process.extract(
        name, names, scorer=fuzz.WRatio, processor=utils.default_process, limit=None, score_cutoff=min_score
    )
    out = []
    for _, score, i in hits:
        x, k, n = cands[i]
        out.append({"name": n, "kind": k, "score": round(float(score), 1), "id": x})
    out.sort(key=lambda r: (-r["score"], r["name"].casefold(), r["id"], r["kind"]))
    return out[:limit]


_KIND_ALIASES = {
    "firm": "lawfirm",
    "law firm": "lawfirm",
    "precedent": "precedent",
    "citation": "precedent",
    "case": "case",
    "judge": "judge",
}


# --- saved Python queries -------------------------------------------------------------


def _projection(store: Store, name: str | None, kw: dict) -> nx.Graph:
    name = name or "firm-judge"
    dates: dict[str, Any] = {"court": kw.get("court"), "date_from": kw.get("from"), "date_to": kw.get("to")}
    if name == "firm-judge":
        return firm_judge_graph(store, **dates)
    if name == "attorneys":
        return attorney_graph(store, **dates)
    if name == "citations":
        return citation_graph(store, **dates)
    if name == "platform-firm":
        return platform_firm_graph(store, **dates)
    raise BadParameter(f"unknown projection {name!r}; known: {', '.join(PROJECTIONS)}")


_EDGE_COLS = [
    "source",
    "source_kind",
    "target",
    "target_kind",
    "cases",
    "dockets",
    "first",
    "last",
    "source_id",
    "target_id",
]


def _edges_query(build: Callable[..., nx.Graph]) -> Callable[..., tuple]:
    def run(store: Store, **kw: Any) -> tuple:
        args = {"court": kw.get("court"), "date_from": kw.get("from"), "date_to": kw.get("to")}
        if "firm" in kw:
            args["firm"] = kw.get("firm")
        G = build(store, **args)
        with _gc_paused():
            return _EDGE_COLS, edge_rows(G), G

    return run


def _centrality_query(
    store: Store, *, projection: str | None = None, top: int | None = None, **kw: Any
) -> tuple:
    G = _projection(store, projection, kw)
    rows = centrality(G, top=top)
    for r in rows:
        G.nodes[r["id"]]["info"] = [
            f"PageRank {r['pagerank']}",
            f"betweenness {r['betweenness']}",
            f"degree {r['degree']} (weighted {r['weighted_degree']})",
        ]
    return ["name", "kind", "degree", "weighted_degree", "pagerank", "betweenness", "id"], rows, G


def _communities_query(store: Store, *, projection: str | None = None, **kw: Any) -> tuple:
    G = _projection(store, projection, kw)
    rows = communities(G)
    for r in rows:
        G.nodes[r["id"]]["community"] = r["community"]
        G.nodes[r["id"]]["info"] = [f"community {r['community']} ({r['size']} members)"]
    return ["community", "size", "name", "kind", "weighted_degree", "id"], rows, G


def _search_query(
    store: Store, *, name: str | None = None, kind: str | None = None, limit: int | None = None, **kw: Any
) -> tuple:
    rows = search_entities(store, name or "", kind=kind, limit=limit or 10)
    return ["name", "kind", "score", "id"], rows


_DATES = (
    Param("from", "date", "", "Only links shown by filings dated on or after this day"),
    Param("to", "date", "", "Only links shown by filings dated on or before this day"),
)
_COURT = Param("court", "court", "", "Court id; empty for every court")
_PROJ = Param("projection", "str", "firm-judge", "Which graph: " + ", ".join(PROJECTIONS))

QUERIES: list[SavedQuery] = [
    SavedQuery(
        "firm-judge-network",
        "Firm–judge network",
        "The bipartite graph of law firms and judges, an edge weighted by the number of cases a firm appeared in before the judge (networkx projection).",
        (_COURT,) + _DATES,
        view=("graph",),
        source="analytics.py",
        hidden=("source_id", "target_id"),
        python=_edges_query(firm_judge_graph),
    ),
    SavedQuery(
        "attorney-network",
        "Attorney co-appearance network",
        "Attorneys who appeared in the same case, an edge weighted by the number of shared cases.",
        (_COURT, Param("firm", "firm", "", "Only the neighbourhood of this firm's attorneys")) + _DATES,
        view=("graph",),
        source="analytics.py",
        hidden=("source_id", "target_id"),
        python=_edges_query(attorney_graph),
    ),
    SavedQuery(
        "citation-network",
        "Citation network",
        "Law firms and the precedents cited in their cases, an edge weighted by the number of citing cases.",
        (_COURT,) + _DATES,
        view=("graph",),
        source="analytics.py",
        hidden=("source_id", "target_id"),
        python=_edges_query(citation_graph),
    ),
    SavedQuery(
        "platform-firm-network",
        "Platform–firm network",
        "Law firms and the marketplaces and payment processors named in their cases, an edge weighted by cases.",
        (_COURT,) + _DATES,
        view=("graph",),
        source="analytics.py",
        hidden=("source_id", "target_id"),
        python=_edges_query(platform_firm_graph),
    ),
    SavedQuery(
        "centrality",
        "Centrality",
        "Degree, weighted degree, PageRank and betweenness of every node of a projection (firm-judge, attorneys, citations, platform-firm), highest PageRank first.",
        (_PROJ, Param("top", "int", "", "Only the N highest"), _COURT) + _DATES,
        view=("graph",),
        source="analytics.py",
        hidden=("id",),
        python=_centrality_query,
    ),
    SavedQuery(
        "communities",
        "Communities",
        "Louvain communities (networkx, fixed seed) of a projection (firm-judge, attorneys, citations, platform-firm): one row per member, largest community first.",
        (_PROJ, _COURT) + _DATES,
        view=("graph",),
        source="analytics.py",
        hidden=("id",),
        python=_communities_query,
    ),
    SavedQuery(
        "entity-search",
        "Entity search",
        "Fuzzy name search across every kind of entity (rapidfuzz WRatio, score 0-100, at least 70).",
        (
            Param("name", "str", "", "The name to look for, misspelt or partial"),
            Param(
                "kind",
                "str",
                "",
                "Only this kind: LawFirm, Judge, Attorney, Party, Platform, Case, Court, Precedent, Document",
            ),
            Param("limit", "int", "10", "At most this many matches"),
        ),
        source="analytics.py",
        hidden=("id",),
        python=_search_query,
    ),
]
