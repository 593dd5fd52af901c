from django.core.management.base import BaseCommand, CommandError

from search.indexes import engine_configured
from search.indexing import drain


class Command(BaseCommand):
    help = (
        "Gör om indexuppdateringar som väntar i kön (för att sökmotorn inte svarade när sidan publicerades). "
        "Kör den gärna varje minut från en schemaläggare."
    )

    def handle(self, *args, **options):
        if not engine_configured():
            raise CommandError("OPENSEARCH_URL är inte satt.")
        applied, left = drain(progress=lambda key: self.stdout.write(f"  {key}"))
        self.stdout.write(f"{applied} uppdateringar gjorda, {left} kvar i kön.")
        if left:
            raise CommandError("Sökmotorn svarar inte än; kön finns kvar och prövas nästa gång.")
