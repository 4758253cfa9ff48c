"""SQL adapters of core's ports: a unit of work over one connection/transaction, and the case and
review repositories, mapping rows to core's msgspec types (SQLAlchemy Core: the hot path avoids ORM cost)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Iterable

import msgspec
from sqlalchemy import Engine, bindparam, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from core.model import (
    Attachment,
    Case,
    CaseEvent,
    CaseStatus,
    Channel,
    Contact,
    Outcome,
    Relation,
    ReviewItem,
    ReviewKind,
    ReviewState,
)
from core.ports import DuplicateKey, NewCase, Repeat, store_intake
from gateway.storage.database import is_postgres
from gateway.storage.tables import CaseEventRow, CaseRow, ContactRow, ReviewItemRow

cases_t = CaseRow.__table__
contacts_t = ContactRow.__table__
events_t = CaseEventRow.__table__
reviews_t = ReviewItemRow.__table__

# Built once: constructing statements per call costs more than the round trip on the intake path.
_INSERT_CASE = insert(cases_t).returning(cases_t.c.id)
_INSERT_CONTACT = insert(contacts_t).returning(contacts_t.c.id)
_INSERT_EVENT = insert(events_t)
_INSERT_REVIEW = insert(reviews_t).returning(reviews_t.c.id)
_BY_TRACKING_CODE = select(cases_t).where(cases_t.c.tracking_code == bindparam("tracking_code"))


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def _flags(raw: str) -> frozenset[str]:
    return frozenset(f for f in raw.split(",") if f)


def _attachments(raw: list | None) -> tuple[Attachment, ...]:
    return tuple(msgspec.convert(a, Attachment) for a in raw or ())


def _attachments_out(items: Iterable[Attachment]) -> list[dict]:
    return [msgspec.to_builtins(a) for a in items]


def case_from_row(r: Any) -> Case:
    return Case(
        id=r.id, tracking_code=r.tracking_code, identity=r.identity, caller_national_code=r.caller_national_code,
        caller_phone=r.caller_phone, caller_name=r.caller_name, subject_name=r.subject_name,
        relation=Relation(r.relation) if r.relation else None, channel=Channel(r.channel), text=r.text,
        topic=r.topic, agency=r.agency, status=CaseStatus(r.status), created_at=_utc(r.created_at),
        updated_at=_utc(r.updated_at), answer=r.answer, answered_at=_utc(r.answered_at), flags=_flags(r.flags),
        merged_into=r.merged_into,
    )


# Column order of case_row / contact_row / event_row (every column but the id; checked against the tables below).
CASE_COLUMNS = (
    "tracking_code", "identity", "caller_national_code", "caller_phone", "caller_name", "subject_name", "relation",
    "channel", "text", "topic", "agency", "status", "created_at", "updated_at", "answer", "answered_at", "flags",
    "merged_into",
)
CONTACT_COLUMNS = ("case_id", "channel", "outcome", "caller_national_code", "caller_phone", "caller_name", "text",
                   "external_id", "received_at", "attachments")
EVENT_COLUMNS = ("case_id", "kind", "actor", "at", "from_value", "to_value", "note")


for _table, _columns in ((cases_t, CASE_COLUMNS), (contacts_t, CONTACT_COLUMNS), (events_t, EVENT_COLUMNS)):
    if set(_columns) != {c.name for c in _table.columns} - {"id"}:
        raise RuntimeError(f"{_table.name}: the column list in repository.py is out of step with the table")


def case_row(case: Case) -> tuple:
    """The case's column values in CASE_COLUMNS order (tuples: batch writes transpose them cheaply)."""
    return (
        case.tracking_code, case.identity, case.caller_national_code, case.caller_phone, case.caller_name,
        case.subject_name, case.relation.value if case.relation else None, case.channel.value, case.text,
        case.topic, case.agency, case.status.value, case.created_at, case.updated_at, case.answer,
        case.answered_at, ",".join(sorted(case.flags)), case.merged_into,
    )


def _case_values(case: Case) -> dict:
    return dict(zip(CASE_COLUMNS, case_row(case)))


def contact_row(contact: Contact) -> tuple:
    """The contact's column values in CONTACT_COLUMNS order (attachments as a list, for a JSON column)."""
    return (
        contact.case_id, contact.channel.value, contact.outcome.value, contact.caller_national_code,
        contact.caller_phone, contact.caller_name, contact.text, contact.external_id, contact.received_at,
        _attachments_out(contact.attachments),
    )


def event_row(event: CaseEvent) -> tuple:
    """The event's column values in EVENT_COLUMNS order."""
    return (event.case_id, event.kind, event.actor, event.at, event.from_value, event.to_value, event.note)


