"""Login, logout, session cookies, lock-out, CSRF and language on the console."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update

from jichitai_ai.services import auth
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import User
from tests.console.helpers import PASSWORD, csrf_of, login


def test_logged_out_pages_redirect_to_login_and_api_refuses(client: TestClient) -> None:
    for path in (
        "/console/",
        "/console/t/aoba/faq",
        "/console/t/aoba/dashboard",
        "/console/t/aoba/unanswered",
    ):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/console/login?next=/console")
    assert client.get("/api/v1/tenants/aoba/faq").status_code == 401
    assert client.get("/console/t/aoba/dashboard.json", follow_redirects=False).status_code == 303


def test_login_sets_a_secure_session_cookie_and_logout_ends_it(client: TestClient) -> None:
    page = client.get("/console/login")
    response = client.post(
        "/console/login",
        data={
            "username": "aoba-editor",
            "password": PASSWORD,
            "csrf_token": csrf_of(page.text),
            "next": "/console/t/aoba/learning",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/console/t/aoba/learning"
    cookie = response.headers["set-cookie"]
    assert "jai_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Max-Age=28800" in cookie and "Secure" not in cookie  # plain http in this test
    faq = client.get("/console/t/aoba/faq")
    assert faq.status_code == 200 and "aoba-editor" in faq.text
    assert client.post("/console/logout", data={}, follow_redirects=False).status_code == 403
    out = client.post(
        "/console/logout", data={"csrf_token": csrf_of(faq.text)}, follow_redirects=False
    )
    assert out.status_code == 303 and "jai_session=" in out.headers["set-cookie"]
    assert client.get("/console/t/aoba/faq", follow_redirects=False).status_code == 303


def test_cookie_is_secure_over_https(app: FastAPI) -> None:
    with TestClient(app, base_url="https://testserver") as secure_client:
        page = secure_client.get("/console/login")
        assert "Secure" in page.headers["set-cookie"]
        response = secure_client.post(
            "/console/login",
            data={
                "username": "aoba-editor",
                "password": PASSWORD,
                "csrf_token": csrf_of(page.text),
            },
            follow_redirects=False,
        )
        assert "Secure" in response.headers["set-cookie"]


def test_wrong_password_and_lockout_messages(client: TestClient) -> None:
    """One message for a wrong password and a block (the block itself: tests/hardening)."""
    token = csrf_of(client.get("/console/login").text)
    for _attempt in range(5):
        response = client.post(
            "/console/login",
            data={"username": "aoba-editor", "password": "wrong-password", "csrf_token": token},
        )
        assert response.status_code == 401
        assert "ログインできませんでした" in response.text
    # Even the right password is refused while the pair is blocked, with the same message.
    locked = client.post(
        "/console/login",
        data={"username": "aoba-editor", "password": PASSWORD, "csrf_token": token},
    )
    assert locked.status_code == 401 and "ログインできませんでした" in locked.text
    english = client.post(
        "/console/login?lang=en",
        data={"username": "aoba-editor", "password": PASSWORD, "csrf_token": token},
    )
    assert "Login failed" in english.text


def test_login_without_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/console/login")
    response = client.post("/console/login", data={"username": "aoba-editor", "password": PASSWORD})
    assert response.status_code == 403
    assert "不正な送信" in response.text
    assert client.get("/console/t/aoba/faq", follow_redirects=False).status_code == 303


def test_next_parameter_cannot_leave_the_console(client: TestClient) -> None:
    page = client.get("/console/login?next=https://evil.example/")
    assert 'value="https://evil.example/"' not in page.text
    response = client.post(
        "/console/login",
        data={
            "username": "aoba-editor",
            "password": PASSWORD,
            "csrf_token": csrf_of(page.text),
            "next": "//evil.example/",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/console"


def test_forged_cookie_and_changed_password_end_the_session(
    client: TestClient, platform: Platform
) -> None:
    login(client, "aoba-editor")
    assert client.get("/console/t/aoba/faq").status_code == 200
    forged = client.cookies["jai_session"][:-3] + "xyz"
    client.cookies.clear()
    client.cookies.set("jai_session", forged)
    assert client.get("/console/t/aoba/faq", follow_redirects=False).status_code == 303
    client.cookies.clear()
    login(client, "aoba-editor")
    with platform.db.write() as db:
        db.execute(
            update(User)
            .where(User.username == "aoba-editor")
            .values(password_hash=auth.hash_password("another-password-1"))
        )
    assert client.get("/console/t/aoba/faq", follow_redirects=False).status_code == 303


def test_language_switch_is_remembered(client: TestClient) -> None:
    login(client, "aoba-editor")
    assert "FAQ管理" in client.get("/console/t/aoba/faq").text
    english = client.get("/console/t/aoba/faq?lang=en")
    assert '<html lang="en">' in english.text and "FAQ entries" in english.text
    assert "Unanswered and low-rated questions" in client.get("/console/t/aoba/unanswered").text
    assert "未回答・低評価の質問" in client.get("/console/t/aoba/unanswered?lang=ja").text


def test_pages_carry_a_strict_content_security_policy(client: TestClient) -> None:
    login(client, "aoba-editor")
    response = client.get("/console/t/aoba/faq")
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-frame-options"] == "DENY"


def test_a_copied_session_cookie_is_refused_after_logout(client: TestClient) -> None:
    """Logout is recorded on the server, so a stolen copy of the cookie stops working."""
    login(client, "aoba-editor")
    stolen = client.cookies.get("jai_session")
    assert stolen
    faq = client.get("/console/t/aoba/faq")
    assert faq.status_code == 200
    client.post("/console/logout", data={"csrf_token": csrf_of(faq.text)})
    client.cookies.set("jai_session", stolen)
    assert client.get("/console/t/aoba/faq", follow_redirects=False).status_code == 303
    assert client.get("/api/v1/tenants/aoba/faq").status_code == 401
