"""Persian written in Latin letters («Finglish»: «yarane man variz nashode»), as phones without a Persian keyboard
send it, read back into Persian words, so that a topic's phrases and a text's Persian paraphrase can meet it.

How: Persian writes the consonants and long vowels, Finglish writes the consonants and any vowels, each in its
own spelling (س، ص، ث are all «s»; «kh», «x» are both «خ»). Both sides are reduced to a consonant skeleton
(`latin_skeleton`, `persian_skeletons`: the letters that sound alike folded to one, vowels dropped; «و» and «ی»
are either), and a Latin word is read as the commonest Persian word of the labelled examples with its skeleton
(`Lexicon`). Words too short to say anything (one consonant) and skeletons no example has are left as they are.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from core.examples import labelled_examples
from core.text import fold_token

# The words citizens write, in their spellings: the default catalog's labelled examples (`examples` in
# core/data/topics.toml; a test holds the two together).
EXAMPLES = Path(__file__).resolve().parent / "data" / "topic_examples.tsv"

# Persian letter → its sound class; "" for what Finglish may write as a vowel or not at all.
_PERSIAN = {
    "ا": "", "آ": "", "ء": "", "أ": "", "إ": "", "ئ": "", "ؤ": "", "ع": "",
    "ب": "b", "پ": "p", "ت": "t", "ط": "t", "ث": "s", "س": "s", "ص": "s", "ج": "j", "چ": "c", "ح": "h", "ه": "h",
    "خ": "x", "د": "d", "ذ": "z", "ز": "z", "ض": "z", "ظ": "z", "ر": "r", "ژ": "J", "ش": "S", "غ": "q", "ق": "q",
    "ف": "f", "ک": "k", "گ": "g", "ل": "l", "م": "m", "ن": "n",
}
# Letters written both as a consonant and as a vowel: «و» (v, or the vowel of «خونه»), «ی» (y, or «ماشین»'s i).
_EITHER = {"و": "v", "ی": "y"}
# Latin spellings → sound class, longest first; vowels drop.
_LATIN = [("kh", "x"), ("sh", "S"), ("ch", "c"), ("gh", "q"), ("zh", "J"), ("ph", "f"), ("x", "x"), ("q", "q"),
          ("c", "k"), ("w", "v")]
_LATIN_RE = re.compile("|".join(re.escape(s) for s, _ in _LATIN) + "|[aeiou]|[a-z]")
_LATIN_MAP = dict(_LATIN) | {v: "" for v in "aeiou"}
_LATIN_WORD = re.compile(r"^[a-z]+$")
_PERSIAN_WORD = re.compile(r"^[\u0621-\u06cc]+$")
# Beyond this many «و»/«ی»/final «ه» a word's readings are not all listed (two of them are: all consonants,
# all vowels).
_MAX_EITHER = 5


def _collapse(skeleton: str) -> str:
    """Doubled letters once: Persian writes «تشدید» as one letter, Finglish often twice («tavallod»)."""
    return re.sub(r"(.)\1+", r"\1", skeleton)


def latin_skeleton(word: str) -> str:
    """«kheyaboon» → «xybn»."""
    return _collapse("".join(_LATIN_MAP.get(m, m) for m in _LATIN_RE.findall(word.lower())))


def persian_skeletons(word: str) -> set[str]:
    """Every skeleton a Persian word may be written with in Latin letters: «خیابون» → {«xybn», «xbn», «xybvn», …}."""
    parts: list[tuple[str, ...]] = []
    for i, letter in enumerate(word):
        if letter in _EITHER:
            parts.append((_EITHER[letter], ""))
        elif letter == "ه" and i == len(word) - 1 and i > 0:
            parts.append(("h", ""))  # a final «ه» is mostly the vowel e («خونه»)
        else:
            parts.append((_PERSIAN.get(letter, ""),))
    either = sum(len(p) > 1 for p in parts)
    if either > _MAX_EITHER:
        readings = [tuple(p[0] for p in parts), tuple(p[-1] for p in parts)]
    else:
        readings = itertools.product(*parts)
    return {_collapse("".join(r)) for r in readings}


# Words of one consonant say too little to be read by their skeleton («ma», «be», «az»), but these few carry a
# matter: read as themselves.
SHORT_WORDS = {"ab": "آب", "aab": "آب", "nan": "نان", "noon": "نون", "naan": "نان"}


def _vowels_fit(latin: str, word: str) -> bool:
    """Whether the long vowels Persian writes in `word` are in the Latin spelling: «مالیات» is no «mellat», whose
    vowels Persian leaves unwritten (ملت). A word's first alef carries any vowel («emrooz»: امروز); the «و» of «خوا»
    is not said («darkhast»: درخواست)."""
    word = word.replace("خوا", "خا")
    body = word[1:] if word[:1] in "اآ" else word
    return (("ا" not in body and "آ" not in body) or "a" in latin) and (
        "ی" not in word or any(v in latin for v in ("i", "y", "ee", "ei"))) and (
        "و" not in word or any(v in latin for v in ("o", "u", "v", "w")))


# Latin spellings of a long vowel that Persian writes: «ee» and «i» an «ی» (not in «ei», «ey»: a diphthong written so
# too), «oo» and «u» a «و».
_LONG_I = re.compile(r"ee|(?<![ae])i")
_LONG_U = re.compile(r"oo|u")


def _long_vowels_written(latin: str, word: str) -> bool:
    """Whether `word` writes the long vowels the Latin spelling says: the converse of `_vowels_fit`."""
    return ("ی" in word or not _LONG_I.search(latin)) and ("و" in word or not _LONG_U.search(latin))


class Lexicon:
    """Persian words by skeleton, each with how often the examples use it."""

    def __init__(self, words: Counter[str]):
        by_skeleton: dict[str, list[tuple[int, str]]] = {}
        for word, count in words.items():
            for skeleton in persian_skeletons(word):
                by_skeleton.setdefault(skeleton, []).append((count, word))
        # commonest first; a few per skeleton are enough to find one whose vowels fit
        self._by_skeleton = {k: [w for _, w in sorted(v, reverse=True)[:8]] for k, v in by_skeleton.items()}

    def persian(self, latin: str) -> str | None:
        """The Persian word a Latin-letter word spells, or None (too short, or no word of the examples has its
        skeleton)."""
        if not _LATIN_WORD.match(latin):
            return None
        if latin in SHORT_WORDS:
            return SHORT_WORDS[latin]
        skeleton = latin_skeleton(latin)
        if len(skeleton) < 2:
            return None
        found = self._by_skeleton.get(skeleton)
        if not found:
            return None
        fitting = [word for word in found if _vowels_fit(latin, word)]
        # …and of those, one that writes the long vowels the Latin spells («zaeefe» is «ضعیفه», not the commoner
        # «اضافه» of the same skeleton)
        return next((word for word in fitting if _long_vowels_written(latin, word)),
                    fitting[0] if fitting else found[0])


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon of the topics' labelled examples (the words citizens write, in their spellings)."""
    words: Counter[str] = Counter()
    for text, _ in labelled_examples(EXAMPLES):
        for word in map(fold_token, text.split()):  # folded as `match_segments` folds
            if _PERSIAN_WORD.match(word):
                words[word] += 1
    return Lexicon(words)


__all__ = ["SHORT_WORDS", "Lexicon", "latin_skeleton", "lexicon", "persian_skeletons"]
