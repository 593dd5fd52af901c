"""Arabic words for what the Arabic pages call by a Latin or Swedish name, and plain words (issue 13).

Residents new to Swedish write the names of Swedish services as they hear them, in Arabic letters
("سويش" for Swish, "كيفرا" for Kivra), and ask for "contact" or "power of attorney" in words the
pages do not use ("تواصل" where the page says "اتصل بنا"). Each found nothing, or another page.
Residents also say the internet is slow ("segt internet", "slow internet", "انترنت بطيء") where the
pages speak of speed, and ask for a subscription where they speak of the provider.
Editors change these under Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import seed_operation

SEED = [
    ("ar", "سويش, swish, الدفع بالجوال, الدفع بالهاتف, مدفوعات, betalningar"),
    ("ar", "كيفرا, kivra"),
    ("ar", "فريا, freja"),
    # Not "اتصال": on a broadband site it is also the (internet) connection.
    ("ar", "اتصل, اتصل بنا, تواصل, تواصل معنا, للتواصل, kontakt"),
    ("ar", "توكيل, تفويض, وكالة, وكيل, نيابة عن, ombud"),
    # A slow connection is a question about speed; a subscription one about the provider.
    ("sv", "långsamt, långsam, segt, hastighet"),  # not "seg": with an ending it is "seger"
    ("en", "slow, slower, speed"),
    ("ar", "بطيء, بطيئ, بطء, سرعة"),
    ("sv", "abonnemang, leverantör"),
    ("en", "subscription, provider"),
    ("ar", "اشتراك, مزود"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0005_seed_concepts_for_untranslated_pages_and_plain_words")]
    operations = [seed_operation(SEED)]
