"""Shared fixtures: real SQLite and PostgreSQL databases (migrated with Alembic), real Redis, the app.

PostgreSQL: DARGAH_TEST_POSTGRES_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/test); a fresh
database is created for the session. Redis: DARGAH_TEST_REDIS_URL (default redis://127.0.0.1:6379/15).
Without the servers those tests skip, unless DARGAH_TEST_REQUIRE_SERVICES=1 (CI), where they fail.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from core.memory import InlineJobQueue
from gateway.bootstrap import Services, bootstrap, set_services
from gateway.settings import Settings
from gateway.storage.database import make_engine
from gateway.storage.migrate import upgrade

PG_URL = os.environ.get("DARGAH_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("DARGAH_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
REQUIRE = os.environ.get("DARGAH_TEST_REQUIRE_SERVICES") == "1"


def _unavailable(what: str, exc: Exception):
    if REQUIRE:
        pytest.fail(f"{what} is required in CI but unavailable: {exc}")
    pytest.skip(f"{what} unavailable: {exc}")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """One migrated SQLite file per session; each test gets a copy (migrating each time costs more)."""
    path = tmp_path_factory.mktemp("sqlite") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_database():
    admin_url = PG_URL
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            name = f"dargah_test_{uuid.uuid4().hex[:8]}"
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001
        _unavailable("PostgreSQL", exc)
    url = admin_url.rsplit("/", 1)[0] + f"/{name}"
    upgrade(url)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        tables = [r[0] for r in conn.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'"))]
        if tables:
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path, sqlite_template) -> str:
    """A migrated, empty database: once on SQLite, once on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "dargah.db"
        shutil.copy(sqlite_template, path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("postgres_database")
    _truncate_postgres(url)
    return url


@pytest.fixture
def settings(db_url, tmp_path) -> Settings:
    return Settings(database_url=db_url, data_dir=tmp_path, files_dir=tmp_path / "files")


def installed_services(settings: Settings, **engine_options):
    """Services on `settings`' database, with jobs inline, installed process-wide while the test runs
    (a generator for fixtures to `yield from`)."""
    engine = make_engine(settings.database_url, **engine_options)
    svc = bootstrap(settings, engine=engine, jobs=InlineJobQueue())
    set_services(svc)
    try:
        yield svc
    finally:
        set_services(None)
        engine.dispose()


@pytest.fixture
def services(settings) -> Services:
    yield from installed_services(settings, pool_size=40)


@pytest.fixture
def client(services):
    from litestar.testing import TestClient

    from gateway.app import create_app

    with TestClient(create_app(services)) as test_client:
        yield test_client


@pytest.fixture
def api_key(services):
    """api_key(role, agency=None) → Authorization headers for a fresh key."""
    from gateway.keys import create_key

    def make(role: str, agency: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {create_key(services.engine, role, agency=agency)}"}

    return make


@pytest.fixture
def redis_url() -> str:
    try:
        from redis import Redis

        connection = Redis.from_url(REDIS_URL)
        connection.ping()
        connection.flushdb()
    except Exception as exc:  # noqa: BLE001
        _unavailable("Redis", exc)
    yield REDIS_URL
    connection.flushdb()
