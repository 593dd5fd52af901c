from django.core.management.base import BaseCommand, CommandError

from services.mail import send_pending


class Command(BaseCommand):
    help = (
        "Skickar de bokningsmejl som inte gick iväg (e-postservern svarade inte). Varje meddelande "
        "skickas högst en gång. Kör den varje minut från schemaläggaren."
    )

    def handle(self, *args, **options):
        sent, waiting = send_pending()
        self.stdout.write(f"{sent} skickade, {waiting} väntar.")
        if waiting:
            raise CommandError(f"{waiting} bokningsmejl kunde inte skickas ännu.")
