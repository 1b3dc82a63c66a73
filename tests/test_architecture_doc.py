"""docs/architecture.md names real places: every module and folder it mentions exists, and
each row of "Where are attorneys read?" names one folder and one module in it."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def test_every_path_named_exists():
    named = set(re.findall(r"(?<![\w/])((?:graph|ingest|queries|tests|docs|readers|fields)/[\w./<>*-]*)", DOC))
    missing = []
    for p in sorted(named):
        p = p.rstrip(".")
        if p.startswith(("readers/", "fields/")):
            p = "ingest/" + p
        if "<" in p or "*" in p:  # a pattern (tests/test_<field>.py): its folder
            p = p[: p.rfind("/", 0, min(i for i in (p.find("<"), p.find("*")) if i >= 0))]
        if not (ROOT / p).exists():
            missing.append(p)
    assert not missing, f"docs/architecture.md names missing paths: {missing}"


def test_every_module_in_the_layout_exists():
    tree = DOC.split("```")[1]
    folder = None
    missing = []
    for line in tree.splitlines():
        top = re.match(r"^(graph|ingest|queries)/", line)
        if top:
            folder = ROOT / top.group(1)
            continue
        sub = re.match(r"^\s+(readers|fields)/", line)
        if sub and folder is not None:
            base = ROOT / "ingest" / sub.group(1)
            assert base.is_dir(), base
            continue
        sub = re.match(r"^\s+(counsel)/", line)
        if sub:
            folder = ROOT / "ingest" / "fields" / "counsel"
        for name in re.findall(r"\b([a-z_]+\.py)\b", line):
            if folder is not None and not list(folder.rglob(name)):
                missing.append(f"{folder.name}/{name}")
    assert not missing, f"the layout names modules that do not exist: {missing}"


def test_attorneys_table_gives_one_folder_and_one_module_per_input():
    table = DOC.split("## Where are attorneys read?")[1].split("\n## ")[0]
    rows = [r for r in table.splitlines() if r.startswith("| ") and not r.startswith("| input")]
    inputs = {r.split("|")[1].strip() for r in rows}
    assert {"a PACER docket page", "a PDF filing", "a text filing"} <= inputs
    for r in rows:
        folder = re.search(r"`(ingest/[\w/]+/)`", r.split("|")[2]).group(1)
        module = re.match(r"\s*`(\w+\.py)`", r.split("|")[3]).group(1)
        assert (ROOT / folder / module).is_file(), (folder, module)
