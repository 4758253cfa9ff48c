"""Quality and speed of the topic classifier and the deduplicator on the labelled Persian samples.

    PYTHONPATH=. python bench/dedup_quality.py [--errors]

Prints precision/recall/F1 of «same matter» on the tuning pairs and on the holdout pairs (written before
tuning, never tuned on), classifier accuracy on both sample sets, and microseconds per text / per pair.
--errors also lists every miss, to see what is weak.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import timeit
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.dedup import Deduplicator, similarity  # noqa: E402
from core.model import Case, CaseStatus, Channel  # noqa: E402
from core.text import normalize  # noqa: E402
from core.topics import default_catalog  # noqa: E402
from tests.core.data import load_examples, load_tsv  # noqa: E402

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def as_case(catalog, text: str) -> Case:
    m = catalog.classify(text)
    return Case(
        id=1, tracking_code="000000000000", identity="0012345679", caller_national_code=None, caller_phone=None,
        caller_name=None, subject_name=None, relation=None, channel=Channel.SMS, text=normalize(text),
        topic=m.topic, agency=m.agency, status=CaseStatus.ROUTED, created_at=NOW, updated_at=NOW,
    )


def pairs_quality(catalog, dedup, name: str, show: bool) -> None:
    rows = load_tsv(name)
    tp = fp = fn = tn = 0
    for r in rows:
        a, b, want = r["text_a"], r["text_b"], r["same"] == "1"
        got = dedup.is_same_matter(a, catalog.classify(a).topic, as_case(catalog, b))
        tp += got and want
        fp += got and not want
        fn += want and not got
        tn += not got and not want
        if show and got != want:
            kind = "false merge" if got else "missed dup"
            print(f"    {kind}: [{catalog.classify(a).topic} / {catalog.classify(b).topic}, "
                  f"sim {similarity(a, b):.2f}] {r['note']}")
    p = tp / max(tp + fp, 1)
    rc = tp / max(tp + fn, 1)
    f1 = 2 * p * rc / max(p + rc, 1e-9)
    print(f"  {name:28s} pairs={len(rows):3d} (same={tp + fn}, different={fp + tn})  "
          f"precision={p:.3f} recall={rc:.3f} F1={f1:.3f}  (tp={tp} fp={fp} fn={fn} tn={tn})")


def topic_accuracy(catalog, name: str, rows: list[dict[str, str]], show: bool) -> None:
    ok = 0
    for r in rows:
        got = catalog.classify(r["text"])
        ok += got.topic == r["topic"]
        if show and got.topic != r["topic"]:
            print(f"    miss: want {r['topic']} got {got.topic} {got.evidence}: {r['text']}")
    print(f"  {name:28s} texts={len(rows):3d}  accuracy={ok / len(rows):.3f} ({ok}/{len(rows)})")


def timing(catalog, dedup) -> None:
    texts = [r["text"] for r in load_examples()]
    letter = " ".join(texts[:40])  # a long letter: ~40 sentences

    def per_call(fn, items, rounds=7):
        best = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            for x in items:
                fn(x)
            best.append((time.perf_counter() - t0) / len(items) * 1e6)
        return min(best), statistics.median(best)

    ref = min(timeit.repeat(lambda: sum(range(1000)), number=2000, repeat=5)) / 2000 * 1e6
    print(f"  (machine reference: sum(range(1000)) takes {ref:.1f} µs here; about 8-12 µs on an idle modern core)")
    for t in texts:  # warm caches as a long-running process has them
        catalog.classify(t)
    lo, med = per_call(catalog.classify, texts)
    print(f"  classify, short texts (mean {statistics.mean(map(len, texts)):.0f} chars): "
          f"{lo:.1f} µs/text best, {med:.1f} median")
    lo, med = per_call(catalog.classify, [letter] * 20)
    print(f"  classify, long letter ({len(letter)} chars): {lo:.0f} µs/text best, {med:.0f} median")
    rows = load_tsv("dedup_pairs.tsv")
    prepared = [(r["text_a"], catalog.classify(r["text_a"]).topic, as_case(catalog, r["text_b"])) for r in rows]
    lo, med = per_call(lambda p: dedup.is_same_matter(*p), prepared)
    print(f"  is_same_matter (cached profiles): {lo:.1f} µs/pair best, {med:.1f} median")
    cases = [as_case(catalog, r["text_b"]) for r in rows[:50]]
    lo, med = per_call(lambda t: dedup.find(t, catalog.classify(t).topic, cases, NOW), texts[:30], rounds=3)
    print(f"  find among 50 cases of one identity (no match mostly): {lo:.0f} µs/contact best, {med:.0f} median")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args()
    catalog = default_catalog()
    dedup = Deduplicator(catalog=catalog)
    print(f"catalog: {len(catalog.topics)} topics, {len(catalog.agencies)} agencies")
    print("dedup «same matter» (one identity):")
    pairs_quality(catalog, dedup, "dedup_pairs.tsv", args.errors)
    pairs_quality(catalog, dedup, "dedup_pairs_holdout.tsv", args.errors)
    print("topic classifier:")
    topic_accuracy(catalog, "topic_examples.tsv", load_examples(), args.errors)  # the word model's training data too
    for name in ("topic_holdout.tsv", "topic_blind_after.tsv"):
        topic_accuracy(catalog, name, load_tsv(name), args.errors)
    print("speed (this machine, one core):")
    timing(catalog, dedup)


if __name__ == "__main__":
    main()
