"""Counts over time as a small inline SVG (no script, no library, nothing fetched).

The home, firm, judge and court pages show the facade's charts (``kg.chart``: queries.
timeline and queries.charts, served by the app at ``/chart/NAME.svg``); the other pages
(an attorney's, a party's, a platform's...), and a facade without charts, draw these bars.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def cases_over_time(dates: Iterable[str], *, title: str = "Cases") -> dict | None:
    """Bars of cases per month (per year when the dates span more than four years), as
    plain numbers for the template to draw; None when no case is dated."""
    ds = sorted(str(d)[:10] for d in dates if d and len(str(d)) >= 7)
    if not ds:
        return None
    first, last = ds[0], ds[-1]
    by_year = int(last[:4]) - int(first[:4]) > 4
    counts = Counter(d[:4] if by_year else d[:7] for d in ds)
    buckets = _buckets(first, last, by_year)
    values = [(b, counts.get(b, 0)) for b in buckets]
    top = max(n for _, n in values) or 1
    width, height, pad = 640, 160, 24
    bw = min(48.0, max(2.0, (width - 2 * pad) / max(1, len(values))))
    bars = []
    for i, (label, n) in enumerate(values):
        h = (height - 2 * pad) * n / top
        bars.append(
            {
                "x": round(pad + i * bw, 1),
                "y": round(height - pad - h, 1),
                "w": round(max(1.0, bw - 1), 1),
                "h": round(h, 1),
                "label": label,
                "n": n,
            }
        )
    return {
        "title": title,
        "unit": "year" if by_year else "month",
        "bars": bars,
        "width": width,
        "height": height,
        "pad": pad,
        "top": top,
        "first": values[0][0],
        "last": values[-1][0],
        "total": len(ds),
    }


def _buckets(first: str, last: str, by_year: bool) -> list[str]:
    if by_year:
        return [str(y) for y in range(int(first[:4]), int(last[:4]) + 1)]
    y, m = int(first[:4]), int(first[5:7])
    ly, lm = int(last[:4]), int(last[5:7])
    out: list[str] = []
    while (y, m) <= (ly, lm) and len(out) < 600:
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out
