"""Every change to seats keeps the rules: capacity, the waiting list in order, fair limits, nobody
promoted after the start, and the staff views go through the same locked path."""

import datetime
import importlib

import pytest
from django.apps import apps as django_apps
from django.core import mail
from django.utils import timezone

from services import booking as bookings
from services.contacts import normalise_phone, phone_key
from services.models import Booking, BookingMessage, SessionCancellation
from tests.factories import bookable_session
from tests.services.test_booking_admin import staff_of

pytestmark = pytest.mark.django_db


def series(capacity=2, slug="regeltest", lib="sala-stadsbibliotek"):
    return bookable_session(capacity, "Regeltest", slug=slug, lib=lib)


def person(session, day, n, **extra):
    details = {"name": f"Person {n}", "email": f"p{n}@example.se", "phone": "", "needs": ""}
    details.update(extra)
    return bookings.book(session, day, accessibility_needs="", **details)


def statuses(session, day):
    return list(
        Booking.objects.filter(occurrence__session=session, occurrence__date=day)
        .order_by("created_at", "pk")
        .values_list("name", "status")
    )


def publish_capacity(session, capacity):
    """As an editor does it: change the capacity on the page and publish."""
    page = session.get_latest_revision_as_object()
    page.capacity = capacity
    page.save_revision().publish()


def test_raising_the_capacity_promotes_the_waiting_list_in_order_before_any_new_booker(
    demo, django_capture_on_commit_callbacks
):
    session, day = series(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(4):
            person(session, day, n)
        publish_capacity(session, 3)
    assert [s for _n, s in statuses(session, day)] == ["confirmed", "confirmed", "confirmed", "waitlisted"]
    promoted = [m.to[0] for m in mail.outbox if "fått en plats" in m.subject]
    assert promoted == ["p1@example.se", "p2@example.se"]
    newcomer = person(session, day, 9)
    assert newcomer.status == "waitlisted"


def test_lowering_the_capacity_moves_the_latest_back_and_a_cancellation_then_promotes_nobody(
    demo, django_capture_on_commit_callbacks
):
    session, day = series(capacity=3)
    with django_capture_on_commit_callbacks(execute=True):
        first, second, third = (person(session, day, n) for n in range(3))
        publish_capacity(session, 1)
    assert [s for _n, s in statuses(session, day)] == ["confirmed", "waitlisted", "waitlisted"]
    demoted = [m.to[0] for m in mail.outbox if "väntelistan" in m.subject and "nu" in m.subject]
    assert demoted == ["p1@example.se", "p2@example.se"]
    bookings.cancel(third)
    assert [s for _n, s in statuses(session, day)] == ["confirmed", "waitlisted", "cancelled"]
    bookings.cancel(first)
    assert [s for _n, s in statuses(session, day)] == ["cancelled", "confirmed", "cancelled"]


def test_no_promotion_after_the_session_has_started(demo, monkeypatch, django_capture_on_commit_callbacks):
    session, day = series(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        seated, waiting = person(session, day, 1), person(session, day, 2)
    started = datetime.datetime.combine(day, datetime.time(10, 5), tzinfo=timezone.get_current_timezone())
    monkeypatch.setattr(bookings, "_now", lambda: started)
    told = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        bookings.cancel(seated)
        publish_capacity(session, 5)
    waiting.refresh_from_db()
    assert waiting.status == "waitlisted" and len(mail.outbox) == told
    with pytest.raises(bookings.BookingError):
        person(session, day, 3)


def test_one_contact_cannot_take_every_seat(client, demo, settings):
    settings.BOOKING_LIMIT_PER_DATE = 2
    settings.BOOKING_LIMIT_PER_SERIES = 2
    session, day = series(capacity=10)
    other, _ = series(capacity=10, slug="regeltest-2", lib="vasteras-stadsbibliotek")
    third, _ = series(capacity=10, slug="regeltest-3", lib="skultuna-bibliotek")
    url = f"/boka/{session.pk}/{day}/"
    form = {"name": "Anna", "email": "Anna@Example.se", "phone": "", "website": ""}
    assert client.post(url, form).status_code == 200
    again = client.post(url, {**form, "email": "anna@example.SE"})
    assert again.status_code == 409 and "redan en bokning" in again.content.decode()
    assert 'id="id_email-error"' in again.content.decode()
    # the same person by phone, written two ways
    assert person(other, day, 5, email="", phone="+46 70-123 45 67").status == "confirmed"
    with pytest.raises(bookings.BookingLimitError):
        person(other, day, 6, email="", phone="070 123 45 67")
    assert person(other, day, 7, email="anna@example.se").status == "confirmed"
    with pytest.raises(bookings.BookingLimitError):
        person(third, day, 8, email="ANNA@example.se")  # anna already has two bookings that day
    week = day + datetime.timedelta(days=7)
    fortnight = day + datetime.timedelta(days=14)
    assert person(session, week, 9, email="anna@example.se").status == "confirmed"
    with pytest.raises(bookings.BookingLimitError):
        person(session, fortnight, 10, email="anna@example.se")  # three in one series within 30 days
    assert Booking.objects.filter(email_key="anna@example.se").count() == 3
    assert "högst 2 bokningar samma dag" in client.get(url).content.decode()


@pytest.mark.parametrize(
    "raw,normalised",
    [
        ("070-123 45 67", "+46701234567"),
        ("+46 (0)70 123 45 67", "+46701234567"),
        ("0046701234567", "+46701234567"),
        ("08-123 456", "+468123456"),
        ("070", None),
        ("٠٧٠١٢٣٤٥٦٧", "+46701234567"),  # typed on an Arabic keyboard
        ("۰۷۰-۱۲۳ ۴۵ ۶۷", "+46701234567"),  # Persian digits
        ("070²123456", None),
        ("+1 555 123 4567", None),
    ],
)
def test_swedish_phone_numbers_are_normalised_and_others_refused(raw, normalised):
    assert normalise_phone(raw) == normalised


@pytest.mark.parametrize(
    "raw,key",
    [
        ("070-123 45 67", "+46701234567"),
        ("+46 (0)70 123 45 67", "+46701234567"),
        ("+47 912 34 567", "+4791234567"),
        ("0047 912 34 567", "+4791234567"),
        ("+358 (0)40 123 4567", "+358401234567"),
        ("+46 12", ""),
        ("12 34 56", ""),
        ("+٤٧٩١٢٣٤٥٦٧", "+4791234567"),
        ("+1" + "2" * 20, ""),
        ("", ""),
    ],
)
def test_every_phone_number_counts_under_one_key_however_it_is_written(raw, key):
    assert phone_key(raw) == key


def test_bookings_with_another_countrys_number_count_toward_the_limit_old_ones_too(demo, settings):
    """A booking made before the keys were stored (or by staff, with a Norwegian number) counts
    like a new one; migration 0005 writes the keys of the old ones by the rules new ones follow."""
    settings.BOOKING_LIMIT_PER_DATE = 2
    first, day = series(capacity=5)
    second, _ = series(capacity=5, slug="regeltest-2", lib="vasteras-stadsbibliotek")
    third, _ = series(capacity=5, slug="regeltest-3", lib="skultuna-bibliotek")
    old = person(first, day, 1, email="", phone="+47 912 34 567")
    Booking.objects.filter(pk=old.pk).update(email_key="", phone_key="")  # as stored before 0005
    migration = importlib.import_module("services.migrations.0005_contact_locks_and_contact_keys")
    migration.fill_contact_keys(django_apps, None)
    old.refresh_from_db()
    assert old.phone_key == "+4791234567"
    assert person(second, day, 2, email="", phone="0047 91 23 45 67").status == "confirmed"
    with pytest.raises(bookings.BookingLimitError):
        person(third, day, 3, email="", phone="+47 91234567")
    # e-mail keys of old bookings are filled in the same way
    Booking.objects.filter(pk=old.pk).update(email="Bo@Example.se", email_key="")
    migration.fill_contact_keys(django_apps, None)
    assert Booking.objects.get(pk=old.pk).email_key == "bo@example.se"


def test_a_phone_number_that_is_not_swedish_is_a_field_error(client, demo):
    session, day = series()
    response = client.post(
        f"/boka/{session.pk}/{day}/", {"name": "Bo", "email": "", "phone": "12", "website": ""}
    )
    assert response.status_code == 400 and 'id="id_phone-error"' in response.content.decode()
    assert not Booking.objects.exists()


def test_staff_move_up_takes_the_lock_and_respects_the_capacity(
    client, demo, django_user_model, django_capture_on_commit_callbacks
):
    session, day = series(capacity=1)
    seated, waiting = person(session, day, 1), person(session, day, 2)
    client.force_login(staff_of(django_user_model, "sala-stadsbibliotek"))
    url = f"/admin/bokningar/{seated.occurrence.pk}/"
    response = client.post(url, {"action": "promote", "booking": waiting.pk}, follow=True)
    assert "Alla platser är tagna" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == "waitlisted"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "cancel", "booking": seated.pk})
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    kinds = sorted(BookingMessage.objects.values_list("booking__name", "kind"))
    assert ("Person 1", "cancelled") in kinds and ("Person 2", "promoted") in kinds


