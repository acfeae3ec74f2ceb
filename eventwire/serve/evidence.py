"""What an event says and the words behind it: views of one extraction for people to read.

The API, the dashboard and the situation report all show events the same way: type, who,
where, when, figures, the quote behind it, and the sentence with its highlighted spans. The
views are plain dictionaries (JSON-ready) built from an Extraction; nothing here reads files.
"""

from __future__ import annotations

from typing import Any, Optional

from eventwire.model import Actor, Event, Extraction, Place, Quantity

HIGHLIGHT_KINDS = ("actor", "place", "time", "quote", "figure", "trigger")
"""Kinds of highlighted span, in the order they win when spans overlap (the shorter first)."""


def root_actor(extraction: Extraction, actor_id: Optional[str]) -> Optional[Actor]:
    """The first mention of an actor (follows ``refers_to``)."""
    actor, seen = extraction.by_id(actor_id), set()
    while isinstance(actor, Actor) and actor.refers_to and actor.id not in seen:
        seen.add(actor.id)
        actor = extraction.by_id(actor.refers_to) or actor
    return actor if isinstance(actor, Actor) else None


def actor_view(extraction: Extraction, actor_id: Optional[str]) -> Optional[dict]:
    actor = root_actor(extraction, actor_id)
    if actor is None:
        return None
    mention = extraction.by_id(actor_id)
    return {"id": actor_id, "name": actor.name, "code": actor.code, "country": actor.country,
            "sector": actor.sector, "kind": actor.kind, "text": mention.text,
            "span": list(mention.span)}


def actor_label(view: Optional[dict]) -> str:
    if not view:
        return ""
    return f"{view['name']} ({view['code']})" if view.get("code") else view["name"]


def place_view(extraction: Extraction, place_id: Optional[str]) -> Optional[dict]:
    place = extraction.by_id(place_id)
    if not isinstance(place, Place):
        return None
    return {"id": place.id, "name": place.name, "qualifier": place.qualifier,
            "geonameid": place.geonameid, "country": place.country, "admin1": place.admin1,
            "lat": place.lat, "lon": place.lon, "feature": place.feature, "text": place.text,
            "span": list(place.span),
            "label": f"{place.qualifier} {place.name}" if place.qualifier else place.name}


def figure_view(extraction: Extraction, quantity: Quantity,
                event: Optional[Event] = None) -> dict:
    """A figure with who gave it and whom it blames; the event fills what the figure lacks."""
    perpetrator = quantity.perpetrator or (event.source[0] if event and event.source else None)
    source = quantity.source or (event.claimed_by if event else None)
    return {"id": quantity.id, "text": quantity.text, "span": list(quantity.span),
            "value": quantity.value, "low": quantity.low, "high": quantity.high,
            "qualifier": quantity.qualifier, "category": quantity.category,
            "who": quantity.who, "part_of": quantity.part_of,
            "perpetrator": actor_view(extraction, perpetrator),
            "source": actor_view(extraction, source),
            "article_id": extraction.article.id, "outlet": extraction.article.source}


def event_figures(extraction: Extraction, event: Event) -> list[dict]:
    """The event's fatality figure and its parts, and other casualty figures in its sentence."""
    start, end = event.sentence
    chosen: list[Quantity] = []
    main = extraction.by_id(event.fatalities)
    if isinstance(main, Quantity):
        chosen.append(main)
    for quantity in extraction.quantities:
        inside = start <= quantity.span[0] and quantity.span[1] <= end
        part = main is not None and quantity.part_of == main.id
        if quantity not in chosen and (part or (inside and quantity.category in (
                "killed", "injured", "displaced", "evacuated", "detained", "missing",
                "kidnapped"))):
            chosen.append(quantity)
    return [figure_view(extraction, q, event) for q in chosen]


def event_view(extraction: Extraction, event: Event) -> dict:
    """One report of an event: what, who, whom, where, when, figures, quote and evidence."""
    article = extraction.article
    quote = extraction.by_id(event.quote)
    fatalities = extraction.by_id(event.fatalities)
    figures = event_figures(extraction, event)
    perpetrator = (figures[0]["perpetrator"] if figures and figures[0]["perpetrator"] else
                   actor_view(extraction, event.source[0]) if event.source else None)
    start, end = event.sentence
    return {
        "id": event.id, "article_id": article.id, "type": event.type, "mode": event.mode,
        "context": event.context, "cameo": event.cameo, "status": event.status,
        "confidence": event.confidence,
        "date": event.date.model_dump(mode="json") if event.date else None,
        "place": place_view(extraction, event.place),
        "source": [actor_view(extraction, a) for a in event.source],
        "target": [actor_view(extraction, a) for a in event.target],
        "claimed_by": actor_view(extraction, event.claimed_by),
        "perpetrator": perpetrator,
        "fatalities": fatalities.value if isinstance(fatalities, Quantity) else None,
        "figures": figures,
        "quote": None if quote is None else quote_view(extraction, quote),
        "trigger": event.trigger.model_dump(mode="json"),
        "sentence": {"text": article.text[start:end], "span": [start, end]},
        "highlights": highlights(extraction, start, end),
        "article": article_view(article),
    }


