"""Names on a CM/ECF docket page: people, firms and party roles as the listing prints them.

- ``spans_of`` finds a name in the rendered page whatever the spacing around its words and
  punctuation ('Joseph C. Sullivan , Jr.' finds 'Joseph C. Sullivan, Jr.');
- people: ``canonical_person`` / ``canonical_party`` drop honorifics and write ALL-CAPS names
  in normal case ('Ms. SONJA O'DONNELL' -> "Sonja O'Donnell"); ``same_person`` merges spelling
  variants ('Willaim A. Baird' / 'William Anthony Baird');
- firms: ``firm_from_contact`` takes the first line of an attorney's contact block, unless the
  block starts with an address, names the attorney ("X, Attorney at Law") or an employer that
  is not counsel; ``strip_office`` drops office suffixes ('Jones Day - Atlanta', '(DC)');
  ``same_firm`` merges spelling variants of one firm;
- ``party_role``: a CM/ECF party-type header ("ThirdParty Defendant", "Counter Claimant") in
  schema terms, None when the schema cannot express it (mediators, service lists).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from docketgraph.graph.model import Span

# ---------------------------------------------------------------------------- spans


_NEEDLE_TOKEN = re.compile(r"\w+|[^\w\s]")


def spans_of(text: str, needle: str, *, limit: int = 25, start: int = 0,
             end: int | None = None, ignore_case: bool = False) -> tuple[Span, ...]:
    """Every place ``needle`` occurs in ``text``, whatever the spacing between its words
    and punctuation ('Joseph C. Sullivan , Jr.' finds 'Joseph C. Sullivan, Jr.')."""
    tokens = _NEEDLE_TOKEN.findall(needle)
    if not tokens or len(tokens) > 120:
        return ()
    parts = [re.escape(tokens[0])]
    for prev, tok in zip(tokens, tokens[1:]):
        both_words = (prev[-1].isalnum() or prev[-1] == "_") and (tok[0].isalnum() or tok[0] == "_")
        parts.append((r"\s+" if both_words else r"\s*") + re.escape(tok))
    pat = re.compile("".join(parts), re.IGNORECASE if ignore_case else 0)
    out = []
    for m in pat.finditer(text, start, len(text) if end is None else end):
        out.append((m.start(), m.end()))
        if len(out) >= limit:
            break
    if not out and not ignore_case:
        return spans_of(text, needle, limit=limit, start=start, end=end, ignore_case=True)
    return tuple(out)


# ---------------------------------------------------------------------------- names

_ACRONYMS = frozenset(
    "LLP LLC PC PLLC PA LP LLLP NA SA AG USA US PLC LPA APC PSC SC BV NV GMBH II III IV".split()
)
_SMALL_WORDS = frozenset("of the and for in on at by to a an de la du von van der".split())
_HONORIFICS = re.compile(
    r"^(?:(?:Ms|Mr|Mrs|Miss|Mx|Dr|Prof|Hon|Honorable|The\s+Honorable)\.?\s+){1,3}",
    re.IGNORECASE,
)
_PERSON_TAIL = re.compile(
    r"(?:\s*,\s*|\s+)(?:Esq|ESQ|Esquire|Ph\.?\s?D|PH\.?\s?D|M\.?D|J\.?D)\.?\s*$"
)
_SUFFIX_TOKENS = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "esq", "esquire", "phd"})


def _smart_title(word: str, first: bool) -> str:
    bare = word.strip(".,;:()")
    if not bare:
        return word
    if bare.upper().replace(".", "") in _ACRONYMS or re.fullmatch(r"(?:[A-Z]\.){2,}", bare):
        return word
    if re.fullmatch(r"[A-Z]\.?", bare):  # an initial
        return word
    low = word.lower()
    if not first and low in _SMALL_WORDS:
        return low
    out = []
    cap = True
    for ch in low:
        out.append(ch.upper() if cap and ch.isalpha() else ch)
        cap = ch in "-/(&" or (cap and not ch.isalpha())
    res = "".join(out)
    # O'BRIEN -> O'Brien, but JUNKMAN'S -> Junkman's
    res = re.sub(r"(?<![A-Za-z])([A-Za-z])(['’])([a-z])(?=[a-z])",
                 lambda m: m.group(1).upper() + m.group(2) + m.group(3).upper(), res)
    # Mc/Mac and O' are common enough in names to restore: McDonald, O'Brien
    res = re.sub(r"^(Mc)([a-z])", lambda m: m.group(1) + m.group(2).upper(), res)
    return res


def normal_case(name: str) -> str:
    """ALL-CAPS names in normal case; mixed-case names unchanged.

    One-word all-caps names (UNUM, IBM) stay as written: they are usually acronyms.
    """
    letters = [c for c in name if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return name
    words = name.split()
    if len(words) == 1:
        return name
    out = [_smart_title(w, i == 0) for i, w in enumerate(words)]
    if len(words) > 1 and words[-2].endswith(",") and words[-1] in _STATES:
        out[-1] = words[-1]  # 'TOWN OF ELMBURY, MD' -> 'Town of Elmbury, MD'
    return " ".join(out)


_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI".split())


def clean_space(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"\s+([,.])", r"\1", s)


@functools.lru_cache(maxsize=16384)
def canonical_person(raw: str) -> str:
    """'Ms.  Sonja O'Donnell' -> "Sonja O'Donnell"; 'W. BLAKE COBLENTZ, ESQ.' -> 'W. Blake Coblentz'."""
    s = clean_space(raw)
    s = _HONORIFICS.sub("", s)
    s = _PERSON_TAIL.sub("", s)
    s = s.strip(" ,;")
    return normal_case(s)


