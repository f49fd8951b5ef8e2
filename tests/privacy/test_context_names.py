"""Person names known from context (strict profile, the gateway default): roles before a
name, lists of names, repeated names, Chinese and Korean names, a name before a person
relation; and cue-less dates as birthdates only right after a person. Sentences written
for this test, not taken from the evaluation data."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import Detector
from jichitai_ai.privacy._detector import DEFAULT_CONFIG
from jichitai_ai.privacy._types import EntityType


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(DEFAULT_CONFIG)


def _of(detector: Detector, text: str, kind: EntityType) -> list[str]:
    return [e.text for e in detector.detect(text) if e.type is kind]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("同好会の会長の沓掛栄作を中心に活動した。", "沓掛栄作"),
        ("研究所の助手で、商人グラッフェルによって設立された。", "グラッフェル"),
        ("妻の次女みのりは東京に残った。", "みのり"),
        ("ベルギー人ヤン・フェルメーレンの設計による。", "ヤン・フェルメーレン"),
        ("作品には石蔵宗平、葛籠尾一郎、杓子谷岳堂らが参加した。", "杓子谷岳堂"),
        ("当時の記録ではケスラーが指揮を執り、後にケスラーは引退した。", "ケスラー"),
        ("会談には温家宝と文在寅が出席した。", "文在寅"),
        ("式典では習主席に続いて薄熙来が挨拶した。", "薄熙来"),
        ("翌年、泰晴の死去により一座は解散した。", "泰晴"),
        ("当時はマテウス・ロングフェローが指揮した。", "マテウス・ロングフェロー"),
        ("交渉はハリファックス伯爵に委ねられた。", "ハリファックス"),
    ],
)
def test_names_known_from_context(detector: Detector, text: str, name: str) -> None:
    assert any(name in found for found in _of(detector, text, EntityType.PERSON)), text


@pytest.mark.parametrize(
    "text",
    [
        "会長の任期は二年とする。",
        "南区は高速道路の方が近い。",
        "金曜日に全国の王子動物園を回った。",
        "東京、大阪、名古屋の三都市で開催した。",
        "高校時代の部活動について話した。",
        "カウフマン・スタジアムで試合が行われた。",
        "第3条第2項の規定により、条例の施行日を定める。",
    ],
)
def test_no_person_in_ordinary_text(detector: Detector, text: str) -> None:
    assert _of(detector, text, EntityType.PERSON) == [], text


def test_surname_of_a_full_name_repeated_alone(detector: Detector) -> None:
    """宮崎 is a prefecture and a surname: after 宮崎駿 the text uses it as his name."""
    found = detector.detect(
        "宮崎駿は東京生まれ。宮崎は1985年にスタジオを設立し、宮崎県にも行った。"
    )
    kinds = {(e.text, e.type) for e in found}
    assert ("宮崎", EntityType.PERSON) in kinds and ("宮崎県", EntityType.LOCATION) in kinds


def test_dates_without_a_cue(detector: Detector) -> None:
    """An old full date is a birthdate right after a person; an event date is not."""
    assert _of(detector, "対象者 栃尾秀人 1962年4月3日", EntityType.BIRTHDATE) == ["1962年4月3日"]
    assert _of(detector, "栃尾秀人（1962年4月3日）", EntityType.BIRTHDATE) == ["1962年4月3日"]
    for text in (
        "1962年4月3日に栃尾秀人が会長に就任した。",
        "栃尾秀人は1962年4月3日から町長を務めた。",
        "1962年4月3日、新しい庁舎が開館した。",
    ):
        assert _of(detector, text, EntityType.BIRTHDATE) == [], text
    # Staff shorthand (S37.4.3) is a birthdate with or without a person.
    assert _of(detector, "生年月日欄：S37.4.3", EntityType.BIRTHDATE) == ["S37.4.3"]
    assert _of(detector, "S37.4.3 の方の書類", EntityType.BIRTHDATE) == ["S37.4.3"]
