"""Online marketplaces and payment processors, from the gazetteer in data/platforms.json.

Each gazetteer record is a platform by its brand name ("eBay"), its kind (marketplace,
payment or other: a domain registrar, a social network), the other ways filings write it
("E-bay", "AliExpress.com", "Amazon Payments", "PayPal, Inc."), example sentences that must
resolve to it and, where useful, sentences that must not.

``find_platforms(text)`` lists each platform the text names as a platform, once, with the
spans of its mentions. A mention is dropped when it is only part of the name of the
company that owns or operates a marketplace ("Amazon.com, Inc.", "eBay Inc.", "Alibaba.com
Singapore E-Commerce Pte. Ltd."): the operator is a party, not the platform. For payment
processors the company is the processor, so "PayPal, Inc." names PayPal. Brand names that
are also ordinary words or brands of goods (Wish, Target, Shein, Square...) carry
``"context": true`` and count only where the text treats them as a place to sell or pay
("on Wish", "Wish.com", "the Target Plus marketplace", "Shein, a popular online retailer"),
never as a brand a party owns ("the popular Shein brand").
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from docketgraph.graph.errors import DocketGraphError
from docketgraph.graph.model import PLATFORM_KINDS, PlatformMention
from docketgraph.ingest.fields import chars

log = logging.getLogger(__name__)

__all__ = ["find_platforms", "load_gazetteer", "Platform"]


@dataclass(frozen=True)
class Platform:
    name: str
    kind: str
    aliases: tuple[str, ...]
    context: bool = False
    match_name: bool = True

    def forms(self) -> tuple[str, ...]:
        return ((self.name,) if self.match_name else ()) + self.aliases


_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})

# A company name continuing after the brand and ending in a legal form: the operator.
_OPERATOR_RE = re.compile(
    r"(?:\.com)?,?[ \t]"
    r"(?:(?:[A-Z][\w&'\u2019-]{0,30}|\([A-Z][A-Za-z ]{0,20}\)|E-Commerce|&|and|of)\.?,?[ \t]){0,6}?"
    r"(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|Pte|Pty|Corp|Corporation|Co|Company|"
    r"S\.A|S\.\u00e0 ?r\.l|S\.a\.r\.l|SARL|GmbH|AG|B\.V|PLC|plc|N\.A|LP|L\.P|SIA|Holdings?|Group|"
    r"INC|INCORPORATED|LTD|LIMITED|PTE|CORP|CORPORATION|CO|COMPANY|HOLDINGS?|GROUP)"
    r"(?![A-Za-z])"
)
# A law firm's name: a surname that is also a brand, then a professional firm's form
# ("Zelle LLP", "Square, P.C.", "Stripe & Associates").
_LAW_FIRM_AFTER_RE = re.compile(
    r",?[ \t](?:LLP|L\.L\.P\.|PLLC|P\.L\.L\.C\.|P\.C\.|P\.A\.|(?:&|and)[ \t]Associates|Law[ \t](?:Firm|Group|Offices?))(?![A-Za-z])")
# "SIA Joom", "ContextLogic Inc. d/b/a Wish": a legal form before the brand.
_OPERATOR_BEFORE_RE = re.compile(r"(?:\bSIA|\bd/b/a)[ \t]$")
# What follows a brand that a party owns or sells, rather than a place to sell.
_BRAND_AFTER_RE = re.compile(
    r"^(?:'s)?[ \t]*(?:brand|brands|trademark|trademarks|mark|marks|Marks|logo|\u00ae|\u2122)\b", re.I
)
_CUE_RE = re.compile(
    r"\b(?:platforms?|marketplaces?|market ?place|e-?commerce|retailers?|websites?|web ?sites?|"
    r"apps?|applications?|stores?|storefronts?|shops?|sellers?|merchants?|accounts?|listings?|"
    r"payments?|processors?|registrars?|domains?)\b",
    re.I,
)
_ON_BEFORE_RE = re.compile(
    r"\b(?:on|via|through|from|at|with)[ \t]+(?:the[ \t]+)?"
    r"(?:[A-Z][\w.-]{1,30},?[ \t]+(?:and|or|&)[ \t]+|[A-Z][\w.-]{1,30},[ \t]+){0,4}$"
)
_CUE_WINDOW = 60
# A party in a case name ("Tiffany (NJ) Inc. v. eBay Inc.", "eBay v. MercExchange").
_VERSUS_BEFORE_RE = re.compile(r"\bv(?:s)?\.?[ \t\n]+$")
_VERSUS_AFTER_RE = re.compile(r"(?:\.com)?(?:,?[ \t]+[A-Z][\w.]{0,12}\.?)?,?[ \t\n]+v(?:s)?\.[ \t\n]")


@lru_cache(maxsize=1)
def load_gazetteer() -> tuple[Platform, ...]:
    """The platform records shipped in the package."""
    try:
        raw = resources.files("docketgraph.ingest").joinpath("data/platforms.json").read_text(
            encoding="utf-8")
        records = json.loads(raw)
    except (OSError, ValueError) as exc:  # a broken install, not a user error
        raise DocketGraphError(f"platform gazetteer unreadable: {exc}") from exc
    out = []
    for r in records:
        if r["kind"] not in PLATFORM_KINDS:
            raise DocketGraphError(f"platform {r['name']!r}: unknown kind {r['kind']!r}")
        out.append(Platform(r["name"], r["kind"], tuple(r.get("aliases", ())),
                            bool(r.get("context", False)), bool(r.get("match_name", True))))
    return tuple(out)


@lru_cache(maxsize=1)
def _automaton():
    """Aho-Corasick over the lower-cased forms: one pass over the text for all of them."""
    import ahocorasick

    forms: dict[str, list[tuple[str, Platform]]] = {}
    for p in load_gazetteer():
        for form in p.forms():
            forms.setdefault(form.translate(_LOWER), []).append((form, p))
    auto = ahocorasick.Automaton()
    for key, entries in forms.items():
        auto.add_word(key, (len(key), entries))
    auto.make_automaton()
    return auto


def _boundary_ok(text: str, start: int, end: int, form: str) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before in "_-@":
        return False
    if before == "." and "." not in form:  # "www.ebay.com" yes; "x.Amazon" no
        return False
    if after.isalnum() or after in "_@" or (after == "-" and not form.endswith("-")):
        return False
    if after == "." and end + 1 < len(text) and text[end + 1].isalpha():
        return False  # part of a longer domain or name ("Amazon.community")
    return True


def _case_ok(found: str, form: str) -> bool:
    if found == form:
        return True
    letters = [c for c in found if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters):
        return True  # all-caps headings and captions
    return "." in form and found == found.lower()  # a lower-case domain: "ebay.com"


def _is_operator(text: str, start: int, end: int, p: Platform, form: str) -> bool:
    """The mention is part of a company's name (the operator) or a party in a case name."""
    if _VERSUS_BEFORE_RE.search(text, max(0, start - 6), start) or _VERSUS_AFTER_RE.match(text, end):
        return True
    if _LAW_FIRM_AFTER_RE.match(text, end):
        return True  # a law firm that shares the brand's name ("Zelle LLP"), whatever the kind
    if p.kind == "payment":
        return False
    if _OPERATOR_BEFORE_RE.search(text, max(0, start - 8), start):
        return True
    return _OPERATOR_RE.match(text, end) is not None


