"""The web app: pages over the KnowledgeGraph facade, a SPARQL endpoint, optional uploads.

Safe by construction:

- every value reaches HTML through Jinja2 with autoescape on; links are built from the
  store's own IRIs and document hashes (checked by the facade) and URL-quoted;
- request parameters reach the graph only as bound values of the facade's fixed queries
  and of saved queries' declared parameters; a user's SPARQL (``/sparql``) is read-only,
  refused with ``SERVICE``, and stopped after the time limit;
- request bodies are capped (forms and queries :attr:`Settings.max_body`, uploads
  :attr:`Settings.max_upload`); pages carry a Content-Security-Policy that allows only
  the app's own scripts and styles (nothing is fetched from the network);
- the app answers only to the names it is served under (loopback by default), so a
  page elsewhere whose name is made to point at this machine (DNS rebinding) reads
  nothing; an upload must come from the app's own page (Origin, Sec-Fetch-Site).
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from docketgraph.graph.errors import BadParameter, DocketGraphError, NotFound, QueryError, UnknownQuery
from docketgraph.graph.vocab import ID
from docketgraph.queries.display import csv_cell, json_text
from docketgraph.queries.web import charts, courts

#: the KnowledgeGraph facade (queries.api), which calls into this module to serve itself;
#: the pages use its methods only
Facade = Any
#: a facade's ``Result`` (rows as dicts, ``columns``, ``visible_columns``, ``query``)
Result = Any

#: the app's own pages: its scripts and styles only; graph views carry their own policy
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'"
)
STATIC = {"style.css": "text/css; charset=utf-8", "table.js": "text/javascript; charset=utf-8"}
KIND_LABELS = {
    "Case": "Cases",
    "Court": "Courts",
    "Judge": "Judges",
    "LawFirm": "Law firms",
    "Attorney": "Attorneys",
    "Party": "Parties",
    "Client": "Clients (brands represented)",
    "Platform": "Platforms",
    "Precedent": "Precedents cited",
    "Document": "Documents",
    "Appearance": "Appearances",
}
KIND_NAMES = {
    "Case": "Case",
    "Court": "Court",
    "Judge": "Judge",
    "LawFirm": "Law firm",
    "Attorney": "Attorney",
    "Party": "Party",
    "Platform": "Platform",
    "Precedent": "Precedent",
}
KIND_SLUGS = {
    "firm": "LawFirm",
    "judge": "Judge",
    "attorney": "Attorney",
    "party": "Party",
    "platform": "Platform",
    "case": "Case",
    "court": "Court",
    "precedent": "Precedent",
}
#: the charts the facade draws (queries.timeline and queries.charts), and their parameters
CHARTS = ("schedule-a-cases", "judges-for-firm", "firms-for-judge")
CHART_PARAMS = ("court", "firm", "judge", "from", "to")
_PY_PARAMS = {"from": "date_from", "to": "date_to"}
#: parameters whose values are names of stored entities of a kind
SUGGEST = {
    "firm": "firm",
    "judge": "judge",
    "court": "court",
    "attorney": "attorney",
    "plaintiff": "party",
    "platform": "platform",
}
#: the sections of an entity page, in order, by the entity's kind
SECTIONS = {
    "Judge": ["Court", "LawFirm", "Attorney", "Platform", "Party", "Judge", "Precedent"],
    "LawFirm": ["Attorney", "Judge", "Client", "Court", "Platform", "LawFirm", "Party", "Precedent"],
    "Attorney": ["LawFirm", "Judge", "Client", "Court", "Attorney", "Platform", "Party"],
    "Court": ["Judge", "LawFirm", "Attorney", "Platform", "Party", "Precedent"],
}
DEFAULT_SECTIONS = ["Court", "Judge", "LawFirm", "Attorney", "Client", "Party", "Platform", "Precedent"]
#: links by case IRIs up to this many; past it, by the entities of the row
MAX_CASE_IDS_IN_LINK = 100
MAX_LIST = 500
#: rows of one section of an entity page (the most cases first)
MAX_SECTION = 200
#: rows of a saved query's answer drawn as a table (the downloads hold every row)
MAX_TABLE_ROWS = 1000
#: characters of a document's text shown on its text page
MAX_TEXT = 2_000_000


LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


@dataclass
class Settings:
    """How the app runs: limits, and whether uploads are allowed."""

    allow_ingest: bool = False
    #: seconds a /sparql query may run (on a store folder, in a child process)
    query_timeout: float = 30.0
    #: bytes of a form or a query body
    max_body: int = 1 << 20
    #: bytes of an upload request (the ingest limit per file still applies to each file)
    max_upload: int = 64 << 20
    #: files per upload
    max_files: int = 20
    #: where uploaded filings are kept (the store records their paths)
    upload_dir: str = "docketgraph-uploads"
    #: rows of a SPARQL answer
    max_rows: int = 100_000
    #: seconds the home page's counts are kept before they are read again (0: never kept);
    #: an upload through the app forgets them at once
    cache_seconds: float = 60.0
    #: the names the app answers to (the Host header): a page of another site whose name
    #: is made to point at this machine (DNS rebinding) gets a 400, not the graph
    allowed_hosts: list[str] = field(default_factory=lambda: list(LOOPBACK))


class TooLarge(Exception):
    pass


class LimitBody:
    """Caps request bodies: a declared Content-Length past the limit is refused before
    reading; a body that streams past it stops the request (413)."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app, self.settings = app, settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.settings.max_upload if scope["path"] == "/upload" else self.settings.max_body
        for k, v in scope.get("headers") or []:
            if k == b"content-length":
                try:
                    too_big = int(v) > limit
                except ValueError:
                    too_big = True
                if too_big:
                    await PlainTextResponse(f"request body larger than {limit} bytes", 413)(
                        scope, receive, send
                    )
                    return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > limit:
                    raise TooLarge(f"request body larger than {limit} bytes")
            return msg

        await self.app(scope, limited, send)


