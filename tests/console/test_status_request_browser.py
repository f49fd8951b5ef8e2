"""The 状態の変更 buttons of an FAQ entry in Chromium, per role (newcomer walkthrough nc6).

Under the four-eyes rule an editor's 「公開する」 filed an approval request, yet the button said
publish and the page answered 「承認を申請しました」 only in general terms. Whoever cannot publish
directly (an editor; an approver while the four-eyes rule is on) now reads 「公開の承認を依頼する」
and, afterwards, what was requested; an approver of a tenant with the rule off keeps 「公開する」."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from jichitai_ai.approval import service as approval
from jichitai_ai.domain.models import EntryStatus, FaqRecord
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from tests.browser import guarded_context, login, serve, sqlite_platform
from tests.console.helpers import make_app, seed

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

STATUS_PANEL = "section[aria-labelledby='status-title']"
QUESTION = "犬の登録をしたい"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Platform]]:
    with sqlite_platform(tmp_path_factory.mktemp("status-request")) as platform:
        seed(platform)
        with serve(make_app(platform)) as base_url:
            yield base_url, platform


def _draft(platform: Platform) -> int:
    """A new draft entry of あおば市: each test starts from an unpublished entry."""
    with platform.db.write() as db:
        entry = faq_service.create_entry(
            db,
            tenant_service.get_tenant(db, "aoba").id,
            FaqRecord(
                question=QUESTION,
                answer="犬を飼い始めたら30日以内に環境課で登録してください。",
                status=EntryStatus.DRAFT,
            ),
            user="seed",
        )
    return entry.id


def _buttons(page: Any) -> list[str]:
    return [b.strip() for b in page.locator(f"{STATUS_PANEL} button").all_inner_texts()]


def _aoba(platform: Platform) -> int:
    with platform.db.read() as db:
        return tenant_service.get_tenant(db, "aoba").id


def _published(platform: Platform, entry_id: int) -> bool:
    with platform.db.read() as db:
        visible = faq_service.visible_entries(db, _aoba(platform))
    return entry_id in {e.id for e in visible}


def _set_four_eyes(platform: Platform, enabled: bool) -> None:
    tenant_id = _aoba(platform)
    with platform.db.write() as db:
        approval.set_four_eyes(db, tenant_id, enabled)


@pytest.mark.parametrize("width", [1280, 375])
def test_an_editor_reads_that_publishing_is_requested(
    browser: Any, site: tuple[str, Platform], width: int
) -> None:
    base_url, platform = site
    entry = _draft(platform)
    target = f"/console/t/aoba/faq/{entry}"
    with guarded_context(browser, base_url, viewport={"width": width, "height": 900}) as context:
        page = context.new_page()
        login(page, base_url, "aoba-editor", target)
        labels = _buttons(page)
        assert "公開する" not in labels and "アーカイブする" not in labels, labels
        assert "公開の承認を依頼する" in labels and "アーカイブの承認を依頼する" in labels, labels
        assert "承認者が承認するまで" in page.locator(STATUS_PANEL).inner_text()
        page.get_by_role("button", name="公開の承認を依頼する").click()
        page.wait_for_url(re.compile(r"\?done=requested_published$"))
        notice = page.locator(".notice--success").inner_text()
        assert notice.startswith("公開の承認を依頼しました。"), notice
        assert "公開しました" not in notice
        assert not _published(platform, entry)  # a request, nothing reached residents
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_an_approver_under_the_four_eyes_rule_also_requests(
    browser: Any, site: tuple[str, Platform]
) -> None:
    base_url, platform = site
    entry = _draft(platform)
    _set_four_eyes(platform, True)
    with guarded_context(browser, base_url) as context:
        page = context.new_page()
        login(page, base_url, "aoba-approver", f"/console/t/aoba/faq/{entry}")
        assert "公開の承認を依頼する" in _buttons(page)
        assert "公開する" not in _buttons(page)


def test_an_approver_without_the_four_eyes_rule_publishes(
    browser: Any, site: tuple[str, Platform]
) -> None:
    base_url, platform = site
    entry = _draft(platform)
    _set_four_eyes(platform, False)
    try:
        with guarded_context(browser, base_url) as context:
            page = context.new_page()
            login(page, base_url, "aoba-approver", f"/console/t/aoba/faq/{entry}")
            labels = _buttons(page)
            assert "公開する" in labels and not any("依頼" in b for b in labels), labels
            assert page.locator("#status-request-hint").count() == 0
            page.get_by_role("button", name="公開する", exact=True).click()
            page.wait_for_url(re.compile(r"\?done=published$"))
            assert "公開しました" in page.locator(".notice--success").inner_text()
            assert _published(platform, entry)
    finally:
        _set_four_eyes(platform, True)


def test_the_english_console_says_request(browser: Any, site: tuple[str, Platform]) -> None:
    base_url, platform = site
    entry = _draft(platform)
    with guarded_context(browser, base_url) as context:
        page = context.new_page()
        login(page, base_url, "aoba-editor", f"/console/t/aoba/faq/{entry}")
        page.goto(f"{base_url}/console/t/aoba/faq/{entry}?lang=en")
        assert page.locator("html").get_attribute("lang") == "en"
        labels = _buttons(page)
        assert "Request approval to publish" in labels and "Publish" not in labels, labels
