"""A lock that one process holds per database, for work that must have one worker: the SMS channel's
outbox has no per-message lease, so two `dargah sms` on one database would send every reply twice.

The lock dies with its holder (a crash, a kill, a lost connection), so a second process can stand by and
take over: on PostgreSQL a session advisory lock on a connection of its own; on SQLite an flock on a file
beside the database.
"""

from __future__ import annotations

import fcntl
import os
import zlib
from pathlib import Path

from sqlalchemy import Engine, text


class DatabaseLock:
    def __init__(self, engine: Engine, name: str):
        self.engine = engine
        self.name = name
        self._conn = None  # PostgreSQL: the session that holds the lock
        self._fd: int | None = None  # SQLite: the locked file

    @property
    def held(self) -> bool:
        return self._conn is not None or self._fd is not None

    def try_acquire(self) -> bool:
        """Take the lock if no other process holds it; never waits."""
        if self.held:
            return True
        if self.engine.dialect.name == "postgresql":
            conn = self.engine.connect()
            try:
                got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self._key()}).scalar_one()
                conn.commit()
            except Exception:
                conn.close()
                raise
            if got:
                self._conn = conn
            else:
                conn.close()
            return bool(got)
        fd = os.open(self._path(), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def still_held(self) -> bool:
        """False when the lock was lost with its connection (a PostgreSQL restart, a network cut): another
        process may hold it now, so the holder must stop its work."""
        if self._conn is None:
            return self._fd is not None
        try:
            self._conn.execute(text("SELECT 1")).scalar_one()
            self._conn.commit()
            return True
        except Exception:  # noqa: BLE001 - any failure means the session, and the lock, may be gone
            return False

    def release(self) -> None:
        if self._conn is not None:
            try:
                # Unlocked at once, so a standby can take over now: ending the session alone releases the lock
                # only when the server gets round to ending the backend (seen late under load). If the
                # connection is already gone, so is the lock.
                try:
                    self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self._key()})
                    self._conn.commit()
                except Exception:  # noqa: BLE001
                    pass
                # Invalidated, not returned to the pool: the session ends, and with it anything it still held.
                self._conn.invalidate()
                self._conn.close()
            finally:
                self._conn = None
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _key(self) -> int:
        return zlib.crc32(f"dargah:{self.name}".encode())

    def _path(self) -> Path:
        database = self.engine.url.database
        if not database or database == ":memory:":
            raise ValueError("a process lock needs a database file")
        return Path(f"{database}.{self.name}.lock")
