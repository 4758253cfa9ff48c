"""The letter channel's own table: one row per uploaded file, from arrival to its outcome.

The upload answers at once with this row's id; the OCR job fills in the outcome. National codes kept
here are the ones the letter was registered under (shown to operators); logs never carry them.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Optional

from sqlalchemy import BigInteger, Column, DateTime, Engine, Index, Integer, Text, select
from sqlmodel import Field, Session, SQLModel

QUEUED, PROCESSING, DONE = "queued", "processing", "done"
OUTCOMES = ("registered", "duplicate", "needs_review", "rejected")


def _ts(nullable: bool = False) -> Any:
    return Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=nullable))


class LetterUpload(SQLModel, table=True):
    __tablename__ = "letter_uploads"
    __table_args__ = (Index("ix_letter_uploads_blob_id", "blob_id"), Index("ix_letter_uploads_state", "state"))

    id: str = Field(primary_key=True, max_length=32)
    file_name: str = Field(max_length=255)
    media_type: str = Field(max_length=64)
    blob_id: str = Field(max_length=64)  # sha256 of the original file in the blob store
    size: int = Field(sa_column=Column(Integer, nullable=False))
    source: str = Field(max_length=16)  # "api" | "cli" | "watch"
    actor: Optional[str] = Field(default=None, max_length=128)
    state: str = Field(default=QUEUED, max_length=16)
    outcome: Optional[str] = Field(default=None, max_length=16)
    reason: Optional[str] = Field(default=None, sa_column=Column(Text))  # English, for operators
    tracking_code: Optional[str] = Field(default=None, max_length=14)
    subject_national_code: Optional[str] = Field(default=None, max_length=10)
    writer_national_code: Optional[str] = Field(default=None, max_length=10)
    review_item_id: Optional[int] = Field(default=None, sa_column=Column(BigInteger().with_variant(Integer(), "sqlite")))
    pages: Optional[int] = Field(default=None)
    passes: Optional[int] = Field(default=None)
    created_at: datetime = _ts()
    claimed_at: Optional[datetime] = _ts(nullable=True)
    finished_at: Optional[datetime] = _ts(nullable=True)


def new_upload_id() -> str:
    return uuid.uuid4().hex


class LetterUploads:
    """Repository of letter_uploads over a SQLAlchemy engine (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def add(self, upload: LetterUpload) -> LetterUpload:
        with Session(self.engine, expire_on_commit=False) as session:
            session.add(upload)
            session.commit()
        return upload

    def get(self, upload_id: str) -> LetterUpload | None:
        with Session(self.engine, expire_on_commit=False) as session:
            return session.get(LetterUpload, upload_id)

    def save(self, upload: LetterUpload) -> LetterUpload:
        with Session(self.engine, expire_on_commit=False) as session:
            merged = session.merge(upload)
            session.commit()
            return merged

    def claim(self, upload_id: str, now: datetime, *, stale: bool = False) -> bool:
        """Move a queued upload to processing (or, with stale=True, take over one left processing); False when
        it was not in that state (another worker has it, or it is done)."""
        from sqlalchemy import update

        state = PROCESSING if stale else QUEUED
        with Session(self.engine) as session:
            result = session.execute(update(LetterUpload).where(LetterUpload.id == upload_id,
                                                                LetterUpload.state == state)
                                     .values(state=PROCESSING, claimed_at=now))
            session.commit()
            return result.rowcount == 1

    def done_with_blob(self, blob_id: str, exclude: str) -> LetterUpload | None:
        """An earlier upload of the very same file that already has its outcome."""
        with Session(self.engine, expire_on_commit=False) as session:
            return session.execute(
                select(LetterUpload).where(LetterUpload.blob_id == blob_id, LetterUpload.state == DONE,
                                           LetterUpload.id != exclude).order_by(LetterUpload.created_at).limit(1)
            ).scalars().first()

    def recent(self, limit: int = 50) -> list[LetterUpload]:
        with Session(self.engine, expire_on_commit=False) as session:
            return list(session.execute(select(LetterUpload).order_by(LetterUpload.created_at.desc()).limit(limit))
                        .scalars())
