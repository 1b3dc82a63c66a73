"""Counsel: attorneys, their firms, e-mails and whom they represent.

Rules follow how filings print counsel:

- **Contact blocks** (signature blocks, appellate cover pages, proposed orders): names stacked
  above the firm line, then address, phone and e-mail lines, and a representation line
  ("Counsel for Plaintiff X", "Attorneys for Plaintiff" + the party on the next line). The
  firm is the organisation on the block's first non-name line; a block whose only person
  line is the attorney's own name and that names no organisation is a solo practitioner
  (firm null). A letter on a firm's letterhead signed by an attorney takes the letterhead firm.
- **One-line blocks**: "A (JD 7204) B (AS 7715) FIRM LLP Attorneys for Plaintiff X".
- **Counsel statements** of opinions: "X, Firm, City, State, for appellant.",
  "ARGUED: ... ON BRIEF: ...", "X (argued) and Y, Firm, City, for ...", "X, with whom Y and
  Firm were on brief, for ..." (in "X, Y, and Firm on brief" lists each attorney's firm is
  null, a lone "X and Firm" keeps the pair; lawyers given only with a city have no firm).
- **Docket text**: "ATTORNEY Appearance for Plaintiff P by X", "Notice of appearance by X
  on behalf of P", and a CM/ECF notice's "electronically mailed to" list (name + e-mails).
- **Statements in an order's body**: "Plaintiff's counsel Epstein Drengel" (a firm, resolved
  against the reference list with the evidence kept), "Firm LLP, counsel for Plaintiff",
  and a tracker's labelled "Law firm:" field.

The e-mail of an attorney is the first address listed for them, matched to the attorney by
the address's local part (jgaudio@ -> Justin R. Gaudio) or, failing that, by the line right
below the name. A firm is never taken from an e-mail domain.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

from rapidfuzz.distance import OSA

from docketgraph.graph.model import AttorneyMention, FirmMention, PartyMention
from docketgraph.graph.names import clean_space, firm_display, given_names, is_all_caps
from docketgraph.ingest.fields.firms import (
    canonical_firm, clean_firm, has_legal_suffix, is_government_office, looks_like_firm,
    match_firm, similar_spelling,
)
from docketgraph.ingest.fields.namekeys import (
    firm_core_key, firm_key, person_key, person_name, surname,
)

__all__ = ["find_counsel"]

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
        if not raw or len(raw) < 3 or not re.search(r"[A-Za-z]{2,}", _firm_core(raw)) or \
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
            if person_key(a.name) == k or _same_person(a.name, name):
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
    s = re.sub(r"^[ \t*_]*(?:(?:BY|By)[ \t]*:?[ \t]*)?(?:/?s/)?[ \t]*", "", s)
    s = re.sub(r"\((?:[^()]{0,40})\)", " ", s)
    s = re.sub(r"\([^()]{0,40}$", " ", s)  # "(pro hac vice" wrapped onto the next line
    s = _TRAILING_BAR_RE.sub("", s)  # "Odile M. Brassard, Attorney No. 48213"
    s = re.sub(r",?[ \t]*(?:Esq\.?|Esquire|Attorney at Law)[ \t]*$", "", s.strip(), flags=re.I)
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


def _same_person(a: str, b: str) -> bool:
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


# ---------------------------------------------------------------- lines and blocks

@dataclass
class _Line:
    start: int
    end: int
    text: str
    kind: str = "other"
    row: int = 0
    last_row: int = -1  # the last row of a firm's name wrapped over several lines


def _end_row(ln: _Line) -> int:
    return ln.last_row if ln.last_row >= 0 else ln.row


_LINE_NO_RE = re.compile(r"^([ \t]{0,3})(\d{1,2})(?=[ \t]|$)")


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for row, raw in enumerate(text.split("\n")):
        out.append(_Line(pos, pos + len(raw), raw, row=row))
        pos += len(raw) + 1
    _blank_line_numbers(out)
    return out


_GAP_RE = re.compile(r"\S[ \t]{6,}(?=\S)")
_COUNSEL_KINDS = ("sig", "email", "role")


def _split_columns(lines: list[_Line]) -> list[_Line]:
    """Two signature blocks printed side by side ("/s/ A          /s/ B"): each run of rows
    split at a common column is replaced by its left column, then its right column, so that
    each block reads top to bottom. A run is split only when both columns hold counsel lines
    (a signature, an e-mail or a representation line)."""
    out: list[_Line] = []
    k = 0
    n = len(lines)
    while k < n:
        m = _GAP_RE.search(lines[k].text) if lines[k].text.strip() else None
        if not m:
            out.append(lines[k])
            k += 1
            continue
        col = m.end()
        j = k
        split_rows: list[tuple[_Line, str | None, str | None, int]] = []
        while j < n and j - k < 40:
            t = lines[j].text
            if not t.strip():
                if j + 1 < n and not lines[j + 1].text.strip():
                    break
                split_rows.append((lines[j], None, None, col))
                j += 1
                continue
            g = None
            for gm in _GAP_RE.finditer(t):
                if abs(gm.end() - col) <= 3:
                    g = gm
            lead = len(t) - len(t.lstrip())
            if g:
                split_rows.append((lines[j], t[:g.start() + 1], t[g.end():], g.end()))
            elif lead >= col - 3:
                split_rows.append((lines[j], None, t[lead:], lead))
            elif len(t.rstrip()) < col - 3:
                split_rows.append((lines[j], t, None, col))
            else:
                break
            j += 1
        left = [_Line(ln.start, ln.start + len(lt), lt, row=ln.row) for ln, lt, _, _ in split_rows if lt]
        right = [_Line(ln.start + c, ln.start + c + len(rt), rt, row=ln.row) for ln, _, rt, c in split_rows if rt]
        kinds_l = {_classify(x) for x in left}
        kinds_r = {_classify(x) for x in right}
        if len(split_rows) >= 3 and kinds_l & set(_COUNSEL_KINDS) and kinds_r & set(_COUNSEL_KINDS) \
                and sum(1 for _, lt, rt, _ in split_rows if lt and rt) >= 2:
            blank_l = [_Line(ln.start, ln.start, "", row=ln.row) for ln, lt, rt, _ in split_rows if not lt]
            out.extend(sorted(left + blank_l, key=lambda x: x.row))
            out.append(_Line(lines[j - 1].end, lines[j - 1].end, "", row=-10))
            out.append(_Line(lines[j - 1].end, lines[j - 1].end, "", row=-10))
            blank_r = [_Line(ln.start, ln.start, "", row=ln.row) for ln, lt, rt, _ in split_rows if not rt]
            out.extend(sorted(right + blank_r, key=lambda x: x.row))
            k = j
        else:
            out.append(lines[k])
            k += 1
    return out


def _blank_line_numbers(lines: list[_Line]) -> None:
    """Pleading paper numbers its lines down the margin ("10   Vivian E. Tremont"): when a
    document counts lines up in runs, the margin numbers are blanked (offsets kept)."""
    nums = [_LINE_NO_RE.match(ln.text) for ln in lines]
    runs = 0
    prev = None
    for m in nums:
        if m is None:
            continue
        v = int(m.group(2))
        if prev is not None and v == prev + 1:
            runs += 1
        prev = v
    if runs < 6:
        return
    for ln, m in zip(lines, nums):
        if m is not None:
            ln.text = " " * m.end() + ln.text[m.end():]


_ADDRESS_RE = re.compile(
    r"(?:^\d{1,6}[ \t]+\S|\b(?:Suite|Ste\.|Floor|Fl\.|P\.?[ \t]?O\.?[ \t]+Box|Street|St\.|Avenue|Ave\.?|"
    r"Boulevard|Blvd\.?|Road|Rd\.|Drive|Dr\.|Plaza|Square|Place|Lane|Parkway|Pike|Route)\b"
    r"|,[ \t]*(?:[A-Z]{2}|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]+\d{5}(?:-\d{4})?\b)")
_JUDGE_LINE_RE = re.compile(r"(?i:\b(?:judge|honorable|justice|courthouse|chambers)\b|\bhon\.|"
                            r"\bU\.?[ \t]?S\.?[ \t]?[DMB]\.?[ \t]?J\b\.?)")
# what precedes a judge's signature: "SO ORDERED.", "BY THE COURT:", "ENTERED:"
_ORDERED_RE = re.compile(r"(?i:^[ \t*_]*(?:(?:it[ \t]+is[ \t]+)?so[ \t]+ordered|by[ \t]+the[ \t]+court|"
                         r"entered|enter|memo[ \t]+endorsed)\b[^\n]{0,60}$)")
_CAPTION_NO_RE = re.compile(r"(?i:\b(?:case|civil[ \t]+action|docket|index|adv\.?)[ \t]+no\b|"
                            r"\bno\.[ \t]*\d|\b\d{1,2}[:\-]\d{2}[ \t\-]?(?:cv|civ|CV|CIV)\b)")
_SUBMITTED_RE = re.compile(r"(?i:^[ \t*_]*(?:respectfully[ \t]+submitted|dated|date:|sincerely|very[ \t]+truly|"
                           r"of[ \t]+counsel|jointly[ \t]+submitted)\b)")


def _classify(line: _Line) -> str:
    return _classify_text(line.text)


# Counsel blocks repeat from filing to filing (the same firm, address and signature
# lines): a line's kind, a pure function of its text, is remembered.
@lru_cache(maxsize=16384)
def _classify_text(text: str) -> str:
    t = text.strip().strip("*_ ")
    if not t:
        return "blank"
    if len(t) > 160:
        return "prose"
    if _ROLE_LINE_RE.match(t):
        return "role"
    if re.search(r"(?i:\bfor[ \t]+(?:the[ \t]+)?(?:plaintiffs?|defendants?|appell|petition|respond|amic))", t) \
            or (t.count(",") >= 3 and len(t) > 60):
        return "prose"
    if _SIG_RE.match(t):
        return "sig"
    if _SUBMITTED_RE.match(t):
        return "submitted"
    if _EMAIL_RE.search(t):
        return "email"
    if re.match(r"(?i:^(?:tel|telephone|phone|fax|facsimile|ph|direct|main|cell)\b\.?:?|^[tfp][ \t]?:)", t) \
            or (_PHONE_RE.search(t) and len(_PHONE_RE.sub("", t).strip(" ()/:.-–•|TFtfaxelphonsimi")) < 25):
        return "phone"
    if re.match(r"(?i:^(?:www\.|https?://))", t):
        return "url"
    if _JUDGE_LINE_RE.search(t):
        return "judge"
    if _CAPTION_NO_RE.search(t) and not re.search(r"(?i:\bbar\b|\bardc\b|\bsbn\b|attorney)", t):
        return "other"  # a case number in a caption is not an address
    if _ADDRESS_RE.search(t) and not _PERSON_RE.match(_strip_name_noise(t)):
        return "address"
    if re.search(r"\d{2,}", t) and not _BAR_RE.search(t):
        return "address" if len(t) < 60 else "prose"
    cleaned = _strip_name_noise(t)
    person = bool(_PERSON_RE.match(cleaned)) and _plausible_person(person_name(cleaned))
    if not person and _TITLE_ITEM.match(cleaned) and not is_government_office(cleaned):
        return "other"  # "Lead Counsel", "Assistant Attorney General": a title, not a firm
    if not person and looks_like_firm(cleaned):
        return "firm"
    if person:
        return "name"
    if re.search(r"[a-z]{3,}[ \t]+[a-z]{3,}[ \t]+[a-z]{3,}[ \t]+[a-z]{3,}", t) or t.endswith(("." ,";")) \
            and len(t) > 60:
        return "prose"
    return "other"


def _party_names_for(stmt: str, parties: tuple[PartyMention, ...]) -> list[str]:
    """Party names a representation phrase points to ("Plaintiff Robert Diggs", "Appellee")."""
    s = clean_space(stmt).strip(" ,.;:*_")
    names: list[str] = []
    role_m = _ROLE_WORDS.search(s)
    rest = _ROLE_WORDS.sub("", s, count=1).strip(" ,.;:") if role_m else s
    rest = re.sub(r"^(?:the|The)[ \t]+", "", rest) if rest.lower().startswith("the ") and role_m \
        and len(rest) < 8 else rest
    if rest and len(rest) > 2 and not re.fullmatch(r"(?i:and|the|all|each)", rest):
        for p in re.split(r",?[ \t]+and[ \t]+(?=[A-Z])|;[ \t]*", rest):
            p = p.strip(" ,;")
            if not re.search(r"\b(?:Inc|Co|Corp|Ltd|Jr|Sr|L\.L\.C|P\.C|N\.A)\.$", p):
                p = p.rstrip(".")
            p = re.sub(r"^the[ \t]+(?=[A-Z])", "", p)
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
        last = re.sub(r"[^a-z]", "", person_key(surname(pn)))
        giv = [re.sub(r"[^a-z]", "", person_key(g)) for g in given_names(pn)]
        first = giv[0] if giv else ""
        if not last:
            continue
        for e, _ in emails:
            local = re.sub(r"[^a-z]", "", e.split("@")[0].lower())
            if e in used or local in _GENERIC_LOCAL:
                continue
            if (last in local and (not first or local.startswith(first[:1]) or local.startswith(last))) \
                    or (len(last) >= 4 and local.startswith(last[:4]) and first and first[:1] in local) \
                    or (len(first) >= 3 and (local == first or local == first + last[:1])):
                out[name] = e
                used.add(e)
                break
    personal = [e for e, _ in emails if e not in used
                and re.sub(r"[^a-z]", "", e.split("@")[0].lower()) not in _GENERIC_LOCAL]
    if len(names) == 1 and not out and len(personal) == 1:
        return {names[0][0]: personal[0]}  # one attorney, one personal address
    for name, line_no in names:
        if name in out:
            continue
        for e, eline in emails:
            if e not in used and eline in (line_no + 1, line_no + 2) and \
                    re.sub(r"[^a-z]", "", e.split("@")[0].lower()) not in _GENERIC_LOCAL:
                out[name] = e
                used.add(e)
                break
    return out


# the rest of a firm's name wrapped onto its own line: the legal form ("Professional
# Corporation") or the end of an ALL-CAPS name ("GARRETT & DUNNER, LLP")
_FORM_LINE_RE = re.compile(
    r"^(?i:professional[ \t]+(?:law[ \t]+)?(?:corporation|association)|limited[ \t]+liability[ \t]+"
    r"(?:partnership|company)|l\.?[ \t]?l\.?[ \t]?p\.?|l\.?[ \t]?l\.?[ \t]?c\.?|p\.?[ \t]?l\.?[ \t]?l\.?[ \t]?c\.?|"
    r"p\.[ \t]?c\.|p\.[ \t]?a\.|ltd\.?|chartered|l\.p\.a\.?|co\.,?[ \t]+l\.p\.a\.)[ \t]*[.,]?$")
# descriptions under a firm's name that are not part of it ("A Professional Corporation",
# "Attorneys at Law")
_FORM_NOTE_RE = re.compile(
    r"^(?i:an?[ \t]+(?:professional|limited)[ \t]+[a-z \t]{3,40}|attorneys?[ \t]+(?:and[ \t]+counsel(?:l?ors)?"
    r"[ \t]+)?at[ \t]+law|counsel(?:l?ors)?[ \t]+at[ \t]+law|intellectual[ \t]+property[ \t]+(?:law|attorneys))[ \t]*[.,]?$")
_CONNECTOR_END_RE = re.compile(r"(?:,|&|\bAND|\band)[ \t]*$")


# a line of office locations set apart by ornaments: "CHICAGO • NEW YORK • MIAMI"
_OFFICES_RE = re.compile(
    r"^(?:[A-Z][A-Za-z.'’\-]+(?:[ \t][A-Z][A-Za-z.'’\-]+){0,2})(?:[ \t]*[◆◇•·|■▪●][ \t]*"
    r"[A-Z][A-Za-z.'’\-]+(?:[ \t][A-Z][A-Za-z.'’\-]+){0,2}){1,12}$")


def _join_wrapped_firms(lines: list[_Line]) -> list[_Line]:
    """A firm's name wrapped over two or three lines becomes one firm line; a line that only
    describes the firm ("A Professional Corporation", "Attorneys at Law") is set aside."""
    out: list[_Line] = []
    k = 0
    while k < len(lines):
        ln = lines[k]
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if nxt is not None and ln.kind in ("firm", "other", "name") and nxt.row == ln.row + 1 \
                and _wraps_into(ln, nxt):
            a, b = ln.text.rstrip(), nxt.text.strip()
            if _FORM_LINE_RE.match(b):  # "ROE & DOE" + "Professional Corporation"
                b = b.upper() if is_all_caps(a) else b
                a = a if a.endswith(",") else a + ","
            joined = _Line(ln.start, nxt.end, a + " " + b, "firm", ln.row)
            # a third line ("FINNEGAN, HENDERSON, / FARABOW, GARRETT & / DUNNER, LLP")
            if k + 2 < len(lines) and lines[k + 2].row == nxt.row + 1 and _wraps_into(joined, lines[k + 2]):
                third = lines[k + 2]
                joined = _Line(ln.start, third.end, joined.text + " " + third.text.strip(), "firm", ln.row)
                k += 1
            joined.last_row = lines[k + 1].row  # the block goes on from the last wrapped line
            out.append(joined)
            k += 2
            continue
        if ln.kind in ("name", "other", "firm") and _FORM_NOTE_RE.match(ln.text.strip()) and out \
                and out[-1].kind == "firm":
            ln.kind = "cont"
        out.append(ln)
        k += 1
    return out


def _wraps_into(ln: _Line, nxt: _Line) -> bool:
    a, b = ln.text.strip(), nxt.text.strip()
    if not a or not b or _EMAIL_RE.search(b) or re.search(r"\d", a + b):
        return False
    if ln.kind == "firm" and _FORM_LINE_RE.match(b):
        return not has_legal_suffix(a)  # "WILSON SONSINI ... ROSATI" + "Professional Corporation"
    if not (is_all_caps(a) and is_all_caps(b)) or nxt.kind not in ("firm", "name", "other"):
        return False
    joined = a + " " + b
    if not looks_like_firm(joined) or _TITLE_ITEM.match(joined):
        return False
    if _CONNECTOR_END_RE.search(a) or re.match(r"^(?:&|AND\b)", b):
        return True
    # no connector: when the joined name is a known firm, or when three or more capitalised words
    # without an initial run on into a line ending in a legal form ("BRACKETT HOLLOWAY TRENT / MUIR
    # AND DALE LLP")
    if match_firm(joined) is not None and match_firm(a) is None:
        return True
    return len(a.split()) >= 3 and not re.search(r"\b[A-Z]\.", a) and "," not in a \
        and has_legal_suffix(b) and not has_legal_suffix(a)


def _blocks(text: str, acc: _Acc) -> None:
    lines = _split_columns(_lines(text))
    for k, ln in enumerate(lines):
        ln.kind = _classify(ln)
    lines = _join_wrapped_firms(lines)
    for k, ln in enumerate(lines):
        # "Rafael D. Aguilar (pro hac vice\n   pending)": the wrapped end of a parenthesis
        if k and lines[k - 1].text.count("(") > lines[k - 1].text.count(")") and \
                re.match(r"^[^()]{1,40}\)[ \t]*$", ln.text.strip()):
            ln.kind = "cont"
    n = len(lines)
    # letterhead: a firm line near the top followed by address/phone/e-mail lines
    letterhead = None
    seen = 0
    for i, ln in enumerate(lines[:12]):
        if ln.kind == "blank":
            continue
        seen += 1
        if ln.kind == "firm" and any(x.kind in ("address", "phone", "email", "url")
                                     for x in lines[i + 1:i + 4]):
            letterhead = (ln, clean_firm(ln.text))
            break
        if seen > 3:
            break
    # a firm's banner in a page header or footer: its name over its offices ("CALIFORNIA ◆
    # GEORGIA ◆ NEW YORK"); the filer's firm, as a letterhead is
    for i, ln in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        if ln.kind in ("firm", "name", "other") and nxt.row == ln.row + 1 and _OFFICES_RE.match(nxt.text.strip()) \
                and (looks_like_firm(ln.text.strip()) or match_firm(ln.text.strip()) is not None) \
                and not _TITLE_ITEM.match(ln.text.strip()):
            name = acc.firm(ln.text.strip(), (ln.start + len(ln.text) - len(ln.text.lstrip()),
                                              ln.start + len(ln.text.rstrip())))
            if name and letterhead is None:
                letterhead = (ln, clean_firm(ln.text))
    divider = _service_or_exhibit_start(lines)
    i = 0
    while i < n:
        if lines[i].kind in ("prose", "blank", "judge"):
            i += 1
            continue
        j = i
        blanks = 0
        while j < n and lines[j].kind not in ("prose", "judge"):
            if lines[j].kind == "blank":
                blanks += 1
                if blanks > 1 and not _continues_block(lines, j):
                    break
            else:
                blanks = 0
            j += 1
        block = [x for x in lines[i:j] if x.kind != "blank"]
        if not _judicial(lines, i, j, block):
            # a block behind a certificate of service or an exhibit's slip-sheet that follows
            # counsel already found (a filing that is itself an exhibit keeps its own blocks)
            acc.known_only = bool(block) and divider is not None and block[-1].start > divider \
                and bool(acc.atts or acc.firms)
            _parse_block(block, lines, acc, letterhead)
            acc.known_only = False
        i = max(j, i + 1)


# a caption's labelled field ("Judge:   Hon. Jane A. Doe", "Courtroom: 7"), not a title below a
# judge's signature
_CAPTION_LABEL_RE = re.compile(r"^[ \t]*(?i:judge|hon\.|honorable|courtroom|dept\.?|department)[ \t]*:")


_SERVICE_HEAD_RE = re.compile(r"^[ \t*_]*(?i:certificate[ \t]+of[ \t]+(?:filing[ \t]+and[ \t]+)?service|"
                              r"proof[ \t]+of[ \t]+service|service[ \t]+list)[ \t*_:.]*$")
_SLIP_SHEET_RE = re.compile(r"^[ \t*_]*(?:EXHIBIT|Exhibit|ATTACHMENT|Attachment|APPENDIX|Appendix)[ \t]+"
                            r"(?:[A-Z]{1,2}|\d{1,3}|[A-Z]-\d{1,3})[ \t*_.]*$")


def _service_or_exhibit_start(lines: list[_Line]) -> int | None:
    """Offset of the first certificate-of-service heading or exhibit slip-sheet."""
    for ln in lines:
        if _SERVICE_HEAD_RE.match(ln.text) or _SLIP_SHEET_RE.match(ln.text):
            return ln.start
    return None


def _judicial(lines: list[_Line], i: int, j: int, block: list[_Line]) -> bool:
    """A judge's signature, not counsel's: the block follows "SO ORDERED" / "BY THE COURT"
    or its last name line sits right above a judge's title ("U.S.M.J.", "District Judge")."""
    if not block:
        return False
    k = i - 1
    while k >= 0 and lines[k].kind == "blank" and i - k <= 3:
        k -= 1
    counsel_marks = any(b.kind in ("email", "role", "firm", "phone", "submitted") for b in block)
    if ((k >= 0 and _ORDERED_RE.match(lines[k].text)) or _ORDERED_RE.match(block[0].text)) \
            and not counsel_marks:
        return True
    names = [b for b in block if b.kind in ("name", "sig")]
    if j < len(lines) and lines[j].kind == "judge" and names and block[-1] is names[-1] \
            and 0 < lines[j].row - _end_row(block[-1]) <= 2 and not _CAPTION_LABEL_RE.match(lines[j].text):
        return True
    return False


