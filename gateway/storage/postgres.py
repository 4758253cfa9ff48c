"""The intake hot path on PostgreSQL, on the raw psycopg cursor of the unit of work's connection.

An intake batch normally runs optimistically, in two statements and two round trips, with no transaction
held open while core decides (`PgIntakeUnitOfWork`): the candidate read, then one write of every case,
contact and event (data-modifying CTEs over JSON rows) that first takes the identity locks and checks that
the candidates read are unchanged (migration 0003_candidates_unchanged), each in autocommit. After a
conflict core stores the rest of the batch and decides again, for the people whose cases changed, in an
ordinary unit of work: BEGIN, the identity locks and the candidate read (one function), the same write
without the check, COMMIT. These statements skip SQLAlchemy Core, which
cost several times the driver's CPU per statement; everything else stays on Core. Same tables.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec
import psycopg.errors
from psycopg.rows import namedtuple_row, tuple_row
from sqlalchemy import JSON, Engine
from sqlalchemy.dialects import postgresql

from core.model import Case, Channel, Contact
from core.ports import Contended, DuplicateKey, NewCase, Repeat, link_to_case
from gateway.storage.repository import (
    CASE_COLUMNS,
    CONTACT_COLUMNS,
    EVENT_COLUMNS,
    SqlCases,
    case_from_row,
    case_row,
    cases_t,
    contact_from_row,
    contact_row,
    contacts_t,
    event_row,
    events_t,
    external_ids_by_channel,
)

# case_id comes from the join on the tracking code
_CONTACT_COLUMNS = CONTACT_COLUMNS[1:]
_EVENT_COLUMNS = EVENT_COLUMNS[1:]


def _rows(table, columns: tuple[str, ...], param: str, extra: tuple[tuple[str, str], ...] = ()) -> str:
    """The rows of one JSON parameter (an array of arrays, values in `columns` order, then `extra`), typed:
    `SELECT (r->>0)::type AS col, … FROM jsonb_array_elements(%(param)s) WITH ORDINALITY AS x(r, n)`.

    Why JSON and not one array parameter per column: psycopg builds array literals in Python, element by
    element (a regex per string), which cost more CPU than the rest of the batch; one JSON document is
    encoded in C (msgspec) and parsed in C by PostgreSQL."""
    typed = [(c, None if isinstance(table.c[c].type, JSON) else table.c[c].type.compile(dialect=postgresql.dialect()))
             for c in columns] + list(extra)
    values = ", ".join(f"r->{i} AS {c}" if t is None else f"(r->>{i})::{t} AS {c}" for i, (c, t) in enumerate(typed))
    return f"SELECT {values}, n FROM jsonb_array_elements(%({param})s::jsonb) WITH ORDINALITY AS x(r, n)"


# One statement stores a whole intake batch (data-modifying CTEs): the new cases; then the contacts and
# events of new and existing cases, joined to their case by tracking code (unique), because a repeat may be
# of a case that is new in this very batch, each in batch order; then updated_at of the existing cases that
# were contacted again. Every write joins `guard`: in the optimistic unit it takes the identity locks and
# checks the candidates (raising serialization_failure if they changed, so the statement stores nothing),
# and no row is written before it has run; in a locking unit, which holds the locks already, it is a
# constant.
_WRITE_INTAKE = (
    "WITH guard AS MATERIALIZED ({guard}), "
    f"c AS (INSERT INTO cases ({', '.join(CASE_COLUMNS)}) "
    f"SELECT {', '.join(CASE_COLUMNS)} FROM ({_rows(cases_t, CASE_COLUMNS, 'cases')}) v, guard WHERE guard.ok "
    "ORDER BY n RETURNING id, tracking_code), "
    "ids AS (SELECT id, tracking_code FROM c UNION ALL "
    "SELECT (r->>0)::bigint, r->>1 FROM jsonb_array_elements(%(existing)s::jsonb) AS x(r)), "
    f"e AS (INSERT INTO case_events (case_id, {', '.join(_EVENT_COLUMNS)}) "
    f"SELECT ids.id, {', '.join(_EVENT_COLUMNS)} "
    f"FROM ({_rows(events_t, _EVENT_COLUMNS, 'events', (('tracking_code', 'text'),))}) v "
    "JOIN ids USING (tracking_code), guard WHERE guard.ok ORDER BY n), "
    f"k AS (INSERT INTO contacts (case_id, {', '.join(_CONTACT_COLUMNS)}) "
    f"SELECT ids.id, {', '.join(_CONTACT_COLUMNS)} "
    f"FROM ({_rows(contacts_t, _CONTACT_COLUMNS, 'contacts', (('tracking_code', 'text'),))}) v "
    "JOIN ids USING (tracking_code), guard WHERE guard.ok ORDER BY n), "
    "u AS (UPDATE cases SET updated_at = (x.r->>2)::timestamptz "
    "FROM jsonb_array_elements(%(existing)s::jsonb) AS x(r), guard "
    # The redundant ANY lets the planner see a handful of ids (an index scan), not a join it may hash
    # over the whole table.
    "WHERE guard.ok AND cases.id = (x.r->>0)::bigint AND cases.id = ANY(%(existing_ids)s)) "
    "SELECT id, tracking_code FROM c"
)
_WRITE_LOCKED = _WRITE_INTAKE.replace("{guard}", "SELECT true AS ok")
_WRITE_CHECKED = _WRITE_INTAKE.replace(
    "{guard}", "SELECT dargah_candidates_unchanged(%(identities)s, %(since)s, %(seen)s::jsonb) AS ok")

# The optimistic candidate read: the cases `dargah_lock_candidates` reads, each with its version (what the
# deduplicator decides on: migration 0003), which the write's guard compares.
_READ_CANDIDATES = (
    "SELECT *, dargah_case_version(cases) AS row_version FROM cases "
    "WHERE identity = ANY(%s) AND merged_into IS NULL AND (status <> 'closed' OR updated_at >= %s)"
)


def _write_intake_params(new: list[NewCase], repeats: list[Repeat]) -> dict:
    contacts = [(case, contact) for case, contact, _ in new] + [(case, contact) for case, contact, _ in repeats]
    events = [(case, e) for case, _, evs in new for e in evs] + [(case, e) for case, _, e in repeats]
    existing = {case.id: case for case, _, _ in repeats if case.id is not None}
    return {
        "cases": _json([case_row(case) for case, _, _ in new]),
        "contacts": _json([(*contact_row(contact)[1:], case.tracking_code) for case, contact in contacts]),
        "events": _json([(*event_row(e)[1:], case.tracking_code) for case, e in events]),
        "existing": _json([(c.id, c.tracking_code, c.updated_at) for c in existing.values()]),
        "existing_ids": list(existing),
    }


_ENCODER = msgspec.json.Encoder()


def _json(rows: list) -> str:
    return _ENCODER.encode(rows).decode()  # text: psycopg would send bytes as bytea


class PgCases(SqlCases):
    """SqlCases with the intake path on the raw psycopg cursor."""

    def run(self, sql: str, params: dict | tuple, what: str, row_factory=namedtuple_row):
        """One statement on the unit's raw psycopg cursor; a unique violation is DuplicateKey(`what`), the
        optimistic guard's serialization failure is Contended (naming whose cases changed)."""
        cursor = self.conn.connection.driver_connection.cursor(row_factory=row_factory)
        try:
            cursor.execute(sql, params)
        except psycopg.errors.UniqueViolation as exc:
            raise DuplicateKey(what) from exc
        except psycopg.errors.SerializationFailure as exc:
            # The optimistic write's guard (migration 0003): its DETAIL names whose cases changed.
            raise Contended(str(exc), frozenset(filter(None, (exc.diag.message_detail or "").split(",")))) from exc
        return cursor

    def candidates(self, identities: list[str], closed_since: datetime) -> dict[str, list[Case]]:
        found: dict[str, list[Case]] = {i: [] for i in identities}
        if not identities:
            return found
        # Transaction-scoped advisory locks keyed by the national codes themselves (10 digits fit a bigint):
        # concurrent intakes of one person queue there; different people never contend. Then the read, with
        # a snapshot taken after the locks are held, so it sees what the previous holder committed. Both in
        # one function call (migration 0002_lock_candidates says why).
        rows = self.run("SELECT * FROM dargah_lock_candidates(%s, %s)", (",".join(identities), closed_since),
                         "candidates")
        for row in rows:
            found[row.identity].append(case_from_row(row))
        return found

    def contacts_by_external_id(self, keys: set[tuple[Channel, str]]) -> dict[tuple[Channel, str], Contact]:
        found: dict[tuple[Channel, str], Contact] = {}
        for channel, ids in external_ids_by_channel(keys).items():
            rows = self.run("SELECT * FROM contacts WHERE channel = %s AND external_id = ANY(%s)",
                             (channel.value, ids), "contacts")
            for row in rows:
                contact = contact_from_row(row)
                found[(contact.channel, contact.external_id)] = contact
        return found

    def write_intake(self, new: list[NewCase], repeats: list[Repeat]) -> None:
        if new or repeats:
            self.store_batch(_WRITE_LOCKED, _write_intake_params(new, repeats), new, repeats)

    def store_batch(self, sql: str, params: dict, new: list[NewCase], repeats: list[Repeat]) -> None:
        """Run one of the batch write statements and give the new cases, contacts and events their ids."""
        rows = self.run(sql, params, "cases.tracking_code or contacts.channel_external_id", tuple_row)
        ids = {code: case_id for case_id, code in rows}
        for case, contact, events in new:
            case.id = ids[case.tracking_code]
            link_to_case(case, contact, events)
        for case, contact, event in repeats:
            link_to_case(case, contact, [event])


