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
    """The issue's figures (issue 12), each question decided once.

    - answered / precision: over the answerable questions (positives);
    - unanswerable handed over: over the leave-out questions (negatives), any destination;
    - a **correct hand-over** goes to the department owning the left-out entry, or to the
      general contact when routing is not confident; a hand-over to another department is
      not correct (split reported);
    - **helpful** over all questions asked (each judged question once as it is, once with its
      entries left out, so the two halves weigh the same): right answer, or the right entry
      among the ≤ 3 choices, or a correct hand-over; its three parts add up to it.
    """
    counts = {"answer": 0, "answer_ok": 0, "clarify": 0, "clarify_ok": 0, "no_answer": 0}
    most_choices = 0
    for obs, policy in positives:
        decision, ids = decision_of(obs, policy, dense)
        counts[str(decision)] += 1
        if decision is Decision.ANSWER and ids and ids[0] in obs.relevant:
            counts["answer_ok"] += 1
        if decision is Decision.CLARIFY:
            most_choices = max(most_choices, len(ids))
            if any(i in obs.relevant for i in ids):
                counts["clarify_ok"] += 1
    neg = {"answer": 0, "clarify": 0, "no_answer": 0}
    owner = general = elsewhere = way_out_ok = 0
    for obs, policy in negatives:
        decision, ids = decision_of(obs, policy, dense)
        neg[str(decision)] += 1
        if decision is Decision.CLARIFY:
            most_choices = max(most_choices, len(ids))
        right_place = (not obs.routed) or obs.routed in obs.departments
        if decision is Decision.CLARIFY and right_place:
            way_out_ok += 1  # 「どれにも当てはまらない」 leads to the right contact
        if decision is not Decision.NO_ANSWER:
            continue
        if not obs.routed:
            general += 1
        elif obs.routed in obs.departments:
            owner += 1
        else:
            elsewhere += 1
    n_pos, n_neg = len(positives), len(negatives)
    handed = neg["no_answer"]
    correct = owner + general
    n_all = max(n_pos + n_neg, 1)

    def share(x: int, n: int) -> float:
        return round(x / max(n, 1), 4)

    return {
        # answerable questions
        "answer_rate": share(counts["answer"], n_pos),
        "answer_precision": share(counts["answer_ok"], counts["answer"]),
        "clarify_rate": share(counts["clarify"], n_pos),
        "clarify_hit": share(counts["clarify_ok"], counts["clarify"]),
        "clarify_max_choices": most_choices,
        "no_answer_rate": share(counts["no_answer"], n_pos),
        # unanswerable (leave-out) questions
        "unanswerable_handed_over": share(handed, n_neg),
        "unanswerable_answered_wrongly": share(neg["answer"], n_neg),
        "unanswerable_clarified": share(neg["clarify"], n_neg),
        "unanswerable_correct_handover": share(correct, n_neg),
        # of the hand-overs: owner of the left-out entry / general contact / another department
        "handover_to_owner": share(owner, handed),
        "handover_to_general": share(general, handed),
        "handover_elsewhere": share(elsewhere, handed),
        # helpful, as the issue defines it, and its three parts (shares of all questions)
        "helpful": share(counts["answer_ok"] + counts["clarify_ok"] + correct, n_all),
        "helpful_right_answer": share(counts["answer_ok"], n_all),
        "helpful_right_in_choices": share(counts["clarify_ok"], n_all),
        "helpful_correct_handover": share(correct, n_all),
        "helpful_answerable": share(counts["answer_ok"] + counts["clarify_ok"], n_pos),
        "helpful_unanswerable": share(correct, n_neg),
        # Lenient, named apart: also a 更問 on an unanswerable question whose
        # 「どれにも当てはまらない」 leads to the right contact (two steps for the resident).
        "helpful_with_way_out": share(
            counts["answer_ok"] + counts["clarify_ok"] + correct + way_out_ok, n_all
        ),
        # Before issue 12d this was "helpful_incl_handover": any hand-over counted, wherever
        # it went. Kept for comparison with older figures only.
        "legacy_helpful_any_handover": share(
            counts["answer_ok"] + counts["clarify_ok"] + handed, n_all
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


def answer_curve(
    positives: Sequence[Observation],
    negatives: Sequence[Observation],
    *,
    folds: int = 5,
    seed: int = 20261126,
    target_precision: float = 0.8,
    points: Sequence[float] = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6),
) -> list[dict[str, float]]:
    """The trade-off between answering more and answering right, cross-validated: the decision
    model is fitted on k−1 folds and its ``p_answer`` computed for the held-out answerable
    questions; pooled, for each share of questions answered (highest ``p_answer`` first) the
    precision of those answers. Only the ordering the model learned is used, so the curve
    shows what any answer threshold could reach."""
    ids = sorted({o.query_id for o in positives})
    random.Random(seed).shuffle(ids)
    fold_of = {q: i % folds for i, q in enumerate(ids)}
    scored: list[tuple[float, bool]] = []
    for k in range(folds):
        train = _examples(
            [o for o in positives if fold_of[o.query_id] != k],
            [o for o in negatives if fold_of.get(o.query_id, -1) != k],
        )
        model = fit_model(train, target_precision=target_precision, answer_unanswerable=False)
        if model is None:
            continue
        for o in positives:
            if fold_of[o.query_id] == k and o.features and o.candidates:
                p = float(model.answer.predict(np.array(o.features))[0])
                scored.append((p, o.candidates[0].doc_id in o.relevant))
    scored.sort(key=lambda s: -s[0])
    n = len(scored)
    curve = []
    for share in points:
        m = max(round(share * n), 1)
        if m > n:
            break
        hits = sum(ok for _, ok in scored[:m])
        curve.append(
            {
                "answered": round(m / n, 4),
                "precision": round(hits / m, 4),
                "p_answer": scored[m - 1][0],
            }
        )
    return curve
