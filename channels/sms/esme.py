"""The ESME: SMPP 3.4 sessions to the SMS centre, with bind, keep-alive, reconnect and request/response.

Why not `aiosmpplib.ESME` itself (0.7.4, read in full before writing this):
- `ESME._handle_request` parses every deliver_sm with `DeliverSm.from_pdu`, which decodes the text, reads a
  16-bit UDH reference as 4 bytes, needs the concatenation IE first, and raises on an unknown data_coding,
  which the ESME answers with generic_nack (the SMSC drops or retries the message: lost either way);
- reassembly and receipt correlation live in its in-memory `SimpleCorrelator`, keyed by reference only;
- `start()` only catches connection errors, so `SubmitSm(auto_message_payload=False)` with a long text
  (ValueError... or UnboundLocalError without UDHI) ends the task, after which `stop()` waits forever on an
  event nobody sets; a submit_sm in flight when the TCP link drops is forgotten (no retry, no report).
Those live in the methods a subclass would have to replace (`_handle_request`, `_dequeue_messages`,
`start`, `stop`), i.e. nearly all of it, so this module is the session layer written at the PDU level
(channels.sms.pdu), using aiosmpplib's command and status tables. Nothing here holds state that must
survive a restart: received PDUs and outgoing messages live in the database (channels.sms.store).
"""

from __future__ import annotations

import asyncio
import enum
import itertools
import logging
import ssl
from dataclasses import dataclass, field
from typing import Awaitable, Callable

from aiosmpplib.state import SmppCommand, SmppCommandStatus

from channels.sms import pdu

log = logging.getLogger("dargah.sms.esme")


async def wait_event(event: asyncio.Event, timeout: float) -> bool:
    """True when the event is set within the timeout. Not `asyncio.wait_for(event.wait())`: on Python 3.11
    wait_for can swallow a cancellation that races with the inner wait, and a loop around it then never
    ends (a task stuck "cancelling" made stop() hang in our tests)."""
    if event.is_set():
        return True
    waiter = asyncio.ensure_future(event.wait())
    try:
        done, _ = await asyncio.wait({waiter}, timeout=timeout)
    finally:
        waiter.cancel()
    return bool(done)


class BindMode(str, enum.Enum):
    TRANSCEIVER = "transceiver"
    PAIR = "pair"  # a receiver bind for MO + a transmitter bind for MT


@dataclass
class BindConfig:
    host: str
    port: int
    system_id: str
    password: str = field(repr=False)  # never logged
    system_type: str = ""
    addr_ton: int = 0
    addr_npi: int = 0
    address_range: str = ""
    mode: BindMode = BindMode.TRANSCEIVER
    tls: bool = False
    tls_ca: str | None = None  # CA file for an SMSC certificate not signed by a public CA
    enquire_link_interval: float = 30.0
    response_timeout: float = 10.0
    reconnect_min: float = 0.5
    reconnect_max: float = 60.0


class BindRefused(Exception):
    def __init__(self, status: int):
        super().__init__(pdu.status_name(status))
        self.status = status


class SessionClosed(ConnectionError):
    """The TCP link closed while a request waited for its response (the caller retries)."""


RequestHandler = Callable[["Session", int, int, bytes], Awaitable[None]]

_BIND_COMMANDS = {
    "transceiver": SmppCommand.BIND_TRANSCEIVER,
    "receiver": SmppCommand.BIND_RECEIVER,
    "transmitter": SmppCommand.BIND_TRANSMITTER,
}


