"""Occurrences of digital-help sessions, computed from each series' rule.

`recurrence_dates` is a pure function (unit-tested on its own) whose cost depends on the length of
the window asked for, not on how far it lies from the series' first date: the rule starts at the
first date on or before the window that fits it. `upcoming_occurrences` gathers the series, their
libraries and municipalities in a fixed number of queries however many there are, so listings
stay fast as libraries are added. Dates the public sends are bounded by `horizon()` first.
"""

import datetime
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from home.localization import active_locale, prefer_active_locale
from home.models import MunicipalityPage, Topic
from home.tree import nearest_ancestor

STOCKHOLM_TZ = "Europe/Stockholm"
DEFAULT_WINDOW = datetime.timedelta(days=120)
MAX_WINDOW = datetime.timedelta(days=366)


def horizon() -> tuple[datetime.date, datetime.date]:
    """The dates the public may ask about: yesterday to BOOKING_HORIZON_DAYS ahead (inclusive)."""
    today = timezone.localdate()
    return today - datetime.timedelta(days=1), today + datetime.timedelta(days=settings.BOOKING_HORIZON_DAYS)


ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_date(text: str) -> datetime.date | None:
    """A date the public sent, strictly YYYY-MM-DD in ASCII digits; None when it is not one."""
    if not ISO_DATE.fullmatch(text or ""):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def within_horizon(day: datetime.date) -> bool:
    first, last = horizon()
    return first <= day <= last


def _rule_start(first: datetime.date, repeat: str, start: datetime.date) -> datetime.date:
    """The latest date on or before `start` (and not before `first`) from which the rule runs the same."""
    if start <= first:
        return first
    if repeat in ("weekly", "biweekly"):
        step = 7 if repeat == "weekly" else 14
        return first + datetime.timedelta(days=(start - first).days // step * step)
    if repeat == "monthly":
        return start.replace(day=1) if start.replace(day=1) > first else first
    return first


def recurrence_dates(
    first: datetime.date,
    repeat: str,
    until: datetime.date | None,
    start: datetime.date,
    end: datetime.date,
) -> list[datetime.date]:
    """Dates of a series between start and end (both inclusive)."""
    last = min(end, until) if until else end
    if last < start or last < first:
        return []
    if repeat == "once":
        return [first] if start <= first <= last else []
    dtstart = datetime.datetime.combine(_rule_start(first, repeat, start), datetime.time())
    options = {"dtstart": dtstart, "until": datetime.datetime.combine(last, datetime.time())}
    if repeat == "weekly":
        rule = rrule.rrule(rrule.WEEKLY, interval=1, **options)
    elif repeat == "biweekly":
        rule = rrule.rrule(rrule.WEEKLY, interval=2, **options)
    elif repeat == "monthly":
        nth = (first.day - 1) // 7 + 1  # from the series' first date, wherever the rule starts
        weekday = rrule.weekday(first.weekday())
        rule = rrule.rrule(rrule.MONTHLY, byweekday=weekday(nth if nth < 5 else -1), **options)
    else:
        raise ValueError(f"unknown repeat rule {repeat!r}")
    begin = datetime.datetime.combine(max(start, first), datetime.time())
    return [moment.date() for moment in rule.between(begin, options["until"], inc=True)]


@dataclass
class Occurrence:
    session: Page
    date: datetime.date
    start: datetime.datetime
    end: datetime.datetime
    cancelled: bool = False
    cancel_reason: str = ""
    library: Page | None = None
    municipality: Page | None = None
    topics: list = field(default_factory=list)
    seats_left: int | None = None

    @property
    def uid(self) -> str:
        """Stable across edits and languages: the series' translation key and the date."""
        return f"{self.session.translation_key}-{self.date:%Y%m%d}@envagin"


def occurrence_on(session, day: datetime.date) -> Occurrence:
    """One occurrence of a series (for a booking's calendar attachment), with its library."""
    from services.models import LibraryPage

    library = LibraryPage.objects.filter(pk=session.get_parent().pk).first()
    cancellation = session.cancellations.filter(date=day).first()
    return Occurrence(
        session=session,
        date=day,
        start=_aware(day, session.start_time),
        end=_aware(day, session.end_time),
        cancelled=cancellation is not None,
        cancel_reason=cancellation.reason if cancellation else "",
        library=library,
    )


def _aware(day: datetime.date, moment: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, moment, tzinfo=ZoneInfo(STOCKHOLM_TZ))


def upcoming_occurrences(
    *,
    municipality_code: str | None = None,
    library_key=None,
    session_key=None,
    topic: str | None = None,
    language: str | None = None,
    audience: str | None = None,
    booking: str | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    include_cancelled: bool = True,
    limit: int | None = None,
) -> list[Occurrence]:
    from services.models import HelpSessionPage, LibraryPage

    now = timezone.localtime()
    last = horizon()[1]
    date_from = min(date_from or now.date(), last)
    date_to = min(date_to or date_from + DEFAULT_WINDOW, date_from + MAX_WINDOW, last)

    sessions = (
        HelpSessionPage.objects.live()
        .public()
        .select_related("locale")
        .prefetch_related("cancellations", "topics")
    )
    if session_key:
        sessions = sessions.filter(translation_key=session_key)
    if audience:
        sessions = sessions.filter(audience=audience)
    if booking == "bokning":
        sessions = sessions.filter(booking_required=True)
    elif booking == "dropin":
        sessions = sessions.filter(booking_required=False)
    sessions = prefer_active_locale(sessions.order_by("path"))

    libraries = {lib.path: lib for lib in LibraryPage.objects.live().select_related("locale")}
    municipalities = {m.path: m for m in MunicipalityPage.objects.live().select_related("locale")}
    localized_topics = _localized_topics(Topic)

    result: list[Occurrence] = []
    for session in sessions:
        library = nearest_ancestor(session.path, libraries, inclusive=False)
        municipality = nearest_ancestor(session.path, municipalities, inclusive=False)
        if library_key and (library is None or library.translation_key != library_key):
            continue
        if municipality_code and (municipality is None or municipality.code != municipality_code):
            continue
        topic_objects = list(session.topics.all())
        if topic and topic not in {t.slug for t in topic_objects}:
            continue
        if language and language not in (session.languages or []):
            continue
        cancelled = {c.date: c.reason for c in session.cancellations.all()}
        shown_topics = [localized_topics.get(t.translation_key, t) for t in topic_objects]
        for day in session.occurrence_dates(date_from, date_to):
            start = _aware(day, session.start_time)
            end = _aware(day, session.end_time)
            if end < now:
                continue
            is_cancelled = day in cancelled
            if is_cancelled and not include_cancelled:
                continue
            result.append(
                Occurrence(
                    session=session,
                    date=day,
                    start=start,
                    end=end,
                    cancelled=is_cancelled,
                    cancel_reason=cancelled.get(day, ""),
                    library=library,
                    municipality=municipality,
                    topics=shown_topics,
                )
            )
    result.sort(key=lambda occ: (occ.start, occ.session.title))
    result = result[:limit] if limit else result
    from services.booking import seats_left_for

    seats = seats_left_for(result)
    for occ in result:
        occ.seats_left = seats.get((occ.session.translation_key, occ.date))
    return result


def _localized_topics(topic_model) -> dict:
    locale = active_locale()
    return {t.translation_key: t for t in topic_model.objects.filter(locale=locale)}
