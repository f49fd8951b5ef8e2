"""Channel secrets per tenant, sealed with a key derived from the deployment's secret key.

The LINE channel secret and access token must never sit in the database in clear: a copy of
the database (backup, export) would let anyone post as the municipality's LINE account. The
seal binds each value to its tenant, channel and name, so a sealed value copied into another
row does not open. Changing ``secret_key`` makes stored credentials unreadable: they must be
entered again (the console says so).
"""

from __future__ import annotations

import hashlib
import hmac

from sqlalchemy import select
from sqlalchemy.orm import Session

from jichitai_ai.channels.tables import ChannelCredential
from jichitai_ai.config import Settings
from jichitai_ai.gateway._sealing import SealError, seal, unseal
from jichitai_ai.services.errors import Invalid
from jichitai_ai.timeutil import utcnow

#: Longest accepted credential (LINE long-lived access tokens are ~170 characters).
MAX_LENGTH = 1000


class CredentialUnreadable(RuntimeError):
    """A stored credential does not open with this deployment's key (key changed or altered)."""


def _key(settings: Settings) -> bytes:
    return hmac.new(
        settings.secret_key.encode("utf-8"), b"jichitai-channels/credentials", hashlib.sha256
    ).digest()


def _context(tenant_id: int, channel: str, name: str) -> bytes:
    return f"{tenant_id}/{channel}/{name}".encode()


def store(
    session: Session,
    settings: Settings,
    tenant_id: int,
    channel: str,
    name: str,
    value: str,
    *,
    actor: str = "",
) -> None:
    """Seal and store (or replace) one credential."""
    value = value.strip()
    if not value or len(value) > MAX_LENGTH or any(ord(ch) < 0x21 for ch in value):
        raise Invalid("channels.credential.invalid")
    sealed = seal(_key(settings), value.encode("utf-8"), _context(tenant_id, channel, name))
    row = session.execute(
        select(ChannelCredential).where(
            ChannelCredential.tenant_id == tenant_id,
            ChannelCredential.channel == channel,
            ChannelCredential.name == name,
        )
    ).scalar_one_or_none()
    if row is None:
        row = ChannelCredential(tenant_id=tenant_id, channel=channel, name=name, sealed=sealed)
        session.add(row)
    row.sealed = sealed
    row.updated_by = actor[:100]
    row.updated_at = utcnow()
    session.flush()


def load(
    session: Session, settings: Settings, tenant_id: int, channel: str, name: str
) -> str | None:
    """The credential in clear, or None when not set."""
    row = session.execute(
        select(ChannelCredential).where(
            ChannelCredential.tenant_id == tenant_id,
            ChannelCredential.channel == channel,
            ChannelCredential.name == name,
        )
    ).scalar_one_or_none()
    if row is None:
        return None
    try:
        return unseal(_key(settings), row.sealed, _context(tenant_id, channel, name)).decode(
            "utf-8"
        )
    except (SealError, UnicodeDecodeError) as exc:
        raise CredentialUnreadable(f"{channel}/{name}") from exc


def configured(session: Session, tenant_id: int, channel: str) -> dict[str, str]:
    """Names of the stored credentials and when they were set (never the values)."""
    rows = session.execute(
        select(ChannelCredential).where(
            ChannelCredential.tenant_id == tenant_id, ChannelCredential.channel == channel
        )
    ).scalars()
    return {row.name: row.updated_at.strftime("%Y-%m-%d %H:%M") for row in rows}
