"""The JSON API: resident endpoints, staff endpoints with API keys, errors in ja and en."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.services import auth
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app

from .helpers import city_with_entries


@pytest.fixture
def client(platform: Platform) -> Iterator[TestClient]:
    with TestClient(create_app(platform=platform)) as c:
        yield c


@pytest.fixture
def keys(platform: Platform) -> dict[str, str]:
    with platform.db.write() as s:
        city_with_entries(s, "city")
        tenant_service.add_tenant(s, "town", "別の町")
        out = {}
        for name, tenant, role in [
            ("editor", "city", auth.Role.EDITOR),
            ("auditor", "city", auth.Role.AUDITOR),
            ("approver", "city", auth.Role.APPROVER),
            ("town-editor", "town", auth.Role.EDITOR),
        ]:
            auth.create_user(s, name, "correct horse battery")
            auth.grant(s, name, tenant, role)
            out[name] = auth.create_api_key(s, name)
    return out


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_resident_asks_and_gets_answer_with_source(
    client: TestClient, keys: dict[str, str]
) -> None:
    r = client.post("/api/v1/tenants/city/ask", json={"question": "粗大ごみを捨てたい"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["decision"] == "answer"
    assert "粗大ごみ" in body["answer"]["question"]
    assert body["answer"]["department"]["name"] == "環境課"
    assert body["question_id"] > 0
    assert body["message"]["ja"] and body["message"]["en"]


def test_no_answer_hands_over_to_general_contact(client: TestClient, keys: dict[str, str]) -> None:
    r = client.post("/api/v1/tenants/city/ask", json={"question": "宇宙船の操縦免許"})
    body = r.json()
    assert body["decision"] == "no_answer"
    assert body["answer"] is None and body["choices"] == []


def test_feedback_links_to_question(
    client: TestClient, keys: dict[str, str], platform: Platform
) -> None:
    asked = client.post("/api/v1/tenants/city/ask", json={"question": "粗大ごみを捨てたい"}).json()
    token = asked["feedback_token"]
    r = client.post("/api/v1/tenants/city/feedback", json={"token": token, "kind": "resolved"})
    assert r.status_code == 200, r.text
    learned = client.get("/api/v1/tenants/city/learning", headers=bearer(keys["editor"])).json()
    assert learned and learned[0]["positive"] == 1
    # feedback on another tenant's question is refused
    r = client.post("/api/v1/tenants/town/feedback", json={"token": token, "kind": "resolved"})
    assert r.status_code == 404


def test_validation_errors_are_bilingual(client: TestClient, keys: dict[str, str]) -> None:
    r = client.post("/api/v1/tenants/city/ask", json={"question": ""})
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["code"] == "error.validation"
    assert "入力" in err["message"]["ja"] and "not valid" in err["message"]["en"]
    assert err["details"][0]["field"] == "question"
    r = client.post("/api/v1/tenants/nowhere/ask", json={"question": "住民票"})
    assert r.status_code == 404
    assert "nowhere" in r.json()["error"]["message"]["ja"]


def test_oversized_body_is_refused(platform: Platform, keys: dict[str, str]) -> None:
    from dataclasses import replace

    small = Platform(replace(platform.settings, max_request_bytes=1024))
    with TestClient(create_app(platform=small)) as c:
        r = c.post("/api/v1/tenants/city/ask", json={"question": "あ" * 2000})
        assert r.status_code == 413
        assert r.json()["error"]["code"] == "error.payload_too_large"
        assert c.post("/api/v1/tenants/city/ask", json={"question": "住民票"}).status_code == 200
    small.close()


def test_staff_api_requires_login_and_role(client: TestClient, keys: dict[str, str]) -> None:
    assert client.get("/api/v1/tenants/city/faq").status_code == 401
    assert client.get("/api/v1/tenants/city/faq", headers=bearer("jai_wrong")).status_code == 401
    ok = client.get("/api/v1/tenants/city/faq", headers=bearer(keys["editor"]))
    assert ok.status_code == 200 and len(ok.json()) == 5
    # an editor of another municipality can neither read nor write here
    other = bearer(keys["town-editor"])
    assert client.get("/api/v1/tenants/city/faq", headers=other).status_code == 403
    entry_id = ok.json()[0]["id"]
    assert client.get(f"/api/v1/tenants/town/faq/{entry_id}", headers=other).status_code == 404
    new = {"question": "新しい質問", "answer": "新しい回答", "status": "published"}
    assert client.post("/api/v1/tenants/city/faq", json=new, headers=other).status_code == 403
    # an auditor reads but cannot edit
    aud = bearer(keys["auditor"])
    assert client.get("/api/v1/tenants/city/faq", headers=aud).status_code == 200
    assert client.post("/api/v1/tenants/city/faq", json=new, headers=aud).status_code == 403
    # tenant list shows only what the caller may see
    slugs = [t["slug"] for t in client.get("/api/v1/tenants", headers=other).json()]
    assert slugs == ["town"]


def test_editor_creates_entry_and_residents_get_it(
    client: TestClient, keys: dict[str, str]
) -> None:
    ed = bearer(keys["editor"])
    body = {
        "question": "犬の登録はどこでしますか",
        "alternatives": ["犬を飼い始めた"],
        "answer": "犬を飼い始めたら30日以内に環境課で登録してください。",
        "department": {"name": "環境課", "phone": "0000-00-3333"},
        "status": "draft",
    }
    created = client.post("/api/v1/tenants/city/faq", json=body, headers=ed)
    assert created.status_code == 201, created.text
    entry = created.json()
    ask = {"question": "犬を飼い始めたのですが登録は"}
    assert client.post("/api/v1/tenants/city/ask", json=ask).json()["decision"] != "answer"
    r = client.post(f"/api/v1/tenants/city/faq/{entry['id']}/status/published", headers=ed)
    # API edits follow the approval flow: publishing is requested, the live entry unchanged.
    assert r.status_code == 200 and r.json()["version"] == 1
    change_id = r.json()["pending_change_id"]
    assert change_id and r.json()["change_state"] == "pending"
    assert client.post("/api/v1/tenants/city/ask", json=ask).json()["decision"] != "answer"
    # The editor cannot approve; the approver can.
    own = client.post(f"/api/v1/tenants/city/changes/{change_id}/approve", headers=ed)
    assert own.status_code == 403
    token = r.json()["change_token"]
    ok = client.post(
        f"/api/v1/tenants/city/changes/{change_id}/approve",
        json={"change_token": token},
        headers=bearer(keys["approver"]),
    )
    assert ok.status_code == 200 and ok.json()["state"] == "published"
    answer = client.post("/api/v1/tenants/city/ask", json=ask).json()
    assert answer["decision"] == "answer"
    assert answer["answer"]["entry_id"] == entry["id"]
    versions = client.get(f"/api/v1/tenants/city/faq/{entry['id']}/versions", headers=ed).json()
    assert [v["version"] for v in versions] == [2, 1]
    # stale edit is refused with a clear conflict
    stale = dict(body, expected_version=1)
    r = client.put(f"/api/v1/tenants/city/faq/{entry['id']}", json=stale, headers=ed)
    assert r.status_code == 409


def test_synonyms_make_a_query_match(client: TestClient, keys: dict[str, str]) -> None:
    ed = bearer(keys["editor"])
    question = {"question": "ハンコ"}
    before = client.post("/api/v1/tenants/city/ask", json=question).json()
    assert before["decision"] == "no_answer"
    r = client.put(
        "/api/v1/tenants/city/synonyms",
        json={"groups": [["印鑑", "ハンコ"], ["", "  "]]},
        headers=ed,
    )
    assert r.status_code == 200 and r.json() == {"groups": 1}
    after = client.post("/api/v1/tenants/city/ask", json=question).json()
    assert after["decision"] in ("answer", "clarify")
    shown = [after["answer"]] if after["answer"] else after["choices"]
    assert any(c["external_id"] == "C2" for c in shown)
    groups = client.get("/api/v1/tenants/city/synonyms", headers=ed).json()["groups"]
    assert groups == [["印鑑", "ハンコ"]]


def test_openapi_and_docs_are_local(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/v1/tenants/{slug}/ask" in spec["paths"]
    html = client.get("/docs").text
    assert "/_docs_static/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert client.get("/_docs_static/swagger-ui-bundle.js").status_code == 200


def test_front_page_lists_municipalities(client: TestClient, keys: dict[str, str]) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'href="/t/city/"' in page.text and "テスト市" in page.text
    assert 'href="/console/"' in page.text
    assert "http://" not in page.text and "https://" not in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
