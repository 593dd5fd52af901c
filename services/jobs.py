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

register(
    Job(
        "send_booking_mail",
        every=datetime.timedelta(minutes=1),
        command="send_booking_mail",
        description="sends booking messages the worker could not send (mail server down), each once",
    )
)

register(
    Job(
        "send_booking_reminders",
        every=datetime.timedelta(hours=1),
        command="send_booking_reminders",
        description="reminds each booker the day before, once per booking",
    )
)
