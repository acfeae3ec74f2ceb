"""Fine-tune all-MiniLM-L6-v2 as a PolNeAR span tagger (source, cue, content; BIO each).

An experiment, not product code: the product needs neither torch nor transformers. It needs
torch (2.13.0 CPU here; a GPU where one is lent), transformers 5.17.0 and the data directory
that `scripts/polnear_encoder_data.py` writes (the script is copied into it and run there).
It trains on PolNeAR train and writes dev and test predictions (character spans per role)
to $OUT as JSON, to be scored beside the rules; it prints dev scores only.

Usage: cp scripts/polnear_encoder_train.py DATA_DIR/ && cd DATA_DIR &&
  OUT=out TRAIN_FRACTION=1 python polnear_encoder_train.py NAME:LR:EPOCHS:SEED:BI_WEIGHT ...
"""
import gzip, json, math, os, random, sys, time

import torch
from transformers import AutoModel, AutoTokenizer

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.environ.get("OUT", "/tmp/out")
ROLES = ("source", "cue", "content")
EDGE = " \t\n\r\u00a0.,;:!?\"'\u201c\u201d\u2018\u2019()[]\u2014\u2013-"
WIN, STRIDE = 254, 127
dev = "cuda" if torch.cuda.is_available() else "cpu"
LIMIT = int(os.environ.get("LIMIT", "0")) or None


def load(split):
    with gzip.open(f"{HERE}/{split}.jsonl.gz", "rt") as fh:
        return [json.loads(l) for l in fh][:LIMIT]


tok = AutoTokenizer.from_pretrained(f"{HERE}/model")


def encode(article):
    enc = tok(article["text"], add_special_tokens=False, return_offsets_mapping=True)
    ids, offs = enc["input_ids"], enc["offset_mapping"]
    labels = [[0] * len(ids) for _ in ROLES]
    for r, role in enumerate(ROLES):
        for s, e in article["gold"][role]:
            inside = [i for i, (a, b) in enumerate(offs) if a < e and b > s]
            for k, i in enumerate(inside):
                labels[r][i] = 1 if k == 0 else 2
    return ids, offs, labels


def windows(n):
    starts = list(range(0, max(n - WIN, 0) + 1, STRIDE))
    if starts[-1] + WIN < n:
        starts.append(n - WIN)
    return [(s, min(s + WIN, n)) for s in starts]


def batches(items, size, shuffle):
    order = list(range(len(items)))
    if shuffle:
        random.shuffle(order)
    for i in range(0, len(order), size):
        chunk = [items[j] for j in order[i:i + size]]
        width = max(len(c[0]) for c in chunk) + 2
        ids = torch.zeros(len(chunk), width, dtype=torch.long)
        mask = torch.zeros(len(chunk), width, dtype=torch.long)
        lab = torch.full((len(chunk), width, 3), -100, dtype=torch.long)
        for b, (x, y) in enumerate(chunk):
            n = len(x)
            ids[b, :n + 2] = torch.tensor([tok.cls_token_id] + x + [tok.sep_token_id])
            mask[b, :n + 2] = 1
            if y is not None:
                lab[b, 1:n + 1] = torch.tensor(y).T
        yield ids.to(dev), mask.to(dev), lab.to(dev)


