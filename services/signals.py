"""A published series is followed by its bookings: capacity raised or lowered, dates cancelled."""

from wagtail.signals import page_published


def _series_published(sender, instance, **kwargs):
    from services.booking import apply_series

    apply_series(instance)


def connect() -> None:
    from services.models import HelpSessionPage

    page_published.connect(_series_published, sender=HelpSessionPage, dispatch_uid="services.apply_series")
