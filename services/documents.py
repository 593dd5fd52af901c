"""What services/ contributes to the search index (see search/registry.py)."""

import datetime
from collections.abc import Collection

from django.conf import settings
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from search.registry import DocumentType, register_page, register_page_part, register_snippet
from services.booking import source_session
from services.models import (
    LANGUAGE_LABELS,
    EService,
    GuideIndexPage,
    HelpSessionPage,
    LibraryPage,
    LifeEventGuidePage,
    SessionCancellation,
)
from services.occurrences import recurrence_dates

LIBRARY = DocumentType("library", _("Bibliotek"), weight=1.3)
HELP_SESSION = DocumentType("help_session", _("Digital hjälp"), weight=1.0)
LIFE_EVENT_GUIDE = DocumentType("life_event_guide", _("Guide"), weight=1.6)
E_SERVICE = DocumentType("e_service", _("E-tjänst"), weight=1.3)
# Words people search for when they look for a library or a session, in every language of the site:
# a Swedish page not translated yet is also found in the English and Arabic indexes, where "computer
# help" and "mailbox course" found no Swedish words. Translators extend them in the .po files.
LIBRARY_KEYWORDS = _("bibliotek digital hjälp dator wifi")
# ... and a session's, in the languages other than its own (`session_fields`): a reader calls a
# drop-in a class and a course a session. Not "booking" or "appointment": residents book the doctor
# ("حجز موعد طبيب" is 1177's); not "drop-in" in English, which is also the Swedish word ("dropin
# hjälp mobilen" found the courses), and a drop-in says so in its own words.
SESSION_KEYWORDS = _("kurs drop-in träff workshop lektion lära sig")
# A session's weekdays are read from this many of its coming dates (cancelled dates aside; none for
# a session that is over).
WEEKS_OF_WEEKDAYS = 8
# The part of the day a session starts in, as residents ask for it ("bankidhjälp på förmiddagen",
# "tuesday morning bankid"): before noon, before five, later; in the weekdays' languages.
PARTS_OF_DAY = ((12, _("förmiddag")), (17, _("eftermiddag")), (24, _("kväll")))
# The languages whose weekday names are words of a session's document. Not Arabic: its light
# stemmer makes Friday ("الجمعة") the stem of "جمعية" (an association, as in fibre associations),
# Monday ("الاثنين") that of "two", and Sunday ("الأحد") that of "someone".
WEEKDAY_LANGUAGES = ("sv", "en")


@register_page(LibraryPage, LIBRARY)
def library_fields(page, ctx):
    places = " ".join(
        filter(None, [ctx.municipality_for(page).name if ctx.municipality_for(page) else "", page.town])
    )
    keywords = in_every_language(LIBRARY_KEYWORDS)
    with translation.override(page.locale.language_code):
        if page.opening_hours:  # "when does the library open": the hours, under their label
            keywords += f" {LibraryPage._meta.get_field('opening_hours').verbose_name} {page.opening_hours}"
    return {"places": places, "topic_names": keywords}


def in_every_language(text, but: Collection[str] = ()) -> str:
    """A translatable text in each language of the site (but those of `but`), each once."""
    translated = []
    for code, _name in settings.LANGUAGES:
        if code not in but:
            with translation.override(code):
                translated.append(str(text))
    return " ".join(dict.fromkeys(translated))


# A session with a date cancelled in the coming days has these words, in every language ("är bankid
# inställt", "is the bankid session cancelled this week"), until it is next indexed after that date.
CANCELLED_KEYWORDS = _("inställt inställd")
CANCELLED_WITHIN_DAYS = 14


@register_page_part(SessionCancellation)
def cancelled_session(cancellation) -> list[int]:
    """A date cancelled or restored: the series' pages in every language."""
    try:
        session = cancellation.session
    except HelpSessionPage.DoesNotExist:  # the series itself is being deleted
        return []
    return list(session.get_translations(inclusive=True).values_list("pk", flat=True))


