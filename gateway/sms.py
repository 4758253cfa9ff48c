"""SMS channel wiring: settings from the environment, the `dargah sms` process, the outbox Notifier."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Mapping

import msgspec
from litestar import Controller, Request, get, post
from litestar.params import FromPath, QueryParameter

from core.errors import NotFound
from gateway.settings import env_bool, env_float, env_int
from gateway.api.auth import requires
from gateway.storage.locks import DatabaseLock

log = logging.getLogger("dargah.sms")


class OutboxOut(msgspec.Struct, kw_only=True):
    """One SMS Dargah sent or will send (replies, tracking codes, answer notices)."""

    id: int
    key: str
    destination: str
    state: str  # queued | sent | delivered | failed | undeliverable
    attempts: int
    parts: int
    parts_delivered: int
    last_error: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: dict) -> "OutboxOut":
        return cls(**{f: row[f] for f in cls.__struct_fields__})


class SmsOutboxController(Controller):
    path = "/api/v1/sms/outbox"
    tags = ["sms"]
    guards = [requires("operator", "supervisor")]

    @get("/", operation_id="listSmsOutbox", sync_to_thread=True,
         summary="SMS replies and notices, newest first (filter by state, e.g. failed or undeliverable)")
    def list_outbox(
        self, request: Request, outbox_state: Annotated[str | None, QueryParameter(name="state")] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=200)] = 50, offset: Annotated[int, QueryParameter(ge=0)] = 0,
    ) -> list[OutboxOut]:
        from channels.sms.store import SmsStore

        where = {"state": outbox_state} if outbox_state else {}
        rows = SmsStore(request.app.state.services.engine).outbox(limit=limit, offset=offset, **where)
        return [OutboxOut.of(r) for r in rows]

    @post("/{outbox_id:int}/retry", operation_id="retrySmsOutbox", sync_to_thread=True, status_code=200,
          summary="Send a failed or undeliverable SMS again")
    def retry(self, request: Request, outbox_id: FromPath[int]) -> OutboxOut:
        from channels.sms.store import SmsStore

        store = SmsStore(request.app.state.services.engine)
        if not store.requeue(outbox_id, request.app.state.services.intake.clock.now()):
            raise NotFound("پیامکی با این شناسه که قابل ارسال دوباره باشد یافت نشد.",
                           "No failed or undeliverable SMS with this id.", field="id")
        return OutboxOut.of(store.outbox(id=outbox_id)[0])


ROUTES: list = [SmsOutboxController]


@dataclass(frozen=True)
class SmsSettings:
    host: str = ""
    """DARGAH_SMPP_HOST: the SMS centre (SMSC). Unset: no SMS channel, and notices to citizens are dropped."""
    port: int = 2775
    """DARGAH_SMPP_PORT."""
    system_id: str = ""
    """DARGAH_SMPP_SYSTEM_ID: the ESME account at the SMSC."""
    password: str = field(default="", repr=False)
    """DARGAH_SMPP_PASSWORD (never logged)."""
    short_code: str = ""
    """DARGAH_SMPP_SHORT_CODE: the line's number, source address of replies."""
    system_type: str = ""
    """DARGAH_SMPP_SYSTEM_TYPE."""
    bind_ton: int = 0
    """DARGAH_SMPP_BIND_TON: addr_ton of the bind."""
    bind_npi: int = 0
    """DARGAH_SMPP_BIND_NPI: addr_npi of the bind."""
    address_range: str = ""
    """DARGAH_SMPP_ADDRESS_RANGE."""
    source_ton: int = 3
    """DARGAH_SMPP_SOURCE_TON: TON of the short code on replies (3 = network specific, usual for short codes)."""
    source_npi: int = 0
    """DARGAH_SMPP_SOURCE_NPI."""
    bind_mode: str = "transceiver"
    """DARGAH_SMPP_BIND_MODE: transceiver (one bind) or pair (a receiver bind and a transmitter bind)."""
    tls: bool = False
    """DARGAH_SMPP_TLS: 1 to connect with TLS where the SMSC offers it (the certificate is verified)."""
    tls_ca: str = ""
    """DARGAH_SMPP_TLS_CA: CA file for the SMSC's certificate when a private CA signed it."""
    enquire_link_interval: float = 30.0
    """DARGAH_SMPP_ENQUIRE_LINK_INTERVAL: seconds between enquire_link keep-alives."""
    mt_rate: float = 50.0
    """DARGAH_SMPP_MT_RATE: at most this many submit_sm per second (the SMSC's throughput contract)."""
    mt_window: int = 10
    """DARGAH_SMPP_MT_WINDOW: outbox messages with a submit_sm awaiting its response at once (SMPP window)."""
    long_messages: str = "udh"
    """DARGAH_SMS_LONG_MESSAGES: udh (parts of 67 UCS2 characters) or payload (one message_payload TLV)."""
    hold_hours: float = 24.0
    """DARGAH_SMS_HOLD_HOURS: how long a text without a national code waits for the code."""
    part_timeout: float = 300.0
    """DARGAH_SMS_PART_TIMEOUT: seconds to wait for a missing part before the partial text is processed."""
    retransmit_window: float = 600.0
    """DARGAH_SMS_RETRANSMIT_WINDOW: seconds in which an identical PDU from the same sender is an SMSC resend."""
    default_alphabet: str = "gsm7"
    """DARGAH_SMS_DEFAULT_ALPHABET: what data_coding 0 means on this SMSC (gsm7, latin1 or ascii)."""
    workers: int = 0
    """DARGAH_SMS_WORKERS: threads turning stored MOs into cases. 0: 1 on SQLite, 4 on PostgreSQL."""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "SmsSettings":
        env = os.environ if env is None else env
        mode = (env.get("DARGAH_SMPP_BIND_MODE") or "transceiver").lower()
        if mode not in ("transceiver", "pair"):
            raise SystemExit(f"DARGAH_SMPP_BIND_MODE must be transceiver or pair, got {mode!r}")
        long_messages = (env.get("DARGAH_SMS_LONG_MESSAGES") or "udh").lower()
        if long_messages not in ("udh", "payload"):
            raise SystemExit(f"DARGAH_SMS_LONG_MESSAGES must be udh or payload, got {long_messages!r}")
        return cls(
            host=env.get("DARGAH_SMPP_HOST") or "",
            port=env_int(env, "DARGAH_SMPP_PORT", 2775),
            system_id=env.get("DARGAH_SMPP_SYSTEM_ID") or "",
            password=env.get("DARGAH_SMPP_PASSWORD") or "",
            short_code=env.get("DARGAH_SMPP_SHORT_CODE") or "",
            system_type=env.get("DARGAH_SMPP_SYSTEM_TYPE") or "",
            bind_ton=env_int(env, "DARGAH_SMPP_BIND_TON", 0),
            bind_npi=env_int(env, "DARGAH_SMPP_BIND_NPI", 0),
            address_range=env.get("DARGAH_SMPP_ADDRESS_RANGE") or "",
            source_ton=env_int(env, "DARGAH_SMPP_SOURCE_TON", 3),
            source_npi=env_int(env, "DARGAH_SMPP_SOURCE_NPI", 0),
            bind_mode=mode,
            tls=env_bool(env, "DARGAH_SMPP_TLS"),
            tls_ca=env.get("DARGAH_SMPP_TLS_CA") or "",
            enquire_link_interval=env_float(env, "DARGAH_SMPP_ENQUIRE_LINK_INTERVAL", 30.0),
            mt_rate=env_float(env, "DARGAH_SMPP_MT_RATE", 50.0),
            mt_window=env_int(env, "DARGAH_SMPP_MT_WINDOW", 10),
            long_messages=long_messages,
            hold_hours=env_float(env, "DARGAH_SMS_HOLD_HOURS", 24.0),
            part_timeout=env_float(env, "DARGAH_SMS_PART_TIMEOUT", 300.0),
            retransmit_window=env_float(env, "DARGAH_SMS_RETRANSMIT_WINDOW", 600.0),
            default_alphabet=(env.get("DARGAH_SMS_DEFAULT_ALPHABET") or "gsm7").lower(),
            workers=env_int(env, "DARGAH_SMS_WORKERS", 0),
        )

    @property
    def configured(self) -> bool:
        return bool(self.host)

    def bind_config(self):
        from channels.sms.esme import BindConfig, BindMode

        return BindConfig(
            host=self.host, port=self.port, system_id=self.system_id, password=self.password,
            system_type=self.system_type, addr_ton=self.bind_ton, addr_npi=self.bind_npi,
            address_range=self.address_range, mode=BindMode(self.bind_mode), tls=self.tls, tls_ca=self.tls_ca or None,
            enquire_link_interval=self.enquire_link_interval,
        )

    def channel_config(self, dialect: str = "sqlite"):
        from channels.sms.codings import Alphabet
        from channels.sms.service import SmsConfig

        return SmsConfig(
            short_code=self.short_code, mt_rate=self.mt_rate, mt_window=max(1, self.mt_window), use_message_payload=self.long_messages == "payload",
            hold_window=timedelta(hours=self.hold_hours), part_timeout=timedelta(seconds=self.part_timeout),
            retransmit_window=timedelta(seconds=self.retransmit_window),
            default_alphabet=Alphabet(self.default_alphabet), source_ton=self.source_ton, source_npi=self.source_npi,
            workers=self.workers or (4 if dialect == "postgresql" else 1),
        )


