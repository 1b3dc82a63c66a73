"""Networks for Gephi and notebooks: `export --network NAME --format gexf|graphml|csv`.

Each file is read back with networkx (or the csv module) and held to what Gephi needs:
nodes labelled with the entity's name and carrying kind and court, edges weighted by the
number of cases as an integer, with the first and last filing dates. The weights are
computed by hand on a small factory store; the dev corpus (../shared) gives a real one.
"""
from __future__ import annotations

import csv
import io
import xml.dom.minidom

import networkx as nx
import pytest
from click.testing import CliRunner

from docketgraph.queries.api import MEMORY, PROJECTIONS, KnowledgeGraph
from docketgraph.queries.cli import cli
from docketgraph.queries.networks import network_bytes, network_csv, nodes_path
from factories import TEXT, case_extraction
from query_factories import small_graph

GBC = "Greer, Burns & Crain, Ltd."
OTHER = "Other Counsel LLP"
PACOLD = "Martha M. Pacold"
KENDALL = "Virginia M. Kendall"


@pytest.fixture()
def kg():
    """Three cases of GBC before Judge Pacold (two in January 2024, one in March), one of
    them with a second filing in April; one case of Other Counsel LLP before Judge Kendall
    and Judge Pacold; GBC's March case is in S.D.N.Y., the others in N.D. Ill."""
    g = KnowledgeGraph.open(MEMORY)
    put = lambda tag, **kw: g.store.put(case_extraction(tag, **kw), text=TEXT)  # noqa: E731
    put("a", docket="1:24-cv-00001", filed="2024-01-05")
    put("a2", docket="1:24-cv-00001", filed="2024-04-30")
    put("b", docket="1:24-cv-00002", filed="2024-01-20")
    put("c", docket="1:24-cv-00003", filed="2024-03-02", court="nysd")
    put("d", docket="1:24-cv-00004", filed="2024-02-11", firm=OTHER,
        judges=((KENDALL, "district"), (PACOLD, "district")))
    yield g
    g.close()


def _labelled(G: nx.Graph) -> dict[frozenset, dict]:
    return {frozenset((G.nodes[a]["label"], G.nodes[b]["label"])): d for a, b, d in G.edges(data=True)}


# --- the files, read back -----------------------------------------------------------------

def test_gexf_of_firm_judge_reads_back_with_names_and_integer_weights(kg, tmp_path):
    out = tmp_path / "fj.gexf"
    data = kg.export_network("firm-judge", "gexf", out)
    assert out.read_bytes() == data
    G = nx.read_gexf(out)
    edges = _labelled(G)
    assert set(edges) == {frozenset((GBC, PACOLD)), frozenset((OTHER, PACOLD)), frozenset((OTHER, KENDALL))}
    e = edges[frozenset((GBC, PACOLD))]
    # GEXF declares weights as floats: the value is whole, and `cases` is an integer attribute
    assert e["weight"] == 3 and float(e["weight"]).is_integer() and e["cases"] == 3
    assert isinstance(e["cases"], int)
    assert (e["first"], e["last"]) == ("2024-01-05", "2024-04-30")
    assert edges[frozenset((OTHER, KENDALL))]["cases"] == 1
    weights = [el.getAttribute("weight") for el in xml.dom.minidom.parseString(data).getElementsByTagName("edge")]
    assert sorted(weights) == ["1", "1", "3"]  # written as integers
    firm = next(d for _, d in G.nodes(data=True) if d["label"] == GBC)
    assert firm["kind"] == "LawFirm" and firm["court"] == "ilnd; nysd"
    judge = next(d for _, d in G.nodes(data=True) if d["label"] == KENDALL)
    assert judge["kind"] == "Judge" and judge["court"] == "ilnd"


def test_graphml_keeps_integer_weights(kg):
    G = nx.read_graphml(io.BytesIO(kg.export_network("firm-judge", "graphml")))
    e = _labelled(G)[frozenset((GBC, PACOLD))]
    assert e["weight"] == 3 and isinstance(e["weight"], int)
    assert {d["kind"] for _, d in G.nodes(data=True)} == {"LawFirm", "Judge"}


