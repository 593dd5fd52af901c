"""Words residents use that the pages do not (stop 33's probe set P): stopping work for retiring
("sluta jobba", "stop working", "ترك العمل"), and what one builds for the building permit ("garage",
"tillbyggnad", "attefallshus"; no Swedish group named the permit before, so one is seeded).

At the end of the group that already names the concept, as migrations 0013 and 0014 do
(`add_terms_operation`: the words the pages use stay first). Editors change these under
Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import add_terms_operation, seed_operation

# (language, the term that marks the group, the words added at its end)
ADDED = [
    ("sv", "gå i pension", ["sluta jobba", "slutar jobba", "sluta arbeta", "slutar arbeta"]),
    ("en", "retirement", ["stop working", "stopping work", "quit working"]),
    ("ar", "التقاعد", ["ترك العمل", "التوقف عن العمل"]),
    # Not "extension" alone (a residence permit's or a visa's), nor "كراج" alone (also a bus station).
    ("en", "building permit", ["build a garage", "garage", "house extension", "carport"]),
    ("ar", "رخصة بناء", ["بناء كراج", "بناء ملحق", "توسيع البيت"]),
]
SEED = [
    ("sv", "bygglov, bygga till, tillbyggnad, garage, carport, attefallshus, friggebod, bygganmälan"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0014_seed_words_of_clinics_privacy_and_fibre_to_the_home")]
    operations = [add_terms_operation(ADDED), seed_operation(SEED)]
