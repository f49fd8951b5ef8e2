"""A translated entry belongs to its Japanese entry's department: one record, one contact,
with the department's name in the entry's language (部署名の翻訳)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.departments import service as dept_service
from jichitai_ai.domain.models import DepartmentContact, FaqRecord
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import importing
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate
from jichitai_ai.storage.db import Database
from jichitai_ai.storage.tables import Department, FaqEntryRow
from tests.conftest import BACKENDS, scratch_postgres


def _aoba(platform: Platform) -> int:
    with platform.db.read() as db:
        return tenant_service.get_tenant(db, "aoba-city").id


def test_demo_import_makes_one_department_per_japanese_department(platform: Platform) -> None:
    with platform.db.write() as db:
        load_demo(db)
    tenant_id = _aoba(platform)
    with platform.db.read() as db:
        names = {d.name for d in dept_service.list_departments(db, tenant_id)}
        japanese = set(
            db.execute(
                select(Department.name)
                .join(FaqEntryRow, FaqEntryRow.department_id == Department.id)
                .where(FaqEntryRow.tenant_id == tenant_id, FaqEntryRow.language == "ja")
            ).scalars()
        )
        aoba_0001 = [
            e
            for e in faq_service.visible_entries(db, tenant_id, include_inherited=False)
            if e.department and e.external_id == "AOBA-0001"
        ]
        shown = {(e.language, e.department.name) for e in aoba_0001 if e.department}
        hours = {e.language: e.department.hours for e in aoba_0001 if e.department}
    assert "Citizens Division" not in names and "市民课" not in names
    assert names == japanese
    # Residents read the department's name in their language.
    assert shown == {
        ("ja", "市民課"),
        ("en", "Citizens Division"),
        ("zh-Hans", "市民课"),
        ("ko", "시민과"),
    }
    # …and its 受付時間 as the translation gives them (the record's hours stay Japanese).
    assert hours["ja"].startswith("平日 8:30")
    assert hours["en"].startswith("Weekdays 8:30–17:15")
    assert hours["zh-Hans"].startswith("工作日 8:30–17:15")


def test_a_contact_change_reaches_the_english_answer(platform: Platform) -> None:
    with platform.db.write() as db:
        load_demo(db)
    tenant_id = _aoba(platform)
    with platform.db.write() as db:
        citizens = next(
            d for d in dept_service.list_departments(db, tenant_id) if d.name == "市民課"
        )
        dept_service.save_department(
            db,
            tenant_id,
            dept_service.DepartmentInput(name="市民課", phone="0120-999-000", hours="平日9時〜"),
            citizens.id,
        )
    with platform.db.read() as db:
        english = [
            e
            for e in faq_service.visible_entries(db, tenant_id)
            if e.language == "en" and e.department and e.department.name == "Citizens Division"
        ]
        one = faq_service.get_entry(db, tenant_id, english[0].id)
    assert len(english) == 10
    assert {e.department.phone for e in english if e.department} == {"0120-999-000"}
    assert one.department is not None and one.department.phone == "0120-999-000"
    # New Japanese hours: the old translated ones no longer say the truth, so residents read
    # the new Japanese hours until a translation of them is imported.
    assert {e.department.hours for e in english if e.department} == {"平日9時〜"}


def test_translations_reimported_and_edited_stay_with_the_original(platform: Platform) -> None:
    """Importing the translations again (upsert), or staff saving the English entry with its
    English department name, never makes a department; a new English name replaces the old."""
    with platform.db.write() as db:
        load_demo(db)
    tenant_id = _aoba(platform)
    with platform.db.read() as db:
        before = len(dept_service.list_departments(db, tenant_id))
    csv_text = (
        "external_id,question,answer,department,department_phone,language\n"
        "AOBA-0001,Residence certificate?,At the counter.,Residents Section,099-9999,en\n"
    )
    with platform.db.write() as db:
        importing.import_file(db, tenant_id, csv_text.encode(), "t.csv", mode="upsert")
        entry = next(
            e
            for e in faq_service.visible_entries(db, tenant_id, residents=False)
            if e.external_id == "AOBA-0001" and e.language == "en"
        )
        record = FaqRecord(
            external_id=entry.external_id,
            language="en",
            question=entry.question,
            answer=entry.answer + " Bring ID.",
            department=DepartmentContact(name="Residents Section"),
        )
        faq_service.update_entry(db, tenant_id, entry.id, record, expected_version=entry.version)
    with platform.db.read() as db:
        after = dept_service.list_departments(db, tenant_id)
        shown = faq_service.get_entry(db, tenant_id, entry.id).department
        stored = db.execute(
            select(FaqEntryRow.department_id).where(FaqEntryRow.id == entry.id)
        ).scalar_one()
        citizens = next(d for d in after if d.name == "市民課")
    assert len(after) == before
    assert stored == citizens.id
    assert shown is not None and shown.name == "Residents Section"
    # The translation does not overwrite the department's own phone number.
    assert shown.phone == citizens.phone != "099-9999"


# --- the migration repairs a database made by the old importer ------------------------------


@pytest.fixture(params=BACKENDS)
def old_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A database at the schema before 0301f (department names did not exist)."""
    if request.param == "sqlite":
        db = Database(f"sqlite:///{tmp_path / 'old.db'}")
        yield db
        db.dispose()
        return
    with scratch_postgres("jichitai_dept_names") as url:
        db = Database(url)
        yield db
        db.dispose()