class Headers:
    """Security headers on every answer; the CSP on the app's own HTML pages."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                headers = list(msg.get("headers") or [])
                names = {k.lower() for k, _ in headers}
                extra = [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),  # no address sent to other sites
                ]
                if b"content-security-policy" not in names and not scope["path"].startswith("/view/"):
                    extra.append((b"content-security-policy", CSP.encode()))
                if not scope["path"].startswith("/view/"):
                    extra.append((b"x-frame-options", b"SAMEORIGIN"))
                msg = dict(msg, headers=headers + [h for h in extra if h[0] not in names])
            await send(msg)

        await self.app(scope, receive, send_with)


# --- templates -----------------------------------------------------------------------


def _template_source(name: str) -> str:
    return (resources.files("docketgraph.queries.web") / "templates" / name).read_text(encoding="utf-8")


def entity_path(iri: Any) -> str:
    """The app's page of a stored entity IRI (a case's page for a case)."""
    s = str(iri or "")
    if not s.startswith(ID):
        return "/search?" + urlencode({"q": s[:200]})
    return "/entity/" + quote(s[len(ID) :], safe="/")


def cases_link(ids: list[str] | tuple[str, ...] = (), with_: list[str] | tuple[str, ...] = ()) -> str:
    """The page of the cases behind a count: by their IRIs (when there are not too many),
    with the entities they share (named on the page, and marked in its documents)."""
    pairs = [("id", i[len(ID) :]) for i in ids if str(i).startswith(ID)]
    if len(pairs) > MAX_CASE_IDS_IN_LINK:
        pairs = []
    pairs += [("with", i[len(ID) :]) for i in with_[:8] if str(i).startswith(ID)]
    return "/cases?" + urlencode(pairs)


def doc_link(sha: Any, entities: Any = None, *, text: bool = False) -> str:
    """A document's page (or its whole text), marking the entities one came from (one
    IRI or several)."""
    if isinstance(entities, str):
        entities = [entities]
    pairs = [("e", str(e)[len(ID) :]) for e in entities or () if str(e).startswith(ID)]
    base = f"/doc/{quote(str(sha), safe='')}" + ("/text" if text else "")
    return base + ("?" + urlencode(pairs) + "#hit" if pairs else "")


def text_link(sha: Any, entities: Any = None) -> str:
    return doc_link(sha, entities, text=True)


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_template_source),
        autoescape=True,  # every value escaped; nothing is marked safe from a filing
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["entity"] = entity_path
    env.filters["doc"] = doc_link
    env.filters["court"] = courts.court_label
    env.filters["kindlabel"] = lambda k: KIND_LABELS.get(str(k), str(k))
    env.filters["kindname"] = lambda k: KIND_NAMES.get(str(k), str(k))
    env.filters["cell"] = _cell
    env.globals["cases_link"] = cases_link
    env.globals["text_link"] = text_link
    env.globals["courtlistener"] = courts.courtlistener_url
    return env


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, (list, tuple)):
        return ", ".join(_cell(x) for x in v)
    s = str(v)
    return s if len(s) <= 2000 else s[:1999] + "…"


# --- the app ---------------------------------------------------------------------------


class WebApp:
    """The routes, over one KnowledgeGraph."""

    def __init__(self, kg: Facade, settings: Settings) -> None:
        self.kg = kg
        self.settings = settings
        self.env = _env()
        self.lock = threading.Lock()  # one ingest at a time
        self._home: tuple[float, dict] | None = None

    # helpers
    def page(self, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(allow_ingest=self.settings.allow_ingest, **ctx)
        return HTMLResponse(html, status_code=status)

    async def call(self, fn: Callable[..., Any], *a: Any, **kw: Any) -> Any:
        return await run_in_threadpool(fn, *a, **kw)

    # pages
    async def home(self, request: Request) -> Response:
        def work() -> dict:
            stats = self.kg.stats(quads=False)
            firms = self.kg.most_connected("firm", 10)
            judges = self.kg.most_connected("judge", 10)
            dates = self.kg.case_first_dates()
            return {
                "stats": stats,
                "firms": firms,
                "judges": judges,
                "chart": charts.cases_over_time(list(dates.values()), title="Cases by first filing"),
                "chart_src": self.chart_url("schedule-a-cases"),
                "queries": self.kg.saved_queries(),
            }

        cached = self._home
        if cached is not None and time.monotonic() - cached[0] < self.settings.cache_seconds:
            ctx = cached[1]
        else:
            ctx = await self.call(work)
            self._home = (time.monotonic(), ctx)
        return self.page("home.html", **ctx)

    async def search(self, request: Request) -> Response:
        q = request.query_params.get("q", "")[:200]
        kind = request.query_params.get("kind", "")
        if kind and kind not in KIND_SLUGS:
            raise HTTPException(400, f"unknown kind; known: {', '.join(KIND_SLUGS)}")
        hits = await self.call(self.kg.search, q, kind=kind or None, limit=50) if q.strip() else []
        return self.page("search.html", q=q, kind=kind, kinds=list(KIND_SLUGS), hits=hits)

    async def kind_list(self, request: Request) -> Response:
        slug = request.path_params["kind"]
        if slug not in KIND_SLUGS:
            raise HTTPException(404, "no such kind")
        rows = await self.call(lambda: self.kg.entities(slug).rows[:MAX_LIST])
        return self.page("kind.html", kind=KIND_SLUGS[slug], slug=slug, rows=rows, limit=MAX_LIST)

    async def entity(self, request: Request) -> Response:
        iri = ID + request.path_params["rest"]

        def work() -> dict:
            e = self.kg.entity_at(iri)
            related = self.kg.related(iri)
            case_ids = self.kg.cases_with([iri])
            cases = self.kg.cases(case_ids[:MAX_LIST])
            ctx: dict[str, Any] = {"e": e, "related": related, "cases": cases, "n_cases": len(case_ids)}
            if e.kind == "Case":
                # case-summary is asked by docket number (cases of one number in two courts
                # share its answer; the tables above it are by the case itself)
                summary = self.kg.query("case-summary", docket=cases[0]["docket"] if cases else e.name)
                ctx["summary"] = summary.rows
                ctx["names"] = {(k, d["name"]): d["id"] for k, ds in related.items() for d in ds}
                return ctx
            ctx["by_court"] = court_years(cases)
            order = SECTIONS.get(e.kind, DEFAULT_SECTIONS)
            ctx["sections"] = [
                (k, related[k][:MAX_SECTION], len(related[k])) for k in order if related.get(k)
            ]
            ctx["chart_src"] = (
                self.chart_url("judges-for-firm", firm=e.name)
                if e.kind == "LawFirm"
                else self.chart_url("firms-for-judge", judge=e.name)
                if e.kind == "Judge"
                else self.chart_url("schedule-a-cases", court=e.name)
                if e.kind == "Court"
                else None
            )
            dates = self.kg.case_first_dates()
            ctx["chart"] = charts.cases_over_time(
                [dates[c] for c in case_ids if c in dates], title=f"Cases of {e.name} by first filing"
            )
            return ctx

        ctx = await self.call(work)
        if ctx["e"].kind == "Case":
            return self.page("case.html", **ctx)
        return self.page("entity.html", **ctx)

    async def cases(self, request: Request) -> Response:
        ids = [ID + v for v in request.query_params.getlist("id")][:MAX_LIST]
        with_ = [ID + v for v in request.query_params.getlist("with")][:8]
        if not ids and not with_:
            raise HTTPException(400, "give the cases (id=) or the entities they share (with=)")

        def work() -> dict:
            found = list(ids) if ids else self.kg.cases_with(with_)
            names = []
            for w in with_:
                try:
                    names.append(self.kg.label(w))
                except NotFound:
                    pass
            return {
                "cases": self.kg.cases(found[:MAX_LIST]),
                "total": len(found),
                "with_": names,
                "focus": [n["id"] for n in names],
            }

        return self.page("cases.html", **(await self.call(work)))

    async def document(self, request: Request) -> Response:
        sha = request.path_params["sha"]
        focus = {ID + f for f in request.query_params.getlist("e")[:8] if f}

        def work() -> dict:
            d = self.kg.document(sha)
            cases = self.kg.cases(d["cases"])
            return {"d": d, "cases": cases, "sentences": highlighted(d["mentions"], focus)}

        ctx = await self.call(work)
        return self.page("document.html", focus=focus, **ctx)

    async def document_text(self, request: Request) -> Response:
        sha = request.path_params["sha"]
        focus = {ID + f for f in request.query_params.getlist("e")[:8] if f}

        def work() -> dict:
            d = self.kg.document(sha)
            text = self.kg.document_text(sha)
            shown = text[:MAX_TEXT] if text is not None else None
            return {
                "d": d,
                "segments": marked_text(shown, d["mentions"], focus) if shown is not None else None,
                "cut": text is not None and len(text) > MAX_TEXT,
            }

        return self.page("text.html", focus=focus, **(await self.call(work)))

    # saved queries
    async def queries(self, request: Request) -> Response:
        return self.page("queries.html", queries=self.kg.saved_queries(), errors=self.kg.query_errors)

    def _query_args(self, request: Request) -> tuple[Any, dict[str, str]]:
        name = request.path_params["name"]
        q = self.kg.registry.get(name)
        values = {}
        for p in q.params:
            v = request.query_params.get(p.name)
            if v is not None and v.strip():
                values[p.name] = v.strip()
        return q, values

    async def query(self, request: Request) -> Response:
        q, values = self._query_args(request)
        run = bool(values) or request.query_params.get("run") == "1"
        res: Result | None = None
        error = None
        sort = request.query_params.get("sort", "")
        if run:
            try:
                res = await self.call(self.kg.query, q.name, **values)
                if sort:
                    res = res.sorted(sort)
            except BadParameter as e:
                error = str(e)
        table = result_table(res) if res is not None else None
        suggest = await self.call(self._suggestions, q)
        qs = urlencode(values)
        return self.page(
            "query.html",
            q=q,
            values=values,
            res=res,
            table=table,
            error=error,
            qs=qs,
            has_view=bool(q.view) or q.python is not None,
            suggest=suggest,
        )

    def _suggestions(self, q: Any) -> dict[str, list[str]]:
        """The stored names a parameter may take (a datalist under its field)."""
        out = {}
        for p in q.params:
            kind = SUGGEST.get(p.name)
            if kind:
                names = sorted({str(r["name"]) for r in self.kg.entities(kind).rows if r.get("name")})
                out[p.name] = names[:MAX_LIST]
        return out

    async def download(self, request: Request) -> Response:
        q, values = self._query_args(request)
        fmt = request.path_params["fmt"]
        if fmt not in ("csv", "json"):
            raise HTTPException(404, "downloads are .csv or .json")
        try:
            res = await self.call(self.kg.query, q.name, **values)
        except BadParameter as e:
            raise HTTPException(400, str(e)) from None
        fname = q.name + "." + fmt
        disp = {"content-disposition": f'attachment; filename="{fname}"'}
        rows = res.to_records()
        if fmt == "json":
            return Response(json_text(rows, indent=2), media_type="application/json", headers=disp)
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=res.columns, extrasaction="ignore", lineterminator="\n")
        w.writerow({c: csv_cell(c) for c in res.columns})
        for r in rows:
            w.writerow({c: csv_cell(_cell(r.get(c))) for c in res.columns})
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=disp)

    async def query_view(self, request: Request) -> Response:
        q, values = self._query_args(request)

        def work() -> bytes:
            with tempfile.TemporaryDirectory(prefix="docketgraph-view-") as tmp:
                out = Path(tmp) / "view.html"
                self.kg.view(q.name, out, **values)
                return out.read_bytes()

        return Response(await self.call(work), media_type="text/html; charset=utf-8")

    async def entity_view(self, request: Request) -> Response:
        iri = ID + request.path_params["rest"]

        def work() -> bytes:
            e = self.kg.entity_at(iri)
            with tempfile.TemporaryDirectory(prefix="docketgraph-view-") as tmp:
                out = Path(tmp) / "view.html"
                try:  # the entity itself; by its name if it is no node of the entity graph
                    self.kg.view_entity(e.id, out, depth=2)
                except DocketGraphError:
                    self.kg.view_entity(e.name, out, depth=2)
                return out.read_bytes()

        return Response(await self.call(work), media_type="text/html; charset=utf-8")

    # charts of counts over time, drawn by the facade's chart module when it has one
    def charts_on(self) -> bool:
        return callable(getattr(self.kg, "chart", None))

    async def chart(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in CHARTS or not self.charts_on():
            raise HTTPException(404, "no such chart")
        params = {k: v[:500] for k, v in request.query_params.items() if k in CHART_PARAMS and v.strip()}
        params = {_PY_PARAMS.get(k, k): v for k, v in params.items()}

        def work() -> bytes:
            with tempfile.TemporaryDirectory(prefix="docketgraph-chart-") as tmp:
                out = Path(tmp) / "chart.svg"
                self.kg.chart(name, out, **params)
                return out.read_bytes()

        try:
            body = await self.call(work)
        except DocketGraphError as e:  # an image: a plain answer, the page shows its alt text
            return PlainTextResponse(str(e), 404)
        # an SVG shown as an image: its own styles, no script runs in it
        return Response(
            body,
            media_type="image/svg+xml",
            headers={"content-security-policy": "default-src 'none'; style-src 'unsafe-inline'"},
        )

    def chart_url(self, name: str, **params: str) -> str | None:
        """The app's URL of a chart, or None when the facade draws no charts (the pages then
        draw their own bars, web/charts.py)."""
        if not self.charts_on():
            return None
        return f"/chart/{name}.svg" + ("?" + urlencode(params) if params else "")

    # SPARQL 1.1 protocol
    async def sparql(self, request: Request) -> Response:
        text: str | None = request.query_params.get("query")
        if request.method == "POST":
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype == "application/sparql-query":
                text = (await request.body()).decode("utf-8", "replace")
            elif ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
                form = await request.form(max_files=0, max_fields=20, max_part_size=self.settings.max_body)
                if form.get("update") is not None:
                    return PlainTextResponse("this endpoint is read-only: updates are refused", 403)
                v = form.get("query")
                text = v if isinstance(v, str) else None
            elif ctype == "application/sparql-update":
                return PlainTextResponse("this endpoint is read-only: updates are refused", 403)
            else:
                return PlainTextResponse("POST a query as application/sparql-query or as a form", 415)
        if request.query_params.get("update") is not None:
            return PlainTextResponse("this endpoint is read-only: updates are refused", 403)
        if any(k in request.query_params for k in ("default-graph-uri", "named-graph-uri")):
            return PlainTextResponse(
                "default-graph-uri and named-graph-uri are not supported: the default graph is the "
                "union of every document's graph, and GRAPH ?g reaches each one",
                400,
            )
        if text is None:
            if "text/html" in request.headers.get("accept", ""):
                return self.page("sparql.html", text="SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20")
            return PlainTextResponse("give a query (query=...)", 400)
        if len(text) > self.settings.max_body:
            return PlainTextResponse("query text too long", 413)
        try:
            res = await self.call(
                self.kg.sparql, text, limit=self.settings.max_rows, timeout=self.settings.query_timeout
            )
        except QueryError as e:
            msg = str(e)
            status = 503 if "took longer" in msg else 400
            return PlainTextResponse(msg, status)
        return sparql_answer(text, res, request.headers.get("accept", ""))

    # uploads
    async def upload(self, request: Request) -> Response:
        if not self.settings.allow_ingest:
            return PlainTextResponse("uploads are off (start the server with --allow-ingest)", 403)
        if request.method == "GET":
            return self.page("upload.html", report=None, errors=[], stored=[])
        if not same_origin(request):  # another site's form posting to this one
            return PlainTextResponse("uploads come from this app's own page", 403)
        form = await request.form(max_files=self.settings.max_files, max_fields=10)
        files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
        if not files:
            return self.page("upload.html", status=400, report=None, errors=["no file chosen"], stored=[])
        folder = Path(self.settings.upload_dir)
        saved: list[tuple[str, str, str]] = []  # (shown name, path, content hash)
        for f in files:
            data = await f.read()
            name = f.filename or "upload"
            saved.append((name, str(_keep_upload(folder, name, data)), hashlib.sha256(data).hexdigest()))

        def work() -> tuple[Any, list[dict]]:
            with self.lock:
                rep = self.kg.ingest([p for _, p, _ in saved], in_process=False)
            stored = []
            for name, _, sha in saved:
                try:
                    d = self.kg.document(sha)
                except NotFound:
                    continue
                stored.append({"name": name, "sha256": sha, "mentions": len(d["mentions"])})
            return rep, stored

        try:
            rep, stored = await self.call(work)
            self._home = None  # the counts changed
        except DocketGraphError as e:
            return self.page("upload.html", status=400, report=None, errors=[str(e)], stored=[])
        shown = {p: n for n, p, _ in saved}
        errors = [f"{shown.get(p, os.path.basename(p))}: {m}" for p, m in rep.errors]
        if rep.fatal:
            errors.append(rep.fatal)
        return self.page(
            "upload.html", status=200 if rep.ok else 422, report=rep, errors=errors, stored=stored
        )

    async def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            raise HTTPException(404, "no such file")
        body = (resources.files("docketgraph.queries.web") / "static" / name).read_bytes()
        return Response(body, media_type=STATIC[name], headers={"cache-control": "max-age=3600"})


def same_origin(request: Request) -> bool:
    """Whether a request comes from the app's own pages. A browser says so in
    Sec-Fetch-Site; one too old to send it names the page's origin in Origin (a client
    that sends neither is no browser, and no page of another site is behind it)."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("origin")
    return origin is None or origin == f"{request.url.scheme}://{request.headers.get('host', '')}"


