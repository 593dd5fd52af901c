import datetime

from django.utils import timezone

from core.commands import RetentionCommand
from services.models import Booking, SessionOccurrence


class Command(RetentionCommand):
    help = (
        "Raderar bokningar (namn, kontaktuppgifter, behov) när tillfället var för mer än N dagar sedan "
        "(standard BOOKING_RETENTION_DAYS, 30). Kör den varje natt från en schemaläggare."
    )
    retention_setting = "BOOKING_RETENTION_DAYS"

    def purge(self, days):
        cutoff = timezone.localdate() - datetime.timedelta(days=days)
        deleted, _detail = Booking.objects.filter(occurrence__date__lt=cutoff).delete()
        SessionOccurrence.objects.filter(date__lt=cutoff, bookings__isnull=True).delete()
        return f"{deleted} bokningar från före {cutoff:%Y-%m-%d} raderade."
