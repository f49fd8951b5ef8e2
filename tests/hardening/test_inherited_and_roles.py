"""Inherited content stays what residents may see; API and console apply the same role checks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.domain.models import EntryStatus, FaqRecord
from jichitai_ai.services import auth
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app
from tests.console.helpers import republish_through_a_draft


@pytest.fixture
def world(
    platform: Platform,
) -> Iterator[tuple[TestClient, dict[str, dict[str, str]], dict[str, int]]]:
    with platform.db.write() as session:
        pref = tenant_service.add_tenant(session, "mizuho-pref", "みずほ県")
        town = tenant_service.add_tenant(
            session, "sakura-town", "さくら町", parent_slug="mizuho-pref"
        )
        ids = {}
        for name, status in [
            ("draft", EntryStatus.DRAFT),
            ("published", EntryStatus.PUBLISHED),
            ("archived", EntryStatus.ARCHIVED),
        ]:
            ids[name] = faq_service.create_entry(
                session,
                pref.id,
                FaqRecord(
                    external_id=f"PREF-{name}",
                    question=f"県の{name}の質問です",
                    answer=f"未公開の回答 {name}",
                    status=status,
                ),
                user="seed",
            ).id
        # The published entry went through a draft the member must never see: 1 → 2 → 3.
        record = FaqRecord(
            external_id="PREF-published", question="県のpublishedの質問です", answer=""
        )
        republish_through_a_draft(
            session, pref.id, ids["published"], record, ("下書き中の回答", "改訂"), "pref-staff"
        )
        keys = {}
        for user, slug, role in [
            ("town-editor", "sakura-town", auth.Role.EDITOR),
            ("town-admin", "sakura-town", auth.Role.ADMIN),
        ]:
            auth.create_user(session, user, "correct-horse-battery")
            auth.grant(session, user, slug, role)
            keys[user] = {"Authorization": f"Bearer {auth.create_api_key(session, user)}"}
        assert town.id
    with TestClient(create_app(platform=platform)) as client:
        yield client, keys, ids


def test_member_cannot_read_prefecture_drafts_by_id(
    world: tuple[TestClient, dict[str, dict[str, str]], dict[str, int]],
) -> None:
    client, keys, ids = world
    base = "/api/v1/tenants/sakura-town/faq"
    for user in keys:
        assert client.get(f"{base}/{ids['draft']}", headers=keys[user]).status_code == 404
        assert client.get(f"{base}/{ids['archived']}", headers=keys[user]).status_code == 404
        assert client.get(f"{base}/{ids['draft']}/versions", headers=keys[user]).status_code == 404
        published = client.get(f"{base}/{ids['published']}", headers=keys[user])
        assert published.status_code == 200 and published.json()["inherited"] is True
        # The history of an inherited entry holds the prefecture's drafts: a member reads
        # only the published versions, credited to the prefecture, not its staff.
        history = client.get(f"{base}/{ids['published']}/versions", headers=keys[user])
        assert history.status_code == 200
        assert [v["version"] for v in history.json()] == [3, 1]
        assert {v["changed_by"] for v in history.json()} == {"mizuho-pref"}
        assert "下書き中" not in history.text and "pref-staff" not in history.text
    listed = client.get(base, headers=keys["town-admin"]).json()
    assert {e["id"] for e in listed} == {ids["published"]}
    # Changing the draft's status from the member neither works nor reveals it exists.
    changed = client.post(f"{base}/{ids['draft']}/status/published", headers=keys["town-admin"])
    assert changed.status_code == 404
    assert "未公開" not in changed.text


@pytest.fixture
def documents_api(
    platform: Platform,
) -> Iterator[tuple[TestClient, dict[str, dict[str, str]]]]:
    from jichitai_ai.documents import documents_for

    with platform.db.write() as session:
        tenant_service.add_tenant(session, "aoba-city", "あおば市")
        keys = {}
        for name, role in [("editor1", auth.Role.EDITOR), ("admin1", auth.Role.ADMIN)]:
            auth.create_user(session, name, "correct-horse-battery")
            auth.grant(session, name, "aoba-city", role)
            keys[name] = {"Authorization": f"Bearer {auth.create_api_key(session, name)}"}
    service = documents_for(platform)
    service.set_collection("aoba-city", "reiki", visibility="staff")
    service.set_collection("aoba-city", "personnel", visibility="restricted", roles=["admin"])
    original = "人事評価要領\n人事評価の結果は本人にのみ開示する。".encode()
    assert service.ingest("aoba-city", "jinji.txt", original, collection="personnel").status == (
        "indexed"
    )
    with TestClient(create_app(platform=platform)) as client:
        yield client, keys


def test_editor_cannot_overwrite_an_admin_only_document_through_the_api(
    documents_api: tuple[TestClient, dict[str, dict[str, str]]],
) -> None:
    client, keys = documents_api
    staff = "/api/v1/tenants/aoba-city/documents"
    forged = {"file": ("jinji.txt", "人事評価要領\n評価は全員に公開する。".encode(), "text/plain")}
    refused = client.post(
        staff, files=forged, data={"collection": "personnel"}, headers=keys["editor1"]
    )
    assert refused.status_code == 403
    # Nor create a collection of their own (the console refuses that too): a collection the
    # tenant does not have is a 404 that says an administrator creates it (hr4).
    new = client.post(staff, files=forged, data={"collection": "mine"}, headers=keys["editor1"])
    assert new.status_code == 404
    assert "collection_not_found" in new.text or "ありません" in new.text
    found = client.get(f"{staff}/search", params={"q": "人事評価"}, headers=keys["admin1"]).json()
    assert found and all("全員に公開" not in r["text"] for r in found)
    allowed = client.post(
        staff,
        files={"file": ("memo.txt", "庁内メモ\n会議は午後三時から。".encode(), "text/plain")},
        data={"collection": "reiki"},
        headers=keys["editor1"],
    )
    assert allowed.status_code == 201
