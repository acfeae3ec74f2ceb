"""Situation reports: a period's events at a place, their figures, who said what, a map, a chart.

``build_report`` takes happenings (an event with every report of it, as the store fuses
them; without a store each event is its own happening) and keeps those at the place and in
the period. ``render_markdown`` writes the images beside the report; ``render_html`` inlines
them, so one file travels alone.
"""

from __future__ import annotations

import base64
import io
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from eventwire.model import Extraction
from eventwire.serve.evidence import actor_label, article_view, event_view, quote_view

TYPE_COLOURS = {
    "ASSAULT": "#c0392b", "COERCE": "#e67e22", "MOBILIZE": "#d35400", "THREATEN": "#8e44ad",
    "PROTEST": "#9b59b6", "SANCTION": "#7f8c8d", "REJECT": "#95a5a6", "ACCUSE": "#b7950b",
    "REQUEST": "#2980b9", "RETREAT": "#16a085", "AID": "#27ae60", "COOPERATE": "#2ecc71",
    "CONCEDE": "#1abc9c", "SUPPORT": "#3498db", "CONSULT": "#5d6d7e", "AGREE": "#117864",
}
"""One colour per PLOVER type, shared by the dashboard (via /static/colours.json) and reports."""

CASUALTY_CATEGORIES = ("killed", "injured")


@dataclass
class SituationReport:
    place: Optional[str]
    since: Optional[date]
    until: Optional[date]
    happenings: list[dict] = field(default_factory=list)
    figures: dict[str, list[dict]] = field(default_factory=dict)
    quotes: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def title(self) -> str:
        where = self.place or "all places"
        when = " to ".join(d.isoformat() for d in (self.since, self.until) if d) or "all dates"
        return f"Situation report: {where}, {when}"


def happenings_from_extractions(extractions: Iterable[Extraction]) -> list[dict]:
    """Each event of each extraction as its own happening (no fusion)."""
    return [{"id": f"{x.article.id}/{e.id}", "reports": [event_view(x, e)]}
            for x in extractions for e in x.events]


def _at_place(report: dict, place: Optional[str]) -> bool:
    if not place:
        return True
    where = report.get("place") or {}
    wanted = place.casefold()
    return any((where.get(key) or "").casefold() == wanted
               for key in ("name", "admin1", "geonameid", "country"))


def _in_period(report: dict, since: Optional[date], until: Optional[date]) -> bool:
    when = report.get("date")
    if not when:
        return since is None and until is None
    start, end = date.fromisoformat(when["start"]), date.fromisoformat(when["end"])
    return (since is None or end >= since) and (until is None or start <= until)


def _day(report: dict) -> Optional[str]:
    """The day a report counts on: its date, or the last day of a longer period."""
    when = report.get("date")
    return when["end"] if when else None


def build_report(happenings: Iterable[dict], place: Optional[str] = None,
                 since: Optional[date] = None, until: Optional[date] = None,
                 articles: Iterable[Extraction] = ()) -> SituationReport:
    """The happenings at ``place`` between ``since`` and ``until`` (a happening is kept when
    any of its reports is), in date order, with their figures and quotes grouped.

    Quotes are those behind the events, and, from ``articles`` (the reporting articles'
    extractions), every other quote whose speaker is known."""
    kept = []
    for happening in happenings:
        reports = [r for r in happening["reports"]
                   if _at_place(r, place) and _in_period(r, since, until)]
        if reports:
            kept.append({**happening, "reports": reports})
    kept.sort(key=lambda h: (h["reports"][0].get("date") or {}).get("start") or "9999")
    report = SituationReport(place=place, since=since, until=until, happenings=kept)
    figures: dict[str, list[dict]] = defaultdict(list)
    quotes: dict[str, list[dict]] = defaultdict(list)
    seen_quotes: set[tuple[str, str]] = set()
    for happening in kept:
        for event in happening["reports"]:
            for figure in event["figures"]:
                if figure["category"] in CASUALTY_CATEGORIES:
                    label = actor_label(figure["perpetrator"]) or "unattributed"
                    figures[label].append({**figure, "event": happening["id"],
                                           "day": _day(event), "type": event["type"]})
            quote = event.get("quote")
            if quote and (event["article_id"], quote["id"]) not in seen_quotes:
                seen_quotes.add((event["article_id"], quote["id"]))
                speaker = actor_label(quote["speaker"]) or "unnamed source"
                quotes[speaker].append({**quote, "event": happening["id"],
                                        "type": event["type"], "article": event["article"]})
    reporting = {r["article_id"] for h in kept for r in h["reports"]}
    for extraction in articles:
        if extraction.article.id not in reporting:
            continue
        for item in extraction.quotes:
            view = quote_view(extraction, item)
            if view["speaker"] and (extraction.article.id, item.id) not in seen_quotes:
                seen_quotes.add((extraction.article.id, item.id))
                quotes[actor_label(view["speaker"])].append(
                    {**view, "event": None, "type": None,
                     "article": article_view(extraction.article)})
    for said in quotes.values():
        said.sort(key=lambda q: (q["article"]["published"] or "", q["article"]["id"],
                                 q["span"][0]))
    report.figures = dict(sorted(figures.items()))
    report.quotes = dict(sorted(quotes.items()))
    return report


