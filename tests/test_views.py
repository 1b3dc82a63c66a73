"""HTML views: self-contained, offline, escaped."""
from __future__ import annotations

import re

from docketgraph.queries.api import KnowledgeGraph
from docketgraph.queries.views import safe_filename
from factories import TEXT, case_extraction

HOSTILE = "<img src=x onerror=alert(1)>"


def _view(tmp_path, **kw):
    g = KnowledgeGraph(None)
    g.store.put(case_extraction("a", docket="1:23-cv-01820", firm=HOSTILE + " LLP", **kw), text=TEXT, path="/a")
    out = g.view("firms-before-judges", tmp_path / "v.html")
    return out.read_text(encoding="utf-8")


def test_view_is_self_contained(tmp_path):
    html = _view(tmp_path)
    assert "vis.Network" in html
    assert not re.search(r"<(script|link)[^>]+(src|href)=", html)
    for host in ("cdnjs", "jsdelivr", "unpkg", "bootstrapcdn", "googleapis"):
        assert host not in html
    assert "Content-Security-Policy" in html


def test_hostile_names_are_escaped(tmp_path):
    html = _view(tmp_path)
    assert HOSTILE not in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html


def test_caption_says_how_it_was_made(tmp_path):
    html = _view(tmp_path)
    assert "Query: firms-before-judges" in html


def test_safe_filename():
    names = ["../../x", "/abs", "CON", "x" * 300, "漢" * 100, "a\x00b", "\u202eevil", "．．／"]
    outs = [safe_filename(n) for n in names]
    assert len(set(outs)) == len(outs)
    for o in outs:
        assert re.fullmatch(r"[A-Za-z0-9._-]+", o) and len(o) <= 80 and "/" not in o and ".." not in o
