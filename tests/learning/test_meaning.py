"""Lessons matched by meaning (hybrid mode): a wording with no word in common with what
residents taught still reaches the lesson when its embedding is close, and only then."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import numpy as np

from jichitai_ai.retrieval import LearningModel, LearningParams
from jichitai_ai.retrieval._feedback import DEMOTE, LearnedPhrasing
from jichitai_ai.timeutil import utcnow


def _unit(*values: float) -> np.ndarray:
    v = np.asarray(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def _model(params: LearningParams | None = None) -> LearningModel:
    model = LearningModel(
        [
            LearnedPhrasing(1, entry_id=10, terms=("母子家庭", "補助")),
            LearnedPhrasing(2, entry_id=20, terms=("粗大ごみ", "出す"), polarity=DEMOTE),
        ],
        params=params,
    )
    model.set_vectors(np.stack([_unit(1, 0, 0), _unit(0, 1, 0)]))
    return model


def test_a_close_embedding_reaches_a_lesson_without_shared_words() -> None:
    model = _model()
    near = _unit(1, 0.2, 0)  # cosine ≈ 0.98 with lesson 1
    effects = model.effects(["シングルマザー", "支援"], utcnow(), near)
    assert set(effects.boosts) == {10} and not effects.demoted
    assert effects.because[10][0] == 1 and 0.7 < effects.similarity_of(10) <= 1.0
    # Without the embedding the same wording shares no word: no effect.
    assert not model.effects(["シングルマザー", "支援"], utcnow())


def test_a_distant_embedding_changes_nothing() -> None:
    model = _model()
    far = _unit(1, 1, 1)  # cosine ≈ 0.58 with each lesson: below the floor
    assert not model.effects(["市民病院"], utcnow(), far)


def test_demotions_by_meaning_and_the_floor_switch() -> None:
    model = _model()
    near_demote = _unit(0.1, 1, 0)
    effects = model.effects(["大型", "家具"], utcnow(), near_demote)
    assert effects.demoted == {20} and not effects.boosts
    # dense_floor None: wording only, the embedding is ignored.
    lexical_only = _model(replace(LearningParams(), dense_floor=None))
    assert not lexical_only.has_vectors
    assert not lexical_only.effects(["大型", "家具"], utcnow(), near_demote)


def test_expired_lessons_do_not_apply_by_meaning_either() -> None:
    model = LearningModel(
        [LearnedPhrasing(1, 10, ("母子家庭",), expires_at=utcnow() - timedelta(days=1))]
    )
    model.set_vectors(np.stack([_unit(1, 0)]))
    assert not model.effects(["シングルマザー"], utcnow(), _unit(1, 0))


def test_one_vector_per_lesson_is_required() -> None:
    model = _model()
    try:
        model.set_vectors(np.stack([_unit(1, 0, 0)]))
    except ValueError:
        return
    raise AssertionError("a vector count that does not match the lessons must be refused")


def test_meaning_agrees_with_brute_force_cosines() -> None:
    """Differential: the similarities the model uses equal the rescaled cosines computed
    directly, for random unit vectors."""
    rng = np.random.default_rng(7)
    lessons = [LearnedPhrasing(i, entry_id=i, terms=(f"t{i}",)) for i in range(40)]
    vectors = rng.normal(size=(40, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    params = replace(LearningParams(), dense_floor=0.5, min_similarity=0.0, boost_power=1.0)
    model = LearningModel(lessons, params=params)
    model.set_vectors(vectors)
    for _ in range(20):
        q = rng.normal(size=8).astype(np.float32)
        q /= np.linalg.norm(q)
        effects = model.effects([], utcnow(), q)
        for i in range(40):
            expected = min((float(vectors[i] @ q) - 0.5) / 0.5, 1.0)
            if expected > 0:
                assert abs(effects.similarity_of(i) - expected) < 1e-5
                assert abs(effects.boosts[i] - params.max_boost * expected) < 1e-5
            else:
                assert i not in effects.boosts
