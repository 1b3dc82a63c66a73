"""Counsel (ingest/fields/counsel/): attorneys, firms, e-mails, represents; one row per rule."""
from __future__ import annotations

import json
import re

import pytest

from docketgraph.graph.model import PartyMention
from docketgraph.graph.names import firm_key, person_key
from docketgraph.ingest.fields.counsel import find_counsel

GBC_BLOCK = """Dated this 17th day of April 2023.

Respectfully submitted,

/s/ Justin T. Joseph

Amy C. Ziegler
Justin R. Gaudio
Justin T. Joseph
Greer, Burns & Crain, Ltd.
300 South Wacker Drive, Suite 2500
Chicago, Illinois 60606
312.360.0080 / 312.360.9315 (facsimile)
aziegler@gbc.law
jgaudio@gbc.law

jjoseph@gbc.law

Counsel for Plaintiff Robert Diggs
"""

LETTERHEAD = """**EPSTEIN DRANGEL LLP**

60 East 42nd Street, Suite 1250, New York, NY 10165
T: 212.292.5390 • E: mail@ipcounselors.com
www.ipcounselors.com

June 29, 2023

Hon. Paul A. Engelmayer
United States District Judge
Thurgood Marshall
United States Courthouse
40 Foley Square
New York, New York 10007

Dear Judge Engelmayer,

We write on behalf of Plaintiff to provide a joint status update pursuant to the Court's order.

Respectfully submitted,

BY: /s/ Danielle S. Futterman
Danielle S. Futterman
dfutterman@ipcounselors.com
Attorneys for Plaintiff
"""

STACKED_APPELLATE = """Robert G. Rose (Argued)
Day Pitney
P.O. Box 1945
Morristown, NJ 07962
      Counsel for Appellant, International
      Flavors & Fragrances Inc.

Frank E. Borowsky, Jr. (Argued)
Michael J. Frantz, Jr.
Borowsky & Borowsky
59 Avenue at the Common
Shrewsbury, NJ 07702
       Counsel for Appellee, The
       Travelers Indemnity Company
"""

TOP_BLOCK = """Jason M. Drangel (JD 7204)
jdrangel@ipcounselors.com
Ashly E. Sands (AS 7715)
asands@ipcounselors.com
EPSTEIN DRANGEL LLP
60 East 42 nd Street, Suite 1250
New York, NY 10165
Telephone: (212) 292-5390
Attorneys for Plaintiff
Who Decides War, LLC
UNITED STATES DISTRICT COURT
"""

ONE_LINE = ("Opinion\n23-cv-9238 (JLR)\nJason M. Drangel (JD 7204) Ashly E. Sands (AS 7715) Gabriela N. Nastasi "
            "EPSTEIN DRANGEL LLP Attorneys for Plaintiff The Pinkfong Company, Inc.\nPRELIMINARY INJUNCTION ORDER\n")

SOLO = """Respectfully submitted,

/s/ Jane Q. Public
Jane Q. Public, Esq.
123 Main Street
Springfield, IL 62701
jane@publiclaw.example
Attorney for Defendant
"""

NEF = """Notice of Electronic Filing

Filer: Lorri
Street

Docket Text:

STATUS Report , Joint by Lorri
Street (Wiley, Joshua)

1:21-cv-02975 Notice has been electronically mailed to:

John Peirce Morrison
pete.morrison@akerman.com, masterdocketlit@akerman.com

Joshua Jon Wiley
driscoll@everettlawfirm.com, ecfnotices@everettlawfirm.com

Megan M Kokontis
megan.kokontis@akerman.com

1:21-cv-02975 Notice has been delivered by other means to:
"""


def att(text, **kw):
    a, _ = find_counsel(text, **kw)
    return sorted((x.name, x.firm, x.email) for x in a)


def firms(text, **kw):
    _, f = find_counsel(text, **kw)
    return sorted(x.name for x in f)


@pytest.mark.parametrize("text, attorneys, firm_names", [
    (GBC_BLOCK, [("Amy C. Ziegler", "Greer, Burns & Crain, Ltd.", "aziegler@gbc.law"),
                 ("Justin R. Gaudio", "Greer, Burns & Crain, Ltd.", "jgaudio@gbc.law"),
                 ("Justin T. Joseph", "Greer, Burns & Crain, Ltd.", "jjoseph@gbc.law")],
     ["Greer, Burns & Crain, Ltd."]),
    (LETTERHEAD, [("Danielle S. Futterman", "Epstein Drangel LLP", "dfutterman@ipcounselors.com")],
     ["Epstein Drangel LLP"]),
    (STACKED_APPELLATE, [("Frank E. Borowsky, Jr.", "Borowsky & Borowsky", None),
                         ("Michael J. Frantz, Jr.", "Borowsky & Borowsky", None),
                         ("Robert G. Rose", "Day Pitney", None)],
     ["Borowsky & Borowsky", "Day Pitney"]),
    (TOP_BLOCK, [("Ashly E. Sands", "Epstein Drangel LLP", "asands@ipcounselors.com"),
                 ("Jason M. Drangel", "Epstein Drangel LLP", "jdrangel@ipcounselors.com")],
     ["Epstein Drangel LLP"]),
    (ONE_LINE, [("Ashly E. Sands", "Epstein Drangel LLP", None),
                ("Gabriela N. Nastasi", "Epstein Drangel LLP", None),
                ("Jason M. Drangel", "Epstein Drangel LLP", None)],
     ["Epstein Drangel LLP"]),
    (SOLO, [("Jane Q. Public", None, "jane@publiclaw.example")], []),
    # lead and local counsel in one block: each attorney takes the firm printed below the name;
    # a title line ("Assistant Attorney General") is not a firm
    ("Respectfully submitted,\n\n/s/ Jane A. Doe\nJane A. Doe\nDoe & Partners LLP\n1 Main Street, Suite 100\n"
     "New York, NY 10001\njdoe@doepartners.com\n\nJohn B. Roe\nRoe Law Group, LLC\n200 W. Madison Street\n"
     "Chicago, IL 60606\njroe@roelaw.com\n\nCounsel for Defendants\n\nMary C. Poe\nAssistant Attorney General\n"
     "100 W. Randolph Street\nChicago, IL 60601\nmpoe@ilag.gov\nCounsel for the State\n",
     [("Jane A. Doe", "Doe & Partners LLP", "jdoe@doepartners.com"),
      ("John B. Roe", "Roe Law Group, LLC", "jroe@roelaw.com"), ("Mary C. Poe", None, "mpoe@ilag.gov")],
     ["Doe & Partners LLP", "Roe Law Group, LLC"]),
    ("Respectfully submitted,\n\ns/ Richard Guerra\nRichard Guerra (Fla. Bar No. 689521)\nTHE BRICKELL IP GROUP, "
     "PLLC\n1101 Brickell Avenue\nMiami, FL 33131\nrguerra@brickellip.com\nCounsel for Plaintiff\n",
     [("Richard Guerra", "The Brickell IP Group, PLLC", "rguerra@brickellip.com")], ["The Brickell IP Group, PLLC"]),
    ("Respectfully submitted,\n\n/s/ Jane Doe\nJane Doe (IL Bar No. 6283456)\nDoe Law LLC\n1 N. State St.\n"
     "Chicago, IL 60602\njdoe@doelaw.com\nCounsel for Defendants\n",
     [("Jane Doe", "Doe Law LLC", "jdoe@doelaw.com")], ["Doe Law LLC"]),
    ("1:21-cv-02975 Notice has been electronically mailed to:\n\nAmy Crout Ziegler    aziegler@gbc.law, "
     "docket@gbc.law\n\n1:21-cv-02975 Notice has been delivered by other means to:\n",
     [("Amy Crout Ziegler", None, "aziegler@gbc.law")], []),
    (NEF, [("John Peirce Morrison", None, "pete.morrison@akerman.com"),
           ("Joshua Jon Wiley", None, "driscoll@everettlawfirm.com"),
           ("Megan M Kokontis", None, "megan.kokontis@akerman.com")], []),
])
def test_contact_blocks(text, attorneys, firm_names):
    assert att(text) == sorted(attorneys)
    assert firms(text) == sorted(firm_names)


