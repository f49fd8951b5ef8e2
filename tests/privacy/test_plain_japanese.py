"""やさしい日本語 is written in spaced hiragana, so two hiragana words before a particle look
like 「やまもと ゆうき」. Residents' questions in it must stay readable in the question log
(editors learn from them), while spaced kana names with a cue or a known reading stay masked."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import Detector
from jichitai_ai.privacy._types import EntityType


def _persons(detector: Detector, text: str) -> list[str]:
    return [e.text for e in detector.detect(text) if e.type is EntityType.PERSON]


@pytest.mark.parametrize(
    "question",
    [
        "ごみの わけかたを おしえて ください",
        "こどもの けんこうを しらべたい",
        "ぜいきんの はらいかたを しりたい",
        "ほいくえんに ついて おしえて",
        "びょういんの ばしょが わかりません",
        "にほんごの きょうしつは ありますか",
        "じしんの ときは どこに にげますか",
        "すいどうの おかねを はらいたい",
    ],
)
def test_plain_japanese_questions_keep_their_words(detector: Detector, question: str) -> None:
    assert _persons(detector, question) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("やまもと ゆうきです。ほいくえんに ついて", "やまもと ゆうき"),  # cue: です
        ("ふくなが じゅんぺい くんの そうだん", "ふくなが じゅんぺい"),  # cue after a space
        ("たなか はなこが きました", "たなか はなこ"),  # known surname and given-name readings
        ("いのうえ みのるの しんせいしょ", "いのうえ みのる"),  # known surname reading
    ],
)
def test_spaced_kana_names_with_evidence_stay_masked(
    detector: Detector, text: str, name: str
) -> None:
    assert name in _persons(detector, text)
