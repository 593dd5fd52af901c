from django.conf import settings
from django.core.management.base import BaseCommand

from broadband.reports import purge_reports


class Command(BaseCommand):
    help = (
        "Raderar plats, koordinater, beskrivning och kontaktuppgifter ur rapporter om mobiltäckning som "
        "kom in för mer än N dagar sedan (standard COVERAGE_REPORT_RETENTION_DAYS, 365); kommun, operatör, "
        "problem och datum finns kvar för statistiken. Kör den varje natt från schemaläggaren."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.COVERAGE_REPORT_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        if days < 1:
            self.stderr.write("--days måste vara minst 1.")
            raise SystemExit(2)
        erased = purge_reports(days)
        self.stdout.write(f"{erased} rapporter äldre än {days} dagar har fått personuppgifterna raderade.")
