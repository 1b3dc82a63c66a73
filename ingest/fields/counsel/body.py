"""Counsel family: statements in an order's body and labelled fields.

"Plaintiff's counsel Epstein Drengel", "Firm LLP, counsel for Plaintiff", "X, Esq., of the law
firm Y LLP", "X, counsel for Plaintiff", a tracker's "Law firm:" field.
"""
from __future__ import annotations

import re

from docketgraph.graph.names import clean_space
from docketgraph.ingest.fields import scan
from docketgraph.ingest.fields.counsel.common import (
    _Acc, _LO, _UP, _party_names_for, _plausible_person,
)
from docketgraph.ingest.fields.firms import has_legal_suffix, looks_like_firm, match_firm
from docketgraph.graph.names import person_name

# named patterns of the rules below
# an initial in a name ("Owen B. Castellano")
_INITIAL_RE = re.compile(r"\b[A-Z]\.")
# where a glossary row's firm name ends (an address number, a column gap)
_GLOSSARY_CELL_END_RE = re.compile(r",[ \t]*(?=\d)|[ \t]{3,}")
# a firm's name up to its legal form
_FIRM_TO_SUFFIX_RE = re.compile(r"^(.{2,80}?(?:LLP|L\.L\.P\.|LLC|L\.L\.C\.|PLLC|Ltd\.|LTD\.|P\.C\.|P\.A\.))(?=,|$)")


_BODY_COUNSEL_RE = re.compile(
    r"(?<![A-Za-z])(?P<side>Plaintiffs?|Defendants?|Petitioners?|Respondents?)['’]?s?['’]?[ \t]+counsel,?[ \t]+"
    r"(?P<firm>[A-Z][A-Za-z&'’.\-]{0,30}(?:,?[ \t]+(?:&[ \t]+)?[A-Z][A-Za-z&'’.\-]{0,30}){0,5}(?:,?[ \t]+"
    r"(?:LLP|LLC|PLLC|Ltd\.|P\.C\.|P\.A\.))?)"
    r"|(?<![A-Za-z&'’.\-])(?P<firm2>[A-Z][A-Za-z&'’.\-]{0,30}(?:,?[ \t]+(?:&[ \t]+)?[A-Z][A-Za-z&'’.\-]{0,30}){0,6}),?[ \t]+"
    r"(?:(?:is|are|as)[ \t]+)?(?:counsel|attorneys)[ \t]+(?:of[ \t]+record[ \t]+)?for[ \t]+(?:the[ \t]+)?"
    r"(?P<side2>Plaintiffs?|Defendants?|Petitioners?|Respondents?)\b"
)


_REPRESENTED_BY_FIRM_RE = re.compile(
    r"(?<![A-Za-z])(?P<side>Plaintiffs?|Defendants?|Petitioners?|Respondents?)[ \t]+(?:is|are|was|were)[ \t]+"
    r"represented[ \t]+by[ \t]+(?:counsel[ \t]+(?:at|from)[ \t]+|the[ \t]+law[ \t]+firm[ \t]+of[ \t]+)?"
    r"(?P<firm>[A-Z][A-Za-z&'’.\-]{0,30}(?:,?[ \t]+(?:&[ \t]+)?[A-Z][A-Za-z&'’.\-]{0,30}){0,5}"
    r"(?:,?[ \t]+(?:LLP|LLC|PLLC|Ltd\.|P\.C\.|P\.A\.))?)")


_WRAP = r"(?:[ \t]{1,3}|[ \t]{0,3}\n[ \t]{0,12})"  # a space, or one wrapped line break


_PROSE_NAME = (rf"(?P<name>(?:[{_UP}]\.{_WRAP})?[{_UP}][{_LO}'’\-]{{1,24}}(?:{_WRAP}(?:[{_UP}]\.|[{_UP}][{_LO}'’\-]{{1,24}})){{1,3}}"
               r"(?:,[ \t]Jr\.|,[ \t]Sr\.)?)")


_PROSE_COUNSEL_RE = re.compile(
    rf"(?<![\w.]){_PROSE_NAME},?(?:Esq\.,?)?"
    rf"{_WRAP}(?:(?:local|lead|trial){_WRAP})?(?:counsel|attorney){_WRAP}for{_WRAP}(?:the{_WRAP})?"
    r"(?P<side>Plaintiffs?|Defendants?|(?-i:[A-Z][\w&'’.\-]{1,30}(?:[ \t][A-Z][\w&'’.\-]{1,30}){0,4}))\b")


_LAW_FIRM_OF_RE = re.compile(
    rf"{_PROSE_NAME},?(?:{_WRAP}Esq\.,?)?{_WRAP}of{_WRAP}(?:the{_WRAP}law{_WRAP}firm(?:{_WRAP}of)?{_WRAP})"
    r"(?P<firm>[A-Z][A-Za-z&'’.\-]{0,30}(?:,?(?:[ \t]|[ \t]?\n[ \t]{0,12})(?:&[ \t]+)?[A-Z][A-Za-z&'’.\-]{0,30}){0,5}"
    r",?[ \t]+(?:LLP|LLC|PLLC|Ltd\.|P\.C\.|P\.A\.))")


