"""Scheduled jobs of the digital-help services (run by core's scheduler)."""

import datetime

from core.schedule import Job, register

register(
    Job(
        "purge_bookings",
        every=datetime.timedelta(days=1),
        command="purge_bookings",
        description="deletes bookings BOOKING_RETENTION_DAYS (30) after their date",
    )
)
