"""The topic catalog (data file) and the keyword/phrase classifier."""

import pytest

from core.text import normalize
from core.topics import OTHER, TopicCatalog, WordModel, default_catalog, without_asides, without_done
from tests.core.data import load_examples, load_tsv

CATALOG = default_catalog()

REQUIRED_TOPICS = [
    "subsidy", "justice_shares", "pension", "unemployment_insurance", "water_outage", "water_bill",
    "electricity_outage", "electricity_bill", "gas_connection", "gas_outage", "gas_bill", "garbage", "roads",
    "bank_loan", "passport", "school_fees", "housing_project", "health_insurance", "fuel_card", "traffic_fines",
    "telecom_internet", "telecom_phone", "hospital_costs", "kalabarg", "marriage_loan", "land_deeds", "tax",
    "labour_wages", OTHER,
]


def test_catalog_has_the_topics_a_111_line_receives():
    assert len(CATALOG.topics) >= 26
    for code in REQUIRED_TOPICS:
        assert code in CATALOG.topics, code


@pytest.mark.parametrize("code", sorted(CATALOG.topics), ids=sorted(CATALOG.topics))
def test_every_topic_names_a_known_agency_in_persian_and_english(code):
    topic = CATALOG.topic(code)
    agency = CATALOG.agency(topic.agency)
    assert topic.name_fa and topic.name_en and agency.name_fa and agency.name_en
    assert any("\u0600" <= ch <= "\u06ff" for ch in topic.name_fa + agency.name_fa)
    if code != OTHER:
        assert topic.keywords or topic.phrases


def test_fine_grained_topics_share_an_agency():
    # One agency, different matters: dedup keeps them apart because the topics differ.
    assert CATALOG.topic("water_outage").agency == CATALOG.topic("water_bill").agency
    assert CATALOG.topic("pension").agency == CATALOG.topic("unemployment_insurance").agency
    assert CATALOG.topic("gas_outage").agency == CATALOG.topic("gas_bill").agency


