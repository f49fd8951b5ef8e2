"""departments as records: parent department, editors scoped to departments

Revision ID: 0113b_departments
Revises: 0113_approval
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0113b_departments"
down_revision = "0113_approval"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("departments", sa.Column("parent_id", sa.Integer(), nullable=True))
    op.create_table(
        "editor_departments",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_editor_departments_department_id_departments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_editor_departments_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "department_id", name=op.f("pk_editor_departments")),
    )


def downgrade() -> None:
    op.drop_table("editor_departments")
    with op.batch_alter_table("departments") as batch:
        batch.drop_column("parent_id")
