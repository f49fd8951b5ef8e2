"""Console sessions and CSRF tokens against a planted session and odd tokens (red team hr5).

Found: a CSRF token with a non-ASCII character made ``hmac.compare_digest`` raise TypeError (it
compares ``str`` only when both are ASCII): ``POST /console/login`` with ``csrf_token=é`` — no
account needed — was a 500 instead of the 403 any other wrong token gets.
Checked and kept: logging in issues a new session id, so a session cookie planted before login
(and the CSRF token that came with it) is worth nothing afterwards.
"""

from __future__ import annotations

from fastapi.testclient import TestClient

from jichitai_ai.web.security import SESSION_COOKIE
from tests.console.helpers import csrf_of
from tests.console.helpers import login as console_login


def test_a_non_ascii_csrf_token_is_refused_not_a_server_error(client: TestClient) -> None:
    client.get("/console/login")
    for token in ("é", "トークン", "a" * 63 + "é"):
        response = client.post(
            "/console/login",
            data={"username": "aoba-editor", "password": "x", "csrf_token": token},
            follow_redirects=False,
        )
        assert response.status_code == 403, response.status_code
    csrf = console_login(client, "aoba-editor")
    assert csrf
    response = client.post(
        "/console/t/aoba/synonyms", data={"csrf_token": "同義語"}, follow_redirects=False
    )
    assert response.status_code == 403, response.status_code


def _session_cookie(client: TestClient) -> str:
    values = [c.value for c in client.cookies.jar if c.name == SESSION_COOKIE and c.value]
    assert len(values) == 1, values
    return str(values[0])


def test_a_session_planted_before_login_is_worth_nothing_after(client: TestClient) -> None:
    planted_csrf = csrf_of(client.get("/console/login").text)
    planted = _session_cookie(client)
    victim = TestClient(client.app, raise_server_exceptions=False)
    for cookie in client.cookies.jar:  # the attacker's cookie in the victim's browser
        victim.cookies.jar.set_cookie(cookie)
    victim_csrf = console_login(victim, "aoba-editor")
    assert _session_cookie(victim) != planted
    assert victim_csrf != planted_csrf
    # The attacker, still holding the planted cookie, is not logged in as the victim …
    assert client.get("/console/t/aoba/faq", follow_redirects=False).status_code in (302, 303)
    # … and the planted token does not pass the victim's session.
    refused = victim.post(
        "/console/t/aoba/synonyms", data={"csrf_token": planted_csrf}, follow_redirects=False
    )
    assert refused.status_code == 403