class PgIntakeCases:
    """The intake batch's part of the case repository, optimistic (`UnitOfWorkFactory.optimistic`): reads
    take no lock; the batch `write_intake` is given is stored at commit, by one statement that takes the
    identity locks, checks that the candidates read here are unchanged and writes, all or nothing."""

    def __init__(self, cases: PgCases):
        self._cases = cases
        self._since: datetime | None = None
        self._read: set[str] = set()  # the identities whose candidates were read (and decided on)
        self._versions: dict[str, list[tuple[int, str]]] = {}  # per identity: (id, version) of its candidates
        self._batch: tuple[list[NewCase], list[Repeat]] = ([], [])

    def contacts_by_external_id(self, keys: set[tuple[Channel, str]]) -> dict[tuple[Channel, str], Contact]:
        return self._cases.contacts_by_external_id(keys)

    def get(self, case_id: int) -> Case | None:
        return self._cases.get(case_id)

    def candidates(self, identities: list[str], closed_since: datetime) -> dict[str, list[Case]]:
        found: dict[str, list[Case]] = {i: [] for i in identities}
        self._since = closed_since
        self._read.update(identities)
        for row in self._cases.run(_READ_CANDIDATES, (identities, closed_since), "candidates"):
            found[row.identity].append(case_from_row(row))
            self._versions.setdefault(row.identity, []).append((row.id, row.row_version))
        return found

    def write_intake(self, new: list[NewCase], repeats: list[Repeat]) -> None:
        self._batch = (new, repeats)

    def commit(self) -> None:
        """Store the batch, checking the candidates of the people it writes for whose candidates were read
        (their locks taken first; a contact with no text yet was not compared with any); Contended names those
        whose candidates changed."""
        new, repeats = self._batch
        self._batch = ([], [])
        if not new and not repeats:
            return
        people = sorted({case.identity for case, _, _ in new + repeats} & self._read)  # type: ignore[operator]
        check = {"identities": ",".join(people), "since": self._since,
                 "seen": _json({i: sorted(self._versions.get(i, ())) for i in people})}
        self._cases.store_batch(_WRITE_CHECKED, {**_write_intake_params(new, repeats), **check}, new, repeats)


class PgIntakeUnitOfWork:
    """The optimistic unit of work of an intake batch on PostgreSQL: a pooled connection in autocommit, so
    no transaction is open while core decides, and commit is the one statement that stores the batch."""

    def __init__(self, engine: Engine):
        self.engine = engine  # in AUTOCOMMIT

    def __enter__(self) -> "PgIntakeUnitOfWork":
        self.conn = self.engine.connect()
        self.cases = PgIntakeCases(PgCases(self.conn))
        return self

    def commit(self) -> None:
        self.cases.commit()

    def __exit__(self, *exc: Any) -> None:
        self.conn.close()
