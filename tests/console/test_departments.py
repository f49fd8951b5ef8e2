"""Departments as records: one contact for every entry, parents, scoped editors, and the
department list's CSV (UTF-8 / Shift_JIS) and XLSX import/export (both databases)."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from jichitai_ai.approval import service as approval
from jichitai_ai.departments import io as dept_io
from jichitai_ai.departments import service as departments
from jichitai_ai.domain.models import DepartmentContact, FaqRecord
from jichitai_ai.faqio import FaqFileError
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.errors import Forbidden, Invalid
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, approve_open, csrf_of, login


def _second_shimin_entry(platform: Platform, world: World) -> int:
    with platform.db.write() as db:
        entry = faq_service.create_entry(
            db,
            world.aoba_id,
            FaqRecord(
                external_id="AOBA-2",
                question="印鑑登録をしたい",
                answer="印鑑登録は市民課の窓口でできます。",
                department=DepartmentContact(name="市民課"),
            ),
        )
    return entry.id


def _ask(client: TestClient, question: str) -> dict[str, object]:
    result: dict[str, object] = client.post(
        "/api/v1/tenants/aoba/ask", json={"question": question}
    ).json()
    return result


def test_a_contact_change_reaches_every_entry_at_once(
    client: TestClient, platform: Platform, world: World
) -> None:
    second = _second_shimin_entry(platform, world)
    before = _ask(client, "住民票の写しを取りたい")
    assert before["decision"] == "answer"
    token = login(client, "aoba-editor")
    listing = client.get("/console/t/aoba/departments")
    assert "市民課" in listing.text and "0000-00-1111" in listing.text
    with platform.db.read() as db:
        dept = next(
            d for d in departments.list_departments(db, world.aoba_id) if d.name == "市民課"
        )
    assert dept.entries == 2
    saved = client.post(
        f"/console/t/aoba/departments/{dept.id}",
        data={
            "csrf_token": token,
            "name": "市民課",
            "phone": "0000-99-2222",
            "hours": "平日 8:30〜19:00",
            "email": "shimin@city.aoba.example.jp",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    with platform.db.read() as db:
        for entry_id in (world.aoba_entry, second):
            contact = faq_service.get_entry(db, world.aoba_id, entry_id).department
            assert contact is not None and contact.phone == "0000-99-2222"
    # The resident answer (from the cached index) shows the new number straight away.
    after = _ask(client, "住民票の写しを取りたい")
    assert after["decision"] == "answer"
    assert "0000-99-2222" in str(after["answer"]) and "0000-00-1111" not in str(after["answer"])


def test_approving_an_old_snapshot_keeps_the_departments_contact(
    platform: Platform, world: World
) -> None:
    with platform.db.write() as db:
        record = faq_service.record_of(faq_service.get_entry(db, world.aoba_id, world.aoba_entry))
        assert record.department is not None and record.department.phone == "0000-00-1111"
        record.answer = "住民票の写しは市民課またはコンビニで取れます。"
        change = approval.save(
            db, world.aoba_id, world.aoba_entry, record, user="aoba-editor", can_approve=False
        ).change
        assert change is not None
        dept = next(
            d for d in departments.list_departments(db, world.aoba_id) if d.name == "市民課"
        )
        departments.save_department(
            db,
            world.aoba_id,
            departments.DepartmentInput(name="市民課", phone="0000-77-7777"),
            dept.id,
        )
    approve_open(platform, world.aoba_id, world.aoba_entry)
    with platform.db.read() as db:
        contact = faq_service.get_entry(db, world.aoba_id, world.aoba_entry).department
    assert contact is not None and contact.phone == "0000-77-7777"


def test_department_list_round_trips_in_shift_jis_and_xlsx(
    platform: Platform, world: World
) -> None:
    with platform.db.write() as db:
        departments.save_department(
            db, world.aoba_id, departments.DepartmentInput(name="市民部", phone="0000-00-0001")
        )
        dept = next(
            d for d in departments.list_departments(db, world.aoba_id) if d.name == "市民課"
        )
        departments.save_department(
            db,
            world.aoba_id,
            departments.DepartmentInput(
                name="市民課", phone="0000-00-1111", hours="平日 8:30～17:15", parent="市民部"
            ),
            dept.id,
        )
        rows = departments.list_departments(db, world.aoba_id)
    sjis = dept_io.write_csv(rows, encoding="cp932")
    text = sjis.decode("cp932")
    assert (
        text.splitlines()[0]
        == "部署名,電話番号,メールアドレス,受付時間,問い合わせフォーム,上位部署"
    )
    assert "市民課,0000-00-1111,,平日 8:30～17:15,,市民部" in text
    # Edited in an old tool that writes Shift_JIS, and read back.
    edited = text.replace("0000-00-1111", "0000-00-5555").encode("cp932")
    with platform.db.write() as db:
        result = departments.import_departments(
            db, world.aoba_id, dept_io.parse(edited, "部署.csv")
        )
    assert (result.created, result.updated) == (0, 1)
    with platform.db.read() as db:
        contact = faq_service.get_entry(db, world.aoba_id, world.aoba_entry).department
        assert contact is not None and contact.phone == "0000-00-5555"
        rows = departments.list_departments(db, world.aoba_id)
    book = load_workbook(io.BytesIO(dept_io.write_xlsx(rows)))
    cells = list(book.active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert cells[0][0] == "部署名" and ("市民課", "0000-00-5555") in {(r[0], r[1]) for r in cells}
    # A character Shift_JIS lacks is a clear error, not a silent "?".
    with platform.db.write() as db:
        departments.save_department(
            db, world.aoba_id, departments.DepartmentInput(name="𠮷野出張所")
        )
        rows = departments.list_departments(db, world.aoba_id)
    with pytest.raises(FaqFileError) as raised:
        dept_io.write_csv(rows, encoding="cp932")
    assert raised.value.key == "faqio.unencodable"


def test_a_bad_row_imports_nothing(platform: Platform, world: World) -> None:
    data = (
        "部署名,電話番号,上位部署\n"
        "子育て支援課,0000-00-4444,\n"
        "市民課,0000-00-9999,存在しない部\n"
        ",0000,\n"
    ).encode("utf-8-sig")
    with pytest.raises(departments.DepartmentImportRejected) as raised, platform.db.write() as db:
        departments.import_departments(db, world.aoba_id, dept_io.parse(data, "d.csv"))
    assert sorted(row for row, _ in raised.value.errors) == [3, 4]
    with platform.db.read() as db:
        names = {d.name for d in departments.list_departments(db, world.aoba_id)}
        contact = faq_service.get_entry(db, world.aoba_id, world.aoba_entry).department
    assert "子育て支援課" not in names and contact is not None and contact.phone == "0000-00-1111"
    with pytest.raises(FaqFileError):
        dept_io.parse("電話番号\n0000\n".encode(), "d.csv")


def test_parent_cycles_are_refused(platform: Platform, world: World) -> None:
    with platform.db.write() as db:
        top = departments.save_department(
            db, world.aoba_id, departments.DepartmentInput(name="市民部")
        )
        shimin = next(
            d for d in departments.list_departments(db, world.aoba_id) if d.name == "市民課"
        )
        departments.save_department(
            db,
            world.aoba_id,
            departments.DepartmentInput(name="市民課", parent="市民部"),
            shimin.id,
        )
        with pytest.raises(Invalid):
            departments.save_department(
                db,
                world.aoba_id,
                departments.DepartmentInput(name="市民部", parent="市民課"),
                top.id,
            )


def test_scoped_editor_edits_only_their_departments(
    client: TestClient, platform: Platform, world: World
) -> None:
    with platform.db.write() as db:
        departments.save_department(db, world.aoba_id, departments.DepartmentInput(name="環境課"))
        departments.set_user_scope(db, "aoba-editor", world.aoba_id, ["環境課"])
    with platform.db.write() as db:
        record = faq_service.record_of(faq_service.get_entry(db, world.aoba_id, world.aoba_entry))
        with pytest.raises(Forbidden):
            approval.save(
                db, world.aoba_id, world.aoba_entry, record, user="aoba-editor", can_approve=False
            )
        record.external_id = ""
        record.department = DepartmentContact(name="環境課")
        result = approval.save(
            db, world.aoba_id, None, record, user="aoba-editor", can_approve=False
        )
        assert result.change is not None
    token = login(client, "aoba-editor")
    with platform.db.read() as db:
        shimin = next(
            d for d in departments.list_departments(db, world.aoba_id) if d.name == "市民課"
        )
    refused = client.post(
        f"/console/t/aoba/departments/{shimin.id}",
        data={"csrf_token": token, "name": "市民課", "phone": "1"},
    )
    assert refused.status_code == 403


def test_auditor_reads_departments_but_cannot_change_them(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-auditor")
    page = client.get("/console/t/aoba/departments")
    assert page.status_code == 200 and "部署を追加" not in page.text
    assert client.get("/console/t/aoba/departments.csv").status_code == 200
    refused = client.post(
        "/console/t/aoba/departments/new", data={"csrf_token": token, "name": "新しい課"}
    )
    assert refused.status_code == 403
    assert csrf_of(page.text)
