"""Captions: parties and their roles, the caption line, Schedule A defendant groups.

Where parties come from, in order:

1. The caption: ``NAMES, Plaintiff, v. NAMES, Defendants.`` in every layout filings use
   (centred stacked lines, one run-in line, two columns ruled with ")", "§" or ":",
   "-against-", "- against -", "–v.–", "versus", CM/ECF NextGen headers with the case
   number and judge in the right column). Right-column matter (case numbers, "Judge X",
   "Magistrate Judge X", "(Judge X)", "Honorable X", redaction stamps) is masked first.
   Each side is split into parties on ";", ", " and " and " (legal suffixes such as
   "Co., Ltd." and "Jr." stay with their name), "et al." and d/b/a aliases are dropped,
   descriptions after a person's name ("District Director, ...", "in her official
   capacity ...", "individually and as ...") are cut, ALL-CAPS names are written in
   normal case with legal suffixes kept (LLC, Inc., Ltd.).
   A hyphenated designation ("Plaintiffs-Appellants", "Plaintiff, Appellant") gives two
   entries, the trial role and the appellate role.
2. When no such caption is printed: a caption-like title ("Re: X v. Y", "Case Name: X v.
   Y", a page title on the first line).
   A caption cut off after "v." (or whose label is beyond a rule or heading) gives its
   sellers as defendants; names above an inner label ("ACME,\nPlaintiff-Appellant,\nBETA,
   \nPlaintiff,\nv.") keep that label; a cross-complaint block only repeats parties, and
   parties first named there are third-party.
3. Glossary tables of orders against online sellers ("Defendants" followed by the list
   of store names; "Plaintiff or Short Name" followed by the plaintiff's name); lists of
   member cases ("Ann Roe v. Acme, Inc. 2:15-cv-01234" rows); the debtors listed in a
   chapter 11 filing's first footnote, movants when the debtors bring the motion.
4. The body, when it states a role: "Plaintiff EZSHOOT LLC", "defendants Hailitech and
   Hxltech", "Third-Party Service Providers Alibaba and AliExpress", "Counsel for Appellee,
   X", "Plaintiffs-appellants, X, Y" (both roles), "Defendant Nos. 1 (X), 6 (Y)",
   'Defendants "x," "y"', "x, pro se."; with no caption, "a complaint against X, Y and DOES
   1-100". Names already found are not repeated: a shorter form of a caption name, a short
   form defined in parentheses, a spelling one letter or one space apart (the form printed
   more often is kept) are the same party; sibling companies with different entity forms
   ("Acme Toys Ltd." and "Acme Toys, Inc.") are not.

Schedule A (``schedule_a``): rule sa-1, ``graph.keys.is_schedule_a``, on the caption's
defendants and the document's text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

from docketgraph.graph.keys import DOE_RANGE as _DOES, GROUP_DEFENDANT as _GROUP, ORG_LIKE as _ORGLIKE, is_schedule_a
from docketgraph.graph.model import PartyMention, Span
from docketgraph.graph.names import ENTITY_SUFFIX_ALT as _SUFFIX_ALT, ENTITY_SUFFIX_TOKEN as _SUFFIX_TOKEN
from docketgraph.graph.names import normal_case_caption as normal_case
from docketgraph.ingest.fields import chars, scan
from docketgraph.ingest.fields.courts import STATES
from docketgraph.ingest.fields.dockets import find_dockets
from docketgraph.ingest.fields.party_table import find_party_tables
from docketgraph.ingest.fields.platforms import load_gazetteer

HEAD = 4000

_ROLE_WORD = (r"(?:third[- ]party\s{1,3})?(?:(?:counter|cross)[- ]?)?(?:plaintiffs?|defendants?|petitioners?|respondents?"
              r"|appellants?|appellees?|intervenors?|movants?|claimants?|complainants?)(?:\(s\))?")
# "Plaintiff", "Plaintiffs-Appellants", "Plaintiff, Appellant", "Defendant/Third-Party Plaintiff",
# "Plaintiff-Counter-Defendant", "Defendants-Appellees-Cross-Appellants"
_ROLE_MORE = (r"(?:\s?[-,/\u2013]\s?(?:and\s)?(?:(?:cross|counter|third[- ]party)[- ]?)?"
              r"(?:appellants?|appellees?|petitioners?|respondents?|plaintiffs?|defendants?|claimants?|complainants?)){0,3}")
_LEFT_ROLE = re.compile(r"(?i)(?:^|[,\s])(?P<role>" + _ROLE_WORD + _ROLE_MORE + r")\s{0,3}[.,;]?$")
_RIGHT_ROLE = re.compile(r"(?i)(?:,|\s)\s{0,40}(?P<role>" + _ROLE_WORD + _ROLE_MORE + r")\s{0,3}(?:[.,;:]|\n|$)")
_RIGHT_ROLE_CAPS = re.compile(r"(?i)(?:,|\s)\s{0,3}(?P<role>" + _ROLE_WORD + _ROLE_MORE + r")(?=[ \t]{1,3}[A-Z]{2})")
_ROLE_LINE = re.compile(r"(?im)^[ \t]*(?P<role>" + _ROLE_WORD + _ROLE_MORE + r")[ \t]*[.,;]?[ \t]*$")
# "v." and its kin after whitespace or at the start: written to open with the class of their
# first characters ((?i)v, a match only v, V, a, A), outside the case-blind part
_SEP = scan.written_as(
    r"(?i)(?:(?<=\s)|^)(?:v\.|vs\.?|versus|-{1,2}\s?against(?:\s?-{1,2})?|against|-v\.?-|-v\b:?|v)(?=\s|$)"
    r"|-{1,2}against(?=[A-Z])",
    r"[vVaA-](?:(?:(?<=\s.)|(?<![\s\S]{2}))(?i:(?<=v)\.|(?<=v)s\.?|(?<=v)ersus|(?<=-)-?\s?against(?:\s?-{1,2})?"
    r"|(?<=a)gainst|(?<=-)v\.?-|(?<=-)v\b:?|(?<=v))(?=\s|$)|(?<=-)-?(?i:against)(?=(?i:[A-Z])))")
_DASHES = chars.Replacer({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})

# Right-column matter and rules masked out of the caption area (replaced by spaces).
_NOISE = [
    re.compile(r"(?i)(?:case|civil\s{1,3}action|docket|cause|c\.\s?a\.)?\s{0,3}(?:no|number)\.?\s{0,3}:?(?=\s{0,3}\d)"),
    re.compile(r"(?<![\w*])\*{1,3}|\*{1,3}(?![\w*])"),
    re.compile(r"(?i)\b(?:case|civil\s{1,3}action)\s{0,3}(?:no\.?|number)\s{0,3}:?"),
    re.compile(r"(?m)(?:(?:Magistrate|District|Chief)[ \t]{1,3})?Judge:?[ \t]{1,3}(?:Hon\.[ \t])?[A-Z][\w.'-]*(?:[ \t]{1,3}[A-Z][\w.'-]*){0,3}(?:[ \t]*\n[ \t]*[A-Z][A-Za-z'-]+[ \t]*$)?"),
    re.compile(r"\((?:Magistrate\s)?Judge\s[^()\n]{1,40}\)"),
    re.compile(r"\b(?:(?:MAGISTRATE|DISTRICT|CHIEF)\s{1,3})?JUDGE:?\s{1,3}[A-Z][A-Z'-]+(?:\s{1,3}[A-Z]\.)?\s{1,3}[A-Z][A-Z'-]+\b"),
    re.compile(r"(?i)\bHon(?:orable|\.)\s{1,3}(?![Tt]he\b|Individuals\b|Partnerships\b)[A-Z][a-z]+\.?(?:\s{1,3}[A-Z]\.)?(?:\s{1,3}(?!Individuals\b|Partnerships\b|The\b)[A-Z][a-z]+){1,2}"),
    re.compile(r"(?i)redacted by court order|filed under seal|\bD\.\s?C\.\s(?:Docket\s)?No\.?"),
    re.compile(r"(?m)^[ \t]*(?:[-X>N,_*]+)[ \t]*$"),
    re.compile(r"(?m)[ \t]-[ \t]*$"),
    re.compile(r"(?m)(?:(?<=\s)|^)\][ \t].*$"),  # "v. ]  Ann Roe, Judge." : the right column of a "]" rule
    re.compile(r"(?:(?<=\s)|^)[)\]§|:](?=\s|$)", re.M),
    re.compile(r"[§\ue000-\uf8ff]"),
    re.compile(r"(?m)(?:^|(?<=\s))(?:OPINION|ORDER|Opinion)[ \t]*$"),
    re.compile(r"\b\d?:?\d{2}-[a-z]{2}-[xX]{2,}\b"),
    re.compile(r"(?i)\bDocument\s{1,3}#?:?\s{0,2}\d+\s{1,3}Filed:?\s{1,3}\d{1,2}/\d{1,2}/\d{2,4}(?:\s{1,3}Page:?\s{1,3}\d+\s{1,3}of\s{1,3}\d+)?(?:\s{1,3}PageID\s{0,3}#?:?\s{0,2}\d+)?"),
    re.compile(r"(?i)\bcase:?(?=\s{3,})"),
    re.compile(r"(?:IN\s{1,3}THE\s{1,3})?UNITED\s{1,3}STATES\s{1,3}(?:DISTRICT|BANKRUPTCY)\s{1,3}COURT(?:\s{1,3}FOR\s{1,3}THE)?"),
    re.compile(r"(?:(?:FOR\s{1,3}THE\s{1,3})?(?:NORTHERN|SOUTHERN|EASTERN|WESTERN|MIDDLE|CENTRAL)\s{1,3})?DISTRICT\s{1,3}OF\s{1,3}(?:" + "|".join(s.upper().replace(" ", r"\s{1,3}") for s in sorted(STATES, key=len, reverse=True)) + r")\b(?:\s{1,3}[A-Z]{3,}\s{1,3}DIVISION)?"),
    re.compile(r"\b[A-Z]{3,}\s{1,3}DIVISION\b"),
    re.compile(r"(?i)\bCIVIL\b(?=\s{1,3}\d)"),
    re.compile(r"-{3,}\s?X?"),
]
# Each pattern above with the word every match of it holds (searched in the text, or in its
# ASCII lower case for an IGNORECASE pattern) and how far before that word a match can
# start: the pattern is tried only there (scan.py), with the same matches as rx.sub. An
# anchor longer than one character is written as its first character and a look-ahead, so
# that no occurrence hides another.
_NOISE_ANCHORS: dict[int, tuple[str, int | Callable[[str, int], int], bool]] = {
    0: (r"n(?=(?:o|umber)\.?\s{0,3}:?\s{0,3}\d)", 17, True),  # "civil   action   " before "no"
    1: (r"\*", 0, False),
    2: (r"c(?:ase|ivil)", 0, True),
    3: (r"Judge", 13, False),  # "Magistrate   "
    5: (r"JUDGE", 13, False),  # "MAGISTRATE   "
    6: (r"hon", 0, True),
    7: (r"r(?=edacted by court order)|f(?=iled under seal)|d(?=\.\s?c\.\s)", 0, True),
    10: (r"\]", 0, False),
    11: (r"[)\]\u00a7|:](?=\s|$)", 0, False),
    13: (r"O(?:PINION|RDER|pinion)", 0, False),
    14: (r"-(?=[a-z]{2}-[xX]{2})", 4, False),  # "1:23" before the "-cv-"
    15: (r"document", 0, True),
    16: (r"case", 0, True),
    17: (r"UNITED", 11, False),  # "IN   THE   "
    18: (r"DISTRICT", 23, False),  # "FOR   THE   NORTHERN   "
    19: (r"DIVISION", scan.word_before, False),  # "EASTERN  " before it
    20: (r"civil", 0, True),
}
_NOISE_BLANKERS = [scan.Blanker(rx, *_NOISE_ANCHORS[i]) if i in _NOISE_ANCHORS else scan.Blanker(rx)
                   for i, rx in enumerate(_NOISE)]
_HEADING_LINE = re.compile(
    r"(?i)court\b|district\s{1,3}of|division\b|circuit\b|^\s*(?:opinion|summary|precedential|published)\s*$"
    r"|^\s*\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\s*$|^\s*[A-Z][a-z]{2}\.? \d{1,2}, \d{4}\s*$|term,\s\d{4}|page\s\d|^\s*\d+\s*$"
    r"|argued|decided|filed|before\b|non-?precedential|unpublished|not\s{1,3}for\s{1,3}publication|smarter legal research|^\s*(?:no\.|case)\b|\sv\.\s"
)
_LABEL_PREFIX = re.compile(r"^(?:Parties(?=[A-Z])|Parties:?(?=\s)|Case\s{1,3}Name\b:?|Caption\s{0,2}:|R[Ee]\s{0,2}:|R[Ee](?=[ \t])"
                           r"|(?i:in\s{1,3}re|in\s{1,3}the\s{1,3}matter\s{1,3}of)\s{0,3}:?(?=\s{1,3}\S))\s{0,3}")
# "IN RE: ACME ... LITIGATION" above the parties of an MDL appeal is a title, not a party
_MATTER_TITLE = re.compile(r"(?is)^\s*in\s{1,3}re\b.{0,300}?\blitigation\s*\n")

_SUFFIX = re.compile(
    r"(?i)^(?:inc|incorporated|llc|l\.l\.c|llp|l\.l\.p|ltd|limited|co|corp|corporation|company|plc|p\.l\.c|pllc"
    r"|p\.l\.l\.c|lp|l\.p|n\.a|s\.a|s\.a\.s|ag|gmbh|b\.v|n\.v|pte\.?\s?ltd|jr|sr|ii|iii|iv|esq|p\.c|p\.a)\.?$"
)
_DESCRIPTOR = re.compile(
    r"(?i),\s{1,3}(?:\d{1,2}\s{1,8})?(?:individually|in\s(?:his|her|their|its)\s|as\s|an\sindividual|an?\s(?:[\w-]+\s){0,3}(?:corporation|company|partnership|entity|trust)\b|etc\b"
    r"|(?:acting\s)?(?:district\s)?director\b|secretary\b|attorney\sgeneral\b|administrator\b|commissioner\b"
    r"|governor\b|sheriff\b|warden\b|superintendent\b|chief\b|mayor\b|trustee\b|executor\b|president\b|officer\b"
    r"|sued\sas\b|et\sal\b|on\sbehalf\sof\b)"
)
_ET_AL = re.compile(r"(?i),?\s{0,3}\bet\.?\s{0,3}al\.?(?:,)?")
_DBA = re.compile(r"(?i)\s{0,3},?\s{0,3}\b(?:d/b/a|dba|a/k/a|aka|f/k/a|(?:also|formerly)\s{1,3}known\s{1,3}as|doing\s{1,3}business\s{1,3}as)\b.*$", re.S)
_BODY_STOP = {
    "products", "product", "online", "internet", "nos", "no", "number", "motion", "counsel", "design",
    "designs", "marks", "mark", "works", "store", "stores", "seller", "sellers", "aliases", "alias",
    "declaration", "brief", "complaint", "opposition", "reply", "response", "exhibit", "has", "is", "was",
    "and", "or", "in", "the", "that", "who", "which", "filed", "moves", "also", "may", "does", "did", "must",
    "shall", "will", "would", "could", "should", "can", "a", "an", "on", "to", "at", "of", "for", "with",
    "by", "as", "from", "but", "not", "its", "their", "his", "her", "here", "below", "above", "herein",
    "i", "ii", "iii", "pursuant", "s", "schedule", "identified", "merchant", "storefronts",
    "assets", "financial", "institutions", "information", "accounts", "account", "user", "users",
    "internet-based", "e-commerce", "application", "mark", "trademark", "trademarks", "copyright",
    "copyrights", "patent", "patents", "work", "defendant", "defendants", "plaintiff", "plaintiffs",
    "appellant", "appellants", "appellee", "appellees", "dkt", "ecf", "doc", "docs", "see", "id", "if", "are",
    "were", "be", "been", "being", "had", "have", "do", "so", "this", "these", "those", "each", "all", "any",
    "nor", "upon", "against", "because", "when", "whether", "opp", "mot", "memo", "resp",
    "domain", "brand", "brands", "goods", "listings", "listing", "websites", "website", "names", "ids",
    "characters", "character", "images", "photographs", "trade", "counterfeit", "infringing", "unknown",
    "class", "group", "counterclaim", "counterclaims", "cross", "exhibits", "entities", "individuals",
    "partnerships", "corporations", "seller", "aliases", "infringe", "infringes", "sells", "sell", "sold",
    "argue", "argues", "contend", "contends", "claim", "claims", "allege", "alleges", "state", "states",
    "move", "moved", "request", "requests", "seek", "seeks", "respond", "responds", "object", "objects",
    "oppose", "opposes", "submit", "submits", "then", "now", "thus", "therefore", "however",
    "meets", "meet", "satisfies", "lacks", "fails", "establishes", "demonstrates", "shows", "owns", "holds",
    "who", "whose", "whom", "what", "it", "they", "he", "she", "we", "you",
    "leadership", "steering", "executive", "liaison", "profile", "fact", "forms", "sheets", "co-lead", "lead",
    "buyer", "buyers", "seller", "manufacturer", "lender", "borrower", "landlord", "tenant", "employer",
    "employee", "insurer", "insured", "debtor", "debtors", "creditor", "creditors",
}


@dataclass(frozen=True)
class Caption:
    parties: tuple[PartyMention, ...] = ()
    caption: str | None = None
    schedule_a: bool = False


# ---------------------------------------------------------------- names


def _clean_name(raw: str) -> str:
    s = " ".join(raw.split())
    # a municipality is named by its legal name: "City of Springfield", not "The City of ..."
    s = re.sub(r"^(?i:the\s(?=(?:city|county|town|village|borough|township)\sof\s))", "", s)
    s = _ET_AL.sub("", s)
    s = s.translate(str.maketrans({"\u201c": '"', "\u201d": '"', "\u2019": "'", "\u2018": "'"}))
    s = re.sub(r"\s\d{1,2}$", "", s)  # footnote marker "NAPOLITANO, 1"
    s = s.strip(" ,;:-")
    if s.endswith(".") and not re.search(r"(?i)(?:\b(?:jr|sr|" + _SUFFIX_ALT + r")|\b[A-Z])\.$", s):
        s = s[:-1]
    return s.strip(" ,;:")


def _group_name(raw: str) -> str:
    s = _clean_name(raw)
    m = re.search(r"(?i),\s{0,3}the$", s)
    if m:
        s = "The " + s[: m.start()].strip()
    s = re.sub(r"(?i)\bunincorpo-\s?rated\b", "Unincorporated", s)
    if s.count('"') % 2:
        s = s.rstrip(",") + '"' if s.rstrip(",").endswith(("A", "B", "1")) else s
    s = re.sub(r"(?i)\bschedule\s?\"?\s?([A-Z0-9])\s?\"?,?", lambda m: m.group(0).rstrip(",").replace(' "', ' "').replace('" ', '"'), s)
    s = re.sub(r'\s?"\s?([A-Z0-9])\s?,?\s?"', r' "\1"', s)
    return normal_case(s).strip(" ,")


def doe_range(raw: str) -> str:
    """A Doe or Roe range as one party, written "Does 1-50" ("DOES 1 through 50", "Roes 1 – 100")."""
    raw = " ".join(_DASHES(raw).split())
    m = re.match(r"(?i)^(?P<lead>(?:john|jane)\s)?(?P<w>does?|roes?)\s(?P<a>\d+)\s?(?:-|through|to|thru)\s?(?P<b>\d+)$", raw)
    if not m:
        return raw
    return f"{(m.group('lead') or '').title()}{m.group('w').title()} {m.group('a')}-{m.group('b')}"


def _split_names(seg: str) -> list[tuple[str, int, int]]:
    """Split one side of a caption into names with offsets relative to ``seg``."""
    out: list[tuple[str, int, int]] = []
    # Groups and Doe ranges are single parties; cut them out first.
    taken: list[tuple[int, int]] = []
    for rx in (_GROUP, _DOES):
        for m in rx.finditer(seg):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append(m.span())
            name = _group_name(m.group(0)) if rx is _GROUP else doe_range(m.group(0))
            out.append((name, m.start(), m.end()))
    # The rest: split on ";" then on ", " / " and " between names.
    pos = 0
    pieces: list[tuple[int, int]] = []
    for a, b in sorted(taken) + [(len(seg), len(seg))]:
        if a > pos:
            pieces.append((pos, a))
        pos = max(pos, b)
    for a, b in pieces:
        chunk = seg[a:b]
        for m in re.finditer(r"[^;]+", chunk):
            part_start = a + m.start()
            part = m.group(0)
            part = _DBA.sub("", part)  # aliases are not parties
            d = _DESCRIPTOR.search(part)
            if d:
                part = part[: d.start()]
            for name, s, e in _split_list(part):
                out.append((name, part_start + s, part_start + e))
    out.sort(key=lambda x: x[1])
    return out


# an item of a comma list that only continues the name before it ("Acme, L.P.", "Beta, S.A.U.")
_ITEM_SUFFIX = re.compile(r"(?i)((?:co\.?,?\s?)?ltd\.?|inc\.?|incorporated|llc|l\.l\.c\.|corp\.?|co\.|limited|jr\.?|sr\.?"
                          r"|ii|iii|iv|llp|plc|pte\.?\s?ltd\.?|l\.p\.(?:a\.)?|s\.a\.(?:u\.|s\.)?|s\.p\.a\.|n\.a\.|n\.v\.|b\.v\."
                          r"|l\.l\.p\.|p\.c\.|p\.a\.|s\.r\.l\.|gmbh|ag|lp|spa|sarl)(?=\s|$|['\u2019]s\b)")
_DEGREE = re.compile(r"(?i)m\.\s?d\.?|ph\.\s?d\.?|d\.\s?o\.?|r\.\s?n\.?|d\.\s?d\.\s?s\.?|esq\.?|c\.p\.a\.?")
_NOT_NAMES = {"the", "and", "et al", "inclusive", "collectively", "respectively", "jointly", "severally",
              "individually", "each", "all", "others", "and others"}


def _split_list(part: str, split_and: bool = False) -> list[tuple[str, int, int]]:
    """ "A, B, C and D" -> names; "Co., Ltd." and "Jr." stay with their name.

    `` and `` separates names when ``split_and`` is set (body lists), in the last item of
    a comma list, or when both sides look like separate parties.
    """
    merged: list[list[int]] = []
    for m in re.finditer(r"[^,]*[^,\s][^,]*", part):
        s, e = m.start(), m.end()
        core = m.group(0).strip()
        sm = _ITEM_SUFFIX.match(core)
        if merged and re.match(r"(?i)of\s", core):
            merged[-1][1] = e  # "ACME, OF TEXAS": the item continues the name before it
            continue
        if merged and sm and (sm.end() == len(core) or _SUFFIX.match(sm.group(1).strip())):
            lead = m.group(0).index(core)
            merged[-1][1] = s + lead + sm.end()
            rest = core[sm.end():]
            if re.match(r"\s+(?:and|&)\s", rest) or (rest.strip() and not split_and):
                r0 = s + lead + sm.end()
                merged.append([r0, e])
            continue
        merged.append([s, e])
    out = []
    many = len(merged) >= 2
    for idx, (s, e) in enumerate(merged):
        sub = part[s:e]
        lead_and = re.match(r"\s*(?:and|&)\s", sub)
        if lead_and:
            s += lead_and.end()
            sub = part[s:e]
        do_split = split_and or (many and idx == len(merged) - 1) or _and_splits(sub)
        pieces = re.split(r"\s(?:and|AND)\s+(?=\S)", sub) if do_split else [sub]
        if do_split and (many and idx == len(merged) - 1) and not split_and:
            # "..., Yiwu Xiangxing Weiye Industry And Trade Co., Ltd." keeps its "And"
            pieces = re.split(r"\s(?:and)\s+(?=\S)", sub) if re.search(r"\sand\s", sub) else [sub]
        off = s
        for p in pieces:
            i = part.find(p, off)
            num = re.match(r"\s*\(?\d{1,3}[.)][ \t]{1,8}(?=\S)", p)
            if num:  # a numbered list item ("1. Shenzhen ... Co., Ltd.;")
                i += num.end()
                p = p[num.end():]
            name = _clean_name(p)
            if _DEGREE.fullmatch(name) or re.fullmatch(r"\d{1,2}", name):
                continue  # "Ann Roe, M.D."; a footnote marker ("ROE,1 Petitioners")
            if name and re.search(r"[A-Za-z0-9]", name) and name.lower() not in _NOT_NAMES:
                out.append((normal_case(name), i + (len(p) - len(p.lstrip())), i + len(p.rstrip())))
            off = i + len(p)
    return out


def _and_splits(s: str) -> bool:
    """Whether " and " in ``s`` separates two parties (not "Industry And Trade Co.")."""
    m = re.search(r"\s(?:and|AND)\s", s)
    if not m:
        return False
    left, right = s[: m.start()].strip(), s[m.end():].strip()
    if re.search(r"\sAnd\s", s) and not re.search(r"\s(?:and|AND)\s", s):
        return False
    if not left or not right:
        return False
    lw = left.split()
    # "Dammann & Co., Inc. and International Flavors" / "K2 Inc. and K-2 Corporation"
    if _ORGLIKE.search(lw[-1]) or re.search(r"(?i)\b(?:llc|inc\.?|ltd\.?|corporation|company)$", left):
        return True
    # two person names: "Awareness Avenue Jewelry LLC and Mikkel Guldberg Hansen"
    if re.fullmatch(r"[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){1,3}", right) and re.fullmatch(
            r"[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){1,4}", left) and len(lw) <= 4:
        return not re.search(r"(?i)\b(?:industry|trade|import|export|commercial|arts|crafts|services?|states|bureau|"
                             r"department|office|agency|administration|commission|county|city|board|university|bank|"
                             r"insurance|company|group|church|association|foundation|trust|fund|council|society|"
                             r"protection|security|immigration|citizenship|customs|border|health|care|center|centre|hospital|clinic|medical|"
                             r"school|college|institute|partners|management|systems|solutions|technologies)\b", left + " " + right)
    return False


# ---------------------------------------------------------------- caption search


_RULE_CHARS = ":)\\]\u00a7|>\u2502\u2503\u2510\u2518\u250c\u2514\u251c\u2524"
_COLUMN_RULE = re.compile(r"(?:(?<=\s\s)|(?<=\t)|^[ \t]*)[" + _RULE_CHARS + r"](?=[ \t]|$)", re.M)
_LINE_NUMBER = re.compile(r"(?m)^[ \t]{0,3}\d{1,2}(?:[ \t]{2,}|[ \t]*$)")
_RULE_LINE = re.compile(r"(?m)^[ \t]*(?:[-_=*]{3,}[ \t]*[xX/]?|[xX][-_=]{3,})[ \t]*$")


def _mask_columns(s: str) -> str:
    """Blank the right column of a two-column caption (everything after a ":", ")", "§" or
    box rule standing alone on its line), margin line numbers and ruled lines."""
    head_end = min(len(s), HEAD + 2000)
    head = s[:head_end]
    if len(_LINE_NUMBER.findall(head)) >= 8:
        head = _LINE_NUMBER.sub(lambda m: " " * len(m.group(0)), head)
    head = _RULE_LINE.sub(lambda m: " " * len(m.group(0)), head)
    # a caption ruled with ":" standing alone on several lines: " : " is the rule on every line
    colon_ruled = len(re.findall(r"(?m)^[ \t]*:[ \t]*$", head[:3000])) >= 3
    lines = head.split("\n")
    if colon_ruled:
        rows: Iterable[int] = range(len(lines))
    else:
        # only a line holding a rule character changes (a "|" opening it, or _COLUMN_RULE)
        breaks = [m.start() for m in _NEWLINE.finditer(head)]
        rows = sorted({bisect_right(breaks, m.start()) for m in _RULE_CHAR.finditer(head)})
    for r in rows:
        lines[r] = _mask_line(lines[r], colon_ruled)
    return "\n".join(lines) + s[head_end:]


_PIPE_OPENS = re.compile(r"[ \t]{0,3}\|")
_COLON_RULE = re.compile(r"(?<=\S)[ \t]:(?=[ \t]|$)")
_RULE_CHAR = re.compile("[" + _RULE_CHARS + "]")  # the class _COLUMN_RULE's rule opens with


def _mask_line(line: str, colon_ruled: bool) -> str:
    """One line of the caption area with its right column blanked (see ``_mask_columns``)."""
    md = _PIPE_OPENS.match(line)
    if colon_ruled and len(line) < 160:
        mc = _COLON_RULE.search(line)
        if mc:
            return line[: mc.start()] + " " * (len(line) - mc.start())
    if md and line.count("|") >= 2:
        cut = line.index("|", md.end())
        line = line[: md.end() - 1] + " " + line[md.end(): cut] + " " * (len(line) - cut)
    elif len(line) < 160:
        m = _COLUMN_RULE.search(line)
        if m:
            line = line[: m.start()] + " " * (len(line) - m.start())
    return line


def _mask(text: str) -> str:
    """The caption area with right-column matter and column rules blanked (same length)."""
    s = text if text.isascii() else _DASHES(text)
    s = _mask_columns(s)
    s = scan.blank_all(s, _NOISE_BLANKERS)
    # the docket numbers blanked: their spans in order, overlapping ones merged
    spans: list[tuple[int, int]] = []
    for a, b in sorted(h.span for h in find_dockets(text)):
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], b))
        elif a < b:
            spans.append((a, b))
    return scan.blank(s, spans)


def _roles(label: str) -> list[str]:
    words = re.findall(r"(?i)third[- ]party|(?:counter|cross)[- ]?(?:plaintiff|defendant|complainant|claimant)|plaintiff|defendant"
                       r"|petitioner|respondent|appellant|appellee|intervenor|movant|claimant|complainant", label)
    out: list[str] = []
    skip_next = False
    for i, w in enumerate(words):
        w = w.lower()
        if skip_next:
            skip_next = False
            continue
        if w.startswith("third"):
            # "Third-Party Defendant" is one role; a later "Third-Party Plaintiff" repeats a party
            if not out:
                out.append("third-party")
            skip_next = True
            continue
        if w.startswith(("counter", "cross")):
            continue
        w = {"claimant": "movant", "complainant": "plaintiff"}.get(w, w)
        trial = w not in ("appellant", "appellee")
        if trial and any(r not in ("appellant", "appellee") for r in out):
            continue  # one trial role per party: the first
        if not trial and any(r in ("appellant", "appellee") for r in out):
            continue  # cross-appeal designations keep the first appellate role
        out.append(w)
    return out or ["unknown"]


def _label_above_court(tail: str) -> re.Match | None:
    """ "ANN ROE,\nPLAINTIFF\nIN THE COURT OF COMMON\nPLEAS OF ...\nV." : the court's name from the
    right column printed between the plaintiff's label and "v."; the label closes the left side."""
    labels = list(_ROLE_LINE.finditer(tail, max(0, len(tail) - 400)))
    if not labels:
        return None
    rl = labels[-1]
    between = [ln for ln in tail[rl.end():].split("\n") if ln.strip()]
    if between and len(between) <= 5 and _HEADING_LINE.search(between[0]):
        return rl
    return None


