"""The SMPP link: drops, SMSC down at start, SMSC restart, wrong password, pair binds, stop never hangs."""

from __future__ import annotations

import pytest

import logging
import time

from channels.sms.esme import BindMode
from tests.channels.sms.conftest import Smsc, free_port, wait_until
from tests.channels.sms.helpers import CODE_A, SENDER, replies_to, ucs2

TEXT = f"کد ملی {CODE_A} چراغ‌های خیابان خاموش است"


def deliver(smsc, text=TEXT):
    return smsc.deliver(source_addr=SENDER, data_coding=8, short_message_hex=ucs2(text))


def test_tcp_drop_then_rebind(harness, smsc):
    smsc.ctl("drop")
    wait_until(lambda: harness.runner.esme.binds >= 2 and smsc.ctl("state")["bound"])
    assert deliver(smsc)["command_status"] == 0
    wait_until(harness.cases)
    assert replies_to(smsc.wait_submits(1))


def test_smsc_down_at_start(make_harness, node_modules):
    port = free_port()
    h = make_harness(port)
    wait_until(lambda: h.runner.esme.last_error is not None)  # tried and failed: nothing listening
    assert not h.runner.esme.bound.is_set()
    smsc = Smsc(port).start()
    try:
        h.wait_bound()
        assert deliver(smsc)["command_status"] == 0
        wait_until(h.cases)
    finally:
        smsc.stop()


def test_smsc_restart(make_harness, node_modules):
    smsc = Smsc().start()
    h = make_harness(smsc.port)
    h.wait_bound()
    smsc.stop()
    wait_until(lambda: not h.runner.esme.bound.is_set())
    smsc = Smsc(smsc.port).start()
    try:
        h.wait_bound()
        assert deliver(smsc)["command_status"] == 0
        wait_until(h.cases)
    finally:
        smsc.stop()


def test_wrong_password_is_logged_clearly_without_the_password(make_harness, smsc, caplog):
    caplog.set_level(logging.DEBUG)
    h = make_harness(smsc.port, password="wr0ngPw")
    wait_until(lambda: smsc.ctl("state")["bind_failures"] >= 2)
    assert not h.runner.esme.bound.is_set()
    refusals = [r.getMessage() for r in caplog.records if "bind refused" in r.getMessage()]
    assert refusals and "ESME_RINVPASWD" in refusals[0] and "dargah" in refusals[0]
    assert not any("wr0ngPw" in r.getMessage() for r in caplog.records)
    assert "wr0ngPw" not in repr(h.bind)


def test_receiver_and_transmitter_pair(make_harness, smsc):
    h = make_harness(smsc.port, mode=BindMode.PAIR)
    h.wait_bound()
    assert sorted(smsc.ctl("state")["bound"]) == ["receiver", "transmitter"]
    assert deliver(smsc)["command_status"] == 0
    [case] = wait_until(h.cases)
    [reply] = replies_to(smsc.wait_submits(1))
    assert case.tracking_code in reply


def test_stop_returns_while_the_smsc_is_unreachable(make_harness):
    h = make_harness(free_port())
    time.sleep(0.2)  # let it fail to connect at least once
    h.stop()  # bounded; the fixture's second stop is harmless
    assert not h.thread.is_alive()


def test_silent_smsc_is_detected_by_enquire_link_and_rebound(make_harness, smsc):
    h = make_harness(smsc.port, enquire_link_interval=0.2, response_timeout=0.5)
    h.wait_bound()
    smsc.ctl("set", ignore_enquire_link=True)
    wait_until(lambda: smsc.ctl("state")["binds"] >= 2)  # unanswered enquire_link ⇒ link closed ⇒ rebind
    smsc.ctl("set", ignore_enquire_link=False)
    h.wait_bound()
    assert smsc.ctl("state")["enquire_links"] >= 1


def test_tls_bind(make_harness, node_modules, tmp_path):
    import shutil
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl not installed")
    key, cert = tmp_path / "smsc.key", tmp_path / "smsc.crt"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    smsc = Smsc(tls=(str(key), str(cert))).start()
    try:
        h = make_harness(smsc.port, tls=True, tls_ca=str(cert))
        h.wait_bound()
        assert deliver(smsc)["command_status"] == 0
        wait_until(h.cases)
    finally:
        smsc.stop()
