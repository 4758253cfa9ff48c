"""Persian text normalization shared by every channel.

Folds the Arabic code points that Persian keyboards, old phones and OCR produce into the Persian ones,
turns Persian (۰-۹), Arabic-Indic (٠-٩) and any other Unicode digits into ASCII, removes tatweel,
diacritics and invisible format characters, and keeps the zero-width non-joiner (ZWNJ, U+200C) only where
it separates two letters inside a word.

`match_segments`/`match_tokens` go further for matching only (topics, dedup): ZWNJ, space or nothing
before an affix read the same, «آ» = «ا», detached affixes are glued back on.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ZWNJ = "\u200c"

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")

_LETTERS = str.maketrans(
    {
        "ي": "ی",  # Arabic yeh
        "ى": "ی",  # alef maksura
        "ئ": "ی",
        "ك": "ک",  # Arabic kaf
        "ڪ": "ک",  # swash kaf (Urdu/Sindhi keyboards)
        "ې": "ی", "ۍ": "ی", "ێ": "ی",  # yeh variants from Pashto/Kurdish keyboards
        "ۆ": "و", "ڕ": "ر", "ڵ": "ل",  # Sorani Kurdish «o», trilled «r», velar «l» («پاسپۆرت», «کاره‌بای … ده‌بڕێت»)
        "ھ": "ه", "ہ": "ه", "ە": "ه",  # heh variants (Urdu keyboards, OCR)
        "ۀ": "ه",
        "ة": "ه",
        "ؤ": "و",
        "إ": "ا",
        "أ": "ا",
        "ٱ": "ا",
        "ـ": None,  # tatweel (kashida)
        "\u200d": None,  # zero-width joiner
        "\u200e": None,  # LRM
        "\u200f": None,  # RLM
        "\u202a": None, "\u202b": None, "\u202c": None, "\u202d": None, "\u202e": None,
        "\ufeff": None,  # BOM / zero-width no-break space
        "\u00ad": None,  # soft hyphen
        "\u200b": ZWNJ,  # zero-width space: typed by some keyboards where a ZWNJ is meant
        "\u2028": "\n", "\u2029": "\n", "\x85": "\n",  # Unicode line/paragraph separators
        "\u00a0": " ",  # no-break space
        # Latin letters a case-blind regex takes for ASCII ones (Azeri Latin «atamın»): folded, so that a match's text
        # is its pattern's («atamin») and a lookup by it finds it
        "ı": "i", "İ": "I", "ſ": "s", "\u212a": "K",
    }
)

# One pass of regex substitution is much faster than str.translate on non-ASCII text: the regex engine skips
# the (usual) characters that need nothing. Letters, format characters, digits and diacritics in one class.
_CHAR_MAP = {chr(k): (v or "") for k, v in _LETTERS.items()} | {chr(k): chr(v) for k, v in _DIGITS.items()}
# Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks: "stray diacritics".
_DIACRITIC_RANGES = "\u064b-\u065f\u0670\u06d6-\u06ed"
_FOLDABLE = re.compile("[" + "".join(re.escape(c) for c in _CHAR_MAP) + _DIACRITIC_RANGES + "]")


def _fold_one(m: re.Match) -> str:
    return _CHAR_MAP.get(m.group(), "")


_SPACES = re.compile(r"[ \t\r\f\v]{2,}|[\t\r\f\v]")  # only runs that change
_BLANK_LINES = re.compile(r"\n\s*\n+")
_ZWNJ_RUN = re.compile(ZWNJ + "+")
# A ZWNJ that touches a space, a line end, a text end, or a non-letter is meaningless: drop it.
_ZWNJ_EDGE = re.compile(rf"(?:(?<=[\s\W\d])|^){ZWNJ}|{ZWNJ}(?=[\s\W\d]|$)")


def fold_digits(text: str) -> str:
    """Persian and Arabic-Indic digits to ASCII; everything else untouched."""
    return text.translate(_DIGITS)


# Any other Unicode decimal digit (Devanagari, fullwidth left over, …) that NFKC does not fold.
_OTHER_DIGITS = re.compile(r"[^\W0-9a-zA-Z_\u0600-\u06ff\u200c]")


def _fold_other_digits(text: str) -> str:
    def one(m: re.Match) -> str:
        ch = m.group()
        value = unicodedata.decimal(ch, None)
        return ch if value is None else str(value)

    return _OTHER_DIGITS.sub(one, text)


def _fold_chars(text: str) -> str:
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKC", text)
    text = _FOLDABLE.sub(_fold_one, text)
    return _fold_other_digits(text)


# Texts `normalize` returned lately. A submission's text is normalized at intake and then again by the
# classifier, the facet matcher and the deduplicator; normalize is idempotent, so those calls can give the
# text back at the cost of a dict look-up instead of re-checking it (about 5 µs each). Bounded in entries
# and in the length of what is kept.
_NORMALIZED: dict[str, None] = {}
_NORMALIZED_MAX = 2048
_NORMALIZED_MAX_CHARS = 4096


def normalize(text: str) -> str:
    """The canonical form of Persian text that Dargah stores and compares.

    NFKC first (folds Arabic presentation forms that some OCR and old phones emit), then the Persian
    letter and digit folds, diacritics and tatweel removed, ZWNJ kept only between letters, spaces collapsed.
    """
    if not text:
        return ""
    if text in _NORMALIZED:
        return text
    text = _normalize(text)
    _remember(_NORMALIZED, _NORMALIZED_MAX, text, None)
    return text


def _remember(cache: dict, limit: int, text: str, value) -> None:
    """Keep `value` for `text` in a bounded cache (emptied when full), unless the text is too long to be worth it."""
    if len(text) <= _NORMALIZED_MAX_CHARS:
        if len(cache) >= limit:
            cache.clear()
        cache[text] = value


def _normalize(text: str) -> str:
    # Removing a format character or a diacritic can leave a pair that NFKC composes (or NFKC can emit
    # a diacritic): fold until stable, so that normalize is idempotent. One or two rounds in practice.
    text = _fold_chars(text)
    for _ in range(3):
        if unicodedata.is_normalized("NFKC", text) and not _FOLDABLE.search(text):
            break
        text = _fold_chars(text)
    if ZWNJ in text:
        text = _ZWNJ_RUN.sub(ZWNJ, text)
        text = _ZWNJ_EDGE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


_WORD = re.compile(r"[\w\u200c]+", re.UNICODE)
# Verb and plural affixes Persian writes either joined with ZWNJ, with a space, or glued on.
_PREFIXES = ("نمی", "می")
_SUFFIXES = ("هایمان", "هایشان", "هایتان", "هایم", "هایت", "هایش", "های", "ها", "ترین", "تر", "ام", "ای", "یم", "ید", "ند")


def words(text: str) -> list[str]:
    """Words of normalized text for matching: ZWNJ joins a word's parts, «می» + space joins the verb."""
    text = normalize(text)
    tokens = [t.replace(ZWNJ, "") for t in _WORD.findall(text)]
    joined: list[str] = []
    skip = False
    for i, token in enumerate(tokens):
        if skip:
            skip = False
            continue
        if token in _PREFIXES and i + 1 < len(tokens):
            joined.append(token + tokens[i + 1])
            skip = True
        else:
            joined.append(token)
    return joined


