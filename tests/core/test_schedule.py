"""Scheduled jobs: declared once in each app's jobs.py, started when due, once, with back-off."""

import datetime
import subprocess
import sys
import time

import pytest
from django.core.management import call_command
from django.utils import timezone

from core import schedule
from core.models import ScheduledJob

pytestmark = pytest.mark.django_db

RUNS = []


def counting_job():
    RUNS.append(timezone.now())
    if getattr(counting_job, "fail", False):
        raise RuntimeError("the relay is down")
    return "ok"


@pytest.fixture
def test_job(settings):
    """A job of the test's own; the site's jobs are switched off here (the link check would try
    every external link of the demo, and tests reach only this machine)."""
    settings.SCHEDULED_JOBS_DISABLED = sorted(schedule.all_jobs())
    RUNS.clear()
    counting_job.fail = False
    job = schedule.register(
        schedule.Job("test_counting", every=datetime.timedelta(hours=1), function=counting_job)
    )
    yield job
    schedule.JOBS.pop("test_counting", None)


def test_every_job_the_site_needs_is_declared_with_its_interval():
    jobs = schedule.all_jobs()
    minute, day = datetime.timedelta(minutes=1), datetime.timedelta(days=1)
    expected = {
        "publish_scheduled": minute,
        "search_sync": minute,
        "deliver_mail": minute,
        "purge_bookings": day,
        "purge_search_log": day,
        "send_review_reminders": day,
        "check_links": day,
        "purge_sent_mail": day,
    }
    assert {name: jobs[name].every for name in expected} == expected


def test_a_due_job_runs_once_and_then_waits_its_interval(test_job):
    now = timezone.now()
    assert "test_counting" in schedule.tick(now)  # the immediate backend runs the task at once
    assert len(RUNS) == 1
    assert "test_counting" not in schedule.tick(now + datetime.timedelta(minutes=59))
    assert len(RUNS) == 1
    row = ScheduledJob.objects.get(name="test_counting")
    assert row.enqueued_at is None and row.failures == 0 and row.last_succeeded_at
    assert row.next_run_at - row.last_started_at == datetime.timedelta(hours=1)


def test_a_run_claimed_but_not_taken_by_a_worker_is_enqueued_again_after_its_timeout(test_job):
    now = timezone.now()
    # Claimed by the scheduler, not yet taken by a worker (its run key still set)
    ScheduledJob.objects.create(name="test_counting", next_run_at=now, enqueued_at=now, run_key="k")
    assert "test_counting" not in schedule.tick(now + datetime.timedelta(minutes=5))
    assert RUNS == []
    assert "test_counting" in schedule.tick(now + datetime.timedelta(minutes=31))  # its worker died
    assert len(RUNS) == 1


