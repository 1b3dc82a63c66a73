"""Counsel rules: what every family shares.

The accumulator that merges one person's or one firm's spellings within a filing, the
patterns of names, bar numbers, e-mails, titles and representation phrases, and the
helpers that tie a representation phrase to the parties and an e-mail to its attorney.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from docketgraph.graph.model import AttorneyMention, FirmMention, PartyMention
from docketgraph.graph.names import (
    clean_space, firm_core_key, firm_display, firm_key, given_names, is_all_caps, person_key, person_name,
    same_person_in_filing, surname,
)
from docketgraph.ingest.fields.firms import (
    canonical_firm, clean_firm, has_legal_suffix, is_government_office, match_firm,
    similar_spelling,
)

# named patterns of the rules below
# two letters in a row: a firm's name has a word in it
_LETTERS_RE = re.compile(r"[A-Za-z]{2,}")
# a signature's lead-in: "By:", "/s/"
_SIG_LEAD_RE = re.compile(r"^[ \t*_]*(?:(?:BY|By)[ \t]*:?[ \t]*)?(?:/?s/)?[ \t]*")
# a short parenthesis after a name ("(pro hac vice)", "(JD 7204)")
_SHORT_PAREN_RE = re.compile(r"\((?:[^()]{0,40})\)")
# a parenthesis left open at the end of a line
_OPEN_PAREN_END_RE = re.compile(r"\([^()]{0,40}$")
# "Esq.", "Esquire", "Attorney at Law" after a name
_ESQ_END_RE = re.compile(r",?[ \t]*(?:Esq\.?|Esquire|Attorney at Law)[ \t]*$", re.I)
# a leading article
_LEAD_THE_RE = re.compile(r"^(?:the|The)[ \t]+")
# words that name no party
_BARE_GROUP_WORD_RE = re.compile(r"(?i:and|the|all|each)")
# the separators of a list of parties
_PARTY_LIST_SEP_RE = re.compile(r",?[ \t]+and[ \t]+(?=[A-Z])|;[ \t]*")
# a name ending in an abbreviation's period ("Inc.", "Jr.")
_ABBREV_PERIOD_END_RE = re.compile(r"\b(?:Inc|Co|Corp|Ltd|Jr|Sr|L\.L\.C|P\.C|N\.A)\.$")
# "the" before a capitalised name
_LEAD_THE_NAME_RE = re.compile(r"^the[ \t]+(?=[A-Z])")
# everything but lower-case letters (e-mail local parts, name keys)
_NON_LETTER_RE = re.compile(r"[^a-z]")


Span = tuple[int, int]


_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,6}")


_PHONE_RE = re.compile(r"\(?\b\d{3}\)?[ .\-]\d{3}[ .\-]\d{4}\b")


# words that qualify a representation line: "Interim Co-Lead Class Counsel for", "Proposed
# Attorneys for", "Local Counsel for", "Special Litigation Counsel for"
_ROLE_QUALIFIER = (
    r"(?:(?i:interim|co-lead|lead|class|liaison|local|proposed|special|trial|appellate|pro[ \t]+bono|"
    r"designated|settlement|litigation|court-appointed|additional|conflicts?|bankruptcy|general|co-|"
    r"of|counsel|and|substitute|substituted|former|outside|regulatory|plaintiffs['’]?|defendants['’]?|"
    r"executive[ \t]+committee|steering[ \t]+committee|committee)[ \t]*)")


_ROLE_LINE_RE = re.compile(
    rf"^[ \t*_]*(?:{_ROLE_QUALIFIER}{{1,5}}[ \t]+(?=(?i:(?:attorneys?|counsel|lawyers?)[ \t]+for\b)))?"
    r"(?:(?:Attorneys?|Counsel|Lawyers?)(?:[ \t]+and[ \t]+Counsel(?:ors)?)?[ \t]+for\b"
    r"|(?:ATTORNEYS?|COUNSEL)[ \t]+FOR\b)", re.M)


_SIG_RE = re.compile(r"^[ \t*_]*(?:(?:BY|By)[ \t]*:?[ \t]*)?/?s/[ \t]*", re.M)


_BAR_RE = re.compile(
    r"\((?:[A-Z]{1,3}[ \t]?\d{2,7}|(?:ARDC|Bar|Fla\.? Bar|SBN|State Bar|NY Bar|Reg\.?)[^()\n]{0,25}"
    r"|[A-Za-z. ]{0,12}\b(?:Bar|ARDC|SBN|Reg\.)[ \t]+(?:No\.|#|Number)?[^()\n]{0,20}"
    r"|admitted[^()\n]{0,40}|pro hac vice[^()\n]{0,20}|argued|Argued|ARGUED|of counsel)\)")


_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming|District of Columbia|D\\.C\\.|DC|Puerto Rico|"
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|Ala\\.|Ariz\\.|Ark\\.|Cal\\.|"
    "Calif\\.|Colo\\.|Conn\\.|Del\\.|Fla\\.|Ga\\.|Ill\\.|Ind\\.|Kan\\.|Ky\\.|La\\.|Md\\.|Mass\\.|"
    "Mich\\.|Minn\\.|Miss\\.|Mo\\.|Mont\\.|Neb\\.|Nev\\.|N\\.H\\.|N\\.J\\.|N\\.M\\.|N\\.Y\\.|N\\.C\\.|"
    "N\\.D\\.|Okla\\.|Or\\.|Ore\\.|Pa\\.|R\\.I\\.|S\\.C\\.|S\\.D\\.|Tenn\\.|Tex\\.|Vt\\.|Va\\.|"
    "Wash\\.|W\\.Va\\.|Wis\\.|Wyo\\."
)


_STATE_RE = re.compile(rf"^(?:{_STATES})(?:[ \t]+\d{{5}}(?:-\d{{4}})?)?$", re.I)


# Letters of Latin scripts, upper and lower case ("Ordoñez", "Andrés", "INÈS")
_UP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())


_LO = "a-z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.islower())


_NAME_TOKEN = (rf"(?:[{_UP}][{_LO}'’\-]{{1,24}}(?:[{_UP}][{_LO}'’\-]{{1,20}})?|[{_UP}]\.|"
               rf"(?:de|du|da|di|le|la|van|von|del|della|dos|des)[{_UP}][{_LO}'’\-]{{1,24}}|"  # "deLeeuw"
               rf"[{_UP}][{_UP}'’\-]{{1,24}}|[{_UP}](?=[ \t]))")


_PERSON_RE = re.compile(
    rf"^{_NAME_TOKEN}(?:[ \t]{{1,2}}(?:{_NAME_TOKEN}|de|De|van|Van|von|la|La|del|Del|da|di|Di)){{1,4}}"
    r"(?:,?[ \t]+(?:Jr\.?|Sr\.?|JR\.?|SR\.?|II|III|IV))?$"
)


_NOT_NAME_WORDS = {
    "respectfully", "submitted", "dated", "counsel", "attorneys", "attorney", "plaintiff",
    "plaintiffs", "defendant", "defendants", "street", "suite", "avenue", "floor", "court",
    "united", "states", "district", "judge", "honorable", "hon", "telephone", "facsimile",
    "email", "e-mail", "fax", "tel", "phone", "certificate", "service", "order", "ordered",
    "so", "the", "of", "for", "and", "llp", "llc", "ltd", "ltd.", "pllc", "p.c.", "p.a.", "inc",
    "inc.", "law", "group", "firm", "office", "offices", "division", "via", "ecf", "re", "re:",
    "page", "exhibit", "declaration", "memorandum", "motion", "case", "no", "no.", "docket",
    "chambers", "clerk", "courthouse", "square", "plaza", "drive", "road", "boulevard", "box",
    "appellant", "appellee", "appellants", "appellees", "petitioner", "respondent", "argued",
    "brief", "on", "with", "whom", "by", "in", "at", "to", "from", "dear", "sincerely",
    "jointly", "magistrate", "circuit", "county", "city", "state", "department", "glossary",
    "definition", "term", "preliminary", "injunction", "temporary", "restraining", "proposed",
    "amazon", "schedule", "notice", "electronic", "filing", "original", "main", "document",
    "opinion", "judgment", "final", "default", "legal", "associates", "partners", "society",
    "amicus", "amici", "curiae", "fellowship", "church", "union", "foundation", "center",
    "memo", "endorsed", "endorsement", "unincorporated", "associations", "identified",
    "individuals", "entities", "partnerships", "corporations", "hereto", "business",
    "tower", "building", "centre", "assistant", "deputy", "defender", "defenders", "solicitor",
}


_SUFFIX_ITEM = re.compile(r"^(?:Jr\.?|Sr\.?|JR\.?|SR\.?|II|III|IV|Esq\.?)$")


_TITLE_ITEM = re.compile(
    r"^(?:(?:Assistant|Deputy|Special|Chief|Senior|Principal|First|Acting|Associate|Lead|Local|Trial|Staff|"
    r"Managing|Supervising|Litigation|Appellate|Regional|Executive|Interim|Of)[ \t]+)*"
    r"(?:(?:United[ \t]+States|U\.[ \t]?S\.|State|County|City|Federal|Commonwealth|Regional)[ \t]+)?"
    r"(?:Attorneys?[ \t]+General|Solicitor[ \t]+General|Attorneys?|Counsel|Public[ \t]+Defenders?|"
    r"District[ \t]+Attorneys?|Corporation[ \t]+Counsel|General[ \t]+Counsel|Law[ \t]+Students?|"
    r"Lead[ \t]+Attorney|Attorney[ \t]+to[ \t]+be[ \t]+Noticed|Pro[ \t]+Hac[ \t]+Vice|Designated)"
    r"(?:[ \t]+of[ \t]+[A-Z][A-Za-z \t]{2,40})?"
    r"(?:,[ \t]*[A-Z][A-Za-z.'’ \t]{2,40}(?:Division|Section|Branch|Bureau|Unit|Office))?$",
    re.I,
)


_GENERIC_LOCAL = {"mail", "info", "docket", "dockets", "ecf", "ecfnotices", "notices", "notice",
                  "office", "admin", "contact", "service", "efile", "filing", "masterdocketlit",
                  "docketing", "calendar", "court", "legal", "law"}


_ROLE_WORDS = re.compile(
    r"\b(?:(?:third[ \t-]party[ \t]+)?(?:plaintiffs?|defendants?|appellants?|appellees?|"
    r"petitioners?|respondents?|intervenors?|movants?|counter-?(?:claimants?|defendants?)|"
    r"cross-?(?:appellants?|appellees?))(?:[-–](?:appellants?|appellees?|petitioners?|"
    r"respondents?|cross-appellants?|cross-appellees?))*|amic(?:us|i)[ \t]+curiae)\b", re.I)


@dataclass
class _Att:
    name: str
    firm: str | None = None
    email: str | None = None
    represents: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    firm_set: bool = False


@dataclass
class _Firm:
    name: str
    represents: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    evidence: str | None = None
    variants: set[str] = field(default_factory=set)  # the cores of every spelling merged in


class _Acc:
    """Accumulates attorneys and firms, merging spellings of one person or firm."""

    def __init__(self, text: str, parties: tuple[PartyMention, ...]):
        self.text = text
        self.parties = parties
        self.atts: list[_Att] = []
        self.firms: list[_Firm] = []
        # in a certificate of service or after an exhibit's slip-sheet, blocks only add to the
        # attorneys and firms already found (the served lawyers, an exhibit's letterhead are not
        # this filing's counsel)
        self.known_only = False

    # -- firms
    def firm(self, raw: str, span: Span | None, represents: list[str] = (),
             *, need_reference: bool = False) -> str | None:
        raw = clean_firm(raw)
        if not raw or len(raw) < 3 or not _LETTERS_RE.search(_firm_core(raw)) or \
                _firm_core(raw) in ("llc", "llp", "ltd", "pc", "pa", "pllc", "inc"):
            return None
        if need_reference and match_firm(raw, self.text) is None and not has_legal_suffix(raw):
            return None
        name, evidence = canonical_firm(raw, self.text)
        if is_government_office(raw):
            name, evidence = _gov_display(raw), None
        key = _firm_merge_key(name)
        core = _firm_core(name)
        if self.known_only and not any(_firm_merge_key(f.name) == key or core in f.variants
                                       or _short_form(core, f.variants) for f in self.firms):
            return None
        for f in self.firms:
            if _firm_merge_key(f.name) == key or core in f.variants:
                if len(name) > len(f.name) and not f.evidence:
                    f.name = name
                f.variants.add(core)
                if span:
                    f.spans.append(span)
                _extend(f.represents, represents)
                f.evidence = f.evidence or evidence
                return f.name
        for f in self.firms:
            if _short_form(core, f.variants):
                # one firm written in full and in short ("Finnegan Henderson"): the fullest form
                if len(core) > max(len(v) for v in f.variants) and not f.evidence:
                    f.evidence = evidence or (f"short form {f.name!r} merged into {name!r}" if f.name != name else None)
                    f.name = name
                f.variants.add(core)
                if span:
                    f.spans.append(span)
                _extend(f.represents, represents)
                return f.name
        for f in self.firms:
            if similar_spelling(f.name, name):
                # a typo of a firm named elsewhere in the document: the more frequent spelling
                low = self.text.lower()
                if low.count(name.lower()) > low.count(f.name.lower()):
                    f.evidence = f"spelling {f.name!r} merged into {name!r} (more frequent)"
                    f.name = name
                else:
                    f.evidence = f.evidence or f"spelling {name!r} merged into {f.name!r} (more frequent)"
                f.variants.add(core)
                if span:
                    f.spans.append(span)
                _extend(f.represents, represents)
                f.evidence = f.evidence or evidence
                return f.name
        self.firms.append(_Firm(name, list(represents), [span] if span else [], evidence, {core}))
        return name

    # -- attorneys
    def attorney(self, raw: str, span: Span, *, firm: str | None = None, email: str | None = None,
                 represents: list[str] = (), firm_known: bool = True) -> None:
        name = person_name(_strip_name_noise(raw))
        if not _plausible_person(name):
            return
        k = person_key(name)
        for a in self.atts:
            if person_key(a.name) == k or same_person_in_filing(a.name, name):
                if len(name) > len(a.name):
                    a.name = name
                a.spans.append(span)
                if firm and not a.firm:
                    a.firm = firm
                if email and not a.email:
                    a.email = email
                _extend(a.represents, represents)
                return
        if self.known_only:
            return
        self.atts.append(_Att(name, firm, email, list(represents), [span]))

    def result(self, case: str | None) -> tuple[list[AttorneyMention], list[FirmMention]]:
        # an attorney's firm is named as the firm list names it (the fullest spelling)
        final = {v: f.name for f in self.firms for v in f.variants | {_firm_core(f.name)}}
        atts = []
        for a in self.atts:
            firm = final.get(_firm_core(a.firm), a.firm) if a.firm else None
            atts.append(AttorneyMention(a.name, firm, a.email, tuple(a.represents), case,
                                        tuple(sorted(set(a.spans))), tuple(a.roles)))
        firms = [FirmMention(f.name, tuple(f.represents), case, tuple(sorted(set(f.spans))),
                             f.evidence) for f in self.firms]
        return atts, firms


def _extend(dst: list[str], src) -> None:
    for x in src or ():
        if x and x not in dst:
            dst.append(x)


def _short_form(core: str, variants: set[str]) -> bool:
    """Whether one firm's name is the other's first words ("finnegan henderson" and "finnegan
    henderson farabow garrett dunner"): two words at least, so a surname alone never merges."""
    a = core.split()
    for v in variants:
        b = v.split()
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        if len(short) >= 2 and short != long_ and long_[:len(short)] == short:
            return True
    return False


def _firm_merge_key(name: str) -> str:
    return firm_key(name)


def _firm_core(name: str) -> str:
    return firm_core_key(name)


def _gov_display(raw: str) -> str:
    s = clean_space(raw).strip(" ,.;").replace("’", "'")
    return firm_display(s) if is_all_caps(s) else s


_TRAILING_BAR_RE = re.compile(
    r",?[ \t]*(?:[A-Z][a-z]{1,12}\.?[ \t]+)?(?:State[ \t]+)?(?:Bar|Attorney|ARDC|Reg\.?|Registration|SBN|"
    r"I\.?D\.?)[ \t]+(?:No\.?|#|Number|I\.?D\.?)?[ \t]*:?[ \t]*[A-Z]{0,2}\d{3,9}[ \t]*$")


def _strip_name_noise(raw: str) -> str:
    s = _BAR_RE.sub(" ", raw)
    s = _SIG_LEAD_RE.sub("", s)
    s = _SHORT_PAREN_RE.sub(" ", s)
    s = _OPEN_PAREN_END_RE.sub(" ", s)  # "(pro hac vice" wrapped onto the next line
    s = _TRAILING_BAR_RE.sub("", s)  # "Odile M. Brassard, Attorney No. 48213"
    s = _ESQ_END_RE.sub("", s.strip())
    return clean_space(s).strip(" ,;*_")


def _plausible_person(name: str) -> bool:
    if not name or len(name) > 60 or not _PERSON_RE.match(name):
        return False
    words = [w.lower().strip(",.") for w in name.split()]
    if any(w in _NOT_NAME_WORDS for w in words) or any(w.endswith(("'s", "’s")) for w in words):
        return False  # "Acme's Review Committee": a possessive is no part of a person's name
    core = [w for w in name.split() if not _SUFFIX_ITEM.match(w.strip(","))]
    if len(core) < 2:
        return False
    if all(len(w.rstrip(".")) == 1 for w in core[:-1]) and len(core) == 2 and len(core[0]) <= 2:
        return False  # "J. Smith" alone: too thin? keep "F. James Loprest" (3 words)
    return len(core[-1].rstrip(".,")) >= 2


def _party_names_for(stmt: str, parties: tuple[PartyMention, ...]) -> list[str]:
    """Party names a representation phrase points to ("Plaintiff Robert Diggs", "Appellee")."""
    s = clean_space(stmt).strip(" ,.;:*_")
    names: list[str] = []
    role_m = _ROLE_WORDS.search(s)
    rest = _ROLE_WORDS.sub("", s, count=1).strip(" ,.;:") if role_m else s
    rest = _LEAD_THE_RE.sub("", rest) if rest.lower().startswith("the ") and role_m \
        and len(rest) < 8 else rest
    if rest and len(rest) > 2 and not _BARE_GROUP_WORD_RE.fullmatch(rest):
        for p in _PARTY_LIST_SEP_RE.split(rest):
            p = p.strip(" ,;")
            if not _ABBREV_PERIOD_END_RE.search(p):
                p = p.rstrip(".")
            p = _LEAD_THE_NAME_RE.sub("", p)
            if len(p) > 1 and p[0].isupper():
                names.append(_as_party(p, parties))
    if not names and role_m:
        word = role_m.group(0).lower()
        for party in parties:
            r = party.role.lower()
            if r[:5] in word or (r == "third-party" and "third" in word):
                if party.name not in names:
                    names.append(party.name)
    return names


def _as_party(name: str, parties: tuple[PartyMention, ...]) -> str:
    """The party's own name when a representation phrase gives it in part ("Dammann & Co."
    for "Dammann & Co., Inc.", "Travelers Indemnity Company" for "The Travelers ...")."""
    k = firm_key(name)
    if not k:
        return name
    for party in parties:
        pk = firm_key(party.name)
        if pk == k or (len(k) >= 6 and (pk.startswith(k) or k.startswith(pk))):
            return party.name
    return name


def _assign_emails(names: list[tuple[str, int]], emails: list[tuple[str, int]]) -> dict[str, str]:
    """Match e-mails to attorneys: local part built from the name, else the line below."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for name, _ in names:
        pn = person_name(_strip_name_noise(name))
        last = _NON_LETTER_RE.sub("", person_key(surname(pn)))
        giv = [_NON_LETTER_RE.sub("", person_key(g)) for g in given_names(pn)]
        first = giv[0] if giv else ""
        if not last:
            continue
        for e, _ in emails:
            local = _NON_LETTER_RE.sub("", e.split("@")[0].lower())
            if e in used or local in _GENERIC_LOCAL:
                continue
            if (last in local and (not first or local.startswith(first[:1]) or local.startswith(last))) \
                    or (len(last) >= 4 and local.startswith(last[:4]) and first and first[:1] in local) \
                    or (len(first) >= 3 and (local == first or local == first + last[:1])):
                out[name] = e
                used.add(e)
                break
    personal = [e for e, _ in emails if e not in used
                and _NON_LETTER_RE.sub("", e.split("@")[0].lower()) not in _GENERIC_LOCAL]
    if len(names) == 1 and not out and len(personal) == 1:
        return {names[0][0]: personal[0]}  # one attorney, one personal address
    for name, line_no in names:
        if name in out:
            continue
        for e, eline in emails:
            if e not in used and eline in (line_no + 1, line_no + 2) and \
                    _NON_LETTER_RE.sub("", e.split("@")[0].lower()) not in _GENERIC_LOCAL:
                out[name] = e
                used.add(e)
                break
    return out


def _is_party_name(raw: str, parties: tuple[PartyMention, ...]) -> bool:
    k = firm_key(clean_firm(raw))
    return bool(k) and any(firm_key(p.name) == k for p in parties)
