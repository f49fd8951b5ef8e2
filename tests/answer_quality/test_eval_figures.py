"""The decision figures `eval --json` prints are the issue's definitions (issue 12).

Observations are built by hand so every outcome is known: answered right / wrong, 更問 with and
without the right entry, hand-overs to the owner of the left-out entry, to the general contact
and to an unrelated department. The figures are checked against counts done here by hand.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from jichitai_ai.retrieval import ScoredDoc, Thresholds
from jichitai_ai.services.calibration import Observation, report
from jichitai_ai.services.search_index import AnswerPolicy

#: Lexical decision: answer at a top score ≥ .95, clarify (≤ 3 choices) at ≥ .5; the gate
#: (coverage ≥ .25) hands over everything else.
POLICY = replace(
    AnswerPolicy(),
    lexical_thresholds=Thresholds(
        answer_min_score=0.95, answer_min_margin=0.0, clarify_min_score=0.5, clarify_window=1.0
    ),
    lexical_min_coverage=0.25,
    lexical_answer_min_coverage=0.0,
    lexical_decision_model=None,
)


def _obs(
    qid: str,
    kind: str,
    relevant: set[int],
    *,
    top: int = 1,
    routed: str = "",
    owners: frozenset[str] = frozenset({"市民課"}),
) -> Observation:
    score = {"answer": 0.99, "clarify": 0.7, "handover": 0.99}[kind]
    candidates = [ScoredDoc(score, top), *(ScoredDoc(0.6, d) for d in (7, 8, 9, 10))]
    return Observation(
        query_id=qid,
        candidates=candidates,
        coverage=0.0 if kind == "handover" else 1.0,
        cosine=None,
        relevant=frozenset(relevant),
        routed=routed,
        departments=owners,
    )


def test_figures_follow_the_issue_definitions() -> None:
    positives = [
        _obs("a1", "answer", {1}),  # right answer
        _obs("a2", "answer", {1}),  # right answer
        _obs("a3", "answer", {2}),  # wrong answer
        _obs("c1", "clarify", {8}),  # right entry among the choices
        _obs("c2", "clarify", {42}),  # 更問 without it
        _obs("h1", "handover", {1}),  # answerable, handed over: not helpful
    ]
    negatives = [
        _obs("a1", "handover", set(), routed="市民課"),  # to the owner: correct
        _obs("a2", "handover", set(), routed=""),  # general contact: correct
        _obs("a3", "handover", set(), routed="下水道課"),  # unrelated department: not correct
        _obs("c1", "answer", set()),  # answered although nothing answers: wrong
        _obs("c2", "clarify", set(), routed=""),  # 更問; way out to the general contact
        _obs("h1", "clarify", set(), routed="下水道課"),  # 更問; way out to the wrong place
    ]
    f = report(positives, negatives, POLICY, dense=False)
    assert f["answer_rate"] == pytest.approx(3 / 6, abs=1e-4)
    assert f["answer_precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert f["clarify_rate"] == pytest.approx(2 / 6, abs=1e-4)
    assert f["clarify_hit"] == pytest.approx(1 / 2, abs=1e-4)
    assert f["clarify_max_choices"] == 3
    assert f["unanswerable_handed_over"] == pytest.approx(3 / 6, abs=1e-4)
    assert f["unanswerable_correct_handover"] == pytest.approx(2 / 6, abs=1e-4)
    assert f["unanswerable_answered_wrongly"] == pytest.approx(1 / 6, abs=1e-4)
    assert (f["handover_to_owner"], f["handover_to_general"], f["handover_elsewhere"]) == (
        pytest.approx(1 / 3, abs=1e-4),
        pytest.approx(1 / 3, abs=1e-4),
        pytest.approx(1 / 3, abs=1e-4),
    )
    # helpful = (2 right answers + 1 right choice + 2 correct hand-overs) / 12 questions
    assert f["helpful"] == pytest.approx(5 / 12, abs=1e-4)
    parts = f["helpful_right_answer"] + f["helpful_right_in_choices"]
    assert parts + f["helpful_correct_handover"] == pytest.approx(f["helpful"], abs=2e-4)
    assert f["helpful_answerable"] == pytest.approx(3 / 6, abs=1e-4)
    assert f["helpful_unanswerable"] == pytest.approx(2 / 6, abs=1e-4)
    # the lenient figure adds the 更問 whose 「どれにも当てはまらない」 reaches the right place
    assert f["helpful_with_way_out"] == pytest.approx(6 / 12, abs=1e-4)
    # the old figure counted every hand-over, the unrelated department's too
    assert f["legacy_helpful_any_handover"] == pytest.approx(6 / 12, abs=1e-4)
