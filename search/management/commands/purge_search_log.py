import datetime

from django.utils import timezone

from core.commands import RetentionCommand
from search.models import QueryLog


class Command(RetentionCommand):
    help = (
        "Raderar loggade sökningar äldre än N dagar (standard SEARCH_LOG_RETENTION_DAYS, 365). "
        "Rapporten Sökningar visar de senaste 90 dagarna. Kör den varje natt."
    )
    retention_setting = "SEARCH_LOG_RETENTION_DAYS"

    def purge(self, days):
        cutoff = timezone.now() - datetime.timedelta(days=days)
        deleted, _detail = QueryLog.objects.filter(created_at__lt=cutoff).delete()
        return f"{deleted} loggade sökningar raderade."