# an office held by a person party ("President Ann Roe", "Senator Bo Poe"): the title goes
_OFFICE_TITLE = re.compile(
    r"^(?:President|Vice\s+President|Senator|Governor|Mayor|Secretary|Representative|"
    r"Congressman|Congresswoman|Sheriff|Commissioner)\s+(?=(?:[A-Z][a-z'’-]+|[A-Z]\.)"
    r"(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.)){1,3}(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV))?$)")
# the case title of an in rem or ex parte matter, printed in a party slot: not a party
_CASE_TITLE = re.compile(r"^(?:In\s+the\s+Matter\s+of|In\s+re\b|In\s+Re:?)\s", re.IGNORECASE)


def canonical_party(raw: str) -> str:
    """A party name as the gold writes it: honorific and office title dropped, normal
    case, spaces squeezed."""
    s = clean_space(raw)
    s = _HONORIFICS.sub("", s).strip(" ,;")
    s = _OFFICE_TITLE.sub("", s)
    return normal_case(s)


def is_case_title(name: str) -> bool:
    """'In the Matter of Search Warrants ...', 'In re Acme': a case title, not a party."""
    return bool(_CASE_TITLE.match(name.strip()))


def _name_tokens(name: str) -> list[str]:
    s = name.lower().replace("’", "'")
    toks = re.findall(r"[a-z0-9']+", s)
    return [t for t in toks if t not in _SUFFIX_TOKENS and t != "'"]


@dataclass(frozen=True)
class PersonKey:
    given: tuple[str, ...]
    last: str


@functools.lru_cache(maxsize=16384)
def person_key(name: str) -> PersonKey | None:
    toks = _name_tokens(canonical_person(name))
    if len(toks) < 2:
        return None
    return PersonKey(tuple(toks[:-1]), toks[-1])


def _ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b)


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
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
            if i == 0 and j == 0 and len(s) > 3 and len(t) > 3 and abs(len(s) - len(t)) <= 1 \
                    and s[0] == t[0] and _ratio(s, t) >= 85:
                hit = j
                break
        if hit is None:
            return False
        used.add(hit)
    return True


def same_person(a: str, b: str) -> bool:
    """Whether two spellings name the same person ('Willaim A. Baird' / 'William Anthony
    Baird', 'J. David O'Brien' / 'David J. O'Brien', 'Seth Daniel Bertin' / '... Berlin')."""
    ka, kb = person_key(a), person_key(b)
    if not ka or not kb:
        return False
    if ka.last == kb.last:
        return _given_compatible(ka.given, kb.given)
    full_given = all(len(t) > 1 for t in ka.given) and len(ka.given) >= 2
    return (full_given and ka.given == kb.given and len(ka.last) >= 4
            and abs(len(ka.last) - len(kb.last)) <= 1 and _ratio(ka.last, kb.last) >= 80)


