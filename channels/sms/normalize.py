"""A whole SMS from a citizen → what Dargah does with it (pure: no I/O).

- «پیگیری» + a tracking code, or a tracking code alone ⇒ FollowUp.
- One or more valid national codes ⇒ Register. With a kinship word («پسرم», «همسرم», «مادرم» …) and a second
  code, the code nearest after the kinship word is the subject's and the other the caller's.
- A 10-digit number that fails the check digit and no valid code ⇒ InvalidCode.
- No code at all ⇒ MissingCode (the text is held until the same phone sends its code).
The matter text keeps the citizen's words without the national codes (they are stored as identity fields).
"""

from __future__ import annotations

import re
from typing import Union

import msgspec

from core import identity as ident
from core.errors import InvalidPhone
from core.kinship import (ARABIC_KIN, GRANDPARENT_ADJECTIVE, HEIR_WORDS, KIN_ADJECTIVES, KIN_NOUNS, LATE_WORDS,
                          OTHER_PARTY_ROLES, POOR_SOUL_AFTER_BANDEH, SPOKEN_KIN_NOUNS, alternation)
from core.model import Channel, Person, Relation, Submission
from core.text import fold_digits, normalize as normalize_text
from core.tracking import is_tracking_code

from channels.sms.payloads import InboundSms

# Kinship words as people write them in an SMS (after core.text.normalize: Persian yeh/kaf), and in Finglish.
KINSHIP: dict[str, Relation] = {
    "فرزندم": Relation.CHILD, "پسرم": Relation.CHILD, "دخترم": Relation.CHILD, "بچه‌ام": Relation.CHILD,
    "همسرم": Relation.SPOUSE, "شوهرم": Relation.SPOUSE, "خانمم": Relation.SPOUSE, "زنم": Relation.SPOUSE,
    "پدرم": Relation.FATHER, "مادرم": Relation.MOTHER, "برادرم": Relation.SIBLING, "خواهرم": Relation.SIBLING,
    **{f"{noun}م": relation for noun, relation in SPOKEN_KIN_NOUNS.items()},  # «بابام», «داداشم»
    "نوه‌ام": Relation.OTHER, "نوه‌م": Relation.OTHER, "نوه ام": Relation.OTHER, "نوه م": Relation.OTHER,
    "نوه‌ی من": Relation.OTHER,
    "عروسم": Relation.OTHER, "دامادم": Relation.OTHER, "مادرزنم": Relation.OTHER, "پدرزنم": Relation.OTHER,
    "مادرشوهرم": Relation.OTHER, "پدرشوهرم": Relation.OTHER, "عموم": Relation.OTHER, "عمه‌ام": Relation.OTHER,
    "دایی‌ام": Relation.OTHER, "خاله‌ام": Relation.OTHER, "برادرزاده‌ام": Relation.OTHER, "برادرزادم": Relation.OTHER,
    "خواهرزاده‌ام": Relation.OTHER, "خواهرزادم": Relation.OTHER, "خواهرشوهرم": Relation.OTHER,
    "برادرشوهرم": Relation.OTHER, "خواهرزنم": Relation.OTHER, "برادرزنم": Relation.OTHER,
    # In-laws as people say them («پدرخانمم», «برادرخانمم», «شوهرخواهرم»), and as a label with no «my» («کدملی پدرزن»).
    "پدرخانمم": Relation.OTHER, "مادرخانمم": Relation.OTHER, "برادرخانمم": Relation.OTHER, "خواهرخانمم": Relation.OTHER,
    "شوهرخواهرم": Relation.OTHER, "زنداداشم": Relation.OTHER, "زن‌برادرم": Relation.OTHER, "باجناقم": Relation.OTHER,
    "پدرزن": Relation.OTHER, "مادرزن": Relation.OTHER, "پدرشوهر": Relation.OTHER, "مادرشوهر": Relation.OTHER,
    # Someone cared for who is not kin: a ward («صغیر»), a neighbour, «ایشان» (he or she, politely).
    "صغیر": Relation.OTHER, "همسایه‌ام": Relation.OTHER, "همسایم": Relation.OTHER, "ایشان": Relation.OTHER,
    "ایشون": Relation.OTHER,
    "والده‌ام": Relation.MOTHER, "والده": Relation.MOTHER, "والدم": Relation.FATHER, "پدربزرگم": Relation.OTHER,
    "مادربزرگم": Relation.OTHER, "پدربزرگ": Relation.OTHER, "مادربزرگ": Relation.OTHER,
    # the rest of the family and a neighbour with their «my» or «our», written joined, with a ZWNJ or a space
    **{noun + ending: Relation.OTHER for noun in ("خاله", "عمه", "دایی", "عمو", "نوه", "پدربزرگ", "مادربزرگ",
                                                  "بابابزرگ", "مامانبزرگ", "مامان بزرگ", "بابا بزرگ", "همسایه")
       for ending in ("م", "\u200cم", "\u200cام", "مون", "\u200cمون", "\u200cمان")},
    "بی بی من": Relation.OTHER, "بی بیم": Relation.OTHER, "بی بی": Relation.OTHER,  # «بی بی», a grandmother
    "بی\u200cبی\u200cم": Relation.OTHER, "بی\u200cبیم": Relation.OTHER, "بی\u200cبی": Relation.OTHER,  # (with its ZWNJ)
    "آقاجون": Relation.OTHER, "آقاجونم": Relation.OTHER, "آقا جون": Relation.OTHER,  # «آقاجون», a grandfather
    "آقا جونم": Relation.OTHER,
    # (Kurdish and Lori «دایکم», «دالگم», «بوام» come with the spoken kin nouns above.)
    "دا": Relation.MOTHER,  # Lori and Kurdish «دا» («دا پیرم», «کدملی دا …»; not «دام», livestock)
    # Gilaki «می مار», «می پئر» (my mother, my father; «پیر» as normalized); Khuzestani Arabic «ولدی», «ابوی» …
    # (`ARABIC_KIN`); Kurdish «کاکم», «کاکه م» (my brother); Khorasani «بچیم», Lori «کُرِم» (my child, my son);
    # «ننه‌م» (my mother)
    "می مار": Relation.MOTHER, "می پئر": Relation.FATHER, "می پیر": Relation.FATHER, **ARABIC_KIN,
    "کاکم": Relation.SIBLING, "کاکه م": Relation.SIBLING, "کاکه‌م": Relation.SIBLING,
    "کاکه‌ام": Relation.SIBLING, "کاکام": Relation.SIBLING, "کاکهم": Relation.SIBLING,  # (Sorani «کاکەم» as folded)
    "بچیم": Relation.CHILD, "کرم": Relation.CHILD,
    "ننه‌م": Relation.MOTHER, "ننه م": Relation.MOTHER, "ننه‌ام": Relation.MOTHER, "ننم": Relation.MOTHER,
    # Baluchi «پتم», «منی پت» (my father), «منی برات», «منی مات» (my brother, my mother), «منی جن», «جنم» (my
    # wife); Mazani «مه پییر», «مه پیر» (my father); Talysh «چمه کیله» (my daughter); Gilaki «می خاخور», «خاخورم», «می
    # برار» (my sister, my brother)
    "پتم": Relation.FATHER, "منی پت": Relation.FATHER, "منی جن": Relation.SPOUSE, "جنم": Relation.SPOUSE,
    "منی برات": Relation.SIBLING, "منی مات": Relation.MOTHER,
    "مه پییر": Relation.FATHER, "مه پیر": Relation.FATHER, "پییرم": Relation.FATHER, "پییر": Relation.FATHER,
    "چمه کیله": Relation.CHILD,
    "می خاخور": Relation.SIBLING, "خاخورم": Relation.SIBLING, "می برار": Relation.SIBLING,
    "ایجم": Relation.MOTHER, "آغام": Relation.SIBLING,  # Turkmen «ایجم», «آغام» (my mother, my elder brother)
    # Khorasani «همساده» (neighbour), «جاریم» (my husband's brother's wife)
    "همساده": Relation.OTHER, "همسادم": Relation.OTHER, "همساده‌م": Relation.OTHER, "همساده‌مون": Relation.OTHER,
    "جاریم": Relation.OTHER,
    # Azeri «کوره کنیم» (my son-in-law), «قونشوم», «قونشوموز» (my, our neighbour)
    "کوره کنیم": Relation.OTHER, "کوره کنیمین": Relation.OTHER, "قونشوم": Relation.OTHER, "قونشوموز": Relation.OTHER,
    # Sorani «کچەکەم», «براکەم», «خەسووم» (my daughter, my brother, my mother-in-law; «ە» folded to «ه»), Lori «خوارم»
    # (my sister), Laki «هامسا» (neighbour)
    "کچهکهم": Relation.CHILD, "براکهم": Relation.SIBLING, "خهسووم": Relation.OTHER, "خوارم": Relation.SIBLING,
    "هامسا": Relation.OTHER, "هامسام": Relation.OTHER,
    # Azeri «یولداشیم» (my spouse), Laki and Kurdish «باپیرم» (my grandfather)
    "یولداشیم": Relation.SPOUSE, "یولداشیمین": Relation.SPOUSE, "باپیرم": Relation.OTHER,
    # Khorasani and old Tehrani «آقام» (my father), «همشیره» (sister, also as a bare label), Mazani «ریکا» (son).
    # (Not Bakhtiari «دیم», my mother: «زمین دیم», rain-fed land, is a farmer's word.)
    "آقام": Relation.FATHER, "اقام": Relation.FATHER, "همشیره": Relation.SIBLING, "همشیره‌ام": Relation.SIBLING,
    "همشیره ام": Relation.SIBLING, "همشیرم": Relation.SIBLING, "مه ریکا": Relation.CHILD, "ریکا": Relation.CHILD,
    "ریکام": Relation.CHILD,
    # the south: Bandari «پُسُم», «زاکم» (my son, my child), Bushehri «دیام» (my mother), Lori «ژنم» (my wife). (Not
    # Lori «دام», my mother: livestock; nor Arabic «امی», my mother: «امی» is illiterate.)
    "پسم": Relation.CHILD, "زاکم": Relation.CHILD, "دیام": Relation.MOTHER, "ژنم": Relation.SPOUSE,
    # Mazani «مه کیجا» (my daughter), Kurdish «کوڕم» (my son; folded «کورم»)
    "مه کیجا": Relation.CHILD, "کیجا": Relation.CHILD, "کیجام": Relation.CHILD, "کورم": Relation.CHILD,
    # Someone the writer answers for outside the family: a teacher's pupil, a lawyer's client.
    "دانش‌آموز": Relation.OTHER, "دانش آموز": Relation.OTHER, "دانش‌آموزم": Relation.OTHER, "شاگردم": Relation.OTHER,
    "شاگردام": Relation.OTHER, "شاگردانم": Relation.OTHER,
    "موکلم": Relation.OTHER, "موکل": Relation.OTHER,
    # An employer's worker, a school's pupils («یکی از دانش‌آموزان ما با کد ملی …»).
    "کارگرم": Relation.OTHER, "کارمندم": Relation.OTHER, "دانش‌آموزان ما": Relation.OTHER,
    "دانش آموزان ما": Relation.OTHER, "دانش‌آموزمون": Relation.OTHER, "باباست": Relation.FATHER,
    # A welfare worker's client, the person a file is about («صاحب پرونده: X / پیامک از: Y»).
    "مددجو": Relation.OTHER, "مددجوی ما": Relation.OTHER, "مددجویم": Relation.OTHER, "صاحب پرونده": Relation.OTHER,
    "ذینفع": Relation.OTHER, "ذی نفع": Relation.OTHER,
    "متقاضی": Relation.OTHER,  # beside the sender's own label («کد ملی متقاضی: X کد ملی ارسال کننده: Y»)
    # «my» written apart («خاله ام»), cousins («پسرعموم», «دخترخالم»), «بچم», a friend, Lori «بووم» (my father)
    "خاله ام": Relation.OTHER, "عمه ام": Relation.OTHER, "دایی ام": Relation.OTHER, "بچه ام": Relation.CHILD,
    "بچم": Relation.CHILD, "پسرعموم": Relation.OTHER, "دخترعموم": Relation.OTHER, "پسرخالم": Relation.OTHER,
    "دخترخالم": Relation.OTHER, "پسرخاله‌ام": Relation.OTHER, "دخترخاله‌ام": Relation.OTHER, "پسرداییم": Relation.OTHER,
    "دخترداییم": Relation.OTHER, "پسرعمه‌ام": Relation.OTHER, "دخترعمه‌ام": Relation.OTHER, "دوستم": Relation.OTHER,
    "dustam": Relation.OTHER, "doostam": Relation.OTHER, "بووم": Relation.FATHER, "بووه م": Relation.FATHER,
    "بووه‌م": Relation.FATHER, "بووهم": Relation.FATHER,  # (Lori «بووه م», my father, its «my» apart)
    # Azeri («آنامین کد ملیسی», «oghlum»), Sorani («کوڕەکەم», as normalized) and an old word for a wife («عیالم»)
    "آنام": Relation.MOTHER, "آنامین": Relation.MOTHER, "آتام": Relation.FATHER, "آتامین": Relation.FATHER,
    "اوغلوم": Relation.CHILD, "قیزیم": Relation.CHILD, "oghlum": Relation.CHILD, "oghlom": Relation.CHILD,
    "qizim": Relation.CHILD, "ghizim": Relation.CHILD, "کوڕهکهم": Relation.CHILD, "کورهکهم": Relation.CHILD,
    "عیالم": Relation.SPOUSE, "آقامون": Relation.SPOUSE, "اقامون": Relation.SPOUSE,  # «آقامون»: my husband
    # more Azeri, in Persian letters and Finglish: «اریم» (my husband), «باجیم», «قارداشیم» (my sister, brother),
    # «قاینانام» (my mother-in-law), «atamin», «anamin», «qizimin» (my father's, mother's, daughter's)
    "اریم": Relation.SPOUSE, "اریمین": Relation.SPOUSE, "باجیم": Relation.SIBLING, "باجیمین": Relation.SIBLING,
    "قارداشیم": Relation.SIBLING, "قارداشیمین": Relation.SIBLING, "قاینانام": Relation.OTHER,
    "قاینانامین": Relation.OTHER, "قیزیمین": Relation.CHILD, "اوغلومون": Relation.CHILD,
    "atam": Relation.FATHER, "atamin": Relation.FATHER, "anam": Relation.MOTHER, "anamin": Relation.MOTHER,
    "qizimin": Relation.CHILD, "oghlumun": Relation.CHILD, "arim": Relation.SPOUSE, "arimin": Relation.SPOUSE,
    "oglum": Relation.CHILD, "oglumun": Relation.CHILD, "yoldasim": Relation.SPOUSE, "yoldasimin": Relation.SPOUSE,
    "bajim": Relation.SIBLING, "bacim": Relation.SIBLING, "qardashim": Relation.SIBLING,
    # «پدر من», «shohar e man»: the kin noun and «my» apart (read before «من» alone, which is the writer)
    **{f"{noun} من": relation for noun, relation in (
        ("پدر", Relation.FATHER), ("مادر", Relation.MOTHER), ("همسر", Relation.SPOUSE), ("شوهر", Relation.SPOUSE),
        ("خانم", Relation.SPOUSE), ("پسر", Relation.CHILD), ("دختر", Relation.CHILD), ("بچه", Relation.CHILD),
        ("برادر", Relation.SIBLING), ("خواهر", Relation.SIBLING))},
    **{f"{noun}{joint}man": relation for joint in (" e ", "e ", "-e ") for noun, relation in (
        ("pedar", Relation.FATHER), ("madar", Relation.MOTHER), ("hamsar", Relation.SPOUSE), ("shohar", Relation.SPOUSE),
        ("zan", Relation.SPOUSE), ("pesar", Relation.CHILD), ("dokhtar", Relation.CHILD), ("baradar", Relation.SIBLING),
        ("khahar", Relation.SIBLING))},
    "farzandam": Relation.CHILD, "pesaram": Relation.CHILD, "dokhtaram": Relation.CHILD,
    "hamsaram": Relation.SPOUSE, "shoharam": Relation.SPOUSE, "shoharm": Relation.SPOUSE,
    "khanomam": Relation.SPOUSE, "khanumam": Relation.SPOUSE, "khanumame": Relation.SPOUSE, "khanoomam": Relation.SPOUSE,
    "pedaram": Relation.FATHER, "babam": Relation.FATHER, "baba": Relation.FATHER,  # («codemeli baba X», a bare label)
    "bache": Relation.CHILD, "bacheh": Relation.CHILD, "bachem": Relation.CHILD, "bacham": Relation.CHILD,
    "madaram": Relation.MOTHER, "maman": Relation.MOTHER, "mamanam": Relation.MOTHER,
    "baradaram": Relation.SIBLING, "khaharam": Relation.SIBLING, "dadasham": Relation.SIBLING,
    "naveam": Relation.OTHER, "nave-am": Relation.OTHER, "naveh-am": Relation.OTHER, "navam": Relation.OTHER,
    "khalam": Relation.OTHER, "khaleam": Relation.OTHER, "ameham": Relation.OTHER, "ameam": Relation.OTHER,
    "daeim": Relation.OTHER, "daeeam": Relation.OTHER, "amoom": Relation.OTHER, "amuyam": Relation.OTHER,
    "madarbozorgam": Relation.OTHER, "pedarbozorgam": Relation.OTHER, "pedar bozorgam": Relation.OTHER,
    "madar bozorgam": Relation.OTHER, "pedarbozorg": Relation.OTHER, "madarbozorg": Relation.OTHER,
    "nave": Relation.OTHER, "naveh": Relation.OTHER,  # a bare label, as «pedarbozorg»: «code meli nave X»
    "bibi": Relation.OTHER, "bibim": Relation.OTHER, "aghajoon": Relation.OTHER, "aghajun": Relation.OTHER,
    "pedarzanam": Relation.OTHER, "madarzanam": Relation.OTHER, "pedarshoharam": Relation.OTHER,
    "madarshoharam": Relation.OTHER,
}
# Finglish «my» written apart from its noun, as old phones' users often do: «nave am», «pesar am».
for _noun, _relation in (("farzand", Relation.CHILD), ("pesar", Relation.CHILD), ("dokhtar", Relation.CHILD),
                         ("hamsar", Relation.SPOUSE), ("shohar", Relation.SPOUSE), ("khanom", Relation.SPOUSE),
                         ("khanum", Relation.SPOUSE), ("pedar", Relation.FATHER), ("madar", Relation.MOTHER),
                         ("baradar", Relation.SIBLING), ("khahar", Relation.SIBLING), ("nave", Relation.OTHER),
                         ("naveh", Relation.OTHER), ("khale", Relation.OTHER), ("ameh", Relation.OTHER),
                         ("amu", Relation.OTHER), ("daei", Relation.OTHER), ("pedarbozorg", Relation.OTHER),
                         ("madarbozorg", Relation.OTHER)):
    KINSHIP.setdefault(f"{_noun} am", _relation)
