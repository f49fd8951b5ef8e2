"""API key scopes: full, read, gateway

Revision ID: 0111c_api_key_scope
Revises: 0111b_deployment_secret
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0111c_api_key_scope"
down_revision = "0111b_deployment_secret"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("api_keys") as batch:
        batch.add_column(
            sa.Column("scope", sa.String(length=16), nullable=False, server_default="full")
        )


def downgrade() -> None:
    with op.batch_alter_table("api_keys") as batch:
        batch.drop_column("scope")
