"""Digit-word parser speed: transcripts per second (prints figures)."""

from __future__ import annotations

import time

from channels.voice.digits import parse_digits

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


if __name__ == "__main__":
    main()
