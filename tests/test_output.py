"""Output hygiene: the same columns, meaning the same, in every format (queries.output and
the CLI's --format table|csv|md|json|jsonl), messages on stderr, long cells cut in tables."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from factories import TEXT, case_extraction

from docketgraph.graph.store import GraphStore
from docketgraph.queries.cli import cli
from docketgraph.queries.output import cut, present

FIRM = "Ostrander Quill & Mayhew, Ltd."
LONG = "Brambleworth Heritage Lighting and Outdoor Furnishings International Holdings, Inc."


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("out") / "store"
    s = GraphStore(path)
    for i in range(12):
        s.put(case_extraction(f"c{i}", docket=f"1:24-cv-{i + 1:05d}", court="ilnd", firm=FIRM,
                              judges=(("Ingrid P. Soelberg", "district"),), plaintiff=LONG,
                              filed=f"2024-{i % 12 + 1:02d}-03"), text=TEXT)
    s.close()
    return str(path)


def run(*args: str):
    r = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r


# --- queries.output -----------------------------------------------------------------------

def test_names_and_keys_are_separate_columns_and_lists_are_lists():
    cols = ["firm_label", "judge_label", "court", "dockets", "case_ids", "firms", "firm", "judge", "f"]
    row = {"firm_label": "Roe & Poe LLP", "judge_label": "Ada B. Quist", "court": "ilnd",
           "dockets": "1:24-cv-00001, 1:24-cv-00002", "case_ids": "https://x/1 https://x/2",
           "firms": "Roe & Poe LLP; Greer, Burns & Crain, Ltd.", "firm": "roe-and-poe-llp",
           "judge": "ada-b-quist", "f": "https://x/f"}
    p = present(cols, [row], hidden={"f", "case_ids"})
    assert p.columns == ["firm", "judge", "court", "court_name", "dockets", "case_ids", "firms", "firm_key",
                         "judge_key", "f", "courtlistener"]
    r = p.rows[0]
    assert (r["firm"], r["firm_key"], r["judge"], r["judge_key"]) == (
        "Roe & Poe LLP", "roe-and-poe-llp", "Ada B. Quist", "ada-b-quist")
    assert r["dockets"] == ["1:24-cv-00001", "1:24-cv-00002"] and r["case_ids"] == ["https://x/1", "https://x/2"]
    assert r["firms"] == ["Roe & Poe LLP", "Greer, Burns & Crain, Ltd."]
    assert r["court_name"] == "District Court, N.D. Illinois"
    assert r["courtlistener"] == [
        "https://www.courtlistener.com/?type=r&q=docketNumber%3A%2224-cv-00001%22&court=ilnd",
        "https://www.courtlistener.com/?type=r&q=docketNumber%3A%2224-cv-00002%22&court=ilnd"]
    # the table shows names, never keys, IRIs or lists of links
    assert p.visible == ["firm", "judge", "court", "court_name", "dockets", "firms"]


def test_one_case_rows_get_one_link_and_unknown_courts_none():
    p = present(["docket", "court"], [{"docket": "1:24-cv-00007", "court": "ilnd"},
                                      {"docket": "24-cv-7", "court": "unknown"}])
    assert p.rows[0]["courtlistener"].endswith("docketNumber%3A%2224-cv-00007%22&court=ilnd")
    assert p.rows[1]["courtlistener"] is None and p.rows[1]["court_name"] is None
    assert "courtlistener" in p.visible


@pytest.mark.parametrize("value, want", [
    ("short", "short"),
    ("x" * 70, "x" * 59 + "\u2026"),
    ([f"1:24-cv-{i:05d}" for i in range(1, 13)], "1:24-cv-00001, 1:24-cv-00002, 1:24-cv-00003, +9 more"),
    (["one"], "one"),
    (None, ""),
])
def test_cut(value, want):
    assert cut(value) == want and len(cut(value)) <= 60


# --- the command line ---------------------------------------------------------------------

def test_json_has_arrays_and_names_with_keys(store):
    rows = json.loads(run("query", "judges-for-firm", "-p", "firm", FIRM, "--format", "json",
                          "--store", store).stdout)
    assert len(rows) == 1
    r = rows[0]
    assert r["firm"] == FIRM and r["firm_key"] == "ostrander-quill-and-mayhew-ltd"
    assert r["judge"] == "Ingrid P. Soelberg" and "judge_label" not in r and "firm_label" not in r
    assert isinstance(r["dockets"], list) and len(r["dockets"]) == 12 and r["cases"] == 12
    assert r["court_name"] == "District Court, N.D. Illinois" and len(r["courtlistener"]) == 12


def test_jsonl_is_one_object_a_line_with_the_json_columns(store):
    out = run("query", "brand-portfolio", "--format", "jsonl", "--store", store).stdout
    lines = out.splitlines()
    assert len(lines) == 12
    objs = [json.loads(x) for x in lines]
    full = json.loads(run("query", "brand-portfolio", "--format", "json", "--store", store).stdout)
    assert objs == full
    assert objs[0]["plaintiff"] == LONG and objs[0]["courtlistener"].startswith("https://www.courtlistener.com/")


def test_csv_and_md_have_the_same_columns_as_json(store):
    args = ("query", "judges-for-firm", "--store", store)
    js = json.loads(run(*args, "--format", "json").stdout)
    rows = list(csv.DictReader(io.StringIO(run(*args, "--format", "csv").stdout)))
    assert list(rows[0]) == list(js[0]) and rows[0]["firm"] == FIRM
    assert rows[0]["dockets"] == ", ".join(js[0]["dockets"])
    md = run(*args, "--format", "md").stdout
    assert md.splitlines()[0].startswith("| firm | judge |")


def test_table_cuts_long_cells_and_wrap_keeps_them(store):
    out = run("query", "judges-for-firm", "--store", store).stdout
    assert "1:24-cv-00001, 1:24-cv-00002, 1:24-cv-00003, +9 more" in out and "1:24-cv-00012" not in out
    assert "District Court, N.D. Illinois" in out  # courts with their names
    wide = run("query", "judges-for-firm", "--wrap", "--store", store).stdout
    assert "+9 more" not in wide and "1:24-cv-00012" in wide
    out = run("query", "brand-portfolio", "--store", store).stdout
    assert LONG not in out and LONG[:40] in out and "\u2026" in out


def test_messages_go_to_stderr(store, tmp_path):
    r = run("query", "judges-for-firm", "-p", "firm", "Ostrander", "--store", store)
    assert "Note: firm" in r.stderr and "Note" not in r.stdout
    r = run("query", "firms-before-judges", "-p", "from", "2031-01-01", "--store", store)
    assert "(no rows)" in r.stderr and "(no rows)" not in r.stdout
    r = run("view", "firms-before-judges", "-o", str(tmp_path / "v.html"), "--store", store)
    assert r.stdout == "" and r.stderr.startswith("wrote ")
    r = run("export", "--format", "nq", "-o", str(tmp_path / "all.nq"), "--store", store)
    assert r.stdout == "" and r.stderr.startswith("wrote ")
