"""The ``docketgraph`` command: a thin click wrapper over the KnowledgeGraph facade.

Parsing, formatting and exit codes live here; the work is done by the library. Library
errors (DocketGraphError) become ``Error: ...`` and exit status 1; ``--debug`` shows the
traceback instead.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from typing import Any

import click

from docketgraph.graph.errors import DocketGraphError
from docketgraph.queries.api import (
    CHARTS,
    LISTS,
    NETWORK_FORMATS,
    PROJECTIONS,
    KnowledgeGraph,
    RemoveReport,
    column_text,
    csv_cell,
    cut,
    inert,
    json_text,
    md_cell,
    nodes_path,
)

FORMATS = ("table", "csv", "json", "jsonl", "md")
EXPORT_FORMATS = ("ttl", "nq", "trig", "jsonld", "csv", "gexf", "graphml")


def _store_option(f):
    return click.option(
        "--store",
        "store",
        default=None,
        metavar="PATH",
        help="Store folder (default: $DOCKETGRAPH_STORE or ./docketgraph-store).",
    )(f)


def _params_option(f):
    return click.option(
        "-p",
        "--param",
        "params",
        nargs=2,
        multiple=True,
        metavar="KEY VALUE",
        help="A query parameter; repeatable.",
    )(f)


def _output_options(f):
    f = click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Output format (jsonl: one JSON object a line).",
    )(f)
    f = click.option("--limit", type=int, default=None, help="Show at most N rows.")(f)
    f = click.option(
        "--wrap", is_flag=True, help="Table: show long cells whole (wrapped) instead of cut short."
    )(f)
    return f


def _kg(
    store: str | None, read_only: bool = False, queries_dir: tuple[str, ...] = (), aliases: str | None = None
) -> KnowledgeGraph:
    """The facade on ``--store`` (or the default), opened on first use; what a loosely
    given name was taken to mean is told on stderr."""
    return KnowledgeGraph.open(
        store, read_only=read_only, queries_dirs=queries_dir, aliases=aliases, on_notice=_notice
    )


def _notice(message: str) -> None:
    click.echo(f"Note: {inert(message)}", err=True)


def emit(
    columns: list[str],
    rows: list[dict],
    fmt: str,
    limit: int | None = None,
    title: str | None = None,
    *,
    wrap: bool = False,
) -> None:
    """Rows on stdout in ``fmt``; lists stay lists in JSON, are joined in text formats
    (queries.output); a table's long cells are cut unless ``wrap``; notices on stderr."""
    rows = rows[:limit] if limit is not None else rows
    if fmt == "json":
        click.echo(json_text([{c: r.get(c) for c in columns} for r in rows], indent=2))
    elif fmt == "jsonl":
        for r in rows:
            click.echo(json_text({c: r.get(c) for c in columns}))
    elif fmt == "csv":  # formulas neutralised, controls escaped (queries/display.py)
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        w.writerow({c: csv_cell(c) for c in columns})
        for r in rows:
            w.writerow({c: csv_cell(column_text(c, r.get(c))) for c in columns})
        click.echo(buf.getvalue(), nl=False)
    elif fmt == "md":
        click.echo("| " + " | ".join(md_cell(c) for c in columns) + " |")
        click.echo("|" + "---|" * len(columns))
        for r in rows:
            click.echo("| " + " | ".join(md_cell(column_text(c, r.get(c))) for c in columns) + " |")
    else:
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        whole = lambda c: wrap or c == "evidence"  # noqa: E731  (cells shown whole, wrapped)
        cells = [
            [
                inert(
                    column_text(c, r.get(c)) if whole(c) else cut(r.get(c), sep=LISTS.get(c, "; ")),
                    keep_newlines=True,
                )
                for c in columns
            ]
            for r in rows
        ]
        t = Table(title=escape(inert(title)) if title else None, show_lines=False)
        widths = []
        for i, c in enumerate(columns):
            head = c[: -len("_label")] if c.endswith("_label") and c[: -len("_label")] not in columns else c
            longest = max([len(head)] + [len(line) for row in cells for line in row[i].split("\n")])
            widths.append(min(longest, 60) if whole(c) else longest)  # wrapped cells fold
            t.add_column(escape(inert(head)), overflow="fold")
        for row in cells:
            t.add_row(*(escape(x) for x in row))
        console = Console(soft_wrap=False)
        if not console.is_terminal:  # piped or captured: wide enough for the cut cells
            need = sum(w + 3 for w in widths) + 1
            console = Console(soft_wrap=False, width=max(console.width, 160, min(need, 1000)))
        console.print(t)
        if not rows:
            click.echo("(no rows)", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.version_option(package_name="docketgraph")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """docketgraph: a knowledge graph of litigation from court filings.

    \b
    Typical use:
      docketgraph ingest filings/              # read filings into ./docketgraph-store
      docketgraph query firms-before-judges    # which firms appear before which judges
      docketgraph view firms-before-judges     # the same as an interactive HTML graph
      docketgraph serve                        # browse the graph at http://127.0.0.1:8765/
    """
    ctx.obj = {"debug": debug}


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_store_option
@click.option(
    "--jobs", "-j", type=int, default=None, help="Worker processes for extraction (default: number of cores)."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option(
    "--dask",
    "dask_address",
    default=None,
    metavar="ADDRESS",
    help="Run extraction on a Dask cluster (scheduler address, e.g. tcp://10.0.0.5:8786); "
    "this process stays the single writer.",
)
@click.option(
    "--timeout",
    type=float,
    default=120.0,
    show_default=True,
    help="Seconds one file may take before it is stopped and reported.",
)
@click.option(
    "--aliases",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="JSON file forcing or forbidding entity merges (see `entities --help`).",
)
def ingest(
    paths: tuple[str, ...],
    store: str | None,
    jobs: int | None,
    quiet: bool,
    dask_address: str | None,
    timeout: float,
    aliases: str | None,
) -> None:
    """Read filings (files or folders, recursively) into the store.

    Each file is read by the reader its content calls for (text, web page, PDF with OCR
    of scanned pages, PACER docket page, CourtListener JSON). In folders, files that are
    not filings (README.md, CSV, TOML, images, gold files) are skipped and counted; a file
    named is always read. Unchanged files are skipped by content hash; a changed file
    replaces what it said before. A bad file gets one error line; the run goes on and the
    exit status is 1 if any file failed.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    jobs = jobs or os.cpu_count() or 1
    err = Console(stderr=True)
    kg = _kg(store, aliases=aliases)
    try:
        progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=err,
            disable=quiet or not err.is_terminal,
            transient=False,
        )
        import time

        t0 = time.monotonic()
        with progress:
            task = progress.add_task("ingest", total=None, rate="")
            done = [0]

            def on_total(n: int) -> None:
                progress.update(task, total=n)

            def on_file(path: str, status: str) -> None:
                done[0] += 1
                rate = done[0] / max(time.monotonic() - t0, 1e-6)
                progress.update(task, advance=1, rate=f"{rate:.1f} files/s")

            summary_task: list[Any] = []

            def on_summary(n: int) -> None:
                if not summary_task:
                    summary_task.append(progress.add_task("summaries", total=None, rate="cases summarised"))
                progress.update(summary_task[0], advance=n)

            rep = kg.ingest(
                list(paths),
                jobs=jobs,
                on_file=on_file,
                on_total=on_total,
                on_summary=on_summary,
                dask=dask_address,
                timeout=timeout,
            )
        for _, msg in rep.errors:
            click.echo(f"Error: {inert(msg)}", err=True)
        secs = time.monotonic() - t0
        skipped = f", {rep.skipped} skipped (not filings)" if rep.skipped else ""
        click.echo(
            f"{rep.files} files in {secs:.1f}s: {rep.new} new, {rep.unchanged} unchanged, "
            f"{rep.replaced} replaced, {rep.failed} failed{skipped}; {rep.quads} quads "
            f"written (store: {inert(kg.location)})",
            err=True,
        )
        if rep.fatal:
            click.echo(f"Error: {inert(rep.fatal)}", err=True)
    finally:
        kg.close()
    if not rep.ok:
        raise SystemExit(1)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Compact JSON on one line (the scorer's form).")
@click.option("--provenance", is_flag=True, help="Add each item's character spans into the text.")
def extract(file: str, as_json: bool, provenance: bool) -> None:
    """Extract one document, without the store, in the gold schema (corpus/SCHEMA.md)."""
    with _kg(None) as kg:  # extraction never opens the store
        gold = kg.extract(file, provenance=provenance)
    click.echo(json_text(gold, indent=None if as_json else 1))


@cli.command()
@click.argument("name", required=False)
@_params_option
@_output_options
@_store_option
@click.option("--list", "list_", is_flag=True, help="List the saved queries.")
@click.option(
    "--queries-dir",
    multiple=True,
    type=click.Path(file_okay=False),
    help="A folder of your own saved queries (.rq); repeatable. Also: $DOCKETGRAPH_QUERIES.",
)
@click.option(
    "--sort",
    default=None,
    metavar="COLS",
    help="Sort rows by these columns (comma-separated; -COL for descending).",
)
@click.option(
    "--evidence",
    is_flag=True,
    help="Add, for each row, the cases and filings (file name and sentence) behind it.",
)
def query(
    name: str | None,
    params,
    fmt: str,
    limit: int | None,
    wrap: bool,
    store: str | None,
    list_: bool,
    queries_dir: tuple[str, ...],
    sort: str | None,
    evidence: bool,
) -> None:
    """Run a saved query by NAME (see --list), with -p KEY VALUE parameters.

    Names forgive: a judge, firm, plaintiff, defendant... is matched on its stored
    spellings, then on a unique surname or set of words, a unique prefix or a close fuzzy
    match, and the entity taken is told on stderr; a name several entities fit is an
    error listing them (kind, cases, key), an unknown one an error with "did you mean".
    Courts are courts-db ids or names; roles are checked. For example:

    \b
      docketgraph query firms-for-judge -p judge Kendall
        Note: judge "Kendall": took Virginia M. Kendall (judge, 4 cases, ...)
      docketgraph query firms-before-judges -p court "N.D. Ill." -p role magistrate
      docketgraph query judges-for-firm -p firm "Greer Burns" --format jsonl

    Every format has the same columns: firm is the firm's name and firm_key its key;
    court_name and CourtListener links stand beside court; JSON lists are arrays.
    Table cells longer than 60 characters are cut (--wrap keeps them whole).

    --evidence expands every row into the cases and the filings behind it: file name,
    filing date and the sentence that supports the link.
    """
    if list_ or not name:
        with _kg(store, read_only=True, queries_dir=queries_dir) as kg:  # the store stays shut
            rows = [
                {
                    "name": q.name,
                    "parameters": ", ".join(
                        f"{p.name}:{p.type}" + (f"={p.default}" if p.default else "") for p in q.params
                    ),
                    "description": q.description,
                }
                for q in kg.saved_queries()
            ]
            errors = kg.query_errors
        emit(["name", "parameters", "description"], rows, fmt, limit, wrap=True)  # to be read whole
        for e in errors:
            click.echo(f"Error: {inert(e)}", err=True)
        return
    kg = _kg(store, read_only=True, queries_dir=queries_dir)
    try:
        res = kg.query(name, **dict(params))
        if sort:
            res = res.sorted(sort)
        res = res.limited(limit)
        if evidence:
            res = kg.evidence(res)
    finally:
        kg.close()
    title = res.query.title if res.query else name
    shown = res.present()  # the same column meanings in every format (queries.output)
    cols = shown.columns if fmt in ("json", "jsonl", "csv") else shown.visible
    rows = shown.rows
    if evidence and fmt not in ("json", "jsonl"):
        rows = [dict(r, evidence=_evidence_text(r.get("evidence") or [], fmt)) for r in rows]
    emit(cols, rows, fmt, None, title, wrap=wrap)


def _evidence_text(items: list[dict], fmt: str) -> str:
    sep = "\n" if fmt == "table" else " | "
    return sep.join(
        f"{e.get('case') or ''} · {e.get('document') or ''}"
        + (f" ({e['filed']})" if e.get("filed") else "")
        + f": \u201c{e.get('sentence') or ''}\u201d"
        for e in items
    )


@cli.command()
@click.argument("query_text")
@_output_options
@_store_option
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=120.0,
    show_default=True,
    help="Seconds the query may run before it is stopped.",
)
def sparql(
    query_text: str, fmt: str, limit: int | None, wrap: bool, store: str | None, timeout: float
) -> None:
    """Run an ad hoc SPARQL query over all documents (prefixes dg:, schema:, rdfs:, xsd:)."""
    kg = _kg(store, read_only=True)
    try:
        res = kg.sparql(query_text, limit=limit, timeout=timeout)
    finally:
        kg.close()
    emit(res.columns, res.rows, fmt, limit, wrap=wrap)


@cli.command()
@click.argument("name", required=False)
@_params_option
@_store_option
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False),
    default=None,
    help="HTML file to write (default: output/NAME-....html).",
)
@click.option(
    "--entity",
    default=None,
    metavar="NAME",
    help="Draw the neighbourhood of this entity (fuzzy name match) instead of a query.",
)
@click.option(
    "--kind",
    "-k",
    "entity_kind",
    type=click.Choice(["firm", "attorney", "judge", "party", "platform", "case", "court", "precedent"]),
    default=None,
    help="With --entity: only entities of this kind.",
)
@click.option(
    "--depth", type=click.IntRange(0, 4), default=2, show_default=True, help="Steps from --entity to include."
)
@click.option(
    "--top",
    type=click.IntRange(1, None),
    default=None,
    help="Above this many nodes, keep only the heaviest (default 2000).",
)
@click.option(
    "--queries-dir",
    multiple=True,
    type=click.Path(file_okay=False),
    help="A folder of your own saved queries (.rq); repeatable.",
)
def view(
    name: str | None,
    params,
    store: str | None,
    out: str | None,
    entity: str | None,
    entity_kind: str | None,
    depth: int,
    top: int | None,
    queries_dir: tuple[str, ...],
) -> None:
    """Write an interactive HTML graph of a saved query's result, or of an entity's
    neighbourhood (--entity NAME [--kind KIND] --depth N): self-contained, offline, every
    name escaped.

    Names forgive as in `query`: --entity Pacold draws Martha M. Pacold when she is the
    only entity of that name (the one taken is told on stderr); a name several entities
    fit is refused with the list of them, their kinds and case counts (--kind narrows).
    """
    if not name and not entity:
        raise click.UsageError("give a saved query NAME or --entity NAME")
    if entity_kind and not entity:
        raise click.UsageError("--kind goes with --entity")
    kg = _kg(store, read_only=True, queries_dir=queries_dir)
    try:
        if entity:
            path = kg.view_entity(entity, out, depth=depth, top=top, kind=entity_kind)
        else:
            path = kg.view(name, out, top=top, **dict(params))
    finally:
        kg.close()
    click.echo(f"wrote {inert(path)}", err=True)


@cli.command()
@click.option(
    "--kind",
    "-k",
    type=click.Choice(["firm", "attorney", "judge", "party", "platform", "case", "court", "precedent"]),
    default="firm",
    show_default=True,
    help="Which kind of entity.",
)
@click.option(
    "--explain",
    "explain_name",
    default=None,
    metavar="NAME",
    help="Show the surface forms, documents and merges behind the entity named NAME.",
)
@_store_option
@_output_options
def entities(
    kind: str, explain_name: str | None, store: str | None, fmt: str, limit: int | None, wrap: bool
) -> None:
    """List entities of a kind, or explain how one entity was resolved (--explain NAME).

    Resolution merges spelling variants across filings (firm suffixes and typos,
    attorneys by e-mail or name within a firm, judges within a role); each merge is
    recorded with its reason and the document that caused it.
    """
    with _kg(store, read_only=True) as kg:
        if explain_name:
            res = kg.explain(explain_name, kind)
            emit(res.columns, res.rows, fmt, limit, wrap=wrap)
        else:
            res = kg.entities(kind)
            emit(["name", "documents", "surface_forms"], res.rows, fmt, limit, wrap=wrap)


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default=None,
    help="Raw triples: ttl, nq, trig, jsonld (RDF), csv (quads; default nq). With --network: "
    "gexf (default), graphml, csv (two tables).",
)
@click.option(
    "--network",
    type=click.Choice(PROJECTIONS),
    default=None,
    help="Export this network instead of the raw triples: entities joined by the cases they "
    "share, edges weighted by their number.",
)
@_params_option
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False),
    default=None,
    help="File to write (default: output/docketgraph.FORMAT or output/NETWORK.FORMAT; "
    "'-' for standard output).",
)
@_store_option
def export(fmt: str | None, network: str | None, params, out: str | None, store: str | None) -> None:
    """Export the graph for other tools.

    \b
    The raw triples: RDF (--format ttl, nq, trig, jsonld) with each document's named
    graph (Turtle merges them), or CSV quads (--format csv).

    \b
    A network, for Gephi, yEd, Cytoscape or a notebook (--network NAME):
      firm-judge     law firms and the judges of their cases
      co-counsel     law firms on the same side of a case
      attorneys      attorneys who appeared in the same case (-p firm NAME: one firm's)
      citations      law firms and the precedents cited in their cases (directed;
                     -p by case: cases instead of firms)
      platform-firm  law firms and the platforms named in their cases
    Nodes carry kind, label (the entity's name), key and court; edges an integer weight
    (the number of cases), the first and last filing dates and the dockets. Parameters:
    -p court ID, -p from DATE, -p to DATE. --format gexf (default) or graphml is one
    file. --format csv is two files, an edges CSV with a sibling nodes CSV: -o fj.csv
    writes the edges to fj.csv (Source, Target, Type, Weight, first, last, dockets...)
    and the nodes to fj.nodes.csv (Id, Label, kind, court, key...), the columns Gephi's
    spreadsheet import reads.

    \b
    Examples:
      docketgraph export --network firm-judge -o firm-judge.gexf
      docketgraph export --network co-counsel -p court ilnd --format csv -o cc.csv

    gexf and graphml without --network are refused: the raw triples as a graph (every
    mention a node, no weights) are no use in Gephi; name a network.
    """
    if network is None:
        if params:
            raise click.UsageError("-p parameters go with --network")
        if fmt in ("gexf", "graphml"):
            raise click.UsageError(
                f"--format {fmt} exports a network: add --network "
                f"{'|'.join(PROJECTIONS)} (e.g. --network firm-judge); the raw triples "
                "export as --format ttl|nq|trig|jsonld|csv"
            )
        fmt = fmt or "nq"
        path = None if out == "-" else out or os.path.join("output", f"docketgraph.{fmt}")
        with _kg(store, read_only=True) as kg:
            data = kg.export(fmt, path)  # written atomically
    else:
        fmt = fmt or "gexf"
        if fmt not in NETWORK_FORMATS:
            raise click.UsageError(f"a network exports as {', '.join(NETWORK_FORMATS)}, not {fmt}")
        if fmt == "csv" and out == "-":
            raise click.UsageError("a network as CSV is two files (edges and nodes): give -o FILE.csv")
        path = None if out == "-" else out or os.path.join("output", f"{network}.{fmt}")
        with _kg(store, read_only=True) as kg:
            data = kg.export_network(network, fmt, path, **dict(params))
    if path is None:
        sys.stdout.buffer.write(data)
        return
    click.echo(f"wrote {inert(path)} ({len(data)} bytes)", err=True)
    if network is not None and fmt == "csv":
        click.echo(f"wrote {inert(nodes_path(path))} (the nodes)", err=True)


@cli.command()
@click.argument("name", required=False, type=click.Choice(list(CHARTS)), metavar="NAME")
@_params_option
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Chart file: .svg, .png or .html (an offline page with the counts as a table); "
    "default output/NAME-....svg.",
)
@click.option("--list", "list_", is_flag=True, help="List the charts.")
@_store_option
def chart(name: str | None, params, out: str | None, list_: bool, store: str | None) -> None:
    """Draw counts over time: cases per month, one colour per court.

    \b
    NAME is a saved query that has dates:
      schedule-a-cases  Schedule A cases per month (-p court, firm, judge, from, to)
      judges-for-firm   the cases of a law firm (-p firm NAME; court, from, to)
      firms-for-judge   the cases before a judge (-p judge NAME; court, from, to)
    A case counts once, in the month of its earliest stored filing; undated cases are
    counted in a note, not drawn.

    \b
    Example:
      docketgraph chart schedule-a-cases -p court ilnd -o sched-a.svg
      docketgraph chart judges-for-firm -p firm "Greer, Burns & Crain, Ltd." -o gbc.html
    """
    if list_ or not name:
        with _kg(store, read_only=True) as kg:  # the store stays shut
            rows = [{"name": n, "description": d} for n, d in kg.charts()]
        emit(["name", "description"], rows, "table")
        return
    with _kg(store, read_only=True) as kg:
        path = kg.chart(name, out, **dict(params))
    click.echo(f"wrote {inert(path)}", err=True)


@cli.command()
@click.argument("targets", nargs=-1, required=True, metavar="PATH|DOCUMENT-ID...")
@click.option("--dry-run", "-n", is_flag=True, help="Report what would go; remove nothing.")
@_store_option
def remove(targets: tuple[str, ...], dry_run: bool, store: str | None) -> None:
    """Take filings out of the graph, by path (a file, or a folder: every filing ingested
    from under it) or by document id (sha256, or its first 8+ hex digits).

    Each document's assertions and the relations derived from them go, entities no other
    filing names disappear, the merges it recorded are undone and the summaries are
    rebuilt; ingesting the file again brings back exactly what was there. Nothing is
    removed when an argument matches nothing stored (exit status 1).
    """
    with _kg(store, read_only=dry_run) as kg:
        rep = kg.remove(list(targets), dry_run=dry_run)
    _removal_lines(rep)


def _removal_lines(rep: RemoveReport) -> None:
    verb = "would remove" if rep.dry_run else "removed"
    for d in rep.documents:
        click.echo(f"{verb} {d.name} ({d.sha256[:12]})" + "".join(f"\n  {p}" for p in d.paths))
    for sha, path in rep.paths:
        click.echo(
            f"{'would forget' if rep.dry_run else 'forgot'} path {path} "
            f"({sha[:12]} stays: stored under other paths)"
        )
    for e in rep.entities:
        click.echo(f"  {'would go' if rep.dry_run else 'gone'}: {e['kind']} {e['name'] or e['id']}")
    for m in rep.merges:
        click.echo(
            f"  merge {'to undo' if rep.dry_run else 'undone'}: {m['surface']!r} -> "
            f"{m['entity']!r} ({m['reason']})"
        )
    counts = [
        _count(len(rep.documents), "document"),
        _count(len(rep.cases), "case"),
        _count(len(rep.entities) - len(rep.cases), "other entity", "other entities"),
        _count(len(rep.merges), "merge"),
    ]
    click.echo(", ".join(counts) + (" would be removed (dry run)" if rep.dry_run else " removed"), err=True)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


@cli.command()
@_store_option
@_output_options
def stats(store: str | None, fmt: str, limit: int | None, wrap: bool) -> None:
    """Counts of documents, cases, judges, firms, attorneys, parties, platforms..."""
    kg = _kg(store, read_only=True)
    try:
        s = kg.stats()
    finally:
        kg.close()
    emit(["what", "count"], [{"what": k, "count": v} for k, v in s.items()], fmt, limit, wrap=wrap)


@cli.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default)."
)
@click.option(
    "--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on."
)
@_store_option
@click.option(
    "--allow-ingest",
    is_flag=True,
    help="Allow uploading filings from the browser (the store is opened for writing).",
)
@click.option(
    "--upload-dir",
    default=None,
    metavar="DIR",
    help="Where uploaded filings are kept (default ./docketgraph-uploads).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds a /sparql query may run before it is stopped.",
)
@click.option("--queries-dir", multiple=True, metavar="DIR", help="A folder of your own saved queries.")
def serve(
    host: str,
    port: int,
    store: str | None,
    allow_ingest: bool,
    upload_dir: str | None,
    timeout: float,
    queries_dir: tuple[str, ...],
) -> None:
    """Open the graph in the browser: a local web app (search, entity pages with their
    evidence, saved queries as forms, graph views, a SPARQL endpoint at /sparql).

    Read-only and bound to loopback (127.0.0.1) unless told otherwise."""
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(
            f"Warning: listening on {inert(host)}: anyone who can reach this address can read the graph"
            + (" and upload filings" if allow_ingest else ""),
            err=True,
        )
    kg = _kg(store, read_only=not allow_ingest, queries_dir=queries_dir)
    shown = "[" + host + "]" if ":" in host else host
    click.echo(f"docketgraph: serving on http://{inert(shown)}:{port}/ (Ctrl-C to stop)", err=True)
    try:
        kg.serve(
            host=host, port=port, allow_ingest=allow_ingest, query_timeout=timeout, upload_dir=upload_dir
        )
    finally:
        kg.close()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    import logging

    # library warnings (eyecite's "Unknown overlap case", juriscraper's log set-up) are not
    # for the terminal unless asked for
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.ERROR, format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        cli.main(args=args, prog_name="docketgraph", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except click.ClickException as e:
        buf = io.StringIO()
        e.show(file=buf)
        click.echo(inert(buf.getvalue(), keep_newlines=True), err=True, nl=False)
        return e.exit_code
    except DocketGraphError as e:
        if debug:
            raise
        click.echo(f"Error: {inert(e)}", err=True)
        return 1
    except click.exceptions.Exit as e:
        return e.exit_code
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        click.echo("Aborted.", err=True)
        return 130
    except Exception as e:  # a bug, or an input no rule foresaw: one line, never a traceback
        if debug:
            raise
        msg = " ".join(str(e).split())[:300]
        click.echo(
            f"Error: unexpected {type(e).__name__}: {inert(msg)} "
            "(run with --debug for the traceback, and please report it)",
            err=True,
        )
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
