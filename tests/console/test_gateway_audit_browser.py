"""監査ログ in the console, in Chromium. The newcomer walkthrough (nc4), evaluating as a 情報政策課
would, found the gateway's hash-chained audit log only on the command line: an auditor signing
in saw no 生成AI menu at all, and nobody could read the log or check the chain in the console.
Now auditors and administrators read their tenants' records (never another tenant's) and verify
the chain; a changed record is reported."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import text, update

from jichitai_ai.gateway._audit import AuditEntry, append
from jichitai_ai.gateway.tables import GatewayAudit
from jichitai_ai.services.platform import Platform
from tests.browser import from_menu, guarded_context, login, serve, sqlite_platform
from tests.console.helpers import World, make_app, seed

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")


@dataclass
class Site:
    url: str
    platform: Platform
    world: World


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with sqlite_platform(tmp_path_factory.mktemp("gateway-audit")) as platform:
        world = seed(platform)
        with platform.db.write() as session:
            append(
                session,
                AuditEntry(
                    kind="request",
                    decision="sent",
                    tenant_id=world.aoba_id,
                    tenant_slug="aoba",
                    username="aoba-editor",
                    backend="lgwan-llm",
                    data_class="3B",
                    entity_counts={"person": 1, "phone": 1},
                    persons=1,
                ),
            )
            append(
                session,
                AuditEntry(
                    kind="request",
                    decision="refused",
                    tenant_id=world.sakura_id,
                    tenant_slug="sakura",
                    username="sakura-editor",
                    reason="gateway.refused.no_backend",
                    data_class="3A",
                ),
            )
        with serve(make_app(platform)) as url:
            yield Site(url, platform, world)


@pytest.mark.parametrize("width", [1280, 375])
def test_auditor_reads_own_tenant_and_verifies(browser: Any, site: Site, width: int) -> None:
    viewport = {"width": width, "height": 900}
    with guarded_context(browser, site.url, viewport=viewport) as context:
        page = context.new_page()
        login(page, site.url, "aoba-auditor", "/console/t/aoba/faq")
        from_menu(page, "生成AI送信の確認", "**/console/gateway/audit?tenant=aoba")
        rows = page.locator("#audit-table tbody tr[data-seq]")
        assert rows.count() == 1  # sakura's record is not shown
        text = rows.first.inner_text()
        assert "aoba-editor" in text and "送信した" in text and "3B" in text
        assert "lgwan-llm" in text and "氏名" in text
        assert "sakura-editor" not in page.locator("main").inner_text()
        # on a phone each record is a block of labelled lines, not eight one-character columns
        display = rows.first.evaluate("row => getComputedStyle(row).display")
        assert display == ("block" if width == 375 else "table-row")
        page.get_by_role("button", name="改ざんがないか検証する").click()
        page.locator("#audit-verified").wait_for()
        assert "2 件を検証" in page.locator("#audit-verified").inner_text()


def test_each_tenant_reads_only_its_own_log(browser: Any, site: Site) -> None:
    """Every console role may read its own tenant's log; another tenant's stays closed."""
    with guarded_context(browser, site.url) as context:
        page = context.new_page()
        login(page, site.url, "sakura-editor", "/console/t/sakura/faq")
        page.goto(site.url + "/console/gateway/audit?tenant=aoba")
        rows = page.locator("#audit-table tbody tr[data-seq]")
        assert rows.count() == 1
        text = rows.first.inner_text()
        assert "sakura-editor" in text and "送信しなかった" in text
        # the reason in words, with the record's own values (it showed {data_class} before)
        assert "機密性3Aの情報を送ることができるAIモデルが登録されていません。" in text
        assert "{" not in text
        assert "aoba-editor" not in page.locator("main").inner_text()


def _tamper(site: Site, data_class: str) -> None:
    """Change record 1 as someone with database rights could (dropping SQLite's append-only
    trigger, as tests/gateway/test_audit.py does)."""
    with site.platform.db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER IF EXISTS gateway_audit_append_only"))
        conn.execute(
            update(GatewayAudit).where(GatewayAudit.seq == 1).values(data_class=data_class)
        )


def test_a_changed_record_is_reported(browser: Any, site: Site) -> None:
    _tamper(site, "1")
    try:
        with guarded_context(browser, site.url) as context:
            page = context.new_page()
            login(page, site.url, "pref-admin", "/console/t/aoba/faq")
            page.goto(site.url + "/console/gateway/audit?tenant=aoba&verify=1")
            broken = page.locator("#audit-broken")
            broken.wait_for()
            assert "1 番目の記録" in broken.inner_text()
    finally:
        _tamper(site, "3B")
