"""Wiring: settings, a call into the real database (SQLite and PostgreSQL), the operators' transcription
queue over HTTP, the call context for the hand-off, and the transcription job."""

from __future__ import annotations

import logging
from datetime import time
from pathlib import Path

import pytest

from channels.voice.asr import SidecarRecognizer
from channels.voice.calendar import WorkingCalendar
from gateway.voice import VoiceSettings, flow_deps, transcribe_recording
from tests.channels.voice.conftest import CODE, IN_HOURS, FixedClock, VoiceLine, spoken
from tests.channels.voice.emulator import Caller, Speech


def test_settings_from_env(tmp_path):
    s = VoiceSettings.from_env({})
    assert s.port == 4573 and s.vosk_model is None and s.queue == "dargah-operators"
    assert s.office_hours == (time(8), time(16)) and s.max_wait_s == 120
    s = VoiceSettings.from_env({
        "DARGAH_AGI_PORT": "4600", "DARGAH_VOSK_MODEL": "/models/fa", "DARGAH_VOICE_OFFICE_HOURS": "07:30-14:30",
        "DARGAH_VOICE_WORKDAYS": "sat,sun,mon,tue,wed,thu", "DARGAH_VOICE_MAX_WAIT": "60",
        "DARGAH_VOICE_RECORDINGS": str(tmp_path / "rec"), "DARGAH_VOICE_ASTERISK_RECORDINGS": "/var/spool/asterisk/dargah",
    })
    assert s.port == 4600 and s.vosk_model == "/models/fa" and s.office_hours == (time(7, 30), time(14, 30))
    assert 3 in s.workdays and s.max_wait_s == 60
    assert s.recordings_dir == tmp_path / "rec" and s.asterisk_recordings_dir == "/var/spool/asterisk/dargah"
    with pytest.raises(SystemExit):
        VoiceSettings.from_env({"DARGAH_VOICE_OFFICE_HOURS": "late"})


@pytest.fixture
def gateway_line(services, tmp_path, monkeypatch) -> VoiceLine:
    monkeypatch.setenv("DARGAH_VOICE_RECORDINGS", str(tmp_path / "rec"))
    monkeypatch.setenv("DARGAH_VOICE_FIXED_WAIT", "0")
    deps = flow_deps(services, VoiceSettings.from_env(), recognizer=SidecarRecognizer(), calendar=WorkingCalendar(),
                     clock=FixedClock(IN_HOURS))
    return VoiceLine(deps=deps, tmp=tmp_path)


def pending_call(**kw) -> Caller:
    """Nothing recognizable, nothing keyed: «identity pending», and a message (transcription pending)."""
    return Caller(keys=["1", "2", None, None, "1"],
                  speech=[Speech("الو"), Speech("الو"), Speech("آب خیابان ما قطع است.")], **kw)


def test_transcription_queue_over_http(gateway_line, client, api_key, services):
    headers = api_key("operator")
    gateway_line.play(pending_call())
    (item,) = client.get("/api/v1/voice/pending", headers=headers).json()
    assert item["identity_pending"] and item["transcription_pending"] and item["tracking_code"]
    audio = client.get(item["recordings"]["message"], headers=headers)
    assert audio.status_code == 200 and audio.content[:4] == b"RIFF"
    assert client.get(item["recordings"]["national_code"], headers=headers).content[:4] == b"RIFF"
    code = item["tracking_code"]

    r = client.post(f"/api/v1/voice/cases/{code}/identity", json={"national_code": "0012345678"}, headers=headers)
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_national_code"
    r = client.post(f"/api/v1/voice/cases/{code}/identity", json={"national_code": CODE}, headers=headers)
    assert r.status_code == 200 and r.json()["tracking_code"] == code
    r = client.post(f"/api/v1/voice/cases/{code}/transcript", json={"text": "آب خیابان ما سه روز است قطع است"},
                    headers=headers)
    assert r.status_code == 200
    assert client.get("/api/v1/voice/pending", headers=headers).json() == []
    # the citizen can now follow it up with the national code the operator heard
    assert client.get(f"/api/v1/cases/{code}", params={"national_code": CODE}).status_code == 200


