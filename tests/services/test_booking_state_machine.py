"""A RuleBasedStateMachine over bookings: any sequence of book, cancel (by the resident or by staff),
cancel the date, change the capacity (published as an editor does), move up and time passing up to,
onto and past the start keeps the rules of services/booking.py.

The machine keeps its own model of what must have happened (each booking's status and the messages
each person must have been sent, in order) and checks the database against it after every step; the
rules are also checked on their own, from the step's before and after, so a failure names the rule:

- confirmed ≤ capacity;
- no free seat while someone waits, and the waiting list moves up in booking order;
- nobody gets a seat once the session has started (not by a cancellation, a staff cancellation, a
  raised capacity or "move up");
- each change tells the person it concerns exactly once, with the right message (the outbox,
  `BookingMessage`), and nobody else.

The clock is `services.booking._now`, which every "has it started?" check reads. Besides the random
search, `test_fixed_sequences_keep_the_rules` replays short sequences that each reach one rule the
random search has to find, so a regression in any of them fails every run."""

import datetime
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.db.models import Max
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from services import booking as bookings
from services.models import Booking, BookingMessage, HelpSessionPage, SessionCancellation
from tests.factories import bookable_session

pytestmark = pytest.mark.django_db

REAL_NOW = bookings._now
PEOPLE = 6
STEPS = 20  # per run
CONFIRMED, WAITLISTED, CANCELLED = "confirmed", "waitlisted", "cancelled"
STATUSES = st.sampled_from([CONFIRMED, WAITLISTED, CANCELLED])

# The clock, in steps that only move forward. has_started() is `start <= now`, so AT_START has started.
DAY_BEFORE, JUST_BEFORE, AT_START, AFTER = range(4)
CLOCK = {
    DAY_BEFORE: datetime.timedelta(days=-1),
    JUST_BEFORE: datetime.timedelta(seconds=-1),
    AT_START: datetime.timedelta(0),
    AFTER: datetime.timedelta(minutes=5),
}


class _Rollback(Exception):
    pass


@dataclass
class Row:
    """The model's view of one booking."""

    pk: int
    name: str
    status: str
    told: list = field(default_factory=list)


