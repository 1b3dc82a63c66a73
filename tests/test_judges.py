"""Judges and their roles (ingest/fields/judges.py): one row per rule."""
from __future__ import annotations

import json
import re

import pytest

from docketgraph.graph.names import person_key
from docketgraph.ingest.fields.judges import find_judges

APPELLATE = "UNITED STATES COURT OF APPEALS\nFOR THE SEVENTH CIRCUIT\n\nNo. 08-2110\n\n"
DISTRICT = "IN THE UNITED STATES DISTRICT COURT\nFOR THE NORTHERN DISTRICT OF ILLINOIS\n\n"


def judges(text):
    return sorted((j.name, j.role) for j in find_judges(text))


@pytest.mark.parametrize("text, expected", [
    # captions
    (DISTRICT + "Case No. 23-cv-01820\n\nJudge Martha M. Pacold\n\nMagistrate Judge Susan E. Cox\n",
     [("Martha M. Pacold", "district"), ("Susan E. Cox", "magistrate")]),
    # a role phrase that titles the next name is not the role of the name before it
    (DISTRICT + "Case No. 1:25-cv-01234\nJudge Jane A. Doe\nMagistrate Judge John B. Roe\n\nORDER\n",
     [("Jane A. Doe", "district"), ("John B. Roe", "magistrate")]),
    (DISTRICT + "Judge Jane A. Doe, Magistrate Judge John B. Roe\n",
     [("Jane A. Doe", "district"), ("John B. Roe", "magistrate")]),
    ("ENTERED:\n\n JANE A. DOE\n United States Magistrate Judge\n\nDated: May 1, 2025\n",
     [("Jane A. Doe", "magistrate")]),
    (DISTRICT + "Plaintiff, Judge Sunil R. Harjani\nv.\nMagistrate Judge Heather K.\nMcShain\n",
     [("Heather K. McShain", "magistrate"), ("Sunil R. Harjani", "district")]),
    (DISTRICT + "ABC PRODUCTS, )\n) Judge Virginia M. Kendall\nTHE INDIVIDUALS\n",
     [("Virginia M. Kendall", "district")]),
    (DISTRICT + "Case No.:\n1:24-cv-02015 Honorable Sharon Johnson Coleman Individuals, Corporations\n",
     [("Sharon Johnson Coleman", "district")]),
    ("AFG MEDIA LTD, Civil Action No. 23-cv-1840\n(Judge Stickman)\nv.\n", [("Stickman", "district")]),
    # bylines and signature blocks
    ("MEMORANDUM OPINION AND ORDER\n\nLINDSAY C. JENKINS UNITED STATES DISTRICT JUDGE\n\nPlaintiff owns",
     [("Lindsay C. Jenkins", "district")]),
    ("ORDER\n\n21 Civ. 333 (PGG)\n\nPAUL G. GARDEPHE, U.S.D.J.:\n\nPlaintiff asserts",
     [("Paul G. Gardephe", "district")]),
    ("SO ORDERED.\n\n---\n\nPAUL A. ENGELMAYER  \nUnited States District Judge  \nJuly 5, 2023",
     [("Paul A. Engelmayer", "district")]),
    ("Franklin U. Valderrama, United States District Judge\n\nPlaintiff moves", [("Franklin U. Valderrama", "district")]),
    ("ORDER\n\nRobert N. Scola, Jr. United States District Judge.\n\nThis matter",
     [("Robert N. Scola, Jr.", "district")]),
    ("ORDER\nHON. ALVIN K. HELLERSTEIN UNITED STATES DISTRICT JUDGE\nGLOSSARY", [("Alvin K. Hellerstein", "district")]),
    ("REPORT AND RECOMMENDATION\n\nJEFFREY CUMMINGS, United States Magistrate Judge\n",
     [("Jeffrey Cummings", "magistrate")]),
    ("ORDER\n\nJANET S. BAER, U.S.B.J.\n", [("Janet S. Baer", "bankruptcy")]),
    ("ENTERED:\n\n_________________\nSteven C. Seeger\nUnited States District Judge\n", [("Steven C. Seeger", "district")]),
    ("DONE AND ORDERED in Chambers.\n\ns/ William S. Stickman IV\nWILLIAM S. STICKMAN IV\nUNITED STATES DISTRICT "
     "JUDGE\n\ncc: counsel of record", [("William S. Stickman IV", "district")]),
    # letters and docket text
    ("Hon. Paul A. Engelmayer  \nUnited States District Judge  \n40 Foley Square\n\nDear Judge Engelmayer,\n",
     [("Paul A. Engelmayer", "district")]),
    ("SO ORDERED. (Signed by Judge Jeannette A. Vargas on 3/5/2025) (tg)", [("Jeannette A. Vargas", "district")]),
    ("MINUTE entry before the Honorable John F. Kness: Plaintiff's motion is granted.", [("John F. Kness", "district")]),
    ("ORDER. Signed by Magistrate Judge Gabriel A. Fuentes on 1/18/2023.", [("Gabriel A. Fuentes", "magistrate")]),
    # appellate opinions
    (APPELLATE + "Before F LAUM, M ANION, and R OVNER, Circuit Judges.\n R OVNER, Circuit Judge. A jury",
     [("Flaum", "circuit"), ("Manion", "circuit"), ("Rovner", "circuit")]),
    (APPELLATE + "Before: BATCHELDER, Chief Judge; SILER and GILMAN, Circuit Judges.\n",
     [("Batchelder", "circuit"), ("Gilman", "circuit"), ("Siler", "circuit")]),
    (APPELLATE + "Before\n\nHoward, Chief Judge,\nSelya and Barron, Circuit Judges.\n",
     [("Barron", "circuit"), ("Howard", "circuit"), ("Selya", "circuit")]),
    (APPELLATE + "Before NIEMEYER and DUNCAN, Circuit Judges,\nand Benson E. LEGG, United States District "
     "Judge for the\n District of Maryland, sitting by designation.\n\nJudge Niemeyer wrote the opinion, in "
     "which Judge Duncan and Judge Legg joined.",
     [("Benson E. Legg", "district"), ("Duncan", "circuit"), ("Niemeyer", "circuit")]),
    (APPELLATE + " Before: Kim McLane Wardlaw and Consuelo M. Callahan,\n  Circuit Judges, and Ralph R. "
     "Beistline,* Chief District\n   Judge.\n\n  Opinion by Judge Callahan\n",
     [("Consuelo M. Callahan", "circuit"), ("Kim McLane Wardlaw", "circuit"), ("Ralph R. Beistline", "district")]),
    (APPELLATE + "Per Curiam (BRYSON, GAJARSA, and PROST, Circuit Judges.)\n",
     [("Bryson", "circuit"), ("Gajarsa", "circuit"), ("Prost", "circuit")]),
    (APPELLATE + "Appeal from the United States District Court\n for the Eastern District of Wisconsin.\n"
     " No. 05-C-00999—Charles N. Clevert, Jr., Chief Judge.\n",
     [("Charles N. Clevert, Jr.", "district")]),
    (APPELLATE + "Appeal from the United States District Court\nfor the Southern District of Ohio.\n"
     "No. 07-00095—James L. Graham, District Judge.\n", [("James L. Graham", "district")]),
    (APPELLATE + "Appeal from an order of the United States District Court for the Southern District of New "
     "York (Berman, J.), entered on October 30, 2008.\n", [("Berman", "district")]),
    (APPELLATE + "Appealed from: United States District Court for the Western District of Washington\n\n"
     "Chief Judge Robert S. Lasnik\n", [("Robert S. Lasnik", "district")]),
    (APPELLATE + "On Appeal from the United States District Court\nfor the District of New Jersey\n"
     "District Judge: Honorable Dickinson R. Debevoise\n", [("Dickinson R. Debevoise", "district")]),
    (APPELLATE + "[Hon. Nancy Torresen, U.S. District Judge]\n", [("Nancy Torresen", "district")]),
    (APPELLATE + "In August 2008, Magistrate Judge Shipp denied the motion. Judge Shipp noted that",
     [("Shipp", "magistrate")]),
    (APPELLATE + "Before EASTERBROOK, Chief Judge, and ROVNER and WOOD, Circuit Judges.\n",
     [("Easterbrook", "circuit"), ("Rovner", "circuit"), ("Wood", "circuit")]),
    ("UNITED STATES COURT OF APPEALS\nFOR THE SECOND CIRCUIT\n\nSUMMARY ORDER\n\nPRESENT:\n    REENA RAGGI,\n"
     "    DENNY CHIN,\n        Circuit Judges.\n", [("Denny Chin", "circuit"), ("Reena Raggi", "circuit")]),
    ("SO ORDERED.\n\nDated: May 1, 2024\n\n/s/ Jorge L. Alonso\nJorge L. Alonso\nUnited States District Judge\n",
     [("Jorge L. Alonso", "district")]),
    ("Referred to: Mag. Judge Young B. Kim\nCASE REASSIGNED to the Honorable Jeremy C. Daniel. Honorable "
     "Martha M. Pacold no longer assigned to the case.",
     [("Jeremy C. Daniel", "district"), ("Martha M. Pacold", "district"), ("Young B. Kim", "magistrate")]),
    ("The case was reassigned to United States District Judge Mary M. Rowland. Before the Honorable Court is",
     [("Mary M. Rowland", "district")]),
    (APPELLATE.replace("SEVENTH", "NINTH") + "Appeal from the United States District Court\nfor the Central District "
     "of California\nJohn A. Kronstadt, District Judge, Presiding\n\nSubmitted March 1, 2023\n\nBefore: SCHROEDER, "
     "RAWLINSON, and BRESS, Circuit Judges.\n\nAs Justice Scalia observed, and as Judge Posner\nwrote in Foo v. "
     "Bar, 123 F.3d 456 (7th Cir. 1999) (Posner, J.), we review de novo.\n",
     [("Bress", "circuit"), ("John A. Kronstadt", "district"), ("Rawlinson", "circuit"), ("Schroeder", "circuit")]),
    # labelled fields of trackers and docket headers
    ("法院:伊利诺伊州北法院\n法官:John F. Kness\n", [("John F. Kness", "district")]),
    ("Assigned to: Honorable Andrea R. Wood\nReferred to: Magistrate Judge M. David Weisman\n",
     [("Andrea R. Wood", "district"), ("M. David Weisman", "magistrate")]),
    ("Presiding Judge: Sunil R. Harjani\nReferring Judge: Heather K. McShain\n",
     [("Heather K. McShain", "magistrate"), ("Sunil R. Harjani", "district")]),
    ("Assigned To: Martha M. Pacold\nReferred To: Susan E. Cox\n",
     [("Martha M. Pacold", "district"), ("Susan E. Cox", "magistrate")]),
    # state courts
    ("IN THE CIRCUIT COURT OF COOK COUNTY, ILLINOIS\nCOUNTY DEPARTMENT, LAW DIVISION\n\nJudge Jane A. Doe\n",
     [("Jane A. Doe", "state")]),
])
def test_find_judges(text, expected):
    assert judges(text) == sorted(expected)