def report_from_extractions(extractions: Iterable[Extraction], **where) -> SituationReport:
    extractions = list(extractions)
    return build_report(happenings_from_extractions(extractions), articles=extractions, **where)


# --- pictures --------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def country_outlines() -> list[list[tuple[float, float]]]:
    """Rings of Natural Earth 1:110m country outlines (public domain), shipped with the web."""
    path = resources.files("eventwire") / "serve" / "web" / "static" / "countries-110m.geojson"
    rings = []
    for feature in json.loads(path.read_text())["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            rings.extend(polygon)
    return rings


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # no display on servers and in tests
    import matplotlib.pyplot as plt

    return plt


def map_png(report: SituationReport) -> Optional[bytes]:
    """A small map: country outlines and the reports' places, coloured by event type."""
    points = [(r["place"]["lon"], r["place"]["lat"], r["type"], r["place"]["name"])
              for h in report.happenings for r in h["reports"]
              if r.get("place") and r["place"].get("lat") is not None]
    if not points:
        return None
    plt = _pyplot()
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    margin = max(4.0, (max(lons) - min(lons)) * 0.2, (max(lats) - min(lats)) * 0.2)
    figure, axes = plt.subplots(figsize=(5, 4))
    from matplotlib.collections import LineCollection

    # One collection for all outlines: hundreds of separate plot calls take seconds.
    axes.add_collection(LineCollection(country_outlines(), colors="#888888", linewidths=0.6))
    for kind in sorted({p[2] for p in points}):
        mine = [p for p in points if p[2] == kind]
        axes.scatter([p[0] for p in mine], [p[1] for p in mine], s=40, label=kind,
                     color=TYPE_COLOURS.get(kind, "#333333"), edgecolors="white", zorder=3)
    for lon, lat, name in sorted({(p[0], p[1], p[3]) for p in points}):
        axes.annotate(name, (lon, lat), xytext=(5, 5), textcoords="offset points", fontsize=8)
    axes.set_xlim(min(lons) - margin, max(lons) + margin)
    axes.set_ylim(min(lats) - margin, max(lats) + margin)
    axes.set_aspect("equal")
    axes.legend(fontsize=7, loc="lower left")
    axes.set_title("Events", fontsize=9)
    data = _png(figure)
    plt.close(figure)
    return data


def fatalities_by_day(report: SituationReport) -> dict[str, dict[str, float]]:
    """{perpetrator: {day: killed}} from top-level figures (parts are not added again)."""
    series: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for perpetrator, figures in report.figures.items():
        seen = set()
        for figure in figures:
            key = (figure["article_id"], figure["id"])
            if (figure["category"] == "killed" and figure["part_of"] is None and figure["day"]
                    and figure["value"] is not None and key not in seen):
                seen.add(key)
                series[perpetrator][figure["day"]] += figure["value"]
    return {name: dict(days) for name, days in series.items()}


def chart_png(report: SituationReport) -> Optional[bytes]:
    """Reported killed per day, one bar colour per perpetrator (several sources may differ)."""
    series = fatalities_by_day(report)
    if not series:
        return None
    plt = _pyplot()
    days = sorted({day for values in series.values() for day in values})
    figure, axes = plt.subplots(figsize=(6, 3))
    axes.set_xlim(-1, len(days))
    bottom = [0.0] * len(days)
    for perpetrator, values in sorted(series.items()):
        heights = [values.get(day, 0.0) for day in days]
        axes.bar(days, heights, bottom=bottom, label=perpetrator, width=0.6)
        bottom = [a + b for a, b in zip(bottom, heights)]
    axes.set_ylabel("reported killed")
    axes.set_title("Reported killed by perpetrator (day = last day a figure covers)",
                   fontsize=9)
    axes.legend(fontsize=7)
    axes.tick_params(axis="x", labelrotation=30, labelsize=7)
    data = _png(figure)
    plt.close(figure)
    return data


# --- text ------------------------------------------------------------------------------------

def _when(event: dict) -> str:
    when = event.get("date")
    if not when:
        return "undated"
    return when["start"] if when["start"] == when["end"] else f"{when['start']} to {when['end']}"


def _who(event: dict) -> str:
    return ", ".join(actor_label(a) for a in event["source"] if a) or "unknown"


def _number(value: Optional[float]) -> str:
    return "?" if value is None else f"{value:,.0f}" if value == int(value) else f"{value:g}"


QUALIFIER_WORDS = {"at_least": "at least", "at_most": "at most", "about": "about",
                   "more_than": "more than", "less_than": "fewer than", "vague": "",
                   "exact": ""}


def figure_line(figure: dict) -> str:
    qualifier = QUALIFIER_WORDS.get(figure["qualifier"], figure["qualifier"])
    source = actor_label(figure["source"]) or figure.get("outlet") or "unattributed"
    words = " ".join(w for w in (qualifier, _number(figure["value"]), figure["who"] or "",
                                 figure["category"]) if w)
    return f"{words} ({source}: \u201c{figure['text']}\u201d)"


def _md(text: str) -> str:
    """Text from an article inside Markdown: no markup, no raw HTML, one line."""
    escaped = text.replace("\\", "\\\\")
    for char in "`*_[]<>#|":
        escaped = escaped.replace(char, "\\" + char)
    return " ".join(escaped.split())


def _quoted(text: str) -> str:
    """Quotation marks around a quote, unless its span already has them."""
    return text if text[:1] in "\"\u201c\u2018'" else f"\u201c{text}\u201d"


def render_markdown(report: SituationReport, out: Optional[Path] = None,
                    inline_images: bool = False) -> str:
    """The report as Markdown; the map and chart are written as PNGs beside ``out`` (or
    inlined as data URLs, for a report served over HTTP)."""
    stem = out.with_suffix("") if out else Path("eventwire-report")
    lines = [f"# {_md(report.title)}", ""]
    lines.append(f"{len(report.happenings)} events, "
                 f"{sum(len(h['reports']) for h in report.happenings)} reports.")
    lines.append("")
    pictures = [("map", map_png(report)), ("chart", chart_png(report))]
    for name, data in pictures:
        if data and inline_images:
            lines += [f"![{name}](data:image/png;base64,{base64.b64encode(data).decode()})", ""]
        elif data:
            path = Path(f"{stem}-{name}.png")
            path.write_bytes(data)
            lines += [f"![{name}]({path.name})", ""]
    lines += ["## Events", ""]
    for happening in report.happenings:
        first = happening["reports"][0]
        place = (first.get("place") or {}).get("label", "")
        claimant = actor_label(first["claimed_by"])
        lines.append(f"- **{_when(first)}** {first['type']}"
                     f"{' (' + first['mode'] + ')' if first['mode'] else ''}: {_md(_who(first))}"
                     f" \u2014 \u201c{_md(first['trigger']['text'])}\u201d"
                     f"{' in ' + _md(place) if place else ''}; {first['status']}"
                     f"{', claimed by ' + _md(claimant) if claimant else ''}"
                     f" [{len(happening['reports'])} report(s)]")
        lines.append(f"  > {_md(first['sentence']['text'])}")
    lines += ["", "## Casualty figures by perpetrator", ""]
    if not report.figures:
        lines.append("No casualty figures.")
    for perpetrator, figures in report.figures.items():
        lines.append(f"### {_md(perpetrator)}")
        for figure in figures:
            indent = "  " if figure["part_of"] else ""
            lines.append(f"{indent}- {_md(figure_line(figure))}"
                         f"{' (of which)' if figure['part_of'] else ''}")
        lines.append("")
    lines += ["## Key quotes by actor", ""]
    if not report.quotes:
        lines.append("No quotes.")
    for speaker, quotes in report.quotes.items():
        lines.append(f"### {_md(speaker)}")
        for quote in quotes:
            lines.append(f"- {_quoted(_md(quote['text']))} ({quote['kind']}, "
                         f"{quote['article']['published'] or 'undated'})")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_html(report: SituationReport) -> str:
    """The report as one HTML page (pictures inline as data URLs; article text escaped)."""
    from eventwire.serve.web import template_env

    pictures = {name: base64.b64encode(data).decode("ascii")
                for name, data in (("map", map_png(report)), ("chart", chart_png(report)))
                if data}
    return template_env().get_template("report.html").render(
        report=report, pictures=pictures, when=_when, who=_who, figure_line=figure_line,
        actor_label=actor_label, standalone=True)
