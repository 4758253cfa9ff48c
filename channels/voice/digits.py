"""Persian spoken numbers → a digit string, for national codes and tracking codes said aloud.

Callers read a 10-digit code in many ways, and the ASR (a grammar limited to these words) writes
what it heard: digit by digit («صفر صفر یک…»), in groups («سیصد و چهل و پنج», «دو هزار»), mixed
with digits the ASR or an operator typed, colloquially («شیش», «یه», «چار», «پونصد»), and with
fillers («اِ», «خب», «یعنی»). The parser reads the words left to right and builds number groups by
place-value slots: a word joins the current group when its places are all below the group's lowest
filled place (سیصد + چهل + پنج = 345; بیست + سه = 23), otherwise it starts a new group
(سه چهار = "34"). «هزار» multiplies the group before it. Each group is written in full (دو هزار =
"2000", صفر = "0") and the groups are concatenated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Callable

from core.identity import is_valid_national_code
from core.numerals import HUNDREDS, TEENS, TENS, THOUSAND, UNITS, ZERO
from core.text import fold_digits

# «دو تا صفر» is "00": a count (2–9), «تا», then the digit said that many times.
REPEAT_WORDS = {"تا"}
JOINERS = {"و"}
FILLERS = {"اِ", "ا", "اه", "اِم", "ام", "اوم", "امم", "خب", "خوب", "یعنی", "ببخشید", "آها", "آهان", "بله",
           "[unk]", "عرض", "کنم", "میشه", "می‌شه", "شماره", "کد", "ملی", "ملیم", "من", "بگو"}

# Words the parser acts on besides numbers (see parse_code). They are in the recognizer's grammar: a word
# outside it reaches the parser as [unk], and a correction said on the phone would be lost.
# Words with which a caller takes back what they just said: «… شصت و پنج، نه ببخشید، شصت و سه»; «یعنی»
# before saying it again another way.
_TAKE_BACK = {"ببخشید", "یعنی", "اشتباه"}
_SAID_AGAIN = {"تکرار", "دوباره"}  # «… تکرار می‌کنم …»: the whole code said twice
_START_OVER = ("از", "اول")  # «از اول میگم»
_ONE_BY_ONE_SAID = {"میگم", "بگم", "میخونم", "بخونم"}  # «یکی یکی میگم»: the caller starts over, digit by digit
_COUNTED = {"لحظه", "دقه", "دقیقه", "رقم", "رقمی", "رقمیه", "رقمیم"}  # «یه لحظه», «یه دقه», «ده رقمی»: a number not of
# the code
_ONCE_MORE = ["یه", "بار", "دیگه"]  # «یه بار دیگه میگم»: the code said twice, as «دوباره»
_PROMPT = {"بگو"}  # «… بگو صفر، صفر …»: someone beside the caller prompts a digit, which the caller then says
_UNHEARD = "[unk]"  # a word the recognizer could not place: a cough, a name, the operator reading back
# Digits a recognizer limited to number words may write as a tens word that sounds like them.
_SOUNDS_LIKE = {"ده": "دو", "سی": "سه", "شصت": "شش", "چهل": "چهار"}

# Every word the grammar may produce: what the Vosk recognizer is limited to.
GRAMMAR_WORDS: tuple[str, ...] = tuple(sorted(
    set(UNITS) | set(TEENS) | set(TENS) | set(HUNDREDS) | set(ZERO) | set(THOUSAND) | JOINERS
    | REPEAT_WORDS | _TAKE_BACK | _SAID_AGAIN | set(_START_OVER) | _ONE_BY_ONE_SAID | _COUNTED | _PROMPT | set(_ONCE_MORE)
))

# Places a word fills, per table.
_WORD: dict[str, tuple[int, frozenset[int]]] = {}
for _w, _v in UNITS.items():
    _WORD[_w] = (_v, frozenset({0}))
for _w, _v in TEENS.items():
    _WORD[_w] = (_v, frozenset({0, 1}))
for _w, _v in TENS.items():
    _WORD[_w] = (_v, frozenset({1}))
for _w, _v in HUNDREDS.items():
    _WORD[_w] = (_v, frozenset({2}))

_DIACRITICS = re.compile("[\u064b-\u065f\u0670]")
_TOKEN = re.compile(r"\d|\[unk\]|[^\s\d،,.\-]+")
_FOLD = str.maketrans({"ي": "ی", "ك": "ک", "\u200c": None, "\u200d": None, "ـ": None})


@dataclass(frozen=True)
class DigitParse:
    digits: str
    unknown: tuple[str, ...] = ()  # words that are neither numbers nor fillers (the ASR or caller said something else)


class _Group:
    """One spoken number being built: thousands part and the three lower places."""

    def __init__(self) -> None:
        self.thousands = 0
        self.has_thousand = False
        self.value = 0
        self.filled: set[int] = set()

    @property
    def empty(self) -> bool:
        return not self.filled and not self.has_thousand

    def accepts(self, places: frozenset[int]) -> bool:
        return not self.filled or max(places) < min(self.filled)

    def add(self, value: int, places: frozenset[int]) -> None:
        self.value += value
        self.filled |= places

    def thousand(self) -> bool:
        if self.has_thousand:
            return False
        self.thousands = (self.value or 1) * 1000
        self.value, self.filled, self.has_thousand = 0, set(), True
        return True

    def render(self) -> str:
        return str(self.thousands + self.value)


def _tokens(text: str) -> list[str]:
    text = _DIACRITICS.sub("", fold_digits(text or "").translate(_FOLD))
    return _repeats([piece for token in _TOKEN.findall(text) for piece in _unglue(token)])


_NUMBER_WORDS = set(_WORD) | set(ZERO) | set(THOUSAND)
_KNOWN = _NUMBER_WORDS | JOINERS | FILLERS | REPEAT_WORDS
_NUMBERS_AND_JOINERS = _NUMBER_WORDS | JOINERS
_HEARD_FILLERS = FILLERS - {_UNHEARD}


def _unglue(token: str) -> list[str]:
    """A word the recognizer (or a typist) wrote without spaces, «سیصدوچهل», «صفرصفر», «هزاروهشتاد», as
    its number words and joiners; any other word as it is."""
    if token in _KNOWN or token.isdigit() or len(token) > 40:
        return [token]
    # best[i]: the fewest pieces that spell token[:i]
    best: list[list[str] | None] = [[]] + [None] * len(token)
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - 8), end):
            piece = token[start:end]
            if best[start] is not None and (piece in _NUMBER_WORDS or piece in JOINERS or piece in REPEAT_WORDS):
                if best[end] is None or len(best[start]) + 1 < len(best[end]):
                    best[end] = best[start] + [piece]
    found = best[len(token)]
    return found if found and any(p in _NUMBER_WORDS for p in found) else [token]


def _repeats(tokens: list[str]) -> list[str]:
    """«دو تا صفر» → «صفر صفر»: a count of 2–9, «تا», and a single digit (word or figure), a bad line's noise
    between them or not («دو [unk] تا [unk] صفر»), or a two-digit number («دو تا سی و یک» → «سی و یک سی و یک»). A
    «تا» in any other place carries nothing."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        count = UNITS.get(tokens[i], 0)
        if count >= 2:
            said = _next_heard(tokens, i + 1)
            digit = _next_heard(tokens, said + 1)
            if digit < len(tokens) and tokens[said] in REPEAT_WORDS:
                # a digit, or a two-digit number («دو تا سی و یک»: 3131), said that many times
                end = digit + 1 if _single_digit(tokens[digit]) else _two_digit_number(tokens, digit)
                if end is not None:
                    out.extend(tokens[digit:end] * count)
                    i = end
                    continue
        if tokens[i] not in REPEAT_WORDS:
            out.append(tokens[i])
        i += 1
    return out


