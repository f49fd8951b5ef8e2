"""Calibrating the answer / clarify / hand-over decision on judged questions.

Every judged question is asked twice through the answering path: once as it is (a
*positive*: some entry answers it) and once with its correct entries left out of the index
(a *negative*: nothing answers it, so the right decision is to hand over). Real FAQ test sets
contain only answerable questions; leaving the answers out gives unanswerable questions from
the same distribution without inventing any.

Fitting, in order:
1. the relevance gate (``min_coverage``, ``min_cosine``): maximise the share of answerable
   positives (a correct entry in the top 5) that pass plus the share of negatives stopped;
2. answer / clarify thresholds on the fused scores of the positives that pass
   (:func:`jichitai_ai.retrieval.calibrate`, target answer precision).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from jichitai_ai.domain.models import Decision
from jichitai_ai.retrieval import ScoredDoc, Thresholds, calibrate, decide
from jichitai_ai.services.search_index import AnswerPolicy


@dataclass(frozen=True)
class Observation:
    """One question's candidates (fused, re-ranked) and absolute signals."""

    query_id: str
    candidates: list[ScoredDoc]
    coverage: float
    cosine: float | None
    relevant: frozenset[int]  # empty for a negative


def _passes(obs: Observation, policy: AnswerPolicy) -> bool:
    if not obs.candidates:
        return False
    if obs.cosine is None:
        return obs.coverage >= policy.lexical_min_coverage
    return obs.coverage >= policy.min_coverage or obs.cosine >= policy.min_cosine


def decision_of(obs: Observation, policy: AnswerPolicy, dense: bool) -> tuple[Decision, list[int]]:
    if not _passes(obs, policy):
        return Decision.NO_ANSWER, []
    thresholds = policy.thresholds if dense else policy.lexical_thresholds
    result = decide(obs.candidates, thresholds)
    if (
        result.decision is Decision.ANSWER
        and not dense
        and obs.coverage < policy.lexical_answer_min_coverage
    ):
        result = decide(obs.candidates, replace(thresholds, answer_min_score=float("inf")))
    return result.decision, [c.doc_id for c in result.choices]


def fit(
    positives: Sequence[Observation],
    negatives: Sequence[Observation],
    *,
    dense: bool,
    base: AnswerPolicy | None = None,
    target_precision: float = 0.8,
) -> AnswerPolicy:
    base = base or AnswerPolicy()
    answerable = [
        o for o in positives if any(c.doc_id in o.relevant for c in o.candidates[:5])
    ] or list(positives)
    coverages = np.array([o.coverage for o in [*answerable, *negatives]])
    grid_c = np.unique(np.round(np.concatenate([coverages, [0.0, 1.01]]), 3))
    grid_d: list[float] = [2.0]  # 2.0 = never pass on cosine alone
    if dense:
        cos = [o.cosine for o in [*answerable, *negatives] if o.cosine is not None]
        grid_d += sorted({round(float(c), 3) for c in cos})
    pos_cov = np.array([o.coverage for o in answerable])
    neg_cov = np.array([o.coverage for o in negatives])
    pos_cos = np.array([o.cosine if o.cosine is not None else -1.0 for o in answerable])
    neg_cos = np.array([o.cosine if o.cosine is not None else -1.0 for o in negatives])
    best = (-1.0, base.min_coverage, base.min_cosine)
    for d in grid_d:
        pos_d = pos_cos >= d
        neg_d = neg_cos >= d
        for c in grid_c:
            tpr = float(np.mean((pos_cov >= c) | pos_d)) if len(answerable) else 0.0
            tnr = float(np.mean(~((neg_cov >= c) | neg_d))) if len(negatives) else 0.0
            if tpr + tnr > best[0]:
                best = (tpr + tnr, float(c), float(d))
    if dense:
        gated = replace(base, min_coverage=best[1], min_cosine=best[2])
    else:
        gated = replace(base, lexical_min_coverage=best[1])
    passing = {o.query_id: o.candidates for o in positives if _passes(o, gated)}
    qrels = {o.query_id: dict.fromkeys(o.relevant, 1) for o in positives if o.query_id in passing}
    thresholds: Thresholds = calibrate(passing, qrels, target_precision=target_precision)
    if dense:
        return replace(gated, thresholds=thresholds)
    return replace(gated, lexical_thresholds=thresholds)


def report(
    positives: Sequence[Observation],
    negatives: Sequence[Observation],
    policy: AnswerPolicy,
    *,
    dense: bool,
) -> dict[str, float]:
    """What residents would see: how often an answer, a clarification or a hand-over, and how
    often each is right."""
    counts = {"answer": 0, "answer_ok": 0, "clarify": 0, "clarify_ok": 0, "no_answer": 0}
    for obs in positives:
        decision, ids = decision_of(obs, policy, dense)
        counts[str(decision)] += 1
        if decision is Decision.ANSWER and ids and ids[0] in obs.relevant:
            counts["answer_ok"] += 1
        if decision is Decision.CLARIFY and any(i in obs.relevant for i in ids):
            counts["clarify_ok"] += 1
    refused = sum(1 for o in negatives if decision_of(o, policy, dense)[0] is Decision.NO_ANSWER)
    n = max(len(positives), 1)
    return {
        "answer_rate": round(counts["answer"] / n, 4),
        "answer_precision": round(counts["answer_ok"] / max(counts["answer"], 1), 4),
        "clarify_rate": round(counts["clarify"] / n, 4),
        "clarify_hit": round(counts["clarify_ok"] / max(counts["clarify"], 1), 4),
        "no_answer_rate": round(counts["no_answer"] / n, 4),
        "helpful_rate": round((counts["answer_ok"] + counts["clarify_ok"]) / n, 4),
        "unanswerable_handed_over": round(refused / max(len(negatives), 1), 4),
        # Over answerable and unanswerable questions together: right answer, right entry
        # among the choices, or a hand-over when nothing answers (what the issue calls helpful).
        "helpful_incl_handover": round(
            (counts["answer_ok"] + counts["clarify_ok"] + refused)
            / max(len(positives) + len(negatives), 1),
            4,
        ),
    }


def cross_validate(
    positives: Sequence[Observation],
    negatives: Sequence[Observation],
    *,
    dense: bool,
    folds: int = 5,
    seed: int = 20261126,
    target_precision: float = 0.8,
) -> dict[str, float]:
    """Fit on k−1 folds of questions, report on the held-out fold, average the folds."""
    ids = sorted({o.query_id for o in positives})
    random.Random(seed).shuffle(ids)
    fold_of = {q: i % folds for i, q in enumerate(ids)}
    reports: list[Mapping[str, float]] = []
    for k in range(folds):
        train_p = [o for o in positives if fold_of[o.query_id] != k]
        train_n = [o for o in negatives if fold_of.get(o.query_id, -1) != k]
        test_p = [o for o in positives if fold_of[o.query_id] == k]
        test_n = [o for o in negatives if fold_of.get(o.query_id, -1) == k]
        policy = fit(train_p, train_n, dense=dense, target_precision=target_precision)
        reports.append(report(test_p, test_n, policy, dense=dense))
    return {key: round(float(np.mean([r[key] for r in reports])), 4) for key in reports[0]}
