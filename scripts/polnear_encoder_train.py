"""Fine-tune all-MiniLM-L6-v2 as a PolNeAR B/I/O tagger of source, cue and content: low-rank
adapters (RANK > 0; with the biases, the layer norms and the head) or every weight (RANK 0).

An experiment run on a lent GPU, not product code: it needs torch alone (no transformers: the
model is written here as the product's numpy pass computes it) and the directory that
`scripts/polnear_encoder_data.py` writes (copy this script into it). It trains on PolNeAR
train, prints dev's exact span P/R/F1 of the tagger alone every third epoch, and writes
$OUT/NAME.npz: dev and test logits (pieces x role x O/B/I, float16, each piece from the
window where it is farthest from an edge, as the product's pass does) and, for adapters, the
trained weights ("w_" + name), which `eventwire/data/quote_encoder.npz` ships (adapters in
float16). MARKS=1 adds the hand rules' marks as a learned input embedding (dropped: dev as
without). The shipped adapter: `lora6:6:16:32:1e-3:15:1:0` (2026-11-27, H100, 147 s).

Usage: cp scripts/polnear_encoder_train.py DATA_DIR/ && cd DATA_DIR &&
  OUT=out python polnear_encoder_train.py NAME:LAYERS:RANK:ALPHA:LR:EPOCHS:BI_WEIGHT:SEED ...

Cross-fitted runs (FOLD=k/K): train on the train articles whose index in train.tok.json.gz
% K is not k, and write the held-out ones' logits too (train_logits, train_lengths, as dev's;
train_index and train_names say which articles), which `scripts/polnear_cue_stack.py
--train-logits` reads as out-of-fold encoder outputs. Four folds of ten epochs, as one device
call (data dir in ./gpu, which .git/info/exclude ignores; `run` with carry ["gpu"] and
timeout_s 600; each fold's file is written when it ends, and the loop stops at 560 s):

  cd gpu && end=$((SECONDS+560)) && for k in 0 1 2 3; do t=$((end-SECONDS)); [ $t -gt 30 ] || break;
  FOLD=$k/4 OUT=$OUT PYTHONUNBUFFERED=1 timeout $t python3 polnear_encoder_train.py
  fold$k:6:16:32:1e-3:10:1:0; done 2>&1 | tee $OUT/folds.log

Estimate from the shipped run (15 epochs in 147 s, about 9.8 s an epoch of all of train with
dev read every third): a fold trains on 3/4 of train, 10 epochs in about 75 s, plus about 15 s
to load and to read its 210 held-out articles, dev and test: about 90 s a fold, 6 minutes for
four; with the machine's start (1-3 min) and the transfer, 8-10 of the 15 minutes.
"""
import gzip, json, math, os, random, sys, time
import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.environ.get("OUT", "/tmp/out")
MARKS = os.environ.get("MARKS") == "1"
LIMIT = int(os.environ.get("LIMIT", "0")) or None
BUDGET = float(os.environ.get("BUDGET", "470"))
dev = "cuda" if torch.cuda.is_available() else "cpu"
W, H, INNER, TRAIN_STRIDE, PRED_STRIDE = 384, 12, 254, 127, 222
EDGE = " \t\n\r\u00a0.,;:!?\"'\u201c\u201d\u2018\u2019()[]\u2014\u2013-"
ROLES = ("source", "cue", "content")
T0 = time.time()


def load(split):
    with gzip.open(f"{HERE}/{split}.tok.json.gz", "rt") as fh:
        return json.load(fh)[:LIMIT]


BASE = {k: torch.tensor(v.astype(np.float32))
        for k, v in np.load(f"{HERE}/model/weights.npz").items()}


class LoRALinear(torch.nn.Module):
    def __init__(self, weight, bias, rank, alpha):
        super().__init__()
        self.weight = torch.nn.Parameter(weight.clone(), requires_grad=rank == 0)
        self.bias = torch.nn.Parameter(bias.clone())
        self.rank = rank
        if rank:
            fan_in = weight.shape[1]
            self.a = torch.nn.Parameter(torch.randn(rank, fan_in) / math.sqrt(fan_in))
            self.b = torch.nn.Parameter(torch.zeros(weight.shape[0], rank))
            self.scale = alpha / rank

    def forward(self, x):
        y = F.linear(x, self.weight, self.bias)
        if self.rank:
            y = y + (x @ self.a.T @ self.b.T) * self.scale
        return y


def norm(b, name):
    layer = torch.nn.LayerNorm(W, eps=1e-12)
    layer.weight.data = b[name + ".weight"].clone()
    layer.bias.data = b[name + ".bias"].clone()
    return layer


