"""Open data for digital help: iCalendar and JSON of occurrences, GeoJSON of libraries, schema.org.

Filters (all optional): ?kommun=<kommunkod>, ?library=<library slug or id>, ?topic=<topic slug>; for
one occurrence ("add to calendar"): ?session=<id>&date=YYYY-MM-DD. Cancelled occurrences stay in
the calendar with STATUS:CANCELLED so that calendars that subscribed remove them.
?lang=en|ar gives the feed in that language (the pages of /en/ and /ar/ link to it so): the calendar's
name, and each series' translation where there is one; every text carries its LANGUAGE, so a series
shown in Swedish in the English feed says it is Swedish.
"""

import datetime
import functools
import json
import re
import uuid

import icalendar
from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext

from core.http import read_only
from core.links import public_url
from core.opendata import bad_request, in_requested_language, open_file, open_json
from home.localization import prefer_active_locale, written_in
from services.models import HelpSessionPage, LibraryPage
from services.occurrences import horizon, parse_date, upcoming_occurrences, within_horizon

FEED_DAYS = 180
ASCII_ID = re.compile(r"[0-9]{1,9}")
NO_SERIES = uuid.UUID(int=0)  # the translation key of no series: an id that finds none gives an empty feed


class BadFeedRequest(ValueError):
    """A query parameter the feed cannot use, in words for whoever sent it."""


def _strict_id(params, name: str) -> int | None:
    value = params.get(name, "").strip()
    if not value:
        return None
    if not ASCII_ID.fullmatch(value) or int(value) < 1:
        raise BadFeedRequest(
            gettext("%(name)s ska vara ett id: ett heltal från 1 (siffror 0–9).") % {"name": name}
        )
    return int(value)


def _occurrences(request):
    params = request.GET
    filters = {"date_to": timezone.localdate() + datetime.timedelta(days=FEED_DAYS)}
    code = params.get("kommun", "").strip()
    if code:
        filters["municipality_code"] = code if ASCII_ID.fullmatch(code) else "none"
    library = params.get("library", "").strip()[:255]
    if library:
        match = (
            LibraryPage.objects.filter(pk=int(library))
            if ASCII_ID.fullmatch(library)
            else LibraryPage.objects.filter(slug=library)
        )
        found = match.first()
        filters["library_key"] = found.translation_key if found else "none"
    topic = params.get("topic", "").strip()[:255]
    if topic:
        filters["topic"] = topic
    session = _strict_id(params, "session")
    if session is not None:
        page = HelpSessionPage.objects.filter(pk=session).first()
        filters["session_key"] = page.translation_key if page else NO_SERIES
    day_text = params.get("date", "").strip()
    if day_text:
        day = parse_date(day_text)
        if day is None:
            raise BadFeedRequest(gettext("date ska vara ett datum, ÅÅÅÅ-MM-DD."))
        if not within_horizon(day):
            first, last = horizon()
            raise BadFeedRequest(
                gettext("date ska ligga mellan %(first)s och %(last)s.")
                % {"first": first.isoformat(), "last": last.isoformat()}
            )
        filters.update(date_from=day, date_to=day)
    return upcoming_occurrences(**filters)


def _place(occ) -> str:
    library = occ.library
    parts = [library.title if library else "", occ.session.place]
    if library is not None:
        parts += [library.street_address, f"{library.postal_code} {library.town}".strip()]
    return ", ".join(part for part in parts if part)


# Seconds from this moment (1 January 2026) number the versions of an event (SEQUENCE).
SEQUENCE_EPOCH = 1767225600


