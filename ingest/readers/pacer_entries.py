"""Judges and people on a CM/ECF docket page beyond the party listing.

- ``find_judges``: the header's "Assigned to:" / "Referred to:" judges and the judges the
  docket text shows acting in the case ("Signed by Judge X", "Case reassigned to Judge X",
  "before the Honorable X"), leaving out signers of district-wide standing orders, agency
  or state judges under review and orders signed before the case was filed;
- ``find_text_attorneys``: attorneys the docket text shows appearing for a party (notices of
  appearance, pro hac vice motions and orders, letters, "of the law firm of");
- ``find_text_parties``: people the docket text files for together with listed parties of
  one role ("Filed by James Brady, Travis Call").
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Iterator

from docketgraph.graph.model import Span
from docketgraph.graph.names import (
    clean_space_record, name_tokens, party_name_record, person_key_in_docket, person_name_record,
    same_person_in_docket,
)

# ---------------------------------------------------------------------------- judges

_JWORD = r"[A-Z](?:['’][A-Z])?[a-z]{1,3}(?:[A-Z][a-z]{1,20})?[a-z]{0,20}(?:-[A-Z][a-z]{1,20})?"
_JINIT = r"[A-Z]\."
_JSUFFIX = r"(?:,? (?:Jr\.?|Sr\.?|II|III|IV)(?![A-Za-z]))"
_JNAME = rf"(?:(?:{_JINIT}|{_JWORD}) ){{0,4}}{_JWORD}{_JSUFFIX}?"
_JTITLE = r"(?:(?:Chief|Senior|District|Magistrate|Mag\.|Bankruptcy|U\. ?S\.|United +States) +){0,3}"
_JUDGE_RE = re.compile(
    rf"(?<![-\w])(?P<title>{_JTITLE})Judge +(?:the +Honorable +|Hon\. +)?(?P<name>{_JNAME})"
    rf"|(?<![\w])(?:the +|The +)?(?:Honorable|Hon\.) +(?:(?P<title2>{_JTITLE})Judge +)?"
    rf"(?P<name2>{_JNAME})(?P<post>,? +U\. ?S\. ?[MD]\. ?J\.?)?"
)
_JUDGE_TRAIL = frozenset(
    "Order Orders Chambers Court Minute Entry Rules Practices Individual Standing Trial "
    "Conference Hearing Status Scheduling Memorandum Opinion Notice Electronic Text Docket "
    "Case The For And To Of Re Dated Signed Entered Filed Referral Settlement Magistrate "
    "Judge Judges District Clerk Panel MDL".split()
)
_DATE_AFTER = re.compile(r" {0,3}on +(\d{1,2})/(\d{1,2})/(\d{2,4})")
_OTHER_BENCH = re.compile(r"(?:Administrative +Law|Immigration|State +Court|Superior +Court|"
                          r"Tax +Court|Workers'? +Compensation) *$", re.IGNORECASE)
_SIGNED_BEFORE = re.compile(r"(?:signed|ordered|entered) +by *$", re.IGNORECASE)


# a party-listing header of a role that is not a party (the name under it is no judge)
_LISTED_NON_PARTY = re.compile(r"(?:Special\s+Master|Mediator|Arbitrator|Monitor|Receiver|"
                               r"ADR\s+Provider)\s*$", re.IGNORECASE)


@dataclass
class _Judge:
    name: str
    role: str
    spans: list[Span] = field(default_factory=list)
    from_header: bool = False
    signed: bool = False  # a surname-only signature ("Roe, J. Order ..."): kept on its own


def _clean_judge_name(name: str) -> str:
    toks = name.split()
    while len(toks) > 1 and toks[-1].strip(",.") in _JUDGE_TRAIL:
        toks.pop()
    while toks and toks[0].strip(",.") in _JUDGE_TRAIL:
        toks.pop(0)
    return clean_space_record(" ".join(toks)).rstrip(",")


def _judge_role(title: str, post: str, bankruptcy: bool) -> str:
    t = f"{title} {post}".lower()
    if "magistrate" in t or "mag." in t or "m.j" in t.replace(" ", ""):
        return "magistrate"
    if "bankruptcy" in t or bankruptcy:
        return "bankruptcy"
    return "district"


def _parse_date(m: re.Match) -> _dt.date | None:
    mo, d, y = (int(g) for g in m.groups())
    if y < 100:
        y += 2000 if y < 70 else 1900
    try:
        return _dt.date(y, mo, d)
    except ValueError:
        return None


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


def _header_judge_lines(text: str, header_end: int) -> Iterator[tuple[str, str, Span]]:
    """('assigned'|'referred', name, span) for the header's judge lines."""
    # the header ends at the party listing; its judge lines follow the docket line
    end = text.find("\nPlaintiff", header_end)
    end = min(len(text), header_end + 3000) if end < 0 else min(end, header_end + 3000)
    for m in re.finditer(r"^(Assigned|Referred)\s+to:\s*(?P<v>[^\n]{1,200})$",
                         text[:end], re.MULTILINE):
        yield m.group(1).lower(), m.group("v"), (m.start("v"), m.end("v"))


