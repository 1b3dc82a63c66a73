"""Courts by name and CourtListener links, for the pages: the project's own rules
(queries.lookup, the forgiving-names work), shaped for the templates."""

from __future__ import annotations

from docketgraph.queries import lookup


def court_label(court_id: object) -> str:
    """``ilnd`` as "District Court, N.D. Illinois (ilnd)"; an unknown id as itself."""
    cid = str(court_id or "").strip()
    name = lookup.court_name(cid.lower()) if cid else None
    return f"{name} ({cid})" if name else cid


def courtlistener_url(court_id: object, docket: object) -> str | None:
    """A plain link to CourtListener's search for the docket in the court (nothing is
    fetched; the reader follows it or not). None without both."""
    cid, dk = str(court_id or "").strip().lower(), str(docket or "").strip()
    if not cid or not dk:
        return None
    return lookup.courtlistener_url(cid, dk)
