"""Concepts across languages and registers, as editor-managed synonyms (issue 13).

Each group is one concept as residents name it: the formal word of the content, the plain word,
older residents' words and the words of people new to Swedish, and the same concept in the other
languages where residents mix them (an Arabic reader typing "bredband", an English reader typing
"flytta"). Editors extend or change them under Snippets → Synonymer; a change works at once.
"""

from django.db import migrations

SEED = [
    # Swedish
    ("sv", "bidrag, stöd, bredbandsstöd, ekonomiskt stöd, pengar till, grant, subsidy"),
    ("sv", "företag, firma, eget företag, starta eget, bolag, enskild firma, näringsverksamhet, verksamt"),
    ("sv", "äldre, senior, seniorer, pensionär, pensionärer, gamla, 65+"),
    ("sv", "ny adress, adressändring, ändra adress, byta adress, flytt, flytta, flyttanmälan, flyttat"),
    ("sv", "eftersändning, eftersända posten, post till nya adressen"),
    ("sv", "hjälp, handledning, support"),
    ("sv", "datorhjälp, hjälp med datorn, digital hjälp, it-hjälp, datahjälp"),
    ("sv", "dator, datorn, data, pc, laptop"),
    ("sv", "kurs, grundkurs, lära sig, lära mig, lär mig, lektion, utbildning, datakurs"),
    ("sv", "mobil, mobiltelefon, telefon, smartphone, mobilen, telefonen"),
    ("sv", "internet, nätet, webben, uppkoppling, wifi"),
    ("sv", "e-post, mejl, mail, epost"),
    ("sv", "läkare, doktor, vårdcentral, sjukvård, vård, 1177, läkartid"),
    ("sv", "recept, medicin, mediciner, läkemedel"),
    ("sv", "anhörig, närstående, förälder, mamma, pappa, äldre förälder, ta hand om"),
    ("sv", "hemtjänst, hjälp hemma, hemhjälp"),
    ("sv", "förskola, förskoleplats, dagis, barnomsorg"),
    ("sv", "föräldrapenning, föräldraledig, föräldraledighet, vab"),
    ("sv", "fiberförening, byalag, fiberföreningar, samfällighet"),
    ("sv", "leverantör, internetleverantör, bredbandsleverantör, operatör, tjänsteleverantör"),
    ("sv", "täckning, mobiltäckning, signal, mottagning, ingen täckning"),
    ("sv", "swish, betala med mobilen, mobilbetalning, betalningar"),
    ("sv", "bedrägeri, bedrägerier, bluff, lurad, säkerhet på nätet"),
    ("sv", "nyanländ, nyanlända, ny i sverige, invandrare, arabiska, somaliska"),
    ("sv", "drop-in, dropin, utan bokning, drop in"),
    ("sv", "pension, gå i pension, pensionera, pensionsprognos"),
    ("sv", "engelska, english, på engelska"),
    ("sv", "landsbygd, landet, glesbygd, byn"),
    # English
    ("en", "grant, subsidy, support, funding, aid, money for, bidrag"),
    ("en", "company, business, firm, enterprise, self-employed, own business, företag"),
    ("en", "elderly, senior, older, pensioner, retired, old people, older people, seniors"),
    ("en", "address change, change of address, new address, moving, move house, moving house, relocate, flytta"),
    ("en", "phone, mobile, smartphone, cell phone, mobile phone"),
    ("en", "email, e-mail, mail"),
    ("en", "doctor, healthcare, health care, medical, 1177, appointment"),
    ("en", "prescription, medicine, medication"),
    ("en", "retirement, retire, retiring, pension"),
    ("en", "baby, child, children, kid, having a child"),
    ("en", "parental leave, parental benefit"),
    ("en", "caring for, looking after, relative, parent, mother, father, elderly parent"),
    ("en", "home help, home care, help at home"),
    ("en", "signal, coverage, reception, no signal"),
    ("en", "newcomer, new in sweden, immigrant, arabic, somali"),
    ("en", "help, support, assistance"),
    ("en", "countryside, rural, village, landsbygd"),
    # Arabic (and the Swedish or English words Arabic readers use for the same thing)
    ("ar", "مكتبة, المكتبة, bibliotek, library"),
    ("ar", "إنترنت, الإنترنت, انترنت سريع, الإنترنت السريع, bredband, broadband, internet"),
    ("ar", "ألياف, الألياف, فايبر, الياف ضوئية, fiber, fibre"),
    ("ar", "دعم, منحة, مساعدة مالية, stöd, bidrag, bredbandsstöd"),
    ("ar", "هوية إلكترونية, الهوية الإلكترونية, بنك آي دي, bankid, e-legitimation"),
    ("ar", "طبيب, موعد طبيب, الرعاية الصحية, صحة, 1177, vård"),
    ("ar", "عنوان جديد, الانتقال, انتقال, نقل السكن, flytta, flytt, moving"),
    ("ar", "شركة, تأسيس شركة, عمل تجاري, مشروع, företag, starta företag"),
    ("ar", "التقاعد, تقاعد, معاش, pension"),
    ("ar", "بريد رقمي, صندوق بريد رقمي, البريد الرقمي, digital brevlåda, kivra"),
    ("ar", "حاسوب, كمبيوتر, dator, computer"),
    ("ar", "هاتف, جوال, موبايل, mobil"),
    ("ar", "مساعدة, المساعدة, دعم فني, hjälp"),
    ("ar", "كبار السن, المسنين, متقاعدين, seniorer"),
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
    dependencies = [("envagin_search", "0002_seed_synonyms")]
    operations = [migrations.RunPython(seed, unseed)]
