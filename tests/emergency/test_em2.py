"""Blind sets em2 (see ``blind_em2``): every emergency gets the card of its kind, no service
question with the same words does, in all six languages; and the situations set 1 found missing
(a poisoned child, an attempted abduction, a power line down …) get the card first on the
resident page in every language."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.emergency import EmergencyKind, detect_emergency
from jichitai_ai.i18n import t
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app
from tests.emergency.blind_em1 import LANGUAGES
from tests.emergency.blind_em2 import SETS
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
    wrong = [
        (kind, text, detect_emergency(text))
        for language, kind, text in CASES
        if language == lang and EmergencyKind(kind) not in detect_emergency(text)
    ]
    assert wrong == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_service_question_is_taken_for_an_emergency(lang: str) -> None:
    alarms = [
        (text, detect_emergency(text))
        for language, text in SERVICE_QUESTIONS
        if language == lang and detect_emergency(text)
    ]
    assert alarms == []


def test_blind_misses_get_the_card_first_in_every_language(platform: Platform) -> None:
    with platform.db.write() as session:
        load_demo(session)
    page = "/t/aoba-city/"
    with TestClient(create_app(platform=platform)) as client:
        for lang, question in ON_THE_PAGE.items():
            client.post(page + "notice", data={"lang": lang})
            html = client.post(page, data={"question": question, "lang": lang}).text
            card = html.index('class="card emergency"')
            assert t("resident.emergency.heading", lang) in html[card:], lang
            assert html.find('class="card', 0, card) == -1, lang  # nothing above the card
            assert 'class="card answer"' not in html, lang
