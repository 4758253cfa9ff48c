"""Logs of the SMS channel never carry phone numbers, national codes, tracking codes or message text in clear
(courier's AssertChannelLogRedaction, applied to a whole conversation)."""

from __future__ import annotations

import logging

from tests.channels.sms.conftest import wait_until
from tests.channels.sms.helpers import CODE_A, CODE_B, SENDER, replies_to, ucs2

MATTER = "همسایه زباله را در کوچه رها می‌کند"


def test_no_personal_data_in_logs(harness, smsc, caplog):
    caplog.set_level(logging.DEBUG)
    bad = CODE_B[:-1] + str((int(CODE_B[-1]) + 1) % 10)
    for text in (MATTER, f"کد ملی {bad}", CODE_A, f"کد ملی {CODE_A} {MATTER} دوباره"):
        smsc.deliver(source_addr=SENDER, data_coding=8, short_message_hex=ucs2(text))
    smsc.deliver(source_addr=SENDER, data_coding=0xF5, short_message_hex="deadbeef")  # undecodable
    wait_until(lambda: len(replies_to(smsc.submits())) >= 5)
    [case] = harness.cases()
    smsc.deliver(source_addr=SENDER, data_coding=8, short_message_hex=ucs2(f"پیگیری {case.tracking_code}"))
    wait_until(lambda: len(replies_to(smsc.submits())) >= 6)
    smsc.ctl("drop")
    wait_until(lambda: harness.runner.esme.binds >= 2)
    logged = "\n".join(r.getMessage() + " " + repr(r.args) for r in caplog.records)
    assert caplog.records
    for secret in (SENDER, SENDER[2:], "0" + SENDER[2:], CODE_A, bad, case.tracking_code, "زباله", "deadbeef"):
        assert secret not in logged, secret
