"""Counts over time and their charts: `docketgraph chart NAME -o FILE.svg|.png|.html`.

The month counts are checked against counts made by hand on a small factory store; the
files are checked for what they are (PNG signature, SVG that parses, an HTML page that
names no outside address and runs no script), with hostile names drawn as plain text.
"""
from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from docketgraph.graph.errors import BadParameter, NotFound, UnknownQuery, UnsupportedFormat
from docketgraph.queries import charts
from docketgraph.queries.api import MEMORY, KnowledgeGraph
from docketgraph.queries.cli import cli
from docketgraph.queries.timeline import CHARTS, MonthCounts
from factories import TEXT, case_extraction

GBC = "Greer, Burns & Crain, Ltd."
OTHER = "Other Counsel LLP"
KENDALL = (("Virginia M. Kendall", "district"),)
PNG = b"\x89PNG\r\n\x1a\n"


def _put(g: KnowledgeGraph, tag: str, *, schedule_a: bool = True, **kw) -> None:
    ex = case_extraction(tag, **kw)
    if not schedule_a:
        ex = dataclasses.replace(ex, cases=(dataclasses.replace(ex.cases[0], schedule_a=False,
                                                                caption="Robert Diggs v. Acme Corp."),))
    g.store.put(ex, text=TEXT)


def _fill(g: KnowledgeGraph) -> None:
    """Schedule A cases: N.D. Ill. 1 (filed 2024-01-05, again 2024-04-30), 2 (2024-01-20),
    4 (2024-03-15, Other Counsel before Judge Kendall), 6 (undated); S.D.N.Y. 3 (2024-03-02).
    Not Schedule A: N.D. Ill. 5 (2024-02-10). GBC before Judge Pacold in all but 4."""
    _put(g, "a", docket="1:24-cv-00001", filed="2024-01-05")
    _put(g, "a2", docket="1:24-cv-00001", filed="2024-04-30")
    _put(g, "b", docket="1:24-cv-00002", filed="2024-01-20")
    _put(g, "c", docket="1:24-cv-00003", filed="2024-03-02", court="nysd")
    _put(g, "d", docket="1:24-cv-00004", filed="2024-03-15", firm=OTHER, judges=KENDALL)
    _put(g, "e", docket="1:24-cv-00005", filed="2024-02-10", schedule_a=False)
    _put(g, "f", docket="1:24-cv-00006", filed=None)


@pytest.fixture()
def kg():
    g = KnowledgeGraph.open(MEMORY)
    _fill(g)
    yield g
    g.close()


def _by_court(c: MonthCounts) -> dict[str, tuple[int, ...]]:
    return {key: counts for key, _, counts in c.series}


# --- the counts ------------------------------------------------------------------------------

