"""The 111 call flow as an explicit state machine (docs/voice-flow.md draws the same tables).

Keys are the contract (issue 5): main menu 1 = new matter, 2 = follow-up; live mode 1 = operator,
2 = recorded message; code read-back 1 = correct, 2 = again; 1 = about me, 2 = a family member.

Each state is one method returning the next state; the loop checks every step against TRANSITIONS
(a test checks TRANSITIONS against the diagram). National codes are collected by a sub-machine
(CODE_TRANSITIONS): spoken after the tone (RECORD FILE), or keypad digits + #; read back with SAY DIGITS;
two failures ⇒ keypad; still nothing ⇒ «identity pending» with the recordings for an operator.

Nothing is half-written: the case is registered by one intake call, after the message is recorded (also
when the caller hangs up during the message: Asterisk keeps the file). A call that ends on an AGI
protocol error registers nothing; a message already on disk then goes to the review queue (intake.hold).
"""

from __future__ import annotations

import asyncio
import enum
import logging
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Awaitable, Callable

from channels.voice import prompts
from channels.voice.asr import AudioFormatError, Recognizer, RecognitionError
from channels.voice.calendar import WorkingCalendar
from channels.voice.digits import spoken_national_code
from channels.voice.fastagi import AgiError, AgiHangup, AgiProtocolError, AgiSession
from channels.voice.normalize import WAV, CallFacts, caller_phone, external_id, to_submission
from channels.voice.payloads import RecordOutcome
from channels.voice.store import VoiceCall, VoiceCallStore
from core import identity as ident
from core.errors import DargahError
from core.intake import IDENTITY_PENDING, TRANSCRIPTION_PENDING, IntakeService
from core.model import Attachment, Channel, Outcome as IntakeOutcome, ReviewItem, ReviewKind
from core.ports import BlobStore, Clock, JobQueue, Notifier
from core.tracking import is_tracking_code

log = logging.getLogger("dargah.voice.flow")


class State(str, enum.Enum):
    GREETING = "greeting"
    MAIN_MENU = "main_menu"
    NEW_MATTER = "new_matter"
    MODE_MENU = "mode_menu"
    CALLER_CODE = "caller_code"
    ABOUT_MENU = "about_menu"
    SUBJECT_CODE = "subject_code"
    OPERATOR = "operator"
    MESSAGE = "message"
    REGISTER = "register"
    READ_BACK = "read_back"
    FOLLOWUP_TRACKING = "followup_tracking"
    FOLLOWUP_CODE = "followup_code"
    FOLLOWUP_RESULT = "followup_result"
    END = "end"


S = State
TRANSITIONS: dict[State, frozenset[State]] = {
    S.GREETING: frozenset({S.MAIN_MENU}),
    S.MAIN_MENU: frozenset({S.NEW_MATTER, S.FOLLOWUP_TRACKING, S.END}),
    S.NEW_MATTER: frozenset({S.MODE_MENU, S.CALLER_CODE}),
    S.MODE_MENU: frozenset({S.CALLER_CODE, S.END}),
    S.CALLER_CODE: frozenset({S.ABOUT_MENU}),
    S.ABOUT_MENU: frozenset({S.SUBJECT_CODE, S.OPERATOR, S.MESSAGE, S.END}),
    S.SUBJECT_CODE: frozenset({S.OPERATOR, S.MESSAGE}),
    S.OPERATOR: frozenset({S.MESSAGE, S.END}),
    S.MESSAGE: frozenset({S.REGISTER, S.END}),
    S.REGISTER: frozenset({S.READ_BACK, S.END}),
    S.READ_BACK: frozenset({S.END}),
    S.FOLLOWUP_TRACKING: frozenset({S.FOLLOWUP_CODE, S.END}),
    S.FOLLOWUP_CODE: frozenset({S.FOLLOWUP_RESULT}),
    S.FOLLOWUP_RESULT: frozenset({S.END}),
}


class CodeStep(str, enum.Enum):
    SPEAK = "speak"
    RECOGNIZE = "recognize"
    CONFIRM = "confirm"
    KEYPAD = "keypad"
    PENDING = "pending"
    DONE = "done"


