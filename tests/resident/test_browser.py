"""Real headless Chromium against a real uvicorn server (SQLite): the resident's whole path.

Every browser context aborts and records any request to a host other than the app (and the
stand-in municipal sites), and the test fails if there was one (see conftest.RequestLog).
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from jichitai_ai.i18n import t
from jichitai_ai.storage.tables import FeedbackEvent, QuestionLog

from . import helpers
from .conftest import SCREENSHOTS, Live, RequestLog

pytestmark = pytest.mark.browser

PAGE = "/t/aoba-city/"


def _ask(page: Any, question: str) -> Any:
    """Type a question, send it, and return the new exchange (an <article> in the log)."""
    before = page.locator("#jai-log article.exchange").count()
    page.fill("#question", question)
    page.locator("#jai-ask button[type=submit]").click()
    article = page.locator("#jai-log article.exchange").nth(before)
    article.locator("section.card").first.wait_for()
    return article


def _feedback_rows(live: Live, question_id: int) -> list[tuple[str, int]]:
    with live.platform.db.read() as s:
        rows = s.execute(
            select(FeedbackEvent.kind, FeedbackEvent.entry_id).where(
                FeedbackEvent.question_id == question_id
            )
        ).all()
    return sorted((str(k), int(e)) for k, e in rows)


def _latest_question_id(live: Live, text: str) -> int:
    with live.platform.db.read() as s:
        qid = (
            s.execute(
                select(QuestionLog.id)
                .where(QuestionLog.question == text)
                .order_by(QuestionLog.id.desc())
            )
            .scalars()
            .first()
        )
    assert qid is not None
    return int(qid)


def test_resident_notice_ask_choose_feedback(
    live: Live, context: Any, requests_seen: RequestLog
) -> None:
    page = context.new_page()
    page.goto(live.url + PAGE)
    assert "あおば市" in page.locator("header").inner_text()
    notice = page.locator("#jai-notice")
    assert notice.is_visible() and page.locator("#jai-chat").is_hidden()
    assert "個人を特定できる情報" in notice.inner_text()
    page.get_by_role("button", name=t("resident.notice.accept", "ja")).click()
    assert page.locator("#jai-chat").is_visible() and notice.is_hidden()
    assert page.evaluate("document.activeElement.id") == "question"
    page.reload()
    assert page.locator("#jai-chat").is_visible() and notice.is_hidden()  # remembered

    # A confident answer: card with its source and department.
    probe = helpers.answer_with_source(live.platform)
    entry = probe.result.answer.entry  # type: ignore[union-attr]
    article = _ask(page, probe.question)
    card = article.locator("section.card.answer")
    assert card.get_attribute("data-entry") == str(entry.id)
    assert card.locator("h3").inner_text() == entry.question
    assert card.locator(".source a").get_attribute("href") == entry.source_url
    assert entry.department is not None
    dept = card.locator(".dept").inner_text()
    assert entry.department.name in dept and entry.department.phone in dept
    page.screenshot(path=str(SCREENSHOTS / "resident-ja.png"), full_page=True)

    # A clarifying question: choices as buttons; picking one shows that entry.
    probe = helpers.clarify(live.platform)
    article = _ask(page, probe.question)
    buttons = article.locator("button.choice")
    assert buttons.count() == len(probe.result.choices)
    picked = probe.result.choices[0].entry
    buttons.first.click()
    chosen = article.locator("section.card.answer")
    chosen.wait_for()
    assert chosen.get_attribute("data-entry") == str(picked.id)
    assert page.evaluate("document.activeElement.tagName") == "H3"  # focus moved to the answer
    chosen.get_by_role("button", name=t("resident.feedback.resolved", "ja")).click()
    article.locator(".thanks").wait_for()
    qid = _latest_question_id(live, probe.question)
    assert _feedback_rows(live, qid) == [("choice", picked.id), ("resolved", picked.id)]

    # Nothing fits: hand-over to the tenant's general contact.
    probe = helpers.no_answer(live.platform)
    article = _ask(page, probe.question)
    handover = article.locator("section.card.handover").inner_text()
    assert t("resident.handover.heading", "ja") in handover and "0000-00-1000" in handover
    assert requests_seen.remote() == []


def test_english_ui_translated_and_untranslated(
    live: Live, context: Any, requests_seen: RequestLog
) -> None:
    page = context.new_page()
    page.goto(live.url + PAGE)
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**lang=en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Aoba City" in page.locator("header").inner_text()
    page.get_by_role("button", name=t("resident.notice.accept", "en")).click()
    assert page.locator("#jai-ask button[type=submit]").inner_text() == "Ask"

    probe = helpers.english_answer(live.platform, translated=True)
    card = _ask(page, probe.question).locator("section.card.answer")
    assert card.get_attribute("data-translated") == "true"
    assert card.locator("h3").inner_text() == probe.result.answer.entry.question  # type: ignore[union-attr]
    assert card.locator("h3").get_attribute("lang") == "en"
    assert card.locator(".only-ja").count() == 0
    page.screenshot(path=str(SCREENSHOTS / "resident-en.png"), full_page=True)

    probe = helpers.english_answer(live.platform, translated=False)
    card = _ask(page, probe.question).locator("section.card.answer")
    assert card.get_attribute("data-translated") == "false"
    assert card.locator(".only-ja").inner_text() == t("resident.only_japanese", "en")
    assert card.locator("h3").get_attribute("lang") == "ja"
    assert card.locator(".feedback button").first.inner_text() == t(
        "resident.feedback.resolved", "en"
    )
    assert requests_seen.remote() == []


def test_without_javascript(live: Live, browser: Any, requests_seen: RequestLog) -> None:
    ctx = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}, locale="ja-JP"
    )
    ctx.route("**/*", requests_seen.handle)
    try:
        page = ctx.new_page()
        page.goto(live.url + PAGE)
        page.get_by_role("button", name=t("resident.notice.accept", "ja")).click()
        page.wait_for_load_state()
        assert page.locator("#jai-chat").is_visible()
        probe = helpers.clarify(live.platform)
        page.fill("#question", probe.question)
        page.locator("#jai-ask button[type=submit]").click()
        page.wait_for_load_state()
        buttons = page.locator("button.choice")
        assert buttons.count() == len(probe.result.choices)
        picked = probe.result.choices[-1].entry
        buttons.last.click()
        page.wait_for_load_state()
        card = page.locator("section.card.answer")
        assert card.get_attribute("data-entry") == str(picked.id)
        assert picked.question in card.locator("h3").inner_text()
        card.get_by_role("button", name=t("resident.feedback.not_resolved", "ja")).click()
        page.wait_for_load_state()
        assert t("resident.feedback.thanks", "ja") in page.locator(".thanks").inner_text()
        qid = _latest_question_id(live, probe.question)
        assert _feedback_rows(live, qid) == [("choice", picked.id), ("not_resolved", picked.id)]
        # Phone width: nothing overflows sideways.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        ctx.close()
    assert requests_seen.remote() == []


def _host_page(live: Live, body: str) -> str:
    return (
        "<!doctype html><html lang='ja'><head><meta charset='utf-8'><title>あおば市公式サイト</title>"
        f"</head><body><h1>あおば市公式ホームページ（テスト）</h1>{body}</body></html>"
    )


def test_widget_on_allowed_origin(live: Live, context: Any, requests_seen: RequestLog) -> None:
    live.allowed.server.pages["/"] = _host_page(
        live, f'<script src="{live.url}/widget.js" data-tenant="aoba-city" defer></script>'
    )
    page = context.new_page()
    page.goto(live.allowed.origin + "/")
    button = page.locator(".jai-widget-button")
    assert button.inner_text().strip() == t("resident.widget.open", "ja")
    assert not [u for u in requests_seen.urls if "/t/aoba-city/embed" in u]  # lazy
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    frame = page.frame_locator("iframe.jai-widget-frame")
    frame.get_by_role("button", name=t("resident.notice.accept", "ja")).click()
    probe = helpers.answer_with_source(live.platform)
    frame.locator("#question").fill(probe.question)
    frame.locator("#jai-ask button[type=submit]").click()
    card = frame.locator("section.card.answer")
    card.wait_for()
    assert card.get_attribute("data-entry") == str(probe.result.answer.entry.id)  # type: ignore[union-attr]
    page.screenshot(path=str(SCREENSHOTS / "widget.png"))
    # The host page itself may call the API (CORS allows this origin).
    status = page.evaluate(
        """url => fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json'},
              body: JSON.stringify({question: 'ごみ'})}).then(r => r.status)""",
        f"{live.url}/api/v1/tenants/aoba-city/ask",
    )
    assert status == 200
    page.locator(".jai-widget-close").click()
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.className") == "jai-widget-button"
    assert requests_seen.remote() == []


def test_widget_on_a_site_not_allowed_explains_itself(live: Live, context: Any) -> None:
    """Instead of a broken frame, the panel says the site is not allowed and how to allow it."""
    live.denied.server.pages["/widget"] = _host_page(
        live, f'<script src="{live.url}/widget.js" data-tenant="aoba-city" defer></script>'
    )
    page = context.new_page()
    page.goto(live.denied.origin + "/widget")
    page.locator(".jai-widget-button").click()
    message = page.locator(".jai-widget-message")
    message.wait_for()
    text = message.inner_text()
    assert "まだチャットを表示できません" in text and live.denied.origin in text
    assert "widget origins aoba-city --add" in text
    assert page.locator("iframe.jai-widget-frame").count() == 0


def test_disallowed_origin_cannot_frame_or_call(live: Live, context: Any) -> None:
    live.denied.server.pages["/"] = _host_page(
        live,
        f'<iframe id="embed" title="x" src="{live.url}/t/aoba-city/embed"></iframe>'
        f'<iframe id="full" title="y" src="{live.url}/t/aoba-city/"></iframe>',
    )
    live.allowed.server.pages["/full"] = _host_page(
        live, f'<iframe id="full" title="y" src="{live.url}/t/aoba-city/"></iframe>'
    )
    page = context.new_page()
    for url in (live.denied.origin + "/", live.allowed.origin + "/full"):
        page.goto(url)
        page.wait_for_timeout(300)
        framed = [f for f in page.frames if f != page.main_frame]
        assert framed
        for frame in framed:
            # Chromium replaces a refused frame with an error page: our form never renders.
            assert frame.locator("#jai-ask").count() == 0
    error = page.evaluate(
        """url => fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json'},
              body: JSON.stringify({question: 'ごみ'})}).then(r => 'read ' + r.status, e => 'blocked')""",
        f"{live.url}/api/v1/tenants/sakura-town/ask",
    )
    assert error == "blocked"
    page.goto(live.denied.origin + "/")
    error = page.evaluate(
        """url => fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json'},
              body: JSON.stringify({question: 'ごみ'})}).then(r => 'read ' + r.status, e => 'blocked')""",
        f"{live.url}/api/v1/tenants/aoba-city/ask",
    )
    assert error == "blocked"
