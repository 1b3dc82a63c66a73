"""Counsel family: counsel statements of opinions and reported decisions.

"X, Firm, City, State, for appellant."; "ARGUED: ... ON BRIEF: ..."; "X, with whom Y and Firm were
on brief"; reporter lines "For P, Plaintiff: X, Firm, City."; state styles (New York "Firm,
City (X of counsel)", Florida "X and Y of Firm", New Jersey "(Firm, attorneys; X, of counsel)").
"""
from __future__ import annotations

import re

from docketgraph.graph.names import clean_space
from docketgraph.ingest.fields import scan
from docketgraph.ingest.fields.counsel.common import (
    Span, _Acc, _NAME_TOKEN, _PERSON_RE, _ROLE_WORDS, _STATE_RE, _SUFFIX_ITEM, _TITLE_ITEM,
    _party_names_for, _plausible_person, _strip_name_noise,
)
from docketgraph.ingest.fields.firms import (
    has_legal_suffix, is_government_office, looks_like_firm, match_firm,
)
from docketgraph.graph.names import person_name

# named patterns of the rules below
# "for" before the represented party
_FOR_RE = re.compile(r"\bfor[ \t\n]+")
# the last "for" followed by a party role
_ROLE_AHEAD = r"(?=(?:the[ \t\n]+)?(?i:plaintiff|defendant|appell|petition|respond|intervenor|movant))"
_FOR_ROLE_AHEAD_RE = re.compile(rf"[ \t\n]for[ \t\n]+{_ROLE_AHEAD}")
# a comma ending the text before "for"
_COMMA_END_RE = re.compile(r",[ \t\n]*$")
# sentences with no "for" of their own ("With him on the brief was X.")
_WITH_HIM_ON_BRIEF_RE = re.compile(
    r"(?:With[ \t]+(?:him|her|them)[ \t]+on[ \t]+the[ \t]+briefs?[ \t]+(?:was|were)|"
    r"Of[ \t]+counsel[ \t]+on[ \t]+the[ \t]+briefs?[ \t]+(?:was|were))[ \t\n]+")
# a period followed by a space or the end
_PERIOD_RE = re.compile(r"\.(?=\s|$)")
# where a counsel statement starts: a label, a heading, a sentence end, a rule
_STMT_BOUNDARY_RE = re.compile(
    r"(?m)(?:ARGUED|ON[ \t]+BRIEFS?|SUBMITTED)[ \t]*:[ \t]*\n?|^[ \t]*COUNSEL[ \t]*\n|"
    r"(?:-[ \t]){2,}-[ \t]*|_{3,}[ \t]*|"
    r"\.[ \t]*\n|\.[ \t]+(?=[A-Z])|\n[ \t]*\n|^[ \t]*[A-Z][A-Z \t&'’\-]{5,}[ \t]*\n")
# a word broken across lines
_LINE_BREAK_HYPHEN_RE = re.compile(r"-\n[ \t]*")
# "was/were on the brief" (not a verb of prose)
_ON_BRIEF_VERB_RE = re.compile(r"(?i:(?:was|were)[ \t]+on[ \t]+(?:the[ \t]+)?briefs?)")
# "ARGUED:", "ON BRIEF:", "SUBMITTED:"
_STMT_LABEL_RE = re.compile(r"(?:ARGUED|ON[ \t]+BRIEF|SUBMITTED)[ \t]*:[ \t]*")
# D.C. Circuit style: "X argued the cause", "Y filed the brief"
_DC_CIRCUIT_VERB_RE = re.compile(
    r"(?i:[ \t]+(?:argued[ \t]+the[ \t]+cause|argued|filed[ \t]+the[ \t]+briefs?|entered[ \t]+an?"
    r"[ \t]+appearance)(?:[ \t]+and[ \t]+filed[ \t]+the[ \t]+briefs?)?[ \t]*,?[ \t]*$)")