C = CodeStep
CODE_TRANSITIONS: dict[CodeStep, frozenset[CodeStep]] = {
    C.SPEAK: frozenset({C.RECOGNIZE, C.CONFIRM}),
    C.RECOGNIZE: frozenset({C.CONFIRM, C.SPEAK, C.KEYPAD}),
    C.CONFIRM: frozenset({C.DONE, C.SPEAK, C.KEYPAD, C.PENDING}),
    C.KEYPAD: frozenset({C.CONFIRM, C.KEYPAD, C.PENDING}),
}

SPOKEN_ATTEMPTS = 2  # two failures ⇒ keypad
KEYPAD_ATTEMPTS = 2  # still nothing ⇒ identity pending
MENU_ATTEMPTS = 3

# QUEUESTATUS after EXEC Queue (app_queue.c): True = an operator took the call.
QUEUE_STATUS: dict[str | None, bool] = {
    None: True,  # not set: the call was answered and bridged
    "CONTINUE": True,
    "TIMEOUT": False,
    "FULL": False,
    "JOINEMPTY": False,
    "LEAVEEMPTY": False,
    "JOINUNAVAIL": False,
    "LEAVEUNAVAIL": False,
}


class Outcome(str, enum.Enum):
    IN_PROGRESS = "in_progress"
    REGISTERED = "registered"
    DUPLICATE = "duplicate"
    HELD = "held"  # kept in the review queue
    OPERATOR = "operator"
    FOLLOWUP = "followup"
    ABANDONED = "abandoned"  # hung up before anything could be registered
    FAILED = "failed"  # AGI protocol error


class FlowError(RuntimeError):
    """A state returned a next state outside TRANSITIONS (a bug)."""


class UnknownQueueStatus(AgiProtocolError):
    """QUEUESTATUS outside the table."""


@dataclass(frozen=True)
class FlowSettings:
    recordings_dir: Path
    """Where this process reads recordings."""
    asterisk_recordings_dir: str
    """The same directory as Asterisk sees it (RECORD FILE paths)."""
    queue: str = "dargah-operators"
    # Queue options: t = the operator may transfer; b(…) = predial subroutine on the operator's channel
    # (deploy/asterisk/extensions.conf [dargah-screenpop] puts the call id in a SIP header).
    queue_options: str = "tb(dargah-screenpop^s^1)"
    max_wait_s: int = 120
    avg_handle_s: int = 180
    fixed_wait_s: int | None = None  # set: use it instead of asking Asterisk for the queue's state
    queue_timeout_s: int = 300
    code_max_ms: int = 15000
    message_max_ms: int = 180000
    menu_timeout_ms: int = 5000
    keypad_timeout_ms: int = 8000
    transcribe_job: str = "gateway.voice.transcribe_recording"


@dataclass
class FlowDeps:
    intake: IntakeService
    blobs: BlobStore
    recognizer: Recognizer
    calendar: WorkingCalendar
    clock: Clock
    notifier: Notifier
    jobs: JobQueue
    calls: VoiceCallStore
    speech: prompts.SpeechCache
    settings: FlowSettings


@dataclass
class CodeResult:
    national_code: str | None
    source: str | None  # spoken | keypad
    recordings: list[str] = field(default_factory=list)


