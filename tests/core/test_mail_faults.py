"""Faults against real parts: a real SMTP server on 127.0.0.1 (aiosmtpd), real worker processes
(`manage.py db_worker`, `manage.py run_scheduler`) on the real test database (PostgreSQL in CI).

Each case counts what arrived: every message exactly once, nothing lost.
"""

import signal

import pytest
from django.db import connection
from django.test import override_settings

from core.mail import send_later
from core.models import OutgoingMail, ScheduledJob
from services.mail import send_pending
from services.models import Booking, BookingMessage
from tests.core.smtp import (
    Catcher,
    SMTPServer,
    database_url,
    free_port,
    start_process,
    start_worker,
    stop,
    wait_for,
)

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def real_queue(settings):
    """The web side enqueues into the database queue, as in production; workers are processes."""
    if connection.vendor != "postgresql":
        pytest.skip("worker processes need a database they can share (CI sets DATABASE_URL to PostgreSQL)")
    settings.TASKS = DATABASE_QUEUE
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    return database_url(connection.settings_dict)


def test_smtp_down_bookings_succeed_and_every_mail_arrives_once_when_it_returns(
    client, demo_committed, real_queue, settings
):
    from tests.services.test_booking import bookable_session, post_booking

    settings.BOOKING_RATE_LIMIT = 1000
    port = free_port()  # nothing listens: the SMTP server is down
    session, day = bookable_session(capacity=2, title="Feltest SMTP")
    addresses = [f"person{n}@example.se" for n in range(3)]
    for address in addresses:
        response = post_booking(client, session, day, name=address.split("@")[0], email=address)
        assert response.status_code == 200, response.status_code
    assert Booking.objects.filter(occurrence__session=session).count() == 3
    messages = BookingMessage.objects.filter(booking__occurrence__session=session)
    assert messages.count() == 3 and not messages.exclude(sent_at=None).exists()

    worker = start_worker(real_queue, port)
    catcher = Catcher()
    server = SMTPServer(port, catcher)
    try:
        wait_for(
            # Failed, not only claimed: the claim counts the attempt before the relay is tried.
            lambda: messages.filter(attempts__gte=1, claimed_until=None).exclude(last_error="").count() == 3,
            what="the worker to try (and fail) every booking message",
        )
        assert not messages.exclude(sent_at=None).exists()
        assert all(messages.values_list("last_error", flat=True))
        server.start()  # the SMTP server returns; the scheduled `send_booking_mail` retries
        with override_settings(EMAIL_PORT=port, EMAIL_HOST="127.0.0.1"):
            sent, left = send_pending()
            assert (sent, left) == (3, 0)
            assert send_pending() == (0, 0)  # a second run finds nothing to send
    finally:
        stop(worker)
        server.stop()
    received = sorted(message["To"] for message in catcher.messages)
    assert received == sorted(addresses)  # each exactly once
    assert messages.filter(sent_at__isnull=False).count() == 3


def test_a_worker_killed_mid_delivery_loses_and_duplicates_nothing(real_queue, settings):
    from django_tasks_db.models import DBTaskResult

    port = free_port()
    catcher = Catcher(hold=True)  # the server stalls after the worker said who the mail is for
    server = SMTPServer(port, catcher)
    server.start()
    queued = send_later("Din plats är bokad", "Hej!", ["bo@example.se"], key="fault-worker-killed")
    first = start_worker(real_queue, port)
    try:
        assert catcher.held.wait(timeout=45), "the worker never started delivering"
        stop(first, signal.SIGKILL)  # dies mid-task, in the middle of the SMTP conversation
        catcher.release.set()
        queued.refresh_from_db()
        assert queued.status == OutgoingMail.Status.PENDING and queued.claimed_until is not None
        assert DBTaskResult.objects.filter(status="RUNNING").exists()  # the task really died running
        assert catcher.messages == []

        # Another worker, and the scheduler's sweep, pick it up once the dead worker's claim lapses.
        second = start_worker(real_queue, port)
        scheduler = start_process(["run_scheduler", "--interval", "0.5"], real_queue, port)
        try:
            wait_for(
                lambda: OutgoingMail.objects.filter(pk=queued.pk, status=OutgoingMail.Status.SENT).exists(),
                what="the message to be delivered by the second worker",
            )
            queued.refresh_from_db()
            wait_for(
                lambda: ScheduledJob.objects.filter(
                    name="deliver_mail", last_finished_at__gt=queued.sent_at
                ).exists(),
                what="a later sweep",
            )
        finally:
            stop(scheduler)
            stop(second)
    finally:
        catcher.release.set()
        server.stop()
    assert [m["Message-ID"] for m in catcher.messages] == [queued.message_id]  # exactly once
