"""An approver publishes only the revision they saw (red team hr3).

Found: while an approver read a change, its author (or another editor) could revise it — the
change stays 承認待ち with new text — and the approver's 承認 then published text nobody had
reviewed, around the four-eyes rule. The approve forms now carry the revision they showed.
"""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from jichitai_ai.approval import service as approval
from jichitai_ai.services import auth
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World
from tests.console.helpers import login as console_login

URL = "/api/v1/tenants/aoba/faq/{}"


def _propose(client: TestClient, key: dict[str, str], entry: int, answer: str) -> None:
    body = {"question": "住民票の写しを取りたい", "answer": answer}
    assert client.put(URL.format(entry), json=body, headers=key).status_code == 200


def test_a_change_revised_after_the_approver_opened_it_is_not_published(
    client: TestClient, platform: Platform, world: World, key: dict[str, str]
) -> None:
    _propose(client, key, world.aoba_entry, "確認済みの回答です。")
    with platform.db.read() as session:
        change = approval.open_change(session, world.aoba_entry)
    assert change is not None
    approver = TestClient(client.app, raise_server_exceptions=False)
    csrf = console_login(approver, "aoba-approver")
    page = approver.get(f"/console/t/aoba/approvals/{change.id}").text
    revision = re.search(r'name="revision" value="(\d+)"', page)
    assert revision is not None
    queue = approver.get("/console/t/aoba/approvals").text
    assert f'value="{change.id}.{revision.group(1)}"' in queue
    # The author swaps the text while the approver is reading.
    _propose(client, key, world.aoba_entry, "誰も確認していない回答です。")
    form = {"csrf_token": csrf, "revision": revision.group(1)}
    single = approver.post(
        f"/console/t/aoba/approvals/{change.id}/approve", data=form, follow_redirects=False
    )
    assert single.status_code == 409, single.status_code
    assert "表示した後に修正されました" in single.text
    bulk = approver.post(
        "/console/t/aoba/approvals",
        data={"csrf_token": csrf, "change": f"{change.id}.{revision.group(1)}"},
        follow_redirects=False,
    )
    assert bulk.status_code == 409
    with platform.db.read() as session:
        live = faq_service.get_entry(session, world.aoba_id, world.aoba_entry)
        assert "誰も確認していない" not in live.answer
        current = approval.open_change(session, world.aoba_entry)
    assert current is not None and current.state == "pending"
    # Having seen the revision, the approver approves it.
    page = approver.get(f"/console/t/aoba/approvals/{change.id}").text
    revision = re.search(r'name="revision" value="(\d+)"', page)
    assert revision is not None
    form = {"csrf_token": csrf, "revision": revision.group(1)}
    done = approver.post(
        f"/console/t/aoba/approvals/{change.id}/approve", data=form, follow_redirects=False
    )
    assert done.status_code == 303
    with platform.db.read() as session:
        live = faq_service.get_entry(session, world.aoba_id, world.aoba_entry)
    assert live.answer == "誰も確認していない回答です。"


def test_api_approve_needs_the_change_token_the_approver_read(
    client: TestClient, platform: Platform, world: World, key: dict[str, str]
) -> None:
    """The same bypass through the JSON API (hr4): 承認 carries the ``change_token`` read."""
    _propose(client, key, world.aoba_entry, "確認済みの回答です。")
    with platform.db.write() as session:
        approver = {"Authorization": f"Bearer {auth.create_api_key(session, 'aoba-approver')}"}
    changes = "/api/v1/tenants/aoba/changes"
    queue = client.get(changes, headers=approver).json()
    seen = next(c for c in queue if c["entry_id"] == world.aoba_entry)
    read = client.get(f"{changes}/{seen['id']}", headers=approver).json()
    assert read["change_token"] == seen["change_token"] == f"{seen['id']}.{read['revision']}"
    entry = client.get(URL.format(world.aoba_entry), headers=approver).json()
    assert entry["change_token"] == read["change_token"]
    approve = f"{changes}/{seen['id']}/approve"
    # Without the token nothing is approved, and the message says what to send.
    bare = client.post(approve, headers=approver)
    assert bare.status_code == 422, bare.text
    assert "change_token" in bare.text and "承認するには" in bare.text
    other = client.post(approve, json={"change_token": "999.0"}, headers=approver)
    assert other.status_code == 422 and "この変更のものではありません" in other.text
    # The author swaps the text after the approver read it.
    _propose(client, key, world.aoba_entry, "誰も確認していない回答です。")
    stale = client.post(approve, json={"change_token": read["change_token"]}, headers=approver)
    assert stale.status_code == 409, stale.text
    assert "表示した後に修正されました" in stale.text
    with platform.db.read() as session:
        live = faq_service.get_entry(session, world.aoba_id, world.aoba_entry)
    assert "誰も確認していない" not in live.answer
    # Having read the revised change, the approver approves what they read.
    fresh = client.get(f"{changes}/{seen['id']}", headers=approver).json()
    assert fresh["change_token"] != read["change_token"]
    assert fresh["snapshot"]["answer"] == "誰も確認していない回答です。"
    done = client.post(approve, json={"change_token": fresh["change_token"]}, headers=approver)
    assert done.status_code == 200, done.text
    assert done.json()["state"] == "published"
    with platform.db.read() as session:
        live = faq_service.get_entry(session, world.aoba_id, world.aoba_entry)
    assert live.answer == "誰も確認していない回答です。"
