"""per-tenant change log of FAQ external ids, replayed by workers to refresh their index

Revision ID: 0111e_entry_change_log
Revises: 0111d_hoiku_runs
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0111e_entry_change_log"
down_revision = "0111d_hoiku_runs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entry_change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_entry_change_log_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entry_change_log")),
    )
    op.create_index("ix_entry_change_log_tenant_id_id", "entry_change_log", ["tenant_id", "id"])
    op.create_index(op.f("ix_entry_change_log_created_at"), "entry_change_log", ["created_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_entry_change_log_created_at"), table_name="entry_change_log")
    op.drop_index("ix_entry_change_log_tenant_id_id", table_name="entry_change_log")
    op.drop_table("entry_change_log")
