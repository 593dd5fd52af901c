"""Mail as a resident receives it, through a real SMTP server on 127.0.0.1 (aiosmtpd started here):
the confirmation with the calendar event and the cancel link, in the language booked in; a mail
server that is down loses nothing and nobody is told twice; the reminder the day before, once."""

import datetime
import email
import email.policy
import re
import threading
import urllib.parse

import icalendar
import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

from services import mail as booking_mail
from services.models import Booking, BookingMessage
from tests.conftest import free_port
from tests.factories import bookable_session

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"


@pytest.fixture
def smtp(settings):
    """Settings that send to 127.0.0.1:<port>; call .start() to have a server answer there."""

    class Server:
        port = free_port()
        inbox = Inbox()
        controller = None

        def start(self):
            self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
            self.controller.start()

    server = Server()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    settings.BOOKING_RATE_LIMIT = 1000
    yield server
    if server.controller:
        server.controller.stop()


def bookable(days_ahead=3, capacity=2):
    return bookable_session(capacity, "Posttest", slug="posttest", days_ahead=days_ahead)


def post(client, session, day, prefix="", **data):
    fields = {"name": "Anna", "email": "anna@example.se", "phone": "", "website": "", **data}
    return client.post(f"{prefix}/boka/{session.pk}/{day}/", fields)


def text_and_calendar(message):
    body = message.get_body(preferencelist=("plain",)).get_content()
    attachments = [part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"]
    calendar = icalendar.Calendar.from_ical(attachments[0].get_content()) if attachments else None
    return body, calendar


def test_the_confirmation_carries_the_feeds_event_and_a_working_cancel_link(
    client, demo, smtp, django_capture_on_commit_callbacks
):
    smtp.start()
    session, day = bookable()
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, session, day).status_code == 200
    [message] = smtp.inbox.messages
    assert message["To"] == "anna@example.se" and message["Subject"] == "Din plats är bokad"
    body, calendar = text_and_calendar(message)
    assert "Hej Anna!" in body and "Posttest" in body and "Sala stadsbibliotek" in body
    [event] = calendar.walk("VEVENT")
    feed = icalendar.Calendar.from_ical(
        client.get(f"/api/sessions.ics?session={session.pk}&date={day}").content
    )
    [feed_event] = feed.walk("VEVENT")
    assert str(event["UID"]) == str(feed_event["UID"]) == f"{session.translation_key}-{day:%Y%m%d}@envagin"
    assert event.decoded("DTSTART") == feed_event.decoded("DTSTART")
    assert str(event["STATUS"]) == "CONFIRMED"
    link = re.search(r"https?://\S+/avboka/#kod=\S+", body).group(0)
    parts = urllib.parse.urlsplit(link)
    code = urllib.parse.parse_qs(parts.fragment)["kod"][0]
    # The code is printed too, with the form's address: the link fills the form in only with
    # JavaScript (found by probing the served site: without it, the mail was a dead end).
    printed = re.search(r"Din avbokningskod: (\S+)\s+.*kan du skriva koden på (\S+)", body)
    assert printed.group(1) == code and printed.group(2).endswith("/avboka/")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(parts.path, {"kod": code, "bekrafta": "1"}).status_code == 200
    assert Booking.objects.get().status == "cancelled"


def test_mail_is_in_the_language_the_resident_booked_in(
    client, demo, smtp, django_capture_on_commit_callbacks
):
    smtp.start()
    session, day = bookable(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, session, day, prefix="/en").status_code == 200
        assert (
            post(client, session, day, prefix="/ar", name="Sara", email="sara@example.se").status_code == 200
        )
    english, arabic = smtp.inbox.messages
    assert english["Subject"] == "Your seat is booked" and english["Content-Language"] == "en"
    english_body, english_calendar = text_and_calendar(english)
    assert "Hello Anna!" in english_body and "/en/avboka/" in english_body
    assert english_calendar is not None
    assert arabic["Content-Language"] == "ar" and "/ar/avboka/" in text_and_calendar(arabic)[0]
    assert arabic["Subject"] != "Du står på väntelistan"
    assert Booking.objects.get(name="Sara").language == "ar"


def test_a_mail_server_that_is_down_loses_nothing_and_tells_nobody_twice(
    client, demo, smtp, django_capture_on_commit_callbacks
):
    session, day = bookable()
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, session, day)
    assert response.status_code == 200 and "Din plats är bokad" in response.content.decode()
    message = BookingMessage.objects.get()
    assert message.sent_at is None and message.last_error and Booking.objects.get().status == "confirmed"
    with pytest.raises(Exception, match="kunde inte skickas"):
        call_command("send_booking_mail")

    smtp.start()
    call_command("send_booking_mail")
    call_command("send_booking_mail")
    assert booking_mail.send_booking_message(message.pk) is False
    assert len(smtp.inbox.messages) == 1
    message.refresh_from_db()
    assert (
        message.sent_at is not None and message.attempts == 3
    )  # after commit, the failed retry, the sent one


def test_two_senders_at_once_send_a_message_once(demo, smtp):
    smtp.start()
    session, day = bookable()
    booking = Booking.objects.create(
        occurrence=session.booked_occurrences.create(date=day),
        name="Bo",
        email="bo@example.se",
        status="confirmed",
    )
    message = BookingMessage.objects.create(booking=booking, kind="booked")
    results = [booking_mail.send_booking_message(message.pk) for _ in range(3)]
    assert results == [True, False, False] and len(smtp.inbox.messages) == 1


def test_the_reminder_the_day_before_is_sent_once(client, demo, smtp, django_capture_on_commit_callbacks):
    smtp.start()
    session, tomorrow = bookable(days_ahead=1, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, session, tomorrow)
        post(client, session, tomorrow, name="Väntar", email="v@example.se")
        post(client, session, tomorrow + datetime.timedelta(days=7), name="Sen", email="sen@example.se")
    smtp.inbox.messages.clear()
    call_command("send_booking_reminders")
    call_command("send_booking_reminders")
    [reminder] = smtp.inbox.messages
    assert reminder["To"] == "anna@example.se" and "Påminnelse" in reminder["Subject"]
    body, calendar = text_and_calendar(reminder)
    assert "/avboka/" in body and calendar is not None
    assert Booking.objects.get(name="Anna").reminder_sent_at is not None
    assert Booking.objects.get(name="Väntar").reminder_sent_at is None
