import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from services.models import Booking, SessionOccurrence


class Command(BaseCommand):
    help = (
        "Raderar bokningar (namn, kontaktuppgifter, behov) när tillfället var för mer än N dagar sedan "
        "(standard BOOKING_RETENTION_DAYS, 30). Kör den varje natt från en schemaläggare."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.BOOKING_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        cutoff = timezone.localdate() - datetime.timedelta(days=days)
        deleted, _detail = Booking.objects.filter(occurrence__date__lt=cutoff).delete()
        SessionOccurrence.objects.filter(date__lt=cutoff, bookings__isnull=True).delete()
        self.stdout.write(f"{deleted} bokningar från före {cutoff:%Y-%m-%d} raderade.")