@pytest.mark.parametrize("name, params, months, series, undated", [
    ("schedule-a-cases", {}, ("2024-01", "2024-02", "2024-03"),
     {"ilnd": (2, 0, 1), "nysd": (0, 0, 1)}, {"ilnd": 1}),
    ("schedule-a-cases", {"court": "ilnd"}, ("2024-01", "2024-02", "2024-03"), {"ilnd": (2, 0, 1)}, {"ilnd": 1}),
    ("schedule-a-cases", {"court": "nysd"}, ("2024-03",), {"nysd": (1,)}, {}),
    ("schedule-a-cases", {"firm": OTHER}, ("2024-03",), {"ilnd": (1,)}, {}),
    ("schedule-a-cases", {"judge": "Martha M. Pacold"}, ("2024-01", "2024-02", "2024-03"),
     {"ilnd": (2, 0, 0), "nysd": (0, 0, 1)}, {"ilnd": 1}),
    # a case counts in the month of its earliest filing: case 1 (January) is before the range
    ("schedule-a-cases", {"date_from": "2024-01-10", "date_to": "2024-03-01"},
     ("2024-01", "2024-02", "2024-03"), {"ilnd": (1, 0, 0)}, {}),
    ("judges-for-firm", {"firm": GBC}, ("2024-01", "2024-02", "2024-03"),
     {"ilnd": (2, 1, 0), "nysd": (0, 0, 1)}, {"ilnd": 1}),
    ("judges-for-firm", {"firm": "greer burns and crain ltd", "court": "ilnd"}, ("2024-01", "2024-02"),
     {"ilnd": (2, 1)}, {"ilnd": 1}),
    ("judges-for-firm", {"firm": GBC, "court": "ilnd", "date_from": "2024-01-10", "date_to": "2024-03-01"},
     ("2024-01", "2024-02", "2024-03"), {"ilnd": (1, 1, 0)}, {}),
    ("firms-for-judge", {"judge": "Virginia M. Kendall"}, ("2024-03",), {"ilnd": (1,)}, {}),
    ("firms-for-judge", {"judge": "Martha M. Pacold", "date_to": "2024-01-31"}, ("2024-01",),
     {"ilnd": (2,)}, {}),
])
def test_counts_a_month_match_the_hand_counts(kg, name, params, months, series, undated):
    c = kg.counts_over_time(name, **params)
    assert c.months == months
    assert _by_court(c) == series
    assert c.undated == undated
    assert c.total == sum(sum(v) for v in series.values())


def test_rows_labels_and_title(kg):
    c = kg.counts_over_time("judges-for-firm", firm="greer burns and crain ltd", court="ILND")
    assert c.title == "Cases per month: Greer, Burns & Crain, Ltd. in N.D. Ill. (ilnd)"  # the stored name
    assert [label for _, label, _ in c.series] == ["N.D. Ill. (ilnd)"]
    assert c.rows() == [{"month": "2024-01", "court": "ilnd", "cases": 2},
                        {"month": "2024-02", "court": "ilnd", "cases": 1},
                        {"month": "undated", "court": "ilnd", "cases": 1}]
    assert "1 undated case not shown" in c.note
    assert c.totals == (2, 1)


def test_months_run_from_the_first_to_the_last_with_zeros(kg):
    _put(kg, "late", docket="1:25-cv-00001", filed="2025-02-03")
    c = kg.counts_over_time("schedule-a-cases", court="ilnd")
    assert c.months[0] == "2024-01" and c.months[-1] == "2025-02" and len(c.months) == 14
    assert "2024-12" in c.months and _by_court(c)["ilnd"][c.months.index("2024-12")] == 0


@pytest.mark.parametrize("name, params, error, message", [
    ("nope", {}, UnknownQuery, "charts: schedule-a-cases"),
    ("schedule-a-cases", {"role": "district"}, BadParameter, "no parameter 'role'"),
    ("judges-for-firm", {}, BadParameter, "needs the parameter 'firm'"),
    ("firms-for-judge", {"court": "ilnd"}, BadParameter, "needs the parameter 'judge'"),
    ("schedule-a-cases", {"date_from": "2024-13-01"}, BadParameter, "not a date"),
    ("schedule-a-cases", {"date_from": "2024-03-01", "date_to": "2024-01-01"}, BadParameter, "after"),
])
def test_bad_requests_are_errors(kg, name, params, error, message):
    with pytest.raises(error, match=message):
        kg.counts_over_time(name, **params)


@pytest.mark.parametrize("value", ['x") || true || ("', "x' } UNION { ?case a dg:Case } #", "\\u0022"])
def test_values_are_bound_never_pasted(kg, value):
    for name, p in (("judges-for-firm", "firm"), ("firms-for-judge", "judge"), ("schedule-a-cases", "court")):
        try:
            c = kg.counts_over_time(name, **{p: value})
        except NotFound:  # a name or court that matches nothing stored is an error, not a match
            continue
        assert c.series == () and c.months == ()


