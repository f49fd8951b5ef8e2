"""LINE users as the service knows them: a hashed id and a language (from the profile, or chosen)."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from jichitai_ai.channels.tables import LineUser
from jichitai_ai.i18n import LANGUAGES, normalize_language
from jichitai_ai.timeutil import utcnow


def session_key(tenant_id: int, user_id: str) -> str:
    """The answering service's session key for this friend (stored only as its SHA-256)."""
    return f"line:{tenant_id}:{user_id}"


def user_hash(tenant_id: int, user_id: str) -> str:
    return hashlib.sha256(session_key(tenant_id, user_id).encode("utf-8")).hexdigest()


def profile_language(code: str | None) -> str:
    """LINE's profile ``language`` (a BCP 47 tag: ``ja``, ``en-US``, ``zh-Hant-TW``, ``ko``) → ours."""
    tag = (code or "").strip().lower()
    if tag.startswith(("zh-hant", "zh-tw", "zh-hk", "zh-mo")):
        return "zh-Hant"
    if tag.startswith(("zh-hans", "zh-cn", "zh-sg")) or tag == "zh":
        return "zh-Hans"
    return normalize_language(tag.split("-")[0] if tag else None)


def stored_language(session: Session, tenant_id: int, user_id: str) -> LineUser | None:
    return session.execute(
        select(LineUser).where(
            LineUser.tenant_id == tenant_id, LineUser.user_hash == user_hash(tenant_id, user_id)
        )
    ).scalar_one_or_none()


#: ``updated_at`` is also the last sighting, refreshed at most this often (one write a day per
#: friend, not one per message): retention deletes friends not seen for their period.
SIGHTING_EVERY = timedelta(days=1)


def due_for_sighting(row: LineUser) -> bool:
    return row.updated_at < utcnow() - SIGHTING_EVERY


def seen(session: Session, tenant_id: int, user_id: str) -> None:
    """Record that the friend wrote (or tapped) today."""
    row = stored_language(session, tenant_id, user_id)
    if row is not None:
        row.updated_at = utcnow()


def remember_language(
    session: Session, tenant_id: int, user_id: str, language: str, *, chosen: bool
) -> str:
    lang = language if language in LANGUAGES else normalize_language(language)
    row = stored_language(session, tenant_id, user_id)
    if row is None:
        row = LineUser(tenant_id=tenant_id, user_hash=user_hash(tenant_id, user_id))
        session.add(row)
    row.language = lang
    row.chosen = chosen or row.chosen
    row.updated_at = utcnow()
    session.flush()
    return lang
