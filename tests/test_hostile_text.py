"""Hostile text: extraction ends, and no label is huge or holds control characters.

Each input runs in a subprocess with a generous time limit as a hang guard (not a speed
assertion); speed is measured by bench/, not here.
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest

CAPTION = ("UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF ILLINOIS\n\nACME LLC, Plaintiff,\n"
           "v.\nTHE PARTNERSHIPS AND UNINCORPORATED ASSOCIATIONS IDENTIFIED ON SCHEDULE A, "
           "Defendants.\n\nCase No. 1:24-cv-01234\n\n")


def _inputs() -> dict[str, bytes]:
    rnd = random.Random(5)
    return {
        "dashes.txt": (CAPTION + "-" * 100_000 + "\nSee Bose Corp. v. Doe, 334 F.R.D. 511 (N.D. Ill. 2020).\n").encode(),
        "oneline.txt": (CAPTION + ("Plaintiff v. Defendant, counsel for Plaintiff Jane Roe, Esq. " * 85_000)).encode(),
        "random.bin.txt": bytes(rnd.getrandbits(8) for _ in range(1_000_000)),
        "sections.txt": (CAPTION + "§" * 100_000).encode(),
        "names.txt": (CAPTION + ("Respectfully submitted,\n/s/ " + "A" * 5000 + "\n" + "B" * 5000 + " LLP\n") * 20).encode(),
        "ctrl.txt": (CAPTION.replace("ACME LLC", "AC\x1bME\x07 LLC") + "Judge Jane\x00 Q. Doe\n").encode(),
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(_inputs()))
def test_hostile_text_extracts_with_sane_labels(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(_inputs()[name])
    exe = os.path.join(os.path.dirname(sys.executable), "docketgraph")
    try:
        r = subprocess.run([exe, "extract", "--json", str(path)], capture_output=True, text=True, timeout=240)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: extraction did not end within 240 s")
    if r.returncode != 0:  # refusing the file is fine when it says why, naming it
        assert name in r.stderr and r.stderr.startswith("Error: "), r.stderr[-500:]
        return
    out = json.loads(r.stdout)
    labels = []
    for field in ("judges", "firms", "attorneys", "parties", "platforms"):
        labels += [x.get("name") or "" for x in out.get(field, [])]
    labels += [c.get("caption") or "" for c in out.get("cases", [])]
    for lab in labels:
        assert len(lab) <= 500, (name, lab[:80])
        assert not any(ord(ch) < 32 or ord(ch) == 127 for ch in lab), (name, repr(lab[:80]))
