"""Group commit for HTTP intake: the submissions that arrive in one process while a batch is being stored
are registered together, in one transaction, by `IntakeService.submit_many`.

Why: on PostgreSQL a transaction per request costs a lock, a candidate read, a write and a commit, each a
round trip, plus a thread-pool hop; under load those dominate. Batching pays them once per batch and
changes nothing a client sees: each request still gets its own answer (or its own error) after its case
is committed. With no load a batch is one request and starts at once (no waiting window).
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Sequence

from core.intake import IntakeService
from core.model import IntakeResult, Submission

log = logging.getLogger("dargah.intake")


class GroupCommit:
    def __init__(self, intake: IntakeService, *, max_batch: int = 64, in_flight: int = 1, linger: float = 0.002):
        self.intake = intake
        self.max_batch = max_batch
        # Under load, wait up to `linger` seconds for as many submissions as the last batch had: the clients
        # of that batch send their next requests right after their answers, and without the wait the first
        # of them would go alone (measured: every other batch held 1–3 items). With no load there is no wait.
        self.linger = linger
        self._last_size = 0
        self._enough: asyncio.Future | None = None
        # Batches at once. One (the default) gives the biggest batches; measured on 2 cores with 16 clients
        # per process it was ahead of two, which overlap Python with database waits but halve the batches.
        self.in_flight = in_flight
        # Its own threads, one per batch in flight (cheaper than anyio's shared pool; never starved by it).
        self._threads = ThreadPoolExecutor(max_workers=in_flight, thread_name_prefix="group-commit")
        self._waiting: list[tuple[Submission, asyncio.Future]] = []
        self._running = 0

    async def submit(self, submission: Submission) -> IntakeResult:
        """Register one submission (or find its duplicate); raises its DargahError on bad input."""
        future = asyncio.get_running_loop().create_future()
        self._waiting.append((submission, future))
        if self._enough is not None and len(self._waiting) >= self._last_size and not self._enough.done():
            self._enough.set_result(None)
        if self._running < self.in_flight:
            self._running += 1
            asyncio.get_running_loop().create_task(self._drain())
        # A client that hangs up cancels only its wait: its submission is in the batch and is registered.
        return await future

    async def _drain(self) -> None:
        try:
            while self._waiting:
                if self.linger and len(self._waiting) < self._last_size and self._last_size > 1:
                    await self._gather()
                batch, self._waiting = self._waiting[: self.max_batch], self._waiting[self.max_batch :]
                self._last_size = len(batch)
                results = await self._store([s for s, _ in batch])
                for (_, future), result in zip(batch, results):
                    if future.done():
                        continue
                    if isinstance(result, BaseException):
                        future.set_exception(result)
                    else:
                        future.set_result(result)
        finally:
            self._running -= 1

    def close(self) -> None:
        """On shutdown: let the batch in flight finish (its clients are answered) before the process goes."""
        self._threads.shutdown(wait=True)

    async def _gather(self) -> None:
        loop = asyncio.get_running_loop()
        self._enough = enough = loop.create_future()
        timer = loop.call_later(self.linger, lambda: enough.done() or enough.set_result(None))
        try:
            await enough
        finally:
            timer.cancel()
            self._enough = None

    async def _submit_many(self, subs: Sequence[Submission]) -> list:
        return await asyncio.get_running_loop().run_in_executor(self._threads, self.intake.submit_many, subs)

    async def _store(self, subs: Sequence[Submission]) -> list[IntakeResult | BaseException]:
        try:
            return await self._submit_many(subs)
        except Exception as exc:  # noqa: BLE001 - reported to each request below
            if len(subs) == 1:
                return [exc]
            # One bad item must not fail the others: store them one by one, each with its own answer.
            log.warning("intake batch of %d failed (%s); storing its items one by one", len(subs), type(exc).__name__)
            return [await self._store_one(s) for s in subs]

    async def _store_one(self, sub: Submission) -> IntakeResult | BaseException:
        try:
            (result,) = await self._submit_many([sub])
            return result
        except Exception as exc:  # noqa: BLE001
            return exc

