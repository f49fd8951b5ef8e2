"""Ranking metrics exactly as defined by the evaluation sets' READMEs.

LocalGovFAQ (Sakata et al. 2019, Sec. 3.2): every judged entry (grade ≥ 1) is correct; SR@k, P@5,
MRR and MAP over the full ranking (AP divided by the number of judged entries), and nDCG over the
full ranking with gain 2^level − 1 where grade 2 (A) is level 3 and grade 1 (B) is level 2.
JSQuAD retrieval: nDCG@10 with gain 1, Recall@10, MRR@10 (0 when outside the top 10).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

import numpy as np

D = TypeVar("D", bound=Hashable)  # doc id type: int for FAQ entries, str for JSQuAD passages


def _relevant(qrels: Mapping[D, int]) -> set[D]:
    return {d for d, g in qrels.items() if g > 0}


def success_at(ranking: Sequence[D], qrels: Mapping[D, int], k: int) -> float:
    """1 if a correct entry is in the top ``k``."""
    rel = _relevant(qrels)
    return 1.0 if any(d in rel for d in ranking[:k]) else 0.0


def precision_at(ranking: Sequence[D], qrels: Mapping[D, int], k: int) -> float:
    """Correct entries in the top ``k`` divided by ``k`` (not by the ranking length)."""
    rel = _relevant(qrels)
    return sum(1 for d in ranking[:k] if d in rel) / k


def reciprocal_rank(ranking: Sequence[D], qrels: Mapping[D, int], k: int | None = None) -> float:
    """1 / rank of the first correct entry; 0 if none (within ``k`` when given)."""
    rel = _relevant(qrels)
    for i, d in enumerate(ranking[:k] if k is not None else ranking, start=1):
        if d in rel:
            return 1.0 / i
    return 0.0


def average_precision(ranking: Sequence[D], qrels: Mapping[D, int]) -> float:
    """Sum of precision at each correct rank, divided by the number of judged entries."""
    rel = _relevant(qrels)
    if not rel:
        return 0.0
    hits = 0
    total = 0.0
    for i, d in enumerate(ranking, start=1):
        if d in rel:
            hits += 1
            total += hits / i
    return total / len(rel)


def _localgov_gain(grade: int) -> float:
    level = {2: 3, 1: 2}.get(grade, 0)
    return float(2**level - 1) if level else 0.0


def ndcg_localgov(ranking: Sequence[D], qrels: Mapping[D, int]) -> float:
    """Full-ranking nDCG with the paper's gains (A: 2^3 − 1 = 7, B: 2^2 − 1 = 3)."""
    dcg = sum(
        _localgov_gain(qrels.get(d, 0)) / math.log2(i + 1) for i, d in enumerate(ranking, start=1)
    )
    ideal_gains = sorted((_localgov_gain(g) for g in qrels.values()), reverse=True)
    idcg = sum(g / math.log2(i + 1) for i, g in enumerate(ideal_gains, start=1) if g > 0)
    return dcg / idcg if idcg > 0 else 0.0


def ndcg_at(ranking: Sequence[D], qrels: Mapping[D, int], k: int = 10) -> float:
    """nDCG@k with binary gain 1 for relevant items (JSQuAD definition)."""
    rel = _relevant(qrels)
    dcg = sum(1.0 / math.log2(i + 1) for i, d in enumerate(ranking[:k], start=1) if d in rel)
    idcg = sum(1.0 / math.log2(i + 1) for i in range(1, min(len(rel), k) + 1))
    return dcg / idcg if idcg > 0 else 0.0


def recall_at(ranking: Sequence[D], qrels: Mapping[D, int], k: int = 10) -> float:
    """Share of the relevant items found in the top ``k``."""
    rel = _relevant(qrels)
    return len(rel.intersection(ranking[:k])) / len(rel) if rel else 0.0


def localgovfaq_report(
    rankings: Mapping[str, Sequence[D]], qrels: Mapping[str, Mapping[D, int]]
) -> dict[str, float]:
    """Mean SR@1, SR@5, SR@10, P@5, MRR, MAP, nDCG over the judged queries."""
    qids = [q for q in qrels if q in rankings]
    funcs = {
        "SR@1": lambda r, j: success_at(r, j, 1),
        "SR@5": lambda r, j: success_at(r, j, 5),
        "SR@10": lambda r, j: success_at(r, j, 10),
        "P@5": lambda r, j: precision_at(r, j, 5),
        "MRR": reciprocal_rank,
        "MAP": average_precision,
        "nDCG": ndcg_localgov,
    }
    return {
        name: float(np.mean([f(rankings[q], qrels[q]) for q in qids])) if qids else 0.0
        for name, f in funcs.items()
    }


def jsquad_report(
    rankings: Mapping[str, Sequence[D]], qrels: Mapping[str, Mapping[D, int]]
) -> dict[str, float]:
    """Mean nDCG@10, Recall@10 and MRR@10 over the judged queries."""
    qids = [q for q in qrels if q in rankings]

    def mean(values: list[float]) -> float:
        return float(np.mean(values)) if values else 0.0

    return {
        "nDCG@10": mean([ndcg_at(rankings[q], qrels[q], 10) for q in qids]),
        "Recall@10": mean([recall_at(rankings[q], qrels[q], 10) for q in qids]),
        "MRR@10": mean([reciprocal_rank(rankings[q], qrels[q], 10) for q in qids]),
    }


def latency_percentiles(
    seconds: Sequence[float], percentiles: Sequence[float] = (50, 95, 99)
) -> dict[str, float]:
    """Latency percentiles in milliseconds, e.g. {"p50": 1.2, "p95": 3.4, "p99": 5.0}."""
    arr = np.asarray(seconds, dtype=np.float64) * 1000.0
    if arr.size == 0:
        return {f"p{p:g}": 0.0 for p in percentiles}
    return {f"p{p:g}": float(np.percentile(arr, p)) for p in percentiles}
