"""Request and response bodies (msgspec). Separate read and write types; national codes and phones
are strings in any digit script (or numbers, which some clients send) and are validated by core."""

from __future__ import annotations

from datetime import datetime

import msgspec

from core.model import Case, CaseEvent, CaseView, Contact, IntakeResult, ReviewItem

Code = str | int | None


class CallerIn(msgspec.Struct, kw_only=True, forbid_unknown_fields=False):
    national_code: Code = None
    phone: Code = None
    name: str | None = None


class SubjectIn(msgspec.Struct, kw_only=True):
    national_code: Code = None
    name: str | None = None
    relation: str | None = None


class SubmissionIn(msgspec.Struct, kw_only=True):
    channel: str
    caller: CallerIn
    text: str | None = None
    subject: SubjectIn | None = None
    external_id: str | int | None = None


class SubmissionOut(msgspec.Struct, kw_only=True):
    outcome: str
    tracking_code: str
    status: str
    topic: str
    agency: str
    agency_name_fa: str
    message_fa: str
    message_en: str

    @classmethod
    def of(cls, result: IntakeResult, agency_name_fa: str) -> "SubmissionOut":
        if result.outcome.value == "registered":
            fa = f"درخواست شما با کد پیگیری {result.tracking_code} ثبت شد."
            en = f"Registered with tracking code {result.tracking_code}."
        else:
            fa = f"این موضوع قبلاً با کد پیگیری {result.tracking_code} ثبت شده و در حال رسیدگی است."
            en = f"This matter is already registered under tracking code {result.tracking_code}."
        return cls(outcome=result.outcome.value, tracking_code=result.tracking_code, status=result.status.value,
                   topic=result.topic, agency=result.agency, agency_name_fa=agency_name_fa, message_fa=fa, message_en=en)


class FollowUpOut(msgspec.Struct, kw_only=True):
    tracking_code: str
    status: str
    status_fa: str
    agency: str
    agency_name_fa: str
    topic: str
    topic_name_fa: str
    registered_at: datetime
    answer: str | None
    answered_at: datetime | None

    @classmethod
    def of(cls, view: CaseView) -> "FollowUpOut":
        return cls(**{f: getattr(view, f) for f in cls.__struct_fields__ if f != "status"}, status=view.status.value)


class CaseOut(msgspec.Struct, kw_only=True):
    tracking_code: str
    status: str
    identity: str | None
    caller_national_code: str | None
    caller_phone: str | None
    caller_name: str | None
    subject_name: str | None
    relation: str | None
    channel: str
    text: str
    topic: str
    agency: str
    created_at: datetime
    updated_at: datetime
    answer: str | None
    answered_at: datetime | None
    flags: list[str]
    merged_into_tracking_code: str | None = None

    @classmethod
    def of(cls, case: Case, merged_into: str | None = None) -> "CaseOut":
        return cls(
            tracking_code=case.tracking_code, status=case.status.value, identity=case.identity,
            caller_national_code=case.caller_national_code, caller_phone=case.caller_phone,
            caller_name=case.caller_name, subject_name=case.subject_name,
            relation=case.relation.value if case.relation else None, channel=case.channel.value, text=case.text,
            topic=case.topic, agency=case.agency, created_at=case.created_at, updated_at=case.updated_at,
            answer=case.answer, answered_at=case.answered_at, flags=sorted(case.flags),
            merged_into_tracking_code=merged_into,
        )


class ContactOut(msgspec.Struct, kw_only=True):
    channel: str
    outcome: str
    caller_national_code: str | None
    caller_phone: str | None
    caller_name: str | None
    text: str
    external_id: str | None
    received_at: datetime
    attachments: list[dict]

    @classmethod
    def of(cls, c: Contact) -> "ContactOut":
        return cls(channel=c.channel.value, outcome=c.outcome.value, caller_national_code=c.caller_national_code,
                   caller_phone=c.caller_phone, caller_name=c.caller_name, text=c.text, external_id=c.external_id,
                   received_at=c.received_at, attachments=[msgspec.to_builtins(a) for a in c.attachments])


class EventOut(msgspec.Struct, kw_only=True):
    kind: str
    actor: str
    at: datetime
    from_value: str | None
    to_value: str | None
    note: str | None

    @classmethod
    def of(cls, e: CaseEvent) -> "EventOut":
        return cls(kind=e.kind, actor=e.actor, at=e.at, from_value=e.from_value, to_value=e.to_value, note=e.note)


class CaseRecordOut(msgspec.Struct, kw_only=True):
    case: CaseOut
    contacts: list[ContactOut]
    events: list[EventOut]


class TopicIn(msgspec.Struct, kw_only=True):
    topic: str
    agency: str | None = None


class StatusIn(msgspec.Struct, kw_only=True):
    status: str
    note: str | None = None


class AnswerIn(msgspec.Struct, kw_only=True):
    answer: str


class ReviewOut(msgspec.Struct, kw_only=True):
    id: int
    kind: str
    channel: str
    state: str
    reason: str
    text: str
    created_at: datetime
    caller_phone: str | None
    fields: dict
    attachments: list[dict]
    case_tracking_code: str | None = None

    @classmethod
    def of(cls, item: ReviewItem, tracking_code: str | None = None) -> "ReviewOut":
        return cls(id=item.id, kind=item.kind.value, channel=item.channel.value, state=item.state.value,
                   reason=item.reason, text=item.text, created_at=item.created_at, caller_phone=item.caller_phone,
                   fields=item.fields, attachments=[msgspec.to_builtins(a) for a in item.attachments],
                   case_tracking_code=tracking_code)


class ResolveIn(msgspec.Struct, kw_only=True):
    caller: CallerIn
    subject: SubjectIn | None = None
    text: str | None = None


class StatsOut(msgspec.Struct, kw_only=True):
    by_channel: dict[str, int]
    by_topic: dict[str, int]
    by_agency: dict[str, int]
    by_status: dict[str, int]


class TopicOut(msgspec.Struct, kw_only=True):
    code: str
    name_fa: str
    name_en: str
    agency: str
    agency_name_fa: str


class ErrorDetail(msgspec.Struct, kw_only=True):
    code: str
    field: str | None
    message_fa: str
    message_en: str


class ErrorOut(msgspec.Struct, kw_only=True):
    error: ErrorDetail