@pytest.mark.parametrize("text, attorneys, firm_names", [
    # "X, Firm, City, State, for party."
    ("COUNSEL\n\nARGUED: Stanley L. Myers, Powell, Ohio, for Appellant. Joshua Bachrach, WILSON,\nELSER, "
     "MOSKOWITZ, EDELMAN & DICKER LLP, Philadelphia, Pennsylvania, for\nAppellee.\n",
     [("Joshua Bachrach", "Wilson, Elser, Moskowitz, Edelman & Dicker LLP"), ("Stanley L. Myers", None)],
     ["Wilson, Elser, Moskowitz, Edelman & Dicker LLP"]),
    # semicolon-separated lawyers identified by city only
    ("COUNSEL\n\nAnthony J. Brady, Jr., Maple Shade, New Jersey; Barry Wein-\ntraub, Stafford, Virginia, for "
     "Appellants. Michael R. Ward,\nMORRIS & MORRIS, Richmond, Virginia, for Appellee.\n",
     [("Anthony J. Brady, Jr.", None), ("Barry Weintraub", None), ("Michael R. Ward", "Morris & Morris")],
     ["Morris & Morris"]),
    # "X (argued) and Y, Firm, City" share the firm
    ("COUNSEL\n\nMarion R. Yagman (argued) and Joseph Reichmann, Yagman\n& Yagman & Reichman, Venice Beach, "
     "California, for the\nplaintiffs-appellants.\n",
     [("Joseph Reichmann", "Yagman & Yagman & Reichman"), ("Marion R. Yagman", "Yagman & Yagman & Reichman")],
     ["Yagman & Yagman & Reichman"]),
    # government law office, with an attorney "of counsel" in parentheses
    ("A FFIRMED.\n\n F. JAMES LOPREST, JR., United States Attorney’s\n Office for the Southern District of New "
     "York\n (DAVID S. JONES, of counsel), New York, New\n York, for Defendants-Appellees.\n",
     [("David S. Jones", "United States Attorney's Office for the Southern District of New York"),
      ("F. James Loprest, Jr.", "United States Attorney's Office for the Southern District of New York")],
     ["United States Attorney's Office for the Southern District of New York"]),
    # "with whom ... were on brief": list form, firm listed but attorneys' firm null
    ("Before\n\nSelya, Circuit Judge.\n\n\nRoger K. Gannam, with whom Mathew D. Staver, Horatio G. Mihet,\n"
     "and Liberty Counsel were on brief, for appellant.\n",
     [("Horatio G. Mihet", None), ("Mathew D. Staver", None), ("Roger K. Gannam", None)],
     ["Liberty Counsel"]),
    # a lone "X and Firm on brief" keeps the pair
    ("Judges.\n\nStephen C. Whiting and The Whiting Law Firm on brief for\nAdrienne Bennett, amicus curiae.\n",
     [("Stephen C. Whiting", "The Whiting Law Firm")], ["The Whiting Law Firm"]),
    # titles are not firms
    ("Judges.\n\n Christopher C. Taub, Deputy Attorney General, with whom Aaron\nM. Frey, Attorney General, "
     "were on brief, for appellee.\n",
     [("Aaron M. Frey", None), ("Christopher C. Taub", None)], []),
    # Federal Circuit style: "of City", "Of counsel on the brief was", "With him on the brief was"
    ("      Philip P. Mann, Mann Law Group, of Seattle, Washington, for plaintiff-appellee.\nOf counsel on the "
     "brief was John E. Whitaker, Whitaker Law Group, of\nSeattle,\nWashington.\n\n      Lawrence D. Graham, "
     "Black Lowe & Graham PLLC, of Seattle, Washington,\nargued for defendants-appellants. With him on the brief "
     "was Douglas A. Grady.\n",
     [("Douglas A. Grady", None), ("John E. Whitaker", "Whitaker Law Group"),
      ("Lawrence D. Graham", "Black Lowe & Graham PLLC"), ("Philip P. Mann", "Mann Law Group")],
     ["Black Lowe & Graham PLLC", "Mann Law Group", "Whitaker Law Group"]),
    # reported district opinions
    ("MEMORANDUM OPINION AND ORDER\nJustin R. Gaudio, Greer, Burns & Crain, Ltd., Chicago, IL, for Plaintiff.\n"
     "He Cheng, Tao Liu, Glacier Law LLP, New York, NY, for Defendants.\n",
     [("He Cheng", "Glacier Law LLP"), ("Justin R. Gaudio", "Greer, Burns & Crain, Ltd."),
      ("Tao Liu", "Glacier Law LLP")],
     ["Glacier Law LLP", "Greer, Burns & Crain, Ltd."]),
    ("Counsel\nFor Roadget Business Pte. Ltd., Plaintiff: Tianyu Ju, LEAD ATTORNEY, Glacier Law LLP, Chicago, "
     "IL.\n", [("Tianyu Ju", "Glacier Law LLP")], ["Glacier Law LLP"]),
    ("PRESENT:\n  REENA RAGGI,\n  DENNY CHIN,\n     Circuit Judges.\n\nFOR PLAINTIFF-APPELLANT:      JANE R. DOE, "
     "Doe & Roe LLP,\n                              New York, NY.\n\nFOR DEFENDANTS-APPELLEES:     RICHARD ROE, "
     "Assistant United States\n                              Attorney (Sarah Smith, Assistant United\n"
     "                              States Attorney, on the brief), for Damian\n"
     "                              Williams, United States Attorney, New York, NY.\n",
     [("Jane R. Doe", "Doe & Roe LLP"), ("Richard Roe", None), ("Sarah Smith", None)], ["Doe & Roe LLP"]),
    # amici and the United States as the represented party
    ("COUNSEL\n\nJane A. Doe, Doe LLP, Washington, D.C., for amicus curiae American Civil Liberties Union. "
     "Mark B. Roe, Assistant United States Attorney, Chicago, Illinois, for the United States.\n",
     [("Jane A. Doe", "Doe LLP"), ("Mark B. Roe", None)], ["Doe LLP"]),
    # Tenth Circuit and D.C. Circuit styles
    ("Jane Doe (John Roe with her on the briefs), Roe & Doe LLP, Denver, Colorado, for Plaintiff-Appellant.",
     [("Jane Doe", "Roe & Doe LLP"), ("John Roe", "Roe & Doe LLP")], ["Roe & Doe LLP"]),
    ("Judges.\n\nJane A. Doe argued the cause for appellant. With her on the briefs was John B. Roe.\n\n"
     "Mark C. Smith, Attorney, U.S. Department of Justice, argued the cause for appellee.\n",
     [("Jane A. Doe", None), ("John B. Roe", None), ("Mark C. Smith", "U.S. Department of Justice")],
     ["U.S. Department of Justice"]),
])
def test_counsel_statements(text, attorneys, firm_names):
    assert sorted((a, f) for a, f, _ in att(text)) == sorted(attorneys)
    assert firms(text) == sorted(firm_names)


