"""Persian written in Latin letters, read back into Persian words."""

import tomllib
from collections import Counter

import pytest

from core.finglish import EXAMPLES, Lexicon, latin_skeleton, lexicon, persian_skeletons
from core.text import match_segments, written_segments
from tests.core.test_dedup import same
from tests.core.test_topics import CATALOG


@pytest.mark.parametrize(("latin", "persian"), [
    ("kheyaboon", "خیابون"), ("variz", "واریز"), ("nashode", "نشده"), ("hoghugh", "حقوق"), ("ghabz", "قبض"),
    ("sabtenam", "ثبتنام"), ("mashin", "ماشین"), ("tahvil", "تحویل"), ("asfalt", "اسفالت"),
])
def test_a_latin_spelling_shares_a_skeleton_with_its_persian_word(latin, persian):
    assert latin_skeleton(latin) in persian_skeletons(persian)


def test_sounds_spelt_alike_fold_together():
    assert persian_skeletons("ثبت") & persian_skeletons("سبت")  # ث and س are one «s»
    assert latin_skeleton("xarab") == latin_skeleton("kharab")


def test_the_lexicon_reads_a_word_as_the_commonest_persian_word_with_its_skeleton():
    words = Lexicon(Counter({"نشده": 10, "نشد": 3, "ناشده": 1, "من": 50}))
    assert words.persian("nashode") == "نشده"
    assert words.persian("nashod") == "نشده"  # «نشد» spells it too: the commoner is taken
    assert words.persian("man") == "من"
    assert words.persian("a") is None  # one consonant at most says nothing
    assert words.persian("zzzqqq") is None  # no word has it
    assert words.persian("خونه") is None  # not Latin
    assert words.persian("ab") == "آب"  # one consonant, but the matter itself (`SHORT_WORDS`)


def test_of_words_with_one_skeleton_the_commonest_whose_written_vowels_are_spelt():
    words = Lexicon(Counter({"مالیات": 20, "ملت": 5, "درخواست": 9, "درخاست": 1}))
    assert words.persian("mellat") == "ملت"  # «مالیات» writes an «ا» and a «ی» that «mellat» does not spell
    assert words.persian("maliat") == "مالیات"
    assert words.persian("darkhast") == "درخواست"  # the «و» of «خوا» is not said


def test_of_words_with_one_skeleton_one_that_writes_the_long_vowels_the_latin_spells():
    words = Lexicon(Counter({"اضافه": 20, "ضعیفه": 3, "جاده": 9, "جدید": 4}))
    assert words.persian("zaeefe") == "ضعیفه"  # «ee» is an «ی», which «اضافه» does not write
    assert words.persian("ezafe") == "اضافه"
    assert words.persian("jadid") == "جدید"
    assert words.persian("jade") == "جاده"


def test_a_latin_sentence_is_read_again_as_persian_and_a_persian_one_naming_adsl_is_not():
    segments = match_segments("yaraneye man variz nashode")
    assert len(segments) == 2 and "واریز" in segments[1] and "variz" in segments[0]
    assert written_segments("yaraneye man variz nashode") == segments[:1]
    assert len(match_segments("اینترنت ADSL خونه ما قطع شده")) == 1


def test_the_lexicon_is_read_from_the_default_catalogs_examples():
    toml = tomllib.loads((EXAMPLES.parent / "topics.toml").read_text("utf-8"))
    assert EXAMPLES.name == toml["examples"]


def test_the_examples_lexicon_reads_common_words():
    words = lexicon()
    assert [words.persian(w) for w in ("yarane", "ghabz", "variz", "nashode")] == ["یارانه", "قبض", "واریز", "نشده"]
    assert [words.persian(w) for w in ("mellat", "ranesh")] == ["ملت", "رانش"]  # not «مالیات», «یارانش»


@pytest.mark.parametrize(("text", "topic"), [
    ("yaraneye man 2 mahe variz nashode", "subsidy"),
    ("ghabze ab in mah kheyli ziad oomade", "water_bill"),
    ("gaz khooneye ma 3 rooze ghat shode", "gas_outage"),
    ("salam ab khoone ma az 2 rooz pish ghat ast", "water_outage"),
    ("9 mahe az moede tahvile mashinamoon gozashte, khesarate takhire tahvil ham nemidan", "car_delivery"),
])
def test_a_latin_letter_message_gets_its_topic(text, topic):
    assert CATALOG.classify(text).topic == topic


def test_a_latin_letter_sms_repeats_the_matter_of_a_persian_letter():
    assert same("yaraneye man 2 mahe variz nashode", "با سلام و احترام یارانه نقدی اینجانب دو ماه است واریز نشده است")
    assert not same("ghabze ab in mah kheyli ziad oomade", "آب خانه ما سه روز است قطع است")
