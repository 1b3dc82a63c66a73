"""graph.keys: the one place that decides "same docket", a firm's store key, and rule sa-1.

Names, dockets and captions below are made up; they follow how filings and docket
records print them.
"""
from __future__ import annotations

import re
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docketgraph.graph import keys as K
from docketgraph.graph.model import CaseMention, Extraction
from docketgraph.graph.rdf import extraction_quads


# ---------------------------------------------------------------- dockets

@pytest.mark.parametrize("raw, expected", [
    ("1:23-cv-1820", "1:23-cv-01820"),
    ("1:23-CV-01820-ABC-DEF", "1:23-cv-01820"),      # judge initials are not part of it
    ("2:19-mj-123", "2:19-mj-00123"),
    ("23-cv-21333", "23-cv-21333"),
    ("No. 23 C 1820", "23-cv-01820"),                # N.D. Ill. style
    ("24 Civ. 3310", "24-cv-03310"),                 # S.D.N.Y. style
    ("1:2022cv00850", "1:22-cv-00850"),
    ("2022-cv-04498", "22-cv-04498"),
    ("1:23-cv-1820 (ABC)", "1:23-cv-01820"),
    ("No. 21-1234", "21-1234"),                      # appellate: as printed, label dropped
    ("08-6301-cv", "08-6301-cv"),
    ("No. 412 WDA 2022", "412 WDA 2022"),            # state appellate
    ("2016 WL 305096", "2016 WL 305096"),            # not a docket shape: kept
    ("2020-Ohio-1047", "2020-Ohio-1047"),
    ("", None),
    (None, None),
])
def test_normalise_docket(raw, expected):
    assert K.normalise_docket(raw) == expected


@pytest.mark.parametrize("args, expected", [
    (("2022", "Civ", "333", "1"), "1:22-cv-00333"),
    (("20", "C", "3490"), "20-cv-03490"),
    (("21", "crim.", "77"), "21-cr-00077"),
    (("19", "xy", "5"), "19-xy-00005"),
])
def test_docket_from_parts(args, expected):
    assert K.docket_from_parts(*args) == expected


@pytest.mark.parametrize("a, b", [
    ("1:23-cv-01820", "23-cv-1820"),
    ("1:23-cv-01820", "2:23-CV-01820"),
    ("23 cv 1820", "23-cv-01820"),
])
def test_docket_key_same(a, b):
    assert K.docket_key(a) == K.docket_key(b)


@pytest.mark.parametrize("a, b", [
    ("23-cv-01820", "23-cr-01820"),
    ("23-cv-01820", "22-cv-01820"),
    ("21-1234", "21-1235"),
])
def test_docket_key_different(a, b):
    assert K.docket_key(a) != K.docket_key(b)


_YEAR = st.integers(0, 99).map(lambda n: f"{n:02d}")
_TYPE = st.sampled_from(["cv", "CV", "cr", "mc", "mj", "md", "bk", "ap"])
_NUM = st.integers(1, 99999)
_OFFICE = st.one_of(st.none(), st.integers(1, 9).map(str))
_INITIALS = st.lists(st.text(alphabet="ABCDEFGHJKLMNPRSTW", min_size=2, max_size=3), max_size=2)


def _former_pacer_docket(value):
    """The PACER reader's former private rule, kept here as the reference it must match."""
    if not value:
        return None
    m = re.match(r"^\s*(?:(\d{1,2}):)?(\d{2})-([a-zA-Z]{1,4})-(\d{1,6})", value)
    if not m:
        return value.strip() or None
    office, yy, typ, num = m.groups()
    base = f"{yy}-{typ.lower()}-{int(num):05d}"
    return f"{office}:{base}" if office else base


def _former_fields_docket_key(docket):
    """ingest.fields.dockets' former private key, the reference on normalised dockets."""
    s = re.sub(r"\s+", "", str(docket or "").lower())
    s = re.sub(r"^\d:", "", s)
    m = re.match(r"^(\d{2})-([a-z]{1,4})-0*(\d+)$", s)
    return f"{m.group(1)}-{m.group(2)}-{int(m.group(3)):05d}" if m else s


@settings(max_examples=300, deadline=None)
@given(_OFFICE, _YEAR, _TYPE, _NUM, _INITIALS, st.booleans())
def test_cmecf_numbers_as_before_and_idempotent(office, yy, typ, num, initials, pad):
    raw = (f"{office}:" if office else "") + f"{yy}-{typ}-{num:05d}" if pad else \
        (f"{office}:" if office else "") + f"{yy}-{typ}-{num}"
    raw += "".join("-" + i for i in initials)
    got = K.normalise_docket(raw)
    assert got == _former_pacer_docket(raw)
    assert got == K.docket_from_parts(yy, typ, str(num), office)
    assert K.normalise_docket(got) == got
    assert K.docket_key(got) == _former_fields_docket_key(got)
    assert K.docket_key(got) == K.docket_key(f"{yy}-{typ}-{num}")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789-: cvCVNo.abWLA/", max_size=24))
def test_normalise_docket_is_idempotent(raw):
    once = K.normalise_docket(raw)
    assert once is None or K.normalise_docket(once) == once


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["21-1234", "08-6301-cv", "2009-1361", "cv-21-123456", "a-1234-19"]))
def test_appellate_and_state_keys_as_before(raw):
    assert K.docket_key(raw) == _former_fields_docket_key(raw)