@pytest.mark.parametrize("text", [
    # citations and quotations
    DISTRICT + "Indus. Xperience, LLC v. Dance Xperience, No. 19-CV-06724, 2020 WL 1888977, at *2 (N.D. Ill. "
    "Apr. 16, 2020) (Dow, J.).",
    DISTRICT + "See Deckers Outdoor Corp. v. P'ships, 2013 WL 12314399 (N.D. Ill. 2013) (Chang, J.).",
    DISTRICT + "e.g., Dolores K. Sloviter, A Federal Judge Views Diversity Jurisdiction, 78 Va. L. Rev.",
    DISTRICT + "(quoting Judge Richard A. Posner, The Federal Courts 45 (1996))",
    # initials and judges' names inside docket numbers
    "Case 1:22-cv-00850-LJL Document 44 Filed 05/20/22\n23-cv-21333-BLOOM/Otazo-Reyes\n",
    "Case 8:23-cv-00002-TPB-AAS Document 9\n21 Civ. 333 (PGG)\n",
    # generic uses of the titles
    "the parties respectfully request that the Court refer this matter to a Magistrate Judge for settlement.",
    "Before the Court is Plaintiff's motion. The Judge MDL Panel transferred the case.",
    "Before this Court can grant Plaintiff the relief it seeks, Plaintiff must show jurisdiction.",
    # a surname-only "Judge X" in running prose that names no judge of this case
    DISTRICT + "ORDER\n\nThe motion is granted. As Judge Kennelly noted in Zorro, joinder is proper.\n",
])
def test_not_judges_of_the_case(text):
    assert find_judges(text) == []


