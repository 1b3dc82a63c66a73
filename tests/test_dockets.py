"""Docket numbers: every printed form, normalisation, and what the number is to the document."""
from __future__ import annotations

import pytest

from docketgraph.graph.keys import docket_from_parts as normalise, docket_key
from docketgraph.ingest.fields.dockets import find_dockets, is_state_document, own_dockets

#: seconds one hostile input may take (a catastrophic pattern fails instead of hanging)
LINEAR_LIMIT = 10


def own(text: str) -> list[str]:
    return [h.docket for h in own_dockets(find_dockets(text))]


@pytest.mark.parametrize("text, expected", [
    ("No. 1:23-cv-01820", ["1:23-cv-01820"]),
    ("Case No. 23-cv-01820", ["23-cv-01820"]),
    ("Case No. 22-cv-4133 (PAE)", ["22-cv-04133"]),
    ("21 Civ. 333 (PGG)", ["21-cv-00333"]),
    ("Case No. 18 CV 2188", ["18-cv-02188"]),
    ("24 CV 607", ["24-cv-00607"]),
    ("2022-cv-04498", ["22-cv-04498"]),
    ("No. 23 C 4131", ["23-cv-04131"]),
    ("Case No. 11 C 10", ["11-cv-00010"]),
    ("1:2022cv00850", ["1:22-cv-00850"]),
    ("Case 1:22-cv-00850-LJL Document 44 Filed 05/20/22", ["1:22-cv-00850"]),
    ("Civil Action 23-22599-Civ-Scola", ["23-cv-22599"]),
    ("23-cv-21333-BLOOM/Otazo-Reyes", ["23-cv-21333"]),
    ("Case No. 8:23-cv-2-TPB-AAS", ["8:23-cv-00002"]),
    ("Case: 1:24\u2212cv\u221202015 Document #: 64", ["1:24-cv-02015"]),
    ("Docket Number1:22-cv-07119", ["1:22-cv-07119"]),
    ("Case No. 1:23-cv-xxxx", []),
    ("Page 1 of 25", []),
    ("Telephone: (212) 292-5390", []),
])
def test_district_forms(text, expected):
    assert own(text) == expected


@pytest.mark.parametrize("text, docket, initials", [
    ("22-cv-4133 (PAE)", "22-cv-04133", "PAE"),
    ("1:22-cv-00850-LJL Document 44", "1:22-cv-00850", "LJL"),
    ("8:23-cv-00002-TPB-AAS", "8:23-cv-00002", "TPB-AAS"),
    ("23-cv-21333-BLOOM/Otazo-Reyes", "23-cv-21333", "BLOOM/Otazo-Reyes"),
])
def test_judge_initials_kept_apart(text, docket, initials):
    h = find_dockets(text)[0]
    assert (h.docket, h.judge_initials) == (docket, initials)


APPELLATE_HEAD = "UNITED STATES COURT OF APPEALS\nFOR THE SEVENTH CIRCUIT\n\n"


@pytest.mark.parametrize("text, expected", [
    (APPELLATE_HEAD + "No. 08-2110\n\nAppeal from the United States District Court\nfor the Eastern "
     "District of Wisconsin.\nNo. 05-C-00999\u2014Charles N. Clevert, Jr., Chief Judge.\n",
     [("08-2110", "own"), ("05-cv-00999", "lower")]),
    (APPELLATE_HEAD + "No. 07-55393\n  D.C. No.\n CV-00-13002-DDP\n",
     [("07-55393", "own"), ("00-cv-13002", "lower")]),
    (APPELLATE_HEAD + "No. 08-4433\nAppeal from the United States District Court\nfor the Southern "
     "District of Ohio at Columbus.\nNo. 07-00095\u2014James L. Graham, District Judge.\n",
     [("08-4433", "own"), ("07-cv-00095", "lower")]),
    (APPELLATE_HEAD + "              D. C. Docket No. 06-02274-CV-AR-S\n No. 08-14991\n",
     [("08-14991", "own"), ("06-cv-02274", "lower")]),
    ("United States Court of Appeals for the Second Circuit\n\nDocket No. 08-6301-cv\n",
     [("08-6301-cv", "own")]),
    ("United States Court of Appeals for the Federal Circuit\n\n 2009-1361\n\nON APPEAL from the United "
     "States District Court for the Western District of Washington\nin CASE NO. 07-CV-1660.\n",
     [("2009-1361", "own"), ("07-cv-01660", "lower")]),
])
def test_appellate_and_lower_court_numbers(text, expected):
    assert [(h.docket, h.role) for h in own_dockets(find_dockets(text))] == expected


