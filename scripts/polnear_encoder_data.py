"""Write the data directory of the encoder fine-tuning (`scripts/polnear_encoder_train.py`):
PolNeAR train, dev and test as pieces of the product's own WordPiece
(`eventwire/extract/quote_encoder.py`), each with its gold B/I/O labels per role (source,
cue, content) and the hand rules' marks; the base model's weights rounded to float16 (the
whole directory must fit the 64 MiB a device call carries); and a reference for the
training side's forward pass.

Usage: PYTHONPATH=. python scripts/polnear_encoder_data.py OUT_DIR [--docs SPLIT=DOCBIN ...]
(DocBins of train and dev texts from `parsed_polnear` save parsing them again). Marks: 0
none, 1 cue start, 2 cue inside, 3 source, 4 content, from `find_attributions(doc,
all_cues=True, use_tagger=False, use_edges=False)` (the rules without anything learned).
"""
import argparse
import gzip
import json
import shutil
from pathlib import Path

import numpy as np

from eventwire.evaluate import data_dir
from eventwire.evaluate.quotes import ROLES, normalise, parsed_polnear
from eventwire.extract.quote_encoder import _model_dir, _read_safetensors, quote_encoder
from eventwire.extract.quotes import find_attributions


def labels(spans: list, pieces: list, first: int, rest: int, out: list) -> None:
    """Paint each character span onto the pieces whose word it overlaps."""
    for start, end in spans:
        inside = [i for i, (a, b) in enumerate(pieces) if a < end and b > start]
        for k, i in enumerate(inside):
            out[i] = first if k == 0 else rest


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", nargs="*", default=[], help="SPLIT=DOCBIN")
    args = parser.parse_args()
    docbins = dict(item.split("=", 1) for item in args.docs)
    encoder = quote_encoder()
    (args.out / "model").mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "test"):
        docbin = Path(docbins[split]) if split in docbins else None
        articles, docs = parsed_polnear(data_dir(), split, docbin=docbin)
        rows = []
        for article, doc in zip(articles, docs):
            ids, pieces = encoder.tokenize(article.text)
            gold = {role: sorted({span for g in article.attributions for piece in getattr(g, role)
                                  if (span := normalise(piece, article.text))}) for role in ROLES}
            tags = []
            for role in ROLES:
                tags.append([0] * len(ids))
                labels(gold[role], pieces, 1, 2, tags[-1])
            marks = [0] * len(ids)
            found = find_attributions(doc, all_cues=True, use_tagger=False, use_edges=False)
            for attribution in found:
                labels(attribution.content, pieces, 4, 4, marks)
                labels([attribution.source] if attribution.source else [], pieces, 3, 3, marks)
            for attribution in found:
                labels([attribution.cue], pieces, 1, 2, marks)
            rows.append({"name": article.name, "text": article.text, "gold": gold, "ids": ids,
                         "spans": pieces, "labels": tags, "marks": marks})
        with gzip.open(args.out / f"{split}.tok.json.gz", "wt") as out:
            json.dump(rows, out)
        print(split, len(rows), "articles,", sum(len(r["ids"]) for r in rows), "pieces")
    model = _model_dir()
    weights = _read_safetensors(model / "model.safetensors")
    np.savez(args.out / "model" / "weights.npz",
             **{name: weight.astype(np.float16) for name, weight in weights.items()})
    shutil.copy(model / "vocab.txt", args.out / "model" / "vocab.txt")


if __name__ == "__main__":
    main()