@register_page(HelpSessionPage, HELP_SESSION)
def session_fields(page, ctx):
    today = timezone.localdate()
    # A series' cancellations are kept on its source-language page, whichever translation is indexed.
    cancelled = {c.date for c in source_session(page).cancellations.all()}
    dates = [
        d
        for d in recurrence_dates(
            page.first_date, page.repeat, page.until, today, today + datetime.timedelta(days=366)
        )
        if d not in cancelled
    ]
    last = page.until or (page.first_date if page.repeat == "once" else None)
    language = page.locale.language_code
    fields = ctx.topic_fields(page.topics.all(), language)
    # Whom the session is for and the languages it is given in are words residents search by
    # ("seniorer", "på somaliska"): indexed as text beside the topics, in every language of the site,
    # since a Swedish session not translated yet is also found in the English and Arabic indexes
    # ("Somali", "الصومالية").
    # So are the days it is held on ("bankid hjälp lördag", "drop in tuesday"): the weekdays of its
    # coming dates.
    weekdays = sorted({day.weekday() for day in dates[:WEEKS_OF_WEEKDAYS]})
    words = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            if page.audience != page.Audience.EVERYONE:
                words.append(str(page.get_audience_display()))
            words += [str(LANGUAGE_LABELS.get(spoken, "")) for spoken in page.languages or []]
            if code in WEEKDAY_LANGUAGES:
                words += [str(WEEKDAYS[day]) for day in weekdays]
                words.append(
                    str(next(label for until, label in PARTS_OF_DAY if page.start_time.hour < until))
                )
    if any(today <= day <= today + datetime.timedelta(days=CANCELLED_WITHIN_DAYS) for day in cancelled):
        words.append(in_every_language(CANCELLED_KEYWORDS))
    # In the other languages only: in its own, a session says what it is in its own words, and
    # "kurs" on a session that does not call itself one made "datorkurs på dagtid" find "boka tid".
    # (A translated page is in its own language's index only: nor in the source language.)
    words.append(in_every_language(SESSION_KEYWORDS, but={language, settings.LANGUAGE_CODE}))
    fields["topic_names"] = " ".join([fields["topic_names"], *dict.fromkeys(words)]).strip()
    fields.update(
        {
            "audience": page.audience,
            "next_occurrence": dates[0] if dates else None,
            "last_occurrence": last,
            "session_languages": list(page.languages or []),
        }
    )
    return fields


@register_page(LifeEventGuidePage, LIFE_EVENT_GUIDE)
def guide_fields(page, ctx):
    fields = ctx.topic_fields(page.topics.all(), page.locale.language_code)
    if page.life_event:
        fields["life_events"] = [page.life_event.slug]
        fields["topic_names"] += f" {page.life_event.name}"
    return fields


@register_snippet(EService, E_SERVICE)
def eservice_documents(service, ctx):
    language = service.locale.language_code
    guide_index = (
        GuideIndexPage.objects.live().filter(locale=service.locale).first()
        or GuideIndexPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )
    fields = ctx.topic_fields(service.topics.all(), language)
    links = service.municipal_links.select_related("municipality")  # one query, not one per link
    # A municipal e-service belongs to each municipality that links its own: a place in the query
    # ("bygglov <kommun>") prefers it and the municipality filter keeps it. A national one is regional.
    linked = {} if service.national_url else {link.municipality.code: link.municipality for link in links}
    linked = [linked[code] for code in sorted(linked)]
    return [
        (
            language,
            {
                "title": service.name,
                "summary": service.description,
                "body": f"{service.provider} {' '.join(e.name for e in service.life_events.all())}",
                # A municipal e-service has no one address: its section of the guide index, where
                # each municipality's own link stands.
                "url": service.national_url
                or (f"{guide_index.get_url()}#e-tjanst-{service.translation_key}" if guide_index else ""),
                "type": E_SERVICE.name,
                "municipalities": [m.code for m in linked] or ["region"],
                "localities": [],
                "places": " ".join(m.name for m in linked),
                "life_events": [e.slug for e in service.life_events.all()],
                "language": language,
                "last_published": None,
                "title_suggest": service.name,
                **fields,
            },
        )
    ]
