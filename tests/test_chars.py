"""The fast character rewrites give what str.translate gives, on real filings and on
made-up strings with the characters that make a shortcut wrong."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from docketgraph.ingest.fields import chars

CORPUS = Path(__file__).parent / "fixtures"
ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
DASHES = {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"}
SPACES = dict(zip("\t\r\f\v\n", "     "))

ODD = ["", "A", "abc", "ÉCOLE v. Roe", "İSTANBUL LTD", "ΣΟΦΙΑ ΟΔΟΣ", "\u212aELVIN", "Straße",
       "Roe \u2014 Doe\u2013Poe\u2212 1\uff0d2", "a\tb\r\nc\fd\ve", "“Acme” ’s", "ǅemal", "ﬁling",
       "ODOS ας x", "x Σ y", "ΑΣ", "é É", "Ⓐ", "Ⅻ"]


def _texts() -> list[str]:
    out = list(ODD)
    for p in sorted(CORPUS.rglob("*.txt"))[:60]:
        out.append(p.read_text(encoding="utf-8", errors="replace"))
    rnd = random.Random(13)
    alphabet = "aZ -\n\t" + "".join(DASHES) + "ÉéİıΣσς\u212aßǅ“”"
    out += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60))) for _ in range(400)]
    return out


@pytest.mark.parametrize("mapping", [DASHES, SPACES, {"\u201c": '"', "\u2019": "'"}])
def test_replacer_is_translate(mapping):
    r = chars.Replacer(mapping)
    table = str.maketrans(mapping)
    for t in _texts():
        assert r(t) == t.translate(table)


def test_ascii_lower_is_translate():
    for t in _texts():
        assert chars.ascii_lower(t) == t.translate(ASCII_LOWER), t


@pytest.mark.parametrize("mapping", [{"a": "b", "b": "c"}, {"ab": "c"}])
def test_replacer_refuses_tables_it_cannot_do(mapping):
    with pytest.raises(ValueError):
        chars.Replacer(mapping)
