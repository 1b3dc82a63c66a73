"""Remembered forms of the name functions of ``docketgraph.graph.names``.

Counsel blocks, captions and judges' lines repeat from filing to filing (the same firm,
lawyers and judges across a case's docket), and the extractors compare each name found
with the ones found before it, so the same strings go through ``person_key``,
``firm_key`` and friends many times. These are pure functions of one string returning a
string: each wrapper remembers the last answers (bounded), and returns exactly what the
function returns.
"""
from __future__ import annotations

from functools import lru_cache

from docketgraph.graph.names import (
    firm_core_key as _firm_core_key, firm_key as _firm_key, person_key as _person_key,
    person_name as _person_name, surname as _surname,
)

__all__ = ["firm_core_key", "firm_key", "person_key", "person_name", "surname"]

_SIZE = 16384

firm_core_key = lru_cache(maxsize=_SIZE)(_firm_core_key)
firm_key = lru_cache(maxsize=_SIZE)(_firm_key)
person_key = lru_cache(maxsize=_SIZE)(_person_key)
person_name = lru_cache(maxsize=_SIZE)(_person_name)
surname = lru_cache(maxsize=_SIZE)(_surname)
