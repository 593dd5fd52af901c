"""Help texts for editors, in plain Swedish, kept in one place so that every field has one.

Each app calls `apply(models)` at the end of its models module; the texts then become part of the
fields (and of the migrations) exactly as if written on each field.
"""

from django.utils.translation import gettext_lazy as _

TEXTS = {
    "MunicipalityIndexPage.intro": _("Några meningar överst på sidan med alla kommuner."),
    "MunicipalityPage.name": _("Kommunens namn utan ordet kommun, till exempel Sala."),
    "MunicipalityPage.website": _("Adressen till kommunens egen webbplats, med https://."),
    "MunicipalityPage.phone": _("Kommunens växel eller kontaktcenter."),
    "MunicipalityPage.email": _("Kommunens allmänna e-postadress."),
    "MunicipalityPage.body": _(
        "Kort om kommunen. Bredband, bibliotek och e-tjänster visas automatiskt under texten."
    ),
    "StandardPage.body": _("Sidans innehåll. Välj blocktyp med plustecknet."),
    "Topic.name": _("Ämnets namn som invånarna ser det, till exempel BankID och e-legitimation."),
    "LifeEvent.name": _("Livshändelsen med invånarens ord, till exempel Flytta."),
    "LifeEvent.slug": _("Används i webbadresser. Samma i alla språk."),
    "OrganisationSettings.organisation_name": _("Den som står bakom webbplatsen, visas i sidfoten."),
    "OrganisationSettings.region_name": _("Länets namn, till exempel Västmanlands län."),
    "OrganisationSettings.phone": _("Telefonnummer i sidfoten."),
    "OrganisationSettings.email": _("E-postadress i sidfoten."),
    "OrganisationSettings.address": _("Postadress i sidfoten."),
    "OrganisationSettings.contact_hours": _("När telefonen är öppen, till exempel vardagar 8–16."),
    "NetworkOperator.name": _("Företagets eller föreningens namn."),
    "NetworkOperator.kind": _("Stadsnät ägs av kommunen, föreningar av de boende, övriga är företag."),
    "NetworkOperator.website": _("Deras webbplats, med https://."),
    "NetworkOperator.phone": _("Kundtjänst eller kontaktperson."),
    "NetworkOperator.email": _("Kundtjänst eller kontaktperson."),
    "BroadbandIndexPage.intro": _("Några meningar överst på bredbandssidan."),
    "BroadbandGuidePage.body": _("Guidens text. Använd steglista för det läsaren ska göra i ordning."),
    "BroadbandGuidePage.topics": _("Ämnen guiden handlar om, för sökningen."),
    "MunicipalityBroadbandPage.body": _("Mer om läget i kommunen. Siffror och nätägare visas automatiskt."),
    "MunicipalityBroadbandPage.contact_name": _(
        "Vem invånarna frågar om bredband, till exempel bredbandssamordnaren."
    ),
    "MunicipalityBroadbandPage.contact_phone": _("Telefonnummer till kontakten för bredband."),
    "MunicipalityBroadbandPage.contact_email": _("E-post till kontakten för bredband."),
    "PlannedExpansion.area": _("Område, by eller vägsträcka."),
    "PlannedExpansion.operator": _("Den som bygger, om det är bestämt."),
    "PlannedExpansion.expected_year": _("När det väntas vara klart, om det är känt."),
    "PlannedExpansion.status": _("Planerad, byggs eller klar."),
    "MobileCoverageReportPage.intro": _("Några meningar överst på formuläret."),
    "EService.name": _("E-tjänstens namn som invånarna känner igen det."),
    "EService.provider": _("Myndighet, region eller kommun som ger tjänsten."),
    "EService.description": _("En eller två meningar om vad man gör i tjänsten."),
    "EService.needs_eid": _("Kryssa i om man måste logga in med BankID eller annan e-legitimation."),
    "EService.topics": _("Ämnen, för sökningen och filtren."),
    "EService.life_events": _("Livshändelser tjänsten hör till."),
    "EServiceMunicipalLink.municipality": _("Kommunen som länken gäller."),
    "EServiceMunicipalLink.url": _("Adressen till kommunens egen e-tjänst, med https://."),
    "GuideIndexPage.intro": _("Några meningar överst på sidan med alla guider."),
    "LifeEventGuidePage.intro": _("Vem guiden är för och vad den hjälper till med."),
    "LifeEventGuidePage.life_event": _("Livshändelsen guiden handlar om."),
    "LifeEventGuidePage.steps": _("Stegen i den ordning läsaren gör dem."),
    "LifeEventGuidePage.body": _("Mer information efter stegen, till exempel vart man vänder sig för hjälp."),
    "LifeEventGuidePage.topics": _("Ämnen, för sökningen."),
    "LibraryPage.street_address": _("Gatuadress, till exempel Biskopsgatan 2."),
    "LibraryPage.postal_code": _("Postnummer, till exempel 722 15."),
    "LibraryPage.town": _("Orten där biblioteket ligger."),
    "LibraryPage.latitude": _("För kartan, till exempel 59,6099. Kan lämnas tom."),
    "LibraryPage.longitude": _("För kartan, till exempel 16,5448. Kan lämnas tom."),
    "LibraryPage.phone": _("Telefonnummer till biblioteket."),
    "LibraryPage.email": _("E-post till biblioteket."),
    "LibraryPage.body": _("Mer om biblioteket."),
    "HelpSessionPage.description": _("Vad man får hjälp med och vad man ska ta med sig."),
    "HelpSessionPage.audience": _("Vem tillfället främst är för."),
    "HelpSessionPage.place": _("Var i biblioteket, till exempel Studierummet, plan 2."),
    "HelpSessionPage.first_date": _("Det första datumet. Veckodagen bestämmer när det upprepas."),
    "HelpSessionPage.start_time": _("Till exempel 10:00."),
    "HelpSessionPage.end_time": _("Till exempel 12:00."),
    "HelpSessionPage.repeat": _("Hur ofta tillfället upprepas."),
    "HelpSessionPage.topics": _("Ämnen, för filtren och sökningen."),
    "SessionCancellation.date": _("Datumet som inte blir av."),
    "SessionCancellation.reason": _("Visas för besökarna, till exempel Biblioteket är stängt."),
    "HelpIndexPage.intro": _("Några meningar överst på sidan med alla tillfällen."),
}


def apply(models: list) -> None:
    for model in models:
        for field in model._meta.local_fields + list(model._meta.local_many_to_many):
            text = TEXTS.get(f"{model.__name__}.{field.name}")
            if text and not field.help_text:
                field.help_text = text
