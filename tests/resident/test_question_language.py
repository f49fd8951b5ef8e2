"""A question plainly written in another language than the page's is answered in that language
(newcomer walkthrough nc5): "how do I get a residence certificate" typed on the Japanese page
got Japanese choices. The page keeps its language, says 「ご質問の言語（English）でお答えして
います。」 and links to the English page; without JavaScript the page itself follows the
question. Questions through the embedded widget are counted as the widget channel (the KPI
「チャネル別」 row stayed at 0)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from jichitai_ai.i18n import t
from jichitai_ai.storage.tables import QuestionLog
from jichitai_ai.web.resident.language import answer_language

from .conftest import Live

API = "/api/v1/tenants/aoba-city"
ENGLISH = "how do I get a residence certificate"


@pytest.mark.parametrize(
    ("page", "question", "expected"),
    [
        ("ja", ENGLISH, "en"),
        ("ja-easy", "garbage collection day", "en"),
        ("zh-Hans", "garbage collection day", "en"),
        ("ja", "주민표를 받고 싶어요", "ko"),
        ("en", "주민표를 받고 싶어요", "ko"),
        # Not certain: stays in the page language.
        ("ja", "ID", "ja"),
        ("ja", "マイナンバー card", "ja"),
        ("zh-Hans", "住民票", "zh-Hans"),
        ("en", "住民票を取りたい", "en"),
        ("ko", "1234", "ko"),
        (None, ENGLISH, "en"),
    ],
)
def test_answer_language(page: str | None, question: str, expected: str) -> None:
    assert answer_language(page, question) == expected


def test_the_api_answers_an_english_question_in_english(client: TestClient) -> None:
    out = client.post(f"{API}/ask", json={"question": ENGLISH, "language": "ja"}).json()
    assert out["language"] == "en"
    cards = out["choices"] or [out["answer"]]
    assert any(c["language"] == "en" and c["translated"] for c in cards), cards
    # Picking a choice in the answer's language shows the English card.
    if out["choices"]:
        english = next(c for c in out["choices"] if c["language"] == "en")
        shown = client.post(
            f"{API}/choice",
            json={
                "token": out["feedback_token"],
                "entry_id": english["entry_id"],
                "language": "en",
            },
        ).json()
        assert shown["language"] == "en" and shown["question"] == english["question"]


def test_a_japanese_question_stays_japanese(client: TestClient) -> None:
    out = client.post(f"{API}/ask", json={"question": "住民票を取りたい", "language": "ja"}).json()
    assert out["language"] == "ja"


def test_without_javascript_the_page_follows_the_question(client: TestClient) -> None:
    client.post("/t/aoba-city/notice", data={"lang": "ja"})
    page = client.post("/t/aoba-city/", data={"question": ENGLISH, "lang": "ja"})
    assert page.status_code == 200
    html = page.text
    assert '<html lang="en">' in html
    assert t("resident.answer_language.note", "en", language="English") in html
    assert t("resident.answer_language.link", "ja") in html
    assert 'href="/t/aoba-city/?lang=ja"' in html


def test_widget_questions_are_counted_as_the_widget(client: TestClient, demo: Any) -> None:
    client.post("/t/aoba-city/embed/notice", data={"lang": "ja"})
    client.post("/t/aoba-city/embed", data={"question": "ごみの収集日", "lang": "ja"})
    client.post("/t/aoba-city/", data={"question": "ごみの収集日", "lang": "ja"})
    with demo.db.read() as session:
        channels = sorted(session.execute(select(QuestionLog.channel)).scalars())
    assert channels == ["web", "widget"]


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/t/aoba-city/", "/t/aoba-city/embed"])
def test_an_english_question_on_the_japanese_page(live: Live, context: Any, path: str) -> None:
    page = context.new_page()
    page.goto(f"{live.url}{path}?lang=ja")
    page.get_by_role("button", name=t("resident.notice.accept", "ja")).click()
    page.fill("#question", ENGLISH)
    page.press("#question", "Enter")
    exchange = page.locator("#jai-log .exchange").last
    note = exchange.locator(".note.answer-language")
    note.wait_for()
    assert t("resident.answer_language.note", "ja", language="English") in note.inner_text()
    link = note.get_by_role("link", name=t("resident.answer_language.link", "en"))
    assert link.get_attribute("lang") == "en"
    assert link.get_attribute("href") == f"{path}?lang=en"
    # The choices (or the answer) are the English entries, with no 「一部の候補は日本語のみ
    # です」 for English ones.
    exchange.locator(".card").first.wait_for()
    choices = exchange.locator("button.choice")
    if choices.count():
        langs = [choices.nth(i).get_attribute("lang") for i in range(choices.count())]
        assert langs[0] == "en", langs
        if "ja" not in langs:
            assert exchange.locator(".note.only-ja").count() == 0
        choices.first.click()
    card = exchange.locator(".card.answer")
    card.wait_for()
    assert card.get_attribute("data-language") == "en"
    # The page itself stays Japanese; a Japanese question afterwards gets no note.
    assert page.locator("html").get_attribute("lang") == "ja"
    page.fill("#question", "住民票を取りたい")
    page.press("#question", "Enter")
    second = page.locator("#jai-log .exchange").nth(1)
    second.locator(".card").first.wait_for()
    assert second.locator(".note.answer-language").count() == 0
    with live.platform.db.read() as session:
        channels = set(session.execute(select(QuestionLog.channel)).scalars())
    assert ("widget" if path.endswith("embed") else "web") in channels