def test_names_forgive_as_in_the_saved_queries(kg):
    told: list[str] = []
    kg.on_notice = told.append
    c = kg.counts_over_time("judges-for-firm", firm="Greer Burns & Crain", court="N.D. Ill.")
    assert _by_court(c) == {"ilnd": (2, 1)}
    assert any("Greer, Burns & Crain, Ltd." in t for t in told)
    assert _by_court(kg.counts_over_time("firms-for-judge", judge="Kendall")) == {"ilnd": (1,)}
    with pytest.raises(NotFound):
        kg.counts_over_time("firms-for-judge", judge="Nobody Atall")


def test_every_chart_follows_a_saved_query_with_the_same_parameters(kg):
    saved = {q.name: q for q in kg.saved_queries()}
    for name, spec in CHARTS.items():
        assert name in saved, name
        want = {p.name: p.type for p in saved[name].params}
        assert {p.name: p.type for p in spec.params}.items() <= want.items(), name


# --- the files --------------------------------------------------------------------------------

def _svg_texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


def test_svg_parses_and_names_its_title_and_courts(kg):
    c = kg.counts_over_time("schedule-a-cases")
    svg = charts.chart_svg(c)
    texts = _svg_texts(svg)
    assert "Schedule A cases per month" in texts and "N.D. Ill. (ilnd)" in texts and "S.D.N.Y. (nysd)" in texts
    assert "2024-02" in texts  # every month is on the axis here
    assert charts.chart_svg(c) == svg  # the same counts give the same file


def test_png_is_a_png(kg):
    data = charts.chart_png(kg.counts_over_time("schedule-a-cases"))
    assert data.startswith(PNG) and len(data) > 5000


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.cells: list[str] = []
        self._in_td = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        self._in_td = tag == "td"

    def handle_data(self, data):
        if self._in_td:
            self.cells.append(data)
            self._in_td = False


def test_html_page_is_offline_and_holds_the_svg_and_the_counts(kg):
    c = kg.counts_over_time("schedule-a-cases")
    page = charts.chart_html(c)
    assert "http://" not in page and "https://" not in page and "//" not in page.replace("://", "")
    p = _Page()
    p.feed(page)
    assert "script" not in p.tags and "link" not in p.tags and "img" not in p.tags and "svg" in p.tags
    # references stay inside the page (clip paths: url(#id))
    assert all((v or "").startswith("#") for k, v in p.attrs if k in ("src", "href", "xlink:href"))
    assert all((v or "").startswith("url(#") for _, v in p.attrs if "url(" in (v or ""))
    assert "default-src 'none'" in page  # the page may load nothing
    assert p.cells == ["2024-01", "N.D. Ill. (ilnd)", "2", "2024-03", "N.D. Ill. (ilnd)", "1",
                       "2024-03", "S.D.N.Y. (nysd)", "1", "undated", "N.D. Ill. (ilnd)", "1"]
    # the inline SVG is the standalone one without its prologue and namespace declarations
    inline = charts.chart_svg(c, inline=True)
    assert inline.startswith("<svg") and inline in page
    assert _svg_texts(inline.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1))


def test_hostile_names_are_drawn_as_text_and_escaped():
    c = MonthCounts("judges-for-firm", "Cases per month: $x^2$ <script>alert(1)</script> & Co",
                    ("2024-01",), (("ilnd", "<b>court</b> $5", (3,)),), note="a $note$")
    texts = _svg_texts(charts.chart_svg(c))
    assert "Cases per month: $x^2$ <script>alert(1)</script> & Co" in texts  # no mathematics, unchanged
    assert "<b>court</b> $5" in texts
    page = charts.chart_html(c)
    assert "<script" not in page and "&lt;script&gt;" in page and "<b>" not in page


def test_a_chart_with_no_dated_cases_says_so():
    svg = charts.chart_svg(MonthCounts("schedule-a-cases", "Schedule A cases per month", (), ()))
    assert "no dated cases" in _svg_texts(svg)


