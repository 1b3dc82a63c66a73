"""The name index (graph.name_index): entity search from the index gives the exact path's answers.

Every query is run both ways — candidates from the index, and every entity's name read
by SPARQL (``exact=True``) — with a limit large enough to compare every match, on the
fixture graph, a synthetic Schedule A graph and the real filings, for names as stored,
partial names, word prefixes, misspellings (a letter wrong, missing, extra or swapped)
and words in another order; and after documents are replaced and removed.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np
import pyoxigraph as ox
import pytest
from rapidfuzz import fuzz, process, utils

from docketgraph.graph import name_index
from docketgraph.queries import analytics as an
from docketgraph.queries import lookup
from docketgraph.queries.api import KnowledgeGraph
from factories import with_first_firm_renamed
from query_factories import filings, small_graph

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import extractions  # noqa: E402

ALL = 100_000  # a limit no test store reaches: every match is compared


def _names(kg: KnowledgeGraph) -> list[tuple[str, str]]:
    _, rows = kg.store.query(
        "SELECT DISTINCT ?n ?k WHERE { VALUES ?k { " + " ".join(f"dg:{k}" for k in name_index.KINDS)
        + " } ?e a ?k ; schema:name ?n } ORDER BY ?n ?k")
    return [(r["n"], r["k"].rsplit("#", 1)[-1]) for r in rows]


def _typo(rng: random.Random, w: str) -> str:
    if len(w) < 3:
        return w + "e"
    i = rng.randrange(1, len(w) - 1)
    how = rng.choice("swap drop add change".split())
    if how == "swap":
        return w[: i - 1] + w[i] + w[i - 1] + w[i + 1 :]
    if how == "drop":
        return w[:i] + w[i + 1 :]
    if how == "add":
        return w[:i] + rng.choice("aeiorst") + w[i:]
    return w[:i] + rng.choice("aeiorst") + w[i + 1 :]


def queries_for(names: list[tuple[str, str]], n: int, seed: int = 1) -> list[tuple[str, str | None]]:
    """Realistic searches for ``n`` of the stored names: the name, parts of it, a prefix
    of a word, misspelt words, words reordered; some with the name's kind."""
    rng = random.Random(seed)
    out: list[tuple[str, str | None]] = [
        ("zzzzqqqq", None), ("llc", None), ("Inc.", None), ("j", None), ("ab", None), ("co", "firm"),
        ("Holdings", None), ("Holdings", "party"), ("Judge Kendal", None), ("v.", None),
    ]
    for name, kind in rng.sample(names, min(n, len(names))):
        words = name.split()
        k = kind if rng.random() < 0.3 else None
        out.append((name, k))
        out.append((name.lower(), None))
        out.append((rng.choice(words), k))
        if len(words) > 1:
            out.append((" ".join(words[:-1]), None))
            out.append((" ".join(reversed(words)), None))
        w = max(words, key=len)
        out.append((w[: max(3, len(w) // 2)], None))
        out.append((name.replace(w, _typo(rng, w)), k))
        out.append((_typo(rng, w), None))
    return out


def assert_same(kg: KnowledgeGraph, queries: list[tuple[str, str | None]]) -> int:
    """Both paths answer every query alike; returns how many queries had matches."""
    assert kg.store.name_index() is not None
    hits = 0
    for q, kind in queries:
        fast = an.search_entities(kg.store, q, kind=kind, limit=ALL)
        exact = an.search_entities(kg.store, q, kind=kind, limit=ALL, exact=True)
        assert fast == exact, (q, kind)
        hits += bool(exact)
    return hits


def test_words():
    assert name_index.words("Greer, Burns & Crain, Ltd.") == ["greer", "burns", "crain", "ltd"]
    assert name_index.words("Smith SMITH smith-jones") == ["smith", "jones"]


def test_index_equals_exact_on_the_fixture_graph():
    kg = small_graph()
    kg.store.refresh_summaries()
    assert assert_same(kg, queries_for(_names(kg), 400)) > 50


def test_index_equals_exact_on_a_synthetic_graph():
    kg = KnowledgeGraph(None)
    kg.store.bulk_put(extractions(40, seed=11))
    assert assert_same(kg, queries_for(_names(kg), 60, seed=2)) > 50


def test_a_stale_or_missing_index_is_not_read():
    kg = KnowledgeGraph(None)
    docs = filings()
    for ex, text in docs[:-1]:
        kg.store.put(ex, text=text, path=f"/filings/{ex.doc}")
    kg.store.refresh_summaries()
    assert kg.store.name_index() is not None
    ex, text = docs[-1]
    kg.store.put(ex, text=text, path=f"/filings/{ex.doc}")  # written, not yet indexed
    assert kg.store.name_index() is None
    kg.store.refresh_summaries()
    assert kg.store.name_index() is not None
    # a store written before the index existed: the exact path until the next refresh
    kg.store._store.update(f"DELETE WHERE {{ GRAPH <{name_index.GRAPH}> {{ ?s <{name_index.SNS}version> \"{name_index.VERSION}\" }} }}")
    assert kg.store.name_index() is None
    kg.store.refresh_summaries()
    assert assert_same(kg, queries_for(_names(kg), 60))


def test_replacing_and_removing_documents_keeps_the_index_exact():
    kg = KnowledgeGraph(None)
    docs = filings()
    for ex, text in docs:
        kg.store.put(ex, text=text, path=f"/filings/{ex.doc}")
    kg.store.refresh_summaries()
    ex, text = docs[0]
    ex2 = with_first_firm_renamed(ex, "Brand New Counsel LLP", "f" * 64)
    assert kg.store.put(ex2, text=text, path=f"/filings/{ex.doc}").status == "replaced"
    kg.store.refresh_summaries()
    qs = queries_for(_names(kg), 80) + [("Brand Nw Counsel", None), (ex.firms[0].name, None)]
    assert_same(kg, qs)
    assert an.search_entities(kg.store, "Brand Nw Counsel")[0]["name"] == "Brand New Counsel LLP"
    # removing documents one by one: what they alone named leaves the index
    graphs = kg.store.named_graphs()
    for g in graphs[: len(graphs) // 2]:
        assert kg.store.remove_document(g.rsplit("/", 1)[-1])
    assert_same(kg, qs)
    for g in graphs[len(graphs) // 2 :]:
        assert kg.store.remove_document(g.rsplit("/", 1)[-1])
    assert kg.store.name_index() is not None
    assert an.search_entities(kg.store, "Brand New Counsel LLP") == []
    _, rows = kg.store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name_index.GRAPH}> {{ ?s <{name_index.NAME_OF}> ?o }} }}")
    assert rows[0]["n"] == 0
    _, rows = kg.store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name_index.GRAPH}> {{ ?s ?p ?o "
        f"FILTER(STRSTARTS(STR(?p), \"{name_index.HAS}\")) }} }}")
    assert rows[0]["n"] == 0  # no posting left either


def test_index_equals_exact_on_real_filings(tmp_path, dev_dir, seeds_dir):
    root = Path(__file__).resolve().parent
    files = [p for d in (dev_dir, seeds_dir, root / "fixtures" / "filings")
             for p in sorted(d.iterdir()) if p.is_file() and not p.name.endswith(".gold.json")]
    kg = KnowledgeGraph(str(tmp_path / "store"))
    kg.ingest(files, in_process=True)
    assert kg.store.name_index() is not None
    # the name table answers as the exact path does, every match and the first few alike
    hits = 0
    for q, kind in queries_for(_names(kg), 40, seed=3):
        exact = an.search_entities(kg.store, q, kind=kind, limit=ALL, exact=True)
        assert an.search_entities(kg.store, q, kind=kind, limit=ALL) == exact, (q, kind)
        assert an.search_entities(kg.store, q, kind=kind, limit=3) == exact[:3], (q, kind)
        hits += bool(exact)
    assert hits > 25
    # without the table (a store indexed before it), the index's candidates: the matches
    # scoring 75 or more are the exact path's, and every match found is one of its; a
    # match just above the cut (70-75) that aligns a query word across the end of one name
    # word and the start of the next ("andrea", "dealy silberstein & braverman") may be missed
    kg.store._store.update(name_index.DROP_STAMP)
    for q, kind in queries_for(_names(kg), 30, seed=3):
        fast = an.search_entities(kg.store, q, kind=kind, limit=ALL)
        exact = an.search_entities(kg.store, q, kind=kind, limit=ALL, exact=True)
        assert [r for r in fast if r["score"] >= 75] == [r for r in exact if r["score"] >= 75], (q, kind)
        assert all(r in exact for r in fast), (q, kind)


@pytest.mark.parametrize("name, kind, best", [
    ("Greer Burns and Crain", None, "Greer, Burns & Crain, Ltd."),
    ("Epstien Drangel", None, "Epstein Drangel LLP"),
    ("pacold", "judge", "Martha M. Pacold"),
    ("aliexpres", None, "AliExpress"),
])
def test_index_search_finds_misspelt_names(name, kind, best):
    kg = small_graph()
    kg.store.refresh_summaries()
    assert kg.store.name_index() is not None
    rows = an.search_entities(kg.store, name, kind=kind)
    assert rows and rows[0]["name"] == best


def _resolved(kg: KnowledgeGraph, text: str, kinds, by: str, *, index: bool):
    get = kg.store.name_index
    if not index:
        kg.store.name_index = lambda: None  # type: ignore[method-assign]
    try:
        m = lookup.resolve_name(kg.store, text, kinds, by=by)
        return "match", m.candidate, m.how, m.score
    except (lookup.AmbiguousName, lookup.UnknownName) as e:
        return type(e).__name__, str(e), getattr(e, "candidates", None), getattr(e, "suggestions", None)
    finally:
        kg.store.name_index = get  # type: ignore[method-assign]


def _assert_resolutions_same(kg: KnowledgeGraph, queries: list[tuple[str, str | None]]) -> None:
    assert kg.store.name_index() is not None
    for q, _kind in queries:
        for kinds, by in ((None, "id"), (("Party",), "id"), (("Judge",), "key"), (("LawFirm", "Attorney"), "id")):
            assert _resolved(kg, q, kinds, by, index=True) == _resolved(kg, q, kinds, by, index=False), (q, kinds)


def test_resolution_with_the_index_equals_without():
    kg = small_graph()
    kg.store.refresh_summaries()
    _assert_resolutions_same(kg, queries_for(_names(kg), 25, seed=5) + [("Zzyzx Qqq", None)])
    kg2 = KnowledgeGraph(None)
    kg2.store.bulk_put(extractions(12, seed=12))
    _assert_resolutions_same(kg2, queries_for(_names(kg2), 8, seed=6))


# --- the name table: bounds, and the best rows against scoring every row -------------------

_ALPHA = "abcdeholsr  xyzé1ñ-&."
_WORDS = ["Holdings", "LLC", "Brand", "Case", "Greer", "Burns", "A", "ab", "Smith", "é", "Co", "Kendall"]


def _random_names(rng: random.Random, n: int) -> list[str]:
    def chars() -> str:
        return "".join(rng.choice(_ALPHA) for _ in range(rng.choice([1, 2, 3, 5, 8, 12, 20, 40, 70, 120])))

    def words() -> str:
        return " ".join(rng.choice(_WORDS + [chars()]) for _ in range(rng.randint(1, 7)))

    return [chars() if i % 3 == 0 else words() for i in range(n)]


def test_table_bounds_are_never_below_the_score():
    """Both bounds (``bounds``: characters in common and word signatures; ``tight_bounds``:
    longest common subsequences) are at least WRatio, for names sharing words, repeating
    them, with runs of spaces, letters outside ASCII, and lengths either side of 64."""
    rng = random.Random(7)
    names = _random_names(rng, 700)
    table = name_index.NameTable.from_rows([(f"urn:x:{i}", "Party", n) for i, n in enumerate(names)])
    every = np.arange(len(table.processed))
    checked = 0
    for q in _random_names(rng, 90) + ["holdings", "greer burns", "brand brand llc", "a"]:
        q = utils.default_process(q)
        if not q:
            continue
        ub, shared, tok = table._bounds(q)
        tight = table.tight_bounds(q, every, shared, tok)
        for i, p in enumerate(table.processed):
            s = fuzz.WRatio(q, p)
            assert s <= tight[i] + 1e-9 and s <= ub[i] + 1e-9, (q, p, s, tight[i], ub[i])
            checked += 1
    assert checked > 40_000


from hypothesis import given, settings, strategies as hs  # noqa: E402

#: words names share often (document file names, firm words) and made-up ones
_SHARED = ["case42893", "case42839", "doc0", "doc1", "txt", "llc", "holdings", "a", "ab", "brand", "é", "2"]
_word = hs.sampled_from(_SHARED) | hs.text("abcdo0123xté", min_size=1, max_size=9)
_name = hs.lists(_word, min_size=1, max_size=7).map(" ".join) | hs.text("abcdo0123xté -.", max_size=40)


@settings(max_examples=400, deadline=None)
@given(_name, hs.lists(_name, min_size=1, max_size=25))
def test_table_bounds_are_never_below_the_score_of_names_sharing_words(q, names):
    """The bounds of names sharing words with the query (the token ratios' bound: 100 only
    when one's words may all be the other's, else the shared words against either name's,
    or ratio's bound) are at least WRatio, the bound of the table and the tighter one."""
    q = utils.default_process(q)
    if not q:
        return
    table = name_index.NameTable.from_rows([(f"urn:x:{i}", "Party", n) for i, n in enumerate(names)])
    ub, shared, tok = table._bounds(q)
    tight = table.tight_bounds(q, np.arange(len(table.processed)), shared, tok)
    for i, p in enumerate(table.processed):
        s = fuzz.WRatio(q, p)
        assert s <= ub[i] + 1e-9 and s <= tight[i] + 1e-9, (q, p, s, ub[i], tight[i])


_short = hs.text("abcdo0123 xt-.", min_size=1, max_size=9)


@settings(max_examples=500, deadline=None)
@given(_short, hs.lists(_name | _short, min_size=1, max_size=25))
def test_table_bounds_of_short_queries_are_never_below_the_score(q, names):
    """A short query's character pairs bound partial_ratio against longer names (and the
    partial token ratios when the name's words once each are longer still): never below
    WRatio, for substrings, repeated words and names missing some pairs."""
    q = utils.default_process(q)
    if not q:
        return
    names = names + [n[1:-1] for n in names] + [f"x{q}y {q}"]
    table = name_index.NameTable.from_rows([(f"urn:x:{i}", "Party", n) for i, n in enumerate(names)])
    ub, shared, tok = table._bounds(q)
    for i, p in enumerate(table.processed):
        s = fuzz.WRatio(q, p)
        assert s <= ub[i] + 1e-9, (q, p, s, ub[i])


@settings(max_examples=200, deadline=None)
@given(hs.lists(_name | _short | hs.just(""), max_size=30))
def test_pair_signature_holds_every_pair_inside_words(names):
    """The signatures made for all names at once (runs of the names joined) against each
    name's pairs set one by one, empty and one-letter names and letters outside ASCII included."""
    table = name_index.NameTable.from_rows([(f"urn:x:{i}", "Party", n) for i, n in enumerate(names)])
    sig = table.pair_signature()
    for i, p in enumerate(table.processed):
        want = [0] * name_index._PAIR_WORDS
        for w in p.split():
            cols = name_index._char_col(w)
            for b in name_index._pair_bit(cols[:-1], cols[1:]).tolist():
                want[b // 64] |= 1 << (b % 64)
        assert [int(sig[k, i]) for k in range(name_index._PAIR_WORDS)] == want, p


def test_pair_bound_against_partial_ratio():
    """_pair_partial against partial_ratio itself, for needles and strings of few letters."""
    rng = random.Random(5)
    for _ in range(3000):
        needle = "".join(rng.choice("abc") for _ in range(rng.randint(2, 7)))
        text = "".join(rng.choice("abc ") for _ in range(rng.randint(len(needle) + 1, 20)))
        table = name_index.NameTable.from_rows([("urn:t", "Party", text)])
        if not table.processed or len(table.processed[0]) <= len(needle):
            continue
        (missing,) = table._missing_pairs([needle])
        bound = name_index._pair_partial(len(needle), missing)[0]
        assert fuzz.partial_ratio(needle, table.processed[0]) <= bound + 1e-9, (needle, text, bound)


def test_table_search_of_file_names_equals_scoring_every_row():
    """Names alike but for digits ("case42893-doc0.txt": every one shares "txt" with the
    query), where the token ratios' bound decides how many rows are scored."""
    rng = random.Random(11)
    rows = [(f"urn:d:{i}", "Document", f"case{rng.randrange(10**5)}-doc{rng.randrange(3)}.txt") for i in range(3000)]
    rows += [(f"urn:p:{i}", "Party", f"Brand{i} Holdings LLC") for i in range(300)]
    table = name_index.NameTable.from_rows(rows)
    queries = [rng.choice(rows)[2] for _ in range(12)] + ["case4289 doc0", "doc1.txt", "txt", rows[5][2] + " " + rows[9][2]]
    queries += ["doc", "ase7", "2-d", "oc1", "c2.", "olding", "s4"]
    for q in queries:
        for limit in (1, 10, 50):
            fast = [(x, k, n, round(s, 1)) for x, k, n, s in table.search(q, limit=limit, min_score=70)]
            assert fast == _brute(rows, q, limit), (q, limit)


def _brute(rows: list[tuple[str, str, str]], name: str, limit: int, kinds=None) -> list[tuple]:
    """Every row scored (as the exact path scores), sorted as search lists."""
    rows = [r for r in rows if kinds is None or r[1] in kinds]
    hits = process.extract(name, [r[2] for r in rows], scorer=fuzz.WRatio, processor=utils.default_process,
                           limit=None, score_cutoff=70)
    out = [(rows[i][0], rows[i][1], rows[i][2], round(float(s), 1)) for _, s, i in hits]
    out.sort(key=lambda r: (-r[3], r[2].casefold(), r[0], r[1]))
    return out[:limit]


def test_table_search_equals_scoring_every_row():
    """The best rows, for limits 1 to all, with and without kinds, on names that tie by
    the thousand ("BrandN Holdings LLC") and the same name under many IRIs."""
    rng = random.Random(3)
    rows = [(f"urn:p:{i}", "Party", f"Brand{i} Holdings LLC") for i in range(400)]
    rows += [(f"urn:c:{i}", "Case", f"Brand{i} Holdings LLC v. The Partnerships (1:21-cv-{i:05d})") for i in range(0, 400, 3)]
    rows += [(f"urn:d:{i}", "Party", "The Partnerships and Unincorporated Associations") for i in range(200)]
    rows += [(f"urn:r:{i}", rng.choice(["LawFirm", "Attorney", "Judge"]), n)
             for i, n in enumerate(_random_names(rng, 400))]
    rows += [("urn:both", "LawFirm", "Greer, Burns & Crain"), ("urn:both", "Party", "Greer, Burns & Crain")]
    table = name_index.NameTable.from_rows(rows)
    queries = ["Holdings", "holdngs", "Brand17 Holdngs", "llc", "Greer Burns", "partnerships", "Brand 3",
               "zzzz", "a", "é", "Kendall"] + [rng.choice(rows)[2] for _ in range(25)]
    for q in queries:
        for limit in (1, 3, 10, 37, 100_000):
            for kinds in (None, ("Party",), ("LawFirm", "Case")):
                fast = [(x, k, n, round(s, 1)) for x, k, n, s in table.search(q, limit=limit, min_score=70, kinds=kinds)]
                assert fast == _brute(rows, q, limit, kinds), (q, limit, kinds)


def test_table_survives_its_stored_form():
    rng = random.Random(4)
    rows = [(f"urn:x:{i}", "Party", n) for i, n in enumerate(_random_names(rng, 300))]
    table = name_index.NameTable.from_rows(rows)
    again = name_index.NameTable.from_parts(table.parts())
    assert again.rows() == table.rows() and again.processed == table.processed
    for q in ("Holdings", "ab", "Brand Smith"):
        assert again.search(q, limit=10, min_score=70) == table.search(q, limit=10, min_score=70)


def _table_rows(kg: KnowledgeGraph) -> list[tuple[str, str, str]]:
    return name_index.cached_table(kg.store._store).rows()


def test_search_with_limits_equals_exact_and_refresh_keeps_the_table():
    """Small limits (the rows a user sees) against the exact path; after a replaced and a
    removed document the table equals one written afresh; a refresh stopped after the
    table's stamp went leaves no table (the index's candidates answer) until the next."""
    kg = KnowledgeGraph(None)
    kg.store.bulk_put(extractions(30, seed=13))
    qs = queries_for(_names(kg), 30, seed=8)
    for limit in (1, 3, 10):
        for q, kind in qs:
            assert (an.search_entities(kg.store, q, kind=kind, limit=limit)
                    == an.search_entities(kg.store, q, kind=kind, limit=limit, exact=True)), (q, kind, limit)
    docs = filings()
    for ex, text in docs:
        kg.store.put(ex, text=text, path=f"/filings/{ex.doc}")
    kg.store.refresh_summaries()
    ex, text = docs[0]
    ex2 = with_first_firm_renamed(ex, "Quite Different Counsel LLP", "e" * 64)
    kg.store.put(ex2, text=text, path=f"/filings/{ex.doc}")
    kg.store.remove_document(kg.store.named_graphs()[-1].rsplit("/", 1)[-1])
    kg.store.refresh_summaries()
    fresh = name_index._all_rows(kg.store._rows)
    assert sorted(_table_rows(kg)) == sorted(fresh)
    assert an.search_entities(kg.store, "Quite Diferent Counsel", limit=1)[0]["name"] == "Quite Different Counsel LLP"
    # stopped part way: stamp gone, marks cleared
    kg.store._store.update(name_index.DROP_STAMP)
    assert name_index.cached_table(kg.store._store) is None
    assert kg.store.name_index() is not None and kg.store.name_index().search("x", limit=1, min_score=70) is None
    assert_same(kg, qs[:20])  # the index's candidates answer meanwhile
    kg.store.refresh_summaries()
    assert sorted(_table_rows(kg)) == sorted(fresh)


def test_table_from_a_previous_one_equals_one_computed_afresh():
    rng = random.Random(9)
    names = _random_names(rng, 400)
    rows = [(f"urn:x:{i}", rng.choice(["Party", "LawFirm"]), n) for i, n in enumerate(names)]
    old = name_index.NameTable.from_rows(rows[:300])
    new_rows = rows[50:] + [("urn:x:new", "Judge", "Quite New Name")]
    a, b = name_index.NameTable.from_rows(new_rows, previous=old), name_index.NameTable.from_rows(new_rows)
    assert a.parts() == b.parts()


def _postings_and_names(kg: KnowledgeGraph) -> list[str]:
    return sorted(str(q) for q in kg.store._store.quads_for_pattern(None, None, None, ox.NamedNode(name_index.GRAPH))
                  if q.predicate.value.startswith(name_index.HAS) or q.predicate.value == name_index.NAME_OF)


def test_reindexed_postings_equal_a_fresh_build():
    """A re-index rewrites the packed postings of the (word, bucket) pairs the entities'
    old and new names reach: the same literals, byte for byte, as indexing afresh."""
    kg = KnowledgeGraph(None)
    docs = filings()
    for ex, text in docs:
        kg.store.put(ex, text=text, path=f"/filings/{ex.doc}")
    kg.store.refresh_summaries()
    assert any(name_index.HAS + "/" in q for q in _postings_and_names(kg))
    ex, text = docs[0]
    ex2 = with_first_firm_renamed(ex, "Brand New Counsel LLP", "f" * 64)
    assert kg.store.put(ex2, text=text, path=f"/filings/{ex.doc}").status == "replaced"
    other = [g for g in kg.store.named_graphs() if not g.endswith("f" * 64)]
    assert kg.store.remove_document(other[-1].rsplit("/", 1)[-1])
    kg.store.refresh_summaries()
    assert kg.store.name_index() is not None
    reindexed = _postings_and_names(kg)
    assert any("Brand New Counsel LLP" in q for q in reindexed)
    kg.store._store.update(f"DELETE WHERE {{ GRAPH <{name_index.GRAPH}> {{ ?s <{name_index.SNS}version> ?v }} }}")
    assert name_index.refresh(kg.store._rows, kg.store._store.update) > 0  # built afresh
    assert _postings_and_names(kg) == reindexed


def test_table_counts_characters_in_slices_as_at_once(monkeypatch):
    rng = random.Random(3)
    rows = [(f"https://example.org/{i}", "Party", "".join(rng.choice("abc déf GHI 123 ñ&") for _ in range(rng.randint(0, 40))))
            for i in range(500)]
    monkeypatch.setattr(name_index, "_COUNT_SLICE", 7)
    sliced = name_index.NameTable.from_rows(rows)
    monkeypatch.setattr(name_index, "_COUNT_SLICE", 10**9)
    whole = name_index.NameTable.from_rows(rows)
    assert np.array_equal(sliced.counts, whole.counts) and sliced.counts.any()
