"""Regression floor on the held-out fictional filings (measured, never tuned on)."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from docketgraph.ingest import extract_file

HELDOUT = Path(__file__).parent / "fixtures" / "heldout"
FLOOR = 0.93  # measured 0.945 when the set was added, 0.961 on 2026-12-06


def _n(s: object) -> str:
    s = unicodedata.normalize("NFKD", str(s or "")).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", s.replace("&", " and ")).split())


def _keys(doc: dict) -> set:
    out = set()
    for field in ("judges", "firms", "attorneys", "parties", "platforms"):
        out |= {(field, _n(x.get("name"))) for x in doc.get(field) or [] if x.get("name")}
    out |= {("party.role", _n(p.get("name")), p.get("role")) for p in doc.get("parties") or []}
    out |= {("citations", re.sub(r"\s+", "", str(c.get("cite")).lower())) for c in doc.get("citations") or []}
    return out


def test_every_heldout_filing_has_gold():
    txts = sorted(HELDOUT.glob("*.txt"))
    assert len(txts) >= 15
    for t in txts:
        assert (HELDOUT / (t.stem + ".gold.json")).exists(), t.name


def test_heldout_micro_f1_floor():
    tp = fp = fn = 0
    for gold_path in sorted(HELDOUT.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = extract_file(HELDOUT / gold["doc"]).to_gold()
        g, p = _keys(gold), _keys(pred)
        tp += len(g & p); fp += len(p - g); fn += len(g - p)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= FLOOR, f"held-out micro F1 {f1:.3f} below {FLOOR}"
