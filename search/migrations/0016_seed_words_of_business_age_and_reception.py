"""Words residents use that the pages do not (stop 34's probe set Q): the formal and the borrowed
word for a business and for e-identification, British and American words for parental pay and a
sole trader, an old person in Arabic, English words in Swedish queries ("speed", "printa"), the
signal in spoken Arabic and in American English, a doctor in Arabic letters and in Latin, and the
accessibility statement by those who need it (no group named it before, so one is seeded).

At the end of the group that already names the concept, as migrations 0013–0015 do
(`add_terms_operation`: the words the pages use stay first). Editors change these under
Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import add_terms_operation, replace_operation, seed_operation

# (language, the term that marks the group, the words added at its end)
ADDED = [
    (
        "sv",
        "e-leg",
        ["elektronisk identifiering", "e-identifiering", "elektronisk legitimation", "digitalt id"],
    ),
    ("sv", "enskild firma", ["business", "egen business", "egen firma", "eget bolag"]),
    ("sv", "65+", ["gammal", "gamlingar", "ålderspensionär"]),
    ("sv", "gbit", ["speed", "netflix", "streama", "streaming"]),
    ("sv", "skanner", ["printa", "printa ut", "printer", "skriva ut papper"]),
    ("sv", "kontantlöst", ["betala räkningar", "betala räkningen", "bankappen", "mobilbanken"]),
    ("sv", "arabisktalande", ["arabisk", "arabiskt", "arabisk språk", "arabiskt språk"]),
    # A pensioner is no pension (search/analysis.py no longer finds "pension" inside "pensionär"),
    # but to become one is to retire; and the compounds that name the pension
    ("sv", "pensionsprognos", ["bli pensionär", "pensionsmyndigheten", "pensionsålder", "tjänstepension"]),
    ("sv", "samfällighet", ["bynät", "byanät", "byanätet", "bynätet"]),
    ("sv", "bygganmälan", ["tillstånd att bygga", "byggtillstånd"]),
    ("en", "föräldrapeng", ["maternity pay", "paternity pay", "maternity leave", "paternity leave"]),
    ("en", "enskild firma", ["sole proprietorship", "sole proprietor", "freelancer", "freelance"]),
    ("en", "expecting a baby", ["twins", "newborn", "new baby"]),
    ("en", "renew prescription", ["nhs", "gp", "gp appointment"]),
    (
        "en",
        "calls keep dropping",
        ["cell service", "cell signal", "cell coverage", "bad signal", "weak signal"],
    ),
    ("ar", "عمل تجاري", ["مؤسسة تجارية", "مؤسسة خاصة", "سجل تجاري", "تسجيل شركة", "مشروع تجاري"]),
    ("ar", "بدل الوالدين", ["اجازة الامومة", "إجازة الأمومة", "اجازة الابوة", "إجازة الأبوة", "إجازة الوالدين"]),
    ("ar", "عمل تجاري", ["فتح محل", "افتح محل", "محل تجاري"]),
    ("ar", "barnbidrag", ["منحة الأطفال", "منحة الاولاد", "منحة الأولاد", "مساعدة الأطفال", "علاوة الأطفال"]),
    ("ar", "المستوصف", ["دكتور", "الدكتور", "doktor", "doctor"]),
    # Spoken: "there is no network" (Levantine, Gulf, Egyptian), "reception" (ارسال)
    (
        "ar",
        "شبكة الجوال",
        ["ما فيه شبكة", "مافيه شبكة", "ما فيش شبكة", "مفيش شبكة", "ما في ارسال", "الارسال ضعيف"],
    ),
    ("ar", "متقاعدين", ["عجوز", "ختيار", "كبير في السن", "كبير بالسن", "كبيرة في السن"]),
    ("ar", "بناء كراج", ["تصريح بناء", "تصريح البناء", "اذن بناء"]),
]
# Help with the internet is the digital help the libraries give: the seniors' courses are called
# "Dator och mobil", second so that it is among the few other terms a concept carries.
REPLACED = [
    (
        "sv",
        "datorhjälp, hjälp med datorn, digital hjälp, it-hjälp, datahjälp",
        "datorhjälp, dator och mobil, hjälp med datorn, digital hjälp, it-hjälp, datahjälp, internethjälp, "
        "internet hjälp, hjälp med internet",
    ),
]
SEED = [
    ("en", "digital help, dator och mobil, computer help, internet help, it help, tech help, help with computers"),
    ("ar", "مساعدة رقمية, dator och mobil, المساعدة الرقمية, مساعدة في الكمبيوتر, مساعدة في الانترنت"),
    ("sv", "tillgänglighetsredogörelse, tillgänglighet, synskadad, synskadade, blind, skärmläsare"),
    ("en", "accessibility statement, accessibility, blind, visually impaired, screen reader"),
    ("ar", "إمكانية الوصول, المكفوفين, مكفوف, كفيف, ضعاف البصر, قارئ الشاشة"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0015_seed_words_of_stopping_work_and_building")]
    operations = [add_terms_operation(ADDED), replace_operation(REPLACED), seed_operation(SEED)]