def test_voice_api_needs_an_operator_key(client, api_key):
    assert client.get("/api/v1/voice/pending").status_code == 401
    assert client.get("/api/v1/voice/pending", headers=api_key("agency", agency="water")).status_code == 403
    headers = api_key("operator")
    assert client.get("/api/v1/voice/calls/nope", headers=headers).status_code == 404
    assert client.get("/api/v1/voice/recordings/" + "0" * 64, headers=headers).status_code == 404


def test_operator_hand_off_context(gateway_line, client, api_key):
    gateway_line.play(Caller(keys=["1", "1", "1", "1"], speech=[Speech(spoken(CODE))], uniqueid="1764400000.42"))
    body = client.get("/api/v1/voice/calls/1764400000.42", headers=api_key("operator")).json()
    assert body["mode"] == "operator" and body["national_code"] == CODE and body["code_source"] == "spoken"
    assert body["caller_phone"] == "+989121234567" and body["recordings"]["national_code"].startswith("/api/v1/voice/")


def test_transcribe_recording_job(gateway_line, services, monkeypatch):
    gateway_line.play(Caller(keys=["1", "2", "1", "1"],
                             speech=[Speech(spoken(CODE)), Speech("آب خیابان ما قطع است.")]))
    row = next(r for r in gateway_line.deps.calls.pending())
    assert row.transcription_pending
    # stand-in recognizer: the transcript sits next to the stored recording
    blob_path = Path(services.blobs.path(row.message_recording))
    blob_path.with_suffix(".txt").write_text("آب خیابان ما سه روز است که قطع است", encoding="utf-8")
    monkeypatch.setenv("DARGAH_VOICE_RECOGNIZER", "sidecar")
    first = transcribe_recording(row.tracking_code)
    second = transcribe_recording(row.tracking_code)
    assert first["status"] == "attached" and second == {"status": "done"}
    case, _, events = services.intake.get_case(tracking_code=row.tracking_code)
    assert "transcription_pending" not in case.flags and "آب" in case.text
    assert [e.kind for e in events].count("transcript") == 1
    assert gateway_line.deps.calls.pending() == []


def test_call_logs_carry_no_personal_data(gateway_line, caplog):
    caplog.set_level(logging.DEBUG)
    gateway_line.play(Caller(keys=["1", "2", "1", "1"], speech=[Speech(spoken(CODE)), Speech("پیام خصوصی من")],
                             callerid="09121234567"))
    row = next(iter(gateway_line.deps.calls.pending()))
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "call " in logged and "agi >" in logged  # the channel did log
    for secret in (CODE, "9121234567", row.tracking_code, "پیام خصوصی"):
        assert secret not in logged


def test_voice_api_is_in_openapi(client):
    paths = client.get("/schema/openapi.json").json()["paths"]
    for path in ("/api/v1/voice/pending", "/api/v1/voice/calls/{call_id}", "/api/v1/voice/recordings/{blob_id}",
                 "/api/v1/voice/cases/{tracking_code}/transcript", "/api/v1/voice/cases/{tracking_code}/identity"):
        assert path in paths, path


@pytest.mark.redis
def test_transcription_job_on_an_rq_worker(gateway_line, services, redis_url, monkeypatch):
    from rq import SimpleWorker

    from gateway.jobs import RqJobQueue

    queue = RqJobQueue(redis_url, "dargah-voice-test")
    gateway_line.deps.jobs = queue
    gateway_line.play(Caller(keys=["1", "2", "1", "1"],
                             speech=[Speech(spoken(CODE)), Speech("آب خیابان ما قطع است.")]))
    (row,) = gateway_line.deps.calls.pending()
    assert queue.queue.count == 1
    Path(services.blobs.path(row.message_recording)).with_suffix(".txt").write_text(
        "آب خیابان ما سه روز است که قطع است", encoding="utf-8")
    monkeypatch.setenv("DARGAH_VOICE_RECOGNIZER", "sidecar")
    job_id = queue.queue.job_ids[0]
    SimpleWorker([queue.queue], connection=queue.redis).work(burst=True)
    assert queue.queue.fetch_job(job_id).return_value()["status"] == "attached"
    assert gateway_line.deps.calls.pending() == []
