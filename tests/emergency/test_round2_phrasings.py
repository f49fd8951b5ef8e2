"""Emergency phrasings from the round-2 resident set that the patterns missed (symptoms
conjugated 胸が痛くて息ができない, a threat with a knife) and an ordinary question they
wrongly caught (water coming *out of* a tap is a 水道 question, not a flood)."""

from __future__ import annotations

import pytest

from jichitai_ai.emergency import detect_emergency
from jichitai_ai.emergency.detector import EmergencyKind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("胸が痛くて息ができない", EmergencyKind.MEDICAL),
        ("父が胸が苦しくて動けません", EmergencyKind.MEDICAL),
        ("息ができません", EmergencyKind.MEDICAL),
        ("My neighbor is threatening me with a knife", EmergencyKind.CRIME),
        ("He says he is going to kill me", EmergencyKind.CRIME),
        ("隣の人に殺すと脅されています", EmergencyKind.CRIME),
        ("有人用刀威胁我", EmergencyKind.CRIME),
        ("옆집 사람이 칼로 협박해요", EmergencyKind.CRIME),
        ("Water is coming in through the door, the street is flooding", EmergencyKind.DISASTER),
    ],
)
def test_detected(text: str, kind: EmergencyKind) -> None:
    assert kind in detect_emergency(text)


@pytest.mark.parametrize(
    "text",
    [
        "No water is coming out of my tap",
        "Water is coming out of the meter box, who do I call?",
        "knife sharpening class at the community center",
        "粗大ごみで包丁を捨てたい",
        "呼吸器の障害で障害者手帳を申請したい",
    ],
)
def test_ordinary_questions_stay_questions(text: str) -> None:
    assert detect_emergency(text) == []
