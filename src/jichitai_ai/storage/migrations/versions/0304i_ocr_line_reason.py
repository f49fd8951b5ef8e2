"""OCR lines: why a line waits for review beyond its confidence

「第二条」 read as 「第-条」 at confidence 90 was never queued. A structure heading with an
unreadable number is now queued whatever its confidence ("structure"), or repaired from the
headings around it and queued for confirmation ("repaired", 自動補正; the repair is in
``corrected``, the text as read stays in ``text``). Empty: queued for low confidence, or not queued.

Revision ID: 0304i_ocr_line_reason
Revises: 0115_ocr_lines (the documents chain: document_ocr_lines is created there)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0304i_ocr_line_reason"
down_revision = "0115_ocr_lines"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document_ocr_lines") as batch:
        batch.add_column(
            sa.Column("reason", sa.String(length=16), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("document_ocr_lines") as batch:
        batch.drop_column("reason")