def _left_block(masked: str, end: int) -> int:
    """Start of the names that end at ``end`` (lines back to a blank line or a heading)."""
    ls = masked.rfind("\n", 0, end) + 1
    line = masked[ls:end]
    if line.strip(" ,;\t"):
        # names on the label's own line ("Roadget Business Pte. Ltd., Plaintiff, v. ...");
        # a wide gap left by masked matter, or a label word, starts them
        start = ls
        gaps = [m.end() for m in re.finditer(r"[ \t]{3,}(?=\S)", line)]
        line_end = masked.find("\n", end)
        if (line_end if line_end >= 0 else len(masked)) - ls > 200:
            # a caption flattened into a long line: the names start after the last number
            # (case or index number) or sentence before them
            gaps += [m.end() for m in re.finditer(r"(?:^|\s)\S*\d{3,}\S*\s+|[a-z]{2,}[.:]\s+(?=[A-Z])", line)]
        if gaps:
            start = ls + max(gaps)
        stripped = masked[start:end]
        lead = len(stripped) - len(stripped.lstrip())
        m = _LABEL_PREFIX.match(stripped.lstrip())
        if m:
            start += lead + m.end()
        if start == ls:
            # a name continued from the line above ("DAMMANN & CO., INC. and\nINTERNATIONAL ...")
            le = ls - 1
            while le > 0:
                ps = masked.rfind("\n", 0, le) + 1
                prev = masked[ps:le]
                if prev.strip() and re.search(r"(?:,|\band|&)\s*$", prev) and not _HEADING_LINE.search(prev):
                    start = ps
                    le = ps - 1
                else:
                    break
        return start
    start = end
    seen = False
    le = ls - 1
    while le >= 0 and end - le < 700:
        ps = masked.rfind("\n", 0, le) + 1
        pline = masked[ps:le]
        if not pline.strip():
            if seen:
                break
        elif _HEADING_LINE.search(pline):
            break
        else:
            seen = True
            start = ps
        if ps == 0:
            break
        le = ps - 1
    return _skip_mixed_case_lead(masked, start, end)


