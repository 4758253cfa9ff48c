"""`dargah db upgrade`: Alembic, configured in code (no alembic.ini to lose). Channel migrations are
branches off the core revision, so `upgrade heads` applies them all."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine
from sqlmodel import SQLModel

import gateway.storage.tables  # noqa: F401  (registers the core tables on SQLModel.metadata)

target_metadata = SQLModel.metadata
MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str, engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def upgrade(url: str, engine: Engine | None = None) -> None:
    command.upgrade(alembic_config(url, engine), "heads")
