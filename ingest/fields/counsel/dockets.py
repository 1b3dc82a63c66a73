"""Counsel family: docket text, notices of electronic filing and case pages.

"ATTORNEY Appearance for Plaintiff P by X", "Notice of appearance by X on behalf of P", a
CM/ECF notice's "electronically mailed to" list, "P represented by X" listings and a case
page's party table ("Party | PartyType | Representative").
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from docketgraph.graph.names import clean_space
from docketgraph.ingest.fields import chars, scan
from docketgraph.ingest.fields.counsel.blocks import _lines
from docketgraph.ingest.fields.counsel.common import (
    _Acc, _EMAIL_RE, _NAME_TOKEN, _PERSON_RE, _party_names_for, _plausible_person,
    _strip_name_noise,
)
from docketgraph.ingest.fields.firms import looks_like_firm
from docketgraph.ingest.fields.party_table import PARTY_HEAD, REP_HEAD, find_party_tables, natural_order
from docketgraph.graph.names import person_key, person_name, same_person_in_filing, surname

# named patterns of the rules below
# a CM/ECF notice's list of recipients and its end
_NEF_MAILED_RE = re.compile(r"(?i:notice[ \t]+has[ \t]+been[ \t]+electronically[ \t]+mailed[ \t]+to:?)")
_NEF_END_RE = re.compile(r"(?i:notice[ \t]+has[ \t]+been[ \t]+delivered|the[ \t]+following[ \t]+document)")
# an ECF filer tag "(Last, First)" and a notice's "Filer:" line
_FILER_TAG_RE = re.compile(r"\(([A-Z][a-z'’\-]+),[ \t]+([A-Z][a-z'’\-]+)\)")
_FILER_LINE_RE = re.compile(r"Filer:[ \t]*([^\n]{1,80}(?:\n[^\n:]{1,40})?)")
# "(terminated)" after a recipient's name
_TERMINATED_RE = re.compile(r"[ \t]*\((?:terminated|TERMINATED)\)")
# a table header cell naming representatives
_REP_HEADER_CELL_RE = re.compile(r"(?i:>[ \t]*(?:representatives?|attorneys?|counsel)[ \t]*<)")
# a name written surname first ("Treviso, Vanessa")


_APPEARANCE_RE = re.compile(
    r"(?i:attorney[ \t]+appearance[ \t]+for)[ \t]+(?P<who>[^\n]{1,160}?)[ \t]+by[ \t]+"
    rf"(?P<name>{_NAME_TOKEN}(?:(?:[ \t]|[ \t]?\n[ \t]{{1,40}}){_NAME_TOKEN}){{1,3}}(?:,?[ \t]Jr\.)?)"
    r"|(?i:notice[ \t]+of[ \t]+(?:attorney[ \t]+)?appearance[ \t]+by)[ \t]+(?:attorney[ \t]+)?"
    rf"(?P<name2>{_NAME_TOKEN}(?:(?:[ \t]|[ \t]?\n[ \t]{{1,40}}){_NAME_TOKEN}){{1,3}})(?:[ \t]+|[ \t]*\n[ \t]{{1,40}})on[ \t]+behalf[ \t]+of[ \t]+(?P<who2>[^\n(]{{1,160}})"
)


def _may_hold(text: str, word: str) -> bool:
    """Whether ``text`` may hold ``word`` (ASCII lower case, without the letters i, k and s,
    to which IGNORECASE also matches non-ASCII letters) in any case: a pattern matching it
    under IGNORECASE has no match when this is False. Without a search over the whole text
    for a pattern that opens with a word in any case (tried at every position)."""
    return word in chars.ascii_lower(text)


def _appearances(text: str, acc: _Acc) -> None:
    if not _may_hold(text, "appearance"):  # both of _APPEARANCE_RE's forms hold it
        return
    for m in _APPEARANCE_RE.finditer(text):
        name = m.group("name") or m.group("name2")
        who = m.group("who") or m.group("who2") or ""
        span = m.span("name") if m.group("name") else m.span("name2")
        acc.attorney(clean_space(name), span, represents=_party_names_for(who, acc.parties))


def _nef(text: str, acc: _Acc) -> None:
    if not _may_hold(text, "electronically") and not scan.folds_to_ascii(text):
        return  # "electronically" in any case is in every match of _NEF_MAILED_RE
    m = _NEF_MAILED_RE.search(text)
    if not m:
        return
    end_m = _NEF_END_RE.search(text[m.end():])
    end = m.end() + (end_m.start() if end_m else min(len(text) - m.end(), 20000))
    region_lines = [ln for ln in _lines(text[m.end():end])]
    filer = _FILER_TAG_RE.search(text)
    filer_party = _FILER_LINE_RE.search(text)
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
        nm = _TERMINATED_RE.sub("", t)
        if _PERSON_RE.match(nm):
            pending = (nm, (s + ln.text.find(nm), s + ln.text.find(nm) + len(nm)))


_REPRESENTED_RE = re.compile(r"(?m)^(?P<party>[^\n]{2,120}?)[ \t]+represented[ \t]+by[ \t]+(?P<rest>[^\n]{3,120})$")


def _represented_by(text: str, acc: _Acc) -> None:
    """Docket listings: "Robert Diggs represented by Amy Crout Ziegler" + the contact block."""
    if "represented" not in text:  # in every match of _REPRESENTED_RE
        return
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
    if "<td" not in text.lower():
        _party_table_text(text, acc)
        return
    if not _REP_HEADER_CELL_RE.search(text):
        return
    parser = _Tables()
    parser.feed(text)
    parser.close()
    rep_col = party_col = None
    for row in parser.rows:
        cells = [clean_space(c) for c in row]
        reps = [k for k, c in enumerate(cells) if REP_HEAD.match(c)]
        if reps:
            rep_col = reps[0]
            parties = [k for k, c in enumerate(cells) if PARTY_HEAD.match(c)]
            party_col = parties[0] if parties else None
            continue
        if rep_col is None or rep_col >= len(row):
            continue
        party = clean_space(row[party_col]) if party_col is not None and party_col < len(row) else ""
        for raw in row[rep_col].split("\n"):
            nm = clean_space(raw)
            at = text.find(nm) if nm else -1
            _representative(acc, nm, (at, at + len(nm)) if at >= 0 else (0, 0), party)


def _party_table_text(text: str, acc: _Acc) -> None:
    """The same table read from a page's visible text (``fields/party_table.py``)."""
    for tp in find_party_tables(text)[0]:
        for nm, span in tp.representatives:
            _representative(acc, nm, span, tp.name)


def _representative(acc: _Acc, name: str, span: tuple[int, int], party: str) -> None:
    """One representative of a party table's row: counsel for the party, unless it is the
    party itself appearing pro se (listed surname first or not: "Treviso, Vanessa")."""
    if not name or person_key(name) == person_key(party) or same_person_in_filing(name, natural_order(party)):
        return
    if _plausible_person(person_name(_strip_name_noise(name))):
        acc.attorney(name, span, represents=[party] if party else [])
