"""data_coding (DCS) → how the bytes of an SMS are text.

SMPP 3.4 §5.2.19 gives the values 0x00-0x0E; above that SMS centres pass the GSM 03.38 §4 data coding
scheme through, where the alphabet sits in bits 3-2 (general groups 0x00-0x7F, message class in bits 1-0
when bit 4 is set), or bit 2 (group 0xF0-0xFF), or the message-waiting groups 0xC0-0xEF. A value Dargah
cannot read raises `UnknownDataCoding`; the caller keeps the raw bytes for operators and still acknowledges
the PDU (aiosmpplib refuses such PDUs with generic_nack and the message is lost).
"""

from __future__ import annotations

import enum

from aiosmpplib.codec import GSM_BASIC_DECODE_MAP, GSM_EXTENDED_DECODE_MAP


class Alphabet(str, enum.Enum):
    SMSC_DEFAULT = "smsc_default"  # 0x00: whatever the SMSC calls default (GSM 7-bit on almost all)
    GSM7 = "gsm7"
    ASCII = "ascii"  # IA5
    LATIN1 = "latin1"
    UCS2 = "ucs2"
    CYRILLIC = "iso8859_5"
    HEBREW = "iso8859_8"
    JIS = "shift_jis"
    ISO2022JP = "iso2022_jp"
    KSC5601 = "euc_kr"
    BINARY = "binary"  # 8-bit data: not text
    COMPRESSED = "compressed"  # GSM 03.42 compression: nobody implements it


class UnknownDataCoding(ValueError):
    """The data_coding names no alphabet Dargah can read (reserved, compressed, 8-bit binary)."""

    def __init__(self, data_coding: int, alphabet: Alphabet | None = None):
        super().__init__(f"data_coding 0x{data_coding:02x} ({alphabet.value if alphabet else 'reserved'}) is not text")
        self.data_coding = data_coding


class Undecodable(ValueError):
    """Bytes that are not valid in their declared alphabet."""


# SMPP 3.4 §5.2.19 table.
SMPP_CODINGS: dict[int, Alphabet] = {
    0x00: Alphabet.SMSC_DEFAULT,
    0x01: Alphabet.ASCII,
    0x02: Alphabet.BINARY,
    0x03: Alphabet.LATIN1,
    0x04: Alphabet.BINARY,
    0x05: Alphabet.JIS,
    0x06: Alphabet.CYRILLIC,
    0x07: Alphabet.HEBREW,
    0x08: Alphabet.UCS2,
    0x0A: Alphabet.ISO2022JP,
    0x0E: Alphabet.KSC5601,
}
# GSM 03.38 §4 alphabet bits (bits 3-2 in the general groups).
_GSM_ALPHABET_BITS = {0b00: Alphabet.GSM7, 0b01: Alphabet.BINARY, 0b10: Alphabet.UCS2}


def alphabet_for(data_coding: int) -> Alphabet:
    """The alphabet a DCS value declares; raises UnknownDataCoding for reserved or non-text values."""
    if data_coding in SMPP_CODINGS:
        alphabet = SMPP_CODINGS[data_coding]
    elif data_coding <= 0x0F:
        raise UnknownDataCoding(data_coding)
    elif data_coding <= 0x7F:
        # General data coding (0x00-0x3F) and automatic-deletion (0x40-0x7F) groups; bit 5 = compressed.
        if data_coding & 0x20:
            raise UnknownDataCoding(data_coding, Alphabet.COMPRESSED)
        alphabet = _GSM_ALPHABET_BITS.get((data_coding >> 2) & 0b11)
        if alphabet is None:
            raise UnknownDataCoding(data_coding)
    elif data_coding <= 0xBF:
        raise UnknownDataCoding(data_coding)  # reserved coding groups
    elif data_coding <= 0xDF:
        alphabet = Alphabet.GSM7  # message waiting indication, discard/store, GSM 7-bit
    elif data_coding <= 0xEF:
        alphabet = Alphabet.UCS2  # message waiting indication, store, UCS2
    else:
        alphabet = Alphabet.BINARY if data_coding & 0x04 else Alphabet.GSM7  # 0xF0-0xFF, class in bits 1-0
    if alphabet in (Alphabet.BINARY, Alphabet.COMPRESSED):
        raise UnknownDataCoding(data_coding, alphabet)
    return alphabet


def decode_gsm7(data: bytes) -> str:
    """GSM 03.38 default alphabet, one septet per octet (SMPP carries it unpacked), with the 0x1B
    escape to the extension table (€ [ ] { } ~ \\ | ^ and form feed)."""
    out: list[str] = []
    escaped = False
    for octet in data:
        if octet > 0x7F:
            raise Undecodable(f"octet 0x{octet:02x} is not a GSM 7-bit septet")
        if escaped:
            # An escape followed by a septet without an extension character shows the basic character
            # (3GPP TS 23.038 §6.2.1.1).
            out.append(GSM_EXTENDED_DECODE_MAP.get(octet) or GSM_BASIC_DECODE_MAP.get(octet, "?"))
            escaped = False
        elif octet == 0x1B:
            escaped = True
        else:
            out.append(GSM_BASIC_DECODE_MAP[octet])
    if escaped:
        out.append(" ")  # a lone escape at the end reads as a space
    return "".join(out)


def decode(data_coding: int, data: bytes, *, default: Alphabet = Alphabet.GSM7) -> str:
    """Text of a message body (UDH already removed). Raises UnknownDataCoding or Undecodable."""
    alphabet = alphabet_for(data_coding)
    if alphabet == Alphabet.SMSC_DEFAULT:
        alphabet = default
    try:
        if alphabet == Alphabet.GSM7:
            return decode_gsm7(data)
        if alphabet == Alphabet.UCS2:
            if len(data) % 2:
                raise Undecodable("UCS2 body has an odd number of octets")
            # Phones send UTF-16 (surrogate pairs for emoji) under the UCS2 label.
            return data.decode("utf-16-be")
        return data.decode(alphabet.value)
    except UnicodeDecodeError as exc:
        raise Undecodable(str(exc)) from exc


def coding_name(data_coding: int) -> str:
    try:
        return alphabet_for(data_coding).value
    except UnknownDataCoding:
        return f"unknown-0x{data_coding:02x}"