def article_view(article) -> dict:
    """What a list of reports says of an article: id, title, outlet, url, date."""
    return {"id": article.id, "title": article.title, "source": article.source,
            "url": article.url,
            "published": article.published.isoformat() if article.published else None}


def quote_view(extraction: Extraction, quote) -> dict:
    return {"id": quote.id, "text": quote.text, "span": list(quote.span), "kind": quote.kind,
            "speaker": actor_view(extraction, quote.speaker)}


def highlights(extraction: Extraction, start: int = 0, end: Optional[int] = None) -> list[dict]:
    """Spans to highlight between start and end: kind, id, span, text, and a label.

    Spans do not overlap: a quote is shown as a band under the shorter spans inside it, so
    quotes are listed apart (``kind == "quote"``) and only shorter kinds compete for text.
    """
    end = len(extraction.article.text) if end is None else end
    found: list[dict] = []

    def add(kind: str, item_id: str, span, label: str) -> None:
        if start <= span[0] and span[1] <= end and span[0] < span[1]:
            found.append({"kind": kind, "id": item_id, "span": [span[0], span[1]],
                          "text": extraction.article.text[span[0]:span[1]], "label": label})

    for actor in extraction.actors:
        add("actor", actor.id, actor.span, actor_label(actor_view(extraction, actor.id)))
    for place in extraction.places:
        add("place", place.id, place.span, place_view(extraction, place.id)["label"]
            + (f" (GeoNames {place.geonameid})" if place.geonameid else ""))
    for time in extraction.times:
        add("time", time.id, time.span, time.value or "")
    for quantity in extraction.quantities:
        add("figure", quantity.id, quantity.span,
            f"{quantity.category}: {quantity.qualifier} "
            f"{'' if quantity.value is None else f'{quantity.value:g}'}".strip())
    for event in extraction.events:
        add("trigger", event.id, event.trigger.span, f"{event.type} ({event.status})")
    for quote in extraction.quotes:
        speaker = actor_label(actor_view(extraction, quote.speaker))
        add("quote", quote.id, quote.span, f"{quote.kind} quote" +
            (f" by {speaker}" if speaker else ""))
    found.sort(key=lambda h: (h["span"][0], -(h["span"][1] - h["span"][0])))
    return found


def segments(text: str, offset: int, marks: list[dict]) -> list[dict]:
    """Cut ``text`` (which starts at ``offset`` in the article) into plain and marked pieces.

    Quotes become ``quote`` flags on the pieces they cover; other marks never overlap in the
    output (a mark that overlaps an earlier one is dropped). Templates escape every piece.
    """
    quotes = [m for m in marks if m["kind"] == "quote"]
    spans = []
    last_end = offset
    for mark in (m for m in marks if m["kind"] != "quote"):
        if mark["span"][0] >= last_end:
            spans.append(mark)
            last_end = mark["span"][1]
    cuts = {offset, offset + len(text)}
    for mark in spans + quotes:
        cuts.update(max(offset, min(offset + len(text), p)) for p in mark["span"])
    ordered = sorted(cuts)
    pieces = []
    for a, b in zip(ordered, ordered[1:]):
        mark = next((m for m in spans if m["span"][0] <= a and b <= m["span"][1]), None)
        quote = next((q for q in quotes if q["span"][0] <= a and b <= q["span"][1]), None)
        pieces.append({"text": text[a - offset:b - offset],
                       "kind": mark["kind"] if mark else None,
                       "id": mark["id"] if mark else None,
                       "label": mark["label"] if mark else None,
                       "quote": quote["label"] if quote else None})
    return pieces


def extraction_view(extraction: Extraction) -> dict[str, Any]:
    """An article with every extraction and each event's report view."""
    data = extraction.model_dump(mode="json")
    data["event_views"] = [event_view(extraction, e) for e in extraction.events]
    return data
