"""A RuleBasedStateMachine over bookings: any sequence of book, cancel, staff cancel, cancel the
date, change the capacity (published as an editor does), move up and time passing keeps
confirmed ≤ capacity, the waiting list in booking order, nobody promoted after the start, and each
person told exactly once about each change (compared with a small reference model)."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from services import booking as bookings
from services.models import Booking, BookingMessage, SessionCancellation
from tests.factories import add_session, library

pytestmark = pytest.mark.django_db

PEOPLE = 6


class _Rollback(Exception):
    pass


def make_machine(session, day):
    start = datetime.datetime.combine(day, session.start_time, tzinfo=timezone.get_current_timezone())

    class Bookings(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            self.capacity = 2
            bookings._now = lambda: start - datetime.timedelta(days=1)
            type(session).objects.filter(pk=session.pk).update(capacity=self.capacity)
            self.started = False
            self.date_cancelled = False
            self.model = []  # [name, status] in booking order
            self.told = []  # (name, kind) the model expects

        def teardown(self):
            bookings._now = timezone.now
            self.atomic.__exit__(_Rollback, _Rollback(), None)

        # the reference model
        def _rebalance(self):
            if self.started:
                return
            confirmed = [row for row in self.model if row[1] == "confirmed"]
            for row in confirmed[self.capacity :]:
                row[1] = "waitlisted"
                self.told.append((row[0], "demoted"))
            if self.date_cancelled:
                return
            free = self.capacity - min(len(confirmed), self.capacity)
            for row in [row for row in self.model if row[1] == "waitlisted"][:free]:
                row[1] = "confirmed"
                self.told.append((row[0], "promoted"))

        def _row(self, n):
            return next((row for row in self.model if row[0] == f"P{n}"), None)

        @rule(n=st.integers(0, PEOPLE - 1))
        def book(self, n):
            allowed = not self.started and not self.date_cancelled
            already = self._row(n) is not None and self._row(n)[1] != "cancelled"
            try:
                bookings.book(
                    session,
                    day,
                    name=f"P{n}",
                    email=f"p{n}@example.se",
                    phone="",
                    needs="",
                    accessibility_needs="",
                )
            except bookings.BookingError:
                assert not allowed or already
                return
            assert allowed and not already
            confirmed = sum(1 for row in self.model if row[1] == "confirmed")
            waiting = any(row[1] == "waitlisted" for row in self.model)
            status = "confirmed" if confirmed < self.capacity and not waiting else "waitlisted"
            self.model = [row for row in self.model if row[0] != f"P{n}"] + [[f"P{n}", status]]
            self.told.append((f"P{n}", "booked" if status == "confirmed" else "waitlisted"))
            self._rebalance()

        def _booking(self, n):
            return Booking.objects.exclude(status="cancelled").filter(name=f"P{n}").first()

        @rule(n=st.integers(0, PEOPLE - 1), by_staff=st.booleans())
        def cancel(self, n, by_staff):
            booking = self._booking(n)
            if booking is None:
                return
            (bookings.staff_cancel if by_staff else bookings.cancel)(booking)
            self._row(n)[1] = "cancelled"
            if by_staff:
                self.told.append((f"P{n}", "cancelled"))
            self._rebalance()

        @rule()
        def cancel_the_date(self):
            bookings.cancel_date(session, day, "Sjukdom")
            for row in self.model:
                if row[1] != "cancelled":
                    row[1] = "cancelled"
                    self.told.append((row[0], "date_cancelled"))
            self.date_cancelled = True

        @rule(capacity=st.integers(1, 4))
        def change_capacity(self, capacity):
            page = type(session).objects.get(pk=session.pk).get_latest_revision_as_object()
            page.capacity = capacity
            page.save_revision().publish()
            self.capacity = capacity
            self._rebalance()

        @rule(n=st.integers(0, PEOPLE - 1))
        def move_up(self, n):
            booking = self._booking(n)
            if booking is None:
                return
            confirmed = sum(1 for row in self.model if row[1] == "confirmed")
            try:
                bookings.move_up(booking)
            except bookings.BookingError:
                assert self._row(n)[1] != "waitlisted" or self.started or confirmed >= self.capacity
                return
            assert self._row(n)[1] == "waitlisted" and not self.started and confirmed < self.capacity
            self._row(n)[1] = "confirmed"
            self.told.append((f"P{n}", "promoted"))

        @precondition(lambda self: not self.started)
        @rule()
        def time_passes_the_start(self):
            bookings._now = lambda: start + datetime.timedelta(minutes=5)
            self.started = True

        @invariant()
        def the_database_is_the_model(self):
            rows = Booking.objects.filter(occurrence__session=session, occurrence__date=day).order_by(
                "created_at", "pk"
            )
            actual = {b.name: b.status for b in rows}
            assert actual == {name: status for name, status in self.model}
            confirmed = list(rows.filter(status="confirmed"))
            if not self.started:
                assert len(confirmed) <= self.capacity
            waiting = list(rows.filter(status="waitlisted"))
            if waiting and not self.started and not self.date_cancelled:
                assert len(confirmed) == self.capacity  # no free seat while someone waits
            told = sorted(
                BookingMessage.objects.filter(booking__in=rows).values_list("booking__name", "kind")
            )
            assert told == sorted(self.told)
            cancelled = SessionCancellation.objects.filter(session=session, date=day).exists()
            assert cancelled == self.date_cancelled

    return Bookings


def test_any_sequence_of_changes_keeps_the_rules(demo):
    day = timezone.localdate() + datetime.timedelta(days=5)
    session = add_session(
        library("sala-stadsbibliotek"),
        title="Tillståndstest",
        slug="tillstandstest",
        first_date=day,
        booking_required=True,
        capacity=2,
    )
    run_state_machine_as_test(
        make_machine(session, day),
        settings=settings(
            max_examples=25,
            stateful_step_count=12,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
