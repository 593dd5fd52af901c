"""Words residents use that the pages do not (stop 30's probe set I): the site as "hemsidan" or
"sajten" and "site" in English, "funkar" for "fungerar", "anmäla" or "tipsa" for "rapportera",
"usel" or "kass" for "dålig"; Arabic for poor coverage as it is said ("ما في شبكة", "المكالمات
تقطع"), the state's support ("دعم الدولة"), and "dagis" in Arabic letters, too short to be heard
(`search.opensearch_query.heard_words`). Editors change these under Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import seed_operation

SEED = [
    ("sv", "webbplats, webbplatsen, hemsida, hemsidan, sajt, sajten, webbsida, webbsidan"),
    ("sv", "fungerar, funkar"),
    ("sv", "rapportera, anmäla, tipsa"),
    ("sv", "dålig, dåligt, usel, uselt, kass, kasst"),
    ("en", "website, site, web site, webpage, homepage"),
    ("en", "who is behind, who made, who runs"),
    (
        "ar",
        "تغطية, التغطية, ضعف التغطية, ما في شبكة, مافي شبكة, الشبكة ضعيفة, الشبكة طاشة, المكالمات تقطع,"
        " المكالمات تنقطع, انقطاع المكالمات",
    ),
    ("ar", "دعم الدولة, مساعدة الدولة, دعم حكومي, مساعدة حكومية, دعم, منحة, bidrag, stöd"),
    ("ar", "الروضة, روضة, حضانة, داغيس, داجيس, förskola, dagis"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0010_seed_swedish_service_words_for_english_readers")]
    operations = [seed_operation(SEED)]
