"""The CourtListener JSON reader: sniffing, records, field mapping, merging, hostile JSON."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from docketgraph.graph.errors import BadInput
from docketgraph.graph.keys import normalise_docket
from docketgraph.graph.model import (
    CaseMention, CitationMention, Document, Extraction, JudgeMention, PartyMention,
    PlatformMention,
)
from docketgraph.ingest.readers import courtlistener as cl
from docketgraph.ingest.extract import extract
from docketgraph.ingest.readers.registry import choose, read_file

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "courtlistener"
INPUTS = sorted(p for p in FIXTURES.glob("*.json") if not p.name.endswith(".gold.json"))


def gold_of(path: Path) -> dict:
    return json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------ sniffing

@pytest.mark.parametrize("head, expected", [
    (b'{"resource_uri": "https://www.courtlistener.com/api/rest/v4/dockets/1/", "id": 1}', 60),
    (b'  {"case_name": "A v. B", "docket_number": "1:24-cv-00001"}', 60),
    (b'[{"plain_text": "ORDER", "author_str": "Wood"}]', 60),
    (b'{"count": 2, "next": null, "results": [{"party_types": [], "attorneys": [], "name": "X"}]}', 0),
    (b'{"count": 2, "results": [{"resource_uri": "https://www.courtlistener.com/api/rest/v4/parties/5/"}]}', 60),
    (b'{"name": "not a court record", "version": 3}', 0),
    (b'{"case_name": "only one known key"}', 0),
    (b"IN THE UNITED STATES DISTRICT COURT", 0),
    (b'%PDF-1.7 "case_name" "docket_number"', 0),
])
def test_sniff(head, expected):
    assert cl.sniff(head, ".json") == expected


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_registry_chooses_courtlistener_for_every_fixture(path):
    assert choose(path.read_bytes()[:8192], path.suffix) == "courtlistener"
    assert choose(path.read_bytes()[:8192], ".txt") == "courtlistener"  # content, not suffix


def test_every_fixture_has_a_gold_file():
    assert INPUTS
    for p in INPUTS:
        assert p.with_name(p.stem + ".gold.json").is_file(), p


# ------------------------------------------------------------------ records

@pytest.mark.parametrize("record, kind", [
    ({"resource_uri": "https://www.courtlistener.com/api/rest/v4/dockets/9/"}, "docket"),
    ({"docket_number": "1:20-cv-1", "case_name": "A v. B", "court_id": "ilnd"}, "docket"),
    ({"sub_opinions": [], "case_name": "A v. B", "judges": "Wood"}, "cluster"),
    ({"judges": "Wood", "case_name": "A v. B"}, "cluster"),
    ({"plain_text": "x", "cluster": "https://x/clusters/1/", "author_str": ""}, "opinion"),
    ({"html_with_citations": "<p>x</p>", "cluster_id": 1}, "opinion"),
    ({"plain_text": "x", "document_number": "3", "pacer_doc_id": "0670"}, "recap_document"),
    ({"entry_number": 3, "description": "ORDER", "recap_documents": []}, "docket_entry"),
    ({"name": "Acme", "party_types": [{"name": "Plaintiff"}]}, "party"),
    ({"name": "A. Lawyer", "parties_represented": []}, "attorney"),
    ({"name": "A. Lawyer", "contact_raw": "Firm LLP"}, "attorney"),
    ({"caseName": "A v. B", "docketNumber": "1:20-cv-1", "court_id": "nysd"}, "search_result"),
    ({"count": 1, "results": []}, None),
    ({"name": "x"}, None),
])
def test_kind_of(record, kind):
    assert cl.kind_of(record) == kind


def test_docket_entry_descriptions_are_free_text(tmp_path):
    entry = {"entry_number": 12, "date_filed": "2024-07-12", "recap_documents": [],
             "description": "MINUTE entry before the Honorable Harold T. Brennan: motion granted."}
    doc = cl.read(str(tmp_path / "e.json"), json.dumps(entry).encode())
    assert doc.text[doc.metadata["body_start"]:].startswith("MINUTE entry before the Honorable")


def test_records_unwraps_pages_bundles_and_nested_documents():
    entry = {"entry_number": 5, "description": "ORDER", "recap_documents": [
        {"plain_text": "ORDER granting", "document_number": "5", "pacer_doc_id": "1"}]}
    obj = {"docket": {"docket_number": "1:24-cv-1", "case_name": "A v. B", "court_id": "ilnd"},
           "entries": {"count": 1, "next": None, "results": [entry]}}
    assert [k for k, _ in cl._records(obj)] == ["docket", "docket_entry", "recap_document"]


# ------------------------------------------------------------------ field helpers

@pytest.mark.parametrize("raw, expected", [
    ("1:16-cv-00745", "1:16-cv-00745"),
    ("1:16-CV-745", "1:16-cv-00745"),
    ("2:23-cv-01234-ABC-DEF", "2:23-cv-01234"),
    ("23-cv-21333", "23-cv-21333"),
    ("24 Civ. 3310", "24-cv-03310"),   # SCHEMA.md: "21 Civ. 333" becomes "21-cv-00333"
    ("No. 23 C 1820", "23-cv-01820"),
    ("1:23-cv-1820 (ABC)", "1:23-cv-01820"),
    ("20-2927", "20-2927"),
    ("No. 24-2187", "24-2187"),
    ("08-6301-cv", "08-6301-cv"),
    ("", None),
    ("1:" + "2" * 60, "1:" + "2" * 60),
])
def test_normalise_docket(raw, expected):
    assert normalise_docket(raw) == expected


@pytest.mark.parametrize("rec, expected", [
    ({"court_id": "ilnd"}, "ilnd"),
    ({"court": "https://www.courtlistener.com/api/rest/v4/courts/ca7/"}, "ca7"),
    ({"court": "https://www.courtlistener.com/api/rest/v4/courts/nysd"}, "nysd"),
    ({"court": "Not a court id!"}, None),
    ({}, None),
])
def test_court_id_of(rec, expected):
    assert cl.court_id_of(rec) == expected


@pytest.mark.parametrize("court, level", [
    ("ilnd", "district"), ("ilnb", "bankruptcy"), ("ca7", "circuit"), ("cafc", "circuit"),
    ("cal", "state"), ("scotus", "unknown"), (None, "unknown"), ("zzzz", "unknown"),
])
def test_court_level(court, level):
    assert cl._court_level(court) == level


@pytest.mark.parametrize("party_type, roles", [
    ("Plaintiff - Appellant", ["plaintiff", "appellant"]),
    ("Defendant - Appellee", ["defendant", "appellee"]),
    ("Third-Party Plaintiff", ["defendant"]),     # a defendant bringing in a third party
    ("Counter Defendant", ["plaintiff"]),
    ("Petitioner", ["petitioner"]),
])
def test_party_roles(party_type, roles):
    assert cl.party_roles(party_type) == roles


@pytest.mark.parametrize("party_type, role", [
    ("Plaintiff", "plaintiff"), ("Defendant", "defendant"),
    ("Third Party Defendant", "third-party"), ("Third-Party Plaintiff", "defendant"),
    ("Intervenor Defendant", "intervenor"), ("Counter Claimant", "defendant"),
    ("Counter Defendant", "plaintiff"), ("Cross Defendant", "defendant"), ("Appellant", "appellant"),
    ("Petitioner", "petitioner"), ("Respondent", "respondent"), ("Movant", "movant"),
    ("Mediator", None), ("Special Master", None), ("Interested Party", None),
])
def test_party_role(party_type, role):
    """The PACER reader's mapping: CourtListener's party types are PACER's."""
    assert cl.party_role(party_type) == role


