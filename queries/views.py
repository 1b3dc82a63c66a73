"""Interactive HTML graph views: one self-contained file, nothing loaded from the network.

Nodes and edges are collected with pyvis, then rendered through docketgraph's own
autoescaping template (pyvis' templates link Bootstrap and vis-network from a CDN and
show titles through ``innerHTML``). vis-network's JavaScript and CSS, as bundled with
pyvis, are embedded; the graph data is a JSON block that the page parses; details are
shown as plain text; a Content-Security-Policy admits only the page's own scripts.
Large graphs get their layout computed in Python with physics switched off, and above a
threshold only the heaviest nodes are kept; the caption says so.

Every view is drawn from a networkx graph whose nodes carry ``kind`` and ``label`` (and
optionally ``info`` lines) and whose edges carry ``weight``, ``cases`` (docket numbers),
``case_ids``, ``first`` and ``last`` (filing dates): saved SPARQL queries with a
``# view:`` hint are turned into one, Python analytics return one.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import json
import math
import os
import re
import stat
import tempfile
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import jinja2
import networkx as nx
from markupsafe import Markup

from docketgraph.graph.errors import BadParameter, OutputError, QueryError
from docketgraph.graph.store import Store
from docketgraph.graph.vocab import ID
from docketgraph.queries import analytics, lookup
from docketgraph.queries.timeline import court_label

KIND_COLORS = {
    "LawFirm": "#1f77b4",
    "Judge": "#d62728",
    "Attorney": "#9467bd",
    "Party": "#2ca02c",
    "Platform": "#ff7f0e",
    "Case": "#8c564b",
    "Court": "#7f7f7f",
    "Precedent": "#17becf",
    "Document": "#bcbd22",
}
KIND_LABELS = {
    "LawFirm": "Law firm",
    "Judge": "Judge",
    "Attorney": "Attorney",
    "Party": "Party",
    "Platform": "Platform",
    "Case": "Case",
    "Court": "Court",
    "Precedent": "Cited case",
    "Document": "Document",
}
PHYSICS_NODE_LIMIT = 300
DEFAULT_MAX_NODES = 2000
EVIDENCE_EDGE_LIMIT = 300
_IRI_KINDS = (
    ("firm/", "LawFirm"),
    ("judge/", "Judge"),
    ("platform/", "Platform"),
    ("attorney/", "Attorney"),
    ("party/", "Party"),
    ("precedent/", "Precedent"),
    ("case/", "Case"),
    ("court/", "Court"),
    ("doc/", "Document"),
)
_MAX_TEXT = 300
_CTRL = re.compile(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]+")


class ViewSource(Protocol):
    """What a view needs of the knowledge graph (``queries.api.KnowledgeGraph`` is one):
    its store, and the evidence (cases, filings, sentences) behind a row."""

    store: Store

    def row_evidence(self, row: dict, *, per_row: int = 10) -> list[dict]: ...


def plain(s: Any) -> str:
    """A value from a filing as safe single-line plain text (escaping happens at render)."""
    s = _CTRL.sub(" ", str(s if s is not None else "")).strip()
    return s if len(s) <= _MAX_TEXT else s[: _MAX_TEXT - 1] + "…"


def _vis_assets() -> tuple[str, str]:
    base = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return (
        (base / "vis-network.min.js").read_text(encoding="utf-8"),
        (base / "vis-network.css").read_text(encoding="utf-8"),
    )


def _json_for_html(obj: Any) -> str:
    s = json.dumps(obj, ensure_ascii=True)
    return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256_src(js: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode() + "'"


def safe_filename(name: str, default: str = "view") -> str:
    """An ASCII, length-capped file name with a short hash of the original."""
    raw = name or default
    s = unicodedata.normalize("NFKC", raw)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = re.sub(r"[^A-Za-z0-9._-]+", "-", s).strip("-._")[:60] or default
    tail = hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{s}-{tail}"


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``: a regular file is written beside it and renamed into
    place (never half written); a special file (``/dev/null``, a FIFO, a terminal,
    ``/proc/self/fd/1``) is written through, never replaced. A failure is an OutputError
    naming the path."""
    path = Path(path)
    try:
        st = os.stat(path)
    except OSError:
        st = None
    try:
        if st is not None and (not stat.S_ISREG(st.st_mode) or _through(path)):
            if stat.S_ISDIR(st.st_mode):
                raise OutputError(f"cannot write {path}: it is a folder")
            with open(path, "wb") as fh:  # through the device or pipe, as a shell redirect does
                fh.write(data)
            return
        _replace_with(path, data)
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from None


