"""The voice channel's own table: one row per call (`voice_calls`).

It is the operator's view of a call: the context shown while a call waits in the operators' queue
(caller, recognized national code, recordings), and the transcription queue (cases registered
«identity pending» or «transcription pending» with their audio). Cases themselves live in core's tables.
Migration: gateway/storage/migrations/versions/voice_0001_initial.py.
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlmodel import Field, Session, SQLModel, select

TS = sa.DateTime(timezone=True)


class VoiceCall(SQLModel, table=True):
    __tablename__ = "voice_calls"

    id: int | None = Field(default=None, primary_key=True)
    call_id: str = Field(max_length=64, sa_column_kwargs={"unique": True, "nullable": False})
    started_at: datetime = Field(sa_type=TS)
    ended_at: datetime | None = Field(default=None, sa_type=TS)
    caller_phone: str | None = Field(default=None, max_length=20)
    state: str = Field(default="greeting", max_length=32)  # last state of the flow
    outcome: str = Field(default="in_progress", max_length=32)  # see flow.Outcome
    mode: str | None = Field(default=None, max_length=16)  # operator | recorded
    national_code: str | None = Field(default=None, max_length=10)  # caller's, as recognized/keyed
    code_source: str | None = Field(default=None, max_length=16)  # spoken | keypad
    subject_national_code: str | None = Field(default=None, max_length=10)
    code_recording: str | None = Field(default=None, max_length=64)  # blob ids
    subject_recording: str | None = Field(default=None, max_length=64)
    message_recording: str | None = Field(default=None, max_length=64)
    tracking_code: str | None = Field(default=None, max_length=14, index=True)
    identity_pending: bool = Field(default=False)
    transcription_pending: bool = Field(default=False)


def _now() -> datetime:
    return datetime.now(timezone.utc)


class VoiceCallStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    def save(self, call: VoiceCall) -> VoiceCall:
        """Insert or update by call_id (the Asterisk uniqueid)."""
        with Session(self.engine, expire_on_commit=False) as session:
            row = session.exec(select(VoiceCall).where(VoiceCall.call_id == call.call_id)).first()
            data = call.model_dump(exclude={"id"})
            if row is None:
                row = VoiceCall(**data)
            else:
                for key, value in data.items():
                    setattr(row, key, value)
            session.add(row)
            session.commit()
            session.refresh(row)
            return row

    def get(self, call_id: str) -> VoiceCall | None:
        with Session(self.engine, expire_on_commit=False) as session:
            return session.exec(select(VoiceCall).where(VoiceCall.call_id == call_id)).first()

    def by_tracking_code(self, tracking_code: str) -> VoiceCall | None:
        with Session(self.engine, expire_on_commit=False) as session:
            return session.exec(select(VoiceCall).where(VoiceCall.tracking_code == tracking_code)).first()

    def references(self, blob_id: str) -> bool:
        """True when a call holds this recording (the API serves only voice recordings)."""
        with Session(self.engine) as session:
            query = select(VoiceCall.id).where(sa.or_(
                VoiceCall.code_recording == blob_id, VoiceCall.subject_recording == blob_id,
                VoiceCall.message_recording == blob_id)).limit(1)
            return session.exec(query).first() is not None

    def pending(self, *, limit: int = 50, offset: int = 0) -> list[VoiceCall]:
        """Registered calls waiting for an operator's transcription (identity or message)."""
        with Session(self.engine, expire_on_commit=False) as session:
            query = (select(VoiceCall)
                     .where(VoiceCall.tracking_code.is_not(None))
                     .where(sa.or_(VoiceCall.identity_pending, VoiceCall.transcription_pending))
                     .order_by(VoiceCall.started_at).offset(offset).limit(limit))
            return list(session.exec(query).all())

    def update_pending(self, tracking_code: str, *, identity_pending: bool | None = None,
                       transcription_pending: bool | None = None, national_code: str | None = None) -> None:
        with Session(self.engine) as session:
            row = session.exec(select(VoiceCall).where(VoiceCall.tracking_code == tracking_code)).first()
            if row is None:
                return
            if identity_pending is not None:
                row.identity_pending = identity_pending
            if transcription_pending is not None:
                row.transcription_pending = transcription_pending
            if national_code is not None:
                row.national_code = row.national_code or national_code
            session.add(row)
            session.commit()


def create_tables(engine: Engine) -> None:
    """For tests without migrations; deployments run `dargah db upgrade`."""
    VoiceCall.__table__.create(engine, checkfirst=True)
