"""Who changed staff accounts and the LINE credentials — the newcomer walkthrough (nc4) found no
record of either: an administrator could make someone an administrator, disable an account,
issue a password or replace the LINE channel secret, and nobody could later see who did it.
Both pages now list their 変更履歴 (who, when, before → after; never a credential's value)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import guarded_context, login, seeded_console
from tests.console.helpers import World, make_app

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

SECRET_VALUE = "nc4-secret-value-0123456789"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, World]]:
    with seeded_console(tmp_path_factory, "change-record", make_app) as served:
        yield served


def _rows(page: Any, table: str) -> list[str]:
    return [
        " | ".join(cell.strip() for cell in row.split("\t"))
        for row in page.locator(f"#{table} tbody tr").all_inner_texts()
    ]


@pytest.mark.parametrize("width", [1280, 375])
def test_staff_changes_are_recorded_on_the_staff_page(
    browser: Any, site: tuple[str, World], width: int
) -> None:
    base_url, _ = site
    viewport = {"width": width, "height": 900}
    with guarded_context(browser, base_url, viewport=viewport) as context:
        page = context.new_page()
        page.on("dialog", lambda dialog: dialog.accept())
        login(page, base_url, "pref-admin", "/console/t/aoba/staff")
        user = f"nc4-{width}"
        page.get_by_label("ユーザー名").fill(user)
        page.locator("#new-role").select_option("editor")
        page.get_by_role("button", name="作成する").click()
        page.wait_for_selector("#temporary-password")
        row = page.locator(f'tr[data-user="{user}"]')
        row.locator('select[name="role"]').select_option("admin")
        row.get_by_role("button", name="変更").first.click()
        page.wait_for_url("**/staff?done=settings")
        page.locator(f'tr[data-user="{user}"]').get_by_role("button", name="無効にする").click()
        page.wait_for_url("**/staff?done=settings")
        page.locator(f'tr[data-user="{user}"]').get_by_role(
            "button", name="パスワード再発行"
        ).click()
        page.wait_for_selector("#temporary-password")

        mine = [r for r in _rows(page, "staff-record-table") if f"（{user}）" in r]
        assert len(mine) == 4, mine
        password, state, role, created = mine  # newest first
        assert "pref-admin" in created and "アカウントの作成" in created and "編集者" in created
        assert "役割" in role and "編集者" in role and "管理者" in role
        assert "アカウントの状態" in state and "有効" in state and "無効" in state
        assert "パスワード再発行" in password and "仮パスワードを発行" in password
        assert page.locator("#staff-record").is_visible()

        page.goto(base_url + "/console/t/aoba/staff?lang=en")
        english = [r for r in _rows(page, "staff-record-table") if f"({user})" in r or user in r]
        assert any("Role" in r and "Administrator" in r for r in english), english


def test_line_credentials_are_recorded_without_their_value(
    browser: Any, site: tuple[str, World]
) -> None:
    base_url, _ = site
    with guarded_context(browser, base_url) as context:
        page = context.new_page()
        login(page, base_url, "pref-admin", "/console/t/aoba/channels")
        assert _rows(page, "line-record-table") == ["まだ変更はありません。"]
        page.locator("#channel_secret").fill(SECRET_VALUE)
        page.get_by_role("button", name="保存").click()
        page.wait_for_url("**/channels?done=line")
        page.locator("#channel_secret").fill(SECRET_VALUE + "-2")
        page.locator("#access_token").fill("nc4-token-value")
        page.get_by_role("button", name="保存").click()
        page.wait_for_url("**/channels?done=line")

        # the console's other times are Japan time; so is 「設定済み」 (it said UTC)
        shown = page.locator("#secret-status").inner_text()
        assert shown.startswith("設定済み（") and shown.endswith(" JST）"), shown
        hour = shown.split(" ")[1][:2]
        record_time = _rows(page, "line-record-table")[0].split(" | ")[0]
        assert record_time.split(" ")[1][:2] == hour, (shown, record_time)
        second, first = _rows(page, "line-record-table")
        assert "pref-admin" in first and "LINE の認証情報" in first
        assert "チャネルシークレット: 未設定" in first and "チャネルシークレット: 新しい値" in first
        assert "アクセストークン: 未設定" in first.split("新しい値")[-1]
        assert "チャネルシークレット: 設定済み" in second
        assert "アクセストークン: 新しい値" in second
        assert SECRET_VALUE not in page.content() and "nc4-token-value" not in page.content()
