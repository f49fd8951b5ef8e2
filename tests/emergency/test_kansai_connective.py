"""The 関西弁 connective のやけど / んやけど (= のだけど) is no burn (やけど) for the cue layer.

Found on round 10's blind resident set: 「…誰もおらんのやけど預け先ある？」 (a son, "now"-like
words) got the medical card instead of the after-school answers.
"""

from __future__ import annotations

import pytest

from jichitai_ai.emergency.detector import detect_emergency
from jichitai_ai.emergency.kinds import EmergencyKind


@pytest.mark.parametrize(
    "text",
    [
        "4月から小1の息子、放課後うちに誰もおらんのやけど預け先ある？",
        "娘が来年から中学なんやけど、今から塾の補助って申し込める？",
    ],
)
def test_kansai_connective_is_no_burn(text: str) -> None:
    assert detect_emergency(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "今、息子が熱湯でやけどした",
        "父は足をやけどして動けない",
        "うちの子が今やけどして皮がむけてる",
        "母の手のやけどがひどくて今も痛がってる",
    ],
)
def test_a_burn_is_still_a_medical_emergency(text: str) -> None:
    assert EmergencyKind.MEDICAL in detect_emergency(text)