def _continues_block(lines: list[_Line], j: int) -> bool:
    """Blank-separated lines (text layers often double-space blocks) still belong together
    when the next non-blank line is a contact line."""
    k = j
    while k < len(lines) and lines[k].kind == "blank" and k - j < 3:
        k += 1
    return k < len(lines) and lines[k].kind in ("email", "address", "phone", "firm", "role", "name")


def _parse_block(block: list[_Line], all_lines: list[_Line], acc: _Acc, letterhead) -> None:
    kinds = [b.kind for b in block]
    if not any(k in ("email", "sig", "role", "firm") for k in kinds):
        return
    if "name" not in kinds and "sig" not in kinds:
        return
    if not any(k in ("email", "sig", "role", "address", "phone") for k in kinds):
        return
    # split one block into several when a representation line closes a group
    groups: list[list[_Line]] = [[]]
    k = 0
    while k < len(block):
        b = block[k]
        groups[-1].append(b)
        k += 1
        if b.kind == "role":
            # the party may continue on the following lines ("Counsel for Appellant, International
            # \n Flavors & Fragrances Inc.")
            taken = 0
            while k < len(block) and taken < 2 and _continues_party(groups[-1][-1], block[k]) \
                    and not _looks_like_block_start(block, k):
                block[k].kind = "represents"
                groups[-1].append(block[k])
                k += 1
                taken += 1
            groups.append([])
    # firm first: "FIRM / Attorneys for Plaintiff / address / By: s/ Name": the firm heads the
    # attorneys listed below its representation line
    for gi in range(len(groups) - 1):
        g, nxt = groups[gi], groups[gi + 1]
        if any(b.kind == "firm" for b in g) and not any(b.kind in ("name", "sig") for b in g) \
                and nxt and not any(b.kind == "firm" for b in nxt) \
                and any(b.kind in ("sig", "email", "submitted") for b in nxt):
            groups[gi + 1] = [b for b in g if b.kind in ("firm", "role", "represents")] + nxt
            groups[gi] = []
    for g in groups:
        if g:
            _parse_group(g, acc, letterhead)


