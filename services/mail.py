"""Mail to residents about their bookings: built from templates in the language they booked in.

Messages are rows in the outbox (`BookingMessage`), written in the same transaction as the change
they tell about (services/booking.py). `send_booking_message` sends one of them and is the unit a
task queue can run: it first claims the row with a conditional update, so two workers (or a retry
racing the first attempt) never send the same message twice; when the mail server does not answer,
the row stays unsent with the error, for `manage.py send_booking_mail` to retry. Nothing here runs
inside the transaction of a request, and no failure of the mail server reaches the resident.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from core.links import public_url
from services.models import BookingMessage, HelpSessionPage

log = logging.getLogger(__name__)

CLAIM_SECONDS = 300
MAX_ATTEMPTS = 20
Kind = BookingMessage.Kind
# The messages about a seat in the calendar carry the event (the same UID as the feed's), so that a
# calendar that imported it updates it; a cancelled date carries it with STATUS:CANCELLED.
WITH_CALENDAR = {Kind.BOOKED, Kind.PROMOTED, Kind.REMINDER, Kind.DATE_CANCELLED, Kind.TIME_CHANGED}


def _session_in(session: HelpSessionPage, language: str) -> HelpSessionPage:
    """The series as the resident read it: their language's translation when there is one."""
    translated = (
        HelpSessionPage.objects.live()
        .filter(translation_key=session.translation_key, locale__language_code=language)
        .first()
    )
    return translated or session


def build_message(message: BookingMessage) -> EmailMessage:
    """The e-mail for one outbox row (pure apart from reading the database)."""
    from services.booking import cancel_url, cancellation_token
    from services.feeds import calendar_for
    from services.occurrences import occurrence_on

    booking = message.booking
    occurrence = booking.occurrence
    language = booking.language or settings.LANGUAGE_CODE
    with translation.override(language):
        session = _session_in(occurrence.session, language)
        link = cancel_url(booking)
        library = session.get_parent().specific
        # The time the series has (kept on the date by services.booking), not a translation's copy,
        # which keeps the old time until it is brought up to date.
        times = (
            occurrence.start_time or occurrence.session.start_time,
            occurrence.end_time or occurrence.session.end_time,
        )
        context = {
            "booking": booking,
            "session": session,
            "library": library,
            "day": formats.date_format(occurrence.date, "l j F Y"),
            "start": f"{times[0]:%H:%M}",
            "end": f"{times[1]:%H:%M}",
            # An editor's reason stands as written; the site's own (`booking.DATE_GONE`) is translated.
            "reason": gettext(message.reason) if message.reason else "",
            "cancel_url": public_url(link),
            # Printed too: the link fills in the form only with JavaScript, and a code can be read out.
            "cancel_code": cancellation_token(booking),
            "cancel_form_url": public_url(link.partition("#")[0]),
            "session_url": public_url(session.url or ""),
        }
        text = render_to_string(f"services/email/{message.kind}.txt", context).strip()
        subject, _blank, body = text.partition("\n")
        email = EmailMessage(
            subject.strip(), body.strip() + "\n", settings.DEFAULT_FROM_EMAIL, [booking.email]
        )
        email.extra_headers["Content-Language"] = language
        # An event for a seat (or its cancellation), never in the calendar of someone still waiting.
        if message.kind in WITH_CALENDAR and (
            booking.status == booking.Status.CONFIRMED or message.kind == Kind.DATE_CANCELLED
        ):
            ics = calendar_for([occurrence_on(session, occurrence.date, times)], public_url)
            email.attach("digital-hjalp.ics", ics.decode("utf-8"), "text/calendar")
    return email


def send_booking_message(message_id: int) -> bool:
    """Send one outbox message once. Returns True when it was sent by this call."""
    now = timezone.now()
    claimed = (
        BookingMessage.objects.filter(pk=message_id, sent_at=None)
        .filter(Q(claimed_until=None) | Q(claimed_until__lt=now))
        .update(claimed_until=now + datetime.timedelta(seconds=CLAIM_SECONDS), attempts=F("attempts") + 1)
    )
    if not claimed:
        return False
    message = BookingMessage.objects.select_related("booking__occurrence__session").get(pk=message_id)
    try:
        build_message(message).send()
    except (smtplib.SMTPException, OSError) as error:
        log.warning("booking mail %s not sent: %s", message_id, error)
        BookingMessage.objects.filter(pk=message_id).update(claimed_until=None, last_error=str(error)[:300])
        return False
    BookingMessage.objects.filter(pk=message_id).update(
        sent_at=timezone.now(), claimed_until=None, last_error=""
    )
    return True


def pending_messages():
    return BookingMessage.objects.filter(sent_at=None, attempts__lt=MAX_ATTEMPTS).order_by("created_at", "pk")


def send_pending() -> tuple[int, int]:
    """Retry every unsent message; returns (sent, still unsent)."""
    sent = sum(send_booking_message(pk) for pk in pending_messages().values_list("pk", flat=True))
    return sent, pending_messages().count()


def queue_reminders(day: datetime.date | None = None) -> list[int]:
    """Outbox rows for tomorrow's confirmed bookings that have had no reminder; each booking once."""
    from django.db import transaction

    from services.models import Booking, SessionCancellation

    day = day or timezone.localdate() + datetime.timedelta(days=1)
    cancelled_sessions = SessionCancellation.objects.filter(date=day).values_list("session_id", flat=True)
    candidates = (
        Booking.objects.filter(status=Booking.Status.CONFIRMED, occurrence__date=day, reminder_sent_at=None)
        .exclude(email="")
        .exclude(occurrence__session_id__in=cancelled_sessions)
        .values_list("pk", flat=True)
    )
    queued = []
    for booking_id in candidates:
        with transaction.atomic():
            marked = Booking.objects.filter(pk=booking_id, reminder_sent_at=None).update(
                reminder_sent_at=timezone.now()
            )
            if marked:
                queued.append(BookingMessage.objects.create(booking_id=booking_id, kind=Kind.REMINDER).pk)
    return queued
