"""承認フロー: saving never publishes, four-eyes rule, diff, scheduled 公開, imports as
changes, inherited prefecture entries follow the prefecture's approval (both databases)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.approval import service as approval
from jichitai_ai.domain.models import EntryStatus
from jichitai_ai.i18n import t
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import importing
from jichitai_ai.services.errors import Forbidden
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, login


def _resident_answer(platform: Platform, tenant_id: int, external_id: str) -> str | None:
    with platform.db.read() as db:
        for entry in faq_service.visible_entries(db, tenant_id):
            if entry.external_id == external_id:
                return entry.answer
    return None


def _edit(platform: Platform, tenant_id: int, entry_id: int, answer: str, user: str, **kw: object):
    with platform.db.write() as db:
        record = faq_service.record_of(faq_service.get_entry(db, tenant_id, entry_id))
        record.answer = answer
        for key, value in kw.items():
            setattr(record, key, value)
        return approval.save(
            db, tenant_id, entry_id, record, user=user, can_approve=user.endswith("approver")
        )


def test_saving_does_not_publish_until_another_person_approves(
    platform: Platform, world: World
) -> None:
    before = _resident_answer(platform, world.aoba_id, "AOBA-1")
    result = _edit(platform, world.aoba_id, world.aoba_entry, "新しい回答です。", "aoba-editor")
    assert result.change is not None and result.change.state == "pending"
    assert _resident_answer(platform, world.aoba_id, "AOBA-1") == before
    with pytest.raises(Forbidden), platform.db.write() as db:
        # An approver who also edited the change may not approve it (四つの目).
        approval.save(
            db,
            world.aoba_id,
            world.aoba_entry,
            result.change.record,
            user="aoba-approver",
            can_approve=True,
        )
        approval.approve(db, world.aoba_id, result.change.id, user="aoba-approver")
    with platform.db.write() as db:
        change = approval.approve(db, world.aoba_id, result.change.id, user="aoba-approver")
    assert change.state == "published"
    assert _resident_answer(platform, world.aoba_id, "AOBA-1") == "新しい回答です。"
    with platform.db.read() as db:
        versions = faq_service.list_versions(db, world.aoba_id, world.aoba_entry)
    assert versions[0]["changed_by"] == "aoba-editor"
    assert versions[0]["note"] == "approved:aoba-approver"


def test_four_eyes_can_be_turned_off_per_tenant(platform: Platform, world: World) -> None:
    with pytest.raises(Forbidden), platform.db.write() as db:
        record = faq_service.record_of(faq_service.get_entry(db, world.aoba_id, world.aoba_entry))
        approval.save(
            db, world.aoba_id, world.aoba_entry, record, user="a", can_approve=True, publish=True
        )
    with platform.db.write() as db:
        approval.set_four_eyes(db, world.aoba_id, False)
    with platform.db.write() as db:
        record = faq_service.record_of(faq_service.get_entry(db, world.aoba_id, world.aoba_entry))
        record.answer = "承認者が直接公開しました。"
        result = approval.save(
            db,
            world.aoba_id,
            world.aoba_entry,
            record,
            user="aoba-approver",
            can_approve=True,
            publish=True,
        )
        assert result.change is None
        # An editor never publishes directly, whatever the setting.
        with pytest.raises(Forbidden):
            approval.save(
                db,
                world.aoba_id,
                world.aoba_entry,
                record,
                user="e",
                can_approve=False,
                publish=True,
            )
    assert _resident_answer(platform, world.aoba_id, "AOBA-1") == "承認者が直接公開しました。"
    # さくら町 keeps the rule on: the setting is per tenant.
    with platform.db.read() as db:
        assert approval.four_eyes(db, world.sakura_id)


def test_future_start_day_is_scheduled_and_the_current_text_stays(
    platform: Platform, world: World
) -> None:
    start = date.today() + timedelta(days=30)
    result = _edit(
        platform,
        world.aoba_id,
        world.aoba_entry,
        "4月からの新しい手続です。",
        "aoba-editor",
        valid_from=start,
    )
    assert result.change is not None
    with platform.db.write() as db:
        change = approval.approve(db, world.aoba_id, result.change.id, user="aoba-approver")
    assert change.state == "scheduled" and change.publish_on == start
    old = _resident_answer(platform, world.aoba_id, "AOBA-1")
    assert old is not None and "4月から" not in old
    with platform.db.write() as db:
        assert approval.publish_due(db, today=start - timedelta(days=1)) == 0
        assert approval.publish_due(db, today=start) == 1
    with platform.db.read() as db:
        entry = faq_service.get_entry(db, world.aoba_id, world.aoba_entry)
        assert entry.answer == "4月からの新しい手続です。" and entry.valid_from == start
        assert approval.open_change(db, world.aoba_entry) is None


def test_import_creates_changes_waiting_for_approval(platform: Platform, world: World) -> None:
    data = (
        "external_id,question,answer,status\n"
        "IMP-1,ごみの分別を知りたい,分別表をご覧ください。,published\n"
        "AOBA-1,住民票の写しを取りたい,取り込みで変えた回答です。,published\n"
    ).encode("cp932")
    with platform.db.write() as db:
        report = importing.import_file(
            db,
            world.aoba_id,
            data,
            "faq.csv",
            mode="upsert",
            user="aoba-editor",
            writer=approval.import_writer(can_approve=False, publish=False),
        )
    assert (report.created, report.updated) == (1, 1)
    assert _resident_answer(platform, world.aoba_id, "IMP-1") is None
    assert _resident_answer(platform, world.aoba_id, "AOBA-1") != "取り込みで変えた回答です。"
    with platform.db.write() as db:
        queue = approval.list_changes(db, world.aoba_id)
        assert {c.record.external_id for c in queue} == {"IMP-1", "AOBA-1"}
        for change in queue:
            approval.approve(db, world.aoba_id, change.id, user="aoba-approver")
    assert _resident_answer(platform, world.aoba_id, "IMP-1") == "分別表をご覧ください。"
    assert _resident_answer(platform, world.aoba_id, "AOBA-1") == "取り込みで変えた回答です。"


def test_inherited_entries_follow_the_prefectures_approval(
    platform: Platform, world: World
) -> None:
    result = _edit(platform, world.pref_id, world.pref_entry, "県の新しい案内です。", "pref-editor")
    assert result.change is not None
    assert _resident_answer(platform, world.aoba_id, "PREF-1") != "県の新しい案内です。"
    with platform.db.write() as db:
        approval.approve(db, world.pref_id, result.change.id, user="pref-admin")
    assert _resident_answer(platform, world.aoba_id, "PREF-1") == "県の新しい案内です。"
    assert _resident_answer(platform, world.sakura_id, "PREF-1") == "県の新しい案内です。"


def test_a_draft_override_does_not_hide_the_prefecture_entry(
    platform: Platform, world: World
) -> None:
    with platform.db.write() as db:
        record = faq_service.record_of(faq_service.get_entry(db, world.aoba_id, world.pref_entry))
        record.answer = "市の独自の案内（下書き）"
        approval.save(db, world.aoba_id, None, record, user="aoba-editor", can_approve=False)
    assert (
        _resident_answer(
            platform,
            world.aoba_id,
            "PREF-1",
        )
        is not None
    )
    assert _resident_answer(platform, world.aoba_id, "PREF-1") != "市の独自の案内（下書き）"


def test_approver_sees_a_side_by_side_diff_and_approves_in_the_console(
    client: TestClient, platform: Platform, world: World
) -> None:
    result = _edit(
        platform,
        world.aoba_id,
        world.aoba_entry,
        "住民票の写しは支所でも請求できます。",
        "aoba-editor",
    )
    assert result.change is not None
    login(client, "aoba-editor")
    own = client.get(f"/console/t/aoba/approvals/{result.change.id}")
    assert own.status_code == 200 and "approve-button" not in own.text
    client.cookies.clear()
    token = login(client, "aoba-approver")
    queue = client.get("/console/t/aoba/approvals")
    assert "承認待ち" in queue.text and "住民票の写しを取りたい" in queue.text
    page = client.get(f"/console/t/aoba/approvals/{result.change.id}")
    assert 'data-field="answer"' in page.text and "<ins>" in page.text and "<del>" in page.text
    assert "支所でも請求できます" in re.sub(r"<[^>]+>", "", page.text)
    assert "approve-button" in page.text
    done = client.post(
        f"/console/t/aoba/approvals/{result.change.id}/approve",
        data={"csrf_token": token, "comment": "確認しました"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert (
        _resident_answer(platform, world.aoba_id, "AOBA-1")
        == "住民票の写しは支所でも請求できます。"
    )
    # nc10: after 承認 the page compared the live entry (now the change) with the change, every
    # field the same. It now shows the version before the approval beside the approved one.
    decided = client.get(f"/console/t/aoba/approvals/{result.change.id}").text
    answer_row = decided.split('data-field="answer"', 1)[1].split("</tr>", 1)[0]
    assert "<del>" in answer_row and "<ins>" in answer_row
    with platform.db.read() as db:
        version = faq_service.get_entry(db, world.aoba_id, world.aoba_entry).version
    assert t("approval.diff.after_published", "ja", version=version) in decided
    assert t("approval.diff.before_published", "ja", version=version - 1) in decided
    assert t("approval.diff.after", "ja") not in decided
    api = client.get(f"/api/v1/tenants/aoba/changes/{result.change.id}").json()
    assert [d["field"] for d in api["diff"]] == ["answer"]
    # The entry's 変更履歴 names its sides as versions, not 現在（公開中） / 承認後.
    history = client.get(f"/console/t/aoba/faq/{world.aoba_entry}/history").text
    assert t("approval.history.after", "ja", version=version) in history
    assert t("approval.diff.after", "ja") not in history
    # An auditor can read the queue but not decide.
    client.cookies.clear()
    token = login(client, "aoba-auditor")
    assert client.get("/console/t/aoba/approvals").status_code == 200
    refused = client.post(
        f"/console/t/aoba/approvals/{result.change.id}/approve", data={"csrf_token": token}
    )
    assert refused.status_code == 403


def test_rejected_change_leaves_residents_untouched(platform: Platform, world: World) -> None:
    before = _resident_answer(platform, world.aoba_id, "AOBA-1")
    result = _edit(platform, world.aoba_id, world.aoba_entry, "誤った回答", "aoba-editor")
    assert result.change is not None
    with platform.db.write() as db:
        change = approval.reject(
            db, world.aoba_id, result.change.id, user="aoba-approver", comment="根拠を確認"
        )
    assert change.state == "rejected" and change.review_comment == "根拠を確認"
    assert _resident_answer(platform, world.aoba_id, "AOBA-1") == before
    with platform.db.read() as db:
        assert approval.open_change(db, world.aoba_entry) is None
        assert (
            faq_service.get_entry(db, world.aoba_id, world.aoba_entry).status
            == EntryStatus.PUBLISHED
        )


def test_bulk_approval_skips_nothing_and_respects_four_eyes(
    client: TestClient, platform: Platform, world: World
) -> None:
    """まとめて承認 after an import: every selected change is approved under the same rules."""
    data = "external_id,question,answer\nB-1,質問一,回答一です。\nB-2,質問二,回答二です。\n"
    with platform.db.write() as db:
        importing.import_file(
            db,
            world.aoba_id,
            data.encode(),
            "b.csv",
            user="aoba-approver",
            writer=approval.import_writer(can_approve=True, publish=False),
        )
        ids = [c.id for c in approval.list_changes(db, world.aoba_id)]
    token = login(client, "aoba-approver")
    # The approver wrote these (imported them): four-eyes refuses, nothing is published.
    refused = client.post(
        "/console/t/aoba/approvals", data={"csrf_token": token, "change": [str(i) for i in ids]}
    )
    assert refused.status_code == 403
    assert _resident_answer(platform, world.aoba_id, "B-1") is None
    client.cookies.clear()
    token = login(client, "pref-admin")
    done = client.post(
        "/console/t/aoba/approvals",
        data={"csrf_token": token, "change": [str(i) for i in ids]},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert _resident_answer(platform, world.aoba_id, "B-1") == "回答一です。"
    assert _resident_answer(platform, world.aoba_id, "B-2") == "回答二です。"


def test_the_database_keeps_one_open_change_per_entry(platform: Platform, world: World) -> None:
    """Two first edits racing past the service check still cannot both stay open."""
    from sqlalchemy.exc import IntegrityError

    from jichitai_ai.approval.tables import EntryChange

    snapshot = {"question": "q", "answer": "a"}
    with pytest.raises(IntegrityError), platform.db.write() as db:
        for _ in range(2):
            db.add(
                EntryChange(
                    tenant_id=world.aoba_id,
                    entry_id=world.aoba_entry,
                    state="pending",
                    snapshot=snapshot,
                    base_version=1,
                    revision=1,
                    authors=["x"],
                    note="",
                    reviewed_by="",
                    review_comment="",
                )
            )
            db.flush()
    with platform.db.write() as db:  # closed changes may pile up freely
        for state in ("published", "rejected", "pending"):
            db.add(
                EntryChange(
                    tenant_id=world.aoba_id,
                    entry_id=world.aoba_entry,
                    state=state,
                    snapshot=snapshot,
                    base_version=1,
                    revision=1,
                    authors=["x"],
                    note="",
                    reviewed_by="",
                    review_comment="",
                )
            )
            db.flush()


def test_console_and_api_imports_wait_for_approval(
    client: TestClient, platform: Platform, world: World
) -> None:
    """The finding itself: a CSV without a status column must not publish to residents."""
    from jichitai_ai.services import auth

    data = "external_id,question,answer\nI-1,犬の登録,環境課で登録します。\n".encode()
    token = login(client, "aoba-editor")
    done = client.post(
        "/console/t/aoba/faq/import",
        data={"csrf_token": token, "mode": "insert"},
        files={"file": ("faq.csv", data, "text/csv")},
    )
    assert done.status_code == 200 and "承認待ち" in done.text
    assert _resident_answer(platform, world.aoba_id, "I-1") is None
    with platform.db.write() as db:
        key = auth.create_api_key(db, "aoba-editor")
    api = client.post(
        "/api/v1/tenants/aoba/faq/import",
        files={"file": ("faq2.csv", data.replace(b"I-1", b"I-2"), "text/csv")},
        headers={"Authorization": f"Bearer {key}"},
    )
    assert api.status_code == 200, api.text
    assert _resident_answer(platform, world.aoba_id, "I-2") is None
    forbidden = client.post(
        "/api/v1/tenants/aoba/faq/import",
        data={"publish": "true"},
        files={"file": ("faq3.csv", data.replace(b"I-1", b"I-3"), "text/csv")},
        headers={"Authorization": f"Bearer {key}"},
    )
    assert forbidden.status_code == 403
    with platform.db.read() as db:
        queued = {c.record.external_id for c in approval.list_changes(db, world.aoba_id)}
    assert {"I-1", "I-2"} <= queued and "I-3" not in queued
