"""What a call collected → core's Submission (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from core import identity as ident
from core.errors import InvalidPhone
from core.intake import IDENTITY_PENDING, TRANSCRIPTION_PENDING
from core.model import Attachment, Channel, Person, Relation, Submission

WAV = "audio/wav"


@dataclass
class CallFacts:
    call_id: str
    caller_id: str = ""
    received_at: datetime | None = None
    national_code: str | None = None  # the caller's, confirmed by the caller (or None: pending)
    family: bool = False  # 2 = "about a family member"
    subject_national_code: str | None = None
    code_recordings: list[str] = field(default_factory=list)  # blob ids
    subject_recordings: list[str] = field(default_factory=list)
    message_recording: str | None = None


def caller_phone(caller_id: str) -> str | None:
    """The caller ID as a canonical phone, or None (withheld, "unknown", an internal extension)."""
    try:
        return ident.parse_phone(caller_id or None)
    except InvalidPhone:
        return None


def external_id(call_id: str) -> str:
    return f"voice:{call_id}"


def to_submission(facts: CallFacts) -> Submission:
    attachments = (
        [Attachment(kind="recording", blob_id=b, media_type=WAV, note="national_code") for b in facts.code_recordings]
        + [Attachment(kind="recording", blob_id=b, media_type=WAV, note="subject_national_code")
           for b in facts.subject_recordings]
        + ([Attachment(kind="recording", blob_id=facts.message_recording, media_type=WAV, note="message")]
           if facts.message_recording else [])
    )
    flags = {TRANSCRIPTION_PENDING}
    subject = None
    if facts.family:
        subject = Person(national_code=facts.subject_national_code, relation=Relation.OTHER)
        if not facts.subject_national_code:
            flags.add(IDENTITY_PENDING)
    if not facts.national_code and not (facts.family and facts.subject_national_code):
        flags.add(IDENTITY_PENDING)
    return Submission(
        channel=Channel.VOICE,
        caller=Person(national_code=facts.national_code, phone=caller_phone(facts.caller_id)),
        subject=subject,
        text="",
        external_id=external_id(facts.call_id),
        received_at=facts.received_at,
        attachments=tuple(attachments),
        flags=frozenset(flags),
    )
