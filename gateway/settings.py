"""Settings: one dataclass tree read from the environment (DARGAH_*). Only the gateway reads it;
channels and core receive plain values."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping


def env_int(env: Mapping[str, str], name: str, default: int | None) -> int | None:
    """A whole-number setting (decimal, or 0x.. for SMPP TON/NPI style values); a malformed value stops the
    process with a message naming the variable."""
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    try:
        return int(raw, 10)
    except ValueError:
        try:
            return int(raw, 0)
        except ValueError as exc:
            raise SystemExit(f"{name} must be a whole number, got {raw!r}") from exc


def env_float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise SystemExit(f"{name} must be a number, got {raw!r}") from exc


def env_bool(env: Mapping[str, str], name: str) -> bool:
    return (env.get(name) or "").strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class HttpSettings:
    host: str = "127.0.0.1"
    """DARGAH_HOST: address `dargah serve` listens on."""
    port: int = 8111
    """DARGAH_PORT: port `dargah serve` listens on."""
    max_body_bytes: int = 64 * 1024
    """DARGAH_MAX_BODY_BYTES: largest JSON request body; larger ones get 413 with a bilingual error."""
    max_upload_bytes: int = 50 * 1024 * 1024
    """DARGAH_MAX_UPLOAD_BYTES: largest letter upload (scans, PDFs)."""
    intake_batch: int = 64
    """DARGAH_INTAKE_BATCH: most submissions one gateway process registers in one transaction (group commit
    of concurrent POST /api/v1/submissions; 1 turns it off)."""
    key_cache_seconds: float = 5.0
    """DARGAH_KEY_CACHE_SECONDS: how long a gateway process trusts an API key it looked up, so also how long
    a revoked key keeps working there (0: every request reads the database)."""


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("var")
    """DARGAH_DATA_DIR: where the embedded defaults keep their files (SQLite database, blobs)."""
    database_url: str = ""
    """DARGAH_DATABASE_URL: SQLAlchemy URL. Default: SQLite file <data_dir>/dargah.db (WAL).
    Production: postgresql+psycopg://user:pass@host/db."""
    redis_url: str | None = None
    """DARGAH_REDIS_URL: Redis for the rq job queue. Unset: jobs run in-process on a small thread pool."""
    queue_name: str = "dargah"
    """DARGAH_QUEUE: rq queue name."""
    files_dir: Path = Path("var/files")
    """DARGAH_FILES_DIR: content-addressed store of originals (scans, recordings)."""
    dedup_window_days: int = 30
    """DARGAH_DEDUP_WINDOW_DAYS: a closed case still catches repeats for this many days."""
    topics_file: str | None = None
    """DARGAH_TOPICS_FILE: a topics/agencies TOML replacing the built-in core/data/topics.toml."""
    log_level: str = "INFO"
    """DARGAH_LOG_LEVEL."""
    http: HttpSettings = field(default_factory=HttpSettings)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        data_dir = Path(env.get("DARGAH_DATA_DIR") or "var")
        return cls(
            data_dir=data_dir,
            database_url=env.get("DARGAH_DATABASE_URL") or f"sqlite:///{data_dir / 'dargah.db'}",
            redis_url=env.get("DARGAH_REDIS_URL") or None,
            queue_name=env.get("DARGAH_QUEUE") or "dargah",
            files_dir=Path(env.get("DARGAH_FILES_DIR") or data_dir / "files"),
            dedup_window_days=env_int(env, "DARGAH_DEDUP_WINDOW_DAYS", 30),
            topics_file=env.get("DARGAH_TOPICS_FILE") or None,
            log_level=env.get("DARGAH_LOG_LEVEL") or "INFO",
            http=HttpSettings(
                host=env.get("DARGAH_HOST") or "127.0.0.1",
                port=env_int(env, "DARGAH_PORT", 8111),
                max_body_bytes=env_int(env, "DARGAH_MAX_BODY_BYTES", 64 * 1024),
                max_upload_bytes=env_int(env, "DARGAH_MAX_UPLOAD_BYTES", 50 * 1024 * 1024),
                intake_batch=max(1, env_int(env, "DARGAH_INTAKE_BATCH", 64)),
                key_cache_seconds=max(0.0, env_float(env, "DARGAH_KEY_CACHE_SECONDS", 5.0)),
            ),
        )