# Memoized: the word model stems every word of every text it ranks, fifteen suffix tests a word, and citizens'
# words repeat (measured: the model's ranking of a short text 30 → 21 µs).
@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A light, conservative Persian stem: strips one common plural/possessive/comparative suffix."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


# ---- Matching keys (topics, dedup) ---------------------------------------------------------------------
# Citizens write one word many ways: «بی‌آبی», «بی آبی», «بیابی»; «یارانه‌ام», «یارانه ام», «یارانهام»;
# «آب» and «اب» (no madda on many phone keyboards). Matching folds all of these to one token.

# Sentence ends: a topic phrase's words must meet inside one sentence (commas do not break it).
_SEGMENT_BREAK = re.compile(r"[.!?؟؛;\n]+")
# Single letters joined by dots are one abbreviation, not sentences: «ت.گ» (the caller, in an operator's
# note), «ش.م», «ج.ا.ا». Read apart, a stranded letter would be glued to the next word as OCR splits are
# («ت.گ از …» is not «گاز»).
_DOTTED_LETTERS = re.compile(r"(?<![\w.])[^\W\d_](?:\.[^\W\d_])+(?![\w])")
# A web address's dots part words of one sentence: «es.tamin.ir», «my.gov.ir» (its name is what a citizen means).
_WEB_ADDRESS = re.compile(r"(?<![\w.])(?:www\.)?[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*\.(?:ir|com|org|net)(?![\w])",
                          re.IGNORECASE)
# Affixes written detached (space instead of ZWNJ) that belong to the neighbouring word.
_GLUE_TO_NEXT = frozenset({"می", "نمی", "بی"})
_GLUE_TO_PREVIOUS = frozenset({
    "ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "هامون", "هاتون", "هاشون",
    "ای", "ام", "اش", "ات", "ایم", "اید", "اند", "مان", "تان", "شان", "مون", "تون", "شون", "تر", "ترین",
})
# A lone «ی» is a detached ezafe or indefinite marker («یارانه ی ما»): it carries nothing; nor does the ezafe
# written after ZWNJ («مدرسه‌ی دولتی», «همسایه‌ی کناری»), which would otherwise make another word.
_DROP = frozenset({"ی"})
# Words said and texted without their final «ت» («برق نیس», «کسی خونه هس»): read as written in full.
_SPOKEN_FORMS = {"نیس": "نیست", "هس": "هست"}
_EZAFE_AFTER_H = re.compile("ه\u200cی(?![\\w\u200c])")