@pytest.mark.parametrize("contact, attorney, firm", [
    ("Greer, Burns & Crain, Ltd.\n300 South Wacker Drive\nChicago, IL 60606", "J. Doe",
     "Greer, Burns & Crain, Ltd."),
    ("Office of the Illinois Attorney General\n100 W. Randolph", "J. Doe",
     "Office of the Illinois Attorney General"),
    ("300 South Wacker Drive\nChicago, IL 60606", "J. Doe", None),
    ("P.O. Box 12\nSpringfield, IL 62701", "J. Doe", None),
    ("jdoe@example.com", "J. Doe", None),
    ("(312) 555-0100", "J. Doe", None),
    ("PRO SE", "J. Doe", None),
    ("John Doe\n12 Main St.", "John Doe", None),           # a solo practitioner's own name
    ("\n\nEpstein Drangel LLP\n60 East 42nd Street", "J. Doe", "Epstein Drangel LLP"),
])
def test_firm_of(contact, attorney, firm):
    assert cl.firm_of(contact, attorney) == firm


def test_firms_take_the_reference_spelling_with_evidence(tmp_path):
    """A misspelt firm in a contact block becomes the reference list's name; the span
    still points at the firm as printed."""
    bundle = {
        "docket": {"docket_number": "1:23-cv-00100", "case_name": "A v. B", "court_id": "nysd", "id": 1},
        "parties": [{"name": "Acme LLC", "party_types": [{"name": "Plaintiff", "docket_id": 1}],
                     "attorneys": [{"name": "Jane Roe", "docket_id": 1,
                                    "contact_raw": "Epstein Drengel LLP\n60 East 42nd Street\nNew York, NY 10165"}]}],
    }
    doc = cl.read(str(tmp_path / "b.json"), json.dumps(bundle).encode())
    ex = cl.structured_extraction(doc)
    (firm,) = ex.firms
    assert firm.name == "Epstein Drangel LLP" and firm.evidence
    (a, b), = firm.spans
    assert doc.text[a:b] == "Epstein Drengel LLP"
    assert ex.attorneys[0].firm == "Epstein Drangel LLP"