def _skip_mixed_case_lead(masked: str, start: int, end: int) -> int:
    """Names printed in capitals ("ANN ROE,\nPLAINTIFF"): lines in mixed case above them (a site's
    menu, a running head) are not part of the names."""
    lines = masked[start:end].split("\n")
    bare = [re.sub(r"(?i)\b(?:[dafn]/[bk]/a|dba|aka|et\.?\s?al\.?|and|of|the)\b", "", ln) for ln in lines]
    caps = [bool(re.search(r"[A-Z]{2}", ln)) and not re.search(r"[a-z]", ln) for ln in bare]
    if len(lines) < 2 or not any(caps):
        return start
    for ln, b, is_caps in zip(lines, bare, caps):
        if is_caps or not ln.strip() or not re.search(r"[a-z]", b) or re.search(r"\b[A-Z]{2,}", b):
            break
        start += len(ln) + 1
    return start


def _right_block_unlabelled(masked: str, start: int) -> int:
    """End of the names after "v." when no role label follows (names up to a blank line)."""
    i = start
    seen = False
    while i < len(masked) and i - start < 600:
        le = masked.find("\n", i)
        le = len(masked) if le < 0 else le
        line = masked[i:le]
        if not line.strip():
            if seen:
                return i
        elif seen and _AFTER_CAPTION.match(line):
            return i  # "Appeal from the Order ...", "IN THE COURT OF ...", "BEFORE: ..."
        else:
            seen = True
        i = le + 1
    return min(i, len(masked))


