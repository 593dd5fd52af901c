"""A base for the apps' management commands that forget personal data after its retention period."""

from django.conf import settings
from django.core.management.base import BaseCommand


class RetentionCommand(BaseCommand):
    """Deletes (or anonymises) what is older than `--days`; the default is the setting named by
    `retention_setting`. `purge(days)` does the work and returns the line the command prints."""

    retention_setting = ""

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=getattr(settings, self.retention_setting))

    def handle(self, *args, days, **options):
        self.stdout.write(self.purge(days))

    def purge(self, days: int) -> str:
        raise NotImplementedError
