"""Core tables: cases, contacts, case events, review items, API keys.

Revision ID: 0001_core
Revises:
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa

revision = "0001_core"
down_revision = None
branch_labels = ("core",)
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("tracking_code", sa.String(14), nullable=False, unique=True),
        sa.Column("identity", sa.String(10)),
        sa.Column("caller_national_code", sa.String(10)),
        sa.Column("caller_phone", sa.String(16)),
        sa.Column("caller_name", sa.Text),
        sa.Column("subject_name", sa.Text),
        sa.Column("relation", sa.String(16)),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("topic", sa.String(64), nullable=False),
        sa.Column("agency", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("answer", sa.Text),
        sa.Column("answered_at", TS),
        sa.Column("flags", sa.String(200), nullable=False),
        sa.Column("merged_into", ID),
    )
    op.create_index("ix_cases_identity_status", "cases", ["identity", "status"])
    op.create_index("ix_cases_agency_status", "cases", ["agency", "status"])
    op.create_index("ix_cases_caller_national_code", "cases", ["caller_national_code"])
    op.create_index("ix_cases_caller_phone", "cases", ["caller_phone"])

    op.create_table(
        "contacts",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("case_id", ID, nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("caller_national_code", sa.String(10)),
        sa.Column("caller_phone", sa.String(16)),
        sa.Column("caller_name", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("external_id", sa.String(200)),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("attachments", sa.JSON, nullable=False),
        sa.UniqueConstraint("channel", "external_id", name="uq_contacts_channel_external_id"),
    )
    op.create_index("ix_contacts_case_id", "contacts", ["case_id"])

    op.create_table(
        "case_events",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("case_id", ID, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("from_value", sa.String(200)),
        sa.Column("to_value", sa.String(200)),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_case_events_case_id", "case_events", ["case_id"])

    op.create_table(
        "review_items",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("caller_phone", sa.String(16)),
        sa.Column("external_id", sa.String(200)),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("attachments", sa.JSON, nullable=False),
        sa.Column("case_id", ID),
        sa.Column("resolved_at", TS),
        sa.Column("resolved_by", sa.String(120)),
    )
    op.create_index("ix_review_items_state_kind", "review_items", ["state", "kind"])
    op.create_index("ix_review_items_phone_kind_state", "review_items", ["caller_phone", "kind", "state"])

    op.create_table(
        "api_keys",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("agency", sa.String(64)),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("revoked_at", TS),
    )


def downgrade() -> None:
    for table in ("api_keys", "review_items", "case_events", "contacts", "cases"):
        op.drop_table(table)
