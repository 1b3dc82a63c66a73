"""A court web page's party table read from visible text (fields/party_table.py), and what
the caption and counsel rules take from it. Names are made up."""
from __future__ import annotations

import pytest

from docketgraph.ingest.fields.captions import find_caption
from docketgraph.ingest.fields.counsel import find_counsel
from docketgraph.ingest.fields.party_table import find_party_tables, natural_order, role_of

PAGE = """Case: 07-24-00123-CV
Style:
Nora Quill
v.:
Acme Lending, N.A.
Parties
Party | PartyType | Representative
Acme Lending, N.A. | Appellee | Ann B. Roe
Carl D. Poe Jr.
Moss-Tanaka, Dana | Appellee | Dana Moss-Tanaka
Quill, Nora | Appellant | Nora Quill
Case Documents, Opinions, Notices:
Trial Court Information
"""


def test_rows_with_their_representatives():
    parties, zones = find_party_tables(PAGE)
    assert [(p.name, p.role) for p in parties] == [
        ("Acme Lending, N.A.", "appellee"), ("Dana Moss-Tanaka", "appellee"), ("Nora Quill", "appellant")]
    assert [n for n, _ in parties[0].representatives] == ["Ann B. Roe", "Carl D. Poe Jr."]
    for p in parties:
        for name, (s, e) in p.representatives:
            assert PAGE[s:e] == name
    (a, b), = zones
    assert PAGE[a:b].startswith("Party | PartyType") and "Case Documents" not in PAGE[a:b]


def test_the_caption_takes_the_parties_and_not_the_lawyers():
    cap = find_caption(PAGE)
    got = {(p.name, p.role) for p in cap.parties}
    assert ("Acme Lending, N.A.", "appellee") in got and ("Nora Quill", "appellant") in got
    assert not any("Roe" in n or "Poe" in n or "Documents" in n for n, _ in got)


def test_each_representative_is_counsel_for_the_row_and_pro_se_is_not():
    attorneys, firms = find_counsel(PAGE)
    got = {(a.name, tuple(a.represents)) for a in attorneys}
    assert got == {("Ann B. Roe", ("Acme Lending, N.A.",)), ("Carl D. Poe, Jr.", ("Acme Lending, N.A.",))}
    assert not firms


@pytest.mark.parametrize("raw, expected", [
    ("Quill, Nora", "Nora Quill"),
    ("Moss-Tanaka, Dana J.", "Dana J. Moss-Tanaka"),
    ("Acme Lending, N.A.", "Acme Lending, N.A."),
    ("Harbor Bank, Inc.", "Harbor Bank, Inc."),
    ("City of Easton, Texas", "City of Easton, Texas"),
    ("Nora Quill", "Nora Quill"),
])
def test_natural_order(raw, expected):
    assert natural_order(raw) == expected


@pytest.mark.parametrize("cell, role", [
    ("Appellee", "appellee"), ("Appellants", "appellant"), ("Defendant - Appellant", "appellant"),
    ("Relator", "petitioner"), ("Real Party in Interest", None), ("Plaintiff", "plaintiff"),
])
def test_role_of_a_party_type(cell, role):
    assert role_of(cell) == role


def test_a_table_without_a_type_column_is_not_a_party_table():
    assert find_party_tables("Name | Amount\nAcme | 12\n") == ([], [])
