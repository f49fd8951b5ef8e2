"""An entry residents taught is offered as a choice, never imposed (issue 16, round 10).

On LocalGovFAQ, paraphrases whose right entry retrieval already ranked *first* were still
handed over (「美容師なんですが練習後の人形のゴミの出し方が分かりません」, ゴミの出し方 first): the
lessons of that entry were too loose to boost it, so no lesson made the wording "learned". With
``LearningParams.offer_first_similarity`` such a hand-over becomes a 更問 led by the taught entry;
with ``offer_similarity`` a taught entry ranked within ``offer_within`` but missing from the
choices takes the last of them. Neither ever makes an entry the direct answer, and both read
only lessons in force — fewer residents than the agreement threshold change nothing.
"""

from __future__ import annotations

from dataclasses import replace

from jichitai_ai.retrieval import LearningParams
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.feedback import Lesson
from jichitai_ai.services.search_index import TenantIndex

from .helpers import Town

TAUGHT = "粗大ごみを捨てたいのですが、どうすればいいですか"
#: Handed over without learning, lexical and hybrid; its first candidate is the 粗大ごみ entry.
LOOSE = "ごみの収集日"


def _index(town: Town) -> TenantIndex:
    with town.platform.db.read() as s:
        return town.platform.answering.index_for(s, tenant_service.get_tenant(s, town.slug))


def _offer_only(index: TenantIndex, **offer: float | None) -> None:
    """Lesson boosts and learned 言い換え off: only the offering rules act."""
    index.learning.params = replace(
        LearningParams(), min_similarity=1.01, index_weight=0.0, index_dense=False, **offer
    )


def test_a_hand_over_led_by_a_taught_entry_becomes_a_choice(town: Town) -> None:
    bulky = town.entry_ids[3]
    index = _index(town)
    plain = index.answer(LOOSE)
    assert plain.decision.value == "no_answer" and plain.ranked[0].entry_id == bulky
    index.set_learning([Lesson(1, bulky, 1, TAUGHT, None)])
    _offer_only(index, offer_first_similarity=None, offer_similarity=None)
    assert index.answer(LOOSE).decision.value == "no_answer"  # round 9: still handed over
    _offer_only(index, offer_first_similarity=0.1, offer_similarity=None)
    offered = index.answer(LOOSE)
    assert offered.decision.value == "clarify" and offered.entry_ids[0] == bulky
    assert [c.entry_id for c in offered.ranked] == [c.entry_id for c in plain.ranked]
    # A floor above the closeness: handed over as before.
    _offer_only(index, offer_first_similarity=0.99, offer_similarity=None)
    assert index.answer(LOOSE).decision.value == "no_answer"
    # A lesson *against* the entry for close wordings wins: not offered.
    index.set_learning([Lesson(1, bulky, 1, TAUGHT, None), Lesson(2, bulky, -1, LOOSE, None)])
    index.learning.params = replace(
        LearningParams(), max_boost=0.0, index_weight=0.0, index_dense=False
    )
    assert bulky in index.learning_effects(LOOSE).demoted
    assert index.answer(LOOSE).decision.value == "no_answer"


def test_a_taught_entry_near_the_choices_takes_the_last_one(town: Town) -> None:
    index = _index(town)
    question = "証明書を申請したい"  # a 更問 in both modes, with an entry of the top 5 left out
    plain = index.answer(question)
    ranking = [c.entry_id for c in plain.ranked]
    assert plain.decision.value == "clarify"
    missing = next(e for e in ranking[:5] if e not in plain.entry_ids)
    index.set_learning([Lesson(1, missing, 1, "住民票の証明書が欲しいです", None)])
    _offer_only(index, offer_first_similarity=None, offer_similarity=None)
    assert index.answer(question).entry_ids == plain.entry_ids
    _offer_only(index, offer_first_similarity=None, offer_similarity=0.1, offer_within=5)
    lifted = index.answer(question)
    assert lifted.decision.value == "clarify"
    assert len(lifted.entry_ids) <= 3 and lifted.entry_ids[-1] == missing
    assert lifted.entry_ids[:-1] == plain.entry_ids[: len(lifted.entry_ids) - 1]
    # Ranked below ``offer_within``: not offered.
    _offer_only(
        index,
        offer_first_similarity=None,
        offer_similarity=0.1,
        offer_within=ranking.index(missing),
    )
    assert index.answer(question).entry_ids == plain.entry_ids


def test_only_residents_agreeing_make_a_taught_entry_offered(town: Town) -> None:
    """Shipped defaults, over HTTP: 1 and 2 residents (and repeat sessions of one) change
    nothing for the loose wording; the third distinct resident puts the lesson in force."""
    bulky = town.entry_ids[3]
    before = town.outcome(LOOSE)
    assert before.decision == "no_answer"
    for session in range(3):
        town.teach(town.resident(70, f"repeat-{session:04d}-abcdefgh"), TAUGHT, bulky)
    town.assert_nothing_learned(LOOSE, before)
    town.teach(town.resident(71), TAUGHT, bulky)
    town.assert_nothing_learned(LOOSE, before)
    town.teach(town.resident(72), TAUGHT, bulky)
    after = town.outcome(LOOSE)
    assert after.decision == "clarify" and after.shown[0] == bulky
