"""Session cookies and CSRF tokens (web.security) without a database."""

from __future__ import annotations

from jichitai_ai.web.security import SessionCodec, new_session


def test_session_round_trip_keeps_user_and_tag() -> None:
    codec = SessionCodec("secret-a")
    session = new_session(7, "tag")
    loaded = codec.loads(codec.dumps(session))
    assert loaded == session
    assert loaded is not None and loaded.logged_in


def test_tampered_or_foreign_cookie_is_rejected() -> None:
    codec = SessionCodec("secret-a")
    token = codec.dumps(new_session(7, "tag"))
    assert codec.loads(token[:-2] + ("AA" if not token.endswith("AA") else "BB")) is None
    assert SessionCodec("secret-b").loads(token) is None
    assert codec.loads("") is None
    assert codec.loads("not-a-token") is None


def test_expired_session_is_rejected() -> None:
    token = SessionCodec("secret-a").dumps(new_session(7, "tag"))
    assert SessionCodec("secret-a", lifetime_seconds=-1).loads(token) is None


def test_csrf_token_is_bound_to_the_session() -> None:
    codec = SessionCodec("secret-a")
    one, two = new_session(1), new_session(1)
    assert codec.csrf_ok(one, codec.csrf_token(one))
    assert not codec.csrf_ok(two, codec.csrf_token(one))
    assert not codec.csrf_ok(one, "")
    assert not codec.csrf_ok(None, codec.csrf_token(one))


def test_password_tag_changes_with_the_password_hash() -> None:
    codec = SessionCodec("secret-a")
    assert codec.password_tag("$argon2id$a") != codec.password_tag("$argon2id$b")
    assert "$argon2" not in codec.password_tag("$argon2id$a")
