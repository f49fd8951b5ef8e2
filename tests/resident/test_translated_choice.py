"""A resident reading in English, Chinese or Korean picks one of the clarifying choices.

Found by the newcomer walkthrough: the cards carried the id of the *translation* row, so
picking 「How should I sort my garbage?」 answered 500 (the index knows entries by their
Japanese row), and votes on translated answers taught the ranking about an id it never
ranks. A translated card now carries the entry's own id: the pick shows the translation, the
vote is recorded on the entry, and the log counts the answer under the entry whatever the
language."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import FeedbackEvent, QuestionLog
from jichitai_ai.web.app import create_app

API = "/api/v1/tenants/aoba-city"


@pytest.fixture
def client(platform: Platform) -> TestClient:
    with platform.db.write() as session:
        load_demo(session)
    return TestClient(create_app(platform=platform))


def _japanese_ids(platform: Platform) -> dict[str, int]:
    with platform.db.read() as session:
        tenant = tenant_service.get_tenant(session, "aoba-city")
        entries = faq_service.visible_entries(session, tenant.id, residents=True)
    return {e.external_id: e.id for e in entries if e.language == "ja"}


@pytest.mark.parametrize(("language", "question"), [("en", "garbage"), ("zh-Hans", "垃圾")])
def test_a_translated_choice_opens_and_is_counted_on_the_entry(
    client: TestClient, platform: Platform, language: str, question: str
) -> None:
    asked = client.post(f"{API}/ask", json={"question": question, "language": language}).json()
    assert asked["decision"] == "clarify"
    ids = _japanese_ids(platform)
    choices = asked["choices"]
    assert all(c["translated"] and c["language"] == language for c in choices)
    assert [c["entry_id"] for c in choices] == [ids[c["external_id"]] for c in choices]

    picked = choices[0]
    shown = client.post(
        f"{API}/choice",
        json={
            "token": asked["feedback_token"],
            "entry_id": picked["entry_id"],
            "language": language,
        },
    )
    assert shown.status_code == 200, shown.text
    card = shown.json()
    assert card["question"] == picked["question"] and card["translated"]
    resolved = client.post(
        f"{API}/feedback",
        json={"token": asked["feedback_token"], "kind": "resolved", "entry_id": card["entry_id"]},
    )
    assert resolved.status_code == 200, resolved.text
    with platform.db.read() as session:
        votes = session.execute(
            select(FeedbackEvent.kind, FeedbackEvent.entry_id).where(
                FeedbackEvent.question_id == asked["question_id"]
            )
        ).all()
    assert sorted(votes) == sorted(
        [("choice", ids[picked["external_id"]]), ("resolved", ids[picked["external_id"]])]
    )


def test_a_translated_answer_is_logged_under_its_entry(
    client: TestClient, platform: Platform
) -> None:
    asked = client.post(
        f"{API}/ask",
        json={"question": "How do I get a copy of my residence certificate?", "language": "en"},
    ).json()
    assert asked["decision"] == "answer" and asked["answer"]["translated"]
    entry_id = _japanese_ids(platform)["AOBA-0001"]
    assert asked["answer"]["entry_id"] == entry_id
    with platform.db.read() as session:
        logged = session.get(QuestionLog, asked["question_id"])
        assert logged is not None and logged.answer_entry_id == entry_id