def _contact_values(contact: Contact) -> dict:
    return dict(zip(CONTACT_COLUMNS, contact_row(contact)))


def external_ids_by_channel(keys: set[tuple[Channel, str]]) -> dict[Channel, list[str]]:
    grouped: dict[Channel, list[str]] = {}
    for channel, external_id in keys:
        grouped.setdefault(channel, []).append(external_id)
    return grouped


def contact_from_row(r: Any) -> Contact:
    return Contact(
        id=r.id, case_id=r.case_id, channel=Channel(r.channel), outcome=Outcome(r.outcome),
        caller_national_code=r.caller_national_code, caller_phone=r.caller_phone, caller_name=r.caller_name,
        text=r.text, external_id=r.external_id, received_at=_utc(r.received_at),
        attachments=_attachments(r.attachments),
    )


def review_from_row(r: Any) -> ReviewItem:
    return ReviewItem(
        id=r.id, kind=ReviewKind(r.kind), channel=Channel(r.channel), reason=r.reason, text=r.text,
        created_at=_utc(r.created_at), state=ReviewState(r.state), caller_phone=r.caller_phone,
        external_id=r.external_id, fields=r.fields or {}, attachments=_attachments(r.attachments),
        case_id=r.case_id, resolved_at=_utc(r.resolved_at), resolved_by=r.resolved_by,
    )


def _review_values(item: ReviewItem) -> dict:
    return dict(
        kind=item.kind.value, channel=item.channel.value, reason=item.reason, text=item.text,
        created_at=item.created_at, state=item.state.value, caller_phone=item.caller_phone,
        external_id=item.external_id, fields=item.fields, attachments=_attachments_out(item.attachments),
        case_id=item.case_id, resolved_at=item.resolved_at, resolved_by=item.resolved_by,
    )


class SqlCases:
    def __init__(self, conn):
        self.conn = conn

    def contacts_by_external_id(self, keys: set[tuple[Channel, str]]) -> dict[tuple[Channel, str], Contact]:
        found: dict[tuple[Channel, str], Contact] = {}
        for channel, ids in external_ids_by_channel(keys).items():
            rows = self.conn.execute(select(contacts_t).where(
                contacts_t.c.channel == channel.value, contacts_t.c.external_id.in_(ids)))
            for row in rows:
                contact = contact_from_row(row)
                found[(contact.channel, contact.external_id)] = contact
        return found

    def candidates(self, identities: list[str], closed_since: datetime) -> dict[str, list[Case]]:
        # No lock to take on SQLite: the transaction began with BEGIN IMMEDIATE, which already serializes
        # writers. (PostgreSQL takes advisory locks: gateway.storage.postgres.PgCases.)
        found: dict[str, list[Case]] = {i: [] for i in identities}
        rows = self.conn.execute(select(cases_t).where(
            cases_t.c.identity.in_(identities), cases_t.c.merged_into.is_(None),
            or_(cases_t.c.status != CaseStatus.CLOSED.value, cases_t.c.updated_at >= closed_since),
        ))
        for row in rows:
            found[row.identity].append(case_from_row(row))
        return found

    def add_case(self, case: Case) -> Case:
        try:
            case.id = self.conn.execute(_INSERT_CASE, _case_values(case)).scalar_one()
        except IntegrityError as exc:
            raise DuplicateKey("cases.tracking_code") from exc
        return case

    def write_intake(self, new: list[NewCase], repeats: list[Repeat]) -> None:
        store_intake(self, new, repeats)

    def update_case(self, case: Case) -> None:
        self.conn.execute(update(cases_t).where(cases_t.c.id == case.id).values(**_case_values(case)))

    def add_contact(self, contact: Contact) -> Contact:
        try:
            contact.id = self.conn.execute(_INSERT_CONTACT, _contact_values(contact)).scalar_one()
        except IntegrityError as exc:
            raise DuplicateKey("contacts.channel_external_id") from exc
        return contact

    def add_event(self, event: CaseEvent) -> None:
        self.conn.execute(_INSERT_EVENT, dict(zip(EVENT_COLUMNS, event_row(event))))

    def get(self, case_id: int) -> Case | None:
        row = self.conn.execute(select(cases_t).where(cases_t.c.id == case_id)).first()
        return case_from_row(row) if row else None

    def by_tracking_code(self, tracking_code: str) -> Case | None:
        row = self.conn.execute(_BY_TRACKING_CODE, {"tracking_code": tracking_code}).first()
        return case_from_row(row) if row else None

    def contacts(self, case_id: int) -> list[Contact]:
        rows = self.conn.execute(select(contacts_t).where(contacts_t.c.case_id == case_id).order_by(contacts_t.c.id))
        return [contact_from_row(r) for r in rows]

    def events(self, case_id: int) -> list[CaseEvent]:
        rows = self.conn.execute(select(events_t).where(events_t.c.case_id == case_id).order_by(events_t.c.id))
        return [CaseEvent(id=r.id, case_id=r.case_id, kind=r.kind, actor=r.actor, at=_utc(r.at),
                          from_value=r.from_value, to_value=r.to_value, note=r.note) for r in rows]

    def search(self, *, tracking_code=None, national_code=None, phone=None, agency=None, statuses=None,
               limit: int = 50, offset: int = 0) -> list[Case]:
        conditions = []
        if tracking_code:
            conditions.append(cases_t.c.tracking_code == tracking_code)
        if national_code:
            conditions.append(or_(cases_t.c.identity == national_code, cases_t.c.caller_national_code == national_code))
        if phone:
            conditions.append(cases_t.c.caller_phone == phone)
        if agency:
            conditions.append(cases_t.c.agency == agency)
        if statuses is not None:
            conditions.append(cases_t.c.status.in_([s.value for s in statuses]))
        query = select(cases_t).where(*conditions).order_by(cases_t.c.id.desc()).limit(limit).offset(offset)
        return [case_from_row(r) for r in self.conn.execute(query)]

    def counts(self, by: str) -> dict[str, int]:
        if by not in ("channel", "topic", "agency", "status"):
            raise ValueError(by)
        column = cases_t.c[by]
        rows = self.conn.execute(
            select(column, func.count()).where(cases_t.c.merged_into.is_(None)).group_by(column)
        )
        return {key: count for key, count in rows}