_HEADER_JUDGE = re.compile(
    rf"^(?:(?:the +)?(?:Honorable|Hon\.) +)?(?P<title>{_JTITLE})(?:Judge +)?"
    rf"(?:(?:the +)?(?:Honorable|Hon\.) +)?(?P<name>{_JNAME})(?P<post>,? +U\. ?S\. ?[MD]\. ?J\.?)?"
)


def find_judges(text: str, header_end: int, filed: _dt.date | None,
                bankruptcy: bool = False) -> list[_Judge]:
    found: list[_Judge] = []

    def add(name: str, role: str, span: Span, header: bool) -> None:
        name = _clean_judge_name(name)
        if not name:
            return
        found.append(_Judge(name, role, [span], header))

    for kind, value, (a, _b) in _header_judge_lines(text, header_end):
        m = _HEADER_JUDGE.match(value)
        if not m:
            # 'Assigned to: JUDGE ANN B. EXAMPLE': capitals the name pattern does not take
            rest = re.sub(r"^(?:(?:the|Honorable|Hon\.|Chief|Senior|District|Magistrate|"
                          r"Bankruptcy|Judge)\s+)+", "", value, flags=re.IGNORECASE)
            rest = re.split(r"\s*[(\[]", rest, maxsplit=1)[0].strip(" ,")
            if person_key_in_docket(rest) and len(rest.split()) <= 6 and not re.search(r"\d", rest):
                role = _judge_role(value[: len(value) - len(rest)], "", bankruptcy)
                if kind == "referred" and role != "bankruptcy":
                    role = "magistrate"
                start = a + value.index(rest)
                add(person_name_record(rest), role, (start, start + len(rest)), True)
            continue
        role = _judge_role(m.group("title") or "", m.group("post") or "", bankruptcy)
        if kind == "referred" and role != "bankruptcy":
            role = "magistrate"
        add(m.group("name"), role, (a + m.start("name"), a + m.end("name")), True)

    for m in _JUDGE_RE.finditer(text, header_end):
        name = m.group("name") or m.group("name2")
        gname = "name" if m.group("name") else "name2"
        title = m.group("title") or m.group("title2") or ""
        la, lb = _line_bounds(text, m.start())
        line = text[la:lb]
        if _LISTED_NON_PARTY.match(text, text.rfind("\n", 0, max(la - 1, 0)) + 1, max(la - 1, 0)):
            continue  # "Special Master / Hon. Ann Roe (Ret.)" in the party listing
        before = text[max(la, m.start() - 40):m.start()]
        if _OTHER_BENCH.search(before + (m.group("title") or "")):
            continue  # an agency or state judge whose decision is under review
        signer = bool(_SIGNED_BEFORE.search(before))
        if signer and re.search(r"standing\s+order", line, re.IGNORECASE):
            continue  # a district-wide standing order docketed here
        d = _DATE_AFTER.match(text, m.end(gname))
        if d and filed:
            when = _parse_date(d)
            if when and when < filed:
                continue  # signed before the case existed: not an act in this case
        role = _judge_role(title, m.group("post") or "", bankruptcy)
        add(name, role, (m.start(gname), m.end(gname)), False)
    for m in _SURNAME_SIGNATURE.finditer(text, header_end):
        role = "bankruptcy" if bankruptcy else "district"
        found.append(_Judge(m.group("name"), role, [(m.start("name"), m.end("name"))], signed=True))
    return _merge_judges(found)