CASES = [
    # (id, text, topic) — one per register: SMS shorthand, colloquial speech, formal letter, misspellings.
    ("subsidy_sms", "یارانم نیومده", "subsidy"),
    ("subsidy_arabic_yeh", "يارانه ما قطع شد", "subsidy"),
    ("subsidy_letter", "احتراماً به استحضار می‌رساند یارانه نقدی اینجانب واریز نگردیده است.", "subsidy"),
    ("subsidy_decile", "دهک ما رو اشتباه زدن", "subsidy"),
    ("justice_shares_misspelled", "سحام عدالت منو ندادن", "justice_shares"),
    ("justice_shares_dividend", "سود سهام عدالتم نیومده", "justice_shares"),
    ("pension_misspelled", "بازنشتگیم دیر واریز میشه", "pension"),
    ("pension_formal", "مستمری اینجانب پرداخت نگردیده است", "pension"),
    ("unemployment_colloquial", "بیمه بیکاریمو قطع کردن", "unemployment_insurance"),
    ("unemployment_not_health", "بیمه بیکاری ندادن", "unemployment_insurance"),
    ("insurance_record", "کارفرما منو بیمه نکرده", "insurance_record"),
    ("wages", "سه ماهه کارفرما حقوقمونو نداده", "labour_wages"),
    ("water_outage_no_madda", "اب قطعه", "water_outage"),
    ("water_outage_far_words", "آب منطقه ما از دیروز صبح تا الان قطع است", "water_outage"),
    ("water_outage_bi_abi_space", "بی آبی داریم", "water_outage"),
    ("water_bill_joined", "آب‌بها زیاد اومده", "water_bill"),
    ("water_bill_misspelled", "قبظ آب زیاده", "water_bill"),
    ("sewage", "فاضلاب کوچه پس زده", "sewage"),
    ("after_is_not_backing_up", "تقاضای کنتور مجزا به آب و فاضلاب دادم پس از چهار ماه خبری نشد", "water_bill"),
    ("street_dug_for_gas_pipes", "برای لوله کشی گاز آسفالت کوچه رو کندن و ترمیم نکردن", "roads"),
    ("street_dug_for_fibre", "مخابرات برای فیبر نوری کوچه ما رو کنده و ول کرده", "roads"),
    ("burst_main_is_an_outage", "لوله اصلی آب سر کوچه ترکیده سه روزه کسی نیومده", "water_outage"),
    ("leachate_is_not_a_tap", "شیرابه مخزن سر کوچه راه افتاده", "garbage"),
    ("rent_deposit_is_not_a_hospital_deposit", "وام ودیعه مسکن برای پول پیش خونه اجاره ای رو نمیدن", "bank_loan"),
    ("operator_abbreviation_is_not_gas", "ت.گ از تاخیر در صدور کارت ملی هوشمند شاکی است", OTHER),
    ("finglish_no_gas", "gaz nadarim az dishab", "gas_outage"),
    ("villagers_and_nomads_social_insurance", "ده سال بیمه روستایی و عشایری پرداخت کردم سابقه ام منتقل نمیشه",
     "insurance_record"),
    ("a_boulevard_named_for_teachers", "روشنایی بلوار معلم دو هفته است قطعه", "roads"),
    ("a_misspelt_bill", "قبز آب اومده ۱ میلیون ما دو نفریم اشتباهه", "water_bill"),
    ("a_contractors_cleaners_unpaid", "ما نیروهای خدماتی شهرداری هستیم چهار ماهه حقوقامون عقب افتاده", "labour_wages"),
    ("unemployed_and_uninsured_is_health_insurance", "دفترچه بیمه سلامتم تمدید نمیشه من ۲ ساله بیکارم و بیمه ندارم",
     "health_insurance"),
    ("a_first_graders_teacher", "کلاس اول دخترم از اول مهر معلم ثابت نداره", "school_fees"),
    ("merging_two_insurance_records", "درخواست ادغام سوابق دادم ۴ ماهه انجام نشده سابقه ام کمتر نشون میده",
     "insurance_record"),
    ("sweepers_and_a_blocked_gutter", "رفتگرا خیابون رو جارو نمیکنن برگ و آشغال جوی رو پر کرده آب میره تو خونه ها",
     "garbage"),
    ("a_data_package_is_internet", "بسته ۳۰ گیگ خریدم تو اپ اپراتور دو روزه تموم شده", "telecom_internet"),
    ("a_tax_declaration_late_fine", "تو سامانه مودیان اظهارنامه رو سابمیت نمیکنه الان جریمه دیرکرد میخوره", "tax"),
    ("a_card_is_not_work", "با کارت ملی پدرم از فروشگاه طرف قرارداد خرید نمیشه", "kalabarg"),
    ("electricity_outage", "برق خونه رفته", "electricity_outage"),
    ("electricity_bill", "قبض برقم زیاد اومده", "electricity_bill"),
    ("gas_outage", "فشار گاز کمه", "gas_outage"),
    ("gas_connection", "گازکشی روستا انجام نشده", "gas_connection"),
    ("gas_bill", "قبض گاز زیاده", "gas_bill"),
    ("garbage", "آشغالا رو جمع نمیکنن", "garbage"),
    ("roads", "چاله های خیابون", "roads"),
    ("intercity_road", "جاده روستا خرابه", "intercity_roads"),
    ("bank_loan", "بانک وامم رو نمیده", "bank_loan"),
    ("marriage_loan_beats_parent", "وام ازدواج رو بانک نمیده", "marriage_loan"),
    ("housing_loan_is_bank", "قسط وام مسکن زیاده", "bank_loan"),
    ("passport_synonym", "پاسپورتم نیومده", "passport"),
    ("school_fees", "شهریه مدرسه زیاده", "school_fees"),
    ("university_fees", "شهریه دانشگاه زیاده", "university_fees"),
    ("housing_project", "مسکن مهر ما تحویل نشده", "housing_project"),
    ("housing_national", "نهضت ملی مسکن خبری نشد", "housing_project"),
    ("health_insurance", "دفترچه بیمه ام تمدید نمیشه", "health_insurance"),
    ("hospital", "بیمارستان پول زیادی گرفت", "hospital_costs"),
    ("fuel_card_arabic_kaf", "كارت سوختم نرسيده", "fuel_card"),
    ("traffic_fines", "خلافی ماشینم اشتباهه", "traffic_fines"),
    ("car_delivery", "سایپا ماشینمو تحویل نمیده", "car_delivery"),
    ("internet", "اینترنت خیلی کنده", "telecom_internet"),
    ("sim_card", "سیمکارتم مسدود شده", "telecom_phone"),
    ("kalabarg", "کالا برگ شارژ نشده", "kalabarg"),
    ("deed", "سند خونه صادر نمیشه", "land_deeds"),
    ("tax", "مالیات زیادی برام بستن", "tax"),
    ("military", "معافیت کفالت رد شد", "military_service"),
    ("price_gouging", "نانوایی گرونفروشی میکنه", "price_gouging"),
    ("finglish_subsidy", "salam yaraneh man vaariz nashode", "subsidy"),
    ("finglish_water_bill", "Ghabze ab ziad omade", "water_bill"),
    ("finglish_marriage_loan", "vame ezdevajam ro nemidan", "marriage_loan"),
    ("unanswered_phone_is_not_telecom", "کسی جواب تلفن رو نمیده", OTHER),
    ("money_without_matter_is_other", "پول به حسابم نیومده", OTHER),
    ("greeting_is_other", "سلام خسته نباشید", OTHER),
    ("empty_is_other", "", OTHER),
    # service years added to the insurance record, told with «خدمت سربازی» first
    ("service_years_for_the_insurance_record", "سلام من دو سال خدمت سربازی رو سال هفتاد و پنج رفتم درخواست دادم به"
     " سوابق تأمین اجتماعیم اضافه بشه چند ماهه خبری نیست", "insurance_record"),
    ("a_gas_pipe_washed_away_is_a_cut", "لوله گاز روستا رو سیل برده گاز نداریم", "gas_outage"),
    ("a_conscripts_exit_permit_for_a_pilgrimage", "پسرم مشموله میخواد با ما بیاد اربعین مجوز خروج از کجا بگیره؟",
     "military_service"),
    ("a_line_blocked_by_the_operator", "الو سلام خط من صفر نهصد و یازده سیصد و چهل و پنج هشتاد و دو هفتاد و یک از"
     " دیروز قطعه رفتم دفتر پیشخوان گفتن مسدودی از طرف اپراتوره",
     "telecom_phone"),
    ("kept_from_studying_is_no_survivors_pension", "احتراماً پیرو تماس قبلی، خاموشی‌های شبانه ساعت ۲۲ الی ۲۴ در"
     " شاهین‌شهر همچنان ادامه دارد و فرزند داوطلب کنکور اینجانب از مطالعه باز مانده است", "electricity_outage"),
    ("a_quota_is_no_share", "تماس‌گیرنده دامدار از شهرستان قیدار؛ سهمیه جو و سبوس دولتی دو ماه است توزیع نشده",
     OTHER),
    ("a_frozen_pipeline_is_no_phone_line", "با سلام. از دو روز پیش آب شهرک وحدت اردبیل به علت یخ‌زدگی خط لوله قطع شده و"
     " هنوز وصل نشده است", "water_outage"),
    ("finglish_gas_with_gh", "salam hanooz ghaz nadarim khezr hamedan", "gas_outage"),
    ("ftth_not_installed", "FTTH shahin shahr hanooz nasb nashode", "telecom_internet"),
    ("khuzestani_arabic_power", "یابه هنوز كهرباء ما نيومده", "electricity_outage"),
    ("a_ferry_ticket_cancelled", "بلیت شناور بندرعباس قشم کنسل شد پولمونو پس نمیدن", OTHER),
    ("tea_leaf_at_the_guaranteed_price", "پول برگ سبز چای که خرداد تحویل کارخونه دادیم هنوز سهم دولتش واریز نشده",
     OTHER),
    # «ezdevaj» in Finglish is a keyword, as «ازدواج» is: the matter is the subsidy
    ("finglish_subsidy_since_marriage", "salam yaraneye man az vaghti ezdevaj kardam hanooz ba pedaram hast", "subsidy"),
    ("a_4g_antenna", "ما تو روستا آنتن ۴جی نداریم بچه ها برای کلاس آنلاین باید برن رو پشت بوم", "telecom_internet"),
    ("a_sewage_connection_paid_for", "پول انشعاب فاضلاب رو ۲ ماه پیش دادم، هنوز نیومدن وصل کنن", "sewage"),
    ("a_water_connection_by_the_utility", "پول انشعاب دادم آبفا شاهرود هنوز کنتور نذاشته", "water_bill"),
    ("a_subsidy_dropped_for_a_trip_abroad", "درباره یارانه حاج خانم مادرم که دفعه قبل گفتم، ایشون تنها زندگی میکنه، ۸۰"
     " سالشه. میگن حذف شده به خاطر سفر خارجی. مادرم اصلا گذرنامه نداره", "subsidy"),
    # what is fine, and what the caller lives on, are not the matter; «سوالم اینه …» asks after all told before it
    ("a_normal_bill_beside_the_gas_bill", "قبض برقمون کاملا عادیه همون همیشگی، ولی قبض گاز این دوره با اینکه نصف روز"
     " خونه نیستیم شده یک و نیم میلیون", "gas_bill"),
    ("thank_god_the_subsidy_came_not_the_coupon", "یارانه نقدی این ماه اومد خداروشکر، ولی کالابرگ نه. زنگ زدم گفتن دهک"
     " شما تغییر کرده", "kalabarg"),
    ("my_question_is_after_all_told", "کارفرما سه ماه حقوقمون رو نداده بعدم اخراجمون کرد، اون رو تو اداره کار شکایت"
     " کردیم. الان سوالم اینه بیمه بیکاری به ما تعلق میگیره یا نه؟", "unemployment_insurance"),
    ("a_meagre_pension_is_what_he_lives_on", "پدرم بازنشسته‌ست با یه حقوق بخور و نمیر، حالا قبض گاز خونه‌اش سه برابر"
     " ماه قبل اومده", "gas_bill"),
    ("a_mehr_units_transfer_contract", "واحد مسکن مهرمون گاز و آب داره مشکلی نیست، اما هنوز قرارداد واگذاری قطعی نکردن"
     " و قسطاش هم هر ماه کم میشه", "housing_project"),
    ("a_parcel_posted", "بسته‌ای که از تهران برای مادرم پست کردم دو هفته‌ست نرسیده، پست میگه گم شده", OTHER),
    ("a_separate_gas_meter_for_a_new_home", "برادرم یه خونه کوچیک پشت خونه پدری ساخته میخواد کنتور گاز جدا بگیره",
     "gas_connection"),
    ("khorasani_no_water", "آب نیه از صبح. مشهد بلوار توس ۶۰", "water_outage"),
    ("a_shop_sealed_over_fees", "مغازه ام رو پلمپ کردن به خاطر عوارض", "municipal_services"),
    ("the_wheat_delivered_unpaid", "پول خرید گندمم رو هنوز ندادن", OTHER),
    ("that_one_is_right", "قبض برق ویلای ما تو شمال ۴ میلیون اومده در صورتی که زمستون هیچکس اونجا نیست، قبض گازش هم"
     " اومده ولی اون درسته", "electricity_bill"),
    ("a_meeting_with_the_governor", "با سلام و احترام، اینجانب پرستار بازنشسته تقاضای تعیین وقت ملاقات حضوری با جناب"
     " آقای استاندار را دارم.", OTHER),
    ("fireworks_before_chaharshanbe_suri", "هر سال نزدیک چهارشنبه سوری بچه های محله تا ساعت ۲ شب ترقه میزنن", OTHER),
    ("third_child_land", "بچه سوممون به دنیا اومده برای زمین طرح جوانی جمعیت ثبت نام کردیم شش ماهه هیچ خبری نیست",
     "housing_project"),
    ("a_school_bus_driver", "سرویس مدرسه پسرم راننده ش با سرعت زیاد میرونه هر روزم دیر میرسه", "school_fees"),
    ("a_contract_changed_unilaterally", "سایپا قرارداد شاهین منو یکطرفه تغییر داده، مدل عوض شده قیمت بالا رفته",
     "car_delivery"),
    ("a_report_card_is_no_overtime", "مدرسه غيرانتفاعي دخترم براي دادن كارنامه 5 ميليون پول اضافه ميخواد",
     "school_fees"),
    ("finglish_petrol_quota", "sahmie benzine esfand rikhte nashode, sahmie nowruzi ham nayumade", "fuel_card"),
    ("service_years_to_be_added", "سلام، درخواست اضافه شدن سوابق سالهای 98 تا 1400 رو دارم. اون موقع تو نانوایی سنگکی"
     " آقای رحیمی کار میکردم", "insurance_record"),
    ("a_rent_deposit_loan", "تسهیلات ودیعه اجاره که معرفی نامه اش رو گرفتم، بانک مسکن میگه سقف پر شده", "bank_loan"),
    ("kerosene_at_three_times_the_rate", "نفت فروش روستا نفت سفید رو لیتری ۳ برابر نرخ دولتی میده، میگه سهمیه نیومده",
     "price_gouging"),
    # a past outage told in the bill's own clause, or as low pressure the home «had»: the bill is the matter
    ("an_outage_in_the_bills_clause", "برق ما اسفند یه هفته کامل قطع بود با این حال قبض از ماه قبل بیشتر اومده."
     " خواهشاً محاسبه مجدد کنید", "electricity_bill"),
    ("low_pressure_had_then_the_bill", "تو زمستون گاز ما هفته‌ها افت فشار داشت و بخاری روشن نمیشد، حالا قبضش از همه"
     " بیشتره. میخوام تجدیدنظر بشه", "gas_bill"),
    # «تحویل قطعی» is a final delivery, no outage; crop insurance no health insurance; a rent raised past the cap
    ("a_final_delivery_is_no_outage", "مسکن مهر ما بعد ۱۰ سال هنوز آب و گاز نداره و تحویل قطعی نشده، هیچ کس جواب نمیده",
     "housing_project"),
    ("crop_insurance", "کشاورز پیاز تو هیرمند هستیم، خسارت خشکسالی و بیمه محصول امسال رو کی میدن؟", OTHER),
    ("a_rent_raised_past_the_cap", "صاحبخونه اجاره رو ۶۰ درصد برده بالا، سقف مجاز افزایش اجاره امسال چقدره؟", OTHER),
    ("rationed_water", "آب شهر زاهدان جیره‌بندی شده؟ جدول قطعی رو کجا ببینیم", "water_outage"),
    ("azeri_gas_money", "قاز پولی چوخ گلیب، ۳ میلیون، بیز ایکی نفریک، اردبیل", "gas_bill"),
    # regional words: Azeri «تقاعد پولو» (pension money), «ایشیق پولو» (power money); Khuzestani «مای ماکو» (no
    # water); Sorani «کاره‌با» (power), its letters folded («ۆ», «ڕ»)
    ("azeri_pension_money", "منیم تقاعد پولوم بو آی گلمه‌ییب، اوچ گوندور بانکا گئدیرم. اردبیل", "pension"),
    ("azeri_power_money", "ایشیق پولو بو آی چوخ گلیب، بئش یوز مین تومن! ائوده ایکی نفریک. زنجان", "electricity_bill"),
    ("khuzestani_no_water", "سلام، ماي ماكو من الصبح، الحر شديد والأطفال تعبانين. اهواز، متى يرجع الماي؟",
     "water_outage"),
    ("sorani_power", "سلام، کاره‌بای گونده‌که‌مان هه‌موو شه‌وێ ده‌بڕێت، پیر و منداڵ له گه‌رما خه‌و ناکه‌ن. مریوان",
     "electricity_outage"),
    ("sorani_passport", "پاسپۆرته‌که‌م ون بووه، چی بکه‌م؟ ده‌بێ بچم بۆ کوێ؟ سقز", "passport"),
    # a dialysis's cost, a loan for tenants asked of «which bank», a factory's pay in arrears (no pension)
    ("the_cost_of_dialysis", "هزینه دیالیز رو باید خودمون بدیم؟ هفته‌ای سه بار، دیگه پولی نمونده", "hospital_costs"),
    ("a_loan_for_tenants", "صاحبخونه ۲۰۰ میلیون اضافه ودیعه میخواد. اون تسهیلاتی که میگفتن برای مستاجرا هست رو از"
     " کدوم بانک بگیرم؟", "bank_loan"),
    ("a_factorys_pay_in_arrears", "جهت پیگیری مجدد: حقوق معوقه اینجانب در کارخانه نساجی البرز قزوین از فروردین"
     " تاکنون پرداخت نشده است", "labour_wages"),
    # the entrance exam's own matters (its card, its venue: the science ministry's); «کنکور» beside a power cut no
    ("an_entrance_exam_card", "کارت ورود به جلسه کنکور رو نمیتونم بگیرم، سایت سنجش خطا میده", "university_fees"),
    ("a_candidate_kept_from_his_books", "برق محله ما شبا ساعت ۱۰ تا ۱۲ قطع میشه، پسرم کنکوری هست و نمیتونه درس بخونه",
     "electricity_outage"),
    ("a_manhole_without_its_cover", "پیرو اطلاع قبلی، دریچه آدم‌رو کوچه ۸ کوی امام هنوز بدون درپوش است", "sewage"),
    ("a_ride_hailing_drivers_quota", "ranande taxi internetiam, sahmie benzin tir mah ro nadadan", "fuel_card"),
    # Azeri «مکتب» (school), Arabic «جواز سفر» (a passport); a night course's tuition; a mountain on fire
    ("azeri_school_registration_fee", "اوشاغیمین مکتبینه ثبت‌نام اوچون پول ایستیرلر، دولتی مکتبدی، ارومیه", "school_fees"),
    ("arabic_passport", "جواز سفر مال ولدی ما وصل، نروح للأربعین، یمته یوصل؟", "passport"),
    ("a_night_courses_tuition", "نتایج کنکور اومد، پسرم روزانه قبول نشد، شهریه شبانه رشته کامپیوتر چقدره؟",
     "university_fees"),
    ("a_mountain_on_fire", "کوه بالای روستا آتیش گرفته، از صبح داره میسوزه، کسی از منابع طبیعی نیومده", OTHER),
    # «مشکل اصلی اینه …» asks after what was told before it
    ("the_main_trouble", "برق که میره پمپ ساختمون هم خاموش میشه، قبول. ولی مشکل اصلی اینه که آب شهری خودش از ظهر به"
     " بعد اصلاً فشار نداره، حتی وقتی برق هست.", "water_outage"),
    # an outage that goes on, set against a bill too high for it; a letter's «جریان الکتریسیته … منقطع»
    ("an_outage_goes_on_but_the_bill_rose", "روزی چهار ساعت برق نداریم اما قبضمون از پارسال بیشتر اومده! چطور ممکنه؟",
     "electricity_bill"),
    ("an_outage_and_a_bill_paid", "برق خونه ما از صبح قطعه ولی قبضشو دادم", "electricity_outage"),
    ("power_cut_off_in_a_letter", "به استحضار می‌رساند جریان الکتریسیته واحد مسکونی اینجانب از ساعت ۷ بامداد امروز"
     " منقطع گردیده است", "electricity_outage"),
    # ice sold dear in the heat; Finglish «tel sabet»; a nurse's bonus pay «کارانه»
    ("ice_sold_dear", "ای یخ‌فروشا دیگه شورشه در آوردن، قالبی صد تومن، کسی نیومد جلوشونه بگیره", "price_gouging"),
    ("finglish_landline", "tel sabetemoon hanooz vasl nashode, kabl ro dozdidan 10 rooze", "telecom_phone"),
    ("a_nurses_bonus_pay", "پاداش پایان سال کارکنان بیمارستان پرداخت نشده، کارانه پرستارا هم سه ماه عقبه",
     "labour_wages"),
    ("a_summer_terms_tuition", "شهریه ترم تابستون دانشگاه آزاد رو دو بار از کارتم کم کردن، یکیش رو پس نمیدن",
     "university_fees"),
    # a burst pipe told before the bill it ran up
    ("a_burst_pipe_mended_then_the_bill", "لوله تو حیاط بعد کنتور ترکیده بود درستش کردیم ولی الان قبض ۳ میلیون اومده"
     " بخشودگی داره؟", "water_bill"),
    ("a_burst_pipe_then_the_bill", "لوله آب زیر کنتور ما ترکیده بود، تعمیر کردیم ولی قبض اومده ۳ میلیون، درخواست"
     " بخشودگی دارم", "water_bill"),
    # blind round r58: a fine on a road is the fine's; a cut threatened if the bill is not paid is the bill's
    ("a_fine_on_a_road", "جریمه ۵ میلیونی برام اومده برای جاده مشهد، اون روز ماشین تو پارکینگ بوده", "traffic_fines"),
    ("a_fine_for_no_snow_chains", "جریمه نداشتن زنجیر چرخ دادن، جاده اصلا برف نداشت", "traffic_fines"),
    ("a_cut_if_the_bill_is_not_paid", "پیامک اومده اگه قبض گاز تا ۲۵ بهمن پرداخت نشه گاز قطع میشه، میشه قسطی بدم؟",
     "gas_bill"),
    ("pipes_brought_and_left", "روستای ما هنوز گاز نداره. دو ساله لوله رو تا سر جاده آوردن و ولش کردن",
     "gas_connection"),
    ("a_gas_meter_never_fitted", "فشار گاز کل کوچه خوبه، فقط خونه ما گاز نداره چون هنوز کنتور نصب نکردن. پول"
     " انشعاب رو آبان ماه واریز کردم", "gas_connection"),
    ("the_22_bahman_march", "راهپیمایی ۲۲ بهمن تو شهر ما از کجا شروع میشه؟ ادارات فرداش هم تعطیله؟", OTHER),
    ("an_icy_alley", "کوچه گلستان ۳ یخبندونه، ماشین شهرداری نمک و شن نریخته", "roads"),
    ("a_footbridges_escalator", "پله برقی پل عابر ایستگاه مترو خرابه", "roads"),
    # r59: «حق بیمه مونه نداده» (Lori), a cylinder sold above its state price
    ("contributions_not_paid_in", "ایما چهار ماهه از کوره آجرپزی بیرون اومدیم، کارفرما حق بیمه مونه نداده. اداره کار"
     " میگه ثابت کنید", "insurance_record"),
    # r61: an unemployment claim at the labour office; a stall at the Nowruz fair; a student's extra terms; a red
    # light's fine; a trawler; Nowruz lodging in schools; «gas keshi»
    ("an_unemployment_claim_pending", "از فولاد اخراج شدم، ۴ ماهه برای بیمه بیکاری درخواست دادم هنوز تایید نشده. اداره"
     " کار اهواز میگه پرونده ناقصه", "unemployment_insurance"),
    ("a_nowruz_fair_stall", "برای غرفه بازارچه نوروزی شهرداری ثبت نام کردم ولی غرفه ها رو به آشناهاشون دادن",
     "municipal_services"),
    ("a_students_extra_terms", "دخترم ارشد پیام نور قبول شده، میگن باید اول هزینه سنوات اضافه کارشناسیشو بده تا مدرکشو"
     " بدیم", "university_fees"),
    ("a_red_lights_fine", "دوربین خیابون آمادگاه اهواز منو برای چراغ قرمز جریمه کرده در حالی که چراغ اصلا معلوم نبود و"
     " خاموش بود", "traffic_fines"),
    ("trawlers", "کشتی های ترال چینی تو آبای بوشهر همه ماهیا رو جارو کردن، صیادای محلی هیچی صید نمیکنن. شیلات چرا"
     " کاری نمیکنه؟", OTHER),
    ("nowruz_lodging", "ما خانوادگی واسه نوروز میایم قشم، اسکان نوروزی تو مدارس رو از کجا ثبت نام کنیم؟", OTHER),
    ("gas_keshi_in_finglish", "gas keshi roostaye ma tu Dashtestan chi shod? sale 1400 goftan emsal tamoom mishe",
     "gas_connection"),
    # r63: bail for leave to go abroad is a conscript's; «راه ده» a village's road; «شیر خونه ما خشکه» no water
    ("bail_to_go_abroad", "دانشجوی دکترا هستم، میخوام برم سفر علمی، میگن اجازه خروج نداری باید وثیقه بذاری. گذرنامه ام"
     " آماده است", "military_service"),
    ("the_village_road", "هونه ما تو ده بالاست، راه ده از عید تا حالا پر سنگه که از کوه اومده پایین، لودر نمیفرستن",
     "intercity_roads"),
    ("a_dry_tap", "با این بارونا سد پر شده ولی باز شیر خونه ما خشکه! میگن لوله اصلی رو سیل برده هنوز درستش نکردن",
     "water_outage"),
    ("a_cylinder_above_its_state_price", "کپسول گاز که ما روستاییا لازم داریم رو تو آژانس شهر ۹۰۰ میفروشن، قیمت"
     " دولتیش خیلی کمتره", "price_gouging"),
    # r64: construction debris dumped by a road is the city's; filtered sites the internet's; a call-up the
    # conscript's; removed from the subsidy by decile the subsidy's, though the writer is a pensioner
    ("debris_by_a_road", "شبا نخاله ساختمونی میریزن کنار جاده ورودی شهر، از کنار پل شروع شده تا پمپ بنزین", "garbage"),
    ("filtered_sites", "چرا سایت‌های آموزشی خارجی فیلترن؟ دانش‌آموزم واسه تحقیق نیاز دارم", "telecom_internet"),
    ("a_call_up", "پسرم تازه فارغ التحصیل شده میخواد اعزام بشه، چند ماه طول میکشه؟", "military_service"),
    ("removed_by_decile", "سلام ما از دی ماه حذف شدیم، ماهی ۳۰۰ تومن که میومد دیگه نمیاد. دهک ۱۰ زدن. من بازنشسته‌م و"
     " خونه‌م اجاره ایه، این انصافه؟", "subsidy"),
    # r65: wheat delivered to a silo and unpaid (agriculture's), a dust storm with the schools left open (the
    # province's crisis committee), a farm well's bill (its pump's power), «آب هامون» our water (not «آب‌بها»)
    ("wheat_at_the_silo", "احتراماً اینجانب کشاورز ساکن روستای حسین‌آباد، مقدار هجده تن گندم را در تاریخ ۱۴۰۴/۰۲/۱۲ به"
     " مرکز خرید سیلوی شوش تحویل داده‌ام و تاکنون بهای آن به حسابم واریز نگردیده است. با توجه به بدهی‌های فصل کشت،"
     " خواهشمند است دستور پیگیری صادر فرمایید.", OTHER),
    ("a_dust_storm_and_open_schools", "با سلام، با وجود گرد و غبار شدید امروز مدارس اهواز باز بود و پسرم که مبتلا به"
     " آسم است مجبور شد به مدرسه برود.", OTHER),
    ("a_farm_wells_bill", "الو سلام... من کشاورزم، نیشابور. برای چاه کشاورزیم یه قبض دادن هفده میلیون و پونصد. هفده"
     " میلیون و پونصد هزار تومن! من تو زمستون پمپ رو روشن نکردم اصلا. یکی بیاد کنتورو نگاه کنه", "electricity_bill"),
    ("our_water_not_the_water_price", "سلام باز هم تانکر نیومد. روستای ما بخش زهک سیستان. یه هفته شد. مردم از آب هامون"
     " که خشکه... بچه‌ها اسهال گرفتن", "water_outage"),
    # r66: a border resident's card «other»; a discount on fines the fines'; the rural insurance fund's pension;
    # salty or muddy tap water «آو لوله‌کشی» (no gas pipe); foul water out of a manhole the sewer's
    ("a_border_residents_card", "کارت مرزنشینی‌ام تمدید نشده و نمیتونم از بازارچه مرزی میرجاوه جنس بیارم. مجبوریم بیکار"
     " بشینیم", OTHER),
    ("a_discount_on_fines", "تخفیف جریمه‌ها تا کی هست؟", "traffic_fines"),
    # r68: Sorani «ئاو … نییە» (no water), «وامی زەماوەند» (the wedding loan), «خەستەخانە» (a hospital); Azeri
    # «مزدیمیزی» (our wage); an «کد اقتصادی» the tax office's; a fertilizer quota «other»
    ("sorani_no_water", "سلاو، ماوەی چوار ڕۆژە ئاو لە گوندەکەمان نییە، بۆکان. خەڵک تینوون، تکایە تانکەر بنێرن",
     "water_outage"),
    ("sorani_wedding_loan", "سڵاو، وامی زەماوەندم هێشتا وەرنەگرتووە، بانک دەڵێ پارە نییە. پیرانشهر", "marriage_loan"),
    ("sorani_hospital", "سڵاو، خەستەخانەی مهاباد بۆ نەشتەرگەری باوکم پارەیەکی زۆر دەخوازێ، ئێمە پارەمان نییە.",
     "hospital_costs"),
    ("azeri_our_wage", "ایکی آیدیر مزدیمیزی وئرمیرلر، شرکت پیمانکاردی. تبریز، شهرک صنعتی", "labour_wages"),
    ("an_economic_code", "کد اقتصادی من چرا غیرفعال شده", "tax"),
    ("a_fertilizer_quota", "تعاونی روستایی سهمیه کود اوره شالیزار ما رو هنوز نداده، الان وقت کود دادنه. آمل", OTHER),
    ("a_rural_insurance_pension", "بیمه روستایی بازنشستگیم نیومده، داراب", "pension"),
    ("salty_tap_water_in_bandari", "سلام. مو از سیریک زنگ میزنُم. آو لوله‌کشی ما ای چند وقته شور شده، شور شور. کتری مِثه"
     " نمک میشه.", "water_outage"),
    ("foul_water_out_of_a_manhole", "آب گندیده از وسط دریچه منهول زده بیرون و آسفالت خیابون رو هم شسته برده، ماشینا هم"
     " از توش رد میشن. اهواز کیانپارس", "sewage"),
    # r70: Lori «او نیاریم» (we have no water); Sorani «زانکو» (university), «نەخۆشخانە» (a hospital), «زبڵ» (rubbish),
    # «بڕاوه» (cut); an allowance asked after a dismissal; power's good-use scheme and its high-use tariff
    ("lori_no_water", "ایما د کوی مطهری هیسیم او نیاریم از پریروز، ای گرما چه کنیم", "water_outage"),
    ("sorani_university_loan", "سلاو من خوێندکاری زانکوی کوردستانم وامی شهریه هێشتا نەهاتوە", "university_fees"),
    ("sorani_hospital_bill", "باوکم له نەخۆشخانەی سنه کەوتووه، پارەی زۆریان لێ داوا کردووه", "hospital_costs"),
    ("sorani_rubbish_truck", "گەرەکی ئیمه ماشینی زبڵ چەند روژه نەهاتوه", "garbage"),
    ("sorani_gas_cut", "سلاو گازی گەرەکی ئیمه له سنه سی روژه بڕاوه بو تعمیرات، هیچ ئاگاداریمان پی نەدراوه. نان"
     " ناتوانین درووست بکەین", "gas_outage"),
    ("an_allowance_after_a_dismissal", "سه ماهه اخراج شدم، مقرری هنوز برام برقرار نشده", "unemployment_insurance"),
    ("the_good_use_scheme", "ما همیشه مشترک خوش مصرف بودیم، مامور نیومده کنتورو بخونه، تخمینی زده", "electricity_bill"),
    # r72: home internet «اینترنت خونگی»
    # r73 (the south): Khuzestani Arabic «الکهربا طافیه» (the power off), «قبض الکهربا», «الیارانه», «الزباله»,
    # «العسکریه» (military service), «متقاعد» (a retiree), «قرض الزواج», «عمال … ما استلمنا فلوس»; dengue «other»
    ("arabic_power_off", "من الصبح الکهربا طافیه والحر هوایه، الجهال ما ناموا. اهواز", "electricity_outage"),
    ("arabic_subsidy", "سلام علیکم، الیارانه مالتی انقطعت من شهرین، ما ادری لیش، آنی ارمله وعندی اربع جهال، ساعدونی",
     "subsidy"),
    ("arabic_rubbish", "سلام علیکم، الزباله بشارعنا ما اخذوها من اسبوع، الریحه هوایه والجهال یلعبون بیها. هویزه",
     "garbage"),
    ("arabic_military_service", "سلام علیکم، ولدی العسکریه مالته خلصت، بس کارته ما وصل، هسه ما یگدر یشتغل",
     "military_service"),
    ("arabic_retiree", "سلام علیکم، ابوی متقاعد، معاشه من التأمین ما نزل هالشهر، وهو مریض ویحتاج دوا، شنو السالفه؟ شوش",
     "pension"),
    ("arabic_marriage_loan", "سلام علیکم، آنی تزوجت من ست اشهر، سجلت قرض الزواج بالسامانه، البنک یگول ماکو سهمیه",
     "marriage_loan"),
    ("arabic_unpaid_workers", "سلام علیکم، احنا عمال بشرکه القصب، خمس اشهر ما استلمنا فلوس، والشرکه تگول ماکو",
     "labour_wages"),
    ("dengue", "تو محله ما، بندرعباس، چند نفر تب دنگی گرفتن، پشه زیاده، سمپاشی نکردن، بهداشت هم نیومده سر بزنه.", OTHER),
    # r74 and r75 (the north-west): Azeri «قاز قبضی» (the gas bill), «زبیل», «زیبیل» (rubbish), «سو قبضی» (the water
    # bill), «چوخور» (potholes), «کانالیزاسیا» (the sewer), «قاز انشعابی» (a gas connection),
    # «کندین یولو» (the village's road), «ایشیق … گئدیر» (the power goes); stubble burnt «other»
    ("azeri_gas_bill", "قبض قازیمیز بو دفعه بیر میلیون سککیز یوز مین گلیب اوچ نفریک اردبیل", "gas_bill"),
    ("azeri_rubbish", "زبیل ماشینی بیر هفته‌دیر بیزیم کوچه‌یه گلمیر", "garbage"),
    ("azeri_water_bill", "سو قبضیمیز چوخ گلیب کنتور خرابدی دئدیک گلیب دوزلتمه‌دیلر ارومیه", "water_bill"),
    ("azeri_potholes", "خیاوانیمیزدا بویوک چوخورلار وار یاغیشدان سونرا سو ییغیلیر ماشینلار دوشور اردبیل", "roads"),
    ("azeri_sewer", "سلام، بیزیم آپارتماندا کانالیزاسیا توتولوب، زیرزمینه سو گلیب", "sewage"),
    ("azeri_gas_connection", "مشگین شهرده یئنی ائو تیکمیشیک، قاز انشعابی وئرمیرلر، قیش گلیر", "gas_connection"),
    ("azeri_village_road", "سلام بیزیم کندین یولونو قار باغلاییب آمبولانس گله بیلمیر ائوده خسته میز وار",
     "intercity_roads"),
    ("azeri_power_goes", "سلام اردبیلده بیزیم محله ده ایشیق هر گون ایکی ساعات گئدیر، بخاری یانمیر",
     "electricity_outage"),
    ("stubble_burnt", "کاه و کلش زمین همسایه رو آتیش زدن، دودش کل روستا رو گرفته", OTHER),
    # r74 (the south): Khuzestani Arabic «الماي» (the water), «الکهربا تنگطع» (the power cuts out); a desalination
    # plant broken the water company's; a sailor's card «other»
    ("arabic_the_water", "السلام عليكم، احنا بحي ملاشیه، الماي من الصبح طين، لونه احمر، ما نگدر نشربه",
     "water_outage"),
    ("arabic_power_cuts_out", "الكهربا تنگطع كل يوم ست ساعات بالخفاجيه، الجهال ما يگدرون يدرسون", "electricity_outage"),
    ("a_desalination_plant", "ای آو شیرین‌کن محله‌مون تو بندر ریگ خراو بیده، آو شور ایخوریم", "water_outage"),
    ("a_sailors_card", "مه ملوانُم، کارت ملوانیم تو بندر لنگه تمدید نکِردَن، بی کارت نَیلن سوار لنج بشُم", OTHER),
    # r73: a dormitory a university's; the fridge gone off a power cut; pistachios unpaid at a co-op «other»
    ("a_dormitory_follow_up", "سلام. پیرو تماس قبلی در مورد خوابگاه دخترم که ورودی جدید فردوسیه. الان یه هفته‌ست کلاسا"
     " شروع شده و شبا خونه یکی از همکلاسیاش میمونه. تورو خدا یه کاری بکنید", "university_fees"),
    ("the_fridge_gone_off", "امشبم ساعت هشت همه‌جا تاریک شد، یخچال خاموش، بچه‌ها زیر نور گوشی مشق نوشتن", "electricity_outage"),
    ("pistachios_unpaid_at_a_coop", "مطالبات کشاورزان بابت پسته تحویلی به تعاونی روستایی فردوس پرداخت نشده است.", OTHER),
    ("home_internet", "اینترنت خونگی ما تو پاکدشت از بعد بارون قطعه مخابرات میگه خرابی خطه ده روزه هیچ کاری نکردن",
     "telecom_internet"),
    # r71: textbooks in the Arabic plural «کتب درسی», a class with no fan, a re-sit exam, a first-grader «نوآموز»; a
    # high-use subscriber's warning; Sorani drinking water gone salty; a utility's subscriber renamed; rooftop solar
    ("textbooks_arabic_plural", "پیگیری سفارش کتب درسی پایه هفتم که از طریق سامانه ثبت شده و تاکنون به مدرسه تحویل"
     " نشده است", "school_fees"),
    ("a_class_with_no_fan", "تو این گرما بچه‌ها سر کلاس حالشون بد میشه، دیروز یکی غش کرد. یه پنکه هم تو کلاس نیست.",
     "school_fees"),
    ("a_resit_exam_date", "امتحان شهریور پسرم افتاده روز اربعین، ما اون موقع کربلاییم. چیکار کنیم؟", "school_fees"),
    ("a_high_use_subscribers_warning", "پیامک اومده که مشترک پرمصرفم و اگه مصرفمو کم نکنم برقمو قطع میکنن",
     "electricity_bill"),
    ("sorani_salty_drinking_water", "سلام، مِن له سرپل ذهاب. ئاو خوەردن ئێمه چِن روژه تال و شورە، کەس نیەتونێد"
     " بخوەێد.", "water_outage"),
    ("a_subscriber_renamed", "درخواست تغییر نام مشترک برق از متوفی به وراث بدون حضور همه وراث", "electricity_bill"),
    ("rooftop_solar_registration", "سلام، من فروردین تو طرح نصب پنل خورشیدی خانگی ثبت نام کردم، هنوز کسی باهام"
     " تماس نگرفته.", OTHER),
    ("the_high_use_tariff", "پیامک اومده اگه مصرفتو کم نکنی برقت قطع میشه و نرخ پرمصرف میخوره", "electricity_bill"),
    # a supply cut for a debt is the bill's matter (not «هیچ بدهی ندارم ولی گاز قطعه», an outage)
    ("gas_cut_for_a_debt_paid", "گاز ما رو قطع کردن میگن بدهی داری، در حالی که قبض رو پرداخت کردم رسیدشم دارم",
     "gas_bill"),
    ("no_debt_and_the_gas_is_cut", "گاز خونمون از صبح قطعه. قبضمم پرداخت کردم هیچ بدهی ندارم.", "gas_outage"),
    ("a_school_sent_no_soldier_teacher", "مدرسه ابتدایی روستای ما هر سال سرباز معلم میفرستادن. امسال هیچ. بچه‌های"
     " پایه اول و دوم سه ماهه خانه‌ان.", "school_fees"),
    ("a_kiosk_pulled_down", "شهرداری کیوسک ما رو کنار خیابون خراب کرد، گفت مجوز نداری", "municipal_services"),
    ("a_branch_broken_under_snow", "درخت چنار کوچه ما زیر برف شاخه اش شکسته افتاده رو ماشینا", "municipal_services"),
    ("kilowatts_on_an_estimated_bill", "مامور کنتور نیومده، قبض رو علی‌الراس زدن ۴۸۰ کیلووات. خونه خالی بوده",
     "electricity_bill"),
    ("mobile_data_dead_where_calls_work", "تو روستامون آنتن گوشی هست ولی اینترنت همراه اصلاً کار نمیکنه، نه ایرانسل"
     " نه همراه اول", "telecom_internet"),
    ("finglish_power_cut", "bargh mahaleye ma az sobh ghate, 121 ham hamash ashghale", "electricity_outage"),
    ("a_tea_farmers_leaf_unpaid", "ولگ چایی رو تحویل کارخانه دادیم، شش ماه بوبوسته هنوز پولش نریختن", OTHER),
    ("a_gas_cylinder_at_twice_its_price", "تو طوفان که گاز رفت کپسول گاز رو دو برابر قیمت فروختن", "price_gouging"),
    ("a_mehr_homes_deed", "ده ساله واحد مسکن مهر ما تحویل شده ولی سند تک‌برگ نداده‌اند", "housing_project"),
    ("the_retirees_supplementary_insurance", "بیمه تکمیلی بازنشستگان تامین اجتماعی امسال هنوز قرارداد نبسته؟ من هزینه عمل"
     " پروستات رو دادم مدارکشو بردم میگن فعلا نمیشه پرداخت کرد", "health_insurance"),
    ("proof_of_life_for_a_pension", "پدربزرگم دو ماهه تو بیمارستان بستریه، تامین اجتماعی میگه باید خودش بیاد گواهی"
     " حیات بده وگرنه حقوقش رو قطع میکنن", "pension"),
    ("a_seniors_free_bus_card", "کارت بلیت رایگان اتوبوس سالمندا رو از کجا باید گرفت من شصت و شش سالمه ساکن کرجم",
     "municipal_services"),
    ("sorani_a_school_without_its_teacher", "مامۆستای قوتابخانەی گوندمان از مهر نیامده، بچه‌ها سه ماه است درس"
     " نخوانده‌اند", "school_fees"),
    ("a_heaters_price_doubled", "قیمت بخاری گازی تو بازار سنندج تو یه هفته دو برابر شده، فروشنده‌ها میگن زمستونه",
     "price_gouging"),
    ("a_river_bank_full_of_rubbish", "کنار رودخونه خرم‌آباد پر آشغال شده، از پل تا پایین. شهرداری هیچ کاری نمیکنه",
     "garbage"),
    ("contributions_not_recorded", "کارت کۆڵبەری دارم و بیمەم رو خودم پرداخت میکردم، ئێستا سهم دولت رو نمیدن و سابقەم"
     " ثبت نمیشه", "insurance_record"),
    ("a_hidden_leaks_discount", "لوله حیاط ما تو سرما ترکید و کلی آب هدر رفت. حالا قبض آب سه میلیون اومده. شنیدم برای"
     " نشتی پنهان تخفیف میدن", "water_bill"),
    ("a_care_homes_fee", "مرکز نگهداری سالمندان از آذرماه شهریه را بدون اطلاع قبلی افزایش داده است", OTHER),
    ("the_relief_committees_stipend", "کمیته امداد کمک معیشتی ما رو قطع کرده", OTHER),
    ("a_universitys_lms_down", "سامانه ال ام اس دانشگاه از ساعت ۸ صبح بالا نمیاد. امروز میانترم آنلاین داریم و استاد"
     " میگه هر کی وصل نشه صفر میگیره. اینترنت خونمون سالمه", "university_fees"),
    ("finglish_a_sim_card_given_away", "salam simcart man too dore sarbazi 8 mah khamoosh bood, hala ke tamoom shode mige"
     " khat vagozar shode be yeki dige. in khat 10 sale dast mane", "telecom_phone"),
    ("finglish_self_employed_insurance", "freelancer hastam, mikham bime khish farma begiram. dar sayt tamin ejtemaei"
     " sabtenam kardam vali mige sen shoma baraye in no bime mojaz nist. man 24 salame", "insurance_record"),
    ("finglish_a_traffic_zone_fine", "jarime tardod tarh zoj o fard oomade baraye mashinam, vali man ab'an mashin ro"
     " foroukhtam va sanad zadam. chera be esme man mizanan?", "traffic_fines"),
    ("a_dowry_at_the_family_court", "سلام. نامزدم ۶ ماهه عقد کردیم، الان میخواد جدا شه، مهریه ۵۱۴ سکه گذاشتن. دادگاه"
     " خانواده نوبت نمیده. چیکار کنم؟", OTHER),
    ("an_online_shops_return", "از فروشگاه اینترنتی یه لپتاپ برای دانشگاهم خریدم، رنگش و مدلش فرق داشت با عکس. درخواست"
     " مرجوعی دادم، فروشنده جواب نمیده", OTHER),
    ("livestock_insurance", "من گاومو بیمه کرده بودم، بیمه دام. گاوم تلف شد. صندوق بیمه کشاورزی میگه کارشناس تاییدش نکرده",
     OTHER),
    # thanks for what a service did, asking nothing, is no matter of the service (but a bitter «دستتون درد نکنه …!»
    # and thanks beside «ولی …», «هنوز …» are)
    ("thanks_for_a_road_opened", "از راهداری ایلام تشکر میکنم که دیشب جاده رو باز کردن", OTHER),
    ("thanks_and_still_not_done", "از راهداری ایلام تشکر میکنم ولی جاده روستای ما هنوز بسته‌ست", "intercity_roads"),
    ("a_plea_ending_god_bless_you", "آب سه روزه قطعه، خدا خیرتون بده", "water_outage"),
    ("bitter_thanks", "دستتون درد نکنه که وسط دی ماه گازو قطع کردید تا ما هم بفهمیم زمستون یعنی چی!!", "gas_outage"),
    ("finglish_payame_noor", "shahriye payam noor borazjan ro ghesti kardam vali system mige bedehkar hasti nemitooni"
     " emtehan bedi", "university_fees"),
    ("a_gas_pipe_torn_by_a_digger", "گاز کل خیابون ما تو فسا از دیروز ظهر قطعه. پیمانکار داشته جوب رو می‌کنده لوله گاز رو"
     " پاره کرده.", "gas_outage"),
    ("a_fishing_boats_fuel", "پیگیری: سوخت شناور صیادی بنام اینجانب در بندر ریگ از مهر تا امروز تخصیص داده نشده."
     " شیلات میگه دست شرکت پخشه", "fuel_card"),
    ("the_fishing_bans_support", "ای ایام ممنوعیت صید ما صیادا هیچ درآمدی نداریم. وعده دادن کمک معیشتی بِدن، هنو هیچی"
     " نیومده", OTHER),
    ("a_school_uniform_from_one_shop", "مدرسه بچه‌ام مِگه روپوش فرم رو فقط از همو مغازه‌ای که خودشون مِگن بخرین. مو رفتم"
     " دیدم بیرون نصف قیمتشه", "school_fees"),
    # Azeri: dear («باهالی»), its deed («باغین سندی»)
    ("azeri_snow_chains_sold_dear", "زنجیر چرخ ماشینی گدیکده ایکی قات باهالی ساتیرلار، یوخاریدا قار یاغیر، مجبور"
     " آلیرسان", "price_gouging"),
    ("azeri_an_inherited_gardens_deed", "آتامدان قالان باغین سندی هله آتامین آدینادی، انحصار وراثت آلمیشیق، ثبت اداره‌سی"
     " دییر نوبت یوخدو", "land_deeds"),
    # «… گفتن اول بدهی قبض‌تونو بدید» is no cut for a debt: the veto's words stand side by side
    ("a_debt_to_pay_first_is_no_cut_for_a_debt", "کنتور گاز ما تو شیروان شبا یخ میزنه و فشار میاد پایین. رفتم اداره گاز"
     " گفتن اول بدهی قبض‌تونو بدید، دادم، ولی هنوزم از ساعت ۸ شب به بعد پکیج خاموش میشه. مشکل ما فشار گازه نه قبض",
     "gas_outage"),
    ("what_comes_on_time_is_not_the_matter", "من بازنشسته صندوق روستاییم، حقوقم هم سر وقت میاد، خدا رو شکر. مشکلم برقه."
     " از غروب تا ساعت ده شب برق خونه‌ها میره و میاد", "electricity_outage"),
    # a bill no word of its clause names, after a past outage of water: the water bill («مصرف» alone is a keyword of
    # the power bill)
    ("a_bill_after_a_past_water_cut_is_waters", "یه هفته کامل آب نداشتیم بخاطر ترکیدگی لوله اصلی، اونوقت تو قبض همون"
     " دوره مصرفمون رو دو برابر زدن. این چجوری ممکنه؟", "water_bill"),
    # a bill after weak gas: the examples' bill words are mostly the power bill's, but the text names only gas
    ("a_bill_of_the_one_utility_named", "اونهمه روز گاز ضعیف بود و نصف روز نداشتیم، حالا قبضش با پله بالا اومده! مبلغ"
     " رو اصلاح کنید. شماره اشتراک 3412298 بجنورد", "gas_bill"),
    # how a nurse behaved, not what the care cost: «other» (every round's labellers file it so)
    ("a_nurses_manner_is_no_hospital_bill", "از پرستار اورژانس بیمارستان شهید بهشتی شکایت دارم، با مادر مسنم بی‌ادبی"
     " کرد و سرش داد زد", "other"),
    # «اونش مهم نیست» sets aside what it points back to
    ("that_part_is_not_important", "دیروز برقمون سه ساعت رفت، اونش مهم نیست. پیامک اومده بدهی شما ۲ میلیونه و تا ۴۸"
     " ساعت دیگه قطع میشه، در حالی که من همه قبضامو پرداخت کردم", "electricity_bill"),
    # …and a nurse who shouted («داد زد» side by side: not «انجام دادم … زدن»)
    ("a_nurse_who_shouted", "پرستار بخش اورژانس بیمارستان امام رضا سر مادر ۸۰ ساله‌ام داد زد و بیرونمون کرد. این چه"
     " رفتاریه با مریض؟", "other"),
    ("given_is_no_shouting", "جریمه عدم معاینه فنی زدن، درحالیکه معاینه رو انجام دادم برگه‌اشم دارم", "traffic_fines"),
    # a fuel station pumping short is short measure, wherever it stands (not the fuel card's, not the road's)
    ("a_station_pumping_short", "جایگاه سوخت سر جاده فیروزکوه کم میزنه، ۳۰ لیتر زدم باکم پر نشد", "price_gouging"),
    ("a_station_that_gave_short", "سلام باز همون پمپ بنزین امروز هم کم زد ده لیتر زدم هشت لیتر اومد", "price_gouging"),
    ("a_quota_cut_short_is_the_cards", "سهمیه گازوئیل این ماهم رو کم زدن میگن پیمایشت کمه، کارت سوختم", "fuel_card"),
    # a heater's flame that goes out is gas (not «خاموش … روشن», the power's flicker)
    ("a_flame_that_goes_out", "خونه سرده، بخاری‌ها از صبح روشن نمیشن، شعله‌اش یه لحظه میاد بعد خاموش میشه. اردبیل",
     "gas_outage"),
    # Azeri «گازیمیز یوخدور» (we have no gas); «سویوخدان» (from the cold) is no «سو یوخ» (no water)
    ("azeri_our_gas_and_the_cold", "سلام ۳ گوندور گازیمیز یوخدور. میانه محله قره‌چمن. اوشاقلار سویوخدان ناخوش"
     " اولوبلار", "gas_outage"),
    # Mazani: an alley's snow nobody cleared is the city streets'
    ("an_alleys_snow_not_cleared", "برف بیمو، کوچه ره اتا نفر هم پاک نکرده، ماشین نتونده بیرون بیه. ساری", "roads"),
    # a shop's card reader to be cut off, not linked to its tax file
    ("a_card_reader_not_linked_to_the_tax_file", "پیامک دادن کارتخوان فروشگاه شما بدلیل عدم اتصال به پرونده تا ۲۰ اسفند"
     " غیر فعال میشه، من پرونده دارم", "tax"),
    ("the_nurses_manner_again", "پرستار اورژانس بیمارستان امام خمینی اردبیل سر مادر پیرم داد زد گفت برو بیرون. این چه"
     " طرز برخورده؟", "other"),
    # the rural health insurance's fund by its name, at the hospital's desk
    ("the_rural_insured", "تو بیمارستان گفتن بیمه‌ات قطعه و باید آزاد حساب کنیم، من بیمه شدگان روستایی هستم و پارسال"
     " تمدیدش کردم", "health_insurance"),
    ("a_flight_cancelled_in_finglish", "slm, havapeymaii parvaz mashhad-tehran ro 2 bar takhir dad akharesh cancel kard,"
     " pool bilit ro ham pas nemidan", "other"),
    # the welfare organisation's, named as the one who pays or covers
    ("the_welfare_organisations", "مادرم معلوله، درخواست ویلچر از بهزیستی سبزوار دادیم ۸ ماهه جواب ندادن", "other"),
    # a guarantor whose salary is docked
    ("a_guarantor_docked", "بازم از حقوقم کسر کردن! عیدیمم برداشتن! من ضامنم نه بدهکار", "bank_loan"),
    # «… اون بمونه», «… که آن را جداگانه پیگیری می‌کنم»: set aside
    ("that_one_can_wait", "شاهین ما چی شد؟ عید شد. (قبض برقمونم زیاد اومده ولی اون بمونه)", "car_delivery"),
    ("followed_up_apart", "اینجانب مادر پسر معلول تحت پوشش بهزیستی هستم. مستمری ماهانه فرزندم از دی‌ماه واریز نشده"
     " است. یارانه‌مان هم کم شده که آن را جداگانه پیگیری می‌کنم.", "other"),
    # years missing from the record, found at retirement
    ("years_missing_at_retirement", "رفتم برای بازنشستگی، میگن سه سال سابقه‌ام نیست. اون سالا نونوایی سنگکی کار"
     " میکردم، لیست داده بودن", "insurance_record"),
    ("a_village_route_after_snow", "تماس‌گیرنده اظهار داشت با گذشت چند روز از بارش برف، مسیر روستا به شهر بازگشایی"
     " نشده و بیمار دیالیزی روستا امکان رفتن به بیمارستان را ندارد.", "intercity_roads"),
]


