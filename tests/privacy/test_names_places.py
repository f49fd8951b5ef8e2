"""Person names (cues, 人名 tags, katakana) and addresses / place names."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import Detector

from .conftest import kinds


def _persons(detector: Detector, text: str) -> list[str]:
    return [e.text for e in detector.detect(text) if e.type.value == "person"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("山田太郎様からお問い合わせがありました。", "山田太郎"),
        ("鈴木 一郎さんの件です。", "鈴木 一郎"),
        ("林　亮です。", "林　亮"),
        ("氏名：佐藤花子", "佐藤花子"),
        ("申請者は高橋健太です。", "高橋健太"),
        ("グエン・ヴァン・アンさんが来庁しました。", "グエン・ヴァン・アン"),
        ("ジョン・スミス氏から電話がありました。", "ジョン・スミス"),
    ],
)
def test_person_names_with_cues(detector: Detector, text: str, name: str) -> None:
    assert name in _persons(detector, text)


def test_honorific_after_unknown_word_is_a_name(detector: Detector) -> None:
    # "ヌワンコ" is not in the dictionary as a name; the honorific makes it one.
    assert _persons(detector, "ヌワンコさんに連絡しました。") == ["ヌワンコ"]


def test_common_nouns_before_honorifics_are_not_names(detector: Detector) -> None:
    assert _persons(detector, "お客様と皆様、担当者様へ。") == []


def test_name_inside_organisation_name_is_not_a_person(detector: Detector) -> None:
    assert _persons(detector, "清水合金製作所に勤めています。") == []


def test_full_address_is_one_span(detector: Detector) -> None:
    text = "住所は東京都千代田区霞が関1丁目2番3号コーポ山田201号室です。"
    assert kinds(detector.detect(text)) == [
        ("address", "東京都千代田区霞が関1丁目2番3号コーポ山田201号室")
    ]


@pytest.mark.parametrize(
    "address",
    [
        "大阪府大阪市北区梅田2-4-9",
        "札幌市中央区大通西三丁目5番地",
        "横浜市中区本町６－５０－１０",
        "北海道夕張郡栗山町松風3丁目252番地",
    ],
)
def test_address_variants(detector: Detector, address: str) -> None:
    assert ("address", address) in kinds(detector.detect(f"{address}に住んでいます。"))


def test_address_does_not_swallow_the_following_name(detector: Detector) -> None:
    found = kinds(detector.detect("〒003-5258千葉県船橋市本町4-14-8　後藤美咲　1959/10/13"))
    assert found == [
        ("postal_code", "〒003-5258"),
        ("address", "千葉県船橋市本町4-14-8"),
        ("person", "後藤美咲"),
        ("birthdate", "1959/10/13"),
    ]


def test_place_names_are_locations(detector: Detector) -> None:
    found = kinds(detector.detect("来月イタリアと京都へ旅行します。"))
    assert ("location", "イタリア") in found and ("location", "京都") in found


def test_sensitive_terms_are_flagged_with_category(detector: Detector) -> None:
    flags = [
        (e.text, e.detail)
        for e in detector.detect("生活保護と障害者手帳について")
        if e.type.value == "sensitive"
    ]
    assert flags == [("生活保護", "welfare"), ("障害者手帳", "health")]


def test_types_filter_and_min_confidence() -> None:
    from jichitai_ai.privacy import DetectorConfig, EntityType

    only_phones = Detector(DetectorConfig(types=frozenset({EntityType.PHONE})))
    assert kinds(only_phones.detect("山田太郎様 03-1234-5678")) == [("phone", "03-1234-5678")]
    strict = Detector(DetectorConfig(min_confidence=0.9))
    assert all(e.confidence >= 0.9 for e in strict.detect("1985/04/12 と 0312345678"))


def test_ginza_mode_adds_ginza_entities(ginza_detector: Detector) -> None:
    from jichitai_ai.privacy import _ginza

    text = "小早川はその後、京都へ移った。"
    spans = {(kind.value, text[s:e]) for kind, s, e in _ginza.find_entities(text)}
    assert spans == {("person", "小早川"), ("location", "京都")}
    assert kinds(ginza_detector.detect(text)) == [("person", "小早川"), ("location", "京都")]