def _fold_marks(text: str) -> str:
    """No ZWNJ, no madda (آ→ا), no lone hamza: the same on a whole normalized text as on each of its words."""
    return text.replace(ZWNJ, "").replace("آ", "ا").replace("ء", "")


def fold_token(word: str) -> str:
    """One word of a normalized text folded for matching: `_fold_marks`, and Latin in lower case."""
    return _fold_marks(word).lower()


def fold_word(word: str) -> str:
    """A word as written in a data file (a catalog's, a stop list's) folded as the same word of a citizen's text
    is: normalized first («گازوئیل» is «گازوییل» in any text), then `fold_token`."""
    return fold_token(normalize(word))


# Texts already cut into segments (bounded): one contact's text is cut by the classifier, then again by the
# facets, places and word profile of each dedup comparison, and a candidate's text by every comparison.
_SEGMENTS: dict[str, tuple[tuple[str, ...], ...]] = {}
_SEGMENTS_MAX = 4096


def match_segments(text: str) -> tuple[tuple[str, ...], ...]:
    """Normalized text as sentences (split at . ! ? ؛ and line ends) of folded words, with detached
    affixes glued back on. Words are not stemmed; see `stem`."""
    found = _SEGMENTS.get(text)
    if found is None:
        found = _segments(text)
        _remember(_SEGMENTS, _SEGMENTS_MAX, text, found)
    return found


def written_segments(text: str) -> tuple[tuple[str, ...], ...]:
    """`match_segments` without the Latin-letter sentences read again as Persian: the words as written (what a
    model learns from: a reading's mistakes must not become a Persian word's evidence). Not cached."""
    return _segments(text, read_latin=False)


def _segments(text: str, read_latin: bool = True) -> tuple[tuple[str, ...], ...]:
    out: list[tuple[str, ...]] = []
    # The marks are folded on the whole text at once (normalize leaves ZWNJ only between letters); lower case
    # per word, as fold_token does (lowering a whole text can split a word: «İ» becomes two characters).
    folded = _fold_marks(_EZAFE_AFTER_H.sub("ه", normalize(text)))
    if "." in folded:
        folded = _DOTTED_LETTERS.sub(lambda m: m.group(0).replace(".", ""), folded)
        folded = _WEB_ADDRESS.sub(lambda m: m.group(0).replace(".", " "), folded)
    for clause in _SEGMENT_BREAK.split(folded):
        raw = [t.lower() for t in _WORD.findall(clause)]
        tokens: list[str] = []
        glue_next = False
        for token in raw:
            if not token or token in _DROP:
                continue
            token = _SPOKEN_FORMS.get(token, token)
            if glue_next:
                tokens[-1] += token
                glue_next = False
                continue
            if token in _GLUE_TO_PREVIOUS and tokens and not tokens[-1].isdigit():
                tokens[-1] += token
            elif token in _GLUE_TO_NEXT:
                tokens.append(token)
                glue_next = True
            else:
                tokens.append(token)
        if tokens:
            out.append(tuple(tokens))
            if read_latin and _LATIN.search(clause) and _mostly_latin(tokens):
                # A sentence in Latin letters (not a Persian one naming «UPS» or «ISP»): again, read as Persian
                read = _read_finglish(tokens, clause)
                if read != tokens:
                    out.append(tuple(read))
    return tuple(out)


_LATIN = re.compile("[a-zA-Z]")


def _mostly_latin(tokens: list[str]) -> bool:
    """At least half the words are in Latin letters."""
    return 2 * sum(t.isascii() and t.isalpha() for t in tokens) >= len(tokens)


def _read_finglish(tokens: list[str], clause: str) -> list[str]:
    """The words of a sentence with those written in Latin letters read as the Persian words they spell
    (`core.finglish`), folded as any Persian word is; the rest, and acronyms («ADSL», «FTTH»), as they are."""
    from core.finglish import lexicon  # it reads its words through this module

    words = lexicon()
    acronyms = {w.lower() for w in _WORD.findall(clause) if w.isascii() and w.isupper()}
    return [t if t in acronyms else fold_token(words.persian(t) or t) for t in tokens]


def match_tokens(text: str) -> list[str]:
    """All words of `match_segments` in order, each stemmed."""
    return [stem(t) for seg in match_segments(text) for t in seg]
