"""Access by collection and role through the JSON API: residents see public collections only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.services import auth
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.auth import Role
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app
from tests.documents import samples

PERSONNEL = "人事評価の結果は本人にのみ開示する。評価者は部長級職員とする。"


@pytest.fixture
def api(
    tmp_path: Path, platform: Platform
) -> Iterator[tuple[TestClient, dict[str, dict[str, str]]]]:
    from jichitai_ai.documents import documents_for

    with platform.db.write() as session:
        tenant_service.add_tenant(session, "aoba-city", "あおば市")
        tenant_service.add_tenant(session, "sakura-town", "さくら町")
        keys = {}
        for name, slug, role in [
            ("editor1", "aoba-city", Role.EDITOR),
            ("admin1", "aoba-city", Role.ADMIN),
            ("outsider", "sakura-town", Role.ADMIN),
        ]:
            auth.create_user(session, name, "correct-horse-battery")
            auth.grant(session, name, slug, role)
            keys[name] = {"Authorization": f"Bearer {auth.create_api_key(session, name)}"}
    service = documents_for(platform)
    service.set_collection("aoba-city", "public-info", visibility="public")
    service.set_collection("aoba-city", "reiki", visibility="staff")
    service.set_collection("aoba-city", "personnel", visibility="restricted", roles=["admin"])
    md = tmp_path / "madoguchi.md"
    md.write_text(samples.MARKDOWN, encoding="utf-8")
    assert service.ingest_paths("aoba-city", [md], collection="public-info").count("indexed") == 1
    assert (
        service.ingest_paths(
            "aoba-city", [samples.write_reiki_txt(tmp_path)], collection="reiki"
        ).count("indexed")
        == 1
    )
    hr = tmp_path / "jinji.txt"
    hr.write_text("人事評価要領\n" + PERSONNEL, encoding="utf-8")
    assert service.ingest_paths("aoba-city", [hr], collection="personnel").count("indexed") == 1
    with TestClient(create_app(platform=platform)) as client:
        yield client, keys


STAFF = "/api/v1/tenants/aoba-city/documents"
PUBLIC = "/api/v1/tenants/aoba-city/public/documents"


def _docs(results: list[dict[str, object]]) -> set[object]:
    return {r["document"] for r in results}


def test_residents_see_only_public_collections(
    api: tuple[TestClient, dict[str, dict[str, str]]],
) -> None:
    client, _keys = api
    found = client.get(f"{PUBLIC}/search", params={"q": "転入届 年次休暇 人事評価"}).json()
    assert _docs(found) == {"窓口業務マニュアル"}
    assert all(r["link"].startswith(PUBLIC) for r in found)
    assert client.get(found[0]["link"].split("#")[0]).status_code == 200
    # A staff-only document cannot be opened or answered from by residents.
    staff_doc = client.get(f"{STAFF}/search", params={"q": "年次休暇"})
    assert staff_doc.status_code == 401
    answer = client.post(f"{PUBLIC}/answer", json={"question": "年次休暇は何日ですか"}).json()
    assert answer["answer"] == "資料からは分かりません" and answer["passages"] == []
    assert client.get(f"{PUBLIC}/2/view").status_code == 404


def test_staff_roles_and_restricted_collections(
    api: tuple[TestClient, dict[str, dict[str, str]]],
) -> None:
    client, keys = api
    query = {"q": "転入届 年次休暇 人事評価", "k": 10}
    editor = client.get(f"{STAFF}/search", params=query, headers=keys["editor1"]).json()
    assert _docs(editor) == {"窓口業務マニュアル", samples.REIKI_TITLE}
    admin = client.get(f"{STAFF}/search", params=query, headers=keys["admin1"]).json()
    assert _docs(admin) == {"窓口業務マニュアル", samples.REIKI_TITLE, "人事評価要領"}
    restricted = next(r for r in admin if r["document"] == "人事評価要領")
    view = restricted["link"].split("#")[0]
    assert client.get(view, headers=keys["admin1"]).status_code == 200
    denied = client.get(view, headers=keys["editor1"])
    assert denied.status_code == 403 and "権限" in denied.json()["error"]["message"]["ja"]
    # Another municipality's administrator has no role here at all.
    assert client.get(f"{STAFF}/search", params=query, headers=keys["outsider"]).status_code == 403


def test_staff_answer_and_source_links(api: tuple[TestClient, dict[str, dict[str, str]]]) -> None:
    client, keys = api
    body = client.post(
        f"{STAFF}/answer",
        json={"question": "有休は翌年に繰り越せますか"},
        headers=keys["editor1"],
    ).json()
    assert body["supported"] and body["passages"][0]["location"] == "第5条第2項"
    page = client.get(body["passages"][0]["link"].split("#")[0], headers=keys["editor1"])
    anchor = body["passages"][0]["link"].split("#")[1]
    assert f'id="{anchor}"' in page.text and "繰り越す" in page.text
    assert "sandbox" in page.headers["content-security-policy"]
    # Model-proposed FAQ drafts need a configured backend; without one the API says so.
    drafts = client.post(
        f"{STAFF}/{body['passages'][0]['document_id']}/faq-drafts", headers=keys["editor1"]
    )
    assert drafts.status_code == 422
    assert drafts.json()["error"]["code"] == "documents.no_backend"


def test_only_editors_ingest_and_only_admins_configure(
    tmp_path: Path, api: tuple[TestClient, dict[str, dict[str, str]]]
) -> None:
    client, keys = api
    files = {"file": ("gomi.html", samples.HTML.encode("utf-8"), "text/html")}
    made = client.post(
        STAFF, files=files, data={"collection": "public-info"}, headers=keys["editor1"]
    )
    assert made.status_code == 201 and made.json()["status"] == "indexed"
    assert (
        client.get(f"{PUBLIC}/search", params={"q": "粗大ごみ"}).json()[0]["document"]
        == "ごみの出し方ガイド"
    )
    original = client.get(f"{PUBLIC}/{made.json()['document_id']}/file")
    assert original.content == samples.HTML.encode("utf-8")  # the stored original, byte for byte
    assert "sandbox" in original.headers["content-security-policy"]  # its script cannot run
    refused = client.put(
        f"{STAFF}/collections/reiki", json={"visibility": "public"}, headers=keys["editor1"]
    )
    assert refused.status_code == 403
    ok = client.put(
        f"{STAFF}/collections/reiki", json={"visibility": "public"}, headers=keys["admin1"]
    )
    assert ok.status_code == 200
    assert samples.REIKI_TITLE in _docs(
        client.get(f"{PUBLIC}/search", params={"q": "年次休暇"}).json()
    )
    deleted = client.delete(f"{STAFF}/{made.json()['document_id']}", headers=keys["editor1"])
    assert deleted.status_code == 204
    assert client.get(f"{PUBLIC}/search", params={"q": "粗大ごみ"}).json() == []


def test_upload_into_a_collection_that_does_not_exist_says_so(
    api: tuple[TestClient, dict[str, dict[str, str]]],
) -> None:
    """Found (hr3): a typo in the collection name was answered "may not read this collection"."""
    client, keys = api
    files = {"file": ("gomi.html", samples.HTML.encode("utf-8"), "text/html")}
    missing = client.post(
        STAFF, files=files, data={"collection": "koho-2099"}, headers=keys["editor1"]
    )
    assert missing.status_code == 404, missing.text
    error = missing.json()["error"]
    assert error["code"] == "documents.collection_not_found"
    assert "「koho-2099」はありません" in missing.text and "権限" not in missing.text
    # A collection that exists but is closed to the role is still refused as such.
    closed = client.post(
        STAFF, files=files, data={"collection": "personnel"}, headers=keys["editor1"]
    )
    assert closed.status_code == 403 and closed.json()["error"]["code"] == "documents.forbidden"
    names = {d["title"] for d in client.get(STAFF, headers=keys["admin1"]).json()}
    assert "ごみの出し方ガイド" not in names
