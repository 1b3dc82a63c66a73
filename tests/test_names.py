"""Name helpers shared by ingest and graph (graph/names.py)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docketgraph.graph import names as N

@pytest.mark.parametrize("raw, expected", [
    ("HON. PAUL A. ENGELMAYER", "Paul A. Engelmayer"),
    ("Hon. Paul A. Engelmayer", "Paul A. Engelmayer"),
    ("The Honorable Sharon Johnson Coleman", "Sharon Johnson Coleman"),
    ("Magistrate Judge Susan E. Cox", "Susan E. Cox"),
    ("Chief Judge Robert S. Lasnik", "Robert S. Lasnik"),
    ("PAUL G. GARDEPHE", "Paul G. Gardephe"),
    ("F. JAMES LOPREST, JR.", "F. James Loprest, Jr."),
    ("Charles N. Clevert Jr.", "Charles N. Clevert, Jr."),
    ("Robert N. Scola, Jr.", "Robert N. Scola, Jr."),
    ("Benson E. LEGG", "Benson E. Legg"),
    ("Amy Crout Ziegler", "Amy Crout Ziegler"),
    ("PATRICK MCDONALD", "Patrick McDonald"),
    ("JOHN O'NEIL", "John O'Neil"),
    ("JUAN DE LA CRUZ", "Juan de la Cruz"),
    ("Ms. Jane Roe", "Jane Roe"),
    ("Lt. John Doe", "John Doe"),
    ("Travis Stockman, Esq.", "Travis Stockman"),
    ("Kim McLane Wardlaw", "Kim McLane Wardlaw"),
    ("Megan M Kokontis", "Megan M Kokontis"),
    ("Larry Ford Banister II", "Larry Ford Banister II"),
    ("", ""),
])
def test_person_name(raw, expected):
    assert N.person_name(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("PAUL G. GARDEPHE", "Paul G. Gardephe"),
    ("Paul G. Gardephe", "Paul G. Gardephe"),  # mixed case is kept
    ("MARY O'CONNOR-SMITH", "Mary O'Connor-Smith"),
    ("ROBERT MCLANE", "Robert McLane"),
])
def test_proper_case(raw, expected):
    assert N.proper_case(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("Hon. X Y", "X Y"),
    ("the Honorable X Y", "X Y"),
    ("Senior District Judge X Y", "X Y"),
    ("United States Magistrate Judge X Y", "X Y"),
    ("Dr. X Y", "X Y"),
    ("X Y, Esq.", "X Y"),
    ("Honesty Jones", "Honesty Jones"),  # a word starting with "Hon" is not a title
    ("Judgeson Smith", "Judgeson Smith"),
])
def test_strip_honorifics(raw, expected):
    assert N.strip_honorifics(raw) == expected


@pytest.mark.parametrize("raw, last, given", [
    ("Robert N. Scola, Jr.", "Scola", ["Robert", "N."]),
    ("Paul A. Engelmayer", "Engelmayer", ["Paul", "A."]),
    ("Stickman", "Stickman", []),
    ("Hon. Nancy Torresen", "Torresen", ["Nancy"]),
])
def test_surname_and_given_names(raw, last, given):
    assert N.surname(raw) == last
    assert N.given_names(raw) == given


@pytest.mark.parametrize("raw, expected", [
    ("L EVAL, S TRAUB, AND W ESLEY", "LEVAL, STRAUB, AND WESLEY"),
    ("F LAUM, M ANION, and R OVNER", "FLAUM, MANION, and ROVNER"),
    ("FISHER, HARDIMAN", "FISHER, HARDIMAN"),
])
def test_fix_letterspacing(raw, expected):
    assert N.fix_letterspacing(raw) == expected


@pytest.mark.parametrize("a, b", [
    ("Greer, Burns & Crain, Ltd.", "GREER BURNS AND CRAIN LTD"),
    ("Dornan & Associates, P.L.L.C.", "Dornan and Associates PLLC"),
    ("Foley & Lardner L.L.P.", "Foley & Lardner LLP"),
    ("The Webb Law Firm", "Webb Law Firm"),
    ("Cozen O’Connor", "Cozen O'Connor"),
])
def test_firm_key_equal(a, b):
    assert N.firm_key(a) == N.firm_key(b)


@pytest.mark.parametrize("a, b", [
    ("Greer, Burns & Crain, Ltd.", "Greer, Burns & Crain, LLC"),  # suffixes are kept
    ("Keener & Associates, P.C.", "Kenner & Associates, P.C."),
])
def test_firm_key_different(a, b):
    assert N.firm_key(a) != N.firm_key(b)


@pytest.mark.parametrize("raw, expected", [
    ("Greer, Burns & Crain, Ltd.", "greer burns and crain"),
    ("EPSTEIN DRANGEL LLP", "epstein drangel"),
    ("Jones Day", "jones day"),
    ("LLP", "llp"),
])
def test_firm_core_key(raw, expected):
    assert N.firm_core_key(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("EPSTEIN DRANGEL LLP", "Epstein Drangel LLP"),
    ("WILSON, ELSER, MOSKOWITZ, EDELMAN & DICKER LLP", "Wilson, Elser, Moskowitz, Edelman & Dicker LLP"),
    ("GREER, BURNS & CRAIN, LTD.", "Greer, Burns & Crain, Ltd."),
    ("DORNAN & ASSOCIATES, P.L.L.C.", "Dornan & Associates, P.L.L.C."),
    ("THE BRICKELL IP GROUP, PLLC", "The Brickell IP Group, PLLC"),
    ("LAW OFFICES OF JOHN SMITH", "Law Offices of John Smith"),
    ("MORRIS & MORRIS", "Morris & Morris"),
    ("Cozen O'Connor", "Cozen O'Connor"),
])
def test_firm_display(raw, expected):
    assert N.firm_display(raw) == expected


def test_names_imports_nothing_from_ingest_or_queries():
    tree = ast.parse(Path(N.__file__).read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    assert not any("ingest" in m or "queries" in m for m in imported), imported


@pytest.mark.slow
@pytest.mark.parametrize("raw", [
    " " * 50_000,
    "A. " * 20_000,
    "HON. " * 10_000,
    "Mc" * 25_000,
    "O'" * 25_000,
    "& LLP, " * 10_000,
    "L.L.P." * 10_000,
])
def test_long_inputs_return(raw):
    # crafted inputs for the regexes: they must return (no catastrophic backtracking)
    assert isinstance(N.person_name(raw), str)
    assert isinstance(N.firm_key(raw), str)
    assert isinstance(N.firm_display(raw), str)
    assert isinstance(N.fix_letterspacing(raw), str)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_keys_are_idempotent(s):
    assert N.person_key(N.person_key(s)) == N.person_key(s)
    assert N.firm_key(N.firm_key(s)) == N.firm_key(s)
    assert N.clean_space(N.clean_space(s)) == N.clean_space(s)


# ---------------------------------------------------------------- rules named for their scope

@pytest.mark.parametrize("raw, expected", [
    ("BLUE HERON OUTFITTERS CO., LTD.", "Blue Heron Outfitters Co., Ltd."),
    ("ORBIT GmbH", "Orbit GmbH"),
    ("MCALLISTER FARMS LLC", "McAllister Farms LLC"),
    ("SUNNYSHOP", "Sunnyshop"),
    ("Marbury Outfitters, Inc.", "Marbury Outfitters, Inc."),
    ("TELMA O'DONNELL", "Telma O'Donnell"),
    ("K.L. VARNE", "K.L. Varne"),                       # initials keep their capitals
    ("QUELVIA DISTRIBUCIONES S.A.U.", "Quelvia Distribuciones S.A.U."),
    ("ORTA & BRISE L.P.A.", "Orta & Brise L.P.A."),
])
def test_normal_case_caption(raw, expected):
    assert N.normal_case_caption(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("JUNKMAN'S ATTIC OF OHIO LLC", "Junkman's Attic of Ohio LLC"),
    ("MARY O'BRIEN-DALE", "Mary O'Brien-Dale"),
    ("UNUM", "UNUM"),                       # one ALL-CAPS word: an acronym, kept
    ("Mary McALLISTER", "Mary McALLISTER"),  # any lower case: typed in mixed case, kept
])
def test_normal_case_record(raw, expected):
    assert N.normal_case_record(raw) == expected


def test_display_case_differs_by_scope():
    # a caption's one-word party is a store name; a record's one-word party is an acronym
    assert N.normal_case_caption("SUNNYSHOP") == "Sunnyshop"
    assert N.normal_case_record("SUNNYSHOP") == "SUNNYSHOP"


@pytest.mark.parametrize("raw, expected", [
    ("Joseph  C. Sullivan , Jr.", "Joseph C. Sullivan, Jr."),
    ("  Roe & Poe ,  LLP  ", "Roe & Poe, LLP"),
])
def test_clean_space_record(raw, expected):
    assert N.clean_space_record(raw) == expected
    assert N.clean_space(raw) != expected  # the plain rule keeps the space before a comma


@pytest.mark.parametrize("raw, expected", [
    ("Roe & Poe, A Professional Corporation", "roe and poe"),
    ("Roe & Poe, L.L.P.", "roe and poe"),
    ("The Roe Firm, P. C.", "roe firm"),
    ("Roe & Poe Inc.", "roe and poe inc"),
])
def test_firm_key_in_docket(raw, expected):
    assert N.firm_key_in_docket(raw) == expected


def test_firm_keys_differ_by_scope():
    # within one docket "P. C." is dropped to group spellings; across documents the
    # suffix is part of the name's key
    assert N.firm_key_in_docket("Roe & Poe, P.C.") == N.firm_key_in_docket("Roe & Poe")
    assert N.firm_key("Roe & Poe, P.C.") != N.firm_key("Roe & Poe")
    assert N.firm_core_key("Roe & Poe, P.C.") == N.firm_core_key("Roe & Poe")


@pytest.mark.parametrize("a, b, same", [
    ("Tabitha R. Quell", "Tabhita R. Quell", True),      # a one-letter typo in one docket
    ("T. Ronan Quell", "Ronan T. Quell", True),
    ("Tabitha Quell", "Tobias Quell", False),
])
def test_same_person_in_docket(a, b, same):
    assert N.same_person_in_docket(a, b) is same
    assert N.same_person_in_docket(b, a) is same


def test_person_rules_differ_by_scope():
    # typo-tolerant within one docket, strict key across documents
    assert N.same_person_in_docket("Tabitha R. Quell", "Tabhita R. Quell")
    assert N.person_key("Tabitha R. Quell") != N.person_key("Tabhita R. Quell")


@pytest.mark.parametrize("raw, expected", [
    ("Mary O’Brien-Dale, Jr.", ["mary", "o'brien", "dale"]),
    ("ANN B. ROE, ESQ.", ["ann", "b", "roe"]),
])
def test_name_tokens(raw, expected):
    assert N.name_tokens(raw) == expected


_NAMEISH = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh'’.,-& ", max_size=40)


@settings(max_examples=300, deadline=None)
@given(_NAMEISH)
def test_display_rules_are_idempotent(s):
    for f in (N.normal_case_caption, N.normal_case_record, N.clean_space_record, N.party_name_record):
        assert f(f(s)) == f(s), f.__name__


@settings(max_examples=300, deadline=None)
@given(_NAMEISH, _NAMEISH)
def test_in_docket_rules_are_symmetric(a, b):
    assert N.same_person_in_docket(a, b) == N.same_person_in_docket(b, a)
    assert N.same_firm_in_docket(a, b) == N.same_firm_in_docket(b, a)
    if N.firm_key_in_docket(a):
        assert N.same_firm_in_docket(a, a)


@pytest.mark.parametrize("a, b, same", [
    ("Tabitha R. Quell", "T. Quell", True),
    ("Tabitha R. Quell", "Tabihta Quell", True),     # one letter off in a long first name
    ("Tabitha R. Quell", "Quell", False),
    ("Tabitha Quell", "Tobias Quell", False),
])
def test_same_person_in_filing(a, b, same):
    assert N.same_person_in_filing(a, b) is same


@pytest.mark.parametrize("a, b, ok", [
    (["Tabitha", "R."], ["Tabitha"], True),
    (["T."], ["Tabitha"], True),
    (["Tabitha", "R."], ["Tabitha", "T."], False),
    (["Tabitha"], ["Tabhita"], False),               # across documents no typo is forgiven
])
def test_given_compatible_across_documents(a, b, ok):
    assert N.given_compatible(a, b) is ok
