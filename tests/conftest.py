"""Shared fixtures: paths to the real filings in ../shared (skipped cleanly outside CI)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

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
