"""Fields of a letter from several OCR passes: who wrote it, whom it is about, the phone, the matter.

Pure functions over pass texts (no Tesseract here), so the voting rules are tested on their own.
A national code is accepted only when its checksum holds and at least two passes read the same ten
digits (or one pass read it with very high confidence and nothing contradicts it); roles come from
the letter's wording: the code after «اینجانب …» is the writer's, the code after «فرزندم/همسرم/… » is
the subject's. When any of that is unsure the letter goes to review: a wrong identity is worse than none.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from core.errors import InvalidPhone
from core.identity import is_amount, national_code_checksum_ok, parse_phone
from core.kinship import (ARABIC_KIN, HEIR_WORDS, KIN_ADJECTIVES, KIN_NOUNS, LATE_WORDS, OTHER_PARTY_ROLES,
                          POOR_SOUL_AFTER_BANDEH, SPOKEN_KIN_NOUNS, alternation)
from core.model import Relation
from core.text import normalize

WRITER = "writer"
SUBJECT = "subject"

# OCR variants of «اینجانب» seen on damaged scans (ن/ت and ب/پ confusions, a dropped letter); the signature
# block («امضا», «امضاکننده»), «خودم» («کد ملی خودم») and «نویسنده نامه», «نگارنده» also name the writer.
# («موکل اینجانب» is my client: the subject.)
# The closing («با تشکر») opens the signature block: a code after it is the signer's unless marked otherwise.
# The writer may also name himself by his relation to whom the letter is about: «دختر ایشان: …», «پدر متقاضی:
# …», «نوه مشترک: …», «پدر: …» under the letter.
_INJANEB = r"(?:ا?ینجا[نتث]?[بپ]|این\s*جانب)"
_SIGNER_KIN = r"پدر|مادر|همسر|دختر|پسر|فرزند|برادر|خواهر|نوه"
# «فرزند اینجانب» (my child), «همسر اینجانب»: a kin noun before it names whom the letter is about (_KIN_MARK).
_AFTER_KIN = ("".join(rf"(?<!{noun}\s)(?<!{noun}\sا)" for noun in KIN_NOUNS)
              # «عموی اینجانب», «عمه‌ی اینجانب»: whose relative, with the «ی» that joins them
              + "".join(rf"(?<!{noun}ی\s)(?<!{noun}ی\sا)(?<!{noun}\u200cی\s)(?<!{noun}\u200cی\sا)"
                        for noun in (*KIN_NOUNS, "عمو", "عمه", "خاله"))
              + r"(?<!دایی\s)(?<!دایی\sا)")
# «بنده <name> ک.م …» says «اینجانب» (not «بنده خدا», a poor soul; not «همسر بنده», my husband).
_BANDEH = r"(?<![\w\u200c])بنده(?![\w\u200c])(?!" + POOR_SOUL_AFTER_BANDEH + ")"
_WRITER_MARK = re.compile(r"(?<!موکل\s)(?<!موکل\sا)" + _AFTER_KIN + r"(?:" + _INJANEB + "|" + _BANDEH + ")"
                          r"|امضا|خودم|با\s*تشکر|با\s*سپاس"
                          r"|نویسنده\s*(?:نامه|درخواست|:)|(?:نام|مشخصات)\s*نویسنده|نگارنده"
                          r"|مشخصات\s*درخواست\s*\u200c?کننده"  # a form's requester block
                          # the complainant of a complaint's form or footer («مشخصات شاکی:», «کد ملی شاکی:»)
                          r"|(?:مشخصات|ملی)\s*شاکی(?![\w\u200c])|(?:^|(?<=\n))[ \t]*شاکی[ \t]*:"
                          r"|ملی\s+(?:قیم|متقاضی|وکیل)(?![\w\u200c])"
                          r"|(?:" + _SIGNER_KIN + r")\s+(?:ایشان|نامبرده)"
                          r"|(?:" + _SIGNER_KIN + r"|قیم|وکیل)\s+(?:متقاضی|بیمار|مشمول|مشترک)\s*[:)]"
                          # «پدر: <name>» opening a line under a letter about «فرزندم»: the signer by his relation
                          r"|(?:^|(?<=\n))[ \t]*(?:" + _SIGNER_KIN + r")[ \t]*:")
# «فرزندم» (my child) names a subject; «فرزند حسن» (son of Hasan) is a patronymic and does not.
# «در خصوص <word>» names the subject even when OCR garbled the kin word (دخترم → دفترم): the word is then
# matched to the nearest kin word, or the relation is left as "other".
# «خواهر معلولم», «پسر کوچکم»: the possessive on an adjective after the kin word (a listed adjective: «فرزند
# ابراهیم» is a patronymic, and many first names end in «م»).
# Words that name someone the letter is about without kinship: a lawyer's client, a guardian's ward, the late
# person whose children or heirs write («فرزندان مرحوم …»; not «فرزند مرحوم …» or «همسر مرحوم …», which
# describe the writer); a code labelled as the late person's, a patient's, a student's, a conscript's or a
# client's of a welfare office («کد ملی متوفی», «کد ملی بیمار», «کد ملی دانش‌آموز», «کد ملی مددجو»); «کد ملی
# خودش»: his own.
_KIN_ADJECTIVES = "|".join(KIN_ADJECTIVES)
# «من همسایه خانم … هستم»: the writer is the role named next (the person after it is whom he writes for).
_WRITER_IS_ROLE = re.compile(r"(?<![\w\u200c])(?:من|" + _INJANEB + r"|بنده)\s*$")
# «ایشان» (colloquial «ایشون»), «نامبرده» (the said): whom the letter named before.
_NAMED_BEFORE = r"ایشان|ایشون|نامبرده"
# «کد ملی ایشان», «کد ملی نامبرده»: the code of whom the letter named last.
_PRONOUN_LABEL = re.compile(r"ملی\s+(?:" + _NAMED_BEFORE + ")")
_SUBJECT_WORDS = (r"موکل|محجور|(?:فرزندان|وراث|ورثه)\s+مرحوم"
                  # Arabic kin with its «my» before a name («ولدی حسین …»; not a surname: «آقای مصطفی ولدی به کد ملی …»)
                  r"|(?<![\w\u200c])(?:" + "|".join(ARABIC_KIN) + r")(?=\s+(?!(?:به|با|کد)(?![\w\u200c]))[^\W\d]{2,})"
                  r"|ملی\s+(?:" + "|".join(ARABIC_KIN) + r")(?![\w\u200c])"  # …and labelling his code: «کد ملی اخوی:»
                  r"|(?:دانش\s*\u200c?[آا]موز|شاگرد)(?:ان)?\s*\u200c?م(?![\w\u200c])"  # a teacher's «دانش‌آموزانم»
                  # whom the writer writes for: «این نامه را از طرف همسایه‌ام … به کد ملی … مینویسم»
                  r"|از\s+طرف\s+(?:همسایه|دوست|اقوام)\s*\u200c?(?:ام|م|مان|مون)?(?![\w\u200c])"
                  r"|ملی\s+(?:" + _NAMED_BEFORE + r"|خودش(?:ان|ون)?|متوف[یا]|مرحوم|بیمار|مددجو|مشمول"
                  r"|دانش\s*\u200c?[آا]موز|دانشجو|صغیر)")
# A third person the letter names before a code: a titled name («همسر آقای …», «به خانم …»), a lawyer's client
# («به وکالت از»), a child («کودک»), a block headed by whom it describes («مشخصات بیمار:», «مشخصات ایشون:»), a
# student or patient named by a parent («مادر دانش‌آموز علی …»; but «پدر مشمول: <name>» labels the signer), a pupil
# named by the school. The writer does not title himself, nor is he a «کودک»; a title before an office is the
# addressee's. (Not «بیمار», «کارگر» or «دانشجو» alone: «اینجانب دانشجوی …» is the writer; not «از طرف»: «از طرف
# وراث» signs for a group the writer is in.) Group 1: the writer's kin noun.
_ADDRESSEE = r"(?:محترم|ریاست|رئیس|رییس|مدیر|وزیر|استاندار|فرماندار|شهردار|دادستان|دکتر)"  # «جناب آقای رییس …»
_THIRD_PARTY = re.compile(
    r"(?:(پدر|مادر|همسر|برادر|خواهر|دختر|پسر|فرزند)[^\S\n]+)?"  # (the kin noun on the same line)
    r"(?:(?<![\w\u200c])(?:[آا]قای|خانم|(?<!فرزند\s)کاکه?)(?![\w\u200c])(?![^\n]*" + _ADDRESSEE + r")|کودک|به\s*وکالت\s*از"
    r"|(?:مشخصات|نام)\s*(?:بیمار|دانش\s*\u200c?[آا]موز|دانشجو|متوفی|مشمول|کودک|صغیر|بیمه\s*\u200c?شده|ذی\s*\u200c?نفع"
    r"|" + _NAMED_BEFORE + r"|فرد\s*مورد\s*(?:درخواست|نظر))"
    r"|(?:(?<=پدر\s)|(?<=مادر\s))(?P<parent_of>دانش\s*\u200c?[آا]موز|دانشجو|بیمار|مشمول)(?!\s*:)"
    # «اینجانب شهلا احمدی مادر آرمان ویسی به کد ملی …»: the code of whom the writer is the mother, father or wife of
    r"|(?<=[\s،,])(?:مادر|پدر|همسر)\s+(?!(?:آن|این|اون|مرحوم|شادروان|متوفی)\s)"
    # «مادر سرباز وظیفه <name>», «… <name> فرزند <father's name>»; the code in brackets after the name («مادر سرباز
    # آرش کریمی (شماره ملی: …)»)
    r"(?=[^\s\d:،,]{2,}(?:\s+[^\s\d:،,()]{2,}){1,4}(?:\s+فرزند\s+[^\s\d:،,]{2,})?"
    r"(?:\s+(?:به|با)\s*|\s*\(\s*(?:(?:به|با)\s*)?)(?:کد|شماره)\s*ملی)"
    # a patient named by a doctor or a health worker, a code label following in the sentence («بیمار مرتضی … ۱۴ ساله
    # به کد ملی …»; not «اینجانب بیمار …»)
    r"|(?<![\w\u200c])(?<!اینجانب\s)(?<!من\s)"
    + "".join(rf"(?<!{w}\s)" for w in ("همسر", "همراه", *_SIGNER_KIN.split("|"))) + r"(?P<patient>بیمار)(?![\w\u200c])(?=[^.\n]{0,60}?(?:کد|شماره)\s*\u200c?ملی)"
    # «… فرزند بیمار حاج عباس … به کدملی …»: the patient named, whom the writer is the child or companion of
    r"|(?:" + "|".join(rf"(?<={w}\s)" for w in ("همراه", *_SIGNER_KIN.split("|"))) + r")بیمار\s+"
    r"(?=(?:[^\s\d:،,()]{2,}\s+){1,4}(?:به|با)\s*(?:کد|شماره)\s*\u200c?ملی)"
    # a pupil named by a school's letter («دانش‌آموز نازنین‌زهرا … به کد ملی …»): not a parent's own label
    r"|(?<!پدر\s)(?<!مادر\s)(?<!ولی\s)(?<![\w\u200c])دانش\s*\u200c?[آا]موز(?=\s+[^\s\d:،,]{2,}))")
# The writer, a few words before «بیمار» in his sentence, with no code between and no doctor's word («اینجانب دکتر …
# پزشک معالج بیمار …» names a patient).
_PATIENT_WRITES = re.compile(r"(?:" + _INJANEB + "|" + _BANDEH + r"|(?<![\w\u200c])من)(?:(?!پزشک|دکتر|معالج|پرستار)[^.\n\d]){0,40}$")
_SALUTATION = re.compile(r"سلام|احترام")  # the greeting: what comes before it is letterhead and addressee
# The relation of the person named to the writer, from the writer's kin noun before a titled name.
_THIRD_PARTY_RELATION = {"پدر": Relation.CHILD, "مادر": Relation.CHILD, "همسر": Relation.SPOUSE,
                         "برادر": Relation.SIBLING, "خواهر": Relation.SIBLING}
# The writer named by whose kin or neighbour she is («من مادر رضا میرشکار هستم», «اینجانب پدر علی …», «من همسایه حاج
# عیسی … هستم»), and a code labelled by that first name («کد ملی رضا: …», «شماره ملی حاج عیسی: …»): the one the
# letter is about. (An honorific before the name is not the name.)
_HONORIFIC = r"(?:(?:حاج|حاجی|کربلایی|مشهدی|مش|ننه)\s+)?"
_WRITER_IS_KIN_OF = re.compile(r"(?:(?<![\w\u200c])من|" + _INJANEB + r")(?:\s+[^\s\d]+){0,3}?\s+("
                               + "|".join(_THIRD_PARTY_RELATION) + r"|مادربزرگ|پدربزرگ|همسایه)\s+" + _HONORIFIC
                               + r"([^\W\d]{2,})")
_NAME_LABEL = re.compile(r"(?:کد|شماره)\s*\u200c?ملی\s+" + _HONORIFIC + r"([^\W\d]{2,})\s*[:：]?\s*$")
# People a letter names who are neither its writer nor whom it is about: a guarantor, a witness, the other
# party of a contract or a case; and, when named by title, a neighbour, an employer or a colleague, a seller,
# a shop's manager, a contractor, an owner, a landlord or a tenant, a group's representative (untitled, those words may
# describe the writer: «اینجانب …، صاحب مغازه …، ش.م …»; after «درباره» or «در مورد», a neighbour is whom the
# letter is about).
OTHER_PERSON = "other"
# The mention runs to the title of the name it introduces, a few words on: «ضامن اینجانب آقای …», «شاهد
# ماجرا آقای …», «همسایه دیوار به دیوار اینجانب آقای …», «موجر: خانم …» (a row of a parties' table); «کد ملی
# کارفرما: …» labels the employer's code. An official complained about («دهیار روستای ما آقای …») and the owner
# of the writer's workplace («در انبار آقای …») are named so too. OCR reads the comma after the role as a full
# stop («به نام مالک. آقای …»).
# «ضامن‌ام», «همسایه‌مان», on the role's line
_POSSESSIVE = r"(?:ی?[^\S\n]*\u200c?(?:ام|مان|مون|" + _INJANEB + r"|من|م))?(?![\w\u200c])"  # «کارفرمای اینجانب» too
_TITLE_AFTER = (r"\.?(?:[\s،,:(]+(?:[^\s\d،,:(]+|\d{1,4})){0,5}?[\s،,:(]+"
                r"(?:[آا]قایان|خانم\s*\u200c?ها|[آا]قای|خانم|جناب)(?![\w\u200c])")
# Another party's role as a letter names it: the roles every channel knows, and a contract's or a court's parties
# (a contractor, «مجری» a gas piping's, an owner, a partner, a defendant). Not the buyer, who is often the writer,
# but in brackets after a name («آقای … (خریدار)») or titled after the role («خریدار آقای …», below).
_PARTY_ROLE = alternation(OTHER_PARTY_ROLES + ("پیمانکار", "مجری", "مالک", "شریک", "خوانده", "متهم", "مؤجر", "طرف قرارداد",
                                               "طرف دعوا", "طرف شکایت"))
# Someone the letter names by his role, titled after it («همسایه اینجانب آقای …», «عامل توزیع نفت سفید روستا آقای …»)
# or with his code labelled as his: a buyer so named is a party too (the writer, when he is the buyer, does not title
# himself), a dealer or an agent «عامل» (not a «مدیرعامل»), whoever keeps a shop «متصدی فروشگاه … آقای …».
_NAMED_ROLE = (r"(?:همسایه|کارفرما|همکار|فروشنده|مدیریت|پیمانکار|مالک|موجر|مستاجر|مستأجر|شریک|خریدار"
               r"|(?<![\w\u200c])عامل|متصدی|نماینده|دهیار|بخشدار|شهردار|مامور|مأمور|مسئول|مسیول|کارمند"
               r"|صاحب\s*(?:خانه|خونه|کار|مغازه|فروشگاه))")
_OTHER_PERSON = re.compile(
    # (not «خدا شاهد است»: God knows; not «اشتباه خوانده شده», read wrongly)
    r"(?:(?:ضامن(?:ین|\s*\u200c?ها)?|ضمانت(?:\s*\u200c?نامه)?|کفیل|(?<!خدا\s)شاهد|معرف|طرف\s*(?:قرارداد|دعوا|دعوی|مقابل|شکایت)|خوانده(?!\s*(?:شده|شد|نشده|نشد|می\s*\u200c?شود))|متهم|(?<!سند\s)معارض"
    r"|مشتکی\s*\u200c?عنه"  # a complaint form's «مشتکی‌عنه (کارفرما): آقای …», whom the complaint is against
    r"|(?:همسر|شوهر|زن|سرپرست(?:\s*خانوار)?)\s*سابق)"  # a former spouse («همسر سابقم (کد ملی …)»), titled or not;
    # a divorced mother's «سرپرست خانوار سابق: آقای …»
    + _POSSESSIVE + "(?:" + _TITLE_AFTER + ")?"
    # (not the addressee: «سلام به مسئول محترم⏎پدرم آقای …»)
    r"|(?<!درباره\s)(?<!مورد\s)(?<!خصوص\s)" + _NAMED_ROLE + r"(?!\s*(?:محترم|گرامی))" + _POSSESSIVE + _TITLE_AFTER +
    # …or named without a title, his code labelled as his: «همسایه ما قدرت ملکی پسر مراد کد ملیش …»
    r"|(?<![\w\u200c])" + _NAMED_ROLE + r"(?:\s*\u200c?(?:ما|مون|مان|م))?"
    r"(?:\s+[^\s\d]+){1,5}?\s+(?:(?:با|به)\s+)?کد\s*\u200c?ملی\s*\u200c?(?:ش|اش)(?![\w\u200c])"
    # a form's or a receipt's party, named under its role: «با اسم فروشنده: حمید عباسپور و کد ملی …»
    r"|(?:نام|اسم)\s*(?:فروشنده|موجر|مالک|کارفرما|پیمانکار|همسایه|طرف\s*مقابل)\s*[:：]"
    r"|(?:انبار|کارگاه|کارخانه|کارخونه|مغازه|فروشگاه|شرکت|مزرعه|باغ|رستوران|مرغداری|دامداری|گاوداری|نانوایی"
    r"|تعمیرگاه|گلخانه|معدن)(?:\s+[^\s\d:،,()]+){0,2}\s+(?:[آا]قای|خانم)"  # «فروشگاه لوازم خانگی آقای …»
    r"(?![\w\u200c])"
    # a company's managing director titled right after his role, «مدیرعامل: آقای …» (who writes for his company
    # signs «اینجانب … مدیرعامل شرکت …», untitled)
    r"|مدیر\s*\u200c?عامل[^\S\n]*[:：]?[^\S\n]*(?:[آا]قای|خانم)(?![\w\u200c])"
    # «کارگاه … متعلق به آقای … به کد ملی …»: the owner of a place
    # (a boat's: «… متعلق به ناخدا …»; a co-owner's: «… متعلق به اینجانب و آقای …»)
    r"|متعلق\s+به\s+(?:(?:" + _INJANEB + r"|من|بنده)\s+و\s+)?(?:[آا]قای|خانم|ناخدا)(?![\w\u200c])"
    # a co-owner, the other share's: «سه دانگ دیگر متعلق به برادرم آقای … با کد ملی …»
    r"|(?:دانگ|سهم|نصف|نیمه)\s+(?:دیگر|دیگه|باقی\s*\u200c?مانده)\s+متعلق\s+به\s+[^\s\d]+(?:\s+(?:[آا]قای|خانم))?"
    r"(?![\w\u200c])"
    # a stranger named («شخصی به نام …», «فردی به نام …») and whom a case is against («علیه آقای …», «به طرفیت آقای …»)
    r"|(?:شخصی|فردی|کسی|پیمانکاری|فروشنده\s*\u200c?ای|کارفرمایی)\s+به\s*نام(?:\s+(?:[آا]قای|خانم))?(?![\w\u200c])"
    r"|(?:علیه|به\s*طرفیت|توسط)\s+(?:[آا]قای|خانم)(?![\w\u200c])"  # (and who did the work: «توسط آقای …»)
    # a project's contractor, however long the project's name: «پیمانکار پروژه جدول‌گذاری و آسفالت خیابان … ، آقای …»
    r"|پیمانکار(?:ان)?\s+(?:(?!\d{5})[^.]){0,80}?[\s،,:(]+(?:[آا]قای|خانم)(?![\w\u200c])"
    # a contract's other side: «طبق قرارداد شماره … که با آقای … به کد ملی … منعقد شده»
    r"|قرارداد[^.\n]{0,60}?(?<![\w\u200c])با\s+(?:[آا]قای|خانم)(?![\w\u200c])"
    # «… از آقای … به کد ملی … خریداری»: the seller (not «به وکالت از آقای …», «از طرف خانم …»: a client; OCR
    # often reads «وکالت» as «و کالت»). Not at a line's start: what came before it is on the line above, which a
    # pass that reads one line does not see («به وکالت⏎از آقای …»).
    r"|(?<=[^\s] )(?<!کالت\s)(?<!طرف\s)از\s+(?:[آا]قای|خانم)(?![\w\u200c])"
    # a relative of the person the letter is about, titled: «دخترم … پدر ایشان آقای … به کد ملی …» (the writer does
    # not title himself)
    r"|(?<![\w\u200c])(?:پدر|مادر|همسر|شوهر|برادر|خواهر)\s+(?:ایشان|ایشون|او|وی)\s+(?:[آا]قای|خانم)(?![\w\u200c])"
    # «کد ملی موجر آقای بهروز صفری …»: the role's label, and the name after it
    r"|ملی\s+(?:" + alternation(OTHER_PARTY_ROLES) + r")(?![\w\u200c])(?:" + _TITLE_AFTER + r"(?:\s+[^\s\d:،,]{2,}){0,3})?"
    # the code in brackets right after a role: «کارفرما (به شماره ملی …)»
    r"|(?:" + _PARTY_ROLE + r")" + _POSSESSIVE + r"\s*\((?=\s*(?:به|با)?\s*(?:کد|شماره)\s*\u200c?ملی)"
    # a role in brackets after the name: «آقای … (کارفرما) به کد ملی …»
    r"|(?<!متقاضی\s)(?<!متقاضی)\(\s*(?:" + _PARTY_ROLE + r"|خریدار)\s*\)"  # (not «مشخصات متقاضی (خریدار)»)
    # who gave a written consent: «اجازه‌نامه همسرم آقای … به کد ملی …» (a husband's, for his wife's passport)
    r"|(?:اجازه|رضایت)\s*\u200c?(?:نامه)?\s+(?:(?:کتبی|محضری)\s+)?(?:همسر|شوهر|پدر)(?:م|\s*" + _INJANEB + r")"
    r"(?![\w\u200c])(?:" + _TITLE_AFTER + ")?"
    # a parties' block of a contract's other side: «مشخصات فروشنده: …», «مشخصات مالک (صاحب انشعاب): …»
    r"|مشخصات\s*(?:" + _PARTY_ROLE + r")(?![\w\u200c])(?:" + _TITLE_AFTER + ")?)")
# Kin as a plain letter says it at home, with its «my» («کد ملی خانمم …», «بابام»): «خانم» alone is a title.
_SPOKEN_KIN = {"خانم": Relation.SPOUSE, **SPOKEN_KIN_NOUNS}
_KIN_MARK = re.compile(r"(" + "|".join(KIN_NOUNS) + r")(?:[مه]|\s?\u200c?ام|مان|مون"
                       r"|\s+(?:" + _KIN_ADJECTIVES + r")(?:تر)?[یم]?م|\s+" + _INJANEB + ")"
                       r"(?![\w])|(?:در\s*خصوص|درباره|در\s*مورد)\s+(\w+)|(" + _SUBJECT_WORDS + r")"
                       r"|(?<![\w\u200c])((?:" + "|".join(_SPOKEN_KIN) + r")م)(?![\w\u200c])")


def kin_relation(word: str) -> Relation:
    """The relation a (possibly misread) kin word names: exact, else one letter off, else OTHER."""
    stem = word[:-1] if word.endswith(("م", "ه")) and word[:-1] in KIN_NOUNS else word
    if word.endswith("م") and word[:-1] in _SPOKEN_KIN:
        return _SPOKEN_KIN[word[:-1]]
    if stem in KIN_NOUNS:
        return KIN_NOUNS[stem]
    for kin, relation in KIN_NOUNS.items():
        for candidate in (word, word[:-1]):
            if len(candidate) == len(kin) and sum(a != b for a, b in zip(candidate, kin)) <= 1:
                return relation
    return Relation.OTHER
# Ten digits, possibly split by one space or dash (OCR splits long numbers), not glued to more digits.
_DIGIT_RUN = re.compile(r"(?<![\d])(\d(?:(?: - |[ \-])?\d){6,11})(?![\d])")  # «۴۲۴ - ۳۱۷۹۷۷ - ۸» too
_GROUP_BREAK = re.compile(r" - |[ \-]")
_CODE_WORD = re.compile(r"ملی")
_PHONE = re.compile(r"(?<![\d])((?:\+98|0098|0)?9\d(?:[ \-]?\d){8})(?![\d])")
_NAME_AFTER_WRITER = re.compile(r"(?:ا?ینجا[نتث]?[بپ])\s+(.{2,40}?)\s+(?:به|با)?\s*(?:کد|شماره)\s*[‌ ]?ملی")
_NAME_AFTER_KIN = re.compile(r"(?:" + "|".join(KIN_NOUNS) + r")[مه]\s+(.{2,40}?)\s+(?:به|با)?\s*(?:کد|شماره)\s*[‌ ]?ملی")
_BODY_START = re.compile(r"با\s*سلام(?:\s*و\s*احترام)?|ا?ینجا[نتث]?[بپ]")
_BODY_END = re.compile(r"با\s*تشکر|با\s*سپاس|شماره\s*تماس|تلفن\s*تماس")

SINGLE_PASS_CONF = 96.0
# Passes that must read the same phone (two passes agreed on a misread phone twice in 37 letters).
PHONE_VOTES = 3
# Lines whose long numbers are dates or phones, not national codes.
_PHONE_LINE = re.compile(r"تماس|تلفن|همراه|موبایل")
_NOT_CODE_LINE = re.compile(r"تار\s*[یبی]\s*خ|تماس|تلفن|همراه|موبایل")
# Words a line holding a national code has (even when «ملی» itself is misread).
_CODE_CONTEXT = re.compile(r"کد|ملی|ا?ینجا[نتث]?[بپ]|(?:" + "|".join(KIN_NOUNS) + r")[مه]")
_DATE_LIKE = re.compile(r"1[34]\d\d.?[01]\d.?[0-3]\d$")


@dataclass
class PassText:
    """One OCR pass of one page, normalized (digits folded to ASCII)."""

    name: str
    page: int
    text: str
    digit_conf: dict[str, float] = field(default_factory=dict)  # code → lowest word confidence over its digits
    line_y: list[float] = field(default_factory=list)  # top of each text line, as a fraction of the page height

    def y_of(self, pos: int) -> float:
        line = self.text.count("\n", 0, pos)
        return self.line_y[line] if line < len(self.line_y) else pos / max(len(self.text), 1)


@dataclass
class CodeVote:
    code: str
    passes: set[str] = field(default_factory=set)
    roles: Counter = field(default_factory=Counter)
    relations: Counter = field(default_factory=Counter)
    best_conf: float = 0.0
    first_pos: float = 1e9  # position in the letter (page + fraction), for order when roles are unread
    labelled: bool = False  # some pass read «کد ملی» (or «ش.م») right before it
    late: int = 0  # passes that read it as a late person's («مرحوم … به کد ملی», «کد ملی متوفی»)


@dataclass
class LetterFields:
    writer_national_code: str | None = None
    subject_national_code: str | None = None
    relation: Relation | None = None
    writer_name: str | None = None
    subject_name: str | None = None
    phone: str | None = None
    text: str = ""
    sure: bool = False
    reasons: list[str] = field(default_factory=list)  # English, no personal data
    guesses: dict = field(default_factory=dict)  # everything read, for the operator

    @property
    def identity(self) -> str | None:
        return self.subject_national_code or self.writer_national_code


# What the label before a number says it is. A national code: «کد ملی», «شماره ملی», «ش.م». Something else:
# a postal code, a bill or payment ID, a file, insurance, workshop, tracking, account, card or serial number,
# a birth certificate («ش.ش»), a phone — even when its check digit happens to hold. «بانک ملی», «کارت ملی»
# and «نهضت ملی» say «ملی» without meaning a national code; «جهت پیگیری» says why a code is given, «صاحب
# اشتراک» and «صاحب حساب» whose it is («کد ملی صاحب اشتراک (خودم): …»), not that a number is something else.
# OCR drops the dot of «ش.م»; the semi-literate write «میلی» («کدمیلیش»: his code).
# «ملی», not «ملیون» and «ملیارد» as semi-literate letters spell millions and billions
# «کد ملی» (and OCR's «کد میلی»), «ش.م»; «ک.م», «ک م» (not «کم», less)…
_CODE_LABEL_WORDS = r"(?:کد|شماره)\s*\u200c?م[یي]?لی|(?<!\w)ش\s*\.?\s*م(?!\w)|(?<!\w)ک(?:\s*\.\s*|\s+)م(?!\w)"
# …and «ملی» alone, as OCR leaves it of a label it garbled (not «کارت ملی», «ملیون», «ملیارد»).
_NATIONAL_LABEL = re.compile(r"(?<!کارت\s)(?<!کارت)(?<!عا)ملی(?!ون|ارد|ت)|" + _CODE_LABEL_WORDS)
_OTHER_LABEL = re.compile(  # the labels that end in «ملی» first: a regex takes the first alternative that matches
    r"بانک\s*ملی|نهضت\s*ملی|مسکن\s*ملی|شناسه\s*ملی"
    r"|[پب]ستی|شناسه|پرونده|بیمه|کارگاه|رهگیری|(?<!جهت\s)(?<!برای\s)پیگیری|(?<!صاحب\s)حساب|سریال"
    r"|(?<!صاحب\s)اشتراک|شبا|دانشجوی|پرداخت|شعبه|شناسنامه"
    r"|ش\s*\.\s*ش(?!\w)|تلفن|تماس|همراه|موبایل|(?<!نویسنده\s)نامه"  # (not «نویسنده نامه:», the writer)
    r"|تاریخ|مورخ"  # a date, whose slashes OCR may read as ones («۱۴۰۳/۱۰/۲۳» → «1403110123», valid by chance)
    r"|حکم|دادنامه|کلاسه|(?<![\w\u200c])رای(?![\w\u200c])"  # a court's ruling and its file
    # any other «شماره …» or «کد …»: «کد پرسنلی», «شماره درخواست», «شماره مستمری»; not a short word in «م…»:
    # «ملی» as OCR misreads it
    r"|(?:شماره|کد)\s*(?!م[\u0622-\u06cc]{0,3}(?![\u0622-\u06cc])|م[یي]?لی)[\u0622-\u06cc]{2,}")


# A national code's label right after a number that opens its line: «۸۹۸۶۳۶۱۰۴۳ ک.م», «٠٠٠٦٢٠٨٠٣٧ کد ملیمه».
_NATIONAL_AFTER = re.compile(r"[ \t]*[:：]?[ \t]*(?:" + _CODE_LABEL_WORDS + ")")


def number_label(text: str, pos: int) -> str | None:
    """«national», «other» or None: what the nearest label before the number at `pos` (on its line, within
    40 characters) says it is; for a number that starts its line, the label may end the line before (a
    label wrapped away from its number: «… به کد ملی⏎۴۴۴۴۵۸۶۹۷۴ مشمول …»), or follow it on its own line
    (`_NATIONAL_AFTER`)."""
    line_start = text.rfind("\n", 0, pos) + 1
    run = _DIGIT_RUN.match(text, pos)
    if run is not None and _starts_line(text, pos) and _NATIONAL_AFTER.match(text, run.end()):
        return "national"
    start = max(line_start, pos - 40)
    if line_start and _starts_line(text, pos):
        start = max(text.rfind("\n", 0, line_start - 1) + 1, line_start - 1 - 40)
    window = text[start:pos]
    national = max((m.end() for m in _NATIONAL_LABEL.finditer(window)), default=-1)
    last_other = max(_OTHER_LABEL.finditer(window), key=lambda m: m.end(), default=None)
    other = last_other.end() if last_other else -1
    if national < 0 and other < 0:
        return None
    if last_other is not None and 0 <= national <= last_other.start() and not window[national:last_other.start()].strip():
        return "national"  # «کد ملی بیمه شده:», «کد ملی نامه‌نویس:»: whose national code, the role right after «ملی»
    return "other" if other >= national else "national"


def _line_before(text: str, pos: int) -> str:
    """What stands on the line of `pos` before it."""
    return text[text.rfind("\n", 0, pos) + 1:pos]


def _starts_line(text: str, pos: int) -> bool:
    """Nothing but blanks stands before `pos` on its line."""
    return not _line_before(text, pos).strip()


def _not_a_code(text: str, pos: int) -> bool:
    """The number at `pos` is labelled as something else, is an amount of money («… ۱۵۰۰۰۰۰۰۰۰ ریال»), or
    stands on a phone line without a «کد ملی» label of its own (OCR may read a line right to left, putting
    «تلفن:» after the number: «0 9163253781 2 … تلفن:»)."""
    label = number_label(text, pos)
    run = _DIGIT_RUN.match(text, pos)
    if label == "other" or (run is not None and is_amount(text, run.end())):
        return True
    end = text.find("\n", pos)
    line = text[text.rfind("\n", 0, pos) + 1: end if end >= 0 else len(text)]
    return label is None and _PHONE_LINE.search(line) is not None


# The card's groups (3-6-1, threes with the check digit apart, the city's three before the rest), in either order…
_REVERSIBLE = ([1, 6, 3], [3, 6, 1], [1, 3, 3, 3], [3, 3, 3, 1], [3, 7], [7, 3])
# …and the orders a right-to-left line prints them in when it turns them: the check digit first. Printed in the
# card's own order a code was written so; read backwards too, it passed the check digit one time in eleven and
# went to a clerk for nothing.
_PRINTED_REVERSED = ([1, 6, 3], [1, 3, 3, 3], [7, 3])


def _readings(run: str) -> list[str]:
    """The ways a run of digits may spell a code: as read; for a run in the card's groups printed the other way
    round, 1-6-3, the groups in reverse order (a code typed «۳۰۰-۴۰۷۹۷۰-۴» in a right-to-left paragraph is printed
    with its groups reversed); and for eleven digits, without a «0» at either end, which is the Persian comma or full stop
    beside the number («۵۷۳۲۱۸۱۶۶۰،» is read «05732181660»: the Persian zero is a dot), not a mobile number
    («09…») nor a landline after its city's code; and the groups of the run that make ten or eleven digits."""
    groups = _GROUP_BREAK.split(run)
    whole = "".join(groups)
    readings = [whole]
    if [len(g) for g in groups] in _PRINTED_REVERSED:
        # Only the card's groups: a garbled run («19342-008 4-1») read backwards is a random number that passes the
        # check digit one time in eleven.
        readings.append("".join(reversed(groups)))
    # Part of a run: a number beside the code, one space away («07882323497 8»: the code, a comma, an age).
    readings += ["".join(groups[i:j]) for i in range(len(groups)) for j in range(i + 1, len(groups) + 1)
                 if (i, j) != (0, len(groups)) and len("".join(groups[i:j])) in (10, 11)]
    if [len(g) for g in groups] == [3, 8] and whole.startswith("0"):
        return readings  # a landline with its city's code («۰۲۸-۳۵۲۴۷۷۱۸»): its zero is a digit, not a stop
    for digits in list(readings):
        if len(digits) == 11 and not digits.startswith("09"):
            readings += [d for d, zero in ((digits[1:], digits[0]), (digits[:-1], digits[-1])) if zero == "0"]
    return readings