def _two_digit_number(tokens: list[str], i: int) -> int | None:
    """Where a two-digit number said from `i` ends (a teen, a tens word, a tens word «و» a unit), or None."""
    if tokens[i] in TEENS:
        return i + 1
    if tokens[i] not in TENS:
        return None
    if tokens[i + 1: i + 2] == ["و"] and i + 2 < len(tokens) and tokens[i + 2] in UNITS:
        return i + 3
    return i + 1


def _next_heard(tokens: list[str], i: int) -> int:
    """The position of the first word from `i` that is not noise («[unk]»), or the end."""
    while i < len(tokens) and tokens[i] == _UNHEARD:
        i += 1
    return i


def _single_digit(token: str) -> bool:
    return token in ZERO or token in UNITS or (len(token) == 1 and token.isdigit())


def parse_digits(transcript: str) -> DigitParse:
    """The digits a caller said. Unknown words are reported, not guessed."""
    reading = _read(_tokens(transcript))
    return DigitParse("".join(g.digits for g in reading.groups), reading.unknown)


def spoken_national_code(transcript: str) -> str | None:
    """The national code a caller said: the reading whose check digit holds («نود یک» may be 91 or 90, 1); else
    the plain reading, which may be an old code said without its leading zeros («پنجاه و چهار چهل و هشت …»: eight
    digits, padded as a written one is; «نه رقمیه …»: the caller saying so). The caller hears it read back and
    confirms it."""
    code = parse_code(transcript, is_valid_national_code)
    if code is not None:
        return code
    tokens = _code_tokens(transcript)
    plain = _digits(tokens)
    return plain.zfill(10) if (len(plain) in (8, 9) and is_valid_national_code(plain)
                               and not _pair_lost(tokens)) else None


