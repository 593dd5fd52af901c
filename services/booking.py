"""Booking a seat, the waiting list and cancelling by a signed link: the rules in one place.

Capacity holds under concurrency: a booking first updates its occurrence's row (taking the row lock
on PostgreSQL, the write lock on SQLite), then counts the confirmed bookings and writes its own, all
in one transaction, so two people can never take the same last seat. Cancelling a confirmed seat
moves the first person on the waiting list up, in the same transaction, and tells them.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.cache import depends_on
from core.mail import send_later
from services.models import Booking, HelpSessionPage, SessionOccurrence
from services.occurrences import recurrence_dates

TOKEN_SALT = "envagin.booking.cancel"
TOKEN_MAX_AGE = 60 * 60 * 24 * 400


class BookingError(Exception):
    """Why a date cannot be booked, in words for the resident."""


@dataclass
class Availability:
    capacity: int
    confirmed: int
    waitlisted: int

    @property
    def seats_left(self) -> int:
        return max(0, self.capacity - self.confirmed)


def source_session(session: HelpSessionPage) -> HelpSessionPage:
    """Bookings belong to the series in the source language, whichever translation was used."""
    if session.locale.language_code == settings.LANGUAGE_CODE:
        return session
    source = HelpSessionPage.objects.filter(
        translation_key=session.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    return source or session


def check_bookable(session: HelpSessionPage, day: datetime.date) -> None:
    if not session.booking_required or not session.capacity:
        raise BookingError(_("Det här tillfället är drop-in och behöver inte bokas."))
    if day not in recurrence_dates(session.first_date, session.repeat, session.until, day, day):
        raise BookingError(_("Tillfället finns inte det datumet."))
    if session.cancellations.filter(date=day).exists():
        raise BookingError(_("Tillfället är inställt."))
    starts = datetime.datetime.combine(day, session.start_time, tzinfo=timezone.get_current_timezone())
    if starts <= timezone.now():
        raise BookingError(_("Tillfället har redan börjat."))


def availability(session: HelpSessionPage, day: datetime.date) -> Availability:
    counts = Booking.objects.filter(
        occurrence__session=source_session(session), occurrence__date=day
    ).aggregate(
        confirmed=Count("pk", filter=Q(status=Booking.Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Booking.Status.WAITLISTED)),
    )
    return Availability(session.capacity or 0, counts["confirmed"], counts["waitlisted"])


def seats_tag(translation_key) -> str:
    """The page-cache tag of a series' seats (every language's page of the series shows them)."""
    return f"help-session-seats:{translation_key}"


def cache_tags_for_booking(booking: Booking) -> list[str]:
    occurrence = SessionOccurrence.objects.filter(pk=booking.occurrence_id).select_related("session").first()
    return [seats_tag(occurrence.session.translation_key)] if occurrence else []


def seats_left_for(occurrences) -> dict[tuple, int]:
    """Seats left per (series translation key, date) for a list of occurrences, in one query."""
    keys = {occ.session.translation_key for occ in occurrences if occ.session.booking_required}
    if not keys:
        return {}
    depends_on(*(seats_tag(key) for key in sorted(keys)))  # a cached page showing them follows bookings
    dates = {occ.date for occ in occurrences}
    rows = (
        Booking.objects.filter(
            status=Booking.Status.CONFIRMED,
            occurrence__session__translation_key__in=keys,
            occurrence__date__in=dates,
        )
        .values("occurrence__session__translation_key", "occurrence__date")
        .annotate(n=Count("pk"))
    )
    taken = {(r["occurrence__session__translation_key"], r["occurrence__date"]): r["n"] for r in rows}
    return {
        (occ.session.translation_key, occ.date): max(
            0, (occ.session.capacity or 0) - taken.get((occ.session.translation_key, occ.date), 0)
        )
        for occ in occurrences
        if occ.session.booking_required
    }


def _lock(session: HelpSessionPage, day: datetime.date) -> SessionOccurrence:
    occurrence, _created = SessionOccurrence.objects.get_or_create(session=session, date=day)
    SessionOccurrence.objects.filter(pk=occurrence.pk).update(version=F("version") + 1)
    return SessionOccurrence.objects.select_for_update().get(pk=occurrence.pk)


def book(session: HelpSessionPage, day: datetime.date, **details) -> Booking:
    session = source_session(session)
    check_bookable(session, day)
    with transaction.atomic():
        occurrence = _lock(session, day)
        confirmed = occurrence.bookings.filter(status=Booking.Status.CONFIRMED).count()
        status = Booking.Status.CONFIRMED if confirmed < session.capacity else Booking.Status.WAITLISTED
        booking = Booking.objects.create(occurrence=occurrence, status=status, **details)
    transaction.on_commit(lambda: notify(booking, "booked"))
    return booking


def cancel(booking: Booking) -> Booking | None:
    """Cancel; returns the waiting person who got the seat, if any."""
    promoted = None
    with transaction.atomic():
        occurrence = _lock(booking.occurrence.session, booking.occurrence.date)
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.status == Booking.Status.CANCELLED:
            return None
        had_seat = booking.status == Booking.Status.CONFIRMED
        booking.status = Booking.Status.CANCELLED
        booking.cancelled_at = timezone.now()
        booking.save(update_fields=["status", "cancelled_at"])
        if had_seat:
            promoted = (
                occurrence.bookings.filter(status=Booking.Status.WAITLISTED)
                .order_by("created_at", "pk")
                .first()
            )
            if promoted:
                promoted.status = Booking.Status.CONFIRMED
                promoted.save(update_fields=["status"])
    if promoted:
        transaction.on_commit(lambda: notify(promoted, "promoted"))
    return promoted


def cancellation_token(booking: Booking) -> str:
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(str(booking.pk))


def booking_for_token(token: str) -> Booking:
    """The booking a link is for; raises signing.BadSignature for tampered or expired links."""
    pk = signing.TimestampSigner(salt=TOKEN_SALT).unsign(token, max_age=TOKEN_MAX_AGE)
    booking = Booking.objects.select_related("occurrence__session").filter(pk=int(pk)).first()
    if booking is None:
        raise signing.BadSignature("no such booking")
    return booking


def cancel_url(booking: Booking) -> str:
    """The link in the e-mail: the code rides in the fragment, which browsers never send, so it does
    not reach the server's or a proxy's access log; a small script on /avboka/ posts it, and without
    script the page asks for the code, which the e-mail also prints. (Links of the older form
    /avboka/<code>/ keep working.)"""
    return f"{reverse('booking_cancel_form')}#kod={cancellation_token(booking)}"


MESSAGES = {
    "booked": {
        Booking.Status.CONFIRMED: ("Din plats är bokad", "Du har en plats på {what} {when}."),
        Booking.Status.WAITLISTED: (
            "Du står på väntelistan",
            "Alla platser på {what} {when} är tagna. "
            "Du står på väntelistan och får ett mejl om en plats blir ledig.",
        ),
    },
    "promoted": {
        Booking.Status.CONFIRMED: (
            "Du har fått en plats",
            "En plats blev ledig: du har nu en plats på {what} {when}.",
        )
    },
}


def notify(booking: Booking, event: str) -> None:
    """E-mail the person (when they gave an address) with the cancellation link, through the queue."""
    if not booking.email:
        return
    subject, text = MESSAGES[event].get(booking.status, (None, None))
    if not subject:
        return
    session = booking.occurrence.session
    with translation.override(settings.LANGUAGE_CODE):
        when = f"{booking.occurrence.date:%Y-%m-%d} kl. {session.start_time:%H:%M}"
        body = (
            f"Hej {booking.name}!\n\n{text.format(what=session.title, when=when)}\n\n"
            f"Plats: {session.get_parent().title}{', ' + session.place if session.place else ''}\n\n"
            f"Kan du inte komma? Avboka här, så kan någon annan få platsen:\n"
            f"{settings.PUBLIC_URL}{cancel_url(booking)}\n\n"
            f"Om sidan ber om en avbokningskod, skriv in: {cancellation_token(booking)}\n"
        )
    send_later(subject, body, [booking.email], key=f"booking-{booking.pk}-{event}-{booking.status}")
