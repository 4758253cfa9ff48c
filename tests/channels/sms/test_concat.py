"""Concatenation info from the raw PDU, and joining parts."""

import pytest

from channels.sms import concat
from channels.sms.payloads import ConcatInfo, ShortMessagePdu
from channels.sms.pdu import TAG_MESSAGE_PAYLOAD, TAG_SAR_MSG_REF_NUM, TAG_SAR_SEGMENT_SEQNUM, TAG_SAR_TOTAL_SEGMENTS


def sm(short_message: bytes, esm_class: int = 0x40, tlvs=()) -> ShortMessagePdu:
    return ShortMessagePdu(sequence_num=1, source_addr="989121234567", destination_addr="1111", esm_class=esm_class,
                           data_coding=8, short_message=short_message, tlvs=tuple(tlvs))


BODY = "سلام".encode("utf-16-be")
CASES = [
    ("udh-8bit-ref", sm(bytes([5, 0x00, 3, 0x2A, 3, 2]) + BODY), ConcatInfo(0x2A, 3, 2, 8)),
    ("udh-16bit-ref", sm(bytes([6, 0x08, 4, 0x12, 0x34, 2, 1]) + BODY), ConcatInfo(0x1234, 2, 1, 16)),
    ("udh-concat-ie-after-port-ie",
     sm(bytes([11, 0x05, 4, 0x0B, 0x84, 0x23, 0xF0, 0x00, 3, 7, 2, 2]) + BODY), ConcatInfo(7, 2, 2, 8)),
    ("udh-16bit-after-unknown-ie", sm(bytes([9, 0x24, 1, 0x01, 0x08, 4, 0xAB, 0xCD, 4, 3]) + BODY),
     ConcatInfo(0xABCD, 4, 3, 16)),
    ("sar-tlvs", sm(BODY, 0, [(TAG_SAR_MSG_REF_NUM, b"\x01\x02"), (TAG_SAR_TOTAL_SEGMENTS, b"\x03"),
                              (TAG_SAR_SEGMENT_SEQNUM, b"\x03")]), ConcatInfo(0x0102, 3, 3, 16)),
    ("udh-without-concat-ie", sm(bytes([4, 0x05, 2, 0x0B, 0x84]) + BODY), None),
    ("udh-total-one-is-single", sm(bytes([5, 0x00, 3, 9, 1, 1]) + BODY), None),
    ("udh-seq-beyond-total-is-single", sm(bytes([5, 0x00, 3, 9, 2, 3]) + BODY), None),
]


@pytest.mark.parametrize("pdu,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_concat_info(pdu, expected):
    ud = concat.user_data(pdu)
    assert ud.concat == expected
    assert ud.body == BODY


def test_message_payload_carries_the_whole_text():
    long = ("متن بلند " * 40).encode("utf-16-be")
    ud = concat.user_data(sm(b"", 0, [(TAG_MESSAGE_PAYLOAD, long)]))
    assert ud.from_payload and ud.body == long and ud.concat is None


def test_udh_length_past_the_end_is_an_error():
    with pytest.raises(concat.BadUserDataHeader):
        concat.user_data(sm(bytes([9, 0x00, 3, 1])))


def test_join_in_order_and_partial():
    parts = {1: "آب ".encode("utf-16-be"), 2: "قطع ".encode("utf-16-be"), 3: "است".encode("utf-16-be")}
    assert concat.join(8, parts, 3) == ("آب قطع است", False)
    text, partial = concat.join(8, {1: parts[1], 3: parts[3]}, 3)
    assert partial and text == "آب " + concat.GAP + "است"


def test_join_keeps_a_gsm_escape_split_across_parts():
    assert concat.join(0, {1: b"5 \x1b", 2: b"e"}, 2) == ("5 €", False)


def test_keys_differ_by_sender_and_reference_size():
    info = ConcatInfo(7, 2, 1, 8)
    assert concat.concat_key("a", info) != concat.concat_key("b", info)
    assert concat.concat_key("a", info) != concat.concat_key("a", ConcatInfo(7, 2, 1, 16))
