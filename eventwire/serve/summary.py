"""A readable summary of one Extraction for the terminal (``--format table``)."""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from eventwire.model import Extraction


def _name(extraction: Extraction, item_id: str | None) -> str:
    item = extraction.by_id(item_id)
    if item is None:
        return ""
    name = getattr(item, "name", None) or item.text
    code = getattr(item, "code", None)
    return f"{name} ({code})" if code else name


def _names(extraction: Extraction, ids: list[str]) -> str:
    return ", ".join(_name(extraction, i) for i in ids)


def _place(extraction: Extraction, place_id: str | None) -> str:
    place = extraction.by_id(place_id)
    if place is None:
        return ""
    return f"{place.qualifier} {place.name}" if place.qualifier else place.name


def _when(event) -> str:
    if event.date is None:
        return ""
    if event.date.start == event.date.end:
        return event.date.start.isoformat()
    return f"{event.date.start.isoformat()}\nto {event.date.end.isoformat()}"  # stays narrow


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD,
                  padding=(0, 1, 0, 0), show_edge=False)
    for column in columns:
        table.add_column(column)
    return table


def render_summary(extraction: Extraction) -> Group:
    """Events (type, who, whom, where, when, status), figures and quotes, as rich tables."""
    article = extraction.article
    head = Text(f"{article.title or article.id}", style="bold")
    head.append(f"  published {article.published or 'unknown'}", style="dim")

    # Few columns, no vertical rules: readable at 80 terminal columns (cells wrap at words).
    events = _table("Events", "event", "who did what to whom", "where, when", "claimed by")
    for event in extraction.events:
        done = " ".join(part for part in (_names(extraction, event.source), event.trigger.text,
                                          _names(extraction, event.target)) if part)
        where_when = "\n".join(part for part in (_place(extraction, event.place), _when(event))
                               if part)
        events.add_row(f"{event.type}\n{event.cameo or ''}\n{event.status}", done, where_when,
                       _name(extraction, event.claimed_by))

    figures = _table("Figures", "figure", "counts", "part of", "by", "where", "source")
    for q in extraction.quantities:
        part_of = extraction.by_id(q.part_of)
        counts = ", ".join(part for part in (q.category, q.who, q.qualifier) if part)
        figures.add_row(q.text, counts, part_of.text if part_of else "",
                        _name(extraction, q.perpetrator), _place(extraction, q.place),
                        _name(extraction, q.source))

    quotes = _table("Quotes", "speaker", "cue", "kind", "quote")
    for quote in extraction.quotes:
        quotes.add_row(_name(extraction, quote.speaker), quote.cue.text if quote.cue else "",
                       quote.kind, quote.text if len(quote.text) < 160 else quote.text[:157] + "...")
    return Group(head, events, figures, quotes)
