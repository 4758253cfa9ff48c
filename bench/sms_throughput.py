"""SMS intake throughput through ONE SMPP bind: MO/s acknowledged, p50/p99 MO→ack, and MO/s all the way to
stored cases with their replies queued in the outbox. Nothing may be lost.

    PYTHONPATH=. .venv/bin/python bench/sms_throughput.py [--messages 5000] [--window 100] [--database-url URL]

The SMSC is the node-smpp test server (tests/channels/sms/smsc/server.js; run `npm install` there once),
sending deliver_sm with up to --window unacknowledged (SMPP windowing) and timing each deliver_sm_resp.
The database defaults to a fresh SQLite file (WAL); pass a PostgreSQL URL to measure that instead.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from channels.sms.esme import BindConfig  # noqa: E402
from channels.sms.runner import SmsRunner  # noqa: E402
from channels.sms.service import SmsChannel, SmsConfig, SmsNotifier  # noqa: E402
from channels.sms.store import SmsStore  # noqa: E402
from core.identity import national_code_check_digit  # noqa: E402
from core.memory import InlineJobQueue  # noqa: E402
from gateway.bootstrap import bootstrap  # noqa: E402
from gateway.settings import Settings  # noqa: E402

SERVER = ROOT / "tests" / "channels" / "sms" / "smsc" / "server.js"
PLACES = ["خیابان", "کوچه", "محله", "بزرگراه", "پارک", "مدرسه", "بیمارستان", "ایستگاه"]
PROBLEMS = ["آب قطع است", "برق رفته", "آسفالت خراب است", "زباله جمع نشده", "چراغ خاموش است", "فاضلاب پس زده"]


def messages(n: int) -> list[dict]:
    rnd = random.Random(111)
    out = []
    # Distinct people: two random codes that collide (likely at tens of thousands of messages) about the
    # same problem would rightly be one case, and the count below would call the other lost.
    for i, number in enumerate(rnd.sample(range(10**8, 10**9), n)):
        nine = f"{number:09d}"
        code = nine + str(national_code_check_digit(nine))
        text = f"کد ملی {code} {rnd.choice(PLACES)} {i} {rnd.choice(PROBLEMS)}"
        out.append({"source_addr": f"98912{i:07d}", "destination_addr": "1111", "data_coding": 8,
                    "short_message_hex": text.encode("utf-16-be").hex()})
    return out


def queued_replies(engine) -> int:
    import sqlalchemy as sa

    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT count(*) FROM sms_outbox")).scalar_one()


def n_replies_left(command, total: int) -> int:
    return total - command("state")["submit_count"]


def measure_mt(command, count: int) -> tuple[int, float] | None:
    """The rate at which replies reach the SMSC as submit_sm, over the next `count` of them: the sender paces
    itself to the MT rate cap (an SMSC throttles or refuses a bind that exceeds its agreed rate)."""
    if count <= 0:
        return None
    start_count = command("state")["submit_count"]
    started = time.perf_counter()
    while command("state")["submit_count"] < start_count + count:
        time.sleep(0.02)
    return count, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--window", type=int, default=100, help="deliver_sm in flight (SMPP window)")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--mt-rate", type=float, default=100.0)
    parser.add_argument("--workers", type=int, default=0, help="processing threads (0: 1 on SQLite, 4 on PostgreSQL)")
    parser.add_argument("--mt-sample", type=int, default=500, help="replies timed at the SMSC to check the MT rate cap")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="dargah-sms-bench-"))
    url = args.database_url or f"sqlite:///{tmp / 'bench.db'}"
    services = bootstrap(Settings(database_url=url, data_dir=tmp, files_dir=tmp / "files"), jobs=InlineJobQueue(),
                         migrate=True)
    store = SmsStore(services.engine)
    services.intake.notifier.target = SmsNotifier(store)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    smsc = subprocess.Popen(["node", str(SERVER), "--port", str(port)], stdout=subprocess.PIPE, text=True,
                            cwd=SERVER.parent)
    ready = smsc.stdout.readline().split()
    control = socket.create_connection(("127.0.0.1", int(ready[2])))
    ctl = control.makefile("rw", encoding="utf-8")

    def command(cmd: str, **kw) -> dict:
        ctl.write(json.dumps({"cmd": cmd, **kw}) + "\n")
        ctl.flush()
        return json.loads(ctl.readline())

    workers = args.workers or (4 if services.engine.dialect.name == "postgresql" else 1)
    channel = SmsChannel(services.intake, store, SmsConfig(short_code="1111", mt_rate=args.mt_rate, workers=workers))
    runner = SmsRunner(channel, BindConfig(host="127.0.0.1", port=port, system_id="dargah", password="secret"))
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(runner.start(), loop).result(5)
    while not runner.esme.bound.is_set():
        time.sleep(0.01)

    pdus = messages(args.messages)
    started = time.perf_counter()
    burst = command("burst", pdus=pdus, window=args.window)
    while queued_replies(services.engine) < args.messages:  # a count, not the rows: the poll must cost little
        time.sleep(0.05)
    done_at = time.perf_counter()

    mt = measure_mt(command, min(args.mt_sample, n_replies_left(command, args.messages)))

    cases = len(services.intake.search(limit=10**7))
    stored = len(store.inbound())
    asyncio.run_coroutine_threadsafe(runner.stop(), loop).result(10)
    smsc.kill()
    n = args.messages
    print(f"database: {services.engine.dialect.name}; messages: {n}; window: {args.window}; "
          f"processing threads: {workers}; MT rate: {args.mt_rate}/s")
    print(f"acknowledged: {burst['n']} ({burst['statuses']}) in {burst['elapsed_ms'] / 1000:.2f} s "
          f"= {n / (burst['elapsed_ms'] / 1000):.0f} MO/s")
    print(f"MO→ack latency: p50 {burst['p50_ms']:.1f} ms, p99 {burst['p99_ms']:.1f} ms, max {burst['max_ms']:.1f} ms")
    print(f"to stored cases with replies queued: {done_at - started:.2f} s = {n / (done_at - started):.0f} MO/s")
    print(f"stored PDUs: {stored}, cases: {cases}, replies queued: {len(store.outbox())} (lost: {n - cases})")
    if mt:
        print(f"MT (replies as submit_sm, rate cap {args.mt_rate:g}/s): {mt[0]} in {mt[1]:.2f} s = {mt[0] / mt[1]:.1f}/s")
    return 0 if cases == n and stored == n else 1


if __name__ == "__main__":
    sys.exit(main())
