"""Messages out (MT): UCS2 parts, message_payload, throttling answers, receipts matched to the outbox."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from channels.sms import replies
from tests.channels.sms.conftest import wait_until
from tests.channels.sms.helpers import SENDER, replies_to

LONG = "پاسخ دستگاه: " + "لوله‌کشی محله شما در برنامه تعمیرات هفته آینده قرار گرفت و " * 3 + "با تشکر."


def queue(h, key: str, text: str):
    h.store.enqueue(key, SENDER, text, datetime.now(timezone.utc))
    h.runner.wake_sender()


SPLIT = [("short-one-sms", "سلام", 1), ("exactly-70", "ب" * 70, 1), ("71-needs-two-parts", "ب" * 71, 2),
         ("long-answer", LONG, -(-len(LONG) // 67)), ("emoji-pair-not-cut", "ب" * 66 + "💧" + "پ" * 10, 2)]


@pytest.mark.parametrize("text,parts", [c[1:] for c in SPLIT], ids=[c[0] for c in SPLIT])
def test_ucs2_split_with_udh_at_67_characters(text, parts):
    out = replies.ucs2_parts(text, reference=300)
    assert len(out) == parts
    joined = b""
    for n, (esm_class, data, tlvs) in enumerate(out, 1):
        if parts > 1:
            assert esm_class == 0x40 and data[:6] == bytes([5, 0, 3, 300 & 0xFF, parts, n])
            assert len(data) - 6 <= 134
            data = data[6:]
        joined += data
    assert joined.decode("utf-16-be") == text


def test_long_reply_goes_out_in_udh_parts(harness, smsc):
    queue(harness, "long", LONG)
    n = -(-len(LONG) // 67)
    submits = smsc.wait_submits(n)
    assert all(s["data_coding"] == 8 and s["esm_class"] & 0x40 for s in submits)
    assert replies_to(submits) == [LONG]
    wait_until(lambda: harness.outbox()[0]["state"] == "sent")
    assert harness.outbox()[0]["parts"] == n


def test_long_reply_as_message_payload(make_harness, smsc):
    h = make_harness(smsc.port, use_message_payload=True)
    h.wait_bound()
    queue(h, "long", LONG)
    [submit] = smsc.wait_submits(1)
    assert submit["short_message_hex"] == "" and bytes.fromhex(submit["message_payload_hex"]).decode("utf-16-be") == LONG


RECEIPTS = [("tlv", "tlv"), ("text", "text"), ("both", "both")]


@pytest.mark.parametrize("mode", [r[1] for r in RECEIPTS], ids=[r[0] for r in RECEIPTS])
def test_delivery_receipt_matched_to_the_outbox_row(harness, smsc, mode):
    queue(harness, "r", "سلام")
    [submit] = smsc.wait_submits(1)
    wait_until(lambda: harness.outbox()[0]["state"] == "sent")
    assert smsc.ctl("receipt", message_id=submit["message_id"], stat="DELIVRD", mode=mode)["command_status"] == 0
    wait_until(lambda: harness.outbox()[0]["state"] == "delivered")


def test_multipart_receipts_deliver_the_row_only_when_every_part_is_delivered(harness, smsc):
    queue(harness, "m", LONG)
    n = -(-len(LONG) // 67)
    submits = smsc.wait_submits(n)
    wait_until(lambda: harness.outbox()[0]["state"] == "sent")
    for s in submits[:-1]:
        smsc.ctl("receipt", message_id=s["message_id"], stat="DELIVRD")
    wait_until(lambda: harness.outbox()[0]["parts_delivered"] == n - 1)
    assert harness.outbox()[0]["state"] == "sent"
    smsc.ctl("receipt", message_id=submits[-1]["message_id"], stat="DELIVRD")
    wait_until(lambda: harness.outbox()[0]["state"] == "delivered")


def test_undeliverable_receipt(harness, smsc):
    queue(harness, "u", "سلام")
    [submit] = smsc.wait_submits(1)
    wait_until(lambda: harness.outbox()[0]["state"] == "sent")
    smsc.ctl("receipt", message_id=submit["message_id"], stat="UNDELIV")
    wait_until(lambda: harness.outbox()[0]["state"] == "undeliverable")


def test_receipt_with_decimal_id_for_a_hex_message_id(harness, smsc):
    """Some SMSCs answer submit_sm with a hex id and put it in decimal in the receipt text."""
    queue(harness, "hex", "سلام")
    [submit] = smsc.wait_submits(1)
    wait_until(lambda: harness.outbox()[0]["state"] == "sent")
    harness.store.engine.dispose()
    from channels.sms.store import PARTS
    with harness.store.engine.begin() as conn:
        conn.execute(PARTS.update().values(message_id="1f4a"))
    smsc.ctl("receipt", message_id=str(0x1F4A), stat="DELIVRD", mode="text")
    wait_until(lambda: harness.outbox()[0]["state"] == "delivered")


def test_throttled_submit_is_retried_with_backoff_and_sent_once(harness, smsc):
    smsc.ctl("set", fail_submits=2, submit_status=0x58)  # ESME_RTHROTTLED twice
    queue(harness, "t", "سلام")
    smsc.wait_submits(3)
    wait_until(lambda: harness.outbox()[0]["state"] == "sent")
    row = harness.outbox()[0]
    assert row["attempts"] == 2 and row["last_error"] == "ESME_RTHROTTLED"
    assert replies_to(smsc.submits()) == ["سلام"]


def test_permanent_refusal_is_not_retried(harness, smsc):
    smsc.ctl("set", fail_submits=1, submit_status=0x0B)  # ESME_RINVDSTADR
    queue(harness, "p", "سلام")
    smsc.wait_submits(1)
    wait_until(lambda: harness.outbox()[0]["state"] == "failed")
    assert harness.outbox()[0]["last_error"] == "ESME_RINVDSTADR"


def test_nothing_sent_twice_after_a_part_was_accepted(harness, smsc):
    """Part 1 accepted, then the link drops on part 2: after the rebind only part 2 goes again."""
    smsc.ctl("set", drop_on_submit=2)
    queue(harness, "x", "ب" * 71)
    wait_until(lambda: harness.outbox(key="x")[0]["state"] == "sent")
    raw = smsc.ctl("submits")["submits"]
    assert [s.get("dropped", False) for s in raw] == [False, True, False]
    seqs = [bytes.fromhex(s["short_message_hex"])[5] for s in raw if not s.get("dropped")]
    assert seqs == [1, 2] and harness.runner.esme.binds >= 2
    assert replies_to(smsc.submits()) == ["ب" * 71]


def test_intermediate_notification_is_not_a_citizen_message(harness, smsc):
    queue(harness, "i", "سلام")
    [submit] = smsc.wait_submits(1)
    text = f"id:{submit['message_id']} sub:001 dlvrd:000 submit date:2611290600 done date:2611290600 stat:ENROUTE err:000 text:"
    smsc.deliver(source_addr=SENDER, esm_class=0x20, data_coding=0, short_message_hex=text.encode().hex())
    wait_until(lambda: [r for r in harness.store.inbound() if r["state"] == "done"])
    assert harness.outbox()[0]["state"] == "sent" and not harness.intake.review_items()
