"""change record of console-edited settings (緊急連絡先・他機関)

Emergency contacts and other authorities are edited in the console; each change keeps the
list before and after, with who and when.

Revision ID: 0303h_settings_changes
Revises: 0302l_department_hours
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0303h_settings_changes"
down_revision = "0302l_department_hours"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("username", sa.String(length=150), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_settings_changes_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settings_changes")),
    )
    op.create_index("ix_settings_changes_tenant_id_id", "settings_changes", ["tenant_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_settings_changes_tenant_id_id", table_name="settings_changes")
    op.drop_table("settings_changes")
