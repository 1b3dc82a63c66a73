"""The ``docketgraph`` command: a thin click wrapper over the KnowledgeGraph facade."""
from __future__ import annotations

import json
import sys

import click

from docketgraph.graph.errors import DocketGraphError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """docketgraph: a knowledge graph of litigation from court filings."""
    ctx.obj = {"debug": debug}


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the extraction as JSON (gold schema).")
@click.option("--provenance", is_flag=True, help="Add each item's character spans.")
def extract(file: str, as_json: bool, provenance: bool) -> None:
    """Extract one document (no store involved) in the gold schema."""
    from docketgraph.ingest import extract_file
    ex = extract_file(file)
    print(json.dumps(ex.to_gold(provenance=provenance), ensure_ascii=False, indent=None if as_json else 1))


def main(argv: list[str] | None = None) -> int:
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        cli.main(args=argv, prog_name="docketgraph", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except click.ClickException as e:
        e.show()
        return e.exit_code
    except DocketGraphError as e:
        if debug:
            raise
        click.echo(f"Error: {e}", err=True)
        return 1
    except click.exceptions.Exit as e:
        return e.exit_code
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
