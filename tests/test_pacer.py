"""PACER CM/ECF docket pages: sniffing, reading, extraction, helpers, hostile input."""
from __future__ import annotations

import contextlib
import importlib.util
import json
import re
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from docketgraph.graph import keys as K, names as N
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
                last = N.person_key_in_docket(name_).last
                ev = N.name_tokens(evidence)
                assert any(fuzz.ratio(last, t) >= 80 for t in ev), (name_, evidence)
            if kind == "party":
                first = N.name_tokens(name_)[0]
                assert first in " ".join(N.name_tokens(evidence)), (name_, evidence)
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


@pytest.mark.slow
def test_huge_table_cell_is_parsed_fully():
    doc = pacer.read("big.html", _with_huge_cell())
    ex = extract(doc)
    # everything after the 11 MB cell is still there: the last entry's appearance,
    # the judges who act in later entries, the full docket of entries
    assert "Sam R. Defender" in {a.name for a in ex.attorneys}
    assert {j.name for j in ex.judges} == {"Jane Q. Example", "Maria T. Sample",
                                           "Robin K. Former"}
    assert len(doc.structured["docket"]["docket_entries"]) == 9


@pytest.mark.slow
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
    N.person_name_record(line[:20_000])
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
    assert N.party_name_record(raw) == expected


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
    assert N.person_name_record(raw) == expected


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
    assert N.same_person_in_docket(a, b) is same
    assert N.same_person_in_docket(b, a) is same


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
    assert N.same_firm_in_docket(a, b) is same


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


@pytest.mark.slow
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
    assert K.normalise_docket(raw) == docket


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


# ---------------------------------------------------------------------------- appeals, bankruptcy,
# filtered dockets (every name below is made up)

from docketgraph.ingest.readers import pacer_appellate as appeals  # noqa: E402
from docketgraph.ingest.readers import pacer_entries, pacer_names  # noqa: E402
from docketgraph.ingest.readers.pacer_courts import appeals_court_from_header  # noqa: E402

