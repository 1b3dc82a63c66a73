"""`extract --provenance`: every item's spans point at its evidence in the document text."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from docketgraph.ingest import extract, read_file
from docketgraph.queries.cli import cli


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", s)


def _docs(shared: Path) -> list[Path]:
    out = sorted((shared / "seeds").glob("*.txt"))
    out += [p for p in sorted((shared / "corpus" / "dev").iterdir()) if not p.name.endswith(".json")]
    return out


def _token(name: str) -> str:
    """A distinctive word of a name that its evidence must contain."""
    words = [w for w in re.findall(r"[^\W_]{3,}", name) if w.lower() not in
             {"the", "and", "inc", "llc", "llp", "ltd", "corp", "company", "store", "official"}]
    return _fold(max(words, key=len)) if words else ""


def test_spans_are_exact_on_every_real_document(shared):
    bad = []
    for path in _docs(shared):
        doc = read_file(path)
        text = doc.text
        gold = extract(doc).to_gold(provenance=True)
        for field in ("cases", "judges", "firms", "attorneys", "parties", "platforms", "citations"):
            for item in gold[field]:
                spans = item.get("spans") or []
                for a, b in spans:
                    if not 0 <= a < b <= len(text):
                        bad.append((path.name, field, item.get("name") or item.get("cite"), (a, b)))
                if field == "cases" or not spans:
                    continue
                key = item.get("cite") if field == "citations" else item.get("name")
                tok = _fold(key.split()[0]) if field == "citations" else _token(key or "")
                if tok and not any(tok in _fold(text[a:b]) for a, b in spans):
                    bad.append((path.name, field, key, [text[a:b][:60] for a, b in spans[:2]]))
    assert not bad, bad[:10]


def test_cli_provenance_flag(seeds_dir):
    f = seeds_dir / "000_de2d2781d4ae3407.txt"
    r = CliRunner().invoke(cli, ["extract", "--json", "--provenance", str(f)])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    text = read_file(f).text
    judge = next(j for j in out["judges"] if j["name"] == "Martha M. Pacold")
    assert any("Pacold" in text[a:b] for a, b in judge["spans"])
    plain = json.loads(CliRunner().invoke(cli, ["extract", "--json", str(f)]).output)
    assert "spans" not in plain["judges"][0]
