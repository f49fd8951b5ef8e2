"""The learned decision (retrieval._decision_model) against brute force and known truths.

The logistic regression is checked by its optimality condition (zero gradient of the penalised
likelihood) and by recovering a known model from data drawn from it; the precision threshold
against an exhaustive search over every possible threshold.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from jichitai_ai.domain.models import Decision
from jichitai_ai.retrieval._decision_model import (
    N_FEATURES,
    DecisionModel,
    Example,
    Logistic,
    _precision_threshold,
    fit_model,
)

from .demo_city import dense_demo_platform


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def test_logistic_fit_is_a_stationary_point_of_the_penalised_likelihood() -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(400, 5)) * [1.0, 3.0, 0.1, 10.0, 1.0] + [0, 5, 1, -2, 0]
    y = (rng.random(400) < _sigmoid(x[:, 0] - 0.3 * x[:, 1] + 0.5)).astype(float)
    model = Logistic.fit(x, y, l2=1.0)
    z = (x - np.array(model.mean)) / np.array(model.scale)
    p = _sigmoid(z @ np.array(model.weights) + model.bias)
    grad_w = z.T @ (p - y) + 1.0 * np.array(model.weights)
    grad_b = float(np.sum(p - y))
    assert np.abs(grad_w).max() < 1e-6
    assert abs(grad_b) < 1e-6


def test_logistic_recovers_a_known_model() -> None:
    rng = np.random.default_rng(11)
    x = rng.normal(size=(20_000, 2))
    y = (rng.random(20_000) < _sigmoid(2.0 * x[:, 0] - 1.0 * x[:, 1] + 0.25)).astype(float)
    model = Logistic.fit(x, y, l2=0.0)
    # Weights are on standardised features; x is already ~standard normal.
    w = np.array(model.weights) / np.array(model.scale)
    assert w == pytest.approx([2.0, -1.0], abs=0.1)
    grid = rng.normal(size=(50, 2))
    truth = _sigmoid(2.0 * grid[:, 0] - 1.0 * grid[:, 1] + 0.25)
    assert np.abs(model.predict(grid) - truth).max() < 0.05


@pytest.mark.parametrize("seed", range(20))
def test_precision_threshold_matches_exhaustive_search(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 60))
    p = np.round(rng.random(n), 1)  # many ties, as with real probabilities
    ok = rng.random(n) < p
    target = float(rng.choice([0.6, 0.8, 0.85]))
    got = _precision_threshold(p, ok, target)
    best_t, best_n = float("inf"), 0
    for t in sorted(set(p.tolist())):
        sel = p >= t
        if sel.sum() and ok[sel].mean() >= target and sel.sum() > best_n:
            best_t, best_n = t, int(sel.sum())
    # The same questions are answered (the threshold itself sits halfway to the next value).
    assert np.array_equal(p >= got, p >= best_t)


def _examples(rng: np.random.Generator, n: int) -> list[Example]:
    out = []
    for _ in range(n):
        answerable = bool(rng.random() < 0.5)
        quality = rng.random() if answerable else rng.random() * 0.5
        x = np.zeros(N_FEATURES)
        x[0] = quality + rng.normal(scale=0.1)
        x[1] = quality * 0.5 + rng.normal(scale=0.1)
        top1 = answerable and bool(rng.random() < quality)
        top3 = answerable and (top1 or bool(rng.random() < quality))
        out.append(Example(x, top1, top3, answerable))
    return out


def test_fitted_thresholds_hold_precision_on_fresh_probes_and_round_trip() -> None:
    rng = np.random.default_rng(3)
    model = fit_model(_examples(rng, 3000), target_precision=0.85)
    assert model is not None
    fresh = _examples(rng, 3000)
    verdicts = [model.decide(e.features) for e in fresh]
    answered = [e for e, v in zip(fresh, verdicts, strict=True) if v == "answer"]
    assert len(answered) > 100
    assert np.mean([e.top1_ok for e in answered]) >= 0.8
    # Unanswerable probes are handed over far more often than answerable ones.
    handed = {
        kind: np.mean(
            [v == "no_answer" for e, v in zip(fresh, verdicts, strict=True) if e.answerable is kind]
        )
        for kind in (True, False)
    }
    assert handed[False] > handed[True] + 0.2
    again = DecisionModel.from_json(model.to_json())
    assert [again.decide(e.features) for e in fresh] == verdicts


def test_no_model_from_degenerate_probes() -> None:
    x = np.zeros(N_FEATURES)
    assert fit_model([Example(x, True, True, True)] * 50) is None  # no unanswerable probe
    assert (
        fit_model([Example(x, False, False, True)] * 30 + [Example(x, False, False, False)] * 30)
        is None
    )


def _gate_model() -> DecisionModel:
    """A model that hands over by the relevance gate, with known probabilities: p_answer and
    p_relevant are σ(feature 0) and σ(feature 1) (standardisation off)."""
    one = (0.0,) * N_FEATURES
    unit = (1.0,) * N_FEATURES
    answer = Logistic((1.0,) + (0.0,) * (N_FEATURES - 1), 0.0, one, unit)
    relevant = Logistic((0.0, 1.0) + (0.0,) * (N_FEATURES - 2), 0.0, one, unit)
    return DecisionModel(answer, relevant, answer_min=0.9, clarify_min=0.6, handover_by_gate=True)


@pytest.mark.parametrize(
    ("p_relevant_logit", "gate", "may_clarify", "verdict"),
    [
        (2.0, False, False, "no_answer"),  # the gate alone decides hand-over (as before)
        (2.0, False, True, "clarify"),  # p_relevant .88 ≥ .6: a 更問, not a hand-over
        (0.0, False, True, "no_answer"),  # p_relevant .5 < .6: still handed over
        (-3.0, True, True, "clarify"),  # the gate's "relevant" still means 更問
        (-3.0, True, False, "clarify"),
    ],
)
def test_gate_hand_over_becomes_a_clarify_when_the_model_is_sure(
    p_relevant_logit: float, gate: bool, may_clarify: bool, verdict: str
) -> None:
    model = _gate_model()
    x = np.zeros(N_FEATURES)
    x[0] = 0.0  # p_answer .5 < .9: never a direct answer here
    x[1] = p_relevant_logit
    assert model.relevant_enough(x) is (p_relevant_logit > 0.5)
    assert model.decide(x, gate, model_may_clarify=may_clarify) == verdict
    # A direct answer stays a direct answer whatever the gate says.
    x[0] = 5.0
    assert model.decide(x, False, model_may_clarify=may_clarify) == "answer"


def test_kanji_questions_the_model_is_sure_of_get_choices_not_a_hand_over(tmp_path: Path) -> None:
    """The demo city's decision model hands over by its relevance gate (coverage ≥ .887 or
    cosine ≥ .876, calibrated on LocalGovFAQ); colloquial Japanese questions whose right entry
    word matching ranks first fell below it and were handed over (round 6, §7.4g). When the
    model's p_relevant reaches its 更問 threshold they now get ≤ 3 choices (and the card's
    「どれにも当てはまらない」); other scripts keep the gate, which sends them to the meaning path."""
    with dense_demo_platform(tmp_path) as platform:
        for text, expected in [
            ("学童って何年生まで入れる？", "AOBA-0057"),  # round 6, handed over before
            ("離婚してシングルマザーになりました。手当てってもらえますか", "AOBA-0048"),  # round 7
        ]:
            r = platform.answering.ask("aoba-city", text, record=False)
            assert r.decision is Decision.CLARIFY, (text, r.decision)
            assert 2 <= len(r.choices) <= 3
            assert expected in {c.entry.external_id for c in r.choices}, text
        # Questions the model is not sure of are still handed over (the gate's verdict).
        for text in ["市長の好きな食べ物は？", "明日の天気を教えて"]:
            r = platform.answering.ask("aoba-city", text, record=False)
            assert r.decision is Decision.NO_ANSWER, (text, r.decision)
