"""Words residents use that the pages do not (stop 31's probe set L): paying without cash (Swish,
"utan kontanter", "without cash", "بدون كاش"), calls that drop ("samtalen bryts"), the mobile
network by its generation ("5g", which no page names), a child on the way ("gravid", "pregnant",
"حامل"), being scammed as it is said in Arabic ("نصبو علي"), opening a company in English ("open a
company": "open" is otherwise the library's opening hours), and "e-tjänst" typed by Arabic readers.
The sessions' own word (the Latin "swish", "bedrägerier") comes first in a group: a concept
carries only the first few of its other terms. Editors change these under Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import seed_operation

SEED = [
    ("sv", "swish, betala utan kontanter, utan kontanter, kontantlöst, kontantfritt"),
    ("en", "swish, pay without cash, without cash, cashless, pay with phone"),
    ("ar", "swish, سويش, بدون كاش, بلا كاش, بدون نقود, بدون فلوس"),
    ("sv", "mobiltäckning, samtal bryts, samtalen bryts, samtalet bryts, tappar samtal, 5g, 4g, mobilnätet"),
    ("en", "coverage, calls drop, dropped calls, calls keep dropping, 5g, 4g, mobile network"),
    ("ar", "تغطية, 5g, 4g, شبكة الجوال, شبكة الموبايل"),
    ("sv", "få barn, gravid, graviditet, väntar barn, bebis"),
    ("en", "having a child, pregnant, pregnancy, expecting a baby, baby"),
    ("ar", "مولود, حامل, حمل, الحمل, طفل"),
    ("ar", "bedrägerier, احتيال, نصب, نصبو, نصبوا, نصاب"),
    ("en", "company, business, företag, own company, open a company, open own company, open a business"),
    ("ar", "الخدمات الإلكترونية, خدمة إلكترونية, خدمات إلكترونية, e-tjänst, e-tjänster"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0012_languages_apart_and_who_is_behind")]
    operations = [seed_operation(SEED)]