def _through(path: Path) -> bool:
    """A name for an open file (``/proc/self/fd/1``, ``/dev/stdout``): written through."""
    parent = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    return parent == "/dev" or parent.startswith(("/proc/", "/dev/"))


def _replace_with(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=str(path.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def kind_of_iri(iri: str) -> str | None:
    if not isinstance(iri, str) or not iri.startswith(ID):
        return None
    rest = iri[len(ID) :]
    for prefix, kind in _IRI_KINDS:
        if rest.startswith(prefix):
            return kind
    return None


def _kind_of(col: str) -> str:
    c = col.lower()
    for k, name in (
        ("firm", "LawFirm"),
        ("judge", "Judge"),
        ("platform", "Platform"),
        ("attorney", "Attorney"),
        ("party", "Party"),
        ("plaintiff", "Party"),
        ("court", "Court"),
        ("precedent", "Precedent"),
        ("case", "Case"),
    ):
        if c.startswith(k):
            return name
    return "Entity"


def result_graph(res: Any):
    """A saved query's answer as a networkx graph (Python analytics return their own;
    SPARQL queries are drawn from their ``# view: KIND A B WEIGHT`` hint, where A and B
    are ``IDCOLUMN:LABELCOLUMN`` or one column)."""
    if getattr(res, "graph", None) is not None:
        return res.graph
    q = res.query
    hint = list(q.view) if q is not None else []
    if len(hint) < 4 or hint[0] not in ("bipartite", "pair", "edges"):
        raise QueryError(
            f"query {q.name if q else '?'} has no graph view "
            "(its header has no '# view: bipartite A B WEIGHT' line)"
        )
    ends = []
    for tok in hint[1:3]:
        id_col, _, label_col = tok.partition(":")
        ends.append((id_col, label_col or id_col))
    w_col = hint[3]
    G = nx.Graph(name=q.name)
    for r in res.rows:
        ids = []
        for id_col, label_col in ends:
            raw = r.get(id_col)
            if raw is None:
                break
            kind = kind_of_iri(raw) or _kind_of(label_col if label_col != id_col else id_col)
            if kind == "Entity" and label_col != id_col:
                kind = _kind_of(label_col)
            nid = f"{kind}:{raw}"
            if nid not in G:
                label = r.get(label_col) or r.get(id_col)
                if id_col in ("judge", "j") and r.get("role"):
                    label = f"{label} ({r['role']})"
                G.add_node(nid, kind=kind, label=str(label), iri=raw if kind_of_iri(raw) else None)
            ids.append(nid)
        if len(ids) != 2 or ids[0] == ids[1]:
            continue
        w = r.get(w_col) or 1
        cases = [c.strip() for c in str(r.get("dockets") or "").split(",") if c.strip()]
        case_ids = str(r.get("case_ids") or "").split()
        if G.has_edge(*ids):
            d = G.edges[ids[0], ids[1]]
            d["weight"] += w
            d["cases"] = sorted(set(d["cases"]) | set(cases))
            d["case_ids"] = sorted(set(d["case_ids"]) | set(case_ids))
        else:
            G.add_edge(
                ids[0],
                ids[1],
                weight=w,
                cases=cases,
                case_ids=case_ids,
                first=_date(r.get("first")),
                last=_date(r.get("last")),
            )
    return G


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(v: Any) -> str | None:
    """A filing date from a ``first``/``last`` column, or None: co-counsel's ``first`` and
    ``second`` are attorneys' names, not dates."""
    return v[:10] if isinstance(v, str) and _ISO_DATE.match(v) else None


def _top_nodes(G, limit: int, keep: Any = None):
    """The ``limit`` nodes with the highest weighted degree (ties by label); ``keep`` (the
    focus of an entity view) is always among them."""
    wdeg = dict(G.degree(weight="weight"))
    order = sorted(
        G.nodes, key=lambda n: (n != keep, -wdeg[n], str(G.nodes[n].get("label", n)).casefold(), str(n))
    )
    return G.subgraph(order[:limit]).copy()


_GOLDEN = 2.399963229728653  # golden angle, radians
HUB_SHARE = 0.08  # a node linked to this share of a large view is a hub: its ties pull and show less
SPRING_NODE_LIMIT = 499  # networkx needs SciPy for 500 nodes or more


def layout(G, *, spacing: float = 30.0, center: Any = None, seed: int = 7) -> dict:
    """A deterministic layout for large graphs, computed once in Python.

    The ``SPRING_NODE_LIMIT`` best-linked nodes (``center`` first) are placed by
    networkx's force-directed ``spring_layout``, where a tie to a node linked to nearly
    everything (the focus of an entity view, a platform named in every case) pulls less
    than a tie to a judge or an attorney, so cases gather round the people they share.
    Every other node is then placed near the nodes it is linked to, on a small spiral.
    """
    if G.number_of_nodes() == 0:
        return {}
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    deg = dict(U.degree())
    order = sorted(U.nodes, key=lambda n: (n != center, -deg[n], str(n)))
    core = order[:SPRING_NODE_LIMIT]
    C = nx.Graph()
    C.add_nodes_from(core)
    inside = set(core)
    hub = max(12.0, HUB_SHARE * len(core))  # linked to this many: says little about a node
    for u, v in U.edges(core):
        if v in inside and u != v:
            C.add_edge(u, v, pull=1.0 if max(deg[u], deg[v]) <= hub else 0.02)
    scale = spacing * math.sqrt(C.number_of_nodes()) * 1.3
    if C.number_of_nodes() == 1:
        pos: dict = {core[0]: (0.0, 0.0)}
    else:
        raw = nx.spring_layout(C, weight="pull", seed=seed, iterations=150, method="force", scale=scale)
        pos = {n: (float(xy[0]), float(xy[1])) for n, xy in raw.items()}
    if center is not None and center in pos:
        cx, cy = pos[center]
        pos = {n: (x - cx, y - cy) for n, (x, y) in pos.items()}
    _place_near(U, pos, [n for n in order if n not in pos], spacing=spacing * 0.8)
    return pos


def _place_near(G, pos: dict, rest: list, *, spacing: float) -> None:
    """Place each node of ``rest`` (best-linked first) at the middle of its placed
    neighbours, offset on a golden-angle spiral so that nodes sharing a spot fan out."""
    around: dict = {}
    pending = list(rest)
    while pending:
        later = []
        for n in pending:
            placed = [v for v in G.neighbors(n) if v in pos]
            if not placed:
                later.append(n)
                continue
            x = sum(pos[v][0] for v in placed) / len(placed)
            y = sum(pos[v][1] for v in placed) / len(placed)
            key = (round(x / spacing), round(y / spacing))
            i = around.get(key, 0) + 1
            around[key] = i
            rr = spacing * math.sqrt(i)
            pos[n] = (x + rr * math.cos(i * _GOLDEN), y + rr * math.sin(i * _GOLDEN))
        if len(later) == len(pending):  # not linked to anything placed: a spiral of its own
            r0 = max((math.hypot(x, y) for x, y in pos.values()), default=0.0) + spacing * 3
            for i, n in enumerate(later):
                rr = r0 + spacing * math.sqrt(i)
                pos[n] = (rr * math.cos(i * _GOLDEN), rr * math.sin(i * _GOLDEN))
            break
        pending = later


def _docket_of(G, n: Any, d: dict) -> str | None:
    """A case node's docket number: its ``docket`` attribute, or the one docket its case
    edges carry."""
    if d.get("docket"):
        return str(d["docket"])
    found = {
        c
        for _, _, e in G.edges(n, data=True)
        if (e.get("case_ids") or []) == [n]
        for c in e.get("cases") or []
    }
    return found.pop() if len(found) == 1 else None


FOLD_NODE_LIMIT = 300
FOLD_KINDS = ("Precedent", "Party")
LABELS_AT_OVERVIEW = 60
_FOLD_NAMES = {"Precedent": ("cited case", "cited cases"), "Party": ("party", "parties")}


def render_graph(
    G,
    *,
    title: str,
    caption: str,
    out: Path,
    top: int | None = None,
    evidence: Any = None,
    node_evidence: Any = None,
    focus: Any = None,
    fold: bool = False,
    chart: Any = None,
) -> Path:
    """Render a networkx graph (nodes: kind, label, info, and ``docket`` and ``caption``
    for cases; edges:
    weight, cases, first, last) to one self-contained HTML file, written atomically as UTF-8.

    ``evidence(u, v, data)`` may return lines of evidence for an edge (documents and
    sentences); it is asked for the heaviest ``EVIDENCE_EDGE_LIMIT`` edges.
    ``node_evidence(n, data)`` likewise for the ``EVIDENCE_EDGE_LIMIT`` heaviest nodes.
    ``focus`` (a node) is marked, selected and centred when the page opens. With ``fold``,
    a graph of more than ``FOLD_NODE_LIMIT`` nodes shows its cited cases and parties as
    one count node per kind (a click unfolds them). ``chart`` is drawn beside the graph:
    plain text is escaped; a ``markupsafe.Markup`` (an SVG made by docketgraph, every text
    in it escaped by its maker) is embedded as it is.
    """
    limit = top or DEFAULT_MAX_NODES
    total_nodes, total_edges = G.number_of_nodes(), G.number_of_edges()
    if focus is not None and focus not in G:
        focus = None
    notes = []
    folded: dict[Any, str] = {}
    if fold and total_nodes > FOLD_NODE_LIMIT:
        for n, d in G.nodes(data=True):
            if n != focus and d.get("kind") in FOLD_KINDS:
                folded[n] = d["kind"]
    if folded and total_nodes > limit:
        # the cap applies to the nodes drawn at first, and again to the folded ones
        main = _top_nodes(G.subgraph([n for n in G if n not in folded]), limit, keep=focus)
        near = {v for n in main for v in G.neighbors(n) if v in folded}
        rest = _top_nodes(G.subgraph(near), limit)
        G = G.subgraph(list(main) + list(rest)).copy()
        folded = {n: k for n, k in folded.items() if n in G}
    elif total_nodes > limit:
        G = _top_nodes(G, limit, keep=focus)
    if G.number_of_nodes() < total_nodes:
        notes.append(
            f"Showing the {G.number_of_nodes()} nodes with the highest weighted degree "
            f"of {total_nodes} ({G.number_of_edges()} of {total_edges} edges): "
            f"views keep at most {limit} nodes (--top)" + (", and as many folded." if folded else ".")
        )
    ids = {n: f"n{i}" for i, n in enumerate(G.nodes)}
    node_dates: dict = {}
    edges: list[dict[str, Any]] = []
    heavy = sorted(G.edges(data=True), key=lambda e: -float(e[2].get("weight", 1) or 1))
    with_evidence = {(a, b) for a, b, _ in heavy[:EVIDENCE_EDGE_LIMIT]} if evidence else set()
    if evidence and len(heavy) > EVIDENCE_EDGE_LIMIT:
        notes.append(f"Evidence sentences are attached to the {EVIDENCE_EDGE_LIMIT} heaviest edges.")
    for i, (a, b, d) in enumerate(G.edges(data=True)):
        w = d.get("weight", 1) or 1
        info = []
        if d.get("relation"):
            info.append(plain(d["relation"]))
        cases = d.get("cases") or d.get("dockets") or []
        if isinstance(cases, str):  # a network projection's "a; b"
            cases = [c.strip() for c in cases.split(";") if c.strip()]
        if cases:
            info.append(
                f"{len(cases)} case(s): "
                + ", ".join(plain(c) for c in cases[:30])
                + (" …" if len(cases) > 30 else "")
            )
        first, last = d.get("first"), d.get("last")
        if first or last:
            info.append(f"filed {first or '?'} to {last or '?'}")
        if (a, b) in with_evidence:
            info += [plain(x) for x in (evidence(a, b, d) or [])][:20]
        for n in (a, b):
            lo, hi = node_dates.get(n, (None, None))
            if first and (lo is None or first < lo):
                lo = first
            if last and (hi is None or last > hi):
                hi = last
            node_dates[n] = (lo, hi)
        edges.append(
            {
                "id": f"e{i}",
                "from": ids[a],
                "to": ids[b],
                "value": float(w),
                "title": f"weight {w:g}" if isinstance(w, (int, float)) else "weight",
                "info": info,
                "first": plain(first or ""),
                "last": plain(last or ""),
            }
        )
    nodes = []
    wdeg = dict(G.degree(weight="weight"))
    # size and label order by the weighted degree among the nodes drawn at first (folded
    # cited cases and parties would otherwise make every case outweigh its judge)
    view_w = dict(wdeg)
    if folded:
        view_w.update(G.subgraph([n for n in G if n not in folded]).degree(weight="weight"))
    top_w = max((w for n, w in view_w.items() if n != focus), default=1) or 1  # the focus: its own size
    order = sorted(
        G.nodes, key=lambda n: (n != focus, -view_w[n], str(G.nodes[n].get("label", n)).casefold(), str(n))
    )
    rank = {n: i for i, n in enumerate(order)}
    heavy_nodes = set(order[:EVIDENCE_EDGE_LIMIT]) if node_evidence else set()
    for n, d in G.nodes(data=True):
        kind = d.get("kind") or "Entity"
        name = plain(d.get("label") or n)
        info = [f"kind: {KIND_LABELS.get(kind, kind)}"]
        caption_of = ""
        link = None
        if kind == "Case":
            docket = _docket_of(G, n, d)
            if docket:
                docket = plain(docket)
                cap = plain(d.get("caption") or name)
                if cap.endswith(f" ({docket})"):  # a stored case name: "CAPTION (DOCKET)"
                    cap = cap[: -len(docket) - 3]
                if cap and cap != docket:
                    caption_of = cap
                    info.append(f"caption: {cap}")
                name = docket
                if d.get("court"):
                    info.append(f"court: {plain(court_label(str(d['court'])))}")
                    link = lookup.courtlistener_url(str(d["court"]), docket)
        elif kind == "Court" and lookup.court_name(str(d.get("label") or "")):
            info.append(f"name: {plain(lookup.court_name(str(d['label'])) or '')}")
            name = plain(court_label(str(d["label"])))
        if n == focus:
            info.append("the entity this view is drawn around")
        if d.get("role"):
            info.append(f"role: {plain(d['role'])}")
        info.append(f"weighted degree: {wdeg.get(n, 0):g}")
        info += [plain(x) for x in (d.get("info") or [])][:20]
        if n in heavy_nodes:
            info += [plain(x) for x in (node_evidence(n, d) or [])][:10]
        lo, hi = node_dates.get(n, (None, None))
        color = KIND_COLORS.get(kind, "#999999")
        node: dict[str, Any] = {
            "id": ids[n],
            "name": name,
            "rank": rank[n],
            "size": round(6 + 26 * math.sqrt(min(max(float(view_w.get(n, 0)), 0.0) / top_w, 1.0)), 1),
            "title": name,
            "group": kind,
            "color": color,
            "info": info,
            "first": plain(lo or ""),
            "last": plain(hi or ""),
        }
        if caption_of:
            node["caption"] = caption_of
        if link:
            node["link"] = link  # a plain CourtListener search link, shown in the details
        if n == focus:
            node.update(
                focus=True,
                size=34,
                borderWidth=5,
                borderWidthSelected=7,
                color={
                    "background": color,
                    "border": "#111111",
                    "highlight": {"background": color, "border": "#111111"},
                },
            )
        if n in folded:
            node["fold"] = folded[n]
        nodes.append(node)
    extra_edges = []
    for kind in FOLD_KINDS:
        members = [n for n, k in folded.items() if k == kind]
        if not members:
            continue
        one, many = _FOLD_NAMES[kind]
        count = len(members)
        linked = {v for n in members for v in G.neighbors(n) if v not in folded}
        members.sort(key=lambda n: (-wdeg[n], str(n)))
        fid = f"fold-{kind}"
        nodes.append(
            {
                "id": fid,
                "name": f"{count:,} {one if count == 1 else many} (show)",
                "rank": -1,
                "size": 24,
                "shape": "box",
                "group": kind,
                "foldOf": kind,
                "color": KIND_COLORS.get(kind, "#999999"),
                "title": f"{count:,} {many}: click to show them",
                "info": [
                    f"{count:,} {one if count == 1 else many} folded into this node, linked to "
                    f"{len(linked):,} nodes of the view. Click it to show them "
                    "(the legend folds them again).",
                    "The most linked:",
                ]
                + [f"{plain(G.nodes[n].get('label') or n)} ({wdeg[n]:g})" for n in members[:15]],
                "first": "",
                "last": "",
            }
        )
        if focus is not None:
            extra_edges.append(
                {
                    "id": f"e-{fid}",
                    "from": ids[focus],
                    "to": fid,
                    "value": 1.0,
                    "dashes": True,
                    "info": [],
                    "fold": "edge",
                }
            )
    if folded:
        notes.append(
            "Cited cases and parties are folded into count nodes (click one to show them), "
            f"as in every entity view of more than {FOLD_NODE_LIMIT} nodes."
        )
    positions = None
    if folded or G.number_of_nodes() > PHYSICS_NODE_LIMIT:
        shown = G.subgraph([n for n in G if n not in folded]) if folded else G
        pos = layout(shown, center=focus)
        if folded:
            wdeg_all = dict(G.degree(weight="weight"))
            _place_near(G, pos, sorted(folded, key=lambda n: (-wdeg_all[n], str(n))), spacing=24.0)
        positions = {ids[n]: xy for n, xy in pos.items()}
        cx, cy = pos[focus] if focus is not None else (0.0, 0.0)
        radius = max((math.hypot(x - cx, y - cy) for x, y in pos.values()), default=0.0)
        for k, nd in enumerate(n for n in nodes if "foldOf" in n):
            positions[nd["id"]] = (cx - radius * 0.72, cy - radius * (0.95 - 0.14 * k))
        # ties to hubs (the focus, a platform in every case) drawn faint: the rest show
        deg = dict(shown.degree())
        hub = max(12.0, HUB_SHARE * shown.number_of_nodes())
        back = {v: k for k, v in ids.items()}
        for e in edges:
            a, b = back[e["from"]], back[e["to"]]
            if max(deg.get(a, 0), deg.get(b, 0)) > hub:
                e["color"] = {"opacity": 0.06}
    return _write(
        nodes,
        edges + extra_edges,
        title=title,
        caption=caption + (" " + " ".join(notes) if notes else ""),
        out=out,
        positions=positions,
        chart=chart,
    )


def _write(
    nodes: list[dict],
    edges: list[dict],
    *,
    title: str,
    caption: str,
    out: Path,
    positions: dict | None = None,
    chart: Any = None,
) -> Path:
    large = positions is not None
    options: dict[str, Any] = {
        "interaction": {
            "hover": not large,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large and len(edges) > 3000,
        },
        "edges": {
            "scaling": {"min": 0.5 if large else 1, "max": 8},
            "color": {"inherit": False, "color": "#8a8a8a", "opacity": 0.18 if large else 0.6},
        },
        "groups": {k: {"color": c} for k, c in KIND_COLORS.items()},
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"size": 13, "strokeWidth": 3, "strokeColor": "#ffffff"}
            | ({"background": "rgba(255,255,255,0.75)"} if large else {}),
        },
    }
    if positions is not None:
        for n in nodes:
            x, y = positions[n["id"]]
            n["x"], n["y"] = round(float(x), 1), round(float(y), 1)
        options["physics"] = {"enabled": False}
        options["layout"] = {"improvedLayout": False}
        options["edges"]["smooth"] = False
    else:
        for n in nodes:
            if n.get("focus"):  # the physics settles round it
                n.update(x=0.0, y=0.0, fixed=True)
        options["layout"] = {"randomSeed": 7}  # the same picture every time
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "stabilization": {"enabled": True, "iterations": 300, "fit": True},
        }
    counts: dict[str, int] = {}
    folded: dict[str, int] = {}
    for n in nodes:
        if "foldOf" in n:
            continue
        counts[n["group"]] = counts.get(n["group"], 0) + 1
        if n.get("fold"):
            folded[n["fold"]] = folded.get(n["fold"], 0) + 1
    legend = [
        {
            "kind": k,
            "label": KIND_LABELS.get(k, k),
            "color": KIND_COLORS.get(k, "#999"),
            "count": c,
            "folded": folded.get(k, 0),
        }
        for k, c in sorted(counts.items())
    ]
    dates = sorted({x for e in edges for x in (e.get("first"), e.get("last")) if x})
    vis_js, vis_css = _vis_assets()
    vis_js = vis_js.replace("</script", "<\\/script")
    app_js = (resources.files("docketgraph.queries") / "templates" / "view.js").read_text(encoding="utf-8")
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(
            lambda n: (resources.files("docketgraph.queries") / "templates" / n).read_text(encoding="utf-8")
        ),
        autoescape=True,
    )
    settings = {"labelsAtOverview": LABELS_AT_OVERVIEW, "large": large}
    html = env.get_template("view.html").render(
        title=plain(title),
        caption=caption[:2000],
        legend=legend,
        n_nodes=sum(1 for n in nodes if "foldOf" not in n),
        n_edges=sum(1 for e in edges if "fold" not in e),
        date_min=dates[0] if dates else "",
        date_max=dates[-1] if dates else "",
        focus=next((n["name"] for n in nodes if n.get("focus")), ""),
        chart=chart,
        data_json=_markup(
            _json_for_html({"nodes": nodes, "edges": edges, "options": options, "settings": settings})
        ),
        vis_js=_markup(vis_js),
        vis_css=_markup(vis_css),
        app_js=_markup(app_js),
        script_hashes=" ".join([_sha256_src(vis_js), _sha256_src(app_js)]),
    )
    out = Path(out)
    atomic_write(out, html.encode("utf-8"))
    return out


