from django.core.management.base import BaseCommand, CommandError

from search.indexes import engine_configured
from search.indexing import ENGINE_ERRORS, rebuild


class Command(BaseCommand):
    help = (
        "Bygger nya sökindex för alla språk och byter alias i ett steg, så att sökningen svarar hela tiden. "
        "Visar hur långt den har kommit."
    )

    def handle(self, *args, **options):
        if not engine_configured():
            raise CommandError("OPENSEARCH_URL är inte satt: det finns ingen sökmotor att bygga index i.")
        try:
            counts = rebuild(progress=lambda message: self.stdout.write(message))
        except ENGINE_ERRORS as exc:
            raise CommandError(f"Sökmotorn svarar inte: {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Index klara: {counts}"))
