"""department opening hours in residents' languages

A translated entry shows its department's name in its language (0301f); the 受付時間 stayed
Japanese (平日 8:30〜17:15…) on an English or Chinese card although the translation file
gives them translated. Empty: the Japanese hours are shown, marked as Japanese.

Revision ID: 0302l_department_hours
Revises: 0301f_department_names
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0302l_department_hours"
down_revision = "0301f_department_names"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("department_names") as batch:
        batch.add_column(
            sa.Column("hours", sa.String(length=200), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("department_names") as batch:
        batch.drop_column("hours")
