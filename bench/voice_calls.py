"""Whole emulated calls over TCP against the FastAGI server and the real flow (in-memory intake, SQLite call
table, file blobs, stand-in recognizer): calls per second at several concurrency levels (prints figures).
Run: PYTHONPATH=. python bench/voice_calls.py"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the emulator lives in tests/

from channels.voice.asr import SidecarRecognizer
from channels.voice.calendar import WorkingCalendar
from channels.voice.flow import FlowDeps, FlowSettings
from channels.voice.prompts import SpeechCache
from channels.voice.store import VoiceCallStore, create_tables
from core.blobs import FileBlobStore
from core.identity import national_code_check_digit
from core.intake import IntakeService
from core.memory import MemoryUnitOfWorkFactory
from gateway.storage.database import make_engine
from tests.channels.voice.conftest import IN_HOURS, FixedClock, RecordingJobs, RecordingNotifier, VoiceLine, spoken
from tests.channels.voice.emulator import Caller, Speech, speech_wav


def code(i: int) -> str:
    nine = f"{100000000 + i:09d}"
    return nine + str(national_code_check_digit(nine))


def line(tmp: Path) -> VoiceLine:
    # The engine `dargah voice` gets on the embedded default (WAL, BEGIN IMMEDIATE): the call table is written at
    # every step of every call, and a plain SQLite engine serializes readers behind those writes.
    engine = make_engine(f"sqlite:///{tmp / 'voice.db'}")
    create_tables(engine)
    clock = FixedClock(IN_HOURS)
    (tmp / "rec").mkdir(exist_ok=True)
    deps = FlowDeps(
        intake=IntakeService(uow=MemoryUnitOfWorkFactory(), clock=clock), blobs=FileBlobStore(tmp / "blobs"),
        recognizer=SidecarRecognizer(), calendar=WorkingCalendar(), clock=clock, notifier=RecordingNotifier(),
        jobs=RecordingJobs(), calls=VoiceCallStore(engine), speech=SpeechCache(tmp / "tts"),
        settings=FlowSettings(recordings_dir=tmp / "rec", asterisk_recordings_dir=str(tmp / "rec"), fixed_wait_s=0),
    )
    return VoiceLine(deps=deps, tmp=tmp)


def main() -> None:
    message = "سلام. خیابان ما سه روز است که آب ندارد."
    for n in (1, 8, 32):
        with tempfile.TemporaryDirectory() as tmp:
            voice = line(Path(tmp))
            callers = [Caller(keys=["1", "2", "1", "1"], speech=[Speech(spoken(code(i))), Speech(message)],
                              uniqueid=f"bench.{i}") for i in range(n * 4)]
            for c in callers:  # synthesize audio up front: the benchmark measures the channel, not espeak
                speech_wav(c.speech[0].transcript)
            speech_wav(message)
            start = time.perf_counter()
            for batch in range(4):
                voice.play(*callers[batch * n:(batch + 1) * n])
            elapsed = time.perf_counter() - start
            done = sum(1 for o in voice.outcomes if o.value == "registered")
            print(f"voice calls: concurrency {n:>2}: {len(callers)} whole calls ({done} registered) in "
                  f"{elapsed:.2f} s = {len(callers) / elapsed:.1f} calls/s")


if __name__ == "__main__":
    main()
