"""Regular expressions' compiled programs kept on disk (ingest/fields/compiled.py): the patterns
rebuilt from the cache are the ones ``re.compile`` makes, and anything odd falls back."""
from __future__ import annotations

import marshal
import re
from re import _compiler  # type: ignore[attr-defined]

import pytest

from docketgraph.ingest.fields import compiled

PATTERNS = [
    (r"(?P<num>\d{1,2}):(?P<kind>cv|cr)-(\d{5})", 0),
    (r"Northern\s+District\s+of\s+Illinois", re.I),
    (r"^\s*/s/\s*(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+)$", re.M),
    ("caf\u00e9|na\u00efve", re.I | re.U),
    (r"(?s)IN THE .*? COURT", 0),
]


def _compile_all() -> list[re.Pattern[str]]:
    re.purge()  # past the re module's own cache, so every pattern is compiled
    return [re.compile(p, f) for p, f in PATTERNS]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCKETGRAPH_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_programs_kept_and_read_back_equal(cache):
    expected = _compile_all()
    with compiled.remembered_programs("t"):
        first = _compile_all()
    files = list(cache.glob("regex-t-*.marshal"))
    assert len(files) == 1
    with compiled.remembered_programs("t"):
        second = _compile_all()
    # Pattern equality compares the pattern, the flags and the engine program
    assert first == expected and second == expected
    for got, want in zip(second, expected, strict=True):
        assert got.groupindex == want.groupindex and got.groups == want.groups
    text = "Case 1:24-cv-01234, NORTHERN DISTRICT OF ILLINOIS, caf\u00c9\n/s/ Mary C. Example"
    for got, want in zip(second, expected, strict=True):
        assert [m.groupdict() or m.group(0) for m in got.finditer(text)] == [
            m.groupdict() or m.group(0) for m in want.finditer(text)
        ]


def test_the_stand_in_is_removed_even_on_error(cache):
    original = _compiler.compile
    with pytest.raises(RuntimeError), compiled.remembered_programs("t"):
        assert _compiler.compile is not original
        raise RuntimeError("boom")
    assert _compiler.compile is original


def test_damaged_file_falls_back_and_is_rewritten(cache):
    expected = _compile_all()
    with compiled.remembered_programs("t"):
        _compile_all()
    (path,) = cache.glob("regex-t-*.marshal")
    path.write_bytes(b"\x00garbage" * 10)
    with compiled.remembered_programs("t"):
        assert _compile_all() == expected
    with compiled.remembered_programs("t"):
        assert _compile_all() == expected
    assert path.read_bytes() != b"\x00garbage" * 10


def test_a_changed_file_is_not_read(cache):
    """The programs of two patterns swapped in the file (a damaged file that still
    parses): its checksum no longer matches, so both are compiled again."""
    expected = _compile_all()
    with compiled.remembered_programs("t"):
        _compile_all()
    (path,) = cache.glob("regex-t-*.marshal")
    data = path.read_bytes()
    rows = marshal.loads(data[32:])
    a, b = rows[0], rows[1]
    rows[0], rows[1] = (a[0], *b[1:-1], a[-1]), (b[0], *a[1:-1], b[-1])
    path.write_bytes(data[:32] + marshal.dumps(rows))
    with compiled.remembered_programs("t"):
        assert _compile_all() == expected


def test_turned_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCKETGRAPH_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with compiled.remembered_programs("t"):
        assert _compile_all() == [re.compile(p, f) for p, f in PATTERNS]
    assert not any(tmp_path.rglob("*.marshal"))


def test_unwritable_cache_folder_still_compiles(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DOCKETGRAPH_CACHE", str(blocker / "cache"))
    with compiled.remembered_programs("t"):
        assert _compile_all() == [re.compile(p, f) for p, f in PATTERNS]


@pytest.mark.slow  # a second or more: outside the fast loop
def test_courts_db_table_from_the_cache_is_courts_db_own(cache, monkeypatch):
    import courts_db
    from courts_db.utils import gather_regexes

    expected = gather_regexes(courts_db.courts)
    for _ in range(2):  # written, then read back
        monkeypatch.delitem(vars(courts_db), "regexes", raising=False)
        compiled.load_courts_db()
        assert courts_db.regexes == expected
    assert list(cache.glob("regex-courts-db-*.marshal"))
    name = "United States District Court for the Northern District of Illinois"
    assert compiled.find_court(name, bankruptcy=False) == ["ilnd"]