@pytest.mark.parametrize("value, names", [
    ("Paul L. Friedman", ["Paul L. Friedman"]),
    ("Rovane, Delacroix, Pemberton", ["Rovane", "Delacroix", "Pemberton"]),
    ("Easterbrook, Rovner, and Kanne", ["Easterbrook", "Rovner", "Kanne"]),
    ("Hon. Martha M. Pacold", ["Martha M. Pacold"]),
    ("Magistrate Judge Susan E. Cox", ["Susan E. Cox"]),
    ("Sykes, Chief Judge, and Brennan and Scudder, Circuit Judges", ["Sykes", "Brennan", "Scudder"]),
    ("Per Curiam", []),
    ("", []),
    (None, []),
])
def test_judge_names(value, names):
    assert cl._judge_names(value) == names


@pytest.mark.parametrize("markup, text", [
    ("<p>ORDER</p><p>The motion is <em>granted</em>.</p>", "ORDER\n\nThe motion is granted."),
    ('<pre class="inline">No. 24-2187\n</pre><span class="citation">237 F.3d 891</span>',
     "No. 24-2187\n\n237 F.3d 891"),
    ("<p>Smith &amp; Jones &sect; 2</p><script>alert(1)</script>", "Smith & Jones § 2"),
    ("<p>&amp;lt;not a tag&amp;gt;</p>", "&lt;not a tag&gt;"),       # decoded once only
])
def test_html_to_text(markup, text):
    assert cl.html_to_text(markup) == text


# ------------------------------------------------------------------ reading

def test_opinion_text_prefers_plain_text_and_falls_back_to_html(tmp_path):
    rec = {"cluster": "https://www.courtlistener.com/api/rest/v4/clusters/1/", "author_str": "Wood",
           "plain_text": "", "html_with_citations": "<p>Opinion of the court.</p>"}
    path = tmp_path / "op.json"
    path.write_text(json.dumps(rec))
    doc = read_file(path)
    assert doc.format == "courtlistener"
    assert doc.text.endswith("Opinion of the court.")
    assert doc.text[doc.metadata["body_start"]:] == "Opinion of the court."
    assert doc.structured == rec


