"""Words residents use that the pages do not (stop 31's probe set L): paying without cash (Swish,
"utan kontanter", "without cash", "بدون كاش"), calls that drop ("samtalen bryts"), the mobile
network by its generation ("5g", which no page names), a child on the way ("gravid", "pregnant",
"حامل"), being scammed as it is said in Arabic ("نصبو"), opening a company in English ("open a
company": "open" is otherwise the library's opening hours), and "e-tjänst" typed by Arabic readers.

Each word goes at the end of the group that already names the concept (as seeded or as an editor
has changed it since: the group with the marking term), not into a group of its own: a concept
carries only the first few of its other terms, and a new group sorted before the old one would
push out the words the pages use ("täckning", "signal", "betalningar"). Editors change these under
Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import add_terms_operation, seed_operation

# (language, the term that marks the group, the words added at its end)
ADDED = [
    ("sv", "betala med mobilen", ["utan kontanter", "betala utan kontanter", "kontantlöst", "kontantfritt"]),
    ("en", "pay by phone", ["pay without cash", "without cash", "cashless"]),
    ("ar", "الدفع بالجوال", ["بدون كاش", "بلا كاش", "بدون نقود", "بدون فلوس"]),
    ("sv", "ingen täckning", ["samtal bryts", "samtalen bryts", "samtalet bryts", "tappar samtal", "5g", "4g"]),
    ("en", "no signal", ["calls drop", "dropped calls", "calls keep dropping", "5g", "4g"]),
    ("ar", "ضعف التغطية", ["5g", "4g", "شبكة الجوال"]),
    ("sv", "nyfödd", ["gravid", "graviditet", "väntar barn"]),
    ("en", "having a child", ["pregnant", "pregnancy", "expecting a baby"]),
    # Not "حمل" alone: it is also "download!" ("حمل تطبيق bankid").
    ("ar", "رضيع", ["حامل", "الحمل"]),
    ("ar", "احتيال", ["نصبو", "نصبوا", "نصاب"]),
    ("en", "enterprise", ["own company", "open a company", "open own company", "open a business"]),
]
# No group names the e-services for Arabic readers who type the Swedish word.
SEED = [
    ("ar", "الخدمات الإلكترونية, خدمات إلكترونية, خدمة إلكترونية, e-tjänst, e-tjänster"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0012_languages_apart_and_who_is_behind")]
    operations = [add_terms_operation(ADDED), seed_operation(SEED)]
