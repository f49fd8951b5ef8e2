"""English console wording found by the newcomer walkthrough: a ``?lang=en`` link opened before
logging in showed the login page in Japanese (now English, and the page asked for follows in
English); the unanswered page counted "1 groups"."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.console.helpers import PASSWORD, World, csrf_of, login


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


def test_the_unanswered_count_reads_in_english_for_one_group(
    client: TestClient, world: World
) -> None:
    """Found by the newcomer walkthrough: 「1 groups (2 questions)」."""
    for _ in range(2):
        asked = client.post("/api/v1/tenants/aoba/ask", json={"question": "犬の散歩コースを教えて"})
        assert asked.status_code == 200 and asked.json()["decision"] == "no_answer", asked.text
    login(client, "aoba-editor")
    page = client.get("/console/t/aoba/unanswered?lang=en").text
    assert "Groups: 1 (questions: 2)" in page and "1 groups" not in page
