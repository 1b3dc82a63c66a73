"""The name index: entity search without reading every name.

Entity search (``queries.analytics.search_entities``) scores names with rapidfuzz's WRatio.
Its exact path reads the name of every entity (one SPARQL query grouping every
``?e a ?kind ; schema:name ?n``: seconds at 10,000 cases). The index lets it score only
the entities that can resemble the query, found by index lookups:

- per (entity, kind): ``e dgs:nameOf "Kind<TAB>shown<TAB>names"``: the name it is listed
  under (``display_name``: the fullest of its spellings, as the exact path lists it) and
  every spelling (one a line);
- per word of any of an entity's names (``rapidfuzz.utils.default_process``, split on
  spaces) and per two words running (``terms``), its *posting*:
  ``<dgs:w/WORD> dgs:has "e<TAB>Kind<TAB>shown"`` — one prefix scan reads every
  entity named with the word;
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

import logging
import zlib
from collections.abc import Callable, Iterable, Sequence
from urllib.parse import quote

import pyoxigraph as ox
from rapidfuzz import fuzz, process, utils

from docketgraph.graph.vocab import NS

log = logging.getLogger(__name__)

# the summaries' namespace and graph (graph.summaries imports this module: no import back)
SNS = "https://docketgraph.org/summary#"
GRAPH = SNS + "graph"
VERSION = "1"

#: the kinds of entities searched (the classes of ``queries.analytics``' entity search)
KINDS = ("Case", "Court", "Judge", "LawFirm", "Attorney", "Party", "Platform", "Precedent", "Document")

NAME_OF = SNS + "nameOf"
HAS = SNS + "has"
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


# --- words --------------------------------------------------------------------------


def words(name: str) -> list[str]:
    """The words of a name as the search compares them (rapidfuzz's default processing)."""
    return list(dict.fromkeys(utils.default_process(name).split()))


def terms(name: str) -> list[str]:
    """What a name is indexed under: its words, and each two words running (a query word
    may resemble where one word ends and the next begins: "zelle" and "mirel letter")."""
    w = utils.default_process(name).split()
    return list(dict.fromkeys(w + [f"{a} {b}" for a, b in zip(w, w[1:], strict=False)]))


def word_iri(word: str) -> ox.NamedNode:
    return ox.NamedNode(SNS + "w/" + quote(word, safe=""))


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


def _index_triples(e: ox.NamedNode, kind: str, names: Sequence[str]) -> list[ox.Triple]:
    """An entity's entries: its kind, display name and names (``e dgs:nameOf``), and a
    posting under every term of every one of its names."""
    shown = display_name(names)
    packed = ox.Literal(f"{e.value}\t{kind}\t{shown}")
    out = [ox.Triple(e, ox.NamedNode(NAME_OF), ox.Literal(f"{kind}\t{shown}\t" + "\n".join(sorted(names))))]
    all_terms = dict.fromkeys(t for n in names for t in terms(n))
    out += [ox.Triple(word_iri(w), ox.NamedNode(HAS), packed) for w in all_terms]
    return out


def _data(triples: Iterable[ox.Triple]) -> str:
    return " ".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)


