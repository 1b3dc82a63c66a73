"""Hostile input, round two: no hang, no traceback, no injection, nothing of the user's touched.

Each kind of probe has several inputs of its own; the hanging kinds (a FIFO, /dev/zero,
a server that answers a byte at a time or never stops) run under a time limit and show
that the run ends with a clear error while the good files are stored.
"""
from __future__ import annotations

import contextlib
import csv
import http.server
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from factories import TEXT, case_extraction
from hypothesis import given, settings, strategies as st

from docketgraph.graph import remote
from docketgraph.graph.errors import BadInput, DocketGraphError, QueryError, StoreError
from docketgraph.graph.exchange import export_quads, import_bytes
from docketgraph.graph.resolve import Aliases
from docketgraph.graph.store import GraphStore
from docketgraph.queries import ingesting
from docketgraph.queries.api import KnowledgeGraph
from docketgraph.queries.cli import main
from docketgraph.queries.display import csv_cell, inert, json_text, md_cell
from docketgraph.queries.registry import Registry
from docketgraph.queries.saved import parse_rq

FILING = """UNITED STATES DISTRICT COURT
NORTHERN DISTRICT OF ILLINOIS

ACME BRANDS LLC, Plaintiff,
v.
THE PARTNERSHIPS AND UNINCORPORATED ASSOCIATIONS IDENTIFIED ON SCHEDULE "A", Defendants.

Case No. 1:24-cv-05555
"""