def code_candidates(text: str) -> list[tuple[str, int]]:
    """(ten digits, position) for every checksum-valid national code in normalized text, less numbers
    labelled as something else."""
    found: list[tuple[str, int]] = []
    for match in _DIGIT_RUN.finditer(text):
        if _not_a_code(text, match.start()):
            continue
        readings = _readings(match.group(1))
        if len(readings[0]) in (8, 9) and number_label(text, match.start()) == "national":
            readings.append(readings[0].zfill(10))  # an older code written without its leading zeros («کدملی ۹۶۵۴۳۰۵۱»)
        elif (len(whole := readings[0]) == 11 and not whole.startswith("0")
              and number_label(text, match.start()) == "national"):
            # a glyph Tesseract read twice («کد ملی: ۹۹۹۳۸۲۵۶۳۴۱» for ۹۹۳۸۲۵۶۳۴۱): the run less one of a doubled digit
            # (not a mobile's «09…», whose doubled digit may leave a code valid by chance); or, in a run of one group,
            # a speck between two digits read as the Persian zero, a dot («۴۴۳۶۰۳۲۷۹۷۳» for ۴۴۳۶۳۲۷۹۷۳; a grouped
            # code's groups say where its digits are)
            readings += [whole[:i] + whole[i + 1:] for i in range(10) if whole[i] == whole[i + 1]]
            if not _GROUP_BREAK.search(match.group(1)):
                readings += [whole[:i] + whole[i + 1:] for i in range(1, 10) if whole[i] == "0"]
        valid = [d for d in dict.fromkeys(readings) if len(d) == 10 and national_code_checksum_ok(d)]
        # A run read as written and with its groups reversed may both pass the check digit: then both are
        # candidates, and the vote sees two codes where one was written (review, not a guess).
        groups = [len(g) for g in _GROUP_BREAK.split(match.group(1))]
        grouped = len(groups) >= 3 or groups in _REVERSIBLE
        found += [(d, match.start()) for d in (valid if grouped else valid[:1])]
    # A code the line end cut in two after its «کد ملی» label («با کدملی ۳۶۱۱۸۶⏎۹۷۵۹ فرزند …»), as a
    # handwritten or narrow letter wraps it.
    for match in _SPLIT_RUN.finditer(text):
        digits = match.group(1) + match.group(2)
        if len(digits) == 10 and national_code_checksum_ok(digits) and number_label(text, match.start()) == "national":
            found.append((digits, match.start()))
    return found


