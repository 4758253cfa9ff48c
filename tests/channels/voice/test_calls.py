"""Whole calls, played by the Asterisk emulator over TCP against the FastAGI server and the real flow."""

from __future__ import annotations

import pytest

from channels.voice.flow import Outcome
from core.intake import IDENTITY_PENDING, TRANSCRIPTION_PENDING
from core.model import Channel, Person, Submission
from tests.channels.voice.conftest import (
    CODE, ESFAND_29, OTHER_CODE, OUT_OF_HOURS, SUBJECT_CODE, TASUA, spoken,
)
from tests.channels.voice.emulator import HANGUP, Caller, Speech


def P(prompt_id: str) -> str:
    return f"dargah/{prompt_id}"


MESSAGE = Speech("سلام. خیابان ما سه روز است که آب ندارد و لوله ترکیده است.")


def recorded_call(**kw) -> Caller:
    """New matter → recorded message → spoken code confirmed → about me → message."""
    return Caller(keys=["1", "2", "1", "1"], speech=[Speech(spoken(CODE)), MESSAGE], **kw)


def test_recorded_path_with_spoken_code(line):
    (log,) = line.play(recorded_call())
    assert line.outcomes == [Outcome.REGISTERED]
    (case,) = line.cases()
    assert case.identity == CODE and case.caller_phone == "+989121234567" and case.channel == Channel.VOICE
    assert TRANSCRIPTION_PENDING in case.flags and IDENTITY_PENDING not in case.flags
    # read back: the national code once, the tracking code twice
    assert log.said_digits == [CODE, case.tracking_code, case.tracking_code]
    assert P("sms_sent") in log.played and log.played[-1] == P("goodbye")
    assert line.deps.notifier.sent == [("+989121234567", case.tracking_code, False)]
    assert line.deps.jobs.jobs == [("gateway.voice.transcribe_recording", {"tracking_code": case.tracking_code})]
    with line.intake.uow() as uow:
        (contact,) = uow.cases.contacts(case.id)
    notes = sorted(a.note for a in contact.attachments)
    assert notes == ["message", "national_code"]
    assert all(line.deps.blobs.get(a.blob_id)[:4] == b"RIFF" for a in contact.attachments)
    row = line.deps.calls.by_tracking_code(case.tracking_code)
    assert row.transcription_pending and not row.identity_pending and row.code_source == "spoken"
    assert log.hung_up_by_server


@pytest.mark.parametrize("said", [
    spoken(CODE),
    "صفر صفر یک دو سه چهار پنج شیش هفت نه",
    "اِ صفر صفر خب دوازده سیصد و چهل و پنج شصت و هفت نه",
    "۰۰۱ دو سه چهار پنج شش هفت نه",
], ids=["digit-by-digit", "colloquial-shish", "grouped-with-fillers", "mixed-digits"])
def test_spoken_code_variants(line, said):
    line.play(Caller(keys=["1", "2", "1", "1"], speech=[Speech(said), MESSAGE]))
    (case,) = line.cases()
    assert case.identity == CODE


def test_keypad_after_two_spoken_failures(line):
    caller = Caller(keys=["1", "2", CODE, "1", "1"],
                    speech=[Speech("سلام"), Speech("نمی‌دونم"), MESSAGE])
    (log,) = line.play(caller)
    (case,) = line.cases()
    assert case.identity == CODE
    assert log.played.count(P("code_not_recognized")) == 2
    assert P("national_code_keypad") in log.played
    assert line.deps.calls.by_tracking_code(case.tracking_code).code_source == "keypad"


def test_keypad_digits_during_the_recording(line):
    # The caller keys the first digit instead of speaking: RECORD FILE ends on it, the rest comes by GET DATA.
    caller = Caller(keys=["1", "2", CODE[1:], "1", "1"], speech=[Speech("", end=CODE[0]), MESSAGE])
    line.play(caller)
    (case,) = line.cases()
    assert case.identity == CODE


def test_again_then_correct(line):
    caller = Caller(keys=["1", "2", "2", "1", "1"],
                    speech=[Speech(spoken(OTHER_CODE)), Speech(spoken(CODE)), MESSAGE])
    (log,) = line.play(caller)
    assert log.said_digits[:2] == [OTHER_CODE, CODE]
    assert line.cases()[0].identity == CODE


