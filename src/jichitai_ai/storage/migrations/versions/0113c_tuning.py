"""tuning: questions editors handled (dismissed or added as 言い換え)

Revision ID: 0113c_tuning
Revises: 0113b_departments
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0113c_tuning"
down_revision = "0113b_departments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handled_questions",
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("handled_by", sa.String(length=100), nullable=False),
        sa.Column("handled_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_handled_questions_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_handled_questions_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("question_id", name=op.f("pk_handled_questions")),
    )
    op.create_index(
        op.f("ix_handled_questions_tenant_id"), "handled_questions", ["tenant_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_handled_questions_tenant_id"), table_name="handled_questions")
    op.drop_table("handled_questions")
