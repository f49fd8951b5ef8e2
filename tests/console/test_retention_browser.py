"""保存期間 in the console, in Chromium (newcomer walkthrough nc5). Retention (deletion on
schedule) was command-line only: staff could not see what is kept how long, or whether the
deletion ever ran. The gateway pages now have a 保存期間 tab: each record type's period (from
``[gateway.retention]``), how many records the next run deletes, when the next one falls due,
and the last run — never, or with its counts — for the tenants the reader may audit."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from jichitai_ai.config import Settings
from jichitai_ai.gateway import Gateway
from jichitai_ai.i18n import t
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate
from jichitai_ai.storage.db import Database
from jichitai_ai.storage.tables import QuestionLog
from jichitai_ai.timeutil import utcnow
from tests.browser import from_menu, guarded_context, login, serve
from tests.console.helpers import World, make_app, seed

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

RETENTION = {"questions_days": 365, "reviews_days": 30, "audit_days": 1825}


@dataclass
class Site:
    url: str
    platform: Platform
    world: World


def _question(platform: Platform, tenant_id: int, days_ago: int) -> None:
    with platform.db.write() as session:
        session.add(
            QuestionLog(
                tenant_id=tenant_id,
                asked_at=utcnow() - timedelta(days=days_ago),
                question=f"{days_ago}日前の質問",
                decision="no_answer",
            )
        )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder: Path = tmp_path_factory.mktemp("retention")
    url = f"sqlite:///{folder / 'console.db'}"
    db = Database(url)
    migrate.upgrade(db)
    db.dispose()
    settings = replace(
        Settings(),
        database_url=url,
        secret_key="browser-test-secret",
        raw={"gateway": {"retention": RETENTION}},
    )
    platform = Platform(settings)
    try:
        world = seed(platform)
        _question(platform, world.aoba_id, 400)  # past its 365 days
        _question(platform, world.aoba_id, 10)
        _question(platform, world.sakura_id, 500)  # another tenant's: not the auditor's
        with serve(make_app(platform)) as base:
            yield Site(base, platform, world)
    finally:
        platform.close()


def _cells(page: Any, kind: str) -> list[str]:
    return page.locator(f'#retention-table tr[data-kind="{kind}"] > *').all_inner_texts()


@pytest.mark.parametrize("width", [1280, 375])
def test_auditor_sees_periods_what_the_next_run_deletes_and_the_last_run(
    browser: Any, site: Site, width: int
) -> None:
    with guarded_context(browser, site.url, viewport={"width": width, "height": 900}) as context:
        page = context.new_page()
        # As a newcomer finds it: the menu's 生成AI送信の確認, then the 保存期間 tab.
        login(page, site.url, "aoba-auditor", "/console/t/aoba/faq")
        from_menu(page, "生成AI送信の確認", "**/console/gateway/audit?tenant=aoba")
        tab = page.get_by_role("link", name=t("gateway.page.retention.title", "ja"))
        tab.click()
        page.wait_for_url("**/console/gateway/retention?tenant=aoba")
        assert page.locator("h2").first.inner_text() == t("gateway.page.retention.title", "ja")
        tab = page.get_by_role("link", name=t("gateway.page.retention.title", "ja"))
        assert tab.get_attribute("aria-current") == "page"
        questions = _cells(page, "questions")
        assert questions[1] == "365日"
        assert questions[2] == "2"  # あおば's two, not さくら's
        assert questions[4] == "1"  # the 400-day-old one goes at the next run
        assert questions[5].endswith("JST")
        feedback = _cells(page, "feedback")
        assert feedback[1] == t("gateway.page.retention.forever", "ja")
        assert feedback[5] == t("gateway.page.retention.never_deleted", "ja")
        assert _cells(page, "reviews")[1] == "30日"
        never = page.locator("#retention-last-run")
        assert never.get_attribute("role") == "alert"
        assert never.inner_text() == t("gateway.page.retention.never", "ja")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_after_a_run_the_page_shows_it_in_english(browser: Any, site: Site) -> None:
    gateway = Gateway(site.platform.db, site.platform.settings)
    try:
        deleted = gateway.run_retention()
    finally:
        gateway.close()
    assert deleted["questions"] == 2  # あおば's and さくら's old questions
    with guarded_context(browser, site.url) as context:
        page = context.new_page()
        login(page, site.url, "pref-admin", "/console/t/aoba/faq")
        page.goto(f"{site.url}/console/gateway/retention?tenant=aoba&lang=en")
        assert page.locator("h2").first.inner_text() == "Retention"
        questions = _cells(page, "questions")
        assert questions[0].startswith("Residents' questions")
        assert (questions[1], questions[4]) == ("365 days", "0")
        last = page.locator("#retention-last-run")
        assert last.get_attribute("role") is None  # it ran just now
        assert last.inner_text().startswith("Last deletion run: ")
        assert "Residents' questions 2" in last.inner_text()