# Tenth Circuit style: "X (Y with her on the briefs)"
_WITH_HIM_IN_PAREN_RE = re.compile(r"(?i:[ \t]+with[ \t]+(?:him|her|them)[ \t]+on[ \t]+the[ \t]+briefs?)(?=[^()]*\))")
# "on the brief(s)"
_ON_BRIEF_RE = re.compile(r"(?i:\bon[ \t]+(?:the[ \t]+)?briefs?\b)")
# "..., were on the brief," as a separator
_ON_BRIEF_PHRASE_RE = re.compile(r"(?i:,?[ \t]*(?:were|was)?[ \t]*on[ \t]+(?:the[ \t]+)?briefs?[ \t]*,?)")
# "argued" or "submitted" at the end
_ARGUED_END_RE = re.compile(r"(?i:\b(?:argued|submitted)[ \t]*$)")
# "X, with whom Y and Z were on brief"
_WITH_WHOM_RE = re.compile(r"(?i:,?[ \t]*with[ \t]+whom[ \t]+)")
# "(argued)" after a name
_ARGUED_MARK_RE = re.compile(r"\((?:argued|Argued|ARGUED)\)")
# a parenthesis and its content
_PAREN_RE = re.compile(r"\(([^()]{3,120})\)")
_ANY_PAREN_RE = re.compile(r"\([^()]*\)")
# separators of a list of names
_LIST_SEP_RE = re.compile(r",|[ \t]+and[ \t]+")
# "of counsel"
_OF_COUNSEL_RE = re.compile(r"(?i:,?[ \t]*of[ \t]+counsel)")
# one capitalised word (a piece of a firm's name split at commas)
_ONE_WORD_RE = re.compile(r"[A-Z][A-Za-z'’\-]+")
# "&" or "and" inside an item: the end of a firm's name
_CONNECTOR_RE = re.compile(r"[ \t](?:&|and|AND)[ \t]")
# an item that is only a legal form ("LLP", "P.C.")
_LEGAL_FORM_ITEM_RE = re.compile(
    r"(?:L\.?L\.?P\.?|P\.?L\.?L\.?C\.?|L\.?L\.?C\.?|Ltd\.?|LTD\.?|P\.C\.|P\.A\.|"
    r"O\.C\.|PC|PA|S\.C\.|Chartered|Inc\.?)")
# "of" before a city ("of Seattle")
_LEAD_OF_RE = re.compile(r"^of[ \t]+")
# "by" opening an item after a firm ("Firm, by X and Y")
_BY_RE = re.compile(r"(?i:by[ \t]+)")
_LEAD_BY_RE = re.compile(r"(?i:^by[ \t]+)")
# an initial in a name
_INITIAL_RE = re.compile(r"\b[A-Z]\.")
# a sentence break inside the party of "argued the cause for"
_SENTENCE_IN_PARTY_RE = re.compile(r"\.[ \t]+[A-Z][a-z]")
# "attorneys" as the part's role ("Firm, attorneys")
_ATTORNEYS_ROLE_RE = re.compile(r"(?i:,?[ \t]*attorneys?)")
# a sentence end or a blank line
_SENTENCE_BREAK_RE = re.compile(r"\.[ \t]*\n|\.[ \t]+(?=[A-Z])|\n[ \t]*\n")
# a counsel line that opens with a name
_NAME_START_RE = re.compile(rf"{_NAME_TOKEN}")
# "(Sarah Smith, Assistant United States Attorney, on the brief)": another attorney
_ON_BRIEF_PAREN_RE = re.compile(r"\(([^()]{3,200}?),?[ \t\n]+on[ \t\n]+the[ \t\n]+briefs?\)")
# "..., for Damian Williams, U.S. Attorney": the office's head, not the party
_FOR_NAME_RE = re.compile(r",?[ \t\n]+for[ \t\n]+[A-Z]")


_STMT_ROLE_END_RE = re.compile(
    r"(?i:\b(?:plaintiffs?|defendants?|appellants?|appellees?|petitioners?|respondents?|intervenors?|movants?)"
    r"(?:[-–][a-z\-]{4,30})?(?P<names>(?-i:[ \t\n]+[A-Z][^.;:\n]{1,100}(?:\n[^.;:\n]{1,100})?))?|\bamic(?:us|i)[ \t\n]+curiae(?:[ \t\n]+[A-Z][^.;\n]{2,120})?"
    r"|(?<=for[ \t\n])(?:the[ \t\n]+)?United[ \t\n]+States(?:[ \t\n]+of[ \t\n]+America)?)[ \t]*\.")
