"""How citizens name a relative, in every channel: kin nouns and the adjectives that may stand between a
noun and its «my» («پسر بزرگم», «مادر پیرم», «همسر مرحومم»). Each channel builds its own patterns from these
(an SMS's possessive forms, a letter's OCR-tolerant marks); the words themselves are kept once, here."""

from __future__ import annotations

from core.model import Relation

KIN_NOUNS: dict[str, Relation] = {
    "فرزند": Relation.CHILD, "پسر": Relation.CHILD, "دختر": Relation.CHILD, "همسر": Relation.SPOUSE,
    "شوهر": Relation.SPOUSE, "پدر": Relation.FATHER, "مادر": Relation.MOTHER, "برادر": Relation.SIBLING,
    "خواهر": Relation.SIBLING, "نوه": Relation.OTHER, "عروس": Relation.OTHER, "داماد": Relation.OTHER,
    "برادرزاده": Relation.OTHER, "خواهرزاده": Relation.OTHER,
}
KIN_ADJECTIVES: tuple[str, ...] = (
    "بزرگ", "کوچک", "کوچیک", "بزرگتر", "کوچکتر", "معلول", "بیمار", "مریض", "پیر", "مسن", "سالمند", "مرحوم",
    "خدابیامرز", "عزیز", "جانباز", "دانشجو", "سرباز", "نوزاد", "ناتوان", "نابینا", "ناشنوا", "صغیر",
)
# «پدر بزرگم», «مادر بزرگم»: grandparents, not the father or the mother.
GRANDPARENT_ADJECTIVE = "بزرگ"
# How a writer says he is among a late person's heirs («یکی از وراث», «ما ۴ نفر وارث هستیم»): then the late
# person's file is the matter.
HEIR_WORDS: tuple[str, ...] = ("وراث", "ورثه", "وارث")

__all__ = ["GRANDPARENT_ADJECTIVE", "HEIR_WORDS", "KIN_ADJECTIVES", "KIN_NOUNS"]
