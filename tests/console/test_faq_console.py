"""FAQ editing in the console: create with preview, history and revert, publish/archive,
inherited entries (override, hide), import with a row error table, export."""

from __future__ import annotations

import io
import re

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, approve_open, login

FORM = {
    "question": "犬の登録はどこでできますか",
    "alternatives": "犬を飼い始めた\n狂犬病の予防注射",
    "answer": "犬を飼い始めたら30日以内に環境課で登録してください。\n登録手数料は3,000円です。",
    "department": "環境課",
    "department_phone": "0000-00-3333",
    "category": "ペット",
    "status": "draft",
    "language": "ja",
}


def _entry_id(response_location: str) -> int:
    match = re.search(r"/faq/(\d+)", response_location)
    assert match, response_location
    return int(match.group(1))


def test_preview_shows_the_resident_view_without_saving(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-editor")
    with platform.db.read() as db:
        before = faq_service.count_entries(db, world.aoba_id)
    page = client.post(
        "/console/t/aoba/faq/new", data={**FORM, "csrf_token": token, "action": "preview"}
    )
    assert page.status_code == 200
    assert "住民から見た表示" in page.text and "登録手数料は3,000円です。" in page.text
    assert 'class="resident-card"' in page.text and "0000-00-3333" in page.text
    with platform.db.read() as db:
        assert faq_service.count_entries(db, world.aoba_id) == before


def _approve_open_change(client: TestClient, platform: Platform, entry_id: int) -> None:
    """The approver (another person) approves the entry's open change in the console."""
    from jichitai_ai.approval import service as approval

    with platform.db.read() as db:
        change = approval.open_change(db, entry_id)
    assert change is not None and change.state == "pending"
    token = login(client, "aoba-approver")
    done = client.post(
        f"/console/t/aoba/approvals/{change.id}/approve",
        data={"csrf_token": token},
        follow_redirects=False,
    )
    assert done.status_code == 303


def test_create_edit_history_revert_publish_archive(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-editor")
    created = client.post(
        "/console/t/aoba/faq/new",
        data={**FORM, "csrf_token": token, "action": "draft"},
        follow_redirects=False,
    )
    assert created.status_code == 303
    entry_id = _entry_id(created.headers["location"])
    with platform.db.read() as db:
        entry = faq_service.get_entry(db, world.aoba_id, entry_id)
    assert entry.status == "draft" and entry.alternatives == ["犬を飼い始めた", "狂犬病の予防注射"]
    assert entry.department is not None and entry.department.name == "環境課"
    assert entry.updated_by == "aoba-editor"

    page = client.get(f"/console/t/aoba/faq/{entry_id}")
    change_token = re.search(r'name="expected_change" value="([^"]*)"', page.text)
    assert change_token is not None and change_token.group(1)
    edited = {
        **FORM,
        "status": "published",
        "answer": "犬の登録は環境課または支所で受け付けます。",
        "expected_version": "1",
        "expected_change": change_token.group(1),
        "csrf_token": token,
        "action": "submit",
    }
    assert (
        client.post(
            f"/console/t/aoba/faq/{entry_id}", data=edited, follow_redirects=False
        ).status_code
        == 303
    )
    # A stale form (a colleague saved in between) is refused, not silently overwritten.
    stale = client.post(f"/console/t/aoba/faq/{entry_id}", data=edited)
    assert stale.status_code == 409 and "他の人が更新しました" in stale.text
    # Saving did not publish: residents do not see the entry until it is approved.
    with platform.db.read() as db:
        assert entry_id not in {e.id for e in faq_service.visible_entries(db, world.aoba_id)}
    _approve_open_change(client, platform, entry_id)
    with platform.db.read() as db:
        entry = faq_service.get_entry(db, world.aoba_id, entry_id)
        assert entry_id in {e.id for e in faq_service.visible_entries(db, world.aoba_id)}
    assert entry.version == 2 and entry.answer == edited["answer"]

    token = login(client, "aoba-editor")
    history = client.get(f"/console/t/aoba/faq/{entry_id}/history")
    assert history.status_code == 200 and "第 1 版に戻す" in history.text
    # The history shows what each version changed (field-level diff).
    assert "変更点 (" in history.text and "<ins>" in history.text
    assert (
        client.post(
            f"/console/t/aoba/faq/{entry_id}/revert",
            data={"version": "1", "csrf_token": token},
            follow_redirects=False,
        ).status_code
        == 303
    )
    _approve_open_change(client, platform, entry_id)
    with platform.db.read() as db:
        entry = faq_service.get_entry(db, world.aoba_id, entry_id)
    assert entry.version == 3 and entry.answer == FORM["answer"] and entry.status == "draft"

    token = login(client, "aoba-editor")
    client.post(
        f"/console/t/aoba/faq/{entry_id}/status", data={"status": "published", "csrf_token": token}
    )
    with platform.db.read() as db:
        assert entry_id not in {e.id for e in faq_service.visible_entries(db, world.aoba_id)}
    _approve_open_change(client, platform, entry_id)
    with platform.db.read() as db:
        assert entry_id in {e.id for e in faq_service.visible_entries(db, world.aoba_id)}
    token = login(client, "aoba-editor")
    client.post(
        f"/console/t/aoba/faq/{entry_id}/status", data={"status": "archived", "csrf_token": token}
    )
    _approve_open_change(client, platform, entry_id)
    with platform.db.read() as db:
        assert entry_id not in {e.id for e in faq_service.visible_entries(db, world.aoba_id)}
        assert faq_service.get_entry(db, world.aoba_id, entry_id).status == "archived"


def test_invalid_entry_is_shown_again_with_the_reason(client: TestClient, world: World) -> None:
    token = login(client, "aoba-editor")
    bad = {
        **FORM,
        "answer": "  ",
        "valid_from": "2025-04-01",
        "csrf_token": token,
        "action": "save",
    }
    response = client.post("/console/t/aoba/faq/new", data=bad)
    assert response.status_code == 422
    # The field is named by its label on the form, not by its column name ("answer").
    assert "「回答」は必須です。" in response.text and FORM["question"] in response.text
    english = client.post("/console/t/aoba/faq/new?lang=en", data={**bad, "valid_from": "1.4.2025"})
    assert "Enter the date “Valid from” as YYYY-MM-DD." in english.text


def test_list_search_and_filters(client: TestClient, world: World) -> None:
    login(client, "aoba-editor")
    page = client.get("/console/t/aoba/faq")
    assert "住民票の写しを取りたい" in page.text and "パスポートの申請" in page.text
    assert "badge--inherited" in page.text
    found = client.get("/console/t/aoba/faq?q=住民票")
    assert "住民票の写しを取りたい" in found.text and "パスポートの申請" not in found.text
    own = client.get("/console/t/aoba/faq?origin=inherited")
    assert "パスポートの申請" in own.text and "住民票の写しを取りたい" not in own.text
    drafts = client.get("/console/t/aoba/faq?status=draft")
    assert "該当する項目はありません。" in drafts.text


def test_override_and_hide_inherited_entries(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-editor")
    inherited = client.get(f"/console/t/aoba/faq/{world.pref_entry}")
    assert "上位団体（pref）から継承しています" in inherited.text
    # The prefecture's entry cannot be edited from the municipality.
    assert (
        client.post(
            f"/console/t/aoba/faq/{world.pref_entry}",
            data={**FORM, "csrf_token": token, "action": "save"},
        ).status_code
        == 403
    )

    copy = client.post(
        f"/console/t/aoba/faq/{world.pref_entry}/override",
        data={"csrf_token": token},
        follow_redirects=False,
    )
    copy_id = _entry_id(copy.headers["location"])
    with platform.db.read() as db:
        # The copy is a draft: residents keep the prefecture's entry until it is approved.
        visible = {e.external_id: e for e in faq_service.visible_entries(db, world.aoba_id)}
        assert visible["PREF-1"].id == world.pref_entry
    approve_open(platform, world.aoba_id, copy_id)
    with platform.db.read() as db:
        visible = {e.external_id: e for e in faq_service.visible_entries(db, world.aoba_id)}
        assert visible["PREF-1"].id == copy_id and not visible["PREF-1"].inherited
        # さくら町 still gets the prefecture's entry.
        assert {e.external_id: e for e in faq_service.visible_entries(db, world.sakura_id)}[
            "PREF-1"
        ].id == world.pref_entry
    listing = client.get("/console/t/aoba/faq?origin=override")
    assert "badge--override" in listing.text and "PREF-1" in listing.text

    client.cookies.clear()
    token = login(client, "sakura-editor")
    client.post(
        "/console/t/sakura/hidden",
        data={"external_id": "PREF-1", "action": "hide", "csrf_token": token},
    )
    with platform.db.read() as db:
        assert "PREF-1" not in {
            e.external_id for e in faq_service.visible_entries(db, world.sakura_id)
        }
    hidden = client.get("/console/t/sakura/faq?origin=hidden")
    assert "パスポートの申請" in hidden.text and "再表示する" in hidden.text
    client.post(
        "/console/t/sakura/hidden",
        data={"external_id": "PREF-1", "action": "unhide", "csrf_token": token},
    )
    with platform.db.read() as db:
        assert "PREF-1" in {e.external_id for e in faq_service.visible_entries(db, world.sakura_id)}


BAD_CSV = (
    "external_id,question,answer,status\n"
    "N-1,ごみの分別を知りたい,分別表をご覧ください。,published\n"
    "N-2,資源ごみの日はいつですか,,published\n"
    "N-3,,回答だけの行です。,unknown-status\n"
).encode()
GOOD_CSV = (
    "external_id,question,answer,status\n"
    "N-1,ごみの分別を知りたい,分別表をご覧ください。,published\n"
    "N-2,資源ごみの日はいつですか,地区ごとの収集カレンダーをご覧ください。,draft\n"
).encode()


def test_import_is_all_or_nothing_with_a_row_error_table(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-editor")
    with platform.db.read() as db:
        before = faq_service.count_entries(db, world.aoba_id)
    rejected = client.post(
        "/console/t/aoba/faq/import",
        data={"csrf_token": token, "mode": "insert"},
        files={"file": ("faq.csv", BAD_CSV, "text/csv")},
    )
    assert rejected.status_code == 422
    table = rejected.text.split('id="import-errors"')[1].split("</table>")[0]
    rows = re.findall(
        r"<tr><td>(\d+)</td><td><code>([a-z_]*)</code></td><td>([^<]+)</td></tr>", table
    )
    assert ("3", "answer") in {(r[0], r[1]) for r in rows}
    assert {r[0] for r in rows} >= {"3", "4"}
    assert all(re.search(r"[ぁ-んァ-ン一-龥]", r[2]) for r in rows), rows
    with platform.db.read() as db:
        assert faq_service.count_entries(db, world.aoba_id) == before
    english = client.post(
        "/console/t/aoba/faq/import?lang=en",
        data={"csrf_token": token, "mode": "insert"},
        files={"file": ("faq.csv", BAD_CSV, "text/csv")},
    )
    assert "Nothing was imported because of" in english.text
    assert '<th scope="col">Reason</th>' in english.text

    done = client.post(
        "/console/t/aoba/faq/import?lang=ja",
        data={"csrf_token": token, "mode": "insert"},
        files={"file": ("faq.csv", GOOD_CSV, "text/csv")},
    )
    assert done.status_code == 200 and "新規 2 件" in done.text
    with platform.db.read() as db:
        assert faq_service.count_entries(db, world.aoba_id) == before + 2
    assert (
        client.post(
            "/console/t/aoba/faq/import",
            data={"mode": "insert"},
            files={"file": ("faq.csv", GOOD_CSV, "text/csv")},
        ).status_code
        == 403
    )


def test_export_csv_and_xlsx(client: TestClient, world: World) -> None:
    login(client, "aoba-editor")
    csv_file = client.get("/console/t/aoba/faq/export?format=csv")
    assert csv_file.status_code == 200 and "attachment" in csv_file.headers["content-disposition"]
    text = csv_file.content.decode("utf-8-sig")
    assert "AOBA-1" in text and "住民票の写しを取りたい" in text and "PREF-1" not in text
    xlsx = client.get("/console/t/aoba/faq/export?format=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    values = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert "AOBA-1" in values


def test_long_lists_are_paged(
    client: TestClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jichitai_ai.web.console import routes_faq

    monkeypatch.setattr(routes_faq, "PAGE_SIZE", 1)
    login(client, "pref-admin")
    first = client.get("/console/t/aoba/faq")
    assert "2 件 — 1 / 2 ページ" in first.text
    assert 'rel="next" href="/console/t/aoba/faq?page=2"' in first.text
    assert first.text.count('<tr class="origin-') == 1 and "PREF-1" in first.text
    second = client.get("/console/t/aoba/faq?page=2")
    assert 'rel="prev"' in second.text and 'rel="next"' not in second.text
    assert second.text.count('<tr class="origin-') == 1 and "AOBA-1" in second.text
    beyond = client.get("/console/t/aoba/faq?page=99")
    assert beyond.status_code == 200 and "2 / 2 ページ" in beyond.text


def test_markup_is_escaped_and_unsafe_links_never_previewed(
    client: TestClient, world: World
) -> None:
    token = login(client, "aoba-editor")
    hostile = {
        **FORM,
        "question": "<script>alert(1)</script>ごみ",
        "links": "javascript:alert(1) クリック",
        "csrf_token": token,
        "action": "preview",
    }
    refused = client.post("/console/t/aoba/faq/new", data=hostile)
    assert refused.status_code == 422 and "javascript:alert(1)" in refused.text
    assert 'href="javascript:' not in refused.text
    saved = client.post("/console/t/aoba/faq/new", data={**hostile, "links": "", "action": "save"})
    assert saved.status_code == 200
    listing = client.get("/console/t/aoba/faq")
    assert "<script>alert(1)</script>" not in listing.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;ごみ" in listing.text
