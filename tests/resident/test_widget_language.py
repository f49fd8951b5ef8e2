"""Which language the widget opens in (Chromium): on the city's Japanese page the resident's
browser language decides (an English browser used to get Japanese, because the page says
lang="ja"); data-lang and a page in another language still decide; a browser language the chat
does not speak falls back to the page's."""

from __future__ import annotations

from typing import Any

import pytest

from jichitai_ai.i18n import t

from .conftest import Live, RequestLog

pytestmark = pytest.mark.browser


def _page(live: Live, page_lang: str, attrs: str = "") -> str:
    return (
        f"<!doctype html><html lang='{page_lang}'><head><meta charset='utf-8'><title>host</title>"
        f"</head><body><h1>host</h1><script src='{live.url}/widget.js' data-tenant='aoba-city'"
        f" {attrs} defer></script></body></html>"
    )


@pytest.mark.parametrize(
    ("browser_locale", "page_lang", "attrs", "expected"),
    [
        ("en-US", "ja", "", "en"),  # the fix: a foreign resident on the Japanese site
        ("ko-KR", "ja", "", "ko"),
        ("ja-JP", "ja", "", "ja"),
        ("pt-BR", "ja", "", "ja"),  # not a chat language: the page's
        ("en-US", "ja", "data-lang='ja'", "ja"),  # the site's explicit choice wins
        ("ja-JP", "en", "", "en"),  # the city's English page
    ],
)
def test_widget_language(
    live: Live,
    browser: Any,
    requests_seen: RequestLog,
    browser_locale: str,
    page_lang: str,
    attrs: str,
    expected: str,
) -> None:
    path = f"/lang-{browser_locale}-{page_lang}-{len(attrs)}"
    live.allowed.server.pages[path] = _page(live, page_lang, attrs)
    ctx = browser.new_context(viewport={"width": 375, "height": 667}, locale=browser_locale)
    ctx.route("**/*", requests_seen.handle)
    try:
        page = ctx.new_page()
        page.goto(live.allowed.origin + path)
        button = page.locator(".jai-widget-button")
        assert button.inner_text().strip() == t("resident.widget.open", expected)
        button.click()
        src = page.locator("iframe.jai-widget-frame").get_attribute("src") or ""
        assert src.endswith(f"/t/aoba-city/embed?lang={expected}")
        frame = page.frame_locator("iframe.jai-widget-frame")
        accept = frame.get_by_role("button", name=t("resident.notice.accept", expected))
        accept.click()
        # The chat opens after the notice's click handler runs in the frame: wait for it (a bare
        # is_visible() does not wait and failed once at load ~5 in CI).
        question = frame.locator("#question")
        question.wait_for(state="visible")
        assert question.is_visible()
    finally:
        ctx.close()
    assert requests_seen.remote() == []
