"""Mail as background work, never inside a web request.

    from core.mail import send_later
    send_later(subject, body, [address], key=f"booking-{booking.pk}-booked")

`send_later` writes an `OutgoingMail` row in the caller's transaction (so the mail exists exactly
when the change it tells about was committed) and, after the commit, enqueues the `deliver_mail`
task. The task claims the row with a compare-and-set update, talks to the SMTP server, and marks
the row sent. When the server does not answer, the attempt is counted and the row is retried with
exponential back-off (`MAIL_RETRY_BASE_SECONDS` doubling up to `MAIL_RETRY_MAX_SECONDS`, giving up
after `MAIL_MAX_ATTEMPTS`); the scheduler's `deliver_mail` job also sweeps every due row each
minute, which picks up what a dead worker left behind once its claim (`MAIL_CLAIM_SECONDS`) ran out.

Exactly once: the same `key` is never written twice, and a row is only sent while claimed by one
worker and never again once marked sent. The one window no SMTP client can close is a worker dying
after the server accepted the message and before the row was marked sent; that message would be
sent again, with the same `Message-ID` header, by which a reader or filter can recognise it.
"""

import datetime
import logging
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.models import OutgoingMail

logger = logging.getLogger(__name__)


def send_later(
    subject: str, body: str, recipients, *, key: str, from_email: str | None = None
) -> OutgoingMail | None:
    """Queue one message for delivery after the current transaction commits; idempotent by `key`."""
    recipients = [address for address in recipients if address]
    if not recipients:
        return None
    sender = from_email or settings.DEFAULT_FROM_EMAIL
    with transaction.atomic():
        mail, created = OutgoingMail.objects.get_or_create(
            key=key[:200],
            defaults={
                "subject": subject[:255],
                "body": body,
                "from_email": sender,
                "recipients": recipients,
                "next_attempt_at": timezone.now(),
                "message_id": make_msgid(domain=sender.rpartition("@")[2] or "localhost"),
            },
        )
    if created:
        transaction.on_commit(lambda: enqueue_delivery(mail.pk))
    return mail


def enqueue_delivery(mail_id: int, when: datetime.datetime | None = None) -> None:
    """Hand the row to the task worker; if even that fails the sweep job delivers it later."""
    from core.tasks import deliver_mail

    task = deliver_mail
    if when is not None:
        if not task.get_backend().supports_defer:
            return  # the sweep job picks it up when it is due
        task = task.using(run_after=when)
    try:
        task.enqueue(mail_id)
    except Exception:  # the queue's database is down: the row is safe, the sweep will find it
        logger.exception("could not enqueue delivery of mail %s; the sweep job will retry", mail_id)


def backoff(attempts: int) -> datetime.timedelta:
    seconds = settings.MAIL_RETRY_BASE_SECONDS * 2 ** max(0, attempts - 1)
    return datetime.timedelta(seconds=min(seconds, settings.MAIL_RETRY_MAX_SECONDS))


def _claim(mail_id: int, now: datetime.datetime) -> bool:
    """Compare-and-set: only one worker gets a due, unclaimed (or abandoned) row."""
    return bool(
        OutgoingMail.objects.filter(
            Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
            pk=mail_id,
            status=OutgoingMail.Status.PENDING,
            next_attempt_at__lte=now,
        ).update(claimed_until=now + datetime.timedelta(seconds=settings.MAIL_CLAIM_SECONDS))
    )


def deliver(mail_id: int) -> str:
    """Send one queued message if it is due and nobody else is sending it: 'sent', 'retry' or 'skipped'."""
    now = timezone.now()
    if not _claim(mail_id, now):
        return "skipped"
    mail = OutgoingMail.objects.get(pk=mail_id)
    message = EmailMessage(
        mail.subject, mail.body, mail.from_email, mail.recipients, headers={"Message-ID": mail.message_id}
    )
    try:
        message.send()
    except Exception as exc:  # SMTP down, refused, timed out: count it and try again later
        attempts = mail.attempts + 1
        give_up = attempts >= settings.MAIL_MAX_ATTEMPTS
        retry_at = timezone.now() + backoff(attempts)
        OutgoingMail.objects.filter(pk=mail_id).update(
            attempts=attempts,
            claimed_until=None,
            next_attempt_at=retry_at,
            last_error=f"{type(exc).__name__}: {exc}"[:2000],
            status=OutgoingMail.Status.FAILED if give_up else OutgoingMail.Status.PENDING,
        )
        if give_up:
            logger.error("gave up delivering mail %s after %s attempts: %s", mail.key, attempts, exc)
            return "failed"
        logger.warning(
            "mail %s not delivered (attempt %s, %s); retrying at %s", mail.key, attempts, exc, retry_at
        )
        enqueue_delivery(mail_id, when=retry_at)
        return "retry"
    OutgoingMail.objects.filter(pk=mail_id).update(
        status=OutgoingMail.Status.SENT,
        sent_at=timezone.now(),
        attempts=mail.attempts + 1,
        claimed_until=None,
        last_error="",
    )
    return "sent"


def deliver_due(limit: int = 500) -> dict[str, int]:
    """The sweep: deliver every due message (those whose task was lost, or whose retry time came)."""
    now = timezone.now()
    due = (
        OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING, next_attempt_at__lte=now)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    counts: dict[str, int] = {}
    for mail_id in list(due):
        outcome = deliver(mail_id)
        counts[outcome] = counts.get(outcome, 0) + 1
        if outcome == "retry":
            break  # the server does not answer: leave the rest for the next sweep
    return counts
