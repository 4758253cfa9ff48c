"""SQLModel tables of core's case model. Indexes are chosen for the two hot reads:
dedup (identity → its live cases) and follow-up (tracking code → case), which stay index lookups
at 10 million cases."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import JSON, BigInteger, Column, DateTime, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


# 64-bit ids on PostgreSQL; on SQLite only INTEGER PRIMARY KEY is the auto-numbered rowid.
ID = BigInteger().with_variant(Integer(), "sqlite")


def _ts(nullable: bool = False) -> Any:
    return Field(sa_column=Column(DateTime(timezone=True), nullable=nullable))


class CaseRow(SQLModel, table=True):
    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_identity_status", "identity", "status"),
        Index("ix_cases_agency_status", "agency", "status"),
        Index("ix_cases_caller_national_code", "caller_national_code"),
        Index("ix_cases_caller_phone", "caller_phone"),
    )

    id: Optional[int] = Field(default=None, sa_column=Column(ID, primary_key=True, autoincrement=True))
    tracking_code: str = Field(max_length=14, unique=True, nullable=False)
    identity: Optional[str] = Field(default=None, max_length=10)
    caller_national_code: Optional[str] = Field(default=None, max_length=10)
    caller_phone: Optional[str] = Field(default=None, max_length=16)
    caller_name: Optional[str] = Field(default=None, sa_column=Column(Text))
    subject_name: Optional[str] = Field(default=None, sa_column=Column(Text))
    relation: Optional[str] = Field(default=None, max_length=16)
    channel: str = Field(max_length=16)
    text: str = Field(sa_column=Column(Text, nullable=False))
    topic: str = Field(max_length=64)
    agency: str = Field(max_length=64)
    status: str = Field(max_length=16)
    created_at: datetime = _ts()
    updated_at: datetime = _ts()
    answer: Optional[str] = Field(default=None, sa_column=Column(Text))
    answered_at: Optional[datetime] = _ts(nullable=True)
    flags: str = Field(default="", max_length=200)
    merged_into: Optional[int] = Field(default=None, sa_column=Column(ID, nullable=True))


class ContactRow(SQLModel, table=True):
    __tablename__ = "contacts"
    __table_args__ = (
        # Idempotency: the same (channel, external_id) is recorded once (NULLs are not equal: no key, no limit).
        UniqueConstraint("channel", "external_id", name="uq_contacts_channel_external_id"),
        Index("ix_contacts_case_id", "case_id"),
    )

    id: Optional[int] = Field(default=None, sa_column=Column(ID, primary_key=True, autoincrement=True))
    case_id: int = Field(sa_column=Column(ID, nullable=False))
    channel: str = Field(max_length=16)
    outcome: str = Field(max_length=16)
    caller_national_code: Optional[str] = Field(default=None, max_length=10)
    caller_phone: Optional[str] = Field(default=None, max_length=16)
    caller_name: Optional[str] = Field(default=None, sa_column=Column(Text))
    text: str = Field(sa_column=Column(Text, nullable=False))
    external_id: Optional[str] = Field(default=None, max_length=200)
    received_at: datetime = _ts()
    attachments: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class CaseEventRow(SQLModel, table=True):
    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_case_id", "case_id"),)

    id: Optional[int] = Field(default=None, sa_column=Column(ID, primary_key=True, autoincrement=True))
    case_id: int = Field(sa_column=Column(ID, nullable=False))
    kind: str = Field(max_length=32)
    actor: str = Field(max_length=120)
    at: datetime = _ts()
    from_value: Optional[str] = Field(default=None, max_length=200)
    to_value: Optional[str] = Field(default=None, max_length=200)
    note: Optional[str] = Field(default=None, sa_column=Column(Text))


class ReviewItemRow(SQLModel, table=True):
    __tablename__ = "review_items"
    __table_args__ = (
        Index("ix_review_items_state_kind", "state", "kind"),
        Index("ix_review_items_phone_kind_state", "caller_phone", "kind", "state"),
    )

    id: Optional[int] = Field(default=None, sa_column=Column(ID, primary_key=True, autoincrement=True))
    kind: str = Field(max_length=32)
    channel: str = Field(max_length=16)
    reason: str = Field(sa_column=Column(Text, nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = _ts()
    state: str = Field(max_length=16)
    caller_phone: Optional[str] = Field(default=None, max_length=16)
    external_id: Optional[str] = Field(default=None, max_length=200)
    fields: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    attachments: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    case_id: Optional[int] = Field(default=None, sa_column=Column(ID, nullable=True))
    resolved_at: Optional[datetime] = _ts(nullable=True)
    resolved_by: Optional[str] = Field(default=None, max_length=120)


class ApiKeyRow(SQLModel, table=True):
    __tablename__ = "api_keys"

    id: Optional[int] = Field(default=None, sa_column=Column(ID, primary_key=True, autoincrement=True))
    name: str = Field(max_length=120)
    role: str = Field(max_length=16)
    agency: Optional[str] = Field(default=None, max_length=64)
    key_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = _ts()
    revoked_at: Optional[datetime] = _ts(nullable=True)
