from tests.channels.sms.helpers import CODE_A, SENDER, replies_to, ucs2


def test_ucs2_message_registers_a_case_and_replies_with_its_code(harness, smsc):
    resp = smsc.deliver(source_addr=SENDER, destination_addr="1111", data_coding=8,
                        short_message_hex=ucs2(f"کد ملی {CODE_A} آب محله ما سه روز است قطع است"))
    assert resp["command_status"] == 0
    submits = smsc.wait_submits(1)
    [text] = replies_to(submits)
    [case] = harness.cases()
    assert case.tracking_code in text and "ثبت شد" in text
    assert case.caller_phone == "+" + SENDER and case.identity == CODE_A
