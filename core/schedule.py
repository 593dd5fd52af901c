"""Scheduled jobs, declared once in code and run by `manage.py run_scheduler` through the task worker.

Each app declares its jobs in a `jobs.py` module (found by `autodiscover_modules`, like admin.py):

    from core.schedule import Job, register
    register(Job("purge_bookings", every=timedelta(days=1), command="purge_bookings"))

A job is a management command (with arguments) or a module-level function. The scheduler enqueues
the `run_job` task when a job is due, taking the job's row (`ScheduledJob`) with a compare-and-set
update in the same transaction, so several schedulers never start a job twice and a job still
running is not started again. On PostgreSQL a run holds a session-level advisory lock of its job while
it runs: a run whose worker was killed outright (its session ended, and the lock with it) is started
again at the next tick, and so is one cut off by a restart of PostgreSQL. Elsewhere (SQLite) a run
whose worker died is started again once `timeout` has passed. Each enqueued run
carries a fresh run key written to the row; the task starts the job only if it can take that key
(compare-and-set again), so a task delivered twice, or an old task of a run that timed out and was
enqueued anew, does nothing. The task records when it finished; a failed job is retried sooner than
its interval, after 1, 2, 4 … minutes (never later than its interval), and a job that succeeded runs
again `every` later. Jobs are idempotent besides: running one twice does no harm (purges, syncs,
reminders and digests that remember whom they told, mail keyed per message).
"""

import datetime
import hashlib
import io
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from core.models import ScheduledJob

logger = logging.getLogger(__name__)

RETRY_BASE = datetime.timedelta(minutes=1)


def _always() -> bool:
    return True


@dataclass(frozen=True)
class Job:
    name: str
    every: datetime.timedelta
    command: str = ""
    args: tuple = ()
    function: Callable[[], object] | None = None
    description: str = ""
    timeout: datetime.timedelta = datetime.timedelta(minutes=30)
    enabled: Callable[[], bool] = field(default=_always)

    def run(self) -> str:
        if self.function is not None:
            return str(self.function())
        out = io.StringIO()
        call_command(self.command, *self.args, stdout=out, stderr=out)
        return out.getvalue()[-2000:]


JOBS: dict[str, Job] = {}


def register(job: Job) -> Job:
    if not (job.command or job.function):
        raise ValueError(f"job {job.name} needs a command or a function")
    JOBS[job.name] = job
    return job


MINUTE = datetime.timedelta(minutes=1)
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


def register_command(name: str, every: datetime.timedelta, description: str, **options) -> Job:
    """Declare in one line a job that runs the management command of the same name; `options` are the
    other fields of `Job` (`command` when the command is named otherwise, `args`, `timeout`, `enabled`)."""
    options.setdefault("command", name)
    return register(Job(name, every=every, description=description, **options))


def register_function(
    function: Callable[[], object], every: datetime.timedelta, description: str, name: str = "", **options
) -> Job:
    """Declare in one line a job that calls a module-level function; the job is named after the function
    unless `name` says otherwise."""
    job = Job(name or function.__name__, every=every, function=function, description=description, **options)
    return register(job)


def all_jobs() -> dict[str, Job]:
    autodiscover_modules("jobs")
    return dict(sorted(JOBS.items()))


def is_enabled(job: Job) -> bool:
    """SCHEDULED_JOBS_DISABLED lists jobs this machine must not run (the local runs skip check_links,
    which would send requests to other hosts); a job may also switch itself off (`enabled`)."""
    return job.name not in settings.SCHEDULED_JOBS_DISABLED and job.enabled()


def database_started_at() -> datetime.datetime | None:
    """When the PostgreSQL server started (None elsewhere). A restart ends every session, so a job
    that was running then fails at its next query and never records that it finished; its claim is
    released at once rather than after its timeout."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_postmaster_start_time()")
        return cursor.fetchone()[0]


# The first key of the advisory locks that runs hold ("ENVA"); the second is the job's name, hashed.
RUN_LOCK_SPACE = 0x454E5641


def _run_lock(name: str) -> list[int]:
    digest = hashlib.blake2b(name.encode(), digest_size=4).digest()
    return [RUN_LOCK_SPACE, int.from_bytes(digest, "big", signed=True)]


def take_run_lock(name: str) -> bool | None:
    """Take the lock a run of `name` holds while it runs (PostgreSQL; None elsewhere): False when
    another session holds it, a run still going on."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", _run_lock(name))
        return cursor.fetchone()[0]


