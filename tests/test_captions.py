"""Captions: parties and roles from every layout, the caption line and the Schedule A flag."""
from __future__ import annotations

import pytest

from docketgraph.graph.names import normal_case_caption as normal_case
from docketgraph.ingest.fields.captions import find_caption

#: seconds one hostile input may take (a catastrophic pattern fails instead of hanging)
LINEAR_LIMIT = 10


def roles(text: str) -> set[tuple[str, str]]:
    return {(p.name, p.role) for p in find_caption(text).parties}


CENTRED = """IN THE UNITED STATES DISTRICT COURT FOR THE NORTHERN DISTRICT OF ILLINOIS EASTERN DIVISION

ROBERT DIGGS,

Plaintiff,

v.

THE PARTNERSHIPS and UNINCORPORATED ASSOCIATIONS IDENTIFIED ON SCHEDULE "A",

Defendants.

Case No. 23-cv-01820
"""
AGAINST = """UNITED STATES DISTRICT COURT
SOUTHERN DISTRICT OF NEW YORK

ALLSTAR MARKETING GROUP, LLC,
Plaintiff,

- against -

ALI DROPSHIPPING SUPPORT STORE, et
al.,

Defendants.

ORDER
"""
RULED = """IN THE UNITED STATES DISTRICT COURT
NORTHERN DISTRICT OF ILLINOIS
)
ABC PRODUCTS, )
)
Plaintiff, )
) No. 23 C 4131
v. )
) Judge Virginia M. Kendall
THE INDIVIDUALS, CORPORATIONS,
)
LIMITED LIABILITY COMPANIES,
PARTNERSHIPS, AND UNINCORPO- )
RATED ASSOCIATIONS IDENTIFIED )
ON THE ATTACHED SCHEDULE A, )
)
Defendants.
)

ORDER
"""
SECTION_RULE = """UNITED STATES DISTRICT COURT
WESTERN DISTRICT OF TEXAS

JANE ROE, \u00a7
Plaintiff, \u00a7
\u00a7 Civil Action No. 1:22-cv-00100
v. \u00a7
\u00a7
ACME WIDGETS, INC. and \u00a7
JOHN SMITH, \u00a7
Defendants. \u00a7
"""
INLINE = ("Opinion\n\n24 CV 607\n\n07-09-2024\n\nRoadget Business Pte. Ltd., Plaintiff, v. The Individuals, "
          "Corporations, Limited Liability Companies, Partnerships, and Unincorporated Associations Identified "
          "on Schedule A Hereto, Defendants.\n\n\nMEMORANDUM OPINION AND ORDER\n")
APPELLATE = """UNITED STATES COURT OF APPEALS
FOR THE FOURTH CIRCUIT

RITA WEINTRAUB; BARRY
WEINTRAUB,
            Plaintiffs-Appellants,
               v.                           No. 08-2373

QUICKEN LOANS, INCORPORATED,
             Defendant-Appellee.
"""
NEXTGEN = """UNITED STATES DISTRICT COURT
FOR THE Northern District of Illinois - CM/ECF NextGen 1.7.1.1 Eastern Division
Roadget Business PTE LTD, et al.
Plaintiff, v. Case No.:
1:24-cv-02015 Honorable Sharon Johnson Coleman Individuals, Corporations, Limited Liability
Companies, Partnerships and Unincorporated
Associations Identified on Schedule A Hereto, The
Defendant. NOTIFICATION OF DOCKET ENTRY
"""
DOES = ("Case No. 11 C 10\n\nDECKERS OUTDOOR CORPORATION, Plaintiff, v. DOES 1-55 d/b/a the aliases identified "
        "on Schedule A and DOES 56-500, Defendants.\n")
SELLERS = ("20-cv-9069 (PKC)\n\nALLSTAR MARKETING GROUP LLC, Plaintiff, v. ANDNOV73, ATZIKL79331, BUYZOID, "
           "LO-2803 and YAQFA-0, Defendants.\n")


@pytest.mark.parametrize("text, expected", [
    (CENTRED, {("Robert Diggs", "plaintiff"),
               ('The Partnerships and Unincorporated Associations Identified on Schedule "A"', "defendant")}),
    (AGAINST, {("Allstar Marketing Group, LLC", "plaintiff"), ("Ali Dropshipping Support Store", "defendant")}),
    (RULED, {("Abc Products", "plaintiff"),
             ("The Individuals, Corporations, Limited Liability Companies, Partnerships, and Unincorporated "
              "Associations Identified on the Attached Schedule A", "defendant")}),
    (SECTION_RULE, {("Jane Roe", "plaintiff"), ("Acme Widgets, Inc.", "defendant"), ("John Smith", "defendant")}),
    (INLINE, {("Roadget Business Pte. Ltd.", "plaintiff"),
              ("The Individuals, Corporations, Limited Liability Companies, Partnerships, and Unincorporated "
               "Associations Identified on Schedule A Hereto", "defendant")}),
    (APPELLATE, {("Rita Weintraub", "plaintiff"), ("Rita Weintraub", "appellant"),
                 ("Barry Weintraub", "plaintiff"), ("Barry Weintraub", "appellant"),
                 ("Quicken Loans, Incorporated", "defendant"), ("Quicken Loans, Incorporated", "appellee")}),
    (NEXTGEN, {("Roadget Business PTE LTD", "plaintiff"),
               ("The Individuals, Corporations, Limited Liability Companies, Partnerships and Unincorporated "
                "Associations Identified on Schedule A Hereto", "defendant")}),
    (DOES, {("Deckers Outdoor Corporation", "plaintiff"), ("Does 1-55", "defendant"),
            ("Does 56-500", "defendant")}),
    (SELLERS, {("Allstar Marketing Group LLC", "plaintiff"), ("Andnov73", "defendant"),
               ("Atzikl79331", "defendant"), ("Buyzoid", "defendant"), ("Lo-2803", "defendant"),
               ("Yaqfa-0", "defendant")}),
])
def test_caption_layouts(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text, caption", [
    (CENTRED, 'Robert Diggs v. The Partnerships and Unincorporated Associations Identified on Schedule "A"'),
    (AGAINST, "Allstar Marketing Group, LLC v. Ali Dropshipping Support Store, et al."),
    ("Re: The Pinkfong Company, Inc. v. 7day Store, et al.\nCase No. 22-cv-4133 (PAE)\n\nDear Judge X,",
     "The Pinkfong Company, Inc. v. 7day Store, et al."),
])
def test_caption_line(text, caption):
    assert find_caption(text).caption == caption