@pytest.mark.parametrize("text", [
    "See Aqua Products, Inc. v. Smartpool, Inc., No. 04 Civ. 5492 (GBD), 2005 WL 1994013, at *5.",
    "Indus. Xperience, LLC v. Dance Xperience, No. 19-CV-06724, 2020 WL 1888977, at *2 (N.D. Ill.).",
    "Oakley, Inc. v. P'Ships Identified on Schedule \"A\", No. 21-cv-536 at *3 (N.D. Ill. Jan. 30, 2021).",
])
def test_dockets_in_citations_are_cited_not_own(text):
    body = "ORDER\n\nCase No. 1:23-cv-01820\n\nThe Court has considered the motion. " + text
    hits = find_dockets(body)
    assert own(body) == ["1:23-cv-01820"]
    assert [h.role for h in hits if h.docket != "1:23-cv-01820"] == ["cited"]


def test_office_digit_kept_when_any_mention_shows_it():
    text = "Case No. 24-cv-11211\n\nCase: 1:24-cv-11211 Document #: 11 Filed: 11/21/24"
    assert own(text) == ["1:24-cv-11211"]


@pytest.mark.parametrize("args, expected", [
    (("2022", "Civ", "333", "1"), "1:22-cv-00333"),
    (("20", "C", "3490", None), "20-cv-03490"),
    (("24", "cr", "7", None), "24-cr-00007"),
])
def test_normalise(args, expected):
    assert normalise(*args) == expected


@pytest.mark.parametrize("a, b", [("1:23-cv-1820", "23-cv-01820"), ("23-CV-01820", "23-cv-01820")])
def test_docket_key_drops_office_digit(a, b):
    assert docket_key(a) == docket_key(b)


@pytest.mark.time_limit(LINEAR_LIMIT)
@pytest.mark.parametrize("text", [
    " " * 50_000,
    "-" * 50_000,
    "1-" * 25_000,
    "No. " * 12_000,
    "12 " * 20_000 + "cv",
    "1:23-cv-" * 6_000,
    "Case No. 23-cv-01820 " + "x" * 100_000,
    ("a" * 200 + "\n") * 300,
    "Acme Corp. v. Beta LLC, No. 1:23-cv-01820 " * 5_000,  # one long line, many numbers
    "12-3456 " * 20_000,
])
def test_hostile_input_is_linear(text):
    find_dockets(text)  # must return promptly (a catastrophic pattern would hang here)


@pytest.mark.parametrize("text, expected", [
    ("Re: X v. Y\n     Civil Action No. 25-1876 (KSH) (LMS)\n", [("25-cv-01876", "KSH")]),
    ("v.                                      C.A. No. 22-1234-CFC\n", [("22-cv-01234", "CFC")]),
])
def test_district_numbers_printed_without_type(text, expected):
    assert [(h.docket, h.judge_initials) for h in own_dockets(find_dockets(text))] == expected


def test_appellate_number_of_a_cited_decision_is_cited():
    text = (APPELLATE_HEAD + "No. 24-3561\n\nText.\nSee Kao v. Hollis Supply, LLC, No.\n22-3817, 2023 WL 4408215, "
            "at *3 (6th Cir. July 7, 2023).\n")
    assert [h.docket for h in own_dockets(find_dockets(text))] == ["24-3561"]


def test_consolidated_appeal_numbers_are_all_own():
    text = APPELLATE_HEAD + "Nos. 19-1234, 19-1235 & 19-1301\n\nX v. Y\n"
    assert [h.docket for h in own_dockets(find_dockets(text))] == ["19-1234", "19-1235", "19-1301"]


# --- State courts: numbers kept as printed; the own case and the case below ------------------

def own_roles(text: str) -> list[tuple[str, str]]:
    return [(h.docket, h.role) for h in own_dockets(find_dockets(text))]


