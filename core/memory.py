"""In-memory adapters for the ports: for unit tests of core and of the channels, and for demos.

One global lock stands in for the database's identity lock; a unit of work works on copies and publishes
them on commit, so an exception before commit leaves nothing behind (like a rolled-back transaction).
"""

from __future__ import annotations

import copy
import hashlib
import threading
from datetime import datetime
from typing import Any, Iterable

from core.model import Case, CaseEvent, CaseStatus, Contact, ReviewItem, ReviewKind, ReviewState
from core.ports import DuplicateKey, NewCase, Repeat, store_intake


class MemoryStore:
    def __init__(self) -> None:
        self.cases: dict[int, Case] = {}
        self.contacts: dict[int, Contact] = {}
        self.events: list[CaseEvent] = []
        self.reviews: dict[int, ReviewItem] = {}
        self.lock = threading.RLock()
        self._ids = 0

    def next_id(self) -> int:
        self._ids += 1
        return self._ids


class _MemoryCases:
    def __init__(self, uow: "MemoryUnitOfWork"):
        self.uow = uow

    @property
    def _s(self) -> dict:
        return self.uow.pending

    def contacts_by_external_id(self, keys):
        return {(c.channel, c.external_id): c for c in self._s["contacts"].values()
                if c.external_id and (c.channel, c.external_id) in keys}

    def candidates(self, identities: list[str], closed_since: datetime) -> dict[str, list[Case]]:
        # No lock to take: the unit of work holds the store lock for its whole life.
        found: dict[str, list[Case]] = {i: [] for i in identities}
        for c in self._s["cases"].values():
            if c.identity in found and c.merged_into is None and (
                    c.status != CaseStatus.CLOSED or c.updated_at >= closed_since):
                found[c.identity].append(c)
        return found

    def add_case(self, case: Case) -> Case:
        if any(c.tracking_code == case.tracking_code for c in self._s["cases"].values()):
            raise DuplicateKey("tracking_code")
        case.id = self.uow.store.next_id()
        self._s["cases"][case.id] = case
        return case

    def update_case(self, case: Case) -> None:
        self._s["cases"][case.id] = case

    def write_intake(self, new: list[NewCase], repeats: list[Repeat]) -> None:
        store_intake(self, new, repeats)

    def add_contact(self, contact: Contact) -> Contact:
        if contact.external_id and self.contacts_by_external_id({(contact.channel, contact.external_id)}):
            raise DuplicateKey("external_id")
        contact.id = self.uow.store.next_id()
        self._s["contacts"][contact.id] = contact
        return contact

    def add_event(self, event: CaseEvent) -> None:
        event.id = self.uow.store.next_id()
        self._s["events"].append(event)

    def get(self, case_id: int) -> Case | None:
        return self._s["cases"].get(case_id)

    def by_tracking_code(self, tracking_code: str) -> Case | None:
        return next((c for c in self._s["cases"].values() if c.tracking_code == tracking_code), None)

    def contacts(self, case_id: int) -> list[Contact]:
        return [c for c in self._s["contacts"].values() if c.case_id == case_id]

    def events(self, case_id: int) -> list[CaseEvent]:
        return [e for e in self._s["events"] if e.case_id == case_id]

    def search(self, *, tracking_code=None, national_code=None, phone=None, agency=None,
               statuses: Iterable[CaseStatus] | None = None, limit=50, offset=0) -> list[Case]:
        out = []
        for c in sorted(self._s["cases"].values(), key=lambda c: c.id, reverse=True):
            if tracking_code and c.tracking_code != tracking_code:
                continue
            if national_code and national_code not in (c.identity, c.caller_national_code):
                continue
            if phone and c.caller_phone != phone:
                continue
            if agency and c.agency != agency:
                continue
            if statuses is not None and c.status not in set(statuses):
                continue
            out.append(c)
        return out[offset: offset + limit]

    def counts(self, by: str) -> dict[str, int]:
        result: dict[str, int] = {}
        for c in self._s["cases"].values():
            if c.merged_into is not None:
                continue
            value = getattr(c, by)
            key = value.value if hasattr(value, "value") else str(value)
            result[key] = result.get(key, 0) + 1
        return result


class _MemoryReviews:
    def __init__(self, uow: "MemoryUnitOfWork"):
        self.uow = uow

    def add(self, item: ReviewItem) -> ReviewItem:
        item.id = self.uow.store.next_id()
        self.uow.pending["reviews"][item.id] = item
        return item

    def get(self, item_id: int) -> ReviewItem | None:
        return self.uow.pending["reviews"].get(item_id)

    def update(self, item: ReviewItem) -> None:
        self.uow.pending["reviews"][item.id] = item

    def list(self, *, state=ReviewState.OPEN, kind=None, channel=None, limit=50, offset=0) -> list[ReviewItem]:
        items = [i for i in self.uow.pending["reviews"].values()
                 if (state is None or i.state == state) and (kind is None or i.kind == kind)
                 and (channel is None or i.channel == channel)]
        return sorted(items, key=lambda i: i.id)[offset: offset + limit]

    def open_for_phone(self, phone: str, kind: ReviewKind, since: datetime) -> list[ReviewItem]:
        return [i for i in self.list(kind=kind, limit=10**9) if i.caller_phone == phone and i.created_at >= since]


class MemoryUnitOfWork:
    def __init__(self, store: MemoryStore):
        self.store = store
        self.cases = _MemoryCases(self)
        self.reviews = _MemoryReviews(self)

    def __enter__(self) -> "MemoryUnitOfWork":
        self.store.lock.acquire()
        self.pending = {
            "cases": copy.deepcopy(self.store.cases),
            "contacts": copy.deepcopy(self.store.contacts),
            "events": list(self.store.events),
            "reviews": copy.deepcopy(self.store.reviews),
        }
        return self

    def commit(self) -> None:
        self.store.cases = self.pending["cases"]
        self.store.contacts = self.pending["contacts"]
        self.store.events = self.pending["events"]
        self.store.reviews = self.pending["reviews"]
        self.pending = {k: copy.deepcopy(v) if k != "events" else list(v) for k, v in self.pending.items()}

    def __exit__(self, *exc: Any) -> None:
        self.store.lock.release()


class MemoryUnitOfWorkFactory:
    def __init__(self) -> None:
        self.store = MemoryStore()

    def __call__(self) -> MemoryUnitOfWork:
        return MemoryUnitOfWork(self.store)

    def optimistic(self) -> MemoryUnitOfWork:
        return self()  # it holds the store lock from the start: its candidates cannot change


class MemoryBlobStore:
    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    def put(self, data: bytes, media_type: str) -> str:
        blob_id = hashlib.sha256(data).hexdigest()
        self.blobs[blob_id] = data
        return blob_id

    def get(self, blob_id: str) -> bytes:
        return self.blobs[blob_id]

    def path(self, blob_id: str) -> str:
        return f"memory://{blob_id}"


class InlineJobQueue:
    """Runs a job at once, in this thread (the in-process default and the tests' queue)."""

    def __init__(self) -> None:
        self.ran: list[tuple[str, dict]] = []

    def enqueue(self, job: str, /, **kwargs: Any) -> str:
        import importlib

        module, _, name = job.rpartition(".")
        getattr(importlib.import_module(module), name)(**kwargs)
        self.ran.append((job, kwargs))
        return f"inline-{len(self.ran)}"
