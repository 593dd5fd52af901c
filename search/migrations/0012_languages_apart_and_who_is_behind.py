"""A language is its own concept, not a word for newcomers (stop 31's probes): the seeded groups of
0003 put "arabiska" and "somaliska" (and "arabic", "somali") beside "nyanländ", so a search for help
in Somali was also one for help in Arabic, and the sessions in Arabic came first. Each language of
help keeps its own group (0003, 0008, 0010; in Swedish also as "-språkig" and "-talande"); the
newcomers' groups keep the words for newcomers, also where an editor has changed them. Also who
is behind the site, asked in Arabic. Editors change these under Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import remove_terms_operation, replace_operation, seed_operation

# The newcomers' groups, as seeded or as an editor has changed them since: without the languages.
NOT_NEWCOMERS = [
    ("sv", "nyanländ", ["arabiska", "somaliska"]),
    ("en", "newcomer", ["arabic", "somali"]),
]
# Only as seeded: English asked for in Swedish as "-språkig" and "-talande".
CHANGES = [
    ("sv", "engelska, english, på engelska", "engelska, english, på engelska, engelskspråkig, engelsktalande"),
]
# The other languages of help as Swedish readers ask for them ("arabisktalande hjälp").
SEED = [
    ("sv", "arabiska, på arabiska, arabiskspråkig, arabisktalande"),
    ("sv", "somaliska, på somaliska, somaliskspråkig, somalisktalande"),
    # Who is behind the site, as Arabic readers ask ("من ورا هذا الموقع"): the page about it, which
    # is in Swedish. Not "ورا" (behind) alone, nor "الموقع" alone: a term is found without its
    # article too, and "موقع" is also a place's location ("موقع المكتبة").
    ("ar", "من ورا, مين ورا, من وراء, مين وراء, من نحن, عن الموقع, om webbplatsen, står bakom"),
    ("ar", "هذا الموقع, هالموقع, الموقع ده, الموقع الإلكتروني, webbplatsen, webbplats"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0011_seed_words_of_the_web_and_of_reporting")]
    operations = [remove_terms_operation(NOT_NEWCOMERS), replace_operation(CHANGES), seed_operation(SEED)]
