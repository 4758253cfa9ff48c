import pytest

from core.errors import InvalidNationalCode, InvalidPhone, MissingNationalCode
from core.identity import find_national_codes, is_mobile, mask, parse_national_code, parse_phone
from tests.factories import arabic_digits, national_code, persian_digits

VALID = national_code(1)


@pytest.mark.parametrize(
    "raw, expected",
    [
        (VALID, VALID),
        (persian_digits(VALID), VALID),
        (arabic_digits(VALID), VALID),
        (f"{VALID[:3]}-{VALID[3:9]}-{VALID[9]}", VALID),
        (f" {VALID[:3]} {VALID[3:9]} {VALID[9]} ", VALID),
        ("12345679", "0012345679"),  # 8 digits: leading zeros dropped by a spreadsheet
        ("012345679", "0012345679"),
        ("۰۰۱۲۳۴۵۶۷۹", "0012345679"),
    ],
    ids=["ascii", "persian", "arabic-indic", "dashes", "spaces", "8-digits-padded", "9-digits-padded", "persian-zeros"],
)
def test_national_code_is_canonicalized(raw, expected):
    assert parse_national_code(raw) == expected


@pytest.mark.parametrize(
    "raw, error",
    [
        (None, MissingNationalCode),
        ("", MissingNationalCode),
        ("   ", MissingNationalCode),
        ("0012345678", InvalidNationalCode),  # wrong check digit
        ("1111111111", InvalidNationalCode),  # one repeated digit passes the checksum but is never issued
        ("0000000000", InvalidNationalCode),
        ("12345", InvalidNationalCode),
        ("00123456790", InvalidNationalCode),
        ("00123x5679", InvalidNationalCode),
    ],
    ids=["none", "empty", "blank", "checksum", "all-ones", "all-zeros", "short", "long", "letter"],
)
def test_bad_national_codes_are_refused_with_bilingual_messages(raw, error):
    with pytest.raises(error) as info:
        parse_national_code(raw)
    assert info.value.message_fa and info.value.message_en
    assert info.value.field == "national_code"


def test_find_national_codes_in_free_text():
    other = national_code(2)
    text = f"سلام کد ملی من {persian_digits(VALID)} است و فرزندم {other[:3]}-{other[3:]} تلفن 09121234567"
    assert find_national_codes(text) == [VALID, other]


def test_find_reads_the_cards_dotted_groups_but_not_decimals_or_dates():
    dotted = f"{VALID[:3]}.{VALID[3:9]}.{VALID[9]}"
    assert find_national_codes(f"کد ملی: {persian_digits(dotted)} لطفا پیگیری کنید") == [VALID]
    assert find_national_codes(f"مبلغ 1.{dotted}") == []
    # A full stop glued to a code, as on old phones, is not part of a dotted group.
    assert find_national_codes(f"یارانه ام قطع شده.{VALID}") == [VALID]
    # Slashes in the card's groups, and 3-3-4 groups with dots or slashes; not a date, not an amount's groups.
    assert find_national_codes(f"کد ملی {VALID[:3]}/{VALID[3:9]}/{VALID[9]} چاله") == [VALID]
    assert find_national_codes(f"ک.م {persian_digits(VALID[:3] + '.' + VALID[3:6] + '.' + VALID[6:])}") == [VALID]
    assert find_national_codes(f"ک.م {VALID[:3]}/{VALID[3:6]}/{VALID[6:]}") == [VALID]
    assert find_national_codes("تاریخ ۱۴۰۳/۰۵/۱۲ مبلغ 1.500.000.000") == []


def test_find_reads_a_code_written_after_another_number():
    """The groups after another number and a space («شماره مستمری ۱۲۴۵۶۸۷ ۸۴۲-…») are read on their own."""
    assert find_national_codes(f"شماره مستمری 1245687 {VALID[:3]}-{VALID[3:9]}-{VALID[9]}") == [VALID]
    assert find_national_codes("0912 345 6789 و 6037 6917 4280 3315") == []  # a phone's and a card's groups


def test_find_ignores_longer_digit_runs_and_bad_checksums():
    assert find_national_codes("کد پیگیری 209424725447 و 0012345678") == []


def test_an_amount_of_money_is_not_a_code_whatever_its_check_digit():
    assert find_national_codes("مبلغ ۱۵۰۰۰۰۰۰۰۰ ریال تایید شد") == []  # 1500000000 passes the check digit
    assert find_national_codes("1500000000 toman") == []
    assert find_national_codes(f"کد ملی {VALID} ریال بابت یارانه کم شده") == []  # glued to «ریال»: an amount
    assert find_national_codes(f"کد ملی {VALID} مبلغ ۲۰۰ هزار تومان") == [VALID]


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("09121234567", "+989121234567"),
        ("۰۹۱۲۱۲۳۴۵۶۷", "+989121234567"),
        ("+98 912 123 4567", "+989121234567"),
        ("00989121234567", "+989121234567"),
        ("989121234567", "+989121234567"),
        ("9121234567", "+989121234567"),
        ("021-88776655", "+982188776655"),
        ("(021) 8877 6655", "+982188776655"),
        ("+49 30 1234567", "+49301234567"),
    ],
    ids=["mobile-0", "mobile-persian", "plus98", "0098", "98", "bare", "landline", "landline-parens", "foreign"],
)
def test_phones_normalize_to_e164(raw, expected):
    assert parse_phone(raw) == expected


@pytest.mark.parametrize("raw", ["12", "091212345678", "abc", "0012"], ids=["short", "long", "letters", "junk"])
def test_bad_phones_are_refused(raw):
    with pytest.raises(InvalidPhone):
        parse_phone(raw)


def test_mobile_detection_and_masking():
    assert is_mobile("+989121234567") and not is_mobile("+982188776655")
    assert mask("0012345679") == "********79"
    assert mask(None) == "-"