class Session:
    """One TCP connection and its bind."""

    _ids = itertools.count(1)

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, role: str,
                 on_request: RequestHandler):
        self.reader, self.writer, self.role, self.on_request = reader, writer, role, on_request
        self.name = f"{role}#{next(self._ids)}"
        self._sequence = itertools.count(1)
        self._pending: dict[int, asyncio.Future] = {}
        self._write_lock = asyncio.Lock()
        self.closed = asyncio.Event()
        self.closing = False

    @classmethod
    async def open(cls, cfg: BindConfig, role: str, on_request: RequestHandler) -> "Session":
        context = ssl.create_default_context(cafile=cfg.tls_ca) if cfg.tls else None
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(cfg.host, cfg.port, ssl=context, limit=pdu.MAX_PDU), cfg.response_timeout)
        return cls(reader, writer, role, on_request)

    def next_sequence(self) -> int:
        return next(self._sequence) % 0x7FFFFFFF or next(self._sequence)

    async def send(self, data: bytes) -> None:
        if self.closed.is_set():
            raise SessionClosed(self.name)
        async with self._write_lock:
            self.writer.write(data)
            await self.writer.drain()

    async def request(self, build: Callable[[int], bytes], timeout: float) -> tuple[int, int, bytes]:
        """Send a request; return (command_id, status, whole response PDU)."""
        sequence = self.next_sequence()
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        self._pending[sequence] = future
        try:
            await self.send(build(sequence))
            return await asyncio.wait_for(future, timeout)
        finally:
            self._pending.pop(sequence, None)

    async def bind(self, cfg: BindConfig) -> None:
        command = _BIND_COMMANDS[self.role]
        reader_task = asyncio.create_task(self.read_loop())
        try:
            _, status, _ = await self.request(lambda seq: pdu.bind(
                command, seq, system_id=cfg.system_id, password=cfg.password, system_type=cfg.system_type,
                addr_ton=cfg.addr_ton, addr_npi=cfg.addr_npi, address_range=cfg.address_range,
            ), cfg.response_timeout)
        except BaseException:
            reader_task.cancel()
            await self.close(unbind=False)
            raise
        if status != SmppCommandStatus.ESME_ROK:
            reader_task.cancel()
            await self.close(unbind=False)
            raise BindRefused(status)
        self.reader_task = reader_task

    async def read_loop(self) -> None:
        try:
            while True:
                header = await self.reader.readexactly(pdu.HEADER_LEN)
                length, command_id, status, sequence = pdu.unpack_header(header)
                data = header + await self.reader.readexactly(length - pdu.HEADER_LEN)
                if command_id & 0x80000000:
                    future = self._pending.get(sequence)
                    if future is not None and not future.done():
                        future.set_result((command_id, status, data))
                    continue
                if command_id == SmppCommand.ENQUIRE_LINK:
                    await self.send(pdu.response(command_id, sequence))
                elif command_id == SmppCommand.UNBIND:
                    await self.send(pdu.response(command_id, sequence))
                    log.info("SMSC unbound session %s", self.name)
                    break
                else:
                    await self.on_request(self, command_id, sequence, data)
        except (asyncio.IncompleteReadError, ConnectionError, OSError, pdu.PduError) as exc:
            (log.info if self.closing else log.warning)("SMPP session %s closed: %s", self.name, type(exc).__name__)
        finally:
            self._fail_pending()
            self.closed.set()

    def _fail_pending(self) -> None:
        for future in self._pending.values():
            if not future.done():
                future.set_exception(SessionClosed(self.name))

    async def keepalive(self, interval: float, timeout: float) -> None:
        """enquire_link every interval; no answer ⇒ the link is dead, close it (SMPP 3.4 §4.11)."""
        while not self.closed.is_set():
            if await wait_event(self.closed, interval):
                return
            try:
                await self.request(lambda seq: pdu.pack(SmppCommand.ENQUIRE_LINK, 0, seq), timeout)
            except (asyncio.TimeoutError, ConnectionError, OSError):
                log.warning("SMPP session %s: enquire_link unanswered, closing", self.name)
                await self.close(unbind=False)
                return

    async def close(self, unbind: bool = True) -> None:
        self.closing = True
        if unbind and not self.closed.is_set():
            try:
                await self.request(lambda seq: pdu.pack(SmppCommand.UNBIND, 0, seq), 2.0)
            except (asyncio.TimeoutError, ConnectionError, OSError):
                pass
        self._fail_pending()
        try:
            self.writer.close()
        except (ConnectionError, OSError, RuntimeError):
            pass
        self.closed.set()


