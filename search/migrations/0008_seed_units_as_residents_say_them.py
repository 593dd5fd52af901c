"""Speeds as residents say them (issue 13, stop 27's probes): "hur många mega behöver jag", "how
many mega do I need" and "كم ميغا احتاج" found nothing, as the pages write Mbit/s and Gbit/s (and
"ميجابت"): the unit alone, shortened ("mega", "meg", "giga", "gig"), in Latin or Arabic letters (ج, غ
and ق are all written for a g). And "أطفال", children: a broken plural, which the light stemmer
does not take back to "طفل" ("مساعدة الأطفال" is the child allowance). "Swish" as it is heard and
written by ear ("swisch", "svish"); "بانك آيدي" for BankID (with the alef residents write); a
"bredbandsbolag" is a provider; a language asked for in Arabic ("بالانجليزي", "بالصومالي") is the
language the untranslated help sessions are named after. Editors change these under Snippets →
Synonymer.
"""

from django.db import migrations

from search.seeding import seed_operation

SEED = [
    ("sv", "mega, megabit, mbit"),
    ("sv", "giga, gigabit, gbit"),
    ("en", "mega, meg, megs, megabit, mbit"),
    ("en", "giga, gig, gigs, gigabit, gbit"),
    ("ar", "ميغا, ميجا, ميقا, ميجابت, mbit"),
    ("ar", "غيغا, جيجا, قيقا, جيجابت, gbit"),
    ("ar", "أطفال, طفل"),
    ("sv", "swish, swisch, svish, svisch, swich"),
    ("en", "swish, swisch, svish, swich"),
    ("ar", "بانك ايدي, بانكايدي, بانك اي دي, bankid"),
    ("sv", "bredbandsbolag, internetbolag, leverantör"),
    ("ar", "انجليزي, الانجليزية, انكليزي, engelska, english"),
    ("ar", "صومالي, الصومالية, somaliska, somali"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0007_seed_words_as_residents_say_them")]
    operations = [seed_operation(SEED)]
