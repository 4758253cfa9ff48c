"""Group commit of HTTP intake: concurrent submissions of one process share a transaction, and each still
gets its own answer or its own error, on SQLite and PostgreSQL."""

import asyncio

import pytest

from core.errors import InvalidInput
from core.model import Outcome
from gateway.api.group_commit import GroupCommit
from tests.factories import national_code, submission

TEXT = "یارانه ام دو ماهه واریز نشده"


class CountingIntake:
    """The real intake service, recording the size of every batch it is given."""

    def __init__(self, intake, fail_batches_over: int | None = None):
        self.intake, self.sizes, self.fail_batches_over = intake, [], fail_batches_over

    def submit_many(self, subs):
        self.sizes.append(len(subs))
        if self.fail_batches_over is not None and len(subs) > self.fail_batches_over:
            raise RuntimeError("storage hiccup")
        return self.intake.submit_many(subs)


async def _submit_all(commit: GroupCommit, subs):
    return await asyncio.gather(*(commit.submit(s) for s in subs), return_exceptions=True)


def test_concurrent_submissions_share_batches_and_each_gets_its_own_answer(services):
    intake = CountingIntake(services.intake)
    commit = GroupCommit(intake, max_batch=8)
    people = [national_code(300 + i) for i in range(10)]
    subs = [submission(TEXT, p) for p in people] + [submission(TEXT, people[0]), submission("", people[1])]

    results = asyncio.run(_submit_all(commit, subs))

    assert [r.outcome for r in results[1:10]] == [Outcome.REGISTERED] * 9
    assert len({r.tracking_code for r in results[:10]}) == 10
    # people[0] twice: two batches may run at once, so either may be the one registered, never both.
    assert {results[0].outcome, results[10].outcome} == {Outcome.REGISTERED, Outcome.DUPLICATE}
    assert results[10].tracking_code == results[0].tracking_code
    assert isinstance(results[11], InvalidInput) and results[11].field == "text"
    assert max(intake.sizes) > 1 and max(intake.sizes) <= 8 and sum(intake.sizes) == len(subs)
    assert len(services.intake.search(national_code=people[0])) == 1


def test_a_failing_batch_is_stored_item_by_item(services):
    intake = CountingIntake(services.intake, fail_batches_over=1)
    commit = GroupCommit(intake, max_batch=16, in_flight=1)
    people = [national_code(400 + i) for i in range(6)]

    results = asyncio.run(_submit_all(commit, [submission(TEXT, p) for p in people]))

    assert [r.outcome for r in results] == [Outcome.REGISTERED] * 6
    assert any(size > 1 for size in intake.sizes)  # it did try a batch first
    for person in people:
        assert len(services.intake.search(national_code=person)) == 1


def test_an_error_of_the_whole_store_reaches_every_waiting_request(services):
    class Down:
        def submit_many(self, subs):
            raise ConnectionError("database unreachable")

    results = asyncio.run(_submit_all(GroupCommit(Down()), [submission(TEXT, national_code(500 + i)) for i in range(3)]))
    assert all(isinstance(r, ConnectionError) for r in results)


@pytest.mark.parametrize("max_batch", [1])
def test_batch_of_one_turns_group_commit_off(services, max_batch):
    intake = CountingIntake(services.intake)
    results = asyncio.run(_submit_all(GroupCommit(intake, max_batch=max_batch),
                                      [submission(TEXT, national_code(600 + i)) for i in range(4)]))
    assert all(r.outcome == Outcome.REGISTERED for r in results) and set(intake.sizes) == {1}


def test_under_load_the_next_batch_waits_for_the_clients_of_the_last_one(services):
    """Clients of a batch send their next requests one by one after their answers; the next batch gathers
    them (up to the linger time) instead of leaving with the first alone."""
    intake = CountingIntake(services.intake)
    commit = GroupCommit(intake, max_batch=16, linger=5.0)  # long linger: the test does not depend on timing

    async def scenario():
        first = [submission(TEXT, national_code(700 + i)) for i in range(4)]
        await asyncio.gather(*(commit.submit(s) for s in first))
        trickle = []
        for i in range(4):  # arriving one at a time, each after the event loop has turned
            trickle.append(asyncio.ensure_future(commit.submit(submission(TEXT, national_code(710 + i)))))
            await asyncio.sleep(0)
        return await asyncio.gather(*trickle)

    results = asyncio.run(scenario())
    assert all(r.outcome == Outcome.REGISTERED for r in results)
    assert intake.sizes == [4, 4]