@pytest.mark.parametrize("text, expected", [
    ("I write on behalf of counsel for The Pinkfong Company, Inc. and Third-Party Service Providers Alibaba "
     "and AliExpress (collectively, the Parties).",
     {("Alibaba", "third-party"), ("AliExpress", "third-party")}),
    ("On April 9, 2021, defendants Hailitech and Hxltech moved to set aside the default.",
     {("Hailitech", "defendant"), ("Hxltech", "defendant")}),
    ("The Plaintiff, EZSHOOT LLC, moves, ex parte, for entry of an order.", {("Ezshoot LLC", "plaintiff")}),
    ("Defendant BonWeiry opposes the preliminary injunction.", {("BonWeiry", "defendant")}),
    ("A subset of the defendants named here-amazing5c, dreamhouse2020, happyonlineshop, and salonmarket2020 "
     "(hereinafter \u201cDefendants\u201d)-have moved.",
     {("amazing5c", "defendant"), ("dreamhouse2020", "defendant"), ("happyonlineshop", "defendant"),
      ("salonmarket2020", "defendant")}),
    ("MINUTE entry: Defendants Guangzhou Deyi Clothing Co., Ltd. d/b/a D Yi; Wan Hualin, an individual, "
     "d/b/a Hbili; and Ye Tong, an individual, d/b/a PCMP (together, \"Defendants\") have presented evidence.",
     {("Guangzhou Deyi Clothing Co., Ltd.", "defendant"), ("Wan Hualin", "defendant"),
      ("Ye Tong", "defendant")}),
    ("The Defendants sell Plaintiff Products through Defendant Online Stores.", set()),
])
def test_parties_named_in_the_body_with_a_role(text, expected):
    assert roles(text) == expected


GLOSSARY = """PRELIMINARY INJUNCTION ORDER
GLOSSARY
Term
Definition
Plaintiffs or Spin Master
Spin Master Ltd. and Spin Master Toys UK Limited
Defendants
aganv, BabeLeMi Store, Jinhua Yifan Aits And Crafts Co., Ltd., chenyaoyu\u7cd6\u679c a/k/a chenyaoyu candy and ZCUBE Official Store
Defaulting Defendants
aganv
"""


def test_glossary_rows():
    assert roles(GLOSSARY) == {
        ("Spin Master Ltd.", "plaintiff"), ("Spin Master Toys UK Limited", "plaintiff"),
        ("aganv", "defendant"), ("BabeLeMi Store", "defendant"),
        ("Jinhua Yifan Aits And Crafts Co., Ltd.", "defendant"), ("chenyaoyu candy", "defendant"),
        ("ZCUBE Official Store", "defendant"),
    }


@pytest.mark.parametrize("text, expected", [
    (CENTRED, True), (DOES, True), (SELLERS, True), (AGAINST, True),
    ("Case No. 1:21-cv-02975\n\nLORRI STREET, Plaintiff, v. FOOTPRINT ACQUISITION, LLC, Defendant.\n", False),
    ("No. 1:22-cv-07119\nROADGET BUSINESS PTE. LTD., Plaintiff, v. PDD HOLDINGS INC., et al. Defendants.\n",
     False),
])
def test_schedule_a_rule(text, expected):
    assert find_caption(text).schedule_a is expected


@pytest.mark.parametrize("raw, expected", [
    ("ROBERT DIGGS", "Robert Diggs"),
    ("ALLSTAR MARKETING GROUP, LLC", "Allstar Marketing Group, LLC"),
    ("THE PARTNERSHIPS AND UNINCORPORATED ASSOCIATIONS", "The Partnerships and Unincorporated Associations"),
    ("Roadget Business PTE LTD", "Roadget Business PTE LTD"),
    ("K2 INC.", "K2 Inc."),
])
def test_normal_case(raw, expected):
    assert normal_case(raw) == expected


def test_spans_point_at_the_names():
    cap = find_caption(CENTRED)
    for p in cap.parties:
        s, e = p.spans[0]
        assert CENTRED[s:e].lower().replace('"', "").split()[:2] == p.name.lower().replace('"', "").split()[:2]


@pytest.mark.time_limit(LINEAR_LIMIT)
@pytest.mark.parametrize("text", [
    " " * 50_000,
    "-" * 50_000,
    "v. " * 15_000,
    "Plaintiff, " * 5_000,
    ("Defendants " + "A, " * 20_000),
    ")\n" * 25_000,
    "THE INDIVIDUALS, PARTNERSHIPS " * 2_000 + "IDENTIFIED",
    ("x" * 10_000 + " v. " + "y" * 10_000),
    "counsel for Plaintiff, " + "Ab Cd Ef, Gh and " * 2_000 + "!",
    "1. Plaintiff " + "Aa " * 10_000 + "....",
    "| " + "Ab | " * 10_000,
])
def test_hostile_input_is_linear(text):
    find_caption(text)