def test_identity_pending_after_all_failures(line):
    caller = Caller(keys=["1", "2", "123", "55555", "1"], speech=[Speech("الو"), Speech("الو الو"), MESSAGE])
    (log,) = line.play(caller)
    (case,) = line.cases()
    assert case.identity is None and IDENTITY_PENDING in case.flags
    assert P("identity_pending") in log.played
    row = line.deps.calls.by_tracking_code(case.tracking_code)
    assert row.identity_pending and row.code_recording
    assert [r.tracking_code for r in line.deps.calls.pending()] == [case.tracking_code]
    # an operator listens and types the code: the case gets its identity
    line.intake.set_identity(case.tracking_code, CODE, "operator:test")
    assert line.cases()[0].identity == CODE


def test_family_member(line):
    caller = Caller(keys=["1", "2", "1", "2", "1"],
                    speech=[Speech(spoken(CODE)), Speech(spoken(SUBJECT_CODE)), MESSAGE])
    (log,) = line.play(caller)
    (case,) = line.cases()
    assert case.identity == SUBJECT_CODE and case.caller_national_code == CODE
    assert P("subject_code_speak") in log.played
    assert log.said_digits[:2] == [CODE, SUBJECT_CODE]


def test_operator_hand_off(line):
    caller = Caller(keys=["1", "1", "1", "1"], speech=[Speech(spoken(CODE))], uniqueid="1764400000.7")
    (log,) = line.play(caller)
    assert line.outcomes == [Outcome.OPERATOR]
    assert "EXEC Queue dargah-operators,tb(dargah-screenpop^s^1),,,300" in log.played
    assert log.variables_set == {"__DARGAH_CALL_ID": "1764400000.7"}
    row = line.deps.calls.get("1764400000.7")
    assert row.mode == "operator" and row.national_code == CODE and row.code_recording
    assert line.cases() == []  # the operator registers it through the API


def test_operator_queue_timeout_falls_back_to_message(line):
    caller = Caller(keys=["1", "1", "1", "1"], speech=[Speech(spoken(CODE)), MESSAGE], queue_status="TIMEOUT")
    (log,) = line.play(caller)
    assert line.outcomes == [Outcome.REGISTERED]
    assert log.played.index(P("queue_busy")) > log.played.index("EXEC Queue dargah-operators,tb(dargah-screenpop^s^1),,,300")


def test_queue_too_long_goes_to_message(line):
    line.settings(fixed_wait_s=None)
    busy = {"${QUEUE_WAITING_COUNT(dargah-operators)}": "6", "${QUEUE_MEMBER(dargah-operators,logged)}": "2",
            "${QUEUE_MEMBER(dargah-operators,free)}": "0"}
    caller = Caller(keys=["1", "1", "1"], speech=[Speech(spoken(CODE)), MESSAGE], variables=busy)
    (log,) = line.play(caller)
    assert P("queue_busy") in log.played and P("mode_menu") not in log.played
    assert line.outcomes == [Outcome.REGISTERED]


def test_short_queue_offers_operator(line):
    line.settings(fixed_wait_s=None)
    free = {"${QUEUE_WAITING_COUNT(dargah-operators)}": "0", "${QUEUE_MEMBER(dargah-operators,logged)}": "3",
            "${QUEUE_MEMBER(dargah-operators,free)}": "1"}
    caller = Caller(keys=["1", "2", "1", "1"], speech=[Speech(spoken(CODE)), MESSAGE], variables=free)
    (log,) = line.play(caller)
    assert P("mode_menu") in log.played and P("queue_busy") not in log.played


@pytest.mark.parametrize("when, prompt", [
    (OUT_OF_HOURS, "out_of_hours"),
    (ESFAND_29, "holiday"),
    (TASUA, "holiday"),
], ids=["night", "jalali-holiday-29-esfand", "hijri-holiday-tasua"])
def test_offline_mode(line, when, prompt):
    line.at(when)
    (log,) = line.play(Caller(keys=["1", "1", "1"], speech=[Speech(spoken(CODE)), MESSAGE]))
    assert P(prompt) in log.played and P("mode_menu") not in log.played
    assert line.outcomes == [Outcome.REGISTERED]


