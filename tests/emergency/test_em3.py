"""Blind set em3 (see ``blind_em3``), after the em4 rule fixes (not blind): every emergency gets
the card of its kind and no other, no service look-alike does, in all six languages; and one of
the blind misses per language gets the card first on the resident page."""

from __future__ import annotations

import pytest

from jichitai_ai.services.platform import Platform
from tests.emergency.blind_em1 import LANGUAGES
from tests.emergency.checks import alarms, assert_card_first, wrong_kinds
from tests.emergency.corpora import HERE, _rows

EMERGENCIES = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em3_blind.csv")]
ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em3_ordinary.csv")]
#: One of the blind misses per language (a stroke, low blood sugar, a snatching, the sea drawing
#: back, a colleague about to jump, a grass fire spreading).
ON_THE_PAGE = {
    "ja": "地震のあと海の水がすごく引いている、まだ浜に人がいる",
    "easy": "ともだちが　ビルの　うえから　とびおりると　いって　いる",
    "en": "my diabetic mum is shaky and sweaty and making no sense",
    "zh-Hans": "刚才有人把我的包夺走，骑摩托车跑了",
    "zh-Hant": "我先生胸口劇痛，一直冒冷汗",
    "ko": "뒷산 풀밭에 불이 번져서 집 쪽으로 오고 있어요",
}


def test_eight_of_each_per_language() -> None:
    for lang in LANGUAGES:
        assert sum(1 for row in EMERGENCIES if row[0] == lang) == 8, lang
        assert sum(1 for row in ORDINARY if row[0] == lang) == 8, lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_emergency_gets_the_card_of_its_kind_only(lang: str) -> None:
    assert wrong_kinds(EMERGENCIES, lang, only=True) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_look_alike_is_taken_for_an_emergency(lang: str) -> None:
    assert alarms(ORDINARY, lang) == []


def test_blind_misses_get_the_card_first_in_every_language(platform: Platform) -> None:
    assert_card_first(platform, ON_THE_PAGE)
