"""Scheduled jobs of the digital-help services (run by core's scheduler)."""

from core.schedule import DAY, HOUR, MINUTE, register_command

register_command("purge_bookings", DAY, "deletes bookings BOOKING_RETENTION_DAYS (30) after their date")
register_command(
    "send_booking_mail",
    MINUTE,
    "sends booking messages the worker could not send (mail server down), each once",
)
register_command("send_booking_reminders", HOUR, "reminds each booker the day before, once per booking")