@pytest.mark.parametrize("text, attorneys, firm_names", [
    ("4 2022-08-24 ATTORNEY Appearance for Plaintiff Toho Co., Ltd. by Keith A. Vogt\n"
     "5 2022-08-24 ATTORNEY Appearance for Plaintiff Toho Co., Ltd. by Yanling Jiang\n",
     [("Keith A. Vogt", None), ("Yanling Jiang", None)], []),
    ("12 NOTICE of Appearance by Jane Q. Roe on behalf of Defendant Foo Store (Roe, Jane)\n",
     [("Jane Q. Roe", None)], []),
    # a tracker's short label resolves only when the document names a lawyer of that firm
    ("原告:Toho Co., Ltd.\n代理律所:Keith\n", [], []),
    ("原告:Toho Co., Ltd.\n代理律所:Keith\n4 ATTORNEY Appearance for Plaintiff Toho Co., Ltd. by Keith A. Vogt\n",
     [("Keith A. Vogt", None)], ["Keith Vogt, Ltd."]),
    # one attorney, listed once under the fullest spelling; an obvious misspelling merged
    ("4 ATTORNEY Appearance for Plaintiff X Co. by Willaim A. Baird\n"
     "5 ATTORNEY Appearance for Plaintiff X Co. by William Anthony Baird\n",
     [("William Anthony Baird", None)], []),
    ("Law Firm: Greer Burns & Crain\n", [], ["Greer, Burns & Crain, Ltd."]),
    ("Plaintiff\nRobert Diggs represented by Amy Crout Ziegler\nGreer, Burns & Crain, Ltd.\n300 South Wacker "
     "Drive\nChicago, IL 60606\nEmail: aziegler@gbc.law\nATTORNEY TO BE NOTICED\n",
     [("Amy Crout Ziegler", "Greer, Burns & Crain, Ltd.")], ["Greer, Burns & Crain, Ltd."]),
])
def test_docket_text(text, attorneys, firm_names):
    assert sorted((a, f) for a, f, _ in att(text)) == sorted(attorneys)
    assert firms(text) == sorted(firm_names)


def test_body_counsel_statement_resolves_a_misspelt_firm_with_evidence():
    text = ("In support, Plaintiff attaches a Declaration stating that Plaintiff’s counsel Epstein Drengel "
            "“verified that each Defendant provides shipping.” (Drengel Decl. (Dkt. No. 13) ¶ 24)")
    parties = (PartyMention("Allstar Marketing Group, LLC", "plaintiff"),)
    a, f = find_counsel(text, parties=parties, case="21-cv-00333")
    assert a == []  # "Drengel Decl." names a declarant without a first name
    assert [x.name for x in f] == ["Epstein Drangel LLP"]
    assert "fuzzy" in f[0].evidence
    assert f[0].represents == ("Allstar Marketing Group, LLC",)
    assert f[0].case == "21-cv-00333"
    s, e = f[0].spans[0]
    assert text[s:e] == "Epstein Drengel"


@pytest.mark.parametrize("text, firm", [
    ("Plaintiff's counsel, Greer, Burns & Crain, Ltd., shall serve the order.", "Greer, Burns & Crain, Ltd."),
    ("Epstein Drangel\nEpstein Drangel LLP, counsel for Plaintiff\n", "Epstein Drangel LLP"),
    ("Defendants' counsel Glacier Law LLP appeared.", "Glacier Law LLP"),
    ("Plaintiff is represented by Greer, Burns & Crain, Ltd. in this action.", "Greer, Burns & Crain, Ltd."),
])
def test_body_counsel_statements(text, firm):
    a, f = find_counsel(text)
    assert a == [] and [x.name for x in f] == [firm]


@pytest.mark.parametrize("text", [
    # firms mentioned, not counsel in the case
    "Plaintiff relies on a survey by Kirkland & Ellis LLP and an article by Jones Day.",
    "See Declaration of Justin R. Gaudio (the “Gaudio Declaration”) at ¶ 2.",
    "The Court has previously sanctioned Greer, Burns & Crain in another case.",
    # a judge's address block in a letter is not counsel
    "Hon. Paul A. Engelmayer\nUnited States District Judge\nThurgood Marshall\nUnited States Courthouse\n"
    "40 Foley Square\nNew York, New York 10007\n",
    # a judge's own signature
    "SO ORDERED.\n\nDated: May 1, 2024\n\n/s/ Jorge L. Alonso\nJorge L. Alonso\nUnited States District Judge\n",
    # a party appearing pro se
    "Respectfully submitted,\n\n/s/ John Q. Doe\nJohn Q. Doe, pro se\n12 Elm Street\nSpringfield, IL 62701\n",
])
def test_not_counsel(text):
    assert find_counsel(text) == ([], [])


def test_represents_from_parties_and_case_passed_in():
    parties = (PartyMention("Robert Diggs", "plaintiff"),
               PartyMention("The Partnerships and Unincorporated Associations Identified on Schedule A",
                            "defendant"))
    a, f = find_counsel(GBC_BLOCK.replace("Counsel for Plaintiff Robert Diggs", "Counsel for Plaintiff"),
                        parties=parties, case="1:23-cv-01820")
    assert {x.represents for x in a} == {("Robert Diggs",)}
    assert f[0].represents == ("Robert Diggs",)
    assert {x.case for x in a} | {x.case for x in f} == {"1:23-cv-01820"}


@pytest.mark.parametrize("text", [GBC_BLOCK, LETTERHEAD, STACKED_APPELLATE, TOP_BLOCK, ONE_LINE, NEF])
def test_spans_are_evidence(text):
    a, f = find_counsel(text)
    for x in a:
        assert any(person_key(text[s:e]).split()[-1:] == person_key(x.name).split()[-1:] or
                   person_key(x.name.split(",")[0]).split()[-1] in person_key(text[s:e])
                   for s, e in x.spans), (x.name, [text[s:e] for s, e in x.spans])
    for y in f:
        assert any(firm_key(text[s:e]).split()[:1] == firm_key(y.name).split()[:1] for s, e in y.spans), y


@pytest.mark.parametrize("text", [
    " " * 50_000,
    "@" * 50_000,
    "a@" * 25_000,
    ("x." * 20_000) + "@",
    "ABC " * 20_000,
    "A. " * 20_000,
    ("X, for " * 5_000) + "appellee.",
    "for " + "a" * 50_000 + " appellee.",
    "John A. Smith" + ", Smith" * 10_000 + ", for appellant.",
    "John A. Smith\n" * 5_000,
    "Attorneys for Plaintiff " * 3_000,
    "Plaintiff's counsel " + "Aa " * 20_000,
    "A & " * 20_000,
    "LLP " * 20_000,
    "\n" * 50_000,
    "Jason M. Drangel (JD 7204) " * 2_000 + "EPSTEIN DRANGEL LLP Attorneys for Plaintiff X",
    "X, for Defendants " + "Aa " * 20_000 + ".",
    ("Ab Cd, counsel " * 3_000) + "for Plaintiff",
    ("Ab B. Cd of the law firm " * 2_000) + "Xy LLP",
    "Plaintiff's Counsel" + " " * 30 + "Aa " * 20_000,
    ("/s/ A B          /s/ C D\n" * 2_000),
    "".join(f"{i % 28 + 1:2d}  text line\n" for i in range(5_000)),
    "Ann B. Cole, Attorney No." + " " * 40_000 + "1",
])
def test_crafted_long_inputs_return(text):
    a, f = find_counsel(text)
    assert isinstance(a, list) and isinstance(f, list)