@pytest.mark.parametrize("text, expected", [
    ("SUPREME COURT OF GEORGIA\n\nCase No. 2021-0457\n\nMARA QUILL v. TOWN OF ELMWOOD",
     [("2021-0457", "own")]),
    ("COURT OF COMMON PLEAS\nFRANKLIN COUNTY, OHIO\n\nCase No. CV-21-123456\n", [("CV-21-123456", "own")]),
    ("SUPERIOR COURT OF NEW JERSEY\nAPPELLATE DIVISION\nDOCKET NO. A-1234-19\n", [("A-1234-19", "own")]),
    ("Supreme Court, Kings County\n\nIndex No. 123456/2021\n\nDECISION AND ORDER", [("123456/2021", "own")]),
    ("IN THE SUPERIOR COURT OF PENNSYLVANIA\n\n: No. 1402 WDA 2018\n", [("1402 WDA 2018", "own")]),
    ("Florida Court of Appeals, Third District\n\nNo. 3D22-1010.\n", [("3D22-1010", "own")]),
    ("Court of Appeals of Texas\nCase: 01-21-00555-CV\nDate Filed: 03/02/2021", [("01-21-00555-CV", "own")]),
    ("Case Number: 21SMCV01234    Hearing Date: May 2, 2023    Dept: 5\n", [("21SMCV01234", "own")]),
    ("COURT OF CHANCERY OF THE STATE OF DELAWARE\n\nC.A. No. 2020-0123-ABC\n", [("2020-0123", "own")]),
    ("IN THE COURT OF COMMON PLEAS OF YORK COUNTY,\nPENNSYLVANIA\n\n07-2233 CIVIL TERM\n",
     [("07-2233 CIVIL TERM", "own")]),
])
def test_state_shapes_kept_as_printed(text, expected):
    assert own_roles(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Court of Appeals of Ohio TENTH APPELLATE DISTRICT\nNo. 104455\nCivil Appeal from the Franklin County "
     "Court of Common Pleas Case No. CV-445566 BEFORE: Roe, J.",
     [("104455", "own"), ("CV-445566", "lower")]),
    ("SUPREME COURT OF OHIO\n(No. 2019-1111—Submitted May 1, 2020.)\nAPPEAL from the Court of Appeals "
     "for Franklin County, No. 107700,\n2019-Ohio-1.\n", [("2019-1111", "own"), ("107700", "lower")]),
    # a page title repeats the number of the case below before the caption
    ("IN THE MATTER OF ANNA VALE (L-3030-19, BERGEN COUNTY)\nSUPERIOR COURT OF NEW JERSEY\nAPPELLATE "
     "DIVISION\nDOCKET NO. A-0101-20\nOn appeal from the Superior Court of New Jersey, Law Division, "
     "Bergen County, Docket No. L-3030-19.\n", [("A-0101-20", "own"), ("L-3030-19", "lower")]),
    ("IN THE SUPERIOR COURT OF PENNSYLVANIA\nNo. 88 EDA 2020\nAppeal from the Order Entered May 1, 2019,\n"
     "in the Court of Common Pleas of Bucks County,\nCivil Division at No(s): 2018-04455.\n",
     [("88 EDA 2020", "own"), ("2018-04455", "lower")]),
])
def test_state_appeal_and_case_below(text, expected):
    assert own_roles(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a related case mentioned in the ruling is not the ruling's own
    ("Case Number: 21SMCV01234 Hearing Date: May 2, 2023\nOn June 1 the court related Case No. "
     "21SMCV01234 to Case No. 20SMCV09999.", ["21SMCV01234"]),
    # a filing code that is not a case number
    ("J-A12345-20\nIN THE SUPERIOR COURT OF PENNSYLVANIA\nNo. 77 MDA 2020\n", ["77 MDA 2020"]),
])
def test_state_one_own_case(text, expected):
    assert [d for d, r in own_roles(text) if r == "own"] == expected


@pytest.mark.parametrize("text", [
    # federal documents keep their federal numbers; a state number there is not a case of it
    "UNITED STATES DISTRICT COURT\nCENTRAL DISTRICT OF CALIFORNIA\nCase No. CV-21-04455-ABC\nremoved from "
    "the Superior Court of California, Case No. 21STCV01234",
])
def test_federal_documents_unchanged(text):
    assert own(text) == ["21-cv-04455"]


def test_state_document_flag():
    assert is_state_document("IN THE SUPREME COURT OF GEORGIA\n\nCase No. 2021-0457\n")
    assert is_state_document("Case Number: 21SMCV01234    Hearing Date: May 2, 2023\n")
    assert not is_state_document("UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF GEORGIA\n")
    assert not is_state_document("MEMORANDUM OPINION\nThe Supreme Court has held as much.")