def test_one_entry_per_judge_under_the_fullest_spelling():
    text = (DISTRICT + "Judge Paul A. Engelmayer\n\nDear Judge Engelmayer,\n\nPAUL A. ENGELMAYER\n"
            "United States District Judge\n")
    got = find_judges(text)
    assert [(j.name, j.role) for j in got] == [("Paul A. Engelmayer", "district")]
    assert len(got[0].spans) == 3


def test_different_judges_with_one_surname_stay_apart():
    text = DISTRICT + "Judge John A. Smith\n\nMagistrate Judge Mary B. Smith\n"
    assert judges(text) == [("John A. Smith", "district"), ("Mary B. Smith", "magistrate")]


@pytest.mark.parametrize("text", [
    DISTRICT + "Judge Martha M. Pacold\n\nMagistrate Judge Susan E. Cox\n",
    "LINDSAY C. JENKINS UNITED STATES DISTRICT JUDGE\n",
    APPELLATE + "Before F LAUM, M ANION, and R OVNER, Circuit Judges.\n",
])
def test_spans_point_at_the_name(text):
    for j in find_judges(text):
        for a, b in j.spans:
            found = re.sub(r"\s+", " ", text[a:b])
            assert person_key(found.replace(" ", "")) == person_key(j.name.replace(" ", "")) or \
                person_key(found) == person_key(j.name), (found, j.name)


