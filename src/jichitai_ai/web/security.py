"""Staff sessions and CSRF protection for the console (ログインセッション・CSRF対策).

The session is a signed cookie (itsdangerous, ``settings.secret_key``) holding a random
session id, the user id and a tag of the user's password hash, so changing a password ends
every other session. The cookie is HttpOnly, SameSite=Lax, Secure over https, and expires.

CSRF tokens are an HMAC of the session id: every state-changing form carries one in a hidden
field, and cookie-authenticated JSON calls send it in the ``X-CSRF-Token`` header. API-key
calls carry no cookie and need no token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

SESSION_COOKIE = "jai_session"
LANG_COOKIE = "jai_lang"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
#: A working day: staff log in again the next morning.
SESSION_LIFETIME_SECONDS = 8 * 60 * 60
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

#: Everything the console loads comes from the app itself (LGWAN: no CDN, no remote font).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class StaffSession:
    """What the session cookie holds; ``user_id`` is None before login."""

    sid: str
    user_id: int | None = None
    password_tag: str = ""
    issued_at: int = 0

    @property
    def logged_in(self) -> bool:
        return self.user_id is not None


def new_session(user_id: int | None = None, password_tag: str = "") -> StaffSession:
    """A fresh session id: issued at login so a planted id is never promoted (fixation)."""
    return StaffSession(
        sid=secrets.token_urlsafe(24),
        user_id=user_id,
        password_tag=password_tag,
        issued_at=int(time.time()),
    )


class SessionCodec:
    """Signs and checks session cookies and CSRF tokens with the deployment's secret key."""

    def __init__(self, secret_key: str, lifetime_seconds: int = SESSION_LIFETIME_SECONDS) -> None:
        if not secret_key:
            raise ValueError("secret_key is required for staff sessions")
        self._secret = secret_key.encode("utf-8")
        self._serializer = URLSafeTimedSerializer(secret_key, salt="jichitai-ai.console.session")
        self.lifetime_seconds = lifetime_seconds

    def dumps(self, session: StaffSession) -> str:
        return str(
            self._serializer.dumps(
                {
                    "s": session.sid,
                    "u": session.user_id,
                    "p": session.password_tag,
                    "i": session.issued_at,
                }
            )
        )

    def loads(self, token: str | None) -> StaffSession | None:
        """The session, or None when the cookie is missing, forged or expired."""
        if not token:
            return None
        try:
            data = self._serializer.loads(token, max_age=self.lifetime_seconds)
        except BadSignature:  # SignatureExpired is a BadSignature
            return None
        if not isinstance(data, dict) or not isinstance(data.get("s"), str):
            return None
        user_id = data.get("u")
        return StaffSession(
            sid=data["s"],
            user_id=user_id if isinstance(user_id, int) else None,
            password_tag=str(data.get("p", "")),
            issued_at=int(data.get("i", 0) or 0),
        )

    def password_tag(self, password_hash: str) -> str:
        """A short keyed digest of the password hash (never the hash itself)."""
        return hmac.new(self._secret, b"pw|" + password_hash.encode(), hashlib.sha256).hexdigest()[
            :16
        ]

    def csrf_token(self, session: StaffSession) -> str:
        return hmac.new(self._secret, b"csrf|" + session.sid.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, session: StaffSession | None, token: str | None) -> bool:
        if session is None or not token:
            return False
        # As bytes: compare_digest raises TypeError on a str with non-ASCII characters, and the
        # token is whatever the form sent (hr5: a 500 on the login form for anyone).
        given = token.encode("utf-8", "surrogateescape")
        return hmac.compare_digest(self.csrf_token(session).encode("ascii"), given)


def is_https(request: Request) -> bool:
    """Secure cookies whenever the browser reached us over https (directly or via a proxy)."""
    if request.url.scheme == "https":
        return True
    return request.headers.get("x-forwarded-proto", "").lower() == "https"


def set_session_cookie(
    response: Response, request: Request, codec: SessionCodec, session: StaffSession
) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        codec.dumps(session),
        max_age=codec.lifetime_seconds,
        path="/",
        httponly=True,
        samesite="lax",
        secure=is_https(request),
    )


def clear_session_cookie(response: Response, request: Request) -> None:
    response.delete_cookie(
        SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=is_https(request)
    )


def apply_page_headers(response: Response) -> None:
    """Headers for every console page: no remote content, no framing, no caching of data."""
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers.setdefault("Cache-Control", "no-store")