# ---------------------------------------------------------------- firms in the store

@pytest.mark.parametrize("a, b", [
    ("Roe & Poe LLP", "ROE AND POE, LLP"),
    ("Roe & Poe LLP", "Roe & Poe, LLP."),
])
def test_firm_store_key(a, b):
    assert K.firm_store_key(a) == K.firm_store_key(b)
    assert K.firm_iri(a) == K.firm_iri(b)


# ---------------------------------------------------------------- Schedule A rule sa-1

@pytest.mark.parametrize("caption, expected", [
    ('Quillon Ltd. v. The Partnerships and Unincorporated Associations Identified on Schedule "A"', True),
    ("Quillon Ltd. v. The Individuals, Corporations, Limited Liability Companies, Partnerships, "
     "and Unincorporated Associations Identified on Schedule A Hereto", True),
    ("Quillon Ltd. v. The Partnerships and Unincorporated Associations Identi", True),  # cut short
    ("Quillon Ltd. v. Schedule 'A' Defendants", True),
    ("Quillon Ltd. v. Does 1-50", True),
    ("Quillon Ltd. v. John Does 1 through 10", True),
    ("Quillon Ltd. v. Jane Does 1 thru 5", True),
    ("Quillon Ltd. v. Does 1 - 20", True),
    ("Quillon Ltd. v. Bo Poe and Roes 1-10", False),   # a Roe range is not a Schedule A group
    ("Quillon Ltd. v. Marbury Outfitters Inc. et al", False),
    ("Quillon Ltd. v. Sunnyshop et al", False),   # a case name's "et al." is not read
    ("Ann Roe v. Local 88, an unincorporated association", False),
    ("Ann Roe v. Bo Poe", False),
    ("", False),
    (None, False),
])
def test_schedule_a_caption(caption, expected):
    assert K.is_schedule_a_caption(caption) is expected


@pytest.mark.parametrize("defendants, text, et_al, expected", [
    (["The Partnerships and Unincorporated Associations Identified on Schedule A"], "", False, True),
    (["Does 1-100"], "", False, True),
    (["Jane Does 1 thru 5"], "", False, True),
    (["Roes 1-40"], "", False, False),
    (["SUNNYSHOP", "bluemart88", "TopDeal Official Store", "Greenleaf Co., Ltd.", "Aster LLC"], "", False, True),
    (["bluemart88"], "", True, True),
    (["Marbury Outfitters Inc."], "", True, False),
    (["Marbury Outfitters Inc."], "the seller aliases listed in the complaint", False, True),
    (["Marbury Outfitters Inc."], "a contract dispute", False, False),
])
def test_schedule_a_rule(defendants, text, et_al, expected):
    assert K.is_schedule_a(defendants, text, et_al) is expected


_FORMER_PACER_SA = re.compile(
    r"Schedule\s+[\"“']?A\b|Partnerships\s+and\s+Unincorporated\s+Associations|"
    r"Unincorporated\s+Associations\s+Identified", re.IGNORECASE)
_FORMER_CL_SA = re.compile(r"(?i)schedule\s*[\"'“”]?a\b|unincorporated\s+associations")

_PLAINTIFF = st.sampled_from(["Quillon Ltd.", "Ann Roe", "Marbury Outfitters, Inc."])
_DEFENDANT = st.sampled_from([
    'The Partnerships and Unincorporated Associations Identified on Schedule "A"',
    "The Individuals, Partnerships and Unincorporated Associations Identified on Schedule A",
    "Partnerships and Unincorporated Associations", "Bo Poe", "Greenleaf Co., Ltd. et al",
    "Local 88, an unincorporated association", "The Entities Listed in Exhibit 1",
])


@settings(max_examples=100, deadline=None)
@given(_PLAINTIFF, _DEFENDANT)
def test_caption_rule_agrees_with_the_former_reader_rules(plaintiff, defendant):
    """sa-1 on a case name answers as the PACER and CourtListener readers' own rules did
    (their one difference, Doe ranges, is covered above)."""
    caption = f"{plaintiff} v. {defendant}"
    former = bool(_FORMER_PACER_SA.search(caption))
    assert former == bool(_FORMER_CL_SA.search(caption)) or "Exhibit" in caption
    if "Exhibit" not in caption:
        assert K.is_schedule_a_caption(caption) is former
    else:
        assert K.is_schedule_a_caption(caption) is True  # a group on an exhibit: sa-1 (a)


def test_rule_text_is_quoted_by_summaries_saved_query_and_rdf():
    from docketgraph.queries import summarised

    assert K.SCHEDULE_A_RULE == "sa-1" and K.SCHEDULE_A_RULE_TEXT.startswith("sa-1: ")
    assert summarised.SA_RULE == K.SCHEDULE_A_RULE_TEXT
    rq = resources.files("docketgraph.queries").joinpath("saved/schedule-a-cases.rq").read_text(encoding="utf-8")
    assert f'"{K.SCHEDULE_A_RULE_TEXT}" AS ?rule' in rq
    ex = Extraction(doc="a.txt", sha256="0" * 64, kind="order", filed=None,
                    cases=(CaseMention("1:23-cv-01820", "ilnd", "Quillon Ltd. v. Does 1-50", True, ((0, 4),)),))
    rules = [q.object.value for q in extraction_quads(ex, text="Case") if q.predicate.value.endswith("scheduleARule")]
    assert rules == [K.SCHEDULE_A_RULE]
