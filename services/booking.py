"""Booking a seat, the waiting list and cancelling by a signed link: the rules in one place.

Every change to seats – booking, cancelling (by the resident or by staff), cancelling a whole date,
moving someone up, a changed capacity – goes through `_locked`: it takes the occurrence's lock
(the row lock on PostgreSQL, the database write lock on SQLite), re-checks what may have changed
since the form was shown, makes the change and then `_rebalance`s, all in one transaction:

- confirmed bookings never exceed the capacity (when it is lowered, the latest bookers go back to
  the top of the waiting list, in booking order, and are told);
- free seats go to the waiting list in booking order (also when the capacity is raised), never
  after the session has started and never on a cancelled date;
- each person is told exactly once per change: the message is written to the outbox
  (`BookingMessage`) in the same transaction and sent after the commit (services/mail.py).
"""

import datetime
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from core.cache import depends_on
from core.forms import western_digits
from services.contacts import normalise_email, phone_key
from services.models import (
    Booking,
    BookingMessage,
    ContactLock,
    HelpSessionPage,
    SessionCancellation,
    SessionOccurrence,
)
from services.occurrences import horizon

TOKEN_SALT = "envagin.booking.cancel"
TOKEN_MAX_AGE = 60 * 60 * 24 * 400

Status = Booking.Status
Kind = BookingMessage.Kind


class BookingError(Exception):
    """Why a date cannot be booked, in words for the resident."""


class BookingLimitError(BookingError):
    """The contact already has as many bookings as one person may have."""


@dataclass
class Availability:
    capacity: int
    confirmed: int
    waitlisted: int

    @property
    def seats_left(self) -> int:
        return max(0, self.capacity - self.confirmed)


# --- dates ------------------------------------------------------------------------------------


def source_session(session: HelpSessionPage) -> HelpSessionPage:
    """Bookings belong to the series in the source language, whichever translation was used."""
    if session.locale.language_code == settings.LANGUAGE_CODE:
        return session
    source = HelpSessionPage.objects.filter(
        translation_key=session.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    return source or session


def _now() -> datetime.datetime:
    return timezone.now()


def starts_at(session: HelpSessionPage, day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, session.start_time, tzinfo=timezone.get_current_timezone())


def has_started(session: HelpSessionPage, day: datetime.date) -> bool:
    return starts_at(session, day) <= _now()


def check_bookable(session: HelpSessionPage, day: datetime.date) -> None:
    if not session.booking_required or not session.capacity:
        raise BookingError(_("Det här tillfället är drop-in och behöver inte bokas."))
    first, last = horizon()
    if day < timezone.localdate():
        raise BookingError(_("Det datumet har redan varit."))
    if not first <= day <= last:
        raise BookingError(
            _("Det går att boka högst %(days)s dagar framåt.") % {"days": settings.BOOKING_HORIZON_DAYS}
        )
    if day not in session.occurrence_dates(day, day):
        raise BookingError(_("Tillfället finns inte det datumet."))
    if session.cancellations.filter(date=day).exists():
        raise BookingError(_("Tillfället är inställt."))
    if has_started(session, day):
        raise BookingError(_("Tillfället har redan börjat."))


def availability(session: HelpSessionPage, day: datetime.date) -> Availability:
    counts = Booking.objects.filter(
        occurrence__session=source_session(session), occurrence__date=day
    ).aggregate(
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Status.WAITLISTED)),
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
            status=Status.CONFIRMED,
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


# --- the one locked path ----------------------------------------------------------------------


def _lock(session: HelpSessionPage, day: datetime.date) -> SessionOccurrence:
    """Inside a transaction: the occurrence's row, locked until the transaction ends."""
    occurrence, _created = SessionOccurrence.objects.get_or_create(
        session=session, date=day, defaults={"start_time": session.start_time, "end_time": session.end_time}
    )
    SessionOccurrence.objects.filter(pk=occurrence.pk).update(version=F("version") + 1)
    return SessionOccurrence.objects.select_for_update().select_related("session").get(pk=occurrence.pk)


def _lock_contacts(*keys: str) -> None:
    """Inside a transaction: the lock rows of these contacts, so that two bookings by one contact on
    different dates or series (which lock different occurrences) check the per-contact limits one
    after the other. Always taken after the occurrence's lock and in bucket order, so two bookings
    never wait for each other crosswise."""
    buckets = sorted(
        {
            int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big") % ContactLock.BUCKETS
            for key in keys
            if key
        }
    )
    if not buckets:
        return
    ContactLock.objects.bulk_create([ContactLock(bucket=b) for b in buckets], ignore_conflicts=True)
    list(ContactLock.objects.select_for_update().filter(bucket__in=buckets).order_by("bucket"))


