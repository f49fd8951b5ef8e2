"""nursery console runs in the database (shared by all workers, expiring)

Revision ID: 0111d_hoiku_runs
Revises: 0111c_api_key_scope
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0111d_hoiku_runs"
down_revision = "0111c_api_key_scope"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hoiku_runs",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("filenames", sa.JSON(), nullable=False),
        sa.Column("files", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("assignment", sa.JSON(), nullable=True),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("optimal", sa.Boolean(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("wall_seconds", sa.Float(), nullable=False),
        sa.Column("run_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_hoiku_runs_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hoiku_runs")),
    )
    op.create_index(op.f("ix_hoiku_runs_tenant_id"), "hoiku_runs", ["tenant_id"], unique=False)
    op.create_index(op.f("ix_hoiku_runs_expires_at"), "hoiku_runs", ["expires_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_hoiku_runs_expires_at"), table_name="hoiku_runs")
    op.drop_index(op.f("ix_hoiku_runs_tenant_id"), table_name="hoiku_runs")
    op.drop_table("hoiku_runs")
