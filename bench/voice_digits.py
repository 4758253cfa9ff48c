"""Digit-word parser speed: transcripts per second, and national codes read from the labelled spoken codes
with the check digit choosing among readings (prints figures)."""

from __future__ import annotations

import csv
import time
from pathlib import Path

from channels.voice.digits import parse_code, parse_digits
from core.identity import is_valid_national_code

SPOKEN = Path(__file__).resolve().parents[1] / "tests" / "channels" / "voice" / "spoken_codes.tsv"

TRANSCRIPTS = [
    "صفر صفر یک دو سه چهار پنج شش هفت نه",
    "اِ صفر صفر خب دوازده سیصد و چهل و پنج شصت و هفت نه",
    "۰۰۱ دو سه چهار پنج شیش هفت نه",
    "دو هزار و سیصد و دوازده یعنی پونصد و شیش",
]


def main(rounds: int = 50_000) -> None:
    start = time.perf_counter()
    for i in range(rounds):
        parse_digits(TRANSCRIPTS[i % len(TRANSCRIPTS)])
    elapsed = time.perf_counter() - start
    print(f"voice digits: {rounds} transcripts in {elapsed:.2f} s = {rounds / elapsed:,.0f}/s "
          f"({elapsed / rounds * 1e6:.1f} µs each)")
    with open(SPOKEN, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    plain = sum(parse_digits(r["transcript"]).digits == r["digits"] for r in rows)
    start = time.perf_counter()
    right = sum(parse_code(r["transcript"], is_valid_national_code) == r["digits"] for r in rows)
    elapsed = time.perf_counter() - start
    print(f"spoken national codes ({len(rows)} labelled): plain reading {plain} right, with the check digit choosing "
          f"{right} right; {elapsed / len(rows) * 1e6:.0f} µs per code")


if __name__ == "__main__":
    main()
