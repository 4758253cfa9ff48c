"""Fixtures for the voice channel: a FastAGI server on 127.0.0.1 running the real call flow over core's
in-memory intake, a SQLite call table and a file blob store; the Asterisk emulator plays calls into it."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import create_engine

from channels.voice import fastagi
from channels.voice.asr import SidecarRecognizer
from channels.voice.calendar import TEHRAN, WorkingCalendar
from channels.voice.flow import CallFlow, FlowDeps, FlowSettings, Outcome
from channels.voice.prompts import SpeechCache
from channels.voice.store import VoiceCallStore, create_tables
from core.blobs import FileBlobStore
from core.intake import IntakeService
from core.memory import MemoryUnitOfWorkFactory
from tests.channels.voice.emulator import AsteriskEmulator, Caller, CallLog

# Sunday 8 Azar 1405, 10:00 Tehran: a working day, in office hours.
IN_HOURS = datetime(2026, 11, 29, 10, 0, tzinfo=TEHRAN)
OUT_OF_HOURS = datetime(2026, 11, 29, 22, 0, tzinfo=TEHRAN)
ESFAND_29 = datetime(2027, 3, 20, 10, 0, tzinfo=TEHRAN)  # a Saturday, official holiday (oil nationalization)
TASUA = datetime(2026, 6, 24, 10, 0, tzinfo=TEHRAN)  # a Wednesday, 9 Muharram 1448

CODE = "0012345679"
OTHER_CODE = "1234567891"
SUBJECT_CODE = "0044556675"
DIGIT_WORDS = {"0": "صفر", "1": "یک", "2": "دو", "3": "سه", "4": "چهار", "5": "پنج", "6": "شش", "7": "هفت",
               "8": "هشت", "9": "نه"}


def spoken(code: str) -> str:
    return " ".join(DIGIT_WORDS[d] for d in code)


class FixedClock:
    def __init__(self, at: datetime):
        self.at = at

    def now(self) -> datetime:
        return self.at.astimezone(timezone.utc)


class RecordingNotifier:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str, bool]] = []

    def case_answered(self, case) -> None:
        return None

    def tracking_code_issued(self, phone: str, tracking_code: str, duplicate: bool) -> None:
        self.sent.append((phone, tracking_code, duplicate))


class RecordingJobs:
    def __init__(self) -> None:
        self.jobs: list[tuple[str, dict]] = []

    def enqueue(self, job: str, /, **kwargs: Any) -> str:
        self.jobs.append((job, kwargs))
        return str(len(self.jobs))


@dataclass
class VoiceLine:
    deps: FlowDeps
    tmp: Path
    outcomes: list[Outcome] = field(default_factory=list)
    flows: list[CallFlow] = field(default_factory=list)

    @property
    def intake(self) -> IntakeService:
        return self.deps.intake

    def at(self, when: datetime) -> "VoiceLine":
        self.deps.clock.at = when
        return self

    def settings(self, **changes) -> "VoiceLine":
        self.deps.settings = replace(self.deps.settings, **changes)
        return self

    def play(self, *callers: Caller) -> list[CallLog]:
        return asyncio.run(self._play(callers))

    async def _play(self, callers) -> list[CallLog]:
        finished = asyncio.Queue()

        async def handle(session: fastagi.AgiSession) -> None:
            flow = CallFlow(session, self.deps)
            self.flows.append(flow)
            try:
                self.outcomes.append(await flow.run())
            finally:
                finished.put_nowait(True)

        server = await fastagi.serve(handle, "127.0.0.1", 0, reply_timeout=10)
        port = server.sockets[0].getsockname()[1]
        emulator = AsteriskEmulator("127.0.0.1", port, self.tmp / "rec")
        try:
            logs = await asyncio.gather(*(emulator.call(c) for c in callers))
            for _ in callers:
                await asyncio.wait_for(finished.get(), 10)
        finally:
            server.close()
            await server.wait_closed()
        return list(logs)

    def cases(self):
        with self.intake.uow() as uow:
            return list(uow.store.cases.values())

    def reviews(self):
        with self.intake.uow() as uow:
            return list(uow.store.reviews.values())


@pytest.fixture
def line(tmp_path: Path) -> VoiceLine:
    engine = create_engine(f"sqlite:///{tmp_path / 'voice.db'}", connect_args={"timeout": 30})
    create_tables(engine)
    clock = FixedClock(IN_HOURS)
    intake = IntakeService(uow=MemoryUnitOfWorkFactory(), clock=clock)
    (tmp_path / "rec").mkdir()
    deps = FlowDeps(
        intake=intake, blobs=FileBlobStore(tmp_path / "blobs"), recognizer=SidecarRecognizer(),
        calendar=WorkingCalendar(), clock=clock, notifier=RecordingNotifier(), jobs=RecordingJobs(),
        calls=VoiceCallStore(engine), speech=SpeechCache(tmp_path / "tts"),
        settings=FlowSettings(recordings_dir=tmp_path / "rec", asterisk_recordings_dir=str(tmp_path / "rec"),
                              fixed_wait_s=0),
    )
    return VoiceLine(deps=deps, tmp=tmp_path)