# lines that follow a caption, never part of a name
_AFTER_CAPTION = re.compile(r"(?i)^\s*(?:(?:on\s{1,3})?appeal\s{1,3}from|in\s{1,3}re\b|before\b|memorandum\b|opinion\b)")


_SPILL = re.compile(r"[ \t-]*\n[ \t]*(?P<w>COMPANY|CORPORATION|INC\.|INCORPORATED|LLC|L\.L\.C\.|LTD\.|LIMITED|CO\.),[ \t]*\n")


@dataclass
class _Side:
    names: list[tuple[str, int, int]]
    roles: list[str]
    own: dict[int, list[str]] | None = None  # roles of names printed above an inner label

    def roles_of(self, i: int, roles: list[str]) -> list[str]:
        return (self.own or {}).get(i, roles)


def _right_role(masked: str, start: int) -> re.Match | None:
    """The role label closing the names after "v.": punctuated or at a line end, or a label in
    capitals followed by more capitals on a caption flattened into one line."""
    stop = min(len(masked), start + 1600)
    rm = _RIGHT_ROLE.search(masked, start, stop)
    for m in _RIGHT_ROLE_CAPS.finditer(masked, start, rm.start() + 1 if rm else stop):
        if m.group("role").isupper() and "\n" not in masked[m.start():m.end()]:
            return m if not rm or m.start() < rm.start() else rm
    return rm


def _cut_off(text: str, masked: str, start: int, role_at: int | None) -> bool:
    """Whether the names after "v." end before the role label found at ``role_at``: a rule line
    or a heading stands between them."""
    if role_at is None:
        return True  # no label follows at all (an excerpt cut off after the sellers)
    end = _right_block_unlabelled(masked, start)
    if role_at <= end + 40:
        return False
    gap = _DASHES(text[end:role_at])
    return bool(re.search(r"(?m)^[ \t]*(?:[-_=\u2500]{5,}|\(for\s{1,3}continuation)", gap, re.I)
                or any(_HEADING_LINE.search(g) for g in gap.split("\n") if g.strip()))


def _captions(text: str, masked: str) -> list[tuple[_Side, _Side, tuple[int, int]]]:
    found = []
    last_end = 0
    for sep in _SEP.finditer(masked, 0, min(len(masked), HEAD)):
        if sep.start() < last_end:
            continue
        tail = masked[max(0, sep.start() - 240):sep.start()]
        tail = re.sub(r"[\s(\[-]+$", "", tail)  # "Plaintiff,\n- v. -"
        lm = _LEFT_ROLE.search(tail)
        if not lm:
            lm = _label_above_court(tail)
        sep_alone = not masked[masked.rfind("\n", 0, sep.start()) + 1:sep.start()].strip() and \
            not masked[sep.end():(masked.find("\n", sep.end()) + 1 or len(masked))].strip()
        if sep.group(0).lower() in ("against", "v") and not sep_alone:
            continue  # bare "against" / "v" only as a caption line of their own
        if lm:
            l_end = max(0, sep.start() - 240) + lm.start("role")
            lroles = _roles(lm.group("role"))
        elif sep_alone:
            l_end = masked.rfind("\n", 0, sep.start())
            while l_end > 0 and not masked[masked.rfind("\n", 0, l_end) + 1:l_end].strip():
                l_end = masked.rfind("\n", 0, l_end)
            lroles = ["plaintiff"]
        else:
            continue
        l_start = _left_block(masked, l_end)
        title = _MATTER_TITLE.match(masked, l_start, l_end)
        if title:
            l_start = title.end()
        left = masked[l_start:l_end]
        if not left.strip() or len(left) > 700:
            continue
        rm = _right_role(masked, sep.end())
        if lm and _cut_off(text, masked, sep.end(), rm.start() if rm else None):
            # the right side ends (a rule, a heading) before any role label: a caption cut off
            # or continued elsewhere; the names after "v." are defendants
            r_end = _right_block_unlabelled(masked, sep.end())
            rroles = ["defendant"]
            end = r_end
        elif rm and lm:
            r_end = rm.start()
            rroles = _roles(rm.group("role"))
            end = rm.end()
        elif sep_alone:
            # no role labels (consolidated appellate captions): names up to a blank line
            r_end = _right_block_unlabelled(masked, sep.end())
            rroles = ["defendant"]
            end = r_end
            if rm and rm.start() <= r_end + 40:
                r_end, rroles, end = rm.start(), _roles(rm.group("role")), rm.end()
        else:
            continue
        right = masked[sep.end():r_end]
        if not right.strip():
            # "ACME LTD,\nPlaintiff,\nv.\nDefendants." (the defendants on a schedule): the
            # plaintiff's side still stands, and a site's page title does not replace it
            if lm and not found:
                lonly = [(n, l_start + a, l_start + b) for n, a, b in _split_names(left)]
                if lonly:
                    found.append((_Side(lonly, lroles), _Side([], rroles), (l_start, rm.end() if rm else r_end)))
                    last_end = found[-1][2][1]
            continue
        # pdftotext sometimes prints the end of the last name after the role label
        # ("RELIANCE STANDARD LIFE INSURANCE\n  Defendant-Appellee.\n COMPANY,")
        spill = _SPILL.match(masked, end)
        spill_word = spill.group("w") if spill else None
        lnames, own = [], {}
        pos = 0
        # "ACME LTD.,\nPlaintiff-Appellant,\nBETA,\nPlaintiff,\nv." : each group keeps its own label
        for rl in list(_ROLE_LINE.finditer(left)) + [None]:
            seg_end = rl.start() if rl else len(left)
            for n, a, b in _split_names(left[pos:seg_end]):
                if rl:
                    own[len(lnames)] = _roles(rl.group("role"))
                lnames.append((n, l_start + pos + a, l_start + pos + b))
            if rl:
                pos = rl.end()
        rnames = [(n, sep.end() + a, sep.end() + b) for n, a, b in _split_names(right)]
        if spill_word and rnames:
            n, a, b = rnames[-1]
            rnames[-1] = (f"{n} {normal_case(spill_word)}", a, spill.end("w"))
        if not lnames or not rnames:
            continue
        found.append((_Side(lnames, lroles, own), _Side(rnames, rroles), (l_start, end)))
        last_end = end
        # a second caption printed right after the first (consolidated cases) is read too
    return found


_TITLE = re.compile(
    r"(?m)^(?:(?:Re|RE|Case\s{1,3}Name)\s{0,3}:?\s{0,3}[*_]*\s{0,3})?(?P<l>[^\n]{2,200}?)\s{1,3}v\.?\s{1,3}"
    r"(?P<r>[^\n]{2,200}?)[*_]*\s*$"
)


_OTHER_CASE = re.compile(r"(?i)^\s*(?:summary\s(?:of\sthis\scase\s)?from|cited\s(?:by|in)|citing|see\salso|compare)\b")


def _title_caption(text: str) -> list[tuple[_Side, _Side, tuple[int, int]]]:
    """ "Re: X v. Y", "Case Name: X v. Y" (possibly wrapped), or a first-line page title."""
    for m in re.finditer(r"(?i)(?:\bre|case\s{1,3}name)\s{0,3}:[\s*_]{0,8}", text[:HEAD]):
        seg_end = text.find("\n\n", m.end())
        seg_end = min(seg_end if seg_end > 0 else len(text), m.end() + 300)
        seg = text[m.end():seg_end]
        line = seg.split("\n")
        joined = " ".join(x.strip(" *_") for x in line if x.strip(" *_"))
        vm = re.search(r"\sv\.?\s", joined)
        if not vm:
            continue
        return [_title_sides(text, m.end(), joined[: vm.start()], joined[vm.end():])]
    # a page title: one of the first lines, "X v. Y" and nothing else
    off = 0
    for line in text[:1500].split("\n")[:8]:
        vm = re.search(r"\sv\.\s|\svs\.?\s", line)
        if _OTHER_CASE.match(line):
            vm = None  # a line about another case ("Summary of this case from X v. Y", "Cited by X v. Y")
        if vm and len(line) < 300 and not re.search(r"[.;:]\s(?!v\.?\s)[a-z]", line) \
                and not re.search(r"\b(?!al\b)[a-z]{3,}\.\s*$", line):
            return [_title_sides(text, off, line[: vm.start()], line[vm.end():])]
        off += len(line) + 1
    return []