# ---------------------------------------------------------------------------- firms

_LEGAL_SUFFIX = (r"L\.?\s?L\.?\s?P\.?|L\.?\s?L\.?\s?C\.?|P\.?\s?L\.?\s?L\.?\s?C\.?|P\.?\s?C\.?|"
                 r"P\.?\s?A\.?|Ltd\.?|Chtd\.?|Chartered|L\.?\s?P\.?A\.?|A\.?P\.?C\.?")
_OFFICE_DASH = re.compile(r"\s+[-\u2013\u2014]\s+[A-Z][A-Za-z .'’]{1,40}$")
# offices written onto the name without spaces: "Jones Day-D.C.", "...Scarborough-Charleston"
_OFFICE_CITIES = (
    "Atlanta|Austin|Baltimore|Boston|Charleston|Charlotte|Chicago|Cincinnati|Cleveland|Columbia|"
    "Columbus|Dallas|Denver|Detroit|Houston|Indianapolis|Irvine|Jacksonville|Kansas City|"
    "Las Vegas|Los Angeles|Miami|Milwaukee|Minneapolis|Nashville|New Orleans|New York|Newark|"
    "Orlando|Palo Alto|Philadelphia|Phoenix|Pittsburgh|Portland|Raleigh|Richmond|Sacramento|"
    "Salt Lake City|San Diego|San Francisco|San Jose|Seattle|Silicon Valley|St\\. Louis|Tampa|"
    "Washington|Wilmington|Greenville|Birmingham|Memphis|Louisville|Tulsa|Oklahoma City|Omaha|"
    "Hartford|Providence|Buffalo|Albany|Princeton|Roseland|Morristown|Tyler|Longview|Plano|"
    "Fort Worth|San Antonio|Menlo Park|Century City|Orange County|Chattanooga|Knoxville|Mobile|"
    "Montgomery|Jackson|Little Rock|Boise|Anchorage|Honolulu|Albuquerque|Tucson|Reno|Madison")
_OFFICE_HYPHEN = re.compile(rf"(?<=[A-Za-z.])-(?:(?:[A-Z]\.){{2,3}}|[A-Z]{{2}}|(?:{_OFFICE_CITIES}))$")
_OFFICE_PAREN = re.compile(r"\s*\((?:[A-Z]{2,3}|[A-Z][A-Za-z .'’]{1,30})\)$")
_AFTER_SUFFIX = re.compile(rf"^(?P<firm>.{{2,200}}?[\s,]+(?:{_LEGAL_SUFFIX}))\s+[A-Z][A-Za-z .'’]{{1,40}}$")
_ADDRESS_LINE = re.compile(
    r"^(?:\d|#|P\.?\s?O\.?\s+Box|Post\s+Office|Suite\b|Ste\.?\s|Floor\b|One\s+\w+\s+(?:Street|Avenue|Plaza|Drive|Center)\b)",
    re.IGNORECASE,
)
_CONTACT_NOISE = re.compile(r"@|\bE-?mail\b|\bFax\b|\bPhone\b|\bUNDELIVERABLE\b|\bTERMINATED\b|"
                            r"\bPRO\s+SE\b|\(\d{3}\)|\d{3}[-./ ]\d{3}[-./ ]\d{4}", re.IGNORECASE)
_NOT_COUNSEL = re.compile(r"\bAdministrative\s+Hearings\b|\bCourt\b|\bTribunal\b|\bMediations?\b|"
                          r"\bMediator\b|\bArbitrat", re.IGNORECASE)
_LAWISH = re.compile(r"\bLaw\b|\bLegal\b|\bAttorneys?\b|\bCounsel\b|\bJustice\b|\bDefender|"
                     r"\bProfessional\s+Corporation\b|" + _LEGAL_SUFFIX.replace(r"P\.?\s?C\.?|", ""),
                     re.IGNORECASE)
