"""Alembic environment: the URL comes from the caller (dargah db upgrade) or DARGAH_DATABASE_URL."""

from __future__ import annotations

from alembic import context

from gateway.storage.database import make_engine
from gateway.storage.migrate import target_metadata

config = context.config
url = config.get_main_option("sqlalchemy.url")


def run_migrations_offline() -> None:
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    given = config.attributes.get("engine")
    engine = given or make_engine(url, pool_size=1)
    try:
        with engine.connect() as connection:
            context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
            connection.commit()
    finally:
        if given is None:
            engine.dispose()  # on SQLite this also checkpoints the WAL into the database file


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
