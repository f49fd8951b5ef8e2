"""The nursery allocation page in real headless Chromium against a real uvicorn server.

An editor logs in, uploads a generated instance (60 children, 5 facilities), runs it, opens a
child's explanation, downloads the XLSX and saves docs/screenshots/console-hoiku.png. Every
request to another host is blocked and fails the test.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.browser import guarded_context, login, seeded_console
from tests.hoiku_console.conftest import hoiku_app
from tests.hoiku_console.util import NATIVE

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "console-hoiku.png"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with seeded_console(tmp_path_factory, "hoiku-browser", hoiku_app) as (url, _):
        yield url


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    with guarded_context(browser, base_url, accept_downloads=True) as context:
        yield context.new_page()


def test_editor_uploads_runs_explains_and_downloads(
    page: Any, base_url: str, instance_dir: Path
) -> None:
    target = "/console/t/aoba/hoiku"
    login(page, base_url, "aoba-editor", target)
    nav = page.get_by_role("navigation", name="メインメニュー")
    assert nav.get_by_role("link", name="保育所等利用調整").get_attribute("aria-current") == "page"

    page.get_by_label("入力ファイル（複数選択可）").set_input_files(
        [str(instance_dir / name) for name in NATIVE]
    )
    page.get_by_role("button", name="取り込む").click()
    page.wait_for_url(re.compile(r"/hoiku/runs/[\w-]+$"), timeout=5000)
    assert page.locator("#hoiku-facts").inner_text().count("60") >= 1

    # `auto` is the default; fast and exact sit behind the advanced options, closed.
    auto = page.get_by_label(re.compile(r"^自動（推奨）"))
    assert auto.is_checked()
    fast = page.get_by_label("高速（きょうだい対応の受入保留方式、数秒）")
    assert not fast.is_visible() and not fast.is_checked()
    page.locator("#hoiku-advanced summary").click()
    assert (
        fast.is_visible() and page.get_by_label("厳密（最適化ソルバー、制限時間まで）").is_visible()
    )
    assert page.locator("#time-limit").input_value() == "900"
    page.get_by_role("button", name="利用調整を実行する").click()
    page.wait_for_url(re.compile(r"\?done=run$"))
    assert page.get_by_role("status").first.inner_text() == "利用調整を実行しました。"
    placed = page.locator("#placed-count").inner_text()
    assert re.fullmatch(r"\d+ / 60", placed), placed
    assert page.locator("#verdict").inner_text() == "安定"
    assert "厳密" in page.locator(".kpi-card", has_text="実行方法").inner_text()  # auto used CP-SAT

    # Waiting children only, then one child's explanation (根拠説明).
    page.get_by_label("結果", exact=True).select_option("waiting")
    page.get_by_role("button", name="絞り込む").click()
    page.wait_for_url(re.compile(r"status=waiting"))
    first = page.locator("#hoiku-children tbody tr").first
    reasons = first.locator("ol.reasons")
    assert not reasons.is_visible()
    first.get_by_text("根拠説明を表示").click()
    assert reasons.is_visible()
    text = reasons.inner_text()
    assert "第1希望" in text and "いずれの希望施設にも入所できませんでした" in text

    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("Excel")).click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    book = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()), read_only=True)
    assert book.sheetnames == ["結果", "施設別名簿", "待機リスト"]
    rows = list(book["結果"].iter_rows(values_only=True))
    assert len(rows) == 61 and rows[0][:2] == ("児童ID", "施設ID")
    assert sum(1 for r in rows[1:] if r[1]) == int(placed.split(" / ")[0])

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
