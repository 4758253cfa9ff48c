"""Fixtures of the letter channel: the service over core's in-memory fakes and a SQLite letter_uploads table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

from channels.letter.service import LetterService
from channels.letter.store import LetterUpload, LetterUploads
from core.intake import IntakeService
from core.memory import MemoryBlobStore, MemoryUnitOfWorkFactory

TESTDATA = Path(__file__).resolve().parents[3] / "channels" / "letter" / "testdata"


@pytest.fixture
def letter_service() -> LetterService:
    engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    LetterUpload.__table__.create(engine)
    return LetterService(intake=IntakeService(uow=MemoryUnitOfWorkFactory()), blobs=MemoryBlobStore(),
                         uploads=LetterUploads(engine))


def committed_truth() -> dict:
    return json.loads((TESTDATA / "truth.json").read_text(encoding="utf-8"))
