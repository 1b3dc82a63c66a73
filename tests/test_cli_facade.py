"""The command line is a thin wrapper over the KnowledgeGraph facade.

Every verb is run once with the facade's methods spied on: each must reach the library
through the method named here (a new verb needs a row). And cli.py imports nothing of the
project but the facade and the error base, so it cannot reach around it.
"""
from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docketgraph.queries.api import KnowledgeGraph
from docketgraph.queries.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))

#: (arguments after the verb, the facade method it must call)
VERBS: dict[str, list[tuple[list[str], str]]] = {
    "ingest": [(["{new}", "--jobs", "1", "-q"], "ingest")],
    "extract": [(["{sample}", "--json"], "extract")],
    "query": [(["firms-before-judges"], "query"), (["--list"], "saved_queries"),
              (["firms-before-judges", "--evidence"], "evidence")],
    "sparql": [(["SELECT * WHERE {{ ?s ?p ?o }} LIMIT 1"], "sparql")],
    "view": [(["firms-before-judges", "-o", "{tmp}/v.html"], "view"),
             (["--entity", "Vance", "-o", "{tmp}/e.html"], "view_entity")],
    "entities": [(["--kind", "judge"], "entities"), (["--explain", "Calder Wynn"], "explain")],
    "export": [(["--format", "nq", "-o", "{tmp}/all.nq"], "export"),
               (["--network", "firm-judge", "-o", "{tmp}/fj.gexf"], "export_network")],
    "chart": [(["schedule-a-cases", "-o", "{tmp}/c.svg"], "chart"), (["--list"], "charts")],
    "stats": [([], "stats")],
    "remove": [(["{sample}", "--dry-run"], "remove"), (["{sample}"], "remove")],
    "serve": [(["--port", "0"], "serve")],
}


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("facade")
    filings = d / "filings"
    filings.mkdir()
    for p in SAMPLES:
        shutil.copy(p, filings / p.name)
    with KnowledgeGraph.open(d / "store") as kg:
        kg.ingest(filings, in_process=True)
    return d


def test_every_verb_has_a_row():
    assert set(VERBS) == set(cli.commands)


@pytest.mark.parametrize("verb, args, method",
                         [(v, a, m) for v, rows in VERBS.items() for a, m in rows],
                         ids=lambda x: x if isinstance(x, str) else None)
def test_verb_calls_the_facade(store, tmp_path, monkeypatch, verb, args, method):
    calls: list[str] = []
    original = getattr(KnowledgeGraph, method)

    def spy(self, *a, **kw):
        calls.append(method)
        return original(self, *a, **kw)

    monkeypatch.setattr(KnowledgeGraph, method, spy)
    if verb == "serve":  # the app is built over the store, and not served
        import uvicorn
        monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append("uvicorn.run"))
    new = tmp_path / "new.txt"
    shutil.copy(SAMPLES[0], new)
    argv = [verb] + [a.format(new=new, sample=store / "filings" / SAMPLES[-1].name, tmp=tmp_path)
                     for a in args]
    where = store / "store"
    if verb in ("ingest", "remove"):  # the verbs that write work on a copy
        where = tmp_path / "store"
        shutil.copytree(store / "store", where)
    if verb != "extract":
        argv += ["--store", str(where)]
    r = CliRunner().invoke(cli, argv)
    assert r.exit_code == 0, r.output
    assert calls, f"`docketgraph {' '.join(argv[:2])}` did not call KnowledgeGraph.{method}"


def test_cli_imports_only_the_facade():
    tree = ast.parse((ROOT / "queries" / "cli.py").read_text(encoding="utf-8"))
    mods = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    mods |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    project = {m for m in mods if m.startswith("docketgraph")}
    assert project == {"docketgraph.queries.api", "docketgraph.graph.errors"}, project


def test_remove_command(store, tmp_path):
    d = tmp_path / "copy"
    shutil.copytree(store / "store", d)
    letter = str(store / "filings" / SAMPLES[-1].name)
    r = CliRunner().invoke(cli, ["remove", letter, "--dry-run", "--store", str(d)])
    assert r.exit_code == 0 and "would remove " + SAMPLES[-1].name in r.output
    assert "1 document, 1 case, " in r.output and "would be removed (dry run)" in r.output
    r = CliRunner().invoke(cli, ["remove", letter, "--store", str(d)])
    assert r.exit_code == 0 and "removed " + SAMPLES[-1].name in r.output
    from docketgraph.queries.cli import main
    assert main(["remove", letter, "--store", str(d)]) == 1  # nothing stored for it now
    assert main(["remove", "--store", str(d)]) == 2            # a path or an id is required
