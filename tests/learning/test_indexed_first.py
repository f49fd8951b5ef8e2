"""An entry lifted by its learned 言い換え alone takes first place only from near the top
(issue 16, round 8, ``LearningParams.indexed_first_within``; measured, off by default).

A lesson in force is also indexed like one of its entry's 言い換え (round 3), so its words lift
the entry for questions no lesson is close enough to boost. On LocalGovFAQ that lifted an
entry from 11th / 12th place over the right entry retrieval alone put first, for
「独り暮らしで、大型のゴミを…持っていけない場合」 (lexical) and 「保育所探したいんやけど」 (hybrid).
With the option set, such an entry takes first place only from retrieval's own top
``indexed_first_within``; from further down it ranks right below retrieval's first entry, and
residents see what retrieval alone shows them.
"""

from __future__ import annotations

from dataclasses import replace

from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.feedback import Lesson
from jichitai_ai.services.search_index import TenantIndex

from .helpers import Town

QUESTION = "粗大ごみを出したいのですが、どこに申し込めばいいですか"


def _index(town: Town) -> TenantIndex:
    with town.platform.db.read() as s:
        return town.platform.answering.index_for(s, tenant_service.get_tenant(s, town.slug))


def test_an_indexed_entry_takes_first_place_only_from_near_the_top(town: Town) -> None:
    index = _index(town)
    plain = index.answer(QUESTION)
    ranking = [c.entry_id for c in plain.ranked]
    assert len(ranking) >= 2
    far = ranking[-1]
    place = ranking.index(far)
    index.set_learning([Lesson(1, far, 1, QUESTION, None)])
    # No lesson boost (closeness floor above 1), the learned field unbounded by the rivals:
    # indexing alone lifts the entry; keep_answer off so only the new rule is at work.
    lifted = replace(
        index.learning.params,
        min_similarity=1.01,
        index_rivals="off",
        index_weight=50.0,
        keep_answer=False,
    )
    index.learning.params = replace(lifted, indexed_first_within=None)
    assert not index.learning_effects(QUESTION).boosts
    assert index.answer(QUESTION).ranked[0].entry_id == far  # round 7: first from far down
    # From further down than the limit: retrieval's first entry stays first and residents see
    # what retrieval alone shows; the lifted entry ranks right below it.
    index.learning.params = replace(lifted, indexed_first_within=place)
    kept = index.answer(QUESTION)
    assert [c.entry_id for c in kept.ranked[:2]] == [ranking[0], far]
    assert (kept.decision, kept.entry_ids) == (plain.decision, plain.entry_ids)
    assert sorted(c.entry_id for c in kept.ranked) == sorted(
        c.entry_id for c in index.answer(QUESTION).ranked
    )
    # Within the limit, the learned wording may put its entry first.
    index.learning.params = replace(lifted, indexed_first_within=place + 1)
    assert index.answer(QUESTION).ranked[0].entry_id == far


def test_a_lesson_close_enough_to_boost_is_not_held_back(town: Town) -> None:
    index = _index(town)
    ranking = [c.entry_id for c in index.answer(QUESTION).ranked]
    far = ranking[-1]
    index.set_learning([Lesson(1, far, 1, QUESTION, None)])
    # The question is the wording residents taught: the lesson boosts its entry (similarity
    # 1), so the rule does not apply even with the tightest limit.
    index.learning.params = replace(
        index.learning.params, indexed_first_within=1, boost_rivals="off", max_boost=2.0
    )
    assert index.learning_effects(QUESTION).similarity_of(far) >= 0.99
    assert index.answer(QUESTION).ranked[0].entry_id == far
