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


WORKERS_HELP = "Worker processes, each with its own model (default: one per core)."
GLOB_HELP = "Which files in folders to read, e.g. '**/*.html' (default: all)."
FIELD_HELP = "JSON Lines field names, FIELD=KEY (e.g. text=body); repeat for more."
LANGUAGE_HELP = "Keep articles that are not in English (skipped by default)."


@app.command()
def extract(paths: List[Path] = typer.Argument(
                ..., help="Text files, web pages, RSS/Atom feeds, JSON Lines, or folders."),
            published: Optional[str] = typer.Option(
                None, help="Publication date (YYYY-MM-DD) when the text has none."),
            output: Format = typer.Option(Format.table, "--format", "-f",
                                          help="json, jsonl, or a readable table."),
            encoding: str = typer.Option("utf-8", help="Text encoding of the files."),
            workers: int = typer.Option(0, "--workers", "-w", min=0,
                                        help="Worker processes (0: one per core)."),
            glob: str = typer.Option("**/*", "--glob", help=GLOB_HELP),
            field: List[str] = typer.Option([], "--field", help=FIELD_HELP),
            any_language: bool = typer.Option(False, "--any-language",
                                              help=LANGUAGE_HELP)) -> None:
    """Extract actors, places, times, quotes, figures and events from articles."""
    from eventwire.ingest import read_articles
    from eventwire.ingest.jsonl import parse_field_names
    from eventwire.scale.local import extract_parallel
    from eventwire.scale.progress import article_progress

    when = parse_date(published, "--published")
    fields = parse_field_names(field)
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

    articles = read_articles(paths, encoding=encoding, published=when, on_skip=skip,
                             glob=glob, fields=fields, any_language=any_language)
    with article_progress(err, paths, glob) as advance:
        count = print_extractions(
            extract_parallel(articles, workers=workers or None, on_progress=advance,
                             on_error=lambda a, e: skip(f"article {a.id}", e)), output)
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
    # Then store it in the default embedded store and show what a query gives back.
    with open_store(db) as store:
        result = store.add(extraction)
        out.print(f"\nStored in {store.display_url} "
                  f"({'already there' if result.status == 'unchanged' else 'new'}).",
                  highlight=False, soft_wrap=True)
        out.print("[bold]eventwire query --place Aleppo[/bold] gives:", highlight=False)
        print_events(store.events(place="Aleppo", limit=20), EventsFormat.table)
    # Last, where to see it: the dashboard over the same store.
    url = f"http://127.0.0.1:{port}/"
    if no_serve:
        out.print(f"Dashboard: run `eventwire serve{' --db ' + db if db else ''}` "
                  f"and open {url}", highlight=False, soft_wrap=True)
        return
    from eventwire.serve.api import serve as run_server
    from eventwire.serve.catalogue import open_catalogue

    out.print(f"Dashboard: {url} (Ctrl-C stops it)", highlight=False)
    run_server(open_catalogue(db), port=port)


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

    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"eventwire: listening on {host}: other machines can reach this server"
                  f"{'' if token else ' (read-only: no --token)'}", highlight=False)

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
    from eventwire.serve.api import situation_report
    from eventwire.serve.catalogue import open_catalogue
    from eventwire.serve.report import render_html, render_markdown

    first, last = parse_date(since, "--since"), parse_date(until, "--until")
    if first and last and first > last:
        fail("--since is after --until")
    if out_file is not None and not out_file.parent.is_dir():
        fail(f"cannot write '{out_file}': no such folder")
    situation = situation_report(open_catalogue(db), place, first, last)
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


# ---------------------------------------------------------------- store commands

DB_HELP = "Store: a SQLite file or a postgresql:// URL (default $EVENTWIRE_DB or ./eventwire.db)."


class EventsFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"


def open_store(db: Optional[str]):
    from eventwire.store import Store

    return Store(db)


def print_events(events, output: EventsFormat) -> None:
    from eventwire.store.export import acled_row, write_csv_rows

    if output is EventsFormat.json:
        sys.stdout.write(json.dumps([e.model_dump(mode="json") for e in events],
                                    ensure_ascii=False, indent=2) + "\n")
        return
    if output is EventsFormat.csv:
        write_csv_rows(map(acled_row, events), sys.stdout)
        return
    from eventwire.serve.event_table import render_events

    out.print(render_events(events))


