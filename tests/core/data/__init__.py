"""Labelled Persian samples (hand-written). `*_holdout.tsv` were written before the classifier and the
deduplicator were tuned and are never tuned on, as are `*_blind_after.tsv`, written blind after a stop's changes:
they estimate behaviour on text we have not seen. The topics' tuning examples live with the catalog
(core/data/topic_examples.tsv), which trains its word model on them."""

import csv
from pathlib import Path

DATA = Path(__file__).parent


def load_tsv(name: str, folder: Path = DATA) -> list[dict[str, str]]:
    with open(folder / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_examples() -> list[dict[str, str]]:
    """The topics' tuning examples (text, topic)."""
    return load_tsv("topic_examples.tsv", Path(__file__).parents[3] / "core" / "data")
