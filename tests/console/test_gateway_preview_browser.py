"""送信内容の確認 in Chromium with no AI model registered (as after ``make run``): the newcomer
walkthrough (nc4) saw only 「AIモデルに届く内容 -」 and could not check the masking at all. The
page now shows the text after masking even though nothing may be sent."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import guarded_context, login, seeded_console
from tests.console.helpers import World, make_app

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

PAGE = "/console/gateway/preview?tenant=aoba"
TEXT = "青葉町の鈴木花子さん（電話 080-5555-0101）から、児童手当の振込について問い合わせがありました。返信文を作ってください。"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, World]]:
    with seeded_console(tmp_path_factory, "gateway-preview", make_app) as served:
        yield served


@pytest.mark.parametrize("width", [1280, 375])
def test_masked_text_is_shown_without_a_model(
    browser: Any, site: tuple[str, World], width: int
) -> None:
    base_url, _ = site
    viewport = {"width": width, "height": 900}
    with guarded_context(browser, base_url, viewport=viewport) as context:
        page = context.new_page()
        login(page, base_url, "aoba-editor", "/console/t/aoba/faq")
        page.goto(base_url + PAGE)
        assert page.locator("#no-backends").is_visible()
        page.locator("#preview-text").fill(TEXT)
        page.get_by_role("button", name="確認する").click()
        masked = page.locator("#preview-masked")
        page.locator("#preview-result").wait_for()
        page.locator('[data-field="refused"]', has_text="送信").wait_for()
        assert page.locator('[data-field="refused"]').inner_text() == "送信できません"
        text = masked.inner_text()
        assert "鈴木花子" not in text and "080-5555-0101" not in text
        assert "【氏名1】" in text and "【電話番号1】" in text and "児童手当の振込" in text
        assert masked.is_visible()
        box = masked.bounding_box()
        assert box is not None and box["x"] + box["width"] <= width
