"""Words residents use that the pages do not (stop 36's probe sets V, W and X): a need told as the
situation it comes from rather than by the service's name. A child with a fever and a parent away
from work (the care of a sick child), a parent who can no longer cook or clean alone (home help),
a power of attorney for a father's appointments (helping a relative), paying with the phone or
sending money to someone (Swish), signing online (the e-ID), payslips and bills in an app (the
digital mailbox), test results (1177), a passport to prove who one is (Freja), a copper telephone
line that is all a house has (fibre), no bars and texts that do not go out (mobile coverage), a
keyboard only (accessibility), becoming one's own boss or opening a café or a grocery (starting a
business), a shed or a glazed balcony (building permit), a printer or a laptop at the library,
stopping work (retiring), the countryside in Arabic, and "daddy leave" (parental leave).

At the end of the group that already names the concept, as migrations 0013–0017 do, or as a new
group where none does or where that group is full. Editors change these under Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import add_terms_operation, seed_operation

# (language, the term that marks the group, the words added at its end)
ADDED = [
    (
        "sv",
        "betala med mobilen",
        ["betala med mobil", "betala med telefonen", "betala med telefon", "betala med appen"],
    ),
    ("sv", "swisch", ["swisha", "swischa", "swishar", "swischar", "swishat"]),
    (
        "sv",
        "e-leg",
        ["e-legitimering", "legitimering", "legitimera mig", "identifiera mig", "signera digitalt"],
    ),
    ("en", "e-id", ["sign online", "sign documents", "e-signature", "prove who i am", "identify myself"]),
    ("ar", "e-legitimation", ["توقيع الكتروني", "التوقيع الالكتروني", "اثبات الهوية"]),
    ("sv", "vabba", ["sjukt barn", "sjuka barn", "sjuk unge", "feber", "hemma med sjukt barn"]),
    ("sv", "starta eget", ["bli egen", "öppna eget", "egenföretagare", "egen företagare"]),
    (
        "sv",
        "attefallshus",
        ["förråd", "uteplats", "altan", "inglasning", "inglasad balkong", "glasa in balkongen"],
    ),
    (
        "sv",
        "samtal bryts",
        ["tappar täckning", "tappar täckningen", "inga streck", "ingen signal", "kan inte ringa"],
    ),
    ("sv", "min myndighetspost", ["lönespecifikation", "lönespecifikationer", "lönebesked", "e-faktura"]),
    (
        "sv",
        "förnya recept",
        ["provsvar", "labbsvar", "blodprov", "provresultat", "blodprovssvar", "provsvaret"],
    ),
    ("sv", "personuppgifter", ["sökhistorik", "mina uppgifter"]),
    ("sv", "skärmläsare", ["tangentbord", "tangentbordet", "större text", "förstora texten"]),
    ("sv", "telefonnummer", ["mejla", "mejl", "e-post", "epost", "fel information", "felaktig information"]),
    ("sv", "föräldraledighet", ["pappaledig", "pappaledighet", "mammaledig", "mammaledighet"]),
    ("sv", "flyttanmälan", ["flytta hemifrån", "ny lägenhet", "hyreskontrakt", "lägenhetskontrakt"]),
    (
        "en",
        "pay by phone",
        ["pay with my phone", "pay with phone", "pay with your phone", "send money", "transfer money"],
    ),
    ("en", "sick child", ["child is sick", "kid is sick", "sick kid", "toddler ill", "child ill", "fever"]),
    ("en", "paternity leave", ["daddy leave", "dad leave", "fathers leave"]),
    (
        "en",
        "open a business",
        [
            "be my own boss",
            "start my own",
            "open a shop",
            "open a cafe",
            "open a restaurant",
            "restaurant",
            "food truck",
        ],
    ),
    (
        "en",
        "no signal",
        ["no bars", "zero bars", "one bar", "cant call", "can't call", "dial out", "no service"],
    ),
    (
        "en",
        "min myndighetspost",
        ["payslip", "payslips", "bills", "invoices", "e-invoice", "mailbox", "brevlåda"],
    ),
    ("en", "pay by phone", ["internet banking", "online banking", "mobile banking", "bank app"]),
    ("en", "gp appointment", ["test results", "lab results", "blood test", "medical records"]),
    ("en", "data protection", ["search history", "my data", "my details"]),
    ("en", "screen reader", ["keyboard", "keyboard only", "bigger text", "text size"]),
    ("en", "elderly parent", ["for my dad", "for my mum", "for my mom", "on behalf of", "power of attorney"]),
    ("en", "move house", ["live somewhere else", "moved house", "changed address"]),
    ("en", "retiring", ["stop work", "finish working"]),
    (
        "ar",
        "الدفع بالجوال",
        [
            "ادفع بالجوال",
            "ادفع بالموبايل",
            "ادفع بالتلفون",
            "الدفع بالموبايل",
            "تحويل المصاري",
            "تحويل فلوس",
            "احول فلوس",
            "اسويش",
        ],
    ),
    (
        "ar",
        "vabba",
        ["ابني مريض", "بنتي مريضة", "ولدي مريض", "ابني سخن", "ولدي سخن", "سخونة", "اغيب عن الشغل"],
    ),
    (
        "ar",
        "hemtjänst",
        [
            "ما تقدر تطبخ",
            "ما يقدر يطبخ",
            "تنظف البيت",
            "ينظف البيت",
            "مساعدة في البيت",
            "يساعدها في البيت",
            "يجيها البيت",
            "يروح لها البيت",
        ],
    ),
    (
        "ar",
        "النت مقطوع",
        [
            "الشبكة واقعة",
            "الشبكة طايحة",
            "الرسائل ما توصل",
            "رسائل ما توصل",
            "ما اقدر اتصل",
            "مافي ارسال",
            "المكالمات بتقطع",
            "المكالمة بتقطع",
        ],
    ),
    ("ar", "صندوق بريد رقمي", ["فواتير", "الفواتير", "كشف الراتب", "قسيمة الراتب", "بدل الورق"]),
    # Not "امي" (my mother; also "الأمية", illiteracy) nor "جدي" (also "جدية", serious).
    ("ar", "anhörig", ["وكالة", "توكيل", "ابوي", "جدتي"]),
    ("ar", "تصريح بناء", ["ترخيص بناء", "بلكونة", "البلكونة", "شرفة", "مخزن", "اتفال", "attefallshus"]),
    ("en", "carport", ["attefall", "attefall house", "attefallshus"]),
    ("en", "expecting a baby", ["due in", "baby due", "partner is due", "wife is due"]),
    ("ar", "الحمل", ["رح تولد", "حتولد", "بتولد", "راح تولد"]),
    ("en", "cancel my booking", ["can't come", "cannot come", "can't make it"]),
    ("ar", "الغاء الموعد", ["ما رح اقدر اجي", "ما بقدر اجي", "ما اقدر اجي"]),
    ("ar", "اتصل بنا", ["معلومات غلط", "معلومة خاطئة", "خطأ في الصفحة"]),
    ("ar", "يتتبعني", ["تتبعونني", "تتبعوني", "بتتبعوني"]),
    # A grocery, a café, a restaurant, a sole trader's firm: the company group (a group of their own,
    # sorted before it, took the alternatives of "شركة" from it: `MAX_ALTERNATIVES`).
    ("ar", "شركة", ["بقالة", "افتح بقالة", "محل بقالة", "كافيه", "مطعم", "مؤسسة فردية"]),
    ("ar", "ترك العمل", ["اوقف الشغل", "اترك الشغل", "وقف الشغل", "اتقاعد", "65"]),
    ("ar", "freja", ["جواز السفر", "بالجواز", "الباسبور"]),
    ("ar", "بدون فلوس", ["البنك من الجوال", "البنك على الجوال", "تطبيق البنك"]),
    ("ar", "قارئ الشاشة", ["لوحة المفاتيح", "الكيبورد", "تكبير الخط"]),
]
# A copper line, the fibre groups' last words (a group of its own that said "fiber" made every
# search for fibre one for copper too; not "الخط الارضي", which "rawda" in Latin letters sounds
# like), and a passport, Freja's (not the e-ID group's) as the words for it, which "freja" alone
# does not name.
ADDED += [
    (
        "sv",
        "fiberanslutning",
        ["kopparnät", "kopparnätet", "telefonledning", "telefonledningen", "koppartråd"],
    ),
    (
        "en",
        "fibre to the home",
        ["copper network", "copper line", "phone line", "landline", "telephone line"],
    ),
    ("ar", "الياف ضوئية", ["النحاس", "خط النحاس", "النحاسي", "خط التلفون", "خط الهاتف"]),
]
# New groups: a concept no group names, or whose group has no room left (`Synonym.terms`).
SEED = [
    ("sv", "freja eid, med passet, med mitt pass, mitt pass"),
    ("en", "freja eid, passport, with my passport, my passport"),
    ("en", "texts won't send, texts wont send, texts not sending, can't send texts, no signal, coverage"),
    ("en", "printer, print, printing, scanner, skrivare, utskrift"),
    ("ar", "نتائج التحليل, نتيجة التحليل, نتايج التحليل, تحليل الدم, نتائج الفحص, 1177, provsvar"),
    ("ar", "طابعة, طابعه, طباعة, اطبع, skrivare, utskrift, printer"),
    ("ar", "لابتوب, لاب توب, كمبيوتر محمول, laptop, dator"),
    # The countryside, as the Swedish and English groups have it ("الانترنت بالريف" in a municipality
    # found none of its pages, which are in Swedish).
    ("ar", "الريف, ريف, القرية, قرية, الضيعة, ضيعة, landsbygd, landsbygden, countryside"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0017_seed_words_of_agencies_licences_and_spoken_arabic")]
    operations = [add_terms_operation(ADDED), seed_operation(SEED)]
