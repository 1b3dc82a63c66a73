"""Names on a CM/ECF docket page: people, firms and party roles as the listing prints them.

- ``spans_of`` finds a name in the rendered page whatever the spacing around its words and
  punctuation ('Joseph C. Sullivan , Jr.' finds 'Joseph C. Sullivan, Jr.');
- people: display forms and same-person matching within one docket record are
  ``graph.names`` rules (``person_name_record``, ``party_name_record``,
  ``same_person_in_docket``); ``is_case_title`` tells a case title printed in a party slot;
- firms: ``firm_from_contact`` takes the first line of an attorney's contact block, unless the
  block starts with an address, names the attorney ("X, Attorney at Law") or an employer that
  is not counsel; ``strip_office`` drops office suffixes ('Jones Day - Atlanta', '(DC)');
  spelling variants of one firm are merged by ``graph.names.same_firm_in_docket``;
- ``party_role``: a CM/ECF party-type header ("ThirdParty Defendant", "Counter Claimant") in
  schema terms, None when the schema cannot express it (mediators, service lists).
"""
from __future__ import annotations

import re

from docketgraph.graph.model import Span
from docketgraph.graph.names import clean_space_record, person_name_record, same_person_in_docket

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

# the case title of an in rem or ex parte matter, printed in a party slot: not a party
_CASE_TITLE = re.compile(r"^(?:In\s+the\s+Matter\s+of|In\s+re\b|In\s+Re:?)\s", re.IGNORECASE)


def is_case_title(name: str) -> bool:
    """'In the Matter of Search Warrants ...', 'In re Acme': a case title, not a party."""
    return bool(_CASE_TITLE.match(name.strip()))


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
    lines = [clean_space_record(x) for x in (contact or "").split("\n")]
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
    if person_name_record(rest).lower() == person_name_record(attorney).lower():
        return True
    return same_person_in_docket(rest, attorney)


def strip_office(firm: str) -> str:
    """'Brinks Gilson & Lione - Chicago' -> 'Brinks Gilson & Lione'; '(DC)' and a city
    after the legal suffix ('Morrison & Foerster LLP San Francisco') go too."""
    s = clean_space_record(firm)
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