def _markup(s: str):
    return Markup(s)


def default_out(name: str, params: tuple[tuple[str, str], ...] = ()) -> Path:
    stem = name + "".join(f"-{k}-{v}" for k, v in params)
    return Path("output") / (safe_filename(stem) + ".html")


def _when() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def _edge_evidence(kg: ViewSource):
    def ev(a: str, b: str, d: dict) -> list[str]:
        row = {"case_ids": " ".join(d.get("case_ids") or [])}
        for i, n in enumerate((a, b)):
            iri = n.split(":", 1)[1] if ":" in n and not n.startswith("http") else n
            row[f"e{i}"] = iri
        out = []
        for e in kg.row_evidence(row, per_row=5):
            out.append(
                f"{e.get('case') or ''} · {e.get('document') or ''}"
                + (f" ({e['filed']})" if e.get("filed") else "")
                + f": \u201c{e.get('sentence') or ''}\u201d"
            )
        return out

    return ev


def _node_evidence(kg: ViewSource):
    def ev(n: str, d: dict) -> list[str]:
        iri = d.get("iri") or (n.split(":", 1)[1] if ":" in n and not n.startswith("http") else n)
        if kind_of_iri(iri) in (None, "Case", "Document"):
            return []
        out = []
        for e in kg.row_evidence({"e": iri}, per_row=5):
            out.append(
                f"{e.get('document') or ''}"
                + (f" ({e['filed']})" if e.get("filed") else "")
                + f": \u201c{e.get('sentence') or ''}\u201d"
            )
        return out

    return ev