COLUMNS = """UNITED STATES DISTRICT COURT
SOUTHERN DISTRICT OF NEW YORK
---------------------------------------------------------------x
ORCHID LANE APPAREL, INC.,
                                                               :
                              Plaintiff,                       :
                                                               :   24 Civ. 7719 (RJM)
               -against-                                       :
                                                               :   FINAL DEFAULT JUDGMENT
ALLURESHOP, BESTDEAL-2024, CHIC&CO STORE,                      :   AND PERMANENT INJUNCTION
ELLIE'S CLOSET OFFICIAL and FUNNYFASHION88,                    :   ORDER
                                                               :
                              Defendants.                      :
---------------------------------------------------------------x
"""
NUMBERED = """ 1                       IN THE UNITED STATES DISTRICT COURT
 2                      FOR THE NORTHERN DISTRICT OF ILLINOIS
 3                                EASTERN DIVISION
 4
 5  THISTLEDOWN GAMES LTD.,
 6                                               Case No. 1:24-cv-01234
 7                      Plaintiff,
 8                                               Judge Lorenzo V. Abernathy
 9            v.
10                                               Magistrate Judge Hye-jin Park
11  THE PARTNERSHIPS and UNINCORPORATED
12  ASSOCIATIONS IDENTIFIED ON SCHEDULE "A,"
13
14                      Defendants.
"""
BOX = """ GRANITE RIDGE OUTFITTERS, INC.,                          \u2510
                              Plaintiff-Appellee,         \u2502
                                                          >      No. 24-3561
       v.                                                 \u2502
 NINGBO HAIYUE TRADING CO., LTD.,                         \u2502
                              Defendant-Appellant.        \u2502
                                                          \u2518
"""
CALIFORNIA = """JOHN DOE, an individual,

                Plaintiff,

        v.

ACME CORP., a Delaware corporation; and DOES 1 through 10, inclusive,

                Defendants.
"""
MARKDOWN = """**NIKE, INC.,**

**Plaintiff,**

**v.**

**THE PARTNERSHIPS AND UNINCORPORATED ASSOCIATIONS IDENTIFIED ON SCHEDULE "A",**

**Defendants.**
"""
SPILL = """ MARIBEA BALMERT,
                             Plaintiff-Appellant,
          v.
 RELIANCE STANDARD LIFE INSURANCE

                       Defendant-Appellee. -
 COMPANY,
"""
NEF = "Case Name:\nStreet v. Footprint Acquisition,\nLLC\n\nCase Number: 1:21-cv-02975\n\nFiler: Lorri\nStreet\n"


@pytest.mark.parametrize("text, expected", [
    (COLUMNS, {("Orchid Lane Apparel, Inc.", "plaintiff"), ("Allureshop", "defendant"),
               ("Bestdeal-2024", "defendant"), ("Chic&Co Store", "defendant"),
               ("Ellie's Closet Official", "defendant"), ("Funnyfashion88", "defendant")}),
    (NUMBERED, {("Thistledown Games Ltd.", "plaintiff"),
                ('The Partnerships and Unincorporated Associations Identified on Schedule "A"', "defendant")}),
    (BOX, {("Granite Ridge Outfitters, Inc.", "plaintiff"), ("Granite Ridge Outfitters, Inc.", "appellee"),
           ("Ningbo Haiyue Trading Co., Ltd.", "defendant"), ("Ningbo Haiyue Trading Co., Ltd.", "appellant")}),
    (CALIFORNIA, {("John Doe", "plaintiff"), ("Acme Corp.", "defendant"), ("Does 1-10", "defendant")}),
    (MARKDOWN, {("Nike, Inc.", "plaintiff"),
                ('The Partnerships and Unincorporated Associations Identified on Schedule "A"', "defendant")}),
    (SPILL, {("Maribea Balmert", "plaintiff"), ("Maribea Balmert", "appellant"),
             ("Reliance Standard Life Insurance Company", "defendant"),
             ("Reliance Standard Life Insurance Company", "appellee")}),
    (NEF, {("Lorri Street", "plaintiff"), ("Footprint Acquisition, LLC", "defendant")}),
])
def test_more_layouts(text, expected):
    assert roles(text) == expected


TABLE = """     4.   Each Defendant is identified in the table below:

     Def.  Defendant / Seller ID              Marketplace   Merchant Identifier
     ----  ---------------------------------  ------------  --------------------
      1    Zhenrui Optical Store              AliExpress    1102847731
      2    BRIGHTLENS-US                      Amazon        A3QX7L0PZK9T2E
      3    sunnyday_glasses88                 eBay          sunnyday_glasses88
      4    Mingda Trading Co., Ltd.           Alibaba       mingdatrade

     5.   Defendants use aliases.
"""
GLOSSARY_COLUMNS = """                                  GLOSSARY

Term                     Definition
Plaintiff or Orchid      Orchid Lane Apparel, Inc.
Lane
Defendants               AllureShop, BestDeal-2024, Chic&Co Store, Dreamwear
                         Factory Outlet and FunnyFashion88
Defaulting Defendants    AllureShop and FunnyFashion88
"""