@pytest.mark.parametrize("text", [
    "No. " + "1" * 5000,
    "Index " + "1/" * 3000,
    "IN THE SUPREME COURT OF GEORGIA\n" + ("A-1234-" * 2000),
    "IN THE SUPREME COURT OF GEORGIA\n" + ("12 EDA " * 2000),
])
def test_state_shapes_linear_on_hostile_input(text):
    find_dockets(text)


@pytest.mark.parametrize("text, expected", [
    # several numbers printed as one list where the caption puts its number: all own
    ("Opinion\n2:22-cv-00301-AB 2:22-cv-00302 2:22- cv-00303\n03-01-2023\nORDER", 
     ["2:22-cv-00301", "2:22-cv-00302", "2:22-cv-00303"]),
    ("Case Nos. 21 Civ. 101 (AB), 21 Civ. 102 (AB)\nOPINION AND ORDER", ["21-cv-00101", "21-cv-00102"]),
    ("No. 1:23-cv-04410 and 1:23-cv-04411\n\nORDER", ["1:23-cv-04410", "1:23-cv-04411"]),
    # a number further on in the text is not part of the caption's list
    ("Case No. 1:23-cv-04410\nORDER\nThe court related this case to 1:23-cv-09999.", ["1:23-cv-04410"]),
])
def test_several_own_numbers_in_one_list(text, expected):
    assert own(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("UNITED STATES BANKRUPTCY COURT\nDISTRICT OF DELAWARE\nIn re: ACME WIDGETS, INC., Debtor.\n"
     "Case No. 20-50123 (KLM)\nChapter 11", ["20-bk-50123"]),
    ("UNITED STATES BANKRUPTCY COURT\nDISTRICT OF DELAWARE\nIn re: ACME WIDGETS, INC., Debtor.\n"
     "Adv. Proc. No. 21-05001\n", ["21-ap-05001"]),
    ("UNITED STATES BANKRUPTCY COURT\nDISTRICT OF DELAWARE\nCase No. 1:20-bk-50123\n", ["1:20-bk-50123"]),
    # a district court keeps the civil type
    ("UNITED STATES DISTRICT COURT\nDISTRICT OF NEW JERSEY\nCivil Action No. 25-1876 (KSH)\n", ["25-cv-01876"]),
])
def test_bankruptcy_numbers_without_a_type(text, expected):
    assert own(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("T.C. Memo. 2021-10\nUNITED STATES TAX COURT\nANNA VOSS, Petitioner v.\nCOMMISSIONER OF INTERNAL "
     "REVENUE, Respondent\nDocket Nos. 1234-19, 5678-20S. Filed March 1, 2021.\n",
     ["1234-19", "5678-20S"]),
    ("UNITED STATES TAX COURT\nDocket No. 9012-18.\n1 Two cases are consolidated here: docket No. 3456-19.",
     ["9012-18", "3456-19"]),
])
def test_tax_court_numbers_as_printed(text, expected):
    assert own(text) == expected


def test_mdl_order_lists_its_member_cases_with_their_courts():
    text = ("IN THE UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF ARIZONA\n\nIN RE: Widget Products\n"
            "Liability Litigation,\nNo. MDL 19-02999-PHX-ABC\n\nSUGGESTION OF REMAND\n\nSchedule A\n"
            "Case Caption Current Case Number Transferor District Original Case Number\n"
            "Nora Hale v. Widget Co. 2:19-cv-01111 Ala. N.D. 5:19-cv-00222\n"
            "Owen Pike v. Widget Co. 2:20-cv-03333 Conn. 3:20-cv-00444-XYZ\n"
            "Schedule B\nRuth Vale v. Widget Co.  2:21-cv-05555 W. Va. S.D.\n"
            "The parties cite Smith v. Jones, No. 18-cv-00001 (D. Ariz. 2019).\n")
    got = [(h.docket, h.role, h.court_hint) for h in own_dockets(find_dockets(text))]
    assert got == [("19-md-02999", "own", None), ("2:19-cv-01111", "member", None),
                   ("5:19-cv-00222", "member", "Ala. N.D."), ("2:20-cv-03333", "member", None),
                   ("3:20-cv-00444", "member", "Conn."), ("2:21-cv-05555", "member", None)]


