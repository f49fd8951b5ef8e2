"""What feedback has learned per entry (学習状況), and resetting it."""

from __future__ import annotations

from fastapi.testclient import TestClient

from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, login


def _vote(client: TestClient, question: str, kind: str) -> int:
    asked = client.post("/api/v1/tenants/aoba/ask", json={"question": question}).json()
    assert asked["decision"] == "answer"
    vote = client.post(
        "/api/v1/tenants/aoba/feedback", json={"question_id": asked["question_id"], "kind": kind}
    )
    assert vote.status_code == 200
    return int(asked["answer"]["entry_id"])


def test_learning_page_shows_feedback_and_resets_it(
    client: TestClient, platform: Platform, world: World
) -> None:
    entry = _vote(client, "住民票の写しを取りたい", "resolved")
    assert entry == world.aoba_entry
    _vote(client, "住民票がほしい", "not_resolved")
    token = login(client, "aoba-editor")
    page = client.get("/console/t/aoba/learning")
    row = page.text.split("<code>AOBA-1</code>")[1].split("</tr>")[0]
    cells = [c.split("</td>")[0] for c in row.split('<td class="num">')[1:5]]
    assert cells == ["2", "1", "1", "+0.0"]

    client.cookies.clear()
    auditor = login(client, "aoba-auditor")
    assert "リセット" not in client.get("/console/t/aoba/learning").text
    refused = client.post(
        "/console/t/aoba/learning/reset", data={"entry_id": str(entry), "csrf_token": auditor}
    )
    assert refused.status_code == 403

    client.cookies.clear()
    token = login(client, "aoba-editor")
    done = client.post(
        "/console/t/aoba/learning/reset", data={"entry_id": str(entry), "csrf_token": token}
    )
    assert done.status_code == 200 and "学習内容をリセットしました。" in done.text
    assert "まだ評価はありません。" in done.text
    with platform.db.read() as db:
        assert feedback_service.learned(db, world.aoba_id) == []
