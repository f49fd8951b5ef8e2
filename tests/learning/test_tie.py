"""Residents break retrieval's near ties (頻度学習; issue 16, round 12).

Where retrieval scores two entries within ``LearningParams.tie_margin`` of each other it cannot
tell which need the question is about; if residents taught one of them for a wording close to
the question (at least ``tie_similarity``, closer than anything taught for the first), that
entry ranks first. Never from further down than the margin, never over a demotion, never from
lessons below the agreement threshold (only lessons in force reach the model).
"""

from __future__ import annotations

from dataclasses import replace

from jichitai_ai.retrieval import LearningParams, ScoredDoc
from jichitai_ai.retrieval._feedback import LearningModel
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.feedback import Lesson
from jichitai_ai.services.search_index import TenantIndex

from .helpers import Town

RANKED = [ScoredDoc(1.0, 1), ScoredDoc(0.97, 2), ScoredDoc(0.96, 3), ScoredDoc(0.5, 4)]


def _model(**params: float | None) -> LearningModel:
    return LearningModel(params=replace(LearningParams(), **params))


def _ids(ranked: list[ScoredDoc]) -> list[int]:
    return [d.doc_id for d in ranked]


def test_the_taught_entry_of_a_near_tie_ranks_first() -> None:
    closeness = {2: 0.4}.get
    broken = _model(tie_margin=0.05).tie_broken(RANKED, lambda e: closeness(e, 0.0))
    assert _ids(broken) == [2, 1, 3, 4]
    assert broken[0].score == 1.0  # the level of the first place stays retrieval's
    # Of two taught entries in the tie, the one taught for the closer wording.
    closer = {2: 0.2, 3: 0.6}.get
    assert _ids(_model(tie_margin=0.05).tie_broken(RANKED, lambda e: closer(e, 0.0))) == [
        3,
        1,
        2,
        4,
    ]


def test_no_tie_no_lesson_close_enough_or_off_changes_nothing() -> None:
    far = {4: 1.0}.get
    assert _ids(_model(tie_margin=0.05).tie_broken(RANKED, lambda e: far(e, 0.0))) == [1, 2, 3, 4]
    near = {2: 0.4}.get
    # Outside the margin (0.03 apart), off, below the floor.
    assert _ids(_model(tie_margin=0.02).tie_broken(RANKED, lambda e: near(e, 0.0))) == [
        1,
        2,
        3,
        4,
    ]
    assert _ids(_model(tie_margin=None).tie_broken(RANKED, lambda e: near(e, 0.0))) == [
        1,
        2,
        3,
        4,
    ]
    assert _ids(
        _model(tie_margin=0.05, tie_similarity=0.5).tie_broken(RANKED, lambda e: near(e, 0.0))
    ) == [1, 2, 3, 4]


def test_the_first_keeps_its_place_when_taught_as_close_or_the_other_is_demoted() -> None:
    both = {1: 0.4, 2: 0.4}.get
    model = _model(tie_margin=0.05)
    assert _ids(model.tie_broken(RANKED, lambda e: both(e, 0.0))) == [1, 2, 3, 4]
    only = {2: 0.4}.get
    assert _ids(model.tie_broken(RANKED, lambda e: only(e, 0.0), demoted={2})) == [1, 2, 3, 4]


def _index(town: Town) -> TenantIndex:
    with town.platform.db.read() as s:
        return town.platform.answering.index_for(s, tenant_service.get_tenant(s, town.slug))


def _tie_only(
    index: TenantIndex,
    margin: float | None,
    floor: float = 1.01,
    *,
    with_meaning: float | str | None = "same",
) -> None:
    """Lesson boosts and learned 言い換え off: only the tie rule acts (``floor`` 0.3 lets a
    demotion act; boosts stay 0). ``margin`` for both modes unless ``with_meaning`` is given."""
    index.learning.params = replace(
        LearningParams(),
        min_similarity=floor,
        max_boost=0.0,
        index_weight=0.0,
        index_dense=False,
        keep_answer=False,
        tie_margin=margin,
        tie_margin_with_meaning=margin if with_meaning == "same" else with_meaning,
    )


