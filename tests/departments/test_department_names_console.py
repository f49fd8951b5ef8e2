"""The departments page: a department's name in residents' languages, one contact for the
Japanese and the translated entries, seen through the resident API (both databases)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.approval import service as approval
from jichitai_ai.departments import service as departments
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import importing
from jichitai_ai.services.errors import Forbidden
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, login, make_app, seed

TRANSLATION = (
    "external_id,question,alternatives,answer,department,department_phone,language\n"
    "AOBA-1,I want a copy of my residence certificate,I need a juminhyo,"
    "Ask at the Citizens Division counter of the city office with photo ID.,"
    "Citizens Division,0000-55-5555,en\n"
)


@pytest.fixture
def world(platform: Platform) -> World:
    world = seed(platform)
    with platform.db.write() as db:
        importing.import_file(db, world.aoba_id, TRANSLATION.encode(), "en.csv", mode="upsert")
    return world


@pytest.fixture
def client(platform: Platform, world: World) -> Iterator[TestClient]:
    with TestClient(make_app(platform)) as c:
        yield c


def test_the_english_hand_over_follows_the_japanese_department(
    client: TestClient, platform: Platform, world: World
) -> None:
    with platform.db.read() as db:
        listed = departments.list_departments(db, world.aoba_id)
    assert [(d.name, d.entries, d.names) for d in listed] == [
        ("市民課", 2, {"en": "Citizens Division"})
    ]
    token = login(client, "aoba-editor")
    page = client.get(f"/console/t/aoba/departments/{listed[0].id}")
    assert 'name="name_en"' in page.text and 'value="Citizens Division"' in page.text
    saved = client.post(
        f"/console/t/aoba/departments/{listed[0].id}",
        data={
            "csrf_token": token,
            "name": "市民課",
            "phone": "0000-99-2222",
            "hours": "平日 8:30〜19:00",
            "name_en": "Citizens Section",
            "name_ko": "시민과",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    listing = client.get("/console/t/aoba/departments").text
    assert "Citizens Section" in listing and "시민과" in listing
    asked = client.post(
        "/api/v1/tenants/aoba/ask",
        json={"question": "I want a copy of my residence certificate", "language": "en"},
    ).json()
    shown = [asked.get("answer") or {}, *asked.get("choices", []), asked.get("contact") or {}]
    text = str(shown)
    assert "Citizens Section" in text, asked
    assert "0000-99-2222" in text and "0000-55-5555" not in text and "0000-00-1111" not in text


def test_a_post_without_name_fields_keeps_the_names(
    client: TestClient, platform: Platform, world: World
) -> None:
    """The department list file and old forms carry no translated names: they stay."""
    with platform.db.read() as db:
        (dept,) = departments.list_departments(db, world.aoba_id)
    token = login(client, "aoba-editor")
    client.post(
        f"/console/t/aoba/departments/{dept.id}",
        data={"csrf_token": token, "name": "市民課", "phone": "0000-11-1111"},
        follow_redirects=False,
    )
    with platform.db.read() as db:
        (after,) = departments.list_departments(db, world.aoba_id)
    assert after.names == {"en": "Citizens Division"} and after.phone == "0000-11-1111"


def test_a_scoped_editor_edits_the_translations_of_their_department(
    platform: Platform, world: World
) -> None:
    """An editor limited to 市民課 may save its English entry (shown as Citizens Division),
    and that save keeps the entry in 市民課; 環境課's editor may not."""
    with platform.db.write() as db:
        departments.save_department(db, world.aoba_id, departments.DepartmentInput(name="環境課"))
        departments.set_user_scope(db, "aoba-editor", world.aoba_id, ["市民課"])
        departments.set_user_scope(db, "aoba-approver", world.aoba_id, ["環境課"])
    with platform.db.write() as db:
        english = next(
            e
            for e in faq_service.visible_entries(db, world.aoba_id, residents=False)
            if e.language == "en"
        )
        record = faq_service.record_of(english)
        assert record.department is not None and record.department.name == "Citizens Division"
        with pytest.raises(Forbidden):
            approval.save(
                db, world.aoba_id, english.id, record, user="aoba-approver", can_approve=True
            )
        approval.save(db, world.aoba_id, english.id, record, user="aoba-editor", can_approve=True)
    with platform.db.read() as db:
        (shimin,) = [d for d in departments.list_departments(db, world.aoba_id) if d.entries]
    assert (shimin.name, shimin.entries) == ("市民課", 2)
