"""Evaluation on public gold data: one scorer per set, run as ``eventwire evaluate NAME``.

A scorer is a function ``score(split, data) -> dict`` of metric names to numbers, where
``data`` is the data folder (see :func:`data_dir`). SCORERS maps each set's name to the
scorer's import path, so that a scorer's dependencies load only when it runs.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Callable, Iterable, Sequence, TypeVar

from eventwire.errors import InputError

SPLITS = ("dev", "test")

SCORERS: dict[str, str] = {
    # name                   module:function          (data under ../shared/data)
    "timex-te3":             "eventwire.evaluate.timex:score_te3",
    "timex-tbaq":            "eventwire.evaluate.timex:score_tbaq",
    "timex-meantime":        "eventwire.evaluate.timex:score_meantime",
    "timex-wikiwars":        "eventwire.evaluate.timex:score_wikiwars",
    "geo-trnews":            "eventwire.evaluate.geo:score_trnews",
    "geo-gwn":               "eventwire.evaluate.geo:score_gwn",
    "geo-lgl":               "eventwire.evaluate.geo:score_lgl",
    "event-location":        "eventwire.evaluate.geo:score_event_location",
    "plover":                "eventwire.evaluate.events:score_plover",
    "actors-plover":         "eventwire.evaluate.actors:score_actors",
    "actors-petr2-gsr":      "eventwire.evaluate.actors:score_actors_petr2",
    "petr2-gsr":             "eventwire.evaluate.events:score_petr2_gsr",
    "conflibert":            "eventwire.evaluate.events:score_conflibert",
    "petrarch2-unittest":    "eventwire.evaluate.events:score_petrarch2_unittest",
    "cameo-annotations":     "eventwire.evaluate.events:score_cameo_annotations",
    "polnear":               "eventwire.evaluate.quotes:score_polnear",
    "fakes":                 "eventwire.evaluate.casualties:score_fakes",
    "html-zyte":             "eventwire.evaluate.html:score_zyte",
    "html-naeb":             "eventwire.evaluate.html:score_naeb",
}

Scorer = Callable[[str, Path], dict]
T = TypeVar("T")


def data_dir() -> Path:
    """The gold data folder: $EVENTWIRE_DATA, else ../shared/data beside the repository."""
    env = os.environ.get("EVENTWIRE_DATA")
    candidates = [Path(env)] if env else []
    repo = Path(__file__).resolve().parents[2]
    candidates += [repo.parent / "shared" / "data", Path.cwd().parent / "shared" / "data",
                   Path.cwd() / "shared" / "data"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise InputError("no gold data found: set EVENTWIRE_DATA to the data folder "
                     "(../shared/data in a checkout)")


def load_scorer(name: str) -> Scorer:
    if name not in SCORERS:
        raise InputError(f"unknown evaluation '{name}' (one of: {', '.join(sorted(SCORERS))})")
    module_name, _, function = SCORERS[name].partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as err:
        if err.name == module_name:
            raise InputError(f"evaluation '{name}' is not built yet") from None
        raise
    return getattr(module, function)


def evaluate(name: str, split: str = "dev", data: Path | None = None) -> dict:
    """Run one scorer on one split; returns its metrics."""
    if split not in SPLITS:
        raise InputError(f"unknown split '{split}' (dev or test)")
    scorer = load_scorer(name)
    metrics = scorer(split, data or data_dir())
    return {"name": name, "split": split, **metrics}


def parity_split(items: Iterable[T], split: str) -> list[T]:
    """The README's rule for sets without a split: item i is dev when i is even, else test."""
    want = 0 if split == "dev" else 1
    return [item for i, item in enumerate(items) if i % 2 == want]


def prf(true_positives: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts."""
    p = true_positives / predicted if predicted else 0.0
    r = true_positives / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Macro-averaged F1 over the labels that occur in gold."""
    labels = sorted(set(gold))
    scores = []
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        scores.append(prf(tp, sum(p == label for p in predicted),
                          sum(g == label for g in gold))["f1"])
    return round(sum(scores) / len(scores), 4) if scores else 0.0