def _answered_case(line) -> str:
    result = line.intake.submit(Submission(
        channel=Channel.SMS, caller=Person(national_code=CODE, phone="09121234567"),
        text="آب خیابان ما قطع است"))
    line.intake.answer(result.tracking_code, "لوله تعمیر شد و آب وصل است.", "agency:water")
    return result.tracking_code


def test_follow_up_right(line):
    tracking_code = _answered_case(line)
    (log,) = line.play(Caller(keys=["2", tracking_code, "1"], speech=[Speech(spoken(CODE))]))
    assert P("status_answered") in log.played and P("answer_intro") in log.played
    spoken_files = [p for p in log.played if p.startswith(str(line.tmp / "tts"))]
    assert len(spoken_files) == 2  # agency name and the answer, synthesized and cached
    assert all((line.tmp / "tts" / (p.rsplit("/", 1)[1] + ".wav")).exists() for p in spoken_files)


@pytest.mark.parametrize("case", ["wrong-national-code", "unknown-tracking-code", "malformed-tracking-code"])
def test_follow_up_wrong_hears_the_same(line, case):
    tracking_code = _answered_case(line)
    code = OTHER_CODE if case == "wrong-national-code" else CODE
    if case == "unknown-tracking-code":
        tracking_code = str(int(tracking_code[:-1]) + 1) + tracking_code[-1]
    elif case == "malformed-tracking-code":
        tracking_code = "12345"
    (log,) = line.play(Caller(keys=["2", tracking_code, "1"], speech=[Speech(spoken(code))]))
    assert log.played[-2:] == [P("not_found"), P("goodbye")]
    assert P("status_intro") not in log.played


def test_hang_up_during_the_message_keeps_it(line):
    (log,) = line.play(Caller(keys=["1", "2", "1", "1"], speech=[Speech(spoken(CODE)), Speech(MESSAGE.transcript, end=HANGUP)]))
    assert line.outcomes == [Outcome.REGISTERED]
    (case,) = line.cases()
    assert case.identity == CODE
    assert log.said_digits == [CODE]  # nothing read back to a line that is gone
    row = line.deps.calls.by_tracking_code(case.tracking_code)
    assert line.deps.blobs.get(row.message_recording)[:4] == b"RIFF"
    assert line.deps.notifier.sent  # the tracking code still reaches the mobile by SMS


@pytest.mark.parametrize("keys", [[HANGUP], ["1", HANGUP], ["1", "2", HANGUP]], ids=["main-menu", "mode-menu", "confirm"])
def test_hang_up_at_a_menu(line, keys):
    line.play(Caller(keys=keys, speech=[Speech(spoken(CODE))]))
    assert line.outcomes == [Outcome.ABANDONED]
    assert line.cases() == [] and line.reviews() == []
    (flow,) = line.flows
    assert line.deps.calls.get(flow.call_id).outcome == "abandoned"


def test_no_choice_at_main_menu_says_goodbye(line):
    (log,) = line.play(Caller(keys=[None, "7", None]))
    assert log.played.count(P("invalid_choice")) == 3 and log.played[-1] == P("goodbye")
    assert line.cases() == []


GARBAGE = [
    (2, "999 Something new"),  # reply code outside the table (STREAM FILE greeting)
    (3, "200 rezult=1"),  # GET DATA main menu
    (3, "hello there"),
    (3, "200 result=1 (surprise)"),  # GET DATA data outside the table
    (3, "200 result=12ab"),  # not keys
    (1, "510 Invalid or unknown command"),  # ANSWER refused
    (6, "200 result=0 (sideways) endpos=10"),  # RECORD FILE data outside the table
    (7, "200 result=0 (sideways) endpos=10"),  # STREAM FILE never carries data
    (11, "200 result=999"),  # GET DATA confirm / SAY DIGITS returning a non-key
]


@pytest.mark.parametrize("at, reply", GARBAGE, ids=[f"{n}:{r[:16]}" for n, r in GARBAGE])
def test_garbage_replies_end_the_call_cleanly(line, at, reply):
    caller = recorded_call(garbage={at: reply})
    (log,) = line.play(caller)
    assert line.outcomes == [Outcome.FAILED]
    assert line.cases() == [] and line.reviews() == []
    (flow,) = line.flows
    assert line.deps.calls.get(flow.call_id).outcome == "failed"
    # the server survives: the next call works
    line.play(recorded_call(uniqueid="1764400000.99"))
    assert line.outcomes[-1] == Outcome.REGISTERED