# Changes someone without e-mail must hear of from staff, by phone (a booking or a waiting-list
# place they saw on the receipt; a reminder is only a courtesy).
CALL_KINDS = {Kind.PROMOTED, Kind.DEMOTED, Kind.CANCELLED, Kind.DATE_CANCELLED, Kind.TIME_CHANGED}


def _tell(booking: Booking, kind: str, reason: str = "") -> None:
    """Write the message in the current transaction; it is sent after the commit. Someone who gave
    no e-mail is marked for staff to phone instead (`Booking.call_about`)."""
    if not booking.email:
        # A new time does not replace a call still to be made about the seat (the call gives the time).
        if kind in CALL_KINDS and not (kind == Kind.TIME_CHANGED and booking.call_about):
            booking.call_about = kind
            booking.save(update_fields=["call_about"])
        return
    message = BookingMessage.objects.create(booking=booking, kind=kind, reason=reason[:200])
    transaction.on_commit(lambda: _send_after_commit(message.pk))


def _send_after_commit(message_id: int) -> None:
    """Hand the message to the task worker (never sent inside the web request); the scheduled
    `send_booking_mail` job retries what could not be sent."""
    from services.tasks import deliver_booking_message

    deliver_booking_message.enqueue(message_id)


def _set_status(booking: Booking, status: str) -> None:
    booking.status = status
    fields = ["status"]
    if status == Status.CANCELLED:
        booking.cancelled_at = timezone.now()
        fields.append("cancelled_at")
    booking.save(update_fields=fields)


def _rebalance(occurrence: SessionOccurrence) -> list[Booking]:
    """Under the lock: confirmed ≤ capacity, free seats to the waiting list in order. Returns who moved."""
    session = occurrence.session
    if has_started(session, occurrence.date):
        return []
    capacity = (session.capacity or 0) if session.booking_required else 0
    confirmed = list(occurrence.bookings.filter(status=Status.CONFIRMED).order_by("created_at", "pk"))
    moved = []
    if len(confirmed) > capacity:
        for booking in confirmed[capacity:]:
            _set_status(booking, Status.WAITLISTED)
            _tell(booking, Kind.DEMOTED)
            moved.append(booking)
        return moved
    free = capacity - len(confirmed)
    if free <= 0 or SessionCancellation.objects.filter(session=session, date=occurrence.date).exists():
        return moved
    waiting = occurrence.bookings.filter(status=Status.WAITLISTED).order_by("created_at", "pk")[:free]
    for booking in waiting:
        _set_status(booking, Status.CONFIRMED)
        _tell(booking, Kind.PROMOTED)
        moved.append(booking)
    return moved


def _check_limits(session: HelpSessionPage, day: datetime.date, email: str, phone: str) -> None:
    """Fair booking: one contact cannot take every seat (checked under the occurrence's lock and the
    contact's, see _lock_contacts)."""
    who = Q(pk__in=[])
    if email:
        who |= Q(email_key=email)
    if phone:
        who |= Q(phone_key=phone)
    active = Booking.objects.filter(who).exclude(status=Status.CANCELLED)
    if active.filter(occurrence__session=session, occurrence__date=day).exists():
        raise BookingLimitError(_("Du har redan en bokning det här tillfället."))
    per_date = settings.BOOKING_LIMIT_PER_DATE
    if active.filter(occurrence__date=day).count() >= per_date:
        raise BookingLimitError(
            ngettext(
                "Du kan ha högst %(n)s bokning samma dag.",
                "Du kan ha högst %(n)s bokningar samma dag.",
                per_date,
            )
            % {"n": per_date}
        )
    period = datetime.timedelta(days=settings.BOOKING_LIMIT_PERIOD_DAYS - 1)
    per_series = settings.BOOKING_LIMIT_PER_SERIES
    in_series = active.filter(
        occurrence__session=session, occurrence__date__range=(day - period, day + period)
    ).count()
    if in_series >= per_series:
        raise BookingLimitError(
            _("Du kan ha högst %(n)s bokningar på samma tillfälle inom %(days)s dagar.")
            % {"n": per_series, "days": settings.BOOKING_LIMIT_PERIOD_DAYS}
        )


def book(session: HelpSessionPage, day: datetime.date, *, language: str | None = None, **details) -> Booking:
    """A seat, or a place on the waiting list. Raises BookingError with the reason in words."""
    session = source_session(session)
    check_bookable(session, day)
    email_key = normalise_email(details.get("email", ""))
    contact_phone = phone_key(details.get("phone", ""))
    with transaction.atomic():
        occurrence = _lock(session, day)
        session = occurrence.session
        check_bookable(session, day)  # again, under the lock: cancelled or started meanwhile?
        _lock_contacts(email_key, contact_phone)
        _check_limits(session, day, email_key, contact_phone)
        confirmed = occurrence.bookings.filter(status=Status.CONFIRMED).count()
        waiting = occurrence.bookings.filter(status=Status.WAITLISTED).exists()
        status = Status.CONFIRMED if confirmed < session.capacity and not waiting else Status.WAITLISTED
        booking = Booking.objects.create(
            occurrence=occurrence,
            status=status,
            language=language or translation.get_language() or settings.LANGUAGE_CODE,
            **details,
        )
        _tell(booking, Kind.BOOKED if status == Status.CONFIRMED else Kind.WAITLISTED)
        _rebalance(occurrence)
    booking.refresh_from_db()
    return booking