@pytest.mark.parametrize("text, expected", [
    (TABLE, {("Zhenrui Optical Store", "defendant"), ("BRIGHTLENS-US", "defendant"),
             ("sunnyday_glasses88", "defendant"), ("Mingda Trading Co., Ltd.", "defendant")}),
    (GLOSSARY_COLUMNS, {("Orchid Lane Apparel, Inc.", "plaintiff"), ("AllureShop", "defendant"),
                        ("BestDeal-2024", "defendant"), ("Chic&Co Store", "defendant"),
                        ("Dreamwear Factory Outlet", "defendant"), ("FunnyFashion88", "defendant")}),
])
def test_defendant_tables_and_glossary_columns(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ACME CORP.,\n\n    Plaintiff-Counter-Defendant,\n\nv.\n\nBETA LLC,\n\n    Defendant/Third-Party Plaintiff.\n",
     {("Acme Corp.", "plaintiff"), ("Beta LLC", "defendant")}),
    ("ACME CORP.,\n    Plaintiff-Appellee-Cross-Appellant,\nv.\nBETA LLC,\n    Defendant-Appellant-Cross-Appellee.\n",
     {("Acme Corp.", "plaintiff"), ("Acme Corp.", "appellee"), ("Beta LLC", "defendant"),
      ("Beta LLC", "appellant")}),
    ("CHEN LI,\n    Petitioner-Appellant,\nv.\nWARDEN SMITH,\n    Respondent-Appellee.\n",
     {("Chen Li", "petitioner"), ("Chen Li", "appellant"), ("Warden Smith", "respondent"),
      ("Warden Smith", "appellee")}),
])
def test_compound_role_labels_keep_first_roles(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text", [
    "Case No. 1:23-cv-01820\n\nThis action was brought by Plaintiff against Defendants, who sell goods online.\n",
    "Case No. 1:23-cv-01820\n\nIn the earlier suit the Plaintiff v the Defendants matter was settled.\n",
])
def test_prose_is_not_a_caption(text):
    assert find_caption(text).caption is None


# Layouts written from how filings are drafted; expectations fixed before the code was run.
PLAINTIFF_S = """MERIDIAN HOME GOODS, INC.,
          Plaintiff(s),
     v.
SUNVALE TRADING LLC and ORCHID LANE STORE,
          Defendant(s).
"""
DOES_ET_AL = """CORVID APPAREL LLC,
     Plaintiff,
v.
JOHN DOES 1-25, et al.,
     Defendants.
"""
COUNTER = """HALVERSON TOOLS CO.,
     Plaintiff/Counter-Defendant,
v.
BRIGHTWELL SUPPLY LLC,
     Defendant/Counter-Plaintiff.
"""
MD_TABLE = """| ALDER & PINE GMBH, | Case No. 1:24-cv-05512 |
| Plaintiff, | |
| v. | |
| KOBALT S.R.L., | |
| Defendant. | |
"""
DIACRITICS = """ANDRÉS ORDOÑEZ and MÜLLER WERKZEUG GMBH,
     Plaintiffs,
v.
ŁUKASZ NOWAK,
     Defendant.
"""
NUMBERED = """LUMEN BRIGHT LLC,
    Plaintiff,
v.
1. SHENZHEN QIANYU TECHNOLOGY CO., LTD.;
2. HAPPYDAYS99 STORE;
3. YIWU ORCHID TRADING CO., LTD.,
    Defendants.
"""
FOREIGN = """VERDANT AG,
   Plaintiff,
v.
MARLOW B.V., KAIZEN K.K., and HELIOS PTE. LTD.,
   Defendants.
"""


@pytest.mark.parametrize("text, expected", [
    (PLAINTIFF_S, {("Meridian Home Goods, Inc.", "plaintiff"), ("Sunvale Trading LLC", "defendant"),
                   ("Orchid Lane Store", "defendant")}),
    (DOES_ET_AL, {("Corvid Apparel LLC", "plaintiff"), ("John Does 1-25", "defendant")}),
    (COUNTER, {("Halverson Tools Co.", "plaintiff"), ("Brightwell Supply LLC", "defendant")}),
    (MD_TABLE, {("Alder & Pine GmbH", "plaintiff"), ("Kobalt S.r.l.", "defendant")}),
    (DIACRITICS, {("Andrés Ordoñez", "plaintiff"), ("Müller Werkzeug GmbH", "plaintiff"),
                  ("Łukasz Nowak", "defendant")}),
    (NUMBERED, {("Lumen Bright LLC", "plaintiff"), ("Shenzhen Qianyu Technology Co., Ltd.", "defendant"),
                ("Happydays99 Store", "defendant"), ("Yiwu Orchid Trading Co., Ltd.", "defendant")}),
    (FOREIGN, {("Verdant AG", "plaintiff"), ("Marlow B.V.", "defendant"), ("Kaizen K.K.", "defendant"),
               ("Helios Pte. Ltd.", "defendant")}),
])
def test_unseen_caption_layouts(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ARGUMENT\nB. Plaintiff Prevails on Each Factor ........ 4\n", set()),
    ("TABLE OF CONTENTS\n1. Plaintiff Deserves Relief .......... 3\n", set()),
    ("II. Defendants Received Adequate Notice\n", set()),
    ("Counsel for Defendants, Kestrel Optics Inc. and Bright Star Ltd., filed a response.\n",
     {("Kestrel Optics Inc.", "defendant"), ("Bright Star Ltd.", "defendant")}),
    ("At the hearing, counsel for Plaintiff, Acme Corp., appeared.\n", {("Acme Corp.", "plaintiff")}),
    ("Defendant AliExpress seller accounts were frozen.\n", set()),
    ("Defendant PayPal holds the funds.\n", set()),
    ("Defendants Helios Pte. Ltd. and Nova Co., Ltd. have not appeared.\n",
     {("Helios Pte. Ltd.", "defendant"), ("Nova Co., Ltd.", "defendant")}),
    ("Defendants Lumenor Official and FunnyFashion88 did not respond.\n",
     {("Lumenor Official", "defendant"), ("FunnyFashion88", "defendant")}),
    ("Plaintiff Glowfield\nLighting LLC moves against Defendant Lumenor Décor\nOfficial.\n",
     {("Glowfield Lighting LLC", "plaintiff"), ("Lumenor Décor Official", "defendant")}),
])
def test_body_roles_skip_headings_platforms_and_clauses(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("REDWATER BRANDS LLC,\n    Plaintiff,\nv.\nRELIANCE TRADING CO.,\n    Defendant.\n",
     {("Redwater Brands LLC", "plaintiff"), ("Reliance Trading Co.", "defendant")}),
    ("Re: Reliance Goods Inc., Plaintiff, v. Redwood Shop, Defendant.\n",
     {("Reliance Goods Inc.", "plaintiff"), ("Redwood Shop", "defendant")}),
])
def test_label_prefix_needs_a_word_boundary(text, expected):
    assert roles(text) == expected


