"""approval flow: changes waiting for approval (承認フロー)

Revision ID: 0113_approval
Revises: 0001_core
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0113_approval"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entry_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("authors", sa.JSON(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=100), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("review_comment", sa.Text(), nullable=False),
        sa.Column("publish_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["faq_entries.id"],
            name=op.f("fk_entry_changes_entry_id_faq_entries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_entry_changes_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entry_changes")),
    )
    op.create_index(op.f("ix_entry_changes_entry_id"), "entry_changes", ["entry_id"], unique=False)
    op.create_index(
        "ix_entry_changes_tenant_state", "entry_changes", ["tenant_id", "state"], unique=False
    )
    open_states = sa.text("state IN ('draft', 'pending', 'scheduled')")
    op.create_index(
        "uq_entry_changes_open",
        "entry_changes",
        ["entry_id"],
        unique=True,
        sqlite_where=open_states,
        postgresql_where=open_states,
    )


def downgrade() -> None:
    op.drop_index("uq_entry_changes_open", table_name="entry_changes")
    op.drop_index("ix_entry_changes_tenant_state", table_name="entry_changes")
    op.drop_index(op.f("ix_entry_changes_entry_id"), table_name="entry_changes")
    op.drop_table("entry_changes")
