"""A court web page's party table, read from its visible text.

Case-management pages of state appellate courts (and many trial courts) list the parties in
a table: a party, the party's type and the party's representatives, one lawyer a line inside
the representatives' cell. Read as visible text (``readers/markup.py``: a row's cells on one
line joined by `` | ``, each ``<br>`` a new line), such a table looks like::

    Party | PartyType | Representative
    Acme Lending, N.A. | Appellee | Ann B. Roe
    Carl D. Poe Jr.
    Moss, Dana | Appellant | Dana Moss

The lines under a row that carry no cell separator are further entries of its last cell
(here Carl D. Poe Jr. also represents Acme Lending). The table ends at a blank line, at a line
that is neither a row nor a name ("Case Documents:"), or at the next heading. A party listed
surname first ("Moss, Dana") is a person and is named in natural order ("Dana Moss"); a party
listed as its own representative appears pro se.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from docketgraph.graph.model import Span

_SEP = " | "
PARTY_HEAD = re.compile(r"(?i)^(?:party|parties|party[ \t]+name|name)$")
_TYPE_HEAD = re.compile(r"(?i)^(?:party[ \t]?type|type|role|party[ \t]+role|designation)$")
REP_HEAD = re.compile(r"(?i)^(?:representatives?|attorneys?|counsel|attorney\(s\)|lawyers?)$")
#: a party type the schema has a role for ("Appellee", "Plaintiff - Appellant", "Real Party in Interest" has none)
_ROLES = (
    ("appellant", re.compile(r"(?i)\bappellants?\b")),
    ("appellee", re.compile(r"(?i)\bappellees?\b")),
    ("third-party", re.compile(r"(?i)\bthird[ -]?party\b")),
    ("petitioner", re.compile(r"(?i)\b(?:petitioners?|relators?)\b")),
    ("respondent", re.compile(r"(?i)\brespondents?\b")),
    ("intervenor", re.compile(r"(?i)\bintervenors?\b")),
    ("plaintiff", re.compile(r"(?i)\bplaintiffs?\b")),
    ("defendant", re.compile(r"(?i)\bdefendants?\b")),
)
#: a further entry of a cell: a name of two to six words, not a label ("Case Documents:")
_NAME_LINE = re.compile(r"[A-Z][\w.'\u2019-]*(?:[ \t,]{1,2}[A-Z\u00c0-\u024f][\w.'\u2019-]*){1,5}\.?")
_SURNAME_FIRST = re.compile(r"^([^,]{2,40}),[ \t]*([^,]{2,40})$")
_ORG_WORD = re.compile(
    r"(?i)\b(?:inc|llc|l\.l\.c|ltd|corp|corporation|company|co|bank|n\.a|lp|llp|plc|trust|association|"
    r"authority|city|county|state|department|university|insurance|group|holdings|partners)\b\.?")


@dataclass(frozen=True)
class TableParty:
    """One row: the party as named (natural order), its role, and its representatives."""

    name: str
    role: str | None
    span: Span
    representatives: tuple[tuple[str, Span], ...]


def natural_order(name: str) -> str:
    """"Moss, Dana" -> "Dana Moss" (a person listed surname first); a company stays as it is."""
    m = _SURNAME_FIRST.match(name)
    if not m or _ORG_WORD.search(name) or re.search(r"\d", name):
        return name
    return f"{m.group(2).strip()} {m.group(1).strip()}"


def role_of(party_type: str) -> str | None:
    """The schema role of a party type cell ("Appellee", "Defendant - Appellant" -> appellant)."""
    for role, rx in _ROLES:
        if rx.search(party_type):
            return role
    return None


def _cells(line: str, start: int) -> list[tuple[str, Span]]:
    out = []
    pos = 0
    for part in line.split(_SEP):
        lead = len(part) - len(part.lstrip())
        cell = part.strip()
        s = start + pos + lead
        out.append((cell, (s, s + len(cell))))
        pos += len(part) + len(_SEP)
    return out


def find_party_tables(text: str) -> tuple[list[TableParty], list[Span]]:
    """The parties of every party table in ``text``, and the spans of the tables' lines
    (the caption and the counsel rules both ask: read once per text)."""
    parties, zones = _find_party_tables(text)
    return list(parties), list(zones)


@lru_cache(maxsize=4)
def _find_party_tables(text: str) -> tuple[tuple[TableParty, ...], tuple[Span, ...]]:
    parties: list[TableParty] = []
    zones: list[Span] = []
    if _SEP not in text:
        return (), ()
    lines = text.split("\n")
    offs = []
    pos = 0
    for ln in lines:
        offs.append(pos)
        pos += len(ln) + 1
    i = 0
    while i < len(lines):
        head = [c for c, _ in _cells(lines[i], offs[i])] if _SEP in lines[i] else []
        party_col = next((k for k, c in enumerate(head) if PARTY_HEAD.match(c)), None)
        type_col = next((k for k, c in enumerate(head) if _TYPE_HEAD.match(c)), None)
        rep_col = next((k for k, c in enumerate(head) if REP_HEAD.match(c)), None)
        if party_col is None or type_col is None:
            i += 1
            continue
        start = offs[i]
        rows: list[tuple[list[tuple[str, Span]], list[tuple[str, Span]]]] = []
        j = i + 1
        while j < len(lines):
            line = lines[j]
            if _SEP in line:
                cells = _cells(line, offs[j])
                if len(cells) < 2:
                    break
                rows.append((cells, []))
            elif rows and line.strip() and _NAME_LINE.fullmatch(line.strip()) and not line.rstrip().endswith(":"):
                s = offs[j] + len(line) - len(line.lstrip())
                rows[-1][1].append((line.strip(), (s, s + len(line.strip()))))
            else:
                break
            j += 1
        for cells, more in rows:
            if party_col >= len(cells) or not cells[party_col][0]:
                continue
            raw, span = cells[party_col]
            role = role_of(cells[type_col][0]) if type_col < len(cells) else None
            reps: list[tuple[str, Span]] = []
            if rep_col is not None and rep_col < len(cells):
                if cells[rep_col][0]:
                    reps.append(cells[rep_col])
                if rep_col == len(cells) - 1:
                    reps.extend(more)
            parties.append(TableParty(natural_order(raw), role, span, tuple(reps)))
        end = offs[j] if j < len(lines) else len(text)
        zones.append((start, end))
        i = max(j, i + 1)
    return tuple(parties), tuple(zones)
