"""Keeping content current: which pages are due for review, for whom, and weekly reminders."""

import datetime
import hashlib

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page

from core.mail import send_later
from editorial.permissions import editable_pages
from home.models import BasePage, ReviewReminder
from home.tree import below_paths

DUE_WITHIN = datetime.timedelta(days=30)
REMIND_EVERY = datetime.timedelta(days=7)


def _page_models():
    return [m for m in apps.get_models() if issubclass(m, BasePage) and not m._meta.abstract]


def due_pages(until: datetime.date) -> list[tuple[int, datetime.date]]:
    """(page id, review date) of live pages to be reviewed by `until`, oldest first."""
    rows = []
    for model in _page_models():
        rows += list(model.objects.live().filter(review_date__lte=until).values_list("pk", "review_date"))
    return sorted(rows, key=lambda row: (row[1], row[0]))


def pages_due_for(user, today: datetime.date | None = None) -> list[dict]:
    today = today or timezone.localdate()
    rows = due_pages(today + DUE_WITHIN)
    editable = set(editable_pages(user).filter(pk__in=[pk for pk, _d in rows]).values_list("pk", flat=True))
    pages = Page.objects.in_bulk([pk for pk, _d in rows if pk in editable])
    return [
        {"page": pages[pk], "review_date": day, "overdue": day < today} for pk, day in rows if pk in editable
    ]


def group_roots(group: Group) -> list[Page]:
    return [
        gpp.page
        for gpp in GroupPagePermission.objects.filter(
            group=group, permission__codename="change_page"
        ).select_related("page")
    ]


def _digest(ids) -> str:
    return hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:32]


def send_review_reminders(today: datetime.date | None = None) -> int:
    """E-mail each group its overdue pages; a page is mentioned to a group at most once a week."""
    today = today or timezone.localdate()
    now = timezone.now()
    overdue = due_pages(today - datetime.timedelta(days=1))
    overdue_ids = [pk for pk, _day in overdue]
    sent = 0
    for group in Group.objects.prefetch_related("user_set"):
        roots = group_roots(group)
        if not roots or not overdue_ids:
            continue
        scope = below_paths(root.path for root in roots)
        pages = list(Page.objects.filter(scope, pk__in=overdue_ids).order_by("path"))
        recent = set(
            ReviewReminder.objects.filter(group=group, sent_at__gte=now - REMIND_EVERY).values_list(
                "page_id", flat=True
            )
        )
        pages = [p for p in pages if p.pk not in recent]
        recipients = [u.email for u in group.user_set.all() if u.email and u.is_active]
        if not pages or not recipients:
            continue
        lines = "\n".join(
            f"- {p.title}: {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/pages/{p.pk}/edit/"
            for p in pages
        )
        # The message and the record of whom it told are written together: a retried run tells
        # nobody twice (and the key makes a second message for the same pages that day a no-op).
        with transaction.atomic():
            send_later(
                f"{len(pages)} sidor behöver granskas",
                f"Hej!\n\nDe här sidorna skulle ha lästs igenom. Kontrollera att de stämmer och sätt ett "
                f"nytt granskningsdatum:\n\n{lines}\n",
                recipients,
                key=f"review-{group.pk}-{today:%Y%m%d}-{_digest(p.pk for p in pages)}",
            )
            ReviewReminder.objects.bulk_create(
                ReviewReminder(group=group, page=p, sent_at=now) for p in pages
            )
        sent += 1
    return sent
