"""HEAD like GET, and unknown paths: an HTML page for browsers, JSON for API clients."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.console.helpers import World


def test_head_is_answered_like_get_without_a_body(client: TestClient, world: World) -> None:
    for path in ("/", "/console/login", "/t/aoba/", "/docs", "/openapi.json"):
        head = client.head(path)
        get = client.get(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]


def test_unknown_paths_get_a_readable_page_or_json(client: TestClient, world: World) -> None:
    page = client.get("/no-such-page", headers={"Accept": "text/html,application/xhtml+xml"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "ページが見つかりません" in page.text and "Page not found" in page.text
    api = client.get("/api/v1/no-such-endpoint", headers={"Accept": "text/html"})
    assert api.status_code == 404 and api.json()["error"]["code"] == "error.not_found"
    plain = client.get("/no-such-page")
    assert plain.status_code == 404 and plain.json()["error"]["message"]["en"] == "Page not found"
    # Other HTTP errors keep their meaning.
    assert client.delete("/").status_code == 405
