"""What Dargah answers by SMS, and how an answer becomes submit_sm parts.

Digits: tracking codes and numbers are written in ASCII digits. Every handset renders 0-9 (older phones
without full Persian fonts show boxes for ۰-۹, and some show the Arabic-Indic forms, where ۴ ۵ ۶ differ from
Persian), a citizen can type them straight back on any keypad, and Dargah folds every digit script on input
anyway. In an RTL Persian sentence a run of ASCII digits is laid out left-to-right by the phone, as it should.
"""

from __future__ import annotations

from core.model import Case, CaseView

MAX_SINGLE_UCS2 = 70  # UTF-16 code units in one UCS2 SMS (140 octets)
PART_UCS2 = 67  # per part when a 6-octet concatenation UDH takes its room (3GPP TS 23.040 §9.2.3.24.1)
UCS2 = 0x08
TAG_MESSAGE_PAYLOAD = 0x0424


def registered(tracking_code: str) -> str:
    return f"درخواست شما ثبت شد.\nکد پیگیری: {tracking_code}\nپیگیری: همین کد را بفرستید"


def duplicate(tracking_code: str) -> str:
    return f"این موضوع قبلاً با کد پیگیری {tracking_code} ثبت شده و در حال رسیدگی است."


def ask_national_code() -> str:
    return "پیام شما رسید. برای ثبت درخواست، کد ملی 10 رقمی خود را بفرستید."


def invalid_national_code() -> str:
    return "کد ملی درست نیست. لطفاً کد ملی 10 رقمی را بررسی کنید و دوباره بفرستید."


def ask_text() -> str:
    return "کد ملی شما رسید. لطفاً متن درخواست خود را همراه کد ملی بفرستید."


def undecodable() -> str:
    return "پیام شما رسید ولی خوانده نشد؛ کارشناسان آن را بررسی می‌کنند."


def follow_up_not_found() -> str:
    return "پرونده‌ای با این مشخصات پیدا نشد. لطفاً کد پیگیری را همراه کد ملی بفرستید."


def follow_up_bad_code() -> str:
    return "کد پیگیری درست نیست. کد پیگیری 12 رقمی را دوباره بررسی کنید."


def follow_up(view: CaseView) -> str:
    text = f"وضعیت درخواست {view.tracking_code}: {view.status_fa}\nدستگاه مسئول: {view.agency_name_fa}"
    if view.answer:
        text += f"\nپاسخ: {view.answer}"
    return text


def case_answered(case: Case) -> str:
    return f"به درخواست {case.tracking_code} پاسخ داده شد:\n{case.answer or ''}"


def tracking_code_issued(tracking_code: str, duplicate_: bool) -> str:
    return duplicate(tracking_code) if duplicate_ else registered(tracking_code)


def ucs2_parts(text: str, reference: int, *, use_payload: bool = False) -> list[tuple[int, bytes, tuple]]:
    """(esm_class, short_message, tlvs) for each submit_sm carrying `text` in UCS2.

    Up to 70 code units: one SMS. Longer: parts of 67 code units, each with the 8-bit concatenation UDH
    [05 00 03 ref total seq] and esm_class UDHI (0x40); a surrogate pair is never cut. With use_payload the
    whole text goes in one message_payload TLV and the SMSC splits it."""
    data = text.encode("utf-16-be")
    if use_payload:
        return [(0, b"", ((TAG_MESSAGE_PAYLOAD, data),))]
    if len(data) <= MAX_SINGLE_UCS2 * 2:
        return [(0, data, ())]
    chunks: list[bytes] = []
    i = 0
    while i < len(data):
        end = min(i + PART_UCS2 * 2, len(data))
        if end < len(data) and 0xD8 <= data[end - 2] <= 0xDB:  # high surrogate last: keep the pair together
            end -= 2
        chunks.append(data[i:end])
        i = end
    if len(chunks) > 255:
        raise ValueError("text too long for one concatenated SMS")
    ref = reference & 0xFF
    return [(0x40, bytes([5, 0, 3, ref, len(chunks), n + 1]) + chunk, ()) for n, chunk in enumerate(chunks)]