def test_csv_is_an_edges_table_with_a_sibling_nodes_table(kg, tmp_path):
    out = tmp_path / "fj.csv"
    kg.export_network("firm-judge", "csv", out)
    assert nodes_path(out) == tmp_path / "fj.nodes.csv"
    edges = list(csv.DictReader(out.open(encoding="utf-8")))
    nodes = {r["Id"]: r for r in csv.DictReader(nodes_path(out).open(encoding="utf-8"))}
    assert list(edges[0])[:4] == ["Source", "Target", "Type", "Weight"]
    by = {(nodes[r["Source"]]["Label"], nodes[r["Target"]]["Label"]): r for r in edges}
    # a bipartite network's firm is the Source
    assert set(by) == {(GBC, PACOLD), (OTHER, PACOLD), (OTHER, KENDALL)}
    r = by[(GBC, PACOLD)]
    assert (r["Type"], r["Weight"], r["first"], r["last"]) == ("Undirected", "3", "2024-01-05", "2024-04-30")
    assert r["dockets"] == "1:24-cv-00001; 1:24-cv-00002; 1:24-cv-00003"
    assert {r["kind"] for r in nodes.values()} == {"LawFirm", "Judge"}
    # pandas-free check that the two tables agree
    assert {r["Source"] for r in edges} | {r["Target"] for r in edges} == set(nodes)


def test_court_and_date_parameters_narrow_the_network(kg):
    G = kg.network("firm-judge", court="nysd")
    assert {frozenset(k): d["weight"] for k, d in _labelled(G).items()} == {frozenset((GBC, PACOLD)): 1}
    # a link counts in a date range that its filings' dates overlap: case 1 (January to
    # April) still links GBC and Pacold in February, cases 2 and 3 do not
    G = kg.network("firm-judge", date_from="2024-02-01", date_to="2024-02-28")
    assert {k: d["weight"] for k, d in _labelled(G).items()} == {
        frozenset((GBC, PACOLD)): 1, frozenset((OTHER, PACOLD)): 1, frozenset((OTHER, KENDALL)): 1}


@pytest.mark.parametrize("projection", PROJECTIONS)
@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_every_network_in_every_format_reads_back(projection, fmt):
    with small_graph() as kg:
        G = kg.network(projection)
        data = kg.export_network(projection, fmt)
    back = (nx.read_gexf if fmt == "gexf" else nx.read_graphml)(io.BytesIO(data))
    assert back.number_of_nodes() == G.number_of_nodes() > 0
    assert back.number_of_edges() == G.number_of_edges() > 0
    assert back.is_directed() == G.is_directed()
    names = {d["label"] for _, d in G.nodes(data=True)}
    assert {d["label"] for _, d in back.nodes(data=True)} == names
    assert not any(n.startswith("http") for n in names)  # names, not IRIs
    for _, _, d in back.edges(data=True):
        assert float(d["weight"]).is_integer() and d["weight"] >= 1
        assert isinstance(d["cases"], int) and d["cases"] == d["weight"]
        assert d["first"] <= d["last"]


def test_a_hostile_name_stays_well_formed_and_inert():
    G = nx.Graph()
    G.add_node("urn:a", kind="LawFirm", label="=HYPERLINK(\"x\")\x07 <b>&", key="a", court="ilnd")
    G.add_node("urn:b", kind="Judge", label="B", key="b", court="ilnd")
    G.add_edge("urn:a", "urn:b", weight=2, dockets="1:24-cv-1", case_ids="urn:c", first="2024-01-01",
               last="2024-01-01")
    for fmt in ("gexf", "graphml"):
        xml.dom.minidom.parseString(network_bytes(G, fmt))
    back = nx.read_gexf(io.BytesIO(network_bytes(G, "gexf")))
    assert back.nodes["urn:a"]["label"] == "=HYPERLINK(\"x\")\\u0007 <b>&"
    edges, nodes = network_csv(G)
    row = next(r for r in csv.DictReader(io.StringIO(nodes.decode())) if r["Id"] == "urn:a")
    assert row["Label"].startswith("'=")  # a spreadsheet does not run it
    assert next(csv.DictReader(io.StringIO(edges.decode())))["Weight"] == "2"
    assert G.nodes["urn:a"]["label"].endswith("\x07 <b>&")  # the input is not changed


# --- the command ---------------------------------------------------------------------------

@pytest.fixture()
def store(tmp_path):
    path = str(tmp_path / "store")
    with KnowledgeGraph.open(path) as g:
        for ex, text in __import__("query_factories").filings():
            g.store.put(ex, text=text, path=f"/filings/{ex.doc}")
    return path


