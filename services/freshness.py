"""Digital help's column of the freshness overview (editorial discovers it through a hook)."""

import datetime

from django.conf import settings
from django.utils import timezone

from editorial.freshness import REGION, FreshnessColumn, items_by_path, page_items
from services.models import HelpSessionPage

LOOK_AHEAD = datetime.timedelta(days=366)


def sessions_without_dates(organisations):
    """Live session series (source language) with no date left in the coming year, cancelled dates
    not counted: a library page that promises help nobody can come to."""
    today = timezone.localdate()
    sessions = (
        HelpSessionPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .prefetch_related("cancellations")
        .order_by("path")
    )
    empty = []
    for session in sessions:
        cancelled = {c.date for c in session.cancellations.all()}
        if not [day for day in session.occurrence_dates(today, today + LOOK_AHEAD) if day not in cancelled]:
            empty.append(session)
    last = {s.pk: s.until or s.first_date for s in empty}
    things = page_items(empty, lambda page: f"sista datum {last[page.pk]:%Y-%m-%d}" if last[page.pk] else "")
    return items_by_path([o for o in organisations if o.kind != REGION], things)


def services_columns() -> list[FreshnessColumn]:
    return [
        FreshnessColumn(
            "sessions_without_dates",
            "Hjälptillfällen utan datum framåt",
            sessions_without_dates,
            "Serier med digital hjälp som inte har något datum kvar det närmaste året.",
            order=50,
        )
    ]
