"""What the letter channel receives and answers, as msgspec Structs (never raw dicts past the edge)."""

from __future__ import annotations

from datetime import datetime

import msgspec

MEDIA_TYPES = ("image/png", "image/jpeg", "image/tiff", "application/pdf")


class LetterFile(msgspec.Struct, frozen=True, kw_only=True):
    """One scanned file as it arrives (upload or scanner folder)."""

    file_name: str
    data: bytes
    source: str = "api"  # "api" | "cli" | "watch"
    actor: str | None = None  # who handed it in (API key name)
    received_at: datetime | None = None


class LetterOutcome(msgspec.Struct, frozen=True, kw_only=True):
    """The answer for one file: `dargah letters ingest --json` prints it, GET /api/v1/letters/{id} returns it."""

    id: str
    file: str
    state: str  # queued | processing | done
    outcome: str | None = None  # registered | duplicate | needs_review | rejected
    tracking_code: str | None = None
    subject_national_code: str | None = None
    writer_national_code: str | None = None
    review_item_id: int | None = None
    review_state: str | None = None  # open | resolved | dismissed, for a held letter
    reason: str | None = None
    pages: int | None = None
