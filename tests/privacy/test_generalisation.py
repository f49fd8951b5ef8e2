"""Person rules written for generalisation (not for one sentence of ner-ja): a full 姓+名
name glued to an organisation word, a title after 前/元/故, a word coordinated with a
found name, and role + common compound words that are not names (任期満了)."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import Detector
from jichitai_ai.privacy._detector import DEFAULT_CONFIG
from jichitai_ai.privacy._types import EntityType


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(DEFAULT_CONFIG)


def _persons(detector: Detector, text: str) -> list[str]:
    return [e.text for e in detector.detect(text) if e.type is EntityType.PERSON]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # 姓 + 名 before an organisation word
        ("山本五十六連合艦隊司令長官の戦死後", "山本五十六"),
        ("近衛文麿内閣のもとで外務大臣を務めた。", "近衛文麿"),
        ("ケネディ政権では国防長官を務めた。", "ケネディ"),
        # a title after 前 / 元 / 故
        ("朴槿恵前大統領の弾劾が決定した。", "朴槿恵"),
        ("林元首相の発言が報じられた。", "林"),
        # coordinated with a found name
        ("ピカソやブラックとともにキュビスムを推進した。", "ブラック"),
        ("中村と佐々木の二人は同期入団である。", "佐々木"),
        # a profile sentence, a spaced kana reading in brackets
        ("水夏希は、日本の女優。", "水夏希"),
        ("蒼井千尋（あおい ちひろ、1990年 - ）は、日本の声優。", "あおい ちひろ"),
        ("鷺ノ宮すばるは、日本のシンガーソングライターである。", "鷺ノ宮すばる"),
        # a given name cut short before a role noun
        ("金正恩委員長と会談した。", "金正恩"),
    ],
)
def test_names_found_by_general_cues(detector: Detector, text: str, name: str) -> None:
    assert any(name in found for found in _persons(detector, text))


@pytest.mark.parametrize(
    "text",
    [
        "知事の任期満了に伴い、選挙が行われた。",
        "市長の任期満了は来年4月です。",
        "会長の任期満了を迎える。",
        "部長の職務代理を置く。",
        "委員の任期延長を決めた。",
        "市長の公約実現を目指す。",
        "同社は、日本の企業である。",
        "この作品は、日本の漫画家による作品である。",
    ],
)
def test_common_words_after_a_role_are_not_names(detector: Detector, text: str) -> None:
    assert _persons(detector, text) == []


def test_a_place_coordinated_with_a_name_stays_a_place(detector: Detector) -> None:
    assert _persons(detector, "鈴木と東京へ行った。") == ["鈴木"]
