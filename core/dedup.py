"""The identity+topic deduplicator.

Identity is the subject's national code (the caller's when there is no subject); only cases of the same
identity are ever compared, so neighbours with the same complaint stay separate cases. Among those, a
new contact is the same matter when:
  * it has the same specific topic (topics are fine-grained: water outage ≠ water bill), and the texts do
    not contradict that (similarity not below `same_topic_floor`, which is 0 by default: a short SMS and a
    formal letter about one subsidy share few words); or
  * neither text could be classified ("other") and the texts are similar (≥ `unclassified_min`); or
  * the topics differ but the texts are near-identical (≥ `cross_topic_min`), which covers a classifier
    that read the same words two ways.
The case must still be open, or closed within `closed_window`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from core.model import Case, CaseStatus
from core.text import stem, words
from core.topics import OTHER

# Words that carry no matter: greetings, courtesy, pronouns, light verbs, letter formulae.
STOPWORDS = frozenset(
    """
    با سلام سلام احترام احتراما احتراماً به از در که را و یا این آن است هست بود شد شده شود میشود می‌شود
    برای تا هم نیز من ما شما او ایشان اینجانب بنده اینجانبه جناب حضرت عالی عالیجناب خدمت خدمتتان لطفا لطفاً
    خواهشمند خواهشمندم خواهشمنداست است تقاضا دارم داریم دارد کنید کنم کند کرد کردم کردیم کرده ام ای ها های
    مرا مرا لطف بفرمایید رسیدگی پیگیری مورد موضوع خصوص درخصوص بابت درباره همین چون ولی اما اگر هر چه چرا
    کد ملی شماره تلفن همراه تماس اینجانبم مینمایم می‌نمایم مینماید نماید نمایید فرمایید رساند میرساند
    استحضار محترم محترمه ریاست سازمان اداره جمهور ۱۱۱ سامد باسلام تشکر ممنون متشکرم باتشکر قبلا قبلاً
    خیلی بسیار الان هنوز دیگر هیچ یک دو سه هنوزم ماه روز سال هفته گذشته پیش
    """.split()
)


def content_words(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w not in STOPWORDS and not w.isdigit() and len(w) > 1]


def _trigrams(tokens: list[str]) -> set[str]:
    grams: set[str] = set()
    for t in tokens:
        padded = f" {t} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def _dice(a: set, b: set) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def similarity(a: str, b: str) -> float:
    """0..1: how much two texts say the same thing, robust to spelling, affixes and word order.

    The mean of word-set Dice and character-trigram Dice over content words. Trigrams catch
    «قطعی»/«قطع» and OCR/ASR misspellings that whole words miss.
    """
    wa, wb = content_words(a), content_words(b)
    return 0.5 * _dice(set(wa), set(wb)) + 0.5 * _dice(_trigrams(wa), _trigrams(wb))


@dataclass(frozen=True)
class DedupPolicy:
    closed_window: timedelta = timedelta(days=30)
    same_topic_floor: float = 0.0
    unclassified_min: float = 0.45
    cross_topic_min: float = 0.75


class Deduplicator:
    def __init__(self, policy: DedupPolicy | None = None):
        self.policy = policy or DedupPolicy()

    def closed_since(self, now: datetime) -> datetime:
        return now - self.policy.closed_window

    def is_same_matter(self, text: str, topic: str, case: Case) -> bool:
        p = self.policy
        if topic == case.topic and topic != OTHER:
            return p.same_topic_floor <= 0 or similarity(text, case.text) >= p.same_topic_floor
        sim = similarity(text, case.text)
        if topic == OTHER and case.topic == OTHER:
            return sim >= p.unclassified_min
        return sim >= p.cross_topic_min

    def find(self, text: str, topic: str, candidates: list[Case], now: datetime) -> Case | None:
        """The existing case this contact repeats, or None. Prefers open cases, then the most recent."""
        since = self.closed_since(now)
        live = [
            c for c in candidates
            if c.merged_into is None and (c.status != CaseStatus.CLOSED or c.updated_at >= since)
        ]
        live.sort(key=lambda c: (c.status == CaseStatus.CLOSED, -c.created_at.timestamp()))
        for case in live:
            if self.is_same_matter(text, topic, case):
                return case
        return None