def _keep_upload(folder: Path, filename: str, data: bytes) -> Path:
    """An uploaded file kept under ``folder`` as ``SHA12-NAME``: a safe name, never a path
    the browser chose, and two uploads of one name with different content kept apart."""
    from docketgraph.queries.views import safe_filename

    base = os.path.basename(filename.replace("\\", "/"))
    stem, dot, ext = base.rpartition(".")
    ext = ext.lower() if dot and re.fullmatch(r"[A-Za-z0-9]{1,8}", ext) else ""
    name = safe_filename(stem if dot else base, "upload") + (f".{ext}" if ext else "")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{hashlib.sha256(data).hexdigest()[:12]}-{name}"
    if not path.exists():
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    return path.resolve()


# --- what pages show -------------------------------------------------------------------


def highlighted(mentions: list[dict], focus: set[str]) -> list[dict]:
    """The document's sentences in text order, each as segments: plain text, or a
    mention (its entity, kind and whether it is the focus), found by its surface."""
    by_sentence: dict[str, list[dict]] = {}
    for m in mentions:
        if m.get("sentence"):
            by_sentence.setdefault(m["sentence"], []).append(m)
    out = []
    for sentence, ms in by_sentence.items():
        marks: list[tuple[int, int, dict]] = []
        for m in ms:
            surface = " ".join(str(m.get("surface") or m.get("name") or "").split())
            if not surface:
                continue
            at = sentence.find(surface)
            while at >= 0 and any(a < at + len(surface) and at < b for a, b, _ in marks):
                at = sentence.find(surface, at + 1)
            if at >= 0:
                marks.append((at, at + len(surface), m))
        marks.sort(key=lambda t: t[0])
        segs: list[dict] = []
        pos = 0
        for a, b, m in marks:
            if a > pos:
                segs.append({"text": sentence[pos:a], "m": None, "focus": False})
            segs.append({"text": sentence[a:b], "m": m, "focus": m["id"] in focus})
            pos = b
        if pos < len(sentence):
            segs.append({"text": sentence[pos:], "m": None, "focus": False})
        is_focus = any(m["id"] in focus for m in ms)
        out.append({"segments": segs, "mentions": ms, "focus": is_focus, "anchor": False})
    first = next((s for s in out if s["focus"]), None)
    if first is not None:
        first["anchor"] = True
    return out


