"""Swedish words of public services that Arabic-speaking residents meet in Swedish and type as such,
in Latin letters or as they hear them in Arabic letters ("فيبرفورينينغ", "بيغلوف", "فورسكولا": the
query builder hears a word in Arabic letters as the Latin term of a group that sounds like it,
`as_heard`), for the Arabic pages that say them in Arabic (stop 28's probes: "بريدباندستود",
"كيف اقدم عالبنسيون" and "بيغلوف لبيت صيفي" found nothing). And spoken words for medicine and
being ill ("تجديد الدوا اونلاين": renewing a prescription at 1177). "Kommun" written by English and
Arabic readers ("<name> kommun" in English found three e-services, not the municipality). Editors change these under
Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import seed_operation

SEED = [
    ("ar", "جمعية ألياف, جمعية الألياف, جمعيات الألياف, fiberförening"),
    ("ar", "الروضة, روضة, حضانة, förskola, dagis"),
    ("ar", "رخصة بناء, رخصة البناء, bygglov"),
    ("ar", "رعاية طفل مريض, طفل مريض, الطفل المريض, vab, vabba"),
    ("ar", "الإبلاغ عن الانتقال, عنوانك الجديد, flyttanmälan, adressändring"),
    ("ar", "بدل الوالدين, föräldrapenning"),
    ("ar", "إعانة الطفل, barnbidrag"),
    ("ar", "الخدمة المنزلية, خدمة منزلية, hemtjänst"),
    ("ar", "مصلحة الضرائب, skatteverket"),
    ("ar", "دواء, الدوا, دوا, أدوية, الوصفات الطبية, وصفة طبية"),
    ("ar", "مريض, عيان"),
    ("ar", "بلدية, البلدية, كومون, كوميون, kommun"),
    ("en", "municipality, kommun"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0008_seed_units_as_residents_say_them")]
    operations = [seed_operation(SEED)]
