"""The upload form's 取込先の文書集 in Chromium. The newcomer walkthrough (nc4) found the demo
preselecting ``horei`` (法令) only because it comes first in the alphabet, and showing bare slugs:
a staff member uploading a manual filed it under 法令 without noticing. With several collections
nothing is preselected (the form asks, and so does the server), and each choice shows its title."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jichitai_ai.documents import documents_for
from tests.browser import guarded_context, login, serve, sqlite_platform
from tests.console.helpers import seed
from tests.documents_console.conftest import documents_app
from tests.documents_console.util import BASE

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

REPO = Path(__file__).resolve().parents[2]
MANUAL = "窓口業務マニュアル\n\n転入届の受付では本人確認書類を確認する。\n".encode()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with sqlite_platform(tmp_path_factory.mktemp("upload-target")) as platform:
        seed(platform)
        service = documents_for(platform)
        service.set_collection("aoba", "horei", visibility="staff", title="法令（e-Gov）")
        service.set_collection("aoba", "manuals", visibility="staff", title="業務マニュアル")
        with serve(documents_app(platform)) as url:
            yield url


@pytest.mark.parametrize("width", [1280, 375])
def test_nothing_is_preselected_and_choices_show_titles(
    browser: Any, base_url: str, width: int
) -> None:
    viewport = {"width": width, "height": 900}
    with guarded_context(browser, base_url, viewport=viewport) as context:
        page = context.new_page()
        login(page, base_url, "aoba-editor", f"{BASE}/library")
        target = page.get_by_label("取込先の文書集")
        assert target.input_value() == ""
        labels = [o.strip() for o in target.locator("option").all_inner_texts()]
        assert labels == ["選んでください", "業務マニュアル（manuals）", "法令（e-Gov）（horei）"]

        page.get_by_label("ファイル（複数選択可）").set_input_files(
            [{"name": "madoguchi.md", "mimeType": "text/markdown", "buffer": MANUAL}]
        )
        page.get_by_role("button", name="取り込む").click()
        # the browser asks for the collection; nothing was sent
        assert target.evaluate("el => el.validity.valueMissing") is True
        assert page.locator("#upload-results").count() == 0

        target.select_option(label="業務マニュアル（manuals）")
        page.get_by_role("button", name="取り込む").click()
        page.locator("#upload-results").wait_for()
        row = page.locator("#documents tr", has_text="madoguchi.md")
        assert "manuals" in row.inner_text()


def test_the_server_also_refuses_a_missing_choice(browser: Any, base_url: str) -> None:
    """Without the browser's check (an old browser, a script) nothing goes into ``horei``."""
    with guarded_context(browser, base_url) as context:
        page = context.new_page()
        login(page, base_url, "aoba-editor", f"{BASE}/library")
        page.get_by_label("取込先の文書集").evaluate("el => el.removeAttribute('required')")
        page.get_by_label("ファイル（複数選択可）").set_input_files(
            [{"name": "kakunin.md", "mimeType": "text/markdown", "buffer": MANUAL}]
        )
        page.get_by_role("button", name="取り込む").click()
        page.get_by_text("取込先の文書集を選んでください。").wait_for()
        assert "kakunin.md" not in page.locator("#documents").inner_text()


def test_a_truncated_pdf_is_explained_without_the_library_message(
    browser: Any, base_url: str
) -> None:
    """nc6: the upload result said 「読み取れませんでした（Stream has ended unexpectedly）」."""
    pdf = (REPO / "tests/documents/fixtures/blind8/nishinoshima_choei_bus.pdf").read_bytes()
    with guarded_context(browser, base_url, viewport={"width": 375, "height": 900}) as context:
        page = context.new_page()
        login(page, base_url, "aoba-editor", f"{BASE}/library")
        page.get_by_label("取込先の文書集").select_option(label="業務マニュアル（manuals）")
        page.get_by_label("ファイル（複数選択可）").set_input_files(
            [{"name": "途中まで.pdf", "mimeType": "application/pdf", "buffer": pdf[:2000]}]
        )
        page.get_by_role("button", name="取り込む").click()
        results = page.locator("#upload-results")
        results.wait_for()
        text = results.inner_text()
        assert "「途中まで.pdf」は PDF として読み取れません。" in text, text
        assert "Stream" not in text and "unexpectedly" not in text
        assert "途中まで.pdf" not in page.locator("#documents").inner_text()
        # nc11: at 375 px the message — what to do with the file — was two characters wide and
        # cut off at the table box's edge; each result is now one block with its column names.
        detail = results.locator("td", has_text="PDF として読み取れません").first
        box = detail.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 375 and box["width"] >= 250, box
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
