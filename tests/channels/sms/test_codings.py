"""data_coding → text, as a table (SMPP 3.4 §5.2.19, GSM 03.38 §4)."""

import pytest

from channels.sms import codings
from channels.sms.codings import Alphabet

PERSIAN = "سلام، آب قطع است"

DECODE_CASES = [
    # (id, data_coding, body, expected text)
    ("smsc-default-gsm7", 0x00, b"Hello \x00 100 \x40", "Hello @ 100 ¡"),
    ("gsm7-extension-table", 0x00, bytes([0x1B, 0x65, 0x20, 0x1B, 0x3C, 0x1B, 0x3E, 0x1B, 0x28, 0x1B, 0x29]), "€ []{}"),
    ("gsm7-basic-greek-and-accents", 0x00, bytes([0x10, 0x04, 0x7F, 0x1F]), "ΔèàÉ"),
    ("gsm7-escape-without-extension-reads-basic", 0x00, bytes([0x1B, 0x41]), "A"),
    ("ia5-ascii", 0x01, b"Ab 12", "Ab 12"),
    ("latin1", 0x03, "café".encode("latin-1"), "café"),
    ("ucs2-persian", 0x08, PERSIAN.encode("utf-16-be"), PERSIAN),
    ("ucs2-emoji-surrogate-pair", 0x08, "آب 💧".encode("utf-16-be"), "آب 💧"),
    ("cyrillic", 0x06, "привет".encode("iso8859_5"), "привет"),
    ("class-0x10-gsm7", 0x10, b"Hi", "Hi"),
    ("class-0x11-gsm7", 0x11, b"Hi", "Hi"),
    ("class-0x18-ucs2", 0x18, PERSIAN.encode("utf-16-be"), PERSIAN),
    ("class-0x19-ucs2", 0x19, PERSIAN.encode("utf-16-be"), PERSIAN),
    ("auto-delete-0x48-ucs2", 0x48, PERSIAN.encode("utf-16-be"), PERSIAN),
    ("mwi-store-0xe0-ucs2", 0xE0, PERSIAN.encode("utf-16-be"), PERSIAN),
    ("mwi-discard-0xc0-gsm7", 0xC0, b"Hi", "Hi"),
    ("class-0xf0-gsm7", 0xF0, b"Hi", "Hi"),
    ("class-0xf1-gsm7", 0xF1, b"Hi", "Hi"),
]


@pytest.mark.parametrize("data_coding,body,expected", [c[1:] for c in DECODE_CASES], ids=[c[0] for c in DECODE_CASES])
def test_decode(data_coding, body, expected):
    assert codings.decode(data_coding, body) == expected


UNKNOWN = [
    ("8bit-binary-0x02", 0x02), ("8bit-binary-0x04", 0x04), ("reserved-0x0b", 0x0B), ("compressed-0x28", 0x28),
    ("binary-class-0x14", 0x14), ("reserved-alphabet-0x1c", 0x1C), ("reserved-group-0x80", 0x80),
    ("binary-0xf4", 0xF4), ("binary-0xf5", 0xF5),
]


@pytest.mark.parametrize("data_coding", [c[1] for c in UNKNOWN], ids=[c[0] for c in UNKNOWN])
def test_unknown_data_coding_is_a_named_error(data_coding):
    with pytest.raises(codings.UnknownDataCoding):
        codings.decode(data_coding, b"\x01\x02")


BAD_BYTES = [("ucs2-odd-length", 0x08, b"\x06\x33\x06"), ("gsm7-high-octet", 0x00, b"\x80A")]


@pytest.mark.parametrize("data_coding,body", [c[1:] for c in BAD_BYTES], ids=[c[0] for c in BAD_BYTES])
def test_bytes_invalid_for_their_alphabet(data_coding, body):
    with pytest.raises(codings.Undecodable):
        codings.decode(data_coding, body)


def test_smsc_default_can_be_configured_as_latin1():
    assert codings.decode(0x00, "é".encode("latin-1"), default=Alphabet.LATIN1) == "é"