# Every match opens with a role word, "amic", "the" or "united" in any case: tried only where
# the lower-cased text has one (each found by its first letter, so overlapping words are all
# found).
_STMT_ROLE_END_NEAR = scan.Near(
    _STMT_ROLE_END_RE,
    r"p(?=laintiff|etitioner)|d(?=efendant)|a(?=ppell|mic)|r(?=espondent)|i(?=ntervenor)"
    r"|m(?=ovant)|t(?=he)|u(?=nited)",
    0, lower=True)




def _statement_ends(region: str):
    """(body start, "for" start, who start, end) of each "..., for <party>." sentence."""
    prev_end = 0
    for e in _STMT_ROLE_END_NEAR.matches(region):
        if e.start() < prev_end:
            continue
        start = _stmt_start(region, prev_end, e.start())
        seg = region[start:e.start()]
        fm = _FOR_RE.search(seg)
        if not fm:
            continue
        inner = None
        for inner in _FOR_ROLE_AHEAD_RE.finditer(region[start:e.end()]):
            pass
        f_start, w_start = (inner.start(), inner.end()) if inner else (fm.start(), fm.end())
        if e.group("names") and not _COMMA_END_RE.search(seg[:f_start]):
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
    for m in _WITH_HIM_ON_BRIEF_RE.finditer(region):
        end = _sentence_end(region, m.end())
        before = [x for x in ends if x[3] <= m.start()]
        who = region[before[-1][2]:before[-1][3]].rstrip(" .") if before else ""
        _parse_statement(text, a + m.end(), region[m.end():end], who, acc)


def _sentence_end(s: str, pos: int, limit: int = 600) -> int:
    """Offset of the period ending the sentence that runs from ``pos`` (initials skipped)."""
    for m in _PERIOD_RE.finditer(s[pos:pos + limit]):
        k = pos + m.start()
        if _ABBREV_END.search(s[max(pos, k - 8):k]):
            continue
        return k
    return min(len(s), pos + limit)


def _stmt_start(region: str, lo: int, hi: int) -> int:
    """Start of the sentence that ends at ``hi``: after the last sentence end or label."""
    best = lo
    for m in _STMT_BOUNDARY_RE.finditer(region[lo:hi]):
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
    body = _LINE_BREAK_HYPHEN_RE.sub("", body)  # words broken across lines
    body = clean_space(body)
    if _PROSE_VERB.search(_ON_BRIEF_VERB_RE.sub("", body)):
        return  # a sentence of prose ("X is counsel for plaintiff"), not a counsel listing
    body = _STMT_LABEL_RE.sub("", body)
    # D.C. Circuit style: "X argued the cause", "Y filed the brief", "Z entered an appearance"
    body = _DC_CIRCUIT_VERB_RE.sub("", body.strip())
    # Tenth Circuit style: "X (Y with her on the briefs), Firm"
    body = _WITH_HIM_IN_PAREN_RE.sub("", body)
    on_brief_list = bool(_ON_BRIEF_RE.search(body))
    body = _ON_BRIEF_PHRASE_RE.sub(",", body)
    body = _ARGUED_END_RE.sub("", body.strip())
    # "X, with whom Y and Z were on brief" -> X ; Y ; Z (all listed)
    with_whom = _WITH_WHOM_RE.search(body)
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
        it = _ARGUED_MARK_RE.sub("", it).strip()
        if _SUFFIX_ITEM.match(it) and merged:
            merged[-1] = merged[-1] + ", " + it
        elif it:
            merged.append(it)
    # "(DAVID S. JONES, of counsel)" inside an item: another attorney of the same firm
    expanded: list[tuple[str, bool]] = []  # (item, is_of_counsel)
    for it in merged:
        inner = _PAREN_RE.search(it)
        outer = _ANY_PAREN_RE.sub("", it).strip()
        if outer:
            expanded.append((outer, False))
        if inner:
            for sub in _LIST_SEP_RE.split(_OF_COUNSEL_RE.sub("", inner.group(1))):
                if sub.strip():
                    expanded.append((sub.strip(), True))
    # merge comma runs of a firm name: "Leary", "Bride", "Tinker & Moran" / "..., LLP"
    runs: list[tuple[str, bool]] = []
    k = 0
    while k < len(expanded):
        it, oc = expanded[k]
        if _ONE_WORD_RE.fullmatch(it) and not oc:
            j = k
            while j < len(expanded) and _ONE_WORD_RE.fullmatch(expanded[j][0]):
                j += 1
            if j < len(expanded) and j > k and _CONNECTOR_RE.search(expanded[j][0]) \
                    and not _PERSON_RE.match(expanded[j][0].split("&")[0].strip() or "x"):
                joined = ", ".join(x for x, _ in expanded[k:j + 1])
                runs.append((joined, False))
                k = j + 1
                continue
        if runs and _LEGAL_FORM_ITEM_RE.fullmatch(it):
            runs[-1] = (runs[-1][0] + ", " + it, runs[-1][1])
            k += 1
            continue
        runs.append((it, oc))
        k += 1
    # drop places: a state and the city before it; "of Seattle"
    kinds: list[str] = []
    for it, oc in runs:
        core = _LEAD_OF_RE.sub("", it)
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
        if last_firm is not None and _BY_RE.match(it):
            by_firm = last_firm
            it = _LEAD_BY_RE.sub("", it)
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
            looks_like_firm(cand) and not _INITIAL_RE.search(cand))
        if is_person and list_form and not _INITIAL_RE.search(cand) and \
                sum(1 for x, _ in seq if _INITIAL_RE.search(x)) >= 2 and len(cand.split()) <= 3:
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
    if last_firm is not None and len(pending) == 1 and not _INITIAL_RE.search(pending[0]) \
            and seq and _strip_name_noise(seq[-1][0]) == pending[0]:
        pending = []  # "..., Doe & Roe, P.A., Fort Lauderdale, for appellee": the city
    pairs.extend((p, None) for p in pending)
    return pairs


