"""One call for the answering service: lexical + optional dense candidates, fused on a 0–1 scale.

Depth 100 per list: deeper lists changed nothing on LocalGovFAQ dev and cost time.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from jichitai_ai.retrieval._dense import DenseIndex
from jichitai_ai.retrieval._embedders import Embedder
from jichitai_ai.retrieval._fusion import score_mix
from jichitai_ai.retrieval._lexical import LexicalIndex
from jichitai_ai.retrieval._types import ScoredDoc

DEFAULT_DENSE_WEIGHT = 0.4  # 5-fold CV on LocalGovFAQ dev picked 0.3–0.5 (docs/retrieval.md)


@dataclass
class HybridSearcher:
    """Fuses BM25 and embedding candidates with :func:`score_mix`; dense is optional."""

    lexical: LexicalIndex
    dense: DenseIndex | None = None
    embedder: Embedder | None = None
    dense_weight: float = DEFAULT_DENSE_WEIGHT
    depth: int = 100

    def search(
        self,
        query: str,
        k: int = 10,
        *,
        allowed: Collection[int] | npt.NDArray[np.bool_] | None = None,
        dense_allowed: Collection[int] | npt.NDArray[np.bool_] | None = None,
    ) -> list[ScoredDoc]:
        """Top ``k`` fused candidates visible under ``allowed`` (doc ids, or each index's mask)."""
        return self.search_detailed(query, k, allowed=allowed, dense_allowed=dense_allowed)[0]

    def search_detailed(
        self,
        query: str,
        k: int = 10,
        *,
        allowed: Collection[int] | npt.NDArray[np.bool_] | None = None,
        dense_allowed: Collection[int] | npt.NDArray[np.bool_] | None = None,
    ) -> tuple[list[ScoredDoc], float | None]:
        """Fused candidates and the best visible cosine (None without dense), embedding the
        query once: the cosine is an absolute relevance signal the fused scores lack."""
        fused, _lexical, dense = self.search_parts(
            query, k, allowed=allowed, dense_allowed=dense_allowed
        )
        return fused, (dense[0].score if dense else None)

    def search_parts(
        self,
        query: str,
        k: int = 10,
        *,
        allowed: Collection[int] | npt.NDArray[np.bool_] | None = None,
        dense_allowed: Collection[int] | npt.NDArray[np.bool_] | None = None,
    ) -> tuple[list[ScoredDoc], list[ScoredDoc], list[ScoredDoc]]:
        """Fused top ``k``, and the lexical and dense lists it was fused from (dense empty
        without an embedder): a question in another script needs the dense list alone."""
        lexical = self.lexical.search(query, self.depth, allowed=allowed)
        if self.dense is None or self.embedder is None:
            return score_mix(lexical, [], 0.0)[:k], lexical, []
        vector = self.embedder.embed_queries([query])[0]
        dense = self.dense.search(
            vector, self.depth, allowed=dense_allowed if dense_allowed is not None else allowed
        )
        return score_mix(lexical, dense, self.dense_weight)[:k], lexical, dense
