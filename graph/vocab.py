"""The docketgraph RDF vocabulary: one namespace, closed (a typo raises), mapped to
schema.org where a term exists."""

from __future__ import annotations

BASE = "https://docketgraph.org/"
NS = BASE + "ns#"
ID = BASE + "id/"
GRAPH = BASE + "graph/"
SCHEMA = "https://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"

CLASSES = (
    "Document",
    "Case",
    "Court",
    "Judge",
    "LawFirm",
    "Attorney",
    "Party",
    "Platform",
    "Precedent",
    "Appearance",
    "Participation",
    "Mention",
    "Merge",
)
PROPERTIES = (
    # documents
    "sha256",
    "path",
    "format",
    "kind",
    "filed",
    "ingested",
    "encoding",
    "filedIn",
    "cites",
    "textLength",
    # cases
    "docketNumber",
    "docketKey",
    "courtKey",
    "inCourt",
    "courtId",
    "caption",
    "scheduleA",
    "scheduleARule",
    "presidingJudge",
    "magistrateJudge",
    "panelJudge",
    "judgeRole",
    "mentionsPlatform",
    "natureOfSuit",
    "cause",
    "dateFiled",
    # appearance (n-ary: who appeared for whom in which case)
    "case",
    "party",
    "side",
    "firm",
    "attorney",
    "role",
    "shownOn",
    "appearingFirm",
    # people and organisations
    "key",
    "alias",
    "memberOf",
    "email",
    "partyTo",
    "platformKind",
    "citation",
    "citedName",
    # provenance
    "about",
    "inDocument",
    "start",
    "end",
    "quote",
    "evidence",
    "surface",
)
#: terms that schema.org already names
SCHEMA_TERMS = {"name": SCHEMA + "name", "email": SCHEMA + "email"}


class _Closed:
    """Attribute access to vocabulary IRIs; an unknown term raises AttributeError."""

    def __init__(self, terms: tuple[str, ...]):
        self._terms = frozenset(terms)
        for t in terms:  # plain attributes: the writer reads them for every triple
            setattr(self, t, NS + t)

    def __getattr__(self, name: str) -> str:
        if name.startswith("_") or name not in self._terms:
            raise AttributeError(f"{name!r} is not a docketgraph vocabulary term")
        return NS + name


DG = _Closed(CLASSES + PROPERTIES)
NAME = SCHEMA_TERMS["name"]
EMAIL = SCHEMA_TERMS["email"]
