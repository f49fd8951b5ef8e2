"""A start-screen question pressed is answered by its own entry (newcomer walkthrough nc6).

On the English, Chinese and Korean pages 14 of the demo's listed questions (How should I sort
my garbage?, 垃圾应该如何分类？, 쓰레기 수거일은 언제인가요? …) were asked as typed text: the
translated wording ranked the entry among close translations, and the resident who pressed a
question got 「Which of these do you mean?」 with the same question as one of three choices.
The button now sends its entry id; the answer is that entry in the page's language."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from jichitai_ai.domain.models import Decision
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.start_screen import start_screen
from jichitai_ai.storage.tables import LearningLesson, QuestionLog

from .helpers import TENANT

API = f"/api/v1/tenants/{TENANT}"
PAGE = f"/t/{TENANT}/"
LANGS = ("en", "zh-Hans", "ko", "ja-easy", "ja")


def _listed(demo: Platform, lang: str) -> dict[int, str]:
    """Every question the start screen lists in ``lang``: entry id → wording shown."""
    screen = start_screen(demo.answering, TENANT, lang)
    items = [*screen.popular, *(i for c in screen.categories for i in c.items)]
    return {i.entry_id: i.question for i in items}


@pytest.mark.parametrize("lang", LANGS)
def test_every_listed_question_answers_its_own_entry(demo: Platform, lang: str) -> None:
    listed = _listed(demo, lang)
    assert len(listed) > 20
    for entry_id, question in listed.items():
        result = demo.answering.ask_listed(TENANT, entry_id, question, language=lang)
        assert result.decision is Decision.ANSWER and result.answer is not None
        assert result.answer.entry.id == entry_id and result.answer.entry.question == question
        assert result.choices == [] and result.feedback_token


def test_the_wording_alone_was_not_enough(demo: Platform) -> None:
    """Why the id is needed: on the English page some listed wordings, asked as text, do not
    get their entry as the one answer (if ranking one day answers them all, this test says
    so and the id is merely a shortcut)."""
    missed = [
        q
        for i, q in _listed(demo, "en").items()
        if (r := demo.answering.ask(TENANT, q, language="en", record=False)).decision
        is not Decision.ANSWER
        or r.answer is None
        or r.answer.entry.id != i
    ]
    assert missed, "every English wording is answered directly now"


def test_the_pressed_question_is_logged_as_answered(demo: Platform) -> None:
    entry_id, question = next(iter(_listed(demo, "ko").items()))
    result = demo.answering.ask_listed(
        TENANT, entry_id, "무시되는 글", language="ko", channel="widget"
    )
    with demo.db.read() as db:
        row = db.execute(
            select(
                QuestionLog.decision,
                QuestionLog.answer_entry_id,
                QuestionLog.language,
                QuestionLog.question,
                QuestionLog.channel,
            ).where(QuestionLog.id == result.question_id)
        ).one()
    # The entry's wording is logged, not the text sent with the id.
    assert tuple(row) == ("answer", entry_id, "ko", question, "widget")


def test_another_tenants_entry_is_never_shown(demo: Platform) -> None:
    """An id from さくら町 (or one that does not exist) is not an answer of あおば市: the text
    is asked as typed instead."""
    sakura = _other_tenant_entry(demo)
    for entry_id in (sakura, 10_000_000):
        result = demo.answering.ask_listed(TENANT, entry_id, "ごみの収集日", language="ja")
        shown = [result.answer] if result.answer else result.choices
        assert all(c.entry.id != sakura for c in shown)
        assert result.decision is not Decision.EMERGENCY


def _other_tenant_entry(demo: Platform) -> int:
    screen = start_screen(demo.answering, "sakura-town", "ja")
    aoba = set(_listed(demo, "ja"))
    own = [i.entry_id for c in screen.categories for i in c.items if i.entry_id not in aoba]
    assert own
    return own[0]


def test_api_and_form_answer_the_pressed_entry(client: TestClient, demo: Platform) -> None:
    listed = _listed(demo, "en")
    entry_id = next(i for i, q in listed.items() if q == "How should I sort my garbage?")
    out = client.post(
        f"{API}/ask",
        json={"question": "How should I sort my garbage?", "language": "en", "entry_id": entry_id},
    ).json()
    assert out["decision"] == "answer" and out["answer"]["entry_id"] == entry_id
    assert out["answer"]["language"] == "en"
    bad = client.post(f"{API}/ask", json={"question": "x", "language": "en", "entry_id": 0})
    assert bad.status_code == 422
    # Without JavaScript: the start screen's form carries the id.
    html = client.get(f"{PAGE}?lang=en").text
    assert f'name="entry_id" value="{entry_id}"' in html
    page = client.post(
        PAGE,
        data={"question": "How should I sort my garbage?", "lang": "en", "entry_id": str(entry_id)},
    )
    assert page.status_code == 200
    answer = page.text.split('id="latest"', 1)[1]
    assert "How should I sort my garbage?" in answer and 'class="choice' not in answer


def test_a_forged_wording_never_becomes_a_lesson(demo: Platform) -> None:
    """Why the log keeps the entry's own wording (what the button shows) and not the text sent
    with the id: a vote on the answer turns the logged question into a learned paraphrase of
    the entry, so a client sending any text with a listed id would teach it to that entry."""
    entry_id, question = next(iter(_listed(demo, "ja").items()))
    forged = "粗大ごみは無料で何個でも出せますか"
    result = demo.answering.ask_listed(TENANT, entry_id, forged, language="ja")
    with demo.db.write() as db:
        tenant_id = db.execute(
            select(QuestionLog.tenant_id).where(QuestionLog.id == result.question_id)
        ).scalar_one()
        outcome = feedback_service.record(
            db, tenant_id, result.feedback_token, "resolved", client_hash="resident-1"
        )
        assert outcome.event.entry_id == entry_id
        assert outcome.event.query_text == question
        texts = (
            db.execute(select(LearningLesson.text).where(LearningLesson.entry_id == entry_id))
            .scalars()
            .all()
        )
    assert forged not in texts and all(forged not in t for t in texts)
