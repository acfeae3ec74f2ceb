"""Calibrate the events' confidence on dev data: the precision of each kind of rule.

    PYTHONPATH=. python scripts/calibrate_event_confidence.py [../shared/data]

Runs the pipeline on the dev half of the PLOVER gold standard records and PETR2-GSR, and
counts, per rule kind (trigger = eventwire's curated patterns, pattern = a Phoenix verb
pattern, verb = a verb's default code, noun = a nominal trigger, intent = a statement of
intent recoded), how often the event it coded has the gold type. Writes
eventwire/data/event_confidence.json. Dev only: never run on test.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from eventwire.evaluate import data_dir, parity_split
from eventwire.evaluate.events import (extract_sentences, load_jsonl, load_plover,
                                       plover_gold_type)
from eventwire.extract import events as events_stage
from eventwire.resources.ontology import plover_of

RULES = ("trigger", "pattern", "verb", "noun", "intent", "learned")
OUT = Path(__file__).resolve().parents[1] / "eventwire" / "data" / "event_confidence.json"


def main(data: Path) -> None:
    # each rule kind gets a marker confidence, so that an event tells which rule coded it
    markers = {rule: round(0.11 + 0.1 * i, 2) for i, rule in enumerate(RULES)}
    events_stage.rule_confidence = lambda: markers
    # the fallback table: the classifier's calibrated confidence would hide the markers
    events_stage.event_classifier.calibrated_confidence = lambda rule, probability: None
    by_marker = {v: k for k, v in markers.items()}
    right, total = Counter(), Counter()
    plover = parity_split(load_plover(data), "dev")
    for record, extraction in zip(plover, extract_sentences([r["text"] for r in plover])):
        gold = plover_gold_type(record)
        for event in extraction.events:
            rule = by_marker.get(event.confidence, "verb")
            total[rule] += 1
            right[rule] += event.type == gold
    gsr = parity_split(load_jsonl(data / "events" / "derived" / "petr2_gsr_validation.jsonl"), "dev")
    for record, extraction in zip(gsr, extract_sentences([r["text"] for r in gsr])):
        gold = {plover_of(x["event"]).type for x in record["expected"] if plover_of(x["event"])}
        for event in extraction.events:
            rule = by_marker.get(event.confidence, "verb")
            total[rule] += 1
            right[rule] += event.type in gold
    # add-one smoothing: a rule seen a few times is not trusted fully
    precision = {rule: round((right[rule] + 1) / (total[rule] + 2), 3) for rule in RULES}
    OUT.write_text(json.dumps({
        "about": "Dev precision of each rule kind (event type right), add-one smoothed; "
                 "written by scripts/calibrate_event_confidence.py on the dev halves of the "
                 "PLOVER gold records and PETR2-GSR (every event, not only the main one).",
        "precision": precision, "events": dict(total), "right": dict(right)}, indent=2) + "\n")
    print(json.dumps({"precision": precision, "events": dict(total)}))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else data_dir())
