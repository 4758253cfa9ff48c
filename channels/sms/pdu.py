"""SMPP 3.4 PDUs, encoded and decoded by hand.

aiosmpplib 0.7.4 parses deliver_sm into a Python string inside `DeliverSm.from_pdu` and loses what Dargah
needs (the UDH bytes, unknown data_coding values, 16-bit references). So Dargah reads and writes the PDUs
itself (SMPP 3.4 §3.2 header, §4.6 deliver_sm, §4.4 submit_sm, §5.3 TLVs) and takes from aiosmpplib only
its named tables of command ids and command statuses.
"""

from __future__ import annotations

import struct

from aiosmpplib.state import SmppCommand, SmppCommandStatus

from channels.sms.payloads import ShortMessagePdu

HEADER = struct.Struct("!IIII")
HEADER_LEN = 16
MAX_PDU = 2**16 + 1024  # message_payload may carry up to 64 KiB

# TLV tags used here (SMPP 3.4 §5.3.2).
TAG_SAR_MSG_REF_NUM = 0x020C
TAG_SAR_TOTAL_SEGMENTS = 0x020E
TAG_SAR_SEGMENT_SEQNUM = 0x020F
TAG_MESSAGE_PAYLOAD = 0x0424
TAG_RECEIPTED_MESSAGE_ID = 0x001E
TAG_MESSAGE_STATE = 0x0427

ESME_ROK = SmppCommandStatus.ESME_ROK


class PduError(ValueError):
    """A PDU that cannot be read (truncated, bad length, missing NUL)."""


class UnknownCommand(PduError):
    def __init__(self, command_id: int):
        super().__init__(f"unknown SMPP command id 0x{command_id:08x}")
        self.command_id = command_id


def command_name(command_id: int) -> str:
    try:
        return SmppCommand(command_id).name
    except ValueError:
        return f"0x{command_id:08x}"


def status_name(status: int) -> str:
    try:
        return SmppCommandStatus(status).name
    except ValueError:
        return f"0x{status:08x}"


def pack(command_id: int, status: int, sequence: int, body: bytes = b"") -> bytes:
    return HEADER.pack(HEADER_LEN + len(body), command_id, status, sequence) + body


def unpack_header(data: bytes) -> tuple[int, int, int, int]:
    """(length, command_id, status, sequence)."""
    length, command_id, status, sequence = HEADER.unpack_from(data)
    if length < HEADER_LEN or length > MAX_PDU:
        raise PduError(f"bad command_length {length}")
    return length, command_id, status, sequence


def cstr(value: str, limit: int) -> bytes:
    raw = value.encode("ascii")
    if len(raw) >= limit:
        raise ValueError(f"field too long for a {limit}-octet C-string")
    return raw + b"\0"


class _Reader:
    def __init__(self, data: bytes, offset: int = HEADER_LEN):
        self.data, self.i = data, offset

    def cstr(self) -> str:
        end = self.data.find(b"\0", self.i)
        if end < 0:
            raise PduError("C-string without NUL")
        raw = self.data[self.i:end]
        self.i = end + 1
        return raw.decode("latin-1")

    def u8(self) -> int:
        if self.i >= len(self.data):
            raise PduError("PDU truncated")
        self.i += 1
        return self.data[self.i - 1]

    def take(self, n: int) -> bytes:
        if self.i + n > len(self.data):
            raise PduError("PDU truncated")
        self.i += n
        return self.data[self.i - n:self.i]

    def tlvs(self) -> tuple[tuple[int, bytes], ...]:
        out = []
        while self.i + 4 <= len(self.data):
            tag, length = struct.unpack_from("!HH", self.data, self.i)
            self.i += 4
            out.append((tag, self.take(length)))
        return tuple(out)


# ---------------------------------------------------------------- requests the ESME sends

def bind(mode_command: int, sequence: int, *, system_id: str, password: str, system_type: str = "",
         addr_ton: int = 0, addr_npi: int = 0, address_range: str = "") -> bytes:
    body = (cstr(system_id, 16) + cstr(password, 9) + cstr(system_type, 13) + bytes([0x34, addr_ton, addr_npi])
            + cstr(address_range, 41))
    return pack(mode_command, 0, sequence, body)


def submit_sm(sequence: int, *, source_addr: str, destination_addr: str, short_message: bytes, data_coding: int,
              esm_class: int = 0, source_ton: int = 0, source_npi: int = 0, dest_ton: int = 1, dest_npi: int = 1,
              registered_delivery: int = 1, tlvs: tuple[tuple[int, bytes], ...] = ()) -> bytes:
    if len(short_message) > 254:
        raise ValueError("short_message holds at most 254 octets; use message_payload")
    body = (b"\0" + bytes([source_ton, source_npi]) + cstr(source_addr, 21) + bytes([dest_ton, dest_npi])
            + cstr(destination_addr, 21) + bytes([esm_class, 0, 0]) + b"\0" + b"\0"
            + bytes([registered_delivery, 0, data_coding, 0, len(short_message)]) + short_message
            + b"".join(struct.pack("!HH", tag, len(v)) + v for tag, v in tlvs))
    return pack(SmppCommand.SUBMIT_SM, 0, sequence, body)


def response(command_id: int, sequence: int, status: int = 0, body: bytes | None = None) -> bytes:
    """The response to a request from the SMSC. deliver_sm_resp carries an empty message_id (§4.6.2)."""
    resp_id = command_id | 0x80000000
    if body is None:
        body = b"\0" if command_id == SmppCommand.DELIVER_SM else b""
    return pack(resp_id, status, sequence, body)


def generic_nack(sequence: int, status: int) -> bytes:
    return pack(SmppCommand.GENERIC_NACK, status, sequence)


# ---------------------------------------------------------------- what the SMSC sends

def parse_short_message(data: bytes) -> ShortMessagePdu:
    """deliver_sm / submit_sm body (identical layout, SMPP 3.4 §4.4.1 and §4.6.1)."""
    _, _, _, sequence = unpack_header(data)
    r = _Reader(data)
    r.cstr()  # service_type
    source_ton, source_npi = r.u8(), r.u8()
    source_addr = r.cstr()
    r.u8(), r.u8()
    destination_addr = r.cstr()
    esm_class, protocol_id, _priority = r.u8(), r.u8(), r.u8()
    r.cstr(), r.cstr()  # schedule_delivery_time, validity_period
    registered_delivery, _replace = r.u8(), r.u8()
    data_coding, _default_msg_id, sm_length = r.u8(), r.u8(), r.u8()
    short_message = r.take(sm_length)
    return ShortMessagePdu(
        sequence_num=sequence, source_addr=source_addr, destination_addr=destination_addr, esm_class=esm_class,
        data_coding=data_coding, short_message=short_message, source_addr_ton=source_ton,
        source_addr_npi=source_npi, protocol_id=protocol_id, registered_delivery=registered_delivery,
        tlvs=r.tlvs(),
    )


def parse_message_id(data: bytes) -> str:
    """submit_sm_resp body: message_id C-string (absent on error responses)."""
    if len(data) <= HEADER_LEN:
        return ""
    return _Reader(data).cstr()
