"""Odd digits, huge ids, NUL characters and broken files get a clear 4xx, never a 500."""

from __future__ import annotations

import io
import zipfile

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import QuestionLog
from tests.console.helpers import World
from tests.console.helpers import login as console_login

HUGE_IDS = ["2147483648", "9223372036854775807", "9223372036854775808", str(10**30)]


def test_superscript_and_other_odd_digits_in_page_numbers(client: TestClient) -> None:
    csrf = console_login(client, "aoba-editor")
    for value in ("²", "١٢", "①", "-1", "1e9", "9" * 40, "\u0660"):
        for path in ("/console/t/aoba/faq", "/console/t/aoba/unanswered"):
            response = client.get(path, params={"page": value, "days": value})
            assert response.status_code == 200, (path, value)
    learning = client.post(
        "/console/t/aoba/learning/reset", data={"csrf_token": csrf, "entry_id": "²"}
    )
    assert 400 <= learning.status_code < 500


def test_ids_beyond_the_database_integer_range(
    client: TestClient, key: dict[str, str], world: World
) -> None:
    for big in HUGE_IDS:
        for method, path in [
            ("GET", f"/api/v1/tenants/aoba/faq/{big}"),
            ("GET", f"/api/v1/tenants/aoba/faq/{big}/versions"),
            ("DELETE", f"/api/v1/tenants/aoba/faq/{big}"),
            ("POST", f"/api/v1/tenants/aoba/faq/{world.aoba_entry}/revert/{big}"),
            ("GET", f"/api/v1/tenants/aoba/documents/{big}/view"),
            ("GET", f"/api/v1/tenants/aoba/public/documents/{big}/file"),
            ("DELETE", f"/api/v1/tenants/aoba/learning?entry_id={big}"),
        ]:
            response = client.request(method, path, headers=key)
            assert response.status_code in (404, 422), (method, path, response.status_code)
        for path, body in [
            (
                "/api/v1/tenants/aoba/feedback",
                {"token": "x" * 20, "kind": "resolved", "entry_id": int(big)},
            ),
            ("/api/v1/tenants/aoba/choice", {"token": "x" * 20, "entry_id": int(big)}),
        ]:
            response = client.post(path, json=body)
            assert response.status_code in (404, 422), (path, response.status_code)


def test_nul_characters_are_refused_not_crashed(client: TestClient, key: dict[str, str]) -> None:
    ask = client.post("/api/v1/tenants/aoba/ask", json={"question": "住民票\u0000の写し"})
    assert ask.status_code == 422
    assert ask.json()["error"]["code"] == "error.control_character"
    entry = {"question": "質問\u0000です", "answer": "回答です。"}
    created = client.post("/api/v1/tenants/aoba/faq", json=entry, headers=key)
    assert created.status_code == 422
    assert client.get("/api/v1/tenants/aoba/faq?q=%00", headers=key).status_code == 422
    assert client.get("/api/v1/tenants/aoba/faq/%00", headers=key).status_code == 422
    csv = "question,answer\n質問\x00です,回答です。\n".encode()
    imported = client.post(
        "/api/v1/tenants/aoba/faq/import",
        files={"file": ("faq.csv", csv, "text/csv")},
        headers=key,
    )
    # The importer strips control characters from cells and says so; nothing with NUL is stored.
    assert imported.status_code == 200, imported.text
    assert "faqio.control_chars_stripped" in imported.text
    stored = client.get("/api/v1/tenants/aoba/faq", params={"q": "質問"}, headers=key).json()
    assert stored and all("\x00" not in e["question"] for e in stored)
    text = "見出し\n本文に\x00NULがあります。".encode()
    upload = client.post(
        "/api/v1/tenants/aoba/documents",
        files={"file": ("nul.txt", text, "text/plain")},
        headers=key,
    )
    assert upload.status_code < 500, upload.text
    # Ordinary text with newlines and tabs still works.
    fine = client.post("/api/v1/tenants/aoba/ask", json={"question": "住民票の\t写し\n"})
    assert fine.status_code == 200


def test_broken_nursery_spreadsheet_is_a_clear_rejection(client: TestClient) -> None:
    csrf = console_login(client, "aoba-editor")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<not-xml")
        archive.writestr("xl/workbook.xml", "garbage")
    broken = buffer.getvalue()
    for files in (
        [("files", ("facilities.xlsx", broken)), ("files", ("children.xlsx", broken))],
        [("files", ("facilities.xlsx", b"PK\x03\x04broken")), ("files", ("children.csv", b"x"))],
    ):
        response = client.post(
            "/console/t/aoba/hoiku", data={"csrf_token": csrf}, files=files, follow_redirects=False
        )
        assert 400 <= response.status_code < 500, response.status_code


def test_a_shift_jis_body_is_named_as_such(client: TestClient, platform: Platform) -> None:
    """A file saved as Shift_JIS and posted as is: a bilingual error saying what is wrong,
    not FastAPI's bare "There was an error parsing the body"; nothing is logged."""
    raw = '{"question": "住民票がほしい 山田太郎"}'.encode("cp932")
    ask = client.post(
        "/api/v1/tenants/aoba/ask", content=raw, headers={"Content-Type": "application/json"}
    )
    assert ask.status_code == 400
    error = ask.json()["error"]
    assert error["code"] == "error.body_encoding"
    assert "Shift_JIS" in error["message"]["ja"] and "UTF-8" in error["message"]["en"]
    with platform.db.read() as session:
        assert session.query(QuestionLog).count() == 0


def test_a_control_character_inside_a_name_does_not_unmask_it(
    client: TestClient, platform: Platform
) -> None:
    """NEL (U+0085) is not refused (it is a line break), but 山田\\x85太郎 is one name: the
    question log keeps neither half."""
    ask = client.post("/api/v1/tenants/aoba/ask", json={"question": "山田\u0085太郎です 住民票"})
    assert ask.status_code == 200, ask.text
    with platform.db.read() as session:
        logged = [row.question for row in session.query(QuestionLog).all()]
    assert logged and all("山田" not in q and "太郎" not in q for q in logged), logged


@pytest.mark.parametrize(
    "raw",
    [
        b'{"question":' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"question": "x", "a": 1' + b"0" * 5_000 + b"}",
    ],
    ids=["nested_too_deep", "number_too_long"],
)
def test_a_body_the_parser_gives_up_on_gets_a_bilingual_error(
    client: TestClient, raw: bytes
) -> None:
    ask = client.post(
        "/api/v1/tenants/aoba/ask", content=raw, headers={"Content-Type": "application/json"}
    )
    assert ask.status_code == 400
    assert ask.json()["error"]["code"] == "error.body_unreadable"
    assert set(ask.json()["error"]["message"]) == {"ja", "en"}
