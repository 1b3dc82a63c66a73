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