def make_notifier(settings, engine):
    """The SMS outbox Notifier when an SMS centre is configured, else None."""
    if not SmsSettings.from_env().configured:
        return None
    from channels.sms.service import SmsNotifier
    from channels.sms.store import SmsStore

    return SmsNotifier(SmsStore(engine))


def build_runner(services, sms_settings: SmsSettings):
    from channels.sms.runner import SmsRunner
    from channels.sms.service import SmsChannel
    from channels.sms.store import SmsStore

    channel = SmsChannel(services.intake, SmsStore(services.engine),
                         sms_settings.channel_config(services.engine.dialect.name),
                         services.intake.clock)
    return SmsRunner(channel, sms_settings.bind_config())


async def _heartbeat(runner, path: Path) -> None:
    """Write "bound"/"unbound" to a file every 10 s: the container health check reads it."""
    while True:
        _write_health(path, "bound" if runner.esme.bound.is_set() else "unbound")
        await asyncio.sleep(10)


def _write_health(path: Path, state: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(state)
    except OSError:
        pass


async def _serve(runner, health_file: Path, lock: DatabaseLock, poll: float = 5.0) -> int:
    """Run the channel while this process holds the database's SMS lock; stand by until it does. Returns
    the exit status: 0 when stopped by a signal, 1 when the lock was lost (another process may be active)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except NotImplementedError:  # pragma: no cover
            pass
    if not await asyncio.to_thread(lock.try_acquire):
        log.warning("another dargah sms is active on this database: standing by")
        while not stop.is_set():
            _write_health(health_file, "standby")
            if await _wait(stop, poll) or await asyncio.to_thread(lock.try_acquire):
                break
        if stop.is_set():
            return 0
        log.info("took over the SMS channel of this database")
    try:
        await runner.start()
        beat = asyncio.create_task(_heartbeat(runner, health_file))
        lost = False
        while not await _wait(stop, poll):
            if not await asyncio.to_thread(lock.still_held):
                log.error("lost the SMS channel lock (database connection gone): stopping, so that two "
                          "processes never send the same replies")
                lost = True
                break
        beat.cancel()
        log.info("stopping the SMS channel")
        await runner.stop()
        return 1 if lost else 0
    finally:
        lock.release()


async def _wait(event: asyncio.Event, seconds: float) -> bool:
    """Wait for `event` at most `seconds`; whether it is set."""
    try:
        await asyncio.wait_for(event.wait(), seconds)
    except asyncio.TimeoutError:
        pass
    return event.is_set()


def _cmd_sms(args: argparse.Namespace) -> int:
    from gateway.bootstrap import bootstrap, set_services
    from gateway.logs import configure_logging
    from gateway.settings import Settings

    settings = Settings.from_env()
    configure_logging(settings.log_level)
    sms_settings = SmsSettings.from_env()
    missing = [name for name, value in (("DARGAH_SMPP_HOST", sms_settings.host),
                                        ("DARGAH_SMPP_SYSTEM_ID", sms_settings.system_id),
                                        ("DARGAH_SMPP_SHORT_CODE", sms_settings.short_code)) if not value]
    if missing:
        print("dargah sms needs " + ", ".join(missing) + " (and DARGAH_SMPP_PASSWORD)", file=__import__("sys").stderr)
        return 2
    services = bootstrap(settings, migrate=not args.no_migrate)
    set_services(services)
    log.info("SMS channel: SMSC %s:%s system_id=%s mode=%s short code %s, MT rate %s/s", sms_settings.host,
             sms_settings.port, sms_settings.system_id, sms_settings.bind_mode, sms_settings.short_code,
             sms_settings.mt_rate)
    lock = DatabaseLock(services.engine, "sms")
    return asyncio.run(_serve(build_runner(services, sms_settings), Path(settings.data_dir) / "sms.health", lock))


def add_commands(subparsers) -> None:
    sms = subparsers.add_parser("sms", help="run the SMS channel: bind to the SMS centre (SMPP), take messages "
                                            "in, send replies (settings: DARGAH_SMPP_*)")
    sms.add_argument("--no-migrate", action="store_true", help="do not run `db upgrade` first")
    sms.set_defaults(func=_cmd_sms)
