"""Words residents use that the pages do not (stop 30's probe sets I and J): the site as
"hemsidan" or "sajten" and "site" in English, "funkar" for "fungerar", "anmäla" or "tipsa" for
"rapportera", "usel" for "dålig", "släkting" for "anhörig"; British English ("council",
"sole trader"); Arabic for poor coverage as it is said ("ما في شبكة", "المكالمات تقطع"), the state's
support ("دعم الدولة"), a business as "بيزنس" or "فيرما"; Swedish words in Arabic letters too short
to be heard ("داغيس", "فيبر") or heard only in their spoken form ("föräldrapeng":
`search.opensearch_query.heard_words`). Editors change these under Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import seed_operation

SEED = [
    ("sv", "webbplats, webbplatsen, hemsida, hemsidan, sajt, sajten, webbsida, webbsidan"),
    ("sv", "fungerar, funkar"),
    ("sv", "rapportera, anmäla, tipsa"),
    ("sv", "dålig, dåligt, usel, uselt"),
    ("en", "website, site, web site, webpage, homepage"),
    ("en", "who is behind, who made"),
    (
        "ar",
        "تغطية, التغطية, ضعف التغطية, ما في شبكة, مافي شبكة, الشبكة ضعيفة, الشبكة طاشة, المكالمات تقطع,"
        " المكالمات تنقطع, انقطاع المكالمات",
    ),
    ("ar", "دعم الدولة, مساعدة الدولة, دعم, stöd, bidrag, دعم حكومي, مساعدة حكومية"),
    ("ar", "الروضة, روضة, حضانة, داغيس, داجيس, förskola, dagis"),
    ("ar", "بدل الوالدين, föräldrapenning, föräldrapeng"),
    ("ar", "بيزنس, فيرما, تأسيس شركة, firma, företag"),
    ("ar", "ألياف, فيبر, فايبر, fiber"),
    ("sv", "anhörig, anhöriga, släkting, släktingar, närstående"),
    ("en", "municipalities, municipality, council, councils, local council, local authority, kommun"),
    ("en", "sole trader, self-employed, own business, business, enskild firma"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0010_seed_swedish_service_words_for_english_readers")]
    operations = [seed_operation(SEED)]
