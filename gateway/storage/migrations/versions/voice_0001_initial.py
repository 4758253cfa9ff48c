"""Voice channel: one row per call (operator context, transcription queue).

Revision ID: voice_0001
Revises: 0001_core
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa

revision = "voice_0001"
down_revision = "0001_core"
branch_labels = ("voice",)
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "voice_calls",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("call_id", sa.String(64), nullable=False, unique=True),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("ended_at", TS),
        sa.Column("caller_phone", sa.String(20)),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("mode", sa.String(16)),
        sa.Column("national_code", sa.String(10)),
        sa.Column("code_source", sa.String(16)),
        sa.Column("subject_national_code", sa.String(10)),
        sa.Column("code_recording", sa.String(64)),
        sa.Column("subject_recording", sa.String(64)),
        sa.Column("message_recording", sa.String(64)),
        sa.Column("tracking_code", sa.String(14)),
        sa.Column("identity_pending", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("transcription_pending", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_voice_calls_tracking_code", "voice_calls", ["tracking_code"])
    op.create_index("ix_voice_calls_pending", "voice_calls", ["identity_pending", "transcription_pending"])


def downgrade() -> None:
    op.drop_index("ix_voice_calls_pending", table_name="voice_calls")
    op.drop_index("ix_voice_calls_tracking_code", table_name="voice_calls")
    op.drop_table("voice_calls")
