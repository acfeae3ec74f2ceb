"""Extractions built by hand on real article text, for the store, fusion and export tests.

The extraction stages are built in parallel and improve over time; the store tests need
events whose fields they know, so these extractions name them explicitly. Every item is a
real span of the article text (the model checks it).
"""

from __future__ import annotations

import gzip
import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Optional

from eventwire.evaluate import data_dir
from eventwire.model import (Actor, Article, Event, EventDate, Evidence, Extraction, Place,
                             Quantity)

ALEPPO = dict(geonameid="170063", country="SY", admin1="Aleppo", lat=36.20124, lon=37.16117,
              feature="city")
EAST_ALEPPO = dict(ALEPPO, geonameid="170063", qualifier="east")


def span_of(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def sentence_of(text: str, position: int) -> tuple[int, int]:
    stop = text.rfind(". ", 0, position)
    start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, position) + 1)
    end = text.find(". ", position)
    return start, (len(text) if end < 0 else end + 1)


def build(text: str, *, published: Optional[date], source: Optional[str] = None,
          article_id: Optional[str] = None, title: Optional[str] = None,
          actors: tuple = (), places: tuple = (), quantities: tuple = (),
          events: tuple = ()) -> Extraction:
    """An Extraction of ``text`` whose items are given as (words, fields) pairs.

    Events name their actors, place and fatalities by the words of those items.
    """
    article = Article.from_text(text, published=published, source=source, title=title,
                                **({"id": article_id} if article_id else {}))
    ids: dict[str, str] = {}
    actor_items, place_items, quantity_items, event_items = [], [], [], []
    for n, (words, fields) in enumerate(actors, 1):
        actor_items.append(Actor(id=f"a{n}", text=words, span=span_of(text, words), **fields))
        ids[words] = f"a{n}"
    for n, (words, fields) in enumerate(places, 1):
        place_items.append(Place(id=f"p{n}", text=words, span=span_of(text, words),
                                 name=fields.pop("name", words), **fields))
        ids[words] = f"p{n}"
    for n, (words, fields) in enumerate(quantities, 1):
        fields = dict(fields)
        source_words = fields.pop("source", None)
        quantity_items.append(Quantity(id=f"n{n}", text=words, span=span_of(text, words),
                                       source=ids.get(source_words), **fields))
        ids[words] = f"n{n}"
    for n, spec in enumerate(events, 1):
        spec = dict(spec)
        trigger = spec.pop("trigger")
        span = span_of(text, trigger, spec.pop("nth", 0))
        day = spec.pop("date", None)
        precision = spec.pop("precision", "day")
        if isinstance(day, str):
            day = date.fromisoformat(day)
        event_items.append(Event(
            id=f"e{n}", trigger=Evidence(text=trigger, span=span),
            sentence=sentence_of(text, span[0]),
            source=[ids[w] for w in spec.pop("source", ())],
            target=[ids[w] for w in spec.pop("target", ())],
            place=ids.get(spec.pop("place", None)),
            fatalities=ids.get(spec.pop("fatalities", None)),
            claimed_by=ids.get(spec.pop("claimed_by", None)),
            date=EventDate(start=day, end=spec.pop("end", day), precision=precision)
            if day else None,
            **spec))
    return Extraction(article=article, actors=actor_items, places=place_items,
                      quantities=quantity_items, events=event_items)


@lru_cache(maxsize=1)
def seed_text() -> str:
    from eventwire.ingest.text import read_text_file

    return read_text_file(data_dir() / "seed" / "aleppo-2016-12-09.txt").text


def seed_extraction() -> Extraction:
    """The seed article with its casualty events, as issue 2 describes them."""
    text = seed_text()
    return build(
        text, published=date(2016, 12, 9), source="The New Arab", article_id="seed",
        title="Russia says Syrian regime attacks on Aleppo halted",
        actors=(("Sergei Lavrov", dict(name="Sergei Lavrov", code="RUSGOV", kind="person")),
                ("Syrian Observatory for Human Rights",
                 dict(name="Syrian Observatory for Human Rights", code="NGO", kind="organisation")),
                ("rebels", dict(name="rebels", code="SYRREB", kind="group")),
                ("regime", dict(name="Syrian government", code="SYRGOV", kind="organisation")),
                ("civilians", dict(name="civilians", code="SYRCVL", kind="group"))),
        places=(("Aleppo", dict(ALEPPO, name="Aleppo", role="event")),),
        quantities=(("384", dict(value=384, qualifier="at_least", category="killed",
                                  who="civilians",
                                  source="Syrian Observatory for Human Rights")),),
        events=({"type": "ASSAULT", "trigger": "killed", "source": ["regime"],
                 "target": ["civilians"], "place": "Aleppo", "date": "2016-12-08",
                 "fatalities": "384", "cameo": "190"},
                {"type": "RETREAT", "trigger": "halted", "source": ["regime"],
                 "place": "Aleppo", "date": "2016-12-08", "claimed_by": "Sergei Lavrov",
                 "status": "claimed", "cameo": "0871", "mode": "ceasefire"}))