# …and a kin word's «آ» written without its madda, as hurried thumbs do (Azeri «اتامین کد ملیسی», my father's code).
KINSHIP.update({"ا" + _word[1:]: _relation for _word, _relation in list(KINSHIP.items()) if _word.startswith("آ")})
# A kin noun with an adjective that carries the «my»: «پسر بزرگم», «مادر پیرم», «همسر مرحومم» («پدر بزرگم» and
# «مادر بزرگم» are grandparents).
for _noun, _relation in KIN_NOUNS.items():
    for _adjective in KIN_ADJECTIVES:
        grand = _adjective == GRANDPARENT_ADJECTIVE and _noun in ("پدر", "مادر")
        KINSHIP.setdefault(f"{_noun} {_adjective}م", Relation.OTHER if grand else _relation)
# A kinship word may carry the colloquial «is» («مال پسرمه»: it is my son's).
# Digits may be glued to it on an old phone's keypad («کدملی پدرم4212128098»): only a letter continues a word.
# And the object's «و» after it: «کالابرگ بابامو».
_KINSHIP = re.compile(r"(?<![^\W\d_]|\u200c)(" + "|".join(map(re.escape, KINSHIP))
                      + r")(?:\u200c?ه|و)?(?![^\W\d_]|\u200c)", re.IGNORECASE)
