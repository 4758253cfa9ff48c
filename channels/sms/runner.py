"""The `dargah sms` process: the ESME plus three loops.

- storer: takes received deliver_sm PDUs, stores a batch in one transaction (group commit), and only then
  sends their deliver_sm_resp, so an acknowledged MO is always on disk;
- processor: turns stored rows into cases and replies (channels.sms.service), in a worker thread;
- sender: sends due outbox rows at the configured rate; a submit_sm whose link drops before its response
  stays queued and is retried after the rebind (and logged), never silently dropped.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from datetime import timedelta

from aiosmpplib.state import SmppCommand, SmppCommandStatus

from channels.sms import pdu, replies
from channels.sms.esme import BindConfig, Esme, Session, SessionClosed, wait_event
from channels.sms.service import SmsChannel, destination_address

log = logging.getLogger("dargah.sms.runner")

# submit_sm_resp statuses worth retrying later (SMPP 3.4 §5.1.3); any other error is final for the message.
RETRY_STATUSES = frozenset({
    SmppCommandStatus.ESME_RTHROTTLED, SmppCommandStatus.ESME_RMSGQFUL, SmppCommandStatus.ESME_RSYSERR,
    SmppCommandStatus.ESME_RSUBMITFAIL,
})
BATCH = 500
DUE_BATCH = 100  # outbox rows the sender reads at a time


class SmsRunner:
    def __init__(self, channel: SmsChannel, bind: BindConfig):
        self.channel, self.store, self.config = channel, channel.store, channel.config
        self.esme = Esme(bind, self._on_request)
        self._inbox: asyncio.Queue = asyncio.Queue()
        self._wake = asyncio.Event()
        self._wake_sender = asyncio.Event()
        self._tasks: list[asyncio.Task] = []
        self.acked = 0
        self._stopping = False
        self._acks_pending = threading.Event()  # set while received PDUs wait to be stored and acknowledged
        channel.pause = self._let_acks_go_first

    async def _on_request(self, session: Session, command_id: int, sequence: int, data: bytes) -> None:
        if command_id == SmppCommand.DELIVER_SM:
            self._acks_pending.set()
            await self._inbox.put((session, sequence, data))
        else:
            await session.send(pdu.generic_nack(sequence, SmppCommandStatus.ESME_RINVCMDID))

    async def start(self) -> None:
        self._tasks = [asyncio.create_task(coro, name=name) for name, coro in (
            ("esme", self.esme.run()), ("storer", self._storer()), ("processor", self._processor()),
            ("sender", self._sender()))]

    async def stop(self) -> None:
        self._stopping = True
        await self.esme.stop()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    def wake_sender(self) -> None:
        self._wake_sender.set()

    # ------------------------------------------------------------------ MO: store, then ack
    async def _storer(self) -> None:
        while not self._stopping:
            batch = [await self._inbox.get()]
            while len(batch) < BATCH and not self._inbox.empty():
                batch.append(self._inbox.get_nowait())
            rows = [self.channel.inbound_row(data) for _, _, data in batch]
            now = self.channel.clock.now()
            while True:
                try:
                    await asyncio.to_thread(self.store.save_inbound, rows, now, self.config.retransmit_window)
                    break
                except Exception:  # the database is down: do not ack; retry (the SMSC may also resend)
                    log.exception("storing %d received SMS failed; retrying before acknowledging", len(rows))
                    if self._stopping:
                        return
                    await asyncio.sleep(1.0)
            for session, sequence, _ in batch:
                try:
                    await session.send(pdu.response(SmppCommand.DELIVER_SM, sequence))
                    self.acked += 1
                except (ConnectionError, OSError):
                    pass  # stored; the SMSC will resend and the resend is recognised as a retransmit
            if self._inbox.empty():
                self._acks_pending.clear()
            self._wake.set()

    def _let_acks_go_first(self) -> None:
        """In the processor thread, before each message: wait (at most 20 ms) while MOs wait for their ack."""
        deadline = time.monotonic() + 0.02
        while self._acks_pending.is_set() and time.monotonic() < deadline:
            time.sleep(0.001)

    async def _processor(self) -> None:
        while not self._stopping:
            await wait_event(self._wake, 1.0)
            self._wake.clear()
            try:
                while await asyncio.to_thread(self.channel.process_pending):
                    self._wake_sender.set()
            except Exception:
                log.exception("processing received SMS failed; will retry")
                await asyncio.sleep(1.0)

    # ------------------------------------------------------------------ MT: outbox → submit_sm
    async def _sender(self) -> None:
        """Due outbox rows, up to `window` of them in flight at once (SMPP windowing: waiting for each
        submit_sm_resp in turn would cap the rate at 1/RTT), the parts of one row in order, all of them
        paced to config.mt_rate."""
        self._next_at = 0.0
        window = asyncio.Semaphore(self.config.mt_window)
        backlog = False
        while not self._stopping:
            if not backlog:  # a full read means more are due: go on at once, not after the next wake-up
                await wait_event(self._wake_sender, 0.5)
            self._wake_sender.clear()
            backlog = False
            if not self.esme.bound.is_set():
                continue
            try:
                rows = await asyncio.to_thread(self.store.due, self.channel.clock.now(), DUE_BATCH)
            except Exception:
                log.exception("reading the SMS outbox failed")
                await asyncio.sleep(1.0)
                continue
            backlog = len(rows) == DUE_BATCH
            tasks = []
            for row in rows:
                await window.acquire()
                if not self.esme.bound.is_set():
                    window.release()
                    break
                tasks.append(asyncio.create_task(self._send_row(row, window)))
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _pace(self) -> None:
        interval = 1.0 / self.config.mt_rate if self.config.mt_rate > 0 else 0.0
        loop = asyncio.get_running_loop()
        now = loop.time()
        slot = max(self._next_at, now)
        self._next_at = slot + interval
        if slot > now:
            await asyncio.sleep(slot - now)

    async def _send_row(self, row: dict, window: asyncio.Semaphore) -> None:
        try:
            try:
                parts = replies.ucs2_parts(row["text"], row["id"], use_payload=self.config.use_message_payload)
                address, ton, npi = destination_address(row["destination"])
                pdu.submit_sm(0, source_addr=self.config.short_code, destination_addr=address,
                              short_message=parts[0][1], data_coding=replies.UCS2)  # would it encode at all?
            except ValueError as exc:
                # One message that cannot be encoded fails alone; the sender goes on (in aiosmpplib an
                # encoding error in the sender task ended start(), and stop() then hung).
                await asyncio.to_thread(self.store.fail, row["id"], f"cannot encode: {exc}", self.channel.clock.now())
                log.error("outbox %s cannot be encoded as SMS: %s", row["id"], type(exc).__name__)
                return
            sent = await asyncio.to_thread(self.store.submitted_seqs, row["id"])
            for seq, (esm_class, short_message, tlvs) in enumerate(parts, 1):
                if seq in sent:
                    continue  # accepted before: never sent twice
                await self._pace()
                if not await self._submit_part(row, seq, len(parts), address, ton, npi, esm_class,
                                               short_message, tlvs):
                    return
        except Exception:
            log.exception("sending outbox %s failed; it stays queued", row["id"])
        finally:
            window.release()

    async def _submit_part(self, row, seq, total, address, ton, npi, esm_class, short_message, tlvs) -> bool:
        now = self.channel.clock.now
        try:
            status, message_id = await self.esme.submit(lambda sequence: pdu.submit_sm(
                sequence, source_addr=self.config.short_code, destination_addr=address, short_message=short_message,
                data_coding=replies.UCS2, esm_class=esm_class, source_ton=self.config.source_ton,
                source_npi=self.config.source_npi, dest_ton=ton, dest_npi=npi, registered_delivery=1, tlvs=tlvs))
        except (SessionClosed, asyncio.TimeoutError, ConnectionError, OSError) as exc:
            # In flight when the link dropped: the SMSC may or may not have it. Keep it queued and send it
            # again after the rebind (at-least-once; the alternative is a citizen never told their code).
            delay = self._delay(row["attempts"])
            await asyncio.to_thread(self.store.retry_later, row["id"], f"link lost during submit ({type(exc).__name__})",
                                    now(), delay, self.config.max_attempts)
            log.warning("outbox %s part %d/%d in flight at disconnect; retrying in %ss", row["id"], seq, total,
                        delay.total_seconds())
            return False
        if status == SmppCommandStatus.ESME_ROK:
            await asyncio.to_thread(self.store.part_submitted, row["id"], seq, total, message_id, now())
            return True
        name = pdu.status_name(status)
        if status in RETRY_STATUSES:
            delay = self._delay(row["attempts"])
            state = await asyncio.to_thread(self.store.retry_later, row["id"], name, now(), delay,
                                            self.config.max_attempts)
            log.warning("outbox %s refused with %s; %s", row["id"], name,
                        "gave up" if state == "failed" else f"retrying in {delay.total_seconds()}s")
        else:
            await asyncio.to_thread(self.store.fail, row["id"], name, now())
            log.error("outbox %s refused with %s; not retried", row["id"], name)
        return False

    def _delay(self, attempts: int) -> timedelta:
        return timedelta(seconds=min(self.config.retry_base * (2 ** attempts), self.config.retry_max))