# Each pattern tried only near a word every match of it holds (scan.Near; the same matches
# as finditer over the whole text).
_SIDES = r"Plaintiff|Defendant|Petitioner|Respondent"
# "Plaintiffs are represented by": the side word opens the match
_REPRESENTED_BY_FIRM_NEAR = scan.Near(_REPRESENTED_BY_FIRM_RE, _SIDES, 0)
# "Plaintiff's counsel X" / "Acme & Roe, LLP, is counsel for Plaintiff": a capitalised word at
# most 14 words before "counsel"/"attorneys" on its line (seven name words, six "&", "is")
_BODY_COUNSEL_NEAR = scan.Near(_BODY_COUNSEL_RE, r"counsel|attorneys",
                               lambda text, i: scan.words_back(text, i, 14), first=r"[A-Z]")
# "Owen B. Castellano, counsel for Plaintiff": bounded, searched around each "counsel"
_PROSE_COUNSEL_NEAR = scan.Near(_PROSE_COUNSEL_RE, r"counsel|attorney", scan.reach(_PROSE_COUNSEL_RE),
                                bounded=True)
# "X, Esq., of the law firm Y LLP": only a text that says "law firm" is scanned
_LAW_FIRM_OF_NEAR = scan.Near(_LAW_FIRM_OF_RE, r"law" + _WRAP + "firm", None)


def _prose_counsel(text: str, acc: _Acc) -> None:
    """Prose naming counsel: "conferred with Owen B. Castellano, counsel for Plaintiff";
    "Walter H. Brandt, Esq., of the law firm Kessler Brandt Yi LLP" (attorney and firm)."""
    for m in _LAW_FIRM_OF_NEAR.matches(text):
        nm = clean_space(m.group("name"))
        if not _plausible_person(person_name(nm)):
            continue
        firm = acc.firm(clean_space(m.group("firm")), m.span("firm"))
        acc.attorney(nm, m.span("name"), firm=firm)
    for m in _PROSE_COUNSEL_NEAR.matches(text):
        nm = clean_space(m.group("name"))
        if not _plausible_person(person_name(nm)) or not _INITIAL_RE.search(nm):
            continue  # a full name with an initial: "Owen B. Castellano"
        acc.attorney(nm, m.span("name"), represents=_party_names_for(m.group("side"), acc.parties))


def _body_statements(text: str, acc: _Acc) -> None:
    for m in _REPRESENTED_BY_FIRM_NEAR.matches(text):
        raw = m.group("firm").rstrip(",")
        if match_firm(raw, text) is None and not has_legal_suffix(raw):
            continue
        acc.firm(raw, m.span("firm"), _party_names_for(m.group("side"), acc.parties))
    for m in _BODY_COUNSEL_NEAR.matches(text):
        raw = m.group("firm") or m.group("firm2")
        side = (m.group("side") or m.group("side2") or "").lower()
        span = m.span("firm") if m.group("firm") else m.span("firm2")
        words = raw.split()
        # drop trailing words that are not part of a name ("Epstein Drengel Decl.")
        while words and words[-1].rstrip(".,") in ("Decl", "Declaration", "Aff", "Affidavit", "The", "In"):
            words.pop()
        while words and words[0] in ("The", "And", "As", "By"):
            words.pop(0)
        raw = " ".join(words)
        if not raw:
            continue
        hit = match_firm(raw, text)
        if hit is None and not has_legal_suffix(raw):
            continue
        reps = _party_names_for(side, acc.parties)
        start = text.find(raw, span[0], span[1] + 1)
        acc.firm(raw, (start, start + len(raw)) if start >= 0 else span, reps)


_LABEL_RE = re.compile(
    r"^[ \t]*(?P<label>Law[ \t]+Firm|Firm|(?:Plaintiff|Defendant)s?['’]?s?[ \t]+(?:Law[ \t]+)?(?:Firm|Counsel)|"
    r"Counsel[ \t]+for[ \t]+(?:the[ \t]+)?(?:Plaintiff|Defendant)s?|代理律所|律所|律师事务所)"
    r"(?:[ \t]*[:：][ \t]*|[ \t]{3,40}|\t)(?P<firm>[^\s:：][^\n]{1,120})$", re.M)


def _labelled(text: str, acc: _Acc) -> None:
    for m in _LABEL_RE.finditer(text):
        # a glossary row: "Plaintiff's Counsel    Tovar Lindqvist LLP, 1185 Avenue of ..."
        raw = _GLOSSARY_CELL_END_RE.split(m.group("firm").strip())[0].strip(" ,;")
        sm = _FIRM_TO_SUFFIX_RE.match(raw)
        if sm:
            raw = sm.group(1)
        hit = match_firm(raw, text)
        if hit is None and not looks_like_firm(raw):
            continue
        side = "defendant" if m.group("label").lower().startswith(("defendant", "counsel for defendant",
                                                                   "counsel for the defendant")) else "plaintiff"
        reps = [p.name for p in acc.parties if p.role == side]
        start = m.start("firm") + m.group("firm").find(raw)
        acc.firm(raw, (start, start + len(raw)), reps)
