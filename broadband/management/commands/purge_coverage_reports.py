from broadband.reports import purge_reports
from core.commands import RetentionCommand


class Command(RetentionCommand):
    help = (
        "Raderar plats, koordinater, beskrivning och kontaktuppgifter ur rapporter om mobiltäckning som "
        "kom in för mer än N dagar sedan (standard COVERAGE_REPORT_RETENTION_DAYS, 365); kommun, operatör, "
        "problem och datum finns kvar för statistiken. Kör den varje natt från schemaläggaren."
    )
    retention_setting = "COVERAGE_REPORT_RETENTION_DAYS"

    def purge(self, days):
        if days < 1:
            self.stderr.write("--days måste vara minst 1.")
            raise SystemExit(2)
        erased = purge_reports(days)
        return f"{erased} rapporter äldre än {days} dagar har fått personuppgifterna raderade."
