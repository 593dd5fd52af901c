"""Words residents use that the pages do not (stop 37's probe sets J37, K37 and Z37): a task told by what it
does rather than by the service's name. Twins on the way (having a child), whether the site keeps
what one searches for or the phone number of a booking (personal data), an old ADSL line (fibre),
the state's broadband money asked of the agency that hands it out (the subsidy), a barbershop or a
shop to open (starting a business), cooking and cleaning a parent no longer manages (home help), an
annex by the house (building permit), paying with one's phone in the second person (Swish), a blood
test's result (1177), a letter from an agency or "digital post" (the digital mailbox), the site's
own name heard in Arabic letters (about the site), and a library open without staff in the evening.

At the end of the group that already names the concept, as migrations 0013–0018 do, or as a new
group where none does. Not "loggar" (the e-ID guide's "loggar du in"), nor "إذن" (also "so, then"),
nor "عمّر" (written "عمر", age), nor words that are as often another's: "sparas" and "sökord"
(pictures are saved too), "letter" (a cover letter), "ملحق" alone (an e-mail's attachment), "تنظيف"
and "الطبخ" (a phone's memory cleaned, a cooking course), "självbetjäning" (the agencies'
e-services), "open late" (a pharmacy); and no Swedish group for cancelling a booking: "avboka" with
other words became a concept the contact page, which says "avboka", had to share with every
session's "Boka plats". Editors change these under Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import add_terms_operation, seed_operation

# (language, the term that marks the group, the words added at its end)
ADDED = [
    ("sv", "väntar barn", ["tvillingar", "trillingar"]),
    ("sv", "personuppgifter", ["sparas mina uppgifter", "lagras mina uppgifter", "mina sökord", "mina sökningar"]),
    ("sv", "bredbandsstöd", ["pts", "post- och telestyrelsen"]),
    ("sv", "fiberanslutning", ["adsl", "dsl"]),
    ("sv", "starta eget", ["frisörsalong", "öppna butik"]),
    ("en", "digital mailbox", ["digital post", "letter from", "letters from", "official letter"]),
    ("en", "data protection", ["store my data", "save my data", "keep my data", "my searches", "store my details"]),
    ("en", "subsidy", ["pts", "government grant"]),
    ("en", "fibre to the home", ["adsl", "dsl"]),
    ("en", "open a business", ["barbershop", "barber shop", "hair salon"]),
    ("ar", "ما تقدر تطبخ", ["تطبخ", "يطبخ", "تنظف ولا تطبخ"]),
    ("ar", "تصريح بناء", ["ملحق للبيت", "ملحق بيت", "ملحق جنب البيت", "اعمر ملحق"]),
    ("ar", "دعم الدولة", ["مساعدة من الدولة", "دعم من الدولة", "pts"]),
    ("ar", "bredbandsstöd", ["pts"]),
    ("ar", "الدفع بالجوال", ["تدفع بالموبايل", "تدفع بالجوال"]),
    ("ar", "الياف ضوئية", ["adsl"]),
    ("ar", "فيرما", ["نحل محل", "نفتح محل", "افتح محل", "فتح محل", "محل حلاقة", "صالون حلاقة"]),
    ("ar", "نتائج التحليل", ["تحليل دم", "فحص دم", "فحص الدم"]),
    ("ar", "من نحن", ["ان فيغ ان", "اين فيغ اين", "en väg in"]),
    ("ar", "الخصوصية", ["يحفظ معلوماتي", "بيحفظ معلوماتي", "يحفظ بياناتي", "يخزن معلوماتي"]),
]
# New groups: a concept no group names.
SEED = [
    ("sv", "meröppet, meröppna, utan personal, obemannat, obemannad, kvällsöppet bibliotek"),
    (
        "en",
        "meröppet, without staff, unstaffed, no staff, self-service library, library open late, utan personal",
    ),
    ("ar", "meröppet, بدون موظفين, بلا موظفين, بدون موظف, مفتوحة بالليل, utan personal"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0018_seed_words_of_situations_told_in_everyday_words")]
    operations = [add_terms_operation(ADDED), seed_operation(SEED)]
