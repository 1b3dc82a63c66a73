"""Judges of the case and their roles, from captions, bylines and signature blocks.

Sources, each a rule about how filings are written:

- a title before the name: ``Judge X``, ``Magistrate Judge X``, ``Hon. X``, ``the Honorable
  X`` (captions, letters' addressees, ``MINUTE entry before the Honorable X``, ``Signed by
  Judge X``); a role after the name overrides the default (``Hon. X, U.S. District Judge``);
- a role after the name: ``X, U.S.D.J.``, ``X\\nUnited States District Judge``,
  ``X UNITED STATES DISTRICT JUDGE``, ``No. 07-00095—X, District Judge.``,
  ``X, Circuit Judge.`` (signature blocks, bylines, appeal headers);
- appellate panels: ``Before: X, Y, and Z, Circuit Judges.`` (surnames kept as printed),
  ``Per Curiam (X, Y, and Z, Circuit Judges.)``, a district judge ``sitting by designation``;
- the appeal line ``Appeal from ... Court for the ... District of ... (Berman, J.)``;
- labelled fields of docket headers and case trackers: ``Presiding Judge: X``, ``Referred To:
  X`` (a magistrate judge), ``法官:X``.

Not judges of the case: names inside citation parentheticals (``(Dow, J.)``), judges'
initials in docket numbers, phrases such as ``a Federal Judge``. Each judge is listed once,
under the fullest spelling found; roles are district, magistrate, bankruptcy, circuit,
state or unknown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from docketgraph.graph.model import JudgeMention
from docketgraph.graph.names import fix_letterspacing, given_names, person_key, person_name, surname
from docketgraph.ingest.fields import chars, scan
from docketgraph.ingest.fields.dockets import is_state_document

__all__ = ["find_judges"]

# Letters of Latin scripts ("Inès", "Ordoñez"), upper case first
_UP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_AL = "A-Za-z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isalpha())
_TOKEN = rf"(?:[{_UP}][{_AL}'’\-]{{0,24}}\.?)"
_NAME = rf"{_TOKEN}(?:[ \t]{{1,3}}{_TOKEN}){{0,5}}(?:,?[ \t]{{1,3}}(?:Jr|Sr|JR|SR)\.?)?"

_STOP = {
    "united", "states", "state", "district", "court", "judge", "judges", "magistrate", "circuit",
    "chief", "senior", "individuals", "plaintiff", "plaintiffs", "defendant", "defendants",
    "memorandum", "opinion", "order", "case", "no", "the", "and", "of", "for", "in", "on", "re",
    "dated", "so", "ordered", "northern", "southern", "eastern", "western", "middle", "central",
    "division", "corporations", "partnerships", "honorable", "hon", "bankruptcy", "signed",
    "entered", "date", "page", "document", "filed", "per", "curiam", "before", "appeal",
    "presiding", "minute", "entry", "docket", "u.s.", "us", "v", "v.", "vs", "vs.", "civil",
    "action", "re:", "dear", "at", "by", "with", "courthouse", "sitting", "designation",
    "justice", "usdj", "u.s.d.j.", "u.s.m.j.", "is", "a", "an", "to", "as", "x", "or",
    "judgment", "final", "default", "preliminary", "injunction", "temporary", "restraining",
    "glossary", "mdl", "panel", "proposed", "filed", "under", "seal", "amended", "second",
    "mediation", "program", "settlement", "conference", "trial", "status", "hearing",
    "referred", "assigned", "dockets", "filings", "lookup",
}
_TITLE_WORDS = {"hon", "honorable", "the", "judge", "chief", "senior", "magistrate", "district",
                "circuit", "bankruptcy", "united", "states", "u.s", "by", "court", "entered", "so",
                "ordered", "dated", "date"}
_SUFFIX_TOKENS = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_PARTICLES = {"van", "von", "de", "del", "della", "der", "la", "le", "da", "di", "du", "st", "mac", "ten"}

_ROLE_WORD = {"magistrate": "magistrate", "district": "district", "bankruptcy": "bankruptcy",
              "circuit": "circuit"}

# A title before the name.
_TITLE_RE = re.compile(
    r"(?P<title>(?i:(?:the[ \t]+)?hon(?:orable|\.)[ \t]{1,3}(?:(?:chief|senior)[ \t]+)?"
    r"(?:(?:u\.[ \t]?s\.|united[ \t]+states)[ \t]+)?(?:(?:magistrate|district|bankruptcy|circuit)"
    r"[ \t]+)?(?:judge[ \t]{1,3})?)"
    r"|(?:(?:Chief|Senior|CHIEF|SENIOR)[ \t]+)?(?:(?:U\.[ \t]?S\.|United[ \t]+States|UNITED[ \t]+STATES)"
    r"[ \t]+)?(?:(?:Magistrate|Mag\.|District|Bankruptcy|Circuit|MAGISTRATE|DISTRICT|BANKRUPTCY|CIRCUIT)"
    r"[ \t]+)?(?:Judge|JUDGE)[ \t]{1,3}"
    # "Magistrate Judge\nJane Roe ordered": the title ends a line of running text
    r"|(?:(?:Chief|Senior)[ \t]+)?(?:(?:Magistrate|District|Bankruptcy|Circuit)[ \t]+)?Judge[ \t]*\n[ \t]*)"
    rf"(?=(?P<name>{_NAME}))"
)
# A role after the name.
_ROLE_AFTER_RE = re.compile(
    r"(?i:(?:(?:senior|chief)[ \t]+)?(?:(?:united[ \t]+states|u\.[ \t]?s\.)[ \t]+)?"
    r"(?P<word>magistrate|district|bankruptcy|circuit)[ \t]+judge)"
    r"|(?P<abbr>U\.[ \t]?S\.[ \t]?(?P<abbrw>[DMB])\.[ \t]?J\.)"
    r"|(?P<chief>Chief[ \t]+Judge\b)"
)
def _finditer_near(rx: re.Pattern, text: str, any_case: tuple[str, ...], exact: tuple[str, ...],
                   words_before: int = 4):
    """``rx.finditer(text)``, the same matches, for a pattern each match of which holds one
    of the words ``any_case`` (in any case) or ``exact``, with only spaces, tabs and at most
    ``words_before`` words between the start of the match and that word ("Senior United
    States District Judge": four; "the Honorable": one). The pattern is tried only at the
    positions from the start of the ``words_before``-th word before an occurrence of such a
    word (not before the start of its line) to the occurrence itself, in order: a match
    starts at one of them, and the first position it matches from is the leftmost match,
    the one ``finditer`` finds, without trying the pattern at every position of the text.
    The words are searched in the text's ASCII lower case (``chars.ascii_lower``: same
    offsets; IGNORECASE matches a non-ASCII character to an ASCII letter only for i, s and
    k, absent from "hon" and "judge")."""
    if any(c in w for w in any_case for c in "isk") and scan.folds_to_ascii(text):
        yield from rx.finditer(text)  # a word İ, ı, ſ or the Kelvin sign could spell
        return
    low = chars.ascii_lower(text) if any_case else text
    pos = 0  # where finditer would search next
    at = 0  # where the next occurrence of a word is looked for
    tried = 0  # positions below it were tried
    n = len(text)
    while at <= n:
        nxt = -1
        for w in any_case:
            i = low.find(w, at)
            if i >= 0 and (nxt < 0 or i < nxt):
                nxt = i
        for w in exact:
            i = text.find(w, at)
            if i >= 0 and (nxt < 0 or i < nxt):
                nxt = i
        if nxt < 0:
            return
        lo = max(pos, tried, scan.words_back(text, nxt, words_before))
        at = nxt + 1
        for p in range(lo, nxt + 1):
            m = rx.match(text, p)
            if m is not None:
                yield m
                pos = m.end() if m.end() > p else p + 1
                tried = p + 1
                at = pos  # a word after the match's end may open the next one
                break
        else:
            tried = max(tried, nxt + 1)


_ROLE_FOLLOWS_RE = re.compile(
    r"[ \t]*,?[ \t]*\*?[ \t]*(?:,[ \t]*)?(?:\n[ \t]*)?"
    r"(?:(?P<word>(?i:(?:(?:senior|chief)[ \t]+)?(?:(?:united[ \t]+states|u\.[ \t]?s\.)[ \t]+)?"
    r"(?:magistrate|district|bankruptcy|circuit)[ \t]+judge))"
    r"|(?P<abbr>U\.[ \t]?S\.[ \t]?[DMB]\.[ \t]?J\.))"
)
_PANEL_RE = scan.written_as(
    r"\b(?:Before|BEFORE|B EFORE|PRESENT|Present)\b[ \t:]*\n?(?P<body>[^\n]{0,200}(?:\n[^\n]{0,200}){0,6})",
    r"(?:B(?<!\wB)(?:efore|EFORE| EFORE)|P(?<!\wP)(?:RESENT|resent))\b[ \t:]*\n?(?P<body>[^\n]{0,200}(?:\n[^\n]{0,200}){0,6})")
_PER_CURIAM_RE = re.compile(r"\((?P<body>[^()\n]{3,200}(?i:circuit)[ \t]+(?i:judges)\.?)\)")
_APPEAL_J_RE = re.compile(
    r"(?i:appeal(?:ed)?[ \t]+from)[^()]{0,160}?Court[^()]{0,120}?\((?P<name>[A-Z][A-Za-z'’\-]+"
    r"(?:[ \t]+[A-Z][A-Za-z'’\-]+){0,2}),[ \t]*(?P<mag>M\.[ \t]?)?(?:C\.[ \t]?)?J\.\)"
)
_DOC_APPELLATE = re.compile(r"(?i:court[ \t]+of[ \t]+appeals|c[ \t]?ourt[ \t]+of[ \t]+a[ \t]?ppeals)")
_DOC_STATE = re.compile(
    r"(?i:in[ \t]+the[ \t]+(?:circuit|superior|chancery|district)[ \t]+court[ \t]+of[ \t]+"
    r"(?:the[ \t]+)?(?:state|county|city|[a-z]+[ \t]+county)|supreme[ \t]+court[ \t]+of[ \t]+"
    r"(?:the[ \t]+state|[a-z]+)|court[ \t]+of[ \t]+common[ \t]+pleas)")
_DOC_BANKRUPTCY = re.compile(r"(?i:united[ \t]+states[ \t]+bankruptcy[ \t]+court)")
_DOC_TAX = re.compile(r"(?i:united[ \t]+states[ \t]+tax[ \t]+court)")
_DOC_FEDERAL = re.compile(r"(?i:united[ \t]+states[ \t]+district[ \t]+court)")


@dataclass
class _Hit:
    name: str
    role: str | None  # None: no explicit role
    span: tuple[int, int]
    strength: int  # 2 explicit, 1 default


def _is_stop(t: str) -> bool:
    low = t.lower().strip(",")
    if re.fullmatch(r"[a-z]\.?", low):
        return False  # an initial
    return low in _STOP or low.rstrip(".") in _STOP


def _trim_tokens(tokens: list[str]) -> list[str]:
    """Cut a token run at the first stop word; drop stray one-letter tokens at the start."""
    out: list[str] = []
    for t in tokens:
        if _is_stop(t):
            break
        out.append(t)
    while out and re.fullmatch(r"[A-Z]", out[0]):
        out.pop(0)
    # "Ann B. Roe Dockets.Example.com": after a middle initial comes one surname (a particle
    # such as "Van" may precede it; "Jr." may follow); later words are the next text
    for i in range(1, len(out) - 2):
        if re.fullmatch(r"[A-Z]\.", out[i]) and not re.fullmatch(r"[A-Z]\.", out[i - 1]):
            j = i + 1
            while j < len(out) - 1 and out[j].lower().rstrip(".") in _PARTICLES:
                j += 1
            keep = j + 1
            while keep < len(out) and out[keep].lower().strip(",") in _SUFFIX_TOKENS:
                keep += 1
            out = out[:keep]
            break
    while out and re.fullmatch(r"[A-Z]\.?", out[-1]) and len(out) > 1:
        out.pop()  # a name does not end on an initial
    if out and len(out[-1]) > 3 and out[-1].endswith(".") and out[-1].lower() not in _SUFFIX_TOKENS:
        out[-1] = out[-1][:-1]  # the sentence's full stop
    return out


def _valid_name(tokens: list[str], *, surname_ok: bool) -> bool:
    core = [t for t in tokens if t.lower().strip(",.") not in _SUFFIX_TOKENS]
    if not core:
        return False
    if len(core) == 1:
        t = core[0]
        return surname_ok and len(t) >= 2 and not t.endswith(".") and t[1:2].isalpha()
    if all(re.fullmatch(r"[A-Z]\.?", t) for t in core):
        return False
    return len(core[-1].rstrip(".")) >= 2


def _span_of_tokens(text: str, start: int, end: int, tokens: list[str]) -> tuple[int, int] | None:
    """The span of the joined tokens inside text[start:end] (tokens are in order)."""
    if not tokens:
        return None
    i = text.find(tokens[0], start, end)
    if i < 0:
        return None
    j = i
    for t in tokens:
        k = text.find(t, j, end)
        if k < 0:
            return None
        j = k + len(t)
    return i, j


def _doc_kind(text: str) -> str:
    head = text[:4000]
    if is_state_document(text):
        return "state"
    if _DOC_TAX.search(head):
        return "tax"
    if _DOC_APPELLATE.search(head):
        return "appellate"
    if _DOC_BANKRUPTCY.search(head):
        return "bankruptcy"
    if _DOC_STATE.search(head) and not _DOC_FEDERAL.search(head):
        return "state"
    return "district"


def _default_role(kind: str) -> str:
    return {"bankruptcy": "bankruptcy", "state": "state", "appellate": "unknown",
            "tax": "unknown"}.get(kind, "district")


def _role_from_words(s: str, kind: str, *, panel: bool = False) -> str | None:
    low = s.lower().replace("mag.", "magistrate")
    for w, role in _ROLE_WORD.items():
        if w in low:
            if role == "circuit" and kind == "state":
                return "state"
            return role
    if re.search(r"u\.\s?s\.\s?([dmb])\.\s?j\.", low):
        return {"d": "district", "m": "magistrate", "b": "bankruptcy"}[
            re.search(r"u\.\s?s\.\s?([dmb])\.\s?j\.", low).group(1)]
    if "chief" in low:
        return "circuit" if panel else None
    return None


def _excluded_context(text: str, start: int) -> bool:
    """A title used generically ("a Federal Judge", "Judge MDL Panel") or inside a citation."""
    before = text[max(0, start - 30):start]
    if re.search(r"(?i:\b(?:a|an|federal|state|any|every|each|that|this|trial|the)[ \t]+)$", before) \
            and not re.search(r"(?i:the[ \t]+)$", before):
        return True
    # inside a parenthetical that is part of a citation: "(quoting ... v. ...)"
    window = text[max(0, start - 160):start]
    open_paren = window.rfind("(")
    if open_paren >= 0 and ")" not in window[open_paren:]:
        inner = window[open_paren:]
        if re.search(r"(?i:\bquoting\b|\bciting\b|\bv\.[ \t])", inner):
            return True
    return False


_NEXT_NAME_RE = re.compile(r"[ \t]*:?[ \t]{1,3}(?P<n>[A-Z][A-Za-z.'’\-]{0,24}(?:[ \t][A-Z][A-Za-z.'’\-]{0,24}){1,3})")


def _title_of_next(text: str, pos: int) -> bool:
    """The role phrase ending at ``pos`` titles the next name ("Judge Jane A. Doe\n
    Magistrate Judge John B. Roe"), so it is not the role of the name before it."""
    m = _NEXT_NAME_RE.match(text, pos)
    return bool(m) and _valid_name(_trim_tokens(m.group("n").split()), surname_ok=False)


def _title_hits(text: str, kind: str) -> list[_Hit]:
    hits = []
    appeal_zones = []
    for m in re.finditer(r"(?i:appeal(?:ed)?[ \t]+from|on[ \t]+appeal[ \t]+from)", text[:6000]):
        # the lower court's header: up to the panel, the argument date or a blank-line gap
        stop = re.search(r"(?i:\bbefore\b|\bargued\b|\bsubmitted\b|\bfiled\b)|\n[ \t]*\n[ \t]*\n",
                         text[m.end():m.end() + 400])
        appeal_zones.append((m.start(), m.end() + (stop.start() if stop else 400)))
    # every match holds "hon" (any case), "Judge" or "JUDGE", after spaces and tabs only
    for m in _finditer_near(_TITLE_RE, text, ("hon",), ("Judge", "JUDGE")):
        if _excluded_context(text, m.start()):
            continue
        raw = m.group("name")
        nstart = m.start("name")
        tokens = _trim_tokens(raw.split())
        if not tokens:
            continue
        span = _span_of_tokens(text, nstart, m.end("name"), tokens)
        if span is None:
            continue
        end = span[1]
        # "Magistrate Judge Heather K.\nMcShain": the surname continues on the next line
        if re.fullmatch(r"[A-Z]\.", text[max(span[0], end - 2):end]) or \
                (len(tokens) >= 1 and re.search(r"[ \t][A-Z]\.$", text[span[0]:m.end("name")])):
            nxt = re.match(r"[ \t]*\n[ \t]*([A-Z][A-Za-z'’\-]{1,24})(?=[ \t]*(?:\n|$))", text[m.end("name"):])
            if nxt:
                tokens = raw.split() + [nxt.group(1)]
                end = m.end("name") + nxt.end(1)
                span = (span[0], end)
        # "Honorable Dwight\nA. Holloway": a name wrapped across one line break
        if len(tokens) == 1 and text[span[1]:m.end("name")].strip() == "":
            wrap = re.match(rf"[ \t]*\n[ \t]{{0,12}}((?:[{_UP}]\.[ \t]{{1,2}})?[{_UP}][{_AL}'’\-]{{1,24}}"
                            rf"(?:[ \t][{_UP}][{_AL}'’\-]{{1,24}})?)"
                            r"(?=[ \t]*(?:[,.;)]|\n|$)|[ \t]+[a-z])", text[span[1]:span[1] + 80])
            if wrap and not any(_is_stop(w) for w in wrap.group(1).split()):
                tokens = tokens + wrap.group(1).split()
                span = (span[0], span[1] + wrap.end(1))
                end = span[1]
        # "JUDGE<wide gap>NEWARK, NJ 07101": a place in the next column, not a name
        if re.match(r"[ \t]*,[ \t]*[A-Z]{2}[ \t]+\d{5}", text[end:end + 16]):
            continue
        title = m.group("title")
        if "\n" in title and not re.search(r"\b[a-z]{2,}\b",
                                          text[text.rfind("\n", 0, m.start()) + 1:m.start()]):
            continue  # a title alone on its line ("United States District Judge\nThurgood Marshall
            # United States Courthouse"): the next line is not the judge's name
        if "\n" in title and len(tokens) == 1 and not re.search(
                r"\bJudge[ \t]+" + re.escape(tokens[0]) + r"\b", text):
            continue  # "Judge\nThis matter ...": one word after a wrapped title names a judge
            # only when the text also prints that judge on one line
        surname_ok = True
        if not _valid_name(tokens, surname_ok=surname_ok):
            continue
        if len(tokens) == 1 and re.match(r"[ \t]+[A-Z][a-z]", text[end:end + 3]):
            continue  # "Judge Views Diversity": a phrase, not a judge
        role = _role_from_words(title, kind)
        after = _ROLE_FOLLOWS_RE.match(text, end)
        if after and not _title_of_next(text, after.end()):
            role = _role_from_words(after.group(0), kind) or role
        strength = 2 if role else 1
        prose = role is None and len(tokens) == 1 and (m.start() > 3000 or not re.search(
            r"(?:^|\n|[()|\[])[ \t*]*$|(?i:dear|before)[ \t]+$", text[max(0, m.start() - 12):m.start()]))
        if role is None:
            if kind == "appellate":
                in_zone = any(a <= m.start() <= b for a, b in appeal_zones)
                role = "district" if in_zone else "unknown"
                strength = 2 if in_zone else 0
            else:
                role = _default_role(kind)
        if prose:
            # "Judge X" in running prose ("as Judge X noted in ..."): kept only when another
            # mention names X; captions ("(Judge Stickman)", a line of its own) count
            strength = 0
        if "chief" in title.lower() and kind == "appellate" and strength < 2:
            role = "unknown"
        hits.append(_Hit(" ".join(text[span[0]:span[1]].split()), role, span, strength))
    return hits


def _name_before(text: str, pos: int) -> tuple[list[str], int] | None:
    """The name printed just before ``pos`` on its line (or on the line above when the role
    starts its own line). Returns tokens and the start offset."""
    line_start = max(text.rfind("\n", max(0, pos - 200), pos) + 1, pos - 160)
    seg = text[line_start:pos]
    if not seg.strip():
        prev_end = line_start - 1
        if prev_end <= 0:
            return None
        prev_start = max(text.rfind("\n", max(0, prev_end - 200), prev_end) + 1, prev_end - 160)
        # allow one blank line between the name and its role line
        if not text[prev_start:prev_end].strip() and prev_start > 1:
            prev_end = prev_start - 1
            prev_start = max(text.rfind("\n", max(0, prev_end - 200), prev_end) + 1, prev_end - 160)
        line_start, seg = prev_start, text[prev_start:prev_end]
    own_line = not text[max(text.rfind("\n", max(0, pos - 200), pos) + 1, pos - 160):pos].strip()
    seg_clean = seg.rstrip(" \t,*—–-:")
    m = re.search(rf"({_NAME})[ \t]*$", seg_clean)
    if not m:
        return None
    if own_line and seg_clean[:m.start(1)].strip(" \t_*/s"):
        return None  # the line above holds more than a name ("for the District of New Jersey")
    tokens = m.group(1).split()
    # keep the trailing run after the last stop word
    keep: list[str] = []
    for t in reversed(tokens):
        if _is_stop(t):
            break
        keep.append(t)
    keep.reverse()
    dropped = tokens[:len(tokens) - len(keep)]
    if own_line and any(t.lower().strip(".,") not in _TITLE_WORDS for t in dropped):
        return None  # "FOR THE NORTHERN DISTRICT OF ILLINOIS": a heading, not a name
    while keep and re.fullmatch(r"[A-Z]", keep[0]):
        keep.pop(0)
    if not keep:
        return None
    start = line_start + m.start(1)
    span = _span_of_tokens(text, start, line_start + len(seg_clean), keep)
    if span is None:
        return None
    # a letter-spaced surname: "R OVNER"
    if len(keep) == 1 and re.search(r"(?:^|[^A-Za-z])[A-Z] $", text[max(0, span[0] - 3):span[0]]):
        return [text[span[0] - 2] + keep[0]], span[0] - 2
    return keep, span[0]


def _role_after_hits(text: str, kind: str) -> list[_Hit]:
    hits = []
    # every match holds "judge" (any case) or starts with "U."
    for m in _finditer_near(_ROLE_AFTER_RE, text, ("judge",), ("U.",)):
        if m.group("chief"):
            before = text[max(0, m.start() - 3):m.start()]
            if "," not in before:
                continue
        if re.match(r"[ \t]*:?[ \t]+(?:[A-Z][a-z]|[A-Z]\.[ \t]|[A-Z]{2,}[ \t,])", text[m.end():m.end() + 6]):
            continue  # "Magistrate Judge Susan E. Cox": a title before a name
        got = _name_before(text, m.start())
        if not got:
            continue
        tokens, start = got
        if not _valid_name(tokens, surname_ok=True):
            continue
        if len(tokens) == 1 and not tokens[0].isupper() and kind != "appellate":
            continue  # "the Magistrate Judge" in prose
        phrase = m.group(0)
        role = _role_from_words(phrase, kind)
        if role is None:  # ", Chief Judge."
            role = "district" if kind != "appellate" or _in_appeal_header(text, m.start()) else "circuit"
        raw = " ".join(tokens)
        span = (start, start + len(raw)) if text[start:start + len(raw)] == raw else \
            _span_of_tokens(text, start, m.start(), tokens) or (start, m.start())
        hits.append(_Hit(fix_letterspacing(" ".join(text[span[0]:span[1]].split())), role, span, 2))
    return hits


def _in_appeal_header(text: str, pos: int) -> bool:
    window = text[max(0, pos - 400):pos]
    return bool(re.search(r"(?i:appeal(?:ed)?[ \t]+from|district[ \t]+court)", window)) and \
        not re.search(r"(?i:\bbefore\b)", window[-120:])


_ROLE_SPLIT_RE = re.compile(
    r",?[ \t]*\*?[ \t]*(?P<role>(?:(?:Chief|Senior|CHIEF|SENIOR)[ \t]+)?(?:(?:United[ \t]+States|U\.[ \t]?S\.)[ \t]+)?"
    r"(?:(?:Circuit|District|Magistrate|Bankruptcy|CIRCUIT|DISTRICT)\s{1,40})?(?:Judges?|JUDGES?)"
    r"(?:[ \t]+for[ \t]+the[ \t]+[A-Z][^,;.]{0,80})?(?:,[ \t]*sitting[ \t]+by[ \t]+designation)?)[.,;:]?"
)


def _panel_hits(text: str, kind: str) -> list[_Hit]:
    hits = []
    bodies = []
    for m in _PANEL_RE.finditer(text):
        body = m.group("body")
        cut = re.search(r"(?i:judges?)(?:[ \t]+for[ \t]+the[^.]{0,80})?(?:,[ \t]*sitting[ \t]+by[ \t]+"
                        r"designation)?\.", body)
        if not cut or "judge" not in body.lower():
            continue
        if re.match(r"[ \t]*(?:the|this|me|us|a|an)\b", body, re.I):
            continue
        bodies.append((m.start("body"), body[:cut.end()]))
    for m in _PER_CURIAM_RE.finditer(text):
        bodies.append((m.start("body"), m.group("body")))
    for base, body in bodies:
        pos = 0
        for rm in _ROLE_SPLIT_RE.finditer(body):
            seg = body[pos:rm.start()]
            role = _role_from_words(rm.group("role"), kind, panel=True) or "circuit"
            if "designation" in rm.group("role").lower() and role == "circuit":
                role = "district"
            for piece in re.finditer(r"[^,;&\n]+", seg):
                ptxt = piece.group(0)
                ptxt2 = re.sub(r"^[ \t]*(?:and|AND)\b", "", ptxt)
                ptxt2 = re.sub(r"\b(?:and|AND)[ \t]*$", "", ptxt2)
                for part in re.split(r"[ \t]+(?:and|AND)[ \t]+", ptxt2):
                    name = fix_letterspacing(part.strip(" \t*:"))
                    tokens = [t for t in name.split() if t]
                    tokens = _trim_tokens(tokens)
                    if not tokens or not _valid_name(tokens, surname_ok=True):
                        continue
                    joined = " ".join(tokens)
                    # span: locate the raw part inside the body
                    raw = part.strip(" \t*:")
                    off = body.find(raw, pos)
                    if off < 0:
                        continue
                    span = (base + off, base + off + len(raw))
                    hits.append(_Hit(joined, role, span, 3))
            pos = rm.end()
    return hits


_LABEL_RE = re.compile(
    r"(?m)^[ \t]*(?P<label>法官|(?:(?:Presiding|Assigned|Referred|Referring)[ \t]+)?(?:Magistrate[ \t]+)?Judge|"
    r"(?:Assigned|Referred)[ \t]+(?:to|To))[ \t]*[:：][ \t]*(?:(?i:hon(?:orable|\.)?)[ \t]+)?"
    r"(?:(?:Magistrate|District)[ \t]+Judge[ \t]+)?(?P<name>[^\n]{3,60}?)(?:$|,[ \t]{0,3}(?=[A-Z][a-z]{1,12}"
    r"[ \t]?[A-Za-z]{0,12}[ \t]{0,3}[:#]))")


def _label_hits(text: str, kind: str) -> list[_Hit]:
    """Labelled fields of case trackers and docket headers: "Judge: X", "法官:X", "Assigned to: X"."""
    hits = []
    for m in _LABEL_RE.finditer(text):
        raw = m.group("name").strip()
        tokens = _trim_tokens(raw.split())
        if len(tokens) < 2 or not _valid_name(tokens, surname_ok=False):
            continue
        span = _span_of_tokens(text, m.start("name"), m.end("name"), tokens)
        if span is None:
            continue
        # a referral goes to a magistrate judge ("Referred To: X", "Referring Judge: X")
        prefix = text[m.start():m.start("name")]
        role = "magistrate" if re.search(r"(?i:magistrate|referr)", prefix) else _default_role(kind)
        hits.append(_Hit(" ".join(tokens), role, span, 1))
    return hits


_BYLINE_TAIL = (
    r"[ \t]{0,3}(?:\d:)?\d{2}[\-–‐‑][A-Za-z]{0,4}[\-–‐‑]?\d{2,6}(?:[\-–‐‑][A-Z]{2,4})*[ \t]{0,3}[—–\-]{1,2}[ \t]{0,3}"
    rf"(?P<name>{_TOKEN}(?:[ \t]{{1,2}}{_TOKEN}){{1,4}}),[ \t]{{1,3}}"
    r"(?P<role>(?:(?:Chief|Senior)[ \t]+)?(?:(?:District|Magistrate|Bankruptcy)[ \t]+)?Judge)\b")
_BYLINE_RE = scan.written_as(r"\bNo\." + _BYLINE_TAIL, r"N(?<!\wN)o\." + _BYLINE_TAIL)


def _byline_hits(text: str, kind: str) -> list[_Hit]:
    """The appeal header's district-court byline: "No. 1:23-cv-04410 — Harold T. Brennan, Judge."
    (the lower court's judge; "Magistrate" or "Bankruptcy" when written)."""
    hits = []
    for m in _BYLINE_RE.finditer(text[:8000]):
        tokens = _trim_tokens(m.group("name").split())
        if not _valid_name(tokens, surname_ok=False):
            continue
        role = _role_from_words(m.group("role"), kind) or "district"
        if role == "circuit":
            continue
        span = _span_of_tokens(text, m.start("name"), m.end("name"), tokens)
        if span:
            hits.append(_Hit(" ".join(tokens), role, span, 2))
    return hits


def _appeal_line_hits(text: str, kind: str) -> list[_Hit]:
    hits = []
    for m in _APPEAL_J_RE.finditer(text[:8000]):
        role = "magistrate" if m.group("mag") else ("bankruptcy" if "Bankruptcy" in m.group(0) else "district")
        hits.append(_Hit(m.group("name"), role, m.span("name"), 2))
    return hits


def _compatible(a: str, b: str) -> bool:
    ga, gb = given_names(a), given_names(b)
    if not ga or not gb:
        return True
    fa, fb = ga[0].rstrip(".").lower(), gb[0].rstrip(".").lower()
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return fa == fb


def _fullness(name: str) -> tuple[int, int, int]:
    words = name.split()
    return (len(words), sum(len(w.rstrip(".")) > 1 for w in words), 0 if name.isupper() else 1)


def find_judges(text: str) -> list[JudgeMention]:
    """The judges of the case a filing names, each once, with role and spans."""
    kind = _doc_kind(text)
    hits = (_panel_hits(text, kind) + _appeal_line_hits(text, kind) + _byline_hits(text, kind)
            + _role_after_hits(text, kind)
            + _title_hits(text, kind) + _label_hits(text, kind))
    hits += _author_judge_hits(text, kind)
    if kind == "state":
        hits += _state_hits(text)
        for h in hits:  # every judge of a state court: trial judges, justices, chancellors
            h.role = "state"
    # a hit inside another's span ("A. Holloway" of "Honorable Dwight\nA. Holloway") is part of it
    kept: list[_Hit] = []
    for h in hits:
        outer = next((o for o in hits if o is not h and o.span[0] <= h.span[0] and h.span[1] <= o.span[1]
                      and o.span != h.span), None)
        if outer is None:
            kept.append(h)
        elif h.strength > outer.strength:
            outer.role, outer.strength = h.role, h.strength
    hits = kept
    clusters: list[list[_Hit]] = []
    for h in hits:
        sk = person_key(surname(h.name).replace("’", "'"))
        if not sk:
            continue
        for c in clusters:
            if person_key(surname(c[0].name)) == sk and all(_compatible(h.name, x.name) for x in c):
                c.append(h)
                break
        else:
            clusters.append([h])
    out = []
    for c in clusters:
        best = max(c, key=lambda h: _fullness(person_name(h.name)))
        strong = max(c, key=lambda h: h.strength)
        if strong.strength <= 0:
            continue  # a bare "Judge X" in an appellate opinion that names no such judge
        role = strong.role or "unknown"
        spans = tuple(sorted({h.span for h in c}))
        out.append((spans[0][0], JudgeMention(person_name(best.name), role, None, spans)))
    out.sort(key=lambda x: x[0])
    return [j for _, j in out]


# --- State courts ---------------------------------------------------------------------------
#
# State opinions name their judges by surname with a title after it: the author line
# ("FISCHER, J.", "KATHLEEN A. ROE, J.:", "MEMORANDUM BY ROE, J.:", "ROE, Vice Chancellor.",
# "Roe, J., April 2, 2006:"), the panel ("BEFORE: Roe, J., Poe, P.J., and Doe, J.",
# "Before Judges Roe and Poe.", "Roe, J.P., Poe, Doe, JJ."), the court below's judge after its
# name ("Supreme Court, Kings County (Ann Roe, J.)"). Titles are dropped.

_ST_TITLE = (r"(?:J\.[ \t]?S\.[ \t]?C\.|J\.[ \t]?A\.[ \t]?D\.|P\.[ \t]?J\.|J\.[ \t]?P\.|C\.[ \t]?J\.|JJ\.|J\.|"
             r"(?:Chief[ \t]+|Associate[ \t]+|Presiding[ \t]+)?Justice|(?:Vice[ \t]+)?Chancellor|"
             r"(?:CHIEF[ \t]+|PRESIDING[ \t]+)?JUSTICE|(?:VICE[ \t]+)?CHANCELLOR|"
             r"(?:Chief|Presiding|Senior)[ \t]+Judge|(?:CHIEF|PRESIDING|SENIOR)[ \t]+JUDGE)")
_ST_NAME = rf"[{_UP}][{_AL}'’\-]{{1,24}}(?:[ \t]{{1,2}}(?:[{_UP}]\.|[{_UP}][{_AL}'’\-]{{1,24}})){{0,3}}"
_ST_ABBR = r"(?:J\.[ \t]?S\.[ \t]?C\.|J\.[ \t]?A\.[ \t]?D\.|P\.[ \t]?J\.|J\.[ \t]?P\.|C\.[ \t]?J\.|JJ\.|J\.)"
# An author line: at a line's or sentence's start, "NAME, J." then the end of the line,
# a colon, a comma and a date, or the opinion's text; anywhere, "NAME IN CAPITALS, J.:".
_ST_AUTHOR = re.compile(
    r"(?:(?:^|\n|(?<=[.:]) )[ \t]*(?:(?:MEMORANDUM|OPINION|DECISION|Opinion|Memorandum)[ \t]+(?:BY|by|OF|of)[ \t]+)?"
    rf"(?P<name>{_ST_NAME}),[ \t]{{0,2}}(?P<title>{_ST_TITLE})(?=[ \t]*(?:[:*.]|,[ \t]*\w|\n|$|[ \t]+[{{¶(A-Z]))"
    rf"|(?<![\w.,])(?P<caps>[{_UP}]{{2,}}(?:[ \t](?:[{_UP}]\.|[{_UP}]{{2,}})){{0,3}}),[ \t]{{0,2}}{_ST_ABBR}:)")
_ST_PANEL = re.compile(r"(?:\bBefore|\bBEFORE|\bPresent|\bPRESENT)[ \t]*:?[ \t]*(?:(?:Judges|JUDGES|Justices|JUSTICES)[ \t]+)?")
# One name of a panel list, with its title when printed ("Roe, P.J.", "ROE. J." with a period
# for the comma, "Roe").
_ST_ITEM = re.compile(rf"(?P<name>{_ST_NAME})(?:(?:,|\.)?[ \t]{{0,2}}(?P<t>{_ST_ABBR}))?\*?")
_ST_SEP = re.compile(r"[ \t]*(?:,[ \t]*\n?[ \t]*(?:(?:and|AND)[ \t]+)?|[ \t]+(?:and|AND|&)[ \t]+|\n[ \t]*(?=[A-Z]))")
# "Opinion by Justice Roe", "JUSTICE ROE delivered the judgment of the court", "Justices Poe
# and Doe concurred": a title before the name, in the sentences that name the court's own judges.
_ST_BY = re.compile(
    r"(?:(?:Opinion|OPINION|Memorandum[ \t]+Opinion|MEMORANDUM[ \t]+OPINION)[ \t]+(?:by|BY)[ \t]+"
    r"(?:(?:Chief|Presiding|Senior)[ \t]+)?(?:Justice|Judge|JUSTICE|JUDGE)[ \t]+)"
    rf"(?P<name>{_ST_NAME})")
_ST_DELIVERED = re.compile(
    r"(?:(?:CHIEF|PRESIDING|Chief|Presiding)[ \t]+)?(?:JUSTICE|Justice)[ \t]+"
    rf"(?P<name>{_ST_NAME})[ \t]+delivered[ \t]+the[ \t]+(?:judgment|opinion)")
_ST_CONCURRED = re.compile(r"(?:Justices|JUSTICES|Judges|JUDGES)[ \t]+(?=[A-Z][^\n]{0,160}?[ \t]concurred)")
_ST_JJ = re.compile(r",?[ \t]*JJ\.")
_ST_BELOW = re.compile(rf"(?i:court|county),?[^()\n]{{0,60}}\((?P<name>{_ST_NAME}),[ \t]*(?:J\.S\.C\.|J\.|S\.J\.)\)")


def _state_name(raw: str) -> list[str] | None:
    """A judge's name as printed in a state panel or author line (title words dropped)."""
    tokens = [t for t in raw.replace("*", " ").split() if t]
    while tokens and tokens[0].lower().rstrip(".:") in ("hon", "honorable", "the", "judges", "judge",
                                                        "justices", "justice", "and", "by"):
        tokens.pop(0)
    tokens = _trim_tokens(tokens)
    if not tokens or not _valid_name(tokens, surname_ok=True):
        return None
    return tokens


def _name_list(text: str, pos: int, limit: int) -> tuple[list[_Hit], int, int]:
    """The panel list starting at ``pos``: its names, where it ends, and how many names
    carried a title."""
    out: list[_Hit] = []
    titled = 0
    end = pos
    while True:
        m = _ST_ITEM.match(text, pos, limit)
        if not m:
            break
        tokens = _state_name(m.group("name"))
        if not tokens:
            break
        span = _span_of_tokens(text, m.start("name"), m.end("name"), tokens)
        if span is None:
            break
        out.append(_Hit(" ".join(tokens), "state", span, 3))
        titled += bool(m.group("t"))
        end = m.end()
        sep = _ST_SEP.match(text, end, limit)
        if not sep or _ST_JJ.match(text, end, limit):
            break
        pos = sep.end()
    return out, end, titled


def _state_hits(text: str) -> list[_Hit]:
    hits: list[_Hit] = []
    head = text[:8000]
    for m in _ST_AUTHOR.finditer(head):
        g = "name" if m.group("name") else "caps"
        tokens = _state_name(m.group(g))
        if tokens:
            span = _span_of_tokens(text, m.start(g), m.end(g), tokens)
            if span:
                hits.append(_Hit(" ".join(tokens), "state", span, 3))
    for m in _ST_PANEL.finditer(head):
        names, _, titled = _name_list(head, m.end(), min(len(head), m.end() + 300))
        judges_word = m.group(0).rstrip().lower().endswith(("judges", "justices"))
        if names and (titled or judges_word):
            hits += names
    for m in re.finditer(r"(?m)^[ \t]*(?=[A-Z])", head):
        # "Ann Roe, P.J., Bo Poe, J., and Cy Loe, J., concur.": a line listing titled judges
        names, _, titled = _name_list(head, m.end(), min(len(head), m.end() + 300))
        if len(names) >= 2 and titled == len(names):
            hits += names
    for m in _ST_JJ.finditer(head):
        # "Roe, J.P., Poe, Doe, JJ.": the list that ends at "JJ." (it starts a line or follows
        # a colon or a sentence)
        for st in re.finditer(r"(?:^|\n|[:.][ \t])[ \t]*", head[max(0, m.start() - 240):m.start()]):
            start = max(0, m.start() - 240) + st.end()
            names, end, _ = _name_list(head, start, m.end())
            if names and m.start() <= end <= m.end():
                hits += names
                break
    for rx in (_ST_BY, _ST_DELIVERED):
        for m in rx.finditer(head):
            tokens = _state_name(m.group("name"))
            if tokens:
                span = _span_of_tokens(text, m.start("name"), m.end("name"), tokens)
                if span:
                    hits.append(_Hit(" ".join(tokens), "state", span, 3))
    for m in _ST_CONCURRED.finditer(head):
        names, _, _ = _name_list(head, m.end(), min(len(head), m.end() + 160))
        hits += names
    for m in _ST_BELOW.finditer(head):
        tokens = _state_name(m.group("name"))
        if tokens and not re.search(r"\sv\.\s", text[max(0, m.start() - 120):m.start()]):
            span = _span_of_tokens(text, m.start("name"), m.end("name"), tokens)
            if span:
                hits.append(_Hit(" ".join(tokens), "state", span, 2))
    return hits


# "ROE, Judge:" opening an opinion (the Tax Court's and the Court of Federal Claims' author
# line): the author, with the document's default role.
_AUTHOR_JUDGE = re.compile(rf"(?m)^[ \t]*(?P<name>[{_UP}][{_UP}'’\-]{{1,24}}(?:[ \t][{_UP}][{_UP}'’\-]{{1,24}}){{0,2}}),"
                           r"[ \t]{1,2}(?:(?:Chief|Senior|Special[ \t]+Trial)[ \t]+)?Judge:")


# "Jane A. Roe, Judge" (or "District Judge") on a line of its own, under the opinion's title.
_NAME_LINE_JUDGE = re.compile(rf"(?m)^[ \t]*(?P<name>{_NAME}),[ \t]{{1,2}}(?P<role>(?:(?:Chief|Senior)[ \t]+)?"
                              r"(?:(?:United[ \t]+States|U\.[ \t]?S\.)[ \t]+)?(?:District[ \t]+)?Judge)\.?[ \t]*$")


# A Rule 28(j) letter's reference line: "(Arg. & Sub. – Jan. 12, 2023—Roe Poe and Doe)": the panel.
_ARGUED_PANEL = re.compile(r"\((?:Arg(?:ued)?\.?|Sub(?:mitted)?\.?)[^()]{0,40}?(?:19|20)\d{2}[ \t]{0,2}[—–\-][ \t]{0,2}"
                           r"(?P<names>[^()]{3,120}?)\)")
_NAME_LINE_COLUMN = re.compile(rf"(?m)^[^\n\]]{{0,60}}\][ \t]{{1,8}}(?P<name>{_NAME}),[ \t]{{1,2}}"
                               r"(?:(?:Chief|Senior)[ \t]+)?(?:District[ \t]+)?Judge\.?[ \t]*$")


def _author_judge_hits(text: str, kind: str) -> list[_Hit]:
    hits = []
    if kind == "appellate":
        for m in _ARGUED_PANEL.finditer(text, 0, 8000):
            base = m.start("names")
            for w in re.finditer(rf"[{_UP}][{_AL}'’\-]{{1,24}}", m.group("names")):
                if w.group(0).lower() in ("and", "chief", "judge", "judges", "circuit", "senior"):
                    continue
                hits.append(_Hit(w.group(0), "circuit", (base + w.start(), base + w.end()), 3))
        # the district judge in the right column of a two-column appeal caption
        # ("v.     ]  Jane A. Roe, Judge."), under "Appeal from the United States District Court"
        for m in _NAME_LINE_COLUMN.finditer(text, 0, 6000):
            if not re.search(r"(?i)appeal(?:ed)?\s{1,4}from", text[max(0, m.start() - 800):m.start()]):
                continue
            tokens = _trim_tokens(m.group("name").split())
            if len(tokens) >= 2 and _valid_name(tokens, surname_ok=False):
                span = _span_of_tokens(text, m.start("name"), m.end("name"), tokens)
                if span:
                    hits.append(_Hit(" ".join(tokens), "district", span, 2))
    for m in _NAME_LINE_JUDGE.finditer(text, 0, 20000):
        tokens = _trim_tokens(m.group("name").split())
        if len(tokens) >= 2 and _valid_name(tokens, surname_ok=False) and kind in ("district", "bankruptcy", "tax"):
            span = _span_of_tokens(text, m.start("name"), m.end("name"), tokens)
            if span:
                hits.append(_Hit(" ".join(tokens), _default_role(kind), span, 2))
    for m in _AUTHOR_JUDGE.finditer(text, 0, 20000):
        tokens = _trim_tokens(m.group("name").split())
        if tokens and _valid_name(tokens, surname_ok=True):
            span = _span_of_tokens(text, m.start("name"), m.end("name"), tokens)
            if span:
                hits.append(_Hit(" ".join(tokens), _default_role(kind), span, 2))
    return hits
