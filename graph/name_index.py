"""The name index: entity search without reading every name.

Entity search (``queries.analytics.search_entities``) scores names with rapidfuzz's WRatio.
Its exact path reads the name of every entity (one SPARQL query grouping every
``?e a ?kind ; schema:name ?n``: seconds at 10,000 cases). The index lets it score only
the entities that can resemble the query, found by index lookups:

- per (entity, kind): ``e dgs:nameOf "Kind<TAB>shown<TAB>names"``: the name it is listed
  under (``display_name``: the fullest of its spellings, as the exact path lists it) and
  every spelling (one a line);
- per word of any of an entity's names (``rapidfuzz.utils.default_process``, split on
  spaces) and per two words running (``terms``), its *postings*, packed by bucket of
  entities (``POSTING_BUCKETS``, an entity's by the CRC-32 of its IRI):
  ``<dgs:w/WORD> dgs:has/B "e<TAB>Kind<TAB>shown\n..."``, one line per (entity, kind)
  of the bucket, sorted — one prefix scan reads every entity named with the word, and a
  re-index rewrites only its entities' buckets (a posting a quad was half the summaries'
  quads, and writing them a seventh of a whole rebuild);
- every term of every name, in the *vocabulary*: a few literals (``BUCKETS``, a word's
  bucket by its CRC-32), each the words of its bucket one a line, so that reading it
  is a handful of index lookups. A query word is compared with every vocabulary word
  (rapidfuzz's ``partial_ratio`` and ``ratio``, in C++: milliseconds for tens of
  thousands of words);
  the entities named with a near word (a misspelt one, one holding the query word or
  held by it) are scored.

The index lives in the summaries' graph and is kept like the summaries: a document write
marks the entities its graph (and the graph it drops) speaks of, in the same transaction
(``stale_quads``, ``mark_graph_entities``); ``refresh`` (called by
``summaries.refresh``) re-indexes marked entities in chunks. While a mark is left, or no
index of this ``VERSION`` was built (a store written before it, a SPARQL server's store
written by another tool), search takes the exact path (``CURRENT_ASK``).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import heapq
import io
import logging
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import quote

import numpy as np
import pyoxigraph as ox
from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import LCSseq

from docketgraph.graph.vocab import NS

log = logging.getLogger(__name__)

# the summaries' namespace and graph (graph.summaries imports this module: no import back)
SNS = "https://docketgraph.org/summary#"
GRAPH = SNS + "graph"
VERSION = "2"

#: the kinds of entities searched (the classes of ``queries.analytics``' entity search)
KINDS = ("Case", "Court", "Judge", "LawFirm", "Attorney", "Party", "Platform", "Precedent", "Document")

NAME_OF = SNS + "nameOf"
HAS = SNS + "has"
#: a word's postings are packed in this many literals at most (``posting_predicate``)
POSTING_BUCKETS = 64
WORDS = SNS + "words"
BUCKETS = 32
#: how near (rapidfuzz partial_ratio) a stored word must be to a query word for its
#: entities to be scored: generous, the score decides
NEAR = 70
#: or how near as a whole (rapidfuzz ratio: "holdings" and "colins")
NEAR_WHOLE = 60
STALE = SNS + "namesStale"
_VERSION_NODE = SNS + "nameIndex"
_VERSION_P = SNS + "version"

_G = f"<{GRAPH}>"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SCHEMA_NAME = "https://schema.org/name"
_KIND_IRIS = {NS + k for k in KINDS}
_KIND_VALUES = " ".join(f"<{NS}{k}>" for k in KINDS)
_TRUE = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))

#: true when search may read the index: built by this version, nothing marked
CURRENT_ASK = (
    f'ASK {{ GRAPH {_G} {{ <{_VERSION_NODE}> <{_VERSION_P}> "{VERSION}" }} '
    f"FILTER NOT EXISTS {{ GRAPH {_G} {{ ?x <{STALE}> true }} }} }}"
)
MARK_ALL = (
    f"INSERT {{ GRAPH {_G} {{ ?e <{STALE}> true }} }} WHERE {{ VALUES ?k {{ {_KIND_VALUES} }} ?e a ?k }}"
)
_STALE = f"SELECT ?e WHERE {{ GRAPH {_G} {{ ?e <{STALE}> true }} }} LIMIT {{n}}"
#: the update saying the index is built by this version (written last)
VERSION_DATA = f'INSERT DATA {{ GRAPH {_G} {{ <{_VERSION_NODE}> <{_VERSION_P}> "{VERSION}" }} }}'


# --- words --------------------------------------------------------------------------


def words(name: str) -> list[str]:
    """The words of a name as the search compares them (rapidfuzz's default processing)."""
    return list(dict.fromkeys(utils.default_process(name).split()))


def terms(name: str) -> list[str]:
    """What a name is indexed under: its words, and each two words running (a query word
    may resemble where one word ends and the next begins: "zelle" and "mirel letter")."""
    return list(_terms(name))


@functools.lru_cache(maxsize=1 << 16)
def _terms(name: str) -> tuple[str, ...]:
    w = utils.default_process(name).split()
    return tuple(dict.fromkeys(w + [f"{a} {b}" for a, b in zip(w, w[1:], strict=False)]))


# names repeat (a firm in every case, "llc" in thousands of names): a build asks for the
# same terms' IRIs hundreds of thousands of times
@functools.lru_cache(maxsize=1 << 16)
def word_iri(word: str) -> ox.NamedNode:
    if word.isascii() and word.replace(" ", "").isalnum():  # what quote gives, a tenth of its time
        return ox.NamedNode(SNS + "w/" + word.replace(" ", "%20"))
    return ox.NamedNode(SNS + "w/" + quote(word, safe=""))


@functools.lru_cache(maxsize=1 << 16)
def bucket_iri(word: str) -> ox.NamedNode:
    return ox.NamedNode(f"{SNS}vocabulary/{zlib.crc32(word.encode('utf-8')) % BUCKETS}")


def _v(term: object) -> str:
    """A literal's or IRI's text (quads read here hold nothing else)."""
    return term.value if isinstance(term, (ox.Literal, ox.NamedNode)) else ""


# --- marks -------------------------------------------------------------------------


def stale_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Marks for the entities a document's quads name or type (written with the document)."""
    g = ox.NamedNode(GRAPH)
    p = ox.NamedNode(STALE)
    seen: dict[ox.NamedNode, None] = {}
    for q in quads:
        pv = q.predicate.value
        if isinstance(q.subject, ox.NamedNode) and (
            pv == _SCHEMA_NAME or (pv == _RDF_TYPE and _v(q.object) in _KIND_IRIS)
        ):
            seen[q.subject] = None
    return [ox.Quad(e, p, _TRUE, g) for e in seen]


def mark_graph_entities(graph: ox.NamedNode) -> str:
    """An update operation marking every entity a document graph names."""
    return (
        f"INSERT {{ GRAPH {_G} {{ ?e <{STALE}> true }} }} "
        f"WHERE {{ GRAPH {graph} {{ ?e <{_SCHEMA_NAME}> ?n_ }} }}"
    )


# --- building ----------------------------------------------------------------------


def display_name(names: Iterable[str]) -> str:
    """The name an entity with several spellings is listed under: the fullest (the
    longest; of equals, the first in code-point order), as name resolution lists it."""
    return min(names, key=lambda n: (-len(n), n))


def _entries(rows: Iterable[dict]) -> dict[tuple[ox.NamedNode, str], list[str]]:
    """(entity, kind) -> its names, from rows of ``?e ?kind ?n``."""
    out: dict[tuple[ox.NamedNode, str], list[str]] = {}
    for r in rows:
        e, k, n = r.get("e"), r.get("kind"), r.get("n")
        if isinstance(e, ox.NamedNode) and k is not None and n is not None:
            out.setdefault((e, _v(k).rsplit("#", 1)[-1]), []).append(_v(n))
    return out


_NAME_OF_N = ox.NamedNode(NAME_OF)
_GRAPH_N = ox.NamedNode(GRAPH)
_HAS_PREFIX = HAS + "/"
_POSTING_PREDICATES = [ox.NamedNode(f"{_HAS_PREFIX}{b}") for b in range(POSTING_BUCKETS)]


def posting_bucket(entity: str) -> int:
    """The bucket of an entity's postings (by its IRI)."""
    return zlib.crc32(entity.encode("utf-8")) % POSTING_BUCKETS


def posting_predicate(entity: str) -> ox.NamedNode:
    """The predicate under which a word holds the postings of ``entity``'s bucket."""
    return _POSTING_PREDICATES[posting_bucket(entity)]


def _name_of(e: ox.NamedNode, kind: str, names: Sequence[str]) -> tuple[ox.Literal, str]:
    """An entity's ``dgs:nameOf`` literal (its kind, display name and names) and its
    posting line."""
    shown = display_name(names)
    return ox.Literal(f"{kind}\t{shown}\t" + "\n".join(sorted(names))), f"{e.value}\t{kind}\t{shown}"


def _postings(lines: Iterable[str]) -> ox.Literal:
    return ox.Literal("\n".join(sorted(set(lines))))


def _data(triples: Iterable[ox.Triple] | Iterable[ox.Quad]) -> str:
    return " ".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)