def _title_sides(text: str, base: int, left: str, right: str):
    right = re.split(r",\s{0,3}(?:No\.|Case|Civil|\d)|\s-\s|\s\(|\s(?:\d:)?\d{2}-[a-z]{2}-\d", right)[0]
    right = right.strip(" *_")
    left = left.strip(" *_")
    ln = [(normal_case(_clean_name(n)), *_find(text, base, n)) for n, _, _ in _split_list(left)]
    rn = [(n, *_find(text, base, n)) for n, _, _ in _split_names(right)]
    ln = [x for x in ln if x[0]]
    return (_Side(ln, ["plaintiff"]), _Side(rn, ["defendant"]), (base, base))


_SMALL_CAPS_WORDS = scan.written_as(
    r"\b(?:F OR|T HE|C IRCUIT|A RGUED|D ECIDED|A PPEAL|S ECOND|P ER|C URIAM|A FFIRMED)\b",
    r"(?:F(?<!\wF) OR|T(?<!\wT) HE|C(?<!\wC) IRCUIT|A(?<!\wA) RGUED|D(?<!\wD) ECIDED|A(?<!\wA) PPEAL"
    r"|S(?<!\wS) ECOND|P(?<!\wP) ER|C(?<!\wC) URIAM|A(?<!\wA) FFIRMED)\b")


def _unspace_small_caps(text: str) -> str:
    """Join letter-spaced small caps ("JULIAN L OPEZ" -> "JULIAN LOPEZ") in documents printed so.

    Only when the document shows the pattern in its headings; one space is removed per
    join, so later offsets shift: the replacement keeps the length by moving the space
    to the end of the word.
    """
    if len(_SMALL_CAPS_WORDS.findall(text[:HEAD])) < 2:
        return text
    return re.sub(r"\b([A-Z]) ([A-Z]{2,})\b", lambda m: m.group(1) + m.group(2) + " ", text)


def _find(text: str, base: int, name: str, reach: int = 2000) -> tuple[int, int]:
    """Span of ``name`` at or after ``base`` (within ``reach`` characters)."""
    window = text[base:base + reach + len(name)]
    i = window.find(name)
    if i < 0:
        i = window.lower().find(name.lower())
    return (base + i, base + i + len(name)) if i >= 0 else (base, base)


def _span_from(text: str, start: int, name: str) -> tuple[int, int]:
    """Span of ``name`` printed at ``start``, however the text wraps it ("Luis\n    Lopez")."""
    if text.startswith(name, start):
        return (start, start + len(name))
    m = re.compile(r"\s+".join(map(re.escape, name.split()))).match(text, start)
    return m.span() if m else (start, start + len(name))


# ---------------------------------------------------------------- glossaries and body


_GLOSSARY_ROW = re.compile(
    r"(?m)^[ \t]*(?P<label>(?:Plaintiffs?|Defendants)(?:\s(?:or|and)\s[^\n]{1,60})?)[ \t]*\n[ \t]*(?P<value>[^\n]{2,6000})$"
)


_GLOSSARY_COLS = re.compile(
    r"(?m)^(?P<lead>[ \t]*)(?P<label>(?:Plaintiffs?|Defendants)(?:\s(?:or|and)\s[^\n]{1,40}?)?)[ \t]{2,}(?P<value>\S[^\n]{1,300})$"
)


def _glossary_columns(text: str) -> list[tuple[str, str, Span]]:
    """A glossary printed as two columns ("Defendants      AllureShop, ...\n      wrapped")."""
    out = []
    for m in _GLOSSARY_COLS.finditer(text):
        col = m.start("value") - (text.rfind("\n", 0, m.start()) + 1)
        role = "plaintiff" if m.group("label").lower().startswith("plaintiff") else "defendant"
        parts = [(m.group("value"), m.start("value"))]
        pos = m.end() + 1
        while pos < len(text):
            le = text.find("\n", pos)
            le = len(text) if le < 0 else le
            line = text[pos:le]
            left, right = line[:col], line[col:]
            if not line.strip() or (left.strip() and right.strip()):
                break
            if right.strip():
                parts.append((right, pos + col))
            pos = le + 1
        value = " ".join(p for p, _ in parts)
        starts = parts[0][1]
        for name, s, e in _split_glossary(value):
            raw0 = name.split()[0] if name.split() else name
            i = text.find(raw0, starts, starts + 8000)
            out.append((name, role, (i, i + len(name)) if i >= 0 else (starts, starts)))
    return out


_TABLE_NAME_HEADER = re.compile(r"(?i)\b(?:defendants?(?:\s(?:name|store|seller))?|seller(?:\s(?:alias|name|id))?|store(?:\sname)?"
                                r"|merchant\sname|alias(?:es)?)\b")
_TABLE_NOT_NAME = re.compile(r"(?i)^\s*(?:def(?:endant)?\.?\s?(?:no\.?|#)|no\.?|#|def\.)\s*$")


def _cells(line: str) -> list[tuple[int, str]]:
    if "|" in line:
        out, pos = [], 0
        for part in line.split("|"):
            if part.strip():
                out.append((pos + len(part) - len(part.lstrip()), part.strip()))
            pos += len(part) + 1
        return out
    return [(m.start(), m.group(0).strip()) for m in re.finditer(r"\S+(?:[ \t]\S+)*", line)]


_TABLE_WORDS = ("defendant", "seller", "store", "merchant", "alias")


def _table_header_lines(text: str) -> list[int] | None:
    """The lines of ``text`` (split at "\\n") holding one of _TABLE_WORDS in any case, in
    order; None for a text holding a character IGNORECASE folds to an ASCII letter.

    A table's header row has a cell in which _TABLE_NAME_HEADER finds a match, and every
    match opens with one of the words. A cell is a stretch of its line with whitespace,
    a "|" or the line's edge around it, so the match is one in the line: a line without
    any of the words heads no table. The words are found in the ASCII lower case of the
    text (same offsets) with plain string searches."""
    if scan.folds_to_ascii(text):
        return None
    low = chars.ascii_lower(text)
    found = set()
    for w in _TABLE_WORDS:
        i = low.find(w)
        while i >= 0:
            found.add(i)
            i = low.find(w, i + 1)
    if not found:
        return []
    breaks = [m.start() for m in _NEWLINE.finditer(text)]
    return sorted({bisect_right(breaks, i) for i in found})


_NEWLINE = re.compile("\n")


def _defendant_table(text: str, header_lines: list[int] | None = None) -> list[tuple[str, str, Span]]:
    """Rows of a defendant table ("Def.  Defendant / Seller ID   Marketplace ..."): each
    entry of the name column is a defendant. ``header_lines``: the lines that may head
    such a table, in order (``_table_header_lines``); every line when None."""
    out: list[tuple[str, str, Span]] = []
    lines = text.split("\n")
    offs = []
    pos = 0
    for ln in lines:
        offs.append(pos)
        pos += len(ln) + 1
    i = 0
    k = 0
    while i < len(lines):
        if header_lines is not None:
            # a line that cannot head a table is passed over as the test below passes it
            while k < len(header_lines) and header_lines[k] < i:
                k += 1
            if k == len(header_lines):
                break
            i = header_lines[k]
        line = lines[i]
        cells = _cells(line)
        if len(cells) < 2 or len(line) > 200 or any(len(t) > 40 or len(t.split()) > 5 for _, t in cells):
            i += 1  # a header row has short cells; prose set in two-space sentences does not
            continue
        name_col = next((c for c, t in cells if _TABLE_NAME_HEADER.search(t) and not _TABLE_NOT_NAME.match(t)), None)
        if name_col is None or not any(re.search(r"(?i)marketplace|platform|merchant|url|id\b|no\.|#|def\.", t)
                                       for c, t in cells if c != name_col):
            i += 1
            continue
        j = i + 1
        if j < len(lines) and re.fullmatch(r"[\s|:+-]*-{3,}[\s|:+-]*", lines[j]):
            j += 1
        rows = 0
        while j < len(lines) and lines[j].strip() and rows < 5000:
            row = _cells(lines[j])
            if len(row) < 2:
                break
            c, t = min(row, key=lambda ct: abs(ct[0] - name_col))
            if abs(c - name_col) <= 4 and t and not re.fullmatch(r"[-\d.]+", t):
                s = offs[j] + lines[j].find(t, c)
                out.append((t, "defendant", (s, s + len(t))))
                rows += 1
            j += 1
        i = j if rows else i + 1
    return out


_CASE_ROW = re.compile(
    r"(?m)^[ \t]*(?P<l>[A-Z][^\n]{1,80}?)[ \t]v\.[ \t](?P<r>[A-Z][^\n]{0,80}?[^,\s])[ \t]{1,4}(?:\d:)?\d{2}-[a-z]{2}-\d{3,5}\b")


def _case_list(text: str) -> list[tuple[str, str, Span]]:
    """A table of member cases ("Case Caption   Case Number ..." rows "Ann Roe v. Acme, Inc. 2:15-cv-01234"):
    three or more rows make a list; each row's names are a plaintiff and a defendant."""
    rows = list(_CASE_ROW.finditer(text))
    if len(rows) < 3:
        return []
    out = []
    for m in rows:
        for key, role in (("l", "plaintiff"), ("r", "defendant")):
            name = normal_case(_clean_name(m.group(key)))
            if name and not re.search(r"(?i)\bin\sre\b", name):
                out.append((name, role, m.span(key)))
    return out


# "The Debtors in these chapter 11 cases, along with the last four digits of each Debtor's federal
# tax identification number, are: Acme, Inc. (1234), Beta LLC (5678), and Gamma (UK) Limited (None)."
_DEBTOR_LIST = re.compile(r"(?is)\bthe\s{1,3}debtors\s{1,3}in\s{1,3}these\s{1,3}(?:chapter\s{1,3}\d{1,2}\s{1,3})?cases\b"
                          r"[^:]{0,300}?\bare:\s*(?P<list>[^:]{1,2000}?\(\s?(?:\d{4}|none|n/a)\s?\))\.")