def test_garbage_after_the_message_holds_it_for_review(line):
    # Find which command records the message, then garble Asterisk's reply to it (the file is on disk).
    (probe,) = line.play(recorded_call(uniqueid="probe"))
    n = next(i for i, c in enumerate(probe.commands, 1) if c.startswith("RECORD FILE") and "-message-" in c)
    line.play(recorded_call(garbage={n: "200 result=0 (sideways) endpos=1"}))
    assert line.outcomes[-1] == Outcome.HELD
    (item,) = line.reviews()
    assert item.channel == Channel.VOICE and any(a.note == "message" for a in item.attachments)


def test_concurrent_calls(line):
    callers = [recorded_call(uniqueid=f"1764400000.{i}", callerid=f"0912000000{i}") for i in range(4)]
    line.play(*callers)
    assert sorted(line.outcomes) == [Outcome.REGISTERED] * 4
    assert len(line.cases()) == 4 and len({c.tracking_code for c in line.cases()}) == 4


def test_family_member_whose_code_is_pending_is_not_filed_under_the_caller(line):
    caller = Caller(keys=["1", "2", "1", "2", "123", "456", "1"],
                    speech=[Speech(spoken(CODE)), Speech("الو"), Speech("الو"), MESSAGE])
    line.play(caller)
    (case,) = line.cases()
    assert case.caller_national_code == CODE
    assert case.identity is None and IDENTITY_PENDING in case.flags
    # an operator hears the son's code in the recording and completes the case
    line.intake.set_identity(case.tracking_code, SUBJECT_CODE, "operator:test", subject=True)
    (case,) = line.cases()
    assert case.identity == SUBJECT_CODE and case.caller_national_code == CODE


@pytest.mark.parametrize("callerid, phone, sms", [
    ("09121234567", "+989121234567", True),
    ("+989351112233", "+989351112233", True),
    ("02188776655", "+982188776655", False),
    ("anonymous", None, False),
    ("", None, False),
], ids=["mobile", "mobile-e164", "tehran-landline", "withheld", "empty"])
def test_tracking_code_sms_only_to_mobiles(line, callerid, phone, sms):
    (log,) = line.play(recorded_call(callerid=callerid))
    (case,) = line.cases()
    assert case.caller_phone == phone
    assert bool(line.deps.notifier.sent) is sms and (P("sms_sent") in log.played) is sms


def test_agi_conversation_matches_the_golden_transcript(line):
    """The exact commands Asterisk receives on the recorded path (testdata/agi-recorded-path.txt): a change
    in the protocol conversation shows up here and must be deliberate (regenerate with DARGAH_GOLDEN=1)."""
    import os
    from pathlib import Path

    import channels.voice

    (log,) = line.play(recorded_call())
    (case,) = line.cases()
    got = "\n".join(c.replace(str(line.tmp / "rec"), "<recordings>").replace(case.tracking_code, "<tracking_code>")
                    for c in log.commands) + "\n"
    golden = Path(channels.voice.__file__).parent / "testdata" / "agi-recorded-path.txt"
    if os.environ.get("DARGAH_GOLDEN") == "1":
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


class BrokenIntake:
    """Storage down at the worst moment: submit fails with a driver error that quotes personal data."""

    def __init__(self, intake):
        self._intake = intake

    def __getattr__(self, name):
        return getattr(self._intake, name)

    def submit(self, sub):
        raise RuntimeError(f"connection lost while inserting caller {sub.caller.national_code} {sub.caller.phone}")


def test_storage_failure_apologizes_keeps_the_message_and_logs_no_personal_data(line, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    line.deps.intake = BrokenIntake(line.intake)
    (log,) = line.play(recorded_call())
    assert line.outcomes == [Outcome.HELD]
    assert P("technical_error") in log.played
    (item,) = line.reviews()
    assert any(a.note == "message" for a in item.attachments) and item.fields["national_code"] == CODE
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "RuntimeError" in logged and CODE not in logged and "9121234567" not in logged