# «نتیجه», «چی شد», «به کجا رسید» ask after a matter already raised, as «پیگیری» does; «قبلا», «شکایت کرده»,
# «درخواست داده», «ثبت شد(ه)» say it was raised before (with a tracking code, that is the one to follow); «جواب»,
# «پاسخ»: the answer to it is asked for.
FOLLOW_UP_WORDS = ("پیگیری", "پیگیر", "وضعیت", "رهگیری", "نتیجه", "کجا رسید", "چی شد", "چیشد", "قبلا", "قبلاً",
                   "شکایت کرده", "درخواست داده", "ثبت شد", "ثبت کردم", "شماره شکایت", "جواب", "پاسخ",
                   "ثبت کرده", "ثبت کردیم",  # «ثبت کرده بودم به شماره X»: the matter registered before
                   "جواو",  # Kurdish and Lori «جواب»
                   "المتابعه", "متابعه",  # Arabic «رقم المتابعة» (the follow-up number)
                   # «… ۲۰ روزه منتظرم کد X» (I have waited), Azeri Finglish «shekayat kodu X» (the complaint's code)
                   "منتظرم", "shekayat kodu",
                   "کد سامد",  # the line's own name for its tracking code
                   "هنوز",  # «ر: X … هنوز بخاری نیاوردن» (still not done): the matter X was filed as
                   "کد دادن", "کد دادید", "کد داده", "شماره ثبت شکایت", "ارجاع شده", "این کد را", "این کدو",
                   "تماس نگرفت", "خبری نشد", "خبری نیست", "پیرو ",  # «پیرو درخواست شماره …» (not «پیروزی»)
                   "بهم دادین", "بهم دادید",  # «کد X بهم دادین»: the code the line gave
                   "که دادین", "که دادید", "که داده بودین", "که داده بودید",  # «شماره ای که دادین X»
                   "که فرستادین", "که فرستادید", "12 رقمی", "دوازده رقمی",  # «یه کد ۱۲ رقمی دادین X»
                   "درخواست شماره",  # «در خصوص درخواست شماره X …» (a follow-up only with a valid tracking code)
                   "شکایت قبلی", "درخواست قبلی", "پیام قبلی",  # «کد: X کد: Y همون شکایت قبلی»
                   "همون قبلی", "گزارش دادم", "گزارش داده", "نه اولدی",  # (Azeri «شکایتیمیز نه اولدی»: what became of it)
                   "ک.پ",  # «ک.پ X ک.م Y»: a tracking code's label as «ک.م» is a national code's
                   "peygiri", "peigiri", "pey giri", "pei giri", "rahgiri", "vaziat",
                   "natije", "chi shod", "che shod", "koja resid", "ghablan", "sabt shod", "sabt kardam", "sabt karde",
                   "sabt kardim", "ne oldu")
# Digit runs for tracking codes and check-digit failures: digits joined by dashes only (a space separates two
# numbers: «کد 0012345679 1234567891» is two codes, not a 20-digit run).
_DIGIT_RUN = re.compile(r"(?<!\d)\d(?:-?\d)*(?!\d)")
# «کد ملی», «کدملی», «شماره ملی», «ش.م», «ک.م», «ک م», «kod meli», «code melli», «k.m» (with «من», «ام», «اش», «ش» after it).
_CODE_LABEL = re.compile(
    # (and Kurdish «کۆدی میلی», Arabic «الكود الملي»)
    r"(?:(?:شماره\s*)?(?:ال)?(?:کد|کُد|کودی?)\s*(?:‌|\s)?(?:ال)?(?:ملی|میلی)|شماره\s*(?:‌|\s)?ملی"
    r"|(?<![\w\u200c])[شک](?:\s*\.\s*|\s+)م(?![\w\u200c])"
    r"|(?<![\w\u200c])[شک]\s*\.\s*ملی"  # «ک.ملی»
    r"|(?<![a-z])(?:kod|code|kode|cod)\s*-?\s*(?:meli|melli|mely|melly)(?:e|ye|si)?(?![a-z])"  # (Azeri «kod melisi»)
    r"|(?<![a-z])shomare\s*(?:meli|melli)"
    r"|(?<![a-z])[ks]\s*\.\s*m(?![a-z]))"  # «k.m», as «ک.م» in Finglish (with its dot: «km» is kilometres)
    r"(?:\s*(?:من|ام|اش|ش)|م)?\s*[:：]?\s*", re.IGNORECASE)
_TRACKING_LABEL = re.compile(
    r"(?:(?:کد|code|kod)\s*)?(?:" + "|".join(FOLLOW_UP_WORDS) + r")\s*[:：]?\s*", re.IGNORECASE)
_PUNCT_ONLY = re.compile(r"^[\s\W_]*$")
# A number whose label says it is something else (a postal code, a bill or payment ID, an account, card,
# phone, meter, file, personnel, student or serial number) is never a national code, even when its check
# digit happens to hold («کد پستی ۴۴۱۲۰۱۷۰۱۱», «کدپستی منزل …»).
_OTHER_NUMBER_LABEL = re.compile(
    r"(?:(?:کد|code|kod)\s*(?:پستی|posti)|کدپستی|شناسه\s*(?:قبض|پرداخت)?"
    r"|(?<![\w\u200c])تلفن\s*(?:خونه|خانه|منزل|ثابت)"  # «تلفن خونه ۸۷۳۲۴۵۶۷۸۱»: a landline without its zero
    r"|پوست\s*کدی?"  # Azeri «پوست کدی» (postal code)
    r"|(?:شماره|کد|(?<![\w\u200c])ش\s*\.?)\s*"  # (and «ش دانشجویی», the «ش» of «شماره»)
    r"(?:حساب|کارت|تلفن|تماس|موبایل|همراه|اشتراک|شبا|قبض|کنتور|پرونده|پرسنلی|دانشجویی|بیمه"
    r"|شناسنامه|سفارش|پلاک|گذرنامه|پاسپورت|سریال|بدنه|شاسی|قرارداد|نامه|کارگاه)"
    # «پرونده‌ام به شماره …», «قبضی با شماره …»: a thing's number
    r"|(?:پرونده|قبض|حساب|کنتور|اشتراک|نامه|پلاک|قرارداد|چک)\S{0,3}\s*(?:به|با)\s*شماره(?!\s*ملی))"
    # whose or what («کد پستی منزل», «کدپستی دهیاری», «شماره بدنه کنتور برق»): a word or two after the label (not
    # «شماره کارت ملی»: the national card)
    r"(?:\s*(?:من|ام)|م|(?:\s+(?!ملی)[^\s\d:：]{2,}){1,2})?\s*[:：]?\s*$", re.IGNORECASE)
# …or, after it, says it is the writer's phone: «۹۱۷۷۶۵۴۳۲۱ شمارمه», «… شماره همراهمه».
_PHONE_SAID_AFTER = re.compile(r"\s*(?:شمارمه|شماره\s*(?:منه|(?:تماس|همراه|موبایل|تلفن)\s*\u200c?(?:م|مه|ه|منه))"
                               r"|(?:موبایل|همراه)\s*\u200c?مه)(?![\w\u200c])(?!\s*[:：]?\s*\d)")  # (not the label of a number after it)
# …or, right before it, says so: «همراهم 9352784803» (a mobile written without its leading 0).
_PHONE_SAID_BEFORE = re.compile(r"(?:(?:همراه|موبایل|تلفن|شماره)\s*\u200c?(?:م|ام|من)"
                                r"|(?:shomar|mobil|hamrah)(?:e?\s*-?\s*)?(?:am|m|e\s*man))\s*[:：]?\s*$", re.IGNORECASE)
# What may stand right before an older code written without its leading zeros.
# («کد ملی پدر ۹۱۳۴۷۹۴۷»: the label with a bare kin noun after it)
_SHORT_CODE_LEAD = re.compile(r"(?:" + _CODE_LABEL.pattern + r"(?:" + alternation(KIN_NOUNS) + r")?|" + _KINSHIP.pattern
                              + r")\s*[:：]?\s*$", re.IGNORECASE)
# …or before it, saying whose it is: «۲۱۳۴۴۸۵۶۴ کد ملی پسرمه».
_SHORT_CODE_TRAIL = re.compile(r"\s*[:：]?\s*(?:" + _CODE_LABEL.pattern + r")", re.IGNORECASE)
# A number written after a «کد ملی» label, perhaps after whose it is, whole or in groups: «کدملی ۹۱۵۴۰۵۶۸»,
# «code melli 576 135 8249», «کد ملی پسرم ۳۶۳ ۹۲۷ ۹۹۷۴», «کد ملی ۰۰۸ - ۴۳۶۹۹۸ - ۱».
_LABELLED_NUMBER = re.compile(r"(?:[^\d\s]{1,15}\s*[:：]?\s*)?\d+(?:(?: ?[\-./] ?| )\d{1,8})*(?!\d)")


class Register(msgspec.Struct, frozen=True):
    submission: Submission
    matter: str  # the text without codes; may be empty when the SMS was only a code


class FollowUp(msgspec.Struct, frozen=True):
    tracking_code: str | None  # None: «پیگیری» with a number that is not a valid tracking code
    national_code: str | None
    # No valid national code, but one was given that fails its check (a typo the citizen should hear about).
    national_code_invalid: bool = False


class MissingCode(msgspec.Struct, frozen=True):
    text: str


class InvalidCode(msgspec.Struct, frozen=True):
    text: str


Decision = Union[Register, FollowUp, MissingCode, InvalidCode]


def caller_phone(sender: str) -> str | None:
    """The canonical phone of an SMS sender, or None for alphanumeric/foreign senders we cannot read."""
    try:
        return ident.parse_phone(sender)
    except InvalidPhone:
        return None


def _runs(folded: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0).replace("-", "")) for m in _DIGIT_RUN.finditer(folded)]


_DIGIT_START = re.compile(r"(?<!\d)\d")


def _code_spans(text: str, digits: str) -> list[tuple[int, int]]:
    """Where `digits` is written in `text`: after any leading zeros, with at most one space or dash between
    two digits, not inside a longer number. (A regex built per code would do the same, but compiling one
    per message cost more than the rest of an SMS's handling.)"""
    spans: list[tuple[int, int]] = []
    end = len(text)
    for start in _DIGIT_START.finditer(text):
        i = start.start()
        if spans and i < spans[-1][1]:
            continue
        while i < end and text[i] == "0":
            i += 1
        for k, digit in enumerate(digits):
            if k and i + 1 < end and text[i] in " -./" and text[i + 1] == digit:
                i += 1
            if i < end and text[i] == digit:
                i += 1
            else:
                break
        else:
            if i >= end or not text[i].isdecimal():
                spans.append((start.start(), i))
    return spans


def _strip_codes(text: str, codes: list[str]) -> str:
    text = fold_digits(text)
    for code in codes:
        digits = code.lstrip("0")  # also as written without leading zeros
        for start, stop in reversed(_code_spans(text, digits)):
            text = text[:start] + " " + text[stop:]
    text = _CODE_LABEL.sub(" ", text)
    text = normalize_text(text)
    return "" if _PUNCT_ONLY.match(text) else text


