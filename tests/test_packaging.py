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


def _module_name(py: Path) -> str:
    parts = list(py.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return "docketgraph." + ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(py): py for top in TOP for py in sorted((ROOT / top).rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> list[tuple[str, int]]:
    """Every module of the project that ``path`` imports, at any depth (inside functions,
    under ``if TYPE_CHECKING``), with the line: ``from docketgraph.graph import keys``
    counts as an import of ``docketgraph.graph.keys``, relative imports are resolved."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([node.module] if node.module else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base
                       for a in node.names]
        else:
            continue
        out += [(t, node.lineno) for t in targets if t.startswith("docketgraph.")]
    return out


def _graph() -> dict[str, dict[str, int]]:
    mods = _modules()
    known = set(mods)
    edges: dict[str, dict[str, int]] = {m: {} for m in mods}
    for m, path in mods.items():
        for target, line in _imports(m, path, known):
            assert target in known, f"{path}:{line} imports {target}, which is not a module of the project"
            if target != m:
                edges[m].setdefault(target, line)
    return edges


#: layers, lowest first: a module may import its own layer and the ones below it, never
#: one above (the longest matching prefix decides a module's layer)
LAYERS = {
    "docketgraph.graph": 0,
    "docketgraph.ingest.fields": 1,
    "docketgraph.ingest.readers": 2,
    "docketgraph.ingest": 3,
    "docketgraph.queries": 4,
}
#: the only graph modules ingest may use: pure code, never the store
INGEST_MAY_USE = {"docketgraph.graph.model", "docketgraph.graph.errors",
                  "docketgraph.graph.names", "docketgraph.graph.keys"}


def _layer(module: str) -> int:
    best = max((p for p in LAYERS if module == p or module.startswith(p + ".")), key=len)
    return LAYERS[best]


def test_import_direction():
    edges = _graph()
    mods = _modules()
    upward = [f"{mods[m]}:{line} imports {t}" for m, ts in edges.items() for t, line in ts.items()
              if _layer(t) > _layer(m)]
    assert not upward, "imports point up the layers:\n" + "\n".join(upward)
    store = [f"{mods[m]}:{line} imports {t}" for m, ts in edges.items() for t, line in ts.items()
             if m.startswith("docketgraph.ingest") and t.startswith("docketgraph.graph")
             and t not in INGEST_MAY_USE]
    assert not store, "ingest may use only graph's pure modules:\n" + "\n".join(store)


def _cycle(edges: dict[str, dict[str, int]]) -> list[str] | None:
    """One import circle, if there is any (depth-first search)."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for t in sorted(edges.get(m, ())):
            if state.get(t) == 1:
                return path[path.index(t):] + [t]
            if t not in state:
                found = visit(t)
                if found:
                    return found
        path.pop()
        state[m] = 2
        return None

    for m in sorted(edges):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


#: import circles known and not yet opened, each an edge to leave out and the reason; a new
#: circle fails the test, and so does an entry whose import is gone (remove it then)
KNOWN_CIRCLES: dict[tuple[str, str], str] = {}


def test_known_circles_are_still_there():
    edges = _graph()
    gone = [edge for edge in KNOWN_CIRCLES if edge[1] not in edges.get(edge[0], {})]
    assert not gone, f"these imports are gone: remove them from KNOWN_CIRCLES: {gone}"


def test_no_import_circles():
    edges = _graph()
    for a, b in KNOWN_CIRCLES:
        edges.get(a, {}).pop(b, None)
    cycle = _cycle(edges)
    assert cycle is None, "import circle: " + " -> ".join(
        f"{a} (line {edges[a][b]})" for a, b in zip(cycle, cycle[1:])) + f" -> {cycle[-1]}"


def test_the_circle_finder_finds_circles():
    assert _cycle({"a": {"b": 1}, "b": {"c": 2}, "c": {"a": 3}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b": 1}, "b": {}, "c": {"a": 1, "b": 1}}) is None
    assert _layer("docketgraph.ingest.readers.pacer") == 2 and _layer("docketgraph.ingest.extract") == 3


def test_console_script_runs():
    from click.testing import CliRunner
    from docketgraph.queries.cli import cli
    r = CliRunner().invoke(cli, ["--help"])
    assert r.exit_code == 0 and "extract" in r.output
