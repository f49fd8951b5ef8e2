"""token buckets of the rate limits, shared by every worker (services.rate_buckets)

Revision ID: 0211_rate_buckets
Revises: 0111e_entry_change_log
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0211_rate_buckets"
down_revision = "0111e_entry_change_log"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_buckets",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("tokens", sa.Float(), nullable=False),
        sa.Column("stamp", sa.Float(), nullable=False),
        sa.Column("allowed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_buckets")),
    )
    op.create_index(op.f("ix_rate_buckets_stamp"), "rate_buckets", ["stamp"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_rate_buckets_stamp"), table_name="rate_buckets")
    op.drop_table("rate_buckets")
