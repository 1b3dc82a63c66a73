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


def _write(path: Path, programs: list[tuple]) -> None:
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


def load_courts_db() -> None:
    """Have courts-db build its regex table (lazily computed on first use, about 8,400
    patterns) with the engine programs kept on disk."""
    import courts_db

    if "regexes" not in vars(courts_db):
        with remembered_programs("courts-db"):
            courts_db.regexes  # noqa: B018 - courts-db builds the table on first access


def find_court(court_str: str, **kwargs: object) -> list[str]:
    """``courts_db.find_court``, its regex table read through the cache."""
    import courts_db

    load_courts_db()
    return courts_db.find_court(court_str, **kwargs)  # type: ignore[no-any-return]
