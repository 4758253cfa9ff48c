"""Patterns written by hand are matched against normalized text (core.text.normalize), which writes the hamza
seats «ئ», «ؤ», «أ», «إ» as plain letters («مسئول» → «مسیول»): a word written only with its seat never matches
there. Every such word in the modules that read Persian text must also be written as normalized."""

import re
from pathlib import Path

import pytest

from core.text import normalize

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["core/topics.py", "core/dedup.py", "core/kinship.py", "core/identity.py", "channels/sms/normalize.py",
           "channels/letter/extract.py", "channels/voice/digits.py"]
# (not a set of letters: a character class, «[اأإ…]», or a frozenset of them)
_SEATED_WORD = re.compile(r"(?<![\u0600-\u06FF])(?<!\[)(?<!\[\^)(?<!frozenset\(\")[\u0600-\u06FF]*[ئؤأإ][\u0600-\u06FF]*")


@pytest.mark.parametrize("module", MODULES)
def test_words_with_a_hamza_seat_are_also_written_normalized(module):
    code = "\n".join(line for line in (ROOT / module).read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith("#"))
    missing = sorted({word for word in _SEATED_WORD.findall(code) if normalize(word) not in code})
    assert missing == []
