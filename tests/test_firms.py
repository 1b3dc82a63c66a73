"""The law-firm reference list (ingest/data/firms.json) and the canonicaliser (ingest/fields/firms.py)."""
from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from docketgraph.graph.names import firm_key
from docketgraph.ingest.fields import firms as F

DATA = resources.files("docketgraph.ingest").joinpath("data/firms.json")  # the installed package's file
RECORDS = json.loads(DATA.read_text("utf-8"))
EXAMPLES = [(r["name"], e) for r in RECORDS for e in r["examples"]]


def test_file_is_in_canonical_form():
    """Records sorted by name, keys in a fixed set, lists sorted, one-space indent."""
    canon = sorted(
        ({"name": r["name"], "aliases": sorted(set(r["aliases"])), "domains": sorted(set(r["domains"])),
          "examples": sorted(set(r["examples"])), "labels": sorted(set(r["labels"])),
          "people": sorted(set(r["people"]))} for r in RECORDS),
        key=lambda r: r["name"].lower())
    assert DATA.read_text("utf-8") == json.dumps(canon, indent=1, ensure_ascii=False) + "\n"


def test_records_have_the_schema():
    for r in RECORDS:
        assert set(r) == {"name", "aliases", "domains", "examples", "labels", "people"}, r
        # one-word or acronym forms are labels (resolved only with support), never aliases
        for a in r["aliases"]:
            core = F.firm_core_key(a).split()
            name_words = F.firm_core_key(r["name"]).split()
            assert not (len(core) == 1 and len(name_words) > 1 and core[0] in name_words), a  # "Vogt"
            assert not re.fullmatch(r"[A-Z&]{2,5}", a), a  # "GBC"
        assert r["name"] and r["name"] == r["name"].strip()
        assert r["name"] in r["examples"], "each record's own name is one of its examples"
        for d in r["domains"]:
            assert "." in d and "@" not in d and d == d.lower()


def test_names_unique_and_aliases_unambiguous():
    owner: dict[str, str] = {}
    for r in RECORDS:
        for form in [r["name"], *r["aliases"]]:
            k = firm_key(form)
            assert owner.setdefault(k, r["name"]) == r["name"], (form, owner[k], r["name"])


def test_list_covers_the_field():
    assert len(RECORDS) >= 160
    names = {r["name"] for r in RECORDS}
    for must in ("Greer, Burns & Crain, Ltd.", "Epstein Drangel LLP", "Keith Vogt, Ltd.",
                 "Hughes Socol Piers Resnick & Dym, Ltd.", "Stephen M. Gaffigan, P.A.",
                 "Fish & Richardson P.C.", "Finnegan, Henderson, Farabow, Garrett & Dunner, LLP"):
        assert must in names


@pytest.mark.parametrize("name, example", EXAMPLES)
def test_every_example_resolves_to_its_record(name, example):
    assert F.canonical_firm(example)[0] == name


@pytest.mark.parametrize("a, b", [
    ("Keith Vogt, Ltd.", "JiangIP"),
    ("Keith Vogt, Ltd.", "Keener & Associates, P.C."),
    ("Epstein Drangel LLP", "Ellis & Winters LLP"),
    ("Sullivan & Carter", "AM Sullivan Law, LLC"),
    ("The Brickell IP Group, PLLC", "Brickell Law Group"),
    ("Hughes Socol Piers Resnick & Dym, Ltd.", "Greer, Burns & Crain, Ltd."),
    ("Keener & Associates, P.C.", "Kenner & Associates, P.C."),
    ("Stephen M. Gaffigan, P.A.", "Gaffigan"),
    ("Greer, Burns & Crain, Ltd.", "Greer Law Group"),
])
def test_confusable_pairs_stay_apart(a, b):
    assert F.canonical_firm(a)[0] != F.canonical_firm(b)[0]


@pytest.mark.parametrize("raw, name, fuzzy", [
    ("Epstein Drengel", "Epstein Drangel LLP", True),
    ("EPSTEIN DRANGEL LLP", "Epstein Drangel LLP", False),
    ("Zhonghao Law Frim, LLP", "Zhonghao Law Firm, LLP", True),
    ("Greer, Burns, and Crain", "Greer, Burns & Crain, Ltd.", False),
    ("Fish & Richardsen P.C.", "Fish & Richardson P.C.", True),
    # the field beyond Schedule A: short forms and former names of litigation firms
    ("Weil Gotshal", "Weil, Gotshal & Manges LLP", False),
    ("MILBANK, TWEED, HADLEY & McCLOY LLP", "Milbank LLP", False),
    ("Arnold & Porter", "Arnold & Porter Kaye Scholer LLP", False),
    ("Pillsbury Winthrop Shaw Pitman LLP", "Pillsbury Winthrop Shaw Pittman LLP", True),
])
def test_canonical_firm_and_evidence(raw, name, fuzzy):
    got, evidence = F.canonical_firm(raw)
    assert got == name
    if raw != name:
        assert evidence is not None
    assert ("fuzzy" in (evidence or "")) == fuzzy


