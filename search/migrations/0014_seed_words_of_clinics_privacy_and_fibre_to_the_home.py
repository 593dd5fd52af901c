"""Words residents use that the pages do not (stop 32's probe sets M and N): the health centre and
the prescription ("health center", "المستوصف", "الروشتة", Egyptian for a prescription) for 1177,
being tracked ("spårning", "privacy", "يتتبعني") for the privacy page, who makes the site ("من
يصنع") for the page about it, and "ftth" (fibre to the home) for fibre.

At the end of the group that already names the concept, as migration 0013 does (`add_terms_operation`:
the words the pages use stay first). Editors change these under Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import add_terms_operation

# (language, the term that marks the group, the words added at its end)
ADDED = [
    ("sv", "fiberanslutning", ["ftth"]),
    ("en", "fibre", ["ftth", "fibre to the home", "fiber to the home"]),
    ("ar", "الياف ضوئية", ["ftth"]),
    ("sv", "läkartid", ["hälsocentral", "recept", "förnya recept"]),
    ("en", "healthcare", ["health center", "health centre", "clinic", "prescription", "renew prescription"]),
    ("ar", "الرعاية الصحية", ["المستوصف", "مستوصف", "المركز الصحي", "مركز صحي", "العيادة", "عيادة"]),
    ("ar", "وصفة طبية", ["الروشتة", "روشتة"]),
    ("sv", "personuppgifter", ["integritet", "spårning", "spårar", "kakor", "cookies"]),
    ("en", "data protection", ["privacy", "tracking", "cookies"]),
    ("ar", "حماية البيانات", ["الخصوصية", "خصوصية", "التتبع", "تتبع", "يتتبعني", "تتبعني", "كوكيز"]),
    ("ar", "من ورا", ["من يصنع", "مين عامل", "من صنع", "من يدير", "مين بيدير"]),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0013_seed_words_of_paying_calls_and_a_child_on_the_way")]
    operations = [add_terms_operation(ADDED)]
