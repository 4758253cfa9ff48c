"""Fixtures: the node-smpp SMSC (tests/channels/sms/smsc/server.js) over TCP on 127.0.0.1, and a running
`dargah sms` runner in a background thread with its own event loop."""

from __future__ import annotations

import asyncio
import json
import shutil
import socket
import subprocess
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from channels.sms.esme import BindConfig, BindMode
from channels.sms.runner import SmsRunner
from channels.sms.service import SmsChannel, SmsConfig, SmsNotifier
from channels.sms.store import SmsStore, create_tables
from core.intake import IntakeService
from core.memory import MemoryUnitOfWorkFactory

SMSC_DIR = Path(__file__).parent / "smsc"
SYSTEM_ID, PASSWORD = "dargah", "secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout: float = 10.0, interval: float = 0.02):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout}s")
        time.sleep(interval)


class Smsc:
    """The node SMSC process and its control line."""

    def __init__(self, port: int | None = None, tls: tuple[str, str] | None = None):
        self.port = port or free_port()
        self.tls = tls
        self.proc: subprocess.Popen | None = None
        self.control: socket.socket | None = None

    def start(self) -> "Smsc":
        self.proc = subprocess.Popen(
            [shutil.which("node") or "node", str(SMSC_DIR / "server.js"), "--port", str(self.port),
             "--system-id", SYSTEM_ID, "--password", PASSWORD,
             *(["--tls-key", self.tls[0], "--tls-cert", self.tls[1]] if self.tls else [])],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=SMSC_DIR,
        )
        line = self.proc.stdout.readline().split()
        if not line or line[0] != "READY":
            raise RuntimeError("SMSC did not start: " + self.proc.stderr.read())
        self.control = socket.create_connection(("127.0.0.1", int(line[2])))
        self._file = self.control.makefile("rw", encoding="utf-8")
        return self

    def ctl(self, cmd: str, **kwargs) -> dict:
        self._file.write(json.dumps({"cmd": cmd, **kwargs}) + "\n")
        self._file.flush()
        return json.loads(self._file.readline())

    def deliver(self, wait: bool = True, **pdu) -> dict:
        return self.ctl("deliver", pdu=pdu, wait=wait)

    def submits(self) -> list[dict]:
        return [s for s in self.ctl("submits")["submits"] if not s.get("dropped")]

    def wait_submits(self, n: int, timeout: float = 10000) -> list[dict]:
        result = self.ctl("wait_submits", n=n, timeout=timeout)
        assert not result.get("timeout"), f"only {len(result['submits'])} of {n} submit_sm arrived"
        return result["submits"]

    def stop(self) -> None:
        if self.control:
            self.control.close()
            self.control = None
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="session")
def node_modules() -> Path:
    """npm install once, only when node_modules is missing (offline-safe afterwards)."""
    if shutil.which("node") is None:
        pytest.skip("Node.js is not installed")
    modules = SMSC_DIR / "node_modules" / "smpp"
    if not modules.exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund"], cwd=SMSC_DIR, check=True,
                       capture_output=True, timeout=300)
    return modules


@pytest.fixture
def smsc(node_modules):
    server = Smsc().start()
    yield server
    server.stop()


class OffsetClock:
    """Real time plus an offset the test can advance (for the 24-hour hold window)."""

    def __init__(self):
        self.offset = timedelta()

    def now(self) -> datetime:
        return datetime.now(timezone.utc) + self.offset