def _pair_lost(tokens: list[str]) -> bool:
    """Whether a word the recognizer could not place stands among digits said in pairs or groups («پنجا و نه صفر هف
    [unk] سی و یک یازده»): a lost pair, not zeros left unsaid, is what the code more likely lacks. (Among digits said
    one by one, «[unk] یک نه [unk] چهار شش هشت [unk] سه شش نه», a pause is a breath: an old card's eight.)"""
    numbers = [i for i, token in enumerate(tokens) if token in _WORD]
    return (bool(numbers) and _UNHEARD in tokens[numbers[0]:numbers[-1]]
            and any(len(group.digits) > 1 for group in _read(tokens).groups))


@dataclass(frozen=True)
class _Said:
    digits: str
    first: int  # token indices the group was said over
    last: int


@dataclass(frozen=True)
class _Reading:
    groups: tuple[_Said, ...]
    unknown: tuple[str, ...]
    loose: tuple[int, ...]  # tokens that joined a group with no «و» before them («نود یک»: 91, or 90 then 1?)


def _read(tokens: list[str], splits: frozenset[int] = frozenset()) -> _Reading:
    """Reads tokens into number groups; a token in `splits` starts a new group even where it could join."""
    out: list[_Said] = []
    unknown: list[str] = []
    loose: list[int] = []
    group, first, last = _Group(), 0, 0
    joined = False  # a «و» came since the last number word

    def close() -> None:
        nonlocal group
        if not group.empty:
            out.append(_Said(group.render(), first, last))
        group = _Group()

    for i, token in enumerate(tokens):
        if token.isdigit() or token in ZERO:
            close()
            out.append(_Said(token if token.isdigit() else "0", i, i))
        elif token in THOUSAND:
            if group.empty or i in splits or not group.thousand():
                close()
                first = i
                group.thousand()
            else:  # «یک هزار و نهصد…»: 1,9… thousands, or the digit 1 and then «هزار و نهصد…» (1 9…)
                loose.append(i)
            last = i
        elif token in _WORD:
            value, places = _WORD[token]
            if group.empty or not group.accepts(places) or i in splits:
                close()
                first = i
            elif not joined:
                loose.append(i)
            group.add(value, places)
            last = i
        elif token in JOINERS:
            joined = True
            continue
        elif token not in FILLERS:
            unknown.append(token)
            close()  # words between two numbers part them («ششصد و هشتاد و چهار، بعدش هزار و …»)
        joined = False
    close()
    return _Reading(tuple(out), tuple(unknown), tuple(loose))


_MAX_READINGS = 512


