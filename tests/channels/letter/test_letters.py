"""Scanned letters end to end through the channel (real Tesseract, core's in-memory storage): each file
gets its outcome, the scan is kept and linked, and nothing is dropped."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable

import pytest

from channels.letter.ocr import read_letter
from channels.letter.payloads import LetterFile
from channels.letter.testdata.generate import (
    Sample, make_blank, make_corrupt_pdf, make_encrypted_pdf, make_letter, make_non_letter,
)
from core.model import ReviewKind
from tests.channels.letter.conftest import TESTDATA, committed_truth

pytestmark = pytest.mark.slow  # runs Tesseract


def committed(name: str) -> Callable[[], tuple[bytes, dict]]:
    def load():
        return (TESTDATA / name).read_bytes(), committed_truth()[name]
    return load


def generated(make: Callable[[], Sample]) -> Callable[[], tuple[bytes, dict]]:
    def load():
        sample = make()
        from dataclasses import asdict
        return sample.data, asdict(sample.truth)
    return load


@dataclass
class Case:
    id: str
    load: Callable[[], tuple[bytes, dict]]
    outcome: str
    reject_reason: str | None = None


CASES = [
    Case("committed: about oneself, Persian digits", committed("self-persian-digits.png"), "registered"),
    Case("committed: about a family member, Latin digits", committed("family-latin-digits.png"), "registered"),
    Case("committed: family member, rotated and blurred", committed("family-damaged.png"), "registered"),
    Case("two-page PDF", generated(lambda: make_letter(31, fmt="pdf", damaged=False)), "registered"),
    Case("multi-page TIFF, damaged", generated(lambda: make_letter(32, fmt="tiff", damaged=True,
                                                                   damages=["noise", "rotate"])), "registered"),
    Case("JPEG with artefacts, low dpi", generated(lambda: make_letter(33, fmt="jpeg", damaged=True,
                                                                        damages=["jpeg", "low_dpi"])), "registered"),
    Case("blank page", generated(lambda: make_blank(34)), "rejected", "blank"),
    Case("photo, not a letter", generated(lambda: make_non_letter(35)), "rejected", "not_a_letter"),
    Case("corrupt PDF", generated(lambda: make_corrupt_pdf(36)), "rejected", "corrupt_pdf"),
    Case("password-protected PDF", generated(lambda: make_encrypted_pdf(37)), "rejected", "encrypted_pdf"),
    Case("not an image at all", lambda: (b"GIF89a\x01\x00garbage", {}), "rejected", "unsupported_format"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_letter_outcome(case: Case, letter_service):
    data, truth = case.load()
    upload = letter_service.ingest(LetterFile(file_name=truth.get("file") or "x.bin", data=data, source="cli"))
    assert upload.outcome == case.outcome, upload.reason
    assert upload.state == "done"
    assert letter_service.blobs.get(upload.blob_id) == data  # the original is kept, content-addressed
    if case.outcome == "registered":
        identity = truth["subject_national_code"] or truth["writer_national_code"]
        assert upload.subject_national_code == identity
        assert upload.writer_national_code == truth["writer_national_code"]
        case_, contacts, _ = letter_service.intake.get_case(tracking_code=upload.tracking_code)
        assert case_.identity == identity
        assert case_.relation.value == (truth["relation"] or "self")
        assert [a.blob_id for a in contacts[0].attachments] == [upload.blob_id]
        assert contacts[0].attachments[0].kind == "scan"
        # A phone is kept only when the passes agree on it; it is never a wrong one.
        assert case_.caller_phone in ("+98" + truth["phone"][1:], None)
    else:
        item = letter_service.intake.review_item(upload.review_item_id)
        assert item.kind == ReviewKind.REJECTED
        assert item.fields["reject_reason"] == case.reject_reason
        assert upload.reason.startswith(case.reject_reason)
        assert [a.blob_id for a in item.attachments] == [upload.blob_id]


def test_the_same_scan_twice_registers_once(letter_service):
    data = (TESTDATA / "self-persian-digits.png").read_bytes()
    first = letter_service.ingest(LetterFile(file_name="a.png", data=data))
    again = letter_service.ingest(LetterFile(file_name="a-rescan.png", data=data))
    assert (first.outcome, again.outcome) == ("registered", "duplicate")
    assert again.tracking_code == first.tracking_code
    assert len(letter_service.intake.search(national_code=first.subject_national_code)) == 1


def test_processing_twice_is_harmless(letter_service):
    upload = letter_service.receive(LetterFile(file_name="b.png", data=(TESTDATA / "family-latin-digits.png").read_bytes()))
    first = letter_service.process(upload.id)
    second = letter_service.process(upload.id, reader=lambda data: pytest.fail("read again"))
    assert (second.outcome, second.tracking_code) == (first.outcome, first.tracking_code)


def test_unsure_letter_goes_to_review_with_scan_and_guesses(letter_service):
    # Homa's Persian digits are misread by Tesseract even on a clean page: the letter must not be registered.
    sample = make_letter(41, fmt="png", damaged=False, about_family=False, persian_digits=True, font="homa.ttf")
    upload = letter_service.ingest(LetterFile(file_name="homa.png", data=sample.data))
    assert upload.outcome == "needs_review", upload.reason
    item = letter_service.intake.review_item(upload.review_item_id)
    assert item.kind == ReviewKind.NEEDS_REVIEW
    assert item.attachments[0].blob_id == upload.blob_id
    assert "national_code_candidates" in item.fields and item.fields["ocr_text"]
    assert item.text  # the matter as read
    assert letter_service.intake.search(national_code=sample.truth.writer_national_code) == []


def test_logs_carry_no_personal_data(letter_service, caplog):
    caplog.set_level(logging.DEBUG)
    name = "family-latin-digits.png"
    truth = committed_truth()[name]
    upload = letter_service.ingest(LetterFile(file_name=name, data=(TESTDATA / name).read_bytes()))
    rejected = letter_service.ingest(LetterFile(file_name="c.pdf", data=make_corrupt_pdf(3).data))
    assert upload.outcome == "registered" and rejected.outcome == "rejected"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "letter upload" in logged
    secrets = [truth["writer_national_code"], truth["subject_national_code"], truth["phone"], truth["phone"][1:],
               truth["writer_name"], upload.tracking_code, "یارانه", "بیمه", "قبض"]
    for secret in secrets:
        assert secret not in logged


def test_read_letter_never_raises_on_garbage():
    for data in (b"", b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n\x00\x00", b"II*\x00" + b"\x00" * 20, b"\xff\xd8\xff\xe0"):
        reading = read_letter(data)
        assert reading.rejected and reading.detail


def test_a_file_with_more_pages_than_read_goes_to_review(letter_service, monkeypatch):
    # A stack of letters scanned into one PDF must not become one case under the first letter's writer.
    monkeypatch.setattr("channels.letter.ocr.MAX_PAGES", 1)
    upload = letter_service.ingest(LetterFile(file_name="batch.pdf", data=make_letter(31, fmt="pdf", damaged=False).data))
    assert upload.outcome == "needs_review"
    assert "2 pages" in upload.reason
