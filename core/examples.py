"""The topics' labelled examples (a TSV of text and topic: how citizens really put their matters), read and
normalized once per process: the topics' word model and the Finglish lexicon both learn from them."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from core.text import normalize


def labelled_examples(path: str | Path) -> tuple[tuple[str, str], ...]:
    """(normalized text, topic) of every row of the examples file at `path`."""
    return _read(Path(path).resolve())


@lru_cache(maxsize=4)
def _read(path: Path) -> tuple[tuple[str, str], ...]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return tuple((normalize(r["text"]), r["topic"]) for r in rows)


__all__ = ["labelled_examples"]