def parse_code(transcript: str, valid: Callable[[str], bool], length: int = 10) -> str | None:
    """The code a caller said: the plainest reading of the transcript that has `length` digits and passes
    `valid` (a check digit), or None. Speech is ambiguous where the check digit is not: «نود یک» is 91 or
    90 then 1, «نهصد و بیست هشت» 928 or 920 then 8; «نه ببخشید» may take back the group before it, «از
    اول» what came before. Readings are tried in order of how much they depart from the plain one."""
    tokens = _code_tokens(transcript)
    if _two_codes(tokens, valid, length):
        return None
    variants = [(0, tokens)]
    for i, token in enumerate(tokens):
        if i and (tokens[i - 1], token) == _START_OVER:
            variants.append((1, tokens[i + 1:]))
        if token in _SAID_AGAIN:  # «… تکرار می‌کنم …»: the code said twice, either saying may be the clean one
            variants += [(1, tokens[:i]), (1, tokens[i + 1:])]
            # …or only its end said again, the line having cut it the first time («… دو دو [unk] هشت [unk] دوباره
            # دو نه هشت دو»)
            variants += [(2, v) for v in [_end_said_again(tokens, i, length)] if v is not None]
        if token in ("ببخشید", "اشتباه"):
            if i and tokens[i - 1] == "نه":  # «نه» is "no" here, not nine
                no = i - 1
                while no and tokens[no - 1] == "نه":  # «نه نه ببخشید»
                    no -= 1
                variants += [(1, tokens[:no] + tokens[i:]), (1, tokens[i + 1:])]  # the group before, or all, taken back
            else:
                # «سه نه هشت سه هشت اشتباه سه نه هشت سه دو …»: "wrong", and the whole code said again from its start;
                # or only its end, corrected («… شش دو پنج پنج ببخشید [unk] شش دو پنج چهار»)
                variants.append((1, tokens[i + 1:]))
                variants += [(2, v) for v in [_end_said_again(tokens, i, length, corrected=True)] if v is not None]
        if token in _PROMPT and tokens[i + 1: i + 2] and _single_digit(tokens[i + 1]):
            variants.append((1, tokens[:i] + tokens[i + 2:]))  # the prompted digit, then the caller saying it
            for k in (2, 3):  # «بگو صفر هفت صفر هف …»: two or three digits prompted, then said by the caller
                prompted, said = tokens[i + 1: i + 1 + k], tokens[i + 1 + k: i + 1 + 2 * k]
                if len(said) == k and all(map(_single_digit, prompted + said)) and _digits(prompted) == _digits(said):
                    variants.append((1, tokens[:i] + tokens[i + 1 + k:]))
        if token == "نه" and 0 < i < len(tokens) - 1 and (tokens[i - 1] in _HEARD_FILLERS
                                                         or tokens[i + 1] not in _NUMBERS_AND_JOINERS):
            # «… هشتاد و یک، اِ نه، نود و یک …», «… هشصد و یازده نه وایسا هفصد و یازده …»: "no" between a filler or
            # a word of no number, taking back the group said before it, or all said before it («… نه، یکی یکی میگم،
            # هفت پنج شش …»)
            before = _read(tokens[:i]).groups
            if before:
                variants += [(2, tokens[:before[-1].first] + tokens[i + 1:]), (2, tokens[i + 1:])]
        if token in ("ملی", "ملیم") and i + 1 < len(tokens):
            # The code after its label, another number said before it («شماره [unk] صفر نهصد و دوازده … کد ملیم صفر
            # پنج …»: a mobile number first)
            variants.append((1, tokens[i + 1:]))
        if token in ("یعنی", _UNHEARD):
            # The whole code said again another way after «یعنی», or after what the recognizer could not place
            # (the operator's read-back, a cough): the later saying is meant, if either.
            variants += [(1, tokens[i + 1:]), (1, tokens[:i])]
        if token == _UNHEARD:  # a «نه» ("no") beside it, before the code said again or after the first saying
            after, before = _strip_no(tokens[i + 1:], 0), _strip_no(tokens[:i], -1)
            variants += [(2, part) for part in (after, before) if part is not None]
            variants += [(2, v) for v in [_end_said_again(tokens, i, length, lost=True)] if v is not None]
            if after is not None and i > 1 and _single_digit(tokens[i - 1]):
                # «… یک هشت [unk] نه صفر …»: "no" after a pause takes back the digit before it
                variants.append((2, tokens[: i - 1] + after))
            if i and tokens[i - 1] != _UNHEARD:
                said = next((k for k in range(i + 1, len(tokens)) if tokens[k] != _UNHEARD), None)
                # (cut after its «و»: «شصت و [unk] [unk] شصت و هشت»)
                cut = i - 2 if tokens[i - 1] == "و" and i > 1 else i - 1
                again = said is not None and (
                    tokens[said] == tokens[cut] and (_single_digit(tokens[cut]) or tokens[cut] in _WORD)
                    or tokens[said].startswith(tokens[cut]) and tokens[said] in _WORD and tokens[cut] in _WORD)
                if again:
                    # «پنج [unk] پنج»: a digit said again after a cough, once; «نود [unk] نود و شیش»: a number
                    # word the line cut, said again whole; «سی [unk] [unk] سیصد و هشتاد …»: cut as the word it
                    # begins with
                    variants.append((1, tokens[:cut] + tokens[i:]))
        if i and _WORD.get(token, (0, frozenset({0})))[1] != frozenset({0}) and (
                _WORD.get(tokens[i - 1]) == _WORD[token] and tokens[i + 1: i + 2] == ["و"]
                or _single_digit(tokens[i - 1]) and token.startswith(tokens[i - 1]) and token != tokens[i - 1]):
            # A stutter: «پونصد پونصد و چهل», «بیس بیست و دو», a tens or hundreds word (in either spelling) begun
            # again as the number it starts; «هف هفتاد و نه», «پنج پنجاه», the unit it begins with said first
            variants.append((1, tokens[: i - 1] + tokens[i:]))
        if (i > 1 and tokens[i - 1] == "و" and _WORD.get(token, (0, frozenset({0})))[1] != frozenset({0})
                and _WORD.get(tokens[i - 2]) == _WORD[token] and tokens[i + 1: i + 2] == ["و"]):
            # «چهل و چهل و دو»: a tens word and its «و» begun, then the whole number said
            variants.append((1, tokens[: i - 2] + tokens[i:]))
        if token == "نه" and i and _UNHEARD in (tokens[i - 1], tokens[i + 1] if i + 1 < len(tokens) else None):
            # «… چهار هزار و سیصد و هشت نه [unk] چهار هزار و سی و هشت»: "no" beside a pause takes back the group
            variants.append((1, tokens[:i] + ["ببخشید"] + tokens[i + 1:]))
        if token == "نه" and tokens[i + 1: i + 2] == ["نه"] and i + 2 < len(tokens) and tokens[i + 2] in _NUMBER_WORDS:
            # «… پانزده نه نه چهارده …»: "no, no" before the group said again, or two nines, or "no" and nine
            variants.append((1, tokens[:i] + ["ببخشید"] + tokens[i + 2:]))
            variants.append((1, tokens[:i] + ["ببخشید"] + tokens[i + 1:]))  # "no", then the digit nine
        if (token == "نه" and 0 < i < len(tokens) - 1 and tokens[i - 1] in _NUMBER_WORDS and tokens[i - 1] != "نه"
                and _WORD.get(tokens[i + 1], (0, frozenset({0})))[1] != frozenset({0})):
            # «… شصت و دو نه شصت و نه …»: a lone "no" between a group and a group of tens or hundreds said
            # again (not «هفت نه نه»: digits)
            variants.append((1, tokens[:i] + ["ببخشید"] + tokens[i + 1:]))
        if token in _SOUNDS_LIKE:  # «ده» heard for «دو»: a digit the recognizer took for a like-sounding tens word
            variants.append((2, tokens[:i] + [_SOUNDS_LIKE[token]] + tokens[i + 1:]))
    # «شیش و بیست» for 26: the units before the tens, as an Arabic speaker says a number («ستة وعشرون»)
    swaps = [i for i in range(len(tokens) - 2) if tokens[i] in UNITS and tokens[i + 1] == "و"
             and TENS.get(tokens[i + 2], 0) >= 20]
    chosen = [[i] for i in swaps] + ([swaps] if len(swaps) > 1 else [])  # each alone, and all together
    variants += [(2, _units_after_tens(tokens, positions)) for positions in chosen]
    counting = _counting(tokens, {"رقم"})
    if counting:  # «سه رقم آخرش …»
        variants.append((1, _without(tokens, counting)))
    # Words the recognizer split («هفت صد») or cut short («شص», «دوازد»).
    for respelled in (_join_hundreds(tokens), [_complete(t) for t in tokens]):
        if respelled != tokens:
            variants.append((1, respelled))
    for _, reading in sorted(_readings(variants), key=lambda r: r[0])[:_MAX_READINGS]:
        digits = "".join(g.digits for g in reading)
        if len(digits) == length and valid(digits):
            return digits
    return _lost_digit(tokens, valid, length) or _echoed(tokens, valid, length)


