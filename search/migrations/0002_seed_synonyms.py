from django.db import migrations

SEED = [
    ("sv", "internet, bredband"),
    ("sv", "fiber, fibre, fiberanslutning"),
    ("sv", "e-legitimation, bankid, freja, e-leg"),
    ("sv", "1177, vårdguiden"),
    ("sv", "digital brevlåda, kivra, min myndighetspost"),
    ("sv", "dator, surfplatta, mobil"),
    ("sv", "täckning, mobiltäckning"),
    ("en", "fibre, fiber, broadband, internet"),
    ("en", "e-id, bankid, freja"),
    ("en", "digital mailbox, kivra, min myndighetspost"),
    ("en", "computer, dator, laptop"),
    ("en", "tablet, surfplatta, ipad"),
    ("en", "library, bibliotek"),
    ("en", "course, kurs"),
    ("sv", "surfplatta, ipad, läsplatta"),
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("envagin_search", "Synonym")
    for language, terms in SEED:
        Synonym.objects.get_or_create(language=language, terms=terms)


def unseed(apps, schema_editor):
    Synonym = apps.get_model("envagin_search", "Synonym")
    for language, terms in SEED:
        Synonym.objects.filter(language=language, terms=terms).delete()


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
