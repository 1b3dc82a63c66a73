"""A SPARQL 1.1 server as the store (``--store http(s)://host/...``).

The backend speaks the SPARQL 1.1 query and update protocols and offers the few store
operations GraphStore needs, so every saved query runs unchanged on the embedded store
and on a server (Oxigraph server, Apache Jena Fuseki, GraphDB, Virtuoso, Amazon Neptune).

Parameters cannot travel as engine substitutions over the protocol, so they are sent as
a trailing ``VALUES`` block whose terms are written by pyoxigraph (escaped and validated
N-Triples forms): the user's value is data inside a term, never query syntax. Documents
keep their own named graphs, and their triples are also kept, de-duplicated, in the
default graph that queries read (as on the embedded store), so no server setting is needed.

Locations: ``http://host:7878`` (Oxigraph: ``/query`` and ``/update`` are appended), or
explicit endpoints ``http://host/ds/query`` — the update endpoint is then the same URL
with its last segment replaced by ``update``.
"""

from __future__ import annotations

import http.client
import json
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from docketgraph.graph.errors import QueryError, StoreError
from docketgraph.graph.summaries import SUMMARY_GRAPH
from docketgraph.graph.updates import data_block

#: seconds one whole request may take (connecting, sending, every byte of the answer)
TIMEOUT = 120.0
#: seconds one read may wait for the next bytes
READ_TIMEOUT = 60.0
#: the largest answer read from a server, in bytes
MAX_RESPONSE_BYTES = 1024**3


def endpoints(url: str) -> tuple[str, str]:
    u = url.rstrip("/")
    if u.endswith(("/query", "/sparql")):
        return u, u.rsplit("/", 1)[0] + "/update"
    return u + "/query", u + "/update"