#: names a filing or a folder could hold, each hostile to some reader of the output
HOSTILE_NAMES = [
    "=HYPERLINK(\"http://evil.example/\",\"click\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "Evil \x1b[2J\x1b[1;31mError: forged\x1b[0m Corp",
    "Osc \x1b]8;;http://evil.example/\x07link\x1b]8;;\x07 LLC",
    "Bidi \u202eCLL mriF\u202c Ltd",
    "Line\nError: forged line LLC",
    "<script>alert(1)</script> & <b>Bold</b> LLP",
    "C1 \x9b31m control\x85 Inc",
]


@contextlib.contextmanager
def time_limit(seconds: float):
    """Fail (instead of hanging) when the block runs longer than ``seconds``."""
    def expired(*_):
        raise TimeoutError(f"still running after {seconds}s")
    old = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _one_line_errors(err: str) -> None:
    assert "Traceback" not in err
    for line in err.splitlines():
        assert "\x1b" not in line and "\u202e" not in line


# --- hangs: special files in an ingested folder -------------------------------------------

def _special_files(d: Path) -> list[str]:
    """A FIFO, symlinks to /dev/zero and /dev/urandom, a symlink to a FIFO, a socket."""
    made = []
    os.mkfifo(d / "pipe.txt")
    made.append("pipe.txt")
    for name, target in (("zero.txt", "/dev/zero"), ("random.pdf", "/dev/urandom")):
        if os.path.exists(target):
            os.symlink(target, d / name)
            made.append(name)
    os.mkfifo(d / ".hidden-fifo")
    os.symlink(d / ".hidden-fifo", d / "to-fifo.txt")
    made.append("to-fifo.txt")
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(d / "sock.txt"))
        made.append("sock.txt")
    except OSError:
        pass
    finally:
        s.close()
    return made


def test_special_files_are_skipped_before_any_reading(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(FILING, encoding="utf-8")
    bad = _special_files(d)
    store = GraphStore(None)
    with time_limit(60):
        rep = ingesting.ingest(store, [d], in_process=True)
    assert rep.new == 1 and rep.failed == len(bad)
    for name in bad:
        (msg,) = [m for p, m in rep.errors if p.endswith(name)]
        assert "not a regular file" in msg
    assert len(store.named_graphs()) == 1


@pytest.mark.parametrize("target", ["fifo", "/dev/zero"])
def test_a_special_file_named_on_the_command_line(tmp_path, target):
    path = tmp_path / "named.txt"
    if target == "fifo":
        os.mkfifo(path)
    else:
        os.symlink(target, path)
    good = tmp_path / "good.txt"
    good.write_text(FILING, encoding="utf-8")
    store = GraphStore(None)
    with time_limit(60):
        rep = ingesting.ingest(store, [path, good], in_process=True)
    assert rep.failed == 1 and rep.new == 1
    assert "not a regular file" in rep.errors[0][1]


def test_sha_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(ingesting, "MAX_FILE_BYTES", 10)
    f = tmp_path / "big.txt"
    f.write_bytes(b"x" * 11)
    assert ingesting._sha(str(f)) is None
    f.write_bytes(b"x" * 10)
    assert ingesting._sha(str(f)) is not None
    with time_limit(10):
        assert ingesting._sha("/dev/zero") is None


@pytest.mark.slow  # a second or more: outside the fast loop
def test_cli_ingest_of_a_hostile_folder_ends_with_clear_errors(tmp_path):
    """The whole command, in its own process, under a time limit: special files, a file
    name that is not UTF-8 and one carrying escape sequences; the good files are stored."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(FILING, encoding="utf-8")
    (d / "also-good.txt").write_text(FILING.replace("05555", "06666"), encoding="utf-8")
    bad = _special_files(d)
    bytes_name = os.fsencode(d) + b"/bad-\xff-name.txt"
    with open(bytes_name, "wb") as fh:
        fh.write(FILING.replace("05555", "07777").encode())
    esc_name = d / "esc-\x1b[2J-\x1b]0;title\x07-\u202eevil.txt"
    esc_name.write_bytes(b"\x00\x01\x02")
    store = tmp_path / "store"
    r = subprocess.run([sys.executable, "-m", "docketgraph.queries.cli", "ingest", str(d),
                        "--store", str(store), "-q", "-j", "1", "--timeout", "30"],
                       capture_output=True, timeout=120)
    err = r.stderr.decode("utf-8", "replace")
    assert r.returncode == 1
    _one_line_errors(err)
    assert "\\xff" in err and "not valid UTF-8" in err
    assert "\\x1b[2J" in err and "\\u202e" in err
    assert err.count("not a regular file") == len(bad)
    assert "2 new" in err
    with KnowledgeGraph(str(store), read_only=True) as kg:
        assert kg.stats()["Document"] == 2


def test_an_unreadable_folder_is_reported(tmp_path, monkeypatch):
    d = tmp_path / "in"
    (d / "closed").mkdir(parents=True)
    (d / "good.txt").write_text(FILING, encoding="utf-8")
    (d / "closed" / "x.txt").write_text(FILING, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    store = GraphStore(None)
    rep = ingesting.ingest(store, [d], in_process=True)
    assert rep.new == 1 and rep.failed == 1
    assert "closed: cannot read this folder: Permission denied" in rep.errors[0][1]


# --- hangs and garbage: a misbehaving SPARQL server -----------------------------------------

class _Bad(http.server.BaseHTTPRequestHandler):
    mode = "slow"
    protocol_version = "HTTP/1.1"

    def do_POST(self):  # noqa: N802
        n = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(n)
        try:
            getattr(self, "_" + type(self).mode.replace("-", "_"))()
        except OSError:
            pass

    do_GET = do_POST  # noqa: N815

    def _head(self, ctype="application/sparql-results+json", status=200, extra=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()

    def _slow(self):  # a byte a second, never done
        self._head()
        for _ in range(600):
            self.wfile.write(b" ")
            self.wfile.flush()
            time.sleep(0.5)

    def _slow_headers(self):  # the status line itself a byte at a time
        for b in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 600:
            self.wfile.write(bytes([b]))
            self.wfile.flush()
            time.sleep(0.2)

    def _endless(self):  # gigabytes of a JSON string
        self._head()
        self.wfile.write(b'{"head": {"vars": []}, "results": {"bindings": [], "x": "')
        chunk = b"a" * (1 << 16)
        for _ in range(100_000):
            self.wfile.write(chunk)

    def _html(self):
        body = b"<html><body><h1>Welcome to nginx!</h1></body></html>"
        self._head("text/html", extra=[("Content-Length", str(len(body)))])
        self.wfile.write(body)

    def _garbage(self):
        body = b"\x00\xff{{{ not json \x1b[2J"
        self._head(extra=[("Content-Length", str(len(body)))])
        self.wfile.write(body)

    def _truncated(self):
        body = b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "va'
        self._head(extra=[("Content-Length", str(len(body)))])
        self.wfile.write(body)

    def _wrong_json(self):
        body = b"[1, 2, 3]"
        self._head(extra=[("Content-Length", str(len(body)))])
        self.wfile.write(body)

    def _redirect(self):
        self._head("text/plain", status=307, extra=[("Location", "http://169.254.169.254/latest/"),
                                                    ("Content-Length", "0")])

    def log_message(self, *a):
        pass


@pytest.fixture()
def bad_server(monkeypatch):
    monkeypatch.setattr(remote, "TIMEOUT", 2.0)
    monkeypatch.setattr(remote, "READ_TIMEOUT", 1.0)
    monkeypatch.setattr(remote, "MAX_RESPONSE_BYTES", 1 << 20)
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Bad)
    srv.daemon_threads = True
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    t.start()

    def url(mode: str) -> str:
        _Bad.mode = mode
        return f"http://127.0.0.1:{srv.server_address[1]}"
    yield url
    srv.shutdown()
    srv.server_close()


@pytest.mark.parametrize("mode, message", [
    pytest.param("slow", "did not answer within 2s", marks=pytest.mark.slow),  # waits out the 2 s limit
    pytest.param("slow-headers", "did not answer within 2s", marks=pytest.mark.slow),
    ("endless", "more than 1,048,576 bytes"),
    ("html", "text/html"),
    ("garbage", "not SPARQL results"),
    ("truncated", "not SPARQL results"),
    ("wrong-json", "not SPARQL results"),
    ("redirect", "redirects are not followed"),
])
def test_a_misbehaving_server_is_one_clear_error(bad_server, mode, message):
    url = bad_server(mode)
    t0 = time.monotonic()
    with time_limit(30), pytest.raises(StoreError, match=message):
        GraphStore(url, read_only=True)
    assert time.monotonic() - t0 < 15


@pytest.mark.parametrize("mode", [pytest.param("slow", marks=pytest.mark.slow), "html", "garbage", "redirect"])
def test_query_on_a_misbehaving_server_from_the_cli(bad_server, capsys, mode):
    url = bad_server(mode)
    with time_limit(30):
        assert main(["query", "firms-before-judges", "--store", url]) == 1
    err = capsys.readouterr().err
    _one_line_errors(err)
    assert err.startswith("Error: ") and err.count("\n") == 1


# --- injection: spreadsheets, Markdown, terminals ----------------------------------------

@pytest.mark.parametrize("value, shown", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\t=1", "'\\t=1"),
    ("\r=1", "'\\r=1"), ("Acme = Co", "Acme = Co"), ("", ""), (5, 5), (-2.5, -2.5),
    ("a\x1bb", "a\\x1bb"), ("a\u202eb", "a\\u202eb"), ("two\nlines", "two\\nlines"),
])
def test_csv_cell(value, shown):
    assert csv_cell(value) == shown


@given(st.text())
@settings(max_examples=300)
def test_csv_cells_never_start_a_formula_nor_hold_controls(s):
    out = csv_cell(s)
    assert not out.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert not any(c in out for c in "\x1b\x9b\u202e\u2066\x07\x00")


@given(st.text())
@settings(max_examples=300)
def test_inert_text_is_one_line_without_controls(s):
    import unicodedata
    out = inert(s)
    assert not any(unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp")
                   or unicodedata.bidirectional(c) in ("RLO", "LRO", "RLE", "LRE", "PDF", "RLI",
                                                       "LRI", "FSI", "PDI")
                   for c in out)


@given(st.text())
@settings(max_examples=300)
def test_json_text_is_lossless_and_inert(s):
    out = json_text({"v": s})
    assert json.loads(out) == {"v": s}
    assert not any(c in out for c in "\x1b\x9b\u202e\u2066\u2028")


@pytest.mark.parametrize("value, shown", [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    ("A & B | C", "A & B \\| C"),
    ("two\nlines", "two lines"),
    ("\x1b[31mred", "\\x1b[31mred"),
    ("\u202eevil", "\\u202eevil"),
])
def test_md_cell(value, shown):
    assert md_cell(value) == shown


@pytest.mark.parametrize("value, shown", [
    ("plain", "plain"), ("a\x1b[2Jb", "a\\x1b[2Jb"), ("osc\x1b]0;t\x07", "osc\\x1b]0;t\\x07"),
    ("x\u202ey", "x\\u202ey"), ("x\u2066y\u2069", "x\\u2066y\\u2069"), ("bad\udcffname", "bad\\xffname"),
    ("a\nb", "a\\nb"), ("a\x85b", "a\\x85b"), ("a\u2028b", "a\\u2028b"),
])
def test_inert(value, shown):
    assert inert(value) == shown


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    """A store whose firms, parties and paths carry the hostile names."""
    loc = tmp_path_factory.mktemp("hostile") / "store"
    store = GraphStore(str(loc))
    for i, name in enumerate(HOSTILE_NAMES):
        ex = case_extraction(f"h{i}", docket=f"1:24-cv-{10000 + i}", firm=name + " LLP",
                             plaintiff=name)
        store.put(ex, text=TEXT, path=f"/filings/{name}.txt")
    store.refresh_summaries()
    store.close()
    return str(loc)


def _no_raw_controls(text: str) -> None:
    assert not any(c in text for c in "\x1b\x9b\x07\x85\u202e\u202c")


@pytest.mark.parametrize("args", [
    ["query", "firms-before-judges"],
    ["entities", "--kind", "firm"],
    ["entities", "--kind", "party"],
    ["sparql", "SELECT ?n WHERE { ?x schema:name ?n }"],
    ["sparql", "SELECT ?p WHERE { ?d dg:path ?p }"],
])
@pytest.mark.parametrize("fmt", ["table", "csv", "json", "md"])
def test_hostile_names_are_inert_in_every_format(hostile_store, capsys, args, fmt):
    assert main(args + ["--store", hostile_store, "--format", fmt]) == 0
    out = capsys.readouterr().out
    _no_raw_controls(out)
    if fmt == "csv":
        for row in csv.reader(io.StringIO(out)):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    if fmt == "md":
        assert "<script>" not in out and "<b>" not in out
    if fmt == "json":
        json.loads(out)  # still JSON, and lossless
    assert not any(line.lstrip().startswith("Error:") for line in out.splitlines())


def test_json_keeps_the_stored_names(hostile_store, capsys):
    assert main(["sparql", "SELECT ?n WHERE { ?x schema:name ?n }", "--store", hostile_store,
                 "--format", "json"]) == 0
    names = {r["n"] for r in json.loads(capsys.readouterr().out)}
    # names are stored as read, bidi and C1 controls too (a filing's C0 controls are
    # already spaces in its text)
    assert {n for n in HOSTILE_NAMES if not any(c < " " for c in n)} <= names


def test_export_csv_neutralises_formulas_and_round_trips(hostile_store, tmp_path):
    out = tmp_path / "x.csv"
    assert main(["export", "--format", "csv", "-o", str(out), "--store", hostile_store]) == 0
    data = out.read_bytes()
    for row in csv.reader(io.StringIO(data.decode("utf-8"), newline="")):
        assert not row[3].startswith(("=", "+", "-", "@", "\t", "\r")), row
    with KnowledgeGraph(hostile_store, read_only=True) as kg:
        original = sorted(map(str, ox.parse(kg.store.dump(ox.RdfFormat.N_QUADS),
                                            format=ox.RdfFormat.N_QUADS)))
    assert sorted(map(str, import_bytes(data, "csv"))) == original


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_exports_are_well_formed_xml(fmt):
    import xml.dom.minidom
    quads = [ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("https://schema.org/name"),
                     ox.Literal(v), ox.NamedNode("urn:g"))
             for i, v in enumerate(HOSTILE_NAMES + ["nul\x00", "bell\x07", "\ufffe\uffff", "ff\x0c"])]
    quads.append(ox.Quad(ox.NamedNode("urn:s0"), ox.NamedNode("urn:p"), ox.NamedNode("urn:s1"),
                         ox.NamedNode("urn:g")))
    xml.dom.minidom.parseString(export_quads(quads, fmt))


@given(st.text(min_size=1))
@settings(max_examples=100)
def test_csv_export_round_trips_any_literal(s):
    q = [ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal(s), ox.NamedNode("urn:g"))]
    assert list(map(str, import_bytes(export_quads(q, "csv"), "csv"))) == list(map(str, q))


# --- injection: SERVICE in a user's saved query -------------------------------------------

class _Counter(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802
        type(self).hits += 1
        self.send_response(500)
        self.end_headers()

    do_POST = do_GET  # noqa: N815

    def log_message(self, *a):
        pass


@pytest.fixture()
def counter():
    srv = http.server.HTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    _Counter.hits = 0
    yield f"http://127.0.0.1:{srv.server_address[1]}/sparql"
    srv.shutdown()
    srv.server_close()


H = "# title: t\n# description: d\n"

SERVICE_HIDDEN = [
    'SELECT * WHERE { ?s ?p ?o . FILTER(?o != """\n""") SERVICE <URL> { ?s ?p ?o } }',
    'SELECT * WHERE { ?s ?p ?o FILTER(?o != """x\n# """) SERVICE <URL> { ?s ?p ?o } }',
    'SELECT * WHERE {\n# a comment\n  SERVICE\n<URL> { ?s ?p ?o } }',
    'SELECT * WHERE { OPTIONAL { service silent <URL> { ?s ?p ?o } } }',
    'SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <URL> { ?s ?p ?o } } }',
    'SELECT * WHERE { { SELECT ?s WHERE { SERVICE <URL> { ?s ?p ?o } } } }',
    'PREFIX e: <URL>\nSELECT * WHERE { SERVICE e: { ?s ?p ?o } }',
]


@pytest.mark.parametrize("body", SERVICE_HIDDEN)
def test_service_is_refused_on_the_parsed_query_without_a_request(counter, tmp_path, capsys, body):
    d = tmp_path / "q"
    d.mkdir()
    (d / "mine.rq").write_text(H + body.replace("URL", counter), encoding="utf-8")
    with pytest.raises(QueryError, match="SERVICE|syntax"):
        parse_rq((d / "mine.rq").read_text(), "mine", str(d / "mine.rq"))
    assert main(["query", "--list", "--queries-dir", str(d)]) == 0
    assert "mine.rq" in capsys.readouterr().err
    assert _Counter.hits == 0


@pytest.mark.parametrize("body", [
    'SELECT ?s WHERE { ?s ?p "Food Service Corp" }',
    'SELECT ?s WHERE { ?s ?p ?o FILTER(CONTAINS(?o, "LOAD-BEARING WALLS LLC")) }',
    'SELECT ?s WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/> is not called',
    'SELECT ?s WHERE { ?s <urn:SERVICE> ?o FILTER(?o = "load") }',
    'SELECT ?s WHERE { ?s ?p ?o FILTER(?o = """\nSERVICE <http://127.0.0.1:9/> { ?s ?p ?o }\n""") }',
    'SELECT ?service ?load WHERE { ?service ?load ?o }',
])
def test_words_in_strings_and_comments_are_allowed(counter, tmp_path, body):
    d = tmp_path / "q"
    d.mkdir()
    (d / "mine.rq").write_text(H + body, encoding="utf-8")
    reg = Registry([d])
    assert "mine" in reg and not reg.errors
    kg = KnowledgeGraph(None, queries_dirs=[d])
    kg.store.put(case_extraction("a", docket="1:23-cv-01820"), text=TEXT, path="/a")
    kg.query("mine")
    kg.sparql(body)
    assert _Counter.hits == 0


#: text that tries to make the check and the engine read a query differently
DESYNC = [
    'SELECT * WHERE { ?s ?p ?o FILTER(?o != """x\n# """) SERVICE <URL> { ?s ?p ?o } FILTER(?o != """\n""") }',
    "SELECT * WHERE { ?s ?p ?o FILTER(?o != '''x\n# ''') SERVICE <URL> { ?s ?p ?o } FILTER(?o != '''\n''') }",
    'SELECT * WHERE { ?s ?p ?o FILTER(?o != "a\\"# ") SERVICE <URL> { ?s ?p ?o } }',
    'SELECT * WHERE { ?s <urn:a#b> ?o SERVICE <URL> { ?s ?p ?o } }',
    'SELECT * WHERE { ?s ?p ?o FILTER(?o != "\\u0022 # ") SERVICE <URL> { ?s ?p ?o } }',
    'SELECT * WHERE { ?s ?p ?o # "\nSERVICE <URL> { ?s ?p ?o } }',
    'SELECT * WHERE { ?s ?p ?o FILTER(?o != """a""""") SERVICE <URL> { ?s ?p ?o } }',
    'SELECT * WHERE { VALUES ?x { "#" } SERVICE <URL> { ?s ?p ?o } }',
    'SELECT * WHERE { ?s ?p ?o FILTER(?o != """x\n#""") SERVICE <URL> { ?s ?p ?o } }',
    "SELECT * WHERE { ?s ?p ?o FILTER(?o != 'x#') SERVICE <URL> { ?s ?p ?o } }",
]


@pytest.mark.parametrize("body", DESYNC)
def test_the_check_and_the_engine_agree(counter, body):
    """Whatever the check lets through sends no request when the engine runs it."""
    text = body.replace("URL", counter)
    try:
        parse_rq(H + text, "u", "u.rq")
    except QueryError:
        return  # refused: never run
    with contextlib.suppress(Exception):
        list(ox.Store().query(text))
    assert _Counter.hits == 0


def test_ad_hoc_service_is_refused_without_a_request(counter):
    kg = KnowledgeGraph(None)
    for body in SERVICE_HIDDEN:
        with pytest.raises(QueryError, match="SERVICE|syntax"):
            kg.sparql(body.replace("URL", counter))
    assert _Counter.hits == 0


def test_user_query_with_an_unknown_function_is_reported_at_load(tmp_path):
    with pytest.raises(QueryError, match="unknown function"):
        parse_rq(H + "SELECT ?x WHERE { BIND(<http://127.0.0.1:9/f>(1) AS ?x) }", "u", "u.rq")


@pytest.mark.slow  # a second or more: outside the fast loop
def test_built_in_queries_pass_the_user_rules():
    """The shipped queries are held to the rules a user's file meets (no SERVICE,
    only the store's functions), checked here instead of at every start."""
    from importlib import resources
    for entry in (resources.files("docketgraph.queries") / "saved").iterdir():
        if entry.name.endswith(".rq"):
            parse_rq(entry.read_text(encoding="utf-8"), entry.name[:-3], f"user/{entry.name}")


# --- tracebacks instead of one clear line ------------------------------------------------

def _pairs():
    reg = Registry()
    return [(q.name, p.name) for q in reg.all() for p in q.params]


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    loc = tmp_path_factory.mktemp("small") / "store"
    store = GraphStore(str(loc))
    store.put(case_extraction("a", docket="1:23-cv-01820"), text=TEXT, path="/a")
    store.refresh_summaries()
    store.close()
    return str(loc)


@pytest.mark.slow  # a second or more: outside the fast loop
def test_every_parameter_refuses_bytes_that_are_not_utf8(small_store, capsys):
    pairs = _pairs()
    assert len(pairs) >= 20
    for name, param in pairs:
        assert main(["query", name, "-p", param, "caf\udce9", "--store", small_store]) == 1, name
        err = capsys.readouterr().err
        assert err.startswith("Error: ") and err.count("\n") == 1, (name, param, err)
        assert "not valid UTF-8" in err


def test_a_parameter_name_that_is_not_utf8(small_store, capsys):
    assert main(["query", "firms-before-judges", "-p", "co\udcffurt", "x", "--store", small_store]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "\\udcff" in err or "\\xff" in err


class _Lazy:
    """An engine answer whose rows fail part way, as a lazily evaluated query can."""

    def __init__(self, exc):
        self.exc = exc

    def __iter__(self):
        yield ox.Triple(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:c"))
        raise self.exc


@pytest.mark.parametrize("exc, kind", [
    (RuntimeError("Corruption: block checksum mismatch"), QueryError),
    (ValueError("bad value"), QueryError),
    (OSError(5, "Input/output error"), StoreError),
    (SyntaxError("bad results"), QueryError),
])
def test_errors_while_iterating_are_mapped(exc, kind):
    store = GraphStore(None)

    class Engine:
        def query(self, *a, **k):
            return _Lazy(exc)

    store._store = Engine()
    with pytest.raises(kind):
        store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")


@pytest.mark.parametrize("exc", [ValueError("no"), RuntimeError("no"), KeyError("no"), ZeroDivisionError()])
def test_a_custom_function_failing_while_iterating(exc):
    store = GraphStore(None)
    store.put(case_extraction("a", docket="1:23-cv-01820"), text=TEXT, path="/a")

    def boom(x):
        raise exc
    try:  # the engine takes a failing function for an unbound value, or reports it
        store.query("SELECT ?y WHERE { ?s ?p ?o BIND(<urn:f>(?o) AS ?y) }",
                    custom_functions={ox.NamedNode("urn:f"): boom})
    except DocketGraphError:
        pass


def _damage(loc: str) -> None:
    for name in os.listdir(loc):
        if name.endswith(".sst"):
            p = os.path.join(loc, name)
            b = bytearray(open(p, "rb").read())
            for i in range(50, len(b) - 50, 61):
                b[i] ^= 0xFF
            open(p, "wb").write(bytes(b))


@pytest.mark.parametrize("args", [
    ["stats"], ["query", "firms-before-judges"], ["entities"], ["export", "--format", "nq", "-o", "-"],
    ["sparql", "SELECT * WHERE { ?s ?p ?o }"],
])
def test_a_damaged_store_is_one_line(tmp_path, capsys, args):
    loc = str(tmp_path / "store")
    store = GraphStore(loc)
    for i in range(3):
        store.put(case_extraction(f"d{i}", docket=f"1:23-cv-0182{i}"), text=TEXT, path=f"/d{i}")
    store.close()
    _damage(loc)
    assert main(args + ["--store", loc]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and err.count("\n") == 1 and "Traceback" not in err


def test_a_folder_of_user_files_is_refused_as_a_store(tmp_path, capsys):
    d = tmp_path / "documents"
    d.mkdir()
    (d / "LOG").write_text("my log")
    (d / "notes.txt").write_text("notes")
    before = sorted(os.listdir(d))
    for args in (["ingest", str(tmp_path / "nothing.txt")], ["stats"], ["query", "firms-before-judges"]):
        assert main(args + ["--store", str(d)]) == 1
        err = capsys.readouterr().err
        assert "not a docketgraph store" in err and "Traceback" not in err
    assert sorted(os.listdir(d)) == before and (d / "LOG").read_text() == "my log"
    (tmp_path / "afile").write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        GraphStore(str(tmp_path / "afile"))
    empty = tmp_path / "empty"
    empty.mkdir()
    GraphStore(str(empty)).close()  # a new or empty folder is fine
    GraphStore(str(empty)).close()  # and then it is a store


@pytest.mark.parametrize("target", ["under-a-file", "too-long", "a-folder"])
def test_output_that_cannot_be_written_is_one_line(small_store, tmp_path, capsys, target):
    (tmp_path / "file.txt").write_text("x")
    out = {"under-a-file": str(tmp_path / "file.txt" / "out.nq"),
           "too-long": str(tmp_path / ("n" * 300 + ".nq")),
           "a-folder": str(tmp_path)}[target]
    for args in (["export", "--format", "nq", "-o", out], ["view", "firms-before-judges", "-o", out]):
        rc = main(args + ["--store", small_store])
        err = capsys.readouterr().err
        assert rc in (1, 2) and "Traceback" not in err  # 2: click's usage error
        assert rc == 2 or (err.startswith("Error: ") and err.count("\n") == 1)


def test_output_through_special_files(small_store, tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()), daemon=True)
    reader.start()
    with time_limit(30):
        assert main(["export", "--format", "nq", "-o", str(fifo), "--store", small_store]) == 0
    reader.join(10)
    assert fifo.is_fifo() and got and got[0]
    assert main(["export", "--format", "nq", "-o", "/dev/null", "--store", small_store]) == 0
    assert main(["view", "firms-before-judges", "-o", "/dev/null", "--store", small_store]) == 0
    assert Path("/dev/null").is_char_device()
    r = subprocess.run([sys.executable, "-m", "docketgraph.queries.cli", "export", "--format", "nq",
                        "-o", "/proc/self/fd/1", "--store", small_store],
                       capture_output=True, timeout=120)
    assert r.returncode == 0 and b"<" in r.stdout, r.stderr


@pytest.mark.parametrize("content, message", [
    ('[["A LLP", "B LLP"]]', "top level is a JSON list"),
    ('{"merge": {"firm": [["A LLP", "B LLP", "C LLP"]]}}', "pair of two names"),
    ('{"merge": {"firm": [["A LLP", 5]]}}', "pair of two names"),
    ('{"forbid": {"attorney": [[null, "B"]]}}', "pair of two names"),
    ('{"merge": {"firm": "A LLP"}}', "list of pairs"),
    ('{"merge": [["A", "B"]]}', "object of kinds"),
    ('{"merges": {}}', "unknown section"),
    ("[" * 100_000 + "]" * 100_000, "aliases file"),
    ("{not json", "aliases file"),
    ('"just a string"', "top level is a JSON str"),
])
def test_bad_aliases_files_are_one_line_before_any_work(tmp_path, capsys, content, message):
    a = tmp_path / "aliases.json"
    a.write_text(content, encoding="utf-8")
    with pytest.raises(BadInput, match=message):
        Aliases.load(a)
    f = tmp_path / "a.txt"
    f.write_text(FILING, encoding="utf-8")
    assert main(["ingest", str(f), "--aliases", str(a), "--store", str(tmp_path / "s"), "-q"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and err.count("\n") == 1
    assert not (tmp_path / "s").exists()


# --- data loss and wrong output -------------------------------------------------------------

def test_a_store_failing_mid_ingest_keeps_the_report(tmp_path, capsys, monkeypatch):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(3):
        (d / f"f{i}.txt").write_text(FILING.replace("05555", f"0555{i}"), encoding="utf-8")
    calls = {"n": 0}

    def failing(real):
        def write(self, *a, **k):
            calls["n"] += 1
            if calls["n"] > 1:
                raise StoreError("store write failed: No space left on device")
            return real(self, *a, **k)

        return write

    # one transaction, or a batch through the bulk loader (an on-disk store)
    monkeypatch.setattr(GraphStore, "_write", failing(GraphStore._write))
    monkeypatch.setattr(GraphStore, "_load_batch", failing(GraphStore._load_batch))
    monkeypatch.setattr(GraphStore, "refresh_summaries",
                        lambda self, progress=None: (_ for _ in ()).throw(StoreError("disk full")))
    monkeypatch.setattr(ingesting, "BATCH", 1)  # one transaction per document
    store = str(tmp_path / "store")
    assert main(["ingest", str(d), "--store", store, "-q", "-j", "1"]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "1 new" in err and "2 failed" in err
    assert "summaries not rebuilt" in err and "Traceback" not in err


@pytest.mark.parametrize("fail_from", [1, 2])
def test_a_batch_the_store_cannot_write_fails_every_file_in_it(tmp_path, capsys, monkeypatch, fail_from):
    """Documents written a batch per transaction: the files of a batch the store could not
    write are reported failed (never counted new), the others new, and the store holds
    exactly the ones reported new."""
    d = tmp_path / "in"
    d.mkdir()
    for i in range(5):
        (d / f"f{i}.txt").write_text(FILING.replace("05555", f"0555{i}"), encoding="utf-8")
    calls = {"n": 0}

    def failing(real):
        def write(self, *a, **k):
            calls["n"] += 1
            if calls["n"] >= fail_from:
                raise StoreError("store write failed: No space left on device")
            return real(self, *a, **k)

        return write

    # one transaction, or a batch through the bulk loader (an on-disk store)
    monkeypatch.setattr(GraphStore, "_write", failing(GraphStore._write))
    monkeypatch.setattr(GraphStore, "_load_batch", failing(GraphStore._load_batch))
    monkeypatch.setattr(ingesting, "BATCH", 2)
    store = str(tmp_path / "store")
    assert main(["ingest", str(d), "--store", store, "-q", "-j", "1"]) == 1
    err = capsys.readouterr().err
    stored = 2 * (fail_from - 1)
    assert f"{stored} new" in err and f"{5 - stored} failed" in err and "No space left on device" in err
    monkeypatch.undo()
    assert len(GraphStore(store, read_only=True).named_graphs()) == stored


@pytest.mark.slow  # a second or more: outside the fast loop
def test_sparql_limit_and_timeout(small_store, capsys):
    assert main(["sparql", "SELECT ?s WHERE { ?s ?p ?o }", "--limit", "2", "--store", small_store,
                 "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    values = "{" + " ".join(str(i) for i in range(60)) + "}"
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"VALUES ?v{i} {values}" for i in range(6)) + " }")
    t0 = time.monotonic()
    with time_limit(60):
        assert main(["sparql", slow, "--timeout", "1", "--store", small_store]) == 1
    assert time.monotonic() - t0 < 30
    err = capsys.readouterr().err
    assert "took longer than 1s" in err and err.count("\n") == 1


def test_workers_die_with_their_parent(tmp_path):
    """kill -9 of the ingesting process leaves no worker behind."""
    script = tmp_path / "parent.py"
    script.write_text(
        "import os, sys, time\n"
        "from docketgraph.queries import workers\n"
        "def slow(path):\n"
        "    time.sleep(600)\n"
        "    return workers.Outcome(path)\n"
        "for o in workers.run(['a', 'b'], jobs=2, func=slow, timeout=600):\n"
        "    pass\n", encoding="utf-8")
    p = subprocess.Popen([sys.executable, str(script)])
    try:
        deadline = time.monotonic() + 60
        kids: list[int] = []
        while time.monotonic() < deadline and len(kids) < 2:
            time.sleep(0.2)
            try:
                kids = [int(x) for x in Path(f"/proc/{p.pid}/task/{p.pid}/children").read_text().split()]
            except OSError:
                kids = []
        assert len(kids) == 2
    finally:
        p.kill()
        p.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{k}") and
                                              "Z" not in _state(k) for k in kids):
        time.sleep(0.2)
    assert all(not os.path.exists(f"/proc/{k}") or "Z" in _state(k) for k in kids)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return "Z"


@pytest.mark.parametrize("target", ["fifo", "/dev/zero", "/dev/null", "/dev/urandom"])
def test_extract_refuses_special_files_without_reading(tmp_path, capsys, target):
    path = tmp_path / "special.txt"
    if target == "fifo":
        os.mkfifo(path)
    elif os.path.exists(target):
        os.symlink(target, path)
    else:
        pytest.skip(f"{target} missing")
    with time_limit(30):
        assert main(["extract", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "not a regular file" in err and err.count("\n") == 1


@pytest.mark.parametrize("body", [
    "SELECT * WHERE { \\u0053ERVICE <URL> { ?s ?p ?o } }",
    "SELECT * WHERE { SERV\\u0049CE <URL> { ?s ?p ?o } }",
    "SELECT * WHERE { \\U00000053ERVICE <URL> { ?s ?p ?o } }",
    'SELECT * WHERE { ?s ?p "\\u0022 . SERVICE <URL> { ?s ?p ?o } #" }',
    "SELECT * WHERE { ?s ?p ?o } # \\u000A SERVICE <URL> { }",
])
def test_escaped_keywords_are_refused_for_every_engine(counter, body):
    """SPARQL lets an engine decode \\u escapes before parsing, so a server might read
    SERVICE where the text has none: such a text is checked, and refused."""
    text = body.replace("URL", counter)
    with pytest.raises(QueryError):
        KnowledgeGraph(None).sparql(text)
    with pytest.raises(QueryError):
        parse_rq(H + text, "u", "u.rq")
    assert _Counter.hits == 0