# a docket entry that opens with the signing judge's surname, as bankruptcy courts write
# their orders: "Roe, J. Order dated 1/5/06 Re: 13 Motion ..."
_SURNAME_SIGNATURE = re.compile(
    r"^(?P<name>[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?), +J\. +(?=(?:Order|ORDER|Memorandum|MEMORANDUM|"
    r"Judgment|JUDGMENT|Proceeding +Memorandum)\b)", re.MULTILINE)


def _judge_key(name: str) -> str:
    return " ".join(name_tokens(name))


def _merge_judges(found: list[_Judge]) -> list[_Judge]:
    full = [j for j in found if len(name_tokens(j.name)) >= 2]
    surname_only = [j for j in found if len(name_tokens(j.name)) == 1]
    merged: list[_Judge] = []
    for j in full:
        for k in merged:
            if _judge_key(k.name) == _judge_key(j.name) or same_person_in_docket(k.name, j.name):
                k.spans.extend(j.spans)
                if j.role == "magistrate" or k.role == "magistrate":
                    k.role = "magistrate"
                if j.from_header and not k.from_header:
                    k.name, k.from_header = j.name, True
                elif not k.from_header and len(j.name) > len(k.name):
                    k.name = j.name
                break
        else:
            merged.append(_Judge(j.name, j.role, list(j.spans), j.from_header))
    for j in surname_only:
        last = name_tokens(j.name)[0]
        hits = [k for k in merged if name_tokens(k.name)[-1] == last]
        if not hits and j.signed and not any(_judge_key(k.name) == _judge_key(j.name)
                                             for k in merged):
            merged.append(_Judge(j.name, j.role, list(j.spans), signed=True))
            continue
        if len(hits) == 1:
            hits[0].spans.extend(j.spans)
            if j.role == "magistrate":
                hits[0].role = "magistrate"
    return merged


# ---------------------------------------------------------------------------- docket text

_PWORD = (r"(?!(?:To|The|For|And|Of|On|By|Re|In|At|As|With|From|Dated|TO|THE|FOR|AND|OF|ON|BY|RE)\b)"
          r"[A-Z](?:['’][A-Z])?[A-Za-z]{0,25}(?:-[A-Z][A-Za-z]{0,25})?")
_PNAME = re.compile(rf"(?:(?:(?:[A-Z]\.){{1,3}}|{_PWORD}) ){{1,4}}{_PWORD}(?:,? (?:Jr|JR|Sr|SR)\.?|,? (?:II|III|IV)(?![A-Za-z]))?")
_PTITLE_AFTER = re.compile(r",? *(?:Esq|ESQ|Esquire|Ph\. ?D|PH\. ?D|PhD)\.?")
_PSEP = re.compile(r" *, *(?:and +|& +)?| +(?:and|&) +")
_NOT_NAME_WORDS = frozenset(
    "the and of for by inc llc llp ltd corp corporation company co court judge motion order "
    "plaintiff plaintiffs defendant defendants all counsel attorney attorneys notice pro hac "
    "vice esq filed document magistrate honorable clerk letter certification declaration "
    "exhibit united states district local leave appear appearance request receive notices "
    "electronic filing filings fee receipt number granting granted denied consent joint "
    "response reply memorandum support opposition status conference group bank trust "
    "foundation association international holdings pharma pharmaceuticals labs limited usa "
    "na sa ag plc gmbh university department office county city state government application "
    "commission authority agency service services media news company's".split()
)