class SqlReviews:
    def __init__(self, conn):
        self.conn = conn

    def add(self, item: ReviewItem) -> ReviewItem:
        item.id = self.conn.execute(_INSERT_REVIEW, _review_values(item)).scalar_one()
        return item

    def get(self, item_id: int) -> ReviewItem | None:
        row = self.conn.execute(select(reviews_t).where(reviews_t.c.id == item_id)).first()
        return review_from_row(row) if row else None

    def update(self, item: ReviewItem) -> None:
        self.conn.execute(update(reviews_t).where(reviews_t.c.id == item.id).values(**_review_values(item)))

    def list(self, *, state=ReviewState.OPEN, kind=None, channel=None, limit: int = 50, offset: int = 0) -> list[ReviewItem]:
        conditions = []
        if state is not None:
            conditions.append(reviews_t.c.state == state.value)
        if kind is not None:
            conditions.append(reviews_t.c.kind == kind.value)
        if channel is not None:
            conditions.append(reviews_t.c.channel == channel.value)
        query = select(reviews_t).where(*conditions).order_by(reviews_t.c.id).limit(limit).offset(offset)
        return [review_from_row(r) for r in self.conn.execute(query)]

    def open_for_phone(self, phone: str, kind: ReviewKind, since: datetime) -> list[ReviewItem]:
        rows = self.conn.execute(select(reviews_t).where(
            reviews_t.c.caller_phone == phone, reviews_t.c.kind == kind.value,
            reviews_t.c.state == ReviewState.OPEN.value, reviews_t.c.created_at >= since,
        ).order_by(reviews_t.c.id))
        return [review_from_row(r) for r in rows]


class SqlUnitOfWork:
    def __init__(self, engine: Engine):
        self.engine = engine

    def __enter__(self) -> "SqlUnitOfWork":
        self.conn = self.engine.connect()
        self.tx = self.conn.begin()
        if self.conn.dialect.name == "postgresql":
            from gateway.storage.postgres import PgCases

            self.cases = PgCases(self.conn)
        else:
            self.cases = SqlCases(self.conn)
        self.reviews = SqlReviews(self.conn)
        return self

    def commit(self) -> None:
        self.tx.commit()

    def __exit__(self, *exc: Any) -> None:
        # Closing rolls back whatever was not committed (including a transaction begun after commit).
        self.conn.close()


class SqlUnitOfWorkFactory:
    def __init__(self, engine: Engine):
        self.engine = engine
        # PostgreSQL: connections of the same pool, in autocommit, for the optimistic intake unit. SQLite has none:
        # BEGIN IMMEDIATE serializes writers from the start, so its intake unit is an ordinary one.
        self._autocommit = engine.execution_options(isolation_level="AUTOCOMMIT") if is_postgres(engine) else None

    def __call__(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine)

    def optimistic(self):
        if self._autocommit is not None:
            from gateway.storage.postgres import PgIntakeUnitOfWork

            return PgIntakeUnitOfWork(self._autocommit)
        return SqlUnitOfWork(self.engine)
