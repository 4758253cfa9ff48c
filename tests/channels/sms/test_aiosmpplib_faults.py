"""Each fault of aiosmpplib 0.7.4 named in issue 3: first reproduced against aiosmpplib itself, then the same
situation through Dargah's ESME and the node-smpp SMSC."""

from __future__ import annotations

import asyncio
import struct
from datetime import datetime, timezone

import pytest
from aiosmpplib import ESME, PhoneNumber, SubmitSm
from aiosmpplib.protocol import DeliverSm, SmppMessage

from channels.sms import pdu
from tests.channels.sms.conftest import PASSWORD, SYSTEM_ID, make_db_harness, wait_until
from tests.channels.sms.helpers import CODE_A, SENDER, SENDER_2, replies_to


def deliver_sm_bytes(short_message: bytes, *, esm_class: int = 0x40, data_coding: int = 8, source=SENDER) -> bytes:
    data = pdu.submit_sm(7, source_addr=source, destination_addr="1111", short_message=short_message,
                         data_coding=data_coding, esm_class=esm_class, registered_delivery=0)
    return data[:4] + struct.pack("!I", 0x00000005) + data[8:]


def aiosmpplib_parse(data: bytes):
    return DeliverSm.from_pdu(data, SmppMessage.parse_header(data[:16]))


TEXT = "برق کوچه ما قطع است"


