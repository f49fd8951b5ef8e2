"""Relational schema of the core engine (SQLAlchemy 2 declarative).

Feature areas (gateway, documents, hoiku) declare their tables in their own
modules on the same :class:`Base` so one Alembic history covers the deployment.
Timestamps are naive UTC (SQLite has no time zones; PostgreSQL gets the same).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from jichitai_ai.timeutil import utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Tenant(Base):
    """自治体 (or 都道府県): the unit of data separation and of inheritance (共同利用)."""

    __tablename__ = "tenants"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("tenants.id"), index=True)
    #: General contact, notice text, languages … (see services.tenants.TenantSettings).
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: Bumped on every content change so cached indexes in any worker are rebuilt.
    content_version: Mapped[int] = mapped_column(Integer, default=0)
    #: Bumped when feedback arrives or is reset, for the learned re-ranking cache.
    learning_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Department(Base):
    """担当課 with its contact, where residents are handed over."""

    __tablename__ = "departments"
    __table_args__ = (UniqueConstraint("tenant_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    hours: Mapped[str] = mapped_column(String(200), default="")
    form_url: Mapped[str] = mapped_column(String(1000), default="")
    #: The department above this one (課 → 部), managed in the departments area.
    parent_id: Mapped[int | None] = mapped_column(Integer)


class FaqEntryRow(Base):
    """An FAQ entry owned by one tenant. Children override a parent's entry by external id."""

    __tablename__ = "faq_entries"
    __table_args__ = (
        UniqueConstraint("tenant_id", "external_id", "language"),
        Index("ix_faq_entries_tenant_status", "tenant_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(16), default="ja")
    question: Mapped[str] = mapped_column(Text)
    alternatives: Mapped[list[Any]] = mapped_column(JSON, default=list)
    answer: Mapped[str] = mapped_column(Text)
    links: Mapped[list[Any]] = mapped_column(JSON, default=list)
    category: Mapped[str] = mapped_column(String(200), default="")
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    source_url: Mapped[str] = mapped_column(String(1000), default="")
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="published")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FaqEntryVersion(Base):
    """Every saved state of an entry, for history and revert."""

    __tablename__ = "faq_entry_versions"
    __table_args__ = (UniqueConstraint("entry_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("faq_entries.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    changed_by: Mapped[str] = mapped_column(String(100), default="")
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    note: Mapped[str] = mapped_column(String(500), default="")


class HiddenEntry(Base):
    """An inherited entry a municipality chose not to show (by external id, all languages)."""

    __tablename__ = "hidden_entries"

    tenant_id: Mapped[int] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    external_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    hidden_by: Mapped[str] = mapped_column(String(100), default="")
    hidden_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SynonymGroup(Base):
    """Terms residents use interchangeably (マイナカード ≈ マイナンバーカード)."""

    __tablename__ = "synonym_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: NULL means the group applies to every tenant.
    tenant_id: Mapped[int | None] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), index=True
    )
    terms: Mapped[list[Any]] = mapped_column(JSON)


class QuestionLog(Base):
    """One question asked, with the decision; stored masked of personal data."""

    __tablename__ = "questions"
    __table_args__ = (Index("ix_questions_tenant_asked", "tenant_id", "asked_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    asked_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    question: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16), default="ja")
    channel: Mapped[str] = mapped_column(String(32), default="api")
    decision: Mapped[str] = mapped_column(String(16))
    answer_entry_id: Mapped[int | None] = mapped_column(Integer)
    top_score: Mapped[float] = mapped_column(Float, default=0.0)
    candidates: Mapped[list[Any]] = mapped_column(JSON, default=list)
    latency_ms: Mapped[float] = mapped_column(Float, default=0.0)
    session_key: Mapped[str] = mapped_column(String(64), default="")
    #: Outcome from feedback: True resolved, False not resolved, None unknown.
    resolved: Mapped[bool | None] = mapped_column(Boolean)
    chosen_entry_id: Mapped[int | None] = mapped_column(Integer)
    #: SHA-256 of the feedback token handed to the asker; feedback must present the token.
    feedback_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    #: Entries the resident actually saw (the answer or the choices): the only ones votable.
    shown_entry_ids: Mapped[list[Any] | None] = mapped_column(JSON)


class FeedbackEvent(Base):
    """A resolved / not-resolved vote or a clarification click, the input of learning."""

    __tablename__ = "feedback"
    __table_args__ = (Index("ix_feedback_tenant_entry", "tenant_id", "entry_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    entry_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    signal: Mapped[float] = mapped_column(Float)
    query_text: Mapped[str] = mapped_column(Text, default="")
    session_key: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(16), default="resident")
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    #: Keyed hash of the voter's network address (not reversible without the server secret).
    client_hash: Mapped[str] = mapped_column(String(64), default="")


class LearningLesson(Base):
    """A cluster of resident questions about one entry (学習した言い換え), for or against it.

    ``supporters`` counts distinct residents (distinct tokens from distinct client addresses);
    ``status``: learning → active (auto, enough residents) or proposed (review policy);
    approved / rejected by an editor.
    """

    __tablename__ = "learning_lessons"
    __table_args__ = (Index("ix_learning_lessons_tenant_entry", "tenant_id", "entry_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    entry_id: Mapped[int] = mapped_column(Integer)
    polarity: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    terms: Mapped[list[Any]] = mapped_column(JSON, default=list)
    supporters: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="learning")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_support_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[str] = mapped_column(String(100), default="")


class LearningVote(Base):
    """One resident's support of one lesson; unique per lesson and client address."""

    __tablename__ = "learning_votes"
    __table_args__ = (
        UniqueConstraint("lesson_id", "client_hash"),
        Index("ix_learning_votes_client", "tenant_id", "client_hash", "created_at"),
        Index("ix_learning_votes_entry", "tenant_id", "entry_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    lesson_id: Mapped[int] = mapped_column(
        ForeignKey("learning_lessons.id", ondelete="CASCADE"), index=True
    )
    entry_id: Mapped[int] = mapped_column(Integer)
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="SET NULL"), index=True
    )
    client_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class EmbeddingCache(Base):
    """Dense vectors per entry and model, so embeddings are computed once per text."""

    __tablename__ = "embeddings"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("faq_entries.id", ondelete="CASCADE"), primary_key=True
    )
    model: Mapped[str] = mapped_column(String(100), primary_key=True)
    text_hash: Mapped[str] = mapped_column(String(64))
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class TenantDecisionModel(Base):
    """A tenant's self-calibrated answer / 更問 / hand-over model (services.tenant_calibration),
    stored so that every worker, started before or after an edit, decides with the same one."""

    __tablename__ = "tenant_decision_models"

    tenant_id: Mapped[int] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    scorer: Mapped[str] = mapped_column(String(200), primary_key=True)
    #: JSON of retrieval._decision_model.DecisionModel; NULL: too few probes to fit one.
    model: Mapped[str | None] = mapped_column(Text, nullable=True)
    entry_count: Mapped[int] = mapped_column(Integer)
    fitted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class User(Base):
    """A staff account (local login; password as an argon2 hash)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Membership(Base):
    """A user's role in one tenant: editor, admin or auditor."""

    __tablename__ = "memberships"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    tenant_id: Mapped[int] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(16))


class ApiKey(Base):
    """A per-user API key; only its SHA-256 is stored."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    #: full / read / gateway (services.auth.KeyScope); older keys are full.
    scope: Mapped[str] = mapped_column(String(16), default="full", server_default="full")


class RevokedSession(Base):
    """A logged-out console session: its signed cookie must not work again before it expires."""

    __tablename__ = "revoked_sessions"

    sid_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class LoginThrottle(Base):
    """Failed-login counter for one key (an account, a client address, or the pair of both).

    Updated under a row lock in its own short transaction, so parallel guesses cannot
    overwrite each other's count (see services.login_guard).
    """

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    blocked_until: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class DeploymentSecret(Base):
    """A secret generated once per deployment and shared by every worker (when none is configured)."""

    __tablename__ = "deployment_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class EntryChangeLog(Base):
    """One changed external id of a tenant: workers replay these to refresh only what changed."""

    __tablename__ = "entry_change_log"
    __table_args__ = (Index("ix_entry_change_log_tenant_id_id", "tenant_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
