"""Shared fixtures: paths to the real filings in ../shared (skipped cleanly outside CI)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from limits import time_limit

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


def _need_shared() -> Path:
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("../shared is missing under CI")
        pytest.skip("../shared not present beside the project")
    return SHARED


@pytest.fixture(scope="session")
def shared() -> Path:
    return _need_shared()


@pytest.fixture(scope="session")
def seeds_dir(shared: Path) -> Path:
    return shared / "seeds"


@pytest.fixture(scope="session")
def dev_dir(shared: Path) -> Path:
    return shared / "corpus" / "dev"


# Property tests run the same examples on every machine, so a CI run is reproducible.
try:
    from hypothesis import settings as _hsettings

    _hsettings.register_profile("docketgraph", derandomize=True, deadline=None)
    _hsettings.load_profile("docketgraph")
except ImportError:  # pragma: no cover
    pass


@pytest.fixture(autouse=True)
def _time_limit(request):
    """``@pytest.mark.time_limit(SECONDS)``: the test fails when it runs longer."""
    marker = request.node.get_closest_marker("time_limit")
    if marker is None:
        yield
        return
    with time_limit(float(marker.args[0])):
        yield


#: fixtures that read the real corpora beside the project (../shared): a test using one is slow
_CORPUS_FIXTURES = {"shared", "seeds_dir", "dev_dir"}


def pytest_collection_modifyitems(config, items):
    """Tests that read the real corpora, drive a browser or a SPARQL server are ``slow``
    besides their own markers, so ``pytest -m "not slow"`` is the fast loop; other slow
    tests carry ``@pytest.mark.slow`` where they are written."""
    for item in items:
        if (_CORPUS_FIXTURES & set(getattr(item, "fixturenames", ()))
                or item.get_closest_marker("browser") or item.get_closest_marker("server")):
            item.add_marker(pytest.mark.slow)