@pytest.mark.parametrize(("text", "topic"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_classify(text, topic):
    match = CATALOG.classify(text)
    assert match.topic == topic, (match, CATALOG.scores(text)[:3])
    assert match.agency == CATALOG.topic(topic).agency
    if topic != OTHER:
        assert match.score > 0 and match.evidence  # an operator can see why


def test_no_topic_lists_a_phrase_twice():
    """A phrase's words match in any order, and a prefix covers its exact word: «بیمه* خسارت*» beside «خسارت*
    بیمه*», or «تلفن منزل» beside «تلفن منزل*», would count one piece of evidence twice; a keyword written again
    as a one-word phrase would count once only."""
    for topic in CATALOG.topics.values():
        patterns = [tuple(sorted(w.rstrip("*") for w in p.split())) for p in (*topic.keywords, *topic.phrases)]
        assert len(patterns) == len(set(patterns)), topic.code


def test_exclude_vetoes_a_topic():
    # «یارانه کالایی» is the coupon scheme, not the cash subsidy.
    assert CATALOG.classify("یارانه کالایی ما شارژ نشده").topic == "kalabarg"


def test_scores_explain_the_runner_up():
    ranked = CATALOG.scores("وام ازدواج رو بانک نمیده")
    assert [r[0] for r in ranked[:2]] == ["marriage_loan", "bank_loan"]


@pytest.mark.parametrize(("text", "topic"), [
    # a matter set aside with «بماند» after it, its clause before a short pointer («ولی اون بماند»)
    ("دو ساله بیکارم، یه کاری برام جور کنید. یارانه‌مونم که سه ماهه قطع شده، ولی اون بماند، من الان فقط کار میخوام",
     "other"),
    ("پدرم فوت کرد، میخوایم سهام عدالتشو به اسم ورثه منتقل کنیم، کارگزاری پاسمون میده. حقوق بازنشستگی بابام هم "
     "که بعد فوتش قطع شد، اونم یه داستانیه جدا، ولی الان همین سهام رو میخوایم", "justice_shares"),
    # unpunctuated speech: the words before «بماند» in its own clause
    ("جاده مون که داغونه بماند دیشب مادرم سکته کرد بیمارستان شهر ما متخصص نداره گفتن پول بدید اعزامش کنیم",
     "hospital_costs"),
    ("قصابی یه کیلو گفت هشتصد گرم بود گرونم داد. کالابرگمونم که هنوز شارژ نشده", "price_gouging"),
    ("دکه دارم پیامک اومده باید مالیات بدی چهل میلیون. شهرداری هم عوارض دکه رو دو برابر کرده، ولی اون یه حرف دیگه‌ست",
     "tax"),
    ("ما رو بردن تو دهک ده، پول سرپرست خانوار رو قطع کردن. کالابرگ هم نمیدن البته، ولی اون مهم نیست", "subsidy"),
    # the only matter named is the one set aside: it is still the topic
    ("یارانه‌مونم که قطع شده، اون بماند", "subsidy"),
    # what is fine is not the matter; «اگه مشکلی نداره» is a courtesy
    ("خط تلفنم مشکلی نداره بوق داره ولی ای دی اس ال قطع و وصل میشه", "telecom_internet"),
    ("بازنشسته تامین اجتماعی ام حقوقم مرتب میاد شکر مشکلی نیست ولی دفترچه درمانم تمدید نمیشه", "health_insurance"),
    # the caller's means, said to explain, not asked about: «حقوقم کمه», «با حقوق بازنشستگی چطوری بدم»
    ("من بازنشسته کارخونه چایم حقوقم کمه برق خونه دو ماهه بدهی یه مغازه دیگه رو روش نوشتن", "electricity_bill"),
    ("قبض آب این دفعه هشتصد هزار تومن اومده همیشه صد تومن بود این قبضو من با حقوق بازنشستگی چطوری بدم",
     "water_bill"),
    ("من پیرزنم حقوق مستمری شوهرمو میگیرم بانک بدون اجازه کارمزد پیامک و نگهداری حساب برداشته", "bank_loan"),
    # but «بازنشسته‌ام» tells which pay «حقوق این ماه» is
    ("من معلم بازنشسته‌م. حقوق این ماه هنوز نیومده. قبض گاز هم اومده ششصد تومن، اونم بماند", "pension"),
    # what is asked named after what was told around it («تنها چیزی که … میخوایم», «مشکلم اینه»); «ضمنا» adds in passing
    ("روستامون گاز نداره و هیچوقت نداشته. تنها چیزی که الان میخوایم اینه سهمیه نفت سفید زمستون رو زودتر"
     " بدن", "fuel_card"),
    ("درمانم مشکلی نداره، دفترچه هم دارم. مشکلم اینه سابقه‌ای که تو کارگاه آسفالت داشتم با سابقه الانم"
     " ادغام نشده", "insurance_record"),
    ("برای وام فرزندآوری ثبت نام کردیم شش ماهه خبری نیست. ضمنا وام ازدواجمونم قبلا گرفتیم و تسویه کردیم", "bank_loan"),
    # …and why the citizen calls, «ولی الان زنگ زدم بپرسم …»
    ("قبض برقمون هم این ماه زیاد اومده ولی الان زنگ زدم بپرسم دخترم که اسفند به دنیا اومده رو چطوری به یارانه"
     " اضافه کنم", "subsidy"),
    ("قبض برقمون زیاد اومده ولی الان زنگ زدم بپرسم یارانه نوزادمون کی واریز میشه", "subsidy"),
    # what is left names no service: the one the aside named is the matter's («never mind the cuts, the bill»)
    ("برق که همش قطعه هیچ ولی سوال من درباره قبضه ۲ میلیون و ۴۰۰ اومده", "electricity_bill"),
    ("مشکلی هم با برق نداریم. فقط قبض هنوز به اسم صاحبخونه قبلیه، میخوام به نام خودم کنم", "electricity_bill"),
    ("الو سلام ما هر روز دو ساعت برق نداریم اونم هیچی صبر کردیم ولی این قبضی که الان اومده رو ببین دو برابر ماه قبله",
     "electricity_bill"),
    # …too high by its amount: no gas, so an electric heater, and the power bill it ran up (blind round r53)
    ("گاز نداریم برای همین بخاری برقی روشن میکنیم، حالا قبض برقمون شده ۳ میلیون. برای خونه‌های بی‌گاز تعرفه جدا"
     " ندارین؟", "electricity_bill"),
    # …a pressure that «was» low, gas that «was not there at all», before the bill (blind round r54)
    ("تمام آذر و دی فشار گاز کم بود، خیلی وقتها اصلا نبود، ولی قبض دو برابر پارسال اومده. قبض رو اصلاح کنید",
     "gas_bill"),
    # what is asked names a bill, of no service; the aside's service is the bill's
    ("الو سلام فشار گاز ما یه کم ضعیفه اون بماند ولی الان زنگ زدم بخاطر قبض این خونه رو تازه خریدیم قبض اومده با یه"
     " بدهی قدیمی مال صاحب قبلی", "gas_bill"),
])
def test_a_matter_mentioned_in_passing_is_not_the_topic(text, topic):
    assert CATALOG.classify(text).topic == topic


def test_a_function_word_after_a_word_is_not_its_ocr_split_half():
    """«جا رو» (a place + the object marker) is not «جارو» (sweeping); a single letter before it is a fragment
    of a split word: «قب ض گ از» is «قبض گاز»."""
    assert "garbage" not in [r[0] for r in CATALOG.scores("چاه کوچه زده بیرون بوی گند همه جا رو برداشته")]
    assert CATALOG.classify("این ماه قب ض گ از اومده سه برابر").topic == "gas_bill"


@pytest.mark.parametrize("text", ["راننده تانکر آب میگه گازوئیل ندارم", "راننده تانکر آب میگه گازوييل ندارم"])
def test_a_whole_word_of_the_catalog_is_folded_as_text_is(text):
    """The catalog lists «گازوئیل» (diesel) as a whole word, not «گاز*» (gas) and an ending; a citizen's text is
    normalized (ئ and ي are ی) before matching, and so must the catalog's word be, or it never applies."""
    assert not {"gas_outage", "gas_connection", "gas_bill"} & {r[0] for r in CATALOG.scores(text)}


def test_a_name_is_matched_only_with_its_words_side_by_side():
    """«=اداره کار» (the labour office) is a name: «اداره آب و فاضلاب میگه کار شهرداریه» does not say it."""
    assert CATALOG.classify("شکایتم تو اداره‌ی کار مونده").topic == "labour_wages"
    text = "فاضلاب خیابان ده روزه میزنه بیرون. اداره آب و فاضلاب میگه کار شهرداریه"
    assert "labour_wages" not in {r[0] for r in CATALOG.scores(text)}
    assert CATALOG.classify(text).topic == "sewage"


def test_a_matter_told_as_done_before_the_one_asked_about_is_left_out():
    assert without_done("اینترنت خونه وصل شد. ولی اینترنت گوشیم آنتن نداره").split() == [
        "ولی", "اینترنت", "گوشیم", "آنتن", "نداره"]
    assert without_done("چاله رو پر کردن دستتون درد نکنه، ولی چراغای خیابون خاموشه").split() == [
        "ولی", "چراغای", "خیابون", "خاموشه"]
    assert without_done("برق ما بالاخره وصل شد") is None  # nothing asked after it: the text is what it says
    assert without_done("برق ما وصل شد و دوباره رفت") is None
    assert without_asides("اینترنت خونه وصل شد. ولی اینترنت گوشیم آنتن نداره").split()[0] == "ولی"
    # thanks for what was done, then another matter; an arrival that ends its clause
    assert without_done("پاسپورت رسید مرسی. الان یه جریمه سرعت اومده").split()[0] == "الان"
    assert without_done("سطل کوچه تعویض شد. موضوع جدید: ساحل پر از زباله است").split()[:2] == ["موضوع", "جدید:"]
    # …and a clause of thanks after it, before the other matter
    assert without_done("بسته پستی رسید، ممنون. یه موضوع دیگه، شکایتم تو دادگستری مونده").split()[:3] == [
        "یه", "موضوع", "دیگه"]
    # a step of the same matter is not its end, nor is a request's courtesy
    assert without_done("گذرنامه‌ام صادر شده ولی هنوز به دستم نرسیده") is None
    assert without_done("یارانه‌ام قطع شده ممنون میشم رسیدگی کنید، فقط زودتر") is None
    # what comes or is paid to the citizen as it should, before «ولی»; not what he pays, nor a fault that recurs
    assert without_done("کارفرما بیمه‌مونو مرتب رد میکنه ولی عیدی و سنوات پارسال رو نداده").split()[:2] == [
        "ولی", "عیدی"]
    assert without_done("قسط وام مسکن رو مرتب میدم ولی تو سامانه بدهکار نشون میده") is None
    assert without_done("برق محله ما مرتب قطع میشه ولی کسی جواب نمیده") is None


def test_words_written_with_a_hamza_seat_match_as_normalized():
    """Stored text is normalized, which writes «ئ» as «ی» («مسئله» → «مسیله»): a pattern written with the hamza seat
    alone would not match it."""
    for spelling in ("مسئله", "مساله"):
        text = normalize(f"قبض گازمونم زیاد اومده اون یه {spelling} دیگه‌ست، آب سه روزه قطعه")
        assert without_asides(text).split()[-4:] == ["آب", "سه", "روزه", "قطعه"]


def test_the_main_request_named_sets_aside_what_came_before():
    text = ("سوابق وی ادغام نشده. گفت دفترچه درمانی‌اش هم تمدید نشده ولی درخواست اصلی ادغام سوابق است.")
    assert "دفترچه" not in without_asides(text)
    assert CATALOG.classify(text).topic == "insurance_record"


def test_asides_are_only_what_sets_a_matter_aside():
    # «کارفرما هم که …» goes on with the matter (no possessive before «هم»)
    assert without_asides("منتظر تایید کارفرما، کارفرما هم که کارخونه رو بسته رفته") is None
    assert without_asides("یارانه ام قطع شده") is None
    assert without_asides("قبض گازمونم زیاد اومده ولی اونو فعلاً کاری ندارم، آب سه روزه قطعه").split() == [
        "آب", "سه", "روزه", "قطعه"]


@pytest.mark.parametrize(("text", "topic"), [
    # a private debt: a person, not a bank
    ("یه نفر ۲۰ تومن ازم قرض گرفته پس نمیده، باید کجا برم", OTHER),
    # a conscript's exit permit is the conscription office's, not the passport's
    ("پسرم سربازی نرفته میخواد بره ترکیه کار کنه گفتن برای خروج مشمولین باید وثیقه بذاری سند خونه یا پول",
     "military_service"),
    # the passport described, not named
    ("برای زنم اون دفترچه ای که باهاش آدم میره خارج رو میخواستیم بگیریم", "passport"),
    # a city bus line; the street flooding after rain
    ("اتوبوس خط ۲۱۴ هر نیم ساعت یه دونه میاد اونم پر", "municipal_services"),
    ("هر بار بارون میاد خیابونمون میشه رودخونه، جوی ها گرفته", "sewage"),
    # «اعزام مامور» sends an agent, not a conscript; a taxi's CNG quota; a transformer too weak for the street
    ("کنتور خونمون خرابه، حتی وقتی فیوزا رو میزنیم پایین صفحش میچرخه. تقاضای اعزام مامور دارم", "electricity_bill"),
    ("سهمیه سی ان جی تاکسی من دو ماهه شارژ نشده جایگاه قبول نمیکنه", "fuel_card"),
    ("ترانسفورماتور سر خیابون ظرفیتش کمه، عصرا کولر ما نمیچرخه و یخچال تیک میزنه", "electricity_outage"),
    # a school that will not register a child, whatever the bill it asks for as proof of address
    ("مدرسه دولتی نزدیک خونمون پسرمو ثبت نام نمیکنه میگه آدرس قبض برقتون خارج از محدودست", "school_fees"),
    # a pensioner's rental income tax; a street flooded whenever it rains; the internet on a phone
    ("اینجانب بازنشسته بوده و یک واحد مسکونی کوچک را اجاره داده ام. مالیات بر اجاره ای برای آن تعیین شده", "tax"),
    ("هر بار بارون میاد خیابان ۱۶ متری آب میگیره ماشینا گیر میکنن", "sewage"),
    ("اینترنت گوشی تو روستای ما کار نمیکنه آنتن هست ولی هیچی باز نمیشه", "telecom_internet"),
    # the rural housing loan of the housing foundation
    ("وام مسکن روستایی بنیاد مسکن رو گرفتیم قسط دوم رو نمیدن خونه نیمه کاره مونده", "housing_project"),
    # «the lights go» at home is a power cut; the street's lights that do not work are the street's
    ("شبا چراغا میره تا صبح، یخچالمون خراب شد", "electricity_outage"),
    ("چراغ های کوچه کار نمیکنه", "roads"),
    ("کم فشاری آب طبقه دوم از هفته پیش", "water_outage"),
    # blind round r13: Finglish for a camera fine and a car bought in advance; an empty plot beside houses is no
    # empty-house tax («=خونه* خالی*» is a name); air pollution is no catalog topic
    ("jarimeye dorbin 2 barabar shode chon dir pardakht kardam", "traffic_fines"),
    ("khodro sabt nam karde budim 2 sal pish, hanuz tahvil nadadan", "car_delivery"),
    ("نخاله ساختمانی تو زمین خالی کنار خونه ها ریختن، شده محل موش و سوسک", "garbage"),
    ("دود کارخانه آجرپزی کنار شهر هوا رو آلوده کرده، بچه ها همه سرفه میکنن", "other"),
    # blind round r30: an exit barred for a conscript's absence; pensions of the welfare organisation and the relief
    # committee; a hospital's «بیمه‌اش فعال نیست»; a bridge the flood broke; cylinders sold dear; gas gone since last
    # night, «هنوز وصل نشده»; farm water; plane trees cut; kerosene's quota
    ("لب مرز گفتن ممنوع‌الخروجی چون غیبت سربازی داری، گذرنامه هم دارم", "military_service"),
    ("مستمری بهزیستی دختر معلولم سه ماهه قطع شده", OTHER),
    ("کمیته امداد مستمری ماهیانه ما رو قطع کرده", OTHER),
    ("مادرمو بردیم بیمارستان، گفتن بیمه‌اش فعال نیست باید همه هزینه رو آزاد بدین", "health_insurance"),
    ("پل روستامون با سیل آبان خراب شد، بچه‌ها نمیتونن برن مدرسه، از رودخونه رد میشن. آموزش و پرورش میگه"
     " به ما ربطی نداره", "intercity_roads"),
    ("کپسول گاز رو ۸۰۰ تومن میفروشن در حالی که نرخش کمتره. ما گاز لوله‌کشی نداریم و مجبوریم بخریم", "price_gouging"),
    ("گاز محله هنوز وصل نشده، از دیشب بعد برف بی گازیم", "gas_outage"),
    ("آب کشاورزی کانال رو قطع کردن، باغا دارن خشک میشن", OTHER),
    ("قطع چنارهای بلوار هنوز ادامه داره", "municipal_services"),
    ("سهمیه نفت سفید روستا هنوز نرسیده", "fuel_card"),
    # blind round r31: records not registered before retiring; «مشکل اینه» after a cut that is not there; «سر بازار»
    # is no «سرباز»; goods bought from a website
    ("میخوام سال دیگه بازنشسته بشم ولی سوابقم از کارگاه قبلی ثبت نیست", "insurance_record"),
    ("آب ما قطع نیست، مشکل اینه که کنتور آب خرابه و مامور نمیاد و قبض علی‌الراس میاد هر دوره بیشتر", "water_bill"),
    ("آجیل‌فروشی سر بازار کیلوئی ۶۰۰ گرفت، مغازه بغلی ۴۵۰ میداد", "price_gouging"),
    ("از یه سایت اینترنتی گوشی خریدم، پول رو زدم دیگه جواب نمیدن. کجا شکایت کنم؟", OTHER),
    # blind round r33: a school's gas pressure too low to heat the classes is the gas company's
    ("اینجانب مدیر دبستان دخترانه روستا هستم. از اول آبان فشار گاز مدرسه به حدی پایین است که بخاری کلاس‌ها کار"
     " نمی‌کند و دانش‌آموزان با کاپشن سر کلاس می‌نشینند", "gas_outage"),
    # blind round r32: the relief committee's pension named so; a pension that comes as it should before «اما»; a
    # speeding fine on a named road
    ("مستمری کمیته امداد مادرم رو قطع کردن، گفتن بررسی مجدد", OTHER),
    ("حقوق بازنشستگی تامین اجتماعی رو میگیرم خدا رو شکر مرتب هم هست، اما یارانه‌ام رو از دو ماه پیش"
     " قطع کردن", "subsidy"),
    ("jarime 2 million baraye sorat dar jadde Chalus oomade vali mashin oon rooz too parking bood", "traffic_fines"),
    # blind round r53: a city alley's snow not cleared is its street's (not the garbage's «ماشین … جمع»); a street's
    # name sign; kerosene not brought; «صدای … سیما» (wires) is no broadcaster, whose name stands side by side
    ("برف کوچه هامون رو ۳ روزه کسی جمع نکرده ماشین نمیتونه بیاد بیرون", "roads"),
    ("کوچه ما رو برف‌روبی نکردن، سه روزه یخ بسته، پدرم نمیتونه بره نونوایی", "roads"),
    ("اسم کوچه‌مون خیابون آبشاره ولی هیچ تابلویی نداره، پستچی پیدا نمی‌کنه", "municipal_services"),
    ("دا پیگیری کنین، نفتی که گفتم هنی نیاوردن، سرما کشتمون", "fuel_card"),
    ("هنوز اون سیما جرقه میزنن، شبا صدای تق تق میاد، تا یکی رو برق نگرفته بیاین", "electricity_outage"),
    # blind round r56: the television's signal is no power matter; garbage the snow buried is still garbage
    ("سیگنال تلویزیون تو روستا از وقتی برف اومده قطعه، فقط دو تا شبکه میاد", OTHER),
    ("زباله‌های کوچه ما در اسلام‌آباد غرب یک هفته است جمع نشده و با برف قاطی شده", "garbage"),
])
def test_described_and_neighbouring_matters(text, topic):
    assert CATALOG.classify(text).topic == topic


def test_other_has_evidence_of_its_own():
    """A job asked for, a private debt, a neighbour's tree, thanks: «other», not the topic of a word in passing."""
    assert CATALOG.classify("من دیپلم دارم، شهرداری نیرو نمیخواد؟ یه کار بهم بدید").topic == OTHER
    assert CATALOG.classify("همسایه‌مون درخت کاشته چسبیده به دیوار ما، ریشه‌ش دیوار رو ترک داده").topic == OTHER


def _accuracy(rows):
    hits = [CATALOG.classify(r["text"]).topic == r["topic"] for r in rows]
    return sum(hits) / len(hits)


def test_accuracy_on_labelled_samples():
    """The tuning examples: the phrases were tuned on them and the word model trained on them, so this guards
    against regressions, not an estimate (in five-fold cross-validation: 0.951 with the phrases alone, 0.961 with
    the model trained on the other folds). Blind rounds join them once changes were made from their misses: the
    sixteenth stop's (an early-spring week in the south-east and Tehran's towns) came in at 0.940."""
    rows = load_examples()
    assert len(rows) >= 100
    assert _accuracy(rows) >= 0.95


def test_accuracy_on_holdout_samples():
    rows = load_tsv("topic_holdout.tsv")
    assert len(rows) >= 40
    assert _accuracy(rows) >= 0.85


def test_matters_no_topic_covers():
    """A set written blind to see what the classifier does with matters whose agency is none of the catalog's
    (100 of 160: courts, the police station, relief, state media, trains and airports, forensic medicine, natural
    resources, private insurers …, many with a listed topic's words in passing) beside 60 listed matters that sound
    like them. 0.756 as it came (the sixteenth stop): most such matters read as the nearest topic; 0.825 once
    «other» was given phrases for those agencies. Not in the examples the word model learns from: its class balance
    (five in eight «other», against about one in sixteen at the line) would teach the model to send listed matters
    to «other», and the deduplicator would split their repeats (tried: recall −0.4 points on the labelled pairs)."""
    rows = load_tsv("topic_uncovered.tsv")
    assert len(rows) >= 160
    assert _accuracy(rows) >= 0.80


def test_accuracy_on_a_blind_set_never_tuned_on():
    """Sets written blind after every change of a stop and kept out of the tuning data: the honest estimate for
    unseen input. A representative fortnight (every channel, every province) after the eleventh stop, measured 0.91
    when written (0.93 after the twelfth stop's changes); a spring month in the centre and south-west after the
    twelfth, 0.895 when written. Both 0.9125 with the phrases alone, 0.95 with the word model deciding where they
    do not (its design was chosen on them). An autumn month in the north and north-east, written after the word
    model: 0.915 when written (0.885 with the phrases alone; 0.925 once the model places a text no phrase matched
    when it is sure). A representative week at the end of winter, written after every change of the thirteenth
    stop: 0.935 when written. A rainy late-autumn fortnight in the north-west and centre, written after the
    fourteenth stop's topic changes: 0.955 when written (misses: a street flooded after rain read as roads, what
    no catalog topic covers — smoke, forests, television — read as the nearest one). All 1,000: 0.944 (0.950 once
    Latin-letter sentences are read as Persian, the fifteenth stop). Small towns and villages, a third each phone
    transcripts, old phones' SMS and short letters, written after the fifteenth stop's first changes: 0.913 as it
    came (misses mostly what no topic covers — a post office, forests, livestock, a school without a teacher —
    read as the nearest topic). A week in the big cities, a sixth of it Finglish, written after every change of the
    fifteenth stop: 0.960 as it came (Finglish 21 of 22; misses: a post parcel, heritage, an ATM's swallowed card
    read as the nearest topic). All 1,300: 0.946; 0.955 once «other» was given phrases for identity papers, the
    post, crops and livestock, forests, heritage, cash machines and the cyber police — chosen by what an operator
    knows goes elsewhere, but after seeing these sets' misses: no longer a clean estimate for such matters. A
    late-summer fortnight across the country, written after every change of the sixteenth stop: 0.945 as it came
    (0.935 with the code the stop began with; misses: a cut for a debt paid read as an outage or the word model's
    gas bill, a pension transfer, symptoms beside the works that caused them). A mid-winter week across the country,
    written after every change of the sixteenth stop: 0.960 as it came (0.950 with the code the stop began with).
    A late-spring week across the country (heat in the south, year-end exams, harvest), written at the seventeenth
    stop: 0.950 as it came, and as it stays (misses: a complaint about the line itself read by the word model as a
    water cut, «سه روزه»; a matter set against what works, «حق بیمه رو واریز میکنه ولی حقوق رو نمیده»; a gas
    connection told through the bill that never comes). A mid-winter fortnight in the north-east, centre and
    Tehran, a tenth of it matters no topic covers, written after the seventeenth stop's changes: 0.915 as it came
    (and with the code the stop began with; misses mostly «other» matters read as the nearest topic — a prisoner's
    leave, a driving licence's card, a marriage registry's system — and a matter beside the writer's means: «من یه
    بازنشسته‌ام … سه روزه گاز نداریم»). All 2,100: 0.952 (0.953 once the word model may no longer choose a topic
    without a phrase or keyword where a phrase was found, a rule one of the next set's texts showed). A summer
    fortnight across the country (heat, water rationing, Arbaeen passports, the entrance exam), written after the
    seventeenth stop's changes: 0.935 as it came, 0.940 with that rule («شیر فلکه کوچه رو بستن … آب نداره» had
    been read as gas). A representative autumn fortnight across the country, written after every change of the
    seventeenth stop: 0.930 as it came (the same with the code the stop began with; misses: a bill told through the
    outage before it, «ده روز برقمون قطع بود … بعد قبض …»; a cold region's gas tariff read as power's; a kalabarg
    store's prices as the kalabarg). A representative spring fortnight across the country, written after every
    change of the seventeenth stop: 0.920 as it came, 0.930 once a past outage told before a bill is left out of the
    choice («سه هفته آب قطع بود … حالا قبض آب ۲ میلیون اومده»: the bill), an idea this set and the one before
    showed. A representative fortnight of early winter, written after every change of the seventeenth stop: 0.935
    as it came (the same with the code the stop began with). All 2,900: 0.948 (0.949 once a coupon store's
    overpricing is overpricing, as three of these sets' writers labelled it, and not the coupon). A representative
    late-autumn month in the north-west and centre (Azerbaijan, Ardabil, Zanjan, Hamadan, Markazi, Qom, Yazd,
    Semnan), written at the eighteenth stop: 0.938 as it came, 0.975 after (Azeri «سو یوخدی», «یولو باغلیدی»; what
    comes as it should set before «ولی», «بیمه رو مرتب رد میکنه ولی عیدی …»; a web address's words, «es.tamin.ir»;
    a fuel station; a conscript's «دفترچه اعزام»; goods under warranty and wheat sold to the silos are «other»), so
    no longer clean. All 3,060: 0.951. An early-winter fortnight in the big cities, a quarter of it with a second
    matter in passing, written after those changes: 0.931 as it came (0.931 with the code the stop began with),
    0.956 after (Finglish «mellat» read as «ملت», not «مالیات»: a Persian word's written long vowels must be spelt;
    «درخواست اصلی» sets aside what came before; «مبلغ حمایتی» is the subsidy; fuel oil in the air and medicines
    missing from pharmacies are «other»). All 3,220: 0.951. A representative early-spring month across the country,
    written after every change of the eighteenth stop and not tuned on: 0.944 (the same with the code the stop began
    with; misses: «other» matters read as the nearest topic — a parcel, a birth certificate, fireworks — an exit
    permit read as the passport, a Finglish power cut, a water subscription's transfer beside a deed). All 3,380:
    0.951 (0.947 with the code the stop began with). A representative late-autumn month in the west and south-west
    (Kurdistan, Kermanshah, Ilam, Lorestan, Hamadan, Khuzestan, Chaharmahal, Kohgiluyeh, Bushehr), written at the
    nineteenth stop: 0.887 as it came, 0.950 after (an exit barred for a conscript's absence is his; the welfare
    organisation's and the relief committee's pensions, farm water and fisheries are «other»; kerosene's quota; an
    estimated bill, «قبض علی‌الراس», is no tax; «تنها چیزی که … میخوایم», «مشکلم اینه» and «ضمنا» set aside what is
    around the request), so no longer clean. A representative early-spring month across the country, a sixth
    Finglish, written after those changes: 0.944 as it came (the same with the code the stop began with), 0.969 after
    (records not registered, «سوابقم … ثبت نیست»; «مشکل اینه» without «my»; «سر بازار» is no «سرباز»; a website's
    goods are no internet service), so no longer clean either. A representative high-summer month across the
    country, written after every other change of the nineteenth stop and not tuned on before it was measured:
    0.931 as it came (0.925 with the code the stop began with; misses: an exit permit of a conscript for Arbaeen, the
    relief committee's pension read as the subsidy, Finglish a speeding fine «dar jadde Chalus» and an Arbaeen bus
    ticket, a pilgrims' insurance), 0.950 after (the welfare and relief committee's pensions named so are «other»;
    a pension that comes «مرتب هم هست» before «اما» is not the matter; a speeding fine on any road is the fine).
    All 3,860: 0.954 (0.947 with the code the stop began with). A representative mid-autumn month across the
    country, written after every change of the nineteenth stop and not tuned on: 0.919 (0.912 with the code the stop
    began with; misses: a second matter in passing — a school principal's gas pressure read as the school, a paid bill
    before a cut as the bill — «مشکلی هم با برق نداریم. فقط قبض …» whose left part names no service, Finglish «bime
    khish farma», a teacher hitting a child read as the school). All 4,020: 0.953 (0.946 with the code the stop
    began with; 3,833 right rather than 3,831 once a school's gas pressure is the gas company's, a fix that
    round's misses showed). An early-winter month in Khorasan, Semnan, Yazd, Kerman and Sistan-Baluchestan: 0.931
    as it came, 0.944 after (livestock feed, television reception and addicts in a park are «other»; the word model
    overrides a keyword's topic with one no word found only 4.0 ahead, not 2.0). A mid-winter month in Tehran and
    the centre, written after those changes and measured before any change it led to: 0.944 (the same with the code
    the stop began with), 0.963 after (an addict's treatment, a prisoner's pardon, a factory's smoke are «other»). A late-winter month in the south and south-west, written after every
    other change of the stop: 0.925 (the same with the code the stop began with), 0.938 after (Finglish «net
    gushim» is the internet; buying contribution years «خرید سابقه» is social security's; a motorcycle impounded,
    its fines, is the traffic police's, whatever «بیشتر از قیمت» says). A representative spring month across the
    country, written after every change of the stop and not tuned on: 0.944 (the same with the code the stop began
    with; misses: a matter in passing before «ولی الان زنگ زدم بپرسم …» and «مشکل اصلیم», a new building's water
    meter read as gas, thanks to a clerk, illegal logging, the relief committee's help). All 4,660: 0.953 (0.951 with
    the code the stop began with), 0.954 once «زنگ زدم بپرسم …» and «مشکل اصلیم» say what is asked (4,444 right).
    At the twenty-first stop, a late-autumn month in the Caspian north and Khorasan: 0.925 as it came, 0.931 after
    (service years added to the insurance record are social security's however the service is told; a gas pipe
    broken or washed away is a cut; a line blocked by the operator; «کنتور … نصب کردن … درست کار نمیکنه» is no
    meter refused; tea leaf sold at the guaranteed price is «other»; a pilgrimage no longer vetoes military
    service, so a conscript's exit permit for Arbaeen is the conscription office's). All 4,820: 0.954 (4,599 right;
    4,450 of the first 4,660, 4,444 with the code the stop began with); 0.955 (4,602) once a matter left after an
    aside with nothing a topic knows is read with the service the aside named. An early-summer month in the
    centre and south, written after those changes: 0.963 as it came, 0.975 after («اونم هیچی» sets aside what it
    points back to; a ticket or flight cancelled is «other»; «از مطالعه باز مانده» is no survivor's pension). All
    4,980: 0.955 (4,758 right). A snowy mid-winter month in the north-west and west, written after those changes:
    0.912 as it came, 0.925 after (a kind of matter asked about without its service, level between topics, read
    with the service the aside named; a quota «سهمیه» is no share «سهم»; a pipeline «خط لوله» no phone line). All
    5,140: 0.955 (4,907 right). A representative mid-autumn month across the country, written after every change of
    the stop and not tuned on: 0.938 (the same with the code the stop began with). All 5,300: 0.954 (0.951 with the
    code the stop began with). A representative early-winter month, a third of it told for a relative, written
    after every change of the stop and not tuned on: 0.881 (misses: a new ID card, a judiciary e-service office, an
    umrah's registration, a police checkpoint read as the nearest topic; a gas cut over a debt labelled the bill; a
    Finglish service reduction for a sick father). All 5,460: 0.952. A representative Azar (late autumn) across
    the country at the twenty-second stop: 0.969 as it came, 0.981 after (Finglish «ezdevaj» a keyword as «ازدواج»
    is; «آنتن ۴جی» the internet; a connection paid for no gas connection unless gas is named). All 5,620: 0.953. A
    representative Bahman (mid-winter), a third told for a relative, written after those changes: 0.912 as it came,
    0.963 after (what is fine, «عادیه», «خداروشکر», left out before the matter; «سوالم اینه …» asks after all told
    before it; a pension «بخور و نمیر» is what he lives on). All 5,780: 0.953. A representative Esfand (late
    winter), written after every change of the stop: 0.900 as it came, 0.925 after («… ولی اون درسته» sets aside
    what it points back to; a meeting asked with a governor «other»; third-child land a housing matter). All 5,940:
    0.954. A representative Farvardin (early spring), written after every change of the stop and never tuned on:
    0.969 (0.963 with the code the stop began with). All 6,100: 0.954 (0.950 with the code the stop began with).
    A representative Ordibehesht (late spring) at the twenty-third stop: 0.912 as it came, 0.956 after (a past
    outage or low pressure the home «had» told in the bill's own clause; «تحویل قطعی» no outage; crop insurance, a
    rent raised past its cap and the Hajj «other»; rationed water; Azeri «قاز پولی» the gas bill). All 6,260:
    0.954. A representative Tir (early summer), written after those changes: 0.925 as it came, 0.975 after (Azeri
    «تقاعد پولو», «ایشیق پولو»; Khuzestani «مای ماکو»; Sorani letters folded, «کاره‌با»; a dialysis's cost; the
    entrance exam's own matters; a ride-hailing driver's quota no internet). All 6,420: 0.955. A representative
    Mordad (late summer): 0.900 as it came, 0.931 after (an outage that goes on before a bill too high for it;
    Azeri «مکتب», Arabic «جواز سفر»; a night course's tuition; a mountain on fire «other»). All 6,580: 0.955. A
    representative Shahrivar (end of summer), written after every change of the stop and never tuned on: 0.950
    (0.944 with the code the stop began with). All 6,740: 0.955 (0.951 with the code the stop began with). A
    representative Mehr (early autumn), not tuned on: 0.944 (the same with the code the stop began with; most
    misses a school named as the place of another matter, a worker's pay or a manhole on the way). All 6,900:
    0.955 (0.951). The stop's last, a representative Aban (mid-autumn), written after every change and not tuned on:
    0.944 (0.938). All 7,060: 0.955 (0.950 with the code the stop began with). The twenty-fourth stop's first, a
    representative Dey (early winter): 0.919 as it came, 0.938 after (a city alley's snow not cleared, a street's name
    sign, kerosene not brought, sparking wires, a power bill run up by an electric heater; misses left: the gas cut
    in Lori «قطع ابو», a sarcastic bill, a hospital named before the snowed-in road to it). Its second, Yalda to
    mid-Dey in villages of the south-east, the Zagros and the Caspian coast, written after those changes: 0.938 as it
    came (the same with the code the stop began with), 0.944 after (a gas pressure that «was» low before the bill).
    A representative late Dey in the big cities, written after every change and not tuned on: 0.925 (0.919; one of
    its rows, a city street's snow not cleared, read right after the next round's rules). A Dey in the west, a
    fifth of it in Sorani, Kalhori, Laki or Azeri: 0.863 as it came (the same with the code the stop began with),
    0.919 after (Sorani «کالابه‌رگ», «مووچه», «هاوسه‌رگیری», «سه‌نه‌د», «ڕێگای گوند»; Azeri «ایشسیزلیک», «خسته خانا»; a
    television's signal). The stop's last, a representative early Bahman across the country, written after every
    change and not tuned on: 0.963 (the same with the code the stop began with). All 7,860: 0.953 (0.951). At the
    twenty-fifth stop, a representative mid-Bahman: 0.925 as it came, 0.963 after (a fine on a road or for no snow
    chains the fine's; a cut threatened if a bill is not paid the bill's; gas pipes brought and left, a gas meter
    never fitted a connection; the 22 Bahman march «other»); villages and small towns in early Esfand, written
    after those changes: 0.944 as it came (the same with the code the stop began with), 0.956 after («حق بیمه …
    نداده», a cylinder above its state price); the big cities in late Esfand, written after those changes and never
    tuned on: 0.931 (the same); the south and south-west in Esfand, a fifth in local speech: 0.931 as it came,
    0.975 after (an unemployment claim at the labour office, a Nowruz fair's stall, a student's extra terms, a red
    light's fine, trawlers and Nowruz lodging «other», Khuzestani «الضو»); the stop's last, a representative week
    around Nowruz, written after every change and never tuned on: 0.912 (0.900 with the code the stop began with;
    misses: a benefit stopped over a contribution filed elsewhere, a newborn's insurance, a bill's consumption
    class, an outage told without «برق», a road without mobile signal, a conscript's exit permit, a bus terminal, a
    licence renewal, daylight saving). All 8,660: 0.953 (0.951 with the code the stop began with). Then a
    representative mid-Farvardin after the holidays: 0.944 as it came, 0.963 after (bail to go abroad a conscript's
    exit permit, «راه ده» a village's road, «شیر خونه ما خشکه» no water). All 8,820: 0.954. At the twenty-sixth stop,
    a representative late Farvardin to mid-Ordibehesht: 0.950 as it came (the same with the code the stop began
    with), 0.975 after (construction debris by a road the city's, filtered sites the internet's, «اعزام بشه» a
    call-up, removed from the subsidy by decile the subsidy's; misses left: wheat unpaid beside a loan's instalment,
    a teacher hitting pupils, a water bill's late fee read as a fine, a passport's renewal asked with a military
    word). Then late Ordibehesht to mid-Khordad, half big cities and half villages, written after those changes and
    never tuned on: 0.931 (the same with the code the stop began with; misses: an unemployment claim told as a
    dismissal, a sewer charge on a water bill, a pension asked about beside a coupon dropped, a parking fine, the
    tax form told without «مالیات», a cooler's repair overpriced, a report card, deeds lost in a flood, a konkur
    card, an outage told with exam words, bottled water sold dear by a road). All 9,140: 0.954. Then the south and
    east from mid-Khordad to early Tir, a fifth in local speech: 0.925 as it came (the same with the code the stop
    began with), 0.944 after (a border resident's card «other», a discount on fines, foul water out of a manhole, the
    rural fund's pension, tap water gone salty «آو لوله‌کشی»). The stop's last, a representative mid-Tir, written
    after every change and never tuned on: 0.887 (the same with the code the stop began with; misses: a bill asked
    about beside outages, a high-use warning, a sewer charge on a water bill, a dowry loan told with wedding words,
    a conscript's exit bond, konkur results and quotas, a luxury car tax, mobile internet dying in blackouts, water
    and cooler parts sold dear, a pension raise told with contribution words, joining insurance, a village without
    gas, the relief committee's aid, Arbaeen's registration, an inheritance certificate). All 9,460: 0.953 (0.952
    with the code the stop began with). Then, tuned on after it (declared), the Caspian provinces and the north-west
    in late Tir, a fifth in local speech: 0.919 as it came (the same), 0.956 after (Sorani «ئاو … نییە», «زەماوەند»,
    «خەستەخانە»; Azeri «مزدیمیزی»; «کد اقتصادی»; a fertilizer quota «other»). All 9,620: 0.953. The stop's very
    last, a representative mid-Mordad, measured after every change and never tuned on: 0.956 (0.950 with the code
    the stop began with). All 9,780: 0.953 (0.951). At the twenty-seventh stop, tuned on (declared), late Mordad to
    mid-Shahrivar with a fifth in the west's Kurdish, Lori and Laki: 0.894 as it came (the same with the code the
    stop began with), 0.938 after (Lori «او نیاریم»; Sorani «زانکو», «نەخۆشخانە», «زبڵ», «بڕاوه»; power's good-use
    scheme, its high-use tariff). All 9,940: 0.952. Then, tuned on, early Mehr in Khorasan and Tehran's suburbs with a
    fifth in Mashhadi and Dari speech: 0.975 as it came (the same), 0.981 after (home internet «اینترنت
    خونگی»). All 10,100: 0.953. Then, tuned on, mid-to-late Mehr in the south with a fifth in Khuzestani Arabic,
    Bandari, Bushehri and Bakhtiari speech: 0.869 as it came (the same), 0.912 after (Khuzestani Arabic «الکهربا»,
    «الیارانه», «الزباله», «العسکریه», «متقاعد», «قرض الزواج»; dengue «other»). All 10,260: 0.953. Then, tuned on,
    early-to-mid Aban in the north-west and centre with a fifth in Azeri: 0.912 as it came (the same), 0.963 after
    (Azeri «قاز قبضی», «زبیل», «سو قبضی», «چوخور», «کانالیزاسیا»; stubble burnt «other»). All 10,420: 0.953. The
    stop's two never tuned on, measured only after every change: a representative week in mid-to-late Shahrivar,
    0.956, and one in mid-Aban, 0.950 (both the same with the code the stop began with; misses: a pension's slip
    beside supplementary insurance, welfare's stipend, a fertilizer quota, an account changed for the subsidy, a
    taxi driver's car, brick kilns' smoke, a bill for water that never came, a petrol pump short-filling by a road,
    a conscript's mother's insurance, a birth date wrong). All 10,740: 0.953 (0.950 with the code the stop began
    with). The twenty-eighth stop's, tuned on, each the same with the code the stop began with: late Aban to Azar in
    Tehran and the centre 0.906 as it came (0.919 after: a supply cut for a debt the bill's), the south-east 0.950
    (0.956), the Caspian north 0.925 (0.944: Gilaki «ایتا», «one», no messenger app), the west 0.925 (0.956), the old
    and who speaks for them 0.887 (0.919: a retirees' supplementary insurance, proof of life), the young 0.919
    (0.956: an LMS, Finglish), farmers and villagers 0.875 (0.906: their matters with the state «other»); never
    tuned on, a representative fortnight in early-to-mid Azar, measured after every change: 0.969 (0.963 with the
    start's code; misses: a power bill of a home heated by power read as gas, insulin pens not in the pharmacies, a
    scam in the subsidy's name, a Finglish mobile number given to another). Then, tuned on, the south's Azar, a
    quarter in local speech: 0.919 as it came (the same), 0.938 after (a message of thanks alone «other»); and the
    second never tuned on, a representative late Azar around Yalda: 0.931 (the same with the start's code; misses a
    gas bill beside low pressure and the reverse, a cleaner's wages read as a school's, the line's own hours). Then,
    tuned on, Azar in Azerbaijan, a quarter in Azeri: 0.925 (the same; 0.938 after: Azeri «باهالی», «باغین سندی»),
    and in Khorasan: 0.919 (the same; the same: the debt veto's words side by side, «گفتن اول بدهی … بدید» no cut for
    a debt). All 12,660: 0.952 (0.948 with the code the stop began with). The twenty-ninth stop's, tuned on: a
    representative first week of Dey, 0.933 as it came (the same with the code the stop began with), 0.956 after (a
    bill no word names after a past outage of water; «اونش مهم نیست»; one text relabelled, an alley's snow the city
    streets', as every earlier round labels it: the prompt had named it a municipal matter, declared). All 12,750:
    0.953 (0.952 with the code the stop began with). Its second, never tuned on, a representative mid-Dey measured
    after every change: 0.944 (the same with the start's code; misses a gas bill after weak gas read as power's by the
    examples, a decile that took the subsidy and the coupon read as the coupon's and the reverse, a heater's price as
    a gas cut, a nurse's manner as a hospital's costs). All 12,840: 0.952 (0.952). Its third, tuned on, one matter
    told as an SMS, an operator's note, a spoken message and a letter's sentence: 0.967 as it came (the same; a power
    cut that stops a gas heater's fan read as gas, thanks to the gas office read as its cut). All 12,930: 0.953. Its
    fourth, never tuned on, a representative turn of Dey to Bahman measured after every change: 0.978 (the same with
    the start's code; misses a loader's snow piled before a garage read as «other», a nurse's manner as a hospital's
    costs). All 13,020: 0.953 (0.952 with the code the stop began with). Its fifth, never tuned on, a representative
    first half of Bahman measured after every change: 0.967 (the same; misses a nurse's «بی احترامی» as a hospital's
    costs, a marriage loan's guarantors as a bank loan, a fuel station pumping short as the fuel card's). All 13,110:
    0.953 (0.953). The thirtieth stop's, tuned on, a representative second half of Bahman: 0.933 as it came (the same
    with the code the stop began with), 0.989 after (a nurse who shouted «other»; a fuel station pumping short is
    short measure; a heater's flame that goes out gas; Azeri «گازیمیز یوخدور», and «سویوخدان» no «سو یوخ»; an
    alley's snow nobody cleared; a village's route not reopened; its miss: the relief committee's dowry loan read as
    a marriage loan). All 13,200: 0.954 (0.953 with the code the stop began with). Its second, tuned on, a
    representative first half of Esfand: 0.922 as it came (the same), 0.967 after (a shop's card reader and its tax
    file; a nurse's «طرز برخورد»; the rural insured's fund; a flight in Finglish; the welfare organisation «other»;
    misses: a car's delivery stuck at the plate office read as a fine, a water bill told by «متر مکعب» and «شیر فلکه»
    as gas's, a housing project's unit without utilities as a gas cut). All 13,290: 0.955 (0.953). Its third, tuned
    on, matters told by what happens: 0.889 as it came (0.867 with the code the stop began with), 0.900 after (years
    missing at retirement the record's; misses: a pension or a subsidy told as «پول پیرزن», «پول خودش», a power bill
    told by «فقط یه یخچال روشنه», unemployment insurance told as being fired, a relief committee's allowance). All
    13,380: 0.955 (0.952). Its fourth, never tuned on, a representative second half of Esfand measured after every
    change: 0.967 (0.956 with the code the stop began with; misses a subsidy told as «اون پول سیصد تومنی» beside a
    son's service, a village never connected to gas read as a cut, a car's municipal duty read as a fine). All
    13,470: 0.955 (0.952). Its fifth, never tuned on, a representative early Farvardin written after the stop's
    last topic change: 0.922 (the same; misses a jam on a mountain road read as a fine, water cut told in Khuzestani
    Arabic and by a tap that only hisses, a spouse's exit permit as military service, a roadside restaurant's prices
    as the road's, a nurse's manner again, a flood's damage as the road's). All 13,560: 0.954 (0.952)."""
    rows = load_tsv("topic_blind_after.tsv")
    assert len(rows) >= 13560
    assert _accuracy(rows) >= 0.93


CATALOG_ERRORS = [
    ("unknown_agency", {"agencies": {"a": {"name_fa": "الف"}}, "topics": [
        {"code": "other", "name_fa": "x", "agency": "a"}, {"code": "t", "name_fa": "x", "agency": "zz"}]}),
    ("no_other", {"agencies": {"a": {"name_fa": "الف"}}, "topics": [{"code": "t", "name_fa": "x", "agency": "a"}]}),
    ("duplicate_code", {"agencies": {"a": {"name_fa": "الف"}}, "topics": [
        {"code": "other", "name_fa": "x", "agency": "a"}, {"code": "other", "name_fa": "x", "agency": "a"}]}),
    ("parent_after_child", {"agencies": {"a": {"name_fa": "الف"}}, "topics": [
        {"code": "other", "name_fa": "x", "agency": "a"}, {"code": "t", "name_fa": "x", "agency": "a", "parent": "p"}]}),
    ("empty_pattern", {"agencies": {"a": {"name_fa": "الف"}}, "topics": [
        {"code": "other", "name_fa": "x", "agency": "a"}, {"code": "t", "name_fa": "x", "agency": "a", "keywords": ["..."]}]}),
    ("veto_of_unknown_topic", {"agencies": {"a": {"name_fa": "الف"}}, "topics": [
        {"code": "other", "name_fa": "x", "agency": "a"}], "vetoes": {"v": {"topics": ["zz"], "patterns": ["جعلی*"]}}}),
    ("bill_of_unknown_topic", {"agencies": {"a": {"name_fa": "الف"}}, "topics": [
        {"code": "other", "name_fa": "x", "agency": "a"}], "utility_bill_topics": ["zz"]}),
    ("either_of_unknown_topic", {"agencies": {"a": {"name_fa": "الف"}}, "topics": [
        {"code": "other", "name_fa": "x", "agency": "a"}], "either_topic": [{"topics": ["zz"], "phrases": ["گاز*"]}]}),
    ("utility_of_unknown_topic", {"agencies": {"a": {"name_fa": "الف"}}, "topics": [
        {"code": "other", "name_fa": "x", "agency": "a"}], "utility_services": {"zz": "گاز"}}),
]


@pytest.mark.parametrize("data", [c[1] for c in CATALOG_ERRORS], ids=[c[0] for c in CATALOG_ERRORS])
def test_catalog_errors_are_caught_on_load(data):
    with pytest.raises(ValueError):
        TopicCatalog.from_toml(data)


def test_a_text_that_says_only_what_two_topics_share_reads_as_either():
    """«گاز هنوز وصل نشده»: a connection never made or a supply not restored; a new home's «انشعاب» says which."""
    assert CATALOG.reads_as_either("گاز منزل ما هنوز وصل نشده", "gas_connection", "gas_outage")
    assert not CATALOG.reads_as_either("درخواست انشعاب گاز دادیم هنوز وصل نشده", "gas_connection", "gas_outage")
    assert not CATALOG.reads_as_either("گاز منزل ما هنوز وصل نشده", "gas_connection", "gas_bill")


def test_catalog_loads_from_a_path(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(
        '[agencies.a]\nname_fa = "الف"\n[[topics]]\ncode = "other"\nname_fa = "سایر"\nagency = "a"\n'
        '[[topics]]\ncode = "w"\nname_fa = "آب"\nagency = "a"\nphrases = ["قطع* آب"]\n',
        encoding="utf-8",
    )
    catalog = TopicCatalog.load(path)
    assert catalog.classify("آب خانه ما قطعه").topic == "w"
    assert catalog.classify("برق").topic == OTHER


def test_a_shared_veto_excludes_each_of_its_topics():
    data = {"agencies": {"a": {"name_fa": "الف"}}, "topics": [
        {"code": "other", "name_fa": "x", "agency": "a"},
        {"code": "s", "name_fa": "x", "agency": "a", "phrases": ["یاران*"], "exclude": ["کالایی"]},
        {"code": "c", "name_fa": "x", "agency": "a", "phrases": ["خودرو*"]}],
        "vetoes": {"fraud": {"topics": ["s", "c"], "patterns": ["جعلی*"]}}}
    catalog = TopicCatalog.from_toml(data)
    assert catalog.topic("s").exclude == ("کالایی", "جعلی*")
    assert catalog.classify("یارانه ام واریز نشده").topic == "s"
    assert catalog.classify("لینک جعلی یارانه").topic == OTHER
    assert catalog.classify("سایت جعلی خودرو").topic == OTHER


FACET_CASES = [
    ("bank", "وام بانک ملت رو نمیدن", "bank_loan", {"bank": {"mellat"}, "loan_matter": {"request"}, "banking_matter": {"loan"}}),
    ("premises", "قبض آب مغازه ام زیاد آمده", "water_bill",
     {"premises": {"shop"}, "bill_matter": {"amount"}, "bill_or_connection": {"bill"}}),
    ("premises-spoken-home", "برق خونمون رفته", "electricity_outage", {"premises": {"home"}, "power_matter": {"supply"}}),
    ("loan-instalments", "قسط وام دو بار کسر شده", "bank_loan", {"loan_matter": {"instalments"}, "banking_matter": {"loan"}}),
    ("illegal-building", "همسایه بدون پروانه طبقه ساخته", "municipal_services", {"municipal_matter": {"illegal_building"}}),
    ("fine-kind", "جریمه پارک دوبل اشتباه ثبت شده", "traffic_fines",
     {"fine_kind": {"parking"}, "traffic_service": {"fine"}}),
    ("traffic-service", "مرکز تعویض پلاک نوبت را لغو می‌کند", "traffic_fines", {"traffic_service": {"plate"}}),
    ("tax-matter", "درخواست صدور کد اقتصادی سه ماه است بلاتکلیف مانده", "tax", {"tax_matter": {"registration"}}),
    ("deed-matter", "سند زمینم گم شده، درخواست سند المثنی دادم", "land_deeds",
     {"deed_matter": {"duplicate"}, "property_kind": {"plot"}}),
    ("burnt_transformer", "ترانس برق روستا دیشب سوخت، کل ده تو تاریکیه", "electricity_outage",
     {"power_matter": {"supply", "damage"}}),
    ("treatment", "بیمارستان برای سزارین پول زیادی گرفت", "hospital_costs", {"treatment": {"childbirth"}, "hospital_matter": {"bill"}, "patient": {"newborn"}}),
    ("sim-blocked-is-an-outage", "سیم کارتم مسدود شده", "telecom_phone", {"phone_line": {"mobile"}, "phone_matter": {"outage"}}),
    ("national_code_is_not_bank_melli", "بانک وام نداد کد ملی من", "bank_loan", {"banking_matter": {"loan"}}),
    ("car_model_names_maker", "پراید ثبت نامی تحویل نشده", "car_delivery",
     {"car_maker": {"saipa"}, "car_model": {"pride"}, "car_matter": {"delivery"}}),
    ("goods_only_for_prices", "نان گران است", "pension", {}),
    # r71: a re-sit exam is a school matter of its own; rooftop solar and a dam's water («آو سد») kinds of «other»
    ("a_resit_exam", "دخترم شهریور امتحان تجدیدی ریاضی داره، تاریخش معلوم نیست", "school_fees",
     {"school_child": {"daughter"}, "school_matter": {"resit"}}),
    ("rooftop_solar", "نیروگاه خورشیدی پشت بوم ثبت نام کردم خبری نشد", OTHER, {"other_matter": {"solar"}}),
    # r73: a class of forty, its desks, the school's premises; pistachios taken to a co-op a farming matter
    ("a_crowded_class", "مدرسه پسرم تو قرچک کلاس‌ها چهل و پنج نفره‌ست، صندلی کم دارن", "school_fees",
     {"school_child": {"son"}, "school_matter": {"building"}}),
    ("pistachios_at_a_coop", "پسته‌مونه بردیم تعاونی، گفتن پولش یه ماه دیگه", OTHER,
     {"other_matter": {"farming"}, "farm_matter": {"payment"}}),
    # r75: the retirees' emergency loan queued for
    ("a_retirees_emergency_loan", "وام ضروری بازنشستگی رو ثبت‌نام کردم ولی اسمم تو لیست درنیومد", "pension",
     {"pension_kind": {"own"}, "pension_matter": {"loan_queue"}, "pension_item": {"loan"}}),
    # r74: goods held at customs; dengue's mosquitoes
    ("goods_at_customs", "بارم از ۱۵ آذر تو گمرک پرویزخان مونده", OTHER, {"other_matter": {"customs"}}),
    ("mosquitoes", "پشه‌ها تو محله ما زیاد شدن، همسایه‌مون تب دنگی گرفته", OTHER, {"other_matter": {"mosquitoes"}}),
    ("a_sailors_card_kind", "کارت ملوانیم تو بندر لنگه تمدید نکردن", OTHER, {"other_matter": {"sailor_card"}}),
    ("a_dams_water_in_laki", "آو سد وه زمینیل ایمه نیەتیه، ذرتیل خشک بینه", OTHER, {"other_matter": {"farm_water"}}),
]


@pytest.mark.parametrize(("text", "topic", "expected"), [c[1:] for c in FACET_CASES], ids=[c[0] for c in FACET_CASES])
def test_facets(text, topic, expected):
    assert {k: set(v) for k, v in CATALOG.facets(text, topic).items()} == expected


def test_facets_of_a_topic_are_the_facets_of_the_text_that_apply_to_it():
    # The per-topic facet matchers (a speed-up) must find exactly what the matcher over every facet finds,
    # kept to the facets that apply to the topic.
    texts = [row["text"] for row in load_examples()[::7]] + [c[1] for c in FACET_CASES]
    for topic in CATALOG.topics:
        applies = {f.name for f in CATALOG.facet_defs if not f.topics or topic in f.topics}
        for text in texts:
            every = CATALOG.facets(text)
            assert CATALOG.facets(text, topic) == {k: v for k, v in every.items() if k in applies}, (topic, text)


# ---- properties ---------------------------------------------------------------------------------------------

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_words = st.sampled_from(
    "یارانه قطع آب برق گاز قبض وام بانک بیمه بیکاری بازنشستگی سهام عدالت کارت سوخت سلام اینجانب را از به "
    "و ۱۲۳ 45 ي ك \u200c ـ . ، ؟ * ( ) ADSL yaraneh".split()
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.lists(_words, max_size=30).map(" ".join), st.text(max_size=200)))
@example("vD")  # read as Finglish «ودیعه», an «other» phrase: «other» scores 0 on that path too
def test_classify_always_answers_a_known_topic(text):
    match = CATALOG.classify(text)
    assert match.topic in CATALOG.topics
    assert match.agency == CATALOG.topic(match.topic).agency
    assert (match.topic == OTHER) == (match.score == 0)


@settings(max_examples=100, deadline=None)
@given(st.lists(_words, min_size=1, max_size=20))
def test_classification_ignores_spelling_variants(tokens):
    # Arabic letters, tatweel and stray ZWNJ before a space never change the topic.
    text = " ".join(tokens)
    variant = text.replace("ی", "ي").replace("ک", "ك").replace(" ", "\u200c ")
    assert CATALOG.classify(variant).topic == CATALOG.classify(text).topic


@pytest.mark.parametrize("text, topic", [
    ("قبضآبمون زیاد اومده", "water_bill"),  # no space between the words of a phrase
    ("گذرنامم صادر نشده", "passport"),  # «گذرنامه‌ام» as spoken: the final «ه» dropped before the ending
    ("یارانمون واریز نشده", "subsidy"),
    ("زاهدان کوی شیر آباد ۳ساعته برق نیس", "electricity_outage"),  # «نیس»: «نیست» as said
    ("گوشی آنتن داره ولی هیچ پیامرسانی وصل نمیشه", "telecom_internet"),  # messaging apps are the internet
    ("تو سامانه es.tamin.ir برای سه سال هیچ ماهی درج نشده", "insurance_record"),  # a web address's words
    ("هنوز کسی از جایگاه سوخت ورودی جاسک بازرسی نکرده، امروز دوباره زدم باز کم داد", "fuel_card"),  # not burnt
    ("خط ۰۷۶۴۴۷۲۳۵۸۹ هنوز قطعه، مخابرات کنگ میگه کابل آب رفته، ولی کسی نمیاد عوضش کنه", "telecom_phone"),
    ("الو سلام آقا کندیمیزده سه روزدی سو یوخدی حیوانلار هم سوسوز قالیب", "water_outage"),  # Azeri
    ("بیزیم کندین یولو بیر هفته‌دی باغلیدی برف گلیب", "intercity_roads"),  # Azeri: the village road is closed
    ("مبلغ حمایتی ماهانه از مهرماه قطع شده و علت آن مالکیت خودرو با ارزش بالا ذکر شده", "subsidy"),
    # blind round r56: Sorani, with «ە» written «ه‌» (the coupon, the wages, the marriage loan, a deed, the village
    # road), and Azeri (unemployment insurance, the hospital)
    ("کالابه‌رگی ئێمه ئه‌م مانگه نه‌هاتووه، سنه", "kalabarg"),
    ("مووچه‌ی سێ مانگمان نه‌دراوه، کارگه‌ی به‌رگدروی سنه", "labour_wages"),
    ("قه‌رزی هاوسه‌رگیری ئێمه شه‌ش مانگه له بانکی سپه‌ی سنه ماوه‌ته‌وه", "marriage_loan"),
    ("خانومان له سه‌قز به‌ قه‌وڵنامه کڕیوه، سه‌نه‌دی پێ نادەن", "land_deeds"),
    ("ڕێگای گوندی ئێمه له مه‌ریوان به‌فر گرتوویه‌تی، هیچ لۆدەرێک نه‌هاتووه", "intercity_roads"),
    ("ایشسیزلیک بیمه‌سی‌نی نئجه آلا بیلرم؟ ایشدن چیخاردیلار منی، میاندوآب", "unemployment_insurance"),
    ("خسته خانا پولو چوخ آلدیلار، بیر گئجه‌ده اون میلیون، خوی", "hospital_costs"),
], ids=["glued-phrase", "dropped-he-passport", "dropped-he-subsidy", "dropped-te-nist", "messaging-apps",
        "web-address", "fuel-station", "wet-cable", "azeri-water", "azeri-road", "support-payment", "sorani-coupon",
        "sorani-wages", "sorani-marriage-loan", "sorani-deed", "sorani-village-road", "azeri-unemployment",
        "azeri-hospital"])
def test_everyday_spellings(text, topic):
    assert CATALOG.classify(text).topic == topic


@pytest.mark.parametrize("text, topic", [
    ("قبض گا ز منزل اینجانب زیاد آمده است", "gas_bill"),
    ("یارا نه اینجانب قطع گردیده", "subsidy"),
    ("مقر ری بیکا ری اینجانب قطع شده", "unemployment_insurance"),
    ("زبال ههای کوچه یک هفت ه جمع آوری نشده", "garbage"),  # a ZWNJ's gap moved by a letter
], ids=["gas", "subsidy", "unemployment", "moved-zwnj"])
def test_words_split_by_ocr_after_a_non_joining_letter_are_read_whole(text, topic):
    assert CATALOG.classify(text).topic == topic


def test_a_wide_phrase_spans_a_place_name_but_says_less_than_a_close_phrase():
    """«آب … قطع*»: a place's name between the service and what is wrong with it; a bill's close phrase still wins."""
    assert CATALOG.classify("سلام آب روستای قره بولاغ از توابع میانه سه روزه قطعه").topic == "water_outage"
    assert CATALOG.classify("آب محله الهیه کرمانشاه از ساعت ۱۲ ظهر قطع میشه").topic == "water_outage"
    assert CATALOG.classify("قبض آب ما خیلی زیاد اومده در حالی که آب روستای قره بولاغ از توابع میانه کل ماه قطع"
                            " بود").topic == "water_bill"
    # a tracking code's label read whole is no «کدر» (turbid water); a follow-up's words do not make it a pension
    assert [s[0] for s in CATALOG.scores("پیرو شکایت قبلی کد رهگیری 706699481084 هنوز گاز ضعیفه")] == [
        "gas_outage", "gas_connection", "gas_bill"]
    assert CATALOG.classify("پیرو شکایت قبلی کد رهگیری 706699481084 هنوز گاز ضعیفه").topic.startswith("gas_")


def test_the_word_model_learns_from_examples():
    model = WordModel([("آب محله ما سه روزه قطعه تانکر میخریم", "water_outage"),
                       ("آب خونه قطع شده تانکر آوردن", "water_outage"),
                       ("قبض آب خیلی گرون اومده", "water_bill"), ("قبض آب این ماه دو برابر شده", "water_bill")])
    assert model.ranking("باز تانکر میخریم آب نداریم")[0][1] == "water_outage"
    assert model.ranking("قبض این ماه گرون")[0][1] == "water_bill"
    assert model.ranking("سلام") is None  # fewer than two words any example used: no guess


def test_the_word_model_decides_only_where_the_phrases_do_not():
    """A keyword alone («دکتر*») or no phrase at all: the examples' words decide; a clear phrase stands."""
    text = "اون کارتی که باهاش دکتر میری ارزون‌تر حساب میکنن مال بچه من تمدید نشده"
    assert [s[0] for s in CATALOG.scores(text)] == ["hospital_costs"] and CATALOG.classify(text).topic == "health_insurance"
    assert CATALOG.classify("یه کیف پول پیدا کردم کارت ملی توشه به کی تحویل بدم").topic == OTHER
    # no phrase at all: the model's topic only when it is sure; a greeting stays «other»
    assert CATALOG.scores("ازدیشب شیرای خونه هیچی ازش نمیاد نه آشپزخونه نه حموم") == []
    assert CATALOG.classify("ازدیشب شیرای خونه هیچی ازش نمیاد نه آشپزخونه نه حموم").topic == "water_outage"
    assert CATALOG.classify("سلام خسته نباشید").topic == OTHER
    assert CATALOG.classify("قبض آب ما این ماه خیلی زیاد اومده").topic == "water_bill"
    # a sub-topic the model prefers on its parent's words alone stays the parent: any loan, not a marriage loan
    assert CATALOG.classify("vam gharzolhasaneh sabt kardam bank mige zamen karmand rasmi mikhad").topic == "bank_loan"
    # a coupon store charging more than the set price: overpricing, not the coupon's credit
    text = "فروشگاه طرف قرارداد کالابرگ برنج رو گرون‌تر از قیمت مصوب با کالابرگ حساب میکنه، میخوام شکایت کنم"
    assert CATALOG.classify(text).topic == "price_gouging"
    assert CATALOG.classify("کالابرگ این ماه برای من اصلا شارژ نشده").topic == "kalabarg"
    # a past outage told before a bill: the bill is the matter
    assert CATALOG.classify("سه هفته آب قطع بود تانکر خریدیم، حالا قبض آب ۲ میلیون و ۳۰۰ اومده!").topic == "water_bill"
    # where a phrase was found, the model chooses among the topics found (its «شیر فلکه» is gas's, but nothing here
    # says gas)
    text = "قبض آبمونو پرداخت کردیم، هیچ بدهی نداریم، ولی شیر فلکه کوچه رو بستن و سه روزه کل کوچه آب نداره"
    assert "gas_outage" not in [s[0] for s in CATALOG.scores(text)] and CATALOG.classify(text).topic == "water_outage"


def test_examples_naming_an_unknown_topic_are_refused(tmp_path):
    (tmp_path / "examples.tsv").write_text("text\ttopic\nآب قطعه\tno_such_topic\n", encoding="utf-8")
    (tmp_path / "topics.toml").write_text(
        'examples = "examples.tsv"\n[agencies.a]\nname_fa = "الف"\n[[topics]]\ncode = "other"\nname_fa = "x"\n'
        'agency = "a"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="no_such_topic"):
        TopicCatalog.load(tmp_path / "topics.toml")


def test_a_split_adds_nothing_its_parts_already_match():
    # «آب بها» written apart is a phrase the parts match; joined it is the same rule, counted once.
    apart, together = CATALOG.classify("آب بها زیاد آمده"), CATALOG.classify("آببها زیاد آمده")
    assert (apart.topic, apart.score) == (together.topic, together.score)


def test_a_whole_word_is_not_read_as_a_shorter_prefix():
    # «برقرار» begins like «برق*» but says nothing of electricity; «ابلاغیه» is not «آب*».
    def topics_with_evidence(text):
        return {t for t, *_ in CATALOG.scores(text)}

    assert not topics_with_evidence("حقوق مادرم را هنوز برقرار نکردند") & {"electricity_outage", "electricity_bill"}
    assert "water_bill" not in topics_with_evidence("ابلاغیه حساب من")
    assert CATALOG.classify("برق منزل ما قطع است").topic == "electricity_outage"


@pytest.mark.parametrize("text, topic, names", [
    ("چاله بزرگ خیابان شهید بهشتی", "roads", {"بهشتی"}),
    ("زباله های کوچه ۱۲ جمع نشده", "garbage", {"12"}),
    ("آسفالت خیابان فردوسی خراب است", "roads", {"فردوسی"}),
    ("کوچه پر از زباله است", "garbage", set()),  # «پر» is not a name
    ("خیابون ما خراب شده", "roads", set()),
    ("آب خیابان فردوسی قطع است", "water_outage", set()),  # a water cut is the home's, wherever it is told
    ("چاله خیابان امام، جلوی بانک سپه", "roads", {"امام"}),  # a title alone before «جلوی» is the street's name
    # «امام» is a street's whole name unless an imam's name follows: «نون» is the bread sold there
    ("نونوایی سر خیابان امام نون رو گرون میده", "price_gouging", {"امام"}),
    ("چاله خیابان امام رضا", "roads", {"رضا"}),
    ("چاله ای سر خیابان امام", "roads", {"امام"}),
    # a spoken message's transcript writes the number in words
    ("فاضلاب کوچه دوازده زده بالا", "sewage", {"12"}),
    ("چاله کوچه بیست و دو", "roads", {"22"}),
    ("چاله کوچه بیس و چار", "roads", {"24"}),  # as said: the transcript writes «بیس», «چار»
    ("یه چاله تو کوچه یه ماشین رو داغون کرد", "roads", set()),  # «یه» is «a», not one
    ("زباله های کوچه ما سه روزه جمع نشده", "garbage", set()),  # how long, not which alley
    ("زباله کوچه ۳ روزه مونده", "garbage", set()),
], ids=["title", "number", "known-name", "not-a-name", "our-street", "not-a-place-topic", "title-alone",
        "title-then-not-its-name", "title-then-its-name", "title-at-the-end", "number-in-words",
        "compound-number-in-words", "colloquial-number-in-words", "the-article-is-not-one", "a-time-not-a-number", "a-time-in-digits"])
def test_places(text, topic, names):
    assert CATALOG.places(text, topic) == names


def test_a_short_word_is_not_read_as_another_with_he_restored():
    assert CATALOG.facets("سند خانم رضایی صادر نشده", "land_deeds") == {}  # «خانم» is not «خانه»
