"""A time limit for a test (SIGALRM), so a catastrophic regular expression fails the
test instead of hanging the run. CPython's ``re`` checks for signals while it matches,
so the alarm interrupts a runaway match. Where SIGALRM does not exist (Windows) the
limit is not enforced."""
from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator


class TimeLimitExceeded(Exception):
    """The code under a time limit ran longer than it was allowed."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise TimeLimitExceeded(f"ran longer than {seconds:g} s (a runaway regular expression?)")

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