def test_a_run_whose_worker_is_killed_is_started_again_at_the_next_tick(test_job):
    """A worker killed outright (kill -9, the machine's OOM killer) never records that its run
    ended; the run held its job's advisory lock in the worker's database session, which ended with
    the process: the next tick starts the job again, not after its timeout (ten minutes for the
    index sync, while a restricted page stayed searchable)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the run's lock is PostgreSQL's (CI runs the tests on PostgreSQL)")
    now = timezone.now()
    ScheduledJob.objects.create(name="test_counting", next_run_at=now, enqueued_at=now, run_key="")
    from psycopg.conninfo import make_conninfo

    db = connection.settings_dict
    dsn = make_conninfo(
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        dbname=db["NAME"],
        user=db["USER"],
        password=db["PASSWORD"],
    )
    worker = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, psycopg\n"
            "c = psycopg.connect(sys.argv[1], autocommit=True)\n"
            "held = c.execute('SELECT pg_try_advisory_lock(%s, %s)', [int(sys.argv[2]), int(sys.argv[3])])\n"
            "print('running' if held.fetchone()[0] else 'busy', flush=True)\n"
            "sys.stdin.read()\n",
            dsn,
            *map(str, schedule._run_lock("test_counting")),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert worker.stdout.readline().strip() == "running"
        later = now + datetime.timedelta(minutes=1)
        assert "test_counting" not in schedule.tick(later)  # its worker is alive: it runs
        assert "going on already" in schedule.run("test_counting")  # nor does an operator's run start
        assert RUNS == []
        worker.kill()  # SIGKILL: nothing recorded, the session simply ends
        worker.wait(timeout=10)
        # The server ends the session as soon as it reads the closed connection: bounded, not a sleep.
        deadline = time.monotonic() + 10
        while schedule.tick(later) != ["test_counting"]:
            assert time.monotonic() < deadline, "the killed worker's run was never started again"
        assert len(RUNS) == 1
        row = ScheduledJob.objects.get(name="test_counting")
        assert row.enqueued_at is None and row.last_succeeded_at is not None
    finally:
        worker.kill()


def test_a_run_is_done_once_however_often_its_task_is_delivered(test_job, settings):
    from core.tasks import run_job

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    now = timezone.now()
    assert "test_counting" in schedule.tick(now)
    [queued] = [r for r in run_job.get_backend().results if r.args[0] == "test_counting"]
    name, run_key = queued.args
    assert ScheduledJob.objects.get(name=name).run_key == run_key
    schedule.run(name, run_key)
    assert "already taken" in schedule.run(name, run_key)  # the same task delivered again
    assert len(RUNS) == 1
    # A run that timed out is enqueued anew; the first task, arriving late, does nothing.
    ScheduledJob.objects.filter(name=name).update(
        next_run_at=now, enqueued_at=now - datetime.timedelta(hours=1)
    )
    assert "test_counting" in schedule.tick(now)
    assert "already taken" in schedule.run(name, run_key)
    assert len(RUNS) == 1
    schedule.run(name)  # an operator's run without a key always runs
    assert len(RUNS) == 2


def test_a_run_cut_off_by_a_database_restart_is_started_again_without_waiting_for_its_timeout(test_job):
    restarted_at = schedule.database_started_at()
    if restarted_at is None:
        pytest.skip("the server's start time is PostgreSQL's (CI runs the tests on PostgreSQL)")
    before = restarted_at - datetime.timedelta(minutes=1)
    ScheduledJob.objects.create(name="test_counting", next_run_at=before, enqueued_at=before, run_key="x")
    now = restarted_at + datetime.timedelta(minutes=1)
    assert "test_counting" not in schedule.tick(now)  # enqueued, not yet taken by a worker: it waits
    ScheduledJob.objects.filter(name="test_counting").update(run_key="")  # taken, then the restart
    assert "test_counting" in schedule.tick(now)
    assert len(RUNS) == 1


def test_a_failed_job_is_retried_sooner_with_growing_back_off(test_job):
    counting_job.fail = True
    schedule.tick()  # the task fails (the worker records it); the job's row says when to retry
    row = ScheduledJob.objects.get(name="test_counting")
    assert row.failures == 1 and "relay is down" in row.last_error and row.enqueued_at is None
    first_delay = row.next_run_at - row.last_finished_at
    assert datetime.timedelta(seconds=55) < first_delay <= datetime.timedelta(minutes=1)
    schedule.tick(row.next_run_at + datetime.timedelta(seconds=1))
    row.refresh_from_db()
    assert row.failures == 2 and row.next_run_at - row.last_finished_at > first_delay
    counting_job.fail = False
    schedule.tick(row.next_run_at + datetime.timedelta(seconds=1))
    row.refresh_from_db()
    assert row.failures == 0 and row.last_error == "" and len(RUNS) == 3


def test_a_machine_can_switch_jobs_off(test_job, settings):
    settings.SCHEDULED_JOBS_DISABLED = [*settings.SCHEDULED_JOBS_DISABLED, "test_counting"]
    assert "test_counting" not in schedule.tick()
    assert RUNS == []


def test_the_scheduler_command_runs_due_jobs_and_lists_them(test_job):
    from io import StringIO

    out = StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert "enqueued test_counting" in out.getvalue() and len(RUNS) == 1
    listing = StringIO()
    call_command("run_scheduler", "--list", stdout=listing)
    assert "test_counting" in listing.getvalue() and "purge_bookings" in listing.getvalue()
