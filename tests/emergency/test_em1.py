"""Blind set em1 (see ``blind_em1``): every emergency gets the card of its kind, no service
question with the same words does, in all six languages."""

from __future__ import annotations

import pytest

from jichitai_ai.emergency import EmergencyKind, detect_emergency
from tests.emergency.blind_em1 import EMERGENCIES, LANGUAGES, ORDINARY
from tests.emergency.corpora import HERE, _rows, phrasings

CASES = phrasings(EMERGENCIES)
SERVICE_QUESTIONS = [(r["language"], r["text"]) for r in _rows(HERE / ORDINARY)]


def test_at_least_25_of_each_per_language() -> None:
    for lang in LANGUAGES:
        assert sum(1 for row in CASES if row[0] == lang) >= 25, lang
        assert sum(1 for row in SERVICE_QUESTIONS if row[0] == lang) >= 25, lang


@pytest.mark.parametrize(("language", "kind", "text"), CASES)
def test_emergency_is_detected_with_its_kind(language: str, kind: str, text: str) -> None:
    assert EmergencyKind(kind) in detect_emergency(text), (language, text)


@pytest.mark.parametrize(("language", "text"), SERVICE_QUESTIONS)
def test_service_question_is_not_an_emergency(language: str, text: str) -> None:
    assert detect_emergency(text) == [], (language, text)