def _norm(s):
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]+", " ", (s or "").lower().replace("&", " and "))).strip()


# Counsel F1 on the text filings: (seeds and dev 01-43, dev 44-102 added later). Floors are
# measured values minus a margin; raise them as the counsel rules improve.
COUNSEL_FLOORS = (0.97, 0.97)  # measured 1.000, 0.673 first look; 1.000, 1.000 after (2026-12-06)


def test_counsel_on_seeds_and_dev_texts(seeds_dir, dev_dir):
    from factories import first_look

    counts = {False: [0, 0, 0], True: [0, 0, 0]}
    for folder in (seeds_dir, dev_dir):
        for g in sorted(folder.glob("*.gold.json")):
            gold = json.loads(g.read_text())
            doc = folder / gold["doc"]
            if doc.suffix != ".txt":
                continue
            a, f = find_counsel(doc.read_text())
            got = {("a", _norm(x.name), _norm(x.firm)) for x in a} | {("f", _norm(x.name), "") for x in f}
            want = ({("a", _norm(x["name"]), _norm(x["firm"])) for x in gold["attorneys"]}
                    | {("f", _norm(x["name"]), "") for x in gold["firms"]})
            c = counts[first_look(g)]
            c[0] += len(got & want)
            c[1] += len(got - want)
            c[2] += len(want - got)
    for (tp, fp, fn), floor in zip((counts[False], counts[True]), COUNSEL_FLOORS):
        assert 2 * tp / (2 * tp + fp + fn) >= floor, (tp, fp, fn)


@pytest.mark.parametrize("stated, parties, expected", [
    ("Counsel for Appellee, Dammann & Co.", ("Dammann & Co., Inc.",), ("Dammann & Co., Inc.",)),
    ("Counsel for Appellee, The\n       Travelers Indemnity Company", ("The Travelers Indemnity Company",),
     ("The Travelers Indemnity Company",)),
    ("Counsel for Plaintiff Robert Diggs", (), ("Robert Diggs",)),
    ("Counsel for Defendants Hailitech and Hxltech", (), ("Hailitech", "Hxltech")),
])
def test_represents_uses_the_parties_names(stated, parties, expected):
    text = f"Respectfully submitted,\n\n/s/ Jane Q. Roe\nJane Q. Roe\nRoe Law LLC\n1 Main Street\n{stated}\n"
    ps = tuple(PartyMention(n, "appellee") for n in parties)
    a, f = find_counsel(text, parties=ps)
    assert a[0].represents == expected
    assert f[0].represents == expected



from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(["Respectfully submitted,", "/s/ ", "Jane A. Doe", "Doe & Roe LLP", "Counsel for Plaintiff",
                           "jdoe@doe.example", "1 Main Street", "Chicago, IL 60606", "\n", ", ", " and ", "for appellee.",
                           "(argued)", "EPSTEIN DRENGEL", "Plaintiff's counsel ", "represented by ", "代理律所:"])


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40))
def test_any_text_gives_valid_mentions(pieces):
    text = "".join(pieces)
    a, f = find_counsel(text)
    for x in a:
        assert x.name and all(0 <= s <= e <= len(text) for s, e in x.spans)
        assert x.email is None or "@" in x.email
    firm_names = {y.name for y in f}
    for x in a:
        assert x.firm is None or x.firm in firm_names
    for y in f:
        assert y.name and all(0 <= s <= e <= len(text) for s, e in y.spans)


def test_a_firm_misspelt_once_takes_the_documents_usual_spelling():
    block = ("Respectfully submitted,\n\n/s/ {n}\n{n}\n{f}\n1 Main Street\nNew York, NY 10001\n"
             "Counsel for Plaintiff\n\n")
    text = (block.format(n="Jane A. Doe", f="Morrison & Foerster LLP")
            + block.format(n="John B. Roe", f="Morrison & Foersterr LLP")
            + "Morrison & Foerster LLP is counsel for Plaintiff.\n")
    a, f = find_counsel(text)
    assert [y.name for y in f] == ["Morrison & Foerster LLP"]
    assert "Foersterr" in f[0].evidence
    assert {x.firm for x in a} == {"Morrison & Foerster LLP"}


@pytest.mark.parametrize("a, b, same", [
    ("Morrison & Foerster LLP", "Morrison & Foersterr LLP", True),
    ("Greer, Burns & Crain", "Greer, Burns & Crain, Ltd.", True),
    ("Keener & Associates, P.C.", "Kenner & Associates, P.C.", False),
    ("Jones Day", "Jones Walker", False),
])
def test_similar_spelling(a, b, same):
    from docketgraph.ingest.fields.firms import similar_spelling
    assert similar_spelling(a, b) is same



# ---------------------------------------------------------------- more signature-block shapes
# Fictional blocks in shapes filings commonly use; expected results written from how the block
# reads, before running the extractor.

TWO_COLUMN = """Respectfully submitted,

/s/ Maren J. Okafor                      /s/ Tomasz P. Wielgus
Maren J. Okafor                          Tomasz P. Wielgus
HOLLIS & VANCE LLP                       BRIARWOOD KEMP PLLC
200 Park Avenue                          1 Liberty Plaza, Suite 300
New York, NY 10166                       New York, NY 10006
mokafor@hollisvance.com                  twielgus@briarwoodkemp.com
Attorneys for Plaintiff                  Attorneys for Defendant
"""

FIRM_THEN_BY = """Respectfully submitted,

LINDQVIST & MORO LLP

By: /s/ Priya N. Castellanos
Priya N. Castellanos (Bar No. 318842)
44 Montgomery Street, Suite 900
San Francisco, CA 94104
pcastellanos@lindqvistmoro.com

Attorneys for Defendant
"""

OF_COUNSEL = """Respectfully submitted,

/s/ Harriet L. Quon
Harriet L. Quon (ARDC No. 6312345)
QUON IP LAW, LLC
123 North Wacker Drive, Suite 800
Chicago, Illinois 60606
(312) 555-0190
hquon@quoniplaw.com

Of Counsel:
Benedikt S. Aramburu
ARAMBURU HALE LLP
900 Third Avenue
New York, NY 10022
(212) 555-0111
baramburu@aramburuhale.com

Attorneys for Plaintiff Fernleaf Outdoors, Inc.
"""

EMAIL_SAME_LINE = """HARTWELL FINCH LLC

/s/ Odile M. Brassard
Odile M. Brassard, Attorney No. 48213    obrassard@hartwellfinch.com
2 Penn Center, Suite 1100
Philadelphia, PA 19102
Counsel for Defendant
"""

TEXAS_LEAD = """Respectfully submitted,

/s/ Caldwell R. Yoakum
Caldwell R. Yoakum
Lead Counsel
Texas State Bar No. 24098765
YOAKUM PRESCOTT PLLC
5956 Sherry Lane, Suite 1000
Dallas, Texas 75225
Tel: (214) 555-0177
cyoakum@yoakumprescott.com

Lucinda V. Marr
State Bar No. 24112233
lmarr@yoakumprescott.com

ATTORNEYS FOR PLAINTIFF
HALVERN SYSTEMS, INC.
"""

