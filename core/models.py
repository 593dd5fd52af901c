"""The two tables background work needs: mail waiting to be delivered, and the scheduler's clock.

Both live in the database the site already has, so a booking and its confirmation are written in one
transaction, and several workers or schedulers on several machines share one truth (row locks).
"""

from django.db import models


class OutgoingMail(models.Model):
    """One e-mail, written in the same transaction as the change it tells about, delivered by a task.

    `key` is the idempotency key the sender chooses ("booking-17-booked"): enqueueing the same key
    again does nothing, so a retried request or task never writes a second message. Delivery claims
    the row for `claimed_until` before talking to the SMTP server and marks it sent afterwards, so
    two workers never send it both, and a worker that dies mid-delivery leaves it to be retried.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Väntar"
        SENT = "sent", "Skickat"
        FAILED = "failed", "Gav upp"

    key = models.CharField(max_length=200, unique=True)
    message_id = models.CharField(max_length=255, unique=True)
    subject = models.CharField(max_length=255)
    body = models.TextField()
    from_email = models.CharField(max_length=255)
    recipients = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = "utgående mejl"
        verbose_name_plural = "utgående mejl"
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="core_mail_due")]

    def __str__(self):
        return f"{self.key} ({self.get_status_display()})"


class ScheduledJob(models.Model):
    """When a job declared in code (`core.jobs`) runs next; one row per job name.

    The scheduler takes the row lock before enqueueing, so several schedulers never start a job
    twice; the job's task writes back when it finished and whether it failed (back-off).
    """

    name = models.CharField(max_length=100, primary_key=True)
    next_run_at = models.DateTimeField()
    enqueued_at = models.DateTimeField(null=True, blank=True)
    # The run the scheduler enqueued (one per due period): the task that takes it first clears it,
    # so the same task delivered twice, or a stale one from before a timeout, runs nothing.
    run_key = models.CharField(max_length=32, blank=True, default="")
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_succeeded_at = models.DateTimeField(null=True, blank=True)
    failures = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = "schemalagt jobb"
        verbose_name_plural = "schemalagda jobb"

    def __str__(self):
        return self.name
