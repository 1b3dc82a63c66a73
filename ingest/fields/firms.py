"""Law-firm names: clean-up, canonical form and matching to the reference list.

The reference list (``data/firms.json``) holds records ``{"name", "aliases", "domains",
"examples"}``: the canonical name, other written forms, e-mail domains and strings that
must resolve to the name (tested). ``canonical_firm(raw)`` returns the canonical name and
a short evidence string saying how it was reached:

- an exact match of the name or an alias (case and punctuation ignored);
- a fuzzy match (rapidfuzz) above a high threshold whose distinctive words also match
  one to one (``Epstein Drengel`` -> Epstein Drangel LLP), never on an e-mail domain
  alone (a domain found in ``context_text`` only supports a fuzzy match);
- otherwise the document's own form, office location dropped and capitals in mixed case.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from docketgraph.graph.names import clean_space, firm_core_key, firm_display, firm_key, is_all_caps

__all__ = ["FirmRecord", "load_firms", "canonical_firm", "match_firm", "clean_firm",
           "looks_like_firm", "is_government_office", "has_legal_suffix", "similar_spelling",
           "FUZZY_THRESHOLD"]

FUZZY_THRESHOLD = 88.0

# Words that say "law firm" but do not tell one firm from another.
_GENERIC = {
    "law", "laws", "legal", "firm", "firms", "group", "office", "offices", "associates",
    "associate", "and", "the", "of", "llp", "llc", "pllc", "plc", "ltd", "pc", "pa", "sc",
    "lpa", "chtd", "chartered", "apc", "aplc", "pllp", "lp", "inc", "oc", "attorneys",
    "attorney", "lawyers", "counsel", "counselors", "partners", "ip", "at", "co", "company",
    "professional", "corporation", "international", "intellectual", "property",
}
_LEGAL_SUFFIX_RE = re.compile(
    r"(?:,\s*|\s+)(?:L\.?\s?L\.?\s?P\.?|P\.?\s?L\.?\s?L\.?\s?C\.?|L\.?\s?L\.?\s?C\.?|P\.?\s?L\.?\s?C\.?|"
    r"Ltd\.?|LTD\.?|P\.\s?C\.|PC|P\.\s?A\.|PA|S\.C\.|L\.?P\.?A\.?|Chtd\.?|Chartered|CHARTERED|"
    r"A\.?P\.?L?\.?C\.?|PLLP|O\.C\.)(?=$|[\s,;)])"
)
_FIRM_WORD_RE = re.compile(
    r"\b(?:Law|LAW|Legal|LEGAL|Attorneys|ATTORNEYS|Lawyers|LAWYERS|Counsel|COUNSEL|"
    r"Counselors?|COUNSELORS?|Associates|ASSOCIATES|Advising|ADVISING|Partners|PARTNERS|"
    r"Society|SOCIETY|Foundation|FOUNDATION|Institute|INSTITUTE|Center|CENTER|Clinic|CLINIC|"
    r"Project|PROJECT|Union|UNION|Fund|FUND|Alliance|ALLIANCE|Committee|COMMITTEE)\b"
    r"|[A-Za-z.,]\s&\s[A-Z]"
)
_GOV_ANCHOR_RE = re.compile(
    r"^(?:(?:the\s+)?(?:United States|U\.\s?S\.)\s+Attorney['’]?s['’]?\s+Office|Office\s+of|"
    r"(?:(?:United States|U\.\s?S\.)\s+)?Department\s+of\s+Justice|Federal\s+(?:Community\s+)?"
    r"(?:Public\s+)?Defender|(?:[A-Z][a-z]+\s+){1,2}(?:Attorney\s+General|State['’]s\s+Attorney)"
    r"['’]s\s+Office)",
    re.I,
)


@dataclass(frozen=True)
class FirmRecord:
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def load_firms() -> tuple[FirmRecord, ...]:
    """The reference list shipped in the package."""
    raw = resources.files("docketgraph.ingest").joinpath("data/firms.json").read_text("utf-8")
    return tuple(FirmRecord(r["name"], tuple(r.get("aliases", ())), tuple(r.get("domains", ())),
                            tuple(r.get("examples", ())), tuple(r.get("labels", ())),
                            tuple(r.get("people", ()))) for r in json.loads(raw))


@lru_cache(maxsize=1)
def _labels() -> dict[str, FirmRecord]:
    """Short labels (acronyms, one word of the name) of firms: "GBC", "Keith"."""
    out: dict[str, FirmRecord] = {}
    for rec in load_firms():
        for lab in rec.labels:
            out.setdefault(firm_key(lab), rec)
    return out


def _label_support(rec: FirmRecord, text: str) -> str | None:
    """What in the document ties a short label to its firm: one of the firm's e-mail domains
    or web addresses, or one of its lawyers named in full ("Keith A. Vogt")."""
    low = text.lower()
    for d in rec.domains:
        if "@" + d in low or "." + d in low or "/" + d in low or "www." + d in low:
            return f"e-mail or web domain {d} in the document"
    flat = " ".join(text.split())
    for person in rec.people:
        if re.search(rf"(?<![\w]){re.escape(person)}(?![\w])", flat, re.I):
            return f"lawyer {person} of the firm named in the document"
    return None


def _short_alias(alias: str) -> bool:
    """Acronyms and one-word labels ("GBC", "Keith") match only exactly, never fuzzily."""
    return len(firm_core_key(alias).split()) < 2 or len(alias) <= 4


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, FirmRecord], dict[str, FirmRecord], list[str], list[FirmRecord]]:
    exact: dict[str, FirmRecord] = {}
    core: dict[str, FirmRecord] = {}
    fuzzy_keys: list[str] = []
    fuzzy_recs: list[FirmRecord] = []
    for rec in load_firms():
        for form in (rec.name, *rec.aliases):
            exact.setdefault(firm_key(form), rec)
            ck = firm_core_key(form)
            if not _short_alias(form):
                core.setdefault(ck, rec)
                fuzzy_keys.append(ck)
                fuzzy_recs.append(rec)
    return exact, core, fuzzy_keys, fuzzy_recs


def has_legal_suffix(name: str) -> bool:
    return bool(_LEGAL_SUFFIX_RE.search(name[-14:] if len(name) > 14 else " " + name))


_OFFICE_DASH = re.compile(r"\s+[-–—]\s+[A-Z][A-Za-z.' ]{1,30}$")
_OFFICE_PAREN = re.compile(r"\s*\((?:[A-Z][A-Za-z.' ]{0,30})\)$")
_AFTER_SUFFIX = re.compile(r"^(.{2,200}?(?:LLP|L\.L\.P\.|LLC|L\.L\.C\.|PLLC|P\.L\.L\.C\.|Ltd\.|LTD\.|"
                           r"P\.C\.|P\.A\.))\s+(?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){0,2}$")


# letterhead ornaments printed inside or around a name ("LARSON • KING, LLP")
_ORNAMENT_RE = re.compile(r"[•·◆◇■□▪●○|]")


def clean_firm(raw: str) -> str:
    """A firm name as printed, without markup, office location or trailing punctuation.

    ``"Jones Day - Chicago"`` -> ``"Jones Day"``; ``"Foley & Lardner LLP (DC)"`` ->
    ``"Foley & Lardner LLP"``; ``"Baker Botts L.L.P. San Francisco"`` -> ``"Baker Botts L.L.P."``.
    """
    s = clean_space(_ORNAMENT_RE.sub(" ", raw.replace("*", " ").replace("\u00a0", " "))).strip(" ,;:")
    s = s.replace("’", "'")
    for _ in range(2):
        s = _OFFICE_DASH.sub("", s)
        s = _OFFICE_PAREN.sub("", s)
    m = _AFTER_SUFFIX.match(s)
    if m:
        s = m.group(1)
    return s.strip(" ,;:")


def is_government_office(s: str) -> bool:
    """True for a government law office acting as counsel (U.S. Attorney's Office...)."""
    return bool(_GOV_ANCHOR_RE.match(clean_space(s)))


# lower-case words other than the connectors a firm's name uses ("Law Offices of", "Center for")
_SENTENCE_WORD_RE = re.compile(
    r"(?<![\w'’\-])(?!(?:of|and|the|for|at|in|on|de|del|della|der|la|le|van|von|du|da|di|dos|das|y|e|"
    r"und|a|an|to|professional|corporation|association|limited|liability|company|partnership|law)\b)"
    r"[a-z]{2,}\b(?![.'’\-])")


@lru_cache(maxsize=16384)
def looks_like_firm(s: str) -> bool:
    """Whether a line or list item has the shape of a law firm's name."""
    s = clean_space(s)
    if not s or len(s) > 140 or "@" in s or re.search(r"\d{3}", s):
        return False
    if re.search(r"\b(?:Court|COURT|Judge|JUDGE|Street|Avenue|Suite|Floor|Drive|Road|Boulevard|"
                 r"Plaza|Box|Telephone|Facsimile)\b", s):
        return False
    if len(_SENTENCE_WORD_RE.findall(s)) >= 2:
        return False  # a sentence ("... was responsible for the product decisions")
    if is_government_office(s):
        return True
    if match_firm(s) is not None:
        return True
    if has_legal_suffix(s) and re.match(r"^(?:[a-z]{1,3}(?=[A-Z]))?[A-Z]", s):
        return True
    return bool(_FIRM_WORD_RE.search(s) and re.match(r"^(?:The\s+|THE\s+)?(?:[a-z]{1,3}(?=[A-Z]))?[A-Z]", s))


def _distinctive(key: str) -> list[str]:
    return [w for w in key.split() if w not in _GENERIC and not _generic_typo(w)]


@lru_cache(maxsize=16384)
def _generic_typo(w: str) -> bool:
    """A typo of a generic word ("Frim") is not distinctive either."""
    return len(w) >= 4 and any(len(g) >= 4 and OSA.distance(w, g) <= 1 for g in _GENERIC)


def _tokens_agree(a: list[str], b: list[str]) -> bool:
    """One-to-one agreement of distinctive words: at least one identical, the rest within
    one edit and at least six letters long (short names differ by one letter: Keener/Kenner)."""
    if not a or len(a) != len(b):
        return False
    same = 0
    for x, y in zip(a, b):
        if x == y:
            same += 1
        elif min(len(x), len(y)) < 6 or OSA.distance(x, y) > 1:
            return False
    return same >= 1


def similar_spelling(a: str, b: str) -> bool:
    """Two spellings of one firm's name in one document ("Morrison & Foersterr LLP" and
    "Morrison & Foerster LLP"): same core once typos of one letter in long words are allowed."""
    ka, kb = firm_core_key(a), firm_core_key(b)
    if ka == kb:
        return True
    if fuzz.ratio(ka, kb) < FUZZY_THRESHOLD:
        return False
    return _tokens_agree(_distinctive(ka), _distinctive(kb))


def match_firm(raw: str, context_text: str | None = None) -> tuple[FirmRecord, str] | None:
    """The reference record a firm string names, with how it matched; None when none does."""
    hit = _match_name(clean_firm(raw))
    if hit is None and context_text is not None:
        # a short label ("Keith", "GBC") only with support in the same document
        rec = _labels().get(firm_key(clean_firm(raw)))
        why = _label_support(rec, context_text) if rec is not None else None
        return (rec, f"reference label {clean_firm(raw)!r}; {why}") if why else None
    if hit is None or context_text is None or "fuzzy" not in hit[1]:
        return hit
    rec, how = hit
    low = context_text.lower()
    doms = [d for d in rec.domains if "@" + d in low or "." + d in low or "/" + d in low]
    if doms:
        how += f"; e-mail domain {doms[0]} in the document agrees"
    return rec, how


@lru_cache(maxsize=8192)
def _match_name(s: str) -> tuple[FirmRecord, str] | None:
    if not s:
        return None
    exact, core, fuzzy_keys, fuzzy_recs = _index()
    k = firm_key(s)
    if k in exact:
        rec = exact[k]
        how = "reference name" if firm_key(rec.name) == k else f"reference alias {s!r}"
        return rec, how
    ck = firm_core_key(s)
    if ck in core:
        return core[ck], f"reference name without legal suffix {s!r}"
    if len(ck) < 6 or not fuzzy_keys:
        return None
    best = process.extract(ck, fuzzy_keys, scorer=fuzz.ratio, limit=3,
                           score_cutoff=FUZZY_THRESHOLD)
    mine = _distinctive(ck)
    for cand, score, idx in best:
        rec = fuzzy_recs[idx]
        if not _tokens_agree(mine, _distinctive(cand)):
            continue
        return rec, f"fuzzy match of {s!r} to {rec.name!r} (rapidfuzz ratio {score:.0f})"
    return None


def canonical_firm(raw: str, context_text: str | None = None) -> tuple[str, str | None]:
    """Canonical name of a firm as written, and the evidence for it (None when unchanged).

    ``canonical_firm("Epstein Drengel")`` -> ``("Epstein Drangel LLP", "fuzzy match ...")``;
    ``canonical_firm("MORRIS & MORRIS")`` -> ``("Morris & Morris", None)``.
    """
    s = clean_firm(raw)
    hit = match_firm(s, context_text)
    if hit is not None:
        rec, how = hit
        # a reference name without a known suffix takes the document's suffix
        if not has_legal_suffix(rec.name) and has_legal_suffix(s) \
                and firm_core_key(s) == firm_core_key(rec.name):
            return firm_display(s), None
        if rec.name == s:
            return rec.name, None
        return rec.name, how
    out = firm_display(s)
    if out != s and is_all_caps(s):
        return out, None
    return out, None
