"""Core's own scheduled jobs: the mail sweep, forgetting delivered mail, pruning task records."""

import datetime

from django.conf import settings
from django.utils import timezone

from core.mail import deliver_due
from core.models import OutgoingMail
from core.schedule import DAY, register_command, register_function


def purge_sent_mail() -> str:
    """Mail bodies hold names and cancellation links: keep them no longer than the bookings."""
    cutoff = timezone.now() - datetime.timedelta(days=settings.MAIL_RETENTION_DAYS)
    deleted, _ = (
        OutgoingMail.objects.exclude(status=OutgoingMail.Status.PENDING)
        .filter(created_at__lt=cutoff)
        .delete()
    )
    return f"{deleted} delivered or abandoned messages older than {cutoff:%Y-%m-%d} deleted"


def _database_queue() -> bool:
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks_db import DatabaseBackend

    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)


register_function(
    deliver_due,
    datetime.timedelta(seconds=settings.MAIL_SWEEP_SECONDS),
    "delivers queued mail whose retry time has come or whose worker died",
    name="deliver_mail",
    timeout=datetime.timedelta(minutes=10),
)
register_function(purge_sent_mail, DAY, "deletes delivered mail after MAIL_RETENTION_DAYS (30)")
register_command(
    "prune_task_results",
    DAY,
    "deletes the worker's records of tasks finished more than a week ago",
    command="prune_db_task_results",
    args=("--min-age-days", "7"),
    enabled=_database_queue,
)
