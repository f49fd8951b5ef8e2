"""Staff pages at phone width (375 px) in real headless Chromium, as a newcomer opens them.

Found by the newcomer walkthrough: the FAQ list's hidden button labels escaped the table's scroll
box and the widget tag did not wrap, so the whole page scrolled sideways; the gateway pages had no
link back to the console.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import guarded_context, login, seeded_console
from tests.console.helpers import World, make_app

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

PAGES = (
    "/console/t/aoba/faq",
    "/console/t/aoba/widget",
    "/console/t/aoba/approvals",
    "/console/t/aoba/departments",
    "/console/t/aoba/unanswered",
    "/console/t/aoba/learning",
    "/console/t/aoba/dashboard",
    "/console/gateway/reviews",
    "/console/gateway/preview",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, World]]:
    with seeded_console(tmp_path_factory, "phone", make_app) as served:
        yield served


def test_console_pages_do_not_scroll_sideways_at_375px(
    browser: Any, site: tuple[str, World]
) -> None:
    base_url, _ = site
    with guarded_context(browser, base_url, viewport={"width": 375, "height": 800}) as context:
        page = context.new_page()
        login(page, base_url, "pref-admin", "/console/t/aoba/faq")
        assert page.locator("#faq-table tbody tr").count() > 0  # the table that used to overflow
        assert page.locator("#faq-table .visually-hidden").count() > 0
        widths = {}
        for path in PAGES:
            response = page.goto(base_url + path)
            assert response is not None and response.status == 200, path
            widths[path] = page.evaluate("document.documentElement.scrollWidth")
        too_wide = {path: width for path, width in widths.items() if width > 375}
        assert too_wide == {}, too_wide
        # The page menu is one sideways-scrolling row, not seven rows filling the first screen,
        # and the current page's link is scrolled into view.
        page.goto(base_url + "/console/t/aoba/dashboard")
        nav = page.locator(".main-nav ul")
        assert nav.bounding_box()["height"] < 60
        current = page.locator('.main-nav a[aria-current="page"]').bounding_box()
        assert current is not None and current["x"] >= 0 and current["x"] + current["width"] <= 375


def test_gateway_pages_link_back_to_the_console(browser: Any, site: tuple[str, World]) -> None:
    base_url, _ = site
    with guarded_context(browser, base_url) as context:
        page = context.new_page()
        login(page, base_url, "aoba-editor", "/console/t/aoba/faq")
        page.get_by_role("link", name="生成AI送信の確認").click()
        page.wait_for_url("**/console/gateway/reviews**")
        page.get_by_role("link", name="← 管理画面へ戻る").click()
        page.wait_for_url("**/console/t/aoba/faq")
        assert page.get_by_role("heading", level=1).inner_text().startswith("FAQ")
        page.goto(base_url + "/console/gateway/preview?lang=en")
        page.get_by_role("link", name="← Back to the console").click()
        page.wait_for_url("**/console/t/aoba/faq")
        assert page.locator("html").get_attribute("lang") == "en"


def test_gateway_preview_shows_reasons_in_words(browser: Any, site: tuple[str, World]) -> None:
    """The preview API answers with catalogue keys; the page must not show them raw."""
    base_url, _ = site
    with guarded_context(browser, base_url) as context:
        page = context.new_page()
        login(page, base_url, "aoba-editor", "/console/t/aoba/faq")
        # 「送信の可否: 送信できません」, not 「送信不可: はい」 (a double negative; nc3)
        for lang, yes_no in (
            ("ja", {"送信できません", "送信できます"}),
            ("en", {"No, refused", "Yes"}),
        ):
            page.goto(f"{base_url}/console/gateway/preview?lang={lang}")
            page.locator("#preview-text").fill("山田太郎（電話 090-1234-5678）の住民票について")
            page.locator("#preview button[type=submit]").click()
            result = page.locator("#preview-result")
            result.wait_for(state="visible")
            refused = result.locator('[data-field="refused"]').inner_text()
            reason = result.locator('[data-field="reason"]').inner_text()
            assert refused in yes_no, refused
            assert "gateway." not in reason and "{" not in reason, reason
            label = result.locator("dt").first.inner_text()
            assert label == {"ja": "送信の可否", "en": "Can it be sent?"}[lang], label
            if refused in ("送信できません", "No, refused"):
                assert len(reason) > 10  # a refusal always says why


def test_gateway_pages_are_drawn_in_the_console_layout(
    browser: Any, site: tuple[str, World]
) -> None:
    """Found by the newcomer walkthrough: the gateway pages had a layout of their own (no
    menu, no tenant switcher, no sign-out), the menu lost its place on them, and the English
    preview page offered "auto" and Japanese tenant names."""
    base_url, _ = site
    with guarded_context(browser, base_url) as context:
        page = context.new_page()
        login(page, base_url, "aoba-editor", "/console/t/aoba/faq")
        menu = page.get_by_role("navigation", name="メインメニュー")
        menu.get_by_role("link", name="生成AI送信の確認").click()
        page.wait_for_url("**/console/gateway/reviews?tenant=aoba")
        menu = page.get_by_role("navigation", name="メインメニュー")
        current = menu.locator('a[aria-current="page"]')
        assert current.inner_text() == "生成AI送信の確認"
        assert page.get_by_role("button", name="ログアウト").is_visible()
        tabs = page.get_by_role("navigation", name="生成AI送信の確認のページ")
        assert tabs.locator('a[aria-current="page"]').inner_text() == "確認待ちの依頼"
        tabs.get_by_role("link", name="送信内容の確認（送信前プレビュー）").click()
        page.wait_for_url("**/console/gateway/preview?tenant=aoba")
        assert menu.locator('a[aria-current="page"]').inner_text() == "生成AI送信の確認"
        page.goto(base_url + "/console/gateway/preview?tenant=aoba&lang=en")
        backend = page.locator("#preview select[name=backend] option").first.inner_text()
        assert backend == "Automatic (by data class)"
        assert page.locator("#preview select[name=tenant] option:checked").inner_text() == (
            "Aoba City"
        )
        menu = page.get_by_role("navigation", name="Main menu")
        assert menu.locator('a[aria-current="page"]').inner_text() == "AI gateway reviews"


def test_learning_lessons_stay_readable_on_a_phone(browser: Any, site: tuple[str, World]) -> None:
    """Found by the newcomer walkthrough: at 375 px the lessons' table inside an entry's row
    was squeezed to a character per line; it now scrolls sideways inside its box."""
    import httpx

    base_url, _ = site
    asked = httpx.post(
        f"{base_url}/api/v1/tenants/aoba/ask", json={"question": "住民票の写しを取りたい"}
    ).json()
    vote = httpx.post(
        f"{base_url}/api/v1/tenants/aoba/feedback",
        json={"token": asked["feedback_token"], "kind": "not_resolved"},
    )
    assert vote.status_code == 200
    with guarded_context(browser, base_url, viewport={"width": 375, "height": 800}) as context:
        page = context.new_page()
        login(page, base_url, "aoba-editor", "/console/t/aoba/learning")
        header = page.locator(".lessons-table thead th").first
        lines = header.evaluate(
            "(el) => { const r = document.createRange(); r.selectNodeContents(el);"
            " return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size; }"
        )
        assert lines <= 2, f"{header.inner_text()} takes {lines} lines"
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