@app.command()
def ingest(paths: List[Path] = typer.Argument(..., help="Text files, web pages, feeds, JSON "
                                                     "Lines, folders, or JSONL of extractions "
                                                     "(eventwire extract -f jsonl)."),
           db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
           encoding: str = typer.Option("utf-8", help="Text encoding of the files."),
           published: Optional[str] = typer.Option(
               None, help="Publication date (YYYY-MM-DD) for texts that have none."),
           workers: int = typer.Option(0, "--workers", "-w", min=0,
                                       help="Worker processes (0: one per core)."),
           glob: str = typer.Option("**/*", "--glob", help=GLOB_HELP),
           field: List[str] = typer.Option([], "--field", help=FIELD_HELP),
           any_language: bool = typer.Option(False, "--any-language", help=LANGUAGE_HELP),
           ray: Optional[str] = typer.Option(
               None, "--ray", metavar="[ADDRESS]",
               help="Extract on Ray: 'local' (a Ray on this machine), 'auto' (the cluster "
                    "this machine is in) or ray://HOST:PORT; bare --ray means local."),
           shards: Optional[str] = typer.Option(
               None, "--shards", help="With --ray: the actors write Parquet shards to this "
                                      "folder or s3:// URI (shared by all nodes), imported into the store "
                                      "after; without it the actors send their results back "
                                      "and this process stores them.")
           ) -> None:
    """Extract and store articles; articles already stored are skipped."""
    from eventwire.ingest.jsonl import parse_field_names
    from eventwire.scale.local import default_workers
    from eventwire.store.batch import run_ingest

    when = parse_date(published, "--published")
    options = {"encoding": encoding, "published": when, "glob": glob,
               "fields": parse_field_names(field), "any_language": any_language}
    for path in paths:
        if not path.exists():
            fail(f"cannot read '{path}': no such file or folder")
    if shards is not None and ray is None:
        fail("--shards needs --ray (the shards are written by Ray's actors)")
    with open_store(db) as store:
        if ray is not None:
            from eventwire.scale.ray import ingest_on_ray

            summary = ingest_on_ray(store, paths, shards, address=ray,
                                    workers=workers or default_workers(), console=err,
                                    **options)
        else:
            summary = run_ingest(store, paths, console=err,
                                 workers=workers or default_workers(), **options)
    out.print(summary.describe(), highlight=False, soft_wrap=True)
    if summary.processed == 0 and summary.skipped:
        raise typer.Exit(2)


