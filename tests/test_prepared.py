"""Quads made ahead by the workers (graph.prepared): a store loaded with them equals one
whose writer built every document's quads itself (the exact path), on synthetic filings
whose answers differ from an empty store's (merges, a case without its court, an aliases
file) and on the real filings."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pyoxigraph as ox
import pytest
from factories import TEXT, case_extraction

from docketgraph.graph.prepared import Answers, prepare, replay
from docketgraph.graph.resolve import Resolver
from docketgraph.graph.store import GraphStore
from docketgraph.graph.vocab import DG
from docketgraph.ingest import extract, read_file
from docketgraph.queries import ingesting, workers

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "filings"


def _quads(st: GraphStore) -> set[tuple[str, str, str, str]]:
    return {
        (str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
        for q in st._store
        if q.predicate.value != DG.ingested
    }


def _markers(st: GraphStore) -> int:
    """Documents' "ingested" markers in their graphs."""
    return sum(1 for q in st._store if q.predicate.value == DG.ingested and isinstance(q.graph_name, ox.NamedNode))


def _load(writes, *, made_ahead: bool, loc=None, aliases=None, batch: int = 4) -> GraphStore:
    st = GraphStore(loc)
    st.aliases_path = aliases
    with st.batched(batch):
        for ex, text, path in writes:
            made = prepare(ex, text=text, path=path) if made_ahead else None
            st.put(ex, text=text, path=path, prepared=made)
    st.refresh_summaries()
    return st


def _synthetic():
    """Filings whose answers an empty store would not give: the same firm and judge
    spelled otherwise, a docket without its court after the case with it, an attorney met
    again, plus filings that only mint."""
    exs = [
        case_extraction("s1", docket="1:24-cv-00101", firm="Greer, Burns & Crain, Ltd.",
                        attorney="Michael A. Hierl", judges=(("Martha M. Pacold", "district"),)),
        case_extraction("s2", docket="24-cv-101", court=None, firm="Greer Burns & Crain Ltd",
                        attorney="Michael Hierl", judges=(("Martha Pacold", "district"),)),
        case_extraction("s3", docket="1:24-cv-00202", firm="Epstein Drangel LLP",
                        judges=(("Jeffrey Cummings", "magistrate"),)),
        case_extraction("s4", docket="1:24-cv-00303", firm="Epstein Drengel LLP",
                        attorney="Jason M. Drangel", judges=(("Sara L. Ellis", "district"),)),
        case_extraction("s5", docket="1:24-cv-00404", firm="Keith Vogt Ltd",
                        judges=(("Sara L. Ellis", "district"), ("Jeffrey Cummings", "magistrate"))),
        case_extraction("s6", docket="24-cv-999", court=None, firm=None),
    ]
    return [(ex, TEXT, f"/f/{ex.doc}") for ex in exs]


def test_made_ahead_equals_built_by_the_writer_when_answers_differ(tmp_path):
    exact = _load(_synthetic(), made_ahead=False)
    ahead = _load(_synthetic(), made_ahead=True, loc=tmp_path / "store")
    assert ahead.made_ahead and ahead.rebuilt  # both ways taken
    assert _quads(ahead) == _quads(exact)
    assert _markers(ahead) == _markers(exact) == len(_synthetic())
    ahead.close()


def test_an_aliases_file_is_the_writers_answer(tmp_path):
    aliases = tmp_path / "aliases.json"
    aliases.write_text(json.dumps({"merge": {"firm": [["Keith Vogt Ltd", "Greer, Burns & Crain, Ltd."]]}}))
    exact = _load(_synthetic(), made_ahead=False, aliases=str(aliases))
    ahead = _load(_synthetic(), made_ahead=True, loc=tmp_path / "store", aliases=str(aliases))
    assert _quads(ahead) == _quads(exact)
    firms = {o for s, p, o, g in _quads(ahead) if p == f"<{DG.evidence}>"}
    assert any("aliases file" in o for o in firms)
    ahead.close()


def test_replay_stops_at_the_first_other_answer_and_answers_gives_them_again():
    ex = case_extraction("r", docket="1:24-cv-00101", firm="Greer Burns & Crain Ltd",
                         judges=(("Martha Pacold", "district"),))
    made = prepare(ex, text=TEXT, path="/r")
    assert [k for k, _, _ in made.calls] == ["case", "judge", "firm"]
    resolver = Resolver()
    resolver.firm("Greer, Burns & Crain, Ltd.")  # stored already, spelled otherwise
    same, answers = replay(made.calls, lambda court, docket: f"case:{docket}", resolver)
    assert not same and len(answers) == 1  # the case lookup answered otherwise
    given = Answers(made.calls, answers, lambda court, docket: "unused", resolver)
    assert given.case("ilnd", "1:24-cv-00101") == "case:1:24-cv-00101"
    assert given.judge("Martha Pacold", "district").iri == made.calls[1][2].iri  # the resolver's own
    assert given.firm("Greer Burns & Crain Ltd").reason  # merged into the stored firm
    with pytest.raises(AssertionError):
        Answers(made.calls, answers, lambda c, d: "", resolver).judge("Someone Else", "district")


