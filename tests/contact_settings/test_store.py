"""The two lists as console-edited settings (contact_settings.store), on SQLite and PostgreSQL:
defaults kept on the first change, nothing lost on bad input, a record of every change,
tenants apart, and the answering path seeing each change at its next question in every worker."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from jichitai_ai.contact_settings import audit, store
from jichitai_ai.contact_settings.forms import AuthorityForm, ContactForm, Rejected
from jichitai_ai.contact_settings.tables import SettingsChange
from jichitai_ai.domain.models import Decision
from jichitai_ai.retrieval import HashingEmbedder
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.answering import AnsweringService
from jichitai_ai.services.errors import Conflict, NotFound
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World

LICENCE = AuthorityForm(
    name={"ja": "運転免許センター", "en": "Driver's licence centre"},
    topics=["運転免許証の更新"],
    words=["運転免許", "driver's licen"],
    phone="0000-00-7100",
    url="https://menkyo.example.jp/",
    note={"ja": "県警察の担当です。"},
)


def _state(platform: Platform, slug: str, key: str) -> store.ListState:
    with platform.db.read() as db:
        return store.state(tenant_service.get_tenant(db, slug), key)


def _settings(platform: Platform, slug: str) -> dict[str, Any]:
    with platform.db.read() as db:
        return tenant_service.get_tenant(db, slug).settings


def _save(platform: Platform, world: World, key: str, index: int | None, form: Any) -> None:
    seen = _state(platform, "aoba", key).revision
    with platform.db.write() as db:
        store.save_item(
            db, world.aoba_id, key, index, form, seen_revision=seen, username="aoba-editor"
        )


def test_first_change_keeps_the_national_numbers_and_is_recorded(
    platform: Platform, world: World
) -> None:
    before = _state(platform, "aoba", store.EMERGENCY)
    assert not before.own
    assert [i["number"] for i in before.items] == ["119", "110", "0570-783-556", "0120-279-338"]
    assert before.items[0]["label"]["ja"] and before.items[0]["label"]["ko"]
    _save(
        platform,
        world,
        store.EMERGENCY,
        None,
        ContactForm(
            number="＃７１１９",
            kinds=["medical"],
            label={"ja": "救急安心センター", "en": "Emergency advice"},
        ),
    )
    after = _state(platform, "aoba", store.EMERGENCY)
    assert after.own
    assert [i["number"] for i in after.items] == [
        "119",
        "110",
        "0570-783-556",
        "0120-279-338",
        "#7119",
    ]
    # Stored exactly in the format emergency.contacts reads.
    stored = _settings(platform, "aoba")["emergency_contacts"][-1]
    assert stored == {
        "number": "#7119",
        "kinds": ["medical"],
        "label": {"ja": "救急安心センター", "en": "Emergency advice"},
    }
    with platform.db.read() as db:
        changes = audit.recent(db, world.aoba_id)
        after_list = db.execute(select(SettingsChange.after)).scalar_one()
    assert [(c.key, c.action, c.username, c.before_count, c.after_count) for c in changes] == [
        ("emergency_contacts", "added", "aoba-editor", 0, 5)
    ]
    assert "救急安心センター" in changes[0].subject and after_list[-1]["number"] == "#7119"


def test_an_edit_keeps_what_the_form_does_not_show(platform: Platform, world: World) -> None:
    item = {
        "name": {"ja": "旧名", "vi": "Tên cũ"},
        "topics": ["運転免許証の更新"],
        "phone": "0000-00-7100",
        "departments_hint": "keep me",
    }
    with platform.db.write() as db:
        tenant_service.update_settings(db, world.aoba_id, {"other_authorities": [item]})
    _save(platform, world, store.AUTHORITIES, 0, LICENCE)
    stored = _settings(platform, "aoba")["other_authorities"][0]
    assert stored["departments_hint"] == "keep me"
    assert stored["name"] == {
        "ja": "運転免許センター",
        "en": "Driver's licence centre",
        "vi": "Tên cũ",
    }
    assert stored["words"] == ["運転免許", "driver's licen"] and stored["url"] == LICENCE.url
    contact = {
        "number": "119",
        "kinds": ["fire", "medical", "disaster", "tsunami"],
        "label": {"ja": "消防", "vi": "Cứu hỏa"},
        "shown_on_kiosk": False,
    }
    others = store.default_contact_items()[1:]
    with platform.db.write() as db:
        tenant_service.update_settings(
            db, world.aoba_id, {"emergency_contacts": [contact, *others]}
        )
    edited = ContactForm(
        number="119", kinds=["fire", "medical", "disaster"], label={"ja": "あおば消防"}
    )
    _save(platform, world, store.EMERGENCY, 0, edited)
    assert _settings(platform, "aoba")["emergency_contacts"][0] == {
        "number": "119",
        "kinds": ["fire", "medical", "disaster", "tsunami"],
        "label": {"ja": "あおば消防", "vi": "Cứu hỏa"},
        "shown_on_kiosk": False,
    }


def test_bad_input_reports_every_mistake_and_stores_nothing(
    platform: Platform, world: World
) -> None:
    _save(platform, world, store.AUTHORITIES, None, LICENCE)
    settings_before = _settings(platform, "aoba")
    bad = AuthorityForm(name={"en": "No Japanese"}, topics=[" "], phone="call me", url="ftp://x")
    with pytest.raises(Rejected) as caught:
        _save(platform, world, store.AUTHORITIES, 0, bad)
    keys = [e.key for e in caught.value.errors]
    assert keys == [
        "contact_settings.error.ja_required",
        "contact_settings.error.no_topic",
        "contact_settings.error.phone",
        "contact_settings.error.url",
    ]
    ja = caught.value.lines("ja")
    assert ja[0] == "機関名を日本語で入力してください（ほかの言語は任意です）。"
    assert caught.value.lines("en")[2].startswith("The phone “call me” is not a phone number")
    assert _settings(platform, "aoba") == settings_before
    with platform.db.read() as db:
        assert db.execute(select(func.count()).select_from(SettingsChange)).scalar() == 1


def test_every_kind_keeps_a_contact(platform: Platform, world: World) -> None:
    current = _state(platform, "aoba", store.EMERGENCY)
    only_police = ContactForm(number="119", kinds=["medical"], label={"ja": "救急"})
    with pytest.raises(Rejected) as caught:
        _save(platform, world, store.EMERGENCY, 0, only_police)  # 119 no longer for fire
    assert [e.params.get("kind") for e in caught.value.errors] == ["fire"]
    assert "「火事」の質問に表示する連絡先がなくなります" in caught.value.lines("ja")[0]
    assert not _state(platform, "aoba", store.EMERGENCY).own
    with platform.db.write() as db, pytest.raises(Rejected):
        store.delete_item(
            db, world.aoba_id, store.EMERGENCY, 0, seen_revision=current.revision, username="x"
        )


def test_someone_elses_change_first_is_not_overwritten(platform: Platform, world: World) -> None:
    seen = _state(platform, "aoba", store.AUTHORITIES).revision
    _save(platform, world, store.AUTHORITIES, None, LICENCE)
    with platform.db.write() as db, pytest.raises(Conflict):
        store.save_item(
            db,
            world.aoba_id,
            store.AUTHORITIES,
            None,
            AuthorityForm(
                name={"ja": "気象台"}, topics=["天気予報"], url="https://jma.example.jp/"
            ),
            seen_revision=seen,
            username="other",
        )
    assert [i["name"]["ja"] for i in _settings(platform, "aoba")["other_authorities"]] == [
        "運転免許センター"
    ]


def test_delete_duplicates_and_reset(platform: Platform, world: World) -> None:
    _save(platform, world, store.AUTHORITIES, None, LICENCE)
    with pytest.raises(Rejected) as caught:
        _save(platform, world, store.AUTHORITIES, None, LICENCE)
    assert caught.value.errors[0].key == "contact_settings.error.duplicate_name"
    current = _state(platform, "aoba", store.AUTHORITIES)
    with platform.db.write() as db:
        store.delete_item(
            db, world.aoba_id, store.AUTHORITIES, 0, seen_revision=current.revision, username="x"
        )
    assert _settings(platform, "aoba")["other_authorities"] == []
    _save(
        platform,
        world,
        store.EMERGENCY,
        1,
        ContactForm(number="110", kinds=["crime", "disaster"], label={"ja": "警察（あおば署）"}),
    )
    own = _state(platform, "aoba", store.EMERGENCY)
    assert own.own and own.items[1]["label"]["ja"] == "警察（あおば署）"
    with platform.db.write() as db:
        store.reset_emergency(db, world.aoba_id, seen_revision=own.revision, username="x")
    assert not _state(platform, "aoba", store.EMERGENCY).own
    with platform.db.read() as db:
        actions = [c.action for c in audit.recent(db, world.aoba_id)]
    assert actions == ["reset", "saved", "deleted", "added"]


def test_tenants_stay_apart(platform: Platform, world: World) -> None:
    """共同利用: a municipality's lists are its own; the prefecture's and a neighbour's are
    untouched, and each sees only its own change record."""
    _save(platform, world, store.AUTHORITIES, None, LICENCE)
    _save(
        platform,
        world,
        store.EMERGENCY,
        None,
        ContactForm(number="#7119", kinds=["medical"], label={"ja": "救急安心センター"}),
    )
    for slug in ("pref", "sakura"):
        assert "other_authorities" not in _settings(platform, slug)
        assert not _state(platform, slug, store.EMERGENCY).own
    with platform.db.read() as db:
        assert audit.recent(db, world.sakura_id) == [] and audit.recent(db, world.pref_id) == []
    with platform.db.write() as db, pytest.raises(Conflict):
        # A revision seen in another tenant never applies here.
        store.save_item(
            db,
            world.sakura_id,
            store.AUTHORITIES,
            None,
            LICENCE,
            seen_revision=_state(platform, "aoba", store.AUTHORITIES).revision,
            username="x",
        )


def test_import_is_all_or_nothing(platform: Platform, world: World) -> None:
    good = LICENCE.to_item()
    with platform.db.write() as db, pytest.raises(Rejected) as caught:
        store.replace_lists(
            db,
            world.aoba_id,
            {"other_authorities": [good, {"name": {"ja": "名前だけ"}}, "x"]},
            username="cli",
        )
    assert caught.value.places == [
        ("other_authorities", 2),
        ("other_authorities", 2),
        ("other_authorities", 3),
    ]
    assert caught.value.lines("ja")[0].startswith("他機関 2 件目: 担当する業務を")
    assert "other_authorities" not in _settings(platform, "aoba")
    with platform.db.write() as db:
        stored = store.replace_lists(
            db,
            world.aoba_id,
            {"other_authorities": [good], "emergency_contacts": []},
            username="cli",
        )
    assert stored == {"other_authorities": 1, "emergency_contacts": 0}
    assert _settings(platform, "aoba")["other_authorities"] == [good]
    with platform.db.read() as db:
        assert [c.action for c in audit.recent(db, world.aoba_id)] == ["imported"]


def _worker(platform: Platform) -> AnsweringService:
    """One worker's answering service, with a small dense embedder (hand-overs need one)."""
    service = AnsweringService(platform.db, platform.settings)
    service.factory.embedder = HashingEmbedder(64)
    return service


