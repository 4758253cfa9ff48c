"""The letter channel through the gateway: upload API + job, outcome API, review queue, and the CLI,
on a real migrated database (SQLite and PostgreSQL) with the real OCR."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from channels.letter.testdata.generate import make_blank, make_corrupt_pdf, make_encrypted_pdf
from tests.channels.letter.conftest import TESTDATA, committed_truth

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[3]
SELF = "self-persian-digits.png"


def _upload(client, headers, name: str, data: bytes, media_type: str = "image/png"):
    return client.post("/api/v1/letters", files={"file": (name, data, media_type)}, headers=headers)


def test_upload_answers_202_then_the_outcome_is_there(client, api_key, services):
    headers = api_key("operator")
    truth = committed_truth()[SELF]
    response = _upload(client, headers, SELF, (TESTDATA / SELF).read_bytes())
    assert response.status_code == 202, response.text
    upload_id = response.json()["id"]
    assert response.headers["location"] == f"/api/v1/letters/{upload_id}"
    outcome = client.get(f"/api/v1/letters/{upload_id}", headers=headers).json()
    assert outcome["state"] == "done" and outcome["outcome"] == "registered", outcome
    assert outcome["subject_national_code"] == truth["writer_national_code"]
    # The citizen follows the letter up like any other case.
    follow = client.get(f"/api/v1/cases/{outcome['tracking_code']}",
                        params={"national_code": truth["writer_national_code"]})
    assert follow.status_code == 200
    # The scan is in the file store under its content address.
    case, contacts, _ = services.intake.get_case(tracking_code=outcome["tracking_code"])
    scan = contacts[0].attachments[0]
    assert scan.kind == "scan" and Path(services.blobs.path(scan.blob_id)).read_bytes() == (TESTDATA / SELF).read_bytes()


def test_rejected_file_is_held_for_review_and_an_operator_can_resolve_it(client, api_key):
    headers = api_key("operator")
    response = _upload(client, headers, "locked.pdf", make_encrypted_pdf(5).data, "application/pdf")
    assert response.status_code == 202
    outcome = client.get(f"/api/v1/letters/{response.json()['id']}", headers=headers).json()
    assert outcome["outcome"] == "rejected" and outcome["reason"].startswith("encrypted_pdf")
    items = client.get("/api/v1/review", params={"channel": "letter", "kind": "rejected"}, headers=headers).json()
    item = next(i for i in items if i["id"] == outcome["review_item_id"])
    assert item["attachments"][0]["kind"] == "scan"
    # The operator reads the paper copy and registers it with the fields typed in.
    truth = committed_truth()[SELF]
    resolved = client.post(f"/api/v1/review/{item['id']}/resolve", headers=headers, json={
        "caller": {"national_code": truth["writer_national_code"], "phone": truth["phone"]},
        "text": "یارانه نقدی اینجانب قطع شده است",
    })
    assert resolved.status_code == 201, resolved.text
    # The letter's own record now leads to the case the operator made of it.
    after = client.get(f"/api/v1/letters/{response.json()['id']}", headers=headers).json()
    assert after["review_state"] == "resolved" and after["outcome"] == "rejected"
    assert after["tracking_code"] == resolved.json()["tracking_code"]
    assert after["subject_national_code"] == truth["writer_national_code"]


@pytest.mark.parametrize("headers, body, status, code", [
    ({}, {"file": ("a.png", b"x", "image/png")}, 401, "unauthorized"),
    ("operator", {"other": ("a.png", b"x", "image/png")}, 422, "missing_file"),
    ("operator", {"file": ("a.png", b"", "image/png")}, 422, "empty_file"),
], ids=["no key", "no file field", "empty file"])
def test_upload_refusals_have_a_bilingual_error(client, api_key, headers, body, status, code):
    response = client.post("/api/v1/letters", files=body, headers=api_key(headers) if headers else {})
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and error["message_fa"] and error["message_en"]


def test_unknown_upload_is_404(client, api_key):
    response = client.get("/api/v1/letters/0123456789abcdef0123456789abcdef", headers=api_key("operator"))
    assert response.status_code == 404
    assert response.json()["error"]["message_fa"]


def _cli(args, tmp_path):
    env = {**os.environ, "DARGAH_DATA_DIR": str(tmp_path / "var"), "PYTHONPATH": str(ROOT)}
    env.pop("DARGAH_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "gateway.cli", *args], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=600)


def test_cli_ingest_json_prints_one_line_per_file(tmp_path):
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / SELF).write_bytes((TESTDATA / SELF).read_bytes())
    (folder / "blank.png").write_bytes(make_blank(1).data)
    (folder / "broken.pdf").write_bytes(make_corrupt_pdf(2).data)
    (folder / "scan-0001.xml").write_text("<sidecar/>")  # scanners leave these; not a letter, not read
    out = _cli(["letters", "ingest", "--json", str(folder)], tmp_path)
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    by_file = {Path(line["file"]).name: line for line in lines}
    assert set(by_file) == {SELF, "blank.png", "broken.pdf"}
    for line in lines:
        assert set(line) == {"file", "outcome", "tracking_code", "subject_national_code", "writer_national_code"}
    truth = committed_truth()[SELF]
    assert by_file[SELF]["outcome"] == "registered"
    assert by_file[SELF]["writer_national_code"] == by_file[SELF]["subject_national_code"] == truth["writer_national_code"]
    assert by_file["blank.png"] == {"file": str(folder / "blank.png"), "outcome": "rejected", "tracking_code": None,
                                    "subject_national_code": None, "writer_national_code": None}
    assert by_file["broken.pdf"]["outcome"] == "rejected"
    # The same letter again: nothing new is registered, the first tracking code comes back.
    again = _cli(["letters", "ingest", "--json", str(folder / SELF)], tmp_path)
    line = json.loads(again.stdout.strip())
    assert (line["outcome"], line["tracking_code"]) == ("duplicate", by_file[SELF]["tracking_code"])


def test_cli_ingest_missing_path_is_an_error(tmp_path):
    out = _cli(["letters", "ingest", "--json", str(tmp_path / "nope.png")], tmp_path)
    assert out.returncode == 2 and "nope.png" in out.stderr


def test_cli_watch_reads_what_the_scanner_drops_and_moves_it_to_done(tmp_path):
    folder = tmp_path / "scanner"
    folder.mkdir()
    env = {**os.environ, "DARGAH_DATA_DIR": str(tmp_path / "var"), "PYTHONPATH": str(ROOT),
           "DARGAH_LETTER_WATCH_INTERVAL": "0.2"}
    env.pop("DARGAH_DATABASE_URL", None)
    process = subprocess.Popen([sys.executable, "-m", "gateway.cli", "letters", "ingest", "--json", "--watch", str(folder)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    try:
        (folder / "locked.pdf").write_bytes(make_encrypted_pdf(8).data)
        line = json.loads(process.stdout.readline())
        assert line["outcome"] == "rejected" and line["file"].endswith("locked.pdf")
        assert (folder / "done" / "locked.pdf").exists() and not (folder / "locked.pdf").exists()
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.redis
def test_process_letter_job_on_a_real_rq_worker_is_safe_to_run_twice(services, redis_url):
    from rq import SimpleWorker

    from channels.letter.payloads import LetterFile
    from gateway.jobs import RqJobQueue
    from gateway.letters import letter_service

    upload = letter_service(services).receive(LetterFile(file_name="x.pdf", data=make_corrupt_pdf(9).data))
    queue = RqJobQueue(redis_url, "dargah-letters-test")
    first = queue.enqueue("gateway.letters.process_letter", upload_id=upload.id)
    second = queue.enqueue("gateway.letters.process_letter", upload_id=upload.id)
    SimpleWorker([queue.queue], connection=queue.redis).work(burst=True)
    one, two = queue.queue.fetch_job(first).return_value(), queue.queue.fetch_job(second).return_value()
    assert one == two and one["outcome"] == "rejected"
    assert len(services.intake.review_items(channel=None, kind=None)) == 1  # held once, not twice