# "NOTICE of Appearance by X on behalf of ...", "ATTORNEY Appearance for Plaintiff P by X"
_APPEARANCE = re.compile(r"(?i:appearance)\b[^\n]{0,200}?\b(?i:by) +(?:(?i:attorneys?|counsel) *,? +)?")
_BY_ATTORNEY = re.compile(r"\b(?i:by +attorneys?) +")
# "APPLICATION of Non-Resident Attorney X to Appear Pro Hac Vice", "Appearance of Counsel X"
_NAMED_ATTORNEY = re.compile(r"(?<![\w-])(?i:attorneys?|counsel) *,? +(?=[A-Z])")
_PHV = re.compile(r"(?i:pro +hac +vice) *(?:(?i:counsel) *,? *)?(?:(?i:by|for|as +to|of) +)?"
                  r"(?:(?i:attorneys?|counsel) *,? +)?")
_PHV_BEFORE = re.compile(r"(?i:motion|application|order) +(?:(?i:granting) +\d+ +(?i:motion) +)?"
                         r"(?i:for) +(?=[^\n]{0,300}? (?i:to +appear +pro +hac +vice))")
# "APPLICATION for Admission of Ann Roe Pro Hac Vice"
_ADMISSION_OF = re.compile(r"\b(?i:admission) +(?i:of) +(?=[A-Z])")
_LOCAL_COUNSEL = re.compile(r"(?i:local +counsel) +")
_LETTER_FROM = re.compile(r"\b(?i:letter)\b[^\n]{0,200}?\b(?i:from) +")
_LAW_FIRM_OF = re.compile(r",? *(?:Esq\.?,? *)?(?:of|from) +the +(?:law +)?firm +of +"
                          r"(?P<firm>[A-Z][A-Za-z&.'’ ]{1,80}?(?:, *(?:LLP|LLC|P\.C\.|PC|PLLC))?)"
                          r"(?=,|\. | +(?:has|is|who|and)\b|$)")
_FILED_BY = re.compile(r"(?i:filed +by) *")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,255}\.[A-Za-z]{2,24}")


def name_list_at(text: str, pos: int, limit: int = 20) -> list[tuple[str, Span]]:
    """The names listed at ``pos``: 'A, B, and C', 'X, Esq. and Y', 'ADAM C. LAROCK, ...'."""
    out: list[tuple[str, Span]] = []
    end_of_line = text.find("\n", pos)
    stop = len(text) if end_of_line < 0 else end_of_line
    while len(out) < limit:
        m = _PNAME.match(text, pos, stop)
        if not m:
            break
        name = m.group(0)
        toks = name.split(" ")
        while len(toks) > 2 and toks[-1].lower().strip(".,") in _NOT_NAME_WORDS:
            toks.pop()  # 'Matthew E. Kelley Filing fee': the name ends before 'Filing'
        trimmed = len(toks) < len(name.split(" "))
        name = " ".join(toks)
        out.append((name, (m.start(), m.start() + len(name))))
        if trimmed:
            break
        pos = m.end()
        t = _PTITLE_AFTER.match(text, pos, stop)
        if t:
            pos = t.end()
        s = _PSEP.match(text, pos, stop)
        if not s:
            break
        pos = s.end()
    return out


def _plausible_person(name: str, party_keys: set[str]) -> bool:
    toks = name_tokens(name)
    words = [t for t in toks if len(t) > 1]
    if len(toks) < 2 or not words or len(toks) > 5:
        return False
    if any(t in _NOT_NAME_WORDS for t in toks):
        return False
    low = " ".join(toks)
    return not any(p == low or p.startswith(low + " ") for p in party_keys)


@dataclass
class _TextAttorney:
    name: str
    span: Span
    rank: int  # 1 = filed by counsel (appearance, motion, letter), 2 = clerk or court text
    line: Span
    firm: str | None = None
    firm_span: Span | None = None
    email: str | None = None
    pro_hac_vice: bool = False