def calendar_for(occurrences, absolute_url) -> bytes:
    """iCalendar for occurrences, in the active language: the feed, and the attachment of a booking's
    confirmation (built in the language the resident booked in).

    `absolute_url(path)` makes the session page's address absolute.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    name = gettext("Digital hjälp på biblioteken")
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//En väg in//Digital hjälp//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name, parameters={"LANGUAGE": language})  # RFC 7986
    calendar.add("x-wr-calname", name, parameters={"LANGUAGE": language})
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    stamp = timezone.now()
    for occ in occurrences:
        written = {"LANGUAGE": written_in(occ.session) or language}
        event = icalendar.Event()
        event.add("uid", occ.uid)
        event.add("dtstamp", stamp)
        # Later than any copy made before: a calendar that imported the event takes this one's time
        # and status (a new time, a cancelled date).
        event.add("sequence", int(stamp.timestamp()) - SEQUENCE_EPOCH)
        event.add("dtstart", occ.start)
        event.add("dtend", occ.end)
        event.add("summary", occ.session.title, parameters=written)
        event.add("location", _place(occ), parameters=written)
        event.add("description", strip_tags(occ.session.summary or ""), parameters=written)
        event.add("url", absolute_url(occ.session.url))
        event.add("status", "CANCELLED" if occ.cancelled else "CONFIRMED")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def occurrence_feed(view):
    """A feed view: the filters read (a bad one answers 400 in words), in the language asked for."""

    @read_only
    @in_requested_language
    @functools.wraps(view)
    def feed(request):
        try:
            occurrences = _occurrences(request)
        except BadFeedRequest as error:
            return bad_request(str(error))
        return view(request, occurrences)

    return feed


@occurrence_feed
def sessions_ics(request, occurrences):
    return open_file(
        calendar_for(occurrences, public_url),
        "text/calendar; charset=utf-8",
        "digital-hjalp.ics",
        attachment=False,
    )


@occurrence_feed
def sessions_json(request, occurrences):
    items = [
        {
            "id": occ.uid,
            "title": occ.session.title,
            "url": public_url(occ.session.url),
            "start": occ.start.isoformat(),
            "end": occ.end.isoformat(),
            "cancelled": occ.cancelled,
            "library": occ.library.title if occ.library else None,
            "kommunkod": occ.municipality.code if occ.municipality else None,
            "place": _place(occ),
            "topics": [t.slug for t in occ.topics],
            "languages": list(occ.session.languages or []),
            "audience": occ.session.audience,
            "booking_required": occ.session.booking_required,
            "seats_left": occ.seats_left,
        }
        for occ in occurrences
    ]
    return open_json({"sessions": items})


@read_only
@in_requested_language
def libraries_geojson(request):
    libraries = prefer_active_locale(
        LibraryPage.objects.live().exclude(latitude=None).exclude(longitude=None).select_related("locale")
    )
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(lib.longitude), float(lib.latitude)]},
            "properties": {
                "name": lib.title,
                "url": public_url(lib.url),
                "address": lib.street_address,
                "town": lib.town,
                "example": lib.is_example,
            },
        }
        for lib in libraries
    ]
    return open_json({"type": "FeatureCollection", "features": features}, content_type="application/geo+json")


def _address(library) -> dict:
    return {
        "@type": "PostalAddress",
        "streetAddress": library.street_address,
        "postalCode": library.postal_code,
        "addressLocality": library.town,
        "addressCountry": "SE",
    }


def session_json_ld(request, session, occurrences) -> str:
    library = session.get_parent().specific
    events = []
    for occ in occurrences:
        events.append(
            {
                "@context": "https://schema.org",
                "@type": "Event",
                "name": session.title,
                "description": strip_tags(session.summary or ""),
                "startDate": occ.start.isoformat(),
                "endDate": occ.end.isoformat(),
                "eventStatus": "https://schema.org/EventCancelled"
                if occ.cancelled
                else "https://schema.org/EventScheduled",
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                "isAccessibleForFree": True,
                "inLanguage": list(session.languages or []),
                "url": public_url(session.url),
                "location": {"@type": "Library", "name": library.title, "address": _address(library)},
                "organizer": {
                    "@type": "Library",
                    "name": library.title,
                    "url": public_url(library.url),
                },
            }
        )
    return _dump(events)


def library_json_ld(request, library) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "Library",
        "name": library.title,
        "url": public_url(library.url),
        "address": _address(library),
        "openingHours": library.opening_hours_lines,
    }
    if library.phone:
        data["telephone"] = library.phone
    if library.email:
        data["email"] = library.email
    if library.latitude is not None and library.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(library.latitude),
            "longitude": float(library.longitude),
        }
    return _dump(data)


def _dump(data) -> str:
    """JSON safe inside a <script> element."""
    return (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
