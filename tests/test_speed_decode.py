"""Binary sniffing counts control bytes with ``bytes.translate`` (not byte by byte):
the threshold of 5% control bytes (other than tab, newlines, form feed and escape)
stands as before."""
from __future__ import annotations

import pytest

from docketgraph.ingest.readers.decode import looks_binary

ROWS = [
    (b"", False),
    (b"hello world\n", False),
    (b"\x01" * 5 + b"a" * 95, False),  # exactly 5%: not more than the threshold
    (b"\x01" * 6 + b"a" * 94, True),
    (b"\x08" * 6 + b"a" * 94, True),
    (b"\x0e" * 6 + b"a" * 94, True),
    (b"\x1f" * 6 + b"a" * 94, True),
    (b"\x7f" * 50 + b"a" * 50, False),  # DEL is not counted
    (b"\t\n\r\x0b\x0c\x1b" * 20, False),  # tab, newlines, form feed, escape are text
    (b"\x00\x00" + b"a" * 98, True),  # NUL bytes over 1%
    (b"\x00" + b"a" * 199, False),
    ("Plaintiff v. Defendant".encode("utf-16"), False),
    (bytes(range(256)) * 40, True),  # 8 KB sample of every byte value
    (b"a" * 8192 + b"\x01" * 1000, False),  # only the first 8 KB are sampled
]


@pytest.mark.parametrize("data,binary", ROWS)
def test_looks_binary(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary
