"""The identity+topic deduplicator.

Identity is the subject's national code (the caller's when there is no subject); only cases of the same
identity are ever compared (the caller of `find` passes that identity's cases), so neighbours with the
same complaint stay separate cases. Among those, a new contact repeats an existing case when:

  * nothing tells the two matters apart (`conflict`): two texts that both name a bank, a car maker, goods
    (the catalog's facets) and share none of them, or both carry identifiers — bill/subscription/file
    numbers, plates — and share none, are different matters whatever else they share; and
  * they have the same specific topic (topics are fine-grained: water outage ≠ water bill, pension ≠
    unemployment insurance), and the texts are not below `same_topic_floor` similar — 0 by default,
    because a 3-word SMS and a formal letter about one subsidy share few words; or
  * neither text could be classified («other») and the texts are similar (≥ `unclassified_min`) with
    enough content words on both sides (greetings alone never match); or
  * one text is «other» and the texts are very similar (≥ `other_topic_min`): a paraphrase the classifier
    half missed; or the two topics differ but the texts are near-copies (≥ `cross_topic_min`).

The case must still be open, or closed within `closed_window`. Everything errs towards «different»: a
missed duplicate costs an operator a merge, a wrong merge loses a citizen's matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache, wraps

from core.identity import find_national_codes, is_amount, is_valid_national_code
from core.kinship import GRANDPARENT_ADJECTIVE, KIN_ADJECTIVES, KIN_NOUNS, LATE_ADJECTIVES, SPOKEN_KIN_NOUNS
from core.numerals import HUNDREDS, NUMBER_WORDS
from core.model import Case, CaseStatus, Relation
from core.text import fold_word, match_segments, normalize, stem, words
from core.topics import OTHER, TopicCatalog, default_catalog, services_named, without_done, word_keys
from core.tracking import is_tracking_code

# Words that carry no matter: greetings, courtesy, pronouns, light verbs, letter formulae, colloquial fillers.
_STOPWORDS_RAW = """
    با سلام سلام احترام احتراما احتراماً به از در که را رو و یا این آن اون است هست بود شد شده شود میشود می‌شود
    برای تا هم نیز من ما شما او ایشان اینجانب بنده اینجانبه جناب حضرت عالی عالیجناب خدمت خدمتتان لطفا لطفاً
    خواهشمند خواهشمندم خواهشمنداست تقاضا دارم داریم دارد کنید کنم کند کرد کردم کردیم کرده ام ای ها های
    مرا منو لطف بفرمایید رسیدگی پیگیری مورد موضوع خصوص درخصوص بابت درباره همین چون ولی اما اگر هر چه چرا
    کد ملی شماره تلفن همراه تماس اینجانبم مینمایم می‌نمایم مینماید نماید نمایید فرمایید فرمایند رساند میرساند
    استحضار محترم محترمه ریاست سازمان اداره جمهور سامد باسلام تشکر ممنون متشکرم باتشکر قبلا قبلاً
    خیلی بسیار الان هنوز دیگر هیچ یک دو سه هنوزم ماه روز سال هفته گذشته پیش
    زنگ زدم بگم میخواستم میخوام بپرسم ببخشید خسته نباشید آقا خانم اینکه اینو اونو کسی هیچکس چیزی
    تاکنون تا کنون حال حالا جاری مقرر می‌باشد میباشد باشد گردیده گردد نگردیده ننموده نموده است دستور صادر
    ضمن پس بعد قبل واقع جهت ولیکن لیکن لذا ضمنا
    """
STOPWORDS = frozenset(_STOPWORDS_RAW.split())
_STOP_KEYS = frozenset(stem(fold_word(w)) for w in STOPWORDS) | frozenset(fold_word(w) for w in STOPWORDS)


def content_words(text: str) -> list[str]:
    """The words of a text that say what the matter is: folded, stemmed, without stopwords and numbers."""
    out = []
    for segment in match_segments(text):
        for w in segment:
            if w in _STOP_KEYS or w.isdigit() or len(w) < 2:
                continue
            key = word_keys(w)[-1]
            if key not in _STOP_KEYS and len(key) >= 2:
                out.append(key)
    return out


def _trigrams(tokens: list[str]) -> set[str]:
    grams: set[str] = set()
    for t in tokens:
        padded = f" {t} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def _dice(a: set, b: set) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def similarity(a: str, b: str) -> float:
    """0..1: how much two texts say the same thing, robust to spelling, affixes and word order.

    The mean of word-set Dice and character-trigram Dice over content words. Trigrams catch
    «قطعی»/«قطع» and OCR/ASR misspellings that whole words miss.
    """
    return _similarity(_profile_words(a), _profile_words(b))


@lru_cache(maxsize=4096)
def _profile_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    wa = content_words(text)
    return frozenset(wa), frozenset(_trigrams(wa))


def _similarity(pa: tuple[frozenset[str], frozenset[str]], pb: tuple[frozenset[str], frozenset[str]]) -> float:
    return 0.5 * _dice(pa[0], pb[0]) + 0.5 * _dice(pa[1], pb[1])


_NOTHING: frozenset = frozenset()


def _per_text(read):
    """Memoized per text: a case's text is compared again with each new contact of its person. An empty answer,
    most texts' (no flat, loan, code …), is one shared object: the caches' thousands of distinct empty sets were
    most of what a worker's full garbage collections had to scan, pauses that every request in flight waited
    out (measured under the intake benchmark: 28,333 objects tracked, 19,225 of them empty sets)."""

    @lru_cache(maxsize=4096)
    @wraps(read)
    def memo(text: str):
        return read(text) or _NOTHING

    return memo


# One text is read by several of the functions below (identifiers, people, homes, whose, phone lines) in one
# comparison: normalized once.
_normalized = lru_cache(maxsize=4096)(normalize)


# ---- identifiers: numbers that name one bill, one meter, one vehicle, one file ---------------------------
_PLATE = re.compile(r"(?<!\d)(\d{2})\s*([\u0621-\u06cc])\s*(\d{3})\s*[-–]?\s*(?:ایران)?\s*[-–]?\s*(\d{2})(?!\d)")
_AFTER_PLATE_WORD = re.compile(r"پلاک\s*((?:\d[\s-]*){3,10})")
_NUMBER = re.compile(r"(?<!\d)\d{5,}(?!\d)")
_PHONE = re.compile(r"^(?:0098|98|0)?9\d{9}$|^0\d{10}$")
# A number names the matter only when a word before it says what it numbers: a subscription, a bill ID, a
# file, a meter, a contract, a deed, a chassis, within a few words before it («پرونده درخواست انشعاب گاز به
# شماره …»). Letter numbers, postal codes and dates do not (an OCR'd letterhead «شماره: ۴۵۶۷۸» must not keep
# a letter apart from the SMS about the same bill).
_IDENTIFIER_CONTEXT = re.compile(
    r"(?:اشتراک|شناسه|پرونده|کنتور|قرارداد|سند|بدنه|شاسی|شبا|پلاک|رایانه|بیمه نامه|بیمه‌نامه)[^\d\n]{0,40}$"
)


@_per_text
def identifiers(text: str) -> frozenset[str]:
    """Bill/subscription/file numbers, vehicle plates and tracking codes named in a text. Not national codes or
    phones (they say who, not what), not amounts of money (a figure ending in 000, or followed by a currency),
    not numbers without a word saying what they number (letter numbers, postal codes)."""
    text = _normalized(text)
    found: set[str] = set()
    for m in _PLATE.finditer(text):
        found.add("plate:" + "".join(m.groups()))
    for m in _AFTER_PLATE_WORD.finditer(text):
        found.add("plate:" + re.sub(r"\D", "", m.group(1)))
    plates = {p.split(":", 1)[1] for p in found}
    for m in _NUMBER.finditer(text):
        number = m.group()
        if number.endswith("000") or is_amount(text, m.end()) or _PHONE.match(number):
            continue
        if len(number) == 10 and is_valid_national_code(number):
            continue
        if any(number in p for p in plates):
            continue
        if is_tracking_code(number):
            found.add("tracking:" + number)  # a case's tracking code («پیگیری درخواست …»): that case
            continue
        if not _IDENTIFIER_CONTEXT.search(text, max(0, m.start() - 40), m.start()):
            continue
        found.add("number:" + number)
    return frozenset(found)


@_per_text
def people(text: str) -> frozenset[str]:
    """The valid national codes a text names (the writer's own, a relative's, another party's), read as the
    channels read them (grouped «۰۰۱-۲۳۴۵۶۷-۸» too, not amounts of money)."""
    return frozenset(find_national_codes(_normalized(text)))


# A flat of a building by its number («قبض آب واحد ۳», «آپارتمان شماره ۱۲»): two flats are two subscriptions, though
# the building, the bill and the owner are one. (Not «۲۰ واحد», a count of course credits or flats.)
_FLAT = re.compile(r"(?<![\d\w\u200c])(?<!\d\s)(?:واحد|اپارتمان|آپارتمان)\s*(?:شماره\s*)?"
                   r"(\d{1,3})(?:\s*و\s*(\d{1,3}))?(?![\d/])")


@_per_text
def flats(text: str) -> frozenset[str]:
    """The numbers of the flats a text names («واحد ۳» → {"3"})."""
    return frozenset(n for m in _FLAT.finditer(_normalized(text)) for n in m.groups() if n)


# A loan by its amount («وام ۲۰۰ میلیونی», «وام ۵۰ ميليوني كم‌بهره»): two amounts are two loans (in tomans: «۳۰۰
# میلیون ریالی» is «۳۰ میلیونی»).
_LOAN_AMOUNT = re.compile(r"(?<![\w\u200c])وام\s*(?:[^\s\d]+\s+){0,2}?(\d{1,4})\s*(میلیون|ملیون|میلیارد)\S*"
                          r"(?:\s*(ریال|تومان|تومن))?")


@_per_text
def loan_amounts(text: str) -> frozenset[float]:
    """The amounts of the loans a text names, in millions of tomans («وام ۲۰۰ میلیونی» → {200.0})."""
    return frozenset(int(m.group(1)) * (1000 if m.group(2) == "میلیارد" else 1) / (10 if m.group(3) == "ریال" else 1)
                     for m in _LOAN_AMOUNT.finditer(_normalized(text)))


# Whose home a text speaks of: the writer's own («خونه ما», «خونمون», «منزل اینجانب») or a relative's («خونه مادرم»,
# «منزل پدرم»). Under one identity, a cut at home and one at the mother's house are two matters (two
# subscriptions, two addresses), though nothing else in the texts tells them apart.
_HOME = r"(?<![\w\u200c])(?:خونه|خانه|منزل|آپارتمان|اپارتمان)\s*\u200c?"
_OWN_HOME = re.compile(_HOME + r"(?:ی\s+)?(?:ما|مون|مان|خودم|خودمون|خودمان|خودمو|خودمم|خودمونم|اینجانب)"
                       r"(?![\w\u200c])"  # («خودمم»: mine too)
                       r"|(?<![\w\u200c])(?:خانه|منزل|آپارتمان|اپارتمان)\s*\u200c?(?:م|ام)(?![\w\u200c])"  # «آپارتمانم»
                       r"|(?<![\w\u200c])(?:خونمون|خونمان|منزلمان|منزلمون|خانمان)(?![\w\u200c])"
                       # the home the writer lives in, against one he lets (`_LET`): «خانه مسکونی‌ام», «آپارتمانی که
                       # خودم توش زندگی میکنم»
                       r"|(?<![\w\u200c])(?:مسکونی\s*\u200c?(?:ام|م|مون|مان)|خود(?:م|مون|مان)\s+(?:هم\s+)?"
                       r"(?:توش\s+|در\s*آن\s+)?(?:زندگی|ساکن|نشستیم|نشستم|می\s*\u200c?نشینیم|می\s*\u200c?شینیم))"
                       r"(?![\w\u200c])")
_KIN_HOME = re.compile(_HOME + r"(?:ی\s+)?(" + "|".join((*KIN_NOUNS, *SPOKEN_KIN_NOUNS)) + r")"
                       r"(?:\s*بزرگ)?\s*\u200c?(?:م|ام|مون|مان|ش|اش|شون|تون)?(?![\w\u200c])")


# «مادرم … جلو خونش», «پدرم … قبض برقش»: a home, or its bill or meter, told as «his», «hers», after the relative it is.
_THIRD_HOME = re.compile(r"(?<![\w\u200c])(?:(?:خونه|خانه|منزل|کنتور|قبض\s*(?:برق|آب|اب|گاز))\s*\u200c?(?:ش|اش)"
                         r"|خونش)(?![\w\u200c])")  # (not a bare «قبضش»: a phone line's, a bill of the matter)
_MY_KIN = re.compile(r"(?<![\w\u200c])(" + "|".join((*KIN_NOUNS, *SPOKEN_KIN_NOUNS)) + r")\s*\u200c?(?:م|ام)(?![\w\u200c])")


# A home the writer lets («واحدی که اجاره دادم»), against the one he lives in (`_OWN_HOME`): two homes, two bills.
_LET = re.compile(r"(?<![\w\u200c])اجاره\s*\u200c?(?:داده\s*\u200c?(?:ام|ایم)|دادم|دادیم|میدم|میدیم)(?![\w\u200c])")
LET = "let"


@_per_text
def homes(text: str) -> frozenset[str]:
    """Whose homes a text names: "own" and the kin nouns of relatives' homes («خونه مادرم», «مادرم … خونش» →
    {"مادر"}), and LET for one the writer lets."""
    text = _normalized(text)
    found = {m.group(1) for m in _KIN_HOME.finditer(text)}
    if _LET.search(text):
        found.add(LET)
    for home in _THIRD_HOME.finditer(text):
        kin = [m.group(1) for m in _MY_KIN.finditer(text, 0, home.start())]
        if kin:
            found.add(kin[-1])
    return frozenset(found | ({"own"} if _OWN_HOME.search(text) else set()))


# Which of two children or siblings: «پسر بزرگم» and «پسر کوچیکم», «بچه دومم» and «بچه سومم» are two people,
# whatever each asks.
_ORDINALS = {"اول": "1", "دوم": "2", "سوم": "3", "چهارم": "4", "پنجم": "5"}
_RANKED_KIN = ("پسر", "دختر", "فرزند", "بچه", "برادر", "خواهر", "داداش")
_ELDER_OR_YOUNGER = re.compile(
    r"(?<![\w\u200c])(" + "|".join(_RANKED_KIN) + r")\s*\u200c?(?:ی\s+)?"
    r"(?:(بزرگتر|بزرگ)|(کوچکتر|کوچیکتر|کوچک|کوچیک|ته\s*تغاری)|(" + "|".join(_ORDINALS) + r"))"
    r"\s*\u200c?(?:م|ام|مون|مان)(?![\w\u200c])")
_SIBLING_WORDS = ("برادر", "خواهر", "داداش")


@_per_text
def elder_or_younger(text: str) -> frozenset[str]:
    """The children and siblings a text tells apart by age: {"child:elder"} for «پسر بزرگم», {"sibling:younger"}
    for «داداش کوچیکم», {"child:2"} for «بچه دومم»."""
    return frozenset(("sibling" if m.group(1) in _SIBLING_WORDS else "child")
                     + (":elder" if m.group(2) else ":younger" if m.group(3) else ":" + _ORDINALS[m.group(4)])
                     for m in _ELDER_OR_YOUNGER.finditer(_normalized(text)))


# Which of several things of one kind the writer has: «مغازه اولم» and «مغازه دومم», «خط دومم», «کامیون دومم» are
# two shops, lines, trucks (a relative so ranked is `elder_or_younger`'s).
_RANKED_THING = re.compile(r"(?<![\w\u200c])([^\W\d_]{2,})\s*\u200c?(?:ی\s+)?(" + "|".join(_ORDINALS)
                           + r")\s*\u200c?(?:م|ام|مون|مان)(?![\w\u200c])")


@_per_text
def ranked_things(text: str) -> frozenset[tuple[str, str]]:
    """The things a text ranks among the writer's own, as (kind, rank): «مغازه دومم» → {("مغازه", "2")}."""
    return frozenset((m.group(1), _ORDINALS[m.group(2)]) for m in _RANKED_THING.finditer(_normalized(text))
                     if m.group(1) not in _RANKED_KIN)