def find_text_attorneys(text: str, start: int, party_keys: set[str],
                        judge_keys: set[str]) -> list[_TextAttorney]:
    """Attorneys the docket text shows appearing for a party."""
    out: list[_TextAttorney] = []

    def take(m_end: int, rank: int, la: int, lb: int, phv: bool) -> None:
        for name, span in name_list_at(text, m_end):
            if not _plausible_person(name, party_keys) or _judge_key(name) in judge_keys:
                continue
            out.append(_TextAttorney(name, span, rank, (la, lb), pro_hac_vice=phv))

    for la, lb in _lines(text, start):
        line = text[la:lb]
        low = line.lower()
        is_order = bool(re.match(r"\s*(?:\S+\s+){0,2}order\b", low)) or "signed by" in low
        rank = 2 if is_order else 1
        if "appearance" in low:
            for m in _APPEARANCE.finditer(text, la, lb):
                take(m.end(), rank, la, lb, False)
        if "by attorney" in low:
            for m in _BY_ATTORNEY.finditer(text, la, lb):
                take(m.end(), rank, la, lb, "hac vice" in low)
        if "hac vice" in low or "appearance" in low:
            for m in _NAMED_ATTORNEY.finditer(text, la, lb):
                local = text[max(la, m.start() - 6):m.start()].lower().endswith("local ")
                take(m.end(), rank, la, lb, "hac vice" in low and not local)
        if "hac vice" in low:
            for m in _ADMISSION_OF.finditer(text, la, lb):
                take(m.end(), rank, la, lb, True)
            for m in _PHV.finditer(text, la, lb):
                take(m.end(), rank, la, lb, True)
            for m in _PHV_BEFORE.finditer(text, la, lb):
                take(m.end(), rank, la, lb, True)
        if "local counsel" in low:
            for m in _LOCAL_COUNSEL.finditer(text, la, lb):
                take(m.end(), 1, la, lb, False)
        if "letter" in low and "from" in low:
            for m in _LETTER_FROM.finditer(text, la, lb):
                take(m.end(), 1, la, lb, False)
        if "firm of" in low:
            for m in _LAW_FIRM_OF.finditer(text, la, lb):
                # the name right before "from the law firm of"
                head = text[max(la, m.start() - 80):m.start()]
                nm = re.search(rf"({_PNAME.pattern})(?:,\s*Esq\.?)?$", head)
                if not nm or not _plausible_person(nm.group(1), party_keys):
                    continue
                base = m.start() - len(head)
                emails = _EMAIL.findall(line)
                last = name_tokens(nm.group(1))[-1]
                email = next((e for e in emails if last in e.lower()), None)
                out.append(_TextAttorney(
                    nm.group(1), (base + nm.start(1), base + nm.end(1)), 1, (la, lb),
                    firm=m.group("firm").strip(), firm_span=(m.start("firm"), m.end("firm")),
                    email=email))
    return out


def _lines(text: str, start: int) -> Iterator[tuple[int, int]]:
    pos = start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if end > pos:
            yield pos, end
        pos = end + 1


def find_text_parties(text: str, start: int, parties: dict[str, _Party],
                      person_keys: set[str]) -> list[tuple[str, str, Span]]:
    """People the docket text files for together with listed parties of one role
    ('Filed by James Brady, Travis Call, Sarah Cavanagh')."""
    known = {k: p for k, p in parties.items()}
    out = []
    for la, lb in _lines(text, start):
        if "filed by" not in text[la:lb].lower():
            continue
        for m in _FILED_BY.finditer(text, la, lb):
            names = name_list_at(text, m.end())
            roles = set()
            unknown = []
            for name, span in names:
                key = " ".join(name_tokens(party_name_record(name)))
                if key in known:
                    roles.add(known[key].role)
                else:
                    unknown.append((name, span))
            if len(roles) != 1 or not unknown:
                continue
            role = roles.pop()
            for name, span in unknown:
                toks = name_tokens(name)
                if not (2 <= len(toks) <= 4) or any(t in _NOT_NAME_WORDS for t in toks):
                    continue
                if " ".join(toks) in person_keys:
                    continue
                if any(k.startswith(" ".join(toks) + " ") for k in known):
                    continue
                out.append((party_name_record(name), role, span))
    return out


@dataclass
class _Party:
    """A party of the case as the extraction collects it (listing first, docket text after)."""
    name: str
    role: str
    raw: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


# ---------------------------------------------------------------------------- filtered dockets
#
# A filtered report (a few entries, no party listing) names its parties only in the
# entries: "COMPLAINT against Acme LLC, Bolt Inc. ( Filing fee ...) Filed by Ann Roe." or
# "Complaint by Ann Roe against Acme LLC. Fee Amount ...". Other filers get a role when the
# entry states it ("Plaintiffs' Motion ... by STATE OF ELM").

