"""A burst of whole messages: plain registrations go to core in one batch; conversations keep their order."""

from datetime import datetime, timezone

from channels.sms.payloads import InboundSms
from core.model import Outcome
from tests.factories import national_code

A, B, C = national_code(201), national_code(202), national_code(203)


def sms(n: int, sender: str, text: str) -> tuple[list[int], InboundSms]:
    # Received now: the harness's clock is real time, and a held message older than the 24-hour window is gone
    # (a fixed date here made the test fail from a day after it was written).
    return [n], InboundSms(key=f"sms:{n}", sender=sender, text=text, received_at=datetime.now(timezone.utc))


def test_a_burst_registers_plain_messages_together_and_follow_up_after_them(sqlite_services, tmp_path):
    from tests.channels.sms.conftest import make_db_harness

    harness = make_db_harness(sqlite_services, 9, tmp_path)  # not started: no SMSC needed here
    calls = []
    real = harness.intake.submit_many
    harness.intake.submit_many = lambda subs: calls.append(len(subs)) or real(subs)
    finished = harness.channel._handle_many([
        sms(1, "989121110001", f"کد ملی {A} یارانه ام واریز نشده"),
        sms(2, "989121110002", f"کد ملی {B} قبض آب خیلی زیاد آمده"),
        sms(3, "989121110001", f"{A} یارانه ام هنوز نیامده"),  # the same matter again: a duplicate
        sms(4, "989121110003", "سلام آب محله ما قطع است"),  # no code: held, a conversation
        sms(5, "989121110003", f"کد ملی {C}"),  # completes it, after the held message
    ])
    assert calls and calls[0] == 3  # messages 1-3 went to core together
    states = {key: state for _, key, state, _ in finished}
    assert states == {"sms:1": "done", "sms:2": "done", "sms:3": "done", "sms:4": "held", "sms:5": "done"}
    replies = {key: reply[2] for _, key, _, reply in finished if reply}
    first = next(c for c in harness.intake.search(national_code=A))
    assert first.tracking_code in replies["sms:1"] and first.tracking_code in replies["sms:3"]
    assert len(harness.intake.search(national_code=A)) == 1
    (c_case,) = harness.intake.search(national_code=C)
    assert "آب" in c_case.text and c_case.tracking_code in replies["sms:5"]
    _, contacts, _ = harness.intake.get_case(tracking_code=first.tracking_code)
    assert [c.outcome for c in contacts] == [Outcome.REGISTERED, Outcome.DUPLICATE]
