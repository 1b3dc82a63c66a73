"""Charts of counts over time: SVG, PNG and a small offline HTML page.

``docketgraph chart NAME -o FILE.svg|.png|.html`` and ``KnowledgeGraph.chart`` draw the
month counts of queries.timeline as stacked bars, one colour per court, with matplotlib's
object API (no pyplot state) and its Agg and SVG canvases (no display needed); matplotlib's
settings are process-wide, so one chart is drawn at a time (a lock), and a web server may
call these functions from several threads:

- :func:`chart_svg` gives the SVG text (``inline=True``: an ``<svg>`` element to put in an
  HTML page, as the HTML views and the web app do);
- :func:`chart_png` gives PNG bytes;
- :func:`chart_html` gives a whole page: the SVG inline, the counts in a table, nothing
  fetched (no script, no external link; its Content-Security-Policy forbids loading any).

Every name (a firm's, a judge's, a court's) is drawn as plain text: matplotlib's ``$...$``
mathematics is off, and the SVG writer and the HTML page escape what they write.
"""

from __future__ import annotations

import html
import io
import math
import os
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docketgraph.graph.errors import UnsupportedFormat
from docketgraph.queries.timeline import MonthCounts

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn (its import takes ~0.8 s)
    from matplotlib.figure import Figure

__all__ = ["CHART_FORMATS", "chart_svg", "chart_png", "chart_html", "chart_bytes", "write_chart"]

CHART_FORMATS = ("svg", "png", "html")

#: colour-blind-safe colours (Okabe and Ito), then matplotlib's tab20
_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")


def _figure(counts: MonthCounts) -> Figure:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    n = len(counts.months)
    fig = Figure(figsize=(min(14.0, max(6.5, 3.5 + 0.12 * n)), 4.2), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    x = list(range(n))
    bottom = [0] * n
    for i, (key, label, values) in enumerate(counts.series):
        colour = _COLOURS[i] if i < len(_COLOURS) else f"C{i % 10}"
        if key in ("", "unknown"):
            colour = "#9a9a9a"  # the court unknown: grey
        ax.bar(x, values, bottom=bottom, width=0.8, label=label, color=colour, linewidth=0)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    step = max(1, math.ceil(n / 24))  # at most about two dozen month labels
    ax.set_xticks(x[::step], [counts.months[i] for i in x[::step]], rotation=90 if n > 6 else 0)
    ax.set_xlim(-0.6, max(n, 1) - 0.4)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, max([*bottom, 1]) * 1.1)
    ax.set_ylabel("cases")
    ax.set_xlabel("month")
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", linewidth=0.4, alpha=0.5)
    ax.set_axisbelow(True)
    fig.suptitle(counts.title, x=0.01, ha="left", fontsize=11)
    if counts.note:
        ax.set_title(counts.note, loc="left", fontsize=8, color="#555555")
    if not counts.series:
        ax.text(0.5, 0.5, "no dated cases", transform=ax.transAxes, ha="center", va="center")
    else:  # beside the bars, never over them
        ax.legend(title="court", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    return fig


#: matplotlib's settings (rcParams) are global: charts are drawn one at a time
_DRAWING = threading.Lock()


def _render(counts: MonthCounts, fmt: str) -> bytes:
    import matplotlib

    buf = io.BytesIO()
    # text kept as text in SVG, no $...$ mathematics, a fixed id salt (and no date, below):
    # the same counts give the same file
    with (
        _DRAWING,
        matplotlib.rc_context(
            {
                "svg.fonttype": "none",
                "svg.hashsalt": "docketgraph",
                "text.parse_math": False,
                "font.family": "DejaVu Sans",
                "font.size": 9,
            }
        ),
    ):
        fig = _figure(counts)
        meta: dict[str, Any] = {"Date": None} if fmt == "svg" else {"Software": "docketgraph"}
        fig.savefig(buf, format=fmt, metadata=meta, dpi=110 if fmt == "png" else None)
    return buf.getvalue()


_PROLOGUE = re.compile(r"\A\s*<\?xml[^>]*\?>\s*(<!DOCTYPE[^>]*>\s*)?", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_XMLNS = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')
#: SVG 2's href in place of xlink:href (so the element needs no xlink namespace)
_XLINK = re.compile(r'(<use\b[^>]*?)\sxlink:href="')


def chart_svg(counts: MonthCounts, *, inline: bool = False) -> str:
    """The chart as SVG text: a standalone file, or with ``inline`` an ``<svg>`` element
    for an HTML page (no XML prologue, no metadata, no namespace declarations, SVG 2's
    ``href``: HTML needs no namespaces, and so the page names no outside address)."""
    svg = _render(counts, "svg").decode("utf-8")
    if inline:
        svg = _METADATA.sub("", _PROLOGUE.sub("", svg))
        head, rest = svg.split(">", 1)
        svg = _XMLNS.sub("", head) + ' role="img">' + _XLINK.sub(r'\1 href="', rest)
    return svg


def chart_png(counts: MonthCounts) -> bytes:
    """The chart as PNG bytes."""
    return _render(counts, "png")


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }}
figure {{ margin: 0; }} svg {{ max-width: 100%; height: auto; }}
table {{ border-collapse: collapse; margin-top: .5rem; }}
th, td {{ padding: .15rem .6rem; border-bottom: 1px solid #ddd; text-align: left; }}
td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
</style>
</head>
<body>
<h1>{title}</h1>
<figure>{svg}</figure>
<details{open}><summary>{summary}</summary>
<table><thead><tr><th>month</th><th>court</th><th>cases</th></tr></thead>
<tbody>
{rows}
</tbody></table>
</details>
</body>
</html>
"""


def chart_html(counts: MonthCounts) -> str:
    """A small offline HTML page: the SVG chart inline and the counts in a table; every
    value escaped; no script, and nothing loaded from anywhere."""
    e = html.escape
    labels = {k: label for k, label, _ in counts.series}
    rows = "\n".join(
        f"<tr><td>{e(r['month'])}</td><td>{e(labels.get(r['court'], r['court']) or 'court unknown')}</td>"
        f'<td class="n">{r["cases"]}</td></tr>'
        for r in counts.rows()
    )
    return _PAGE.format(
        title=e(counts.title),
        svg=chart_svg(counts, inline=True),
        open=" open" if len(counts.rows()) <= 24 else "",
        summary=e(f"{counts.total} cases in {len(counts.months)} months (table)"),
        rows=rows,
    )


def chart_bytes(counts: MonthCounts, fmt: str) -> bytes:
    """The chart in ``fmt``: svg, png or html."""
    f = (fmt or "").lower().lstrip(".")
    if f == "svg":
        return chart_svg(counts).encode("utf-8")
    if f == "png":
        return chart_png(counts)
    if f == "html":
        return chart_html(counts).encode("utf-8")
    raise UnsupportedFormat(f"unknown chart format {fmt!r}; known: {', '.join(CHART_FORMATS)}")


def chart_format(path: str | os.PathLike) -> str:
    """The format a chart file's name asks for (its suffix: .svg, .png, .html or .htm)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    fmt = "html" if suffix == "htm" else suffix
    if fmt not in CHART_FORMATS:
        raise UnsupportedFormat(f"a chart is written as .svg, .png or .html, not {Path(path).name!r}")
    return fmt


def write_chart(counts: MonthCounts, path: str | os.PathLike) -> Path:
    """Write the chart to ``path`` (its format from the suffix), atomically."""
    from docketgraph.queries.views import atomic_write

    p = Path(path)
    atomic_write(p, chart_bytes(counts, chart_format(p)))
    return p
