"""The data model every stage shares: one Extraction per article.

Every item that comes from the text carries ``text`` and ``span`` (character offsets into
``article.text``); :func:`check_spans` is the one place that checks
``article.text[start:end] == text``. Field names follow ../shared/DESIGN.md: add, don't rename.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from datetime import date
from typing import Iterator, Literal, Optional

import ftfy
from pydantic import BaseModel, ConfigDict, Field, model_validator

Span = tuple[int, int]

ActorKind = Literal["person", "organisation", "group", "state"]
PlaceFeature = Literal["city", "admin1", "admin2", "country", "district", "region", "facility", "other"]
PlaceRole = Literal["event", "mention"]
Qualifier = Literal["east", "west", "north", "south", "central", "northeast", "northwest",
                    "southeast", "southwest"]
TimeAnchor = Literal["publication", "speech", "event", "none"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "indirect", "mixed", "according_to"]
QuantityQualifier = Literal["exact", "at_least", "at_most", "about", "more_than", "less_than",
                            "vague", "range"]
QuantityCategory = Literal["killed", "injured", "displaced", "evacuated", "detained", "missing",
                           "kidnapped", "people", "percent", "distance", "money", "other"]
EventStatus = Literal["asserted", "negated", "planned", "requested", "hypothetical", "claimed"]
DatePrecision = Literal["day", "week", "month", "season", "year", "decade", "century"]
PloverType = Literal["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                     "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                     "MOBILIZE", "COERCE", "ASSAULT"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """A piece of the article text: what it says and where."""

    text: str
    span: Span


class Article(_Model):
    id: str
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[date] = None
    author: Optional[str] = Field(None, description="byline of a web page or feed item")
    text: str
    sha256: str

    @classmethod
    def from_text(cls, text: str, **meta) -> "Article":
        """An Article whose id and sha256 come from the normalised text."""
        digest = text_sha256(text)
        meta.setdefault("id", digest[:16])
        return cls(text=text, sha256=digest, **meta)


class Actor(Evidence):
    id: str
    name: str
    code: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    kind: ActorKind
    refers_to: Optional[str] = Field(None, description="id of the first mention of the same actor")
    members: list[str] = Field(default_factory=list,
                               description="ids of the actors a compound actor is made of")


class Place(Evidence):
    id: str
    name: str
    geonameid: Optional[str] = Field(None, description="GeoNames id, or a project id 'ew:...'")
    parent: Optional[str] = Field(None, description="geonameid of the place this one lies in "
                                  "(east Aleppo -> Aleppo)")
    country: Optional[str] = Field(None, description="ISO 3166-1 alpha-2")
    admin1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    feature: Optional[PlaceFeature] = None
    qualifier: Optional[Qualifier] = None
    role: PlaceRole = "mention"
    metonymy: bool = Field(False, description="the name stands for a government ('Washington said')")
    reason: Optional[str] = Field(None, description="why a name was left unresolved")


class Time(Evidence):
    id: str
    type: TimexType = "DATE"
    value: Optional[str] = Field(None, description="TIMEX3 value: 2016-12-08, 2016-W48, P3W, PRESENT_REF")
    start: Optional[date] = None
    end: Optional[date] = None
    anchor: TimeAnchor = "publication"
    approximate: bool = False
    reason: Optional[str] = Field(None, description="why a value could not be given")


class Quote(Evidence):
    id: str
    kind: QuoteKind
    speaker: Optional[str] = Field(None, description="actor id")
    source: Optional[Evidence] = Field(None, description="the words naming the speaker")
    cue: Optional[Evidence] = None
    time: Optional[str] = Field(None, description="time id of the speech act")
    place: Optional[str] = Field(None, description="place id of the speech act")


class Quantity(Evidence):
    id: str
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    qualifier: QuantityQualifier = "exact"
    category: QuantityCategory = "other"
    who: Optional[str] = None
    part_of: Optional[str] = Field(None, description="quantity id this figure is a part of")
    perpetrator: Optional[str] = Field(None, description="actor id")
    place: Optional[str] = None
    time: Optional[str] = None
    source: Optional[str] = Field(None, description="actor id of who gives the figure")
    cumulative: bool = Field(False, description="a running or war-wide total ('since 2011', "
                             "'the war has killed'), not one incident's")


class EventDate(_Model):
    start: date
    end: date
    precision: DatePrecision


class Event(_Model):
    id: str
    type: PloverType
    mode: Optional[str] = None
    context: Optional[str] = None
    cameo: Optional[str] = None
    trigger: Evidence
    sentence: Span
    source: list[str] = Field(default_factory=list, description="actor ids")
    target: list[str] = Field(default_factory=list, description="actor ids")
    place: Optional[str] = None
    time: Optional[str] = None
    date: Optional[EventDate] = None
    status: EventStatus = "asserted"
    claimed_by: Optional[str] = Field(None, description="actor id")
    quote: Optional[str] = Field(None, description="quote id")
    fatalities: Optional[str] = Field(None, description="quantity id")
    confidence: float = Field(0.5, ge=0.0, le=1.0)
    reciprocal: bool = Field(False, description="the target acts as much as the source (a "
                             "meeting, talks, an agreement or cooperation with): source and "
                             "target are both parties")


class SpanError(ValueError):
    """An item's span does not point at its text."""


