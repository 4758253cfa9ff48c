"""Concatenated SMS: find the part information in the raw PDU and join the parts.

Three carriers of the same information (3GPP TS 23.040 §9.2.3.24.1 and .8, SMPP 3.4 §5.3.2.22-24):
- UDH IE 0x00: 8-bit reference, total, sequence;
- UDH IE 0x08: 16-bit reference, total, sequence;
- the sar_msg_ref_num (16-bit), sar_total_segments, sar_segment_seqnum TLVs.
The IE may stand anywhere in the UDH (after a port-addressing IE, for instance). Long text may also come
whole in the message_payload TLV. Parts are keyed by (sender, reference, total): two people may use the same
reference at the same time. aiosmpplib 0.7.4 read the 16-bit reference as 4 bytes, demanded the IE first and
keyed by reference alone, so this module does not use its parser.
"""

from __future__ import annotations

from channels.sms import codings
from channels.sms.payloads import ConcatInfo, ShortMessagePdu, UserData
from channels.sms.pdu import TAG_MESSAGE_PAYLOAD, TAG_SAR_MSG_REF_NUM, TAG_SAR_SEGMENT_SEQNUM, TAG_SAR_TOTAL_SEGMENTS

IE_CONCAT_8 = 0x00
IE_CONCAT_16 = 0x08
GAP = " [...] "  # stands for a part that never arrived (ASCII: survives NFKC)


class BadUserDataHeader(ValueError):
    """The UDH length or an IE length points past the end of the message."""


def information_elements(udh: bytes) -> list[tuple[int, bytes]]:
    out, i = [], 0
    while i < len(udh):
        if i + 2 > len(udh):
            raise BadUserDataHeader("IE header truncated")
        iei, iel = udh[i], udh[i + 1]
        if i + 2 + iel > len(udh):
            raise BadUserDataHeader(f"IE 0x{iei:02x} runs past the UDH")
        out.append((iei, udh[i + 2:i + 2 + iel]))
        i += 2 + iel
    return out


def _valid(info: ConcatInfo) -> ConcatInfo | None:
    # total 0/1 or a sequence outside 1..total is not a concatenation: keep the part as a whole message.
    if info.total < 2 or not 1 <= info.seq <= info.total:
        return None
    return info


def user_data(pdu: ShortMessagePdu) -> UserData:
    """Split a deliver_sm's message into UDH and body and read the concatenation info, if any."""
    payload = pdu.tlv(TAG_MESSAGE_PAYLOAD)
    from_payload = payload is not None and not pdu.short_message
    data = payload if from_payload else pdu.short_message
    udh = b""
    concat: ConcatInfo | None = None
    if pdu.udhi and data:
        udhl = data[0]
        if 1 + udhl > len(data):
            raise BadUserDataHeader("UDH length exceeds the message")
        udh, data = data[1:1 + udhl], data[1 + udhl:]
        for iei, ied in information_elements(udh):
            if iei == IE_CONCAT_8 and len(ied) == 3:
                concat = _valid(ConcatInfo(ied[0], ied[1], ied[2], 8))
            elif iei == IE_CONCAT_16 and len(ied) == 4:
                concat = _valid(ConcatInfo((ied[0] << 8) | ied[1], ied[2], ied[3], 16))
    if concat is None:
        ref, total, seq = (pdu.tlv(t) for t in (TAG_SAR_MSG_REF_NUM, TAG_SAR_TOTAL_SEGMENTS, TAG_SAR_SEGMENT_SEQNUM))
        if ref is not None and total and seq:
            concat = _valid(ConcatInfo(int.from_bytes(ref, "big"), total[0], seq[0], 16))
    return UserData(udh=udh, body=data, concat=concat, from_payload=from_payload)


def concat_key(sender: str, info: ConcatInfo) -> str:
    return f"{sender}|{info.ref_bits}:{info.reference}|{info.total}"


def join(data_coding: int, parts: dict[int, bytes], total: int,
         default: codings.Alphabet = codings.Alphabet.GSM7) -> tuple[str, bool]:
    """Text of the parts present (seq → body). Bytes of consecutive parts are joined before decoding, so a
    GSM escape or a UTF-16 surrogate pair split across parts survives. Returns (text, partial)."""
    runs: list[bytes] = []
    current: list[bytes] = []
    for seq in range(1, total + 1):
        if seq in parts:
            current.append(parts[seq])
        elif current:
            runs.append(b"".join(current))
            current = []
    if current:
        runs.append(b"".join(current))
    partial = len(parts) < total
    text = GAP.join(codings.decode(data_coding, run, default=default) for run in runs)
    if partial and 1 not in parts:
        text = GAP.lstrip() + text
    if partial and total not in parts:
        text = text + GAP.rstrip()
    return text, partial