def reindex_update(entities: Sequence[ox.NamedNode], query: Callable[[str], list]) -> str:
    """One update request replacing the index entries of ``entities`` with their current
    names (an entity no longer named loses its entries) and clearing their marks: the
    postings' literals of the (word, bucket) pairs their old and new names reach are
    rewritten, without the entities' old lines and with their new ones."""
    vals = "VALUES ?e { " + " ".join(str(e) for e in entities) + " }"
    mine = {e.value for e in entities}
    gone: list[ox.Triple] = []
    # (word, bucket predicate) -> the new lines of the entities for it
    touched: dict[tuple[str, ox.NamedNode], list[str]] = {}
    for r in query(f"SELECT ?e ?v WHERE {{ {vals} GRAPH {_G} {{ ?e <{NAME_OF}> ?v }} }}"):
        gone.append(ox.Triple(r["e"], ox.NamedNode(NAME_OF), r["v"]))
        _kind, _shown, held_names = _v(r["v"]).split("\t", 2)
        pred = posting_predicate(_v(r["e"]))
        for n in held_names.split("\n"):
            for w in _terms(n):
                touched.setdefault((w, pred), [])
    rows = query(
        f"SELECT ?e ?kind ?n WHERE {{ {vals} VALUES ?kind {{ {_KIND_VALUES} }} "
        "?e a ?kind ; <https://schema.org/name> ?n }"
    )
    added: list[ox.Triple] = []
    new_words: set[str] = set()
    for (e, kind), spellings in _entries(rows).items():
        spelt = sorted(set(spellings))
        name_of, line = _name_of(e, kind, spelt)
        added.append(ox.Triple(e, ox.NamedNode(NAME_OF), name_of))
        pred = posting_predicate(e.value)
        for w in dict.fromkeys(t for n in spelt for t in _terms(n)):
            touched.setdefault((w, pred), []).append(line)
            new_words.add(w)
    keys = list(touched)
    word_of = {word_iri(w).value: w for w, _ in keys}
    for i in range(0, len(keys), 2000):
        pairs = " ".join(f"({word_iri(w)} {p})" for w, p in keys[i : i + 2000])
        for r in query(f"SELECT ?w ?p ?v WHERE {{ VALUES (?w ?p) {{ {pairs} }} GRAPH {_G} {{ ?w ?p ?v }} }}"):
            gone.append(ox.Triple(r["w"], r["p"], r["v"]))
            w = word_of[_v(r["w"])]
            kept = [ln for ln in _v(r["v"]).split("\n") if ln.split("\t", 1)[0] not in mine]
            touched[(w, r["p"])] += kept
    for (w, p), lines in touched.items():
        if lines:
            added.append(ox.Triple(word_iri(w), p, _postings(lines)))
    # the vocabulary keeps every word once indexed (a word no entity has any more finds none)
    by_bucket: dict[ox.NamedNode, set[str]] = {}
    for w in new_words:
        by_bucket.setdefault(bucket_iri(w), set()).add(w)
    if by_bucket:
        held = query(
            f"SELECT ?b ?v WHERE {{ VALUES ?b {{ {' '.join(str(b) for b in by_bucket)} }} "
            f"GRAPH {_G} {{ ?b <{WORDS}> ?v }} }}"
        )
        for r in held:
            b, v = r["b"], _v(r["v"])
            have = set(v.split("\n"))
            if by_bucket.get(b, set()) <= have:
                del by_bucket[b]
            else:
                gone.append(ox.Triple(b, ox.NamedNode(WORDS), ox.Literal(v)))
                by_bucket[b] |= have
        for b, ws in by_bucket.items():
            added.append(ox.Triple(b, ox.NamedNode(WORDS), ox.Literal("\n".join(sorted(ws)))))
    # a triple both gone and added (a literal the re-index leaves as it was) is kept
    same = set(gone) & set(added)
    gone = [t for t in dict.fromkeys(gone) if t not in same]
    added = [t for t in dict.fromkeys(added) if t not in same]
    ops = []
    if gone:
        ops.append(f"DELETE DATA {{ GRAPH {_G} {{ {_data(gone)} }} }}")
    if added:
        ops.append(f"INSERT DATA {{ GRAPH {_G} {{ {_data(added)} }} }}")
    ops.append(
        f"DELETE DATA {{ GRAPH {_G} {{ " + " ".join(f"{e} <{STALE}> true ." for e in entities) + " } }"
    )
    return " ;\n".join(ops)