_SPLIT_RUN = re.compile(r"(?<![\d\-])(\d{2,8})[ \t]*-?[ \t]*\n[ \t]*(\d{2,8})(?![\d\-])")  # «۰۴۰۸۴۰-⏎۳۹۱۸» too


def code_slots(text: str) -> int:
    """How many national codes the page seems to hold: «کد ملی» followed by digits, or ten-digit runs on
    lines that speak of a code (a code read with a wrong digit still has ten; dates and phones are not). One
    code written twice («کد ملی: ۳۸۰۷۷۸۲۵۷۵» in the header, «۳۸۰-۷۷۸۲۵۷-۵» in the body) is one. A code the
    wording gives to a third person (a neighbour, a guarantor) is not counted: the letter needs no reading of it."""
    labelled: dict[int, str] = {}  # position -> digits: «نهضت ملی مسکن به کد ملی ۴…» labels one number, not two
    for match in _NATIONAL_LABEL.finditer(text):
        digit = re.search(r"\d", text[match.end(): match.end() + 25])
        if not digit:
            continue
        at = match.end() + digit.start()
        if number_label(text, at) == "national" and role_before(text, at, 0)[0] != OTHER_PERSON:
            run = _DIGIT_RUN.match(text, at)
            labelled[at] = re.sub(r"[ \-]", "", run.group(1)) if run else f"@{at}"  # a short run: itself
    by_word = len(set(labelled.values()))
    by_digits: set[str] = set()
    for line in text.split("\n"):
        if _NOT_CODE_LINE.search(line) or not _CODE_CONTEXT.search(line):
            continue
        for match in _DIGIT_RUN.finditer(line):
            digits = re.sub(r"[ \-]", "", match.group(1))
            if (len(digits) == 10 and not digits.startswith("09") and not _DATE_LIKE.match(digits)
                    and number_label(line, match.start()) != "other"
                    and role_before(line, match.start(), 0)[0] != OTHER_PERSON):
                by_digits.add(digits)
    return max(by_word, len(by_digits))


