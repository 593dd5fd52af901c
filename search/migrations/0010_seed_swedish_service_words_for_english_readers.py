"""The Swedish words of public services for English readers, as 0009 gave them to Arabic readers: a
newcomer reads "VAB", "bygglov" or "Skatteverket" in letters and on Swedish sites and types them on
the English pages, which say them in English (stop 29's probes: "vab" and "föräldrapenning" found
nothing in English, "bygglov" found libraries, "hemtjänst" fibre associations, "dagis" and a town no
preschool). The languages of help as English readers ask for them ("english speaking help",
"somali"), next to the Swedish titles of the sessions held in them. And Swedish as it is spoken:
"vabba" and "föräldrapeng"; Arabic as it is spoken: "نقلت بيت" (I moved house), "مرتي ولدت" (my
wife gave birth), "الكهربا", "الرسايل" (letters), "ساعدوني" (help me), "وايفاي", "شركة الانترنت" (an
internet provider, not a business). Editors change these under Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import seed_operation

SEED = [
    ("en", "fibre association, fiber association, fiberförening, byalag"),
    ("en", "building permit, planning permission, bygglov"),
    ("en", "care of a sick child, sick child, vab, vabba"),
    ("en", "parental benefit, parental leave, föräldrapenning, föräldrapeng"),
    ("en", "child allowance, child benefit, barnbidrag"),
    ("en", "home-help services, home help, home care, hemtjänst"),
    ("en", "notification of move, flyttanmälan, adressändring"),
    ("en", "tax agency, swedish tax agency, tax office, skatteverket"),
    ("en", "preschool, dagis, förskola"),
    ("en", "english, in english, english speaking, engelska"),
    ("en", "arabic, in arabic, arabic speaking, arabiska"),
    ("en", "somali, in somali, somali speaking, somaliska"),
    ("sv", "vab, vabba, vabbar, vabbat, vård av barn"),
    ("sv", "föräldrapenning, föräldrapeng, föräldrapengen"),
    ("ar", "البريد الرقمي, صندوق البريد الرقمي, myndighetspost, min myndighetspost"),
    ("ar", "طفل, مولود, ولد, ولدت, بيبي"),
    ("ar", "الانتقال, انتقال, نقلت, نقلنا, انتقلت, انتقلنا, عزلت, عزلنا"),
    ("ar", "الكهرباء, كهرباء, الكهربا, كهربا"),
    ("ar", "الرسائل, رسائل, الرسايل, رسايل, البريد, بريد"),
    ("ar", "مساعدة, ساعدوني, ساعدني, ساعدونا"),
    ("ar", "واي فاي, وايفاي, wifi"),
    ("ar", "مزود الإنترنت, شركة الانترنت, شركة انترنت, شركات الانترنت, مشغل, شبكة المدينة"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0009_seed_swedish_service_words_for_arabic_readers")]
    operations = [seed_operation(SEED)]