def build(
    query: Callable[[str], list],
    update: Callable[[str], None],
    *,
    batch: int = 50_000,
    write: Callable[[list[ox.Quad]], None] | None = None,
    clear: bool = True,
    stamp: bool = True,
) -> int:
    """Index every entity afresh in one pass (the names read by one query, the entries
    written in batches of ``batch`` triples), clearing every mark; returns the entities
    indexed. ``write`` adds quads (the embedded store's loader: the entries as terms, not
    as INSERT DATA text to parse, half the build's time); by default INSERT DATA through
    ``update``. It need not be atomic: the version goes last, so a build stopped part way
    is started over. ``clear=False``: the old entries are left for the caller to remove
    (``summaries.refresh`` sweeps what a whole rebuild did not write, in slices);
    ``stamp=False``: nor is the version written (the caller writes ``VERSION_DATA`` after)."""

    def put(quads: list[ox.Quad]) -> None:
        if write is not None:
            write(quads)
        else:
            update(f"INSERT DATA {{ GRAPH {_G} {{ {_data(quads)} }} }}")

    if clear:
        update(
            f"DELETE WHERE {{ GRAPH {_G} {{ ?s <{NAME_OF}> ?o }} }} ;\n"
            f"DELETE {{ GRAPH {_G} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {_G} {{ ?s ?p ?o }} "
            f'FILTER(?p = <{HAS}> || STRSTARTS(STR(?p), "{_HAS_PREFIX}")) }} ;\n'
            f"DELETE WHERE {{ GRAPH {_G} {{ ?s <{WORDS}> ?o }} }} ;\n"
            f"DELETE WHERE {{ GRAPH {_G} {{ ?s <{STALE}> ?o }} }} ;\n"
            f"DELETE WHERE {{ GRAPH {_G} {{ <{_VERSION_NODE}> <{_VERSION_P}> ?o }} }} ;\n" + DROP_TABLE
        )
    rows = query(
        f"SELECT ?e ?kind ?n WHERE {{ VALUES ?kind {{ {_KIND_VALUES} }} ?e a ?kind ; <https://schema.org/name> ?n }}"
    )
    entries = _entries(rows)
    del rows
    buf: list[ox.Quad] = []
    vocabulary: dict[str, None] = {}
    g = _GRAPH_N
    # a bucket of entities at a time: only its postings are held (word -> lines)
    in_bucket: list[list[tuple[ox.NamedNode, str, list[str]]]] = [[] for _ in range(POSTING_BUCKETS)]
    for (e, kind), spellings in entries.items():
        in_bucket[posting_bucket(e.value)].append((e, kind, spellings))
    for b, ents in enumerate(in_bucket):
        postings: dict[str, list[str]] = {}
        for e, kind, spellings in ents:
            spelt = sorted(set(spellings))
            all_terms = dict.fromkeys(t for n in spelt for t in _terms(n))
            name_of, line = _name_of(e, kind, spelt)
            buf.append(ox.Quad(e, _NAME_OF_N, name_of, g))
            for w in all_terms:
                postings.setdefault(w, []).append(line)
            vocabulary.update(all_terms)
            if len(buf) >= batch:
                put(buf)
                buf = []
        for w, lines in postings.items():
            buf.append(ox.Quad(word_iri(w), _POSTING_PREDICATES[b], _postings(lines), g))
            if len(buf) >= batch:
                put(buf)
                buf = []
    del in_bucket
    by_bucket: dict[ox.NamedNode, set[str]] = {}
    for t in vocabulary:
        by_bucket.setdefault(bucket_iri(t), set()).add(t)
    buf += [
        ox.Quad(b, ox.NamedNode(WORDS), ox.Literal("\n".join(sorted(ws))), _GRAPH_N)
        for b, ws in by_bucket.items()
    ]
    put(buf)
    rows = [(e.value, kind, display_name(set(spellings))) for (e, kind), spellings in entries.items()]
    _write_table(NameTable.from_rows(rows), update, write)
    if stamp:
        update(VERSION_DATA)
    log.info("name index: %d entities indexed", len(entries))
    return len(entries)


def refresh(
    query: Callable[[str], list],
    update: Callable[[str], None],
    *,
    chunk: int = 2000,
    write: Callable[[list[ox.Quad]], None] | None = None,
) -> int:
    """Re-index every marked entity (every entity when no index of this version exists);
    returns how many were re-indexed. ``query`` runs a SELECT and returns rows of terms."""
    if not query(f'SELECT ?v WHERE {{ GRAPH {_G} {{ <{_VERSION_NODE}> <{_VERSION_P}> "{VERSION}" }} }}'):
        return build(query, update, write=write)
    stamped = any(_v(r["v"]).startswith(TABLE_VERSION + "-") for r in query(_STAMP))
    old = None
    if stamped and query(_STALE.replace("{n}", "1")):
        # the table is rewritten from its old rows and the re-indexed entities' new ones;
        # its stamp goes first, so that a refresh stopped part way leaves none (search
        # reads none, and the next refresh writes it whole)
        old = read_table(query)
        update(DROP_STAMP)
        stamped = False
    n = 0
    changed: list[str] = []
    while True:
        rows = query(_STALE.replace("{n}", str(chunk)))
        ents = [r["e"] for r in rows if isinstance(r.get("e"), ox.NamedNode)]
        if not ents:
            break
        update(reindex_update(ents, query))
        n += len(ents)
        changed += [e.value for e in ents]
    if not stamped:
        if old is not None and len(changed) <= len(old.iris) // 4:
            gone = set(changed)
            table_rows = [r for r in old.rows() if r[0] not in gone] + _rows_of(query, sorted(gone))
        else:
            table_rows = _all_rows(query)
        _write_table(NameTable.from_rows(table_rows, previous=old), update, write)
    update(VERSION_DATA)
    log.info("name index: %d entities re-indexed", n)
    return n


# --- reading -----------------------------------------------------------------------


