"""A court of appeals' general docket (CM/ECF appellate), read the way a district docket is.

juriscraper's ``AppellateDocketReport`` parses the page; these rules give its parse the
shape of a district listing and add what only an appeal has:

- the appeal and the originating case: "Originating Court Information: District: 0102-1 :
  1:19-cv-00143-SM" gives the district case (number normalised, court from its link);
- lower-court judges from "Ordering Judge: Ann Roe, U.S. District Judge" and "Trial Judge:
  Bo Poe, Magistrate Judge" (role from the title, linked to the district case); panel judges
  from the docket text ("Panel: Cy Doe, Appellate Judge; ...", "JUDGMENT entered by ...,
  Circuit Judge"), role ``circuit`` (a district judge sitting by designation keeps
  ``district``), linked to the appeal;
- parties: "ANN ROE, Chief of Police, Town of X, in her official capacity" is Ann Roe (the
  listing prints the name in capitals and the description after it); "Plaintiff -
  Appellant" gives a trial role (on the district case) and an appellate role (on the appeal);
- attorneys: "Ann Roe, Attorney" is Ann Roe; the "Direct:", "Fax:" and "Firm:" phone lines
  that open an appellate contact block go after the organisation, so the block's first line
  is the firm as in a district listing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from docketgraph.graph.model import Span
from docketgraph.ingest.readers.pacer_entries import _JNAME
from docketgraph.graph.names import clean_space_record, name_tokens, person_name_record, same_person_in_docket
from docketgraph.ingest.readers.pacer_names import party_role

# ---------------------------------------------------------------------------- listing

_PHONE_LABEL = re.compile(r"^(?:Direct|Fax|Firm|Cell|Mobile|Phone|Tel|Telephone|Office)\s*:",
                          re.IGNORECASE)
_ATTORNEY_TITLE = re.compile(r",\s*(?:Attorney|Counsel|Esq\.?|Esquire)\s*$", re.IGNORECASE)
_TYPE_SPLIT = re.compile(r"\s+[-\u2013\u2014]\s+")


def party_name(raw: str) -> str:
    """The party's name without the description the appellate listing prints after it:
    'ANN ROE, Chief of Police, Town of Elm, in her official capacity' -> 'ANN ROE';
    'TOWN OF ELM, NH' and 'Ann Roe' (no capitals to go by) are kept whole."""
    parts = [p.strip() for p in clean_space_record(raw).split(",")]
    if not parts or any(c.islower() for c in parts[0]):
        return clean_space_record(raw).strip(" ,")
    keep = []
    for p in parts:
        if any(c.islower() for c in p):
            break
        keep.append(p)
    return ", ".join(p for p in keep if p).strip(" ,")


def party_roles(party_type: str) -> tuple[str | None, str | None]:
    """(trial role, appellate role) of an appellate party type: 'Plaintiff - Appellant,'
    -> ('plaintiff', 'appellant'); 'Petitioner' -> (None, 'petitioner')."""
    t = clean_space_record(party_type).strip(" ,.;")
    parts = _TYPE_SPLIT.split(t)
    if len(parts) >= 2:
        return party_role(parts[0]), party_role(parts[-1])
    return None, party_role(t)


def contact_block(contact: str) -> str:
    """An appellate contact block with its phone lines after the rest ('Direct: ...' opens
    the block where a district listing starts with the firm)."""
    lines = [x for x in (contact or "").split("\n")]
    phones = [x for x in lines if _PHONE_LABEL.match(x.strip())]
    rest = [x for x in lines if not _PHONE_LABEL.match(x.strip())]
    return "\n".join(rest + phones)


def normalise_listing(listing: list[dict]) -> list[dict]:
    """juriscraper's appellate parties in the shape of a district listing, each with its
    ``trial_type`` and appellate ``type``."""
    out = []
    for p in listing:
        trial, _appeal = party_roles(p["type"])
        parts = _TYPE_SPLIT.split(clean_space_record(p["type"]).strip(" ,.;"))
        attorneys = [{"name": _ATTORNEY_TITLE.sub("", clean_space_record(a["name"])),
                      "contact": contact_block(a["contact"]), "roles": a["roles"]}
                     for a in p["attorneys"]]
        out.append({"name": party_name(p["name"]), "type": parts[-1],
                    "trial_type": parts[0] if len(parts) >= 2 and trial else "",
                    "attorneys": attorneys})
    return out


# ---------------------------------------------------------------------------- entries

_ROLE_LINE = re.compile(r"^[A-Za-z ,-]{0,60}\b(?:Appellants?|Appellees?|Petitioners?|Respondents?)"
                        r"[,.]?$", re.MULTILINE)
_DATE_LINE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$", re.MULTILINE)
_NO_ENTRIES = re.compile(r"^No docket entries found\.?$", re.MULTILINE | re.IGNORECASE)


def entries_start(text: str, header_end: int) -> int:
    """Where the docket entries begin: the first date line after the listing's last
    party-type line (the caption block repeats them), or the 'No docket entries found' line."""
    last = None
    for m in _ROLE_LINE.finditer(text, header_end):
        last = m
    start = last.end() if last else header_end
    none = _NO_ENTRIES.search(text, start)
    d = _DATE_LINE.search(text, start)
    hits = [x.start() for x in (none, d) if x]
    return min(hits) if hits else start


# ---------------------------------------------------------------------------- judges

_LOWER_JUDGE = re.compile(rf"^(?P<slot>Ordering|Trial)\s+Judge:\s*(?P<name>{_JNAME})"
                          rf"(?:,\s*(?P<title>[^\n]{{0,60}}))?$", re.MULTILINE)
_PANEL_JUDGE = re.compile(
    rf"(?<![\w.])(?P<name>{_JNAME}),? +(?P<title>(?:Chief +|Senior +)?(?:Appellate|Circuit|"
    rf"(?:U\. ?S\. +|United +States +)?District) +Judge)\b")


@dataclass
class AppellateJudge:
    name: str
    role: str
    lower: bool  # a judge of the originating court (case: the district case)
    spans: list[Span]


def _title_role(title: str, default: str) -> str:
    t = (title or "").lower()
    if "magistrate" in t:
        return "magistrate"
    if "bankruptcy" in t:
        return "bankruptcy"
    if "appellate" in t or "circuit" in t:
        return "circuit"
    if "district" in t:
        return "district"
    return default


def find_appellate_judges(text: str, header_end: int, start: int) -> list[AppellateJudge]:
    """The originating court's judges (header slots) and the judges the docket text shows
    acting on the appeal."""
    found: list[AppellateJudge] = []

    def add(name: str, role: str, lower: bool, span: Span) -> None:
        name = person_name_record(name)
        if len(name_tokens(name)) < 2:
            return
        for j in found:
            if j.lower == lower and (same_person_in_docket(j.name, name) or j.name == name):
                j.spans.append(span)
                return
        found.append(AppellateJudge(name, role, lower, [span]))

    for m in _LOWER_JUDGE.finditer(text, header_end, start if start > header_end else len(text)):
        add(m.group("name"), _title_role(m.group("title") or "", "district"), True,
            (m.start("name"), m.end("name")))
    for m in _PANEL_JUDGE.finditer(text, start):
        add(m.group("name"), _title_role(m.group("title"), "circuit"), False,
            (m.start("name"), m.end("name")))
    return found


def originating_case(data: dict) -> tuple[str, str] | None:
    """(district number as printed, courts-db id or '') of the originating case."""
    ogc = data.get("originating_court_information")
    if not isinstance(ogc, dict):
        return None
    number = ogc.get("docket_number")
    if not isinstance(number, str) or not number.strip():
        return None
    court = ogc.get("court_id")
    return number.strip(), court if isinstance(court, str) else ""


def iter_trial_roles(listing: list[dict]) -> Iterator[tuple[str, str]]:
    """(party name as listed, trial role) for parties whose type names both sides."""
    for p in listing:
        role = party_role(p.get("trial_type") or "")
        if role:
            yield p["name"], role