class Tagger(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = AutoModel.from_pretrained(f"{HERE}/model").float()
        self.head = torch.nn.Linear(self.enc.config.hidden_size, 9)
        self.drop = torch.nn.Dropout(0.1)

    def forward(self, ids, mask):
        h = self.enc(input_ids=ids, attention_mask=mask).last_hidden_state
        return self.head(self.drop(h)).view(ids.shape[0], ids.shape[1], 3, 3)


def normalise(s, e, text):
    while s < e and text[s] in EDGE:
        s += 1
    while e > s and text[e - 1] in EDGE:
        e -= 1
    return (s, e) if s < e else None


def predict(model, articles):
    model.eval()
    preds = []
    with torch.no_grad(), torch.autocast(dev, dtype=torch.bfloat16, enabled=dev == "cuda"):
        for art in articles:
            ids, offs, _ = encode(art)
            n = len(ids)
            best = torch.full((n,), -1.0)
            logits = torch.zeros(n, 3, 3)
            wins = windows(n) if n else []
            items = [(ids[s:e], None) for s, e in wins]
            out = []
            for x, m, _ in batches(items, 64, False):
                out.extend(model(x, m).float().cpu())
            for (s, e), lg in zip(wins, out):
                for i in range(s, e):
                    centre = min(i - s, e - 1 - i)
                    if centre > best[i]:
                        best[i] = centre
                        logits[i] = lg[i - s + 1]
            tags = logits.argmax(-1)  # n x 3
            spans = {}
            for r, role in enumerate(ROLES):
                found, cur = [], None
                for i in range(n):
                    t = int(tags[i, r])
                    if t == 1 or (t == 2 and cur is None):
                        if cur:
                            found.append(cur)
                        cur = [offs[i][0], offs[i][1]]
                    elif t == 2:
                        cur[1] = offs[i][1]
                    else:
                        if cur:
                            found.append(cur)
                        cur = None
                if cur:
                    found.append(cur)
                spans[role] = sorted({p for s, e in found if (p := normalise(s, e, art["text"]))})
            preds.append({"name": art["name"], "spans": spans})
    return preds


def score(articles, preds):
    res = {}
    for role in ROLES:
        tp = fp = fn = 0
        for a, p in zip(articles, preds):
            g = {tuple(x) for x in a["gold"][role]}
            f = {tuple(x) for x in p["spans"][role]}
            tp += len(g & f); fp += len(f - g); fn += len(g - f)
        pr = tp / max(tp + fp, 1); rc = tp / max(tp + fn, 1)
        res[role] = round(100 * 2 * pr * rc / max(pr + rc, 1e-9), 1)
    return res


def run(name, lr, epochs, seed, w):
    random.seed(seed); torch.manual_seed(seed)
    train = load("train")
    keep = float(os.environ.get("TRAIN_FRACTION", "1"))
    train = [a for i, a in enumerate(train) if (i * 7919) % 1000 < keep * 1000]
    print(name, "train articles", len(train), flush=True)
    items = []
    for art in train:
        ids, _, labels = encode(art)
        for s, e in windows(len(ids)) if ids else []:
            items.append((ids[s:e], [lab[s:e] for lab in labels]))
    model = Tagger().to(dev)
    steps = epochs * math.ceil(len(items) / 32)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda k: min((k + 1) / (0.1 * steps), max(0.0, (steps - k) / (0.9 * steps))))
    weight = torch.tensor([1.0, w, w], device=dev)
    t0 = time.time()
    for ep in range(epochs):
        model.train()
        for x, m, y in batches(items, 32, True):
            with torch.autocast(dev, dtype=torch.bfloat16, enabled=dev == "cuda"):
                lg = model(x, m)
            loss = torch.nn.functional.cross_entropy(lg.float().reshape(-1, 3), y.reshape(-1),
                                                     weight=weight, ignore_index=-100)
            opt.zero_grad(); loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step(); sched.step()
        devset = load("dev")
        print(name, "epoch", ep + 1, "loss", round(loss.item(), 4), "dev", score(devset, predict(model, devset)),
              f"{time.time() - t0:.0f}s", flush=True)
    for split in ("dev", "test"):
        arts = load(split)
        with open(f"{OUT}/{name}_{split}.json", "w") as fh:
            json.dump(predict(model, arts), fh)
    if os.environ.get("SAVE") == name:
        torch.save(model.state_dict(), f"{OUT}/{name}.pt")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    print("device", dev, torch.__version__, flush=True)
    for spec in sys.argv[1:]:
        name, lr, epochs, seed, w = spec.split(":")
        run(name, float(lr), int(epochs), int(seed), float(w))