def make_machine(session, day):
    start = bookings.starts_at(session, day)

    class Bookings(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            self.phase = DAY_BEFORE
            bookings._now = lambda: start + CLOCK[self.phase]
            self.capacity = 2
            self.date_cancelled = False
            self.rows: list[Row] = []  # in booking order
            self.step = ("start", {})
            self.steps = 0
            self.before = {}  # the database's statuses when the step began
            self.messages_before = 0
            self.seated_at_start = None  # who had a seat when the session started
            self.messages_at_start = None

        def teardown(self):
            bookings._now = REAL_NOW
            self.atomic.__exit__(_Rollback, _Rollback(), None)

        # --- helpers -------------------------------------------------------------------------

        @property
        def started(self):
            return self.phase >= AT_START

        def _with(self, status):
            return [row for row in self.rows if row.status == status]

        def _active(self):
            return [row for row in self.rows if row.status != CANCELLED]

        def _statuses(self):
            return dict(
                Booking.objects.filter(occurrence__session=session, occurrence__date=day).values_list(
                    "pk", "status"
                )
            )

        def _messages(self):
            return BookingMessage.objects.filter(
                booking__occurrence__session=session, booking__occurrence__date=day
            )

        def _last_message(self):
            return BookingMessage.objects.aggregate(last=Max("pk"))["last"] or 0

        def _begin(self, name, **arguments):
            """Before each step: what the database held, to compare with after it."""
            self.step = (name, arguments)
            self.steps += 1
            self.before = self._statuses()
            self.messages_before = self._last_message()

        def _rebalance(self):
            """The model of services.booking._rebalance."""
            if self.started:
                return
            confirmed = self._with(CONFIRMED)
            if len(confirmed) > self.capacity:
                for row in confirmed[self.capacity :]:
                    row.status = WAITLISTED
                    row.told.append("demoted")
                return
            if self.date_cancelled:
                return
            for row in self._with(WAITLISTED)[: self.capacity - len(confirmed)]:
                row.status = CONFIRMED
                row.told.append("promoted")

        # --- rules ---------------------------------------------------------------------------

        @initialize(capacity=st.integers(1, 3), booked=st.integers(0, PEOPLE))
        def open_the_date(self, capacity, booked=0):
            """The date opens with `booked` people already booked: most runs start with a queue."""
            self._begin("open_the_date", capacity=capacity, booked=booked)
            self.capacity = capacity
            HelpSessionPage.objects.filter(pk=session.pk).update(capacity=capacity)
            for n in range(booked):
                self._book(n)

        def _book(self, n):
            name = f"P{n}"
            has_one = any(row.name == name for row in self._active())
            allowed = not self.started and not self.date_cancelled and not has_one
            try:
                booking = bookings.book(
                    session,
                    day,
                    name=name,
                    email=f"p{n}@example.se",
                    phone="",
                    needs="",
                    accessibility_needs="",
                )
            except bookings.BookingError:
                assert not allowed, f"{name} was refused a booking"
                return
            assert allowed, f"{name} could book (started={self.started}, cancelled={self.date_cancelled})"
            free = len(self._with(CONFIRMED)) < self.capacity and not self._with(WAITLISTED)
            status = CONFIRMED if free else WAITLISTED
            self.rows.append(Row(booking.pk, name, status, ["booked" if free else "waitlisted"]))
            self._rebalance()

        @rule(n=st.integers(0, PEOPLE - 1))
        def book(self, n):
            self._begin("book", n=n)
            self._book(n)

        @rule(n=st.integers(0, PEOPLE - 1), m=st.integers(0, PEOPLE - 1))
        def two_book(self, n, m):
            """Two bookings in one step: waiting lists form within few steps."""
            self._begin("two_book", n=n, m=m)
            self._book(n)
            self._book(m)

        def _pick(self, status, i):
            """The i-th booking with this status (any booking when none has it)."""
            rows = self._with(status) or self.rows
            return rows[i % len(rows)]

        @precondition(lambda self: self.rows)
        @rule(status=STATUSES, i=st.integers(0, PEOPLE - 1), by_staff=st.booleans())
        def cancel(self, status, i, by_staff):
            row = self._pick(status, i)
            self._begin("cancel", status=status, i=i, by_staff=by_staff)
            (bookings.staff_cancel if by_staff else bookings.cancel)(Booking.objects.get(pk=row.pk))
            if row.status != CANCELLED:  # cancelling twice changes nothing and tells nobody
                row.status = CANCELLED
                if by_staff:
                    row.told.append("cancelled")
                self._rebalance()

        @precondition(lambda self: not self.date_cancelled and self.steps > STEPS // 2)
        @rule()
        def cancel_the_date(self):
            """Nothing more happens to a cancelled date: it comes in the second half of a run."""
            self._begin("cancel_the_date")
            bookings.cancel_date(session, day, "Sjukdom")
            for row in self._active():
                row.status = CANCELLED
                row.told.append("date_cancelled")
            self.date_cancelled = True

        @rule(capacity=st.integers(1, 4))
        def change_capacity(self, capacity):
            self._begin("change_capacity", capacity=capacity)
            page = HelpSessionPage.objects.get(pk=session.pk).get_latest_revision_as_object()
            page.capacity = capacity
            page.save_revision().publish()
            self.capacity = capacity
            self._rebalance()

        @precondition(lambda self: self.rows)
        @rule(status=st.sampled_from([WAITLISTED, CONFIRMED, CANCELLED]), i=st.integers(0, PEOPLE - 1))
        def move_up(self, status, i):
            """Staff move someone up: only someone waiting, into a free seat, before the start."""
            row = self._pick(status, i)
            self._begin("move_up", status=status, i=i)
            taken = len(self._with(CONFIRMED))
            allowed = row.status == WAITLISTED and not self.started and taken < self.capacity
            try:
                bookings.move_up(Booking.objects.get(pk=row.pk))
            except bookings.BookingError:
                assert not allowed, f"{row.name} could not be moved up"
                return
            assert allowed, (
                f"{row.name} ({row.status}) moved up, {taken}/{self.capacity} taken, {self.phase=}"
            )
            row.status = CONFIRMED
            row.told.append("promoted")

        @precondition(lambda self: self.phase < AFTER)
        @rule(by=st.sampled_from([1, 2]))
        def time_passes(self, by):
            """The clock moves forward a step or two: to a second before the start, onto it, past it."""
            self._begin("time_passes", by=by)
            phase = min(AFTER, self.phase + by)
            if phase >= AT_START and not self.started:
                self.seated_at_start = {row.pk for row in self._with(CONFIRMED)}
                self.messages_at_start = self._last_message()
            self.phase = phase

        # --- the rules, each on its own (checked in this order, by name) ----------------------

        @invariant()
        def a_capacity_is_never_exceeded(self):
            confirmed = sum(1 for status in self._statuses().values() if status == CONFIRMED)
            if self.started:
                assert confirmed <= len(self.seated_at_start), "more seats taken than at the start"
            else:
                assert confirmed <= self.capacity, f"{confirmed} confirmed, capacity {self.capacity}"

        @invariant()
        def b_nobody_is_promoted_after_the_start(self):
            if not self.started:
                return
            now = self._statuses()
            seated = {pk for pk, status in now.items() if status == CONFIRMED}
            assert seated <= self.seated_at_start, f"seated after the start: {seated - self.seated_at_start}"
            late = (
                self._messages()
                .filter(pk__gt=self.messages_at_start, kind__in=["booked", "promoted"])
                .values_list("booking__name", "kind")
            )
            assert not late, f"told of a seat after the start: {list(late)} after {self.step}"

        @invariant()
        def c_free_seats_go_to_the_waiting_list_in_booking_order(self):
            now = self._statuses()
            waiting = sorted(pk for pk, status in now.items() if status == WAITLISTED)
            confirmed = sum(1 for status in now.values() if status == CONFIRMED)
            if waiting and not self.started and not self.date_cancelled:
                assert confirmed == self.capacity, (
                    f"{len(waiting)} wait with {confirmed}/{self.capacity} taken"
                )
            if self.step[0] == "move_up":
                return  # staff choose whom to move up
            promoted = [
                pk for pk, status in now.items() if status == CONFIRMED and self.before.get(pk) == WAITLISTED
            ]
            for pk in promoted:
                assert not [w for w in waiting if w < pk], f"{pk} moved up before {waiting} after {self.step}"

        @invariant()
        def d_each_person_is_told_once_per_change(self):
            now = self._statuses()
            new = {}
            for booking_id, kind in BookingMessage.objects.filter(pk__gt=self.messages_before).values_list(
                "booking_id", "kind"
            ):
                new.setdefault(booking_id, []).append(kind)
            name, arguments = self.step
            for pk, status in now.items():
                was = self.before.get(pk)
                if was is None:
                    expected = ["booked" if status == CONFIRMED else "waitlisted"]
                elif was == status:
                    expected = []
                elif status == CONFIRMED:
                    expected = ["promoted"]
                elif status == WAITLISTED:
                    expected = ["demoted"]
                elif name == "cancel_the_date":
                    expected = ["date_cancelled"]
                else:
                    expected = ["cancelled"] if arguments.get("by_staff") else []
                assert new.get(pk, []) == expected, f"booking {pk} {was}→{status} told {new.get(pk)}"
            assert set(new) <= set(now), "a message to someone not booked on this date"

        @invariant()
        def e_the_database_is_the_model(self):
            assert self._statuses() == {row.pk: row.status for row in self.rows}
            told = {}
            for booking_id, kind in self._messages().order_by("pk").values_list("booking_id", "kind"):
                told.setdefault(booking_id, []).append(kind)
            assert told == {row.pk: row.told for row in self.rows if row.told}
            assert (
                SessionCancellation.objects.filter(session=session, date=day).exists() == self.date_cancelled
            )

    return Bookings


INVARIANTS = [
    "a_capacity_is_never_exceeded",
    "b_nobody_is_promoted_after_the_start",
    "c_free_seats_go_to_the_waiting_list_in_booking_order",
    "d_each_person_is_told_once_per_change",
    "e_the_database_is_the_model",
]


@pytest.fixture
def series(demo):
    return bookable_session(2, "Tillståndstest", slug="tillstandstest", days_ahead=5)


def test_any_sequence_of_changes_keeps_the_rules(series):
    run_state_machine_as_test(
        make_machine(*series),
        settings=settings(
            max_examples=200,
            stateful_step_count=STEPS,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )


def book(n):
    return ("book", {"n": n})


def cancel(status, i=0, by_staff=False):
    return ("cancel", {"status": status, "i": i, "by_staff": by_staff})


def move_up(status, i=0):
    return ("move_up", {"status": status, "i": i})


def start(later=True):
    """The clock from the day before onto the start, and (later) past it."""
    return [("time_passes", {"by": 2})] + ([("time_passes", {"by": 1})] if later else [])


# Each sequence reaches one rule; the comment names the mistake it would catch.
SEQUENCES = {
    # a cancellation, by the resident or by staff, after the start moves nobody up
    "cancel after the start": (
        1,
        [book(0), book(1), *start(), cancel(CONFIRMED)],
    ),
    "staff cancel after the start": (
        1,
        [book(0), book(1), *start(), cancel(CONFIRMED, by_staff=True)],
    ),
    "cancel at the very start": (
        1,
        [book(0), book(1), *start(later=False), cancel(CONFIRMED)],
    ),
    "cancel just before the start": (
        1,
        [
            book(0),
            book(1),
            ("time_passes", {"by": 1}),
            cancel(CONFIRMED),
        ],
    ),
    # a capacity raised after the start, and "move up" after the start, seat nobody
    "capacity raised after the start": (
        1,
        [book(0), book(1), *start(), ("change_capacity", {"capacity": 3})],
    ),
    "move up after the start": (
        1,
        [book(0), book(1), *start(), ("change_capacity", {"capacity": 2}), move_up(WAITLISTED)],
    ),
    # a raised capacity moves the waiting list up, in booking order
    "capacity raised": (1, [book(0), book(1), book(2), book(3), ("change_capacity", {"capacity": 3})]),
    # a lowered capacity moves the latest back, and a cancellation then promotes nobody past it
    "capacity lowered, then a cancellation": (
        3,
        [
            book(0),
            book(1),
            book(2),
            ("change_capacity", {"capacity": 1}),
            cancel(WAITLISTED, 1),
            cancel(CONFIRMED, by_staff=True),
        ],
    ),
    # a freed seat goes to the first in the queue
    "waiting list in order": (
        1,
        [book(0), book(1), book(2), book(3), cancel(CONFIRMED)],
    ),
    # "move up" only into a free seat, and only for someone waiting
    "move up with every seat taken": (1, [book(0), book(1), book(2), move_up(WAITLISTED, 1)]),
    "move up someone seated": (1, [book(0), book(1), move_up(CONFIRMED)]),
    # cancelling twice, and publishing a cancelled date, tell nobody again
    "cancel twice": (
        2,
        [
            book(0),
            cancel(CONFIRMED, by_staff=True),
            cancel(CANCELLED, by_staff=True),
        ],
    ),
    "the date cancelled after a cancellation": (
        1,
        [book(0), book(1), cancel(CONFIRMED, by_staff=True), ("cancel_the_date", {})],
    ),
    "publish after the date was cancelled": (
        1,
        [book(0), book(1), ("cancel_the_date", {}), ("change_capacity", {"capacity": 3}), book(2)],
    ),
}


@pytest.mark.parametrize("name", SEQUENCES)
def test_fixed_sequences_keep_the_rules(series, name):
    capacity, steps = SEQUENCES[name]
    machine = make_machine(*series)()
    try:
        machine.open_the_date(capacity=capacity)
        for rule_name, arguments in steps:
            getattr(machine, rule_name)(**arguments)
            for check in INVARIANTS:
                getattr(machine, check)()
    finally:
        machine.teardown()
