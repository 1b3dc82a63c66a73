"""The Python documentation runs: every ```python block of docs/python.md and of the
README's "Python" section, in order, as one notebook would, in a temporary folder holding
a copy of samples/; a ```text block right after a python block is what it prints.
"""
from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def blocks(text: str) -> list[tuple[str, str | None]]:
    """(python code, the text block that follows it, if any), in order."""
    found = [(m.group(1), m.group(2)) for m in FENCE.finditer(text)]
    out = []
    for i, (lang, body) in enumerate(found):
        if lang == "python":
            nxt = found[i + 1] if i + 1 < len(found) else None
            out.append((body, nxt[1] if nxt and nxt[0] == "text" else None))
    return out


def readme_python_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"^## Python\n(.*?)(?=^## )", text, re.S | re.M)
    assert m, "README.md has no '## Python' section"
    return m.group(1)


def _norm(s: str) -> list[str]:
    return [line.rstrip() for line in s.strip().splitlines()]


def run_document(text: str, where: Path, monkeypatch) -> int:
    pytest.importorskip("pandas")  # the walk-through shows a DataFrame (the test extra has it)
    shutil.copytree(ROOT / "samples", where / "samples")
    monkeypatch.chdir(where)
    monkeypatch.delenv("DOCKETGRAPH_STORE", raising=False)
    ns: dict = {"__name__": "__docs__"}
    code = blocks(text)
    for i, (body, expected) in enumerate(code, 1):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(body, f"<python block {i}>", "exec"), ns)
        if expected is not None:
            assert _norm(out.getvalue()) == _norm(expected), f"block {i} printed:\n{out.getvalue()}"
    if "kg" in ns and hasattr(ns["kg"], "close"):
        ns["kg"].close()
    return len(code)


def test_docs_python_md_runs(tmp_path, monkeypatch):
    text = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    assert run_document(text, tmp_path, monkeypatch) >= 7


def test_readme_python_section_runs(tmp_path, monkeypatch):
    assert run_document(readme_python_section(), tmp_path, monkeypatch) >= 1


def test_walkthrough_covers_every_step():
    text = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    code = "\n".join(b for b, _ in blocks(text))
    for call in ("KnowledgeGraph.open(", ".ingest(", ".query(", ".to_pandas(", ".to_networkx(",
                 "nx.write_gexf(", ".entity(", ".evidence(", ".remove(", "dry_run=True"):
        assert call in code, call
