"""Court headings and short forms to courts-db ids; only the document's own court."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from docketgraph.ingest.fields.courts import (
    StateCourtParts, find_courts, is_state_court, lookup, short_form_id, state_court_candidates,
)
from docketgraph.ingest.fields.own_court import find_court, find_lower_court

#: seconds one hostile input may take (a catastrophic pattern fails instead of hanging)
LINEAR_LIMIT = 10


@pytest.mark.parametrize("text, expected", [
    ("IN THE UNITED STATES DISTRICT COURT FOR THE NORTHERN DISTRICT OF ILLINOIS EASTERN DIVISION\n", "ilnd"),
    ("UNITED STATES DISTRICT COURT  \nSOUTHERN DISTRICT OF NEW YORK\n", "nysd"),
    ("IN THE UNITED STATES DISTRICT COURT FOR THE\n\n\nNORTHERN DISTRICT OF ILLINOIS EASTERN DIVISION", "ilnd"),
    ("United States District Court, Southern District of Florida\nAug 17, 2023", "flsd"),
    ("United States District Court, S.D. New York\nAug 14, 2023", "nysd"),
    ("CourtU.S. District Court \u2014 Northern District of Illinois\n", "ilnd"),
    ("United States District Court\n\nNorthern District of Illinois - CM/ECF LIVE, Ver 6.3.3", "ilnd"),
    ("UNITED STATES DISTRICT COURT MIDDLE DISTRICT OF FLORIDA TAMPA DIVISION", "flmd"),
    ("IN THE UNITED STATES DISTRICT COURT\n\n\nFOR THE WESTERN DISTRICT OF PENNSYLVANIA", "pawd"),
    ("United States Court of Appeals\n              For the Seventh Circuit\n", "ca7"),
    ("UNITED STATES COURT OF APPEALS\n\n   F OR THE S ECOND C IRCUIT\n", "ca2"),
    ("United States Court of Appeals for the Federal Circuit\n", "cafc"),
    ("UNITED STATES BANKRUPTCY COURT FOR THE NORTHERN DISTRICT OF ILLINOIS\n", "ilnb"),
])
def test_headings(text, expected):
    hit = find_court(text)
    assert hit is not None and hit.id == expected
    assert text[hit.span[0]:hit.span[1]].strip()


@pytest.mark.parametrize("text, expected", [
    ("Opinion\n\n24 CV 607 (N.D. Ill. Jul. 9, 2024)\n\nText.", "ilnd"),
    ("Opinion\n20-cv-9069 (PKC) (S.D.N.Y. Aug. 14, 2023)\n", "nysd"),
    ("Roku Inc. v. Schedule A, No. 1:2022cv00850 - Document 44 (S.D.N.Y. 2022)\n\nText.", "nysd"),
])
def test_short_form_on_own_header_line(text, expected):
    assert find_court(text).id == expected


@pytest.mark.parametrize("text", [
    "MEMORANDUM OPINION AND ORDER\n\nThe Court agrees. See BRABUS GmbH v. Schedule A, 2022 WL 7501046, "
    "at *1 (N.D. Ill. Oct. 13, 2022).\n",
    "Opinion\n21 C 3289\n11-23-2022\nMEMORANDUM OPINION AND ORDER\nThis case is one of hundreds filed in "
    "this District.\n",
    "See Oakley, Inc. v. P'Ships Identified on Schedule \"A\", No. 21-cv-536 at *3\n(N.D. Ill. Jan. 30, 2021).",
])
def test_courts_of_cited_decisions_are_not_the_documents(text):
    assert find_court(text) is None


def test_lower_court_of_an_appeal():
    text = ("UNITED STATES COURT OF APPEALS\n FOR THE THIRD CIRCUIT\n\n No. 09-1225\n\n"
            "On Appeal from the United States District Court\n for the District of New Jersey\n")
    assert find_court(text).id == "ca3"
    assert find_lower_court(text).id == "njd"
    assert [h.role for h in find_courts(text)] == ["own", "lower"]


def test_letter_to_a_judge_placed_by_courthouse():
    text = ("June 29, 2023\n\nHon. Paul A. Engelmayer\nUnited States District Judge\nThurgood Marshall\n"
            "United States Courthouse\n40 Foley Square\nNew York, New York 10007\n\nDear Judge Engelmayer,")
    assert find_court(text).id == "nysd"


def test_courthouse_examples_resolve():
    data = json.loads(resources.files("docketgraph.ingest").joinpath("data/courthouses.json").read_text())
    for rec in data["courthouses"]:
        for ex in rec["examples"]:
            hit = find_court("United States District Judge\n" + ex)
            assert hit is not None and hit.id == rec["court"], ex


@pytest.mark.parametrize("name, bankruptcy, expected", [
    ("United States District Court for the Northern District of Illinois", False, "ilnd"),
    ("United States Bankruptcy Court for the Northern District of Illinois", True, "ilnb"),
])
def test_lookup_prefers_district_over_bankruptcy(name, bankruptcy, expected):
    assert lookup(name, bankruptcy) == expected


@pytest.mark.time_limit(LINEAR_LIMIT)
@pytest.mark.parametrize("text", [
    " " * 50_000,
    "United States " * 5_000,
    "District Court for the " * 3_000,
    "(N.D. Ill. " * 5_000,
    "COURT OF APPEALS " + " " * 50_000 + "FOR",
])
def test_hostile_input_is_linear(text):
    find_court(text)


def test_first_court_named_is_the_documents():
    text = ("IN THE UNITED STATES DISTRICT COURT\nFOR THE EASTERN DISTRICT OF TEXAS\n\nMotion.\n\n"
            "2. Mr. Aguilar is admitted to practice before the United States Court of Appeals for the Federal "
            "Circuit.\n")
    assert find_court(text).id == "txed"
    assert find_lower_court(text) is None


def test_heading_with_margin_line_numbers():
    text = "".join(f"{i:2d}  {line}\n" for i, line in enumerate(
        ["", "IN THE UNITED STATES DISTRICT COURT", "FOR THE NORTHERN DISTRICT OF ILLINOIS", "EASTERN DIVISION",
         "", "ACME, Plaintiff,", "v.", "X, Defendant.", "", "MEMORANDUM"], 1))
    assert find_court(text).id == "ilnd"


def test_chinese_tracker_court_field():
    assert find_court("2022-cv-04498\n\n\u6cd5\u9662:\u4f0a\u5229\u8bfa\u4f0a\u5dde\u5317\u6cd5\u9662\n").id == "ilnd"


@pytest.mark.parametrize("text, expected", [
    ("UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF COLUMBIA\n", "dcd"),
    ("United States Court of Appeals for the District of Columbia Circuit\n", "cadc"),
    ("UNITED STATES DISTRICT COURT\nEASTERN DISTRICT OF NEW YORK\n", "nyed"),
    ("United States District Court for the District of Massachusetts", "mad"),
    ("UNITED STATES DISTRICT COURT FOR THE SOUTHERN DISTRICT OF TEXAS HOUSTON DIVISION", "txsd"),
])
def test_more_district_and_circuit_headings(text, expected):
    assert find_court(text).id == expected


# --- State courts: headings read into their parts and looked up in courts-db ---------------

@pytest.mark.parametrize("text, expected", [
    ("IN THE SUPREME COURT OF GEORGIA\n\nMARA QUILL, Appellant,\nv.\nTOWN OF ELMWOOD, Appellee.", "ga"),
    ("Court of Appeals of Michigan\n\nPELL v. DORNE", "michctapp"),
    ("IN THE COURT OF COMMON\nPLEAS OF BUCKS COUNTY,\nPENNSYLVANIA\n\nIVO LANTZ, Plaintiff\nV.", "pactcomplbucks"),
    ("SUPERIOR COURT OF NEW JERSEY\n    APPELLATE DIVISION\n    DOCKET NO. A-2211-18", "njsuperctappdiv"),
    ("Supreme Court, Kings County\nMar 3, 2021\n\nIndex 512345/2019", "nysupctkings"),
    ("SUPREME COURT, APPELLATE DIVISION SECOND DEPARTMENT\nDecided May 4", "nyappdiv"),
    ("COURT OF CHANCERY OF THE STATE OF DELAWARE\n\nIN RE VELLUM CORP. LITIGATION", "delch"),
    ("Superior Court of California\n\nCounty of Alameda\n\nDepartment 9", "calsuperct"),
    ("Florida Court of Appeals, Second District\nNo. 2D20-1234.", "fladistctapp2"),
    ("JOHN ROOK, ON BEHALF OF : IN THE SUPERIOR COURT OF\nHIMSELF : PENNSYLVANIA\n", "pasuperct"),
    ("Franklin County Court of Common Pleas\nCase No. 19CV004455\nSTATE OF OHIO", "ohctcomplfrankl"),
])
def test_state_court_headings(text, expected):
    got = find_court(text)
    assert got is not None and got.id == expected


@pytest.mark.parametrize("text, own, lower", [
    # the court below, named in the "Appeal from ..." sentence
    ("Court of Appeals of Ohio TENTH APPELLATE DISTRICT\nCivil Appeal from the Franklin County Court "
     "of Common Pleas Case No. CV-445566\n", "ohioctapp", "ohctcomplfrankl"),
    ("SUPERIOR COURT OF NEW JERSEY\nAPPELLATE DIVISION\nDOCKET NO. A-1111-19\n\nOn appeal from the "
     "Superior Court of New Jersey, Law Division, Bergen County, Docket No. L-2222-18.\n",
     "njsuperctappdiv", "njsuperbergen"),
    ("SUPREME COURT OF OHIO\n(No. 2019-1111—Submitted May 1, 2020.)\nAPPEAL from the Court of Appeals "
     "for Franklin County, No. 18AP-123.\n", "ohio", "ohioctapp"),
])
def test_state_court_and_court_below(text, own, lower):
    assert find_court(text).id == own
    assert find_lower_court(text).id == lower


@pytest.mark.parametrize("text", [
    # a state court named only in prose, in a federal heading's document, or as a cited court
    "The plaintiff first sued in state court, and the Supreme Court of Georgia has held as much.",
    "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF GEORGIA\n\nremoved from the Superior Court of "
    "Fulton County",
    "See Pell v. Dorne, 123 Mich. App. 45 (Court of Appeals of Michigan 1990).",
])
def test_state_courts_not_the_documents(text):
    got = find_court(text)
    assert got is None or not is_state_court(got.id)


@pytest.mark.parametrize("kind, state, county, district, appdiv, first", [
    ("commonpleas", "Ohio", "Lake", None, False, "Lake County Court of Common Pleas"),
    ("dca", "Florida", None, "Third", False, "Florida District Court of Appeal, Third District"),
    ("appeals", "Ohio", None, "Eighth", False, "Ohio District Court of Appeal, Eighth District"),
    ("superior", "New Jersey", "Essex", None, True, "Superior Court of New Jersey, Appellate Division"),
    ("supreme", "New York", "Queens", None, False, "Supreme Court, Queens County"),
    ("chancery", "Delaware", None, None, False, "Court of Chancery of Delaware"),
])
def test_state_court_candidates(kind, state, county, district, appdiv, first):
    p = StateCourtParts(kind, state, county, district, appdiv, (0, 0))
    assert state_court_candidates(p)[0] == first


@pytest.mark.parametrize("text, expected", [
    ("N.D. Ala.", "alnd"), ("Ala. N.D.", "alnd"), ("Cal. C.D.", "cacd"), ("Conn.", "ctd"),
    ("N.J.", "njd"), ("W. Va. S.D.", "wvsd"), ("Ky. E.D.", "kyed"), ("Atlantis N.D.", None), ("", None),
])
def test_short_form_either_order(text, expected):
    assert short_form_id(text) == expected


def test_two_column_appeal_caption_and_glued_heading():
    text = ("United States Court of AppealsFor the Seventh Circuit\nChicago, Illinois\nNo. 18-3001\n"
            "IN RE:                        ]  Appeal from the United\n"
            "   ACME WIDGETS CO.           ]  States District Court for\n"
            "   LITIGATION                 ]  the Southern District\n"
            "                              ]  of Indiana.\n"
            "NORA HALE, et al.,            ]  No. 1:15-cv-00111\n")
    assert find_court(text).id == "ca7"
    assert find_lower_court(text).id == "insd"


@pytest.mark.parametrize("text, expected", [
    ("IN THE CIRCUIT COURT OF COOK COUNTY, ILLINOIS\nCOUNTY DEPARTMENT, LAW DIVISION\n", "illcirct"),
    ("COURT OF APPEAL OF THE STATE OF CALIFORNIA\nSECOND APPELLATE DISTRICT\n", "calctapp"),
    ("Commonwealth Court of Pennsylvania\n", "pacommwct"),
    ("APPELLATE COURT OF ILLINOIS\nFIRST DISTRICT\n", "illappct"),
    ("SUPREME JUDICIAL COURT OF MASSACHUSETTS\n", "mass"),
    ("IN THE COURT OF SPECIAL APPEALS OF MARYLAND\n", "mdctspecapp"),
    ("STATE OF MICHIGAN\nCOURT OF APPEALS\n", "michctapp"),
    ("IN THE UNITED STATES COURT OF APPEALS\nFOR THE SEVENTH CIRCUIT\n", "ca7"),
])
def test_more_state_court_kinds(text, expected):
    assert find_court(text).id == expected


@pytest.mark.parametrize("text, expected", [
    # the court's own heading names no state: the number's shape, used by one state only, does
    ("        <h1>\n                    Fifth Court of Appeals\n        </h1>\nCase: 05-22-00834-CV\n", "texapp"),
    ("Fourth District Court of Appeal\nNo. 4D21-1111\n", "fladistctapp4"),
])
def test_state_from_the_number_shape(text, expected):
    assert find_court(text).id == expected


@pytest.mark.parametrize("text", [
    "IN THE SUPERIOR COURT OF " * 3000,
    "COUNTY OF " * 5000 + "Superior Court of California",
    "\n".join(["Court of Common Pleas of X County"] * 2000),
])
def test_state_headings_linear_on_hostile_input(text):
    import time
    t = time.perf_counter()
    find_court(text)
    assert time.perf_counter() - t < 5


def test_state_court_in_a_wrapped_sentence_is_not_a_heading():
    text = ("Acme v. Beta, No. 21-1234\nOPINION\nThe case was first filed by the plaintiff, then removed from the\n"
            "Superior Court of California, County of Alameda, and the court held that")
    got = find_court(text)
    assert got is None or not is_state_court(got.id)
