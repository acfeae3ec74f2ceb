"""The command line: a thin layer over the library. ``eventwire --help`` lists the commands."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from eventwire.errors import InputError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="News about armed conflict in; sourced, geolocated, dated events out.")
out = Console()
err = Console(stderr=True)


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def fail(message: str, code: int = 2) -> None:
    """One line on stderr, then exit: how every expected failure ends."""
    err.print(f"eventwire: {message}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def parse_date(value: Optional[str], option: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option} '{value}' is not a date (use YYYY-MM-DD)")


def print_extractions(extractions, output: Format) -> int:
    """Print extractions in the chosen format; returns how many were printed."""
    from eventwire.serve.summary import render_summary

    count = 0
    if output is Format.json:
        items = [e.model_dump(mode="json") for e in extractions]
        count = len(items)
        if items:
            sys.stdout.write(json.dumps(items[0] if count == 1 else items, ensure_ascii=False,
                                        indent=2) + "\n")
        return count
    for extraction in extractions:
        count += 1
        if output is Format.jsonl:
            sys.stdout.write(extraction.model_dump_json() + "\n")
        else:
            out.print(render_summary(extraction))
    return count


@app.command()
def extract(paths: List[Path] = typer.Argument(..., help="Text files or folders of them."),
            published: Optional[str] = typer.Option(
                None, help="Publication date (YYYY-MM-DD) when the text has none."),
            output: Format = typer.Option(Format.table, "--format", "-f",
                                          help="json, jsonl, or a readable table."),
            encoding: str = typer.Option("utf-8", help="Text encoding of the files.")) -> None:
    """Extract actors, places, times, quotes, figures and events from articles."""
    from eventwire.ingest import read_articles
    from eventwire.pipeline import extract_many

    when = parse_date(published, "--published")
    for path in paths:
        if not path.exists():
            fail(f"cannot read '{path}': no such file or folder")
    # One named file that fails is one error line; in a batch each skip is reported as it comes.
    batch = len(paths) > 1 or any(path.is_dir() for path in paths)
    skipped: list[str] = []

    def skip(where: str, reason: Exception) -> None:
        skipped.append(str(reason))
        if batch:
            err.print(f"eventwire: skipped {where}: {reason}", markup=False, highlight=False,
                      soft_wrap=True)

    articles = read_articles(paths, encoding=encoding, published=when, on_skip=skip)
    count = print_extractions(
        extract_many(articles, on_error=lambda a, e: skip(f"article {a.id}", e)), output)
    if count == 0:
        fail(skipped[0] if len(skipped) == 1 and not batch else
             "nothing to extract" + (f" ({len(skipped)} skipped)" if skipped else ""))
    if skipped:
        err.print(f"eventwire: extracted {count}, skipped {len(skipped)}", highlight=False)


@app.command()
def demo(no_serve: bool = typer.Option(False, "--no-serve",
                                       help="Print the dashboard URL and exit (for scripts)."),
         db: Optional[str] = typer.Option(None, help="Store path or URL (default "
                                          "$EVENTWIRE_DB or ./eventwire.db)."),
         port: int = typer.Option(8000, help="Port of the dashboard.")) -> None:
    """Run the main job on the bundled sample article and show what came out."""
    from eventwire.ingest import sample_path
    from eventwire.ingest.text import read_text_file
    from eventwire.pipeline import extract as extract_one

    article = read_text_file(sample_path())
    extraction = extract_one(article)
    print_extractions([extraction], Format.table)
    # serve: store the sample, then show (or print) where the dashboard is.
    from eventwire.serve.catalogue import open_catalogue

    catalogue = open_catalogue(db)
    catalogue.add(extraction)
    url = f"http://127.0.0.1:{port}/"
    if no_serve:
        out.print(f"Dashboard: run `eventwire serve{' --db ' + db if db else ''}` "
                  f"and open {url}", highlight=False, soft_wrap=True)
        return
    from eventwire.serve.api import serve as run_server

    out.print(f"Dashboard: {url} (Ctrl-C stops it)", highlight=False)
    run_server(catalogue, port=port)


@app.command()
def serve(db: Optional[str] = typer.Option(None, help="Store path or URL (default "
                                           "$EVENTWIRE_DB or ./eventwire.db)."),
          host: str = typer.Option("127.0.0.1", help="Address to listen on; 0.0.0.0 "
                                   "exposes the server to the network."),
          port: int = typer.Option(8000, help="Port to listen on."),
          token: Optional[str] = typer.Option(None, envvar="EVENTWIRE_TOKEN",
                                              help="Allow POST /articles with this bearer "
                                                   "token (read-only without one).")) -> None:
    """Serve the REST API and the dashboard (OpenAPI docs at /docs)."""
    from eventwire.serve.api import serve as run_server
    from eventwire.serve.catalogue import open_catalogue

    run_server(open_catalogue(db), host=host, port=port, token=token)


class ReportFormat(str, Enum):
    md = "md"
    html = "html"


@app.command()
def report(place: Optional[str] = typer.Option(None, help="Place name or GeoNames id."),
           since: Optional[str] = typer.Option(None, help="First day (YYYY-MM-DD)."),
           until: Optional[str] = typer.Option(None, help="Last day (YYYY-MM-DD)."),
           output: ReportFormat = typer.Option(ReportFormat.md, "--format", "-f",
                                               help="md (pictures as PNGs beside it) or "
                                                    "html (one file)."),
           out_file: Optional[Path] = typer.Option(None, "--out", "-o",
                                                   help="Write here instead of stdout."),
           db: Optional[str] = typer.Option(None, help="Store path or URL.")) -> None:
    """A situation report: the period's events, figures by perpetrator, quotes, map, chart."""
    from eventwire.serve.api import happenings_of
    from eventwire.serve.catalogue import EventFilters, open_catalogue
    from eventwire.serve.report import build_report, render_html, render_markdown

    first, last = parse_date(since, "--since"), parse_date(until, "--until")
    if first and last and first > last:
        fail("--since is after --until")
    if out_file is not None and not out_file.parent.is_dir():
        fail(f"cannot write '{out_file}': no such folder")
    catalogue = open_catalogue(db)
    happenings = happenings_of(catalogue, EventFilters(place=place, since=first, until=last))
    situation = build_report(happenings, place=place, since=first, until=last)
    text = (render_html(situation) if output is ReportFormat.html
            else render_markdown(situation, out_file))
    if out_file is None:
        sys.stdout.write(text)
    else:
        out_file.write_text(text, encoding="utf-8")
        err.print(f"eventwire: wrote {out_file} ({len(situation.happenings)} events)",
                  highlight=False)