def _nested(depth: int) -> bytes:
    return b'{"case_name": "A v. B", "docket_number": "1:24-cv-1", "x": ' + b"[" * depth + b"]" * depth + b"}"


@pytest.mark.parametrize("data, message", [
    (_nested(100_000), "nested too deeply"),
    (_nested(40), "nested too deeply"),
    (b'{"case_name": "A v. B", "docket_number": ', "invalid JSON"),
    (b'{"case_name": "A v. B", "docket_number": "1", "n": ' + b"9" * 5000 + b"}", "invalid JSON"),
    (b'{"case_name": "\xff\xfe", "docket_number": "1"}', "not UTF-8"),
    (b'{"case_name": "A v. B", "docket_number": "1", "x": [' + b"{}," * 1_100_000 + b'{}]}',
     "too many values to read safely"),
    (b'{"case_name": "A v. B", "docket_number": "1", "x": [' + b'"a",' * 2_100_000 + b'"a"]}',
     "too many values to read safely"),
    (b'{"case_name": "A v. B", "docket_number": "1", "x": [' + b"0.5," * 4_100_000 + b"0.5]}",
     "too many values to read safely"),
    (b'{"resource_uri": "https://www.courtlistener.com/api/rest/v4/tags/1/", "name": "x"}',
     "holds no CourtListener record"),
])
def test_hostile_json_is_refused(tmp_path, data, message):
    path = tmp_path / "bad.json"
    path.write_bytes(data)
    with pytest.raises(BadInput) as err:
        cl.read(str(path), data)
    assert str(path) in str(err.value) and message in str(err.value)


def test_oversized_json_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(cl, "MAX_JSON_BYTES", 1000)
    data = json.dumps({"case_name": "A v. B", "docket_number": "1:24-cv-1",
                       "cause": "x" * 2000}).encode()
    with pytest.raises(BadInput, match="over the 1,000-byte limit"):
        cl.read(str(tmp_path / "big.json"), data)


def test_depth_within_the_limit_reads(tmp_path):
    data = _nested(cl.MAX_DEPTH - 2)
    doc = cl.read(str(tmp_path / "ok.json"), data)
    assert "docket_number: 1:24-cv-1" in doc.text


# ------------------------------------------------------------------ golden files

def _n(s) -> str:
    return re.sub(r"[^a-z0-9]+", "", str(s or "").lower())


def _dk(d) -> str:
    return _n((d or "").split(":", 1)[-1])


def as_sets(g: dict) -> dict[str, set]:
    """The scored tuples of a gold-shaped dict, normalised like the scorer."""
    return {
        "kind": {g["kind"]},
        "filed": {g["filed"]},
        "cases": {(_dk(c["docket"]), c["court"]) for c in g["cases"]},
        "judges": {(_n(j["name"]), j["role"], _dk(j["case"])) for j in g["judges"]},
        "parties": {(_n(p["name"]), p["role"], _dk(p["case"])) for p in g["parties"]},
        "attorneys": {(_n(a["name"]), _n(a["firm"]), a["email"], _dk(a["case"]),
                       frozenset(_n(r) for r in a["represents"])) for a in g["attorneys"]},
        "firms": {(_n(f["name"]), _dk(f["case"]), frozenset(_n(r) for r in f["represents"]))
                  for f in g["firms"]},
        "captions": {(_dk(c["docket"]), _n(c["caption"]), c["schedule_a"]) for c in g["cases"]
                     if c["caption"]},
    }


#: the fields each fixture's records determine on their own (the rest comes from its text)
OWNED = {
    "docket-lumenwave.json": ("kind", "filed", "cases", "judges", "parties", "attorneys",
                              "firms", "captions"),
    "docket-parties-attorneys.json": ("kind", "filed", "cases", "judges", "parties",
                                      "attorneys", "firms", "captions"),
    "cluster-opinion-ca7.json": ("kind", "filed"),
    "recap-document-minute-entry.json": (),
    "docket-ca7-appeal.json": ("kind", "filed", "cases", "judges", "parties", "attorneys",
                               "firms", "captions"),
}