class Extraction(_Model):
    article: Article
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    @model_validator(mode="after")
    def _spans_point_at_text(self) -> "Extraction":
        check_spans(self)
        return self

    def by_id(self, item_id: Optional[str]):
        """The actor, place, time, quote, quantity or event with this id, or None."""
        if item_id is None:
            return None
        for items in (self.actors, self.places, self.times, self.quotes, self.quantities,
                      self.events):
            for item in items:
                if item.id == item_id:
                    return item
        return None


def evidence_items(extraction: Extraction) -> Iterator[tuple[str, Evidence]]:
    """Every (where, evidence) pair in an extraction: items, quote cues, event triggers."""
    for name in ("actors", "places", "times", "quotes", "quantities"):
        for item in getattr(extraction, name):
            yield f"{name}/{item.id}", item
    for quote in extraction.quotes:
        if quote.cue is not None:
            yield f"quotes/{quote.id}/cue", quote.cue
        if quote.source is not None:
            yield f"quotes/{quote.id}/source", quote.source
    for event in extraction.events:
        yield f"events/{event.id}/trigger", event.trigger


def check_spans(extraction: Extraction) -> None:
    """Raise SpanError unless every span satisfies ``article.text[start:end] == text``."""
    text = extraction.article.text
    for where, item in evidence_items(extraction):
        start, end = item.span
        if not (0 <= start <= end <= len(text)) or text[start:end] != item.text:
            raise SpanError(f"{where}: span {list(item.span)} does not hold {item.text!r}")
    for event in extraction.events:
        start, end = event.sentence
        if not (0 <= start <= end <= len(text)):
            raise SpanError(f"events/{event.id}: sentence {list(event.sentence)} is outside the text")


# A right double quote's UTF-8 bytes read as cp1252 ("â€" and 0x9d, which cp1252 lacks, so the
# third byte was lost as U+FFFD): no other mark of that shape is common in news.
LOST_CLOSING_QUOTE = "\u00e2\u20ac\ufffd"


def repair_encoding(text: str) -> str:
    """UTF-8 once read as cp1252 or Latin-1 ("the partyâ€™s", "â€œwe") read back as meant
    ("the party’s", "“we"), by ftfy's encoding fixes alone; text without such runs is kept."""
    return ftfy.fix_encoding(text.replace(LOST_CLOSING_QUOTE, "\u201d"), fix_c1_controls=False)


def normalise_text(text: str) -> str:
    """The form articles are identified by: mis-decoded UTF-8 repaired, NFC, unified newlines,
    no trailing blanks."""
    text = unicodedata.normalize("NFC", repair_encoding(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def text_sha256(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def json_schema() -> dict:
    """The JSON Schema of an Extraction, as kept in docs/extraction.schema.json."""
    schema = Extraction.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://eventwire.org/schema/extraction.json"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"
