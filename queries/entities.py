"""Entity listings and explanations: which surface forms and documents make up an entity."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rapidfuzz import fuzz, process

from docketgraph.graph.errors import BadParameter
from docketgraph.graph.store import Store
from docketgraph.graph.vocab import DG

KINDS = {
    "firm": "LawFirm",
    "attorney": "Attorney",
    "judge": "Judge",
    "party": "Party",
    "platform": "Platform",
    "case": "Case",
    "court": "Court",
    "precedent": "Precedent",
}


def _cls(kind: str) -> ox.NamedNode:
    if kind not in KINDS:
        raise BadParameter(f"unknown kind {kind!r}; known: {', '.join(KINDS)}")
    return ox.NamedNode(getattr(DG, KINDS[kind]))


def list_entities(store: Store, kind: str) -> tuple[list[str], list[dict[str, Any]]]:
    q = """SELECT (SAMPLE(?n) AS ?name) (COUNT(DISTINCT ?d) AS ?documents)
                  (COUNT(DISTINCT ?n) AS ?surface_forms) ?cls ?e
           WHERE { ?e a ?cls ; schema:name ?n .
                   OPTIONAL { ?m dg:about ?e ; dg:inDocument ?d } }
           GROUP BY ?e ?cls ORDER BY DESC(?documents) ?name"""
    cols, rows = store.query(q, {"cls": _cls(kind)})
    for r in rows:
        r.pop("cls", None)
    return ["name", "documents", "surface_forms", "e"], rows


def explain(store: Store, kind: str, name: str) -> list[dict[str, Any]]:
    """Rows (entity, what, value, document, detail) explaining the entity named ``name``."""
    cols, rows = list_entities(store, kind)
    if not rows:
        return []
    names = {r["e"]: r["name"] for r in rows}
    _, surf = store.query("SELECT ?e ?n ?cls WHERE { ?e a ?cls ; schema:name ?n }", {"cls": _cls(kind)})
    forms: dict[str, set[str]] = {}
    for r in surf:
        forms.setdefault(r["e"], set()).add(r["n"])
    choices = {(e, f): f for e, fs in forms.items() for f in fs}
    hits = process.extract(name, choices, scorer=fuzz.WRatio, limit=10, score_cutoff=85)
    targets = []
    for _, _score, (e, _f) in hits:
        if e not in targets:
            targets.append(e)
    out = []
    for e in targets[:3]:
        ent = ox.NamedNode(e)
        out.append({"entity": names.get(e, e), "what": "iri", "value": e, "document": "", "detail": ""})
        for f in sorted(forms.get(e, ())):
            out.append(
                {"entity": names.get(e, e), "what": "surface form", "value": f, "document": "", "detail": ""}
            )
        _, docs = store.query(
            "SELECT DISTINCT ?dn ?q ?e WHERE { GRAPH ?g { ?e schema:name ?any . "
            "?d a dg:Document ; schema:name ?dn . OPTIONAL { ?m dg:about ?e ; dg:quote ?q } } } "
            "ORDER BY ?dn",
            {"e": ent},
        )
        seen = set()
        for d in docs:
            if d["dn"] in seen:
                continue
            seen.add(d["dn"])
            out.append(
                {
                    "entity": names.get(e, e),
                    "what": "document",
                    "value": d["dn"],
                    "document": d["dn"],
                    "detail": d.get("q") or "",
                }
            )
        _, merges = store.query(
            "SELECT ?s ?why ?dn ?e WHERE { ?m a dg:Merge ; dg:about ?e ; dg:surface ?s ; dg:evidence ?why ; "
            "dg:inDocument ?d . ?d schema:name ?dn }",
            {"e": ent},
        )
        for m in merges:
            out.append(
                {
                    "entity": names.get(e, e),
                    "what": "merged",
                    "value": m["s"],
                    "document": m["dn"],
                    "detail": m["why"],
                }
            )
    return out