@pytest.mark.parametrize("text", [
    " " * 50_000,
    "Judge " * 10_000,
    "Hon. " * 10_000,
    "Before " + "A, " * 10_000 + "Circuit Judges.",
    ("Aa " * 30_000) + "United States District Judge",
    "(" * 20_000 + "Judge X",
    "A. " * 20_000 + "U.S.D.J.",
    "@" * 50_000,
    "\n" * 50_000 + "Judge",
])
def test_crafted_long_inputs_return(text):
    assert isinstance(find_judges(text), list)


def _gold_judges(path):
    gold = json.loads(path.read_text())
    return {(person_key(j["name"]), j["role"]) for j in gold["judges"]}


# Judge F1 on the text filings: (seeds and dev 01-43, dev 44-102 added later). Floors are
# measured values minus a margin; raise them as the judge rules improve.
JUDGE_FLOORS = (0.97, 0.97)  # measured 1.000, 0.590 first look; 1.000, 1.000 after (2026-12-06)


def test_judges_on_seeds_and_dev_texts(seeds_dir, dev_dir):
    from factories import first_look

    counts = {False: [0, 0, 0], True: [0, 0, 0]}
    for folder in (seeds_dir, dev_dir):
        for g in sorted(folder.glob("*.gold.json")):
            doc = folder / json.loads(g.read_text())["doc"]
            if doc.suffix != ".txt":
                continue
            got = {(person_key(j.name), j.role) for j in find_judges(doc.read_text())}
            want = _gold_judges(g)
            c = counts[first_look(g)]
            c[0] += len(got & want)
            c[1] += len(got - want)
            c[2] += len(want - got)
    for (tp, fp, fn), floor in zip((counts[False], counts[True]), JUDGE_FLOORS):
        assert 2 * tp / (2 * tp + fp + fn) >= floor, (tp, fp, fn)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(["Judge ", "Hon. ", "Magistrate ", "Before: ", "Circuit Judges.", "United States District "
                           "Judge", "Paul A. Engelmayer", "SMITH", ", ", "\n", "  ", "(", ")", "U.S.D.J.", "—",
                           "Appeal from the District Court for X (Berman, J.)", "法官:", "Referred To: "])


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40))
def test_any_text_gives_valid_mentions(pieces):
    text = "".join(pieces)
    for j in find_judges(text):
        assert j.role in ("district", "magistrate", "bankruptcy", "circuit", "state", "unknown")
        assert j.name and j.spans
        assert all(0 <= a < b <= len(text) for a, b in j.spans)