def _end_said_again(tokens: list[str], i: int, length: int, corrected: bool = False,
                    lost: bool = False) -> list[str] | None:
    """The code with its end said again after the word at `i`: the later saying stands for as many digits
    before that word, or None when it says none or the whole code. `corrected`: a slip's correction, which
    says that end again with one or two digits changed («شش دو پنج پنج ببخشید شش دو پنج چهار»). `lost`: the
    line took a digit of that end the first time ([unk] where it stood: «… صفر چهار [unk] نه نه شش [unk] چهار
    چهار نه نه شش», 380604 996 and then 44996), which the later saying has and the first does not."""
    said = _digits(tokens[i + 1:])
    if not 0 < len(said) < length:
        return None
    kept = next((j for j in range(i - 1, 0, -1) if len(_digits(tokens[:j])) == length - len(said)), None)
    if kept is None:
        return None
    first = _digits(tokens[kept:i])
    if corrected and (len(first) != len(said) or sum(a != b for a, b in zip(first, said)) > 2):
        return None
    one_lost = len(first) == len(said) - 1 and any(said[:k] + said[k + 1:] == first for k in range(len(said)))
    if lost and not (len(said) >= 3 and _UNHEARD in tokens[_start(tokens, kept):i]
                     and (one_lost or _unit_lost(tokens[kept:i], first, said))):
        return None
    return tokens[:kept] + tokens[i + 1:]


