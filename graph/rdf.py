"""An Extraction as RDF quads, all in the named graph of its document.

Entities get IRIs minted from normalised keys (graph.keys), so the same firm, judge or
case met in two filings is one node. Relations that need more than two places (an
appearance: counsel for a party in a case) are nodes of their own. Every assertion has a
Mention node pointing at the document, the character span and the sentence it came from.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Iterator

import pyoxigraph as ox

from docketgraph.graph import keys
from docketgraph.graph.model import Extraction, Span
from docketgraph.graph.resolve import Resolver
from docketgraph.graph.vocab import DG, EMAIL, NAME, RDF_TYPE, RDFS_LABEL, XSD

CaseResolver = Callable[[str | None, str], str]
_TYPE = ox.NamedNode(RDF_TYPE)
_NAME = ox.NamedNode(NAME)
_LABEL = ox.NamedNode(RDFS_LABEL)
_DATE = ox.NamedNode(XSD + "date")
_INT = ox.NamedNode(XSD + "integer")
_BOOL = ox.NamedNode(XSD + "boolean")
_DT = ox.NamedNode(XSD + "dateTime")
_MAX_LABEL = 300
#: the case attributes a reader states (``CaseMention.attrs``) that the store keeps
_CASE_ATTRS = {"nature_of_suit": DG.natureOfSuit, "cause": DG.cause}
_CTRL = re.compile(r"[\x00-\x1f\x7f]+")
#: predicate IRI -> its node, made once (the vocabulary is closed)
_PREDICATES: dict[str, ox.NamedNode] = {}


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def clean_label(s: str) -> str:
    """Labels are single-line, control-free and length-capped."""
    s = _CTRL.sub(" ", s or "").strip()
    return s if len(s) <= _MAX_LABEL else s[: _MAX_LABEL - 1] + "…"


def _lit(s: str) -> ox.Literal:
    return ox.Literal(clean_label(s))


def _date(s: str | None) -> ox.Literal | None:
    if not s:
        return None
    try:
        return ox.Literal(_dt.date.fromisoformat(s[:10]).isoformat(), datatype=_DATE)
    except ValueError:
        return None


# a full stop that ends an abbreviation or an initial, not a sentence: "Martha M. Pacold",
# "Nike, Inc. v. ...", "F. Supp. 3d", "No. 23-cv-1820", "U.S. Dist. LEXIS"
_ABBREV = re.compile(
    r"(?:\b[A-Z]|\b(?:v|vs|No|Nos|Inc|Corp|Co|Ltd|LLC|Bros|Jr|Sr|Mr|Mrs|Ms|Dr|Hon|St|Mt|Fed|Supp|"
    r"Cir|Dist|App|Ill|Cal|Fla|Tex|Pa|Mass|Mich|Wis|Ind|Ariz|Colo|Conn|Del|Ga|Md|Minn|Mo|Nev|"
    r"Okla|Or|Tenn|Va|Wash|Cl|Ct|Ed|Rev|Stat|Civ|Crim|Misc|Div|Mag|Gen|Int|Nat|Ass|Assn|"
    r"Dep|Dept|Comm|Cty|Univ|Sec|art|cl|ch|para|pp|cf|e\.g|i\.e|et al|id|Id))\Z"
)


def _sentence_stops(s: str) -> list[int]:
    """Offsets just after each sentence-ending full stop (or blank line) in ``s``."""
    out = []
    for m in re.finditer(r"\.(?=\s)|\n[ \t]*\n", s):
        if m.group(0) == "." and _ABBREV.search(s[max(0, m.start() - 12) : m.start()]):
            continue
        out.append(m.end())
    return out


def sentence_at(text: str, span: Span, limit: int = 400) -> str:
    """The sentence (or line group) around a span, for evidence: it runs from the last
    sentence end before the span to the first after it, initials and abbreviations
    ("Martha M. Pacold", "Inc.", "F. Supp.") not counting as ends."""
    a, b = span
    a = max(0, min(a, len(text)))
    b = max(a, min(b, len(text)))
    lo = max(0, a - limit // 2)
    left = text[lo:a]
    stops = _sentence_stops(left)
    start = lo + stops[-1] if stops else lo
    right = text[b : b + limit // 2]
    stops = _sentence_stops(right)
    end = b + (stops[0] if stops else len(right))
    return clean_label(" ".join(text[start:end].split()))


def ingested_quad(sha: str, when: str | None = None) -> ox.Quad:
    """A document's "ingested" marker (now, unless ``when`` is given), in its graph."""
    when = when or _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    return ox.Quad(
        _n(keys.document_iri(sha)), _n(DG.ingested), ox.Literal(when, datatype=_DT), _n(keys.graph_iri(sha))
    )


