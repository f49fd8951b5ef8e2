"""gateway: Dify moderation placeholder counters in the database (shared by all workers)

Revision ID: 0209_placeholder_counters
Revises: 0002_gateway
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0209_placeholder_counters"
down_revision = "0002_gateway"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gateway_placeholder_counters",
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("app_id", sa.String(length=100), nullable=False),
        sa.Column("counters", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_gateway_placeholder_counters_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "tenant_id", "username", "app_id", name=op.f("pk_gateway_placeholder_counters")
        ),
    )
    op.create_index(
        op.f("ix_gateway_placeholder_counters_updated_at"),
        "gateway_placeholder_counters",
        ["updated_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_gateway_placeholder_counters_updated_at"),
        table_name="gateway_placeholder_counters",
    )
    op.drop_table("gateway_placeholder_counters")