def release_run_lock(name: str) -> None:
    """Give the lock back; a connection that broke meanwhile has already let it go with its session
    (logged, never raised: the job's own outcome is what matters)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", _run_lock(name))
    except DatabaseError as exc:
        logger.warning("could not release the run lock of %s: %s", name, exc)


def run_has_died(name: str) -> bool:
    """A run of `name` that has started is no longer held by any session (PostgreSQL): its worker
    was killed, or lost its connection. Elsewhere never known (False): the timeout decides."""
    if not take_run_lock(name):
        return False
    release_run_lock(name)
    return True


def tick(now: datetime.datetime | None = None) -> list[str]:
    """Enqueue every job that is due and not already running; returns their names."""
    from core.tasks import run_job

    now = now or timezone.now()
    restarted_at = database_started_at()
    claimed_jobs = []
    for job in all_jobs().values():
        if not is_enabled(job):
            continue
        ScheduledJob.objects.get_or_create(name=job.name, defaults={"next_run_at": now})
        stale = Q(enqueued_at__lt=now - job.timeout)
        if restarted_at is not None:  # a run that had started when the database restarted has died
            stale |= Q(run_key="", enqueued_at__lt=restarted_at)
        started = ScheduledJob.objects.filter(name=job.name, run_key="", enqueued_at__isnull=False)
        if connection.vendor == "postgresql" and started.exists() and run_has_died(job.name):
            # Taken by a worker (its run key cleared) and held by no session: the worker died. (A run
            # that ends meanwhile has cleared `enqueued_at` first: the claim below then waits for it.)
            stale |= Q(run_key="")
        with transaction.atomic():
            run_key = uuid.uuid4().hex
            claimed = ScheduledJob.objects.filter(
                Q(enqueued_at__isnull=True) | stale,
                name=job.name,
                next_run_at__lte=now,
            ).update(enqueued_at=now, run_key=run_key)
            if claimed:
                run_job.enqueue(job.name, run_key)  # in the same transaction on the database backend
                claimed_jobs.append(job.name)
    return claimed_jobs


def run(name: str, run_key: str = "") -> str:
    """Run one job now (the body of the `run_job` task) and record the outcome.

    With a `run_key` (the scheduler's) the job runs only if this task takes that run first; without
    one (an operator's `run_job.enqueue(name)`) it runs unless a run of it is going on (PostgreSQL).
    """
    job = all_jobs().get(name)
    if job is None:
        ScheduledJob.objects.filter(name=name).delete()
        return f"no job called {name}"
    locked = take_run_lock(name)
    if locked is False:
        if run_key:
            # This run is not made: the row counts as taken, so that should the run going on die,
            # the next tick sees that (`run_has_died`) rather than wait for the timeout.
            ScheduledJob.objects.filter(name=name, run_key=run_key).update(run_key="")
        return f"{name}: a run is going on already; nothing done"
    try:
        return _run(job, name, run_key)
    finally:
        if locked:
            release_run_lock(name)


def _run(job: Job, name: str, run_key: str) -> str:
    started = timezone.now()
    row, _created = ScheduledJob.objects.get_or_create(name=name, defaults={"next_run_at": started})
    rows = ScheduledJob.objects.filter(name=name)
    if run_key:
        rows = rows.filter(run_key=run_key)
    if not rows.update(last_started_at=started, run_key=""):
        return f"{name}: run {run_key} was already taken (a repeated or outdated task); nothing done"
    try:
        output = job.run()
    except BaseException as exc:  # CommandError, SystemExit from a command, anything: back off
        failures = row.failures + 1
        delay = min(job.every, RETRY_BASE * 2 ** (failures - 1))
        finished = timezone.now()
        ScheduledJob.objects.filter(name=name).update(
            failures=failures,
            last_error=f"{type(exc).__name__}: {exc}"[:2000],
            last_finished_at=finished,
            enqueued_at=None,
            next_run_at=finished + delay,
        )
        logger.warning("job %s failed (%s in a row): %s; next try in %s", name, failures, exc, delay)
        if isinstance(exc, Exception | SystemExit):
            raise RuntimeError(f"job {name} failed: {exc}") from exc
        raise
    finished = timezone.now()
    ScheduledJob.objects.filter(name=name).update(
        failures=0,
        last_error="",
        last_finished_at=finished,
        last_succeeded_at=finished,
        enqueued_at=None,
        next_run_at=started + job.every,
    )
    return output
