"""The CAMEO view of an extraction: its events as CAMEO codes, statements included.

eventwire codes events in PLOVER, which dropped CAMEO's 01 "make public statement": a
statement is a Quote, and what it reports is coded as its own (claimed) event. CAMEO codes a
public statement as an event (010 make statement), so CAMEO-coded gold (PETR2-GSR, the
ConfliBERT CAMEO sets) and GDELT-style users compare with this view: every event that carries
a CAMEO code, plus, for each attributed statement whose sentence holds no other event, a 010
statement whose source is the speaker; an act alleged in a denied accusation (016) is the
denial, by the denier of the accuser. The view is derived, never stored: the extraction's
schema and the store are unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from eventwire.model import Actor, Event, Evidence, Extraction, Quote

STATEMENT = "010"  # CAMEO: make statement, not specified below
DENIAL = "016"  # CAMEO: deny responsibility (PETRARCH2: DENY / REJECT / DISMISS ACCUSATION)


@dataclass(frozen=True)
class CameoEvent:
    """One CAMEO-coded happening: an Event's code and roles, or a statement made of a Quote."""
    code: str
    trigger: Evidence
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    event: Optional[str] = None   # the Event id it comes from
    quote: Optional[str] = None   # the Quote id of a statement
    reciprocal: bool = False      # both parties act: CAMEO codes it both ways


def cameo_events(extraction: Extraction) -> list[CameoEvent]:
    """The extraction's CAMEO-coded events in text order, statements included (010)."""
    found = [(e.trigger.span[0], _denial(e, extraction) or CameoEvent(
        e.cameo, e.trigger, list(e.source), list(e.target), event=e.id, reciprocal=e.reciprocal))
             for e in extraction.events if e.cameo]
    sentences = [e.sentence for e in extraction.events]
    for quote in extraction.quotes:
        statement = _statement(quote, extraction, sentences)
        if statement is not None:
            found.append((statement.trigger.span[0], statement))
    found.sort(key=lambda pair: pair[0])
    return [item for _, item in found]


def _denial(event: Event, extraction: Extraction) -> Optional[CameoEvent]:
    """An act alleged in a denied accusation ("Iran's foreign ministry rejected accusations by
    Netanyahu that Tehran was behind the attack", coded 016) as CAMEO codes it: the denial,
    whose source is the denier, the sentence's first actor named before the accuser and
    the act, and whose target is the accuser (the act's ``claimed_by``; ConfliBERT's coders:
    the accuser is the target in 13 of the 15 train sentences that name one, by or from)."""
    if event.cameo != DENIAL or event.status != "claimed":
        return None
    accuser = extraction.by_id(event.claimed_by)
    end = min(event.trigger.span[0], accuser.span[0] if accuser is not None else len(
        extraction.article.text))
    sentence_start = event.sentence[0]
    named = [a for a in extraction.actors if sentence_start <= a.span[0] and a.span[1] <= end
             and not a.members]
    denier = min(named, key=lambda a: (a.span[0], -a.span[1]), default=None)  # the outermost
    return CameoEvent(DENIAL, event.trigger, [denier.id] if denier is not None else [],
                      [accuser.id] if accuser is not None else [], event=event.id)


def _statement(quote: Quote, extraction: Extraction,
               event_sentences: list[tuple[int, int]]) -> Optional[CameoEvent]:
    """A statement event for an attributed quote: a coded speaker, and no event in the sentence
    of its cue (a sentence whose report is coded as an act is that act in CAMEO too)."""
    speaker = _coded(extraction, quote.speaker)
    if speaker is None or quote.cue is None:
        return None
    cue_start = quote.cue.span[0]
    if any(start <= cue_start < end for start, end in event_sentences):
        return None
    return CameoEvent(STATEMENT, quote.cue, [quote.speaker], _addressed(quote, extraction, speaker),
                      quote=quote.id)


def _addressed(quote: Quote, extraction: Extraction, speaker: Actor) -> list[str]:
    """The statement's target: the first coded actor its words name other than the speaker
    (CAMEO codes a statement about someone as directed at them)."""
    start, end = quote.span
    for actor in extraction.actors:
        if not (start <= actor.span[0] and actor.span[1] <= end) or actor.members:
            continue
        coded = _coded(extraction, actor.id)
        if coded is not None and coded.id != speaker.id and coded.code != speaker.code:
            return [actor.id]
    return []


def _coded(extraction: Extraction, actor_id: Optional[str]) -> Optional[Actor]:
    """The actor an id resolves to (through refers_to) when it carries a CAMEO code."""
    actor = extraction.by_id(actor_id)
    seen: set[str] = set()
    while actor is not None and actor.refers_to and actor.id not in seen:
        seen.add(actor.id)
        actor = extraction.by_id(actor.refers_to) or actor
    if actor is None or not (actor.code or actor.members):
        return None
    return actor
