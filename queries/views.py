"""Interactive HTML graph views: one self-contained file, nothing loaded from the network.

Nodes and edges are collected with pyvis, then rendered through docketgraph's own
autoescaping template (pyvis' templates link Bootstrap and vis-network from a CDN and
show titles through ``innerHTML``). vis-network's JavaScript and CSS, as bundled with
pyvis, are embedded; the graph data is a JSON block that the page parses; details are
shown as plain text; a Content-Security-Policy admits only the page's own scripts.
Large graphs get their layout computed in Python (networkx) with physics switched off.
"""
from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import json
import os
import re
import tempfile
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

KIND_COLORS = {
    "LawFirm": "#1f77b4", "Judge": "#d62728", "Attorney": "#9467bd", "Party": "#2ca02c",
    "Platform": "#ff7f0e", "Case": "#8c564b", "Court": "#7f7f7f", "Precedent": "#17becf",
    "Document": "#bcbd22",
}
KIND_LABELS = {
    "LawFirm": "Law firm", "Judge": "Judge", "Attorney": "Attorney", "Party": "Party",
    "Platform": "Platform", "Case": "Case", "Court": "Court", "Precedent": "Cited case",
    "Document": "Document",
}
PHYSICS_NODE_LIMIT = 300
_MAX_TEXT = 300
_CTRL = re.compile(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]+")


def plain(s: Any) -> str:
    """A value from a filing as safe single-line plain text (escaping happens at render)."""
    s = _CTRL.sub(" ", str(s if s is not None else "")).strip()
    return s if len(s) <= _MAX_TEXT else s[: _MAX_TEXT - 1] + "…"


def _vis_assets() -> tuple[str, str]:
    base = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return ((base / "vis-network.min.js").read_text(encoding="utf-8"),
            (base / "vis-network.css").read_text(encoding="utf-8"))


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
    """Write to a temporary file beside ``path`` and rename it into place."""
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


class GraphSpec:
    """Nodes and edges to draw, with kinds, weights and plain-text details."""

    def __init__(self) -> None:
        from pyvis.network import Network
        self.net = Network(directed=False, cdn_resources="in_line")
        self.kinds: dict[str, str] = {}

    def node(self, node_id: str, label: str, kind: str, info: list[str] | None = None) -> str:
        nid = plain(node_id)
        if nid not in self.kinds:
            self.kinds[nid] = kind
            self.net.add_node(nid, label=plain(label), group=kind,
                              color=KIND_COLORS.get(kind, "#999999"))
            self.net.node_map[nid]["info"] = [plain(x) for x in (info or [])][:50]
        return nid

    def edge(self, a: str, b: str, weight: float = 1, info: list[str] | None = None) -> None:
        self.net.add_edge(a, b, value=weight, width=weight)
        self.net.edges[-1]["info"] = [plain(x) for x in (info or [])][:50]

    def __len__(self) -> int:
        return len(self.net.nodes)


def render(spec: GraphSpec, *, title: str, caption: str, out: Path) -> Path:
    """Render a GraphSpec to one self-contained HTML file (written atomically, UTF-8)."""
    nodes = [{"id": n["id"], "label": n["label"], "group": n["group"], "color": KIND_COLORS.get(n["group"], "#999999"),
              "info": n.get("info", []), "title": n["label"]} for n in spec.net.nodes]
    edges = [{"from": e["from"], "to": e["to"], "value": e.get("value", 1),
              "info": e.get("info", []),
              "title": f"weight {e.get('value', 1)}"} for e in spec.net.edges]
    big = len(nodes) > PHYSICS_NODE_LIMIT
    options: dict[str, Any] = {
        "interaction": {"hover": True, "tooltipDelay": 150},
        "edges": {"scaling": {"min": 1, "max": 12}, "color": {"inherit": False, "color": "#888"}},
        "nodes": {"shape": "dot", "size": 14, "font": {"size": 13}},
    }
    if big:
        import networkx as nx
        g = nx.Graph()
        g.add_nodes_from(n["id"] for n in nodes)
        g.add_edges_from((e["from"], e["to"]) for e in edges)
        pos = nx.spring_layout(g, seed=7, iterations=30 if len(nodes) < 3000 else 15)
        scale = 40 * (len(nodes) ** 0.5)
        for n in nodes:
            x, y = pos[n["id"]]
            n["x"], n["y"] = float(x * scale), float(y * scale)
        options["physics"] = {"enabled": False}
        options["layout"] = {"improvedLayout": False}
        options["edges"]["smooth"] = False
    else:
        options["physics"] = {"enabled": True, "solver": "forceAtlas2Based",
                              "stabilization": {"enabled": True, "iterations": 300}}
    counts: dict[str, int] = {}
    for n in nodes:
        counts[n["group"]] = counts.get(n["group"], 0) + 1
    legend = [{"kind": k, "label": KIND_LABELS.get(k, k), "color": KIND_COLORS.get(k, "#999"),
               "count": c} for k, c in sorted(counts.items())]
    vis_js, vis_css = _vis_assets()
    app_js = (resources.files("docketgraph.queries") / "templates" / "view.js").read_text(encoding="utf-8")
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda n: (resources.files("docketgraph.queries") / "templates" / n)
                                     .read_text(encoding="utf-8")),
        autoescape=True)
    tpl = env.get_template("view.html")
    html = tpl.render(
        title=plain(title), caption=plain(caption) if len(caption) < _MAX_TEXT else caption[:1000],
        legend=legend,
        data_json=_markup(_json_for_html({"nodes": nodes, "edges": edges, "options": options})),
        vis_js=_markup(vis_js.replace("</script", "<\\/script")), vis_css=_markup(vis_css),
        app_js=_markup(app_js),
        script_hashes=" ".join([_sha256_src(vis_js.replace("</script", "<\\/script")), _sha256_src(app_js)]),
    )
    out = Path(out)
    atomic_write(out, html.encode("utf-8"))
    return out