_ENTITY_TAIL = (r"(?:Inc|LLC|L\.L\.C|LLP|L\.L\.P|LP|L\.P|Ltd|Corp|Co|N\.A|P\.C|PC|PLLC|P\.A|S\.A|"
                r"AG|GmbH|Jr|Sr|II|III|IV)\b\.?")
_LIST_SPLIT = re.compile(rf"\s*;\s*|,\s+(?:and\s+|&\s+)?(?!{_ENTITY_TAIL})|\s+and\s+(?=[A-Z])")
_ABBREV_END = re.compile(r"(?:\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros|No)|\b[A-Z]|[A-Z]\.[A-Z])$")
_COMPLAINT_HEAD = re.compile(r"^(?:[\w()\s:]{0,40}?)(?:AMENDED\s+|Amended\s+)?(?:COMPLAINT|Complaint|"
                             r"PETITION|Petition)\b")
_AGAINST = re.compile(r"\bagainst\s+")
_FILER = re.compile(r"(?:\b[Ff]iled\s*[Bb]y|(?<=[,;])\s+by|^(?:[\w()\s:]{0,40}?)(?:COMPLAINT|Complaint)"
                    r"\s+by)\s*(?=[A-Z])")
_LIST_END = re.compile(r"\s+\(|\s+[Ff]iled\s*[Bb]y\b|\s+by\s|\s+against\b|\s+re\b|\s+for\s+[A-Z]|\s*\.\s+(?=[A-Z(])"
                       r"|\.?\s*$")
_NOT_A_PARTY_NAME = re.compile(r"\b(?:Judge|Clerk|Court|Magistrate|Document|Exhibit|Motion|Order|"
                               r"Attachments?|Certificate|Filing|Fee|Summons)\b|\d")


def _list_at(text: str, pos: int, stop: int) -> list[tuple[str, Span]]:
    """The names listed from ``pos`` to the list's end ('A LLC, B, Inc. and C. Fee ...')."""
    end = stop
    for m in _LIST_END.finditer(text, pos, stop):
        if m.group(0).lstrip().startswith(".") and _ABBREV_END.search(text[pos:m.start()]):
            continue  # 'Bolt Inc. and ...': the period ends an abbreviation, not the list
        end = m.start()
        break
    out = []
    a = pos
    for sep in [*_LIST_SPLIT.finditer(text, pos, end), None]:
        b = sep.start() if sep else end
        raw = text[a:b]
        name = re.sub(r"\.\.$", ".", raw.strip())
        name = re.sub(r"\s+et\s+al\.?$", "", name).strip(" ,;")
        if name and not _NOT_A_PARTY_NAME.search(name) and len(name) <= 120:
            i = text.find(name, a, b + 1)
            out.append((name, (i, i + len(name)) if i >= 0 else (a, b)))
        if sep:
            a = sep.end()
    return out


def find_entry_parties(text: str, start: int) -> list[tuple[str, str, Span]]:
    """(name as written, role, span) of the parties a filtered docket's entries name."""
    out: list[tuple[str, str, Span]] = []
    for la, lb in _lines(text, start):
        line = text[la:lb]
        complaint = bool(_COMPLAINT_HEAD.match(line))
        if complaint:
            for m in _AGAINST.finditer(text, la, lb):
                out.extend((n, "defendant", s) for n, s in _list_at(text, m.end(), lb))
                break
        for m in _FILER.finditer(text, la, lb):
            before = line[:m.start() - la]
            if complaint:
                role = "plaintiff"
            elif re.search(r"\bPlaintiffs?['’]?(?:\s|$)|\bPlaintiff\s+States\b", before):
                role = "plaintiff"
            elif re.search(r"\bDefendants?['’]?(?:\s|$)", before):
                role = "defendant"
            else:
                continue
            out.extend((n, role, s) for n, s in _list_at(text, m.end(), lb))
    return out