def _unit_lost(first_tokens: list[str], first: str, said: str) -> bool:
    """The first saying of an end lost a tens word's unit («پنجاه و [unk]», read 50 for 55) where the later saying
    has it: the two differ only there, a 0 the first time."""
    apart = [k for k in range(len(said)) if k < len(first) and first[k] != said[k]]
    return (len(first) == len(said) and len(apart) == 1 and first[apart[0]] == "0"
            and any(first_tokens[k:k + 2] == ["و", _UNHEARD] for k in range(len(first_tokens) - 1)))


def _start(tokens: list[str], j: int) -> int:
    """Where the words before `j` that say no digit (noise, fillers) begin: the end's first word may have been lost."""
    while j and not _digits(tokens[j - 1: j]):
        j -= 1
    return j


def _units_after_tens(tokens: list[str], positions: list[int]) -> list[str]:
    """The tokens with each «<unit> و <tens>» at `positions` said the Persian way round, «<tens> و <unit>»."""
    out = list(tokens)
    for i in positions:
        out[i], out[i + 2] = tokens[i + 2], tokens[i]
    return out


def _code_tokens(transcript: str) -> list[str]:
    """The transcript's words without the numbers that count something other than digits: «یه لحظه», «ده
    رقمی», «نه رقمیه» are never part of the code. (Before «رقم» a number may be: «… سی و یک رقم آخرم دو» —
    `parse_code` also tries a reading without it.)"""
    tokens = _zeros_counted(_one_by_one(_once_more(_tokens(transcript))))
    return _without(tokens, _counting(tokens, _COUNTED - {"رقم"}))


def _once_more(tokens: list[str]) -> list[str]:
    """«یه بار دیگه» (once more) is «دوباره»: not the digit one, and the code said again after it."""
    for i in range(len(tokens) - 2):
        if tokens[i: i + 3] == _ONCE_MORE:
            return tokens[:i] + ["دوباره"] + tokens[i + 3:]
    return tokens


def _one_by_one(tokens: list[str]) -> list[str]:
    """«یکی یکی بگو» (say them one by one), a helper's words before the digits: no digits of the code. «یکی یکی
    میگم», the caller's own: starting over, digit by digit (read as «از اول»: the plain reading is tried first, for
    a code whose rest follows one by one)."""
    for i in range(len(tokens) - 2):
        if tokens[i: i + 2] != ["یکی", "یکی"]:
            continue
        if tokens[i + 2] in _PROMPT:
            return tokens[:i] + tokens[i + 2:]
        if tokens[i + 2] in _ONE_BY_ONE_SAID:
            return tokens[:i] + list(_START_OVER) + tokens[i + 3:]
    return tokens


def _zeros_counted(tokens: list[str]) -> list[str]:
    """«دو رقم اول صفر، هفتاد و یک …»: the leading zeros told by their count, said as the zeros."""
    for i in range(1, len(tokens) - 2):
        count = _WORD.get(tokens[i - 1], (0,))[0]
        if tokens[i: i + 3] == ["رقم", "اول", "صفر"] and 2 <= count <= 4:
            return tokens[: i - 1] + ["صفر"] * count + tokens[i + 3:]
    return tokens