def _continues_party(prev: _Line, line: _Line) -> bool:
    """Whether ``line`` carries on the party named by a representation line."""
    if line.kind not in ("name", "other", "firm") or line.row != _end_row(prev) + 1:
        return False  # the party's name continues on the very next line only
    p = prev.text.strip().strip("*_ ")
    if p.endswith(".") and not re.search(r"\b(?:Inc|Co|Corp|Ltd|No|St)\.$", p):
        return False
    t = line.text.strip()
    if re.search(r"\b[A-Z]\.[ \t]+[A-Z][a-z]", t) or _BAR_RE.search(t) or _SIG_RE.match(t):
        return False  # the next attorney
    return not re.search(r"(?i:\bcourt\b)", t)


def _looks_like_block_start(block: list[_Line], k: int) -> bool:
    rest = [b.kind for b in block[k:k + 3]]
    return rest[:1] == ["name"] and len(rest) > 1 and rest[1] in ("name", "email", "firm") \
        and block[k + 1].row == block[k].row + 1


def _parse_group(g: list[_Line], acc: _Acc, letterhead) -> None:
    names: list[tuple[str, int, Span]] = []
    firm_lines: list[tuple[int, _Line]] = []
    emails: list[tuple[str, int]] = []
    role_text = ""
    pro_se = False
    for idx, b in enumerate(g):
        t = b.text
        if re.search(r"(?i:\bpro[ \t]+se\b)", t):
            pro_se = True
        if b.kind == "email":
            for m in _EMAIL_RE.finditer(t):
                emails.append((m.group(0).rstrip("."), idx))
            # "Danielle S. Futterman dfutterman@..." on one line
            before = _EMAIL_RE.split(t)[0]
            bn = _strip_name_noise(before.replace("E:", " ").replace("Email:", " "))
            if bn and _plausible_person(person_name(bn)):
                off = t.find(bn.split()[0])
                names.append((bn, idx, (b.start + off, b.start + off + len(bn))))
        elif b.kind == "sig":
            nm = _strip_name_noise(_SIG_RE.sub("", t, count=1))
            if nm and _plausible_person(person_name(nm)):
                off = t.find(nm.split()[0])
                names.append((nm, idx, (b.start + off, b.start + off + len(nm))))
        elif b.kind == "name":
            nm = _strip_name_noise(t)
            off = t.find(nm.split()[0])
            names.append((nm, idx, (b.start + off, b.start + off + len(nm))))
        elif b.kind == "firm":
            # "Quinn B. Guillermo Greer, Burns & Crain, Ltd.": a name and the firm on one line
            st = t.strip()
            lead = re.match(rf"((?:{_NAME_TOKEN}[ \t]){{1,3}}[A-Z]\.[ \t]{_NAME_TOKEN}(?:,?[ \t]Jr\.)?)[ \t]+(?=\S)", st)
            if lead and _plausible_person(person_name(lead.group(1))) and looks_like_firm(st[lead.end():]):
                nm = lead.group(1)
                off = t.find(nm)
                names.append((nm, idx, (b.start + off, b.start + off + len(nm))))
                rest_off = t.find(st) + lead.end()
                b = _Line(b.start + rest_off, b.end, t[rest_off:], "firm")
            firm_lines.append((idx, b))
        elif b.kind == "role" and not role_text:
            role_text = t
        elif b.kind == "represents":
            role_text += " " + t
        elif b.kind == "other" and names and idx + 1 < len(g) and g[idx + 1].kind == "address" \
                and not (firm_lines and firm_lines[-1][0] > names[-1][1]) \
                and not _TITLE_ITEM.match(_strip_name_noise(t)):
            firm_lines.append((idx, b))  # the organisation line right above the address
    # the firm printed as the last "name" line right above the address ("Day Pitney")
    if not firm_lines and len(names) >= 2:
        nm, idx, sp = names[-1]
        if idx + 1 < len(g) and g[idx + 1].kind == "address" and not re.search(r"\b[A-Z]\.", nm) \
                and idx > 0 and g[idx - 1].kind in ("name", "sig") and _is_firm_position(g, idx):
            firm_lines.append((idx, g[idx]))
            names = names[:-1]
    if not names or pro_se:
        return
    # dedupe names (a /s/ line repeats a stacked name)
    seen: dict[str, tuple[str, int, Span]] = {}
    for nm, idx, sp in names:
        seen.setdefault(person_key(person_name(nm)), (nm, idx, sp))
    names = list(seen.values())
    role_raw = re.sub(r"^.*?\bfor\b", "", role_text, count=1, flags=re.I | re.S) if role_text else ""
    represents = _party_names_for(role_raw, acc.parties) if role_text else []
    firms_at: list[tuple[int, str]] = []
    for idx, fl in firm_lines:
        raw_firm = _strip_name_noise(fl.text) or fl.text
        if _is_party_name(raw_firm, acc.parties):
            continue  # a caption party ("AURELIA COSMETICS, LLC,") is not counsel
        if _is_client_line(g, idx, raw_firm):
            continue  # the client atop its lawyers' block ("ACME CORP. / By its attorneys,")
        name = acc.firm(raw_firm, (fl.start, fl.end), represents)
        if name:
            firms_at.append((idx, name))
    if not firms_at and letterhead is not None and any(b.kind == "sig" for b in g):
        ln, raw_firm = letterhead
        name = acc.firm(raw_firm, (ln.start, ln.end), represents)
        if name:
            firms_at.append((-1, name))
    if not firms_at and role_text == "" and not emails and not any(
            b.kind == "submitted" and not re.match(r"(?i:[ \t*_]*dated?\b)", b.text) for b in g):
        return  # "/s/ X" alone: a judge's or declarant's signature, not a counsel block
    email_of = _assign_emails([(nm, idx) for nm, idx, _ in names], emails)
    # a block that opens with its firm ("FIRM / names / address / FIRM 2 / names") gives each
    # attorney the firm above; a stacked block (names / firm / address) the firm below
    firm_first = bool(firms_at) and firms_at[0][0] < min(idx for _, idx, _ in names)
    for nm, idx, sp in names:
        below = [f for i, f in firms_at if i > idx]
        above = [f for i, f in firms_at if i < idx]
        if firm_first:
            firm = above[-1] if above else below[0]
        else:
            firm = below[0] if below else (above[-1] if above else None)
        acc.attorney(nm, sp, firm=firm, email=email_of.get(nm), represents=represents)


