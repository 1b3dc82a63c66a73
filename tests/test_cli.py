"""End-to-end CLI runs on a temporary store."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from docketgraph.queries.cli import cli, main

FILING = """UNITED STATES DISTRICT COURT
NORTHERN DISTRICT OF ILLINOIS

ACME BRANDS LLC, Plaintiff,
v.
THE PARTNERSHIPS AND UNINCORPORATED ASSOCIATIONS IDENTIFIED ON SCHEDULE "A", Defendants.

Case No. 1:24-cv-05555
"""


def run(*args, ok=True):
    r = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    if ok:
        assert r.exit_code == 0, r.output
    return r


@pytest.fixture()
def folder(tmp_path):
    d = tmp_path / "filings"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(FILING, encoding="utf-8")
    (d / "sub" / "b.txt").write_text(FILING.replace("05555", "06666"), encoding="utf-8")
    return d


@pytest.mark.slow
def test_ingest_is_idempotent(tmp_path, folder):
    store = str(tmp_path / "store")
    r1 = run("ingest", str(folder), "--store", store, "-q", "--jobs", "1")
    assert "2 new" in r1.output
    r2 = run("ingest", str(folder), "--store", store, "-q")
    assert "0 new, 2 unchanged" in r2.output
    s = run("stats", "--store", store, "--format", "json")
    stats = {row["what"]: row["count"] for row in json.loads(s.output)}
    assert stats["Document"] == 2


@pytest.mark.slow
def test_ingest_changed_file_replaces(tmp_path, folder):
    store = str(tmp_path / "store")
    run("ingest", str(folder), "--store", store, "-q")
    (folder / "a.txt").write_text(FILING + "\nMore text.\n", encoding="utf-8")
    r = run("ingest", str(folder), "--store", store, "-q")
    assert "1 replaced" in r.output and "1 unchanged" in r.output
    s = run("stats", "--store", store, "--format", "json")
    assert {row["what"]: row["count"] for row in json.loads(s.output)}["Document"] == 2


def test_bad_files_are_reported_and_the_run_goes_on(tmp_path, folder):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.bin").write_bytes(bytes(range(256)) * 50)
    store = str(tmp_path / "store")
    r = CliRunner().invoke(cli, ["ingest", str(folder), "--store", store, "-q"])
    assert r.exit_code == 1
    assert "empty.txt" in r.output and "junk.bin" in r.output
    assert "2 new" in r.output and "2 failed" in r.output


NOT_FILINGS = {
    # read as a filing, these notes would put two judges on an invented case
    "README.md": ("# My filings\n\nUNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF ILLINOIS\n"
                  "Judge Ada B. Quill and Judge Cy D. Rowe, see Case No. 1:24-cv-09999.\n"),
    "readme.txt": "notes on this folder\n",
    "LICENSE": "Permission is hereby granted\n",
    "CHANGES.md": "- added a filing\n",
    "MANIFEST.tsv": "file\tcourt\na.txt\tilnd\n",
    "settings.toml": "[ingest]\njobs = 2\n",
    "cases.csv": "docket,court\n1:24-cv-05555,ilnd\n",
    "config.yaml": "jobs: 2\n",
    "exhibit-a.png": "\x89PNG\r\n\x1a\n",
    "scan.JPG": "\xff\xd8\xff\xe0",
    "a.gold.json": '{"doc": "a.txt", "cases": []}',
}


def test_a_folders_notes_data_and_images_are_skipped_and_counted(tmp_path, folder):
    for name, body in NOT_FILINGS.items():
        (folder / "sub" / name).write_text(body, encoding="latin-1")
    store = str(tmp_path / "store")
    r = run("ingest", str(folder), "--store", store, "-q", "--jobs", "1")
    assert "2 files" in r.output and "2 new" in r.output, r.output
    assert f"{len(NOT_FILINGS)} skipped (not filings)" in r.output
    s = run("stats", "--store", store, "--format", "json")
    stats = {row["what"]: row["count"] for row in json.loads(s.output)}
    assert stats["Document"] == 2
    judges = run("sparql", "SELECT ?n WHERE { ?j a dg:Judge ; rdfs:label ?n }", "--store", store,
                 "--format", "json")
    assert "Quill" not in judges.output and "Rowe" not in judges.output


@pytest.mark.parametrize("name", ["notice-of-removal.txt", "readme-order.txt", "review-opinion.md",
                                  "order.md", "complaint.pdf", "docket.html", "opinion.json",
                                  "Changes to the schedule.txt"])
def test_filings_with_names_like_notes_are_not_skipped(name):
    from docketgraph.queries.ingesting import is_filing
    assert is_filing(f"/x/{name}")


@pytest.mark.parametrize("name", sorted(NOT_FILINGS) + ["Readme", "licence.txt", "photo.tiff",
                                                         "sheet.xlsx", "logo.svg"])
def test_notes_data_and_images_are_not_filings(name):
    from docketgraph.queries.ingesting import is_filing
    assert not is_filing(f"/x/{name}")


def test_a_file_named_on_the_command_line_is_read_whatever_its_name(tmp_path):
    notes = tmp_path / "README.md"
    notes.write_text(FILING, encoding="utf-8")
    store = str(tmp_path / "store")
    r = run("ingest", str(notes), "--store", store, "-q", "--jobs", "1")
    assert "1 new" in r.output and "skipped" not in r.output


def test_query_list_and_formats(tmp_path, folder):
    store = str(tmp_path / "store")
    run("ingest", str(folder), "--store", store, "-q")
    lst = run("query", "--list", "--format", "json")
    names = {q["name"] for q in json.loads(lst.output)}
    assert {"firms-before-judges", "case-summary", "judges-for-firm", "firms-for-judge",
            "platforms-by-firm"} <= names
    for fmt in ("table", "csv", "json", "md"):
        run("query", "case-summary", "-p", "docket", "24-cv-5555", "--store", store, "--format", fmt)
    js = run("query", "case-summary", "-p", "docket", "24-cv-5555", "--store", store, "--format", "json")
    rows = json.loads(js.output)
    assert isinstance(rows, list) and all(isinstance(r, dict) for r in rows)


def test_errors_are_one_line(tmp_path, capsys):
    assert main(["query", "nope", "--store", str(tmp_path / "missing")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and err.count("\n") == 1


def test_unknown_parameter_is_an_error(tmp_path, folder, capsys):
    store = str(tmp_path / "store")
    run("ingest", str(folder), "--store", store, "-q")
    assert main(["query", "firms-before-judges", "-p", "colour", "red", "--store", store]) == 1
    assert "colour" in capsys.readouterr().err


def test_sparql_ad_hoc(tmp_path, folder):
    store = str(tmp_path / "store")
    run("ingest", str(folder), "--store", store, "-q")
    r = run("sparql", "SELECT (COUNT(?d) AS ?n) WHERE { ?d a dg:Document }", "--store", store, "--format", "csv")
    assert r.output.splitlines() == ["n", "2"]


def test_view_writes_html(tmp_path, folder):
    store = str(tmp_path / "store")
    run("ingest", str(folder), "--store", store, "-q")
    out = tmp_path / "v.html"
    run("view", "firms-before-judges", "--store", store, "-o", str(out))
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_every_command_has_help():
    for name, cmd in cli.commands.items():
        assert cmd.help and len(cmd.help) > 20, name
        r = run(name, "--help")
        assert "Usage" in r.output