def _ranked_apart(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Both texts rank a thing of one kind, and never the same one."""
    return any({r for k, r in a if k == kind}.isdisjoint(r for k, r in b if k == kind)
               for kind in {k for k, _ in a} & {k for k, _ in b})


# A contact about «another» of the writer's things or matters, set against one he told of before: «یه مغازه دیگه هم
# دارم …», «اون یکی خطم … هم قطع شده», «یه مشکل دیگه دارم» (at a clause's start: «… گردن اون یکی» is a pronoun).
_CLAUSE_START = r"(?:^|[.،,!?؟:\n]\s*|(?<![\w\u200c])(?:و|ولی|اما)\s+)"
_ANOTHER = re.compile(r"(?<![\w\u200c])(?:یه|یک)\s+[^\W\d_]{2,}(?:\s+[^\W\d_]{2,})?\s+(?:دیگه|دیگر|دیگری)\s+(?:هم\s+)?"
                      r"(?:دارم|داریم)(?![\w\u200c])"
                      r"|" + _CLAUSE_START + r"(?:اون|آن)\s+یکی\s+(?!هم|رو|را|که)[^\W\d_]{2,}"
                      # «ممنون … رسیدگی شد. یه مورد دیگه، …»: a matter of its own, at a clause's start
                      r"|" + _CLAUSE_START + r"(?:یه|یک)\s+(?:مورد|موضوع|مسیله|مساله|مشکل|قضیه|سوال|سیوال|چیز)\S*\s+"
                      r"(?:دیگه|دیگر|دیگری)(?![\w\u200c])"
                      # «… رو هم نداده، جدا پیگیری کنید»: the writer asks for it to be followed up apart
                      r"|(?<![\w\u200c])(?:جدا|جداگانه)\s+(?:پیگیری|بررسی|رسیدگی)"
                      # «جدا از اون پژو، یه شاهین هم …»: apart from that one, another
                      r"|" + _CLAUSE_START + r"(?:جدا|غیر)\s+از\s+(?:اون|این|آن)(?![\w\u200c])"
                      # «یه ماشین دیگه هم به اسم خانمم ثبت نام کردیم»: another of them, at a clause's start (not another
                      # time or message about the same: «یه بار دیگه هم زنگ زدم»)
                      r"|" + _CLAUSE_START + r"(?:یه|یک)\s+(?!(?:بار|دفعه|مرتبه|روز|هفته|ماه|سال|ساعت|نامه|پیام|پیامک"
                      r"|شکایت|تماس|زنگ|اس|درخواست|نفر|کس)\S*\s)[^\W\d_]{2,}\s+(?:دیگه|دیگر)\s+هم(?![\w\u200c])")


# A year of the Persian calendar named alone («مالیات عملکرد ۱۴۰۱», «سابقه بیمه سال‌های ۱۳۸۵ تا ۱۳۸۸»), not in a
# date («۱۴۰۳/۱۰/۱۸»: when the text was written, not what it is about).
_YEAR = re.compile(r"(?<![\d/\-])1[34]\d\d(?![\d/\-])")


@_per_text
def _years(text: str) -> frozenset[str]:
    """The years a text names (`_YEAR`), not amounts («۱۴۰۰ تومان»): a tax, a term's tuition or a span of insurance
    of one year and of another are two matters."""
    text = _normalized(text)
    return frozenset(m.group() for m in _YEAR.finditer(text) if not is_amount(text, m.end()))


_services = _per_text(services_named)  # read once a text, as every reading `conflict` and `_alike` compare


@_per_text
def _another(text: str) -> bool:
    """Whether the text speaks of «another» of the writer's things (`_ANOTHER`): read once a text, as the other
    readings `conflict` compares are."""
    return _ANOTHER.search(_normalized(text)) is not None


# Whose a personal service is, where a text names it with its owner: the writer's own («کالابرگم», «یارانه خودم»,
# «گذرنامه من»), a relative's («پاسپورت همسرم», «حقوق بازنشستگی پدرم»), or a third person's named before it
# («مادرم … کالابرگش»). Told by the person the case is filed under, «my coupon» and «my mother's coupon» are two
# matters, though the words are the same (`Deduplicator.find`, own_voice).
_SERVICE = (r"(?<![\w\u200c])(?:یارانه|یاران|کالابرگ|کالا\s*برگ|سهام\s*عدالت|سهام|مستمری|حقوق|بیمه|دفترچه|گذرنامه"
            r"|گذرنام|پاسپورت|وام|کارت\s*سوخت|شهریه|سیم\s*\u200c?کارت|کارت\s*ملی|شناسنامه|فیش(?:\s*حج)?)")
_ONE_WORD_BETWEEN = r"(?:\s*\u200c?(?:ی\s+)?(?:[^\s\d]+\s+)?)"  # «کالابرگ خانوار خودم», «حقوق بازنشستگی پدرم»
_MY = r"(?:م|ام|مان|مون)(?:و|رو)?(?![\w\u200c])"  # («گذرنامه‌مو», «حقوقمو»: with the object's «و»)
# …and as an operator's note tells it of the caller («تماس‌گیرنده اظهار داشت گذرنامه‌اش …», «شهروند می‌گوید برای پسر
# ده‌ساله‌اش …»): «his» is the caller's own.
_HIS_ENDINGS = r"ش|اش|شان|شون"
_HIS = r"(?:" + _HIS_ENDINGS + r")(?![\w\u200c])"
_REPORTED = re.compile(r"^\W*(?:تماس\s*\u200c?گیرنده|شهروند|مراجعه\s*\u200c?کننده|متقاضی|مخاطب|نامبرده)"
                       r"[^.\n]{0,30}?(?:اظهار\s*(?:داشت|نمود|کرد)|می\s*\u200c?(?:گوید|گفت)|میگه|گفت"
                       r"|اعلام\s*(?:کرد|نمود|داشت)|عنوان\s*(?:کرد|نمود))(?![\w\u200c])")
# «گذرنامه پسر ۱۰ ساله‌ام», «دختر هشت ساله‌ام»: an age may stand between the relative and «my».
# (the numbers in words, less the hundreds: `NUMBER_WORDS` already leaves out the article «یه»)
_AGE_WORD = "|".join(sorted((w for w in NUMBER_WORDS if w not in HUNDREDS), key=len, reverse=True))
_AGED = (r"(?:\s*(?:\d{1,2}|(?:" + _AGE_WORD + r")(?:\s+و\s+(?:" + _AGE_WORD + r"))?)\s*\u200c?ساله"
         r"|\s*(?:زیر|بالای)\s*\d{1,2}\s*سال(?=م|ه))?")  # «گذرنامه پسر زیر ۱۸ سالم»
# Kin as people say them at home: «سهام عدالت خانمم», «یارانه بابام».
_KIN_WORDS = {**{noun: relation.value for noun, relation in (*KIN_NOUNS.items(), *SPOKEN_KIN_NOUNS.items())},
              "خانم": Relation.SPOUSE.value, "پدربزرگ": Relation.OTHER.value, "مادربزرگ": Relation.OTHER.value}
# «سهام عدالت پدر مرحومم», «مستمری مادر پیرم»: a word between the relative and «my» (and «پدر بزرگم» a grandparent).
_KIN_ADJECTIVE = r"(?:\s+(" + "|".join(KIN_ADJECTIVES) + r"))?"
_KIN = r"(" + "|".join(_KIN_WORDS) + r")" + _AGED + _KIN_ADJECTIVE + r"\s*\u200c?"
# Registered in someone's name («پژو ۲۰۷ که به نام همسرم ثبت نام شده», «خطی که به اسم خودمه»): whose it is, whatever
# is registered.
_IN_NAME_OF = r"(?<![\w\u200c])(?:به|با)\s*(?:نام|اسم)\s*\u200c?"


@dataclass(frozen=True)
class _Owners:
    """The patterns of whose a service is, in one voice: the writer's («my»: «یارانه‌ام», «یارانه خودم»), or the
    caller's as an operator's note tells it («his»: «یارانه‌اش», «یارانه خودش»)."""

    own_service: re.Pattern  # «کالابرگم», «یارانه خودم»
    own_name: re.Pattern  # «به اسم خودمه», «برای خودم»
    kin_service: re.Pattern  # «حقوق بازنشستگی پدرم»
    kin_name: re.Pattern  # «به نام همسرم»
    for_kin: re.Pattern  # «برای پسر ۸ ساله‌ام گذرنامه …»


def _owners(my: str, me: str, myself: str, household: str) -> _Owners:
    """`my`: the ending («ـم», «ـش»); `me`: the words («من», «او»); `myself` after «برای»; `household`: a further
    way a service is named the owner's, or empty."""
    return _Owners(
        own_service=re.compile(_SERVICE + r"\s*\u200c?" + my + "|" + _SERVICE + _ONE_WORD_BETWEEN + r"(?:" + me
                               + r")(?![\w\u200c])" + household),
        own_name=re.compile(_IN_NAME_OF + r"(?:" + me + r")(?:ه|است)?(?![\w\u200c])|(?<![\w\u200c])برای\s+" + myself
                            + r"(?![\w\u200c])"),
        kin_service=re.compile(_SERVICE + _ONE_WORD_BETWEEN + _KIN + my),
        kin_name=re.compile(_IN_NAME_OF + _KIN + my),
        for_kin=re.compile(r"(?<![\w\u200c])برای\s+" + _KIN + my + r"\s+(?:[^\s\d،,.]+\s+){0,2}?" + _SERVICE),
    )


# («کالابرگ خانوار ما», «یارانه ما»: the household's own)
_FIRST_PERSON = _owners(_MY, "خودم|من|اینجانب|خودمون|بنده", "خودم",
                        "|" + _SERVICE + r"(?:\s+خانوار)?\s+ما(?![\w\u200c])")
_REPORTED_CALLER = _owners(_HIS, "خودش|او|وی|ایشان|ایشون", "خودش", "")
_THIRD_SERVICE = re.compile(_SERVICE + r"(?:\s+(?:بیکاری|ازدواج|بازنشستگی|سلامت))?\s*\u200c?(?:" + _HIS_ENDINGS
                            + r"|ایشان|ایشون)(?![\w\u200c])")  # («بیمه بیکاریش», «وام ازدواجش»: the kind of service between)
OWN, THIRD = "own", "third"


@_per_text
def whose(text: str) -> frozenset[str]:
    """Whose the personal services a text names are: OWN, relations («mother»: «فرزندم» and «پسرم» are one),
    THIRD (his, hers)."""
    text = _normalized(text)
    reported = _REPORTED.search(text) is not None  # an operator's note: «his» is the caller's
    owners = _REPORTED_CALLER if reported else _FIRST_PERSON
    found = {_relation_named(m.group(0), m.group(1), m.group(2))
             for pattern in (owners.kin_service, owners.kin_name, owners.for_kin)
             for m in pattern.finditer(text)} - {None}
    if owners.own_service.search(text) or owners.own_name.search(text):
        found.add(OWN)
    if not reported and _THIRD_SERVICE.search(text):
        found.add(THIRD)
    return frozenset(found)


def _relation_named(said: str, kin: str, adjective: str | None) -> str | None:
    """Whose service `said` names: the relative's, a grandparent's («پدر بزرگم»); None for a late relative's pension
    («حقوق شوهر خدابیامرزم», «مستمری پدر مرحومم»), which is paid on to the survivor: told as the relative's or as
    the writer's own, one matter."""
    if adjective == GRANDPARENT_ADJECTIVE and KIN_NOUNS.get(kin) in (Relation.FATHER, Relation.MOTHER):
        return Relation.OTHER.value
    if adjective in LATE_ADJECTIVES and said.startswith(("حقوق", "مستمری")):
        return None
    return _KIN_WORDS[kin]


def _different_owners(a: frozenset[str], b: frozenset[str]) -> bool:
    """One text speaks only of the writer's own service and the other only of someone else's, or both of relatives'
    and of none in common. (Each of his, hers may be any relative named.)"""
    others_a, others_b = a - {OWN}, b - {OWN}
    if (OWN in a) != (OWN in b) and bool(others_a) != bool(others_b):
        return True
    kin_a, kin_b = others_a - {THIRD}, others_b - {THIRD}
    return bool(kin_a and kin_b and not kin_a & kin_b)


# A contact that says nothing but that the matter is still not seen to («هنوز درست نشده», «پس چی شد؟ هیچ اقدامی
# نکردید»): a follow-up of the person's open case, whatever it was (a new matter always names something).
_STILL_NOT = frozenset({"نشده", "نشد", "نکردن", "نکردید", "نکردند", "نیست", "نکرده",
                        "نیومده", "نیامده", "نیومدن", "نیامدند"})  # «هنوز هیچ کس نیومده»: nobody came to see to it
_BARE_FOLLOW_UP_WORDS = _STILL_NOT | frozenset({
    "سلام", "هنوز", "هنوزم", "باز", "بازم", "پس", "اما", "ولی", "که", "چی", "شد", "چیشد", "هیچ", "هیچی", "درست",
    "درستش", "اقدامی", "اقدام", "خبری", "کاری", "اند", "کس", "کسی", "هیچکس",
})


def _bare_follow_up(text: str) -> bool:
    """Whether every word of `text` is of `_BARE_FOLLOW_UP_WORDS`, one of them saying "not yet" or "what happened"."""
    words = re.findall(r"[^\W\d_]+", _normalized(text))
    return bool(words) and set(words) <= _BARE_FOLLOW_UP_WORDS and (
        not _STILL_NOT.isdisjoint(words) or "چیشد" in words or "شد" in words and "چی" in words)


def _tracking_codes(text: str) -> frozenset[str]:
    return frozenset(i for i in identifiers(text) if i.startswith("tracking:"))


_MOBILE = re.compile(r"(?<!\d)(?:\+98|0098|0)?(9\d{9})(?!\d)")


@_per_text
def phone_lines(text: str) -> frozenset[str]:
    """The mobile numbers a text names, as 9xxxxxxxxx (for topics where a number is the line in question)."""
    return frozenset(m.group(1) for m in _MOBILE.finditer(_normalized(text)))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> frozenset[str]:
    return frozenset(w for segment in match_segments(text) for w in segment)


@dataclass(frozen=True)
class DedupPolicy:
    closed_window: timedelta = timedelta(days=30)
    same_topic_floor: float = 0.0
    unclassified_min: float = 0.5
    # Two different specific topics: the classifier saw different evidence, so only a near-copy matches
    # («قبض آب زیاد اومده» / «قبض برق زیاد اومده» score 0.79 and must stay apart).
    cross_topic_min: float = 0.92
    # One text unclassified, the other not: a paraphrase the classifier missed half of.
    other_topic_min: float = 0.8
    # Unclassified texts with fewer content words than this never match (a bare «سلام», «الو»).
    min_content_words: int = 2
    # Keep matters apart that name different facet values (banks, car makers, goods) or identifiers.
    use_facets: bool = True
    use_identifiers: bool = True
    # Keep matters apart that name different streets or roads (for the catalog's place topics).
    use_places: bool = True


_OTHER_MATTER = "other_matter"  # the catalog's facet of what kind a matter no topic covers is


class Deduplicator:
    def __init__(self, policy: DedupPolicy | None = None, catalog: TopicCatalog | None = None):
        self.policy = policy or DedupPolicy()
        self._catalog = catalog
        self._facet_cache: dict[tuple[str, str], dict[str, frozenset[str]]] = {}

    def _facets(self, text: str, topic: str) -> dict[str, frozenset[str]]:
        """The facets of what a text asks about (a matter told as done before it is left out)."""
        key = (text, topic)
        found = self._facet_cache.get(key)
        if found is None:
            if len(self._facet_cache) >= 4096:
                self._facet_cache.clear()
            found = self._facet_cache[key] = self.catalog.facets(without_done(text) or text, topic)
        return found

    @property
    def catalog(self) -> TopicCatalog:
        if self._catalog is None:
            self._catalog = default_catalog()
        return self._catalog

    def closed_since(self, now: datetime) -> datetime:
        return now - self.policy.closed_window

    def conflict(self, text: str, topic: str, other_text: str, other_topic: str, *, own_voice: bool = False) -> str | None:
        """Why two texts are certainly different matters («bank: melli ≠ mellat»), or None. `own_voice`: both are
        told by the person they are filed under (then «my coupon» is not «my mother's coupon»)."""
        p = self.policy
        # Each reading below tells two matters apart only when both texts name something and nothing in common:
        # the other text is read only when this one names something (most name nothing; readings cost µs).
        if own_voice:
            wa = whose(text)
            if wa and (wb := whose(other_text)) and _different_owners(wa, wb):
                return f"owners: {sorted(wa)} ≠ {sorted(wb)}"
        if p.use_identifiers:
            ia = identifiers(text)
            if ia and (ib := identifiers(other_text)) and not ia & ib:
                return f"identifiers {sorted(ia)} ≠ {sorted(ib)}"
            # Filed under one identity, two texts that name national codes, none in common, speak of two people
            # (the writer's own subsidy, the newborn's): a repeat about one person names that person's code
            # again, or none (a spoken message's code is not in its text).
            pa = people(text)
            if pa and (pb := people(other_text)) and not pa & pb:
                return "national codes named differ"
            # whose home, which flat, which loan, which son, which year: each named in both texts, and none in common
            for name, named in (("homes", homes), ("flats", flats), ("loans", loan_amounts),
                                ("relatives", elder_or_younger), ("years", _years)):
                a = named(text)
                if a and (b := named(other_text)) and not a & b:
                    return f"{name}: {sorted(a)} ≠ {sorted(b)}"
            ra = ranked_things(text)
            if ra and _ranked_apart(ra, ranked_things(other_text)):
                return "things ranked apart"
            if _another(text) != _another(other_text):
                return "one text is about another of the writer's things"
            if topic == other_topic and topic in self.catalog.phone_line_topics:
                la = phone_lines(text)
                if la and (lb := phone_lines(other_text)) and not la & lb:
                    return "phone lines differ"
        if p.use_facets:
            fa = self._facets(text, topic)
            fb = self._facets(other_text, other_topic) if fa else {}
            for facet in fa.keys() & fb.keys():
                if not fa[facet] & fb[facet]:
                    return f"{facet}: {sorted(fa[facet])} ≠ {sorted(fb[facet])}"
        if p.use_places:
            pa = self.catalog.places(text, topic)
            pb = self.catalog.places(other_text, other_topic) if pa else frozenset()
            # A name the other text has anywhere (not after a street word) is not a different place.
            if pa and pb and not pa & pb and not pa & _tokens(other_text) and not pb & _tokens(text):
                return f"place: {sorted(pa)} ≠ {sorted(pb)}"
        return None

    def is_same_matter(self, text: str, topic: str, case: Case, *, own_voice: bool = False) -> bool:
        """`own_voice`: the text is told by the person it is filed under (no subject given); it counts when the
        case's first text was too (`Relation.SELF`)."""
        # The conflict check costs the most (facets, identifiers, places of both texts): only for a pair
        # that is otherwise alike.
        both_own = own_voice and case.relation is Relation.SELF
        return self._alike(text, topic, case) and self.conflict(text, topic, case.text, case.topic,
                                                                 own_voice=both_own) is None

    def _alike(self, text: str, topic: str, case: Case) -> bool:
        """Topics and texts say the same matter (before looking for what tells the two apart)."""
        p = self.policy
        if topic != case.topic and (self._one_bill(text, topic, case.text, case.topic)
                                    or self.catalog.reads_as_either(text, topic, case.topic)
                                    or self.catalog.reads_as_either(case.text, case.topic, topic)):
            topic = case.topic
        if topic == case.topic and topic != OTHER:
            return (p.same_topic_floor <= 0 or similarity(text, case.text) >= p.same_topic_floor
                    or self._quote_one_case(text, case.text))
        if self._quote_one_case(text, case.text):
            return True
        pa, pb = _profile_words(text), _profile_words(case.text)
        sim = _similarity(pa, pb)
        if topic == OTHER and case.topic == OTHER:
            if self._one_kind_of_other(text, case.text):
                return True
            enough = min(len(pa[0]), len(pb[0])) >= p.min_content_words
            return enough and sim >= p.unclassified_min
        if topic == OTHER and _bare_follow_up(text) or case.topic == OTHER and _bare_follow_up(case.text):
            return True  # «هنوز درست نشده»: nothing but "still not done", about the case it follows (either way)
        if topic == OTHER or case.topic == OTHER:
            return sim >= p.other_topic_min
        return sim >= p.cross_topic_min

    def _one_bill(self, a: str, topic_a: str, b: str, topic_b: str) -> bool:
        """Two utilities' bills where one text names no utility («قبض گاز … علی‌الحساب» and «مامور اومد کنتور رو خوند
        ولی هنوز قبض اصلاح نشده»): what the other says is which bill it is."""
        bills = self.catalog.utility_bill_topics
        return topic_a in bills and topic_b in bills and not (_services(a) and _services(b))

    def _one_kind_of_other(self, a: str, b: str) -> bool:
        """Two texts no topic covers that name one kind of matter (`other_matter` in the catalog's facets: identity
        papers, the post, a theft …): alike as two texts of one topic are."""
        kind_a = self._facets(a, OTHER).get(_OTHER_MATTER)
        return bool(kind_a and kind_a & self._facets(b, OTHER).get(_OTHER_MATTER, frozenset()))

    def _quote_one_case(self, a: str, b: str) -> bool:
        """Both texts quote one case's tracking code, whatever words each files it under. Asked only where the
        topics alone do not already make the pair alike (the common same-topic pair needs no identifiers here)."""
        return self.policy.use_identifiers and bool(_tracking_codes(a) & _tracking_codes(b))

    def find(self, text: str, topic: str, candidates: list[Case], now: datetime, *,
             own_voice: bool = False) -> Case | None:
        """The existing case this contact repeats, or None. Prefers open cases, then the most recent.
        `own_voice`: see `is_same_matter`."""
        since = self.closed_since(now)
        live = [
            c for c in candidates
            if c.merged_into is None and (c.status != CaseStatus.CLOSED or c.updated_at >= since)
        ]
        live.sort(key=lambda c: (c.status == CaseStatus.CLOSED, -c.created_at.timestamp()))
        for case in live:
            if self.is_same_matter(text, topic, case, own_voice=own_voice):
                return case
        return None


__all__ = ["DedupPolicy", "Deduplicator", "STOPWORDS", "content_words", "elder_or_younger", "flats", "homes", "identifiers",
           "loan_amounts",
           "similarity", "whose",
           "words"]