_BY_COUNSEL_RE = re.compile(r"^[ \t*_]*(?i:by|through)[ \t]+(?i:its|their|his|her)[ \t]+(?:[a-z]+[ \t]+)?"
                            r"(?i:attorneys?|counsel|lawyers?)\b")
# a company's form of business, as against a law firm's ("Inc.", "Corp.", "Company")
_COMPANY_RE = re.compile(r"(?:,?[ \t]+(?:Inc\.?|INC\.?|Incorporated|Corp\.?|CORP\.?|Corporation|CORPORATION|"
                         r"Company|COMPANY|Co\.|CO\.|N\.A\.|S\.A\.|GmbH|AG|plc|PLC))[ \t]*[.,]?$")
_LAW_WORD_RE = re.compile(r"(?i:\b(?:law|legal|attorneys?|lawyers?|counsel|advocates?|justice|defenders?|"
                          r"aid|professional|l\.p\.a|chartered)\b)")


def _is_client_line(g: list[_Line], idx: int, raw: str) -> bool:
    """The represented company's name atop a contact block (followed by "By its attorneys"),
    or a company's name with no law word (an employer that is not counsel: firm null)."""
    nxt = g[idx + 1] if idx + 1 < len(g) else None
    if nxt is not None and _BY_COUNSEL_RE.match(nxt.text):
        return True
    if match_firm(raw) is not None or _LAW_WORD_RE.search(raw) or not _COMPANY_RE.search(raw):
        return False
    return True


def _is_party_name(raw: str, parties: tuple[PartyMention, ...]) -> bool:
    k = firm_key(clean_firm(raw))
    return bool(k) and any(firm_key(p.name) == k for p in parties)


def _is_firm_position(g: list[_Line], idx: int) -> bool:
    """The line right above the address after stacked names is the firm's, when at least one
    name above it is marked as counsel ("(Argued)", a bar number, an initial)."""
    above = [b for b in g[:idx] if b.kind in ("name", "sig")]
    return any(re.search(r"\b[A-Z]\.|\(", b.text) for b in above)


# ---------------------------------------------------------------- one-line blocks

_INLINE_RE = re.compile(r"(?:Attorneys?|Counsel)[ \t]+for[ \t]+(?P<who>[^\n]{1,160})")


def _inline_blocks(text: str, acc: _Acc) -> None:
    for m in _INLINE_RE.finditer(text):
        line_start = text.rfind("\n", max(0, m.start() - 600), m.start()) + 1
        line_start = max(line_start, m.start() - 600)
        before = text[line_start:m.start()]
        if len(before) < 15 or not _BAR_RE.search(before) and not re.search(
                r"\b(?:LLP|LLC|PLLC|Ltd\.|P\.C\.|P\.A\.)[ \t]*$", before.strip()):
            continue
        # the firm: a run of capitals (or a reference name) at the end
        fm = re.search(r"((?:(?<![A-Z&,.'’\-])[A-Z][A-Z&,.'’\-]{0,40}[ \t]+){0,6}(?:LLP|LLC|PLLC|LTD\.?|P\.C\.|P\.A\.|PC|PA|"
                       r"L\.L\.P\.|Ltd\.))[ \t]*$", before)
        firm = None
        names_part = before
        if fm:
            firm = acc.firm(fm.group(1), (line_start + fm.start(1), line_start + fm.end(1)),
                            _party_names_for(_who(m.group("who")), acc.parties))
            names_part = before[:fm.start(1)]
        represents = _party_names_for(_who(m.group("who")), acc.parties)
        for pm in re.finditer(rf"{_NAME_TOKEN}(?:[ \t]{_NAME_TOKEN})+(?:,?[ \t]Jr\.)?", names_part):
            toks = [(t.group(0), pm.start() + t.start()) for t in re.finditer(r"\S+", pm.group(0))]
            for run in _split_name_run(toks):
                a, b = run[0][1], run[-1][1] + len(run[-1][0])
                nm = names_part[a:b]
                if _plausible_person(person_name(nm)):
                    acc.attorney(nm, (line_start + a, line_start + b), firm=firm, represents=represents)


# ---------------------------------------------------------------- counsel blocks flattened onto one line

# "ATTORNEYS FOR APPELLANTS", "Attorneys for plaintiff", "Counsel for Defendant": the marker that
# opens (Ohio reporters) or closes (N.D.N.Y., S.D.N.Y. web copies) each flattened block
_FLAT_MARK_RE = re.compile(
    r"(?<![A-Za-z])(?:ATTORNEYS?|COUNSEL|Attorneys?|Counsel)[ \t]+(?:FOR|for)[ \t]+(?P<who>(?:(?:the|THE)[ \t]+)?"
    r"(?i:(?:third[ \t-]party[ \t]+)?(?:plaintiffs?|defendants?|appellants?|appellees?|petitioners?|respondents?|"
    r"intervenors?|movants?|debtors?|relators?|claimants?|amic(?:us|i)[ \t]+curiae)(?:[-–][a-z]{4,30})*))")
_FLAT_ADDRESS_RE = re.compile(
    r"(?:\b\d{1,6}[ \t]+(?=[A-Z0-9])|\bP\.?[ \t]?O\.?[ \t]+Box\b|\bOne[ \t]+(?=[A-Z]))[^\n]{0,90}?"
    r"\b\d{5}(?:-\d{4})?\b")
_FLAT_NOISE_RE = re.compile(
    r"\((?:[^()\n]{0,40})\)|,?[ \t]*(?i:esq(?:uire)?\.?(?![a-z])|pro[ \t]+hac[ \t]+vice(?:[ \t]+pending)?)|"
    r"(?i:tel(?:ephone)?|fax|facsimile|phone)[.:]?[ \t]*\(?\d{3}\)?[ .\-]?\d{3}[ .\-]\d{4}|"
    r"\(?\b\d{3}\)?[ .\-]\d{3}[ .\-]\d{4}\b|" + _EMAIL_RE.pattern)
_FLAT_SUFFIX_RE = re.compile(
    r",?[ \t]+(?:L\.?L\.?P\.?|P\.?L\.?L\.?C\.?|L\.?L\.?C\.?|Ltd\.|LTD\.?|P\.C\.|P\.A\.|Co\.,?[ \t]+L\.P\.A\.|"
    r"L\.P\.A\.|Chartered|CHARTERED|PC|PA)(?![A-Za-z])|"
    r"[ \t]+(?:Law|LAW|Legal|LEGAL|Law[ \t]+Group|LAW[ \t]+GROUP|Law[ \t]+Firm|LAW[ \t]+FIRM)(?=[ \t]*,)")
_INITIAL_TOKEN = re.compile(rf"^[{_UP}]\.$")
_SUFFIX_TOKEN = re.compile(r"^(?:Jr|Sr|JR|SR|II|III|IV)\.?,?$")
# a judge's line or the body of the opinion ends a run of flattened blocks
_FLAT_STOP_RE = re.compile(r"\b[A-Z][A-Z .'’\-]{2,40},[ \t]+(?:[A-Z]\.){1,2}[ \t]*:|\{?¶|"
                           r"[a-z]{3,}[ \t]+[a-z]{3,}[ \t]+[a-z]{3,}[ \t]+[a-z]{3,}")


