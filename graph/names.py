"""Pure helpers for people's and law firms' names, shared by ingest and graph.

Nothing here reads files or imports from ``ingest`` or ``queries``: these functions
turn a name as a filing prints it into a display form and a matching key.

- ``person_name("HON. PAUL A. ENGELMAYER")`` -> ``"Paul A. Engelmayer"``
- ``person_key("Paul A. Engelmayer")`` -> ``"paul a engelmayer"``
- ``surname("Robert N. Scola, Jr.")`` -> ``"Scola"``
- ``firm_key("Greer, Burns & Crain, Ltd.")`` -> ``"greer burns and crain ltd"``
- ``firm_display("EPSTEIN DRANGEL LLP")`` -> ``"Epstein Drangel LLP"``
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nameparser import HumanName

__all__ = [
    "HONORIFICS", "LEGAL_SUFFIXES", "clean_space", "fix_letterspacing", "is_all_caps",
    "strip_honorifics", "proper_case", "person_name", "person_key", "surname", "given_names",
    "firm_key", "firm_core_key", "firm_display",
]

# Titles and ranks dropped from people's names (matched case-insensitively, whole words).
HONORIFICS = (
    "the honorable", "honorable", "hon", "the hon", "judge", "chief judge", "magistrate judge",
    "chief magistrate judge", "senior judge", "district judge", "circuit judge", "justice",
    "chief justice", "mr", "mrs", "ms", "miss", "dr", "prof", "lt", "capt", "col", "sgt",
    "gen", "esq", "esquire", "attorney",
)
_HON_RE = re.compile(
    r"^(?:(?:the\s+)?hon(?:orable|\.)?|(?:chief\s+|senior\s+|united\s+states\s+|u\.\s?s\.\s+)?"
    r"(?:magistrate\s+|district\s+|circuit\s+|bankruptcy\s+)?judge|(?:chief\s+)?justice|"
    r"mr\.?|mrs\.?|ms\.?|miss|dr\.?|prof\.?|lt\.?|capt\.?|col\.?|sgt\.?)\s+",
    re.I,
)
_ESQ_RE = re.compile(r",?\s*(?:esq\.?|esquire|attorney\s+at\s+law)\s*$", re.I)

# Legal-entity suffixes of law firms, in the forms filings print them.
LEGAL_SUFFIXES = (
    "LLP", "L.L.P.", "LLC", "L.L.C.", "PLLC", "P.L.L.C.", "PLC", "P.L.C.", "Ltd.", "Ltd",
    "LTD", "LTD.", "P.C.", "PC", "P.A.", "PA", "S.C.", "LPA", "L.P.A.", "Chtd.", "Chartered",
    "APC", "A.P.C.", "APLC", "PLLP", "LP", "L.P.", "Inc.", "O.C.",
)
_SMALL_WORDS = {"of", "and", "the", "for", "at", "in", "on", "de", "la", "del", "von", "van",
                "der", "du", "da", "y"}
_KEEP_UPPER = {"IP", "LLP", "LLC", "PLLC", "PLC", "PC", "PA", "USA", "US", "U.S.", "II",
               "III", "IV", "LPA", "APC", "APLC", "PLLP", "LP", "SC", "NY", "DC", "D.C.",
               "N.A.", "RM", "AU", "YK", "TME", "MAH", "AVEK", "SRIPLAW", "GBC", "HSP", "AMS",
               "SMG", "EPS", "SCIP", "D&A"}


def clean_space(s: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    return " ".join(s.split())


_LETTERSPACED = re.compile(r"\b([A-Z]) ([A-Z]{2,})\b")


def fix_letterspacing(s: str) -> str:
    """Join small-capital words that text extraction split after their first letter.

    ``"L EVAL, S TRAUB, AND W ESLEY"`` -> ``"LEVAL, STRAUB, AND WESLEY"``. Use it only on
    text known to hold surnames (a panel line): it also joins an initial to a surname.
    """
    return _LETTERSPACED.sub(r"\1\2", s)


def is_all_caps(s: str) -> bool:
    """True when the string has letters and none of them is lower case."""
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters)


def strip_honorifics(name: str) -> str:
    """Drop leading titles (Hon., Judge, Ms., ...) and trailing ``Esq.``."""
    s = clean_space(name)
    for _ in range(4):  # "The Honorable Chief Judge X"
        new = _HON_RE.sub("", s)
        if new == s:
            break
        s = new
    return _ESQ_RE.sub("", s).strip(" ,")


def _cap_word(w: str) -> str:
    if not w:
        return w
    if w.upper() in _KEEP_UPPER and len(w) <= 7 and w.isupper():
        return w
    if re.fullmatch(r"(?:[A-Z]\.)+", w):  # initials
        return w
    lw = w.lower()
    if "-" in w:
        return "-".join(_cap_word(p) for p in w.split("-"))
    if re.match(r"^(?:o|d)'[a-z]", lw):
        return lw[0].upper() + "'" + lw[2].upper() + lw[3:]
    if lw.startswith("mc") and len(lw) > 3:
        return "Mc" + lw[2].upper() + lw[3:]
    return lw[0].upper() + lw[1:]


@lru_cache(maxsize=16384)
def proper_case(name: str) -> str:
    """Mixed case for a name printed in capitals; other names are returned unchanged.

    ``"PAUL G. GARDEPHE"`` -> ``"Paul G. Gardephe"``, ``"JOHN O'NEIL"`` -> ``"John O'Neil"``,
    ``"JUAN DE LA CRUZ"`` -> ``"Juan de la Cruz"``.
    """
    s = clean_space(name)
    if not is_all_caps(s):
        return s
    h = HumanName(s)
    if h.first or h.last:
        h.capitalize(force=True)
        out = str(h)
        if out and out.lower() == s.lower().replace("  ", " "):
            return out
    words = s.split(" ")
    return " ".join(_cap_word(w) if (i == 0 or w.lower() not in _SMALL_WORDS) else w.lower()
                    for i, w in enumerate(words))


@lru_cache(maxsize=16384)
def person_name(raw: str) -> str:
    """Display form of a person's name: no titles, normal case, suffix after a comma.

    ``"HON. ALVIN K. HELLERSTEIN"`` -> ``"Alvin K. Hellerstein"``;
    ``"F. JAMES LOPREST, JR."`` -> ``"F. James Loprest, Jr."``;
    ``"Benson E. LEGG"`` -> ``"Benson E. Legg"``.
    """
    s = strip_honorifics(raw.replace("\u00a0", " "))
    s = s.strip(" ,;:*")
    if not s:
        return s
    # Title-case each all-caps word of a mixed name ("Benson E. LEGG", "Kim McLane WARDLAW").
    words = s.split(" ")
    caps_words = [w for w in words if len(w) > 1 and is_all_caps(w) and not re.fullmatch(
        r"(?:[A-Z]\.)+,?|[IVX]+,?|JR\.?,?|SR\.?,?", w)]
    if caps_words:
        if is_all_caps(s):
            s = proper_case(s)
        else:
            s = " ".join(_cap_word(w) if w in caps_words else w for w in words)
    s = re.sub(r"\b(Jr|Sr)\b\.?", r"\1.", s)
    s = re.sub(r"\s+(Jr\.|Sr\.)$", r", \1", s)
    s = re.sub(r",\s*,", ",", s)
    return clean_space(s)


def _ascii(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def person_key(name: str) -> str:
    """Matching key for a person's name: lower case, letters and digits only."""
    prev = None
    s = name
    while s != prev:  # titles can surface once punctuation is gone ("MR:0"): repeat to a fixpoint
        prev = s
        s = _ascii(strip_honorifics(s)).lower()
        s = " ".join(re.sub(r"[^a-z0-9 ]+", " ", s).split())
    return s