@app.command()
def evaluate(name: str = typer.Argument(..., help="Gold set, e.g. timex-te3, geo-lgl, plover."),
             split: str = typer.Option("dev", help="dev (develop, tune) or test (report only)."),
             as_json: bool = typer.Option(False, "--json",
                                          help="Print one JSON object of metrics, last line.")) -> None:
    """Score a stage on a public gold set."""
    from rich.table import Table

    from eventwire.evaluate import evaluate as run_evaluation

    metrics = run_evaluation(name, split)
    if as_json:
        sys.stdout.write(json.dumps(metrics, sort_keys=True) + "\n")
        return
    table = Table(title=f"{name} ({split})", title_justify="left")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in metrics.items():
        if key not in ("name", "split"):
            table.add_row(key, f"{value:.4f}" if isinstance(value, float) else str(value))
    out.print(table)


def main() -> None:
    """Entry point: expected failures end as one line and exit 2, never a traceback."""
    from eventwire.nlp import ModelMissing

    try:
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except InputError as error:
        fail_and_exit(str(error))
    except ModelMissing as error:
        fail_and_exit(str(error))
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        err.print("eventwire: interrupted")
        sys.exit(130)
    except Exception as error:  # click's usage errors
        import click

        if isinstance(error, click.ClickException):
            error.show()
            sys.exit(error.exit_code)
        raise


def fail_and_exit(message: str) -> None:
    err.print(f"eventwire: {message}", markup=False, highlight=False, soft_wrap=True)
    sys.exit(2)


if __name__ == "__main__":
    main()
