"""The learning view (学習状況): what each lesson changes, and approve / reject / reset."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient

from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, login

QUESTION = "住民票の写しを取りたい"


def _resident_votes(app: FastAPI, n: int, kind: str) -> int:
    """Resident ``n`` (own address) asks and votes on the answer; returns its entry id."""
    with TestClient(app, client=(f"198.51.100.{n}", 4000 + n)) as resident:
        asked = resident.post("/api/v1/tenants/aoba/ask", json={"question": QUESTION}).json()
        assert asked["decision"] == "answer"
        vote = resident.post(
            "/api/v1/tenants/aoba/feedback", json={"token": asked["feedback_token"], "kind": kind}
        )
        assert vote.status_code == 200
        return int(asked["answer"]["entry_id"])


def _lesson_row(html: str) -> str:
    match = re.search(r'<tr class="lesson"[^>]*>.*?</tr>', html, re.S)
    assert match is not None
    return match.group(0)


def test_learning_page_shows_what_changed_and_editors_steer_it(
    client: TestClient, app: FastAPI, platform: Platform, world: World
) -> None:
    entry = _resident_votes(app, 1, "not_resolved")
    assert entry == world.aoba_entry
    token = login(client, "aoba-editor")
    row = _lesson_row(client.get("/console/t/aoba/learning").text)
    assert QUESTION in row and 'data-status="learning"' in row and 'data-in-force="false"' in row
    assert ">1</td>" in row and "変化なし" in row  # one resident changes nothing

    for n in (2, 3):
        _resident_votes(app, n, "not_resolved")
    row = _lesson_row(client.get("/console/t/aoba/learning").text)
    assert 'data-status="active"' in row and 'data-in-force="true"' in row
    # what learning changed for that wording: the answer became a choice
    assert "回答: AOBA-1 → 選択肢: AOBA-1" in re.sub(r"<[^>]+>", "", row)
    lesson_id = int(re.search(r'data-lesson="(\d+)"', row).group(1))  # type: ignore[union-attr]

    done = client.post(
        "/console/t/aoba/learning/lesson",
        data={"lesson_id": str(lesson_id), "action": "reject", "csrf_token": token},
    )
    assert done.status_code == 200 and "学習内容を却下しました。" in done.text
    row = _lesson_row(done.text)
    assert 'data-status="rejected"' in row and "変化なし" in row
    asked = client.post("/api/v1/tenants/aoba/ask", json={"question": QUESTION}).json()
    assert asked["decision"] == "answer"

    client.post(
        "/console/t/aoba/learning/lesson",
        data={"lesson_id": str(lesson_id), "action": "approve", "csrf_token": token},
    )
    asked = client.post("/api/v1/tenants/aoba/ask", json={"question": QUESTION}).json()
    assert asked["decision"] == "clarify"

    client.cookies.clear()
    auditor = login(client, "aoba-auditor")
    page = client.get("/console/t/aoba/learning").text
    assert "リセット" not in page and "承認</button>" not in page
    for path, data in (
        ("/learning/reset", {"entry_id": str(entry)}),
        ("/learning/lesson", {"lesson_id": str(lesson_id), "action": "reset"}),
    ):
        refused = client.post("/console/t/aoba" + path, data={**data, "csrf_token": auditor})
        assert refused.status_code == 403

    client.cookies.clear()
    token = login(client, "aoba-editor")
    done = client.post(
        "/console/t/aoba/learning/lesson",
        data={"lesson_id": str(lesson_id), "action": "reset", "csrf_token": token},
    )
    assert done.status_code == 200 and 'class="lesson"' not in done.text
    done = client.post(
        "/console/t/aoba/learning/reset", data={"entry_id": str(entry), "csrf_token": token}
    )
    assert done.status_code == 200 and "学習内容をリセットしました。" in done.text
    assert "まだ評価はありません。" in done.text
    with platform.db.read() as db:
        assert feedback_service.learned(db, world.aoba_id) == []
    asked = client.post("/api/v1/tenants/aoba/ask", json={"question": QUESTION}).json()
    assert asked["decision"] == "answer"
