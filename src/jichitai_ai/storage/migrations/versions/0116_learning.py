"""feedback tokens, shown entries, learning lessons and votes

Revision ID: 0116_learning
Revises: 0001_core
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0116_learning"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("feedback_token_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("shown_entry_ids", sa.JSON(), nullable=True))
        batch_op.create_unique_constraint(
            op.f("uq_questions_feedback_token_hash"), ["feedback_token_hash"]
        )
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("client_hash", sa.String(length=64), nullable=False, server_default="")
        )
    op.create_table(
        "learning_lessons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("polarity", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("supporters", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_support_at", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_learning_lessons_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learning_lessons")),
    )
    op.create_index(
        "ix_learning_lessons_tenant_entry", "learning_lessons", ["tenant_id", "entry_id"]
    )
    op.create_table(
        "learning_votes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("lesson_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.Column("client_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lesson_id"],
            ["learning_lessons.id"],
            name=op.f("fk_learning_votes_lesson_id_learning_lessons"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_learning_votes_question_id_questions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_learning_votes_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learning_votes")),
        sa.UniqueConstraint(
            "lesson_id", "client_hash", name=op.f("uq_learning_votes_lesson_id_client_hash")
        ),
    )
    op.create_index(op.f("ix_learning_votes_lesson_id"), "learning_votes", ["lesson_id"])
    op.create_index(op.f("ix_learning_votes_question_id"), "learning_votes", ["question_id"])
    op.create_index(
        "ix_learning_votes_client", "learning_votes", ["tenant_id", "client_hash", "created_at"]
    )
    op.create_index(
        "ix_learning_votes_entry", "learning_votes", ["tenant_id", "entry_id", "created_at"]
    )


def downgrade() -> None:
    op.drop_table("learning_votes")
    op.drop_table("learning_lessons")
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_column("client_hash")
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("uq_questions_feedback_token_hash"), type_="unique")
        batch_op.drop_column("shown_entry_ids")
        batch_op.drop_column("feedback_token_hash")
