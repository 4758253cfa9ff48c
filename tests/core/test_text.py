"""Persian text normalization: the folds every channel relies on, and the matching tokens."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import core.text as text_module
from core.text import ZWNJ, fold_digits, match_segments, match_tokens, normalize, stem, words

NORMALIZE_CASES = [
    ("arabic_yeh", "يارانه", "یارانه"),
    ("arabic_kaf", "كارت سوخت", "کارت سوخت"),
    ("alef_maksura", "مستمرى", "مستمری"),
    ("heh_goal_and_doachashmee", "ہمھ", "همه"),
    ("teh_marbuta", "اجازة", "اجازه"),
    ("persian_digits", "کد ۰۱۲۳۴۵۶۷۸۹", "کد 0123456789"),
    ("arabic_indic_digits", "٠١٢٣٤٥٦٧٨٩", "0123456789"),
    ("devanagari_digits", "४५", "45"),
    ("fullwidth_digits", "１２", "12"),
    ("tatweel", "یـــارانـه", "یارانه"),
    ("diacritics", "اَلسَّلامُ عَلَیْکُم", "السلام علیکم"),
    ("tanwin", "احتراماً", "احتراما"),
    ("presentation_forms", "ﻳﺎﺭﺍﻧﻪ", "یارانه"),
    ("zwnj_kept_inside_word", "می\u200cخواهم", "می\u200cخواهم"),
    ("zwnj_dropped_before_space", "یارانه\u200c ام", "یارانه ام"),
    ("zwnj_dropped_at_end", "یارانه\u200c", "یارانه"),
    ("zwnj_run_collapsed", "می\u200c\u200cخواهم", "می\u200cخواهم"),
    ("zero_width_space_as_zwnj", "می\u200bخواهم", "می\u200cخواهم"),
    ("zwj_and_bidi_marks_removed", "\u200fسلام\u200d\u202b", "سلام"),
    ("spaces_collapsed", "  آب   قطع\t است  ", "آب قطع است"),
    ("nbsp", "آب\u00a0قطع", "آب قطع"),
    ("blank_lines", "الف\n\n\n\nب", "الف\n\nب"),
    ("line_separator", "الف\u2028ب", "الف\nب"),
    ("hamza_forms", "مسئول أصلی إمام", "مسیول اصلی امام"),
    ("sorani_letters", "پاسپۆرتەکەم، کارەبا دەبڕێت، گوڵ", "پاسپورتهکهم، کارهبا دهبریت، گول"),
    ("empty", "", ""),
]


@pytest.mark.parametrize(("raw", "expected"), [c[1:] for c in NORMALIZE_CASES], ids=[c[0] for c in NORMALIZE_CASES])
def test_normalize(raw, expected):
    assert normalize(raw) == expected


def test_fold_digits_only_touches_digits():
    assert fold_digits("كد ۱۲٣") == "كد 123"


MATCH_CASES = [
    ("zwnj_space_glued_alike", ["بی‌آبی", "بی آبی", "بیآبی"], ["بیابی"]),
    ("madda_folded", ["آب", "اب"], ["اب"]),
    ("detached_possessive", ["یارانه‌ام", "یارانه ام", "یارانهام"], ["یارانه"]),
    ("detached_plural", ["قبض‌ها", "قبض ها", "قبضها"], ["قبض"]),
    ("mi_prefix", ["می‌دهند", "می دهند", "میدهند"], ["میده"]),
    ("lone_ezafe_dropped", ["یارانه ی ما"], ["یارانه", "ما"]),
    ("latin_lowercased", ["ADSL"], ["adsl"]),
]


@pytest.mark.parametrize(("variants", "expected"), [c[1:] for c in MATCH_CASES], ids=[c[0] for c in MATCH_CASES])
def test_match_tokens_fold_spelling_variants(variants, expected):
    for v in variants:
        assert match_tokens(v) == expected, v


def test_match_segments_drop_the_ezafe_written_after_zwnj():
    """«مدرسه‌ی دولتی» is the word «مدرسه», as «مدرسه ی دولتی» is (a lone «ی» carries nothing); «خانه‌ای» keeps
    its «ای» (the indefinite)."""
    assert match_segments("مدرسه‌ی دولتی پسرم") == (("مدرسه", "دولتی", "پسرم"),)
    assert match_segments("مدرسه ی دولتی") == (("مدرسه", "دولتی"),)
    assert match_segments("خانه‌ای اجاره کردم") == (("خانهای", "اجاره", "کردم"),)


def test_match_segments_split_sentences_not_commas():
    assert match_segments("آب قطع است. برق، هم") == (("اب", "قطع", "است"), ("برق", "هم"))


def test_a_web_address_is_words_of_its_sentence():
    assert match_segments("سامانه es.tamin.ir رو دیدم")[0] == ("سامانه", "es", "tamin", "ir", "رو", "دیدم")
    assert match_segments("سایت my.gov.ir. یارانه")[-1] == ("یارانه",)  # the full stop after it still ends one
    assert match_segments("salam.yaraneh")[0] == ("salam",)  # not an address


def test_words_keep_their_contract():
    assert words("می خواهم یارانه‌ام را") == ["میخواهم", "یارانهام", "را"]
    assert stem("قبضهای") == "قبض"
    assert stem("آب") == "آب"  # too short to strip anything


# ---- properties -------------------------------------------------------------------------------------------

_persianish = st.text(
    alphabet=st.sampled_from(
        list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكىئؤإأآةۀ ـ\u200c\u200b\u200d\u064b\u064e\u0650\u0651\n\t.،؟!")
        + list("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789")
    ),
    max_size=60,
)
_anything = st.text(max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_persianish, _anything))
def test_normalize_is_idempotent(text):
    # The folding itself, not normalize's memo of texts it returned (which relies on this property).
    once = text_module._normalize(text) if text else ""
    assert (text_module._normalize(once) if once else "") == once
    assert normalize(text) == once and normalize(once) == once


def test_normalize_memo_is_bounded():
    for i in range(text_module._NORMALIZED_MAX + 10):
        normalize(f"متن شماره {i}")
    assert len(text_module._NORMALIZED) <= text_module._NORMALIZED_MAX
    long_text = "ی" * (text_module._NORMALIZED_MAX_CHARS + 1)
    assert normalize(long_text) == long_text and long_text not in text_module._NORMALIZED
    assert normalize("يارانه") == "یارانه" and normalize("یارانه") == "یارانه"


@settings(max_examples=300, deadline=None)
@given(st.one_of(_persianish, _anything))
def test_normalize_leaves_no_arabic_yeh_kaf_or_foreign_digits(text):
    out = normalize(text)
    assert "ي" not in out and "ك" not in out and "ى" not in out
    assert not any(ch.isdecimal() and not ch.isascii() for ch in out)
    assert "\u0640" not in out  # tatweel
    assert not any(unicodedata.category(ch) == "Mn" and "\u064b" <= ch <= "\u065f" for ch in out)


@settings(max_examples=200, deadline=None)
@given(_persianish)
def test_zwnj_only_between_letters(text):
    out = normalize(text)
    for i, ch in enumerate(out):
        if ch == ZWNJ:
            assert 0 < i < len(out) - 1
            assert out[i - 1].isalpha() and out[i + 1].isalpha()


@settings(max_examples=200, deadline=None)
@given(_persianish)
def test_match_segments_are_folded(text):
    for segment in match_segments(text):
        assert segment
        for token in segment:
            assert token and "\u200c" not in token and "آ" not in token and " " not in token


def test_latin_letters_a_case_blind_match_takes_for_ascii_are_folded():
    """Azeri Latin «ı» (and «İ», «ſ», the Kelvin sign) match «i», «s», «k» in a case-blind regex: folded, a match's
    text is the word its pattern was written from, and a lookup by it finds it (an SMS once raised on «atamın»)."""
    assert normalize("atamın kodu İstanbul") == "atamin kodu Istanbul"
