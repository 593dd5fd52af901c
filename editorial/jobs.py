"""Scheduled jobs of the editorial work (run by core's scheduler)."""

import datetime

from core.schedule import Job, register

register(
    Job(
        "send_review_reminders",
        every=datetime.timedelta(days=1),
        command="send_review_reminders",
        description="e-mails each editor group its overdue pages, a page at most once a week",
    )
)
register(
    Job(
        "check_links",
        every=datetime.timedelta(days=1),
        command="check_links",
        description="tries every external link in published content and records the answers",
        timeout=datetime.timedelta(hours=2),
    )
)
register(
    Job(
        "send_freshness_digest",
        every=datetime.timedelta(days=1),
        command="send_freshness_digest",
        description="mails each organisation its row of the freshness overview and the region the whole "
        "table, at most once per group and ISO week (a daily run sends each week's digest once)",
    )
)
