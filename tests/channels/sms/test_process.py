"""`dargah sms` as a process (settings from the environment) against the node SMSC, and SmsSettings."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gateway.sms import SmsSettings
from tests.channels.sms.conftest import PASSWORD, SYSTEM_ID, wait_until
from tests.channels.sms.helpers import CODE_A, SENDER, replies_to, ucs2

ROOT = Path(__file__).parents[3]


def test_dargah_sms_process_end_to_end(smsc, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DARGAH_DATA_DIR": str(tmp_path),
           "DARGAH_DATABASE_URL": f"sqlite:///{tmp_path}/dargah.db", "DARGAH_SMPP_HOST": "127.0.0.1",
           "DARGAH_SMPP_PORT": str(smsc.port), "DARGAH_SMPP_SYSTEM_ID": SYSTEM_ID, "DARGAH_SMPP_PASSWORD": PASSWORD,
           "DARGAH_SMPP_SHORT_CODE": "1111", "DARGAH_SMPP_SYSTEM_TYPE": "dargah", "DARGAH_LOG_LEVEL": "INFO"}
    env.pop("DARGAH_REDIS_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "gateway.cli", "sms"], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_until(lambda: smsc.ctl("state")["bound"] == ["transceiver"], timeout=30)
        assert smsc.ctl("state")["last_bind"]["system_type"] == "dargah"
        smsc.deliver(source_addr=SENDER, data_coding=8, short_message_hex=ucs2(f"کد ملی {CODE_A} آب قطع است"))
        [reply] = replies_to(smsc.wait_submits(1))
        assert "کد پیگیری" in reply
        submit = smsc.submits()[0]
        assert submit["source_addr"] == "1111" and submit["source_addr_ton"] == 3
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert PASSWORD not in err and SENDER not in err and CODE_A not in err
    assert (tmp_path / "sms.health").exists()


def test_settings_from_env():
    s = SmsSettings.from_env({"DARGAH_SMPP_HOST": "smsc.example", "DARGAH_SMPP_PORT": "3775",
                              "DARGAH_SMPP_SYSTEM_ID": "sid", "DARGAH_SMPP_PASSWORD": "pw",
                              "DARGAH_SMPP_BIND_MODE": "pair", "DARGAH_SMPP_TLS": "1", "DARGAH_SMPP_MT_RATE": "80",
                              "DARGAH_SMPP_BIND_TON": "0x01", "DARGAH_SMS_LONG_MESSAGES": "payload"})
    assert (s.host, s.port, s.bind_mode, s.tls, s.mt_rate, s.bind_ton) == ("smsc.example", 3775, "pair", True, 80.0, 1)
    assert s.channel_config().use_message_payload and s.bind_config().tls
    assert "pw" not in repr(s) and "pw" not in repr(s.bind_config())
    assert not SmsSettings.from_env({}).configured


@pytest.mark.parametrize("name,value", [("DARGAH_SMPP_BIND_MODE", "receiver"), ("DARGAH_SMPP_PORT", "x"),
                                        ("DARGAH_SMS_LONG_MESSAGES", "split")], ids=["mode", "port", "long"])
def test_bad_settings_are_refused_clearly(name, value):
    with pytest.raises(SystemExit, match=name):
        SmsSettings.from_env({name: value})


def test_a_second_dargah_sms_stands_by_and_takes_over(smsc, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DARGAH_DATA_DIR": str(tmp_path),
           "DARGAH_DATABASE_URL": f"sqlite:///{tmp_path}/dargah.db", "DARGAH_SMPP_HOST": "127.0.0.1",
           "DARGAH_SMPP_PORT": str(smsc.port), "DARGAH_SMPP_SYSTEM_ID": SYSTEM_ID, "DARGAH_SMPP_PASSWORD": PASSWORD,
           "DARGAH_SMPP_SHORT_CODE": "1111", "DARGAH_LOG_LEVEL": "INFO"}
    env.pop("DARGAH_REDIS_URL", None)

    def start(data_dir: Path) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "gateway.cli", "sms"], env={**env, "DARGAH_DATA_DIR": str(data_dir)},
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    active = start(tmp_path / "a")
    standby = None
    try:
        wait_until(lambda: smsc.ctl("state")["bound"] == ["transceiver"], timeout=30)
        standby = start(tmp_path / "b")
        wait_until(lambda: (tmp_path / "b" / "sms.health").exists(), timeout=30)
        assert (tmp_path / "b" / "sms.health").read_text() == "standby"
        assert smsc.ctl("state")["bound"] == ["transceiver"]  # one bind, one sender of replies
        active.kill()  # a crash: the lock goes with the process
        active.wait(timeout=10)
        wait_until(lambda: (tmp_path / "b" / "sms.health").read_text() == "bound", timeout=40)
        smsc.deliver(source_addr=SENDER, data_coding=8, short_message_hex=ucs2(f"کد ملی {CODE_A} آب قطع است"))
        [reply] = replies_to(smsc.wait_submits(1))
        assert "کد پیگیری" in reply
    finally:
        for proc in (active, standby):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                proc.communicate(timeout=20)