def _real(folder: Path):
    out = []
    for p in sorted(folder.iterdir()):
        if p.suffix in (".txt", ".html", ".htm") and ingesting.is_filing(str(p)):
            doc = read_file(str(p))
            out.append((extract(doc), doc.text, os.path.abspath(p)))
    return out


def test_made_ahead_equals_built_by_the_writer_on_the_fixture_filings(tmp_path):
    writes = _real(FIXTURES)
    writes += [(ex, text, path + ".again") for ex, text, path in writes[:3]]  # paths added
    exact = _load(writes, made_ahead=False)
    ahead = _load(writes, made_ahead=True, loc=tmp_path / "store")
    assert ahead.made_ahead
    assert _quads(ahead) == _quads(exact)
    ahead.close()


def test_made_ahead_equals_built_by_the_writer_on_the_real_filings(tmp_path, dev_dir, seeds_dir):
    writes = _real(dev_dir) + _real(seeds_dir)
    exact = _load(writes, made_ahead=False, batch=50)
    ahead = _load(writes, made_ahead=True, loc=tmp_path / "store", batch=50)
    assert ahead.made_ahead > len(writes) // 2 and ahead.rebuilt
    assert _quads(ahead) == _quads(exact)
    ahead.close()


def test_ingest_stores_what_its_workers_made_ahead(tmp_path):
    st = GraphStore(tmp_path / "store")
    rep = ingesting.ingest(st, [FIXTURES], in_process=True)  # in the order _real reads them
    st.refresh_summaries()
    assert rep.ok and rep.new == len(_real(FIXTURES)) and st.made_ahead
    assert _quads(st) == _quads(_load(_real(FIXTURES), made_ahead=False))
    st.close()
    pooled = GraphStore(tmp_path / "pooled")
    rep = ingesting.ingest(pooled, [FIXTURES], jobs=2)
    assert rep.ok and rep.new == len(_real(FIXTURES)) and pooled.made_ahead
    assert _markers(pooled) == rep.new
    pooled.close()


def test_a_worker_makes_the_quads_ahead():
    o = workers.extract_for_store(str(FIXTURES / sorted(os.listdir(FIXTURES))[1]))
    assert o.error is None and o.prepared is not None and o.prepared.data
    assert workers.extract_one(str(FIXTURES / sorted(os.listdir(FIXTURES))[1])).prepared is None


def test_default_copies_of_n_quads_lines_are_with_default_copies():
    from docketgraph.graph.prepared import default_copies
    from docketgraph.graph.rdf import extraction_quads
    from docketgraph.graph.updates import with_default_copies

    hostile = 'Quote " {} <http://x> .\n\\ \t <https://docketgraph.org/graph/x> .\n DROP ALL'
    ex = case_extraction("h", docket="1:24-cv-00101", plaintiff=hostile, firm=hostile + " LLP")
    quads = extraction_quads(ex, text=hostile * 3, path="/p/" + hostile)
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    copies = set(ox.parse(default_copies(data, quads[0].graph_name), format=ox.RdfFormat.N_QUADS))
    assert copies == set(with_default_copies(quads)[len(quads):])
    with pytest.raises(ValueError):
        default_copies(data, ox.NamedNode("http://another/graph"))


class _FullDisk:
    def write(self, chunk):
        raise OSError("No space left on device")

    def close(self):
        pass


def test_a_batch_whose_side_file_cannot_be_written_is_given_up_whole(tmp_path):
    from docketgraph.graph.errors import StoreError

    writes = [
        (case_extraction(f"m{i}", docket=f"1:24-cv-0050{i}", firm=f"Firm Number{i} LLP",
                         judges=((f"Ann Judge{i}", "district"),), plaintiff=f"Brand{i} Inc",
                         platforms=()), TEXT, f"/m/{i}")
        for i in range(3)
    ]
    st = GraphStore(tmp_path / "store")
    with st.batched(10):
        ex, text, path = writes[0]
        st.put(ex, text=text, path=path, prepared=prepare(ex, text=text, path=path))
        assert st.held_back() == 1 and st.made_ahead == 1
        st._spool = _FullDisk()
        ex, text, path = writes[1]
        with pytest.raises(StoreError, match="No space left"):
            st.put(ex, text=text, path=path, prepared=prepare(ex, text=text, path=path))
        assert st.held_back() == 0  # the first document went with the batch
    assert st.named_graphs() == []
    with st.batched(10):
        for ex, text, path in writes:
            assert st.put(ex, text=text, path=path, prepared=prepare(ex, text=text, path=path)).status == "new"
    st.refresh_summaries()
    assert _quads(st) == _quads(_load(writes, made_ahead=False))
    st.close()
