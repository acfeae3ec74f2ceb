"""A readable summary of one Extraction for the terminal (``--format table``)."""

from __future__ import annotations

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
    return f"{event.date.start.isoformat()}..{event.date.end.isoformat()}"


def render_summary(extraction: Extraction) -> Group:
    """Events (type, who, whom, where, when, status), figures and quotes, as rich tables."""
    article = extraction.article
    head = Text(f"{article.title or article.id}", style="bold")
    head.append(f"  published {article.published or 'unknown'}", style="dim")

    events = Table(title="Events", title_justify="left", show_lines=False)
    for column in ("type", "cameo", "who", "did", "whom", "where", "when", "status", "claimed by"):
        events.add_column(column)
    for event in extraction.events:
        events.add_row(event.type, event.cameo or "", _names(extraction, event.source),
                       event.trigger.text, _names(extraction, event.target),
                       _place(extraction, event.place), _when(event), event.status,
                       _name(extraction, event.claimed_by))

    figures = Table(title="Figures", title_justify="left")
    for column in ("figure", "value", "qualifier", "category", "who", "part of", "by",
                   "where", "source"):
        figures.add_column(column)
    for q in extraction.quantities:
        part_of = extraction.by_id(q.part_of)
        figures.add_row(q.text, "" if q.value is None else f"{q.value:g}", q.qualifier,
                        q.category, q.who or "", part_of.text if part_of else "",
                        _name(extraction, q.perpetrator), _place(extraction, q.place),
                        _name(extraction, q.source))

    quotes = Table(title="Quotes", title_justify="left")
    for column in ("speaker", "cue", "kind", "quote"):
        quotes.add_column(column)
    for quote in extraction.quotes:
        quotes.add_row(_name(extraction, quote.speaker), quote.cue.text if quote.cue else "",
                       quote.kind, quote.text if len(quote.text) < 160 else quote.text[:157] + "...")
    return Group(head, events, figures, quotes)