def test_a_change_reaches_the_next_question_in_every_worker(
    platform: Platform, world: World
) -> None:
    first, second = _worker(platform), _worker(platform)
    question = "運転免許証の更新をしたい"
    for worker in (first, second):  # both have built their index and matcher state
        assert worker.ask("aoba", question, record=False).other_authority is None
        assert worker.ask("aoba", "家が火事です", record=False).emergency[0].number == "119"
    _save(platform, world, store.AUTHORITIES, None, LICENCE)
    for worker in (first, second):
        result = worker.ask("aoba", question, language="en", record=False)
        assert result.decision is Decision.NO_ANSWER
        assert result.other_authority is not None
        assert result.other_authority["name"] == "Driver's licence centre"
    renamed = AuthorityForm(**{**LICENCE.__dict__, "name": {"ja": "みずほ県運転免許センター"}})
    _save(platform, world, store.AUTHORITIES, 0, renamed)
    for worker in (first, second):
        found = worker.ask("aoba", question, record=False).other_authority
        assert found is not None and found["name"] == "みずほ県運転免許センター"
    _save(
        platform,
        world,
        store.EMERGENCY,
        0,
        ContactForm(
            number="119",
            kinds=["fire", "medical", "disaster"],
            label={"ja": "あおば消防", "en": "Aoba Fire Department"},
        ),
    )
    for worker in (first, second):
        card = worker.ask("aoba", "My house is on fire!", language="en", record=False).emergency
        assert card[0].label == "Aoba Fire Department"
    # Other tenants keep the national card.
    assert first.ask("sakura", "家が火事です", record=False).emergency[0].label != "あおば消防"
    current = _state(platform, "aoba", store.AUTHORITIES)
    with platform.db.write() as db:
        store.delete_item(
            db, world.aoba_id, store.AUTHORITIES, 0, seen_revision=current.revision, username="x"
        )
    for worker in (first, second):
        assert worker.ask("aoba", question, record=False).other_authority is None


def test_unknown_key_is_refused(platform: Platform, world: World) -> None:
    with platform.db.read() as db, pytest.raises(NotFound):
        store.state(tenant_service.get_tenant(db, "aoba"), "contact")


def test_two_editors_saving_at_once_never_both_pass(platform: Platform, world: World) -> None:
    """Both saw the same list; one save lands, the other is told someone changed it first."""
    import threading

    seen = _state(platform, "aoba", store.AUTHORITIES).revision
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def save(name: str) -> None:
        form = AuthorityForm(name={"ja": name}, topics=["天気予報"], url="https://jma.example.jp/")
        start.wait()
        try:
            with platform.db.write() as db:
                store.save_item(
                    db,
                    world.aoba_id,
                    store.AUTHORITIES,
                    None,
                    form,
                    seen_revision=seen,
                    username=name,
                )
            outcomes.append("saved")
        except Conflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=save, args=(n,)) for n in ("気象台A", "気象台B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["conflict", "saved"]
    assert len(_settings(platform, "aoba")["other_authorities"]) == 1
