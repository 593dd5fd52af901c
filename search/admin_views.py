"""The editors' report of what residents search for, and what finds nothing."""

import datetime

from django.db.models import Count, Max
from django.shortcuts import render
from django.utils import timezone

from search.models import QueryLog

DAYS = 90


def query_report(request):
    since = timezone.now() - datetime.timedelta(days=DAYS)
    recent = QueryLog.objects.filter(created_at__gte=since)
    frequent = (
        recent.values("query", "language")
        .annotate(count=Count("id"), hits=Max("hits"))
        .order_by("-count")[:50]
    )
    zero = (
        recent.filter(hits=0)
        .values("query", "language")
        .annotate(count=Count("id"), last=Max("created_at"))
        .order_by("-count", "-last")[:50]
    )
    return render(
        request,
        "search/admin/query_report.html",
        {"frequent": frequent, "zero": zero, "days": DAYS, "header_title": "Sökningar"},
    )
