"""Core's own scheduled jobs: the mail sweep, forgetting delivered mail, pruning task records."""

import datetime

from django.conf import settings
from django.utils import timezone

from core.mail import deliver_due
from core.models import OutgoingMail
from core.schedule import Job, register


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


register(
    Job(
        "deliver_mail",
        every=datetime.timedelta(seconds=settings.MAIL_SWEEP_SECONDS),
        function=deliver_due,
        description="delivers queued mail whose retry time has come or whose worker died",
        timeout=datetime.timedelta(minutes=10),
    )
)
register(
    Job(
        "purge_sent_mail",
        every=datetime.timedelta(days=1),
        function=purge_sent_mail,
        description="deletes delivered mail after MAIL_RETENTION_DAYS (30)",
    )
)
register(
    Job(
        "prune_task_results",
        every=datetime.timedelta(days=1),
        command="prune_db_task_results",
        args=("--min-age-days", "7"),
        description="deletes the worker's records of tasks finished more than a week ago",
        enabled=_database_queue,
    )
)
