"""Letter channel wiring: upload API, the OCR job, and `dargah letters ingest` (files, folders, a scanner folder).

POST /api/v1/letters takes a multipart upload (field `file`), keeps the original and answers 202 with an
id at once; the reading runs as the job `gateway.letters.process_letter`. GET /api/v1/letters/{id} gives its
outcome. Held letters (needs_review, rejected) are then in the generic review API (/api/v1/review).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Iterable, Mapping

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath

from channels.letter.payloads import LetterFile, LetterOutcome
from channels.letter.service import LetterService, outcome_of
from channels.letter.store import LetterUploads
from core.errors import InvalidInput, NotFound
from gateway.settings import env_float, env_int
from gateway.api.auth import requires

log = logging.getLogger("dargah.letters")

SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf"}


@dataclass(frozen=True)
class LetterSettings:
    max_upload_bytes: int = 50 * 1024 * 1024
    """DARGAH_MAX_UPLOAD_BYTES: largest letter file accepted (upload or folder)."""
    workers: int = 1
    """DARGAH_LETTER_WORKERS: files read at once by `dargah letters ingest` (Tesseract runs one process each)."""
    watch_interval: float = 5.0
    """DARGAH_LETTER_WATCH_INTERVAL: seconds between looks at a scanner folder (`--watch`)."""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "LetterSettings":
        env = os.environ if env is None else env
        try:
            return cls(
                max_upload_bytes=env_int(env, "DARGAH_MAX_UPLOAD_BYTES", 50 * 1024 * 1024),
                workers=max(1, env_int(env, "DARGAH_LETTER_WORKERS", 1)),
                watch_interval=env_float(env, "DARGAH_LETTER_WATCH_INTERVAL", 5.0),
            )
        except ValueError as exc:
            raise SystemExit(f"letter settings: {exc}") from exc


SETTINGS = LetterSettings.from_env()


def letter_service(services) -> LetterService:
    return LetterService(intake=services.intake, blobs=services.blobs, uploads=LetterUploads(services.engine),
                         clock=services.intake.clock)


# ------------------------------------------------------------------------------------------------- job

def process_letter(upload_id: str) -> dict:
    """rq job: read one uploaded letter and register or hold it. Safe to run twice (a done upload is kept)."""
    from gateway.bootstrap import services

    upload = letter_service(services()).process(upload_id)
    return {"upload_id": upload.id, "outcome": upload.outcome, "review_item_id": upload.review_item_id}


# ------------------------------------------------------------------------------------------------- HTTP

class LetterController(Controller):
    path = "/api/v1/letters"
    tags = ["letters"]
    guards = [requires("operator")]

    @post("/", operation_id="uploadLetter", sync_to_thread=True, status_code=202,
          request_max_body_size=SETTINGS.max_upload_bytes,
          summary="Upload a scanned letter (PNG, JPEG, TIFF or PDF); it is read in the background",
          description="Multipart form with the file in field `file`. Answers 202 at once with the upload's id; "
          "GET /api/v1/letters/{id} then tells registered, duplicate, needs_review or rejected.")
    def upload(
        self, request: Request, data: Annotated[dict[str, UploadFile], Body(media_type=RequestEncodingType.MULTI_PART)],
    ) -> Response[LetterOutcome]:
        services = request.app.state.services
        upload_file = data.get("file") if isinstance(data, dict) else None
        if upload_file is None or not isinstance(upload_file, UploadFile):
            raise InvalidInput("فایل نامه (فیلد file) ارسال نشده است.", "No letter file in form field `file`.",
                               field="file", code="missing_file")
        content = upload_file.file.read()
        if not content:
            raise InvalidInput("فایل نامه خالی است.", "The letter file is empty.", field="file", code="empty_file")
        service = letter_service(services)
        upload = service.receive(LetterFile(file_name=upload_file.filename or "letter", data=content,
                                            source="api", actor=request.user.actor))
        services.jobs.enqueue("gateway.letters.process_letter", upload_id=upload.id)
        upload = service.uploads.get(upload.id) or upload
        return Response(outcome_of(upload), status_code=202, headers={"Location": f"/api/v1/letters/{upload.id}"})

    @get("/{upload_id:str}", operation_id="getLetter", sync_to_thread=True,
         summary="A letter upload and its outcome")
    def get_upload(self, request: Request, upload_id: FromPath[str]) -> LetterOutcome:
        services = request.app.state.services
        upload = LetterUploads(services.engine).get(upload_id)
        if upload is None:
            raise NotFound("نامه‌ای با این شناسه یافت نشد.", "No letter upload with this id.", field="id")
        return outcome_of(upload, services.intake)


ROUTES: list = [LetterController]


# ------------------------------------------------------------------------------------------------- CLI

def add_commands(subparsers) -> None:
    letters = subparsers.add_parser("letters", help="scanned paper letters")
    sub = letters.add_subparsers(dest="letters_command", required=True, metavar="ACTION")
    ingest = sub.add_parser("ingest", help="read scanned letters (files or folders) and register or hold each")
    ingest.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="PNG, JPEG, TIFF or PDF files, or folders")
    ingest.add_argument("--json", action="store_true", help="one JSON object per file, one per line")
    ingest.add_argument("--watch", type=Path, metavar="DIR",
                        help="keep watching a scanner's output folder; read files are moved to DIR/done/")
    ingest.add_argument("--workers", type=int, default=None, help="files read at once (default DARGAH_LETTER_WORKERS or 1)")
    ingest.set_defaults(func=_cmd_ingest)


def _files(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            # In a folder only scans are taken (a scanner also leaves sidecar files); a file named
            # on the command line is always read, and rejected with its reason if it is no scan.
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
                                and p.suffix.lower() in SUFFIXES and "done" not in p.relative_to(path).parts[:-1]))
        else:
            found.append(path)
    return found


def _line(path: Path, outcome: LetterOutcome | None) -> dict:
    if outcome is None:
        return {"file": str(path), "outcome": "rejected", "tracking_code": None, "subject_national_code": None,
                "writer_national_code": None}
    return {"file": str(path), "outcome": outcome.outcome, "tracking_code": outcome.tracking_code,
            "subject_national_code": outcome.subject_national_code,
            "writer_national_code": outcome.writer_national_code}


def _ingest_one(service: LetterService, path: Path, settings: LetterSettings) -> tuple[dict, LetterOutcome | None, str | None]:
    try:
        size = path.stat().st_size
        if size > settings.max_upload_bytes:
            return _line(path, None), None, f"file larger than {settings.max_upload_bytes} bytes: not read"
        data = path.read_bytes()
    except OSError as exc:
        return _line(path, None), None, f"cannot read file: {exc.strerror}"
    outcome = outcome_of(service.ingest(LetterFile(file_name=path.name, data=data, source="cli")))
    return _line(path, outcome), outcome, None


def _print(args, line: dict, outcome: LetterOutcome | None, error: str | None) -> None:
    if args.json:
        print(json.dumps(line, ensure_ascii=False), flush=True)
        if error:
            print(f"{line['file']}: {error}", file=sys.stderr)
        return
    if error:
        print(f"{line['file']}: error: {error}", flush=True)
        return
    detail = outcome.tracking_code or (f"review item {outcome.review_item_id}" if outcome.review_item_id else "")
    reason = f" ({outcome.reason})" if outcome.reason and outcome.outcome != "registered" else ""
    print(f"{line['file']}: {outcome.outcome} {detail}{reason}".rstrip(), flush=True)


def _cmd_ingest(args: argparse.Namespace) -> int:
    from gateway.bootstrap import bootstrap
    from gateway.logs import configure_logging

    if not args.paths and not args.watch:
        print("dargah letters ingest: give files or folders, or --watch DIR", file=sys.stderr)
        return 2
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"dargah letters ingest: no such file or folder: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    settings = SETTINGS
    services = bootstrap(migrate=True)
    configure_logging("WARNING" if args.json else services.settings.log_level)
    service = letter_service(services)
    workers = args.workers or settings.workers
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for line, outcome, error in pool.map(lambda p: _ingest_one(service, p, settings), _files(args.paths)):
            _print(args, line, outcome, error)
        if args.watch:
            _watch(args, service, settings, pool)
    return 0


def _watch(args, service: LetterService, settings: LetterSettings, pool: ThreadPoolExecutor) -> None:
    """Poll a scanner folder: a file is read once its size stopped changing, then moved to DIR/done/."""
    folder: Path = args.watch
    done = folder / "done"
    done.mkdir(parents=True, exist_ok=True)
    sizes: dict[Path, int] = {}
    try:
        while True:
            ready = []
            for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")
                               and p.suffix.lower() in SUFFIXES):
                size = path.stat().st_size
                if sizes.get(path) == size and size > 0:
                    ready.append(path)
                else:
                    sizes[path] = size
            for path, (line, outcome, error) in zip(ready, pool.map(lambda p: _ingest_one(service, p, settings), ready)):
                sizes.pop(path, None)
                target = done / path.name
                if target.exists():
                    target = done / f"{path.stem}-{int(time.time() * 1000)}{path.suffix}"
                try:
                    path.rename(target)
                except OSError:
                    log.warning("could not move a read letter to done/")
                _print(args, line, outcome, error)
            time.sleep(settings.watch_interval)
    except KeyboardInterrupt:
        return