def without_codes(text: str) -> str:
    """Held text without the (invalid) national codes and their «کد ملی» label, for completing it later."""
    folded = fold_digits(normalize_text(text))
    return _strip_codes(folded, [digits for _, digits in _runs(folded) if 8 <= len(digits) <= 10])


# Words by which the writer means himself.
SELF_WORDS = ("من", "خودم", "خودمم", "اینجانب", "بنده", "قیم",  # «قیم»: the ward's guardian
              "فرستنده", "ارسال کننده", "پیامک از",  # who sends the message: «فرستنده: Y»
              "khodam", "injaneb", "bandeh", "man",
              "منیم", "منیمکی", "menim", "menimki",  # Azeri «my», «mine»
              "خۆم", "خوم", "خوهم",  # Sorani and Lori «myself», Kurdish «خوەم»
              # Khuzestani Arabic, Lori and Khorasani «I» («کد ملی انی Y», «کد ملی مه Y», «مو نوه‌شم Y»)
              "انی", "مه", "مو",
              "چمه",  # Talysh «my» («چمه کد Y»)
              "منی",  # Baluchi «my» («منی کد ملی Y»)
              "کدملیم", "ملیم",  # «کدملیم Y», «کد ملیم Y»: my national code
              "کدیم")  # Azeri «کدیم Y» (my code)
# (not «بنده خدا», a poor soul: «کد ملی اون بنده خدا X» is the neighbour's)
_SELF = re.compile(r"(?<![\w\u200c])(?:" + "|".join(SELF_WORDS) + r")(?![\w\u200c])(?!(?<=بنده)" + POOR_SOUL_AFTER_BANDEH
                   + ")", re.IGNORECASE)
# The writer's bare word for himself, as a label or a gloss in brackets: «کد ملی ضامن (خودم) Y», «… من: Y».
_I = r"(?:خودم|من|اینجانب|بنده)"
_WHOSE = "(" + "|".join(map(re.escape, (*KINSHIP, *SELF_WORDS))) + ")"
# A label written after its code says so: «X کد ملی مادرم هست», «X کد ملی پسرمه», «X کد دخترمه Y هم کد خودمه»,
# «Y مال خودم.», «Z برای پسرم است». «برای مادرم» alone is not one when more follows («X برای مادرم با کد ملی Y»:
# on behalf of her, whose code is Y).
_COPULA = r"\s*(?:هست|است|میباشد|می‌باشد|میشه|هستش)(?![\w\u200c])"
_CHILD_ROLES = {"بچه": "فرزندم", "نوزاد": "فرزندم", "کودک": "فرزندم"}  # a child named by role: the writer's
_THIRD_PERSON = ("خودش", "خودشون", "خودشان")  # «his own»: the person written for
_THEIR_ENDINGS = ("ش", "اش", "شون", "شان")  # «his», «their» on a word: «کد ملیش», «کد ملیشه»
_NOT_MINE = r"(?:نیس|نیست|نمیباشد|نمی‌باشد)(?![\w\u200c])"  # «X مال من نیست …»: a code denied as the writer's
_LABEL_AFTER = re.compile(
    r"\s*(?:هم\s+)?(?:(?:این\s*)?(?:کد|شماره)(?:\s*(?:‌|\s)?ملی)?\s*)?"
    # denied as the writer's first: «X این کد ملی مال من نیس مال بابامه»
    r"(?:(?:مال|ماله)\s*" + _I + r"\s*" + _NOT_MINE + r"\s*[،,]?\s*(?:بلکه\s*)?)?(?:"
    r"(?:مال|ماله|برای|متعلق\s*به|مربوط\s*به)\s*" + _WHOSE + r"(?:\u200c?ه(?![\w\u200c])|(?![\w\u200c])(?:" + _COPULA
    + r"|\s*(?=[.,،;!?؟\n]|$)))"  # (not before a colon: «X مال خودم: Y» labels Y)
    r"|" + _WHOSE + _COPULA + r"|" + _WHOSE + r"\u200c?ه(?![\w\u200c])"
    # the kin word glossed in brackets: «X کد ملی باوکم (پدرم)، Y …»; the kin word and a stop: «X کد پدرزنم، Y …»
    r"|" + _WHOSE + r"\s*\(\s*" + _WHOSE + r"\s*\)|" + _WHOSE + r"(?=\s*[.,،;!?؟\n]|\s*$)"
    # a child's code by role: «X کدملی بچه هست» (the writer's child)
    r"|(" + "|".join(_CHILD_ROLES) + r")" + _COPULA +
    # in brackets, whatever follows: «X (پدرشوهرم) وامش …», «کد ملی X است (همسرم)», «X مال حاج خانم (مادرم)»
    r"|(?:(?:است|هست)\s*|(?:مال|ماله|برای)\s*(?:[^\s\d()]+\s+){1,3})?\(\s*" + _WHOSE + r"\s*(?:[،,][^()]{0,40})?\)"
    # «X مال خودشه، مال من Y»: his own, of the person the message is written for
    r"|(?:مال|ماله)\s*(" + "|".join(_THIRD_PERSON) + r")(?:\u200c?ه)?(?![\w\u200c])"
    # «X هستم» (I am X: the writer's), «Y کد ملیشه» (it is his national code: whom he writes for)
    r"|(هستم)(?![\w\u200c])|(?:کد\s*\u200c?)?ملی\s*(" + "|".join(_THEIR_ENDINGS) + r")\s*\u200c?(?:ه|هست|است)(?![\w\u200c])"
    # Finglish: «X male babamam», «Y male khodame» (it is my father's, my own)
    r"|(?:male|mal-e|mal\s+e|baraye)\s+" + _WHOSE + r"(?:am|e|eh|ast|hast)?(?![\w\u200c]))", re.IGNORECASE)


# «کد ملیش», «کد ملیشون», «کد ملی ایشان», «کد ملی خودش» right before a code: the code of someone named before.
# «کد ملی اون بنده خدا X»: of the poor soul the message tells about.
_THEIR_LABEL = re.compile(r"(?:ملی\s*(?:" + "|".join((*_THEIR_ENDINGS, "ایشان", "ایشون", *_THIRD_PERSON))
                          + r"|(?:(?:اون|این|آن)\s+)?بنده" + POOR_SOUL_AFTER_BANDEH + ")"
                          r"|(?:meli|melli)(?:e|ye)?\s*(?:ishun|ishoon|ishon|ishan|esh|shun|oon|un))\s*[:：]?\s*$",
                          re.IGNORECASE)


# Whose a code is, said right after it with nothing more before the next number or the sentence's end:
# «۰۰۴۲۴۴۲۲۵۷ پسرم ۱۲۰۵۱۹۵۳۷۸ خودم.». Read so only when every code of the message is followed by one: in
# «X مادرم Y مستمری نگرفته» «مادرم» labels Y, written before it.
# «خودم» after a code says whose it is whatever follows («X مادرم Y خودم یارانه مادرم قطع شده»); a kinship word
# followed by more may begin the matter («Y پسرم بیمه نداره»).
# «X کد دالگم ، Y کد خودم»: the same after «کد», when a stop follows. A slash is a stop too: «X مادرم / Y خودم».
_CODE_WORD = r"(?:کد|شماره)(?:\s*\u200c?ملی)?"  # «کد», «کد ملی», «شماره ملی» after a code, before whose it is
_WHOSE_RIGHT_AFTER = re.compile(r"\s*(?:" + _WHOSE + r"(?=\s*(?:[.,،;:!?؟\n/]|$|\d))|(خودم|خودمم)(?![\w\u200c])"
                                r"|\(\s*" + _WHOSE + r"\s*(?:[،,][^()]{0,40})?\)"
                                # «X کد ملی خودم (مادرش) و Y کد ملی پسرم.»: a word on the writer in brackets, «و» the next
                                r"|" + _CODE_WORD + r"\s*" + _WHOSE + r"(?:\u200c?ه)?(?:\s*\([^()\d]{0,30}\))?"
                                r"(?=\s*(?:[.,،;:!?؟\n]|$|و\s*\d))"
                                # «X کد سعید، Y کد من»: someone named, the writer's son whom the message names
                                r"|" + _CODE_WORD + r"\s+(?P<name>(?!ملی)[^\s\d.,،;:!?؟()]{2,})"
                                r"(?=\s*(?:[.,،;!?؟\n]|$)))",
                                re.IGNORECASE)

# …and, in a message that opens on a code, its label, whatever follows it.
# («X کدملی آقای حسن کریمی …»: a third person titled; «Y هم کد من»)
_WHOSE_AFTER_OPENING_CODE = re.compile(r"\s*(?:هم\s+)?" + _CODE_WORD + r"\s*(?:" + _WHOSE + r"(?:\u200c?ه)?"
                                       r"|(?P<name>آقای|اقای|خانم))(?![\w\u200c])", re.IGNORECASE)
# Only spaces, then a number: what a label after a code must be followed by, if anything, is the next code.
_NUMBER_NEXT = re.compile(r"\s*(?=\d)")


def _as_code(digits: str) -> str:
    """A run of digits as the code it may be: an older code without its leading zeros (8 or 9 digits) padded."""
    if len(digits) in (8, 9) and ident.is_valid_national_code(digits):
        return ident.parse_national_code(digits)
    return digits


OTHER_PARTY = "other party"  # a code labelled by another party's role (`_SOMEONE_ELSES_LABEL`)
LATE = "late"  # a late person's code (`_LATE` in its sentence, before it)


def _whose(word: str) -> str:
    word = _CHILD_ROLES.get(word, word.lower())
    if word in _THIRD_PERSON or word in _THEIR_ENDINGS:  # («X کد ملیشه»: his)
        return "ایشان"
    return word if word in KINSHIP else "self"