CUT_OFF = """United States Court of Appeals
for the
Ninth Circuit
MARBLEWOOD TOYS CO., LTD.,
Plaintiff-Appellant,
XYZ,
Plaintiff,
\u2013 v. \u2013
SUNNY-001, BLUEMART88, TOP DEAL
SHOP, QUILLSTORE,
\u2013\u2013\u2013\u2013\u2013\u2013\u2013\u2013\u2013\u2013\u2013\u2013
(For Continuation of Caption See Inside Cover)
\u2013\u2013\u2013\u2013\u2013\u2013\u2013\u2013\u2013\u2013\u2013\u2013
ON APPEAL FROM THE UNITED STATES DISTRICT COURT
"""
BRACKET = """No. 19-1234
IN RE:                              ]  Appeal from the United
    ACME WIDGET SALES               ]  States District Court for
    PRACTICES LITIGATION            ]  the Western District
                                    ]  of Nowhere.
PAULA QUILL, et al.,                ]
Plaintiffs-Appellants,  ]  No. 1:18-cv-00012-AB
                                    ]
v. ]  Ann B. Roe, Judge.
]
ACME WIDGET COMPANY, ]
INC., ]
Defendant-Appellant. ]
"""
CROSS = """ANNA VOSS, an individual; and VOSS HOLDINGS, INC., a Nevada Corporation,

                        Plaintiffs,

            v.

BRIGHT CARE CENTER, a California corporation; QRX, LLC, an Oregon limited liability company; and DOES 1 \u2013 20, inclusive,

                        Defendants.

______________________________________

QRX, LLC, an Oregon limited liability company,

                        Cross-Complainants,

            v.

ANNA VOSS, an individual; and ROES 1 through 40, inclusive,

                        Cross-Defendants.
"""
SUFFIXES = """Harbor Point Partners, L.P., et al.

             Plaintiffs - Appellees,                Docket No. 25-0101

 v.

Vela Energia Inversora, S.A.U.,

          Defendant - Appellant.
"""
FLAT_CAPS = ("Court of Appeals JOURNAL ENTRY AND OPINION No. 91234 MARY QUILL, ET AL. PLAINTIFFS-APPELLANTS vs. "
             "THE ORBIT MOTOR GROUP, ET AL. DEFENDANTS-APPELLEES JUDGMENT: AFFIRMED Civil Appeal from the "
             "Court of Common Pleas Case No. CV-123456 BEFORE: Roe, J., and Poe, J. RELEASED AND JOURNALIZED: "
             "June 1, 2011 ATTORNEYS FOR APPELLANTS Ann Poe 12 Main Street, Suite 3 Springfield, OH 44113 "
             "Plaintiffs-appellants, Mary Quill and Tom Reed, appeal.")
FLAT_AGAINST = ("THE COURT ANNOUNCES THE FOLLOWING DECISIONS: Roe, J.P., Poe, Doe, JJ. 1234 Index 100234/19 In re "
                "Harbor Rowing Association of the City of Springfield, Inc., Petitioner-Appellant, -againstJane Q. "
                "Mayor, etc., et al., Respondents-Respondents. - - - - Springfield Press, Inc., Amici Curiae. "
                "Poe LLP, Springfield (Ann Poe of counsel), for appellant.")


@pytest.mark.parametrize("text, expected", [
    # a cut-off appellate caption: the sellers beyond "v." are defendants; each plaintiff keeps its label
    (CUT_OFF, {("Marblewood Toys Co., Ltd.", "plaintiff"), ("Marblewood Toys Co., Ltd.", "appellant"),
               ("Xyz", "plaintiff"), ("Sunny-001", "defendant"), ("Bluemart88", "defendant"),
               ("Top Deal Shop", "defendant"), ("Quillstore", "defendant")}),
    # "]" column rule, the judge in the right column, an MDL title above the parties
    (BRACKET, {("Paula Quill", "plaintiff"), ("Paula Quill", "appellant"),
               ("Acme Widget Company, Inc.", "defendant"), ("Acme Widget Company, Inc.", "appellant")}),
    # cross-complaint block: parties keep their first role; Roes first named there are third-party;
    # "an Oregon limited liability company" describes a party; Doe/Roe ranges written "Does 1-20"
    (CROSS, {("Anna Voss", "plaintiff"), ("Voss Holdings, Inc.", "plaintiff"), ("Bright Care Center", "defendant"),
             ("Qrx, LLC", "defendant"), ("Does 1-20", "defendant"), ("Roes 1-40", "third-party")}),
    # "L.P." and "S.A.U." stay with their names
    (SUFFIXES, {("Harbor Point Partners, L.P.", "plaintiff"), ("Harbor Point Partners, L.P.", "appellee"),
                ("Vela Energia Inversora, S.A.U.", "defendant"), ("Vela Energia Inversora, S.A.U.", "appellant")}),
])
def test_cut_off_bracketed_cross_and_suffix_captions(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a caption flattened into one line: names start after the number; labels in capitals end the sides
    (FLAT_CAPS, {("Mary Quill", "plaintiff"), ("Mary Quill", "appellant"),
                 ("The Orbit Motor Group", "defendant"), ("The Orbit Motor Group", "appellee")}),
    # "-against" glued to the next name, "In re" and ", etc." dropped
    (FLAT_AGAINST, {("Harbor Rowing Association of the City of Springfield, Inc.", "petitioner"),
                    ("Harbor Rowing Association of the City of Springfield, Inc.", "appellant"),
                    ("Jane Q. Mayor", "respondent")}),
])
def test_flattened_captions(text, expected):
    assert roles(text) >= expected


