"""Unanswered and low-rated questions: grouping, the console page, and turning a group into
an entry that then answers residents."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlparse

from fastapi.testclient import TestClient

from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.unanswered import UnansweredQuestion, cluster, dice
from tests.console.helpers import World, csrf_of, login

DRONE = [
    "ドローンを飛ばす許可はどこで取れますか",
    "ドローンの飛行許可を取りたい",
    "ドローンを飛ばす許可はどこで取れますか",
]


def _q(i: int, text: str, resolved: bool | None = None) -> UnansweredQuestion:
    return UnansweredQuestion(
        i, text, datetime(2025, 4, 1) + timedelta(minutes=i), "no_answer", resolved
    )


def test_cluster_groups_similar_wordings_largest_first() -> None:
    questions = [
        _q(1, DRONE[0]),
        _q(2, DRONE[1]),
        _q(3, DRONE[2]),
        _q(4, "花火大会の日程を教えて"),
        _q(5, "ドローン 許可", resolved=False),
    ]
    groups = cluster(questions)
    assert groups[0].representative == DRONE[0]
    assert {q.id for q in groups[0].questions} == {1, 2, 3, 5}
    assert groups[0].low_rated == 1
    assert groups[0].wordings[0] == (DRONE[0], 2)
    assert any(g.representative == "花火大会の日程を教えて" and g.count == 1 for g in groups)
    assert sum(g.count for g in groups) == len(questions)
    assert dice(frozenset({"a", "b"}), frozenset({"b", "c"})) == 0.5


def _ask(client: TestClient, slug: str, question: str) -> dict[str, object]:
    response = client.post(f"/api/v1/tenants/{slug}/ask", json={"question": question})
    assert response.status_code == 200, response.text
    data: dict[str, object] = response.json()
    return data


def test_unanswered_question_becomes_an_entry_that_answers(
    client: TestClient, platform: Platform, world: World
) -> None:
    for text in DRONE:
        assert _ask(client, "aoba", text)["decision"] == "no_answer"
    assert _ask(client, "sakura", "ドローンの飛行許可を取りたい")["decision"] == "no_answer"
    # A low-rated answer shows up too.
    answered = _ask(client, "aoba", "住民票の写しを取りたい")
    assert answered["decision"] == "answer"
    vote = client.post(
        "/api/v1/tenants/aoba/feedback",
        json={"token": answered["feedback_token"], "kind": "not_resolved"},
    )
    assert vote.status_code == 200

    token = login(client, "aoba-editor")
    page = client.get("/console/t/aoba/unanswered")
    assert page.status_code == 200
    assert DRONE[0] in page.text and "3 回" in page.text
    assert "住民票の写しを取りたい" in page.text and "低評価 1 件" in page.text
    assert "1 グループ" not in page.text  # two themes: drones and the low-rated answer
    link = page.text.split('href="/console/t/aoba/faq/new?')[1].split('"')[0].replace("&amp;", "&")
    params = parse_qs(link)
    assert params["question"] == [DRONE[0]] and params["alt"] == [DRONE[1]]

    form_page = client.get("/console/t/aoba/faq/new?" + link)
    assert f'value="{DRONE[0]}"' in form_page.text and DRONE[1] in form_page.text
    saved = client.post(
        "/console/t/aoba/faq/new",
        data={
            "csrf_token": csrf_of(form_page.text),
            "action": "save",
            "question": DRONE[0],
            "alternatives": DRONE[1],
            "answer": "ドローンの飛行許可は国土交通省への申請が必要です。公園での飛行は公園緑地課にご相談ください。",
            "department": "公園緑地課",
            "status": "draft",
        },
        follow_redirects=False,
    )
    entry_id = int(urlparse(saved.headers["location"]).path.rsplit("/", 1)[1])
    with platform.db.read() as db:
        assert faq_service.get_entry(db, world.aoba_id, entry_id).status == "draft"
    # A draft never answers residents; publishing makes it the answer.
    assert _ask(client, "aoba", DRONE[1])["decision"] == "no_answer"
    client.post(
        f"/console/t/aoba/faq/{entry_id}/status", data={"status": "published", "csrf_token": token}
    )
    result = _ask(client, "aoba", DRONE[1])
    assert result["decision"] == "answer"
    assert result["answer"]["entry_id"] == entry_id  # type: ignore[index]
    # The other municipality's questions never appear in あおば市's console.
    client.cookies.clear()
    login(client, "sakura-editor")
    assert "住民票の写しを取りたい" not in client.get("/console/t/sakura/unanswered").text