# «… فرزند مرحوم <name> به کد ملی …»: the late parent's code, when the writer's own was written before it (with
# no code before it, «اینجانب <name> فرزند مرحوم <name> به کد ملی …» may be the writer's, as a patronymic is).
_LATE_PARENT = re.compile(r"(?:فرزند|پسر|دختر)\s+مرحوم(ه)?(?![\w\u200c])")


# A form's blocks: «مشخصات متقاضی» is the writer's when the form has the beneficiary's own block («مشخصات
# ذینفع»; without one the applicant may be whom a relative writes for). A block's code stands a few lines under
# its heading (name, birth date, then the code).
_APPLICANT_BLOCK = re.compile(r"مشخصات\s*متقاضی")
_BENEFICIARY_BLOCK = re.compile(r"مشخصات\s*ذی\s*\u200c?نفع")
_BLOCK_LINES = 4


_ENDS_SENTENCE_ON_LINE = re.compile(r"[^\n]*[.!؟?]\s*\n")
_BARE_LABEL = re.compile(r"\s*(?:کد|شماره)\s*\u200c?ملی\s*[:：]?\s*")


def role_before(text: str, pos: int, floor: int) -> tuple[str | None, Relation | None]:
    """The role of the code at `pos`: the nearest writer/kin marker between `floor` (after the code before it)
    and it."""
    window = text[max(floor, pos - 160): pos]
    best: tuple[int, str, Relation | None] | None = None
    line = _line_before(text, pos)
    bare_label = _BARE_LABEL.fullmatch(line) is not None
    for match in _WRITER_MARK.finditer(window):
        best = max(best or (-1, "", None), (match.start(), WRITER, None), key=lambda t: t[0])
    if floor and best is None:
        for match in _LATE_PARENT.finditer(window):
            best = (match.start(), SUBJECT, Relation.MOTHER if match.group(1) else Relation.FATHER)
    # (read once: the kin marks and the parties both use them; not the writer's own role in brackets after his
    # signature, «با تشکر - سعید افشار (ضامن)», who said he is so: «اینجانب ضامن ایشان هستم»)
    others = [o for o in _OTHER_PERSON.finditer(window) if not _signed_as(o.group(0), text)]
    kin_before = -1
    for match in _KIN_MARK.finditer(window):
        word = match.group(1) or match.group(2) or match.group(3) or match.group(4)
        if window[:match.start()].rstrip().endswith("(") and any(o.end() <= match.start() for o in others):
            continue  # «ضامن اینجانب آقای … (برادرم) به کد ملی …»: the kin of the party just named
        if any(_APPOSITIVE.fullmatch(window, o.end(), match.start()) for o in others if o.end() <= match.start()):
            continue  # «ضامن قبلی، برادرم رضا … به کد ملی …»: the party just named is that relative
        party_before = max((o.end() for o in others if o.end() <= match.start() and not _WRITER_IS_ROLE.search(
            window, 0, o.start())), default=-1)
        if _PRONOUN_LABEL.fullmatch(word) and party_before > kin_before:
            continue  # «همسایه‌ام آقای … که از او شکایت کرده‌ام (کد ملی ایشان …)»: «his» is the party's just named
        kin_before = match.end()
        if window.count("\n", match.end()) > 1 or (bare_label and _ENDS_SENTENCE_ON_LINE.match(window, match.end())):
            # a relative is named with the code, on its line or the line before («گواهی فوت همسرم …» is not); not
            # in a sentence that ended before a footer's bare label («… شوهرم از کار افتاده.⏎کد ملی: …»)
            continue
        if best is None or match.start() > best[0]:
            best = (match.start(), SUBJECT, kin_relation(word))
    if _BENEFICIARY_BLOCK.search(text):
        for match in _APPLICANT_BLOCK.finditer(window):
            if window.count("\n", match.end()) <= _BLOCK_LINES and (best is None or match.start() > best[0]):
                best = (match.start(), WRITER, None)
    for match in _THIRD_PARTY.finditer(window):
        if match.group("patient") and _PATIENT_WRITES.search(window, 0, match.start()):
            continue  # «اینجانب علی رضایی بیمار سرطانی به کد ملی …»: the writer is the patient
        at = pos - len(window) + match.start()  # (the window may begin inside a line)
        if (match.group("parent_of") and _SIGNS_AS_PARENT.fullmatch(text, text.rfind("\n", 0, at) + 1, at)
                and Relation.CHILD in _my_kin(text)):
            # «پدر دانش آموز عبدالغفور ریگی⏎کد ملی …» signing a letter about «پسرم»: the parent who writes
            continue
        lines = _BLOCK_LINES if match.group(0).startswith("مشخصات") else 1
        if window.count("\n", match.end()) > lines or _SALUTATION.search(window, match.end()):
            # A title before the greeting, or lines away, is the addressee's («جناب آقای رئیس …», however OCR
            # read it); a person the letter names is named with the code, on its line or the line before.
            continue
        if best is None or match.start() > best[0]:
            best = (match.start(), SUBJECT, _THIRD_PARTY_RELATION.get(match.group(1), Relation.OTHER))
    right_after_previous = floor > 0 and floor >= pos - 160
    for match in others:
        employee = _EMPLOYEE_BEFORE.search(window, 0, match.start())
        if employee and not _WRITER_IS_ROLE.search(window, 0, employee.start()):
            # «کارگر این شرکت آقای …»: the workplace's worker, not its owner (but «اینجانب کارگر کارگاه … آقای …»: the
            # writer is the worker, and the man titled its owner)
            continue
        if window.count("\n", match.end()) > (_BLOCK_LINES if match.group().startswith("مشخصات") else 1):
            continue  # a party named lines before the code («… ضامن کارمند میخواد …⏎نام: …⏎کد ملی …») is not its holder
        if (right_after_previous and match.group().startswith("شاهد") and match.start() < 20
                and "\n" not in window[:match.start()]):
            continue  # «… با کد ملی X شاهد است …»: the witness is whom the code before is, said after it
        if best is None or match.end() - 1 > best[0]:
            best = (match.end() - 1, OTHER_PERSON, None)
    named = _NAME_LABEL.search(line)
    if named:
        kin = next((m.group(1) for m in _WRITER_IS_KIN_OF.finditer(text, 0, pos) if m.group(2) == named.group(1)), None)
        if kin is not None:
            return SUBJECT, _THIRD_PARTY_RELATION.get(kin, Relation.OTHER)
    if _APPLICANT_LABEL.search(window) or _OWN_LABEL.search(window):
        # «کد ملی فرزند (متقاضی): …», «کد ملی درخواست‌کننده: …»: the applicant is who writes; «کد ملی من …» says so
        return WRITER, None
    own_role = _ROLE_LABEL.search(window)
    if own_role and _gave_himself(own_role.group(1), text[:pos]):
        # «اینجانب … مادر دانش‌آموز …⏎کدملی مادر: …»: the role the writer gave herself; or signed with, at a
        # line's start («دهیار روستای … - مرتضی …⏎کدملی دهیار: …»)
        return WRITER, None
    if own_role and own_role.group(1) == "ولی" and Relation.CHILD in _my_kin(text, pos):
        return WRITER, None  # «… فرزندم …⏎کد ملی ولی: …»: the parent who writes of his child
    kin_label = _KIN_CODE_LABEL.search(window)
    if kin_label and re.search("(?<![\\w\u200c])" + kin_label.group(1) + _CALLED_MINE, text):
        # «کد ملی مادربزرگ: …» in a letter about «مادربزرگ اینجانب» («مادربزرگم»): the relative whom it is about
        return SUBJECT, KIN_NOUNS[kin_label.group(1)]
    kin_block = _KIN_BLOCK.search(window)
    if (kin_block and window.count("\n", kin_block.end()) <= _BLOCK_LINES
            and (best is None or kin_block.start() > best[0])):
        relation = KIN_NOUNS[kin_block.group(1)]
        if relation != Relation.OTHER and relation in _my_kin(text):
            # «مشخصات پدر:⏎… کد ملی …» in a letter that speaks of «پدرم», «مشخصات فرزند:» in one about «دخترم»: the
            # block of whom the letter is about
            return SUBJECT, relation
        if relation in (Relation.FATHER, Relation.MOTHER) and Relation.CHILD in _my_kin(text):
            return WRITER, None  # «مشخصات پدر:» in a letter about «دخترم»: the parent who writes
    if best is None:
        return None, None
    return best[1], best[2]