def test_staff_posts_with_odd_ids_or_long_reasons_change_nothing(client, demo, django_user_model):
    session, day = series(capacity=1)
    seated = person(session, day, 1)
    client.force_login(staff_of(django_user_model, "sala-stadsbibliotek"))
    url = f"/admin/bokningar/{seated.occurrence.pk}/"
    for odd in ("abc", "", "²", "9" * 40, "1.5", "-1"):
        assert client.post(url, {"action": "cancel", "booking": odd}).status_code in (400, 404), odd
    response = client.post(url, {"action": "cancel_occurrence", "reason": "x" * 201}, follow=True)
    assert response.status_code == 200 and "högst 200 tecken" in response.content.decode()
    seated.refresh_from_db()
    assert seated.status == "confirmed" and not SessionCancellation.objects.filter(session=session).exists()


def test_a_date_staff_cancelled_stays_cancelled_when_an_editor_publishes_the_series(
    client, demo, django_user_model, django_capture_on_commit_callbacks
):
    session, day = series(capacity=2)
    booked = person(session, day, 1)
    client.force_login(staff_of(django_user_model, "sala-stadsbibliotek"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/bokningar/{booked.occurrence.pk}/", {"action": "cancel_occurrence", "reason": "Sjuk"}
        )
    editor = django_user_model.objects.create_superuser("redaktor", password="x")
    client.force_login(editor)
    edit = client.get(f"/admin/pages/{session.pk}/edit/")
    assert edit.status_code == 200
    page = session.get_latest_revision_as_object()
    page.capacity = 4
    page.save_revision(user=editor).publish()
    assert SessionCancellation.objects.filter(session=session, date=day).exists()
    booked.refresh_from_db()
    assert booked.status == "cancelled"
    kinds = list(BookingMessage.objects.filter(booking=booked).values_list("kind", flat=True))
    assert kinds == ["booked", "date_cancelled"]  # told once about the cancelled date, not again
    assert client.get(f"/boka/{session.pk}/{day}/").status_code == 400