@app.command()
def load(shards: Path = typer.Argument(..., help="Folder of Parquet shards written by "
                                                 "'eventwire ingest --ray'."),
         db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Import Parquet shards of extractions into the store (one writer, idempotent)."""
    from eventwire.scale.ray import load_shards

    def skip(where: str, reason: Exception) -> None:
        err.print(f"eventwire: skipped {where}: {reason}", markup=False, highlight=False,
                  soft_wrap=True)

    with open_store(db) as store:
        summary = load_shards(store, shards, on_skip=skip)
    out.print(summary.describe(), highlight=False, soft_wrap=True)
    if summary.processed == 0 and summary.skipped:
        raise typer.Exit(2)


def bare_ray_flag(args: list[str]) -> list[str]:
    """``--ray`` with no address (last, or before an option or a path) means a local Ray."""
    fixed = list(args)
    for i, arg in enumerate(fixed):
        if arg == "--ray":
            following = fixed[i + 1] if i + 1 < len(fixed) else None
            if following is None or following.startswith("-") or Path(following).exists():
                fixed[i] = "--ray=local"
    return fixed


def _near(value: Optional[str]):
    if value is None:
        return None
    try:
        lat, lon = (float(part) for part in value.split(","))
    except ValueError:
        fail(f"--near '{value}' is not LAT,LON (e.g. --near 36.2,37.15)")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        fail(f"--near '{value}' is outside the globe (LAT in -90..90, LON in -180..180)")
    return lat, lon


def event_filters(type_: Optional[str], actor: Optional[str], place: Optional[str],
                  geonameid: Optional[str], near: Optional[str], km: float,
                  since: Optional[str], until: Optional[str], status: Optional[str],
                  outlet: Optional[str], claimant: Optional[str]) -> dict:
    filters = {"type": type_, "actor": actor, "place": place, "geonameid": geonameid,
               "near": _near(near), "km": km if near else None,
               "since": parse_date(since, "--since"),
               "until": parse_date(until, "--until"), "status": status, "outlet": outlet,
               "claimant": claimant}
    return {key: value for key, value in filters.items() if value is not None}


TYPE_HELP = "PLOVER type, e.g. ASSAULT."
ACTOR_HELP = "Actor code (SYRMIL) or part of a name."
PLACE_HELP = "Place name; places inside it match too."


@app.command()
def query(type_: Optional[str] = typer.Option(None, "--type", help=TYPE_HELP),
          actor: Optional[str] = typer.Option(None, help=ACTOR_HELP),
          place: Optional[str] = typer.Option(None, help=PLACE_HELP),
          geonameid: Optional[str] = typer.Option(None, help="GeoNames id of the place."),
          near: Optional[str] = typer.Option(None, help="LAT,LON: events within --km of it."),
          km: float = typer.Option(25.0, help="Radius for --near, in km."),
          since: Optional[str] = typer.Option(None, help="From this date (YYYY-MM-DD)."),
          until: Optional[str] = typer.Option(None, help="Up to this date (YYYY-MM-DD)."),
          status: Optional[str] = typer.Option(None, help="asserted, claimed, planned, ..."),
          outlet: Optional[str] = typer.Option(None, help="The articles' source outlet."),
          claimant: Optional[str] = typer.Option(None, help="Who claims it: code or name."),
          limit: int = typer.Option(50, help="At most this many events."),
          output: EventsFormat = typer.Option(EventsFormat.table, "--format", "-f",
                                              help="table, json or csv."),
          db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Fused events in the store, newest first."""
    filters = event_filters(type_, actor, place, geonameid, near, km, since, until, status,
                            outlet, claimant)
    with open_store(db) as store:
        print_events(store.events(**filters, limit=limit), output)


@app.command(name="export")
def export_command(output_format: ExportFormat = typer.Option(..., "--format", "-f",
                                                             help="jsonl, csv, geojson, parquet."),
                   output: Optional[Path] = typer.Option(None, "--output", "-o",
                                                         help="File to write (default stdout)."),
                   type_: Optional[str] = typer.Option(None, "--type", help=TYPE_HELP),
                   actor: Optional[str] = typer.Option(None, help=ACTOR_HELP),
                   place: Optional[str] = typer.Option(None, help=PLACE_HELP),
                   since: Optional[str] = typer.Option(None, help="From this date."),
                   until: Optional[str] = typer.Option(None, help="Up to this date."),
                   db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Export the store: extractions as JSONL, fused events as CSV, GeoJSON or Parquet."""
    from eventwire.store.export import export as run_export

    filters = event_filters(type_, actor, place, None, None, 25.0, since, until, None, None,
                            None)
    if output_format is ExportFormat.jsonl and filters:
        fail("jsonl exports every extraction; filters apply to csv, geojson and parquet")
    if output_format is ExportFormat.parquet and output is None:
        fail("parquet needs a file: add --output events.parquet")
    with open_store(db) as store:
        if output_format is ExportFormat.parquet:
            count = run_export(store, "parquet", path=output, **filters)
        elif output is None:
            count = run_export(store, output_format.value, out=sys.stdout, **filters)
        else:
            with open(output, "w", encoding="utf-8", newline="") as stream:
                count = run_export(store, output_format.value, out=stream, **filters)
    if output is not None:
        err.print(f"eventwire: wrote {count} records to {output}", highlight=False)


events_app = typer.Typer(no_args_is_help=True, help="Inspect and correct fused events.")
app.add_typer(events_app, name="events")


@events_app.command("show")
def events_show(event_id: str = typer.Argument(..., help="A fused event id (ev...)."),
                output: EventsFormat = typer.Option(EventsFormat.table, "--format", "-f"),
                db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """One fused event with every report of it."""
    with open_store(db) as store:
        found = store.event(event_id)
    if found is None:
        fail(f"no event '{event_id}' (see 'eventwire query')")
    if output is EventsFormat.table:
        from eventwire.serve.event_table import render_event

        out.print(render_event(found))
    else:
        print_events([found], output)


@events_app.command("split")
def events_split(event_id: str = typer.Argument(..., help="The fused event to split."),
                 report: Optional[List[str]] = typer.Option(
                     None, help="ARTICLE:EVENT of a report to take out (repeatable); "
                                "without it every report stands alone."),
                 db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Undo a wrong merge: fusion never joins the split reports again."""
    chosen = None
    if report:
        chosen = []
        for item in report:
            article_id, sep, report_id = item.rpartition(":")
            if not sep or not article_id or not report_id:
                fail(f"--report '{item}' is not ARTICLE:EVENT (e.g. 7f08e5b67915e995:e3)")
            chosen.append((article_id, report_id))
    with open_store(db) as store:
        new_ids = store.split(event_id, chosen)
    out.print(f"split {event_id} into {len(new_ids)} events: {', '.join(new_ids)}",
              highlight=False)


@app.command()
def fuse(db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Recompute every fused event from the stored reports (deterministic)."""
    with open_store(db) as store:
        counts = store.fuse()
    out.print(f"fused {counts['reports']} reports into {counts['events']} events",
              highlight=False)


def main() -> None:
    """Entry point: expected failures end as one line and exit 2, never a traceback."""
    from eventwire.nlp import ModelMissing

    try:
        code = app(args=bare_ray_flag(sys.argv[1:]), standalone_mode=False)
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
