"""Every hand-written filing shipped with the project has a valid gold file beside it.

The filings in ``tests/fixtures/filings`` and ``samples`` are fictional texts written for the
project; each ``NAME.txt`` must have a ``NAME.gold.json`` in the shape of the gold schema
(``shared/corpus/SCHEMA.md``). A missing gold file is a failure, never a skip, and nothing
here writes one.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [ROOT / "tests" / "fixtures" / "filings", ROOT / "samples"]

TOP_KEYS = {"doc", "kind", "filed", "cases", "judges", "firms", "attorneys", "parties",
            "platforms", "citations"}
KINDS = {"memorandum", "complaint", "order", "opinion", "letter", "docket", "motion",
         "declaration", "judgment", "other"}
JUDGE_ROLES = {"district", "magistrate", "bankruptcy", "circuit", "state", "unknown"}
PARTY_ROLES = {"plaintiff", "defendant", "third-party", "intervenor", "movant", "appellant",
               "appellee", "petitioner", "respondent"}
PLATFORM_KINDS = {"marketplace", "payment", "other"}
ITEM_KEYS = {
    "cases": {"docket", "court", "caption", "schedule_a"},
    "judges": {"name", "role", "case"},
    "firms": {"name", "represents", "case"},
    "attorneys": {"name", "firm", "email", "represents", "case"},
    "parties": {"name", "role", "case"},
    "platforms": {"name", "kind"},
    "citations": {"cite", "name"},
}
OPTIONAL_KEYS = {"citations": {"name"}}
# District and bankruptcy numbers: optional office digit, two-digit year, case type, five
# digits. Appellate numbers are kept as printed: 20-2927, 08-6301-cv, 2009-1361.
DISTRICT_DOCKET = re.compile(r"(?:\d:)?\d{2}-[a-z]{2,3}-\d{5}")
APPELLATE_DOCKET = re.compile(r"\d{2}(?:\d{2})?-\d{1,5}(?:-[a-z]{2,3})?")
# State-court numbers are kept as printed (627 EDA 2019, A-0465-20, 4D21-2227, 05-22-00834-CV,
# 107662/2010, 20STCV47489): letters, digits, '-', '/', spaces, no "No." and no end stop.
STATE_DOCKET = re.compile(r"(?!No\b)[A-Za-z0-9](?:[A-Za-z0-9/ -]*[A-Za-z0-9])?")
FEDERAL_COURT = re.compile(r"[a-z]{2}[a-z]?d|[a-z]{2}[a-z]?b|ca\d{1,2}|cadc|cafc|dcd|dcb|jpml|uscfc|cit")
COURT_ID = re.compile(r"[a-z][a-z0-9]{1,19}")
CITE = re.compile(r"\d{1,4} [A-Za-z][A-Za-z0-9.' ]{0,30}? \d{1,8}")
# Public-domain and Tax Court memorandum cites have no volume: 2017-Ohio-8571, T.C. Memo. 2007-340.
PUBLIC_DOMAIN_CITE = re.compile(r"\d{4}-[A-Z][A-Za-z]{1,10}-\d{1,6}|T\.C\. (?:Memo\.|Summary Opinion) \d{4}-\d{1,4}")
EMAIL = re.compile(r"[^@\s]{1,64}@[A-Za-z0-9.-]{1,200}\.[A-Za-z]{2,24}")


def _texts() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in folder.glob("*.txt"))


def _golds() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in folder.glob("*.gold.json"))


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def schema_errors(gold: object) -> list[str]:
    """Ways in which ``gold`` breaks the gold schema (empty when it is valid)."""
    if not isinstance(gold, dict):
        return ["gold is not a JSON object"]
    errors: list[str] = []
    if set(gold) != TOP_KEYS:
        errors.append(f"top-level keys {sorted(set(gold) ^ TOP_KEYS)} differ from the schema")
        return errors
    if not isinstance(gold["doc"], str) or not gold["doc"]:
        errors.append("doc must be a file name")
    if gold["kind"] not in KINDS:
        errors.append(f"kind {gold['kind']!r} not allowed")
    if gold["filed"] is not None:
        try:
            dt.date.fromisoformat(gold["filed"])
        except (TypeError, ValueError):
            errors.append(f"filed {gold['filed']!r} is not YYYY-MM-DD")
    for field, keys in ITEM_KEYS.items():
        items = gold[field]
        if not isinstance(items, list):
            errors.append(f"{field} is not a list")
            continue
        required = keys - OPTIONAL_KEYS.get(field, set())
        for item in items:
            if not isinstance(item, dict) or not required <= set(item) <= keys:
                errors.append(f"{field} item {item!r} does not have keys {sorted(keys)}")
    if errors:
        return errors

    dockets = set()
    for case in gold["cases"]:
        docket = case["docket"]
        if docket is not None:
            federal = case["court"] is not None and FEDERAL_COURT.fullmatch(case["court"])
            if not (DISTRICT_DOCKET.fullmatch(docket) or APPELLATE_DOCKET.fullmatch(docket)
                    or (not federal and STATE_DOCKET.fullmatch(docket))):
                errors.append(f"docket {docket!r} is not in normal form")
            dockets.add(docket)
        if case["court"] is not None and not COURT_ID.fullmatch(str(case["court"])):
            errors.append(f"court {case['court']!r} is not a courts-db id")
        if case["caption"] is not None and not isinstance(case["caption"], str):
            errors.append("caption must be a string or null")
        if not isinstance(case["schedule_a"], bool):
            errors.append("schedule_a must be true or false")

    def check_case_link(field: str, item: dict) -> None:
        if item["case"] is not None and item["case"] not in dockets:
            errors.append(f"{field} {item['name']!r} links to unlisted case {item['case']!r}")

    def check_name(field: str, item: dict) -> None:
        if not isinstance(item["name"], str) or not item["name"].strip():
            errors.append(f"{field} item {item!r} has no name")

    for judge in gold["judges"]:
        check_name("judge", judge)
        if judge["role"] not in JUDGE_ROLES:
            errors.append(f"judge role {judge['role']!r} not allowed")
        check_case_link("judge", judge)
    for firm in gold["firms"]:
        check_name("firm", firm)
        check_case_link("firm", firm)
        if not all(isinstance(r, str) for r in firm["represents"]):
            errors.append(f"firm {firm['name']!r} represents must be a list of names")
    for lawyer in gold["attorneys"]:
        check_name("attorney", lawyer)
        check_case_link("attorney", lawyer)
        if lawyer["firm"] is not None and not isinstance(lawyer["firm"], str):
            errors.append(f"attorney {lawyer['name']!r} firm must be a name or null")
        if lawyer["email"] is not None and not EMAIL.fullmatch(str(lawyer["email"])):
            errors.append(f"attorney {lawyer['name']!r} email {lawyer['email']!r} is malformed")
        if not all(isinstance(r, str) for r in lawyer["represents"]):
            errors.append(f"attorney {lawyer['name']!r} represents must be a list of names")
    for party in gold["parties"]:
        check_name("party", party)
        if party["role"] not in PARTY_ROLES:
            errors.append(f"party role {party['role']!r} not allowed")
        check_case_link("party", party)
    for platform in gold["platforms"]:
        check_name("platform", platform)
        if platform["kind"] not in PLATFORM_KINDS:
            errors.append(f"platform kind {platform['kind']!r} not allowed")
    for citation in gold["citations"]:
        if not isinstance(citation["cite"], str) or not (
                CITE.fullmatch(citation["cite"]) or PUBLIC_DOMAIN_CITE.fullmatch(citation["cite"])):
            errors.append(f"citation {citation['cite']!r} is not volume, reporter, page")
        if citation.get("name") is not None and not isinstance(citation["name"], str):
            errors.append("citation name must be a string or null")
    return errors


def consistency_errors(gold: dict, text: str) -> list[str]:
    """Checks the project's own gold files meet beyond the schema."""
    errors: list[str] = []
    firm_names = {f["name"] for f in gold["firms"]}
    for lawyer in gold["attorneys"]:
        if lawyer["firm"] is not None and lawyer["firm"] not in firm_names:
            errors.append(f"attorney {lawyer['name']!r} has firm {lawyer['firm']!r} not in firms")
        if lawyer["email"] is not None and lawyer["email"].lower() not in text.lower():
            errors.append(f"email {lawyer['email']!r} does not occur in the text")
    for field in ("judges", "parties", "platforms"):
        keys = [(i["name"], i.get("role"), i.get("case")) for i in gold[field]]
        if len(keys) != len(set(keys)):
            errors.append(f"{field} has duplicate entries")
    cites = [c["cite"] for c in gold["citations"]]
    if len(cites) != len(set(cites)):
        errors.append("citations has duplicate entries")
    # Nothing invented: every name and cite is in the text, up to case, spacing and
    # punctuation (the written forms of these fictional filings are already canonical).
    # Party and case names may be broken up by a two-column caption or margin line
    # numbers, so for them each word must occur; the rest must occur as written.
    words = _words(text)
    vocabulary = set(words.split())
    whole = [(f, i["name"]) for f in ("judges", "firms", "attorneys", "platforms")
             for i in gold[f]]
    whole += [("citations", c) for c in cites]
    for field, name in whole:
        if _words(name) not in words:
            errors.append(f"{field}: {name!r} does not occur in the text")
    scattered = [("parties", p["name"]) for p in gold["parties"]]
    scattered += [("citations", c["name"]) for c in gold["citations"] if c.get("name")]
    for field, name in scattered:
        if not set(_words(name).split()) <= vocabulary:
            errors.append(f"{field}: {name!r} has words that do not occur in the text")
    return errors


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


