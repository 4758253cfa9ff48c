"""SMS text → decision (pure)."""

from datetime import datetime, timezone

import pytest

from channels.sms import normalize
from channels.sms.payloads import InboundSms
from core.model import Relation
from core.tracking import new_tracking_code
from tests.channels.sms.helpers import CODE_A, CODE_B, SENDER

FA = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
AR = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
TC = new_tracking_code()
BAD = CODE_A[:-1] + str((int(CODE_A[-1]) + 1) % 10)


def decide(text: str):
    return normalize.decide(InboundSms(key="sms:1", sender=SENDER, text=text, received_at=datetime.now(timezone.utc)))


REGISTER = [
    ("code-then-text", f"کد ملی {CODE_A} آب قطع است", CODE_A, None, None, "آب قطع است"),
    ("persian-digits", f"کدملی: {CODE_A.translate(FA)} آب قطع است", CODE_A, None, None, "آب قطع است"),
    ("arabic-indic-digits", f"{CODE_A.translate(AR)} آب قطع است", CODE_A, None, None, "آب قطع است"),
    ("grouped-with-dashes", f"{CODE_A[:3]}-{CODE_A[3:9]}-{CODE_A[9]} برق نداریم", CODE_A, None, None, "برق نداریم"),
    ("son-subject", f"کد ملی من {CODE_A} پسرم {CODE_B} بیمه ندارد", CODE_A, CODE_B, Relation.CHILD, "پسرم بیمه ندارد"),
    ("kinship-first", f"همسرم {CODE_B} را از کار اخراج کردند، من {CODE_A}", CODE_A, CODE_B, Relation.SPOUSE, None),
    ("mother-subject", f"{CODE_A} مادرم {CODE_B} مستمری نگرفته", CODE_A, CODE_B, Relation.MOTHER, None),
    ("two-codes-no-kinship", f"{CODE_A} {CODE_B} آب قطع است", CODE_A, None, None, None),
    ("kinship-word-before-the-writers-code", f"یارانه پسرم قطع شده کد ملی من {CODE_A} کد ملی پسرم {CODE_B}",
     CODE_A, CODE_B, Relation.CHILD, None),
    ("labelled-subject-first", f"کد ملی پسرم {CODE_B} و کد ملی خودم {CODE_A.translate(FA)} یارانه اش قطع شده",
     CODE_A, CODE_B, Relation.CHILD, None),
    ("labelled-both-after-the-matter", f"بیمه همسرم تمدید نشده کد ملی همسرم {CODE_B} کد ملی اینجانب {CODE_A}",
     CODE_A, CODE_B, Relation.SPOUSE, None),
    ("labelled-across-sentences", f"کد ملی پدرم {CODE_B} مستمری پدرم قطع شده. کد ملی من {CODE_A}",
     CODE_A, CODE_B, Relation.FATHER, None),
    ("code-only", CODE_A, CODE_A, None, None, ""),
    ("old-code-without-leading-zeros", f"کد ملی {CODE_A.lstrip('0')} آب قطع است", CODE_A, None, None, "آب قطع است"),
]


@pytest.mark.parametrize("text,caller,subject,relation,matter", [c[1:] for c in REGISTER], ids=[c[0] for c in REGISTER])
def test_register(text, caller, subject, relation, matter):
    decision = decide(text)
    assert isinstance(decision, normalize.Register)
    sub = decision.submission
    assert sub.caller.national_code == caller and sub.caller.phone == "+" + SENDER
    assert (sub.subject.national_code if sub.subject else None) == subject
    assert (sub.subject.relation if sub.subject else None) == relation
    if matter is not None:
        assert decision.matter == matter
    assert CODE_A not in decision.matter and sub.external_id == "sms:1"


OTHER = [
    ("follow-up-word-and-code", f"پیگیری {TC}", normalize.FollowUp(TC, None)),
    ("follow-up-bare-code", TC, normalize.FollowUp(TC, None)),
    ("follow-up-persian-digits", TC.translate(FA), normalize.FollowUp(TC, None)),
    ("follow-up-with-national-code", f"پیگیری {TC} کد ملی {CODE_A}", normalize.FollowUp(TC, CODE_A)),
    ("follow-up-bad-tracking-code", "پیگیری 123456789012" if not __import__("core.tracking").tracking.is_tracking_code("123456789012") else "پیگیری 123456789013", normalize.FollowUp(None, None)),
    ("no-code", "آب محله قطع است", normalize.MissingCode("آب محله قطع است")),
    ("phone-number-is-not-a-code", "با شماره 09121234567 تماس بگیرید", normalize.MissingCode("با شماره 09121234567 تماس بگیرید")),
    ("invalid-check-digit", f"کد ملی {BAD} آب قطع است", normalize.InvalidCode(f"کد ملی {BAD} آب قطع است")),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in OTHER], ids=[c[0] for c in OTHER])
def test_other_decisions(text, expected):
    assert decide(text) == expected


def test_without_codes_cleans_a_held_invalid_code():
    assert normalize.without_codes(f"کد ملی {BAD} آب قطع است") == "آب قطع است"
