"""rt5's leftovers (docs/benchmarks.md §3 "Red team rt5"): numbered items read as addresses, a
municipal term in rōmaji read as a person, and one Latin word in a person's place in Japanese
text. Each case failed on main at dcdd8c8."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import EntityType, detect

# A figure, table, article, section or page number is not a town and block.
NUMBERED_ITEMS = [
    "図1-2-3を参照してください。",
    "条例第3-1-2の規定により支給します。",
    "第3-1-2号に該当する場合",
    "資料1-2-3をご覧ください。",
    "別表第2-1-4のとおりです。",
    "様式1-2-3に記入",
    "要綱第4-1-2による",
]
# ... while an address keeps its mask, with or without a place name before the block.
ADDRESSES = [
    ("住所は緑町1-2-3です", "1-2-3"),
    ("青葉区中央1-2-3に住んでいます", "1-2-3"),
    ("住所：第一町3-1-2", "3-1-2"),
]


@pytest.mark.parametrize("text", NUMBERED_ITEMS)
def test_a_numbered_item_is_not_an_address(text: str) -> None:
    assert not [e for e in detect(text) if e.type is EntityType.ADDRESS], text


@pytest.mark.parametrize(("text", "block"), ADDRESSES)
def test_an_address_block_is_still_masked(text: str, block: str) -> None:
    start = text.index(block)
    assert any(
        e.type is EntityType.ADDRESS and e.start <= start and e.end >= start + len(block)
        for e in detect(text)
    ), detect(text)


def _persons(text: str) -> list[str]:
    return [e.text for e in detect(text) if e.type is EntityType.PERSON]


PERSONS = [
    # a login name of rōmaji name words is still one
    ("user_dir: C:\\Users\\yamada.taro", "yamada.taro"),
    ("folder: suzuki_ichiro", "suzuki_ichiro"),
    # one Latin word between a family member's / the person in charge's の and が/は/さん/様
    ("家族の Purwaningsih が病院に行きたい", "Purwaningsih"),
    ("夫の Oluwaseun は仕事で来られません", "Oluwaseun"),
    ("担当のWanjiru さんに確認します", "Wanjiru"),
    ("息子の Tsetsegmaa が熱を出しました", "Tsetsegmaa"),
    # a dictionary first name and an unknown surname opening an English sentence as its subject
    ("Aldrin Dimaculangan forgot the password", "Dimaculangan"),
    ("Hello. Grace Oyelaran needs a residence certificate.", "Oyelaran"),
    ("Rose Wambugu moved here in May", "Wambugu"),
]
NOT_PERSONS = [
    # rōmaji municipal terms (words of text/municipal_glossary.txt) joined by _ are a value
    "type: jidou_teate",
    "category=seikatsu_hogo",
    '{"kind": "kaigo_hoken"}',
    # an English or municipal word in a person's place
    "家族の Wi-Fi が使えません",
    "担当の Kokuho は変わりますか",
    "家族の Internet が遅い",
    # a sentence opened by a place or a thing
    "Visit Guangzhou tomorrow",
    "The Philippines needed a visa",
    "Where is it? Central Guangzhou opened today.",
    "Download Mynaportal now",
]


@pytest.mark.parametrize(("text", "name"), PERSONS)
def test_a_name_is_a_person(text: str, name: str) -> None:
    assert any(name in found for found in _persons(text)), detect(text)


@pytest.mark.parametrize("text", NOT_PERSONS)
def test_a_term_or_place_is_not_a_person(text: str) -> None:
    assert not _persons(text), detect(text)