def court_years(cases: list[dict]) -> dict | None:
    """Cases by court and year of first filing: ``years`` (columns), ``rows`` (a court
    and, per year, the case IRIs); None with fewer than two dated cases."""
    cells: dict[str, dict[str, list[str]]] = {}
    for c in cases:
        if c.get("first"):
            cells.setdefault(str(c.get("court") or "unknown"), {}).setdefault(str(c["first"])[:4], []).append(
                c["id"]
            )
    years = sorted({y for v in cells.values() for y in v})
    if sum(len(ids) for v in cells.values() for ids in v.values()) < 2:
        return None
    rows = [
        {
            "court": court,
            "cells": [v.get(y, []) for y in years],
            "total": [i for ids in v.values() for i in ids],
        }
        for court, v in sorted(cells.items(), key=lambda kv: -sum(len(x) for x in kv[1].values()))
    ]
    return {"years": years, "rows": rows}


def marked_text(text: str, mentions: list[dict], focus: set[str]) -> list[dict]:
    """The text as segments, each mention's span ``[start, end)`` marked (overlapping
    spans: the first kept); the first span of a focus entity carries the anchor."""
    spans = sorted(
        (m for m in mentions if isinstance(m.get("start"), int) and isinstance(m.get("end"), int)),
        key=lambda m: (m["start"], -m["end"]),
    )
    segs: list[dict] = []
    pos = 0
    anchored = False
    for m in spans:
        a, b = m["start"], min(m["end"], len(text))
        if a < pos or a >= b:
            continue
        if a > pos:
            segs.append({"text": text[pos:a], "m": None, "focus": False, "anchor": False})
        is_focus = m["id"] in focus
        segs.append({"text": text[a:b], "m": m, "focus": is_focus, "anchor": is_focus and not anchored})
        anchored = anchored or is_focus
        pos = b
    if pos < len(text):
        segs.append({"text": text[pos:], "m": None, "focus": False, "anchor": False})
    return segs


