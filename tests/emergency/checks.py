"""Checks the blind-set tests share (em2, em3): wrong kinds per language, service questions taken
for an emergency, and the emergency card shown first on the resident page."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from fastapi.testclient import TestClient

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.emergency import EmergencyKind, detect_emergency
from jichitai_ai.i18n import t
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app


def wrong_kinds(
    cases: list[tuple[str, str, str]], lang: str, *, only: bool = False
) -> list[tuple[str, str, list[EmergencyKind]]]:
    """Rows of ``lang`` whose kind is not detected (``only``: or comes with another kind)."""
    wrong = []
    for language, kind, text in cases:
        found = detect_emergency(text)
        expected = EmergencyKind(kind)
        if language == lang and (found != [expected] if only else expected not in found):
            wrong.append((kind, text, found))
    return wrong


def words_in_other_sets(
    words: Iterable[str], own_prefix: str, later: tuple[str, ...] = ()
) -> list[str]:
    """Key words of a new set that occur in any other set of tests/emergency (em10, em12: a new
    set's situations must be new); also checks there are other sets to compare with. ``later``:
    prefixes of sets written afterwards, left out (em13's car row reuses em12's "hair")."""
    others = [
        p
        for p in Path(__file__).parent.glob("*.csv")
        if not p.name.startswith((own_prefix, *later))
    ]
    assert len(others) > 30
    text = "\n".join(p.read_text(encoding="utf-8") for p in others).lower()
    return [word for word in words if word.lower() in text]


def alarms(questions: list[tuple[str, str]], lang: str) -> list[tuple[str, list[EmergencyKind]]]:
    """Service questions of ``lang`` that get an emergency card."""
    return [
        (text, detect_emergency(text))
        for language, text in questions
        if language == lang and detect_emergency(text)
    ]


def assert_card_first(platform: Platform, on_the_page: dict[str, str]) -> None:
    """Each question gets the emergency card of its language, with nothing above it and no answer."""
    with platform.db.write() as session:
        load_demo(session)
    page = "/t/aoba-city/"
    with TestClient(create_app(platform=platform)) as client:
        for lang, question in on_the_page.items():
            client.post(page + "notice", data={"lang": lang})
            html = client.post(page, data={"question": question, "lang": lang}).text
            card = html.index('class="card emergency"')
            assert t("resident.emergency.heading", lang) in html[card:], lang
            assert html.find('class="card', 0, card) == -1, lang  # nothing above the card
            assert 'class="card answer"' not in html, lang
