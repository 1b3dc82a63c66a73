"""The installed package matches the folders, and imports follow the layering rule."""
from __future__ import annotations

import ast
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOP = ("graph", "ingest", "queries")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_every_subpackage_is_listed():
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    found = set()
    for top in TOP:
        for init in (ROOT / top).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT).parts
            found.add("docketgraph." + ".".join(rel))
    assert found == listed


def test_package_dir_maps_folders():
    pdir = _pyproject()["tool"]["setuptools"]["package-dir"]
    assert pdir == {f"docketgraph.{t}": t for t in TOP}


def _imports(path: Path) -> set[str]:
    mods = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            mods.add(node.module)
        elif isinstance(node, ast.Import):
            mods.update(a.name for a in node.names)
    return mods


def test_import_direction():
    for py in (ROOT / "graph").rglob("*.py"):
        bad = [m for m in _imports(py) if m.startswith(("docketgraph.ingest", "docketgraph.queries"))]
        assert not bad, f"{py} imports {bad}"
    for py in (ROOT / "ingest").rglob("*.py"):
        bad = [m for m in _imports(py) if m.startswith("docketgraph.queries")
               or (m.startswith("docketgraph.graph") and m not in (
                   "docketgraph.graph.model", "docketgraph.graph.errors", "docketgraph.graph.names"))]
        assert not bad, f"{py} imports {bad}"


def test_console_script_runs():
    from click.testing import CliRunner
    from docketgraph.queries.cli import cli
    r = CliRunner().invoke(cli, ["--help"])
    assert r.exit_code == 0 and "extract" in r.output
