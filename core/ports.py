"""Ports: what core needs from the outside world, as Protocols. Adapters live in gateway/ and channels/;
tests use core.memory's in-memory versions."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Iterable, Protocol

from core.model import Case, CaseEvent, CaseStatus, Channel, Contact, ReviewItem, ReviewKind, ReviewState


class DuplicateKey(Exception):
    """A unique key held in storage (another writer got there first); the use case retries."""


class Contended(Exception):
    """An optimistic unit of work's candidates changed before it committed (another writer of the same person
    got there first); nothing was stored. `identities`: the people whose candidates changed (empty: not known,
    take it as all): the use case may store the rest of its batch and decide again for these."""

    def __init__(self, message: str, identities: frozenset[str] = frozenset()):
        super().__init__(message)
        self.identities = identities


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)


# A new case with its first contact and events; a further contact on a case with its event.
NewCase = tuple[Case, Contact, list[CaseEvent]]
Repeat = tuple[Case, Contact, CaseEvent]


class CaseRepository(Protocol):
    def contacts_by_external_id(self, keys: set[tuple[Channel, str]]) -> dict[tuple[Channel, str], Contact]: ...
    def candidates(self, identities: list[str], closed_since: datetime) -> dict[str, list[Case]]:
        """Per identity, its cases that are open, or closed at/after closed_since, not merged ones: what the
        deduplicator compares a new contact with. In a unit of work, first serialize writers for these
        identities until it ends (the dedup guard in storage; taken in sorted order, so two batches sharing
        people cannot deadlock), THEN read (what the lock holder before us committed is seen). In an
        optimistic unit of work (`UnitOfWorkFactory.optimistic`), only read: its commit checks them."""

    def write_intake(self, new: list[NewCase], repeats: list[Repeat]) -> None:
        """Store an intake batch in as few round trips as the database allows: each new case with its first
        contact and events, and each further contact on a case (which may be one of `new`) with its event and
        the case's updated_at. Sets the ids (case.id, contact.case_id, event.case_id). Raises DuplicateKey on
        a taken tracking code or (channel, external_id)."""

    def add_case(self, case: Case) -> Case: ...
    def update_case(self, case: Case) -> None: ...
    def add_contact(self, contact: Contact) -> Contact: ...
    def add_event(self, event: CaseEvent) -> None: ...
    def get(self, case_id: int) -> Case | None: ...
    def by_tracking_code(self, tracking_code: str) -> Case | None: ...
    def contacts(self, case_id: int) -> list[Contact]: ...
    def events(self, case_id: int) -> list[CaseEvent]: ...
    def search(
        self,
        *,
        tracking_code: str | None = None,
        national_code: str | None = None,
        phone: str | None = None,
        agency: str | None = None,
        statuses: Iterable[CaseStatus] | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[Case]: ...
    def counts(self, by: str) -> dict[str, int]:
        """Number of cases grouped by "channel", "topic", "agency" or "status"."""


def link_to_case(case: Case, contact: Contact, events: list[CaseEvent]) -> None:
    """Point a contact and its events at their case, once the case has its id (`write_intake` sets them)."""
    contact.case_id = case.id
    for event in events:
        event.case_id = case.id


def store_intake(cases: CaseRepository, new: list[NewCase], repeats: list[Repeat]) -> None:
    """`CaseRepository.write_intake` written with the single-row methods, for stores without a faster path."""
    for case, contact, events in new:
        cases.add_case(case)
        link_to_case(case, contact, events)
        for event in events:
            cases.add_event(event)
        cases.add_contact(contact)
    for case, contact, event in repeats:
        link_to_case(case, contact, [event])
        cases.add_contact(contact)
        cases.add_event(event)
        cases.update_case(case)


class ReviewRepository(Protocol):
    def add(self, item: ReviewItem) -> ReviewItem: ...
    def get(self, item_id: int) -> ReviewItem | None: ...
    def update(self, item: ReviewItem) -> None: ...
    def list(
        self, *, state: ReviewState | None = ReviewState.OPEN, kind: ReviewKind | None = None,
        channel: Channel | None = None, limit: int = 50, offset: int = 0,
    ) -> list[ReviewItem]: ...
    def open_for_phone(self, phone: str, kind: ReviewKind, since: datetime) -> list[ReviewItem]: ...


class UnitOfWork(Protocol):
    """One transaction. `with uow:` begins; commit() makes it durable; leaving without commit rolls back."""

    cases: CaseRepository
    reviews: ReviewRepository

    def __enter__(self) -> "UnitOfWork": ...
    def __exit__(self, *exc: Any) -> None: ...
    def commit(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...

    def optimistic(self) -> UnitOfWork:
        """A unit of work for one intake batch (`contacts_by_external_id`, `get`, `candidates`, `write_intake`)
        that holds no lock while it reads and decides: its commit takes the identity locks of the people
        `write_intake` was given, checks that their candidates are what it read, and stores the batch, in one
        step; if they changed it raises Contended, stores nothing, and may be given a smaller batch (without
        those people) and committed again. Stores that serialize writers from the start (SQLite, memory) give
        an ordinary unit of work, whose candidates cannot change."""


class JobQueue(Protocol):
    def enqueue(self, job: str, /, **kwargs: Any) -> str:
        """Run the module-level function named by dotted path `job` with kwargs, now or on a worker.
        Returns a job id. Jobs must be safe to run twice."""


class Notifier(Protocol):
    """Messages to citizens outside the contact they are in (the SMS channel's outbox implements it;
    the gateway wires it in, so channels reach each other only through core)."""

    def case_answered(self, case: Case) -> None:
        """Tell the citizen an agency answered."""

    def tracking_code_issued(self, phone: str, tracking_code: str, duplicate: bool) -> None:
        """Send a tracking code to a mobile (e.g. after a phone call registered a case)."""


class NullNotifier:
    def case_answered(self, case: Case) -> None:
        return None

    def tracking_code_issued(self, phone: str, tracking_code: str, duplicate: bool) -> None:
        return None


class BlobStore(Protocol):
    def put(self, data: bytes, media_type: str) -> str:
        """Store bytes; return their content address (sha256 hex). Storing the same bytes twice is a no-op."""

    def get(self, blob_id: str) -> bytes: ...
    def path(self, blob_id: str) -> str: ...
