"""Persian text normalization shared by every channel.

Folds the Arabic code points that Persian keyboards, old phones and OCR produce into the Persian ones,
turns Persian (۰-۹) and Arabic-Indic (٠-٩) digits into ASCII, removes tatweel and diacritics, and keeps
the zero-width non-joiner (ZWNJ, U+200C) only where it separates two letters inside a word.
"""

from __future__ import annotations

import re
import unicodedata

ZWNJ = "\u200c"

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")

_LETTERS = str.maketrans(
    {
        "ي": "ی",  # Arabic yeh
        "ى": "ی",  # alef maksura
        "ئ": "ی",
        "ك": "ک",  # Arabic kaf
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
        "\u00a0": " ",  # no-break space
        "،": "،",
    }
)

# Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks: "stray diacritics".
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_ZWNJ_RUN = re.compile(ZWNJ + "+")
# A ZWNJ that touches a space, a line end, a text end, or a non-letter is meaningless: drop it.
_ZWNJ_EDGE = re.compile(rf"(?:(?<=[\s\W\d])|^){ZWNJ}|{ZWNJ}(?=[\s\W\d]|$)")


def fold_digits(text: str) -> str:
    """Persian and Arabic-Indic digits to ASCII; everything else untouched."""
    return text.translate(_DIGITS)


def normalize(text: str) -> str:
    """The canonical form of Persian text that Dargah stores and compares.

    NFKC first (folds Arabic presentation forms that some OCR and old phones emit), then the Persian
    letter and digit folds, diacritics and tatweel removed, ZWNJ kept only between letters, spaces collapsed.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_LETTERS).translate(_DIGITS)
    text = _DIACRITICS.sub("", text)
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


def stem(word: str) -> str:
    """A light, conservative Persian stem: strips one common plural/possessive/comparative suffix."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word
