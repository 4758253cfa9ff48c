"""Dedup and follow-up lookup times with 1 million (or 10 million) existing cases on PostgreSQL.

Loads N cases (default 1,000,000) with COPY — identities drawn so that a tenth of the people have several
cases — then measures, for random identities (existing and new): the candidate read under the identity
lock plus the deduplicator's decision (what intake does before it writes), a whole submit, and a citizen's
follow-up (tracking code + national code; every tenth with a wrong national code, which must find nothing).
Prints p50/p99.

    python bench/dedup_lookup.py [--cases 1000000] [--lookups 2000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from core.identity import national_code_check_digit  # noqa: E402
from core.memory import InlineJobQueue  # noqa: E402
from core.model import Channel, Person, Submission  # noqa: E402
from core.tracking import verhoeff_check_digit  # noqa: E402
from gateway.bootstrap import bootstrap  # noqa: E402
from gateway.settings import Settings  # noqa: E402

PG_ADMIN = os.environ.get("DARGAH_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
TEXTS = [("یارانه ام دو ماهه واریز نشده", "subsidy"), ("قبض آب این ماه خیلی زیاد آمده", "water_bill"),
         ("آب محله ما سه روز است قطع است", "water_outage"), ("مشکلی دارم که باید پیگیری شود", "other")]


def code(rng: random.Random) -> str:
    nine = f"{rng.randrange(10**8, 10**9):09d}"
    return nine + str(national_code_check_digit(nine))


def tracking_code(rng: random.Random) -> str:
    # The product draws codes from `secrets`; a seeded RNG loads a million of them much faster.
    body = str(rng.randrange(10**10, 10**11))
    return body + verhoeff_check_digit(body)


def load(dsn: str, n: int, rng: random.Random) -> tuple[list[str], list[tuple[str, str]]]:
    """n cases; returns the people and a sample of (tracking code, identity) for follow-up look-ups."""
    people = [code(rng) for _ in range(int(n * 0.8))]
    repeaters = people[: n // 10]  # the people with several cases (sliced once, not per row)
    now = datetime.now(timezone.utc)
    started = time.perf_counter()
    with psycopg.connect(dsn) as conn, conn.cursor() as cur:
        with cur.copy("COPY cases (tracking_code, identity, caller_national_code, channel, text, topic, agency, status, "
                      "created_at, updated_at, flags) FROM STDIN") as copy:
            seen = set()
            sample: list[tuple[str, str]] = []
            for i in range(n):
                identity = people[i] if i < len(people) else rng.choice(repeaters)
                tc = tracking_code(rng)
                while tc in seen:
                    tc = tracking_code(rng)
                seen.add(tc)
                if i % max(1, n // 5000) == 0:
                    sample.append((tc, identity))
                body, topic = TEXTS[i % len(TEXTS)]
                at = now - timedelta(minutes=rng.randrange(60 * 24 * 365))
                status = "closed" if i % 3 == 0 else "routed"
                copy.write_row((tc, identity, identity, "sms", body, topic, "general", status, at, at, ""))
        conn.commit()
        cur.execute("ANALYZE cases")
    print(f"loaded {n:,} cases in {time.perf_counter() - started:.1f}s")
    return people, sample


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(7)
    name = f"dargah_dedup_{uuid.uuid4().hex[:6]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    try:
        svc = bootstrap(Settings(database_url=url), jobs=InlineJobQueue(), migrate=True)
        people, known = load(url.replace("postgresql+psycopg", "postgresql"), args.cases, rng)
        intake = svc.intake
        lookups, submits, follow_ups = [], [], []
        now = datetime.now(timezone.utc)
        for i in range(args.lookups):
            identity = rng.choice(people) if i % 2 else code(rng)
            body, topic = TEXTS[i % len(TEXTS)]
            t = time.perf_counter()
            with intake.uow() as uow:
                live = uow.cases.candidates([identity], intake.dedup.closed_since(now))[identity]
                intake.dedup.find(body, topic, live, now)
            lookups.append(time.perf_counter() - t)
        for i in range(args.lookups // 2):
            identity = rng.choice(people) if i % 2 else code(rng)
            t = time.perf_counter()
            intake.submit(Submission(channel=Channel.SMS, caller=Person(national_code=identity), text=TEXTS[i % 4][0]))
            submits.append(time.perf_counter() - t)
        for i in range(args.lookups):  # the citizen's follow-up: tracking code + national code
            tc, identity = rng.choice(known)
            t = time.perf_counter()
            view = intake.follow_up(tc, identity if i % 10 else code(rng))  # every 10th: a wrong national code
            follow_ups.append(time.perf_counter() - t)
            assert (view is not None) == bool(i % 10)
        svc.engine.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    print(f"dedup lookup (lock + candidates + decision) over {args.cases:,} cases: "
          f"p50 {pct(lookups, 50):.2f} ms  p99 {pct(lookups, 99):.2f} ms  mean {statistics.mean(lookups) * 1000:.2f} ms")
    print(f"whole submit (single client) over {args.cases:,} cases: p50 {pct(submits, 50):.2f} ms  p99 {pct(submits, 99):.2f} ms")
    print(f"follow-up (tracking code + national code) over {args.cases:,} cases: "
          f"p50 {pct(follow_ups, 50):.2f} ms  p99 {pct(follow_ups, 99):.2f} ms")


if __name__ == "__main__":
    main()