def render_query_view(
    kg: ViewSource,
    res: Any,
    out: str | os.PathLike | None = None,
    *,
    top: int | None = None,
    chart: Any = None,
) -> Path:
    """Draw a saved query's result (its graph, or its rows through the ``# view:`` hint);
    ``chart`` as for :func:`render_graph`."""
    G = result_graph(res)
    q = res.query
    params = ", ".join(f"{k}={v}" for k, v in res.params) or "none"
    hint = list(q.view)
    w = hint[3] if len(hint) > 3 else "weight (cases)"
    caption = (
        f"{q.description} Query: {q.name}; parameters: {params}; "
        f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges; edge width = {w}; "
        f"drawn {_when()} by docketgraph."
    )
    target = Path(out) if out else default_out(q.name, res.params)
    return render_graph(
        G,
        title=q.title,
        caption=caption,
        out=target,
        top=top,
        evidence=_edge_evidence(kg),
        node_evidence=_node_evidence(kg),
        chart=chart,
    )


def render_entity_view(
    kg: ViewSource,
    name: str,
    out: str | os.PathLike | None = None,
    *,
    depth: int = 2,
    top: int | None = None,
    center: dict | None = None,
    chart: Any = None,
) -> Path:
    """Draw the neighbourhood of ``center`` (an entity as the facade resolved it: id,
    kind, name, score), else of the entity whose name best matches ``name``; ``chart`` as
    for :func:`render_graph`."""
    if center is None:
        hits = analytics.search_entities(kg.store, name, limit=1)
        if not hits:
            raise BadParameter(f"no entity with a name like {name!r}")
        center = hits[0]
    G = analytics.entity_graph(kg.store)
    if center["id"] not in G:
        G.add_node(center["id"], kind=center["kind"], label=center["name"])
    H = analytics.neighbourhood(G, center["id"], depth=depth)
    caption = (
        f"The neighbourhood of {plain(center['name'])} ({center['kind']}, best match for "
        f"{plain(name)!r}, score {center['score']}): everything within {depth} steps through "
        f"cases (entity - case links) and firm membership. {H.number_of_nodes()} nodes, "
        f"{H.number_of_edges()} edges; drawn {_when()} by docketgraph (view --entity)."
    )
    target = Path(out) if out else default_out("entity", (("name", name), ("depth", str(depth))))
    return render_graph(
        H,
        title=f"Around {plain(center['name'])}",
        caption=caption,
        out=target,
        top=top,
        evidence=_edge_evidence(kg),
        node_evidence=_node_evidence(kg),
        focus=center["id"],
        fold=True,
        chart=chart,
    )
