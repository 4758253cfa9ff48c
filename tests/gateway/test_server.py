"""Black-box: the real `dargah serve` process (uvicorn, 2 workers) on PostgreSQL and SQLite, driven over TCP
the way outside suites drive the contract."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.factories import national_code, persian_digits

CALLER = national_code(60)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _call(method, url, body=None, key=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    if key:
        request.add_header("Authorization", f"Bearer {key}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.fixture
def server(db_url, tmp_path):
    env = {**os.environ, "DARGAH_DATABASE_URL": db_url, "DARGAH_DATA_DIR": str(tmp_path), "DARGAH_LOG_LEVEL": "WARNING"}
    env.pop("DARGAH_REDIS_URL", None)
    cli = [sys.executable, "-m", "gateway.cli"]
    key = subprocess.run(cli + ["keys", "create", "--role", "operator"], env=env, capture_output=True, text=True,
                         check=True).stdout.strip().splitlines()[-1]
    port = _free_port()
    process = subprocess.Popen(cli + ["serve", "--port", str(port), "--workers", "2"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            if process.poll() is not None or time.time() > deadline:
                raise RuntimeError(process.stderr.read().decode())
            time.sleep(0.2)
    yield base, key
    process.terminate()
    process.wait(timeout=30)


def test_concurrent_identical_submissions_over_http_register_one_case(server):
    base, key = server
    body = {"channel": "sms", "caller": {"national_code": persian_digits(CALLER), "phone": "09121234567"},
            "subject": None, "text": "یارانه ام دو ماهه واریز نشده", "external_id": None}
    with ThreadPoolExecutor(max_workers=24) as pool:
        answers = list(pool.map(lambda _: _call("POST", base + "/api/v1/submissions", body, key), range(48)))
    statuses = sorted(status for status, _ in answers)
    assert statuses.count(201) == 1 and statuses.count(200) == 47
    codes = {answer["tracking_code"] for _, answer in answers}
    assert len(codes) == 1
    status, view = _call("GET", f"{base}/api/v1/cases/{codes.pop()}?national_code={CALLER}")
    assert status == 200 and view["status"] == "routed"