_APPEAL_PAGE = """<html><head><title>21-0417 Docket</title></head><body>
<table><tr><td align="center"><b>General Docket<br>
United States Court of Appeals for the Fourth Circuit</b></td></tr></table>
<table width="100%" border="1" cellpadding="4">
<!-- ===================== NEW SECTION - Case Stub ======================== -->
<tr><td><table width="100%" border="0">
<tr><td><b>Court of Appeals Docket #: </b>21-0417</td>
<td valign="top" align="right" rowspan="2"><b>Docketed:</b> 03/15/2021</td></tr>
<tr><td><b>Nature of Suit: </b>3440 Other Civil Rights</td></tr>
<tr><td>Quillfeather v. Brambleton, et al</td></tr>
<tr><td><b>Appeal From:</b> United States District Court for the District of Maryland at Baltimore</td></tr>
<tr><td><b>Fee Status:</b> Paid</td></tr>
</table></td></tr>
<!-- =================== NEW SECTION - Orig Court ========================= -->
<tr><td><table width="100%" border="0">
<tr><td colspan="4"><b>Originating Court Information:</b></td></tr>
<tr><td colspan="4"><b>District: </b>0416-1 : <a href="https://ecf.mdd.uscourts.gov/cgi-bin/DktRpt.pl?caseNumber=1:20-cv-02468-ABC">1:20-cv-02468-ABC</a></td></tr>
<tr><td colspan="4"><b>Ordering Judge: </b>Harriet V. Oakhurst, U.S. District Judge</td></tr>
<tr><td colspan="4"><b>Trial Judge: </b>Milo T. Fennimore, Magistrate Judge</td></tr>
<tr><td colspan="2"><b>Date Filed: </b>08/01/2020</td></tr>
<tr><td><b>Date Order/Judgment:</b></td><td><b>Date NOA Filed:</b></td></tr>
<tr><td>03/01/2021</td><td>03/12/2021</td></tr>
</table></td></tr>
</table>
<!-- ===================NEW SECTION - Party/Aty List ====================== -->
<br>
<table width="100%" border="1" cellpadding="0"><tr><td>
<table width="100%" border="0" cellpadding="4" cellspacing="0">
<tr><td colspan="2"></td></tr>
<tr><td valign="top" width="50%">CORDELIA QUILLFEATHER<br>Plaintiff&nbsp;-&nbsp;Appellant,</td>
<td valign="top" width="50%">Rupert J. Vantongeren, Attorney<br>Direct: 410-555-0101<br>[COR NTC Retained]<br>Vantongeren Appellate Group LLC<br>12 Harbor Row<br>Baltimore, MD 21202</td></tr>
<tr><td colspan="2">v.<br><br></td></tr>
<tr><td valign="top" width="50%">SILAS BRAMBLETON, Chief of Police, Town of Elmbury, in his official capacity<br>Defendant&nbsp;-&nbsp;Appellee,</td>
<td valign="top" width="50%">Greta M. Holloway<br>Direct: 410-555-0199<br>Fax: 410-555-0198<br>[COR NTC Government - Other]<br>Office of the Elmbury Town Solicitor<br>1 Town Square<br>Elmbury, MD 21000</td></tr>
<tr><td valign="top" width="50%">TOWN OF ELMBURY, MD<br>Defendant&nbsp;-&nbsp;Appellee,</td>
<td valign="top" width="50%">Greta M. Holloway<br>Direct: 410-555-0199<br>[COR NTC Government - Other]<br>(see above)</td></tr>
</table></td></tr></table>
<!-- ================= NEW SECTION - DOCKET ENTRIES =================== -->
<table><tr><td>03/15/2021</td><td>CIVIL CASE docketed. Notice of appeal filed by Appellant Cordelia Quillfeather. [21-0417] (ABC)</td></tr>
<tr><td>09/09/2021</td><td>CASE submitted. Panel: Ottoline Barnaby, Circuit Judge; Ferdinand P. Ashcombe, Jr., Circuit Judge; Winifred Lark, District Judge. [21-0417] (DEF)</td></tr>
</table></body></html>"""


def _read_page(tmp_path, name: str, html: str):
    p = tmp_path / name
    p.write_text(html, encoding="utf-8")
    doc = registry.read_file(p)
    return doc, extract(doc)


def test_appellate_docket_lists_the_appeal_and_the_originating_case(tmp_path):
    doc, ex = _read_page(tmp_path, "appeal.html", _APPEAL_PAGE)
    assert doc.format == "pacer" and doc.structured["layout"] == "appellate"
    assert [(c.docket, c.court) for c in ex.cases] == [("21-0417", "ca4"), ("1:20-cv-02468", "mdd")]
    assert ex.filed == "2021-03-15"
    judges = {(j.name, j.role, j.case) for j in ex.judges}
    assert judges == {
        ("Harriet V. Oakhurst", "district", "1:20-cv-02468"),
        ("Milo T. Fennimore", "magistrate", "1:20-cv-02468"),
        ("Ottoline Barnaby", "circuit", "21-0417"),
        ("Ferdinand P. Ashcombe, Jr.", "circuit", "21-0417"),
        ("Winifred Lark", "district", "21-0417"),  # sitting by designation
    }
    parties = {(p.name, p.role, p.case) for p in ex.parties}
    assert parties == {
        ("Cordelia Quillfeather", "plaintiff", "1:20-cv-02468"),
        ("Cordelia Quillfeather", "appellant", "21-0417"),
        ("Silas Brambleton", "defendant", "1:20-cv-02468"),
        ("Silas Brambleton", "appellee", "21-0417"),
        ("Town of Elmbury, MD", "defendant", "1:20-cv-02468"),
        ("Town of Elmbury, MD", "appellee", "21-0417"),
    }
    attorneys = {(a.name, a.firm, a.case) for a in ex.attorneys}
    assert attorneys == {
        ("Rupert J. Vantongeren", "Vantongeren Appellate Group LLC", "21-0417"),
        ("Greta M. Holloway", "Office of the Elmbury Town Solicitor", "21-0417"),
    }


