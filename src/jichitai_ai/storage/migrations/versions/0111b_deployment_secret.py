"""one generated secret shared by all workers when JICHITAI_SECRET_KEY is not set

Revision ID: 0111b_deployment_secret
Revises: 0111_login_throttle
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0111b_deployment_secret"
down_revision = "0111_login_throttle"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deployment_secrets",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_deployment_secrets")),
    )


def downgrade() -> None:
    op.drop_table("deployment_secrets")
