"""Words residents use for what the pages call otherwise (issue 13, a third round of probes).

- Latin units in Arabic letters have no one spelling: the pages write "ميجابت", residents also
  "ميغابت" or "ميقابت" (ج, غ and ق are all written for a g); "النت" and "بريدباند" are the internet.
- "GDPR" is how many know the page on personal data.
- Everyday Swedish: "biblan" or "bibblan" is the library; to call ("ringa") is to contact; a
  "bebis" is a baby. Speeds are also written "Mbps".
- English written by people new to it: "ISP" is the internet provider.
- Arabic for the elderly ("مسنة"), which the pages say otherwise. (Not "امي", my mother: with an
  ending it is "الأمية", illiteracy, or "أمين", a librarian.)
Editors change these under Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import seed_operation

SEED = [
    ("ar", "ميجابت, ميغابت, ميقابت, mbit"),
    ("ar", "برودباند, بريدباند, نت, إنترنت, bredband"),
    ("ar", "بنك ايدي, بنكايدي, بنك آي دي, bankid"),
    ("sv", "gdpr, dataskydd, personuppgifter"),
    ("en", "gdpr, data protection, personal data"),
    ("ar", "gdpr, حماية البيانات, البيانات الشخصية"),
    ("ar", "جيجابت, غيغابت, قيقابت, gbit"),
    ("en", "mbps, mbit, megabit"),
    ("en", "gbps, gbit, gigabit"),
    ("sv", "mbps, mbit, megabit"),
    ("sv", "bebis, bäbis, baby, nyfödd, få barn"),
    ("sv", "bibliotek, biblioteket, biblan, bibblan"),
    ("sv", "kontakt, kontakta, ringa, telefonnummer"),
    ("en", "isp, internet provider, broadband provider, provider"),
    # The elderly: the seniors' courses
    ("ar", "مسن, مسنة, مسنين, كبار السن"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0006_seed_arabic_names_for_brands_and_contact")]
    operations = [seed_operation(SEED)]
