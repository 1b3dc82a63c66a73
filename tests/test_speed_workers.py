"""Worker pool with jobs sent ahead, and the extractors preloaded before forking.

Each worker holds up to ``workers.PREFETCH`` jobs; when one is stopped (time limit) or
dies, the jobs queued behind it go to its replacement, and every path gets exactly one
outcome. ``warm_up`` fills caches only: extractions after it equal those of a fresh
process.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from docketgraph.queries import workers

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow  # worker processes


def job(path: str) -> workers.Outcome:
    if path.startswith("slow"):
        time.sleep(60)
    if path.startswith("boom"):
        raise SystemExit(9)
    return workers.Outcome(path, extraction=f"ok:{path}", text="")


# (paths, jobs, depth, paths that fail with this text in the error)
ROWS = [
    (["slow", "a", "b", "c"], 1, 2, {"slow": "longer than 2s"}),
    (["a", "slow", "b", "c", "d"], 1, 3, {"slow": "longer than 2s"}),
    (["boom", "a", "b"], 1, 2, {"boom": "worker died"}),
    (["a", "boom", "b", "slow", "c", "d", "e"], 2, 2,
     {"boom": "worker died", "slow": "longer than 2s"}),
    ([f"f{i}" for i in range(40)], 2, 2, {}),
    ([f"f{i}" for i in range(7)], 3, 1, {}),
    (["a"], 4, 5, {}),
]


@pytest.mark.parametrize("paths,jobs,depth,failing", ROWS)
def test_every_path_gets_one_outcome(paths, jobs, depth, failing):
    got = list(workers.run(paths, jobs=jobs, timeout=2, depth=depth, func=job))
    assert sorted(o.path for o in got) == sorted(paths)
    for o in got:
        if o.path in failing:
            assert o.error and failing[o.path] in o.error and o.path in o.error
        else:
            assert o.error is None and o.extraction == f"ok:{o.path}"


@pytest.mark.parametrize("jobs,depth", [(1, 1), (1, 2), (2, 2), (3, 1)])
def test_paths_are_read_as_jobs_are_needed(jobs, depth):
    """A generator of paths is read a few at a time: when the first outcome comes, at
    most the jobs in flight and one refill have been taken from it."""
    taken = []

    def source():
        for i in range(30):
            taken.append(i)
            yield f"f{i}"

    gen = workers.run(source(), jobs=jobs, depth=depth, func=job)
    first = next(gen)
    assert first.error is None
    assert len(taken) <= 2 * jobs * depth
    rest = list(gen)
    assert sorted(o.path for o in [first, *rest]) == sorted(f"f{i}" for i in range(30))
    assert len(taken) == 30


def test_no_paths_start_no_worker():
    assert list(workers.run(iter(()), jobs=2, func=job)) == []


def marking(path: str) -> workers.Outcome:
    Path(path + ".started").write_text("")
    return workers.Outcome(path, extraction="ok", text="")


@pytest.mark.parametrize("depth,ahead", [(1, 0), (2, 1), (3, 2)])
def test_worker_goes_on_while_the_caller_holds_an_outcome(tmp_path, depth, ahead):
    """While the caller handles the first outcome (writes it to the store) and asks for
    nothing, the worker starts the jobs sent ahead to it, and no more."""
    paths = [str(tmp_path / f"p{i}") for i in range(6)]
    gen = workers.run(paths, jobs=1, depth=depth, func=marking)
    first = next(gen)
    assert first.path == paths[0]
    want = {paths[0], *paths[1:1 + ahead]}
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and \
            {p for p in paths if Path(p + ".started").exists()} != want:
        time.sleep(0.05)
    time.sleep(0.3)  # a job beyond the ones sent ahead would have started by now
    assert {p for p in paths if Path(p + ".started").exists()} == want
    rest = [o.path for o in gen]
    assert rest == paths[1:]


SAMPLES = sorted(p for p in (ROOT / "samples").glob("*.txt"))


def test_warm_up_changes_no_extraction():
    from docketgraph.ingest import extract_file
    from docketgraph.ingest.extract import warm_up

    code = ("import json, sys; from docketgraph.ingest import extract_file; "
            "print(json.dumps([extract_file(p).to_gold(provenance=True) for p in sys.argv[1:]]))")
    fresh = subprocess.run([sys.executable, "-c", code, *map(str, SAMPLES)], capture_output=True,
                           text=True, check=True).stdout
    warm_up()
    warm = json.dumps([extract_file(p).to_gold(provenance=True) for p in SAMPLES])
    assert len(SAMPLES) >= 3
    assert json.loads(fresh) == json.loads(warm)