class NameIndex:
    """Candidate entities for a searched name, read from an embedded store's index."""

    def __init__(self, store: ox.Store):
        self._store = store
        self._g = ox.NamedNode(GRAPH)

    def search(
        self, name: str, *, limit: int, min_score: float, kinds: Iterable[str] | None = None
    ) -> list[tuple[str, str, str, float]] | None:
        """The best ``limit`` (IRI, kind, name, score) from the name table (see
        ``NameTable.search``); None when the store holds no table."""
        table = cached_table(self._store)
        if table is None:
            return None
        return table.search(name, limit=limit, min_score=min_score, kinds=kinds)

    def vocabulary(self) -> list[str]:
        out: list[str] = []
        for q in self._store.quads_for_pattern(None, ox.NamedNode(WORDS), None, self._g):
            out += _v(q.object).split("\n")
        return out

    def candidates(
        self, name: str, kinds: Iterable[str] | None = None, *, most: int | None = None
    ) -> list[tuple[str, str, str]] | None:
        """(entity IRI, kind, name) of every indexed entity that may score against ``name``:
        those named with a word near one of its words (``NEAR``); every entity when the query is too
        short for words to say anything (fewer than four letters). ``kinds``: only
        entities of these kinds; ``most``: None when more postings than that would be read
        (a caller with a faster way for many)."""
        only = set(kinds) if kinds is not None else None
        processed = utils.default_process(name)
        out: dict[tuple[str, str], str] = {}
        if len(processed.replace(" ", "")) < 4:
            for q in self._store.quads_for_pattern(None, ox.NamedNode(NAME_OF), None, self._g):
                kind, shown, _names = _v(q.object).split("\t", 2)
                if only is None or kind in only:
                    out[(_v(q.subject), kind)] = shown
        else:
            vocabulary = self.vocabulary()
            # a word of one or two letters is in many a longer query word ("a" in "grimaldi")
            # and brings its whole kind along (every "Schedule A" party): it is near only
            # a query word as short, or as a whole
            longer = [t for t in vocabulary if len(t) > 2]
            wanted: set[str] = set()
            for w in terms(processed):  # its words, and two running ("t lus" is near "qt us")
                for scorer, cutoff, among in (
                    (fuzz.partial_ratio, NEAR, vocabulary if len(w) <= 3 else longer),
                    (fuzz.ratio, NEAR_WHOLE, vocabulary),
                ):
                    hits = process.extract(
                        w, among, scorer=scorer, processor=None, limit=None, score_cutoff=cutoff
                    )
                    wanted.update(h[0] for h in hits)
            read = 0
            for w in wanted:
                for q in self._store.quads_for_pattern(word_iri(w), None, None, self._g):
                    if not q.predicate.value.startswith(_HAS_PREFIX):
                        continue
                    lines = _v(q.object).split("\n")
                    read += len(lines)
                    if most is not None and read > most:
                        return None
                    for ln in lines:
                        e, kind, n = ln.split("\t", 2)
                        if only is None or kind in only:
                            out[(e, kind)] = n
        return [(e, k, n) for (e, k), n in out.items()]


# --- the name table: every entity's listed name, scored without reading the store ------
#
# Entity search ranks by rapidfuzz WRatio, then name. The table holds, per (entity,
# kind), its IRI, kind and listed name and what bounds WRatio from above without computing
# it: the length of the processed name, the length of its words once each, the count of
# each character, and a signature of its words. Rows are kept in the order results tie
# in (name case-folded, IRI, kind), so a search visits the rows by bound, then by that
# order, computing WRatio for each, and stops at the first row whose bound cannot place
# it among the rows already kept (``NameTable.search``). The table is written with the
# index (``build``, ``refresh``) as a few literals read in one go and kept in memory
# while the index is unchanged.

TABLE = SNS + "nameTable"
#: the table's form: a stamp of another form is read as no table (the next refresh writes it)
TABLE_VERSION = "2"
_TABLE_PART = SNS + "tablePart"
_TABLE_STAMP = SNS + "tableStamp"
#: characters counted one by one; any other (not a space, letter or digit of ASCII) in one column
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 "
_COLS = len(_ALPHABET) + 1
_LUT = np.full(128, _COLS - 1, dtype=np.int64)
for _i, _c in enumerate(_ALPHABET):
    _LUT[ord(_c)] = _i
_SIG_BITS = 256
_SIG_WORDS = _SIG_BITS // 64
_PART_CHARS = 4_000_000  # a literal of the table holds at most this many characters
_COUNT_SLICE = 20_000  # names whose characters are counted together (``NameTable.from_rows``)


#: the column of a space (``_char_col``)
_SPACE = _ALPHABET.index(" ")
_PAIR_WORDS = 4  # a name's pair signature: 256 bits
#: the longest query whose character pairs bound partial_ratio (testing the pairs of a longer
#: one costs more than it spares, measured on 500,000 names)
_PAIR_QUERY = 7


