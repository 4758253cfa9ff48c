"""The letter channel's use case: keep the scan, read it, register it or hold it — nothing is dropped.

`receive` stores the original (content-addressed) and records an upload row at once; `process` does the
slow part (OCR) and is safe to run twice: a finished upload is left alone, and the same file uploaded again
gets the first file's outcome (a re-scan registers nothing new).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta, timezone

from channels.letter import normalize
from channels.letter.ocr import Reading, read_letter, sniff
from channels.letter.payloads import LetterFile, LetterOutcome
from channels.letter.store import DONE, PROCESSING, QUEUED, LetterUpload, LetterUploads, new_upload_id
from core.errors import DargahError
from core.identity import mask
from core.intake import IntakeService
from core.model import Attachment, Outcome, ReviewItem, Submission
from core.ports import BlobStore, Clock, SystemClock

log = logging.getLogger("dargah.letter")

# A worker that claimed an upload and was not done after this long is taken to have died.
STALE_CLAIM = timedelta(minutes=15)


@dataclass
class LetterService:
    intake: IntakeService
    blobs: BlobStore
    uploads: LetterUploads
    clock: Clock = SystemClock()

    def receive(self, letter: LetterFile) -> LetterUpload:
        """Keep the original and note the upload; the reading happens in `process`."""
        media_type = sniff(letter.data)
        blob_id = self.blobs.put(letter.data, media_type)
        upload = self.uploads.add(LetterUpload(
            id=new_upload_id(), file_name=_safe_name(letter.file_name), media_type=media_type, blob_id=blob_id,
            size=len(letter.data), source=letter.source, actor=letter.actor, state=QUEUED,
            created_at=letter.received_at or self.clock.now(),
        ))
        log.info("letter upload %s received (%d bytes, %s) via %s", upload.id, upload.size, media_type, letter.source)
        return upload

    def process(self, upload_id: str, *, reader=read_letter) -> LetterUpload:
        upload = self.uploads.get(upload_id)
        if upload is None:
            raise LookupError(f"no letter upload {upload_id}")
        if upload.state == DONE:
            return upload
        if not self.uploads.claim(upload_id, self.clock.now()):
            upload = self.uploads.get(upload_id)
            if upload.state == DONE:
                return upload
            claimed = upload.claimed_at
            if claimed is not None and claimed.tzinfo is None:
                claimed = claimed.replace(tzinfo=timezone.utc)  # SQLite hands back naive UTC
            if upload.state == PROCESSING and claimed and self.clock.now() - claimed < STALE_CLAIM:
                return upload  # another worker is reading it right now
            # Claimed long ago and never finished (a worker died mid-way): take it over.
            log.warning("letter upload %s was left in %s; processing again", upload_id, upload.state)
            self.uploads.claim(upload_id, self.clock.now(), stale=True)
            upload = self.uploads.get(upload_id)
        earlier = self.uploads.done_with_blob(upload.blob_id, exclude=upload.id)
        if earlier is not None:
            return self._same_file(upload, earlier)
        attachment = Attachment(kind="scan", blob_id=upload.blob_id, media_type=upload.media_type,
                                note=upload.file_name)
        external_id = f"letter:{upload.blob_id}"
        reading: Reading = reader(self.blobs.get(upload.blob_id))
        upload.pages, upload.passes = reading.pages, reading.passes
        if reading.rejected:
            item = normalize.rejected(reading.rejected, attachment=attachment, external_id=external_id,
                                      received_at=upload.created_at)
            return self._held(upload, item, "rejected")
        decision = normalize.to_intake(reading.fields, attachment=attachment, external_id=external_id,
                                       received_at=upload.created_at, ocr_text=reading.text)
        if isinstance(decision, ReviewItem):
            return self._held(upload, decision, "needs_review")
        return self._submit(upload, decision, reading)

    def ingest(self, letter: LetterFile, *, reader=read_letter) -> LetterUpload:
        """Receive and process in one go (the CLI)."""
        return self.process(self.receive(letter).id, reader=reader)

    # ------------------------------------------------------------------------------------------------

    def _submit(self, upload: LetterUpload, sub: Submission, reading: Reading) -> LetterUpload:
        try:
            result = self.intake.submit(sub)
        except DargahError as exc:
            # Read with certainty but still not registrable (e.g. no text of the matter): an operator decides.
            item = normalize.needs_review(reading.fields, [f"intake refused: {exc.message_en}"],
                                          attachment=sub.attachments[0], external_id=sub.external_id,
                                          received_at=upload.created_at, ocr_text=reading.text)
            return self._held(upload, item, "needs_review")
        upload.outcome = "duplicate" if result.replayed or result.outcome == Outcome.DUPLICATE else "registered"
        upload.tracking_code = result.tracking_code
        upload.writer_national_code = sub.caller.national_code
        upload.subject_national_code = sub.identity
        return self._finish(upload)

    def _held(self, upload: LetterUpload, item: ReviewItem, outcome: str) -> LetterUpload:
        stored = self.intake.hold(item)
        upload.outcome, upload.review_item_id, upload.reason = outcome, stored.id, item.reason
        return self._finish(upload)

    def _same_file(self, upload: LetterUpload, earlier: LetterUpload) -> LetterUpload:
        upload.outcome = "duplicate" if earlier.outcome in ("registered", "duplicate") else earlier.outcome
        for name in ("tracking_code", "writer_national_code", "subject_national_code", "review_item_id", "reason",
                     "pages", "passes"):
            setattr(upload, name, getattr(earlier, name))
        upload.reason = f"same file as upload {earlier.id}" + (f"; {earlier.reason}" if earlier.reason else "")
        return self._finish(upload)

    def _finish(self, upload: LetterUpload) -> LetterUpload:
        upload.state, upload.finished_at = DONE, self.clock.now()
        saved = self.uploads.save(upload)
        log.info("letter upload %s: %s tracking=%s pages=%s passes=%s", upload.id, upload.outcome,
                 mask(upload.tracking_code), upload.pages, upload.passes)
        return saved


def outcome_of(upload: LetterUpload, intake: IntakeService | None = None) -> LetterOutcome:
    """The upload's outcome; with the intake service, a held letter an operator has since resolved shows
    the case it became (its tracking code and identity)."""
    tracking_code, subject, writer = upload.tracking_code, upload.subject_national_code, upload.writer_national_code
    review_state = None
    if intake is not None and upload.review_item_id is not None:
        item = intake.review_item(upload.review_item_id)
        review_state = item.state.value
        if item.case_id is not None:
            case, _, _ = intake.get_case(case_id=item.case_id)
            tracking_code, subject, writer = case.tracking_code, case.identity, case.caller_national_code
    return LetterOutcome(
        id=upload.id, file=upload.file_name, state=upload.state, outcome=upload.outcome,
        tracking_code=tracking_code, subject_national_code=subject, writer_national_code=writer,
        review_item_id=upload.review_item_id, review_state=review_state, reason=upload.reason, pages=upload.pages,
    )


def _safe_name(name: str) -> str:
    name = (name or "letter").replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in name if ch.isprintable())[:255] or "letter"