@pytest.mark.parametrize("raw, expected", [
    ("DOES 1 \u2013 50", "Does 1-50"), ("ROES 1 through 100", "Roes 1-100"), ("John Does 1 to 5", "John Does 1-5"),
    ("Doe 7-9", "Doe 7-9"),
])
def test_doe_ranges(raw, expected):
    from docketgraph.ingest.fields.captions import doe_range
    assert doe_range(raw) == expected


@pytest.mark.parametrize("text, expected", [
    # hyphenated body roles give the trial and the appellate role; a wrapped "and" still splits
    ("{\u00b6 1} Plaintiffs-appellants, Mary Quill, Tom Reed, and Jo Lark (collectively \u201cappellants\u201d), appeal.\n",
     {("Mary Quill", "plaintiff"), ("Mary Quill", "appellant"), ("Tom Reed", "plaintiff"), ("Tom Reed", "appellant"),
      ("Jo Lark", "plaintiff"), ("Jo Lark", "appellant")}),
    ("of defendants-appellees, Orbit Motor Group, Orbit Management Co., Orbit Chevrolet, Inc., Orbit Bedford "
     "Imports, Inc., and Orbit, Inc. (\u201cOrbit\u201d).\n",
     {(n, r) for n in ("Orbit Motor Group", "Orbit Management Co.", "Orbit Chevrolet, Inc.",
                       "Orbit Bedford Imports, Inc.", "Orbit, Inc.") for r in ("defendant", "appellee")}),
    ("the cause for appellants Lakeview Hospital and\n    Omar Farid, M.D. (Ann Poe, attorney).\n",
     {("Lakeview Hospital", "appellant"), ("Omar Farid", "appellant")}),
    ("After a decade, appellant, Paul Quill, sued the city.\n", {("Paul Quill", "appellant")}),
    # a compound label keeps its first role
    ("Plaintiff/Cross-Defendant Mina P. Sol\u2019s Demurrer is SUSTAINED.\n", {("Mina P. Sol", "plaintiff")}),
    # numbered and quoted sellers, sellers appearing pro se
    ("Moving Defendants include Defendant Nos. 1 (S H Kids), 6 (Blue Loop), 7 (Be bold), and 13 (QXR PLUS).\n",
     {("S H Kids", "defendant"), ("Blue Loop", "defendant"), ("Be bold", "defendant"), ("QXR PLUS", "defendant")}),
    ("Except for Defendants \u201cpebbleboy,\u201d \u201cRetro Lamp Shop,\u201d and \u201cZestMart,\u201d no one appeared.\n",
     {("pebbleboy", "defendant"), ("Retro Lamp Shop", "defendant"), ("ZestMart", "defendant")}),
    ("Ann Poe, Poe LLP, Chicago, IL, for Plaintiff.\n7kites2, pro se.\nmoonjerrystore, pro se.\n",
     {("7kites2", "defendant"), ("moonjerrystore", "defendant")}),
    # a marketplace's own company is a party; a plaintiff whose name begins with "The"
    ("Plaintiffs Amazon.com, Inc. (\u201cAmazon\u201d) and Quill Games Corporation (\u201cQuill\u201d) bring claims.\n",
     {("Amazon.com, Inc.", "plaintiff"), ("Quill Games Corporation", "plaintiff")}),
    ("This comes before the Court on Plaintiff The Summit Apparel Corp.'s Motion.\n",
     {("The Summit Apparel Corp.", "plaintiff")}),
    ("settled the case with Defendant ZestMart. The parties agree.\n", {("ZestMart", "defendant")}),
])
def test_body_roles_more_shapes(text, expected):
    assert roles(text) == expected


PA_COLUMNS = """HomeMy PageLinks2004-1234 Civil
ANN B. QUILL d/b/a
QUILL ANTIQUES AND
FINE ART,
PLAINTIFF
IN THE COURT OF COMMON
PLEAS OF SOMEWHERE COUNTY,
PENNSYLVANIA
V.
TOM REED d/b/a TIMES PAST, INC.,
DEFENDANT
04-1234 CIVIL TERM
"""
PA_SUPERIOR = """J-S00001-19
NON-PRECEDENTIAL DECISION
OMAR QUILL, ON BEHALF OF : IN THE SUPERIOR COURT OF
HIMSELF AND ALL OTHERS : PENNSYLVANIA
SIMILARLY SITUATED :
:
Appellant :
:
v. :
:
: No. 123 EDA 2019
BRIGHT MART, LP; ORBIT, INC. :
Appeal from the Order Entered, January 9, 2019,
in the Court of Common Pleas of Somewhere County,
BEFORE: POE, J., ROE, J.
MEMORANDUM BY POE, J.:
The Plaintiff, Buyer, appeals.
"""
FLAT_JUDGES = ("IN THE UNITED STATES DISTRICT COURT NORTHERN DISTRICT OF ILLINOIS EASTERN DIVISION QUILLCO "
               "INTERNATIONAL INC, CASE NO.: 1:20-CV-01234 PLAINTIFF, V. JUDGE ANN B. ROE THE PARTNERSHIPS AND "
               "UNINCORPORATED ASSOCIATIONS IDENTIFIED ON SCHEDULE A, MAGISTRATE JUDGE BO POE DEFENDANTS. FILED "
               "UNDER SEAL AMENDED COMPLAINT Plaintiff, Quillco International Inc (\u201cQuillco\u201d), complains.")


