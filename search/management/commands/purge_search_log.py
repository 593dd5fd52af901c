import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from search.models import QueryLog


class Command(BaseCommand):
    help = (
        "Raderar loggade sökningar äldre än N dagar (standard SEARCH_LOG_RETENTION_DAYS, 365). "
        "Rapporten Sökningar visar de senaste 90 dagarna. Kör den varje natt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.SEARCH_LOG_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        cutoff = timezone.now() - datetime.timedelta(days=days)
        deleted, _detail = QueryLog.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"{deleted} loggade sökningar raderade.")
