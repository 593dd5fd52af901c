"""Occurrences of digital-help sessions, computed from each series' rule.

`recurrence_dates` is a pure function (unit-tested on its own, and against dateutil's rrule) whose
cost depends on the length of the window asked for, not on how far it lies from the series' first
date. `occurrence_list` reads a few columns of every live series in a fixed number of queries,
computes and orders the dates as integers, and builds full occurrences (series, library and
municipality pages, topics, seats left) only for those read: a listing of thousands shows twenty,
the start page five. Dates the public sends are bounded by `horizon()` first.
"""

import calendar
import datetime
import heapq
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone, translation
from wagtail.models import Page

from core.cache import remembered
from home.localization import active_locale, prefer_active_locale
from home.models import MunicipalityPage
from home.tree import below_paths, nearest_ancestor

STOCKHOLM_TZ = "Europe/Stockholm"
DEFAULT_WINDOW = datetime.timedelta(days=120)
MAX_WINDOW = datetime.timedelta(days=366)
FIRST_LOOK = datetime.timedelta(days=13)  # a listing of the next few occurrences looks here first


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


def recurrence_dates(
    first: datetime.date,
    repeat: str,
    until: datetime.date | None,
    start: datetime.date,
    end: datetime.date,
) -> list[datetime.date]:
    """Dates of a series between start and end (both inclusive).

    The same dates as dateutil's rrule (WEEKLY, WEEKLY interval 2, MONTHLY on the nth weekday of the
    series' first date, the last when it is the fifth; `tests/services/test_occurrences.py` compares
    them), by date arithmetic: a listing asks this of every series, and the rule objects cost more
    than the dates.
    """
    last = min(end, until) if until else end
    if last < start or last < first:
        return []
    if repeat == "once":
        return [first] if start <= first <= last else []
    begin = max(start, first)
    if repeat in ("weekly", "biweekly"):
        step = 7 if repeat == "weekly" else 14
        skip = -(-(begin - first).days // step)  # the first step on or after `begin`
        day, delta = first + datetime.timedelta(days=skip * step), datetime.timedelta(days=step)
        dates = []
        while day <= last:
            dates.append(day)
            day += delta
        return dates
    if repeat == "monthly":
        nth = (first.day - 1) // 7 + 1  # from the series' first date, wherever the window starts
        weekday = first.weekday()
        dates = []
        year, month = begin.year, begin.month
        while (year, month) <= (last.year, last.month):
            day = _nth_weekday(year, month, weekday, nth)
            if begin <= day <= last:
                dates.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return dates
    raise ValueError(f"unknown repeat rule {repeat!r}")


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> datetime.date:
    """The nth (1–4) `weekday` of a month; the last one when nth is 5."""
    if nth < 5:
        offset = (weekday - datetime.date(year, month, 1).weekday()) % 7
        return datetime.date(year, month, 1 + offset + 7 * (nth - 1))
    days = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, days - (datetime.date(year, month, days).weekday() - weekday) % 7)


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

    def fragment_key(self) -> tuple:
        """What the occurrence's card shows that no publish changes (site_tags.include_remembered):
        the series, the date, whether it is cancelled and why, and the seats left. Its titles, place,
        times, library, municipality and topics are pages and snippets: saving one replaces the
        `site` token."""
        return (self.session.pk, self.date, self.cancelled, self.cancel_reason, self.seats_left)


def occurrence_on(session, day: datetime.date, times: tuple | None = None) -> Occurrence:
    """One occurrence of a series (for a booking's calendar attachment), with its library; at
    `times` (start, end) when given, else at the series' own."""
    from services.models import LibraryPage

    library = LibraryPage.objects.filter(pk=session.get_parent().pk).first()
    cancellation = session.cancellations.filter(date=day).first()
    start, end = times or (session.start_time, session.end_time)
    return Occurrence(
        session=session,
        date=day,
        start=_aware(day, start),
        end=_aware(day, end),
        cancelled=cancellation is not None,
        cancel_reason=cancellation.reason if cancellation else "",
        library=library,
    )


def _aware(day: datetime.date, moment: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, moment, tzinfo=ZoneInfo(STOCKHOLM_TZ))


DAY = 86_400_000_000  # microseconds: an occurrence's order key counts them from the year 1


class _Series:
    """The columns of a series its dates, order and filters need (a full page costs more than its
    dates); the translation key and times as text, which costs less to read than UUIDs and times."""

    FIELDS = (
        "pk",
        "path",
        "key",
        "locale_id",
        "title",
        "first_date",
        "repeat",
        "until",
        "start",
        "end",
        "languages",
    )
    __slots__ = (*FIELDS, "translation_key", "library", "municipality", "library_at", "municipality_at")

    def __init__(self, row):
        (
            self.pk,
            self.path,
            self.key,
            self.locale_id,
            self.title,
            self.first_date,
            self.repeat,
            self.until,
        ) = row[:8]
        self.start, self.end, self.languages = row[8], row[9], row[10] if len(row) > 10 else None
        self.translation_key = self.key  # what prefer_active_locale groups by

    @staticmethod
    def columns() -> dict:
        text = models.CharField()
        return {
            name: Cast(field, text)
            for name, field in (("key", "translation_key"), ("start", "start_time"), ("end", "end_time"))
        }


