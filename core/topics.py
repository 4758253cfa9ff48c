"""Topics and the agencies responsible for them, read from core/data/topics.toml (data, not code),
and a keyword/phrase classifier that maps a citizen's text to one topic.

Why keywords and not a model: the classifier must be explainable to an operator who corrects it,
run in microseconds on every contact, and work offline on any machine. Phrases weigh more than single
words; a topic's `exclude` phrases veto it (e.g. «قبض آب» must not read as a water outage).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from core.text import normalize, stem, words

OTHER = "other"


@dataclass(frozen=True)
class Agency:
    code: str
    name_fa: str
    name_en: str


@dataclass(frozen=True)
class Topic:
    code: str
    name_fa: str
    name_en: str
    agency: str
    keywords: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicMatch:
    topic: str
    agency: str
    score: float
    evidence: tuple[str, ...] = field(default=())


def _match_key(text: str) -> str:
    """Text as a space-joined sequence of stemmed words, padded so phrase search respects word edges."""
    return " " + " ".join(stem(w) for w in words(text)) + " "


class TopicCatalog:
    def __init__(self, agencies: dict[str, Agency], topics: dict[str, Topic]):
        self.agencies = agencies
        self.topics = topics
        # Precompute stemmed keys once; classification runs on every contact.
        self._keys = {
            code: (
                tuple(_match_key(k) for k in t.keywords),
                tuple(_match_key(p) for p in t.phrases),
                tuple(_match_key(x) for x in t.exclude),
            )
            for code, t in topics.items()
        }

    @classmethod
    def from_toml(cls, data: dict) -> "TopicCatalog":
        agencies = {
            code: Agency(code=code, name_fa=a["name_fa"], name_en=a.get("name_en", code))
            for code, a in data["agencies"].items()
        }
        topics: dict[str, Topic] = {}
        for t in data["topics"]:
            if t["agency"] not in agencies:
                raise ValueError(f"topic {t['code']} names unknown agency {t['agency']}")
            topics[t["code"]] = Topic(
                code=t["code"], name_fa=t["name_fa"], name_en=t.get("name_en", t["code"]), agency=t["agency"],
                keywords=tuple(t.get("keywords", ())), phrases=tuple(t.get("phrases", ())),
                exclude=tuple(t.get("exclude", ())),
            )
        if OTHER not in topics:
            raise ValueError("the catalog needs an 'other' topic for unclassified matters")
        return cls(agencies, topics)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "TopicCatalog":
        if path is None:
            raw = resources.files("core.data").joinpath("topics.toml").read_text("utf-8")
        else:
            raw = Path(path).read_text("utf-8")
        return cls.from_toml(tomllib.loads(raw))

    def classify(self, text: str) -> TopicMatch:
        key = _match_key(text)
        best: TopicMatch | None = None
        for code, (keywords, phrases, exclude) in self._keys.items():
            if code == OTHER or any(x in key for x in exclude):
                continue
            evidence = [p.strip() for p in phrases if p in key]
            score = 3.0 * len(evidence)
            kw = [k.strip() for k in keywords if k in key]
            score += 1.0 * len(kw)
            evidence += kw
            if score > 0 and (best is None or score > best.score):
                best = TopicMatch(code, self.topics[code].agency, score, tuple(evidence))
        if best is None:
            return TopicMatch(OTHER, self.topics[OTHER].agency, 0.0)
        return best

    def topic(self, code: str) -> Topic:
        return self.topics[code]

    def agency(self, code: str) -> Agency:
        return self.agencies[code]


@lru_cache(maxsize=1)
def default_catalog() -> TopicCatalog:
    return TopicCatalog.load()


__all__ = ["Agency", "Topic", "TopicMatch", "TopicCatalog", "default_catalog", "OTHER", "normalize"]
