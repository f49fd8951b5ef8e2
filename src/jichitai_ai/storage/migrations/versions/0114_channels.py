"""channels: sealed credentials, seen LINE webhook events, LINE users' language, spoken texts

Revision ID: 0114_channels
Revises: 0001_core
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0114_channels"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def _tenant_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["tenant_id"],
        ["tenants.id"],
        name=op.f(f"fk_{table}_tenant_id_tenants"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "channel_credentials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _tenant_fk("channel_credentials"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel_credentials")),
        sa.UniqueConstraint(
            "tenant_id", "channel", "name", name=op.f("uq_channel_credentials_tenant_id")
        ),
    )
    op.create_table(
        "line_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        _tenant_fk("line_events"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_events")),
        sa.UniqueConstraint("tenant_id", "event_id", name=op.f("uq_line_events_tenant_id")),
    )
    op.create_index(op.f("ix_line_events_received_at"), "line_events", ["received_at"])
    op.create_table(
        "line_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("user_hash", sa.String(length=64), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("chosen", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _tenant_fk("line_users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_users")),
        sa.UniqueConstraint("tenant_id", "user_hash", name=op.f("uq_line_users_tenant_id")),
    )
    op.create_table(
        "voice_spoken_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=100), nullable=False),
        sa.Column("text", sa.String(length=2000), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _tenant_fk("voice_spoken_texts"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_voice_spoken_texts")),
        sa.UniqueConstraint(
            "tenant_id", "external_id", name=op.f("uq_voice_spoken_texts_tenant_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("voice_spoken_texts")
    op.drop_table("line_users")
    op.drop_index(op.f("ix_line_events_received_at"), table_name="line_events")
    op.drop_table("line_events")
    op.drop_table("channel_credentials")