FIRM_FIRST_UNICODE = """Date: June 2, 2025                  Respectfully submitted,

                                    BAPTISTE & ORDOÑEZ, P.A.
                                    Attorneys for Plaintiff
                                    401 East Las Olas Boulevard, Suite 1400
                                    Fort Lauderdale, Florida 33301

                                    By: s/Inès R. Baptiste
                                    Inès R. Baptiste (Fla. Bar No. 1029384)
                                    ibaptiste@baptisteordonez.com
                                    Andrés F. Ordoñez (Fla. Bar No. 87431)
                                    aordonez@baptisteordonez.com
"""

PLEADING_PAPER = """ 1  Dated: March 4, 2024                   Respectfully submitted,
 2
 3                                         /s/ Vivian E. Tremont
 4                                         Vivian E. Tremont
 5                                         Kwame J. Ashford
 6                                         TREMONT ASHFORD LLP
 7                                         300 South Wacker Drive, Suite 2500
 8                                         Chicago, Illinois 60606
 9                                         vtremont@tremontashford.com
10                                         kashford@tremontashford.com
11
12                                         Counsel for Plaintiff
"""

WRAPPED_PRO_HAC = """Respectfully submitted,

/s/ Susannah M. Pryor
Susannah M. Pryor
PRYOR & LATTIMORE, P.C.
104 East Houston Street, Suite 200
Marshall, Texas 75670
spryor@pryorlattimore.com

Rafael D. Aguilar (pro hac vice
  pending)
California Bar No. 287716
WHITCOMBE HALVORSEN LLP
2550 Hanover Street
Palo Alto, California 94304
raguilar@whitcombehalvorsen.com

ATTORNEYS FOR DEFENDANT
"""


@pytest.mark.parametrize("text, attorneys, firm_names", [
    (TWO_COLUMN, [("Maren J. Okafor", "Hollis & Vance LLP", "mokafor@hollisvance.com"),
                  ("Tomasz P. Wielgus", "Briarwood Kemp PLLC", "twielgus@briarwoodkemp.com")],
     ["Briarwood Kemp PLLC", "Hollis & Vance LLP"]),
    (FIRM_THEN_BY, [("Priya N. Castellanos", "Lindqvist & Moro LLP", "pcastellanos@lindqvistmoro.com")],
     ["Lindqvist & Moro LLP"]),
    (OF_COUNSEL, [("Harriet L. Quon", "Quon IP Law, LLC", "hquon@quoniplaw.com"),
                  ("Benedikt S. Aramburu", "Aramburu Hale LLP", "baramburu@aramburuhale.com")],
     ["Aramburu Hale LLP", "Quon IP Law, LLC"]),
    (EMAIL_SAME_LINE, [("Odile M. Brassard", "Hartwell Finch LLC", "obrassard@hartwellfinch.com")],
     ["Hartwell Finch LLC"]),
    (TEXAS_LEAD, [("Caldwell R. Yoakum", "Yoakum Prescott PLLC", "cyoakum@yoakumprescott.com"),
                  ("Lucinda V. Marr", "Yoakum Prescott PLLC", "lmarr@yoakumprescott.com")],
     ["Yoakum Prescott PLLC"]),
    (FIRM_FIRST_UNICODE, [("Andrés F. Ordoñez", "Baptiste & Ordoñez, P.A.", "aordonez@baptisteordonez.com"),
                          ("Inès R. Baptiste", "Baptiste & Ordoñez, P.A.", "ibaptiste@baptisteordonez.com")],
     ["Baptiste & Ordoñez, P.A."]),
    (PLEADING_PAPER, [("Kwame J. Ashford", "Tremont Ashford LLP", "kashford@tremontashford.com"),
                      ("Vivian E. Tremont", "Tremont Ashford LLP", "vtremont@tremontashford.com")],
     ["Tremont Ashford LLP"]),
    (WRAPPED_PRO_HAC, [("Rafael D. Aguilar", "Whitcombe Halvorsen LLP", "raguilar@whitcombehalvorsen.com"),
                       ("Susannah M. Pryor", "Pryor & Lattimore, P.C.", "spryor@pryorlattimore.com")],
     ["Pryor & Lattimore, P.C.", "Whitcombe Halvorsen LLP"]),
])
def test_signature_block_shapes(text, attorneys, firm_names):
    assert att(text) == sorted(attorneys)
    assert firms(text) == sorted(firm_names)


CAPTION = """AURELIA COSMETICS, LLC,

     Plaintiff,

v.

THE INDIVIDUALS, BUSINESS ENTITIES, AND
UNINCORPORATED ASSOCIATIONS IDENTIFIED
ON SCHEDULE "A,"

     Defendants.
"""


@pytest.mark.parametrize("text, parties", [
    # a judge's endorsement and signatures are not counsel
    ("MEMO ENDORSED\n\nThe conference is adjourned.\n\nSO ORDERED.\n\n/s/ Tobias K. Wrenfield\n"
     "Tobias K. Wrenfield, U.S.M.J.\n10/15/2025\n", ()),
    ("IT IS SO ORDERED.\n\n/s/ Imogen R. Talbot\nImogen R. Talbot\nUnited States District Judge\n", ()),
    ("                    BY THE COURT:\n\n                    s/ Clara W. Ostrowski\n"
     "                    Clara W. Ostrowski\n                    United States District Judge\n", ()),
    # caption parties with legal suffixes are not firms, Schedule A group words not attorneys
    (CAPTION + "\nCASE NO. 25-20418-CIV\n", (PartyMention("Aurelia Cosmetics, LLC", "plaintiff"),)),
])
def test_judges_signatures_and_captions_are_not_counsel(text, parties):
    a, f = find_counsel(text, parties=parties)
    assert a == [] and f == []


@pytest.mark.parametrize("text, attorneys, firm_names", [
    # party names after the role word in an opinion's counsel line
    ("Jun Li, Pacifica Bridge Law Group LLP, Irvine, CA, for Defendants Ardent Sparks\n"
     "Store and Glowfield Lighting.\n",
     [("Jun Li", "Pacifica Bridge Law Group LLP", None)], ["Pacifica Bridge Law Group LLP"]),
    # prose: "of the law firm X LLP" and "X, counsel for Plaintiff" (one wrapped line break)
    ("PLEASE TAKE NOTICE that Walter H. Brandt, Esq., of the law firm Kessler\nBrandt Yi LLP, hereby "
     "enters his appearance.\n", [("Walter H. Brandt", "Kessler Brandt Yi LLP", None)], ["Kessler Brandt Yi LLP"]),
    ("I certify that counsel for Orbiq conferred with Owen B.\nCastellano, counsel for Plaintiff, who "
     "does not oppose.\n", [("Owen B. Castellano", None, None)], []),
    # an initial first, a generational suffix, and a party named instead of a role
    ("On May 2 we received a letter from R. Milo Fenwick, Jr., counsel for the Quartz Holding Corporation,\n"
     "Tellis Inc. and Barrow Ltd.\n", [("R. Milo Fenwick, Jr.", None, None)], []),
    # a glossary row whose label has no colon
    ("Plaintiff's Counsel      Tovar Lindqvist LLP, 1185 Avenue of the Americas,\n"
     "                         3rd Floor, New York, NY 10036\n", [], ["Tovar Lindqvist LLP"]),
])
def test_prose_and_glossary_counsel(text, attorneys, firm_names):
    assert att(text) == sorted(attorneys)
    assert firms(text) == sorted(firm_names)


