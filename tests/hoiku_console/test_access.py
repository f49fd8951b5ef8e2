"""Who may see and do what: tenants, roles, login, CSRF, and nothing remote on the pages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from jichitai_ai.config import Settings
from jichitai_ai.hoiku.console.store import RunStore
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, login
from tests.console.test_no_remote import external_urls
from tests.hoiku_console.conftest import hoiku_app
from tests.hoiku_console.util import native_files, run, upload


def _editor_run(app: FastAPI, instance_dir: Path) -> str:
    with TestClient(app) as editor:
        csrf = login(editor, "aoba-editor")
        path = upload(editor, csrf, native_files(instance_dir))
        run(editor, csrf, path)
    return path


def test_another_tenants_editor_cannot_reach_the_run(app: FastAPI, instance_dir: Path) -> None:
    path = _editor_run(app, instance_dir)
    run_id = path.rsplit("/", 1)[1]
    with TestClient(app) as other:
        csrf = login(other, "sakura-editor")
        # Through the owner's tenant: no role there.
        assert other.get(path).status_code == 403
        assert other.get(path + "/result.xlsx").status_code == 403
        # Through one's own tenant: the run does not exist there.
        own = f"/console/t/sakura/hoiku/runs/{run_id}"
        assert other.get(own).status_code == 404
        assert other.get(own + "/result.csv").status_code == 404
        refused = other.post(own + "/run", data={"csrf_token": csrf, "method": "fast"})
        assert refused.status_code == 404
        assert other.post(own + "/discard", data={"csrf_token": csrf}).status_code == 404
        assert run_id not in other.get("/console/t/sakura/hoiku").text
    with TestClient(app) as editor:
        login(editor, "aoba-editor")
        assert editor.get(path).status_code == 200  # still there


def test_auditor_views_and_downloads_but_cannot_run(app: FastAPI, instance_dir: Path) -> None:
    path = _editor_run(app, instance_dir)
    with TestClient(app) as auditor:
        csrf = login(auditor, "aoba-auditor")
        index = auditor.get("/console/t/aoba/hoiku")
        assert index.status_code == 200 and 'id="hoiku-upload"' not in index.text
        assert "閲覧のみの権限です" in index.text
        page = auditor.get(path)
        assert 'id="hoiku-summary"' in page.text and 'id="hoiku-run-form"' not in page.text
        assert "/discard" not in page.text
        assert auditor.get(path + "/result.xlsx").status_code == 200
        assert auditor.post(path + "/run", data={"csrf_token": csrf}).status_code == 403
        files = native_files(instance_dir)
        posted = auditor.post("/console/t/aoba/hoiku", data={"csrf_token": csrf}, files=files)
        assert posted.status_code == 403
        assert auditor.post(path + "/discard", data={"csrf_token": csrf}).status_code == 403
        assert auditor.get(path).status_code == 200


def test_prefecture_admin_runs_in_a_member_municipality(
    client: TestClient, instance_dir: Path
) -> None:
    csrf = login(client, "pref-admin")
    path = upload(client, csrf, native_files(instance_dir), slug="aoba")
    run(client, csrf, path)
    assert 'id="hoiku-summary"' in client.get(path).text


def test_logged_out_requests_go_to_the_login_page(app: FastAPI, instance_dir: Path) -> None:
    path = _editor_run(app, instance_dir)
    with TestClient(app) as anonymous:
        for target in ("/console/t/aoba/hoiku", path, path + "/result.xlsx"):
            response = anonymous.get(target, follow_redirects=False)
            assert response.status_code == 303
            assert response.headers["location"].startswith("/console/login?next=")
        posted = anonymous.post(path + "/run", data={"method": "fast"}, follow_redirects=False)
        assert posted.status_code == 303


def test_posts_without_the_csrf_token_are_refused(
    client: TestClient, app: FastAPI, world: World, instance_dir: Path
) -> None:
    csrf = login(client, "aoba-editor")
    files = native_files(instance_dir)
    assert client.post("/console/t/aoba/hoiku", files=files).status_code == 403
    wrong = client.post("/console/t/aoba/hoiku", data={"csrf_token": "x" + csrf}, files=files)
    assert wrong.status_code == 403
    store: RunStore = app.state.hoiku_runs
    assert store.list(world.aoba_id) == []
    path = upload(client, csrf, native_files(instance_dir))
    assert client.post(path + "/run", data={"method": "fast"}).status_code == 403
    assert client.post(path + "/discard", data={}).status_code == 403
    page = client.get(path)
    assert page.status_code == 200 and 'id="hoiku-summary"' not in page.text  # never ran


def test_discard_forgets_the_data_at_once(client: TestClient, instance_dir: Path) -> None:
    csrf = login(client, "aoba-editor")
    path = upload(client, csrf, native_files(instance_dir))
    done = client.post(path + "/discard", data={"csrf_token": csrf})
    assert done.status_code == 200 and "取込データと結果を破棄しました。" in done.text
    gone = client.get(path)
    assert gone.status_code == 404 and "見つかりません" in gone.text


def test_a_second_run_while_one_is_running_is_told_to_wait(
    client: TestClient, app: FastAPI, instance_dir: Path
) -> None:
    csrf = login(client, "aoba-editor")
    path = upload(client, csrf, native_files(instance_dir))
    store: RunStore = app.state.hoiku_runs
    assert store.slots.acquire(blocking=False)
    try:
        busy = client.post(path + "/run", data={"csrf_token": csrf, "method": "fast"})
        assert busy.status_code == 503 and "ほかの利用調整を実行中です" in busy.text
    finally:
        store.slots.release()
    run(client, csrf, path)


def test_pages_reference_nothing_remote(client: TestClient, instance_dir: Path) -> None:
    csrf = login(client, "aoba-editor")
    path = upload(client, csrf, native_files(instance_dir))
    run(client, csrf, path)
    bad = client.post(
        "/console/t/aoba/hoiku",
        data={"csrf_token": csrf},
        files=native_files(instance_dir, ("facilities.csv",)),
    )
    pages = [
        client.get("/console/t/aoba/hoiku"),
        client.get(path),
        client.get(path, params={"view": "facilities"}),
        client.get(path, params={"lang": "en"}),
        bad,
    ]
    for response in pages:
        assert external_urls(response.text) == [], response.url
        assert response.headers["content-security-policy"].startswith("default-src 'self'")
        assert "保育所等利用調整" in response.text or "Nursery allocation" in response.text
    nav = client.get("/console/t/aoba/faq").text
    assert 'href="/console/t/aoba/hoiku"' in nav  # the console menu links here


def test_retention_comes_from_the_configuration(settings: Settings, world: World) -> None:
    configured = replace(settings, raw={"hoiku": {"console_retention_minutes": 15}})
    platform = Platform(configured)
    try:
        app = hoiku_app(platform)
        store: RunStore = app.state.hoiku_runs
        assert store.retention_seconds == 15 * 60
        with TestClient(app) as client:
            login(client, "aoba-editor")
            assert "取込から15分後" in client.get("/console/t/aoba/hoiku").text
    finally:
        platform.close()
