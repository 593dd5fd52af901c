"""Arabic words for what the Arabic pages call by a Latin or Swedish name (issue 13).

Residents new to Swedish write the names of Swedish services as they hear them, in Arabic letters
("سويش" for Swish, "كيفرا" for Kivra), and ask for "contact" or "power of attorney" in words the
pages do not use ("تواصل" where the page says "اتصل بنا"). Each found nothing, or another page.
Editors change these under Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import change

SEED = [
    ("ar", "سويش, swish, الدفع بالجوال, الدفع بالهاتف, مدفوعات, betalningar"),
    ("ar", "كيفرا, kivra"),
    ("ar", "فريا, freja"),
    # Not "اتصال": on a broadband site it is also the (internet) connection.
    ("ar", "اتصل, اتصل بنا, تواصل, تواصل معنا, للتواصل, kontakt"),
    ("ar", "توكيل, تفويض, وكالة, وكيل, نيابة عن, ombud"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0005_seed_concepts_for_untranslated_pages_and_plain_words")]
    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: change(apps, forwards=True, seed=SEED),
            lambda apps, schema_editor: change(apps, forwards=False, seed=SEED),
        )
    ]
