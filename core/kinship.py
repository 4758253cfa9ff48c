"""How citizens name a relative, in every channel: kin nouns and the adjectives that may stand between a
noun and its «my» («پسر بزرگم», «مادر پیرم», «همسر مرحومم»); and how they name whose code is not theirs nor a
relative's they write for: a late person's, another party's. Each channel builds its own patterns from these
(an SMS's possessive forms, a letter's OCR-tolerant marks); the words themselves are kept once, here."""

from __future__ import annotations

from core.model import Relation

KIN_NOUNS: dict[str, Relation] = {
    "فرزند": Relation.CHILD, "پسر": Relation.CHILD, "دختر": Relation.CHILD, "همسر": Relation.SPOUSE,
    "شوهر": Relation.SPOUSE, "پدر": Relation.FATHER, "مادر": Relation.MOTHER, "والده": Relation.MOTHER,
    "برادر": Relation.SIBLING,
    "خواهر": Relation.SIBLING, "نوه": Relation.OTHER, "عروس": Relation.OTHER, "داماد": Relation.OTHER,
    "برادرزاده": Relation.OTHER, "خواهرزاده": Relation.OTHER,
    "مادربزرگ": Relation.OTHER, "پدربزرگ": Relation.OTHER,  # written as one word («کد ملی مادربزرگم:»)
}
# Kin as people say them at home («یارانه بابام», «خونه داداشم»), beside the nouns a letter writes. («خانمم», my
# wife, is kin only with its «my»: «خانم رضایی» is a woman; each channel adds it where it reads «my».)
SPOKEN_KIN_NOUNS: dict[str, Relation] = {
    "بابا": Relation.FATHER, "مامان": Relation.MOTHER, "داداش": Relation.SIBLING, "ابجی": Relation.SIBLING,
    "آبجی": Relation.SIBLING,
    # Kurdish and Lori «mother» and «father», written in Persian letters («خونه دالگ و بوام», «دایکم پیره»)
    "دایک": Relation.MOTHER, "دالگ": Relation.MOTHER, "دالک": Relation.MOTHER, "باوک": Relation.FATHER,
    "باوگ": Relation.FATHER,  # (Kalhori and Laki, as «دالگ» beside «دالک»)
    "بوا": Relation.FATHER, "بووا": Relation.FATHER,  # (Bushehri «بووام», my father)
    "برار": Relation.SIBLING, "بیادر": Relation.SIBLING,  # Mazani, Gilaki and Khorasani «برار»; Dari «بیادر»
}
# Kin in Khuzestani Arabic, the noun with its «ی» of «my» («ولدی», my son; «ابوی», my father, also old Tehrani), as
# SMS and letters from the south write them.
ARABIC_KIN: dict[str, Relation] = {
    "ولدی": Relation.CHILD, "بنتی": Relation.CHILD, "ابوی": Relation.FATHER, "اخوی": Relation.SIBLING,
    "مرتی": Relation.SPOUSE, "یمه": Relation.MOTHER, "عمی": Relation.OTHER, "حبوبتی": Relation.OTHER,
}
# «بنده خدا» (a poor soul: someone the writer tells about), not «بنده» (I): what follows «بنده» in it.
POOR_SOUL_AFTER_BANDEH = r"\s*\u200c?(?:ی\s*)?خدا"
KIN_ADJECTIVES: tuple[str, ...] = (
    "بزرگ", "کوچک", "کوچیک", "بزرگتر", "کوچکتر", "معلول", "بیمار", "مریض", "پیر", "مسن", "سالمند", "مرحوم",
    "خدابیامرز", "عزیز", "جانباز", "دانشجو", "سرباز", "نوزاد", "ناتوان", "نابینا", "ناشنوا", "صغیر",
)
# «پدر مرحومم», «شوهر خدابیامرزم»: a late relative.
LATE_ADJECTIVES: tuple[str, ...] = ("مرحوم", "خدابیامرز")
# «پدر بزرگم», «مادر بزرگم»: grandparents, not the father or the mother.
GRANDPARENT_ADJECTIVE = "بزرگ"
# How a writer says he is among a late person's heirs («یکی از وراث», «ما ۴ نفر وارث هستیم»): then the late
# person's file is the matter.
HEIR_WORDS: tuple[str, ...] = ("وراث", "ورثه", "وارث")
# Before a name or a code, a late person («مرحوم …», «کد ملی متوفی …»).
LATE_WORDS: tuple[str, ...] = ("مرحوم", "متوفی", "متوفا", "شادروان", "فقید")
# Roles that label another party's code in the writer's matter («کد ملی ضامن …», «کد ملی فروشنده …»): never the
# writer's, never whom the matter is about (not «خریدار»: the buyer of a car or a flat is often the writer). A space
# stands for any spacing (`alternation`).
OTHER_PARTY_ROLES: tuple[str, ...] = (
    "وام گیرنده", "ضامن", "کفیل", "فروشنده", "مستاجر", "مستأجر", "موجر", "صاحبخانه", "صاحب خانه",
    "صاحب خونه",
    "کارفرما", "همکار", "طرف مقابل", "بدهکار", "همسایه", "شاهد", "مشتکی عنه",
)


def alternation(words: tuple[str, ...]) -> str:
    """A regular-expression alternation of the words (no group), a space in a word matching any spacing."""
    return "|".join(w.replace(" ", r"\s*\u200c?") for w in words)


__all__ = ["ARABIC_KIN", "GRANDPARENT_ADJECTIVE", "HEIR_WORDS", "KIN_ADJECTIVES", "KIN_NOUNS", "LATE_ADJECTIVES", "LATE_WORDS", "OTHER_PARTY_ROLES",
           "POOR_SOUL_AFTER_BANDEH", "SPOKEN_KIN_NOUNS", "alternation"]
