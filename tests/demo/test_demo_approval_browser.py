"""A newcomer after ``make run`` tries the approval flow (newcomer walkthroughs nc3, nc4): the
demo's 承認 queue was empty, so an approver had nothing to approve and the side-by-side
comparison, 差し戻す and the four-eyes rule could not be tried without first writing a change.
The demo now submits two edits by aoba-editor; aoba-approver approves one in Chromium and the
residents' answer changes only then."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.browser import guarded_context, serve, sqlite_platform

from jichitai_ai.demo.loader import DEMO_PASSWORD, load_demo
from jichitai_ai.web.app import create_app

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

QUEUE = "/console/t/aoba-city/approvals"
NEW_FEE = "1点 500円〜1,500円"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("demo-approval")
    with sqlite_platform(folder) as platform:
        with platform.db.write() as session:
            summary = load_demo(session)
        assert summary["aoba-city 承認待ち / waiting for approval"] == 2
        with platform.db.write() as session:  # loading again adds nothing
            assert "aoba-city 承認待ち / waiting for approval" not in load_demo(session)
        with serve(create_app(platform=platform)) as url:
            yield url


def _login(page: Any, base_url: str, username: str) -> None:
    page.goto(base_url + QUEUE)
    page.get_by_label("ユーザー名").fill(username)
    page.get_by_label("パスワード").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="ログインする").click()
    page.wait_for_url("**" + QUEUE)


def _resident_answer(page: Any, base_url: str) -> str:
    page.goto(base_url + "/t/aoba-city/?lang=ja")
    if page.locator("#jai-ack button").is_visible():
        page.locator("#jai-ack button").click()
    page.locator("#question").fill("粗大ごみを出したい")
    page.locator("#jai-ask button[type=submit]").click()
    card = page.locator("article.exchange").last.locator(".answer-text")
    card.wait_for()
    return str(card.inner_text())


@pytest.mark.parametrize("width", [1280, 375])
def test_the_demo_editor_sees_their_submitted_change(
    browser: Any, base_url: str, width: int
) -> None:
    viewport = {"width": width, "height": 900}
    with guarded_context(browser, base_url, viewport=viewport) as context:
        page = context.new_page()
        _login(page, base_url, "aoba-editor")
        rows = page.locator("tr[data-change]")
        assert rows.count() >= 1
        page.locator("tr[data-change]", has_text="粗大ごみを出したい").first.get_by_role(
            "link"
        ).click()
        page.locator("#resident-diff").wait_for()
        assert "1,500" in page.locator("#resident-diff").inner_text()
        assert page.locator("#approve-button").count() == 0  # an editor never approves


def test_the_demo_approver_approves_and_residents_see_it_then(browser: Any, base_url: str) -> None:
    with guarded_context(browser, base_url) as context:
        page = context.new_page()
        assert NEW_FEE not in _resident_answer(page, base_url)
        _login(page, base_url, "aoba-approver")
        waiting = page.locator("tr[data-change]")
        assert waiting.count() == 2
        assert all("aoba-editor" in row for row in waiting.all_inner_texts())
        page.locator("tr[data-change]", has_text="粗大ごみを出したい").get_by_role("link").click()
        diff = page.locator("#resident-diff")
        diff.wait_for()
        assert "1,500" in diff.inner_text()
        page.locator("#approve-button").click()
        page.wait_for_url("**done=approve")
        page.goto(base_url + QUEUE)
        assert page.locator("tr[data-change]").count() == 1
        assert NEW_FEE in _resident_answer(page, base_url)