_DEBTOR_ITEM = re.compile(r"(?i)(?:^|,\s{0,3}(?:and\s{1,3})?)\s*(?P<n>[A-Z0-9][^,()]{0,80}?(?:,\s{0,3}(?:" + _SUFFIX_ALT
                          + r")\.?)?(?:\s\([A-Z]{2,4}\)[^,()]{0,40})?)\s{0,3}\(\s?(?:\d{4}|none|n/a)\s?\)")


def _debtors(text: str) -> list[tuple[str, str, Span]]:
    """The debtors of a chapter 11 filing, listed in its first footnote; when the debtors bring
    the motion they are its movants (the schema has no debtor role, so only then)."""
    if not re.search(r"(?i)\bmotion\s{1,3}of\s{1,3}(?:the\s{1,3})?debtors\b|\bdebtors[\u2019']\s{1,3}(?:\w+\s{1,3})?motion\b",
                     text[:HEAD]):
        return []
    out = []
    for m in _DEBTOR_LIST.finditer(text, 0, min(len(text), HEAD * 3)):
        base = m.start("list")
        listed = re.sub(r"\b(In|Lt|Co|Ll)\s(c|d|rp|c)\.", lambda x: x.group(1) + x.group(2) + ". ", m.group("list"))  # "In c."
        for it in _DEBTOR_ITEM.finditer(listed):
            name = _clean_name(it.group("n"))
            if name:
                out.append((name, "movant", (base + it.start("n"), base + it.end("n"))))
    return out


def _glossary(text: str) -> list[tuple[str, str, Span]]:
    out = []
    if not re.search(r"(?m)^\s*(?:GLOSSARY|Term)\b", text[:HEAD]):
        return out
    if re.search(r"(?m)^\s*Term[ \t]{2,}Definition\s*$", text[:HEAD]):
        return _glossary_columns(text)
    for m in _GLOSSARY_ROW.finditer(text):
        label = m.group("label")
        role = "plaintiff" if label.lower().startswith("plaintiff") else "defendant"
        value = m.group("value")
        base = m.start("value")
        for name, s, e in _split_glossary(value):
            out.append((name, role, (base + s, base + e)))
    return out


def _split_glossary(value: str) -> list[tuple[str, int, int]]:
    out = []
    parts = _split_list(value)
    for name, s, e in parts:
        raw = value[s:e]
        aka = re.search(r"(?i)\s(?:a/k/a|aka)\s(.+)$", raw)
        if aka:
            before = raw[: aka.start()]
            if re.search(r"[^\x00-\u024f]", before) or not before.strip():
                s2 = s + aka.start(1)
                out.append((_clean_name(aka.group(1)), s2, e))
            else:
                out.append((_clean_name(before), s, s + len(before)))
            continue
        out.append((name, s, e))
    return out


_TOK = r"(?:[A-Z0-9][\w.'&/-]*|[a-z]+\d[\w-]*)"
_NAME = (_TOK + r"(?:,?(?:[ \t]|[ \t]?\n[ \t]{0,16})(?:[A-Z0-9&][\w.'&/-]*|\([A-Z][A-Z.]{0,8}\)|(?:of|de|du)(?=[ \t][A-Z])))"
         r"{0,14}(?:,[ \t](?:Inc\.|LLC|L\.L\.C\.|Ltd\.?|Co\.,[ \t]Ltd\.?|Corp\.|Jr\.|LLP))?")
_PAREN = r"(?:[ \t]?\([^()\n]{1,80}\))?"
# "Plaintiffs-appellants", "Plaintiff/Cross-Defendant": the first trial role and the appellate role
_BODY_MORE = (r"(?:[-/\u2013](?:[Cc]ross-|[Cc]ounter-)?(?:[Aa]ppellants?|[Aa]ppellees?|[Dd]efendants?|[Pp]laintiffs?"
              r"|[Rr]espondents?|[Pp]etitioners?|[Cc]omplainants?)){0,2}")
_ROLE_BODY = (r"(?P<role>\b(?:[Tt]hird[- ][Pp]arty[ \t](?:[Ss]ervice[ \t][Pp]roviders?|[Dd]efendants?)"
              r"|(?<![Tt]he[ \t])(?<![Aa][ \t])(?<![Aa]ll[ \t])(?<![-/])[Pp]laintiffs?" + _BODY_MORE +
              r"|(?<![Tt]he[ \t])(?<![Aa][ \t])(?<![Aa]ll[ \t])(?<![-/])[Dd]efendants?" + _BODY_MORE +
              r"|(?<![Tt]he[ \t])(?<![Aa][ \t])(?<![-/])[Aa]ppell(?:ant|ee)s?(?![-/\u2019'])"
              r"|(?:(?<=BY[ \t])|(?<=AND[ \t])|(?<=OF[ \t])|(?<=TO[ \t])|(?<=FOR[ \t]))(?:PLAINTIFFS?|DEFENDANTS?)"
              r"|[Ii]ntervenors?|[Pp]etitioner" + _BODY_MORE + r"|[Rr]espondent" + _BODY_MORE + r"))")
_BODY = re.compile(
    _ROLE_BODY + r"(?P<sep>,?[ \t]{1,3})"
    r"(?P<names>" + _NAME + _PAREN + r"(?:(?:,[ \t]|,?[ \t]and(?:[ \t]the(?=[ \t][A-Z]))?(?:[ \t]|\n[ \t]{0,16}))" + _NAME + _PAREN + r"){0,6})"
)
# "The Plaintiff, EZSHOOT LLC, moves"
_APPOSITIVE = re.compile(r"\b[Tt]he[ \t](?P<role>[Pp]laintiffs?|[Dd]efendants?),[ \t](?P<names>" + _NAME + r"),")
# "the defendants named here-amazing5c, dreamhouse2020, and salonmarket2020 (hereinafter ...)";
# "The seven replying defendants are: X (...); Y (...); and Z (...)"
_LISTED = re.compile(
    r"(?P<role>\b(?:[Pp]laintiffs|[Dd]efendants))[ \t](?:named[ \t]here|listed[ \t]below|identified[ \t]below|are|include)"
    r"[ \t]?[-:\u2014][ \t]?(?P<names>[^\n][\s\S]{1,1200}?)(?:[ \t]?\((?:hereinafter|collectively|together)|\.(?:\s*\n|\s+[A-Z][a-z]+\s+[a-z])|\(\s?[\"\u201c]the)"
)
# "Defendants Guangzhou Deyi Clothing Co., Ltd. d/b/a D Yi; Wan Hualin, an individual, d/b/a Hbili; ..."
_SEMI_LIST = re.compile(
    r"(?P<role>\b(?:[Pp]laintiffs|[Dd]efendants))[ \t](?P<names>[A-Z][^;()\n]{1,120}(?:;[ \t](?:and[ \t])?[A-Z][^;()\n]{1,120}){1,40})"
)
_COUNSEL_FOR = re.compile(
    r"(?i)counsel\s{1,3}for\s{1,3}(?P<role>(?:third\s?-?party\s)?(?:appellants?|appellees?|plaintiffs?|defendants?)),"
    r"\s{1,8}(?P<names>(?-i:" + _NAME + r")(?:(?:,[ \t]|,?[ \t]and[ \t])(?-i:" + _NAME + r")){0,3})"
)
_SUFFIX_END = re.compile(r"(?i)^(\S.*?\s(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Co\.,\sLtd|LLP|GmbH|Pte\.\sLtd|S\.A|N\.A)\.?)(?=\s|$)")


def _body_roles(label: str) -> list[str]:
    """Roles of a body label: "Plaintiffs-appellants" gives both; "Plaintiff/Cross-Defendant" the first."""
    if label.lower().startswith("third"):
        return ["third-party"]
    return [r for r in _roles(label) if r != "unknown"]


_NUMBERED_DEFENDANTS = re.compile(
    r"\b[Dd]efendants?\s(?:Nos?\.|[Nn]umbers?|#)\s?\d{1,4}\s?\([^()\n]{1,80}\)"
    r"(?:,?\s(?:and\s)?\d{1,4}\s?\([^()\n]{1,80}\)){0,200}")
_QUOTED_NAMES = re.compile(
    r"(?P<role>\b(?<![Tt]he\s)(?:[Dd]efendants?|[Pp]laintiffs?))\s(?P<names>[\"\u201c][^\"\u201c\u201d\n]{1,80}[\"\u201d]"
    r"(?:,?\s(?:and\s|or\s)?[\"\u201c][^\"\u201c\u201d\n]{1,80}[\"\u201d]){0,100})")
_PRO_SE = re.compile(r"(?:^|(?<=\.\s))(?P<n>[A-Za-z0-9][\w.&'-]*(?:\s[A-Z0-9][\w.&'-]*){0,5}),\s(?:appearing\s)?pro\sse\.", re.M)


_NO_ITEM = (r"(?P<n>[A-Z0-9][\w.&'-]*(?:[ \t\n]{1,3}[A-Z0-9&][\w.&'-]*){0,6})\s\((?:Def(?:endant)?\.?\s)?"
            r"No\.\s?\d{1,5}\)")
_NO_DEFENDANTS = re.compile(r"\b[Dd]efendants?\s{0,3}(?:--|\u2014|\u2013|:|,)?\s{0,3}" + _NO_ITEM.replace("?P<n>", "?:")
                            + r"(?:,?\s{1,3}(?:and\s{1,3})?" + _NO_ITEM.replace("?P<n>", "?:") + r"){0,50}")
_COMPLAINT_AGAINST = re.compile(
    r"(?P<what>\b(?:[Cc]ross-|[Tt]hird-[Pp]arty\s)?[Cc]omplaint),?\s(?:asserting\s(?:causes\sof\saction|claims)\s)?against\s"
    r"(?P<names>" + _TOK + r"(?:[ \t](?:[A-Z0-9][\w.'&/-]*))*(?:(?:,[ \t]|,?[ \t]and[ \t])" + _TOK
    + r"(?:[ \t](?:[A-Z0-9][\w.'&/-]*))*){0,20})")


# The body's patterns tried only at their role words (scan.Near: searched in the ASCII
# lower case, so "Plaintiff", "plaintiff" and "PLAINTIFF" are all found), with how far
# before the word a match starts: the same matches as finditer over the whole text.
_ROLE_WORDS = r"plaintiff|defendant"
_LISTED_NEAR = scan.Near(_LISTED, r"plaintiffs|defendants", 0, lower=True)
_SEMI_LIST_NEAR = scan.Near(_SEMI_LIST, r"plaintiffs|defendants", 0, lower=True)
_BODY_NEAR = scan.Near(_BODY, r"third|plaintiff|defendant|appell|intervenor|petitioner|respondent", 0, lower=True)
_APPOSITIVE_NEAR = scan.Near(_APPOSITIVE, _ROLE_WORDS, 4, lower=True)  # "the " before it
_NO_DEFENDANTS_NEAR = scan.Near(_NO_DEFENDANTS, r"defendant", 0, lower=True)
_COMPLAINT_AGAINST_NEAR = scan.Near(_COMPLAINT_AGAINST, r"complaint", 12, lower=True)  # "Third-Party "
_NUMBERED_DEFENDANTS_NEAR = scan.Near(_NUMBERED_DEFENDANTS, r"defendant", 0, lower=True)
_QUOTED_NAMES_NEAR = scan.Near(_QUOTED_NAMES, _ROLE_WORDS, 0, lower=True)
_PRO_SE_NEAR = scan.Near(_PRO_SE, r"pro\sse\.", None)  # a name of up to six words before it


