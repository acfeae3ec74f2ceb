"""Score ways of joining a fine-tuned encoder's tags to the rule finder on PolNeAR dev, from a
training run's dev logits (`scripts/polnear_encoder_train.py` writes them), without shipping
the run: the quotes stage's encoder probabilities are replaced by the run's (several runs'
are averaged), then `score_docs` scores the finder as `evaluate polnear` does.

Settings (JSON, one per argument): "threshold" (a tagged cue's mean B/I probability),
"content" (the content beside it), "gate" (a rule cue whose mean encoder B/I probability is
below this is dropped), "edges" (a rule cue takes the edges of the one encoder cue it overlaps
when that cue's probability reaches this).

Usage: PYTHONPATH=. python scripts/polnear_encoder_variants.py RUN.npz[+RUN.npz...] DOCBIN \
  '{"threshold": 0.9, "content": 0.8}' ...
"""
import json
import sys
from pathlib import Path

import numpy as np

import eventwire.extract.quotes as quotes
from eventwire.evaluate import data_dir
from eventwire.evaluate.quotes import parsed_polnear, score_docs
from eventwire.extract.quote_encoder import per_token, quote_encoder, softmax
from eventwire.extract.quote_tagger import decode, tagged_spans


def run_probabilities(runs: list[Path], articles, docs) -> dict[str, np.ndarray]:
    """Each dev text's tokens x role x O/B/I probabilities, from the runs' piece logits."""
    encoder = quote_encoder()
    tables = [np.load(run) for run in runs]
    out, start = {}, 0
    for article, doc, n in zip(articles, docs, tables[0]["dev_lengths"]):
        _, spans = encoder.tokenize(article.text)
        probs = sum(softmax(table["dev_logits"][start:start + n].astype(np.float32))
                    for table in tables) / len(tables)
        out[doc.text] = per_token(doc, spans, probs)
        start += n
    return out


def main() -> None:
    runs = [Path(p) for p in sys.argv[1].split("+")]
    articles, docs = parsed_polnear(data_dir(), "dev", docbin=Path(sys.argv[2]))
    table = run_probabilities(runs, articles, docs)
    encoder = quote_encoder()
    shipped = dict(encoder.settings)
    original = quotes.find_attributions
    quotes.token_probabilities = lambda doc, _: table[doc.text]
    for setting in map(json.loads, sys.argv[3:]):
        encoder.settings = {
            **shipped, "threshold": setting.get("threshold", shipped["threshold"]),
            "content_threshold": setting.get("content", shipped["content_threshold"])}

        def find(doc, all_cues=False, **options):
            found = original(doc, all_cues=all_cues, **options)
            probs = table[doc.text][:, 1]
            if setting.get("edges"):
                cues = tagged_spans(doc, decode(probs.tolist()), probs.tolist())
                for attribution in found:
                    over = [(s, c) for s, c, _ in cues
                            if s[0] < attribution.cue[1] and attribution.cue[0] < s[1]]
                    if attribution.how != "tagged" and len(over) == 1 \
                            and over[0][1] >= setting["edges"]:
                        attribution.cue = over[0][0]
            if setting.get("gate"):
                found = [a for a in found if a.how == "tagged" or np.mean(
                    [1 - probs[t.i, 0] for t in doc if a.cue[0] <= t.idx < a.cue[1]] or [1.0])
                    >= setting["gate"]]
            return found

        quotes.find_attributions = find
        scores = score_docs(articles, docs)
        quotes.find_attributions = original
        print(setting, {role: tuple(scores[f"{role}_{m}"] for m in ("precision", "recall", "f1"))
                        for role in ("source", "cue", "content")}, flush=True)
    encoder.settings = shipped


if __name__ == "__main__":
    main()
