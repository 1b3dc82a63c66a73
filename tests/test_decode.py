"""Text decoding: every common encoding of the same filing gives the same citations."""
from __future__ import annotations

import codecs

import pytest

from docketgraph.ingest import extract
from docketgraph.ingest.readers.decode import decode, looks_binary, normalise_text
from docketgraph.ingest.readers.registry import read_file


@pytest.fixture(scope="module")
def filing(seeds_dir) -> str:
    return (seeds_dir / "002_a4584e2ff6cefb8e.txt").read_text(encoding="utf-8")


def _cites(tmp_path, name: str, data: bytes) -> set[str]:
    p = tmp_path / name
    p.write_bytes(data)
    return {c.cite for c in extract(read_file(p)).citations}


def _variants(text: str) -> dict[str, tuple[bytes, str]]:
    return {
        "cp1252": (text.encode("cp1252", errors="replace"), "cp1252"),
        "utf16-bom": (codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "utf-16"),
        "utf16le-nobom": (text.encode("utf-16-le"), "utf-16-le"),
        "utf16be-bom": (codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "utf-16"),
        "utf8-bom": (codecs.BOM_UTF8 + text.encode("utf-8"), "utf-8-sig"),
        "invalid-utf8": (text.encode("utf-8").replace(b"Plaintiff", b"Plaintiff\xff\xfe", 3), None),
        "nul-between-words": (text.replace("Plaintiff ", "Plaintiff\x00").encode("utf-8"), "utf-8"),
        "nbsp-between-words": (text.replace(" v. ", "\u00a0v.\u00a0").encode("utf-8"), "utf-8"),
    }


def test_every_encoding_gives_the_same_citations(tmp_path, filing):
    base = _cites(tmp_path, "base.txt", filing.encode("utf-8"))
    assert len(base) >= 5
    for name, (data, enc) in _variants(filing).items():
        assert _cites(tmp_path, name + ".txt", data) == base, name
        if enc:
            assert decode(data)[1] == enc, name


def test_encoding_is_recorded(tmp_path, filing):
    p = tmp_path / "w.txt"
    p.write_bytes(filing.encode("cp1252", errors="replace"))
    assert read_file(p).encoding == "cp1252"


@pytest.mark.parametrize("data, binary", [
    (b"plain text\n", False),
    ("text".encode("utf-16-le"), False),
    (bytes(range(256)) * 10, True),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, True),
])
def test_looks_binary(data, binary):
    assert looks_binary(data) is binary


@pytest.mark.parametrize("raw, expected", [
    ("a\r\nb\rc", "a\nb\nc"),
    ("a\u00a0b", "a b"),
    ("a\x00b\x07c", "a b c"),
    ("-" * 100000, "-" * 40),
    ("x" + "_" * 500 + "y", "x" + "_" * 40 + "y"),
    ("e\u0301", "\u00e9"),
])
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected
