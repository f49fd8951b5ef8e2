"""Two staff editing one FAQ entry: neither loses the other's work (red team hr3).

Found: through the JSON API, a second editor who sent ``expected_version`` (the guard against
overwriting a colleague) silently replaced the first editor's change waiting for approval — the
live entry's version does not move until approval, so the check passed. And on PostgreSQL two
saves published at the same moment both passed the version check (read before either wrote);
the second overwrote the first, whose text survived only in the version history.
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.orm import Session

from jichitai_ai.approval import service as approval
from jichitai_ai.services import auth
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.errors import Conflict
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World


def _key(platform: Platform, username: str) -> dict[str, str]:
    with platform.db.write() as session:
        return {"Authorization": f"Bearer {auth.create_api_key(session, username)}"}


def _body(answer: str, **extra: object) -> dict[str, object]:
    return {"question": "住民票の写しを取りたい", "answer": answer, **extra}


def test_an_api_edit_does_not_replace_a_colleagues_change_waiting_for_approval(
    client: TestClient, platform: Platform, world: World
) -> None:
    first, second = _key(platform, "aoba-editor"), _key(platform, "aoba-approver")
    url = f"/api/v1/tenants/aoba/faq/{world.aoba_entry}"
    version = client.get(url, headers=first).json()["version"]
    mine = client.put(
        url, json=_body("一人目の回答です。", expected_version=version), headers=first
    )
    assert mine.status_code == 200, mine.text
    assert mine.json()["change_state"] == "pending"
    # The colleague saw the same live version and saves over it.
    theirs = client.put(
        url, json=_body("二人目の回答です。", expected_version=version), headers=second
    )
    assert theirs.status_code == 409, theirs.text
    error = theirs.json()["error"]
    assert error["code"] == "approval.change_open"
    assert "承認待ち" in error["message"]["ja"] and "aoba-editor" in error["message"]["ja"]
    with platform.db.read() as session:
        change = approval.open_change(session, world.aoba_entry)
        assert change is not None and change.record.answer == "一人目の回答です。"
    # The first editor may still revise their own change with the version alone …
    again = client.put(
        url, json=_body("一人目の回答（直し）。", expected_version=version), headers=first
    )
    assert again.status_code == 200, again.text
    # … and the colleague, having read the change (its token), may deliberately replace it.
    token = client.get(url, headers=second).json()["change_token"]
    assert token == again.json()["change_token"]
    replaced = client.put(
        url,
        json=_body("二人目の回答です。", expected_version=version, expected_change=token),
        headers=second,
    )
    assert replaced.status_code == 200, replaced.text
    stale = client.put(
        url,
        json=_body("古い画面からの回答。", expected_version=version, expected_change=token),
        headers=first,
    )
    assert stale.status_code == 409
    with platform.db.read() as session:
        change = approval.open_change(session, world.aoba_entry)
        assert change is not None and change.record.answer == "二人目の回答です。"
    # Without expected_version (no guard asked for) the API behaves as before.
    plain = client.put(url, json=_body("版を指定しない回答。"), headers=first)
    assert plain.status_code == 200


def _lock_waiters(platform: Platform) -> int:
    with platform.db.engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            ).scalar_one()
        )


def test_two_simultaneous_publishes_of_one_version_do_not_lose_the_first(
    platform: Platform, world: World
) -> None:
    if platform.db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite queues writers at BEGIN IMMEDIATE: the race needs PostgreSQL")
    with platform.db.write() as session:
        approval.set_four_eyes(session, world.aoba_id, False)
        base = faq_service.get_entry(session, world.aoba_id, world.aoba_entry)
    record = faq_service.record_of(base)
    outcome: dict[str, object] = {}

    def publish(session: Session, answer: str) -> None:
        approval.save(
            session,
            world.aoba_id,
            world.aoba_entry,
            replace(record, answer=answer),
            user="aoba-approver",
            can_approve=True,
            publish=True,
            expected_version=base.version,
        )

    def second_editor() -> None:
        try:
            with platform.db.write() as session:
                publish(session, "二人目が公開した回答。")
            outcome["second"] = "saved"
        except Conflict as exc:
            outcome["second"] = exc.key

    with platform.db.write() as session:
        publish(session, "一人目が公開した回答。")
        worker = threading.Thread(target=second_editor)
        worker.start()
        # Commit only once the second save waits on the entry's lock (or has finished).
        for _ in range(3000):
            if _lock_waiters(platform) or not worker.is_alive():
                break
            time.sleep(0.01)
    worker.join()
    assert outcome["second"] == "faq.stale_version"
    with platform.db.read() as session:
        entry = faq_service.get_entry(session, world.aoba_id, world.aoba_entry)
    assert entry.answer == "一人目が公開した回答。"
    assert entry.version == base.version + 1
