"""Dump, or compare, the events of the first N bench articles with their roles, to read
what a change to the actors or events stage moved (docs/evaluation.md counts them).

    PYTHONPATH=.:bench python scripts/bench_event_roles.py dump N OUT.jsonl
    python scripts/bench_event_roles.py diff BEFORE.jsonl AFTER.jsonl

One line per event: article, sentence, trigger, type and CAMEO code (and "reciprocal" where
both parties act), and the source and target actors as "text=CODE"; ``diff`` prints the events
whose roles or codes differ, and those found on one side only, by article and trigger offset.
"""

from __future__ import annotations

import json
import sys


def dump(count: int, out: str) -> None:
    from corpus import bench_articles  # bench/corpus.py
    from eventwire.pipeline import default_pipeline

    articles = bench_articles(count)
    with open(out, "w", encoding="utf-8") as handle:
        for number, x in enumerate(default_pipeline().extract_many(articles, batch_size=16)):
            def named(ids):
                return [f"{x.by_id(i).text}={x.by_id(i).code}" for i in ids if x.by_id(i)]
            for event in x.events:
                handle.write(json.dumps({
                    "article": number, "at": event.trigger.span[0], "trigger": event.trigger.text,
                    "code": f"{event.type} {event.cameo}" + (" reciprocal" if event.reciprocal
                                                             else ""),
                    "sentence": x.article.text[event.sentence[0]:event.sentence[1]],
                    "source": named(event.source), "target": named(event.target)}) + "\n")


def diff(before_path: str, after_path: str) -> None:
    def load(path):
        with open(path, encoding="utf-8") as handle:
            return {(e["article"], e["at"]): e for e in map(json.loads, handle)}
    before, after = load(before_path), load(after_path)
    changed = 0
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        fields = ("code", "source", "target")
        if old and new and all(old[f] == new[f] for f in fields):
            continue
        changed += 1
        sample = new or old
        print(f"article {key[0]} '{sample['trigger']}': {sample['sentence'][:220]}")
        for mark, event in (("-", old), ("+", new)):
            if event:
                print(f"  {mark} {event['code']}  S {event['source']}  T {event['target']}")
    print(f"{changed} of {len(after)} events changed or added ({len(before)} before)")


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(int(sys.argv[2]), sys.argv[3])
    else:
        diff(sys.argv[2], sys.argv[3])
