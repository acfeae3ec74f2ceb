"""The hand check's scoring (scripts/hand_check_events.py): Wilson intervals and the figures a
judgement file gives, including the committed one (bench/handcheck/)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HANDCHECK = ROOT / "bench" / "handcheck"
spec = importlib.util.spec_from_file_location("hand_check_events",
                                              ROOT / "scripts" / "hand_check_events.py")
hand_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hand_check)


def test_wilson_interval_matches_the_textbook_values():
    assert hand_check.wilson(5, 10) == pytest.approx((0.2366, 0.7634), abs=1e-4)
    assert hand_check.wilson(0, 10) == pytest.approx((0.0, 0.2775), abs=1e-4)
    assert hand_check.wilson(81, 100) == pytest.approx((0.7222, 0.8749), abs=1e-4)


def judged(event, root=None, source=None, target=None):
    return {"judgement": {"event": event, "type": "y" if event == "y" else None, "root": root,
                          "source": source, "target": target, "status": None}}


def test_a_false_event_counts_against_the_event_code_and_unsure_is_left_out():
    figures = hand_check.proportions([
        judged("y", root="y", source="y", target="y"),
        judged("y", root="n", source="y", target="n"),
        judged("y", root="unsure", source="y", target="unsure"),
        judged("n"),
        judged("unsure"),
    ])
    assert figures["event"] == (3, 4, 1)
    assert figures["root"] == (1, 2, 1)
    assert figures["event code"] == (1, 3, 2)  # right code, wrong code, false event
    assert figures["actors"] == (1, 2, 1)


@pytest.mark.parametrize(("name", "event", "event_code", "actors"), [
    ("events-2026-11-28.jsonl", (56, 99, 1), (34, 94, 6), (2, 56, 0)),
    ("events-2026-11-28-seed17.jsonl", (52, 100, 0), (34, 93, 7), (7, 52, 0)),
    ("events-2026-11-28-seed18.jsonl", (53, 99, 1), (33, 91, 9), (14, 53, 0)),
])
def test_the_committed_hand_checks_score_as_documented(name, event, event_code, actors):
    path = HANDCHECK / name
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    figures = hand_check.proportions(lines)
    assert len(lines) == 100
    assert all(line["judgement"]["event"] in ("y", "n", "unsure") for line in lines)
    assert figures["event"] == event
    assert figures["event code"] == event_code
    assert figures["actors"] == actors


@pytest.mark.parametrize(("ids", "events", "event", "event_code", "actors"), [
    ("touched-ids-2026-11-28.txt", 63, "31/63", "16/56", "9/31"),
    ("hand-checked-ids-2026-11-28.txt", 92, "47/91", "28/83", "14/47"),
])
def test_score_leaves_out_the_events_of_the_excluded_articles(ids, events, event, event_code,
                                                               actors, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["hand_check_events.py", "score",
                                      str(HANDCHECK / "events-2026-11-28-seed18.jsonl"),
                                      "--exclude", str(HANDCHECK / ids)])
    hand_check.main()
    output = capsys.readouterr().out.splitlines()
    assert output[0] == f"all ({events} events)"
    figures = {line[:13].strip(): line[13:].split()[0] for line in output[1:9]}
    assert figures["event"] == event
    assert figures["event code"] == event_code
    assert figures["actors"] == actors
