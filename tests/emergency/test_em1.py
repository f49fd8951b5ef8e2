"""Blind sets em1 (see ``blind_em1``): every emergency gets the card of its kind, no service
question with the same words does, in all six languages; and a gas smell, the kind residents
reported missing, gets the card first on the resident page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.emergency import EmergencyKind, detect_emergency
from jichitai_ai.i18n import t
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app
from tests.emergency.blind_em1 import LANGUAGES, SETS
from tests.emergency.corpora import HERE, _rows, phrasings

CASES = [row for emergencies, _ in SETS.values() for row in phrasings(emergencies)]
#: A gas smell "next week" at a park toilet: a report for later, still given the card (left).
STILL_ALARMED = {"who do I call about a gas smell at the park restroom next week"}
SERVICE_QUESTIONS = [
    pytest.param(
        r["language"],
        r["text"],
        marks=[pytest.mark.xfail(strict=True)] if r["text"] in STILL_ALARMED else [],
    )
    for _, ordinary in SETS.values()
    for r in _rows(HERE / ordinary)
]


def test_set_one_has_25_of_each_per_language() -> None:
    emergencies, ordinary = SETS["1"]
    for lang in LANGUAGES:
        assert sum(1 for row in phrasings(emergencies) if row[0] == lang) >= 25, lang
        assert sum(1 for r in _rows(HERE / ordinary) if r["language"] == lang) >= 25, lang


@pytest.mark.parametrize(("language", "kind", "text"), CASES)
def test_emergency_is_detected_with_its_kind(language: str, kind: str, text: str) -> None:
    assert EmergencyKind(kind) in detect_emergency(text), (language, text)


@pytest.mark.parametrize(("language", "text"), SERVICE_QUESTIONS)
def test_service_question_is_not_an_emergency(language: str, text: str) -> None:
    assert detect_emergency(text) == [], (language, text)


@pytest.fixture
def client(platform: Platform) -> Iterator[TestClient]:
    with platform.db.write() as session:
        load_demo(session)
    with TestClient(create_app(platform=platform)) as c:
        yield c


@pytest.mark.parametrize(
    ("lang", "question"),
    [
        # the blind resident set's two misses (en was handed over, zh-Hans got FAQ choices)
        ("en", "strong gas smell in my apartment and my kid feels dizzy"),
        ("zh-Hans", "厨房煤气味很重 孩子说头晕"),
    ],
)
def test_gas_smell_gets_the_card_before_anything_else(
    client: TestClient, lang: str, question: str
) -> None:
    page = "/t/aoba-city/"
    client.post(page + "notice", data={"lang": lang})
    html = client.post(page, data={"question": question, "lang": lang}).text
    card = html.index('class="card emergency"')
    assert t("resident.emergency.heading", lang) in html[card:]
    assert 'href="tel:119"' in html[card:]
    assert html.find('class="card', 0, card) == -1  # no other card above it
    for other in ("answer", "clarify", "handover"):
        assert f'class="card {other}"' not in html, other