def cases_of(quads: Iterable[ox.Quad]) -> list[ox.NamedNode]:
    """The cases a document's quads speak of (each has its docket key there)."""
    return [
        q.subject for q in quads if q.predicate.value == DG.docketKey and isinstance(q.subject, ox.NamedNode)
    ]


def default_case_resolver(court: str | None, docket: str) -> str:
    return keys.case_iri(court, docket)


class _Builder:
    def __init__(self, g: ox.NamedNode, doc: ox.NamedNode, text: str | None):
        self.g, self.doc, self.text = g, doc, text
        self.quads: list[ox.Quad] = []
        self._seen: set = set()

    def add(self, s: str | ox.NamedNode, p: str, o) -> None:
        if o is None:
            return
        s = _n(s) if isinstance(s, str) else s
        key = (s, p, o)
        if key in self._seen:
            return
        self._seen.add(key)
        pred = _PREDICATES.get(p)
        if pred is None:
            pred = _PREDICATES[p] = _n(p)
        self.quads.append(ox.Quad(s, pred, o, self.g))

    def entity(self, iri: str, cls: str, name: str) -> ox.NamedNode:
        node = _n(iri)
        self.add(node, RDF_TYPE, _n(cls))
        self.add(node, NAME, _lit(name))
        self.add(node, RDFS_LABEL, _lit(name))
        return node

    def keyed(self, node: ox.NamedNode, *aliases: str) -> None:
        """One ``dg:key`` per entity (its IRI's last segment); every spelling's ``dg:alias``."""
        self.add(node, DG.key, ox.Literal(node.value.rsplit("/", 1)[-1]))
        for a in aliases:
            self.add(node, DG.alias, ox.Literal(a))

    def mention(self, about: ox.NamedNode, spans: Iterable[Span], surface: str | None = None) -> None:
        for a, b in [sp for sp in spans if sp[1] > sp[0]][:5]:
            m = _n(keys.node_iri("mention", self.doc.value, about.value, str(a), str(b)))
            self.add(m, RDF_TYPE, _n(DG.Mention))
            self.add(m, DG.about, about)
            self.add(m, DG.inDocument, self.doc)
            self.add(m, DG.start, ox.Literal(str(a), datatype=_INT))
            self.add(m, DG.end, ox.Literal(str(b), datatype=_INT))
            if self.text is not None:
                self.add(m, DG.quote, _lit(sentence_at(self.text, (a, b))))
                self.add(m, DG.surface, _lit(self.text[a:b]))