class CallFlow:
    def __init__(self, session: AgiSession, deps: FlowDeps):
        self.agi = session
        self.deps = deps
        self.s = deps.settings
        env = session.env
        self.call_id = "".join(c for c in env.uniqueid if c.isalnum() or c in "._-")[:40] or "call"
        now = deps.clock.now()
        self.facts = CallFacts(call_id=self.call_id, caller_id=env.callerid, received_at=now)
        self.phone = caller_phone(env.callerid)
        self.row = VoiceCall(call_id=self.call_id, started_at=now, caller_phone=self.phone)
        self.mode: str | None = None
        self.result = None
        self.tracking_code: str | None = None
        self.followup_code: str | None = None
        self.followup_national_code: str | None = None
        self.recording_seq = 0
        self.message_path: Path | None = None
        self.trail: list[State] = []

    # ------------------------------------------------------------------ the machine

    async def run(self) -> Outcome:
        state = S.GREETING
        try:
            while state is not S.END:
                self.trail.append(state)
                self.row.state = state.value
                nxt = await self.HANDLERS[state](self)
                if nxt not in TRANSITIONS[state]:
                    raise FlowError(f"{state.value} → {nxt.value} is not in TRANSITIONS")
                state = nxt
        except AgiHangup:
            if self.row.outcome == Outcome.IN_PROGRESS.value:
                self.row.outcome = (Outcome.OPERATOR if state is S.OPERATOR else Outcome.ABANDONED).value
        except AgiError as exc:
            log.warning("call %s: AGI error in %s: %s", self.call_id, state.value, type(exc).__name__)
            if self.row.outcome == Outcome.IN_PROGRESS.value:
                self.row.outcome = Outcome.FAILED.value
                await self._hold_message("AGI protocol error during the call")
        except Exception as exc:  # storage down, a bug: the caller hears an apology, the message is kept if possible
            # Type and frames only: exception messages (SQL parameters…) may carry personal data.
            log.error("call %s: %s in %s\n%s", self.call_id, type(exc).__name__, state.value,
                      "".join(traceback.format_tb(exc.__traceback__)))
            if self.row.outcome == Outcome.IN_PROGRESS.value:
                self.row.outcome = Outcome.FAILED.value
                try:
                    await self._hold_message(f"internal error during the call: {type(exc).__name__}")
                except Exception:  # noqa: BLE001 - already failing; the recording stays on disk
                    log.error("call %s: message could not be held for review", self.call_id)
            if not self.agi.hung_up:
                try:
                    await self.play("technical_error")
                except AgiError:
                    pass
        finally:
            self.row.ended_at = self.deps.clock.now()
            await asyncio.to_thread(self.deps.calls.save, self.row)
        if not self.agi.hung_up and self.row.outcome != Outcome.FAILED.value:
            try:
                await self.agi.hangup()
            except AgiError:
                pass
        log.info("call %s ended: %s after %s", self.call_id, self.row.outcome,
                 "→".join(s.value for s in self.trail))
        return Outcome(self.row.outcome)

    # ------------------------------------------------------------------ helpers

    async def play(self, prompt_id: str) -> None:
        await self.agi.stream_file(prompts.name(prompt_id))

    async def menu(self, prompt_id: str, keys: str) -> str | None:
        for _ in range(MENU_ATTEMPTS):
            got = await self.agi.get_data(prompts.name(prompt_id), self.s.menu_timeout_ms, 1)
            if got.digits and got.digits in keys:
                return got.digits
            await self.play("invalid_choice")
        return None

    def _record_paths(self, label: str) -> tuple[str, Path]:
        self.recording_seq += 1
        base = f"{self.call_id}-{label}-{self.recording_seq}"
        return f"{self.s.asterisk_recordings_dir.rstrip('/')}/{base}", self.s.recordings_dir / f"{base}.wav"

    async def _keep(self, local: Path) -> str | None:
        """Copy a recording into the blob store (the case's record of what the caller said)."""
        if not local.exists():
            log.warning("call %s: recording not found where Asterisk should have written it", self.call_id)
            return None
        data = await asyncio.to_thread(local.read_bytes)
        return await asyncio.to_thread(self.deps.blobs.put, data, WAV)

    # ------------------------------------------------------------------ national codes (sub-machine)

    async def collect_code(self, who: str) -> CodeResult:
        """who: "caller" | "subject" | "followup". Returns the confirmed code or None (pending)."""
        speak_prompt = {"caller": "national_code_speak", "subject": "subject_code_speak",
                        "followup": "followup_national_code"}[who]
        keypad_prompt = "subject_code_keypad" if who == "subject" else "national_code_keypad"
        step, spoken_failures, keypad_failures = C.SPEAK, 0, 0
        candidate: str | None = None
        source: str | None = None
        recording: Path | None = None
        recordings: list[str] = []
        while step not in (C.DONE, C.PENDING):
            if step is C.SPEAK:
                await self.play(speak_prompt)
                remote, recording = self._record_paths(f"code-{who}")
                rec = await self.agi.record_file(remote, "wav", "#0123456789", self.s.code_max_ms, beep=True, silence_s=4)
                if rec.outcome is RecordOutcome.HANGUP:
                    raise AgiHangup("hang-up while saying the national code")
                blob = await self._keep(recording)
                if blob:
                    recordings.append(blob)
                if rec.outcome is RecordOutcome.DTMF and rec.digit and rec.digit.isdigit():
                    # The caller started keying instead of speaking: collect the rest of the digits.
                    rest = await self.agi.get_data("silence/1", self.s.keypad_timeout_ms, 9)
                    candidate, source, nxt = rec.digit + rest.digits, "keypad", C.CONFIRM
                else:
                    nxt = C.RECOGNIZE
            elif step is C.RECOGNIZE:
                candidate, source = await self._recognize(recording), "spoken"
                if candidate:
                    nxt = C.CONFIRM
                else:
                    spoken_failures += 1
                    await self.play("code_not_recognized")
                    nxt = C.SPEAK if spoken_failures < SPOKEN_ATTEMPTS else C.KEYPAD
            elif step is C.KEYPAD:
                got = await self.agi.get_data(prompts.name(keypad_prompt), self.s.keypad_timeout_ms, 10)
                candidate, source = got.digits, "keypad"
                if ident.is_valid_national_code(candidate):
                    nxt = C.CONFIRM
                else:
                    keypad_failures += 1
                    await self.play("code_not_recognized")
                    nxt = C.KEYPAD if keypad_failures < KEYPAD_ATTEMPTS else C.PENDING
            elif step is C.CONFIRM:
                code = _valid(candidate)
                choice = None
                if code is not None:
                    await self.play("you_said")
                    await self.agi.say_digits(code)
                    choice = await self._confirm()
                if choice == "1":
                    candidate, nxt = code, C.DONE
                elif source == "keypad" and spoken_failures >= SPOKEN_ATTEMPTS:
                    keypad_failures += 1
                    if code is None:
                        await self.play("code_not_recognized")
                    nxt = C.KEYPAD if keypad_failures < KEYPAD_ATTEMPTS else C.PENDING
                else:
                    spoken_failures += 1
                    if code is None:
                        await self.play("code_not_recognized")
                    nxt = C.SPEAK if spoken_failures < SPOKEN_ATTEMPTS else C.KEYPAD
            else:  # pragma: no cover
                raise FlowError(step)
            if nxt not in CODE_TRANSITIONS[step]:
                raise FlowError(f"code {step.value} → {nxt.value} is not in CODE_TRANSITIONS")
            step = nxt
        if step is C.PENDING:
            if who != "followup":
                await self.play("identity_pending")
            return CodeResult(None, None, recordings)
        return CodeResult(candidate, source, recordings)

    async def _confirm(self) -> str | None:
        got = await self.agi.get_data(prompts.name("confirm_menu"), self.s.menu_timeout_ms, 1)
        return got.digits if got.digits in ("1", "2") else None

    async def _recognize(self, recording: Path | None) -> str | None:
        if recording is None or not recording.exists():
            return None
        try:
            transcript = await asyncio.to_thread(self.deps.recognizer.transcribe, str(recording), digits=True)
        except (AudioFormatError, RecognitionError, OSError) as exc:
            log.warning("call %s: recognition failed: %s", self.call_id, type(exc).__name__)
            return None
        return spoken_national_code(transcript.text)

    # ------------------------------------------------------------------ states

    async def greeting(self) -> State:
        await self.agi.answer()
        await self.play("greeting")
        return S.MAIN_MENU

    async def main_menu(self) -> State:
        choice = await self.menu("main_menu", "12")
        if choice == "1":
            return S.NEW_MATTER
        if choice == "2":
            return S.FOLLOWUP_TRACKING
        await self.play("goodbye")
        return S.END

    async def new_matter(self) -> State:
        now = self.deps.clock.now()
        if not self.deps.calendar.is_open(now):
            local = now.astimezone(self.deps.calendar.tz).date()
            await self.play("holiday" if self.deps.calendar.holiday(local) else "out_of_hours")
            self.mode = "recorded"
            return S.CALLER_CODE
        wait = await self.estimated_wait()
        if wait is None or wait > self.s.max_wait_s:
            await self.play("queue_busy")
            self.mode = "recorded"
            return S.CALLER_CODE
        return S.MODE_MENU

    async def estimated_wait(self) -> float | None:
        """Seconds a new caller would wait, from the queue's state (None: no operator logged in / unknown)."""
        if self.s.fixed_wait_s is not None:
            return float(self.s.fixed_wait_s)
        q = self.s.queue
        values = []
        for expr in (f"${{QUEUE_WAITING_COUNT({q})}}", f"${{QUEUE_MEMBER({q},logged)}}", f"${{QUEUE_MEMBER({q},free)}}"):
            raw = await self.agi.get_full_variable(expr)
            values.append(int(raw) if raw is not None and raw.strip().isdigit() else None)
        waiting, logged, free = values
        if waiting is None or not logged:
            return None
        if free and waiting == 0:
            return 0.0
        return (waiting + 1) * self.s.avg_handle_s / logged

    async def mode_menu(self) -> State:
        choice = await self.menu("mode_menu", "12")
        if choice is None:
            await self.play("goodbye")
            return S.END
        self.mode = "operator" if choice == "1" else "recorded"
        return S.CALLER_CODE

    async def caller_code(self) -> State:
        got = await self.collect_code("caller")
        self.facts.national_code = got.national_code
        self.facts.code_recordings = got.recordings
        self.row.national_code, self.row.code_source = got.national_code, got.source
        self.row.code_recording = got.recordings[-1] if got.recordings else None
        return S.ABOUT_MENU

    async def about_menu(self) -> State:
        choice = await self.menu("about_menu", "12")
        if choice is None:
            await self.play("goodbye")
            return S.END
        if choice == "2":
            self.facts.family = True
            return S.SUBJECT_CODE
        return S.OPERATOR if self.mode == "operator" else S.MESSAGE

    async def subject_code(self) -> State:
        got = await self.collect_code("subject")
        self.facts.subject_national_code = got.national_code
        self.facts.subject_recordings = got.recordings
        self.row.subject_national_code = got.national_code
        self.row.subject_recording = got.recordings[-1] if got.recordings else None
        return S.OPERATOR if self.mode == "operator" else S.MESSAGE

    async def operator(self) -> State:
        # The context the operator's screen reads through the API while the call waits.
        self.row.mode, self.row.outcome = "operator", Outcome.IN_PROGRESS.value
        self.row = await asyncio.to_thread(self.deps.calls.save, self.row)
        # "__" makes Asterisk copy the variable onto the operator's channel (screen pop, deploy/asterisk).
        await self.agi.set_variable("__DARGAH_CALL_ID", self.call_id)
        await self.play("operator_connecting")
        await self.agi.exec("Queue", f"{self.s.queue},{self.s.queue_options},,,{self.s.queue_timeout_s}")
        status = await self.agi.get_full_variable("${QUEUESTATUS}")
        status = status or None
        if status not in QUEUE_STATUS:
            raise UnknownQueueStatus("QUEUESTATUS outside the table")
        if QUEUE_STATUS[status]:
            self.row.outcome = Outcome.OPERATOR.value
            return S.END
        await self.play("queue_busy")
        self.mode = "recorded"
        return S.MESSAGE

    async def message(self) -> State:
        self.row.mode = "recorded"
        await self.play("message_prompt")
        remote, local = self._record_paths("message")
        self.message_path = local
        rec = await self.agi.record_file(remote, "wav", "#", self.s.message_max_ms, beep=True)
        # On hang-up Asterisk keeps what was said: register it all the same (no read-back then).
        blob = await self._keep(local)
        if blob is None:
            if rec.outcome is not RecordOutcome.HANGUP:
                await self.play("technical_error")
            self.row.outcome = Outcome.ABANDONED.value
            return S.END
        self.facts.message_recording = blob
        self.row.message_recording = blob
        return S.REGISTER

    async def register(self) -> State:
        sub = to_submission(self.facts)
        try:
            result = await asyncio.to_thread(self.deps.intake.submit, sub)
        except DargahError as exc:
            await self._hold(sub.attachments, f"voice registration refused: {exc.code}")
            if not self.agi.hung_up:
                await self.play("received_for_review")
            return S.END
        self.result = result
        self.tracking_code = result.tracking_code
        duplicate = result.outcome is IntakeOutcome.DUPLICATE
        self.row.tracking_code = result.tracking_code
        self.row.outcome = (Outcome.DUPLICATE if duplicate else Outcome.REGISTERED).value
        self.row.identity_pending = IDENTITY_PENDING in sub.flags
        self.row.transcription_pending = TRANSCRIPTION_PENDING in sub.flags
        self.row = await asyncio.to_thread(self.deps.calls.save, self.row)
        if not result.replayed:
            await asyncio.to_thread(self.deps.jobs.enqueue, self.s.transcribe_job, tracking_code=result.tracking_code)
        if ident.is_mobile(self.phone):
            await asyncio.to_thread(self.deps.notifier.tracking_code_issued, self.phone, result.tracking_code, duplicate)
        return S.END if self.agi.hung_up else S.READ_BACK

    async def read_back(self) -> State:
        duplicate = self.result.outcome is IntakeOutcome.DUPLICATE
        await self.play("duplicate" if duplicate else "registered")
        await self.agi.say_digits(self.tracking_code)
        await self.play("repeat")
        await self.agi.say_digits(self.tracking_code)
        if ident.is_mobile(self.phone):
            await self.play("sms_sent")
        await self.play("goodbye")
        return S.END

    async def followup_tracking(self) -> State:
        self.row.outcome = Outcome.FOLLOWUP.value
        for _ in range(MENU_ATTEMPTS):
            got = await self.agi.get_data(prompts.name("tracking_code_keypad"), self.s.keypad_timeout_ms, 14)
            if got.digits:
                self.followup_code = got.digits
                return S.FOLLOWUP_CODE
            await self.play("invalid_choice")
        await self.play("goodbye")
        return S.END

    async def followup_code(self) -> State:
        got = await self.collect_code("followup")
        self.followup_national_code = got.national_code
        return S.FOLLOWUP_RESULT

    async def followup_result(self) -> State:
        view = None
        if self.followup_national_code and is_tracking_code(self.followup_code):
            view = await asyncio.to_thread(self.deps.intake.follow_up, self.followup_code, self.followup_national_code)
        if view is None:
            # Same words for an unknown code and a wrong national code: no oracle.
            await self.play("not_found")
            await self.play("goodbye")
            return S.END
        await self.play("status_intro")
        await self.play(f"status_{view.status.value}")
        await self.play("agency_intro")
        await self.say_text(view.agency_name_fa)
        if view.answer:
            await self.play("answer_intro")
            await self.say_text(view.answer)
        else:
            await self.play("no_answer_yet")
        await self.play("goodbye")
        return S.END

    async def say_text(self, text: str) -> None:
        path = await self.deps.speech.speak(text)
        if path:
            await self.agi.stream_file(path)

    # ------------------------------------------------------------------ keeping what cannot be registered

    async def _hold_message(self, reason: str) -> None:
        if self.message_path is None or self.tracking_code:
            return
        try:
            blob = await self._keep(self.message_path)
        except OSError:
            blob = None
        if blob is None:
            return
        self.facts.message_recording = blob
        await self._hold(to_submission(self.facts).attachments, reason)

    async def _hold(self, attachments: tuple[Attachment, ...], reason: str) -> None:
        item = ReviewItem(
            id=None, kind=ReviewKind.NEEDS_REVIEW, channel=Channel.VOICE, reason=reason, text="",
            created_at=self.deps.clock.now(), caller_phone=self.phone, external_id=external_id(self.call_id),
            fields={"national_code": self.facts.national_code, "subject_national_code": self.facts.subject_national_code,
                    "call_id": self.call_id},
            attachments=tuple(attachments),
        )
        await asyncio.to_thread(self.deps.intake.hold, item)
        self.row.outcome = Outcome.HELD.value

    HANDLERS: dict[State, Callable[["CallFlow"], Awaitable[State]]] = {
        S.GREETING: greeting,
        S.MAIN_MENU: main_menu,
        S.NEW_MATTER: new_matter,
        S.MODE_MENU: mode_menu,
        S.CALLER_CODE: caller_code,
        S.ABOUT_MENU: about_menu,
        S.SUBJECT_CODE: subject_code,
        S.OPERATOR: operator,
        S.MESSAGE: message,
        S.REGISTER: register,
        S.READ_BACK: read_back,
        S.FOLLOWUP_TRACKING: followup_tracking,
        S.FOLLOWUP_CODE: followup_code,
        S.FOLLOWUP_RESULT: followup_result,
    }


def _valid(candidate: str | None) -> str | None:
    if not candidate:
        return None
    try:
        return ident.parse_national_code(candidate)
    except DargahError:
        return None


def handler(deps: FlowDeps) -> Callable[[AgiSession], Awaitable[None]]:
    """The FastAGI connection handler for `fastagi.serve`."""

    async def handle(session: AgiSession) -> None:
        await CallFlow(session, deps).run()

    return handle