# "(Roe, Ann)" closing a party's filing: the ECF account that filed it, an attorney's
_FILER_TAG = re.compile(r"\((?P<last>[A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){0,2}), "
                        r"(?P<first>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]*\.?){0,2})\)")
_MODIFIED = re.compile(r"\bModified\s+on\b")
_COURT_ACT = re.compile(r"\b(?i:transcript)\b|^\s*(?:\S+\s+){0,2}(?:ORDER|Order|JUDGMENT|Judgment|NOTICE\s+issued|"
                        r"Summons\s+Issued|CLERK|Clerk)|\b[Ss]igned\s+by\b|\bCase\s+(?:re)?assigned\b|"
                        r"\bCOURT\s+STAFF\b")


def find_filer_tags(text: str, start: int) -> list[tuple[str, Span, Span]]:
    """(First Last, name span, entry line) for the ECF filer tags on parties' filings
    ('... filed by Ann Roe. (Poe, Bo) (Entered: ...)' names attorney Bo Poe); tags on
    court orders, clerks' notices and court staff's tags ('(ab, COURT STAFF)', '(Roe, A)')
    are left out."""
    out = []
    for la, lb in _lines(text, start):
        line = text[la:lb]
        if "(" not in line or _COURT_ACT.search(line):
            continue
        if not re.search(r"\b[Ff]iled\s*[Bb]y(?=\s|[A-Z])|[,;]\s+by\s+[A-Z]|\bon\s+behalf\s+of\s|\bby\s+(?:Plaintiff|Defendant|Appellant|"
                         r"Appellee|Movant|Petitioner|Respondent)", line):
            continue
        # the filer's tag comes first; tags after "Modified on ..." are the clerk's
        mod = _MODIFIED.search(text, la, lb)
        m = _FILER_TAG.search(text, la, mod.start() if mod else lb)
        if m:
            out.append((f"{m.group('first')} {m.group('last')}", (m.start(), m.end()), (la, lb)))
    return out


# Entries that give a party its role while naming it: "Answer due 9/1/03 for Elm Corp.,
# for Bolt Inc.", "NOTICE of appearance on behalf of defts Ann Roe, Bo Poe".
_ANSWER_DUE = re.compile(r"\b(?i:answer)\s+(?i:due)(?:\s+on)?\s*:?\s*\d{1,2}/\d{1,2}/\d{2,4}\s+for\s+(?=[A-Z])")
_FOR_ITEM = re.compile(rf"(?P<name>[A-Z][^,;()]*?(?:,\s*{_ENTITY_TAIL})?)(?<!\b[A-Z])"
                       r"(?=,?\s*(?:and\s+)?for\s+[A-Z]|\.\s|\s*\(|\.?\s*$|;)")
_ON_BEHALF = re.compile(r"\bon\s+behalf\s+of\s+(?P<side>(?i:defts?\.?|defendants?|pltfs?\.?|plaintiffs?))"
                        r"\s+(?=[A-Z])")


def find_role_named_parties(text: str, start: int) -> list[tuple[str, str, Span]]:
    """(name as written, role, span) of parties an entry names with their role."""
    out: list[tuple[str, str, Span]] = []
    for la, lb in _lines(text, start):
        line = text[la:lb].lower()
        if "answer" in line and " due" in line:
            for m in _ANSWER_DUE.finditer(text, la, lb):
                pos = m.end()
                while True:  # 'for A, for B and for C.'
                    item = _FOR_ITEM.match(text, pos, lb)
                    if not item:
                        break
                    name = item.group("name").strip()
                    if name and not _NOT_A_PARTY_NAME.search(name):
                        out.append((name, "defendant", (item.start("name"), item.start("name") + len(name))))
                    nxt = re.compile(r",?\s*(?:and\s+)?for\s+(?=[A-Z])").match(text, item.end(), lb)
                    if not nxt:
                        break
                    pos = nxt.end()
        if "on behalf of" in line:
            for m in _ON_BEHALF.finditer(text, la, lb):
                role = "plaintiff" if m.group("side").lower().startswith("p") else "defendant"
                out.extend((n, role, s) for n, s in _list_at(text, m.end(), lb))
    return out
