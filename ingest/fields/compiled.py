"""Regular expressions' compiled programs, kept on disk between runs.

A process's first extraction compiles thousands of regular expressions: courts-db's court
names (about 8,400 patterns, compiled on first use), eyecite's reporters and the field
rules' own. Python compiles a pattern in two steps: parsing it and generating the regex
engine's program (pure Python, most of the time), then handing that program to the
engine (``_sre.compile``, fast). ``remembered_programs`` keeps the programs made while a
block runs in a file under the user's cache folder, so a later process only does the
second step. It is a memo of a pure function: a program is looked up by its pattern and
flags, in a file named for the Python version and the engine's version (``_sre.MAGIC``),
and added only once checked equal (pattern, flags and program) to what the engine's own
compile step gives. The file is written atomically in ``marshal`` format (strings,
numbers, bytes, lists and dicts: reading it cannot run code) after a SHA-256 of its
content, so a damaged file is never read. Anything unusual — no cache
folder, an unreadable or damaged file, another Python — falls back on compiling: the
patterns are the same either way, only slower to make.

``DOCKETGRAPH_CACHE`` names the cache folder (``off`` turns the cache off); otherwise
``$XDG_CACHE_HOME/docketgraph`` or ``~/.cache/docketgraph``.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import re
import sys
import tempfile
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

_FORMAT = 1  # bumped when the file's layout changes
_DEBUG = int(re.DEBUG)
_MAX_REMEMBERED = 40_000  # a file holding more starts again from this run's programs
# the array type of one word of a regex program (the engine's words are 4 bytes)
_CODE = "I" if array("I").itemsize == 4 else "L"


def cache_dir() -> Path | None:
    """The folder for docketgraph's caches, or None when turned off."""
    env = os.environ.get("DOCKETGRAPH_CACHE")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "no") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "docketgraph"


def _engine() -> tuple[object, object, object] | None:
    """(parser, compiler, _sre) of this Python's regex engine, or None if its layout is
    not the one known here."""
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:  # before Python 3.11 the modules had other names
        return None
    if not all(hasattr(m, n) for m, n in ((_parser, "parse"), (_compiler, "_code"), (_sre, "compile"))):
        return None
    return _parser, _compiler, _sre


def _engine_compile() -> Callable[..., re.Pattern[str]] | None:
    engine = _engine()
    return None if engine is None else engine[1].compile  # type: ignore[attr-defined,no-any-return]


# the engine's own compile step, whatever stands in for it while a block runs
_ENGINE_COMPILE = _engine_compile()


def _program(pattern: str, flags: int) -> tuple:
    """What ``re.compile`` hands the engine for ``pattern``: the same steps as
    ``re._compiler.compile``."""
    engine = _engine()
    assert engine is not None
    parser, compiler, _ = engine
    p = parser.parse(pattern, flags)  # type: ignore[attr-defined]
    code = compiler._code(p, flags)  # type: ignore[attr-defined]
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    program = array(_CODE, [int(c) for c in code])
    return (
        pattern,
        int(flags | p.state.flags),
        program.tobytes(),
        int(p.state.groups - 1),
        groupindex,
        tuple(indexgroup),
    )


def _rebuild(program: tuple) -> re.Pattern[str]:
    import _sre

    pattern, flags, code, groups, groupindex, indexgroup = program
    words = array(_CODE)
    words.frombytes(code)
    return _sre.compile(pattern, flags, words.tolist(), groups, groupindex, indexgroup)  # type: ignore[no-any-return]