def _gave_himself(role: str, text: str) -> bool:
    """The writer gave himself `role`: «اینجانب … مادر دانش‌آموز …», «اینجانب …، کارفرمای …» (with its ezafe), or signed
    with it at a line's start («دهیار روستای … - مرتضی …»); an employer so only untitled («کارفرما: بهروز کریمی», not
    «کارفرما: آقای …», whom a worker's complaint is against)."""
    introduced = _INJANEB + r"[^\n.]{0,40}?(?<![\w\u200c])" + role + r"(?:ی|\u200cی)?(?![\w\u200c])"
    untitled = r"\s*[:：](?!\s*(?:[آا]قای|خانم|جناب))"
    signed = r"^\s*" + role + (untitled if role == "کارفرما" else r"(?:ی|\u200cی)?(?![\w\u200c])")
    return re.search(introduced + "|" + signed, text, re.MULTILINE) is not None


_BRACKETED_ROLE = re.compile(r"\(\s*(" + _PARTY_ROLE + r"|خریدار)\s*\)")


def _signed_as(mention: str, text: str) -> bool:
    """A role in brackets (a party's mention) that the writer gave himself in the letter."""
    bracketed = _BRACKETED_ROLE.fullmatch(mention)
    return bracketed is not None and _gave_himself(bracketed.group(1), text)


# A worker of the workplace named just after («لیست بیمه کارگر این شرکت آقای …»).
_EMPLOYEE_BEFORE = re.compile(r"(?:کارگر|کارمند|پرسنل|نیروی)(?:ان)?\s+(?:(?:این|اون|آن|ما)\s+)?$")
# Between a party's role and a kin word that names him: a word or two of the same clause («ضامن قبلی، برادرم …»).
_APPOSITIVE = re.compile(r"[^\S\n]*(?:[^\s\d.،,:]+[^\S\n]*){0,2}[،,]?[^\S\n]*")
# A code labelled by a bare kin noun («کد ملی مادربزرگ:»), and that relative called the writer's own.
_KIN_CODE_LABEL = re.compile(r"(?:کد|شماره)\s*\u200c?ملی\s*(" + "|".join(KIN_NOUNS) + r")\s*[:：]?\s*$")
_CALLED_MINE = r"\s*\u200c?(?:م|ام|\s+(?:اینجانب|بنده|من))(?![\w\u200c])"
_KIN_BLOCK = re.compile(r"مشخصات\s*(" + "|".join(KIN_NOUNS) + r")م?\s*[:：]")  # (and «مشخصات پدرم:»)
_MY_KIN = re.compile(r"(?<![\w\u200c])(" + "|".join(KIN_NOUNS) + r")م(?![\w\u200c])")


# A signature that gives the signer's role as a parent, at its line's start («پدر دانش آموز <name>»): what stands
# before the role on its line.
_SIGNS_AS_PARENT = re.compile(r"[^\S\n]*(?:(?:پدر|مادر)[^\S\n]+)?")


def _my_kin(text: str, end: int | None = None) -> set[Relation]:
    """The relations the letter names as «my …» («پدرم», «دخترم») before `end`."""
    return {KIN_NOUNS[m.group(1)] for m in _MY_KIN.finditer(text, 0, len(text) if end is None else end)}


# A writer who says he is the conscript («اینجانب امید جعفری متولد ۱۳۸۲ مشمول خدمت سربازی»).
# A relative's matter told as settled and the writer's set against it: «وام همسرم پرداخت شد ولی پرونده من …», «همسرم …
# وام خودش را گرفته ولی وام من …», «حقوق همسرم … به موقع پرداخت شده و مشکل فقط مربوط به حقوق بنده است».
_KIN_DONE_BUT_MINE = re.compile(
    r"(?<![\w\u200c])(?:" + "|".join(KIN_NOUNS) + r")م(?![\w\u200c])[^.]{0,120}?"
    r"(?:پرداخت\s*(?:شد|شده)|واریز\s*(?:شد|شده)|گرفته|دریافت\s*کرده)"
    r"[^.]{0,30}?(?:ولی|اما|لیکن|و\s+مشکل)\s+(?:[^\s.]+\s+){0,4}?(?:من|بنده|اینجانب)(?![\w\u200c])")
# (Not «اینجانب … پدر مشمول»: the conscript's father.)
_WRITER_IS_CONSCRIPT = re.compile(_INJANEB + r"[^.\n]{0,60}?(?<![\w\u200c])" + _AFTER_KIN
                                  + r"مشمول(?:\s*خدمت|\s+هستم|\s*،|\s*$)")
# The request names the writer's own matter: «خواهشمند است … وام اینجانب پرداخت شود», «… معافیت کفالت اینجانب …»,
# «تمنا دارم … مستمری اینجانب برقرار گردد», «… سند سهم اینجانب صادر گردد», «لطفا وضعیت یارانه من رو مشخص کنید»
# (not «… مستمری پدر اینجانب …»: the relative's).
_ME = r"(?:" + _INJANEB + r"|من|بنده|خودم|خود(?=\s+(?:را|رو)(?![\w\u200c])))"  # the writer, as a request names him
# («درخواست رسیدگی به پرونده معافیت کفالت خود را دارم»: a request's «خود را» is the one who asks)
_OWN_MATTERS = r"وام|معافیت|مستمری|حقوق|یارانه|کالابرگ|سهمیه|پرونده|سند|سهم|خسارت|سابقه|سوابق|دهک"
_ASKS_FOR_OWN = re.compile(r"(?:خواهش|تقاضا|درخواست|استدعا|تمنا|لطفا|لطفاً|تو\s*رو\s*خدا|ترو\s*خدا)"
                           r"[^.\n]{0,100}?(?<![\w\u200c])"
                           # (the words between on the request's line)
                           r"(?:(?:" + _OWN_MATTERS + r")(?:[^\S\n]+[^\s.\d]+){0,2}?[^\S\n]+" + _AFTER_KIN + _ME
                           # …or moved to the writer's code: «تقاضا دارم سهمیه به کد ملی خودم منتقل شود»
                           + r"|(?:" + _OWN_MATTERS + r")\s+به\s+(?:کد|شماره)\s*\u200c?ملی\s+" + _ME
                           # …or a household of the writer's own: «خواهشمند است امکان تشکیل خانوار مستقل برای اینجانب …»
                           + r"|(?:تشکیل|جداسازی|جدا\s*سازی)\s+خانوار"
                           # …or with its colloquial «my»: «تروخدا یارانمو وصل کنین», «لطفا حقوقمو بدید»
                           r"|(?:" + _OWN_MATTERS + r"|یاران)\s*\u200c?ا?م(?:و|رو)?)"  # («یارانمو»: its «ه» dropped)
                           r"(?![\w\u200c])")
