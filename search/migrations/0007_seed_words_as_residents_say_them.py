"""Words residents use for what the pages call otherwise (issue 13, a third round of probes).

- Latin units in Arabic letters have no one spelling: the pages write "ميجابت", residents also
  "ميغابت" or "ميقابت" (ج, غ and ق are all written for a g).
- Everyday Swedish: "biblan" or "bibblan" is the library; to call ("ringa") is to contact.
- English written by people new to it: "ISP" is the internet provider.
Editors change these under Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import seed_operation

SEED = [
    ("ar", "ميجابت, ميغابت, ميقابت, mbit"),
    ("ar", "جيجابت, غيغابت, قيقابت, gbit"),
    ("sv", "bibliotek, biblioteket, biblan, bibblan"),
    ("sv", "kontakt, kontakta, ringa, telefonnummer"),
    ("en", "isp, internet provider, broadband provider, provider"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0006_seed_arabic_names_for_brands_and_contact")]
    operations = [seed_operation(SEED)]
