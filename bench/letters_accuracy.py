"""Letter channel accuracy and throughput on generated damaged letters.

    PYTHONPATH=. python bench/letters_accuracy.py [--count 40] [--seed 1000] [--workers 1,2]
    PYTHONPATH=. python bench/letters_accuracy.py --blind [--rounds 18,19]   # the letters written blind, rendered and read

Prints, for a naive reading (one Tesseract pass, fas+eng, automatic page segmentation, then a regex for
national codes: the first is the writer, a second one the subject) and for the channel's pipeline:
right (registered under the true subject and writer), wrong (registered under a wrong identity), review
(held for an operator); then seconds per page and pages per minute with N parallel workers.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pytesseract  # noqa: E402

from channels.letter.ocr import load_pages, read_letter  # noqa: E402
from channels.letter.testdata.generate import Sample, make_letter, render_page  # noqa: E402
from core.identity import find_national_codes  # noqa: E402
from core.text import normalize  # noqa: E402


def naive(sample: Sample) -> tuple[str | None, str | None]:
    """One pass over the first page and a regex: (writer, subject) or Nones."""
    _, pages, _ = load_pages(sample.data)
    text = normalize(pytesseract.image_to_string(pages[0], lang="fas+eng", config="--psm 3"))
    codes = find_national_codes(text)
    if not codes:
        return None, None
    return codes[0], (codes[1] if len(codes) > 1 else None)


PHONES = {"right": 0, "none": 0, "wrong": 0}


def pipeline(sample: Sample) -> tuple[str | None, str | None, int]:
    reading = read_letter(sample.data)
    fields = reading.fields
    if reading.rejected or fields is None or not fields.sure:
        return None, None, reading.passes
    phone = fields.phone
    PHONES["none" if phone is None else "right" if phone == "+98" + sample.truth.phone[1:] else "wrong"] += 1
    return fields.writer_national_code, fields.subject_national_code, reading.passes


def score(sample: Sample, writer: str | None, subject: str | None) -> str:
    truth = sample.truth
    if writer is None and subject is None:
        return "review"
    if writer == truth.writer_national_code and subject == truth.subject_national_code:
        return "right"
    return "wrong"


TESTDATA = Path(__file__).resolve().parents[1] / "channels" / "letter" / "testdata"
def _round(path: Path) -> int:
    """The round a blind set was written in: «blind_letters.jsonl» is the first, «blind_letters_r7.jsonl» the seventh."""
    stem = path.stem.rsplit("_r", 1)
    return int(stem[1]) if len(stem) == 2 and stem[1].isdigit() else 1


def blind(rounds: list[int] | None = None) -> None:
    for path in sorted(TESTDATA.glob("blind_letters*.jsonl"), key=_round):
        if rounds is None or _round(path) in rounds:
            blind_set(path)


def blind_set(path: Path) -> None:
    """Letters written blind (channels/letter/testdata/blind_letters*.jsonl), each rendered clean in one of
    the farsiweb fonts at 200 dpi and read by the pipeline: right, wrong, review. A letter with no valid code
    is right when it goes to review."""
    import io
    import json

    tally = {"right": 0, "wrong": 0, "review": 0}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    t0 = time.perf_counter()
    for row in rows:
        buf = io.BytesIO()
        render_page(row["lines"], dpi=200, font_file="nazli.ttf").save(buf, "PNG")
        reading = read_letter(buf.getvalue())
        fields = reading.fields
        got = (fields.writer_national_code, fields.subject_national_code) if fields and fields.sure else None
        want = (row["writer"], row["subject"]) if (row["writer"] or row["subject"]) else None
        verdict = "right" if got == want else "review" if got is None else "wrong"
        tally[verdict] += 1
        if verdict != "right":
            print(f"  {verdict}: {row['note']}")
    print(f"{path.name}: {len(rows)} letters written blind, rendered and read: {tally['right']} right, {tally['wrong']} wrong, "
          f"{tally['review']} to review ({(time.perf_counter() - t0) / len(rows):.1f} s each)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1000)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts for the throughput run")
    parser.add_argument("--throughput-count", type=int, default=8, help="letters per throughput run")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--blind", action="store_true", help="read the letters written blind instead")
    parser.add_argument("--rounds", default="", help="with --blind: comma-separated rounds only (e.g. 18,19)")
    args = parser.parse_args()
    if args.blind:
        return blind([int(r) for r in args.rounds.split(",")] if args.rounds else None)

    samples = [make_letter(args.seed + i, damaged=True) for i in range(args.count)]
    pages = sum(s.truth.pages for s in samples)
    family = sum(1 for s in samples if s.truth.subject_national_code)
    persian = sum(1 for s in samples if s.truth.persian_digits)
    print(f"{len(samples)} damaged letters ({pages} pages; {family} about a family member; "
          f"{persian} with Persian digits), seeds {args.seed}..{args.seed + args.count - 1}")

    results = {"naive": {"right": 0, "wrong": 0, "review": 0}, "pipeline": {"right": 0, "wrong": 0, "review": 0}}
    seconds = {"naive": 0.0, "pipeline": 0.0}
    passes = 0
    for s in samples:
        t0 = time.perf_counter()
        verdict_naive = score(s, *naive(s))
        t1 = time.perf_counter()
        writer, subject, n = pipeline(s)
        t2 = time.perf_counter()
        verdict = score(s, writer, subject)
        results["naive"][verdict_naive] += 1
        results["pipeline"][verdict] += 1
        seconds["naive"] += t1 - t0
        seconds["pipeline"] += t2 - t1
        passes += n
        if args.verbose or verdict == "wrong":
            print(f"  {s.truth.file:28s} {','.join(s.truth.damage):22s} naive={verdict_naive:6s} pipeline={verdict:6s} "
                  f"passes={n:2d} {t2 - t1:5.1f}s", flush=True)

    print()
    print(f"{'reading':10s} {'right':>6s} {'wrong':>6s} {'review':>7s} {'s/page':>7s}")
    for name in ("naive", "pipeline"):
        r = results[name]
        print(f"{name:10s} {r['right']:6d} {r['wrong']:6d} {r['review']:7d} {seconds[name] / pages:7.2f}")
    print(f"pipeline: {passes / len(samples):.1f} Tesseract passes per letter on average; phones of registered "
          f"letters: {PHONES['right']} right, {PHONES['none']} left out (unsure), {PHONES['wrong']} wrong")

    print()
    subset = samples[: args.throughput_count]
    subset_pages = sum(s.truth.pages for s in subset)
    for workers in [int(w) for w in args.workers.split(",") if w]:
        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(read_letter, [s.data for s in subset]))
        elapsed = time.perf_counter() - t0
        print(f"workers={workers}: {subset_pages} pages in {elapsed:.1f}s = {60 * subset_pages / elapsed:.1f} pages/minute")


if __name__ == "__main__":
    main()
