"""A query's answer as people and programs read it: the same columns, meaning the same
thing, in every format (table, CSV, Markdown, JSON, JSON lines; the web app too).

:func:`present` turns a result's rows (as the saved queries give them) into output rows:

- a name and its key are separate columns: ``firm`` is the firm's name and ``firm_key``
  its key (the queries' ``firm_label`` and ``firm``), likewise ``judge``/``judge_key``,
  ``plaintiff``/``plaintiff_key``...; a ``*_label`` column alone becomes the bare name;
- lists are lists: ``dockets``, ``case_ids``, ``firms``, ``judges``, ``emails`` ... are
  arrays (the queries join them with a separator, which :data:`LISTS` knows); dockets,
  case IRIs and e-mail addresses in order;
- a ``court`` column gets ``court_name`` beside it (courts-db: ``ilnd`` is "District
  Court, N.D. Illinois");
- a row with a court and a docket gets ``courtlistener``: a link to CourtListener's
  search for that docket in that court (one link per docket for a row of several
  cases); a plain URL, nothing is fetched.

``visible`` are the columns a terminal table shows: the query's hidden columns (IRIs kept
for evidence and views), the keys and the lists of links are left out. :func:`cut` shortens
a cell for that table (``--wrap`` keeps cells whole).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from docketgraph.queries.lookup import court_name, courtlistener_url

#: list columns as the saved queries join them (GROUP_CONCAT separators)
LISTS = {
    "dockets": ", ",
    "case_ids": " ",
    "emails": ", ",
    "firms": "; ",
    "judges": "; ",
    "plaintiffs": "; ",
    "defendants": "; ",
    "defence_firms": "; ",
    "courts": ", ",
}
#: list columns shown in order (the engine joins them in no promised order)
SORTED = ("dockets", "case_ids", "emails")
#: a table cell longer than this is cut (``--wrap`` keeps it whole)
CELL = 60


@dataclass(frozen=True)
class Presented:
    """Output columns and rows (see the module docstring); ``visible``: the table's columns."""

    columns: list[str]
    rows: list[dict[str, Any]]
    visible: list[str]


def column_names(columns: Sequence[str]) -> dict[str, str]:
    """Output name of each column: ``firm_label`` -> ``firm``, ``firm`` -> ``firm_key``."""
    cols = set(columns)
    out = {}
    for c in columns:
        if c.endswith("_label"):
            out[c] = c[: -len("_label")]
        elif f"{c}_label" in cols:
            out[c] = f"{c}_key"
        else:
            out[c] = c
    return out


def _as_list(v: Any, sep: str) -> Any:
    if v is None:
        return []
    if isinstance(v, str):
        return [x for x in (p.strip() for p in v.split(sep.strip() or None)) if x]
    if isinstance(v, (list, tuple)):
        return list(v)
    return v


def present(columns: Sequence[str], rows: Iterable[dict[str, Any]], hidden: Iterable[str] = ()) -> Presented:
    """Output columns and rows for a query's ``columns`` and ``rows`` (``hidden``: the
    columns its table leaves out)."""
    names = column_names(columns)
    hidden = set(hidden)
    out_cols: list[str] = []
    visible: list[str] = []
    has_court = "court" in columns
    single = "docket" in columns
    for c in columns:
        o = names[c]
        out_cols.append(o)
        if c not in hidden and not o.endswith("_key"):
            visible.append(o)
        if o == "court" and has_court:
            out_cols.append("court_name")
            if c not in hidden:
                visible.append("court_name")
    if has_court and (single or "dockets" in columns):
        out_cols.append("courtlistener")
        if single:
            visible.append("courtlistener")
    out_rows = []
    for r in rows:
        o_row: dict[str, Any] = {}
        for c in columns:
            v = r.get(c)
            o = names[c]
            if o in LISTS:
                v = _as_list(v, LISTS[o])
                if o in SORTED and isinstance(v, list):
                    v = sorted(v, key=str)
            o_row[o] = v
            if o == "court" and has_court:
                o_row["court_name"] = court_name(v) if isinstance(v, str) else None
        for extra in r:  # columns a row has beyond the query's (e.g. evidence)
            if extra not in names:
                o_row[extra] = r[extra]
        if has_court and single:
            o_row["courtlistener"] = courtlistener_url(r.get("court"), r.get("docket"))
        elif has_court and "dockets" in columns:
            links = [courtlistener_url(r.get("court"), d) for d in o_row.get("dockets") or []]
            o_row["courtlistener"] = [u for u in links if u]
        out_rows.append(o_row)
    for r in out_rows:
        for extra in r:
            if extra not in out_cols:
                out_cols.append(extra)
                visible.append(extra)
    return Presented(out_cols, out_rows, visible)


def cell_text(v: Any, sep: str = ", ") -> str:
    """A value as one cell's text: lists joined with ``sep``, booleans yes/no, None empty."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, (list, tuple)):
        return sep.join(cell_text(x) for x in v)
    return str(v)


def column_text(column: str, v: Any) -> str:
    """A cell's text in a text format (CSV, Markdown, table): a list joined with the
    separator its query uses ("; " between names, which may hold commas)."""
    return cell_text(v, LISTS.get(column, "; "))


def cut(v: Any, width: int = CELL, sep: str = ", ") -> str:
    """A table cell at most ``width`` characters: a list keeps the items that fit and
    says how many more there are ("1:23-cv-01820, 1:23-cv-01821, +12 more"); text is cut
    with an ellipsis."""
    if isinstance(v, (list, tuple)) and len(v) > 1:
        items = [cell_text(x) for x in v]
        shown: list[str] = []
        for item in items:
            left = len(items) - len(shown) - 1
            more = f"{sep}+{left} more" if left else ""
            if shown and len(sep.join([*shown, item]) + more) > width:
                break
            shown.append(item)
        left = len(items) - len(shown)
        return sep.join(shown) + (f"{sep}+{left} more" if left else "")
    s = cell_text(v, sep)
    if len(s) <= width:
        return s
    return s[: width - 1].rstrip() + "\u2026"
