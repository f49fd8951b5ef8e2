"""gateway: hash-chained audit log, its head, requests held for review

Revision ID: 0002_gateway
Revises: 0001_core
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_gateway"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gateway_audit",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=True),
        sa.Column("tenant_slug", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("decision", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=100), nullable=False),
        sa.Column("backend", sa.String(length=100), nullable=False),
        sa.Column("data_class", sa.String(length=4), nullable=False),
        sa.Column("purpose", sa.String(length=100), nullable=False),
        sa.Column("entity_counts", sa.JSON(), nullable=False),
        sa.Column("persons", sa.Integer(), nullable=False),
        sa.Column("prompt_tokens", sa.Integer(), nullable=False),
        sa.Column("completion_tokens", sa.Integer(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("signature", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_gateway_audit")),
    )
    with op.batch_alter_table("gateway_audit", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_gateway_audit_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index(
            "ix_gateway_audit_tenant_created", ["tenant_id", "created_at"], unique=False
        )

    op.create_table(
        "gateway_audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gateway_audit_head")),
    )

    op.create_table(
        "gateway_reviews",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("data_class", sa.String(length=4), nullable=False),
        sa.Column("backend", sa.String(length=100), nullable=False),
        sa.Column("purpose", sa.String(length=100), nullable=False),
        sa.Column("entity_counts", sa.JSON(), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.Column("decided_by", sa.String(length=100), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("audit_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_gateway_reviews_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gateway_reviews")),
    )
    with op.batch_alter_table("gateway_reviews", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_gateway_reviews_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index(
            "ix_gateway_reviews_tenant_status", ["tenant_id", "status"], unique=False
        )

    _append_only()


def _append_only() -> None:
    """Refuse UPDATE on the audit log in the database itself (DELETE stays possible for
    retention). Someone with DDL rights can still drop the trigger; the hash chain is what
    detects that. Note: a later SQLite batch migration of this table must re-create it."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE TRIGGER gateway_audit_append_only BEFORE UPDATE ON gateway_audit "
            "BEGIN SELECT RAISE(ABORT, 'gateway_audit is append-only'); END"
        )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION gateway_audit_no_update() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'gateway_audit is append-only'; END; $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER gateway_audit_append_only BEFORE UPDATE ON gateway_audit "
            "FOR EACH ROW EXECUTE FUNCTION gateway_audit_no_update()"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS gateway_audit_append_only")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS gateway_audit_append_only ON gateway_audit")
        op.execute("DROP FUNCTION IF EXISTS gateway_audit_no_update()")
    with op.batch_alter_table("gateway_reviews", schema=None) as batch_op:
        batch_op.drop_index("ix_gateway_reviews_tenant_status")
        batch_op.drop_index(batch_op.f("ix_gateway_reviews_created_at"))
    op.drop_table("gateway_reviews")
    op.drop_table("gateway_audit_head")
    with op.batch_alter_table("gateway_audit", schema=None) as batch_op:
        batch_op.drop_index("ix_gateway_audit_tenant_created")
        batch_op.drop_index(batch_op.f("ix_gateway_audit_created_at"))
    op.drop_table("gateway_audit")
