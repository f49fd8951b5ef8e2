"""A field longer than its storage column is refused by name, on SQLite and PostgreSQL (hr3).

Found: the FAQ importer allowed 2,048-character URLs and 254-character e-mail addresses, the
console form did not check URL lengths, but the columns hold 1,000 and 200. On PostgreSQL the
whole import failed with "a number is outside the accepted range" (nothing stored, no row or
field named); on SQLite the value was stored, and the entry could then not be saved again
through the API (which checks 1,000).
"""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.console.helpers import login as console_login

LONG_URL = "https://www.city.aoba.example.jp/kurashi/" + "juminhyo-" * 170  # 1,571 characters


def test_an_import_with_an_overlong_url_names_the_row_and_keeps_what_is_stored(
    client: TestClient, key: dict[str, str]
) -> None:
    before = client.get("/api/v1/tenants/aoba/faq", headers=key).json()
    csv = (
        "external_id,question,answer,source_url,department,department_email\n"
        f"AOBA-1,住民票の写しを取りたい,新しい回答です。,{LONG_URL},市民課,\n"
        f"AOBA-9,転入届の期限は,14日以内です。,https://www.city.aoba.example.jp/,市民課,"
        f"{'juminka.madoguchi.' * 11}@city.aoba.example.jp\n"
    ).encode("cp932")
    response = client.post(
        "/api/v1/tenants/aoba/faq/import",
        data={"mode": "upsert"},
        files={"file": ("faq.csv", csv, "text/csv")},
        headers=key,
    )
    assert response.status_code == 422, response.text
    body = response.json()["error"]
    assert body["code"] == "faq.import_rejected"
    problems = {(e["row"], e["column"]) for e in body["report"]["errors"]}
    assert problems == {(2, "source_url"), (3, "department_email")}
    assert client.get("/api/v1/tenants/aoba/faq", headers=key).json() == before


def test_the_console_form_names_an_overlong_url(client: TestClient, key: dict[str, str]) -> None:
    csrf = console_login(client, "aoba-editor")
    form = {
        "csrf_token": csrf,
        "question": "印鑑登録の方法を知りたい",
        "answer": "市民課の窓口で登録できます。",
        "source_url": LONG_URL,
    }
    response = client.post("/console/t/aoba/faq/new", data=form, follow_redirects=False)
    assert response.status_code == 422, response.status_code
    assert "source_url" in response.text and "長すぎます" in response.text
    listed = client.get("/api/v1/tenants/aoba/faq", params={"q": "印鑑登録"}, headers=key).json()
    assert listed == []