@pytest.mark.parametrize("text, expected", [
    # the court's name printed between the plaintiff's label and "v."; a site menu line above the names
    (PA_COLUMNS, {("Ann B. Quill", "plaintiff"), ("Tom Reed", "defendant")}),
    # no label after the names beyond "v.": defendants, up to "Appeal from ..."
    # ("The Plaintiff, Buyer, appeals": a role noun, not a name)
    (PA_SUPERIOR, {("Omar Quill", "appellant"), ("Bright Mart, LP", "defendant"), ("Orbit, Inc.", "defendant")}),
    # "JUDGE ANN B. ROE" in a flattened caption is right-column matter
    (FLAT_JUDGES, {("Quillco International Inc", "plaintiff"),
                   ("The Partnerships and Unincorporated Associations Identified on Schedule A", "defendant")}),
    # a municipality under its legal name; a person printed short and in full is one party, the fuller form
    ("QUILL, APPELLANT, v. THE CITY OF SPRINGFIELD ET AL., APPELLEES.\n\n{\u00b6 2} Later, appellant, Omar Quill, sued.\n",
     {("Omar Quill", "appellant"), ("City of Springfield", "appellee")}),
    ("ANA LUZ SALES, Plaintiff, v. ORBIT WARES CO. LTD., QUILL DEPOT, OF TEXAS, Defendant.\n\n"
     "defendants Quill Depot of Texas, Inc. (\"Quill\") move against plaintiff Ana Luz Maria Sales' (\"Sales\") claims.\n",
     {("Ana Luz Maria Sales", "plaintiff"), ("Orbit Wares Co. Ltd.", "defendant"), ("Quill Depot of Texas, Inc.", "defendant")}),
])
def test_state_and_web_caption_shapes(text, expected):
    assert roles(text) == expected


def test_a_line_about_another_case_is_not_the_caption():
    text = "Summary\nSummary of this case from Quill LLC v. Reed Mfg. Inc.Opinion\nCase No. 18 C 1234\n"
    assert roles(text) == set()


@pytest.mark.parametrize("text, expected", [
    # a counsel block flattened onto one line names firms and lawyers, not parties
    ("Poe Russ LLP, Springfield Office ANN N. POE, ESQ. Attorneys for plaintiff Reed North & West, LLP, "
     "BO H. REED, ESQ. Attorneys for plaintiff\nLater, defendant Quill Corporation consented.\n",
     {("Quill Corporation", "defendant")}),
    # "and the X Trust"; a place in capitals inside a name
    ("Co-Lead Plaintiffs Mara Quill and the Ann Roe Trust (\"Plaintiffs\") hold stock.\n",
     {("Mara Quill", "plaintiff"), ("Ann Roe Trust", "plaintiff")}),
    ("OPPOSITION TO DEFENDANT ORBIT MAGNETICS\n(H.K.) LTD.\u2019S MOTION TO DISMISS\n",
     {("Orbit Magnetics (H.K.) Ltd.", "defendant")}),
    # "Plaintiff Acme, Inc.'s Motion"
    ("upon Plaintiff Quill, Inc.'s (\"Plaintiff\") Motion.\n", {("Quill, Inc.", "plaintiff")}),
    # sellers numbered in parentheses after their names
    ("1 The Undersigned notes that two Defendants -- Blue Resales (No. 70) and\nOrbit Lamp Technology (No. 156) -- "
     "have been dismissed.\n", {("Blue Resales", "defendant"), ("Orbit Lamp Technology", "defendant")}),
])
def test_body_counsel_blocks_and_name_shapes(text, expected):
    assert roles(text) == expected


def test_complaint_against_when_no_caption_is_printed():
    text = ("Plaintiff/Cross-Defendant Mina P. Sol\u2019s Demurrer is SUSTAINED.\n"
            "On May 2, 2022, Mina filed a complaint, asserting causes of action against QRS, Lok, QT Trading and "
            "DOES 1-100 for:\n1.\nInfringement\n"
            "On July 1, 2023, QRS filed a First Amended Cross-Complaint, asserting causes of action against Mina "
            "and Roes 1-50 for:\n")
    assert roles(text) == {("Mina P. Sol", "plaintiff"), ("Qrs", "defendant"), ("Lok", "defendant"),
                           ("QT Trading", "defendant"), ("Does 1-100", "defendant"), ("Roes 1-50", "third-party")}
    # with a caption, "a complaint against X" in an opinion uses short forms and adds no party
    captioned = ("ACME & CO., INC.,\n    Plaintiff,\nv.\nBETA FLAVORS CORP.,\n    Defendant.\n\n"
                 "Acme responded by filing a one-count complaint against Beta and BFC in the court.\n")
    assert roles(captioned) == {("Acme & Co., Inc.", "plaintiff"), ("Beta Flavors Corp.", "defendant")}


def test_left_side_without_names_after_v_keeps_the_plaintiff():
    text = "QJ v. Schedule A - Brief re Joinder\nQ.J. LTD,\nPlaintiff,\nv.\nDefendants.\nPlaintiff Q.J. LTD moves.\n"
    assert roles(text) == {("Q.J. Ltd", "plaintiff")}
    assert find_caption(text).caption is None


CASE_LIST = """Schedule A \u2013 Cases that Should Be Remanded

Case Caption

Current Case Number Transferor District Original Case Number
Ann Quill v. Orbit Medical, Inc. 2:15-cv-01739 Ala. N.D. 5:15-cv-00787
Bo Reed v. Orbit Medical, Inc. 2:15-cv-02155 Cal. C.D. 2:15-cv-07937
Cy Lark v. Orbit Medical, Inc. 2:16-cv-01271 Cal. C.D. 8:16-cv-00068
"""
DEBTORS = """UNITED STATES BANKRUPTCY COURT
In re:

ORBIT COMPUTING, INC., et al.,
  Debtors.1

MOTION OF DEBTORS FOR ENTRY OF AN ORDER AUTHORIZING PAYMENT OF CRITICAL VENDORS

1 The Debtors in these chapter 11 cases, along with the last four digits of each Debtor\u2019s federal tax
identification number, as applicable, are: Orbit Computing, Inc. (1234) , Quill Tech, Inc. (5678),
Lark Soft, In c. (9012), Orbit Computing (UK) Limited (None), and Quill Tech, LLC (3456). The Debtors\u2019
mailing address is 1 Main Street.
"""


