"""Fusion of lexical and dense candidate lists into one ranking.

Two methods: reciprocal-rank fusion (RRF, Cormack et al. 2009), which ignores score scales, and a
convex mix of normalised scores, whose fused score also serves as the confidence that
:mod:`decision` thresholds are calibrated on.
"""

from __future__ import annotations

from collections.abc import Sequence

from jichitai_ai.retrieval._types import ScoredDoc


def rrf(
    rankings: Sequence[Sequence[ScoredDoc]], k: float = 60.0, weights: Sequence[float] | None = None
) -> list[ScoredDoc]:
    """Σ weight / (k + rank) over the lists each document appears in."""
    weights = weights or [1.0] * len(rankings)
    fused: dict[int, float] = {}
    for ranking, w in zip(rankings, weights, strict=True):
        for rank, doc in enumerate(ranking, start=1):
            fused[doc.doc_id] = fused.get(doc.doc_id, 0.0) + w / (k + rank)
    return _sorted(fused)


def score_mix(
    lexical: Sequence[ScoredDoc],
    dense: Sequence[ScoredDoc],
    dense_weight: float = 0.5,
    *,
    dense_floor: float | None = None,
) -> list[ScoredDoc]:
    """(1 − w)·lexical/max(lexical) + w·dense rescaled to [0, 1] over the candidates.

    Dense cosines are rescaled between ``dense_floor`` (default: the lowest candidate cosine) and
    the best one, so the top of each list scores 1 and a document missing from a list scores 0.
    """
    lex_max = max((d.score for d in lexical), default=0.0)
    fused: dict[int, float] = {}
    if lex_max > 0:
        for d in lexical:
            fused[d.doc_id] = (1.0 - dense_weight) * d.score / lex_max
    if dense:
        top = max(d.score for d in dense)
        floor = dense_floor if dense_floor is not None else min(d.score for d in dense)
        span = top - floor
        for d in dense:
            value = max(d.score - floor, 0.0) / span if span > 0 else 1.0
            fused[d.doc_id] = fused.get(d.doc_id, 0.0) + dense_weight * value
    return _sorted(fused)


def _sorted(fused: dict[int, float]) -> list[ScoredDoc]:
    return [ScoredDoc(s, d) for d, s in sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))]


def weighted_mix(
    lexical: Sequence[tuple[Sequence[ScoredDoc], float]],
    dense: Sequence[tuple[Sequence[ScoredDoc], float]],
) -> list[ScoredDoc]:
    """Σ weight · normalised score over several lexical and dense lists (``score_mix`` for more
    than two signals).

    Lexical lists are divided by their best score; dense lists are rescaled between their lowest
    and best candidate cosine, so each list's top scores its weight and a missing document 0.
    """
    fused: dict[int, float] = {}
    for docs, weight in lexical:
        top = max((d.score for d in docs), default=0.0)
        if top <= 0 or weight == 0:
            continue
        for d in docs:
            fused[d.doc_id] = fused.get(d.doc_id, 0.0) + weight * d.score / top
    for docs, weight in dense:
        if not docs or weight == 0:
            continue
        top = max(d.score for d in docs)
        span = top - min(d.score for d in docs)
        for d in docs:
            value = (d.score - top + span) / span if span > 0 else 1.0
            fused[d.doc_id] = fused.get(d.doc_id, 0.0) + weight * value
    return _sorted(fused)
