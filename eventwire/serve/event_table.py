"""Fused events for the terminal (``eventwire query``, ``eventwire events show``)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text


def _actors(items) -> str:
    return ", ".join(f"{a.name} ({a.code})" if a.code else a.name for a in items)


def _when(event) -> str:
    if event.date is None:
        return ""
    start, end = event.date.start.isoformat(), event.date.end.isoformat()
    return start if start == end else f"{start}..{end}"


def render_events(events) -> Table:
    """One row per fused event: what, who, whom, where, when, status, figures, reports."""
    table = Table(title=f"{len(events)} events", title_justify="left")
    for column in ("id", "type", "when", "status"):
        table.add_column(column, no_wrap=True)
    for column in ("who", "whom", "where", "figures"):
        table.add_column(column, overflow="fold")
    table.add_column("reports", justify="right")
    for event in events:
        table.add_row(event.id, event.type, _when(event), event.status,
                      _actors(event.source), _actors(event.target),
                      event.place.name if event.place else "", event.figures_text(),
                      str(len(event.reports)))
    return table


def render_event(event) -> Group:
    """One fused event and every report of it, with the sentence each report rests on."""
    head = Text(f"{event.id}  {event.type}", style="bold")
    head.append(f"  {event.status}  {_when(event)}  "
                f"{event.place.name if event.place and event.place.name else ''}", style="dim")
    reports = Table(title="Reports", title_justify="left", show_lines=True)
    for column in ("article", "outlet", "published", "trigger", "sentence"):
        reports.add_column(column, overflow="fold")
    for report in event.reports:
        reports.add_row(f"{report.article_id}:{report.event_id}", report.outlet or "",
                        str(report.published or ""), report.trigger.text,
                        " ".join(report.sentence_text.split()))
    parts = [head, Text(f"who: {_actors(event.source)}   whom: {_actors(event.target)}"),
             reports]
    if event.figures:
        parts.append(Text("figures: " + event.figures_text()))
    return Group(*parts)
