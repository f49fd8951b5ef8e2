"""A file-backed embedding cache (埋め込みキャッシュ) around any embedder, for benchmarks.

The product stores passage vectors in its database at import (documents: ``chunk_vectors``);
benchmarks that build a throw-away database per run would embed every passage again. Wrapping
the embedder in :class:`CachedEmbedder` keeps each vector in one SQLite file keyed by model, kind
(query / passage) and the SHA-256 of the exact text, so a rerun only embeds texts it has never
seen. Vectors are written after every batch, so an interrupted run keeps what it computed.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import numpy as np

from jichitai_ai.retrieval._codec import from_bytes, to_bytes
from jichitai_ai.retrieval._embedders import Embedder, Matrix

Kind = Literal["query", "passage"]
#: Texts embedded (and saved) per call of the wrapped embedder.
BATCH = 16

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, kind TEXT NOT NULL,"
    " digest BLOB NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (model, kind, digest))"
)


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class CachedEmbedder:
    """Same name and dimension as the wrapped embedder, so stored vectors stay interchangeable."""

    def __init__(self, inner: Embedder, path: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.remote = getattr(inner, "remote", False)
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as con:
            con.execute(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        con = sqlite3.connect(self.path, timeout=60.0)
        try:
            con.execute("PRAGMA journal_mode=WAL")
            yield con
            con.commit()
        finally:
            con.close()

    def _lookup(self, kind: Kind, digests: list[bytes]) -> dict[bytes, bytes]:
        found: dict[bytes, bytes] = {}
        with self._connect() as con:
            for start in range(0, len(digests), 500):
                part = digests[start : start + 500]
                marks = ",".join("?" * len(part))
                rows = con.execute(
                    "SELECT digest, vector FROM vectors WHERE model = ? AND kind = ?"
                    f" AND digest IN ({marks})",
                    [self.name, kind, *part],
                ).fetchall()
                found.update((bytes(d), bytes(v)) for d, v in rows)
        return found

    def _embed(self, texts: list[str], kind: Kind) -> Matrix:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        digests = [_digest(t) for t in texts]
        stored = self._lookup(kind, list(dict.fromkeys(digests)))
        todo = list(
            dict.fromkeys(t for t, d in zip(texts, digests, strict=True) if d not in stored)
        )
        embed = self.inner.embed_queries if kind == "query" else self.inner.embed_passages
        for start in range(0, len(todo), BATCH):
            batch = todo[start : start + BATCH]
            rows = [
                (self.name, kind, _digest(t), to_bytes(v))
                for t, v in zip(batch, embed(batch), strict=True)
            ]
            with self._connect() as con:
                con.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)", rows)
            stored.update((d, v) for _, _, d, v in rows)
        return np.vstack([from_bytes(stored[d]) for d in digests]).astype(np.float32)

    def embed_queries(self, texts: list[str]) -> Matrix:
        return self._embed(texts, "query")

    def embed_passages(self, texts: list[str]) -> Matrix:
        return self._embed(texts, "passage")

    def __len__(self) -> int:
        with self._connect() as con:
            row = con.execute(
                "SELECT COUNT(*) FROM vectors WHERE model = ?", [self.name]
            ).fetchone()
        return int(row[0])
