"""Test data builders for SMS tests."""

from __future__ import annotations

from core.identity import national_code_check_digit

SENDER = "989121234567"
SENDER_2 = "989351112233"


def national_code(first_nine: str) -> str:
    return first_nine + str(national_code_check_digit(first_nine))


CODE_A = national_code("001234567")
CODE_B = national_code("123456789")
CODE_C = national_code("453217896")


def ucs2(text: str) -> str:
    return text.encode("utf-16-be").hex()


def reply_text(submit: dict) -> str:
    """The text of one submit_sm the SMSC received (UDH stripped), UCS2."""
    data = bytes.fromhex(submit["short_message_hex"] or "")
    if submit.get("message_payload_hex"):
        data = bytes.fromhex(submit["message_payload_hex"])
    if submit["esm_class"] & 0x40:
        data = data[data[0] + 1:]
    assert submit["data_coding"] == 8
    return data.decode("utf-16-be")


def replies_to(submits: list[dict], destination: str = SENDER) -> list[str]:
    """Whole reply texts to one destination, joining UDH parts in order."""
    texts, groups = [], {}
    for s in submits:
        if s.get("dropped") or s.get("command_status", 0) != 0 or s["destination_addr"] != destination:
            continue
        data = bytes.fromhex(s["short_message_hex"] or "")
        if s["esm_class"] & 0x40:
            ref, total, seq = data[3], data[4], data[5]
            groups.setdefault(ref, {})[seq] = s
            if len(groups[ref]) == total:
                texts.append("".join(reply_text(groups[ref][i]) for i in range(1, total + 1)))
        else:
            texts.append(reply_text(s))
    return texts
