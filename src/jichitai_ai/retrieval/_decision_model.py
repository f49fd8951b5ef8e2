"""A learned answer / clarify (更問) / hand-over decision over signals beyond the top score.

The fused top score alone says little: its scale depends on the scorer (and changes when the
ranker does), and a high score for a near-duplicate looks like a high score for the right
entry. The decision therefore looks at several signals of the candidate list (see
:data:`FEATURE_NAMES`): margins, whether the word and meaning rankings agree, how much of the
question the best entry's own question covers, whether the top entries belong to one
department, and how much of the question no entry knows (out of scope).

Two logistic regressions (numpy, L2, Newton steps) turn them into probabilities:
``p_answer`` — the first entry is right; ``p_relevant`` — a right entry is among the first
three. Thresholds on them are chosen on the training probes: answer when ``p_answer`` reaches
the threshold that keeps answer precision at the target, clarify when ``p_relevant`` reaches
the threshold that maximises helpful outcomes, else hand over.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from jichitai_ai.retrieval._types import ScoredDoc

FEATURE_NAMES = (
    "top_score",
    "margin",
    "top_cosine",
    "cosine_of_top",
    "cosine_margin",
    "dense_agrees",
    "coverage",
    "coverage_second",
    "question_coverage",
    "unknown_share",
    "department_agreement",
    "log_terms",
)
N_FEATURES = len(FEATURE_NAMES)
CLARIFY_DEPTH = 3

FloatArray = npt.NDArray[np.float64]


def feature_vector(
    ranked: Sequence[ScoredDoc],
    dense: Sequence[ScoredDoc],
    *,
    coverage_of: Callable[[int], float],
    question_coverage_of: Callable[[int], float],
    unknown_share: float,
    n_terms: int,
    group_of: Callable[[int], str],
) -> FloatArray:
    """The decision signals of one candidate list (best first); zeros where a list is empty."""
    x = np.zeros(N_FEATURES)
    if not ranked:
        x[9] = unknown_share
        x[11] = np.log1p(n_terms)
        return x
    top = ranked[0]
    x[0] = top.score
    x[1] = top.score - (ranked[1].score if len(ranked) > 1 else 0.0)
    if dense:
        cos = {d.doc_id: d.score for d in dense}
        x[2] = dense[0].score
        x[3] = cos.get(top.doc_id, dense[-1].score)
        x[4] = dense[0].score - (dense[1].score if len(dense) > 1 else 0.0)
        x[5] = float(dense[0].doc_id == top.doc_id)
    x[6] = coverage_of(top.doc_id)
    x[7] = coverage_of(ranked[1].doc_id) if len(ranked) > 1 else 0.0
    x[8] = question_coverage_of(top.doc_id)
    x[9] = unknown_share
    head = [group_of(c.doc_id) for c in ranked[:CLARIFY_DEPTH]]
    x[10] = sum(1 for g in head[1:] if g and g == head[0]) / max(len(head) - 1, 1)
    x[11] = np.log1p(n_terms)
    return x


@dataclass(frozen=True)
class Logistic:
    """Standardised logistic regression: p = σ(w · (x − mean) / scale + b)."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def predict(self, x: FloatArray) -> FloatArray:
        z = (np.atleast_2d(x) - np.array(self.mean)) / np.array(self.scale)
        return _sigmoid(z @ np.array(self.weights) + self.bias)

    @classmethod
    def fit(cls, x: FloatArray, y: FloatArray, l2: float = 1.0, steps: int = 30) -> Logistic:
        """Newton's method on the L2-penalised log-likelihood (a dozen features: exact, fast)."""
        mean = x.mean(axis=0)
        scale = x.std(axis=0)
        scale[scale < 1e-9] = 1.0
        z = np.hstack([(x - mean) / scale, np.ones((x.shape[0], 1))])
        w = np.zeros(z.shape[1])
        penalty = np.full(z.shape[1], l2)
        penalty[-1] = 0.0  # no penalty on the bias
        for _ in range(steps):
            p = _sigmoid(z @ w)
            grad = z.T @ (p - y) + penalty * w
            hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty) + 1e-9 * np.eye(len(w))
            step = np.linalg.solve(hess, grad)
            w -= step
            if float(np.abs(step).max()) < 1e-8:
                break
        return cls(
            tuple(map(float, w[:-1])),
            float(w[-1]),
            tuple(map(float, mean)),
            tuple(map(float, scale)),
        )