@pytest.mark.parametrize("raw,name", [
    ("SILAS BRAMBLETON, Chief of Police, Town of Elmbury, in his official capacity", "SILAS BRAMBLETON"),
    ("NORA P. WHITLOCK, Elmbury County Attorney", "NORA P. WHITLOCK"),
    ("TOWN OF ELMBURY, MD", "TOWN OF ELMBURY, MD"),
    ("ACME WIDGET, INC., a Delaware corporation", "ACME WIDGET, INC."),
    ("Nora Whitlock, Trustee", "Nora Whitlock, Trustee"),  # no capitals to go by: kept
])
def test_appellate_party_name(raw, name):
    assert appeals.party_name(raw) == name


@pytest.mark.parametrize("party_type,roles", [
    ("Plaintiff - Appellant,", ("plaintiff", "appellant")),
    ("Defendants - Appellees.", ("defendant", "appellee")),
    ("Intervenor - Appellee", ("intervenor", "appellee")),
    ("Petitioner", (None, "petitioner")),
    ("Amicus Curiae", (None, None)),
])
def test_appellate_party_roles(party_type, roles):
    assert appeals.party_roles(party_type) == roles


@pytest.mark.parametrize("contact,firm", [
    ("Direct: 410-555-0101\nFax: 410-555-0102\nVantongeren Appellate Group LLC\n12 Harbor Row",
     "Vantongeren Appellate Group LLC"),
    ("Direct: 410-555-0101\nFirm: 410-555-0100\n12 Harbor Row\nBaltimore, MD", None),
])
def test_appellate_contact_block_starts_with_the_firm(contact, firm):
    assert pacer.firm_from_contact(appeals.contact_block(contact), "Ann Roe")[0] == firm


@pytest.mark.parametrize("header,court", [
    ("General Docket\nUnited States Court of Appeals for the First Circuit\n", "ca1"),
    ("U.S. Court of Appeals for the 9th Circuit", "ca9"),
    ("United States Court of Appeals for the District of Columbia Circuit", "cadc"),
    ("United States Court of Appeals for the Federal Circuit", "cafc"),
    ("United States District Court\nDistrict of Maryland", None),
])
def test_appeals_court_from_header(header, court):
    hit = appeals_court_from_header(header)
    assert (hit.id if hit else None) == court


_BANKRUPTCY_PAGE = """<html><body>
<CENTER><B>United States Bankruptcy Court<BR>District of Massachusetts (Boston)<BR>
Adversary Proceeding #: 19-01234</B></CENTER>
<TABLE width="100%"><TR><TD WIDTH="60%"><BR><I>Assigned to:</I> Judge Petronella A. Voss
<BR><I>Lead BK Case:</I> 19-10987<BR><I>Lead BK Title:</I> Hollis Graywater<BR><I>Lead BK Chapter:</I> 7</TD>
<TD WIDTH="40%"><BR><I>Date Filed:</I> 04/02/19<BR><I>Date Terminated:</I> 08/30/20</TD></TR></TABLE>
<TABLE width="100%" BORDER=0 CELLSPACING=1><TR><TR><TD VALIGN=top WIDTH="50%"><I><B>
<BR><B>Plaintiff<BR>-----------------------</B></B></I><BR><B>Hollis Graywater</B>
<BR>c/o Ansel Pike, Esq.<BR>4 Quarry Lane<BR>Worcester, MA 01601<BR><BR></TD>
<TD VALIGN=top ALIGN=right><BR><BR><BR>represented by</TD>
<TD valign="top" WIDTH="40%" NOWRAP><BR><BR><BR><B>Ansel Pike</B>
<BR>Ansel Pike, Attorney at Law<BR>4 Quarry Lane<BR>Worcester, MA 01601
<BR>Email:&nbsp;<a href='mailto:apike@pikelaw.example'>apike@pikelaw.example</a><BR><I>LEAD ATTORNEY</I><BR><BR></TD><TR>
<TD VALIGN=top><BR>V.<BR></TD></TR>
<TR><TD VALIGN=top WIDTH="50%"><I><B>
<BR><B>Defendant<BR>-----------------------</B></B></I><BR><B>Northgate Student Loan Agency d/b/a Northgate Servicing</B>
<BR>1 Loan Plaza<BR>Albany, NY 12207<BR><BR></TD>
<TD VALIGN=top ALIGN=right><BR><BR><BR>represented by</TD>
<TD valign="top" WIDTH="40%" NOWRAP><BR><BR><BR><B>Beatrix Sallow</B>
<BR>Sallow Crane & Pitt, LL<BR>9 Court Street<BR>Boston, MA 02108
<BR>Email:&nbsp;<a href='mailto:bsallow@scp.example'>bsallow@scp.example</a><BR><BR></TD></TR>
</TABLE><BR><TABLE BORDER=1><TR><TH>Filing Date</TH><TH colspan=2>#</TH><TH>Docket Text</TH></TR>
<TR><TD>04/02/2019</TD><TD>&nbsp;</TD><TD>1</TD><TD>Complaint by Hollis Graywater against Northgate Student Loan Agency. (Pike, Ansel) (Entered: 04/02/2019)</TD></TR>
<TR><TD>06/11/2019</TD><TD>&nbsp;</TD><TD>7</TD><TD>Voss, J. Order dated 6/11/19 Re: 5 Motion to Dismiss. DENIED. (jq, usbc) (Entered: 06/11/2019)</TD></TR>
</TABLE></body></html>"""


