"""The job-queue facade: rq on a real Redis, and the in-process pool."""

import threading

import pytest

from gateway.jobs import RqJobQueue, ThreadJobQueue
from tests.factories import national_code, submission


def _answered_case(services):
    result = services.intake.submit(submission("یارانه ام واریز نشده", national_code(40)))
    # Answer without the queued notifier, so the job below is the first and only notification.
    services.intake.notifier = type("Silent", (), {"case_answered": lambda self, c: None})()
    services.intake.answer(result.tracking_code, "واریز شد.", "agency:test")
    return result


def _notified_events(services, tracking_code):
    _, _, events = services.intake.get_case(tracking_code=tracking_code)
    return [e for e in events if e.kind == "citizen_notified"]


@pytest.mark.redis
def test_rq_job_runs_on_a_worker_and_is_safe_to_run_twice(services, redis_url):
    from rq import SimpleWorker

    result = _answered_case(services)
    queue = RqJobQueue(redis_url, "dargah-test")
    first = queue.enqueue("gateway.jobs.notify_case_answered", case_id=result.case_id)
    second = queue.enqueue("gateway.jobs.notify_case_answered", case_id=result.case_id)
    assert first != second and queue.queue.count == 2
    SimpleWorker([queue.queue], connection=queue.redis).work(burst=True)
    assert queue.queue.count == 0
    assert queue.queue.fetch_job(first).return_value() == {"case_id": result.case_id, "notified": True}
    assert queue.queue.fetch_job(second).return_value()["notified"] is False
    assert len(_notified_events(services, result.tracking_code)) == 1


def test_in_process_queue_runs_jobs_off_the_request_thread(services):
    result = _answered_case(services)
    queue = ThreadJobQueue(workers=1)
    seen = []
    original = services.citizen_notifier.case_answered
    services.citizen_notifier.case_answered = lambda case: seen.append(threading.current_thread().name) or original(case)
    queue.enqueue("gateway.jobs.notify_case_answered", case_id=result.case_id)
    queue.shutdown()
    assert seen and seen[0].startswith("dargah-job")
    assert len(_notified_events(services, result.tracking_code)) == 1
