"""Document kind (from its title) and date (from labelled dates, never from running text)."""
from __future__ import annotations

import pytest

from docketgraph.ingest.fields.kind_date import find_filed, find_kind, parse_date

#: seconds one hostile input may take (a catastrophic pattern fails instead of hanging)
LINEAR_LIMIT = 10


@pytest.mark.parametrize("text, kind", [
    ("UNITED STATES DISTRICT COURT\n\nMEMORANDUM OPINION AND ORDER\n\nPlaintiff moves.", "opinion"),
    ("MEMORANDUM OPINION & ORDER\n", "opinion"),
    ("Case No. 1\n\nOPINION AND ORDER\n", "opinion"),
    ("PLAINTIFF'S MEMORANDUM ESTABLISHING THAT JOINDER IS PROPER\n", "memorandum"),
    ("PLAINTIFF\u2019S REPLY TO OPPOSITION BY DEFENDANTS [ECF No. 58]\n", "memorandum"),
    ("**ORDER**\n\n21 Civ. 333 (PGG)\n", "order"),
    ("[PROPOSED] PRELIMINARY INJUNCTION ORDER\n", "order"),
    ("1) TEMPORARY RESTRAINING ORDER; 2) ORDER RESTRAINING MERCHANT STOREFRONTS\n", "order"),
    ("FINAL DEFAULT JUDGMENT AND PERMANENT INJUNCTION ORDER\n", "judgment"),
    ("                                 Judgment\n\nORDERED and ADJUDGED:\n", "judgment"),
    ("Complaint\nNOW COMES Huawen Chen\n", "complaint"),
    ("DECLARATION OF JOHN SMITH IN SUPPORT OF MOTION\n", "declaration"),
    ("PLAINTIFF'S MOTION FOR ENTRY OF DEFAULT\n", "motion"),
    ("June 29, 2023\n\nHon. Paul A. Engelmayer\n\nDear Judge Engelmayer,\n\nI write.", "letter"),
    ("# Date Description\n1 2022-08-24 COMPLAINT filed by Toho Co., Ltd.\n", "docket"),
    ("United States District Court\n\nNotice of Electronic Filing\n", "other"),
    ("NOTIFICATION OF DOCKET ENTRY\nThis docket entry was made by the Clerk: MINUTE entry before the Honorable X", "order"),
    ("UNITED STATES COURT OF APPEALS\nFOR THE ELEVENTH CIRCUIT\nBefore MARCUS, FAY and ANDERSON, Circuit Judges.\n",
     "opinion"),
    ("Just some words.", "other"),
])
def test_kind(text, kind):
    assert find_kind(text) == kind


@pytest.mark.parametrize("text, filed", [
    ("Argued: October 29, 2009\n\nDecided: February 5, 2010\n", "2010-02-05"),
    ("Argued December 2, 2009\n\n(Filed:February 5, 2010)\n", "2010-02-05"),
    ("A RGUED M ARCH 31, 2009\u2014D ECIDED F EBRUARY 5, 2010\n F OR THE", "2010-02-05"),
    ("Decision Date31 July 2023\n", "2023-07-31"),
    ("Dated this 17th day of April 2023.\n", "2023-04-17"),
    ("Dated: New York, New York\nJanuary 25, 2022\n\nSO ORDERED.", "2022-01-25"),
    ("DATED:       February 5, 2010                /s/ Jan Horbaly", "2010-02-05"),
    ("Case: 1:24-cv-11211 Document #: 11 Filed: 11/21/24 Page 1 of 6 PageID #:92", "2024-11-21"),
    ("Case 8:23-cv-00002-TPB-AAS Document 9 Filed 01/18/23 Page 1 of 11", "2023-01-18"),
    ("SO ORDERED. (Signed by Judge Jeannette A. Vargas on 3/5/2025) (tg)", "2025-03-05"),
    ("\u53d1\u6848\u65e5\u671f:2022-08-24\n", "2022-08-24"),
    ("Opinion\n\n24 CV 607\n\n07-09-2024\n\nRoadget v. X", "2024-07-09"),
    ("United States District Court, Northern District of Illinois\nJul 9, 2024\n", "2024-07-09"),
    ("June 29, 2023\n\nDear Judge Engelmayer,\nin its letter dated February 9, 2023 (Dkt. 51)", "2023-06-29"),
    ("ORDER\n\nThe patent issued on September 20, 2022. On June 27, 2023, ABC brought an action.", None),
])
def test_filed(text, filed):
    assert find_filed(text) == filed


@pytest.mark.parametrize("raw, iso", [
    ("Jul. 9, 2024", "2024-07-09"), ("Sept. 3, 2021", "2021-09-03"), ("31 July 2023", "2023-07-31"),
    ("05/20/22", "2022-05-20"), ("2/31/2022", None), ("17th day of April 2023", "2023-04-17"),
])
def test_parse_date(raw, iso):
    assert parse_date(raw) == iso


@pytest.mark.time_limit(LINEAR_LIMIT)
@pytest.mark.parametrize("text", [" " * 50_000, "Dated " * 10_000, "Filed: " * 8_000, "ORDER " * 10_000,
                                  "1/" * 25_000])
def test_hostile_input_is_linear(text):
    find_kind(text)
    find_filed(text)


@pytest.mark.parametrize("text, kind", [
    ("REPORT AND RECOMMENDATION ON PLAINTIFF'S\nMOTION FOR ENTRY OF FINAL DEFAULT JUDGMENT\n", "opinion"),
    ("DEFENDANT ORBIQ GLOBAL INC.'S MOTION FOR ADMISSION OF\nRAFAEL D. AGUILAR PRO HAC VICE\n", "motion"),
    ("MEMORANDUM OF LAW IN SUPPORT OF PLAINTIFF'S EX PARTE\nMOTION FOR ENTRY OF A TEMPORARY RESTRAINING ORDER\n",
     "memorandum"),
])
def test_kind_more_titles(text, kind):
    assert find_kind(text) == kind


@pytest.mark.parametrize("text, filed", [
    ("RESPECTFULLY SUBMITTED in Chambers in Miami, Florida, this 14th day of\nOctober, 2025.", "2025-10-14"),
    ("AND NOW, this 11th day of March, 2025, IT IS HEREBY ORDERED that:", "2025-03-11"),
    ("SIGNED this 3rd day of February, 2025, at 11:20 a.m.", "2025-02-03"),
    ("CIVIL ACTION NO. 4:24-CV-00519\n|\nSigned June 17, 2024\n", "2024-06-17"),
    ("Date: June 2, 2025                  Respectfully submitted,", "2025-06-02"),
])
def test_filed_more_forms(text, filed):
    assert find_filed(text) == filed
