"""Round 13, Japanese / やさしい日本語 (issue 12, i12ag): a registration (出生の届け) asked about
is a service question, a Japanese question whose two rankings agree on the same two entries gets
a 更問 instead of a hand-over, and the question sets can name the other authority (他機関) a
hand-over must reach. The sentences were written for this test, not taken from any
tests/answer_quality/*.csv set."""

from __future__ import annotations

import pytest

from jichitai_ai.benchmark.demo_questions import Question, judge
from jichitai_ai.domain.models import Decision
from jichitai_ai.emergency.detector import detect_emergency
from jichitai_ai.emergency.kinds import EmergencyKind


@pytest.mark.parametrize(
    "text",
    [
        # On main: the medical card (まだ動けない is a described situation; 届け no service word).
        "帝王切開でまだ動けないんですが、出生の届けって夫が出してもいいですか",
        "母がまだ動けない状態で、死亡届は誰が出せばいいの",
    ],
)
def test_registrations_asked_about_get_no_emergency_card(text: str) -> None:
    assert detect_emergency(text) == []


@pytest.mark.parametrize("text", ["父が倒れて動けない", "祖母が階段から落ちて動けない"])
def test_people_who_cannot_move_are_still_emergencies(text: str) -> None:
    assert EmergencyKind.MEDICAL in detect_emergency(text)


def test_a_question_can_name_the_other_authority() -> None:
    tax = Question(
        "ja", "贈与税", frozenset(), outcome="handover", departments=frozenset({"税務署"})
    )
    assert judge(tax, Decision.NO_ANSWER, set(), None, "税務署")["helpful"]
    assert not judge(tax, Decision.NO_ANSWER, set(), None, "年金事務所")["helpful"]
    assert not judge(tax, Decision.NO_ANSWER, set(), None)["helpful"]  # the general contact
    general = Question(
        "ja", "x", frozenset(), outcome="handover", departments=frozenset({"general"})
    )
    # As before authorities could be named: "general" accepts any other authority too.
    assert judge(general, Decision.NO_ANSWER, set(), None, "税務署")["helpful"]
    assert judge(general, Decision.NO_ANSWER, set(), None)["helpful"]
