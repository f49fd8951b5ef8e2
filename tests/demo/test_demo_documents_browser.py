"""A newcomer after ``make run``: the demo editor opens 文書検索, asks about a fee and gets the
provision cited, with the collection saying where its documents come from (real headless
Chromium against the demo database; before, the page said there were no documents)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.browser import guarded_context, serve, sqlite_platform

from jichitai_ai.cli.core_commands import demo_documents
from jichitai_ai.demo.loader import DEMO_PASSWORD, load_demo
from jichitai_ai.web.app import create_app

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

SEARCH = "/console/t/aoba-city/documents"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("demo-documents")
    with sqlite_platform(folder) as platform:
        with platform.db.write() as session:
            load_demo(session)
        demo_documents(platform)
        with serve(create_app(platform=platform)) as url:
            yield url


def test_demo_editor_finds_and_opens_a_cited_provision(browser: Any, base_url: str) -> None:
    with guarded_context(browser, base_url) as context:
        page = context.new_page()
        page.goto(base_url + SEARCH)
        page.get_by_label("ユーザー名").fill("aoba-editor")
        page.get_by_label("パスワード").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="ログインする").click()
        page.wait_for_url(re.compile(re.escape(SEARCH) + "$"))
        assert page.locator("#no-documents").count() == 0

        page.get_by_label("質問・キーワード").fill("住民票の写しの手数料はいくらですか")
        page.get_by_role("button", name="検索する").click()
        first = page.locator("#supporting article").first
        first.wait_for()
        assert first.locator(".passage__title").inner_text() == "あおば市手数料条例"
        assert first.locator(".passage__location").inner_text() == "別表"
        answer = page.locator("#answer-text").inner_text()
        assert "300円" in answer and "[1]" in answer

        with context.expect_page() as opened:
            first.get_by_role("link", name="出典を開く（別表）").click()
        source = opened.value
        source.wait_for_load_state()
        assert "住民票の写しの交付" in source.locator("body").inner_text()
        source.close()

        page.get_by_role("navigation", name="文書検索のページ").get_by_role(
            "link", name="文書集とファイル"
        ).click()
        collections = page.locator("#collections").inner_text()
        assert "デモ用に作成した架空の例規" in collections and "e-Gov法令検索" in collections
        documents = page.locator("#documents").inner_text()
        assert "行政手続法" in documents and "405AC0000000088" in documents