_CORPORATE_END = re.compile(r"(?:,?\s+(?:Inc|Corp|Corporation|Company|Co)\.?)$", re.IGNORECASE)
_JOB_TITLE = re.compile(
    r"^(?:AUSA|SAUSA|(?:(?:Assistant|Deputy|Senior|Special|Chief|Trial|Staff|Supervisory|"
    r"Associate|Principal|Lead|Managing|General|Executive)\s+){1,3}"
    r"(?:United\s+States\s+|U\.\s?S\.\s+|State\s+|County\s+|City\s+|District\s+)?"
    r"(?:Attorneys?(?:\s+General)?|Counsel|Solicitor(?:\s+General)?|Public\s+Defender|"
    r"Prosecutor|Corporation\s+Counsel))$", re.IGNORECASE)
_NO_VALUE = re.compile(r"^(?:N/?A|None|Unknown|Not\s+Applicable|-+)\.?$", re.IGNORECASE)
_CONTINUES = re.compile(r"(?:\bof|\bthe|\band|&|,)$", re.IGNORECASE)


def firm_from_contact(contact: str, attorney: str = "") -> tuple[str | None, str | None]:
    """(firm as printed with office suffix dropped, the raw first line) of a contact block.

    None when the block starts with an address, phone or e-mail, names the attorney
    ("X, Attorney at Law": a solo practitioner), or names a body that is not counsel.
    """
    lines = [clean_space(x) for x in (contact or "").split("\n")]
    lines = [x for x in lines if x]
    if not lines:
        return None, None
    while len(lines) > 1 and _JOB_TITLE.match(lines[0]):
        lines = lines[1:]  # "Assistant United States Attorney" names a post, not the office
    first = lines[0]
    raw = first
    if _CONTINUES.search(first) and len(lines) > 1 and not _ADDRESS_LINE.match(lines[1]):
        first = f"{first} {lines[1]}"
        raw = first
    if _ADDRESS_LINE.match(first) or _CONTACT_NOISE.search(first) or _NO_VALUE.match(first):
        return None, raw
    if attorney and _is_own_name(first, attorney):
        return None, raw  # a solo practitioner's block starts with their own name
    if _NOT_COUNSEL.search(first):
        return None, raw
    if _CORPORATE_END.search(first) and not _LAWISH.search(first):
        return None, raw  # an employer that is not a law firm (in-house)
    return strip_office(first), raw


_SOLO_TAIL = re.compile(r"(?:,?\s*(?:Esq\.?|Esquire|Attorneys?\s+(?:at|and\s+Counsel(?:l?or)?\s+at)\s+Law|"
                        r"Attorney|Lawyer|Counsel(?:l?or)?\s+at\s+Law))+\s*$", re.IGNORECASE)


def _is_own_name(line: str, attorney: str) -> bool:
    """'Lance Lee', 'Adam J. Fishbein, Attorney at Law', 'John J. Cromie, Esq.' for that
    attorney; not 'Law Office of Kevin M. Downing' (a firm named after its lawyer)."""
    rest = _SOLO_TAIL.sub("", line).strip(" ,")
    if not rest or len(rest.split()) > 6 or re.search(r"\b(?:Law|Office|Offices|Firm|Group|"
                                                     r"Associates|Legal)\b", rest, re.IGNORECASE):
        return False
    if canonical_person(rest).lower() == canonical_person(attorney).lower():
        return True
    return same_person(rest, attorney)


def strip_office(firm: str) -> str:
    """'Brinks Gilson & Lione - Chicago' -> 'Brinks Gilson & Lione'; '(DC)' and a city
    after the legal suffix ('Morrison & Foerster LLP San Francisco') go too."""
    s = clean_space(firm)
    for _ in range(2):
        s2 = _OFFICE_DASH.sub("", s)
        s2 = _OFFICE_HYPHEN.sub("", s2)
        s2 = _OFFICE_PAREN.sub("", s2)
        m = _AFTER_SUFFIX.match(s2)
        if m:
            s2 = m.group("firm")
        if s2 == s:
            break
        s = s2
    s = _TRUNCATED_LLP.sub("LLP", s.strip(" ,;-"))
    return s


