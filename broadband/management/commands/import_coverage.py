from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from broadband.coverage import HEADER, import_file


class Command(BaseCommand):
    help = (
        "Importerar täckningsstatistik från en CSV-fil (kolumner: " + ";".join(HEADER) + "). "
        "Allt eller inget: en fil med fel rader importerar ingenting. Ett år i filen ersätter årets siffror."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        if not file.exists():
            raise CommandError(f"Filen {file} finns inte.")
        parsed, record = import_file(file.read_bytes(), filename=file.name)
        if parsed.errors:
            raise CommandError("Ingenting importerades:\n" + "\n".join(parsed.errors))
        summary = (
            f"{record.rows} rader importerade för {record.years}; {record.replaced} tidigare rader ersatta."
        )
        self.stdout.write(self.style.SUCCESS(summary))
