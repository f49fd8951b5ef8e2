"""Approving a lesson adds the taught wording to the entry's 言い換え through the approval flow
(issue 16), over the staff JSON API with real API keys: an editor's approval becomes a change
waiting for an approver (four-eyes rule); an approver where the rule is off publishes at once.
Once published, the wording is the entry's own content: resetting what was learned keeps it."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from jichitai_ai.approval import service as approval
from jichitai_ai.services import auth
from jichitai_ai.storage.tables import LearningLesson

from .helpers import Town

QUESTION = "証明書がほしい"


def _staff(town: Town, name: str, role: auth.Role) -> dict[str, str]:
    with town.platform.db.write() as s:
        auth.create_user(s, name, "correct horse battery staple")
        auth.grant(s, name, town.slug, role)
        key = auth.create_api_key(s, name)
    return {"Authorization": f"Bearer {key}"}


def _lesson_in_force(town: Town, target: int) -> dict[str, Any]:
    for n in range(80, 86):
        town.teach(town.resident(n), QUESTION, target)
    with town.platform.db.read() as s:
        rows = s.execute(
            select(LearningLesson).where(
                LearningLesson.entry_id == target, LearningLesson.polarity == 1
            )
        ).scalars()
        lesson = next(r for r in rows if r.text == QUESTION)
        return {"id": lesson.id, "status": lesson.status}


def _entry(api: TestClient, town: Town, entry_id: int, headers: dict[str, str]) -> dict[str, Any]:
    r = api.get(f"{town.api}/faq/{entry_id}", headers=headers)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def test_an_editors_approval_waits_for_an_approver_then_the_wording_is_content(
    town: Town,
) -> None:
    editor = _staff(town, "ed", auth.Role.EDITOR)
    approver = _staff(town, "ap", auth.Role.APPROVER)
    before = town.outcome(QUESTION)
    target = before.ranking[1]
    lesson = _lesson_in_force(town, target)
    assert lesson["status"] == "active"
    api = TestClient(town.app)
    town.clients.append(api)
    url = f"{town.api}/learning/lessons/{lesson['id']}"
    assert api.post(url, params={"decision": "approved"}).status_code == 401
    r = api.post(url, params={"decision": "approved"}, headers=editor)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "approved" and body["alternative"] == "submitted"
    # Residents do not see the edit yet: the live entry is unchanged, the change is pending.
    assert QUESTION not in _entry(api, town, target, editor)["alternatives"]
    change = api.get(f"{town.api}/changes/{body['change_id']}", headers=editor).json()
    assert change["state"] == "pending" and change["entry_id"] == target
    assert QUESTION in change["snapshot"]["alternatives"]
    assert any(d["field"] == "alternatives" for d in change["diff"])
    # The editor cannot approve their own change; the approver can.
    own = api.post(f"{town.api}/changes/{body['change_id']}/approve", headers=editor)
    assert own.status_code == 403
    seen = {"change_token": change["change_token"]}
    ok = api.post(f"{town.api}/changes/{body['change_id']}/approve", json=seen, headers=approver)
    assert ok.status_code == 200, ok.text
    assert QUESTION in _entry(api, town, target, editor)["alternatives"]
    # Forgetting everything learned keeps the approved wording: it is content now.
    assert api.delete(f"{town.api}/learning", headers=editor).status_code == 200
    with town.platform.db.read() as s:
        assert s.execute(select(LearningLesson)).scalars().first() is None
    assert town.outcome(QUESTION).ranking[0] == target


def test_an_approver_publishes_directly_where_the_four_eyes_rule_is_off(town: Town) -> None:
    approver = _staff(town, "ap", auth.Role.APPROVER)
    with town.platform.db.write() as s:
        approval.set_four_eyes(s, town.tenant_id, False)
    target = town.outcome(QUESTION).ranking[1]
    lesson = _lesson_in_force(town, target)
    api = TestClient(town.app)
    town.clients.append(api)
    url = f"{town.api}/learning/lessons/{lesson['id']}"
    r = api.post(url, params={"decision": "approved"}, headers=approver)
    assert r.status_code == 200, r.text
    assert r.json()["alternative"] == "published" and r.json()["change_id"] is None
    alternatives = _entry(api, town, target, approver)["alternatives"]
    assert alternatives.count(QUESTION) == 1
    # Approving again adds nothing twice.
    again = api.post(url, params={"decision": "approved"}, headers=approver)
    assert again.json()["alternative"] == "none"
    assert _entry(api, town, target, approver)["alternatives"].count(QUESTION) == 1


def test_rejecting_or_approving_a_demotion_adds_no_wording(town: Town) -> None:
    editor = _staff(town, "ed", auth.Role.EDITOR)
    question = "納税証明書がほしい"
    answer = town.outcome(question).ranking[0]
    for n in range(90, 93):
        resident = town.resident(n)
        town.vote(resident, town.ask(resident, question), "not_resolved")
    target = town.outcome(QUESTION).ranking[1]
    _lesson_in_force(town, target)
    api = TestClient(town.app)
    town.clients.append(api)
    with town.platform.db.read() as s:
        lessons = {
            (r.entry_id, r.polarity): r.id for r in s.execute(select(LearningLesson)).scalars()
        }
    demotion = lessons[(answer, -1)]
    r = api.post(
        f"{town.api}/learning/lessons/{demotion}", params={"decision": "approved"}, headers=editor
    )
    assert r.status_code == 200 and r.json()["alternative"] == "none"
    promotion = lessons[(target, 1)]
    r = api.post(
        f"{town.api}/learning/lessons/{promotion}", params={"decision": "rejected"}, headers=editor
    )
    assert r.status_code == 200 and r.json() == {
        "id": promotion,
        "status": "rejected",
        "alternative": "none",
        "change_id": None,
    }
    with town.platform.db.read() as s:
        assert approval.list_changes(s, town.tenant_id) == []
    for entry_id in (answer, target):
        assert question not in _entry(api, town, entry_id, editor)["alternatives"]
        assert QUESTION not in _entry(api, town, entry_id, editor)["alternatives"]
