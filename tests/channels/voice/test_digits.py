"""Persian spoken numbers → digits, as ASR writes them (table)."""

from __future__ import annotations

import pytest

from channels.voice.digits import GRAMMAR_WORDS, parse_digits

CASES = [
    ("digit-by-digit", "صفر صفر یک دو سه چهار پنج شش هفت نه", "0012345679"),
    ("colloquial-shish-ye-char", "صفر صفر یه دو سه چار پنج شیش هفت نه", "0012345679"),
    ("grouped-hundreds", "سیصد و چهل", "340"),
    ("grouped-full", "سیصد و چهل و پنج", "345"),
    ("grouped-no-joiner", "سیصد چهل پنج", "345"),
    ("thousands", "دو هزار", "2000"),
    ("thousands-and", "دو هزار و سیصد و دوازده", "2312"),
    ("bare-thousand", "هزار و یک", "1001"),
    ("teens", "یازده دوازده نوزده", "111219"),
    ("colloquial-teens", "پونزده شونزده هیجده", "151618"),
    ("tens-then-units", "بیست و سه", "23"),
    ("units-do-not-join", "سه چهار", "34"),
    ("tens-do-not-join", "بیست سی", "2030"),
    ("zero-breaks-group", "بیست صفر", "200"),
    ("mixed-with-digits", "۰۰۱ دو سه ٤ 5 شش", "0012345 6".replace(" ", "")),
    ("fillers", "اِ خب یعنی صفر اِم صفر ببخشید یک", "001"),
    ("unk-token", "صفر [unk] یک", "01"),
    ("nine-with-diacritic", "نُه", "9"),
    ("zwnj-hundreds", "سی‌صد", "300"),
    ("arabic-yeh", "يك دو", "12"),
    ("colloquial-hundreds", "پونصد و شیش", "506"),
    ("mixed-groups-code", "صفر صفر دوازده سیصد و چهل و پنج شصت و هفت نه", "0012345679"),
    ("repeat-two-zeros", "دو تا صفر یک دو سه چهار پنج شش هفت نه", "0012345679"),
    ("repeat-three-zeros", "سه تا صفر یک دو", "00012"),
    ("repeat-a-figure", "دو تا ۵ یک", "551"),
    ("repeat-in-the-middle", "صفر صفر یک دو تا سه", "00133"),
    ("ta-without-a-digit-after", "یک دو سه تا", "123"),
    ("empty", "", ""),
]


@pytest.mark.parametrize("said, digits", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_parse_digits(said, digits):
    assert parse_digits(said).digits == digits


def test_unknown_words_are_reported_not_guessed():
    parsed = parse_digits("صفر سلام یک")
    assert parsed.digits == "01" and parsed.unknown == ("سلام",)


def test_grammar_has_every_colloquial_form():
    for word in ("شیش", "شش", "یه", "یک", "چار", "چهار", "صفر", "هزار", "و", "سیصد", "تا"):
        assert word in GRAMMAR_WORDS
    assert "[unk]" not in GRAMMAR_WORDS
