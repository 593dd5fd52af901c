"""Words residents use that the pages do not (stop 35's probe sets S and T): the names of the
agencies and services the guides send residents to, which English and Arabic readers type as they
hear them (the Latin name in an Arabic reader's group is what `with_heard_words` compares a word in
Arabic letters with: "فورسكرينغسكاسان", "بنسيونس مينديهيتن", "ستادسنيت"); a licence for a shop or
a restaurant as the permits of starting a business; a text message that is a fraud; mail
forwarding when moving; cancelling a booking; spoken Arabic for a network that cuts out, for a
child born and for the telephone, and Swedish words for a connection that lags and for retiring soon.

At the end of the group that already names the concept, as migrations 0013–0016 do, or as a new
group where none does. Editors change these under Snippets → Synonymer.
"""

from django.db import migrations

from search.seeding import add_terms_operation, seed_operation

# (language, the term that marks the group, the words added at its end)
ADDED = [
    ("sv", "samtal bryts", ["laggar", "laggig", "laggigt"]),
    ("sv", "flyttanmälan", ["eftersändning", "eftersända posten", "postnord"]),
    ("en", "scammers", ["fake sms", "fake text", "phishing", "smishing"]),
    ("en", "move house", ["mail forwarding", "forward my mail", "redirect mail", "postnord"]),
    ("en", "sole trader", ["f-tax", "f-skatt", "fskatt", "bolagsverket", "verksamt"]),
    ("ar", "معاش", ["pensionsmyndigheten", "هيئة التقاعد", "مصلحة التقاعد"]),
    ("ar", "عمل تجاري", ["f-skatt", "bolagsverket", "verksamt", "ترخيص", "تراخيص", "فتح مطعم", "افتح مطعم"]),
    ("ar", "نقل السكن", ["postnord", "eftersändning", "تحويل البريد"]),
    ("sv", "bli pensionär", ["snart pensionär", "blivande pensionär", "ska gå i pension"]),
    ("ar", "موبايل", ["التلفون", "تلفون", "تليفون", "التليفون"]),
    ("ar", "بدل الوالدين", ["مولود جديد", "مولودة جديدة", "اجت بنت", "اجا ولد", "جاني ولد", "جاتني بنت"]),
]
SEED = [
    ("en", "permit, permits, licence, license, licences, licenses"),
    ("ar", "försäkringskassan, التأمينات الاجتماعية, صندوق التأمينات"),
    ("ar", "شبكة المدينة, stadsnät, stadsnätet"),
    ("ar", "إلغاء, الإلغاء, الغي, ألغي, الغاء الموعد, avboka"),
    ("en", "cancel, cancellation, cancel my booking, avboka"),
    # Beside the coverage group, which is at the length a group may have (300 characters)
    ("ar", "تغطية, شبكة الجوال, الشبكة بتقطع, الشبكة تقطع, الشبكة مقطوعة, النت يقطع, النت بيقطع, النت مقطوع"),
]


class Migration(migrations.Migration):
    dependencies = [("envagin_search", "0016_seed_words_of_business_age_and_reception")]
    operations = [add_terms_operation(ADDED), seed_operation(SEED)]
