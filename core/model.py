"""The one case model every channel normalizes into."""

from __future__ import annotations

import enum
from datetime import datetime

import msgspec


class Channel(str, enum.Enum):
    VOICE = "voice"
    SMS = "sms"
    LETTER = "letter"
    WEB = "web"
    OPERATOR = "operator"


class CaseStatus(str, enum.Enum):
    REGISTERED = "registered"
    ROUTED = "routed"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"
    CLOSED = "closed"


# Lifecycle: registered → routed → in_progress → answered → closed, with reopen (closed/answered → in_progress).
TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.REGISTERED: frozenset({CaseStatus.ROUTED, CaseStatus.IN_PROGRESS, CaseStatus.CLOSED}),
    CaseStatus.ROUTED: frozenset({CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED, CaseStatus.CLOSED, CaseStatus.ROUTED}),
    CaseStatus.IN_PROGRESS: frozenset({CaseStatus.ANSWERED, CaseStatus.CLOSED, CaseStatus.ROUTED}),
    CaseStatus.ANSWERED: frozenset({CaseStatus.CLOSED, CaseStatus.IN_PROGRESS}),
    CaseStatus.CLOSED: frozenset({CaseStatus.IN_PROGRESS}),
}

STATUS_FA = {
    CaseStatus.REGISTERED: "ثبت شده",
    CaseStatus.ROUTED: "ارجاع شده به دستگاه مسئول",
    CaseStatus.IN_PROGRESS: "در حال رسیدگی",
    CaseStatus.ANSWERED: "پاسخ داده شده",
    CaseStatus.CLOSED: "بسته شده",
}


class Relation(str, enum.Enum):
    SELF = "self"
    CHILD = "child"
    SPOUSE = "spouse"
    FATHER = "father"
    MOTHER = "mother"
    SIBLING = "sibling"
    OTHER = "other"


class Person(msgspec.Struct, frozen=True, kw_only=True):
    """Someone named in a submission. national_code/phone are canonical (see core.identity) once validated."""

    national_code: str | None = None
    phone: str | None = None
    name: str | None = None
    relation: Relation | None = None


class Attachment(msgspec.Struct, frozen=True, kw_only=True):
    """A file that came with a submission (a scan, a recording), already in the blob store."""

    kind: str  # "scan" | "recording" | "mms" …
    blob_id: str  # content address (sha256 hex) in the blob store
    media_type: str
    note: str | None = None


class Submission(msgspec.Struct, frozen=True, kw_only=True):
    """What a channel adapter hands to core: one contact from one person about one matter."""

    channel: Channel
    caller: Person
    text: str
    subject: Person | None = None
    external_id: str | None = None
    received_at: datetime | None = None
    attachments: tuple[Attachment, ...] = ()
    # Set by channels that register before they have everything: "identity_pending", "transcription_pending".
    flags: frozenset[str] = frozenset()

    @property
    def identity(self) -> str | None:
        """The person the matter is about: the subject's national code when there is a subject (None while
        that code is still pending: the case must not be filed under the caller), else the caller's."""
        if self.subject is not None:
            return self.subject.national_code
        return self.caller.national_code

    @property
    def own_voice(self) -> bool:
        """Told by the person it is about: no subject, or the caller named as the subject with no relation (a
        channel that files a relative's matter under the one code it was given marks the relation: not his voice)."""
        return self.subject is None or (self.subject.national_code == self.caller.national_code
                                        and self.subject.relation in (None, Relation.SELF))


class Outcome(str, enum.Enum):
    REGISTERED = "registered"
    DUPLICATE = "duplicate"


class IntakeResult(msgspec.Struct, frozen=True, kw_only=True):
    outcome: Outcome
    tracking_code: str
    case_id: int
    status: CaseStatus
    topic: str
    agency: str
    # True when the same (channel, external_id) was seen before and this is the first answer replayed.
    replayed: bool = False


class Case(msgspec.Struct, kw_only=True):
    id: int | None
    tracking_code: str
    identity: str | None  # subject's national code (None while identity pending)
    caller_national_code: str | None
    caller_phone: str | None
    caller_name: str | None
    subject_name: str | None
    relation: Relation | None
    channel: Channel  # first channel
    text: str  # normalized text of the first contact (or the transcript)
    topic: str
    agency: str
    status: CaseStatus
    created_at: datetime
    updated_at: datetime
    answer: str | None = None
    answered_at: datetime | None = None
    flags: frozenset[str] = frozenset()
    merged_into: int | None = None  # a case merged into another keeps its tracking code as an alias


class Contact(msgspec.Struct, kw_only=True):
    """Each time someone reached the line about a case (the first registration included)."""

    id: int | None
    case_id: int
    channel: Channel
    outcome: Outcome
    caller_national_code: str | None
    caller_phone: str | None
    caller_name: str | None
    text: str
    external_id: str | None
    received_at: datetime
    attachments: tuple[Attachment, ...] = ()


class CaseEvent(msgspec.Struct, kw_only=True):
    id: int | None
    case_id: int
    kind: str  # "registered" | "status" | "topic" | "answer" | "contact" | "merged" | "transcript" | "identity"
    actor: str  # "system", "operator:<key name>", "agency:<code>", "channel:sms" …
    at: datetime
    from_value: str | None = None
    to_value: str | None = None
    note: str | None = None


class ReviewKind(str, enum.Enum):
    """Why a contact could not be registered (yet). Each is kept and visible to operators."""

    NEEDS_REVIEW = "needs_review"  # a channel is unsure (OCR identity, unreadable)
    AWAITING_NATIONAL_CODE = "awaiting_national_code"  # SMS without a code, held for the next message
    INVALID_NATIONAL_CODE = "invalid_national_code"
    UNDECODABLE = "undecodable"  # unknown SMS coding etc.
    REJECTED = "rejected"  # not a letter, blank page, corrupt file: kept with its reason


class ReviewState(str, enum.Enum):
    OPEN = "open"
    RESOLVED = "resolved"
    DISMISSED = "dismissed"


class ReviewItem(msgspec.Struct, kw_only=True):
    id: int | None
    kind: ReviewKind
    channel: Channel
    reason: str  # English, for operators; never personal data
    text: str
    created_at: datetime
    state: ReviewState = ReviewState.OPEN
    caller_phone: str | None = None
    external_id: str | None = None
    fields: dict = {}  # channel's best guesses (national codes, names) for the operator to confirm
    attachments: tuple[Attachment, ...] = ()
    case_id: int | None = None  # set once resolved into a case
    resolved_at: datetime | None = None
    resolved_by: str | None = None


class CaseView(msgspec.Struct, frozen=True, kw_only=True):
    """What a citizen hears or reads on follow-up."""

    tracking_code: str
    status: CaseStatus
    status_fa: str
    agency: str
    agency_name_fa: str
    topic: str
    topic_name_fa: str
    registered_at: datetime
    answer: str | None
    answered_at: datetime | None
