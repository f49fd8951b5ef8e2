"""「他の候補を見る」 in real headless Chromium (issue 16): after 解決しなかった, inside 「どれにも
当てはまらない」 of a clarification, and on a hand-over — on the chat page (Japanese) and in the
widget's panel (English). A pick among the further candidates is shown and rated like any
other choice, bound to the question's token."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from jichitai_ai.i18n import t
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.storage.tables import LearningLesson, QuestionLog

from . import helpers
from .conftest import Live, RequestLog
from .test_browser import PAGE, _ask, _feedback_rows, _host_page, _latest_question_id

pytestmark = pytest.mark.browser


def _expected_more(live: Live, question: str, shown: list[int]) -> list[int]:
    ranking = live.platform.answering.ask(
        helpers.TENANT, question, record=False, rank_all=True
    ).ranking
    more = feedback_service.LearningPolicy().more_choices
    return [e for e in ranking[:10] if e not in shown][:more]


def test_not_resolved_then_a_pick_among_more(
    live: Live, context: Any, requests_seen: RequestLog
) -> None:
    page = context.new_page()
    page.goto(live.url + PAGE)
    page.get_by_role("button", name=t("resident.notice.accept", "ja")).click()
    probe = helpers.answer_with_source(live.platform)
    answer = probe.result.answer.entry.id  # type: ignore[union-attr]
    article = _ask(page, probe.question)
    article.get_by_role("button", name=t("resident.feedback.not_resolved", "ja")).click()
    article.locator(".thanks").wait_for()
    article.get_by_role("button", name=t("resident.more.button", "ja")).click()
    more = article.locator("section.card.more-choices")
    more.wait_for()
    assert more.locator("h3").inner_text() == t("resident.more.heading", "ja")
    assert t("ask.more.found", "ja") in more.inner_text()
    buttons = more.locator("button.choice")
    offered = [int(buttons.nth(i).get_attribute("data-entry")) for i in range(buttons.count())]
    assert offered == _expected_more(live, probe.question, [answer]) and answer not in offered
    assert page.evaluate("document.activeElement.tagName") == "H3"
    buttons.nth(1).click()
    chosen = article.locator("section.card.answer").nth(1)
    chosen.wait_for()
    assert chosen.get_attribute("data-entry") == str(offered[1])
    chosen.get_by_role("button", name=t("resident.feedback.resolved", "ja")).click()
    chosen.locator(".thanks").wait_for()
    # No second 「他の候補」 button for the same question after this.
    assert article.get_by_role("button", name=t("resident.more.button", "ja")).count() == 0
    qid = _latest_question_id(live, probe.question)
    assert _feedback_rows(live, qid) == sorted(
        [("not_resolved", answer), ("choice", offered[1]), ("resolved", offered[1])]
    )
    with live.platform.db.read() as s:
        lessons = {
            (x.entry_id, x.polarity, x.supporters)
            for x in s.execute(select(LearningLesson)).scalars()
        }
        log = s.get(QuestionLog, qid)
        assert log is not None and log.resolved is True
    assert (answer, -1, 1) in lessons and (offered[1], 1, 1) in lessons
    # None of these fit: the clarification's 「どれにも当てはまらない」 offers more too.
    probe = helpers.clarify(live.platform)
    article = _ask(page, probe.question)
    article.locator(".none-of-these summary").click()
    assert article.locator(".none-of-these p").first.inner_text() == t(
        "resident.clarify.none_text", "ja"
    )
    article.get_by_role("button", name=t("resident.more.button", "ja")).click()
    more = article.locator("section.card.more-choices")
    more.wait_for()
    shown = [c.entry.id for c in probe.result.choices]
    expected = _expected_more(live, probe.question, shown)
    got = more.locator("button.choice")
    assert [int(got.nth(i).get_attribute("data-entry")) for i in range(got.count())] == expected
    assert requests_seen.remote() == []


def open_widget(live: Live, context: Any, path: str, lang: str = "en") -> Any:
    """A municipal page at ``path`` with the widget in ``lang``, opened; its panel's frame."""
    live.allowed.server.pages[path] = _host_page(
        live,
        f'<script src="{live.url}/widget.js" data-tenant="aoba-city" data-lang="{lang}" defer>'
        "</script>",
    )
    page = context.new_page()
    page.goto(live.allowed.origin + path)
    page.locator(".jai-widget-button").click()
    return page.frame_locator("iframe.jai-widget-frame")


def test_widget_hand_over_offers_more_in_english(
    live: Live, context: Any, requests_seen: RequestLog
) -> None:
    frame = open_widget(live, context, "/more")
    frame.get_by_role("button", name=t("resident.notice.accept", "en")).click()
    probe = helpers.no_answer(live.platform)
    frame.locator("#question").fill(probe.question)
    frame.locator("#jai-ask button[type=submit]").click()
    handover = frame.locator("section.card.handover")
    handover.wait_for()
    frame.get_by_role("button", name=t("resident.more.button", "en")).click()
    more = frame.locator("section.card.more-choices")
    more.wait_for()
    assert more.locator("h3").inner_text() == t("resident.more.heading", "en")
    expected = _expected_more(live, probe.question, [])
    got = more.locator("button.choice")
    assert [int(got.nth(i).get_attribute("data-entry")) for i in range(got.count())] == expected
    message = t("ask.more.found" if expected else "ask.more.none", "en")
    assert message in more.inner_text()
    assert requests_seen.remote() == []


def test_more_without_javascript(live: Live, browser: Any, requests_seen: RequestLog) -> None:
    ctx = browser.new_context(java_script_enabled=False, locale="ja-JP")
    ctx.route("**/*", requests_seen.handle)
    try:
        page = ctx.new_page()
        page.goto(live.url + PAGE)
        page.get_by_role("button", name=t("resident.notice.accept", "ja")).click()
        page.wait_for_load_state()
        probe = helpers.answer_with_source(live.platform)
        answer = probe.result.answer.entry.id  # type: ignore[union-attr]
        page.fill("#question", probe.question)
        page.locator("#jai-ask button[type=submit]").click()
        page.wait_for_load_state()
        page.get_by_role("button", name=t("resident.feedback.not_resolved", "ja")).click()
        page.wait_for_load_state()
        page.get_by_role("button", name=t("resident.more.button", "ja")).click()
        page.wait_for_load_state()
        buttons = page.locator("section.card.more-choices button.choice")
        expected = _expected_more(live, probe.question, [answer])
        assert buttons.count() == len(expected) > 0
        buttons.first.click()
        page.wait_for_load_state()
        card = page.locator("section.card.answer")
        assert card.get_attribute("data-entry") == str(expected[0])
        card.get_by_role("button", name=t("resident.feedback.resolved", "ja")).click()
        page.wait_for_load_state()
        qid = _latest_question_id(live, probe.question)
        assert _feedback_rows(live, qid) == sorted(
            [("not_resolved", answer), ("choice", expected[0]), ("resolved", expected[0])]
        )
    finally:
        ctx.close()
    assert requests_seen.remote() == []