@pytest.mark.parametrize("text, expected", [
    # a place in the next column after a wide gap is not a name
    (DISTRICT + "  LEDA M. SORRENTINO                                    50 WALNUT ST., ROOM 2060\n"
     "UNITED STATES MAGISTRATE JUDGE                             NEWARK, NJ 07101\n", []),
    # a name wrapped across one line break
    (DISTRICT + "The Honorable Dwight\nA. Holloway, United States District Judge, referred the Motion.\n",
     [("Dwight A. Holloway", "district")]),
    # Unicode letters in names
    (DISTRICT + "Before the Honorable Inès Zoë Lefèvre, United States Magistrate Judge.\n",
     [("Inès Zoë Lefèvre", "magistrate")]),
    # the appeal header's byline of the district judge
    (APPELLATE + "Appeal from the United States District Court for the Northern District of Ohio at "
     "Cleveland.\nNo. 1:23-cv-04410 — Harold T. Brennan, Judge.\n", [("Harold T. Brennan", "district")]),
    (APPELLATE + "Appeal from the United States District Court\nfor the Northern District of Ohio.\n"
     "No. 1:23-cv-02218—Bridget L. Ashcombe, District Judge.\n", [("Bridget L. Ashcombe", "district")]),
    (DISTRICT + "This matter is referred to Magistrate Judge Ana\nLucía Ferrer for settlement.\n",
     [("Ana Lucía Ferrer", "magistrate")]),
    (DISTRICT + "Signed by the Honorable Tomás\nE. Quiroga on 5/1/2025.\n", [("Tomás E. Quiroga", "district")]),
    # a court heading above a bare title is not a name
    (DISTRICT + "MAGISTRATE JUDGE          CHICAGO, IL 60604\n", []),
    (DISTRICT + "ENTERED:\n\n_______________________\nHON. MARISOL T. VEGA\nUNITED STATES DISTRICT JUDGE\n",
     [("Marisol T. Vega", "district")]),
])
def test_judge_name_shapes(text, expected):
    assert judges(text) == sorted(expected)


# --- State courts: author lines, panels and the judge below; every judge's role is state ----

GA = "IN THE SUPREME COURT OF GEORGIA\n\nCase No. 2021-0457\n\n"
OH_APP = "Court of Appeals of Ohio TENTH APPELLATE DISTRICT\nNo. 104455\n"
NJ_APP = "SUPERIOR COURT OF NEW JERSEY\nAPPELLATE DIVISION\nDOCKET NO. A-1234-19\n"
PA_SUP = "IN THE SUPERIOR COURT OF PENNSYLVANIA\nNo. 88 EDA 2020\n"
NY_AD = "SUPREME COURT, APPELLATE DIVISION SECOND DEPARTMENT\nIndex 512345/19\n"