def _two_codes(tokens: list[str], valid: Callable[[str], bool], length: int) -> bool:
    """Two whole codes, different and each valid, said one after the other with a pause between (read off two
    cards: «… [unk] [unk] …»): nothing says which is meant, so the call asks again. (Not where a word takes the
    first back: «… ببخشید اشتباه …». Said again, «دوباره», «یه بار دیگه میگم», whole and clean both times and
    differing: then, too, nothing says which is meant, whichever passes.)"""
    if any(token in _TAKE_BACK for token in tokens):
        return False
    again = [i for i, token in enumerate(tokens) if token in _SAID_AGAIN]
    if again:
        clean = _UNHEARD not in tokens  # (where the line lost a word, the clean saying is meant)
        return clean and any(len(before) == len(after) == length and before != after
                             for before, after in ((_digits(tokens[:i]), _digits(tokens[i + 1:])) for i in again))
    pauses = [i for i, token in enumerate(tokens) if token == _UNHEARD]
    for i in pauses:
        before, after = _digits(tokens[:i]), _digits(tokens[i + 1:])
        if len(before) == len(after) == length and before != after and valid(before) and valid(after):
            return True
    return False


def _digits(tokens: list[str]) -> str:
    """The digits the tokens say, read plainly."""
    return "".join(g.digits for g in _read(tokens).groups)


def _counting(tokens: list[str], counted: set[str]) -> list[int]:
    """Positions of the number words right before one of `counted` («یه لحظه», «ده رقمی», «سه رقم»)."""
    return [i for i, token in enumerate(tokens[:-1]) if token in _WORD and tokens[i + 1] in counted]


def _without(tokens: list[str], positions: list[int]) -> list[str]:
    return [t for i, t in enumerate(tokens) if i not in positions]


