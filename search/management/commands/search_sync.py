from django.core.management.base import BaseCommand, CommandError

from search import breaker
from search.indexes import engine_configured
from search.indexing import ENGINE_ERRORS, drain, rebuild_if_missing


class Command(BaseCommand):
    help = (
        "Gör de indexuppdateringar som väntar i kön (utkorgen). Varje ändring skrivs dit i samma transaktion "
        "som publiceringen och görs direkt efteråt; det här kommandot tar det som återstår, till exempel när "
        "sökmotorn inte svarade. Kör den varje minut från en schemaläggare."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Försök nu: strunta i brytaren och i väntetiden för ändringar som har misslyckats.",
        )
        parser.add_argument("--limit", type=int, default=None, help="Högst så många rader (standard alla).")

    def handle(self, *args, force, limit, **options):
        if not engine_configured():
            raise CommandError("OPENSEARCH_URL är inte satt.")
        if force:
            breaker.reset()
        if breaker.state() != breaker.OPEN:
            try:
                rebuild_if_missing(progress=lambda message: self.stdout.write(message))
            except ENGINE_ERRORS as exc:
                breaker.failed(exc)  # the drain below reports the engine as down

        def show(key):
            self.stdout.write(f"  {key}")

        if force:  # everything waiting, now, in one pass
            result = drain(limit=limit, progress=show, due_only=False, respect_breaker=False)
            applied, failed = result.applied, result.failed
        else:  # batches of due rows until nothing is left to do
            applied = failed = 0
            while True:
                result = drain(limit=limit or 500, progress=show)
                applied += result.applied
                failed += result.failed
                if limit or result.engine_down or not (result.applied or result.failed):
                    break
        self.stdout.write(
            f"{applied} uppdateringar gjorda, {failed} misslyckades, {result.pending} väntar, "
            f"{result.set_aside} lagda åt sidan."
        )
        if result.set_aside:
            self.stderr.write("Lagda åt sidan: se Rapporter → Indexkö i administrationen.")
        if result.refused:
            raise CommandError(
                f"Sökmotorn svarar men tar inte emot ändringar ({result.refused}); "
                "kön finns kvar och prövas nästa gång."
            )
        if result.engine_down:
            raise CommandError("Sökmotorn svarar inte än; kön finns kvar och prövas nästa gång.")