def _pair_bit(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The signature bit of each character pair (columns ``a``, ``b``)."""
    return ((a * _COLS + b) * 40503 + 7) % (64 * _PAIR_WORDS)


_LUT8 = np.append(_LUT, _COLS - 1).astype(np.uint8)  # a code point (128: any other) -> column
_PAIR_CODES = np.arange(_COLS * _COLS)
#: per pair of columns: whether it is inside a word, and its bit in each signature word
_PAIR_OK = (_PAIR_CODES // _COLS != _SPACE) & (_PAIR_CODES % _COLS != _SPACE)
_PAIR_VALUE = [
    np.where(
        _pair_bit(_PAIR_CODES // _COLS, _PAIR_CODES % _COLS) // 64 == w,
        np.left_shift(
            np.uint64(1), (_pair_bit(_PAIR_CODES // _COLS, _PAIR_CODES % _COLS) % 64).astype(np.uint64)
        ),
        np.uint64(0),
    )
    for w in range(_PAIR_WORDS)
]


def _pair_partial(m: int, missing: np.ndarray) -> np.ndarray:
    """A bound of partial_ratio of a needle of ``m`` characters against a longer string
    lacking ``missing`` of the needle's pairs inside words. A window of k <= m characters
    with L in common (LCS) keeps at least P - 2(m - L) - (k - L) of the needle's P pairs
    (a deleted character breaks two, an inserted one one), each a pair of the string: so
    L <= (2m + k - missing) / 3, and ratio = 200·L/(m + k)."""
    # the bound for each number of pairs missing (0 to m), read per name
    table = np.zeros(m + 1, dtype=np.float32)
    for d in range(m + 1):
        table[d] = min(
            100.0, max(200.0 * min(k, max(0, (2 * m + k - d) // 3)) / (m + k) for k in range(1, m + 1))
        )
    return table[np.minimum(missing, m).astype(np.intp)]


def _char_col(text: str) -> np.ndarray:
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    return np.where(cp < 128, _LUT[np.minimum(cp, 127)], _COLS - 1)


def _once_len(processed: str) -> int:
    """The length of a processed name's words, each once, joined by spaces: no form of
    the name that WRatio compares is shorter."""
    ws = set(processed.split())
    return sum(map(len, ws)) + max(len(ws) - 1, 0)


def _sig_bits(word: str) -> tuple[int, int]:
    """A word's two bits in a name's signature (a Bloom filter of its words)."""
    h = zlib.crc32(word.encode("utf-8"))
    return h % _SIG_BITS, (h >> 16) % _SIG_BITS


def _signature(processed: str) -> int:
    out = 0
    for w in set(processed.split()):
        a, b = _sig_bits(w)
        out |= (1 << a) | (1 << b)
    return out


def _sort_key(row: tuple[str, str, str]) -> tuple[str, str, str]:
    iri, kind, shown = row
    return (shown.casefold(), iri, kind)


class Lines:
    """Lines of one text, each read when asked for (a table's IRIs and names: a search
    reads the few it lists; holding them as one text is a fraction of a list's memory)."""

    def __init__(self, text: str):
        self._data = text.encode("utf-8")
        breaks = np.flatnonzero(np.frombuffer(self._data, dtype=np.uint8) == 10)
        self._starts = np.concatenate(([0], breaks + 1)) if self._data else np.zeros(0, dtype=np.int64)
        self._ends = (
            np.concatenate((breaks, [len(self._data)])) if self._data else np.zeros(0, dtype=np.int64)
        )

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, i: int) -> str:
        return self._data[int(self._starts[i]) : int(self._ends[i])].decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        return iter(self._data.decode("utf-8").split("\n") if self._data else [])


@dataclass
class NameTable:
    """Rows (IRI, kind, listed name) in tie order; per distinct processed name, the arrays
    the bounds read."""

    iris: list[str] | Lines
    kinds: np.ndarray  # uint8, per row: its kind's index in KINDS
    shown: list[str] | Lines
    uid: np.ndarray  # int64, per row: its processed name's index in ``processed``
    processed: list[str]  # the distinct processed names (``utils.default_process``)
    plen: np.ndarray  # float64, per processed name: its length
    pmin: np.ndarray  # float64: the length of its words once each (``_once_len``)
    counts: np.ndarray  # (_COLS, u) uint8: its characters counted (saturating at 255)
    sig: np.ndarray  # (_SIG_WORDS, u) uint64: its words' signature
    ordered: list[str]  # per processed name, its words sorted, joined by spaces

    def __post_init__(self) -> None:
        self._plen32 = self.plen.astype(np.float32)
        self._pmin32 = self.pmin.astype(np.float32)
        self._pairs: np.ndarray | None = None

    def pair_signature(self) -> np.ndarray:
        """(_PAIR_WORDS, u) uint64: per processed name, the bits of the character pairs
        inside its words (``_pair_bit``; a Bloom filter: a bit may be set by another pair,
        never missing), made when first asked for."""
        if self._pairs is None:
            u = len(self.processed)
            sig = np.zeros((_PAIR_WORDS, u), dtype=np.uint64)
            step = 10_000  # names at a time: arrays small enough to be reused, not faulted in
            for lo in range(0, u, step):
                names = self.processed[lo : lo + step]
                # the names joined by spaces: no pair runs from one into the next
                text = " ".join(names)
                if text.isascii():
                    cols = _LUT8[np.frombuffer(text.encode("ascii"), dtype=np.uint8)]
                else:
                    cols = _LUT8[np.minimum(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32), 128)]
                if len(cols) < 2:
                    continue
                code = cols[:-1].astype(np.uint16) * np.uint16(_COLS) + cols[1:]
                ok = _PAIR_OK[code]
                at = np.cumsum(ok, dtype=np.int32)  # pairs inside words up to each position
                lens = np.fromiter(map(len, names), dtype=np.int64, count=len(names))
                first = np.cumsum(lens + 1) - lens - 1  # each name's first character
                top = len(at) - 1
                before = np.where(first > 0, at[np.clip(first - 1, 0, top)], 0)
                runs = at[np.clip(first + lens - 2, 0, top)] - before
                runs[lens < 2] = 0
                has = np.flatnonzero(runs > 0)
                if not len(has):
                    continue
                code = code[ok]
                for w in range(_PAIR_WORDS):
                    # each name's pairs are a run (names in order): their bits or-ed run by run
                    sig[w, lo + has] = np.bitwise_or.reduceat(_PAIR_VALUE[w][code], before[has])
            self._pairs = sig
        return self._pairs

    def _missing_pairs(self, forms: Sequence[str]) -> list[np.ndarray]:
        """Per form of the query, per processed name: how many of the form's character
        pairs inside its words (counted with repeats) the name's pair signature lacks."""
        sig = self.pair_signature()
        counts: list[dict[int, int]] = []
        for f in forms:
            c: dict[int, int] = {}
            for w in f.split():
                cols = _char_col(w)
                for b in _pair_bit(cols[:-1], cols[1:]).tolist():
                    c[b] = c.get(b, 0) + 1
            counts.append(c)
        out = [np.zeros(len(self.processed), dtype=np.float32) for _ in forms]
        for b in sorted(set().union(*counts)):
            absent = np.bitwise_and(sig[b // 64], np.uint64(1 << (b % 64))) == 0
            for c, d in zip(counts, out, strict=True):
                if b in c:
                    d += absent * np.float32(c[b])
        return out

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str]], previous: NameTable | None = None) -> NameTable:
        """The table of ``rows`` (IRI, kind, listed name); the arrays of a processed name
        ``previous`` holds are taken from it rather than computed again."""
        ordered = sorted(set(rows), key=_sort_key)
        iris = [r[0] for r in ordered]
        kinds = np.fromiter((KINDS.index(r[1]) for r in ordered), dtype=np.uint8, count=len(ordered))
        shown = [r[2] for r in ordered]
        ids: dict[str, int] = {}
        uid = np.fromiter(
            (ids.setdefault(utils.default_process(s), len(ids)) for s in shown),
            dtype=np.int64,
            count=len(shown),
        )
        processed = list(ids)
        u = len(processed)
        plen = np.zeros(u, dtype=np.float64)
        pmin = np.zeros(u, dtype=np.float64)
        counts = np.zeros((_COLS, u), dtype=np.uint8)
        sig = np.zeros((_SIG_WORDS, u), dtype=np.uint64)
        ordered_words = [""] * u
        todo = list(range(u))
        if previous is not None and u:
            held = {p: i for i, p in enumerate(previous.processed)}
            was = np.array([held.get(p, -1) for p in processed], dtype=np.int64)
            have = np.flatnonzero(was >= 0)
            plen[have], pmin[have] = previous.plen[was[have]], previous.pmin[was[have]]
            counts[:, have], sig[:, have] = previous.counts[:, was[have]], previous.sig[:, was[have]]
            for i in have.tolist():
                ordered_words[i] = previous.ordered[int(was[i])]
            todo = np.flatnonzero(was < 0).tolist()
        if todo:
            new = [processed[i] for i in todo]
            at = np.array(todo, dtype=np.int64)
            lens = np.fromiter((len(p) for p in new), dtype=np.int64, count=len(new))
            plen[at] = lens
            pmin[at] = np.fromiter((_once_len(p) for p in new), dtype=np.float64, count=len(new))
            # the characters counted a slice of names at a time (all at once, the arrays
            # of every character as int64 took 0.8 GB at 100,000 cases)
            for lo in range(0, len(new), _COUNT_SLICE):
                part, part_lens = new[lo : lo + _COUNT_SLICE], lens[lo : lo + _COUNT_SLICE]
                k = len(part)
                cols = _char_col("".join(part))
                of = np.repeat(np.arange(k, dtype=np.int64), part_lens)
                flat = np.bincount(cols * k + of, minlength=_COLS * k)
                counts[:, at[lo : lo + k]] = np.minimum(flat, 255).astype(np.uint8).reshape(_COLS, k)
            word = (1 << 64) - 1
            for i, p in zip(todo, new, strict=True):
                v = _signature(p)
                for w in range(_SIG_WORDS):
                    sig[w, i] = (v >> (64 * w)) & word
                ordered_words[i] = " ".join(sorted(p.split()))
        return cls(iris, kinds, shown, uid, processed, plen, pmin, counts, sig, ordered_words)

    def rows(self) -> list[tuple[str, str, str]]:
        return list(zip(self.iris, (KINDS[k] for k in self.kinds.tolist()), self.shown, strict=True))

    # --- bounds and search

    def bounds(self, q: str) -> np.ndarray:
        return self._bounds(q)[0]

    def _bounds(self, q: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per processed name, a number WRatio(q, it) cannot exceed (``q`` processed).

        Every string WRatio compares is the name or its words (sorted, or each once, or
        those the other has not) joined by single spaces: its characters are among the
        name's, and it is no shorter than the name's words once each (``pmin``). So with
        ``common`` the characters the two names have in common (counted with repeats),
        ``ratio`` of any two such forms is at most 2·common/(qmin + pmin), and
        ``partial_ratio`` (the shorter one, of length at least m = min(qmin, pmin),
        against windows of the longer no longer than it) at most 2·common/(m + common).
        The token ratios reach 100 only for names sharing a word (told by the word
        signature, which may say so wrongly, never the other way). WRatio scales these
        by 0.95, 0.9 and 0.6 as it does, by the lengths' ratio. Of names that may share
        words, token_set_ratio is 100 only when one's words may all be the other's; else
        at most the ratio of the shared words against either name's (bounded by the
        query's words the signature may hold) or ratio's bound. Returns per processed name
        the bound, whether it may share a word, and that bound of its token ratios."""
        u = len(self.processed)
        qcount = np.bincount(_char_col(q), minlength=_COLS) if q else np.zeros(_COLS, dtype=np.int64)
        common16 = np.zeros(u, dtype=np.uint16)
        tmp = np.empty(u, dtype=np.uint8)
        for c in np.flatnonzero(qcount):
            k = int(qcount[c])
            if k >= 255:  # a saturated count says nothing: take the query's
                common16 += np.uint16(min(k, 60_000 // _COLS))
            else:
                np.minimum(self.counts[c], np.uint8(k), out=tmp)
                common16 += tmp
        common = common16.astype(np.float32)
        shared = np.zeros(u, dtype=bool)
        # the query's words a name may hold (by its signature), and their length joined by spaces
        qwords = set(q.split())
        sect = np.zeros(u, dtype=np.float32)
        for w in qwords:
            masks: dict[int, int] = {}
            for b in _sig_bits(w):
                masks[b // 64] = masks.get(b // 64, 0) | (1 << (b % 64))
            both = None
            for k, mask in masks.items():  # the word's bits of each signature word, all set
                has = np.bitwise_and(self.sig[k], np.uint64(mask)) == np.uint64(mask)
                both = has if both is None else both & has
            assert both is not None
            shared |= both
            sect += both * np.float32(len(w) + 1)
        np.maximum(sect - np.float32(1.0), np.float32(0.0), out=sect)
        lq, qmin = len(q), np.float32(_once_len(q))
        plen, pmin = self._plen32, self._pmin32
        with np.errstate(divide="ignore", invalid="ignore"):
            r_ub = np.float32(200.0) * common / (qmin + pmin)
            m = np.minimum(qmin, pmin)
            p_ub = np.nan_to_num(np.float32(200.0) * common / (m + common), nan=0.0)
            # token_set_ratio of names sharing words: the ratio of the shared words against
            # either name's words (200·s/(s + qmin), 200·s/(s + pmin), s the shared words'
            # length joined, at most ``sect``; 100 when one name's words may all be the
            # other's, s = qmin or pmin), or of the words either has not (at most ``r_ub``:
            # the shared words are characters in common)
            t_ub = np.nan_to_num(np.float32(200.0) * sect / (sect + np.minimum(qmin, pmin)), nan=0.0)
        np.minimum(r_ub, np.float32(100.0), out=r_ub)
        np.minimum(p_ub, np.float32(100.0), out=p_ub)
        np.minimum(t_ub, np.float32(100.0), out=t_ub)
        tok = np.where(shared, np.maximum(t_ub, r_ub), np.float32(0.0))
        longer = np.maximum(plen, np.float32(lq))
        shorter = np.minimum(plen, np.float32(lq))
        near = 2 * longer < 3 * shorter  # WRatio's length ratio under 1.5
        scale = np.where(longer <= 8 * shorter, np.float32(0.9), np.float32(0.6))
        # under 1.5: ratio, or the token ratios scaled by 0.95 (token_sort_ratio at most
        # ratio's bound; token_set_ratio at most ``tok`` for names that may share a word,
        # else at most ratio's bound)
        ub = np.where(near, np.maximum(r_ub, np.float32(0.95) * tok), np.float32(0.0))
        # else: ratio, partial_ratio scaled, the partial token ratios scaled (by 0.95 more)
        pt_ub = p_ub  # partial_token_ratio of names sharing no word
        if 1 < lq <= _PAIR_QUERY:
            # a short query against a longer name is the needle: its pairs bound partial_ratio
            # (the query as it is; its words sorted, and each once, for the token forms,
            # when the name's words once each are longer still)
            q_sorted, q_once = " ".join(sorted(q.split())), " ".join(sorted(set(q.split())))
            miss, miss_once = self._missing_pairs([q, q_once])
            longer_name = plen > np.float32(lq)
            p_ub = np.where(longer_name, np.minimum(p_ub, _pair_partial(lq, miss)), p_ub)
            by_pairs = np.maximum(_pair_partial(len(q_sorted), miss), _pair_partial(len(q_once), miss_once))
            pt_ub = np.where(pmin > np.float32(lq), np.minimum(pt_ub, by_pairs), pt_ub)
        far = np.maximum(
            np.maximum(r_ub, scale * p_ub),
            np.where(shared, scale * np.float32(95.0), np.float32(0.95) * scale * pt_ub),
        )
        ub = np.where(near, ub, far).astype(np.float64)
        # float32 errs by far less than this: the bound stays above the score
        ub += 1e-3
        ub[plen == 0] = 0.0  # WRatio of an empty name is 0
        return ub, shared, tok.astype(np.float64) + 1e-3

    def tight_bounds(self, q: str, us: np.ndarray, shared: np.ndarray, tok: np.ndarray) -> np.ndarray:
        """Per processed name of ``us``, a lower bound than ``bounds`` (as dear as a tenth of
        scoring): the characters in common replaced by the longest common subsequence, of
        the names as they are (for ``ratio`` and ``partial_ratio``) and of their words
        sorted (for the token ratios: the words once each, or those the other has not, are
        a subsequence of all the words sorted). Names that may share a word (``shared``)
        keep their token ratios' bound from ``_bounds`` (``tok``) under a length ratio of
        1.5, 85.5 and 57 above it (partial_token_ratio is 100 for names sharing a word)."""
        texts = [self.processed[i] for i in us.tolist()]
        sorts = [self.ordered[i] for i in us.tolist()]
        qs = " ".join(sorted(q.split()))
        l1 = process.cdist([q], texts, scorer=LCSseq.similarity, dtype=np.int32, workers=1)[0].astype(
            np.float64
        )
        l2 = process.cdist([qs], sorts, scorer=LCSseq.similarity, dtype=np.int32, workers=1)[0].astype(
            np.float64
        )
        lq, qmin = float(len(q)), float(_once_len(q))
        ls, pmin = self.plen[us], self.pmin[us]
        with np.errstate(divide="ignore", invalid="ignore"):
            r1 = np.minimum(100.0, 200.0 * l1 / (lq + ls))
            p1 = np.minimum(100.0, np.nan_to_num(200.0 * l1 / (np.minimum(lq, ls) + l1), nan=0.0))
            r2 = np.minimum(100.0, 200.0 * l2 / (qmin + pmin))
            p2 = np.minimum(100.0, np.nan_to_num(200.0 * l2 / (np.minimum(qmin, pmin) + l2), nan=0.0))
            lr = np.maximum(lq, ls) / np.minimum(lq, ls)
        ub = np.where(
            lr < 1.5,
            np.maximum(r1, 0.95 * np.maximum(r2, np.where(shared, tok, 0.0))),
            np.where(
                lr <= 8.0,
                np.maximum(np.maximum(r1, 0.9 * p1), np.where(shared, 85.5, 0.855 * p2)),
                np.maximum(np.maximum(r1, 0.6 * p1), np.where(shared, 57.0, 0.57 * p2)),
            ),
        )
        ub[ls == 0] = 0.0
        return ub

    def search(
        self, name: str, *, limit: int, min_score: float, kinds: Iterable[str] | None = None
    ) -> list[tuple[str, str, str, float]]:
        """The ``limit`` best (IRI, kind, name, WRatio) scoring ``min_score`` (> 0) or more,
        best first, ties by name case-folded, IRI, kind: the rows brute-force scoring of
        every row would list first."""
        q = utils.default_process(name)
        if not q or limit <= 0 or not self.iris:
            return []
        ub_u, shared_u, tok_u = self._bounds(q)
        ok_u = ub_u >= min_score
        keep = ok_u[self.uid]
        if kinds is not None:
            only = set(kinds)
            codes = np.array([KINDS.index(k) for k in only if k in KINDS], dtype=np.uint8)
            keep &= np.isin(self.kinds, codes)
        cand = np.flatnonzero(keep)
        # bounds in tenths (scores are shown, and ranked, rounded to one decimal), rounded
        # up (less a hair: 0.9 * 100 is 90.00000000000001, and WRatio computes it alike)
        tenths_u = np.ceil(ub_u * 10.0 - 2e-2).astype(np.int64)
        tenths = tenths_u[self.uid[cand]]
        # by bound, then row (tie) order: a stable sort of 16-bit numbers (a radix sort; a
        # bound is at most 100.001, 1001 tenths)
        order = np.argsort((32_000 - np.clip(tenths, 0, 32_000)).astype(np.uint16), kind="stable")
        rows_by = cand[order]
        bound_by = tenths[order]
        kept: list[tuple[int, int, float]] = []  # heap of (score tenths, -row, score): worst first
        score_u = np.full(len(self.processed), np.nan)  # per processed name, once scored
        pos, size, n = 0, 64, len(rows_by)
        idle_at: float | None = None  # the floor when the tighter bounds last spared little
        while pos < n:
            if len(kept) >= limit:
                worst_t, worst_neg_row, _ = kept[0]
                row, bound = int(rows_by[pos]), int(bound_by[pos])
                # the best this row could rank is (bound, row): past the worst kept, so is every later one
                if bound < worst_t or (bound == worst_t and row > -worst_neg_row):
                    break
            chunk = rows_by[pos : pos + size]
            pos += size
            size = min(size * 2, 8192)
            us = self.uid[chunk]
            todo = np.unique(us[np.isnan(score_u[us])])
            if len(todo):
                # the names whose tighter bound still lets them place are scored; the others
                # cannot place now, nor later (the worst kept only rises)
                # (only names up to three times the query's length, or 48: the subsequence in a
                # longer one says little of the best window partial_ratio finds)
                # (they cost a third of scoring: when they spare under a quarter of a
                # chunk, they wait until the worst kept has risen a point)
                near = todo[self.plen[todo] <= max(3 * len(q), 48)]
                floor = max(min_score * 10.0 - 1e-6, kept[0][0] if len(kept) >= limit else 0)
                if len(near) and (idle_at is None or floor >= idle_at + 10):
                    tight = np.ceil(self.tight_bounds(q, near, shared_u[near], tok_u[near]) * 10.0 - 1e-6)
                    spared = tight < floor
                    score_u[near[spared]] = 0.0
                    todo = todo[np.isnan(score_u[todo])]
                    idle_at = floor if 4 * int(spared.sum()) < len(near) else None
            if len(todo):
                # a score under a tenth less than the worst kept cannot place, now or later
                # (it rounds below it): WRatio may stop early under that cutoff
                cutoff = max(min_score, (kept[0][0] - 1) / 10.0) if len(kept) >= limit else min_score
                got = process.cdist(
                    [q],
                    [self.processed[i] for i in todo.tolist()],
                    scorer=fuzz.WRatio,
                    score_cutoff=cutoff,
                    dtype=np.float64,
                    workers=1,
                )[0]
                score_u[todo] = got
            s_rows = score_u[us]
            for r, s in zip(
                chunk[s_rows >= min_score].tolist(), s_rows[s_rows >= min_score].tolist(), strict=True
            ):
                if s <= 0:
                    continue
                item = (round(round(s, 1) * 10), -r, s)
                if len(kept) < limit:
                    heapq.heappush(kept, item)
                elif item[:2] > kept[0][:2]:
                    heapq.heapreplace(kept, item)
        best = sorted(kept, key=lambda t: (-t[0], -t[1]))
        return [(self.iris[-nr], KINDS[int(self.kinds[-nr])], self.shown[-nr], s) for _, nr, s in best]

    # --- stored form

    def parts(self) -> dict[str, str]:
        """The table as texts: names one a line, the arrays as base64 of ``numpy.savez``."""
        buf = io.BytesIO()
        np.savez(
            buf,
            uid=self.uid.astype(np.uint32),
            kinds=self.kinds,
            plen=self.plen.astype(np.uint32),
            pmin=self.pmin.astype(np.uint32),
            counts=self.counts,
            sig=self.sig,
        )
        return {
            "iris": "\n".join(self.iris),
            "shown": "\n".join(self.shown),
            "processed": "\n".join(self.processed),
            "ordered": "\n".join(self.ordered),
            "arrays": base64.b64encode(buf.getvalue()).decode("ascii"),
        }

    @classmethod
    def from_parts(cls, parts: dict[str, str]) -> NameTable:
        def lines(key: str) -> list[str]:
            return parts[key].split("\n") if parts[key] else []

        arrays = np.load(io.BytesIO(base64.b64decode(parts["arrays"])))
        iris, processed = Lines(parts["iris"]), lines("processed")
        n, u = len(iris), len(processed)
        t = cls(
            iris,
            arrays["kinds"],
            Lines(parts["shown"]),
            arrays["uid"].astype(np.int64),
            processed,
            arrays["plen"].astype(np.float64),
            arrays["pmin"].astype(np.float64),
            arrays["counts"].reshape(_COLS, u),
            arrays["sig"].reshape(_SIG_WORDS, u),
            lines("ordered"),
        )
        if not (len(t.kinds) == len(t.shown) == len(t.uid) == n and len(t.plen) == len(t.ordered) == u):
            raise ValueError("name table parts disagree")
        return t


def table_quads(table: NameTable) -> list[ox.Quad]:
    """The table's stored form: its parts (literals of at most ``_PART_CHARS``) under a
    stamp naming its content, and (last) the stamp."""
    g = ox.NamedNode(GRAPH)
    p = ox.NamedNode(_TABLE_PART)
    parts = table.parts()
    digest = hashlib.sha256()
    for key in sorted(parts):
        digest.update(f"{key}\t{len(parts[key])}\t".encode() + parts[key].encode("utf-8"))
    # the stamp names the content: the same table is written as the same quads
    stamp = f"{TABLE_VERSION}-{digest.hexdigest()[:32]}"
    out = []
    for key, text in parts.items():
        pieces = [text[i : i + _PART_CHARS] for i in range(0, len(text), _PART_CHARS)] or [""]
        for i, piece in enumerate(pieces):
            out.append(ox.Quad(ox.NamedNode(f"{TABLE}/{stamp}/{key}/{i:06d}"), p, ox.Literal(piece), g))
    out.append(ox.Quad(ox.NamedNode(TABLE), ox.NamedNode(_TABLE_STAMP), ox.Literal(stamp), g))
    return out


_STAMP = f"SELECT ?v WHERE {{ GRAPH {_G} {{ <{TABLE}> <{_TABLE_STAMP}> ?v }} }}"
DROP_STAMP = f"DELETE WHERE {{ GRAPH {_G} {{ <{TABLE}> <{_TABLE_STAMP}> ?o }} }}"
#: the update making the index unread (its version and the table's stamp removed): a whole
#: rebuild's first step
UNSTAMP = f"DELETE WHERE {{ GRAPH {_G} {{ <{_VERSION_NODE}> <{_VERSION_P}> ?o }} }} ;\n" + DROP_STAMP
DROP_TABLE = (
    f"DELETE WHERE {{ GRAPH {_G} {{ <{TABLE}> <{_TABLE_STAMP}> ?o }} }} ;\n"
    f"DELETE WHERE {{ GRAPH {_G} {{ ?s <{_TABLE_PART}> ?o }} }}"
)


def _write_table(
    table: NameTable, update: Callable[[str], None], write: Callable[[list[ox.Quad]], None] | None
) -> None:
    update(DROP_TABLE)
    quads = table_quads(table)
    parts, stamp = quads[:-1], quads[-1]
    for q in [*parts, stamp]:  # one literal at a time: a few MB each; the stamp last
        if write is not None:
            write([q])
        else:
            update(f"INSERT DATA {{ GRAPH {_G} {{ {q.subject} {q.predicate} {q.object} }} }}")


def _parts_from(stamp: str, quads: Iterable[tuple[str, str]]) -> dict[str, str] | None:
    """The table's texts from (part IRI, literal) pairs of the stamp's parts."""
    prefix = f"{TABLE}/{stamp}/"
    pieces: dict[str, list[tuple[str, str]]] = {}
    for s, v in quads:
        if s.startswith(prefix):
            key, i = s[len(prefix) :].rsplit("/", 1)
            pieces.setdefault(key, []).append((i, v))
    if set(pieces) != {"iris", "shown", "processed", "ordered", "arrays"}:
        return None
    return {k: "".join(v for _, v in sorted(ps)) for k, ps in pieces.items()}


def read_table(query: Callable[[str], list]) -> NameTable | None:
    """The stored table through ``query`` (None when none is stamped)."""
    rows = query(_STAMP)
    if not rows:
        return None
    stamp = _v(rows[0]["v"])
    if not stamp.startswith(TABLE_VERSION + "-"):
        return None
    got = query(f"SELECT ?s ?v WHERE {{ GRAPH {_G} {{ ?s <{_TABLE_PART}> ?v }} }}")
    parts = _parts_from(stamp, ((_v(r["s"]), _v(r["v"])) for r in got))
    return NameTable.from_parts(parts) if parts is not None else None


def _all_rows(query: Callable[[str], list]) -> list[tuple[str, str, str]]:
    out = []
    for r in query(f"SELECT ?e ?v WHERE {{ GRAPH {_G} {{ ?e <{NAME_OF}> ?v }} }}"):
        kind, shown, _names = _v(r["v"]).split("\t", 2)
        out.append((_v(r["e"]), kind, shown))
    return out


def _rows_of(query: Callable[[str], list], entities: Sequence[str]) -> list[tuple[str, str, str]]:
    out = []
    for i in range(0, len(entities), 2000):
        vals = " ".join(f"<{e}>" for e in entities[i : i + 2000])
        for r in query(f"SELECT ?e ?v WHERE {{ VALUES ?e {{ {vals} }} GRAPH {_G} {{ ?e <{NAME_OF}> ?v }} }}"):
            kind, shown, _names = _v(r["v"]).split("\t", 2)
            out.append((_v(r["e"]), kind, shown))
    return out


_TABLES: dict[str, NameTable] = {}  # stamp -> table, the last read


def cached_table(store: ox.Store) -> NameTable | None:
    """The embedded store's table, read once per stamp (a later write stamps anew)."""
    g = ox.NamedNode(GRAPH)
    stamps = [
        _v(q.object)
        for q in store.quads_for_pattern(ox.NamedNode(TABLE), ox.NamedNode(_TABLE_STAMP), None, g)
    ]
    if len(stamps) != 1 or not stamps[0].startswith(TABLE_VERSION + "-"):
        return None
    stamp = stamps[0]
    table = _TABLES.get(stamp)
    if table is None:
        quads = store.quads_for_pattern(None, ox.NamedNode(_TABLE_PART), None, g)
        parts = _parts_from(stamp, ((_v(q.subject), _v(q.object)) for q in quads))
        if parts is None:
            return None
        try:
            table = NameTable.from_parts(parts)
        except (ValueError, KeyError):  # parts that disagree: no table (the exact path answers)
            return None
        _TABLES.clear()
        _TABLES[stamp] = table
    return table