@pytest.mark.parametrize("text, expected", [
    (GA + "__________________\nKELLER, Justice.\n{¶ 1} We consider whether", [("Keller", "state")]),
    (GA + "PELLOW, J.\nThe question is", [("Pellow", "state")]),
    (OH_APP + "BEFORE: Quill, J., Marsh, P.J., and Dorne, J. RELEASED: May 2, 2020 "
     "MARGARET ANN QUILL, J.: {¶ 1} Appellants",
     [("Margaret Ann Quill", "state"), ("Marsh", "state"), ("Dorne", "state")]),
    (OH_APP + "Ann Roe, P.J., Bo Poe, J., and Cy Loe, J., concur.\n",
     [("Ann Roe", "state"), ("Bo Poe", "state"), ("Cy Loe", "state")]),
    (NJ_APP + "Argued May 1, 2021 – Decided June 2, 2021\nBefore Judges Hallow and Brinks.\n",
     [("Hallow", "state"), ("Brinks", "state")]),
    (PA_SUP + "BEFORE: LARK, J., FENWICK, J., and OSTER, J.*\nMEMORANDUM BY FENWICK, J.: FILED MAY 1",
     [("Lark", "state"), ("Fenwick", "state"), ("Oster", "state")]),
    ("IN THE COURT OF COMMON PLEAS OF YORK COUNTY,\nPENNSYLVANIA\n07-2233 CIVIL TERM\n"
     "BEFORE TEALE. J. AND MORROW. J.\nOPINION AND ORDER OF COURT\nTeale, J., May 2, 2007:--\n",
     [("Teale", "state"), ("Morrow", "state")]),
    (NY_AD + "THE COURT ANNOUNCES THE FOLLOWING DECISIONS: Arden, J.P., Bellweather-Cross, Cole, Danvers, JJ. "
     "1234 Index 512345/19 In re Vane v. Cole",
     [("Arden", "state"), ("Bellweather-Cross", "state"), ("Cole", "state"), ("Danvers", "state")]),
    (NY_AD + "Order, Supreme Court, Kings County (Miriam Oaks, J.), entered May 2, 2018, affirmed.",
     [("Miriam Oaks", "state")]),
    ("Supreme Court, Kings County\nIndex 512345/2019\nPRESENT: HON. PAULA MARKS Justice\n\n"
     "HON. PAULA R. MARKS, J.S.C.\n", [("Paula R. Marks", "state")]),
    ("COURT OF CHANCERY OF THE STATE OF DELAWARE\nC.A. No. 2020-0123-ABC\nAttorneys for Defendants. "
     "WELLS, Vice Chancellor.\n\nPlaintiffs hold", [("Wells", "state")]),
    ("Judge: Tomas R. Ybarra, Case: 21SMCV01234, Date: 2023-05-16 Tentative Ruling\n",
     [("Tomas R. Ybarra", "state")]),
])
def test_state_judge_lines(text, expected):
    assert judges(text) == sorted(expected)


@pytest.mark.parametrize("text", [
    # a cited decision's judge, and a title used in prose, are not judges of the case
    GA + "See Pell v. Dorne, Supreme Court, Kings County (Ada Vix, J.), 2019 WL 1.",
    GA + "The trial court, as the Justice noted, erred.",
])
def test_state_not_judges(text):
    assert judges(text) == []


def test_federal_judges_keep_their_roles():
    text = DISTRICT + "Case No. 1:24-cv-01234\nJudge Jane A. Doe\nMagistrate Judge John B. Roe\n"
    assert judges(text) == [("Jane A. Doe", "district"), ("John B. Roe", "magistrate")]


def test_state_appeal_links_panel_to_the_appeal_and_the_judge_below_to_the_trial_case():
    from docketgraph.graph.model import Document
    from docketgraph.ingest import extract

    text = ("IN THE SUPERIOR COURT OF PENNSYLVANIA\nNo. 88 EDA 2020\n"
            "Appeal from the Order Entered May 1, 2019, in the Court of Common Pleas of Bucks County\n"
            "(Nora Vance, J.), Civil Division at No(s): 2018-04455.\n"
            "BEFORE: LARK, J., FENWICK, J., and OSTER, J.\nMEMORANDUM BY FENWICK, J.: FILED MAY 1, 2020\n")
    ex = extract(Document(path="memo.txt", sha256="0" * 64, text=text, format="text"))
    assert [(c.docket, c.court) for c in ex.cases] == [("88 EDA 2020", "pasuperct"),
                                                       ("2018-04455", "pactcomplbucks")]
    assert sorted((j.name, j.role, j.case) for j in ex.judges) == [
        ("Fenwick", "state", "88 EDA 2020"), ("Lark", "state", "88 EDA 2020"),
        ("Nora Vance", "state", "2018-04455"), ("Oster", "state", "88 EDA 2020")]