def _cancel(booking: Booking, kind: str | None) -> list[Booking]:
    with transaction.atomic():
        occurrence = _lock(booking.occurrence.session, booking.occurrence.date)
        booking = Booking.objects.get(pk=booking.pk)
        if booking.status == Status.CANCELLED:
            return []
        _set_status(booking, Status.CANCELLED)
        if kind:
            _tell(booking, kind)
        return _rebalance(occurrence)


def cancel(booking: Booking) -> Booking | None:
    """The resident cancels; returns the first waiting person who got the seat, if any."""
    moved = _cancel(booking, None)
    return moved[0] if moved else None


def staff_cancel(booking: Booking) -> Booking | None:
    """Library staff cancel one booking; the person is told, and the seat goes to the waiting list."""
    moved = _cancel(booking, Kind.CANCELLED)
    return moved[0] if moved else None


def move_up(booking: Booking) -> Booking:
    """Staff give a waiting person a seat – only a free one, and only before the session starts."""
    with transaction.atomic():
        occurrence = _lock(booking.occurrence.session, booking.occurrence.date)
        booking = Booking.objects.get(pk=booking.pk)
        if booking.status != Status.WAITLISTED:
            raise BookingError(_("Personen står inte på väntelistan."))
        if has_started(occurrence.session, occurrence.date):
            raise BookingError(_("Tillfället har redan börjat."))
        confirmed = occurrence.bookings.filter(status=Status.CONFIRMED).count()
        if confirmed >= (occurrence.session.capacity or 0):
            raise BookingError(_("Alla platser är tagna. Höj antalet platser på sidan om fler ska få komma."))
        _set_status(booking, Status.CONFIRMED)
        _tell(booking, Kind.PROMOTED)
    return booking


def cancel_date(session: HelpSessionPage, day: datetime.date, reason: str = "") -> int:
    """Cancel one date of a series and tell everyone who booked it. Returns how many were told."""
    session = source_session(session)
    reason = reason.strip()[:200]
    with transaction.atomic():
        occurrence = _lock(session, day)
        SessionCancellation.objects.get_or_create(session=session, date=day, defaults={"reason": reason})
        affected = list(occurrence.bookings.exclude(status=Status.CANCELLED).order_by("created_at", "pk"))
        for booking in affected:
            _set_status(booking, Status.CANCELLED)
            _tell(booking, Kind.DATE_CANCELLED, reason)
    return len(affected)


# Stored as it stands (the Swedish msgid) and said in each booker's language by the mail (services.mail).
DATE_GONE = gettext_noop(
    "Tillfället har flyttats eller finns inte längre det datumet. Se sidan om tillfällena."
)


def apply_series(session: HelpSessionPage) -> int:
    """After the series was published: every upcoming booked date follows the page.

    A raised capacity moves people up from the waiting list, a lowered one moves the latest bookers
    back to it, a date the editor cancelled – or that the series no longer has, its dates or
    repetition changed – cancels its bookings, and a new start or end time is told to the bookers of
    every date ahead; everyone affected is told. Returns how many bookings changed or were told.
    """
    session = source_session(session)
    changed = 0
    cancelled = {c.date: c.reason for c in SessionCancellation.objects.filter(session=session)}
    upcoming = list(
        SessionOccurrence.objects.filter(session=session, date__gte=timezone.localdate()).values_list(
            "date", flat=True
        )
    )
    for day in upcoming:
        if day not in cancelled and day not in session.occurrence_dates(day, day):
            cancelled[day] = DATE_GONE
    for day in upcoming:
        with transaction.atomic():
            occurrence = _lock(session, day)
            if occurrence.date in cancelled:
                for booking in occurrence.bookings.exclude(status=Status.CANCELLED):
                    _set_status(booking, Status.CANCELLED)
                    _tell(booking, Kind.DATE_CANCELLED, cancelled[occurrence.date])
                    changed += 1
            else:
                changed += len(_rebalance(occurrence))
                changed += _tell_new_time(occurrence, session)
    return changed


