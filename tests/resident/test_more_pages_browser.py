"""「さらに他の候補を見る」 in real headless Chromium (issue 16, page 2 of 「他の候補」): the page
script offers the next page below page 1's further choices, shows its new entries, a pick there
is rated like one from page 1; an empty page 2 says so with the contact; 解決した on a page-1
pick withdraws the offer."""

from __future__ import annotations

from typing import Any

import pytest

from jichitai_ai.i18n import t

from .conftest import Live, RequestLog
from .test_browser import PAGE, _feedback_rows, _latest_question_id
from .test_more_browser import open_widget
from .test_more_pages_form import _pages, _question

pytestmark = pytest.mark.browser


def _page_one(live: Live, context: Any, question: str) -> tuple[Any, Any]:
    """Ask on the chat page and open 「他の候補」 page 1 whatever the decision; the exchange
    and page 1's card."""
    page = context.new_page()
    page.goto(live.url + PAGE)
    return _open_page_one(live, page, question, "ja")


def _open_page_one(live: Live, root: Any, question: str, lang: str) -> tuple[Any, Any]:
    """In a page or the widget's frame: accept the notice, ask, open page 1."""
    root.get_by_role("button", name=t("resident.notice.accept", lang)).click()
    before = root.locator("#jai-log article.exchange").count()
    root.locator("#question").fill(question)
    root.locator("#jai-ask button[type=submit]").click()
    article = root.locator("#jai-log article.exchange").nth(before)
    article.locator("section.card").first.wait_for()
    result = live.platform.answering.ask("aoba-city", question, language=lang, record=False)
    if str(result.decision) == "answer":
        article.get_by_role("button", name=t("resident.feedback.not_resolved", lang)).click()
        article.locator(".thanks").wait_for()
    elif str(result.decision) == "clarify":
        article.locator(".none-of-these summary").click()
    article.get_by_role("button", name=t("resident.more.button", lang), exact=True).click()
    card = article.locator("section.card.more-choices").first
    card.wait_for()
    return article, card


def _offered(card: Any) -> list[int]:
    buttons = card.locator("button.choice")
    return [int(buttons.nth(i).get_attribute("data-entry")) for i in range(buttons.count())]


def test_page_two_shows_new_choices_and_a_pick_there_is_a_vote(
    live: Live, context: Any, requests_seen: RequestLog
) -> None:
    question = _question(live.platform, page2=True)
    first, second = _pages(live.platform, question)
    article, card = _page_one(live, context, question)
    assert _offered(card) == first
    next_button = card.get_by_role("button", name=t("resident.more.button_next", "ja"))
    assert next_button.count() == 1
    next_button.click()
    two = article.locator("section.card.more-choices").nth(1)
    two.wait_for()
    assert two.locator("h3").inner_text() == t("resident.more.heading", "ja")
    assert t("ask.more.found", "ja") in two.inner_text()
    assert _offered(two) == second and not set(second) & set(first)
    # The policy's last page: no third offer anywhere in the exchange.
    assert article.get_by_role("button", name=t("resident.more.button_next", "ja")).count() == 0
    two.locator("button.choice").last.click()
    chosen = article.locator(f'section.card.answer[data-entry="{second[-1]}"]')
    chosen.wait_for()
    chosen.get_by_role("button", name=t("resident.feedback.resolved", "ja")).click()
    chosen.locator(".thanks").wait_for()
    rows = _feedback_rows(live, _latest_question_id(live, question))
    assert ("choice", second[-1]) in rows and ("resolved", second[-1]) in rows
    assert requests_seen.remote() == []


def test_empty_page_two_says_so_with_the_contact(
    live: Live, context: Any, requests_seen: RequestLog
) -> None:
    question = _question(live.platform, page2=False)
    article, card = _page_one(live, context, question)
    card.get_by_role("button", name=t("resident.more.button_next", "ja")).click()
    two = article.locator("section.card.more-choices").nth(1)
    two.wait_for()
    assert t("ask.more.none", "ja") in two.inner_text()
    assert two.locator("button.choice").count() == 0
    assert t("resident.handover.general", "ja") in two.locator(".dept").inner_text()
    assert requests_seen.remote() == []


def test_resolved_on_a_page_one_pick_withdraws_page_two(
    live: Live, context: Any, requests_seen: RequestLog
) -> None:
    question = _question(live.platform, page2=True)
    article, card = _page_one(live, context, question)
    assert card.get_by_role("button", name=t("resident.more.button_next", "ja")).count() == 1
    card.locator("button.choice").first.click()
    chosen = article.locator("section.card.answer").last
    chosen.locator(".feedback").wait_for()
    chosen.get_by_role("button", name=t("resident.feedback.resolved", "ja")).click()
    chosen.locator(".thanks").wait_for()
    assert article.get_by_role("button", name=t("resident.more.button_next", "ja")).count() == 0
    assert requests_seen.remote() == []


def test_widget_offers_page_two_in_english(
    live: Live, context: Any, requests_seen: RequestLog
) -> None:
    question = _question(live.platform, page2=True)
    frame = open_widget(live, context, "/more2")
    article, card = _open_page_one(live, frame, question, "en")
    first = _offered(card)
    card.get_by_role("button", name=t("resident.more.button_next", "en")).click()
    two = article.locator("section.card.more-choices").nth(1)
    two.wait_for()
    second = _offered(two)
    assert first and second and not set(first) & set(second)
    assert t("ask.more.found", "en") in two.inner_text()
    assert requests_seen.remote() == []
