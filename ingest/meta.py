"""Document kind and filing date."""
from __future__ import annotations


def find_kind(text: str) -> str:
    return "other"


def find_filed(text: str) -> str | None:
    return None