def _role_of(word: str) -> str:
    w = word.lower()
    return ("third-party" if w.startswith("third") else
            "plaintiff" if w.startswith("plaintiff") else
            "defendant" if w.startswith("defendant") else
            "intervenor" if w.startswith("intervenor") else
            "petitioner" if w.startswith("petitioner") else "respondent")


def _good_body_name(name: str, role: str = "") -> bool:
    toks = name.split()
    if not toks or len(name) < 2 or name.isdigit():
        return False
    first = toks[0].lower().strip(".,'\u2019")
    company = bool(re.search(r"(?i)[\s,](?:" + _SUFFIX_ALT + r")\.?$", name))
    if first == "the" and company and len(toks) >= 3:
        first = toks[1].lower().strip(".,'\u2019")  # "Plaintiff The Acme Apparel Corp."
    # "Defendant Amazon seller accounts" names no party; "Plaintiffs Amazon.com, Inc." does
    return first not in _BODY_STOP and name.lower() not in _BODY_STOP and (
        role not in ("plaintiff", "defendant") or company or first not in _platform_words())


@lru_cache(maxsize=1)
def _platform_words() -> frozenset[str]:
    """One-word marketplace and payment brands ("Defendant AliExpress seller accounts" names no party)."""

    return frozenset(f.lower() for p in load_gazetteer() for f in (p.name, *p.aliases) if " " not in f)


_OUTLINE_PREFIX = re.compile(r"[ \t]*(?:[A-Z]|[IVXL]{1,6}|[ivxl]{1,6}|\d{1,2}(?:\.\d{1,2})?)[.)][ \t]{1,8}")
_DOT_LEADER = re.compile(r"(?:\.[ \t]?){4,}|\u2026{2,}|_{4,}[ \t]*\d")
_CAP_WORD = re.compile(r"[A-Z0-9][^\s]*|(?:of|on|in|for|and|the|to|a|an|at|by|as|under|with)$")


def _heading_at(text: str, pos: int) -> bool:
    """Whether ``pos`` sits in a heading or a table-of-contents line ("B. Plaintiff Meets the
    Standard", "Plaintiff Deserves Relief ........ 3"): headings state arguments, not parties."""
    lo = max(0, pos - 200)
    ls = text.rfind("\n", lo, pos) + 1
    if ls == 0 and lo > 0:
        return False  # a long line is prose, not a heading
    le = text.find("\n", pos, pos + 400)
    if le < 0:
        if len(text) - pos > 400:
            return False
        le = len(text)
    line = text[ls:le]
    if _OUTLINE_PREFIX.fullmatch(text[ls:pos]) or _DOT_LEADER.search(line):
        return True
    words = line.split()
    if text[ls:pos].strip() or len(words) < 3 or len(line) > 120 or line.rstrip()[-1:] in ".,;:":
        return False
    if not all(_CAP_WORD.match(w) for w in words):
        return False
    before = text[max(0, ls - 2): ls]
    after = text[le: le + 2]
    return (ls == 0 or before == "\n\n" or before.endswith("\n") and ls < 2) and (le == len(text) or after.startswith("\n\n") or after == "\n")


_ABBR_TOKEN = re.compile(r"(?i)^(?:[a-z]\.|[a-z]\.[a-z]\.(?:[a-z]\.)*|(?:" + _SUFFIX_ALT + r")\.|jr\.|sr\.|bros\.|intl\.|mfg\.|ins\.|mktg\.|assn\.|natl\.|no\.|st\.|mt\.)$")


def _tidy_body_name(name: str) -> str:
    name = " ".join(name.split())
    name = re.split(r"(?<=[a-z]{3})\.(?=[A-Z][a-z])", name)[0]  # "Ann Roe.Pursuant to ...": a sentence glued on
    name = re.split(r"['\u2019]s\b|(?<=s)['\u2019](?=\s|$)", name)[0]
    toks = name.split(" ")
    for i, t in enumerate(toks[:-1]):
        if t.endswith(".") and not _ABBR_TOKEN.match(t):
            name = " ".join(toks[: i + 1])[:-1]  # a sentence ends here
            break
    m = _SUFFIX_END.match(name)
    if m:
        name = m.group(1)
    return name.strip(" ,;")


def _body_parties(text: str, raw: str | None = None, captioned: bool = True) -> list[tuple[str, str, Span]]:
    """Parties the body names with a role. ``raw`` is the unmasked text (same length);
    ``captioned`` says whether a caption was found (prose about who sued whom is read only
    when there is none: an opinion's "complaint against Acme and Beta" uses short forms)."""
    raw = text if raw is None else raw
    out = []
    low = chars.ascii_lower(text)
    folds = scan.folds_to_ascii(text)
    for m in _LISTED_NEAR.matches(text, low, folds):
        role = _role_of(m.group("role"))
        base = m.start("names")
        names = m.group("names")
        items = names.split(";") if ";" in names else None
        if items:
            off = 0
            for it in items:
                i = names.find(it, off)
                off = i + len(it)
                raw = re.sub(r"\([^()]*\)", "", re.sub(r"\([^()]*\)", "", it))
                raw = " ".join(raw.split())
                raw = re.sub(r"^\s*(?:and\s)?", "", raw).strip(" .")
                if raw and _good_body_name(raw, role):
                    out.append((normal_case(_clean_name(raw)), role, _find(text, base + i, raw.split()[0])))
        else:
            for name, s, e in _split_list(names, split_and=True):
                if _good_body_name(name, role):
                    out.append((name, role, (base + s, base + e)))
    for m in _SEMI_LIST_NEAR.matches(text, low, folds):
        role = _role_of(m.group("role"))
        base = m.start("names")
        off = 0
        for it in m.group("names").split(";"):
            i = m.group("names").find(it, off)
            off = i + len(it)
            raw = _DBA.sub("", it)
            d = _DESCRIPTOR.search(raw)
            if d:
                raw = raw[: d.start()]
            raw = re.sub(r"^\s*and\s", "", raw).strip(" ,")
            if raw and _good_body_name(raw, role):
                out.append((_clean_name(raw), role, (base + i, base + i + len(it.rstrip()))))
    for near in (_BODY_NEAR, _APPOSITIVE_NEAR):
        for m in near.matches(text, low, folds):
            if _heading_at(text, m.start()):
                continue
            label_roles = _body_roles(m.group("role"))
            if not label_roles:
                continue
            role = label_roles[0]
            names = m.group("names")
            base = m.start("names")
            if re.search(r"\b(?:ESQ|Esq)\b", names):
                # "Attorneys for plaintiff Poe & Roe, LLP, ANN POE, ESQ.": a counsel block, not parties
                names = names.split("\n")[0]
                if re.search(r"\b(?:ESQ|Esq)\b", names):
                    continue
            # defined terms in parentheses go; a place in capitals ("(H.K.)") is part of the name
            names = re.sub(r"[ \t]?\((?![A-Z][A-Z.]{0,8}\))[^()\n]{1,80}\)", lambda x: " " * len(x.group(0)), names)
            if re.match(r"(?i)(?:the\s)?(?:individuals|partnerships|corporations|unincorporated|entities)\b", names):
                continue  # a defendant group described again in the body
            for k, (name, s, e) in enumerate(_split_list(names, split_and=True)):
                name = _tidy_body_name(name)
                if _DOES.fullmatch(name):
                    name = doe_range(name)
                    out.extend((name, r, _span_from(text, base + s, name)) for r in label_roles)
                    continue
                if k and name.startswith("the ") and len(name.split()) >= 3:
                    name, s = name[4:], s + 4  # "Kerry Harts and the Ann Roe Trust"
                if not _good_body_name(name, role):
                    break
                if role == "plaintiff" and not name[:1].isupper() and not name[:1].isdigit():
                    break
                for r in label_roles:
                    out.append((normal_case(name), r, _span_from(text, base + s, name)))
    # "two Defendants -- Blue Resales (No. 70) and Orbit Lamp Technology (No. 156)"
    for m in _NO_DEFENDANTS_NEAR.matches(raw):
        for it in re.finditer(_NO_ITEM, m.group(0)):
            name = _clean_name(it.group("n"))
            if name and _good_body_name(name, "defendant"):
                out.append((name, "defendant", (m.start() + it.start("n"), m.start() + it.end("n"))))
    # "filed a complaint, asserting causes of action against X, Y and DOES 1-100"
    for m in (() if captioned else _COMPLAINT_AGAINST_NEAR.matches(text, low, folds)):
        role = "third-party" if re.search(r"(?i)cross|third", m.group("what")) else "defendant"
        names = " ".join(m.group("names").split())
        for name, s, e in _split_list(names, split_and=True):
            name = doe_range(_tidy_body_name(name)) if _DOES.fullmatch(name) else _tidy_body_name(name)
            if not _good_body_name(name, role) and not _DOES.fullmatch(name):
                break
            out.append((name, role, _find(text, m.start("names"), name, 400)))
    # "Defendant Nos. 1 (Sunny Shop), 6 (Blue Loop), and 9 (Livi)"
    for m in _NUMBERED_DEFENDANTS_NEAR.matches(text, low, folds):
        for it in re.finditer(r"\d{1,4}\s?\((?P<n>[^()\n]{1,80})\)", m.group(0)):
            name = _clean_name(it.group("n"))
            if name and not name.isdigit():
                out.append((name, "defendant", (m.start() + it.start("n"), m.start() + it.end("n"))))
    # 'Defendants "coinsboy," "Retro Shop," and "UnikMart"', 'Defendant "Electrician Pal"'
    for m in _QUOTED_NAMES_NEAR.matches(text, low, folds):
        role = _role_of(m.group("role"))
        for it in re.finditer(r"[\"\u201c](?P<n>[^\"\u201c\u201d\n]{1,80}?),?[\"\u201d]", m.group("names")):
            name = _clean_name(it.group("n"))
            if name and not name.isdigit() and name.lower() not in _BODY_STOP:
                out.append((name, role, (m.start("names") + it.start("n"), m.start("names") + it.end("n"))))
    # sellers appearing for themselves: "luckyshop88, pro se."
    for m in _PRO_SE_NEAR.matches(text, low, folds):
        name = _clean_name(m.group("n"))
        if name and _good_body_name(name, "defendant"):
            out.append((name, "defendant", m.span("n")))
    for m in _COUNSEL_FOR.finditer(text):
        names = " ".join(m.group("names").split())
        role = "appellee" if "appellee" in m.group("role").lower() else (
            "appellant" if "appellant" in m.group("role").lower() else _roles(m.group("role"))[0])
        for name, s, e in _split_list(names):
            name = _tidy_body_name(name)
            if _good_body_name(re.sub(r"^[Tt]he\s", "", name), role):  # "Counsel for Appellee, The Travelers ..."
                out.append((name, role, _find(text, m.start("names"), name)))
    return out


