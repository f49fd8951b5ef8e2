"""The console and the JSON API share one service function per FAQ export and import: these
pin the HTTP behaviour of both sides (headers, file name, who may publish at once)."""

from __future__ import annotations

import io

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from jichitai_ai.approval import service as approval
from jichitai_ai.domain.models import EntryStatus
from jichitai_ai.services import auth
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, login

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cells(data: bytes) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_console_and_api_export_the_same_file(
    client: TestClient, platform: Platform, world: World
) -> None:
    with platform.db.write() as db:
        key = auth.create_api_key(db, "aoba-editor")
    bearer = {"Authorization": f"Bearer {key}"}
    login(client, "aoba-editor")
    for fmt, media in (("csv", "text/csv; charset=utf-8"), ("xlsx", XLSX)):
        page = client.get(f"/console/t/aoba/faq/export?format={fmt}")
        api = client.get(f"/api/v1/tenants/aoba/faq/export?format={fmt}", headers=bearer)
        for r in (page, api):
            assert r.status_code == 200
            assert r.headers["content-type"] == media
            assert r.headers["content-disposition"] == f'attachment; filename="aoba-faq.{fmt}"'
        # The console page is personal to the signed-in editor: never cached.
        assert page.headers["cache-control"] == "no-store"
        if fmt == "csv":
            assert page.content == api.content
            assert "AOBA-1" in page.content.decode("utf-8-sig")
        else:
            assert _cells(page.content) == _cells(api.content)
            assert any("AOBA-1" in row for row in _cells(page.content))


def _import(client: TestClient, token: str, external_id: str, publish: bool) -> int:
    data = f"external_id,question,answer\n{external_id},犬の登録,環境課で登録します。\n"
    return client.post(
        "/console/t/aoba/faq/import",
        data={"csrf_token": token, "mode": "insert", **({"publish": "1"} if publish else {})},
        files={"file": ("faq.csv", data.encode(), "text/csv")},
    ).status_code


def test_console_import_publishes_at_once_only_where_the_rules_allow(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-editor")
    assert _import(client, token, "P-1", publish=True) == 403
    with platform.db.read() as db:
        assert faq_service.find_by_external_id(db, world.aoba_id, "P-1", "ja") is None
        assert "P-1" not in {c.record.external_id for c in approval.list_changes(db, world.aoba_id)}
    client.cookies.clear()
    token = login(client, "aoba-approver")
    # Four-eyes rule on (the default): an approver may not publish their own import either.
    assert _import(client, token, "P-2", publish=True) == 403
    with platform.db.write() as db:
        approval.set_four_eyes(db, world.aoba_id, False)
    assert _import(client, token, "P-3", publish=True) == 200
    assert _import(client, token, "P-4", publish=False) == 200
    with platform.db.read() as db:
        assert faq_service.find_by_external_id(db, world.aoba_id, "P-2", "ja") is None
        published = faq_service.find_by_external_id(db, world.aoba_id, "P-3", "ja")
        assert published is not None and published.status == EntryStatus.PUBLISHED
        waiting = {c.record.external_id for c in approval.list_changes(db, world.aoba_id)}
    assert "P-4" in waiting and "P-3" not in waiting
