"""Fused events for the terminal (``eventwire query``, ``eventwire events show``)."""

from __future__ import annotations

from rich import box
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


def _period(event) -> str:
    """The date, a period on two lines (so the column stays 13 characters wide)."""
    if event.date is None:
        return ""
    start, end = event.date.start.isoformat(), event.date.end.isoformat()
    return start if start == end else f"{start}\nto {end}"


def render_events(events) -> Table:
    """One row per fused event: which and what, when, who to whom, where, figures, reports.

    Readable at 80 columns: no vertical rules, the id above type and status, a period
    on two lines; who, where and figures wrap at word boundaries."""
    table = Table(title=f"{len(events)} events", title_justify="left", box=box.SIMPLE_HEAD,
                  padding=(0, 1, 0, 0), show_edge=False)
    table.add_column("event", no_wrap=True)
    table.add_column("when", no_wrap=True)
    table.add_column("who → whom", min_width=14)
    table.add_column("where", min_width=8)
    table.add_column("figures", min_width=14)
    table.add_column("rep.", justify="right", no_wrap=True)
    for event in events:
        who, whom = _actors(event.source), _actors(event.target)
        table.add_row(f"{event.id}\n{event.type}\n{event.status}", _period(event),
                      f"{who or '?'} → {whom}" if whom else who,
                      event.place.name if event.place else "", _figures(event),
                      str(len(event.reports)))
    return table


def _figures(event) -> str:
    """The event's figures by source: "SOHR: at least 384 killed, 45 killed"."""
    by_source: dict[str, list[str]] = {}
    for figure in event.figures:
        source, _, amount = figure.describe().partition(": ")
        if amount not in by_source.setdefault(source, []):
            by_source[source].append(amount)
    return "; ".join(f"{source}: {', '.join(amounts)}" for source, amounts in by_source.items())


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
