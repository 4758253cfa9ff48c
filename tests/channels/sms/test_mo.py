"""Messages in (MO) through the node-smpp SMSC: every coding, every way of splitting, retransmits, durability."""

from __future__ import annotations

import pytest

from channels.sms.concat import GAP
from core.model import ReviewKind
from tests.channels.sms.conftest import wait_until
from tests.channels.sms.helpers import CODE_A, SENDER, replies_to, ucs2

PERSIAN = f"کد ملی {CODE_A} آسفالت خیابان اصلی محله ما خراب است"
WORDS = "آسفالت خیابان اصلی محله ما خراب است"


def single(data_coding: int, body: bytes, esm_class: int = 0) -> list[dict]:
    return [dict(data_coding=data_coding, esm_class=esm_class, short_message_hex=body.hex())]


def udh_parts(text: str, n: int, order: list[int], *, ref16: bool = False, ref: int = 0x2A) -> list[dict]:
    data = text.encode("utf-16-be")
    size = -(-len(text) // n) * 2
    chunks = [data[i:i + size] for i in range(0, len(data), size)]
    out = []
    for seq in order:
        head = (bytes([6, 0x08, 4, ref >> 8, ref & 0xFF, n, seq]) if ref16 else bytes([5, 0x00, 3, ref, n, seq]))
        out.append(dict(data_coding=8, esm_class=0x40, short_message_hex=(head + chunks[seq - 1]).hex()))
    return out


def sar_parts(text: str, n: int, order: list[int]) -> list[dict]:
    data = text.encode("utf-16-be")
    size = -(-len(text) // n) * 2
    chunks = [data[i:i + size] for i in range(0, len(data), size)]
    return [dict(data_coding=8, esm_class=0, short_message_hex=chunks[seq - 1].hex(), sar_msg_ref_num=0x0102,
                 sar_total_segments=n, sar_segment_seqnum=seq) for seq in order]


ASCII = f"Code {CODE_A} the street lights are broken"
CASES = [
    ("gsm7-smsc-default", single(0x00, ASCII.encode("ascii")), "street lights are broken"),
    ("gsm7-extension-euro-brackets", single(0x00, f"{CODE_A} fee 5\x1be [late]".replace("[", "\x1b<").replace("]", "\x1b>").encode("ascii")), "fee 5€ [late]"),
    ("ia5-ascii", single(0x01, ASCII.encode("ascii")), "street lights are broken"),
    ("latin1", single(0x03, f"{CODE_A} café fermé".encode("latin-1")), "café fermé"),
    ("ucs2", single(0x08, PERSIAN.encode("utf-16-be")), WORDS),
    ("ucs2-class-0x18", single(0x18, PERSIAN.encode("utf-16-be")), WORDS),
    ("ucs2-class-0x19", single(0x19, PERSIAN.encode("utf-16-be")), WORDS),
    ("gsm7-class-0xf0", single(0xF0, ASCII.encode("ascii")), "street lights are broken"),
    ("gsm7-class-0xf1", single(0xF1, ASCII.encode("ascii")), "street lights are broken"),
    ("ucs2-persian-digits-code", single(0x08, f"کد ملی {CODE_A.translate(str.maketrans('0123456789', '۰۱۲۳۴۵۶۷۸۹'))} {WORDS}".encode("utf-16-be")), WORDS),
    ("udh-8bit-in-order", udh_parts(PERSIAN, 3, [1, 2, 3]), WORDS),
    ("udh-8bit-out-of-order", udh_parts(PERSIAN, 3, [3, 1, 2]), WORDS),
    ("udh-16bit-out-of-order", udh_parts(PERSIAN, 3, [2, 3, 1], ref16=True, ref=0xBEEF), WORDS),
    ("sar-tlvs-out-of-order", sar_parts(PERSIAN, 3, [3, 2, 1]), WORDS),
    ("message-payload", [dict(data_coding=8, esm_class=0, short_message_hex="",
                              message_payload_hex=(PERSIAN + " " + "جزئیات بیشتر " * 20).encode("utf-16-be").hex())], WORDS),
]


@pytest.mark.parametrize("pdus,words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_mo_becomes_a_case(harness, smsc, pdus, words):
    for spec in pdus:
        assert smsc.deliver(source_addr=SENDER, destination_addr="1111", **spec)["command_status"] == 0
    [case] = wait_until(harness.cases)
    assert words in case.text and case.identity == CODE_A
    assert "partial" not in case.flags
    [reply] = replies_to(smsc.wait_submits(1))
    assert case.tracking_code in reply


UNREADABLE = [
    ("8bit-binary", single(0x04, b"\x00\xff\x10")),
    ("reserved-coding-0x0b", single(0x0B, b"abc")),
    ("ucs2-odd-octets", single(0x08, b"\x06\x33\x06")),
    ("udh-length-past-end", single(0x08, bytes([9, 0, 3, 1]), esm_class=0x40)),
]


@pytest.mark.parametrize("pdus", [c[1] for c in UNREADABLE], ids=[c[0] for c in UNREADABLE])
def test_unreadable_mo_is_acknowledged_and_kept_for_operators(harness, smsc, pdus):
    for spec in pdus:
        assert smsc.deliver(source_addr=SENDER, **spec)["command_status"] == 0
    [item] = wait_until(lambda: harness.intake.review_items(kind=ReviewKind.UNDECODABLE))
    assert item.caller_phone == "+" + SENDER and bytes.fromhex(pdus[0]["short_message_hex"]).hex() in item.fields["raw"]
    assert not harness.cases()
    assert "خوانده نشد" in replies_to(smsc.wait_submits(1))[0]


def test_missing_part_is_processed_after_the_timeout_and_flagged(harness, smsc):
    for spec in udh_parts(PERSIAN + " و چراغ‌ها هم خاموش است", 3, [1, 3]):
        smsc.deliver(source_addr=SENDER, **spec)
    [case] = wait_until(harness.cases)
    assert "partial" in case.flags and GAP.strip() in case.text
    assert case.identity == CODE_A


def test_smsc_retransmit_makes_no_second_case(harness, smsc):
    spec = single(0x08, PERSIAN.encode("utf-16-be"))[0]
    smsc.deliver(source_addr=SENDER, **spec)
    wait_until(harness.cases)
    assert smsc.deliver(source_addr=SENDER, **spec)["command_status"] == 0  # resent: resp was "lost"
    wait_until(lambda: [r for r in harness.store.inbound() if r["state"] == "retransmit"])
    smsc.wait_submits(1)
    assert len(harness.cases()) == 1 and len(harness.outbox()) == 1


def test_mo_is_stored_before_deliver_sm_resp(harness, smsc):
    resp = smsc.deliver(source_addr=SENDER, data_coding=8, short_message_hex=ucs2("آب قطع است"))
    assert resp["command_status"] == 0
    rows = harness.store.inbound()  # read at once, no waiting: the ack implies the row is committed
    assert len(rows) == 1 and rows[0]["sender"] == SENDER


def test_processing_twice_is_harmless(harness, smsc):
    """A crash after handling a message but before marking its rows done replays it: one case, one reply."""
    smsc.deliver(source_addr=SENDER, data_coding=8, short_message_hex=ucs2(PERSIAN))
    wait_until(harness.cases)
    row = harness.store.inbound()[0]
    message = harness.channel._decode(row, 8, {1: PERSIAN.encode("utf-16-be")}, 1)
    harness.channel._finish([row["id"]], message)
    assert len(harness.cases()) == 1 and len(harness.outbox()) == 1


def test_interleaved_references_from_one_sender(harness, smsc):
    from tests.channels.sms.helpers import CODE_B

    first = udh_parts(f"کد ملی {CODE_A} آسفالت کوچه خراب است", 2, [1, 2], ref=1)
    second = udh_parts(f"کد ملی {CODE_B} برق خانه پدرم قطع است", 2, [1, 2], ref=2)
    for spec in (first[0], second[1], second[0], first[1]):
        smsc.deliver(source_addr=SENDER, **spec)
    cases = wait_until(lambda: len(harness.cases()) == 2 and harness.cases())
    assert {c.identity: c.text for c in cases} == {CODE_A: "آسفالت کوچه خراب است", CODE_B: "برق خانه پدرم قطع است"}


def test_a_message_that_breaks_processing_does_not_block_the_queue(harness, smsc, monkeypatch):
    from channels.sms import normalize

    real = normalize.decide

    def decide(sms):
        if "BOOM" in sms.text:
            raise RuntimeError("a bug")
        return real(sms)

    monkeypatch.setattr(normalize, "decide", decide)
    smsc.deliver(source_addr=SENDER, data_coding=8, short_message_hex=ucs2("BOOM"))
    smsc.deliver(source_addr=SENDER, data_coding=8, short_message_hex=ucs2(PERSIAN))
    wait_until(harness.cases)
    # Rows are marked after their message is handled: wait for the marks, not only for the case.
    wait_until(lambda: all(r["state"] in ("error", "done") for r in harness.store.inbound()))
    [item] = harness.intake.review_items(kind=ReviewKind.NEEDS_REVIEW)
    assert "processing error" in item.reason
    assert [r["state"] for r in harness.store.inbound()] == ["error", "done"]


def test_same_text_with_another_user_message_reference_is_not_a_retransmit(harness, smsc):
    spec = dict(data_coding=8, short_message_hex=ucs2(PERSIAN))
    smsc.deliver(source_addr=SENDER, user_message_reference=1, **spec)
    smsc.deliver(source_addr=SENDER, user_message_reference=1, **spec)  # resend of the same
    smsc.deliver(source_addr=SENDER, user_message_reference=2, **spec)  # the citizen sent it again
    wait_until(lambda: len([r for r in harness.store.inbound() if r["state"] == "done"]) == 2)
    assert [r["state"] for r in harness.store.inbound()] == ["done", "retransmit", "done"]
    assert len(harness.cases()) == 1  # core's dedup: the same matter, recorded as a second contact
