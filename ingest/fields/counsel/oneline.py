"""Counsel family: one-line blocks, and blocks flattened onto one line.

"A (JD 7204) B (AS 7715) FIRM LLP Attorneys for Plaintiff X"; "Firm LLP, Office NAME, ESQ.
Attorneys for plaintiff"; "ATTORNEYS FOR APPELLANTS X Firm Co., L.P.A. 1 Main Street ...".
"""
from __future__ import annotations

import re

from docketgraph.graph.names import is_all_caps
from docketgraph.ingest.fields.counsel.common import (
    Span, _Acc, _BAR_RE, _EMAIL_RE, _NAME_TOKEN, _STATE_RE, _UP, _party_names_for,
    _plausible_person, _strip_name_noise,
)
from docketgraph.ingest.fields.firms import looks_like_firm
from docketgraph.graph.names import person_name

# named patterns of the rules below
# an ALL-CAPS firm with its legal form at the end of the names before a representation
_CAPS_FIRM_END_RE = re.compile(
    r"((?:(?<![A-Z&,.'’\-])[A-Z][A-Z&,.'’\-]{0,40}[ \t]+){0,6}(?:LLP|LLC|PLLC|LTD\.?|P\.C\.|P\.A\.|PC|PA|"
    r"L\.L\.P\.|Ltd\.))[ \t]*$")
# a run of capitalised name tokens
_NAME_RUN_RE = re.compile(rf"{_NAME_TOKEN}(?:[ \t]{_NAME_TOKEN})+(?:,?[ \t]Jr\.)?")
# a legal form at the end of the names before a representation
_LEGAL_FORM_END_RE = re.compile(r"\b(?:LLP|LLC|PLLC|Ltd\.|P\.C\.|P\.A\.)[ \t]*$")
# a token between spaces
_TOKEN_RE = re.compile(r"\S+")
# two name tokens: a person's name right after a role header
_TWO_NAME_TOKENS_RE = re.compile(rf"{_NAME_TOKEN}[ \t]+{_NAME_TOKEN}")
# "Esq." or "pro hac vice": a lawyer's marks
_ESQ_OR_PHV_RE = re.compile(r"(?i:\besq\b|pro[ \t]+hac[ \t]+vice)")
# a piece of a block between masked addresses
_UNMASKED_RE = re.compile(r"[^|]+")
# an initial in a name
_INITIAL_RE = re.compile(r"\b[A-Z]\.")
# a token a firm's name may hold: a capitalised word or a connector
_FIRM_WORD_TOKEN_RE = re.compile(rf"^(?:[{_UP}][\w'’\-.]*|&|and|AND|of|OF|the|THE|de|van|von)$")
# a particle glued to a capital ("deLeeuw")
_PARTICLE_WORD_RE = re.compile(r"^[a-z]{1,3}[A-Z]")
# a run of capitalised name tokens with a generational suffix
_NAME_RUN_SUFFIX_RE = re.compile(rf"{_NAME_TOKEN}(?:[ \t]+(?:{_NAME_TOKEN}))*(?:,?[ \t]+(?:Jr|Sr|JR|SR)\.?|[ \t]+(?:II|III|IV))?")
# caption words that end a one-line block's party
_CAPTION_WORD_RE = re.compile(r"(?i:[ \t](?:PRELIMINARY|TEMPORARY|FINAL|ORDER|HON\.|UNITED)\b)")


_INLINE_RE = re.compile(r"(?:Attorneys?|Counsel)[ \t]+for[ \t]+(?P<who>[^\n]{1,160})")


def _inline_blocks(text: str, acc: _Acc) -> None:
    for m in _INLINE_RE.finditer(text):
        line_start = text.rfind("\n", max(0, m.start() - 600), m.start()) + 1
        line_start = max(line_start, m.start() - 600)
        before = text[line_start:m.start()]
        if len(before) < 15 or not _BAR_RE.search(before) and not _LEGAL_FORM_END_RE.search(before.strip()):
            continue
        # the firm: a run of capitals (or a reference name) at the end
        fm = _CAPS_FIRM_END_RE.search(before)
        firm = None
        names_part = before
        if fm:
            firm = acc.firm(fm.group(1), (line_start + fm.start(1), line_start + fm.end(1)),
                            _party_names_for(_who(m.group("who")), acc.parties))
            names_part = before[:fm.start(1)]
        represents = _party_names_for(_who(m.group("who")), acc.parties)
        for pm in _NAME_RUN_RE.finditer(names_part):
            toks = [(t.group(0), pm.start() + t.start()) for t in _TOKEN_RE.finditer(pm.group(0))]
            for run in _split_name_run(toks):
                a, b = run[0][1], run[-1][1] + len(run[-1][0])
                nm = names_part[a:b]
                if _plausible_person(person_name(nm)):
                    acc.attorney(nm, (line_start + a, line_start + b), firm=firm, represents=represents)


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
        header = is_all_caps(first.group(0)) and bool(_TWO_NAME_TOKENS_RE.match(after_first))
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
    if not (_BAR_RE.search(seg) or _ESQ_OR_PHV_RE.search(seg)
            or _FLAT_ADDRESS_RE.search(seg) or _EMAIL_RE.search(seg) or _FLAT_SUFFIX_RE.search(seg)):
        return []
    masked = _FLAT_ADDRESS_RE.sub(lambda m: "|" * len(m.group(0)), seg)
    if ";" in masked or any(_STATE_RE.match(x.strip(" |")) for x in masked.split(",")):
        return []  # "X, Firm, City, State; ...": a counsel statement (read by _statements)
    masked = _FLAT_NOISE_RE.sub(lambda m: "¦" * len(m.group(0)), masked)  # a boundary, offsets kept
    out: list[tuple[str, Span, str | None, Span | None]] = []
    # each address closes one attorney group ("names firm address names firm address")
    for piece in _UNMASKED_RE.finditer(masked):
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
                      if sp[0] < firms[-1][1][0] or _INITIAL_RE.search(nm)]
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
        toks = [(t.group(0), t.start()) for t in _TOKEN_RE.finditer(ptxt[taken_to:m.start()])]
        toks = [(t, taken_to + o) for t, o in toks]
        k = len(toks)
        while k > 0:
            t, _ = toks[k - 1]
            word = t.rstrip(",")
            if not (_FIRM_WORD_TOKEN_RE.match(word)
                    or _PARTICLE_WORD_RE.match(word)):
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
    for run in _NAME_RUN_SUFFIX_RE.finditer(rest):
        toks = [(t.group(0), run.start() + t.start()) for t in _TOKEN_RE.finditer(run.group(0))]
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
    s = _CAPTION_WORD_RE.split(s)[0]
    return s
