"""FAQ import as a municipal editor does it, in Chromium (newcomer walkthrough nc4): a Shift_JIS
CSV saved from Excel with Japanese headers and no 管理番号, then a broken file.

Found: imported rows got codes like ``E41861441E8`` (now the tenant's next numbers, AOBA-2 …),
and a broken file led to a dead-end error page (「操作できませんでした」 with only a link to the
console's top) instead of the import page with the reason and the form to try again."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import guarded_context, login, seeded_console
from tests.console.helpers import World, make_app

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

IMPORT = "/console/t/aoba/faq/import"


def excel_csv(tag: int) -> bytes:
    """What 「CSV（コンマ区切り）」 in Japanese Excel writes: Shift_JIS (cp932), CRLF."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(
        [
            ["管理番号", "質問", "回答", "分類", "担当課"],
            [
                "",
                f"印鑑登録証をなくした（{tag}）。",
                "市民課の窓口で廃止と再登録ができます。",
                "印鑑登録",
                "市民課",
            ],
            [
                "",
                f"住民票を郵送で請求したい（{tag}）。",
                "請求書と本人確認書類の写しを送ってください。",
                "住民票",
                "市民課",
            ],
        ]
    )
    return out.getvalue().encode("cp932")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, World]]:
    with seeded_console(tmp_path_factory, "import-browser", make_app) as served:
        yield served


@pytest.mark.parametrize("width", [1280, 375])
def test_excel_csv_then_a_broken_file(browser: Any, site: tuple[str, World], width: int) -> None:
    base_url, _ = site
    viewport = {"width": width, "height": 900}
    with guarded_context(browser, base_url, viewport=viewport) as context:
        page = context.new_page()
        login(page, base_url, "aoba-editor", IMPORT)
        upload = page.locator('input[type="file"][name="file"]')
        upload.set_input_files(
            [{"name": f"FAQ一覧-{width}.csv", "mimeType": "text/csv", "buffer": excel_csv(width)}]
        )
        page.get_by_role("button", name="取り込む").click()
        page.get_by_text("取り込みました（新規 2 件").wait_for()

        page.goto(base_url + "/console/t/aoba/approvals")
        rows = page.locator("tr[data-change]", has_text=f"印鑑登録証をなくした（{width}）。")
        rows = rows.or_(
            page.locator("tr[data-change]", has_text=f"住民票を郵送で請求したい（{width}）。")
        )
        ids = [code.strip() for code in rows.locator("code").all_inner_texts()]
        assert len(ids) == 2, ids
        assert all(re.fullmatch(r"AOBA-\d+", i) for i in ids), ids
        assert len(set(ids)) == len(ids)

        page.goto(base_url + IMPORT)
        upload = page.locator('input[type="file"][name="file"]')
        upload.set_input_files(
            [
                {
                    "name": "FAQ一覧.xlsx",
                    "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "buffer": b"PK\x03\x04 this is not really a workbook",
                }
            ]
        )
        page.get_by_role("button", name="取り込む").click()
        message = page.locator("#import-file-error")
        message.wait_for()
        assert "Excel ファイル（.xlsx）として読み込めません" in message.inner_text()
        # still on the import page, ready for the corrected file
        assert page.locator('input[type="file"][name="file"]').is_visible()
        assert "操作できませんでした" not in page.locator("main").inner_text()


@pytest.mark.parametrize("width", [1280, 375])
def test_a_csv_with_only_a_blank_row_is_an_error(
    browser: Any, site: tuple[str, World], width: int
) -> None:
    """nc6: Excel saves a sheet whose one data row was cleared as 「管理番号,質問,回答」 and
    「,,」; the page said 「取り込みました（新規 0 件…）」 in green. Now it names the problem."""
    base_url, _ = site
    blank = "管理番号,質問,回答\r\n,,\r\n".encode("cp932")
    with guarded_context(browser, base_url, viewport={"width": width, "height": 900}) as context:
        page = context.new_page()
        login(page, base_url, "aoba-editor", "/console/t/aoba/approvals")
        before = page.locator("tr[data-change]").count()
        page.goto(base_url + IMPORT)
        page.locator('input[type="file"][name="file"]').set_input_files(
            [{"name": "FAQ一覧.csv", "mimeType": "text/csv", "buffer": blank}]
        )
        page.get_by_role("button", name="取り込む").click()
        message = page.locator("#import-file-error")
        message.wait_for()
        assert "取り込む項目が見つかりませんでした" in message.inner_text()
        assert "取り込みました" not in page.locator("main").inner_text()
        assert page.locator('input[type="file"][name="file"]').is_visible()
        page.goto(base_url + "/console/t/aoba/approvals")
        assert page.locator("tr[data-change]").count() == before
