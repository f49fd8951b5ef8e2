"""X-Line-Signature: base64 of HMAC-SHA256 over the raw request body, keyed by the channel secret."""

from __future__ import annotations

import base64
import hashlib
import hmac


def sign(channel_secret: str, body: bytes) -> str:
    digest = hmac.new(channel_secret.encode("utf-8"), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def verify(channel_secret: str, body: bytes, signature: str | None) -> bool:
    """Constant-time check of the header against the body exactly as received."""
    if not signature or not channel_secret:
        return False
    # As bytes: compare_digest raises TypeError on a str with non-ASCII characters, and the
    # header is whatever the sender put there (hr5: a 500 for an unsigned request).
    given = signature.strip().encode("utf-8", "surrogateescape")
    return hmac.compare_digest(sign(channel_secret, body).encode("ascii"), given)
