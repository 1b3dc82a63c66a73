"""Document kind and filing date.

``find_kind`` reads the document's title (the first title-like line of its head: an
ALL-CAPS heading such as "MEMORANDUM OPINION AND ORDER", "PLAINTIFF'S REPLY ...",
"PRELIMINARY INJUNCTION ORDER", "COMPLAINT", "Judgment"), a letter's salutation ("Dear
Judge X"), a docket table's header ("Date Filed ... Docket Text", "# Date Description")
or a CM/ECF notice ("Notice of Electronic Filing": other).

``find_filed`` returns the document's own date in ISO form, from (in this order) a
labelled date ("Decided:", "Decision Date", "Dated:", "Dated this 17th day of April
2023", "Filed:", "filed on", a CM/ECF page stamp "Filed 01/18/23", "(Signed by Judge X on
3/5/2025)", a tracker's filing-date field), then a line holding nothing but a date near the
top (a web page's decision date, a letter's date). Dates in running text are not the
document's date, so a document with none of these has ``None``.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from docketgraph.ingest.fields import chars, scan

HEAD = 4000

_MONTHS = {m: i + 1 for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"))}
_MON_RX = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
           r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DATE_RX = (
    r"(?P<date>(?i:" + _MON_RX + r")\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?,?\s{1,3}\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s{1,3}(?:day\s{1,3}of\s{1,3})?(?i:" + _MON_RX + r"),?\s{1,3}\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}-\d{1,2}-\d{4})"
)
_LABELLED = [
    re.compile(r"(?i)\bdecided(?:\s{1,3}and\s{1,3}filed)?\s{0,3}:?\s{0,12}" + _DATE_RX),
    re.compile(r"(?i)\bdated\s{0,3}:\s{0,12}" + _DATE_RX),
    re.compile(r"(?i)\bdecision\s{0,3}date\s{0,3}:?\s{0,3}" + _DATE_RX),
    re.compile(r"(?i)\bdated(?:\s{1,3}this\s{1,3}|\s{0,3}:\s{0,12}|(?<=^dated)\s{1,3})(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s{1,6})?" + _DATE_RX),
    re.compile(r"(?i)\(?\bfiled\s{0,3}(?:on\s{1,3})?:?\s{0,3}" + _DATE_RX),
    re.compile(r"(?i)\bdate\s{1,3}filed\s{0,3}:?\s{0,3}" + _DATE_RX),
    re.compile(r"(?i)\bsigned\s{1,3}by\s{1,3}[^()\n]{1,60}?\s{1,3}on\s{1,3}" + _DATE_RX),
    re.compile(r"(?i)\bsigned\s{1,3}(?:on\s{1,3})?" + _DATE_RX),
    # "SIGNED this 3rd day of February, 2025", "AND NOW, this 11th day of March, 2025"
    re.compile(r"(?i)\bthis\s{1,3}(?=\d{1,2}(?:st|nd|rd|th)?\s{1,3}day\s)" + _DATE_RX),
    re.compile(r"(?im)^\W{0,3}date\s{0,3}:\s{0,12}" + _DATE_RX),
    re.compile(r"(?:发案日期|立案日期|起诉日期)\s{0,3}[:：]\s{0,3}" + _DATE_RX),
    re.compile(r"(?i)\bentered\s{0,3}:?\s{0,3}" + _DATE_RX),
]
_DATE_LINE = re.compile(r"(?m)^[ \t(]*" + _DATE_RX + r"[ \t).]*$")
# Each labelled pattern tried only at its label word, found in the ASCII lower case
# (scan.Near: the same first match as rx.search), with how far before the word a match starts.
_LABEL_WORDS = ["decided", "dated", "decision", "dated", "filed", "date", "signed", "signed", "this",
                "date", None, "entered"]
_LABEL_BACK = {4: 1, 9: 3}  # "(filed", "** Date:"
_LABELLED_NEAR = [scan.Near(rx, w, _LABEL_BACK.get(i, 0), lower=True) if w else scan.Near(rx)
                  for i, (rx, w) in enumerate(zip(_LABELLED, _LABEL_WORDS, strict=True))]
_SMALL_CAPS = scan.written_as(r"\b([A-Z]) ([A-Z]{2,})\b", r"([A-Z])(?<!\w[A-Z]) ([A-Z]{2,})\b")


def parse_date(s: str) -> str | None:
    """``"Jul. 9, 2024"``, ``"31 July 2023"``, ``"05/20/22"``, ``"07-09-2024"`` -> ISO date."""
    s = " ".join(s.split())
    m = re.fullmatch(r"(?i)([a-z]{3,9})\.?\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})", s)
    if m:
        mon, d, y = _month(m.group(1)), int(m.group(2)), int(m.group(3))
        return _iso(y, mon, d)
    m = re.fullmatch(r"(?i)(\d{1,2})(?:st|nd|rd|th)?\s(?:day\sof\s)?([a-z]{3,9}),?\s(\d{4})", s)
    if m:
        return _iso(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", s)
    if m:
        y = int(m.group(3))
        y = y + 2000 if y < 70 else (y + 1900 if y < 100 else y)
        return _iso(y, int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", s)
    if m:
        return _iso(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    return None


def _month(name: str) -> int | None:
    n = name.lower()
    for full, i in _MONTHS.items():
        if full.startswith(n[:3]):
            return i
    return None


def _iso(y: int, m: int | None, d: int) -> str | None:
    if m is None:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_filed(text: str) -> str | None:
    """The document's own date (ISO), or ``None`` when the text gives none."""
    head = _SMALL_CAPS.sub(r"\1\2", text[:HEAD])
    tail = text[-3000:] if len(text) > HEAD else ""
    if find_kind(text) == "letter":
        m = _DATE_LINE.search(head)
        if m and parse_date(m.group("date")):
            return parse_date(m.group("date"))
    parts = [(p, chars.ascii_lower(p), scan.folds_to_ascii(p)) for p in (head, tail)]
    for near in _LABELLED_NEAR:
        for part, low, folds in parts:
            m = near.search(part, low, folds)
            if m:
                iso = parse_date(m.group("date"))
                if iso:
                    return iso
    m = _DATE_LINE.search(head)
    if m:
        return parse_date(m.group("date"))
    return None


