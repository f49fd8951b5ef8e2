"""documents: OCR lines with confidence and the review queue

Revision ID: 0115_ocr_lines
Revises: 0003_documents
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0115_ocr_lines"
down_revision = "0003_documents"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_ocr_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("corrected", sa.Text(), nullable=False),
        sa.Column("reviewed_by", sa.String(length=100), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_document_ocr_lines_document",
        "document_ocr_lines",
        ["document_id", "page", "number"],
    )
    op.create_index("ix_document_ocr_lines_status", "document_ocr_lines", ["status"])


def downgrade() -> None:
    op.drop_index("ix_document_ocr_lines_status", table_name="document_ocr_lines")
    op.drop_index("ix_document_ocr_lines_document", table_name="document_ocr_lines")
    op.drop_table("document_ocr_lines")
