"""Dense (embedding) index: exact cosine search over one float32 matrix.

Exact search is a single matrix-vector product: ~1 ms for 10k × 384, so no ANN library is needed
at municipal FAQ sizes.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np
import numpy.typing as npt

from jichitai_ai.retrieval._embedders import Embedder, l2_normalize
from jichitai_ai.retrieval._lexical import top_k
from jichitai_ai.retrieval._types import ScoredDoc


class DenseIndex:
    """Rows of unit vectors keyed by doc id; immutable and thread-safe once built."""

    def __init__(self, doc_ids: Sequence[int], vectors: npt.ArrayLike) -> None:
        self.doc_ids = np.asarray(list(doc_ids), dtype=np.int64)
        self.matrix = l2_normalize(vectors)
        if self.matrix.shape[0] != self.doc_ids.shape[0]:
            raise ValueError("one vector per doc id is required")
        if len(set(self.doc_ids.tolist())) != self.doc_ids.shape[0]:
            raise ValueError("duplicate doc_id in DenseIndex input")
        self._row_of = {int(d): i for i, d in enumerate(self.doc_ids)}

    @classmethod
    def build(cls, doc_ids: Sequence[int], texts: Sequence[str], embedder: Embedder) -> DenseIndex:
        """Embed ``texts`` as passages (prefer question + alternatives; see docs/retrieval.md)."""
        return cls(doc_ids, embedder.embed_passages(list(texts)))

    def __len__(self) -> int:
        return int(self.doc_ids.shape[0])

    @property
    def dim(self) -> int:
        return int(self.matrix.shape[1])

    def allowed_mask(self, doc_ids: Collection[int]) -> npt.NDArray[np.bool_]:
        mask = np.zeros(len(self), dtype=np.bool_)
        mask[[self._row_of[d] for d in doc_ids if d in self._row_of]] = True
        return mask

    def scores(self, query_vector: npt.ArrayLike) -> npt.NDArray[np.float32]:
        """Cosine of every row with the (normalised) query vector, in ``doc_ids`` order."""
        q = l2_normalize(query_vector)[0]
        return (self.matrix @ q).astype(np.float32)

    def search(
        self,
        query_vector: npt.ArrayLike,
        k: int | None = 10,
        *,
        allowed: Collection[int] | npt.NDArray[np.bool_] | None = None,
    ) -> list[ScoredDoc]:
        """Top ``k`` by cosine among the visible rows."""
        keep = None
        if allowed is not None:
            keep = allowed if isinstance(allowed, np.ndarray) else self.allowed_mask(allowed)
        return top_k(self.scores(query_vector), self.doc_ids, k, keep)
