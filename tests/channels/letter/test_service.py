"""The letter service's bookkeeping without OCR (a stand-in reader): claims, retries, held items."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from channels.letter.extract import LetterFields
from channels.letter.ocr import Reading
from channels.letter.payloads import LetterFile
from core.model import ReviewKind
from tests.factories import national_code


def blank_reader(data: bytes) -> Reading:
    return Reading(media_type="image/png", pages=1, rejected="blank", detail="Every page is blank.")


def sure_reader(writer: str, text: str = "یارانه نقدی اینجانب قطع شده است"):
    def read(data: bytes) -> Reading:
        fields = LetterFields(writer_national_code=writer, text=text, sure=True)
        return Reading(media_type="image/png", pages=1, fields=fields, passes=2, text=text)
    return read


def test_a_fresh_claim_by_another_worker_is_left_alone(letter_service):
    upload = letter_service.receive(LetterFile(file_name="a.png", data=b"\x89PNG\r\n\x1a\n1"))
    assert letter_service.uploads.claim(upload.id, datetime.now(timezone.utc))
    again = letter_service.process(upload.id, reader=lambda d: pytest.fail("read while another worker has it"))
    assert again.state == "processing" and again.outcome is None


def test_a_stale_claim_is_taken_over(letter_service):
    upload = letter_service.receive(LetterFile(file_name="a.png", data=b"\x89PNG\r\n\x1a\n2"))
    letter_service.uploads.claim(upload.id, datetime.now(timezone.utc) - timedelta(hours=1))
    done = letter_service.process(upload.id, reader=blank_reader)
    assert (done.state, done.outcome) == ("done", "rejected")


def test_rejected_and_registered_outcomes_are_recorded(letter_service):
    code = national_code(77)
    held = letter_service.ingest(LetterFile(file_name="b.png", data=b"\x89PNG\r\n\x1a\n3"), reader=blank_reader)
    item = letter_service.intake.review_item(held.review_item_id)
    assert item.kind == ReviewKind.REJECTED and item.reason.startswith("blank")
    registered = letter_service.ingest(LetterFile(file_name="c.png", data=b"\x89PNG\r\n\x1a\n4"), reader=sure_reader(code))
    assert registered.outcome == "registered" and registered.subject_national_code == code
    # Another letter about the same matter from the same person: a duplicate, the first tracking code.
    again = letter_service.ingest(LetterFile(file_name="d.png", data=b"\x89PNG\r\n\x1a\n5"), reader=sure_reader(code))
    assert (again.outcome, again.tracking_code) == ("duplicate", registered.tracking_code)


def test_sure_reading_without_a_matter_goes_to_review(letter_service):
    upload = letter_service.ingest(LetterFile(file_name="e.png", data=b"\x89PNG\r\n\x1a\n6"),
                                   reader=sure_reader(national_code(78), text=""))
    assert upload.outcome == "needs_review" and "intake refused" in upload.reason


def test_unknown_upload_id(letter_service):
    with pytest.raises(LookupError):
        letter_service.process("nope")