@lru_cache(maxsize=1)
def voa_stories() -> tuple[dict, ...]:
    path = data_dir() / "corpora" / "voa" / "voa_stories.jsonl"
    with open(path, encoding="utf-8") as stream:
        return tuple(json.loads(line) for line, _ in zip(stream, range(40)))


def voa_article(index: int) -> tuple[str, date, str]:
    story = voa_stories()[index]
    return story["text"], date.fromisoformat(story["published"][:10]), story["id"]


def bench_texts(count: int) -> list[dict]:
    path = data_dir() / "corpora" / "bench_articles.jsonl.gz"
    found = []
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            found.append(json.loads(line))
            if len(found) == count:
                break
    return found


REPO = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def fakes_articles() -> dict[str, dict]:
    """FA-KES articles (real Syrian war news, CC BY 4.0) by id, from the bench corpus."""
    path = data_dir() / "corpora" / "bench_articles.jsonl.gz"
    found = {}
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            if record["corpus"] == "fakes":
                found[record["id"]] = record
    return found


KHAN_SHEIKHOUN = dict(geonameid="ew:khan-sheikhoun", country="SY", admin1="12",
                      lat=35.4417, lon=36.6508, feature="city", role="event")
EASTERN_GHOUTA = dict(geonameid="ew:eastern-ghouta", country="SY", admin1="08",
                      lat=33.52, lon=36.38, feature="region", role="event")
SOHR = ("Syrian Observatory for Human Rights",
        dict(name="Syrian Observatory for Human Rights", kind="organisation"))
CIVILIANS = dict(name="civilians", code="SYRCVL", kind="group")


def fakes_extraction(article_id: str, outlet: str, **items) -> Extraction:
    record = fakes_articles()[article_id]
    return build(record["text"], published=date.fromisoformat(record["date"]), source=outlet,
                 article_id=article_id, title=record["title"], **items)


def khan_sheikhoun_reports() -> list[Extraction]:
    """The sarin attack on Khan Sheikhoun, 4 April 2017, as three articles told it."""
    return [
        fakes_extraction(
            "fakes-1918150030", "Asharq Al-Awsat",
            actors=(SOHR, ("regime", dict(name="Syrian government", code="SYRGOV",
                                          kind="organisation")),
                    ("civilians", CIVILIANS)),
            places=(("Khan Sheikhoun", dict(KHAN_SHEIKHOUN, name="Khan Sheikhoun")),),
            quantities=(("58", dict(value=58, category="killed", source=SOHR[0])),),
            events=({"type": "ASSAULT", "trigger": "killed", "source": ["regime"],
                     "target": ["civilians"], "place": "Khan Sheikhoun",
                     "date": "2017-04-04", "fatalities": "58"},)),
        fakes_extraction(
            "fakes-1923848146", "Ahram Online",
            actors=(SOHR, ("Syrian government jets", dict(name="Syrian government jets",
                                                          code="SYRMIL", kind="group")),
                    ("civilians", CIVILIANS)),
            places=(("Khan Sheikhoun", dict(KHAN_SHEIKHOUN, name="Khan Sheikhoun")),),
            quantities=(("58", dict(value=58, qualifier="at_least", category="killed",
                                    source=SOHR[0])),),
            events=({"type": "ASSAULT", "trigger": "killed",
                     "source": ["Syrian government jets"], "target": ["civilians"],
                     "place": "Khan Sheikhoun", "date": "2017-04-04", "fatalities": "58"},)),
        fakes_extraction(
            "fakes-1923848144", "Ahram Online",
            actors=(SOHR, ("Syrian aircraft", dict(name="Syrian aircraft", code="SYRMIL",
                                                   kind="group"))),
            places=(("Khan Sheikhun", dict(KHAN_SHEIKHOUN, name="Khan Sheikhoun")),),
            quantities=(("86", dict(value=86, category="killed", source=SOHR[0])),),
            events=({"type": "ASSAULT", "trigger": "air strike", "source": ["Syrian aircraft"],
                     "place": "Khan Sheikhun", "date": "2017-04-04", "fatalities": "86"},)),
    ]


