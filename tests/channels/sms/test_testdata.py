"""deliver_sm PDUs in channels/sms/testdata/ (the shapes SMS centres send) read byte for byte."""

import json
from pathlib import Path

import pytest

from channels.sms import codings, concat, pdu
from channels.sms.payloads import ConcatInfo
from channels.sms.service import parse_receipt

CASES = json.loads((Path(__file__).parents[3] / "channels/sms/testdata/deliver_sm.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_deliver_sm_sample(case):
    sm = pdu.parse_short_message(bytes.fromhex(case["pdu"]))
    if "receipt" in case:
        assert sm.is_receipt
        receipt = parse_receipt(sm)
        assert [receipt.message_id, receipt.state] == case["receipt"]
        return
    ud = concat.user_data(sm)
    assert codings.decode(sm.data_coding, ud.body) == case["text"]
    assert ud.concat == (ConcatInfo(*case["concat"]) if case["concat"] else None)
