"""Mail goes through the queue (core/mail.py): written with the change, sent after the commit by a
task, once per key, retried with back-off while the SMTP server (a real one on 127.0.0.1) is down."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from core.mail import backoff, deliver, deliver_due, send_later
from core.models import OutgoingMail
from tests.core.smtp import Catcher, SMTPServer, free_port

pytestmark = pytest.mark.django_db


def test_the_same_key_queues_one_message(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = send_later("Hej", "Text", ["a@example.se"], key="test-once")
        again = send_later("Hej igen", "Annan text", ["a@example.se"], key="test-once")
    assert first.pk == again.pk
    assert OutgoingMail.objects.filter(key="test-once").count() == 1
    assert [m.subject for m in mail.outbox] == ["Hej"]
    assert OutgoingMail.objects.get(key="test-once").status == OutgoingMail.Status.SENT
    assert deliver(first.pk) == "skipped"  # a retried task sends nothing twice
    assert len(mail.outbox) == 1


def test_no_mail_for_a_change_that_was_rolled_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                send_later("Hej", "Text", ["a@example.se"], key="test-rolled-back")
                raise RuntimeError("the booking failed")
        except RuntimeError:
            pass
    assert not OutgoingMail.objects.filter(key="test-rolled-back").exists()
    assert mail.outbox == []


def test_nothing_is_sent_inside_the_transaction():
    with transaction.atomic():
        send_later("Hej", "Text", ["a@example.se"], key="test-after-commit")
        assert mail.outbox == []  # only queued; the worker sends after the commit


def test_an_smtp_failure_is_retried_with_back_off_and_delivered_once(settings):
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    queued = send_later("Din plats är bokad", "Hej!", ["anna@example.se"], key="test-retry")
    assert deliver(queued.pk) == "retry"  # nothing listens on the port
    queued.refresh_from_db()
    assert queued.status == OutgoingMail.Status.PENDING and queued.attempts == 1
    assert queued.next_attempt_at > timezone.now() and queued.last_error
    assert deliver(queued.pk) == "skipped"  # not due yet: the back-off holds
    assert backoff(1) < backoff(2) < backoff(3) and backoff(40) == datetime.timedelta(
        seconds=settings.MAIL_RETRY_MAX_SECONDS
    )

    catcher = Catcher()
    server = SMTPServer(port, catcher)
    server.start()
    try:
        OutgoingMail.objects.filter(pk=queued.pk).update(next_attempt_at=timezone.now())
        assert deliver_due() == {"sent": 1}
        assert deliver_due() == {}
    finally:
        server.stop()
    queued.refresh_from_db()
    assert queued.status == OutgoingMail.Status.SENT and queued.attempts == 2
    assert len(catcher.messages) == 1
    assert catcher.messages[0]["Message-ID"] == queued.message_id
    assert catcher.messages[0]["To"] == "anna@example.se"


def test_a_message_is_given_up_after_the_last_attempt(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 5
    settings.MAIL_MAX_ATTEMPTS = 2
    queued = send_later("Hej", "Text", ["a@example.se"], key="test-give-up")
    assert deliver(queued.pk) == "retry"
    OutgoingMail.objects.filter(pk=queued.pk).update(next_attempt_at=timezone.now())
    assert deliver(queued.pk) == "failed"
    assert OutgoingMail.objects.get(pk=queued.pk).status == OutgoingMail.Status.FAILED
    assert deliver_due() == {}


def test_booking_mail_links_to_the_public_site_not_the_admin(
    client, demo, settings, django_capture_on_commit_callbacks
):
    from tests.services.test_booking import bookable_session, post_booking

    settings.PUBLIC_URL = "https://www.example.se"
    settings.WAGTAILADMIN_BASE_URL = "https://admin.example.se"
    session, day = bookable_session(capacity=2, title="Länktest")
    with django_capture_on_commit_callbacks(execute=True):
        post_booking(client, session, day, email="lank@example.se")
    assert "https://www.example.se/avboka/" in mail.outbox[-1].body
    assert "admin.example.se" not in mail.outbox[-1].body
