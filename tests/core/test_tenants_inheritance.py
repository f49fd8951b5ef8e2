"""共同利用: municipalities inherit, override and hide their prefecture's entries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from jichitai_ai.domain.models import EntryStatus
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import Conflict, Forbidden, Invalid, NotFound
from jichitai_ai.services.platform import Platform

from .helpers import record


def _setup(platform: Platform) -> dict[str, int]:
    with platform.db.write() as s:
        pref = tenant_service.add_tenant(s, "pref", "テスト県")
        a = tenant_service.add_tenant(s, "city-a", "A市", parent_slug="pref")
        b = tenant_service.add_tenant(s, "city-b", "B町", parent_slug="pref")
        other = tenant_service.add_tenant(s, "other", "別の市")
        faq_service.create_entry(
            s, pref.id, record("P1", "パスポートの申請場所", "県の旅券窓口で申請します。")
        )
        faq_service.create_entry(
            s, pref.id, record("P2", "自動車税の納付", "県税事務所で納付できます。")
        )
        faq_service.create_entry(
            s, pref.id, record("P3", "県の下書き", "未公開", status=EntryStatus.DRAFT)
        )
        faq_service.create_entry(
            s, a.id, record("P2", "自動車税の納付（A市）", "A市役所でも納付書で払えます。")
        )
        faq_service.create_entry(
            s, b.id, record("B1", "B町のごみ", "B町のごみ収集日は町のカレンダーを見てください。")
        )
        faq_service.create_entry(
            s, other.id, record("O1", "別の市の項目", "別の市だけの回答です。")
        )
        faq_service.hide_inherited(s, b.id, "P1")
    return {"pref": pref.id, "a": a.id, "b": b.id, "other": other.id}


def test_child_inherits_overrides_and_hides(platform: Platform) -> None:
    ids = _setup(platform)
    with platform.db.read() as s:
        a = {e.external_id: e for e in faq_service.visible_entries(s, ids["a"])}
        b = {e.external_id: e for e in faq_service.visible_entries(s, ids["b"])}
        pref = {e.external_id: e for e in faq_service.visible_entries(s, ids["pref"])}
    assert set(a) == {"P1", "P2"}
    assert a["P1"].inherited and a["P1"].owner_slug == "pref"
    assert not a["P2"].inherited and "A市役所" in a["P2"].answer
    assert set(b) == {"P2", "B1"}  # P1 hidden, P2 inherited unchanged
    assert b["P2"].inherited and "県税事務所" in b["P2"].answer
    assert set(pref) == {"P1", "P2"}  # the draft is not shown to residents
    assert "A市役所" not in pref["P2"].answer


def test_tenants_never_see_each_others_entries(platform: Platform) -> None:
    ids = _setup(platform)
    with platform.db.read() as s:
        other = faq_service.visible_entries(s, ids["other"], residents=False)
        a_all = faq_service.visible_entries(s, ids["a"], residents=False)
        b_entry = next(e for e in faq_service.visible_entries(s, ids["b"]) if e.external_id == "B1")
        with pytest.raises(NotFound):
            faq_service.get_entry(s, ids["a"], b_entry.id)
        with pytest.raises(NotFound):
            faq_service.get_entry(s, ids["pref"], b_entry.id)  # a parent cannot read a child's
    assert [e.external_id for e in other] == ["O1"]
    assert "B1" not in {e.external_id for e in a_all}
    assert "O1" not in {e.external_id for e in a_all}


def test_child_cannot_edit_inherited_entry(platform: Platform) -> None:
    ids = _setup(platform)
    with platform.db.read() as s:
        inherited = next(
            e for e in faq_service.visible_entries(s, ids["a"]) if e.external_id == "P1"
        )
    with pytest.raises(Forbidden), platform.db.write() as s:
        faq_service.update_entry(
            s, ids["a"], inherited.id, record("P1", "書き換え", "書き換えた回答")
        )
    with platform.db.read() as s:
        assert (
            faq_service.get_entry(s, ids["pref"], inherited.id).question == "パスポートの申請場所"
        )


def test_versions_and_revert(platform: Platform) -> None:
    with platform.db.write() as s:
        t = tenant_service.add_tenant(s, "city", "市")
        e = faq_service.create_entry(s, t.id, record("X", "質問1", "回答1"), user="alice")
        faq_service.update_entry(s, t.id, e.id, record("X", "質問2", "回答2"), user="bob")
    with platform.db.write() as s, pytest.raises(Conflict):
        faq_service.update_entry(s, t.id, e.id, record("X", "質問3", "回答3"), expected_version=1)
    with platform.db.write() as s:
        reverted = faq_service.revert_entry(s, t.id, e.id, 1, user="carol")
        history = faq_service.list_versions(s, t.id, e.id)
    assert reverted.version == 3 and reverted.question == "質問1"
    assert [h["version"] for h in history] == [3, 2, 1]
    assert [h["changed_by"] for h in history] == ["carol", "bob", "alice"]
    assert history[1]["snapshot"]["answer"] == "回答2"


def test_validity_period_and_status_hide_entries_from_residents(platform: Platform) -> None:
    today = date(2026, 11, 26)
    with platform.db.write() as s:
        t = tenant_service.add_tenant(s, "city", "市")
        faq_service.create_entry(
            s, t.id, record("OLD", "終わった事業", "終了", valid_until=today - timedelta(days=1))
        )
        faq_service.create_entry(
            s, t.id, record("NEW", "来年の事業", "開始前", valid_from=today + timedelta(days=1))
        )
        faq_service.create_entry(s, t.id, record("NOW", "今の事業", "実施中", valid_from=today))
        faq_service.create_entry(
            s, t.id, record("ARC", "古い項目", "保管", status=EntryStatus.ARCHIVED)
        )
    with platform.db.read() as s:
        residents = faq_service.visible_entries(s, t.id, day=today)
        staff = faq_service.visible_entries(s, t.id, residents=False, day=today)
    assert [e.external_id for e in residents] == ["NOW"]
    assert len(staff) == 4


def test_bad_records_are_refused_with_a_reason(platform: Platform) -> None:
    with platform.db.write() as s:
        t = tenant_service.add_tenant(s, "city", "市")
    cases = [
        record("A", "", "回答"),
        record("B", "質問", "回答", language="xx"),
        record("C", "質問", "回答", source_url="javascript:alert(1)"),
        record("D", "質問", "回答", valid_from=date(2026, 5, 1), valid_until=date(2026, 4, 1)),
    ]
    for rec in cases:
        with pytest.raises(Invalid) as info, platform.db.write() as s:
            faq_service.create_entry(s, t.id, rec)
        assert info.value.messages()["ja"] and info.value.messages()["en"]
    with platform.db.read() as s:
        assert faq_service.count_entries(s, t.id) == 0


def test_duplicate_slug_and_bad_slug(platform: Platform) -> None:
    with platform.db.write() as s:
        tenant_service.add_tenant(s, "city", "市")
    with pytest.raises(Conflict), platform.db.write() as s:
        tenant_service.add_tenant(s, "city", "市")
    with pytest.raises(Invalid), platform.db.write() as s:
        tenant_service.add_tenant(s, "City A", "市")