@pytest.mark.parametrize("text, attorneys", [
    # docket text wrapped inside a name
    ("4 ATTORNEY Appearance for Plaintiff Toho Co., Ltd. by Keith\n      A. Vogt (Vogt, Keith)\n",
     [("Keith A. Vogt", None)]),
    ("12 NOTICE of Appearance by Jane Q.\n      Roe on behalf of Defendant Foo Store\n", [("Jane Q. Roe", None)]),
])
def test_docket_text_wrapped_names(text, attorneys):
    assert sorted((a.name, a.firm) for a in find_counsel(text)[0]) == attorneys


# -- counsel blocks as filings print them on first pages of motions and declarations

QUALIFIED_ROLES = """Odette P. Varga
VARGA LLP
12 Harbor Street, Suite 400
Portland, OR 97201
ovarga@varga.example
Interim Co-Lead Class Counsel for the
Consumer Plaintiffs
Lionel Achterberg
ACHTERBERG MILLS, LLP
88 Canal Road
Albany, NY 12207
lachterberg@achterbergmills.example
Proposed Attorneys for Debtors and
Debtors in Possession
"""

WRAPPED_FIRM = """Henrietta Q. Olufemi
TALLIS BRENNER GOODWIN & PRATT
Professional Corporation
One Harbor Plaza
San Jose, CA 95113
holufemi@tallisbrenner.example
Counsel for Defendant
Marcus D. Feld
KESSLER, ORTIZ, WAINWRIGHT,
BELL & DUNMORE, LLP
500 Lake Street
Chicago, IL 60601
mfeld@kessler.example
Counsel for Plaintiff
"""

FIRM_FIRST_TWO_OFFICES = """PELLOW & GRANT LLP
Ursula T. Pellow (SBN 111111)
(upellow@pellowgrant.example)
10 West Fifth Street
Los Angeles, CA 90013
Telephone: 213.555.0100

HART NAVARRO LLP
Tobias R. Hart (pro hac vice)
(thart@hartnavarro.example)
20 Elm Avenue
Dallas, TX 75201
Telephone: 214.555.0100

Attorneys for Defendant
"""

CAPTION_JUDGE_LABEL = """Rosalind K. Achebe
ACHEBE LAW GROUP, P.C.
400 Pine Street
Seattle, WA 98101
rachebe@achebelaw.example
Counsel for Plaintiffs
UNITED STATES DISTRICT COURT
IN RE WIDGET ANTITRUST
LITIGATION
PERSONAL JURISDICTION
Judge:           Hon. Petra N. Lindqvist
"""


@pytest.mark.parametrize("text, attorneys, firm_names", [
    # a representation line with qualifiers closes its group; the party goes on below it
    (QUALIFIED_ROLES, [("Lionel Achterberg", "Achterberg Mills, LLP", "lachterberg@achterbergmills.example"),
                       ("Odette P. Varga", "Varga LLP", "ovarga@varga.example")],
     ["Achterberg Mills, LLP", "Varga LLP"]),
    # a firm's name wrapped onto a second line (its legal form, or the end of an ALL-CAPS name)
    (WRAPPED_FIRM, [("Henrietta Q. Olufemi", "Tallis Brenner Goodwin & Pratt, Professional Corporation",
                     "holufemi@tallisbrenner.example"),
                    ("Marcus D. Feld", "Kessler, Ortiz, Wainwright, Bell & Dunmore, LLP", "mfeld@kessler.example")],
     ["Kessler, Ortiz, Wainwright, Bell & Dunmore, LLP", "Tallis Brenner Goodwin & Pratt, Professional Corporation"]),
    # three lines of capitals: the name runs on into the line with the legal form
    ("/s/ Ivy M. Trent\nIvy M. Trent\nBRACKETT HOLLOWAY TRENT\nMUIR AND DALE LLP\n1 Elm Street\nAustin, TX 78701\n"
     "itrent@bhtmd.example\nCounsel for Plaintiff\n",
     [("Ivy M. Trent", "Brackett Holloway Trent Muir and Dale LLP", "itrent@bhtmd.example")],
     ["Brackett Holloway Trent Muir and Dale LLP"]),
    # firm-first blocks: each attorney takes the firm printed above the name
    (FIRM_FIRST_TWO_OFFICES, [("Tobias R. Hart", "Hart Navarro LLP", "thart@hartnavarro.example"),
                              ("Ursula T. Pellow", "Pellow & Grant LLP", "upellow@pellowgrant.example")],
     ["Hart Navarro LLP", "Pellow & Grant LLP"]),
    # a caption's "Judge:" field below the counsel block does not make it a judge's signature
    (CAPTION_JUDGE_LABEL, [("Rosalind K. Achebe", "Achebe Law Group, P.C.", "rachebe@achebelaw.example")],
     ["Achebe Law Group, P.C."]),
    # letterhead ornaments are not part of the name
    ("Celia R. Moss\nMOSS • TANAKA, LLP\n30 East Seventh Street\nSaint Paul, MN 55101\ncmoss@mosstanaka.example\n"
     "Counsel for Plaintiff\n", [("Celia R. Moss", "Moss Tanaka, LLP", "cmoss@mosstanaka.example")],
     ["Moss Tanaka, LLP"]),
    # "Attorneys at Law" under the firm's name is a description, not part of it
    ("/s/ Gideon P. Marsh\nGideon P. Marsh\nMARSH & VELLA\nAttorneys at Law\n9 Court Square\nBoston, MA 02108\n"
     "Counsel for Defendant\n", [("Gideon P. Marsh", "Marsh & Vella", None)], ["Marsh & Vella"]),
])
def test_first_page_counsel_blocks(text, attorneys, firm_names):
    assert att(text) == sorted(attorneys)
    assert firms(text) == sorted(firm_names)


@pytest.mark.parametrize("text", [
    # prose whose lines look like a name over an organisation ("Committee ... was responsible")
    "Orbital's Product Review Committee (formerly known as Design\nCommittee) was responsible for "
    "Orbital's design decisions. The Committees were\ncomposed of staff from 12 departments, including "
    "legal,\nand met at 100 Main Street, Suite 2 every month.\njdoe@orbital.example\n",
    # a declarant's own statement is not a counsel listing
    "I, Jane A. Doe, declare as follows:\n1. I am a partner of the firm Doe Roe LLP and serve as counsel for "
    "the Plaintiffs.\n",
])
def test_prose_is_not_a_counsel_block(text):
    a, f = find_counsel(text)
    assert [x.name for x in f if "was" in x.name or x.name.startswith("I ")] == []
    assert [x.name for x in a if "Committee" in x.name] == []