def test_bankruptcy_adversary_docket(tmp_path):
    doc, ex = _read_page(tmp_path, "adversary.html", _BANKRUPTCY_PAGE)
    assert doc.format == "pacer"
    assert [(c.docket, c.court, c.caption) for c in ex.cases] == [("19-ap-01234", "mab", None)]
    assert {(j.name, j.role) for j in ex.judges} == {("Petronella A. Voss", "bankruptcy")}
    assert {(p.name, p.role) for p in ex.parties} == {
        ("Hollis Graywater", "plaintiff"), ("Northgate Student Loan Agency", "defendant")}
    assert {(a.name, a.firm) for a in ex.attorneys} == {
        ("Ansel Pike", None), ("Beatrix Sallow", "Sallow Crane & Pitt, LLP")}


@pytest.mark.parametrize("docket,case_type,expected", [
    ("19-01234", "ap", "19-ap-01234"),
    ("3:19-1234", "bk", "3:19-bk-01234"),
    ("19-ap-01234", "ap", "19-ap-01234"),
    ("1:19-cv-01234", "ap", "1:19-cv-01234"),
])
def test_bankruptcy_number_gets_its_case_type(docket, case_type, expected):
    assert pacer._typed_docket(docket, case_type) == expected


@pytest.mark.parametrize("text,judges", [
    # a bankruptcy order opening with the signing judge's surname
    ("Docket Text\nVoss, J. Order dated 6/11/19 Re: 5 Motion. DENIED. (jq)\n", [("Voss", "bankruptcy")]),
    ("Docket Text\nVoss, J. ORDER granting 5 Motion (jq)\n", [("Voss", "bankruptcy")]),
    # not a signature: a cite, a party
    ("Docket Text\nMOTION citing Voss, J. concurring (jq)\n", []),
    # a special master in the listing is no judge of the case
    ("Special Master\nHon. Winifred Lark\n(Ret.)\nMovant\nAnsel Pike\n", []),
])
def test_bankruptcy_surname_signatures_and_listed_special_masters(text, judges):
    found = pacer.find_judges(text, 0, None, bankruptcy=True)
    assert [(j.name, j.role) for j in found] == judges


