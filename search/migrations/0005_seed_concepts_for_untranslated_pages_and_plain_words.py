"""More concepts as editor-managed synonyms (issue 13).

1. English and Arabic readers search an index that also holds the Swedish pages nobody has
   translated (most help sessions and libraries): their words for a help session's subject get
   the Swedish words of those pages (tablet → surfplatta, computer → dator, course → kurs).
2. Plain words for what the pages call by another name: speed (snabbt, mbit), opening hours
   (öppnar, öppet), fraud (bedragare, bluff), printing (skriva ut), a parent or relative in Arabic.

A term that is in several groups stands for all of them (search/opensearch_query.py), so these
groups extend the earlier ones (0002, 0003) without repeating them. Editors change them under
Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import seed_operation

SEED = [
    # Swedish
    ("sv", "hastighet, hastigheter, snabbt, snabb, snabbare, fort, mbit, gbit"),
    ("sv", "öppettider, öppet, öppnar, öppna, stänger, stängt"),
    ("sv", "bedrägerier, bedragare, bedragarna, svindel, bluffsamtal, lurendrejeri"),
    ("sv", "skrivare, skriva ut, utskrift, skanner, skanna"),
    ("sv", "grundkurs, nybörjare, för nybörjare, ny med dator"),
    ("sv", "ombud, fullmakt, för någon annan"),
    # English, with the Swedish words of the untranslated pages
    ("en", "help, hjälp, digital hjälp"),
    ("en", "computer, computers, pc, laptop, dator"),
    ("en", "tablet, ipad, surfplatta"),
    ("en", "course, class, lesson, learn, beginners, kurs, grundkurs"),
    ("en", "older people, elderly, seniors, senior, seniorer"),
    ("en", "library, libraries, bibliotek"),
    ("en", "phone, mobile, mobil"),
    ("en", "speed, speeds, fast, faster, mbit, gbit"),
    ("en", "opening hours, open, opens, öppettider"),
    ("en", "fraud, scam, scams, scammers, bedrägerier"),
    ("en", "payments, pay by phone, swish"),
    ("en", "agent, power of attorney, on behalf of"),
    ("en", "preschool, kindergarten, nursery, daycare, childcare, förskola"),
    # Arabic, with the Swedish words of the untranslated pages
    ("ar", "والد, والدي, والدة, والدتي, الأب, الأم, الأقارب, قريب, anhörig"),
    ("ar", "طفل, مولود, رضيع, ولادة"),
    ("ar", "سرعة, السرعة, السرعات, سريع"),
    ("ar", "دورة, تعلم, درس, kurs"),
    ("ar", "احتيال, نصب, bedrägerier"),
    ("ar", "ساعات العمل, مفتوح, يفتح, öppettider"),
    ("ar", "جهاز لوحي, تابلت, آيباد, surfplatta"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0004_merge_20261123_1925")]
    operations = [seed_operation(SEED)]