def _old_shape(db: Database) -> None:
    """What the old importer stored: 市民課 (ja), "Citizens Division" (en translations only),
    "Mixed Office" (en translations of two departments) and "Orphan Desk" (no Japanese entry)."""
    migrate.upgrade(db, "0113c_tuning")
    now = "2025-04-01 00:00:00"
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO tenants (id, slug, name, name_en, settings, content_version, "
                "learning_version, created_at) VALUES (1, 'aoba', '青葉市', '', '{}', 1, 0, :now)"
            ),
            {"now": now},
        )
        departments = [
            (1, "市民課", "011-111"),
            (2, "環境課", "022-222"),
            (3, "Citizens Division", "099-old"),
            (4, "Mixed Office", ""),
            (5, "Orphan Desk", ""),
        ]
        for dept_id, name, phone in departments:
            conn.execute(
                text(
                    "INSERT INTO departments (id, tenant_id, name, phone, email, hours, form_url)"
                    " VALUES (:i, 1, :n, :p, '', '', '')"
                ),
                {"i": dept_id, "n": name, "p": phone},
            )
        # An editor scoped to the duplicate keeps the right on the department it joins.
        conn.execute(
            text(
                "INSERT INTO users (id, username, display_name, password_hash, is_active, "
                "failed_logins, created_at) VALUES (1, 'editor', '', 'x', :t, 0, :now)"
            ),
            {"now": now, "t": True},
        )
        conn.execute(text("INSERT INTO editor_departments VALUES (1, 3)"))
        entries = [
            (1, "A-1", "ja", 1),
            (2, "A-2", "ja", 1),
            (3, "B-1", "ja", 2),
            (4, "A-1", "en", 3),
            (5, "A-2", "en", 3),
            (6, "A-1", "ko", 3),
            (7, "A-2", "zh-Hans", 4),
            (8, "B-1", "zh-Hans", 4),
            (9, "C-9", "en", 5),
        ]
        for entry_id, external_id, language, dept_id in entries:
            conn.execute(
                text(
                    "INSERT INTO faq_entries (id, tenant_id, external_id, language, question, "
                    "alternatives, answer, links, category, department_id, source_url, status, "
                    "version, created_by, created_at, updated_by, updated_at) VALUES (:i, 1, :x, "
                    ":l, 'q', '[]', 'a', '[]', '', :d, '', 'published', 1, '', :now, '', :now)"
                ),
                {"i": entry_id, "x": external_id, "l": language, "d": dept_id, "now": now},
            )


def test_migration_merges_departments_made_by_translations(
    old_database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    _old_shape(old_database)
    with caplog.at_level(logging.INFO):
        migrate.upgrade(old_database)
    with old_database.engine.connect() as conn:
        departments = dict(conn.execute(text("SELECT name, phone FROM departments")).all())
        entries = dict(conn.execute(text("SELECT id, department_id FROM faq_entries")).all())
        names = set(
            conn.execute(text("SELECT department_id, language, name FROM department_names")).all()
        )
    assert departments == {
        "市民課": "011-111",
        "環境課": "022-222",
        "Mixed Office": "",
        "Orphan Desk": "",
    }
    assert entries[4] == entries[5] == entries[6] == 1
    assert entries[7] == entries[8] != 1 and entries[9] not in (1, 2)
    assert names == {(1, "en", "Citizens Division"), (1, "ko", "Citizens Division")}
    left = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("Mixed Office" in m for m in left) and any("Orphan Desk" in m for m in left)
    with old_database.engine.connect() as conn:
        scopes = set(conn.execute(text("SELECT user_id, department_id FROM editor_departments")))
    assert scopes == {(1, 1)}
