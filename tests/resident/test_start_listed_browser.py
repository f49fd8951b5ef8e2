"""In Chromium, a topic's question pressed on the English and Korean pages (and in the widget)
shows that entry's answer, not 「Which of these do you mean?」 with the same question among
three choices (newcomer walkthrough nc6; see test_start_listed.py)."""

from __future__ import annotations

from typing import Any

import pytest

from jichitai_ai.i18n import t

from .conftest import Live

pytestmark = pytest.mark.browser

CASES = [
    ("/t/aoba-city/", "en", "Garbage", "How should I sort my garbage?"),
    ("/t/aoba-city/", "ko", "쓰레기", "쓰레기 수거일은 언제인가요?"),
    ("/t/aoba-city/embed", "en", "Garbage", "How should I sort my garbage?"),
]


@pytest.mark.parametrize(("path", "lang", "topic", "question"), CASES)
def test_a_topics_question_pressed_is_answered(
    live: Live, context: Any, path: str, lang: str, topic: str, question: str
) -> None:
    page = context.new_page()
    page.goto(f"{live.url}{path}?lang={lang}")
    page.get_by_role("button", name=t("resident.notice.accept", lang)).click()
    page.locator("details.category summary", has_text=topic).click()
    page.locator("details.category[open] .start-q", has_text=question).click()
    card = page.locator("#jai-log section.card.answer")
    card.wait_for()
    assert page.locator("#jai-log .choices").count() == 0
    assert question in card.inner_text()
    assert card.get_attribute("data-language") == lang
