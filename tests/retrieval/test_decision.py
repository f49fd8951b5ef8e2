from jichitai_ai.domain.models import Decision
from jichitai_ai.retrieval import ScoredDoc, Thresholds, calibrate, decide

T = Thresholds(
    answer_min_score=0.8, answer_min_margin=0.2, clarify_min_score=0.4, clarify_window=0.3
)


def test_confident_single_answer() -> None:
    result = decide([ScoredDoc(0.95, 1), ScoredDoc(0.5, 2)], T)
    assert result.decision is Decision.ANSWER and [c.doc_id for c in result.choices] == [1]


def test_close_candidates_clarify_with_two_to_three_choices() -> None:
    # At most 3 choices (plus "none of these" on the page): 5 was too many to read.
    cands = [ScoredDoc(s, i) for i, s in enumerate([0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.3])]
    result = decide(cands, T)
    assert result.decision is Decision.CLARIFY
    assert [c.doc_id for c in result.choices] == [0, 1, 2]
    lone = decide([ScoredDoc(0.5, 1), ScoredDoc(0.1, 2)], T)
    assert lone.decision is Decision.CLARIFY and len(lone.choices) == 2


def test_nothing_confident_is_no_answer() -> None:
    assert decide([ScoredDoc(0.2, 1), ScoredDoc(0.1, 2)], T).decision is Decision.NO_ANSWER
    assert decide([], T).decision is Decision.NO_ANSWER


def test_thresholds_json_round_trip() -> None:
    assert Thresholds.from_json(T.to_json()) == T


def test_calibrate_meets_precision_target() -> None:
    results = {
        "confident_right": [ScoredDoc(0.95, 1), ScoredDoc(0.4, 2)],
        "confident_right2": [ScoredDoc(0.9, 1), ScoredDoc(0.3, 2)],
        "confident_wrong": [ScoredDoc(0.7, 2), ScoredDoc(0.6, 1)],
        "close": [ScoredDoc(0.6, 3), ScoredDoc(0.55, 1)],
        "lost": [ScoredDoc(0.2, 3), ScoredDoc(0.1, 2)],
    }
    qrels = {q: {1: 2} for q in results}
    t = calibrate(results, qrels, target_precision=1.0)
    decisions = {q: decide(r, t).decision for q, r in results.items()}
    assert decisions["confident_right"] is Decision.ANSWER
    assert decisions["confident_right2"] is Decision.ANSWER
    assert decisions["confident_wrong"] is not Decision.ANSWER
    assert decisions["close"] is Decision.CLARIFY
    assert decisions["lost"] is Decision.NO_ANSWER