# A form's code labelled by a role without «my» («کدملی مادر:», «کد ملی ولی:»): the writer's, when she named herself
# by that role («اینجانب شیرین احمدی مادر دانش آموز …»).
_APPLICANT_LABEL = re.compile(r"(?:کد|شماره)\s*\u200c?ملی(?:[^\n\d:]{0,20}\(\s*متقاضی\s*\)|\s*درخواست\s*\u200c?\s*کننده)"
                              r"\s*[:：]?\s*$")
_OWN_LABEL = re.compile(r"(?:کد|شماره)\s*\u200c?ملی(?:\s*(?:من|خودم|اینجانب|بنده)|م)\s*[:：]?\s*$")  # («کد ملیم X»)
_ROLE_LABEL = re.compile(r"(?:کد|شماره)\s*\u200c?ملی\s*(پدر|مادر|ولی|سرپرست|همسر|دهیار|بخشدار|مدیر|قیم|وکیل"
                         r"|کارفرما|مستاجر|مستأجر|موجر|مالک)\s*[:：]?\s*$")  # (an employer who writes for his worker:
# «اینجانب …، کارفرمای …»; a tenant who complains of her landlord: «اینجانب … مستأجر واحد ۶ …⏎کد ملی مستأجر: …»)


def line_roles(passes: list[PassText]) -> list[tuple[int, float, str, Relation | None, bool]]:
    """(page, y, role, relation, wraps) of every line where a pass read a role marker before «ملی» or a
    number: a number read alone (a digit pass) takes the role of the line it sits on; a number that starts
    its line, of the line above when that one ends with its label (`wraps`: «… همسر اینجانب آقای … به کدملی⏎
    ۴۸۱-۳۷۹۵۹۱-۹ …», read line by line)."""
    found = []
    for p in passes:
        for index, line in enumerate(p.text.split("\n")):
            match = re.search(r"ملی|\d{5}", line)
            if not match or index >= len(p.line_y):
                continue
            role, relation = role_before(line, match.start(), 0)
            if role:
                found.append((p.page, p.line_y[index], role, relation, _LABEL_AT_END.search(line) is not None))
    return found


_LABEL_AT_END = re.compile(r"(?:" + _NATIONAL_LABEL.pattern + r")\s*[:：]?\s*$")
# Two lines whose tops are this close, as a fraction of the page height, are one line read by two passes.
_SAME_LINE = 0.012
# How far above a number the line holding its wrapped label may start (a line or two of print).
_WRAP_REACH = 0.06


def _role_by_position(p: PassText, pos: int, roles_by_line) -> tuple[str | None, Relation | None]:
    """The role of the code at `pos` read from where it stands on the page: the role of its own line in any
    pass, or, for a code that starts its line, that of the line above that ends with its label."""
    y = p.y_of(pos)
    near = [(abs(ly - y), r, rel) for page, ly, r, rel, _ in roles_by_line
            if page == p.page and abs(ly - y) < _SAME_LINE]
    if not near and _starts_line(p.text, pos):
        near = [(y - ly, r, rel) for page, ly, r, rel, wraps in roles_by_line
                if wraps and page == p.page and _SAME_LINE <= y - ly < _WRAP_REACH]
    if not near:
        return None, None
    _, role, relation = min(near, key=lambda t: t[0])
    return role, relation


# The writer's name as the letter gives it: the first two words after «اینجانب».
_WRITER_NAME = re.compile(_INJANEB + r"\s+([^\s\d:،,()]{2,}\s+[^\s\d:،,()]{2,})")


# A code followed by what its holder did with the writer: «… به آقای … به کد ملی X فروخته‌ام», the code of whom
# the writer sold or handed something to (a car's buyer; a shop's tenant, «اجاره داده‌ام», the writer's own doing:
# not «… اجاره داده شده است. قبوض به نام مستاجر …»), a party to the matter, not whom it is about; «از همسرم
# آقای … (کد ملی X) در تاریخ … طلاق گرفته‌ام»: the former spouse (a date may come between);
# «همسرم آقای … به کد ملی X رضایت‌نامه … داده»: a husband consenting to his wife's passport; «آقای … به کد ملی X
# ضامن اینجانب بوده»: the writer's guarantor; «… X همسایه زمین اینجانب شاهد این موضوع است»: a witness.
# «… برای آقای منصور کیخا کد ملی X در ساختمان … کار کردم»: whom the writer worked for (an employer) is another party.
_WORKED_FOR = re.compile(r"(?<![\w\u200c])(?:برای|پیش|نزد)\s+(?:[آا]قای|خانم)\s+[^\d\n.]{2,40}$")
_WORKED_AFTER = re.compile(r"\d[\d \-]*\)?\s*(?:[^\s\d.]+\s+){0,6}کار\s*(?:می\s*\u200c?)?کرد(?:م|یم|ه\s*\u200c?ام)(?![\w\u200c])")
_PARTY_AFTER = re.compile(r"\d[\d \-]*\)?\s*(?:(?:[^\s\d]+|\d{2,4}/\d{1,2}/\d{1,2})\s+){0,5}(?:فروخت|واگذار|اجاره\s*\u200c?داد(?:ه\s*\u200c?ام|م)|طلاق\s*گرفت(?:ه\s*\u200c?ام|م)"
                          r"|رضایت|ضمانت)"  # («… به کد ملی X ضمانت اینجانب را قبول کرده»: a guarantor)
                          # «آقای … به کد ملی X در سال ۱۴۰۱ یک قطعه زمین … به اینجانب فروخته»: who sold to the writer
                          r"|\d[\d \-]*\)?[^.\n]{0,120}?به\s*(?:اینجانب|بنده|من|ما)\s*(?:فروخت|واگذار)"
                          r"|\d[\d \-]*\)?[\s،,]*(?:که\s+)?(?:ضامن|کفیل)\s*\u200c?(?:" + _INJANEB
                          + r"|بنده|من|ام)(?![\w\u200c])"
                          # «… به کد ملی X همسایه زمین اینجانب شاهد این موضوع است»: a witness
                          r"|\d[\d \-]*\)?[\s،,]*(?:[^\s\d]+\s+){0,6}شاهد(?:\s+(?:این|ماجرا|موضوع|جریان|است|هست|بود))"
                          # «… به کد ملی X مالک مشاعی …»: a co-owner
                          r"|\d[\d \-]*\)?[\s،,]*(?:مالک(?:ین|ان)?\s*(?:مشاع|شریک)|شریک)"
                          # the party's role in brackets after the code: «… به کد ملی X (خوانده)»
                          r"|\d[\d \-]*\s*\(\s*(?:" + _PARTY_ROLE + r")\s*\)")


# From one code to the next in a list of people: «… (X) و آرش مرادی (Y)», «X، Y», a numbered list's next row
# («۱- محسن کاظمی به کد ملی X⏎۲- علیرضا مقدم به کد ملی Y»); the floor starts 10 characters into the previous code.
_LISTED_AFTER = re.compile(r"[\d \-]*\)?\s*(?:(?:و|،|,)\s*(?:[^\s\d():،,]+\s+){0,3}\(?"
                           r"|\d{1,2}\s*[-.)]\s*(?:[^\s\d():،,]+\s+){0,4})\s*(?:(?:کد|شماره)\s*ملی\s*:?\s*)?")
# Someone the writer represents, named with a code: «به وکالت از خانم … به کد ملی …», «قیم صغیر … کد ملی …».
_REPRESENTS = re.compile(r"(?:ب[ه\u200c ]?\s*وکالت\s*از|(?<![\w\u200c])قیم(?:\s*قانونی)?\s)[^.]{0,80}?"
                         r"(?:کد|شماره)\s*ملی\s*:?\s*\d")
# A late person's code: «مرحوم حمید صفری به کد ملی …», «کد ملی متوفی: …» (not «فرزند مرحوم …»: the writer's
# patronymic before his own code; nor «نسبت با متوفی: دختر کد ملی …», an heir's relation to him); and a writer
# who is one of the late person's heirs («اینجانب … یکی از وراث»).
_LATE_BEFORE = re.compile(r"(?<!فرزند\s)(?<!با\s)(?<!از\s)(?:" + alternation(LATE_WORDS) + r")(?![\w\u200c])")
# … or said after the code, in its sentence: «شوهرم کد ملی X دو سال پیش فوت کرد».
_LATE_AFTER = re.compile(r"[\d \-]*\)?(?:(?!\d{5})[^.\n]){0,40}?(?<![\w\u200c])"
                         r"(?:فوت\s*(?:کرد|شد|نمود)|درگذشت|به\s*رحمت\s*خدا\s*رفت)")
# A widow who introduces herself by her late husband («اینجانب … همسر مرحوم …») or names him so first («همسر
# اینجانب مرحوم …»): her survivor's pension, her coupon, her own matter, whatever code of his she gives.
_LATE_WORD = r"(?:" + alternation(LATE_WORDS) + r")(?![\w\u200c])"
_WRITER_IS_WIDOW = re.compile(_INJANEB + r"[^.\n]{0,60}?(?<![\w\u200c])(?:همسر|زوجه|عیال)\s+" + _LATE_WORD
                              + r"|(?<![\w\u200c])(?:همسر|شوهر)\s+(?:اینجانب|بنده)\s+" + _LATE_WORD)
_WRITER_IS_HEIR = re.compile(_INJANEB + r"[^.\n]{0,80}?(?:" + "|".join(HEIR_WORDS) + r")(?![\w\u200c])"
                             # «وراث: ۱- فاطمه ملکی (همسر) ۲- اینجانب علی طاهری», «وراث ایشان عبارتند از: اینجانب …»:
                             # listed among them
                             r"|(?<![\w\u200c])(?:" + "|".join(HEIR_WORDS) + r")(?:\s+ایشان)?"
                             r"\s*(?::|عبارت\s*\u200c?\s*(?:ند|اند)\s+از\s*:?)[^.\n]{0,80}?" + _INJANEB)