# ---------------------------------------------------------------- assembly


_ABBREV = {"ins": "insurance", "co": "company", "corp": "corporation", "inc": "incorporated",
           "intl": "international", "mfg": "manufacturing", "mktg": "marketing", "grp": "group",
           "bus": "business", "assn": "association", "natl": "national", "ltd": "limited", "bros": "brothers"}


def _key(name: str) -> str:
    s = name.lower().replace("&", " and ")
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    return " ".join(s.split())


_LEGAL_TAIL = re.compile(r"(?:\s(?:incorporated|llc|limited|corporation|plc|lp|llp|pllc|gmbh|pte))+$")


@lru_cache(maxsize=16384)
def _match_key(name: str) -> str:
    """``_key`` with common abbreviations spelled out ("Mutual Ins. Co." = "Mutual Insurance Company")."""
    key = re.sub(r"\b[a-z](?: [a-z]\b)+", lambda m: m.group(0).replace(" ", ""), _key(name))  # "l l c" = "llc"
    return " ".join(_ABBREV.get(w, w) for w in key.split())


# Each party found is compared with every one found before it: the answer, a pure
# function of the two names, is remembered.
@lru_cache(maxsize=65536)
def _same_party(a: str, b: str) -> bool:
    ka, kb = _match_key(a), _match_key(b)
    if ka == kb or (ka.replace(" ", "") == kb.replace(" ", "") and len(ka) > 6):
        return True  # "Iron Shore Insurance Company" = "Ironshore Insurance Company"
    sa, sb = _LEGAL_TAIL.sub("", ka), _LEGAL_TAIL.sub("", kb)
    if sa != ka and sb != kb and ka[len(sa):] != kb[len(sb):]:
        return False  # sibling companies: "Acme Toys Ltd." and "Acme Toys, Inc."
    if sa and sa == sb and len(sa.split()) >= 2:
        return True
    ta, tb = ka.split(), kb.split()
    if not ta or not tb:
        return False
    if len(ta) == len(tb) >= 2 and _one_typo(ta, tb):
        return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    # "Roger Mortimer" is "Roger D. Mortimer"; "Roadget" is not "Roadget Business Pte. Ltd."
    extra = [w for w in long_ if w not in short]
    if not (len(short) >= 2 and short[0] == long_[0] and short[-1] == long_[-1] and set(short) <= set(long_)):
        return False
    # "Ann Lee Roe" is "Ann Lee Marie Roe": a person's name printed with one more given name
    return all(len(w) == 1 for w in extra) or (
        len(short) >= 3 and len(extra) == 1 and all(len(w) > 1 for w in long_)
        and not _ORGLIKE.search(a) and not _ORGLIKE.search(b)
        and not any(_SUFFIX_TOKEN.match(t.strip(",;")) for t in (a + " " + b).split()))


def _one_typo(ta: list[str], tb: list[str]) -> bool:
    """Names alike but for one letter in one long word ("Scooper Troopper" = "Scooper Trooper"):
    one party spelled two ways."""
    diff = [(x, y) for x, y in zip(ta, tb) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if min(len(x), len(y)) < 5 or not (x.isalpha() and y.isalpha()) or abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(c != d for c, d in zip(x, y)) == 1
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


_DEFINED = re.compile(r"\(\s?(?:the\s|hereinafter\s)?[\u201c\"]\s?([^\u201d\"\n]{1,40}?)\s?[\u201d\"]")


def _prefer_new(old: str, new: str, text: str) -> bool:
    """Which of two spellings of one party to keep: the fuller form (more words or initials);
    of two spellings alike but for a letter or a space, the one the document prints more often
    (ties: the longer)."""
    ko, kn = _match_key(old), _match_key(new)
    if ko == kn:
        return len(new) > len(old)  # "Acme Corporation" over "Acme Corp."
    if ko.replace(" ", "") == kn.replace(" ", ""):
        return False
    to, tn = set(ko.split()), set(kn.split())
    if to < tn:
        return True
    if tn < to:
        return False

    def printed(name: str) -> int:
        words = re.findall(r"[A-Za-z0-9]+", name)
        if not words:
            return 0
        return len(re.findall(r"(?i)\b" + r"\W{1,4}".join(map(re.escape, words)) + r"\b", text))

    n_old, n_new = printed(old), printed(new)
    return n_new > n_old or (n_new == n_old and len(new) > len(old))


def _display(side: _Side, et_al: bool) -> str:
    names = [n for n, _, _ in side.names]
    if not names:
        return ""
    if len(names) == 1:
        return names[0] + (", et al." if et_al else "")
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return names[0] + ", et al."


def find_caption(text: str) -> Caption:
    """Parties with roles, the caption line ("Plaintiff v. Defendant") and the Schedule A flag."""
    text = _unspace_small_caps(text)
    masked_full = _mask(text)
    head = text[: HEAD + 2000]
    masked = masked_full[: HEAD + 2000]
    caps = _captions(head, masked)
    from_title = False
    if not caps:
        caps = _title_caption(text)
        from_title = bool(caps)
    parties: list[PartyMention] = []

    trial = ("plaintiff", "defendant", "third-party", "petitioner", "respondent", "intervenor")

    def add(name: str, role: str, span: Span) -> None:
        name = name.strip()
        if not name or len(name) > 200:
            return
        same = [i for i, p in enumerate(parties) if _same_party(p.name, name)]
        for i in same:
            p = parties[i]
            if p.role == role or (role in trial and p.role in trial):
                if p.role == role and _key(p.name) != _key(name) and _prefer_new(p.name, name, text):
                    parties[i] = PartyMention(name, role, None, p.spans + (span,))
                return
        if same:
            name = parties[same[0]].name  # one party, one name: the first (caption) form
        parties.append(PartyMention(name, role, None, (span,)))

    caption_str = None
    defendants: list[str] = []
    et_al = False
    first_defendants: set[str] = set()
    for n, (left, right, (cs, ce)) in enumerate(caps):
        lroles, rroles = left.roles, right.roles
        if n > 0 and any(_same_party(a, b) for a, _, _ in left.names for b in first_defendants):
            # a defendant's own complaint against others: a third-party complaint
            rroles = ["third-party"]
            lroles = []
        for roles, side in ((lroles, left), (rroles, right)):
            if not roles:
                continue
            every = list(dict.fromkeys(r for i in range(len(side.names)) for r in side.roles_of(i, roles)))
            for role in every:
                if role == "unknown":
                    continue  # a role the schema cannot express
                for i, (name, s, e) in enumerate(side.names):
                    if role in side.roles_of(i, roles):
                        add(name, role, (s, e))
        if n == 0:
            seg = head[cs:ce] if ce > cs else head[:400]
            et_al = bool(_ET_AL.search(seg))
            first_defendants = {x for x, _, _ in right.names}
            defendants = [x for x, _, _ in right.names]
            caption_str = f"{_display(left, False)} v. {_display(right, et_al)}" if right.names else None
            if from_title:
                caption_str = None if len(caption_str) < 5 else caption_str
    # "NAME,\nAppellant" blocks after a consolidated caption (who brought the appeal)
    for m in re.finditer(r"(?m)^[ \t]*(?P<n>[A-Z][^\n,]{2,80}(?:,\s(?:Inc|Ltd|LLC|Co)\.?)?),[ \t]*\n[ \t]*(?P<r>Appellants?|Appellees?)[ \t]*$", head):
        add(_clean_name(m.group("n")), "appellant" if m.group("r").lower().startswith("appellant") else "appellee",
            m.span("n"))
    # a one-word caption name ("Street v. Footprint Acquisition, LLC") and the filer's full name
    for fm in re.finditer(r"(?m)^Filer:\s{0,3}(?P<n>[A-Z][a-z]+\s{1,3}[A-Z][A-Za-z'-]+)\s*$", text[:HEAD]):
        full = " ".join(fm.group("n").split())
        for i, p in enumerate(parties):
            if len(p.name.split()) == 1 and full.split()[-1] == p.name:
                parties[i] = PartyMention(full, p.role, None, p.spans + (fm.span("n"),))
    for name, role, span in _glossary(text):
        add(name, role, span)
    for name, role, span in _defendant_table(text, _table_header_lines(text)):
        add(name, role, span)
    table_parties, table_zones = find_party_tables(text)
    for tp in table_parties:
        if tp.role:
            add(tp.name, tp.role, tp.span)
    for a, b in table_zones:  # a party table's cells are not prose ("Appellee | Ann Roe" names counsel)
        masked_full = masked_full[:a] + re.sub(r"[^\n]", " ", masked_full[a:b]) + masked_full[b:]
    for name, role, span in _case_list(text) + _debtors(text):
        add(name, role, span)
    # short forms defined in parentheses ("Acme Specialty Insurance Co. (“AcmeCo” or “Defendant”)")
    # are the party already named, not another one
    defined = {_key(t).replace(" ", "") for t in _DEFINED.findall(text)}
    for name, role, span in _body_parties(masked_full, text, captioned=bool(caps)):
        if parties and len(name.split()) <= 2 and _key(name).replace(" ", "") in defined and not any(
                _key(p.name) == _key(name) for p in parties):
            continue
        add(name, role, span)
    # a surname alone ("plaintiffs Hart and Berry") is the party already named in full; so is a
    # person's given name alone when the body later speaks of the party by it ("against Mina and Roes")
    full = [p for p in parties if len(p.name.split()) >= 2]
    parties = [p for p in parties if len(p.name.split()) >= 2 or not any(
        (q.role == p.role and _key(q.name).split()[-1:] == _key(p.name).split())
        or (p.role == "third-party" and _key(q.name).split()[:1] == _key(p.name).split()) for q in full)]
    if not caps:
        defendants = [p.name for p in parties if p.role == "defendant"]
        et_al = True
    sched = is_schedule_a(defendants or [p.name for p in parties if p.role == "defendant"], text, et_al)
    return Caption(parties=tuple(parties), caption=caption_str, schedule_a=sched)