class Tagger(torch.nn.Module):
    def __init__(self, layers, rank, alpha):
        super().__init__()
        b = BASE
        whole = rank == 0  # embeddings train only when every weight does

        def frozen(name):
            return torch.nn.Parameter(b[name].clone(), requires_grad=whole)

        self.word = frozen("embeddings.word_embeddings.weight")
        self.pos = frozen("embeddings.position_embeddings.weight")
        self.type0 = torch.nn.Parameter(b["embeddings.token_type_embeddings.weight"][0].clone(),
                                        requires_grad=whole)
        self.ln0 = norm(b, "embeddings.LayerNorm")
        self.layers = torch.nn.ModuleList()
        names = ["attention.self.query", "attention.self.key", "attention.self.value",
                 "attention.output.dense", "intermediate.dense", "output.dense"]
        for l in range(layers):
            p = f"encoder.layer.{l}."
            m = torch.nn.ModuleDict()
            for n in names:
                m[n.replace(".", "_")] = LoRALinear(b[p + n + ".weight"], b[p + n + ".bias"],
                                                    rank, alpha)
            for n in ("attention.output.LayerNorm", "output.LayerNorm"):
                m[n.replace(".", "_")] = norm(b, p + n)
            self.layers.append(m)
        self.mark = torch.nn.Embedding(5, W)  # the hand rules' marks, zero at the start
        torch.nn.init.zeros_(self.mark.weight)
        self.head = torch.nn.Linear(W, 9)
        self.drop = torch.nn.Dropout(0.1)

    def forward(self, ids, mask, marks):
        n = ids.shape[1]
        x = self.ln0(self.word[ids] + self.pos[:n] + self.type0 + self.mark(marks))
        bias = (1 - mask[:, None, None, :].float()) * -1e4
        for m in self.layers:
            B = x.shape[0]
            q, k, v = (m[f"attention_self_{t}"](x).view(B, n, H, W // H).transpose(1, 2)
                       for t in ("query", "key", "value"))
            att = F.scaled_dot_product_attention(q, k, v, attn_mask=bias.to(q.dtype))
            att = m["attention_output_dense"](att.transpose(1, 2).reshape(B, n, W))
            x = m["attention_output_LayerNorm"](x + self.drop(att))
            inner = F.gelu(m["intermediate_dense"](x))
            x = m["output_LayerNorm"](x + self.drop(m["output_dense"](inner)))
        return self.head(self.drop(x)).view(ids.shape[0], n, 3, 3)


def windows(n, stride):
    starts = list(range(0, max(n - INNER, 0) + 1, stride))
    if starts[-1] + INNER < n:
        starts.append(starts[-1] + stride if starts[-1] + stride + INNER >= n else n - INNER)
    return [(s, min(s + INNER, n)) for s in starts]


def pred_windows(n):
    out, start = [], 0
    while True:
        out.append((start, min(start + INNER, n)))
        if start + INNER >= n:
            return out
        start += PRED_STRIDE


def batches(items, size, shuffle):
    order = list(range(len(items)))
    if shuffle:
        random.shuffle(order)
    for i in range(0, len(order), size):
        chunk = [items[j] for j in order[i:i + size]]
        width = max(len(c[0]) for c in chunk) + 2
        ids = torch.zeros(len(chunk), width, dtype=torch.long)
        mask = torch.zeros(len(chunk), width, dtype=torch.long)
        marks = torch.zeros(len(chunk), width, dtype=torch.long)
        lab = torch.full((len(chunk), width, 3), -100, dtype=torch.long)
        for j, (x, y, mk) in enumerate(chunk):
            n = len(x)
            if MARKS:
                marks[j, 1:n + 1] = torch.tensor(mk)
            ids[j, :n + 2] = torch.tensor([101] + x + [102])
            mask[j, :n + 2] = 1
            if y is not None:
                lab[j, 1:n + 1] = torch.tensor(y).T
        yield ids.to(dev), mask.to(dev), marks.to(dev), lab.to(dev)


def logits_of(model, art):
    """Pieces x 3 x 3 logits, each piece from the window where it is farthest from an edge
    (the text's own ends are no edge), as the product's numpy pass does."""
    ids = art["ids"]; n = len(ids)
    out = torch.zeros(n, 3, 3); best = torch.full((n,), -1)
    if not n:
        return out
    wins = pred_windows(n)
    res = []
    mk = art["marks"]
    for x, m, k, _ in batches([(ids[s:e], None, mk[s:e]) for s, e in wins], 64, False):
        res.extend(model(x, m, k).float().cpu())
    for (s, e), lg in zip(wins, res):
        last = e >= n
        for k in range(e - s):
            margin = min(k if s else n, (e - s - 1 - k) if not last else n)
            if margin > best[s + k]:
                best[s + k] = margin; out[s + k] = lg[k + 1]
    return out


def spans_of(art, lg):
    tags = lg.argmax(-1); res = {}
    for r, role in enumerate(ROLES):
        found, cur = [], None
        for i in range(len(art["ids"])):
            t = int(tags[i, r]); ws, we = art["spans"][i]
            if t == 1 or (t == 2 and cur is None):
                if cur: found.append(cur)
                cur = [ws, we]
            elif t == 2:
                cur[1] = we
            else:
                if cur: found.append(cur)
                cur = None
        if cur: found.append(cur)
        keep = set()
        for s, e in found:
            text = art["text"]
            while s < e and text[s] in EDGE: s += 1
            while e > s and text[e - 1] in EDGE: e -= 1
            if s < e: keep.add((s, e))
        res[role] = keep
    return res


def score(arts, preds):
    res = {}
    for role in ROLES:
        tp = fp = fn = 0
        for a, p in zip(arts, preds):
            g = {tuple(x) for x in a["gold"][role]}; f = p[role]
            tp += len(g & f); fp += len(f - g); fn += len(g - f)
        pr = tp / max(tp + fp, 1); rc = tp / max(tp + fn, 1)
        f1 = 2 * pr * rc / max(pr + rc, 1e-9)
        res[role] = (round(100 * pr, 1), round(100 * rc, 1), round(100 * f1, 1))
    return res


def fold_of():
    """(k, K) from FOLD=k/K, or None: train on the train articles whose index % K is not k,
    and write the held-out ones' logits too."""
    if not os.environ.get("FOLD"):
        return None
    k, K = map(int, os.environ["FOLD"].split("/"))
    assert 0 <= k < K, os.environ["FOLD"]
    return k, K


def run(name, layers, rank, alpha, lr, epochs, w, seed):
    random.seed(seed); torch.manual_seed(seed)
    fold = fold_of()
    held = [i for i in range(len(TRAIN)) if fold and i % fold[1] == fold[0]]
    items = []
    for art in (a for i, a in enumerate(TRAIN) if not fold or i % fold[1] != fold[0]):
        for s, e in windows(len(art["ids"]), TRAIN_STRIDE) if art["ids"] else []:
            items.append((art["ids"][s:e], [lab[s:e] for lab in art["labels"]], art["marks"][s:e]))
    model = Tagger(layers, rank, alpha).to(dev)
    params = [p for p in model.parameters() if p.requires_grad]
    print(name, f"fold {fold[0]}/{fold[1]}: {len(TRAIN) - len(held)} articles trained, "
          f"{len(held)} held out" if fold else "all train", "windows", len(items),
          "trainable", sum(p.numel() for p in params), flush=True)
    steps = epochs * math.ceil(len(items) / 32)
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(  # warm up over 6 %, then decay linearly
        opt, lambda k: min((k + 1) / (0.06 * steps), max(0.0, (steps - k) / (0.94 * steps))))
    weight = torch.tensor([1.0, w, w], device=dev)
    t0 = time.time()
    for ep in range(epochs):
        model.train()
        for x, m, k, y in batches(items, 32, True):
            with torch.autocast(dev, dtype=torch.bfloat16, enabled=dev == "cuda"):
                lg = model(x, m, k)
            loss = F.cross_entropy(lg.float().reshape(-1, 3), y.reshape(-1), weight=weight,
                                   ignore_index=-100)
            opt.zero_grad(); loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step(); sched.step()
        if ep == epochs - 1 or ep % 3 == 2:
            model.eval()
            with torch.no_grad(), torch.autocast(dev, dtype=torch.bfloat16, enabled=dev == "cuda"):
                lgs = [logits_of(model, a) for a in DEV]
            found = [spans_of(a, lg) for a, lg in zip(DEV, lgs)]
            print(name, "epoch", ep + 1, "loss", round(loss.item(), 4), "dev", score(DEV, found),
                  f"{time.time() - t0:.0f}s", flush=True)
    model.eval()
    out = {}
    with torch.no_grad():  # float32 for the saved logits: the product's pass is float32
        splits = [("dev", DEV), ("test", TEST)] + ([("train", [TRAIN[i] for i in held])] if fold else [])
        for split, arts in splits:
            lgs = [logits_of(model, a) for a in arts]
            out[f"{split}_logits"] = torch.cat(lgs).numpy().astype(np.float16)
            out[f"{split}_lengths"] = np.array([len(a["ids"]) for a in arts])
        if fold:  # which train articles (index in train.tok.json.gz, name) the logits are of
            out["train_index"] = np.array(held)
            out["train_names"] = np.array([TRAIN[i]["name"] for i in held])
    if rank:
        out.update({"w_" + k: v.detach().float().cpu().numpy()
                    for k, v in model.named_parameters() if v.requires_grad})
    np.savez_compressed(f"{OUT}/{name}.npz", **out)
    print(name, "done", f"{time.time() - T0:.0f}s total", flush=True)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    print("device", dev, torch.__version__, flush=True)
    TRAIN, DEV, TEST = load("train"), load("dev"), load("test")
    for spec in sys.argv[1:]:
        if time.time() - T0 > BUDGET:
            print("budget spent: skipped", spec, flush=True)
            continue
        name, layers, rank, alpha, lr, epochs, w, seed = spec.split(":")
        run(name, int(layers), int(rank), float(alpha), float(lr), int(epochs), float(w), int(seed))