def _signed_by_writer(text: str, pos: int, names: set[str]) -> bool:
    """The line of the code at `pos` names the writer before it («مصطفی زارعی - کد ملی …» under the letter), or it
    holds only the code's label under a line of the writer's name (a signature block: «حشمت‌الله کاکاوند⏎کد ملی …»)."""
    line = _line_before(text, pos)
    if any(name in line for name in names):
        return True
    start = text.rfind("\n", 0, pos)  # the end of the line above
    return start > 0 and _BARE_LABEL.fullmatch(line) is not None and _line_before(text, start).strip() in names


_BLOCK_HEAD = re.compile(r"\s*مشخصات\s*(?:[^\s\d:：]+\s*)?[:：]\s*")  # «مشخصات بیمار: …», «مشخصات: …»


# A signature: a line of two or three words and nothing else among the letter's last lines (not a closing formula).
_SIGNATURE = re.compile(r"[^\W\d_]{2,}(?:[ \u200c][^\W\d_]{2,}){1,2}")
_NOT_A_NAME = re.compile(r"تشکر|سپاس|احترام|امضا|تلفن|همراه|نشانی|آدرس|تعالی|خدا|محترم|ریاست|مهر|اثر|انگشت")


def _signer_names(text: str) -> set[str]:
    """The name the letter is signed with, from its last five lines: «عبدالله دشتی»."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][-5:]
    return {line for line in lines if _SIGNATURE.fullmatch(line) and not _NOT_A_NAME.search(line)}


def _block_of_writer(text: str, pos: int, names: set[str]) -> bool:
    """The code's line is a block headed by whom it describes and names the writer: «مشخصات بیمار: اکبر رستمی - کد
    ملی بیمار …» in a letter from «اینجانب اکبر رستمی» (the patient writes himself)."""
    line = _line_before(text, pos)
    head = _BLOCK_HEAD.match(line)
    return head is not None and any(line.startswith(name, head.end()) for name in names)


# A sentence said by the way: whom it names with a code is not whom the letter is about.
_BY_THE_WAY = re.compile(r"(?:^|[.!?؟\n])\s*(?:ضمنا|ضمناً|در\s*ضمن)(?![\w\u200c])[^.!?؟\n]*$")


def collect(passes: list[PassText]) -> dict[str, CodeVote]:
    votes: dict[str, CodeVote] = {}
    roles_by_line = line_roles(passes)
    for p in passes:
        floor = 0
        previous_role = None
        names = {m.group(1) for m in _WRITER_NAME.finditer(p.text)} | _signer_names(p.text)
        for code, pos in sorted(code_candidates(p.text), key=lambda found: found[1]):  # (a split code is found last)
            vote = votes.setdefault(code, CodeVote(code))
            vote.passes.add(f"{p.page}:{p.name}")
            role, relation = role_before(p.text, pos, floor)
            if role is None and p.line_y:
                role, relation = _role_by_position(p, pos, roles_by_line)
            if role is None and names and _signed_by_writer(p.text, pos, names):
                role = WRITER
            elif role == SUBJECT and names and _block_of_writer(p.text, pos, names):
                role, relation = WRITER, None
            if role != WRITER and (_PARTY_AFTER.match(p.text, pos) or _WORKED_FOR.search(p.text, max(0, pos - 60), pos)
                                   and _WORKED_AFTER.match(p.text, pos)):
                role, relation = OTHER_PERSON, None
            if role == SUBJECT and _BY_THE_WAY.search(p.text, max(0, pos - 200), pos):
                role, relation = OTHER_PERSON, None  # «ضمنا مادرم خانم … (کد ملی …) …»: a relative named by the way
            if role is None and previous_role == OTHER_PERSON and _LISTED_AFTER.fullmatch(p.text, floor - 10, pos):
                role = OTHER_PERSON  # «همکارانم آقایان … (X) و … (Y)»: the next of a list of third persons
            previous_role = role
            if (_LATE_BEFORE.search(p.text, max(0, pos - 40), pos) or _LATE_AFTER.match(p.text, pos)
                    or floor and _LATE_PARENT.search(p.text, max(floor, pos - 60), pos)):
                vote.late += 1  # (a late parent's after the writer's own code: see `_LATE_PARENT`)
            if role:
                vote.roles[role] += 1
            if relation:
                vote.relations[relation] += 1
            vote.best_conf = max(vote.best_conf, p.digit_conf.get(code, 0.0))
            vote.labelled = vote.labelled or number_label(p.text, pos) == "national"
            vote.first_pos = min(vote.first_pos, p.page + p.y_of(pos))
            floor = pos + 10
    # A number some pass read under another label (a postal code) is not a code in the passes that read it
    # alone either (the digit passes read crops of numbers, without their labels).
    other = _labelled_other(passes)
    return {code: vote for code, vote in votes.items() if vote.labelled or code not in other}


def _labelled_other(passes: list[PassText]) -> set[str]:
    found: set[str] = set()
    for p in passes:
        for match in _DIGIT_RUN.finditer(p.text):
            if _not_a_code(p.text, match.start()):
                found.update(_readings(match.group(1)))
    return found


def _most_common(values: list[str]) -> str | None:
    values = [v.strip(" .،:") for v in values if v and v.strip(" .،:")]
    return Counter(values).most_common(1)[0][0] if values else None


def _phone(passes: list[PassText]) -> tuple[str | None, list[str]]:
    seen: Counter = Counter()
    for p in passes:
        for match in _PHONE.finditer(p.text):
            if number_label(p.text, match.start(1)) == "national":
                continue  # «کد ملی: ۹۳۹ ۲۷۲ ۵۶۰۲», a code misread by one pass: no mobile, though it starts with «9»
            try:
                phone = parse_phone(re.sub(r"[ \-]", "", match.group(1)))
            except InvalidPhone:
                continue
            if phone:
                seen[phone] += 1
    ranked = seen.most_common()
    # No checksum protects a phone (Tesseract swaps ۲/۳ on them too), and a tracking code texted to a misread
    # number reaches a stranger: a phone is kept only when three passes read it and none read another
    # (Tesseract read ۲ as ۳ in three passes out of four on one letter: majorities are not enough).
    if len(ranked) == 1 and ranked[0][1] >= PHONE_VOTES:
        return ranked[0][0], [p for p, _ in ranked]
    return None, [p for p, _ in ranked]


def full_text(passes: list[PassText]) -> str:
    """The whole letter as the best pass per page read it (for the operator)."""
    best: dict[int, PassText] = {}
    for p in passes:
        if p.page not in best or _letters(p.text) > _letters(best[p.page].text):
            best[p.page] = p
    return "\n\n".join(best[k].text for k in sorted(best))


def _letters(text: str) -> int:
    return len(re.findall(r"[\u0600-\u06ff]", text))


def body(passes: list[PassText]) -> str:
    """The letter's text for the case: from the greeting to the closing, pages in order, from the
    pass per page that read the most letters."""
    text = full_text(passes).replace("\n\n", "\n")
    start = _BODY_START.search(text)
    if start:
        text = text[start.start():]
    end = _BODY_END.search(text)
    if end and end.start() > 40:
        text = text[: end.start()]
    return text.strip()


def persian_letters(passes: list[PassText]) -> int:
    """Most Persian letters any pass read on any page (a letter has hundreds; a photo has almost none)."""
    per_page: dict[int, int] = defaultdict(int)
    for p in passes:
        per_page[p.page] = max(per_page[p.page], len(re.findall(r"[\u0620-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]", p.text)))
    return sum(per_page.values())


def _rivals(other: CodeVote, chosen: CodeVote) -> bool:
    """Whether another reading is read by passes enough to put the chosen code in doubt: a third as many as the
    chosen's (a chosen code read by fewer than three passes has no clear majority against any)."""
    return 3 * len(other.passes) > len(chosen.passes)


