import datetime

from django.core.management.base import BaseCommand, CommandError

from editorial.digest import send_freshness_digest


class Command(BaseCommand):
    help = (
        "Skickar veckans aktualitetsöversikt: varje kommun och bibliotek får sin rad, regionen hela "
        "tabellen. Högst en gång per grupp och vecka, hur ofta kommandot än körs. Kör den varje måndag "
        "morgon (eller dagligen: den skickar bara det som inte redan gått ut den veckan)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Dagen att räkna veckan från (ÅÅÅÅ-MM-DD); standard i dag.")

    def handle(self, *args, date=None, **options):
        try:
            day = datetime.date.fromisoformat(date) if date else None
        except ValueError as exc:
            raise CommandError("--date ska vara ÅÅÅÅ-MM-DD.") from exc
        sent = send_freshness_digest(day, log=self.stdout.write)
        self.stdout.write(f"{sent} sammanställningar skickade.")
