"""In real headless Chromium (Debian's, through Playwright) against a real uvicorn server: an
editor adds another authority in the console, tries a question in the preview, and a resident
asking on the chat page is handed over to it; an edit of its phone number reaches the
resident's next question. The console page's screenshot goes to docs/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from jichitai_ai.retrieval import HashingEmbedder
from jichitai_ai.services.platform import Platform
from tests.browser import guarded_context, login, seeded_console
from tests.console.helpers import World, make_app

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
QUESTION = "運転免許証の更新はどこでできますか"


def _dense_app(platform: Platform) -> FastAPI:
    """The console app with a small dense embedder: hand-overs to other authorities need one
    (the bundled model is the product's; a hashing embedder keeps the test fast)."""
    platform.answering.factory.embedder = HashingEmbedder(64)
    return make_app(platform)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, World]]:
    with seeded_console(tmp_path_factory, "contacts-browser", _dense_app) as served:
        yield served


def _ask_resident(page: Any, base_url: str, question: str) -> Any:
    page.goto(base_url + "/t/aoba/")
    accept = page.locator("#jai-notice button")
    if page.locator("#jai-notice").is_visible():
        accept.first.click()
    before = page.locator("#jai-log article.exchange").count()
    page.fill("#question", question)
    page.locator("#jai-ask button[type=submit]").click()
    article = page.locator("#jai-log article.exchange").nth(before)
    article.locator("section.card").first.wait_for()
    return article


def test_an_added_authority_receives_the_residents_question(
    browser: Any, site: tuple[str, World]
) -> None:
    base_url, _ = site
    with guarded_context(browser, base_url) as context:
        page = context.new_page()
        # Before: the resident's question gets no hand-over to the licence centre.
        before = _ask_resident(page, base_url, QUESTION)
        assert before.locator(".other-authority").count() == 0

        login(page, base_url, "aoba-editor", "/console/t/aoba/contacts")
        assert page.locator("#emergency-origin").get_attribute("data-own") == "no"
        page.get_by_role("link", name="機関を追加").click()
        names = page.locator("#names")
        names.get_by_label("日本語 （必須）").fill("みずほ県運転免許センター")
        names.get_by_label("英語", exact=True).fill("Mizuho Driver's Licence Centre")
        page.get_by_label("担当する業務").fill("運転免許証の更新\n運転免許の試験")
        page.get_by_label("業務を表す言葉").fill("運転免許\ndriver's licen")
        page.get_by_label("ウェブサイト").fill("not a url")
        page.get_by_role("button", name="保存する").click()
        # A mistake: shown with what was typed, nothing stored.
        errors = page.locator("#item-errors")
        assert "http:// または https://" in errors.inner_text()
        assert "電話番号" not in errors.inner_text()  # a (bad) url was given
        assert page.get_by_label("担当する業務").input_value() == "運転免許証の更新\n運転免許の試験"
        page.get_by_label("ウェブサイト").fill("")
        page.get_by_label("電話番号").fill("0000-00-7100")
        page.get_by_role("button", name="保存する").click()
        assert "追加しました" in page.locator("#contacts-done").inner_text()
        row = page.locator("#authorities-table tbody tr").first
        assert "みずほ県運転免許センター" in row.inner_text()
        assert "追加（みずほ県運転免許センター）" in page.locator("#changes-table").inner_text()

        # The preview decides as the answering service does.
        page.get_by_label("質問", exact=True).fill(QUESTION)
        page.get_by_role("button", name="試す").click()
        result = page.locator("#preview-result")
        assert result.get_attribute("data-decision") == "no_answer"
        assert "「みずほ県運転免許センター」を案内します。" in result.inner_text()
        page.screenshot(path=str(SCREENSHOTS / "console-contacts.png"), full_page=True)

        # The resident is handed over to it, in English too.
        resident = context.new_page()
        card = _ask_resident(resident, base_url, QUESTION).locator(".other-authority")
        assert "みずほ県運転免許センター" in card.inner_text()
        assert "0000-00-7100" in card.inner_text()

        # An edit reaches the resident's next question.
        page.locator("#authorities-table tbody tr a").first.click()
        page.get_by_label("電話番号").fill("0000-00-7199")
        page.get_by_role("button", name="保存する").click()
        assert "保存しました" in page.locator("#contacts-done").inner_text()
        card = _ask_resident(resident, base_url, QUESTION).locator(".other-authority")
        assert "0000-00-7199" in card.inner_text() and "0000-00-7100" not in card.inner_text()
