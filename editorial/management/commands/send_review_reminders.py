from django.core.management.base import BaseCommand

from editorial.review import send_review_reminders


class Command(BaseCommand):
    help = (
        "Mejlar varje redaktörsgrupp de sidor i deras del av webbplatsen vars granskningsdatum har passerat. "
        "En sida nämns för en grupp högst en gång i veckan, så kommandot kan köras varje dag."
    )

    def handle(self, *args, **options):
        sent = send_review_reminders()
        self.stdout.write(f"{sent} påminnelser skickade.")
