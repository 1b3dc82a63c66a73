"""Courts by name and CourtListener links, for the pages.

A hook: when the project's own court-name rules exist (the forgiving-names work), the
pages use them; until then a court id is named through courts-db, which the extraction
already ships.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlencode


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    try:
        import courts_db
    except ImportError:  # pragma: no cover - a dependency of the package
        return {}
    return {c["id"]: c["name"] for c in courts_db.courts if c.get("id") and c.get("name")}


def court_label(court_id: object) -> str:
    """``ilnd`` as "District Court, N.D. Illinois (ilnd)"; an unknown id as itself."""
    cid = str(court_id or "").strip()
    name = _names().get(cid.lower())
    return f"{name} ({cid})" if name else cid


def courtlistener_url(court_id: object, docket: object) -> str | None:
    """A plain link to CourtListener's search for the docket in the court (nothing is
    fetched; the reader follows it or not). None without both."""
    cid, dk = str(court_id or "").strip().lower(), str(docket or "").strip()
    if not cid or cid == "unknown" or not dk or cid not in _names():
        return None
    return "https://www.courtlistener.com/?" + urlencode(
        {"type": "r", "q": f'docketNumber:"{dk}"', "court": cid}
    )