def result_table(res: Result) -> dict:
    """A saved query's answer as a table: the visible columns; each label cell linked to
    its entity (through the query's ``# view:`` hint), each count to its cases."""
    cols = res.visible_columns
    q = res.query
    links: dict[str, str] = {}  # label column -> IRI column
    for tok in q.view[1:3] if q is not None else ():
        id_col, _, label_col = tok.partition(":")
        if label_col:
            links[label_col] = id_col
    for c in res.columns:
        if f"{c}_label" in res.columns and f"{c}_label" not in links:
            links[f"{c}_label"] = c
    rows = []
    for r in res.rows[:MAX_TABLE_ROWS]:
        case_ids = str(r.get("case_ids") or r.get("case") or "").split()
        entities = [str(r[c]) for c in links.values() if str(r.get(c) or "").startswith(ID)]
        cells = []
        for c in cols:
            v = r.get(c)
            href = None
            if c in links and str(r.get(links[c]) or "").startswith(ID):
                href = entity_path(r[links[c]])
            elif c in ("cases", "count", "n") and isinstance(v, int) and (case_ids or entities):
                href = cases_link(case_ids, entities)
            elif isinstance(v, str) and v.startswith(ID) and " " not in v:
                href = entity_path(v)
            shown = courts.court_label(v) if c == "court" and isinstance(v, str) else _cell(v)
            cells.append(
                {"v": shown, "href": href, "num": isinstance(v, (int, float)) and not isinstance(v, bool)}
            )
        rows.append(cells)
    heads = []
    for c in cols:
        base = c[: -len("_label")] if c.endswith("_label") else c
        heads.append({"col": c, "label": base if base != c and base not in cols else c})
    return {"heads": heads, "rows": rows, "total": len(res.rows)}