def _flat_blocks(text: str, acc: _Acc) -> None:
    """A counsel block whose lines were joined into one (web copies of opinions and orders):
    "A (JD 7204) B FIRM LLP Attorneys for Plaintiff X", "Firm LLP, Office NAME, ESQ. Attorneys
    for plaintiff", "ATTORNEYS FOR APPELLANTS X Firm Co., L.P.A. 1 Main Street, City, OH 44113 ..."."""
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if len(line) < 40 or len(line) > 6000:
            continue
        marks = list(_FLAT_MARK_RE.finditer(line))
        if not marks:
            continue
        first = marks[0]
        after_first = line[first.end():first.end() + 60].lstrip()
        header = is_all_caps(first.group(0)) and bool(re.match(rf"{_NAME_TOKEN}[ \t]+{_NAME_TOKEN}", after_first))
        segments: list[tuple[int, int, str]] = []  # (start, end, who) within the line
        if header:
            for k, m in enumerate(marks):
                end = marks[k + 1].start() if k + 1 < len(marks) else len(line)
                stop = _FLAT_STOP_RE.search(line, m.end(), end)
                segments.append((m.end(), stop.start() if stop else end, m.group("who")))
        else:
            prev = 0
            for m in marks:
                seg_start = prev
                if prev:
                    # the party named after the last marker ("Attorneys for plaintiff Acme Corp.") runs
                    # up to the next block's firm or attorney; only a role word is kept
                    seg_start = prev
                segments.append((seg_start, m.start(), m.group("who")))
                prev = m.end()
        for s0, s1, who in segments:
            seg = line[s0:s1]
            if len(seg.strip()) < 5 or len(seg) > 1500:
                continue
            represents = _party_names_for(who, acc.parties)
            for nm, nm_span, firm, firm_span in _flat_segment(seg):
                fname = acc.firm(firm, (start + s0 + firm_span[0], start + s0 + firm_span[1]),
                                 represents) if firm else None
                acc.attorney(nm, (start + s0 + nm_span[0], start + s0 + nm_span[1]), firm=fname,
                             represents=represents)


def _flat_segment(seg: str) -> list[tuple[str, Span, str | None, Span | None]]:
    """(attorney, span, firm, span) of one flattened block or run of blocks."""
    # counsel evidence: a bar number, "Esq.", an address, an e-mail or a firm's legal form
    if not (_BAR_RE.search(seg) or re.search(r"(?i:\besq\b|pro[ \t]+hac[ \t]+vice)", seg)
            or _FLAT_ADDRESS_RE.search(seg) or _EMAIL_RE.search(seg) or _FLAT_SUFFIX_RE.search(seg)):
        return []
    masked = _FLAT_ADDRESS_RE.sub(lambda m: "|" * len(m.group(0)), seg)
    if ";" in masked or any(_STATE_RE.match(x.strip(" |")) for x in masked.split(",")):
        return []  # "X, Firm, City, State; ...": a counsel statement (read by _statements)
    masked = _FLAT_NOISE_RE.sub(lambda m: "¦" * len(m.group(0)), masked)  # a boundary, offsets kept
    out: list[tuple[str, Span, str | None, Span | None]] = []
    # each address closes one attorney group ("names firm address names firm address")
    for piece in re.finditer(r"[^|]+", masked):
        p0 = piece.start()
        ptxt = piece.group(0)
        if len(_SENTENCE_WORDS_RE.findall(ptxt)) >= 3:
            continue  # prose, not a block
        firms = _flat_firms(ptxt)
        people = _flat_people(ptxt, [sp for _, sp in firms])
        if not people:
            continue
        firm_first = bool(firms) and firms[0][1][0] <= min(sp[0] for _, sp in people)
        if firms and not firm_first:
            # "names FIRM Harbor Tower | address": words after the last firm name a building
            people = [(nm, sp) for nm, sp in people
                      if sp[0] < firms[-1][1][0] or re.search(r"\b[A-Z]\.", nm)]
        for nm, sp in people:
            before = [f for f in firms if f[1][1] <= sp[0]]
            after = [f for f in firms if f[1][0] >= sp[1]]
            if firm_first:
                f = before[-1] if before else (after[0] if after else None)
            else:
                f = after[0] if after else (before[-1] if before else None)
            out.append((nm, (p0 + sp[0], p0 + sp[1]), f[0] if f else None,
                        (p0 + f[1][0], p0 + f[1][1]) if f else None))
    return out


_SENTENCE_WORDS_RE = re.compile(
    r"(?<![\w'’\-])(?!(?:of|and|the|for|at|in|on|de|del|la|le|van|von|du|da|di|y|e|an?|pro|hac|vice|"
    r"pending|office)\b)[a-z]{2,}\b(?![.'’\-])")


def _flat_firms(ptxt: str) -> list[tuple[str, Span]]:
    """Firms of a flattened piece: each runs back from its legal form ("LLP", "Co., L.P.A.",
    "Law,") over capitalised words and connectors, and stops after a person's surname (the word
    after an initial), at a change from mixed case to capitals, or at a parenthesis."""
    out: list[tuple[str, Span]] = []
    taken_to = 0
    for m in _FLAT_SUFFIX_RE.finditer(ptxt):
        if m.start() < taken_to:
            continue
        toks = [(t.group(0), t.start()) for t in re.finditer(r"[^\s]+", ptxt[taken_to:m.start()])]
        toks = [(t, taken_to + o) for t, o in toks]
        k = len(toks)
        while k > 0:
            t, _ = toks[k - 1]
            word = t.rstrip(",")
            if not (re.match(rf"^(?:[{_UP}][\w'’\-.]*|&|and|AND|of|OF|the|THE|de|van|von)$", word)
                    or re.match(r"^[a-z]{1,3}[A-Z]", word)):
                break
            if k >= 2 and _INITIAL_TOKEN.match(toks[k - 2][0].rstrip(",")) and k - 1 != len(toks) - 1:
                break  # "Ronald I. Frederick | Ronald Frederick & Associates"
            if k >= 2 and _INITIAL_TOKEN.match(toks[k - 2][0].rstrip(",")):
                break
            if _SUFFIX_TOKEN.match(word) or word.lower() in ("esq.", "esq", "vice"):
                break
            if k < len(toks) and is_all_caps(toks[k][0]) and not is_all_caps(word) and len(word) > 1 \
                    and is_all_caps(ptxt[toks[k][1]:m.start()] or "x"):
                break  # "Karena K. Ioannou | EPSTEIN DRANGEL LLP"
            k -= 1
        if k == len(toks):
            continue
        # a firm's name starts with a capital and is more than its legal form
        start = toks[k][1]
        name = ptxt[start:m.end()].strip(" ,")
        if not looks_like_firm(name) or _plausible_person(person_name(name)):
            continue
        out.append((name, (start, start + len(name))))
        taken_to = m.end()
    return out


def _flat_people(ptxt: str, firm_spans: list[Span]) -> list[tuple[str, Span]]:
    """Attorneys of a flattened piece outside its firms: runs of capitalised words split into
    names at their initials ("Gabriela N. Nastasi Karena K. Ioannou" -> two names)."""
    chars = list(ptxt)
    for a, b in firm_spans:
        chars[a:b] = "," * (b - a)
    rest = "".join(chars)
    out: list[tuple[str, Span]] = []
    for run in re.finditer(rf"{_NAME_TOKEN}(?:[ \t]+(?:{_NAME_TOKEN}))*(?:,?[ \t]+(?:Jr|Sr|JR|SR)\.?|[ \t]+(?:II|III|IV))?", rest):
        toks = [(t.group(0), run.start() + t.start()) for t in re.finditer(r"\S+", run.group(0))]
        for names in _split_name_run(toks):
            a = names[0][1]
            b = names[-1][1] + len(names[-1][0])
            nm = ptxt[a:b].strip(" ,")
            if _plausible_person(person_name(_strip_name_noise(nm))):
                out.append((_strip_name_noise(nm), (a, a + len(nm))))
    return out