def extraction_quads(
    ex: Extraction,
    *,
    text: str | None = None,
    path: str | None = None,
    resolve_case: CaseResolver = default_case_resolver,
    resolver: Resolver | None = None,
    ingested: str | None = None,
    marker: bool = True,
) -> list[ox.Quad]:
    """All quads one document asserts, in its own named graph.

    ``resolver`` matches firms, attorneys and judges to entities already stored; each
    merge is recorded as a ``dg:Merge`` in this document's graph, with its reason.
    ``marker=False`` leaves out the "ingested" marker (``ingested_quad``: the writer adds
    it to quads made ahead, see graph.prepared).
    """
    resolver = resolver or Resolver()
    sha = ex.sha256
    g = _n(keys.graph_iri(sha))
    doc = _n(keys.document_iri(sha))
    b = _Builder(g, doc, text)

    def merged(match, surface: str) -> tuple[str, str]:
        if match.reason:
            m = _n(keys.node_iri("merge", doc.value, match.iri, surface))
            b.add(m, RDF_TYPE, _n(DG.Merge))
            b.add(m, DG.about, _n(match.iri))
            b.add(m, DG.surface, _lit(surface))
            b.add(m, DG.evidence, _lit(match.reason))
            b.add(m, DG.inDocument, doc)
        return match.iri, match.name or surface

    b.entity(doc.value, DG.Document, ex.doc)
    b.add(doc, DG.sha256, ox.Literal(sha))
    b.add(doc, DG.kind, ox.Literal(ex.kind))
    b.add(doc, DG.format, ox.Literal(ex.format))
    b.add(doc, DG.filed, _date(ex.filed))
    if text is not None:
        b.add(doc, DG.textLength, ox.Literal(str(len(text)), datatype=_INT))
    if path:
        b.add(doc, DG.path, ox.Literal(path))
    if marker:
        b.quads.append(ingested_quad(sha, ingested))

    # cases
    case_nodes: dict[str, ox.NamedNode] = {}
    court_of: dict[str, str | None] = {}
    for c in ex.cases:
        if not c.docket:
            continue
        node = _n(resolve_case(c.court, c.docket))
        dk = keys.docket_key(c.docket)
        case_nodes[dk] = node
        court_of[dk] = c.court
        b.add(node, RDF_TYPE, _n(DG.Case))
        b.add(node, DG.docketKey, ox.Literal(dk))
        b.add(node, DG.docketNumber, _lit(c.docket))
        if c.court or node.value == keys.case_iri(None, c.docket):
            # a filing that does not state its court, joined to the stored case of that
            # number, adds no court of its own ("unknown" is for cases whose court no
            # stored filing states)
            b.add(node, DG.courtKey, ox.Literal(c.court or "unknown"))
        label = f"{c.caption} ({c.docket})" if c.caption else c.docket
        b.add(node, NAME, _lit(label))
        b.add(node, RDFS_LABEL, _lit(label))
        if c.caption:
            b.add(node, DG.caption, _lit(c.caption))
        if c.schedule_a:
            b.add(node, DG.scheduleA, ox.Literal("true", datatype=_BOOL))
            b.add(node, DG.scheduleARule, ox.Literal(keys.SCHEDULE_A_RULE))
        if c.filed:
            b.add(node, DG.dateFiled, _date(c.filed))
        for attr, value in c.attrs:
            if attr in _CASE_ATTRS and value.strip():
                b.add(node, _CASE_ATTRS[attr], _lit(value))
        if c.court:
            court = b.entity(keys.court_iri(c.court), DG.Court, c.court)
            b.add(court, DG.courtId, ox.Literal(c.court))
            b.add(node, DG.inCourt, court)
        b.add(doc, DG.filedIn, node)
        b.mention(node, c.spans)
    primary = next(iter(case_nodes.values()), None)

    def case_for(docket: str | None) -> ox.NamedNode | None:
        if docket:
            return case_nodes.get(keys.docket_key(docket))
        return primary

    # judges
    for j in ex.judges:
        iri, label = merged(resolver.judge(j.name, j.role), j.name)
        node = b.entity(iri, DG.Judge, label)
        b.add(node, DG.judgeRole, ox.Literal(j.role))
        b.keyed(node, keys.slug(label), keys.slug(j.name))
        case = case_for(j.case)
        if case is not None:
            pred = {"magistrate": DG.magistrateJudge, "circuit": DG.panelJudge}.get(j.role, DG.presidingJudge)
            b.add(case, pred, node)
        b.mention(node, j.spans)

    # parties
    party_nodes: dict[str, ox.NamedNode] = {}
    for p in ex.parties:
        case = case_for(p.case)
        scope = case.value if (case is not None and keys.is_group_party(p.name)) else None
        node = b.entity(keys.party_iri(p.name, scope), DG.Party, p.name)
        b.keyed(node, keys.slug(p.name))
        party_nodes[p.name] = node
        if case is not None:
            b.add(node, DG.partyTo, case)
            part = _n(keys.node_iri("participation", case.value, node.value, p.role))
            b.add(part, RDF_TYPE, _n(DG.Participation))
            b.add(part, DG.case, case)
            b.add(part, DG.party, node)
            b.add(part, DG.role, ox.Literal(p.role))
            b.mention(part, p.spans)
        b.mention(node, p.spans)

    def side_of(names: tuple[str, ...]) -> str | None:
        roles = {p.role for p in ex.parties if p.name in names}
        return sorted(roles)[0] if roles else None

    # firms and attorneys: appearances
    firm_nodes: dict[str, ox.NamedNode] = {}
    for f in ex.firms:
        iri, label = merged(resolver.firm(f.name), f.name)
        node = b.entity(iri, DG.LawFirm, label)
        b.keyed(node, keys.firm_store_key(label), keys.firm_store_key(f.name))
        firm_nodes[keys.firm_store_key(f.name)] = node
        if f.evidence:
            b.add(node, DG.evidence, _lit(f.evidence))
        case = case_for(f.case)
        if case is not None:
            _appearance(
                b,
                case,
                firm=node,
                attorney=None,
                parties=f.represents,
                party_nodes=party_nodes,
                side=side_of(f.represents),
                spans=f.spans,
                shown_on=_date(ex.filed),
            )
        b.mention(node, f.spans)
    for a in ex.attorneys:
        firm = None
        if a.firm:
            firm = firm_nodes.get(keys.firm_store_key(a.firm))
            if firm is None:
                iri, label = merged(resolver.firm(a.firm), a.firm)
                firm = b.entity(iri, DG.LawFirm, label)
                b.keyed(firm, keys.firm_store_key(label))
            b.keyed(firm, keys.firm_store_key(a.firm))
        iri, label = merged(
            resolver.attorney(a.name, firm.value if firm is not None else None, a.email), a.name
        )
        node = b.entity(iri, DG.Attorney, label)
        b.keyed(node, keys.slug(label), keys.slug(a.name))
        if a.email:
            b.add(node, EMAIL, _lit(a.email))
        if firm is not None:
            b.add(node, DG.memberOf, firm)
        case = case_for(a.case)
        if case is not None:
            _appearance(
                b,
                case,
                firm=firm,
                attorney=node,
                parties=a.represents,
                party_nodes=party_nodes,
                side=side_of(a.represents),
                spans=a.spans,
                shown_on=_date(ex.filed),
            )
        b.mention(node, a.spans)

    # platforms
    for p in ex.platforms:
        node = b.entity(keys.platform_iri(p.name), DG.Platform, p.name)
        b.keyed(node, keys.slug(p.name))
        b.add(node, DG.platformKind, ox.Literal(p.kind))
        for case in case_nodes.values():
            b.add(case, DG.mentionsPlatform, node)
        b.mention(node, p.spans)

    # citations
    for c in ex.citations:
        node = b.entity(keys.precedent_iri(c.cite), DG.Precedent, c.name or c.cite)
        b.add(node, DG.citation, _lit(c.cite))
        if c.name:
            b.add(node, DG.citedName, _lit(c.name))
        b.add(doc, DG.cites, node)
        for case in case_nodes.values():
            b.add(case, DG.cites, node)
        b.mention(node, c.spans)
    return b.quads


def _appearance(
    b: _Builder, case: ox.NamedNode, *, firm, attorney, parties, party_nodes, side, spans, shown_on=None
) -> None:
    targets = [party_nodes[p] for p in parties if p in party_nodes] or [None]
    for party in targets:
        app = _n(
            keys.node_iri(
                "appearance",
                case.value,
                firm.value if firm else "",
                attorney.value if attorney else "",
                party.value if party else "",
            )
        )
        b.add(app, RDF_TYPE, _n(DG.Appearance))
        b.add(app, DG.case, case)
        b.add(app, DG.firm, firm)
        b.add(app, DG.attorney, attorney)
        b.add(app, DG.party, party)
        if side:
            b.add(app, DG.side, ox.Literal(side))
        b.add(app, DG.shownOn, shown_on)  # the filing date of a document showing it
        if firm is not None:
            b.add(case, DG.appearingFirm, firm)
        b.mention(app, spans)


def iter_labels(quads: Iterable[ox.Quad]) -> Iterator[str]:
    for q in quads:
        if q.predicate.value == NAME and isinstance(q.object, ox.Literal):
            yield q.object.value