# A national code's label before a role: «کد ملی», «شماره ملی», «ک.م», «ش.م».
_ROLE_CODE_LABEL = r"(?:(?:کد|شماره)\s*\u200c?ملی|(?<![\w\u200c])[شک]\s*\.\s*م(?:لی)?(?![\w\u200c]))"
# A code labelled as someone named by a role, not by kin: «کد ملی وام گیرنده», «کد ملی فروشنده», «کد ملی مستاجر».
_SOMEONE_ELSES_LABEL = re.compile(
    _ROLE_CODE_LABEL + r"\s+(?:(?:آقای|اقای|خانم)\s+)?(" + alternation(OTHER_PARTY_ROLES)
    # («کد ملی خانم مستاجر X»; not «کدملی ضامن (خودم) Y»: the writer says he is the guarantor)
    + r")(?:م)?(?:\s*\((?!\s*" + _I + r"\s*\))[^()]{0,20}\))?\s*[:：]?\s*$"
    # the role in brackets after whom it names: «کد ملی پدرم (ضامن) X», the writer's own loan
    # (not «کد ملی خودم (همسایه): Y»: the writer says what he is)
    r"|" + _ROLE_CODE_LABEL + r"\s+(?!" + _I + r"[\s(])[^\s\d()]+\s*\(\s*(" + alternation(OTHER_PARTY_ROLES)
    + r")\s*\)\s*[:：]?\s*$")
# A code labelled by the role of someone the writer answers for («کد ملی بیمار», «کد ملی کارگر», «کد ملی بچه»), or
# by the role of who answers for him («کد ملی همراه بیمار», «کد ملی سرپرست», «کد ملی ولی»): whose by role.
_ROLE_LABEL = re.compile(
    r"(?:" + _ROLE_CODE_LABEL + r"|کد)\s*(?:(?P<father>بابا)|(?P<mother>مامان|مار|دایه)"  # (Gilaki «مار», Lori «دایه»)
    r"|(?P<child>(?:بچه|کودک|فرزند|نوزاد|دختر|پسر)(?:\s+(?:بزرگ|کوچک|کوچیک|اول|دوم))?)"
    r"|(?P<cared>بیمار|کارگر|راننده|دانشجو|مددجو|سرباز|خانم|آقا|اقا|دانش\s*\u200c?[آا]موز|پیرزن|پیرمرد"
    r"|عمو|عمه|دایی|خاله|پدربزرگ|مادربزرگ|نوه)"  # kin no «my» marks: «کد ملی عمو: X کد ملی من: Y»
    r"|(?P<carer>همراه\s*بیمار|سرپرست(?!\s*خانوار)|ولی|قیم|معلم|مربی))\s*[:：]?\s*$")  # («کد ملی معلم:» under a pupil's)


# Parties a writer may write for, a neighbour, a tenant, a colleague («همسایمون پیرمرد تنهاست … گازش قطع شده … کد ملی
# همسایه X»), when the message tells of his service in the third person and of none of the writer's own.
_CARED_PARTIES = ("همسایه", "مستاجر", "مستأجر", "همکار", "صاحبخونه", "صاحبخانه")  # (read without spaces: «صاحب خونه»)
_THEIR_MATTER = re.compile(
    r"(?<![\w\u200c])(?:یارانه|یاران|حقوق|مستمری|وام|بیمه|گاز|برق|آب|خونه|خون|خانه|کالابرگ|سهام|سهام\s*عدالت|تلفن|گذرنامه)"
    r"\s*\u200c?(?:اش|ش|شون|شان)(?:و|رو)?(?![\w\u200c])")  # («کالابرگشون»: a tenant family's; «برق خونشو»)


def _written_for(folded: str, role: str) -> bool:
    """Whether the writer writes for the party `role` names: a neighbour, a tenant or a colleague, as he says
    («از طرف اون پیام میدم») or whose service the message speaks of as his («یارانش قطع شده», «گاز خونه‌اش»), the
    writer's own named nowhere."""
    return re.sub(r"[\s\u200c]", "", role).startswith(_CARED_PARTIES) and (
        _ON_THEIR_BEHALF.search(folded) is not None
        or _THEIR_MATTER.search(folded) is not None and _MY_MATTER.search(folded) is None
        and _OWN_MATTER.search(folded) is None)


# «از طرف اون پیام میدم», «به جای ایشون»: the writer says he writes for someone.
_ON_THEIR_BEHALF = re.compile(r"(?<![\w\u200c])(?:(?:از\s*طرف|به\s*جای|بجای)\s*(?:اون|او|ایشون|ایشان|خودش)"
                              r"|خودش\s*(?:ازم|از\s*من)\s*خواست)(?![\w\u200c])")  # («خودش ازم خواست پیام بدم»)


def _writer_is(folded: str, role: str) -> bool:
    """Whether the writer says he is who `role` names («من کارفرما هستم», «اینجانب مستاجر واحد ۲ هستم»)."""
    said = re.escape(role)
    return (re.search(r"(?<![\w\u200c])(?:من|اینجانب|بنده)\s+(?:[^\s\d.،,]+\s+){0,3}?" + said
                      # «اینجانب کارفرمای یک کارگاه کوچک نجاری در قم هستم»: the role and what it is of
                      + r"(?:ی(?:\s+[^\s\d.،,!?؟]+){1,7}?\s+هستم|(?:ش|شون|شان)?\s*\u200c?(?:هستم|ام|م))(?![\w\u200c])", folded)
            is not None  # («من عموش هستم»: his uncle)
            # «کارفرمای یک کارگاه نجاری کوچیک در ملایر هستم.»: a sentence that opens on the role
            or re.search(r"(?:^|[.!?؟\n]\s*)" + said + r"(?:ی)?(?:\s+[^\s\d.،,!?؟]+){0,7}?\s+هستم(?![\w\u200c])",
                         folded) is not None)


# Whose two codes are, said after both in their order: «X و Y به ترتیب مادرم و خودم», «X و Y اولی مال مادربزرگمه
# دومی مال خودم».
# A party written for may be the other owner too: «اولی خودمم دومی همسایه مونه».
_PARTY_SAID = r"((?:همسای|مستاجر|مستأجر|همکار)[^\s\d.,،]*)"
_OWNER_SAID = (r"\s*(?:(?:مال|ماله|برای|کد\s*\u200c?ملی|کد|متعلق\s*به)\s*)?(?:" + _WHOSE + r"(?:\u200c?ه)?(?![\w\u200c])|"
               + _PARTY_SAID + ")")
_FIRST, _SECOND = r"(?:اولی|کد\s*اول(?:ی)?)", r"(?:دومی|کد\s*دوم(?:ی)?)"
_IN_ORDER = re.compile(r"(?:به\s*ترتیب\s*(?:مال\s*|کد\s*)?" + _WHOSE + r"\s*(?:و|،|,)" + _OWNER_SAID
                       + r"|" + _FIRST + _OWNER_SAID + r".{0,40}?" + _SECOND + _OWNER_SAID + ")", re.IGNORECASE)
# …or before them: «دو تا کد میفرستم اولی مال خودمه دومی مال خواهرم: X - Y», «کد اول مال پدرمه …، کد دوم مال خودم.
# X Y», «کد ملی من و پدرم به ترتیب X و Y», «کد ملی من و آقاجونم: X - Y».
_IN_ORDER_BEFORE = re.compile(_FIRST + _OWNER_SAID + r".{0,60}?" + _SECOND + _OWNER_SAID
                              + r"|" + _WHOSE + r"\s*و\s*" + _WHOSE + r"\s*(?:به\s*ترتیب|[:：]\s*$)", re.IGNORECASE)


def _labels_in_order(folded: str, places: list[tuple[int, int, str]]) -> dict[str, str] | None:
    """Whose each of two codes is when words after both name the owners in order (`_IN_ORDER`), else None."""
    codes = list(dict.fromkeys(code for _, _, code in places))
    if len(codes) != 2:
        return None
    said = _IN_ORDER.search(folded, places[-1][1]) or _IN_ORDER_BEFORE.search(folded, 0, places[0][0])
    if said is None:
        return None
    owners = ["ایشان" if re.match(_PARTY_SAID, g) else _whose(g) for g in said.groups() if g]
    return {codes[0]: owners[0], codes[1]: owners[1]}


# Someone the writer names by title, with his code: «آقای نوروزی با کد ملی …» (no one titles himself).
_PARTY_TITLED = re.compile(r"(?<![\w\u200c])(?:کارفرما|صاحب\s*(?:خانه|خونه)|موجر|فروشنده|مالک|طرف\s*مقابل|بدهکار)"
                           r"(?:ی|م|مون|مان|ش)?[\s(:،,]*(?:آقای|اقای|خانم)(?![\w\u200c])")
_TITLED_BEFORE = re.compile(r"(?<![\w\u200c])(?<!اینجانب\s)(?<!من\s)(?:آقای|اقای|خانم)(?![\w\u200c])"
                            r"\s+(?:[^\s\d]+\s+){0,3}?"
                            r"(?:(?:با|به)\s*)?"
                            r"(?:کد|شماره)\s*\u200c?ملی\s*[:：]?\s*$"
                            # …or titled after the label: «کد ملی خانم نوری X»
                            # (not a role: «کد ملی خانم مستاجر X» is a party's, `_SOMEONE_ELSES_LABEL`)
                            r"|(?:کد|شماره)\s*\u200c?ملی\s+(?:آقای|اقای|خانم)\s+(?!(?:" + alternation(OTHER_PARTY_ROLES)
                            + r")(?![\w\u200c]))[^\s\d:：]+(?:\s+[^\s\d:：]+)?\s*[:：]?\s*$")
# The writer naming himself by what he is to someone: «بنده برادرزاده ایشان», «اینجانب خواهر ایشان».
_SELF_AS_KIN = re.compile(r"(?<![\w\u200c])(?:من|بنده|اینجانب)\s+[^\s\d]+\s*$")
# A sentence's end (not the dot of «ک.م»): whose a code is is not read across it.
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2})[.!?؟](?=\s)|\n")


