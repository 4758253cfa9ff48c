"""The per-database process lock that keeps a second `dargah sms` standing by (SQLite and PostgreSQL)."""

from gateway.storage.database import make_engine
from gateway.storage.locks import DatabaseLock


def test_one_holder_per_database_and_name(db_url):
    first_engine, second_engine = make_engine(db_url), make_engine(db_url)  # as two processes would
    try:
        active, standby = DatabaseLock(first_engine, "sms"), DatabaseLock(second_engine, "sms")
        other_work = DatabaseLock(second_engine, "letters")
        assert active.try_acquire() and active.held and active.still_held()
        assert not standby.try_acquire() and not standby.held
        assert other_work.try_acquire()  # another name is another lock
        active.release()
        assert not active.still_held()
        assert standby.try_acquire()  # the standby takes over once the holder is gone
        assert not active.try_acquire()
        standby.release()
        other_work.release()
    finally:
        first_engine.dispose()
        second_engine.dispose()


def test_a_lost_connection_loses_the_lock(db_url):
    engine = make_engine(db_url)
    try:
        lock = DatabaseLock(engine, "sms")
        assert lock.try_acquire()
        if engine.dialect.name == "postgresql":
            lock._conn.connection.dbapi_connection.close()  # the network cut or server restart, as seen here
            assert not lock.still_held()
        lock.release()
        assert not lock.held
    finally:
        engine.dispose()