@pytest.mark.parametrize("text,parties", [
    ("COMPLAINT against Acme Widgets, LLC, Bolt Holdings, Inc., Elm Partners I, LP ( Filing fee $ 402.)"
     " Filed byJ. Q., R. S.. (Attachments: # 1 Civil Cover Sheet)(Roe, Ann) (Entered: 09/05/2023)",
     [("Acme Widgets, LLC", "defendant"), ("Bolt Holdings, Inc.", "defendant"),
      ("Elm Partners I, LP", "defendant"), ("J. Q.", "plaintiff"), ("R. S.", "plaintiff")]),
    ("COMPLAINT against NORTHWIND LLC filed by UNITED STATES OF AMERICA. (Attachments: # 1 Summons)(zx)",
     [("NORTHWIND LLC", "defendant"), ("UNITED STATES OF AMERICA", "plaintiff")]),
    ("REDACTED DOCUMENT- Plaintiff States' Motion for Leave to File, by STATE OF ELM. (Poe, Bo)",
     [("STATE OF ELM", "plaintiff")]),
    ("Defendants' Reply in support, by Quarry Hill Mining Co.. (Poe, Bo)",
     [("Quarry Hill Mining Co.", "defendant")]),
    # a filer without a stated role, an order: nothing
    ("SEALED DOCUMENT filed by STATE OF ELM re 477 Sealed Document (Poe, Bo)", []),
    ("MINUTE ORDER granting 12 Motion. Signed by Judge Ann Doe on 1/2/2023. (zx)", []),
])
def test_parties_named_in_filtered_docket_entries(text, parties):
    found = pacer_entries.find_entry_parties("Docket Text\n" + text + "\n", 0)
    assert [(n, r) for n, r, _s in found] == parties


@pytest.mark.parametrize("line,names", [
    ("COMPLAINT against Acme LLC ( Filing fee $ 402.) Filed by Ann Roe. (Poe, Bo) (Entered: 09/05/2023)",
     ["Bo Poe"]),
    ("MOTION for leave to appear in Pro Hac Vice filed by Ann Roe. (McQuarrie, Ida Mae) (Filed on 9/6/2023)",
     ["Ida Mae McQuarrie"]),
    ("SEALED DOCUMENT filed by STATE OF ELM re 584 Sealed Document, (Van Buren, Cy) (Entered: 05/05/2023)",
     ["Cy Van Buren"]),
    # court staff, clerks and court orders: no attorney
    ("Case assigned to Magistrate Judge Ann Doe. (as, COURT STAFF) (Filed on 9/6/2023)", []),
    ("COMPLAINT filed by Cy Inmate. (Attachments: # 1 Exhibit)(Figgis, O) (Entered: 03/27/2009)", []),
    ("ORDER granting 4 Motion filed by Ann Roe. Signed by Judge Ann Doe. (Poe, Bo)", []),
    ("Proposed Summons. (Poe, Bo) (Filed on 9/6/2023)", []),  # no filing party named
])
def test_ecf_filer_tags(line, names):
    found = pacer_entries.find_filer_tags("Docket Text\n" + line + "\n", 0)
    assert [n for n, _s, _l in found] == names


@pytest.mark.parametrize("raw,expected", [
    ("President Hollis Q. Graywater", "Hollis Q. Graywater"),
    ("Senator Ansel Pike", "Ansel Pike"),
    ("President and Fellows of Elmbury College", "President and Fellows of Elmbury College"),
    ("Northgate Agency d/b/a Northgate Servicing", "Northgate Agency d/b/a Northgate Servicing"),
])
def test_canonical_party_drops_a_persons_office(raw, expected):
    assert N.party_name_record(raw) == expected


@pytest.mark.parametrize("raw,expected", [
    ("Northgate Agency d/b/a Northgate Servicing", "Northgate Agency"),
    ("Ida Roe a/k/a Ida Poe", "Ida Roe"),
    ("Bolt Holdings, Inc.", "Bolt Holdings, Inc."),
])
def test_without_alias(raw, expected):
    assert pacer_names.without_alias(raw) == expected