class HttpBackend:
    """The subset of pyoxigraph.Store's interface that GraphStore uses, over HTTP."""

    def __init__(self, url: str, union_param: bool = False):
        if not url.startswith(("http://", "https://")):
            raise StoreError(f"not an http(s) URL: {url}")
        self.url = url
        self.query_url, self.update_url = endpoints(url)
        self.union_param = union_param
        #: seconds one whole request may take
        self.timeout = TIMEOUT
        # fail early with a clear message when nothing answers
        self.query("ASK { ?s ?p ?o }")  # and its answer must be SPARQL results

    # --- protocol ------------------------------------------------------------------
    def _post(self, url: str, body: str, ctype: str, accept: str | None = None) -> bytes:
        data, _ = self._request(url, body, ctype, accept)
        return data

    def _request(self, url: str, body: str, ctype: str, accept: str | None = None) -> tuple[bytes, str]:
        """POST ``body``; the answer's bytes and content type.

        The whole request (connecting, headers, body) has ``TIMEOUT`` seconds: a watchdog
        shuts the socket at the deadline, so a server that answers a byte at a time is
        cut off; the body is read up to ``MAX_RESPONSE_BYTES``; a redirect is refused
        (the store is the URL given, never another host)."""
        if self.union_param and url == self.query_url:
            url = url + "?union-default-graph"
        u = urllib.parse.urlsplit(url)
        conn_cls = http.client.HTTPSConnection if u.scheme == "https" else http.client.HTTPConnection
        limit = getattr(self, "timeout", TIMEOUT)
        deadline = time.monotonic() + limit
        conn = conn_cls(u.hostname or "", u.port, timeout=min(limit, READ_TIMEOUT))
        expired = threading.Event()
        held: list[socket.socket] = []  # the connection forgets its socket once the answer starts

        def cut() -> None:
            expired.set()
            for sock in held:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

        watchdog = threading.Timer(limit, cut)
        watchdog.daemon = True
        watchdog.start()
        try:
            path = (u.path or "/") + (f"?{u.query}" if u.query else "")
            conn.connect()
            if conn.sock is not None:
                held.append(conn.sock)
            if expired.is_set():
                cut()
            conn.request(
                "POST",
                path,
                body=body.encode("utf-8"),
                headers={"Content-Type": ctype + "; charset=utf-8", **({"Accept": accept} if accept else {})},
            )
            resp = conn.getresponse()
            if 300 <= resp.status < 400:
                where = resp.getheader("Location", "")[:200]
                raise StoreError(
                    f"SPARQL server {self.url} redirected the request to {where!r}; "
                    "redirects are not followed (give the final URL as --store)"
                )
            if resp.status >= 400:
                detail = resp.read(2000).decode("utf-8", "replace").strip()
                if 400 <= resp.status < 500:
                    raise QueryError(f"SPARQL server refused the request ({resp.status}): {detail}")
                raise StoreError(f"SPARQL server error {resp.status} at {url}: {detail}")
            chunks, size = [], 0
            while True:
                chunk = resp.read(1 << 16)
                if not chunk:
                    break
                size += len(chunk)
                if size > MAX_RESPONSE_BYTES:
                    raise StoreError(
                        f"SPARQL server {self.url} sent more than "
                        f"{MAX_RESPONSE_BYTES:,} bytes; stopped reading"
                    )
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    expired.set()
                    break
            if expired.is_set():
                raise OSError("deadline")
            return b"".join(chunks), (resp.getheader("Content-Type") or "").split(";")[0].strip()
        except (http.client.HTTPException, OSError, ValueError) as e:
            if expired.is_set():
                raise StoreError(
                    f"SPARQL server {self.url} did not answer within {limit:g}s (the whole request); stopped"
                ) from None
            raise StoreError(f"cannot reach SPARQL server {self.url}: {e}") from None
        finally:
            watchdog.cancel()
            conn.close()

    @staticmethod
    def _prologue(prefixes: dict[str, str] | None) -> str:
        return "".join(f"PREFIX {k}: <{v}>\n" for k, v in (prefixes or {}).items())

    @staticmethod
    def values_block(subs: dict[ox.Variable, Any]) -> str:
        if not subs:
            return ""
        names = " ".join(str(v) for v in subs)
        terms = " ".join(str(t) for t in subs.values())  # pyoxigraph's escaped N-Triples forms
        return f"\nVALUES ({names}) {{ ({terms}) }}\n"

    @staticmethod
    def inline_functions(sparql: str, functions: dict) -> str:
        """Replace calls of the saved queries' parameter functions (``dg:param("x")``,
        ``dg:given("x")``, ``dg:noDates()``, ``dg:within(?v)``) by the terms they return,
        written by pyoxigraph, so the query runs on a server without custom functions."""
        by_name = {k.value.rsplit("#", 1)[-1]: f for k, f in functions.items()}
        unknown = [n for n in by_name if n not in ("param", "given", "noDates", "within")]
        if unknown:
            raise StoreError(f"custom functions {unknown} are not available on a SPARQL server")

        def call(name: str, arg: str | None) -> str:
            term = by_name[name](ox.Literal(arg)) if arg is not None else by_name[name]()
            return str(term) if term is not None else "?__unbound_parameter"

        s = re.sub(
            r'dg:(param|given)\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)',
            lambda m: call(m.group(1), m.group(2)),
            sparql,
        )
        s = re.sub(r"dg:noDates\(\s*\)", lambda m: call("noDates", None), s)

        def within(m: re.Match) -> str:
            var = m.group(1)
            lo, hi = getattr(by_name.get("within"), "bounds", (None, None))
            parts = [
                f"({var} >= {lo})" if lo is not None else "true",
                f"({var} <= {hi})" if hi is not None else "true",
            ]
            # like the embedded function: an unbound date is an error (COALESCE moves on)
            return f"IF(BOUND({var}), ({' && '.join(parts)}), ?__unbound_parameter)"

        s = re.sub(r"dg:within\(\s*(\?[A-Za-z_][A-Za-z0-9_]*)\s*\)", within, s)
        if "dg:within(" in s or "dg:param(" in s or "dg:given(" in s:
            raise StoreError("a parameter function call could not be rewritten for the server")
        return s

    def query(
        self,
        sparql: str,
        *,
        prefixes=None,
        use_default_graph_as_union=True,
        substitutions=None,
        custom_functions=None,
    ):
        if custom_functions:
            sparql = self.inline_functions(sparql, custom_functions)
        text = self._prologue(prefixes) + sparql + self.values_block(substitutions or {})
        data, ctype = self._request(
            self.query_url,
            text,
            "application/sparql-query",
            "application/sparql-results+json, application/n-triples;q=0.5",
        )
        try:
            if ctype in ("application/n-triples", "text/plain") or (
                not ctype and not data.lstrip().startswith(b"{")
            ):
                return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
            if "json" in ctype or not ctype:
                doc = json.loads(data)  # whole and well-formed before pyoxigraph reads it lazily
                if not isinstance(doc, dict) or not ("boolean" in doc or "results" in doc):
                    raise ValueError("a JSON document without 'results' or 'boolean'")
                return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError, RecursionError) as e:
            raise StoreError(
                f"SPARQL server {self.url} answered something that is not SPARQL "
                f"results ({ctype or 'no content type'}): {' '.join(str(e).split())[:160]}"
            ) from None
        head = data[:60].decode("utf-8", "replace")
        raise StoreError(f"SPARQL server {self.url} answered {ctype!r}, not SPARQL results: {head!r}")

    def update(self, text: str) -> None:
        self._post(self.update_url, text, "application/sparql-update")

    # --- store operations ------------------------------------------------------------
    def _select(self, sparql: str) -> list[dict]:
        res = self.query(sparql, use_default_graph_as_union=False)
        cols = [v.value for v in res.variables]
        return [{c: s[c] for c in cols} for s in res]

    def quads_for_pattern(self, s, p, o, g) -> Iterable[ox.Quad]:
        def part(term, var):
            return str(term) if term is not None else f"?{var}"

        gq = f"GRAPH {part(g, 'g')}" if g is not None else "GRAPH ?g"
        q = f"SELECT * WHERE {{ {gq} {{ {part(s, 's')} {part(p, 'p')} {part(o, 'o')} }} }}"
        for row in self._select(q):
            yield ox.Quad(row.get("s") or s, row.get("p") or p, row.get("o") or o, row.get("g") or g)

    def contains_named_graph(self, g: ox.NamedNode) -> bool:
        return bool(self.query(f"ASK {{ GRAPH {g} {{ ?s ?p ?o }} }}", use_default_graph_as_union=False))

    def named_graphs(self) -> Iterable[ox.NamedNode]:
        return [r["g"] for r in self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")]

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        body = data_block(quads, default_copies=False)  # callers pass the copies themselves
        if body:
            self.update("INSERT DATA { " + body + " }")

    def __len__(self) -> int:
        rows = self._select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"].value) if rows else 0

    def dump(self, format=None, **kw) -> bytes:
        # each document's named graph and the default graph, as the embedded store dumps
        # them; the summaries are derived data: not exported
        rows = self._select(
            "SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION "
            f"{{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{SUMMARY_GRAPH}>) }} }}"
        )
        quads = [
            ox.Quad(r["s"], r["p"], r["o"], r["g"] if r.get("g") is not None else ox.DefaultGraph())
            for r in rows
        ]
        fmt = format or ox.RdfFormat.N_QUADS
        if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE):
            return (
                ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=fmt) or b""
            )
        return ox.serialize(quads, format=fmt) or b""

    def flush(self) -> None:
        pass