def _code_labels(folded: str, places: list[tuple[int, int, str]]) -> dict[str, str]:
    """Whose each code written at `places` (`_code_places`) is: a kinship word («کد ملی پسرم») or "self"
    («کد ملی من», «خودم», «اینجانب»), the one nearest before the code among the words since the number before
    it (at most 40 characters), unless the words right after the code say whose it is («X کد ملی مادرم هست»,
    «Y مال خودم»), or a title before it names someone else («آقای … با کد ملی X»); words taken by one code are not
    read again for the next, nor words before the sentence's end; when every code is followed by whose it is, those
    words. Codes with neither are left out."""
    after_each = _labels_after(folded, places) or _labels_in_order(folded, places)
    if after_each is not None:
        return after_each
    labels: dict[str, str] = {}
    by_carer: set[str] = set()  # codes labelled as the writer's by the role of who answers for someone
    previous_end = 0
    for start, end, code in places:
        if code in labels:
            continue
        after = _LABEL_AFTER.match(folded, end)
        if after:
            labels[code] = _whose(next(g for g in after.groups() if g))
            previous_end = after.end()
            continue
        before = folded[max(previous_end, start - 40):start]
        before = before[max((m.end() for m in _SENTENCE_END.finditer(before)), default=0):]  # not across one
        if _LATE_IN_SENTENCE.search(before) and not _KIN_AFTER_LATE.search(before):
            # «پدر مرحومم (کد ملی X)», «کد ملی مرحوم پدرم X», «همسرم فوت کرد کد ملی ایشون X»: whatever labels it
            labels[code] = LATE
            previous_end = end
            continue
        if _THEIR_LABEL.search(before):
            # «خواهرشوهرم … کد ملیشون …»: «their code» is the relative's the message named before it, whatever
            # «من» stands nearer («من کاراشو انجام میدم»)
            named = [k.group(1) for k in _KINSHIP.finditer(folded[:start]) if k.group(1) not in ("ایشان", "ایشون")]
            labels[code] = _whose(named[-1] if named else "ایشان")
            previous_end = end
            continue
        if _TITLED_BEFORE.search(before):
            # «منزل آقای نوروزی با کد ملی X …»: a third person the writer titles; a party to the writer's matter when
            # named by his role before the title («صاحبخونه (آقای حسینی کد ملی X)», «کارفرمام آقای … با کد ملی X»)
            labels[code] = OTHER_PARTY if _PARTY_TITLED.search(before) else "ایشان"
            previous_end = end
            continue
        other = _SOMEONE_ELSES_LABEL.search(before)
        if other:
            # «کد ملی وام گیرنده X»: another party's code, whatever «من» stands before it; unless the writer said he
            # is that party («من کارفرما هستم … کد ملی کارفرما Y»), or writes for him (`_written_for`)
            party = other.group(1) or other.group(2)
            labels[code] = ("self" if _writer_is(folded, party)
                            else "ایشان" if _written_for(folded, party) else OTHER_PARTY)
            previous_end = end
            continue
        role = _ROLE_LABEL.search(before)
        if role:
            # (unless the writer says he is the one so named: «من عموش هستم … کد ملی عمو Y»)
            cared = role.group("cared")
            labels[code] = ("بابام" if role.group("father") else "مامانم" if role.group("mother") else "فرزندم"
                            if role.group("child") else "ایشان" if cared and not _writer_is(folded, cared) else "self")
            if role.group("carer"):
                by_carer.add(code)
            previous_end = end
            continue
        # The word nearest the code says whose it is: «پسرم … کد ملی من 00…» is the writer's.
        # («بنده برادرزاده ایشان Y»: the writer, named by what he is to the person written for)
        marks = [(k.end(), "self" if k.group(1) in ("ایشان", "ایشون") and _SELF_AS_KIN.search(before, 0, k.start())
                  else _whose(k.group(1))) for k in _KINSHIP.finditer(before)]
        marks += [(me.end(), "self") for me in _SELF.finditer(before)]
        if marks:
            labels[code] = max(marks)[1]
        previous_end = end
    if _DIVORCED.search(folded):
        # «از شوهرم جدا شدم، سرپرست خانوار اون بود با کد X»: a former spouse, a party to the writer's matter
        labels.update({code: OTHER_PARTY for code, label in labels.items() if KINSHIP.get(label) is Relation.SPOUSE})
    if any(label == "self" and code not in by_carer for code, label in labels.items()):
        # «… تو خانوار اونه (کد ملی سرپرست X) … کدملیم Y»: beside a code the writer calls his own, the household's
        # head or the guardian is someone else, a party to his matter
        labels.update({code: OTHER_PARTY for code in by_carer if labels[code] == "self"})
    return labels


# The writer's former spouse: «از شوهرم جدا شدم», «از همسرم طلاق گرفتم».
_DIVORCED = re.compile(r"(?<![\w\u200c])از\s+(?:شوهرم|همسرم|خانمم|زنم)\s+(?:جدا|طلاق)")


def _labels_after(folded: str, places: list[tuple[int, int, str]]) -> dict[str, str] | None:
    """Whose each code is when every code is followed by whose it is («X پسرم Y خودم.»), else None. A message that
    opens on a code labels its codes after them, whatever follows the label («X کد ملی دخترم Y کد ملی خودم دخترم
    معلول است …»)."""
    opens_on_code = not folded[:places[0][0]].strip() if places else False
    starts = {start for start, _, _ in places}
    labels: dict[str, str] = {}
    for _, end, code in places:
        right_after = _WHOSE_RIGHT_AFTER.match(folded, end) or (
            _WHOSE_AFTER_OPENING_CODE.match(folded, end) if opens_on_code else None)
        if right_after is None:
            return None
        number_next = _NUMBER_NEXT.match(folded, right_after.end())
        if number_next and number_next.end() not in starts:
            return None  # «anamin kodu X menimki Y anamin 78 yasi …»: a word before a number that is no code (an age)
        # a name after «کد» (kin and self words, with their «ه», are read by the alternatives before it)
        labels.setdefault(code, "ایشان" if right_after.group("name")
                          else _whose(next(g for g in right_after.groups() if g)))
    return labels


def _code_places(folded: str, codes: list[str]) -> list[tuple[int, int, str]]:
    """Where each code is written (start, end, code), in text order, in whatever grouping it was written
    («۰۳۰۱۴۳ ۸۸۹۷» too, which no single digit run holds)."""
    return sorted((start, end, code) for code in codes for start, end in _code_spans(folded, code.lstrip("0")))


# A tracking code copied from a receipt or read out is often grouped with spaces, dots or slashes: «۶۳۲۱ ۱۹۱۲ ۳۳۶۳»,
# «5968.3581.9059», «۲۱۸۵/۰۵۰۶/۰۴۸۳», «۱۰۴۵۵ ۹۰۳۲۶۰۷», or digit by digit, «5 2 4 7 1 6 7 2 8 4 4 6» (counted only
# when the check digit holds).
_GROUPED_RUN = re.compile(r"(?<![\d+])(?:\d{2,7}(?:[ ./]\d{2,7})+(?!\d)|\d(?: \d){11}(?!\d| \d))")


def _tracking_codes(folded: str, runs: list[tuple[int, str]]) -> tuple[list[str], list[str]]:
    """The 12-digit numbers that may be tracking codes, and those whose check digit holds. Not a number
    right after «+» (a phone: +989…); digits grouped by spaces count only when their check digit holds."""
    candidates = [digits for start, digits in runs if len(digits) == 12 and folded[start - 1:start] != "+"]
    valid = [t for t in candidates if is_tracking_code(t)]
    for m in _GROUPED_RUN.finditer(folded):
        digits = re.sub(r"[ ./]", "", m.group(0))
        if is_tracking_code(digits) and digits not in valid:
            valid.append(digits)
    return candidates, valid


def _not_a_code(folded: str, start: int) -> bool:
    """The number at `start` is labelled as something else, or is an amount of money («۱۲۰۰۰۰۰۰ ریال») or the
    writer's phone («… شمارمه», «همراهم 9…»)."""
    if _OTHER_NUMBER_LABEL.search(folded, max(0, start - 30), start) is not None:
        return True
    run = _DIGIT_RUN.match(folded, start)
    if run is not None and run.group(0).startswith("9") and _PHONE_SAID_BEFORE.search(folded, max(0, start - 20), start):
        return True
    return run is not None and (ident.is_amount(folded, run.end()) or _PHONE_SAID_AFTER.match(folded, run.end()) is not None)


def _national_codes(folded: str, runs: list[tuple[int, str]]) -> list[str]:
    """The valid national codes of a message in order, less numbers labelled as something else and amounts.
    Older codes are often written without their leading zeros (8 or 9 digits; core pads them): such a number
    counts right after a «کد ملی» label or a kinship word («پدرم 611904810»), or anywhere when a label is
    written and no full code is."""
    found = []
    for code in ident.find_national_codes(folded):
        spans = _code_spans(folded, code.lstrip("0"))
        if not spans or not all(_not_a_code(folded, start) for start, _ in spans):
            found.append((spans[0][0] if spans else 0, code))
    # Right after a «کد ملی» label, ten digits in any grouping are the code when its check digit holds
    # («کدملی 43.8375.9475»), though a text's dotted groups are mostly dates and amounts.
    for label in _CODE_LABEL.finditer(folded):
        number = _LABELLED_NUMBER.match(folded, label.end())
        digits = re.sub(r"\D", "", number.group(0)) if number else ""
        if ident.national_code_checksum_ok(digits) and all(digits != c for _, c in found):
            found.append((number.start(), digits))
    short = [(start, _as_code(digits)) for start, digits in runs
             if len(digits) in (8, 9) and _as_code(digits) != digits and not _not_a_code(folded, start)]
    led = [(start, code) for start, code in short
           if _SHORT_CODE_LEAD.search(folded[:start])
           or _SHORT_CODE_TRAIL.match(folded, _DIGIT_RUN.match(folded, start).end())]
    if not found and not led and _CODE_LABEL.search(folded):
        led = short
    found += [(start, code) for start, code in led if all(code != c for _, c in found)]
    return [code for _, code in sorted(found)]


_CARD_GROUPS = re.compile(r"(?<![\d\-])\d{3}[ \-]\d{6}[ \-]\d(?![\d\-])")


def _meant_as_code(folded: str, runs: list[tuple[int, str]]) -> bool:
    """Whether the message holds a number meant as a national code (9–10 digits, or the card's 3-6-1 groups, not
    labelled as something else), or 7 to 11 digits, whole or in groups, right after a «کد ملی» label (digits
    dropped or one too many, a space in the wrong place): then a code that fails its check was given."""
    if any(len(digits) in (9, 10) and not _not_a_code(folded, start) for start, digits in runs):
        return True
    if any(not _not_a_code(folded, m.start()) for m in _CARD_GROUPS.finditer(folded)):
        return True  # «۱۷۸ ۶۰۳۳۷۶ ۱»: the national card's groups, spaced
    for label in _CODE_LABEL.finditer(folded):
        number = _LABELLED_NUMBER.match(folded, label.end())
        if number and 7 <= len(re.sub(r"\D", "", number.group(0))) <= 11:
            return True
    # …or before its label: «407 973 7575 کد ملیمه»
    return any(7 <= len(re.sub(r"\D", "", number.group(0))) <= 11 and _SHORT_CODE_TRAIL.match(folded, number.end())
               and not _not_a_code(folded, number.start())  # («شماره اشتراک X کد ملی رو بعدا میفرستم»)
               for number in _GROUPED_NUMBER.finditer(folded))


