"""Staff accounts in the console: an administrator creates, changes roles, disables and
resets passwords; nobody else can, and no one locks themselves out."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from jichitai_ai.cli.main import app as cli_app
from jichitai_ai.departments import service as departments
from jichitai_ai.services.platform import Platform
from tests.console.helpers import PASSWORD, World, csrf_of, login


def _login_with(client: TestClient, username: str, password: str) -> int:
    page = client.get("/console/login")
    return client.post(
        "/console/login",
        data={"username": username, "password": password, "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    ).status_code


def test_admin_creates_an_account_that_can_log_in(client: TestClient, world: World) -> None:
    token = login(client, "pref-admin")
    created = client.post(
        "/console/t/aoba/staff",
        data={
            "csrf_token": token,
            "action": "create",
            "username": "Suzuki",
            "display_name": "鈴木",
            "role": "approver",
        },
    )
    assert created.status_code == 200
    password = re.search(r'id="temporary-password">([^<]+)<', created.text)
    assert password is not None and "suzuki" in created.text
    listing = client.get("/console/t/aoba/staff")
    assert 'data-user="suzuki"' in listing.text and "承認者" in listing.text
    client.cookies.clear()
    assert _login_with(client, "suzuki", password.group(1)) == 303
    assert client.get("/console/t/aoba/approvals").status_code == 200


def test_disable_reset_and_role_change(client: TestClient, world: World) -> None:
    token = login(client, "pref-admin")
    client.post(
        "/console/t/aoba/staff",
        data={"csrf_token": token, "action": "disable", "username": "aoba-editor"},
    )
    other = TestClient(client.app)
    assert _login_with(other, "aoba-editor", PASSWORD) != 303
    client.post(
        "/console/t/aoba/staff",
        data={"csrf_token": token, "action": "enable", "username": "aoba-editor"},
    )
    reset = client.post(
        "/console/t/aoba/staff",
        data={"csrf_token": token, "action": "reset", "username": "aoba-editor"},
    )
    new_password = re.search(r'id="temporary-password">([^<]+)<', reset.text)
    assert new_password is not None
    assert _login_with(other, "aoba-editor", PASSWORD) != 303
    assert _login_with(other, "aoba-editor", new_password.group(1)) == 303
    client.post(
        "/console/t/aoba/staff",
        data={"csrf_token": token, "action": "role", "username": "aoba-editor", "role": "auditor"},
    )
    # The editor turned auditor can no longer edit.
    assert other.get("/console/t/aoba/faq/new").status_code == 403


def test_only_admins_and_never_yourself(client: TestClient, world: World) -> None:
    token = login(client, "aoba-editor")
    assert client.get("/console/t/aoba/staff").status_code == 403
    refused = client.post(
        "/console/t/aoba/staff",
        data={"csrf_token": token, "action": "reset", "username": "aoba-auditor"},
    )
    assert refused.status_code == 403
    client.cookies.clear()
    token = login(client, "pref-admin")
    own = client.post(
        "/console/t/pref/staff",
        data={"csrf_token": token, "action": "disable", "username": "pref-admin"},
    )
    assert own.status_code == 422 and 'id="staff-error"' in own.text
    bad = client.post(
        "/console/t/aoba/staff",
        data={"csrf_token": token, "action": "create", "username": "a b", "role": "editor"},
    )
    assert bad.status_code == 422


def test_admin_scopes_an_editor_to_departments(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "pref-admin")
    scoped = client.post(
        "/console/t/aoba/staff",
        data={
            "csrf_token": token,
            "action": "scope",
            "username": "aoba-editor",
            "department": ["市民課"],
        },
        follow_redirects=False,
    )
    assert scoped.status_code == 303
    with platform.db.read() as db:
        assert departments.user_scope(db, "aoba-editor", world.aoba_id) is not None
    assert "市民課" in client.get("/console/t/aoba/staff").text
    cleared = client.post(
        "/console/t/aoba/staff",
        data={"csrf_token": token, "action": "scope", "username": "aoba-editor"},
        follow_redirects=False,
    )
    assert cleared.status_code == 303
    with platform.db.read() as db:
        assert departments.user_scope(db, "aoba-editor", world.aoba_id) is None


def test_accounts_made_on_the_command_line_are_in_the_change_record(
    client: TestClient, world: World, platform: Platform
) -> None:
    """nc4: the first administrator and later roles are often given with ``jichitai-ai user``;
    those changes now show on the 職員 page too, by ``cli:<OS account>``."""
    runner = CliRunner()
    url = ["--database-url", platform.settings.database_url]
    added = runner.invoke(
        cli_app,
        ["user", "add", "kikaku", "--tenant", "aoba", "--role", "admin", *url],
        input="correct-horse-battery\ncorrect-horse-battery\n",
    )
    assert added.exit_code == 0, added.output
    granted = runner.invoke(
        cli_app, ["user", "grant", "kikaku", "--tenant", "aoba", "--role", "approver", *url]
    )
    assert granted.exit_code == 0, granted.output
    login(client, "pref-admin")
    page = client.get("/console/t/aoba/staff").text
    record = page[page.index('id="staff-record-table"') :]
    rows = re.findall(r'<tr data-key="(staff_[a-z]+)">(.*?)</tr>', record, re.S)
    assert [key for key, _ in rows][:2] == ["staff_role", "staff_created"]
    role, created = rows[0][1], rows[1][1]
    assert "cli:" in role and "（kikaku）" in role and "管理者" in role and "承認者" in role
    assert "cli:" in created and "アカウントの作成" in created
