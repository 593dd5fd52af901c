from django.core.management.base import BaseCommand

from services.mail import queue_reminders, send_booking_message


class Command(BaseCommand):
    help = (
        "Mejlar en påminnelse till alla som har en bekräftad plats i morgon, en gång per bokning "
        "(fältet reminder_sent_at markerar det). Kör den dagligen från schemaläggaren; det som inte "
        "gick att skicka försöker send_booking_mail igen."
    )

    def handle(self, *args, **options):
        queued = queue_reminders()
        sent = sum(send_booking_message(pk) for pk in queued)
        self.stdout.write(f"{len(queued)} påminnelser, {sent} skickade.")