@pytest.mark.parametrize("raw, name", [
    ("MORRIS & MORRIS", "Morris & Morris"),
    ("Day Pitney", "Day Pitney"),
    ("Jones Day - Chicago", "Jones Day"),
    ("Foley & Lardner LLP (DC)", "Foley & Lardner LLP"),
    ("Baker Botts L.L.P. San Francisco", "Baker Botts L.L.P."),
    ("**SMITH & JONES LLP**", "Smith & Jones LLP"),
    ("Irwin IP LLP", "Irwin IP LLP"),  # a reference name without a known suffix takes the document's
    ("HALE • MORROW, LLP", "Hale Morrow, LLP"),  # letterhead ornaments dropped
    ("Quill | Sandoval PLLC", "Quill Sandoval PLLC"),
])
def test_unlisted_or_suffixless_firms_keep_the_documents_form(raw, name):
    assert F.canonical_firm(raw) == (name, None)


def test_never_by_email_domain_alone():
    assert F.match_firm("ipcounselors.com") is None
    assert F.match_firm("gbc.law") is None
    # a domain in the document only supports a fuzzy match of the name
    _, evidence = F.canonical_firm("Epstein Drengel", "write to jdrangel@ipcounselors.com")
    assert "ipcounselors.com" in evidence


@pytest.mark.parametrize("raw, expected", [
    ("Greer, Burns & Crain, Ltd.", True),
    ("Borowsky & Borowsky", True),
    ("Thomas More Society", True),
    ("Liberty Counsel", True),
    ("The Whiting Law Firm", True),
    ("United States Attorney's Office for the Southern District of New York", True),
    ("Office of the Illinois Attorney General", True),
    ("Robert G. Rose", False),
    ("300 South Wacker Drive, Suite 2500", False),
    ("Chicago, Illinois 60606", False),
    ("United States District Court", False),
    ("jgaudio@gbc.law", False),
    ("Hogan Lovells", True),  # a reference firm with no legal form and no law word
    ("Desmarais", False),
    # firm names with lower-case connectors or a particle glued to a capital
    ("Law Offices of Jane Q. Doe", True),
    ("Center for Tenant Rights", True),
    ("vanDoren Law LLC", True),
    ("Roe & Poe, a professional corporation", True),
    # a sentence that happens to name an organisation word
    ("Committee) was responsible for the product development decisions", False),
    ("The Foundation has funded these programs since", False),
])
def test_looks_like_firm(raw, expected):
    assert F.looks_like_firm(raw) is expected


@pytest.mark.parametrize("raw, expected", [
    ("United States Attorney's Office for the Southern District of New York", True),
    ("U.S. Attorney’s Office", True),
    ("Office of the Attorney General", True),
    ("U.S. Department of Justice", True),
    ("Federal Public Defender", True),
    ("Illinois Attorney General's Office", True),
    ("Deputy Attorney General", False),
    ("Greer, Burns & Crain, Ltd.", False),
])
def test_government_offices(raw, expected):
    assert F.is_government_office(raw) is expected


@pytest.mark.slow
@pytest.mark.parametrize("raw", [
    " " * 50_000, "A" * 50_000, "& " * 20_000, "LLP " * 10_000, "(" * 10_000 + "DC)",
    " - Chicago" * 5_000, "Epstein " * 5_000, "@" * 50_000,
])
def test_long_inputs_return(raw):
    name, _ = F.canonical_firm(raw)
    assert isinstance(name, str)
    assert isinstance(F.looks_like_firm(raw), bool)


@pytest.mark.parametrize("label, context, name", [
    # a short label resolves only when the document supports it
    ("Keith", "代理律所:Keith\nATTORNEY Appearance for Plaintiff by Keith A. Vogt", "Keith Vogt, Ltd."),
    ("Keith", "代理律所:Keith\nATTORNEY Appearance for Plaintiff by Keith Moreno", "Keith"),
    ("Keith", None, "Keith"),
    ("GBC", "Counsel: GBC. Contact jgaudio@gbc.law", "Greer, Burns & Crain, Ltd."),
    ("GBC", "Counsel: GBC.", "GBC"),
    ("EPS", "EPS filed it; see www.ipcounselors.com", "Epstein Drangel LLP"),
    ("EPS", "EPS filed it.", "EPS"),
    ("SMG", "SMG for plaintiff; Stephen M. Gaffigan signed", "Stephen M. Gaffigan, P.A."),
    ("AMS", "AMS for plaintiff", "AMS"),
])
def test_short_labels_need_support(label, context, name):
    assert F.canonical_firm(label, context)[0] == name
