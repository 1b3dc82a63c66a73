"""PACER CM/ECF docket pages: sniffing, reading, extraction, helpers, hostile input."""
from __future__ import annotations

import contextlib
import importlib.util
import json
import re
from pathlib import Path

import pytest

from docketgraph.graph.errors import BadInput, DocketGraphError
from docketgraph.ingest.readers import pacer, registry
from docketgraph.ingest.extract import extract
from docketgraph.ingest.readers.pacer_courts import court_from_header

FIXTURES = Path(__file__).parent / "fixtures" / "pacer"
SYNTHETIC = FIXTURES / "ilnd_schedule_a_docket.html"

DEV_DOCKETS = [
    "01_ilnd-pursley-v-williams-docket",
    "02_ilnd-cook-county-gop-v-pritzker-docket",
    "03_nysd-molina-v-hornblower-docket",
    "04_nysd-tremsky-v-bin-laden-docket",
    "05_cacd-la-printex-v-daffys-docket",
    "06_ded-cubist-v-teva-docket",
    "07_txed-creative-internet-v-yahoo-docket",
    "08_njd-catalyst-v-annora-docket",
    "09_vaed-lokhova-v-halper-docket",
    "10_cand-brady-v-deloitte-docket",
    "11_mad-odonnell-v-deerfield-docket",
    "12_alsd-pittinos-v-provident-docket",
]

#: per-document micro F1 measured on the dev dockets is 1.000 for each of the twelve;
#: the floor leaves a margin for small, deliberate convention changes
F1_FLOOR = 0.95


