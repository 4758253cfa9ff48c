"""`dargah voice` as a process: migrates, listens on DARGAH_AGI_PORT, plays a whole call from the emulator."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.channels.voice.conftest import CODE, spoken
from tests.channels.voice.emulator import AsteriskEmulator, Caller, Speech

ROOT = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_dargah_voice_process(tmp_path):
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DARGAH_DATA_DIR": str(tmp_path), "DARGAH_AGI_HOST": "127.0.0.1",
           "DARGAH_AGI_PORT": str(port), "DARGAH_VOICE_RECOGNIZER": "sidecar", "DARGAH_VOICE_FIXED_WAIT": "0",
           "DARGAH_VOICE_WORKDAYS": "mon,tue,wed,thu,fri,sat,sun", "DARGAH_VOICE_OFFICE_HOURS": "00:00-23:59"}
    env.pop("DARGAH_DATABASE_URL", None)
    env.pop("DARGAH_REDIS_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "gateway.cli", "voice"], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert proc.poll() is None, proc.stdout.read().decode()
                assert time.monotonic() < deadline, "dargah voice did not start listening"
                time.sleep(0.2)
        caller = Caller(keys=["1", "2", "1", "1"], speech=[Speech(spoken(CODE)), Speech("آب خیابان ما قطع است.")])
        emulator = AsteriskEmulator("127.0.0.1", port, tmp_path / "voice" / "recordings")
        log = asyncio.run(emulator.call(caller))
        assert len(log.said_digits) == 3 and log.said_digits[0] == CODE
        tracking_code = log.said_digits[1]
        engine = create_engine(f"sqlite:///{tmp_path / 'dargah.db'}")
        deadline = time.monotonic() + 10
        while True:  # the call row is written as the call ends
            with engine.connect() as conn:
                row = conn.execute(text("SELECT outcome FROM voice_calls WHERE tracking_code = :t"),
                                   {"t": tracking_code}).first()
                case = conn.execute(text("SELECT identity FROM cases WHERE tracking_code = :t"),
                                    {"t": tracking_code}).first()
            if row and row[0] == "registered":
                break
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert case[0] == CODE
        engine.dispose()
    finally:
        proc.terminate()
        proc.wait(10)