def _in_context(text: str, start: int, end: int, form: str, others: list[tuple[int, int]]) -> bool:
    if "." in form or " " in form:
        return True  # a domain or a longer form ("Wish.com", "Target Plus") names the platform
    if _BRAND_AFTER_RE.match(text, end):
        return False
    left = text[max(0, start - _CUE_WINDOW):start]
    right = text[end:end + _CUE_WINDOW]
    if _ON_BEFORE_RE.search(left):
        return True
    # cues within the same sentence
    left = re.split(r"[.;!?]\s", left)[-1]
    right = re.split(r"[.;!?](?:\s|$)", right)[0]
    if _CUE_RE.search(left) or _CUE_RE.search(right):
        return True
    # listed next to another platform: "Amazon and Wish", "Temu and Shein"
    return any(abs(s - end) <= 6 or abs(start - e) <= 6 for s, e in others)


def find_platforms(text: str) -> list[PlatformMention]:
    """Platforms the text names, one entry per brand, in order of first mention."""
    if not text:
        return []
    low = chars.ascii_lower(text)  # ASCII letters only: the offsets stay
    candidates: list[tuple[int, int, str, Platform]] = []
    for end_idx, (length, entries) in _automaton().iter(low):
        start, end = end_idx + 1 - length, end_idx + 1
        found = text[start:end]
        for form, p in entries:
            if _case_ok(found, form) and _boundary_ok(text, start, end, form):
                candidates.append((start, end, form, p))
                break
    # leftmost-longest, no overlaps
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    kept: list[tuple[int, int, str, Platform]] = []
    last_end = -1
    for c in candidates:
        if c[0] >= last_end:
            kept.append(c)
            last_end = c[1]

    plain = [(s, e) for s, e, _, p in kept if not p.context]
    order: list[str] = []
    found_spans: dict[str, list[tuple[int, int]]] = {}
    kinds: dict[str, str] = {}
    for start, end, form, p in kept:
        if _is_operator(text, start, end, p, form):
            continue
        if p.context and not _in_context(text, start, end, form, plain):
            continue
        if p.name not in found_spans:
            order.append(p.name)
            found_spans[p.name] = []
            kinds[p.name] = p.kind
        found_spans[p.name].append((start, end))
    return [PlatformMention(name, kinds[name], tuple(found_spans[name])) for name in order]