@pytest.mark.parametrize("text, expected", [
    # a list of member cases: each row's names are a plaintiff and a defendant
    (CASE_LIST, {("Ann Quill", "plaintiff"), ("Bo Reed", "plaintiff"), ("Cy Lark", "plaintiff"),
                 ("Orbit Medical, Inc.", "defendant")}),
    # chapter 11 debtors listed in the first footnote bring the motion: movants; sibling companies
    # with different entity forms stay apart; a split "In c." is read as "Inc."
    (DEBTORS, {("Orbit Computing, Inc.", "movant"), ("Quill Tech, Inc.", "movant"), ("Lark Soft, Inc.", "movant"),
               ("Orbit Computing (UK) Limited", "movant"), ("Quill Tech, LLC", "movant")}),
    # sibling companies in one caption; "S.P.A." and "S.R.L." end a name
    ("ACME TOYS LTD. and ACME TOYS, INC.,\n    Plaintiffs,\nv.\nORBIT S.P.A. and QUILL S.R.L.,\n    Defendants.\n",
     {("Acme Toys Ltd.", "plaintiff"), ("Acme Toys, Inc.", "plaintiff"), ("Orbit S.p.A.", "defendant"),
      ("Quill S.r.l.", "defendant")}),
    # ", III" stays; "also known as" is an alias; curly and straight apostrophes are one party
    ("JOHN Q. ROE, III,\n    Plaintiff,\nv.\nANN O\u2019BRIEN, also known as ANN BRYAN,\n    Defendant.\n\n"
     "Defendant Ann O'Brien moves.\n", {("John Q. Roe, III", "plaintiff"), ("Ann O'Brien", "defendant")}),
    # a footnote marker after a name is not a party
    ("ROCK QUILL AND TORIE QUILL,1 Petitioners v.\nCOMMISSIONER OF INTERNAL REVENUE, Respondent\n",
     {("Rock Quill", "petitioner"), ("Torie Quill", "petitioner"), ("Commissioner of Internal Revenue", "respondent")}),
    # a Doe range closes a body list
    ("plaintiff Quill Systems, Inc. filed a complaint against defendants Ann Roe, Orbit, Inc., and Does 1\u201310\n"
     "(collectively, \u201cdefendants\u201d).\n",
     {("Quill Systems, Inc.", "plaintiff"), ("Ann Roe", "defendant"), ("Orbit, Inc.", "defendant"),
      ("Does 1-10", "defendant")}),
    # prose set with two spaces after "Id." is not a defendant table; committees are not parties
    ("documents about defendants\u2019 software.  Id. at 3, 5 \u2013 8.\nThe Court denied defendants\u2019 motion.  Dkt. 194.\n"
     "10/30/2015 248 CMO 1 re Plaintiff Leadership Team\n", set()),
])
def test_lists_debtors_siblings_and_name_forms(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a short form defined in parentheses is the party already named
    ("QUILL MEDICAL GROUP, INC.,\n    Plaintiff,\nv.\nORBITSHORE SPECIALTY INSURANCE COMPANY,\n    Defendant.\n\n"
     "Defendant Orbit Shore Specialty Insurance Company (\u201cOrbitShore\u201d or \u201cDefendant\u201d) refused. "
     "Later, Defendant OrbitShore paid.\n",
     {("Quill Medical Group, Inc.", "plaintiff"), ("Orbitshore Specialty Insurance Company", "defendant")}),
    # one letter apart: one party, spelled the way the document prints it more often
    ("ANN QUILL,\n    Plaintiff,\nv.\nHOPPER TROOPPER, LLC,\n    Defendant.\n\nDefendant Hopper Trooper, LLC sells. "
     "Hopper Trooper, LLC is liable.\n", {("Ann Quill", "plaintiff"), ("Hopper Trooper, LLC", "defendant")}),
    # the spelled-out form of an abbreviation
    ("ANN QUILL,\n    Plaintiff,\nv.\nORBIT CORP.,\n    Defendant.\n\nLater, defendant Orbit Corporation consented.\n",
     {("Ann Quill", "plaintiff"), ("Orbit Corporation", "defendant")}),
    # a company is not a person with one more given name
    ("Vela Energia Inversora, S.A.U.,\nVela Energia S.A.U.,\n\n    Plaintiffs - Appellees,\n\n v.\n\nOrbit Republic,\n\n"
     "    Defendant \u2013 Appellant.\n",
     {(n, r) for n in ("Vela Energia Inversora, S.A.U.", "Vela Energia S.A.U.") for r in ("plaintiff", "appellee")}
     | {("Orbit Republic", "defendant"), ("Orbit Republic", "appellant")}),
])
def test_one_party_many_spellings(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an excerpt cut off after the sellers: no label follows, the sellers are still defendants
    ("Opinion\n\nACME LTD., Plaintiff, v. SUNNYSHOP, BLUEMART88, TOPDEAL,",
     {("Acme Ltd.", "plaintiff"), ("Sunnyshop", "defendant"), ("Bluemart88", "defendant"), ("Topdeal", "defendant")}),
    # a sentence glued to a name without a space
    ("Brief of appellant Paul Quill.Pursuant to the rules, appellee's brief is due.\n", {("Paul Quill", "appellant")}),
])
def test_cut_off_excerpts_and_glued_sentences(text, expected):
    assert roles(text) == expected
