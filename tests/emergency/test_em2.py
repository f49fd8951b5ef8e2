"""Blind set em2 (see ``blind_em2``): every emergency gets the card of its kind, no service
question with the same words does, in all six languages; and a child who drank detergent or was
nearly taken, the kinds the set found missing, get the card first on the resident page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.emergency import EmergencyKind, detect_emergency
from jichitai_ai.i18n import t
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app
from tests.emergency.blind_em1 import LANGUAGES
from tests.emergency.blind_em2 import EMERGENCIES, ORDINARY
from tests.emergency.corpora import HERE, _rows, phrasings

SERVICE_QUESTIONS = [(r["language"], r["text"]) for r in _rows(HERE / ORDINARY)]


def test_set_has_20_of_each_per_language() -> None:
    for lang in LANGUAGES:
        assert sum(1 for row in phrasings(EMERGENCIES) if row[0] == lang) >= 20, lang
        assert sum(1 for row in SERVICE_QUESTIONS if row[0] == lang) >= 20, lang


@pytest.mark.parametrize(("language", "kind", "text"), phrasings(EMERGENCIES))
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
        # blind misses: a poisoned child (ko) and an attempted abduction (en)
        ("ko", "애가 세제 마셨어요"),
        ("en", "a man grabbed my kid at the park and tried to pull him into a van"),
    ],
)
def test_child_in_danger_gets_the_card_before_anything_else(
    client: TestClient, lang: str, question: str
) -> None:
    page = "/t/aoba-city/"
    client.post(page + "notice", data={"lang": lang})
    html = client.post(page, data={"question": question, "lang": lang}).text
    card = html.index('class="card emergency"')
    assert t("resident.emergency.heading", lang) in html[card:]
    assert html.find('class="card', 0, card) == -1  # no other card above it
    for other in ("answer", "clarify", "handover"):
        assert f'class="card {other}"' not in html, other
