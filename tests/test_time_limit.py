"""The time limit the linear-time tests run under interrupts a runaway regular expression."""
from __future__ import annotations

import re
import signal
import time

import pytest

from limits import TimeLimitExceeded, time_limit

needs_alarm = pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="no SIGALRM on this platform")


@needs_alarm
def test_a_catastrophic_pattern_is_interrupted():
    start = time.monotonic()
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.5):
            re.match(r"(?:a+)+$", "a" * 64 + "!")  # exponential backtracking: years
    assert time.monotonic() - start < 5


@needs_alarm
def test_code_within_the_limit_is_untouched():
    with time_limit(5):
        assert re.match(r"(?:a+)+$", "a" * 64)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@needs_alarm
@pytest.mark.time_limit(0.5)
def test_the_marker_fails_a_test_that_runs_too_long():
    with pytest.raises(TimeLimitExceeded):
        time.sleep(3)