def _sigmoid(z: FloatArray) -> FloatArray:
    result: FloatArray = 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))
    return result


@dataclass(frozen=True)
class DecisionModel:
    """The two probabilities and their thresholds; JSON round-trips for the per-tenant cache."""

    answer: Logistic
    relevant: Logistic
    answer_min: float
    clarify_min: float
    max_choices: int = CLARIFY_DEPTH
    #: Hand over when the index's relevance gate says nothing is relevant, instead of on a
    #: low ``p_relevant`` (for models whose unanswerable probes are harder than real ones).
    handover_by_gate: bool = False

    def decide(
        self, x: FloatArray, relevant: bool | None = None, *, model_may_clarify: bool = False
    ) -> str:
        """One of answer / clarify / no_answer for a feature vector; ``relevant`` is the
        relevance gate's verdict (it decides hand-over when ``handover_by_gate``).
        ``model_may_clarify``: the gate's hand-over becomes a 更問 when ``p_relevant`` still
        reaches ``clarify_min`` (the model, not the gate, is sure a right entry is near)."""
        if float(self.answer.predict(x)[0]) >= self.answer_min:
            return "answer"
        if self.handover_by_gate and relevant is not None:
            if relevant or (model_may_clarify and self.relevant_enough(x)):
                return "clarify"
            return "no_answer"
        if self.relevant_enough(x):
            return "clarify"
        return "no_answer"

    def relevant_enough(self, x: FloatArray) -> bool:
        """Whether ``p_relevant`` (a right entry among the first three) reaches the 更問
        threshold."""
        return float(self.relevant.predict(x)[0]) >= self.clarify_min

    def to_json(self) -> str:
        return json.dumps(
            {
                "answer": self.answer.__dict__,
                "relevant": self.relevant.__dict__,
                "answer_min": self.answer_min,
                "clarify_min": self.clarify_min,
                "max_choices": self.max_choices,
                "handover_by_gate": self.handover_by_gate,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> DecisionModel:
        data = json.loads(text)

        def logistic(raw: dict[str, object]) -> Logistic:
            return Logistic(
                tuple(raw["weights"]),  # type: ignore[arg-type]
                float(raw["bias"]),  # type: ignore[arg-type]
                tuple(raw["mean"]),  # type: ignore[arg-type]
                tuple(raw["scale"]),  # type: ignore[arg-type]
            )

        return cls(
            logistic(data["answer"]),
            logistic(data["relevant"]),
            float(data["answer_min"]),
            float(data["clarify_min"]),
            int(data.get("max_choices", CLARIFY_DEPTH)),
            bool(data.get("handover_by_gate", False)),
        )


@dataclass(frozen=True)
class Example:
    """One probe: its features, whether its first candidate is right, whether a right entry
    is among the first three (both False for an unanswerable probe)."""

    features: FloatArray
    top1_ok: bool
    top3_ok: bool
    answerable: bool


def fit_model(
    examples: Sequence[Example],
    *,
    target_precision: float = 0.85,
    handover_weight: float = 1.0,
    answer_unanswerable: bool = True,
    confidence_z: float = 0.0,
    handover_by_gate: bool = False,
) -> DecisionModel | None:
    """Fit both regressions and choose thresholds; None when the probes cannot support a model
    (too few, or only one outcome)."""
    pos = [e for e in examples if e.answerable]
    if len(pos) < 10 or len(examples) - len(pos) < 5:
        return None
    x = np.stack([e.features for e in examples])
    ok1 = np.array([e.top1_ok for e in examples], dtype=float)
    ok3 = np.array([e.top3_ok for e in examples], dtype=float)
    if ok1.min() == ok1.max() or ok3.min() == ok3.max():
        return None
    answerable = np.array([e.answerable for e in examples])
    # ``answer_unanswerable``: an unanswerable probe answered counts as a wrong answer (what
    # a resident sees); off: P(first entry right | something answers), answer precision as
    # measured on answerable questions only, hand-over left to the other model.
    fit_on = np.ones(len(examples), dtype=bool) if answer_unanswerable else answerable
    answer = Logistic.fit(x[fit_on], ok1[fit_on])
    relevant = Logistic.fit(x, ok3)
    pa = answer.predict(x)
    pr = relevant.predict(x)
    answer_min = _precision_threshold(
        pa[fit_on], ok1[fit_on].astype(bool), target_precision, confidence_z
    )
    clarify_min = _helpful_threshold(
        pa, pr, answer_min, ok1.astype(bool), ok3.astype(bool), answerable, handover_weight
    )
    return DecisionModel(
        answer, relevant, answer_min, clarify_min, handover_by_gate=handover_by_gate
    )


def _lower_bound(hits: FloatArray, counts: FloatArray, z: float) -> FloatArray:
    """Wilson score lower bound of a proportion (z = 0: the proportion itself)."""
    phat = hits / counts
    if z == 0:
        return phat
    denom = 1 + z * z / counts
    centre = phat + z * z / (2 * counts)
    spread = z * np.sqrt(phat * (1 - phat) / counts + z * z / (4 * counts * counts))
    result: FloatArray = (centre - spread) / denom
    return result


def _precision_threshold(
    p: FloatArray, ok: npt.NDArray[np.bool_], target: float, confidence_z: float = 0.0
) -> float:
    """Lowest threshold whose answers (p ≥ t) reach the target precision (most answers);
    with ``confidence_z`` the precision's Wilson lower bound must reach it (few probes: a
    threshold fitted to the exact target lands below it on new questions)."""
    order = np.argsort(-p)
    hits = np.cumsum(ok[order]).astype(np.float64)
    counts = np.arange(1, len(p) + 1, dtype=np.float64)
    precise = _lower_bound(hits, counts, confidence_z) >= target
    # Answer only down to a point where precision holds for every larger set above it too
    # would be too strict; take the largest prefix meeting the target (ties share one p).
    best = None
    for i in np.nonzero(precise)[0]:
        if i + 1 < len(p) and p[order[i + 1]] == p[order[i]]:
            continue
        best = i
    if best is None:
        return float("inf")
    # Halfway to the next lower probability: a question scoring a hair below the last
    # answered probe is not a different case.
    below = float(p[order[best + 1]]) if best + 1 < len(p) else 0.0
    return (float(p[order[best]]) + below) / 2


def _helpful_threshold(
    pa: FloatArray,
    pr: FloatArray,
    answer_min: float,
    ok1: npt.NDArray[np.bool_],
    ok3: npt.NDArray[np.bool_],
    answerable: npt.NDArray[np.bool_],
    handover_weight: float,
) -> float:
    """Clarify threshold maximising right choices offered + unanswerable probes handed over."""
    rest = pa < answer_min
    best_t, best_u = float("inf"), -1.0
    for t in [*np.unique(np.round(pr[rest], 4)).tolist(), float("inf")]:
        clarify = rest & (pr >= t)
        hand = rest & (pr < t)
        utility = float((clarify & answerable & ok3).sum()) + handover_weight * float(
            (hand & ~answerable).sum()
        )
        if utility > best_u or (utility == best_u and t > best_t):
            best_t, best_u = float(t), utility
    return best_t
