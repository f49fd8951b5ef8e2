"""未回答の質問 in another language: 「この質問から FAQ を作成」 hands its wordings over as
言い換え (a translation hint) and leaves the Japanese 質問 to staff, saying so on the form."""

from __future__ import annotations

from datetime import datetime
from html import unescape
from urllib.parse import parse_qs

from fastapi.testclient import TestClient

from jichitai_ai.services.unanswered import QuestionGroup, UnansweredQuestion
from tests.console.helpers import World, login

ENGLISH = "Where do I get a permit to fly a drone?"


def _question(text: str, language: str = "ja") -> UnansweredQuestion:
    return UnansweredQuestion(1, text, datetime(2025, 4, 1), "no_answer", None, language)


def test_the_language_a_question_is_written_in() -> None:
    """The page's language is kept unless a question asked on the Japanese page has no
    Japanese script (then Latin letters are English, Hangul Korean)."""
    cases = {
        ("ドローンの許可", "ja"): "ja",
        (ENGLISH, "ja"): "en",
        ("드론 허가", "ja"): "ko",
        ("无人机许可", "zh-Hans"): "zh-Hans",
        ("ごみ の だしかた", "ja-easy"): "ja-easy",
        ("12345", "ja"): "ja",
        ("Drohne", "en"): "en",
    }
    got = {key: _question(*key).written_in for key in cases}
    assert got == cases
    group = QuestionGroup(questions=[_question(ENGLISH), _question("drone permit", "en")])
    assert (group.language, group.is_japanese) == ("en", False)


def test_an_english_question_becomes_a_hint_not_the_japanese_question(
    client: TestClient, world: World
) -> None:
    asked = client.post("/api/v1/tenants/aoba/ask", json={"question": ENGLISH})
    assert asked.json()["decision"] == "no_answer"
    login(client, "aoba-editor")
    page = client.get("/console/t/aoba/unanswered").text
    assert ENGLISH in page and 'data-language="en"' in page
    link = unescape(page.split('href="/console/t/aoba/faq/new?')[1].split('"')[0])
    params = parse_qs(link)
    assert "question" not in params
    assert params["alt"] == [ENGLISH] and params["hint_lang"] == ["en"]
    form = client.get("/console/t/aoba/faq/new?" + link).text
    assert 'id="translation-hint"' in form and "英語" in form
    question_field = form.split('name="question"')[1].split(">")[0]
    assert 'value=""' in question_field or "value=" not in question_field
    alternatives = form.split('name="alternatives"')[1].split("</textarea>")[0]
    assert ENGLISH in unescape(alternatives)


def test_a_japanese_question_still_prefills_the_question(client: TestClient, world: World) -> None:
    client.post("/api/v1/tenants/aoba/ask", json={"question": "ドローンの飛行許可を取りたい"})
    login(client, "aoba-editor")
    page = client.get("/console/t/aoba/unanswered").text
    link = unescape(page.split('href="/console/t/aoba/faq/new?')[1].split('"')[0])
    assert parse_qs(link)["question"] == ["ドローンの飛行許可を取りたい"]
    form = client.get("/console/t/aoba/faq/new?" + link).text
    assert 'id="translation-hint"' not in form
