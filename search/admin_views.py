"""The editors' report of what residents search for, and what finds nothing.

Only for those who act on it (synonyms, best bets, new pages): users holding the "view query log"
permission, which `setup_editors` gives the regional editors. Searches are what residents typed,
so nobody else reads them.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max
from django.shortcuts import render
from django.utils import timezone

from search.models import QueryLog

DAYS = 90


def may_read_query_log(user) -> bool:
    return user.has_perm(f"{QueryLog._meta.app_label}.view_querylog")


def query_report(request):
    if not may_read_query_log(request.user):
        raise PermissionDenied
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
