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


# --- patterns compiled one at a time (eyecite's reporter regexes) ----------------------


def test_lazy_programs_equal_re_compile_and_are_read_back(cache):
    expected = _compile_all()
    first = compiled._LazyPrograms("lazy")
    assert [first.compile(p, f) for p, f in PATTERNS] == expected
    first.save()
    (path,) = cache.glob("regex-lazy-*.marshal")
    again = compiled._LazyPrograms("lazy")  # as a later process would
    got = [again.compile(p, f) for p, f in PATTERNS]
    assert got == expected and not again.new  # every program came from the file
    for g, w in zip(got, expected, strict=True):
        assert g.groupindex == w.groupindex and g.groups == w.groups
    assert path.exists()


def test_lazy_programs_of_two_processes_are_merged(cache):
    a, b = compiled._LazyPrograms("lazy"), compiled._LazyPrograms("lazy")
    a.compile(*PATTERNS[0])
    b.compile(*PATTERNS[1])
    a.save()
    b.save()  # written after a's: a's program is kept too
    c = compiled._LazyPrograms("lazy")
    c._load()
    assert {PATTERNS[0][0], PATTERNS[1][0]} <= {p for p, _ in c.table}


def test_lazy_programs_without_a_cache_still_compile(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCKETGRAPH_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lazy = compiled._LazyPrograms("lazy")
    assert [lazy.compile(p, f) for p, f in PATTERNS] == [re.compile(p, f) for p, f in PATTERNS]
    lazy.save()
    assert not any(tmp_path.rglob("*.marshal"))


# --- data derived from installed packages ------------------------------------------------


def _package(tmp_path, monkeypatch, text: str = "X = 1\n"):
    root = tmp_path / "site"
    (root / "dgfakepkg").mkdir(parents=True, exist_ok=True)
    (root / "dgfakepkg" / "__init__.py").write_text(text)
    monkeypatch.syspath_prepend(str(root))
    return root / "dgfakepkg" / "__init__.py"


def test_remembered_data_built_once_then_read(cache, tmp_path, monkeypatch):
    _package(tmp_path, monkeypatch)
    calls = []

    def build():
        calls.append(1)
        return [("F.3d", True, 12, ("f.3d",))], frozenset({"wl", "f."})

    first = compiled.remembered_data("t", ("dgfakepkg",), build)
    second = compiled.remembered_data("t", ("dgfakepkg",), build)
    assert first == second == build() and len(calls) == 2  # the second call read the file
    assert len(list(cache.glob("data-t-*.marshal"))) == 1


def test_remembered_data_follows_the_package(cache, tmp_path, monkeypatch):
    """Another version of the package (a file changed) gets its own file: its data is built again."""
    init = _package(tmp_path, monkeypatch)
    assert compiled.remembered_data("t", ("dgfakepkg",), lambda: "old") == "old"
    init.write_text("X = 22\n")
    assert compiled.remembered_data("t", ("dgfakepkg",), lambda: "new") == "new"
    assert len(list(cache.glob("data-t-*.marshal"))) == 2


def test_remembered_data_damaged_or_missing_package_builds(cache, tmp_path, monkeypatch):
    _package(tmp_path, monkeypatch)
    compiled.remembered_data("t", ("dgfakepkg",), lambda: "v")
    (path,) = cache.glob("data-t-*.marshal")
    path.write_bytes(b"\x00garbage" * 10)
    assert compiled.remembered_data("t", ("dgfakepkg",), lambda: "v2") == "v2"
    assert compiled.remembered_data("t", ("no_such_package_dg",), lambda: "v3") == "v3"


# --- courts-db answers ------------------------------------------------------------------


def test_court_answers_remembered_across_processes(cache, monkeypatch):
    """A court name is asked of courts-db once; a later process (a new table) reads the
    answer from the file. A call that raises is not remembered."""
    import courts_db

    asked = []

    def fake_find_court(court_str, **kwargs):
        asked.append((court_str, kwargs))
        if court_str == "boom":
            raise ValueError("courts-db failed")
        return ["ilnd"] if kwargs.get("bankruptcy") is False else ["ilnd", "ilnb"]

    monkeypatch.setattr(courts_db, "find_court", fake_find_court)
    monkeypatch.setattr(compiled, "load_courts_db", lambda: None)
    name = "United States District Court for the Northern District of Illinois"
    first = compiled._CourtAnswers()
    assert first.find(name, {"bankruptcy": False}) == ["ilnd"]
    assert first.find(name, {"bankruptcy": True}) == ["ilnd", "ilnb"]
    assert first.find(name, {"bankruptcy": False}) == ["ilnd"]
    assert len(asked) == 2
    later = compiled._CourtAnswers()
    assert later.find(name, {"bankruptcy": False}) == ["ilnd"]
    assert later.find(name, {"bankruptcy": True}) == ["ilnd", "ilnb"]
    assert len(asked) == 2
    for _ in range(2):
        with pytest.raises(ValueError):
            later.find("boom", {})
    assert len(asked) == 4
    # a caller changing the list it got does not change the remembered answer
    later.find(name, {"bankruptcy": False}).append("x")
    assert later.find(name, {"bankruptcy": False}) == ["ilnd"]


@pytest.mark.slow  # builds courts-db's regex table
def test_court_answers_equal_courts_db(cache):
    """The remembered answers are courts-db's own, for the names the court rules ask about
    (every state and direction, district and bankruptcy) and for state courts with a location."""
    import courts_db

    from docketgraph.ingest.fields.courts import STATES

    asks = []
    for state in STATES:
        for where in (f"District of {state}", *(f"{d} District of {state}" for d in
                                                  ("Northern", "Southern", "Eastern", "Western", "Middle", "Central"))):
            asks.append((f"United States District Court for the {where}", {"bankruptcy": False}))
            asks.append((f"United States Bankruptcy Court for the {where}", {"bankruptcy": True}))
    asks += [("Superior Court of New Jersey", {"bankruptcy": False, "location": "New Jersey"}),
             ("Court of Appeals of Ohio", {"bankruptcy": False, "location": "Ohio"}),
             ("United States Tax Court", {})]
    for table in (compiled._CourtAnswers(), compiled._CourtAnswers()):  # computed, then read back
        for court_str, kwargs in asks:
            assert sorted(table.find(court_str, kwargs)) == sorted(courts_db.find_court(court_str, **kwargs))