def test_owned_table_covers_every_fixture():
    assert set(OWNED) == {p.name for p in INPUTS}


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_structured_fields_match_gold(path):
    doc = read_file(path)
    got = as_sets(cl.structured_extraction(doc).to_gold())
    want = as_sets(gold_of(path))
    for fld in OWNED[path.name]:
        assert got[fld] == want[fld], fld


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_extraction_keeps_structured_fields_and_valid_spans(path):
    doc = read_file(path)
    base = cl.structured_extraction(doc)
    ex = extract(doc)
    assert ex.doc == path.name and ex.format == "courtlistener"
    full = as_sets(ex.to_gold())
    for fld, items in as_sets(base.to_gold()).items():
        if fld in ("kind", "filed") or fld in OWNED[path.name]:
            assert items <= full[fld] or fld in ("kind", "filed"), fld
    for group in (ex.cases, ex.judges, ex.parties, ex.attorneys, ex.firms, ex.citations,
                  ex.platforms):
        for item in group:
            for a, b in item.spans:
                assert 0 <= a < b <= len(doc.text)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_structured_items_have_evidence_spans(path):
    doc = read_file(path)
    ex = cl.structured_extraction(doc)
    for item in ex.judges + ex.parties + ex.attorneys + ex.firms:
        assert item.spans, item
        assert any(_n(doc.text[a:b]) == _n(item.name) for a, b in item.spans), item
    for case in ex.cases:
        assert case.spans
        seen = {_n(doc.text[a:b]) for a, b in case.spans}
        assert _n(case.caption) in seen or _n(case.docket) in seen


def _gold_values(g: dict) -> list[str]:
    vals = [c["docket"] for c in g["cases"] if c["docket"]]
    for key in ("judges", "firms", "attorneys", "parties", "platforms"):
        vals += [i["name"] for i in g[key]]
    vals += [a["email"] for a in g["attorneys"] if a["email"]]
    vals += [c["cite"] for c in g["citations"]]
    return vals


@pytest.mark.parametrize("path, value", [(p, v) for p in INPUTS for v in _gold_values(gold_of(p))],
                         ids=lambda x: x.name if isinstance(x, Path) else str(x)[:30])
def test_text_holds_the_evidence_for_every_gold_value(path, value):
    assert _n(value) in _n(read_file(path).text)


def test_cli_extract_json_on_courtlistener_file():
    from click.testing import CliRunner
    from docketgraph.queries.cli import cli
    path = FIXTURES / "docket-parties-attorneys.json"
    r = CliRunner().invoke(cli, ["extract", "--json", str(path)])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert as_sets(out)["parties"] == as_sets(gold_of(path))["parties"]


# ------------------------------------------------------------------ merging

def _doc() -> Document:
    return Document(path="x.json", sha256="0", text="x" * 400, format="courtlistener")


