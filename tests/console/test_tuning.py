"""Tuning in the console: the test box (not logged), 言い換え from an unanswered question
that then answers it, dismissing, the synonym editor and pinned questions."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from jichitai_ai.services import synonyms as synonym_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import QuestionLog
from tests.console.helpers import World, approve_open, login

UNANSWERED = "引っ越してきたので証明書がほしい"


def _logged(platform: Platform) -> int:
    with platform.db.read() as db:
        return int(db.execute(select(func.count()).select_from(QuestionLog)).scalar_one())


def _ask(client: TestClient, question: str) -> dict[str, object]:
    result: dict[str, object] = client.post(
        "/api/v1/tenants/aoba/ask", json={"question": question}
    ).json()
    return result


def test_test_box_shows_candidates_scores_decision_and_reason_without_logging(
    client: TestClient, platform: Platform, world: World
) -> None:
    login(client, "aoba-editor")
    before = _logged(platform)
    page = client.get("/console/t/aoba/tuning", params={"q": "住民票の写しを取りたい"})
    assert page.status_code == 200
    assert 'data-decision="answer"' in page.text and "AOBA-1" in page.text
    assert "話題語カバー率" in page.text and 'id="test-candidates"' in page.text
    english = client.get(
        "/console/t/aoba/tuning",
        params={"q": "How do I get a residence certificate?", "lang_q": "en"},
    )
    assert english.status_code == 200 and 'id="test-decision"' in english.text
    nothing = client.get("/console/t/aoba/tuning", params={"q": "宇宙旅行の補助金"})
    assert 'data-decision="no_answer"' in nothing.text
    assert _logged(platform) == before  # test questions are not residents' questions


def test_unanswered_question_added_as_alternative_then_answers(
    client: TestClient, platform: Platform, world: World
) -> None:
    first = _ask(client, UNANSWERED)
    assert first["decision"] == "no_answer"
    token = login(client, "aoba-editor")
    listing = client.get("/console/t/aoba/unanswered")
    assert UNANSWERED in listing.text and "テストして言い換えに追加" in listing.text
    added = client.post(
        "/console/t/aoba/tuning/alternative",
        data={
            "csrf_token": token,
            "entry_id": str(world.aoba_entry),
            "question": UNANSWERED,
            "qid": str(first["question_id"]),
        },
        follow_redirects=False,
    )
    assert added.status_code == 303 and "alternative_submitted" in added.headers["location"]
    # The question left the unanswered list; it answers once the change is approved.
    assert UNANSWERED not in client.get("/console/t/aoba/unanswered").text
    assert _ask(client, UNANSWERED)["decision"] == "no_answer"
    approve_open(platform, world.aoba_id, world.aoba_entry)
    after = _ask(client, UNANSWERED)
    assert after["decision"] == "answer"
    assert after["answer"]["entry_id"] == world.aoba_entry  # type: ignore[index]


def test_dismiss_takes_a_theme_off_the_list(
    client: TestClient, platform: Platform, world: World
) -> None:
    ids = [_ask(client, "宇宙旅行の補助金はありますか")["question_id"] for _ in range(2)]
    token = login(client, "aoba-editor")
    assert "宇宙旅行の補助金" in client.get("/console/t/aoba/unanswered").text
    done = client.post(
        "/console/t/aoba/unanswered/dismiss",
        data={"csrf_token": token, "qid": [str(i) for i in ids]},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert "宇宙旅行の補助金" not in client.get("/console/t/aoba/unanswered").text
    # Another tenant's question ids are ignored.
    other = client.post(
        "/console/t/aoba/unanswered/dismiss", data={"csrf_token": token, "qid": "999999"}
    )
    assert other.status_code == 200


def test_synonym_editor_changes_matching(
    client: TestClient, platform: Platform, world: World
) -> None:
    question = {"question": "大型ごみを捨てたい"}
    before = client.post("/api/v1/tenants/sakura/ask", json=question).json()
    assert before["decision"] == "no_answer"
    token = login(client, "sakura-editor")
    saved = client.post(
        "/console/t/sakura/synonyms",
        data={"csrf_token": token, "synonyms": "粗大ごみ、大型ごみ\n , \n"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    with platform.db.read() as db:
        assert synonym_service.own_groups(db, world.sakura_id) == [["粗大ごみ", "大型ごみ"]]
    assert "粗大ごみ, 大型ごみ" in client.get("/console/t/sakura/tuning").text
    after = client.post("/api/v1/tenants/sakura/ask", json=question).json()
    assert after["decision"] == "answer" and after["answer"]["external_id"] == "SAKURA-1"


def test_pins_and_read_only_auditor(client: TestClient, platform: Platform, world: World) -> None:
    token = login(client, "aoba-editor")
    ok = client.post(
        "/console/t/aoba/pins", data={"csrf_token": token, "pin": "AOBA-1"}, follow_redirects=False
    )
    assert ok.status_code == 303
    with platform.db.read() as db:
        assert tenant_service.get_tenant(db, "aoba").settings["pinned_entries"] == ["AOBA-1"]
    unknown = client.post("/console/t/aoba/pins", data={"csrf_token": token, "pin": "NOPE"})
    assert unknown.status_code == 404
    client.cookies.clear()
    token = login(client, "aoba-auditor")
    assert client.get("/console/t/aoba/tuning").status_code == 200
    refused = client.post(
        "/console/t/aoba/tuning/alternative",
        data={"csrf_token": token, "entry_id": str(world.aoba_entry), "question": "x"},
    )
    assert refused.status_code == 403