def parts_of(text: str, n: int) -> list[bytes]:
    data, size = text.encode("utf-16-be"), -(-len(text) // n) * 2
    return [data[i:i + size] for i in range(0, len(data), size)]


def test_udh_16bit_reference_parsed_as_4_bytes(harness, smsc):
    udh = bytes([6, 0x08, 4, 0x12, 0x34, 2, 1])
    ref, _, _ = aiosmpplib_parse(deliver_sm_bytes(udh + b"\x06\x33")).get_segmentation_data()
    assert ref != 0x1234  # aiosmpplib: 4 bytes read, the reference includes total and seq: parts never join
    one, two = parts_of(f"کد ملی {CODE_A} {TEXT}", 2)
    for seq, body in ((2, two), (1, one)):
        smsc.deliver(source_addr=SENDER, data_coding=8, esm_class=0x40,
                     short_message_hex=(bytes([6, 0x08, 4, 0x12, 0x34, 2, seq]) + body).hex())
    wait_until(lambda: harness.cases())
    assert harness.cases()[0].text.endswith(TEXT)


def test_concat_ie_must_be_first(harness, smsc):
    port_ie = bytes([0x05, 4, 0x0B, 0x84, 0x23, 0xF0])
    udh = bytes([11]) + port_ie + bytes([0x00, 3, 0x2A, 2, 1])
    ref, _, total = aiosmpplib_parse(deliver_sm_bytes(udh + b"\x06\x33")).get_segmentation_data()
    assert (ref, total) != (0x2A, 2)  # aiosmpplib reads the port IE as if it were the concatenation IE
    one, two = parts_of(f"کد ملی {CODE_A} {TEXT}", 2)
    for seq, body in ((1, one), (2, two)):
        smsc.deliver(source_addr=SENDER, data_coding=8, esm_class=0x40,
                     short_message_hex=(bytes([11]) + port_ie + bytes([0x00, 3, 0x2A, 2, seq]) + body).hex())
    wait_until(lambda: harness.cases())
    assert harness.cases()[0].text.endswith(TEXT)


def test_reassembly_keyed_by_reference_only(harness, smsc):
    from aiosmpplib.correlator import SimpleCorrelator

    async def aiosmpplib_reassembles():
        correlator = SimpleCorrelator("esme")
        a1 = aiosmpplib_parse(deliver_sm_bytes(bytes([5, 0, 3, 9, 2, 1]) + "آب".encode("utf-16-be"), source=SENDER))
        b2 = aiosmpplib_parse(deliver_sm_bytes(bytes([5, 0, 3, 9, 2, 2]) + "گاز".encode("utf-16-be"), source=SENDER_2))
        await correlator.put_delivery_segmented(a1)
        return await correlator.put_delivery_segmented(b2)

    mixed = asyncio.run(aiosmpplib_reassembles())
    assert mixed is not None  # two people's halves joined into one message
    a = parts_of(f"کد ملی {CODE_A} آب قطع است", 2)
    from tests.channels.sms.helpers import CODE_B
    b = parts_of(f"کد ملی {CODE_B} گاز قطع است", 2)
    for sender, seq, body in ((SENDER, 1, a[0]), (SENDER_2, 1, b[0]), (SENDER_2, 2, b[1]), (SENDER, 2, a[1])):
        smsc.deliver(source_addr=sender, data_coding=8, esm_class=0x40,
                     short_message_hex=(bytes([5, 0, 3, 9, 2, seq]) + body).hex())
    wait_until(lambda: len(harness.cases()) == 2)
    texts = {c.caller_phone: c.text for c in harness.cases()}
    assert texts == {"+" + SENDER: "آب قطع است", "+" + SENDER_2: "گاز قطع است"}


def test_generic_nack_on_unknown_data_coding(harness, smsc):
    with pytest.raises(ValueError):
        aiosmpplib_parse(deliver_sm_bytes(b"\x01\x02\x03", esm_class=0, data_coding=0xF5))  # → generic_nack
    resp = smsc.deliver(source_addr=SENDER, data_coding=0xF5, short_message_hex="010203")
    assert resp["command_status"] == 0 and resp["command"] == "deliver_sm_resp"
    [item] = wait_until(lambda: harness.intake.review_items(kind=__import__("core.model").model.ReviewKind.UNDECODABLE))
    assert "010203" in item.fields["raw"]


def test_submit_without_udhi_and_auto_message_payload_off_kills_start(smsc, sqlite_services, tmp_path):
    async def reproduce():
        esme = ESME(smsc_host="127.0.0.1", smsc_port=smsc.port, system_id=SYSTEM_ID, password=PASSWORD,
                    log_level="CRITICAL")
        await esme.broker.enqueue(SubmitSm(short_message="x" * 200, source=PhoneNumber("1111"),
                                           destination=PhoneNumber(SENDER), auto_message_payload=False))
        started = asyncio.create_task(esme.start())
        done, _ = await asyncio.wait({started}, timeout=5)
        crashed = started in done and isinstance(started.exception(), UnboundLocalError)
        try:
            await asyncio.wait_for(esme.stop(), 1.5)
            hung = False
        except asyncio.TimeoutError:
            hung = True
        return crashed, hung

    assert asyncio.run(reproduce()) == (True, True)
    # Dargah: a message that cannot be encoded fails alone; the next one is sent; stop() returns.
    h = make_db_harness(sqlite_services, smsc.port, tmp_path).start()
    try:
        h.wait_bound()
        now = datetime.now(timezone.utc)
        h.store.enqueue("too-long", SENDER, "ب" * (67 * 256), now)
        h.store.enqueue("fine", SENDER, "سلام", now)
        h.runner.wake_sender()
        smsc.wait_submits(1)
        wait_until(lambda: h.outbox(key="too-long")[0]["state"] == "failed")
        assert replies_to(smsc.submits()) == ["سلام"]
    finally:
        h.stop()  # returns (bounded by timeouts)


def test_submit_in_flight_at_disconnect_not_retried(harness, smsc):
    smsc.ctl("set", drop_on_submit=True)  # the SMSC drops the link instead of answering the first submit_sm
    harness.store.enqueue("k1", SENDER, "پیام آزمایشی", datetime.now(timezone.utc))
    harness.runner.wake_sender()
    wait_until(lambda: harness.runner.esme.binds >= 2)  # rebound after the drop
    wait_until(lambda: harness.outbox(key="k1")[0]["state"] == "sent")
    row = harness.outbox(key="k1")[0]
    assert row["attempts"] == 1 and "link lost" in row["last_error"]
    assert replies_to(smsc.submits()) == ["پیام آزمایشی"]


def test_in_memory_broker_and_correlator(tmp_path, smsc, sqlite_services):
    """Queued messages and the message_id → outbox correlation survive a restart of the process."""
    first = make_db_harness(sqlite_services, smsc.port, tmp_path).start()
    first.wait_bound()
    first.store.enqueue("before-restart", SENDER, "پاسخ شما", datetime.now(timezone.utc))
    first.runner.wake_sender()
    [submit] = smsc.wait_submits(1)
    wait_until(lambda: first.outbox()[0]["state"] == "sent")
    first.store.enqueue("queued-while-down", SENDER, "پیام دوم", datetime.now(timezone.utc))
    first.stop()
    second = make_db_harness(sqlite_services, smsc.port, tmp_path).start()  # same database, new process state
    try:
        second.wait_bound()
        smsc.ctl("receipt", message_id=submit["message_id"], stat="DELIVRD", source_addr=SENDER)
        second.runner.wake_sender()
        smsc.wait_submits(2)
        wait_until(lambda: second.outbox(key="before-restart")[0]["state"] == "delivered")
        assert replies_to(smsc.submits()) == ["پاسخ شما", "پیام دوم"]
    finally:
        second.stop()
