"""SMS channel tables: received PDUs (sms_inbound), the outbox (sms_outbox) and its submitted parts
(sms_outbox_part). Mirrors channels/sms/store.py.

Revision ID: sms_0001_initial
Revises: 0001_core
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa

revision = "sms_0001_initial"
down_revision = "0001_core"
branch_labels = ("sms",)
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "sms_inbound",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("sender", sa.String(32), nullable=False),
        sa.Column("destination", sa.String(32), nullable=False),
        sa.Column("data_coding", sa.Integer, nullable=False),
        sa.Column("pdu", sa.LargeBinary, nullable=False),
        sa.Column("dedup_key", sa.String(64), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("concat_key", sa.String(96)),
        sa.Column("part_seq", sa.Integer),
        sa.Column("part_total", sa.Integer),
        sa.Column("message_key", sa.String(40)),
        sa.Column("processed_at", TS),
    )
    op.create_index("ix_sms_inbound_dedup_key", "sms_inbound", ["dedup_key"])
    op.create_index("ix_sms_inbound_state", "sms_inbound", ["state"])
    op.create_index("ix_sms_inbound_sender", "sms_inbound", ["sender"])
    op.create_index("ix_sms_inbound_concat_key", "sms_inbound", ["concat_key"])
    op.create_table(
        "sms_outbox",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(96), nullable=False, unique=True),
        sa.Column("destination", sa.String(32), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("next_attempt_at", TS, nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("parts", sa.Integer, nullable=False),
        sa.Column("parts_delivered", sa.Integer, nullable=False),
        sa.Column("last_error", sa.String(200)),
    )
    op.create_index("ix_sms_outbox_next_attempt_at", "sms_outbox", ["next_attempt_at"])
    op.create_index("ix_sms_outbox_state", "sms_outbox", ["state"])
    op.create_table(
        "sms_outbox_part",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("outbox_id", ID, sa.ForeignKey("sms_outbox.id"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("message_id", sa.String(64)),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("submitted_at", TS, nullable=False),
        sa.Column("receipt_state", sa.String(12)),
        sa.UniqueConstraint("outbox_id", "seq", name="uq_sms_outbox_part_seq"),
    )
    op.create_index("ix_sms_outbox_part_outbox_id", "sms_outbox_part", ["outbox_id"])
    op.create_index("ix_sms_outbox_part_message_id", "sms_outbox_part", ["message_id"])


def downgrade() -> None:
    op.drop_table("sms_outbox_part")
    op.drop_table("sms_outbox")
    op.drop_table("sms_inbound")
