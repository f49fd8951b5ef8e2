"""Round 13, Japanese / やさしい日本語 (issue 12, i12ag): a registration (出生の届け) asked about
is a service question, a Japanese question whose two rankings agree on the same two entries gets
a 更問 instead of a hand-over, the question sets can name the other authority (他機関) a
hand-over must reach, and (behind ``other_authority_exclusive_margin``, off by default) an
exclusive word no entry uses hands over within that margin. The sentences were written for this test, not taken from any
tests/answer_quality/*.csv set."""

from __future__ import annotations

import functools
from types import SimpleNamespace

import numpy as np
import pytest

from jichitai_ai.benchmark.demo_questions import Question, judge
from jichitai_ai.domain.models import Decision
from jichitai_ai.emergency.detector import detect_emergency
from jichitai_ai.emergency.kinds import EmergencyKind
from jichitai_ai.retrieval import ScoredDoc, Thresholds
from jichitai_ai.services import other_authorities as oa
from jichitai_ai.services.search_index import Candidate, Outcome, TenantIndex


@pytest.mark.parametrize(
    ("text", "still_an_emergency"),
    [
        # On main: the medical card (まだ動けない is a described situation; 届け no service word).
        (
            "帝王切開でまだ動けないんですが、出生の届けって夫が出してもいいですか",
            "父が倒れて動けない",
        ),
        ("母がまだ動けない状態で、死亡届は誰が出せばいいの", "祖母が階段から落ちて動けない"),
    ],
)
def test_registrations_asked_about_get_no_emergency_card(
    text: str, still_an_emergency: str
) -> None:
    assert detect_emergency(text) == []
    # Someone who cannot move, with no registration asked about, still gets the card.
    assert EmergencyKind.MEDICAL in detect_emergency(still_an_emergency)


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


class _AxisEmbedder:
    """Topic vectors along fixed axes: 相続税と贈与税 → x, 天気予報 → y."""

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        axes = {"相続税と贈与税": [1.0, 0.0], "天気予報": [0.0, 1.0]}
        return np.array([axes[t] for t in texts], dtype=np.float32)


def test_an_exclusive_word_hands_over_within_the_word_margin() -> None:
    authorities = oa.configured(
        {
            "other_authorities": [
                {
                    "name": {"ja": "税務署"},
                    "topics": ["相続税と贈与税"],
                    "words": ["相続税"],
                    "exclusive_words": ["相続税"],
                },
                {"name": {"ja": "気象台"}, "topics": ["天気予報"]},
            ]
        }
    )
    matcher = oa.AuthorityMatcher(authorities, _AxisEmbedder())
    near_tax = np.array([1.0, 0.0], dtype=np.float32)  # cosine 1.0 to the tax topic
    needed = (0.045, 0.025)
    question = "父が亡くなって相続税の申告って自分でできる？"
    # An entry (相続の戸籍) .014 closer than the tax office's topic: on main, no hand-over.
    found = oa.handed_to(matcher, question, near_tax, 1.014, needed, lambda w: False, 0.025)
    assert found is not None and found.name["ja"] == "税務署"
    # Beyond the word margin the entry still wins, and a word an entry uses is no exclusive one.
    assert oa.handed_to(matcher, question, near_tax, 1.03, needed, lambda w: False, 0.025) is None
    # Off (the default): the entry wins.
    assert oa.handed_to(matcher, question, near_tax, 1.014, needed, lambda w: False) is None
    assert oa.exclusive_margin({}) == 0.0
    assert oa.exclusive_margin({"other_authority_exclusive_margin": "0.025"}) == 0.025
    assert oa.handed_to(matcher, question, near_tax, 1.014, needed, lambda w: True, 0.025) is None


class _Signals:
    def near_duplicate(self, a: int, b: int) -> bool:
        return False


def _handed_over(first_two: list[int]) -> Outcome:
    ranked = [Candidate(e, s) for e, s in zip([*first_two, 9], [0.97, 0.93, 0.7], strict=True)]
    return Outcome(Decision.NO_ANSWER, [], ranked, 0.3, 0.87)


def test_a_pair_both_rankings_put_first_is_offered() -> None:
    index = SimpleNamespace(thresholds=Thresholds(), decision_model=None, signals=_Signals())
    index._clarified = functools.partial(TenantIndex._clarified, index)  # type: ignore[arg-type]
    offer = functools.partial(TenantIndex._agreed_pair_offered, index)  # type: ignore[arg-type]
    question = "母の入院費がひと月で大変な額になった。あとで戻ってくる制度があるって聞いた"
    dense = [ScoredDoc(0.867, 2), ScoredDoc(0.864, 1), ScoredDoc(0.85, 9)]
    found = offer(question, dense, _handed_over([1, 2]))  # the same pair, in the other order
    assert found.decision is Decision.CLARIFY and found.entry_ids[:2] == [1, 2]
    # Only one entry shared: still handed over; an all-kana question is the meaning path's.
    assert offer(question, dense, _handed_over([1, 3])).decision is Decision.NO_ANSWER
    kana = "はははは にゅういんひが たかい"
    assert offer(kana, dense, _handed_over([1, 2])).decision is Decision.NO_ANSWER
