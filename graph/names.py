"""Pure helpers for people's and law firms' names, shared by ingest and graph.

Nothing here reads files or imports from ``ingest`` or ``queries``: these functions
turn a name as a filing prints it into a display form and a matching key.

- ``person_name("HON. PAUL A. ENGELMAYER")`` -> ``"Paul A. Engelmayer"``
- ``person_key("Paul A. Engelmayer")`` -> ``"paul a engelmayer"``
- ``surname("Robert N. Scola, Jr.")`` -> ``"Scola"``
- ``firm_key("Greer, Burns & Crain, Ltd.")`` -> ``"greer burns and crain ltd"``
- ``firm_display("EPSTEIN DRANGEL LLP")`` -> ``"Epstein Drangel LLP"``

Every rule deciding "same person", "same firm" or the display form of a name lives here
(docket numbers, IRIs and the Schedule A rule live in ``graph.keys``). Where two rules
differ on purpose they sit side by side, named for their scope:

- across documents (the store, the resolver, field rules comparing a name with the
  reference lists): ``person_key``, ``firm_key``, ``firm_core_key`` -- exact keys;
- within one docket record (a PACER docket page, a CourtListener record, where the
  same lawyer is listed several times with typos and initials):
  ``same_person_in_docket``, ``same_firm_in_docket``, ``firm_key_in_docket`` --
  typo-tolerant;
- display case: ``proper_case`` / ``person_name`` for people in running text,
  ``normal_case_caption`` for a caption's parties, ``normal_case_record`` (with
  ``clean_space_record``, ``person_name_record``, ``party_name_record``) for names of a
  docket record's listings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from nameparser import HumanName
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

__all__ = [
    "HONORIFICS",
    "LEGAL_SUFFIXES",
    "clean_space",
    "fix_letterspacing",
    "is_all_caps",
    "strip_honorifics",
    "proper_case",
    "person_name",
    "person_key",
    "surname",
    "given_names",
    "firm_key",
    "firm_core_key",
    "firm_display",
    "ENTITY_SUFFIXES",
    "ENTITY_SUFFIX_ALT",
    "ENTITY_SUFFIX_TOKEN",
    "normal_case_caption",
    "clean_space_record",
    "normal_case_record",
    "person_name_record",
    "party_name_record",
    "PersonKey",
    "name_tokens",
    "person_key_in_docket",
    "same_person_in_docket",
    "firm_key_in_docket",
    "same_firm_in_docket",
    "same_person_in_filing",
    "given_compatible",
]

# Titles and ranks dropped from people's names (matched case-insensitively, whole words).
HONORIFICS = (
    "the honorable",
    "honorable",
    "hon",
    "the hon",
    "judge",
    "chief judge",
    "magistrate judge",
    "chief magistrate judge",
    "senior judge",
    "district judge",
    "circuit judge",
    "justice",
    "chief justice",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "lt",
    "capt",
    "col",
    "sgt",
    "gen",
    "esq",
    "esquire",
    "attorney",
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
    "LLP",
    "L.L.P.",
    "LLC",
    "L.L.C.",
    "PLLC",
    "P.L.L.C.",
    "PLC",
    "P.L.C.",
    "Ltd.",
    "Ltd",
    "LTD",
    "LTD.",
    "P.C.",
    "PC",
    "P.A.",
    "PA",
    "S.C.",
    "LPA",
    "L.P.A.",
    "Chtd.",
    "Chartered",
    "APC",
    "A.P.C.",
    "APLC",
    "PLLP",
    "LP",
    "L.P.",
    "Inc.",
    "O.C.",
)
_SMALL_WORDS = {
    "of",
    "and",
    "the",
    "for",
    "at",
    "in",
    "on",
    "de",
    "la",
    "del",
    "von",
    "van",
    "der",
    "du",
    "da",
    "y",
}
_KEEP_UPPER = {
    "IP",
    "LLP",
    "LLC",
    "PLLC",
    "PLC",
    "PC",
    "PA",
    "USA",
    "US",
    "U.S.",
    "II",
    "III",
    "IV",
    "LPA",
    "APC",
    "APLC",
    "PLLP",
    "LP",
    "SC",
    "NY",
    "DC",
    "D.C.",
    "N.A.",
    "RM",
    "AU",
    "YK",
    "TME",
    "MAH",
    "AVEK",
    "SRIPLAW",
    "GBC",
    "HSP",
    "AMS",
    "SMG",
    "EPS",
    "SCIP",
    "D&A",
}


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
    return " ".join(
        _cap_word(w) if (i == 0 or w.lower() not in _SMALL_WORDS) else w.lower() for i, w in enumerate(words)
    )


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
    caps_words = [
        w
        for w in words
        if len(w) > 1 and is_all_caps(w) and not re.fullmatch(r"(?:[A-Z]\.)+,?|[IVX]+,?|JR\.?,?|SR\.?,?", w)
    ]
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


@lru_cache(maxsize=16384)
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


@lru_cache(maxsize=16384)
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


@lru_cache(maxsize=16384)
def firm_key(name: str) -> str:
    """Matching key for a law firm: lower case, ``&`` as ``and``, punctuation dropped.

    Legal suffixes are kept (``LLP``/``L.L.P.`` both become ``llp``).
    """
    s = _ascii(name).lower().replace("&", " and ")
    s = re.sub(r"\b([a-z])\.(?=\s?[a-z]\.)", r"\1", s)  # l.l.p. -> llp.
    s = re.sub(
        r"\b([a-z])\.\s?([a-z])\.\s?([a-z])\.?(?:\s?([a-z])\.)?",
        lambda m: "".join(g for g in m.groups() if g),
        s,
    )
    s = re.sub(r"\b([a-z])\.\s?([a-z])\.", r"\1\2", s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    words = s.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


_SUFFIX_KEYS = {
    "llp",
    "llc",
    "pllc",
    "plc",
    "ltd",
    "pc",
    "pa",
    "sc",
    "lpa",
    "chtd",
    "chartered",
    "apc",
    "aplc",
    "pllp",
    "lp",
    "inc",
    "oc",
}


@lru_cache(maxsize=16384)
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
        tail = w[len(core) :]
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


# ---------------------------------------------------------------- same person: across documents, in one filing


def given_compatible(a: list[str], b: list[str]) -> bool:
    """Across documents (the resolver, once surnames agree): given names that cannot
    belong to different people. 'Justin R.' ~ 'Justin', 'J.' ~ 'Justin', 'Justin R.' !~
    'Justin T.'; no typo is forgiven."""
    a = [w.strip(".").lower() for w in a if w.strip(".")]
    b = [w.strip(".").lower() for w in b if w.strip(".")]
    if not a or not b:
        return True
    for x, y in zip(a, b, strict=False):
        if len(x) == 1 or len(y) == 1:
            if x[0] != y[0]:
                return False
        elif x != y:
            return False
    return True


def same_person_in_filing(a: str, b: str) -> bool:
    """Within one filing's counsel blocks and signatures: the same surname key and a first
    given name that is equal, an initial of the other, or (five letters or more) one
    letter off -- "Tabitha R. Quell" / "T. Quell" / "Tabihta Quell"; not "Quell" alone.
    Compare ``same_person_in_docket`` (a docket record's listings) and
    ``given_compatible`` (across documents)."""
    if person_key(surname(a)) != person_key(surname(b)):
        return False
    ga, gb = given_names(a), given_names(b)
    if not ga or not gb:
        return False
    fa, fb = ga[0].rstrip(".").lower(), gb[0].rstrip(".").lower()
    if fa == fb:
        return True
    if min(len(fa), len(fb)) >= 5 and OSA.distance(fa, fb) <= 1:
        return True  # an obvious misspelling: "Willaim" / "William"
    return (len(fa) == 1 or len(fb) == 1) and fa[0] == fb[0]


# ---------------------------------------------------------------- caption parties (display case)

# Entity-form suffixes across jurisdictions, one list for name shapes, casing and splitting.
# Canonical spelling without a final period (the period is kept as printed).
ENTITY_SUFFIXES = (
    "Inc",
    "Incorporated",
    "LLC",
    "L.L.C",
    "LLP",
    "L.L.P",
    "PLLC",
    "P.L.L.C",
    "LP",
    "L.P",
    "Ltd",
    "Limited",
    "Co",
    "Corp",
    "Corporation",
    "Company",
    "PLC",
    "P.L.C",
    "N.A",
    "P.C",
    "P.A",
    "S.A",
    "S.A.S",
    "S.p.A",
    "S.r.l",
    "S.L",
    "SARL",
    "S.a.r.l",
    "AG",
    "KG",
    "GmbH",
    "B.V",
    "N.V",
    "K.K",
    "Pte",
    "Pty",
    "Sdn",
    "Bhd",
    "A/S",
    "Oyj",
    "S.A.B",
    "Kft",
    "Sp. z o.o",
    "S.A.U",
    "S.L.U",
    "L.P.A",
)
_ENTITY_CANON = {w.lower(): w for w in ENTITY_SUFFIXES}
#: the entity suffixes as one regex alternation, longest first
ENTITY_SUFFIX_ALT = "|".join(re.escape(w) for w in sorted(ENTITY_SUFFIXES, key=len, reverse=True))
#: a token that is an entity suffix ("Pte.", "B.V.", "GmbH"), case-insensitive
ENTITY_SUFFIX_TOKEN = re.compile(r"(?i)^(?:" + ENTITY_SUFFIX_ALT + r")\.?$")
_CAPTION_KEEP_CAPS = re.compile(
    r"(?i)^(?:[a-z](?:\.[a-z])+\.?|llc|llp|pllc|lp|plc|usa|u\.s\.a?\.?|ii|iii|iv|n\.a\.|l\.l\.c\.|l\.p\.|p\.c\.|p\.a\.|gmbh|ag|nv|bv|uk|us|dba|tv|ibm)$"
)
_CAPTION_SMALL = {"and", "of", "the", "on", "in", "for", "a", "an", "to", "at", "by", "de", "du", "la"}


def _caption_word(w: str, first: bool) -> str:
    core = w.strip(",.;:()\"'\u201c\u201d")
    if not core or not any(c.isalpha() for c in core) or not core.isupper():
        return w
    bare = w.rstrip(",;:")
    canon = _ENTITY_CANON.get(bare.lower().rstrip("."))
    if canon and len(canon) > 2 or canon in ("AG", "KG", "LP", "Co"):
        return (
            canon + bare[len(canon) :] + w[len(bare) :] if bare[: len(canon)].lower() == canon.lower() else w
        )
    if _CAPTION_KEEP_CAPS.match(core):
        return w
    if len(core) == 1:
        return w
    if core.lower() in _CAPTION_SMALL and not first:
        return w.lower()
    out = []
    up = True
    for c in w:
        if c.isalpha():
            out.append(c.upper() if up else c.lower())
            up = False
        else:
            out.append(c)
            up = c in '-/(&\u201c"'
    return "".join(out)


def normal_case_caption(name: str) -> str:
    """A caption party's display form: ALL-CAPS names in normal case; names already in
    mixed case are kept as printed.

    Scope: parties read from a caption or body text, where a name is "mostly capitals"
    (four letters in five) and entity forms keep their spelling:
    ``"BLUE HERON OUTFITTERS CO., LTD."`` -> ``"Blue Heron Outfitters Co., Ltd."``,
    ``"ORBIT GmbH"`` -> ``"Orbit GmbH"`` (a mixed-case suffix does not make the name mixed
    case), ``"MCALLISTER FARMS LLC"`` -> ``"McAllister Farms LLC"``, ``"ANN O'BRIEN"`` -> ``"Ann O'Brien"``,
    ``"J.R. ROE"`` -> ``"J.R. Roe"`` (initials keep their capitals), one word
    ``"SUNNYSHOP"`` -> ``"Sunnyshop"``. Compare ``normal_case_record``.
    """
    words = name.split()
    # a mixed-case entity form ("ORBIT GmbH", "BLUE SKY S.r.l.") does not make the name mixed case
    letters = [
        c
        for w in words
        if w.isupper() or not ENTITY_SUFFIX_TOKEN.match(w.rstrip(",;:"))
        for c in w
        if c.isalpha()
    ]
    if not letters:
        return name
    upper_share = sum(c.isupper() for c in letters) / len(letters)
    if upper_share < 0.8:
        return name
    out = []
    for i, w in enumerate(words):
        if re.match(r"(?i)^mc[a-z]{2,}", w) and w.isupper():
            out.append("Mc" + w[2:].capitalize())
            continue
        ap = re.match(r"^([A-Z])['\u2019]([A-Z]{2,})(\W*)$", w)
        if ap:  # "O'BRIEN" -> "O'Brien"
            out.append(f"{ap.group(1)}'{ap.group(2).capitalize()}{ap.group(3)}")
            continue
        out.append(_caption_word(w, i == 0))
    return " ".join(out)


# ---------------------------------------------------------------- docket records (display form)
# A docket record (a PACER docket report, a CourtListener record) lists each party and
# lawyer in a table cell, in capitals or not, sometimes with a stray space before a comma.

_RECORD_ACRONYMS = frozenset(
    "LLP LLC PC PLLC PA LP LLLP NA SA AG USA US PLC LPA APC PSC SC BV NV GMBH II III IV".split()
)
_RECORD_SMALL_WORDS = frozenset("of the and for in on at by to a an de la du von van der".split())
_RECORD_HONORIFICS = re.compile(
    r"^(?:(?:Ms|Mr|Mrs|Miss|Mx|Dr|Prof|Hon|Honorable|The\s+Honorable)\.?\s+){1,3}",
    re.IGNORECASE,
)
_RECORD_PERSON_TAIL = re.compile(r"(?:\s*,\s*|\s+)(?:Esq|ESQ|Esquire|Ph\.?\s?D|PH\.?\s?D|M\.?D|J\.?D)\.?\s*$")
_RECORD_SUFFIX_TOKENS = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "esq", "esquire", "phd"})


def _record_word(word: str, first: bool) -> str:
    bare = word.strip(".,;:()")
    if not bare:
        return word
    if bare.upper().replace(".", "") in _RECORD_ACRONYMS or re.fullmatch(r"(?:[A-Z]\.){2,}", bare):
        return word
    if re.fullmatch(r"[A-Z]\.?", bare):  # an initial
        return word
    low = word.lower()
    if not first and low in _RECORD_SMALL_WORDS:
        return low
    out = []
    cap = True
    for ch in low:
        out.append(ch.upper() if cap and ch.isalpha() else ch)
        cap = ch in "-/(&" or (cap and not ch.isalpha())
    res = "".join(out)
    # O'BRIEN -> O'Brien, but JUNKMAN'S -> Junkman's
    res = re.sub(
        r"(?<![A-Za-z])([A-Za-z])(['’])([a-z])(?=[a-z])",
        lambda m: m.group(1).upper() + m.group(2) + m.group(3).upper(),
        res,
    )
    # Mc/Mac and O' are common enough in names to restore: McDonald, O'Brien
    res = re.sub(r"^(Mc)([a-z])", lambda m: m.group(1) + m.group(2).upper(), res)
    return res


def normal_case_record(name: str) -> str:
    """A docket record's name in display form: ALL-CAPS names in normal case; mixed-case
    names unchanged.

    Scope: names of a docket record's party and attorney listings, where any lower-case
    letter means the clerk typed the name in mixed case, and a one-word ALL-CAPS name
    (``"UNUM"``, ``"IBM"``) is usually an acronym and stays as written:
    ``"JUNKMAN'S ATTIC OF OHIO LLC"`` -> ``"Junkman's Attic of Ohio LLC"``,
    ``"MARY O'BRIEN-DALE"`` -> ``"Mary O'Brien-Dale"``. Compare ``normal_case_caption``.
    """
    letters = [c for c in name if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return name
    words = name.split()
    if len(words) == 1:
        return name
    out = [_record_word(w, i == 0) for i, w in enumerate(words)]
    if len(words) > 1 and words[-2].endswith(",") and words[-1] in _RECORD_STATES:
        out[-1] = words[-1]  # 'TOWN OF ELMBURY, MD' -> 'Town of Elmbury, MD'
    return " ".join(out)


_RECORD_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI".split()
)


def clean_space_record(s: str) -> str:
    """``clean_space`` plus no space before a comma or period, as a docket record's cells
    print them: ``"Joseph  C. Sullivan , Jr."`` -> ``"Joseph C. Sullivan, Jr."``."""
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"\s+([,.])", r"\1", s)


@lru_cache(maxsize=16384)
def person_name_record(raw: str) -> str:
    """'Ms.  Sonja O'Donnell' -> "Sonja O'Donnell"; 'W. BLAKE COBLENTZ, ESQ.' -> 'W. Blake Coblentz'.

    A person's display form in a docket record (compare ``person_name`` for running text,
    which also drops judicial titles and moves "Jr." after a comma)."""
    s = clean_space_record(raw)
    s = _RECORD_HONORIFICS.sub("", s)
    s = _RECORD_PERSON_TAIL.sub("", s)
    s = s.strip(" ,;")
    return normal_case_record(s)


# an office held by a person party ("President Ann Roe", "Senator Bo Poe"): the title goes
_RECORD_OFFICE_TITLE = re.compile(
    r"^(?:President|Vice\s+President|Senator|Governor|Mayor|Secretary|Representative|"
    r"Congressman|Congresswoman|Sheriff|Commissioner)\s+(?=(?:[A-Z][a-z'’-]+|[A-Z]\.)"
    r"(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.)){1,3}(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV))?$)"
)


def party_name_record(raw: str) -> str:
    """A party name of a docket record as the gold writes it: honorific and office title
    dropped, normal case, spaces squeezed (``"DR. ANN ROE"`` -> ``"Ann Roe"``, ``"Mayor
    Bo Poe"`` -> ``"Bo Poe"``)."""
    s = clean_space_record(raw)
    s = _RECORD_HONORIFICS.sub("", s).strip(" ,;")
    s = _RECORD_OFFICE_TITLE.sub("", s)
    return normal_case_record(s)


# ---------------------------------------------------------------- same person within one docket


def name_tokens(name: str) -> list[str]:
    """The words of a name for matching within a docket record: lower case, apostrophes
    kept, generational suffixes and Esq. dropped (``"Mary O’Brien-Dale, Jr."`` ->
    ``["mary", "o'brien", "dale"]``)."""
    s = name.lower().replace("’", "'")
    toks = re.findall(r"[a-z0-9']+", s)
    return [t for t in toks if t not in _RECORD_SUFFIX_TOKENS and t != "'"]


@dataclass(frozen=True)
class PersonKey:
    given: tuple[str, ...]
    last: str


@lru_cache(maxsize=16384)
def person_key_in_docket(name: str) -> PersonKey | None:
    """Given names and surname of a docket record's person (None for one word):
    ``"ANN B. ROE, ESQ."`` -> ``PersonKey(("ann", "b"), "roe")``."""
    toks = name_tokens(person_name_record(name))
    if len(toks) < 2:
        return None
    return PersonKey(tuple(toks[:-1]), toks[-1])


def _given_compatible_in_docket(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Each given name of the shorter list pairs with a distinct one of the longer list
    (equal, or an initial of it); the first names may differ by a one-letter typo."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    used: set[int] = set()
    for i, s in enumerate(short):
        hit = None
        for j, t in enumerate(long_):
            if j in used:
                continue
            if s == t or (len(s) == 1 and t.startswith(s)) or (len(t) == 1 and s.startswith(t)):
                hit = j
                break
            if (
                i == 0
                and j == 0
                and len(s) > 3
                and len(t) > 3
                and abs(len(s) - len(t)) <= 1
                and s[0] == t[0]
                and fuzz.ratio(s, t) >= 85
            ):
                hit = j
                break
        if hit is None:
            return False
        used.add(hit)
    return True


def same_person_in_docket(a: str, b: str) -> bool:
    """Whether two spellings in one docket record name the same person -- typo-tolerant,
    because one docket lists the same lawyer many times: 'Willaim A. Baird' / 'William
    Anthony Baird', 'J. David O'Brien' / 'David J. O'Brien', 'Seth Daniel Bertin' / '...
    Berlin'. Across documents use ``person_key`` equality (strict)."""
    ka, kb = person_key_in_docket(a), person_key_in_docket(b)
    if not ka or not kb:
        return False
    if ka.last == kb.last:
        return _given_compatible_in_docket(ka.given, kb.given)
    full_given = all(len(t) > 1 for t in ka.given) and len(ka.given) >= 2
    return (
        full_given
        and ka.given == kb.given
        and len(ka.last) >= 4
        and abs(len(ka.last) - len(kb.last)) <= 1
        and fuzz.ratio(ka.last, kb.last) >= 80
    )


# ---------------------------------------------------------------- same firm within one docket

_DOCKET_FIRM_DROP = frozenset(
    "the llp llc pc p c pllc pa ltd chtd chartered lp lpa apc a professional corporation l".split()
)
_DOCKET_FIRM_STOP = frozenset({"of", "the", "s", "and"})


@lru_cache(maxsize=16384)
def firm_key_in_docket(name: str) -> str:
    """A firm's key for grouping spellings within one docket record: lower case, ``&`` as
    ``and``, trailing entity words dropped (``"Roe & Poe, A Professional Corporation"``
    -> ``"roe and poe"``, ``"Roe & Poe, L.L.P."`` -> ``"roe and poe"``).

    Differs from ``firm_core_key`` (across documents) on purpose: letters are not folded
    to ASCII, "P. C." and "A Professional Corporation" go, "Inc." stays.
    """
    s = name.lower().replace("&", " and ").replace("’", "'")
    s = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", s)  # l.l.p. -> llp.
    toks = re.findall(r"[a-z0-9]+", s)
    while toks and toks[-1] in _DOCKET_FIRM_DROP:
        toks.pop()
    if toks and toks[0] == "the":
        toks = toks[1:]
    return " ".join(toks)


@lru_cache(maxsize=16384)
def same_firm_in_docket(a: str, b: str) -> bool:
    """Spelling variants of one firm within one docket record: equal keys, the same words
    in another order ('Office of the Illinois Attorney General' / "Illinois Attorney
    General's Office"), one government office with and without its district ("U.S.
    Attorney's Office" / "United States Attorney's Office, SDNY"), or a small typo
    ('Morrison & Foersterr'). Across documents the
    resolver compares ``firm_core_key`` instead."""
    ka, kb = firm_key_in_docket(a), firm_key_in_docket(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    sa = {t for t in ka.split() if t not in _DOCKET_FIRM_STOP}
    sb = {t for t in kb.split() if t not in _DOCKET_FIRM_STOP}
    if sa and sa == sb and len(sa) >= 2:
        return True
    if _same_government_office(ka, kb):
        return True
    return min(len(ka), len(kb)) >= 8 and fuzz.ratio(ka, kb) >= 92


def _same_government_office(ka: str, kb: str) -> bool:
    """ "U.S. Attorney's Office" and "United States Attorney's Office, SDNY": one office,
    written with and without the district it sits in."""
    ea, eb = (re.sub(r"^u ?s\b", "united states", k) for k in (ka, kb))
    if "attorney" not in ea or "office" not in ea:
        return False
    if ea == eb:
        return True
    short, long_ = sorted((ea, eb), key=len)
    rest = long_[len(short) :].strip()
    return long_.startswith(short + " ") and len(rest.split()) == 1 and 2 <= len(rest) <= 5
