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
from docketgraph.ingest.readers.pacer_names import (
    _name_tokens, canonical_party, canonical_person, clean_space, person_key, same_person,
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


@dataclass
class _Judge:
    name: str
    role: str
    spans: list[Span] = field(default_factory=list)
    from_header: bool = False


def _clean_judge_name(name: str) -> str:
    toks = name.split()
    while len(toks) > 1 and toks[-1].strip(",.") in _JUDGE_TRAIL:
        toks.pop()
    while toks and toks[0].strip(",.") in _JUDGE_TRAIL:
        toks.pop(0)
    return clean_space(" ".join(toks)).rstrip(",")


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
            if person_key(rest) and len(rest.split()) <= 6 and not re.search(r"\d", rest):
                role = _judge_role(value[: len(value) - len(rest)], "", bankruptcy)
                if kind == "referred" and role != "bankruptcy":
                    role = "magistrate"
                start = a + value.index(rest)
                add(canonical_person(rest), role, (start, start + len(rest)), True)
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
    return _merge_judges(found)


def _judge_key(name: str) -> str:
    return " ".join(_name_tokens(name))


def _merge_judges(found: list[_Judge]) -> list[_Judge]:
    full = [j for j in found if len(_name_tokens(j.name)) >= 2]
    surname_only = [j for j in found if len(_name_tokens(j.name)) == 1]
    merged: list[_Judge] = []
    for j in full:
        for k in merged:
            if _judge_key(k.name) == _judge_key(j.name) or same_person(k.name, j.name):
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
        last = _name_tokens(j.name)[0]
        hits = [k for k in merged if _name_tokens(k.name)[-1] == last]
        if len(hits) == 1:
            hits[0].spans.extend(j.spans)
            if j.role == "magistrate":
                hits[0].role = "magistrate"
    return merged


# ---------------------------------------------------------------------------- docket text

_PWORD = (r"(?!(?:To|The|For|And|Of|On|By|Re|In|At|As|With|From|Dated|TO|THE|FOR|AND|OF|ON|BY|RE)\b)"
          r"[A-Z](?:['’][A-Z])?[A-Za-z]{0,25}(?:-[A-Z][A-Za-z]{0,25})?")
_PNAME = re.compile(rf"(?:(?:[A-Z]\.|{_PWORD}) ){{1,4}}{_PWORD}(?:,? (?:Jr|JR|Sr|SR)\.?|,? (?:II|III|IV)(?![A-Za-z]))?")
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
    toks = _name_tokens(name)
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
                last = _name_tokens(nm.group(1))[-1]
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
                key = " ".join(_name_tokens(canonical_party(name)))
                if key in known:
                    roles.add(known[key].role)
                else:
                    unknown.append((name, span))
            if len(roles) != 1 or not unknown:
                continue
            role = roles.pop()
            for name, span in unknown:
                toks = _name_tokens(name)
                if not (2 <= len(toks) <= 4) or any(t in _NOT_NAME_WORDS for t in toks):
                    continue
                if " ".join(toks) in person_keys:
                    continue
                if any(k.startswith(" ".join(toks) + " ") for k in known):
                    continue
                out.append((canonical_party(name), role, span))
    return out


@dataclass
class _Party:
    """A party of the case as the extraction collects it (listing first, docket text after)."""
    name: str
    role: str
    raw: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