def test_each_mode_has_its_own_margin_and_only_lexical_is_on() -> None:
    """The margin is in fused-score units, whose spread differs when meaning is on (round 13)."""
    shipped = LearningModel()
    assert shipped.tie_margin(with_meaning=False) == 0.05
    assert shipped.tie_margin(with_meaning=True) is None
    near = {2: 0.4}.get
    # As shipped: a lexical index breaks the tie, a hybrid one leaves retrieval's order.
    assert _ids(shipped.tie_broken(RANKED, lambda e: near(e, 0.0))) == [2, 1, 3, 4]
    assert _ids(shipped.tie_broken(RANKED, lambda e: near(e, 0.0), with_meaning=True)) == [
        1,
        2,
        3,
        4,
    ]
    # A hybrid margin of its own applies only with meaning.
    hybrid_only = _model(tie_margin=None, tie_margin_with_meaning=0.05)
    assert _ids(hybrid_only.tie_broken(RANKED, lambda e: near(e, 0.0))) == [1, 2, 3, 4]
    assert _ids(hybrid_only.tie_broken(RANKED, lambda e: near(e, 0.0), with_meaning=True)) == [
        2,
        1,
        3,
        4,
    ]


def test_in_the_index_a_lesson_in_force_decides_the_tie(town: Town) -> None:
    index = _index(town)
    question = "証明書が欲しい"
    plain, _ = index.rank(question)
    first, second = plain[0], plain[1]
    gap = first.score - second.score
    # The second entry taught for this very wording; the first never.
    index.set_learning([Lesson(1, second.doc_id, 1, question, None)])
    _tie_only(index, None)
    assert _ids(index.rank(question)[0])[:2] == [first.doc_id, second.doc_id]
    _tie_only(index, gap / 2 if gap > 0 else None)
    assert _ids(index.rank(question)[0])[:2] == [first.doc_id, second.doc_id]
    _tie_only(index, gap + 1e-6)
    broken, _ = index.rank(question)
    assert _ids(broken)[:2] == [second.doc_id, first.doc_id]
    assert broken[0].score == first.score
    # A lesson against it for this wording: the tie stays retrieval's.
    index.set_learning(
        [Lesson(1, second.doc_id, 1, question, None), Lesson(2, second.doc_id, -1, question, None)]
    )
    _tie_only(index, gap + 1e-6, floor=0.3)
    assert second.doc_id in index.learning_effects(question).demoted
    assert _ids(index.rank(question)[0])[:2] == [first.doc_id, second.doc_id]
    # No lesson in force (fewer residents than the threshold reach the model as none).
    index.set_learning([])
    _tie_only(index, gap + 1e-6)
    assert _ids(index.rank(question)[0])[:2] == [first.doc_id, second.doc_id]


def test_in_the_index_only_the_margin_of_its_mode_applies(town: Town) -> None:
    """A lexical index reads ``tie_margin``, a hybrid one ``tie_margin_with_meaning``: a hybrid
    index is unaffected by the lexical margin and the reverse."""
    index = _index(town)
    hybrid = index.searcher.dense is not None
    assert hybrid == (town.platform.answering.factory.embedder is not None)
    question = "証明書が欲しい"
    plain, _ = index.rank(question)
    first, second = plain[0], plain[1]
    index.set_learning([Lesson(1, second.doc_id, 1, question, None)])
    wide = first.score - second.score + 1e-6
    _tie_only(index, wide, with_meaning=None)
    lexical_margin = _ids(index.rank(question)[0])[:2]
    _tie_only(index, None, with_meaning=wide)
    meaning_margin = _ids(index.rank(question)[0])[:2]
    broken, kept = [second.doc_id, first.doc_id], [first.doc_id, second.doc_id]
    assert (lexical_margin, meaning_margin) == ((kept, broken) if hybrid else (broken, kept))
    # The shipped margins (only the boosts switched off): a hybrid index ranks as with the
    # rule off; a lexical one as with 0.05 set by hand.
    index.learning.params = replace(
        LearningParams(),
        min_similarity=1.01,
        max_boost=0.0,
        index_weight=0.0,
        index_dense=False,
        keep_answer=False,
    )
    shipped = _ids(index.rank(question)[0])
    _tie_only(index, None if hybrid else 0.05, with_meaning=None)
    assert shipped == _ids(index.rank(question)[0])
