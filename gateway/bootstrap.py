"""The one wiring place: builds Dargah's services from settings, with overrides for tests."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine

from core.blobs import FileBlobStore
from core.dedup import DedupPolicy, Deduplicator
from core.intake import IntakeService
from core.ports import BlobStore, Clock, JobQueue, Notifier, NullNotifier, SystemClock
from core.topics import TopicCatalog, default_catalog
from gateway.jobs import QueuedNotifier, RqJobQueue, ThreadJobQueue
from gateway.keys import KeyStore
from gateway.settings import Settings
from gateway.storage.database import make_engine
from gateway.storage.repository import SqlUnitOfWorkFactory


@dataclass
class Services:
    settings: Settings
    engine: Engine
    intake: IntakeService
    jobs: JobQueue
    blobs: BlobStore
    keys: KeyStore
    citizen_notifier: Notifier  # the channel that reaches citizens (SMS outbox) or a null one


def bootstrap(
    settings: Settings | None = None,
    *,
    engine: Engine | None = None,
    jobs: JobQueue | None = None,
    citizen_notifier: Notifier | None = None,
    clock: Clock | None = None,
    catalog: TopicCatalog | None = None,
    migrate: bool = False,
) -> Services:
    settings = settings or Settings.from_env()
    engine = engine or make_engine(settings.database_url)
    if migrate:
        from gateway.storage.migrate import upgrade

        upgrade(settings.database_url, engine)
    if jobs is None:
        jobs = RqJobQueue(settings.redis_url, settings.queue_name) if settings.redis_url else ThreadJobQueue()
    if citizen_notifier is None:
        citizen_notifier = _channel_notifier(settings, engine)
    catalog = catalog or (TopicCatalog.load(settings.topics_file) if settings.topics_file else default_catalog())
    intake = IntakeService(
        uow=SqlUnitOfWorkFactory(engine),
        catalog=catalog,
        dedup=Deduplicator(DedupPolicy(closed_window=timedelta(days=settings.dedup_window_days)), catalog=catalog),
        clock=clock or SystemClock(),
        notifier=QueuedNotifier(jobs, citizen_notifier),
    )
    return Services(settings=settings, engine=engine, intake=intake, jobs=jobs,
                    blobs=FileBlobStore(settings.files_dir), keys=KeyStore(engine, ttl=settings.http.key_cache_seconds), citizen_notifier=citizen_notifier)


def _channel_notifier(settings: Settings, engine: Engine) -> Notifier:
    """The SMS channel's outbox reaches citizens when it is configured; otherwise notices are dropped
    (the answer is still there on follow-up)."""
    from gateway import sms

    return sms.make_notifier(settings, engine) or NullNotifier()


_current: Services | None = None
_lock = threading.Lock()


def services() -> Services:
    """The process-wide services (rq jobs build theirs from the environment on first use)."""
    global _current
    with _lock:
        if _current is None:
            _current = bootstrap()
        return _current


def set_services(value: Services | None) -> Any:
    """Install the services a process (or a test) built, so jobs run against the same database."""
    global _current
    with _lock:
        _current = value
