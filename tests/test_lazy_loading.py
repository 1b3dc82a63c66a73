"""What a worker loads at start and what it leaves to the first filing that needs it.

``warm_up`` loads the field rules and their tables; eyecite (a filing in which the citation
pre-filter finds a candidate), juriscraper (a PACER docket page) and courts-db's regex table
(a court name not met before) are loaded by the first filing that needs them. The tables the
pre-filter derives from eyecite and reporters-db, the engine programs of eyecite's reporter
regexes and courts-db's answers are kept on disk (``ingest/fields/compiled.py``): the results
read back from the cache equal the ones computed afresh.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from docketgraph.ingest.fields import citations, compiled

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


def test_prefilter_tables_from_the_cache_equal_the_built_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCKETGRAPH_CACHE", str(tmp_path))
    words, pieces = citations._build_first_words(), citations._reporter_pieces()
    assert len(words) > 500 and len(pieces) > 200
    for _ in range(2):  # built and written, then read back
        citations._reporter_first_words.cache_clear()
        citations._reporter_automaton.cache_clear()
        try:
            assert citations._reporter_first_words() == words
            assert compiled.remembered_data("reporter-pieces", ("eyecite", "reporters_db"),
                                            citations._reporter_pieces) == pieces
            autos = citations._reporter_automaton()
            assert sum(len(auto) for auto, _ in autos) == len(pieces)
        finally:
            citations._reporter_first_words.cache_clear()
            citations._reporter_automaton.cache_clear()
    assert len(list(tmp_path.glob("data-reporter-*.marshal"))) == 2


_CHILD = r"""
import json, sys
from docketgraph.ingest.extract import warm_up
warm_up()
import courts_db
before = {"eyecite": "eyecite" in sys.modules, "juriscraper": "juriscraper" in sys.modules,
          "courts_table": "regexes" in vars(courts_db)}
from docketgraph.ingest.fields.citations import find_citations
cites = [[c.cite for c in find_citations(open(p, encoding="utf-8").read())] for p in sys.argv[1:]]
print(json.dumps({"before": before, "eyecite_after": "eyecite" in sys.modules, "cites": cites}))
"""


@pytest.mark.slow  # fresh processes
def test_warm_up_leaves_eyecite_juriscraper_and_the_courts_table_to_the_filings(tmp_path):
    """In a fresh process with the caches filled (a second run), warm_up loads none of them
    (a first run derives the cached tables from eyecite and courts-db); the citations found afterwards, with eyecite's reporter regexes
    compiled from the cache or afresh, are those of eyecite run on the whole text."""
    from docketgraph.ingest.fields.citations import find_citations_whole

    env = {**os.environ, "DOCKETGRAPH_CACHE": str(tmp_path)}
    texts = [str(p) for p in SAMPLES]
    want = [[c.cite for c in find_citations_whole(Path(p).read_text(encoding="utf-8"))] for p in texts]
    assert any(want), "the samples cite cases"
    for run in ("empty cache", "filled cache"):
        out = subprocess.run([sys.executable, "-c", _CHILD, *texts], env=env, capture_output=True,
                             text=True, check=True, cwd=ROOT)
        got = json.loads(out.stdout.strip().splitlines()[-1])
        if run == "filled cache":
            assert got["before"] == {"eyecite": False, "juriscraper": False, "courts_table": False}, got
        else:  # the pre-filter's tables and the court answers are derived once, from eyecite and courts-db
            assert not got["before"]["juriscraper"], got
        assert got["eyecite_after"]
        assert got["cites"] == want, run
    assert list(tmp_path.glob("regex-eyecite-*.marshal"))
    assert list(tmp_path.glob("courts-db-answers-*.marshal"))


def _judge_texts():
    import random

    from docketgraph.ingest.readers.decode import normalise_text

    shared = ROOT.parent / "shared"
    for d in (shared / "seeds", shared / "corpus" / "dev", ROOT / "samples", ROOT / "tests" / "fixtures" / "filings"):
        if d.is_dir():
            for p in sorted(d.glob("*.txt")):
                yield p.name, normalise_text(p.read_text(encoding="utf-8", errors="replace"))
    rnd = random.Random(13)
    words = ["Judge", "JUDGE", "judge", "Hon.", "HON.", "Honorable", "the", "The", "U.S.", "U. S.", "D.J.",
             "M.", "J.", "Chief", "Senior", "United", "States", "Magistrate", "District", "Circuit",
             "Jane", "A.", "Doe", "ROE", "phone", "\n", "\n", " ", "  ", "\t", ",", ".", "Mag.", "UNITED",
             "xChief", "SENIOR", "CHIEF", "Bankruptcy", "BANKRUPTCY", "\u017fenior", "\u212a", "\u0130", "é", "Inès",
             "u.s.", "Judgeship", "honor", "THE", "U.S.D.J.", "U.S.M.J.", "Chief Judge", "the  \t Honorable"]
    for k in range(1500):
        yield f"synthetic {k}", "".join(rnd.choice(words) + rnd.choice(["", " ", "\t", "\n"])
                                        for _ in range(rnd.randint(1, 80)))


def test_judge_scans_near_their_words_find_what_finditer_finds():
    """``judges._finditer_near`` gives exactly the matches of ``finditer`` (spans and groups),
    on real filings and on synthetic texts dense in judges' titles."""
    from docketgraph.ingest.fields import judges

    rows = [(judges._TITLE_RE, ("hon",), ("Judge", "JUDGE")), (judges._ROLE_AFTER_RE, ("judge",), ("U.",))]
    n = 0
    for name, text in _judge_texts():
        for rx, any_case, exact in rows:
            want = [(m.span(), m.groups()) for m in rx.finditer(text)]
            got = [(m.span(), m.groups()) for m in judges._finditer_near(rx, text, any_case, exact)]
            assert got == want, (name, rx.pattern[:40])
            n += bool(want)
    assert n > 50