class OccurrenceList(Sequence):
    """Occurrences in order, each built (with its series, library and topics as full objects) only
    when it is read: a listing pages through thousands and shows twenty.

    Each occurrence is known by one integer that sorts like (start, series title, series' place in
    the tree): its start in microseconds, the title's rank and the series' index. Reading a slice or
    iterating builds what it reads in a fixed number of queries.
    """

    def __init__(self, keys: list, series: list, titles: int, cancellations: dict):
        self._keys = keys
        self._series = series
        self._titles = titles
        self._cancellations = cancellations
        self._built: dict[int, Occurrence] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def __getitem__(self, index):
        if isinstance(index, slice):
            positions = range(*index.indices(len(self._keys)))
            self._build(positions)
            return [self._built[n] for n in positions]
        position = range(len(self._keys))[index]
        self._build([position])
        return self._built[position]

    def __iter__(self):
        return iter(self[:])

    def __eq__(self, other):
        return list(self) == list(other) if isinstance(other, (list, OccurrenceList)) else NotImplemented

    def _build(self, positions) -> None:
        from services.booking import seats_left_for
        from services.models import HelpSessionPage, LibraryPage

        todo = [n for n in positions if n not in self._built]
        if not todo:
            return
        count = len(self._series)
        found = []
        for n in todo:
            key = self._keys[n]
            series = self._series[key % count]
            found.append((n, series, datetime.date.fromordinal(key // count // self._titles // DAY)))
        sessions = _in_bulk(HelpSessionPage, {series.pk for _n, series, _day in found})
        libraries = _in_bulk(LibraryPage, {series.library for _n, series, _day in found})
        municipalities = _in_bulk(MunicipalityPage, {series.municipality for _n, series, _day in found})
        topics_of = _topics_of(HelpSessionPage, set(sessions))
        localized = _localized_topics(topics_of)
        built = []
        for n, series, day in found:
            session = sessions[series.pk]
            reason = self._cancellations.get(series.pk, {}).get(day)
            occurrence = Occurrence(
                session=session,
                date=day,
                start=_aware(day, session.start_time),
                end=_aware(day, session.end_time),
                cancelled=reason is not None,
                cancel_reason=reason or "",
                library=libraries.get(series.library),
                municipality=municipalities.get(series.municipality),
                topics=[localized.get(t.translation_key, t) for t in topics_of[series.pk]],
            )
            self._built[n] = occurrence
            built.append(occurrence)
        seats = seats_left_for(built)
        for occurrence in built:
            occurrence.seats_left = seats.get((occurrence.session.translation_key, occurrence.date))


def upcoming_occurrences(**filters) -> list[Occurrence]:
    """Occurrences from today (or `date_from`) in order of start; see `occurrence_list`."""
    return list(occurrence_list(**filters))


def occurrence_list(
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
) -> OccurrenceList:
    """Occurrences of the live, public series that pass the filters, in order of start (then title).

    The dates are computed from a few columns of every series; the series, libraries and topics
    shown are loaded as pages only for the occurrences read (`OccurrenceList`). A fixed number of
    queries however many series there are.
    """
    from services.models import HelpSessionPage, LibraryPage, SessionCancellation

    now = timezone.localtime()
    last = horizon()[1]
    date_from = min(date_from or now.date(), last)
    date_to = min(date_to or date_from + DEFAULT_WINDOW, date_from + MAX_WINDOW, last)

    libraries = remembered(("library-paths",), lambda: _paths(LibraryPage, "translation_key"))
    municipalities = remembered(("municipality-paths",), lambda: _paths(MunicipalityPage, "code"))

    def find_candidates() -> list:
        sessions = HelpSessionPage.objects.live().public()
        if session_key:
            sessions = sessions.filter(translation_key=session_key)
        places = []  # narrows only: every language of a series below them (its library is checked below)
        if library_key:
            places += [path for path, (_pk, key) in libraries.items() if key == library_key]
        if municipality_code:
            places += [path for path, (_pk, code) in municipalities.items() if code == municipality_code]
        if library_key or municipality_code:
            below = HelpSessionPage.objects.filter(below_paths(places)).values("translation_key")
            sessions = sessions.filter(translation_key__in=below)
        if audience:
            sessions = sessions.filter(audience=audience)
        if booking == "bokning":
            sessions = sessions.filter(booking_required=True)
        elif booking == "dropin":
            sessions = sessions.filter(booking_required=False)
        rows = sessions.order_by("path").annotate(**_Series.columns())
        rows = rows.values_list(*_Series.FIELDS[: len(_Series.FIELDS) - (0 if language else 1)])
        found = prefer_active_locale(_Series(row) for row in rows)
        for series in found:  # where a series is depends on the tree only: the same for every request
            series.library_at = nearest_ancestor(series.path, libraries, inclusive=False)
            series.municipality_at = nearest_ancestor(series.path, municipalities, inclusive=False)
            series.library = series.library_at[0] if series.library_at else None
            series.municipality = series.municipality_at[0] if series.municipality_at else None
        return found

    # Remembered per process and filter (core.cache.remembered) when every filter is one the site
    # knows; anything else a visitor sends is read each time (no memory filled with nonsense).
    codes = (code for _pk, code in municipalities.values())
    known_filters = (
        audience in (None, *HelpSessionPage.Audience.values)
        and booking in (None, "bokning", "dropin")
        and (municipality_code is None or municipality_code in codes)
    )
    key = ("series", session_key, library_key, municipality_code, audience, booking, bool(language))
    if known_filters:
        candidates = remembered((*key, translation.get_language()), find_candidates)
    else:
        candidates = find_candidates()

    with_topic = (
        set(HelpSessionPage.objects.filter(topics__slug=topic).values_list("pk", flat=True)) if topic else ()
    )
    chosen = []
    for series in candidates:
        library, municipality = series.library_at, series.municipality_at
        if library_key and (library is None or library[1] != library_key):
            continue
        if municipality_code and (municipality is None or municipality[1] != municipality_code):
            continue
        if topic and series.pk not in with_topic:
            continue
        if language and language not in (series.languages or []):
            continue
        chosen.append(series)

    cancellations: dict = {}
    if chosen:
        window = SessionCancellation.objects.filter(date__gte=date_from, date__lte=date_to)
        for session_pk, day, reason in window.values_list("session_id", "date", "reason"):
            cancellations.setdefault(session_pk, {})[day] = reason

    # Order key: start (microseconds), then the title's rank, then the series' index (the tree order).
    rank = {title: n for n, title in enumerate(sorted({series.title for series in chosen}))}
    count, titles = len(chosen) or 1, len(rank) or 1
    near = now.date() + datetime.timedelta(days=1)  # later dates end after now in any time zone

    def keys_until(last_day: datetime.date) -> list[int]:
        keys: list[int] = []
        for index, series in enumerate(chosen):
            dates = recurrence_dates(series.first_date, series.repeat, series.until, date_from, last_day)
            if not dates:
                continue
            start = datetime.time.fromisoformat(series.start)
            offset = ((start.hour * 60 + start.minute) * 60 + start.second) * 1_000_000 + start.microsecond
            tail = rank[series.title] * count + index
            cancelled = cancellations.get(series.pk, {})
            own = []
            for day in dates:
                if day <= near and _aware(day, datetime.time.fromisoformat(series.end)) < now:
                    continue
                if not include_cancelled and day in cancelled:
                    continue
                own.append(((day.toordinal() * DAY + offset) * titles) * count + tail)
                if limit and len(own) >= limit:  # a series' own dates come in order
                    break
            keys += own
        return keys

    if limit:
        # The first two weeks usually hold enough: every date in them comes before any later one.
        keys = keys_until(min(date_to, date_from + FIRST_LOOK))
        if len(keys) < limit and date_from + FIRST_LOOK < date_to:
            keys = keys_until(date_to)
        keys = heapq.nsmallest(limit, keys)
    else:
        keys = sorted(keys_until(date_to))
    return OccurrenceList(keys, chosen, titles, cancellations)


def _paths(model, field: str) -> dict:
    """Every live page of `model` by path: (pk, `field`)."""
    return {path: (pk, value) for pk, path, value in model.objects.live().values_list("pk", "path", field)}


REMEMBERED_PAGES = 5000  # per model and process; beyond it they are read again


def _in_bulk(model, pks: set) -> dict:
    """Pages of `model` by pk, remembered per process while the site token is unchanged: a page's
    fields change only when it is published."""
    pks = pks - {None}
    known = remembered(("pages", model.__name__), dict)
    found = {pk: known[pk] for pk in pks if pk in known}
    missing = pks - found.keys()
    if missing:
        read = model.objects.select_related("locale").in_bulk(missing)
        if len(known) > REMEMBERED_PAGES:
            known.clear()
        known.update(read)
        found.update(read)
    return found


def _topics_of(session_model, pks: set) -> dict:
    """Each series' topics by name (as `session.topics.all()`), remembered like the pages."""
    known = remembered(("session-topics",), dict)
    found = {pk: known[pk] for pk in pks if pk in known}
    missing = pks - found.keys()
    if missing:
        read = {pk: [] for pk in missing}
        links = session_model.topics.through.objects.filter(helpsessionpage_id__in=list(missing))
        for link in links.select_related("topic").order_by("topic__name"):
            read[link.helpsessionpage_id].append(link.topic)
        if len(known) > REMEMBERED_PAGES:
            known.clear()
        known.update(read)
        found.update(read)
    return found


def _localized_topics(topics_of: dict) -> dict:
    """Topics in the reader's language by translation key (one query, none when all are in it)."""
    from home.models import Topic

    locale = active_locale()
    if all(t.locale_id == locale.id for topics in topics_of.values() for t in topics):
        return {}
    in_locale = Topic.objects.filter(locale=locale)
    return remembered(("localized-topics", locale.pk), lambda: {t.translation_key: t for t in in_locale})