_NAME_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv|v|esq)\.?$", re.I)


def surname(name: str) -> str:
    """Family name: the last word that is not a generational suffix."""
    words = [w.strip(",") for w in clean_space(strip_honorifics(name)).split(" ") if w.strip(",")]
    while len(words) > 1 and _NAME_SUFFIX.match(words[-1]):
        words.pop()
    return words[-1] if words else ""


def given_names(name: str) -> list[str]:
    """The words before the surname (first and middle names or initials)."""
    words = [w.strip(",") for w in clean_space(strip_honorifics(name)).split(" ") if w.strip(",")]
    while len(words) > 1 and _NAME_SUFFIX.match(words[-1]):
        words.pop()
    return words[:-1]


def firm_key(name: str) -> str:
    """Matching key for a law firm: lower case, ``&`` as ``and``, punctuation dropped.

    Legal suffixes are kept (``LLP``/``L.L.P.`` both become ``llp``).
    """
    s = _ascii(name).lower().replace("&", " and ")
    s = re.sub(r"\b([a-z])\.(?=\s?[a-z]\.)", r"\1", s)  # l.l.p. -> llp.
    s = re.sub(r"\b([a-z])\.\s?([a-z])\.\s?([a-z])\.?(?:\s?([a-z])\.)?",
               lambda m: "".join(g for g in m.groups() if g), s)
    s = re.sub(r"\b([a-z])\.\s?([a-z])\.", r"\1\2", s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    words = s.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


_SUFFIX_KEYS = {"llp", "llc", "pllc", "plc", "ltd", "pc", "pa", "sc", "lpa", "chtd", "chartered",
                "apc", "aplc", "pllp", "lp", "inc", "oc"}


def firm_core_key(name: str) -> str:
    """``firm_key`` without the trailing legal suffix: ``"greer burns and crain"``."""
    words = firm_key(name).split()
    while len(words) > 1 and words[-1] in _SUFFIX_KEYS:
        words.pop()
    return " ".join(words)


def firm_display(name: str) -> str:
    """Display form of a firm name: capitals become mixed case, suffixes keep their form.

    ``"WILSON, ELSER, MOSKOWITZ, EDELMAN & DICKER LLP"`` ->
    ``"Wilson, Elser, Moskowitz, Edelman & Dicker LLP"``. Mixed-case names are kept.
    """
    s = clean_space(name).strip(" ,;:*")
    if not is_all_caps(s):
        return s
    out = []
    for i, w in enumerate(s.split(" ")):
        core = w.rstrip(",;")
        tail = w[len(core):]
        k = re.sub(r"[^a-z]+", "", core.lower())
        if i > 0 and k in _SUFFIX_KEYS:
            if k in ("ltd", "inc", "chtd"):
                core = k.capitalize() + ("." if core.endswith(".") else "")
            elif k == "chartered":
                core = "Chartered"
            out.append(core + tail)  # LLP, P.C., P.L.L.C. keep their printed form
        elif i > 0 and core.lower() in _SMALL_WORDS:
            out.append(core.lower() + tail)
        else:
            out.append(_cap_word(core) + tail)
    return " ".join(out)
