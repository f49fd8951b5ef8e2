"""Session keys group a resident's questions and feedback without identifying anyone."""

from __future__ import annotations

import hashlib
import re

_HASHED = re.compile(r"^[0-9a-f]{64}$")


def hash_session_key(value: str) -> str:
    """SHA-256 of the browser's random session id; already-hashed keys pass through."""
    if not value:
        return ""
    if _HASHED.match(value):
        return value
    return hashlib.sha256(value.encode("utf-8")).hexdigest()