@pytest.mark.parametrize("name,title", [
    ("In the Matter of Search Warrants Executed on May 1, 2020", True),
    ("In re Elmbury Mining Co.", True),
    ("Inland Freight Co.", False),
])
def test_case_title_in_a_party_slot(name, title):
    assert pacer_names.is_case_title(name) is title


@pytest.mark.parametrize("a,b,same", [
    ("U.S. Attorney's Office", "United States Attorney's Office, SDNY", True),
    ("United States Attorney's Office", "United States Attorney's Office, EDVA", True),
    ("Roe LLP", "Roe Poe LLP", False),
    ("Office of the Elm County Attorney", "Office of the Elm County Attorney General", False),
])
def test_same_firm_government_office(a, b, same):
    assert N.same_firm_in_docket(a, b) is same


@pytest.mark.parametrize("contact,firm", [
    ("N/A\n1 Main Street\nElmbury, MD", None),
    ("None\nanne@roe.example", None),
    ("Sallow Crane & Pitt, LL\n9 Court Street", "Sallow Crane & Pitt, LLP"),
])
def test_firm_line_without_a_value_or_cut_short(contact, firm):
    assert pacer.firm_from_contact(contact, "Ann Roe")[0] == firm


@pytest.mark.parametrize("line,parties", [
    ("SUMMONS Returned Executed. Answer due 9/1/03 for Elm Corp., for Republic of Bolt, for Bolt "
     "Holdings, Inc. and for Ann Q. Roe. (djc)",
     [("Elm Corp.", "defendant"), ("Republic of Bolt", "defendant"), ("Bolt Holdings, Inc.", "defendant"),
      ("Ann Q. Roe", "defendant")]),
    ("Answer due on 9/30/03 for Elmbury Mining Co.. (djc)", [("Elmbury Mining Co.", "defendant")]),
    ("NOTICE of appearance on behalf of defts Cy Poe, Dee Moe by Ida Lark (Lark, Ida)",
     [("Cy Poe", "defendant"), ("Dee Moe", "defendant")]),
    ("NOTICE of appearance on behalf of Plaintiffs Ann Roe and Bo Poe (Lark, Ida)",
     [("Ann Roe", "plaintiff"), ("Bo Poe", "plaintiff")]),
    ("Waiver sent, answer due 3/16/2021. Document filed by Ann Roe.(Lark, Ida)", []),
])
def test_parties_an_entry_names_with_their_role(line, parties):
    found = pacer_entries.find_role_named_parties("Docket Text\n" + line + "\n", 0)
    assert [(n, r) for n, r, _s in found] == parties


@pytest.mark.parametrize("line,names", [
    # the clerk's tag after "Modified on", a court reporter's transcript notice
    ("NOTICE of Appearance by Ida Lark on behalf of Elm Corp. (Lark, Ida) Modified on 1/26/2018 "
     "to correct name. (Finch, Melba) (Entered: 01/05/2018)", ["Ida Lark"]),
    ("NOTICE OF FILING OF OFFICIAL TRANSCRIPT of Proceedings filed by Ann Roe. (Quill, Kelly)", []),
])
def test_ecf_filer_tag_is_the_first_before_any_modification(line, names):
    found = pacer_entries.find_filer_tags("Docket Text\n" + line + "\n", 0)
    assert [n for n, _s, _l in found] == names


@pytest.mark.parametrize("line,names", [
    ("APPLICATION for Admission of Marla T. Quince Pro Hac Vice (Application fee $ 150).by Ann Roe. (Lea, Bo)",
     ["Marla T. Quince"]),
    ("NOTICE of appearance on behalf of Appellee Ann Roe filed by Attorney Samuel R.V. Kestrel. [21-0417]",
     ["Samuel R.V. Kestrel"]),
])
def test_text_attorneys_admitted_pro_hac_vice_and_joined_initials(line, names):
    found = pacer.find_text_attorneys("Docket Text\n" + line + "\n", 0, set(), set())
    assert list(dict.fromkeys(a.name for a in found)) == names