def _split_name_run(toks: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """Names in a run of capitalised tokens: [initial] first [initials] last [suffix]; a lone
    word left at the end belongs to the name before it ("Jeri Leigh Miller")."""
    names: list[list[tuple[str, int]]] = []
    i = 0
    n = len(toks)
    while i < n:
        j = i
        if _INITIAL_TOKEN.match(toks[j][0]):
            j += 1  # "F. Paul Bland"
        if j >= n or _INITIAL_TOKEN.match(toks[j][0]):
            i = j + 1
            continue
        j += 1  # first name
        while j < n and _INITIAL_TOKEN.match(toks[j][0]):
            j += 1  # middle initials
        if j >= n:
            break
        j += 1  # surname
        if j < n and _SUFFIX_TOKEN.match(toks[j][0]):
            j += 1
        if n - j == 1 and not _INITIAL_TOKEN.match(toks[j][0]) and not any(
                _INITIAL_TOKEN.match(t) for t, _ in toks[i:j]):
            j += 1  # a three-word name without initials
        names.append(toks[i:j])
        i = j
    return names


def _who(s: str) -> str:
    s = re.split(r"(?i:[ \t](?:PRELIMINARY|TEMPORARY|FINAL|ORDER|HON\.|UNITED)\b)", s)[0]
    return s


# ---------------------------------------------------------------- counsel statements (opinions)

_STMT_ROLE_END_RE = re.compile(
    r"(?i:\b(?:plaintiffs?|defendants?|appellants?|appellees?|petitioners?|respondents?|intervenors?|movants?)"
    r"(?:[-–][a-z\-]{4,30})?(?P<names>(?-i:[ \t\n]+[A-Z][^.;:\n]{1,100}(?:\n[^.;:\n]{1,100})?))?|\bamic(?:us|i)[ \t\n]+curiae(?:[ \t\n]+[A-Z][^.;\n]{2,120})?"
    r"|(?<=for[ \t\n])(?:the[ \t\n]+)?United[ \t\n]+States(?:[ \t\n]+of[ \t\n]+America)?)[ \t]*\.")
_ROLE_AHEAD = r"(?=(?:the[ \t\n]+)?(?i:plaintiff|defendant|appell|petition|respond|intervenor|movant))"


def _statement_ends(region: str):
    """(body start, "for" start, who start, end) of each "..., for <party>." sentence."""
    prev_end = 0
    for e in _STMT_ROLE_END_RE.finditer(region):
        if e.start() < prev_end:
            continue
        start = _stmt_start(region, prev_end, e.start())
        seg = region[start:e.start()]
        fm = re.search(r"\bfor[ \t\n]+", seg)
        if not fm:
            continue
        inner = None
        for inner in re.finditer(rf"[ \t\n]for[ \t\n]+{_ROLE_AHEAD}", region[start:e.end()]):
            pass
        f_start, w_start = (inner.start(), inner.end()) if inner else (fm.start(), fm.end())
        if e.group("names") and not re.search(r",[ \t\n]*$", seg[:f_start]):
            continue  # "..., for Defendants A and B." is a sentence; "Attorneys for X" a block line
        yield start, start + f_start, start + w_start, e.end()
        prev_end = e.end()


_OPINION_START_RE = re.compile(
    r"^[ \t]*(?:OPINION|O P I N I O N|PER[ \t]+CURIAM|P[ \t]?ER[ \t]+C[ \t]?URIAM|MEMORANDUM|"
    r"[A-Z][A-Z \t]{2,30},[ \t]+(?:Circuit|District|Chief|Senior)[ \t]+Judge[.:])", re.M)
_ABBREV_END = re.compile(r"(?:\b[A-Z]|\bJr|\bSr|\bInc|\bCo|\bLtd|\bCorp|\bSt|\bNo|\bMr|\bMs|\bDr|"
                         r"\bEsq|\b[A-Z]\.[A-Z]|\bP\.C|\bL\.L\.P|\bP\.A|\bU\.S|\bN\.Y|\bD\.C|\bO\.C)$")


def _counsel_region(text: str) -> tuple[int, int]:
    m = _OPINION_START_RE.search(text, 200)
    end = m.start() if m else min(len(text), 15000)
    return 0, min(end, 25000)


def _statements(text: str, acc: _Acc) -> None:
    a, b = _counsel_region(text)
    region = text[a:b]
    ends = list(_statement_ends(region))
    for start, f_start, w_start, end in ends:
        who = region[w_start:end].rstrip(" .")
        _parse_statement(text, a + start, region[start:f_start], who, acc)
    # sentences without their own "for ...": "With him on the brief was X." / "Of counsel on the
    # brief was X, Firm." belong to the party of the sentence before
    for m in re.finditer(r"(?:With[ \t]+(?:him|her|them)[ \t]+on[ \t]+the[ \t]+briefs?[ \t]+(?:was|were)|"
                         r"Of[ \t]+counsel[ \t]+on[ \t]+the[ \t]+briefs?[ \t]+(?:was|were))[ \t\n]+", region):
        end = _sentence_end(region, m.end())
        before = [x for x in ends if x[3] <= m.start()]
        who = region[before[-1][2]:before[-1][3]].rstrip(" .") if before else ""
        _parse_statement(text, a + m.end(), region[m.end():end], who, acc)


def _sentence_end(s: str, pos: int, limit: int = 600) -> int:
    """Offset of the period ending the sentence that runs from ``pos`` (initials skipped)."""
    for m in re.finditer(r"\.(?=\s|$)", s[pos:pos + limit]):
        k = pos + m.start()
        if _ABBREV_END.search(s[max(pos, k - 8):k]):
            continue
        return k
    return min(len(s), pos + limit)


def _stmt_start(region: str, lo: int, hi: int) -> int:
    """Start of the sentence that ends at ``hi``: after the last sentence end or label."""
    best = lo
    for m in re.finditer(r"(?m)(?:ARGUED|ON[ \t]+BRIEFS?|SUBMITTED)[ \t]*:[ \t]*\n?|^[ \t]*COUNSEL[ \t]*\n|"
                         r"(?:-[ \t]){2,}-[ \t]*|_{3,}[ \t]*|"
                         r"\.[ \t]*\n|\.[ \t]+(?=[A-Z])|\n[ \t]*\n|^[ \t]*[A-Z][A-Z \t&'’\-]{5,}[ \t]*\n", region[lo:hi]):
        s = lo + m.start()
        if m.group(0).startswith(".") and _ABBREV_END.search(region[max(lo, s - 8):s]):
            continue
        best = lo + m.end()
    return best


def _split_items(body: str) -> list[tuple[str, int]]:
    """Comma/semicolon/"and" separated items with their offsets, parentheses kept whole."""
    items = []
    depth = 0
    i = 0
    seps = []
    while i < len(body):
        c = body[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and c in ",;":
            seps.append((i, i + 1))
        elif depth == 0 and body.startswith(" and ", i):
            seps.append((i, i + 5))
            i += 4
        i += 1
    pos = 0
    for s, e in seps + [(len(body), len(body))]:
        piece = body[pos:s]
        lead = len(piece) - len(piece.lstrip(" \t\n"))
        item = piece.strip(" \t\n")
        if item.lower().startswith("and "):
            lead += 4
            item = item[4:].strip()
        if item:
            items.append((item, pos + lead))
        pos = e
    return items


_PROSE_VERB = re.compile(r"\b(?:I(?=[ \t]+[a-z])|am|serve|serves|serving|is|are|was|were|has|have|had|will|shall|may|must|should|would|moved|"
                         r"appeared|represents?|seeks?|asks?|requests?|argues?|contends?|did|does)\b")


def _parse_statement(text: str, base: int, body: str, who: str, acc: _Acc) -> None:
    body = re.sub(r"-\n[ \t]*", "", body)  # words broken across lines
    body = clean_space(body)
    if _PROSE_VERB.search(re.sub(r"(?i:(?:was|were)[ \t]+on[ \t]+(?:the[ \t]+)?briefs?)", "", body)):
        return  # a sentence of prose ("X is counsel for plaintiff"), not a counsel listing
    body = re.sub(r"(?:ARGUED|ON[ \t]+BRIEF|SUBMITTED)[ \t]*:[ \t]*", "", body)
    # D.C. Circuit style: "X argued the cause", "Y filed the brief", "Z entered an appearance"
    body = re.sub(r"(?i:[ \t]+(?:argued[ \t]+the[ \t]+cause|argued|filed[ \t]+the[ \t]+briefs?|entered[ \t]+an?"
                  r"[ \t]+appearance)(?:[ \t]+and[ \t]+filed[ \t]+the[ \t]+briefs?)?[ \t]*,?[ \t]*$)", "", body.strip())
    # Tenth Circuit style: "X (Y with her on the briefs), Firm"
    body = re.sub(r"(?i:[ \t]+with[ \t]+(?:him|her|them)[ \t]+on[ \t]+the[ \t]+briefs?)(?=[^()]*\))", "", body)
    on_brief_list = bool(re.search(r"(?i:\bon[ \t]+(?:the[ \t]+)?briefs?\b)", body))
    body = re.sub(r"(?i:,?[ \t]*(?:were|was)?[ \t]*on[ \t]+(?:the[ \t]+)?briefs?[ \t]*,?)", ",", body)
    body = re.sub(r"(?i:\b(?:argued|submitted)[ \t]*$)", "", body.strip())
    # "X, with whom Y and Z were on brief" -> X ; Y ; Z (all listed)
    with_whom = re.search(r"(?i:,?[ \t]*with[ \t]+whom[ \t]+)", body)
    main, extra = (body[:with_whom.start()], body[with_whom.end():]) if with_whom else (body, "")
    represents = _party_names_for(who, acc.parties)
    if ";" in main and not extra:
        for sub in main.split(";"):
            if sub.strip():
                _parse_statement(text, base, sub, who, acc)
        return
    groups = _items_to_pairs(main)
    if extra:
        # "X, with whom A, B, and Firm were on brief": list form, attorneys' firms null
        groups_extra = _items_to_pairs(extra, list_form=True)
        for nm, firm in groups:
            if firm is None:
                for _, f2 in groups_extra:
                    if f2:
                        acc.firm(f2, _find_span(text, base, f2), represents)
        groups = groups + groups_extra
        on_brief_list = True
    elif on_brief_list:
        groups = _items_to_pairs(main, list_form=True)
    if not any(nm for nm, _ in groups) and not any(
            f and (has_legal_suffix(f) or is_government_office(f) or match_firm(f)) for _, f in groups):
        return  # no attorney and no firm-shaped name: "Reporters Committee for Freedom of the Press"
    for nm, firm in groups:
        fname = acc.firm(firm, _find_span(text, base, firm), represents) if firm else None
        if nm:
            acc.attorney(nm, _find_span(text, base, nm) or (base, base), firm=fname,
                         represents=represents)


def _find_span(text: str, base: int, s: str | None) -> Span | None:
    """Where ``s`` (as cleaned: spaces collapsed, line-break hyphens joined) is printed."""
    if not s or not s.split():
        return None
    words = s.split()
    i = text.find(words[0], base, base + 3000)
    if i < 0:
        return None
    last = words[-1].rstrip(".,")
    m = re.compile(rf"{re.escape(last[:3])}[\w'’.]*(?:-(?:\n[ \t]*)?[\w'’.]+)*").search(
        text, i + len(words[0]) if len(words) > 1 else i, i + len(s) + 80)
    return (i, m.end()) if m else (i, i + len(words[0]))


def _items_to_pairs(body: str, *, list_form: bool = False) -> list[tuple[str | None, str | None]]:
    """(attorney, firm) pairs of one counsel sentence."""
    items = [it for it, _ in _split_items(body)]
    # reattach generational suffixes: "F. JAMES LOPREST", "JR."
    merged: list[str] = []
    for it in items:
        it = re.sub(r"\((?:argued|Argued|ARGUED)\)", "", it).strip()
        if _SUFFIX_ITEM.match(it) and merged:
            merged[-1] = merged[-1] + ", " + it
        elif it:
            merged.append(it)
    # "(DAVID S. JONES, of counsel)" inside an item: another attorney of the same firm
    expanded: list[tuple[str, bool]] = []  # (item, is_of_counsel)
    for it in merged:
        inner = re.search(r"\(([^()]{3,120})\)", it)
        outer = re.sub(r"\([^()]*\)", "", it).strip()
        if outer:
            expanded.append((outer, False))
        if inner:
            for sub in re.split(r",|[ \t]+and[ \t]+", re.sub(r"(?i:,?[ \t]*of[ \t]+counsel)", "", inner.group(1))):
                if sub.strip():
                    expanded.append((sub.strip(), True))
    # merge comma runs of a firm name: "Leary", "Bride", "Tinker & Moran" / "..., LLP"
    runs: list[tuple[str, bool]] = []
    k = 0
    while k < len(expanded):
        it, oc = expanded[k]
        if re.fullmatch(r"[A-Z][A-Za-z'’\-]+", it) and not oc:
            j = k
            while j < len(expanded) and re.fullmatch(r"[A-Z][A-Za-z'’\-]+", expanded[j][0]):
                j += 1
            if j < len(expanded) and j > k and re.search(r"[ \t](?:&|and|AND)[ \t]", expanded[j][0]) \
                    and not _PERSON_RE.match(expanded[j][0].split("&")[0].strip() or "x"):
                joined = ", ".join(x for x, _ in expanded[k:j + 1])
                runs.append((joined, False))
                k = j + 1
                continue
        if runs and re.fullmatch(r"(?:L\.?L\.?P\.?|P\.?L\.?L\.?C\.?|L\.?L\.?C\.?|Ltd\.?|LTD\.?|P\.C\.|P\.A\.|"
                                 r"O\.C\.|PC|PA|S\.C\.|Chartered|Inc\.?)", it):
            runs[-1] = (runs[-1][0] + ", " + it, runs[-1][1])
            k += 1
            continue
        runs.append((it, oc))
        k += 1
    # drop places: a state and the city before it; "of Seattle"
    kinds: list[str] = []
    for it, oc in runs:
        core = re.sub(r"^of[ \t]+", "", it)
        if _STATE_RE.match(core):
            kinds.append("state")
        elif _TITLE_ITEM.match(it) or it.lower() in ("of counsel", "counsel"):
            kinds.append("title")
        else:
            kinds.append("x")
    for i in range(len(kinds) - 1, 0, -1):
        if kinds[i] == "state" and kinds[i - 1] in ("x", "state") and not has_legal_suffix(runs[i - 1][0]):
            kinds[i - 1] = "city"  # "New York, New York": the first is the city
    for i, (it, _) in enumerate(runs):
        if kinds[i] == "x" and it.startswith("of ") and i + 1 < len(runs) and kinds[i + 1] == "state":
            kinds[i] = "city"
    seq = []
    for (it, oc), kd in zip(runs, kinds):
        if kd != "x":
            continue
        # Florida style: "X, Y, and Z of Firm, City": the last attorney and the firm
        of = _OF_FIRM_RE.match(it)
        if of and not oc and _plausible_person(person_name(_strip_name_noise(of.group(1)))) \
                and looks_like_firm(of.group(2)):
            seq.extend([(of.group(1), False), (of.group(2), False)])
        else:
            seq.append((it, oc))
    pairs: list[tuple[str | None, str | None]] = []
    pending: list[str] = []
    last_firm: str | None = None
    by_firm: str | None = None  # "Firm, by X and Y": the attorneys after "by" are the firm's
    for idx, (it, oc) in enumerate(seq):
        if last_firm is not None and re.match(r"(?i:by[ \t]+)", it):
            by_firm = last_firm
            it = re.sub(r"(?i:^by[ \t]+)", "", it)
        cand = _strip_name_noise(it)
        forced = False
        if by_firm is not None and not oc:
            if _plausible_person(person_name(cand)):
                pairs.append((cand, by_firm))
                continue
            by_firm = None
        if oc and last_firm is not None:
            if _plausible_person(person_name(cand)):
                pairs.append((cand, last_firm))  # "Firm (X, of counsel)"
            continue
        is_person = _plausible_person(person_name(cand)) and not (
            looks_like_firm(cand) and not re.search(r"\b[A-Z]\.", cand))
        if is_person and list_form and not re.search(r"\b[A-Z]\.", cand) and \
                sum(1 for x, _ in seq if re.search(r"\b[A-Z]\.", x)) >= 2 and len(cand.split()) <= 3:
            is_person = False  # "..., James G. Monteleone, and Bernstein Shur on brief"
            forced = True
        if is_person and not (pending and idx == len(seq) - 1 and not list_form and
                              _firm_by_position(seq, idx, pending)):
            pending.append(cand)
            continue
        if not is_person and not forced and not looks_like_firm(cand) and not (pending and not list_form):
            continue
        # a firm
        last_firm = cand
        if list_form and len(pending) != 1:
            pairs.extend((p, None) for p in pending)
            pairs.append((None, cand))
        else:
            pairs.extend((p, cand) for p in pending)
            if not pending:
                pairs.append((None, cand))
        pending = []
    if last_firm is not None and len(pending) == 1 and not re.search(r"\b[A-Z]\.", pending[0]) \
            and seq and _strip_name_noise(seq[-1][0]) == pending[0]:
        pending = []  # "..., Doe & Roe, P.A., Fort Lauderdale, for appellee": the city
    pairs.extend((p, None) for p in pending)
    return pairs


_OF_FIRM_RE = re.compile(r"^(.{3,60}?)[ \t]+of[ \t]+([A-Z].{2,120})$")


def _firm_by_position(seq, idx, pending) -> bool:
    """The last item after attorneys and before the city is their firm when it is not shaped
    like a person's name with an initial ("Bernstein Shur" after listed attorneys)."""
    it = seq[idx][0]
    return not re.search(r"\b[A-Z]\.", it) and len(pending) >= 1 and all(
        re.search(r"\b[A-Z]\.", p) for p in pending)


# ---------------------------------------------------------------- docket text, NEF, body

_APPEARANCE_RE = re.compile(
    r"(?i:attorney[ \t]+appearance[ \t]+for)[ \t]+(?P<who>[^\n]{1,160}?)[ \t]+by[ \t]+"
    rf"(?P<name>{_NAME_TOKEN}(?:(?:[ \t]|[ \t]?\n[ \t]{{1,40}}){_NAME_TOKEN}){{1,3}}(?:,?[ \t]Jr\.)?)"
    r"|(?i:notice[ \t]+of[ \t]+(?:attorney[ \t]+)?appearance[ \t]+by)[ \t]+(?:attorney[ \t]+)?"
    rf"(?P<name2>{_NAME_TOKEN}(?:(?:[ \t]|[ \t]?\n[ \t]{{1,40}}){_NAME_TOKEN}){{1,3}})(?:[ \t]+|[ \t]*\n[ \t]{{1,40}})on[ \t]+behalf[ \t]+of[ \t]+(?P<who2>[^\n(]{{1,160}})"
)


def _appearances(text: str, acc: _Acc) -> None:
    for m in _APPEARANCE_RE.finditer(text):
        name = m.group("name") or m.group("name2")
        who = m.group("who") or m.group("who2") or ""
        span = m.span("name") if m.group("name") else m.span("name2")
        acc.attorney(clean_space(name), span, represents=_party_names_for(who, acc.parties))


def _nef(text: str, acc: _Acc) -> None:
    m = re.search(r"(?i:notice[ \t]+has[ \t]+been[ \t]+electronically[ \t]+mailed[ \t]+to:?)", text)
    if not m:
        return
    end_m = re.search(r"(?i:notice[ \t]+has[ \t]+been[ \t]+delivered|the[ \t]+following[ \t]+document)",
                      text[m.end():])
    end = m.end() + (end_m.start() if end_m else min(len(text) - m.end(), 20000))
    region_lines = [ln for ln in _lines(text[m.end():end])]
    filer = re.search(r"\(([A-Z][a-z'’\-]+),[ \t]+([A-Z][a-z'’\-]+)\)", text)
    filer_party = re.search(r"Filer:[ \t]*([^\n]{1,80}(?:\n[^\n:]{1,40})?)", text)
    pending = None
    for ln in region_lines:
        t = ln.text.strip()
        if not t:
            continue
        s = m.end() + ln.start
        em0 = _EMAIL_RE.search(t)
        if em0 and not pending:
            lead = clean_space(t[:em0.start()]).strip(" ,;:-")
            if lead and _PERSON_RE.match(lead):
                pending = (lead, (s + ln.text.find(lead), s + ln.text.find(lead) + len(lead)))
        if em0:
            if pending:
                nm, sp = pending
                e = _EMAIL_RE.search(t).group(0)
                reps = []
                if filer and filer_party and nm.split()[0] == filer.group(2) and \
                        surname(nm) == filer.group(1):
                    reps = [clean_space(filer_party.group(1))]
                acc.attorney(nm, sp, email=e, represents=reps)
                pending = None
            continue
        nm = re.sub(r"[ \t]*\((?:terminated|TERMINATED)\)", "", t)
        if _PERSON_RE.match(nm):
            pending = (nm, (s + ln.text.find(nm), s + ln.text.find(nm) + len(nm)))


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


def _prose_counsel(text: str, acc: _Acc) -> None:
    """Prose naming counsel: "conferred with Owen B. Castellano, counsel for Plaintiff";
    "Walter H. Brandt, Esq., of the law firm Kessler Brandt Yi LLP" (attorney and firm)."""
    for m in _LAW_FIRM_OF_RE.finditer(text):
        nm = clean_space(m.group("name"))
        if not _plausible_person(person_name(nm)):
            continue
        firm = acc.firm(clean_space(m.group("firm")), m.span("firm"))
        acc.attorney(nm, m.span("name"), firm=firm)
    for m in _PROSE_COUNSEL_RE.finditer(text):
        nm = clean_space(m.group("name"))
        if not _plausible_person(person_name(nm)) or not re.search(r"\b[A-Z]\.", nm):
            continue  # a full name with an initial: "Owen B. Castellano"
        acc.attorney(nm, m.span("name"), represents=_party_names_for(m.group("side"), acc.parties))


def _body_statements(text: str, acc: _Acc) -> None:
    for m in _REPRESENTED_BY_FIRM_RE.finditer(text):
        raw = m.group("firm").rstrip(",")
        if match_firm(raw, text) is None and not has_legal_suffix(raw):
            continue
        acc.firm(raw, m.span("firm"), _party_names_for(m.group("side"), acc.parties))
    for m in _BODY_COUNSEL_RE.finditer(text):
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
        raw = re.split(r",[ \t]*(?=\d)|[ \t]{3,}", m.group("firm").strip())[0].strip(" ,;")
        sm = re.match(r"^(.{2,80}?(?:LLP|L\.L\.P\.|LLC|L\.L\.C\.|PLLC|Ltd\.|LTD\.|P\.C\.|P\.A\.))(?=,|$)", raw)
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


_FOR_LINE_RE = re.compile(
    r"(?m)^[ \t]*(?:For|FOR)[ \t]+(?P<who>[^:\n]{1,200}?):[ \t]*(?P<body>[^\n]{5,600}"
    r"(?:\n[ \t]{8,}[^\n]{1,300}){0,6})$")


# New Jersey style: "X, Deputy Attorney General, argued the cause for appellants (Y, Attorney
# General, attorney; Z, of counsel; X, on the briefs)." and "Firm, attorneys for respondent
# (X, of counsel and on the brief)."
_ARGUED_FOR_RE = re.compile(r"(?:,[ \t\n]*|(?<![ \t\n])[ \t\n]+)argued[ \t\n]+the[ \t\n]+cause[ \t\n]+for[ \t\n]+|"
                            r",[ \t\n]+attorneys?[ \t\n]+for[ \t\n]+")
_PAREN_ROLE_RE = re.compile(r"(?i:,?[ \t]*(?:(?:of[ \t]+counsel)(?:[ \t]+and[ \t]+on[ \t]+the[ \t]+briefs?)?|"
                            r"on[ \t]+the[ \t]+briefs?|attorneys?)[ \t]*$)")


def _argued_the_cause(text: str, acc: _Acc) -> None:
    for m in _ARGUED_FOR_RE.finditer(text):
        open_at = text.find("(", m.end(), m.end() + 250)
        close_at = text.find(")", open_at, open_at + 700) if open_at >= 0 else -1
        if open_at < 0 or close_at < 0 or "(" in text[open_at + 1:close_at]:
            continue
        who = clean_space(text[m.end():open_at])
        if re.search(r"\.[ \t]+[A-Z][a-z]", who) or not _ROLE_WORDS.match(who):
            continue  # the party is named by its role right after "for"
        lead_start = _sentence_start(text, m.start())
        lead = clean_space(re.sub(r"-\n[ \t]*", "", text[lead_start:m.start()]))
        parts = [clean_space(p) for p in text[open_at + 1:close_at].split(";")]
        represents = _party_names_for(who, acc.parties)
        firm: str | None = None
        people: list[tuple[str, str | None]] = []
        for part in parts:
            role = _PAREN_ROLE_RE.search(part)
            if not role:
                continue
            items = [it for it, _ in _split_items(part[:role.start()])]
            titled = any(_TITLE_ITEM.match(it) for it in items)
            names = [it for it in items if _plausible_person(person_name(_strip_name_noise(it)))]
            if re.match(r"(?i:,?[ \t]*attorneys?)", role.group(0)):
                if titled or is_government_office(part[:role.start()]):
                    firm = None  # a government lawyer named by title: no firm
                    people.extend((n, None) for n in names)
                elif items and looks_like_firm(", ".join(items)):
                    firm = ", ".join(items)
                continue
            people.extend((n, firm) for n in names)
        lead_items = [it for it, _ in _split_items(lead)]
        lead_titled = any(_TITLE_ITEM.match(it) for it in lead_items)
        if lead_items and looks_like_firm(lead) and not _plausible_person(person_name(lead_items[0])):
            firm = firm or lead  # "Firm, attorneys for respondent (X, of counsel)"
            people = [(n, f or firm) for n, f in people]
        else:
            for it in lead_items:
                if _plausible_person(person_name(_strip_name_noise(it))):
                    people.insert(0, (it, None if lead_titled else firm))
        if not people:
            continue
        fname = acc.firm(firm, _find_span(text, open_at, firm) or _find_span(text, lead_start, firm),
                         represents) if firm else None
        for nm, f in people:
            acc.attorney(nm, _find_span(text, lead_start, nm) or (lead_start, lead_start),
                         firm=fname if f else None, represents=represents)


def _sentence_start(text: str, pos: int, limit: int = 250) -> int:
    """Start of the sentence that runs up to ``pos`` (after the last period that is no initial)."""
    lo = max(0, pos - limit)
    best = lo
    for m in re.finditer(r"\.[ \t]*\n|\.[ \t]+(?=[A-Z])|\n[ \t]*\n", text[lo:pos]):
        k = lo + m.start()
        if m.group(0).startswith(".") and _ABBREV_END.search(text[max(lo, k - 8):k]):
            continue
        best = lo + m.end()
    return best


def _for_lines(text: str, acc: _Acc) -> None:
    """Reporter-style counsel lines: "For Roadget Business Pte. Ltd., Plaintiff: Tianyu Ju,
    LEAD ATTORNEY, Glacier Law LLP, Chicago, IL." (one attorney per line, firm after titles)."""
    for m in _FOR_LINE_RE.finditer(text):
        body = m.group("body").rstrip(" .")
        if not re.match(rf"{_NAME_TOKEN}", body):
            continue
        # "(Sarah Smith, Assistant United States Attorney, on the brief)": another attorney
        body = re.sub(r"\(([^()]{3,200}?),?[ \t\n]+on[ \t\n]+the[ \t\n]+briefs?\)", r", \1", body)
        body = re.split(r",?[ \t\n]+for[ \t\n]+[A-Z]", body)[0]  # "..., for Damian Williams, U.S. Attorney"
        _parse_statement(text, m.start("body"), body, m.group("who"), acc)


_REPRESENTED_RE = re.compile(r"(?m)^(?P<party>[^\n]{2,120}?)[ \t]+represented[ \t]+by[ \t]+(?P<rest>[^\n]{3,120})$")


def _represented_by(text: str, acc: _Acc) -> None:
    """Docket listings: "Robert Diggs represented by Amy Crout Ziegler" + the contact block."""
    for m in _REPRESENTED_RE.finditer(text):
        nm = _strip_name_noise(m.group("rest"))
        if not _plausible_person(person_name(nm)):
            continue
        # the block below: firm line, address, e-mail, until a blank line or the next party
        after = text[m.end():m.end() + 800].split("\n\n", 1)[0]
        firm = None
        email = None
        for i, ln in enumerate(after.split("\n")[1:12]):
            if "represented by" in ln:
                break
            ln_s = ln.strip()
            if not ln_s:
                break
            em = _EMAIL_RE.search(ln_s)
            if em and email is None:
                email = em.group(0)
            elif i == 0 and looks_like_firm(_strip_name_noise(ln_s)) and not _EMAIL_RE.search(ln_s):
                off = text.find(ln_s, m.end())
                firm = acc.firm(ln_s, (off, off + len(ln_s)) if off >= 0 else None,
                                [clean_space(m.group("party"))])
        start = m.start("rest") + m.group("rest").find(nm.split()[0])
        acc.attorney(nm, (start, start + len(nm)), firm=firm, email=email,
                     represents=[clean_space(m.group("party"))])


# ---------------------------------------------------------------- party tables of web case pages

_REP_HEADER_RE = re.compile(r"(?i:^(?:representatives?|attorneys?|counsel|attorney\(s\)|lawyers?)$)")
_PARTY_HEADER_RE = re.compile(r"(?i:^(?:party|parties|party[ \t]+name|name)$)")


class _Tables(HTMLParser):
    """Rows of the tables of a web page: each cell's text, with line breaks for <br>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            if self.rows:
                self.rows[-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def _party_tables(text: str, acc: _Acc) -> None:
    """A case page's party table ("Party | PartyType | Representative"): each representative
    is an attorney for the party of the row (firm null: the table names no firm); a party
    listed as its own representative appears pro se."""
    if "<td" not in text.lower() or not re.search(r"(?i:>[ \t]*(?:representatives?|attorneys?|counsel)[ \t]*<)", text):
        return
    parser = _Tables()
    parser.feed(text)
    parser.close()
    rep_col = party_col = None
    for row in parser.rows:
        cells = [clean_space(c) for c in row]
        reps = [k for k, c in enumerate(cells) if _REP_HEADER_RE.match(c)]
        if reps:
            rep_col = reps[0]
            parties = [k for k, c in enumerate(cells) if _PARTY_HEADER_RE.match(c)]
            party_col = parties[0] if parties else None
            continue
        if rep_col is None or rep_col >= len(row):
            continue
        party = clean_space(row[party_col]) if party_col is not None and party_col < len(row) else ""
        for raw in row[rep_col].split("\n"):
            nm = clean_space(raw)
            if not nm or person_key(nm) == person_key(party) or _same_person(nm, _natural_order(party)):
                continue  # pro se
            if _plausible_person(person_name(_strip_name_noise(nm))):
                at = text.find(nm)
                acc.attorney(nm, (at, at + len(nm)) if at >= 0 else (0, 0),
                             represents=[party] if party else [])


def _natural_order(name: str) -> str:
    """"Treviso, Vanessa" -> "Vanessa Treviso" (a party listed surname first)."""
    m = re.match(r"^([^,]{2,40}),[ \t]*([^,]{2,40})$", name)
    return f"{m.group(2)} {m.group(1)}" if m else name


def find_counsel(text: str, *, parties: tuple[PartyMention, ...] = (),
                 case: str | None = None) -> tuple[list[AttorneyMention], list[FirmMention]]:
    """Attorneys and law firms acting as counsel in one filing, with spans."""
    acc = _Acc(text, tuple(parties))
    _statements(text, acc)
    _for_lines(text, acc)
    _argued_the_cause(text, acc)
    _represented_by(text, acc)
    _blocks(text, acc)
    _inline_blocks(text, acc)
    _flat_blocks(text, acc)
    _appearances(text, acc)
    _nef(text, acc)
    _body_statements(text, acc)
    _prose_counsel(text, acc)
    _labelled(text, acc)
    _party_tables(text, acc)
    return acc.result(case)