def _markup(s: str):
    from markupsafe import Markup
    return Markup(s)


def default_out(name: str, params: tuple[tuple[str, str], ...] = ()) -> Path:
    stem = name + "".join(f"-{k}-{v}" for k, v in params)
    return Path("output") / (safe_filename(stem) + ".html")


def render_query_view(kg: Any, res: Any, out: str | os.PathLike | None = None) -> Path:
    """Draw a saved query's result using its ``# view:`` hint."""
    from docketgraph.graph.errors import QueryError
    q = res.query
    hint = list(q.view) if q is not None else []
    if not hint or hint[0] != "bipartite" or len(hint) < 4:
        raise QueryError(f"query {q.name if q else '?'} has no graph view "
                         "(its header has no '# view: bipartite A B WEIGHT' line)")
    _, a_col, b_col, w_col = hint[:4]
    a_kind, b_kind = _kind_of(a_col), _kind_of(b_col)
    label = {"firm": "firm_label", "judge": "judge_label"}
    spec = GraphSpec()
    for r in res.rows:
        a_id = f"{a_kind}:{r.get(a_col)}"
        b_id = f"{b_kind}:{r.get(b_col)}"
        a_label = r.get(label.get(a_col, a_col)) or r.get(a_col)
        b_label = r.get(label.get(b_col, b_col)) or r.get(b_col)
        role = r.get("role")
        spec.node(a_id, a_label, a_kind)
        spec.node(b_id, f"{b_label} ({role})" if role and b_kind == "Judge" else b_label, b_kind,
                  [f"role: {role}"] if role else [])
        w = r.get(w_col) or 1
        info = [f"{w} case(s)"]
        if r.get("dockets"):
            info.append("cases: " + str(r["dockets"]))
            info += _documents_for(kg, str(r["dockets"]))
        spec.edge(a_id, b_id, float(w), info)
    params = ", ".join(f"{k}={v}" for k, v in res.params) or "none"
    when = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    caption = (f"{q.description} Query: {q.name}; parameters: {params}; {len(res.rows)} rows; "
               f"drawn {when} by docketgraph. Edge width = {w_col}.")
    target = Path(out) if out else default_out(q.name, res.params)
    return render(spec, title=q.title, caption=caption, out=target)


def _kind_of(col: str) -> str:
    c = col.lower()
    for k, name in (("firm", "LawFirm"), ("judge", "Judge"), ("platform", "Platform"),
                    ("attorney", "Attorney"), ("party", "Party"), ("court", "Court"),
                    ("precedent", "Precedent"), ("case", "Case")):
        if c.startswith(k):
            return name
    return "Entity"


def _documents_for(kg: Any, dockets: str) -> list[str]:
    import pyoxigraph as ox
    from docketgraph.graph import keys
    out = []
    for d in [x.strip() for x in dockets.split(",") if x.strip()][:20]:
        _, rows = kg.store.query(
            "SELECT DISTINCT ?name ?dk WHERE { ?case dg:docketKey ?dk . ?doc dg:filedIn ?case ; schema:name ?name }",
            {"dk": ox.Literal(keys.docket_key(d))})
        out += [f"{d}: {r['name']}" for r in rows]
    return out
