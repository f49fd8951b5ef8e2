"""The approver's diff (承認フロー) on a 375 px phone, in real headless Chromium.

Found by the newcomer walkthroughs: the three-column table (項目 / 現在 / 承認後) was wider than
the phone, so the 承認後 column — what residents will read — sat off-screen in a sideways
scroll box and long answers were cut at the screen's edge. At phone width each field is now one
block: its name, then 現在 and 承認後 one under the other, each labelled.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import guarded_context, login, seeded_console
from tests.console.helpers import World, make_app

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

NEW_ANSWER = (
    "住民票の写しは市役所本庁舎1階の市民課窓口、北部市民センター・南部市民センターで請求できます。"
    "本人確認書類をお持ちください。手数料は1通300円です。"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, World]]:
    with seeded_console(tmp_path_factory, "approval-phone", make_app) as served:
        yield served


def _inside(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    assert box is not None, selector
    return bool(box["x"] >= 0 and box["x"] + box["width"] <= 375 + 0.5)


def test_the_diff_reads_top_to_bottom_on_a_phone(browser: Any, site: tuple[str, World]) -> None:
    base_url, _world = site
    with guarded_context(browser, base_url, viewport={"width": 1280, "height": 900}) as context:
        page = context.new_page()
        login(page, base_url, "aoba-editor", "/console/t/aoba/faq")
        page.locator("#faq-table a", has_text="住民票の写しを取りたい").first.click()
        page.get_by_label("回答", exact=False).first.fill(NEW_ANSWER)
        page.get_by_role("button", name="承認申請").click()
        page.wait_for_url(re.compile(r"\?done=submitted"))

    with guarded_context(browser, base_url, viewport={"width": 375, "height": 740}) as context:
        page = context.new_page()
        login(page, base_url, "aoba-approver", "/console/t/aoba/approvals")
        page.locator("#changes-table tbody tr a").last.click()
        page.wait_for_selector("#resident-diff")
        wrap = page.locator("#resident-diff .table-wrap")
        assert wrap.evaluate("el => el.scrollWidth <= el.clientWidth"), "the diff scrolls sideways"
        answer = '#resident-diff tr[data-field="answer"]'
        for cell in ("th", "td.diff-before", "td.diff-after"):
            assert _inside(page, f"{answer} {cell}"), cell
        # 現在 above 承認後, each with its label; the new text is readable in full.
        before = page.locator(f"{answer} td.diff-before").bounding_box()
        after = page.locator(f"{answer} td.diff-after").bounding_box()
        assert before and after and after["y"] >= before["y"] + before["height"] - 1
        labels = page.locator(f"{answer} td").evaluate_all(
            "cells => cells.map(c => getComputedStyle(c, '::before').content)"
        )
        assert labels == ['"現在（公開中）"', '"承認後"']
        assert "手数料は1通300円です。" in page.locator(f"{answer} td.diff-after").inner_text()
        # The lead names the two labels (it said 左 and 右, wrong on a phone).
        lead = page.locator("#resident-diff").locator("xpath=preceding-sibling::*[1]").inner_text()
        assert "「承認後」" in lead and "左" not in lead
        # An unchanged field is shown once, not twice.
        same = page.locator('#resident-diff tr.diff-same[data-field="question"]')
        assert same.locator("td.diff-before").is_hidden()
        assert same.locator("td.diff-after").inner_text() == "住民票の写しを取りたい"
        # The decision buttons are reachable without sideways scrolling.
        assert _inside(page, "#approve-button")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_the_change_record_reads_on_a_phone(browser: Any, site: tuple[str, World]) -> None:
    """The four-eyes rule's 変更履歴 at 375 px: five columns were one character wide (四/つ/の/目…);
    each change is now one block whose values keep the width of the screen, each labelled."""
    base_url, _world = site
    with guarded_context(browser, base_url, viewport={"width": 375, "height": 740}) as context:
        page = context.new_page()
        login(page, base_url, "pref-admin", "/console/t/aoba/approvals")
        for tick in (False, True):
            page.locator("#four_eyes").set_checked(tick)
            page.locator("form[action$='/settings/approval'] button").click()
            page.wait_for_url(re.compile(r"done=settings"))
        rows = page.locator("#approval-record-table tbody tr[data-key]")
        assert rows.count() == 2
        for cell in rows.first.locator("td").all():
            box = cell.bounding_box()
            assert box is not None and box["width"] >= 250, cell.inner_text()
            assert box["x"] + box["width"] <= 375 + 0.5
        labels = rows.first.locator("td").evaluate_all(
            "cells => cells.map(c => getComputedStyle(c, '::before').content)"
        )
        assert labels[3:] == ['"変更前: "', '"変更後: "'], labels
        assert rows.first.locator("td").nth(4).inner_text() == "オン"
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