_GROUPED_NUMBER = re.compile(r"(?<![\d])\d+(?:[ \-./]\d+)*(?![\d])")


# The matter named as the writer's own: «گذرنامه خودم …», «مشکل خودمه», «حقوق بازنشستگی خودم» (a relative's code
# beside it is given in case it is needed).
_OWN_MATTER = re.compile(
    r"(?<![\w\u200c])(?:مشکل|موضوع|مسیله|مساله|گذرنامه|پاسپورت|حقوق|بازنشستگی|مستمری|یارانه|وام|سند|پرونده|خانوار)"
    r"\s+(?:خودم(?:ه|و|رو)?|خود\s+من(?:ه)?)(?![\w\u200c])"  # («خانوار خودم رو … جدا کنم», «حقوق خود منه»)
    r"|(?<![\w\u200c])برای\s+خودم\s+(?:درخواست|تقاضا)"  # «برای خودم درخواست … دادم»
    r"|(?:درباره|درمورد|در\s*مورد|مربوط\s*به)\s+خودم(?:ه)?(?![\w\u200c])"  # «سوالم درباره خودمه»
    r"|(?:به|با|ب)\s*(?:اسم|نام)\s*(?:من|خودم|اینجانب)(?:ه|است|هست)?(?![\w\u200c])"  # «… به اسم منه», «بنام خودم»
    # «مال همسرم پرداخت شد ولی مال من …», «وام مال خودمه» (not «مال خودم: X», «X مال خودم», «X هم مال خودم» nor «…
    # دومی مال خودم», a code's label)
    r"|(?<!\d)(?<!\d\s)(?<!\d\sهم\s)(?<!اولی\s)(?<!دومی\s)(?<!اول\s)(?<!دوم\s)مال\s+(?:من|خودم)(?:ه)?(?![\w\u200c])"
    r"(?!\s*[:،,]?\s*\d{4})(?!\s*" + _NOT_MINE + ")"  # (nor «X مال من نیست …»: denied)
    # «وام دانشجویی به من ندادن», «… به من داده نشده»: what was not given to the writer
    r"|(?<![\w\u200c])به\s+من\s+(?:ندادن|ندادند|نمیدن|نمی\s*دهند|داده\s+نشده|پرداخت\s+نشده|واریز\s+نشده|نریختن)"
    r"(?![\w\u200c])")
# …or said first, before any relative, with «-م» («من یارانه‌ام قطع شده ولی همسرم یارانه‌اش میاد»).
_MY_MATTER = re.compile(
    r"(?<![\w\u200c])(?:(?:یارانه|حقوق|مستمری|وام|بیمه|گذرنامه|پاسپورت|سند|کالابرگ|سهام)"
    r"(?:\s+(?:بازماندگی|بازنشستگی|وظیفه))?"  # («مستمری بازماندگی من»)
    r"(?:\s*\u200c?(?:ام|م)|\s+من)|یارانم)(?![\w\u200c])")  # «یارانه‌ام», «یارانه من»
# …or set against a relative's with «ولی» («یارانه شوهرم واریز میشه ولی یارانه من قطع شده»), or before theirs
# («حقوق من این ماه نیومده مال اون اومده»); or the writer asks to be the household's head («میخوام خودم سرپرست بشم»).
_BUT_MINE = re.compile(r"(?<![\w\u200c])(?:ولی|اما)\s+" + _MY_MATTER.pattern
                       + "|" + _MY_MATTER.pattern
                       + r"[^.\n]{0,30}?(?<![\w\u200c])مال\s+(?:اون|او|ایشون|ایشان)(?![\w\u200c])"
                       r"|(?<![\w\u200c])خودم\s+سرپرست(?:\s*خانوار)?\s*(?:بشم|شوم|باشم)(?![\w\u200c])")


# A late person: named so («مرحوم», «متوفی») or said to have died («همسرم اسفند فوت کرد کد ملی ایشون X»).
_LATE_WORD = r"(?:" + alternation(LATE_WORDS) + r")(?:م|مون|مان|ه)?"
_DIED = r"فوت\s*(?:کرد|کرده|شد|شده|نمود|نموده)"
_LATE = re.compile(r"(?<![\w\u200c])(?:" + _LATE_WORD + "|" + _DIED + r")(?![\w\u200c])")
# …with no sentence end after it (before a code: the word names whose the code is).
_LATE_IN_SENTENCE = re.compile(_LATE.pattern + r"[^.!?؟\n]*$")
# …unless a clause on the late one ended and a relative was named after it: «شوهرش هم مرحوم شده کد ملی خاله ام X»,
# «پدرم فوت شده کد ملی مادرم X» (not «ایشون», which points back to the late one).
_KIN_AFTER_LATE = re.compile(r"(?<![\w\u200c])(?:" + _LATE_WORD + r"\s+(?:شده|شد|کرده|است|هست|بوده)|" + _DIED
                             + r")(?![\w\u200c])[^.!?؟\n]*?(?!ایشان|ایشون)"
                             + _KINSHIP.pattern + r"[^.!?؟\n]*$", re.IGNORECASE)


# Two codes labelled by bare kin nouns, «کدملی پدر: X کدملی پسر: Y», «(پدر X / فرزند Y)»: which is the subject is
# told by whom the message calls «my …» («سند زمین پدرم …»: the father's; «پسرم … باید بره سربازی»: the son's).
_BARE_KIN = {**{noun: relation for noun, relation in KIN_NOUNS.items() if relation is not Relation.OTHER},
             "بچه": Relation.CHILD}
# Kin of no relation of their own, told apart by the noun itself: «کدملی نوه: X کدملی پدربزرگ: Y» from a grandchild
# who writes «پدربزرگم …» (the «my» forms are the message's kinship words).
_BARE_OTHER_KIN = {"نوه": ("نوه‌ام", "نوه‌م", "نوه ام", "نوه م", "نوه‌ی من"), "پدربزرگ": ("پدربزرگم", "پدر بزرگم"),
                   "مادربزرگ": ("مادربزرگم", "مادر بزرگم")}
_BARE_KIN_LABEL = re.compile(r"(?:^|[\s(/،,:])(" + "|".join((*_BARE_KIN, *_BARE_OTHER_KIN)) + r")\s*[:：]?\s*$")
# …or one so, beside the writer's own («ک.م خودم: X ک.م پدر: Y» in a message about «حقوق پدرم»).
_BARE_SELF_LABEL = re.compile(r"(?:^|[\s(/،,:])" + _I + r"\s*[:：]?\s*$")


def _by_bare_kin(text: str, folded: str, places: list[tuple[int, int, str]]) -> tuple[str, Person] | None:
    """(writer's code, subject) for two codes labelled by bare kin nouns, one of them the relation the message
    calls «my …», or for one so beside one labelled the writer's own, else None."""
    labelled: dict[str, Relation | str] = {}  # a relation, or the noun of kin that has none of its own
    selves: set[str] = set()
    previous_end = 0
    for start, end, code in places:
        found = _BARE_KIN_LABEL.search(folded, previous_end, start)
        if found:
            labelled.setdefault(code, _BARE_KIN.get(found.group(1), found.group(1)))
        elif _BARE_SELF_LABEL.search(folded, previous_end, start):
            selves.add(code)
        previous_end = end
    said = {k.group(1).lower() for k in _KINSHIP.finditer(text)}
    mine = {KINSHIP[k] for k in said} | {noun for noun, forms in _BARE_OTHER_KIN.items() if said & set(forms)}

    def person(code: str) -> Person:
        relation = labelled[code]
        return Person(national_code=code, relation=relation if isinstance(relation, Relation) else Relation.OTHER)

    if len(labelled) == 1 and len(selves) == 1 and not selves & labelled.keys():
        code = next(iter(labelled))
        return (next(iter(selves)), person(code)) if labelled[code] in mine else None
    if len(labelled) != 2 or len(set(labelled.values())) != 2:
        return None
    subject = [code for code, relation in labelled.items() if relation in mine]
    if len(subject) != 1:
        return None
    writer = next(code for code in labelled if code != subject[0])
    return writer, person(subject[0])


# A household's head, as a code's label («سرپرست: X همسر: Y دختر: Z»), or the writer saying he is it.
_HEAD_LABEL = re.compile(r"(?:^|[\s(/،,:])سرپرست(?:\s*خانوار)?\s*[:：]?\s*$")
_I_AM_THE_HEAD = re.compile(r"سرپرست\s*خانوار\s*\u200c?(?:هستم|م|ام)(?![\w\u200c])")
# A household's matter as a whole («کالابرگ خانوار ما», «khanevade ma»).
_WHOLE_HOUSEHOLD = re.compile(r"(?<![\w\u200c])(?:خانوار|خانواده|khanevar|khanevad|khanvad)", re.IGNORECASE)
# The writer's dependants («همسرم X هم تحت تکفل منه»): people of his cover, not whom his matter is about.
_HIS_DEPENDANTS = re.compile(r"تحت\s*(?:تکفل|کفالت)\s*(?:من|منه|منن|اینجانب|بنده|خودم)(?![\w\u200c])")


def _household(text: str, folded: str, places: list[tuple[int, int, str]],
               labels: dict[str, str]) -> tuple[str, Person | None] | None:
    """(writer's code, subject) for a household listed, three codes or more each labelled by whose it is («کد ملی من X،
    همسرم Y، پسرم Z. پسرم تو آزمون … قبول شده», «سرپرست: X همسر: Y دختر: Z» in a message about «دخترم»): the one
    person the message names again outside the list is whom it is about; the writer is the code labelled his own, or
    the household's head's; with no one of the list named again, a household's matter («کالابرگ خانوار ما …») is the
    writer's own (subject None). None when not so."""
    if len({code for _, _, code in places}) < 3:
        return None
    named: dict[str, tuple[str, int]] = {}  # code -> its label as the message would say it again, and how often
    writer = next((code for code, label in labels.items() if label == "self"), None)
    if writer is None and _I_AM_THE_HEAD.search(folded) and places[0][2] not in labels:
        writer = places[0][2]  # «سرپرست خانوار هستم، کد ملی X. همسرم Y …»: the head, who writes, gives his first
    previous_end = 0
    for start, end, code in places:
        label = labels.get(code)
        bare = _BARE_KIN_LABEL.search(folded, previous_end, start)
        if label in KINSHIP:
            named[code] = (label, 2)  # once as the label, once more in the matter
        elif bare:
            named[code] = (bare.group(1) + "م", 1)  # «دختر:» is the «دخترم» of the message
        elif writer is None and _HEAD_LABEL.search(folded, previous_end, start):
            writer = code
        previous_end = end
    again = [code for code, (words, times) in named.items()
             if len(re.findall(r"(?<![\w\u200c])" + re.escape(words) + r"(?![\w\u200c])", folded)) >= times]
    if not again and writer is not None and _WHOLE_HOUSEHOLD.search(folded):
        # no one of the list singled out, the household's matter («کالابرگ خانوار ما … کد ملی سرپرست خانوار (خودم)
        # X همسرم Y دخترام Z و W»): the head's, who writes
        return writer, None
    if len(again) != 1 or writer is None or writer == again[0]:
        return None
    kin = next((KINSHIP[k.group(1).lower()] for k in _KINSHIP.finditer(named[again[0]][0])), Relation.OTHER)
    return writer, Person(national_code=again[0], relation=kin)


