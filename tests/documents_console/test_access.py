"""Who may do what on the documents pages: roles, tenants, CSRF, residents, nothing remote."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.console.helpers import World, login
from tests.console.test_no_remote import _crawl, external_urls
from tests.documents_console import files
from tests.documents_console.util import BASE, QUESTION, search, upload

PUBLIC_SEARCH = "/api/v1/tenants/aoba/public/documents/search"


def _doc_id(client: TestClient) -> int:
    match = re.search(r'id="document-(\d+)"', client.get(f"{BASE}/library").text)
    assert match
    return int(match.group(1))


def _seeded(client: TestClient) -> int:
    """あおば市's editor uploads the 勤務時間条例 (collection default, staff only); logs out."""
    csrf = login(client, "aoba-editor")
    upload(client, csrf, [("kinmu-jorei.docx", files.reiki_docx())])
    doc_id = _doc_id(client)
    client.post("/console/logout", data={"csrf_token": csrf})
    return doc_id


def test_auditor_reads_but_changes_nothing(client: TestClient, world: World) -> None:
    doc_id = _seeded(client)
    csrf = login(client, "aoba-auditor")
    assert "第5条第2項" in search(client, QUESTION).text
    library = client.get(f"{BASE}/library").text
    assert 'id="read-only"' in library and f'id="document-{doc_id}"' in library
    assert 'id="doc-upload"' not in library and "/faq-drafts" not in library
    assert 'id="collection-config"' not in library
    for path in (f"{BASE}/{doc_id}/delete", f"{BASE}/{doc_id}/faq-drafts"):
        assert client.post(path, data={"csrf_token": csrf}).status_code == 403
    refused = upload(client, csrf, [("x.txt", "第一条　テスト".encode())])
    assert refused.status_code == 403
    post = {"csrf_token": csrf, "name": "open", "visibility": "public"}
    assert client.post(f"{BASE}/collections", data=post).status_code == 403
    assert f'id="document-{doc_id}"' in client.get(f"{BASE}/library").text


def test_editor_may_not_configure_collections(client: TestClient, world: World) -> None:
    csrf = login(client, "aoba-editor")
    menu = client.get("/console/t/aoba/faq").text
    assert '<a href="/console/t/aoba/documents" >文書検索</a>' in menu
    assert 'id="collection-config"' not in client.get(f"{BASE}/library").text
    post = {"csrf_token": csrf, "name": "reiki", "visibility": "public"}
    assert client.post(f"{BASE}/collections", data=post).status_code == 403


def test_other_tenants_staff_are_refused(client: TestClient, world: World) -> None:
    doc_id = _seeded(client)
    csrf = login(client, "sakura-editor")
    assert search(client, QUESTION).status_code == 403
    assert client.get(f"{BASE}/library").status_code == 403
    assert client.post(f"{BASE}/{doc_id}/delete", data={"csrf_token": csrf}).status_code == 403
    # Through its own tenant, あおば市's document id does not exist.
    own = f"/console/t/sakura/documents/{doc_id}/delete"
    assert client.post(own, data={"csrf_token": csrf}).status_code == 404
    assert client.get(f"/api/v1/tenants/aoba/documents/{doc_id}/view").status_code == 403
    assert client.get("/console/t/nowhere/documents").status_code == 404
    # さくら市 has no documents of its own; あおば市's never reach its search.
    own_search = client.get("/console/t/sakura/documents?q=有休").text
    assert "検索できる資料がまだありません" in own_search and "第5条" not in own_search


def test_logged_out_visitors_go_to_the_login_page(client: TestClient, world: World) -> None:
    doc_id = _seeded(client)
    page = client.get(f"{BASE}?q=有休", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/console/login")
    assert client.get(f"/api/v1/tenants/aoba/documents/{doc_id}/view").status_code == 401


def test_posts_without_the_csrf_token_are_refused(client: TestClient, world: World) -> None:
    doc_id = _seeded(client)
    csrf = login(client, "aoba-editor")
    assert upload(client, "", [("gomi.pdf", files.gomi_pdf())]).status_code == 403
    assert upload(client, "forged" + csrf[6:], [("gomi.pdf", files.gomi_pdf())]).status_code == 403
    assert client.post(f"{BASE}/{doc_id}/delete", data={}).status_code == 403
    assert client.post(f"{BASE}/{doc_id}/faq-drafts", data={}).status_code == 403
    assert client.post(f"{BASE}/answer", data={"q": QUESTION}).status_code == 403
    library = client.get(f"{BASE}/library").text
    assert f'id="document-{doc_id}"' in library and "gomi.pdf" not in library


def test_residents_never_see_staff_only_collections(client: TestClient, world: World) -> None:
    """Uploaded into default (staff only): residents find nothing until an admin opens it."""
    doc_id = _seeded(client)
    assert client.get(PUBLIC_SEARCH, params={"q": QUESTION}).json() == []
    public_view = f"/api/v1/tenants/aoba/public/documents/{doc_id}/view"
    assert client.get(public_view).status_code == 404
    csrf = login(client, "pref-admin")  # a prefecture admin administers its municipalities
    made_public = client.post(
        f"{BASE}/collections",
        data={"csrf_token": csrf, "name": "default", "title": "例規集", "visibility": "public"},
    )
    assert made_public.status_code == 200 and "文書集を保存しました。" in made_public.text
    assert "住民も検索できます" in made_public.text
    hits = client.get(PUBLIC_SEARCH, params={"q": QUESTION}).json()
    assert hits and hits[0]["location"].startswith("第5条")
    assert hits[0]["link"].startswith("/api/v1/tenants/aoba/public/documents/")


def test_restricted_collection_is_hidden_from_other_roles(client: TestClient, world: World) -> None:
    csrf = login(client, "pref-admin")
    bad = client.post(
        f"{BASE}/collections",
        data={"csrf_token": csrf, "name": "jinji", "visibility": "restricted"},
    )
    assert bad.status_code == 422
    assert "閲覧できる役割を一つ以上指定してください" in bad.text
    made = client.post(
        f"{BASE}/collections",
        data={"csrf_token": csrf, "name": "jinji", "visibility": "restricted", "roles": ["admin"]},
    )
    assert made.status_code == 200 and "役割限定" in made.text
    upload(client, csrf, [("kinmu-jorei.docx", files.reiki_docx())], collection="jinji")
    assert "第5条第2項" in search(client, QUESTION).text
    client.post("/console/logout", data={"csrf_token": csrf})
    csrf = login(client, "aoba-editor")
    library = client.get(f"{BASE}/library").text
    assert "jinji" not in library and 'id="document-' not in library
    hidden = search(client, QUESTION).text
    assert "検索できる資料がまだありません" in hidden and "第5条" not in hidden
    sneaked = upload(client, csrf, [("x.txt", "第一条　テスト".encode())], collection="jinji")
    assert sneaked.status_code == 403


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_page_refers_to_another_host(client: TestClient, world: World, lang: str) -> None:
    _seeded(client)
    login(client, "pref-admin")
    pages = _crawl(client, [f"{BASE}?q={QUESTION}&lang={lang}", f"{BASE}/library"])
    assert f"{BASE}/library" in pages and "/console/documents-static/documents.css" in pages
    for path, text in pages.items():
        assert external_urls(text) == [], path
        assert "@import" not in text, path
