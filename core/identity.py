"""Identity: Iranian national codes (کد ملی) and phone numbers, from any digit script.

A national code is 10 digits; the last is a check digit: s = Σ d[i]·(10−i) for i in 0..8, mod 11;
check = s when s < 2, else 11 − s. Codes with 8 or 9 digits are older codes written without their
leading zeros, so they are left-padded. Codes of one repeated digit pass the checksum but are not issued.
"""

from __future__ import annotations

import re

from core.errors import InvalidNationalCode, InvalidPhone, MissingNationalCode
from core.text import fold_digits

_SEPARATORS = re.compile(r"[\s\-‐-―_.,/،]+")


def national_code_checksum_ok(code: str) -> bool:
    if len(code) != 10 or not code.isascii() or not code.isdigit():
        return False
    if len(set(code)) == 1:
        return False
    total = sum(int(code[i]) * (10 - i) for i in range(9)) % 11
    check = int(code[9])
    return check == total if total < 2 else check == 11 - total


def parse_national_code(raw: str | None, *, field: str = "national_code") -> str:
    """Return the canonical 10-digit ASCII code, or raise a bilingual error saying what is wrong."""
    if raw is None or not str(raw).strip():
        raise MissingNationalCode("کد ملی الزامی است.", "The national code is required.", field=field)
    digits = _SEPARATORS.sub("", fold_digits(str(raw).strip()))
    if not digits.isascii() or not digits.isdigit():
        raise InvalidNationalCode(
            "کد ملی فقط باید رقم باشد.", "The national code must contain digits only.", field=field
        )
    if len(digits) in (8, 9):
        digits = digits.zfill(10)
    if len(digits) != 10:
        raise InvalidNationalCode(
            "کد ملی باید ۱۰ رقم باشد.", "The national code must have 10 digits.", field=field
        )
    if not national_code_checksum_ok(digits):
        raise InvalidNationalCode(
            "کد ملی نامعتبر است؛ لطفاً دوباره بررسی کنید.",
            "The national code is not valid (check digit mismatch).",
            field=field,
        )
    return digits


def is_valid_national_code(raw: str | None) -> bool:
    try:
        parse_national_code(raw)
    except (InvalidNationalCode, MissingNationalCode):
        return False
    return True


def national_code_check_digit(first_nine: str) -> int:
    """The check digit that completes nine digits (for generating test data)."""
    total = sum(int(first_nine[i]) * (10 - i) for i in range(9)) % 11
    return total if total < 2 else 11 - total


# National codes written inside free text: 10 digits, possibly grouped with spaces or dashes
# (e.g. «۰۰۱-۲۳۴۵۶۷-۸») or with dots or slashes in the card's 3-6-1 groups or in 3-3-4 («۷۳۰.۱۳۹.۳۸۷۸»; a date
# is 4-2-2 and an amount's groups are all of three), not glued to longer digit runs (phones, tracking codes).
# Read from every group's start (a lookahead, so readings overlap): after another number and a space the code
# is the later groups («شماره مستمری ۱۲۴۵۶۸۷ ۸۴۲-۴۱۴۰۳۶-۲»), which a reading from the first digit would miss.
_CODE_IN_TEXT = re.compile(
    r"(?<![\d])(?=((?<![./])\d{3}[./](?:\d{6}[./]\d|\d{3}[./]\d{4})(?![./\d])|\d(?:[ \-]?\d){7,9})(?![\d]))")


# A number followed by a unit of money is an amount («۱۵۰۰۰۰۰۰۰۰ ریال»), whatever its check digit says.
_CURRENCY_AFTER = re.compile(r"\s*(?:ریال|تومان|تومن|هزار|میلیون|میلیارد|rial|toman|tomen)", re.IGNORECASE)


def is_amount(text: str, end: int) -> bool:
    """Whether the number that ends at `end` in `text` is followed by a unit of money."""
    return _CURRENCY_AFTER.match(text, end) is not None


# Eight digits at least, perhaps grouped (any digit script: \d is Unicode): a text without them names no code.
_LONG_NUMBER = re.compile(r"\d(?:[ ./\-]?\d){7}")


def find_national_codes(text: str) -> list[str]:
    """Every valid national code written in the text, in order, without repeats (not amounts of money)."""
    found: list[str] = []
    if not _LONG_NUMBER.search(text):
        return found
    text = fold_digits(text)
    for match in _CODE_IN_TEXT.finditer(text):
        candidate = re.sub(r"[ ./\-]", "", match.group(1))
        if (len(candidate) == 10 and national_code_checksum_ok(candidate) and candidate not in found
                and not is_amount(text, match.end(1))):
            found.append(candidate)
    return found


# --- Phones -------------------------------------------------------------------------------------

_PHONE_JUNK = re.compile(r"[\s\-().‐-―]+")


def parse_phone(raw: str | None, *, field: str = "phone") -> str | None:
    """Canonical E.164 form (+98…) of an Iranian mobile or landline; None when absent.

    Accepts +98, 0098, 98 and 0 prefixes, or none (9xxxxxxxxx), in any digit script.
    Mobiles: +989 followed by 9 digits. Landlines: area code (2 digits after 0, not 9) + 8 digits.
    """
    if raw is None or not str(raw).strip():
        return None
    digits = _PHONE_JUNK.sub("", fold_digits(str(raw).strip()))
    if digits.startswith("+"):
        digits = digits[1:]
        if not digits.startswith("98"):
            return _foreign(digits, field)
    elif digits.startswith("00"):
        digits = digits[2:]
        if not digits.startswith("98"):
            return _foreign(digits, field)
    if not digits.isascii() or not digits.isdigit():
        raise InvalidPhone("شماره تلفن نامعتبر است.", "The phone number is not valid.", field=field)
    if digits.startswith("98") and len(digits) == 12:
        national = digits[2:]
    elif digits.startswith("0") and len(digits) == 11:
        national = digits[1:]
    elif len(digits) == 10 and not digits.startswith("0"):
        national = digits
    else:
        raise InvalidPhone("شماره تلفن نامعتبر است.", "The phone number is not valid.", field=field)
    if national[0] == "0":
        raise InvalidPhone("شماره تلفن نامعتبر است.", "The phone number is not valid.", field=field)
    return "+98" + national


def _foreign(digits: str, field: str) -> str:
    # International numbers are kept as E.164 when plausible (ITU-T E.164: at most 15 digits).
    if digits.isascii() and digits.isdigit() and 8 <= len(digits) <= 15:
        return "+" + digits
    raise InvalidPhone("شماره تلفن نامعتبر است.", "The phone number is not valid.", field=field)


def is_mobile(phone: str | None) -> bool:
    """True for a canonical Iranian mobile number (SMS can reach it)."""
    return bool(phone) and phone.startswith("+989") and len(phone) == 13


def mask(value: str | None) -> str:
    """A national code, phone or tracking code safe for logs: only the last two digits are kept."""
    if not value:
        return "-"
    return "*" * max(len(value) - 2, 0) + value[-2:]