def _caller_and_subject(text: str, folded: str, codes: list[str]) -> tuple[str, Person | None]:
    """The writer's code and the person the matter is about (None: the writer's own matter). With a kinship
    word and a second code, the code labelled by kin («کد ملی پسرم …») is the subject's; without such a
    label, the nearest code after the first kinship word; unless the matter is named as the writer's own."""
    if len(codes) < 2:
        return codes[0], _told_for(text, folded, codes[0])
    # the first relative named, not a former spouse («از شوهرم جدا شدم …»: a party to the writer's matter)
    divorced = _DIVORCED.search(folded) is not None
    kin = next((k for k in _KINSHIP.finditer(text)
                if not (divorced and KINSHIP.get(k.group(1).lower()) is Relation.SPOUSE)), None)
    places = _code_places(folded, codes)
    by_bare_kin = _by_bare_kin(text, folded, places)
    if by_bare_kin is not None:
        return by_bare_kin
    labels = _code_labels(folded, places)
    household = _household(text, folded, places, labels)
    if household is not None:
        return household
    own = [c for c in codes if labels.get(c) == "self"]
    dependants = _HIS_DEPENDANTS.search(folded)
    if len(own) == 1 and dependants and not _KINSHIP.search(text, dependants.end()):
        # relatives named only as the writer's dependants, none after: his own matter («دفترچه تامین اجتماعی من
        # اعتبار نداره … همسرم X هم تحت تکفل منه … کد ملی خودم Y»)
        return own[0], None
    late = [c for c in codes if labels.get(c) == LATE]
    if len(late) == 1 and _ESTATE.search(folded):
        # An heir writing about a late person's estate: the matter is the late person's file (as in letters).
        writer = next((c for c in codes if labels.get(c) != OTHER_PARTY and c != late[0]), None)
        if writer is not None:
            return writer, Person(national_code=late[0], relation=Relation.OTHER)
    # Another party's code («کد ملی ضامن X», «کد ملی فروشنده X») and a late person's beside the living's («مستمری
    # مادرم که از طرف پدر مرحومم (کد ملی X) میگیره …») are never whom the matter is about.
    people = [c for c in codes if labels.get(c) not in (OTHER_PARTY, LATE)]
    if len(people) == 1:  # the one living person named: a relative by his label («کد ملی مادرم X»), else the writer
        return people[0], _relative(people[0], labels.get(people[0]))
    if people:
        codes, labels = people, {c: w for c, w in labels.items() if w not in (OTHER_PARTY, LATE)}
    someone_named = kin or any(label != "self" for label in labels.values())  # «کد ملی خودش …» names no kin
    mine = _MY_MATTER.search(text)
    if (not someone_named or _OWN_MATTER.search(text) or (mine and kin and mine.start() < kin.start())
            or _BUT_MINE.search(text)):
        # No relative named, or the matter named as the writer's own: his matter, under the code he calls his own
        # («کد ملی وام گیرنده X کد ملی خودم Y»: a guarantor's docked salary), else the first.
        # (not a code the message gives as someone else's: «مالکش آقای …، کد ملی X … به نام خودمه، کد ملی Y»)
        return (own[0] if own else next((c for c in codes if c not in labels), codes[0])), None
    by_kin = [c for c in codes if labels.get(c, "self") != "self"]
    if len(by_kin) == 1:  # «کد ملی پسرم …»: the code says whose it is
        subject_code, relation = by_kin[0], KINSHIP[labels[by_kin[0]]]
        caller_code = next((c for c in codes if labels.get(c) == "self"),
                           next(c for c in codes if c != subject_code))
    elif kin is None:
        # Two codes labelled by parties written for and no kin named («کدملی صاحبخانه X کدملی مستاجر Y», a tenant who
        # writes for his landlord): the first named is whom the message is for.
        subject_code, relation = by_kin[0], Relation.OTHER
        caller_code = next(c for c in codes if c != subject_code)
    else:  # the nearest code after the first kinship word is that person's
        # where each code is last written (0 for one found only through its groups' reading)
        positions = {code: 0 for code in codes} | {code: start for start, _, code in places}
        after = [c for c in codes if positions[c] >= kin.start()]
        subject_code = min(after, key=lambda c: positions[c] - kin.start()) if after else codes[-1]
        caller_code = next(c for c in codes if c != subject_code)
        relation = KINSHIP[kin.group(1).lower()]
    return caller_code, Person(national_code=subject_code, relation=relation)


def _told_for(text: str, folded: str, code: str) -> Person | None:
    """With one code, the relative the message is told for, filed under that code as always: when the code is
    labelled as a relative's («کد ملی پسرم X»), or unlabelled in a message that names a relative and not the
    writer's own matter («یارانه پسرم قطع شده X»: the son's code, or the father's). Marked so, the case is not
    taken for the person's own voice (the deduplicator reads «my subsidy» against «my son's» only there)."""
    whose = _code_labels(folded, _code_places(folded, [code])).get(code)
    if whose == "self":
        return None
    kin = whose  # a kinship label, or another party's or a late person's (no relative: `_relative`)
    if whose is None and not _OWN_MATTER.search(text) and not _MY_MATTER.search(text):
        found = _KINSHIP.search(text)
        kin = found.group(1).lower() if found else None
    return _relative(code, kin)


def _relative(code: str, kin: str | None) -> Person | None:
    """The person a code is filed for when a kinship word names him (`KINSHIP`), else None: the writer's own."""
    return Person(national_code=code, relation=KINSHIP[kin]) if kin in KINSHIP else None


# An heir writing about a late person's estate («سهام عدالت متوفی و تقسیم آن بین وراث», «ما ۴ نفر وارث هستیم …
# کدملی مرحوم X»): the matter is the late person's file (as in letters).
# (and what is still in the late person's name, or owed to him: «سند خونه به نامشه», «حقوق معوقه … ایشان»)
_ESTATE = re.compile(r"(?<![\w\u200c])(?:" + "|".join(HEIR_WORDS) + r"|انحصار\s*وراثت|سهم\s*الارث|ترکه"
                     r"|به\s*نام(?:شه|ش\s+(?:است|هست)|\s+(?:ایشان|ایشون|مرحوم))|معوقه\s+(?:[^\s\d]+\s+){0,2}ایشان)"
                     r"(?![\w\u200c])")


# A code the writer takes back and corrects: «کد ملی X. اشتباه زدم. درستش Y هست».
_TAKEN_BACK = re.compile(r"اشتباه[^\d]{0,40}?(?:درست|صحیح)")


def _taken_back(folded: str, codes: list[str]) -> set[str]:
    """The codes the writer says were wrong before giving the right one after them."""
    places = _code_places(folded, codes)
    return {code for (_, end, code), (start, _, after) in zip(places, places[1:])
            if code != after and _TAKEN_BACK.search(folded, end, start)}


# A message typed with no spaces («کدملیپدربزرگم۴۷۹۴۲۱۴۸۷۱کدملیخودم۸۳۵۹…»): its words apart from its numbers, and a
# label apart from whose it says it is, so that each reads as typed with spaces.
_LETTER_BESIDE_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_GLUED_LABEL = re.compile(r"(کد\s*ملی)(?=(?:" + "|".join(sorted((k for k in KINSHIP if " " not in k), key=len, reverse=True))
                          + r"|خودم|من)(?:\d|\s|$))")


def _unglued(text: str) -> str:
    return _GLUED_LABEL.sub(r"\1 ", _LETTER_BESIDE_DIGIT.sub(" ", text))


def decide(sms: InboundSms) -> Decision:
    text = _unglued(normalize_text(sms.text))
    folded = fold_digits(text)
    runs = _runs(folded)
    tracking, valid_tracking = _tracking_codes(folded, runs)
    # (not ten of a spaced tracking code's digits, «5 2 4 7 1 6 7 2 8 4 4 6», read as a code of their own)
    written = [code for code in _national_codes(folded, runs) if not any(code in t for t in valid_tracking)]
    wrong = _taken_back(folded, written) if len(written) > 1 else set()
    codes = [code for code in written if code not in wrong]
    lowered = text.lower()
    wants_follow_up = any(word in lowered for word in FOLLOW_UP_WORDS)
    bare = _TRACKING_LABEL.sub("", folded)
    bare = re.sub(r"[\s\-]", "", bare)
    # A valid tracking code without a national code quotes a case («نوه ام گفت این کدو بفرستم …»): the citizen is
    # asking after it (and is asked for the national code), whatever else the message says.
    if valid_tracking and (wants_follow_up or bare == valid_tracking[0] or not codes
                           or len(_strip_codes(folded, [*codes, valid_tracking[0]])) == 0):
        if not codes:
            return FollowUp(valid_tracking[0], None, national_code_invalid=_meant_as_code(folded, runs))
        # The case is filed under the person it is about: with a relative's code beside the writer's, that one.
        caller_code, subject = _caller_and_subject(text, folded, codes)
        return FollowUp(valid_tracking[0], subject.national_code if subject else caller_code)
    if wants_follow_up and tracking and not codes:
        return FollowUp(None, None)
    if not codes:
        return InvalidCode(text) if _meant_as_code(folded, runs) else MissingCode(text)
    caller_code, subject = _caller_and_subject(text, folded, codes)
    phone = caller_phone(sms.sender)
    matter = _strip_codes(text, written)
    submission = Submission(
        channel=Channel.SMS, caller=Person(national_code=caller_code, phone=phone), subject=subject,
        text=matter, external_id=sms.key, received_at=sms.received_at, flags=sms.flags & {"partial"},
    )
    return Register(submission, matter)
