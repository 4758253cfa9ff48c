"""From text to case, as a citizen's SMS conversation with the line (real database, node-smpp SMSC)."""

from __future__ import annotations

from datetime import timedelta

from core.model import CaseStatus, Relation, ReviewKind
from tests.channels.sms.conftest import make_db_harness, wait_until
from tests.channels.sms.helpers import CODE_A, CODE_B, SENDER, SENDER_2, replies_to, ucs2

MATTER = "لوله آب کوچه ما ترکیده و آب هدر می‌رود"


def send(smsc, text: str, sender: str = SENDER) -> None:
    assert smsc.deliver(source_addr=sender, destination_addr="1111", data_coding=8,
                        short_message_hex=ucs2(text))["command_status"] == 0


def replies(smsc, n: int, sender: str = SENDER) -> list[str]:
    return wait_until(lambda: (r := replies_to(smsc.submits(), sender)) and len(r) >= n and r)


def test_missing_code_is_asked_for_and_the_next_sms_completes_it(db_harness, smsc):
    send(smsc, MATTER)
    assert "کد ملی" in replies(smsc, 1)[0]
    [held] = db_harness.intake.review_items(kind=ReviewKind.AWAITING_NATIONAL_CODE)
    assert held.caller_phone == "+" + SENDER and not db_harness.cases()
    send(smsc, f"کد ملی: {CODE_A}")
    second = replies(smsc, 2)[1]
    [case] = db_harness.cases()
    assert case.identity == CODE_A and "ترکیده" in case.text and case.tracking_code in second
    assert not db_harness.intake.review_items(kind=ReviewKind.AWAITING_NATIONAL_CODE)


def test_code_after_the_hold_window_does_not_complete_an_old_text(db_harness, smsc):
    send(smsc, MATTER)
    replies(smsc, 1)
    db_harness.clock.offset = timedelta(hours=25)
    send(smsc, CODE_A)
    assert "متن درخواست" in replies(smsc, 2)[1]
    assert not db_harness.cases()


def test_invalid_code_gets_a_reply_saying_so_then_a_valid_one_registers(db_harness, smsc):
    bad = CODE_A[:-1] + str((int(CODE_A[-1]) + 1) % 10)
    send(smsc, f"کد ملی {bad} {MATTER}")
    assert "درست نیست" in replies(smsc, 1)[0]
    assert db_harness.intake.review_items(kind=ReviewKind.INVALID_NATIONAL_CODE)
    send(smsc, CODE_A)
    [case] = wait_until(db_harness.cases)
    assert case.identity == CODE_A and case.tracking_code in replies(smsc, 2)[1]


def test_same_matter_again_gets_the_existing_code(services, smsc, tmp_path):
    h = make_db_harness(services, smsc.port, tmp_path, retransmit_window=timedelta(0)).start()
    try:
        h.wait_bound()
        send(smsc, f"کد ملی {CODE_A} {MATTER}")
        replies(smsc, 1)
        send(smsc, f"کد ملی {CODE_A} {MATTER}")
        first, second = replies(smsc, 2)
        [case] = h.cases()
        assert case.tracking_code in first and case.tracking_code in second and "قبلاً" in second
    finally:
        h.stop()


def test_kinship_word_and_second_code_make_the_subject(db_harness, smsc):
    send(smsc, f"کد ملی من {CODE_A} است. پسرم با کد ملی {CODE_B} بیمه ندارد")
    [case] = wait_until(db_harness.cases)
    assert case.identity == CODE_B and case.caller_national_code == CODE_A and case.relation == Relation.CHILD


def test_follow_up_from_the_registering_phone_and_answer_notice(db_harness, smsc):
    send(smsc, f"کد ملی {CODE_A} {MATTER}")
    replies(smsc, 1)
    [case] = db_harness.cases()
    db_harness.intake.answer(case.tracking_code, "تعمیر لوله فردا انجام می‌شود.", "agency:water")
    notice = replies(smsc, 2)[1]  # the SMS notifier, through the job queue
    assert case.tracking_code in notice and "فردا" in notice
    send(smsc, f"پیگیری {case.tracking_code}")
    status = replies(smsc, 3)[2]
    assert "پاسخ داده شده" in status and "فردا" in status
    send(smsc, case.tracking_code.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")))  # the code alone
    assert "پاسخ داده شده" in replies(smsc, 4)[3]


def test_follow_up_from_another_phone_needs_the_national_code(db_harness, smsc):
    send(smsc, f"کد ملی {CODE_A} {MATTER}")
    replies(smsc, 1)
    [case] = db_harness.cases()
    send(smsc, f"پیگیری {case.tracking_code}", sender=SENDER_2)
    assert "پیدا نشد" in replies(smsc, 1, SENDER_2)[0]
    mistyped = CODE_A[:-1] + str((int(CODE_A[-1]) + 1) % 10)
    send(smsc, f"پیگیری {case.tracking_code} کد ملی {mistyped}", sender=SENDER_2)
    assert "کد ملی درست نیست" in replies(smsc, 2, SENDER_2)[1]  # the typo is named, not «not found»
    send(smsc, f"پیگیری {case.tracking_code} کد ملی {CODE_A}", sender=SENDER_2)
    assert "ارجاع" in replies(smsc, 3, SENDER_2)[2] or "ثبت" in replies(smsc, 3, SENDER_2)[2]
    assert case.status in (CaseStatus.ROUTED, CaseStatus.REGISTERED)


def test_tracking_code_issued_notice_goes_out_by_sms(db_harness, smsc):
    db_harness.intake.notifier.tracking_code_issued("+" + SENDER_2, "123456789012", False)
    [text] = replies(smsc, 1, SENDER_2)
    assert "123456789012" in text
