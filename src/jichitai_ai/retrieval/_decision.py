"""Answer / clarify (更問) / no-answer decision on fused candidates, with calibrated thresholds.

Features are the fused top score and its margin over the runner-up (scores on the 0–1 scale of
:func:`score_mix`). ``calibrate`` picks thresholds on judged queries for this objective:

1. ANSWER: the (min_score, min_margin) pair with the highest answer coverage whose answer
   precision (top-1 correct) is at least ``target_precision``.
2. CLARIFY: among queries not answered, offer the top candidates within ``clarify_window`` of the
   top score (2–3 of them) when the top score is at least ``clarify_min_score``, chosen to
   maximise (clarified with a correct choice) − ``miss_cost`` × (clarified with none).
3. NO_ANSWER otherwise (hand over to the department).

If no pair reaches the target precision, the thresholds never answer; if clarifying never pays,
they never clarify. Large logs use quantile grids (200 points) to keep calibration fast.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np
import numpy.typing as npt

from jichitai_ai.domain.models import Decision
from jichitai_ai.retrieval._types import ScoredDoc


@dataclass(frozen=True)
class Thresholds:
    """Decision thresholds on fused scores; JSON round-trips via :meth:`to_json`/:meth:`from_json`.

    Defaults: calibrated for :class:`HybridSearcher` (dense weight 0.4) on LocalGovFAQ dev with
    target precision 0.8 — in effect "answer when BM25 and the embedding agree on the top entry".
    Use :data:`LEXICAL_ONLY_THRESHOLDS` without dense retrieval, and recalibrate per tenant.
    """

    answer_min_score: float = 0.97
    answer_min_margin: float = 0.0
    clarify_min_score: float = 0.79
    clarify_window: float = 0.3
    max_choices: int = 3

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Thresholds:
        return cls(**json.loads(text))


# Calibrated like the defaults, BM25 only (the top fused score is then always 1, so only the
# margin over the runner-up separates answers from clarifications).
LEXICAL_ONLY_THRESHOLDS = Thresholds(
    answer_min_score=1.0, answer_min_margin=0.3, clarify_min_score=1.0
)


@dataclass(frozen=True)
class DecisionResult:
    """The decision and the entries to show (one for ANSWER, 2–3 for CLARIFY, none otherwise)."""

    decision: Decision
    choices: list[ScoredDoc] = field(default_factory=list)


def decide(candidates: Sequence[ScoredDoc], thresholds: Thresholds) -> DecisionResult:
    """Apply the thresholds to candidates sorted best first."""
    if not candidates:
        return DecisionResult(Decision.NO_ANSWER)
    top = candidates[0].score
    second = candidates[1].score if len(candidates) > 1 else 0.0
    if top >= thresholds.answer_min_score and top - second >= thresholds.answer_min_margin:
        return DecisionResult(Decision.ANSWER, [candidates[0]])
    if top >= thresholds.clarify_min_score and len(candidates) >= 2:
        floor = top - thresholds.clarify_window
        chosen = [c for c in candidates[: thresholds.max_choices] if c.score >= floor]
        if len(chosen) < 2:
            chosen = list(candidates[:2])
        return DecisionResult(Decision.CLARIFY, chosen)
    return DecisionResult(Decision.NO_ANSWER)


def calibrate(
    results_per_query: Mapping[str, Sequence[ScoredDoc]],
    qrels: Mapping[str, Mapping[int, int]],
    *,
    target_precision: float = 0.8,
    miss_cost: float = 1.0,
    clarify_window: float = 0.3,
    max_choices: int = 3,
) -> Thresholds:
    """Choose thresholds on judged queries (see the module docstring for the objective)."""
    qids = [q for q in qrels if q in results_per_query]
    rel = {q: {d for d, g in qrels[q].items() if g > 0} for q in qids}
    tops, margins, top1_ok = [], [], []
    for q in qids:
        cands = results_per_query[q]
        top = cands[0].score if cands else 0.0
        second = cands[1].score if len(cands) > 1 else 0.0
        tops.append(top)
        margins.append(top - second)
        top1_ok.append(bool(cands) and cands[0].doc_id in rel[q])
    top_arr, margin_arr, ok_arr = np.array(tops), np.array(margins), np.array(top1_ok)

    best = (-1.0, float("inf"), 0.0)  # (coverage, score, margin); nothing answered by default
    margins_grid = _grid(np.concatenate([[0.0], margin_arr]))
    for s in _grid(top_arr):
        for m in margins_grid:
            answered = (top_arr >= s) & (margin_arr >= m)
            n = int(answered.sum())
            if n == 0 or ok_arr[answered].mean() < target_precision:
                continue
            coverage = n / len(qids)
            if coverage > best[0] or (coverage == best[0] and s > best[1]):
                best = (coverage, float(s), float(m))
    answer_score = best[1] if best[0] >= 0 else float(top_arr.max(initial=0.0)) + 1.0
    answer_margin = best[2]

    base = Thresholds(answer_score, answer_margin, 0.0, clarify_window, max_choices)
    utility_at: dict[float, float] = {}
    for c in [*_grid(top_arr).tolist(), float("inf")]:
        trial = Thresholds(answer_score, answer_margin, c, clarify_window, max_choices)
        utility = 0.0
        for q in qids:
            result = decide(results_per_query[q], trial)
            if result.decision is Decision.CLARIFY:
                hit = any(ch.doc_id in rel[q] for ch in result.choices)
                utility += 1.0 if hit else -miss_cost
        utility_at[c] = utility
    clarify_min = max(utility_at, key=lambda c: (utility_at[c], c))
    return Thresholds(
        base.answer_min_score,
        base.answer_min_margin,
        clarify_min if clarify_min != float("inf") else answer_score,
        clarify_window,
        max_choices,
    )


def _grid(values: npt.NDArray[np.float64], max_points: int = 200) -> npt.NDArray[np.float64]:
    """Candidate thresholds: every distinct value (3 decimals), or quantiles on large logs."""
    grid = np.unique(np.round(values, 3))
    if grid.size > max_points:
        grid = np.unique(np.round(np.quantile(values, np.linspace(0.0, 1.0, max_points)), 3))
    return grid
