"""Persian number words, as written and as said: one table for every reader of numbers in words (the voice
channel's spoken codes, a spoken message's street number in the deduplicator).

Colloquial forms sit beside the written ones («چار», «هف», «بیس», «پونصد»): a speech recognizer's transcript
writes what was said. Values only; which places a word fills is the voice parser's business.
"""

from __future__ import annotations

UNITS = {
    "یک": 1, "یه": 1, "یکی": 1,
    "دو": 2,
    "سه": 3,
    "چهار": 4, "چار": 4,
    "پنج": 5,
    "شش": 6, "شیش": 6,
    "هفت": 7, "هف": 7,  # the final «ت» dropped, as said
    "هشت": 8, "هش": 8,
    "نه": 9, "نُه": 9,
}
TEENS = {
    "ده": 10,
    "یازده": 11,
    "دوازده": 12, "دوازه": 12,  # the «د» before the final «ه» dropped, as said
    "سیزده": 13, "سیزه": 13,
    "چهارده": 14, "چارده": 14,
    "پانزده": 15, "پونزده": 15, "پونزه": 15,
    "شانزده": 16, "شونزده": 16, "شونزه": 16,
    "هفده": 17, "هیفده": 17,
    "هجده": 18, "هیجده": 18, "هژده": 18, "هیژده": 18,
    "نوزده": 19, "نوزه": 19,
}
TENS = {
    "بیست": 20, "بیس": 20,
    "سی": 30,
    "چهل": 40, "چل": 40,
    "پنجاه": 50, "پنجا": 50,  # the final «ه» dropped, as said
    "شصت": 60, "شیصت": 60,
    "هفتاد": 70,
    "هشتاد": 80,
    "نود": 90,
}
HUNDREDS = {
    "صد": 100, "یکصد": 100,
    "دویست": 200, "دویس": 200,
    "سیصد": 300,
    "چهارصد": 400, "چارصد": 400,
    "پانصد": 500, "پونصد": 500,
    "ششصد": 600, "شیشصد": 600, "شیصد": 600,
    "هفتصد": 700, "هفصد": 700,
    "هشتصد": 800, "هشصد": 800,
    "نهصد": 900,
}
ZERO = {"صفر": 0}
THOUSAND = {"هزار": 1000}

# «یه» and «یکی» are also the article «a» and «one of» («یه چاله», «یکی از همسایه‌ها»): a number only where a
# number is expected, as in a code being read out.
ARTICLES = frozenset({"یه", "یکی"})

# One to 999 in words, without the article-like forms: what a number in running text may be written as.
NUMBER_WORDS = {word: value for table in (UNITS, TEENS, TENS, HUNDREDS) for word, value in table.items()
                if word not in ARTICLES}