@pytest.mark.parametrize("text, attorneys, firm_names", [
    # New York: "Firm, City (X of counsel), for appellant"; a title-only government lawyer has no firm
    ("Tolliver Marsh LLP, Yonkers (Agnes P. Quimby of counsel), for appellant. Oren T. Blaylock, "
     "Corporation Counsel, New York (Hilda R. Stroud of counsel), for respondents. Pemberton Vail LLP, "
     "New York (Cyrus D. Oakes of counsel), for amici curiae.\n",
     [("Agnes P. Quimby", "Tolliver Marsh LLP"), ("Cyrus D. Oakes", "Pemberton Vail LLP"),
      ("Hilda R. Stroud", None), ("Oren T. Blaylock", None)],
     ["Pemberton Vail LLP", "Tolliver Marsh LLP"]),
    # Florida: "X, Y, and Z of Firm, City, for appellant"; the city after the office is no lawyer
    ("Opinion\n\nIvo R. Lindgren , Pia S. Okoro , and Dalia Ferrante of Lindgren Okoro, P.A., Tampa, for "
     "appellant. Rupert Vance , Assistant General Counsel, Marion County Sheriff's Office, Ocala, for appellee.\n",
     [("Dalia Ferrante", "Lindgren Okoro, P.A."), ("Ivo R. Lindgren", "Lindgren Okoro, P.A."),
      ("Pia S. Okoro", "Lindgren Okoro, P.A."), ("Rupert Vance", "Marion County Sheriff's Office")],
     ["Lindgren Okoro, P.A.", "Marion County Sheriff's Office"]),
    # New Jersey: "(Firm, attorneys; X, of counsel)" and a government attorney by title
    ("    Nadia F. Ruiz, Deputy Attorney General, argued\n    the cause for appellant Board of Review "
     "(Tomas\n    Keller, Attorney General, attorney; Hugo B. Marsh, Assistant\n    Attorney General, of counsel; "
     "Nadia F. Ruiz, on\n    the briefs).\n    Selma K. Dube argued the cause for respondent Ivan\n"
     "    Petrov (Dube Law, LLC, attorneys; Selma K. Dube,\n    of counsel and on the brief).\n",
     [("Hugo B. Marsh", None), ("Nadia F. Ruiz", None), ("Selma K. Dube", "Dube Law, LLC"),
      ("Tomas Keller", None)],
     ["Dube Law, LLC"]),
    ("Corliss & Pratt, attorneys for respondent (Edna M. Corliss, of counsel and on the brief).\n",
     [("Edna M. Corliss", "Corliss & Pratt")], ["Corliss & Pratt"]),
    # Delaware: "X, FIRM, City, State; Y and Z, FIRM, City, State, Attorneys for Plaintiffs."
    ("Opinion\n\nAda K. Bright, BRIGHT AND COLE, P.A., Wilmington, Delaware; R. Tobias vanHorne, VANHORNE LAW "
     "LLC, Wilmington, Delaware; Lena Fox and Omar J. Reyes, FOX & REYES LLP, New York, New York, "
     "Attorneys for Plaintiffs.\n",
     [("Ada K. Bright", "Bright and Cole, P.A."), ("Lena Fox", "Fox & Reyes LLP"), ("Omar J. Reyes", "Fox & Reyes LLP"),
      ("R. Tobias vanHorne", "Vanhorne Law LLC")],
     ["Bright and Cole, P.A.", "Fox & Reyes LLP", "Vanhorne Law LLC"]),
    # "Firm, by X and Y, for party"
    ("COUNSEL\n\nHALVORSEN & TEAGUE LLP, by Marta J. Halvorsen and Neil Teague, Boston, Massachusetts, for "
     "Appellee.\n",
     [("Marta J. Halvorsen", "Halvorsen & Teague LLP"), ("Neil Teague", "Halvorsen & Teague LLP")],
     ["Halvorsen & Teague LLP"]),
    # "X, Y, Attorneys, Firm, City, for Appellees"
    ("COUNSEL\n\nGrace L. Whitby, Amos Kiel, Attorneys, Whitby Kiel PLLC, Tulsa, Oklahoma, for Appellees.\n",
     [("Amos Kiel", "Whitby Kiel PLLC"), ("Grace L. Whitby", "Whitby Kiel PLLC")], ["Whitby Kiel PLLC"]),
])
def test_state_and_reporter_counsel_styles(text, attorneys, firm_names):
    assert sorted((a, f) for a, f, _ in att(text)) == sorted(attorneys)
    assert firms(text) == sorted(firm_names)


def test_a_party_list_with_for_in_a_name_is_no_counsel_statement():
    text = ("Respondents-Respondents. - - - - Committee for Open Courts, Herald Company, Inc., "
            "The Daily Ledger, and Metro Radio, Amici Curiae. ______ Tolliver Marsh LLP, Yonkers "
            "(Agnes P. Quimby of counsel), for appellant.\n")
    assert firms(text) == ["Tolliver Marsh LLP"]


@pytest.mark.parametrize("text, attorneys, firm_names", [
    # names run together without bar numbers: split at each name's initial
    ("Opinion\nTomas R. Vidal (TV 1234) Ines M. Borg Petra K. Lund VIDAL BORG LLP Attorneys for Plaintiff Acme LLC\n",
     [("Ines M. Borg", "Vidal Borg LLP"), ("Petra K. Lund", "Vidal Borg LLP"), ("Tomas R. Vidal", "Vidal Borg LLP")],
     ["Vidal Borg LLP"]),
    # firm first, then the attorneys with "ESQ.", then the representation; several blocks in one line
    ("Opinion\nKestrel Amon LLP, Albany Office ODA N. KESTREL, ESQ. LUCA D. AMON, ESQ. Attorneys for plaintiff "
     "Marsh Field & Reyes, LLP, IDA H. MARSH, ESQ. Attorneys for plaintiff Quarry Law, BO TAN, ESQ. Attorneys "
     "for defendant Tanbark Corp.\n",
     [("Bo Tan", "Quarry Law"), ("Ida H. Marsh", "Marsh Field & Reyes, LLP"), ("Luca D. Amon", "Kestrel Amon LLP"),
      ("Oda N. Kestrel", "Kestrel Amon LLP")],
     ["Kestrel Amon LLP", "Marsh Field & Reyes, LLP", "Quarry Law"]),
    # Ohio reporters: role header, then stacked blocks (names, firm, address) on one line
    ("JOURNALIZED: May 2, 2019 ATTORNEYS FOR APPELLANTS Elias T. Brandt Elias Brandt & Associates Co., L.P.A. "
     "1200 Lake Avenue, Suite 10 Toledo, OH 43604-1111 R. Simon Kaye, Jr., pro hac vice Nora Quist, pro hac vice "
     "Civic Justice, P.C. 1825 L Street NW, Suite 300 Washington, D.C. 20036 ATTORNEYS FOR APPELLEES Gwen R. Hale "
     "Omar D. Pike Hale & Pike LLP Harbor Tower 900 West 3rd St., Suite 400 Toledo, OH 43604-2222 "
     "MARY ANN LOWE, J.: {¶ 1} Appellants appeal.\n",
     [("Elias T. Brandt", "Elias Brandt & Associates Co., L.P.A."), ("Gwen R. Hale", "Hale & Pike LLP"),
      ("Nora Quist", "Civic Justice, P.C."), ("Omar D. Pike", "Hale & Pike LLP"),
      ("R. Simon Kaye, Jr.", "Civic Justice, P.C.")],
     ["Civic Justice, P.C.", "Elias Brandt & Associates Co., L.P.A.", "Hale & Pike LLP"]),
])
def test_counsel_blocks_flattened_onto_one_line(text, attorneys, firm_names):
    assert sorted((a, f) for a, f, _ in att(text)) == sorted(attorneys)
    assert firms(text) == sorted(firm_names)


