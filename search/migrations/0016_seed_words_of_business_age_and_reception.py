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

from search.seeding import add_terms_operation, seed_operation

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
    ("sv", "bygganmälan", ["tillstånd att bygga", "byggtillstånd"]),
    ("en", "föräldrapeng", ["maternity pay", "paternity pay", "maternity leave", "paternity leave"]),
    ("en", "enskild firma", ["sole proprietorship", "sole proprietor"]),
    (
        "en",
        "calls keep dropping",
        ["cell service", "cell signal", "cell coverage", "bad signal", "weak signal"],
    ),
    ("ar", "عمل تجاري", ["مؤسسة تجارية", "مؤسسة خاصة", "سجل تجاري", "تسجيل شركة", "مشروع تجاري"]),
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
SEED = [
    ("sv", "tillgänglighetsredogörelse, tillgänglighet, synskadad, synskadade, blind, skärmläsare"),
    ("en", "accessibility statement, accessibility, blind, visually impaired, screen reader"),
    ("ar", "إمكانية الوصول, المكفوفين, مكفوف, كفيف, ضعاف البصر, قارئ الشاشة"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0015_seed_words_of_stopping_work_and_building")]
    operations = [add_terms_operation(ADDED), seed_operation(SEED)]