class Harness:
    """A running SMS process bound to the SMSC, on in-memory core fakes and a SQLite file for sms_ tables."""

    def __init__(self, tmp_path: Path, port: int, *, password: str = PASSWORD, mode: BindMode = BindMode.TRANSCEIVER,
                 intake: IntakeService | None = None, engine: sa.Engine | None = None, **config):
        self.clock = OffsetClock()
        if engine is None:
            engine = sa.create_engine(f"sqlite:///{tmp_path}/sms.db", connect_args={"timeout": 30})
        create_tables(engine)
        self.engine = engine
        self.store = SmsStore(engine)
        self.intake = intake or IntakeService(MemoryUnitOfWorkFactory(), clock=self.clock,
                                              notifier=SmsNotifier(self.store, self.clock))
        self.bind = BindConfig(host="127.0.0.1", port=port, system_id=SYSTEM_ID, password=password, mode=mode,
                               enquire_link_interval=config.pop("enquire_link_interval", 5.0),
                               response_timeout=config.pop("response_timeout", 3.0), reconnect_min=0.1,
                               reconnect_max=0.5, tls=config.pop("tls", False), tls_ca=config.pop("tls_ca", None))
        defaults = dict(short_code="1111", mt_rate=200.0, part_timeout=timedelta(seconds=0.5), retry_base=0.2)
        self.config = SmsConfig(**{**defaults, **config})
        self.channel = SmsChannel(self.intake, self.store, self.config, self.clock)
        self.loop = asyncio.new_event_loop()
        self.runner = SmsRunner(self.channel, self.bind)
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def start(self) -> "Harness":
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.runner.start(), self.loop).result(5)
        return self

    def wait_bound(self, timeout: float = 10.0) -> None:
        wait_until(lambda: self.runner.esme.bound.is_set(), timeout)

    def stop(self) -> None:
        if not self.thread.is_alive():
            return
        try:
            asyncio.run_coroutine_threadsafe(self.runner.stop(), self.loop).result(10)
        except TimeoutError:
            import faulthandler, sys
            faulthandler.dump_traceback(sys.stderr)
            for task in asyncio.all_tasks(self.loop):
                task.print_stack(file=sys.stderr)
            raise
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(5)

    # helpers ---------------------------------------------------------------
    def outbox(self, **where) -> list[dict]:
        return self.store.outbox(**where)

    def wait_outbox(self, n: int, timeout: float = 10.0) -> list[dict]:
        return wait_until(lambda: (rows := self.outbox()) and len(rows) >= n and rows, timeout)

    def cases(self):
        return self.intake.search(limit=1000)


@pytest.fixture
def sqlite_services(sqlite_template, tmp_path):
    """Bootstrapped services on a migrated SQLite database only (most SMS tests; test_conversation.py runs
    on SQLite and PostgreSQL through tests/conftest.py's `services`)."""
    from gateway.settings import Settings
    from tests.conftest import installed_services

    path = tmp_path / "dargah.db"
    shutil.copy(sqlite_template, path)
    yield from installed_services(
        Settings(database_url=f"sqlite:///{path}", data_dir=tmp_path, files_dir=tmp_path / "files"))


@pytest.fixture
def harness(sqlite_services, smsc, tmp_path):
    """The SMS process bound to the SMSC, on a real (SQLite) database."""
    h = make_db_harness(sqlite_services, smsc.port, tmp_path).start()
    h.wait_bound()
    yield h
    h.stop()


@pytest.fixture
def db_harness(services, smsc, tmp_path):
    """The SMS process on the real database (SQLite and PostgreSQL, migrated with Alembic), wired as
    gateway.bootstrap wires it: the SMS outbox is the citizen notifier behind the job queue."""
    h = make_db_harness(services, smsc.port, tmp_path)
    h.start()
    h.wait_bound()
    yield h
    h.stop()


def make_db_harness(services, port: int, tmp_path, **config) -> Harness:
    h = Harness(tmp_path, port, intake=services.intake, engine=config.pop("engine", services.engine), **config)
    services.intake.clock = h.clock
    notifier = SmsNotifier(h.store, h.clock)
    services.citizen_notifier = notifier
    services.intake.notifier.target = notifier
    return h


@pytest.fixture
def make_harness(sqlite_services, tmp_path):
    made: list[Harness] = []

    def make(port: int, **kwargs) -> Harness:
        h = make_db_harness(sqlite_services, port, tmp_path, **kwargs).start()
        made.append(h)
        return h

    yield make
    for h in made:
        h.stop()