def reindex_update(entities: Sequence[ox.NamedNode], query: Callable[[str], list]) -> str:
    """One update request replacing the index entries of ``entities`` with their current
    names (an entity no longer named loses its entries) and clearing their marks."""
    vals = "VALUES ?e { " + " ".join(str(e) for e in entities) + " }"
    old: list[ox.Triple] = []
    for r in query(f"SELECT ?e ?v WHERE {{ {vals} GRAPH {_G} {{ ?e <{NAME_OF}> ?v }} }}"):
        kind, _shown, held_names = _v(r["v"]).split("\t", 2)
        old += _index_triples(r["e"], kind, held_names.split("\n"))
    rows = query(
        f"SELECT ?e ?kind ?n WHERE {{ {vals} VALUES ?kind {{ {_KIND_VALUES} }} "
        "?e a ?kind ; <https://schema.org/name> ?n }"
    )
    added: list[ox.Triple] = []
    new_words: set[str] = set()
    for (e, kind), spellings in _entries(rows).items():
        spelt = sorted(set(spellings))
        added += _index_triples(e, kind, spelt)
        new_words.update(t for n in spelt for t in terms(n))
    gone = list(dict.fromkeys(old))
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
    ops = []
    if gone:
        ops.append(f"DELETE DATA {{ GRAPH {_G} {{ {_data(gone)} }} }}")
    if added:
        ops.append(f"INSERT DATA {{ GRAPH {_G} {{ {_data(dict.fromkeys(added))} }} }}")
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
) -> int:
    """Index every entity afresh in one pass (the names read by one query, the entries
    written in batches of ``batch`` triples), clearing every mark; returns the entities
    indexed. ``write`` adds quads (the embedded store's loader: the entries as terms, not
    as INSERT DATA text to parse, half the build's time); by default INSERT DATA through
    ``update``. It need not be atomic: the version goes last, so a build stopped part way
    is started over."""
    graph = ox.NamedNode(GRAPH)

    def put(triples: list[ox.Triple]) -> None:
        if write is not None:
            write([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples])
        else:
            update(f"INSERT DATA {{ GRAPH {_G} {{ {_data(triples)} }} }}")

    update(
        f"DELETE WHERE {{ GRAPH {_G} {{ ?s <{NAME_OF}> ?o }} }} ;\n"
        f"DELETE WHERE {{ GRAPH {_G} {{ ?s <{HAS}> ?o }} }} ;\n"
        f"DELETE WHERE {{ GRAPH {_G} {{ ?s <{WORDS}> ?o }} }} ;\n"
        f"DELETE WHERE {{ GRAPH {_G} {{ ?s <{STALE}> ?o }} }} ;\n"
        f"DELETE WHERE {{ GRAPH {_G} {{ <{_VERSION_NODE}> <{_VERSION_P}> ?o }} }}"
    )
    rows = query(
        f"SELECT ?e ?kind ?n WHERE {{ VALUES ?kind {{ {_KIND_VALUES} }} ?e a ?kind ; <https://schema.org/name> ?n }}"
    )
    entries = _entries(rows)
    buf: list[ox.Triple] = []
    by_bucket: dict[ox.NamedNode, set[str]] = {}
    for (e, kind), spellings in entries.items():
        spelt = sorted(set(spellings))
        buf += _index_triples(e, kind, spelt)
        for t in dict.fromkeys(t for n in spelt for t in terms(n)):
            by_bucket.setdefault(bucket_iri(t), set()).add(t)
        if len(buf) >= batch:
            put(buf)
            buf = []
    buf += [
        ox.Triple(b, ox.NamedNode(WORDS), ox.Literal("\n".join(sorted(ws)))) for b, ws in by_bucket.items()
    ]
    put(buf)
    update(f'INSERT DATA {{ GRAPH {_G} {{ <{_VERSION_NODE}> <{_VERSION_P}> "{VERSION}" }} }}')
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
    n = 0
    while True:
        rows = query(_STALE.replace("{n}", str(chunk)))
        ents = [r["e"] for r in rows if isinstance(r.get("e"), ox.NamedNode)]
        if not ents:
            break
        update(reindex_update(ents, query))
        n += len(ents)
    update(f'INSERT DATA {{ GRAPH {_G} {{ <{_VERSION_NODE}> <{_VERSION_P}> "{VERSION}" }} }}')
    log.info("name index: %d entities re-indexed", n)
    return n


# --- reading -----------------------------------------------------------------------


class NameIndex:
    """Candidate entities for a searched name, read from an embedded store's index."""

    def __init__(self, store: ox.Store):
        self._store = store
        self._g = ox.NamedNode(GRAPH)
        self._has = ox.NamedNode(HAS)

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
                for q in self._store.quads_for_pattern(word_iri(w), self._has, None, self._g):
                    read += 1
                    if most is not None and read > most:
                        return None
                    e, kind, n = _v(q.object).split("\t", 2)
                    if only is None or kind in only:
                        out[(e, kind)] = n
        return [(e, k, n) for (e, k), n in out.items()]
