"""Control characters reach storage by no side door (red team hr3).

The app-wide guard refuses NUL and the other C0 controls in JSON and url-encoded bodies. Two
doors stayed open: a JSON body sent as ``application/vnd.api+json`` (FastAPI parses every
``application/*+json`` as JSON) and a console form posted as ``multipart/form-data`` (a browser
or a script may choose it; the page reads it the same). Both stored NUL and ESC as typed on
SQLite; on PostgreSQL the NUL became "a number is outside the accepted range".
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import QuestionLog
from tests.console.helpers import login as console_login


@pytest.mark.parametrize("kind", ["application/vnd.api+json", "Application/Problem+JSON; x=1"])
def test_a_json_flavour_is_guarded_like_json(
    client: TestClient, platform: Platform, kind: str
) -> None:
    for question in ('"住民票\\u001bの写し"', '"住民票\\u0000の写し"'):
        body = ('{"question": ' + question + "}").encode()
        response = client.post(
            "/api/v1/tenants/aoba/ask", content=body, headers={"Content-Type": kind}
        )
        assert response.status_code == 422, (kind, response.text)
        assert response.json()["error"]["code"] == "error.control_character"
    shift_jis = '{"question": "住民票の写し"}'.encode("cp932")
    response = client.post(
        "/api/v1/tenants/aoba/ask", content=shift_jis, headers={"Content-Type": kind}
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "error.body_encoding"
    with platform.db.read() as session:
        assert session.execute(select(QuestionLog.question)).scalars().all() == []
    # The same flavour without control characters is still answered.
    fine = client.post(
        "/api/v1/tenants/aoba/ask",
        content='{"question": "住民票の写し"}'.encode(),
        headers={"Content-Type": kind},
    )
    assert fine.status_code == 200, fine.text


def _departments(client: TestClient) -> str:
    return client.get("/console/t/aoba/departments").text


def test_a_multipart_console_form_is_guarded_like_a_url_encoded_one(client: TestClient) -> None:
    csrf = console_login(client, "aoba-editor")
    for name, hours in (("悪\x00課", "平日"), ("防災\x1b課", "平日"), ("福祉課", "平日\x07")):
        fields = {"csrf_token": csrf, "name": name, "phone": "0000-00-1234", "hours": hours}
        response = client.post(
            "/console/t/aoba/departments/new",
            files={k: (None, v) for k, v in fields.items()},
            follow_redirects=False,
        )
        assert response.status_code == 422, (name, response.status_code, response.text[:200])
        # The console's error page, in the staff member's language (Japanese first).
        assert "入力に使えない制御文字" in response.text
    listing = _departments(client)
    assert "悪" not in listing and "防災" not in listing
    # A control character in a field's name, and in a repeated field, count too.
    repeated = client.post(
        "/console/t/aoba/synonyms",
        files=[
            ("csrf_token", (None, csrf)),
            ("synonyms", (None, "住民票,じゅうみんひょう")),
            ("synonyms", (None, "印鑑\x00,はんこ")),
        ],
        follow_redirects=False,
    )
    assert repeated.status_code == 422
    # The same form without control characters, posted as multipart, is saved.
    fields = {"csrf_token": csrf, "name": "福祉課", "phone": "0000-00-1234", "hours": "平日"}
    saved = client.post(
        "/console/t/aoba/departments/new",
        files={k: (None, v) for k, v in fields.items()},
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text[:300]
    assert "福祉課" in _departments(client)