_ASK = re.compile(r"^\s*(?:(?:PREFIX|BASE)\b[^{]*?>\s*)*ASK\b", re.I)


def _term(v: Any) -> dict:
    if isinstance(v, bool):
        return {
            "type": "literal",
            "value": "true" if v else "false",
            "datatype": "http://www.w3.org/2001/XMLSchema#boolean",
        }
    if isinstance(v, int):
        return {"type": "literal", "value": str(v), "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    if isinstance(v, float):
        return {"type": "literal", "value": repr(v), "datatype": "http://www.w3.org/2001/XMLSchema#double"}
    s = str(v)
    if re.fullmatch(r"https?://\S+", s):
        return {"type": "uri", "value": s}
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return {"type": "literal", "value": s, "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    return {"type": "literal", "value": s}


def sparql_answer(text: str, res: Result, accept: str) -> Response:
    """SPARQL results in the format asked for: JSON (the default), CSV or XML."""
    accept = accept.lower()
    is_ask = res.columns == ["result"] and len(res.rows) == 1 and isinstance(res.rows[0]["result"], bool)
    is_ask = is_ask and bool(_ASK.match(text))
    if "text/csv" in accept and not is_ask:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(res.columns)
        for r in res.rows:
            w.writerow(["" if r.get(c) is None else _cell(r.get(c)) for c in res.columns])
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8")
    if "application/sparql-results+xml" in accept:
        from xml.sax.saxutils import escape, quoteattr

        parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
        if is_ask:
            parts.append(f"<head/><boolean>{'true' if res.rows[0]['result'] else 'false'}</boolean>")
        else:
            parts.append(
                "<head>" + "".join(f"<variable name={quoteattr(c)}/>" for c in res.columns) + "</head>"
            )
            parts.append("<results>")
            for r in res.rows:
                parts.append("<result>")
                for c in res.columns:
                    if r.get(c) is None:
                        continue
                    t = _term(r[c])
                    if t["type"] == "uri":
                        inner = f"<uri>{escape(t['value'])}</uri>"
                    elif "datatype" in t:
                        inner = f"<literal datatype={quoteattr(t['datatype'])}>{escape(t['value'])}</literal>"
                    else:
                        inner = f"<literal>{escape(t['value'])}</literal>"
                    parts.append(f"<binding name={quoteattr(c)}>{inner}</binding>")
                parts.append("</result>")
            parts.append("</results>")
        parts.append("</sparql>")
        return Response("".join(parts), media_type="application/sparql-results+xml")
    if is_ask:
        body: dict = {"head": {}, "boolean": bool(res.rows[0]["result"])}
    else:
        body = {
            "head": {"vars": res.columns},
            "results": {
                "bindings": [{c: _term(r[c]) for c in res.columns if r.get(c) is not None} for r in res.rows]
            },
        }
    return Response(json_text(body), media_type="application/sparql-results+json")


# --- assembly --------------------------------------------------------------------------


def _errors(
    env_page: Callable[..., HTMLResponse],
) -> dict[Any, Callable[[Request, Exception], Awaitable[Response]]]:
    def handler(status: int) -> Callable[[Request, Exception], Awaitable[Response]]:
        async def h(request: Request, exc: Exception) -> Response:
            code = exc.status_code if isinstance(exc, HTTPException) else status
            msg = exc.detail if isinstance(exc, HTTPException) else str(exc)
            if request.url.path.startswith("/sparql") or "text/html" not in request.headers.get(
                "accept", "text/html"
            ):
                return PlainTextResponse(str(msg), code)
            return env_page("error.html", status=code, code=code, message=str(msg))

        return h

    return {
        HTTPException: handler(500),
        NotFound: handler(404),
        UnknownQuery: handler(404),
        BadParameter: handler(400),
        QueryError: handler(400),
        TooLarge: handler(413),
        DocketGraphError: handler(500),
    }


def create_app(kg: Facade, settings: Settings | None = None, **kw: Any) -> Starlette:
    """The ASGI app over ``kg`` (settings as keywords: allow_ingest, query_timeout, ...)."""
    settings = settings or Settings(**kw)
    w = WebApp(kg, settings)
    routes = [
        Route("/", w.home),
        Route("/search", w.search),
        Route("/kind/{kind}", w.kind_list),
        Route("/entity/{rest:path}", w.entity),
        Route("/cases", w.cases),
        Route("/doc/{sha}", w.document),
        Route("/doc/{sha}/text", w.document_text),
        Route("/queries", w.queries),
        Route("/query/{name}", w.query),
        Route("/query/{name}/download.{fmt:str}", w.download),
        Route("/view/query/{name}", w.query_view),
        Route("/view/entity/{rest:path}", w.entity_view),
        Route("/sparql", w.sparql, methods=["GET", "POST"]),
        Route("/chart/{name}.svg", w.chart),
        Route("/static/{name}", w.static),
    ]
    if settings.allow_ingest:
        routes.append(Route("/upload", w.upload, methods=["GET", "POST"]))
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts, www_redirect=False),
            Middleware(Headers),
            Middleware(LimitBody, settings=settings),
        ],
        exception_handlers=_errors(w.page),
    )
    app.state.web = w
    return app


def serve(
    kg: Facade,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    allow_ingest: bool = False,
    query_timeout: float = 30.0,
    upload_dir: str | None = None,
    log_level: str = "warning",
) -> None:
    """Serve ``kg`` with uvicorn until interrupted (``KnowledgeGraph.serve`` calls this)."""
    import uvicorn

    kg.stats(quads=False)  # open the store now: a bad --store is an error before the server starts
    settings = Settings(allow_ingest=allow_ingest, query_timeout=query_timeout)
    if host in ("0.0.0.0", "::", ""):  # every address: any name (the command warns)
        settings.allowed_hosts = ["*"]
    elif host.lower() not in LOOPBACK:
        settings.allowed_hosts.append(host.lower())
    if upload_dir:
        settings.upload_dir = upload_dir
    app = create_app(kg, settings)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False, date_header=False)