def test_cli_exports_a_network(store, tmp_path):
    out = tmp_path / "fj.gexf"
    r = CliRunner().invoke(cli, ["export", "--network", "firm-judge", "-o", str(out), "--store", store])
    assert r.exit_code == 0, r.output
    G = nx.read_gexf(out)  # gexf is the default format of a network
    assert {"Greer, Burns & Crain, Ltd.", "Martha M. Pacold"} <= {d["label"] for _, d in G.nodes(data=True)}
    r = CliRunner().invoke(cli, ["export", "--network", "attorneys", "--format", "graphml", "-p", "court",
                                 "nysd", "-o", "-", "--store", store])
    assert r.exit_code == 0
    G = nx.read_graphml(io.BytesIO(r.stdout_bytes))
    assert {d["label"] for _, d in G.nodes(data=True)} == {"Alex B. Counsel", "Dana Local"}


def test_cli_csv_network_writes_two_files(store, tmp_path):
    out = tmp_path / "pf.csv"
    r = CliRunner().invoke(cli, ["export", "--network", "platform-firm", "--format", "csv", "-o", str(out),
                                 "--store", store])
    assert r.exit_code == 0, r.output
    assert "pf.nodes.csv" in r.output and (tmp_path / "pf.nodes.csv").exists()
    assert out.read_text().startswith("Source,Target,Type,Weight,")
    r = CliRunner().invoke(cli, ["export", "--network", "firm-judge", "--format", "csv", "-o", "-",
                                 "--store", store])
    assert r.exit_code == 2 and "two files" in r.output


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_raw_graph_formats_without_a_network_point_at_network(store, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    r = CliRunner().invoke(cli, ["export", "--format", fmt, "-o", str(out), "--store", store])
    assert r.exit_code == 2 and "--network firm-judge" in r.output and not out.exists()


def test_cli_network_refuses_rdf_formats_and_stray_parameters(store, tmp_path):
    r = CliRunner().invoke(cli, ["export", "--network", "firm-judge", "--format", "ttl", "--store", store])
    assert r.exit_code == 2 and "gexf, graphml, csv" in r.output
    r = CliRunner().invoke(cli, ["export", "--format", "nq", "-p", "court", "ilnd", "--store", store])
    assert r.exit_code == 2 and "--network" in r.output
    r = CliRunner().invoke(cli, ["export", "--network", "firm-judge", "-p", "firm", "x", "-o",
                                 str(tmp_path / "x.gexf"), "--store", store])
    assert r.exit_code == 1 and "no parameter 'firm'" in str(r.exception)


# --- the real corpus -------------------------------------------------------------------------

def test_dev_corpus_firm_judge_gexf_opens_in_networkx(dev_dir, tmp_path):
    out = tmp_path / "firm-judge.gexf"
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        rep = kg.ingest([dev_dir], in_process=True)
        assert rep.ok, rep.errors
        kg.export_network("firm-judge", "gexf", out)
        firms = {r["name"] for r in kg.entities("firm")}
        want = kg.network("firm-judge")
    G = nx.read_gexf(out)
    assert G.number_of_nodes() == want.number_of_nodes() > 50
    assert G.number_of_edges() == want.number_of_edges() > 50
    kinds = {d["kind"] for _, d in G.nodes(data=True)}
    assert kinds == {"LawFirm", "Judge"}
    labels = {d["label"] for _, d in G.nodes(data=True) if d["kind"] == "LawFirm"}
    assert labels <= firms and len(labels) > 20  # the firms' names, as stored
    for _, _, d in G.edges(data=True):
        assert float(d["weight"]).is_integer() and d["weight"] >= 1 and isinstance(d["cases"], int)
        assert d["cases"] == d["weight"]
    assert sum(d["cases"] for *_, d in G.edges(data=True)) == sum(
        d["weight"] for *_, d in want.edges(data=True))


def test_an_entity_with_several_names_is_labelled_with_the_fullest(kg):
    import pyoxigraph as ox

    judge = next(n for n, d in kg.network("firm-judge").nodes(data=True) if d["label"] == PACOLD)
    # a second stored name, as a merge of a short spelling leaves ("Pacold")
    kg.store._store.add(ox.Quad(ox.NamedNode(judge), ox.NamedNode("https://schema.org/name"),
                                ox.Literal("Pacold"), ox.DefaultGraph()))
    for _ in range(3):
        G = nx.read_gexf(io.BytesIO(kg.export_network("firm-judge", "gexf")))
        assert G.nodes[judge]["label"] == PACOLD
