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


def test_translated_hours_are_edited_and_dropped_when_the_japanese_ones_change(
    client: TestClient, platform: Platform, world: World
) -> None:
    with platform.db.read() as db:
        (dept,) = departments.list_departments(db, world.aoba_id)
    token = login(client, "aoba-editor")
    url = f"/console/t/aoba/departments/{dept.id}"
    form = {"csrf_token": token, "name": "市民課", "phone": dept.phone, "hours": dept.hours}
    client.post(url, data=form | {"hours_en": "Weekdays 8:30-17:15"}, follow_redirects=False)
    page = client.get(url).text
    assert 'name="hours_en"' in page and 'value="Weekdays 8:30-17:15"' in page

    def english_hours() -> set[str]:
        with platform.db.read() as db:
            return {
                e.department.hours
                for e in faq_service.visible_entries(db, world.aoba_id)
                if e.language == "en" and e.department
            }

    assert english_hours() == {"Weekdays 8:30-17:15"}
    # New Japanese hours; the form posts back the old translation it showed: dropped.
    moved = form | {"hours": "平日 9:00〜18:00", "hours_en": "Weekdays 8:30-17:15"}
    client.post(url, data=moved, follow_redirects=False)
    assert english_hours() == {"平日 9:00〜18:00"}
    with platform.db.read() as db:
        (after,) = departments.list_departments(db, world.aoba_id)
    assert after.hours_in == {} and after.names == {"en": "Citizens Division"}
    # …and a translation of the new hours is kept.
    client.post(url, data=moved | {"hours_en": "Weekdays 9:00-18:00"}, follow_redirects=False)
    assert english_hours() == {"Weekdays 9:00-18:00"}


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


def test_the_department_list_file_carries_the_names_in_other_languages(
    client: TestClient, platform: Platform, world: World
) -> None:
    """Exported with a column per language; edited there and imported back, the names change;
    the Shift_JIS file (no Hangul) leaves them out and its import keeps them; a name Shift_JIS
    cannot store is said on the page, not a server error."""
    from jichitai_ai.departments import io as dept_io

    login(client, "aoba-editor")
    exported = client.get("/console/t/aoba/departments.csv").content.decode("utf-8-sig")
    header, row = exported.splitlines()[:2]
    assert header.split(",")[-10:] == [
        "部署名（英語）",
        "部署名（中国語簡体字）",
        "部署名（中国語繁体字）",
        "部署名（韓国語）",
        "部署名（やさしい日本語）",
        "受付時間（英語）",
        "受付時間（中国語簡体字）",
        "受付時間（中国語繁体字）",
        "受付時間（韓国語）",
        "受付時間（やさしい日本語）",
    ]
    assert row.startswith("市民課,") and row.endswith(",Citizens Division,,,,,,,,,")
    edited = exported.replace(
        ",Citizens Division,,,,,,,,,",
        ",Citizens Section,,,시민과,しみんか,Weekdays 8:30-17:15,,,평일 8:30-17:15,",
    )
    with platform.db.write() as db:
        result = departments.import_departments(
            db, world.aoba_id, dept_io.parse(edited.encode("utf-8-sig"), "d.csv")
        )
    assert (result.updated, result.unchanged) == (1, 0)
    sjis = client.get("/console/t/aoba/departments.csv?encoding=sjis").content
    assert "部署名（英語）" not in sjis.decode("cp932")
    assert "8:30～" in sjis.decode("cp932")  # the seed's 〜 (WAVE DASH) as Shift_JIS stores it
    with platform.db.write() as db:
        departments.import_departments(db, world.aoba_id, dept_io.parse(sjis, "d.csv"))
        listed = departments.list_departments(db, world.aoba_id)
    assert [d.names for d in listed] == [
        {"en": "Citizens Section", "ko": "시민과", "ja-easy": "しみんか"}
    ]
    assert [d.hours_in for d in listed] == [{"en": "Weekdays 8:30-17:15", "ko": "평일 8:30-17:15"}]
    # The Shift_JIS round trip wrote 〜 as ～: the same hours, kept as stored, so the
    # translations of them stay.
    assert "〜" in listed[0].hours and "～" not in listed[0].hours
    xlsx = client.get("/console/t/aoba/departments.xlsx").content
    parsed = dept_io.parse(xlsx, "d.xlsx")
    assert [p.hours_in and p.hours_in["ko"] for _, p in parsed] == ["평일 8:30-17:15"]
    assert [p.names for _, p in parsed] == [
        {
            "en": "Citizens Section",
            "zh-Hans": "",
            "zh-Hant": "",
            "ko": "시민과",
            "ja-easy": "しみんか",
        }
    ]
    with platform.db.write() as db:
        departments.save_department(db, world.aoba_id, departments.DepartmentInput(name="𠮷野課"))
    refused = client.get("/console/t/aoba/departments.csv?encoding=sjis")
    assert refused.status_code == 422 and 'id="department-export-error"' in refused.text
    assert "U+20BB7" in refused.text and 'id="departments-table"' in refused.text