@pytest.mark.parametrize(("folder", "least"), [(FOLDERS[0], 10), (FOLDERS[1], 4)],
                         ids=["fixtures", "samples"])
def test_folder_holds_filings_listed_in_its_readme(folder: Path, least: int) -> None:
    texts = sorted(p.name for p in folder.glob("*.txt"))
    assert len(texts) >= least
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "fictional" in readme
    assert [name for name in texts if f"`{name}`" not in readme] == []


@pytest.mark.parametrize("text_path", _texts(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_filing_has_a_gold_file(text_path: Path) -> None:
    gold_path = text_path.with_name(text_path.stem + ".gold.json")
    assert gold_path.is_file(), f"missing gold file {gold_path.name}"


@pytest.mark.parametrize("gold_path", _golds(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_is_valid_and_names_its_file(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert schema_errors(gold) == []
    expected = gold_path.name[: -len(".gold.json")] + ".txt"
    assert gold["doc"] == expected
    text_path = gold_path.with_name(expected)
    assert text_path.is_file(), f"gold file without its filing {expected}"
    assert consistency_errors(gold, _read_text(text_path)) == []


VALID = {
    "doc": "x.txt", "kind": "order", "filed": "2025-01-02",
    "cases": [{"docket": "1:25-cv-00001", "court": "ilnd", "caption": None, "schedule_a": True}],
    "judges": [{"name": "A B", "role": "district", "case": "1:25-cv-00001"}],
    "firms": [], "attorneys": [],
    "parties": [{"name": "P", "role": "plaintiff", "case": "1:25-cv-00001"}],
    "platforms": [{"name": "Temu", "kind": "marketplace"}],
    "citations": [{"cite": "334 F.R.D. 511", "name": None}],
}


def _broken(path: tuple, value: object, *more: tuple) -> dict:
    """VALID with the value at ``path`` replaced (and further (path, value) pairs)."""
    gold = json.loads(json.dumps(VALID))
    for where, what in ((path, value), *more):
        target = gold
        for key in where[:-1]:
            target = target[key]
        target[where[-1]] = what
    return gold


def _appellate(number: str) -> dict:
    return _broken(("cases", 0, "docket"), number, (("judges", 0, "case"), number),
                   (("parties", 0, "case"), number))


@pytest.mark.parametrize(
    ("gold", "fragment"),
    [
        (VALID, None),
        (_broken(("kind",), "brief"), "kind"),
        (_broken(("filed",), "04/25/2025"), "filed"),
        (_broken(("cases", 0, "docket"), "1:25-cv-1"), "docket"),
        (_broken(("cases", 0, "docket"), "25 Civ. 333"), "docket"),
        (_appellate("20-2927"), None),
        (_appellate("08-6301-cv"), None),
        (_appellate("2009-1361"), None),
        (_broken(("citations", 0, "cite"), "2013 WL 12314399"), None),
        (_broken(("citations", 0), {"cite": "555 U.S. 7"}), None),
        (_broken(("cases", 0, "schedule_a"), "yes"), "schedule_a"),
        (_broken(("judges", 0, "role"), "chief"), "judge role"),
        (_broken(("judges", 0, "case"), "1:25-cv-00002"), "unlisted case"),
        (_broken(("parties", 0, "role"), "amicus"), "party role"),
        (_broken(("platforms", 0, "kind"), "shop"), "platform kind"),
        (_broken(("citations", 0, "cite"), "Bose"), "citation"),
        (_broken(("judges", 0), {"name": "A B", "role": "district"}), "keys"),
        ({k: v for k, v in VALID.items() if k != "citations"}, "top-level keys"),
    ],
)
def test_schema_checker(gold: dict, fragment: str | None) -> None:
    errors = schema_errors(gold)
    if fragment is None:
        assert errors == []
    else:
        assert errors and any(fragment in e for e in errors), errors


def test_real_corpus_golds_pass_the_same_schema(dev_dir: Path, seeds_dir: Path) -> None:
    golds = sorted(dev_dir.glob("*.gold.json")) + sorted(seeds_dir.glob("*.gold.json"))
    assert golds
    for path in golds:
        assert schema_errors(json.loads(path.read_text(encoding="utf-8"))) == [], path.name


def test_windows_1252_fixture_is_not_utf8() -> None:
    """The fixture for legacy encodings must keep its Windows-1252 bytes."""
    data = (FOLDERS[0] / "njd-mirel-letter-opinion-cp1252.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("cp1252")
    assert "\u201c" in text and "\u2019" in text and "Soci\u00e9t\u00e9" in text


CONSISTENT_TEXT = "Judge A B. Plaintiff P v. Q. Sold on Temu. See X v. Y, 334 F.R.D. 511."


@pytest.mark.parametrize(
    ("gold", "fragment"),
    [
        (VALID, None),
        (_broken(("judges", 0, "name"), "C D"), "'C D' does not occur"),
        (_broken(("parties", 0, "name"), "Zed"), "'Zed' has words"),
        (_broken(("citations", 0, "cite"), "335 F.R.D. 511"), "does not occur"),
        (_broken(("platforms",), [{"name": "Temu", "kind": "marketplace"}] * 2), "duplicate"),
        (_broken(("attorneys",), [{"name": "A B", "firm": "F LLP", "email": None,
                                   "represents": [], "case": None}]), "not in firms"),
        (_broken(("attorneys",), [{"name": "A B", "firm": None, "email": "ab@x.com",
                                   "represents": [], "case": None}]), "email"),
    ],
)
def test_consistency_checker(gold: dict, fragment: str | None) -> None:
    errors = consistency_errors(gold, CONSISTENT_TEXT)
    if fragment is None:
        assert errors == []
    else:
        assert errors and any(fragment in e for e in errors), errors


def test_samples_make_a_small_graph() -> None:
    """The demo samples link firms to judges through shared cases, as their README says."""
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in FOLDERS[1].glob("*.gold.json")]
    cases = {(c["court"], c["docket"]) for g in golds for c in g["cases"]}
    judges_of: dict[str, set[tuple[str, str]]] = {}
    firms_of: dict[str, set[str]] = {}
    for gold in golds:
        for judge in gold["judges"]:
            judges_of.setdefault(judge["case"], set()).add((judge["name"], judge["role"]))
        for firm in gold["firms"]:
            firms_of.setdefault(firm["name"], set()).add(firm["case"])
    before = {firm: {j for case in docket_set for j in judges_of.get(case, set())}
              for firm, docket_set in firms_of.items()}
    assert len({court for court, _ in cases}) == 2 and len(cases) == 3
    assert len(firms_of) >= 2
    assert len(set().union(*judges_of.values())) >= 4
    assert {role for _, role in set().union(*judges_of.values())} == {"district", "magistrate"}
    assert max(sum(role == "district" for _, role in js) for js in before.values()) >= 2
    assert all(g["platforms"] for g in golds if g["kind"] != "other")
    assert any(g["citations"] for g in golds)
