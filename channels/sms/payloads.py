"""What arrives raw from the SMS centre, as msgspec Structs. Nothing here reaches core."""

from __future__ import annotations

from datetime import datetime

import msgspec


class ShortMessagePdu(msgspec.Struct, frozen=True, kw_only=True):
    """The fields of a deliver_sm (or submit_sm) PDU that Dargah uses (SMPP 3.4 §4.6.1), undecoded."""

    sequence_num: int
    source_addr: str
    destination_addr: str
    esm_class: int
    data_coding: int
    short_message: bytes
    source_addr_ton: int = 0
    source_addr_npi: int = 0
    protocol_id: int = 0
    registered_delivery: int = 0
    # TLVs (SMPP 3.4 §5.3.2), tag → raw value bytes, in the order received.
    tlvs: tuple[tuple[int, bytes], ...] = ()

    def tlv(self, tag: int) -> bytes | None:
        for t, value in self.tlvs:
            if t == tag:
                return value
        return None

    @property
    def is_receipt(self) -> bool:
        # esm_class bits 5-2 (SMPP 3.4 §5.2.12): 0001 SMSC delivery receipt, 0010 SME delivery ack,
        # 0100 SME manual/user ack, 1000 intermediate delivery notification. All are about our MT,
        # none is a citizen's message.
        return (self.esm_class >> 2) & 0x0F != 0

    @property
    def udhi(self) -> bool:
        return bool(self.esm_class & 0x40)


class ConcatInfo(msgspec.Struct, frozen=True):
    """One part of a concatenated message: from UDH IE 0x00/0x08 or the sar_* TLVs."""

    reference: int
    total: int
    seq: int
    ref_bits: int  # 8 or 16 (SAR references are 16-bit)


class UserData(msgspec.Struct, frozen=True):
    """The message body split into its user data header and its text bytes."""

    udh: bytes  # without the UDHL byte; b"" when there is none
    body: bytes
    concat: ConcatInfo | None
    from_payload: bool  # body came from the message_payload TLV


class Receipt(msgspec.Struct, frozen=True, kw_only=True):
    """A delivery receipt (esm_class 0x04), from the receipted_message_id/message_state TLVs or the text."""

    message_id: str
    state: str  # DELIVRD, UNDELIV, EXPIRED, …
    final: bool
    delivered: bool


class InboundSms(msgspec.Struct, frozen=True, kw_only=True):
    """One whole message from a citizen (parts joined), decoded, before it becomes a Submission."""

    key: str  # "sms:<first stored row id>": the Submission's external_id
    sender: str  # as the SMSC gave it (not canonical)
    text: str
    received_at: datetime
    flags: frozenset[str] = frozenset()  # "partial", "undecodable"
    coding: str = ""
    raw_hex: str = ""  # only for undecodable messages, for operators