_OF_FIRM_RE = re.compile(r"^(.{3,60}?)[ \t]+of[ \t]+([A-Z].{2,120})$")


def _firm_by_position(seq, idx, pending) -> bool:
    """The last item after attorneys and before the city is their firm when it is not shaped
    like a person's name with an initial ("Bernstein Shur" after listed attorneys)."""
    it = seq[idx][0]
    return not _INITIAL_RE.search(it) and len(pending) >= 1 and all(
        _INITIAL_RE.search(p) for p in pending)


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


def _space_run_start(text: str, i: int) -> int:
    """One character before the run of spaces, tabs and line breaks that ends at ``i``:
    where the comma of ", argued the cause for" or ", attorneys for" would be."""
    j = i
    while j > 0 and text[j - 1] in " \t\n":
        j -= 1
    return max(0, j - 1)


# tried only at "argued"/"attorney", from the comma or the spaces before it (same matches)
_ARGUED_FOR_NEAR = scan.Near(_ARGUED_FOR_RE, r"argued|attorney", _space_run_start)


def _argued_the_cause(text: str, acc: _Acc) -> None:
    for m in _ARGUED_FOR_NEAR.matches(text):
        open_at = text.find("(", m.end(), m.end() + 250)
        close_at = text.find(")", open_at, open_at + 700) if open_at >= 0 else -1
        if open_at < 0 or close_at < 0 or "(" in text[open_at + 1:close_at]:
            continue
        who = clean_space(text[m.end():open_at])
        if _SENTENCE_IN_PARTY_RE.search(who) or not _ROLE_WORDS.match(who):
            continue  # the party is named by its role right after "for"
        lead_start = _sentence_start(text, m.start())
        lead = clean_space(_LINE_BREAK_HYPHEN_RE.sub("", text[lead_start:m.start()]))
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
            if _ATTORNEYS_ROLE_RE.match(role.group(0)):
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
    for m in _SENTENCE_BREAK_RE.finditer(text[lo:pos]):
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
        if not _NAME_START_RE.match(body):
            continue
        # "(Sarah Smith, Assistant United States Attorney, on the brief)": another attorney
        body = _ON_BRIEF_PAREN_RE.sub(r", \1", body)
        body = _FOR_NAME_RE.split(body)[0]  # "..., for Damian Williams, U.S. Attorney"
        _parse_statement(text, m.start("body"), body, m.group("who"), acc)
