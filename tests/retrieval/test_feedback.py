from datetime import datetime, timedelta

from jichitai_ai.retrieval import (
    NOT_RESOLVED,
    RESOLVED,
    FeedbackEvent,
    FeedbackModel,
    FeedbackParams,
    ScoredDoc,
)
from jichitai_ai.text import Tokenizer

NOW = datetime(2026, 11, 26, 12, 0)


def _event(
    tok: Tokenizer, text: str, entry: int, signal: float, actor: str, days_ago: float = 0
) -> FeedbackEvent:
    return FeedbackEvent(
        tuple(tok.tokenize(text)), entry, signal, actor, NOW - timedelta(days=days_ago)
    )


def test_feedback_moves_an_entry_up_for_similar_questions(tokenizer: Tokenizer) -> None:
    candidates = [ScoredDoc(0.80, 10), ScoredDoc(0.75, 20)]
    events = [
        _event(tokenizer, "粗大ごみの回収を頼みたい", 20, RESOLVED, f"s{i}") for i in range(5)
    ]
    model = FeedbackModel(events)
    similar = tokenizer.tokenize("粗大ごみの回収を頼みたいです")
    assert [d.doc_id for d in model.rerank(candidates, similar, NOW)] == [20, 10]
    unrelated = tokenizer.tokenize("児童手当の申請")
    assert [d.doc_id for d in model.rerank(candidates, unrelated, NOW)] == [10, 20]
    model.reset_entry(20)
    assert model.boosts(similar, NOW) == {}


def test_one_actor_flooding_is_capped(tokenizer: Tokenizer) -> None:
    params = FeedbackParams()
    flood = FeedbackModel(
        [_event(tokenizer, "ごみの出し方", 1, RESOLVED, "spammer") for _ in range(1000)]
    )
    crowd = FeedbackModel(
        [_event(tokenizer, "ごみの出し方", 1, RESOLVED, f"u{i}") for i in range(1000)]
    )
    q = tokenizer.tokenize("ごみの出し方")
    one = flood.boosts(q, NOW)[1]
    many = crowd.boosts(q, NOW)[1]
    single = FeedbackModel([_event(tokenizer, "ごみの出し方", 1, RESOLVED, "x")]).boosts(q, NOW)[1]
    assert one == single  # 1000 votes of one session count like its first
    assert many > one
    assert many <= params.max_boost  # total bound


def test_negative_feedback_and_decay(tokenizer: Tokenizer) -> None:
    q = tokenizer.tokenize("ごみの出し方")
    fresh = FeedbackModel([_event(tokenizer, "ごみの出し方", 1, NOT_RESOLVED, "a")]).boosts(q, NOW)[
        1
    ]
    old = FeedbackModel(
        [_event(tokenizer, "ごみの出し方", 1, NOT_RESOLVED, "a", days_ago=90)],
        FeedbackParams(half_life_days=90),
    ).boosts(q, NOW)[1]
    assert fresh < old < 0
    assert 0.45 < old / fresh < 0.55  # one half-life: about half (tanh is near-linear here)
