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
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from jichitai_ai.domain.models import Decision
from jichitai_ai.retrieval import ScoredDoc, Thresholds, calibrate, decide
from jichitai_ai.retrieval._decision_model import Example, fit_model
from jichitai_ai.services.search_index import AnswerPolicy


@dataclass(frozen=True)
class Observation:
    """One question's candidates (fused, re-ranked) and absolute signals."""

    query_id: str
    candidates: list[ScoredDoc]
    coverage: float
    cosine: float | None
    relevant: frozenset[int]  # empty for a negative
    #: Decision signals (retrieval._decision_model.FEATURE_NAMES); empty without them.
    features: tuple[float, ...] = ()
    #: The clarifying choices the engine would offer (near-duplicates skipped).
    choices: tuple[int, ...] = ()
    #: Where a hand-over goes (department name; "" = general contact), and the departments
    #: owning the question's correct entries (the right place for a hand-over).
    routed: str = ""
    departments: frozenset[str] = frozenset()


def _passes(obs: Observation, policy: AnswerPolicy) -> bool:
    if not obs.candidates:
        return False
    if obs.cosine is None:
        return obs.coverage >= policy.lexical_min_coverage
    return obs.coverage >= policy.min_coverage or obs.cosine >= policy.min_cosine


def decision_of(obs: Observation, policy: AnswerPolicy, dense: bool) -> tuple[Decision, list[int]]:
    model = policy.decision_model if dense else policy.lexical_decision_model
    if model is not None and obs.features and obs.candidates:
        verdict = model.decide(np.array(obs.features), _passes(obs, policy))
        if verdict == "answer":
            return Decision.ANSWER, [obs.candidates[0].doc_id]
        if verdict == "clarify" and len(obs.candidates) >= 2:
            choices = list(obs.choices) or [c.doc_id for c in obs.candidates[:3]]
            return Decision.CLARIFY, choices
        return Decision.NO_ANSWER, []
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
    learn_model: bool = False,
) -> AnswerPolicy:
    """The gate and thresholds; with ``learn_model`` also the decision model (over the
    decision signals) that then decides instead of the thresholds."""
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
    fitted = (
        replace(gated, thresholds=thresholds)
        if dense
        else replace(gated, lexical_thresholds=thresholds)
    )
    model = (
        fit_model(
            _examples(positives, negatives),
            target_precision=target_precision,
            answer_unanswerable=False,
        )
        if learn_model
        else None
    )
    if dense:
        return replace(fitted, decision_model=model)
    return replace(fitted, lexical_decision_model=model)


def _examples(positives: Sequence[Observation], negatives: Sequence[Observation]) -> list[Example]:
    """Judged questions as training examples of the decision model."""
    out = []
    for o in [*positives, *negatives]:
        if not o.features:
            continue
        top_ok = bool(o.candidates) and o.candidates[0].doc_id in o.relevant
        choices = o.choices or tuple(c.doc_id for c in o.candidates[:3])
        out.append(
            Example(np.array(o.features), top_ok, bool(set(choices) & o.relevant), bool(o.relevant))
        )
    return out


def report(
    positives: Sequence[Observation],
    negatives: Sequence[Observation],
    policy: AnswerPolicy,
    *,
    dense: bool,
) -> dict[str, float]:
    """What residents would see: how often an answer, a clarification or a hand-over, and how
    often each is right."""
    return _tally([(o, policy) for o in positives], [(o, policy) for o in negatives], dense)


def _tally(
    positives: Sequence[tuple[Observation, AnswerPolicy]],
    negatives: Sequence[tuple[Observation, AnswerPolicy]],
    dense: bool,
) -> dict[str, float]:
    counts = {"answer": 0, "answer_ok": 0, "clarify": 0, "clarify_ok": 0, "no_answer": 0}
    for obs, policy in positives:
        decision, ids = decision_of(obs, policy, dense)
        counts[str(decision)] += 1
        if decision is Decision.ANSWER and ids and ids[0] in obs.relevant:
            counts["answer_ok"] += 1
        if decision is Decision.CLARIFY and any(i in obs.relevant for i in ids):
            counts["clarify_ok"] += 1
    handed = [
        o for o, policy in negatives if decision_of(o, policy, dense)[0] is Decision.NO_ANSWER
    ]
    refused = len(handed)
    routed_right = sum(1 for o in handed if o.routed and o.routed in o.departments)
    routed_general = sum(1 for o in handed if not o.routed)
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
        # among the choices, or a hand-over when nothing answers. The hand-over counts
        # whatever contact it shows; where it goes is reported below.
        "helpful_incl_handover": round(
            (counts["answer_ok"] + counts["clarify_ok"] + refused)
            / max(len(positives) + len(negatives), 1),
            4,
        ),
        # Of the unanswerable questions handed over: to the department owning the left-out
        # entry, to the general contact, or to another department (the rest).
        "handover_to_owner": round(routed_right / max(refused, 1), 4),
        "handover_to_general": round(routed_general / max(refused, 1), 4),
        "handover_elsewhere": round((refused - routed_right - routed_general) / max(refused, 1), 4),
    }


def cross_validate(
    positives: Sequence[Observation],
    negatives: Sequence[Observation],
    *,
    dense: bool,
    folds: int = 5,
    seed: int = 20261126,
    target_precision: float = 0.8,
    learn_model: bool = False,
    base: AnswerPolicy | None = None,
) -> dict[str, float]:
    """Fit on k−1 folds of questions, decide the held-out fold with that fit; the figures
    pool every question's held-out decision (not a mean of per-fold ratios, which counts a
    fold without answers as precision 0)."""
    ids = sorted({o.query_id for o in positives})
    random.Random(seed).shuffle(ids)
    fold_of = {q: i % folds for i, q in enumerate(ids)}
    pooled_p: list[tuple[Observation, AnswerPolicy]] = []
    pooled_n: list[tuple[Observation, AnswerPolicy]] = []
    for k in range(folds):
        train_p = [o for o in positives if fold_of[o.query_id] != k]
        train_n = [o for o in negatives if fold_of.get(o.query_id, -1) != k]
        policy = fit(
            train_p,
            train_n,
            dense=dense,
            base=base,
            target_precision=target_precision,
            learn_model=learn_model,
        )
        pooled_p += [(o, policy) for o in positives if fold_of[o.query_id] == k]
        pooled_n += [(o, policy) for o in negatives if fold_of.get(o.query_id, -1) == k]
    return _tally(pooled_p, pooled_n, dense)
