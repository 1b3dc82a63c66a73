"""Counsel family: contact blocks (signature blocks, cover pages, letterheads).

Lines are classified (name, firm, address, phone, e-mail, representation line...), wrapped
firm names joined, two-column blocks split, and each block read group by group: the firm
below a stacked name, or above it in a firm-first block.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from docketgraph.graph.names import is_all_caps
from docketgraph.ingest.fields.counsel.common import (
    Span, _Acc, _BAR_RE, _EMAIL_RE, _NAME_TOKEN, _PERSON_RE, _PHONE_RE, _ROLE_LINE_RE, _SIG_RE,
    _TITLE_ITEM, _assign_emails, _is_party_name, _party_names_for, _plausible_person,
    _strip_name_noise,
)
from docketgraph.ingest.fields.firms import (
    clean_firm, has_legal_suffix, is_government_office, looks_like_firm, match_firm,
)
from docketgraph.graph.names import person_key, person_name

# named patterns of the rules below
# "for the plaintiffs" and kin inside a line: prose, not a block line
_FOR_ROLE_RE = re.compile(r"(?i:\bfor[ \t]+(?:the[ \t]+)?(?:plaintiffs?|defendants?|appell|petition|respond|amic))")
# a phone or fax line's label
_PHONE_LABEL_RE = re.compile(r"(?i:^(?:tel|telephone|phone|fax|facsimile|ph|direct|main|cell)\b\.?:?|^[tfp][ \t]?:)")
# a web address
_URL_START_RE = re.compile(r"(?i:^(?:www\.|https?://))")
# a bar-number or attorney label in a line that also holds a case number
_BAR_WORD_RE = re.compile(r"(?i:\bbar\b|\bardc\b|\bsbn\b|attorney)")
# two digits: an address or a number, not a name
_TWO_DIGITS_RE = re.compile(r"\d{2,}")
# four lower-case words in a row: prose
_FOUR_WORDS_RE = re.compile(r"[a-z]{3,}[ \t]+[a-z]{3,}[ \t]+[a-z]{3,}[ \t]+[a-z]{3,}")
# a digit
_DIGIT_RE = re.compile(r"\d")
# a line opening with "&" or "AND": the rest of a wrapped firm name
_AMP_START_RE = re.compile(r"^(?:&|AND\b)")
# an initial in a name
_INITIAL_RE = re.compile(r"\b[A-Z]\.")
# the wrapped end of a parenthesis ("pending)")
_PAREN_CLOSE_LINE_RE = re.compile(r"^[^()]{1,40}\)[ \t]*$")
# a line ending in an abbreviation's period ("Inc.", "No.")
_ABBREV_DOT_END_RE = re.compile(r"\b(?:Inc|Co|Corp|Ltd|No|St)\.$")
# an initial followed by a name: the next attorney
_INITIAL_NAME_RE = re.compile(r"\b[A-Z]\.[ \t]+[A-Z][a-z]")
# the word "court"
_COURT_WORD_RE = re.compile(r"(?i:\bcourt\b)")
# "pro se"
_PRO_SE_RE = re.compile(r"(?i:\bpro[ \t]+se\b)")
# a name with an initial in front of a firm on one line ("Quinn B. Guillermo Greer, ...")
_NAME_THEN_FIRM_RE = re.compile(rf"((?:{_NAME_TOKEN}[ \t]){{1,3}}[A-Z]\.[ \t]{_NAME_TOKEN}(?:,?[ \t]Jr\.)?)[ \t]+(?=\S)")
# a representation line up to its "for"
_UP_TO_FOR_RE = re.compile(r"^.*?\bfor\b", re.I | re.S)
# "Dated" / "Date"
_DATED_RE = re.compile(r"(?i:[ \t*_]*dated?\b)")
# an initial or a parenthesis: a name marked as counsel's
_COUNSEL_MARK_RE = re.compile(r"\b[A-Z]\.|\(")


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


def _gap_search(line: str) -> re.Match | None:
    """``_GAP_RE.search(line)``; a line without a tab or six spaces in a row (most lines)
    has no such gap and is not searched."""
    if "\t" not in line and "      " not in line:
        return None
    return _GAP_RE.search(line)


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
        m = _gap_search(lines[k].text) if lines[k].text.strip() else None
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
    if _FOR_ROLE_RE.search(t) \
            or (t.count(",") >= 3 and len(t) > 60):
        return "prose"
    if _SIG_RE.match(t):
        return "sig"
    if _SUBMITTED_RE.match(t):
        return "submitted"
    if _EMAIL_RE.search(t):
        return "email"
    if _PHONE_LABEL_RE.match(t) \
            or (_PHONE_RE.search(t) and len(_PHONE_RE.sub("", t).strip(" ()/:.-–•|TFtfaxelphonsimi")) < 25):
        return "phone"
    if _URL_START_RE.match(t):
        return "url"
    if _JUDGE_LINE_RE.search(t):
        return "judge"
    if _CAPTION_NO_RE.search(t) and not _BAR_WORD_RE.search(t):
        return "other"  # a case number in a caption is not an address
    if _ADDRESS_RE.search(t) and not _PERSON_RE.match(_strip_name_noise(t)):
        return "address"
    if _TWO_DIGITS_RE.search(t) and not _BAR_RE.search(t):
        return "address" if len(t) < 60 else "prose"
    cleaned = _strip_name_noise(t)
    person = bool(_PERSON_RE.match(cleaned)) and _plausible_person(person_name(cleaned))
    if not person and _TITLE_ITEM.match(cleaned) and not is_government_office(cleaned):
        return "other"  # "Lead Counsel", "Assistant Attorney General": a title, not a firm
    if not person and looks_like_firm(cleaned):
        return "firm"
    if person:
        return "name"
    if _FOUR_WORDS_RE.search(t) or t.endswith(("." ,";")) \
            and len(t) > 60:
        return "prose"
    return "other"


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
    if not a or not b or _EMAIL_RE.search(b) or _DIGIT_RE.search(a + b):
        return False
    if ln.kind == "firm" and _FORM_LINE_RE.match(b):
        return not has_legal_suffix(a)  # "WILSON SONSINI ... ROSATI" + "Professional Corporation"
    if not (is_all_caps(a) and is_all_caps(b)) or nxt.kind not in ("firm", "name", "other"):
        return False
    joined = a + " " + b
    if not looks_like_firm(joined) or _TITLE_ITEM.match(joined):
        return False
    if _CONNECTOR_END_RE.search(a) or _AMP_START_RE.match(b):
        return True
    # no connector: when the joined name is a known firm, or when three or more capitalised words
    # without an initial run on into a line ending in a legal form ("BRACKETT HOLLOWAY TRENT / MUIR
    # AND DALE LLP")
    if match_firm(joined) is not None and match_firm(a) is None:
        return True
    return len(a.split()) >= 3 and not _INITIAL_RE.search(a) and "," not in a \
        and has_legal_suffix(b) and not has_legal_suffix(a)


def _blocks(text: str, acc: _Acc) -> None:
    lines = _split_columns(_lines(text))
    for k, ln in enumerate(lines):
        ln.kind = _classify(ln)
    lines = _join_wrapped_firms(lines)
    for k, ln in enumerate(lines):
        # "Rafael D. Aguilar (pro hac vice\n   pending)": the wrapped end of a parenthesis
        if k and lines[k - 1].text.count("(") > lines[k - 1].text.count(")") and \
                _PAREN_CLOSE_LINE_RE.match(ln.text.strip()):
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
    if p.endswith(".") and not _ABBREV_DOT_END_RE.search(p):
        return False
    t = line.text.strip()
    if _INITIAL_NAME_RE.search(t) or _BAR_RE.search(t) or _SIG_RE.match(t):
        return False  # the next attorney
    return not _COURT_WORD_RE.search(t)


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
        if _PRO_SE_RE.search(t):
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
            lead = _NAME_THEN_FIRM_RE.match(st)
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
        if idx + 1 < len(g) and g[idx + 1].kind == "address" and not _INITIAL_RE.search(nm) \
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
    role_raw = _UP_TO_FOR_RE.sub("", role_text, count=1) if role_text else ""
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
            b.kind == "submitted" and not _DATED_RE.match(b.text) for b in g):
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


def _is_firm_position(g: list[_Line], idx: int) -> bool:
    """The line right above the address after stacked names is the firm's, when at least one
    name above it is marked as counsel ("(Argued)", a bar number, an initial)."""
    above = [b for b in g[:idx] if b.kind in ("name", "sig")]
    return any(_COUNSEL_MARK_RE.search(b.text) for b in above)