_TITLE_WORDS = re.compile(r"(?i)\b(?:opinion|order|judgment|memorandum|brief|reply|response|opposition|complaint"
                          r"|declaration|affidavit|motion|petition|injunction|stipulation|recommendation)\b")
_NOT_TITLE = re.compile(r"(?i)\bcourt\b|district\s{1,3}of|\bdivision\b|\bcircuit\b|\sv\.\s|plaintiffs?,|defendants?[,.]"
                        r"|^\s*opinion\s*$|found this document useful|^\s*(?:case|no\.)")


def _kind_of_title(line: str) -> str | None:
    u = line.upper()
    if re.search(r"\bREPORT\s{1,3}AND\s{1,3}RECOMMENDATION\b", u):
        return "opinion"
    if re.search(r"\bOPINION\b", u) and not re.search(r"\bOPPOSITION\b|\bMOTION\b.*\bOPINION", u):
        return "opinion"
    if re.search(r"\bJUDGMENT\b", u) and not re.search(r"^\s*(?:PLAINTIFF|DEFENDANT|MOTION)", u):
        return "judgment"
    if re.search(r"^\W*(?:PLAINTIFFS?|DEFENDANTS?|RESPONDENTS?|PETITIONERS?)['\u2019]?S?['\u2019]?\s", u) or \
            re.search(r"\b(?:MEMORANDUM|BRIEF|REPLY|RESPONSE|OPPOSITION)\b", u):
        if re.search(r"\bMOTION\b", u) and not re.search(
                r"\b(?:MEMORANDUM|BRIEF|REPLY|RESPONSE|OPPOSITION|IN\s{1,3}SUPPORT)\b", u):
            return "motion"
        return "memorandum"
    if re.search(r"\bORDER\b|\bINJUNCTION\b", u):
        return "order"
    if re.search(r"\bCOMPLAINT\b", u):
        return "complaint"
    if re.search(r"\bDECLARATION\b|\bAFFIDAVIT\b", u):
        return "declaration"
    if re.search(r"\bMOTION\b|\bPETITION\b", u):
        return "motion"
    return None


@lru_cache(maxsize=4)
def find_kind(text: str) -> str:
    """memorandum | complaint | order | opinion | letter | docket | motion | declaration | judgment | other."""
    head = text[:HEAD]
    if re.search(r"(?m)^\W*Dear\s{1,3}(?:Judge|Justice|Magistrate|Your\s{1,3}Honor|Chief\s{1,3}Judge)\b", head):
        return "letter"
    if re.search(r"(?im)^\W*#?\s{0,3}date\s{1,3}(?:filed\s{1,3})?#?\s{0,3}(?:docket\s{1,3}text|description)\b", head):
        return "docket"
    if re.search(r"(?i)\bcivil\s{1,3}docket\s{1,3}for\s{1,3}case\b", head):
        return "docket"
    if re.search(r"\bMINUTE\s{1,3}(?:entry|order)\b", head, re.I) and not re.search(
            r"(?i)notice\s{1,3}of\s{1,3}electronic\s{1,3}filing", head):
        return "order"
    if re.search(r"(?i)notice\s{1,3}of\s{1,3}electronic\s{1,3}filing", head):
        return "other"
    for line in head.split("\n"):
        s = line.strip(" *#_\t")
        if not s or len(s) > 240 or not _TITLE_WORDS.search(s):
            continue
        letters = [c for c in s if c.isalpha()]
        if not letters:
            continue
        upper = sum(c.isupper() for c in letters) / len(letters)
        short_title = len(s.split()) <= 4 and s[0].isupper()
        if upper < 0.7 and not short_title:
            continue
        if _NOT_TITLE.search(s) and not re.search(r"(?i)opinion\s{1,3}and\s{1,3}order", s):
            continue
        k = _kind_of_title(s)
        if k:
            return k
    m = re.search(r"\b(?:MEMORANDUM\s{1,3})?OPINION\s{1,3}(?:AND|&)\s{1,3}ORDER\b|\bPER\s{1,3}CURIAM\b", head)
    if m:
        return "opinion"
    if re.search(r"(?i)court\s{1,3}of\s{1,3}appeals", head[:1500]) and re.search(r"Circuit\s{1,3}Judges?\b", head, re.I):
        return "opinion"
    m = re.search(r"\b(?:[A-Z]+\s){0,4}ORDER\b", head)
    if m:
        return "order"
    return "other"
