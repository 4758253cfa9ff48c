"""The SMS channel's own tables (prefixed sms_) and the durable queue operations on them.

- sms_inbound: every deliver_sm as received (raw PDU), stored BEFORE deliver_sm_resp goes out. Rows move
  new → waiting (a part of a concatenated message) → done, or retransmit (an SMSC resend, never processed).
  Delivery receipts are rows of kind "receipt", matched to the outbox by the processor.
- sms_outbox: one row per reply/notice, with an idempotency key (so a re-run never queues the same reply
  twice), retried with backoff. sms_outbox_part: one row per submit_sm part with the SMSC's message_id,
  which receipts are matched against. This replaces aiosmpplib's in-memory broker and correlator.
Plain SQLAlchemy Core on the SQLModel tables: portable to SQLite and PostgreSQL, and fast enough for
batches of a few hundred rows per transaction.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from typing import Iterable, Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
MO = "mo"
RECEIPT = "receipt"


class SmsInbound(SQLModel, table=True):
    __tablename__ = "sms_inbound"
    id: Optional[int] = Field(default=None, primary_key=True, sa_type=ID)
    kind: str = Field(max_length=8)  # mo | receipt
    received_at: datetime = Field(sa_type=sa.DateTime(timezone=True))
    sender: str = Field(max_length=32, index=True)
    destination: str = Field(max_length=32)
    data_coding: int
    pdu: bytes = Field(sa_type=sa.LargeBinary)
    dedup_key: str = Field(max_length=64, index=True)
    state: str = Field(max_length=12, index=True)  # new | waiting | done | held | retransmit | unmatched
    concat_key: Optional[str] = Field(default=None, max_length=96, index=True)
    part_seq: Optional[int] = None
    part_total: Optional[int] = None
    message_key: Optional[str] = Field(default=None, max_length=40)
    processed_at: Optional[datetime] = Field(default=None, sa_type=sa.DateTime(timezone=True))


class SmsOutbox(SQLModel, table=True):
    __tablename__ = "sms_outbox"
    id: Optional[int] = Field(default=None, primary_key=True, sa_type=ID)
    key: str = Field(max_length=96, unique=True)  # idempotency key: "reply:sms:12", "answer:<tc>:<at>" …
    destination: str = Field(max_length=32)
    text: str = Field(sa_type=sa.Text)
    created_at: datetime = Field(sa_type=sa.DateTime(timezone=True))
    updated_at: datetime = Field(sa_type=sa.DateTime(timezone=True))
    next_attempt_at: datetime = Field(sa_type=sa.DateTime(timezone=True), index=True)
    state: str = Field(max_length=12, index=True)  # queued | sent | delivered | failed | undeliverable
    attempts: int = 0
    parts: int = 0
    parts_delivered: int = 0
    last_error: Optional[str] = Field(default=None, max_length=200)


class SmsOutboxPart(SQLModel, table=True):
    __tablename__ = "sms_outbox_part"
    __table_args__ = (sa.UniqueConstraint("outbox_id", "seq", name="uq_sms_outbox_part_seq"),)
    id: Optional[int] = Field(default=None, primary_key=True, sa_type=ID)
    outbox_id: int = Field(sa_column=sa.Column(ID, sa.ForeignKey("sms_outbox.id"), nullable=False, index=True))
    seq: int
    message_id: Optional[str] = Field(default=None, max_length=64, index=True)
    state: str = Field(max_length=12)  # submitted | delivered | undeliverable
    submitted_at: datetime = Field(sa_type=sa.DateTime(timezone=True))
    receipt_state: Optional[str] = Field(default=None, max_length=12)


INBOUND = SmsInbound.__table__
OUTBOX = SmsOutbox.__table__
PARTS = SmsOutboxPart.__table__
TABLES = (INBOUND, OUTBOX, PARTS)


def create_tables(engine: sa.Engine) -> None:
    """For tests and demos without Alembic (the migration sms_0001_initial creates the same tables)."""
    SQLModel.metadata.create_all(engine, tables=list(TABLES))


def utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def dedup_key(sender: str, data_coding: int, esm_class: int, short_message: bytes, tlvs: Iterable) -> str:
    """Same sender and same bytes (UDH and SAR TLVs included, so parts differ) ⇒ same key. A
    user_message_reference TLV, when the SMSC sends one, tells two identical texts apart."""
    h = hashlib.sha256()
    h.update(sender.encode("latin-1") + b"\0" + bytes([data_coding, esm_class]) + short_message)
    for tag, value in tlvs:
        if tag in (0x020C, 0x020E, 0x020F, 0x0424, 0x001E, 0x0427, 0x0204):
            h.update(tag.to_bytes(2, "big") + value)
    return h.hexdigest()


class SmsStore:
    def __init__(self, engine: sa.Engine):
        self.engine = engine

    # ------------------------------------------------------------ inbound
    def save_inbound(self, rows: list[dict], now: datetime, retransmit_window: timedelta) -> list[int]:
        """Store a batch of received PDUs in ONE transaction (group commit); the caller acks after this
        returns. A row whose dedup_key was seen within the window is kept as state 'retransmit'."""
        since = now - retransmit_window
        keys = list({r["dedup_key"] for r in rows})
        with self.engine.begin() as conn:
            seen = set(conn.execute(
                sa.select(INBOUND.c.dedup_key).where(INBOUND.c.dedup_key.in_(keys), INBOUND.c.received_at >= since)
            ).scalars())
            for r in rows:
                r.setdefault("received_at", now)
                if r["dedup_key"] in seen:
                    r["state"] = "retransmit"
                else:
                    r["state"] = "new"
                    seen.add(r["dedup_key"])
            result = conn.execute(INBOUND.insert().returning(INBOUND.c.id), rows)
            return list(result.scalars())

    def claim_new(self, kind: str, limit: int = 500) -> list[dict]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(INBOUND).where(INBOUND.c.kind == kind, INBOUND.c.state == "new")
                .order_by(INBOUND.c.id).limit(limit)
            ).mappings().all()
        return [dict(r) for r in rows]

    def mark_waiting(self, row_id: int, concat_key: str, seq: int, total: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(INBOUND.update().where(INBOUND.c.id == row_id).values(
                state="waiting", concat_key=concat_key, part_seq=seq, part_total=total))

    def waiting_parts(self, concat_key: str) -> list[dict]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(INBOUND).where(INBOUND.c.concat_key == concat_key,
                                                         INBOUND.c.state == "waiting").order_by(INBOUND.c.id))
            return [dict(r) for r in rows.mappings()]

    def stale_groups(self, older_than: datetime) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(
                sa.select(INBOUND.c.concat_key).where(INBOUND.c.state == "waiting")
                .group_by(INBOUND.c.concat_key).having(sa.func.min(INBOUND.c.received_at) < older_than)
            ).scalars())

    def mark_done(self, row_ids: list[int], message_key: str | None, now: datetime, state: str = "done") -> None:
        with self.engine.begin() as conn:
            conn.execute(INBOUND.update().where(INBOUND.c.id.in_(row_ids)).values(
                state=state, message_key=message_key, processed_at=now))

    def finish(self, row_ids: list[int], message_key: str, now: datetime, state: str,
               reply: tuple[str, str, str] | None) -> None:
        """Mark a message's rows handled and queue its reply (key, destination, text), in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(INBOUND.update().where(INBOUND.c.id.in_(row_ids)).values(
                state=state, message_key=message_key, processed_at=now))
            if reply is not None:
                self._insert_outbox(conn, *reply, now)

    def finish_many(self, done: list[tuple[list[int], str, str, tuple[str, str, str] | None]], now: datetime) -> None:
        """finish() for a batch of messages, in one transaction: (row_ids, message_key, state, reply)."""
        if not done:
            return
        with self.engine.begin() as conn:
            conn.execute(INBOUND.update().where(INBOUND.c.id == sa.bindparam("row_id")).values(
                state=sa.bindparam("new_state"), message_key=sa.bindparam("key"), processed_at=now),
                [{"row_id": i, "new_state": state, "key": key} for ids, key, state, _ in done for i in ids])
            replies = [reply for _, _, _, reply in done if reply is not None]
            if replies:
                self._insert_outbox_many(conn, replies, now)

    def held_senders(self, senders: set[str], since: datetime) -> set[str]:
        if not senders:
            return set()
        with self.engine.connect() as conn:
            return set(conn.execute(sa.select(INBOUND.c.sender).distinct().where(
                INBOUND.c.sender.in_(senders), INBOUND.c.state == "held", INBOUND.c.received_at >= since)).scalars())

    def has_held(self, sender: str, since: datetime) -> bool:
        """Whether this sender has a message held for its national code (a cheap hint before asking core)."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(INBOUND.c.id).where(
                INBOUND.c.sender == sender, INBOUND.c.state == "held", INBOUND.c.received_at >= since).limit(1)
            ).first() is not None

    def release_held(self, sender: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(INBOUND.update().where(INBOUND.c.sender == sender, INBOUND.c.state == "held")
                         .values(state="done"))

    def inbound(self, **where) -> list[dict]:
        query = sa.select(INBOUND).order_by(INBOUND.c.id)
        for column, value in where.items():
            query = query.where(INBOUND.c[column] == value)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    # ------------------------------------------------------------ outbox
    def enqueue(self, key: str, destination: str, text: str, now: datetime) -> bool:
        """Queue a message once: a second call with the same key changes nothing (returns False)."""
        with self.engine.begin() as conn:
            return self._insert_outbox(conn, key, destination, text, now)

    def _insert_outbox(self, conn, key: str, destination: str, text: str, now: datetime) -> bool:
        """Queue one reply; False when its key was already queued."""
        return conn.execute(_outbox_insert(conn).values(_outbox_row(key, destination, text, now))).rowcount == 1

    @staticmethod
    def _insert_outbox_many(conn, replies: list[tuple[str, str, str]], now: datetime) -> None:
        """Queue replies (key, destination, text); a key already queued is left alone. One statement with
        its rows as parameters, compiled once: a statement with the rows written into it was compiled again
        for every batch, which cost more than the rest of the batch's SMS handling."""
        rows = [_outbox_row(key, destination, text, now) for key, destination, text in replies]
        conn.execute(_outbox_insert(conn), rows)

    def due(self, now: datetime, limit: int) -> list[dict]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(OUTBOX).where(OUTBOX.c.state == "queued", OUTBOX.c.next_attempt_at <= now)
                                .order_by(OUTBOX.c.next_attempt_at, OUTBOX.c.id).limit(limit)).mappings()
            return [dict(r) for r in rows]

    def submitted_seqs(self, outbox_id: int) -> set[int]:
        with self.engine.connect() as conn:
            return set(conn.execute(sa.select(PARTS.c.seq).where(PARTS.c.outbox_id == outbox_id)).scalars())

    def part_submitted(self, outbox_id: int, seq: int, total: int, message_id: str, now: datetime) -> None:
        """A part the SMSC accepted (submit_sm_resp OK): recorded at once, so it is never sent again."""
        with self.engine.begin() as conn:
            conn.execute(PARTS.insert().values(outbox_id=outbox_id, seq=seq, message_id=message_id,
                                               state="submitted", submitted_at=now))
            done = conn.execute(sa.select(sa.func.count()).select_from(PARTS)
                                .where(PARTS.c.outbox_id == outbox_id)).scalar_one()
            values = {"parts": total, "updated_at": now}
            if done >= total:
                values["state"] = "sent"
            conn.execute(OUTBOX.update().where(OUTBOX.c.id == outbox_id).values(**values))

    def retry_later(self, outbox_id: int, error: str, now: datetime, delay: timedelta, max_attempts: int) -> str:
        with self.engine.begin() as conn:
            attempts = conn.execute(sa.select(OUTBOX.c.attempts).where(OUTBOX.c.id == outbox_id)).scalar_one() + 1
            state = "failed" if attempts >= max_attempts else "queued"
            conn.execute(OUTBOX.update().where(OUTBOX.c.id == outbox_id).values(
                attempts=attempts, last_error=error[:200], updated_at=now, next_attempt_at=now + delay, state=state))
            return state

    def fail(self, outbox_id: int, error: str, now: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(OUTBOX.update().where(OUTBOX.c.id == outbox_id).values(
                state="failed", last_error=error[:200], updated_at=now))

    def apply_receipt(self, message_ids: list[str], delivered: bool, final: bool, state: str, now: datetime) -> int | None:
        """Match a receipt to its part (any of the id spellings given); returns the outbox id or None."""
        with self.engine.begin() as conn:
            part = conn.execute(sa.select(PARTS).where(PARTS.c.message_id.in_(message_ids))).mappings().first()
            if part is None:
                return None
            if part["state"] == "submitted" and final:
                conn.execute(PARTS.update().where(PARTS.c.id == part["id"]).values(
                    state="delivered" if delivered else "undeliverable", receipt_state=state))
                row = conn.execute(sa.select(OUTBOX).where(OUTBOX.c.id == part["outbox_id"])).mappings().one()
                if delivered:
                    got = row["parts_delivered"] + 1
                    values = {"parts_delivered": got, "updated_at": now}
                    if got >= row["parts"] and row["state"] == "sent":
                        values["state"] = "delivered"
                else:
                    values = {"state": "undeliverable", "last_error": f"receipt {state}", "updated_at": now}
                conn.execute(OUTBOX.update().where(OUTBOX.c.id == part["outbox_id"]).values(**values))
            return part["outbox_id"]

    def requeue(self, outbox_id: int, now: datetime) -> bool:
        """An operator's explicit retry of a failed or undeliverable message: sent again from the start."""
        with self.engine.begin() as conn:
            row = conn.execute(sa.select(OUTBOX.c.state).where(OUTBOX.c.id == outbox_id)).first()
            if row is None or row[0] not in ("failed", "undeliverable"):
                return False
            conn.execute(PARTS.delete().where(PARTS.c.outbox_id == outbox_id))
            conn.execute(OUTBOX.update().where(OUTBOX.c.id == outbox_id).values(
                state="queued", attempts=0, parts_delivered=0, next_attempt_at=now, updated_at=now))
            return True

    def outbox(self, limit: int | None = None, offset: int = 0, **where) -> list[dict]:
        query = sa.select(OUTBOX).order_by(OUTBOX.c.id.desc() if limit else OUTBOX.c.id)
        if limit:
            query = query.limit(limit).offset(offset)
        for column, value in where.items():
            query = query.where(OUTBOX.c[column] == value)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def parts(self, outbox_id: int) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(
                sa.select(PARTS).where(PARTS.c.outbox_id == outbox_id).order_by(PARTS.c.seq)).mappings()]


def _outbox_insert(conn):
    """INSERT into the outbox that leaves a key already queued alone (the dialect's ON CONFLICT DO NOTHING)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(OUTBOX).on_conflict_do_nothing(index_elements=["key"])


def _outbox_row(key: str, destination: str, text: str, now: datetime) -> dict:
    return dict(key=key, destination=destination, text=text, created_at=now, updated_at=now, next_attempt_at=now,
                state="queued", attempts=0, parts=0, parts_delivered=0)
