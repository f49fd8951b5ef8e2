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
from jichitai_ai.retrieval._fusion import score_mix, weighted_mix
from jichitai_ai.retrieval._lexical import LexicalIndex
from jichitai_ai.retrieval._types import ScoredDoc

DEFAULT_DENSE_WEIGHT = 0.4  # 5-fold CV on LocalGovFAQ dev picked 0.3–0.5 (docs/retrieval.md)
#: Weight of the answer view (0 switches it off): 5-fold CV on LocalGovFAQ dev picked
#: 0.1–0.25 next to dense 0.2–0.5 (docs/benchmarks.md).
DEFAULT_ANSWER_WEIGHT = 0.15
#: Embedding-cache key suffix of the answer view.
ANSWER_VIEW = "#answer"
#: Characters of the answer embedded: its opening carries the topic; e5-small stops at 512
#: tokens anyway, and longer texts cost embedding time at import.
ANSWER_CHARS = 400


def answer_text(answer: str) -> str:
    """The part of an answer the answer view embeds."""
    return answer.strip()[:ANSWER_CHARS]


@dataclass(frozen=True)
class AnswerView:
    """The entries' answers embedded on their own: query–answer relevance next to the
    question-centred passage vectors. A question worded like the answer (ハチの巣 → 駆除)
    rather than like the entry's question is found this way."""

    index: DenseIndex
    weight: float = 0.0


@dataclass
class HybridSearcher:
    """Fuses BM25 and embedding candidates with :func:`score_mix`; dense is optional."""

    lexical: LexicalIndex
    dense: DenseIndex | None = None
    embedder: Embedder | None = None
    dense_weight: float = DEFAULT_DENSE_WEIGHT
    depth: int = 100
    answers: AnswerView | None = None

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
        use_answers: bool = True,
    ) -> tuple[list[ScoredDoc], list[ScoredDoc], list[ScoredDoc]]:
        """Fused top ``k``, and the lexical and dense lists it was fused from (dense empty
        without an embedder): a question in another script needs the dense list alone.
        ``use_answers`` False leaves the answer view out (kana-only questions: on the demo
        city's やさしい日本語 set it cost one of 35)."""
        lexical = self.lexical.search(query, self.depth, allowed=allowed)
        if self.dense is None or self.embedder is None:
            return score_mix(lexical, [], 0.0)[:k], lexical, []
        vector = self.embedder.embed_queries([query])[0]
        visible = dense_allowed if dense_allowed is not None else allowed
        dense = self.dense.search(vector, self.depth, allowed=visible)
        view = self.answers
        if view is None or view.weight == 0 or not use_answers:
            return score_mix(lexical, dense, self.dense_weight)[:k], lexical, dense
        by_answer = view.index.search(vector, self.depth, allowed=visible)
        lexical_weight = 1.0 - self.dense_weight - view.weight
        fused = weighted_mix(
            [(lexical, lexical_weight)], [(dense, self.dense_weight), (by_answer, view.weight)]
        )
        return fused[:k], lexical, dense
