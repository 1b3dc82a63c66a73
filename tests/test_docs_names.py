"""docs/queries.md and `--help` show the forgiving names with a real example, and the
example is what the dev corpus gives (slow: it ingests ../shared/corpus/dev)."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from docketgraph.queries.api import KnowledgeGraph
from docketgraph.queries.cli import cli

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")


def test_query_help_shows_forgiving_names_with_an_example():
    out = CliRunner().invoke(cli, ["query", "--help"]).output
    assert "Names forgive" in out and "docketgraph query firms-for-judge -p judge Kendall" in out
    assert 'Note: judge "Kendall": took Virginia M. Kendall' in out
    assert "jsonl" in out and "--wrap" in out
    view = CliRunner().invoke(cli, ["view", "--help"]).output
    assert "--kind" in view and "Names forgive" in view


def test_docs_explain_forgiving_names_with_the_dev_corpus_example():
    section = DOC[DOC.index("### Names that forgive"):DOC.index("### Your own saved queries")]
    for want in ("$ docketgraph query firms-for-judge -p judge Kendall", 'Note: judge "Kendall"',
                 'Error: judge "Johnson" fits 2 judges', '-p court "Northern District of Illinois"',
                 "$ docketgraph view --entity Morris", "--kind firm", "AmbiguousName", "UnknownName"):
        assert want in section, want


def _doc_lines(prefix: str) -> list[str]:
    return [ln for ln in DOC.splitlines() if ln.startswith(prefix)]


@pytest.fixture(scope="module")
def dev_store(dev_dir, tmp_path_factory) -> str:
    d = tmp_path_factory.mktemp("devnames")
    with KnowledgeGraph.open(d / "store") as kg:
        kg.ingest([dev_dir], in_process=True)
    return str(d / "store")


def test_the_documented_examples_hold_on_the_dev_corpus(dev_store, capsys):
    from docketgraph.queries.cli import main

    for cmd, line in [(["query", "firms-for-judge", "-p", "judge", "Kendall"], "Note: judge \"Kendall\""),
                      (["query", "firms-for-judge", "-p", "judge", "Johnson"], "Error: judge \"Johnson\""),
                      (["query", "judges-for-firm", "-p", "firm", "Epstien Drangel"], "Note: firm \"Epstien"),
                      (["view", "--entity", "Morris", "-o", str(Path(dev_store).parent / "m.html")],
                       "Error: entity \"Morris\"")]:
        main([*cmd, "--store", dev_store])
        err = capsys.readouterr().err.strip().splitlines()[0]
        documented = [ln for ln in DOC.splitlines() if ln.startswith(line)]
        assert documented and err == documented[0], (err, documented)
