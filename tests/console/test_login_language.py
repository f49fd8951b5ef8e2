"""A link to a console page in English (``?lang=en``) opened before logging in: the login page
shown first is in English too, and the page asked for follows in English. Found by the newcomer
walkthrough: the login page ignored the language of the link and greeted in Japanese."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.console.helpers import PASSWORD, World, csrf_of


def test_the_login_page_keeps_the_language_of_the_link(client: TestClient, world: World) -> None:
    target = "/console/t/aoba/dashboard?lang=en"
    login_page = client.get(target)
    assert '<html lang="en"' in login_page.text and "Log in" in login_page.text
    assert "ログインする" not in login_page.text
    done = client.post(
        "/console/login",
        data={
            "username": "aoba-auditor",
            "password": PASSWORD,
            "csrf_token": csrf_of(login_page.text),
            "next": "/console/t/aoba/dashboard?lang=en",
        },
    )
    assert done.status_code == 200 and done.url.path == "/console/t/aoba/dashboard"
    assert '<html lang="en"' in done.text


def test_without_lang_the_login_page_stays_japanese(client: TestClient, world: World) -> None:
    page = client.get("/console/t/aoba/faq")
    assert '<html lang="ja"' in page.text and "ログインする" in page.text
    assert "lang=" not in str(page.url)
