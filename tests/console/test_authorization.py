"""Roles at the page and API level: tenants are separated, auditors read only, CSRF is required."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from jichitai_ai.domain.models import FaqRecord
from jichitai_ai.services import auth
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, login, republish_through_a_draft

NEW_ENTRY = {
    "question": "犬の登録はどこでしますか",
    "answer": "環境課で登録してください。",
    "status": "draft",
}


def _switcher(html: str) -> list[str]:
    match = re.search(r'<select id="tenant-switch"[^>]*>(.*?)</select>', html, re.S)
    assert match, "no tenant switcher"
    return re.findall(r'<option value="([a-z-]+)"', match.group(1))


def _entry_count(platform: Platform, tenant_id: int) -> int:
    with platform.db.read() as db:
        return faq_service.count_entries(db, tenant_id)


def test_editor_cannot_read_another_municipality(client: TestClient, world: World) -> None:
    login(client, "aoba-editor")
    for path in (
        "/console/t/sakura/faq",
        f"/console/t/sakura/faq/{world.sakura_entry}",
        "/console/t/sakura/unanswered",
        "/console/t/sakura/learning",
        "/console/t/sakura/dashboard",
        "/console/t/sakura/dashboard.json",
        "/console/t/sakura/dashboard.csv",
        "/console/t/sakura/faq/export?format=csv",
    ):
        assert client.get(path).status_code == 403, path
    # Through its own tenant the other municipality's entry does not exist.
    assert client.get(f"/console/t/aoba/faq/{world.sakura_entry}").status_code == 404
    assert client.get("/api/v1/tenants/sakura/faq").status_code == 403
    assert client.get(f"/api/v1/tenants/aoba/faq/{world.sakura_entry}").status_code == 404
    assert "粗大ごみ" not in client.get("/console/t/aoba/faq").text


def test_editor_cannot_change_another_municipality(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-editor")
    before = _entry_count(platform, world.sakura_id)
    assert (
        client.post(
            "/console/t/sakura/faq/new", data={**NEW_ENTRY, "csrf_token": token}
        ).status_code
        == 403
    )
    edit = {**NEW_ENTRY, "csrf_token": token, "action": "save"}
    assert client.post(f"/console/t/sakura/faq/{world.sakura_entry}", data=edit).status_code == 403
    assert client.post(f"/console/t/aoba/faq/{world.sakura_entry}", data=edit).status_code == 404
    assert (
        client.post(
            f"/console/t/aoba/faq/{world.sakura_entry}/status",
            data={"status": "archived", "csrf_token": token},
        ).status_code
        == 404
    )
    api = client.post("/api/v1/tenants/sakura/faq", json=NEW_ENTRY, headers={"X-CSRF-Token": token})
    assert api.status_code == 403
    assert _entry_count(platform, world.sakura_id) == before
    with platform.db.read() as db:
        assert faq_service.get_entry(db, world.sakura_id, world.sakura_entry).status == "published"


def test_tenant_switcher_lists_only_visible_tenants(client: TestClient, app: object) -> None:
    login(client, "aoba-editor")
    assert _switcher(client.get("/console/t/aoba/faq").text) == ["aoba"]
    assert client.get("/console/switch?tenant=sakura&section=faq").url.path == "/console/t/aoba/faq"
    client.cookies.clear()
    login(client, "pref-admin")
    page = client.get("/console/t/pref/faq").text
    assert _switcher(page) == ["pref", "aoba", "sakura"]  # the prefecture, then its members
    # A prefecture administrator manages its municipalities.
    assert client.get("/console/t/sakura/faq").status_code == 200
    assert (
        client.get("/console/switch?tenant=sakura&section=dashboard").url.path
        == "/console/t/sakura/dashboard"
    )
    # Every menu page keeps its place (承認 went back to FAQ管理), the gateway pages too.
    for section in ("approvals", "departments", "contacts", "tuning", "widget", "staff"):
        switched = client.get(f"/console/switch?tenant=sakura&section={section}")
        assert switched.status_code == 200 and switched.url.path == f"/console/t/sakura/{section}"
    gateway = client.get("/console/switch?tenant=sakura&section=gateway")
    assert gateway.status_code == 200 and str(gateway.url).endswith(
        "/console/gateway/reviews?tenant=sakura"
    )


def test_auditor_reads_but_cannot_edit(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-auditor")
    page = client.get(f"/console/t/aoba/faq/{world.aoba_entry}")
    assert page.status_code == 200 and "閲覧のみの権限です" in page.text
    assert 'value="save"' not in page.text and "<fieldset disabled>" in page.text
    assert client.get("/console/t/aoba/dashboard").status_code == 200
    assert client.get("/console/t/aoba/faq/new").status_code == 403
    before = _entry_count(platform, world.aoba_id)
    assert (
        client.post(
            "/console/t/aoba/faq/new", data={**NEW_ENTRY, "csrf_token": token, "action": "save"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/console/t/aoba/faq/{world.aoba_entry}/status",
            data={"status": "archived", "csrf_token": token},
        ).status_code
        == 403
    )
    assert (
        client.post("/console/t/aoba/learning/reset", data={"csrf_token": token}).status_code == 403
    )
    assert (
        client.post(
            "/console/t/aoba/settings/kpi", data={"minutes": "9", "csrf_token": token}
        ).status_code
        == 403
    )
    api = client.post("/api/v1/tenants/aoba/faq", json=NEW_ENTRY, headers={"X-CSRF-Token": token})
    assert api.status_code == 403
    assert _entry_count(platform, world.aoba_id) == before


def test_state_changing_requests_without_csrf_are_refused(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-editor")
    before = _entry_count(platform, world.aoba_id)
    assert (
        client.post("/console/t/aoba/faq/new", data={**NEW_ENTRY, "action": "save"}).status_code
        == 403
    )
    assert (
        client.post(
            "/console/t/aoba/faq/new", data={**NEW_ENTRY, "action": "save", "csrf_token": "x" * 64}
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/console/t/aoba/faq/{world.aoba_entry}/status", data={"status": "archived"}
        ).status_code
        == 403
    )
    # Cookie-authenticated JSON API calls need the header …
    refused = client.post("/api/v1/tenants/aoba/faq", json=NEW_ENTRY)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "console.error.csrf"
    assert client.delete(f"/api/v1/tenants/aoba/faq/{world.aoba_entry}").status_code == 403
    assert _entry_count(platform, world.aoba_id) == before
    # … and work with it; reads never need it.
    assert client.get("/api/v1/tenants/aoba/faq").status_code == 200
    created = client.post(
        "/api/v1/tenants/aoba/faq", json=NEW_ENTRY, headers={"X-CSRF-Token": token}
    )
    assert created.status_code == 201
    assert _entry_count(platform, world.aoba_id) == before + 1


def test_api_key_calls_need_no_csrf_token(app: object, platform: Platform, world: World) -> None:
    with platform.db.write() as db:
        key = auth.create_api_key(db, "aoba-editor")
    with TestClient(app) as api:  # type: ignore[arg-type]
        response = api.post(
            "/api/v1/tenants/aoba/faq", json=NEW_ENTRY, headers={"Authorization": f"Bearer {key}"}
        )
        assert response.status_code == 201
        assert (
            api.post(
                "/api/v1/tenants/sakura/faq",
                json=NEW_ENTRY,
                headers={"Authorization": f"Bearer {key}"},
            ).status_code
            == 403
        )


#: POST forms that only read (a search question), allowed to auditors.
READ_ONLY_POSTS = {"/console/t/{slug}/documents/answer"}


def test_auditor_is_read_only_on_every_console_page(
    app: object, client: TestClient, world: World
) -> None:
    """Every state-changing console route (FAQ, approvals, departments, tuning, KPI settings,
    nursery, documents …) refuses the auditor, whatever feature added it."""
    from fastapi.routing import APIRoute

    def routes(items: list[object], prefix: str = "") -> list[tuple[str, APIRoute]]:
        found: list[tuple[str, APIRoute]] = []
        for item in items:
            if isinstance(item, APIRoute):
                found.append((prefix + item.path, item))
            elif hasattr(item, "original_router"):  # FastAPI ≥ 0.16x keeps included routers
                extra = getattr(getattr(item, "include_context", None), "prefix", "") or ""
                found.extend(routes(item.original_router.routes, prefix + extra))
        return found

    token = login(client, "aoba-auditor")
    checked = []
    for full_path, route in routes(app.routes):  # type: ignore[attr-defined]
        if "POST" not in route.methods:
            continue
        if not full_path.startswith("/console/t/{slug}") or full_path in READ_ONLY_POSTS:
            continue
        path = full_path.replace("{slug}", "aoba")
        for name in route.param_convertors:
            path = path.replace("{" + name + "}", "1")
        path = path.replace("{action}", "approve")
        response = client.post(path, data={"csrf_token": token})
        assert response.status_code == 403, (full_path, response.status_code)
        checked.append(full_path)
    assert len(checked) >= 15
    assert any("/hoiku" in p for p in checked) and any("/approvals" in p for p in checked)


def test_auditor_opens_every_link_of_a_prefecture_entry(
    client: TestClient, platform: Platform, world: World
) -> None:
    """Auditors read everything and change nothing: every page the console links from an
    inherited (prefecture) entry opens for the municipality's auditor — its history shows the
    published versions only, credited to the prefecture — and no revert button appears."""
    record = FaqRecord(
        external_id="PREF-1", question="パスポートの申請はどこでできますか", answer=""
    )
    with platform.db.write() as db:
        republish_through_a_draft(
            db, world.pref_id, world.pref_entry, record, ("県の下書き", "改訂後"), "pref-editor"
        )
    login(client, "aoba-auditor")
    entry_page = client.get(f"/console/t/aoba/faq/{world.pref_entry}")
    assert entry_page.status_code == 200
    links = set(re.findall(r'href="(/console/t/aoba/faq/[^"#?]+)"', entry_page.text))
    assert f"/console/t/aoba/faq/{world.pref_entry}/history" in links
    for link in sorted(links):
        assert client.get(link).status_code == 200, link
    history = client.get(f"/console/t/aoba/faq/{world.pref_entry}/history").text
    assert "改訂後" in history and "県の下書き" not in history and "pref-editor" not in history
    assert "/revert" not in history