@pytest.mark.parametrize("structured, found, check", [
    # fields win over the text for the same docket; text-only cases are added
    (Extraction(doc="x", cases=(CaseMention("1:24-cv-05123", "ilnd", spans=((0, 5),)),)),
     Extraction(doc="x", cases=(CaseMention("24-cv-05123", "nysd", spans=((50, 60),)),
                                CaseMention("24-2187", None, spans=((70, 77),)))),
     lambda ex: [(c.docket, c.court) for c in ex.cases] == [("1:24-cv-05123", "ilnd"), ("24-2187", None)]),
    # a record without a docket number takes the text's, and the text's court sets roles
    (Extraction(doc="x", cases=(CaseMention(None, None, caption="A v. B", spans=((0, 6),)),),
                judges=(JudgeMention("Rovane", "unknown", None, ((10, 16),)),)),
     Extraction(doc="x", cases=(CaseMention("24-2187", "ca7", spans=((50, 57),)),)),
     lambda ex: ex.cases[0].docket == "24-2187" and ex.cases[0].court == "ca7"
     and ex.judges[0] == JudgeMention("Rovane", "circuit", "24-2187", ((10, 16),))),
    # a judge the text finds again (same surname) is not added twice; a new one is
    (Extraction(doc="x", judges=(JudgeMention("Harold T. Brennan", "district", "1", ((0, 5),)),)),
     Extraction(doc="x", judges=(JudgeMention("Harold Brennan", "unknown", "1", ((90, 99),)),
                                 JudgeMention("Alicia M. Ferrante", "magistrate", "1", ((100, 110),)))),
     lambda ex: [j.name for j in ex.judges] == ["Harold T. Brennan", "Alicia M. Ferrante"]),
    # the same surname in another court is another judge
    (Extraction(doc="x", judges=(JudgeMention("Brennan", "circuit", "24-2187", ((0, 7),)),)),
     Extraction(doc="x", judges=(JudgeMention("Harold T. Brennan", "district", "1:23-cv-1", ((90, 107),)),
                                 JudgeMention("Brennan", "circuit", "24-2187", ((120, 127),)))),
     lambda ex: [(j.name, j.role, j.spans) for j in ex.judges] == [
         ("Brennan", "circuit", ((0, 7), (120, 127))), ("Harold T. Brennan", "district", ((90, 107),))]),
    # the trial role of an appealing party without a lower-court number stays unlinked
    (Extraction(doc="x", cases=(CaseMention("24-2187", "ca7", spans=((0, 7),)),),
                parties=(PartyMention("Acme LLC", "plaintiff", None, ((10, 18),)),
                         PartyMention("Acme LLC", "appellant", None, ((10, 18),)),
                         PartyMention("Bolt Inc.", "appellee", None, ((20, 29),)))),
     Extraction(doc="x"),
     lambda ex: [(p.role, p.case) for p in ex.parties] == [
         ("plaintiff", None), ("appellant", "24-2187"), ("appellee", "24-2187")]),
    # parties: the record's role wins
    (Extraction(doc="x", parties=(PartyMention("Acme LLC", "plaintiff", "1", ((0, 4),)),)),
     Extraction(doc="x", parties=(PartyMention("ACME LLC", "defendant", "1", ((20, 28),)),)),
     lambda ex: [(p.name, p.role) for p in ex.parties] == [("Acme LLC", "plaintiff")]),
    # citations and platforms come from the text
    (Extraction(doc="x", kind="opinion", filed="2025-03-03"),
     Extraction(doc="x", kind="order", filed="2025-01-01",
                citations=(CitationMention("237 F.3d 891", spans=((1, 2),)),),
                platforms=(PlatformMention("Temu", "marketplace", ((3, 7),)),)),
     lambda ex: ex.kind == "opinion" and ex.filed == "2025-03-03"
     and [c.cite for c in ex.citations] == ["237 F.3d 891"] and ex.platforms[0].name == "Temu"),
])
def test_merge(structured, found, check):
    assert check(cl.merge(structured, found))


def test_text_findings_are_shifted_into_the_whole_text(monkeypatch, tmp_path):
    """Spans found in the opinion body point into Document.text, after the rendered fields."""
    import sys
    pipeline = sys.modules["docketgraph.ingest.readers.text"]

    def fake(doc):
        i = doc.text.index("Temu")
        return Extraction(doc=doc.name, platforms=(PlatformMention("Temu", "marketplace", ((i, i + 4),)),))

    monkeypatch.setattr(pipeline, "extract", fake)
    rec = {"plain_text": "Sellers on Temu were restrained.", "document_number": "7",
           "pacer_doc_id": "1", "description": "ORDER"}
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(rec))
    doc = read_file(path)
    (a, b), = extract(doc).platforms[0].spans
    assert doc.text[a:b] == "Temu"