# a listing cell cut one letter short: "Walker & Rhoads, LL"
_TRUNCATED_LLP = re.compile(r"(?<=[\s,])LL$")
# "X d/b/a Y", "X a/k/a Y": the alias is not a party of its own
_ALIAS = re.compile(r"\s+(?:d/b/a|a/k/a|f/k/a|n/k/a)\s+.*$", re.IGNORECASE | re.DOTALL)


def without_alias(name: str) -> str:
    """'Acme Loan Agency d/b/a Acme Services' -> 'Acme Loan Agency'."""
    return _ALIAS.sub("", name).strip(" ,;") or name


_FIRM_DROP = frozenset("the llp llc pc p c pllc pa ltd chtd chartered lp lpa apc a professional "
                       "corporation l".split())
_FIRM_STOP = frozenset({"of", "the", "s", "and"})


def firm_key(name: str) -> str:
    s = name.lower().replace("&", " and ").replace("’", "'")
    s = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", s)  # l.l.p. -> llp.
    toks = re.findall(r"[a-z0-9]+", s)
    while toks and toks[-1] in _FIRM_DROP:
        toks.pop()
    if toks and toks[0] == "the":
        toks = toks[1:]
    return " ".join(toks)


def same_firm(a: str, b: str) -> bool:
    """Spelling variants of one firm: equal keys, the same words in another order
    ('Office of the Illinois Attorney General' / "Illinois Attorney General's Office"),
    or a small typo ('Morrison & Foersterr')."""
    ka, kb = firm_key(a), firm_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    sa = {t for t in ka.split() if t not in _FIRM_STOP}
    sb = {t for t in kb.split() if t not in _FIRM_STOP}
    if sa and sa == sb and len(sa) >= 2:
        return True
    if _same_government_office(ka, kb):
        return True
    return min(len(ka), len(kb)) >= 8 and _ratio(ka, kb) >= 92


def _same_government_office(ka: str, kb: str) -> bool:
    """"U.S. Attorney's Office" and "United States Attorney's Office, SDNY": one office,
    written with and without the district it sits in."""
    ea, eb = (re.sub(r"^u ?s\b", "united states", k) for k in (ka, kb))
    if "attorney" not in ea or "office" not in ea:
        return False
    if ea == eb:
        return True
    short, long_ = sorted((ea, eb), key=len)
    rest = long_[len(short):].strip()
    return long_.startswith(short + " ") and len(rest.split()) == 1 and 2 <= len(rest) <= 5


# ---------------------------------------------------------------------------- roles

_NON_PARTY = re.compile(r"mediator|special\s+master|service\s+list|arbitrator|neutral|"
                        r"receiver|trustee\s+\(u\.?s\.?\)|^u\.?s\.?\s+trustee|monitor|"
                        r"court\s+staff|witness", re.IGNORECASE)


def party_role(party_type: str) -> str | None:
    """A CM/ECF party-type header in schema terms; None when the schema cannot express it.

    Counter/cross-claim headers map to the side that usually holds them; the caller keeps
    a party's first role, so they only matter for a party listed nowhere else.
    """
    t = re.sub(r"[\s_-]+", " ", (party_type or "").lower()).strip()
    t = re.sub(r"\b(third|3rd)party\b", r"\1 party", t)  # CM/ECF writes "ThirdParty Defendant"
    if not t or _NON_PARTY.search(t):
        return None
    if "intervenor" in t or "intervener" in t:
        return "intervenor"
    if "third party defendant" in t or "3rd party defendant" in t:
        return "third-party"
    if "third party plaintiff" in t or "3rd party plaintiff" in t:
        return "defendant"
    if t.startswith(("counter", "cross")):
        if "defendant" in t:
            return "plaintiff" if t.startswith("counter") else "defendant"
        if "claimant" in t or "plaintiff" in t:
            return "defendant"
        return None
    for word, role in (("appellant", "appellant"), ("appellee", "appellee"),
                       ("petitioner", "petitioner"), ("respondent", "respondent"),
                       ("movant", "movant"), ("plaintiff", "plaintiff"),
                       ("defendant", "defendant"), ("debtor", None)):
        if word in t:
            return role
    return None
