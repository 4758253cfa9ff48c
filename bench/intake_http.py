"""Intake throughput over HTTP on PostgreSQL: submissions/s with 32 concurrent clients, p50/p99, and the
same server's /healthz rate measured in the same run (the ceiling of the HTTP stack on this machine).

Uses wrk (Debian package `wrk`) as the load generator: it is a C program, so the client steals little
CPU from the server on a 2-core machine. Prints figures; asserts nothing.

    python bench/intake_http.py [--duration 20] [--connections 32] [--workers 2] [--slices 5]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN = os.environ.get("DARGAH_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the gateway did not come up")


def wrk(url: str, script: str, connections: int, duration: int, env: dict) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "-s", str(ROOT / "bench" / script), url],
        capture_output=True, text=True, env=env, check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = dict(re.findall(r"(p\d+_ms|max_ms)=([\d.]+)", out))
    status = dict(re.findall(r"(non2xx|socket_errors)=(\d+)", out))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    return {"rate": rate, "total": total, **{k: float(v) for k, v in lat.items()}, **{k: int(v) for k, v in status.items()}}


def cpu_by_process(gateway_pid: int) -> dict[str, float]:
    """CPU seconds (user + system) used so far by the processes that share the machine in this bench: the
    gateway (the server and its workers), PostgreSQL's processes and wrk. Read from /proc, so Linux only."""
    tick = os.sysconf("SC_CLK_TCK")
    processes = {}  # pid -> (name, parent pid, cpu seconds)
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        processes[int(entry.name)] = (stat[stat.index("(") + 1:stat.rindex(")")], int(fields[1]),
                                      (int(fields[11]) + int(fields[12])) / tick)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # wrk, once it has exited
    groups = {"gateway": 0.0, "postgres": 0.0, "wrk": children.ru_utime + children.ru_stime}
    for pid, (name, parent, seconds) in processes.items():
        if pid == gateway_pid or parent == gateway_pid:
            groups["gateway"] += seconds
        elif name.startswith("postgres"):
            groups["postgres"] += seconds
    return groups


