"""Voice channel wiring: settings, the `dargah voice` FastAGI process, the transcription job, and the
operators' API (transcription queue, call context for the hand-off, recordings)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Annotated, Mapping

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath, JSONBody, QueryParameter

from channels.voice.asr import Recognizer, SidecarRecognizer, Transcript, VoskRecognizer
from channels.voice.calendar import IRANIAN_WORKDAYS, WorkingCalendar, parse_hours, parse_workdays
from channels.voice.store import VoiceCall, VoiceCallStore
from core.errors import InvalidInput, NotFound
from gateway.api.auth import requires
from gateway.settings import env_int

log = logging.getLogger("dargah.voice")


@dataclass(frozen=True)
class VoiceSettings:
    host: str = "0.0.0.0"
    """DARGAH_AGI_HOST: address the FastAGI server listens on."""
    port: int = 4573
    """DARGAH_AGI_PORT: FastAGI port (Asterisk's default for agi://)."""
    vosk_model: str | None = None
    """DARGAH_VOSK_MODEL: path of a Persian Vosk model folder (e.g. vosk-model-small-fa-0.42). Unset: spoken
    codes are not recognized (callers fall back to the keypad) and messages wait for operators' transcripts."""
    recognizer: str = "vosk"
    """DARGAH_VOICE_RECOGNIZER: "vosk", or "sidecar" (demo/test stand-in reading <recording>.txt)."""
    recordings_dir: Path = Path("var/voice/recordings")
    """DARGAH_VOICE_RECORDINGS: where this process reads what Asterisk recorded (a volume shared with Asterisk)."""
    asterisk_recordings_dir: str = ""
    """DARGAH_VOICE_ASTERISK_RECORDINGS: the same directory as Asterisk sees it (default: the same path)."""
    tts_dir: Path = Path("var/voice/tts")
    """DARGAH_VOICE_TTS: cache of synthesized answers (shared with Asterisk)."""
    asterisk_tts_dir: str = ""
    """DARGAH_VOICE_ASTERISK_TTS: the TTS cache as Asterisk sees it (default: the same path)."""
    office_hours: tuple[time, time] = (time(8, 0), time(16, 0))
    """DARGAH_VOICE_OFFICE_HOURS: live-mode hours, Tehran time, e.g. 08:00-16:00."""
    workdays: frozenset[int] = IRANIAN_WORKDAYS
    """DARGAH_VOICE_WORKDAYS: e.g. sat,sun,mon,tue,wed (the default)."""
    holidays_file: str | None = None
    """DARGAH_VOICE_HOLIDAYS: holiday list (channels/voice/calendar.py format) on top of the built-in defaults."""
    queue: str = "dargah-operators"
    """DARGAH_VOICE_QUEUE: the operators' queue in queues.conf."""
    max_wait_s: int = 120
    """DARGAH_VOICE_MAX_WAIT: above this estimated wait (seconds) callers go to the recorded message."""
    avg_handle_s: int = 180
    """DARGAH_VOICE_AVG_HANDLE: average operator call length (seconds), for the wait estimate."""
    fixed_wait_s: int | None = None
    """DARGAH_VOICE_FIXED_WAIT: use this estimated wait instead of asking Asterisk for the queue's state."""
    queue_timeout_s: int = 300
    """DARGAH_VOICE_QUEUE_TIMEOUT: how long a caller waits in the queue before being offered the message."""
    message_max_s: int = 180
    """DARGAH_VOICE_MESSAGE_MAX: longest recorded message (seconds)."""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "VoiceSettings":
        env = os.environ if env is None else env
        data_dir = Path(env.get("DARGAH_DATA_DIR") or "var")
        recordings = Path(env.get("DARGAH_VOICE_RECORDINGS") or data_dir / "voice" / "recordings")
        tts = Path(env.get("DARGAH_VOICE_TTS") or data_dir / "voice" / "tts")
        try:
            hours = parse_hours(env.get("DARGAH_VOICE_OFFICE_HOURS") or "08:00-16:00")
            workdays = parse_workdays(env["DARGAH_VOICE_WORKDAYS"]) if env.get("DARGAH_VOICE_WORKDAYS") else IRANIAN_WORKDAYS
        except ValueError as exc:
            raise SystemExit(str(exc)) from exc
        return cls(
            host=env.get("DARGAH_AGI_HOST") or "0.0.0.0",
            port=env_int(env, "DARGAH_AGI_PORT", 4573),
            vosk_model=env.get("DARGAH_VOSK_MODEL") or None,
            recognizer=env.get("DARGAH_VOICE_RECOGNIZER") or "vosk",
            recordings_dir=recordings,
            asterisk_recordings_dir=env.get("DARGAH_VOICE_ASTERISK_RECORDINGS") or str(recordings.resolve()),
            tts_dir=tts,
            asterisk_tts_dir=env.get("DARGAH_VOICE_ASTERISK_TTS") or str(tts.resolve()),
            office_hours=hours,
            workdays=workdays,
            holidays_file=env.get("DARGAH_VOICE_HOLIDAYS") or None,
            queue=env.get("DARGAH_VOICE_QUEUE") or "dargah-operators",
            max_wait_s=env_int(env, "DARGAH_VOICE_MAX_WAIT", 120),
            avg_handle_s=env_int(env, "DARGAH_VOICE_AVG_HANDLE", 180),
            fixed_wait_s=env_int(env, "DARGAH_VOICE_FIXED_WAIT", None),
            queue_timeout_s=env_int(env, "DARGAH_VOICE_QUEUE_TIMEOUT", 300),
            message_max_s=env_int(env, "DARGAH_VOICE_MESSAGE_MAX", 180),
        )

    def calendar(self) -> WorkingCalendar:
        return WorkingCalendar.from_file(self.holidays_file, opens=self.office_hours[0], closes=self.office_hours[1],
                                         workdays=self.workdays)


class NoRecognizer:
    """No model configured: nothing is recognized (the flow falls back to the keypad, operators transcribe)."""

    def transcribe(self, wav_path: str, *, digits: bool = False) -> Transcript:
        return Transcript(text="")


def make_recognizer(settings: VoiceSettings) -> Recognizer:
    if settings.recognizer == "sidecar":
        log.warning("voice recognizer: sidecar stand-in (tests/demos only)")
        return SidecarRecognizer()
    if settings.vosk_model:
        return VoskRecognizer(settings.vosk_model)
    log.warning("DARGAH_VOSK_MODEL is not set: spoken national codes will not be recognized")
    return NoRecognizer()


def flow_deps(services, settings: VoiceSettings, *, recognizer: Recognizer | None = None, calendar=None, clock=None):
    from channels.voice.flow import FlowDeps, FlowSettings
    from channels.voice.prompts import SpeechCache

    settings.recordings_dir.mkdir(parents=True, exist_ok=True)
    settings.tts_dir.mkdir(parents=True, exist_ok=True)
    return FlowDeps(
        intake=services.intake,
        blobs=services.blobs,
        recognizer=recognizer or make_recognizer(settings),
        calendar=calendar or settings.calendar(),
        clock=clock or services.intake.clock,
        notifier=services.intake.notifier,
        jobs=services.jobs,
        calls=VoiceCallStore(services.engine),
        speech=SpeechCache(settings.tts_dir, asterisk_directory=settings.asterisk_tts_dir),
        settings=FlowSettings(
            recordings_dir=settings.recordings_dir,
            asterisk_recordings_dir=settings.asterisk_recordings_dir,
            queue=settings.queue, max_wait_s=settings.max_wait_s, avg_handle_s=settings.avg_handle_s,
            fixed_wait_s=settings.fixed_wait_s, queue_timeout_s=settings.queue_timeout_s,
            message_max_ms=settings.message_max_s * 1000,
        ),
    )


async def run_server(deps, host: str, port: int) -> None:
    from channels.voice import fastagi
    from channels.voice.flow import handler

    server = await fastagi.serve(handler(deps), host, port)
    log.info("FastAGI listening on %s:%s", host, port)
    async with server:
        await server.serve_forever()


# ---------------------------------------------------------------- job

def transcribe_recording(tracking_code: str) -> dict:
    """rq job: transcribe a call's recorded message and attach it to the case (dedup runs then).
    Safe to run twice: attach_transcript ignores a case that already has its text."""
    from gateway.bootstrap import services

    svc = services()
    settings = VoiceSettings.from_env()
    calls = VoiceCallStore(svc.engine)
    row = calls.by_tracking_code(tracking_code)
    if row is None or not row.message_recording:
        return {"status": "no_recording"}
    if not row.transcription_pending:
        return {"status": "done"}
    transcript = make_recognizer(settings).transcribe(svc.blobs.path(row.message_recording), digits=False)
    if not transcript.text.strip():
        return {"status": "left_for_operator"}
    result = svc.intake.attach_transcript(tracking_code, transcript.text, "system:asr")
    calls.update_pending(tracking_code, transcription_pending=False)
    return {"status": "attached", "outcome": result.outcome.value, "tracking_code": result.tracking_code}


# ---------------------------------------------------------------- CLI

def add_commands(subparsers) -> None:
    voice = subparsers.add_parser("voice", help="run the FastAGI server for Asterisk (the 111 call flow)")
    voice.add_argument("--host", help="listen address (default DARGAH_AGI_HOST or 0.0.0.0)")
    voice.add_argument("--port", type=int, help="listen port (default DARGAH_AGI_PORT or 4573)")
    voice.set_defaults(func=_cmd_voice)
    voice_sub = voice.add_subparsers(dest="voice_command", metavar="ACTION")
    prompts = voice_sub.add_parser("prompts", help="generate the Persian prompt set (espeak-ng + sox)")
    prompts.add_argument("out_dir", nargs="?", default="var/sounds/fa")
    prompts.add_argument("--only-missing", action="store_true", help="keep files already there (studio recordings)")
    prompts.set_defaults(func=_cmd_prompts)


def _cmd_prompts(args: argparse.Namespace) -> int:
    from channels.voice.prompts import main

    return main([args.out_dir] + (["--only-missing"] if args.only_missing else []))


def _cmd_voice(args: argparse.Namespace) -> int:
    from gateway.bootstrap import bootstrap, set_services
    from gateway.logs import configure_logging
    from gateway.storage.migrate import upgrade

    services = bootstrap()
    configure_logging(services.settings.log_level)
    upgrade(services.settings.database_url, services.engine)
    set_services(services)
    settings = VoiceSettings.from_env()
    deps = flow_deps(services, settings)
    asyncio.run(run_server(deps, args.host or settings.host, args.port or settings.port))
    return 0


# ---------------------------------------------------------------- HTTP API (operators)

class RecordingLinks(msgspec.Struct):
    national_code: str | None = None
    subject_national_code: str | None = None
    message: str | None = None


class VoiceCallOut(msgspec.Struct):
    call_id: str
    started_at: str
    state: str
    outcome: str
    mode: str | None
    caller_phone: str | None
    national_code: str | None
    code_source: str | None
    subject_national_code: str | None
    tracking_code: str | None
    identity_pending: bool
    transcription_pending: bool
    recordings: RecordingLinks


class TranscriptIn(msgspec.Struct):
    text: str


class IdentityIn(msgspec.Struct):
    national_code: str
    subject: bool = False


class VoiceResultOut(msgspec.Struct):
    outcome: str
    tracking_code: str
    status: str


def _link(blob_id: str | None) -> str | None:
    return f"/api/v1/voice/recordings/{blob_id}" if blob_id else None


def call_out(row: VoiceCall) -> VoiceCallOut:
    return VoiceCallOut(
        call_id=row.call_id, started_at=row.started_at.isoformat(), state=row.state, outcome=row.outcome,
        mode=row.mode, caller_phone=row.caller_phone, national_code=row.national_code, code_source=row.code_source,
        subject_national_code=row.subject_national_code, tracking_code=row.tracking_code,
        identity_pending=row.identity_pending, transcription_pending=row.transcription_pending,
        recordings=RecordingLinks(national_code=_link(row.code_recording),
                                  subject_national_code=_link(row.subject_recording),
                                  message=_link(row.message_recording)),
    )


def _calls(request: Request) -> VoiceCallStore:
    return VoiceCallStore(request.app.state.services.engine)


def _not_found() -> NotFound:
    return NotFound("تماس یافت نشد.", "Voice call not found.", field="call_id")


class VoiceController(Controller):
    path = "/api/v1/voice"
    tags = ["voice"]
    guards = [requires("operator", "supervisor")]

    @get("/pending", operation_id="voicePending", sync_to_thread=True,
         summary="Transcription queue: voice cases waiting for a national code or a transcript")
    def pending(self, request: Request, limit: Annotated[int, QueryParameter(ge=1, le=200)] = 50,
                offset: Annotated[int, QueryParameter(ge=0)] = 0) -> list[VoiceCallOut]:
        return [call_out(r) for r in _calls(request).pending(limit=limit, offset=offset)]

    @get("/calls/{call_id:str}", operation_id="voiceCall", sync_to_thread=True,
         summary="Call context for the operator hand-off (caller, recognized code, recordings)")
    def call(self, request: Request, call_id: FromPath[str]) -> VoiceCallOut:
        row = _calls(request).get(call_id)
        if row is None:
            raise _not_found()
        return call_out(row)

    @get("/recordings/{blob_id:str}", operation_id="voiceRecording", sync_to_thread=True,
         media_type="audio/wav", summary="A call recording (WAV)")
    def recording(self, request: Request, blob_id: FromPath[str]) -> Response:
        if not _calls(request).references(blob_id):
            raise NotFound("صدا یافت نشد.", "Recording not found.", field="blob_id")
        data = request.app.state.services.blobs.get(blob_id)
        return Response(data, media_type="audio/wav")

    @post("/cases/{tracking_code:str}/transcript", operation_id="voiceTranscript", sync_to_thread=True,
          status_code=200, summary="Post an operator's transcript of the recorded message")
    def transcript(self, request: Request, tracking_code: FromPath[str], data: JSONBody[TranscriptIn]) -> VoiceResultOut:
        services = request.app.state.services
        result = services.intake.attach_transcript(tracking_code, data.text, request.user.actor)
        _calls(request).update_pending(tracking_code, transcription_pending=False)
        return VoiceResultOut(outcome=result.outcome.value, tracking_code=result.tracking_code,
                              status=result.status.value)

    @post("/cases/{tracking_code:str}/identity", operation_id="voiceIdentity", sync_to_thread=True,
          status_code=200, summary="Post the national code an operator heard in the recording")
    def identity(self, request: Request, tracking_code: FromPath[str], data: JSONBody[IdentityIn]) -> VoiceResultOut:
        services = request.app.state.services
        if not data.national_code:
            raise InvalidInput("کد ملی الزامی است.", "The national code is required.", field="national_code",
                               code="missing_national_code")
        result = services.intake.set_identity(tracking_code, data.national_code, request.user.actor,
                                              subject=data.subject)
        _calls(request).update_pending(tracking_code, identity_pending=False)
        return VoiceResultOut(outcome=result.outcome.value, tracking_code=result.tracking_code,
                              status=result.status.value)


ROUTES: list = [VoiceController]
