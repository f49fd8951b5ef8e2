"""Blind sets em2 (see ``blind_em2``): every emergency gets the card of its kind, no service
question with the same words does, in all six languages; and the situations set 1 found missing
(a poisoned child, an attempted abduction, a power line down …) get the card first on the
resident page in every language."""

from __future__ import annotations

import pytest

from jichitai_ai.services.platform import Platform
from tests.emergency.blind_em1 import LANGUAGES
from tests.emergency.blind_em2 import SETS
from tests.emergency.checks import alarms, assert_card_first, wrong_kinds
from tests.emergency.corpora import HERE, _rows, phrasings

EMERGENCIES, ORDINARY = SETS["1"]
CASES = [row for emergencies, _ in SETS.values() for row in phrasings(emergencies)]
SERVICE_QUESTIONS = [
    (r["language"], r["text"]) for _, ordinary in SETS.values() for r in _rows(HERE / ordinary)
]
#: One of set 1's blind misses per language.
ON_THE_PAGE = {
    "ja": "2歳の子が洗剤飲んじゃった",
    "easy": "しらない　ひとが　こどもを　つれていこうと　した",
    "en": "a man grabbed my kid at the park and tried to pull him into a van",
    "zh-Hans": "电线掉在地上一直冒火花",
    "zh-Hant": "割到手 血一直流",
    "ko": "애가 세제 마셨어요",
}


def test_set_one_has_20_of_each_per_language() -> None:
    for lang in LANGUAGES:
        assert sum(1 for row in phrasings(EMERGENCIES) if row[0] == lang) >= 20, lang
        assert sum(1 for r in _rows(HERE / ORDINARY) if r["language"] == lang) >= 20, lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_emergency_gets_the_card_of_its_kind(lang: str) -> None:
    assert wrong_kinds(CASES, lang) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_service_question_is_taken_for_an_emergency(lang: str) -> None:
    assert alarms(SERVICE_QUESTIONS, lang) == []


def test_blind_misses_get_the_card_first_in_every_language(platform: Platform) -> None:
    assert_card_first(platform, ON_THE_PAGE)
