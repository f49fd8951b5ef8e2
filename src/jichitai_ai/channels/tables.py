"""Tables of the channels area: encrypted credentials, seen LINE webhook events, LINE users.

LINE user ids are stored only hashed (with the tenant) — enough to keep a resident's chosen
language and to check that a postback belongs to the person who asked.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from jichitai_ai.storage.tables import Base
from jichitai_ai.timeutil import utcnow


class ChannelCredential(Base):
    """A secret of one channel for one tenant (LINE channel secret, access token), sealed."""

    __tablename__ = "channel_credentials"
    __table_args__ = (UniqueConstraint("tenant_id", "channel", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(32))
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LineEvent(Base):
    """A webhook event already accepted: LINE redelivers with the same ``webhookEventId``."""

    __tablename__ = "line_events"
    __table_args__ = (UniqueConstraint("tenant_id", "event_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    event_id: Mapped[str] = mapped_column(String(64))
    #: "received", "done" or "failed" (a failed event is processed again on redelivery).
    status: Mapped[str] = mapped_column(String(16), default="received")
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class LineUser(Base):
    """A LINE friend of one tenant's account, by hashed user id: their chosen language."""

    __tablename__ = "line_users"
    __table_args__ = (UniqueConstraint("tenant_id", "user_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    user_hash: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(16), default="ja")
    #: True once the resident picked a language (the profile's locale no longer applies).
    chosen: Mapped[bool] = mapped_column(default=False)
    #: Last change or last sighting (refreshed at most daily): retention deletes friends not
    #: seen for ``[gateway.retention] line_users_days``.
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SpokenText(Base):
    """読み上げ用テキスト: how an entry is said by the kiosk and the phone, when set by staff."""

    __tablename__ = "voice_spoken_texts"
    __table_args__ = (UniqueConstraint("tenant_id", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(String(2000))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