class Esme:
    """Keeps the bind(s) up: connects, binds, keeps alive, and after a drop or an SMSC restart reconnects
    with exponential backoff. MO PDUs go to `on_request`; MT goes through `submit`."""

    def __init__(self, cfg: BindConfig, on_request: RequestHandler):
        self.cfg, self.on_request = cfg, on_request
        self.bound = asyncio.Event()
        self.transmitter: Session | None = None
        self.sessions: list[Session] = []
        self._stopping = False
        self.binds = 0
        self.last_error: str | None = None

    async def run(self) -> None:
        delay = self.cfg.reconnect_min
        while not self._stopping:
            try:
                await self._bind_all()
            except BindRefused as exc:
                self.last_error = exc.args[0]
                log.error("SMPP bind refused by %s:%s for system_id=%s: %s (check DARGAH_SMPP_SYSTEM_ID and "
                          "DARGAH_SMPP_PASSWORD)", self.cfg.host, self.cfg.port, self.cfg.system_id, exc.args[0])
            except (OSError, asyncio.TimeoutError, ConnectionError) as exc:
                self.last_error = type(exc).__name__
                log.warning("SMSC %s:%s unreachable (%s); retrying in %.1fs", self.cfg.host, self.cfg.port,
                            type(exc).__name__, delay)
            else:
                delay = self.cfg.reconnect_min
                self.binds += 1
                log.info("bound to SMSC %s:%s as %s (%s)", self.cfg.host, self.cfg.port, self.cfg.mode.value,
                         self.cfg.system_id)
                self.bound.set()
                keepers = [asyncio.create_task(s.keepalive(self.cfg.enquire_link_interval, self.cfg.response_timeout))
                           for s in self.sessions]
                await asyncio.wait([asyncio.create_task(s.closed.wait()) for s in self.sessions],
                                   return_when=asyncio.FIRST_COMPLETED)
                self.bound.clear()
                for s in self.sessions:
                    await s.close(unbind=not self._stopping and not s.closed.is_set())
                for k in keepers:
                    k.cancel()
                self.sessions, self.transmitter = [], None
                if self._stopping:
                    break
                log.warning("SMPP link to %s:%s lost; rebinding", self.cfg.host, self.cfg.port)
                continue
            if self._stopping:
                break
            await asyncio.sleep(delay)
            delay = min(delay * 2, self.cfg.reconnect_max)

    async def _bind_all(self) -> None:
        roles = ["transceiver"] if self.cfg.mode == BindMode.TRANSCEIVER else ["receiver", "transmitter"]
        opened: list[Session] = []
        try:
            for role in roles:
                session = await Session.open(self.cfg, role, self.on_request)
                await session.bind(self.cfg)
                opened.append(session)
        except BaseException:
            for s in opened:
                await s.close()
            raise
        self.sessions = opened
        self.transmitter = opened[-1]

    async def submit(self, build: Callable[[int], bytes], timeout: float | None = None) -> tuple[int, str]:
        """Send one submit_sm; returns (status, message_id). Raises SessionClosed / TimeoutError when the
        link is down or drops before the response: the caller keeps the message queued and retries."""
        timeout = timeout or self.cfg.response_timeout
        if not await wait_event(self.bound, timeout):
            raise SessionClosed("not bound")
        session = self.transmitter
        if session is None:
            raise SessionClosed("not bound")
        _, status, data = await session.request(build, timeout)
        return status, pdu.parse_message_id(data) if status == SmppCommandStatus.ESME_ROK else ""

    async def stop(self) -> None:
        """Unbind and close; bounded by timeouts, so it never hangs (aiosmpplib's stop() could)."""
        self._stopping = True
        for s in list(self.sessions):
            await s.close(unbind=True)
        self.bound.clear()