def _score_module(shared: Path):
    spec = importlib.util.spec_from_file_location("dg_score", shared / "tools" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def dev_extractions(dev_dir: Path) -> dict:
    out = {}
    for name in DEV_DOCKETS:
        doc = registry.read_file(dev_dir / f"{name}.html")
        out[name] = (doc, extract(doc))
    return out


def _f1(score, gold: dict, pred: dict) -> float:
    gk, pk = score.keysets(gold), score.keysets(pred)
    tp = sum(len(gk[f] & pk[f]) for f in gk)
    fp = sum(len(pk[f] - gk[f]) for f in gk)
    fn = sum(len(gk[f] - pk[f]) for f in gk)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


# ---------------------------------------------------------------------------- golden


@pytest.mark.parametrize("name", DEV_DOCKETS)
def test_dev_docket_f1_floor(name, dev_dir, shared, dev_extractions):
    score = _score_module(shared)
    gold = json.loads((dev_dir / f"{name}.gold.json").read_text())
    doc, ex = dev_extractions[name]
    assert doc.format == "pacer"
    assert _f1(score, gold, ex.to_gold()) >= F1_FLOOR


def _judges(ex):
    return {(j.name, j.role) for j in ex.judges}


def _parties(ex):
    return {(p.name, p.role) for p in ex.parties}


def _attorneys(ex):
    return {a.name: a.firm for a in ex.attorneys}


# (document, docket, court, filed, expected judges (name, role), judges that must be absent)
CASE_ROWS = [
    ("01_ilnd-pursley-v-williams-docket", "1:15-cv-04313", "ilnd", "2015-05-14",
     {("Virginia M. Kendall", "district")}, {"Weisman"}),
    ("02_ilnd-cook-county-gop-v-pritzker-docket", "1:20-cv-04676", "ilnd", "2020-08-10",
     {("Robert M. Dow, Jr", "district"), ("M. David Weisman", "magistrate")}, set()),
    ("03_nysd-molina-v-hornblower-docket", "1:20-cv-10821", "nysd", "2020-12-22",
     {("Gregory H. Woods", "district"), ("Ona T. Wang", "magistrate")}, {"Loretta A. Preska"}),
    ("04_nysd-tremsky-v-bin-laden-docket", "1:02-cv-07300", "nysd", "2002-09-11",
     {("George B. Daniels", "district"), ("Sarah Netburn", "magistrate"),
      ("Frank Maas", "magistrate"), ("John S. Martin", "district"),
      ("Richard C. Casey", "district")}, {"MDL Panel"}),
    ("07_txed-creative-internet-v-yahoo-docket", "6:07-cv-00354", "txed", "2007-07-26",
     {("John D. Love", "magistrate"), ("Leonard Davis", "district")}, set()),
    ("08_njd-catalyst-v-annora-docket", "2:23-cv-01194", "njd", "2023-03-01",
     {("Michael E. Farbiarz", "district"), ("Jose R. Almonte", "magistrate"),
      ("Madeline Cox Arleo", "district"), ("Renee Marie Bumb", "district")}, set()),
    ("09_vaed-lokhova-v-halper-docket", "1:19-cv-00632", "vaed", "2019-05-23",
     {("T. S. Ellis, III", "district"), ("John F. Anderson", "magistrate")}, set()),
    ("10_cand-brady-v-deloitte-docket", "3:08-cv-00177", "cand", "2008-01-10",
     {("Susan Illston", "district")}, set()),
    ("12_alsd-pittinos-v-provident-docket", "1:08-cv-00662", "alsd", "2008-11-10",
     {("Kristi K. DuBose", "district"), ("William E. Cassady", "magistrate")}, set()),
]


@pytest.mark.parametrize("name,docket,court,filed,judges,absent", CASE_ROWS)
def test_dev_docket_case_and_judges(name, docket, court, filed, judges, absent, dev_extractions):
    _doc, ex = dev_extractions[name]
    assert [(c.docket, c.court) for c in ex.cases] == [(docket, court)]
    assert ex.filed == filed and ex.cases[0].filed == filed
    assert ex.kind == "docket"
    assert judges <= _judges(ex)
    names = {j.name for j in ex.judges}
    for a in absent:
        assert not any(a in n for n in names)
    assert all(j.case == docket for j in ex.judges)


# (document, attorney, firm) -- firm None means the document gives none
ATTORNEY_ROWS = [
    ("01_ilnd-pursley-v-williams-docket", "Jeffrey John Freeman",
     "Office of the Illinois Attorney General"),
    ("01_ilnd-pursley-v-williams-docket", "Adair Rachel Crosley", "Loevy & Loevy"),
    ("03_nysd-molina-v-hornblower-docket", "Ryan Emerson Dempsey",
     "Gordon Rees Scully Mansukhani LLP"),
    ("04_nysd-tremsky-v-bin-laden-docket", "Peter Kahn", "Williams & Connolly"),
    ("04_nysd-tremsky-v-bin-laden-docket", "David J. O'Brien", None),
    ("06_ded-cubist-v-teva-docket", "Doungamon Fon Muttamara-Walker", None),
    ("06_ded-cubist-v-teva-docket", "Lisa J. Pirozzolo", None),
    ("07_txed-creative-internet-v-yahoo-docket", "Uma Bansal", "Brinks Gilson & Lione"),
    ("07_txed-creative-internet-v-yahoo-docket", "Rachel Krevans", "Morrison & Foerster LLP"),
    ("07_txed-creative-internet-v-yahoo-docket", "Lance Lee", None),
    ("08_njd-catalyst-v-annora-docket", "William Murtha", "Hill Wallack LLP"),
    ("08_njd-catalyst-v-annora-docket", "Charles H. Chevalier", "Gibbons P.C."),
    ("08_njd-catalyst-v-annora-docket", "Geng Hua", None),
    ("08_njd-catalyst-v-annora-docket", "Andrew Z. Barnett", None),
    ("09_vaed-lokhova-v-halper-docket", "Matthew E. Kelley", "Ballard Spahr LLP"),
    ("09_vaed-lokhova-v-halper-docket", "Seth Daniel Berlin", None),
    ("09_vaed-lokhova-v-halper-docket", "Eric Joel Feder", None),
    ("10_cand-brady-v-deloitte-docket", "William Anthony Baird", "Marlin & Saltzman LLP"),
    ("10_cand-brady-v-deloitte-docket", "Kathryn M. Davis", "Morrison & Foerster LLP"),
    ("11_mad-odonnell-v-deerfield-docket", "Robert L. Quinn", None),
    ("11_mad-odonnell-v-deerfield-docket", "Emma M. Quinn-Judge",
     "Zalkind Duncan & Bernstein LLP"),
]


def _norm(s):
    """Names compared as the scorer does: case and punctuation do not count."""
    if s is None:
        return None
    return " ".join(re.findall(r"[a-z0-9]+", s.lower().replace("&", " and ")))


@pytest.mark.parametrize("name,attorney,firm", ATTORNEY_ROWS)
def test_dev_docket_attorney_firm(name, attorney, firm, dev_extractions):
    _doc, ex = dev_extractions[name]
    found = {_norm(k): _norm(v) for k, v in _attorneys(ex).items()}
    assert _norm(attorney) in found
    assert found[_norm(attorney)] == _norm(firm)


# attorneys that must not appear, as spellings merged away or people who are not counsel
NOT_ATTORNEY_ROWS = [
    ("09_vaed-lokhova-v-halper-docket", "Seth Daniel Bertin"),
    ("09_vaed-lokhova-v-halper-docket", "Matthew Kelley"),
    ("10_cand-brady-v-deloitte-docket", "Willaim A. Baird"),
    ("07_txed-creative-internet-v-yahoo-docket", "James W Knowles"),
    ("01_ilnd-pursley-v-williams-docket", "Illinois Department of Corrections"),
    ("11_mad-odonnell-v-deerfield-docket", "Bethaney Healy"),
    ("08_njd-catalyst-v-annora-docket", "Alison M. King"),
]


@pytest.mark.parametrize("name,person", NOT_ATTORNEY_ROWS)
def test_dev_docket_not_attorneys(name, person, dev_extractions):
    _doc, ex = dev_extractions[name]
    assert person.lower() not in {a.name.lower() for a in ex.attorneys}


PARTY_ROWS = [
    ("04_nysd-tremsky-v-bin-laden-docket", "Plaintiffs Executive Committees", "plaintiff"),
    ("04_nysd-tremsky-v-bin-laden-docket", "Mahmoud Dakhil", "defendant"),
    ("05_cacd-la-printex-v-daffys-docket", "Does", "defendant"),
    ("07_txed-creative-internet-v-yahoo-docket", "Creative Internet Advertising Corporation",
     "plaintiff"),
    ("07_txed-creative-internet-v-yahoo-docket", "Yahoo! Inc", "defendant"),
    ("08_njd-catalyst-v-annora-docket", "Hetero USA, Inc.", "defendant"),
    ("10_cand-brady-v-deloitte-docket", "Travis Call", "plaintiff"),
    ("11_mad-odonnell-v-deerfield-docket", "Sonja Krusic O'Donnell", "plaintiff"),
    ("11_mad-odonnell-v-deerfield-docket", "Putative Intervenor", "intervenor"),
    ("12_alsd-pittinos-v-provident-docket", "UNUM", "defendant"),
]


@pytest.mark.parametrize("name,party,role", PARTY_ROWS)
def test_dev_docket_parties(name, party, role, dev_extractions):
    _doc, ex = dev_extractions[name]
    assert (party.lower(), role) in {(n.lower(), r) for n, r in _parties(ex)}


NOT_PARTY_ROWS = [
    ("07_txed-creative-internet-v-yahoo-docket", "AOL LLC"),
    ("07_txed-creative-internet-v-yahoo-docket", "James W. Knowles"),
    ("09_vaed-lokhova-v-halper-docket", "Wall Street Journal"),
    ("01_ilnd-pursley-v-williams-docket", "Service List"),
    ("04_nysd-tremsky-v-bin-laden-docket", "Wamy International"),
]


@pytest.mark.parametrize("name,party", NOT_PARTY_ROWS)
def test_dev_docket_not_parties(name, party, dev_extractions):
    _doc, ex = dev_extractions[name]
    assert party.lower() not in {p.name.lower() for p in ex.parties}


def test_dev_docket_counter_claim_keeps_first_role(dev_extractions):
    _doc, ex = dev_extractions["07_txed-creative-internet-v-yahoo-docket"]
    roles = [p.role for p in ex.parties if p.name.lower().startswith("creative internet")]
    assert roles == ["plaintiff"]


def test_dev_docket_firm_represents_both_sides(dev_extractions):
    _doc, ex = dev_extractions["07_txed-creative-internet-v-yahoo-docket"]
    firm = next(f for f in ex.firms if f.name == "Ward, Smith & Hill, PLLC")
    assert {"Creative Internet Advertising Corporation", "Yahoo! Inc"} <= set(firm.represents)


@pytest.mark.parametrize("name", DEV_DOCKETS)
def test_dev_docket_spans_are_exact(name, dev_extractions):
    doc, ex = dev_extractions[name]
    text = doc.text
    groups = [("judge", j.name, j.spans) for j in ex.judges]
    groups += [("attorney", a.name, a.spans) for a in ex.attorneys]
    groups += [("party", p.name, p.spans) for p in ex.parties]
    groups += [("firm", f.name, f.spans) for f in ex.firms]
    for kind, name_, spans in groups:
        assert spans, (kind, name_)
        for s, e in spans:
            assert 0 <= s < e <= len(text)
            evidence = text[s:e]
            assert evidence == evidence.strip() and "\n" not in evidence
            if kind in ("judge", "attorney"):
                # the surname (or a spelling variant of it) is in the evidence
                last = pacer.person_key(name_).last
                ev = pacer._name_tokens(evidence)
                assert any(pacer._ratio(last, t) >= 80 for t in ev), (name_, evidence)
            if kind == "party":
                first = pacer._name_tokens(name_)[0]
                assert first in " ".join(pacer._name_tokens(evidence)), (name_, evidence)
    case = ex.cases[0]
    assert any(case.docket.split(":")[-1] in text[s:e] for s, e in case.spans)


# ---------------------------------------------------------------------------- synthetic fixture


@pytest.fixture(scope="module")
def synthetic():
    doc = registry.read_file(SYNTHETIC)
    return doc, extract(doc)


def test_synthetic_case(synthetic):
    _doc, ex = synthetic
    (case,) = ex.cases
    assert (case.docket, case.court, case.filed) == ("1:24-cv-05512", "ilnd", "2024-06-28")
    assert case.schedule_a is True
    assert case.caption.startswith("Brightline Toys LLC v. The Partnerships")


def test_synthetic_judges(synthetic):
    _doc, ex = synthetic
    # assigned, referred (ILND writes no "Magistrate" in the header), reassigned away;
    # the signer of a standing order before the case was filed is left out
    assert _judges(ex) == {("Jane Q. Example", "district"), ("Maria T. Sample", "magistrate"),
                           ("Robin K. Former", "district")}


def test_synthetic_parties(synthetic):
    _doc, ex = synthetic
    assert _parties(ex) == {
        ("Brightline Toys LLC", "plaintiff"),
        ('The Partnerships and Unincorporated Associations Identified on Schedule "A"',
         "defendant"),
        ("Jordan Q. Seller", "defendant"),
    }


def test_synthetic_counsel(synthetic):
    _doc, ex = synthetic
    assert _attorneys(ex) == {
        "Alex B. Counsel": "Keystone IP Law Group, P.C.",
        "Dana Lee Reyes": "Keystone IP Law Group, P.C.",
        "Sam R. Defender": "Defender Law Office, LLC",
        "Chris P. Visitor": None,
    }
    by_name = {a.name: a for a in ex.attorneys}
    assert by_name["Alex B. Counsel"].email == "acounsel@keystoneip.example"
    assert by_name["Alex B. Counsel"].roles == ("LEAD ATTORNEY", "ATTORNEY TO BE NOTICED")
    assert "PRO HAC VICE" in by_name["Chris P. Visitor"].roles
    assert by_name["Chris P. Visitor"].represents == ("Brightline Toys LLC",)
    assert {(f.name, f.represents) for f in ex.firms} == {
        ("Keystone IP Law Group, P.C.", ("Brightline Toys LLC",)),
        ("Defender Law Office, LLC", ("Jordan Q. Seller",)),
    }


def test_synthetic_spans_point_at_evidence(synthetic):
    doc, ex = synthetic
    text = doc.text
    judge = next(j for j in ex.judges if j.name == "Jane Q. Example")
    assert {text[s:e] for s, e in judge.spans} == {"Jane Q. Example"}
    seller = next(p for p in ex.parties if p.name == "Jordan Q. Seller")
    assert {text[s:e] for s, e in seller.spans} == {"Ms. Jordan Q. Seller"}
    visitor = next(a for a in ex.attorneys if a.name == "Chris P. Visitor")
    assert [text[s:e] for s, e in visitor.spans] == ["Chris P. Visitor"]
    firm = next(f for f in ex.firms if f.name.startswith("Keystone"))
    assert {text[s:e] for s, e in firm.spans} == {"Keystone IP Law Group, P.C. - Chicago",
                                                  "KEYSTONE IP LAW GROUP PC"}


def test_document_text_is_plain_and_structured_holds_the_parse(synthetic):
    doc, _ex = synthetic
    assert "<" not in doc.text and "if (top!=self)" not in doc.text
    assert "CIVIL DOCKET FOR CASE #: 1:24-cv-05512" in doc.text.split("\n")
    assert doc.structured["court"] == "ilnd"
    assert doc.structured["docket"]["docket_number"] == "1:24-cv-05512"
    assert len(doc.structured["docket"]["docket_entries"]) == 9


# ---------------------------------------------------------------------------- sniffing

ORDINARY_PAGE = b"""<!DOCTYPE html><html><head><title>Court watch blog</title></head>
<body><h1>How to read a civil docket</h1><p>A docket lists every filing in a case.
Judge Ann Example presided; see the CM/ECF help pages.</p><table><tr><td>Docket Text</td>
</tr></table></body></html>"""


@pytest.mark.parametrize("name", DEV_DOCKETS)
def test_sniff_picks_pacer_for_docket_pages(name, dev_dir):
    head = (dev_dir / f"{name}.html").read_bytes()[:8192]
    assert pacer.sniff(head, ".html") == pacer.SNIFF_SCORE
    assert registry.choose(head, ".html") == "pacer"
    assert registry.choose(head, ".txt") == "pacer"  # content decides, not the suffix


@pytest.mark.parametrize("head,suffix", [
    (ORDINARY_PAGE, ".html"),
    (b"CIVIL DOCKET FOR CASE #: 1:24-cv-05512\nPlain text copy of a docket", ".txt"),
    (b"", ".html"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", ".pdf"),
])
def test_sniff_refuses_other_content(head, suffix):
    assert pacer.sniff(head, suffix) == 0
    assert registry.choose(head, suffix) != "pacer"


def test_sniff_reads_utf16_pages():
    head = SYNTHETIC.read_text(encoding="utf-8").encode("utf-16")[:8192]
    assert pacer.sniff(head, ".htm") == pacer.SNIFF_SCORE


def test_utf16_docket_page_reads_like_utf8(tmp_path):
    p = tmp_path / "docket.htm"
    p.write_bytes(SYNTHETIC.read_text(encoding="utf-8").encode("utf-16"))
    ex = extract(registry.read_file(p))
    assert ex.cases[0].docket == "1:24-cv-05512"
    assert {a.name for a in ex.attorneys} >= {"Alex B. Counsel", "Sam R. Defender"}


# ---------------------------------------------------------------------------- hostile input


@pytest.mark.parametrize("data", [b"", b"   \n\t ", b"\x00\x01\x02\x03" * 100])
def test_read_refuses_empty_or_binary(data):
    with pytest.raises(BadInput):
        pacer.read("x.html", data)


def test_read_refuses_a_non_docket_page():
    with pytest.raises(BadInput, match="not a CM/ECF docket report"):
        pacer.read("blog.html", ORDINARY_PAGE)


def test_docket_heading_without_docket_tables_is_reported():
    page = b"<html><body><h3>CIVIL DOCKET FOR CASE #: 1:24-cv-00001</h3></body></html>"
    with pytest.raises(DocketGraphError):
        extract(pacer.read("stub.html", page))


def _with_huge_cell(size: int = 11_000_000) -> bytes:
    base = SYNTHETIC.read_text(encoding="utf-8")
    i = base.index("COMPLAINT filed by")
    return (base[:i] + "x" * size + " " + base[i:]).encode("utf-8")


def test_huge_table_cell_is_parsed_fully():
    doc = pacer.read("big.html", _with_huge_cell())
    ex = extract(doc)
    # everything after the 11 MB cell is still there: the last entry's appearance,
    # the judges who act in later entries, the full docket of entries
    assert "Sam R. Defender" in {a.name for a in ex.attorneys}
    assert {j.name for j in ex.judges} == {"Jane Q. Example", "Maria T. Sample",
                                           "Robin K. Former"}
    assert len(doc.structured["docket"]["docket_entries"]) == 9


def test_huge_cell_cut_by_the_parser_is_reported_not_hidden(monkeypatch):
    # without huge_tree, libxml2 silently drops the page after the big cell: the reader
    # must notice and refuse rather than return a partial docket
    monkeypatch.setattr(pacer, "_huge_lxml", contextlib.nullcontext)
    with pytest.raises(BadInput):
        pacer.read("big.html", _with_huge_cell())


def test_deeply_nested_markup_does_not_crash():
    base = SYNTHETIC.read_text(encoding="utf-8")
    i = base.index("COMPLAINT filed by")
    page = base[:i] + "<span>" * 5000 + "deep" + "</span>" * 5000 + base[i:]
    try:
        ex = extract(pacer.read("deep.html", page.encode("utf-8")))
    except DocketGraphError:
        return  # a clear, named refusal is acceptable
    assert ex.cases[0].docket == "1:24-cv-05512"


def test_truncated_page_reads_or_refuses_cleanly():
    data = SYNTHETIC.read_bytes()
    cut = data[: data.index(b"Docket Text") + 40]
    try:
        ex = extract(pacer.read("cut.html", cut))
    except DocketGraphError:
        return
    assert ex.cases[0].docket == "1:24-cv-05512"


LONG_LINES = [
    "Judge " + "A" * 50_000,
    "Signed by Judge " + "Aa " * 20_000 + "on 1/1/2020",
    "the Honorable " + "Abcdefghij" * 5_000,
    "Judge " + "A. " * 30_000,
    "NOTICE of Appearance by " + "ADAM C. LAROCK, " * 5_000,
    "Pro Hac Vice " + "Ab-" * 30_000,
    "LETTER " + "from " * 20_000,
    "X from the law firm of " + "Ab " * 30_000,
    "Judge O'" * 20_000,
    "Filed by " + "Ann Bee, " * 10_000,
]


@pytest.mark.parametrize("line", LONG_LINES, ids=range(len(LONG_LINES)))
def test_crafted_long_lines_finish(line):
    text = "CIVIL DOCKET FOR CASE #: 1:20-cv-00001\nCaption\nDocket Text\n" + line
    pacer.find_judges(text, 0, None)
    pacer.find_text_attorneys(text, 0, set(), set())
    names = pacer.name_list_at(line, 0)
    assert len(names) <= 20
    pacer.firm_from_contact(line[:20_000], "Ann Bee")
    pacer.strip_office(line[:20_000])
    pacer.canonical_person(line[:20_000])
    assert pacer.spans_of(text, "Caption") == ((39, 46),)


# ---------------------------------------------------------------------------- helpers

@pytest.mark.parametrize("raw,expected", [
    ("Ms.  Sonja Krusic O'Donnell", "Sonja Krusic O'Donnell"),
    ("Dr.  Mahmoud Dakhil", "Mahmoud Dakhil"),
    ("CATALYST PHARMACEUTICALS, INC.", "Catalyst Pharmaceuticals, Inc."),
    ("HETERO USA, INC.", "Hetero USA, Inc."),
    ("UNUM", "UNUM"),
    ("Yahoo! Inc", "Yahoo! Inc"),
    ("The Partnerships and Unincorporated Associations Identified on Schedule \"A\"",
     "The Partnerships and Unincorporated Associations Identified on Schedule \"A\""),
    ("THE JUNKMAN'S DAUGHTER, INC.", "The Junkman's Daughter, Inc."),
])
def test_canonical_party(raw, expected):
    assert pacer.canonical_party(raw) == expected


@pytest.mark.parametrize("raw,expected", [
    ("DENNIES VARUGHESE", "Dennies Varughese"),
    ("W. BLAKE COBLENTZ, ESQ.", "W. Blake Coblentz"),
    ("Christopher M. Gallo, Ph.D.", "Christopher M. Gallo"),
    ("Joseph C. Sullivan , Jr.", "Joseph C. Sullivan, Jr."),
    ("Mr. John McDONALD", "John McDONALD"),
    ("STEPHANIE-ROSE ORLANDO", "Stephanie-Rose Orlando"),
    ("Hon. Paul A. Engelmayer", "Paul A. Engelmayer"),
])
def test_canonical_person(raw, expected):
    assert pacer.canonical_person(raw) == expected


@pytest.mark.parametrize("a,b,same", [
    ("Willaim A. Baird", "William Anthony Baird", True),
    ("J. David O'Brien", "David J. O'Brien", True),
    ("Seth Daniel Bertin", "Seth Daniel Berlin", True),
    ("Eric Joel Felder", "Eric Joel Feder", True),
    ("Matthew Kelley", "Matthew E. Kelley", True),
    ("AARON S. LUKAS", "Aaron Lukas", True),
    ("Patrick John Curran, Jr", "Patrick J. Curran Jr.", True),
    ("Joseph H. Kim", "Josephine Kim", False),
    ("Dana Robinson Green", "Alexander Richard Green", False),
    ("Brian A E Smith", "Kevin A Smith", False),
    ("Seth Berlin", "Seth Bertin", False),  # no middle name to vouch for a surname typo
    ("Cher", "Cher", False),
])
def test_same_person(a, b, same):
    assert pacer.same_person(a, b) is same
    assert pacer.same_person(b, a) is same


@pytest.mark.parametrize("a,b,same", [
    ("HILL WALLACK, LLP", "Hill Wallack", True),
    ("Gibbons P.C.", "GIBBONS PC", True),
    ("Morrison & Foersterr LLP", "Morrison & Foerster", True),
    ("Office of the Illinois Attorney General", "Illinois Attorney General's Office", True),
    ("Marlin & Saltzman, LLP", "Marlin and Saltzman LLP", True),
    ("Seyfarth Shaw LLP", "Morrison & Foerster LLP", False),
    ("Fish & Richardson P.C.", "Fish & Neave", False),
    ("Davis Wright Tremaine LLP", "Davis Polk & Wardwell LLP", False),
])
def test_same_firm(a, b, same):
    assert pacer.same_firm(a, b) is same


@pytest.mark.parametrize("raw,expected", [
    ("Brinks Gilson & Lione - Chicago", "Brinks Gilson & Lione"),
    ("Ballard Spahr LLP (DC)", "Ballard Spahr LLP"),
    ("Morrison & Foerster LLP San Francisco", "Morrison & Foerster LLP"),
    ("Quinn Emanuel Urquhart & Sullivan LLP - San Francisco",
     "Quinn Emanuel Urquhart & Sullivan LLP"),
    ("Jones Day-D.C.", "Jones Day"),
    ("Nelson Mullins Riley & Scarborough-Charleston", "Nelson Mullins Riley & Scarborough"),
    ("Smith-Jones LLP", "Smith-Jones LLP"),
    ("Potter Minton, a Professional Corporation", "Potter Minton, a Professional Corporation"),
    ("Greer, Burns & Crain, Ltd.", "Greer, Burns & Crain, Ltd."),
    ("Hand Arendall, L.L.C.", "Hand Arendall, L.L.C."),
])
def test_strip_office(raw, expected):
    assert pacer.strip_office(raw) == expected


@pytest.mark.parametrize("contact,attorney,firm", [
    ("Loevy & Loevy\n311 N. Aberdeen\nChicago, IL 60607\nEmail: jon@loevy.com", "Jonathan Loevy",
     "Loevy & Loevy"),
    ("300 West Main St\nSte 102\nCharlottesville, VA 22903", "Steven Scott Biss", None),
    ("Email: charles.sanders@lw.com\n", "Charles H. Sanders", None),
    ("UNDELIVERABLE EMAIL 3/14/14\n", "Kate Hutchins", None),
    ("", "Michael Beck", None),
    ("Lance Lee\nAttorney at Law\n5511 Plaza Drive", "Lance Lee", None),
    ("Adam J. Fishbein, Attorney at Law\n483 Chestnut Street", "Adam Jon Fishbein", None),
    ("John J. Cromie, Esq.\n132 Bath Street", "John J. Cromie", None),
    ("LAW OFFICE OF KEVIN M. DOWNING\n601 New Jersey Avenue, NW", "Kevin M. Downing",
     "LAW OFFICE OF KEVIN M. DOWNING"),
    ("Law Office of Adam A. Biggs, PLLC\n1809 W. Loop 281", "Adam A Biggs",
     "Law Office of Adam A. Biggs, PLLC"),
    ("U.S. DEPARTMENT OF JUSTICE\nSpecial Counsel's Office\n950 Pennsylvania Avenue, NW",
     "Andrew Weissmann", "U.S. DEPARTMENT OF JUSTICE"),
    ("District of Columbia Office of\nAdministrative Hearings\n441 Fourth Street, N.W.",
     "Doungamon Fon Muttamara-Walker", None),
    ("Knowles Mediations\n909 East South East Loop 323", "James W Knowles", None),
    ("Acme Widgets, Inc.\nLegal Department\n1 Main St", "Pat Inhouse", None),
    ("P.O. Box 70185\nMobile, AL 36670", "Joseph C. Sullivan", None),
    ("Albritton Law Firm - Longview\nPO Box 2649", "Eric M. Albritton", "Albritton Law Firm"),
    ("Fulton County District Attorney's Office\n136 Pryor Street", "Fani T. Willis",
     "Fulton County District Attorney's Office"),
    ("U.S. Attorney's Office\n219 S. Dearborn", "Ann Prosecutor", "U.S. Attorney's Office"),
    ("Assistant United States Attorney\nUnited States Attorney's Office\n219 S. Dearborn",
     "Ann Prosecutor", "United States Attorney's Office"),
    ("AUSA\nU.S. Attorney's Office - Chicago\n219 S. Dearborn", "Ann Prosecutor",
     "U.S. Attorney's Office"),
    ("Assistant Attorney General\nOffice of the Illinois Attorney General\n100 W. Randolph",
     "Ann Lawyer", "Office of the Illinois Attorney General"),
])
def test_firm_from_contact(contact, attorney, firm):
    assert pacer.firm_from_contact(contact, attorney)[0] == firm


@pytest.mark.parametrize("party_type,role", [
    ("Plaintiff", "plaintiff"),
    ("Defendant", "defendant"),
    ("Intervenor Defendant", "intervenor"),
    ("Intervenor Plaintiff", "intervenor"),
    ("Counter Claimant", "defendant"),
    ("Counter Defendant", "plaintiff"),
    ("Cross Defendant", "defendant"),
    ("ThirdParty Defendant", "third-party"),
    ("ThirdParty Plaintiff", "defendant"),
    ("Third Party Defendant", "third-party"),
    ("3rd Party Plaintiff", "defendant"),
    ("Movant", "movant"),
    ("Petitioner", "petitioner"),
    ("Respondent", "respondent"),
    ("Mediator", None),
    ("Special Master", None),
    ("Service List", None),
    ("Unknown", None),
    ("Amicus", None),
    ("Interested Party", None),
    ("", None),
])
def test_party_role(party_type, role):
    assert pacer.party_role(party_type) == role


@pytest.mark.parametrize("header,court", [
    ("United States District Court\nNorthern District of Illinois - CM/ECF LIVE, Ver 6.2.1 (Chicago)",
     "ilnd"),
    ("U.S. District Court\nSouthern District of New York (Foley Square)", "nysd"),
    ("UNITED STATES DISTRICT COURT, CENTRAL DISTRICT OF CALIFORNIA (Western Division - Los Angeles)",
     "cacd"),
    ("U.S. District Court [LIVE]\nEastern District of TEXAS (Tyler)", "txed"),
    ("U.S. District Court\nDistrict of New Jersey [LIVE] (Newark)", "njd"),
    ("U.S. District Court\nCalifornia Northern District (San Francisco)", "cand"),
    ("U.S. District Court\nDistrict of Massachusetts (Springfield)", "mad"),
    ("U.S. District Court\nDistrict of Columbia", "dcd"),
    ("U.S. District Court\nSouthern District of Florida (Miami)", "flsd"),
    ("U.S. District Court\nWestern District of Pennsylvania (Pittsburgh)", "pawd"),
    ("CM/ECF - vaed\nU.S. District Court\nAlexandria Division", "vaed"),
    ("U.S. Bankruptcy Court\nNorthern District of Illinois (Chicago)", "ilnb"),
    ("Court watch blog: how dockets work", None),
])
def test_court_from_header(header, court):
    hit = court_from_header(header)
    assert (hit.id if hit else None) == court
    if hit and hit.span:
        s, e = hit.span
        assert header[s:e] == hit.evidence


def _district_phrases():
    from docketgraph.ingest.readers.pacer_courts import _name_index

    rows = []
    for (kind, direction, state), cid in sorted(_name_index().items()):
        if kind == "district":
            phrase = (f"{direction.title()} " if direction else "") + f"District of {state.title()}"
            rows.append((phrase, cid))
    return rows


def test_every_federal_district_court_resolves_from_a_docket_header():
    rows = _district_phrases()
    assert len(rows) >= 94  # every federal district, and a few historical ones
    wrong = []
    for phrase, cid in rows:
        hit = court_from_header(f"U.S. District Court\n{phrase} (Office)")
        if not hit or hit.id != cid:
            wrong.append((phrase, cid, hit and hit.id))
    assert wrong == []


@pytest.mark.parametrize("text,names", [
    ("ADAM C. LAROCK, JOSEPHINE KIM, and RYAN E. CONKIN. Signed",
     ["ADAM C. LAROCK", "JOSEPHINE KIM", "RYAN E. CONKIN"]),
    ("Keri L. Schaubert, Esq., W. Blake Coblentz, Esq. and Aaron S. Lukas, Esq. by ANNORA",
     ["Keri L. Schaubert", "W. Blake Coblentz", "Aaron S. Lukas"]),
    ("Matthew E. Kelley Filing fee $ 75", ["Matthew E. Kelley"]),
    ("Thomas John Ward, Jr on behalf of", ["Thomas John Ward, Jr"]),
    ("Eric Abraham To the Honorable", ["Eric Abraham"]),
    ("the plaintiff", []),
])
def test_name_list_at(text, names):
    assert [n for n, _s in pacer.name_list_at(text, 0)] == names


@pytest.mark.parametrize("line,parties,judges,expected", [
    ("NOTICE of Appearance by DMITRY V. SHELHOFF on behalf of All Defendants (SHELHOFF, DMITRY)",
     set(), set(), {("DMITRY V. SHELHOFF", None, False)}),
    ("ATTORNEY Appearance for Plaintiff Acme Widgets LLC by Justin R. Gaudio (Gaudio, Justin)",
     {"acme widgets llc"}, set(), {("Justin R. Gaudio", None, False)}),
    ("MOTION by Attorney Chris P. Visitor for leave to appear pro hac vice on behalf of Acme",
     set(), set(), {("Chris P. Visitor", None, True)}),
    ("ORDER granting 5 motion for John J. Cromie to appear Pro Hac Vice. Ordered by Magistrate "
     "Judge Viktor V. Pohorelsky on 2/2/2015.", set(), {"viktor v pohorelsky"},
     {("John J. Cromie", None, True)}),
    ("APPLICATION of Non-Resident Attorney Jane R. Roe to Appear Pro Hac Vice on behalf of "
     "Plaintiff Acme", set(), set(), {("Jane R. Roe", None, True)}),
    ("LETTER MOTION to Adjourn Conference addressed to Judge Gregory H. Woods from Ryan E. "
     "Dempsey dated February 17, 2021.", set(), {"gregory h woods"},
     {("Ryan E. Dempsey", None, False)}),
    ("Motion to appear Pro Hac Vice by Seth Daniel Berlin and Certification of Local Counsel "
     "Matthew E. Kelley Filing fee $ 75", set(), set(),
     {("Seth Daniel Berlin", None, True), ("Matthew E. Kelley", None, False)}),
    ("Peter Kahn, Esq., from the law firm of Williams & Connolly, has offered to compile",
     set(), set(), {("Peter Kahn", "Williams & Connolly", False)}),
    ("Consent MOTION for Leave to Appear Pro Hac Vice by CATALYST PHARMACEUTICALS, INC., SERB SA.",
     {"catalyst pharmaceuticals inc", "serb sa"}, set(), set()),
    ("Notice of Request by Pro Hac Vice Adam C. LaRock to receive Notices. ( Pro Hac Vice fee "
     "$ 150 receipt number ANJDC-14193039.)", set(), set(), {("Adam C. LaRock", None, True)}),
    ("All attorneys who wish to be admitted pro hac vice to John Sacco at U.S.D.C. S.D.N.Y.",
     set(), set(), set()),
    ("MEMORANDUM in Support (Attachments: # 1 Declaration of Alison M. King)", set(), set(), set()),
    ("Judge Mark G. Mastroianni: ELECTRONIC ORDER entered (Healy, Bethaney)", set(),
     {"mark g mastroianni"}, set()),
])
def test_find_text_attorneys(line, parties, judges, expected):
    found = pacer.find_text_attorneys("Docket Text\n" + line, 0, parties, judges)
    got = {(a.name, a.firm, a.pro_hac_vice) for a in found}
    # one person may be seen by two phrasings of the same entry; the strongest reading counts
    merged = {(n, f, any(p for n2, f2, p in got if n2 == n)) for n, f, _p in got}
    assert merged == expected
    text = "Docket Text\n" + line
    for a in found:
        assert text[a.span[0]:a.span[1]] == a.name


@pytest.mark.parametrize("line,judges", [
    ("CASE ASSIGNED to the Honorable Robert M. Dow, Jr. Designated as Magistrate Judge the "
     "Honorable M. David Weisman. (daj, )", {("Robert M. Dow, Jr.", "district"),
                                             ("M. David Weisman", "magistrate")}),
    ("Case Assigned to Judge William F. Kuntz, II and Magistrate Judge Viktor V. Pohorelsky.",
     {("William F. Kuntz, II", "district"), ("Viktor V. Pohorelsky", "magistrate")}),
    ("TEXT ORDER REASSIGNING CASE. Case reassigned to Judge Michael E. Farbiarz. Judge Madeline "
     "Cox Arleo no longer assigned to case. So Ordered by Chief Judge Renee Marie Bumb on 5/24/23.",
     {("Michael E. Farbiarz", "district"), ("Madeline Cox Arleo", "district"),
      ("Renee Marie Bumb", "district")}),
    ("Letter from Charles H. Chevalier to The Honorable Jose R. Almonte, U.S.M.J.",
     {("Jose R. Almonte", "magistrate")}),
    ("ORDER OF AUTOMATIC REFERRAL TO MEDIATION (See M-10-468 Second Amended Standing Order). "
     "(Signed by Judge Loretta A. Preska on 10/1/2015)", set()),
    ("ORDER entered. (Signed by Judge Old Signer on 1/1/2001)", set()),
    ("Transfer Order (Signed by Judge MDL Panel on 12/9/03)", set()),
    ("(Attachments: # 1 Complaint)(Quinn-Judge, Emma) (Entered: 10/25/2017)", set()),
    ("Initial Case Assignment to District Judge T. S. Ellis, III and Magistrate Judge John F. "
     "Anderson.", {("T. S. Ellis, III", "district"), ("John F. Anderson", "magistrate")}),
    ("Memo-Endorsement on letter addressed to Judge Martin.", set()),
    ("Assigned to: Timothy M. Burgess", {("Timothy M. Burgess", "district")}),
    ("Assigned to: Magistrate Judge John D. Love", {("John D. Love", "magistrate")}),
    ("Assigned to: JUDGE ANN B. EXAMPLE\nReferred to: MAGISTRATE JUDGE LEE C. SAMPLE (Settlement)",
     {("Ann B. Example", "district"), ("Lee C. Sample", "magistrate")}),
    ("Assigned to: Chief Judge Rebecca R. Pallmeyer\nReferred to: Honorable Susan E. Cox",
     {("Rebecca R. Pallmeyer", "district"), ("Susan E. Cox", "magistrate")}),
    ("COMPLAINT for review of the decision of Administrative Law Judge Pat Q. Hearing.", set()),
    ("Remand to state court; Superior Court Judge Lee A. Local presiding.", set()),
])
def test_find_judges_in_docket_text(line, judges):
    text = "CIVIL DOCKET FOR CASE #: 1:20-cv-00001\nCaption\nDocket Text\n" + line
    found = pacer.find_judges(text, 0, pacer._dt.date(2020, 1, 2))
    assert {(j.name, j.role) for j in found} == judges
    for j in found:
        for s, e in j.spans:
            assert pacer._judge_key(text[s:e]).lower() == pacer._judge_key(j.name).lower()


@pytest.mark.parametrize("raw,docket", [
    ("1:15-cv-04313", "1:15-cv-04313"),
    ("2:06-cv-350", "2:06-cv-00350"),
    ("1:08-cv-00662-KD-C", "1:08-cv-00662"),
    ("21-CV-333", "21-cv-00333"),
    (None, None),
])
def test_docket_normalisation(raw, docket):
    assert pacer._docket(raw) == docket


def test_misspelled_known_firm_takes_its_reference_name():
    page = SYNTHETIC.read_text(encoding="utf-8").replace(
        "Defender Law Office, LLC", "Epstein Drengel LLP")
    ex = extract(pacer.read("typo.html", page.encode("utf-8")))
    firm = next(f for f in ex.firms if "Epstein" in f.name)
    assert firm.name == "Epstein Drangel LLP"
    assert "fuzzy" in (firm.evidence or "")
    assert {a.name: a.firm for a in ex.attorneys}["Sam R. Defender"] == "Epstein Drangel LLP"


def test_known_firm_written_another_way_keeps_the_documents_form(dev_extractions):
    # docket annotations keep the document's fullest spelling, not the reference alias
    _doc, ex = dev_extractions["08_njd-catalyst-v-annora-docket"]
    assert "Sterne Kessler Goldstein & Fox" in {f.name for f in ex.firms}


def test_platforms_named_in_docket_text(synthetic):
    _doc, ex = synthetic
    assert {("Amazon", "marketplace"), ("PayPal", "payment")} <= {(p.name, p.kind)
                                                                  for p in ex.platforms}


def test_page_juriscraper_cannot_fully_parse_still_gives_its_parts():
    # juriscraper's metadata needs a "Date Filed" cell; without it the rest still reads
    page = SYNTHETIC.read_text(encoding="utf-8").replace("Date Filed: 06/28/2024<br>", "")
    doc = pacer.read("nodate.html", page.encode("utf-8"))
    ex = extract(doc)
    assert doc.structured["docket"]["parse_errors"]
    assert ex.filed is None
    assert [c.docket for c in ex.cases] == ["1:24-cv-05512"]
    assert {p.name for p in ex.parties} >= {"Brightline Toys LLC", "Jordan Q. Seller"}
    assert {a.name for a in ex.attorneys} >= {"Alex B. Counsel", "Sam R. Defender"}


@pytest.mark.parametrize("html,text", [
    ("<p>Loevy &amp; Loevy<br>311 N. Aberdeen</p>", "Loevy & Loevy\n311 N. Aberdeen"),
    ("<td>represented&nbsp;by</td><td><b>Jon   A.\n  Doe</b></td>", "represented by\nJon A. Doe"),
    ("<div>a<script>var x = '<td>';</script>b<style>p{}</style>c</div>", "abc"),
    ("<div>before<!-- note -->after</div>", "beforeafter"),
    ("<div>ANDREW Z.\n    BARNETT. Signed</div>", "ANDREW Z. BARNETT. Signed"),
    ("<pre>col1   col2\nline2</pre>", "col1 col2\nline2"),
    ("<table><tr><td>Plaintiff</td></tr><tr><td><b>Acme</b> <i>Inc.</i></td></tr></table>",
     "Plaintiff\nAcme Inc."),
])
def test_render_text(html, text):
    from lxml import html as lhtml

    assert pacer.render_text(lhtml.document_fromstring(f"<html><body>{html}</body></html>")) == text
