from django.core.management.base import BaseCommand

from editorial.groups import setup_editors


class Command(BaseCommand):
    help = (
        "Skapar redaktörsgrupper ur sidträdet: regionens redaktörer och granskare, en grupp per kommun "
        "(rättigheter på kommunens sidor och en egen bildsamling) och en per bibliotek (bibliotekets sidor). "
        "Kör den igen när en kommun eller ett bibliotek har lagts till; befintligt ändras inte."
    )

    def handle(self, *args, **options):
        report = setup_editors()
        for line in report.created:
            self.stdout.write(f"  skapade {line}")
        for line in report.removed:
            self.stdout.write(f"  tog bort {line}")
        for line in report.warnings:
            self.stdout.write(self.style.WARNING(f"  varning: {line}"))
        self.stdout.write(self.style.SUCCESS(f"Klart: {len(report.created)} nya grupper och samlingar."))
