"""The documentation names every saved query and every command.

README.md is the front page; docs/queries.md is the saved-query reference it links to.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from docketgraph.queries.cli import cli
from docketgraph.queries.registry import Registry

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
QUERIES_DOC = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
DOCS = README + "\n" + QUERIES_DOC


@pytest.mark.parametrize("name", Registry().names())
def test_every_saved_query_is_documented_with_its_parameters(name):
    q = Registry().get(name)
    rows = [l for l in QUERIES_DOC.splitlines() if l.startswith(f"| `{name}` |")]
    assert rows, f"docs/queries.md has no table row for {name}"
    for p in q.params:
        assert f"`{p.name}`" in rows[0], f"{name}: parameter {p.name} missing from its row"


@pytest.mark.parametrize("name", Registry().names())
def test_every_saved_query_has_an_example(name):
    assert re.search(rf"`docketgraph query {re.escape(name)}\b[^`]*`", QUERIES_DOC) or \
        name.endswith("-network"), f"no example output for {name}"


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_documented(command):
    assert re.search(rf"docketgraph {command}\b|`{command}\b", DOCS), command


@pytest.mark.parametrize("fmt", ["ttl", "nq", "trig", "jsonld", "graphml", "gexf", "csv"])
def test_every_export_format_is_documented(fmt):
    assert f"`{fmt}`" in QUERIES_DOC
