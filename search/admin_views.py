"""The editors' report of what residents search for, and what finds nothing.

Only for those who act on it (synonyms, best bets, new pages): users holding the "view query log"
permission, which `setup_editors` gives the regional editors. Searches are what residents typed,
so nobody else reads them. The index outbox's report is for administrators.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Min
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from search import breaker
from search.indexing import retry_set_aside
from search.models import IndexOutbox, QueryLog

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


OUTBOX_PERMISSION = "envagin_search.change_indexoutbox"


def can_see_outbox(user) -> bool:
    """The outbox names pages of every organisation: regional administrators only."""
    return user.is_active and user.has_perm(OUTBOX_PERMISSION)


@require_http_methods(["GET", "HEAD", "POST"])
def outbox_report(request):
    """Index changes set aside after repeated failures (with their errors), and what is waiting."""
    if not can_see_outbox(request.user):
        raise PermissionDenied
    if request.method == "POST":
        pks = [int(pk) for pk in request.POST.getlist("row") if pk.isdigit()][:1000]
        retry_set_aside(pks if request.POST.get("which") != "all" else None)
        return redirect("search_outbox_report")
    pending = IndexOutbox.objects.pending().aggregate(count=Count("id"), oldest=Min("created_at"))
    set_aside = IndexOutbox.objects.set_aside().order_by("-set_aside_at")[:200]
    return render(
        request,
        "search/admin/outbox_report.html",
        {
            "pending": pending,
            "set_aside": set_aside,
            "set_aside_count": IndexOutbox.objects.set_aside().count(),
            "breaker": breaker.state(),
            "header_title": "Indexkö",
        },
    )