def _digest(name: str) -> str:
    import _sre

    key = f"{_FORMAT}\0{name}\0{sys.version}\0{sys.implementation.name}\0{_sre.MAGIC}\0{_sre.CODESIZE}"
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def _write(path: Path, programs: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regex-", suffix=".tmp")
    try:
        data = marshal.dumps(programs)
        with os.fdopen(fd, "wb") as fh:
            fh.write(hashlib.sha256(data).digest() + data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class _ProgramMemo:
    """Stands in for ``re._compiler.compile`` while ``remembered_programs`` runs: a string
    pattern whose program is in the table is handed straight to the engine; any other is
    compiled the usual way and its program added to the table."""

    def __init__(self, original: Callable[..., re.Pattern[str]], table: dict[tuple[str, int], tuple]):
        self.original = original
        self.table = table
        self.new: dict[tuple[str, int], tuple] = {}

    def __call__(self, p: object, flags: int = 0) -> re.Pattern[str]:
        if type(p) is not str or flags & _DEBUG:
            return self.original(p, flags)
        key = (p, int(flags))
        prog = self.table.get(key)
        if prog is None:
            prog = _program(p, int(flags))
            self.new[key] = prog
            self.table[key] = prog
        return _rebuild(prog)


@contextmanager
def remembered_programs(name: str) -> Iterator[None]:
    """While the block runs, every regular expression compiled from a string takes its
    engine program from the cache file ``name`` (and new ones are added to it when the
    block ends): a memo of a pure function, keyed on the pattern, its flags, the Python
    version and the engine's version. A program is added only once it is checked equal
    to what ``re.compile`` gives."""
    folder = cache_dir()
    engine = _engine()
    if (
        folder is None
        or engine is None
        or sys.implementation.name != "cpython"
        or array(_CODE).itemsize != getattr(engine[2], "CODESIZE", 0)
    ):
        yield
        return
    compiler = engine[1]
    path = folder / f"regex-{name}-{_digest(name)}.marshal"
    table: dict[tuple[str, int], tuple] = {}
    try:
        data = path.read_bytes()
        if hashlib.sha256(data[32:]).digest() != data[:32]:
            raise ValueError("checksum differs")
        for prog in marshal.loads(data[32:]):
            table[(prog[0], prog[-1])] = tuple(prog[:-1])
    except FileNotFoundError:
        pass
    except Exception:  # damaged or foreign file: start again
        log.debug("regex cache %s unreadable", path, exc_info=True)
        table = {}
    original = compiler.compile  # type: ignore[attr-defined]
    memo = _ProgramMemo(original, table)
    compiler.compile = memo  # type: ignore[attr-defined]
    try:
        yield
    finally:
        compiler.compile = original  # type: ignore[attr-defined]
    if not memo.new:
        return
    try:
        keep = {k: v for k, v in memo.new.items() if _rebuild(v) == _ENGINE_COMPILE(k[0], k[1])}
        if len(table) > _MAX_REMEMBERED:  # a runaway table starts again
            table = keep
        rows = [(*prog, key[1]) for key, prog in table.items() if key not in memo.new or key in keep]
        _write(path, rows)
    except Exception:
        log.debug("regex cache %s not written", path, exc_info=True)


def _read(path: Path) -> object:
    """The value kept in ``path`` by ``_write`` (raises on a missing or damaged file)."""
    data = path.read_bytes()
    if hashlib.sha256(data[32:]).digest() != data[:32]:
        raise ValueError("checksum differs")
    return marshal.loads(data[32:])


def _package_digest(*packages: str) -> str | None:
    """A digest of the installed files (names, sizes, modification times) of ``packages``,
    found without importing them; None when one is not installed."""
    import importlib.util

    h = hashlib.sha256(f"{_FORMAT}\0{sys.version}\0{sys.implementation.name}".encode())
    for name in packages:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            return None
        if spec is None or not spec.submodule_search_locations:
            return None
        for root in spec.submodule_search_locations:
            for folder, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__")
                for f in sorted(files):
                    if f.endswith((".pyc", ".pyo")):
                        continue
                    st = os.stat(os.path.join(folder, f))
                    h.update(f"{os.path.relpath(os.path.join(folder, f), root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:24]


def remembered_data(name: str, packages: tuple[str, ...], build: Callable[[], object]) -> object:
    """``build()``, a pure function of the installed ``packages`` (reference data derived
    from them), kept on disk in ``marshal`` format under a name carrying a digest of those
    packages' files: a later process reads it instead of importing the packages and
    building it again. Anything unusual (no cache folder, a damaged file, a value marshal
    cannot write) falls back on ``build()``."""
    folder = cache_dir()
    digest = _package_digest(*packages) if folder is not None else None
    if folder is None or digest is None:
        return build()
    path = folder / f"data-{name}-{digest}.marshal"
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    except Exception:  # damaged: build it again
        log.debug("data cache %s unreadable", path, exc_info=True)
    value = build()
    try:
        _write(path, value)  # type: ignore[arg-type]
    except Exception:
        log.debug("data cache %s not written", path, exc_info=True)
    return value


class _LazyPrograms:
    """Engine programs of patterns compiled one at a time as a process meets them (a
    reporter's regex the first time a filing cites it), read from and added to the cache
    file ``name`` (the same layout as ``remembered_programs``)."""

    def __init__(self, name: str):
        self.name = name
        self.table: dict[tuple[str, int], tuple] | None = None
        self.new: dict[tuple[str, int], tuple] = {}
        self.path: Path | None = None

    def _load(self) -> dict[tuple[str, int], tuple]:
        table: dict[tuple[str, int], tuple] = {}
        folder = cache_dir()
        engine = _engine()
        if (folder is not None and engine is not None and sys.implementation.name == "cpython"
                and array(_CODE).itemsize == getattr(engine[2], "CODESIZE", 0)):
            self.path = folder / f"regex-{self.name}-{_digest(self.name)}.marshal"
            try:
                for prog in _read(self.path):  # type: ignore[attr-defined]
                    table[(prog[0], prog[-1])] = tuple(prog[:-1])
            except FileNotFoundError:
                pass
            except Exception:
                log.debug("regex cache %s unreadable", self.path, exc_info=True)
                table = {}
        self.table = table
        return table

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        table = self.table if self.table is not None else self._load()
        if self.path is None:
            return re.compile(pattern, flags)
        key = (pattern, int(flags))
        prog = table.get(key)
        if prog is None:
            rx = re.compile(pattern, flags)
            prog = _program(pattern, int(flags))
            if _rebuild(prog) != rx:  # not what the engine's own compile gives: never kept
                return rx
            table[key] = self.new[key] = prog
            return rx
        return _rebuild(prog)

    def save(self) -> None:
        """Add the programs made since the last save to the file (merged with what other
        processes wrote meanwhile)."""
        if not self.new or self.path is None:
            return
        new, self.new = self.new, {}
        try:
            rows: dict[tuple[str, int], tuple] = {}
            try:
                for prog in _read(self.path):  # type: ignore[attr-defined]
                    rows[(prog[0], prog[-1])] = tuple(prog[:-1])
            except Exception:
                rows = {}
            if len(rows) > _MAX_REMEMBERED:
                rows = {}
            rows.update(new)
            _write(self.path, [(*prog, key[1]) for key, prog in rows.items()])
        except Exception:
            log.debug("regex cache %s not written", self.path, exc_info=True)


_LAZY: dict[tuple[str, str], _LazyPrograms] = {}


def lazy_programs(name: str) -> _LazyPrograms:
    """The process's table of lazily compiled patterns kept in the cache file ``name`` (of
    the cache folder in force)."""
    key = (str(cache_dir()), name)
    lazy = _LAZY.get(key)
    if lazy is None:
        lazy = _LAZY[key] = _LazyPrograms(name)
    return lazy


def load_courts_db() -> None:
    """Have courts-db build its regex table (lazily computed on first use, about 8,400
    patterns) with the engine programs kept on disk."""
    import courts_db

    if "regexes" not in vars(courts_db):
        with remembered_programs("courts-db"):
            courts_db.regexes  # noqa: B018 - courts-db builds the table on first access


class _CourtAnswers:
    """``courts_db.find_court``'s answers kept on disk, in a file named for a digest of the
    installed courts-db: a memo of a pure function of the court string, the arguments and
    courts-db's data. A court name met before (in any process) is answered without
    building courts-db's table of 8,400 regexes and trying each of them (about 25 ms a
    name). A call that raises is not remembered."""

    def __init__(self) -> None:
        self.table: dict[str, list[str]] | None = None
        self.path: Path | None = None

    def _load(self) -> dict[str, list[str]]:
        table: dict[str, list[str]] = {}
        folder = cache_dir()
        digest = _package_digest("courts_db") if folder is not None else None
        if folder is not None and digest is not None:
            self.path = folder / f"courts-db-answers-{digest}.marshal"
            try:
                value = _read(self.path)
                if isinstance(value, dict):
                    table = value
            except FileNotFoundError:
                pass
            except Exception:
                log.debug("court answers %s unreadable", self.path, exc_info=True)
        self.table = table
        return table

    def find(self, court_str: str, kwargs: dict[str, object]) -> list[str]:
        table = self.table if self.table is not None else self._load()
        key = repr((court_str, sorted(kwargs.items())))
        hit = table.get(key)
        if hit is not None:
            return list(hit)
        import courts_db

        load_courts_db()
        ids = courts_db.find_court(court_str, **kwargs)
        if self.path is not None and isinstance(ids, list) and all(type(i) is str for i in ids):
            table[key] = list(ids)
            try:
                try:
                    on_disk = _read(self.path)
                except Exception:
                    on_disk = {}
                merged = {**on_disk, **table} if isinstance(on_disk, dict) else dict(table)
                _write(self.path, merged)  # type: ignore[arg-type]
            except Exception:
                log.debug("court answers %s not written", self.path, exc_info=True)
        return ids  # type: ignore[no-any-return]


_COURT_ANSWERS: dict[str, _CourtAnswers] = {}


def find_court(court_str: str, **kwargs: object) -> list[str]:
    """``courts_db.find_court``, its answers remembered on disk (``_CourtAnswers``) and its
    regex table read through the cache when it has to be built. The ids are the same as
    courts-db's, in the order of the call that computed them (courts-db builds the list
    from a set: callers read it as a set, and every caller here does)."""
    key = str(cache_dir())
    answers = _COURT_ANSWERS.get(key)
    if answers is None:
        answers = _COURT_ANSWERS[key] = _CourtAnswers()
    return answers.find(court_str, kwargs)
