"""The job-queue facade (core.ports.JobQueue): rq on Redis when DARGAH_REDIS_URL is set, otherwise a small
in-process thread pool. Jobs are module-level functions named by dotted path, take ids, build their own
dependencies (gateway.bootstrap.services()), call a core use case, return a small dict, and are safe to
run twice."""

from __future__ import annotations

import importlib
import logging
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

log = logging.getLogger("dargah.jobs")


def resolve(job: str) -> Callable[..., Any]:
    module, _, name = job.rpartition(".")
    return getattr(importlib.import_module(module), name)


class ThreadJobQueue:
    """In-process jobs for the embedded default: work survives the request but not the process
    (that is what Redis + rq workers are for in production)."""

    def __init__(self, workers: int = 2):
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dargah-job")

    def enqueue(self, job: str, /, **kwargs: Any) -> str:
        job_id = uuid.uuid4().hex
        func = resolve(job)

        def run() -> None:
            try:
                func(**kwargs)
            except Exception:  # noqa: BLE001 - a job failure must not kill the pool; it is logged
                log.exception("job %s (%s) failed", job, job_id)

        self.pool.submit(run)
        return job_id

    def shutdown(self) -> None:
        self.pool.shutdown(wait=True)


class RqJobQueue:
    def __init__(self, redis_url: str, queue_name: str = "dargah"):
        from redis import Redis
        from rq import Queue

        self.redis = Redis.from_url(redis_url)
        self.queue = Queue(queue_name, connection=self.redis)

    def enqueue(self, job: str, /, **kwargs: Any) -> str:
        # Retry transient failures: jobs are idempotent, so a second run is harmless.
        from rq import Retry

        rq_job = self.queue.enqueue(job, kwargs=kwargs, retry=Retry(max=3, interval=[5, 30, 120]),
                                    result_ttl=86400, failure_ttl=7 * 86400)
        return rq_job.id


def run_worker(redis_url: str, queue_name: str, *, burst: bool = False) -> bool:
    from redis import Redis
    from rq import Queue, Worker

    connection = Redis.from_url(redis_url)
    worker = Worker([Queue(queue_name, connection=connection)], connection=connection)
    return worker.work(burst=burst, with_scheduler=True)


# ---------------------------------------------------------------- core's jobs

def notify_case_answered(case_id: int) -> dict:
    """Tell the citizen that an agency answered their case. Safe to run twice: a case is notified once
    per answer (the event log says whether it already was)."""
    from core.model import CaseEvent
    from gateway.bootstrap import services

    svc = services()
    with svc.intake.uow() as uow:
        case = uow.cases.get(case_id)
        if case is None or case.answered_at is None:
            return {"case_id": case_id, "notified": False, "reason": "no answer"}
        done = any(e.kind == "citizen_notified" and e.at >= case.answered_at for e in uow.cases.events(case_id))
        if done:
            return {"case_id": case_id, "notified": False, "reason": "already notified"}
    # Outside the unit of work: the SMS notifier writes its outbox row through its own connection, and on
    # SQLite (BEGIN IMMEDIATE) that would wait for this transaction's lock until busy_timeout. The notifier
    # is idempotent per answer (outbox key), so a crash between the two steps at worst repeats nothing.
    svc.citizen_notifier.case_answered(case)
    with svc.intake.uow() as uow:
        uow.cases.add_event(CaseEvent(id=None, case_id=case_id, kind="citizen_notified", actor="system:jobs",
                                      at=svc.intake.clock.now()))
        uow.commit()
    return {"case_id": case_id, "notified": True}


class QueuedNotifier:
    """The Notifier core's intake sees: the answer notice goes through the job queue so the agency's
    request returns at once; tracking codes go straight to the channel notifier (it only queues an SMS)."""

    def __init__(self, jobs, target):
        self.jobs = jobs
        self.target = target

    def case_answered(self, case) -> None:
        self.jobs.enqueue("gateway.jobs.notify_case_answered", case_id=case.id)

    def tracking_code_issued(self, phone: str, tracking_code: str, duplicate: bool) -> None:
        self.target.tracking_code_issued(phone, tracking_code, duplicate)
