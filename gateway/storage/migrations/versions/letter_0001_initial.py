"""Letter channel: letter_uploads (one row per uploaded scan, from arrival to its outcome).

Revision ID: letter_0001
Revises: 0001_core
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa

revision = "letter_0001"
down_revision = "0001_core"
branch_labels = ("letter",)
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "letter_uploads",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("media_type", sa.String(64), nullable=False),
        sa.Column("blob_id", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("actor", sa.String(128)),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("outcome", sa.String(16)),
        sa.Column("reason", sa.Text),
        sa.Column("tracking_code", sa.String(14)),
        sa.Column("subject_national_code", sa.String(10)),
        sa.Column("writer_national_code", sa.String(10)),
        sa.Column("review_item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite")),
        sa.Column("pages", sa.Integer),
        sa.Column("passes", sa.Integer),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("claimed_at", TS),
        sa.Column("finished_at", TS),
    )
    op.create_index("ix_letter_uploads_blob_id", "letter_uploads", ["blob_id"])
    op.create_index("ix_letter_uploads_state", "letter_uploads", ["state"])


def downgrade() -> None:
    op.drop_index("ix_letter_uploads_state", table_name="letter_uploads")
    op.drop_index("ix_letter_uploads_blob_id", table_name="letter_uploads")
    op.drop_table("letter_uploads")