def decide(passes: list[PassText], *, final: bool = False) -> LetterFields:
    """The fields the passes agree on; `sure` only when identities are certain enough to register.
    With final=False a single high-confidence read is not yet enough (more passes will come)."""
    votes = collect(passes)
    slots = max((code_slots(p.text) for p in passes), default=0)
    pages = {p.page for p in passes}
    slots = max(slots, 0) if len(pages) == 1 else max(
        sum(max((code_slots(p.text) for p in passes if p.page == page), default=0) for page in pages), 0)
    fields = LetterFields()
    accepted, read_too_few_times = [], []
    for vote in votes.values():
        if len(vote.passes) >= 2 or (final and vote.best_conf >= SINGLE_PASS_CONF):
            accepted.append(vote)
        else:
            read_too_few_times.append(vote)
    accepted.sort(key=lambda v: v.first_pos)
    # A guarantor's or a witness's code is read and set aside: the letter is neither by nor about them.
    others = [v for v in accepted if v.roles[OTHER_PERSON] > max(v.roles[WRITER], v.roles[SUBJECT])]
    accepted = [v for v in accepted if v not in others]
    # A late person's code is never the writer's, though his widow introduces herself by him («اینجانب … همسر
    # مرحوم … به شماره ملی …»): beside a code no wording marks (hers, under the signature) it is set aside, as a
    # late subject's is (below). (Where a code is marked as whom the letter is about, the late window is too wide
    # to tell: «اینجانب A همسر مرحوم B به کد ملی C» marks both.)
    writer_is_heir = any(_WRITER_IS_HEIR.search(p.text) for p in passes)
    late_writers = [v for v in accepted if v.late and v.roles[WRITER] > v.roles[SUBJECT]]
    living_writer = any(not v.late and v.roles[WRITER] > v.roles[SUBJECT] for v in accepted)
    # (… and beside a living writer's code, whatever else is marked: a guardian's «پدر ایشان مرحوم … به کد ملی …»)
    if (late_writers and len(late_writers) < len(accepted)
            and (living_writer or not any(v.roles[SUBJECT] for v in accepted)) and not writer_is_heir):
        others += late_writers
        accepted = [v for v in accepted if v not in late_writers]
    writers = [v for v in accepted if v.roles[WRITER] > v.roles[SUBJECT]]
    marked_writer = bool(writers)
    subjects = [v for v in accepted if v.roles[SUBJECT] > v.roles[WRITER]]
    late = [v for v in subjects if v.late]
    writer_is_widow = any(_WRITER_IS_WIDOW.search(p.text) for p in passes)
    if late and not writer_is_heir and (len(late) < len(subjects) or writer_is_widow and writers):
        # A living person's code beside a late one's («قیم صغیر …، پدر صغیر مرحوم … به کد ملی …», an heir's lawyer
        # giving the deceased's code), or beside a widow's own (`_WRITER_IS_WIDOW`): the letter is about the living;
        # the late person's code is set aside. (Not when the writer is an heir himself: then the late person's file
        # is the matter, a sibling's code beside.)
        others += late
        accepted = [v for v in accepted if v not in late]
        subjects = [v for v in subjects if v not in late]
    unknown = [v for v in accepted if v not in writers and v not in subjects]
    if (writers and len(subjects) == 1 and subjects[0] in late and len(unknown) == 1 and not unknown[0].late
            and unknown[0].labelled and not writer_is_heir):
        # A late relative's code the wording marks, beside the writer's and one living person's labelled code no
        # wording places («برادرم مرحوم … (کد ملی …) … مستمری امیرعلی به کد ملی …», a guardian for his ward): the
        # letter is about the living; the late person's code is background, as beside a living subject's (above).
        others += subjects
        accepted = [v for v in accepted if v not in subjects]
        subjects, unknown = unknown, []
    if writers and subjects and not writer_is_heir:
        # A late person's code no wording places, beside a writer's and a subject's marked codes («پدربزرگ بنده
        # مرحوم … (کد ملی …)» in a grandson's letter for his grandmother): background, as a late subject's is above.
        late_unplaced = [v for v in unknown if v.late]
        others += late_unplaced
        accepted = [v for v in accepted if v not in late_unplaced]
        unknown = [v for v in unknown if v not in late_unplaced]
    # A code no wording places that shares eight digits in a row with a phone number the page holds is that phone
    # misread (a mobile beside the writer's code, its first digits lost), not a person.
    phone, phones = _phone(passes)
    page_phones = [number for number in phones if number[-10:] not in votes]  # (a code «9…» reads as a mobile)
    misread = [v for v in unknown if any(v.code[i:i + 8] in number for number in page_phones for i in range(3))]
    others += misread
    unknown = [v for v in unknown if v not in misread]
    # A code whose role no pass could read takes the letter's order: the writer comes first; beside a code
    # marked as a relative's, an unmarked one is the writer's wherever it stands (a footer after the signature).
    for v in unknown:
        if any(v.first_pos == w.first_pos and sorted(v.code) == sorted(w.code) for w in writers + subjects):
            continue  # the same number read the other way round («۶۷۸-۶۹۸-۱۹۸-۴»): not another person (see below)
        if not writers:
            writers.append(v)
        elif not subjects and writers and ((marked_writer and v.labelled)
                                           or v.first_pos > writers[0].first_pos and _kin_mentioned(passes)):
            # Beside a code the wording marks as the writer's, another under its own «کد ملی» label is a
            # person's: the one the letter is about. (Two unmarked codes: which is whose is not known.)
            subjects.append(v)
    if writers and subjects and any(_WRITER_IS_CONSCRIPT.search(p.text) or _KIN_DONE_BUT_MINE.search(p.text)
                                    or _ASKS_FOR_OWN.search(p.text)
                                    for p in passes):
        # The writer's own matter, whoever else he names with a code: a conscript writing about his service or
        # exemption («اینجانب … مشمول خدمت … پدرم آقای … (کد …) از کار افتاده»: the father his exemption is for); a
        # relative's matter told as settled and the writer's own as not («وام همسرم پرداخت شد ولی پرونده من …»).
        others += subjects
        accepted = [v for v in accepted if v not in subjects]
        subjects = []
    reasons = fields.reasons
    if len(writers) > 1:
        reasons.append("several different writer national codes read")
    if len(subjects) > 1:
        reasons.append("several different subject national codes read")
    if writers:
        fields.writer_national_code = writers[0].code
    if subjects:
        fields.subject_national_code = subjects[0].code
        rel = subjects[0].relations.most_common(1)
        fields.relation = rel[0][0] if rel else Relation.OTHER
    # Ten digits read in five or more groups: a code spaced digit by digit, which Tesseract regroups (below).
    spaced_runs = {digits for p in passes for m in _DIGIT_RUN.finditer(p.text)
                   if len(_GROUP_BREAK.split(m.group(1))) >= 5 and len(digits := _GROUP_BREAK.sub("", m.group(1))) == 10}
    for chosen in writers[:1] + subjects[:1]:
        if any(v.code != chosen.code and sorted(v.code) == sorted(chosen.code) and _rivals(v, chosen)
               for v in votes.values()):
            # Its digits read in another order by some passes, valid too (a right-to-left line prints a grouped or
            # spaced code reversed): which order was written is not known. (Not a single digit pass's jumble against
            # nine passes' reading, «5720080937» beside «0077208935», `_rivals`.)
            reasons.append("a national code read in two orders, both valid")
            break
        if any(run != chosen.code and sorted(run) == sorted(chosen.code) for run in spaced_runs):
            # …or in another order that fails the check digit: Tesseract regroups digits spaced one by one on a
            # right-to-left line («0 0 3 1 3 9 6 9 8 4» read «300 1 693 89 4» by two passes, «00 13 693 89 4» by a
            # third), and a regrouping that passes the check digit by chance is no surer than the one that fails.
            reasons.append("passes read a national code's digits in different orders")
            break
    # Tesseract confuses some digit shapes the same way in every pass (۴/۶, ۲/۳), so two misread digits can
    # pass the checksum and be read twice. A code with such a rival (a valid code a few digits off) is
    # kept only by a clear majority.
    for chosen in writers[:1] + subjects[:1]:
        if any(v.code != chosen.code and _distance(v.code, chosen.code) <= 4 and _rivals(v, chosen)
               for v in votes.values()):
            reasons.append("passes read different valid national codes for one person")
            break
    if subjects and subjects[0].roles[OTHER_PERSON]:
        # Some passes read the code as a third person's («… به آقای … به کد ملی … فروخته‌ام»), others, where the
        # words around it were garbled, as whom the letter is about: filing it under the wrong person is worse
        # than a clerk's look.
        reasons.append("passes disagree whether a code is whom the letter is about or a third person's")
    n_accepted = len({v.code for v in writers + subjects + others})
    if any(v not in writers and v not in subjects for v in accepted):
        # A code read twice that the wording places nowhere: a third person, or another reading of the same
        # digits (a grouped code valid both as printed and with its groups reversed).
        reasons.append("a national code read whose role the letter does not tell")
    if not votes:
        reasons.append("no valid national code read")
    elif not writers and not subjects:
        reasons.append("writer national code not read with certainty")
    if not subjects and any(_REPRESENTS.search(p.text) for p in passes):
        # A lawyer's or a guardian's letter is about the person represented: with that person's code written but
        # not read (OCR garbled it), filing it under the writer's would be wrong.
        reasons.append("letter is written for someone whose national code was not read with certainty")
    if _kin_mentioned(passes) and not subjects and slots > n_accepted:
        reasons.append("letter is about a family member whose national code was not read with certainty")
    if slots > n_accepted:
        reasons.append(f"{slots} national code(s) written, {n_accepted} read with certainty")
    contested = [v for v in votes.values() if v not in accepted and v.code not in
                 {fields.writer_national_code, fields.subject_national_code}]
    if contested and (len(accepted) == 0 or slots > n_accepted):
        reasons.append("passes disagree on a national code")
    if not subjects and any(v.roles[SUBJECT] > max(v.roles[WRITER], v.roles[OTHER_PERSON])
                            for v in read_too_few_times):
        # A code the wording marks as whom the letter is about, read too few times to trust: filing the letter as
        # the writer's own matter would be wrong.
        reasons.append("letter is about someone whose national code was not read with certainty")
    if not writers and any(v.roles[WRITER] > max(v.roles[SUBJECT], v.roles[OTHER_PERSON]) for v in read_too_few_times):
        # …and one the wording marks as the writer's (a signature's «ک.م …» one pass read, the others garbled): filing
        # the letter with no writer would lose who wrote it.
        reasons.append("writer national code not read with certainty")
    fields.sure = not reasons
    fields.writer_name = _most_common([m.group(1) for p in passes for m in _NAME_AFTER_WRITER.finditer(p.text)])
    fields.subject_name = _most_common([m.group(1) for p in passes for m in _NAME_AFTER_KIN.finditer(p.text)])
    fields.phone = phone
    fields.text = body(passes)
    fields.guesses = {
        "writer_national_code": fields.writer_national_code,
        "subject_national_code": fields.subject_national_code,
        "relation": fields.relation.value if fields.relation else None,
        "writer_name": fields.writer_name,
        "subject_name": fields.subject_name,
        "phone": fields.phone,
        "national_code_candidates": [
            {"code": v.code, "passes": len(v.passes), "role": (v.roles.most_common(1)[0][0] if v.roles else None)}
            for v in sorted(votes.values(), key=lambda v: -len(v.passes))
        ],
        "phone_candidates": phones,
        "national_codes_written": slots,
    }
    return fields


def _distance(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a, b)) + abs(len(a) - len(b))


def _kin_mentioned(passes: list[PassText]) -> bool:
    """«در خصوص فرزندم …» or a possessive kin word shortly before «کد ملی» in any pass."""
    for p in passes:
        for match in _KIN_MARK.finditer(p.text):
            after = p.text[match.end(): match.end() + 60]
            if match.group(2) or _CODE_WORD.search(after) or re.search(r"\d{6}", after):
                if re.search(r"ملی|\d{6}", after):
                    return True
    return False


# A form's boxes, one digit in each («کد ملی: | ۸ | ۸ | ۶ | …»): OCR reads their rules as bars or brackets.
_BOX_RULE = re.compile(r"[|\[\]!]+")


def _without_rules(word: str) -> str:
    digits = _BOX_RULE.sub("", word)
    return digits if digits.isdigit() else word


def _without_box_rules(words: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """The words of a line less empty ones and the rules of digit boxes: a word of rules alone between two
    digits, and rules glued to a digit («|۸|»)."""
    words = [(_without_rules(t), c) for t, c in words if t]
    kept = []
    for i, (t, c) in enumerate(words):
        if (_BOX_RULE.fullmatch(t) and 0 < i < len(words) - 1 and words[i - 1][0][-1:].isdigit()
                and words[i + 1][0][:1].isdigit()):
            continue
        kept.append((t, c))
    return kept


# A code printed in the card's groups parted by slashes («۷۷۰/۴۱۶۱۲۰/۲», or turned by a right-to-left line): no date
# has those groups.
_CARD_SLASHES = re.compile(r"\d{3}/\d{6}/\d|\d/\d{6}/\d{3}")


def _card_groups(word: str) -> str:
    return word.replace("/", "-") if _CARD_SLASHES.fullmatch(word) else word


def pass_text(name: str, page: int, lines: list[list[tuple[str, float]]], line_y: list[float] | None = None) -> PassText:
    """Normalize one pass's words (digits folded) and note the confidence of each code read."""
    text_lines = []
    digit_conf: dict[str, float] = {}
    for line in lines:
        words = _without_box_rules([(_card_groups(normalize(t)), c) for t, c in line])
        text_lines.append(" ".join(t for t, _ in words))
        # Confidence of a code: the lowest confidence of the words that make up its digits.
        for i in range(len(words)):
            run, conf = "", 100.0
            for t, c in words[i:i + 10]:  # a code in groups, or one digit a box
                if not re.fullmatch(r"[\d\-]+", t):
                    break
                run += t.replace("-", "")
                conf = min(conf, c)
                if len(run) == 10 and national_code_checksum_ok(run):
                    digit_conf[run] = max(digit_conf.get(run, 0.0), conf)
    return PassText(name=name, page=page, text="\n".join(text_lines), digit_conf=digit_conf, line_y=list(line_y or []))