def _tell_new_time(occurrence: SessionOccurrence, session: HelpSessionPage) -> int:
    """Under the lock: when the series' time is no longer the one this date's bookers were told,
    they are told the new one (by mail, or by staff on the phone). Returns how many were told."""
    told, now = (occurrence.start_time, occurrence.end_time), (session.start_time, session.end_time)
    if told == now:
        return 0
    SessionOccurrence.objects.filter(pk=occurrence.pk).update(start_time=now[0], end_time=now[1])
    occurrence.start_time, occurrence.end_time = now
    if None in told:  # a date booked before the site kept the time told: nothing to compare with
        return 0
    earliest = datetime.datetime.combine(
        occurrence.date, min(told[0], now[0]), tzinfo=timezone.get_current_timezone()
    )
    if earliest <= _now():  # today's session has begun, at its old time or its new one: too late to tell
        return 0
    affected = list(occurrence.bookings.exclude(status=Status.CANCELLED).order_by("created_at", "pk"))
    for booking in affected:
        _tell(booking, Kind.TIME_CHANGED)
    return len(affected)


# --- links ------------------------------------------------------------------------------------


# A code people can read out, write down and type: the booking's number and twelve letters and
# digits that cannot be mistaken for one another (no 0/O, 1/I/L), case and spacing free – e.g.
# "4821-K7M4-Q2XP-9R3T" – from an HMAC of the booking and its time (59 bits; the code is only
# worth trying for one booking, and it expires with TOKEN_MAX_AGE).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LETTERS = 12
SHORT_CODE = re.compile(rf"([0-9]{{1,18}})([{CODE_ALPHABET}]{{{CODE_LETTERS}}})")


def _check_letters(booking: Booking) -> str:
    digest = salted_hmac(TOKEN_SALT, f"{booking.pk}:{int(booking.created_at.timestamp())}").digest()
    number, letters = int.from_bytes(digest[:10], "big"), []
    for _position in range(CODE_LETTERS):
        number, index = divmod(number, len(CODE_ALPHABET))
        letters.append(CODE_ALPHABET[index])
    return "".join(letters)


def cancellation_token(booking: Booking) -> str:
    """The booking's cancellation code, the same on the receipt and in every e-mail."""
    letters = _check_letters(booking)
    return f"{booking.pk}-{letters[:4]}-{letters[4:8]}-{letters[8:]}"


# A code as printed (groups apart) within what was pasted: the whole e-mail link, "Kod: …".
PRINTED_CODE = re.compile(
    rf"(?<![0-9A-Z])([0-9]{{1,18}})(?:[^0-9A-Z]*([{CODE_ALPHABET}]{{4}})){{3}}(?![0-9A-Z])"
)


def read_code(typed: str) -> str:
    """A code as typed, copied or read out: Arabic digits and full-width characters read, case,
    spaces, dashes and punctuation ignored; a printed code is found within what was pasted with it
    (the whole e-mail link, "Kod: 12-…")."""
    text = western_digits(unicodedata.normalize("NFKC", typed)).upper()
    printed = PRINTED_CODE.search(text)
    if printed:
        text = re.sub(r"[^0-9A-Z]", "", printed.group(0))
    return "".join(c for c in text if c.isalnum())


def booking_for_token(token: str) -> Booking:
    """The booking a code is for; raises signing.BadSignature for a wrong or expired one. Codes of the
    older, long signed form (in mailboxes already) are still read."""
    short = SHORT_CODE.fullmatch(read_code(token))
    if short is not None:
        booking = Booking.objects.select_related("occurrence__session").filter(pk=int(short.group(1))).first()
        if booking is not None and constant_time_compare(_check_letters(booking), short.group(2)):
            if (timezone.now() - booking.created_at).total_seconds() > TOKEN_MAX_AGE:
                raise signing.SignatureExpired("the code has expired")
            return booking
    if ":" in token:  # the long signed form ("<id>:<time>:<signature>")
        return _booking_for_signed_token(token.strip())
    raise signing.BadSignature("not a booking's code")


def _booking_for_signed_token(token: str) -> Booking:
    pk = signing.TimestampSigner(salt=TOKEN_SALT).unsign(token, max_age=TOKEN_MAX_AGE)
    if not pk.isascii() or not pk.isdigit() or len(pk) > 18:
        raise signing.BadSignature("not a booking")
    booking = Booking.objects.select_related("occurrence__session").filter(pk=int(pk)).first()
    if booking is None:
        raise signing.BadSignature("no such booking")
    return booking


def cancel_url(booking: Booking) -> str:
    """The link in the e-mail, in the language the resident booked in: the code rides in the
    fragment, which browsers never send, so it does not reach the server's or a proxy's access log; a
    small script on /avboka/ posts it, and without script the page asks for the code, which the
    e-mail also prints. (Links of the older form /avboka/<code>/ keep working.)"""
    with translation.override(booking.language):
        return f"{reverse('booking_cancel_form')}#kod={cancellation_token(booking)}"
