"""OCR確認 in real headless Chromium (ocr1): an editor uploads a photocopied regulation whose
「第二条」 Tesseract reads as 「第-条」 at confidence ≈ 90; the line waits in OCR確認 marked 自動補正
with what the machine read and why, the editor accepts it and search finds the article as 第2条.
Every request to another host is blocked and fails."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from benchmarks.documents.ocr_structure import regulation

from jichitai_ai.documents.ocr import ocr_available
from jichitai_ai.documents.ocr._synthetic import font_path, render_copy
from tests.browser import guarded_context, login, seeded_console
from tests.documents.test_ocr_structure import SEED, SIZE
from tests.documents_console.conftest import documents_app
from tests.documents_console.util import BASE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not ocr_available() or font_path() is None,
        reason="Tesseract jpn / Noto CJK missing: run scripts/ensure-services.sh",
    ),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with seeded_console(tmp_path_factory, "ocr-structure-browser", documents_app) as (url, _):
        yield url


@pytest.fixture
def context(browser: Any, base_url: str) -> Iterator[Any]:
    with guarded_context(browser, base_url, timeout_ms=60_000) as ctx:
        yield ctx


def test_a_repaired_heading_is_confirmed_in_the_review_queue(context: Any, base_url: str) -> None:
    page = context.new_page()
    login(page, base_url, "aoba-editor", f"{BASE}/library")
    scan = render_copy([(line, 0) for line in regulation()], size=SIZE, seed=SEED)
    page.get_by_label("ファイル（複数選択可）").set_input_files(
        [{"name": "chusha-jorei.png", "mimeType": "image/png", "buffer": scan}]
    )
    page.get_by_role("button", name="取り込む").click()
    page.locator("#upload-results").wait_for()

    page.get_by_role("navigation", name="文書検索のページ").get_by_role(
        "link", name="OCR確認", exact=True
    ).click()
    page.locator("#ocr-queue").wait_for()
    line = page.locator("li.ocr-line").filter(has_text="駐車場の名称及び位置")
    assert line.count() == 1
    assert line.locator(".ocr-reason").inner_text() == "自動補正"
    assert "前後の条の番号から補いました" in line.locator(".ocr-reason-hint").inner_text()
    machine = line.locator(".ocr-original").inner_text()
    assert "機械の読み取り" in machine and "第二条" not in machine
    field = line.get_by_label("読み取った文字")
    assert field.input_value().startswith("第二条")
    line_id = line.get_attribute("id")
    line.get_by_role("button", name="このまま確定").click()
    page.locator("#ocr-done").wait_for()
    assert page.locator(f"#{line_id}").count() == 0

    page.get_by_role("navigation", name="文書検索のページ").get_by_role(
        "link", name="検索", exact=True
    ).click()
    page.get_by_label("質問・キーワード").fill("駐車場の名称及び位置")
    page.get_by_role("button", name="検索する").click()
    hit = page.locator("article").filter(has_text="駐車場の名称及び位置").first
    hit.wait_for()
    assert "第2条" in hit.inner_text()