def test_chart_file_format_comes_from_the_suffix(kg, tmp_path):
    for suffix, head in ((".svg", b"<?xml"), (".png", PNG), (".html", b"<!DOCTYPE html>"), (".htm", b"<!DOCTYPE")):
        out = kg.chart("schedule-a-cases", tmp_path / f"c{suffix}")
        assert out.read_bytes().startswith(head)
    with pytest.raises(UnsupportedFormat, match=r"\.svg, \.png or \.html"):
        kg.chart("schedule-a-cases", tmp_path / "c.pdf")


# --- the command ---------------------------------------------------------------------------------

@pytest.fixture()
def store(tmp_path):
    path = str(tmp_path / "store")
    with KnowledgeGraph.open(path) as g:
        _fill(g)
    return path


def test_cli_chart_writes_each_format(store, tmp_path):
    for suffix in ("svg", "png", "html"):
        out = tmp_path / f"gbc.{suffix}"
        r = CliRunner().invoke(cli, ["chart", "judges-for-firm", "-p", "firm", GBC, "-p", "court", "ilnd",
                                     "-o", str(out), "--store", store])
        assert r.exit_code == 0, r.output
        assert str(out) in r.output and out.stat().st_size > 1000
    assert "Greer, Burns &amp; Crain, Ltd." in (tmp_path / "gbc.svg").read_text()


def test_cli_chart_list_and_errors(store, tmp_path):
    r = CliRunner().invoke(cli, ["chart", "--list"])
    assert r.exit_code == 0 and all(n in r.output for n in CHARTS)
    r = CliRunner().invoke(cli, ["chart", "firms-before-judges", "--store", store])
    assert r.exit_code == 2 and "schedule-a-cases" in r.output
    r = CliRunner().invoke(cli, ["chart", "judges-for-firm", "-o", str(tmp_path / "x.svg"), "--store", store])
    assert r.exit_code == 1 and "needs the parameter 'firm'" in str(r.exception)
    assert not (tmp_path / "x.svg").exists()


def test_charts_drawn_from_several_threads_are_the_same(kg):
    from concurrent.futures import ThreadPoolExecutor

    c = kg.counts_over_time("schedule-a-cases")
    one = charts.chart_svg(c)
    with ThreadPoolExecutor(4) as pool:  # as a web server's threads would
        outs = list(pool.map(lambda _: charts.chart_svg(c), range(6)))
    assert outs == [one] * 6


def test_the_inline_svg_goes_into_a_graph_view(kg, tmp_path):
    """The HTML views take the same chart beside the graph (views.render_graph's chart=)."""
    from markupsafe import Markup

    from docketgraph.queries.views import render_graph

    svg = charts.chart_svg(kg.counts_over_time("judges-for-firm", firm=GBC), inline=True)
    out = render_graph(kg.network("firm-judge"), title="t", caption="c", out=tmp_path / "v.html",
                       chart=Markup(svg))
    page = out.read_text(encoding="utf-8")
    assert svg in page and "Cases per month: Greer, Burns &amp; Crain, Ltd." in page


@pytest.mark.parametrize("view, expected", [
    (lambda kg, out: kg.view("judges-for-firm", out, firm="Greer Burns"), "Cases per month: Greer, Burns"),
    (lambda kg, out: kg.view_entity("Greer, Burns & Crain, Ltd.", out, kind="firm"), "Cases per month: Greer, Burns"),
    (lambda kg, out: kg.view_entity("Virginia M. Kendall", out, kind="judge"), "Virginia M. Kendall"),
])
def test_views_with_dates_show_their_cases_per_month(kg, tmp_path, view, expected):
    page = view(kg, tmp_path / "v.html").read_text(encoding="utf-8")
    assert "<svg" in page and "Over time" in page and expected in page


def test_a_view_without_dates_has_no_chart(kg, tmp_path):
    page = kg.view("co-counsel", tmp_path / "v.html").read_text(encoding="utf-8")
    assert "<svg" not in page
