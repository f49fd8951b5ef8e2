"""「新規作成」 and 「保存」 behave alike (one implementation behind both forms): preview saves
nothing, a bad form comes back as typed with the error and stores nothing, each button ends in
its own state, and an inherited entry is refused. Written before the two routes were merged."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.approval import service as approval
from jichitai_ai.i18n import t
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, login

FORM = {
    "question": "犬の登録はどこでできますか",
    "answer": "犬を飼い始めたら30日以内に環境課で登録してください。",
    "category": "ペット",
    "status": "draft",
    "language": "ja",
}


def _target(world: World, path: str) -> str:
    return "/console/t/aoba/faq/new" if path == "new" else f"/console/t/aoba/faq/{world.aoba_entry}"


def _state(platform: Platform, world: World) -> tuple[int, int, object]:
    with platform.db.read() as db:
        entry = faq_service.get_entry(db, world.aoba_id, world.aoba_entry)
        change = approval.open_change(db, world.aoba_entry)
        return (
            faq_service.count_entries(db, world.aoba_id),
            entry.version,
            None if change is None else (change.state, change.record.answer),
        )


@pytest.mark.parametrize("path", ["new", "existing"])
def test_preview_saves_nothing(
    client: TestClient, platform: Platform, world: World, path: str
) -> None:
    token = login(client, "aoba-editor")
    before = _state(platform, world)
    page = client.post(
        _target(world, path), data={**FORM, "csrf_token": token, "action": "preview"}
    )
    assert page.status_code == 200 and "30日以内に環境課で登録" in page.text
    assert 'class="resident-card"' in page.text
    assert _state(platform, world) == before


@pytest.mark.parametrize("path", ["new", "existing"])
@pytest.mark.parametrize("action", ["preview", "draft", "submit"])
def test_a_bad_form_comes_back_as_typed(
    client: TestClient, platform: Platform, world: World, path: str, action: str
) -> None:
    token = login(client, "aoba-editor")
    before = _state(platform, world)
    bad = {**FORM, "question": "", "category": "ペット（入力のまま）", "csrf_token": token}
    page = client.post(_target(world, path), data={**bad, "action": action})
    assert page.status_code == 422
    assert 'id="form-errors"' in page.text
    assert t("faq.field_required", "ja", field="質問") in page.text
    assert "ペット（入力のまま）" in page.text
    assert _state(platform, world) == before


@pytest.mark.parametrize("path", ["new", "existing"])
@pytest.mark.parametrize(("action", "done"), [("draft", "drafted"), ("submit", "submitted")])
def test_each_button_ends_in_its_state(
    client: TestClient, platform: Platform, world: World, path: str, action: str, done: str
) -> None:
    token = login(client, "aoba-editor")
    form = {**FORM, "csrf_token": token, "action": action}
    if path == "existing":
        form["expected_version"] = "1"
    response = client.post(_target(world, path), data=form, follow_redirects=False)
    assert response.status_code == 303
    location = response.headers["location"]
    assert re.search(rf"/console/t/aoba/faq/\d+\?done={done}$", location), location
    entry_id = int(re.findall(r"/faq/(\d+)", location)[0])
    assert (entry_id == world.aoba_entry) is (path == "existing")
    with platform.db.read() as db:
        change = approval.open_change(db, entry_id)
    assert change is not None and change.record.answer == FORM["answer"]
    assert change.state == ("pending" if action == "submit" else "draft")


def test_an_approver_publishes_from_both_forms(
    client: TestClient, platform: Platform, world: World
) -> None:
    """Four-eyes rule off in the seeded world? Then 公開 publishes at once from both forms; if
    on, both answer with the same refusal. Either way the two paths agree."""
    token = login(client, "aoba-approver")
    outcomes = []
    for path in ("new", "existing"):
        form = {**FORM, "csrf_token": token, "action": "publish", "expected_version": "1"}
        response = client.post(_target(world, path), data=form, follow_redirects=False)
        outcomes.append(
            (
                response.status_code,
                re.sub(r"/faq/\d+", "/faq/N", response.headers.get("location", "")),
            )
        )
    assert outcomes[0] == outcomes[1]


def test_saving_an_inherited_entry_is_refused(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-editor")
    form = {**FORM, "csrf_token": token, "action": "draft"}
    refused = client.post(f"/console/t/aoba/faq/{world.pref_entry}", data=form)
    assert refused.status_code == 403 and "pref" in refused.text
    with platform.db.read() as db:
        assert approval.open_change(db, world.pref_entry) is None