def _listing_page(blocks: list[tuple[str, str, list[tuple[str, str]]]]) -> str:
    """A minimal district docket page: (party type, party name, [(attorney, contact)])."""
    rows = []
    for ptype, pname, ats in blocks:
        at_html = "".join(f"<b>{n}</b><br>{c.replace(chr(10), '<br>')}<br><br>" for n, c in ats)
        rows.append(f'<tr><td valign="top" width="40%"><b><u>{ptype}</u></b></td></tr>'
                    f'<tr><td valign="top" width="40%"><b>{pname}</b></td>'
                    f'<td valign="top" width="20%">{"represented by" if ats else ""}</td>'
                    f'<td valign="top" width="40%">{at_html}</td></tr>')
    return ("<html><body><h3>U.S. District Court<br>Southern District of New York (Foley Square)<br>"
            "CIVIL DOCKET FOR CASE #: 1:22-cv-04321-ABC</h3>"
            '<table width="100%"><tr><td valign="top" width="60%"><br>Roe v. Elmbury Mining Co.<br>'
            "Assigned to: Judge Ann B. Doe<br>Cause: 28:1331 Federal Question</td>"
            '<td valign="top" width="40%"><br>Date Filed: 05/02/2022<br>Jury Demand: None</td></tr></table>'
            '<table width="100%" border="0" cellspacing="5">' + "".join(rows) + "</table>"
            '<table border="1"><tr><th>Date Filed</th><th>#</th><th>Docket Text</th></tr>'
            "<tr><td>05/02/2022</td><td>1</td><td>COMPLAINT filed by Ann Roe. (Kite, Lou) "
            "(Entered: 05/02/2022)</td></tr></table></body></html>")


def test_firm_forms_merged_by_mail_domain_and_written_in_full(tmp_path):
    html = _listing_page([
        ("Plaintiff", "Ann Roe", [
            ("Lou Kite", "Kite Brandt (NY)\n1 Main St\nNew York, NY 10001\nEmail: lkite@kitebrandt.example"),
            ("Mo Quill", "Kite, Brandt, Orloff &amp; Vance LLP\n1 Main St\nNew York, NY 10001\n"
                         "Email: mquill@kitebrandt.example"),
        ]),
        ("Defendant", "Elmbury Mining Co.", [
            ("Ned Oakes", "Oakes &amp; Pine, L.L.P.\n2 Elm St\nEmail: noakes@oakespine.example"),
            ("Pat Rill", "Oakes &amp; Pine LLP\n2 Elm St\nEmail: prill@oakespine.example"),
        ]),
        ("ADR Provider", "Vera Mediant", []),
        ("All Plaintiffs", "Vera Mediant", []),
    ])
    _doc, ex = _read_page(tmp_path, "domain.html", html)
    assert {f.name for f in ex.firms} == {"Kite, Brandt, Orloff & Vance LLP", "Oakes & Pine, L.L.P."}
    assert {(p.name, p.role) for p in ex.parties} == {("Ann Roe", "plaintiff"),
                                                      ("Elmbury Mining Co.", "defendant")}


@pytest.mark.parametrize("entry,roles", [
    ("Motion to Avoid Lien filed by Debtor Hollis Graywater. (Pike, Ansel)", {("Hollis Graywater", "movant")}),
    ("Meeting of Creditors set for 5/1/2019. (jq, usbc)", set()),  # a debtor who moves for nothing
])
def test_bankruptcy_debtor_is_a_party_when_bringing_a_motion(tmp_path, entry, roles):
    html = (_BANKRUPTCY_PAGE.replace("Adversary Proceeding #: 19-01234", "Bankruptcy Petition #: 19-10987")
            .replace("<BR><B>Plaintiff<BR>", "<BR><B>Debtor<BR>")
            .replace("Complaint by Hollis Graywater against Northgate Student Loan Agency. (Pike, Ansel)", entry))
    _doc, ex = _read_page(tmp_path, "petition.html", html)
    assert ex.cases[0].docket == "19-bk-10987"
    assert {(p.name, p.role) for p in ex.parties if p.name == "Hollis Graywater"} == roles
