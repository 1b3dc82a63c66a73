"""Normalised keys and the IRIs minted from them: identity is semantic, never positional."""
from __future__ import annotations

import hashlib
import re
import unicodedata

from docketgraph.graph.vocab import GRAPH, ID

_MAX_SLUG = 80


def ascii_fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def slug(s: str) -> str:
    """Lower-case ASCII words joined by '-', '&' read as 'and'; long keys get a hash tail."""
    raw = s or ""
    s = ascii_fold(raw).lower().replace("&", " and ")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if not s:
        s = "x-" + hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    if len(s) > _MAX_SLUG:
        s = s[:_MAX_SLUG].rstrip("-") + "-" + hashlib.sha1(s.encode()).hexdigest()[:10]
    return s


_DOCKET = re.compile(r"^(?:\d+:)?(\d{2})-?([a-z]{1,4})-?0*(\d{1,7})")


def docket_key(docket: str) -> str:
    """'1:23-cv-01820' -> '23-cv-01820'; appellate and other numbers: lower-cased, spaces out."""
    s = re.sub(r"\s+", "", (docket or "").lower())
    m = _DOCKET.match(s)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{int(m.group(3)):05d}"
    return re.sub(r"[^a-z0-9:-]+", "-", s).strip("-") or "unknown"


_FIRM_NOISE = re.compile(r"[^a-z0-9 ]+")


def firm_key(name: str) -> str:
    """A firm's identity key: case, punctuation and '&'/'and' differences ignored."""
    s = ascii_fold(name).lower().replace("&", " and ")
    s = _FIRM_NOISE.sub(" ", s)
    return slug(s)


def court_iri(court_id: str) -> str:
    return f"{ID}court/{slug(court_id)}"


def case_iri(court_id: str | None, docket: str) -> str:
    return f"{ID}case/{slug(court_id) if court_id else '_'}/{docket_key(docket)}"


def judge_iri(name: str, role: str) -> str:
    # district and magistrate judges of the same name are kept apart
    tail = "--magistrate" if role == "magistrate" else ""
    return f"{ID}judge/{slug(name)}{tail}"


def firm_iri(name: str) -> str:
    return f"{ID}firm/{firm_key(name)}"


def attorney_iri(name: str, firm: str | None) -> str:
    return f"{ID}attorney/{slug(name)}" + (f"--{firm_key(firm)}" if firm else "")


def party_iri(name: str, scope: str | None = None) -> str:
    """Parties by name; group defendants ("Schedule A", Does) are scoped to their case."""
    return f"{ID}party/" + (f"{slug(scope)}/" if scope else "") + slug(name)


def platform_iri(name: str) -> str:
    return f"{ID}platform/{slug(name)}"


def precedent_iri(cite: str) -> str:
    return f"{ID}precedent/{slug(cite)}"


def document_iri(sha256: str) -> str:
    return f"{ID}doc/{sha256}"


def graph_iri(sha256: str) -> str:
    return f"{GRAPH}{sha256}"


def node_iri(kind: str, *parts: str) -> str:
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return f"{ID}{kind}/{h}"


_GROUP = re.compile(
    r"schedule\s*[\"'“”]?a\b|\bdoes?\s*\d|\bdoes\b|unincorporated\s+ass|\bindividuals,?\s+(?:corporations|partnerships)"
    r"|identified\s+on|\bjohn\s+does?\b", re.I)


def is_group_party(name: str) -> bool:
    """A defendant group named by description, not a person or company."""
    return bool(_GROUP.search(name or ""))