@pytest.mark.parametrize("text, expected", [
    ("No. MDL 15-02641-PHX-DGC", ["15-md-02641"]),
    ("JPML MDL No. 2918", []),  # the Panel's MDL number is not a case
])
def test_mdl_number(text, expected):
    assert own(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the appellate court's page stamp repeats the appeal number short: not a second case
    ("23-1234-cv\nUnited States Court of Appeals\nfor the\nSecond Circuit\nON APPEAL FROM THE UNITED STATES "
     "DISTRICT COURT\nFOR THE SOUTHERN DISTRICT OF NEW YORK\nCase 23-1234, Document 55, 04/19/2024, Page1",
     ["23-1234-cv"]),
    # an appeal number in a sentence wrapped onto the next line is mentioned, not the order's own
    ("United States Court of Appeals\nFor the Seventh Circuit\nNo. 18-3001\nORDER\nThe parties shall say "
     "whether this appeal should be consolidated with Appeal\nNo. 12-2222.", ["18-3001"]),
])
def test_appellate_numbers_that_are_not_other_cases(text, expected):
    assert own(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("IN THE CIRCUIT COURT OF COOK COUNTY, ILLINOIS\nCOUNTY DEPARTMENT, LAW DIVISION\nNo. 2019 L 012345\n",
     [("2019 L 012345", "own")]),
    ("IN THE COURT OF APPEALS OF GEORGIA\nA19A1234. VANE v. HOLT.\n", [("A19A1234", "own")]),
    ("SUPREME JUDICIAL COURT OF MASSACHUSETTS\nSJC-12345\n", [("SJC-12345", "own")]),
    ("IN THE COURT OF APPEALS OF THE STATE OF WASHINGTON\nNo. 81234-5-I\n", [("81234-5-I", "own")]),
    ("APPELLATE COURT OF ILLINOIS\nFIRST DISTRICT\nNo. 1-19-1234\n", [("1-19-1234", "own")]),
    ("COURT OF APPEAL OF THE STATE OF CALIFORNIA\nSECOND APPELLATE DISTRICT\nB301234\n", [("B301234", "own")]),
])
def test_more_state_shapes(text, expected):
    assert own_roles(text) == expected


def test_trial_court_fields_of_an_appellate_case_page():
    text = ("Case: 01-21-00555-CV\nDate Filed: 03/02/2021\nCase Type: Contract\nStyle: Ann Vale v.: Bo Holt\n"
            "Trial Court Information\n Court\n 99th District Court \n County\n Harris \n Court Judge\n"
            " Honorable Cara B. Quint \n Court Case\n 2019-12345 \n")
    assert own_roles(text) == [("01-21-00555-CV", "own"), ("2019-12345", "lower")]


@pytest.mark.parametrize("text, expected", [
    ("SUPERIOR COURT OF NEW JERSEY\nLAW DIVISION: BERGEN COUNTY\nDOCKET NO. BER-L-1234-19\n", "BER-L-1234-19"),
    ("IN THE SUPERIOR COURT OF THE STATE OF DELAWARE\nC.A. No. N19C-01-123 ABC\n", "N19C-01-123 ABC"),
    ("STATE OF MICHIGAN\nIN THE CIRCUIT COURT FOR THE COUNTY OF KENT\nCase No. 19-001234-CZ\n", "19-001234-CZ"),
    ("SUPERIOR COURT OF WASHINGTON FOR KING COUNTY\nNo. 21-2-01234-1 SEA\n", "21-2-01234-1 SEA"),
    ("IN THE CIRCUIT COURT OF THE ELEVENTH JUDICIAL CIRCUIT\nCASE NO. 2021-012345-CA-01\n", "2021-012345-CA-01"),
    ("IN THE SUPERIOR COURT OF FULTON COUNTY\nSTATE OF GEORGIA\nCIVIL ACTION FILE NO. 2019CV123456\n", "2019CV123456"),
    ("IN THE COURT OF COMMON PLEAS\nSUMMIT COUNTY, OHIO\nCASE NO. CV-2019-01-0123\n", "CV-2019-01-0123"),
    ("IN THE CIRCUIT COURT OF THE SEVENTEENTH JUDICIAL CIRCUIT\nIN AND FOR BROWARD COUNTY, FLORIDA\n"
     "CASE NO. CACE-21-012345\n", "CACE-21-012345"),
])
def test_state_trial_court_forms(text, expected):
    assert own_roles(text) == [(expected, "own")]
