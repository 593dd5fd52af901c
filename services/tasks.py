"""The background tasks of the digital-help services, run by the django-tasks worker."""

from django_tasks import task


@task()
def deliver_booking_message(message_id: int) -> bool:
    """Send one booking message from the outbox (claimed first, so it is never sent twice)."""
    from services.mail import send_booking_message

    return send_booking_message(message_id)