@pytest.mark.parametrize("text, expected", [
    ("T.C. Memo. 2021-10\nUNITED STATES TAX COURT\nDocket No. 1234-19.\nMEMORANDUM FINDINGS OF FACT AND OPINION\n"
     "HALVERSON, Judge:  The Internal Revenue Service determined", [("Halverson", "unknown")]),
    ("UNITED STATES BANKRUPTCY COURT\nDISTRICT OF DELAWARE\nCase No. 20-50123 (KLM)\nJudge: Hon. Kara L. Mott\n",
     [("Kara L. Mott", "bankruptcy")]),
])
def test_tax_and_bankruptcy_judges(text, expected):
    assert judges(text) == sorted(expected)


def test_a_judge_of_consolidated_cases_is_listed_once_per_case():
    from docketgraph.graph.model import Document
    from docketgraph.ingest import extract

    text = ("UNITED STATES TAX COURT\nANNA VOSS, Petitioner v.\nCOMMISSIONER OF INTERNAL REVENUE, Respondent\n"
            "Docket Nos. 1234-19, 5678-20. Filed March 1, 2021.\nHALVERSON, Judge:  The IRS determined")
    ex = extract(Document(path="memo.txt", sha256="0" * 64, text=text, format="text"))
    assert [(c.docket, c.court) for c in ex.cases] == [("1234-19", "tax"), ("5678-20", "tax")]
    assert sorted((j.name, j.role, j.case) for j in ex.judges) == [
        ("Halverson", "unknown", "1234-19"), ("Halverson", "unknown", "5678-20")]


@pytest.mark.parametrize("text, expected", [
    # a title ending a line of running text, the name on the next line
    (DISTRICT + "Case No. 1:24-cv-01234\n" + "x " * 1600 + "\nthe request was made before the Magistrate "
     "Judge\nOrla P. Finch ordered production.", [("Orla P. Finch", "magistrate")]),
    (DISTRICT + "Case No. 1:24-cv-01234\nfrom Magistrate Judge\nFinch, [is] improper. Judge Finch denied it.",
     [("Finch", "magistrate")]),
    # a capitalised word after a wrapped title is not a name unless the judge is printed elsewhere
    (DISTRICT + "Case No. 1:24-cv-01234\nJudge Ada Roe\nUnited States District Judge\nThis matter comes "
     "before the Court.", [("Ada Roe", "district")]),
    (DISTRICT + "the Magistrate Judge\nPresently pending is a motion.", []),
    # "Name, Judge" on a line of its own under the opinion's title
    (DISTRICT + "MEMORANDUM OPINION AND ORDER\nHollis D. Varga, Judge\nThis case arises", [("Hollis D. Varga", "district")]),
    # the appeal header's byline with a Unicode hyphen in the number
    (APPELLATE + "Appeal from the United States District Court. No. 1:19\u2010cv\u201001234 \u2014 Rhea M. "
     "Tolland, Judge.", [("Rhea M. Tolland", "district")]),
])
def test_wrapped_titles_and_name_lines(text, expected):
    assert judges(text) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("United States Court of Appeals\n   For the Eighth Circuit\n Re: United States v. Vell, No. 22-1111\n"
     "  (Arg. & Sub. \u2013 Jan. 12, 2023\u2014Harlow Finch\n  and Brandt).\n\nDear Mr. Clerk,",
     [("Harlow", "circuit"), ("Finch", "circuit"), ("Brandt", "circuit")]),
    ("United States Court of AppealsFor the Seventh Circuit\nNo. 18-3001\n"
     "IN RE:                        ]  Appeal from the United\n"
     "   ACME WIDGETS CO.           ]  States District Court for\n"
     "   LITIGATION                 ]  the Southern District of Indiana.\n"
     "NORA HALE, et al.,            ]  No. 1:15-cv-00111-ABC\n"
     "v. ]  Corwin P. Ashby, Jr., Judge.\n", [("Corwin P. Ashby, Jr.", "district")]),
])
def test_letter_panel_and_two_column_district_judge(text, expected):
    assert judges(text) == sorted(expected)


