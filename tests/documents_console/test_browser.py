"""The documents pages in real headless Chromium against a real uvicorn server.

An editor logs in, uploads a generated 例規 (DOCX) and a regulation PDF, asks a colloquial
question, sees the right article with its location and highlighted sentence, opens the source
at that article, checks the PDF link opens the file at its page, and saves
docs/screenshots/console-documents.png. Every request to another host is blocked and fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import guarded_context, login, seeded_console
from tests.documents_console import files
from tests.documents_console.conftest import documents_app
from tests.documents_console.util import BASE, QUESTION

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "console-documents.png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with seeded_console(tmp_path_factory, "documents-browser", documents_app) as (url, _):
        yield url


@pytest.fixture
def context(browser: Any, base_url: str) -> Iterator[Any]:
    with guarded_context(browser, base_url) as ctx:
        yield ctx


def test_editor_uploads_searches_and_opens_the_source(context: Any, base_url: str) -> None:
    page = context.new_page()
    library = f"{BASE}/library"
    login(page, base_url, "aoba-editor", library)
    nav = page.get_by_role("navigation", name="メインメニュー")
    assert (
        nav.get_by_role("link", name="文書検索", exact=True).get_attribute("aria-current") == "page"
    )

    page.get_by_label("ファイル（複数選択可）").set_input_files(
        [
            {"name": "kinmu-jorei.docx", "mimeType": DOCX, "buffer": files.reiki_docx()},
            {"name": "gomi-jorei.pdf", "mimeType": "application/pdf", "buffer": files.gomi_pdf()},
        ]
    )
    page.get_by_role("button", name="取り込む").click()
    results = page.locator("#upload-results")
    results.wait_for()
    assert results.locator("tr.upload-indexed").count() == 2
    assert "あおば市職員の勤務時間、休暇等に関する条例" in page.locator("#documents").inner_text()

    page.get_by_role("navigation", name="文書検索のページ").get_by_role(
        "link", name="検索", exact=True
    ).click()
    page.get_by_label("質問・キーワード").fill(QUESTION)
    page.get_by_role("button", name="検索する").click()
    first = page.locator("#supporting article").first
    first.wait_for()
    assert (
        first.locator(".passage__title").inner_text()
        == "あおば市職員の勤務時間、休暇等に関する条例"
    )
    assert first.locator(".passage__location").inner_text() == "第5条第2項"
    assert "翌年に繰り越すことができる" in first.locator("mark").first.inner_text()
    assert "[1]" in page.locator("#answer-text").inner_text()
    page.screenshot(path=str(SCREENSHOT), full_page=True)

    with context.expect_page() as opened:
        first.get_by_role("link", name="出典を開く（第5条第2項）").click()
    source = opened.value
    source.wait_for_load_state()
    assert re.search(r"/api/v1/tenants/aoba/documents/\d+/view#c4$", source.url)
    article = source.locator("section#c4")
    assert (
        "年次休暇は、二十日を限度として、当該年の翌年に繰り越すことができる" in article.inner_text()
    )
    assert article.locator("h2").inner_text() == "第5条"
    source.close()

    page.get_by_label("質問・キーワード").fill("粗大ごみの手数料はいくらですか")
    page.get_by_role("button", name="検索する").click()
    pdf = page.locator("#supporting article").first
    pdf.wait_for()
    assert pdf.locator(".passage__page").inner_text() == "p.2"
    href = pdf.get_by_role("link", name=re.compile("出典を開く")).get_attribute("href")
    assert href and href.endswith("/file#page=2")
    response = context.request.get(base_url + href.split("#")[0])  # the session cookie is sent
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