def eastern_ghouta_reports() -> list[Extraction]:
    """Air strikes on Eastern Ghouta the same day: another happening, two outlets."""
    return [
        fakes_extraction(
            "fakes-1923102874", "The New Arab",
            actors=(("civilians", CIVILIANS),),
            places=(("Eastern Ghouta", dict(EASTERN_GHOUTA, name="Eastern Ghouta")),),
            quantities=(("19", dict(value=19, qualifier="at_least", category="killed")),),
            events=({"type": "ASSAULT", "trigger": "killed", "target": ["civilians"],
                     "place": "Eastern Ghouta", "date": "2017-04-04", "fatalities": "19"},)),
        fakes_extraction(
            "fakes-1923848145", "Ahram Online",
            actors=(("civilians", CIVILIANS),),
            places=(("Eastern Ghouta", dict(EASTERN_GHOUTA, name="Eastern Ghouta")),),
            quantities=(("19", dict(value=19, category="killed")),),
            events=({"type": "ASSAULT", "trigger": "killed", "target": ["civilians"],
                     "place": "Eastern Ghouta", "date": "2017-04-04", "fatalities": "19"},)),
    ]


SYRIA = dict(geonameid="163843", country="SY", lat=35.0, lon=38.0, feature="country",
             role="event")


def syria_only_report() -> Extraction:
    """The Khan Sheikhoun attack as the WHO told it the next day: "a suspected chemical
    attack in Syria", placed in the country only, nobody named as its author."""
    return fakes_extraction(
        "fakes-1914947530", "Reuters",
        places=(("Syria", dict(SYRIA, name="Syria")),),
        quantities=(("70", dict(value=70, qualifier="at_least", category="killed")),),
        events=({"type": "ASSAULT", "trigger": "chemical attack", "place": "Syria",
                 "date": "2017-04-05", "fatalities": "70"},))


ALEPPO_CITY = dict(ALEPPO, name="Aleppo")


def aleppo_barrel_bombs_years_apart() -> list[Extraction]:
    """Two real barrel-bomb attacks on Aleppo by government aircraft, two years apart, each
    told without a date the stages resolved: one type, one place, one actor."""
    return [
        fakes_extraction(
            "fakes-1923848298", "Ahram Online",
            actors=(("Syrian regime helicopters", dict(name="Syrian regime helicopters",
                                                       code="SYRMIL", kind="group")),),
            places=(("Aleppo", ALEPPO_CITY),),
            events=({"type": "ASSAULT", "trigger": "dropped barrel bombs",
                     "source": ["Syrian regime helicopters"], "place": "Aleppo"},)),
        fakes_extraction(
            "fakes-1923102859", "The New Arab",
            actors=(("government forces", dict(name="government forces", code="SYRMIL",
                                               kind="group")),),
            places=(("Aleppo", ALEPPO_CITY),),
            events=({"type": "ASSAULT", "trigger": "barrel bomb attack",
                     "source": ["government forces"], "place": "Aleppo"},)),
    ]


def al_maleh_battle_a_day_apart() -> list[Extraction]:
    """The battle around al-Maleh, north of Aleppo (70 killed), as The New Arab told it on
    30 June 2016 and the Jordan Times the next day, neither with a resolved date."""
    regime = ("regime", dict(name="Syrian government", code="SYRGOV", kind="organisation"))
    return [
        fakes_extraction(
            "fakes-1923102946", "The New Arab", actors=(regime,),
            places=(("Aleppo", ALEPPO_CITY),),
            events=({"type": "ASSAULT", "trigger": "battle", "source": ["regime"],
                     "place": "Aleppo"},)),
        fakes_extraction(
            "fakes-1924058058", "Jordan Times", actors=(regime,),
            places=(("Aleppo", ALEPPO_CITY),),
            events=({"type": "ASSAULT", "trigger": "battles", "source": ["regime"],
                     "place": "Aleppo"},)),
    ]
