"""A reading of a letter → core's Submission (sure of the identities) or ReviewItem (unsure, or not a letter).

Pure: no OCR, no storage. A wrong identity is worse than none, so anything short of `fields.sure` is held
for an operator, with the scan and every guess.
"""

from __future__ import annotations

from datetime import datetime

from channels.letter.extract import LetterFields
from core.model import Attachment, Channel, Person, Relation, ReviewItem, ReviewKind, Submission

# Why a file is rejected (reason code from ocr.Unreadable or the page checks) → English for operators.
REJECT_REASONS = {
    "empty_file": "empty file",
    "unsupported_format": "not a PNG, JPEG, TIFF or PDF file",
    "corrupt_image": "corrupt image: it cannot be decoded",
    "corrupt_pdf": "corrupt PDF: it cannot be opened",
    "encrypted_pdf": "password-protected PDF: ask the sender for an unprotected copy",
    "empty_pdf": "PDF without pages",
    "blank": "blank page: nothing is written on it",
    "not_a_letter": "not a letter: no Persian text found",
}


class UnknownRejectReason(ValueError):
    pass


def reject_reason(code: str) -> str:
    try:
        return f"{code}: {REJECT_REASONS[code]}"
    except KeyError:
        raise UnknownRejectReason(code) from None


def rejected(code: str, *, attachment: Attachment, external_id: str, received_at: datetime | None) -> ReviewItem:
    return ReviewItem(
        id=None, kind=ReviewKind.REJECTED, channel=Channel.LETTER, reason=reject_reason(code), text="",
        created_at=received_at, external_id=external_id, fields={"reject_reason": code}, attachments=(attachment,),
    )


def to_intake(fields: LetterFields, *, attachment: Attachment, external_id: str,
              received_at: datetime | None, ocr_text: str = "") -> Submission | ReviewItem:
    if not fields.sure:
        return needs_review(fields, fields.reasons, attachment=attachment, external_id=external_id,
                            received_at=received_at, ocr_text=ocr_text)
    caller = Person(national_code=fields.writer_national_code, phone=fields.phone, name=fields.writer_name,
                    relation=Relation.SELF)
    subject = None
    if fields.subject_national_code and fields.subject_national_code != fields.writer_national_code:
        subject = Person(national_code=fields.subject_national_code, name=fields.subject_name,
                         relation=fields.relation or Relation.OTHER)
    return Submission(channel=Channel.LETTER, caller=caller, subject=subject, text=fields.text,
                      external_id=external_id, received_at=received_at, attachments=(attachment,))


def needs_review(fields: LetterFields, reasons: list[str], *, attachment: Attachment, external_id: str,
                 received_at: datetime | None, ocr_text: str = "") -> ReviewItem:
    return ReviewItem(
        id=None, kind=ReviewKind.NEEDS_REVIEW, channel=Channel.LETTER,
        reason="; ".join(reasons) or "unsure reading", text=fields.text or ocr_text, created_at=received_at,
        caller_phone=fields.phone,
        external_id=external_id, fields={**fields.guesses, "ocr_text": ocr_text}, attachments=(attachment,),
    )