_DIGIT_WORDS = ("صفر", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه")


def _lost_digit(tokens: list[str], valid: Callable[[str], bool], length: int) -> str | None:
    """A digit the line's noise took ([unk] where the digit stood: «پنج [unk] سه», «چهل و [unk]»): a check
    digit holds for at most one value of one lost digit, so the code is restored when exactly one filling of
    one [unk] gives a valid code (the caller then hears it read back and confirms it). Not a lost pair or
    group: any of ninety values may fill it, and one that passes the check digit is a guess (measured on
    generated codes with one pair lost: 373 wrong codes and 47 right of 1,500)."""
    found = set()
    for i, token in enumerate(tokens):
        if token != _UNHEARD:
            continue
        for word in _DIGIT_WORDS:
            digits = "".join(g.digits for g in _read(tokens[:i] + [word] + tokens[i + 1:]).groups)
            if len(digits) == length and valid(digits):
                found.add(digits)
    return found.pop() if len(found) == 1 else None


def _echoed(tokens: list[str], valid: Callable[[str], bool], length: int) -> str | None:
    """A code with some digits, groups or runs of up to four of them said again at once, as an elderly caller
    repeats to himself or after a grandchild («هفت نه نه … سه سه …», «یک سه هفت یک سه هفت …», «بگو هشتاد و دو نود
    و نه هشتاد و دو نود و نه», «بگو پنج یک شش پانصد و شانزده»: the digits again, grouped otherwise): with too
    many digits, the code is restored when exactly one way of dropping such echoes (up to three, or every part
    when all was said twice) gives a valid code."""
    found = set()
    # «… هشت [unk] نه [unk] پنج هشت …»: a «نه» beside a pause may be "no" before the group is said again
    no = [i for i, t in enumerate(tokens) if t == "نه" and _UNHEARD in tokens[max(0, i - 1): i + 2]]
    for said in [tokens, *(tokens[:i] + tokens[i + 1:] for i in no)]:
        groups = [g.digits for g in _read(said).groups]
        digits = "".join(groups)
        excess = len(digits) - length
        if not 0 < excess <= length:
            continue
        if excess == length:  # everything said twice, a part at a time: a helper's prompts and the caller's echo
            found |= {code for code in _said_twice(digits, length) if valid(code)}
        echoes = _echo_spans(groups)
        for count in range(1, 4):
            for chosen in combinations(echoes, count):
                dropped = {k for start, end in chosen for k in range(start, end)}
                if (len(dropped) == sum(end - start for start, end in chosen)
                        and sum(len(groups[k]) for k in dropped) == excess):
                    digits = "".join(g for k, g in enumerate(groups) if k not in dropped)
                    if valid(digits):
                        found.add(digits)
    return found.pop() if len(found) == 1 else None


def _said_twice(digits: str, length: int) -> set[str]:
    """The codes of `length` digits whose every part, of one to four digits, was said twice in a row («بگو یک هشت
    یک هشت شش هفت شش هفت …»: a daughter prompting each pair and her father saying it after her)."""
    @lru_cache(maxsize=None)
    def rest(pos: int) -> frozenset[str]:
        if pos == len(digits):
            return frozenset({""})
        found = set()
        for size in range(1, 5):
            part = digits[pos: pos + size]
            if len(part) == size and digits[pos + size: pos + 2 * size] == part:
                found |= {part + tail for tail in rest(pos + 2 * size)}
        return frozenset(found)
    return {code for code in rest(0) if len(code) == length}


def _echo_spans(groups: list[str]) -> list[tuple[int, int]]:
    """Spans of up to four groups (start, end) whose digits say again those of the up to four groups right
    before them, however grouped: «هشتاد و دو نود و نه هشتاد و دو نود و نه», «پنج یک شش پانصد و شانزده»."""
    spans = []
    for middle in range(1, len(groups)):
        before = {"".join(groups[start:middle]) for start in range(max(0, middle - 4), middle)}
        spans += [(middle, end) for end in range(middle + 1, min(len(groups), middle + 4) + 1)
                  if "".join(groups[middle:end]) in before]
    return spans


def _strip_no(tokens: list[str], end: int) -> list[str] | None:
    """`tokens` without the «نه» ("no") said at their start (end=0) or end (end=-1), or None if there is none."""
    stripped = list(tokens)
    while stripped and stripped[end] == "نه":
        stripped.pop(end)
    return stripped if len(stripped) < len(tokens) else None


def _join_hundreds(tokens: list[str]) -> list[str]:
    """«هفت صد» → «هفتصد», «سی صد» → «سیصد»: a hundreds word the recognizer wrote as two."""
    out: list[str] = []
    for token in tokens:
        if token == "صد" and out and out[-1] + token in HUNDREDS:
            out[-1] += token
        else:
            out.append(token)
    return out


def _complete(token: str) -> str:
    """An unknown word that begins a number word, as the shortest such word («چها» → «چهار», «شص» → «شصت»)."""
    if token in _KNOWN or token.isdigit() or len(token) < 2:
        return token
    return min((w for w in _NUMBER_WORDS if w.startswith(token)), key=len, default=token)


def _readings(variants: list[tuple[int, list[str]]]):
    """(changes, groups) for each way of reading each token variant: loose joins split (one or two); the
    one, two or three groups before a take-back word dropped («دو تا صفر یعنی صفر صفر …»); a group said
    twice in a row to confirm it read once («سی و سه، بله، سی و سه»)."""
    for base, tokens in variants:
        plain = _read(tokens)
        split_sets = [frozenset()] + [frozenset({i}) for i in plain.loose]
        split_sets += [frozenset({i, j}) for k, i in enumerate(plain.loose) for j in plain.loose[k + 1:]]
        for splits in split_sets:
            groups = _read(tokens, splits).groups if splits else plain.groups
            # «… سی و سه هزار و هفتصد و هشتاد نه»: a unit said with no «و» after a tens word parts there before
            # a «هزار» does (233,780 then 9, rather than 233 then 1,789), when both readings pass the check digit
            changes = base + sum(1.5 if tokens[i] in THOUSAND else 1 for i in splits)
            yield changes, groups
            take_backs = [i for i, token in enumerate(tokens) if token in _TAKE_BACK]
            for i in take_backs:
                before = [k for k, g in enumerate(groups) if g.last < i]
                for dropped in range(1, min(3, len(before)) + 1):
                    k = before[-dropped]
                    yield changes + dropped, groups[:k] + groups[before[-1] + 1:]
            if len(take_backs) > 1:  # two slips in one call, each taken back at once: the group before each
                last_before = {max((k for k, g in enumerate(groups) if g.last < i), default=None) for i in take_backs}
                if None not in last_before:
                    yield changes + len(last_before), [g for k, g in enumerate(groups) if k not in last_before]
            for k in range(1, len(groups)):
                said, before = groups[k].digits, groups[k - 1].digits
                if len(said) >= 2 and said == before:
                    yield changes + 1, groups[:k] + groups[k + 1:]
                elif (len(before) > len(said) and before.endswith(said)
                      and _UNHEARD in tokens[groups[k - 1].last + 1: groups[k].first]):
                    # «سیصد و شیش [unk] شش», «هزار و ششصد و نوزده [unk] ششصد و نوزده»: after a pause, an elderly
                    # caller says the end of a group again
                    yield changes + 1, groups[:k] + groups[k + 1:]