def test_title_alone_on_its_line_does_not_name_the_next_line():
    text = ("Hon. Ada B. Roe\nUnited States District Judge\nThurgood Marshall\nUnited States Courthouse\n"
            "40 Foley Square\nNew York, NY 10007\n\nRe: Case No. 22-cv-04133\n")
    assert judges(text) == [("Ada B. Roe", "district")]


@pytest.mark.parametrize("text, expected", [
    # a name runs into the next words on a web page: it ends at the surname after a middle initial
    ("Acme v. Doe, No. 1:21-cv-01234 (N.D. Ill.)\nJudge Ann B. Roe Dockets.Example.com\n", [("Ann B. Roe", "district")]),
    ("Case No. 1:21-cv-01234\nPresiding Judge Ann B. Roe Justia Dockets & Filings\n", [("Ann B. Roe", "district")]),
    ("Case No. 1:21-cv-01234\nMagistrate Judge Bo Poe Referred\n", [("Bo Poe", "magistrate")]),
    # particles and suffixes stay part of the name
    ("Case No. 1:21-cv-01234\nJudge Ann B. Van Roe\n", [("Ann B. Van Roe", "district")]),
    ("Case No. 1:21-cv-01234\nJudge Robert L. Miller, Jr.\n", [("Robert L. Miller, Jr.", "district")]),
])
def test_name_ends_at_the_surname(text, expected):
    assert judges(text) == sorted(expected)


@pytest.mark.parametrize("text", [
    GA + "Roe, " * 5000 + "JJ.",
    GA + "BEFORE: " + "Roe, J., " * 3000,
    GA + ("KELLER, Justice. " * 2000),
    NY_AD + "(" + "Ann Roe, J.), " * 3000,
])
def test_state_judge_lines_linear_on_hostile_input(text):
    import time
    t = time.perf_counter()
    find_judges(text)
    assert time.perf_counter() - t < 5


TX_APP = "Court of Appeals of Texas\nNo. 01-21-00555-CV\n"
IL_APP = "APPELLATE COURT OF ILLINOIS\nFIRST DISTRICT\nNo. 1-19-1234\n"
GA_APP = "IN THE COURT OF APPEALS OF GEORGIA\nA19A1234. VANE v. HOLT.\n"


@pytest.mark.parametrize("text, expected", [
    (TX_APP + "Before Justices Alder, Brisco, and Calloway\nOpinion by Justice Brisco\n",
     [("Alder", "state"), ("Brisco", "state"), ("Calloway", "state")]),
    (IL_APP + "JUSTICE HOLLOWAY delivered the judgment of the court, with opinion.\n"
     "Justices Marsh and Quade concurred in the judgment and opinion.\n",
     [("Holloway", "state"), ("Marsh", "state"), ("Quade", "state")]),
    (GA_APP + "PELL, Presiding Judge.\nThe trial court granted", [("Pell", "state")]),
    (GA_APP + "Dorne, C. J., and Pell, P. J., concur.\n", [("Dorne", "state"), ("Pell", "state")]),
    ("Court of Appeals of Michigan\nNo. 345678\nBefore: MURRAY, P.J., and SAWYER and RIORDAN, JJ.\n",
     [("Murray", "state"), ("Sawyer", "state"), ("Riordan", "state")]),
    (NY_AD + "ANNA L. VOSS, J.P.\nBRUNO T. HALE\nCORA M. FINCH, JJ.\n\n2019-01234\n",
     [("Anna L. Voss", "state"), ("Bruno T. Hale", "state"), ("Cora M. Finch", "state")]),
    # a justice named in prose or in a citation is not a judge of the case
    (TX_APP + "As Justice Holmes wrote in Lochner, the Constitution does not enact a theory.\n", []),
])
def test_more_state_judge_styles(text, expected):
    assert judges(text) == sorted(expected)
