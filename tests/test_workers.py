"""Worker processes: a slow or memory-hungry document is stopped and reported; the rest go on."""
from __future__ import annotations

import time

import pytest

from docketgraph.queries import workers


def slow_or_greedy(path: str) -> workers.Outcome:
    if "slow" in path:
        time.sleep(60)
    if "greedy" in path:
        hog = []
        while True:
            hog.append(bytearray(50 * 1024 * 1024))
    if "boom" in path:
        raise SystemExit(9)
    return workers.Outcome(path, extraction="ok", text="")


@pytest.mark.slow
def test_timeouts_and_memory_limits_are_reported_per_file():
    paths = ["a", "slow", "b", "greedy", "c", "d"]
    got = {o.path: o for o in workers.run(paths, jobs=2, timeout=2, memory=512 * 1024 ** 2,
                                          func=slow_or_greedy)}
    assert set(got) == set(paths)
    assert "longer than 2s" in got["slow"].error
    assert got["greedy"].error  # MemoryError inside the worker or a dead worker
    assert all(got[p].extraction == "ok" for p in "abcd")


def test_real_extraction_errors_name_the_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    [o] = list(workers.run([str(empty)], jobs=1))
    assert o.error and str(empty) in o.error and "empty" in o.error