@pytest.mark.parametrize("text", [
    "ATTORNEYS FOR APPELLANTS " + "Ann B. Cole " * 500,
    "Counsel for Plaintiff " + "1 Main St " * 500 + "Attorneys for Defendant",
    ("Doe LLP " * 700) + "Attorneys for Plaintiff",
    "Attorneys for plaintiff " + "X, ESQ. " * 700 + "Attorneys for defendant",
])
def test_flattened_blocks_long_inputs_return(text):
    a, f = find_counsel(text)
    assert isinstance(a, list) and isinstance(f, list)


@pytest.mark.parametrize("text, firm_names", [
    # a firm's banner over its offices in a page footer is the filer's firm
    ("infringing versions of Plaintiff's marks.\n1\nTELLIS & MARSH LLP\nDENVER ◆ BOSTON ◆ AUSTIN\n"
     "Case: 1:24-cv-00001 Document #: 5 Filed: 01/02/25 Page 2 of 9\n", ["Tellis & Marsh LLP"]),
    ("QUARRYSTONE LAW\nMiami • Tampa • New York\n", ["Quarrystone Law"]),
    # a court's own header over a list of places is no firm
    ("UNITED STATES DISTRICT COURT\nCHICAGO • ROCKFORD\n", []),
])
def test_office_banner_firm(text, firm_names):
    assert firms(text) == firm_names


@pytest.mark.parametrize("text, attorneys", [
    # a case page's party table: representatives are the party's attorneys; a party listed as
    # its own representative appears pro se
    ('<table><thead><tr><th scope="col">Party</th><th>PartyType</th><th>Representative</th></tr></thead>'
     "<tbody><tr><td>Acme Lending</td><td>Appellee</td><td>R. Lyle Banner Jr. <br>Opal N. Finch  <br></td></tr>"
     "<tr><td>Marsh, Ida  </td><td>Appellant</td><td>Ida  Marsh  <br></td></tr></tbody></table>",
     [("Opal N. Finch", ("Acme Lending",)), ("R. Lyle Banner, Jr.", ("Acme Lending",))]),
    # a table without a representative column names no counsel
    ("<table><tr><th>Party</th><th>Role</th></tr><tr><td>Jane Q. Roe</td><td>Appellant</td></tr></table>", []),
])
def test_party_tables_of_case_pages(text, attorneys):
    a, f = find_counsel(text)
    assert sorted((x.name, x.represents) for x in a) == attorneys and f == []


SERVICE_GRID = """Respectfully submitted,

/s/ Maren T. Osei
Maren T. Osei
OSEI & BLUM LLP
1 Harbor Way
Boston, MA 02110
mosei@oseiblum.example
Counsel for Plaintiff

CERTIFICATE OF SERVICE

I certify that on June 1, 2024 I served the foregoing by e-mail on:

Hugo P. Varela
VARELA GRANT LLP
20 Pine Street
New York, NY 10005
hvarela@varelagrant.example
Counsel for Defendant

/s/ Maren T. Osei
Maren T. Osei
"""

EXHIBIT_SLIP = """Respectfully submitted,

/s/ Maren T. Osei
Maren T. Osei
OSEI & BLUM LLP
1 Harbor Way
Boston, MA 02110
mosei@oseiblum.example
Counsel for Plaintiff




EXHIBIT 3




WINSLOW PRATT LLP
400 Market Street
Philadelphia, PA 19106
Dear Sir or Madam:
We represent the owner of the marks.
Very truly yours,
/s/ Clara J. Winslow
Clara J. Winslow
cwinslow@winslowpratt.example
"""


@pytest.mark.parametrize("text, attorneys, firm_names", [
    # a job title above the address is no firm
    ("/s/ Ann B. Cole\nAnn B. Cole\nAssistant Federal Public Defender\n55 Main Street\nBoston, MA 02109\n"
     "ann_cole@fd.example\nCounsel for Defendant\n", [("Ann B. Cole", None, "ann_cole@fd.example")], []),
    ("/s/ Ann B. Cole\nAnn B. Cole\nStaff Attorney\n55 Main Street\nBoston, MA 02109\n"
     "acole@aid.example\nCounsel for Defendant\n", [("Ann B. Cole", None, "acole@aid.example")], []),
    # the client's own name atop its lawyers' block
    ("Respectfully submitted,\n\nORBIT WIDGETS, INC.\nBy its attorneys,\n/s/ Lars P. Quint\nLars P. Quint\n"
     "QUINT & HALE LLP\n10 State Street\nBoston, MA 02109\nlquint@quinthale.example\n",
     [("Lars P. Quint", "Quint & Hale LLP", "lquint@quinthale.example")], ["Quint & Hale LLP"]),
    # an employer that is not counsel: the in-house lawyer's firm is null
    ("/s/ Tess R. Vance\nTess R. Vance\nNORTHWIND FREIGHT CORPORATION\n7 Dock Road\nDuluth, MN 55802\n"
     "tvance@northwind.example\nCounsel for Defendant\n", [("Tess R. Vance", None, "tvance@northwind.example")], []),
    # the lawyers served in a certificate of service are not this filing's counsel
    (SERVICE_GRID, [("Maren T. Osei", "Osei & Blum LLP", "mosei@oseiblum.example")], ["Osei & Blum LLP"]),
    # nor is the author of a letter attached as an exhibit
    (EXHIBIT_SLIP, [("Maren T. Osei", "Osei & Blum LLP", "mosei@oseiblum.example")], ["Osei & Blum LLP"]),
])
def test_false_hits_of_contact_blocks(text, attorneys, firm_names):
    assert att(text) == sorted(attorneys)
    assert firms(text) == sorted(firm_names)


def test_a_filing_that_is_itself_an_exhibit_keeps_its_counsel():
    text = "EXHIBIT 1\n\n\n" + GBC_BLOCK
    assert firms(text) == ["Greer, Burns & Crain, Ltd."]


@pytest.mark.parametrize("text, attorneys, firm_names", [
    # one firm written in short in the body and in full in the block: one firm, the fullest form
    ("Plaintiff is represented by Harlow Kim, counsel for Plaintiff.\n\n/s/ Ada P. Harlow\nAda P. Harlow\n"
     "HARLOW KIM ABERNATHY & STONE, LLP\n5 Elm Street\nDenver, CO 80202\naharlow@hkas.example\n"
     "Counsel for Plaintiff\n\nRespectfully,\n/s/ Bo R. Kim\nBo R. Kim\nHarlow Kim\n9 Oak Street\n"
     "Denver, CO 80202\nbkim@hkas.example\nCounsel for Plaintiff\n",
     [("Ada P. Harlow", "Harlow Kim Abernathy & Stone, LLP", "aharlow@hkas.example"),
      ("Bo R. Kim", "Harlow Kim Abernathy & Stone, LLP", "bkim@hkas.example")],
     ["Harlow Kim Abernathy & Stone, LLP"]),
    # a cover page that opens with the firm, its address, then the attorneys and their client
    ("No. 24-1234\n\nBRIEF FOR APPELLANT\n\nSTROM & WILDE LLP\n1 Main Street\nNew York, NY 10001\n(212) 555-0100\n"
     "Nell A. Strom\nOtto B. Wilde\nAttorneys for Appellant\n",
     [("Nell A. Strom", "Strom & Wilde LLP", None), ("Otto B. Wilde", "Strom & Wilde LLP", None)],
     ["Strom & Wilde LLP"]),
])
def test_firm_spellings_and_cover_pages(text, attorneys, firm_names):
    assert att(text) == sorted(attorneys)
    assert firms(text) == sorted(firm_names)
