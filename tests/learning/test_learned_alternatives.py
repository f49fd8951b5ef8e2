"""Learned 言い換え: what residents taught, indexed like the entry's own alternatives (issue 16).

A question that enough distinct residents resolved with an entry becomes one more wording of
that entry in the lexical index (a BM25 field of its own) and in the dense index (one more
vector of the entry), so other wordings of the same need find it through normal retrieval.
Only lessons in force are indexed: one address, however many sessions, indexes nothing.
Runs in lexical and hybrid mode (hashing embedder) on SQLite and PostgreSQL.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest

from jichitai_ai.retrieval import BM25Params, LearningModel, LexicalIndex
from jichitai_ai.retrieval._feedback import DEMOTE, LearnedPhrasing
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.search_index import TenantIndex
from jichitai_ai.timeutil import utcnow

from .helpers import Town

#: Several certificates fit (a 更問 in lexical and hybrid mode): residents pick the one they need.
TAUGHT = "証明書を申請したい"
PARAPHRASE = "証明書の申請"


def _index(town: Town) -> TenantIndex:
    with town.platform.db.read() as s:
        return town.platform.answering.index_for(s, tenant_service.get_tenant(s, town.slug))


def _target(town: Town) -> int:
    """The entry residents need: the second candidate for the taught wording."""
    seen = town.outcome(TAUGHT)
    assert seen.decision == "clarify" and len(seen.shown) >= 2
    return seen.shown[1]


def test_a_taught_wording_reaches_other_wordings_through_the_index(town: Town) -> None:
    target = _target(town)
    before = town.outcome(PARAPHRASE)
    assert before.ranking[0] != target
    for n in range(3):
        town.teach(town.resident(10 + n), TAUGHT, target)
    index = _index(town)
    assert [x.entry_id for x in index.learning.promoting()] == [target]
    # The lesson's boost switched off: indexing alone puts the entry first for the paraphrase ...
    indexed = replace(index.learning.params, max_boost=0.0)
    index.learning.params = indexed
    assert town.outcome(PARAPHRASE).ranking[0] == target
    assert index.learning.alternative_terms(target, utcnow())
    # ... and without the indexed 言い換え (nor the boost, nor the near-tie rule) the ranking
    # is what it was.
    index.learning.params = replace(
        indexed, index_weight=0.0, index_dense=False, tie_margin=None, tie_margin_with_meaning=None
    )
    assert town.outcome(PARAPHRASE).ranking[0] == before.ranking[0]


@pytest.mark.parametrize("sessions", [1, 3, 10, 30])
def test_sessions_from_one_address_index_nothing(town: Town, sessions: int) -> None:
    target = _target(town)
    probes = [TAUGHT, PARAPHRASE, "証明書を発行してほしい"]
    before = {q: town.outcome(q) for q in probes}
    for n in range(sessions):
        town.teach(town.resident(77, session=f"flood-{n:04d}-abcdefgh"), TAUGHT, target)
    assert _index(town).learning.promoting() == []
    for q in probes:
        after = town.outcome(q)
        assert (after.decision, after.shown, after.ranking) == (
            before[q].decision,
            before[q].shown,
            before[q].ranking,
        ), q
    # A second address is not enough either; a third distinct resident meets the threshold.
    town.teach(town.resident(78), TAUGHT, target)
    assert _index(town).learning.promoting() == []
    assert town.outcome(PARAPHRASE).ranking == before[PARAPHRASE].ranking
    town.teach(town.resident(79), TAUGHT, target)
    assert [x.entry_id for x in _index(town).learning.promoting()] == [target]


def test_an_editors_reject_and_reset_take_the_wording_out_of_the_index(town: Town) -> None:
    target = _target(town)
    for n in range(3):
        town.teach(town.resident(20 + n), TAUGHT, target)
    with town.platform.db.read() as s:
        lesson = feedback_service.active_lessons(s, town.tenant_id)[0]
    with town.platform.db.write() as s:
        feedback_service.decide_lesson(s, town.tenant_id, lesson.lesson_id, "rejected", "editor")
    assert _index(town).learning.promoting() == []
    with town.platform.db.write() as s:
        feedback_service.decide_lesson(s, town.tenant_id, lesson.lesson_id, "approved", "editor")
    assert [x.entry_id for x in _index(town).learning.promoting()] == [target]
    with town.platform.db.write() as s:
        feedback_service.reset(s, town.tenant_id, lesson_id=lesson.lesson_id)
    assert _index(town).learning.promoting() == []


def _phrasing(i: int, entry: int, terms: list[str], **kw: object) -> LearnedPhrasing:
    return LearnedPhrasing(i, entry_id=entry, terms=tuple(terms), **kw)  # type: ignore[arg-type]


def test_the_learned_field_scores_as_bm25_over_the_lessons_of_each_entry() -> None:
    """Differential: the learning model's BM25 of the learned field equals a LexicalIndex
    built over one document per entry holding its lessons' words (same IDF, k1, b)."""
    rng = random.Random(16)
    words = [f"w{i}" for i in range(25)]
    lessons = [
        _phrasing(i, rng.randrange(6), rng.sample(words, rng.randint(1, 6))) for i in range(30)
    ]
    by_entry: dict[int, list[str]] = {}
    for x in lessons:
        by_entry.setdefault(x.entry_id, []).extend(x.terms)
    peer = LexicalIndex(
        [(e, {"learned": terms}) for e, terms in sorted(by_entry.items())],
        BM25Params(field_weights={"learned": 1.0}),
    )

    def idf(term: str) -> float:
        return float(peer.idf[peer.vocabulary[term]]) if term in peer.vocabulary else 0.0

    model = LearningModel(lessons, idf)
    now = utcnow()
    for _ in range(40):
        query = rng.sample(words, rng.randint(1, 5))
        expected = dict(zip(peer.doc_ids.tolist(), peer.score_terms(query).tolist(), strict=True))
        got = model.lexical_scores(query, now)
        assert set(got) == {e for e, s in expected.items() if s > 0}
        for entry, score in got.items():
            assert score == pytest.approx(expected[entry], rel=1e-5)


def test_only_promoting_lessons_in_force_are_indexed() -> None:
    now = utcnow()
    model = LearningModel(
        [
            _phrasing(1, 10, ["粗大", "ごみ"]),
            _phrasing(2, 11, ["粗大", "ごみ"], polarity=DEMOTE),
            _phrasing(3, 12, ["粗大", "ごみ"], expires_at=now - timedelta(days=1)),
        ]
    )
    assert set(model.lexical_scores(["粗大", "ごみ"], now)) == {10}
    model.set_alternative_vectors(np.eye(2, dtype=np.float32))  # lessons 1 and 3
    assert model.dense_scores(np.array([0.6, 0.8], dtype=np.float32), now) == {
        10: pytest.approx(0.6)
    }
    with pytest.raises(ValueError):
        model.set_alternative_vectors(np.eye(3, dtype=np.float32))
