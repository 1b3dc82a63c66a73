"""Imports and outputs under hostile input: nothing fetched, nothing runaway, nothing outside."""
from __future__ import annotations

import http.server
import json
import os
import threading
import time

import pytest

from docketgraph.graph.errors import BadInput, BadParameter, DocketGraphError, UnsupportedFormat
from docketgraph.graph.exchange import import_bytes
from docketgraph.queries.api import KnowledgeGraph
from factories import TEXT, case_extraction


class _Counter(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802
        type(self).hits += 1
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.end_headers()
        self.wfile.write(b'{"@context": {"name": "http://schema.org/name"}}')

    def log_message(self, *a):
        pass


@pytest.fixture()
def loopback():
    srv = http.server.HTTPServer(("127.0.0.1", 0), _Counter)
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    t.start()
    _Counter.hits = 0
    yield f"http://127.0.0.1:{srv.server_address[1]}/ctx.jsonld"
    srv.shutdown()


@pytest.mark.parametrize("ctx", ["LOOPBACK", "/dev/zero", "file:///etc/passwd", ["LOOPBACK"],
                                 {"@import": "LOOPBACK"}])
def test_jsonld_contexts_are_refused_without_any_request(loopback, ctx):
    ctx = json.loads(json.dumps(ctx).replace("LOOPBACK", loopback))
    doc = {"@context": ctx, "@id": "urn:a", "name": "x"}
    t0 = time.monotonic()
    with pytest.raises(BadInput):
        import_bytes(json.dumps(doc).encode(), "jsonld")
    assert time.monotonic() - t0 < 5
    assert _Counter.hits == 0


def test_deeply_nested_turtle_is_reported_quickly():
    data = ("@prefix p: <urn:p:> . <urn:s> p:p " + "[ p:p " * 5000 + "<urn:o>" + " ]" * 5000 + " .").encode()
    t0 = time.monotonic()
    try:
        quads = import_bytes(data, "ttl")
    except DocketGraphError:
        quads = None
    assert time.monotonic() - t0 < 10
    assert quads is None or len(quads) == 5001


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="urn:a">
<rdf:value>&lol4;</rdf:value></rdf:Description></rdf:RDF>"""


@pytest.mark.parametrize("fmt", ["rdfxml", "xml"])
def test_rdf_xml_with_entities_is_refused(fmt):
    t0 = time.monotonic()
    with pytest.raises((UnsupportedFormat, BadInput)):
        import_bytes(BILLION_LAUGHS, fmt)
    assert time.monotonic() - t0 < 1


@pytest.mark.parametrize("params", [{"from": "2023-05-01", "to": "2023-01-01"},
                                    {"from": "2021-13-45"}, {"to": "yesterday"}])
def test_bad_date_ranges_name_the_parameter(params):
    kg = KnowledgeGraph(None)
    with pytest.raises(BadParameter, match="from|to"):
        kg.query("firms-before-judges", **params)


def test_view_does_not_follow_a_planted_symlink(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    kg = KnowledgeGraph(None)
    kg.store.put(case_extraction("a", docket="1:23-cv-01820"), text=TEXT, path="/a")
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    first = kg.view("firms-before-judges")
    assert first.resolve().parent == (tmp_path / "output").resolve()
    first.unlink()
    os.symlink(outside, first)
    again = kg.view("firms-before-judges")
    assert again == first and not again.is_symlink()
    assert outside.read_text() == "keep me"
