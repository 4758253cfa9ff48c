"""Labelled Persian samples (hand-written). `*_holdout.tsv` were written before the classifier and the
deduplicator were tuned and are never tuned on: they estimate behaviour on text we have not seen."""

import csv
from pathlib import Path

DATA = Path(__file__).parent


def load_tsv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
