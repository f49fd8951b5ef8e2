"""The strict profile's extra person rules (examples written for these tests)."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import Detector, DetectorConfig, detect
from jichitai_ai.privacy._strict import ALL_RULES, STRICT_RULES


@pytest.fixture(scope="module")
def strict() -> Detector:
    return Detector(DetectorConfig(profile="strict", reference_year=2026))


def _persons(detector: Detector, text: str) -> list[str]:
    return [e.text for e in detector.detect(text) if e.type.value == "person"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # katakana_context: a synonym-less katakana noun as subject / object
        ("昨日、コスグローヴが窓口に来ました。", "コスグローヴ"),
        # surname_given: 岡本 / 宗像 are tagged 地名 but are also surname entries
        ("担当の岡本三司に確認します。", "岡本三司"),
        ("宗像凛に連絡した。", "宗像凛"),
        # quoted_names: a full 人名 run in quotes
        ("書類には「佐藤花子」と書いてください。", "佐藤花子"),
    ],
)
def test_strict_finds_names_the_standard_profile_misses(
    strict: Detector, detector: Detector, text: str, name: str
) -> None:
    assert name in _persons(strict, text)
    assert name not in _persons(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "プログラムは来週から始まります。",  # loanword with a synonym group
        "レッドカードを出した。",  # katakana compound (mode A splits it)
        "サッカーボールが見つかった。",
        "宮崎県は晴れ。",  # surname entry + place suffix
        "近江国に入った。",
        "三原市内で開催。",
        "赤穂藩は改易された。",
        "オンライン申請は可能ですか。",
        "マイナンバーカードを更新したい。",
        "「ふるさと」という歌です。",
    ],
)
def test_strict_rules_leave_common_words_and_places_alone(strict: Detector, text: str) -> None:
    assert _persons(strict, text) == []


def test_surname_given_beats_the_place_reading(strict: Detector) -> None:
    # Without the rule 岡本 alone would be masked as a place (地名).
    kinds = [(e.type.value, e.text) for e in strict.detect("岡本三司に確認します。")]
    assert kinds == [("person", "岡本三司")]


def test_places_stay_places_in_strict_mode(strict: Detector) -> None:
    kinds = [(e.type.value, e.text) for e in strict.detect("宮崎県は晴れ。")]
    assert kinds == [("location", "宮崎県")]


def test_rule_subset_and_off_by_default_rules(strict: Detector) -> None:
    assert "surname_title" in ALL_RULES and "surname_title" not in STRICT_RULES
    only_quotes = Detector(
        DetectorConfig(profile="strict", strict_rules=frozenset({"quoted_names"}))
    )
    assert _persons(only_quotes, "昨日、コスグローヴが窓口に来ました。") == []
    assert _persons(only_quotes, "書類には「佐藤花子」と書いてください。") == ["佐藤花子"]
    titles = Detector(DetectorConfig(profile="strict", strict_rules=frozenset({"surname_title"})))
    # 鹿島 is tagged 地名 here; the off-by-default rule reads it as a surname.
    assert _persons(titles, "鹿島監督が来場した。") == ["鹿島"]
    assert _persons(strict, "鹿島監督が来場した。") == []


def test_strict_profile_keeps_identifiers_and_addresses(
    strict: Detector, detector: Detector
) -> None:
    text = "住所は東京都千代田区霞が関1丁目2番3号、電話は090-1234-5678、コスグローヴです。"
    standard = [(e.type.value, e.text) for e in detector.detect(text) if e.type.value != "person"]
    extra = [(e.type.value, e.text) for e in strict.detect(text) if e.type.value != "person"]
    assert standard == extra


def test_module_detect_uses_the_strict_profile_and_accepts_a_config() -> None:
    text = "昨日、コスグローヴが窓口に来ました。"
    assert [e.text for e in detect(text)] == ["コスグローヴ"]
    assert detect(text, DetectorConfig()) == []