class Totals:
    """One kind of request over every slice: the rate of all of them, the median slice's p50, the worst
    slice's p99, errors and CPU summed."""

    def __init__(self) -> None:
        self.runs: list[dict] = []
        self.cpu: dict[str, float] = {}

    def add(self, run: dict, cpu_before: dict[str, float], cpu_after: dict[str, float]) -> None:
        self.runs.append(run)
        for name in cpu_before:
            self.cpu[name] = self.cpu.get(name, 0.0) + cpu_after[name] - cpu_before[name]

    def summary(self) -> dict:
        total = sum(r["total"] for r in self.runs)
        p50s = sorted(r["p50_ms"] for r in self.runs)
        return {
            "rate": total / sum(r["total"] / r["rate"] for r in self.runs), "total": total,
            "p50_ms": p50s[len(p50s) // 2], "p99_ms": max(r["p99_ms"] for r in self.runs),
            "p99s": " / ".join(f"{r['p99_ms']:.0f}" for r in self.runs),
            "errors": sum(r["non2xx"] + r["socket_errors"] for r in self.runs),
            "cpu": ", ".join(f"{name} {seconds / total * 1e6:.0f}" for name, seconds in self.cpu.items()),
        }


def seed(db_url: str, count: int) -> None:
    """A population of earlier cases (each with its contact and event), then VACUUM ANALYZE and a CHECKPOINT:
    the gateway works on a database that has statistics, as in production, not on empty tables whose first
    plans scan them whole; and the seeding's own aftermath (autovacuum of the new rows, the checkpoint that
    writes them out) does not fall into the measured slices. Without the CHECKPOINT one slice in most runs had
    a p99 of 127–198 ms, against 41–71 ms in the others (measured on 2 cores shared with PostgreSQL)."""
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO cases (tracking_code, identity, caller_national_code, caller_phone, channel, text, topic, "
            "agency, status, created_at, updated_at, flags) "
            "SELECT 'S' || lpad(g::text, 11, '0'), lpad((g::bigint * 7919 % 1000000000)::text, 10, '0'), "
            "lpad((g::bigint * 7919 % 1000000000)::text, 10, '0'), '+989121234567', 'sms', 'یارانه ام واریز نشده', "
            "'subsidy', 'subsidy_org', 'routed', now() - interval '40 days', now() - interval '40 days', '' "
            "FROM generate_series(1, :count) AS g"), {"count": count})
        conn.execute(text(
            "INSERT INTO contacts (case_id, channel, outcome, caller_national_code, caller_phone, text, received_at, "
            "attachments) SELECT id, channel, 'registered', caller_national_code, caller_phone, text, created_at, "
            "'[]' FROM cases"))
        conn.execute(text(
            "INSERT INTO case_events (case_id, kind, actor, at, to_value) "
            "SELECT id, 'registered', 'channel:sms', created_at, 'registered' FROM cases"))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
        conn.execute(text("CHECKPOINT"))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed-cases", type=int, default=200_000, help="earlier cases in the database")
    parser.add_argument("--slices", type=int, default=5, help="alternate /healthz and intake this many times")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("install wrk (apt-get install wrk)")

    name = f"dargah_bench_{uuid.uuid4().hex[:6]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db_url = PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    port = free_port()
    env = {**os.environ, "DARGAH_DATABASE_URL": db_url, "DARGAH_LOG_LEVEL": "WARNING",
           "DARGAH_DATA_DIR": str(ROOT / "var" / "bench")}
    env.pop("DARGAH_REDIS_URL", None)
    dargah = [sys.executable, "-m", "gateway.cli"]
    key = subprocess.run(dargah + ["keys", "create", "--role", "operator", "--name", "bench"],
                         capture_output=True, text=True, env=env, check=True, cwd=ROOT).stdout.strip().splitlines()[-1]
    seed(db_url, args.seed_cases)
    server = subprocess.Popen(dargah + ["serve", "--port", str(port), "--workers", str(args.workers), "--no-migrate"],
                              env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base + "/healthz")
        wrk_env = {**env, "DARGAH_BENCH_KEY": key}
        wrk(base + "/healthz", "health.lua", args.connections, 3, wrk_env)  # warm-up
        wrk(base + "/", "intake.lua", args.connections, 3, wrk_env)  # warm-up (connection pools, caches)
        # Alternating slices of each, so that both rates see the same machine: a shared machine's speed
        # drifts by a third over minutes (seen here), which two long runs one after the other would take
        # for a difference between them.
        health, intake = Totals(), Totals()
        for _ in range(args.slices):
            for totals, path, script in ((health, "/healthz", "health.lua"), (intake, "/", "intake.lua")):
                cpu_before = cpu_by_process(server.pid)
                totals.add(wrk(base + path, script, args.connections, args.duration // args.slices, wrk_env),
                           cpu_before, cpu_by_process(server.pid))
        engine = create_engine(db_url)
        with engine.connect() as conn:
            cases = conn.execute(text("SELECT count(*) FROM cases")).scalar_one() - args.seed_cases
            contacts = conn.execute(text("SELECT count(*) FROM contacts")).scalar_one() - args.seed_cases
        engine.dispose()
    finally:
        server.terminate()
        server.wait(timeout=30)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    health, intake = health.summary(), intake.summary()
    ratio = intake["rate"] / health["rate"]
    print(f"machine: {os.cpu_count()} cores; server: dargah serve --workers {args.workers}; PostgreSQL; "
          f"{args.connections} concurrent clients (wrk), {args.duration}s each in {args.slices} alternating slices; {args.seed_cases} earlier cases")
    print(f"/healthz:               {health['rate']:8.0f} req/s  p50 {health['p50_ms']:.2f} ms  p99 {health['p99_ms']:.2f} ms  "
          f"errors {health['errors']}")
    print(f"POST /api/v1/submissions: {intake['rate']:6.0f} req/s  p50 {intake['p50_ms']:.2f} ms  p99 {intake['p99_ms']:.2f} ms  "
          f"errors {intake['errors']}  (p99 by slice, ms: {intake['p99s']})")
    print(f"CPU µs per request: /healthz: {health['cpu']}; intake: {intake['cpu']}")
    print(f"intake / healthz = {ratio:.0%} (target >= 30%); p99 target < 100 ms; stored {cases} cases, {contacts} contacts")


if __name__ == "__main__":
    main()
