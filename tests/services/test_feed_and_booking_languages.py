"""Content shown inside translated sentences is marked with its own language, and the calendars speak the
reader's language: the cancel page, the iCalendar feed of /en/ and /ar/ and the booking mail's .ics."""

import datetime

import icalendar
import pytest
from django.template import Context, Template
from django.utils import translation

from services import booking as bookings
from services.mail import build_message
from services.models import BookingMessage, HelpSessionPage
from services.occurrences import upcoming_occurrences

pytestmark = pytest.mark.django_db
CALENDAR_NAMES = {
    "sv": "Digital hjälp på biblioteken",
    "en": "Digital help at the libraries",
    "ar": "المساعدة الرقمية في المكتبات",
}


def _session(code: str, *, translated: bool) -> HelpSessionPage:
    """A series with booking in the language: an alias (Swedish text), or a translation (the demo's
    translated series are drop-in, so the test makes it bookable, in its transaction)."""
    sessions = HelpSessionPage.objects.live().filter(locale__language_code=code)
    if not translated:
        return sessions.filter(alias_of__isnull=False, booking_required=True).order_by("path").first()
    session = sessions.filter(alias_of__isnull=True).order_by("path").first()
    HelpSessionPage.objects.filter(translation_key=session.translation_key).update(
        booking_required=True, capacity=10
    )
    session.refresh_from_db()
    return session


def _book(session: HelpSessionPage, language: str):
    today = datetime.date.today()
    occurrence = next(
        o
        for o in upcoming_occurrences(session_key=session.translation_key)
        if not o.cancelled and o.date > today
    )
    return bookings.book(session, occurrence.date, language=language, name="Greta", email="greta@example.se")


def test_marked_wraps_content_of_another_language_and_escapes_the_rest(demo):
    alias = _session("en", translated=False)
    translated = _session("en", translated=True)
    template = Template("{% load site_tags %}{% marked page %}|{% marked page text as x %}{{ x }}")
    with translation.override("en"):
        assert template.render(Context({"page": alias, "text": "<b>"})) == (
            f'<span lang="sv">{alias.title}</span>|<span lang="sv">&lt;b&gt;</span>'
        )
        assert (
            template.render(Context({"page": translated, "text": "<b>"})) == f"{translated.title}|&lt;b&gt;"
        )
    with translation.override("sv"):
        source = HelpSessionPage.objects.get(pk=alias.alias_of_id)
        assert template.render(Context({"page": source, "text": "<b>"})) == f"{source.title}|&lt;b&gt;"


@pytest.mark.parametrize("translated", [False, True])
def test_cancel_page_names_the_series_in_the_reader_language_or_marks_it(client, demo, translated):
    session = _session("en", translated=translated)
    booking = _book(session, "en")
    code = bookings.cancellation_token(booking)
    html = client.post("/en/avboka/", {"kod": code}).content.decode()
    if translated:
        assert f"Do you want to cancel {session.title} " in html
    else:
        assert f'Do you want to cancel <span lang="sv">{session.title}</span> ' in html


@pytest.mark.parametrize("code", ["sv", "en", "ar"])
def test_the_calendar_feed_is_in_the_language_asked_for(client, demo, code):
    calendar = icalendar.Calendar.from_ical(client.get("/api/sessions.ics", {"lang": code}).content)
    assert str(calendar["x-wr-calname"]) == CALENDAR_NAMES[code]
    assert calendar["x-wr-calname"].params["LANGUAGE"] == code
    assert str(calendar["name"]) == CALENDAR_NAMES[code]
    events = calendar.walk("VEVENT")
    titles = {p.title: p for p in HelpSessionPage.objects.live().filter(locale__language_code=code)}
    for event in events:
        page = titles[str(event["summary"])]  # each series in the language asked for (or its alias)
        written = "sv" if page.alias_of_id else code
        assert event["summary"].params["LANGUAGE"] == written
        assert event["description"].params["LANGUAGE"] == written
    assert any(e["summary"].params["LANGUAGE"] == code for e in events)


def test_a_language_nobody_offers_is_a_bad_request_that_names_the_languages(client, demo):
    """Not a quiet Swedish calendar that a subscriber would take for the language it asked for."""
    response = client.get("/api/sessions.ics", {"lang": "xx"})
    assert response.status_code == 400
    assert "sv, en, ar" in response.content.decode()
    assert (
        str(icalendar.Calendar.from_ical(client.get("/api/sessions.ics").content)["x-wr-calname"])
        == (CALENDAR_NAMES["sv"])
    )


def test_listing_pages_link_to_the_feed_in_their_language(client, demo):
    html = client.get("/en/digital-hjalp/?kommun=1980").content.decode()
    assert 'href="/api/sessions.ics?kommun=1980&amp;lang=en"' in html
    assert "/api/sessions.ics?session=" in html and "&amp;lang=en" in html
    html = client.get("/digital-hjalp/?kommun=1980").content.decode()
    assert 'href="/api/sessions.ics?kommun=1980"' in html


def test_the_booking_mail_calendar_is_in_the_booker_language(demo):
    booking = _book(_session("ar", translated=True), "ar")
    message = BookingMessage.objects.get(booking=booking, kind=BookingMessage.Kind.BOOKED)
    email = build_message(message)
    attachment = next(a for a in email.attachments if a[0].endswith(".ics"))
    calendar = icalendar.Calendar.from_ical(attachment[1])
    assert str(calendar["x-wr-calname"]) == CALENDAR_NAMES["ar"]
    event = calendar.walk("VEVENT")[0]
    assert event["summary"].params["LANGUAGE"] == "ar"
    assert email.extra_headers["Content-Language"] == "ar"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("sv", "ska vara ett id"), ("en", "must be an id"), ("ar", "رقمًا تعريفيًا")],
)
def test_a_feed_parameter_it_cannot_use_is_explained_in_the_language_asked_for(
    client, demo, language, expected
):
    for path in ("/api/sessions.json", "/api/sessions.ics"):
        response = client.get(path, {"session": "abc", "lang": language})
        assert response.status_code == 400
        assert expected in response.content.decode()
    dated = client.get("/api/sessions.json", {"date": "9999-12-01", "lang": language})
    assert dated.status_code == 400
    assert "9999" not in dated.content.decode()


@pytest.mark.parametrize("translated", [True, False], ids=["translation", "alias"])
def test_a_booking_address_with_another_languages_id_leads_to_the_readers_language(client, demo, translated):
    """A language switch keeps the page id of the booking address: /en/boka/<the Swedish id>/ is
    read as the English page of the same series, so its links and its language switch stay English."""
    english = _session("en", translated=translated)
    swedish = HelpSessionPage.objects.get(translation_key=english.translation_key, locale__language_code="sv")
    day = next(
        o.date
        for o in upcoming_occurrences(session_key=english.translation_key)
        if not o.cancelled and o.date > datetime.date.today()
    )
    response = client.get(f"/en/boka/{swedish.pk}/{day.isoformat()}/")
    assert response.status_code == 302 and response["Location"] == f"/en/boka/{english.pk}/{day.isoformat()}/"
    response = client.get(f"/boka/{english.pk}/{day.isoformat()}/")
    assert response.status_code == 302 and response["Location"] == f"/boka/{swedish.pk}/{day.isoformat()}/"
    page = client.get(f"/en/boka/{english.pk}/{day.isoformat()}/").content.decode()
    # The language switch names each language's own page of the series: no redirect needed.
    assert f'href="{english.url}"' in page and f'href="/boka/{swedish.pk}/{day.isoformat()}/"' in page
