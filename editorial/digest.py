"""The weekly freshness digest: each group gets the rows of the overview it is responsible for —
a municipality's editors their municipality and its libraries, a library's staff their library, the
region the whole table — once per week however often the command runs."""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from editorial import freshness
from editorial.models import FreshnessDigest
from editorial.review import group_roots


def week_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def digest_text(data: dict, regional: bool) -> str:
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("freshness_overview")
    intro = (
        "Så här ser det ut i hela regionen den här veckan."
        if regional
        else "Så här ser det ut hos er den här veckan."
    )
    totals = ""
    if regional:
        totals = "\n\nTotalt (varje sak en gång):\n  " + "\n  ".join(
            f"{column.label}: {total}" for column, total in zip(data["columns"], data["totals"], strict=True)
        )
    return (
        f"Hej!\n\n{intro} Siffrorna räknar det som behöver ses över:\n\n"
        f"{freshness.as_text_table(data)}{totals}\n\n"
        f"Listorna bakom siffrorna: {url}\n"
    )


def send_freshness_digest(today: datetime.date | None = None, log=lambda message: None) -> int:
    """Mail each group with page permissions its rows; returns how many digests were sent."""
    today = today or timezone.localdate()
    week = week_of(today)
    everyone = freshness.organisations()
    sent = 0
    for group in Group.objects.prefetch_related("user_set").order_by("name"):
        roots = group_roots(group)
        recipients = sorted({u.email for u in group.user_set.all() if u.email and u.is_active})
        if not roots or not recipients:
            continue
        shown = freshness.organisations_for_roots([root.path for root in roots], everyone)
        if not shown:
            continue
        try:
            with transaction.atomic():
                record = FreshnessDigest.objects.create(group=group, week=week, recipients=len(recipients))
        except IntegrityError:
            continue  # already sent this week
        regional = len(shown) == len(everyone)
        data = freshness.overview(organisations_shown=shown)
        try:
            send_mail(
                f"Aktualitet vecka {week:%V}: {group.name}",
                digest_text(data, regional),
                settings.DEFAULT_FROM_EMAIL,
                recipients,
            )
        except Exception:
            record.delete()  # not sent: the next run tries again
            log(f"  kunde inte skicka till {group.name}")
            raise
        sent += 1
        log(f"  {group.name}: {len(shown)} rader till {len(recipients)} mottagare")
    return sent
